import type { CliContext } from '../cli-context.js';
import type { TakumoConfig } from '../config.js';
import { createCloudReporter, type ProxyEventLike } from './reporter.js';
import type { PolicyConfig } from './policy.js';

/**
 * The few lines `scan`, `proxy` and `run` call to report to the team cloud. Each is inert
 * without a configured cloud, bounded in time, and never changes the command's result.
 */

/** After a scan: one `detection` event per finding (rule, category, project path, line). */
export async function reportScanFindings(
  context: Pick<CliContext, 'env' | 'stderr'>,
  findings: ReadonlyArray<{ rule: string; category: string; projectPath?: string; file?: string; line?: number }>,
): Promise<void> {
  const reporter = createCloudReporter(context.env, { stderr: context.stderr });
  if (!reporter.enabled) return;
  reporter.reportFindings(
    findings.map((f) => ({ rule: f.rule, category: f.category, file: f.projectPath ?? f.file, line: f.line })),
    { tool: 'scan' },
  );
  await reporter.close();
}

/** For the proxy and `takumo run`: an `onEvent` for createProxy, delivered every 30 s and at close. */
export function proxyCloudReporting(context: Pick<CliContext, 'env' | 'stderr'>): {
  onEvent: (event: ProxyEventLike) => void;
  close: () => Promise<void>;
} {
  const reporter = createCloudReporter(context.env, { stderr: context.stderr });
  if (reporter.enabled) reporter.startAutoFlush();
  return {
    onEvent: (event) => reporter.reportProxyEvent(event),
    close: async () => {
      await reporter.close();
    },
  };
}

/** Tells the user what the organisation policy set aside in their local configuration. */
export function printPolicyWarnings(config: TakumoConfig, stderr: CliContext['stderr']): void {
  for (const warning of (config as PolicyConfig).policy?.warnings ?? []) stderr.write(`takumo: ${warning}\n`);
}
