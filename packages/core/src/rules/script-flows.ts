import { classifyKey } from '../key-name.js';
import { lastIndexOfAbove, lineAround, startsItsLine } from '../line-index.js';
import { hasStandInMarkerWord, isPlaceholder, isPlausiblePassword, isStandInNote } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Secrets that an administrator's script holds where no name says so: a PowerShell variable bound to a literal and
 * handed on to where only a secret goes, a script's own run recorded with the password its usage line names, and the
 * first password of new accounts, which the user must change at once and which the script may call `ChangeMe-…`.
 */

/** How far above its use a script's variable is looked for. */
const VARIABLE_LOOK_BACK = 3000;
/** How many of a variable's occurrences above its use are tried for its binding. */
const MAX_USES_TRIED = 12;

/**
 * A PowerShell variable used where only a secret goes: turned into a SecureString from plain text
 * (`ConvertTo-SecureString $plain -AsPlainText`, `-String $plain`), written as the key of a Wi-Fi profile
 * (`<keyMaterial>$key</keyMaterial>`, the XML that `netsh wlan add profile` reads), or handed to a password by its
 * name: a cmdlet's parameter (`-AccountPassword $pw`, `-Password:$pw`) or a hashtable's key (Graph's `PasswordProfile =
 * @{ Password = $initial }`). `n`, `k` or `p` is the variable's name; a password's name is judged by `namesPasswordSink`.
 */
const SECRET_SINK =
  /convertto-securestring[ \t]{1,4}(?:-string[ \t]{1,4})?\$(?<n>[A-Za-z_]\w{0,60})(?![\w:.(\[])|<keymaterial>[ \t]{0,4}\$(?<k>[A-Za-z_]\w{0,60})[ \t]{0,4}<\/keymaterial>|password(?<sep>[ \t]{1,4}|[ \t]{0,4}[=:][ \t]{0,4})\$(?<p>[A-Za-z_]\w{0,60})(?![\w:.(\[])/iy;
/** How far back over its letters the name that ends in `password` is read (`-AccountPassword`, `NewPassword`). */
const SINK_NAME_REACH = 40;

/**
 * Whether the `password` at `at` ends the name of a parameter (`-AccountPassword $pw`, `-Password:$pw`) or of a key or a
 * variable bound with `=` (`Password = $initial`): a dash opens the name, or `=` binds it; a bare word followed by a
 * variable is prose (`# the password $initial is temporary`).
 */
function namesPasswordSink(text: string, at: number, separator: string): boolean {
  let start = at;
  while (start > 0 && at - start < SINK_NAME_REACH && /[A-Za-z]/.test(text.charAt(start - 1))) start--;
  return text.charAt(start - 1) === '-' || separator.includes('=');
}
/** `-AsPlainText` on the same line: the SecureString is made from the variable's plain text. */
const AS_PLAIN_TEXT = /-asplaintext/i;

/** A variable bound to one quoted literal at the head of its line (`$plain = 'Poinsettia!Xmas24'`), a comment maybe after it. */
const LITERAL_BINDING = /[ \t]{0,4}=[ \t]{0,4}(?:'(?<s>[^'`$\r\n]{4,200})'|"(?<d>[^"`$\r\n]{4,200})")[ \t]{0,4}(?:#[^\r\n]{0,200})?(?=\r?\n|$)/y;

/**
 * The literal that `$name` is bound to above `at`, at the head of a line (the nearest binding): a variable bound to
 * anything else, or bound again to something else in between, holds no literal of ours.
 */
function boundLiteral(text: string, name: string, at: number): { value: string; start: number } | undefined {
  const variable = `$${name}`;
  const floor = Math.max(0, at - VARIABLE_LOOK_BACK);
  // The variable's nearest uses are tried, a bounded number of them: a text of nothing but uses stays linear.
  let tried = 0;
  for (let i = lastIndexOfAbove(text, variable, at - 1, floor); i !== -1 && tried++ < MAX_USES_TRIED; i = i === 0 ? -1 : lastIndexOfAbove(text, variable, i - 1, floor)) {
    const after = i + variable.length;
    // `$plain` inside `$plainText`, or used rather than bound on this line.
    if (/\w/.test(text.charAt(after)) || !startsItsLine(text, i, 40)) continue;
    LITERAL_BINDING.lastIndex = after;
    const m = LITERAL_BINDING.exec(text);
    if (/^[ \t]{0,4}=(?!=)/.test(text.slice(after, after + 8)) && m === null) return undefined;
    if (m === null) continue;
    const value = m.groups!['s'] ?? m.groups!['d']!;
    return { value, start: after + m[0].search(/['"]/) + 1 };
  }
  return undefined;
}



function findPowerShellVariableSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const reported = new Set<number>();
  for (const offset of offsets) {
    SECRET_SINK.lastIndex = offset;
    const m = SECRET_SINK.exec(text);
    if (m === null) continue;
    const toSecureString = m.groups!['n'] !== undefined;
    if (m.groups!['p'] !== undefined && !namesPasswordSink(text, offset, m.groups!['sep']!)) continue;
    if (toSecureString) {
      const line = lineAround(text, offset, 400);
      if (!AS_PLAIN_TEXT.test(text.slice(line.start, line.end))) continue;
    }
    const literal = boundLiteral(text, m.groups!['n'] ?? m.groups!['k'] ?? m.groups!['p']!, offset);
    if (literal === undefined || reported.has(literal.start) || !isPlausiblePassword(literal.value, options.file)) continue;
    reported.add(literal.start);
    spans.push({ start: literal.start, end: literal.start + literal.value.length });
  }
  return spans;
}

/**
 * A script's usage line, in a comment or a message (`# usage: rotate-door-controllers.sh NEWPASS`, `Usage: $0 <user>
 * <new-password>`): the script's name (or `$0`, the script itself) and its arguments' names, up to eight.
 */
const USAGE_LINE = /usage:?[ \t]{1,4}(?:\$0|\$\{0##\*\/\}|\$\(basename[^)\r\n]{0,40}\)|(?<path>[\w./-]{1,160}))(?<args>[ \t][^\r\n]{1,300})/iy;
/** An argument's name in a usage line, maybe in brackets or quotes (`NEWPASS`, `<new-password>`, `[user]`). */
const USAGE_ARGUMENT = /^[[<"']?([A-Za-z][\w-]{0,40})[\]>"']?$/;
/** A script, by its file name: the files whose usage line and recorded runs are read. */
const SCRIPT_FILE = /(?:^|[\\/])[^\\/.]+(?:\.(?:sh|bash|zsh|ksh|ps1|psm1|py|rb|pl|cmd|bat))?$/i;
/** One argument of a recorded run: quoted, or a bare word. */
const RUN_ARGUMENT = /[ \t]{1,4}(?:'(?<s>[^'\r\n]{1,200})'|"(?<d>[^"\r\n]{1,200})"|(?<b>[^\s'"|;&<>#]{1,200}))/y;

/** The names of a usage line's arguments, without their brackets or quotes, up to the first word that names none (`>&2`). */
function usageArgumentNames(args: string): string[] {
  const names: string[] = [];
  for (const word of args.trim().split(/[ \t]+/).slice(0, 8)) {
    const name = USAGE_ARGUMENT.exec(word)?.[1];
    if (name === undefined) break;
    names.push(name);
  }
  return names;
}

/** The file's own name, without its folders. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * The runs of `script` the text records (`# last rotation: ./rotate-door-controllers.sh 'Tumbler-Spring-2024'`): the
 * argument at `position` of each, when it is a plausible password (no variable, no stand-in, no `<new-password>`).
 */
function recordedRunSecrets(text: string, script: string, position: number, usageAt: number, file: string | undefined): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(script); at !== -1; at = text.indexOf(script, at + script.length)) {
    const line = lineAround(text, at, 400);
    // The usage line itself, and the name inside a longer one (`my-rotate.sh`, `rotate.sh.bak`).
    if (line.start <= usageAt && usageAt <= line.end) continue;
    if (/[\w-]/.test(text.charAt(at - 1)) || /[\w.-]/.test(text.charAt(at + script.length))) continue;
    let cursor = at + script.length;
    let argument: { value: string; start: number } | undefined;
    for (let i = 0; i <= position; i++) {
      RUN_ARGUMENT.lastIndex = cursor;
      const m = RUN_ARGUMENT.exec(text);
      if (m === null || m.index + m[0].length > line.end) break;
      cursor = m.index + m[0].length;
      const value = m.groups!['s'] ?? m.groups!['d'] ?? m.groups!['b']!;
      if (i === position) argument = { value, start: cursor - value.length - (m.groups!['b'] === undefined ? 1 : 0) };
    }
    if (argument === undefined || /^[$<%-]/.test(argument.value) || !isPlausiblePassword(argument.value, file)) continue;
    spans.push({ start: argument.start, end: argument.start + argument.value.length });
  }
  return spans;
}

function findUsageArgumentSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file !== undefined && !SCRIPT_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const offset of offsets) {
    USAGE_LINE.lastIndex = offset;
    const m = USAGE_LINE.exec(text);
    if (m === null) continue;
    const names = usageArgumentNames(m.groups!['args']!);
    const position = names.findIndex((name) => classifyKey(name)?.category === 'PASS');
    if (position === -1) continue;
    // The usage line names this script: by its own file name, or as `$0`. A text without a file name is the script it names.
    const path = m.groups!['path'];
    const named = path === undefined ? undefined : baseName(path);
    const own = options.file === undefined ? named : baseName(options.file);
    if (own === undefined || (named !== undefined && named !== own)) continue;
    spans.push(...recordedRunSecrets(text, own, position, offset, options.file));
    // One usage line speaks for the script.
    break;
  }
  return spans;
}

/**
 * A flag that the account's first password must be changed at the first sign-in: Microsoft Graph's `passwordProfile`
 * (`ForceChangePasswordNextSignIn`), Active Directory's `-ChangePasswordAtLogon $true`, `net user … /logonpasswordchg:yes`,
 * and the `must_change_password` / `MustChangePassword` of other directories.
 */
const FORCED_CHANGE_KEYWORDS = ['forcechangepasswordnextsignin', 'changepasswordatlogon', 'logonpasswordchg', 'mustchangepassword', 'must_change_password', 'force_password_change', 'forcepasswordchange'];
/** How far around the flag the account's password is looked for: the statement or the object that holds both. */
const FORCED_CHANGE_REACH = 400;
/**
 * The password given to the account: a literal under a password's name (`Password = '…'`, `"password": "…"`,
 * `-AccountPassword (ConvertTo-SecureString '…' -AsPlainText …)`), or a positional one of `net user NAME … /add`.
 */
const ACCOUNT_PASSWORD =
  /(?<![\w-])(?:-?(?:account)?password|pwd)["']?[ \t]{0,4}(?:=>|[:=])?[ \t]{0,4}\(?(?:convertto-securestring[ \t]{1,4}(?:-string[ \t]{1,4})?)?(?:'(?<s>[^'`$\r\n]{4,100})'|"(?<d>[^"`$\r\n]{4,100})")|\bnet[ \t]{1,4}user[ \t]{1,4}[^\s/]{1,60}[ \t]{1,4}(?<n>[^\s/"'*]{4,100})(?=[ \t]{1,4}\/)/gi;

/** The words a first password opens with to tell its user to change it (`ChangeMe-…`, `change_me!…`). */
const CHANGE_ME_OPENING = /^change[-_ .]?me(?:[-_ .!#@*]{0,3})/i;

/**
 * Whether a password set for a new account is the account's own, though it opens with "change me": the rest holds a
 * word of three letters or more and a digit, and is no stand-in on its own nor holds a stand-in's word (`ChangeMe-Lifeboat-985`,
 * not `changeme-dev-only-1`). Bare `changeme`,
 * `ChangeMe123` and `change-me-please` say nothing more than the stand-in does.
 */
function isChangeMeFirstPassword(value: string, file: string | undefined): boolean {
  const opening = CHANGE_ME_OPENING.exec(value);
  if (opening === null) return false;
  const rest = value.slice(opening[0].length);
  if (!/[A-Za-z]{3}/.test(rest) || !/\d/.test(rest)) return false;
  return !isPlaceholder(rest) && !isStandInNote(rest) && !hasStandInMarkerWord(rest) && isPlausiblePassword(rest, file);
}

function findForcedChangePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    const from = Math.max(readTo, offset - FORCED_CHANGE_REACH);
    const to = Math.min(text.length, offset + FORCED_CHANGE_REACH);
    if (from >= to) continue;
    readTo = to;
    const window = text.slice(from, to);
    for (const m of window.matchAll(ACCOUNT_PASSWORD)) {
      const value = m.groups!['s'] ?? m.groups!['d'] ?? m.groups!['n']!;
      if (!isChangeMeFirstPassword(value, options.file) && !(isPlausiblePassword(value, options.file) && !isPlaceholder(value))) continue;
      const start = from + m.index + m[0].length - value.length - (m.groups!['n'] === undefined ? 1 : 0);
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

export const scriptFlowRules: Rule[] = [
  {
    id: 'powershell-variable-secret',
    category: 'PASS',
    description:
      'A PowerShell variable bound to a literal above, then used where only a secret goes: turned into a SecureString from plain text (`$plain = \'…\'` … `ConvertTo-SecureString $plain -AsPlainText`), written as a Wi-Fi profile\'s key (`<keyMaterial>$key</keyMaterial>`), or handed to a parameter or a hashtable key named for a password (`-AccountPassword $pw`, `PasswordProfile = @{ Password = $initial }`)',
    keywords: ['convertto-securestring', '<keymaterial>', 'password'],
    pattern: SECRET_SINK,
    find: findPowerShellVariableSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "$plain = 'Marram-Grass!71'\n$secure = ConvertTo-SecureString $plain -AsPlainText -Force",
        "$psk = 'dune-buggy-4471'\n$xml = @\"\n<sharedKey><keyType>passPhrase</keyType><keyMaterial>$psk</keyMaterial></sharedKey>\n\"@",
        "$first = 'Heron-Quay-5512'   # changed at first sign-in\nNew-MgUser -PasswordProfile @{ Password = $first; ForceChangePasswordNextSignIn = $true }",
      ],
      noMatch: ["$pw = Read-Host 'Password'\nSet-KioskUser -Password $pw", "$note = 'Heron-Quay-5512'\n# the password $note was printed on the form", "$plain = 'changeme'\n$secure = ConvertTo-SecureString $plain -AsPlainText -Force", "$enc = '01000000d08c9ddf0115d1118c7a00c04fc297eb'\n$secure = ConvertTo-SecureString $enc", "$key = $env:WIFI_KEY\n<keyMaterial>$key</keyMaterial>"],
    },
  },
  {
    id: 'script-usage-argument',
    category: 'PASS',
    description:
      "A password given to a script in a run its own text records (`# last rotation: ./rotate-door-controllers.sh '…'`), at the place its usage line names a password (`# usage: rotate-door-controllers.sh NEWPASS`, `Usage: $0 <user> <new-password>`)",
    keywords: ['usage'],
    pattern: USAGE_LINE,
    find: findUsageArgumentSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["#!/bin/sh\n# usage: reset.sh NEWPASS\n# ran 2024-03-01: ./reset.sh 'Heron-Quay-2291'"],
      noMatch: ["#!/bin/sh\n# usage: $0 NEWPASS\n# e.g. ./reset.sh '<new password>'", "#!/bin/sh\n# usage: $0 HOST\n# ran: ./reset.sh 'Heron-Quay-2291'", "#!/bin/sh\n# usage: $0 NEWPASS\n./reset.sh \"$1\""],
    },
  },
  {
    id: 'forced-change-first-password',
    category: 'PASS',
    description:
      "The first password a script gives new accounts that must change it at the first sign-in (Graph's `PasswordProfile` with `ForceChangePasswordNextSignIn`, `New-ADUser -AccountPassword … -ChangePasswordAtLogon $true`, `net user … /add /logonpasswordchg:yes`), even when it opens with \"change me\" (`ChangeMe-Lifeboat-985`): every account has it until its user signs in. Bare `ChangeMe` and `ChangeMe123` stay stand-ins",
    keywords: FORCED_CHANGE_KEYWORDS,
    pattern: ACCOUNT_PASSWORD,
    find: findForcedChangePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["$profile = @{ Password = 'ChangeMe-Harbour-2207'; ForceChangePasswordNextSignIn = $true }", 'New-ADUser -Name $n -AccountPassword (ConvertTo-SecureString "Change_Me.Quayside42" -AsPlainText -Force) -ChangePasswordAtLogon $true', 'net user jdoe Welcome-Kestrel-88 /add /logonpasswordchg:yes'],
      noMatch: ["$profile = @{ Password = 'ChangeMe'; ForceChangePasswordNextSignIn = $true }", "$profile = @{ Password = 'ChangeMe123!'; ForceChangePasswordNextSignIn = $true }", "$profile = @{ Password = 'change-me-please'; ForceChangePasswordNextSignIn = $true }", "$profile = @{ Password = $initial; ForceChangePasswordNextSignIn = $true }", 'net user jdoe * /add /logonpasswordchg:yes'],
    },
  },
];
