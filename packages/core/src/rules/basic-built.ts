import { lineEndBefore } from '../line-index.js';
import { characterSwitches, isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Basic credentials that code builds where it sends them: a `"Basic "` literal joined to an
 * encoder's call whose argument is the `user:password` text, written there
 * (`"Basic " & encode("ops:" & "…")` in Nim, `"Basic " + Base64(...("svc:…"))`), or held by a
 * variable the lines above set (`let raw = "scanner:…"` then
 * `"Basic " + Data(raw.utf8).base64EncodedString()` in Swift). The password is the secret;
 * the user before the colon is an account name. With the password left empty (`btoa("…:")`,
 * `base64.b64encode(b"…:")`), the user is the secret: APIs that take their key as the Basic user (Mixpanel's
 * project secret, Stripe's) are called so, and a generated user there is that key.
 */

/**
 * `Basic ` closing its literal, then a joining operator: `+` (most languages), `&` (Nim, VB), `.`/`..` (PHP, Lua), `<>` (Elixir),
 * `^` (OCaml, F#); or `"Basic"` as the scheme's argument and a comma before the credential's (.NET's
 * `new AuthenticationHeaderValue("Basic", Convert.ToBase64String(…))`).
 */
const BASIC_JOINED_AT = /basic[ \t]{0,2}["'`][ \t]{0,4}(?:\+|&|\.{1,2}|<>|\^|,)[ \t]{0,4}/iy;

/** A literal closed, a joining operator, the next literal opened. */
const JOINED = String.raw`["'\`][ \t]{0,4}(?:\+|&|\.{1,2}|<>|\^)[ \t]{0,4}["'\`]`;
/**
 * A Windows account's domain before its name, the backslash escaped in the literal or not (`"CORP\\\\svc_sync:…"`, `@"CORP\\svc:…"`):
 * services behind Windows authentication (IIS, SharePoint, document systems) take `DOMAIN\\user` as the Basic user.
 */
const DOMAIN_PREFIX = String.raw`(?:[A-Za-z][\w.-]{0,30}\\{1,2})?`;
/** A `user:password` literal, or `"user:"` joined to the password's literal, or the three joined (`"user" + ":" + "…"`). */
const USER_PASSWORD_LITERAL = new RegExp(String.raw`["'\`](?<user>${DOMAIN_PREFIX}[\w.@-]{1,64})(?:${JOINED})?:(?:${JOINED})?(?<v>[^"'\`\s$]{4,128})["'\`]`);

/** A `key:` literal, its password left empty. */
const KEY_AS_USER_LITERAL = /["'`](?<key>[A-Za-z0-9_\-.]{16,128}):["'`]/;

/** A key given as the Basic user: hex digits, or generated-looking (not words joined by `_` or `-`), and a plausible key. */
function isKeyAsUser(value: string, file: string | undefined): boolean {
  if (!/^[A-Fa-f0-9]{16,}$/.test(value) && characterSwitches(value) < 8) return false;
  return /\d/.test(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file });
}

/** An encoding's call opened around the literal: `Encoding.ASCII.GetBytes(`, `Encoding.UTF8.GetBytes(`, `[Text.Encoding]::UTF8.GetBytes(`. */
const BYTES_CALL_OPEN = String.raw`(?:(?:\[[\w.]{1,40}\]::|[\w.]{1,40}\.)GetBytes\([ \t]{0,4})?`;

/** Names in the expression that are not variables holding the credentials (encoders, conversions). */
const IDENTIFIER = /[A-Za-z_][\w]{0,40}/g;

/** How far back a variable's assignment is looked for. */
const LOOK_BACK = 3000;

function isPassword(value: string, user: string, file: string | undefined): boolean {
  return user.length > 0 && isPlausiblePassword(value, file);
}

/** The `user:password` literal a variable named `name` is set to in `window` (the last such assignment), with its offset in it. */
function assignedCredentials(window: string, name: string): { value: string; at: number; user: string } | undefined {
  // A sigil may open the name (`$pair = '…'` in PowerShell, PHP and Perl), which IDENTIFIER leaves out.
  // The literal may be turned into bytes on the way (C#'s `var raw = Encoding.ASCII.GetBytes("…")`, Java's `"…".getBytes()`).
  const assignment = new RegExp(
    `(?<![\\w$.])\\$?${name}[ \\t]{0,4}(?::[ \\t]{0,4}[\\w<>?\\[\\]]{1,30}[ \\t]{0,4})?(?:=|:=|<-)[ \\t]{0,4}${BYTES_CALL_OPEN}["'\`](?<user>${DOMAIN_PREFIX}[\\w.@-]{1,64}):(?<v>[^"'\`\\s$]{4,128})["'\`]`,
    'g',
  );
  let found: { value: string; at: number; user: string } | undefined;
  for (const m of window.matchAll(assignment)) {
    const value = m.groups!['v']!;
    found = { value, at: m.index + m[0].length - 1 - value.length, user: m.groups!['user']! };
  }
  return found;
}

function findBuiltBasicCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(BASIC_JOINED_AT, text, offsets, (m) => {
    const from = m.index + m[0].length;
    // The expression's 200 characters at most, up to its line's end: no search per match to the end of a long line.
    const expression = text.slice(from, lineEndBefore(text, from, Math.min(text.length, from + 200)));
    // As an argument the scheme may stand in any list (`["basic", "digest"]`): the credential's argument must encode.
    if (m[0].trimEnd().endsWith(',') && !/base64/i.test(expression)) return;
    const literal = USER_PASSWORD_LITERAL.exec(expression);
    if (literal !== null) {
      const value = literal.groups!['v']!;
      if (!isPassword(value, literal.groups!['user']!, options.file)) return;
      const start = from + literal.index + literal[0].length - 1 - value.length;
      spans.push({ start, end: start + value.length });
      return;
    }
    const keyAsUser = KEY_AS_USER_LITERAL.exec(expression);
    if (keyAsUser !== null) {
      const key = keyAsUser.groups!['key']!;
      if (!isKeyAsUser(key, options.file)) return;
      const start = from + keyAsUser.index + 1;
      spans.push({ start, end: start + key.length, category: 'KEY' });
      return;
    }
    // No literal: a variable in the expression may hold `user:password` (set on a line above).
    const code = expression.replace(/(["'`])(?:(?!\1).){0,200}\1/g, ' ');
    const windowStart = Math.max(0, m.index - LOOK_BACK);
    const window = text.slice(windowStart, m.index);
    for (const name of new Set(code.match(IDENTIFIER) ?? [])) {
      const held = assignedCredentials(window, name);
      if (held === undefined || !isPassword(held.value, held.user, options.file)) continue;
      spans.push({ start: windowStart + held.at, end: windowStart + held.at + held.value.length });
      return;
    }
  });
  return spans;
}

/**
 * A shell pipe into base64 at the keyword's offset (`| base64`, `|base64`, `| openssl base64`): sticky, so it is
 * only tried where a keyword stands.
 */
const BASE64_PIPE_AT = /\|[ \t]{0,4}(?:openssl[ \t]{1,4})?base64\b/y;
/**
 * What the line before that pipe ends with: `echo` (maybe `-n`) or `printf` (maybe `'%s'`) of one `user:password` word,
 * quoted or bare. A double-quoted or bare one that expands a variable (`"$USER:$PASS"`) holds no literal password.
 */
const ECHOED_PAIR_BEFORE_PIPE =
  /(?:^|[\s;&|(`])(?:echo|printf)(?:[ \t]{1,4}(?:-[neE]{1,3}|'%s'|"%s"))?[ \t]{1,4}(?:'(?<sqUser>[\w.@-]{1,64}):(?<sq>[^'\s]{1,128})'|"(?<dqUser>[\w.@-]{1,64}):(?<dq>[^"\s$`\\]{1,128})"|(?<bareUser>[\w.@-]{1,64}):(?<bare>[^\s'"|;&$`\\()<>]{1,128}))[ \t]{0,4}$/;

/**
 * Basic or registry credentials that a shell script encodes where it builds them: `echo -n 'user:…' | base64` (a docker
 * config's `auth`, an `Authorization: Basic` header, a Kubernetes Secret's data). The part after the colon is the password.
 */
function findPipedBasicCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(BASE64_PIPE_AT, text, offsets, (m) => {
    // The line before the pipe, at most 240 characters of it.
    let lineStart = m.index;
    const floor = Math.max(0, m.index - 240);
    while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
    const before = text.slice(lineStart, m.index);
    const pair = ECHOED_PAIR_BEFORE_PIPE.exec(before);
    if (pair === null) return;
    const g = pair.groups!;
    const value = g['sq'] ?? g['dq'] ?? g['bare']!;
    const user = g['sqUser'] ?? g['dqUser'] ?? g['bareUser']!;
    if (!isPassword(value, user, options.file)) return;
    const end = lineStart + pair.index + pair[0].trimEnd().length - (g['bare'] === undefined ? 1 : 0);
    spans.push({ start: end - value.length, end });
  });
  return spans;
}

export const basicBuiltRules: Rule[] = [
  {
    id: 'basic-credential-piped',
    category: 'PASS',
    description: "The password of a `user:password` pair a shell script pipes into base64 to build Basic or registry credentials: `echo -n 'user:…' | base64`, `printf '%s' \"user:…\" | openssl base64`",
    keywords: ['| base64', '|base64', '| openssl base64'],
    pattern: BASE64_PIPE_AT,
    find: findPipedBasicCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "export REGISTRY_AUTH=\"$(echo -n 'ci-pusher:Vt7rQm2xLw9Kz' | base64)\"",
        'AUTH=$(printf \'%s\' "deploy:Hq4.Tarn-Wisp82" | base64 -w0)',
        'echo -n svc_probe:Zr8mKq3WvT5x | openssl base64',
      ],
      noMatch: [
        'export REGISTRY_AUTH="$(echo -n "$REG_USER:$REG_PASSWORD" | base64)"',
        "echo -n 'ci-pusher:password' | base64",
        "echo -n 'hello world' | base64",
        "cat creds.txt | base64",
        "echo 'https://example.com/path' | base64",
      ],
    },
  },
  {
    id: 'basic-credential-built',
    category: 'PASS',
    description:
      'The password of Basic credentials that code builds where it sends them: `"Basic " & encode("user:" & "…")`, `"Basic " + Data(creds.utf8).base64EncodedString()` after `let creds = "user:…"`, .NET\'s `AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw))` after `var raw = Encoding.ASCII.GetBytes("DOMAIN\\\\user:…")`',
    keywords: ['basic'],
    pattern: BASIC_JOINED_AT,
    find: findBuiltBasicCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '"Authorization": "Basic " & encode("ops:" & "Fj4!tLq8"),',
        'const auth = "Basic " + btoa("kiosk_sync" + ":" + "Rm7vQ2xLp9Tz");',
        'let creds = "scanner:Wq3#nZ8vLp2"\nreq.setValue("Basic " + Data(creds.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")',
        "$creds = 'intake-bot:Moth.Quarry-417'\n$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($creds)) }",
        'headers: { Authorization: "Basic " + btoa("c41e07b9d2a85f3e6b10d4c7a9e2f586:") },',
        'auth = "Basic " + base64.b64encode(b"sk_live_Rt7vX2qL9mW4zN8bC3pJ:").decode()',
        'var raw = Encoding.ASCII.GetBytes("CORP\\\\svc_archive:Ledger-Quay-2291");\n_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));',
        'client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sync_bot:Tq7!mRw2zKx9")));',
      ],
      noMatch: [
        'headers: { Authorization: "Basic " + btoa("reporting_readonly_user:") },',
        'headers: { Authorization: "Basic " + btoa(apiSecret + ":") },',
        '"Authorization": "Basic " & encode(user & ":" & password),',
        'let creds = "\\(user):\\(password)"\nreq.setValue("Basic " + Data(creds.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")',
        'headers["Authorization"] = "Basic " + token',
        'const auth = "Basic " + btoa(user + ":" + password);',
        "$creds = \"$($env:INTAKE_USER):$($env:INTAKE_PASSWORD)\"\n$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($creds)) }",
        'var raw = Encoding.ASCII.GetBytes($"{_user}:{_password}");\n_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));',
        'var raw = Encoding.ASCII.GetBytes("CORP\\\\svc_archive:password");\n_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));',
        'schemes = ["basic", "digest:Sha256-sess"]',
      ],
    },
  },
];
