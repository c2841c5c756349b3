import { classifyKey } from '../key-name.js';
import { isPlaceholder, isPlausibleSecret } from '../secret-value.js';
import { shannonEntropy } from '../entropy.js';
import { indexOfBelow, lastIndexOfAbove } from '../line-index.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Secrets that Windows and .NET tools write in formats of their own, where no key name sits
 * before the value the way an assignment has one: a Remote Desktop file's saved password, an
 * ASP.NET Core Data Protection key ring entry, an RSA private key in .NET's XML form, the
 * property values of an SSIS package configuration, and the key of a Wi-Fi profile.
 */

/**
 * `password 51:b:<hex>` in a `.rdp` file: the password mstsc saved, encrypted with DPAPI. Anyone
 * logged on as that Windows user (malware included) decrypts it in one call, and the file is
 * what gets copied around; the hex blob opens with DPAPI's provider GUID (`01000000D08C9DDF…`).
 */
const RDP_SAVED_PASSWORD = /password 51:b:(?<v>[0-9A-Fa-f]{64,8000})(?![0-9A-Fa-f])/y;

/**
 * An ASP.NET Core Data Protection key (`key-<guid>.xml`): `<masterKey>` holds the key itself in
 * `<value>` when the ring is not encrypted at rest (the file then says so in a comment); an encrypted
 * ring holds `<encryptedSecret>` instead. Whoever has the key forges the app's auth cookies and
 * anti-forgery tokens.
 */
const MASTER_KEY_VALUE = /<value>(?<v>[A-Za-z0-9+/]{40,400}={0,2})<\/value>/;
/** A `<masterKey>` element is a few hundred characters: a `</masterKey>` further than this closes something else. */
const MASTER_KEY_WINDOW = 1500;

function findMasterKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // The next close is found once for all the openings before it (offsets are sorted): a search per opening
  // ran to the text's end each time, quadratic in a text of openings that never close.
  let close = -2; // -2: not searched yet; -1: no close after this point
  for (const offset of offsets) {
    if (close < offset) close = text.indexOf('</masterKey>', offset);
    if (close === -1) break;
    if (close - offset > MASTER_KEY_WINDOW) continue;
    const element = text.slice(offset, close);
    // Encrypted at rest (DPAPI, a certificate, Azure Key Vault): what `<value>` holds there is ciphertext.
    if (element.includes('<encryptedSecret')) continue;
    const m = MASTER_KEY_VALUE.exec(element);
    if (m === null || shannonEntropy(m.groups!['v']!) < 4) continue;
    const start = offset + m.index + '<value>'.length;
    spans.push({ start, end: start + m.groups!['v']!.length });
  }
  return spans;
}

/** The private parts of an RSA key in .NET's XML form (`RSA.ToXmlString(true)`): primes, exponents, coefficient. */
const RSA_XML_PRIVATE_PART = /<(?<part>P|Q|DP|DQ|InverseQ|D)>(?<v>[A-Za-z0-9+/]{20,1400}={0,2})<\/(?<close>[A-Za-z]{1,8})>/g;
/** How far from `<RSAKeyValue>` its private parts are looked for: a 4096-bit key's XML is ~3,300 characters, code may split it into literals. */
const RSA_XML_WINDOW = 8000;

/**
 * Each private part of an `<RSAKeyValue>` key: the modulus and exponent are the public key (shipped to
 * verify signatures), `<P>`, `<Q>`, `<DP>`, `<DQ>`, `<InverseQ>` and `<D>` are the private key, reported
 * one by one because code often splits the XML over several string literals.
 */
function findRsaXmlPrivateParts(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    const from = Math.max(offset, readTo);
    // Its close within the window only: openings never closed must not each cost a search to the text's end.
    const close = indexOfBelow(text, '</RSAKeyValue>', from, from + RSA_XML_WINDOW + 1);
    const end = close === -1 ? Math.min(text.length, from + RSA_XML_WINDOW) : close;
    readTo = end;
    const window = text.slice(from, end);
    for (const m of window.matchAll(RSA_XML_PRIVATE_PART)) {
      const value = m.groups!['v']!;
      if (m.groups!['close'] !== m.groups!['part']) continue;
      // Documentation writes the parts as `<D>…</D>` or a short run of one letter.
      if (isPlaceholder(value) || shannonEntropy(value) < 3.5) continue;
      const start = from + m.index + m[0].length - `</${m.groups!['part']!}>`.length - value.length;
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

/**
 * An SSIS package configuration (`.dtsConfig`, or the same XML in a configuration table's export):
 * `<Configuration … Path="\Package.Connections[DW].Properties[Password]" …>` then the value in
 * `<ConfiguredValue>`. The property's name says what the value is, as a key name would.
 */
const SSIS_CONFIGURED_VALUE = /\.Properties\[(?<name>[A-Za-z]{1,60})\]["'][^<>]{0,300}>\s{0,200}<ConfiguredValue>(?<v>[^<\r\n]{1,300})<\/ConfiguredValue>/y;

function findSsisConfiguredValues(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(SSIS_CONFIGURED_VALUE, text, offsets, (m) => {
    const key = classifyKey(m.groups!['name']!);
    const value = m.groups!['v']!.trim();
    if (key === undefined || !isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
    const raw = m.groups!['v']!;
    const start = m.index + m[0].length - '</ConfiguredValue>'.length - raw.length + raw.indexOf(value);
    spans.push({ start, end: start + value.length, category: key.category });
  });
  return spans;
}

/**
 * The key of a Windows Wi-Fi profile (`netsh wlan export profile key=clear`, the XML that `netsh wlan add profile` and
 * Intune read): `<keyMaterial>` in `<sharedKey>`, the WPA passphrase, or a raw or WEP key in hex.
 */
const WLAN_KEY_MATERIAL = /<keyMaterial>(?<v>[^<\r\n]{5,200})<\/keyMaterial>/iy;
/** How far back from `<keyMaterial>` its `<sharedKey>` opens: the element holds a key type and a flag before it. */
const SHARED_KEY_REACH = 400;
/** A sharedKey's flag that its key material is encrypted. */
const PROTECTED_KEY = /<protected>[ \t]*true[ \t]*<\/protected>/i;
/** A DPAPI blob in hex, as Windows writes a protected key (`01000000D08C9DDF…`): its provider's header. */
const DPAPI_BLOB = /^01000000d08c9ddf/i;

/**
 * Whether the key material at `at` is encrypted: its `<sharedKey>` says `<protected>true</protected>`, or the value is a
 * DPAPI blob. That blob opens only with the key of the machine that exported it, as SYSTEM: off that machine it is
 * ciphertext, not the key, so it is left alone.
 */
function isProtectedKeyMaterial(text: string, at: number, value: string): boolean {
  if (DPAPI_BLOB.test(value)) return true;
  const open = lastIndexOfAbove(text, '<sharedKey', at, at - SHARED_KEY_REACH);
  return open !== -1 && PROTECTED_KEY.test(text.slice(open, at));
}

function findWlanKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(WLAN_KEY_MATERIAL, text, offsets, (m) => {
    const value = m.groups!['v']!;
    // A script's variable in a here-string (`<keyMaterial>$psk</keyMaterial>`) is powershell-variable-secret's to follow.
    if (value.startsWith('$') || isProtectedKeyMaterial(text, m.index, value)) return;
    // The element holds the passphrase whole: a run of words with spaces is the key as typed.
    if (!isPlausibleSecret(value, { category: 'PASS', quoted: true, passphrase: true, ...(options.file === undefined ? {} : { file: options.file }) })) return;
    const start = m.index + '<keyMaterial>'.length;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

export const windowsFormatRules: Rule[] = [
  {
    id: 'wlan-profile-key',
    category: 'PASS',
    description:
      'The key of a Windows Wi-Fi profile exported in clear (`<sharedKey>` … `<protected>false</protected><keyMaterial>…</keyMaterial>`, as `netsh wlan export profile key=clear` writes it): the passphrase or the hex key; not a protected one (`<protected>true</protected>`, a DPAPI blob only the exporting machine opens), nor a script\'s variable',
    keywords: ['<keymaterial>'],
    pattern: WLAN_KEY_MATERIAL,
    find: findWlanKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '<sharedKey>\n  <keyType>passPhrase</keyType>\n  <protected>false</protected>\n  <keyMaterial>Otter-Slipway-2290</keyMaterial>\n</sharedKey>',
        '<sharedKey><keyType>networkKey</keyType><keyMaterial>7f3a9c21d84e6b05a1c93e7d2f</keyMaterial></sharedKey>',
      ],
      noMatch: [
        `<sharedKey>\n  <keyType>passPhrase</keyType>\n  <protected>true</protected>\n  <keyMaterial>01000000D08C9DDF0115D1118C7A00C04FC297EB01000000${'9c2e7a41b0d6f3c8'.repeat(8)}</keyMaterial>\n</sharedKey>`,
        '<sharedKey><keyType>passPhrase</keyType><protected>false</protected><keyMaterial>$psk</keyMaterial></sharedKey>',
        '<sharedKey><keyType>passPhrase</keyType><protected>false</protected><keyMaterial>YOUR_WIFI_KEY</keyMaterial></sharedKey>',
      ],
    },
  },
  {
    id: 'rdp-saved-password',
    category: 'PASS',
    description: 'The saved password of a Remote Desktop connection file (`.rdp`: `password 51:b:<DPAPI blob in hex>`), which its Windows user, or anything running as them, decrypts at once',
    keywords: ['password 51:b:'],
    pattern: RDP_SAVED_PASSWORD,
    startsAtKeyword: true,
    secretGroup: 'v',
    minEntropy: 3,
    confidence: 'high',
    examples: {
      match: [`full address:s:10.8.0.14\nusername:s:CORP\\ops\npassword 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB010000003f${'9c2e7a41b0d6f3c8'.repeat(6)}\n`],
      noMatch: ['password 51:b:', 'password 51:b:0000000000000000000000000000000000000000000000000000000000000000', 'prompt for credentials:i:1'],
    },
  },
  {
    id: 'aspnet-data-protection-key',
    category: 'KEY',
    description: 'An unencrypted ASP.NET Core Data Protection key (`<masterKey>` … `<value>base64</value>` in a key ring `key-<guid>.xml`): it signs and encrypts the app\'s auth cookies and anti-forgery tokens',
    keywords: ['<masterkey'],
    pattern: MASTER_KEY_VALUE,
    find: findMasterKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '<masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">\n  <!-- Warning: the key below is in an unencrypted form. -->\n  <value>Zr4vQ9mL2xTk7Wp1Hc5Nb8Yd3Fg6Js0Ka4Re9Uo2Vi7Xl1Tq5Mw8Pz3Cy6Bn0Gh4Dj8Lf2Sa7Ke1Wu5Ox9Yr3Q==</value>\n</masterKey>',
      ],
      noMatch: [
        '<masterKey>\n  <encryptedSecret decryptorType="Microsoft.AspNetCore.DataProtection.XmlEncryption.DpapiXmlDecryptor">\n    <encryptedKey><value>AQAAANCMnd8BFdERjHoAwE</value></encryptedKey>\n  </encryptedSecret>\n</masterKey>',
        '<masterKey>\n  <value>{base64-encoded key}</value>\n</masterKey>',
      ],
    },
  },
  {
    id: 'rsa-xml-private-key',
    category: 'PKEY',
    description: 'The private parts of an RSA key in .NET\'s XML form (`<RSAKeyValue>` with `<P>`, `<Q>`, `<DP>`, `<DQ>`, `<InverseQ>`, `<D>`), also split over string literals; a public key (`<Modulus>`, `<Exponent>` only) is not reported',
    keywords: ['<rsakeyvalue>'],
    pattern: RSA_XML_PRIVATE_PART,
    find: findRsaXmlPrivateParts,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '<RSAKeyValue><Modulus>wK3vXq9Tz2Lm7Pn4Rb8Yc1Hd5Fg0Js6Ka3Qe9Uo2Vi7Xl1Tq5Mw8Pz3Cy6Bn0Gh4Dj8Lf2Sa7Ke1Wu5Ox9Yr3Q==</Modulus><Exponent>AQAB</Exponent>' +
          '<P>9Lq2Wv8Zr5Tn1Xk7Pm4Hs0Dj9Fc3Gb6YaQe8Ru2Ty5Ui1Op7As3Df9Gh4Jk0Lz6Xc2Vb8Nm5Qw==</P><D>Hd5Fg0Js6Ka3Qe9Uo2Vi7Xl1Tq5Mw8Pz3Cy6Bn0Gh4Dj8Lf2Sa7Ke1Wu5Ox9Yr3QwK3vXq9Tz2Lm7Pn4Rb8Yc1==</D></RSAKeyValue>',
      ],
      noMatch: [
        '<RSAKeyValue><Modulus>wK3vXq9Tz2Lm7Pn4Rb8Yc1Hd5Fg0Js6Ka3Qe9Uo2Vi7Xl1Tq5Mw8Pz3Cy6Bn0Gh4Dj8Lf2Sa7Ke1Wu5Ox9Yr3Q==</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>',
        '<RSAKeyValue><Modulus>…</Modulus><Exponent>AQAB</Exponent><P>AAAAAAAAAAAAAAAAAAAAAAAAAAAA</P><D>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</D></RSAKeyValue>',
      ],
    },
  },
  {
    id: 'ssis-configured-value',
    category: 'PASS',
    description: 'A secret property set by an SSIS package configuration (`.dtsConfig`: `Path="…Properties[Password]"` then `<ConfiguredValue>…</ConfiguredValue>`), judged by the property\'s name',
    keywords: ['.properties['],
    pattern: SSIS_CONFIGURED_VALUE,
    find: findSsisConfiguredValues,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '<Configuration ConfiguredType="Property" Path="\\Package.Connections[Ledger].Properties[Password]" ValueType="String">\n  <ConfiguredValue>Tern$Gravel-604</ConfiguredValue>\n</Configuration>',
      ],
      noMatch: [
        '<Configuration ConfiguredType="Property" Path="\\Package.Connections[Ledger].Properties[ServerName]" ValueType="String">\n  <ConfiguredValue>sql07</ConfiguredValue>\n</Configuration>',
        '<Configuration ConfiguredType="Property" Path="\\Package.Connections[Ledger].Properties[Password]" ValueType="String">\n  <ConfiguredValue>$(LedgerPassword)</ConfiguredValue>\n</Configuration>',
        '<Configuration ConfiguredType="Property" Path="\\Package.Connections[Ledger].Properties[PasswordLength]" ValueType="Int32">\n  <ConfiguredValue>12</ConfiguredValue>\n</Configuration>',
      ],
    },
  },
];
