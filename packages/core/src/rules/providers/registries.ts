import { decodeBase64 } from '../../base64.js';
import { shannonEntropy } from '../../entropy.js';
import { indexOfBelow, lineAround } from '../../line-index.js';
import type { DetectOptions, Rule, Span } from '../../types.js';
import { fake } from './fake.js';
import { ALNUM, HEX, contextRule, mixesClasses, notPlaceholder, tokenRule } from './shape.js';
import { decodesToRandomPassword, decodesToUserPassword, isPlaceholder, isPlausiblePassword, isPlausibleSecret } from '../../secret-value.js';
import { splitWords } from '../../key-name.js';

/**
 * Bundler's credentials for a gem server, set in the environment: `BUNDLE_<HOST>` with the host's
 * dots written `__` (`BUNDLE_GEMS__ACME__IO=user:password`, or a token alone). `BUNDLE_BUILD__<GEM>`
 * (compiler flags) and `BUNDLE_MIRROR__<URL>` (a mirror's address) share the shape and hold none.
 */
const BUNDLER_HOST_CREDENTIAL =
  /BUNDLE_(?!BUILD__|MIRROR__)(?=[A-Z0-9_]{0,120}[A-Z0-9]__[A-Z0-9])[A-Z0-9_]{4,200}["']?[ \t]{0,4}[=:][ \t]{0,4}["']?(?:[^\s"':@/$]{1,64}:)?([^\s"':@/]{6,200})(?=["']|\s|$)/;

/** A registry's password, identity token or `auth` pair in a Docker config.json (one entry's is enough). */
const DOCKER_CONFIG_SECRET = /"(?<name>auth|password|identitytoken)"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}"(?<v>[^"\\]{4,2000})"/g;

/** Whether base64 text decodes to a Docker config.json holding a credential that is not a stand-in. */
function decodesToDockerCredentials(value: string): boolean {
  const decoded = decodeBase64(value);
  if (decoded === undefined) return false;
  for (const m of decoded.matchAll(DOCKER_CONFIG_SECRET)) {
    const secret = m.groups!['v']!;
    if (m.groups!['name'] === 'auth' ? decodesToUserPassword(secret) : !isPlaceholder(secret)) return true;
  }
  return false;
}

/**
 * A Vault unseal or recovery key share: Shamir shares of the 32-byte root key are 33 bytes,
 * printed as base64 (44 characters, or 43 and `=` for 32 bytes) and as hex (66 or 64 digits).
 */
const UNSEAL_KEY_SHARE = /(?<![A-Za-z0-9+/=])([A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44}|[0-9a-f]{64}|[0-9a-f]{66})(?![A-Za-z0-9+/=])/g;
/** How far after the word unseal a share is looked for: the paragraph, `vault operator init`'s five shares or its JSON arrays. */
const UNSEAL_WINDOW = 600;
/**
 * Where the word's paragraph ends: a blank line, or a comment line of a script or a heading that does not say unseal
 * (`# audit device hash salt check (public)` before an `echo "<64 hex>"`): the next step of the script is another thing's.
 */
const UNSEAL_PARAGRAPH_END = /\n[ \t]{0,40}\r?\n|\n[ \t]{0,40}(?:#|\/\/)(?![^\n]{0,200}unseal)/i;

/**
 * The key shares that follow the word unseal within its paragraph (up to a blank line):
 * `Unseal Key 1: …`, the `unseal_keys_b64` array, a runbook's "the copy of unseal key 3 is …".
 * A share is random bytes: base64 mixing cases and digits, or hex, with high entropy.
 */
function findUnsealKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    const from = Math.max(offset, readTo);
    let end = Math.min(text.length, offset + UNSEAL_WINDOW);
    const stop = UNSEAL_PARAGRAPH_END.exec(text.slice(from, end));
    if (stop !== null) end = from + stop.index;
    if (end <= from) continue;
    readTo = end;
    const window = text.slice(from, end);
    UNSEAL_KEY_SHARE.lastIndex = 0;
    for (let m = UNSEAL_KEY_SHARE.exec(window); m !== null; m = UNSEAL_KEY_SHARE.exec(window)) {
      const share = m[0];
      const hex = /^[0-9a-f]+$/.test(share);
      if (hex ? shannonEntropy(share) < 3.3 : !mixesClasses(share, 3) || shannonEntropy(share) < 4.2) continue;
      if (isSetUnderDigestName(text, from + m.index)) continue;
      spans.push({ start: from + m.index, end: from + m.index + share.length });
    }
  }
  return spans;
}

/** `name: ` / `name = "` just before a value on its line: the name of the entry the value is set under. */
const ENTRY_NAME_BEFORE = /([A-Za-z][\w.-]{0,60})["']?[ \t]{0,4}[=:][ \t]{0,4}["']?$/;
/** Last words of a name whose value is a digest (`agent_checksum`, `bundle_sha256`, `image.digest`). */
const DIGEST_LAST_WORD = /^(?:checksum|digest|hash|sha|sha1|sha256|sha384|sha512|md5|fingerprint|integrity)$/;

/**
 * Whether the value at `start` is set under a digest's name (`sentinel_checksum: "3f93…"` a few
 * lines below an unseal hint in the same YAML block): a SHA-256 has a share's 64 hex digits, but
 * anyone holding the file it sums can compute it. A share stands under its own words
 * (`Unseal Key 1:`, `unseal_keys_hex`) or in prose.
 */
function isSetUnderDigestName(text: string, start: number): boolean {
  // The line's start within the 80 characters read (lineAround: no search per value to the start of a long line).
  const name = ENTRY_NAME_BEFORE.exec(text.slice(lineAround(text, start, 80).start, start));
  if (name === null) return false;
  const words = splitWords(name[1]!);
  return DIGEST_LAST_WORD.test(words[words.length - 1] ?? '');
}

/** Package registries, artifact stores and secret managers. */
/**
 * Consul's (and Nomad's and Serf's) gossip encryption key: `encrypt = "…"` in the agent's
 * configuration, `"encrypt": "…"` in JSON, `-encrypt=…` on the command line. The value is
 * what `consul keygen` prints, the base64 of 32 random bytes (16 and 24 are accepted too);
 * anyone holding it can join or read the cluster's gossip. Only that shape counts, so
 * `Encrypt=true` in a connection string is no candidate.
 */
const CONSUL_GOSSIP_KEY =
  /encrypt(?<![\w]encrypt)["']?[ \t]{0,4}(?:[=:][ \t]{0,4}|[ \t])["']?([A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{32})(?![A-Za-z0-9+/=])/;

/** The opening of Consul's `acl { tokens { … } }` block (HCL), or its JSON `"tokens": {`. */
const ACL_TOKENS_BLOCK = /tokens["']?[ \t]{0,4}[=:]?[ \t]{0,4}\{/y;
/**
 * The tokens an agent's configuration may set, each an ACL secret id (a UUID): the bootstrap
 * management token (`initial_management`, formerly `master`), the agent's own, its recovery
 * token, the default and replication tokens. Under those names a UUID is a credential.
 * HCL formatters align a block's `=` signs, so a short name may stand far from its value.
 */
const ACL_TOKEN_ENTRY =
  /(?<![\w-])["']?(?:initial_management|master|agent|agent_recovery|agent_master|default|replication|config_file_service_registration|dns)["']?[ \t]{0,40}[=:][ \t]{0,4}["']([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})["']/g;
/** An `acl {` / `"acl": {` opening before the tokens block, with no block closed since. */
const ACL_BLOCK_BEFORE = /(?<![\w-])["']?acl["']?[ \t]{0,4}[=:]?[ \t]{0,4}\{[^}]{0,800}$/;
/** Up to this many characters of a tokens block are read: it holds a handful of entries. */
const ACL_TOKENS_WINDOW = 800;

function findConsulAclTokens(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    ACL_TOKENS_BLOCK.lastIndex = offset;
    const open = ACL_TOKENS_BLOCK.exec(text);
    // Only inside an `acl` block: elsewhere `tokens { default = … }` is anybody's map.
    if (open === null || !ACL_BLOCK_BEFORE.test(text.slice(Math.max(0, offset - ACL_TOKENS_WINDOW), offset))) continue;
    const from = offset + open[0].length;
    // Its closing brace within the window only: blocks never closed must not each cost a search to the text's end.
    const close = indexOfBelow(text, '}', from, from + ACL_TOKENS_WINDOW + 1);
    const end = close === -1 ? Math.min(text.length, from + ACL_TOKENS_WINDOW) : close;
    const block = text.slice(from, end);
    ACL_TOKEN_ENTRY.lastIndex = 0;
    for (let m = ACL_TOKEN_ENTRY.exec(block); m !== null; m = ACL_TOKEN_ENTRY.exec(block)) {
      const value = m[1]!;
      if (!isRandomUuid(value)) continue;
      const start = from + m.index + m[0].lastIndexOf(value);
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

/** A UUID with the randomness of a generated one: not zeros, not a run of one digit or a counting pattern. */
function isRandomUuid(value: string): boolean {
  const hex = value.replace(/-/g, '');
  return new Set(hex.toLowerCase()).size >= 8 && shannonEntropy(hex) >= 3;
}

/**
 * The part after a short Vault token's prefix: small letters, capitals and digits, and, beyond a root token's 24
 * base62 characters, no run of small letters a word would make (`getRegistration2ControllerImpl_v1`).
 */
function isShortVaultToken(body: string): boolean {
  if (!/^[\w-]{24,93}$/.test(body) || !mixesClasses(body, 3)) return false;
  // A root token is 24 base62 characters drawn at random: read as it is.
  return /^[A-Za-z0-9]{24}$/.test(body) || !/[a-z]{7}/.test(body);
}

export const registryRules: Rule[] = [
  {
    id: 'bundler-host-credential',
    category: 'PASS',
    description: "A gem server's credentials in Bundler's per-host variable (`BUNDLE_GEMS__ACME__IO=user:password`, `BUNDLE_RUBYGEMS__PKG__GITHUB__COM=token`): the password or token",
    keywords: ['bundle_'],
    startsAtKeyword: true,
    pattern: BUNDLER_HOST_CREDENTIAL,
    secretGroup: 1,
    // After `user:` the value is a password; alone, a token, which has to look generated.
    validate: (secret, context) => {
      const before = context.text.charCodeAt(context.matchEnd - secret.length - 1);
      return before === 58 /* : */
        ? isPlausiblePassword(secret)
        : isPlausibleSecret(secret, { category: 'KEY', quoted: true }) && 'TOKEN';
    },
    confidence: 'high',
    examples: {
      match: ['ENV BUNDLE_GEMS__ACME__IO=ci-reader:Tq8vLm2Rz5Wp', `export BUNDLE_RUBYGEMS__PKG__GITHUB__COM="${fake('alnum', 36, 518)}"`],
      noMatch: ['ENV BUNDLE_BUILD__PG=--with-pg-config=/usr/bin/pg_config', 'BUNDLE_GEMS__ACME__IO=${GEMS_CREDENTIALS}', 'BUNDLE_WITHOUT=development:test', 'BUNDLE_MIRROR__HTTPS://RUBYGEMS__ORG/=https://mirror.acme.internal'],
    },
  },
  tokenRule('npm-access-token', 'npm access token (npm_)', 'npm_', ALNUM(36), {
    match: [`//registry.npmjs.org/:_authToken=npm_${fake('alnum', 36, 500)}`],
    noMatch: ['npm_short', `npm_${'x'.repeat(36)}`],
  }, { minEntropy: 2.5 }),
  {
    id: 'npmrc-auth-token',
    category: 'KEY',
    description: 'Registry auth token in an .npmrc/.yarnrc (…:_authToken=…), or set by `npm config set //host/:_authToken …`',
    keywords: ['_authtoken'],
    // `npm config set` and `yarn config set` take the key and the value as two arguments, a blank between them.
    pattern: /:_authToken(?:[ \t]{0,4}=[ \t]{0,4}|[ \t]{1,4})["']?([\w\-.+/=]{20,300})(?![\w\-.+/=])/,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`//npm.pkg.github.com/:_authToken=${fake('alnum', 40, 501)}`, `npm config set //npm.pkg.github.com/:_authToken ${fake('alnum', 40, 9871)}`],
      noMatch: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    },
  },
  {
    id: 'npmrc-auth-basic',
    category: 'CRED',
    description: 'Registry basic credentials in an .npmrc (_auth= base64 of user:password), or set by `npm config set //host/:_auth …`',
    keywords: ['_auth'],
    pattern: /(?:^|[\s:])_auth(?:[ \t]{0,4}=[ \t]{0,4}|[ \t]{1,4})["']?([A-Za-z0-9+/]{8,400}={0,2})(?![\w+/=])/,
    secretGroup: 1,
    validate: decodesToUserPassword,
    confidence: 'high',
    examples: {
      match: [`_auth=${btoa('builder:Qz7pL2mx9W')}`, `npm config set //npm.acme.example/:_auth ${btoa('ci-bot:Rv4nK8wQ2z')}`],
      noMatch: ['_auth=${NPM_AUTH}', '_auth=bm90LWEtcGFpcg==', 'npm config set //npm.acme.example/:_auth "$NPM_AUTH"', 'the _auth setting holds base64'],
    },
  },
  tokenRule('pypi-upload-token', 'PyPI (or TestPyPI) upload token (pypi-AgEI… macaroon)', 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)', '[\\w-]{50,1000}', {
    match: [`password = pypi-AgEIcHlwaS5vcmc${fake('b64url', 150, 502)}`],
    noMatch: ['pypi-AgEIcHlwaS5vcmcshort'],
  }, { keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'], minEntropy: 3 }),
  tokenRule('rubygems-api-token', 'RubyGems API key (rubygems_)', 'rubygems_', HEX(48), {
    match: [`GEM_HOST_API_KEY=rubygems_${fake('hex', 48, 503)}`],
    noMatch: ['rubygems_short'],
  }, { minEntropy: 2.5 }),
  tokenRule('nuget-api-key', 'NuGet.org API key (oy2…)', 'oy2', '[a-z0-9]{43}', {
    match: [`dotnet nuget push -k oy2${fake('lowernum', 43, 504)}`],
    noMatch: ['oy2short'],
  }, { minEntropy: 3.5 }),
  {
    id: 'nuget-config-password',
    category: 'PASS',
    description: 'Clear-text package-source password in a NuGet.Config file',
    keywords: ['<add key='],
    pattern: /<add key="(?:ClearText)?Password"[ \t]{1,8}value="([^"\r\n]{8,200})"[ \t]{0,8}\/>/i,
    secretGroup: 1,
    minEntropy: 1,
    validate: notPlaceholder,
    paths: /(?:^|[\\/])nuget\.config$/i,
    confidence: 'high',
    examples: { match: [], noMatch: [] },
  },
  tokenRule('docker-hub-pat', 'Docker Hub personal or organisation access token (dckr_pat_/dckr_oat_)', 'dckr_(?:pat|oat)_', '[\\w-]{27,40}', {
    match: [`DOCKER_TOKEN=dckr_pat_${fake('b64url', 27, 505)}`],
    noMatch: ['dckr_pat_tooshort', 'dckr_pat_'],
  }, { keywords: ['dckr_pat_', 'dckr_oat_'], minEntropy: 3 }),
  {
    id: 'docker-config-auth',
    category: 'CRED',
    description: 'Registry credentials in a Docker config.json ("auth": base64 of user:password)',
    keywords: ['"auth"'],
    // A registry's token can be long: Azure Container Registry's refresh token (a JWT under the null GUID as user) or
    // ECR's `AWS:` login token run to a few thousand characters once encoded.
    pattern: /"auth"[ \t]{0,4}:[ \t]{0,4}"([A-Za-z0-9+/]{8,8000}={0,2})"/,
    secretGroup: 1,
    // A registry that takes a password or token alone gets it encoded with no `user:` (random printable text).
    validate: (value) => decodesToUserPassword(value) || decodesToRandomPassword(value),
    confidence: 'high',
    examples: {
      match: [`{"auths": {"ghcr.io": {"auth": "${btoa(`octo:ghp_${fake('alnum', 36, 506)}`)}"}}}`, `DOCKER_AUTH_CONFIG: '{"auths":{"registry.example.lan":{"auth":"${btoa('Rv5#qZ8kTm2!Wx')}"}}}'`],
      // The second is base64 of `username:password`, a stand-in from documentation.
      noMatch: ['{"auth": "bm90LWEtcGFpcg=="}', `{"auths": {"registry.corp.lan:5000": {"auth": "${btoa('username:password')}"}}}`, '{"auths": {"registry.corp.lan": {"auth": ""}}}', `{"auths": {"registry.corp.lan": {"auth": "${btoa('user:changeme')}"}}}`, `{"auth": "${btoa('registrypassword')}"}`],
    },
  },
  {
    // `kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}'` prints the file base64-encoded, as a
    // pull secret's manifest, a CI variable or a Helm value holds it. `{"auths":` opens it, so its encoding opens
    // `eyJhdXRocyI6` (compact, as `kubectl create secret docker-registry` writes it) or `ewogICJhdXRocyI6` (indented).
    id: 'docker-config-base64',
    category: 'CRED',
    description: 'A Docker config.json (a Kubernetes `.dockerconfigjson`) encoded in base64 (`eyJhdXRocyI6…`), holding a registry password, token or `auth` pair',
    keywords: ['eyjhdxrocyi6', 'ewogicjhdxrocyi6'],
    startsAtKeyword: true,
    pattern: /(?<![A-Za-z0-9+/])((?:eyJhdXRocyI6|ewogICJhdXRocyI6)[A-Za-z0-9+/]{20,8000}={0,2})(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    validate: decodesToDockerCredentials,
    confidence: 'high',
    examples: {
      match: [btoa(`{"auths":{"ghcr.io":{"username":"ci-bot","password":"ghp_${fake('alnum', 36, 9871)}","auth":"${btoa(`ci-bot:ghp_${fake('alnum', 36, 9871)}`)}"}}}`)],
      noMatch: [btoa('{"auths":{"registry.example.com":{"auth":""}}}'), btoa('{"auths":{"ghcr.io":{"username":"ci","password":"<token>"}}}')],
    },
  },
  tokenRule('crates-io-api-token', 'crates.io API token (cio…)', 'cio', ALNUM(32), {
    match: [`CARGO_REGISTRY_TOKEN=cio${fake('alnum', 32, 507)}`],
    noMatch: ['cioshort'],
  }, { minEntropy: 3.5, validate: (s) => notPlaceholder(s) && mixesClasses(s, 3) }),
  tokenRule('artifactory-api-key', 'JFrog Artifactory API key (AKCp…)', 'AKCp', ALNUM(69), {
    match: [`ARTIFACTORY_API_KEY=AKCp${fake('alnum', 69, 508)}`],
    noMatch: [`lowEntropy := AKCp${'X'.repeat(69)}`],
  }, { minEntropy: 4.5, lead: '\\b', tail: '\\b' }),
  tokenRule('artifactory-reference-token', 'JFrog Artifactory reference token (base64 of "reftkn…")', 'cmVmd', ALNUM(59), {
    match: [`JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj${fake('alnum', 50, 509)}`],
    noMatch: [`lowEntropy := cmVmd${'X'.repeat(59)}`],
  }, { minEntropy: 4.5, lead: '\\b', tail: '\\b' }),
  contextRule('jfrog-api-key', 'JFrog API key (73 characters) next to a JFrog/Artifactory name', ['jfrog', 'artifactory', 'bintray', 'xray'], '[A-Za-z0-9]{73}', {
    match: [`ARTIFACTORY_PASSWORD=${fake('alnum', 73, 510)}`],
    noMatch: ['ARTIFACTORY_URL=https://acme.jfrog.io'],
  }, { minEntropy: 4 }),
  contextRule('jfrog-identity-token', 'JFrog identity token (64 characters) next to a JFrog/Artifactory name', ['jfrog', 'artifactory', 'bintray', 'xray'], '[A-Za-z0-9]{64}', {
    match: [`JFROG_IDENTITY_TOKEN=${fake('alnum', 64, 511)}`],
    noMatch: [`JFROG_IDENTITY_TOKEN=${fake('alnum', 40, 511)}`],
  }, { minEntropy: 4 }),
  tokenRule('clojars-api-token', 'Clojars deploy token (CLOJARS_)', 'CLOJARS_', '[A-Za-z0-9]{60}', {
    match: [`CLOJARS_PASSWORD=CLOJARS_${fake('lowernum', 60, 512)}`],
    noMatch: ['CLOJARS_short'],
  }, { minEntropy: 2 }),
  tokenRule('pulumi-api-token', 'Pulumi access token (pul-)', 'pul-', HEX(40), {
    match: [`PULUMI_ACCESS_TOKEN=pul-${fake('hex', 40, 513)}`],
    noMatch: [`<img src="./assets/vipul-${fake('hex', 40, 513)}.png">`],
  }, { minEntropy: 2 }),
  {
    id: 'hashicorp-tf-api-token',
    category: 'KEY',
    description: 'Terraform Cloud / HCP Terraform API token (<id>.atlasv1.<secret>)',
    keywords: ['atlasv1'],
    pattern: /\b([A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70})(?![\w=-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`token = "${fake('alnum', 14, 514)}.atlasv1.${fake('b64url', 67, 515)}"`],
      noMatch: ['token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
    },
  },
  // Vault 1.10+ tokens: `hvs.` a service token, `hvb.` a batch token, `hvr.` a recovery token. Most carry about 90
  // characters or more after the prefix (base64url of the token's protobuf), a batch token well over a hundred; a root
  // token (the dev server's `Root Token: hvs.…`, `vault operator generate-root`) and a token from a build or
  // configuration that leaves out the HMAC'd form carry 24 to about 90. A short one must mix small letters, capitals
  // and digits (base62, maybe `_`/`-` from the longer encoding), which a member name reached through a variable
  // named `hvs` does not. A token runs on into no base64 character: `…/hvs.…/…` is a piece of an encoded blob.
  tokenRule('vault-service-token', 'HashiCorp Vault token (hvs. service or root, hvb. batch, hvr. recovery)', 'hv[sbr]\\.', '[\\w-]{24,300}', {
    match: [
      `VAULT_TOKEN=hvs.${fake('b64url', 95, 516)}`,
      `Root Token: hvs.${fake('alnum', 24, 519)}`,
      'log.Printf("lease token=%s", "hvs.Qm3x_Tn8kWv2Lr7-PdY5zJc4")',
      `VAULT_TOKEN=hvb.${fake('b64url', 138, 5160)}`,
      'recovery: hvr.Rk4vTq9Zw2Nx7Lm5Pc8Hb3Jd',
    ],
    noMatch: [
      'hvs.abc',
      `hvs.${'x'.repeat(95)}`,
      `xhvs.${fake('b64url', 95, 516)}`,
      'hvs.getRegistrationControllerImpl()',
      'hvs.registration_controller_impl',
      'hvb.build_pipeline_stage_runner_v2',
      'hvs.getRegistration2ControllerImpl_v1()',
      'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9/hvs.Qm3xTn8kWv2Lr7PdY5zJc4Hb6Nq9Xw/iOiJKV1QiLCJhbG',
    ],
  }, { keywords: ['hvs.', 'hvb.', 'hvr.'], tail: '(?![\\w/+=-])', minEntropy: 3.5, validate: (s) => notPlaceholder(s) && (s.length >= 94 || isShortVaultToken(s.slice(4))) }),
  {
    id: 'vault-unseal-key',
    category: 'KEY',
    description:
      'A HashiCorp Vault unseal (or recovery) key share after the word unseal: `Unseal Key 1: …` as `vault operator init` prints it, `unseal_keys_b64` / `unseal_keys_hex` in its JSON, `vault operator unseal …`, a key share quoted in the same paragraph (up to a blank line, or a script\'s comment or a heading that does not say unseal)',
    keywords: ['unseal'],
    pattern: UNSEAL_KEY_SHARE,
    secretGroup: 1,
    find: findUnsealKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        `Unseal Key 1: ${fake('b64', 44, 541)}`,
        `"unseal_keys_b64": [\n    "${fake('b64', 43, 542)}="\n  ]`,
        `three of five unseal keys are needed.\nThe emergency copy of key 3 is: \`${fake('b64', 43, 543)}=\``,
        `vault operator unseal ${fake('hex', 66, 544)}`,
        `# unseal keys, 3 of 5\nvault operator unseal ${fake('b64', 44, 549)}\n# unseal key 2, from the safe\nvault operator unseal ${fake('b64', 44, 550)}`,
      ],
      noMatch: [
        'Unseal Key 1: <unseal-key-1>',
        `vault operator unseal\n\nsha256: ${fake('hex', 64, 545)}`,
        `Unseal Key 1: ${'A'.repeat(44)}`,
        `the unseal step uses ${fake('b64', 60, 546)}`,
        `# the vault VM does not auto-unseal\necho "${fake('hex', 64, 547)}  /usr/local/bin/vault" | sha256sum -c -`,
        `# unseal with three of the five shares\nvault operator unseal "$SHARE_1"\n# audit device salt (public)\necho "${fake('hex', 64, 548)}" > /dev/null`,
      ],
    },
  },
  {
    id: 'consul-gossip-key',
    category: 'KEY',
    description:
      "Consul's (Nomad's, Serf's) gossip encryption key, as `consul keygen` prints it (base64 of 32 bytes), set as `encrypt = \"…\"`, `\"encrypt\": \"…\"` or `-encrypt=…`",
    keywords: ['encrypt'],
    pattern: CONSUL_GOSSIP_KEY,
    startsAtKeyword: true,
    secretGroup: 1,
    minEntropy: 4,
    validate: (s) => notPlaceholder(s) && mixesClasses(s, 3),
    confidence: 'high',
    examples: {
      match: [`encrypt = "${fake('b64', 43, 9811)}="`, `{"datacenter": "dc1", "encrypt": "${fake('b64', 22, 9812)}=="}`, `consul agent -server -encrypt=${fake('b64', 43, 9813)}= -bootstrap-expect=3`],
      noMatch: ['encrypt = true', 'Server=db;Encrypt=True;TrustServerCertificate=False', `decrypt = "${fake('b64', 43, 9811)}="`, `encrypt = "${fake('b64', 40, 9814)}"`, 'encrypt = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="'],
    },
  },
  {
    id: 'consul-acl-token',
    category: 'TOKEN',
    description:
      "An ACL token set in a Consul agent's `acl { tokens { … } }` block (or its JSON `\"tokens\": {…}`): `initial_management` (formerly `master`), `agent`, `agent_recovery`, `default`, `replication` — a UUID that is the token's secret id",
    keywords: ['tokens'],
    pattern: ACL_TOKEN_ENTRY,
    secretGroup: 1,
    find: findConsulAclTokens,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'acl {\n  enabled = true\n  tokens {\n    initial_management = "5b0c7e61-3f2a-4d8e-9a41-c27d9e6b13f0"\n    agent = "${CONSUL_AGENT_TOKEN}"\n  }\n}',
        '{"acl": {"tokens": {"master": "e4a91c0d-72b5-4f38-8d16-0b9f3ce2a7d4", "agent": "9c3f2e18-b047-4a6d-b1e5-73d0a8f46c92"}}}',
        'acl {\n  tokens {\n    agent_recovery = "71c4be09-2d5a-4f63-8e1b-9a07d3c2f548"\n    agent          = "b83e5f10-6c29-4d7a-a4f2-0e91c7d36b85"\n  }\n}',
      ],
      noMatch: [
        'acl {\n  tokens {\n    agent = "${CONSUL_AGENT_TOKEN}"\n  }\n}',
        'acl {\n  tokens {\n    default = "00000000-0000-0000-0000-000000000000"\n  }\n}',
        'service {\n  id = "5b0c7e61-3f2a-4d8e-9a41-c27d9e6b13f0"\n}',
        'const tokens = { default: "5b0c7e61-3f2a-4d8e-9a41-c27d9e6b13f0" }',
      ],
    },
  },
  tokenRule('vault-batch-token', 'HashiCorp Vault batch token (hvb.)', 'hvb\\.', '[\\w-]{138,300}', {
    match: [`VAULT_BATCH_TOKEN=hvb.${fake('b64url', 160, 517)}`],
    noMatch: ['hvb.tooshortxxx'],
  }, { keywords: ['hvb.'], minEntropy: 4 }),
  tokenRule('vault-recovery-token', 'HashiCorp Vault recovery token (hvr.)', 'hvr\\.', '[\\w-]{90,120}', {
    match: [`VAULT_RECOVERY_TOKEN='hvr.${fake('b64url', 96, 518)}'`],
    noMatch: ['hvr.placeholder'],
  }, { keywords: ['hvr.'], minEntropy: 3.5 }),
  tokenRule('vault-legacy-service-token', 'HashiCorp Vault legacy service token (s. + 24 characters)', 's\\.', ALNUM(24), {
    match: [`token: s.${fake('alnum', 24, 519)}`],
    noMatch: ['s.AcceptanceTimeoutSeconds ', 's.THISSTRINGISALLUPPERCASE', 's.makeKubeConfigController = args'],
  }, { keywords: ['s.'], minEntropy: 3.5, lead: '(?<![\\w.$-])', tail: '(?![\\w.-])', validate: (s) => notPlaceholder(s) && mixesClasses(s, 3) }),
  // A service token names the config it reads after its prefix (`dp.st.prd.…`, `dp.st.dev_personal.…`).
  tokenRule('doppler-api-token', 'Doppler token (dp.pt./dp.st./dp.sa./dp.ct./dp.scim./dp.audit.; a service token with its config: dp.st.prd.…)', 'dp\\.(?:pt|st(?:\\.[a-z0-9_\\-]{1,40})?|sa|ct|scim|audit)\\.', '[A-Za-z0-9]{40,44}', {
    match: [`DOPPLER_TOKEN=dp.st.prd.${fake('alnum', 43, 520)}`.replace('dp.st.prd.', 'dp.st.'), `dp.pt.${fake('alnum', 43, 521)}`, `DOPPLER_TOKEN=dp.st.prd.${fake('alnum', 43, 522)}`, `token: dp.st.dev_personal.${fake('alnum', 43, 523)}`],
    noMatch: ['dp.pt.short', 'dp.st.prd.short'],
  }, { keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], minEntropy: 3.5 }),
  tokenRule('1password-secret-key', '1Password account secret key (A3-…)', 'A3-', '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', {
    match: [`A3-${fake('uppernum', 6, 522)}-${fake('uppernum', 11, 523)}-${fake('uppernum', 5, 524)}-${fake('uppernum', 5, 525)}-${fake('uppernum', 5, 526)}`],
    noMatch: ['A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX'],
  }, { category: 'CRED', minEntropy: 3.8, lead: '\\b', tail: '\\b' }),
  tokenRule('1password-service-account-token', '1Password service account token (ops_eyJ…)', 'ops_eyJ', '[\\w+/-]{250,6000}={0,3}', {
    match: [`export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${fake('b64', 400, 527)}`],
    noMatch: ['export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...', `ops_eyJ${'x'.repeat(300)}`],
  }, { keywords: ['ops_eyj'], minEntropy: 4, tail: '(?![\\w+/=-])' }),
  tokenRule('1password-connect-token', '1Password Connect server token (a JWT issued for Connect) next to an OP_CONNECT name', 'OP_CONNECT_TOKEN[ \\t]{0,4}[=:][ \\t]{0,4}["\']?', 'eyJ[\\w-]{20,2000}\\.eyJ[\\w-]{20,4000}\\.[\\w-]{20,1000}', {
    match: [`OP_CONNECT_TOKEN=eyJhbGciOiJFUzI1NiIsImtpZCI6InRlc3QifQ.eyJ${fake('b64url', 200, 528)}.${fake('b64url', 86, 529)}`],
    noMatch: ['OP_CONNECT_TOKEN=${OP_CONNECT_TOKEN}'],
  }, { category: 'TOKEN', keywords: ['op_connect_token'], lead: '' }),
  tokenRule('infisical-token', 'Infisical service token or universal-auth client secret (st./ …)', 'st\\.', '[a-f0-9-]{36}\\.[a-f0-9]{32}\\.[a-f0-9]{32}', {
    match: [`INFISICAL_TOKEN=st.4ea38b7b-f563-4709-8bae-87aeaf14f0c1.${fake('hex', 32, 530)}.${fake('hex', 32, 531)}`],
    noMatch: ['st.abc.def.ghi'],
  }, { keywords: ['infisical'], minEntropy: 3 }),
  contextRule('cloudsmith-api-key', 'Cloudsmith API key (40 hex) next to a Cloudsmith name', ['cloudsmith'], HEX(40), {
    match: [`CLOUDSMITH_API_KEY=${fake('hex', 40, 533)}`],
    noMatch: ['CLOUDSMITH_API_KEY=short'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('packagecloud-token', 'packagecloud API token (48 hex) next to a packagecloud name', ['packagecloud'], HEX(48), {
    match: [`PACKAGECLOUD_TOKEN=${fake('hex', 48, 534)}`],
    noMatch: ['PACKAGECLOUD_TOKEN=short'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('sonatype-nexus-password', 'Sonatype Nexus / OSSRH token next to a Nexus or OSSRH name', ['nexus', 'ossrh', 'sonatype'], '[\\w+/=\\-]{32,64}', {
    match: [`OSSRH_TOKEN=${fake('b64', 44, 535)}`],
    noMatch: ['OSSRH_USERNAME=builder'],
  }, { nameTail: 'token|pass|secret', minEntropy: 4 }),
  {
    // conda reads a channel's token from its URL, `/t/<token>/` after the host, and redacts that part when it prints one.
    id: 'anaconda-channel-token',
    category: 'TOKEN',
    description: 'An anaconda.org (or Anaconda repository) access token in a conda channel URL: `https://conda.anaconda.org/t/<token>/<channel>`',
    keywords: ['anaconda.'],
    pattern: /anaconda\.(?:org|com|cloud)(?::\d{1,5})?(?:\/[\w.-]{1,40})?(?:\/[\w.-]{1,40})?\/t\/([A-Za-z0-9-]{20,80})(?=\/|["'\s]|$)/,
    secretGroup: 1,
    validate: (value) => /\d/.test(value) && /[A-Za-z]/.test(value) && !isPlaceholder(value),
    confidence: 'high',
    examples: {
      match: ['  - https://conda.anaconda.org/t/ab-4ea38b7b-f563-4709-8bae-87aeaf14f0c1/acme-lab', 'conda install -c https://repo.anaconda.cloud/repo/t/Qm7vLp2Zx9Tn4Wk8Rb3Hc5Jd/main numpy'],
      noMatch: ['  - https://conda.anaconda.org/t/<TOKEN>/acme-lab', '  - https://conda.anaconda.org/conda-forge', 'https://conda.anaconda.org/t/xxxxxxxxxxxxxxxxxxxxxxxx/acme'],
    },
  },
];
