import { lineBreakCursor, lineEndBefore } from '../line-index.js';
import { isPlausiblePassword } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Scripts that drive an interactive login wait for the password prompt, then type the password: Python's telnetlib
 * (`tn.read_until(b"Password: ")` then `tn.write(b"…\n")`), pexpect (`child.expect("assword:")` then
 * `child.sendline("…")`), Tcl/Expect (`expect "*assword*"` then `send "…\r"`), Net::Telnet's `waitfor`. The literal
 * written on the line right after the prompt is read is the password, whatever name it has or lacks.
 */

/** A call that waits for a password prompt, sticky at its name: its argument a literal that holds the prompt. */
const PASSWORD_PROMPT_READ_AT =
  /(?:read_until|expect_exact|expect|waitfor|waitFor)[ \t]{0,4}\(?[ \t]{0,4}(?:--[ \t]{1,4})?(?:\[[ \t]{0,4})?[bBrRuU]{0,2}(?:"[^"\r\n]{0,40}(?:assword|asscode|assphrase)[^"\r\n]{0,40}"|'[^'\r\n]{0,40}(?:assword|asscode|assphrase)[^'\r\n]{0,40}')/iy;
/** The next line: a call that types a literal (`.write(b"…\n")`, `.sendline("…")`, `send "…\r"`), its line ending left out. */
const TYPED_LITERAL =
  /^[ \t]{0,40}(?:[\w$.]{1,80}\.)?(?:write|sendline|send|send_line|print|puts)[ \t]{0,4}\(?[ \t]{0,4}(?:--[ \t]{1,4})?[bBuU]?(?:"(?<dq>[^"'\\\r\n$`{}]{1,128})(?:\\[rn]){0,2}"|'(?<sq>[^"'\\\r\n$`{}]{1,128})(?:\\[rn]){0,2}')/;
/** How far past the prompt's read the next line is looked for. */
const NEXT_LINE_REACH = 400;

function findPromptReplies(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // The prompts of one long line share one search for its end, and the next line is read only as far as it is used.
  const nextBreak = lineBreakCursor(text);
  forEachMatchAt(PASSWORD_PROMPT_READ_AT, text, offsets, (m) => {
    const lineEnd = nextBreak(m.index + m[0].length);
    if (lineEnd === -1) return;
    // The next line that is not blank, within reach.
    let from = lineEnd + 1;
    const stop = Math.min(text.length, from + NEXT_LINE_REACH);
    while (from < stop && /\s/.test(text[from]!)) from++;
    let lineStart = from;
    while (lineStart > lineEnd + 1 && text[lineStart - 1] !== '\n') lineStart--;
    const line = text.slice(lineStart, lineEndBefore(text, lineStart, Math.min(text.length, lineStart + NEXT_LINE_REACH)));
    const typed = TYPED_LITERAL.exec(line);
    if (typed === null) return;
    const value = typed.groups!['dq'] ?? typed.groups!['sq']!;
    if (!isPlausiblePassword(value, options.file)) return;
    const start = lineStart + typed.index + typed[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A runbook's step that runs a command which asks for the password and then says what to type at its prompt (`\`vncviewer
 * 10.0.4.2 -passwd\` then type \`…\``, `` `mysql -u ops -p`, then enter `…` ``): the command in code marks ends with a
 * flag that makes it prompt (`-passwd`, `--password`, `-p`, `-W`, `--ask-pass`) and takes no value there, and the typed
 * text, in code marks too, is the password. Sticky at `then`.
 */
const THEN_TYPED_AT = /then[ \t]{1,2}(?:type|enter|paste)[ \t]{1,2}`(?<v>[^`\s]{4,64})`/iy;
/** The command right before `then`, in code marks, maybe a comma and `and` after it. */
const COMMAND_SPAN_BEFORE = /`(?<cmd>[^`\r\n]{1,120})`[ \t]{0,2},?[ \t]{1,2}(?:and[ \t]{1,2})?$/;
/** A flag that makes a command ask for the password when no value follows it, ending the command. */
const PROMPTING_FLAG_LAST = /[ \t](?:-{1,2}(?:passwd|password|pass|ask-?pass(?:word)?)|-p|-W)$/;
/** How far back on its line `then` looks for the command. */
const COMMAND_REACH = 160;

function findTypedAfterPromptingCommand(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(THEN_TYPED_AT, text, offsets, (m) => {
    const command = COMMAND_SPAN_BEFORE.exec(text.slice(Math.max(0, m.index - COMMAND_REACH), m.index));
    if (command === null || !PROMPTING_FLAG_LAST.test(command.groups!['cmd']!)) return;
    const value = m.groups!['v']!;
    // A flag, a variable or a key's name is typed as often (`then type \`-y\``, `then enter \`$PW\``, `then type \`yes\``).
    if (/^[-$%<{]/.test(value) || !/[^A-Za-z]/.test(value) || !isPlausiblePassword(value, options.file)) return;
    const end = m.index + m[0].length - 1;
    spans.push({ start: end - value.length, end });
  });
  return spans;
}

export const promptReplyRules: Rule[] = [
  {
    id: 'password-prompt-reply',
    category: 'PASS',
    description:
      'A literal a login script types right after it waits for the password prompt: telnetlib\'s `read_until(b"Password: ")` then `write(b"…\\n")`, pexpect\'s `expect("assword:")` then `sendline("…")`, Expect\'s `expect "*assword*"` then `send "…\\r"`',
    keywords: ['read_until', 'expect', 'waitfor'],
    pattern: PASSWORD_PROMPT_READ_AT,
    find: findPromptReplies,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'tn = telnetlib.Telnet(host)\ntn.read_until(b"Password: ")\ntn.write(b"Vq7.Lm2xRz9w\\n")',
        "child.expect('[Pp]assword:')\nchild.sendline('Tundra-Quill58')",
        'spawn ssh admin@10.0.0.5\nexpect "*assword*"\nsend "Hx4!mLq9Zr\\r"',
      ],
      noMatch: [
        'tn.read_until(b"Password: ")\ntn.write(password.encode() + b"\\n")',
        'child.expect("Password:")\nchild.sendline(os.environ["SWITCH_PW"])',
        'expect "*assword*"\nsend "$password\\r"',
        'tn.read_until(b"login: ")\ntn.write(b"Vq7.Lm2xRz9w\\n")',
        "expect(screen.getByLabelText('Password')).toBeVisible();\nexpect(button).toBeDisabled();",
      ],
    },
  },
  {
    id: 'password-typed-after-prompting-command',
    category: 'PASS',
    description:
      'What a runbook says to type at the prompt of a command that asks for the password: the command in code marks ending with a prompting flag (`-passwd`, `--password`, `-p`, `-W`, `--ask-pass`), then "then type `…`" or "then enter `…`"; not a flag, a variable or a word typed to confirm',
    keywords: ['then type', 'then enter', 'then paste'],
    pattern: THEN_TYPED_AT,
    find: findTypedAfterPromptingCommand,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['VNC to the panel: `vncviewer 10.40.2.17 -passwd` then type `press-vnc`.', 'Log in with `mysql -h db02 -u report -p`, then enter `Tally#Ledger4` at the prompt.'],
      noMatch: [
        'Run `vncviewer 10.40.2.17 -passwd` then type `yes` to accept the key.',
        'Run `mysql -h db02 -u report -p`, then enter `$REPORT_PW` from the vault.',
        'Run `mysql -h db02 -u report` then type `SHOW-TABLES;2` to list them.',
        'Run `psql -W` then type `\\dt` to list the tables.',
        'Run `ssh-keygen -p` then type `--help` for the options.',
      ],
    },
  },
];
