#!/usr/bin/env node
// Sentinel: milliseconds per AI answer (p50/p99) for 50-, 200- and 1000-line markdown answers,
// next to ESLint + eslint-plugin-security linting the same JavaScript in the same process.
// Uses the BUILT package (npm run build first). Usage: node bench/sentinel.bench.mjs
import { performance } from 'node:perf_hooks';
import { scanAnswer } from '../packages/sentinel/dist/index.js';

/** Blocks an assistant writes: a mix of safe and unsafe code, JavaScript only (for ESLint). */
const BLOCKS = [
  (i) => `app.get('/users/${i}', async (req, res) => {\n  const rows = await db.query('SELECT * FROM users WHERE id = ' + req.params.id);\n  res.json(rows);\n});`,
  (i) => `async function loadUser${i}(id) {\n  const { rows } = await pool.query('SELECT name FROM users WHERE id = $1', [id]);\n  return rows[0];\n}`,
  (i) => `function render${i}(el, comment) {\n  el.textContent = comment.body;\n  el.classList.add('comment');\n}`,
  (i) => `function preview${i}(el, html) {\n  el.innerHTML = html;\n}`,
  (i) => `const { exec: exec${i} } = require('child_process');\nfunction archive${i}(dir) {\n  exec${i}('tar czf backup.tgz ' + dir, (err) => { if (err) throw err; });\n}`,
  (i) => `function token${i}() {\n  const token = Math.random().toString(36).slice(2);\n  return token;\n}`,
  (i) => `const crypto${i} = require('crypto');\nfunction digest${i}(buf) {\n  return crypto${i}.createHash('sha256').update(buf).digest('hex');\n}`,
  (i) => `function sum${i}(items) {\n  let total = 0;\n  for (const item of items) total += item.price * item.qty;\n  return total;\n}`,
];

function makeAnswer(lines) {
  const prose = [];
  const code = [];
  let i = 0;
  let n = 0;
  prose.push('Here is an implementation of the endpoints you asked for.', '');
  n += 2;
  const body = [];
  while (n + body.length < lines - 3) {
    const block = BLOCKS[i % BLOCKS.length](i).split('\n');
    body.push(...block, '');
    i++;
  }
  code.push(...body);
  const js = code.join('\n');
  const answer = [...prose, '```js', js, '```', 'Let me know if you need tests.'].join('\n');
  return { answer, js };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function measure(fn, iterations) {
  for (let i = 0; i < Math.min(20, iterations); i++) fn(); // warm-up
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

let eslint;
try {
  const { Linter } = await import('eslint');
  const security = (await import('eslint-plugin-security')).default;
  const linter = new Linter({ configType: 'flat' });
  const config = [{ ...security.configs.recommended, languageOptions: { ecmaVersion: 'latest', sourceType: 'script' } }];
  eslint = (code) => linter.verify(code, config);
} catch (error) {
  console.log(`(ESLint baseline unavailable: ${error.code ?? error.message})`);
}

console.log('lines  sentinel p50   p99      eslint+security p50   p99      ratio(p50)   findings');
for (const lines of [50, 200, 1000]) {
  const { answer, js } = makeAnswer(lines);
  const iterations = lines >= 1000 ? 100 : 300;
  const s = measure(() => scanAnswer(answer, { projectLicense: 'proprietary' }), iterations);
  const findings = scanAnswer(answer, { projectLicense: 'proprietary' }).length;
  const e = eslint ? measure(() => eslint(js), iterations) : undefined;
  const fatal = eslint ? eslint(js).filter((m) => m.fatal).length : 0;
  if (fatal) console.log(`(ESLint could not parse the ${lines}-line sample)`);
  const row = [
    String(lines).padEnd(6),
    `${s.p50.toFixed(2)} ms`.padEnd(13),
    `${s.p99.toFixed(2)} ms`.padEnd(9),
    e ? `${e.p50.toFixed(2)} ms`.padEnd(21) : 'n/a'.padEnd(21),
    e ? `${e.p99.toFixed(2)} ms`.padEnd(9) : 'n/a'.padEnd(9),
    e ? `${(e.p50 / s.p50).toFixed(1)}x faster`.padEnd(12) : ''.padEnd(12),
    String(findings),
  ];
  console.log(row.join(' '));
}
console.log('target: sentinel p50 < 5 ms for a 200-line answer');
