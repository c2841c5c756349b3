import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../cli-context.js';
import type { ScanFinding } from './scanner.js';

/**
 * A baseline lists the fingerprints of findings a team has accepted; a scan with
 * `--baseline FILE` reports only findings not in it. Fingerprints survive lines moving
 * (see fingerprint.ts). The file holds metadata only — fingerprint, project path, rule,
 * category, line for a human reader — never a value or a hash of one.
 *
 * It has the same `findings[].fingerprint` shape as `takumo scan --format json`, so an
 * earlier JSON report works as a baseline too.
 */
export interface BaselineFile {
  version: 1;
  tool: 'takumo';
  findings: { fingerprint: string; file: string; rule: string; category: string; line: number }[];
}

export async function readBaseline(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`baseline ${path} is not valid JSON`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) throw new UsageError(`baseline ${path} has no "findings" array`);
  const prints = new Set<string>();
  findings.forEach((f, i) => {
    const fp = (f as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fp !== 'string' || fp.length === 0) throw new UsageError(`baseline ${path}: findings[${i}] has no fingerprint`);
    prints.add(fp);
  });
  return prints;
}

export function baselineOf(findings: readonly ScanFinding[]): BaselineFile {
  return {
    version: 1,
    tool: 'takumo',
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, file: f.projectPath, rule: f.rule, category: f.category, line: f.line })),
  };
}

export async function writeBaseline(path: string, findings: readonly ScanFinding[]): Promise<void> {
  try {
    await writeFile(path, JSON.stringify(baselineOf(findings), null, 2) + '\n');
  } catch (error) {
    throw new UsageError(`cannot write baseline ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
