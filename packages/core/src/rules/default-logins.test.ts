import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('a default password that a note says is still in use', () => {
  it('reads a plain word set off after the colon of a sentence that calls the password the default', () => {
    expect(found('SSH to the weather station (password is the default nobody changed: `openmesh`).\n', 'runbooks/station.md', 'still-default-password')).toEqual(['openmesh']);
    expect(found("The NVR password was still the factory default: 'Hikvision12'.\n", 'notes.md', 'still-default-password')).toEqual(['Hikvision12']);
  });

  it('leaves stand-ins, pointers and values not set off', () => {
    const text = ['The password is the default: `password`.', 'The password is the default: `<on the label>`.', 'The password is the default until changed: see the manual.', 'The password is the default: openmesh'].join('\n');
    expect(found(text, 'notes.md', 'still-default-password')).toEqual([]);
  });
});
