import type { DetectOptions, Rule, Span } from '../../types.js';
import { looksRandom, notPlaceholder } from './shape.js';

/**
 * Game studios' tools and platforms: what build farms and developer machines keep of a
 * Steam login, a Unity licence, a Plastic SCM (Unity Version Control) account.
 */

/** Steam's `config.vdf` block that caches a login: `"ConnectCache"` then `{`. */
const CONNECT_CACHE_OPEN = /"ConnectCache"[ \t]{0,8}\r?\n?[ \t]{0,40}\{/iy;
/** One cached login: an account's 8-hex key, then the hex of its encrypted refresh token. */
const CONNECT_CACHE_ENTRY = /"[0-9a-f]{8}"[ \t]{1,40}"([0-9a-f]{64,4000})"/g;
/** How far a block's entries are read: its closing brace ends it sooner. */
const CONNECT_CACHE_WINDOW = 20_000;

/**
 * The cached Steam logins of a `config.vdf` (`Steam/config/config.vdf`, copied into build
 * agents so that `steamcmd` logs in without a password or Steam Guard code): each value
 * logs its account in, as the password and the second factor would.
 */
function findSteamConnectCache(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    // The keyword is `connectcache`; the block opens at the quote before it.
    const at = offset - 1;
    if (at < readTo || at < 0) continue;
    CONNECT_CACHE_OPEN.lastIndex = at;
    const open = CONNECT_CACHE_OPEN.exec(text);
    if (open === null) continue;
    const from = at + open[0].length;
    const close = text.indexOf('}', from);
    const end = close === -1 || close - from > CONNECT_CACHE_WINDOW ? Math.min(text.length, from + CONNECT_CACHE_WINDOW) : close;
    const body = text.slice(from, end);
    readTo = end;
    CONNECT_CACHE_ENTRY.lastIndex = 0;
    for (let m = CONNECT_CACHE_ENTRY.exec(body); m !== null; m = CONNECT_CACHE_ENTRY.exec(body)) {
      const value = m[1]!;
      if (!notPlaceholder(value) || /(.)\1{15}/.test(value)) continue;
      const start = from + m.index + m[0].length - 1 - value.length;
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

/** A Unity serial: two characters, then five groups of four (`E3-XXXX-XXXX-XXXX-XXXX-XXXX`), upper case and digits. */
const UNITY_SERIAL = '[A-Z0-9]{2}(?:-[A-Z0-9]{4}){5}';

export const gameRules: Rule[] = [
  {
    id: 'steam-connect-cache',
    category: 'TOKEN',
    description: "A cached Steam login in `config.vdf`'s `ConnectCache` block (an account's 8-hex key and its encrypted refresh token): `steamcmd` logs in with it, no password or Steam Guard code asked",
    keywords: ['connectcache'],
    pattern: /"ConnectCache"[ \t]{0,8}\r?\n?[ \t]{0,40}\{[ \t\r\n]{0,80}"[0-9a-f]{8}"[ \t]{1,40}"([0-9a-f]{64,4000})"/i,
    secretGroup: 1,
    find: findSteamConnectCache,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '"ConnectCache"\n{\n\t"2642e0b7"\t\t"3cb801191d42136e92f8c730e84d41bbc001e2bd70dbd96868093486ab2b21002f6c6f6dda68652d373fdaca2e0873df47896eca6b269fe2d1"\n}',
      ],
      noMatch: ['"ConnectCache"\n{\n}', '"Accounts"\n{\n\t"2642e0b7"\t\t"3cb801191d42136e92f8c730e84d41bbc001e2bd70dbd96868093486ab2b21002f6c6f6dda68652d373fdaca2e0873df47896eca6b269fe2d1"\n}'],
    },
  },
  {
    id: 'unity-serial',
    category: 'CRED',
    description: 'A Unity licence serial (`E3-XXXX-XXXX-XXXX-XXXX-XXXX`) under a serial\'s name or after `-serial`: it activates a seat of the studio\'s Unity licence',
    keywords: ['serial'],
    startsAtKeyword: true,
    pattern: new RegExp(`serial[\\w.\\-]{0,40}["']?(?:[ \\t]{0,4}[:=][ \\t]{0,4}|[ \\t]{1,4})["']?(${UNITY_SERIAL})(?![\\w-])`, 'i'),
    secretGroup: 1,
    // A licence serial mixes letters and digits; `XX-XXXX-…` and `AB-1234-1234-…` stand in for one.
    validate: (secret) => looksRandom(secret) && /[A-Z]/.test(secret) && /\d/.test(secret) && !/([A-Z0-9]{4})-\1/.test(secret),
    confidence: 'high',
    examples: {
      match: ['export UNITY_LICENSE_SERIAL="E3-FJFO-WJL1-3I5H-9S8I-0UT1"', '      UNITY_SERIAL: SC-YMXA-S3NP-TSED-XRFC-12LY', 'Unity -batchmode -quit -serial E4-K2PQ-7HNW-Z3RT-M8YD-4VXC -username ci@acme.io'],
      noMatch: ['UNITY_SERIAL: XX-XXXX-XXXX-XXXX-XXXX-XXXX', 'Unity -batchmode -serial "$UNITY_SERIAL"', 'serial: AB-1234-1234-1234-1234-1234', 'serial = 4C4C4544-0031-3910-8054-B4C04F4E3132'],
    },
  },
];
