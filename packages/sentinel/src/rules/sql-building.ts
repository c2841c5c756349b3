import { callArguments, type Flow, SQL_TEXT } from '../flow.js';
import type { SentinelFinding } from '../types.js';
import { onlyNumericVerbs } from './injection.js';

const FORMAT_CALL = /(?:Sprintf|sprintf|String\.format|\.format|Format|vsprintf|fmt\.Sprint(?:f|ln)?)\s*\(\s*$/;
const BUILD_AFTER = /^\s*(?:\+(?!\+)|%(?!=)|\.\s*(?:format|replace|concat|join|formatted)\s*\(|\.(?![\w$])|\.\s*(?=\$))/;

/**
 * SQL text built into a string: a literal holding a statement that is interpolated,
 * concatenated or formatted with values that are not constant. Reported at the literal,
 * wherever the string is used afterwards (the query call may be out of the snippet).
 */
export function findSqlBuilding(flow: Flow): SentinelFinding[] {
  const findings: SentinelFinding[] = [];
  const { masked, strings } = flow.code;
  const reported = new Set<number>();
  for (const s of strings) {
    if (s.content.length < 12 || !SQL_TEXT.test(s.content)) continue;
    if (!/^\s*\(?\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|MERGE|CREATE|DROP|ALTER|TRUNCATE|EXEC|CALL)\b/i.test(s.content) && !/\b(?:WHERE|ORDER BY|VALUES|SET)\b/i.test(s.content)) continue;
    let dynamic = false;
    let end = s.end;
    if (s.interpolated) {
      dynamic = flow.expression(s.start, s.end).tainted;
    }
    if (!dynamic) {
      const after = masked.slice(s.end, s.end + 40);
      const before = masked.slice(Math.max(0, s.start - 40), s.start);
      if (/^\s*%/.test(after) && onlyNumericVerbs(s.content)) {
        // "… id = %d" % n cannot inject SQL text.
      } else if (BUILD_AFTER.test(after)) {
        end = flow.statementEnd(s.end);
        dynamic = flow.expression(s.end, end).tainted;
      } else if (FORMAT_CALL.test(before)) {
        if (onlyNumericVerbs(s.content)) continue;
        const open = masked.lastIndexOf('(', s.start);
        const call = callArguments(masked, open);
        end = call.end;
        for (const [a, b] of call.args.slice(1)) if (flow.expression(a, b).tainted) dynamic = true;
      } else if (/(?:\+|\.)\s*$/.test(before) && !/\+\+\s*$/.test(before)) {
        // Middle of a concatenation: the head literal reports it unless it was not SQL.
        const stmtStart = masked.lastIndexOf('\n', s.start) + 1;
        const head = strings.find((x) => x.start >= stmtStart && x.start < s.start && SQL_TEXT.test(x.content));
        if (!head) {
          end = flow.statementEnd(s.end);
          dynamic = flow.expression(stmtStart, end).tainted;
        }
      }
    }
    if (!dynamic) continue;
    const line = flow.lineOf(s.start);
    if (reported.has(line)) continue;
    reported.add(line);
    findings.push({
      category: 'sqli',
      rule: 'sqli/string-building',
      severity: 'high',
      line: line + 1,
      endLine: flow.lineOf(Math.max(s.start, end - 1)) + 1,
      column: s.start - flow.lineStarts[line]! + 1,
      message: 'SQL text built from non-constant values by concatenation, formatting or interpolation',
      fix: 'Keep the SQL constant and pass values as bound parameters (?, $1, %s, :name).',
      cwe: 'CWE-89',
    });
  }
  return findings;
}

