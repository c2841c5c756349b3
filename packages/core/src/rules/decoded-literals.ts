import { decodeBase64 } from '../base64.js';
import { isWordCode } from '../char-codes.js';
import { classifyKey, splitWords, type KeyClass } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A secret kept in source as a base64 literal that the code decodes where it binds it to a secret's name:
 * Java's `this.apiKey = new String(Base64.getDecoder().decode("…"))`, Python's `API_KEY = base64.b64decode("…").decode()`,
 * JavaScript's `const token = atob("…")` and `Buffer.from("…", "base64").toString()`, C#'s
 * `Encoding.UTF8.GetString(Convert.FromBase64String("…"))`, Go's `secret, _ := base64.StdEncoding.DecodeString("…")`.
 * Encoding hides nothing: the decoded text is judged as the name's value would be, and the literal is reported. Decoded
 * text that is a word, a URL, JSON or a placeholder is no secret; neither is decoded binary (key bytes are
 * byte-arrays' to read, under the name of the type that holds them).
 */

/** The decoder's call on one quoted base64 literal, from the keyword on (Buffer.from's encoding argument checked after). */
const DECODER_CALL =
  /(?:b64decode|atob|FromBase64String|Decoder\(\)\.decode|DecodeString|Buffer\.from|Base64\.decode)\([ \t]{0,4}[bu]?["'`](?<v>[A-Za-z0-9+/_-]{12,400}={0,2})["'`]/y;
/** Node's `Buffer.from("…", "base64")`: only with the base64 encoding is the literal encoded. */
const BASE64_ENCODING_ARGUMENT = /^[ \t]{0,4},[ \t]{0,4}["'`]base64(?:url)?["'`]/;
/**
 * The name the decoded value is bound to, at the end of the line before the call and its wrappers: `apiKey =`,
 * `this.apiKey =`, `API_KEY: str =`, `secret, _ :=`, `"api_key":` (a map entry), `val token: String =`, `$config['api_key'] =`,
 * Rust's `const KEY: [u8; 32] =`.
 */
const BINDING_END =
  /(?<![\w$])["']?(?<name>[A-Za-z_$][\w$]{0,60})["']?\]?(?:[ \t]{0,4},[ \t]{0,4}(?:_|err))?(?:[ \t]{0,4}:[ \t]{0,4}(?:[\w<>[\]?.]{1,40}|&?\[\w{1,8};[ \t]{0,2}\w{1,12}\]))?[ \t]{0,4}(?::?=|:)$/;
/** How far back on its line a call's wrappers (`new String(java.util.Base64.`, `Encoding.UTF8.GetString(Convert.`) reach. */
const WRAPPER_REACH = 120;
/** Letters of wrappers: names, dots, calls' opening brackets, `new `; a comma or an operator ends them. */
const isWrapperCode = (c: number): boolean => isWordCode(c) || c === 0x24 || c === 0x2e || c === 0x28 || c === 0x20 || c === 0x09;

/** Printable ASCII text, no control characters or high bytes: what a key or a password decodes to. */
const PRINTABLE = /^[\x20-\x7e]{8,300}$/;

/**
 * The secret's name that the call at `offset` is bound to, classified: back over the call's qualifier and wrappers
 * (letters `isWrapper` accepts) to the end of the binding on the same line, classified by `classify`. A comparison (`==`,
 * `!=`) binds nothing.
 */
function boundKey(text: string, offset: number, isWrapper: (c: number) => boolean, classify: (name: string) => KeyClass | undefined): KeyClass | undefined {
  let i = offset;
  const limit = Math.max(0, offset - WRAPPER_REACH);
  // A path's `::` (Rust's `hex_literal::hex!`, C++'s and PHP's static calls) is part of the call's chain, never a binding's colon.
  while (i > limit) {
    if (isWrapper(text.charCodeAt(i - 1))) i--;
    else if (i >= 2 && text.charCodeAt(i - 1) === 0x3a && text.charCodeAt(i - 2) === 0x3a) i -= 2;
    else break;
  }
  // The line's start, looked for at most 200 characters back (a longer line's binding is too far: no lastIndexOf over it).
  let lineStart = i;
  while (lineStart > 0 && i - lineStart <= 200 && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  if (i - lineStart > 200) return undefined;
  const binding = BINDING_END.exec(text.slice(lineStart, i));
  if (binding === null) return undefined;
  // `==`, `!=`, `<=`: a comparison, not a binding.
  const sepAt = lineStart + binding.index + binding[0].length - 1;
  if (text.charCodeAt(sepAt) === 0x3d && /[=!<>]/.test(text.charAt(sepAt - 1))) return undefined;
  return classify(binding.groups!['name']!);
}

function findDecodedLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  return findDecoderCalls(text, options, offsets, DECODER_CALL, BASE64_ENCODING_ARGUMENT, isWrapperCode, classifyKey, (value) => {
    const decoded = decodeBase64(value);
    return decoded !== undefined && PRINTABLE.test(decoded) ? decoded : undefined;
  });
}

/**
 * The literals of decoder calls (`call`, sticky, its literal in group `v`) at `offsets` that are bound to a secret's name
 * (as `classify` reads it) and whose judged text (`judged(value)`, undefined to skip) is a plausible secret under it. Node's `Buffer.from` counts
 * only with the encoding argument `encoding` after the literal.
 */
function findDecoderCalls(
  text: string,
  options: DetectOptions,
  offsets: readonly number[],
  call: RegExp,
  encoding: RegExp,
  isWrapper: (c: number) => boolean,
  classify: (name: string) => KeyClass | undefined,
  judged: (value: string) => string | undefined,
): Span[] {
  const spans: Span[] = [];
  let after = -1;
  for (const offset of offsets) {
    if (offset < after) continue;
    call.lastIndex = offset;
    const m = call.exec(text);
    if (m === null) continue;
    const value = m.groups!['v']!;
    const end = m.index + m[0].length;
    after = end;
    if (m[0].startsWith('Buffer') && !encoding.test(text.slice(end, end + 16))) continue;
    const key = boundKey(text, offset, isWrapper, classify);
    if (key === undefined) continue;
    const judge = judged(value);
    if (judge === undefined || !isPlausibleSecret(judge, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    const start = end - 1 - value.length;
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/**
 * A key kept in source as hex that the code decodes to bytes where it binds them to a secret's name: PHP's
 * `$config['encryption_key'] = hex2bin('…')`, Python's `SIGNING_KEY = bytes.fromhex('…')` and `binascii.unhexlify(…)`,
 * Go's `seed, _ := hex.DecodeString("…")`, Java's `Hex.decodeHex("…")` and `HexFormat.of().parseHex("…")`, C#'s
 * `Convert.FromHexString("…")`, Node's `Buffer.from("…", "hex")`, Rust's `hex::decode("…")` and the hex-literal crate's
 * `hex!("…")` macro (`const FRAME_KEY: [u8; 32] = hex_literal::hex!("…")`). Keys are bytes, so the hex
 * is the key: nothing decoded is judged, only that the hex is as long as a key (16 bytes or more), whole bytes, and no
 * stand-in (one digit repeated, a counting dummy).
 */
const HEX_DECODER_CALL =
  /(?:hex2bin|fromhex|unhexlify|a2b_hex|hex\.DecodeString|decodeHex|parseHex|parseHexBinary|FromHexString|Buffer\.from|hex::decode|hex!)\([ \t]{0,4}[bu]?["'`](?<v>[0-9A-Fa-f]{32,1024})["'`]/y;
/** Node's `Buffer.from("…", "hex")`: only with the hex encoding is the literal hex-encoded bytes. */
const HEX_ENCODING_ARGUMENT = /^[ \t]{0,4},[ \t]{0,4}["'`]hex["'`]/;
/** Wrappers of a hex decoder also hold a factory's empty call (`HexFormat.of().parseHex`). */
const isHexWrapperCode = (c: number): boolean => isWrapperCode(c) || c === 0x29;

/** Bytes that count up (`000102030405…`, a test vector's dummy key): six in a row or more make the value a stand-in. */
function isCountingBytes(hex: string): boolean {
  let run = 1;
  for (let i = 2; i + 2 <= hex.length; i += 2) {
    run = parseInt(hex.slice(i, i + 2), 16) === parseInt(hex.slice(i - 2, i), 16) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/**
 * The name hex key bytes are bound to, classified. A bare site key (`SiteKey`, `site_key`) reads as a CAPTCHA's public one
 * (reCAPTCHA's, Turnstile's), but those are text a page embeds, never bytes decoded from hex: bytes under it are a key of
 * the site's (a lock system's site key, which its card keys are derived from). A name that says CAPTCHA stays public.
 */
function hexKeyName(name: string): KeyClass | undefined {
  const key = classifyKey(name);
  if (key !== undefined) return key;
  const words = splitWords(name);
  return words.length === 2 && words[0] === 'site' && words[1] === 'key' ? { category: 'KEY', weak: false } : undefined;
}

function findDecodedHexLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  // Keys are bytes: the hex itself is judged.
  return findDecoderCalls(text, options, offsets, HEX_DECODER_CALL, HEX_ENCODING_ARGUMENT, isHexWrapperCode, hexKeyName, (value) =>
    value.length % 2 !== 0 || isCountingBytes(value) ? undefined : value,
  );
}

export const decodedLiteralRules: Rule[] = [
  {
    id: 'decoded-base64-secret',
    category: 'KEY',
    description:
      'A base64 literal that code decodes into a secret\'s name, judged by its decoded text: `apiKey = new String(Base64.getDecoder().decode("…"))`, `API_KEY = base64.b64decode("…").decode()`, `token = atob("…")`, `Convert.FromBase64String("…")`, Go\'s `base64.StdEncoding.DecodeString("…")`',
    keywords: ['b64decode(', 'atob(', 'frombase64string(', 'decoder().decode(', 'decodestring(', 'buffer.from(', 'base64.decode('],
    pattern: DECODER_CALL,
    find: findDecodedLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '        this.apiKey = new String(java.util.Base64.getDecoder().decode("cmtfcHJvZF9XcTh2Wm0zVHg5TGIyS3BON2NZNGRI"));',
        'API_KEY = base64.b64decode("c2tfbGl2ZV9SdDd2WDJxTDltVzR6TjhiQzNwSg==").decode()',
        'const password = Buffer.from("SHE0LlRhcm4tV2lzcDgyIQ==", "base64").toString("utf8");',
        'var clientSecret = Encoding.UTF8.GetString(Convert.FromBase64String("R3Y3LXFMMm1YOXpLNHdQLVJ0Nm4="));',
        'secret, _ := base64.StdEncoding.DecodeString("Vm43cVp4MkxtOFRrNFdyUDVqQ3M=")',
      ],
      noMatch: [
        // Decoded: a URL, JSON, a placeholder, a word.
        'const apiToken = atob("aHR0cHM6Ly9hcGkuZXhhbXBsZS5jb20vdjIvb3JkZXJz");',
        'API_KEY = base64.b64decode("eyJyZWdpb24iOiJldS13ZXN0IiwicmV0cmllcyI6M30=").decode()',
        'const password = atob("eW91ci1wYXNzd29yZC1oZXJl");',
        'var token = Encoding.UTF8.GetString(Convert.FromBase64String("YXV0aG9yaXphdGlvbg=="));',
        // Not a secret's name, or not base64.
        'const logoSvg = atob("PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmci");',
        'const secret = Buffer.from("Vm43cVp4MkxtOFRrNFdyUDVqQ3M=", "hex");',
        'if (password == atob("Vm43cVp4MkxtOFRrNFdyUDVqQ3M=")) {',
      ],
    },
  },
  {
    id: 'decoded-hex-secret',
    category: 'KEY',
    description:
      'A hex literal that code decodes to key bytes under a secret\'s name: `$config[\'encryption_key\'] = hex2bin(\'…\')`, `SIGNING_KEY = bytes.fromhex("…")`, Go\'s `seed, _ := hex.DecodeString("…")`, `Hex.decodeHex("…")`, `Convert.FromHexString("…")`, `Buffer.from("…", "hex")`, Rust\'s `hex!("…")`',
    keywords: ['hex2bin(', 'fromhex(', 'unhexlify(', 'a2b_hex(', 'hex.decodestring(', 'decodehex(', 'parsehex(', 'parsehexbinary(', 'fromhexstring(', 'buffer.from(', 'hex::decode(', 'hex!('],
    pattern: HEX_DECODER_CALL,
    find: findDecodedHexLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "$config['encryption_key'] = hex2bin('9c41e7a03b5f28d6c1e4a7b09f3d52e8c6a1b47f0e9d3c25a8b6f14e7d0c93a2');",
        'var otaSigningSeed, _ = hex.DecodeString("b7e2094c1fa35d86e0c7b4a19f2e63d85a0c4e7b19f6d2a3c8e05b7146d9fa21")',
        'SIGNING_KEY = bytes.fromhex("4e8a1c7f02d9b635e1a47c0f9b28d6e3")',
        'private static final byte[] AES_KEY = HexFormat.of().parseHex("d41f8a92c7e03b65a1f4c8e27d09b3a6");',
        'const hmacSecret = Buffer.from("7a3e91c0f4d28b65e1a9c7f03b2d84e6", "hex");',
        'private static readonly byte[] SiteKey = Convert.FromHexString("5E02B7A94C1D83F60A2E9C47B1D5083F");',
        'pub const FRAME_HMAC_KEY: [u8; 32] = hex_literal::hex!("6b1f0e93c4a27d58e0b3f91c6a2d84e7f05c3b9a18d6e24f7c0a5b3e9d1f6c28");',
        'static PSK: [u8; 16] = hex!("4e8a1c7f02d9b635e1a47c0f9b28d6e3");',
      ],
      noMatch: [
        // Not a secret's name, the public half, too short for a key, a counting dummy, not hex-encoded.
        'var firmwareDigest, _ = hex.DecodeString("b7e2094c1fa35d86e0c7b4a19f2e63d85a0c4e7b19f6d2a3c8e05b7146d9fa21")',
        'VERIFY_KEY = bytes.fromhex("4e8a1c7f02d9b635e1a47c0f9b28d6e3")',
        "$config['encryption_key'] = hex2bin('9c41e7a03b5f28d6');",
        'SIGNING_KEY = bytes.fromhex("000102030405060708090a0b0c0d0e0f")',
        'const hmacSecret = Buffer.from("7a3e91c0f4d28b65e1a9c7f03b2d84e6", "utf8");',
        'if (hmacSecret == hex2bin("7a3e91c0f4d28b65e1a9c7f03b2d84e6")) {',
        'private static readonly byte[] CacheKey = Convert.FromHexString("5E02B7A94C1D83F60A2E9C47B1D5083F");',
        'private static readonly byte[] RecaptchaSiteKey = Convert.FromHexString("5E02B7A94C1D83F60A2E9C47B1D5083F");',
        'pub const IMAGE_SHA256: [u8; 32] = hex_literal::hex!("6b1f0e93c4a27d58e0b3f91c6a2d84e7f05c3b9a18d6e24f7c0a5b3e9d1f6c28");',
        'const GENESIS_HASH: [u8; 32] = hex!("6b1f0e93c4a27d58e0b3f91c6a2d84e7f05c3b9a18d6e24f7c0a5b3e9d1f6c28");',
      ],
    },
  },
];
