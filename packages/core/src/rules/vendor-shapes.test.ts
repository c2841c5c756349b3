import { describe, expect, it } from 'vitest';
import { detect, parseDotenv } from '../index.js';
import { fake } from './providers/fake.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a cloud secret key passed right after its key id', () => {
  it('reports a Tencent SecretKey and an Alibaba AccessKey secret, whatever the call', () => {
    const tencent = 'cred := common.NewCredential(\n\t"AKIDm3Qx8Rz2Wv7Lp4Nb9Kc6Yh1Td5Fs0Gj2",\n\t"Pz4Lk8Mw2Qx7Rv3Nb9Hc6Jt1Yd5Fs0Ge",\n)';
    expect(values(tencent, 'cvm.go')).toEqual(['AKIDm3Qx8Rz2Wv7Lp4Nb9Kc6Yh1Td5Fs0Gj2', 'Pz4Lk8Mw2Qx7Rv3Nb9Hc6Jt1Yd5Fs0Ge']);
    const alibaba = 'c, err := ecs.NewClientWithAccessKey("cn-shanghai", "LTAI5tRw9Xq2Lm7Vb4Nc8Kp3", "Hy6Tr2Wq8Lm4Zx9Vb3Nc7Kp1Jd5Fg0")';
    expect(values(alibaba, 'ecs.go')).toEqual(['LTAI5tRw9Xq2Lm7Vb4Nc8Kp3', 'Hy6Tr2Wq8Lm4Zx9Vb3Nc7Kp1Jd5Fg0']);
  });

  it('reports only the id when the secret is a variable', () => {
    expect(values('cred := common.NewCredential("AKIDm3Qx8Rz2Wv7Lp4Nb9Kc6Yh1Td5Fs0Gj2", secretKey)', 'cvm.go')).toEqual(['AKIDm3Qx8Rz2Wv7Lp4Nb9Kc6Yh1Td5Fs0Gj2']);
  });
});

describe('credentials given to SDK constructors by position', () => {
  it("reports Elastic's ApiKey, Azure's and OpenAI's key credentials and a Box developer token", () => {
    expect(values('var auth = new ApiKey("Zk9xR2tLmQ4vB7nW3pYc6Hd1Jf5Gs8Ea0Ui2Oq==");', 'Search.cs')).toEqual(['Zk9xR2tLmQ4vB7nW3pYc6Hd1Jf5Gs8Ea0Ui2Oq==']);
    expect(values('var c = new AzureKeyCredential("f3Kq8Zr2Lw6Mx9Vb4Nc7Tp1Yh5Jd0Gs");', 'Ai.cs')).toEqual(['f3Kq8Zr2Lw6Mx9Vb4Nc7Tp1Yh5Jd0Gs']);
    expect(values('return new BoxAPIConnection("Wq2Er8Ty4Ui6Op0As3Df7Gh1Jk5Lz9Xc");', 'Drive.java')).toEqual(['Wq2Er8Ty4Ui6Op0As3Df7Gh1Jk5Lz9Xc']);
  });

  it('does not take the first of several arguments for the token, nor a reference', () => {
    expect(values('return new BoxAPIConnection("k2m9x4q7w1z8r5t3y6u0p2l8n4b7v1c3", secret, access, refresh);', 'Drive.java')).toEqual([]);
    expect(values('var auth = new ApiKey(settings.ElasticKey);', 'Search.cs')).toEqual([]);
  });

  it("reports the key or token an SDK's auth object is built with: Benchling's ApiKeyAuth, a bearer or token auth", () => {
    const cell = '    "bench = Benchling(url=\'https://acme.benchling.com\', auth_method=ApiKeyAuth(\'sk_hcU4WB00VfJFtUPrGRWL64l2n21806\'))"\n';
    expect(values(cell, 'notebooks/plate_qc.ipynb')).toEqual(['sk_hcU4WB00VfJFtUPrGRWL64l2n21806']);
    expect(values('r = httpx.get(url, auth=BearerAuth("Zq8Lw3Kr6Tx1Vm9Bn4Hc7Jd2Pf5Gy0Au"))\n', 'sync.py')).toEqual(['Zq8Lw3Kr6Tx1Vm9Bn4Hc7Jd2Pf5Gy0Au']);
    expect(values('s.auth = TokenAuth("Wq2Er8Ty4Ui6Op0As3Df7Gh1Jk5Lz9Xc")\n', 'client.py')).toEqual(['Wq2Er8Ty4Ui6Op0As3Df7Gh1Jk5Lz9Xc']);
  });

  it("leaves an auth object given a lookup, a scheme's and a header's name, or a stand-in", () => {
    expect(values("auth_method=ApiKeyAuth(os.environ['BENCHLING_API_KEY'])\n", 'a.py')).toEqual([]);
    expect(values("auth = HTTPBearerAuth('Bearer', 'X-Api-Token')\n", 'a.py')).toEqual([]);
    expect(values('auth = TokenAuth("<your-token>")\n', 'a.py')).toEqual([]);
  });
});

describe('access key ids of S3-compatible storage', () => {
  it('reports a 20-character id under an access-key-id name, like an AWS access key id', () => {
    expect(values("'access-key-id' => 'Q7RZ2MB4XW9HN3CT6YPD',", 'wp-config.php')).toEqual(['Q7RZ2MB4XW9HN3CT6YPD']);
  });

  it('leaves letters only and other lengths alone', () => {
    expect(values('ACCESS_KEY_ID=QRZMBXWHNCTYPDLFVJSA\n', 'ci.env')).toEqual([]);
    expect(values('access_key_id = "Q7RZ2MB4XW9HN3CT6YPDL8F5"\n', 'store.toml')).toEqual([]);
  });

  it('reports an R2 id in a struct named for R2, and not in a struct for something else', () => {
    const r2 = 'fn storage() -> R2 {\n    R2 {\n        access_key_id: "5e0c9a1f7b3d2e8a4c6f1b0d9e7a3c25".into(),\n    }\n}';
    expect(values(r2, 'config.rs')).toEqual(['5e0c9a1f7b3d2e8a4c6f1b0d9e7a3c25']);
    expect(values(r2.replace(/R2/g, 'Cache'), 'config.rs')).toEqual([]);
  });
});

describe('provider token shapes', () => {
  it('takes a FlyV1 token with its scheme and every comma-joined macaroon as one value', () => {
    const token = `FlyV1 fm2_${fake('b64', 150, 9901)},fm2_${fake('b64', 140, 9902)}`;
    expect(values(`export FLY_API_TOKEN="${token}"\n`, 'deploy.sh')).toEqual([token]);
  });

  it("reports a Segment Public API token, not a Sourcegraph token's shape", () => {
    const sgp = `sgp_${fake('alnum', 64, 9903)}`;
    expect(values(`{ "publicApiToken": "${sgp}" }`, 'config.json')).toEqual([sgp]);
  });

  it("reports a Twitch chat login's oauth: token under a Twitch name", () => {
    expect(values('twitchChatOauth = "oauth:k2m9x4q7w1z8r5t3y6u0p2l8n4b7v1"', 'Bot.kt')).toEqual(['oauth:k2m9x4q7w1z8r5t3y6u0p2l8n4b7v1']);
  });

  it('reports the token given to `snyk auth`, not a variable', () => {
    expect(values('snyk auth 6d1f9a2e-4b7c-4e3a-9f0d-2c5b8a7e1d43\n', 'setup.sh')).toEqual(['6d1f9a2e-4b7c-4e3a-9f0d-2c5b8a7e1d43']);
    expect(values('snyk auth "$SNYK_TOKEN"\n', 'setup.sh')).toEqual([]);
  });
});

describe('a secret written over a placeholder with sed', () => {
  it("reports the replacement when what it replaces is a config file's placeholder", () => {
    const token = 'm4q8z2w7x1k9r3t6y0p5l8n2b7v4c1h6j3g9f0d5s2a8e4';
    expect(values(`sed -i "s/xxx/${token}/g" /etc/ci-agent/agent.cfg\n`, 'provision.sh')).toEqual([token]);
    expect(values(`sed -i 's|__RUNNER_TOKEN__|${token}|' /opt/runner/config.toml\n`, 'provision.sh')).toEqual([token]);
  });

  it('leaves ordinary edits and a variable as the replacement alone', () => {
    expect(values('sed -i "s/127.0.0.1/db.prod.example.org/" app.ini\n', 'provision.sh')).toEqual([]);
    expect(values('sed -i "s/xxx/${RUNNER_TOKEN}/g" agent.cfg\n', 'provision.sh')).toEqual([]);
  });
});

describe('value shapes', () => {
  it('takes a passphrase of words with a lone digit among them', () => {
    expect(values('<server>\n  <id>signing</id>\n  <passphrase>marble Otter 4 quiver Saffron</passphrase>\n</server>', 'settings.xml')).toEqual([
      'marble Otter 4 quiver Saffron',
    ]);
  });

  it('takes a token of randomly cased letters, and not a camelCase name', () => {
    expect(values('<token>pQzLxRtWmKvNbYcJhGfDsAqWeRtYuIoP</token>', 'logback.xml')).toEqual(['pQzLxRtWmKvNbYcJhGfDsAqWeRtYuIoP']);
    expect(values('<token>ThisIsTheConfigurationForTheApp</token>', 'logback.xml')).toEqual([]);
  });

  it('does not report a checksum kept in a Kubernetes Secret, and still reports the secrets beside it', () => {
    const digest = 'a3f1c9e7b5d2084f6a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f';
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\nstringData:\n  CONFIG_CHECKSUM: ${digest}\n  SESSION_KEY: Wq2Er8Ty4Ui6Op0As3Df7Gh1\n`;
    expect(values(secret, 'secret.yaml')).toEqual(['Wq2Er8Ty4Ui6Op0As3Df7Gh1']);
    // Named by a bare `sha`, and quoted.
    const quoted = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\nstringData:\n  CONFIG_SHA: "${digest}"\n  SESSION_KEY: Wq2Er8Ty4Ui6Op0As3Df7Gh1\n`;
    expect(values(quoted, 'secret.yaml')).toEqual(['Wq2Er8Ty4Ui6Op0As3Df7Gh1']);
  });
});

describe('dotenv ids', () => {
  it("does not learn a token's id, a client-side id or an Airtable base id, and still learns the token", () => {
    const text = 'DB_SERVICE_TOKEN_ID=w3k9q2x7m4z1\nDB_SERVICE_TOKEN=tkn_Wq2Er8Ty4Ui6Op0As3Df7Gh1\nFLAGS_CLIENT_SIDE_ID=5f0a9c1e7b3d2e8a4c6f1b0d\nAIRTABLE_BASE=appR7kQ2mZ9xW4vLp\n';
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:DB_SERVICE_TOKEN']);
  });
});

describe('Google service-account key files', () => {
  const keyId = '9c41e07b2d5f83a6e1c0b47d92f58e3a6b1d0c47';
  const keyFile = [
    '{',
    '  "type": "service_account",',
    '  "project_id": "ledger-prod",',
    `  "private_key_id": "${keyId}",`,
    '  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Vq2Lm9xR4tW8\\nzK3pQ7nY6sF1aH5jD2gB0vC9eX4uT8iM3oN7rS1wE6yU2kA5lP0qZ9hG4fJ7dX3c\\n-----END PRIVATE KEY-----\\n",',
    '  "client_email": "loader@ledger-prod.iam.gserviceaccount.com"',
    '}',
  ].join('\n');

  it("reports the private key and, beside it, the key's id: in a key file the id is half of the credential", () => {
    const found = values(keyFile, 'loader-sa.json');
    expect(found.some((v) => v.startsWith('-----BEGIN PRIVATE KEY-----'))).toBe(true);
    expect(found).toContain(keyId);
    // The same file as a code object, and escaped inside a JSON string.
    const js = keyFile.replace(/"(\w+)": /g, '$1: ');
    expect(values(`const serviceAccount = ${js};\n`, 'src/push.js')).toContain(keyId);
    const escaped = JSON.stringify(JSON.parse(keyFile));
    expect(values(`{"gcp": ${JSON.stringify(escaped)}}\n`, 'settings.json')).toContain(keyId);
  });

  it('leaves a key id that no key file holds: a listing, metadata or a rotation note names a key and opens nothing', () => {
    expect(values(`KEY_ID                                    CREATED_AT\n${keyId}  2024-01-02T00:00:00Z\n`, 'keys.txt')).toEqual([]);
    expect(values(`{\n  "type": "service_account",\n  "private_key_id": "${keyId}",\n  "client_email": "loader@ledger-prod.iam.gserviceaccount.com"\n}\n`, 'key-meta.json')).toEqual([]);
    expect(values(`rotated: {"private_key_id": "${keyId}", "project": "ledger-prod"}\n`, 'rotation.log')).toEqual([]);
  });
});

describe('Kafka SASL credentials of a Confluent Cloud API key', () => {
  const id = fake('uppernum', 16, 9531);
  const secret = fake('b64', 64, 9532);

  it('reports the password and leaves the key id given as the username, as a user name is left', () => {
    const jaas = `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${id}" password="${secret}";\n`;
    expect(values(jaas, 'client.properties')).toEqual([secret]);
    const java = `props.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"${id}\\" password=\\"${secret}\\";");\n`;
    expect(values(java, 'Producer.java').join(' ')).toContain(secret);
    expect(values(java, 'Producer.java').join(' ')).not.toContain(id);
    const go = `kafka.ConfigMap{\n\t"sasl.mechanisms": "PLAIN",\n\t"sasl.username":   "${id}",\n\t"sasl.password":   "${secret}",\n}\n`;
    expect(values(go, 'producer.go')).toEqual([secret]);
  });
});

describe("Stream Chat's server client built with its key and secret by position", () => {
  it('reports the secret, second, and leaves the public API key', () => {
    const js = "const chat = StreamChat.getInstance('p4tz9wq2mcrd', 'h7k2q9zxw4mvt8rb3nlc6jdy0pgf5sae1ukq7x2zm9wt4vn8cr6hb3ld0yjs5gfa');";
    expect(values(js, 'src/chat.js')).toEqual(['h7k2q9zxw4mvt8rb3nlc6jdy0pgf5sae1ukq7x2zm9wt4vn8cr6hb3ld0yjs5gfa']);
    const ts = 'const server = new StreamChat("p4tz9wq2mcrd", "m2x8vq5tk9wz3rb7nlc4jdy1pgf6sae0ukq8x3zm2wt9vn5cr7hb4ld1yjs6gfa");';
    expect(values(ts, 'src/chat.ts')).toEqual(['m2x8vq5tk9wz3rb7nlc4jdy1pgf6sae0ukq8x3zm2wt9vn5cr7hb4ld1yjs6gfa']);
  });

  it('leaves a browser client given only its key, and a secret from the environment', () => {
    expect(values("const chat = StreamChat.getInstance('p4tz9wq2mcrd');", 'src/chat.js')).toEqual([]);
    expect(values("const chat = StreamChat.getInstance('p4tz9wq2mcrd', process.env.STREAM_SECRET);", 'src/chat.js')).toEqual([]);
  });
});

describe("Akamai EdgeGrid tokens and the API host an .edgerc names", () => {
  it('reports the client and access tokens, not the host that opens with the same shape', () => {
    const client = `akab-${fake('lowernum', 16, 901)}-${fake('lowernum', 16, 902)}`;
    const host = `akab-${fake('lowernum', 16, 903)}-${fake('lowernum', 16, 904)}`;
    const edgerc = `[default]\nhost = ${host}.luna.akamaiapis.net\nclient_token = ${client}\n`;
    expect(values(edgerc, '.edgerc')).toContain(client);
    expect(values(edgerc, '.edgerc').some((v) => v.includes(host.slice(5)))).toBe(false);
  });
});
