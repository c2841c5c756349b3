import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { UsageError } from '../cli-context.js';
import { loadConfig, parseSize } from '../config.js';
import { readBaseline, writeBaseline } from '../scan/baseline.js';
import { createProgress } from '../scan/progress.js';
import { formatJson } from '../scan/report-json.js';
import { formatSarif } from '../scan/report-sarif.js';
import { formatSummary, formatText } from '../scan/report-text.js';
import { applyBaseline, scan } from '../scan/scanner.js';
import type { RegisterCommand } from './index.js';
import { printPolicyWarnings, reportScanFindings } from '../agent/command-hooks.js';

interface ScanCommandOptions {
  format: 'text' | 'json' | 'sarif';
  output?: string;
  baseline?: string;
  writeBaseline?: string;
  config?: string;
  maxFileSize?: string;
  staged?: boolean;
  jobs?: string;
  progress: boolean;
}

export const registerScan: RegisterCommand = (program, context) => {
  program
    .command('scan')
    .description('Find secrets in files, folders, standard input (-) or what is staged for commit.')
    .argument('[paths...]', 'files or folders to scan; - reads standard input', ['.'])
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .option('--baseline <file>', 'report only findings whose fingerprint is not in FILE (a baseline or an earlier JSON report)')
    .option('--write-baseline <file>', 'write every current finding to FILE as the new baseline, then exit 0')
    .option('-c, --config <file>', 'configuration file (default: .takumo.toml in this folder or a parent up to the git root; env TAKUMO_CONFIG)')
    .option('--max-file-size <size>', 'skip files larger than this, e.g. 512KB or 10MB (default 10MB or [scan] max_file_size)')
    .option('--staged', 'scan the content staged for commit (for a pre-commit hook)')
    .option('-j, --jobs <n>', 'detection threads for folders (default: one per core, at most 4, from 4 cores up; workers join once loaded; 0: main thread only)')
    .option('--no-progress', 'never show the progress line on stderr')
    .addHelpText(
      'after',
      '\nExit status: 0 no findings, 1 findings, 2 usage error or a file that could not be read or scanned.\n' +
        'Previews in the text report are redacted (ghp_…Q7mZ); JSON and SARIF never carry any part of a value.\n',
    )
    .action(async (paths: string[], options: ScanCommandOptions) => {
      if (options.staged && paths.some((p) => p !== '.')) throw new UsageError('--staged scans the git index and takes no paths');
      const config = await loadConfig({ cwd: context.cwd, file: options.config, env: context.env });
      printPolicyWarnings(config, context.stderr); // cloud-agent edit: what the org policy set aside
      let maxFileSize = config.scan.maxFileSize;
      if (options.maxFileSize !== undefined) {
        const parsed = parseSize(options.maxFileSize);
        if (parsed === undefined) throw new UsageError(`--max-file-size: expected a size such as 512KB or 10MB, got "${options.maxFileSize}"`);
        maxFileSize = parsed;
      }
      let workers: number | undefined;
      if (options.jobs !== undefined) {
        workers = Number(options.jobs);
        if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--jobs: expected a whole number from 0 to 64, got "${options.jobs}"`);
      }
      const baseline = options.baseline ? await readBaseline(resolve(context.cwd, options.baseline)) : undefined;
      const showProgress = options.progress && (context.stderr as { isTTY?: boolean }).isTTY === true;

      let report = await scan({
        cwd: context.cwd,
        targets: paths.length > 0 ? paths : ['.'],
        staged: options.staged === true,
        stdin: context.stdin,
        config,
        maxFileSize,
        ...(workers !== undefined && { workers }),
        ...(showProgress && { progress: createProgress(context.stderr) }),
      });

      for (const error of report.errors) context.stderr.write(`takumo: could not scan ${error.file} (${error.code})\n`);

      if (options.writeBaseline) {
        await writeBaseline(resolve(context.cwd, options.writeBaseline), report.findings);
        context.stderr.write(`wrote ${report.findings.length} fingerprint${report.findings.length === 1 ? '' : 's'} to ${options.writeBaseline}\n`);
        context.exitCode = report.errors.length > 0 ? 2 : 0;
        return;
      }
      if (baseline) report = applyBaseline(report, baseline);

      // Takumo Cloud (cloud-agent edit): findings go to the team cloud as metadata (rule,
      // category, project path, line) when one is configured; bounded in time, and never
      // changes this scan's output or exit status.
      await reportScanFindings(context, report.findings);

      const body = options.format === 'json' ? formatJson(report) : options.format === 'sarif' ? formatSarif(report) : formatText(report);
      if (options.output) {
        try {
          await writeFile(resolve(context.cwd, options.output), body);
        } catch (error) {
          throw new UsageError(`cannot write ${options.output} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      } else {
        context.stdout.write(body);
      }
      if (options.format === 'text' || options.output) context.stderr.write(formatSummary(report.stats));
      // A file that could not be read leaves the scan incomplete: fail closed with 2 even
      // when other files had findings (those are still in the report).
      context.exitCode = report.errors.length > 0 ? 2 : report.findings.length > 0 ? 1 : 0;
    });
};
