#!/usr/bin/env node
// Benchmark: `takumo scan` throughput next to ripgrep running an equivalent set of secret
// patterns (`rg -f`) and secretlint's recommended preset, on the same generated tree, in
// one run. Figures are MB/s and ratios, so they survive a slower machine.
//
// The tree (≥ 40 MB of realistic source in many languages, with sparse fake secrets) is
// generated deterministically into .bench/scan-tree-v1 and reused by later runs.
// secretlint runs on a deterministic subset (every 5th file) and is reported per MB, with
// its start-up shown apart: on the whole tree it would take minutes.
//
// Usage: node bench/scan.bench.mjs [--runs N]   (uses the BUILT CLI: npm run build first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'packages/takumo/bin/takumo.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const TARGET_BYTES = 42 * 1024 * 1024;
const TREE = join(repo, '.bench/scan-tree-v1');
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
    const dir = join(TREE, `services/${pick(WORDS)}-${int(1, 12)}`, pick(['src', 'lib', 'internal', 'config', 'docs']), pick(WORDS));
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
function timeRun(cmd, args, options = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function best(n, fn) {
  let min = Infinity;
  let last;
  for (let i = 0; i < n; i++) {
    last = fn();
    min = Math.min(min, last.ms);
  }
  return { ...last, ms: min };
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

// takumo: the built CLI, JSON report, as a user or CI runs it.
const takumo = best(RUNS, () => timeRun(process.execPath, [cli, 'scan', TREE, '--format', 'json', '--no-progress']));
if (takumo.status !== 0 && takumo.status !== 1) {
  console.error(`takumo scan failed (exit ${takumo.status}): ${takumo.stderr.slice(0, 300)}`);
  process.exit(1);
}
const report = JSON.parse(takumo.stdout);
const takumoRate = mbps(bytes, takumo.ms);
const lines = [['takumo scan --format json', takumo.ms, takumoRate, `${report.findings.length} findings`]];

// ripgrep: the same files (-uu: the tree sits under the repo's ignored .bench/), all cores
// (its default) and one thread, for reference.
const rgAvailable = spawnSync('rg', ['--version']).status === 0;
let rgRate;
if (rgAvailable) {
  const rgArgs = ['-uu', '--no-messages', '-c', '-f', patternsFile, TREE];
  const rg = best(RUNS, () => timeRun('rg', rgArgs));
  rgRate = mbps(bytes, rg.ms);
  const rgMatches = rg.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.split(':').pop()), 0);
  lines.push([`rg -f (${RG_PATTERNS.length} patterns, default threads)`, rg.ms, rgRate, `${rgMatches} matching lines`]);
  const rg1 = best(RUNS, () => timeRun('rg', ['-j1', ...rgArgs]));
  lines.push(['rg -f, one thread (-j1)', rg1.ms, mbps(bytes, rg1.ms), '']);
} else {
  console.log('ripgrep not installed (apt-get install ripgrep): skipped');
}

// secretlint: recommended preset on every 5th file (deterministic). Its start-up (loading
// the preset) is measured on one tiny file and reported apart, so the per-MB rate is fair.
const secretlintBin = join(repo, 'node_modules/secretlint/bin/secretlint.js');
let slRate;
let slMarginalRate;
if (existsSync(secretlintBin)) {
  const subset = files.filter((_, i) => i % 5 === 0);
  const subsetBytes = subset.reduce((n, f) => n + statSync(f).size, 0);
  const rc = join(WORK, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  writeFileSync(join(WORK, 'tiny.txt'), 'hello\n');
  const slArgs = ['--secretlintrc', rc, '--format', 'json', '--no-color'];
  const startup = best(RUNS, () => timeRun(process.execPath, [secretlintBin, ...slArgs, 'tiny.txt'], { cwd: WORK }));
  // --output: secretlint exits before a piped stdout is flushed, which truncates a big report.
  const slOut = join(WORK, 'secretlint-report.json');
  rmSync(slOut, { force: true });
  const sl = timeRun(process.execPath, [secretlintBin, ...slArgs, '--output', slOut, ...subset.map((f) => relative(TREE, f))], { cwd: TREE });
  if (sl.status !== 0 && sl.status !== 1) {
    console.log(`secretlint failed (exit ${sl.status}): ${(sl.stderr || sl.stdout).slice(0, 300)}`);
  } else {
    slRate = mbps(subsetBytes, sl.ms);
    slMarginalRate = mbps(subsetBytes, Math.max(1, sl.ms - startup.ms));
    let reported;
    try {
      reported = JSON.parse(readFileSync(slOut, 'utf8')).reduce((n, r) => n + r.messages.length, 0);
    } catch {
      reported = 'unparsed';
    }
    lines.push([`secretlint preset-recommend (subset: ${subset.length} files, ${(subsetBytes / 1024 / 1024).toFixed(1)} MB)`, sl.ms, slRate, `${reported} findings`]);
    lines.push([`  secretlint start-up excluded (${(startup.ms / 1000).toFixed(2)} s on one tiny file)`, sl.ms - startup.ms, slMarginalRate, '']);
  }
} else {
  console.log('secretlint not installed (root devDependency): skipped');
}

console.log(`\n${'tool'.padEnd(64)} ${'time'.padStart(9)} ${'MB/s'.padStart(8)}  result`);
for (const [name, ms, rate, note] of lines) {
  console.log(`${name.padEnd(64)} ${(ms / 1000).toFixed(2).padStart(8)}s ${rate.toFixed(1).padStart(8)}  ${note}`);
}
console.log('');
if (rgRate) {
  const ratio = takumoRate / rgRate;
  console.log(`takumo / rg throughput:         ${ratio.toFixed(2)}  (target >= 0.25) ${ratio >= 0.25 ? 'ok' : 'BELOW TARGET'}`);
}
if (slRate) {
  const ratio = takumoRate / slRate;
  console.log(`takumo / secretlint throughput: ${ratio.toFixed(1)}x (target >= 50x) ${ratio >= 50 ? 'ok' : 'BELOW TARGET'}`);
  console.log(`  with secretlint's start-up excluded: ${(takumoRate / slMarginalRate).toFixed(1)}x`);
}
console.log(`(best of ${RUNS} runs for takumo and rg; secretlint once on the subset; times include process start-up unless said)`);
