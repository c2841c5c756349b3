import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('secrets in typed declarations', () => {
  it("reports a PL/SQL constant or variable named for a secret, and leaves other names and parameters", () => {
    const pkb = [
      'CREATE OR REPLACE PACKAGE BODY app.pkg_notify AS',
      "  c_gw_user     CONSTANT VARCHAR2(30) := 'notify_svc';",
      "  c_gw_password CONSTANT VARCHAR2(64) := 'Vt6#mQz2Lp8w';",
      "  l_wallet_pwd  VARCHAR2(64 BYTE) DEFAULT 'Ws3!kRx9Nq4z';",
      '  l_token       VARCHAR2(200) := p_token;',
      "  c_pwd_hint    VARCHAR2(40) := 'Ask the DBA team';",
    ].join('\n');
    expect(found(pkb, 'plsql/pkg_notify.pkb', 'plsql-declaration-secret')).toEqual(['Vt6#mQz2Lp8w', 'Ws3!kRx9Nq4z']);
  });
  it('reports a COBOL data item named for a password with its VALUE, and leaves figurative constants and hints', () => {
    const cbl = [
      '       WORKING-STORAGE SECTION.',
      "       01  WS-DB-USER      PIC X(8)  VALUE 'APPUSR'.",
      "       01  WS-DB-PWD       PIC X(12) VALUE 'Lq5vT8mZ2wKr'.",
      '       01  WS-FTP-PASSWORD PIC X(12) VALUE SPACES.',
      "       01  WS-PWD-HINT     PIC X(20) VALUE 'SEE RACF PROFILE'.",
      "       01  WS-TOPIC        PIC X(20) VALUE 'Mr6wU9nA3xLs'.",
    ].join('\n');
    expect(found(cbl, 'cobol/DBCONN.cbl', 'cobol-value-secret')).toEqual(['Lq5vT8mZ2wKr']);
  });
});

describe('a password kept as characters', () => {
  it('reports a literal turned into chars under a password name (Java, Kotlin, C#)', () => {
    expect(found('char[] storePassChars = "Lq8#vT2m!Wz".toCharArray();', 'Vault.java', 'generic-assignment')).toEqual(['Lq8#vT2m!Wz']);
    expect(found('val keystorePasswordChars = "Rt5^hN9q@Kc".toCharArray()', 'Tls.kt', 'generic-assignment')).toEqual(['Rt5^hN9q@Kc']);
    expect(found('var pfxPasswordChars = "Gm3$zQ7w%Yb".ToCharArray();', 'Cert.cs', 'generic-assignment')).toEqual(['Gm3$zQ7w%Yb']);
  });

  it('leaves the alphabet a password generator draws from, and chars not made from a literal', () => {
    expect(found('static final char[] PASSWORD_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();', 'Gen.java', 'generic-assignment')).toEqual([]);
    expect(found('char[] passwordChars = password.toCharArray();', 'Vault.java', 'generic-assignment')).toEqual([]);
    expect(found('PASSWORD_CHARS = "Lq8#vT2m!Wz"', 'gen.py', 'generic-assignment')).toEqual([]);
  });
});

describe('a key of random letters that falls into capitalised runs', () => {
  it('reports letters whose runs are mostly unspoken under a secret name', () => {
    expect(found('private const string WebhookSecret = "TqwZrXbnCfPdLkVs";', 'Hooks.cs', 'generic-assignment')).toEqual(['TqwZrXbnCfPdLkVs']);
    expect(found('const signingSecret = process.env.SIGNING_SECRET ?? "HvkQzmWtrBcxNpLd";', 'sign.ts', 'generic-assignment')).toEqual(['HvkQzmWtrBcxNpLd']);
  });

  it('leaves a camelCase name of spoken words under the same names', () => {
    expect(found('private const string WebhookSecret = "ThisIsTheWebhookSecretName";', 'Hooks.cs', 'generic-assignment')).toEqual([]);
    expect(found('const signingSecret = "SigningSecretFromVault";', 'sign.ts', 'generic-assignment')).toEqual([]);
  });
});

describe('a value its comment calls public', () => {
  const values = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
  it('leaves a token a trailing or a preceding comment calls public or publishable', () => {
    expect(values('static final String ANALYTICS_TOKEN = "9c4e1b7a20d58f36e1d2c47a9b03f8e5"; // public, shipped in the mobile app\n', 'Tracker.java')).toEqual([]);
    expect(values('# publishable\nWIDGET_API_KEY = "Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs"\n', 'settings.py')).toEqual([]);
    expect(values('const SEARCH_KEY = "e1d2c47a9b03f8e59c4e1b7a20d58f36"; /* safe to expose: search-only */\n', 'search.js')).toEqual([]);
  });
  it('still reports a secret whose comment only mentions something public, or a vendor-shaped token', () => {
    expect(values('static final String ANALYTICS_SECRET = "9c4e1b7a20d58f36e1d2c47a9b03f8e5"; // public key lives in keys/\n', 'Tracker.java')).toEqual(['9c4e1b7a20d58f36e1d2c47a9b03f8e5']);
    expect(values('# never make public\nAPI_SECRET = "Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs"\n', 'settings.py')).toEqual(['Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs']);
    expect(values('API_SECRET = "Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs"  # rotate if this goes public\n', 'settings.py')).toEqual(['Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs']);
  });
  it('still reports a password its comment calls public: a password under a password name never is', () => {
    expect(values('admin_password: "Rk8#vQ2mLp"  # public demo\n', 'config.yml')).toEqual(['Rk8#vQ2mLp']);
    expect(values('admin_password: "Rk8#vQ2mLp"  # public, for the demo instance\n', 'config.yml')).toEqual(['Rk8#vQ2mLp']);
    expect(values('# safe to commit\nSMTP_PASSWORD = "Hv3$kQ9wLz2m"\n', 'settings.py')).toEqual(['Hv3$kQ9wLz2m']);
    expect(values('admin_password: "Rk8#vQ2mLp"  # demo instance, public by design\n', 'config.yml')).toEqual(['Rk8#vQ2mLp']);
  });
  it('leaves a key whose comment says, after what it is for, that it is public by design or safe to expose', () => {
    expect(values('const HEAP_APP_KEY = "Hq7Vz2Lm9Rk4Wt8Nb3Xc6Jp1"; // product analytics, client-side by design\n', 'track.js')).toEqual([]);
    expect(values('# Maps JS key, public by design\nMAPS_API_KEY = "Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs"\n', 'settings.py')).toEqual([]);
    expect(values('const SEARCH_KEY = "e1d2c47a9b03f8e59c4e1b7a20d58f36"; // search-only, meant to be public\n', 'search.js')).toEqual([]);
  });
  it('still reports a key whose comment negates the phrase', () => {
    expect(values('const HEAP_APP_KEY = "Hq7Vz2Lm9Rk4Wt8Nb3Xc6Jp1"; // product analytics, not client-side by design\n', 'track.js')).toEqual(['Hq7Vz2Lm9Rk4Wt8Nb3Xc6Jp1']);
    expect(values('API_SECRET = "Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs"  # server only, never safe to expose\n', 'settings.py')).toEqual(['Qx7vLm2Rk9Tz4Wp8Nc3Hy6Bs']);
  });
  it("reads the same comment beside a key a provider's name made a finding", () => {
    const key = 'Hq7Vz2Lm9Rk4Wt8Nb3Xc6Jp1Yd5Fs0Gg';
    const rules = (text: string, file: string) => detect(text, { file }).map((f) => f.rule);
    expect(rules(`const segmentWriteKey = "${key}"; // analytics, client-side by design\n`, 'widget.js')).toEqual([]);
    expect(rules(`# not a secret: the write key of the demo source\nsegment_write_key: "${key}"\n`, 'config.yml')).toEqual([]);
    expect(rules(`const segmentWriteKey = "${key}"; // analytics\n`, 'widget.js')).toEqual(['segment-write-key']);
    expect(rules(`const segmentWriteKey = "${key}"; // analytics, not public\n`, 'widget.js')).toEqual(['segment-write-key']);
  });
});
