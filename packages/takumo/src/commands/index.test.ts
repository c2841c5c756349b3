import { Command } from 'commander';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../cli-context.js';
import { main } from '../cli.js';
import { VERSION } from '../version.js';
import { commandModules, loadCommands } from './index.js';

function context(): CliContext {
  return { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), cwd: process.cwd(), env: {}, exitCode: 0 };
}

/** The top-level command names a set of register functions adds to a fresh program. */
function registeredNames(registers: Awaited<ReturnType<typeof loadCommands>>): string[] {
  const program = new Command();
  for (const register of registers) register(program, context());
  return program.commands.map((c) => c.name());
}

describe('lazy command loading', () => {
  it('each module registers exactly the top-level commands its entry names', async () => {
    for (const m of commandModules) {
      expect(registeredNames([await m.load()])).toEqual([...m.names]);
    }
  });

  it('loads every module when the first argument names no command (help, typos)', async () => {
    const all = commandModules.flatMap((m) => m.names);
    for (const argv of [[], ['--help'], ['-V', '--help'], ['help', 'scan'], ['scna']]) {
      expect(registeredNames(await loadCommands(argv))).toEqual(all);
    }
  });

  it('loads no module for a bare --version, which commander answers before any command runs', async () => {
    expect(await loadCommands(['--version'])).toEqual([]);
    expect(await loadCommands(['-V'])).toEqual([]);
    for (const flag of ['--version', '-V']) {
      const out = new PassThrough();
      expect(await main([flag], { stdout: out, stderr: new PassThrough() })).toBe(0);
      expect(String(out.read())).toBe(`${VERSION}\n`);
    }
  });

  it('loads only the named command and the every-run modules (program-wide hooks)', async () => {
    const everyRun = commandModules.filter((m) => m.everyRun).flatMap((m) => m.names);
    expect(everyRun).toContain('telemetry');
    for (const name of commandModules.flatMap((m) => m.names)) {
      const names = registeredNames(await loadCommands([name, '--help']));
      expect(names).toContain(name);
      expect(names.every((n) => n === name || everyRun.includes(n))).toBe(true);
    }
  });
});
