import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { UsageError } from '../cli-context.js';
import { cloudCall, connect } from '../agent/session.js';
import type { RegisterCommand } from './index.js';

/**
 * `takumo audit verify` and `takumo audit export`. The verification code (and with it the
 * Merkle and checkpoint code of @takumo/cloud) is loaded only when these commands run, so
 * other commands do not pay for it at start-up.
 */
export const registerAudit: RegisterCommand = (program, context) => {
  const audit = program.command('audit').description("Verify or export your organisation's tamper-evident audit log.");

  audit
    .command('verify')
    .description('Check the audit log is append-only and unedited: signed checkpoint, consistency, receipts, every entry.')
    .option('--cloud <url>', 'the cloud to verify (default: the one you logged in to; you must be logged in to it)')
    .option('--pin <key>', "pin this verifier key (the log's public key, <name>+<id>+<key>) instead of trusting the first one seen")
    .option('--quick', 'skip the walk over every entry (checkpoint, consistency and receipts only)')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nThe pinned key and the last verified checkpoint are kept in $TAKUMO_HOME/audit-state.json.\n' +
        'Exit status: 0 verified, 1 the log fails verification (the first bad entry is named), 2 usage or connection error.\n',
    )
    .action(async (options: { cloud?: string; pin?: string; quick?: boolean; json?: boolean }) => {
      const { client } = connect(context.env, options.cloud, 30_000);
      const { verifyAuditLog } = await import('../agent/audit-verifier.js');
      const me = await cloudCall(() => client.me());
      const showProgress = !options.json && (context.stderr as { isTTY?: boolean }).isTTY === true;
      const report = await cloudCall(() =>
        verifyAuditLog({
          client,
          env: context.env,
          orgId: me.org.id,
          ...(options.pin !== undefined && { pin: options.pin }),
          quick: options.quick === true,
          ...(showProgress && {
            onProgress: (done: number, total: number) => context.stderr.write(`\rchecking entries ${done}/${total}`),
          }),
        }),
      );
      if (showProgress) context.stderr.write('\r\x1b[K');
      context.exitCode = report.ok ? 0 : 1;
      if (options.json) {
        context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const out: string[] = [];
      for (const note of report.notes) out.push(`note: ${note}`);
      out.push(`Log:          ${report.origin} (key id ${report.keyId})`);
      if (report.treeSize > 0 || report.rootHash) out.push(`Checkpoint:   ${report.treeSize} entries, root ${report.rootHash}`);
      const consistency = {
        verified: `extends the checkpoint of ${report.previous?.treeSize} entries verified at ${report.previous?.verifiedAt}`,
        'first-checkpoint': 'first checkpoint verified by this agent (remembered for next time)',
        unchanged: 'unchanged since the last verification',
        failed: 'FAILED',
      }[report.consistency];
      out.push(`Consistency:  ${consistency}`);
      out.push(
        `Receipts:     ${report.receipts.checked} checked${report.receipts.failed ? `, ${report.receipts.failed} FAILED` : ''}` +
          (report.receipts.pending ? `, ${report.receipts.pending} newer than the checkpoint` : ''),
      );
      out.push(
        report.entries.skipped
          ? 'Entries:      not walked (--quick)'
          : `Entries:      ${report.entries.walked} walked${report.entries.expired ? ` (${report.entries.expired} past retention: hash only)` : ''}`,
      );
      if (report.ok) {
        out.push('OK: the audit log verifies.');
      } else {
        for (const problem of report.problems) out.push(`FAIL: ${problem}`);
      }
      (report.ok ? context.stdout : context.stderr).write(`${out.join('\n')}\n`);
    });

  audit
    .command('export')
    .description('Download the audit log as JSON Lines (checkpoint, then every entry with its inclusion proof), checking it as it comes.')
    .option('--cloud <url>', 'the cloud to export from (default: the one you logged in to)')
    .option('-o, --output <file>', 'write to FILE instead of standard output')
    .option('--no-verify', 'write the export without checking the checkpoint signature and the proofs')
    .addHelpText(
      'after',
      '\nThe checkpoint is checked against the key pinned by `takumo audit verify` (or the key in the export when none is pinned).\n' +
        'Exit status: 0 exported (and verified), 1 the export does not verify, 2 usage or connection error.\n',
    )
    .action(async (options: { cloud?: string; output?: string; verify: boolean }) => {
      const { client } = connect(context.env, options.cloud, 30_000);
      const me = await cloudCall(() => client.me());
      const response = await cloudCall(() => client.exportStream());
      if (!response.body) throw new UsageError('the cloud sent an empty export');
      const { openExportChecker } = await import('../agent/export-checker.js');
      const checker = options.verify ? openExportChecker({ env: context.env, cloud: client.url, orgId: me.org.id }) : undefined;

      let sink: Writable = context.stdout;
      let file: Writable | undefined;
      if (options.output) {
        const path = resolve(context.cwd, options.output);
        file = createWriteStream(path, { mode: 0o600 });
        sink = file;
        await new Promise<void>((ok, fail) => {
          file!.once('open', () => ok());
          file!.once('error', (error: NodeJS.ErrnoException) => fail(new UsageError(`cannot write ${options.output} (${error.code ?? 'error'})`)));
        });
      }
      let lines = 0;
      try {
        const reader = createInterface({ input: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity });
        for await (const line of reader) {
          if (line.length === 0) continue;
          checker?.line(line);
          if (!sink.write(`${line}\n`)) await new Promise((ok) => sink.once('drain', ok));
          lines++;
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError('the export was interrupted before it was complete');
      } finally {
        if (file) await new Promise<void>((ok) => file!.end(ok));
      }
      const result = checker?.finish();
      if (result && !result.pinned) {
        context.stderr.write('note: no verifier key pinned yet (run `takumo audit verify`): checked against the key the export names\n');
      }
      if (result && !result.ok) {
        context.exitCode = 1;
        context.stderr.write(`FAIL: the export does not verify: ${result.problems.join('; ')}\n`);
      } else if (options.output) {
        context.stderr.write(
          `Exported ${Math.max(0, lines - 1)} entries to ${options.output}${result ? ` (checkpoint and ${result.entries} inclusion proofs verified)` : ''}.\n`,
        );
      }
    });
};
