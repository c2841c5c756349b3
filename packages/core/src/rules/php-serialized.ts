import { classifyKey } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { isVendorClientKeyValue, namesVendorClientKey } from './client-config.js';

/**
 * Secrets in PHP-serialized arrays, as WordPress keeps its plugins' settings in `wp_options` and
 * Drupal 7 its variables (and a site's config export): `s:4:"pass";s:20:"…";` is the entry
 * `pass => "…"`. A database dump escapes the quotes (`s:4:\"pass\";s:20:\"…\";`). The value's
 * length is written before it, so it is read exactly, symbols and all.
 */

/** A string entry's name and the value's length, read back from the `";s:` between them (keyword at the quote). */
const ENTRY_NAME_BEFORE = /s:(\d{1,2}):(\\?)"([\w.\-]{1,64})\\?$/;
/** After the name's closing quote: the value's length and its opening quote. */
const VALUE_HEAD = /";s:(\d{1,4}):(\\?)"/y;
/** How far back the name is looked for: `s:64:"` and 64 characters of name. */
const NAME_REACH = 75;

function findSerializedEntries(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const before = ENTRY_NAME_BEFORE.exec(text.slice(Math.max(0, offset - NAME_REACH), offset));
    if (before === null) continue;
    const [, nameLength, nameEscape, name] = before;
    // The length written before the name must be the name's: only then is this a serialized string.
    if (Number(nameLength) !== name!.length) continue;
    VALUE_HEAD.lastIndex = offset;
    const head = VALUE_HEAD.exec(text);
    if (head === null || head[2] !== nameEscape) continue;
    const start = VALUE_HEAD.lastIndex;
    const end = start + Number(head[1]);
    // The value closes where its length says, with the quote escaped as the name's was (a value with escapes of its
    // own or characters of several bytes reads otherwise, and is left).
    if (end > text.length || text.slice(end, end + nameEscape!.length + 2) !== `${nameEscape}";`) continue;
    const value = text.slice(start, end);
    const key = classifyKey(name!);
    if (key === undefined || namesVendorClientKey(name!) || isVendorClientKeyValue(name!, value)) continue;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    spans.push({ start, end, category: key.category });
  }
  return spans;
}

export const phpSerializedRules: Rule[] = [
  {
    id: 'php-serialized-secret',
    category: 'PASS',
    description:
      "A secret in a PHP-serialized array under a secret's name, as WordPress's `wp_options` and Drupal's variables store plugin settings (`s:4:\"pass\";s:20:\"…\";`, escaped in a SQL dump)",
    keywords: ['";s:'],
    pattern: VALUE_HEAD,
    find: findSerializedEntries,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'a:2:{s:4:"host";s:16:"smtp.example.org";s:4:"pass";s:18:"Heron!Quartz-55xLm";}',
        "INSERT INTO `wp_options` VALUES (9,'smtp','a:1:{s:13:\\\"smtp_password\\\";s:15:\\\"Tern-Maple-71#q\\\";}','no');",
        'a:1:{s:10:"secret_key";s:40:"6LdQ7mWxAAAAAKp2Rv9Tz4Ys8Lc1Hn5Bg3Jf0Eq6";}',
      ],
      noMatch: [
        'a:2:{s:4:"user";s:11:"ops@example";s:4:"pass";s:0:"";}',
        'a:1:{s:4:"pass";s:8:"password";}',
        'a:1:{s:13:"password_hint";s:19:"the name of the dog";}',
        // The length before the name is not the name's: no serialized entry.
        'a:1:{s:9:"pass";s:18:"Heron!Quartz-55xLm";}',
      ],
    },
  },
];
