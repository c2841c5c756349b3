import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

const detector = createDetector();
const found = (text: string, file = 'src/client.js') =>
  detector.detect(text, { file }).filter((f) => f.rule === 'basic-credential-built').map((f) => ({ category: f.category, text: text.slice(f.start, f.end) }));

describe('basic-credential-built with the password left empty', () => {
  it('reports the user as the key when code encodes "key:" for a Basic header', () => {
    expect(found('  headers: { Authorization: "Basic " + btoa("5e0c9a7f3b21d84e6a90c7f1d2b3e4a8:") },\n')).toEqual([
      { category: 'KEY', text: '5e0c9a7f3b21d84e6a90c7f1d2b3e4a8' },
    ]);
    expect(found('hdr = {"Authorization": "Basic " + base64.b64encode(b"rk_live_Tq8mZ2xLw7Vn4Kp9Rb3Hc:").decode()}\n', 'sync.py')).toEqual([
      { category: 'KEY', text: 'rk_live_Tq8mZ2xLw7Vn4Kp9Rb3Hc' },
    ]);
  });

  it('leaves a plain login name with an empty password, and a variable, alone', () => {
    expect(found('  headers: { Authorization: "Basic " + btoa("nightly_export_reader:") },\n')).toEqual([]);
    expect(found('  headers: { Authorization: "Basic " + btoa(projectSecret + ":") },\n')).toEqual([]);
  });

  it('still reports the password, not the user, when both are written', () => {
    const text = 'const h = "Basic " + btoa("kiosk:Wn4#tRz8Lq2");\n';
    expect(detector.detect(text, { file: 'src/client.js' }).map((f) => text.slice(f.start, f.end))).toEqual(['Wn4#tRz8Lq2']);
  });
});

describe('basic-credential-built with the scheme as an argument', () => {
  it("reads .NET's AuthenticationHeaderValue(\"Basic\", …) over a variable the bytes of a DOMAIN\\\\user pair were set to", () => {
    const text =
      'var raw = Encoding.ASCII.GetBytes("HVLAW\\\\svc_arch:Chancery-Lane-1896");\n' +
      '_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));\n';
    expect(found(text, 'Services/Client.cs')).toEqual([{ category: 'PASS', text: 'Chancery-Lane-1896' }]);
  });

  it('leaves the scheme named in a list, where nothing is encoded', () => {
    expect(found('schemes = ["basic", "digest:Sha256-sess"]\n', 'auth.py')).toEqual([]);
  });
});
