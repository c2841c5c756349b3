import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyKey, splitWords, splitWordsByPattern } from './key-name.js';
import { detect } from './index.js';

describe('splitWords', () => {
  it('splits names at case changes, digits and punctuation', () => {
    expect(splitWords('dbPassword')).toEqual(['db', 'password']);
    expect(splitWords('API_KEY')).toEqual(['api', 'key']);
    expect(splitWords('HTTPServerToken')).toEqual(['http', 'server', 'token']);
    expect(splitWords('aws.secret-access_key2')).toEqual(['aws', 'secret', 'access', 'key2']);
    expect(splitWords('s3Bucket')).toEqual(['s3', 'bucket']);
    expect(splitWords('__')).toEqual([]);
  });

  it('splits non-ASCII names by the pattern form', () => {
    expect(splitWords('contraseñaDB')).toEqual(splitWordsByPattern('contraseñaDB'));
    expect(splitWords('Kennwort_Ärger')).toEqual(['kennwort', 'rger']);
  });

  it('gives what the pattern form gives for any ASCII name', () => {
    // Letters of both cases, digits and separators, so that every kind of boundary occurs.
    const name = fc.string({ unit: fc.constantFrom(...'aAbBzZ09_.-$ '), maxLength: 24 });
    fc.assert(
      fc.property(name, (n) => {
        expect(splitWords(n)).toEqual(splitWordsByPattern(n));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('classifyKey', () => {
  it('tells secret names from names about secrets', () => {
    expect(classifyKey('dbPassword')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('stripeSecretKey')?.category).toBe('KEY');
    expect(classifyKey('password_hash_algo')).toBeUndefined();
    expect(classifyKey('tokenType')).toBeUndefined();
    expect(classifyKey('passwordField')).toBeUndefined();
  });

  it("takes a filter's band (bandpass, highpass) for no password, as it does a bypass or a compass", () => {
    for (const name of ['bandpass', 'highpass', 'lowpass', 'allpass', 'bypass', 'compass']) expect(classifyKey(name)).toBeUndefined();
    expect(classifyKey('dbpass')).toEqual({ category: 'PASS', weak: false });
  });
});

describe('cookie keys', () => {
  it('take a cookie signing key as a key that needs a strong value, and a cookie name as none', () => {
    expect(classifyKey('cookie_key')).toEqual({ category: 'KEY', weak: true });
    expect(detect('[auth]\ncookie_key = "pL4kW9xZ2qR7mT3vB8nY6cH1fD5gJ0sE"\n', { file: 'secrets.toml' }).map((f) => f.rule)).toEqual(['generic-assignment']);
    expect(detect("COOKIE_KEY = 'remember_me'\n", { file: 'settings.py' })).toEqual([]);
  });
});

describe('anti-forgery, cipher and stdin names', () => {
  it('takes the secret CSRF tokens are made with as a key, and a CSRF token as none', () => {
    expect(classifyKey('csrf_secret')?.category).toBe('KEY');
    expect(classifyKey('WTF_CSRF_SECRET_KEY')?.category).toBe('KEY');
    expect(classifyKey('csrf_token')).toBeUndefined();
    expect(classifyKey('authenticity_token')).toBeUndefined();
    expect(classifyKey('csrf_secret_length')).toBeUndefined();
    expect(detect('[security]\ncsrf_secret = Jq5Ws8Ed3Rf6Tg1Yh4Uj7Ik2Ol9Pz0Xc\n', { file: 'config/app.ini' }).map((f) => f.rule)).toEqual(['generic-assignment']);
  });

  it('takes the salt CSRF tokens are made with as a secret, and its length or a token as none', () => {
    expect(classifyKey('CSRF_SALT')).toBeDefined();
    expect(classifyKey('xsrfSalt')).toBeDefined();
    expect(classifyKey('csrf_salt_length')).toBeUndefined();
    expect(classifyKey('xsrf_token')).toBeUndefined();
    const php = "<?php\ndefine('DB_NAME', 'shop');\ndefine('CSRF_SALT', 'Vb8Lq2Tz7Wm4Rn9Hc3Xk6Pd1Jf5Gs0Ya');\n";
    expect(detect(php, { file: 'includes/config.php' }).map((f) => php.slice(f.start, f.end))).toEqual(['Vb8Lq2Tz7Wm4Rn9Hc3Xk6Pd1Jf5Gs0Ya']);
  });

  it('takes a column or row key under a cipher word as an encryption key, and a database column key as none', () => {
    expect(classifyKey('acme.crypto.column-key')?.category).toBe('KEY');
    expect(classifyKey('encryption.row_key')?.category).toBe('KEY');
    expect(classifyKey('column_key')).toBeUndefined();
    expect(classifyKey('crypto.column-key.sha256')).toBeUndefined();
    expect(classifyKey('encryption_key_id')).toBeUndefined();
  });

  it("takes the primary key under a cipher word as the encryption's key, and a table's primary key as none", () => {
    expect(classifyKey('config.active_record.encryption.primary_key')?.category).toBe('KEY');
    expect(classifyKey('ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY')?.category).toBe('KEY');
    expect(classifyKey('primary_key')).toBeUndefined();
    expect(classifyKey('self.primary_key')).toBeUndefined();
    expect(classifyKey('encryption.primary_key_id')).toBeUndefined();
    const rb = '  config.active_record.encryption.primary_key = "Vb7Qw2Lm9Xz4Rt8Kp3Jn6Hs1Df5Ga0Ce"\n';
    expect(detect(rb, { file: 'config/environments/production.rb' }).map((f) => rb.slice(f.start, f.end))).toEqual(['Vb7Qw2Lm9Xz4Rt8Kp3Jn6Hs1Df5Ga0Ce']);
    expect(detect('class Reading < ApplicationRecord\n  self.primary_key = "reading_uuid_v2"\nend\n', { file: 'app/models/reading.rb' })).toEqual([]);
  });

  it('takes a name that says the secret comes from stdin as no secret', () => {
    expect(classifyKey('password-stdin')).toBeUndefined();
    expect(detect('docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com\n', { file: 'deploy.sh' })).toEqual([]);
  });
});

describe("a Wi-Fi network's key", () => {
  it("takes a key named for the network or its security as the network's passphrase", () => {
    expect(classifyKey('WIFI_KEY')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('wlan_key')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('wpa2Key')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('Wi-Fi_key')).toEqual({ category: 'PASS', weak: false });
    expect(detect('WIFI_KEY=kestrel-heather-ridge\n', { file: 'kiosk/.env' }).map((f) => f.rule)).toContain('generic-assignment');
  });
  it('leaves the words around a Wi-Fi key that name something else', () => {
    expect(classifyKey('wifi_key_id')?.category).not.toBe('PASS');
    expect(classifyKey('wifi_keyboard')).toBeUndefined();
  });
});

describe('pre-shared keys', () => {
  it('takes a pre-shared key as a password and the name of its identity as none', () => {
    expect(classifyKey('FACTORY_WIFI_PSK')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('psk')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('psk_identity')).toBeUndefined();
    expect(classifyKey('wpa2-pre-shared-key')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('pre_shared_key')).toEqual({ category: 'PASS', weak: false });
    expect(detect('#define FACTORY_WIFI_PSK "Gr4nary-Wpa2!Lan"\n', { file: 'board.h' }).map((f) => f.rule)).toEqual(['generic-assignment']);
  });
  it('takes preshared as one word the same way (`tunnel2_preshared_key`, `PresharedKey`), so a key of letters alone counts', () => {
    expect(classifyKey('tunnel2_preshared_key')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('PresharedKey')).toEqual({ category: 'PASS', weak: false });
    const tf = 'resource "aws_vpn_connection" "plant" {\n  tunnel1_preshared_key = "qhTwnRbcpLmsVkzEe"\n}\n';
    expect(detect(tf, { file: 'infra/vpn.tf' }).map((f) => tf.slice(f.start, f.end))).toEqual(['qhTwnRbcpLmsVkzEe']);
    expect(detect('  tunnel1_preshared_key = var.tunnel1_psk\n', { file: 'infra/vpn.tf' })).toEqual([]);
    expect(classifyKey('preshared_key_id')).toBeUndefined();
  });
});

describe('a salt for hashing', () => {
  it("takes Drupal's hash_salt as the site's secret salt, and longer names about hashing as before", () => {
    expect(classifyKey('hash_salt')).toEqual({ category: 'CRED', weak: true });
    expect(classifyKey('HASH_SALT')).toEqual({ category: 'CRED', weak: true });
    expect(classifyKey('password_hash_salt')).toBeUndefined();
    expect(classifyKey('hash_salt_length')).toBeUndefined();
    const php = "$settings['hash_salt'] = 'wz_3sO7OaB8LdZhmI2d0MnJ_pshjc1bCK-CAVKLJ12dkUkb3UqBuANu';\n";
    expect(detect(php, { file: 'sites/default/settings.php' }).map((f) => php.slice(f.start, f.end))).toEqual(['wz_3sO7OaB8LdZhmI2d0MnJ_pshjc1bCK-CAVKLJ12dkUkb3UqBuANu']);
    expect(detect("$settings['hash_salt'] = file_get_contents('/home/example/salt.txt');\n", { file: 'settings.php' })).toEqual([]);
  });
});

describe('Vault AppRole secret ids', () => {
  it("takes AppRole's secret_id as a credential, and a client secret's id or a role id as none", () => {
    expect(classifyKey('VAULT_SECRET_ID')).toEqual({ category: 'CRED', weak: false });
    expect(classifyKey('secretId')).toEqual({ category: 'CRED', weak: false });
    expect(classifyKey('client_secret_id')).toBeUndefined();
    expect(classifyKey('role_id')).toBeUndefined();
    const login = 'vault write auth/approle/login role_id=3c1e5a77-2b9d-4f08-8e6a-91d4c2b7a0f5 secret_id=7f3c2a91-4b8e-4d2f-9a61-0c5e8b7d3f12\n';
    const found = detect(login, { file: 'login.sh' }).map((f) => login.slice(f.start, f.end));
    expect(found).toEqual(['7f3c2a91-4b8e-4d2f-9a61-0c5e8b7d3f12']);
    // Secrets Manager's SecretId names a secret (a path or an ARN): no finding.
    expect(detect('client.get_secret_value(SecretId="prod/db/password")\n', { file: 'app.py' })).toEqual([]);
  });
});

describe('HMAC keys', () => {
  it('takes a name ending in hmac as a key, and a computed or expected hmac as none', () => {
    expect(classifyKey('ADYEN_HMAC')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('webhookHmac')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('expected_hmac')).toBeUndefined();
    expect(classifyKey('computedHmac')).toBeUndefined();
    expect(classifyKey('sample_hmac')).toBeUndefined();
    expect(classifyKey('hmac')).toBeUndefined();
    expect(classifyKey('HMAC_ALGORITHM')).toBeUndefined();
    const key = '7a41c09e5bd23f86a1e07c4d92b5f83e6c1d0a9b8e7f6a5d4c3b2a1908f7e6d5';
    expect(detect(`private static final String WEBHOOK_HMAC = "${key}";\n`, { file: 'Client.java' }).map((f) => f.rule)).toEqual(['generic-assignment']);
    expect(detect(`String expectedHmac = "${key}";\n`, { file: 'ClientTest.java' })).toEqual([]);
  });
});

describe('handle tokens and names of things', () => {
  it('takes a page, idempotency, lock or lifecycle-action token as no credential', () => {
    for (const name of ['NextToken', 'nextPageToken', 'next_page_token', '--starting-token', 'ContinuationToken', 'output_token', 'IdempotencyToken', 'ClientRequestToken', '--client-request-token', 'ChangeToken', '--change-token', 'LockToken', 'NextLockToken', '--lifecycle-action-token', 'DkimTokens']) {
      expect(classifyKey(name), name).toBeUndefined();
    }
  });
  it('takes a sync cursor as a handle, and a sync job\'s token in an environment variable as a credential', () => {
    for (const name of ['syncToken', 'nextSyncToken', 'sync_token', 'NEXT_SYNC_TOKEN', 'SYNC_TOKEN']) expect(classifyKey(name), name).toBeUndefined();
    for (const name of ['BADGE_SYNC_TOKEN', 'LDAP_SYNC_TOKEN', 'CRM2_SYNC_TOKEN']) expect(classifyKey(name), name).toEqual({ category: 'TOKEN', weak: false });
  });
  it('still takes tokens that log in as tokens, a page access token and a request token secret included', () => {
    for (const name of ['fbPageToken', 'PAGE_ACCESS_TOKEN', 'request_token_secret', 'NEXT_API_TOKEN', 'actionToken', 'refresh_token', 'SessionToken']) {
      expect(classifyKey(name), name).toBeDefined();
    }
  });
  it('takes the key of a tag, a condition, a result or a parameter as a name', () => {
    for (const name of ['TagKey', 'tag_keys', 'ConditionKeys', 'result_key', 'ParameterKey', 'AttributeKey']) {
      expect(classifyKey(name), name).toBeUndefined();
    }
    expect(classifyKey('tag_secret')).toBeDefined();
  });
});

describe('handshake nonces', () => {
  it("takes a WebSocket handshake's key as no secret, and a socket service's secret as one", () => {
    expect(classifyKey('Sec-WebSocket-Key')).toBeUndefined();
    expect(classifyKey('socket_secret')).toBeDefined();
  });
});

describe('application salts and field-encryption keys', () => {
  it('takes a salt that ends a three-word name as a credential needing a strong value', () => {
    for (const name of ['LOGGED_IN_SALT', 'SECURE_AUTH_SALT', 'session_cookie_salt']) expect(classifyKey(name), name).toEqual({ category: 'CRED', weak: true });
    for (const name of ['salt_rounds_default', 'password_salt_length', 'user_salt_column_name']) expect(classifyKey(name)?.category, name).not.toBe('CRED');
  });
  it('takes the key of field-level encryption as a key, and other names of a field as none', () => {
    expect(classifyKey('FIELD_ENCRYPTION_KEY')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('fieldEncryptionKey')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('field_api_key')).toBeUndefined();
    expect(classifyKey('password_field_key')).toBeUndefined();
  });
});

describe('prefixes and product names that contain a password word', () => {
  it('reads a leading pw of a longer name as a prefix, so the rest names the value', () => {
    expect(classifyKey('PW_HCAPTCHA_SITE_KEY')).toBeUndefined();
    expect(classifyKey('PW_BILLING_HOST')).toBeUndefined();
    expect(classifyKey('PW_STRIPE_SECRET_KEY')?.category).toBe('KEY');
    // Still a password: pw alone, pw of an account, pw of two words.
    for (const name of ['pw', 'PW_DB', 'pw_smtp_relay', 'PW_ADMIN_LOGIN', 'pwNew']) expect(classifyKey(name)?.category, name).toBe('PASS');
  });
  it('takes the 1Password manager for where a secret is kept, the words around it deciding', () => {
    for (const name of ['1Password', '1password', 'onepassword', 'ONEPASSWORD_VAULT', '1password_item']) expect(classifyKey(name), name).toBeUndefined();
    expect(classifyKey('ONEPASSWORD_CONNECT_TOKEN')?.category).toBe('TOKEN');
    expect(classifyKey('OP_SERVICE_ACCOUNT_TOKEN')?.category).toBe('TOKEN');
  });
  it('reports neither a public site key under a team prefix nor a 1Password item named in notes', () => {
    expect(detect("define('AC_RECAPTCHA_SITE_KEY', '6Lb2Qq9tAAAAAHm4pVw7Zr1xKc3nYs8dLj5eFo0u');\n", { file: 'plugin.php' })).toEqual([]);
    expect(detect("define('PW_RECAPTCHA_SITE_KEY', '6Lb2Qq9tAAAAAHm4pVw7Zr1xKc3nYs8dLj5eFo0u');\n", { file: 'plugin.php' })).toEqual([]);
    expect(detect('Credentials: in 1Password "payments-replica", vault Platform.\n', { file: 'notes.md' })).toEqual([]);
  });
});

describe('labels', () => {
  it('takes a label right before the secret word as the UI text of a field', () => {
    for (const name of ['labelPassword', 'label_token', 'LABEL_API_KEY_TEXT', 'passwordLabel']) expect(classifyKey(name), name).toBeUndefined();
  });
  it('reads words between a label and the secret word as what the labels belong to', () => {
    expect(classifyKey('LABELING_DB_PASSWORD')?.category).toBe('PASS');
    expect(classifyKey('LABEL_WAREHOUSE_PASSWORD')?.category).toBe('PASS');
    expect(classifyKey('labelTool.apiToken')?.category).toBe('TOKEN');
    expect(detect('LABEL_QUEUE_PASSWORD=Teal-Otter-Sings-47\n', { file: '.env' }).map((f) => f.category)).toEqual(['PASS']);
    expect(detect("  token: process.env.LABEL_TOOL_TOKEN || '9c1e07b4d2a85f36e0b9c7d41a2f58e3b60d9c17',\n", { file: 'labels.js' }).map((f) => f.category)).toEqual(['TOKEN']);
  });
});

describe('platform and stage copies of a key, and Basic authorization', () => {
  it('reads a key name that ends in a platform or a stage as the key it copies', () => {
    expect(classifyKey('HOTPATCH_KEY_ANDROID')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('licenseKeyStaging')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('deploy_key_web')).toEqual({ category: 'KEY', weak: false });
  });

  it('still takes a lookup key of a stage, or a key of a test, as no secret', () => {
    expect(classifyKey('CACHE_KEY_PROD')).toBeUndefined();
    expect(classifyKey('partition_key_staging')).toBeUndefined();
    expect(classifyKey('ROUTE_KEY_IOS')).toBeUndefined();
    expect(classifyKey('LOOKUP_KEY_TEST')).toBeUndefined();
  });

  it('takes a Basic authorization value as a credential, and a bare authorization setting as a weak one', () => {
    expect(classifyKey('CERTS_REPO_BASIC_AUTHORIZATION')).toEqual({ category: 'CRED', weak: false });
    expect(classifyKey('basicAuthorization')).toEqual({ category: 'CRED', weak: false });
    expect(classifyKey('authorization')).toEqual({ category: 'CRED', weak: true });
  });
});

describe('authentication tags and tokens of SSSD and PAM', () => {
  it("takes an AEAD cipher's authentication tag as no secret: it travels with the ciphertext", () => {
    expect(classifyKey('auth_tag')).toBeUndefined();
    expect(classifyKey('authTag')).toBeUndefined();
    expect(classifyKey('AUTHENTICATION_TAG')).toBeUndefined();
    const item = '{\n  "db_password": {\n    "encrypted_data": "Zm9vYmFy",\n    "iv": "Q2hlZjEyMzQ1Njc4",\n    "auth_tag": "Vx3kR9mWq2ZtLp8NcY4bHs7J",\n    "cipher": "aes-256-gcm"\n  }\n}\n';
    expect(detect(item, { file: 'data_bags/db/prod.json' })).toEqual([]);
  });

  it("takes SSSD's and PAM's authtok as the password, and the setting of its kind as none", () => {
    expect(classifyKey('ldap_default_authtok')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('ldap_default_authtok_type')).toBeUndefined();
    const conf = '[domain/corp]\nldap_default_bind_dn = cn=reader,dc=corp\nldap_default_authtok_type = password\nldap_default_authtok = Fennel!Quarry-882\n';
    const found = detect(conf, { file: 'sssd.conf' }).map((f) => conf.slice(f.start, f.end));
    expect(found).toEqual(['Fennel!Quarry-882']);
  });
});

describe('names in other languages', () => {
  it('reads the words for key, secret, token and password in other languages as the English ones', () => {
    expect(classifyKey('ApiAnahtari')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('R2_GIZLI_ANAHTAR')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('ImzaAnahtari')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('KargoSifre')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('ZUGANGSSCHLUESSEL')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('lager.verschluesselung.schluessel')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('geheimerSchlüssel')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('anahtarı')).toEqual({ category: 'KEY', weak: true });
  });

  it('reads a name headed by a foreign key word from its end, as the language puts the qualifier after the noun', () => {
    expect(classifyKey('CHAVE_API_FRETE')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('chave_privada')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('kluczPodpisu')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('clave_datadog')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('ключ_доступа')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('clave_publica')).toBeUndefined();
    expect(classifyKey('chave_publica_ios')).toBeUndefined();
  });

  it('reads names written in other scripts', () => {
    expect(classifyKey('暗号化キー')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('シークレットアクセスキー')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('비밀키')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('API密钥')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('секретный_ключ')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('公開鍵')).toBeUndefined();
    expect(classifyKey('アクセスキーID')).toBeUndefined();
    expect(classifyKey('비밀번호_필드')).toBeUndefined();
  });

  it('leaves names about a secret in other languages unclassified', () => {
    expect(classifyKey('contraseñaCampo')).toBeUndefined();
    expect(classifyKey('PASSWORT_FELD')).toBeUndefined();
    expect(classifyKey('Passwortfeld')).toBeUndefined();
    expect(classifyKey('claveDesdeEntorno')).toBeUndefined();
    expect(classifyKey('sifre_sablon')).toBeUndefined();
    expect(classifyKey('politica_senha')).toBeUndefined();
    expect(classifyKey('longitud_clave')).toBeUndefined();
  });

  it('finds keys assigned to such names in code and config', () => {
    const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
    expect(found('private const string ApiAnahtari = "488ef1b7c6890553f7d8acf0a3d99848d45f7200";\n', 'Servis.cs')).toEqual(['488ef1b7c6890553f7d8acf0a3d99848d45f7200']);
    expect(found('    CHAVE_API_FRETE: "kEacugGOtXJxEHoPnc4hU3tMQFQp956A5dcdkuWr"\n', 'docker-compose.yml')).toEqual(['kEacugGOtXJxEHoPnc4hU3tMQFQp956A5dcdkuWr']);
    expect(found('var kluczPodpisu = []byte("99c333beee9e988930912a9aa6a37296fc608e06ac933a8bf3f003637d840a96")\n', 'baza.go')).toEqual(['99c333beee9e988930912a9aa6a37296fc608e06ac933a8bf3f003637d840a96']);
    expect(found('lager.verschluesselung.schluessel=QGnGkrDQsul2qtpeEdOUiw6wWtLfdbpC2DBL99l2EaY=\n', 'application.properties')).toEqual(['QGnGkrDQsul2qtpeEdOUiw6wWtLfdbpC2DBL99l2EaY=']);
    expect(found('CLAVE_MAPAS=AIzaSy-EXAMPLE-KEY\nclaveDesdeEntorno: process.env.CLAVE_API,\n', 'config.ts')).toEqual([]);
    expect(found('  chave_publica: "pk_live_W4QXX5BVCUIuqWQ1DW9KTR66"\n', 'config.yml')).toEqual([]);
  });
});

describe('keys of IoT radios and provisioning services', () => {
  const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it("takes LoRaWAN's session keys as keys, however they are spelled, and a bare `skey` as none", () => {
    for (const name of ['NwkSKey', 'AppSKey', 'NWKSKEY', 'APPSKEY', 'NWK_SKEY', 'app_s_key', 'SNwkSIntKey', 'FNwkSIntKey', 'NwkSEncKey']) {
      expect(classifyKey(name), name).toEqual({ category: 'KEY', weak: false });
    }
    expect(classifyKey('skey')).toBeUndefined();
    expect(classifyKey('sortSkey')).toBeUndefined();
    const lmic = 'static const PROGMEM u1_t NWKSKEY[16] = { 0xB0, 0x66, 0x08, 0xBD, 0x20, 0x98, 0x7B, 0x39, 0x83, 0x93, 0x33, 0xDC, 0x13, 0x0A, 0xEB, 0x89 };\n';
    expect(found(lmic, 'src/main.cpp')).toEqual(['0xB0, 0x66, 0x08, 0xBD, 0x20, 0x98, 0x7B, 0x39, 0x83, 0x93, 0x33, 0xDC, 0x13, 0x0A, 0xEB, 0x89']);
  });

  it("takes a provisioning service's enrollment key as a key, and a grouping key as none", () => {
    expect(classifyKey('kDpsGroupKey')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('enrollmentGroupKey')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('MOODLE_ENROLMENT_KEY')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('groupKey')).toBeUndefined();
    expect(classifyKey('dps_id_scope')).toBeUndefined();
    const dps = 'static const char kDpsGroupKey[] = "og+mHZqnaZe0YM+ITPUdSS0xbdGzO/AczyXV59syqR/jDmvbtfMnuY5TI12A1Uc9Xq0Mm9COC1j0kRbkjGnaBA==";\n';
    expect(found(dps, 'src/cloud.cpp')).toEqual(['og+mHZqnaZe0YM+ITPUdSS0xbdGzO/AczyXV59syqR/jDmvbtfMnuY5TI12A1Uc9Xq0Mm9COC1j0kRbkjGnaBA==']);
  });

  it('takes a Zigbee install code as a credential when its value is generated, and other install codes as none', () => {
    expect(classifyKey('INSTALL_CODE')).toEqual({ category: 'CRED', weak: true });
    expect(classifyKey('installCode')).toEqual({ category: 'CRED', weak: true });
    expect(found('INSTALL_CODE = "C5A2E03DF1374348961A1A4793041F59"   # from the sticker\n', 'zigbee.py')).toEqual(['C5A2E03DF1374348961A1A4793041F59']);
    expect(found('install_code: "npm-install-v2"\nINSTALL_CODE = "curl -sSL https://get.example.io | sh"\n', 'ci.yml')).toEqual([]);
  });
});

describe("Apple's crash reports", () => {
  const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it("takes crashReporterKey, an anonymous device id, as no secret", () => {
    expect(classifyKey('crashReporterKey')).toBeUndefined();
    expect(found('{\n  "crashReporterKey" : "4c1f9e07a2b85d36e1f0c7a94b28d53e60a1f7c2",\n  "pid" : 418\n}\n', 'App-2024-06-01-081500.ips')).toEqual([]);
  });
  it('still takes a crash-reporting service key in a setting as a key', () => {
    expect(classifyKey('CRASH_REPORTER_KEY')).toBeDefined();
  });
});

describe('what a secret may do, and whose event key it is', () => {
  it('takes a read-only or read-write token as a token', () => {
    expect(classifyKey('KV_REST_API_READ_ONLY_TOKEN')?.category).toBe('TOKEN');
    expect(classifyKey('BLOB_READ_WRITE_TOKEN')?.category).toBe('TOKEN');
    expect(classifyKey('readOnlyToken')?.category).toBe('TOKEN');
  });
  it('still reads `read` before a secret word as a verb', () => {
    expect(classifyKey('readToken')).toBeUndefined();
    expect(classifyKey('read_password_from_file')).toBeUndefined();
  });
  it("takes Inngest's event key as a key, and leaves other event keys", () => {
    expect(classifyKey('INNGEST_EVENT_KEY')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('eventKey')).toBeUndefined();
    expect(classifyKey('ANALYTICS_EVENT_KEY')).toBeUndefined();
  });
});

describe('keys of texts a UI shows', () => {
  it('reads a key named for a hint, label or message as its key in a message bundle', () => {
    for (const name of ['PASSWORD_HINT_KEY', 'tokenLabelKey', 'password.error.key', 'API_TOKEN_TOOLTIP_KEY', 'secretPromptKey']) expect(classifyKey(name), name).toBeUndefined();
    expect(detect('    public static final String PASSWORD_HELP_KEY = "login.passwordHelp";\n', { file: 'Login.java' })).toEqual([]);
  });
  it('still reads other keys, and a key of the words before a text', () => {
    expect(classifyKey('ENCRYPTION_KEY')?.category).toBe('KEY');
    expect(classifyKey('HINT_SIGNING_KEY')?.category).toBe('KEY');
    expect(classifyKey('PASSWORD_HINT')).toBeUndefined();
  });
});

describe('custom authentication headers and MACs carried with data', () => {
  const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('takes a custom X-…-Auth header as a credential, weak: a generated value only', () => {
    expect(classifyKey('X-Edge-Auth')).toEqual({ category: 'CRED', weak: true });
    expect(found('    proxy_set_header X-Origin-Auth "c0b59b6c0180c6f32984302df10b64af2e8b08b81cf27127";\n', 'deploy/nginx/api.conf')).toEqual([
      'c0b59b6c0180c6f32984302df10b64af2e8b08b81cf27127',
    ]);
    expect(found('    proxy_set_header X-Origin-Auth "edge";\n', 'deploy/nginx/api.conf')).toEqual([]);
  });
  it('takes a custom X-…-Session header as a session token, weak; a plain session name is none', () => {
    expect(classifyKey('X-Crm-Session')).toEqual({ category: 'TOKEN', weak: true });
    expect(classifyKey('X-Session')).toEqual({ category: 'TOKEN', weak: true });
    expect(classifyKey('session')).toBeUndefined();
    expect(classifyKey('X-Session-Timeout')).toBeUndefined();
  });
  it('takes a custom X-…-Api header as an API key, weak; a name that goes on after api is judged by its own last word', () => {
    expect(classifyKey('x-drmtoday-api')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('X-API')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('X-Api-Version')).toBeUndefined();
    expect(classifyKey('payments-api')).toBeUndefined();
    expect(classifyKey('REST_API')).toBeUndefined();
  });
  it('still reads a longer name ending in auth that is no header as a user:password setting', () => {
    expect(classifyKey('MP_SMTP_AUTH')).toBeUndefined();
  });
  it('takes the HMAC of a frame, a packet or a file as a computed MAC, and a service HMAC as its key', () => {
    expect(classifyKey('frameHmac')).toBeUndefined();
    expect(classifyKey('packet_hmac')).toBeUndefined();
    expect(classifyKey('FILE_HMAC')).toBeUndefined();
    expect(classifyKey('ADYEN_HMAC')).toEqual({ category: 'KEY', weak: false });
    expect(found('  private val frameHmac = "949e776ff84c7dce5e85241f728297f7c79be5ead6f54d980bde1807c1d123b6"\n', 'src/test/scala/FrameSpec.scala')).toEqual([]);
  });
});

describe("envelope encryption's data key", () => {
  const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('takes a data key as a key, weak: a generated value only', () => {
    expect(classifyKey('LEDGER_DATA_KEY')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('dataKey')).toEqual({ category: 'KEY', weak: true });
    expect(found('STATEMENTS_DATA_KEY=Zk3vQ9mT2wXr7LpN4bH8cF1dJ6sY0gAeU5oKiR2nWq8=\n', 'billing/.env')).toEqual(['Zk3vQ9mT2wXr7LpN4bH8cF1dJ6sY0gAeU5oKiR2nWq8=']);
  });
  it("leaves a lookup's data key, and a data key kept wrapped by its KMS key", () => {
    expect(found('<Line type="monotone" dataKey="weeklyRevenue" stroke="#8884d8" />\n', 'src/Chart.tsx')).toEqual([]);
    expect(found('const DATA_KEY = "session:profile";\n', 'src/cache.ts')).toEqual([]);
    expect(classifyKey('wrapped_data_key')).toBeUndefined();
    expect(classifyKey('ENCRYPTED_DATA_KEY')).toBeUndefined();
  });
});

describe("an RSA key's private exponent and GameAnalytics' game key", () => {
  const found = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('takes a private exponent as a key, and leaves the modulus and the public exponent', () => {
    expect(classifyKey('SigningPrivateExponent')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('rsa_private_exponent')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('SigningPublicExponent')).toBeUndefined();
    expect(classifyKey('exponent')).toBeUndefined();
    const ini =
      '[/Script/CryptoKeys.CryptoKeysSettings]\nSigningPublicExponent=AQAB\n' +
      'SigningModulus=Vm3Qx8Lr2Tn7Kw4Pz9Hb1Jc6Fd0Sg5Ya+Ue8Io3Np7Rt2Lm6Xw4Kb9Qc1Vd5Fs0Ga8Hy3Jn7Mp2Tw6Rz1Ke4Ub9Lq==\n' +
      'SigningPrivateExponent=Pk7Rw2Lm9Xz4Tq1Nb6Hc3Jd8Fs0Gy5Va/Ue2Io7Kp4Xr9Tm1Lw6Zb3Qn8Hc5Jd0Fs2Gy7Va4Ue9Io1Kp6Xr==\n';
    expect(found(ini, 'Config/DefaultGame.ini')).toEqual(['Pk7Rw2Lm9Xz4Tq1Nb6Hc3Jd8Fs0Gy5Va/Ue2Io7Kp4Xr9Tm1Lw6Zb3Qn8Hc5Jd0Fs2Gy7Va4Ue9Io1Kp6Xr==']);
    expect(found('exponent = 65537\nprivate_exponent: 0x1F\n', 'rsa.yaml')).toEqual([]);
  });

  it("leaves a game key, which ships in the client, and takes the secret key beside it", () => {
    expect(classifyKey('GA_GAME_KEY')).toBeUndefined();
    expect(classifyKey('gameKey')).toBeUndefined();
    expect(classifyKey('GA_SECRET_KEY')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('GAME_SERVER_KEY')).toEqual({ category: 'KEY', weak: false });
    const py = 'GA_GAME_KEY = "c4e19a07d2b85f3e6a1d0c9b8e7f2a45"\nGA_SECRET_KEY = "8b2e4f6a1c3d5e7f9a0b2c4d6e8f1a3b5c7d9e0f"\n';
    expect(found(py, 'export.py')).toEqual(['8b2e4f6a1c3d5e7f9a0b2c4d6e8f1a3b5c7d9e0f']);
    expect(found('<Analytics><GameKey>c4e19a07d2b85f3e6a1d0c9b8e7f2a45</GameKey></Analytics>\n', 'launcher.xml')).toEqual([]);
  });
});

describe('names of the element or field that holds a secret', () => {
  const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('reads an element, tag, XPath or selector named for a password as no secret', () => {
    for (const name of ['PASSWORD_ELEMENT', 'passwordElem', 'TOKEN_TAG', 'passwordXPath', 'PASSWORD_SELECTOR', 'secretLocator']) {
      expect(classifyKey(name), name).toBeUndefined();
    }
    expect(found('static final String PASSWORD_ELEMENT = "PasswordText";\n', 'src/SoapHeader.java')).toEqual([]);
    expect(found("const PASSWORD_SELECTOR = 'input#pw-Field2';\n", 'e2e/login.ts')).toEqual([]);
  });
  it('still reads the secret named before or after such words', () => {
    expect(classifyKey('ELEMENT_PASSWORD')).toEqual({ category: 'PASS', weak: false });
    expect(found('static final String TAG_PASSWORD = "Vr7!Kq2-Lm9Tz";\n', 'src/Nfc.java')).toEqual(['Vr7!Kq2-Lm9Tz']);
  });
});

describe('a salt at the end of a settings key, and a PIN that admits an admin', () => {
  it("takes a salt that ends a four- or five-word name (Shibboleth's idp.persistentId.salt) as a credential needing a strong value", () => {
    for (const name of ['idp.persistentId.salt', 'app.session.cookie.salt']) expect(classifyKey(name), name).toEqual({ category: 'CRED', weak: true });
    for (const name of ['idp.persistentId.salt.length', 'idp.persistentId.saltEncoding']) expect(classifyKey(name)?.category, name).not.toBe('CRED');
    const properties = 'idp.persistentId.salt = Jd7kQ2wLx9RtVb4nMz6cHp1sFg8yTa3EuK0oWq5iNr2\n';
    expect(detect(properties, { file: 'conf/idp.properties' }).map((f) => properties.slice(f.start, f.end))).toEqual(['Jd7kQ2wLx9RtVb4nMz6cHp1sFg8yTa3EuK0oWq5iNr2']);
  });
  it("takes an admin's, a master or an unlock PIN as a password, and a hardware pin as none", () => {
    for (const name of ['KIOSK_ADMIN_PIN', 'masterPin', 'sim_unlock_pin', 'SUPERVISOR_PIN', 'OverridePin', 'MANAGER_PIN']) expect(classifyKey(name), name).toEqual({ category: 'PASS', weak: false });
    for (const name of ['LED_PIN', 'RESET_PIN', 'ADMIN_PIN_LENGTH', 'adminPinned', 'pin']) expect(classifyKey(name), name).toBeUndefined();
    const ts = "export const TERMINAL_ADMIN_PIN = 'Q7RM2XK94T';\nexport const STATUS_LED_PIN = 'P3WN8ZB61V';\n";
    expect(detect(ts, { file: 'src/config.ts' }).map((f) => [f.rule, ts.slice(f.start, f.end)])).toEqual([['generic-assignment', 'Q7RM2XK94T']]);
  });
});

describe('classifyKey: mail subjects and master keys named group-first', () => {
  it("takes a name ending in subject as a mail's subject line, not the secret it is about", () => {
    for (const name of ['password_reset_subject', 'tokenExpiredSubject', 'API_KEY_ROTATED_SUBJECT']) expect(classifyKey(name), name).toBeUndefined();
  });

  it('takes a master under a cipher word as an encryption key, and a master elsewhere as none', () => {
    for (const name of ['keys.encryption.master', 'crypto.master', 'vaultEncryptionMaster']) expect(classifyKey(name), name).toEqual({ category: 'KEY', weak: false });
    for (const name of ['db.master', 'master', 'replication.master', 'encryption.master.enabled']) expect(classifyKey(name), name).toBeUndefined();
  });
});

describe('classifyKey: user keys and lists of SSH keys', () => {
  it("takes userkey written as one word as a user's API key, like user_key, and its id or name as none", () => {
    for (const name of ['userkey', 'USERKEY', 'user_key', 'userKey']) expect(classifyKey(name), name).toEqual({ category: 'KEY', weak: false });
    for (const name of ['user_key_id', 'userKeyName', 'userkey_id']) expect(classifyKey(name), name).toBeUndefined();
  });

  it('takes ssh_keys and authorized_keys as public keys a server lets in (or their fingerprints), not secrets', () => {
    for (const name of ['ssh_keys', 'sshKeys', 'admin_ssh_keys', 'authorized_keys', 'ssh_authorized_keys', 'deploy_authorized_keys']) expect(classifyKey(name), name).toBeUndefined();
    // One key under an ssh name is still a key (often a private one, pasted in CI).
    for (const name of ['ssh_key', 'SSH_PRIVATE_KEY', 'deploy_ssh_key']) expect(classifyKey(name), name).toEqual({ category: 'KEY', weak: false });
  });

  it('reads a JSON userkey beside a provider as a secret, and a Terraform ssh_keys list of fingerprints as none', () => {
    const json = '{"ais": {"provider": "https://api.example-ais.test", "userkey": "Wq3ZkT8vNp2Lx7RbYc4Hd9MfJs6Ga1Ue5Qo0PiVw"}}\n';
    expect(detect(json, { file: 'config/tracking.json' }).map((f) => json.slice(f.start, f.end))).toContain('Wq3ZkT8vNp2Lx7RbYc4Hd9MfJs6Ga1Ue5Qo0PiVw');
    const tf = 'resource "digitalocean_droplet" "web" {\n  ssh_keys = ["7b1e94c03fa25d86e0c4b97a1d3f5e28"]\n}\n';
    expect(detect(tf, { file: 'infra/main.tf' })).toEqual([]);
  });
});

describe("an auth code under an owner's word", () => {
  it("reads vendor_auth_code and its spellings as a credential, like auth_code", () => {
    for (const name of ['auth_code', 'vendor_auth_code', 'vendorAuthCode', 'MERCHANT_AUTH_CODE']) expect(classifyKey(name), name).toEqual({ category: 'CRED', weak: true });
    for (const name of ['auth_code_length', 'vendor_auth_code_url', 'grant_type']) expect(classifyKey(name), name).toBeUndefined();
  });

  it("reports a vendor's auth code in YAML, and leaves OAuth's authorization_code grant type", () => {
    const yaml = 'billing:\n  vendor_id: 40213\n  vendor_auth_code: 9c1e7a04d3b28f56e0a94c7d1b3f82e6a5d09c7b4e1f36a2d8\n';
    expect(detect(yaml, { file: 'config/billing.yml' }).map((f) => yaml.slice(f.start, f.end))).toEqual(['9c1e7a04d3b28f56e0a94c7d1b3f82e6a5d09c7b4e1f36a2d8']);
    const oauth = 'oauth:\n  grant_type: authorization_code\n  vendor_auth_code: ${BILLING_AUTH_CODE}\n';
    expect(detect(oauth, { file: 'config/billing.yml' })).toEqual([]);
  });
});

describe('the seed of a signing key', () => {
  it('reads a seed under a signing or key-pair word as a key, and a random generator’s or a fixture’s seed as before', () => {
    for (const name of ['firmwareSigningSeed', 'RELEASE_ED25519_SEED', 'payout_wallet_master_seed', 'webhookSignerSeed']) expect(classifyKey(name), name).toEqual({ category: 'KEY', weak: false });
    for (const name of ['test_data_seed', 'rng_seed_value', 'demoCatalogSeed']) expect(classifyKey(name), name).toBeUndefined();
    expect(classifyKey('shuffle_seed')).toEqual({ category: 'CRED', weak: true });
  });

  it('finds 40 hex under a signing seed, and leaves 40 hex under a commit, sha or digest name alone', () => {
    const go = 'const (\n\tfirmwareSigningSeed = "7c1e9a4f02b83d65e7a0c4f19b2d86e3a5f07c41"\n)\n';
    expect(detect(go, { file: 'ota/sign.go' }).map((f) => go.slice(f.start, f.end))).toEqual(['7c1e9a4f02b83d65e7a0c4f19b2d86e3a5f07c41']);
    const sha = 'const (\n\tfirmwareBuildCommitSha = "7c1e9a4f02b83d65e7a0c4f19b2d86e3a5f07c41"\n\tfirmwareSigningSeedDigest = "e3a5f07c417c1e9a4f02b83d65e7a0c4f19b2d86"\n)\n';
    expect(detect(sha, { file: 'ota/sign.go' })).toEqual([]);
  });
});

describe("a provider's refresh token named without its `token`", () => {
  it('reads a name ending in refresh after a provider word as a weak token, and a schedule or UI refresh as no secret', () => {
    for (const name of ['HUBSPOT_REFRESH', 'zohoRefresh', 'quickbooks.refresh']) expect(classifyKey(name), name).toEqual({ category: 'TOKEN', weak: true });
    for (const name of ['REFRESH', 'AUTO_REFRESH', 'CACHE_REFRESH', 'REFRESH_INTERVAL', 'pageRefresh', 'refreshRate']) expect(classifyKey(name), name).toBeUndefined();
  });

  it('finds a long random value under it, and leaves intervals, flags and schedules alone', () => {
    const ts = 'const HUBSPOT_REFRESH = "Mv3kQp9Zr_2Lx7Wn-Tb4Yc8Hd1Fs6Gj0Ka5Ue";\n';
    expect(detect(ts, { file: 'etl/sync.ts' }).map((f) => ts.slice(f.start, f.end))).toEqual(['Mv3kQp9Zr_2Lx7Wn-Tb4Yc8Hd1Fs6Gj0Ka5Ue']);
    const schedules = [
      'const HUBSPOT_REFRESH = "45s";',
      'const REFRESH = "30s";',
      'export const AUTO_REFRESH = true;',
      'const CACHE_REFRESH = "hourly";',
      'const REFRESH_INTERVAL = 900;',
      'const ZOHO_REFRESH = "every-6-hours";',
      'const XERO_REFRESH = "0 */4 * * *";',
    ].join('\n');
    expect(detect(schedules, { file: 'etl/sync.ts' })).toEqual([]);
  });
});

describe("classifyKey on a licence's name", () => {
  it("reads a service's licence (its name says whose) as a key that needs a generated value", () => {
    expect(classifyKey('MAXMIND_LICENSE')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('apmLicence')).toEqual({ category: 'KEY', weak: true });
  });

  it("leaves a bare licence and a project's or a package's licence", () => {
    expect(classifyKey('license')).toBeUndefined();
    expect(classifyKey('PROJECT_LICENSE')).toBeUndefined();
    expect(classifyKey('spdx_license')).toBeUndefined();
    expect(classifyKey('package.license')).toBeUndefined();
  });
});

describe('OCLC web service keys', () => {
  it('takes wskey as a key, and ws_key as a key only when its value is generated', () => {
    expect(classifyKey('OCLC_WSKEY')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('wskey')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('worldcat_ws_key')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('wsKeyName')).toBeUndefined();
    const key = 'Tq9LmZ2vR8xKp4WcN7bHs3YfJ6dGa1UeQ5oVi0rXt2kPz8Lw';
    expect(detect(`OCLC_WSKEY=${key}\n`, { file: '.env' }).map((f) => f.rule)).toEqual(['generic-assignment']);
    expect(detect('ws_key = "handshake"\n', { file: 'client.py' })).toEqual([]);
  });
});

describe('a value published or revealed on purpose', () => {
  it('reads a name qualified by published or revealed as no secret, like a public one', () => {
    for (const name of ['PUBLISHED_SEED', 'revealedNonce', 'published_draw_seed', 'raffle.revealed.secret']) expect(classifyKey(name), name).toBeUndefined();
    expect(classifyKey('DRAW_SEED')).toBeDefined();
    expect(classifyKey('publish_key')).toBeDefined();
  });

  it('leaves a published draw seed alone and still finds an unpublished one', () => {
    const py = '# seeds go out with the results\nPUBLISHED_SEED = "9f2c41ab07de83c65b1e0f94a2d7c3b85e6a10f47d92c3e8b05a6f1d2c7e9b34"\n';
    expect(detect(py, { file: 'raffle/draw.py' })).toEqual([]);
    const secret = 'SIGNING_SEED = "9f2c41ab07de83c65b1e0f94a2d7c3b85e6a10f47d92c3e8b05a6f1d2c7e9b34"\n';
    expect(detect(secret, { file: 'raffle/draw.py' }).length).toBe(1);
  });
});

describe('a password named after the component it belongs to', () => {
  it('reads a cache or a table word before a password as whose password it is', () => {
    expect(classifyKey('TileCache.password')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('REDIS_CACHE_PASSWORD')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('primaryPassword')).toEqual({ category: 'PASS', weak: false });
  });

  it('still reads those words before a key as a lookup key', () => {
    expect(classifyKey('TileCache.key')).toBeUndefined();
    expect(classifyKey('cache_key')).toBeUndefined();
    expect(classifyKey('sort_key')).toBeUndefined();
    expect(classifyKey('password_hash')).toBeUndefined();
  });
});

describe("classifyKey on a licence named for a product's device", () => {
  it('reads the last word: a descriptive word that names the product, away from the end, does not make it a digest', () => {
    expect(classifyKey('scanner.fingerprint.device.license')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('HASH_ENGINE_LICENCE')).toEqual({ category: 'KEY', weak: true });
  });

  it("leaves a licence's fingerprint or checksum, which the name ends in", () => {
    expect(classifyKey('license_fingerprint')).toBeUndefined();
    expect(classifyKey('reader.license.checksum')).toBeUndefined();
  });
});

describe('a pre-shared key named for its site or network', () => {
  it('reads a qualifier after psk as which key it is', () => {
    expect(classifyKey('wifi_psk_office')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('WPA_PSK_GUEST')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('vpnPskSite2')).toEqual({ category: 'PASS', weak: false });
  });

  it("leaves the key's identity and settings about it", () => {
    expect(classifyKey('psk_identity')).toBeUndefined();
    expect(classifyKey('wifi_psk_identity_hint')).toBeUndefined();
    expect(classifyKey('wifi_psk_length')).toBeUndefined();
    expect(classifyKey('psk_file')).toBeUndefined();
  });

  it('leaves a modulation order after psk (PSK_8, APSK_16: 8-PSK, 16-APSK)', () => {
    expect(classifyKey('PSK_8')).toBeUndefined();
    expect(classifyKey('QPSK_4')).toBeUndefined();
  });
});

describe('a vendor whose name ends in key', () => {
  it('reads a key after a word that happens to end in key (PDFMonkey, SurveyMonkey) as a key', () => {
    expect(classifyKey('PdfMonkeyKey')).toEqual({ category: 'KEY', weak: true });
    expect(classifyKey('SURVEY_MONKEY_KEY')).toEqual({ category: 'KEY', weak: true });
  });

  it('still leaves lookup and keyboard keys', () => {
    expect(classifyKey('hotKey')).toBeUndefined();
    expect(classifyKey('CACHE_KEY')).toBeUndefined();
  });
});

describe('the public half of a signing key pair', () => {
  it('leaves verify and verification keys, which check signatures and are handed out', () => {
    for (const name of ['VerifyKey', 'verifyKey', 'verificationKey', 'VERIFY_KEY', 'OTA_VERIFYING_KEY', 'webhook_verification_keys']) expect(classifyKey(name), name).toBeUndefined();
  });

  it('still reads the signing half, and a webhook\'s verify token, as secrets', () => {
    expect(classifyKey('signingKey')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('verify_token')).toEqual({ category: 'TOKEN', weak: false });
    expect(classifyKey('VERIFICATION_TOKEN')).toEqual({ category: 'TOKEN', weak: false });
  });

  it('reports no value assigned to a verify key', () => {
    const text = 'const VerifyKey = "5b0e29f6d4a1c87e9e4c1a7f03b8d25e6a0f4c9b1d7e38a5c2f60b94e1d8a73c"\n';
    expect(detect(text, { file: 'sign.go' })).toEqual([]);
  });
});

describe('export and import tokens', () => {
  it("reads an application's export or import token as a credential, not a handle", () => {
    expect(classifyKey('exportToken')?.category).toBe('TOKEN');
    expect(classifyKey('IMPORT_TOKEN')?.category).toBe('TOKEN');
    expect(classifyKey('nextToken')).toBeUndefined();
  });
  it('reports 40 hex digits under such a name and leaves the handles AWS issues by that name', () => {
    const hex = 'b3e07f1a9c2d4e58a6f0b7c1d2e3f4a5b6c7d8e9';
    const text = (name: string, v: string): string => `<?php\nclass Exporter {\n    private string $${name} = '${v}';\n}\n`;
    const values = (t: string): string[] => detect(t, { file: 'app/Exporter.php' }).map((f) => t.slice(f.start, f.end));
    expect(values(text('exportToken', hex))).toEqual([hex]);
    expect(values(text('import_token', hex))).toEqual([hex]);
    expect(values(text('exportToken', 'export-token-q7mz2kx9wv4tr8np'))).toEqual([]);
    expect(values(text('ImportToken', 'import-token-h3pd8ws2lc6yjn0f'))).toEqual([]);
    expect(values(text('commitSha', hex))).toEqual([]);
  });
});

describe("classifyKey: an operator's PIN", () => {
  it("takes the PIN a terminal's or an encoder's operator signs in with as a password, numeric or not", () => {
    for (const name of ['operatorPin', 'OPERATOR_PIN', 'pos.operator-pin']) expect(classifyKey(name), name).toEqual({ category: 'PASS', weak: false });
    for (const name of ['OPERATOR_PIN_LENGTH', 'operatorPinned', 'operator']) expect(classifyKey(name)?.category, name).not.toBe('PASS');
    const cs = 'var terminal = new PosTerminal(\n    host: "pos-3.shop.lan",\n    operatorPin: "804193");\n';
    expect(detect(cs, { file: 'Program.cs' }).filter((f) => f.rule === 'generic-assignment').map((f) => cs.slice(f.start, f.end))).toEqual(['804193']);
    // A counting run and one digit repeated stand in for a PIN.
    const py = 'OPERATOR_PIN = "123456"\nOPERATOR_PIN_FALLBACK = "000000"\n';
    expect(detect(py, { file: 'settings.py' }).map((f) => py.slice(f.start, f.end))).toEqual([]);
  });
});

describe('classifyKey: a password word as a modifier', () => {
  it('reads names of things that need, lack or sit behind a password as no secret', () => {
    for (const name of ['passwordProtectedRecitals', 'password_protected_pages', 'PASSWORD_GATED_ROOMS', 'passwordless', 'passwordlessSignIn', 'PASSPHRASE_PROTECTED'])
      expect(classifyKey(name), name).toBeUndefined();
    const js = 'export const passwordProtectedRecitals = ["3f6b2d1e-7c9a-4e05-b8d2-61a4c0f9e7b3"];\n';
    expect(detect(js, { file: 'src/player.js' })).toEqual([]);
  });

  it('still reads the password of such a thing, the words after the modifier, and the password itself', () => {
    expect(classifyKey('password_protected_password')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('passwordProtectedKey')?.category).toBe('KEY');
    expect(classifyKey('protected_password')).toEqual({ category: 'PASS', weak: false });
    expect(classifyKey('passwordlessToken')?.category).toBe('TOKEN');
  });
});

describe('a license service signing IV', () => {
  it('classifies the IV issued with a signing key, and leaves a cipher IV alone', () => {
    expect(classifyKey('SIGNING_IV')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('widevineSigningIv')).toEqual({ category: 'KEY', weak: false });
    expect(classifyKey('aes_iv')).toBeUndefined();
    expect(classifyKey('iv')).toBeUndefined();
  });
  it('reports the signing IV beside its key, in code and config', () => {
    const IV = '9b2e7d4a1c8f3e60b5a2d9c7e4f1a038';
    const found = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
    expect(found(`const SIGNING_IV = Buffer.from("${IV}", "hex");\n`, 'drm.ts')).toEqual([IV]);
    expect(found(`widevine_signing_iv: "m3Qz8Wt2Lk7Xv4Rp9Nb1Hc=="\n`, 'pipeline.yaml')).toEqual(['m3Qz8Wt2Lk7Xv4Rp9Nb1Hc==']);
    expect(found(`const AES_IV = "${IV}";\n`, 'drm.ts')).toEqual([]);
  });
});

describe('a drawn string read where a name goes', () => {
  it('names nothing, whatever its last letters spell (an AWS Marketplace product code ending in `pw`)', () => {
    expect(classifyKey('d44g89hc0gp9jdzm99rznthpw')).toBeUndefined();
    expect(classifyKey('x7k2m9q4v8r3token')).toBeUndefined();
  });
  it('still reads names holding a digit or two', () => {
    expect(classifyKey('db2_password')?.category).toBe('PASS');
    expect(classifyKey('mysql8RootPassword')?.category).toBe('PASS');
    expect(classifyKey('aes256Key')?.category).toBe('KEY');
  });
});

describe('search keys named by what the key may do, not by the library', () => {
  it("leaves Algolia's search key and reads the key algoliasearch-rails is configured with", () => {
    const values = (text: string) => detect(text, { file: 'config/initializers/algolia.rb' }).map((f) => text.slice(f.start, f.end));
    const hex = 'c8aa65a79ef9572e9195b5d83771bfcc';
    expect(values(`  AlgoliaSearch.configuration[:api_key] = "${hex}"\n`)).toEqual([hex]);
    expect(values(`AlgoliaSearch.configuration = { application_id: "K7QZ2M4PXA", api_key: "${hex}" }\n`)).toEqual([hex]);
    expect(values(`ALGOLIA_SEARCH_ONLY_API_KEY = "${hex}"\nalgolia_search_key = "${hex}"\n`)).toEqual([]);
    expect(values(`algolia = { search: { api_key: "${hex}" } }\n`)).toEqual([]);
  });
});

describe("an Elixir release's distribution cookie", () => {
  it('reads RELEASE_COOKIE as the Erlang cookie it is, and leaves a lookup of it', () => {
    const values = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
    expect(classifyKey('RELEASE_COOKIE')).toEqual({ category: 'PASS', weak: false });
    expect(values('RELEASE_COOKIE=PODLARK_FEEDS_7c1e9d0a4b\n', '.env')).toEqual(['PODLARK_FEEDS_7c1e9d0a4b']);
    expect(values('export RELEASE_COOKIE="Zk3mP9qR2vX8wL5nQ7tY"\n', 'rel/env.sh.eex')).toEqual(['Zk3mP9qR2vX8wL5nQ7tY']);
    expect(values('releaseCookie: "{{ requiredEnv \\"RELEASE_COOKIE\\" }}"\n', 'values-prod.yaml')).toEqual([]);
  });
});
