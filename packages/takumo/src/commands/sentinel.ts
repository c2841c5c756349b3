import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Option } from 'commander';
import {
  addToIndex,
  formatSentinelJson,
  formatSentinelSarif,
  formatSentinelSummary,
  formatSentinelText,
  initSentinel,
  isSpdxExpression,
  loadFingerprintIndex,
  resolveProjectLicense,
  saveFingerprintIndex,
  scanAnswer,
  SEVERITIES,
  severityRank,
  type FingerprintIndex,
  type SentinelFileFinding,
  type SentinelReport,
  type Severity,
} from '@takumo/sentinel';
import { UsageError, type CliContext } from '../cli-context.js';
import { VERSION } from '../version.js';
import type { RegisterCommand } from './index.js';

interface SentinelOptions {
  format: 'text' | 'json' | 'sarif';
  projectLicense?: string;
  minSeverity: Severity;
  index?: string;
  progress: boolean;
}

/** Files read ahead of the one being scanned. */
const READ_AHEAD = 32;
/** Files larger than this are not AI answers; they are skipped (and counted as skipped). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', 'dist', '.venv', '__pycache__']);
/** Source files `index add` fingerprints. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|java|kt|go|php|rb|cs|c|h|cc|cpp|hpp|rs|swift|scala|sh)$/i;

export const registerSentinel: RegisterCommand = (program, context) => {
  const sentinel = program
    .command('sentinel')
    .description('Scan AI answers (markdown with code blocks, or code files) for invented secrets, injection, XSS, weak crypto and copyleft code.')
    .argument('[paths...]', 'answer files or folders; - (the default) reads one answer from standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--project-license <spdx>', 'licence of the project the code goes into (SPDX id/expression or "proprietary"); default: package.json, LICENSE or pyproject.toml in this folder, else proprietary')
    .addOption(new Option('--min-severity <level>', 'report only findings at or above this severity').choices([...SEVERITIES]).default('low'))
    .option('--index <file>', 'fingerprint index of known code for snippet matching (default: $TAKUMO_HOME/sentinel-index.json or ~/.takumo/sentinel-index.json)')
    .option('--no-progress', 'never show the progress line on stderr')
    .addHelpText(
      'after',
      '\nExit status: 0 no findings, 1 findings, 2 usage error or a file that could not be read.\n' +
        'Line numbers refer to the answer as given. Messages never include the matched text, so a secret in the answer is not repeated.\n' +
        '\nTo report answers that reproduce known code:  takumo sentinel index add DIR --license GPL-3.0-only\n',
    )
    .action(async (paths: string[], options: SentinelOptions) => {
      const projectLicense = options.projectLicense?.trim() || resolveProjectLicense(context.cwd).license;
      // Python gets a real parse when the grammar loads; without it the text analysis still runs.
      await initSentinel().catch(() => undefined);
      const index = readIndex(indexPath(options.index, context), options.index !== undefined);
      const targets = paths.length > 0 ? paths : ['-'];
      if (targets.includes('-') && (context.stdin as { isTTY?: boolean }).isTTY) {
        throw new UsageError('give answer files or folders, or pipe an answer into standard input');
      }
      const report: SentinelReport = { findings: [], errors: [], filesScanned: 0 };
      const files: Array<{ display: string; path: string | null }> = [];
      for (const target of targets) {
        if (target === '-') files.push({ display: '-', path: null });
        else await collect(target, resolve(context.cwd, target), files, report);
      }
      const showProgress = options.progress && (context.stderr as { isTTY?: boolean }).isTTY === true && files.length > 20;
      const minRank = severityRank(options.minSeverity);
      // Reads run ahead of the scan (a few dozen at a time) so disk waits overlap.
      const reads = new Map<number, Promise<string | { code: string }>>();
      const startRead = (i: number) => {
        const file = files[i];
        if (!file || reads.has(i)) return;
        const p = file.path === null ? readStdin(context.stdin) : readFile(file.path, 'utf8');
        reads.set(i, p.catch((error: NodeJS.ErrnoException) => ({ code: error.code ?? 'EREAD' })));
      };
      for (const [i, file] of files.entries()) {
        if (showProgress && i % 20 === 0) context.stderr.write(`\rsentinel: ${i}/${files.length} files`);
        for (let k = i; k < Math.min(files.length, i + READ_AHEAD); k++) if (files[k]!.path !== null || k === i) startRead(k);
        startRead(i);
        const result = await reads.get(i)!;
        reads.delete(i);
        if (typeof result !== 'string') {
          report.errors.push({ file: file.display, code: result.code });
          continue;
        }
        const text = result;
        if (text.includes('\u0000')) continue; // binary
        report.filesScanned++;
        const found = scanAnswer(text, { filename: file.path ?? undefined, projectLicense, ...(index ? { index } : {}) });
        for (const f of found) if (severityRank(f.severity) >= minRank) report.findings.push({ ...f, file: file.display } as SentinelFileFinding);
      }
      if (showProgress) context.stderr.write('\r\u001b[K');
      for (const e of report.errors) context.stderr.write(`takumo: cannot read ${e.file} (${e.code})\n`);
      const body = options.format === 'json' ? formatSentinelJson(report) : options.format === 'sarif' ? formatSentinelSarif(report, VERSION) : formatSentinelText(report);
      context.stdout.write(body);
      if (options.format === 'text') context.stderr.write(formatSentinelSummary(report));
      context.exitCode = report.errors.length > 0 ? 2 : report.findings.length > 0 ? 1 : 0;
    });

  const indexCommand = sentinel.command('index').description('Manage the fingerprint index of known code that answers are matched against.');
  indexCommand
    .command('add')
    .description('Fingerprint the source files under DIR (e.g. a copyleft project) so answers reproducing them are reported.')
    .argument('<dir>', 'folder (or file) of source code to index')
    .requiredOption('--license <spdx>', 'SPDX licence of that code, e.g. GPL-3.0-only')
    .option('--index <file>', 'index file (default: $TAKUMO_HOME/sentinel-index.json or ~/.takumo/sentinel-index.json)')
    .action(async (dir: string, options: { license: string; index?: string }) => {
      const license = options.license.trim();
      if (!isSpdxExpression(license)) throw new UsageError(`--license: "${license}" is not an SPDX licence id or expression`);
      const file = indexPath(options.index, context);
      const index = readIndex(file, true) ?? loadFingerprintIndex(file);
      const files: Array<{ display: string; path: string | null }> = [];
      const report: SentinelReport = { findings: [], errors: [], filesScanned: 0 };
      const root = resolve(context.cwd, dir);
      await collect(dir, root, files, report);
      if (report.errors.length > 0 && files.length === 0) throw new UsageError(`cannot read ${dir} (${report.errors[0]!.code})`);
      let indexed = 0;
      let prints = 0;
      for (const f of files) {
        if (!f.path || !CODE_FILE.test(f.path)) continue;
        const text = await readFile(f.path, 'utf8');
        prints += addToIndex(index, f.display, text, license);
        indexed++;
      }
      saveFingerprintIndex(file, index);
      context.stdout.write(`indexed ${indexed} file${indexed === 1 ? '' : 's'} (${prints} fingerprints, ${license}) into ${file}\n`);
      context.exitCode = 0;
    });
};

function indexPath(option: string | undefined, context: CliContext): string {
  if (option) return resolve(context.cwd, option);
  const home = context.env.TAKUMO_HOME?.trim() ? resolve(context.cwd, context.env.TAKUMO_HOME) : join(homedir(), '.takumo');
  return join(home, 'sentinel-index.json');
}

/** The index to match against, or undefined when there is none; a damaged index is a usage error. */
function readIndex(path: string, explicit: boolean): FingerprintIndex | undefined {
  try {
    const index = loadFingerprintIndex(path);
    return index.files.length > 0 || explicit ? index : undefined;
  } catch (error) {
    throw new UsageError(`cannot use the fingerprint index ${path}: ${(error as Error).name === 'SyntaxError' ? 'not valid JSON' : (error as Error).message}`);
  }
}

async function collect(display: string, path: string, out: Array<{ display: string; path: string | null }>, report: SentinelReport): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    report.errors.push({ file: display, code: (error as NodeJS.ErrnoException).code ?? 'EREAD' });
    return;
  }
  if (info.isFile()) {
    if (info.size <= MAX_FILE_BYTES) out.push({ display, path });
    return;
  }
  if (!info.isDirectory()) return;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      report.errors.push({ file: join(display, relative(path, dir)), code: (error as NodeJS.ErrnoException).code ?? 'EREAD' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sizes = await Promise.all(entries.map((e) => (e.isFile() ? stat(join(dir, e.name)).then((s) => s.size, () => -1) : Promise.resolve(-1))));
    for (const [i, e] of entries.entries()) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(full);
      } else if (e.isFile() && sizes[i]! >= 0 && sizes[i]! <= MAX_FILE_BYTES) {
        out.push({ display: join(display, relative(path, full)), path: full });
      }
    }
  };
  await walk(path);
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

