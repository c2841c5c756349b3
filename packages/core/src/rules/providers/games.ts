import { indexOfBelow } from '../../line-index.js';
import { hasCountingRun, isPlausibleSecret } from '../../secret-value.js';
import type { DetectOptions, Rule, Span } from '../../types.js';
import { findShapeAfterWords, looksRandom, mixesClasses, notPlaceholder, type ShapeAfterWords } from './shape.js';

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
    // Its closing brace within the window only: a block never closed must not cost a search to the text's end at each one.
    const close = indexOfBelow(text, '}', from, from + CONNECT_CACHE_WINDOW + 1);
    const end = close === -1 ? Math.min(text.length, from + CONNECT_CACHE_WINDOW) : close;
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

/**
 * A Steam game server login token (GSLT): 32 hex digits that a Source or CS2 dedicated server logs in to Steam with,
 * given by `sv_setsteamaccount` in its `server.cfg` or as `+sv_setsteamaccount …` on its command line. A token
 * lists the server under the owner's Steam account, and one that is abused gets that account banned.
 */
const STEAM_GSLT = /sv_setsteamaccount["']?[ \t]{1,8}["']?([0-9A-Fa-f]{32})(?![0-9A-Za-z])/iy;

/** A YouTube Live stream key: five groups of four lower-case letters and digits (`abcd-1234-efgh-5678-ij90`). */
const YOUTUBE_STREAM_KEY = '[a-z0-9]{4}(?:-[a-z0-9]{4}){4}';
/** What the stream key is read after: `stream key`, `stream_key`, `streamKey`, an `ingest`, YouTube named. */
const STREAM_KEY_LEAD = /(?:stream[ _.-]?key|ingest|youtube)/;

/** A key of YouTube's shape that mixes letters and digits through its groups; `xxxx-xxxx-…` and `abcd-abcd-…` stand in for one. */
function isYoutubeStreamKey(key: string): boolean {
  return /^[a-z0-9-]+$/.test(key) && (key.match(/\d/g) ?? []).length >= 3 && (key.match(/[a-z]/g) ?? []).length >= 6 && notPlaceholder(key) && !/([a-z0-9]{4})-\1/.test(key);
}

/**
 * An RTMP ingest URL: `rtmp://host[:port]/<application>/<stream key>`. Encoders push to an application named `app`,
 * `live`, `live2` (YouTube's backup) or `rtmp` (Facebook's), and the last segment is the stream key, which is all an
 * encoder needs to broadcast on the channel. A stream's name there (`live`, `stream1`, `main-stage`) is no key.
 */
const RTMP_INGEST_KEY = /rtmps?:\/\/[\w.-]{1,253}(?::\d{1,5})?\/(?:app|live2?|rtmp)\/([A-Za-z0-9_-]{12,200})(?=[?\s"'`)<>\],;]|$)/iy;
const YOUTUBE_KEY_SHAPE = /^[a-z0-9]{4}(?:-[a-z0-9]{4}){4}$/;

/** The last segment of an ingest URL that is a key: YouTube's shape, or generated (both letters and digits, random enough for a key). */
function isIngestStreamKey(key: string): boolean {
  if (YOUTUBE_KEY_SHAPE.test(key)) return isYoutubeStreamKey(key);
  return /\d/.test(key) && /[A-Za-z]/.test(key) && isPlausibleSecret(key, { category: 'TOKEN', quoted: true, weakKey: true });
}

/**
 * A Twitch stream key: `live_`, the channel's numeric id, `_`, then 30 letters and digits. It stands in an OBS
 * profile (`service.json`'s `key`), a `stream_key:`, or at the end of an RTMP ingest URL
 * (`rtmp://live.twitch.tv/app/live_…`): whoever holds it broadcasts on the channel.
 */
const TWITCH_STREAM_KEY = /(?<![\w-])(live_\d{6,12}_[A-Za-z0-9]{30})(?![\w-])/y;

/** A Unity serial: two characters, then five groups of four (`E3-XXXX-XXXX-XXXX-XXXX-XXXX`), upper case and digits. */
const UNITY_SERIAL = '[A-Z0-9]{2}(?:-[A-Z0-9]{4}){5}';

/** A PlayFab title's developer secret key: 52 capitals and digits, not inside a longer run. */
const PLAYFAB_SECRET_SHAPE = /(?<![A-Za-z0-9])([A-Z0-9]{52})(?![A-Za-z0-9])/g;
const PLAYFAB_SECRET_AFTER_WORDS: ShapeAfterWords = {
  words: /[Pp]lay[Ff]ab|PLAYFAB/y,
  shape: PLAYFAB_SECRET_SHAPE,
  reach: 400,
  lines: 3,
  // A drawn key: digits and capitals mixed through it, many distinct characters; not a stand-in or a counting run.
  accept: (v) => (v.match(/\d/g)?.length ?? 0) >= 3 && (v.match(/[A-Z]/g)?.length ?? 0) >= 20 && new Set(v).size >= 16 && looksRandom(v) && !hasCountingRun(v),
};

export const gameRules: Rule[] = [
  {
    id: 'playfab-secret-key-near-words',
    category: 'KEY',
    description:
      "A PlayFab title's developer secret key (52 capitals and digits) up to three lines after PlayFab is named: an editor setting, a server's `X-SecretKey`, or a chat that hands it over (\"can someone give me the PlayFab dev secret?\" then the key alone on a line)",
    keywords: ['playfab'],
    pattern: PLAYFAB_SECRET_SHAPE,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, PLAYFAB_SECRET_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[03-Oct-24 14:12] Sol: can someone give me the PlayFab dev secret? mine stopped working\n\n[03-Oct-24 14:16] Tomasz:\nK7Q2ZR9WMX4TB8NL3VHC6YP1DJ5GF0SAE2UKR7XQM4WZ9BT3NL6P\nlocal only pls',
        'PlayFabSettings.staticSettings.DeveloperSecretKey = "W3NX8QK2TZ7RM5LB9VH4CJ6PY1DG0SFA3EUK8XQN2WR7TZ5BM9LH";',
      ],
      noMatch: [
        'PlayFab title 4F2A1, see the build log line\nABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOP',
        'PlayFab docs\none\ntwo\nthree\nfour: K7Q2ZR9WMX4TB8NL3VHC6YP1DJ5GF0SAE2UKR7XQM4WZ9BT3NL6P',
        'Nothing about it here: K7Q2ZR9WMX4TB8NL3VHC6YP1DJ5GF0SAE2UKR7XQM4WZ9BT3NL6P',
      ],
    },
  },
  {
    id: 'steam-game-server-token',
    category: 'TOKEN',
    description: "A Steam game server login token (32 hex) after `sv_setsteamaccount` in a Source or CS2 server's `server.cfg` or command line: the server logs in to Steam as its owner's account with it",
    keywords: ['sv_setsteamaccount'],
    startsAtKeyword: true,
    pattern: STEAM_GSLT,
    secretGroup: 1,
    validate: (token) => notPlaceholder(token) && /\d/.test(token) && /[A-Fa-f]/.test(token) && !/(.)\1{7}/.test(token),
    confidence: 'high',
    examples: {
      match: ['sv_setsteamaccount "3A9C41F07B2E6D58C1F4A0B97E3D2C65"   // GSLT, app 730', './cs2 -dedicated +map de_inferno +sv_setsteamaccount 8d2f0c6e19b4a7530e4f9d1c2b8a6e73 +game_type 0'],
      noMatch: ['sv_setsteamaccount "$SRCDS_TOKEN"', 'sv_setsteamaccount "00000000000000000000000000000000"', 'sv_setsteamaccount "<your GSLT>"'],
    },
  },
  {
    id: 'youtube-stream-key',
    category: 'TOKEN',
    description: 'A YouTube Live stream key (five groups of four lower-case letters and digits) after a stream key, an ingest or YouTube named on its line: whoever holds it broadcasts on the channel',
    keywords: ['stream', 'ingest', 'youtube'],
    startsAtKeyword: true,
    pattern: new RegExp(`${STREAM_KEY_LEAD.source}[^\\r\\n]{0,80}?(?<![\\w-])(${YOUTUBE_STREAM_KEY})(?![\\w-])`, 'iy'),
    secretGroup: 1,
    validate: isYoutubeStreamKey,
    confidence: 'medium',
    examples: {
      match: ['YouTube backup ingest: `k3vq-8fzt-2mwp-h7xa-9dnr`', 'YOUTUBE_STREAM_KEY=p4ts-w8kd-1qmz-7hvx-c2ry', 'stream key (rotate after each event): r8pd-3kwa-6zqt-m1vx-u5ne'],
      noMatch: ['YouTube backup ingest: `xxxx-xxxx-xxxx-xxxx-xxxx`', 'youtube video id: dQw4w9WgXcQ', 'stream key order: 2024-0315-0001-0002-0003', 'ingest batch abcd-efgh-ijkl-mnop-qrst'],
    },
  },
  {
    id: 'twitch-stream-key',
    category: 'TOKEN',
    description: "A Twitch stream key (`live_`, the channel's numeric id, `_`, 30 letters and digits) in an OBS profile, a `stream_key:` or an RTMP ingest URL: whoever holds it broadcasts on the channel",
    keywords: ['live_'],
    startsAtKeyword: true,
    pattern: TWITCH_STREAM_KEY,
    secretGroup: 1,
    // A key's tail mixes both cases and digits; a run of one character or `xxxx…` stands in for one.
    validate: (key) => {
      const tail = key.slice(key.lastIndexOf('_') + 1);
      return mixesClasses(tail, 3) && looksRandom(tail) && notPlaceholder(tail);
    },
    confidence: 'high',
    examples: {
      match: [
        'rtmp://live-fra.twitch.tv/app/live_614027395_Rb8qZt3WmK1xVp6LnY4cH9sJ2dFg7A',
        'stream_key: live_48201937_kT5vN8mQ2wZr7XcB4pL9hY3jD6sGa1',
        '"key": "live_730194826_Hq3Wz8NcP1tL6vRm9YbK4xJs7DfA2e",',
      ],
      noMatch: [
        'stream_key: live_123456789_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'stream_key: live_123456789_<your-stream-key>',
        'is_live_938172 = True',
        'pk_live_48201937_kT5vN8mQ2wZr7XcB4pL9hY3jD6sGa1',
        'live_events_archive_2024_summer_finals_highlight',
      ],
    },
  },
  {
    id: 'rtmp-ingest-stream-key',
    category: 'TOKEN',
    description:
      "A stream key at the end of an RTMP ingest URL (`rtmp://host/app/…`, `/live/…`, `/live2/…`, `/rtmp/…`): an encoder's log, a config or a runbook; whoever holds it broadcasts on the channel. Only a generated segment (YouTube's five groups of four, or letters and digits drawn at random), not a stream's name",
    keywords: ['rtmp://', 'rtmps://'],
    startsAtKeyword: true,
    pattern: RTMP_INGEST_KEY,
    secretGroup: 1,
    validate: isIngestStreamKey,
    confidence: 'medium',
    examples: {
      match: [
        '[encoder] push rtmp://ingest.example-hall.org/app/k7qz-m2wp-x9tr-b4hn-c6vd failed: timeout',
        'server: rtmps://live.example.net:443/live/Sq4Tm8Wz2Lx7Kp9Rv3Nb',
        'ffmpeg -re -i show.mp4 -f flv "rtmp://a.rtmp.youtube.com/live2/p3ts-w8kd-1qmz-7hvx-c2ry"',
      ],
      noMatch: [
        'ffmpeg -i in.mp4 -f flv rtmp://localhost/live/stream1',
        'push rtmp://media.example.org/live/main-stage-hd',
        'push rtmp://media.example.org/app/xxxx-xxxx-xxxx-xxxx-xxxx',
        'push rtmp://media.example.org/live/concert_2024_04_02',
        'rtmp://media.example.org/live/${STREAM_KEY}',
        'vod: rtmp://media.example.org/vod/Sq4Tm8Wz2Lx7Kp9Rv3Nb',
      ],
    },
  },
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
