import { isPlausiblePassword } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Basic credentials that code builds where it sends them: a `"Basic "` literal joined to an
 * encoder's call whose argument is the `user:password` text, written there
 * (`"Basic " & encode("ops:" & "…")` in Nim, `"Basic " + Base64(...("svc:…"))`), or held by a
 * variable the lines above set (`let raw = "scanner:…"` then
 * `"Basic " + Data(raw.utf8).base64EncodedString()` in Swift). The password is the secret;
 * the user before the colon is an account name.
 */

/** `Basic ` closing its literal, then a joining operator: `+` (most languages), `&` (Nim, VB), `.`/`..` (PHP, Lua), `<>` (Elixir), `^` (OCaml, F#). */
const BASIC_JOINED_AT = /basic[ \t]{0,2}["'`][ \t]{0,4}(?:\+|&|\.{1,2}|<>|\^)[ \t]{0,4}/iy;

/** A literal closed, a joining operator, the next literal opened. */
const JOINED = String.raw`["'\`][ \t]{0,4}(?:\+|&|\.{1,2}|<>|\^)[ \t]{0,4}["'\`]`;
/** A `user:password` literal, or `"user:"` joined to the password's literal, or the three joined (`"user" + ":" + "…"`). */
const USER_PASSWORD_LITERAL = new RegExp(String.raw`["'\`](?<user>[\w.@-]{1,64})(?:${JOINED})?:(?:${JOINED})?(?<v>[^"'\`\s$]{4,128})["'\`]`);

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
  const assignment = new RegExp(`(?<![\\w$.])\\$?${name}[ \\t]{0,4}(?::[ \\t]{0,4}[\\w<>?\\[\\]]{1,30}[ \\t]{0,4})?(?:=|:=|<-)[ \\t]{0,4}["'\`](?<user>[\\w.@-]{1,64}):(?<v>[^"'\`\\s$]{4,128})["'\`]`, 'g');
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
    const lineEnd = text.indexOf('\n', from);
    const expression = text.slice(from, Math.min(lineEnd === -1 ? text.length : lineEnd, from + 200));
    const literal = USER_PASSWORD_LITERAL.exec(expression);
    if (literal !== null) {
      const value = literal.groups!['v']!;
      if (!isPassword(value, literal.groups!['user']!, options.file)) return;
      const start = from + literal.index + literal[0].length - 1 - value.length;
      spans.push({ start, end: start + value.length });
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

export const basicBuiltRules: Rule[] = [
  {
    id: 'basic-credential-built',
    category: 'PASS',
    description:
      'The password of Basic credentials that code builds where it sends them: `"Basic " & encode("user:" & "…")`, `"Basic " + Data(creds.utf8).base64EncodedString()` after `let creds = "user:…"`',
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
      ],
      noMatch: [
        '"Authorization": "Basic " & encode(user & ":" & password),',
        'let creds = "\\(user):\\(password)"\nreq.setValue("Basic " + Data(creds.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")',
        'headers["Authorization"] = "Basic " + token',
        'const auth = "Basic " + btoa(user + ":" + password);',
        "$creds = \"$($env:INTAKE_USER):$($env:INTAKE_PASSWORD)\"\n$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($creds)) }",
      ],
    },
  },
];
