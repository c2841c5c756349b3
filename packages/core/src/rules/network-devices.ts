import { shannonEntropy } from '../entropy.js';
import { isPlaceholder, isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Secrets in network gear's own configuration syntax, where no `name = value` assignment
 * sits around them: a Cisco IOS / NX-OS / ASA running-config (`enable secret 9 $9$…`,
 * `username … password 7 <hex>`, a RADIUS or TACACS+ server's `key`), a Junos configuration
 * (whose own output marks every secret line `## SECRET-DATA`), a FortiGate backup
 * (`set password ENC …`) and a tac_plus server's users (`login = des …`). The "encrypted"
 * forms are no protection: Cisco's type 7 and Junos' `$9$` are reversible encodings
 * (decoders are one web search away), FortiOS encrypts with a key published years ago, and
 * type 5/8/9 hashes of a device login are cracked offline. Backups of these files and the
 * tickets they are pasted into are where they leak.
 */

/**
 * IPMI over LAN as Telegraf's `inputs.ipmi_sensor` (and the collectors modelled on it) names a BMC:
 * `[username[:password]@][protocol[(address)]]`, the protocol `lan` or `lanplus`.
 */
const IPMI_LAN_SERVER = /(?<![^\s"'\[,])[\w.-]{1,64}:(?<v>[^\s"'@]{1,128})@lan(?:plus)?\(/;

/**
 * Squid's parent proxy with the login it forwards upstream: `cache_peer <host> parent <port> <icp> [options] login=user:password`.
 * `login=PASSTHRU`, `login=PASS` and `login=NEGOTIATE[:principal]` are modes, no password (NEGOTIATE's part after the colon
 * is a Kerberos principal); `login=*:password` sends each client's own name with the password given, a secret all the same.
 */
const SQUID_CACHE_PEER_LOGIN = /cache_peer[ \t][^\r\n]{0,300}?[ \t]login=(?!NEGOTIATE:)[^\s:]{1,64}:(?<v>[^\s"']{1,128})/iy;

/** One argument of a configuration line: a quoted string (without its quotes) or a run of non-blank characters. */
interface Argument {
  value: string;
  start: number;
}

function argumentsOf(text: string, from: number, to: number): Argument[] {
  const list: Argument[] = [];
  const line = text.slice(from, to);
  for (const m of line.matchAll(/"([^"]{0,300})"|(\S{1,300})/g)) {
    list.push(m[1] === undefined ? { value: m[2]!, start: from + m.index } : { value: m[1], start: from + m.index + 1 });
  }
  return list;
}

/**
 * Calls `visit` once for each line that holds one of `offsets` (increasing), with the line's start
 * and its end before any `\r`. Each line is found from the last one's end, so a text of one endless
 * line with a keyword repeated all along it costs one pass, not one per keyword.
 */
function forEachLineAt(text: string, offsets: readonly number[], visit: (lineStart: number, lineEnd: number) => void): void {
  let newline = -1; // the newline that ends the last line visited
  for (const offset of offsets) {
    if (offset <= newline) continue;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const next = text.indexOf('\n', offset);
    newline = next === -1 ? text.length : next;
    visit(lineStart, newline > lineStart && text[newline - 1] === '\r' ? newline - 1 : newline);
  }
}

/**
 * The value a Cisco type number announces, by its shape: 7 is the reversible Vigenère encoding
 * (three or more hex pairs, digits among them; a device writes two decimal digits of offset first, but a
 * value typed into a template or a ticket by hand, `3B51…`, stands for the password all the same), 5 an MD5-crypt hash (NX-OS writes SHA-crypt
 * `$5$`/`$6$` under the same number), 8 PBKDF2-SHA256, 9 scrypt, 4 the old unsalted SHA-256.
 * A value of another shape is something else (`password 7 characters long`).
 */
const CISCO_TYPE_SHAPES: Record<string, RegExp> = {
  '4': /^[./0-9A-Za-z]{43}$/,
  '5': /^\$[156]\$[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{20,90}$/,
  '7': /^(?=[A-F]{0,202}\d)(?:[0-9A-F]{2}){3,101}$/i,
  '8': /^\$8\$[./0-9A-Za-z]{1,20}\$[./0-9A-Za-z]{20,60}$/,
  '9': /^\$9\$[./0-9A-Za-z]{1,20}\$[./0-9A-Za-z]{20,60}$/,
};

/** Words of IOS's grammar that may follow a secret on its line (ASA's `encrypted`, NX-OS's `role …`), never a secret themselves. */
const IOS_TRAILERS = new Set(['encrypted', 'pbkdf2', 'nt-encrypted', 'privilege', 'role', 'level', 'address', 'hostname', 'no-xauth', 'mask']);

/** Commands whose untyped value must end its line (or be followed only by `IOS_TRAILERS` and numbers): the same words open sentences in prose. */
const PROSE_PRONE_COMMANDS = new Set(['enable', 'username', 'password', 'passwd']);

function endsLine(args: readonly Argument[], after: number): boolean {
  return args.slice(after).every((a) => IOS_TRAILERS.has(a.value.toLowerCase()) || /^\d{1,3}$/.test(a.value) || a.value === 'network-admin' || a.value === 'network-operator');
}

/**
 * The secret at `args[i]`: `[type] value`. A typed value must have its type's shape (type 0 is
 * the text itself); an untyped one must be a plausible password and no word of the grammar.
 */
function typedOrBare(args: readonly Argument[], i: number, mustEndLine: boolean, file: string | undefined): Argument | undefined {
  const first = args[i];
  if (first === undefined) return undefined;
  const typed = /^\d$/.test(first.value) && args[i + 1] !== undefined;
  const value = typed ? args[i + 1]! : first;
  const type = typed ? first.value : undefined;
  if (type !== undefined && type !== '0') {
    const shape = CISCO_TYPE_SHAPES[type];
    return shape !== undefined && shape.test(value.value) ? value : undefined;
  }
  if (IOS_TRAILERS.has(value.value.toLowerCase())) return undefined;
  if (mustEndLine && !endsLine(args, args.indexOf(value) + 1)) return undefined;
  return isPlausiblePassword(value.value, file) ? value : undefined;
}

/**
 * The unindented line that opens the block holding the line at `lineStart` ('' when the line is
 * not indented or no header is near): `radius server NPS01`, `line vty 0 4`.
 */
function blockHeader(text: string, lineStart: number): string {
  if (text[lineStart] !== ' ' && text[lineStart] !== '\t') return '';
  // A block is a few dozen short lines: the header is looked for within 40 lines and 4,000 characters.
  const from = Math.max(0, lineStart - 4000);
  let at = lineStart;
  for (let steps = 0; steps < 40 && at > from; steps++) {
    const previous = text.lastIndexOf('\n', at - 2) + 1;
    if (previous < from) return '';
    const c = text[previous];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return text.slice(previous, previous + 200).split(/\r?\n/)[0]!;
    at = previous;
  }
  return '';
}

const AAA_SERVER_BLOCK = /^(?:radius[ -]server|tacacs[ -]server|tacacs\+? server|aaa-server|radius-server host|tacacs-server host)\b/i;
const LINE_BLOCK = /^line[ \t]/i;

/** The secrets of one IOS-style line, by its command (its first argument). */
function iosLineSecrets(text: string, lineStart: number, args: readonly Argument[], file: string | undefined): Argument[] {
  const command = args[0]?.value.toLowerCase();
  if (command === undefined) return [];
  const words = args.map((a) => a.value.toLowerCase());
  const strict = PROSE_PRONE_COMMANDS.has(command);
  const at = (i: number): Argument[] => {
    const found = i > 0 ? typedOrBare(args, i, strict, file) : undefined;
    return found === undefined ? [] : [found];
  };
  switch (command) {
    case 'enable': {
      // `enable secret [level 15] [5] <value>`, ASA's `enable password <value> [encrypted|pbkdf2]`.
      if (words[1] !== 'secret' && words[1] !== 'password') return [];
      return at(words[2] === 'level' ? 4 : 2);
    }
    case 'username': {
      // `username <name> [privilege 15] secret|password [type] <value>`; ASA puts `privilege` after the value.
      const j = words.findIndex((w, i) => i >= 2 && i <= 4 && (w === 'secret' || w === 'password'));
      if (j === -1 || (j > 2 && words[2] !== 'privilege')) return [];
      return at(j + 1);
    }
    case 'password':
      // `password 7 <hex>` anywhere (the shape decides); an untyped one only under `line vty|con|aux`.
      return /^\d$/.test(words[1] ?? '') || LINE_BLOCK.test(blockHeader(text, lineStart)) ? at(1) : [];
    case 'passwd':
      return at(1); // ASA's login password: `passwd <value> encrypted`
    case 'key':
      // A RADIUS or TACACS+ server block's shared secret: ` key [7] <value>`.
      return AAA_SERVER_BLOCK.test(blockHeader(text, lineStart)) ? at(1) : [];
    case 'key-string':
      return at(1); // a key chain's key (routing protocol authentication)
    case 'radius-server':
    case 'tacacs-server': {
      const j = words.indexOf('key');
      return j === -1 ? [] : at(j + 1);
    }
    case 'crypto':
      // `crypto isakmp key [0|6] <psk> address <peer>`: an IKEv1 pre-shared key.
      return words[1] === 'isakmp' && words[2] === 'key' ? at(3) : [];
    case 'wpa-psk':
      return words[1] === 'ascii' || words[1] === 'hex' ? at(2) : [];
    default: {
      // A keyring's `pre-shared-key address <peer> key <psk>`, a tunnel group's `ikev1 pre-shared-key <psk>`.
      const j = words.indexOf('pre-shared-key');
      if (j === -1 || j > 2 || (j > 0 && !/^(?:ikev[12]|local-authentication|remote-authentication)$/.test(words[0]!))) return [];
      // Junos' `pre-shared-key ascii-text "$9$…";` is read by its own rule (the statement ends in `;`).
      if (words[j + 1] === 'ascii-text' || words[j + 1] === 'hexadecimal' || words[words.length - 1]!.endsWith(';')) return [];
      const k = words.indexOf('key', j + 1);
      return at(k === -1 ? j + 1 : k + 1);
    }
  }
}

const IOS_COMMAND_START = /[ \t]{0,12}(?:enable|username|password|passwd|key|key-string|radius-server|tacacs-server|crypto|wpa-psk|pre-shared-key|ikev[12]|local-authentication|remote-authentication)[ \t]/y;

function findIosSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachLineAt(text, offsets, (lineStart, lineEnd) => {
    // Only a line that opens with one of the commands, in IOS's lower case: the same words in prose or code sit mid-line or capitalised.
    IOS_COMMAND_START.lastIndex = lineStart;
    if (!IOS_COMMAND_START.test(text)) return;
    const args = argumentsOf(text, lineStart, lineEnd);
    for (const a of iosLineSecrets(text, lineStart, args, options.file)) spans.push({ start: a.start, end: a.start + a.value.length });
  });
  return spans;
}

/**
 * Junos marks each line of its configuration output that holds a secret with `## SECRET-DATA`
 * (`secret "$9$…"; ## SECRET-DATA`, `pre-shared-key ascii-text "$9$…"; ## SECRET-DATA`): the
 * quoted value before the marker (or the last word before `;`) is the secret, whatever its
 * statement. A quoted `"$9$…"` elsewhere (a `set` command in a script) is the same reversible encoding.
 */
function findJunosSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const markers: number[] = [];
  for (const offset of offsets) {
    if (!text.startsWith('"$9$', offset)) {
      markers.push(offset);
      continue;
    }
    const close = text.slice(offset + 1, offset + 402).search(/["\n]/);
    if (close >= 9 && text[offset + 1 + close] === '"') spans.push({ start: offset + 1, end: offset + 1 + close });
  }
  forEachLineAt(text, markers, (lineStart, lineEnd) => {
    const marker = text.slice(lineStart, lineEnd).toUpperCase().lastIndexOf('## SECRET-DATA');
    if (marker === -1) return;
    const statement = text.slice(lineStart, lineStart + marker);
    const args = argumentsOf(text, lineStart, lineStart + statement.replace(/[ \t;]{0,40}$/, '').length);
    const last = args[args.length - 1];
    if (last === undefined || args.length < 2) return;
    const value = last.value.replace(/;$/, '');
    if (value.length < 4 || !isPlausiblePassword(value, options.file)) return;
    spans.push({ start: last.start, end: last.start + value.length });
  });
  return spans;
}

/** FortiOS: `set <name> ENC <base64>` (an admin's, a RADIUS server's, an IPsec tunnel's secret). */
const FORTIOS_ENC = /^[ \t]{0,40}set[ \t]{1,8}[\w-]{1,60}[ \t]{1,8}ENC[ \t]{1,8}(?<v>[A-Za-z0-9+/]{16,2000}={0,2})[ \t]{0,8}$/;

function findFortiosSecrets(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachLineAt(text, offsets, (lineStart, lineEnd) => {
    // A FortiOS line is short: a longer one is no `set … ENC …` statement.
    if (lineEnd - lineStart > 2200) return;
    const m = FORTIOS_ENC.exec(text.slice(lineStart, lineEnd));
    if (m === null || m.index !== 0) return;
    const value = m.groups!['v']!;
    // Documentation writes the ciphertext as `XXXXXXXXXXXXXXXX`; FortiOS's is random bytes in base64.
    if (isPlaceholder(value) || shannonEntropy(value) < 3.5) return;
    const start = lineStart + m[0].trimEnd().length - value.length;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * tac_plus (Cisco's TACACS+ daemon and its forks): a user's `login = des <crypt>`, `login = cleartext "<password>"`,
 * and the same for `enable`, `pap`, `chap`, `arap`. `login = PAM` or `file /etc/passwd` name where the password is.
 */
const TAC_PLUS_PASSWORD =
  /^[ \t]{0,40}(?:login|enable|pap|chap|ms-chap|arap|opap|global)[ \t]{0,8}=[ \t]{0,8}(?:cleartext|des|crypt|md5)[ \t]{1,8}(?:"(?<q>[^"\r\n]{1,200})"|(?<b>[^\s"#]{1,200}))/gm;

function findTacPlusPasswords(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(TAC_PLUS_PASSWORD)) {
    const value = m.groups!['q'] ?? m.groups!['b']!;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].length - value.length - (m.groups!['q'] === undefined ? 0 : 1);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

export const networkDeviceRules: Rule[] = [
  {
    id: 'cisco-config-secret',
    category: 'PASS',
    description:
      "A secret in Cisco IOS / NX-OS / ASA configuration: `enable secret`, `username … secret|password`, a `line`'s `password`, a RADIUS or TACACS+ server's `key`, `crypto isakmp key`, `pre-shared-key`, `key-string`, `wpa-psk`; type 7 (reversible) and type 4/5/8/9 hashes by their shape, plain ones when they end the line",
    keywords: ['secret', 'password', 'passwd', 'key', 'wpa-psk'],
    pattern: /^[ \t]{0,12}(?:enable|username|password|passwd|key|key-string|radius-server|tacacs-server|crypto|wpa-psk|pre-shared-key)[ \t][^\r\n]{1,300}/m,
    find: findIosSecrets,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM',
        'username ops privilege 15 secret 5 $1$Zm4q$Vx3L9cPpKQ0yF1dHfW8uS.',
        'username helpdesk password 7 094F471A1A0A464058',
        'line vty 0 4\n password Harbor-Lamp-48\n transport input ssh',
        'tacacs server ISE01\n address ipv4 10.0.0.5\n key Tq8!mervyn-Ro',
        'radius-server host 10.1.1.9 auth-port 1812 key 7 1511021F07257A767B',
        'crypto isakmp key Vx7-Fenwick-Psk address 198.51.100.4',
      ],
      noMatch: [
        'enable password authentication in sshd_config',
        'Password 7 characters long is the minimum.',
        'username and password are sent in the clear',
        ' key 1\n key-string 7 notHex',
        'enable secret 5 <hash>',
      ],
    },
  },
  {
    id: 'junos-secret',
    category: 'PASS',
    description:
      "A secret in Junos configuration: the value of any line Junos marks `## SECRET-DATA` (RADIUS secrets, IKE pre-shared keys, login password hashes), and a quoted `$9$…` (Junos' reversible encoding) anywhere",
    keywords: ['## secret-data', '"$9$'],
    pattern: /"(?<v>\$9\$[^"\r\n]{6,400})"|[^\r\n]{1,300}## SECRET-DATA/,
    find: findJunosSecrets,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '        pre-shared-key ascii-text "$9$Hk.5QF/tpOI3nCtOBhSrlMXxdb"; ## SECRET-DATA',
        'set system radius-server 10.9.9.9 secret "$9$kP5z69pBIcSeM8X7-w2aJ"',
      ],
      noMatch: ['    host-name srx-edge01;', '# lines holding secrets end in ## SECRET-DATA'],
    },
  },
  {
    id: 'fortios-encrypted-secret',
    category: 'PASS',
    description: "A FortiGate configuration's `set <setting> ENC <base64>`: an admin password, a RADIUS/LDAP secret or an IPsec PSK, encrypted with a key FortiOS ships (and that is published)",
    keywords: [' enc '],
    pattern: FORTIOS_ENC,
    find: findFortiosSecrets,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['        set psksecret ENC qV3pT8bN1mW6yR0kL9dF4sZ7hC2xJ5gA8uE+/oI1tQ=='],
      noMatch: ['        set psksecret ENC <encrypted>', '    set mode ENC AES256', '        set secret ENC XXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'ipmi-lan-password',
    category: 'PASS',
    description:
      "A BMC login's password in the `user:password@lan(address)` form that Telegraf's and other collectors' IPMI inputs take (`servers = [\"ADMIN:…@lan(10.0.0.5)\"]`, `lanplus(…)`)",
    keywords: ['@lan(', '@lanplus('],
    pattern: IPMI_LAN_SERVER,
    secretGroup: 'v',
    validate: (value, ctx) => isPlausiblePassword(value, ctx.file),
    confidence: 'high',
    examples: {
      match: ['  servers = ["ADMIN:Tq7vLw2Rk9pZ@lan(10.20.30.40)"]', '  servers = ["monitor:Kelp-Harbor!88@lanplus(bmc-07.lab.example)"]'],
      noMatch: ['  servers = ["ADMIN:${IPMI_PASSWORD}@lan(10.20.30.40)"]', '  servers = ["ADMIN:changeme@lan(10.20.30.40)"]', '  servers = ["root@lan(10.20.30.40)"]'],
    },
  },
  {
    id: 'squid-cache-peer-login',
    category: 'PASS',
    description: "The password that Squid sends to a parent proxy: `cache_peer … login=user:password` (not the `PASSTHRU`, `PASS` or `NEGOTIATE` modes)",
    keywords: ['cache_peer'],
    pattern: SQUID_CACHE_PEER_LOGIN,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (value, ctx) => isPlausiblePassword(value, ctx.file),
    confidence: 'high',
    examples: {
      match: ['cache_peer 10.9.8.7 parent 3128 0 no-query default login=egress:Wq4!tRv8Lm2Zp', 'cache_peer upstream.example parent 8080 0 no-query login=*:Fen-Otter-5519'],
      noMatch: ['cache_peer 10.9.8.7 parent 3128 0 no-query login=PASSTHRU', 'cache_peer 10.9.8.7 parent 3128 0 login=NEGOTIATE:HTTP/proxy.example@EXAMPLE.COM', 'cache_peer 10.9.8.7 parent 3128 0 login=egress:${PROXY_PASSWORD}'],
    },
  },
  {
    id: 'tac-plus-password',
    category: 'PASS',
    description: 'A tac_plus (TACACS+ daemon) user\'s password: `login = des <crypt>`, `login = cleartext "<password>"`, and the same for `enable`, `pap`, `chap`, `arap`',
    keywords: ['cleartext', '= des ', '=des ', '= crypt ', '=crypt '],
    pattern: TAC_PLUS_PASSWORD,
    find: findTacPlusPasswords,
    confidence: 'high',
    examples: {
      match: ['user = ops {\n    login = des Qm2xT7vLpR4kA\n}', '    pap = cleartext "Ridge-Moss-17"'],
      noMatch: ['    login = PAM', '    login = file /etc/passwd', '    login = cleartext "<password>"'],
    },
  },
];
