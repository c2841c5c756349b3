import { classifyKey } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Secrets in the typed declarations of languages that write the type between the name and the
 * value, where the assignment rules, which read `name = value`, find no name: PL/SQL's
 * `c_api_pass CONSTANT VARCHAR2(64) := '…';` (or `DEFAULT '…'`), and COBOL's working storage,
 * `01 WS-PWD PIC X(12) VALUE '…'.`. The name still says what the value is, read as any other
 * name (`WS-PWD-HINT` names a hint, no secret).
 */

/** How far back from the type's keyword the declaration's name may stand, on the same line. */
const LOOK_BACK = 120;

/** A PL/SQL variable or constant of a character type (`VARCHAR2`, `NVARCHAR2`, `VARCHAR`), initialized with a literal. */
const PLSQL_DECLARATION =
  /(?<![\w$#])(?<name>[A-Za-z][\w$#]{0,60})[ \t]{1,20}(?:CONSTANT[ \t]{1,8})?N?VARCHAR2?(?:[ \t]{0,2}\([ \t]{0,2}\d{1,5}(?:[ \t]{1,4}(?:CHAR|BYTE))?[ \t]{0,2}\))?(?:[ \t]{1,8}NOT[ \t]{1,4}NULL)?[ \t]{0,20}(?::=|DEFAULT(?=[ \t]))[ \t]{0,8}'(?<v>[^'\r\n]{1,200})'/iy;

/** A COBOL data item of an alphanumeric picture with its initial value. */
const COBOL_VALUE =
  /(?<![\w-])\d{1,2}[ \t]{1,12}(?<name>[A-Za-z0-9][A-Za-z0-9-]{0,29})[ \t]{1,20}PIC(?:TURE)?(?:[ \t]{1,4}IS)?[ \t]{1,8}X(?:\(\d{1,4}\)|X{0,40})[ \t]{1,20}VALUE(?:[ \t]{1,4}IS)?[ \t]{1,8}(?<q>['"])(?<v>[^'"\r\n]{1,160})['"]/iy;

function declarationFinder(pattern: RegExp) {
  return (text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] => {
    const spans: Span[] = [];
    let done = -1;
    for (const at of offsets) {
      if (at < done) continue;
      // The line's start, looked for no further back than the name may stand (a long line is not read back to its start).
      let lineStart = at;
      while (lineStart > 0 && at - lineStart < LOOK_BACK && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
      // Try the pattern at each word start between the line's start and the keyword.
      for (let i = lineStart; i <= at; i++) {
        if (i > lineStart && /[\w$#-]/.test(text[i - 1]!)) continue;
        pattern.lastIndex = i;
        const m = pattern.exec(text);
        if (m === null) continue;
        done = i + m[0].length;
        const key = classifyKey(m.groups!['name']!);
        const value = m.groups!['v']!;
        if (key !== undefined && isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, ...(options.file === undefined ? {} : { file: options.file }) })) {
          const start = done - value.length - 1;
          spans.push({ start, end: start + value.length, category: key.category });
        }
        break;
      }
    }
    return spans;
  };
}

export const declarationRules: Rule[] = [
  {
    id: 'plsql-declaration-secret',
    category: 'PASS',
    description: "A PL/SQL variable or constant named for a secret, initialized with a literal (`c_api_pass CONSTANT VARCHAR2(64) := '…';`)",
    keywords: ['varchar'],
    pattern: PLSQL_DECLARATION,
    find: declarationFinder(PLSQL_DECLARATION),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["  c_gw_pass  CONSTANT VARCHAR2(64) := 'Tz8!qLm3Wv7p';", "  l_password VARCHAR2(30 CHAR) DEFAULT 'Tz8!qLm3Wv7p';"],
      noMatch: ["  c_gw_user  CONSTANT VARCHAR2(30) := 'gw_dunning';", "  l_password VARCHAR2(30) := p_password;", "  c_pwd_hint VARCHAR2(40) := 'Tz8!qLm3Wv7p';"],
    },
  },
  {
    id: 'cobol-value-secret',
    category: 'PASS',
    description: "A COBOL data item named for a secret with its initial value (`01 WS-PWD PIC X(12) VALUE '…'.`)",
    keywords: ['pic'],
    pattern: COBOL_VALUE,
    find: declarationFinder(COBOL_VALUE),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["       01  WS-DB-PASSWORD  PIC X(12) VALUE 'Rm4vT9qLz2Wx'.", "       05  FTP-PWD PIC X(10) VALUE IS \"Kq8-Lm3vZ7\"."],
      noMatch: ["       01  WS-USER  PIC X(8)  VALUE 'BATCHUSR'.", "       01  WS-PWD-HINT  PIC X(20) VALUE 'SEE RACF PROFILE'.", "       01  WS-PWD  PIC X(12) VALUE SPACES."],
    },
  },
];
