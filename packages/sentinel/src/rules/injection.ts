import { argumentText, callArguments, SQL_TEXT } from '../flow.js';
import type { CheckResult, RuleMatch, SinkRule } from './rule.js';
import { JS_LIKE } from './rule.js';

/**
 * A query call: the query argument (index `n`, or the first that looks like SQL) must hold
 * SQL text and be built from something that is not constant. Generic method names (`query`,
 * `exec`, `where`) only count when SQL text is visible, so `cache.get(key)` is never a finding.
 */
/** Methods and receivers that only ever take SQL: no need to see SQL text in the argument. */
const SQL_ONLY =
  /executeQuery|executeUpdate|executeLargeUpdate|prepareStatement|prepareCall|createNativeQuery|createSQLQuery|queryFor\w+|\$queryRawUnsafe|\$executeRawUnsafe|Raw\s*\($|\b(?:mysql|mysqli|pg|sqlite|mssql|sqlsrv)_\w*query|FromSql|ExecuteSql|SqlQuery|Command\s*\($|(?:^|[^\w$])(?:db|tx|conn|connection|pool|client|cursor|cur|database|sqlDB|stmt|statement|sqlStatement|knex|sequelize|pdo|\$pdo|\$db|\$conn|\$mysqli|\$wpdb|jdbcTemplate|session|engine)\s*(?:->|\.)\s*\w+\s*\($/i;

/** A format string whose only placeholders are numeric (%d, %f) cannot inject SQL text. */
export function onlyNumericVerbs(format: string): boolean {
  const verbs = format.replace(/%%/g, '').match(/%[-+ #0-9.*]*[a-zA-Z]/g);
  return !!verbs && verbs.every((v) => /[dfixXobeEgGu]$/.test(v));
}

function numericFormat(text: string): boolean {
  const f = /^\s*(?:fmt\.Sprintf|String\.format|sprintf|vsprintf)\s*\(\s*"([^"]*)"/.exec(text) ?? /^\s*[fbrFBR]?["']([^"']*)["']\s*%/.exec(text);
  return !!f && onlyNumericVerbs(f[1]!);
}

function sqlQuery(n: number | 'sql', needsSqlText: boolean) {
  return (m: RuleMatch): CheckResult => {
    const { flow } = m;
    const needsText = needsSqlText && !SQL_ONLY.test(flow.code.code.slice(Math.max(0, m.start - 30), m.end));
    const open = flow.code.masked.indexOf('(', m.end - 1);
    if (open < 0) return false;
    const call = callArguments(flow.code.masked, open);
    let candidates = call.args.slice(n === 'sql' ? 0 : n, n === 'sql' ? undefined : n + 1);
    if (n === 'sql') {
      // The query is the first argument holding SQL text; without any, the first that is not a context.
      // A callback passed to a router (`app.get(path, (req, res) => …)`) is not a query.
      candidates = candidates.filter(([a, b]) => !/=>|\bfunction\b|\blambda\b|\bfunc\s*\(/.test(flow.code.masked.slice(a, b)));
      const withSql = candidates.find(([a, b]) => SQL_TEXT.test(argumentText(flow, a, b)));
      const first = candidates.find(([a, b]) => !/^\s*(?:ctx|context\.\w+\(\)|\w+\.Context\(\)|c|\$conn|\$link|\$db|\$mysqli|conn|connection)\s*$/.test(flow.code.code.slice(a, b)));
      const pick = withSql ?? (needsText ? undefined : first);
      candidates = pick ? [pick] : [];
    }
    for (const [a, b] of candidates) {
      // `execute(text("… :name"), params)`: the SQL inside text() is judged where text() is called.
      if (/^\s*(?:(?:sqlalchemy|sa)\s*\.\s*)?text\s*\(/.test(flow.code.code.slice(a, b)) && flow.language === 'python') continue;
      const text = argumentText(flow, a, b);
      if (needsText && !SQL_TEXT.test(text)) continue;
      if (numericFormat(text)) continue;
      const t = flow.expression(a, b);
      if (t.tainted) {
        const why = t.reason === 'source' ? 'user input' : t.reason === 'parameter' ? 'a function parameter' : 'non-constant parts';
        return { end: call.end, message: `SQL query built from ${why}: use a parameterised query` };
      }
    }
    return false;
  };
}

const SQL_FIX = 'Pass values as bound parameters (placeholders such as ?, $1, %s, :name) instead of building the SQL string.';
const CMD_FIX = 'Run the program directly with an argument list and no shell, and validate the input against an allow-list.';

export const injectionRules: SinkRule[] = [
  // ── SQL injection ────────────────────────────────────────────────────────
  {
    id: 'sqli/python-execute',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['python'],
    keywords: ['execute', 'read_sql', 'mogrify'],
    pattern: /\.\s*(?:execute|executemany|executescript|mogrify|read_sql(?:_query)?)\s*\(|\bpd\.read_sql(?:_query)?\s*\(/,
    when: sqlQuery(0, false),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'python', match: ['def f(uid):\n    cur.execute("SELECT * FROM t WHERE id = %s" % uid)'], noMatch: ['def f(uid):\n    cur.execute("SELECT * FROM t WHERE id = %s", (uid,))', 'def f(c):\n    conn.execute(text("SELECT * FROM t WHERE c = :c"), {"c": c})'] },
  },
  {
    id: 'sqli/django-raw',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['python'],
    keywords: ['raw', 'extra', 'rawsql', 'text('],
    pattern: /\.\s*(?:raw|extra)\s*\(|\bRawSQL\s*\(|\b(?:sqlalchemy\.|sa\.)?text\s*\(/,
    when: sqlQuery('sql', true),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'python', match: ['User.objects.raw("SELECT * FROM u WHERE n = \'%s\'" % name)'], noMatch: ['User.objects.raw("SELECT * FROM u WHERE n = %s", [name])'] },
  },
  {
    id: 'sqli/js-query',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: JS_LIKE,
    keywords: ['query', 'execute', 'raw', 'run', 'all', 'get', 'exec', 'prepare', 'unsafe'],
    pattern: /\.\s*(?:query|execute|raw|run|all|get|each|exec|prepare|unsafe|\$queryRawUnsafe|\$executeRawUnsafe|whereRaw|orderByRaw|havingRaw|joinRaw|fromRaw|selectRaw)\s*\(|\bsequelize\.query\s*\(/,
    when: sqlQuery('sql', true),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'javascript', match: ['db.query(`SELECT * FROM users WHERE id = ${req.params.id}`)'], noMatch: ['db.query("SELECT * FROM users WHERE id = $1", [req.params.id])', 'cache.get(key)'] },
  },
  {
    id: 'sqli/java-jdbc',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['java'],
    keywords: ['execute', 'prepare', 'query', 'update', 'addbatch'],
    pattern: /\.\s*(?:executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch|prepareStatement|prepareCall|createQuery|createNativeQuery|createSQLQuery|queryForObject|queryForList|queryForMap|queryForRowSet|query|update|batchUpdate)\s*\(/,
    when: sqlQuery('sql', true),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'java', match: ['stmt.executeQuery("select * from users where name=\'" + name + "\'");'], noMatch: ['PreparedStatement ps = conn.prepareStatement("select * from users where name=?");'] },
  },
  {
    id: 'sqli/go-database-sql',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['go'],
    keywords: ['query', 'exec', 'prepare', 'raw', 'where', 'select', 'order'],
    pattern: /\.\s*(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare|PrepareContext|Queryx|QueryRowx|Select|Get|MustExec|NamedExec|NamedQuery|Raw|Where|Order|Having|Joins|Group)\s*\(/,
    when: sqlQuery('sql', true),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'go', match: ['rows, err := db.Query("SELECT * FROM foo WHERE name = " + os.Args[1])'], noMatch: ['rows, err := db.Query("SELECT * FROM foo WHERE name = $1", os.Args[1])'] },
  },
  {
    id: 'sqli/php-query',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['php'],
    keywords: ['query', 'exec', 'prepare', 'select', 'raw', 'statement'],
    pattern: /\b(?:mysql_query|mysqli_query|mysqli_multi_query|mysqli_real_query|pg_query|pg_send_query|sqlite_query|mssql_query|odbc_exec|db2_exec|sqlsrv_query)\s*\(|->\s*(?:query|exec|prepare|multi_query|real_query|select|selectRaw|whereRaw|orderByRaw|havingRaw|statement|unprepared|raw)\s*\(|\bDB::(?:raw|select|statement|unprepared|insert|update|delete)\s*\(/,
    when: sqlQuery('sql', true),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'php', match: ['<?php $r = mysqli_query($conn, "SELECT * FROM users WHERE id = " . $_GET["id"]);'], noMatch: ['<?php $stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");'] },
  },
  {
    id: 'sqli/ruby-activerecord',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['ruby'],
    keywords: ['where', 'find_by_sql', 'execute', 'exec_query', 'select', 'order', 'pluck', 'exec'],
    pattern: /\.\s*(?:where|not|find_by_sql|execute|exec_query|exec_params|select_all|select_one|select_value|select_values|select_rows|order|reorder|group|having|joins|pluck|from|update_all|delete_all|destroy_all|count_by_sql|lock|find_by)\s*\(?/,
    when: (m) => {
      const { flow } = m;
      // Ruby calls may omit parentheses: the argument runs to the end of the statement.
      const masked = flow.code.masked;
      let p = m.end;
      if (masked[p - 1] === '(') p--;
      const end = masked[p] === '(' ? callArguments(masked, p).end : flow.statementEnd(p);
      const first: [number, number] = masked[p] === '(' ? (callArguments(masked, p).args[0] ?? [p, end]) : [p, end];
      const raw = flow.code.code.slice(first[0], first[1]);
      // Hash conditions (`where(name: x)`) and arrays with placeholders are parameterised.
      if (!/^\s*["'%]|^\s*\w+\s*\+|^\s*"/.test(raw) && !/#\{/.test(raw)) return false;
      if (/^\s*\[/.test(raw)) return false;
      const literal = flow.code.strings.find((s) => s.start >= first[0] && s.start < first[1]);
      if (!literal || !(literal.interpolated || /\+/.test(flow.code.masked.slice(first[0], first[1])))) return false;
      const t = flow.expression(first[0], first[1]);
      return t.tainted ? { end, message: 'SQL fragment built by string interpolation: use hash conditions or placeholders' } : false;
    },
    message: 'SQL fragment built by string interpolation', fix: 'Use hash conditions (where(name: x)) or placeholders (where("name = ?", x)).',
    examples: { language: 'ruby', match: ['User.where("name = \'#{params[:name]}\'")'], noMatch: ['User.where(name: params[:name])', 'User.where("name = ?", params[:name])'] },
  },
  {
    id: 'sqli/csharp-command',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['csharp'],
    keywords: ['command', 'sql', 'query', 'execute'],
    pattern: /\bnew\s+(?:SqlCommand|OleDbCommand|OdbcCommand|MySqlCommand|NpgsqlCommand|SQLiteCommand|SqliteCommand|OracleCommand)\s*\(|\.\s*(?:FromSqlRaw|ExecuteSqlRaw|ExecuteSqlRawAsync|FromSql|ExecuteSqlCommand|SqlQuery|ExecuteQuery|Query|QueryAsync|QueryFirst\w*|QuerySingle\w*|Execute|ExecuteAsync|ExecuteScalar\w*)\s*\(/,
    when: sqlQuery('sql', true),
    message: 'SQL query built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'csharp', match: ['var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = \'" + name + "\'", conn);'], noMatch: ['var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);'] },
  },
  {
    id: 'sqli/csharp-commandtext',
    category: 'sqli', cwe: 'CWE-89', severity: 'high', languages: ['csharp'],
    keywords: ['commandtext'],
    pattern: /\.CommandText\s*=(?!=)/,
    when: 'assign',
    message: 'SQL command text built from non-constant parts', fix: SQL_FIX,
    examples: { language: 'csharp', match: ['cmd.CommandText = "SELECT * FROM t WHERE id = " + id;'], noMatch: ['cmd.CommandText = "SELECT * FROM t WHERE id = @id";'] },
  },

  // ── Command injection ────────────────────────────────────────────────────
  {
    id: 'cmdi/node-exec',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: JS_LIKE,
    keywords: ['exec', 'spawn'],
    pattern: /(?:\b([\w$]+)\s*\.\s*|require\(\s*['"](?:node:)?child_process['"]\s*\)\s*\.\s*|(?:^|[^.\w$]))(exec|execSync|spawn|spawnSync|execFile|execFileSync)\s*\(/,
    when: (m) => {
      const { flow } = m;
      const receiver = m.groups[1];
      const fn = m.groups[2]!;
      const code = flow.code.code;
      if (receiver) {
        const r = receiver.replace(/\$/g, '\\$');
        const bound =
          /^(?:child_process|childProcess|cp)$/.test(receiver) ||
          new RegExp(`\\b${r}\\s*=\\s*require\\(\\s*['"](?:node:)?child_process['"]|import\\s+(?:\\*\\s+as\\s+)?${r}\\s+from\\s+['"](?:node:)?child_process['"]`).test(code);
        if (!bound) return false;
      } else if (!/child_process|\bexeca\b|\bshelljs\b/.test(code) && /^(?:exec|spawn)$/.test(fn) && !/\bimport\b|\brequire\b/.test(code) === false) {
        return false;
      }
      const call = callArguments(flow.code.masked, m.end - 1);
      const first = call.args[0];
      if (!first) return false;
      const shell = /^exec(?:Sync)?$/.test(fn) || /\bshell\s*:\s*(?:true|['"`])/.test(code.slice(m.start, call.end));
      // Through a shell the command and its arguments count; without one, the program to run.
      const checked = shell ? (/^exec/.test(fn) ? [first] : call.args) : [first];
      for (const [a, b] of checked) {
        if (/^\s*\{/.test(code.slice(a, b))) continue;
        const t = flow.expression(a, b);
        if (t.tainted) {
          const why = t.reason === 'source' ? 'user input' : t.reason === 'parameter' ? 'a function parameter' : 'non-constant parts';
          return { end: call.end, message: shell ? `Shell command built from ${why}` : `Program to run comes from ${why}` };
        }
      }
      return false;
    },
    message: 'Shell command built from non-constant parts', fix: CMD_FIX,
    examples: { language: 'javascript', match: ['const { exec } = require("child_process");\nexec(`ls ${req.query.dir}`);', 'var child = require("child_process"); child.exec(com)', 'const cp = require("child_process");\ncp.spawn(input, ["/etc"]);'], noMatch: ['const { exec } = require("child_process");\nexec("ls -la")', 'const m = /a/.exec(input)', 'const { spawn } = require("child_process");\nspawn("git", ["log", ref])'] },
  },
  {
    id: 'cmdi/python-wildcard',
    category: 'cmdi', cwe: 'CWE-155', severity: 'medium', languages: ['python'],
    keywords: ['*'],
    pattern: /\b(?:os\.system|os\.popen[234]?|\w+\.(?:system|popen[234]?)|subprocess\.\w+|Popen)\s*\(\s*['"][^'"\n]*\b(?:tar|chown|chmod|rsync|zip)\b[^'"\n]*\s\*/,
    when: (m) => (/\bsubprocess\.|Popen/.test(m.groups[0]) ? /shell\s*=\s*True/.test(m.flow.code.code.slice(m.start, m.flow.statementEnd(m.end))) : true),
    message: 'Shell wildcard passed to tar/chown/chmod/rsync: file names starting with "-" become options', fix: 'List the files explicitly and pass "--" before them, or use glob in Python.',
    examples: { language: 'python', match: ['os.system("/bin/tar xvzf *")'], noMatch: ['os.system("/bin/tar xvzf backup.tgz")'] },
  },
  {
    id: 'cmdi/python-os-system',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['python'],
    keywords: ['os.system', 'popen', 'getoutput', 'getstatusoutput', 'create_subprocess_shell'],
    pattern: /\b(?:os\.(?:system|popen[234]?)|commands\.(?:getoutput|getstatusoutput)|subprocess\.(?:getoutput|getstatusoutput)|popen2\.popen[234]|(?:asyncio\.)?create_subprocess_shell)\s*\(/,
    when: 'args',
    message: 'Shell command built from non-constant parts', fix: CMD_FIX,
    examples: { language: 'python', match: ['import os\ndef run(name):\n    os.system("ls " + name)'], noMatch: ['os.system("ls -la")'] },
  },
  {
    id: 'cmdi/python-subprocess-shell',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['python'],
    keywords: ['shell'],
    pattern: /\b(?:subprocess\.)?(?:call|run|Popen|check_call|check_output)\s*\(/,
    when: 'args',
    requires: /\bshell\s*=\s*(?:True|1)\b/,
    message: 'subprocess with shell=True and a non-constant command', fix: CMD_FIX,
    examples: { language: 'python', match: ['subprocess.run(f"tar xf {path}", shell=True)'], noMatch: ['subprocess.run("ls -l", shell=True)', 'subprocess.run(["tar", "xf", path])'] },
  },
  {
    id: 'cmdi/python-exec-command',
    category: 'cmdi', cwe: 'CWE-78', severity: 'high', languages: ['python'],
    keywords: ['exec_command', 'spawn'],
    pattern: /\.\s*exec_command\s*\(|\bpty\.spawn\s*\(|\bos\.(?:spawnl[pe]?|spawnv[pe]?|execl[pe]?|execv[pe]?)\s*\(/,
    when: 'args', taint: 'input',
    message: 'Command run with input-controlled text', fix: CMD_FIX,
    examples: { language: 'python', match: ['client.exec_command("cat " + request.args["f"])'], noMatch: ['client.exec_command("uptime")'] },
  },
  {
    id: 'cmdi/java-runtime-exec',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['java'],
    keywords: ['exec', 'processbuilder'],
    pattern: /\bgetRuntime\s*\(\s*\)\s*\.\s*exec\s*\(|\b(?:runtime|rt|r)\s*\.\s*exec\s*\(|\bnew\s+ProcessBuilder\s*\(|\.\s*command\s*\(/,
    when: (m) => {
      const { flow } = m;
      const call = callArguments(flow.code.masked, m.end - 1);
      const raw = flow.code.code.slice(m.start, m.end);
      // ProcessBuilder("prog", arg, …) passes an argument vector, no shell: only the program,
      // or the script handed to a shell, can inject. A single argument is a command line.
      let checked = call.args;
      if (/ProcessBuilder|command/.test(raw) && call.args.length > 1) {
        const program = flow.code.code.slice(call.args[0]![0], call.args[0]![1]);
        const shell = /^\s*"(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|zsh|cmd(?:\.exe)?|powershell(?:\.exe)?)"\s*$/.test(program);
        checked = shell ? call.args.slice(1) : call.args.slice(0, 1);
      }
      for (const [a, b] of checked) {
        if (flow.expression(a, b).tainted) return { end: call.end };
      }
      return false;
    },
    message: 'OS command built from non-constant parts', fix: CMD_FIX,
    examples: { language: 'java', match: ['Runtime.getRuntime().exec("cmd.exe /c dir " + data);'], noMatch: ['Runtime.getRuntime().exec(new String[] {"ls", "-l"});', 'Process p = new ProcessBuilder("nslookup", host).start();'] },
  },
  {
    id: 'cmdi/go-exec-command',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['go'],
    keywords: ['exec.command', 'syscall.exec', 'startprocess'],
    pattern: /\bexec\.Command(?:Context)?\s*\(|\bsyscall\.(?:Exec|ForkExec|StartProcess)\s*\(|\bos\.StartProcess\s*\(/,
    when: (m) => {
      const { flow } = m;
      const open = flow.code.masked.indexOf('(', m.end - 1);
      const call = callArguments(flow.code.masked, open);
      const raw = flow.code.code.slice(m.start, call.end);
      const args = /CommandContext/.test(raw) ? call.args.slice(1) : call.args;
      const program = args[0];
      if (!program) return false;
      const shell = /^\s*"(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|zsh|cmd(?:\.exe)?|powershell(?:\.exe)?)"\s*$/.test(flow.code.code.slice(program[0], program[1]));
      // The program itself, or the script handed to a shell, must not come from outside.
      const checked = shell ? args.slice(1) : [program];
      for (const [a, b] of checked) {
        if (/^\s*"(?:-c|\/c|\/C|-Command)"\s*$/.test(flow.code.code.slice(a, b))) continue;
        const t = flow.expression(a, b);
        if (t.tainted) return { end: call.end, message: shell ? 'Shell script built from non-constant parts (exec.Command with a shell)' : 'Program to run comes from a non-constant value' };
      }
      return false;
    },
    message: 'OS command built from non-constant parts', fix: CMD_FIX,
    examples: { language: 'go', match: ['cmd := exec.Command("sh", "-c", "ls " + dir)', 'func f(name string) { exec.Command(name).Run() }'], noMatch: ['exec.Command("git", "log", ref)'] },
  },
  {
    id: 'cmdi/php-system',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['php'],
    keywords: ['system', 'exec', 'passthru', 'popen', 'proc_open'],
    pattern: /(?:^|[^>\w$:])(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\(/,
    when: 'args',
    message: 'Shell command built from non-constant parts', fix: 'Escape each argument with escapeshellarg() or avoid the shell.',
    examples: { language: 'php', match: ['<?php system("ping " . $_GET["host"]);'], noMatch: ['<?php system("uptime");', '<?php system("ping " . escapeshellarg($_GET["host"]));'] },
  },
  {
    id: 'cmdi/backtick-interpolation',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['php', 'ruby'],
    keywords: ['`', '%x'],
    pattern: /`|%x\{|%x\(/,
    inString: true,
    when: (m) => {
      const at = m.flow.stringAt(m.start);
      const s = at?.command ? at : undefined;
      if (!s) {
        // Ruby %x{…}
        if (!/%x/.test(m.groups[0])) return false;
        const end = m.flow.statementEnd(m.end);
        return /#\{/.test(m.flow.code.code.slice(m.end, end)) ? { end } : false;
      }
      if (!s.interpolated) return false;
      const t = m.flow.expression(s.start, s.end);
      return t.tainted ? { end: s.end } : false;
    },
    message: 'Backtick shell command with interpolated values', fix: CMD_FIX,
    examples: { language: 'ruby', match: ['out = `ls #{params[:dir]}`'], noMatch: ['out = `ls -la`'] },
  },
  {
    id: 'cmdi/ruby-kernel-open',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['ruby'],
    keywords: ['open'],
    // Kernel#open (and open-uri's) runs a command when the text starts with `|`.
    pattern: /(?:^|[^.\w:])(?:Kernel\.)?open\s*\(?(?=\s*[\w@$:])/,
    when: (m) => {
      const { flow } = m;
      const end = flow.statementEnd(m.end);
      const t = flow.expression(m.end, end);
      return t.tainted && t.reason === 'source' ? { end } : false;
    },
    message: 'Kernel#open with request input can run a shell command ("|cmd") or fetch any URL', fix: 'Use File.open for files and URI(url).open / Net::HTTP for allow-listed URLs.',
    examples: { language: 'ruby', match: ['body = open(params[:url]).read'], noMatch: ['body = File.open(params[:name])', 'f = open("config.yml")'] },
  },
  {
    id: 'cmdi/ruby-system',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['ruby'],
    keywords: ['system', 'exec', 'spawn', 'popen', 'open3', 'capture'],
    pattern: /(?:^|[^.\w])(?:Kernel\.)?(?:system|exec|spawn)[\s(]|\bIO\.popen\s*\(?|\bOpen3\.(?:popen3|popen2|popen2e|capture2|capture2e|capture3|pipeline\w*)\s*\(?|(?:^|[^.\w])open\s*\(\s*["']\|/,
    when: (m) => {
      const { flow } = m;
      const masked = flow.code.masked;
      let p = m.end;
      while (masked[p] === ' ') p++;
      const paren = masked[p - 1] === '(' ? p - 1 : masked[p] === '(' ? p : -1;
      const args = paren >= 0 ? callArguments(masked, paren).args : [[p, flow.statementEnd(p)] as [number, number]];
      const first = args[0];
      if (!first) return false;
      // Several arguments run the program without a shell.
      if (paren >= 0 && args.length > 1 && !/^\s*\{/.test(flow.code.code.slice(first[0], first[1]))) return false;
      const t = flow.expression(first[0], first[1]);
      return t.tainted ? { end: first[1] } : false;
    },
    message: 'Shell command built from non-constant parts', fix: 'Pass the program and its arguments separately (system("ls", dir)) and validate the input.',
    examples: { language: 'ruby', match: ['system("convert #{params[:file]} out.png")'], noMatch: ['system("convert", params[:file], "out.png")', "Open3.popen3('ls -la')"] },
  },
  {
    id: 'cmdi/csharp-process',
    category: 'cmdi', cwe: 'CWE-78', severity: 'critical', languages: ['csharp'],
    keywords: ['process', 'processstartinfo'],
    pattern: /\bProcess\.Start\s*\(|\bnew\s+ProcessStartInfo\s*\(/,
    when: 'args', args: 'all',
    message: 'Process started with a non-constant command line', fix: CMD_FIX,
    examples: { language: 'csharp', match: ['Process.Start("cmd.exe", "/c " + input);'], noMatch: ['Process.Start("notepad.exe");'] },
  },

  // ── Code evaluation ──────────────────────────────────────────────────────
  {
    id: 'eval/js-eval',
    category: 'eval', cwe: 'CWE-95', severity: 'high', languages: JS_LIKE,
    keywords: ['eval', 'function', 'settimeout', 'setinterval', 'runin', 'script'],
    pattern: /(?:^|[^.\w$])(?:eval|execScript)\s*\(|\bnew\s+Function\s*\(|(?:^|[^.\w$])(?:setTimeout|setInterval|setImmediate)\s*\(\s*(?=["'`]|[\w$.]+\s*\+)|\bvm\.(?:runInNewContext|runInThisContext|runInContext|compileFunction)\s*\(|\bnew\s+vm\.Script\s*\(/,
    when: 'args', args: 'all',
    unless: /^\s*(?:set(?:Timeout|Interval|Immediate))\s*\(\s*(?:function|\(|async|[\w$]+\s*(?:,|\)))/,
    message: 'Code evaluated from a non-constant string', fix: 'Do not evaluate strings as code: parse the data (JSON.parse) or dispatch through a fixed table of functions.',
    examples: { language: 'javascript', match: ['eval(req.body.expr)'], noMatch: ['eval("2 + 2")', 'setTimeout(() => run(), 10)'] },
  },
  {
    id: 'eval/python-eval',
    category: 'eval', cwe: 'CWE-95', severity: 'high', languages: ['python'],
    keywords: ['eval', 'exec', 'compile'],
    pattern: /(?:^|[^.\w])(?:eval|exec|compile)\s*\(/,
    when: 'args',
    message: 'Code evaluated from a non-constant string', fix: 'Use ast.literal_eval for data, or a fixed mapping of allowed operations.',
    examples: { language: 'python', match: ['result = eval(request.args["expr"])'], noMatch: ['ast.literal_eval(text)', 'eval("1 + 2")'] },
  },
  {
    id: 'eval/php-eval',
    category: 'eval', cwe: 'CWE-95', severity: 'high', languages: ['php'],
    keywords: ['eval', 'assert', 'create_function', 'preg_replace'],
    pattern: /(?:^|[^>\w$:])(?:eval|assert|create_function)\s*\(|\bpreg_replace\s*\(\s*['"](.).*\1[a-zA-Z]*e[a-zA-Z]*['"]/,
    when: 'args', args: 'all',
    message: 'Code evaluated from a non-constant string', fix: 'Never evaluate strings built from input as PHP code.',
    examples: { language: 'php', match: ['<?php eval($_POST["code"]);'], noMatch: ['<?php eval("return 1;");'] },
  },
  {
    id: 'eval/ruby-eval',
    category: 'eval', cwe: 'CWE-95', severity: 'high', languages: ['ruby'],
    keywords: ['eval', 'send', 'constantize'],
    pattern: /(?:^|[^.\w])(?:eval|instance_eval|class_eval|module_eval)[\s(]|\.(?:send|public_send|constantize|safe_constantize)\s*\(?\s*(?=params|request)/,
    when: (m) => {
      const end = m.flow.statementEnd(m.end - 1);
      const t = m.flow.expression(m.end - 1, end);
      return t.tainted && !/^\s*do\b|^\s*\{/.test(m.flow.code.code.slice(m.end, end)) ? { end } : false;
    },
    message: 'Code evaluated from a non-constant string', fix: 'Dispatch through an allow-list instead of evaluating or sending input.',
    examples: { language: 'ruby', match: ['eval(params[:code])'], noMatch: ['eval("1 + 1")'] },
  },
  {
    id: 'eval/java-script-engine',
    category: 'eval', cwe: 'CWE-95', severity: 'high', languages: ['java', 'csharp'],
    keywords: ['eval', 'evaluate'],
    pattern: /\b(?:engine|scriptEngine|se|js|nashorn)\s*\.\s*eval\s*\(|\bCSharpScript\.(?:EvaluateAsync|RunAsync|Create)\s*\(/,
    when: 'args',
    message: 'Script evaluated from a non-constant string', fix: 'Do not evaluate input as script code.',
    examples: { language: 'java', match: ['engine.eval(request.getParameter("expr"));'], noMatch: ['engine.eval("1 + 1");'] },
  },

  // ── Path traversal ───────────────────────────────────────────────────────
  {
    id: 'path/node-fs',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: JS_LIKE,
    keywords: ['fs', 'sendfile', 'download', 'readfile', 'createreadstream'],
    pattern: /\b(?:fs|fsp|fs\.promises|fse)\s*\.\s*(?:readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|createReadStream|createWriteStream|unlink|unlinkSync|rm|rmSync|readdir|readdirSync|open|openSync|stat|access|mkdir|rename|copyFile|exists|existsSync)\s*\(|\bres\s*\.\s*(?:sendFile|download)\s*\(/,
    when: 'args', taint: 'source',
    unless: /\broot\s*:/,
    message: 'File path built from input', fix: 'Resolve the path against a fixed base directory and check it stays inside (path.resolve + startsWith), or use path.basename.',
    examples: { language: 'javascript', match: ['fs.readFile("/data/" + req.query.file, cb)'], noMatch: ['fs.readFile("/etc/app.json", cb)'] },
  },
  {
    id: 'path/python-open',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: ['python'],
    keywords: ['open', 'send_file', 'send_from_directory', 'remove', 'unlink', 'fileresponse'],
    pattern: /(?:^|[^.\w])open\s*\(|\b(?:send_file|FileResponse|os\.remove|os\.unlink|shutil\.rmtree|os\.listdir|pathlib\.Path|Path)\s*\(/,
    when: 'args', taint: 'source',
    message: 'File path built from input', fix: 'Use werkzeug.utils.secure_filename / os.path.basename, or resolve the path and check it stays under a base directory.',
    examples: { language: 'python', match: ['f = open("/srv/files/" + request.args["name"])'], noMatch: ['f = open("config.json")'] },
  },
  {
    id: 'path/java-file',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: ['java'],
    keywords: ['file', 'paths', 'path.of'],
    pattern: /\bnew\s+(?:File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)\s*\(|\b(?:Paths\.get|Path\.of)\s*\(/,
    when: (m) => {
      const { flow } = m;
      const call = callArguments(flow.code.masked, m.end - 1);
      // Paths.get(input).getFileName() keeps only the last name: the usual way to drop directories.
      if (/^\s*\.\s*getFileName\s*\(/.test(flow.code.code.slice(call.end, call.end + 40))) return false;
      for (const [a, b] of call.args) {
        const t = flow.expression(a, b);
        if (t.tainted && t.reason === 'source') return { end: call.end };
      }
      return false;
    },
    message: 'File path built from input', fix: 'Normalise the path and verify it stays under the intended base directory.',
    examples: { language: 'java', match: ['File f = new File("/uploads/" + request.getParameter("name"));'], noMatch: ['File f = new File("/etc/app.conf");', 'String n = Paths.get(request.getParameter("f")).getFileName().toString();'] },
  },
  {
    id: 'path/go-file',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: ['go'],
    keywords: ['os.open', 'readfile', 'servefile', 'os.create', 'openfile'],
    pattern: /\b(?:os\.(?:Open|OpenFile|Create|ReadFile|WriteFile|Remove|RemoveAll)|ioutil\.(?:ReadFile|WriteFile)|http\.ServeFile)\s*\(/,
    when: 'args', args: 'all', taint: 'source',
    message: 'File path built from input', fix: 'Clean the path (filepath.Clean), join it to a base and check the prefix, or use os.Root / filepath.Base.',
    examples: { language: 'go', match: ['data, _ := os.ReadFile(r.URL.Query().Get("f"))'], noMatch: ['data, _ := os.ReadFile("config.yaml")'] },
  },
  {
    id: 'path/php-include',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: ['php'],
    keywords: ['include', 'require', 'file_get_contents', 'fopen', 'readfile', 'unlink', 'file('],
    pattern: /\b(?:include|include_once|require|require_once)\b\s*\(?|\b(?:file_get_contents|fopen|readfile|unlink|file|file_put_contents)\s*\(/,
    when: (m) => {
      const end = m.flow.statementEnd(m.end);
      const t = m.flow.expression(m.start, end);
      return t.tainted && t.reason === 'source' ? { end } : false;
    },
    message: 'File path built from input', fix: 'Map input to a fixed set of files, or use basename() and a base directory.',
    examples: { language: 'php', match: ['<?php include($_GET["page"] . ".php");'], noMatch: ['<?php include "header.php";', '<?php $p = in_array($_GET["p"], $allowed, true) ? $_GET["p"] : "home";\ninclude "pages/" . $p . ".php";'] },
  },
  {
    id: 'path/ruby-file',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: ['ruby'],
    keywords: ['file', 'send_file'],
    pattern: /\bFile\.(?:open|read|write|readlines|delete|new)\s*\(?|\bsend_file\s*\(?|\bIO\.read\s*\(?/,
    when: (m) => {
      const end = m.flow.statementEnd(m.end);
      const t = m.flow.expression(m.end, end);
      return t.tainted && t.reason === 'source' ? { end } : false;
    },
    message: 'File path built from input', fix: 'Use File.basename and a fixed base directory.',
    examples: { language: 'ruby', match: ['send_file "/files/#{params[:name]}"'], noMatch: ['File.read("config.yml")'] },
  },
  {
    id: 'path/csharp-file',
    category: 'path', cwe: 'CWE-22', severity: 'high', languages: ['csharp'],
    keywords: ['file.', 'filestream', 'physicalfile'],
    pattern: /\bFile\.(?:ReadAllText|ReadAllBytes|ReadAllLines|WriteAllText|WriteAllBytes|Open|OpenRead|OpenWrite|Delete|Copy|Move)\s*\(|\bnew\s+FileStream\s*\(|\bPhysicalFile\s*\(/,
    when: 'args', taint: 'source',
    message: 'File path built from input', fix: 'Use Path.GetFileName and check the full path stays under the base directory.',
    examples: { language: 'csharp', match: ['var t = File.ReadAllText("/data/" + Request.Query["f"]);'], noMatch: ['var t = File.ReadAllText("appsettings.json");'] },
  },

  // ── Server-side request forgery ──────────────────────────────────────────
  {
    id: 'ssrf/http-client',
    category: 'ssrf', cwe: 'CWE-918', severity: 'high', languages: ['javascript', 'typescript', 'python', 'go', 'java', 'php', 'ruby', 'csharp'],
    keywords: ['fetch', 'axios', 'http', 'request', 'got', 'urlopen', 'curl', 'url', 'open', 'getasync', 'httparty'],
    pattern: /(?:^|[^.\w$])(?:fetch|got|needle)\s*\(|\baxios(?:\.(?:get|post|put|patch|delete|head|request))?\s*\(|\bhttps?\.(?:get|request)\s*\(|\brequests\.(?:get|post|put|patch|delete|head|request)\s*\(|\burllib\.request\.urlopen\s*\(|\burlopen\s*\(|\bhttpx\.(?:get|post|put|delete|request)\s*\(|\bhttp\.(?:Get|Post|Head|NewRequest(?:WithContext)?)\s*\(|\bnew\s+URL\s*\((?=[^)]*\)\s*\.\s*open)|\bcurl_init\s*\(|\bCURLOPT_URL\s*,|\bNet::HTTP\.get(?:_response)?\s*\(|\bURI\.open\s*\(|\bHTTParty\.(?:get|post)\s*\(|\.\s*(?:GetAsync|GetStringAsync|PostAsync|SendAsync)\s*\(|\b(?:file_get_contents|fopen)\s*\((?=\s*\$)/,
    when: (m) => {
      const { flow } = m;
      const masked = flow.code.masked;
      const open = masked[m.end - 1] === '(' ? m.end - 1 : -1;
      let span: [number, number] | undefined;
      if (open >= 0) {
        const args = callArguments(masked, open).args;
        // http.NewRequest(method, url, body) / NewRequestWithContext(ctx, method, url, body)
        const raw = flow.code.code.slice(m.start, m.end);
        span = /NewRequestWithContext/.test(raw) ? args[2] : /NewRequest/.test(raw) ? args[1] : args[0];
      } else span = [m.end, flow.statementEnd(m.end)];
      if (!span) return false;
      const text = flow.code.code.slice(span[0], span[1]).trim();
      // A literal scheme and host fix the destination; only the path varies.
      if (/^(?:[fFrRbB]{0,2}["'`]|\$?@?")https?:\/\/[^/"'`$#{}%+]+\//.test(text)) return false;
      if (/^\s*\{/.test(text) && !/\burl\s*:/.test(text)) return false;
      const t = flow.expression(span[0], span[1]);
      return t.tainted && t.reason === 'source' ? { end: span[1] } : false;
    },
    message: 'Outgoing request to a URL taken from input (SSRF)', fix: 'Allow-list the hosts the server may call and reject private/loopback addresses after resolving.',
    examples: { language: 'python', match: ['r = requests.get(request.args["url"])'], noMatch: ['r = requests.get("https://api.example.com/users/" + uid)', 'url = request.args["url"]\nif urlparse(url).hostname not in ALLOWED_HOSTS:\n    abort(400)\nr = requests.get(url)'] },
  },

  // ── Unsafe deserialisation ───────────────────────────────────────────────
  {
    id: 'deser/python-pickle',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['python'],
    keywords: ['pickle', 'marshal', 'dill', 'shelve', 'jsonpickle', 'yaml'],
    pattern: /\b(?:c?[Pp]ickle|_pickle|dill|marshal|jsonpickle)\.(?:loads?|decode|Unpickler)\s*\(|\bshelve\.open\s*\(|\byaml\.(?:unsafe_load|unsafe_load_all|full_load|full_load_all)\s*\(/,
    when: 'always',
    message: 'Deserialising untrusted data with pickle/marshal/unsafe YAML can run arbitrary code', fix: 'Use JSON, or yaml.safe_load; never unpickle data from outside the process.',
    examples: { language: 'python', match: ['obj = pickle.loads(data)'], noMatch: ['obj = json.loads(data)'] },
  },
  {
    id: 'deser/python-yaml-load',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['python'],
    keywords: ['yaml.load'],
    pattern: /\byaml\.load(?:_all)?\s*\(/,
    when: 'always',
    unless: /Loader\s*=\s*(?:yaml\.)?(?:C?SafeLoader|BaseLoader)\b|^yaml\.load\s*\([^,()]*,\s*(?:yaml\.)?C?SafeLoader\s*\)/,
    message: 'yaml.load without SafeLoader can construct arbitrary objects', fix: 'Use yaml.safe_load(...) or Loader=yaml.SafeLoader.',
    examples: { language: 'python', match: ['cfg = yaml.load(text)'], noMatch: ['cfg = yaml.load(text, Loader=yaml.SafeLoader)', 'cfg = yaml.safe_load(text)'] },
  },
  {
    id: 'deser/java-object-stream',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['java'],
    keywords: ['objectinputstream', 'xmldecoder', 'yaml', 'xstream', 'enabledefaulttyping'],
    pattern: /\bnew\s+(?:ObjectInputStream|XMLDecoder)\s*\(|\bnew\s+Yaml\s*\(\s*\)\s*\.\s*load\s*\(|\bxstream\.fromXML\s*\(|\.enableDefaultTyping\s*\(|\.activateDefaultTyping\s*\(/i,
    when: 'always',
    message: 'Java deserialisation of untrusted data can run arbitrary code', fix: 'Use a data format (JSON with explicit types) or an ObjectInputFilter allow-list.',
    examples: { language: 'java', match: ['ObjectInputStream in = new ObjectInputStream(socket.getInputStream());'], noMatch: ['DataInputStream in = new DataInputStream(s);'] },
  },
  {
    id: 'deser/php-unserialize',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['php'],
    keywords: ['unserialize'],
    pattern: /(?:^|[^>\w$:])unserialize\s*\(/,
    when: 'args',
    unless: /allowed_classes['"]\s*=>\s*false/,
    message: 'unserialize() of non-constant data can instantiate arbitrary objects', fix: "Use json_decode(), or unserialize($s, ['allowed_classes' => false]).",
    examples: { language: 'php', match: ['<?php $o = unserialize($_COOKIE["data"]);'], noMatch: ["<?php $o = unserialize($s, ['allowed_classes' => false]);"] },
  },
  {
    id: 'deser/ruby-marshal',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['ruby'],
    keywords: ['marshal', 'yaml', 'oj.'],
    pattern: /\bMarshal\.(?:load|restore)\b|\b(?:YAML|Psych)\.(?:unsafe_load|load_documents)\b|\bOj\.load\b(?![^\n]*mode:\s*:strict)/,
    when: 'always',
    message: 'Deserialising untrusted data with Marshal/unsafe YAML can run arbitrary code', fix: 'Use JSON.parse or YAML.safe_load.',
    examples: { language: 'ruby', match: ['obj = Marshal.load(cookies[:state])'], noMatch: ['obj = JSON.parse(body)'] },
  },
  {
    id: 'deser/ruby-yaml-load-input',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['ruby'],
    keywords: ['yaml.load', 'psych.load'],
    // Before Psych 4 (Ruby < 3.1, still common in Rails apps) YAML.load builds arbitrary objects.
    pattern: /\b(?:YAML|Psych)\.load\s*\(/,
    when: 'args', taint: 'source',
    message: 'YAML.load of request data can instantiate arbitrary objects on Psych < 4', fix: 'Use YAML.safe_load (with permitted_classes if needed).',
    examples: { language: 'ruby', match: ['data = YAML.load(params[:config])'], noMatch: ['data = YAML.safe_load(params[:config])', 'cfg = YAML.load(File.read("config.yml"))'] },
  },
  {
    id: 'deser/dotnet-formatter',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: ['csharp'],
    keywords: ['formatter', 'typenamehandling', 'javascriptserializer'],
    pattern: /\bnew\s+(?:BinaryFormatter|NetDataContractSerializer|SoapFormatter|LosFormatter|ObjectStateFormatter)\s*\(|\bTypeNameHandling\s*=\s*TypeNameHandling\.(?:All|Auto|Objects|Arrays)\b|\bnew\s+JavaScriptSerializer\s*\(\s*new\s+SimpleTypeResolver/,
    when: 'always',
    message: 'Insecure .NET deserialiser: untrusted input can run arbitrary code', fix: 'Use System.Text.Json with known types; BinaryFormatter is obsolete and unsafe.',
    examples: { language: 'csharp', match: ['var f = new BinaryFormatter();'], noMatch: ['var o = JsonSerializer.Deserialize<Order>(json);'] },
  },
  {
    id: 'deser/node-serialize',
    category: 'deser', cwe: 'CWE-502', severity: 'high', languages: JS_LIKE,
    keywords: ['unserialize', 'node-serialize', 'funcster'],
    pattern: /\b(?:serialize|serialijse|funcster)\.(?:unserialize|deserialize)\s*\(/,
    when: 'args',
    message: 'node-serialize style unserialize() runs functions embedded in the data', fix: 'Use JSON.parse.',
    examples: { language: 'javascript', match: ['const o = serialize.unserialize(req.cookies.profile)'], noMatch: ['const o = JSON.parse(req.cookies.profile)'] },
  },
];
