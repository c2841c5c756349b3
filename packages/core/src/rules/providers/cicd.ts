import type { Rule } from '../../types.js';
import { fake } from './fake.js';
import { ALNUM, HEX, UUID, contextRule, notPlaceholder, tokenRule } from './shape.js';

/** CI/CD, deployment and code-quality services. */
export const cicdRules: Rule[] = [
  tokenRule('circleci-personal-token', 'CircleCI personal or project API token (CCIPAT_/CCIPRJ_)', 'CCIP(?:AT|RJ)_', '[A-Za-z0-9]{22}_[a-f0-9]{40}', {
    match: [`CIRCLECI_TOKEN=CCIPAT_${fake('alnum', 22, 800)}_${fake('hex', 40, 801)}`],
    noMatch: ['CCIPAT_short'],
  }, { keywords: ['ccipat_', 'cciprj_'], minEntropy: 3.5 }),
  contextRule('circleci-api-token', 'CircleCI legacy API token (40 hex) next to a CircleCI name', ['circle[_.\\-]?ci', 'circle[_.\\-]?token'], HEX(40), {
    match: [`CIRCLECI_TOKEN=${fake('hex', 40, 802)}`],
    noMatch: ['CIRCLECI_BRANCH=main'],
  }, { keywords: ['circle'], minEntropy: 3, validate: notPlaceholder }),
  contextRule('travisci-access-token', 'Travis CI access token (22 characters) next to a Travis name', ['travis'], '[A-Za-z0-9_\\-]{22}', {
    match: [`TRAVIS_API_TOKEN=${fake('b64url', 22, 803)}`],
    noMatch: ['TRAVIS_BRANCH=main'],
  }, { minEntropy: 3 }),
  tokenRule('buildkite-api-token', 'Buildkite user API access token (bkua_)', 'bkua_', HEX(40), {
    match: [`BUILDKITE_API_TOKEN=bkua_${fake('hex', 40, 804)}`],
    noMatch: ['bkua_short'],
  }, { minEntropy: 3 }),
  contextRule('buildkite-agent-token', 'Buildkite agent registration token next to a Buildkite name', ['buildkite'], '[a-z0-9]{50}', {
    match: [`BUILDKITE_AGENT_TOKEN=${fake('lowernum', 50, 805)}`],
    noMatch: ['BUILDKITE_AGENT_TOKEN=short'],
  }, { minEntropy: 3.5 }),
  tokenRule('vercel-token', 'Vercel personal, integration, app or API token (vcp_/vci_/vca_/vcr_/vck_)', 'vc[pciark]_', '[A-Za-z0-9]{24,80}', {
    match: [`VERCEL_TOKEN=vcp_${fake('alnum', 40, 806)}`, `vca_${fake('alnum', 56, 807)}`],
    noMatch: ['vcp_abc', 'vcp_short'],
  }, { keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_', 'vcc_'], minEntropy: 3 }),
  contextRule('vercel-legacy-token', 'Vercel legacy access token (24 characters) next to a Vercel/now name', ['vercel'], '[A-Za-z0-9]{24}', {
    match: [`VERCEL_TOKEN=${fake('alnum', 24, 808)}`],
    noMatch: ['VERCEL_ORG_ID=team_abc'],
  }, { nameTail: 'token|key', minEntropy: 3.5 }),
  tokenRule('netlify-pat', 'Netlify personal access token (nfp_)', 'nfp_', '[A-Za-z0-9_]{36,40}', {
    match: [`NETLIFY_AUTH_TOKEN=nfp_${fake('alnum', 36, 809)}`],
    noMatch: ['nfp_short'],
  }, { keywords: ['nfp_'], minEntropy: 3.5 }),
  contextRule('netlify-access-token', 'Netlify access token (40-46 characters) next to a Netlify name', ['netlify'], '[\\w=\\-]{40,46}', {
    match: [`NETLIFY_AUTH_TOKEN=${fake('b64url', 43, 810)}`],
    noMatch: ['NETLIFY_SITE_ID=short'],
  }, { minEntropy: 3.5 }),
  tokenRule('render-api-key', 'Render API key (rnd_)', 'rnd_', ALNUM(32), {
    match: [`RENDER_API_KEY=rnd_${fake('alnum', 32, 811)}`],
    noMatch: ['rnd_short'],
  }, { minEntropy: 3.5 }),
  contextRule('railway-api-token', 'Railway API/project token (a UUID) next to a Railway name', ['railway'], UUID, {
    match: ['RAILWAY_TOKEN=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['RAILWAY_ENVIRONMENT=production'],
  }, { nameTail: 'token|key', validate: notPlaceholder }),
  contextRule('codecov-access-token', 'Codecov upload or API token next to a Codecov name', ['codecov'], `${UUID}|[a-z0-9]{32}`, {
    match: ['CODECOV_TOKEN=4ea38b7b-f563-4709-8bae-87aeaf14f0c1', `CODECOV_TOKEN=${fake('lowernum', 32, 812)}`],
    noMatch: ['CODECOV_FLAGS=unit'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  tokenRule('sonar-token', 'SonarQube/SonarCloud user, project or global analysis token (squ_/sqp_/sqa_)', 'sq[upa]_', '[a-f0-9]{40}', {
    match: [`SONAR_TOKEN=squ_${fake('hex', 40, 813)}`],
    noMatch: ['squ_short'],
  }, { keywords: ['squ_', 'sqp_', 'sqa_'], minEntropy: 3 }),
  contextRule('sonar-api-token', 'SonarQube/SonarCloud token (40 characters, optionally prefixed) next to a sonar login/token name', ['sonar'], '(?:sq[upa]_)?[A-Za-z0-9]{40}', {
    match: [`const SONAR_LOGIN = "${fake('alnum', 40, 814)}"`, `SONAR.TOKEN = "sqa_${fake('alnum', 40, 815)}"`],
    noMatch: ['SONAR_LOGIN = "admin"'],
  }, { nameTail: 'login|token', minEntropy: 3 }),
  contextRule('snyk-api-token', 'Snyk API or OAuth token (a UUID) next to a Snyk key/token name', ['snyk'], UUID, {
    match: ['SNYK_TOKEN := "4ea38b7b-f563-4709-8bae-87aeaf14f0c1"'],
    noMatch: ['SNYK_ORG = "4ea38b7b-f563-4709-8bae-87aeaf14f0c1"'],
  }, { nameTail: 'key|token', validate: notPlaceholder, confidence: 'high' }),
  {
    id: 'snyk-cli-auth-token',
    category: 'TOKEN',
    description: 'A Snyk API token given to the CLI on the command line (`snyk auth <token>`)',
    keywords: ['snyk auth'],
    startsAtKeyword: true,
    pattern: new RegExp(`snyk[ \\t]{1,4}auth[ \\t]{1,4}["']?(${UUID})(?![\\w-])`, 'i'),
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: ['snyk auth 9b7e2c41-5d3a-4f8e-a6b1-0c2d7e9f4a35'],
      noMatch: ['snyk auth', 'snyk auth $SNYK_TOKEN', 'snyk auth 00000000-0000-0000-0000-000000000000'],
    },
  },
  contextRule('gitguardian-api-key', 'GitGuardian API key next to a GitGuardian name', ['gitguardian'], '[A-Za-z0-9]{64,72}', {
    match: [`GITGUARDIAN_API_KEY=${fake('alnum', 69, 816)}`],
    noMatch: ['GITGUARDIAN_API_URL=https://api.gitguardian.com'],
  }, { minEntropy: 4 }),
  tokenRule('octopus-deploy-api-key', 'Octopus Deploy API key (API- + 26)', 'API-', '[A-Z0-9]{26}', {
    match: [`set apikey="API-${fake('uppernum', 26, 817)}"`],
    noMatch: ['msgstr "GSSAPI-VIRHEKAPSELOINTIMERKKIJONO."', 'https://fog-ringer-f42.notion.site/API-BD80F56CDC1441E6BF6011AB6D852875'],
  }, { keywords: ['api-'], minEntropy: 3, lead: '\\b', tail: '(?![\\w-])' }),
  tokenRule('harness-api-key', 'Harness personal or service-account token (pat./sat.)', '(?:pat|sat)\\.', '[\\w-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}', {
    match: [`HARNESS_API_KEY=pat.${fake('b64url', 22, 818)}.${fake('alnum', 24, 819)}.${fake('alnum', 20, 820)}`],
    noMatch: ['pat.short.short'],
  }, { keywords: ['pat.', 'sat.'], minEntropy: 3 }),
  contextRule('jenkins-api-token', 'Jenkins API token (11 + 32 hex) next to a Jenkins name', ['jenkins'], '11[a-f0-9]{32}|[a-f0-9]{32}', {
    match: [`JENKINS_API_TOKEN=11${fake('hex', 32, 821)}`],
    noMatch: ['JENKINS_URL=https://ci.example.com'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('bitrise-token', 'Bitrise personal access or build trigger token next to a Bitrise name', ['bitrise'], '[A-Za-z0-9_\\-]{22,86}', {
    match: [`BITRISE_TOKEN=${fake('b64url', 86, 822)}`],
    noMatch: ['BITRISE_APP=short'],
  }, { nameTail: 'token|key|secret', minEntropy: 4 }),
  contextRule('droneci-access-token', 'Drone CI access token (32 characters) next to a Drone name', ['drone'], ALNUM(32), {
    match: [`DRONE_TOKEN=${fake('alnum', 32, 823)}`],
    noMatch: ['DRONE_SERVER=https://drone.example.com'],
  }, { nameTail: 'token|secret', minEntropy: 3.5 }),
  tokenRule('deno-deploy-token', 'Deno Deploy access token (ddp_/ddw_)', 'dd[pw]_', ALNUM(36), {
    match: [`DENO_DEPLOY_TOKEN=ddp_${fake('alnum', 36, 824)}`],
    noMatch: ['ddp_short'],
  }, { keywords: ['ddp_', 'ddw_'], minEntropy: 3.5 }),
  contextRule('codacy-api-token', 'Codacy project or account API token next to a Codacy name', ['codacy'], '[A-Za-z0-9]{20,32}', {
    match: [`CODACY_PROJECT_TOKEN=${fake('alnum', 32, 825)}`],
    noMatch: ['CODACY_PROJECT_TOKEN=short'],
  }, { minEntropy: 3.5 }),
  contextRule('coveralls-repo-token', 'Coveralls repository token next to a Coveralls name', ['coveralls'], '[A-Za-z0-9]{32,37}', {
    match: [`COVERALLS_REPO_TOKEN=${fake('alnum', 35, 826)}`],
    noMatch: ['COVERALLS_SERVICE_NAME=github'],
  }, { minEntropy: 3.5 }),
  contextRule('saucelabs-access-key', 'Sauce Labs access key (a UUID) next to a Sauce name', ['sauce'], UUID, {
    match: ['SAUCE_ACCESS_KEY=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['SAUCE_USERNAME=builder'],
  }, { validate: notPlaceholder }),
  contextRule('browserstack-access-key', 'BrowserStack access key (20 characters) next to a BrowserStack name', ['browserstack'], ALNUM(20), {
    match: [`BROWSERSTACK_ACCESS_KEY=${fake('alnum', 20, 827)}`],
    noMatch: ['BROWSERSTACK_USERNAME=builder1'],
  }, { nameTail: 'key|token', minEntropy: 3.5 }),
  contextRule('appveyor-api-token', 'AppVeyor API token next to an AppVeyor name', ['appveyor'], '(?:v2\\.)?[a-z0-9]{20,32}', {
    match: [`APPVEYOR_API_TOKEN=v2.${fake('lowernum', 20, 828)}`],
    noMatch: ['APPVEYOR_API_TOKEN=short'],
  }, { minEntropy: 3.5 }),
  tokenRule('scalingo-api-token', 'Scalingo API token (tk-us-)', 'tk-us-', '[\\w-]{48}', {
    match: [`scalingo_api_token = "tk-us-${fake('b64url', 48, 829)}"`],
    noMatch: ['tk-us-short'],
  }, { minEntropy: 2 }),
  tokenRule('infracost-api-token', 'Infracost API key (ico-)', 'ico-', ALNUM(32), {
    match: [`INFRACOST_API_KEY=ico-${fake('alnum', 32, 830)}`],
    noMatch: ['ico-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', `video_box.ico-${fake('hex', 32, 830)}.png`],
  }, { minEntropy: 3, lead: '(?<![\\w.-])' }),
  tokenRule('prefect-api-token', 'Prefect Cloud API key (pnu_)', 'pnu_', ALNUM(36), {
    match: [`PREFECT_API_KEY=pnu_${fake('alnum', 36, 831)}`],
    noMatch: ['PREFECT_API_KEY = "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"'],
  }, { minEntropy: 2 }),
  tokenRule('postman-api-token', 'Postman API key (PMAK-)', 'PMAK-', '[a-fA-F0-9]{24}-[a-fA-F0-9]{34}', {
    match: [`POSTMAN_API_KEY=PMAK-${fake('hex', 24, 832)}-${fake('hex', 34, 833)}`],
    noMatch: ['PMAK-short'],
  }, { minEntropy: 3 }),
  tokenRule('readme-api-token', 'ReadMe API key (rdme_)', 'rdme_', '[a-z0-9]{70}', {
    match: [`README_API_KEY=rdme_${fake('lowernum', 70, 834)}`],
    noMatch: [`const API_KEY = 'rdme_${'X'.repeat(70)}';`],
  }, { minEntropy: 2 }),
  tokenRule('sourcegraph-cody-token', 'Sourcegraph Cody gateway token (sgd_/slk_) ', 's(?:gd|lk)_', '[a-f0-9]{64}', {
    match: [`sgd_${fake('hex', 64, 835)}`],
    noMatch: ['sgd_short'],
  }, { keywords: ['sgd_', 'slk_'], minEntropy: 3 }),
  contextRule('launchdarkly-access-token', 'LaunchDarkly API access token or SDK key next to a LaunchDarkly name', ['launch[_.\\-]?darkly', '\\bld[_.\\-](?:api|sdk|access)'], `(?:api|sdk)-${UUID}|[\\w=\\-]{40}`, {
    match: ['LAUNCHDARKLY_SDK_KEY=sdk-4ea38b7b-f563-4709-8bae-87aeaf14f0c1', `LAUNCHDARKLY_ACCESS_TOKEN=api-4ea38b7b-f563-4709-8bae-87aeaf14f0c1`],
    noMatch: ['LAUNCHDARKLY_CLIENT_SIDE_ID=abc'],
  }, { keywords: ['launchdarkly', 'launch_darkly', 'launch-darkly', 'ld_api', 'ld_sdk', 'ld_access'], validate: notPlaceholder, confidence: 'high' }),
  contextRule('fastly-api-token', 'Fastly API token (32 characters) next to a Fastly name', ['fastly'], '[\\w=\\-]{32}', {
    match: [`FASTLY_API_TOKEN=${fake('b64url', 32, 836)}`],
    noMatch: ['FASTLY_SERVICE_ID=short'],
  }, { minEntropy: 3.5 }),
  tokenRule('settlemint-token', 'SettleMint application, personal or service access token (sm_aat_/sm_pat_/sm_sat_)', 'sm_[aps]at_', ALNUM(16), {
    match: [`SETTLEMINT_ACCESS_TOKEN=sm_pat_${fake('alnum', 16, 837)}`],
    noMatch: ['sm_pat_short'],
  }, { keywords: ['sm_aat', 'sm_pat', 'sm_sat'], minEntropy: 3 }),
  tokenRule('authress-service-client-access-key', 'Authress service client access key', '(?:sc|ext|scauth|authress)_', '[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}', {
    match: [`AUTHRESS_KEY=sc_${fake('alnum', 10, 838)}.${fake('alnum', 5, 839)}.acc_${fake('lowernum', 16, 840)}.${fake('b64', 60, 841)}`],
    noMatch: ['sc_abc.def.acc_x.y'],
  }, { keywords: ['sc_', 'ext_', 'scauth_', 'authress_'], minEntropy: 2 }),
  tokenRule('defined-networking-api-token', 'Defined Networking (Nebula) API token (dnkey-)', 'dnkey-', '[\\w=\\-]{26}-[\\w=\\-]{52}', {
    match: [`dnkey-${fake('b64url', 26, 842)}-${fake('b64url', 52, 843)}`],
    noMatch: ['dnkey-short'],
  }, { minEntropy: 3 }),
  tokenRule('postman-access-token', 'Postman collection access token (PMAT-)', 'PMAT-', '[A-Z0-9]{26}', {
    match: [`PMAT-${fake('uppernum', 26, 843)}`],
    noMatch: ['PMAT-short'],
  }, { minEntropy: 3.5 }),
  tokenRule('wundergraph-api-key', 'WunderGraph Cosmo API key (cosmo_)', 'cosmo_', HEX(32), {
    match: [`COSMO_API_KEY=cosmo_${fake('hex', 32, 844)}`],
    noMatch: ['cosmo_short'],
  }, { minEntropy: 3 }),
  tokenRule('vercel-blob-token', 'Vercel Blob read-write token (vercel_blob_rw_<store id>_<secret>)', 'vercel_blob_rw_', '[A-Za-z0-9]{16}_[A-Za-z0-9]{20,40}', {
    match: [`BLOB_READ_WRITE_TOKEN="vercel_blob_rw_${fake('alnum', 16, 4520)}_${fake('alnum', 30, 4521)}"`],
    noMatch: ['vercel_blob_rw_short_token', `vercel_blob_rw_${fake('alnum', 16, 4522)}`],
  }, { category: 'TOKEN', minEntropy: 3.5 }),
  // Vercel's Protection Bypass for Automation: a 32-character secret sent as a header or query parameter that lets its holder past
  // the deployment's password or Vercel Authentication.
  contextRule('vercel-protection-bypass', 'Vercel protection bypass secret (32 characters) after the x-vercel-protection-bypass header or parameter', ['x-vercel-protection-bypass'], ALNUM(32), {
    match: [`extraHTTPHeaders: { "x-vercel-protection-bypass": "${fake('alnum', 32, 4523)}" }`, `curl "https://web-git-main.vercel.app/?x-vercel-protection-bypass=${fake('alnum', 32, 4524)}"`],
    noMatch: ['"x-vercel-protection-bypass": process.env.VERCEL_AUTOMATION_BYPASS_SECRET', '"x-vercel-set-bypass-cookie": "true"'],
  }, { category: 'TOKEN', minEntropy: 3.5, confidence: 'high' }),
  // A Render deploy hook (`https://api.render.com/deploy/srv-…?key=…`) deploys the service for anyone who calls it: the key is its secret.
  {
    id: 'render-deploy-hook-key',
    category: 'TOKEN',
    description: "Render deploy hook's key (https://api.render.com/deploy/srv-…?key=…)",
    keywords: ['api.render.com/deploy/'],
    startsAtKeyword: true,
    pattern: /api\.render\.com\/deploy\/srv-[a-z0-9]{16,32}\?(?:[^\s"'#]{0,200}?&)?key=([A-Za-z0-9_-]{8,64})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    validate: (s) => notPlaceholder(s) && /[A-Za-z]/.test(s) && /[0-9A-Z]/.test(s),
    confidence: 'high',
    examples: {
      match: [`run: curl -fsS -X POST "https://api.render.com/deploy/srv-${fake('lowernum', 20, 4525)}?key=${fake('alnum', 11, 4526)}"`],
      noMatch: [`curl "https://api.render.com/deploy/srv-${fake('lowernum', 20, 4527)}?key=$RENDER_HOOK_KEY"`, 'https://api.render.com/v1/services?limit=20'],
    },
  },
];
