import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { registerScan } from './scan.js';

/** Each command lives in its own module and registers itself here (one line per command). */
export type RegisterCommand = (program: Command, context: CliContext) => void;

export const commands: RegisterCommand[] = [registerScan];
