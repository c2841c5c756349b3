import { isWordCode } from '../char-codes.js';
import { lineAround, lineEndBefore } from '../line-index.js';
import { isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A token passed to a tool by a short flag that only that tool gives that meaning: Codecov's
 * uploaders take their upload token by `-t` (`./codecov -t …`, `bash <(curl -s https://codecov.io/bash) -t …`,
 * `codecovcli upload-process -t …`), PagerDuty's agent `pd-send` its integration key by `-k`.
 * Elsewhere `-t` and `-k` are a tag, a type, a timeout or curl's "insecure", so the flag is read
 * only on the tool's own command line (up to a pipe, a `;` or `&&`).
 */
const TOOL_TOKEN_FLAG =
  /(?:codecov[^\r\n|;&]{0,300}?(?<![\w-])(?:-t|--token)|pd-send[^\r\n|;&]{0,300}?(?<![\w-])(?:-k|--service-key|--routing-key))(?:=|[ \t]{1,4})(?:"(?<dq>[^"\r\n]{8,200})"|'(?<sq>[^'\r\n]{8,200})'|(?<v>[^\s"'`;|&]{8,200}))/iy;

/**
 * A finder of the value a flag ends the match of `pattern` with (sticky at each keyword; quoted in group `dq` or `sq`, bare
 * in `v`), reported where `judge` takes it.
 */
function flagValueFinder(pattern: RegExp, judge: (value: string, file: string | undefined) => boolean): NonNullable<Rule['find']> {
  return (text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] => {
    const spans: Span[] = [];
    forEachMatchAt(pattern, text, offsets, (m) => {
      const g = m.groups!;
      const value = g['dq'] ?? g['sq'] ?? g['v']!;
      if (!judge(value, options.file)) return;
      const start = m.index + m[0].length - value.length - (g['v'] === undefined ? 1 : 0);
      spans.push({ start, end: start + value.length });
    });
    return spans;
  };
}

const findToolTokenFlags = flagValueFinder(TOOL_TOKEN_FLAG, (value, file) => isPlausibleSecret(value, { category: 'KEY', quoted: true, file }));

/**
 * The password an ESP32's or ESP8266's over-the-air upload sends to ArduinoOTA: espota's `--auth=…` or `-a …` on its own
 * command line (up to a pipe, a `;` or `&&`), and PlatformIO's `upload_flags`, which hands its flags to espota (`upload_flags
 * =` and `--auth=…` on an indented line below, as its lists continue). Elsewhere `--auth` takes a scheme or a file and esptool's
 * `-a` is `--after`, so the flags are read only there, and `-a` on espota's line only.
 */
const OTA_AUTH_FLAG =
  /(?:espota(?:\.py)?[^\r\n|;&]{0,300}?(?<![\w-])(?:-a|--auth)|upload_flags[ \t]{0,8}=(?:[^\r\n]|\r\n(?=[ \t])|\n(?=[ \t])){0,400}?(?<![\w-])--auth)(?:=|[ \t]{1,4})(?:"(?<dq>[^"\r\n]{1,128})"|'(?<sq>[^'\r\n]{1,128})'|(?<v>[^\s"'`;|&]{1,128}))/iy;

const findOtaAuthFlags = flagValueFinder(OTA_AUTH_FLAG, (value, file) => isPlausiblePassword(value, file));

/**
 * A credential a tool takes by position, where the command says what the position holds:
 * W&B's `wandb login [options] <api key>` (a notebook's `!wandb login …`, a README's setup line),
 * and the MinIO client's `mc alias set <alias> <url> <access key> <secret key>` (its older
 * `mc config host add …`). Read on the command's own line only; a variable there (`"$MC_SECRET"`) is no secret.
 */
const WANDB_LOGIN = /(?<![\w-])wandb[ \t]{1,4}login[^\r\n|;&`]{0,160}?(?<=[ \t"'])(?<v>[A-Za-z0-9_-]{40,100})(?![\w-])/iy;
/** An argument of a shell command line: double-quoted, single-quoted or bare. */
const SHELL_ARG = String.raw`(?:"[^"\r\n]{1,200}"|'[^'\r\n]{1,200}'|[^\s"'\`;|&]{1,200})`;
const MC_ALIAS = new RegExp(
  String.raw`(?<![\w-])mc[ \t]{1,4}(?:alias[ \t]{1,4}set|config[ \t]{1,4}host[ \t]{1,4}add)[ \t]{1,4}[^\s"']{1,100}[ \t]{1,4}["']?[a-z][a-z0-9+.-]{0,10}://[^\s"']{1,300}["']?[ \t]{1,4}(?<id>${SHELL_ARG})[ \t]{1,4}(?<secret>${SHELL_ARG})(?=[ \t\r\n;|&]|$)`,
  'iy',
);

/** The value of a shell argument and its offset, without its quotes. */
function unquote(arg: string, end: number): { value: string; start: number } {
  const quoted = arg.length >= 2 && (arg[0] === '"' || arg[0] === "'") && arg[arg.length - 1] === arg[0];
  return quoted ? { value: arg.slice(1, -1), start: end - arg.length + 1 } : { value: arg, start: end - arg.length };
}

function findToolPositionalCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const plausible = (value: string) => isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file });
  forEachMatchAt(WANDB_LOGIN, text, offsets, (m) => {
    const value = m.groups!['v']!;
    if (!plausible(value)) return;
    const end = m.index + m[0].length;
    spans.push({ start: end - value.length, end });
  });
  forEachMatchAt(MC_ALIAS, text, offsets, (m) => {
    const secretArg = m.groups!['secret']!;
    const idArg = m.groups!['id']!;
    const secretEnd = m.index + m[0].length;
    let idEnd = secretEnd - secretArg.length;
    while (text.charCodeAt(idEnd - 1) === 0x20 || text.charCodeAt(idEnd - 1) === 0x09) idEnd--;
    const secret = unquote(secretArg, secretEnd);
    if (!plausible(secret.value)) return;
    // The access key is the account's name to MinIO: reported beside its secret when it looks issued rather than chosen.
    const id = unquote(idArg, idEnd);
    if (plausible(id.value)) spans.push({ start: id.start, end: id.start + id.value.length });
    spans.push({ start: secret.start, end: secret.start + secret.value.length });
  });
  return spans;
}

/**
 * Composer's `config` command storing a repository's credentials (in auth.json, or the global one with `--global`):
 * `composer config http-basic.HOST USER PASSWORD` (Private Packagist takes the literal user `token` and the token as
 * the password), `composer config github-oauth.github.com TOKEN`, `gitlab-token.HOST TOKEN`, `bearer.HOST TOKEN`,
 * `bitbucket-oauth.bitbucket.org KEY SECRET`. The password, token or consumer secret is the secret; a user name and a
 * consumer key name the account. Read on the command's own line (up to a pipe, a `;` or `&&`).
 */
const COMPOSER_AUTH_CONFIG =
  /composer(?:\.phar)?[ \t]{1,4}config\b[^\r\n|;&]{0,200}?(?<![\w.-])(?<kind>http-basic|bitbucket-oauth|github-oauth|gitlab-oauth|gitlab-token|bearer)\.[\w.:-]{1,200}[ \t]{1,4}(?:"(?<dq>[^"\r\n]{1,200})"|'(?<sq>[^'\r\n]{1,200})'|(?<v>[^\s"'`;|&]{1,200}))(?:[ \t]{1,4}(?:"(?<dq2>[^"\r\n]{1,200})"|'(?<sq2>[^'\r\n]{1,200})'|(?<v2>[^\s"'`;|&]{1,200})))?/iyd;

/** A shell variable or a CI one (`$TOKEN`, `${TOKEN}`, `$(cat …)`, `%TOKEN%`): the value is elsewhere. */
const VARIABLE_REFERENCE = /^\$|^%[\w]{1,80}%$|\$\{|\$\(/;

function findComposerAuthConfig(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(COMPOSER_AUTH_CONFIG, text, offsets, (m) => {
    const g = m.groups!;
    const kind = g['kind']!.toLowerCase();
    const pair = kind === 'http-basic' || kind === 'bitbucket-oauth';
    // Of a pair the second argument is the secret (without it Composer asks for it); of a token the first is.
    const group = pair ? (['dq2', 'sq2', 'v2'] as const).find((k) => g[k] !== undefined) : (['dq', 'sq', 'v'] as const).find((k) => g[k] !== undefined);
    if (group === undefined) return;
    const value = g[group]!;
    if (VARIABLE_REFERENCE.test(value)) return;
    const category = kind === 'http-basic' ? 'PASS' : 'TOKEN';
    if (!isPlausibleSecret(value, { category, quoted: true, file: options.file })) return;
    const start = m.indices!.groups![group]![0];
    spans.push({ start, end: start + value.length, category });
  });
  return spans;
}

/**
 * A secret stored by a platform's CLI: GitHub's `gh secret set NAME --body VALUE` (or `-b`, `--body=`), Fly's and
 * Doppler's `fly secrets set NAME=VALUE …`, `doppler secrets set NAME=VALUE …`. What such a command stores is a secret by
 * the command's word, whatever its name; `gh variable set` stores plain configuration and is not read. Read on the
 * command's own line (up to a pipe, a `;` or `&`); a variable (`"$TOKEN"`) or `-` (standard input) holds no value.
 */
const SECRET_STORE_SET = /(?:gh[ \t]{1,4}secret[ \t]{1,4}set|(?:flyctl|fly|doppler)[ \t]{1,4}secrets[ \t]{1,4}set)(?![\w-])/iy;
/** One argument of that command line: maybe `NAME=` before it, then a double-quoted, single-quoted or bare value. */
const STORE_ARGUMENT = /[ \t]{1,8}(?:(?<name>[A-Za-z_][\w.-]{0,100})=)?(?:"(?<dq>[^"\r\n]{0,500})"|'(?<sq>[^'\r\n]{0,500})'|(?<v>[^\s"'`;|&]{1,500}))/yd;

function findStoredSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(SECRET_STORE_SET, text, offsets, (m) => {
    const gh = m[0].charAt(0).toLowerCase() === 'g';
    let secretName: string | undefined;
    let bodyNext = false;
    STORE_ARGUMENT.lastIndex = m.index + m[0].length;
    for (let n = 0; n < 30; n++) {
      const a = STORE_ARGUMENT.exec(text);
      if (a === null) break;
      const g = a.groups!;
      const group = (['dq', 'sq', 'v'] as const).find((k) => g[k] !== undefined)!;
      let value = g[group]!;
      let start = a.indices!.groups![group]![0];
      let take = false;
      if (gh) {
        if (bodyNext) take = true;
        else if (g['name'] === undefined && /^(?:--body|-b)$/.test(value)) bodyNext = true;
        else if (g['name'] === undefined && value.startsWith('--body=')) {
          value = value.slice(7).replace(/^(["'])(.*)\1$/, '$2');
          start = text.indexOf(value, start + 7);
          take = true;
        } else if (secretName === undefined && !value.startsWith('-')) secretName = value;
        if (take) bodyNext = false;
      } else if (g['name'] !== undefined) {
        secretName = g['name'];
        take = true;
      }
      if (!take || value === '-' || VARIABLE_REFERENCE.test(value)) continue;
      const category = /pass(?:word|wd|phrase)?(?![a-z])/i.test(secretName ?? '') ? 'PASS' : 'TOKEN';
      if (!isPlausibleSecret(value, { category, quoted: true, file: options.file })) continue;
      spans.push({ start, end: start + value.length, category });
    }
  });
  return spans;
}

/**
 * A WireGuard key: 32 bytes in base64, 43 characters and one `=`. The 43rd character carries the last two bits and four
 * bits of padding, so it is one of sixteen letters and digits.
 */
const WIREGUARD_KEY = String.raw`[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=`;
/** The command that prints a literal for a pipe or a process substitution: `echo`, `echo -n`, `printf '%s'`, `printf "%s\n"`. */
const PRINT_LITERAL = String.raw`(?:echo|printf)(?:[ \t]{1,4}-[a-zA-Z]{1,3})?(?:[ \t]{1,4}(?:'%s(?:\\n)?'|"%s(?:\\n)?"))?[ \t]{1,4}(?:"(?<dq>${WIREGUARD_KEY})"|'(?<sq>${WIREGUARD_KEY})'|(?<v>${WIREGUARD_KEY}))`;
/**
 * `wg set <interface> private-key <file>` (and `preshared-key`, for a peer) reads the key from a file, so a script hands
 * a literal over by process substitution: `private-key <(echo '…')`. Sticky at the option's word.
 */
const WG_KEY_SUBSTITUTION = new RegExp(String.raw`(?:private|preshared)-key[ \t]{1,4}<\([ \t]{0,4}${PRINT_LITERAL}[ \t]{0,4}\)`, 'y');
/** `wg pubkey` reads a private key on its standard input: a here-string after it (`wg pubkey <<< '…'`). Sticky at `wg pubkey`. */
const WG_PUBKEY_HERE_STRING = new RegExp(String.raw`wg[ \t]{1,4}pubkey[ \t]{0,4}<<<[ \t]{0,4}(?:"(?<dq>${WIREGUARD_KEY})"|'(?<sq>${WIREGUARD_KEY})'|(?<v>${WIREGUARD_KEY}))(?![\w+/=])`, 'y');
/** A literal printed into a pipe, at the end of what comes before the pipe's `|` (`echo '…' |`, `printf '%s' "…" | sudo`). */
const PIPED_LITERAL = new RegExp(String.raw`(?<![\w-])${PRINT_LITERAL}[ \t]{0,4}\|[ \t]{0,4}(?:sudo[ \t]{1,4})?$`);
/** What stands between a pipe and `wg …` that reads the key piped in: `wg pubkey`, `wg set <interface> … private-key /dev/stdin`. */
const WG_READS_STDIN = /^(?:pubkey(?![\w-])|set[ \t][^\r\n|;&]{0,200}?(?:private|preshared)-key[ \t]{1,4}\/dev\/stdin(?![\w/]))/;
/** How far back on its line the command that pipes into `wg` is read. */
const PIPE_REACH = 300;

/** The key a group of one of the patterns above holds, with its offset, when it is no stand-in. */
function wireguardKeyAt(m: RegExpExecArray, end: number, file: string | undefined): Span | undefined {
  const g = m.groups!;
  const value = g['dq'] ?? g['sq'] ?? g['v']!;
  if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file })) return undefined;
  const start = m.index + m[0].lastIndexOf(value, end - m.index);
  return { start, end: start + value.length };
}

/**
 * A WireGuard private key a script gives `wg` as a literal: `wg set wg0 private-key <(echo '…')` (or a peer's
 * `preshared-key <(…)`), `echo '…' | wg pubkey` and `wg pubkey <<< '…'` (what `wg pubkey` reads is the private key it
 * derives the public one from), `printf '%s' '…' | wg set wg0 private-key /dev/stdin`. A peer's public key, written on
 * the same command line (`peer <key>`), is no secret and is never read.
 */
function findWireguardKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let after = -1;
  for (const offset of offsets) {
    if (offset < after) continue;
    const c = text.charCodeAt(offset);
    if (c === 0x77 /* w */ || c === 0x57) {
      // `wg` as a word of its own (not the end of another command's name).
      if (offset > 0 && (isWordCode(text.charCodeAt(offset - 1)) || text.charCodeAt(offset - 1) === 0x2d /* - */)) continue;
      // `wg pubkey <<< '…'`, or `… | wg pubkey` / `… | wg set … private-key /dev/stdin` read back to the pipe.
      WG_PUBKEY_HERE_STRING.lastIndex = offset;
      const here = WG_PUBKEY_HERE_STRING.exec(text);
      if (here !== null) {
        const span = wireguardKeyAt(here, offset + here[0].length, options.file);
        if (span !== undefined) spans.push(span);
        after = offset + here[0].length;
        continue;
      }
      let i = offset + 2;
      while (i < text.length && i - offset < 6 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
      if (i === offset + 2 || !WG_READS_STDIN.test(text.slice(i, i + 260))) continue;
      const lineStart = lineAround(text, offset, PIPE_REACH).start;
      const piped = PIPED_LITERAL.exec(text.slice(lineStart, offset));
      if (piped === null) continue;
      const span = wireguardKeyAt(piped, piped.index + piped[0].length, options.file);
      if (span !== undefined) spans.push({ start: lineStart + span.start, end: lineStart + span.end });
      continue;
    }
    WG_KEY_SUBSTITUTION.lastIndex = offset;
    const m = WG_KEY_SUBSTITUTION.exec(text);
    if (m === null) continue;
    after = offset + m[0].length;
    const span = wireguardKeyAt(m, after, options.file);
    if (span !== undefined) spans.push(span);
  }
  return spans;
}

/**
 * The Nagios/Icinga monitoring plugins (monitoring-plugins, nagios-plugins and the common third-party checks) and the
 * flag each reads a password from. A short flag means a password only to its own plugin (`-p` is check_pgsql's password
 * and check_http's port), so short flags are read from this table; a long option named for a password is read after
 * any plugin (`check_mssql_health --password`, `check_postgres --dbpass`). `check_snmp` is read by snmp-community.
 */
const PLUGIN_SECRET_FLAGS: Readonly<Record<string, readonly string[]>> = {
  pgsql: ['-p'],
  mysql: ['-p'],
  mysql_query: ['-p'],
  mssql: ['-P'],
  ldap: ['-P'],
  ldaps: ['-P'],
  http: ['-a', '-b'],
  curl: ['-a', '-b'],
  smtp: ['-P'],
  radius: ['-p'],
  nt: ['-s'],
  disk_smb: ['-p'],
  mongodb: ['-p'],
  wmi_plus: ['-p'],
  vmware_api: ['-p'],
  vmware_esx: ['-p'],
  esx3: ['-p'],
};
/** A long option whose value is a password: `--password`, `--pass` (check_ldap), `--authpass` (check_smtp), `--dbpass`, `--secret` (check_nt). */
const PLUGIN_PASSWORD_OPTION = /^--(?:[a-z]{1,12}-)?(?:password|passwd|pass|authpass|dbpass|passphrase|secret)$/;
/** The options that take `user:password` (check_http's and check_curl's basic and proxy authorization). */
const PLUGIN_USER_PASSWORD_OPTIONS = new Set(['-a', '-b', '--authorization', '--proxy-authorization']);
/** A plugin's name where a command line calls it: `$USER1$/check_pgsql`, `/usr/lib/nagios/plugins/check_mysql`, `check_nt!…`. */
const MONITORING_PLUGIN = /(?<![\w-])check_(?<name>[a-z][a-z0-9_]{1,40})(?=[ \t!])/y;
/** One argument on the plugin's line: quoted, bare, or a shell operator that ends the command. */
const PLUGIN_ARGUMENT = /"(?<dq>[^"\r\n]{0,300})"|'(?<sq>[^'\r\n]{0,300})'|(?<v>[^\s"'|;&!]{1,300})|(?<op>[|;&])|(?<bang>!)/gd;
/** How much of a line after a plugin's name is read. */
const PLUGIN_REACH = 600;
/** A macro or a variable: Nagios' `$ARG1$`, `$USER3$`, the shell's `$PW`, a template's `{{ … }}`. */
const PLUGIN_MACRO = /^\$|^%\w{1,80}%$|\{\{/;

function findMonitoringPluginPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let after = -1;
  for (const offset of offsets) {
    if (offset < after) continue;
    MONITORING_PLUGIN.lastIndex = offset;
    const m = MONITORING_PLUGIN.exec(text);
    if (m === null) continue;
    const name = m.groups!['name']!;
    if (name.startsWith('snmp')) continue;
    const shortFlags = PLUGIN_SECRET_FLAGS[name] ?? [];
    const from = offset + m[0].length;
    // Nagios parts a check command's arguments with `!` (`check_pgsql!-p …`); on a shell's line a bare `!` is no separator.
    const bangSeparates = text[from] === '!';
    // Within the reach only: on one long line of plugin calls an unbounded search to the line's end, per call, was quadratic.
    const end = lineEndBefore(text, from, Math.min(text.length, from + PLUGIN_REACH));
    const line = text.slice(from, end);
    after = end;
    const args: { value: string; start: number }[] = [];
    PLUGIN_ARGUMENT.lastIndex = 0;
    for (let a = PLUGIN_ARGUMENT.exec(line); a !== null; a = PLUGIN_ARGUMENT.exec(line)) {
      const g = a.groups!;
      if (g['op'] !== undefined) break;
      if (g['bang'] !== undefined) {
        if (bangSeparates) continue;
        // On a shell's line `!` is a character of a bare word: glue it to the word it stands in.
        const last = args[args.length - 1];
        if (last !== undefined && last.start + last.value.length === from + a.index) last.value += '!';
        else args.push({ value: '!', start: from + a.index });
        continue;
      }
      const group = g['dq'] !== undefined ? 'dq' : g['sq'] !== undefined ? 'sq' : 'v';
      const start = from + a.indices!.groups![group]![0];
      const last = args[args.length - 1];
      // A bare word right after a glued `!` continues it (`Pa!ss`).
      if (group === 'v' && !bangSeparates && last !== undefined && last.value.endsWith('!') && last.start + last.value.length === start) last.value += g['v']!;
      else args.push({ value: g[group]!, start });
    }
    const report = (value: string, start: number, flag: string): void => {
      let v = value;
      let s = start;
      if (PLUGIN_USER_PASSWORD_OPTIONS.has(flag)) {
        const colon = v.indexOf(':');
        if (colon < 1) return;
        v = v.slice(colon + 1);
        s += colon + 1;
      }
      if (v.length === 0 || PLUGIN_MACRO.test(v)) return;
      if (!isPlausibleSecret(v, { category: 'PASS', quoted: true, file: options.file })) return;
      spans.push({ start: s, end: s + v.length });
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const eq = a.value.indexOf('=');
      if (a.value.startsWith('--') && eq > 2) {
        const flag = a.value.slice(0, eq);
        if (!PLUGIN_PASSWORD_OPTION.test(flag) && !PLUGIN_USER_PASSWORD_OPTIONS.has(flag)) continue;
        const next = args[i + 1];
        // `--password="…"`: the quoted value is the next argument, right after the `=` and its quote.
        if (eq === a.value.length - 1 && next !== undefined && next.start === a.start + a.value.length + 1) {
          report(next.value, next.start, flag);
          i++;
        } else report(a.value.slice(eq + 1), a.start + eq + 1, flag);
        continue;
      }
      const next = args[i + 1];
      if (next === undefined) break;
      if (shortFlags.includes(a.value) || PLUGIN_PASSWORD_OPTION.test(a.value) || (a.value.startsWith('--') && PLUGIN_USER_PASSWORD_OPTIONS.has(a.value))) {
        report(next.value, next.start, a.value);
        i++;
      }
    }
  }
  return spans;
}

export const toolFlagRules: Rule[] = [
  {
    id: 'monitoring-plugin-password',
    category: 'PASS',
    description:
      "A password given to a Nagios/Icinga monitoring plugin by the flag that plugin reads it from: check_pgsql's and check_mysql's `-p`, check_mssql's, check_ldap's and check_smtp's `-P`, the password of check_http's and check_curl's `-a user:password`, check_nt's `-s`, and any plugin's `--password`/`--pass`/`--dbpass`; `$ARGn$` and `$USERn$` macros are not reported",
    keywords: ['check_'],
    pattern: MONITORING_PLUGIN,
    find: findMonitoringPluginPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "    command_line    $USER1$/check_pgsql -H 10.1.2.3 -d billing -l nagios -p 'Ul7-Wren!4qTz'",
        '    command_line    $USER1$/check_http -H intranet.example -S -a probe:Kv3^Lm8_Qx2 -u /health',
        '/usr/lib/nagios/plugins/check_mysql -H db1 -u monitor -p "Tz6#Rk2mWq9v"',
        '    command_line    $USER1$/check_mssql_health --server sql1 --username nagios --password=Hq5-Vd8!Lm3x --mode connection-time',
      ],
      noMatch: [
        '    command_line    $USER1$/check_pgsql -H $HOSTADDRESS$ -l nagios -p $USER3$',
        '    command_line    $USER1$/check_http -H intranet.example -p 8443 -u /status',
        '    command_line    $USER1$/check_http -H intranet.example -a $ARG1$:$ARG2$',
        '    command_line    $USER1$/check_disk -w 20% -c 10% -p /var',
        'out = subprocess.check_output(["psql", "-p", "5432"])',
      ],
    },
  },
  {
    id: 'cli-stored-secret',
    category: 'TOKEN',
    description:
      "A secret stored by a platform's CLI: GitHub's `gh secret set NAME --body …` (`-b …`), Fly's and Doppler's `secrets set NAME=…`; `gh variable set` stores plain configuration",
    keywords: ['gh secret', 'fly secrets', 'flyctl secrets', 'doppler secrets'],
    pattern: SECRET_STORE_SET,
    find: findStoredSecrets,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'gh secret set NPM_TOKEN --repo acme/web --body "Vq8wN3zL5rT1yH6kP2mB9xC4fJ7g"',
        "gh secret set SIGNING -b 'Hx4Tz9Lq2Wm7Rv5Nc8Kp3Yb6'",
        'gh secret set SIGNING --env prod --body=Hx4Tz9Lq2Wm7Rv5Nc8Kp3Yb7',
        'fly secrets set SESSION=Qm7Vw2Zx9Lk4Rt6Yp3Nb8Hc1 -a billing',
        'doppler secrets set SIGNING_SALT="Tr5Kx8Qm2Wz7Ln4Vb9Pc3Hy6"',
      ],
      noMatch: [
        'gh secret set NPM_TOKEN --body "$NPM_TOKEN"',
        'gh secret set NPM_TOKEN < token.txt',
        'gh variable set REGION --body "Vq8wN3zL5rT1yH6kP2mB9xC4fJ7g"',
        'gh secret list --repo acme/web',
        'fly secrets set DATABASE_URL=${DATABASE_URL}',
      ],
    },
  },
  {
    id: 'tool-token-flag',
    category: 'KEY',
    description: "A token given to a tool by the short flag it reads it from: Codecov's uploaders' `-t` (`./codecov -t …`), PagerDuty's `pd-send -k …`",
    keywords: ['codecov', 'pd-send'],
    pattern: TOOL_TOKEN_FLAG,
    find: findToolTokenFlags,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['bash <(curl -s https://codecov.io/bash) -t 5d1c7e2a-93b4-4f6e-8a20-c17f9b3d4e68', './codecov -f coverage.xml -t "5d1c7e2a-93b4-4f6e-8a20-c17f9b3d4e69"', 'pd-send -k 2f8e6c1a9d4b7e3f5a0c8d2b6e4f1a9c -t trigger -d "disk full on db01"'],
      noMatch: ['./codecov -t ${CODECOV_TOKEN} -f coverage.xml', 'pd-send -k $PD_SERVICE_KEY -t trigger', 'codecov --required && docker run -t 2f8e6c1a9d4b7e3f5a0c8d2b6e4f1a9c', 'pd-send -t trigger -k "$KEY" -d "Rv8-Quill-n4xLp"'],
    },
  },
  {
    id: 'ota-upload-password',
    category: 'PASS',
    description:
      "The password an ESP32's or ESP8266's over-the-air upload sends: espota's `--auth=…` / `-a …`, and PlatformIO's `upload_flags` that hand `--auth=…` to espota",
    keywords: ['espota', 'upload_flags'],
    pattern: OTA_AUTH_FLAG,
    find: findOtaAuthFlags,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[env:node_ota]\nupload_protocol = espota\nupload_port = 10.4.0.17\nupload_flags =\n    --port=3232\n    --auth=Tern-Ota!58',
        'python3 espota.py -i 10.4.0.17 -p 3232 -a "Qx7-Kestrel-ota" -f .pio/build/node/firmware.bin',
      ],
      noMatch: [
        'upload_flags =\n    --auth=${sysenv.OTA_PASSWORD}',
        'upload_flags = --before=default_reset -a no_reset',
        'python3 espota.py -i 10.4.0.17 --auth=$OTA_PW -f firmware.bin',
        'upload_flags =\n    --port=3232\n\n[env:other]\nauth = Tern-Ota!58',
      ],
    },
  },
  {
    id: 'tool-positional-credential',
    category: 'KEY',
    description:
      "A credential a tool takes by position, where the command says what the position holds: W&B's `wandb login <api key>`, the MinIO client's `mc alias set <alias> <url> <access key> <secret key>` (and its older `mc config host add`)",
    keywords: ['wandb', 'mc alias', 'mc config'],
    pattern: WANDB_LOGIN,
    find: findToolPositionalCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '!wandb login 3f9c1e7a5b2d8046c1e9f3a7b5d2c8e0a6f4b193',
        'wandb login --relogin --host https://wandb.acme.internal 9a4e2c7f1b8d3e6a0c5f9b2d7e4a1c8f3b6d0e52',
        'mc alias set lab http://192.168.4.20:9000 QX7R2KJ9TW4MZP8LNV3C "Vq8wN3zL5rT1yH6kP2mB9xC4fJ7gD0sQ5eW8aZ1u"',
        'mc config host add backup https://minio.acme.corp KM4T8ZQ2WR7XNP3L Xk5Ls9Qv2Nm8Rw4Tz7Yb1Hc6Jd3Fg0Pe',
      ],
      noMatch: [
        'wandb login',
        'wandb login $WANDB_API_KEY',
        'wandb login --relogin --host https://wandb.acme.internal',
        'mc alias set s3 https://s3.amazonaws.com "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"',
        'mc alias set local http://localhost:9000 minioadmin minioadmin',
        'mc alias list',
      ],
    },
  },
  {
    id: 'composer-auth-config',
    category: 'TOKEN',
    description:
      "A repository's credentials stored by `composer config`: the password of `http-basic.HOST USER PASSWORD` (Private Packagist's `token TOKEN`), the token of `github-oauth.`/`gitlab-token.`/`gitlab-oauth.`/`bearer.HOST TOKEN`, the consumer secret of `bitbucket-oauth.`",
    keywords: ['composer'],
    pattern: COMPOSER_AUTH_CONFIG,
    find: findComposerAuthConfig,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '- composer config --global http-basic.repo.packagist.com token 7c1e9a40d2b86f35e0a9c4d71b2f68e3a05d9c7f1e4b2a68',
        'composer config http-basic.satis.acme-agency.nl deploy "Tq4#mZ8v.Lw2Rx"',
        'composer config -g github-oauth.github.com ghp_Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF6gH8j',
        "php composer.phar config --auth gitlab-token.gitlab.acme.io 'glpat-Vb6Kw2mTq9Rz4Ns8Lx3P'",
      ],
      noMatch: [
        'composer config --global http-basic.repo.packagist.com token $PACKAGIST_TOKEN',
        'composer config http-basic.satis.acme-agency.nl deploy',
        'composer config -g github-oauth.github.com "${GITHUB_TOKEN}"',
        'composer config --global process-timeout 2000',
      ],
    },
  },
  {
    id: 'wireguard-key-command',
    category: 'KEY',
    description:
      "A WireGuard private key given to `wg` as a literal: `wg set wg0 private-key <(echo '…')` (a peer's `preshared-key <(…)`), `echo '…' | wg pubkey`, `wg pubkey <<< '…'`, `printf '%s' '…' | wg set wg0 private-key /dev/stdin`; a peer's public key is left",
    keywords: ['private-key', 'preshared-key', 'wg pubkey', 'wg set'],
    pattern: WG_KEY_SUBSTITUTION,
    find: findWireguardKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        "wg set wg0 private-key <(echo 'pp7NJjOQHxCDSivXIc2Vq8XZQWFeJEHTYAFUlkihPUo=') peer jeRy9ieFiEdTngIpIz8N8ToCnGhnSDHm8mJhYPfkWdY= allowed-ips 10.8.0.0/24",
        'sudo wg set wg1 listen-port 51820 private-key <(printf "%s\\n" "pp7NJjOQHxCDSivXIc2Vq8XZQWFeJEHTYAFUlkihPUo=")',
        "echo 'pp7NJjOQHxCDSivXIc2Vq8XZQWFeJEHTYAFUlkihPUo=' | wg pubkey",
        'wg pubkey <<< "pp7NJjOQHxCDSivXIc2Vq8XZQWFeJEHTYAFUlkihPUo="',
        "printf '%s' 'pp7NJjOQHxCDSivXIc2Vq8XZQWFeJEHTYAFUlkihPUo=' | wg set wg0 private-key /dev/stdin",
      ],
      noMatch: [
        'wg set wg0 private-key /etc/wireguard/wg0.key peer jeRy9ieFiEdTngIpIz8N8ToCnGhnSDHm8mJhYPfkWdY= allowed-ips 10.8.0.0/24',
        'wg set wg0 private-key <(echo "$WG_PRIVATE_KEY")',
        'wg genkey | tee privatekey | wg pubkey > publickey',
        "echo 'pp7NJjOQHxCDSivXIc2Vq8XZQWFeJEHTYAFUlkihPUo=' | base64 -d | xxd",
        "wg set wg0 private-key <(echo 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')",
      ],
    },
  },
];
