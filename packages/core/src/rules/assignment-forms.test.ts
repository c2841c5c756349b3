import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a secret literal inside a decoding call', () => {
  const hex = '5c1e9a7f03b84d26e8a1c4f7092b6d3e81f5a0c7d4e92b6f1a83c05d7e9f2b4a';
  it('reads the literal that bytes.fromhex, base64.b64decode or unhexlify decode', () => {
    expect(values(`WEBHOOK_SECRET = bytes.fromhex("${hex}")\n`, 'hooks.py')).toEqual([hex]);
    expect(values(`signing_key = bytearray.fromhex('${hex}')\n`, 'sign.py')).toEqual([hex]);
    expect(values(`HMAC_KEY = binascii.unhexlify("${hex}")\n`, 'sign.py')).toEqual([hex]);
    expect(values('API_SECRET = base64.b64decode("Zk3mP9qR2vX8wL5nQ4tYc7Hb1Js6Ud0E")\n', 'client.py')).toEqual(['Zk3mP9qR2vX8wL5nQ4tYc7Hb1Js6Ud0E']);
  });
  it("reads the literal that Ruby's Base64.decode64 (strict_, urlsafe_) decodes under a key's name", () => {
    expect(values('  ARCHIVE_KEY = Base64.decode64("Qm7vT2xKp9LwZ4rN8cYb3Hf6Jd1Sg5Ue0Ai+Wk/OtE=")\n', 'crypto.rb')).toEqual(['Qm7vT2xKp9LwZ4rN8cYb3Hf6Jd1Sg5Ue0Ai+Wk/OtE=']);
    expect(values("signing_secret = Base64.strict_decode64('Zk3mP9qR2vX8wL5nQ4tYc7Hb1Js6Ud0E')\n", 'sign.rb')).toEqual(['Zk3mP9qR2vX8wL5nQ4tYc7Hb1Js6Ud0E']);
  });
  it('leaves a decoded value under a name that holds no secret, and a call on a variable', () => {
    expect(values('  BANNER_IMAGE = Base64.decode64("Qm7vT2xKp9LwZ4rN8cYb3Hf6Jd1Sg5Ue0Ai+Wk/OtE=")\n', 'banner.rb')).toEqual([]);
    expect(values('  ARCHIVE_KEY = Base64.decode64(ENV.fetch("ARCHIVE_KEY_B64"))\n', 'crypto.rb')).toEqual([]);
    expect(values(`EXPECTED_DIGEST = bytes.fromhex("${hex}")\n`, 'verify.py')).toEqual([]);
    expect(values('WEBHOOK_SECRET = bytes.fromhex(os.environ["WEBHOOK_SECRET_HEX"])\n', 'hooks.py')).toEqual([]);
  });
});

describe("msmtp's `password …` lines", () => {
  it('reads the password directive of an msmtprc, whatever extension a copy carries', () => {
    const rc = 'account nas\nhost smtp.example.com\nuser alerts@example.com\npassword NAS-alerts#Pixel2023\n';
    expect(values(rc, 'ops/msmtp/msmtprc.ini')).toEqual(['NAS-alerts#Pixel2023']);
    expect(values(rc, 'home/.msmtprc')).toEqual(['NAS-alerts#Pixel2023']);
  });
  it('leaves the other directives, and a `password …` line in a file of another kind', () => {
    expect(values('passwordeval gpg --quiet --decrypt ~/.msmtp-password.gpg\nauth on\n', '.msmtprc')).toEqual([]);
    expect(values('password NAS-alerts#Pixel2023\n', 'notes/msmtp-setup.ini')).toEqual([]);
  });
});

describe("HCL's name and value pairs", () => {
  it('reports the value of a helm release setting whose name is a secret', () => {
    const tf = 'resource "helm_release" "cache" {\n  set_sensitive {\n    name  = "auth.rootPassword"\n    value = "Vw3nQz8LkRt5Xp2M"\n  }\n}\n';
    expect(values(tf, 'modules/cache/main.tf')).toEqual(['Vw3nQz8LkRt5Xp2M']);
  });
  it('leaves settings that name no secret and values that are references', () => {
    expect(values('  set {\n    name  = "persistence.size"\n    value = "20Gi"\n  }\n', 'main.tf')).toEqual([]);
    expect(values('  set_sensitive {\n    name  = "auth.rootPassword"\n    value = random_password.cache.result\n  }\n', 'main.tf')).toEqual([]);
  });
});

describe('the name of an environment variable as a constant’s value', () => {
  it('is no secret in code: the value names where the secret is read from', () => {
    expect(values('static final String SMTP_PASSWORD_KEY = "SMTP_PASSWORD_ENV";\n', 'Mailer.java')).toEqual([]);
    expect(values("export const VAULT_TOKEN_VAR = 'VAULT_TOKEN_FILE';\n", 'vault.ts')).toEqual([]);
  });
  it('still reports an upper-case password without a secret word, and any in a config file', () => {
    expect(values('static final String SMTP_PASSWORD = "KESTREL_ORCHARD_MAPLE";\n', 'Mailer.java')).toEqual(['KESTREL_ORCHARD_MAPLE']);
  });
});

describe('a block under a secret name whose entries have quoted names', () => {
  it('reads each entry of a HOCON credentials block, the first one included', () => {
    const conf = [
      'api {',
      '    api_server: https://api.clear.ml',
      '    credentials {',
      '        "access_key" = "R7KQ2MZ8XV4LN9PW3TC6"',
      '        "secret_key"  = "Hd4Kp9Wz2Xq7Lm5Rt8Nb3Vc6Yf1Sg0Ja8Ue2Io5Pl7Mk4Nj"',
      '    }',
      '}',
    ].join('\n');
    expect(values(conf, 'clearml.conf')).toEqual(['R7KQ2MZ8XV4LN9PW3TC6', 'Hd4Kp9Wz2Xq7Lm5Rt8Nb3Vc6Yf1Sg0Ja8Ue2Io5Pl7Mk4Nj']);
    expect(values('creds {\n  "api_token": "Vn3Qx8Lp2Zk7Wr1Tc6Mb9Hd4Js0Fy5Gu"\n}\n', 'service.conf')).toEqual(['Vn3Qx8Lp2Zk7Wr1Tc6Mb9Hd4Js0Fy5Gu']);
  });
  it('still reads a getter that returns a literal, and a block entry that names no secret stays silent', () => {
    expect(values('var apiToken: String {\n    "Qm8Wz3Kx7Lp2Rv9Nt4Bc6Hd1"\n}\n', 'Keys.swift')).toEqual(['Qm8Wz3Kx7Lp2Rv9Nt4Bc6Hd1']);
    expect(values('credentials {\n  "region" = "eu-west-1"\n}\n', 'service.conf')).toEqual([]);
  });
});

describe('a bare value inside a JSON string', () => {
  it("ends a notebook line's value at the escaped line break the JSON string carries", () => {
    const notebook = '   "source": [\n    "%env COHERE_API_KEY=Wz3Kx7Lp2Rv9Nt4Bc6Hd1Qm8Wz3Kx7Lp2Rv9Nt4\\n",\n    "%env LOG_LEVEL=debug\\n"\n   ]';
    expect(values(notebook, 'explore.ipynb')).toEqual(['Wz3Kx7Lp2Rv9Nt4Bc6Hd1Qm8Wz3Kx7Lp2Rv9Nt4']);
    const output = '{"name": "stdout", "text": ["session token: Hd1Qm8Wz3Kx7Lp2Rv9Nt4Bc6\\tok\\n"]}';
    expect(values(output, 'run-log.json')).toEqual(['Hd1Qm8Wz3Kx7Lp2Rv9Nt4Bc6']);
  });
  it("reads a value between a notebook cell's escaped quotes without the quotes, which stay around its token", () => {
    const cell = '    "client = Client(api_key=\\"Tq5Wm2Zx8Lp4Rv7Nb1Hc6Jd3Kf9Gs0Ay\\", timeout=30)\\n",\n    "db = connect(password=\\"Heron77quartz!\\")\\n"';
    expect(values(cell, 'ingest.ipynb')).toEqual(['Tq5Wm2Zx8Lp4Rv7Nb1Hc6Jd3Kf9Gs0Ay', 'Heron77quartz!']);
    expect(values('    "password=\\"\\"\\n",\n    "token = os.environ[\\"HF_TOKEN\\"]\\n"', 'ingest.ipynb')).toEqual([]);
  });
  it('keeps a backslash that is part of a bare value outside JSON', () => {
    expect(values('DB_PASSWORD=Qz8k\\nLm2Wq9\n', 'settings.ini')).toEqual(['Qz8k\\nLm2Wq9']);
  });
});

describe('a name and its value after an account named like a secret', () => {
  it('reads the password of a libpq string whose user is `seed` or `token`', () => {
    const go = 'db, err := sql.Open("pgx", "host=db1 user=seed password=" + "Wq7!Tarn=Ridge4471" + " dbname=ledger")\n';
    expect(values(go, 'cmd/seed/main.go')).toEqual(['Wq7!Tarn=Ridge4471']);
    expect(values('dsn = "host=db1 user=token_svc password=Tarn-Ridge-4471 dbname=x"\n', 'settings.py')).toEqual(['Tarn-Ridge-4471']);
  });
  it('leaves such a string without a password, or with one read from elsewhere', () => {
    expect(values('dsn := "host=db1 user=seed dbname=ledger sslmode=require"\n', 'main.go')).toEqual([]);
    expect(values('dsn := "host=db1 user=seed password=" + os.Getenv("PGPASSWORD")\n', 'main.go')).toEqual([]);
    expect(values('dsn := "host=db1 password=" + os.Getenv("PGPASSWORD") + " dbname=x"\n', 'main.go')).toEqual([]);
  });
});

describe('dotted properties as `name value` lines of a .conf', () => {
  it("reads Spark's spark-defaults.conf like a .properties file", () => {
    const conf = [
      'spark.master                         k8s://https://spark.example.com:443',
      'spark.executor.memory                8g',
      'spark.hadoop.fs.s3a.secret.key       Wq4nT8kLr2xZm6PvB3yDk9Hs/1Fj5Gu7Ae0Rc3Np',
      'spark.authenticate.secret            Rk9vQ2mXw7LpZ4tN8bYc3HjF',
      '',
    ].join('\n');
    expect(values(conf, 'spark/conf/spark-defaults.conf')).toEqual(['Wq4nT8kLr2xZm6PvB3yDk9Hs/1Fj5Gu7Ae0Rc3Np', 'Rk9vQ2mXw7LpZ4tN8bYc3HjF']);
  });
  it('leaves settings that name no secret, references, and undotted directives', () => {
    const conf = [
      'spark.authenticate                   true',
      'spark.hadoop.fs.s3a.secret.key       ${S3_SECRET_KEY}',
      'spark.ssl.keyStore                   /etc/spark/keystore.jks',
      'spark.kubernetes.container.image     ghcr.io/acme/spark:3.5.1-1a2b3c4',
      'ssl_certificate_key                  /etc/nginx/tls.key',
      '',
    ].join('\n');
    expect(values(conf, 'spark-defaults.conf')).toEqual([]);
    // Outside a .conf a line of prose with a dotted word stays prose.
    expect(values('spark.authenticate.secret Rk9vQ2mXw7LpZ4tN8bYc3HjF\n', 'notes.txt')).toEqual([]);
  });
});

describe("Hadoop-family XML's <name> / <value> properties", () => {
  it('reports the value of a property whose name is a secret (core-site.xml, hive-site.xml)', () => {
    const xml = [
      '<configuration>',
      '  <property>',
      '    <name>fs.s3a.secret.key</name>',
      '    <value>Wq4nT8kLr2xZm6PvB3yDk9Hs/1Fj5Gu7Ae0Rc3Np</value>',
      '  </property>',
      '  <property>',
      '    <name>javax.jdo.option.ConnectionPassword</name>',
      '    <value>Metast0re_2019rt</value>',
      '  </property>',
      '  <property>',
      '    <name>hadoop.security.group.mapping.ldap.bind.password</name>',
      '    <description>The password of the bind user.</description>',
      '    <value>Ld4p!Bind#2024x</value>',
      '  </property>',
      '  <property><name>ssl.server.keystore.password</name><value>Ks7!vQ2mXw9L</value></property>',
      '</configuration>',
      '',
    ].join('\n');
    expect(values(xml, 'hadoop/conf/core-site.xml')).toEqual(['Wq4nT8kLr2xZm6PvB3yDk9Hs/1Fj5Gu7Ae0Rc3Np', 'Metast0re_2019rt', 'Ld4p!Bind#2024x', 'Ks7!vQ2mXw9L']);
  });
  it('leaves settings, paths, references and empty values', () => {
    const xml = [
      '<configuration>',
      '  <property>',
      '    <name>hadoop.security.authentication</name>',
      '    <value>kerberos</value>',
      '  </property>',
      '  <property><name>dfs.block.access.token.enable</name><value>true</value></property>',
      '  <property>',
      '    <name>fs.s3a.aws.credentials.provider</name>',
      '    <value>org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider</value>',
      '  </property>',
      '  <property><name>ssl.server.keystore.password</name><value>${env.KEYSTORE_PASSWORD}</value></property>',
      '  <property><name>hadoop.http.authentication.signature.secret.file</name><value>/etc/security/http_secret</value></property>',
      '  <property><name>hive.metastore.kerberos.keytab.file</name><value>/etc/hive/conf/hive.keytab</value></property>',
      '  <property><name>fs.s3a.secret.key</name><value></value></property>',
      '</configuration>',
      '',
    ].join('\n');
    expect(values(xml, 'hdfs-site.xml')).toEqual([]);
  });
});

describe('a label in notes with more words than its name', () => {
  it('reads a label qualified in brackets or by what it is for before its colon', () => {
    expect(values('Account API token (billing only): `06ae5394-6093-487e-9c62-9f1f36ea830e`.\n', 'handover.md')).toEqual(['06ae5394-6093-487e-9c62-9f1f36ea830e']);
    expect(values('Secret key (REST API, X-API-Key): a56cb95e-7c7d-4cfc-a61e-6fea0a3754ef\n', 'plesk.txt')).toEqual(['a56cb95e-7c7d-4cfc-a61e-6fea0a3754ef']);
    expect(values('cPanel API token for the backup script: `IOYMPZLR8I2OS41YAOPO3XN3GI6GLC57`\n', 'notes.md')).toEqual(['IOYMPZLR8I2OS41YAOPO3XN3GI6GLC57']);
    expect(values('14. Cloudflare global API key (legacy): `9e81dc284ead74ab50cad0fa136f27e842c46`\n', 'onboarding.md')).toEqual(['9e81dc284ead74ab50cad0fa136f27e842c46']);
  });
  it('reads a label qualified by what it is for, that being named in a code span', () => {
    expect(values('Rundeck API token for the `ctrl-ops` user: 4AfRRKN3Zdkarne7A6jr1GASQ4RosAxk\n', 'README.md')).toEqual(['4AfRRKN3Zdkarne7A6jr1GASQ4RosAxk']);
    expect(values('- Deploy key for `web-02` (rotated in May): `Tq8vRzW2kLm7Xp4NcY6b`\n', 'handover.md')).toEqual(['Tq8vRzW2kLm7Xp4NcY6b']);
    // The span names what the value is for, nothing after the colon is a value, or the span is the value itself.
    expect(values('API token for the `ctrl-ops` user: see the vault\n', 'README.md')).toEqual([]);
    expect(values('Token for the `app` service: `${APP_TOKEN}`\n', 'README.md')).toEqual([]);
    expect(values('The API token for `Tq8vRzW2kLm7Xp4NcY6b` is read from the environment\n', 'README.md')).toEqual([]);
  });
  it('reads a label qualified by what it is for and then by a remark in brackets', () => {
    expect(values('- Billing API token for the partner bridge (temporary, until Monday): `bpt_Wq4nT8kLr2xZm6PvB3yDc7Hs9Jf`\n', 'runbook.md')).toEqual(['bpt_Wq4nT8kLr2xZm6PvB3yDc7Hs9Jf']);
    expect(values('- API token for the partner bridge (ask the vendor): see 1Password\n', 'runbook.md')).toEqual([]);
    expect(values('- Status page key for the public site (not secret): `<status-key>`\n', 'runbook.md')).toEqual([]);
  });
  it('reads a label of two words whose first is a secret word too', () => {
    expect(values('Secret key: a56cb95e-7c7d-4cfc-a61e-6fea0a3754ef\n', 'plesk.txt')).toEqual(['a56cb95e-7c7d-4cfc-a61e-6fea0a3754ef']);
  });
  it('reads such a label qualified by what it is for or by a remark in brackets', () => {
    const hex = '3B9F0C27E1A84D65B0C2F97E4A1D38C6F05B2E9A7D14C83F6E0A9B25D7C41E86';
    expect(values(`HMAC key for the payment notifications: ${hex}\n`, 'handover.eml')).toEqual([hex]);
    expect(values('Bearer token (staging relay): Wq4nT8kLr2xZm6PvB3yDc7Hs\n', 'notes.txt')).toEqual(['Wq4nT8kLr2xZm6PvB3yDc7Hs']);
    expect(values('HMAC secret for the webhook: see the vault\n', 'handover.eml')).toEqual([]);
    expect(values('HMAC key for the webhook is rotated every quarter.\n', 'handover.eml')).toEqual([]);
  });
  it('leaves a key or token that the words before it name one made for browsers, and still reads a server one', () => {
    const hex = 'b81f0c4e7a2d95631e8c0f7a4d2b69e5';
    expect(values(`The storefront token (public) is \`${hex}\`.\n`, 'wiki/shop.md')).toEqual([]);
    expect(values(`The Shopify Storefront API access token is ${hex}.\n`, 'wiki/shop.md')).toEqual([]);
    expect(values(`- Mixpanel project token: ${hex}\n`, 'wiki/analytics.md')).toEqual([]);
    expect(values(`- Shopify admin API token: ${hex}\n`, 'wiki/shop.md')).toEqual([hex]);
    expect(values(`- Storefront webhook secret: ${hex}\n`, 'wiki/shop.md')).toEqual([hex]);
  });
  it('leaves a site key or a public key named in prose, and qualified labels without a value', () => {
    expect(values('reCAPTCHA: site key `6LsrsNamqFY8k4d94tq4Gqm7-Js2aWqMXi0Cm3X7` (public), secret `6LCULutahzASt6Ui_D5LH7gL5s4KC6bTvezHrR19`\n', 'onboarding.md')).toEqual(['6LCULutahzASt6Ui_D5LH7gL5s4KC6bTvezHrR19']);
    expect(values('- `token` (string, required): `<your-token>`\n', 'api.md')).toEqual([]);
    expect(values('API token for the staging server: see 1Password\n', 'notes.md')).toEqual([]);
    expect(values('key (optional): a random string such as the one below\n', 'notes.md')).toEqual([]);
  });
  it("leaves a key that prose calls public (an app's interactions key, an Ed25519 verify key), and still reads a bare or private one", () => {
    const hex = '9c2e41b07d5a83f6e1c04b7d92a58e3f6b1d0c47a2e95b3d8f1c6a07e4b92d15';
    expect(values(`The public key for webhook signatures is\n\`${hex}\` (it is on the dashboard).\n`, 'question.md')).toEqual([]);
    expect(values(`Public key: ${hex}\n`, 'notes.md')).toEqual([]);
    expect(values(`the key for webhook signatures is \`${hex}\`\n`, 'question.md')).toEqual([hex]);
    expect(values(`the private key is \`${hex}\`\n`, 'question.md')).toEqual([hex]);
  });
  it('keeps a declaration in code a name, not a qualifier', () => {
    expect(values('public key = "Zx8kQ2mLp4Rt7Vw9Yb3Nc6Hd"\n', 'client.ts')).toEqual(['Zx8kQ2mLp4Rt7Vw9Yb3Nc6Hd']);
  });
});

describe('a secret in a literal that C or Python joins to the name before it', () => {
  it('reads the adjacent literal after a string ending in the name, on the same line or the next', () => {
    const cpp = [
      'static const char *kSecondaryConn = "HostName=hub.azure-devices.net;"',
      '    "DeviceId=gw1-004;"',
      '    "SharedAccessKey=" "fe90RlilzPLdIyxdz6RD+ZrfdgzHkOTNn06YydjSi6c=";',
      'static const char *kConn = "Server=db;User Id=app;Password="',
      '    "Kelp!Harrow-83" ";Encrypt=true";',
    ].join('\n');
    expect(values(cpp, 'src/cloud.cpp')).toEqual(['fe90RlilzPLdIyxdz6RD+ZrfdgzHkOTNn06YydjSi6c=', 'Kelp!Harrow-83']);
  });

  it('leaves a separate argument, a variable and an expansion alone', () => {
    expect(values('print("password=", "Kelp!Harrow-83")\n', 'debug.py')).toEqual([]);
    expect(values('echo "password=" "$PW"\n', 'show.sh')).toEqual([]);
    expect(values('const char *k = "SharedAccessKey=" KEY_MACRO;\n', 'cloud.c')).toEqual([]);
  });
});

describe('a map under a name for many secrets or for a secret’s content', () => {
  const b64 = 'E6WfQcuUGw7AjVL+sECPB2c0QNxXOI7lI8Dza669hQc=';
  const hex = '10b723785f58d8ddc2fa9305293a2aaae0ea3c0e';
  it('reports each generated value, whatever its entry is called', () => {
    expect(values(`var serviceTokens = map[string]string{\n\t"gateway":  "${b64}",\n\t"reporter": "${hex}",\n}\n`, 'auth.go')).toEqual([b64, hex]);
    expect(values(`SERVICE_TOKENS = {\n    "gateway": "${b64}",\n    "reporter": "${hex}",\n}\n`, 'auth.py')).toEqual([b64, hex]);
    expect(values(`var apiKeys = []string{"${b64}", "${hex}"}\n`, 'keys.go')).toEqual([b64, hex]);
    const tf = `  secret_string = jsonencode({\n    username     = "ledger_app"\n    encryption_k = "${b64}"\n  })\n`;
    expect(values(tf, 'rds.tf')).toEqual([b64]);
  });
  it('leaves maps under other names, and entries that are ids, digests or words', () => {
    expect(values(`var serviceHosts = map[string]string{\n\t"gateway": "${b64}",\n}\n`, 'hosts.go')).toEqual([]);
    expect(values(`publicKeys = {\n    "kid-1": "${b64}",\n}\n`, 'jwks.py')).toEqual([]);
    expect(values(`KEYS = {\n    "up": "ArrowUp",\n    "k": "${b64}",\n}\n`, 'input.py')).toEqual([]);
    const ids = `SERVICE_SECRETS = {\n    "private_key_id": "${hex}",\n    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\n    "project": "ledger-prod",\n}\n`;
    expect(values(ids, 'gcp.py')).toEqual([]);
    // A data file's block under such a name is as often settings: read by the entries' own names only.
    expect(values(`{"secrets": {"provider": "vault", "cache": "${b64}"}}\n`, 'settings.json')).toEqual([]);
  });
});

describe("Kotlin's, Groovy's and PHP's `?:` fallback", () => {
  it('reads the literal after a lookup that a secret name keys', () => {
    expect(values('        storePassword project.findProperty("releaseStorePassword") ?: "Cedar.Lantern4410"\n', 'app/build.gradle')).toEqual(['Cedar.Lantern4410']);
    expect(values('val signingKey = System.getenv("SIGNING_KEY") ?: "q7Vd2LmX9rTw4Kp8Zn3B"\n', 'Config.kt')).toEqual(['q7Vd2LmX9rTw4Kp8Zn3B']);
    expect(values("$secret = getenv('APP_SECRET') ?: 'Tq8.mWz3-Lp5vRx';\n", 'config.php')).toEqual(['Tq8.mWz3-Lp5vRx']);
  });
  it('leaves an empty fallback, and a TypeScript optional member typed by a literal', () => {
    expect(values('storePassword project.findProperty("releaseStorePassword") ?: ""\n', 'app/build.gradle')).toEqual([]);
    expect(values("interface Options { token?: 'Cedar.Lantern4410' | 'none' }\n", 'options.ts')).toEqual([]);
  });
});

describe("Java's conditional on a lookup, and an Optional's or an Option's orElse, as a literal fallback", () => {
  it("reads the literal after the conditional's colon when its first branch looks the name up, on one line or broken", () => {
    const java = [
      'private static final char[] TRUSTSTORE_PASSWORD =',
      '    (System.getenv("TRUSTSTORE_PASSWORD") != null',
      '        ? System.getenv("TRUSTSTORE_PASSWORD") : "Osprey_2031").toCharArray();',
      'static final String SMTP_PASSWORD = System.getenv("SMTP_PASSWORD") != null ? System.getenv("SMTP_PASSWORD")',
      '    : "Wren-Gate-77";',
    ].join('\n');
    expect(values(java, 'Mailer.java')).toEqual(['Osprey_2031', 'Wren-Gate-77']);
  });
  it("reads the literal an Optional's orElse or a Scala Option's getOrElse falls back on", () => {
    expect(values('static final String API_TOKEN = Optional.ofNullable(System.getenv("API_TOKEN")).orElse("Tq8vRzW2kLm7XpN4");\n', 'Cfg.java')).toEqual(['Tq8vRzW2kLm7XpN4']);
    expect(values('val dbPassword = sys.env.get("DB_PASSWORD").getOrElse("Heron!Dock-19")\n', 'Db.scala')).toEqual(['Heron!Dock-19']);
  });
  it('leaves a label, an empty or stand-in fallback, a constant and a column name after such a colon', () => {
    const java = [
      'String label = edit ? i18n("password") : "Enter your password";',
      'String col = sorted ? column("token") : "created_at";',
      'String a = System.getenv("DB_PASSWORD") != null ? System.getenv("DB_PASSWORD") : "";',
      'String b = System.getenv("DB_PASSWORD") != null ? System.getenv("DB_PASSWORD") : "changeme";',
      'String c = System.getenv("DB_PASSWORD") != null ? System.getenv("DB_PASSWORD") : DEFAULT_PASSWORD;',
      'String d = Optional.ofNullable(System.getenv("API_TOKEN")).orElse("");',
    ].join('\n');
    expect(values(java, 'Labels.java')).toEqual([]);
  });
});

describe("HTML's code span after a secret's name", () => {
  it('reads the key a help desk or chat export shows in <code>', () => {
    const body = '{"body": "<p>We call it with api key <code>acm_live_Rw8Tq2Lm9Vx4Kp7Zn3Bd</code> from the portal.</p>"}\n';
    expect(values(body, 'exports/conversation-311.json')).toEqual(['acm_live_Rw8Tq2Lm9Vx4Kp7Zn3Bd']);
    expect(values('<p>the staging token is <code>Xq4vLm8Tr2Wz6Kp9Bd3N</code></p>\n', 'wiki/staging.html')).toEqual(['Xq4vLm8Tr2Wz6Kp9Bd3N']);
  });
  it('leaves a variable or a word shown in one', () => {
    expect(values('<p>Put the api key in <code>PARTNER_API_KEY</code> first.</p>\n', 'wiki/setup.html')).toEqual([]);
    expect(values('<p>the password <code>changeme</code> is refused</p>\n', 'wiki/setup.html')).toEqual([]);
  });
});

describe('a value after a colon that holds an `=`', () => {
  it('reads the whole value, not the part after a tight `=` taken for a typed assignment', () => {
    const compose = 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: k=Vb7rQmT2wLx.4=P\n      REDIS_PASSWORD: Tz9.qLm4w=!!=R-Kp2x*v\n';
    expect(values(compose, 'deploy/docker-compose.yml')).toEqual(['k=Vb7rQmT2wLx.4=P', 'Tz9.qLm4w=!!=R-Kp2x*v']);
  });
  it('still reads typed code whose `=` is tight: a literal or a call after it', () => {
    expect(values('password: str="Wq3vLm8Tr2Xz6Kp9"\n', 'settings.py')).toEqual(['Wq3vLm8Tr2Xz6Kp9']);
    expect(values('const SIGNING_KEY: &str="Wq3vLm8Tr2Xz6Kp9";\n', 'main.rs')).toEqual(['Wq3vLm8Tr2Xz6Kp9']);
  });
});

describe('research computing notes and configs (blind set 46)', () => {
  const hex = '9e3c51a0d7f248b6c1e05a93f7d28b4e6a0c93f15d7e28b4a6c01f93e57d2b8a';
  it('reads a decoding call whose literal a formatter moved to the next line', () => {
    expect(values(`c.JupyterHub.cookie_secret = bytes.fromhex(\n    '${hex}'\n)\n`, 'jupyterhub_config.py')).toEqual([hex]);
    expect(values(`EXPECTED_DIGEST = bytes.fromhex(\n    '${hex}'\n)\n`, 'verify.py')).toEqual([]);
  });

  it('reads a password that a reset left "now"', () => {
    expect(values('The console admin password is now Tq8_vLw-3Zr!x after the upgrade.\n', 'mail.txt')).toEqual(['Tq8_vLw-3Zr!x']);
    expect(values('The console admin password is now managed by the vendor.\n', 'mail.txt')).toEqual([]);
  });

  it('reads the password that kadmin takes with -w, and the one piped into kinit or iinit', () => {
    expect(values("kadmin -p ops/admin@LAB.EXAMPLE -w 'Kv7*pRt2-Mw9' -q listprincs\n", 'notes.md')).toEqual(['Kv7*pRt2-Mw9']);
    expect(values("echo 'Wq3%LmT8x-5521' | iinit\n", 'sync.slurm')).toEqual(['Wq3%LmT8x-5521']);
    expect(values('echo "$IRODS_PW" | iinit\n', 'sync.slurm')).toEqual([]);
  });

  it('reads a password that a wrapped paragraph puts on the next line, in a code span or in bold', () => {
    expect(values('The scanner PC account has password\n`Zq4!w-Lmt7%Rb2` (rotated each term).\n', 'wiki.md')).toEqual(['Zq4!w-Lmt7%Rb2']);
    expect(values('Send the link with password\n**Marten*delta4410** to the partner lab.\n', 'wiki.md')).toEqual(['Marten*delta4410']);
    expect(values('The account has password\nexpiry turned off.\n', 'wiki.md')).toEqual([]);
    // A terminal's next prompt is no value: the word runs into a quote it never opened.
    expect(values("Enter passphrase for key '/home/ci/.ssh/id_ed25519':\nrelease@dl.example.org's password:\n", 'releases.md')).toEqual([]);
    expect(values("Enter passphrase for key '/home/ci/.ssh/id_ed25519':\nWq3%LmT8x-5521\n", 'notes.md')).toEqual(['Wq3%LmT8x-5521']);
  });

  it('reads a key whose name says the value is base64 or hex', () => {
    const b64 = 'Lq0vT7xZ2mN4pR8sW1yB5cE9gJ3kH6fA0dQ2uV8tX4zP7nM1bC5eG9iK3oS6rY0w';
    expect(values(`vault_munge_key_b64: ${b64}\n`, 'vault.yml')).toEqual([b64]);
    expect(values(`ca_cert_b64: ${b64}\n`, 'vars.yml')).toEqual([]);
  });

  it('leaves a secret store path given where a password is spoken of', () => {
    expect(values('> The vault path for the admin password is `lab/kerberos/kadmin` -- do not paste it here.\n', 'notes.md')).toEqual([]);
  });

  it('leaves a counting dummy token in upper case', () => {
    expect(values('    python pull.py --token 0123456789ABCDEF0123456789ABCDEF\n', 'pull.py')).toEqual([]);
  });

  it('reads the client secret given second to a Globus confidential client', () => {
    const secret = 'Rb3kX9qL2vT8mW5nZ1cH7yJ4dF6gS0aP3eU8iO2tY6w=';
    expect(values(`cc = globus_sdk.ConfidentialAppAuthClient(\n    CLIENT_ID, "${secret}"\n)\n`, 'transfer.py')).toEqual([secret]);
  });
});

describe("a schema's default for a secret's entry", () => {
  it("reads zod's, yup's and Joi's .default(…) after the entry's name", () => {
    expect(values('  SIGNING_SECRET: z.string().min(32).default("Hq4v-Tz8Lm2Wp6Rk0Nd3Bx7Cf1Jg5Ys9"),\n', 'src/env.ts')).toEqual(['Hq4v-Tz8Lm2Wp6Rk0Nd3Bx7Cf1Jg5Ys9']);
    expect(values("  apiKey: Joi.string().required().default('Vb7nQ2xL9kR4mT8wZ3pY6cH1'),\n", 'config/schema.js')).toEqual(['Vb7nQ2xL9kR4mT8wZ3pY6cH1']);
  });
  it('leaves a default of another entry on the same line, and defaults that are no secrets', () => {
    expect(values('  API_KEY: z.string(), MODE: z.string().default("development-preview"),\n', 'src/env.ts')).toEqual([]);
    expect(values('  TOKEN_TTL: z.coerce.number().default(3600),\n', 'src/env.ts')).toEqual([]);
    expect(values('  API_KEY: z.string().default(process.env.FALLBACK_KEY ?? ""),\n', 'src/env.ts')).toEqual([]);
  });
});

describe('a random password in a connection string inside program source', () => {
  it('is no identifier, though it is letters and digits only', () => {
    expect(values('const dsn = "host=db1 port=5432 user=report password=R5TQMVbNkPxWs73hqzrtGa dbname=ledger"\n', 'cmd/report/main.go')).toEqual(['R5TQMVbNkPxWs73hqzrtGa']);
    expect(values('dsn = "user=report password=M4PQRZtWnLsKv82bdrfhYc dbname=x"\n', 'report.py')).toEqual(['M4PQRZtWnLsKv82bdrfhYc']);
  });
  it('still takes a variable spliced in as a reference', () => {
    expect(values('dsn := "host=db1 password=" + PgPassword + " dbname=x"\n', 'main.go')).toEqual([]);
  });
});

describe('joined connection strings and sentence ends (blind set 46)', () => {
  it("reads the password literal that R's paste0 or SQL's CONCAT joins after `Pwd=`", () => {
    const r = 'cs <- paste0(\n  "Driver={ODBC Driver 18 for SQL Server};Server=tcp:dw01,1433;",\n  "Database=DW;Uid=reader;Pwd=", "Vb7_qLr2Zx9Tk4Wm", ";Encrypt=yes;"\n)\n';
    expect(values(r, 'dw.R')).toContain('Vb7_qLr2Zx9Tk4Wm');
    expect(values("SELECT CONCAT('user=etl;password=', 'Hq7vLm2Xk9Tz');\n", 'seed.sql')).toContain('Hq7vLm2Xk9Tz');
  });

  it('leaves a list that only holds such a literal next to the value', () => {
    expect(values('ARGS = ["--db", "password=", "Hq7vLm2Xk9Tz"]\n', 'args.py')).toEqual([]);
  });

  it('keeps a final ? or ! of a prose password where no sentence ends', () => {
    expect(values('I set a temporary password for ops@example.org:\nFjord*delta5120?  -- change it on first login.\n', 'mail.eml')).toEqual(['Fjord*delta5120?']);
    expect(values('Use password Fjord*delta5120! Then log in.\n', 'mail.txt')).toEqual(['Fjord*delta5120']);
  });
});

describe("a settings field's default, a fetch block's literal on its own line, and a connection string's key after a line break", () => {
  const b64 = 'Qm8vT2zLx4Rk7Wp1Nc9Hb3Yd6Gf0Js5Ae2Ui8OqWcT=';
  it("reads pydantic's Field(default=…), its positional default and a dataclass field's default", () => {
    expect(values(`    signing_key: str = Field(default="${b64}")\n`, 'settings.py')).toEqual([b64]);
    expect(values(`    api_token: SecretStr = Field("${b64}", description="relay")\n`, 'settings.py')).toEqual([b64]);
    expect(values(`    api_token: str = field(default='${b64}')\n`, 'config.py')).toEqual([b64]);
  });
  it('leaves a field whose default is a stand-in or a lookup', () => {
    expect(values('    api_token: str = Field(default="changeme")\n    signing_key: str = Field(default_factory=load_key)\n', 'settings.py')).toEqual([]);
  });
  it("reads the literal that a Ruby fetch block holds on the line after its brace", () => {
    const rb = `  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE") {\n    "${'7c1e9a4f'.repeat(16)}"\n  }\n`;
    expect(values(rb, 'config/environments/production.rb')).toEqual(['7c1e9a4f'.repeat(16)]);
    expect(values('  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE") {\n    raise "SECRET_KEY_BASE is not set"\n  }\n', 'production.rb')).toEqual([]);
  });
  it("reads a connection string's key joined by an operator at the head of the next line", () => {
    const java = `    static final String CONN =\n            "DefaultEndpointsProtocol=https;AccountName=acmedocs;AccountKey="\n            + "${b64}"\n            + ";EndpointSuffix=core.windows.net";\n`;
    expect(values(java, 'Storage.java')).toEqual([b64]);
    expect(values('    static final String CONN = "AccountName=acmedocs;AccountKey="\n            + accountKey\n            + ";EndpointSuffix=core.windows.net";\n', 'Storage.java')).toEqual([]);
  });
});

describe('passwords in the prose of runbooks and incident notes', () => {
  it('reads a password named by how it was handed over, before its colon, and drops Markdown bold around it', () => {
    expect(values('- 14:05 Password agreed with the carrier on the call: **Rq7vLt2x** (in Vault now).\n', 'incidents/INC1.md')).toEqual(['Rq7vLt2x']);
    expect(values('The admin password set by the vendor: Wt5#kLq9Pz\n', 'notes.md')).toEqual(['Wt5#kLq9Pz']);
    expect(values('New password: **Hm3-zQv8Rt**.\n', 'notes.md')).toEqual(['Hm3-zQv8Rt']);
  });

  it('reads a password that a pronoun takes up after the clause naming it', () => {
    expect(values('# asks for the database password; current one is Zr8!mWq2Lv4T (see KeePass)\n', 'NOTES.md')).toEqual(['Zr8!mWq2Lv4T']);
  });

  it('leaves the words that carry such a sentence on', () => {
    expect(values('The admin password set by the vendor: rotated monthly.\n', 'notes.md')).toEqual([]);
    expect(values('Keep the old password, the new one is generated by Vault.\n', 'notes.md')).toEqual([]);
    expect(values('The password is **managed** by the vendor.\n', 'notes.md')).toEqual([]);
  });
});

describe('a password joined to the string that names it', () => {
  it("reads a JAAS password whose quotes the name's string opens, joined on the next line", () => {
    const java = [
      '        props.put("sasl.jaas.config",',
      '            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"ingest\\" password=\\""',
      '                + "Vq8#tLm2Kx9!pRz4" + "\\";");',
      '',
    ].join('\n');
    expect(values(java, 'Ingest.java')).toEqual(['Vq8#tLm2Kx9!pRz4']);
  });

  it('reads a literal joined with the operator at the head of the next line', () => {
    expect(values('    String cs = "Server=db;User Id=etl;Password="\n        + "Nw6!hTq3Lz8pXr" + ";";\n', 'Db.java')).toEqual(['Nw6!hTq3Lz8pXr']);
  });

  it('takes no variable joined after the opened quotes', () => {
    expect(values('    String jaas = "... password=\\"" + secret + "\\";";\n', 'Ingest.java')).toEqual([]);
  });
});

describe("a shell expansion's default password that repeats the default account's name", () => {
  it("leaves compose's `user:-airflow` / `password:-airflow` pair alone", () => {
    const compose = '      _AIRFLOW_WWW_USER_USERNAME: ${_AIRFLOW_WWW_USER_USERNAME:-airflow}\n      _AIRFLOW_WWW_USER_PASSWORD: ${_AIRFLOW_WWW_USER_PASSWORD:-airflow}\n';
    expect(values(compose, 'docker-compose.yaml')).toEqual([]);
  });

  it('still reports a default that differs from the account', () => {
    const compose = '      RABBITMQ_DEFAULT_USER: ${RABBITMQ_DEFAULT_USER:-ingest}\n      RABBITMQ_DEFAULT_PASS: ${RABBITMQ_DEFAULT_PASS:-Kelp7-quarry!x}\n';
    expect(values(compose, 'docker-compose.yaml')).toEqual(['Kelp7-quarry!x']);
  });
});

describe('both branches of a conditional, and a password that repeats its database name', () => {
  it("reads the literal of either branch under a secret's name", () => {
    const ts = '  password: isLocal ? "Lk4!vWq9Zr2x" : "Tn8#pRm3Ys6c",\n';
    expect(values(ts, 'datasource.ts')).toEqual(['Lk4!vWq9Zr2x', 'Tn8#pRm3Ys6c']);
    expect(values("const API_SECRET = __DEV__ ? 'Hq7LmN2pX9vR4tK8sW3z' :\n  'Bz6yD1cF5gJ0eTq3Lm8W';\n", 'config.ts')).toEqual(['Hq7LmN2pX9vR4tK8sW3z', 'Bz6yD1cF5gJ0eTq3Lm8W']);
  });
  it('leaves a branch that repeats the database or account name beside it, and a lookup in the other', () => {
    const ts = '  username: isTest ? "harbour" : "harbour_app",\n  password: isTest ? "harbour_test" : process.env.PGPASSWORD,\n  database: isTest ? "harbour_test" : "harbour",\n';
    expect(values(ts, 'datasource.ts')).toEqual([]);
    expect(values('POSTGRES_DB: orders_dev\nPOSTGRES_PASSWORD: orders_dev\n', 'docker-compose.yml')).toEqual([]);
  });
});

describe('a stand-in written where a token or a password goes', () => {
  it("leaves a JWT's header alone, its payload and signature left as placeholders or cut off", () => {
    expect(values('    example_access_token: eyJhbGciOiJFUzI1NiJ9.<claims>.<sig>\n', 'auth/clients.yaml')).toEqual([]);
    expect(values('id_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."\n', 'auth.py')).toEqual([]);
  });
  it('still reads base64 JSON that is no JWT header, and a whole token', () => {
    // `{"type":"service_account","private_key_id":"x"}`: a key file, not a header.
    const blob = Buffer.from('{"type":"service_account","private_key_id":"7c1e"}').toString('base64url');
    expect(values(`    gcp_token: ${blob}\n`, 'deploy/values.yaml')).toEqual([blob]);
  });

  it('leaves a psql variable named for the password written inside the quotes', () => {
    expect(values("ALTER ROLE etl_loader WITH PASSWORD ':etl_loader_password';\n", 'sql/002_roles.sql')).toEqual([]);
  });
  it('still reads a quoted password that merely starts with a colon', () => {
    expect(values("ALTER ROLE etl_loader WITH PASSWORD ':Rq7_wz4Kp';\n", 'sql/002_roles.sql')).toEqual([':Rq7_wz4Kp']);
  });
});

describe('a UUID under a name that ends in seed or nonce', () => {
  it('leaves an id-shaped seed or nonce: what ids or a run are made from', () => {
    expect(values('tracing:\n  correlation-seed: 7d2f9c41-3b8e-4a06-9e15-c2a8f0d4b673\n', 'application.yml')).toEqual([]);
    expect(values('REQUEST_NONCE = "a41c7e09-5d3b-4f28-b6e2-9f0d1c8a7e35"\n', 'settings.py')).toEqual([]);
  });
  it('still reports a seed of a secret shape, and a UUID under a bare key or salt', () => {
    expect(values('TOTP_SEED=KRSXG5CTMVRXEZLUKN2XAZLSNF2GK5TJ\n', 'worker.env')).toEqual(['KRSXG5CTMVRXEZLUKN2XAZLSNF2GK5TJ']);
    expect(values('key: 3e9b2d71-6c4f-4a85-b0d3-8f1e7a2c5d94\n', '.cdsapirc')).toEqual(['3e9b2d71-6c4f-4a85-b0d3-8f1e7a2c5d94']);
    expect(values('SALT=5f8a1c3e-9d27-4b60-a4e8-7c2d0b9f6a13\n', 'app.env')).toEqual(['5f8a1c3e-9d27-4b60-a4e8-7c2d0b9f6a13']);
  });
});

describe('a nonce in a log', () => {
  it('leaves the nonce a log recorded: it went over the wire in the clear', () => {
    expect(values('2025-01-09T10:02:11Z DEBUG reader handshake nonce=7e4a91c0d35b28f6a1e09c7d4b52f83e\n', 'logs/door-bridge.log')).toEqual([]);
    expect(values('[10:02:11] auth: challenge sent, serverNonce: "Qm7vLp2Zx9Tk4Wq8Rn3Hc6Yd"\n', 'var/gateway.log.1')).toEqual([]);
  });
  it('still reports a nonce set in code, and a secret beside it in the log', () => {
    expect(values("nonce = 'Tq8vRzW2kLm7Xp4Nc9Hb3Yd6'\n", 'client.py')).toEqual(['Tq8vRzW2kLm7Xp4Nc9Hb3Yd6']);
    expect(values('2025-01-09T10:02:11Z WARN retry nonce=7e4a91c0d35b28f6a1e09c7d4b52f83e password=Lock-Pick!Shear42\n', 'logs/door-bridge.log')).toEqual(['Lock-Pick!Shear42']);
  });
});

describe("a URL's query parameter ending a template literal that `+` joins to a literal", () => {
  it('reads the literal joined after `token=`, `key=` or `secret=` in a template', () => {
    const ts = 'await fetch(`${BASE}/jobs/start?token=` + "8c1f4e07a9d2b53e6f0a4c9d1e7b2a58", { method: "POST" });\n';
    expect(values(ts, 'src/jobs.ts')).toEqual(['8c1f4e07a9d2b53e6f0a4c9d1e7b2a58']);
    expect(values("const url = `${host}/v2/tiles?api_key=`\n  + 'Vq4mTz8Kw2Lr6Np9Hc3Xb7Jd';\n", 'map.js')).toEqual(['Vq4mTz8Kw2Lr6Np9Hc3Xb7Jd']);
  });
  it('leaves a variable joined there, a template that is not joined, and a literal not after the name', () => {
    expect(values('await fetch(`${BASE}/jobs/start?token=` + jobToken, { method: "POST" });\n', 'src/jobs.ts')).toEqual([]);
    expect(values('const u = `${BASE}/jobs?token=`;\nconst label = "8c1f4e07a9d2b53e6f0a4c9d1e7b2a58";\n', 'src/jobs.ts')).toEqual([]);
    expect(values('await fetch(`${BASE}/jobs/start?token=` + encodeURIComponent(t) + "&run=a8f3c1e29b7d4056");\n', 'src/jobs.ts')).toEqual([]);
  });
});

describe("a Ruby symbol given first to a call without brackets (Sinatra's and Capistrano's `set`)", () => {
  const hex = '9e2c7a41d03b58f6a1e4c9072d8b3f5e6a0c1d7e94b28f3a5c0e6d1b7a9f4c28';
  it("reads the literal after the symbol as its value", () => {
    expect(values(`class Shop < Sinatra::Base\n  enable :sessions\n  set :session_secret, "${hex}"\nend\n`, 'app.rb')).toEqual([hex]);
    expect(values('set :password, "Tarn7-Gull.Ochre"\n', 'config/deploy/production.rb')).toEqual(['Tarn7-Gull.Ochre']);
  });
  it('leaves a lookup, a label and a symbol that is no call\'s argument', () => {
    expect(values('set :session_secret, ENV.fetch("SESSION_SECRET")\n', 'app.rb')).toEqual([]);
    expect(values('t :password_label, "Your password"\n', 'app.rb')).toEqual([]);
    expect(values(`x = a ? :session_secret, "${hex}"\n`, 'app.rb')).toEqual([]);
  });
});

describe('digits under a passcode or a PIN name', () => {
  it('reads four to eight digits under a name that ends in passcode, or an admin PIN', () => {
    expect(values('[remote]\nconsole_passcode = 3184\n', 'cues.conf')).toEqual(['3184']);
    expect(values('DOOR_PASSCODE=804913\n', 'kiosk.ini')).toEqual(['804913']);
    expect(values('kiosk:\n  admin_pin: "57203"\n', 'kiosk.yml')).toEqual(['57203']);    expect(values('[admin]\nexit_pin = 604218\n', 'kiosk.ini')).toEqual(['604218']);
  });
  it('leaves stand-ins, counts and digits under other names', () => {
    expect(values('console_passcode = 0000\nconsole_passcode = 1234\nconsole_passcode = 9876\n', 'cues.conf')).toEqual([]);
    expect(values('passcode_length = 6\nPASSCODE_TIMEOUT = 3600\nled_pin = 1342\ndebugMenuPin = "4821"\n', 'cues.conf')).toEqual([]);
    expect(values('[admin]\nexit_code = 1024\nexit_pin = 0000\n', 'kiosk.ini')).toEqual([]);
    expect(values('console_passcode = 3184\n', 'test/fixtures/cues.conf')).toEqual([]);
  });
});

describe("a product's own site key beside CAPTCHAs' public ones", () => {
  it("reads a site key that a product names for itself (CiviCRM's authenticates cron and REST calls)", () => {
    expect(values("define( 'CIVICRM_SITE_KEY', '4f0a9c2e7b1d58e3a6c0f9b2d7e4a1c3' );\n", 'wp-config.php')).toEqual(['4f0a9c2e7b1d58e3a6c0f9b2d7e4a1c3']);
    expect(values('ACME_SITE_KEY=Vq3Lm8Tz2Wx7Rk5Nb9Hc1Jd4\n', '.env')).toEqual(['Vq3Lm8Tz2Wx7Rk5Nb9Hc1Jd4']);
  });
  it("leaves a CAPTCHA's site key, by its name or by its shape", () => {
    expect(values("define( 'RECAPTCHA_SITE_KEY', '4f0a9c2e7b1d58e3a6c0f9b2d7e4a1c3' );\n", 'wp-config.php')).toEqual([]);
    expect(values('NEXT_PUBLIC_SITE_KEY=Vq3Lm8Tz2Wx7Rk5Nb9Hc1Jd4\n', '.env')).toEqual([]);
    expect(values("define( 'ACME_SITE_KEY', '6LdQ3xYqAAAAAJk7Vn2Rt9Lm4Wz8Pc1Hb5Xs0Gf3' );\n", 'wp-config.php')).toEqual([]);
    expect(values('ACME_SITE_KEY=0x4AAAAAAAQz7Lm2Vt9Rk\n', '.env')).toEqual([]);
    expect(values("'site_key' => 'Vq3Lm8Tz2Wx7Rk5Nb9Hc1Jd4',\n", 'config/services.php')).toEqual([]);
  });
});

describe('a bare identifier that opens an expression in program source', () => {
  it("leaves an enum member set to another constant plus an offset (glibc's x86 feature bits)", () => {
    const header = 'enum {\n  x86_cpu_PAT\t\t\t= x86_cpu_index_1_edx + 16,\n  x86_cpu_PSE36\t\t= x86_cpu_index_1_edx + 17,\n};\n';
    expect(values(header, 'bits/platform/x86.h')).toEqual([]);
    expect(values('GH_TOKEN = base_token_v2 | FLAG_MASK;\n', 'flags.c')).toEqual([]);
  });

  it('still reports a literal that an operator follows', () => {
    expect(values('API_TOKEN = "Qm7vT2xW9pLk4Rz8" + suffix;\n', 'client.js')).toEqual(['Qm7vT2xW9pLk4Rz8']);
  });
});

describe("a service's licence key named for the licence alone", () => {
  it('reports a generated value under a service-prefixed licence name', () => {
    expect(values('GEOIP_LICENSE = "pT4wQz8.Lm2KxR7vN"\n', 'geo/lookup.py')).toEqual(['pT4wQz8.Lm2KxR7vN']);
    expect(values('export APM_LICENCE=Rk8vT2mQ9wLz4xNb7cYp\n', 'deploy/env.sh')).toEqual(['Rk8vT2mQ9wLz4xNb7cYp']);
  });

  it("leaves a project's licence terms, SPDX ids and paths, and a stand-in", () => {
    const py = [
      'LICENSE = "MIT"',
      'PROJECT_LICENSE = "Apache-2.0"',
      'SHIP_LICENSE = "GPL-3.0-or-later"',
      'DIST_LICENSE = "BSD-3-Clause-Clear"',
      'BUILD_LICENSE = "LicenseRef-Internal-2025"',
      'WHEEL_LICENSE = "licenses/NOTICE.txt"',
      'GEOIP_LICENSE = "your-license-key-here"',
    ].join('\n');
    expect(values(py, 'setup_helpers.py')).toEqual([]);
    expect(values('{ "name": "x", "license": "proprietary" }', 'package.json')).toEqual([]);
  });
});

describe("a payment card's token that is a UUID", () => {
  it("leaves the tokenization service's id for a card, and still reports other tokens", () => {
    const event = '{\n  "card_token": "4b1f9c2e-7a3d-4e58-9b06-d1c8e2f7a493",\n  "paymentMethodToken": "0e7d2c41-93ab-4f6e-8d15-b7a2c9e04f38"\n}\n';
    expect(values(event, 'test/fixtures/clearing.json')).toEqual([]);
    const session = '{ "session_token": "4b1f9c2e-7a3d-4e58-9b06-d1c8e2f7a493", "card_token": "Zq8vT3mK9wLp2xNb7cYr4dHs" }\n';
    expect(values(session, 'test/fixtures/session.json')).toEqual(['4b1f9c2e-7a3d-4e58-9b06-d1c8e2f7a493', 'Zq8vT3mK9wLp2xNb7cYr4dHs']);
  });

  it("leaves a UUID that ties a reply to its request or a trace, and still reports one under a session's token", () => {
    const ota = '<OTA_ReadRQ Version="1.0" EchoToken="c4375399-0f97-438b-9d82-74228159865e" TimeStamp="2024-05-17T09:14:22+01:00">\n';
    expect(values(ota, 'siteminder/read-request.xml')).toEqual([]);
    expect(values('{ "correlationToken": "0e7d2c41-93ab-4f6e-8d15-b7a2c9e04f38", "trace_token": "4b1f9c2e-7a3d-4e58-9b06-d1c8e2f7a493" }\n', 'event.json')).toEqual([]);
    expect(values('<Auth EchoToken="c4375399-0f97-438b-9d82-74228159865e" SessionToken="4b1f9c2e-7a3d-4e58-9b06-d1c8e2f7a493"/>\n', 'req.xml')).toEqual(['4b1f9c2e-7a3d-4e58-9b06-d1c8e2f7a493']);
  });
});

describe('a name and a value joined by a colon inside a URL', () => {
  it('reads a path segment as no assignment, whatever its name says', () => {
    const spdx = '\t"BitTorrent-1.1": {\n\t\t"url": "http://directory.fsf.org/wiki/License:BitTorrentOSL1.1",\n\t}\n';
    expect(values(spdx, 'spdx.json')).toEqual([]);
    expect(values('See https://wiki.example.org/Help/Token:Main_Page2024 for the page.\n', 'notes.md')).toEqual([]);
  });

  it('still reads the same name outside a URL, and a URL that carries user:password before its host', () => {
    expect(values('token:Xk2mP9qR7vL4nZ8w\n', 'settings.yaml')).toEqual(['Xk2mP9qR7vL4nZ8w']);
    expect(values('See https://x.example.org/ first. token:Xk2mP9qR7vL4nZ8w\n', 'notes.md')).toEqual(['Xk2mP9qR7vL4nZ8w']);
    expect(values('git clone https://token:Xk2mP9qR7vL4nZ8w@git.example.org/a/b\n', 'clone.sh').join(' ')).toContain('Xk2mP9qR7vL4nZ8w');
  });
});

describe("a note that names a key and then gives it", () => {
  it('reads a remark after a comma before the colon, and a requirement (`key, temporary: …`, `X-Relay-Token must match …`)', () => {
    expect(values('    // Transcribe key, temporary: Qm7ZLp2kRx9WvT4nHc8YbJ3dF6gS1uEa\n', 'Services/Speech.cs')).toEqual(['Qm7ZLp2kRx9WvT4nHc8YbJ3dF6gS1uEa']);
    expect(values('# signing key, rotated monthly: Zk4Wq8Lm2Rx7Tv3Nb9Hc5Jd1Fs6Gy0Ua\n', 'deploy/values.yaml')).toEqual(['Zk4Wq8Lm2Rx7Tv3Nb9Hc5Jd1Fs6Gy0Ua']);
    expect(values('# X-Relay-Token must match 9c2e41b7a0d35f86e1c4b2a97d03f5e8\n', 'edge/relay.conf')).toEqual(['9c2e41b7a0d35f86e1c4b2a97d03f5e8']);
  });

  it('leaves a requirement on a pattern, a name or a digest, and code with a comma after a name', () => {
    expect(values('# the API key must match the regex ^[a-z0-9]{32}$\n', 'edge/relay.conf')).toEqual([]);
    expect(values('# API key must match ORDERS_API_KEY in the gateway\n', 'edge/relay.conf')).toEqual([]);
    expect(values('# the sha256 of the key must match 9c2e41b7a0d35f86e1c4b2a97d03f5e8\n', 'edge/relay.conf')).toEqual([]);
    expect(values('# the checksum must match 9c2e41b7a0d35f86e1c4b2a97d03f5e8\n', 'edge/relay.conf')).toEqual([]);
    expect(values('function pick(key, test: string) { return key; }\n', 'src/pick.ts')).toEqual([]);
    expect(values('// api key, new: see vault path secret/data/ocr\n', 'src/ocr.ts')).toEqual([]);
  });
});

describe('expression-bodied members and lambdas', () => {
  it('reads a literal a C# property returns with `=>` under a secret\'s name', () => {
    expect(values('    public string WebhookToken => "Rq7vLm2XzT9kWp4N";', 'Hooks.cs')).toEqual(['Rq7vLm2XzT9kWp4N']);
    expect(values('    internal static string Password => "Tarn.Wisp-8821";', 'Db.cs')).toEqual(['Tarn.Wisp-8821']);
  });

  it('stays silent on a lambda whose parameter has a secret\'s name', () => {
    expect(values('var labels = rows.Select(token => "Rq7vLm2XzT9kWp4N");', 'a.cs')).toEqual([]);
    expect(values('const render = items.map((x, secret => "Rq7vLm2XzT9kWp4N"));', 'a.js')).toEqual([]);
    expect(values('const label = async password => "Tarn.Wisp-8821";', 'a.ts')).toEqual([]);
  });

  it('still reads `=>` as a map entry in Perl and PHP', () => {
    expect(values("my %conf = (token => 'Rq7vLm2XzT9kWp4N');", 'a.pl')).toEqual(['Rq7vLm2XzT9kWp4N']);
    expect(values("$conf = array('token' => 'Rq7vLm2XzT9kWp4N');", 'a.php')).toEqual(['Rq7vLm2XzT9kWp4N']);
  });
});

describe('a conditional that picks a literal by a compared flag', () => {
  it('reads both branches after a comparison, the ? on its own line (PHP, JS, C#)', () => {
    const php = "$hookSecret = $_ENV['STAGE'] === 'dev'\n    ? 'Tn4xQw8zLp2RvK7mHc5b'\n    : 'Jd9sWk3yBn6QeZ2tXv8r';\n";
    expect(values(php, 'hook.php')).toEqual(['Tn4xQw8zLp2RvK7mHc5b', 'Jd9sWk3yBn6QeZ2tXv8r']);
    expect(values("const hookSecret = stage !== 'prod' ? 'Tn4xQw8zLp2RvK7mHc5b' : 'Jd9sWk3yBn6QeZ2tXv8r';\n", 'hook.js')).toEqual(['Tn4xQw8zLp2RvK7mHc5b', 'Jd9sWk3yBn6QeZ2tXv8r']);
  });

  it("reads Python's second branch after if … else", () => {
    expect(values("hook_secret = 'Tn4xQw8zLp2RvK7mHc5b' if debug else 'Jd9sWk3yBn6QeZ2tXv8r'\n", 'hook.py')).toEqual(['Tn4xQw8zLp2RvK7mHc5b', 'Jd9sWk3yBn6QeZ2tXv8r']);
  });

  it('leaves stand-ins and lookups in either branch', () => {
    expect(values("$hookSecret = $_ENV['STAGE'] === 'dev' ? 'changeme' : getenv('HOOK_SECRET');\n", 'hook.php')).toEqual([]);
    expect(values("hook_secret = os.environ['HOOK_SECRET'] if prod else 'changeme'\n", 'hook.py')).toEqual([]);
  });
});

describe('a map of keys under a bare plural KEYS name', () => {
  it("reports each generated value (customers' or tenants' keys)", () => {
    const js = 'const PARTNER_KEYS = {\n  "north-mill": "Vr8kLq2ZtW5xNc9mHb3JpY7d",\n  "bluefin": "Qs3nTz8LwK6vXm2RcP9hJb4f",\n};\n';
    expect(values(js, 'partners.js')).toEqual(['Vr8kLq2ZtW5xNc9mHb3JpY7d', 'Qs3nTz8LwK6vXm2RcP9hJb4f']);
  });

  it('leaves key codes, translation keys and cache keys', () => {
    expect(values('const KEYS = { left: "ArrowLeft", right: "ArrowRight", submit: "Enter" };\n', 'keys.ts')).toEqual([]);
    expect(values('export const I18N_KEYS = { heading: "checkout.heading", cta: "checkout.cta.primary" };\n', 'i18n.ts')).toEqual([]);
    expect(values('export const CACHE_KEYS = { cart: "cart:items:v3", user: "user:session:Qx7" };\n', 'cache.ts')).toEqual([]);
    expect(values('const HOTKEYS = { save: "Ctrl+S", open: "Ctrl+Shift+O" };\n', 'keys.ts')).toEqual([]);
  });
});

describe("a shell expansion's literal default under a secret's name", () => {
  it('reads the default of a positional argument or of a variable of another name', () => {
    expect(values('#!/bin/sh\nAGENT_TOKEN="${1:-zq_reg_Vt8Lm3Kx9Qw2Rn7Bz4Hc6Jp1Ys5Dg0Fa}"\n', 'install.sh')).toEqual(['zq_reg_Vt8Lm3Kx9Qw2Rn7Bz4Hc6Jp1Ys5Dg0Fa']);
    expect(values('API_SECRET=${2-Wd5Nq8Tz3Lk7Xv2Rm9Pb}\n', 'run.sh')).toEqual(['Wd5Nq8Tz3Lk7Xv2Rm9Pb']);
    expect(values('DEPLOY_PASSWORD="${DEPLOY_PW_FALLBACK:=Hs6!kQ2wZr8Lm}"\n', 'deploy.sh')).toEqual(['Hs6!kQ2wZr8Lm']);
  });

  it('leaves an empty default, a stand-in and a default that is another expansion', () => {
    expect(values('AGENT_TOKEN="${1:-}"\nAGENT_TOKEN="${TOKEN:-changeme}"\nAGENT_TOKEN="${1:-$DEFAULT_AGENT_TOKEN}"\nAGENT_TOKEN="${1:-your-token-here}"\n', 'install.sh')).toEqual([]);
  });
});

describe('a command-line flag named for a secret, defined with a literal default', () => {
  it("reads the default of Go's flag and pflag definitions, the short name skipped", () => {
    const go = [
      'var (',
      '\tjoinSecret = flag.String("join-secret", "zq_reg_Pw4Tn8Kz2Lx6Rv9Bm3Hc7Jd1Fs5Gq0Ya", "secret new nodes present")',
      '\tflag.StringVar(&apiToken, "api-token", "Qx7Lm2Vz9Tk4Wr8Nb3Pc", "API token")',
      '\trootCmd.Flags().StringVarP(&password, "password", "p", "Jt5Rw9Kz3Lq7Vx2Mb8Nc", "admin password")',
      '\tkey := pflag.StringP("api-key", "k", "Zr3Kd8Wq2Lm7Tx5Vn9Bh", "API key")',
      ')',
      '',
    ].join('\n');
    expect(values(go, 'cmd/server/main.go')).toEqual(['zq_reg_Pw4Tn8Kz2Lx6Rv9Bm3Hc7Jd1Fs5Gq0Ya', 'Qx7Lm2Vz9Tk4Wr8Nb3Pc', 'Jt5Rw9Kz3Lq7Vx2Mb8Nc', 'Zr3Kd8Wq2Lm7Tx5Vn9Bh']);
  });

  it('leaves empty defaults and flags of other names', () => {
    const go = 'listen := flag.String("listen", ":8080", "listen address")\nflag.StringVarP(&password, "password", "p", "", "admin password")\nflag.String("api-token", "", "API token")\n';
    expect(values(go, 'main.go')).toEqual([]);
  });

  it("reads argparse's and click's default after the option's other spellings", () => {
    const py = 'parser.add_argument("--api-key", "-k", default="Lw6Tq3Zr8Kx2Vm9Nb5Pd")\n@click.option("--token", "-t", default="Ry4Mx9Kw2Tq7Lz3Vb8Nf", help="token")\n';
    expect(values(py, 'cli.py')).toEqual(['Lw6Tq3Zr8Kx2Vm9Nb5Pd', 'Ry4Mx9Kw2Tq7Lz3Vb8Nf']);
    expect(values('parser.add_argument("--api-key", "-k", help="the API key")\nparser.add_argument("--token", "-t", default=os.environ.get("TOKEN"))\n', 'cli.py')).toEqual([]);
  });
});

describe("a builder's basic authentication", () => {
  it('reads the password of .basicAuth(user, password) and .basicAuthentication(user, password)', () => {
    const java = 'WebClient.builder()\n    .basicAuth("relay", "Qv3^-Lm8Tz2Wk7Rx")\n    .build();\nnew RestTemplateBuilder().basicAuthentication("ops", "Nc5!Tz8Wq2Lm")\n';
    expect(values(java, 'Config.java')).toEqual(['Qv3^-Lm8Tz2Wk7Rx', 'Nc5!Tz8Wq2Lm']);
  });

  it('leaves a password read from elsewhere', () => {
    expect(values('WebClient.builder().basicAuth("relay", props.getPassword()).build();\n', 'Config.java')).toEqual([]);
  });
});

describe('a chain of fallbacks that ends in a literal', () => {
  const uuid = '5e0c9b2a-7f41-4d38-b6a9-c1e2d3f40a5b';
  it("reads the chain's last literal as the default of the secret's name", () => {
    expect(values(`<?php\n$this->signingToken = $signingToken ?? getenv('EDGE_SIGNING') ?: '${uuid}';\n`, 'src/EdgeSigner.php')).toEqual([uuid]);
    expect(values("api_key = api_key or os.getenv('VENDOR') or 'Nq5Wz8Lk2Tr7Xm4Vb9Hc3Pd6'\n", 'vendor.py')).toEqual(['Nq5Wz8Lk2Tr7Xm4Vb9Hc3Pd6']);
  });
  it('leaves a chain whose default is a stand-in or that ends in another lookup', () => {
    expect(values("<?php\n$this->signingToken = $signingToken ?? getenv('EDGE_SIGNING') ?: 'changeme';\n", 'src/EdgeSigner.php')).toEqual([]);
    expect(values("<?php\n$this->signingToken = $signingToken ?? getenv('EDGE_SIGNING') ?: getenv('EDGE_FALLBACK');\n", 'src/EdgeSigner.php')).toEqual([]);
    expect(values("<?php\n$this->label = $label ?? getenv('EDGE_LABEL') ?: 'Nq5Wz8Lk2Tr7Xm4Vb9Hc3Pd6';\n", 'src/EdgeLabel.php')).toEqual([]);
  });
});

describe('a value that is the name of another secret setting', () => {
  it('leaves an upper-snake name that says password, secret, token or key (a reference to that setting)', () => {
    expect(values('data:\n  DB_PASSWORD_KEY: BROKER_PASSWORD\n  SIGNING_SECRET_REF: ORDERS_HMAC_SECRET\n', 'deploy/config.yaml')).toEqual([]);
    expect(values('TOKEN_VARIABLE=DEPLOY_API_TOKEN\n', 'ci/.env')).toEqual([]);
    expect(values('[auth]\napi_key = STRIPE_API_KEY\n', 'settings.ini')).toEqual([]);
  });

  it('still finds upper-case passwords with digits or no underscore between name words', () => {
    expect(values('data:\n  password: HARBORMASTER2031\n', 'deploy/config.yaml')).toEqual(['HARBORMASTER2031']);
    expect(values('DB_PASSWORD=Tern_Quay_48!x\n', 'ci/.env')).toEqual(['Tern_Quay_48!x']);
  });
});

describe('a password alone as Basic credentials or a Docker config auth', () => {
  const enc = (s: string) => Buffer.from(s, 'latin1').toString('base64');
  it('finds base64 of random printable text with no user: after Basic and under "auth"', () => {
    const basic = enc('Lq4#Rz8pWm2&Tk7v');
    expect(values(`static String header() {\n    return "Basic " + "${basic}";\n}\n`, 'Gateway.java')).toEqual([basic]);
    const auth = enc('Nv3!Xp9Kq2#Wt6Bz');
    expect(values(`DOCKER_AUTH_CONFIG: '{"auths":{"registry.gitlab.com":{"auth":"${auth}"}}}'\n`, '.gitlab-ci.yml')).toEqual([auth]);
  });

  it('leaves encoded words, stand-ins, an empty auth and a realm', () => {
    expect(values(`Authorization: Basic ${enc('correct-horse-battery')}\n`, 'notes.txt')).toEqual([]);
    expect(values(`{"auths": {"registry.gitlab.com": {"auth": "${enc('user:changeme')}"}}}\n`, 'config.json')).toEqual([]);
    expect(values('{"auths": {"registry.gitlab.com": {"auth": ""}}}\n', 'config.json')).toEqual([]);
    expect(values('WWW-Authenticate: Basic realm="Back Office"\n', 'nginx.conf')).toEqual([]);
    expect(values(`Authorization: Basic ${enc('Ab1!xyz')}\n`, 'notes.txt')).toEqual([]);
  });
});

describe('joined and split provider credentials', () => {
  it("finds a HubSpot private app token whose region's prefix is a literal of its own, not a bare UUID", () => {
    const id = '7c3e1a9f-4b2d-4e8a-9f1c-5d7b3a2e6c40';
    expect(values(`# hubspot private app\nhs = "pat-na1-" + "${id}"\n`, 'export.py')).toEqual(['pat-na1-', id]);
    expect(values(`contact_id = "${id}"\n`, 'export.py')).toEqual([]);
    expect(values(`hs = "pat-na1-" + "${id.slice(0, 13)}"\n`, 'export.py')).toEqual([]);
  });

  it('finds the continuation of an AWS session token whose service marker is a literal of its own', () => {
    const rest = 'Wm7TqR2zXk9LpV4bNc8HdYs3Jf6Ga1Ue5';
    expect(values(`Credentials c = Credentials.of(a, b,\n    "IQoJb3JpZ2luX2VjE" + "${rest}");\n`, 'Harvest.java')).toEqual([rest]);
    expect(values(`tok = ("FwoGZXIvYXdzE"\n       "${rest}")\n`, 'harvest.py')).toEqual([rest]);
    expect(values('Credentials c = Credentials.of(a, b, "IQoJb3JpZ2luX2VjE" + sessionTail);\n', 'Harvest.java')).toEqual([]);
  });

  it("finds a .NET key built by C# 9's target-typed new( under a key type, on the next line", () => {
    const key = '7d2f9b4e1a8c3f6d0b5e9a2c7f4d1b8e6a3c0f9d';
    expect(values(`class Sso {\n    private static readonly SymmetricSecurityKey Signing =\n        new(Encoding.UTF8.GetBytes("${key}"));\n}\n`, 'Sso.cs')).toEqual([key]);
    expect(values(`class Sso {\n    private static readonly MemoryStream Body =\n        new(Encoding.UTF8.GetBytes("${key}"));\n}\n`, 'Sso.cs')).toEqual([]);
  });

  it('finds the token of a Discord webhook URL joined from literals, shorter than 68 characters too', () => {
    const token = 'Zr8TqW2mLx7KpV4bNc9HdYs3Jf6Ga1Ue5Qo0PiWwEt';
    expect(values(`const HOOK = "https://discord.com/api/webhooks/" + "1203948576102938475" + "/" + "${token}";\n`, 'hooks.js')).toEqual([token]);
    expect(values('const HOOK = "https://discord.com/api/webhooks/" + "1203948576102938475" + "/" + "Zr8TqW2mLx7KpV4b";\n', 'hooks.js')).toEqual([]);
  });

  it('finds a Cloud Storage HMAC access id, the GCS twin of an AWS access key id', () => {
    const id = 'GOOG1E7QKZ4RWP2MXT9VNC3HBL6YDS8FJA5UGQ0KE4XW7RT2ZP9MLV3NBC6H';
    expect(values(`[gcs]\nhmac_access_id = ${id}\n`, 'ingest.ini')).toEqual([id]);
    expect(values('[gcs]\nhmac_access_id = GOOG1EXAMPLE\n', 'ingest.ini')).toEqual([]);
  });

  it("finds an OpenWeather key under appid only where the file calls OpenWeather's API", () => {
    const key = '4e9a2c7f1b8d3e6a0c5f9b2d7e4a1c8f';
    expect(values(`const api = axios.create({\n  baseURL: "https://api.openweathermap.org/data/2.5",\n  params: { appid: "${key}" },\n});\n`, 'weather.ts')).toEqual([key]);
    expect(values(`const rtc = { appid: "${key}", channel: "lobby" };\n`, 'rtc.ts')).toEqual([]);
  });
});

describe('a property set under a constant that names its key', () => {
  it("reads a password constant's `_PROPERTY` as the property's name when it is a call's first argument", () => {
    const java = [
      'ctx.put(BindingProvider.USERNAME_PROPERTY, "teller_svc");',
      'ctx.put(BindingProvider.PASSWORD_PROPERTY, "Rq7#kLw2-zTm9!");',
      '',
    ].join('\n');
    expect(values(java, 'Core.java')).toEqual(['Rq7#kLw2-zTm9!']);
  });

  it('leaves such a constant declared, and a call whose second argument is no literal', () => {
    const java = [
      'static final String PASSWORD_PROPERTY = "core.password";',
      'ctx.put(BindingProvider.PASSWORD_PROPERTY, System.getenv("CORE_PASSWORD"));',
      'ctx.put(BindingProvider.PASSWORD_PROPERTY_NAME, "Rq7#kLw2-zTm9!");',
      '',
    ].join('\n');
    expect(values(java, 'Core.java')).toEqual([]);
  });
});

describe('a map under a bare KEYS name with a stand-in or a lookup among its entries', () => {
  const b64 = 'Hq3vT8wLz2Pk9Xm4Rc7Nb1Yd6Js5Gf0Ea';
  const hex = '5e0c9a3f71d2b846e0a7c3d95f1b2e68';
  it('reports the generated entries beside a stand-in and an environment lookup', () => {
    const py = `PARTNER_KEYS = {\n    "north": "${b64}",\n    "south": os.environ["SOUTH_KEY"],\n    "west": "<west-partner-key>",\n    "east": "${hex}",\n}\n`;
    expect(values(py, 'partners.py')).toEqual([b64, hex]);
  });
  it('still leaves the map when one entry is a word, stand-ins or not', () => {
    expect(values(`KEYS = {\n    "up": "ArrowUp",\n    "alt": "<unset>",\n    "k": "${b64}",\n}\n`, 'input.py')).toEqual([]);
  });
});

describe('a format of fields joined by colons holds no value', () => {
  it("leaves the fields after a password's field, and still reads a password after a name joined to a word", () => {
    expect(values('# format: user:password:groups\n', 'user.txt')).toEqual([]);
    expect(values('# line format: name:password:UID:GID:GECOS:directory:shell\n', 'notes.txt')).toEqual([]);
    expect(values('# <login>:<password>:<role>\n', 'accounts.txt')).toEqual([]);
    expect(values('admin:password:Vq8-Heron!Tide42\n', 'notes.txt')).toContain('Vq8-Heron!Tide42');
  });
});

describe('a name ending in auth holding the user:password pair base64-encoded', () => {
  const encoded = btoa('ci-deployer:Mv4q-Tz8Lw2Rk');
  it('reports the encoded pair whole, as Basic auth and `_auth` encode it', () => {
    expect(values(`    env:\n      REGISTRY_PULL_AUTH: ${encoded}\n`, 'ci.yml')).toEqual([encoded]);
    expect(values(`ARTIFACT_STORE_AUTH="${encoded}"\n`, 'deploy.sh')).toEqual([encoded]);
  });
  it('leaves base64 of no pair, of a stand-in pair, and a value too short to hold one', () => {
    expect(values(`REGISTRY_PULL_AUTH: ${btoa('username:password')}\n`, 'ci.yml')).toEqual([]);
    expect(values(`REGISTRY_PULL_AUTH: ${btoa('no-pair-in-these-words')}\n`, 'ci.yml')).toEqual([]);
    expect(values('REGISTRY_PULL_AUTH: Zk3mP9qR2vX8wL5n\n', 'ci.yml')).toEqual([]);
  });
});

describe("a commit's id passed after a variable of a secret's name", () => {
  const sha = '2b7e0c9d41f8a63e5d0b1c7a98e4f2d6c3a5b190';
  it('leaves the 40 hex digits that are the call\'s next argument, not the variable\'s value', () => {
    expect(values(`\tnotifyRelease(deployToken, "${sha}")\n`, 'release.go')).toEqual([]);
    expect(values(`tagBuild(apiKey, "${sha}");\n`, 'release.ts')).toEqual([]);
  });
  it('still reads such a literal under a quoted name, and other literals after the variable', () => {
    expect(values(`settings.put("api_token", "${sha}");\n`, 'Settings.java')).toEqual([sha]);
    expect(values(`\tnotifyRelease(deployToken, "Hq3vT8wLz2Pk9Xm4Rc7N")\n`, 'release.go')).toEqual(['Hq3vT8wLz2Pk9Xm4Rc7N']);
  });
});

describe("a Wi-Fi network's key in notes", () => {
  it('reads the key a Wi-Fi word names, a passphrase of words too (`WPA2 key: …`, `Wi-Fi key: …`)', () => {
    expect(values('- Workshop router SSID `BRK-SHED`, WPA2 key: **bramble-stile-lantern**\n', 'wiki/site.md')).toEqual(['bramble-stile-lantern']);
    expect(values('Wi-Fi key: heron-quay-ledger\n', 'notes.txt')).toEqual(['heron-quay-ledger']);
  });
  it('reads a bare key on a line that names the network first, or in a section of Wi-Fi networks', () => {
    expect(values('Guest network for the open day: SSID `BRK-Visit`, key `tallow-wick-33`.\n', 'wiki/events.md')).toEqual(['tallow-wick-33']);
    const notes = 'SITE NOTES\n\nWireless\n  BRK-STAFF       key: Spindle-Loom-84\n  BRK-TILL   (card readers) key: Weft&Warp2020!\n  BRK-GUEST       open, no key\n';
    expect(values(notes, 'office/network-notes.txt')).toEqual(['Spindle-Loom-84', 'Weft&Warp2020!']);
    expect(values('## Wi-Fi\n\n- Loading bay: key `pallet7731dock`\n', 'docs/site.md')).toEqual(['pallet7731dock']);
  });
  it("leaves a security mode, the network's own name, a remark, and a key under another heading", () => {
    const notes = [
      '- Staff Wi-Fi: SSID `BRK-Staff`, key `WPA2-Enterprise`',
      '- SSID `BRK-Guest` key: `BRK-Guest`',
      '- Guest SSID `BRK-Guest`, key: printed on the router',
      '- WPA2 key: ask at reception',
      '',
      '## Lockers',
      '',
      '- Van (blue) key: on the hook by the door',
      '- Locker 12 key: Spare-Copy-2 is with facilities',
      '',
    ].join('\n');
    expect(values(notes, 'wiki/site.md')).toEqual([]);
  });
});

describe("a PIN's or a keypad code's digits in config and code", () => {
  it('reads digits under a name that says whose PIN it is or what it guards, quoted or not', () => {
    expect(values('{ "panel": { "engineer_pin": "502817" } }\n', 'provision/panel.json')).toEqual(['502817']);
    expect(values('static const char *MAINTENANCE_PIN = "90412";\n', 'src/menu.c')).toEqual(['90412']);
    expect(values('alarm:\n  keypad_pin: 64027\n', 'site.yaml')).toEqual(['64027']);
    expect(values('val technicianPin = "81930"\n', 'app/Config.kt')).toEqual(['81930']);
  });
  it('reads a code named for what it guards or for the role that overrides it', () => {
    expect(values('#define SAFE_OVERRIDE_CODE "27183"\n', 'include/config.h')).toEqual(['27183']);
    expect(values('gate_code: "90613"\n', 'site/vars.yml')).toEqual(['90613']);
    expect(values('const installerCode = 41739;\n', 'src/panel.ts')).toEqual(['41739']);
    expect(values('ALARM_DISARM_CODE=5072\n', '.env')).toEqual(['5072']);
  });
  it("reads digits kept as text under any other PIN's name: a device's PIN, whose leading zeros must stay", () => {
    expect(values('  dsp_pin: "0482"\n', 'config/audio.yaml')).toEqual(['0482']);
    expect(values('  PRINTER_PIN = "71936" # front panel\n', 'app/printer.rb')).toEqual(['71936']);
  });
  it("leaves a board's pin, counts and bounds, pinning, an address's PIN, a code of something else and stand-ins", () => {
    const quiet = [
      'BUZZER_PIN = 12\nSTATUS_LED_PIN = "13"\nRESET_PIN = "GPIO_NUM_4"\n',
      'pin_length: 6\nmax_pin_attempts: 3\nservice_pin_digits: 4\n',
      'CERT_PIN = "sha256/Kt4wPz8Lq2VnR7mX="\nruntime_version_pin = "3120"\n',
      'billing_pin = "560034"\ndelivery_pin: "400051"\n',
      'ERROR_CODE = "40412"\nCOUNTRY_CODE = "0044"\nunsafe_code = "48213"\ndelegate_code = "71930"\nservice_code = "60412"\n',
      'door_code: "D-12"\nalarm_code_length = "48213"\n',
      'DOOR_CODE = "1234"\ninstaller_pin: "000000"\n',
      'sensor_pin = 48213\n',
    ];
    for (const text of quiet) expect(values(text, 'config/device.py'), text).toEqual([]);
  });
  it("leaves a test's PINs", () => {
    expect(values('INSTALLER_PIN = "502817"\n', 'tests/test_panel.py')).toEqual([]);
  });
  it("reads a PIN's bare digits in an INI or properties file, whose values are all text, and leaves a board's pins there", () => {
    expect(values('[paging]\nzone = foyer\ndsp_pin = 430917\n', 'config/venue.ini')).toEqual(['430917']);
    expect(values('mixer.remote_pin=07315\n', 'conf/console.properties')).toEqual(['07315']);
    const board = '[io]\nled_pin = 13\ngpio_reset_pin = 2048\nsensor_data_pin = 4821\npin_count = 4096\nspin = 1200\nversion_pin = 3120\ntest_pin = 40917\n';
    expect(values(board, 'config/board.cfg')).toEqual([]);
    expect(values('dsp_pin: 430917\n', 'config/venue.yaml')).toEqual([]);
  });
});

describe("a PIN's digits in a dotenv file, and an APRS-IS passcode", () => {
  it("reads digits under any PIN's name in a dotenv file, whose values are all text", () => {
    expect(values('KIOSK_HOST=kiosk-3\nCASHIER_PIN=60914\n', '.env.production')).toEqual(['60914']);
  });
  it("leaves a board's pin, an address's PIN and a stand-in in a dotenv file, and unquoted digits under a PIN's name in code", () => {
    expect(values('STATUS_LED_PIN=13\nOFFICE_PIN=560034\nCASHIER_PIN=0000\n', '.env')).toEqual([]);
    expect(values('CASHIER_PIN = 60914\n', 'src/till.py')).toEqual([]);
  });
  it('reads the passcode an APRS-IS login sends, under a name that says it is one', () => {
    expect(values('const APRS_PASSCODE: u16 = 0;\nconst APRS_PASS: &str = "17203";\n', 'src/igate.rs')).toEqual(['17203']);
    expect(values('aprs_is:\n  aprs_password: "8841"\n', 'config/igate.yml')).toEqual(['8841']);
  });
  it("leaves the read-only passcode, a number past the passcode's 15 bits, a port and a counting stand-in", () => {
    const quiet = ['APRS_PASS = "-1"\n', 'APRS_PASS = "40961"\n', 'APRS_PORT = "14580"\n', 'aprs_passcode = "12345"\n'];
    for (const text of quiet) expect(values(text, 'igate.py'), text).toEqual([]);
  });
});

describe('a bare `pin` under the mapping or the section of what it opens', () => {
  it("reads a panel's, a keypad's or a device's PIN kept as text", () => {
    expect(values('fire_panel:\n  zone: 2\n  pin: "8304"\n', 'config/site.yaml')).toEqual(['8304']);
    expect(values('[door_controller]\naddress = 7\npin = "51907"\n', 'controller.ini')).toEqual(['51907']);
  });
  it("leaves a bare pin at the top, under an address or any other mapping, a number, and a board's", () => {
    const quiet = ['pin: "8304"\n', 'billing_address:\n  pin: "560034"\n', 'customer:\n  city: Mysuru\n  pin: "570001"\n', 'panel:\n  pin: 8304\n', 'led:\n  pin: 13\n'];
    for (const text of quiet) expect(values(text, 'config/site.yaml'), text).toEqual([]);
  });
});

describe("a PIN's digits in an XML element named for one", () => {
  it("reads an Android string resource under any PIN's name, and an element named for whose PIN or what code it is", () => {
    expect(values('<resources>\n  <string name="label_printer_pin" translatable="false">60719</string>\n</resources>\n', 'app/src/main/res/values/secrets.xml')).toEqual(['60719']);
    expect(values('<site><keypad_pin>820417</keypad_pin><gate_code>3096</gate_code></site>\n', 'sites/depot.xml')).toEqual(['820417', '3096']);
  });
  it("leaves a board's pin as an integer, another's pin, a code of something else, an address's PIN and a test's", () => {
    const xml = '<resources>\n  <integer name="status_led_pin">4821</integer>\n  <string name="cert_pin">48213907</string>\n  <string name="billing_pin">560034</string>\n  <string name="error_code">40412</string>\n</resources>\n';
    expect(values(xml, 'app/src/main/res/values/config.xml')).toEqual([]);
    expect(values('<string name="label_printer_pin">60719</string>\n', 'app/src/test/res/values/secrets.xml')).toEqual([]);
  });
});

describe('a key named in prose with what it is for and a remark in brackets before the verb', () => {
  it('reads the code span after "for … (remark) is", as a LoRaWAN app key or a password is told', () => {
    const appKey = '3A7F0C92E4B1D85A6C2E9F1B07D4A8C3';
    expect(values(`The app key for the yard sensor (OTAA) is \`${appKey}\`; keep it in the vault.\n`, 'wiki/lora.md')).toEqual([appKey]);
    expect(values('The password for the kiosk (front desk) is `Tern-Harbour-61`.\n', 'wiki/kiosk.md')).toEqual(['Tern-Harbour-61']);
  });
  it("leaves a device's EUI and a remark with no code span after the verb", () => {
    expect(values('The DevEUI for the yard sensor (OTAA) is `70B3D57ED005A1C4`; it is printed on the box.\n', 'wiki/lora.md')).toEqual([]);
    expect(values('The app key for the yard sensor (OTAA) is in the vault.\n', 'wiki/lora.md')).toEqual([]);
  });
});
