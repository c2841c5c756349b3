import { classifyKey } from '../key-name.js';
import { lineAround } from '../line-index.js';
import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A password given as a keyword operand, `KEYWORD(value)`, in the command languages of IBM's middleware and mainframes:
 * IBM MQ's MQSC (`DEFINE AUTHINFO(…) AUTHTYPE(IDPWLDAP) LDAPPWD('…')`, `ALTER QMGR KEYRPWD('…')`, a channel's
 * `PASSWORD(…)`), RACF's and TSO's (`ALTUSER JSMITH PASSWORD(…) NOEXPIRED`, `PHRASE('…')`). Their operands are
 * upper-case keywords with the value in brackets, quoted or bare, and a command goes on over lines ending in `+` or `-`.
 */

/** The keyword's name and its value: quoted (MQSC and RACF double a quote inside) or bare up to the bracket. */
const KEYWORD_OPERAND = /(?<name>[A-Z][A-Z0-9]{0,15})\((?:'(?<sq>(?:[^'\r\n]|''){1,128})'|(?<v>[^\s()'",;]{1,128}))\)/y;
/**
 * What may stand before the keyword on its line: nothing but a command's upper-case words and other operands
 * (`DEFINE AUTHINFO(HBL.LDAP) AUTHTYPE(IDPWLDAP) `, `ALU JSMITH `), maybe behind a `+` or `-` that continues the line before.
 */
const COMMAND_PREFIX = /^[ \t]{0,40}(?:[+-][ \t]{1,8})?(?:[A-Z][A-Z0-9.]{0,15}(?:\([^()\r\n]{0,120}\))?[ \t]{1,8}){0,12}$/;
/** What may follow the operand: the line's end, a continuation mark, or the next operand. */
const OPERAND_END = /^[ \t]{0,8}(?:[+-]?[ \t]{0,8}(?:\r?\n|$)|[A-Z])/;
/** A variable the command is built with: a CLIST's or JCL's `&PW`, a REXX `%PW`, a shell's `$PW`, a placeholder. */
const SYMBOLIC_VALUE = /^[&%$<{*?]/;
/** RACF's password phrase operand: not named for a password, but it holds one. */
const PHRASE = 'PHRASE';
/** How far back from a keyword's match its operand's name may start (`SSLKEYRPWD(` before `PWD(`). */
const NAME_REACH = 16;

function isUpperWordCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The start of the upper-case name whose end holds the keyword at `offset`, or -1 when another character glues it in. */
function operandNameStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && offset - start < NAME_REACH && isUpperWordCode(text.charCodeAt(start - 1))) start--;
  const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  // A member's call (`cfg.PASSWORD(`), a variable's (`$PWD(`), a longer name (`SET_PASSWORD(`): code, not an operand.
  if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x2b /* + */) return -1;
  return start;
}

function findCommandOperandPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let after = -1;
  for (const offset of offsets) {
    if (offset < after) continue;
    const start = operandNameStart(text, offset);
    if (start < 0) continue;
    KEYWORD_OPERAND.lastIndex = start;
    const m = KEYWORD_OPERAND.exec(text);
    if (m === null) continue;
    after = start + m[0].length;
    const g = m.groups!;
    const name = g['name']!;
    if (name !== PHRASE && classifyKey(name)?.category !== 'PASS') continue;
    const line = lineAround(text, start, 200);
    if (!COMMAND_PREFIX.test(text.slice(line.start, start))) continue;
    if (!OPERAND_END.test(text.slice(after, after + 40))) continue;
    const quoted = g['sq'] !== undefined;
    const value = quoted ? g['sq']! : g['v']!;
    if (SYMBOLIC_VALUE.test(value)) continue;
    if (!isPlausiblePassword(quoted ? value.replace(/''/g, "'") : value, options.file)) continue;
    const valueStart = start + name.length + (quoted ? 2 : 1);
    spans.push({ start: valueStart, end: valueStart + value.length });
  }
  return spans;
}

/**
 * Db2's `CONNECT TO <database> USER <user> USING <password>`, the statement of its command line processor (`db2 connect
 * to SAMPLE user db2inst1 using …` in a shell script or a job's command), of CLPPlus and of embedded SQL. The
 * password is the word after `USING`, bare or quoted; a host variable (`:pw`), a shell's `$PW` or a template's `{{ pw }}`
 * is not one.
 */
const DB2_CONNECT_USING =
  /(?<![\w-])connect to[ \t]{1,4}["']?[\w$#@.:]{1,64}["']?(?:[ \t]{1,4}in[ \t]{1,4}(?:share|exclusive)[ \t]{1,4}mode)?[ \t]{1,4}user[ \t]{1,4}["']?[^\s"';]{1,64}["']?[ \t]{1,4}using[ \t]{1,4}["']?(?<v>[^\s"';]{1,128})/i;
/** What a script or a program puts in place of the password: a host variable, a shell's or a template's variable. */
const DB2_VARIABLE_VALUE = /^[:$%&<{[(?*]/;

export const commandOperandRules: Rule[] = [
  {
    id: 'command-operand-password',
    category: 'PASS',
    description:
      "A password given as a bracketed keyword operand in IBM MQ's MQSC (`LDAPPWD('…')`, `KEYRPWD('…')`, a channel's `PASSWORD(…)`) or RACF/TSO commands (`ALTUSER user PASSWORD(…)`, `PHRASE('…')`): an upper-case keyword named for a password, on a line of a command's words and operands; `&SYMBOL` and other variables are not reported",
    keywords: ['pwd(', 'passwd(', 'password(', 'phrase('],
    pattern: KEYWORD_OPERAND,
    find: findCommandOperandPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "DEFINE AUTHINFO(ACME.LDAP) AUTHTYPE(IDPWLDAP) +\n       LDAPUSER('CN=svc-mq,OU=Service,DC=acme,DC=corp') +\n       LDAPPWD('Mq-Ldap!Wren42') +\n       SHORTUSR('sAMAccountName') REPLACE",
        "ALTER QMGR KEYRPWD('Kdb-Stash#7Quill')",
        'ALTUSER JSMITH PASSWORD(TMP4WREN) NOEXPIRED',
        "ADDUSER OPSBATCH DFLTGRP(OPS) PHRASE('Heron-fen@4bells!') OWNER(SYS1)",
      ],
      noMatch: [
        "DEFINE AUTHINFO(ACME.LDAP) AUTHTYPE(IDPWLDAP) LDAPPWD(' ') REPLACE",
        'ALTUSER &USERID PASSWORD(&NEWPW) NOEXPIRED',
        'ALTUSER JSMITH NOPASSWORD',
        "if (cfg.LDAPPWD('Mq-Ldap!Wren42')) return;",
        "String p = SET_PASSWORD('Mq-Ldap!Wren42');",
        "const PWD = 'x'; log(PWD('Mq-Ldap!Wren42'));",
      ],
    },
  },
  {
    id: 'db2-connect-using',
    category: 'PASS',
    description:
      "The password of Db2's `CONNECT TO <db> USER <user> USING <password>` (the `db2` command line, CLPPlus, embedded SQL); host variables (`:pw`) and shell or template variables are not reported",
    keywords: ['connect to'],
    pattern: DB2_CONNECT_USING,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (value, ctx) => !DB2_VARIABLE_VALUE.test(value) && isPlausiblePassword(value, ctx.file),
    confidence: 'high',
    examples: {
      match: [
        'su - db2inst1 -c "db2 connect to FINCH user CHAPP using Accrual_Ch4pp"',
        "db2 CONNECT TO SAMPLE IN SHARE MODE USER etl_load USING 'Wren#Ledger-77'",
        'db2 connect to BLUDB user bluadmin using Hq7~Lantern2',
      ],
      noMatch: [
        'db2 connect to FINCH user CHAPP using $DB2_PW',
        'EXEC SQL CONNECT TO :dbname USER :userid USING :passwd;',
        'db2 connect to FINCH user {{ db2_user }} using {{ db2_password }}',
        'db2 connect to FINCH user CHAPP using password',
        'reconnect to FINCH user CHAPP using Accrual_Ch4pp',
        'Connect to the VPN using your badge.',
      ],
    },
  },
];
