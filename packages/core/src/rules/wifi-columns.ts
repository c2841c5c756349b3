import { splitWords, type KeyClass } from '../key-name.js';

/**
 * Which columns of a table hold Wi-Fi keys, read from its header: CSV/TSV exports and Markdown tables list networks the
 * same way (`site,ssid,key`, `| Boat | Wi-Fi | Key |`).
 */

/** Words that name a Wi-Fi network or its security (`Wi-Fi` splits into `wi`, `fi`). */
const WIFI_WORDS = new Set(['wifi', 'wi', 'fi', 'wlan', 'wpa', 'wpa2', 'wpa3', 'wireless']);
/** Words after a Wi-Fi word that keep a column's title about the network itself (`Wi-Fi network`, `WLAN name`). */
const NETWORK_WORDS = new Set(['network', 'name']);
/** A Wi-Fi network's key is its passphrase: a password, whatever its shape. */
export const WIFI_KEY: KeyClass = { category: 'PASS', weak: false };

/** The words of a column's title that say which network it is about (`guest_wifi_ssid` → `guest`), joined. */
function networkQualifier(words: readonly string[]): string {
  return words.filter((word) => !WIFI_WORDS.has(word)).join(' ');
}

/**
 * The qualifier of the network a column names, or undefined when it names none: its SSID (`ssid`, `guest_ssid`), or the
 * network by Wi-Fi words alone (`Wi-Fi`, `WLAN name`), whose cells are then the networks' names. A bare `network` may be
 * any network's (a blockchain's, a subnet's), so a Wi-Fi word must be among them.
 */
function networkOfColumn(words: readonly string[]): string | undefined {
  if (words[words.length - 1] === 'ssid') return networkQualifier(words.slice(0, -1));
  const wifi = words.length > 0 && words.some((word) => WIFI_WORDS.has(word)) && words.every((word) => WIFI_WORDS.has(word) || NETWORK_WORDS.has(word));
  return wifi ? '' : undefined;
}

/**
 * The columns of a table that hold Wi-Fi keys: titled for a key (`key`, `guest_key`) beside a column that names the same
 * network by its SSID (`ssid`, `guest_ssid`) or by Wi-Fi words (`| Wi-Fi | Key |`), or titled for a Wi-Fi key outright
 * (`wifi_key`, `WPA2 Key`). A bare `key` is a weak name that needs a generated value's length; in a list of networks it
 * is the passphrase a person chose.
 */
export function wifiKeyColumns(titles: readonly string[]): Set<number> {
  const words = titles.map((title) => (title.length <= 40 ? splitWords(title) : []));
  const networks = new Set(words.map(networkOfColumn).filter((network) => network !== undefined));
  const columns = new Set<number>();
  words.forEach((w, i) => {
    if (w[w.length - 1] !== 'key') return;
    const qualifiers = w.slice(0, -1);
    if (qualifiers.some((word) => WIFI_WORDS.has(word)) || networks.has(networkQualifier(qualifiers))) columns.add(i);
  });
  return columns;
}

/**
 * Words of a column's title, besides the Wi-Fi words, that make it about the network's hardware, radio or security rather
 * than how to join it (`Wi-Fi AP`, `WLAN channel`, `Wi-Fi security`): its cells pair other things with a slash (`2.4 / 5`).
 */
const NOT_JOINING_WORDS = new Set([
  'ap', 'aps', 'access', 'point', 'points', 'router', 'routers', 'controller', 'model', 'hardware', 'vendor', 'make', 'channel', 'channels',
  'band', 'bands', 'frequency', 'mac', 'ip', 'vlan', 'subnet', 'speed', 'coverage', 'signal', 'strength', 'status', 'standard', 'security',
  'mode', 'encryption', 'auth', 'type', 'version', 'firmware', 'clients', 'users', 'devices', 'count', 'uptime', 'adapter', 'card', 'chip',
  'module', 'driver', 'range', 'provider', 'isp', 'plan', 'bill', 'cost',
]);

/**
 * The columns of a table whose cells give a network and its key in one, the name, a slash and the key (`| Wi-Fi (staff) |`
 * over `| InkStaff-SHD / \`…\` |`): titled by a Wi-Fi word and at most three words of whose network it is or of the
 * pair (`SSID / key`), not a key's own column (`wifiKeyColumns`) nor one about the network's hardware, radio or security.
 */
export function wifiPairColumns(titles: readonly string[]): Set<number> {
  const keyColumns = wifiKeyColumns(titles);
  const columns = new Set<number>();
  titles.forEach((title, i) => {
    const words = title.length <= 40 ? splitWords(title) : [];
    const others = words.filter((word) => !WIFI_WORDS.has(word));
    if (keyColumns.has(i) || others.length === words.length || others.length > 3 || others.some((word) => NOT_JOINING_WORDS.has(word))) return;
    columns.add(i);
  });
  return columns;
}
