#!/usr/bin/env node
// Benchmark: `takumo scan` throughput next to ripgrep running an equivalent set of secret
// patterns (`rg -f`) and secretlint's recommended preset, on the same generated tree, in
// one run. Figures are MB/s and ratios, so they survive a slower machine.
//
// The tree (≥ 40 MB of realistic source in many languages, with sparse fake secrets) is
// generated deterministically into .bench/scan-tree-v2 and reused by later runs.
// secretlint runs on the same files, best of two by default (each run takes tens of seconds:
// its time per file grows with the number of files it is given, so a subset would flatter
// it), and its start-up is measured apart and taken out.
//
// Usage: node bench/scan.bench.mjs [--runs N] [--secretlint-runs N]   (uses the BUILT CLI: npm run build first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'packages/takumo/bin/takumo.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const slRunsArg = process.argv.indexOf('--secretlint-runs');
/** secretlint takes tens of seconds a run: fewer runs than the others by default. */
const SECRETLINT_RUNS = slRunsArg > 0 ? Number(process.argv[slRunsArg + 1]) : Math.min(RUNS, 2);
const TARGET_BYTES = 42 * 1024 * 1024;
const TREE = join(repo, '.bench/scan-tree-v2');
const WORK = join(repo, '.bench/scan-work');

// ---------------------------------------------------------------- deterministic generator
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261126);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chars = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const WORDS = 'user order invoice payment account session cache queue worker report metric event handler client server config router model service repository token stream buffer record batch schedule task item price cart product customer address email message channel upload download file image thumbnail search index filter page limit offset count total status result error retry timeout deadline region zone cluster node pod deployment build release version feature flag toggle audit log trace span'.split(' ');
const SERVICES = WORDS.slice(0, 12).map((w, i) => `${w}-svc-${i}`);
const MODULES = WORDS.slice(20, 25);
const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
const snake = () => `${pick(WORDS)}_${pick(WORDS)}`;
const sentence = () => Array.from({ length: int(4, 12) }, () => pick(WORDS)).join(' ');
const uuid = () => `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)}`;

// Sparse fake secrets of the kinds the rules cover (one in roughly every 25 files).
const SECRET_MAKERS = [
  () => `ghp_${chars(ALNUM, 36)}`,
  () => `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  () => `sk_live_${chars(ALNUM, 32)}`,
  () => `xoxb-${int(1e10, 9e10)}-${int(1e10, 9e10)}-${chars(ALNUM, 24)}`,
  () => `postgres://app:${chars(ALNUM, 14)}@db.internal:5432/orders`,
  () => `glpat-${chars(ALNUM, 20)}`,
  () => `AIza${chars(ALNUM, 35)}`,
];
const secret = () => pick(SECRET_MAKERS)();

const LANGS = {
  ts: () => `export async function ${ident()}(${pick(WORDS)}: ${pick(['string', 'number', 'Record<string, unknown>'])}): Promise<void> {\n  const ${ident()} = await this.${ident()}.${pick(['find', 'load', 'fetch', 'get'])}(${pick(WORDS)}, { limit: ${int(1, 500)} });\n  if (!${pick(WORDS)}) throw new Error('${sentence()}');\n  logger.info(\`${sentence()} \${${pick(WORDS)}.id}\`);\n}\n\n`,
  js: () => `const ${ident()} = require('./${pick(WORDS)}/${pick(WORDS)}');\nmodule.exports.${ident()} = function (${pick(WORDS)}, cb) {\n  return ${ident()}.${pick(WORDS)}(${pick(WORDS)}).then((r) => cb(null, r.${pick(WORDS)} * ${int(2, 99)}));\n};\n\n`,
  py: () => `def ${snake()}(self, ${pick(WORDS)}: str, ${pick(WORDS)}: int = ${int(0, 100)}) -> dict:\n    """${sentence()}."""\n    ${pick(WORDS)} = self.${snake()}.get(${pick(WORDS)}, timeout=${int(1, 60)})\n    return {"${pick(WORDS)}": ${pick(WORDS)}, "id": "${uuid()}"}\n\n`,
  go: () => `func (s *${ident()}) ${ident()}(ctx context.Context, ${pick(WORDS)} string) (*${ident()}, error) {\n\tif err := s.${pick(WORDS)}.${ident()}(ctx, ${pick(WORDS)}); err != nil {\n\t\treturn nil, fmt.Errorf("${sentence()}: %w", err)\n\t}\n\treturn &${ident()}{ID: "${uuid()}"}, nil\n}\n\n`,
  java: () => `    public ${ident()} ${ident()}(final String ${pick(WORDS)}, int ${pick(WORDS)}) {\n        // ${sentence()}\n        return ${pick(WORDS)}Repository.findBy${ident()}(${pick(WORDS)}).orElseThrow(() -> new IllegalStateException("${sentence()}"));\n    }\n\n`,
  rb: () => `  def ${snake()}(${pick(WORDS)})\n    @${pick(WORDS)} ||= ${ident()}.where(${pick(WORDS)}: ${pick(WORDS)}).limit(${int(1, 50)})\n    # ${sentence()}\n  end\n\n`,
  php: () => `    public function ${ident()}($${pick(WORDS)})\n    {\n        $${pick(WORDS)} = $this->${pick(WORDS)}->${ident()}($${pick(WORDS)}, ${int(1, 100)});\n        return response()->json(['${pick(WORDS)}' => $${pick(WORDS)}]);\n    }\n\n`,
  rs: () => `pub fn ${snake()}(${pick(WORDS)}: &str) -> Result<${ident()}, Error> {\n    let ${pick(WORDS)} = ${pick(WORDS)}.parse::<u64>().map_err(|e| Error::new(format!("${sentence()}: {e}")))?;\n    Ok(${ident()} { id: ${int(1, 99999)} })\n}\n\n`,
  yaml: () => `${pick(WORDS)}:\n  ${pick(WORDS)}: ${pick(['true', 'false', int(1, 9999), `"${sentence()}"`])}\n  image: registry.example.com/${pick(WORDS)}:${int(1, 9)}.${int(0, 20)}.${int(0, 9)}\n  checksum: sha256:${chars(HEX, 64)}\n`,
  json: () => `  "${pick(WORDS)}-${int(1, 999)}": { "version": "${int(1, 9)}.${int(0, 30)}.${int(0, 9)}", "resolved": "https://registry.npmjs.org/${pick(WORDS)}/-/${pick(WORDS)}.tgz", "integrity": "sha512-${chars(ALNUM, 86)}==" },\n`,
  tf: () => `resource "aws_${snake()}" "${pick(WORDS)}" {\n  name   = "${pick(WORDS)}-${pick(WORDS)}"\n  count  = ${int(1, 5)}\n  tags   = { Team = "${pick(WORDS)}" }\n}\n\n`,
  sql: () => `SELECT ${snake()}, ${snake()} FROM ${pick(WORDS)}s WHERE ${pick(WORDS)}_id = $1 AND created_at > now() - interval '${int(1, 30)} days';\n`,
  md: () => `## ${sentence()}\n\n${sentence()}. ${sentence()}. See commit ${chars(HEX, 40)}.\n\n`,
  properties: () => `${pick(WORDS)}.${pick(WORDS)}.${pick(WORDS)}=${pick(['true', int(1, 9999), sentence()])}\n`,
};
const EXT = Object.keys(LANGS);
const SECRET_LINE = {
  ts: (s) => `const ${pick(WORDS)}Token = "${s}";\n`,
  js: (s) => `const apiKey = '${s}';\n`,
  py: (s) => `API_KEY = "${s}"\n`,
  go: (s) => `\tapiKey := "${s}"\n`,
  java: (s) => `    private static final String API_KEY = "${s}";\n`,
  rb: (s) => `  API_KEY = '${s}'\n`,
  php: (s) => `$apiKey = '${s}';\n`,
  rs: (s) => `const API_KEY: &str = "${s}";\n`,
  yaml: (s) => `  api_key: ${s}\n`,
  json: (s) => `  "apiKey": "${s}",\n`,
  tf: (s) => `  token = "${s}"\n`,
  sql: (s) => `-- connection: ${s}\n`,
  md: (s) => `Use the key \`${s}\` for staging.\n`,
  properties: (s) => `api.key=${s}\n`,
};

function generateTree() {
  rmSync(TREE, { recursive: true, force: true });
  let total = 0;
  let files = 0;
  let secrets = 0;
  while (total < TARGET_BYTES) {
    const ext = pick(EXT);
    // About 300 folders for ~2,800 files: the files-per-folder ratio of a real repository.
    const dir = join(TREE, `services/${SERVICES[int(0, SERVICES.length - 1)]}`, pick(['src', 'lib', 'internal', 'config', 'docs']), pick(MODULES));
    mkdirSync(dir, { recursive: true });
    const target = int(1500, 30000);
    let body = ext === 'json' ? '{\n' : '';
    const secretAt = rand() < 0.04 ? int(0, target) : -1;
    while (body.length < target) {
      if (secretAt >= 0 && body.length >= secretAt && !body.includes('\u0001')) {
        body += SECRET_LINE[ext](secret()) + '\u0001';
        secrets++;
      }
      body += LANGS[ext]();
    }
    body = body.replaceAll('\u0001', '');
    if (ext === 'json') body += '  "end": true\n}\n';
    const name = `${pick(WORDS)}_${files}.${ext}`;
    writeFileSync(join(dir, name), body);
    total += Buffer.byteLength(body);
    files++;
  }
  writeFileSync(join(TREE, '.complete'), JSON.stringify({ bytes: total, files, secrets }));
}

function listFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile() && e.name !== '.complete') out.push(p);
  }
  return out.sort();
}

// Secret patterns for ripgrep: the same families Takumo covers (provider prefixes, generic
// assignments, connection strings, private keys, JWTs, bearer values, private addresses).
const RG_PATTERNS = [
  'gh[pousr]_[A-Za-z0-9]{36,255}',
  'github_pat_[A-Za-z0-9_]{82}',
  'glpat-[A-Za-z0-9_-]{20}',
  '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
  '(?i)aws.{0,20}secret.{0,20}[\'"][A-Za-z0-9/+=]{40}[\'"]',
  '[rs]k_(?:live|test)_[A-Za-z0-9]{24,99}',
  'xox[baprs]-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9-]{24,34}',
  'hooks\\.slack\\.com/services/[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]+',
  'AIza[0-9A-Za-z_-]{35}',
  'sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120}',
  'sk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}',
  'npm_[A-Za-z0-9]{36}',
  'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}',
  'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
  'AC[a-f0-9]{32}',
  'dop_v1_[a-f0-9]{64}',
  'shpat_[a-fA-F0-9]{32}',
  'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}',
  '-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----',
  '(?i)(?:postgres(?:ql)?|mysql|mongodb(?:\\+srv)?|redis|amqps?)://[^:\\s/]+:[^@\\s]+@[^\\s/]+',
  '(?i)[a-z][a-z0-9+.-]*://[^:/\\s]+:[^@/\\s]{3,}@',
  '(?i)(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|auth[_-]?token|client[_-]?secret)["\']?\\s*[:=]\\s*["\']?[^\\s"\']{8,}',
  '(?i)authorization:\\s*(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{16,}',
  '(?:10|127)\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}',
  '192\\.168\\.[0-9]{1,3}\\.[0-9]{1,3}',
  '172\\.(?:1[6-9]|2[0-9]|3[01])\\.[0-9]{1,3}\\.[0-9]{1,3}',
  '[a-z0-9.-]+\\.(?:internal|local|corp|lan|intranet)\\b',
  'AccountKey=[A-Za-z0-9+/=]{86,88}',
];

// ---------------------------------------------------------------- measurement
// Each command runs under bash's `time`, which reports the child's CPU time (user + sys)
// next to the wall-clock time: on a shared machine the wall clock also measures everyone
// else's load, while CPU time is the work each tool did for the same bytes.
function timeRun(cmd, args, options = {}) {
  const out = join(WORK, 'stdout.txt');
  const script = 'TIMEFORMAT="%R %U %S"; { time "$@" >"$OUT" 2>"$ERR"; } 2>"$TIMES"; echo $? >"$STATUS"';
  const env = { ...process.env, OUT: out, ERR: join(WORK, 'stderr.txt'), TIMES: join(WORK, 'times.txt'), STATUS: join(WORK, 'status.txt') };
  const r = spawnSync('bash', ['-c', script, 'bash', cmd, ...args], { ...options, env });
  if (r.error) throw r.error;
  const [real, user, sys] = readFileSync(env.TIMES, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  return {
    ms: real * 1000,
    cpuMs: (user + sys) * 1000,
    status: Number(readFileSync(env.STATUS, 'utf8').trim()),
    stdout: readFileSync(out, 'utf8'),
    stderr: readFileSync(env.ERR, 'utf8'),
  };
}
/** Best (lowest) wall time and best CPU time over n runs. */
function best(n, fn) {
  let result;
  for (let i = 0; i < n; i++) {
    const run = fn();
    if (!result) result = run;
    else result = { ...(run.ms < result.ms ? run : result), cpuMs: Math.min(run.cpuMs, result.cpuMs) };
  }
  return result;
}
const mbps = (bytes, ms) => bytes / 1024 / 1024 / (ms / 1000);

if (!existsSync(cli)) {
  console.error('scan bench: build first (npm run build): packages/takumo/bin/takumo.js needs dist/');
  process.exit(2);
}
if (!existsSync(join(TREE, '.complete'))) {
  const t0 = Date.now();
  generateTree();
  console.log(`generated ${relative(repo, TREE)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const meta = JSON.parse(readFileSync(join(TREE, '.complete'), 'utf8'));
const files = listFiles(TREE);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`tree: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${meta.secrets} planted secrets (${EXT.length} file types)`);

mkdirSync(WORK, { recursive: true });
const patternsFile = join(WORK, 'rg-patterns.txt');
writeFileSync(patternsFile, RG_PATTERNS.join('\n') + '\n');
const rows = [];
const row = (name, run, size, note = '') => {
  rows.push({ name, ms: run.ms, cpuMs: run.cpuMs, wall: mbps(size, run.ms), cpu: mbps(size, run.cpuMs), note });
  return rows[rows.length - 1];
};

// takumo: the built CLI, JSON report, as a user or CI runs it (worker threads: its default).
const takumoArgs = [cli, 'scan', TREE, '--format', 'json', '--no-progress'];
const takumoRun = best(RUNS, () => timeRun(process.execPath, takumoArgs));
if (takumoRun.status !== 0 && takumoRun.status !== 1) {
  console.error(`takumo scan failed (exit ${takumoRun.status}): ${takumoRun.stderr.slice(0, 300)}`);
  process.exit(1);
}
const takumo = row('takumo scan --format json', takumoRun, bytes, `${JSON.parse(takumoRun.stdout).findings.length} findings`);
const takumo1 = row('takumo scan --format json -j 0 (main thread)', best(RUNS, () => timeRun(process.execPath, [...takumoArgs, '-j', '0'])), bytes);

// ripgrep: the same files (-uu: the tree sits under the repo's ignored .bench/), all cores
// (its default) and one thread.
let rg;
if (spawnSync('rg', ['--version']).status === 0) {
  const rgArgs = ['-uu', '--no-messages', '-c', '-f', patternsFile, TREE];
  const rgRun = best(RUNS, () => timeRun('rg', rgArgs));
  const matches = rgRun.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.split(':').pop()), 0);
  rg = row(`rg -f (${RG_PATTERNS.length} patterns, default threads)`, rgRun, bytes, `${matches} matching lines`);
  row('rg -f, one thread (-j1)', best(RUNS, () => timeRun('rg', ['-j1', ...rgArgs])), bytes);
} else {
  console.log('ripgrep not installed (apt-get install ripgrep): skipped');
}

// secretlint: recommended preset on the same files, in one run. Its start-up (loading the
// preset) is measured on one tiny file and taken out, so the per-MB rate is fair to it.
const secretlintBin = join(repo, 'node_modules/secretlint/bin/secretlint.js');
let sl;
if (existsSync(secretlintBin)) {
  const rc = join(WORK, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  writeFileSync(join(WORK, 'tiny.txt'), 'hello\n');
  const slArgs = ['--secretlintrc', rc, '--format', 'json', '--no-color'];
  const startup = best(RUNS, () => timeRun(process.execPath, [secretlintBin, ...slArgs, 'tiny.txt'], { cwd: WORK }));
  // --output: secretlint exits before a piped stdout is flushed, which truncates a big report.
  const slOut = join(WORK, 'secretlint-report.json');
  rmSync(slOut, { force: true });
  // Best of SECRETLINT_RUNS, like the other tools' best of RUNS: one long run on a shared
  // machine varies by a factor of two (36 s to 63 s measured on the same tree).
  const slRun = best(SECRETLINT_RUNS, () => {
    rmSync(slOut, { force: true });
    return timeRun(process.execPath, [secretlintBin, ...slArgs, '--output', slOut, ...files.map((f) => relative(TREE, f))], { cwd: TREE });
  });
  if (slRun.status !== 0 && slRun.status !== 1) {
    console.log(`secretlint failed (exit ${slRun.status}): ${slRun.stderr.slice(0, 300)}`);
  } else {
    let reported;
    try {
      reported = JSON.parse(readFileSync(slOut, 'utf8')).reduce((n, r) => n + r.messages.length, 0);
    } catch {
      reported = 'unparsed';
    }
    row(`secretlint preset-recommend (same ${files.length} files, best of ${SECRETLINT_RUNS})`, slRun, bytes, `${reported} findings`);
    sl = row(
      `  same, its start-up (${(startup.ms / 1000).toFixed(1)} s wall, ${(startup.cpuMs / 1000).toFixed(1)} s CPU) taken out`,
      { ms: Math.max(1, slRun.ms - startup.ms), cpuMs: Math.max(1, slRun.cpuMs - startup.cpuMs) },
      bytes,
    );
  }
} else {
  console.log('secretlint not installed (root devDependency): skipped');
}

const cell = (n, w) => n.toFixed(1).padStart(w);
console.log(`\n${'tool'.padEnd(72)} ${'wall s'.padStart(7)} ${'MB/s'.padStart(6)} ${'CPU s'.padStart(7)} ${'MB/CPU-s'.padStart(8)}  result`);
for (const r of rows) {
  console.log(`${r.name.padEnd(72)} ${cell(r.ms / 1000, 7)} ${cell(r.wall, 6)} ${cell(r.cpuMs / 1000, 7)} ${cell(r.cpu, 8)}  ${r.note}`);
}
console.log('');
const verdict = (x, target) => (x >= target ? 'ok' : 'below target');
if (rg) {
  const wall = takumo.wall / rg.wall;
  const cpu = takumo1.cpu / rg.cpu;
  console.log(`takumo / rg:         ${wall.toFixed(2)} by wall clock, ${cpu.toFixed(2)} per CPU-second (target >= 0.25: ${verdict(wall, 0.25)})`);
}
if (sl) {
  const wall = takumo.wall / sl.wall;
  const cpu = takumo1.cpu / sl.cpu;
  console.log(`takumo / secretlint: ${wall.toFixed(1)}x by wall clock, ${cpu.toFixed(1)}x per CPU-second, secretlint start-up taken out (target >= 50x: ${verdict(wall, 50)})`);
}
console.log(`(best of ${RUNS} runs, secretlint best of ${SECRETLINT_RUNS}; wall times include process start-up; load average now ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
