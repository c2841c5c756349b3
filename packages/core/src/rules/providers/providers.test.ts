import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../detector.js';
import { createDetector } from '../../index.js';
import { checkRegexSafety } from '../../regex-safety.js';
import { fake } from './fake.js';
import { providerFamilies, providerRules } from './index.js';
import { anyCase, endsInGroupSyntax, inContext, isPlaceholder } from './shape.js';

// The provider rules on their own: what other rule families would add is not measured here.
const detector = compileDetector(providerRules);
const rulesFound = (text: string, file?: string) => detector.detect(text, file === undefined ? {} : { file }).map((f) => f.rule);

describe('provider rule table', () => {
  it('gives every rule a unique kebab-case id', () => {
    const ids = providerRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keeps every pattern linear-time by construction (bounded, non-nested quantifiers)', () => {
    for (const rule of providerRules) expect(checkRegexSafety(rule.pattern), rule.id).toEqual([]);
  });

  it('gives every rule lower-case keywords, a description and a capture group for the secret', () => {
    for (const rule of providerRules) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k, rule.id).toBe(k.toLowerCase());
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.secretGroup, rule.id).toBe(1);
    }
  });

  it('puts a prefilter keyword in every positive example, so the prefilter can never hide a match', () => {
    for (const rule of providerRules) {
      for (const sample of rule.examples.match) {
        const lower = sample.toLowerCase();
        expect(rule.keywords.some((k) => lower.includes(k)), `${rule.id}: ${sample}`).toBe(true);
      }
    }
  });

  it('has positive and negative examples for every rule that runs on any file', () => {
    for (const rule of providerRules.filter((r) => !r.paths)) {
      expect(rule.examples.match.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.noMatch.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('splits the rules into families that together make up the exported list', () => {
    expect(Object.values(providerFamilies).flat()).toEqual(providerRules);
    expect(providerRules.length).toBeGreaterThanOrEqual(222);
  });
});

describe('context rules', () => {
  it('ignore a provider-shaped value that no provider name vouches for', () => {
    const hex32 = fake('hex', 32, 9001);
    expect(rulesFound(`checksum = "${hex32}"`)).toEqual([]);
    expect(rulesFound(`DATADOG_API_KEY = "${hex32}"`)).toContain('datadog-api-key');
  });

  it('match the provider name in any case but keep the value case-sensitive', () => {
    const pattern = inContext({ names: ['linode'], value: '[a-f0-9]{8}' });
    expect(pattern.test('LiNoDe_TOKEN=0a1b2c3d')).toBe(true);
    expect(pattern.test('linode_token=0A1B2C3D')).toBe(false);
  });

  it('do not let a provider word on one line vouch for a value on the next', () => {
    const hex64 = fake('hex', 64, 9002);
    expect(rulesFound(`# linode\nvalue = ${hex64}`)).not.toContain('linode-api-token');
  });

  it('read the first secret-named key of a block the provider name opens (YAML, TOML, JSON)', () => {
    const hex32 = fake('hex', 32, 9006);
    expect(rulesFound(`datadog:\n  api_key: ${hex32}\n`)).toContain('datadog-api-key');
    expect(rulesFound(`[datadog]\napi_key = "${hex32}"\n`)).toContain('datadog-api-key');
    expect(rulesFound(`{"datadog": {"apiKey": "${hex32}"}}`)).toContain('datadog-api-key');
    expect(rulesFound(`datadog:\n  site: ${hex32}\n`)).not.toContain('datadog-api-key');
    expect(rulesFound(`datadog:\n  enabled: true\n  api_key: ${hex32}\n`)).not.toContain('datadog-api-key');
  });

  it('read XML attribute pairs and quoted JSON keys', () => {
    const hex32 = fake('hex', 32, 9003);
    expect(rulesFound(`<add key="DatadogApiKey" value="${hex32}" />`)).toContain('datadog-api-key');
    expect(rulesFound(`{"datadog_api_key": "${hex32}"}`)).toContain('datadog-api-key');
  });
});

describe('anyCase', () => {
  it('turns letters into two-case classes and leaves escapes and classes alone', () => {
    expect(anyCase('ab')).toBe('[aA][bB]');
    expect(anyCase('a[_.\\-]?b\\d')).toBe('[aA][_.\\-]?[bB]\\d');
  });

  it('leaves the letter right after group syntax alone', () => {
    expect(anyCase('(?<=x)a')).toBe('(?<=x)[aA]');
    expect(anyCase('(?!b)')).toBe('(?!b)');
  });

  it('tells group syntax by character codes exactly as the regex test it replaced', () => {
    const piece = fc.constantFrom('(', '?', '<', '=', '!', ':', 'a', '[', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const out = parts.join('');
        expect(endsInGroupSyntax(out)).toBe(/\(\?<?[=!]?$/.test(out));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('placeholders', () => {
  it('are recognised in their common spellings', () => {
    for (const p of ['ghp_xxxxxxxxxxxxxxxx', '<your-token>', '${API_KEY}', 'sk_live_YOUR_KEY_HERE', '%TOKEN%']) {
      expect(isPlaceholder(p), p).toBe(true);
    }
    expect(isPlaceholder(`ghp_${fake('alnum', 36, 9004)}`)).toBe(false);
  });

  it('never count as secrets for a prefixed token, whatever length of x fills it', () => {
    fc.assert(
      fc.property(fc.constantFrom('ghp_', 'glpat-', 'npm_', 'dckr_pat_', 'pnu_', 'hf_'), fc.integer({ min: 6, max: 80 }), (prefix, n) => {
        const found = rulesFound(`token = "${prefix}${'x'.repeat(n)}"`);
        return found.length === 0;
      }),
    );
  });
});

describe('path-aware rules', () => {
  it('find a Freemius secret key only in PHP files', () => {
    const line = `"secret_key" => "sk_${fake('alnum', 29, 9005)}",`;
    expect(rulesFound(line, 'src/freemius.php')).toContain('freemius-secret-key');
    expect(rulesFound(line, 'notes.txt')).not.toContain('freemius-secret-key');
  });

  it('find a clear-text password in a NuGet config only in nuget.config files', () => {
    const line = '<add key="ClearTextPassword" value="Qz7-pL2m!x9W" />';
    expect(rulesFound(line, 'build/NuGet.Config')).toContain('nuget-config-password');
    expect(rulesFound('<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />', 'nuget.config')).not.toContain('nuget-config-password');
  });
});

describe('hostile input', () => {
  it('finishes on long runs of token characters, prefixes and separators', () => {
    const inputs = [
      'ghp_'.repeat(50_000),
      'a'.repeat(300_000),
      `datadog_api_key=${'='.repeat(200_000)}`,
      'xoxb-1234567890-'.repeat(20_000),
      `sk-proj-${'A'.repeat(200_000)}`,
      'AIza'.repeat(50_000),
      // The Things Stack's key: a prefix with no key, and key characters that never meet the second dot.
      'NNSXS.'.repeat(50_000),
      `NNSXS.${'A'.repeat(200_000)}`,
      `NNSXS.${'A'.repeat(39)}.`.repeat(5_000),
    ];
    for (const input of inputs) expect(Array.isArray(detector.detect(input))).toBe(true);
  });
});

describe('provider secrets across file formats', () => {
  const stripe = `sk_live_${fake('alnum', 32, 9100)}`;
  const datadog = fake('hex', 32, 9101);
  const formats: Array<[string, string, string]> = [
    ['.env', `DATADOG_API_KEY=${datadog}\nSTRIPE_KEY=${stripe}\n`, 'x.env'],
    ['shell export', `export DATADOG_API_KEY="${datadog}"\nexport STRIPE_KEY='${stripe}'\n`, 'deploy.sh'],
    ['YAML', `env:\n  DATADOG_API_KEY: "${datadog}"\n  stripe: ${stripe}\n`, 'values.yaml'],
    ['JSON', `{"datadogApiKey": "${datadog}", "stripe": "${stripe}"}`, 'config.json'],
    ['XML', `<config><add key="DatadogApiKey" value="${datadog}" /><stripe>${stripe}</stripe></config>`, 'app.config'],
    ['properties', `datadog.api.key=${datadog}\nstripe.secret=${stripe}\n`, 'app.properties'],
    ['TOML', `[datadog]\napi_key = "${datadog}"\n[stripe]\nkey = "${stripe}"\n`, 'config.toml'],
    ['Dockerfile', `ENV DATADOG_API_KEY ${datadog}\nENV STRIPE_KEY=${stripe}\n`, 'Dockerfile'],
    ['CLI flag', `agent --datadog-api-key ${datadog} --stripe-key=${stripe}`, 'run.sh'],
    ["Python", `DATADOG_API_KEY: str = "${datadog}"  # noqa\nstripe.api_key = "${stripe}"\n`, "settings.py"],
    ['Terraform', `variable "datadog_api_key" {\n  default = "x"\n}\ndatadog_api_key = "${datadog}"\nstripe_key = "${stripe}"\n`, 'main.tf'],
  ];
  for (const [name, text, file] of formats) {
    it(`finds a context-bound key and a prefixed key in ${name}`, () => {
      const found = rulesFound(text, file);
      expect(found).toContain('datadog-api-key');
      expect(found).toContain('stripe-secret-key');
    });
  }
});

describe('key ids and schemes that name their provider (blind set 5a)', () => {
  const spansOf = (text: string, rule: string, file?: string) =>
    detector
      .detect(text, file === undefined ? {} : { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));

  it("reads the token after Okta's SSWS scheme, whatever the variable is called", () => {
    const token = `00${fake('b64url', 40, 9520)}`;
    expect(spansOf(`private val adminHeader = "SSWS ${token}"\n`, 'okta-ssws-token', 'Client.kt')).toEqual([token]);
    expect(spansOf(`headers = {"Authorization": f"SSWS {okta_token}"}\n`, 'okta-ssws-token', 'okta.py')).toEqual([]);
    expect(spansOf('Okta expects SSWS followed by the API token in the Authorization header.\n', 'okta-ssws-token', 'README.md')).toEqual([]);
  });

  it('leaves a Confluent key id given as the SASL username: the user name of the pair, and reads one under a Confluent name', () => {
    const id = fake('uppernum', 16, 9521);
    const secret = fake('b64', 64, 9522);
    const kafkajs = `const kafka = new Kafka({\n  sasl: {\n    mechanism: 'plain',\n    username: '${id}',\n    password: '${secret}',\n  },\n});\n`;
    const jaas = `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${id}" password="${secret}";\n`;
    const librdkafka = `conf = {'sasl.username': '${id}', 'sasl.password': '${secret}'}\n`;
    for (const [text, file] of [[kafkajs, 'consumer.js'], [jaas, 'client.properties'], [librdkafka, 'producer.py']]) {
      expect(detector.detect(text, { file }).map((f) => text.slice(f.start, f.end))).not.toContain(id);
    }
    expect(spansOf(`CONFLUENT_CLOUD_API_KEY=${id}\n`, 'confluent-access-token', '.env')).toEqual([id]);
  });

  it('reads an R2 access key id under its name, not the account id beside it', () => {
    const keyId = fake('hex', 32, 9523);
    const account = fake('hex', 32, 9524);
    const rust = `const R2_ACCOUNT_ID: &str = "${account}";\nconst R2_ACCESS_KEY_ID: &str = "${keyId}";\n`;
    expect(spansOf(rust, 'cloudflare-r2-access-key-id', 'storage.rs')).toEqual([keyId]);
    expect(spansOf(`AWS_ACCESS_KEY_ID=${keyId}\n`, 'cloudflare-r2-access-key-id', '.env')).toEqual([]);
  });

  it('reads an S3-style access key id as R2 when an R2 endpoint or profile vouches for it', () => {
    const keyId = fake('hex', 32, 9528);
    const client = `const s3 = new S3Client({\n  endpoint: \`https://\${ACCOUNT_ID}.r2.cloudflarestorage.com\`,\n  credentials: { accessKeyId: "${keyId}", secretAccessKey: process.env.R2_SECRET },\n});\n`;
    expect(spansOf(client, 'cloudflare-r2-access-key-id', 's3.ts')).toEqual([keyId]);
    expect(spansOf(`[profile cloudflare-r2]\nregion = auto\naws_access_key_id = ${keyId}\n`, 'cloudflare-r2-access-key-id', 'credentials')).toEqual([keyId]);
    expect(spansOf(`[minio]\naws_access_key_id = ${keyId}\n# the r2 profile comes next\n`, 'cloudflare-r2-access-key-id', 'credentials')).toEqual([]);
  });
});

describe('HashiCorp agent configuration', () => {
  const spansOf = (text: string, rule: string, file: string) =>
    detector
      .detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));

  it('reads every ACL token of a tokens block whose equals signs a formatter aligned', () => {
    const recovery = '3d6a91f4-0b7e-4c25-9e8d-5f12a7c04b39';
    const agent = 'c90e2b57-41f8-4a6d-b3c1-e7d25f806a14';
    const hcl = `acl {\n  enabled = true\n  tokens {\n    agent_recovery = "${recovery}"\n    agent          = "${agent}"\n  }\n}\n`;
    expect(spansOf(hcl, 'consul-acl-token', 'agent.hcl')).toEqual([recovery, agent]);
  });

  it('leaves an aligned UUID outside the tokens block alone', () => {
    const hcl = `node_meta {\n  rack       = "R12"\n  build_uuid = "8e41c2d9-57a0-4b3f-a6e8-0d93f1c7b254"\n}\nacl {\n  tokens {\n    agent      = "\${CONSUL_AGENT_TOKEN}"\n  }\n}\n`;
    expect(spansOf(hcl, 'consul-acl-token', 'agent.hcl')).toEqual([]);
  });
});

describe('payment and messaging credentials away from their names', () => {
  it("reads a Twilio auth token in a chat line that names Twilio, an Adyen key in a log line, and Marqeta's admin token", () => {
    const chat = `twilio for OTP fallback is SID AC${fake('hex', 32, 9901)} auth token ${fake('hex', 32, 9902)}`;
    expect(rulesFound(chat)).toContain('twilio-auth-token-in-text');
    expect(rulesFound(`the auth token ${fake('hex', 32, 9902)} was rotated`)).not.toContain('twilio-auth-token-in-text');
    const log = `ERROR c.n.payhub.gateway : Auth failed using key AQE${fake('b64', 88, 9903)}==-${fake('b64', 43, 9904)}=-QGJ9YV%zP6q8VGgI`;
    expect(rulesFound(log)).toContain('adyen-api-key-format');
    expect(rulesFound('MarqetaAdmin:    "db9bec5e-422f-4587-b766-a93e85766d7a",')).toContain('marqeta-access-token');
    expect(rulesFound('MarqetaCardToken: "db9bec5e-422f-4587-b766-a93e85766d7a",')).not.toContain('marqeta-access-token');
  });
});

describe("an Adyen API key's random tail", () => {
  const spansOf = (text: string) =>
    detector
      .detect(text, { file: 'application-prod.properties' })
      .filter((f) => f.rule === 'adyen-api-key-format')
      .map((f) => text.slice(f.start, f.end));
  const key = (tail: string) => `AQE${fake('b64', 70, 9905)}==-${fake('b64', 43, 9906)}=-${tail}`;

  it('covers a `<` or `>` inside the tail, which is drawn from all printable characters', () => {
    expect(spansOf(`adyen.api-key=${key('jJ1et>sy1Lz{')}\n`)).toEqual([key('jJ1et>sy1Lz{')]);
    expect(spansOf(`key ${key('q<7Tz]Wm2')} rejected\n`)).toEqual([key('q<7Tz]Wm2')]);
  });

  it('stops before markup around the key', () => {
    expect(spansOf(`<apiKey>${key('Qm7tR2vLx9Kp')}</apiKey>\n`)).toEqual([key('Qm7tR2vLx9Kp')]);
    expect(spansOf(`see <${key('Qm7tR2vLx9Kp')}>\n`)).toEqual([key('Qm7tR2vLx9Kp')]);
  });
});

describe('game studio build farms and crash reporting (blind set 29)', () => {
  const spansOf = (text: string, rule: string, file?: string) =>
    detector
      .detect(text, file === undefined ? {} : { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));

  it("reads Backtrace's submission token from a crash upload URL, and not a stand-in or a docs link", () => {
    const token = fake('hex', 64, 9901);
    expect(spansOf(`DataRouterUrl="https://submit.backtrace.io/skyforge/${token}/minidump"\n`, 'backtrace-submission-url-token', 'DefaultGame.ini')).toEqual([token]);
    expect(spansOf(`upload_url = "https://skyforge.sp.backtrace.io:6098/post?format=minidump&token=${token}"\n`, 'backtrace-submission-url-token', 'crashpad.cfg')).toEqual([token]);
    expect(spansOf('DataRouterUrl="https://submit.backtrace.io/<universe>/<token>/minidump"\n', 'backtrace-submission-url-token', 'DefaultGame.ini')).toEqual([]);
  });

  it("reads a Plastic SCM password as its client stores it, the |SoC| prefix with it", () => {
    const conf = '<SecurityConfig>::0:buildbot:|SoC|Q7R0DAMJjkO3s8tEqDyg/ILi68OFq4nZ==:</SecurityConfig>\n';
    expect(spansOf(conf, 'plastic-scm-encrypted-password', 'client.conf')).toEqual(['|SoC|Q7R0DAMJjkO3s8tEqDyg/ILi68OFq4nZ==']);
    expect(spansOf('Plastic writes |SoC| before the encrypted password.\n', 'plastic-scm-encrypted-password', 'notes.md')).toEqual([]);
  });

  it("reads Steam's cached logins in config.vdf's ConnectCache block, and the same shape elsewhere as nothing", () => {
    const cached = fake('hex', 160, 9902);
    const vdf = `"InstallConfigStore"\n{\n\t"ConnectCache"\n\t{\n\t\t"2642e0b7"\t\t"${cached}"\n\t}\n\t"Accounts"\n\t{\n\t\t"a1b2c3d4"\t\t"${fake('hex', 160, 9903)}"\n\t}\n}\n`;
    expect(spansOf(vdf, 'steam-connect-cache', 'config.vdf')).toEqual([cached]);
  });

  it('reads a Unity serial under a serial name or after -serial, not a stand-in or a variable', () => {
    expect(spansOf('export UNITY_LICENSE_SERIAL="E3-FJFO-WJL1-3I5H-9S8I-0UT1"\n', 'unity-serial', 'build.sh')).toEqual(['E3-FJFO-WJL1-3I5H-9S8I-0UT1']);
    expect(spansOf('      UNITY_SERIAL: SC-YMXA-S3NP-TSED-XRFC-12LY\n', 'unity-serial', 'build.yml')).toEqual(['SC-YMXA-S3NP-TSED-XRFC-12LY']);
    expect(spansOf('Unity -batchmode -serial "$UNITY_SERIAL" -quit\nUNITY_SERIAL: XX-XXXX-XXXX-XXXX-XXXX-XXXX\n', 'unity-serial', 'build.sh')).toEqual([]);
  });

  it('reads a PagerDuty routing key on a line that names PagerDuty and the key in any words, not other hex there', () => {
    const key = fake('hex', 32, 9910);
    const md = `## Paging\n- Integration key for the PagerDuty service "Rating engine": \`${key}\`.\n`;
    expect(spansOf(md, 'pagerduty-integration-key-line', 'runbooks/rating.md')).toEqual([key]);
    const other = `- PagerDuty service "Rating engine" was muted by change ${fake('hex', 40, 9911)}; build md5 ${fake('hex', 32, 9912)}.\n`;
    expect(spansOf(other, 'pagerduty-integration-key-line', 'runbooks/rating.md')).toEqual([]);
  });

  it('reads a Vertex Trusted ID where the text names Vertex, not a trusted id elsewhere', () => {
    const java = 'import com.vertexinc.oseries.CalculateTaxWS90;\nclass Tax {\n  private static final String TRUSTED_ID = "7C1E9A2F4B6D8035E1A7C9F2D4B6E8A0";\n}\n';
    expect(spansOf(java, 'vertex-trusted-id', 'Tax.java')).toEqual(['7C1E9A2F4B6D8035E1A7C9F2D4B6E8A0']);
    expect(spansOf('<Login>\n  <TrustedId>Rq8vT2mLz5Kw9Xp4</TrustedId>\n</Login>\n<!-- Vertex O Series -->\n', 'vertex-trusted-id', 'req.xml')).toEqual(['Rq8vT2mLz5Kw9Xp4']);
    expect(spansOf('device:\n  trusted_id: 7C1E9A2F4B6D8035E1A7C9F2D4B6E8A0\n', 'vertex-trusted-id', 'device.yml')).toEqual([]);
  });
});

describe('registry logins in a Docker config.json', () => {
  const spansOf = (text: string) =>
    detector
      .detect(text, { file: '.docker/config.json' })
      .filter((f) => f.rule === 'docker-config-auth')
      .map((f) => text.slice(f.start, f.end));
  const jwt = (seed: number) => `eyJ${fake('b64url', 60, seed)}.eyJ${fake('b64url', 600, seed + 1)}.${fake('b64url', 342, seed + 2)}`;

  it("reads an `auth` pair whose password is a registry's long refresh token (ACR's null-GUID user and a JWT)", () => {
    const auth = btoa(`00000000-0000-0000-0000-000000000000:${jwt(7301)}`);
    expect(auth.length).toBeGreaterThan(1000);
    expect(spansOf(`{\n  "auths": {\n    "corpacr.azurecr.io": {\n      "auth": "${auth}"\n    }\n  }\n}\n`)).toEqual([auth]);
  });

  it('leaves a long base64 `auth` that is no user:password pair, and a long documentation stand-in', () => {
    const noPair = btoa(fake('alnum', 900, 7310));
    expect(spansOf(`{"auths": {"corpacr.azurecr.io": {"auth": "${noPair}"}}}`)).toEqual([]);
    const standIn = btoa(`00000000-0000-0000-0000-000000000000:<${'refresh-token-'.repeat(60)}>`);
    expect(spansOf(`{"auths": {"corpacr.azurecr.io": {"auth": "${standIn}"}}}`)).toEqual([]);
  });
});

describe("a Steam game server's login token and a YouTube Live stream key", () => {
  const spansOf = (text: string, rule: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));
  it("reports the GSLT after sv_setsteamaccount in a server.cfg and on a command line, and leaves a variable or a run of one digit", () => {
    expect(spansOf('hostname "Cup Server 3"\nsv_setsteamaccount "9B07E4D1C2A3F58607BD1E2C4A9F3E68"\n', 'steam-game-server-token', 'cfg/server.cfg')).toEqual(['9B07E4D1C2A3F58607BD1E2C4A9F3E68']);
    expect(spansOf('exec ./srcds_run -game csgo +sv_setsteamaccount 2c8e4a61f09b3d7e5a1c6f28b4d093e7 +map de_nuke\n', 'steam-game-server-token', 'start.sh')).toEqual(['2c8e4a61f09b3d7e5a1c6f28b4d093e7']);
    expect(spansOf('sv_setsteamaccount "${GSLT}"\nsv_setsteamaccount "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"\n', 'steam-game-server-token', 'cfg/server.cfg')).toEqual([]);
  });
  it('reports a stream key after an ingest, a stream key or YouTube named on its line, and leaves a stand-in, a date-like code and words', () => {
    expect(spansOf('Fallback ingest (YouTube): `q2wd-7hkp-x4ma-91zt-bv3e`\n', 'youtube-stream-key', 'docs/obs.md')).toEqual(['q2wd-7hkp-x4ma-91zt-bv3e']);
    expect(spansOf('obs:\n  streamKey: "j6ru-c3ne-0pqk-w8yd-t5ma"\n', 'youtube-stream-key', 'obs.yml')).toEqual(['j6ru-c3ne-0pqk-w8yd-t5ma']);
    const text = 'YouTube stream key: `abcd-abcd-abcd-abcd-abcd`\nstream key batch 2025-0101-0002-0003-0004\ningest node pool-east-west-blue-gray\n';
    expect(spansOf(text, 'youtube-stream-key', 'docs/obs.md')).toEqual([]);
    expect(spansOf('Release build: q2wd-7hkp-x4ma-91zt-bv3e\n', 'youtube-stream-key', 'docs/obs.md')).toEqual([]);
  });
});

describe('Hugging Face access tokens with digits among the letters', () => {
  it('reports hf_ and 34 letters and digits, and leaves identifiers of words and numbers', () => {
    expect(rulesFound('HF_TOKEN = "hf_Vb4kQz9TnWm2xLp7RcJd5YhGs8FaE3uKoN"\n', 'publish.rb')).toContain('huggingface-access-token');
    expect(rulesFound('token: hf_qmZx8RtLw3NvYk6PbHd2JcGf9SaE4uTnWo\n', 'config.yml')).toContain('huggingface-access-token');
    expect(rulesFound('def hf_uploadCheckpoint2ToHubMirrorQueues():\n', 'hub.py')).toEqual([]);
    expect(rulesFound('from huggingface_hub import hf_hub_download, snapshot_download\n', 'hub.py')).toEqual([]);
    expect(rulesFound('hf_loadShards2FromCache3AndVerifyAlls\n', 'hub.py')).toEqual([]);
  });

  it('turns down a long run of digits in linear time', () => {
    const started = Date.now();
    for (let i = 0; i < 200; i++) rulesFound(`x = "hf_Ab${'7'.repeat(31)}X"\n`, 'x.py');
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('Mapbox secret tokens', () => {
  it('reports a secret token whose payload is short (a short user name) and leaves public tokens alone', () => {
    const payload = 'eyJ1IjoicXQiLCJhIjoiWm4zUXc4UnQyTHA5S3Y0In0';
    const signature = 'Hq7Lw2Zr9Tm4Xv8Np3Bk6C';
    const text = `UPLOAD_TOKEN = "sk.${payload}.${signature}"\nMAP_TOKEN = "pk.${payload}.${signature}"\n`;
    const found = detector.detect(text, { file: 'tiles/upload.py' });
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([`sk.${payload}.${signature}`]);
  });

  it('leaves an sk.eyJ run too short to be a token alone', () => {
    expect(rulesFound('MAPBOX_TOKEN=sk.eyJ1IjoiYWIifQ.Hq7Lw2Zr9Tm4Xv8Np3Bk6C')).toEqual([]);
  });
});

describe('Twitch stream keys', () => {
  const spansOf = (text: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === 'twitch-stream-key').map((f) => text.slice(f.start, f.end));
  it('reports a live_ key at the end of an RTMP URL and under a stream key name, and leaves a stand-in and words', () => {
    expect(spansOf('ingest.url=rtmp://live.twitch.tv/app/live_502918374_Pw4kZr8NcT1vXm6LqB3yH9sJd2Fg7e\n', 'stream.properties')).toEqual(['live_502918374_Pw4kZr8NcT1vXm6LqB3yH9sJd2Fg7e']);
    expect(spansOf('obs:\n  stream_key: "live_81736402_gN7tQ2wLk9ZrV4cX8pB1hM6jS3dYa5"\n', 'obs.yml')).toEqual(['live_81736402_gN7tQ2wLk9ZrV4cX8pB1hM6jS3dYa5']);
    expect(spansOf('stream_key: live_502918374_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nif is_live_502918374_ready: pass\nlive_stream_archive_2024_finals\n', 'obs.yml')).toEqual([]);
  });
});

describe("Agora's App Certificate under its bare name", () => {
  const spansOf = (text: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule.startsWith('agora-app-certificate')).map((f) => text.slice(f.start, f.end));
  it('reports 32 hex under app_certificate where the file uses Agora or declares an app id, and leaves it elsewhere', () => {
    expect(spansOf('from agora_token_builder import RtcTokenBuilder\n\nAPP_ID = "3f9e0c5b"\nAPP_CERTIFICATE = "7d41c9e02ab35f86d1e47c0b92a6f3e5"\n', 'rtc.py')).toEqual(['7d41c9e02ab35f86d1e47c0b92a6f3e5']);
    expect(spansOf('const cfg = {\n  appId: "3f9e0c5b",\n  appCertificate: "a60e2d93f1c47b85e0d3a9c1f72b6e48",\n};\n', 'live.ts')).toEqual(['a60e2d93f1c47b85e0d3a9c1f72b6e48']);
    expect(spansOf('APP_CERTIFICATE = "7d41c9e02ab35f86d1e47c0b92a6f3e5"\n', 'tls.py')).toEqual([]);
    expect(spansOf('import agora\nAPP_CERTIFICATE = "ffffffffffffffffffffffffffffffff"\n', 'rtc.py')).toEqual([]);
  });
});

describe('Logz.io shipping tokens in the settings that name Logz.io', () => {
  const spansOf = (text: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === 'logzio-token-in-block').map((f) => text.slice(f.start, f.end));
  const drawn = 'zviiluayntqrqcqnwjaqsukddkuatmdo';
  it("reports the token field of a logback appender, a Python handler and a listener URL, all small letters or both cases", () => {
    const xml = `<configuration>\n  <appender name="SHIP" class="io.logz.logback.LogzioLogbackAppender">\n    <token>${drawn}</token>\n    <logzioUrl>https://listener-eu.logz.io:8071</logzioUrl>\n  </appender>\n</configuration>\n`;
    expect(spansOf(xml, 'src/main/resources/logback.xml')).toEqual([drawn]);
    const py = `LOGGING = {\n    "handlers": {\n        "ship": {\n            "class": "logzio.handler.LogzioHandler",\n            "token": "${drawn}",\n        },\n    },\n}\n`;
    expect(spansOf(py, 'settings.py')).toEqual([drawn]);
    expect(spansOf('endpoint_url https://listener.logz.io:8071?token=dvfpyfrlgcfknwhxcstzbfszzzbpvftn&type=nginx\n', 'fluent.conf')).toEqual(['dvfpyfrlgcfknwhxcstzbfszzzbpvftn']);
  });

  it('leaves a stand-in written in words, a variable, a token of another length, and a token far from any Logz.io name', () => {
    const xml = '<appender name="SHIP" class="io.logz.logback.LogzioLogbackAppender">\n  <token>replacewithyourlogzioshippingtok</token>\n  <token>${LOGZIO_TOKEN}</token>\n  <token>zviiluayntqrqcqnwjaqsukddkuatmdoq</token>\n</appender>\n';
    expect(spansOf(xml, 'logback.xml')).toEqual([]);
    expect(spansOf(`# shipped by logz.io\n${'\n'.repeat(700)}<token>${drawn}</token>\n`, 'logback.xml')).toEqual([]);
  });
});

describe("Google Calendar's secret iCal address", () => {
  const spansOf = (text: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === 'google-calendar-private-ical').map((f) => text.slice(f.start, f.end));
  const key = '3e8b1f07c95a24d6b0e7f1c83a49d25e';
  it('reports the key after private- in a whole address and in one that code joins from literals, in parts if it is cut', () => {
    expect(spansOf(`calendar_url: https://calendar.google.com/calendar/ical/frontdesk%40example.com/private-${key}/basic.ics\n`, 'config.yml')).toEqual([key]);
    const ts = `export const rota =\n  "https://calendar.google.com/calendar/ical/" +\n  "frontdesk%40example.com/private-" + "${key}" + "/basic.ics";\n`;
    expect(spansOf(ts, 'src/rota.ts')).toEqual([key]);
    const php = `$feed = 'https://calendar.google.com/calendar/ical/frontdesk%40example.com/private-' . '${key.slice(0, 12)}' . '${key.slice(12)}' . '/basic.ics';\n`;
    expect(spansOf(php, 'feed.php')).toEqual([key.slice(0, 12), key.slice(12)]);
  });

  it('leaves the public address, a key filled in at run time, and a stand-in', () => {
    expect(spansOf('https://calendar.google.com/calendar/ical/frontdesk%40example.com/public/basic.ics\n', 'README.md')).toEqual([]);
    expect(spansOf('const u = "https://calendar.google.com/calendar/ical/" + id + "/private-" + key + "/basic.ics";\n', 'a.ts')).toEqual([]);
    expect(spansOf('https://calendar.google.com/calendar/ical/x%40example.com/private-ffffffffffffffffffffffffffffffff/basic.ics\n', 'a.md')).toEqual([]);
  });
});

describe("a stream key at the end of an RTMP ingest URL", () => {
  const spansOf = (text: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === 'rtmp-ingest-stream-key').map((f) => text.slice(f.start, f.end));
  it("reports a generated key after an ingest application, in YouTube's shape or drawn at random, before a query too", () => {
    expect(spansOf('[encoder] push rtmp://live.example-hall.org/app/q4mz-t8wk-2rpx-v7hn-c3jd failed: timeout\n', 'incident.md')).toEqual(['q4mz-t8wk-2rpx-v7hn-c3jd']);
    expect(spansOf('url = "rtmps://ingest.example.net:443/rtmp/Kq7vTz2LmW9xRp4N?backup=1"\n', 'obs.ini')).toEqual(['Kq7vTz2LmW9xRp4N']);
  });

  it("leaves a stream's name, a stand-in of the key's shape, and other applications", () => {
    const text = [
      'rtmp://live.example-hall.org/live/stream1',
      'rtmp://live.example-hall.org/app/main-stage-hd',
      'rtmp://live.example-hall.org/live/abcd-abcd-abcd-abcd-abcd',
      'rtmp://live.example-hall.org/vod/Kq7vTz2LmW9xRp4N',
      'rtmp://live.example-hall.org/app/Kq7vTz2LmW9xRp4N/extra',
      '',
    ].join('\n');
    expect(spansOf(text, 'notes.md')).toEqual([]);
  });
});

describe("FedEx's API key near FedEx's name", () => {
  const spansOf = (text: string, file: string) =>
    detector
      .detect(text, { file })
      .filter((f) => f.rule === 'fedex-api-key')
      .map((f) => text.slice(f.start, f.end));
  const key = `l7${fake('hex', 32, 9911)}`;
  const shortKey = `l7${fake('hex', 30, 9912)}`;

  it('reads the key under a FedEx name, or a few lines below one (a fallback in a constructor)', () => {
    expect(spansOf(`FEDEX_CLIENT_ID=${key}\nFEDEX_CLIENT_SECRET=${fake('hex', 32, 9913)}\n`, '.env')).toEqual([key]);
    expect(spansOf(`production:\n  fedex_client_id: ${shortKey}\n`, 'config/secrets.yml')).toEqual([shortKey]);
    const ruby = `class FedexRates\n  def initialize(client_id: ENV["FEDEX_CLIENT_ID"])\n    @client_id = client_id || "${shortKey}"\n  end\nend\n`;
    expect(spansOf(ruby, 'app/services/fedex_rates.rb')).toEqual([shortKey]);
    expect(spansOf(`"${key}", // FedEx API key\n`, 'carriers.ts')).toEqual([key]);
  });

  it("leaves the shape away from FedEx's name, past a blank line, a stand-in and a longer run", () => {
    expect(spansOf(`UPS_CLIENT_ID=${key}\n`, '.env')).toEqual([]);
    expect(spansOf(`# FedEx\n\nCLIENT_ID=${key}\n`, '.env')).toEqual([]);
    expect(spansOf('FEDEX_CLIENT_ID=l7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n', '.env')).toEqual([]);
    expect(spansOf('inventory.carriers.fedex.client-id=l7xx1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d\n', 'application.properties')).toEqual([]);
    expect(spansOf('fedex_client_id: l70123456789abcdef0123456789abcdef\n', 'secrets.yml')).toEqual([]);
    expect(spansOf(`fedex_blob: ${key}${fake('hex', 8, 9914)}\n`, 'secrets.yml')).toEqual([]);
    expect(spansOf(`fedex_blob: x${key}\n`, 'secrets.yml')).toEqual([]);
  });

  it('reads each key once, whole, however many FedEx names stand before it', () => {
    const text = `fedex ${'fedex '.repeat(70)}${key} fedex\n`;
    expect(spansOf(text, 'notes.txt')).toEqual([key]);
  });
});

describe('keys pasted in chat and mail a line or a few after their provider is named', () => {
  const spansOf = (text: string, file: string, rule: string) =>
    detector
      .detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));
  // A bot token whose first segment is no base64 of a numeric id (it opens with `W`): only the words carry it.
  const botToken = `W${fake('b64url', 25, 9921)}.${fake('b64url', 6, 9922)}.${fake('b64url', 38, 9923)}`;
  const adyenKey = `AQE${fake('b64', 70, 9924)}-_${fake('b64', 30, 9925)}=-${fake('b64', 43, 9926)}=-${fake('alnum', 14, 9927)}`;

  it('reads a Discord bot token a line or two after Discord is named, in a log of chat or an export', () => {
    expect(spansOf(`09:12 kim: is the discord moderation bot ours?\n09:14 lee: yes, token is ${botToken} - I'll rotate it\n`, 'chat/dev.log', 'discord-bot-token-near-words')).toEqual([botToken]);
    expect(spansOf(`{"text": "Discord bot token for the support server: ${botToken}"}\n`, 'export/general.json', 'discord-bot-token-near-words')).toEqual([botToken]);
  });

  it('leaves the three segments with no Discord named near them, a stand-in and a run that goes on', () => {
    expect(spansOf(`09:12 kim: the build is red\n09:14 lee: token is ${botToken}\n`, 'chat/dev.log', 'discord-bot-token-near-words')).toEqual([]);
    expect(spansOf('Discord bot token: XXXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n', 'notes.md', 'discord-bot-token-near-words')).toEqual([]);
    expect(spansOf(`Discord notes\none\ntwo\nthree\nfour ${botToken}\n`, 'notes.md', 'discord-bot-token-near-words')).toEqual([]);
    expect(spansOf(`Discord: ${botToken}.${fake('b64url', 10, 9928)}\n`, 'notes.md', 'discord-bot-token-near-words')).toEqual([]);
  });

  it('reads an Adyen API key set off below a mail that names Adyen, whatever characters it was copied with', () => {
    expect(spansOf(`Subject: Adyen live keys\n\nHi all,\nAdyen switched the account to live. The API key for the ws user is:\n\n${adyenKey}\n\nThanks\n`, 'mail/adyen.eml', 'adyen-api-key-near-words')).toEqual([adyenKey]);
  });

  it('leaves an Adyen stand-in and a key shape far from the name', () => {
    expect(spansOf('Adyen switched us to live. The API key is:\n\nAQE<paste the key from the Customer Area here>\n', 'mail/adyen.eml', 'adyen-api-key-near-words')).toEqual([]);
    expect(spansOf(`Adyen notes\n1\n2\n3\n4\n5\n${adyenKey}\n`, 'notes.md', 'adyen-api-key-near-words')).toEqual([]);
  });

  const cohereKey = fake('alnum', 40, 9931);
  const hex32 = fake('hex', 32, 9932);
  const uuid = '5b1e0c7a-9d24-4f38-a6e1-0c3b7d92f4e5';
  it('reads a Cohere, Postmark, Algolia admin or PagerDuty key a few words after its noun, once the provider is named', () => {
    expect(spansOf(`[14:20] eli: cohere quota hit again\n[14:22] mo: try my cohere key from the eval box ${cohereKey}, rotate after\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([cohereKey]);
    expect(spansOf(`[14:20] eli: openai quota is fine\n[14:21] eli: and the Cohere one for reranking too - ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([cohereKey]);
    expect(spansOf(`Hi, our Postmark mails bounce. The server token we use is ${uuid} if that helps.\n`, 'tickets/T-88.md', 'postmark-token-near-words')).toEqual([uuid]);
    expect(spansOf(`{"text": "Algolia import hung. I reran it with the write key ${hex32}"}\n`, 'export/ops.json', 'algolia-admin-key-near-words')).toEqual([hex32]);
    expect(spansOf(`- Escalate in PagerDuty ("Payments").\n  Service key for manual pages: ${hex32}\n`, 'runbook.md', 'pagerduty-key-near-words')).toEqual([hex32]);
    const r0 = `R0${fake('alnum', 30, 9933)}`;
    expect(spansOf(`The orchestration routing key was only in the console.\nIt was \`${r0}\`, rotated since.\n`, 'postmortem.md', 'pagerduty-key-near-words')).toEqual([r0]);
  });

  it('reads a key pasted right after a question about it in the same message, and leaves one after a question about something else', () => {
    expect(spansOf(`{"text": "is the cohere one still good as a backup? ${cohereKey}"}\n`, 'export/ml.json', 'cohere-key-near-words')).toEqual([cohereKey]);
    expect(spansOf(`[09:12] ana: cohere key still valid? ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([cohereKey]);
    expect(spansOf(`[09:12] ana: cohere key rotated, which build broke? ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([]);
    expect(spansOf(`[09:12] ana: cohere key still valid? no. ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([]);
  });

  it("reads a Datadog app key in a chat's reply under the question that names Datadog, or beside the agent's DD_ variable", () => {
    const appKey = fake('hex', 40, 9951);
    expect(spansOf(`{"text": "can someone paste the Datadog keys?"},\n{"text": "api key is in the vault, app key ${appKey}"}\n`, 'export/eng.json', 'datadog-key-in-prose')).toEqual([appKey]);
    expect(spansOf(`[10:01] raj: DD_API_KEY=$VAULT_DD and app key ${appKey}\n`, 'chat.txt', 'datadog-key-in-prose')).toEqual([appKey]);
    expect(spansOf(`[10:00] ana: Datadog is down again\n[10:01] raj: restarted\n[10:02] raj: app key ${appKey}\n`, 'chat.txt', 'datadog-key-in-prose')).toEqual([]);
    const apiKey = fake('hex', 32, 9952);
    expect(spansOf(`- Datadog: API ${apiKey}, app ${appKey}\n`, 'ops/handover.md', 'datadog-key-in-prose')).toEqual([apiKey, appKey]);
    expect(spansOf(`- Datadog: app ${apiKey} restarted, API ${appKey} in the log\n`, 'ops/handover.md', 'datadog-key-in-prose')).toEqual([]);
    expect(spansOf(`- Sentry: API ${apiKey}, app ${appKey}\n`, 'ops/handover.md', 'datadog-key-in-prose')).toEqual([]);
  });

  it('reads an Azure storage account key bare in notes after the words that name it, and leaves an integrity hash', () => {
    const accountKey = `${fake('b64', 86, 9941)}==`;
    expect(spansOf(`SAS links for the label, valid a month.\nStorage account key that signed them (rotate!): ${accountKey}\n`, 'share-links.txt', 'azure-storage-account-key-near-words')).toEqual([accountKey]);
    expect(spansOf(`Azure notes: "integrity": "sha512-${accountKey}"\n`, 'notes.md', 'azure-storage-account-key-near-words')).toEqual([]);
    expect(spansOf(`release artefacts\n${accountKey}\n`, 'notes.md', 'azure-storage-account-key-near-words')).toEqual([]);
  });

  it("leaves ids, commits, traces and search keys near the provider's name, and values no key's noun names", () => {
    expect(spansOf(`[14:22] mo: Cohere key rotated, eval run ${fake('hex', 40, 9934)} done\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([]);
    expect(spansOf(`[14:22] mo: Cohere eval notes ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([]);
    expect(spansOf(`[14:22] mo: the cohere one failed, trace id ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([]);
    expect(spansOf(`Postmark says message id ${uuid} bounced; the server token is fine.\n`, 'tickets/T-88.md', 'postmark-token-near-words')).toEqual([]);
    expect(spansOf(`Postmark server token rotated. Template ${uuid} needs a fix.\n`, 'tickets/T-88.md', 'postmark-token-near-words')).toEqual([]);
    expect(spansOf(`Algolia widget uses the search key ${hex32}\n`, 'notes.md', 'algolia-admin-key-near-words')).toEqual([]);
    expect(spansOf(`- Algolia: admin key in the vault, the search-only key \`${hex32}\` ships to browsers\n`, 'notes.md', 'algolia-admin-key-near-words')).toEqual([]);
    expect(spansOf('// PagerDuty docs use R0123456789ABCDEF0123456789ABCDE as the example routing key\n', 'alerts.go', 'pagerduty-key-near-words')).toEqual([]);
    expect(spansOf(`ALGOLIA_ADMIN_KEY=${fake('hex', 32, 9935)}\nALGOLIA_SEARCH_KEY=${hex32}\n`, '.env', 'algolia-admin-key-near-words')).toEqual([]);
    expect(spansOf(`PagerDuty incident Q2X7 resolved.\nTrace id of the job: ${hex32}\n`, 'postmortem.md', 'pagerduty-key-near-words')).toEqual([]);
    expect(spansOf(`PagerDuty routing key rotated, commit ${hex32}\n`, 'postmortem.md', 'pagerduty-key-near-words')).toEqual([]);
  });

  it('reads a Twitch secret or token a few words after its noun, in a wiki or a log, and leaves the public client id', () => {
    const secret = fake('lowernum', 30, 9961);
    const clientId = fake('lowernum', 30, 9962);
    const wiki = `The raffle stream runs on our Twitch channel. Client secret of the overlay app:\n\`${secret}\` (client id \`${clientId}\` is public).\n`;
    expect(spansOf(wiki, 'wiki/streaming.md', 'twitch-secret-near-words')).toEqual([secret]);
    expect(spansOf(`2025-06-01 18:00:02 INFO twitch bot token refreshed (${secret})\n`, 'logs/bot.log', 'twitch-secret-near-words')).toEqual([secret]);
    expect(spansOf(`Twitch client id: ${clientId}\n`, 'wiki/streaming.md', 'twitch-secret-near-words')).toEqual([]);
    expect(spansOf(`Twitch overlay deployed from commit ${secret}\n`, 'wiki/streaming.md', 'twitch-secret-near-words')).toEqual([]);
  });

  it('reads an InfluxDB token after an influx command or a runbook line that names InfluxDB, and leaves digests', () => {
    const token = `${fake('b64url', 86, 9963)}==`;
    expect(spansOf(`30 1 * * * influx backup /backups/influx -t ${token} --host http://localhost:8086\n`, 'ops/crontab', 'influxdb-token-near-words')).toEqual([token]);
    expect(spansOf(`Field sensors report to InfluxDB at \`tsdb.farm.internal:8086\`. Read token for dashboards:\n\n    ${token}\n`, 'wiki/sensors.md', 'influxdb-token-near-words')).toEqual([token]);
    expect(spansOf(`influx backup -t ${token}\n`.replace(token, `sha512-${token}`), 'ops/crontab', 'influxdb-token-near-words')).toEqual([]);
    expect(spansOf(`Sensors notes\n\n    ${token}\n`, 'wiki/sensors.md', 'influxdb-token-near-words')).toEqual([]);
  });

  it("reads a key passed by position whose comment after it names it, and leaves one the comment calls another thing's", () => {
    const adminKey = fake('hex', 32, 9981);
    const searchKey = fake('hex', 32, 9982);
    const ruby = `client = Algolia::SearchClient.create(\n  "H7QK2W9ZPL",    # app id\n  "${adminKey}"   # admin key, for the nightly reindex\n)\n`;
    expect(spansOf(ruby, 'config/initializers/search.rb', 'algolia-admin-key-near-words')).toEqual([adminKey]);
    const js = `const client = algoliasearch(\n  'H7QK2W9ZPL',\n  '${adminKey}', // write key: only the indexer uses it\n);\n`;
    expect(spansOf(js, 'scripts/reindex.js', 'algolia-admin-key-near-words')).toEqual([adminKey]);
    const browser = `const client = algoliasearch(\n  'H7QK2W9ZPL',\n  '${searchKey}' // search-only key, safe in the browser (the admin key is in the vault)\n);\n`;
    expect(spansOf(browser, 'src/search.js', 'algolia-admin-key-near-words')).toEqual([]);
    const commit = `Algolia::SearchClient.create(APP_ID, ENV.fetch("ALGOLIA_ADMIN_KEY"))\n  "${searchKey}" # commit that broke the admin key reindex\n`;
    expect(spansOf(commit, 'config/initializers/search.rb', 'algolia-admin-key-near-words')).toEqual([]);
  });

  it('reads a Datadog key that answers a message asking for it, and leaves a build or a checksum in the reply', () => {
    const key = fake('hex', 32, 9964);
    const question = '{"ts": "1.1", "user": "U1", "text": "also the datadog key for the boiler pi? the old one 403s"},\n';
    expect(spansOf(`${question}{"ts": "1.2", "user": "U2", "text": "use ${key} for now"}\n`, 'chat/ops.json', 'datadog-key-near-words')).toEqual([key]);
    expect(spansOf(`${question}{"ts": "1.2", "user": "U2", "text": "checksum ${key}"}\n`, 'chat/ops.json', 'datadog-key-near-words')).toEqual([]);
    expect(spansOf(`[09:00] a: is the datadog agent up on the pi?\n[09:01] b: build ${key}\n`, 'chat/ops.txt', 'datadog-key-near-words')).toEqual([]);
  });

  it('reads a Cohere key after the provider is named for what it is for, and leaves notes that name no key', () => {
    expect(spansOf(`[10:05] ana: also cohere for the rerank spike: ${cohereKey} (trial tier)\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([cohereKey]);
    expect(spansOf(`[10:05] ana: Cohere formatting notes ${cohereKey}\n`, 'chat/ml.txt', 'cohere-key-near-words')).toEqual([]);
  });

  it('reads a Pushover application token under its name, and leaves the user key beside it', () => {
    const app = fake('lowernum', 30, 9965);
    const user = fake('lowernum', 30, 9966);
    const code = `# Pushover for the freezer alarm\nPUSHOVER_APP = "${app}"\nPUSHOVER_USER = "${user}"\n`;
    expect(spansOf(code, 'bot/alarm.py', 'pushover-app-token')).toEqual([app]);
    expect(spansOf(`pushover:\n  user_key: ${user}\n`, 'config.yml', 'pushover-app-token')).toEqual([]);
  });
});

describe("a Sentry DSN's key: reported on a server and in the copies clients ship", () => {
  const key = fake('hex', 32, 9630);
  const dsn = `https://${key}@o4505112.ingest.sentry.io/4505112240`;
  const keysFound = (text: string, file: string) =>
    detector
      .detect(text, { file })
      .filter((f) => f.rule === 'sentry-dsn-key')
      .map((f) => text.slice(f.start, f.end));

  it("reports the key in a server's configuration and code", () => {
    expect(keysFound(`SENTRY_DSN=${dsn}\n`, 'services/ingest/.env.production')).toEqual([key]);
    expect(keysFound(`SENTRY_LARAVEL_DSN=${dsn}\n`, 'app/.env')).toEqual([key]);
    expect(keysFound(`env:\n  SENTRY_DSN: "${dsn}"\n`, 'deploy/helm/values-prod.yaml')).toEqual([key]);
    expect(keysFound(`sentry.dsn=${dsn}\n`, 'src/main/resources/application-prod.properties')).toEqual([key]);
    expect(keysFound(`config :sentry,\n  dsn: "${dsn}",\n`, 'config/prod.exs')).toEqual([key]);
    expect(keysFound(`sentry.Init(sentry.ClientOptions{Dsn: "${dsn}"})\n`, 'cmd/ingest/main.go')).toEqual([key]);
    expect(keysFound(`ENV SENTRY_DSN=${dsn}\n`, 'docker/Dockerfile')).toEqual([key]);
    // A self-hosted Sentry under its own name, and a path prefix before the project.
    expect(keysFound(`SENTRY_DSN=https://${key}@sentry.mv.corp/errors/7\n`, 'Dockerfile')).toEqual([key]);
  });

  it('reports the copies client code, app manifests and browser-bundled names ship: the key posts events all the same', () => {
    for (const file of [
      'web/src/config.ts',
      'apps/web/sentry.client.config.js',
      'src/App.vue',
      'ios/Harbor/Info.plist',
      'Config/Release.xcconfig',
      'Sources/App/Secrets.swift',
      'android/app/src/main/AndroidManifest.xml',
      'app/src/main/res/values/strings.xml',
      'rn-app/app.json',
      'lib/env.dart',
      'coach_app/assets/env/prod.json',
      'unity-client/Assets/Scripts/Telemetry.cs',
    ]) {
      expect(keysFound(`dsn: "${dsn}"\n`, file), file).toEqual([key]);
    }
    expect(keysFound(`VITE_SENTRY_DSN=${dsn}\n`, 'dashboard/.env.production')).toEqual([key]);
    expect(keysFound(`NEXT_PUBLIC_SENTRY_DSN=${dsn}\n`, 'portal/.env.production')).toEqual([key]);
    expect(keysFound(`EXPO_PUBLIC_SENTRY_DSN=${dsn}\n`, 'rn-app/.env')).toEqual([key]);
    expect(keysFound(`  - SENTRY_DSN_PUBLIC=${dsn}\n`, 'docker-compose.yml')).toEqual([key]);
    expect(keysFound(`<meta-data android:name="io.sentry.dsn"\n    android:value="${dsn}" />\n`, 'app/src/main/AndroidManifest.xml')).toEqual([key]);
    expect(keysFound(`<string name="sentry_dsn">${dsn}</string>\n`, 'app/src/main/res/values/strings.xml')).toEqual([key]);
    expect(keysFound(`module.exports = { env: { SENTRY_DSN: "${dsn}" } };\n`, 'web/next.config.js')).toEqual([key]);
  });

  it("leaves Sentry's documented example DSN, all-zero keys and slots to fill in, in client files as on servers", () => {
    for (const file of ['web/src/config.ts', 'app/src/main/AndroidManifest.xml', '.env']) {
      expect(keysFound('dsn: "https://examplePublicKey@o0.ingest.sentry.io/0"\n', file), file).toEqual([]);
      expect(keysFound(`dsn: "https://${'0'.repeat(32)}@o0.ingest.sentry.io/0"\n`, file), file).toEqual([]);
      expect(keysFound('dsn: "https://<key>@o123.ingest.sentry.io/456"\n', file), file).toEqual([]);
      expect(keysFound(`dsn: "https://${'x'.repeat(32)}@o123.ingest.sentry.io/456"\n`, file), file).toEqual([]);
    }
  });

  it('leaves a DSN with a secret key to the URL rules, everywhere', () => {
    const legacy = `https://${key}:${fake('hex', 32, 9631)}@sentry.acme.corp/7`;
    expect(keysFound(`SENTRY_DSN=${legacy}\n`, '.env')).toEqual([]);
    const all = createDetector();
    for (const file of ['.env', 'web/src/config.ts']) {
      expect(all.detect(`SENTRY_DSN=${legacy}\n`, { file }).length, file).toBeGreaterThan(0);
    }
  });

  it('finishes on DSN openings that never reach a project, long hosts and keys with no value', () => {
    const inputs = [
      `sentry https://${key}@o1.ingest.sentry.io/`.repeat(20_000),
      `SENTRY_DSN=https://${key}@${'a.'.repeat(200_000)}`,
      `dsn https://${'a'.repeat(300_000)}`,
      'SENTRY_DSN=\n'.repeat(50_000),
      `dsn: "https://${key}@o1.ingest.sentry.io/${'x'.repeat(59)}/`.repeat(5_000),
    ];
    for (const input of inputs) expect(Array.isArray(detector.detect(input, { file: 'config.yml' }))).toBe(true);
  });
});

describe('OpenAI keys without the T3BlbkFJ marker', () => {
  const rule = 'openai-project-key-unmarked';
  const spansOf = (text: string, file: string, id: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === id).map((f) => text.slice(f.start, f.end));
  it('reads a project, service-account or admin key by its prefix and a long drawn body, in prose or config', () => {
    const project = `sk-proj-${fake('b64url', 156, 9961)}`;
    expect(spansOf(`3. The support bot's OpenAI key (shared by all shops): ${project}\n`, 'wiki/onboarding.md', rule)).toEqual([project]);
    const legacyProject = `sk-proj-${fake('alnum', 48, 9962)}`;
    expect(spansOf(`llm:\n  key: "${legacyProject}"\n`, 'values.yaml', rule)).toEqual([legacyProject]);
    const service = `sk-svcacct-${fake('b64url', 120, 9963)}`;
    expect(spansOf(`export OPENAI_KEY='${service}'\n`, 'deploy.sh', rule)).toEqual([service]);
  });
  it('leaves names, stand-ins, short bodies and a format shown with letters counted up where the marker goes', () => {
    expect(spansOf('const id = "sk-proj-dashboard-settings-panel-component-v2-final";\n', 'ui.ts', rule)).toEqual([]);
    expect(spansOf(`OPENAI_API_KEY=sk-proj-${'X'.repeat(64)}\n`, '.env.example', rule)).toEqual([]);
    expect(spansOf(`OPENAI_API_KEY=sk-proj-${fake('alnum', 32, 9964)}\n`, '.env', rule)).toEqual([]);
    expect(spansOf(`sk-svcacct-${fake('b64url', 70, 9965)}badcfegh${fake('b64url', 70, 9966)}\n`, 'fixtures/ok.txt', rule)).toEqual([]);
    expect(spansOf('sk-proj-readProjectSettingsFromCache2ThenRenderTheDashboard\n', 'notes.md', rule)).toEqual([]);
  });
});

describe('an Okta API token bare in a ticket or chat below the words that name Okta', () => {
  const spansOf = (text: string, file: string) =>
    detector.detect(text, { file }).filter((f) => f.rule === 'okta-token-near-words').map((f) => text.slice(f.start, f.end));
  const token = `00${fake('b64url', 40, 9971)}`;
  it('takes 00 and 40 characters within two lines after Okta is named', () => {
    expect(spansOf(`Comment: the SSO app on acme.okta.com was fixed.\nToken I read the system log with: ${token}\n`, 'tickets/IT-12.txt')).toEqual([token]);
    expect(spansOf(`[09:12] jo: okta admin api is back\n[09:13] jo: ${token}\n`, 'chat/it.txt')).toEqual([token]);
  });
  it("leaves Okta's 20-character object ids, a token far below the name, and stand-ins", () => {
    expect(spansOf(`Okta user 00u${fake('alnum', 17, 9972)} locked out\n`, 'tickets/IT-12.txt')).toEqual([]);
    expect(spansOf(`Okta notes\n1\n2\n3\n4\n${token}\n`, 'notes.md')).toEqual([]);
    expect(spansOf(`Okta token: 00${'x'.repeat(40)}\n`, 'notes.md')).toEqual([]);
  });
  it("takes the next message of a chat exported as indented JSON, whose members' lines are not counted, and no further", () => {
    const message = (text: string, ts: string): string[] => ['    {', '      "type": "message",', '      "user": "U01RV",', `      "text": "${text}",`, `      "ts": "${ts}"`, '    },'];
    const chat = ['{', '  "messages": [', ...message('who still has the okta admin token? offboarding today', '1745298301.000100'), ...message(`${token} \\u2014 rotate it after`, '1745298388.000200'), '  ]', '}', ''];
    expect(spansOf(chat.join('\n'), 'exports/slack/it.json')).toEqual([token]);
    const later = ['{', '  "messages": [', ...message('okta sync is back', '1745298301.000100'), ...message('lunch?', '1745298302.000100'), ...message('ok', '1745298303.000100'), ...message(token, '1745298388.000200'), '  ]', '}', ''];
    expect(spansOf(later.join('\n'), 'exports/slack/it.json')).toEqual([]);
    // Outside a message's text every line counts, a lock file's or a config's members too.
    const config = ['{', '  "okta": {', '    "type": "oidc",', '    "org": "acme",', '    "scopes": "openid",', '    "issuer": "default",', `    "sample": "${token}"`, '  }', '}', ''];
    expect(spansOf(config.join('\n'), 'config/auth.json')).toEqual([]);
  });
});
