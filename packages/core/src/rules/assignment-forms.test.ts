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
  it('leaves a decoded value under a name that holds no secret, and a call on a variable', () => {
    expect(values(`EXPECTED_DIGEST = bytes.fromhex("${hex}")\n`, 'verify.py')).toEqual([]);
    expect(values('WEBHOOK_SECRET = bytes.fromhex(os.environ["WEBHOOK_SECRET_HEX"])\n', 'hooks.py')).toEqual([]);
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
