import { linesFrom } from '../line-index.js';
import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * FTP clients fed their commands as a script log in with the script's first lines, so the
 * password stands in it by position, under no name:
 * - a z/OS batch FTP step (`//STEP EXEC PGM=FTP`) reads its input from the in-stream data of its
 *   `//INPUT DD *` (or `//SYSIN DD *`) up to `/*`: the server (unless the step's PARM names it),
 *   then `user password` on one line, or the user on one line and the password on the next;
 * - a Unix `ftp -n host <<EOF` here-document logs in with the `user name password` command.
 */

/** A batch FTP step, from `PGM=FTP` on: the PARM, if any, may name the server before its options (`PARM='host (EXIT'`). */
const JCL_FTP_STEP = /pgm=ftp(?![\w#@$])(?:,[ \t]{0,4}parm=(?<parm>'[^'\r\n]{0,100}'|[^\s,]{1,100}))?/iy;
/** The step's in-stream input (`//INPUT DD *`, `//SYSIN DD DATA`), and the statement that opens the next step. */
const JCL_INPUT_DD = /^\/\/(?:INPUT|SYSIN)[ \t]{1,20}DD[ \t]{1,20}(?:\*|DATA)(?:[ \t,]|$)/i;
const JCL_EXEC = /^\/\/[A-Z#@$][\w#@$]{0,7}[ \t]{1,20}EXEC[ \t]/i;
/** How many statement lines of the step are read for its input DD. */
const MAX_STEP_LINES = 20;

/** A server line: `host`, `host port`, `open host [port]` (an address or a DNS name). */
const SERVER_LINE = /^(?:open[ \t]{1,8})?[A-Za-z0-9][\w.:-]{0,252}(?:[ \t]{1,8}\d{1,5})?$/i;
/** One or two words on a login line: the user, then maybe the password. */
const LOGIN_LINE = /^(?:user[ \t]{1,8}(?=\S{1,100}[ \t]{1,8}\S))?(?<user>[^\s]{1,100})(?:[ \t]{1,8}(?<pw>[^\s]{1,128}))?$/i;
/** A lone word that is an FTP subcommand, not a password on the line after the user. */
const FTP_COMMAND = /^(?:ascii|binary|bin|ebcdic|image|quit|bye|close|cd|lcd|put|get|mput|mget|append|dir|ls|pwd|site|locsite|quote|mode|type|prompt|passive|verbose|hash|status|open|user|pass|account|delete|rename|mkdir|rmdir)$/i;

/** Anonymous FTP's users: their password is an e-mail address by convention, no secret. */
const ANONYMOUS_USER = /^(?:anonymous|ftp)$/i;


/** The password of the login at the head of an FTP script's lines (`lines` start at the first command). */
function loginPassword(lines: readonly { start: number; text: string }[], serverFirst: boolean, options: DetectOptions): Span | undefined {
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  if (serverFirst) {
    if (i >= lines.length || !SERVER_LINE.test(lines[i]!.text.trim())) return undefined;
    i++;
  }
  const login = lines[i];
  if (login === undefined) return undefined;
  const m = LOGIN_LINE.exec(login.text.trim());
  if (m === null || FTP_COMMAND.test(m.groups!['user']!) || ANONYMOUS_USER.test(m.groups!['user']!)) return undefined;
  let value = m.groups!['pw'];
  let line = login;
  if (value === undefined) {
    // The user alone: the password is the next line, a single word.
    const after = lines[i + 1];
    if (after === undefined) return undefined;
    line = after;
    const next = line.text.trim();
    if (!/^\S{1,128}$/.test(next) || FTP_COMMAND.test(next)) return undefined;
    value = next;
  }
  if (!isPlausiblePassword(value, options.file)) return undefined;
  const start = line.start + line.text.lastIndexOf(value);
  return { start, end: start + value.length };
}

function findJclFtpPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // A statement names one program: further `PGM=FTP` on a line already read are not steps of their own.
  let lastLineEnd = -1;
  for (const at of offsets) {
    if (at < lastLineEnd) continue;
    JCL_FTP_STEP.lastIndex = at;
    const step = JCL_FTP_STEP.exec(text);
    if (step === null) continue;
    // A server named in the PARM, before its options: the input then opens with the login.
    const parm = (step.groups!['parm'] ?? '').replace(/^'|'$/g, '').trim();
    const serverFirst = parm === '' || parm.startsWith('(');
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) break;
    lastLineEnd = lineEnd;
    let input: number | undefined;
    for (const line of linesFrom(text, lineEnd + 1, MAX_STEP_LINES)) {
      if (JCL_INPUT_DD.test(line.text)) {
        const nl = text.indexOf('\n', line.start);
        if (nl !== -1) input = nl + 1;
        break;
      }
      if (!line.text.startsWith('//') || JCL_EXEC.test(line.text)) break;
    }
    if (input === undefined) continue;
    const data: { start: number; text: string }[] = [];
    for (const line of linesFrom(text, input, 4)) {
      if (line.text.startsWith('/*') || line.text.startsWith('//')) break;
      data.push(line);
    }
    const span = loginPassword(data, serverFirst, options);
    if (span !== undefined) spans.push(span);
  }
  return spans;
}

/** An `ftp` command fed a here-document: `ftp -inv host <<EOF`, `ftp -n <<'END'`. */
const FTP_HEREDOC = /ftp[ \t][^\r\n<|;&]{0,200}<<-?[ \t]{0,2}["']?(?<tag>[A-Za-z_]\w{0,19})["']?[ \t]{0,8}\r?\n/y;
/** The `user name password` command of such a script. */
const USER_COMMAND = /^[ \t]{0,40}user[ \t]{1,8}(?<user>\S{1,100})[ \t]{1,8}(?<pw>\S{1,128})[ \t]{0,8}$/i;
const SHELL_EXPANSION = /^\$[{(A-Za-z_]/;
/** How many lines of the here-document are read for its login. */
const MAX_SCRIPT_LINES = 8;

function findFtpHeredocPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const at of offsets) {
    // `ftp` as a command: not the tail of `sftp`/`lftp`/`tftp` or of a word.
    if (at > 0 && /[\w.\/-]/.test(text.charAt(at - 1))) continue;
    FTP_HEREDOC.lastIndex = at;
    const m = FTP_HEREDOC.exec(text);
    if (m === null) continue;
    const tag = m.groups!['tag']!;
    for (const line of linesFrom(text, at + m[0].length, MAX_SCRIPT_LINES)) {
      if (line.text.trim() === tag) break;
      const u = USER_COMMAND.exec(line.text);
      if (u === null) continue;
      if (ANONYMOUS_USER.test(u.groups!['user']!)) break;
      // A quoted password is the text inside its quotes; `$NAME` is expanded by the shell.
      const value = u.groups!['pw']!.replace(/^(["'])(.+)\1$/, '$2');
      if (!SHELL_EXPANSION.test(value) && isPlausiblePassword(value, options.file)) {
        const start = line.start + line.text.lastIndexOf(value);
        spans.push({ start, end: start + value.length });
      }
      break;
    }
  }
  return spans;
}

export const ftpScriptRules: Rule[] = [
  {
    id: 'jcl-ftp-login',
    category: 'PASS',
    description:
      "The password of a z/OS batch FTP step's login, read from its in-stream input (`//STEP EXEC PGM=FTP`, `//INPUT DD *`, then the server, then `user password` on one line or two)",
    keywords: ['pgm=ftp'],
    pattern: JCL_FTP_STEP,
    find: findJclFtpPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        "//XFER     EXEC PGM=FTP,PARM='(EXIT'\n//SYSPRINT DD SYSOUT=*\n//INPUT    DD *\nftp.partner.example.net\nxferusr Vq7mTz2wKp\nbinary\nquit\n/*\n",
        "//XFER     EXEC PGM=FTP,PARM='10.20.30.40 (EXIT'\n//INPUT    DD *\nxferusr\nPl4#rWq8Zt\nquit\n/*\n",
      ],
      noMatch: [
        "//XFER     EXEC PGM=FTP,PARM='(EXIT'\n//INPUT    DD DSN=SYS1.FTP.CMDS(XFER),DISP=SHR\n",
        "//XFER     EXEC PGM=FTP\n//INPUT    DD *\nftp.partner.example.net\nxferusr\nbinary\nquit\n/*\n",
      ],
    },
  },
  {
    id: 'ftp-heredoc-login',
    category: 'PASS',
    description: 'The password of the `user name password` command in a here-document fed to `ftp` (`ftp -n host <<EOF` / `user name password`)',
    keywords: ['ftp'],
    pattern: FTP_HEREDOC,
    find: findFtpHeredocPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['ftp -inv files.example.lan <<EOF\nuser upload Wq8-vTz3Lm\nbinary\nput out.dat\nbye\nEOF\n', "ftp -n <<'END'\nopen 10.1.2.3\nuser batch Kp7!xRm2Qz\nEND\n"],
      noMatch: ['ftp -inv files.example.lan <<EOF\nuser upload $FTP_PASS\nbye\nEOF\n', 'sftp -b - host <<EOF\nput a\nEOF\n'],
    },
  },
];
