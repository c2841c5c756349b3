import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a literal returned by a function named for a secret', () => {
  it("reports a Go getter's fallback after an environment lookup", () => {
    const go = [
      'func brokerPassword() string {',
      '\tif p := os.Getenv("BROKER_PASSWORD"); p != "" {',
      '\t\treturn p',
      '\t}',
      '\treturn "Rk7-mQz2vLp9TnWs" // until the vault is wired',
      '}',
      '',
    ].join('\n');
    expect(values(go, 'cmd/loader/main.go')).toEqual(['Rk7-mQz2vLp9TnWs']);
  });

  it("reports a Go method's and a Kotlin function's literal returned at once", () => {
    expect(values('func (c *Client) signingSecret() string { return "Hq4vZ8-kLw2pNr6T" }\n', 'client.go')).toEqual(['Hq4vZ8-kLw2pNr6T']);
    expect(values('fun webhookToken(): String {\n    return "Jn5tW9qRz3LmVx7c"\n}\n', 'Hooks.kt')).toEqual(['Jn5tW9qRz3LmVx7c']);
  });

  it('reports a Python function or property, reading its indented body only', () => {
    const py = [
      'class Settings:',
      '    @property',
      '    def warehouse_password(self) -> str:',
      '        value = os.environ.get("WAREHOUSE_PASSWORD")',
      '        if value:',
      '            return value',
      '',
      '        return "Birch.lantern-62Qw"',
      '',
      '    def region(self):',
      '        return "Mk3pQ9vLz2Rt7wZa"',
      '',
    ].join('\n');
    expect(values(py, 'settings.py')).toEqual(['Birch.lantern-62Qw']);
  });

  it('takes no function with parameters, no descriptive name and no stand-in', () => {
    expect(values('func apiToken(ctx context.Context) string { return "Xq7vT2-kzPn9mHsL" }\n', 'a.go')).toEqual([]);
    expect(values('func tokenType() string { return "Bearer" }\n', 'a.go')).toEqual([]);
    expect(values('def password_prompt():\n    return "Enter the password: "\n', 'a.py')).toEqual([]);
    expect(values('def db_password():\n    return "changeme"\n', 'a.py')).toEqual([]);
    expect(values('def api_key():\n    return "sk-" + os.environ["KEY_SUFFIX"]\n', 'a.py')).toEqual([]);
    expect(values('func saslPassword() string {\n\treturn os.Getenv("SASL_PASSWORD")\n}\n', 'a.go')).toEqual([]);
  });

  it("stops at the function's end: a literal returned by the next function is not its", () => {
    const go = 'func dbPassword() string {\n\treturn os.Getenv("DB_PASSWORD")\n}\n\nfunc banner() string {\n\treturn "Wq7vT2-kzPn9mHsL"\n}\n';
    expect(values(go, 'a.go')).toEqual([]);
  });
});

describe("a getter under a vendor's bare key name that falls back to a literal", () => {
  it('reports the generated key a Go getter returns after an environment lookup (`func mapsKey() string`)', () => {
    const go = 'func mapsKey() string {\n\tif k := os.Getenv("MAPS_LICENSE_KEY"); k != "" {\n\t\treturn k\n\t}\n\treturn "Hx4pQ9mLt2Rw7KzV3nB8cYd5Jf6Gs1Ua"\n}\n';
    expect(values(go, 'worker/maps.go')).toEqual(['Hx4pQ9mLt2Rw7KzV3nB8cYd5Jf6Gs1Ua']);
  });

  it('leaves a weak name with no environment lookup, a word-like fallback, and a literal that is not the last return', () => {
    expect(values('func mapsKey() string {\n\treturn "Hx4pQ9mLt2Rw7KzV3nB8cYd5Jf6Gs1Ua"\n}\n', 'a.go')).toEqual([]);
    expect(values('func cacheKey() string {\n\tif k := os.Getenv("CACHE_KEY"); k != "" {\n\t\treturn k\n\t}\n\treturn "orders-by-customer-v3"\n}\n', 'a.go')).toEqual([]);
    const go = 'func sortKey() string {\n\tif os.Getenv("SORT_BY_ID") != "" {\n\t\treturn "Hx4pQ9mLt2Rw7KzV3nB8cYd5Jf6Gs1Ua"\n\t}\n\treturn "created_at"\n}\n';
    expect(values(go, 'a.go')).toEqual([]);
  });
});

describe('a literal that is the whole body of an expression-bodied getter', () => {
  it("reports a C# method named for a secret or a product's licence key, and a JavaScript arrow constant", () => {
    const cs = 'class Geo {\n    private static string GeoLicense() => "Pw3Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi";\n    internal string SmtpPassword() => "Kestrel-Moor.48x";\n}\n';
    expect(values(cs, 'src/Geo.cs')).toEqual(['Pw3Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi', 'Kestrel-Moor.48x']);
    expect(values('export const webhookSecret = () => "whs-Lq8Zx1Rv6Tn4Kc9Hm2";\n', 'src/hooks.ts')).toEqual(['whs-Lq8Zx1Rv6Tn4Kc9Hm2']);
  });

  it('leaves a licence name, a lookup, a callback and a placeholder alone', () => {
    const cs = 'class Meta {\n    public static string License() => "GPL-3.0-or-later";\n    static string ApiKey() => Environment.GetEnvironmentVariable("GEO_KEY");\n    static string DbPassword() => "<db-password>";\n}\n';
    expect(values(cs, 'src/Meta.cs')).toEqual([]);
    expect(values('items.map(() => "Lq8Zx1Rv6Tn4Kc9Hm2Jd7");\n', 'src/list.ts')).toEqual([]);
  });
});

describe('a strong literal returned by a getter named for a PIN', () => {
  it('reports a PIN getter that returns a password-shaped literal', () => {
    const java = 'class Kiosk {\n    public String supervisorOverridePin() {\n        return "40917-Tq!mz";\n    }\n}\n';
    expect(values(java, 'src/main/java/Kiosk.java')).toEqual(['40917-Tq!mz']);
    expect(values('def door_pin():\n    return "Hv82#1177x"\n', 'kiosk/door.py')).toEqual(['Hv82#1177x']);
  });

  it("reports a door's PIN returned as digits kept as text, as in config (`door_pin: \"4711\"`)", () => {
    expect(values('class Panel {\n    public String doorPin() {\n        return "4711";\n    }\n}\n', 'src/main/java/Panel.java')).toEqual(['4711']);
  });

  it("leaves a board's pin and a name that only ends in the letters", () => {
    const java = 'class Board {\n    public String ledPin() {\n        return "GPIO17";\n    }\n    public String spin() {\n        return "Hv82#1177x";\n    }\n}\n';
    expect(values(java, 'src/main/java/Board.java')).toEqual([]);
  });
});

describe('a literal that is the expression body of a Kotlin or Scala function named for a secret', () => {
  it('reports the literal alone after the `=`, or the fallback after an environment lookup', () => {
    const kt = '@Configuration\nclass OnfidoConfig {\n    // webhook signature token from the dashboard\n    @Bean\n    fun webhookToken(): String = "38BiVVw8Vntyt8QtyGz9Z1VAv0eaYxZb"\n}\n';
    expect(values(kt, 'src/main/kotlin/OnfidoConfig.kt')).toEqual(['38BiVVw8Vntyt8QtyGz9Z1VAv0eaYxZb']);
    expect(values('object Keys {\n  def signingSecret(): String = "fG5hR8jK2mN4pQ7sT9vW"\n}\n', 'Keys.scala')).toEqual(['fG5hR8jK2mN4pQ7sT9vW']);
    expect(values('fun apiToken() = System.getenv("PARTNER_API_TOKEN") ?: "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua"\n', 'Partner.kt')).toEqual(['Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua']);
  });

  it('leaves a header name, a lookup, a choice between literals, a weak name without a lookup and a comparison', () => {
    expect(values('fun tokenHeader(): String = "X-Partner-Token"\n', 'A.kt')).toEqual([]);
    expect(values('fun apiToken(): String = tokens.getValue("default")\n', 'A.kt')).toEqual([]);
    expect(values('fun apiToken(): String = if (prod) "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua" else "dev"\n', 'A.kt')).toEqual([]);
    expect(values('fun geocoderKey(): String = "Qz8mLt3Rw7XkV2pN9cYbH4dJf6Gs1UeA"\n', 'A.kt')).toEqual([]);
    expect(values('fun ok() = apiToken() == "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua"\n', 'A.kt')).toEqual([]);
  });
});

describe("a getter's fallback literal given back by an expression after an environment lookup", () => {
  it("reports the literal after a ternary's `:`, Kotlin's `?:`, C#'s `??`, JavaScript's `||` and Python's `or`", () => {
    const java = 'static String webhookSigningKey() {\n    String fromEnv = System.getenv("HOOK_KEY");\n    return fromEnv != null ? fromEnv : "Zr4+Tq8vLm2Xw7Kp9Nc3Hy6Bd1Fg5Js0Ue";\n}\n';
    expect(values(java, 'src/main/java/Hooks.java')).toEqual(['Zr4+Tq8vLm2Xw7Kp9Nc3Hy6Bd1Fg5Js0Ue']);
    expect(values('fun brokerSecret(): String {\n    val v = System.getenv("B")\n    return v ?: "Lq3-Wz8mTr5kVx2N" // local runs\n}\n', 'Broker.kt')).toEqual(['Lq3-Wz8mTr5kVx2N']);
    expect(values('static string ReportsPassword() {\n    var v = Environment.GetEnvironmentVariable("R");\n    return v ?? "Fen!7qLz-Wr2mKx";\n}\n', 'Reports.cs')).toEqual(['Fen!7qLz-Wr2mKx']);
    expect(values('function exportToken() {\n  const t = process.env.T;\n  return t || "Nw6Kq2Zp9Lr4Tx8Vm3Hc";\n}\n', 'export.js')).toEqual(['Nw6Kq2Zp9Lr4Tx8Vm3Hc']);
    expect(values('def archive_secret():\n    v = os.environ.get("A")\n    return v or "Tk5Wm9Qz2Lr7Xv3Nb8Hc"\n', 'archive.py')).toEqual(['Tk5Wm9Qz2Lr7Xv3Nb8Hc']);
  });

  it('leaves a choice between two literals, a fallback with no environment lookup, a stand-in and a header name', () => {
    const choice = 'static String signingKey() {\n    boolean dev = System.getenv("DEV") != null;\n    return dev ? "Zr4+Tq8vLm2Xw7Kp" : "Hq2_VxP7mLr9TzKw";\n}\n';
    expect(values(choice, 'A.java')).toEqual([]);
    expect(values('static String signingKey() {\n    return cached != null ? cached : "Zr4+Tq8vLm2Xw7Kp9Nc3";\n}\n', 'A.java')).toEqual([]);
    expect(values('static String signingKey() {\n    String v = System.getenv("K");\n    return v != null ? v : "changeme";\n}\n', 'A.java')).toEqual([]);
    expect(values('static String tokenHeader() {\n    String v = System.getenv("H");\n    return v != null ? v : "X-Partner-Token";\n}\n', 'A.java')).toEqual([]);
  });
});
