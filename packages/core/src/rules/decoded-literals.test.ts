import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const found = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('decoded-base64-secret', () => {
  it('reports a base64 literal that Java decodes into a field named for a key', () => {
    const enc = b64('svc_Zt4qW8nLx2Rv7KmB3cJ9');
    const text = `    public Client() {\n        this.apiKey = new String(java.util.Base64.getDecoder().decode("${enc}"));\n    }`;
    expect(found(text, 'Client.java')).toContain(enc);
  });

  it('reads C#, Go, Python, JavaScript and Kotlin decoders the same way', () => {
    const cases: [string, string, string][] = [
      ['var hmacSecret = Encoding.UTF8.GetString(Convert.FromBase64String("%"));', 'Lw7-Qz3rTk9-Mx2p', 'a.cs'],
      ['\tsecret, err := base64.StdEncoding.DecodeString("%")', 'Pf8vXs2KqW9mZr4T', 'a.go'],
      ['DB_PASSWORD = base64.b64decode(b"%").decode("utf-8")', 'Orchid.Lamp-5521', 'a.py'],
      ['export const authToken: string = atob("%");', 't0k_Hv8Qn2Zr5Wx7Lp4M', 'a.ts'],
      ["const password = Buffer.from('%', 'base64').toString();", 'Kestrel#Vane-208', 'a.js'],
      ['val apiSecret = String(Base64.decode("%", Base64.DEFAULT))', 'As9Vq4Lm2Xz7Rk3Pn', 'a.kt'],
    ];
    for (const [shape, plain, file] of cases) expect(found(shape.replace('%', b64(plain)), file), shape).toContain(b64(plain));
  });

  it('stays silent when the decoded text is a URL, JSON, a placeholder or a word', () => {
    for (const plain of ['https://hooks.example.org/v1/ingest', '{"tier":"gold","retries":5}', 'replace-with-your-token', 'authentication', 'xxxxxxxxxxxxxxxx']) {
      const text = `String apiKey = new String(Base64.getDecoder().decode("${b64(plain)}"));`;
      expect(detect(text, { file: 'a.java' }).some((f) => f.rule === 'decoded-base64-secret'), plain).toBe(false);
    }
  });

  it('stays silent on a name that is no secret\'s, binary bytes, a comparison and a non-base64 Buffer', () => {
    const enc = b64('Pf8vXs2KqW9mZr4T');
    expect(found(`String bannerText = new String(Base64.getDecoder().decode("${enc}"));`, 'a.java')).toEqual([]);
    const byRule = (text: string, file: string): boolean => detect(text, { file }).some((f) => f.rule === 'decoded-base64-secret');
    expect(byRule(`if (token == atob("${enc}")) {`, 'a.js')).toBe(false);
    expect(byRule(`const secret = Buffer.from("${enc}", "hex");`, 'a.js')).toBe(false);
    const bytes = Buffer.from([0x9c, 0x01, 0xe2, 0x07, 0xb5, 0x3d, 0x68, 0xfa, 0x11, 0x80, 0x02, 0xff]).toString('base64');
    expect(detect(`var apiKey = Encoding.UTF8.GetString(Convert.FromBase64String("${bytes}"));`, { file: 'a.cs' }).some((f) => f.rule === 'decoded-base64-secret')).toBe(false);
  });
});

describe('decoded-hex-secret', () => {
  const hex = '9e4c1a7f03b8d25e6a0f4c9b1d7e38a5c2f60b94e1d8a73c5b0e29f6d4a1c87e';
  const byHexRule = (text: string, file: string): string[] =>
    detect(text, { file }).filter((f) => f.rule === 'decoded-hex-secret').map((f) => text.slice(f.start, f.end));

  it('reports hex that PHP, Go, Python, Java, C#, Node and Rust decode into a key\'s name', () => {
    const cases: [string, string][] = [
      [`$settings['encryption_key'] = hex2bin('${hex}');`, 'config.php'],
      [`var bundleSigningSeed, _ = hex.DecodeString("${hex}")`, 'sign.go'],
      [`HMAC_SECRET = bytes.fromhex("${hex}")`, 'app.py'],
      [`master_key = binascii.unhexlify(b"${hex}")`, 'app.py'],
      [`private static final byte[] AES_KEY = Hex.decodeHex("${hex}".toCharArray());`, 'Keys.java'],
      [`private static final byte[] aesKey = HexFormat.of().parseHex("${hex}");`, 'Keys.java'],
      [`var signingKey = Convert.FromHexString("${hex}");`, 'Keys.cs'],
      [`const webhookSecret = Buffer.from('${hex}', 'hex');`, 'hook.js'],
      [`let api_secret = hex::decode("${hex}").unwrap();`, 'main.rs'],
    ];
    // Some shapes generic-assignment reads too (the same span): the hex must be reported, by either.
    for (const [text, file] of cases) expect(found(text, file), text).toEqual([hex]);
  });

  it('leaves hex under a name that is no secret\'s, the public half, a stand-in and short or odd-length hex', () => {
    expect(byHexRule(`var bundleDigest, _ = hex.DecodeString("${hex}")`, 'sign.go')).toEqual([]);
    expect(byHexRule(`verify_key = bytes.fromhex("${hex}")`, 'app.py')).toEqual([]);
    expect(byHexRule(`SIGNING_KEY = bytes.fromhex("${'7'.repeat(64)}")`, 'app.py')).toEqual([]);
    expect(byHexRule(`SIGNING_KEY = bytes.fromhex("9e4c1a7f03b8d25e")`, 'app.py')).toEqual([]);
    expect(byHexRule(`SIGNING_KEY = bytes.fromhex("${hex.slice(1)}")`, 'app.py')).toEqual([]);
    expect(byHexRule(`const webhookSecret = Buffer.from('${hex}', 'utf8');`, 'hook.js')).toEqual([]);
    expect(byHexRule(`if ($token === hex2bin('${hex}')) {`, 'a.php')).toEqual([]);
  });
});

describe('decoded-hex-secret under a site key', () => {
  const hex = '9B4E17C2A05D68F3E1B7240C5AD39F86';
  it("reports hex decoded to bytes under a bare site key's name: a CAPTCHA's site key is text, never bytes", () => {
    expect(found(`        private static readonly byte[] SiteKey = Convert.FromHexString("${hex}");`, 'Encoder.cs')).toEqual([hex]);
    expect(found(`SITE_KEY = bytes.fromhex("${hex.toLowerCase()}")`, 'locks.py')).toEqual([hex.toLowerCase()]);
  });

  it("leaves a site key named for a CAPTCHA, and a site key that is a CAPTCHA's text", () => {
    expect(found(`private static readonly byte[] RecaptchaSiteKey = Convert.FromHexString("${hex}");`, 'a.cs')).toEqual([]);
    expect(found(`private static readonly byte[] TurnstileSiteKey = Convert.FromHexString("${hex}");`, 'a.cs')).toEqual([]);
    expect(found('const siteKey = "6LcQ4e8pAAAAAJ7x2Vb9Lm3Qk5Rt8Wz1Nc4Hy7Gd";', 'form.js')).toEqual([]);
  });
});
