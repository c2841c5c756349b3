import { describe, expect, it } from 'vitest';
import { numberedGroups, renumberedPatterns } from './generic.js';

/** How many capturing groups a pattern holds (an empty alternative makes it match the empty text). */
function groupCount(source: string): number {
  return new RegExp(`${source}|`).exec('')!.length - 1;
}

/** Texts that between them fill every named group of the two renumbered patterns. */
const SAMPLES = [
  'password = """Zk3mP9qR2vX8wL5n"""',
  "password = '''Zk3mP9qR2vX8wL5n'''",
  'password = [[Zk3mP9qR2vX8wL5n]]',
  'password = ~s(Zk3mP9qR2vX8wL5n)',
  'password = "Zk3mP9qR2vX8wL5n"',
  'password = "Zk3m\\"P9qR2vX8wL5n"',
  "password = 'Zk3mP9qR2vX8wL5n'",
  "password = 'Zk3m\\'P9qR2vX8wL5n'",
  'password = `Zk3mP9qR2vX8wL5n`',
  'password = <code>Zk3mP9qR2vX8wL5n</code>',
  'password = <<EOF\nZk3mP9qR2vX8wL5n\nEOF',
  'password = Zk3mP9qR2vX8wL5n',
  'api_key: str = b"Zk3mP9qR2vX8wL5n"',
  'token: "Zk3mP9qR2vX8wL5n"',
];

describe('named groups renumbered as plain ones (numberedGroups)', () => {
  for (const { name, named, numbered } of renumberedPatterns) {
    it(`${name}: no group is named any more, and there are as many groups as before`, () => {
      expect(numbered.source).not.toMatch(/\(\?<[A-Za-z]/);
      expect(groupCount(numbered.source)).toBe(groupCount(named));
    });

    it(`${name}: each name's index reads the group that name captured`, () => {
      const withNames = new RegExp(named, 'i');
      const withNumbers = new RegExp(numbered.source, 'i');
      expect(Object.keys(numbered.index).sort()).toEqual(Object.keys(new RegExp(`${named}|`).exec('')!.groups!).sort());
      const captured = new Set<string>();
      for (const sample of SAMPLES) {
        // The value pattern starts at the blanks after a tag: try it there.
        const text = name === 'VALUE_AFTER_TAG' ? sample.slice(sample.search(/[=:] /) + 1) : sample;
        const a = withNames.exec(text);
        const b = withNumbers.exec(text);
        expect(b?.index).toBe(a?.index);
        if (a === null || b === null) continue;
        for (const [group, at] of Object.entries(numbered.index)) {
          expect(b[at], `${group} in ${JSON.stringify(text)}`).toBe(a.groups![group]);
          if (a.groups![group] !== undefined) captured.add(group);
        }
      }
      // Every value group was exercised, so a group renumbered one off cannot hide behind an empty capture.
      for (const group of ['tq', 'tsq', 'lb', 'sg', 'dq', 'sq', 'bq', 'hc', 'hd', 'uq']) expect(captured).toContain(group);
    });
  }

  it('skips escaped brackets, classes and look-arounds when counting', () => {
    const { source, index } = numberedGroups('\\((a)[(](?:b)(?<x>c)(?=d)(?<!e)(?<y>f)');
    expect(source).toBe('\\((a)[(](?:b)(c)(?=d)(?<!e)(f)');
    expect(index).toEqual({ x: 2, y: 3 });
  });

  it('refuses a back-reference by name', () => {
    expect(() => numberedGroups('(?<x>a)\\k<x>')).toThrow(/back-reference/);
  });
});
