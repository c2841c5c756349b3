import { decodeBase64 } from '../base64.js';
import { indexOfBelow } from '../line-index.js';
import type { Rule, Span } from '../types.js';

/**
 * Private keys: PEM and OpenSSH blocks (RSA, EC, DSA, PKCS#8, encrypted, PGP), one
 * finding from `-----BEGIN` to the end of `-----END … -----`, also when the block sits in
 * a JSON string with literal `\n`, or was base64-encoded as a whole (`LS0tLS1CRUdJTi…`).
 *
 * A lazy regex from BEGIN to END would rescan the text after every BEGIN (quadratic on a
 * file of repeated headers), so the finder walks headers and END markers with two
 * monotone cursors instead: each character is looked at a bounded number of times.
 */

const HEADER = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/** Body characters of a key, once whitespace, escapes and string concatenation are removed. */
const MAX_BLOCK = 64 * 1024;

function bodyLooksReal(body: string): boolean {
  // Header lines first (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …` of an encrypted PEM): once
  // whitespace is gone a header "line" would run to the end of the body and take it all.
  const stripped = body
    .replace(/(?:^|\\n|\n)[ \t]{0,8}(?:Proc-Type|DEK-Info|Version|Comment|Hash):[^\n\\]{0,200}/gi, '\n')
    .replace(/\\[nrt]/g, '')
    .replace(/["'+,\s]/g, '');
  const base64 = stripped.replace(/[^A-Za-z0-9+/=]/g, '');
  if (base64.length < 40) return false;
  // Placeholders in docs: `...`, `<key>`, `xxxx`, `AAAA…` runs only.
  if (/\.\.\.|…|<[^>]*>|x{6,}|X{6,}/.test(body)) return false;
  if (/^(.)\1+$/.test(base64.replace(/=+$/, ''))) return false;
  return true;
}

const BODY_LINE = /^[ \t]*(?:[A-Za-z0-9+/=]{1,100}|[A-Za-z-]{1,20}:[^\r\n]{0,100})?[ \t]*\r?$/;

/** End offset of the run of key-body lines after `from` (at most 400 lines). */
function truncatedBodyEnd(text: string, from: number): number {
  let lineStart = text.indexOf('\n', from);
  if (lineStart === -1) return text.length;
  lineStart++;
  for (let n = 0; n < 400 && lineStart < text.length; n++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart > 130 || !BODY_LINE.test(text.slice(lineStart, lineEnd))) return lineStart;
    lineStart = lineEnd + 1;
  }
  return Math.min(lineStart, text.length);
}

function findPemBlocks(text: string): Span[] {
  const spans: Span[] = [];
  const header = new RegExp(HEADER.source, 'g');
  let endSearchFrom = 0;
  let nextEnd = -2; // -2: not searched yet, -1: none left
  for (let m = header.exec(text); m !== null; m = header.exec(text)) {
    const bodyStart = m.index + m[0].length;
    if (nextEnd !== -1 && (nextEnd === -2 || nextEnd < bodyStart)) {
      nextEnd = text.indexOf('-----END', Math.max(bodyStart, endSearchFrom));
      endSearchFrom = nextEnd === -1 ? text.length : nextEnd;
    }
    let end: number;
    let bodyEnd: number;
    if (nextEnd !== -1 && nextEnd - bodyStart <= MAX_BLOCK) {
      bodyEnd = nextEnd;
      const close = text.indexOf('-----', nextEnd + 8);
      end = close !== -1 && close - nextEnd < 80 ? close + 5 : nextEnd + 8;
    } else {
      // A truncated key: the lines after the header that can still be key body.
      bodyEnd = truncatedBodyEnd(text, bodyStart);
      end = bodyEnd;
      while (end > bodyStart && /\s/.test(text[end - 1]!)) end--;
    }
    // Whatever the verdict, the block is done with: headers inside it are not re-read.
    header.lastIndex = Math.max(header.lastIndex, end);
    if (!bodyLooksReal(text.slice(bodyStart, bodyEnd))) continue;
    spans.push({ start: m.index, end });
  }
  return spans;
}

const ENCODED_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/=]{40,20000}/g;

function findEncodedPem(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(ENCODED_PEM)) {
    const head = decodeBase64(m[0].slice(0, 80)) ?? '';
    if (!/^-----BEGIN[ A-Z0-9]{0,40}PRIVATE/.test(head)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/**
 * A DER private key in base64 without PEM armour: PKCS#1 RSA (`MII…IBAAK`), PKCS#8
 * (`MII…IBADANBgkqhkiG9w0BAQEFAASC`) and SEC1 EC keys (`MHcCAQEE…`), whose first bytes
 * are fixed by the ASN.1 structure.
 */
const DER_PRIVATE_KEY = /(?<![A-Za-z0-9+/])(?:MII[A-Za-z0-9+/]{1,3}(?:IBAAK|IBAAJ|IBADANBgkqhkiG9w0BAQEFAAS)|MHcCAQEEI|MIGkAgEBBDA|MIHcAgEBBEI|MC4CAQAwBQYDK2VwBCIEI)[A-Za-z0-9+/]{40,8000}={0,2}/;

/**
 * A PuTTY private key file (`.ppk`, versions 2 and 3): the `Private-Lines: N` header, its
 * base64 lines and the `Private-MAC` line are the secret; the public lines above stay.
 */
const PUTTY_PRIVATE = /^Private-Lines:[ \t]{0,4}(?<n>\d{1,3})[ \t]{0,4}\r?$/gm;

function findPuttyKeys(text: string): Span[] {
  if (!text.includes('PuTTY-User-Key-File-')) return [];
  const spans: Span[] = [];
  const header = new RegExp(PUTTY_PRIVATE.source, 'gm');
  for (let m = header.exec(text); m !== null; m = header.exec(text)) {
    const lines = Number(m.groups!['n']);
    let end = m.index + m[0].length;
    let body = '';
    for (let i = 0; i < lines && end < text.length; i++) {
      const next = text.indexOf('\n', end + 1);
      const lineEnd = next === -1 ? text.length : next;
      body += text.slice(end + 1, lineEnd).trim();
      end = lineEnd;
    }
    const mac = /^\r?\nPrivate-(?:MAC|Hash):[^\r\n]{0,200}/.exec(text.slice(end, end + 220));
    if (mac) end += mac[0].length;
    // Whatever the verdict, the lines read are done with: a header among them is not read again with its own 999 lines
    // (a file of nothing but headers cost 18 s a megabyte).
    header.lastIndex = Math.max(header.lastIndex, end);
    if (!bodyLooksReal(body)) continue;
    spans.push({ start: m.index, end });
  }
  return spans;
}

/**
 * OpenVPN's own key files: the static key that `openvpn --genkey` writes for `tls-auth`,
 * `tls-crypt` or a point-to-point link (`ta.key`, 2048 bits as 16 lines of hex), and the
 * per-client `tls-crypt-v2` keys (base64). Whoever holds one can pass the HMAC firewall in
 * front of the TLS handshake, or decrypt and forge a static-key tunnel's traffic. They sit in
 * their own files or inline in a client profile (`<tls-auth>` … `</tls-auth>` in a `.ovpn`).
 */
const OPENVPN_KEY_HEADER = /-----BEGIN OpenVPN (?<kind>Static key V1|tls-crypt-v2 (?:client|server) key)-----/g;
/** A key block is a few hundred characters: an END further than this belongs to something else. */
const MAX_OPENVPN_BLOCK = 8 * 1024;

function findOpenVpnKeys(text: string): Span[] {
  const spans: Span[] = [];
  const header = new RegExp(OPENVPN_KEY_HEADER.source, 'g');
  for (let m = header.exec(text); m !== null; m = header.exec(text)) {
    const kind = m.groups!['kind']!;
    const bodyStart = m.index + m[0].length;
    const footer = `-----END OpenVPN ${kind}-----`;
    // Looked for within a block's reach only: headers that no footer follows must not each search the text to its end.
    const close = indexOfBelow(text, footer, bodyStart, bodyStart + MAX_OPENVPN_BLOCK + 1);
    if (close === -1) continue;
    header.lastIndex = close + footer.length;
    // In a JSON or YAML string the lines are joined by `\n` escapes.
    const body = text.slice(bodyStart, close).replace(/\\[nr]/g, '').replace(/\s/g, '');
    const hex = kind === 'Static key V1';
    if (!(hex ? /^[0-9a-fA-F]{64,1024}$/ : /^[A-Za-z0-9+/]{40,4096}={0,2}$/).test(body)) continue;
    // `0000…`, `xxxx…` runs stand in for a key in documentation.
    if (new Set(body.toLowerCase()).size < 8) continue;
    spans.push({ start: m.index, end: close + footer.length });
  }
  return spans;
}

/**
 * A Kerberos keytab (MIT and Heimdal, format version 2: the bytes 05 02 first) in base64, as CI
 * variables and notes keep one (`BQIAAAB…`): the service's long-term keys, enough to act as it.
 * The encoding of 05 02 opens `BQ` and then `I` to `L`. Taken where the text calls it a keytab
 * within a few lines before, or where the first entry reads as one: a length that fits, one to
 * eight name components and a printable realm.
 */
const KEYTAB_BASE64 = /(?<![A-Za-z0-9+/])BQ[IJKL][A-Za-z0-9+/]{57,16000}={0,2}(?![A-Za-z0-9+/=])/y;
const KEYTAB_WORD = /keytab/i;

function isKeytabEntry(bytes: string): boolean {
  if (bytes.length < 16) return false;
  const size = ((bytes.charCodeAt(2) << 24) | (bytes.charCodeAt(3) << 16) | (bytes.charCodeAt(4) << 8) | bytes.charCodeAt(5)) | 0;
  if (size <= 0 || size > bytes.length - 6) return false;
  const components = (bytes.charCodeAt(6) << 8) | bytes.charCodeAt(7);
  const realmLength = (bytes.charCodeAt(8) << 8) | bytes.charCodeAt(9);
  if (components < 1 || components > 8 || realmLength < 1 || realmLength > 255 || 10 + realmLength > bytes.length) return false;
  return /^[\x21-\x7e]+$/.test(bytes.slice(10, 10 + realmLength));
}

function findKeytabs(text: string, _options: unknown, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let doneUntil = -1;
  for (const at of offsets) {
    if (at < doneUntil || text.charCodeAt(at) !== 0x42 /* B */ || text.charCodeAt(at + 1) !== 0x51 /* Q */) continue;
    KEYTAB_BASE64.lastIndex = at;
    const m = KEYTAB_BASE64.exec(text);
    if (m === null) continue;
    doneUntil = at + m[0].length;
    const bytes = decodeBase64(m[0]);
    if (bytes === undefined || bytes.charCodeAt(0) !== 0x05 || bytes.charCodeAt(1) !== 0x02) continue;
    if (new Set(m[0]).size < 16) continue;
    if (!KEYTAB_WORD.test(text.slice(Math.max(0, at - 600), at)) && !isKeytabEntry(bytes)) continue;
    spans.push({ start: at, end: at + m[0].length });
  }
  return spans;
}

export const privateKeyRules: Rule[] = [
  {
    id: 'putty-private-key',
    category: 'PKEY',
    description: 'The private part of a PuTTY key file (`.ppk`: `Private-Lines` and `Private-MAC`), as one finding',
    keywords: ['putty-user-key-file-'],
    pattern: PUTTY_PRIVATE,
    find: findPuttyKeys,
    confidence: 'high',
    examples: {
      match: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ci\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIGq2\nXk2mP9qR7v\nPrivate-Lines: 1\nAAAAIHk2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3\nPrivate-MAC: 8f3a2b1c\n',
      ],
      noMatch: ['Private-Lines: 1\nAAAAIHk2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3\n'],
    },
  },
  {
    id: 'private-key',
    category: 'PKEY',
    description: 'A PEM or OpenSSH private key block (RSA, EC, DSA, PKCS#8, encrypted, PGP), multi-line or inside a string with `\\n`',
    keywords: ['-----begin'],
    pattern: HEADER,
    find: findPemBlocks,
    confidence: 'high',
    examples: {
      match: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
        '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n-----END PRIVATE KEY-----\\n"}',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17A2B4C5D6E7F8091A2B3C4D5E6F70\n\nyQoey8gWlf41GC/zqPTmSNERZushCAe5Ytx948z8tyP88gLUfTfWVHN+sFOh6EII\nu0aN6gfjIfG9IRvDA92sPyaKlyP+P576pidJSTH8kqOgm8J06DkIf48huVztl2NO\n-----END RSA PRIVATE KEY-----',
      ],
      noMatch: [
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17A2B4C5D6E7F8091A2B3C4D5E6F70\n\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----',
      ],
    },
  },
  {
    id: 'openvpn-static-key',
    category: 'PKEY',
    description: 'An OpenVPN static key (`tls-auth`/`tls-crypt` `ta.key`, `-----BEGIN OpenVPN Static key V1-----`) or `tls-crypt-v2` client or server key, from BEGIN to END as one finding, also inline in a `.ovpn` profile',
    keywords: ['-----begin openvpn'],
    pattern: OPENVPN_KEY_HEADER,
    find: findOpenVpnKeys,
    confidence: 'high',
    examples: {
      match: [
        '<tls-auth>\n-----BEGIN OpenVPN Static key V1-----\n' +
          '4be1c27a90d35f6e8b0a12c7d49e3f58\n0c6a7d2e91b8f4305e7a6c1d28b9f0e3\n9d5e0b7c3a1f48e62d09c8b7a5f13e46\n7f2c8e1a05d6b93c4e7a0f2d81b6c953\n' +
          '-----END OpenVPN Static key V1-----\n</tls-auth>',
      ],
      noMatch: [
        '-----BEGIN OpenVPN Static key V1-----\n<paste the contents of ta.key here>\n-----END OpenVPN Static key V1-----',
        '-----BEGIN OpenVPN Static key V1-----\n' + '0'.repeat(32) + '\n' + '0'.repeat(32) + '\n' + '0'.repeat(32) + '\n-----END OpenVPN Static key V1-----',
      ],
    },
  },
  {
    id: 'private-key-der-base64',
    category: 'PKEY',
    description: 'A DER-encoded private key in base64 without PEM armour (PKCS#1, PKCS#8, SEC1 EC, Ed25519)',
    keywords: ['mii', 'mhccaqeei', 'migkagebbda', 'mihcagebbei', 'mc4caqawbqydk2vwbcie'],
    pattern: DER_PRIVATE_KEY,
    confidence: 'high',
    examples: {
      match: ['<Key>MIIBOgIBAAJBAJtFfagSXdo0JmX6EdwWGvFMaXeOFY5xOTs3PWsnhRFakQFbAuI/Rp6c2pzrVmeBmn1Ag7Fj</Key>'],
      noMatch: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun'],
    },
  },
  {
    id: 'kerberos-keytab-base64',
    category: 'PKEY',
    description: "A Kerberos keytab (a service's long-term keys) encoded as base64 (`BQIAAAB…`), named a keytab nearby or read as one",
    keywords: ['bqi', 'bqj', 'bqk', 'bql'],
    pattern: /BQ[IJKL][A-Za-z0-9+/]{57,16000}={0,2}/,
    find: findKeytabs,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        // A keytab for HTTP/web01.acme.test@ACME.TEST, its entry read from its bytes.
        'SVC_CREDENTIAL=BQIAAABRAAIACUFDTUUuVEVTVAAESFRUUAAPd2ViMDEuYWNtZS50ZXN0AAAAAWXK5p0CABIAICfMFHVNEA8joxsPRZeoL8v1uE/x7ibrON1zrOOMTja1',
        'The deploy job reads the keytab from a CI variable:\n\n    BQKXm9c2Lr7Tq4Vw8Zp1Hn6Jd3Fg0Sb5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3KsA7Lm2Nq',
      ],
      noMatch: [
        'blob = "BQKXm9c2Lr7Tq4Vw8Zp1Hn6Jd3Fg0Sb5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3KsA7Lm2Nq"',
        'keytab: BQIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
  {
    id: 'private-key-base64',
    category: 'PKEY',
    description: 'A PEM private key encoded as base64 as a whole (`LS0tLS1CRUdJTi…`, e.g. in Kubernetes secrets)',
    keywords: ['ls0tls1crudjti'],
    pattern: ENCODED_PEM,
    find: findEncodedPem,
    confidence: 'high',
    examples: {
      match: ['tls.key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBdTFTVTFMZlZMUEhDb3pNeEgyTW80bGdPRWVQek5tMHRSZ2VMZXpWNmZmQXQwZ3VuClZUTHc3b25MUm5ycTAvSXpXN3lXUjdRa3JtQkw3alRLRW41dStxS2hid0tmQnN0SXMrYk1ZMlprcDE4Z25UeEsKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K'],
      noMatch: ['tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURkekNDQWwrZ0F3SUJBZ0lFQWdBQXVUQU5CZ2txaGtpRzl3MEJBUVVGQURCYU1Rc3dDUVlEVlFRR0V3SkoKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo='],
    },
  },
];
