import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/**
 * Secrets as they reach an AI chat: pasted terminal sessions, command output, e-mails and
 * tickets, where the syntax around a value is a shell's or a sentence's rather than a config file's.
 */

/** The values reported in `text`, optionally of one rule only. */
function found(text: string, file: string, rule?: string): string[] {
  return detect(text, { file })
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('a private address passed to a command-line flag', () => {
  it('reports the address after -h or --host even when a shell prompt names a build machine', () => {
    expect(found('ci@build-12:~$ psql -h 10.44.7.19 -U reporting shop\n', 'session.txt', 'private-ipv4')).toEqual(['10.44.7.19']);
    expect(found('ops@release-box:~$ ping -c1 172.20.3.8\n', 'session.txt', 'private-ipv4')).toEqual(['172.20.3.8']);
  });

  it('still reads the value of a version flag, or a version beside no flag, as a version', () => {
    expect(found('build tool --version 10.2.0.14\n', 'session.txt', 'private-ipv4')).toEqual([]);
    expect(found('firmware build 10.4.1.7 installed\n', 'session.txt', 'private-ipv4')).toEqual([]);
    expect(found('release pipeline -v 10.3.0.2\n', 'session.txt', 'private-ipv4')).toEqual([]);
  });
});
