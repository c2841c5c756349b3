import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';
import { classifyKey } from '../key-name.js';
import { parseDotenv } from '../dotenv.js';

/** The values reported in `text`, optionally only those of one rule. */
function values(text: string, file: string, rule?: string): string[] {
  return detect(text, { file })
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('secrets handed to calls by position', () => {
  it('reads the first argument of crypt() as a password: pgcrypto seeds, PHP, Python', () => {
    const sql = "INSERT INTO service_accounts (name, password_hash) VALUES\n  ('sync', crypt('Qu4rry-Sync#2031', gen_salt('bf', 12))),\n  ('ops', crypt('tT7vLm2Q*Xp931aBZ~q', gen_salt('bf')));\n";
    expect(values(sql, 'db/seed.sql', 'crypt-password-argument')).toEqual(['Qu4rry-Sync#2031', 'tT7vLm2Q*Xp931aBZ~q']);
    expect(values("$hash = crypt('Larch!Fen-2290', '$2y$10$abcdefghijklmnopqrstuv');\n", 'seed.php', 'crypt-password-argument')).toEqual(['Larch!Fen-2290']);
    // A column or variable is no literal; encrypt() and decrypt() are other calls.
    expect(values("UPDATE users SET password_hash = crypt(new_password, gen_salt('bf'));\n", 'seed.sql', 'crypt-password-argument')).toEqual([]);
    expect(values("const sealed = encrypt('Larch!Fen-2290', key);\n", 'seal.ts', 'crypt-password-argument')).toEqual([]);
  });

  it('takes the secret after a Twilio API key SID whatever its length', () => {
    const code = "const sms = twilio('SKe1c8c68900de621952a224e9ed594d45', 'Wq4nT8kLr2xZm6PvB3yD', {\n  accountSid: process.env.TWILIO_ACCOUNT_SID,\n});\n";
    expect(values(code, 'notify.ts', 'twilio-auth-token-positional')).toEqual(['Wq4nT8kLr2xZm6PvB3yD']);
    expect(values("const sms = twilio(sid, 'sms-client');\n", 'notify.ts', 'twilio-auth-token-positional')).toEqual([]);
  });

  it('reads a literal fallback handed through a one-argument call (`?? devOnly("…")`) as the value', () => {
    const code = "SESSION_SECRET: env.SESSION_SECRET ?? env.COOKIE_SECRET ?? devOnly('3f9c1a7e52b04d86a1c9e7f3b5d28a60c4e1f9b7a3d5c28e6f0b4a9d1c7e3f52'),\n";
    expect(values(code, 'config.ts')).toEqual(['3f9c1a7e52b04d86a1c9e7f3b5d28a60c4e1f9b7a3d5c28e6f0b4a9d1c7e3f52']);
    // A call that reads the value by name, or that takes more than the literal, holds no secret.
    expect(values("const token = process.env.API_TOKEN ?? requireEnv('API_TOKEN');\n", 'config.ts')).toEqual([]);
    expect(values("const secret = env.SECRET || format('Wq4nT8kLr2xZm6PvB3yD', region);\n", 'config.ts')).toEqual([]);
  });
});

describe('secrets inside URLs, runbooks and key files', () => {
  it('finds a Telegram bot token inside a Bot API method URL', () => {
    const line = 'curl -s "https://api.telegram.org/bot5810377261:AAGv3xQ9mL2pR7tK4nW8zB1cY6dF0hJ5sE3/sendMessage" -d chat_id=1\n';
    expect(values(line, 'runbook.md', 'telegram-bot-api-token')).toEqual(['5810377261:AAGv3xQ9mL2pR7tK4nW8zB1cY6dF0hJ5sE3']);
  });

  it('finds Vault unseal key shares after the word unseal, within its paragraph only', () => {
    const runbook = 'If Vault is sealed, three of five unseal\nkeys are needed. The emergency copy of key 3 is: `Qm7vT2xL9pR4kW8zN3bC6yD1fH5jS0aE+gU/iO2wXeA=`\n';
    expect(values(runbook, 'db-failover.md', 'vault-unseal-key')).toEqual(['Qm7vT2xL9pR4kW8zN3bC6yD1fH5jS0aE+gU/iO2wXeA=']);
    const init = 'Unseal Key 1: Kp3xV8mQ2wL7tR9zB4nC6yF1hD5jS0aGeU+iO/Tk2Wq8\nUnseal Key 2: Zt6bN1qW8xM3vL5pR9kC2yH7fD4jS0aGeU+iO/Tk2Wq8\n\nInitial Root Token: hvs.x\n';
    expect(values(init, 'init.txt', 'vault-unseal-key')).toHaveLength(2);
    // After a blank line the paragraph about unsealing is over: a digest there is no share.
    expect(values('Run vault operator unseal on each node.\n\nsha256: 5c9f3e1a7b2d4f6e8a0c2e4f6a8b0d2f4e6a8c0b2d4f6e8a0c2e4f6a8b0d2f4e\n', 'notes.md', 'vault-unseal-key')).toEqual([]);
  });

  it("takes no checksum line in the unseal paragraph for a key share: the digest of the file it names", () => {
    const digest = 'cad1edf319a2ab2d5235c649ede4cbe6299c76dcd1ef3fe5b5b17863e25887f3';
    const script = `# the vault VM does not auto-unseal\nset -euo pipefail\necho "${digest}  /usr/local/bin/vault" | sha256sum -c -\nvault operator unseal 0KPzAtmla/CbS/aiUaKDXhJRP9QSUPOey+3tBIW8tQjH\n`;
    expect(values(script, 'vault/bootstrap.sh', 'vault-unseal-key')).toEqual(['0KPzAtmla/CbS/aiUaKDXhJRP9QSUPOey+3tBIW8tQjH']);
    expect(values(`Before you unseal, check the binary:\n\n    sha256sum -c <<< "${digest}  vault_1.15.6_linux_amd64.zip"\n`, 'runbook.md', 'vault-unseal-key')).toEqual([]);
    // The same hex as a share, one space or no file after it, is still a share.
    expect(values(`unseal with this one: ${digest}\n`, 'notes.md', 'vault-unseal-key')).toEqual([digest]);
    expect(values(`vault operator unseal ${digest}  # key 2 of 5\n`, 'notes.md', 'vault-unseal-key')).toEqual([digest]);
  });

  it('takes no digest set under its own name in the unseal paragraph for a key share', () => {
    const digest = 'a41c07e9d2b86f35c0e17a9b4d2f68e31c5a0b97d4e26f83a1c9b05e7d3f2a6c';
    const vars = `vault_unseal_note: "{{ unseal_from_vault }}"\nbackup_bundle_sha256: "${digest}"\nagentChecksum = '${digest}'\nrelease.digest: ${digest}\n`;
    expect(values(vars, 'group_vars/all.yml', 'vault-unseal-key')).toEqual([]);
    // Under a share's own words, or in prose, the same 64 hex digits are still a share.
    expect(values(`vault_unseal_note: see below\nunseal_share_hex: "${digest}"\n`, 'group_vars/all.yml', 'vault-unseal-key')).toEqual([digest]);
    expect(values(`unseal with this one: ${digest}\n`, 'notes.md', 'vault-unseal-key')).toEqual([digest]);
  });

  it("reads a Rails master.key (or an environment's credentials key) by its file name only", () => {
    const key = '5f0c2a9e71b34d86a0e4c3b19f7d2e58\n';
    expect(values(key, 'config/master.key', 'rails-master-key')).toEqual(['5f0c2a9e71b34d86a0e4c3b19f7d2e58']);
    expect(values(key, 'apps/shop/config/credentials/production.key', 'rails-master-key')).toEqual(['5f0c2a9e71b34d86a0e4c3b19f7d2e58']);
    expect(values(key, 'config/build-id.txt', 'rails-master-key')).toEqual([]);
    expect(values('not a key at all\n', 'config/master.key', 'rails-master-key')).toEqual([]);
  });

  it('reads a backup copy of a Rails key file (`.bak`, `.orig`, `~`, a number), not other names that hold the words', () => {
    const key = '9d3e1b7c40a2f68e5c19b0d4a7e2f315\n';
    for (const file of ['config/master.key.bak', 'config/master.key.orig', 'config/master.key~', 'config/credentials/staging.key.old', 'config/master.key.2']) {
      expect(values(key, file, 'rails-master-key')).toEqual(['9d3e1b7c40a2f68e5c19b0d4a7e2f315']);
    }
    for (const file of ['config/master.key.example', 'config/master.keys', 'config/master.key.bak.md', 'config/master.key.sample']) {
      expect(values(key, file, 'rails-master-key')).toEqual([]);
    }
  });

  it('takes the literal inside escaped quotes of a Gradle buildConfigField, and Basic auth as a credential', () => {
    const gradle = 'buildConfigField("String", "STAGING_BASIC_AUTH", "\\"YnVpbGQtYm90OlJpdmVyLUZlcm4tTGFudGVybi05\\"")\n';
    expect(values(gradle, 'app/build.gradle.kts', 'generic-assignment')).toEqual(['YnVpbGQtYm90OlJpdmVyLUZlcm4tTGFudGVybi05']);
    expect(classifyKey('STAGING_BASIC_AUTH')).toEqual({ category: 'CRED', weak: false });
    expect(classifyKey('basicAuth')).toEqual({ category: 'CRED', weak: false });
  });
});

describe('private networks and versions', () => {
  it("reports a network chosen inside a private block, as wide as it is and with its prefix length, but not a whole block", () => {
    const tfvars = 'allowed_admin_cidrs = [\n  "203.0.113.0/24",\n  "100.64.12.0/24", # subnet router\n]\nvpc_cidr = "10.30.0.0/16"\n';
    expect(values(tfvars, 'prod.tfvars', 'private-ipv4')).toEqual(['100.64.12.0/24', '10.30.0.0/16']);
    // The blocks the RFCs define, and anything wider, are the published ranges every firewall lists.
    const rules = 'trusted_proxies:\n  - 10.0.0.0/8\n  - 172.16.0.0/12\n  - 192.168.0.0/16\n  - 100.64.0.0/10\n  - 172.20.0.0/14\n';
    expect(values(rules, 'proxy.yaml', 'private-ipv4')).toEqual(['172.20.0.0/14']);
  });

  it("does not report the Android emulator's alias for the host's loopback, which every emulator shares", () => {
    const gradle = 'buildConfigField("String", "API_BASE_URL", "\\"${props.getProperty("DEV_API_BASE_URL", "http://10.0.2.2:3000")}\\"")\n';
    expect(values(gradle, 'app/build.gradle.kts')).toEqual([]);
    expect(values('adb reverse tcp:3000 tcp:3000 # or use 10.0.2.2 from the emulator, 10.0.2.20 is the CI box\n', 'notes.md')).toEqual(['10.0.2.20']);
  });

  it("takes a dotted quad under a version's name (camelCase too) as a version", () => {
    const config = '<bindingRedirect oldVersion="0.0.0.0-10.0.0.0" newVersion="10.0.0.0" />\n<add key="ReportDb" value="10.30.7.21" />\n';
    expect(values(config, 'web.config', 'private-ipv4')).toEqual(['10.30.7.21']);
  });
});

describe('Kubernetes Secret entries that are plainly settings', () => {
  const manifest = [
    'apiVersion: v1',
    'kind: Secret',
    'type: Opaque',
    'data:',
    '  DB_USER: cmVwb3J0aW5nX2FwcA==', // reporting_app
    '  DB_PASSWORD: SGFyYm9yLUxpZ2h0cy0xODIx',
    'stringData:',
    '  JIRA_BASE_URL: https://acme-ops.atlassian.net',
    '  WIKI_URL: https://wiki.acme.internal/ops',
    '  JIRA_API_TOKEN: Wq4nT8kLr2xZm6PvB3yDk9Hs',
    '',
  ].join('\n');

  it('skips a user name under a user name and a public URL, and keeps passwords, tokens and internal URLs', () => {
    expect(values(manifest, 'secrets.yaml', 'kubernetes-secret-data')).toEqual(['SGFyYm9yLUxpZ2h0cy0xODIx', 'https://wiki.acme.internal/ops', 'Wq4nT8kLr2xZm6PvB3yDk9Hs']);
  });

  it('skips the name of an app or catalog kept beside the secrets, and keeps a generated value under a name', () => {
    const secret = 'kind: Secret\ndata:\n  app-name: cGF5bWVudHMtaHVi\n  CATALOG_NAME: d2FyZWhvdXNl\n  DB_NAME: WGsyOXFMbTdSdjRUYjh3Wg==\n';
    // payments-hub and warehouse name things; Xk29qLm7Rv4Tb8wZ under a name is no slug of words.
    expect(values(secret, 'secrets.yaml', 'kubernetes-secret-data')).toEqual(['WGsyOXFMbTdSdjRUYjh3Wg==']);
  });

  it('keeps a user:password pair and a document under any name', () => {
    const pair = 'kind: Secret\ndata:\n  extra: YWRtaW46UXU0cnJ5LVN5bmMjMjAzMQ==\n  .dockerconfigjson: eyJhdXRocyI6eyJnaGNyLmlvIjp7InVzZXJuYW1lIjoiYm90In19fQ==\n';
    expect(values(pair, 'secrets.yaml', 'kubernetes-secret-data')).toHaveLength(2);
  });
});

describe('keys that client code ships by design', () => {
  it("does not report Pusher's app key or a Sentry DSN's public key, and still reports their secrets", () => {
    expect(values("PUSHER_APP_KEY=b1c5e8f2a7d94e3f6a0b\nPUSHER_APP_SECRET=7e2d9c4b1a8f3e6d0c5b\n", 'app.env')).toEqual(['7e2d9c4b1a8f3e6d0c5b']);
    expect(values("'key' => env('PUSHER_APP_KEY', 'b1c5e8f2a7d94e3f6a0b'),\n", 'config/services.php')).toEqual([]);
    expect(values('SENTRY_DSN_KEY = 3c9e1f7a5b2d4c8e6a0f9b1d3e5c7a92\n', 'Release.xcconfig')).toEqual([]);
    expect(classifyKey('PUSHER_MASTER_KEY')?.category).toBe('KEY');
    expect(classifyKey('PUSHER_BEAMS_KEY')?.category).toBe('KEY');
  });

  it('does not take a PayPal client id for the client secret beside it', () => {
    const id = 'Af_3y4TQ6JIVyOE3AdAuU9t6Z-jE2NJa0A_BDJioxsCWWjDniXUq9-mN6d8um41ymUrjg7fTWW0BLhEc';
    const secret = 'E8ylxL4dKBvS7_EftIu-IbWailRW1_6IA9eVa-bNU7QWLbls6E6GBROZq_C0zj-Rr3Ks8PUzITxjCkGF';
    const rb = `paypal = {\n  client_id: ENV.fetch("PAYPAL_CLIENT_ID", "${id}"),\n  client_secret: ENV["PAYPAL_CLIENT_SECRET"] || "${secret}",\n}\n`;
    expect(values(rb, 'integrations.rb', 'paypal-client-secret')).toEqual([secret]);
    expect(values(`PAYPAL_CLIENT_ID=${id}\n`, '.env.production')).toEqual([]);
  });
});

describe('names that look like values', () => {
  it('takes a camelCase name of a secret in code for a storage key, not a password', () => {
    expect(values('let passwordKey = "driverPassword"   // keychain entry\n', 'APIClient.swift')).toEqual([]);
    expect(values('let passwordKey = "driverPassw0rd!"\n', 'APIClient.swift')).toEqual(['driverPassw0rd!']);
  });

  it("does not read date's format operand as curl's user:password", () => {
    expect(values('log() { printf \'%s %s\\n\' "$(date -u +%H:%M:%S)" "$*"; }\n', 'deploy.sh')).toEqual([]);
  });
});

describe('dotenv values that are names, not secrets', () => {
  it('does not learn a public cookie domain, a title, or public client keys; still learns secrets and internal hosts', () => {
    const text = [
      'COOKIE_DOMAIN=.acme-shop.io',
      'APP_NAME="Acme Partner Portal"',
      'PUSHER_APP_KEY=b1c5e8f2a7d94e3f6a0b',
      'SENTRY_DSN_KEY=3c9e1f7a5b2d4c8e6a0f9b1d3e5c7a92',
      'ADMIN_COOKIE_DOMAIN=.admin.acme.internal',
      'DB_PASSWORD=summer.horse',
      'PUSHER_APP_SECRET=7e2d9c4b1a8f3e6d0c5b',
    ].join('\n');
    expect(parseDotenv(text, '.env').map((s) => s.source)).toEqual(['.env:ADMIN_COOKIE_DOMAIN', '.env:DB_PASSWORD', '.env:PUSHER_APP_SECRET']);
  });
});

describe('a key file holding one random token', () => {
  const token = 'Rb8xQ2vLm9TzK4wNp7Yc3HdJ6sFg1VaE0uIo5Bq2XkZ8rMt4LwPn7Sc9Dh3Gj6Ty';

  it("reads the token by the file's name, after comment lines", () => {
    expect(values(`# base64 of the shared key for the queue nodes\n${token}\n`, 'roles/queue/files/queue.key.b64', 'key-file-token')).toEqual([token]);
    expect(values(`${token}\n`, 'deploy/mongo/replica.keyfile', 'key-file-token')).toEqual([token]);
    expect(values(`// signing secret\n${token}`, 'config/hooks.secret', 'key-file-token')).toEqual([token]);
    // A backup copy of a key file holds the same key.
    expect(values(`${token}\n`, 'deploy/mongo/replica.keyfile.bak', 'key-file-token')).toEqual([token]);
    expect(values(`${token}\n`, 'files/munge.key.orig', 'key-file-token')).toEqual([token]);
  });

  it('leaves other files, PEM blocks, settings and prose in key files, and stand-ins', () => {
    expect(values(`${token}\n`, 'roles/queue/files/queue.txt', 'key-file-token')).toEqual([]);
    expect(values(`${token}\n`, 'files/munge.key.example', 'key-file-token')).toEqual([]);
    expect(values(`${token}\n`, 'files/munge.key.bak.sh', 'key-file-token')).toEqual([]);
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
    expect(values(pem, 'certs/service.key', 'key-file-token')).toEqual([]);
    expect(values(`key_id=primary\nkey=${token}\n`, 'conf/app.key', 'key-file-token')).toEqual([]);
    expect(values('Put the cluster key in this file before the first run.\n', 'files/munge.key', 'key-file-token')).toEqual([]);
    expect(values(`${token}\n${token}\n`, 'files/munge.key', 'key-file-token')).toEqual([]);
    expect(values('REPLACE_WITH_GENERATED_KEY_VALUE\n', 'files/munge.key', 'key-file-token')).toEqual([]);
  });
});

describe("a provider's public id kept in a Kubernetes Secret", () => {
  it('leaves a Twilio SID and a Google client id under names that say they are ids, and reports the token beside them', () => {
    const secret = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: sms',
      'stringData:',
      '  SMS_AUTH_TOKEN: "7e1c4a9f2b6d08e3c5a71f9b4d2e6c80"',
      '  SMS_ACCOUNT_SID: "AC7e1c4a9f2b6d08e3c5a71f9b4d2e6c81"',
      '  OAUTH_CLIENT_ID: "48213377901-k3j9d8f7a6s5d4f3g2h1j0k9l8z7x6c5.apps.googleusercontent.com"',
      '',
    ].join('\n');
    expect(values(secret, 'k8s/secret.yaml', 'kubernetes-secret-data')).toEqual(['7e1c4a9f2b6d08e3c5a71f9b4d2e6c80']);
  });

  it('still reports an id-shaped value under a name that is no id, and an id name holding something else', () => {
    const secret = [
      'kind: Secret',
      'stringData:',
      '  SMS_FALLBACK: "AC7e1c4a9f2b6d08e3c5a71f9b4d2e6c81"',
      '  SMS_ACCOUNT_SID: "Vt8qLz3Km7Wx2Rp9Nc4Bh6Jd"',
      '',
    ].join('\n');
    expect(values(secret, 'k8s/secret.yaml', 'kubernetes-secret-data')).toEqual(['AC7e1c4a9f2b6d08e3c5a71f9b4d2e6c81', 'Vt8qLz3Km7Wx2Rp9Nc4Bh6Jd']);
  });
});
