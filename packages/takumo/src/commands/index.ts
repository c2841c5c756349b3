import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** Each command lives in its own module and registers itself here (one line per command). */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * A command module, loaded only when needed: importing every module at start-up pulled in
 * the cloud server, the proxy and the parsers (about a second of CPU) before `takumo scan`
 * could start. `names` are the top-level commands the module registers; a module with
 * `everyRun` (program-wide hooks) is loaded whatever the command.
 */
export interface CommandModule {
  names: readonly string[];
  everyRun?: boolean;
  load: () => Promise<RegisterCommand>;
}

export const commandModules: CommandModule[] = [
  { names: ['scan'], load: async () => (await import('./scan.js')).registerScan },
  { names: ['cloud'], load: async () => (await import('./cloud.js')).registerCloud },
  { names: ['login'], load: async () => (await import('./login.js')).registerLogin },
  { names: ['logout'], load: async () => (await import('./logout.js')).registerLogout },
  { names: ['status'], load: async () => (await import('./status.js')).registerStatus },
  { names: ['audit'], load: async () => (await import('./audit.js')).registerAudit },
  { names: ['telemetry'], everyRun: true, load: async () => (await import('./telemetry.js')).registerTelemetry },
  { names: ['proxy'], load: async () => (await import('./proxy.js')).registerProxy },
  { names: ['run'], load: async () => (await import('./run.js')).registerRun },
  { names: ['tokenize'], load: async () => (await import('./tokenize.js')).registerTokenize },
  { names: ['session'], load: async () => (await import('./session.js')).registerSession },
  { names: ['sentinel'], load: async () => (await import('./sentinel.js')).registerSentinel },
];

/**
 * The register functions a run with these arguments needs, in registration order: none for a
 * bare `--version` (commander answers it before any command or hook runs, and loading them all
 * took half a second); when the first argument names a command, its module and the every-run
 * ones; otherwise (help, a typo commander should suggest a fix for) all of them.
 */
export async function loadCommands(argv: readonly string[]): Promise<RegisterCommand[]> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return [];
  const first = argv[0];
  const named = commandModules.some((m) => m.names.includes(first ?? ''));
  const wanted = named ? commandModules.filter((m) => m.everyRun || m.names.includes(first!)) : commandModules;
  return Promise.all(wanted.map((m) => m.load()));
}
