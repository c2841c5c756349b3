import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { registerScan } from './scan.js';
import { registerCloud } from './cloud.js';
import { registerLogin } from './login.js';
import { registerLogout } from './logout.js';
import { registerStatus } from './status.js';
import { registerAudit } from './audit.js';
import { registerTelemetry } from './telemetry.js';
import { registerSentinel } from './sentinel.js';
import { registerProxy } from './proxy.js';
import { registerRun } from './run.js';
import { registerTokenize } from './tokenize.js';
import { registerSession } from './session.js';

/** Each command lives in its own module and registers itself here (one line per command). */
export type RegisterCommand = (program: Command, context: CliContext) => void;

export const commands: RegisterCommand[] = [registerScan, registerCloud, registerLogin, registerLogout, registerStatus, registerAudit, registerTelemetry, registerProxy, registerRun, registerTokenize, registerSession, registerSentinel];
