import { classifyKey } from '../key-name.js';
import { startsItsLine } from '../line-index.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Kconfig, the configuration language of Linux, Zephyr, ESP-IDF and U-Boot: a symbol opens a
 * block (`config SN_WIFI_PASSWORD`), indented lines give its type, prompt and `default "…"`. A
 * string symbol named for a secret ships its default in every image built without an override,
 * so that default is the secret (`CONFIG_…=` in a defconfig is an ordinary assignment already).
 */

/** `config NAME` (or `menuconfig NAME`) alone on its line, from the keyword on. */
const SYMBOL = /config[ \t]{1,8}(?<name>[A-Za-z0-9_]{1,80})[ \t]{0,8}\r?\n/y;
/** One attribute line of the block: indented, then a word. */
const ATTRIBUTE = /^[ \t]{1,40}(?<word>[a-z_-]{1,20})(?<rest>[ \t][^\r\n]{0,400})?\r?$/;
/** The value of a `default "…"` line (a condition may follow: `default "…" if BOARD_X`). */
const DEFAULT_STRING = /^[ \t]{1,8}"(?<v>[^"\\\r\n]{1,300})"/;
/** How many lines of a block are read. */
const MAX_BLOCK_LINES = 30;

/** True when `config` at `at` opens its line, after indentation or `menu`. */
function opensLine(text: string, at: number): boolean {
  return startsItsLine(text, text.startsWith('menu', at - 4) ? at - 4 : at);
}

function findKconfigDefaults(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let after = 0;
  for (const offset of offsets) {
    if (offset < after || !opensLine(text, offset)) continue;
    SYMBOL.lastIndex = offset;
    const symbol = SYMBOL.exec(text);
    if (symbol === null) continue;
    const key = classifyKey(symbol.groups!['name']!);
    if (key === undefined) continue;
    // The block: the indented lines after the symbol, up to the help text or the next unindented line.
    let isString = false;
    let value: { text: string; start: number } | undefined;
    let start = SYMBOL.lastIndex;
    for (let n = 0; n < MAX_BLOCK_LINES && start < text.length; n++) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(start, Math.min(end, start + 500));
      if (line.trim().length > 0) {
        const attribute = ATTRIBUTE.exec(line);
        if (attribute === null) break;
        const word = attribute.groups!['word']!;
        if (word === 'help' || word === '---help---') break;
        if (word === 'string') isString = true;
        if (word === 'default' && value === undefined) {
          const rest = attribute.groups!['rest'] ?? '';
          const quoted = DEFAULT_STRING.exec(rest);
          if (quoted !== null) {
            const v = quoted.groups!['v']!;
            value = { text: v, start: start + line.indexOf(rest, line.indexOf(word) + word.length) + rest.indexOf('"') + 1 };
          }
        }
      }
      if (nl === -1) break;
      start = nl + 1;
    }
    after = start;
    if (!isString || value === undefined) continue;
    if (!isPlausibleSecret(value.text, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    spans.push({ start: value.start, end: value.start + value.text.length, category: key.category });
  }
  return spans;
}

export const kconfigRules: Rule[] = [
  {
    id: 'kconfig-default-secret',
    category: 'PASS',
    description: 'The default of a Kconfig string symbol named for a secret (`config WIFI_PASSWORD` / `string "WiFi password"` / `default "…"`), as Zephyr, ESP-IDF and U-Boot write them',
    keywords: ['config'],
    pattern: SYMBOL,
    find: findKconfigDefaults,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['config SN_WIFI_PASSWORD\n    string "WiFi Password"\n    default "Otterrainy1461"\n    help\n      WPA2 passphrase.\n'],
      noMatch: [
        'config SN_MQTT_TOKEN\n    string "MQTT JWT auth token"\n    default ""\n',
        'config SN_WIFI_PASSWORD_MAX_LEN\n    int "Longest passphrase"\n    default 64\n',
        'config SN_WIFI_PASSWORD\n    string "WiFi Password"\n    default "changeme"\n',
        'config SN_WIFI_SSID\n    string "WiFi SSID"\n    default "AgriNet-Barn2"\n',
      ],
    },
  },
];
