import { splitWords } from '../key-name.js';
import { lineAround } from '../line-index.js';
import { isCodeFile } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { beforeChecksumFragment, beforeVcsRevision, schemeStart, urlEnd } from './connection.js';
import { isDigitCode, isIdentifierCode, isLetterCode } from '../char-codes.js';

/**
 * Private hosts and internal URLs: RFC 1918 and CGNAT (100.64/10) IPv4 addresses,
 * unique-local IPv6 (fc00::/7), names under internal suffixes (`.internal`, `.local`,
 * `.corp`, `.lan`, `.intranet`, `svc.cluster.local`) and under domains the user declares.
 * A bare host is HOST; a URL to one is URL. Loopback and public addresses are not secret.
 */

/**
 * Top-level names that no public DNS answers for, which sites use for their own zones: the reserved `.internal`,
 * mDNS's `.local`, `home.arpa`, the never-delegated `.corp`, `.home`, `.lan`, `.localdomain`, `.intranet`, `.intra`,
 * a laboratory's or a home lab's `.lab` (`pg-lims.acme.lab`), and Consul's. Each was checked against IANA's list of
 * top-level domains: `.office`, `.dev`, `.app`, `.cloud`, `.host` and `.network` are public and stay out. `.private`
 * and `.priv` are left out too: as a last word they name settings and files far more often (Poetry's
 * `http-basic.private`, `signing.priv`) than a zone.
 */
const INTERNAL_SUFFIXES = ['internal', 'local', 'localdomain', 'corp', 'lan', 'intranet', 'intra', 'lab', 'home', 'home.arpa', 'consul'];

/**
 * Consul's DNS interface answers under `.consul` for the cluster alone: `<service>.service[.<dc>].consul`,
 * `<node>.node[.<dc>].consul`, prepared queries, addresses, virtual IPs, Connect and ingress names.
 * Only a name with one of those labels counts: `spring.cloud.consul` is a settings path.
 */
const CONSUL_DNS_NAME = /\.(?:service|node|query|addr|virtual|connect|ingress)(?:\.[a-z0-9-]{1,63})?\.consul$/;

export function isPrivateIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((n) => n > 255)) return false;
  if (m.slice(1).some((octet) => octet.length > 1 && octet.startsWith('0'))) return false;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

export function isUniqueLocalIPv6(host: string): boolean {
  // Every unique-local address starts with fc or fd: most hosts are turned away here, unread.
  if ((host.charCodeAt(host.charCodeAt(0) === 0x5b /* [ */ ? 1 : 0) | 0x20) !== 0x66 /* f */) return false;
  const h = host.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  if (!/^f[cd][0-9a-f]{2}:/.test(h)) return false;
  const double = h.split('::').length - 1;
  if (double > 1) return false;
  const groups = h.split(':').filter((g) => g.length > 0);
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return false;
  return double === 1 ? groups.length < 8 : groups.length === 8;
}

function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^\*?\.+/, '').replace(/\.+$/, '');
}

/** Internal names that are the same everywhere (loopback, cloud metadata, Docker, Kubernetes API): they identify nobody. */
const WELL_KNOWN_INTERNAL = new Set([
  // The loopback's name in /etc/hosts and in the `root@localhost.localdomain` of default packaging and mail setups.
  'localhost.localdomain',
  'metadata.google.internal',
  'host.docker.internal',
  'gateway.docker.internal',
  'kubernetes.docker.internal',
  'kubernetes.default.svc',
  'kubernetes.default.svc.cluster.local',
  'kube-dns.kube-system.svc.cluster.local',
  'instance-data.ec2.internal',
  // vCenter's single sign-on domain as installed (`administrator@vsphere.local`): the same name in every vSphere.
  'vsphere.local',
]);

export function isInternalHostname(host: string, declared: readonly string[] = []): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (WELL_KNOWN_INTERNAL.has(h)) return false;
  if (!/^[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9])?$/.test(h) || !h.includes('.')) {
    return declared.includes(h);
  }
  if (h.endsWith('.consul')) return CONSUL_DNS_NAME.test(h) || declared.includes('consul');
  for (const suffix of INTERNAL_SUFFIXES) if (h.endsWith(`.${suffix}`)) return true;
  return declared.some((d) => h === d || h.endsWith(`.${d}`));
}

/**
 * Private addresses that are the same on every machine: the Android emulator's alias for the
 * host's loopback (`10.0.2.2`) and Genymotion's (`10.0.3.2`). Like 127.0.0.1 they identify nobody.
 */
const EMULATOR_HOST_ALIASES = new Set(['10.0.2.2', '10.0.3.2']);

/**
 * `.home` is the zone home routers give the machines on their network (`MacBook-Pro-3.home`, `nas01.home`), and also
 * the last word of settings named for a folder (Java's `user.home` and `java.home`, `maven.home`, Shibboleth's
 * `idp.home`, `gradle.user.home`). A setting's words are letters only: a bare name under `.home` counts when one of its
 * labels has a digit or a hyphen, as a machine's does. A URL's host (`http://router.home/`) is a host whatever its letters.
 */
function isFolderSettingName(host: string): boolean {
  return HOME_SUFFIX.test(host) && !/[\d-]/.test(host.slice(0, -HOME_SUFFIX_LENGTH));
}
const HOME_SUFFIX = /\.home$/i;
const HOME_SUFFIX_LENGTH = '.home'.length;

export function isInternalHost(host: string, declared: readonly string[] = []): boolean {
  const h = host.startsWith('[') || host.endsWith(']') ? host.replace(/^\[|\]$/g, '') : host;
  return (isPrivateIPv4(h) && !EMULATOR_HOST_ALIASES.has(h)) || isUniqueLocalIPv6(h) || isInternalHostname(h, declared);
}

/**
 * `user:pw@host:port` → host (brackets kept off IPv6). Index arithmetic, one slice: it runs
 * for every `://` of every file, and most of them are public URLs.
 */
function hostOfAuthority(authority: string): string {
  let start = authority.lastIndexOf('@') + 1;
  // SQL Server's JDBC URL sets its properties after a `;` (`jdbc:sqlserver://10.8.1.20:1433;databaseName=erp`).
  const properties = authority.indexOf(';', start);
  let end = properties === -1 ? authority.length : properties;
  // The sentence around a URL may end right after it: `http://db.lan:8080;` or `(http://db.lan)`.
  for (let stripped = 0; stripped < 8 && end > start && TRAILING_PUNCTUATION.includes(authority[end - 1]!); stripped++) end--;
  if (authority.charCodeAt(start) === 0x5b /* [ */) {
    // `[fd00::1]` keeps its bracket: the punctuation strip may just have dropped it.
    const close = authority.indexOf(']', start);
    return close === -1 ? '' : authority.slice(start + 1, close);
  }
  // A port: a colon followed by at most five digits up to the end.
  let digits = end;
  while (digits > start && end - digits < 6 && isDigitCode(authority.charCodeAt(digits - 1))) digits--;
  if (digits > start && authority.charCodeAt(digits - 1) === 0x3a /* : */ && end - digits <= 5) end = digits - 1;
  return authority.slice(start, end);
}

const TRAILING_PUNCTUATION = '.,;!?)]';

const AUTHORITY = /[^\s/?#"'`<>\\{}|]{0,300}/y;
/** The user information of a URL whose password is only a mask (`user:**`, `user:****`). */
const MASKED_PASSWORD = /^[^:]{0,100}:\*{1,20}$/;
/** The comma that opens the next URL of a list, within the authority of this one. */
const NEXT_URL_IN_LIST = /[^\s/?#"'`<>\\{}|,]{0,300},(?=[a-z][a-z0-9+.-]{0,20}:\/\/)/iy;

/**
 * Every host an authority names: one, or a comma-separated list after the credentials
 * (MongoDB's `mongodb://u:p@10.0.0.5:27017,10.0.0.6:27017/db`, ActiveMQ's and Artemis's
 * `failover:(tcp://10.80.3.3:61616,tcp://10.80.3.4:61616)`, where the run read as this
 * URL's authority ends in the next URL's scheme).
 */
function hostsOfAuthority(authority: string): string[] {
  if (!authority.includes(',')) return [hostOfAuthority(authority)];
  const hosts = authority.slice(authority.lastIndexOf('@') + 1).split(',');
  return hosts.slice(0, 16).map(hostOfAuthority);
}

/**
 * Xcode build settings read `//` as a comment, so an xcconfig parts a URL's slashes with an
 * empty `$()` (`API_BASE_URL = http:/$()/10.1.2.3:3000/v3`): the URL is as much a URL.
 */
const XCCONFIG_SCHEME_SEPARATOR = ':/$()/';

/** The length of the scheme separator at `at` (`://` or an xcconfig's `:/$()/`), 0 when there is none. */
function schemeSeparatorAt(text: string, at: number): number {
  if (text.startsWith('://', at)) return 3;
  return text.startsWith(XCCONFIG_SCHEME_SEPARATOR, at) ? XCCONFIG_SCHEME_SEPARATOR.length : 0;
}

function findInternalUrls(declared: readonly string[]) {
  return (text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] => {
    const spans: Span[] = [];
    for (const i of offsets) {
      const separator = schemeSeparatorAt(text, i);
      if (separator === 0) continue;
      const start = schemeStart(text, i);
      if (start < 0) continue;
      const authorityStart = i + separator;
      AUTHORITY.lastIndex = authorityStart;
      const authority = AUTHORITY.exec(text)?.[0] ?? '';
      if (!hostsOfAuthority(authority).some((host) => host.length > 0 && isInternalHost(host, declared))) continue;
      let end = urlEnd(text, authorityStart);
      // A list of URLs (`failover:(tcp://a:61616,tcp://b:61616)`): this one ends before the next.
      NEXT_URL_IN_LIST.lastIndex = authorityStart;
      const next = NEXT_URL_IN_LIST.exec(text);
      if (next !== null && next.index + next[0].length - 1 < end) end = next.index + next[0].length - 1;
      end = beforeVcsRevision(text, start, authorityStart, beforeChecksumFragment(text, authorityStart, end));
      // A password the log already masked (Celery's `amqp://celery:**@10.0.4.2:5672//`): the address from its host on is reported, the mask left to read.
      const at = authority.lastIndexOf('@');
      if (at > 0 && MASKED_PASSWORD.test(authority.slice(0, at))) {
        spans.push({ start: authorityStart + at + 1, end });
        continue;
      }
      spans.push({ start, end });
    }
    return spans;
  };
}

/**
 * Lines where a dotted quad is a version, not an address. An SNMP OID (`oid=1.3.6.1.4.1.9.9.41`) is no such word: its own
 * dotted numbers are never taken (an address is not read out of a longer run of dotted numbers, and an OID that is only
 * four numbers is the value of its `oid` name, which `isAssignedToVersionName` reads), while the trap's source on the
 * same line is an address.
 */
// A word that is a folder of a URL's or a file's path (`GET "/api/v1/availability" for 10.8.0.2`, `/release/notes`) names
// that path's version, as a request log prints it beside the client's address, not the address's.
// A browser's or a mobile system's name is a version's only with a version number close after it (`Edge 10.0.1.2`,
// `| chrome 10.0.648.204 |`, `Chrome/120.0`): alone it names a machine (`the edge box is at …`, `android tablet at …`).
const VERSION_CONTEXT =
  /(?<!\/)\b(?:version|ver|release|semver|tag|build|firmware)\b|(?<!\/)\bv\d|(?<!\/)\b(?:chrome|firefox|safari|edge|msie|android|ios)[ \t/:]{0,3}v?\d/i;
// A server's management controller (`the BMC at 10.40.0.200`, `iDRAC`, `IPMI`) is reached at an address: a firmware word beside it names what runs there.
// A machine that builds (`the build agent BUILD01 (172.20.2.30)`, `build box`, `build runner`) is a host: there `build` names no version.
const ADDRESS_CONTEXT =
  /\b(?:host|hostname|ip|addr|address|server|endpoint|url|uri|dns|gateway|gw\b|subnet|proxy|bind|listen|connect|nameserver|peer|node|db|redis|ssh|bmc|ipmi|idrac|build[ -]?(?:agent|box|machine|runner|worker|slave|vm)s?\b)/i;

/** A port after the address (`10.10.0.16:1666`, a p4tickets entry's server): a version has none. */
const PORT_AFTER = /:\d{1,5}(?![\d.])/y;
function isFollowedByPort(text: string, end: number): boolean {
  PORT_AFTER.lastIndex = end;
  return PORT_AFTER.test(text);
}

/**
 * A login's target that scp and rsync copy to or from: `user@10.1.2.3:/path` (also `:~/…`, `:$DIR`, or a bare `:`
 * for the home directory). A version has no user before it and no remote path after it.
 */
const REMOTE_PATH_AFTER = /:(?:[/~$"']|[ \t]|$)/my;
function isRemoteCopyTarget(text: string, start: number, end: number): boolean {
  let i = start - 1;
  if (text.charCodeAt(i) !== 0x40 /* @ */) return false;
  while (i > 0 && start - i <= 33 && isIdentifierCode(text.charCodeAt(i - 1))) i--;
  if (i === start - 1) return false;
  REMOTE_PATH_AFTER.lastIndex = end;
  return REMOTE_PATH_AFTER.test(text);
}

/** A join of two literals: the closing quote, an operator (`+`, PHP's `.`, Lua's `..`, VB's `&`) or none (a shell's adjacent words), the opening quote. */
const JOIN_BEFORE = /["'][ \t]{0,4}(?:\+|\.{1,2}|&)?[ \t]{0,4}$/;
const JOIN_AFTER = /[ \t]{0,4}(?:\+|\.{1,2}|&)?[ \t]{0,4}["'](?::\d{1,5}(?![\d.])|:[/~])/y;

/**
 * An address that is a literal of its own in a joined string, whose neighbours make it a host: the literal before ends
 * with a login's `user@` (`"rsync -az build/ deploy@" + "10.1.2.3" + ":/srv/"`), or the one after opens with a port or a
 * remote path (`"10.1.2.3" + ":8443"`). A version joined into a message has neither.
 */
function isJoinedHost(text: string, start: number, end: number): boolean {
  const quote = text.charAt(start - 1);
  if ((quote !== '"' && quote !== "'") || text.charAt(end) !== quote) return false;
  const before = JOIN_BEFORE.exec(text.slice(Math.max(0, start - 12), start - 1));
  if (before !== null) {
    const at = start - 1 - before[0].length;
    if (text.charCodeAt(at - 1) === 0x40 /* @ */ && at >= 2 && isIdentifierCode(text.charCodeAt(at - 2))) return true;
  }
  JOIN_AFTER.lastIndex = end + 1;
  return JOIN_AFTER.test(text);
}

/** Where a sentence ends inside a line: `.`, `!` or `?` before a space (an address's own dots have digits after them; a `;` ends statements of code, whose comments still speak of them). */
const SENTENCE_END = /[.!?][ \t]/g;

/**
 * The sentence of a line that holds the address: a version word in another sentence
 * (`# Nightly build for the client. Runs on mac-mini-03 (172.20.1.33).`) says nothing about it.
 */
function sentenceAround(text: string, lineStart: number, lineEnd: number, start: number, end: number): string {
  const line = text.slice(lineStart, lineEnd);
  let from = 0;
  let to = line.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(line); m !== null; m = SENTENCE_END.exec(line)) {
    const at = lineStart + m.index;
    if (at < start) from = m.index + 1;
    else if (at >= end) {
      to = m.index;
      break;
    }
  }
  return line.slice(from, to);
}

/** `name=` / `name: ` just before an address, as key=value log lines and configs write it (`client=10.20.31.144`). */
const NAME_BEFORE_VALUE = /([A-Za-z][\w.-]{0,40})["']?[ \t]{0,3}[=:][ \t]{0,3}["']?$/;
const VERSION_NAME_WORDS = new Set(['version', 'ver', 'release', 'semver', 'tag', 'build', 'firmware', 'oid', 'v']);

/**
 * Whether the address is the value of a name that is no version's (`client=…`, `peer: …`):
 * a version word elsewhere on the line (`/v1/payouts`, `ledger-api v2.14`) then says
 * nothing about this value.
 */
function isAssignedToNonVersionName(before: string): boolean {
  const m = NAME_BEFORE_VALUE.exec(before.length > 60 ? before.slice(-60) : before);
  return m !== null && !splitWords(m[1]!).some((w) => VERSION_NAME_WORDS.has(w));
}

/**
 * A command-line flag just before the address (`mysql -h 10.1.2.3`, `redis-cli -h …`, `psql --host=…`,
 * `nc -z …`): the flag names the value, so a version word elsewhere on the line (a shell prompt's
 * `build-07`, a `--release` later on) says nothing about it. A flag that is itself a version's
 * (`--version 10.0.0.1`, `-v`, `--tag`) is one.
 */
const FLAG_BEFORE_VALUE = /(?:^|[ \t])--?([A-Za-z][\w-]{0,30})(?:=|[ \t]{1,4})$/;
function followsNonVersionFlag(before: string): boolean {
  const m = FLAG_BEFORE_VALUE.exec(before.length > 40 ? before.slice(-40) : before);
  return m !== null && !splitWords(m[1]!).some((w) => VERSION_NAME_WORDS.has(w));
}

/** An XML element's opening tag just before its text (`<AssemblyVersion>`); group 1 is its name, a namespace prefix dropped. */
const ELEMENT_BEFORE_VALUE = /<(?:[A-Za-z][\w.-]{0,20}:)?([A-Za-z][\w.-]{0,40})>[ \t]{0,3}$/;

/** Last words of a name whose value is a version: `newVersion="10.0.0.0"` (.NET's bindingRedirect), `fw_ver: 10.2.0.1`. */
const VERSION_LAST_WORDS = new Set(['version', 'ver', 'semver', 'firmware', 'oid']);

/**
 * A dependency moved to a release (`**deps**: update V8 to 10.2.154.2`, `bump openssl from
 * 10.1.0.3`): the verb, up to three words naming what moved, then `to` or `from` right before the
 * number. A changelog's line also holds links whose paths say `node` or `host`, which the address
 * words on the line would otherwise take for a host's context. What moved must not be an address's
 * holder (`update the A record to 10.20.0.5`, `patch upstream backend to 10.0.3.7` point at a host).
 */
const VERSION_BUMP = /\b(?:update[sd]?|upgrade[sd]?|bump(?:s|ed)?|patch(?:es|ed)?|downgrade[sd]?)[ \t]+((?:[\w@/.+-]{1,60}[ \t]+){1,3})(?:to|from)[ \t]+v?$/i;
const ADDRESS_HOLDER = /\b(?:the|a|an|its|our|this|that|record|entry|route|dns|host\w*|ip|addr\w*|server|gateway|gw|proxy|endpoint|peer|resolver|target|upstream|backend|mirror|origin|vip|nat|interface|nic|eth\d*|pool|range|subnet|cidr|allowlist|whitelist|firewall|acl|rule|config|conf|env|variable|var|setting)\b/i;
function isVersionBump(before: string): boolean {
  const m = VERSION_BUMP.exec(before.length > 200 ? before.slice(-200) : before);
  return m !== null && !ADDRESS_HOLDER.test(m[1]!);
}

/**
 * Whether the address is the value of a version's name, camelCase included (`newVersion`,
 * `AssemblyFileVersion`), which the word test on the line cannot see inside one identifier.
 */
function isAssignedToVersionName(before: string): boolean {
  const tail = before.length > 60 ? before.slice(-60) : before;
  // Or the text of an element named so (an MSBuild project's `<AssemblyVersion>10.4.2.0</AssemblyVersion>`, `<FileVersion>`).
  const m = NAME_BEFORE_VALUE.exec(tail) ?? ELEMENT_BEFORE_VALUE.exec(tail);
  if (m === null) return false;
  const words = splitWords(m[1]!);
  return VERSION_LAST_WORDS.has(words[words.length - 1]!);
}

/** The private blocks as their RFCs define them: RFC 1918's three and RFC 6598's shared (CGNAT) space. */
const PRIVATE_BLOCKS: ReadonlyArray<readonly [network: string, bits: number]> = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
];

/**
 * A network written with its prefix length that is a whole private block or wider (`10.0.0.0/8`,
 * `172.16.0.0/12`): the published range that firewall rules and libraries list, which tells
 * nothing of anyone's network. A network chosen inside a block (`10.40.0.0/16`, `100.72.0.0/16`,
 * `10.40.12.0/25`) is a site's address plan: it says as much about the network inside as an
 * address in it, so it is reported like one. The width may be written as a netmask
 * (`10.40.12.0/255.255.255.0`, as Ansible's `mysql_user` host and iptables print it).
 */
function isWholePrivateBlock(address: string, text: string, slash: number): boolean {
  const prefix = /^\/(?:(\d{1,2})|(255\.\d{1,3}\.\d{1,3}\.\d{1,3}))(?![\w]|\.[\w./])/.exec(text.slice(slash, slash + 17));
  if (prefix === null) return true;
  const bits = prefix[1] !== undefined ? Number(prefix[1]) : netmaskBits(prefix[2]!);
  return PRIVATE_BLOCKS.some(([network, blockBits]) => address === network && bits <= blockBits);
}

/**
 * `name/10.0.21.114`: a host name and its address, as kubectl (`Node: ip-10-0-21-114.ec2.internal/10.0.21.114`)
 * and Java's socket addresses (`db01.prod/10.0.3.4:5432`) print them. The name must be a whole word
 * (after a space, quote, `(` or `=`, or the line's start): after another `/` it is a path segment.
 */
function followsHostName(text: string, slash: number): boolean {
  let i = slash;
  let letters = 0;
  while (i > 0 && slash - i < 253) {
    const c = text.charCodeAt(i - 1);
    const letter = isLetterCode(c);
    if (!letter && !isDigitCode(c) && c !== 0x2e /* . */ && c !== 0x2d /* - */) break;
    if (letter) letters++;
    i--;
  }
  if (i === slash || letters === 0 || text.charCodeAt(i) === 0x2e || text.charCodeAt(i) === 0x2d) return false;
  return i === 0 || ' \t\r\n"\'(='.includes(text[i - 1]!);
}

/**
 * The cell of a `|` table (psql, the AWS CLI's tables) that holds the address and nothing else, or
 * undefined: a version in another column (`| 100.71.8.40 | Metabase v0.51.4`) says nothing of it.
 */
function wholeTableCell(text: string, lineStart: number, lineEnd: number, start: number, end: number): { start: number; end: number } | undefined {
  // Searched within the line's bounds only: lastIndexOf/indexOf over a long line without a `|` cost a full scan per address.
  let open = start;
  while (open >= lineStart && text.charCodeAt(open) !== 0x7c /* | */) open--;
  if (open < lineStart || text.slice(open + 1, start).trim() !== '') return undefined;
  let close = end;
  while (close < lineEnd && text.charCodeAt(close) !== 0x7c) close++;
  return text.slice(end, close).trim() === '' ? { start: open, end: close } : undefined;
}

/**
 * An address from its first octet on: tried only where the prefilter saw `10.`, `172.`,
 * `192.168.` or `100.`. An interface address with its prefix length (`Address = 10.200.0.1/24`)
 * is an address too, and so is a network chosen inside a private block (`10.64.0.0/16`); other slashes are paths.
 */
/**
 * Whether `//` right before `at` opens a network path whose host comes next: Oracle's Easy
 * Connect (`jdbc:oracle:thin:@//10.50.1.30:1521/ERP`, `sqlplus app@//10.0.0.5:1521/orcl`,
 * `tnsping //10.0.0.5:1521/orcl`). The `//` stands at the start, after a space,
 * quote, `@`, `=` or `(`; after a path's letters or `:` it belongs to a path or a URL.
 */
function opensNetworkPath(text: string, at: number): boolean {
  // Xcode build settings read `//` as a comment, so an xcconfig parts a URL's slashes with an empty `$()`: `http:/$()/10.1.2.3`.
  if (at >= 6 && text.slice(at - 6, at) === ':/$()/') return true;
  if (at < 2 || text.charCodeAt(at - 2) !== 0x2f /* / */) return false;
  return at === 2 || ' \t\r\n"\'(=@'.includes(text[at - 3]!);
}

/** The prefix length a netmask stands for: its leading one bits (`255.255.240.0` → 20). */
function netmaskBits(mask: string): number {
  let bits = 0;
  for (const octet of mask.split('.')) {
    const n = Number(octet);
    for (let bit = 7; bit >= 0 && (n >> bit) & 1; bit--) bits++;
    if (n !== 255) break;
  }
  return bits;
}

/**
 * After the address a `/` opens its prefix length or its netmask; any other slash a path, except after a login's
 * `user@`, where the address is the host the path is on (wp-cli's `ssh: deploy@10.1.2.3/var/www/app`), and after
 * a `//` that opens a network path (see opensNetworkPath), where it is the server of a share: the SMB/CIFS path
 * `smbclient //10.30.2.15/records`, `mount -t cifs //10.0.0.9/backup /mnt`. Before
 * it, `:-` is a shell expansion's default (`${DB_ADDR:-10.40.12.11}`), where a `-` is no part of a name. A prefix
 * length may end a sentence (a mail's "the controllers are on 10.42.8.0/24."): a full stop before a blank is no version's. The last
 * octet may be a wildcard, a private network written as a pattern (IBM MQ's `SET CHLAUTH(…) ADDRESS('10.20.48.*')`,
 * an allow list's `192.168.1.*`).
 */
const PRIVATE_IPV4_AT = /(?<![\w.]|(?<!:)-)(?:10|172|192|100)\.\d{1,3}\.\d{1,3}\.(?:\d{1,3}|\*(?![\w.*]))(?!\w|\.\d|(?<!(?:@|(?<![^\s"'(=@])\/\/)[\d.]{7,15})\/(?!\d{1,2}(?![\w/]|\.[\w./])|255\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w.])|[SW]\/))/y;

function findPrivateIPv4(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(PRIVATE_IPV4_AT, text, offsets, (m) => {
    if (!isPrivateIPv4(m[0].endsWith('*') ? `${m[0].slice(0, -1)}0` : m[0]) || EMULATOR_HOST_ALIASES.has(m[0])) return;
    if (m.index > 0 && text.charCodeAt(m.index - 1) === 0x2f /* / */ && !followsHostName(text, m.index - 1) && !opensNetworkPath(text, m.index) && !isSapRouteHop(text, m.index, m.index + m[0].length)) return;
    // Only a hop of a route string may stand before `/S/` or `/W/` (the pattern lets those through).
    if (SAP_ROUTE_NEXT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) && !isSapRouteHop(text, m.index, m.index + m[0].length)) return;
    if (text[m.index + m[0].length] === '/' && m[0].endsWith('.0') && isWholePrivateBlock(m[0], text, m.index + m[0].length)) return;
    const bounds = lineAround(text, m.index, 200);
    const cell = wholeTableCell(text, bounds.start, bounds.end, m.index, m.index + m[0].length);
    const line = cell === undefined ? sentenceAround(text, bounds.start, bounds.end, m.index, m.index + m[0].length) : text.slice(cell.start, cell.end);
    const before = text.slice(bounds.start, m.index);
    if (VERSION_CONTEXT.test(line) && !ADDRESS_CONTEXT.test(line) && !isAssignedToNonVersionName(before) && !followsNonVersionFlag(before) && !isFollowedByPort(text, m.index + m[0].length) && !isRemoteCopyTarget(text, m.index, m.index + m[0].length) && !isJoinedHost(text, m.index, m.index + m[0].length)) return;
    if (isAssignedToVersionName(before) || isVersionBump(before)) return;
    spans.push({ start: m.index, end: withPrefixLength(text, m.index + m[0].length, 32) });
  });
  return spans;
}

/**
 * A hop of an SAP route string (SAP GUI's and JCo's `saprouter`, a logon entry's `/H/saprouter.acme.corp/S/3299/H/10.44.12.5/S/3200`):
 * each hop's host stands after `/H/`, its service after `/S/`, its password after `/W/`. The slashes part the hops, no path's
 * folders: the `/H/` opens the string (after a blank, a quote, `=`, `:` or `(`) or follows the hop before it, and a hop of its own
 * is read only with its `/S/` or `/W/` after it.
 */
const SAP_ROUTE_HOP_BEFORE = /(?:(?<open>^|[\s"'`=:(>])|\/[SW]\/[^\s/]{1,64})\/H\/$/;
const SAP_ROUTE_NEXT = /^\/[SW]\//;
function isSapRouteHop(text: string, start: number, end: number): boolean {
  const hop = SAP_ROUTE_HOP_BEFORE.exec(text.slice(Math.max(0, start - 72), start));
  if (hop === null) return false;
  return SAP_ROUTE_NEXT.test(text.slice(end, end + 3)) || hop.groups!['open'] === undefined;
}

/** A prefix length after an address: `/16`, not a path (`/16/app`) or a version (`/1.2`). */
const PREFIX_LENGTH = /\/\d{1,3}(?![\w/]|\.\d)/y;

/**
 * Where a private address ends, the prefix length of its network included (`10.40.0.0/16`,
 * `fd4e:7a21:93c0::/48`, an interface's `10.200.0.1/24`): the network is one value, replaced
 * whole, and labelled whole by whoever writes one down.
 */
function withPrefixLength(text: string, end: number, maxBits: number): number {
  if (text.charCodeAt(end) !== 0x2f /* / */) return end;
  PREFIX_LENGTH.lastIndex = end;
  const m = PREFIX_LENGTH.exec(text);
  return m !== null && Number(m[0].slice(1)) <= maxBits ? end + m[0].length : end;
}

/**
 * Tried only where the prefilter saw `fc`/`fd`: most such places are words, not addresses. A full stop after the address
 * ends a sentence (`IPv6 on the tunnel is fd42:7a11:9e3c::30.`); one before more of a word or a number is no address.
 */
const UNIQUE_LOCAL_AT = /(?<![\w:.])f[cd][0-9a-f]{2}:[0-9a-f:]{2,40}(?![\w:]|\.\w)/iy;

function findPrivateIPv6(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(UNIQUE_LOCAL_AT, text, offsets, (m) => {
    if (!isUniqueLocalIPv6(m[0])) return;
    const end = m.index + m[0].length;
    // In a URL or a `host:port`, an IPv6 address is written in brackets (`[fd12::21]:8080`): they are part of the host.
    if (m.index > 0 && text.charCodeAt(m.index - 1) === 0x5b /* [ */ && text.charCodeAt(end) === 0x5d /* ] */) spans.push({ start: m.index - 1, end: end + 1 });
    else spans.push({ start: m.index, end: withPrefixLength(text, end, 128) });
  });
  return spans;
}

/** First labels that make `x.local` member access in code rather than a host name. */
const CODE_OBJECTS = new Set([
  'this', 'self', 'window', 'config', 'settings', 'env', 'process', 'app', 'module', 'exports', 'options', 'opts',
  'args', 'ctx', 'context', 'global', 'globals', 'os', 'sys', 'req', 'res', 'request', 'response', 'state', 'props',
  'scope', 'vm', 'obj', 'data', 'cls', 'super', 'document', 'navigator', 'location', 'storage', 'session',
  'cache', 'threading', 'thread', 'torch', 'np', 'tf', 'datetime', 'time', 'date', 'moment', 'dayjs', 'tz',
  'timezone', 'zone', 'scopes', 'variables', 'vars', 'params', 'flags', 'cfg', 'conf', 'item', 'node', 'target',
  // Settings keys that name a cache's role (Nextcloud's `'memcache.local' => '\\OC\\Memcache\\APCu'`).
  'memcache',
]);

/**
 * git's colour settings for a local branch or ref (`color.branch.local`, `color.decorate.local`) in its
 * manuals and release notes: a config key whose section is `color`, not a host.
 */
const GIT_COLOR_KEY = /^colou?r\.[a-z]+\.local$/i;

/**
 * Files that Unix systems and daemons name `<name>.local`, the site's local part of a system file:
 * the boot script `/etc/rc.local` (SUSE's `boot.local`, `before.local`, `after.local`), fail2ban's
 * `jail.local` and `fail2ban.local`, Debian's `/usr/local/sbin/adduser.local`, CPython's `Modules/Setup.local`, groff's
 * site macros `man.local` and `mdoc.local`.
 * Named in prose and scripts without their directory (`run at boot from rc.local`), they are files, not hosts.
 */
const LOCAL_OVERRIDE_FILES = new Set(['rc.local', 'boot.local', 'before.local', 'after.local', 'halt.local', 'jail.local', 'fail2ban.local', 'setup.local', 'adduser.local', 'man.local', 'mdoc.local']);
const HOST_CHAR = /[A-Za-z0-9_.-]/;
/**
 * A dotted Python module path, not a host: Django's settings modules (`shop.settings.local`,
 * `config.settings.local`) carry a `settings` package inside a project's, and a name set under a `…_MODULE` key
 * (`DJANGO_SETTINGS_MODULE=`, `module: app.conf.local`) is a module. Module names hold no `-`.
 */
const MODULE_KEY = /(?:^|[^A-Za-z0-9_])[A-Za-z0-9_]{0,60}module["']?[ \t]{0,4}[:=][ \t]{0,4}["']?$/i;
function isModulePath(host: string, before: string): boolean {
  if (isReverseDnsName(host)) return true;
  if (host.includes('-')) return false;
  const labels = host.split('.');
  return labels.slice(1, -1).some((l) => l.toLowerCase() === 'settings') || MODULE_KEY.test(before);
}

/**
 * A name written from the top-level domain down (`com.acme.billing.internal`): a Java, Kotlin
 * or Android package, a logger or Maven group id. Host names run the other way; no host's
 * first label is `com`, `org`, `edu` or `gov`. A package may also follow a word that names
 * it (a Java policy's `accessClassInPackage.com.sun.org.apache.xml.internal`): such a label
 * with three or more after it is one too, where a host has at most one (`acme.com.internal`).
 */
const REVERSE_DNS_FIRST_LABEL = /^(?:com|org|edu|gov)\./i;
const REVERSE_DNS_INNER_LABEL = /\.(?:com|org|edu|gov)(?:\.[A-Za-z0-9_-]{1,63}){3}/i;
function isReverseDnsName(host: string): boolean {
  return (REVERSE_DNS_FIRST_LABEL.test(host) && host.split('.').length >= 3) || REVERSE_DNS_INNER_LABEL.test(host);
}

/**
 * Whether the name at `start` opens a Windows UNC path (`\\fileserver01.acme.corp\deploy$`), or
 * one escaped in a string literal (`"\\\\fs01.corp\\share"`): two or four backslashes that
 * themselves begin a path, after a blank, a quote, `=`, `(` or the line's start. Any other
 * backslash before a name is a path separator (`C:\app\web.local`), and no host.
 */
function opensUncPath(text: string, start: number): boolean {
  let slashes = 0;
  while (slashes < 5 && start - slashes > 0 && text.charCodeAt(start - slashes - 1) === 0x5c /* \ */) slashes++;
  if (slashes !== 2 && slashes !== 4) return false;
  const at = start - slashes;
  return at === 0 || ' \t\r\n"\'`=(,:>'.includes(text[at - 1]!) && !(text[at - 1] === ':' && /[A-Za-z]/.test(text[at - 2] ?? ''));
}

/**
 * Whether the name at `at` follows a URL's `//`, also as JSON escapes it (`https:\\/\\/vault.acme.internal`
 * in a Slack export's or PHP's JSON): one `/` alone before a name is a file path's.
 */
function opensAuthority(text: string, at: number): boolean {
  if (text.charCodeAt(at - 2) === 0x2f /* / */) return true;
  return at >= 4 && text.startsWith('\\/\\/', at - 4);
}

/**
 * The key of a host in a `key=value;` connection string, just before the host name; SQL Server's
 * may name the protocol first (`Server=tcp:sql01.acme.corp,1433`, `np:`, `lpc:`, `admin:`).
 */
const DSN_HOST_KEY = /[;:"'](?:host|hostname|server|data source|address|addr)=(?:tcp:|np:|lpc:|admin:)?$/i;

/**
 * A certificate, key or signing request named for the host it serves, as TLS set-ups name them
 * (`/etc/ssl/certs/wiki.acme.intranet.crt`, `ssl_certificate_key …/api.prod.internal.key`): the
 * file's name is the host's. Only a name of three labels or more: `dev.local.pem` is as often a role.
 */
const HOST_NAMED_FILE_EXTENSION = /^\.(?:crt|cer|pem|key|csr)(?![\w.-])/i;

/**
 * A wildcard name (`*.replica.acme.internal` in a `.pgpass` line, a certificate's SAN, nginx's
 * `server_name`) stands for every host of its zone: the zone after `*.` is reported, the `*.` stays.
 * A zone of two labels under `.local` (`*.env.local`) is more often a file glob than a zone.
 */
function isWildcardZone(host: string): boolean {
  const labels = host.split('.').length;
  return labels >= 3 || (labels === 2 && !/\.local$/i.test(host));
}

/**
 * A Kerberos service principal, `service/host@REALM` (`host/kdc.acme.corp@ACME.CORP`,
 * `HTTP/wiki.lab.internal@$REALM` in a kadmin script, a keytab's listing): the slash parts the
 * service from the host it runs on, so the name after it is a host, not a path's file. The
 * service is one word standing alone, and a realm follows the `@` (upper case, or a variable).
 */
const KERBEROS_SERVICE = /(?:^|[\s"'=(,])[A-Za-z][\w-]{0,30}$/;
const KERBEROS_REALM = /^@(?:[A-Z0-9][A-Z0-9.-]{0,253}(?![\w.-])|\$\{?[A-Za-z_])/;
function isKerberosServiceHost(text: string, at: number, end: number): boolean {
  const service = text.slice(Math.max(0, at - 33), at - 1);
  if (!KERBEROS_SERVICE.test(service)) return false;
  if (text.charCodeAt(end) === 0x40 /* @ */ && KERBEROS_REALM.test(text.slice(end, end + 256))) return true;
  // Without its realm (`ktadd -k /etc/krb5.keytab nfs/nfs01.lab.internal`), a well-known service's name on a
  // line that runs a Kerberos admin tool or speaks of principals and keytabs.
  if (!KNOWN_KERBEROS_SERVICE.test(service)) return false;
  const line = lineAround(text, at, 200);
  return KERBEROS_LINE.test(text.slice(line.start, line.end));
}
const KNOWN_KERBEROS_SERVICE = /(?:^|[\s"'=(,])(?:host|nfs|HTTP|http|cifs|ldap|imap|smtp|pop|ftp|postgres|mysql|MSSQLSvc|HOST|NFS|CIFS|LDAP)$/;
const KERBEROS_LINE = /\b(?:kadmin|ktadd|ktutil|addprinc|ank|kinit|klist|ktpass|setspn|msktutil|principal|keytab)\b/i;

/**
 * A mount point named for the host whose share it mounts, right under a root of mounts: `/mnt/nas01.acme.lan/archive`,
 * autofs's `/net/fs01.acme.corp/export`, macOS's `/Volumes/…`, `/media/…`, maybe under a folder for the protocol
 * (`/mnt/nfs/…`, `/mnt/smb/…`), or under that folder at the root (`/nfs/ctrl-nfs01.acme.lan/autosave`, as an EPICS
 * IOC's `set_savefile_path` names it). The directory is the host's name. Deeper in a path a name is a file's or a
 * folder's, and two labels under `.local` (`/mnt/env.local`) are as often a file's name.
 */
const MOUNT_ROOT_BEFORE = /(?:^|[\s"'`=:(,])\/(?:(?:mnt|media|net|Volumes)\/(?:(?:nfs|smb|cifs|nas|shares?)\/)?|(?:nfs|smb|cifs)\/)$/;
function isHostMountPoint(text: string, at: number, host: string): boolean {
  if (!MOUNT_ROOT_BEFORE.test(text.slice(Math.max(0, at - 20), at))) return false;
  const labels = host.split('.').length;
  return labels >= 3 || (labels === 2 && !/\.local$/i.test(host));
}

/**
 * A domain written with its leading dot, standing for every host under it: krb5.conf's `[domain_realm]` (`.hpc.acme.lan =
 * ACME.EDU`), a `no_proxy` list (`localhost,.corp.acme.lan`), a cookie's domain. The dot opens a word of its own (after a
 * line's start, a space, `,`, `=`, `(` or a quote), unlike a file's extension (`settings.local`) or a member's access.
 */
function opensZone(text: string, start: number): boolean {
  return text.charCodeAt(start) === 0x2e /* . */ && (start === 0 || ZONE_OPENER.test(text[start - 1]!));
}
const ZONE_OPENER = /[\s,=("']/;
/**
 * Zones that are the same in every deployment, not a company's: Kubernetes' service zone, AWS's and Google's instance
 * zones, Docker Desktop's and Consul's. `no_proxy` lists name them everywhere.
 */
const SHARED_ZONE = /(?:^|\.)(?:svc\.cluster\.local|compute\.internal|ec2\.internal|google\.internal|docker\.internal|service\.consul|node\.consul)$/i;

/**
 * `(1414)` right after a host: the port of an IBM MQ connection name; `(10.128.0.11)`: the address slurm.conf gives a
 * controller beside its name (`SlurmctldHost=ctl01.hpc.acme.lan(10.128.0.11)`). A call's argument is neither.
 */
const PARENTHESIZED_PORT = /^\((?:\d{1,5}|\d{1,3}(?:\.\d{1,3}){3})\)/;

/** The hosts (lower-cased) of the text's URLs, read once where a name in program source needs them. */
function hostsOfUrls(text: string): Set<string> {
  const hosts = new Set<string>();
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    let end = i + 3;
    while (end < text.length && end - i < 256 && HOST_CHAR.test(text[end]!)) end++;
    if (end > i + 3) hosts.add(text.slice(i + 3, end).replace(/\.+$/, '').toLowerCase());
  }
  return hosts;
}

/**
 * A suffix cased unlike the labels before it is a name in code, not a host: an enum member or a constant in capitals
 * (`QualifiedNameSource.LOCAL`, `Scope.INTERNAL`), a class capitalised in its module (`werkzeug.Local`). A host is
 * written in small letters, or all in capitals as a Windows domain or a Kerberos realm is (`EC2.INTERNAL`); its own
 * name may carry capitals (`DESKTOP-J1O6ANP.localdomain`), its suffix then still in small letters.
 */
function isCodeCasedSuffix(host: string, suffixLength: number): boolean {
  const suffix = host.slice(host.length - suffixLength);
  if (suffix === suffix.toLowerCase()) return false;
  return /[a-z]/.test(host.slice(0, host.length - suffixLength));
}

/**
 * Whether the name at `start` (ending at `end`) is the local part of an e-mail address, quoted or not
 * (`"simeple.local"@example.com`, `first.local@acme.io`): the host is the one after the `@`. A Kerberos principal's
 * `host/kdc.acme.corp@ACME.CORP` names a host before its realm; a slash right before it says so.
 */
function isMailLocalPart(text: string, start: number, end: number): boolean {
  const quoted = text.charCodeAt(end) === 0x22 /* " */ && start > 0 && text.charCodeAt(start - 1) === 0x22;
  const at = quoted ? end + 1 : end;
  if (text.charCodeAt(at) !== 0x40 /* @ */ || !/^@[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{1,200}/.test(text.slice(at, at + 256))) return false;
  return quoted || !(start > 0 && text.charCodeAt(start - 1) === 0x2f /* / */);
}

/**
 * Program source whose strings a backtick never opens (Python, Java, C, …): a backtick there is markup in a docstring
 * or a comment, reStructuredText's and Markdown's code (``py.path.local``, :attr:`Source.LOCAL`), which names code, as
 * an unquoted name does. JavaScript's template literals, Go's raw strings, Kotlin's and Scala's quoted names are strings.
 */
const BACKTICK_STRING_FILE = /\.(?:[cm]?[jt]sx?|go|kt|kts|scala|vue|svelte)$/i;
const STRING_OPENERS_WITH_BACKTICK = /["'`@/]/;
const STRING_OPENERS = /["'@/]/;
function codeStringOpeners(file: string | undefined): RegExp {
  return file !== undefined && BACKTICK_STRING_FILE.test(file) ? STRING_OPENERS_WITH_BACKTICK : STRING_OPENERS;
}

/**
 * A style sheet's selectors name an element and its classes (`span.target.internal`, `.nav.local`): in CSS a host is
 * written only in a string or a URL (`url(//cdn.acme.lan/x.png)`, `@import "…"`), after a quote or a slash.
 */
const STYLE_SHEET_FILE = /\.(?:css|scss|sass|less|styl)$/i;

/**
 * A variable right before a name's zone, standing for each host of it as ssh_config's `%h.` does: a host name built in a
 * script or a template (`"$t.wards.acme.internal"` in PowerShell or a shell, `${node}.acme.lan`, `$(hostname).acme.corp`,
 * Jinja's `{{ inventory_hostname }}.acme.lan`, a format string's `{host}.acme.corp`, Ruby's `#{name}.acme.lan`, cmd's
 * `%COMPUTERNAME%.acme.corp`). The zone after it is reported.
 */
const INTERPOLATION_BEFORE = /(?:[$#]\{[^{}\r\n]{1,80}\}|\{\{[^{}\r\n]{1,80}\}\}|\{[A-Za-z_][\w.]{0,60}\}|\$\([^()\r\n]{1,80}\)|%[A-Za-z_]\w{0,60}%)$/;
/**
 * A shell's or PowerShell's `$name` right before the zone (`$t.wards…`, `$env:COMPUTERNAME.acme.corp`): the name is the
 * variable's, its first label read as it.
 */
const POWERSHELL_ENV_DRIVE = /\$env:$/i;
const DOLLAR_VARIABLE_LABEL = /^[A-Za-z_]\w{0,60}\./;

/**
 * Where the zone starts when a variable stands right before it (see INTERPOLATION_BEFORE), or -1. `start` is where the
 * name's characters begin: at the zone's dot after a bracketed variable, at the variable's name after a `$`. In program
 * source a `$name.` is member access or concatenation (PHP, Perl), and only a bracketed variable, which a string holds,
 * is read.
 */
function zoneAfterVariable(text: string, start: number, file: string | undefined): number {
  if (text.charCodeAt(start) === 0x2e /* . */) return INTERPOLATION_BEFORE.test(text.slice(Math.max(0, start - 84), start)) ? start + 1 : -1;
  const dollar = start > 0 && (text.charCodeAt(start - 1) === 0x24 /* $ */ || POWERSHELL_ENV_DRIVE.test(text.slice(Math.max(0, start - 5), start)));
  if (!dollar || isCodeFile(file)) return -1;
  const label = DOLLAR_VARIABLE_LABEL.exec(text.slice(start, start + 62));
  return label === null ? -1 : start + label[0].length;
}

/** An Ansible inventory's range of hosts right before a name's zone: `[01:12]`, `[a:f]`, with a step maybe (`[0:20:2]`). */
const HOST_RANGE_BEFORE = /\[(?:\d{1,4}:\d{1,4}|[a-z]:[a-z])(?::\d{1,3})?\]$/;

function findInternalHostnames(declared: readonly string[]) {
  const suffixes = [...INTERNAL_SUFFIXES.map((s) => s.replace('.', '\\.')), ...declared.map(escapeRegExp)];
  const re = new RegExp(`\\.(?:${suffixes.join('|')})(?![\\w-])(?!\\.(?!(?:crt|cer|pem|key|csr)(?![\\w.-]))[A-Za-z])`, 'gi');
  return (text: string, options: DetectOptions): Span[] => {
    const spans: Span[] = [];
    let urlHosts: Set<string> | undefined;
    for (const m of text.matchAll(re)) {
      let start = m.index;
      while (start > 0 && m.index - start < 253 && HOST_CHAR.test(text[start - 1]!)) start--;
      const end = m.index + m[0].length;
      // ssh_config's `HostName %h.build.acme.corp`: the token stands for the name given, the rest is its zone, read as a wildcard's.
      const sshToken = start > 0 && text.charCodeAt(start - 1) === 0x25 /* % */ && text.charCodeAt(start + 1) === 0x2e; /* . */
      if (sshToken) start++;
      const wildcard = sshToken || (start > 0 && text.charCodeAt(start) === 0x2e /* . */ && text.charCodeAt(start - 1) === 0x2a); /* * */
      if (wildcard) start++;
      // `${DB_HOST:-pg-01.prod.internal}`: a shell expansion's default starts after `:-`.
      if (text.charCodeAt(start) === 0x2d /* - */ && start > 0 && text.charCodeAt(start - 1) === 0x3a /* : */) start++;
      // An Ansible inventory's host range (`kiosk-[01:12].branches.acme.lan`, `db-[a:f].acme.corp`) stands for its hosts
      // as a wildcard does: the zone after the range is reported.
      const ranged = text.charCodeAt(start) === 0x2e /* . */ && text.charCodeAt(start - 1) === 0x5d /* ] */ && HOST_RANGE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
      if (ranged) start++;
      const zone = !wildcard && !ranged && opensZone(text, start);
      if (zone) start++;
      const variableZone = wildcard || ranged || zone ? -1 : zoneAfterVariable(text, start, options.file);
      const variable = variableZone !== -1;
      if (variable) start = variableZone;
      const host = text.slice(start, end);
      if (host.startsWith('.') || host.startsWith('-') || host.includes('..')) continue;
      if ((wildcard || ranged || zone || variable) && !isWildcardZone(host)) continue;
      if (zone && SHARED_ZONE.test(host)) continue;
      // Past the pattern's look-ahead a `.` and a letter after the name can only open such an extension.
      const namesFile = text.charCodeAt(end) === 0x2e /* . */ && HOST_NAMED_FILE_EXTENSION.test(text.slice(end, end + 5));
      if (namesFile && host.split('.').length < 3) continue;
      const at = wildcard ? start - (sshToken ? 3 : 2) : zone ? start - 1 : start; // where the name, `*.` (`%h.`, `.`) included, begins
      // After a variable the name is the zone's: what stands before the variable says nothing of it.
      const before = variable ? '"' : at > 0 ? text[at - 1]! : '';
      if (before === '/' && !opensAuthority(text, at) && !namesFile && !isKerberosServiceHost(text, at, end) && !isHostMountPoint(text, at, host) && !isSapRouteHop(text, at, end)) continue; // a file path
      const unc = before === '\\' && opensUncPath(text, start);
      if ((before === '\\' && !unc) || before === '$' || before === '%') continue;
      const first = host.split('.')[0]!.toLowerCase();
      if (CODE_OBJECTS.has(first) && host.split('.').length === 2) continue;
      if (LOCAL_OVERRIDE_FILES.has(host.toLowerCase())) continue;
      if (GIT_COLOR_KEY.test(host)) continue;
      // In program source `iface.internal` is member access; a host name there sits in a
      // string (after a quote, `@` or `/`) or has a character no identifier has.
      // A DSN inside a string is the exception: `"pgsql:host=db.lan;dbname=shop"`.
      // A name the file also reaches as a URL's host is that host wherever it is written (a comment's `(hub.analytics.intranet)`).
      if (!unc && options.file !== undefined && STYLE_SHEET_FILE.test(options.file) && !/["'/]/.test(before)) continue;
      if (isCodeCasedSuffix(host, m[0].length - 1) || isMailLocalPart(text, start, end)) continue;
      if (isCodeFile(options.file) && !unc && !codeStringOpeners(options.file).test(before) && !/-/.test(host) && !DSN_HOST_KEY.test(text.slice(Math.max(0, start - 20), start)) && !(urlHosts ??= hostsOfUrls(text)).has(host.toLowerCase())) continue;
      // A call or an index; a port in parentheses is IBM MQ's connection name (`CONNAME('mq01.acme.corp(1414)')`, `conn-name: a(1414),b(1414)`).
      if ((text[end] === '(' && !PARENTHESIZED_PORT.test(text.slice(end, end + 18))) || text[end] === '[') continue;
      if (isModulePath(host, text.slice(Math.max(0, start - 60), start))) continue;
      if (!isInternalHostname(host, declared) || isFolderSettingName(host)) continue;
      spans.push({ start, end });
    }
    return spans;
  };
}

/**
 * A company's private zone inside its public domain: an `internal`, `corp` or `intranet` label
 * followed by the company's registered domain (`admin.internal.acme-pay.io`,
 * `billing-int.corp.acme-pay.net`). At least two labels must follow (domain and TLD), so a
 * bare `x.corp.net` or `service.internal.com` (someone else's domain) is not taken.
 */
const INTERNAL_LABEL = /\.(?:internal|corp|intranet)\.(?=[a-z0-9])/gi;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const TLD = /^[a-z]{2,12}$/i;
/** `accessClassInPackage`, `getHostName`: a lower-case word joined to capitalised ones, as code names things and DNS never does. */
const LOWER_CAMEL_WORD = /^[a-z]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,8}$/;

/**
 * Names that RFC 2606 and RFC 6761 set aside for documentation and tests: `example.com`, `.net`, `.org` and the
 * `.example`, `.test` and `.invalid` top-level domains. A private zone under one (`accounting.corp.example.com` in an
 * API's example) belongs to no company.
 */
const DOCUMENTATION_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|[a-z0-9-]{1,63}\.(?:example|test|invalid))$/i;

/**
 * A dotted name that is the module path of the source file it is written in, or of the package around it
 * (`hypothesis.internal.conjecture.data` in `…/hypothesis/internal/conjecture/data.py`): the file's path holds its
 * labels as folders, up to the one after `internal`. A host's labels are never the folders its own file sits in.
 */
function namesOwnPackage(labels: readonly string[], at: number, file: string | undefined): boolean {
  if (file === undefined || !isCodeFile(file)) return false;
  const folders = `/${labels.slice(0, at + 2).join('/')}`;
  const path = file.replace(/\\/g, '/');
  return path.includes(`${folders}/`) || path.includes(`${folders}.`);
}

/** `ConjectureRunner`: words run together with capitals, a class's name; a host's label is one word or joined by `-`. */
const PASCAL_CASE_WORDS = /^[A-Z][a-z0-9]{1,30}(?:[A-Z][a-z0-9]{1,30}){1,8}$/;

function findInternalLabelHosts(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(INTERNAL_LABEL)) {
    if (m.index < from) continue;
    let start = m.index;
    while (start > 0 && m.index - start < 253 && HOST_CHAR.test(text[start - 1]!)) start--;
    if (text.charCodeAt(start) === 0x2d /* - */ && start > 0 && text.charCodeAt(start - 1) === 0x3a /* : */) start++; // `${LDAP_HOST:-…}`
    let end = m.index + m[0].length;
    while (end < text.length && end - start < 253 && HOST_CHAR.test(text[end]!)) end++;
    from = end;
    const host = text.slice(start, end).replace(/\.+$/, '');
    const labels = host.split('.');
    const at = labels.findIndex((l, i) => i > 0 && /^(?:internal|corp|intranet)$/i.test(l));
    if (at < 1 || labels.length - at - 1 < 2) continue;
    if (!labels.every((l) => HOST_LABEL.test(l)) || !TLD.test(labels[labels.length - 1]!)) continue;
    const before = start > 0 ? text[start - 1]! : '';
    if (before === '/' && !opensAuthority(text, start) && !isSapRouteHop(text, start, start + host.length)) continue; // a file path
    const unc = before === '\\' && opensUncPath(text, start);
    if ((before === '\\' && !unc) || before === '$' || before === '%' || text[start + host.length] === '(') continue;
    if (CODE_OBJECTS.has(labels[0]!.toLowerCase()) || isReverseDnsName(host)) continue;
    // A first word in lower camel case is code's, not a host's (a Java policy's `accessClassInPackage.jdk.internal.vm.…`).
    if (LOWER_CAMEL_WORD.test(labels[0]!)) continue;
    if (DOCUMENTATION_DOMAIN.test(host) || namesOwnPackage(labels, at, options.file) || labels.some((l) => PASCAL_CASE_WORDS.test(l))) continue;
    // In source, `a.internal.b.c` unquoted is member access: a host sits in a string or a URL.
    if (isCodeFile(options.file) && !unc && !/["'`@/]/.test(before)) continue;
    spans.push({ start, end: start + host.length });
  }
  return spans;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The network rules, with the user's declared internal domains folded in. */
export function networkRules(internalDomains: readonly string[] = []): Rule[] {
  const declared = [...new Set(internalDomains.map(normaliseDomain).filter((d) => d.length > 0))];
  return [
    {
      id: 'internal-url',
      category: 'URL',
      description: 'A URL whose host is private: an RFC 1918 / 100.64/10 / fc00::/7 address or a name under an internal or declared domain; also as an xcconfig writes it, its slashes parted by an empty `$()` (`http:/$()/10.1.2.3`)',
      keywords: ['://', XCCONFIG_SCHEME_SEPARATOR],
      pattern: /[a-z][a-z0-9+.-]{0,20}:(?:\/\/|\/\$\(\)\/)[^\s/?#"'<>]{1,300}/i,
      find: findInternalUrls(declared),
      anchored: true,
      confidence: 'medium',
      examples: {
        match: ['API=http://10.1.2.3:8080/v1/users', 'API_BASE_URL = http:/$()/192.168.4.20:3000/v2', 'see https://grafana.monitoring.svc.cluster.local/d/abc', 'url: "https://wiki.acme.corp/display/OPS"', 'http://[fd12:3456:789a::1]:8080/', 'url="jdbc:sqlserver://10.8.1.20:1433;databaseName=erp;encrypt=true"'],
        noMatch: ['http://127.0.0.1:3000/', 'https://example.com/api', 'http://localhost:8080', 'SIM_BASE_URL = http:/$()/localhost:8080/v2', 'https://8.8.8.8/', 'DEV_API_BASE_URL=http://10.0.2.2:3000'],
      },
    },
    {
      id: 'private-ipv4',
      category: 'HOST',
      description: 'A private IPv4 address (RFC 1918 10/8, 172.16/12, 192.168/16, and CGNAT 100.64/10), or a network chosen inside one (`10.40.0.0/16`, `100.64.12.0/24`, or as a pattern, `10.20.48.*`; not a whole block such as `10.0.0.0/8`)',
      keywords: ['10.', '172.', '192.168.', '100.'],
      pattern: /(?<![\w./-])(?:10|172|192|100)\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w/]|\.\d)/,
      find: findPrivateIPv4,
      anchored: true,
      confidence: 'medium',
      examples: {
        match: ['DB_HOST=10.20.30.40', 'ssh admin@192.168.1.20', 'url="jdbc:oracle:thin:@//10.50.1.30:1521/ERPPROD"', 'allowed_admin_cidrs = ["100.64.12.0/24"] # subnet router', 'vpc_cidr = "10.30.0.0/16"', 'nameserver 100.100.100.100', 'host: 172.16.5.4', 'Node:  ip-10-0-21-114.ec2.internal/10.0.21.114', ' 218003 | analytics_ro | 100.71.8.40 | Metabase v0.51.4', 'rsync -az out/ backup@192.168.40.7:/srv/models/run-v3/', 'vans --(LTE)--> 10.60.4.1 (edge gw) --> api', 'then update the A record to 10.20.0.5 and wait', 'patch upstream backend to 10.0.3.7 for the cutover', "SET CHLAUTH('APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('10.20.48.*') USERSRC(CHANNEL)", 'Require ip 192.168.10.*', '# Runs from the build agent LVH-BUILD01 (172.20.2.30) when the pipeline is broken.', 'SAP Router string: `/H/10.44.12.5/S/3299/H/sapprd-ci.acme.corp/S/3200`'],
        noMatch: ['version: 10.0.0.1', 'server 8.8.8.8', 'addr 172.32.0.1', 'cidr 10.0.0.0/8', 'allow 172.16.0.0/12', '<bindingRedirect oldVersion="0.0.0.0-10.0.0.0" newVersion="10.0.0.0" />', 'oid 1.3.6.10.1.2.3.4', 'trap oid=10.4.1.2', '127.0.0.1', 'ip 10.0.0.256', 'cache: ~/.nvm/node/10.16.0.1/bin', '| chrome 10.0.648.204 | stable |', 'Edge 10.0.1.2 gwt build', '* [[`754d26a53e`](https://github.com/nodejs/node/commit/754d26a53e)] - **deps**: patch V8 to 10.2.154.15 (Michaël Zasso)', 'bump libfoo from 10.1.0.3 to 10.1.0.4 in /app', '"version": "10.2.0.*"', 'allow 172.40.1.*', 'hosts 10.20.*.*', 'build 10.4.1.7 (agent)', 'cp /data/H/10.1.2.3/S/x .', 'cat 10.1.2.3/S/3299'],
      },
    },
    {
      id: 'private-ipv6',
      category: 'HOST',
      description: 'A unique-local IPv6 address (fc00::/7)',
      keywords: ['fc', 'fd'],
      pattern: /(?<![\w:.])f[cd][0-9a-f]{2}:[0-9a-f:]{2,40}(?![\w:]|\.\w)/i,
      find: findPrivateIPv6,
      anchored: true,
      confidence: 'medium',
      examples: {
        match: ['bind fd12:3456:789a:1::1', 'peer fc00::2', 'server [fd4e:7a21:93c0::15]:8443;', 'Internet is Starlink; IPv6 on the tunnel is fd42:7a11:9e3c::30.'],
        noMatch: ['bind ::1', 'addr 2001:db8::1', 'fdfd:zz', 'fd42:7a11:9e3c::30.example', 'fc00:1.2'],
      },
    },
    {
      id: 'internal-label-hostname',
      category: 'HOST',
      description: "A host in a company's private zone: an `internal`, `corp` or `intranet` label before its registered domain (`admin.internal.acme.io`, `billing.corp.acme.net`)",
      keywords: ['.internal.', '.corp.', '.intranet.'],
      pattern: /\.(?:internal|corp|intranet)\.[a-z0-9]/i,
      find: findInternalLabelHosts,
      confidence: 'medium',
      examples: {
        match: ['Host: admin.internal.acme-pay.io', 'ALLOWED_HOSTS = ["billing-int.corp.acme-pay.net"]', 'https://wiki.intranet.example-co.com/ops'],
        noMatch: ['curl https://octopus.corp.net/', 'our internal. corp. wiki', 'self.internal.state.io = 1', 'this is internal.acme.com', 'import com.acme.internal.billing.api', 'permission java.lang.RuntimePermission "accessClassInPackage.jdk.internal.vm.compiler.collections";', '"Name": "accounting.corp.example.com"', '`hypothesis.internal.conjecture.engine.ConjectureRunner.statistics`'],
      },
    },
    {
      id: 'internal-hostname',
      category: 'HOST',
      description:
        'A host name under an internal suffix (`.internal`, `.local`, `.corp`, `.lan`, `.intranet`, `.intra`, `.lab`, `.home`, `svc.cluster.local`), a Consul DNS name (`vault.service.consul`, `db-1.node.dc2.consul`) or a declared internal domain; the zone of a wildcard (`*.db.acme.internal`) and a host that names its certificate or key file (`wiki.acme.intranet.crt`) too',
      keywords: ['.internal', '.local', '.corp', '.lan', '.intra', '.lab', '.home', '.consul', ...declared.map((d) => `.${d}`)],
      pattern: /\.(?:internal|local|localdomain|corp|lan|intranet|intra|lab|home|home\.arpa|consul)(?![\w-])(?!\.[A-Za-z])/i,
      find: findInternalHostnames(declared),
      confidence: 'medium',
      examples: {
        match: ['DB_HOST=db01.prod.internal', 'Host ci-*\n    HostName %h.ci.acme.corp', 'redis: cache.default.svc.cluster.local:6379', 'printer.acme.lan', 'ssh build-03.eng.corp', 'image = "registry.service.consul:5000/api:1.4"', 'VAULT_ADDR=https://vault.service.dc2.consul:8200', 'ping pg-2.node.consul', 'conn-name: mq01.esb.acme.corp(1414),mq02.esb.acme.corp(1414)', 'server_name *.apps.acme.internal;', 'SSLCertificateFile /etc/pki/tls/certs/wiki.eng.intranet.crt', '[registers]\ntill-[01:24].stores.acme.lan', 'set_savefile_path("/nfs/ctrl-nfs01.kestrel.lan/autosave/iocLLRF01")', 'saprouter=/H/saprt.acme.corp/S/3299/H/erp01.acme.lan', 'SlurmctldHost=ctl01.hpc.acme.lan(10.128.0.11)', '[domain_realm]\n    .hpc.acme.lan = HPC.ACME.EDU', 'no_proxy=localhost,.corp.acme.lan', 'machine nas.acme.lab', '"hostname":"Sam-MacBook-Pro.home"'],
        noMatch: ['spring.cloud.consul.host=localhost', 'management.health.consul', 'import com.ecwid.consul', 'window.local = 1', 'cp .env.local .env', 'settings.local.py', 'DJANGO_SETTINGS_MODULE=shop.settings.local', 'celery_module: tasks.worker.local', '<logger name="com.acme.billing.internal" level="DEBUG"/>', 'localhost:8080', 'https://example.com', 'curl http://metadata.google.internal/computeMetadata/v1/', '*.env.local', 'cp certs/dev.local.pem .', 'till-[01:24].local', 'allows users to disable modules in Setup.local.', 'local macro configuration, such as man.local', 'adduser.local is run after the account is made', 'cat /nfs/exports/files02.acme.lan/x', 'ls /srv/H/build.acme.lan/S/3200', '    QualifiedNameSource.LOCAL,', 'ContextVar(f"werkzeug.Local<{id(self)}>.storage")', '\'<"simeple.local"@example.com>\'', ' * "git branch" learned to use color.branch.local for local branches.', 'NO_PROXY=localhost,.svc.cluster.local,.us-east-1.compute.internal', 'cp .env.local .env.local.bak', 'x = foo.lan(bar)', 'Connect-VIServer -User administrator@vsphere.local', '<localRepository>${user.home}/.m2</localRepository>', 'ssh build.acme.office'],
      },
    },
  ];
}
