import { deleteCredentials, loadCredentials } from '../agent/credentials.js';
import { discardQueue } from '../agent/event-queue.js';
import { forgetCachedPolicy } from '../agent/policy.js';
import type { RegisterCommand } from './index.js';

/** `takumo logout`: forgets the token, the cached policy and events not yet delivered. */
export const registerLogout: RegisterCommand = (program, context) => {
  program
    .command('logout')
    .description('Disconnect from the Takumo Cloud: remove the stored API token, the cached policy and undelivered events.')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nThe pinned audit-log key and verified checkpoints are kept (audit-state.json).\nExit status: 0.\n')
    .action((options: { json?: boolean }) => {
      let cloud: string | undefined;
      try {
        cloud = loadCredentials(context.env)?.cloud;
      } catch {
        cloud = undefined;
      }
      const removed = deleteCredentials(context.env);
      forgetCachedPolicy(context.env);
      const discarded = discardQueue(context.env);
      if (options.json) {
        context.stdout.write(`${JSON.stringify({ loggedOut: removed, cloud: cloud ?? null, discardedEvents: discarded })}\n`);
      } else if (removed) {
        context.stdout.write(`Logged out of ${cloud ?? 'the cloud'}.${discarded > 0 ? ` Discarded ${discarded} undelivered event(s).` : ''}\n`);
      } else {
        context.stdout.write('Not logged in.\n');
      }
    });
};
