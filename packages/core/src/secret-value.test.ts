import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasCountingRun, isApplicationPassword, isInterleavedCounting, isNameShaped, isPlaceholder, isPlausibleSecret, isPublicValue, isStoredPasswordHash, isTestFile } from './secret-value.js';
import { detect } from './index.js';

describe('a stand-in word with digits', () => {
  it('is a stand-in when the digits are few, count, repeat or number (password123, test001)', () => {
    for (const v of ['password1', 'Password12', 'password123', 'test4321', 'changeme000', 'letmein9', 'test001', 'Password123!']) expect(isPlaceholder(v), v).toBe(true);
  });

  it('is a real password when three digits or more neither count nor repeat (a help desk initial password)', () => {
    for (const v of ['Password8267!', 'Letmein661!', 'Password3647$', 'letmein7893']) {
      expect(isPlaceholder(v), v).toBe(false);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(true);
    }
  });

  it("is the JDK keystore's default `changeit` alone; a variant of it is a password an admin chose instead", () => {
    expect(isPlaceholder('changeit')).toBe(true);
    for (const v of ['changeit2', 'Changeit22']) {
      expect(isPlaceholder(v), v).toBe(false);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(true);
    }
  });
});

describe("a test suite's numbered stand-ins", () => {
  const plausible = (v: string, file: string): boolean => isPlausibleSecret(v, { category: 'PASS', quoted: true, file });

  it("are no secrets in a test file when typed as a digit run and a letter to pass a form's check (`123123q`, Magento's integration-test database password)", () => {
    for (const v of ['123123q', '123456a', 'a111111', 'qa654321']) {
      expect(plausible(v, 'dev/tests/integration/etc/install-config-mysql.php'), v).toBe(false);
      expect(plausible(v, 'app/etc/env.php'), v).toBe(true);
    }
    // Digits that neither count nor repeat, or more than a letter or two, are judged as any value.
    for (const v of ['739146q', 'Qx123123q!']) expect(plausible(v, 'tests/integration/etc/install-config-mysql.php'), v).toBe(true);
  });

  it('are no secrets in a test file (`password: "secret123"`, `token: "token2"`, `password: "peanuts"`)', () => {
    for (const file of ['test/redact.test.js', 'src/__tests__/auth.ts', 'pkg/client_test.go', 'tests/test_login.py', 'src/test/java/AuthTest.java', 'spec/api.spec.ts']) {
      expect(isTestFile(file), file).toBe(true);
      for (const v of ['secret1', 'secret123', 'token2', 'apikey42', 'peanuts', 'different']) expect(plausible(v, file), `${v} in ${file}`).toBe(false);
      // A passphrase of several words is as real in a test as anywhere.
      expect(plausible('correct-horse-battery-staple', file), file).toBe(true);
      // A password made to a complexity policy stays one, in tests too.
      expect(plausible('Secret8267!', file), file).toBe(true);
    }
  });

  it('are no secrets in a test file when plain words say test, mock, fake or dummy (`unit-test-password`)', () => {
    for (const file of ['tests/Keelson.Tests/Integrations/DatClientTests.cs', 'Portal.Tests/DownloadServiceTests.cs', 'spec/api.spec.ts']) {
      for (const v of ['unit-test-password', 'correct-horse-battery-staple-TEST', 'mock_api_secret', 'Fake.Signing.Key']) expect(plausible(v, file), `${v} in ${file}`).toBe(false);
      // Digits or symbols make a chosen password, and words that say no test are a passphrase.
      for (const v of ['unit-test-Pa55word', 'Test-Horse!Battery', 'Tamarind-Glacier-Staple']) expect(plausible(v, file), `${v} in ${file}`).toBe(true);
    }
    expect(plausible('unit-test-password', 'src/Keelson/DatClient.cs')).toBe(true);
  });

  it('are no keys when base64 of words says so (`unit-test-secret-do-not-use`), in a test file or with `not`', () => {
    const key = (v: string, file: string): boolean => isPlausibleSecret(v, { category: 'KEY', quoted: true, file });
    const b64 = (text: string): string => Buffer.from(text).toString('base64');
    for (const file of ['internal/exchanges/kraken_test.go', 'spec/api.spec.ts']) {
      for (const t of ['unit-test-secret-do-not-use', 'mock-turtle-soup', 'fake_signing_key']) expect(key(b64(t), file), `${t} in ${file}`).toBe(false);
      // Words that say no test, encoded, may be a passphrase as much as unencoded.
      expect(key(b64('tamarind-glacier-staple'), file), file).toBe(true);
    }
    // Outside tests the words must say the value is not real; a passphrase with a test word may be one (a Kubernetes secret's data).
    expect(key(b64('unit-test-secret-do-not-use'), 'internal/exchanges/kraken.go')).toBe(false);
    expect(key(b64('fake-key-not-real'), 'k8s/secret.yaml')).toBe(false);
    expect(key(b64('mock-turtle-soup'), 'k8s/secret.yaml')).toBe(true);
  });

  it('are taken as weak passwords outside tests (`user:secret123@host`)', () => {
    for (const file of ['src/config.js', 'deploy/latest.java', 'contest/app.py', 'attestation/keys.yaml']) {
      expect(isTestFile(file), file).toBe(false);
      expect(plausible('secret123', file), file).toBe(true);
      expect(plausible('peanuts', file), file).toBe(true);
    }
  });
});

describe('a password written to a complexity policy under a key name', () => {
  it('is a secret under `secret` too, though it switches case and digits too seldom for a generated key', () => {
    for (const v of ['Password3647$', 'Winter!2015', 'Fabrikam8030$']) expect(isPlausibleSecret(v, { category: 'KEY', quoted: true }), v).toBe(true);
  });

  it('leaves words with spaces, versions and values under a bare key word alone', () => {
    for (const v of ['Section 5.1 Items!', 'Winter 2015 Sale!', 'v1.2.3-Beta', 'Release-2.4.1']) expect(isPlausibleSecret(v, { category: 'KEY', quoted: true }), v).toBe(false);
    expect(isPlausibleSecret('Winter!2015', { category: 'KEY', quoted: true, weakKey: true })).toBe(false);
  });
});

describe('base64 of a login with no password', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it("is no secret when the user is the nil UUID (ACR's token login), a stand-in or a plain login name", () => {
    for (const v of ['00000000-0000-0000-0000-000000000000:', 'registry-deploy-robot:']) expect(isPlausibleSecret(b64(v), { category: 'PASS', quoted: true }), v).toBe(false);
  });
  it('is a secret when the user is itself a key, or a password follows', () => {
    for (const v of ['sk_live_Rk5Tz8Wq2Nx7Lm4Pv9Bc3Hd6:', '00000000-0000-0000-0000-000000000000:Hv8Qz3Lm6Tx1Rp4Wn9Kc']) expect(isPlausibleSecret(b64(v), { category: 'PASS', quoted: true }), v).toBe(true);
  });
});

describe('a key filled in with zeros', () => {
  it('is a stand-in from ten zeros running (`sk_test_51Mz0000000000000000000000`), not from a few', () => {
    for (const v of ['sk_test_51Mz0000000000000000000000', 'AKIA0000000000000000', 'ghp_0000000000000000000000000000000000000000']) expect(isPlaceholder(v), v).toBe(true);
    for (const v of ['sk_test_51Mz000000000VJ4e0X2gq9WkXt7a', '7a41c09e5bd2000000f86a1e07c4d92b']) expect(isPlaceholder(v), v).toBe(false);
  });
});

describe('a Web Push public key', () => {
  it('is no secret as an uncompressed P-256 point (87 base64url characters from `B`), under any name', () => {
    expect(isPlausibleSecret('BPzL8pw4Vh2mRk7sT9qN3xC5dF1gJ6hK0lM4nB8vX2zQ7wE3rT5yU9iO1pA6sD4fG8hJ2kL5zX9cV3bN7mQ1wE4', { category: 'KEY', quoted: true })).toBe(false);
    // A value one character longer or shorter is no point, and is judged as any key.
    expect(isPlausibleSecret('BPzL8pw4Vh2mRk7sT9qN3xC5dF1gJ6hK0lM4nB8vX2zQ7wE3rT5yU9iO1pA6sD4fG8hJ2kL5zX9cV3bN7mQ1wE', { category: 'KEY', quoted: true })).toBe(true);
  });
});

describe('substitution variables and published database defaults', () => {
  it('is no secret when it is a TIBCO substitution variable (`%%NAME%%`)', () => {
    for (const v of ['%%DB_PASSWORD%%', '%%Crm.Api.Secret%%']) expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    // Percent signs inside a generated password leave it one.
    for (const v of ['%%Xk29!pqLm', 'Wq%%7vLm2Rz%%']) expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(true);
  });
  it("is no secret when it is a database image's documented default (`oracle`, like `postgres`)", () => {
    for (const v of ['oracle', 'Oracle', 'postgres', 'wordpress']) expect(isPlausibleSecret(v, { category: 'PASS', quoted: false }), v).toBe(false);
    expect(isPlausibleSecret('wordpress', { category: 'PASS', quoted: true, file: 'vip-site/wp-config-local.php' })).toBe(false);
    expect(isPlausibleSecret('oracle19c!Prod', { category: 'PASS', quoted: false })).toBe(true);
    expect(isPlausibleSecret('Wordpress-Prod-2024!', { category: 'PASS', quoted: true, file: 'wp-config.php' })).toBe(true);
  });
  it("is no secret when it is IBM MQ's developer default (`passw0rd`) as written, and is one in another case or made from it", () => {
    expect(isPlausibleSecret('passw0rd', { category: 'PASS', quoted: true })).toBe(false);
    for (const v of ['passW0rd!', 'Passw0rd-Qm7!Wren']) expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(true);
  });
});

describe("a shell variable escaped for Compose or make (`$$NAME`)", () => {
  it('is no secret: `$$` is how a Compose file or a Makefile writes the shell\'s `$`', () => {
    for (const v of ['$$MYSQL_ROOT_PASSWORD', '$${DB_PASSWORD}', '$$(cat /run/secrets/db)']) {
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    }
  });
  it('leaves a password with dollars inside or after a symbol one', () => {
    for (const v of ['Pa$$w0rd-WP-2024', 'R00t-Pa$$-Harbor!9', '!$$Kx9mQ2vLp']) expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(true);
  });
});

describe('a generated key that starts with `$` and a letter', () => {
  it('is a secret: a WordPress salt is drawn from all of printable ASCII, so `$` opens one by chance', () => {
    const salt = '$ew]0?.=F!4G4LJuW]|9F!%Yw%TX[xKY$hHz,t{e3`oo*G:?,zE2[dfk(bO7B}t4';
    expect(isPlausibleSecret(salt, { category: 'KEY', quoted: true, file: 'wp-config.php' })).toBe(true);
  });
  it('leaves a variable or a command whatever follows it', () => {
    for (const v of ['$WP_AUTH_KEY', '${AUTH_KEY:-changeme}', '$(openssl rand -base64 48)', '$_ENV["AUTH_KEY"] . $salt']) {
      expect(isPlausibleSecret(v, { category: 'KEY', quoted: true, file: 'wp-config.php' }), v).toBe(false);
    }
  });
});

describe('base64 DER under a key name', () => {
  const plausible = (v: string): boolean => isPlausibleSecret(v, { category: 'KEY', quoted: true, weakKey: true, file: 'keys.js' });

  it('is public as a SubjectPublicKeyInfo (npm registry signing keys) and private as PKCS #8 or SEC 1', () => {
    for (const [type, options] of [['ec', { namedCurve: 'P-256' }], ['ec', { namedCurve: 'P-384' }], ['rsa', { modulusLength: 1024 }]] as const) {
      const { publicKey, privateKey } = generateKeyPairSync(type as 'ec', options as { namedCurve: string });
      const der = (key: { export(o: object): Buffer }, o: object): string => key.export({ format: 'der', ...o }).toString('base64');
      expect(plausible(der(publicKey, { type: 'spki' })), `${type} spki`).toBe(false);
      expect(plausible(der(privateKey, { type: 'pkcs8' })), `${type} pkcs8`).toBe(true);
      if (type === 'ec') expect(plausible(der(privateKey, { type: 'sec1' })), `${type} sec1`).toBe(true);
    }
  });

  it('is a secret though a short stand-in word turns up in its base64 by chance (`fAKe`, `xxxx`), not when the word stands alone', () => {
    const random = 'MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAK7Qm3vT8zLx2Rk9Wp3Nc7Hb1Yd6Gf0Js5Ae2Ui8OqW';
    for (const word of ['fAKe', 'xXxX', 'DuMmY', 'lorem']) {
      const chance = random.slice(0, 50) + word + random.slice(50);
      expect(plausible(chance), chance).toBe(true);
    }
    expect(plausible('FAKE/' + random)).toBe(false);
  });

  it('is no version range either (package.json dependencies on names with `pass` in them)', () => {
    for (const v of ['^7.1.3', '~1.2.4', '>=4.0.1 <5', '1.x || ^2.0.0', 'v2.3.1', '0.7.0']) expect(isPlausibleSecret(v, { category: 'PASS', quoted: true, file: 'package.json' }), v).toBe(false);
    expect(isPlausibleSecret('^7a.1.3Zq', { category: 'PASS', quoted: true, file: 'package.json' })).toBe(true);
  });
});

describe('words of code around a password that are not it', () => {
  const plausible = (v: string): boolean => isPlausibleSecret(v, { category: 'PASS', quoted: true, file: 'lib/auth.js' });

  it("takes no encoding's name (`Buffer.from(password, 'utf8')`) and no prompt (`readUserInfo.password('Current password: ')`)", () => {
    for (const v of ['utf8', 'utf-8', 'base64', 'base64url', 'latin1', 'hex', 'Current password: ', '       Again:     ', 'Enter passphrase (empty for none):']) expect(plausible(v), v).toBe(false);
    for (const v of ['utf8-Kq8z!x', 'Again:9xQ', 'hex4Lz!mQ2']) expect(plausible(v), v).toBe(true);
  });

  it('takes a value that says it is not the real one for a stand-in (`not my real password`)', () => {
    for (const v of ['not my real password', 'isaacs:not-my-real-password']) expect(isPlaceholder(v), v).toBe(true);
  });
});

describe('a regular expression after a password name (blind set 57)', () => {
  const plausible = (v: string): boolean => isPlausibleSecret(v, { category: 'PASS', quoted: true, file: 'vector/vector.toml' });

  it("is no password when it is a character-class escape alone, maybe repeated (a redaction pattern's `password=\\\\S+`)", () => {
    for (const v of ['\\S+', '\\\\S+', '\\w*', '\\d{4}', '\\\\d{2,8}']) expect(plausible(v), v).toBe(false);
  });

  it('is still a password when the escape is part of it', () => {
    for (const v of ['\\S+Kq8z!x', 'Wm4\\d+Tq8z', '\\\\Srv-Otter-19']) expect(plausible(v), v).toBe(true);
  });
});

describe('a token of letters only', () => {
  it('takes random capitals and small letters as generated, though capitals run to seven', () => {
    expect(isPlausibleSecret('QwLpZrTxMvBnKjHgFdSaPoIuYtReWqAs', { category: 'TOKEN', quoted: true })).toBe(true);
    expect(isPlausibleSecret('KvRtpYqzWxJfnsLGaoHbMEQWXRTdueNz', { category: 'TOKEN', quoted: true })).toBe(true);
  });
  it('still turns down camel-case names and runs of capitals longer than an acronym', () => {
    expect(isPlausibleSecret('ThisIsTheConfigurationForTheApp', { category: 'TOKEN', quoted: true })).toBe(false);
    expect(isPlausibleSecret('KvRtpYqzWxJfnsLGAOHBMEQWdueNsTxa', { category: 'TOKEN', quoted: true })).toBe(false);
  });
});

describe('a WordPress application password', () => {
  it('is six groups of four random letters and digits', () => {
    expect(isApplicationPassword('Qm4T xR7w Lp2K vN8s Ht5Y bZ3c')).toBe(true);
    expect(isApplicationPassword('abcd efgh ijkl mnop qrst uvwx')).toBe(false);
    expect(isApplicationPassword('Team Plan Grid View Show More')).toBe(false);
    expect(isApplicationPassword('Qm4T xR7w Lp2K vN8s Ht5Y')).toBe(false);
  });
});

describe('a composed password that reads like member access', () => {
  const bare = (value: string, file: string) => isPlausibleSecret(value, { category: 'PASS', quoted: false, file });
  it('takes a capitalised word and a number, a dot and a word as a password outside program source', () => {
    expect(bare('Harbor27.quietLantern', 'deploy/docker-compose.yml')).toBe(true);
    expect(bare('Maple913.ridge', 'conf/app.ini')).toBe(true);
  });
  it('takes capitalised words joined by dots with a number ending the last as a password outside program source', () => {
    expect(bare('Rivet.Willow69', 'android/gradle.properties')).toBe(true);
    expect(bare('Hands.Cut74', 'ops/ansible/inventory.ini')).toBe(true);
    expect(bare('Ferry.Lamp.Quay801', 'deploy/values.yaml')).toBe(true);
    expect(bare('Rivet.Willow69', 'app/src/Signing.kt')).toBe(false);
    expect(bare('Settings.AdminPassword', 'conf/app.ini')).toBe(false);
    expect(bare('Config.Password', 'conf/app.ini')).toBe(false);
  });
  it('still reads a setting or an object it refers to as a name, and any dotted name in code', () => {
    expect(bare('config.dbPassword', 'deploy/docker-compose.yml')).toBe(false);
    expect(bare('db1.password', 'deploy/docker-compose.yml')).toBe(false);
    expect(bare('Settings.adminPassword', 'deploy/docker-compose.yml')).toBe(false);
    expect(bare('Harbor27.quietLantern', 'src/settings.py')).toBe(false);
    expect(isPlausibleSecret('Harbor27.quietLantern', { category: 'TOKEN', quoted: false, file: 'deploy/docker-compose.yml' })).toBe(false);
  });
});

describe('a generated password with a dot inside', () => {
  const bare = (value: string, file: string) => isPlausibleSecret(value, { category: 'PASS', quoted: false, file });
  it('takes random letters around a dot as a password outside program source', () => {
    expect(bare('QmvtRzkWxpLdHc.nTq4', 'etc/backup/offsite.conf')).toBe(true);
    expect(bare('Wk.ZptRmqXvLc', 'conf/app.ini')).toBe(true);
  });
  it('still reads a chain of names as a reference, and a dotted value in code, under a weak name or not a password as none', () => {
    for (const name of ['settings.SECRET_KEY', 'os.environ.get', 'ENV.fetchKey', 'XMLHttpRequest.prototype.getResponseHeader', 'Rails.application.credentials', 'vars.MySecretValue', 'window.APP_CONFIG']) {
      expect(bare(name, 'etc/backup/offsite.conf'), name).toBe(false);
    }
    expect(bare('QmvtRzkWxpLdHc.nTq4', 'src/backup.py')).toBe(false);
    expect(isPlausibleSecret('QmvtRzkWxpLdHc.nTq4', { category: 'PASS', quoted: false, weakKey: true, file: 'etc/backup/offsite.conf' })).toBe(false);
  });
});

describe('a passphrase of dotted words with a number glued to the last', () => {
  const bare = (value: string, file: string) => isPlausibleSecret(value, { category: 'PASS', quoted: false, file });
  it('takes three words or more and a number as a password outside program source', () => {
    expect(bare('lantern.quay.pebble42', 'src/main/resources/application.properties')).toBe(true);
    expect(bare('copper.meadow.violet.harbor7', 'config/client.properties')).toBe(true);
    expect(bare('lantern.quay.pebble42', 'config/app.yaml')).toBe(true);
  });
  it('takes the last word capitalised, or a capital alone, before the number', () => {
    expect(bare('saxifraga.alpina.R7', 'android/gradle.properties')).toBe(true);
    expect(bare('moss.harbour.Tern4', 'config/client.properties')).toBe(true);
    for (const name of ['app.secrets.Password2', 'spring.datasource.Hikari', 'com.example.R', 'pool.Conn2']) {
      expect(bare(name, 'android/gradle.properties'), name).toBe(false);
    }
    expect(bare('saxifraga.alpina.R7', 'app/src/main/java/Config.java')).toBe(false);
  });
  it('still reads a property path, a module path, a host or a setting it points to as a name', () => {
    for (const name of ['spring.datasource.password', 'ssl.keystore.location', 'kafka.client.jks', 'java.lang.String', 'org.apache.coyote.http11', 'app.secrets.password2', 'vault.config.token1', 'cfg.srv.pwd01', 'web.prod.local']) {
      expect(bare(name, 'src/main/resources/application.properties'), name).toBe(false);
    }
    // Two words are a member and its index as often (`pool.conn2`); in code, and under a weak name, none.
    expect(bare('pebble.quay42', 'config/app.properties')).toBe(false);
    expect(bare('lantern.quay.pebble42', 'src/Settings.java')).toBe(false);
    expect(isPlausibleSecret('lantern.quay.pebble42', { category: 'PASS', quoted: false, weakKey: true, file: 'config/app.properties' })).toBe(false);
  });
});

describe('an AWS KMS ciphertext blob', () => {
  const blob = `AQICAHh${'q7Z2vK9mW4xR8tL3nB6pD1cF5hJ0gYeUoNsA'.repeat(5)}==`;
  it('is sealed by its KMS key, no secret, under any key name', () => {
    expect(isPlausibleSecret(blob, { category: 'KEY', quoted: true })).toBe(false);
    expect(isPlausibleSecret(blob.replace('AQICAH', 'AQECAH'), { category: 'KEY', quoted: true })).toBe(false);
  });
  it('is told by its header and length: a short value that opens the same way is still judged', () => {
    expect(isPlausibleSecret('AQICAHq7Z2vK9mW4xR8tL3nB6pD1cF5', { category: 'KEY', quoted: true })).toBe(true);
  });
});

describe('a value a test types to see a login fail', () => {
  it('is a stand-in when made of such words only', () => {
    for (const v of ['wrong-password', 'not-the-right-password', 'invalid_token', 'BadPassword', 'incorrect-secret']) {
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    }
  });
  it('still leaves a password that holds one of the words among others', () => {
    expect(isPlausibleSecret('wrong-Harbor-71-Gale!', { category: 'PASS', quoted: true })).toBe(true);
  });
});

describe('a value opening or closing with .* or .+', () => {
  const plausible = (v: string): boolean => isPlausibleSecret(v, { category: 'PASS', quoted: true });

  it('is a regular expression when the rest holds words, escapes, groups or an anchor', () => {
    for (const v of ['.*\\.corp\\.example$', '.+@example\\.org', '^/internal/.*', '.*Chrome/1[0-9]{2}', '.+(staging|qa)', '.*secret.*', '.+Password']) expect(plausible(v), v).toBe(false);
  });

  it("is a generated password when the rest mixes capitals, small letters and digits and holds no other pattern syntax", () => {
    for (const v of ['.+Rw7^kQ2-zLm9Tx^4bn', '.*Hq3~Zv8mPw2Lk5n', 'Tz4kW9^pLq2-Rv8m.+']) expect(plausible(v), v).toBe(true);
  });
});

describe("an Okta OAuth client id", () => {
  it('is public, as a Google OAuth client id is: in every authorize URL and single-page app', () => {
    expect(isPlausibleSecret('0oaR4kT9mZq2LxW7vN3p', { category: 'KEY', quoted: true })).toBe(false);
    expect(isPublicValue('0oaR4kT9mZq2LxW7vN3p')).toBe(true);
  });
  it("still takes a value of other lengths or Okta's API token (00 and 40) as a secret", () => {
    expect(isPlausibleSecret('0oaR4kT9mZq2LxW7vN3pQ8', { category: 'KEY', quoted: true })).toBe(true);
    expect(isPlausibleSecret('00Rk4vT9mZq2LxW7vN3pQ8sH5jYb1cFd6gKe0uAw', { category: 'KEY', quoted: true })).toBe(true);
  });
});

describe('a Mapbox public token', () => {
  it('is public whatever its payload looks like: `pk.` says so, as `sk.` says secret', () => {
    for (const v of ['pk.eyJ1IjoiYWNtZSIsImEiOiJjbHgyM3Q4bW4wMDAxMmtwZ3ZqZ3ZqZ3ZqIn0.Hq7Lw2Zr9Tm4Xv8Np3Bk6C', 'pk.it_ucU6BTXuWvXeqMmMBQ3rN_XYtvmRVlzG0rlOlCayIlwF6jQ7qhIw.JHcHgBjibdcQVh_WM8SqkA']) {
      expect(isPublicValue(v), v).toBe(true);
      expect(isPlausibleSecret(v, { category: 'TOKEN', quoted: true }), v).toBe(false);
    }
  });
  it('still takes a secret token or a value that only opens with `pk.` as a secret', () => {
    for (const v of ['sk.it_ucU6BTXuWvXeqMmMBQ3rN_XYtvmRVlzG0rlOlCayIlwF6jQ7qhIw.JHcHgBjibdcQVh_WM8SqkA', 'pk.Hq7Lw2Zr9Tm4Xv8Np3Bk6CwQ5yT1uV0']) {
      expect(isPublicValue(v), v).toBe(false);
    }
  });
});

describe("a GitHub App's client id", () => {
  it('is public, in either format, where its client secret is not', () => {
    for (const v of ['Iv1.4c7e2a9f0b3d6e18', 'Iv23ctQ7wLm2Rx8Kp4Tn']) {
      expect(isPlausibleSecret(v, { category: 'KEY', quoted: true }), v).toBe(false);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    }
    expect(isPlausibleSecret('5d8e1f3a7c9b2e4d6f0a8c1e3b5d7f9a2c4e6b80', { category: 'KEY', quoted: true })).toBe(true);
  });
});

describe('a long generated key is no name made of words', () => {
  it('takes random letters that split into many words, most without a vowel, for no name', () => {
    expect(isNameShaped('Ef2vjSe2kjwhoIvx4KtO4gRPMNTMgHCvhkWQ3wr8kmcL')).toBe(false);
    expect(isNameShaped('HTTPPasswordMgrWithDefaultRealm')).toBe(true);
    expect(isNameShaped('PKCS12PrivateKeyTypes')).toBe(true);
    expect(isNameShaped('X509_info_st')).toBe(true);
  });

  it('takes random letters and digits that split into words with digits inside two of them for no name', () => {
    expect(isNameShaped('Jr5WCm6oDSCTpGu5vtaGuhCOwf7Xdsid')).toBe(false);
    expect(isNameShaped('RmwP4kXsuq8LtBz6NhyVe3jDa')).toBe(false);
    // A name keeps its one word with digits inside (a charset's, a cluster's) or its digits at the words' ends.
    expect(isNameShaped('utf8mb4_general_ci')).toBe(true);
    expect(isNameShaped('k8sClusterAdminBinding')).toBe(true);
    expect(isNameShaped('Sha256HmacSigner')).toBe(true);
    expect(isNameShaped('base64urlDecodeInput')).toBe(true);
  });

  it("reports such a key as a header's value in a C# collection initializer, and leaves a commit id beside it", () => {
    const cs =
      'var headers = new Dictionary<string, string>\n{\n    { "X-Studio-Service-Key", "Ef2vjSe2kjwhoIvx4KtO4gRPMNTMgHCvhkWQ3wr8kmcL" },\n' +
      '    { "X-Build-Commit", "3f9c2a71e0b84d6c5a2f1e9d8c7b6a5f4e3d2c1b" }\n};\n';
    expect(detect(cs, { file: 'Bootstrap.cs' }).map((f) => cs.slice(f.start, f.end))).toEqual(['Ef2vjSe2kjwhoIvx4KtO4gRPMNTMgHCvhkWQ3wr8kmcL']);
  });
});

describe("an XML element's qualified name that names a secret", () => {
  it("is no password: WS-Security's wsse:Password and the like", () => {
    for (const v of ['wsse:Password', 'wsse:UsernameToken', 'ns2:ClientSecret', 'wsse:PasswordDigest']) {
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    }
  });
  it('leaves passwords that hold a colon', () => {
    for (const v of ['wsse:Pa55word!', 'ops:Harbor-7731', 'tq:Rm8vLx2Kp']) {
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(true);
    }
  });
});

describe('a value counted up by hand', () => {
  it('knows ten characters or more in counting order for a stand-in, in either case, anywhere in the value', () => {
    expect(hasCountingRun('0123456789abcdef0123456789abcdef-us7')).toBe(true);
    expect(hasCountingRun('key-3456789ABCDE-tail')).toBe(true);
    expect(hasCountingRun('klmnopqrstuv')).toBe(true);
    expect(isPlaceholder('fedcba0123456789abcdef')).toBe(true);
  });

  it('leaves shorter runs, runs broken by a wrap or a gap, and generated values', () => {
    expect(hasCountingRun('123456789')).toBe(false);
    expect(hasCountingRun('1234567890abcdefghi')).toBe(false); // 9 then 0: the keyboard's row, not counting
    expect(hasCountingRun('Vq7mLx2Rk9TzW4nPc8Hb')).toBe(false);
    expect(hasCountingRun('9e4b0c61d2f8a7355b1e08c9d4f26a73')).toBe(false);
    expect(isPlaceholder('9e4b0c61d2f8a7355b1e08c9d4f26a73')).toBe(false);
  });
});

describe('letters drawn at random, and one character encoded', () => {
  it('takes sixteen randomly cased letters under a secret name, and leaves camelCase names and words', () => {
    expect(isPlausibleSecret('qTzRmWkvPxNbLsHd', { category: 'KEY', quoted: true })).toBe(true);
    expect(isPlausibleSecret('getPasswordField', { category: 'KEY', quoted: true })).toBe(false);
    expect(isPlausibleSecret('ThisIsTheWebhook', { category: 'KEY', quoted: true })).toBe(false);
  });

  it('takes a longer random draw with a run of eight small letters when its capitals stand side by side throughout', () => {
    expect(isPlausibleSecret('QWgtrbzkhnPLxDvRMaJcTUyBsKeNwHZf', { category: 'KEY', quoted: true })).toBe(true);
    // camelCase names: words of small letters, capitals only at their starts or in an acronym or two.
    expect(isPlausibleSecret('ThisIsTheConfigurationForTheApp', { category: 'KEY', quoted: true })).toBe(false);
    expect(isPlausibleSecret('HTTPSConnectionURLForAPIGateway', { category: 'KEY', quoted: true })).toBe(false);
    expect(isPlausibleSecret('AWSKeyIDForSQSQueueURLOfETLJobRunner', { category: 'KEY', quoted: true })).toBe(false);
  });

  it('takes sixteen letters whose small ones run to three at most and whose capitals stand side by side, under a plain key name only', () => {
    // A betting exchange's application key: too many capitals side by side for the case switches the random draw above asks.
    expect(isPlausibleSecret('ioOZiPMSLHiJKXbj', { category: 'KEY', quoted: true })).toBe(true);
    expect(isPlausibleSecret('iANuLiDKPVrdTtQGUNIv', { category: 'TOKEN', quoted: true })).toBe(true);
    // Under a bare `key` (weak) letters alone stay out.
    expect(isPlausibleSecret('ioOZiPMSLHiJKXbj', { category: 'KEY', quoted: true, weakKey: true })).toBe(false);
  });

  it('takes letters whose small ones hold three vowels in ten or fewer, as a draw does (one in five) and words never (two in five)', () => {
    expect(isPlausibleSecret('wmnlqcbGecfYgNaxYNVUZaNo', { category: 'KEY', quoted: true })).toBe(true);
    for (const v of ['XMLHttpRequestUpload', 'CSSStyleSheetList', 'getElementsByTagName']) expect(isPlausibleSecret(v, { category: 'KEY', quoted: true }), v).toBe(false);
  });

  it('leaves identifiers with acronyms, words in capitals and camelCase words of short letters', () => {
    for (const v of ['LLVMGetHostCPUName', 'xmlSecOpenSSLAppKeyLoadBIO', 'CERTAuthKeyIDStr', 'EmitWinCFISaveXMM', 'EXCHANGEAPPKEYPROD', 'PutYourAppKeyHere', 'TheKeyForMyApp', 'NSURLSessionTaskX']) {
      expect(isPlausibleSecret(v, { category: 'KEY', quoted: true }), v).toBe(false);
    }
  });

  it('leaves one character repeated after a scheme prefix or before base64 padding', () => {
    expect(isPlausibleSecret(`base64:${'A'.repeat(43)}=`, { category: 'KEY', quoted: true })).toBe(false);
    expect(isPlausibleSecret(`${'A'.repeat(42)}==`, { category: 'KEY', quoted: true })).toBe(false);
    expect(isPlausibleSecret('base64:q7Tz2Wm9Lx4Vb8Nk3Rp6Hc1Jd5Fs0GaYeU2iO8tKw3M=', { category: 'KEY', quoted: true })).toBe(true);
  });
});

describe('an environment lookup written out whole as a value', () => {
  const plausible = (v: string, file: string): boolean => isPlausibleSecret(v, { category: 'PASS', quoted: true, file });

  it('is a reference, not the secret (`"process.env.X"`, `"os.environ[\'X\']"`, `"env(\'X\')"`, `"System.getenv(\\"X\\")"`)', () => {
    for (const v of [
      'process.env.TERMINAL_UNLOCK_CODE',
      "process.env['SMTP_PASS']",
      "os.environ['REPORTS_DB_PASSWORD']",
      'os.environ.get("REPORTS_DB_PASSWORD", "")',
      "os.getenv('LEDGER_TOKEN')",
      'ENV["WEBHOOK_SECRET"]',
      "ENV.fetch('WEBHOOK_SECRET')",
      "env('MAIL_PASSWORD', null)",
      'System.getenv("ARCHIVE_API_KEY")',
      'Environment.GetEnvironmentVariable("QUEUE_SECRET")',
      '${DISPATCH_TOKEN}',
      '$DISPATCH_TOKEN',
    ]) {
      expect(isPlaceholder(v), v).toBe(true);
      expect(plausible(v, 'src/config.ts'), v).toBe(false);
    }
    const ts = 'export const kiosk = {\n  terminalPassword: "process.env.TERMINAL_UNLOCK_CODE",\n};\n';
    expect(detect(ts, { file: 'src/config.ts' }).map((f) => ts.slice(f.start, f.end))).toEqual([]);
  });

  it('leaves a value that only opens like a lookup, or holds one among other text', () => {
    for (const v of ['process.env.X9kQ!w7Lr#2vTz', 'envy-Qm7rT2xkP9wL', 'ENV["X"]+Zq8wLp3mK7rT']) expect(plausible(v, 'src/config.ts'), v).toBe(true);
    // A lookup with a literal default holds a value: the default may be the secret.
    expect(isPlaceholder('os.getenv("RELAY_KEY", "Rk7Qw2Zx9Lm4Tv8Nb3Hp")')).toBe(false);
    const ts = 'export const kiosk = {\n  terminalPassword: "Rk7wQ2mZp9Lx",\n};\n';
    expect(detect(ts, { file: 'src/config.ts' }).map((f) => ts.slice(f.start, f.end))).toEqual(['Rk7wQ2mZp9Lx']);
  });
});

describe('a quoted Terraform reference', () => {
  it('is a stand-in, as a quoted environment lookup is', () => {
    for (const v of ['var.db_admin_password', 'local.vault_secret', 'data.vault_generic_secret.db.data', 'module.secrets.db_password']) {
      expect(isPlaceholder(v), v).toBe(true);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    }
  });

  it('leaves a password that only starts with such a word', () => {
    expect(isPlausibleSecret('var.Kq8!zW3m', { category: 'PASS', quoted: true })).toBe(true);
    expect(isPlausibleSecret('local-Kq8zW3mLp0!', { category: 'PASS', quoted: true })).toBe(true);
  });
});

describe('a stand-in in escaped angle brackets', () => {
  it('is a stand-in, as `<…>` is, when XML or HTML escapes its brackets', () => {
    for (const v of ['&lt;from-keystore&gt;', '&lt;db password&gt;', '&LT;SET_AT_DEPLOY&GT;']) {
      expect(isPlaceholder(v), v).toBe(true);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true }), v).toBe(false);
    }
    expect(detect('<login user="relay" password="&lt;from-keystore&gt;"/>\n', { file: 'relay.xml' })).toEqual([]);
  });

  it('leaves a password that holds an escaped bracket among other characters', () => {
    expect(isPlausibleSecret('Kq8&lt;zW3mLp0!', { category: 'PASS', quoted: true })).toBe(true);
    const xml = '<login user="relay" password="Wr7&amp;Lp2-Qz9x"/>\n';
    expect(detect(xml, { file: 'relay.xml' }).length).toBe(1);
  });
});

describe('a note of what is to be done to a value, alone or in a list', () => {
  it('is a stand-in, numbered or not, and a list of them is one', () => {
    for (const v of ['toBeModified', 'to-be-replaced', 'update-this', 'changed-on-deploy', 'toBeChanged2', 'toBeModified1,toBeModified2', 'to_be_replaced_1, to_be_replaced_2']) {
      expect(isPlausibleSecret(v, { category: 'KEY', quoted: false, file: '.env' }), v).toBe(false);
    }
  });
  it('still reads a list of generated keys, and a numbered word that is no stand-in', () => {
    for (const v of ['Qm7Tz2Vx9Lp4Rk8WyE3u,Hd1Fs5Gj0YaBc6WnK2p', 'toBeModified1,Hd1Fs5Gj0YaBc6WnK2p', 'modified-Harbor-71-Gale!']) {
      expect(isPlausibleSecret(v, { category: 'KEY', quoted: false, file: '.env' }), v).toBe(true);
    }
  });
});

describe('small letters drawn at random under a key name', () => {
  it('takes sixteen or more random small letters under a plain key name', () => {
    expect(isPlausibleSecret('wqzhtkbrnmxpfelv', { category: 'KEY', quoted: true, file: 'pipeline.toml' })).toBe(true);
    expect(isPlausibleSecret('jvdtkhqsmrzbwlcxnoap', { category: 'TOKEN', quoted: true, file: 'config.ini' })).toBe(true);
  });
  it('leaves words run together, short draws, and any such value under a weak name', () => {
    expect(isPlausibleSecret('stagingreportskey', { category: 'KEY', quoted: true, file: 'pipeline.toml' })).toBe(false);
    expect(isPlausibleSecret('observatoryarchive', { category: 'KEY', quoted: true, file: 'pipeline.toml' })).toBe(false);
    expect(isPlausibleSecret('wqzhtkbrnmxpf', { category: 'KEY', quoted: true, file: 'pipeline.toml' })).toBe(false);
    expect(isPlausibleSecret('wqzhtkbrnmxpfelv', { category: 'KEY', quoted: true, weakKey: true, file: 'pipeline.toml' })).toBe(false);
  });
  it('is read under api_key but not under a lookup key', () => {
    expect(detect('api_key = "wqzhtkbrnmxpfelv"\n', { file: 'pipeline.toml' }).length).toBe(1);
    expect(detect('cache_key = "wqzhtkbrnmxpfelv"\n', { file: 'pipeline.toml' }).length).toBe(0);
  });
});

describe('values under secret names that are no credentials (the Python 3.11 tree)', () => {
  const key = (v: string, file = 'settings.py', weakKey = true): boolean => isPlausibleSecret(v, { category: 'KEY', quoted: true, weakKey, file });
  it('leaves a regular expression whose class closes on its ranges, or is repeated by a count', () => {
    expect(key("[!#$%&'*+\\-.^_`|~0-9A-Za-z]{1,}", 'rfc7230.pyi', false)).toBe(false);
    expect(key('[^;]{2,}-Kq8zW3mLpQ', 'x.conf')).toBe(false);
  });
  it('leaves names scoped by ::, a camel-cased namespace\'s tag key, a key file, a list of options, globbed words', () => {
    expect(key('AWS::CloudFormation::Module')).toBe(false);
    expect(key('stateMachine:createdBy')).toBe(false);
    expect(key('param:secp384r1.pem')).toBe(false);
    expect(key('-quiet,-verbose,-fix,-f77,-f90,-show,-h', 'crackfortran.py', false)).toBe(false);
    expect(isPlausibleSecret('all*authentication*tokens*updated*successfully', { category: 'PASS', quoted: false, file: 'chat.cfg' })).toBe(false);
  });
  it('leaves words joined as a path through . and .., from the root or to a folder', () => {
    for (const v of ['/America/Los_Angeles', 'America/Los_Angeles/', '../zoneinfo/America/Los_Angeles', 'America/../America/Los_Angeles', 'America/./Los_Angeles']) expect(key(v, 'test_zoneinfo.py'), v).toBe(false);
  });
  it('judges a value written with escapes or entities by the characters it stands for', () => {
    expect(key('\\xe5\\xf6\\xf6&lt;&gt;', 'test_xml_etree.py', false)).toBe(false);
    expect(isPlausibleSecret('a\\x00b', { category: 'PASS', quoted: true, file: 'test_pwd.py' })).toBe(false);
    expect(isPlausibleSecret('\\xa1\\xa2', { category: 'PASS', quoted: true, file: 'test_netrc.py' })).toBe(false);
    // A key's bytes written as escapes are still a key.
    expect(key('\\x8f\\x12\\xab\\x3c\\x9d\\x4e\\x07\\xf1\\x62\\xc8\\x5b\\x19\\xe4\\x7a\\x30\\xd6', 'crypto.py', false)).toBe(true);
  });
  it('takes digits and letters that each count up in turn for a hand-made stand-in', () => {
    expect(isInterleavedCounting('1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d')).toBe(true);
    expect(isInterleavedCounting('a1b2c3d4e5f6g7')).toBe(true);
    expect(isInterleavedCounting('1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6e')).toBe(false);
    expect(isInterleavedCounting('7f3a9c2e-41d8-4b6a-9e0f-2c5d8a1b4e7f')).toBe(false);
    expect(isPlausibleSecret('1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d', { category: 'TOKEN', quoted: true, file: 'models.py' })).toBe(false);
    expect(isPlausibleSecret('7f3a9c2e-41d8-4b6a-9e0f-2c5d8a1b4e7f', { category: 'TOKEN', quoted: true, file: 'models.py' })).toBe(true);
  });
});

describe('more values under secret names that are no credentials (the Python 3.11 tree, second pass)', () => {
  it("judges a password typed to a prompt without the Enter sent after it", () => {
    expect(isPlausibleSecret('secret\\n', { category: 'PASS', quoted: true, file: 'run.py' })).toBe(false);
    expect(isPlausibleSecret('Kq8zW3mLpQ7v\\n', { category: 'PASS', quoted: true, file: 'run.py' })).toBe(true);
    expect(isPlausibleSecret('Kq8zW3mLpQ7v\\r\\n', { category: 'PASS', quoted: true, file: 'run.py' })).toBe(true);
  });
  it('takes a stand-in that says it is not real, glued to what it stands for', () => {
    expect(isPlausibleSecret('notarealpassword', { category: 'PASS', quoted: true, file: 'test_nntplib.py' })).toBe(false);
    expect(isPlausibleSecret('NotARealToken', { category: 'PASS', quoted: true, file: 'app.py' })).toBe(false);
  });
  it("leaves a Signature Version 4 credential scope and a derivation's label of colon-joined words", () => {
    expect(isPlausibleSecret('mock_access_key/20220524/us-east-1/cognito-idp/aws4_request', { category: 'CRED', quoted: false, file: 'models.py' })).toBe(false);
    expect(isPlausibleSecret('joserfc:OKP:PBKDF2:Ed25519', { category: 'CRED', quoted: true, weakKey: true, file: 'okp_key.py' })).toBe(false);
    // A generated value with colons is still one.
    expect(isPlausibleSecret('Kq8zW3:mLpQ7v:Tx2R9n:Wb4Hc1', { category: 'CRED', quoted: true, file: 'app.py' })).toBe(true);
  });
});

describe('a value IIS keeps encrypted in applicationHost.config', () => {
  it('is no password, where the same attribute in plain text is', () => {
    const config = (password: string) => `<applicationPools>\n  <add name="FareReports">\n    <processModel identityType="SpecificUser" userName="CVTA\\svc-farereports" password="${password}" />\n  </add>\n</applicationPools>\n`;
    const found = (text: string) => detect(text, { file: 'iis/applicationHost.config' }).map((f) => text.slice(f.start, f.end));
    expect(found(config('[enc:IISCngProvider:syduykK8izufpWCtu3nFyl/6XC+0/Y5ljy+dx0ZZRmJiw/TL2MZDRqmyVPHqUL6JAdz:enc]'))).toEqual([]);
    expect(found(config('[enc:AesProvider:Qm9ndXNDaXBoZXJ0ZXh0QmxvYjEyMzQ1Njc4OTA=:enc]'))).toEqual([]);
    expect(found(config('Fare-Reports!2025'))).toEqual(['Fare-Reports!2025']);
    expect(isPlaceholder('[enc:IISCngProvider:syduykK8izufpWCtu3nFyl/6XC+0/Y5ljy+dx0ZZRmJiw:enc]')).toBe(true);
  });
});

describe("a password's hash in a slow, salted format", () => {
  const plausible = (v: string): boolean => isPlausibleSecret(v, { category: 'PASS', quoted: true });
  const slowHashes = [
    '$2y$11$dHm47Ai5P29rp6S9q5DQ5m4Q3FZpGDbLBMjA65OzqcvuiaTLT8azf',
    '$P$BtY7DpJfHyp37cfgzu69Ww65btYlg0v',
    '$S$DhJCz5PYETmmz8JtnXFrXphkRH8KHRR/yLVY.GpjcE4ummnmBxn5',
    '$argon2i$v=19$m=4096,t=3,p=1$kEewsovDrP8+JKkQrTYd3A$k60TpZqJyjt3ydVsev8mEWRsh4ngjWtqsWmJUVYPAqo',
    '$pbkdf2-sha512$25000$M6OsICf4B.HAi17OkHUgiw$DCyvxxb8GBfVxI0OiG1a9ViJhQeQMSnRNzh11XwVMgtgi8QBRwNfOx.xg8DlNxKre9mvn8IJE1HvGwgHE0.BFr',
    '$scrypt$ln=16,r=8,p=1$2UiG28+e7NwjyHhv+vwZ0Q$FiB92ALLzJslbl8uV44I2MozYuP+vC67Bsqg6CbhU1E',
    'argon2$argon2id$v=19$m=102400,t=2,p=8$bmj8XlU7f4ko0P2S5Gyn2w$iY4JipQJPzwOKBT+kRTq+nhCsJyTc5+Za/M+YLEkhfg',
    'pbkdf2_sha256$1000000$3m03nbqnsGpWLuqIA1id6V$I3OeQpVzzb9L7LpviQdPNXswO/Pk8kcoDOdCJsHWLJQ=',
    'bcrypt_sha256$$2b$12$hupEH0sL.HKGwD5dxB5TMX3At16sdNXtxTVNtFpDmsc7Sq7PaDHiG',
    'scrypt$q4i9DoV8gz4FkQ1okTBGzv$16384$8$1$QnaHkpd+gNOCA4II/Rjy1QzXkJbmZFTKQacLQLSHJf1buDrtYdEG3yCTeY6SJdMlqeOhNN1wVZCsYIwtP2j4xg==',
    'pbkdf2:sha256:600000$AmwufUxbvJDCTbyv$033b03a1d9476d4475aeb1a1eb0f38edc5d12d125b49808750d5804c93db7ef4',
    'scrypt:32768:8:1$HNsG9eh6Yo4gfqrc$0d757a6fe2981911186fdb86545c69b94cd5f61b5db5690a3194bb20a70a8cbc0af13dad15a702ce7ecb146f17d2089848f5008bdbb0b5647e4911b5f892912a',
  ];
  const systemHashes = [
    '$6$rounds=5000$LWEqVnHzd9X5Lq7W$09V8Q6VDu/fpWE3SCIV4LNbbOZtKWg0U2/0MwTtBrzmbPRfNFng4E/7UrI58kYTZ3uLIWt.ViedT2bPhL.ek8w',
    '$6$XNT.9V9Gn3m0aaR8$HldzHYG3qF0R813FiBkt40TyV.u696wU7VSORuzk7xY3N7GeUaF/x5yWAPyZYvvvDNb8w0Zu7tWlOO79GViEXC',
    '$5$iRzym1I.ytnaGpgk$cDe.dfmDN/ZUj6ml7iqX4XB4YHTWrcMjq1nO84otFYy',
    '$y$j9T$4EJwpfYaUVnSaxmDJI7OzQ$tetqFMT9Kf9cSjVN0oloOkWf5zXiEP9WTlntrb0E2qw',
  ];

  it('is no secret, as its library writes it (bcrypt, phpass, PHC, Django, Werkzeug)', () => {
    for (const v of slowHashes) {
      expect(plausible(v), v).toBe(false);
      expect(isStoredPasswordHash(v), v).toBe(true);
    }
  });

  it("is a system login's hash in crypt(3)'s formats: a users table's, but still reported under a password's name elsewhere", () => {
    for (const v of systemHashes) expect(isStoredPasswordHash(v), v).toBe(true);
    expect(plausible(systemHashes[1]!)).toBe(true);
  });

  it('leaves the fast formats and passwords that merely hold a `$` or a format\'s name to be judged as values', () => {
    expect(plausible('$1$y.7mvtTB$QHHBu83.ER2aEUrCA7aMlV')).toBe(true);
    for (const v of ['pbkdf2_sha256$Tern-Rock-77', 'argon2$Kestrel!Quay9', 'scrypt$Mn4$Wharf', 'Dune$Harrier$2291']) {
      expect(isStoredPasswordHash(v), v).toBe(false);
      expect(plausible(v), v).toBe(true);
    }
  });
});

describe('a PowerShell operator after a password name', () => {
  const found = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));

  it('is the expression that makes the value (`-join`, `-split`), not the value', () => {
    expect(found('$newSecret = -join ((48..57) + (65..90) | Get-Random -Count 24 | ForEach-Object {[char]$_})\n', 'ops/rotate-sftp.ps1')).toEqual([]);
    expect(found('$password = -split $line\n', 'ops/read-creds.ps1')).toEqual([]);
  });

  it('leaves a password that opens with a dash reported', () => {
    expect(found('SFTP_PASSWORD=-Tq8vRz2WkLm7\n', 'ops/sftp.sh')).toEqual(['-Tq8vRz2WkLm7']);
  });
});

describe("a Stripe object's id", () => {
  const plausible = (v: string): boolean => isPlausibleSecret(v, { category: 'TOKEN', quoted: true, file: 'exports/payments.csv' });

  it('is the name of a record in the account, under any name: a payment method, an intent, a customer, a price', () => {
    for (const v of ['pm_Q4xLk7Zt2RbW9mVc3NpD8sFh', 'pi_3Rz8KqLm2VxT7wBn1cYd5HsJ', 'cus_Rt4mZq8WnLx2Vb', 'ch_3Rz8KqLm2VxT7wBn0aQe4FgU', 'sub_1Rz8KqLm2VxT7wBnYd5HsJkP', 'in_1Rz8KqLm2VxT7wBnc9Kd3MwE', 'price_1Rz8KqLm2VxT7wBnR4tYh6Ua', 'prod_Rt4mZq8WnLx2Vb', 'seti_1Rz8KqLm2VxT7wBnP0oLk3Jh', 'acct_1Rz8KqLm2VxT7wBn']) {
      expect(plausible(v), v).toBe(false);
    }
  });

  it("leaves Stripe's keys, an intent's client secret, WooCommerce's keys and other prefixes judged as values", () => {
    for (const v of ['pi_3Rz8KqLm2VxT7wBn1cYd5HsJ_secret_Wq8zL2mPx7RtK4vN9bC3dF6g', 'rk_live_51Rz8KqLm2VxT7wBnQ4tYh6UaP0oLk3Jh', 'cs_5a3b9c0d1e2f4a6b8c7d9e0f1a2b3c4d5e6f7a8b', 'ck_5a3b9c0d1e2f4a6b8c7d9e0f1a2b3c4d5e6f7a8b', 'tkn_Q4xLk7Zt2RbW9mVc3NpD8sFh']) {
      expect(plausible(v), v).toBe(true);
    }
  });
});

describe('a SCRAM verifier', () => {
  const verifier = 'SCRAM-SHA-256$4096:c2FsdC1mb3ItdGhlLXJvbGU=$Lq8Vz2Kp7Tw4Rn9Xc3Bd6Hf1Js5Gm0Ya8Ue2Wi4Oo6=:Pz3Nx7Qk1Vt5Lr9Hb2Fd8Mj4Wc6Gs0Yu3Ae7Ri1Tk5=';

  it('is a stored password hash, whole or cut after its salt, under any name', () => {
    for (const v of [verifier, 'SCRAM-SHA-256$4096:Qm8Zt3Lp9Vx2Rb7Nk4Hc6Jd1Fs5Gp0Yk']) {
      expect(isStoredPasswordHash(v), v).toBe(true);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true, file: 'pgbouncer/userlist.txt' }), v).toBe(false);
    }
  });

  it("leaves a password that merely opens with the mechanism's name, and PostgreSQL's md5 verifier, judged as values", () => {
    for (const v of ['SCRAM-SHA-256$Harbor!Gate7', 'md5a91c04e7d2b85f36c0e1947d3ab8625f']) {
      expect(isStoredPasswordHash(v), v).toBe(false);
      expect(isPlausibleSecret(v, { category: 'PASS', quoted: true, file: 'pgbouncer/userlist.txt' }), v).toBe(true);
    }
  });
});

describe('base64 of a stand-in written in words', () => {
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  const plausible = (v: string, category: 'KEY' | 'TOKEN' | 'PASS'): boolean => isPlausibleSecret(v, { category, quoted: true, file: 'docker-compose.override.yml' });

  it("is the stand-in under a key's or a token's name: a developer's, a local or a test value", () => {
    for (const words of ['dev-only-hmac-key', 'local_signing_secret', 'insecure-jwt-secret-for-compose', 'test-webhook-token']) {
      expect(plausible(b64(words), 'KEY'), words).toBe(false);
      expect(plausible(b64(words), 'TOKEN'), words).toBe(false);
    }
  });

  it("leaves words without a stand-in's marker, dotted names, a password's words and random text encoded judged as values", () => {
    for (const words of ['harbour-ledger-signing-key', 'Kq8#zW3mLp0vX7nR2tY5']) expect(plausible(b64(words), 'KEY'), words).toBe(true);
    expect(plausible(b64('orders.local.cache-signing'), 'KEY')).toBe(true);
    expect(plausible(b64('my-dev-database-pass'), 'PASS')).toBe(true);
  });
});

describe("CircleCI's convenience database password", () => {
  it('is a published default as written, and only as written', () => {
    expect(isPlaceholder('circle_test')).toBe(true);
    expect(isPlausibleSecret('circle_test', { category: 'PASS', quoted: true, file: '.circleci/config.yml' })).toBe(false);
    expect(isPlausibleSecret('Circle_Test!24', { category: 'PASS', quoted: true, file: '.circleci/config.yml' })).toBe(true);
  });
});
