import { CloudClient, CloudClientError, type Me } from '../agent/cloud-client.js';
import { loadCredentials, type Credentials } from '../agent/credentials.js';
import { queueStatus } from '../agent/event-queue.js';
import { loadCachedPolicy } from '../agent/policy.js';
import { telemetryState } from '../agent/telemetry.js';
import type { RegisterCommand } from './index.js';

/**
 * `takumo status`: which cloud this agent reports to, as whom, and the state of what it
 * keeps locally (event queue, cached policy, telemetry). Asks the cloud /api/v1/me with a
 * short timeout so "reachable" is live; everything else is local.
 */
export const registerStatus: RegisterCommand = (program, context) => {
  program
    .command('status')
    .description('Show the cloud connection: cloud, organisation, role, queued events, policy version, telemetry.')
    .option('--json', 'print the status as JSON')
    .option('--offline', 'do not contact the cloud (show only what is stored locally)')
    .addHelpText('after', '\nExit status: 0 (also when not logged in or the cloud is unreachable: the output says so), 2 on a local error.\n')
    .action(async (options: { json?: boolean; offline?: boolean }) => {
      const credentials: Credentials | undefined = loadCredentials(context.env);
      let me: Me | undefined;
      let reachable: boolean | null = null;
      let problem: string | undefined;
      if (credentials && !options.offline) {
        try {
          me = await new CloudClient({ url: credentials.cloud, token: credentials.token, timeoutMs: 3_000 }).me();
          reachable = true;
        } catch (error) {
          reachable = error instanceof CloudClientError && (error.kind === 'unauthorized' || error.kind === 'forbidden');
          problem = error instanceof CloudClientError ? error.message : 'the cloud could not be asked';
        }
      }
      const org = me?.org ?? credentials?.org;
      const role = me?.principal.role ?? credentials?.role;
      const queue = queueStatus(context.env);
      const policy = loadCachedPolicy(context.env);
      const telemetry = telemetryState(context.env);
      const status = {
        cloud: credentials?.cloud ?? null,
        loggedIn: Boolean(credentials),
        credentialsFrom: credentials ? (credentials.savedAt === 'environment' ? 'environment' : 'file') : null,
        reachable,
        ...(problem && { problem }),
        org: org ?? null,
        role: role ?? null,
        queue,
        policy: policy ? { version: policy.version, fetchedAt: policy.fetchedAt } : null,
        telemetry: { enabled: telemetry.enabled, reason: telemetry.reason },
      };
      if (options.json) {
        context.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      const lines: string[] = [];
      if (!credentials) {
        lines.push('Cloud:      not logged in (run `takumo login --cloud URL`); nothing is reported anywhere');
      } else {
        const live = reachable === null ? 'not contacted' : reachable ? 'reachable' : 'unreachable';
        lines.push(`Cloud:      ${credentials.cloud} (${live}${status.credentialsFrom === 'environment' ? ', from TAKUMO_CLOUD_URL/TOKEN' : ''})`);
        if (problem) lines.push(`            ${problem}`);
        lines.push(`Org:        ${org ? `${org.name} (${org.plan} plan, ZDR ${org.zdr ? 'on' : 'off'})` : 'unknown'}`);
        lines.push(`Role:       ${role ?? 'unknown'}`);
      }
      lines.push(
        `Queue:      ${queue.length} event(s) waiting` +
          (queue.dropped > 0 ? `, ${queue.dropped} dropped when full` : '') +
          (queue.rejected > 0 ? `, ${queue.rejected} rejected by the cloud` : '') +
          (queue.lastFlushAt ? `; last delivery attempt ${queue.lastFlushAt}` : ''),
      );
      if (queue.lastError) lines.push(`            last error: ${queue.lastError}`);
      lines.push(`Policy:     ${policy ? `version ${policy.version} (fetched ${policy.fetchedAt})` : 'none cached'}`);
      lines.push(`Telemetry:  ${telemetry.reason}`);
      context.stdout.write(`${lines.join('\n')}\n`);
    });
};
