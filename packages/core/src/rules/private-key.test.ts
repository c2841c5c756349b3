import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

const detector = createDetector();
const spans = (text: string, file: string) => detector.detect(text, { file }).map((f) => ({ rule: f.rule, text: text.slice(f.start, f.end) }));

const PPK_PRIVATE = 'Private-Lines: 1\nAAAAIHk2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3\nPrivate-MAC: 8f3a2b1c';
const ppk = (comment: string) =>
  `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ${comment}\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5AAAAIGq2\n${PPK_PRIVATE}\n`;

describe('putty-private-key', () => {
  it('reports each key of a file that holds two, one after the other', () => {
    const found = spans(ppk('ci') + ppk('deploy'), 'keys.ppk');
    expect(found).toEqual([
      { rule: 'putty-private-key', text: PPK_PRIVATE },
      { rule: 'putty-private-key', text: PPK_PRIVATE },
    ]);
  });

  it('leaves a Private-Lines header with no PuTTY file header alone', () => {
    expect(spans(`${PPK_PRIVATE}\n`, 'notes.txt')).toEqual([]);
  });
});

describe('openvpn-static-key', () => {
  const body = Array.from({ length: 16 }, (_, i) => `${(0x3f2a9c71 + i * 0x1b3d5).toString(16).padStart(8, '0')}a7c4e2b19d6f8035e1b7c9a24d6f3e8b`.slice(0, 32)).join('\n');
  const key = `-----BEGIN OpenVPN Static key V1-----\n${body}\n-----END OpenVPN Static key V1-----`;

  it('reads a block up to its footer', () => {
    expect(spans(`<tls-auth>\n${key}\n</tls-auth>\n`, 'client.ovpn')).toEqual([{ rule: 'openvpn-static-key', text: key }]);
  });

  it('takes no footer further than a block runs (it closes something else)', () => {
    const far = `-----BEGIN OpenVPN Static key V1-----\n${body}\n${'#\n'.repeat(4200)}-----END OpenVPN Static key V1-----`;
    expect(spans(`${far}\n`, 'client.ovpn')).toEqual([]);
  });
});
