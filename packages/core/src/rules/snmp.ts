import { splitWords } from '../key-name.js';
import { isCodeFile, isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * SNMP's shared secrets: a v1/v2c community string (read-only or read-write access to a
 * device's or host's management tree; a read-write one can reconfigure a switch) and the
 * v3 user's authentication and privacy passphrases. They sit in net-snmp's `snmpd.conf`
 * (`rocommunity …`, `com2sec …`, `createUser …`), in network gear's configuration
 * (`snmp-server community … RO`, `snmp-server user … v3 auth sha … priv aes 128 …`), and in
 * the configuration management that writes those files (`snmp_ro_community: "…"`,
 * `ro_community => '…'`, `['snmp']['community'] = '…'`), and the other network operating systems' own
 * syntax: Huawei VRP / H3C Comware (`snmp-agent community read …`, on switches and fibre OLTs), MikroTik
 * RouterOS (`/snmp community` entries, whose `name=` is the community), Junos and VyOS (`set snmp community …`)
 * and Extreme EXOS (`configure snmp add community …`). Every rule family reads names it
 * knows to hold a secret; `community` holds one only for SNMP, so it is read here, where the
 * name or the text just before it says SNMP. The two communities every agent ships with,
 * `public` and `private`, are documented defaults, not secrets.
 */

const DEFAULT_COMMUNITIES = new Set(['public', 'private']);

/** A net-snmp agent directive at a line's start and its arguments, up to a comment. */
const AGENT_DIRECTIVE = /[ \t]{0,40}(?<d>rocommunity6?|rwcommunity6?|trapcommunity|com2sec6?|trap2sink|trapsink|informsink|createUser)[ \t]{1,8}(?<args>[^\r\n#]{1,300})/iy;
/** Cisco IOS and its likes: `snmp-server community <string> [view …] RO|RW [acl]`. */
const IOS_COMMUNITY = /[ \t]{0,40}snmp-server[ \t]{1,4}community[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;
/** `snmp-server host <host> [informs|traps] [version 1|2c|3 <level>] <community|v3 user> [udp-port n] [types…]`: the trap receiver's community. */
const IOS_HOST = /[ \t]{0,40}snmp-server[ \t]{1,4}host[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;
/** `snmp-server user <name> <group> [remote <host>] v3 auth md5|sha <pass> [priv des|3des|aes 128 <pass>]`. */
const IOS_USER = /[ \t]{0,40}snmp-server[ \t]{1,4}user[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;
/**
 * Huawei VRP and H3C Comware (switches, routers, fibre OLTs): `snmp-agent community read|write [simple|cipher] <string> [acl n]`.
 * A `cipher` one is the device's own encryption of it, written back by the device, and left as it is.
 */
const VRP_COMMUNITY = /[ \t]{0,40}snmp-agent[ \t]{1,4}community[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;
/** VRP/Comware's v3 user: `snmp-agent usm-user v3 <user> [group] [simple|cipher] authentication-mode <proto> <pass> [privacy-mode <proto> <pass>]`. */
const VRP_USM_USER = /[ \t]{0,40}snmp-agent[ \t]{1,4}usm-user[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;
/** Junos' and VyOS/EdgeOS's set commands: `set [service] snmp community <string> authorization read-only`. */
const SET_COMMUNITY = /[ \t]{0,40}set[ \t]{1,4}(?:service[ \t]{1,4})?snmp[ \t]{1,4}community[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;
/** Extreme EXOS: `configure snmp add community readonly|readwrite [encrypted] <string>`. */
const EXOS_COMMUNITY = /[ \t]{0,40}configure[ \t]{1,4}snmp[ \t]{1,4}add[ \t]{1,4}community[ \t]{1,4}(?<args>[^\r\n]{1,300})/iy;

/**
 * MikroTik RouterOS's community menu, as an export writes it (`/snmp community` on a line of its own, its
 * `add`/`set` commands on the lines below), on one line (`/snmp community set [ find default=yes ] name=…`),
 * with v7's slashes (`/snmp/community/add`) or at a terminal's prompt (`[admin@gw] /snmp community> add …`).
 */
const ROUTEROS_COMMUNITY_MENU = /(?:\[[^\]\r\n]{1,80}\][ \t]{0,4})?[ \t]{0,40}\/snmp[ \t/]{1,4}community(?![\w-])/iy;
/** A command of the menu on a line of its own, or the continuation of the one before (an export wraps long lines after a `\`). */
const ROUTEROS_MENU_COMMAND = /^[ \t]{0,40}(?:add|set)[ \t]/;
/** A community entry's name, its string: `name=…`, quoted or not, wherever it stands on the command (`[ find name=… ]` selects one). */
const ROUTEROS_NAME = /(?<![\w-])name=(?:"(?<q>[^"\r\n]{1,128})"|(?<b>[^\s"\]\\]{1,128}))/g;
/** An entry for SNMPv3: its name is a user's, no secret (the passwords beside it are assignments other rules read). */
const ROUTEROS_V3_ENTRY = /(?<![\w-])(?:security=(?:authorized|private)|authentication-password=)/i;
/** How many lines of a community menu are read: a router's export holds a handful of entries. */
const ROUTEROS_MENU_LINES = 100;

/**
 * A setting named for a community (`snmp_ro_community: "…"`, `ro_community => '…'`,
 * `['community'] = '…'`, `community_string=…`): the keyword ends the name, or only the access
 * it grants follows it (`snmp_community_ro`, `community_rw`), then a separator and the value; or the key of a .NET
 * appSettings entry, its value in the attribute after it (`<add key="SnmpCommunity" value="…" />`).
 */
const COMMUNITY_SETTING =
  /community(?:[_-]?string)?(?:[_-](?:ro|rw|read|write|readonly|readwrite|trap))?(?:["'][ \t]{1,8}value[ \t]{0,4}=|["'\]]{0,2}[ \t]{0,40}(?:=>|:=|=|:))[ \t]{0,8}(?:"(?<dq>[^"\r\n]{1,128})"|'(?<sq>[^'\r\n]{1,128})'|(?<bare>[^\s"'#;,()[\]{}]{1,128}))/iy;

/** Words before `community` that say which SNMP access it grants. */
const ACCESS_WORDS = new Set(['ro', 'rw', 'read', 'write', 'readonly', 'readwrite', 'trap', 'v1', 'v2', 'v2c', 'snmp', 'snmpd']);
/** How far before a bare `community` a mention of SNMP is looked for (the same block of config). */
const SNMP_CONTEXT_REACH = 200;
const SNMP_WORD = /snmp/i;

/** A bare value that refers to something else: a variable, a member chain (`var.snmp_ro`), a lookup. */
const REFERENCE = /^(?:[$@%!&*]|[A-Za-z_]\w{0,60}(?:(?:\.|::)[A-Za-z_]\w{0,60}){1,6}$)/;

/** One argument of a directive: a quoted string or a run of non-blank characters, with its offset. */
interface Argument {
  value: string;
  start: number;
}

function argumentsOf(args: string, offset: number): Argument[] {
  const list: Argument[] = [];
  for (const m of args.matchAll(/"([^"]{0,300})"|'([^']{0,300})'|(\S{1,300})/g)) {
    const quoted = m[1] ?? m[2];
    list.push(quoted === undefined ? { value: m[3]!, start: offset + m.index } : { value: quoted, start: offset + m.index + 1 });
  }
  return list;
}

function isSecretValue(value: string, file: string | undefined): boolean {
  if (DEFAULT_COMMUNITIES.has(value.toLowerCase()) || REFERENCE.test(value)) return false;
  return isPlausiblePassword(value, file);
}

const AUTH_PROTOCOL = /^(?:md5|sha(?:-?(?:224|256|384|512))?)$/i;
const PRIV_PROTOCOL = /^(?:des|3des|aes(?:-?(?:128|192|256))?)$/i;

/** The values a net-snmp directive's arguments hold secret. */
function agentDirectiveSecrets(directive: string, args: Argument[]): Argument[] {
  const d = directive.toLowerCase();
  if (d.startsWith('rocommunity') || d.startsWith('rwcommunity') || d === 'trapcommunity') return args.slice(0, 1);
  // `com2sec [-Cn context] secname source community`
  if (d.startsWith('com2sec')) return (args[0]?.value === '-Cn' ? args.slice(2) : args).slice(2, 3);
  // `trap2sink host [community [port]]`
  if (d.endsWith('sink')) return args.slice(1, 2);
  // `createUser [-e engineid] name auth-protocol auth-passphrase [priv-protocol [priv-passphrase]]`
  const rest = args[0]?.value === '-e' ? args.slice(2) : args;
  const at = rest.findIndex((a, i) => i >= 1 && AUTH_PROTOCOL.test(a.value));
  if (at === -1 || rest[at + 1] === undefined) return [];
  const secrets = [rest[at + 1]!];
  const priv = rest[at + 2];
  // Without a passphrase of its own the privacy key is the authentication one.
  if (priv !== undefined && PRIV_PROTOCOL.test(priv.value) && rest[at + 3] !== undefined) secrets.push(rest[at + 3]!);
  return secrets;
}

/** The passphrases of `snmp-server user … v3 auth <proto> <pass> priv <proto> [bits] <pass>`. */
function iosUserSecrets(args: Argument[]): Argument[] {
  const secrets: Argument[] = [];
  const auth = args.findIndex((a) => a.value.toLowerCase() === 'auth');
  if (auth !== -1 && AUTH_PROTOCOL.test(args[auth + 1]?.value ?? '') && args[auth + 2] !== undefined) secrets.push(args[auth + 2]!);
  const priv = args.findIndex((a) => a.value.toLowerCase() === 'priv');
  if (priv !== -1 && PRIV_PROTOCOL.test(args[priv + 1]?.value ?? '')) {
    const bits = /^(?:128|192|256)$/.test(args[priv + 2]?.value ?? '') ? 1 : 0;
    const pass = args[priv + 2 + bits];
    if (pass !== undefined) secrets.push(pass);
  }
  return secrets;
}

/** The string of `snmp-agent community read|write [simple] <string>`; a `cipher` one is left. */
function vrpCommunitySecrets(args: Argument[]): Argument[] {
  if (!/^(?:read|write)$/i.test(args[0]?.value ?? '')) return [];
  const mode = args[1]?.value.toLowerCase();
  if (mode === 'cipher') return [];
  return mode === 'simple' ? args.slice(2, 3) : args.slice(1, 2);
}

/** The passwords after `authentication-mode <proto>` and `privacy-mode <proto>` of a v3 user not written in `cipher`. */
function vrpUserSecrets(args: Argument[]): Argument[] {
  const words = args.map((a) => a.value.toLowerCase());
  if (words.includes('cipher')) return [];
  const secrets: Argument[] = [];
  for (const mode of ['authentication-mode', 'privacy-mode']) {
    const at = words.indexOf(mode);
    // The protocol (`sha`, `aes128`), then the password.
    if (at !== -1 && args[at + 2] !== undefined) secrets.push(args[at + 2]!);
  }
  return secrets;
}

/** The string of `configure snmp add community readonly|readwrite [encrypted] <string>`; an `encrypted` one is left. */
function exosCommunitySecrets(args: Argument[]): Argument[] {
  if (!/^(?:readonly|readwrite)$/i.test(args[0]?.value ?? '') || args[1]?.value.toLowerCase() === 'encrypted') return [];
  return args.slice(1, 2);
}

/**
 * The community names of a RouterOS `/snmp community` menu that opens at `lineStart`: those on its own line,
 * then on the `add`/`set` lines under it and their continuations, up to the next menu. Returns where it stopped reading.
 */
function routerOsCommunitySecrets(text: string, lineStart: number): { secrets: Argument[]; end: number } {
  ROUTEROS_COMMUNITY_MENU.lastIndex = lineStart;
  if (!ROUTEROS_COMMUNITY_MENU.test(text)) return { secrets: [], end: lineStart };
  const secrets: Argument[] = [];
  let at = ROUTEROS_COMMUNITY_MENU.lastIndex;
  // A menu line of its own opens a block of commands; one with a command on it is read alone (with its continuations).
  const opensBlock = /^[ \t]*\r?(?:\n|$)/.test(text.slice(at, at + 80));
  let continued = true; // the menu's own line is read
  for (let lines = 0; lines < ROUTEROS_MENU_LINES && at < text.length; lines++) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at, end);
    if (!continued && !(opensBlock && ROUTEROS_MENU_COMMAND.test(line))) break;
    if (!ROUTEROS_V3_ENTRY.test(line)) {
      for (const m of line.matchAll(ROUTEROS_NAME)) {
        const value = m.groups!['q'] ?? m.groups!['b']!;
        secrets.push({ value, start: at + m.index + m[0].length - value.length - (m.groups!['q'] === undefined ? 0 : 1) });
      }
    }
    continued = line.trimEnd().endsWith('\\');
    at = end + 1;
  }
  return { secrets, end: at };
}

/** The community of `snmp-server host …`; with `version 3` the word there names a v3 user, no secret. */
function iosHostSecrets(args: Argument[]): Argument[] {
  let i = 1;
  if (/^(?:informs|traps)$/i.test(args[i]?.value ?? '')) i++;
  if (args[i]?.value.toLowerCase() === 'version') {
    if (args[i + 1]?.value === '3') return [];
    i += 2;
  }
  return args.slice(i, i + 1);
}

/**
 * net-snmp's tools (`snmpwalk -v2c -c <community> host`, `snmpget -v3 … -A <auth> -X <priv>`) and the
 * Nagios/Icinga plugin `check_snmp` (`-C <community>`, `--authpasswd`, `--privpasswd`), on a command
 * line or in a check command whose arguments Nagios parts with `!` (`check_snmp!-C …!-o sysUpTime.0`).
 */
const SNMP_TOOL = /(?:snmp(?:bulk)?(?:walk|get(?:next)?)|snmp(?:set|table|trap|inform|df|netstat|status|delta))(?=[ \t"'])|check_snmp[\w.-]{0,30}(?=[ \t!"'])/y;
/** The flags whose next argument is a secret: net-snmp's lower-case `-c`, check_snmp's upper-case `-C`; both take `-A`/`-X`. */
const NET_SNMP_SECRET_FLAGS = new Set(['-c', '-A', '-X']);
const CHECK_SNMP_SECRET_FLAGS = new Set(['-C', '--community', '-A', '--authpasswd', '-X', '--privpasswd']);
/** How much of a line after the tool's name its flags are read in. */
const SNMP_TOOL_REACH = 500;

/** The secrets among a tool's flags, and where the part of its line that was read ends. */
function snmpToolSecrets(text: string, at: number): { secrets: Argument[]; end: number } {
  SNMP_TOOL.lastIndex = at;
  const m = SNMP_TOOL.exec(text);
  if (m === null) return { secrets: [], end: at };
  const plugin = m[0].startsWith('check_snmp');
  const flags = plugin ? CHECK_SNMP_SECRET_FLAGS : NET_SNMP_SECRET_FLAGS;
  const from = at + m[0].length;
  const rest = text.slice(from, from + SNMP_TOOL_REACH).split(/[\r\n|;&]/)[0]!;
  const args: Argument[] = [];
  // Nagios parts a check command's arguments with `!` (`check_snmp!-C …`); on a shell's command line it is a character like any other.
  for (const a of rest.matchAll(text[from] === '!' ? /"([^"]{0,300})"|'([^']{0,300})'|([^\s!"']{1,300})/g : /"([^"]{0,300})"|'([^']{0,300})'|([^\s"']{1,300})/g)) {
    const quoted = a[1] ?? a[2];
    args.push(quoted === undefined ? { value: a[3]!, start: from + a.index } : { value: quoted, start: from + a.index + 1 });
  }
  const secrets: Argument[] = [];
  args.forEach((a, i) => {
    const eq = a.value.indexOf('=');
    // `--community=<value>`
    if (eq > 2 && a.value.startsWith('--') && flags.has(a.value.slice(0, eq))) secrets.push({ value: a.value.slice(eq + 1), start: a.start + eq + 1 });
    else if (flags.has(a.value) && args[i + 1] !== undefined) secrets.push(args[i + 1]!);
  });
  return { secrets, end: from + rest.length };
}

/** Whether the name that ends at the keyword `community` at `at` is an SNMP community's. */
function namesSnmpCommunity(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < 60 && /[A-Za-z0-9_.-]/.test(text[i - 1]!)) i--;
  const words = splitWords(text.slice(i, at));
  const last = words[words.length - 1];
  if (words.includes('snmp') || (last !== undefined && ACCESS_WORDS.has(last))) return true;
  // A bare `community` in a block about SNMP: Chef's `['snmp']['community']`, Puppet's `class { 'snmp':`, YAML's `snmp:`.
  return words.length === 0 && SNMP_WORD.test(text.slice(Math.max(0, i - SNMP_CONTEXT_REACH), i));
}

/**
 * Whether a table's column title names an SNMP community (a network inventory's `snmp_community`, `ro_community`,
 * `community_string`, `community_rw`): the words end in `community` and say SNMP or the access it grants, or go on
 * with `string` or the access, as only SNMP's community does. A bare `community` column is a place or a group as often,
 * so it stays out.
 */
export function namesSnmpCommunityColumn(title: string): boolean {
  const words = splitWords(title);
  const at = words.lastIndexOf('community');
  if (at === -1 || words.length - at > 2) return false;
  const after = words[at + 1];
  if (after !== undefined && after !== 'string' && !ACCESS_WORDS.has(after)) return false;
  return after !== undefined || words.includes('snmp') || (at > 0 && ACCESS_WORDS.has(words[at - 1]!));
}

function findSnmpSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const taken = new Set<number>();
  const push = (a: Argument): void => {
    if (taken.has(a.start) || !isSecretValue(a.value, options.file)) return;
    taken.add(a.start);
    spans.push({ start: a.start, end: a.start + a.value.length });
  };
  let lastLine = -1;
  // The start of the line holding the current offset, found by walking forward over the
  // newlines between ascending offsets: a search back from each offset would rescan a long
  // line once per keyword on it (a megabyte line of `snmp-server community` took seconds).
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  // A tool's name inside the arguments just read for another is one of them, not a command:
  // skipping it keeps a line of nothing but tool names from being read once per name.
  let toolArgumentsEnd = -1;
  // Where the RouterOS menu last read ends: a keyword inside it was read with it.
  let menuEnd = -1;
  for (const offset of offsets) {
    while (nextNewline !== -1 && nextNewline < offset) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    const c = text.charCodeAt(offset) | 0x20;
    if (c === 0x73 /* s */ || c === 0x63 /* c */) {
      // A tool's name (`snmpwalk`, `check_snmp`): its flags, wherever on the line it stands.
      if (/^(?:snmp[a-z]|check_snmp)/i.test(text.slice(offset, offset + 10))) {
        if (offset < toolArgumentsEnd) continue;
        const tool = snmpToolSecrets(text, offset);
        toolArgumentsEnd = tool.end;
        for (const a of tool.secrets) push(a);
        continue;
      }
    }
    if (lineStart !== lastLine) {
      lastLine = lineStart;
      if (lineStart >= menuEnd) {
        const menu = routerOsCommunitySecrets(text, lineStart);
        menuEnd = menu.end;
        for (const a of menu.secrets) push(a);
      }
      for (const [pattern, secretsOf] of [
        [AGENT_DIRECTIVE, (m: RegExpExecArray, args: Argument[]) => agentDirectiveSecrets(m.groups!['d']!, args)],
        [IOS_COMMUNITY, (_m: RegExpExecArray, args: Argument[]) => args.slice(0, 1)],
        [IOS_USER, (_m: RegExpExecArray, args: Argument[]) => iosUserSecrets(args)],
        [IOS_HOST, (_m: RegExpExecArray, args: Argument[]) => iosHostSecrets(args)],
        [VRP_COMMUNITY, (_m: RegExpExecArray, args: Argument[]) => vrpCommunitySecrets(args)],
        [VRP_USM_USER, (_m: RegExpExecArray, args: Argument[]) => vrpUserSecrets(args)],
        [SET_COMMUNITY, (_m: RegExpExecArray, args: Argument[]) => args.slice(0, 1)],
        [EXOS_COMMUNITY, (_m: RegExpExecArray, args: Argument[]) => exosCommunitySecrets(args)],
      ] as const) {
        pattern.lastIndex = lineStart;
        const m = pattern.exec(text);
        if (m === null) continue;
        const args = m.groups!['args']!;
        for (const a of secretsOf(m, argumentsOf(args, m.index + m[0].length - args.length))) push(a);
      }
    }
    // A setting named for a community, wherever the keyword `community` ends a name.
    if (text.slice(offset, offset + 9).toLowerCase() !== 'community') continue;
    COMMUNITY_SETTING.lastIndex = offset;
    const m = COMMUNITY_SETTING.exec(text);
    if (m === null || !namesSnmpCommunity(text, offset)) continue;
    const bare = m.groups!['bare'];
    // In program source a bare word is a variable; anywhere, one that a bracket follows is a call (`lookup('…')`).
    if (bare !== undefined && (isCodeFile(options.file) || '(['.includes(text[m.index + m[0].length] ?? ' '))) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq'] ?? bare!;
    const start = m.index + m[0].length - value.length - (bare === undefined ? 1 : 0);
    push({ value, start });
  }
  return spans;
}

export const snmpRules: Rule[] = [
  {
    id: 'snmp-community',
    category: 'PASS',
    description:
      "An SNMP community string or v3 user passphrase: net-snmp's `rocommunity`/`rwcommunity`/`com2sec`/`createUser`, network gear's `snmp-server community`/`snmp-server user … v3 auth … priv …`, Huawei VRP/H3C's `snmp-agent community read|write`/`snmp-agent usm-user v3`, MikroTik RouterOS's `/snmp community` entries' `name=`, Junos/VyOS's `set snmp community`, EXOS's `configure snmp add community`, settings named for a community (`snmp_ro_community`, `ro_community =>`, `['snmp']['community']`), and the `-c`/`-A`/`-X` of net-snmp's tools and `-C`/`--authpasswd`/`--privpasswd` of `check_snmp`; the defaults `public` and `private` are not reported",
    keywords: ['community', 'usm-user', 'createuser', 'com2sec', 'snmp-server', 'trap2sink', 'trapsink', 'informsink', 'snmpwalk', 'snmpbulk', 'snmpget', 'snmpset', 'snmptable', 'snmptrap', 'snmpinform', 'snmpdf', 'snmpnetstat', 'snmpstatus', 'snmpdelta', 'check_snmp'],
    pattern: COMMUNITY_SETTING,
    find: findSnmpSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'rocommunity Hx7-Marten-Ro 10.20.0.0/16',
        'createUser monitor SHA-256 "Tallow.Birch.88" AES "copper-Wren-204"',
        'snmp-server community Rk4!Vale-Ops RO 10',
        'snmp_rw_community: "Lq2-Fjord-Rw9"',
        'snmp_community_ro: Tq6Marsh0Wren',
        "default['snmp']['community'] = 'Pv8-Gorse-Ro1'",
        '    <add key="SnmpReadCommunity" value="Wq5-Tarn-Ro8" />',
        'snmpwalk -v2c -c Rk4!Vale-Ops 10.1.1.1 sysDescr',
        '    check_command           check_snmp!-C p2*p7G=E8XmY47 -o sysUpTime.0',
      ],
      noMatch: [
        'rocommunity public default',
        'snmp-server community public RO',
        'snmp_ro_community: "{{ vault_snmp_ro_community }}"',
        'community: "Kubernetes Slack"',
        'snmp_community_ro: "{{ vault_snmp_ro }}"',
        'community_readme: Tq6Marsh0Wren',
        '    <add key="CommunityForumUrl" value="https://forum.example.org" />',
        '    <add key="SnmpCommunity" value="public" />',
        'community.general.snmp_facts:',
        'snmpwalk -v2c -c public 10.1.1.1',
        'check_command check_snmp!-C $ARG1$ -o sysUpTime.0',
      ],
    },
  },
];
