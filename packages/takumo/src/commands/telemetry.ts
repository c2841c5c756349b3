import type { Command } from 'commander';
import { UsageError } from '../cli-context.js';
import { pendingTelemetry, recordCommand, setTelemetryEnabled, telemetryCommandName, telemetryState } from '../agent/telemetry.js';
import type { RegisterCommand } from './index.js';

/**
 * `takumo telemetry on|off|status`, and the hook that counts command runs after each
 * command (only when telemetry is on; see agent/telemetry.ts for exactly what is sent).
 */
export const registerTelemetry: RegisterCommand = (program, context) => {
  program
    .command('telemetry')
    .description('Anonymous usage counts sent to your own Takumo Cloud only: show them, or turn them on or off.')
    .argument('[action]', 'status (default), on or off', 'status')
    .option('--json', 'print the status as JSON')
    .addHelpText(
      'after',
      '\nWhat is sent (only to the cloud you logged in to, at most hourly): the CLI version, the OS family and\n' +
        'how many times each command ran. Never arguments, paths, code, values or any identifier.\n' +
        'Also off with TAKUMO_TELEMETRY=0 or DO_NOT_TRACK=1. Exit status: 0, 2 on an unknown action.\n',
    )
    .action((action: string, options: { json?: boolean }) => {
      if (action === 'on' || action === 'off') {
        const path = setTelemetryEnabled(context.env, action === 'on');
        const state = telemetryState(context.env);
        if (options.json) context.stdout.write(`${JSON.stringify({ enabled: state.enabled, reason: state.reason, settings: path })}\n`);
        else context.stdout.write(`Telemetry ${action === 'on' ? 'allowed' : 'turned off'} (${path}). Now: ${state.reason}\n`);
        return;
      }
      if (action !== 'status') throw new UsageError(`unknown telemetry action "${action}" (expected status, on or off)`);
      const state = telemetryState(context.env);
      // Exactly the next payload: the counts gathered so far plus this run.
      const next = pendingTelemetry(context.env);
      if (state.enabled) next.commands.telemetry = (next.commands.telemetry ?? 0) + 1;
      if (options.json) {
        context.stdout.write(
          `${JSON.stringify({ enabled: state.enabled, reason: state.reason, destination: state.destination ?? null, wouldSend: state.enabled ? next : null }, null, 2)}\n`,
        );
        return;
      }
      context.stdout.write(`Telemetry: ${state.reason}\n`);
      if (state.enabled) {
        context.stdout.write(`Destination: ${state.destination}/api/v1/telemetry (at most once an hour)\n`);
        context.stdout.write(`Next payload, exactly:\n${JSON.stringify(next, null, 2)}\n`);
      } else {
        context.stdout.write('Nothing is recorded or sent.\n');
      }
    });

  // Count each command run (after its action), when telemetry is on. Bounded and silent.
  program.hook('postAction', async (_root, action: Command) => {
    const words: string[] = [];
    for (let c: Command | null = action; c && c.parent; c = c.parent) words.unshift(c.name());
    const name = telemetryCommandName(words);
    if (name) await recordCommand(context.env, name);
  });
};
