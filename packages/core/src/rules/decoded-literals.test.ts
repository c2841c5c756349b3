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
