import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enclosingObjectStart, enclosingString, stringMembers } from './json-members.js';

/** The string and `true` leaves of a parsed value, with the keys that lead to them (array levels add none). */
function leaves(value: unknown, path: string[] = [], out = { strings: [] as { path: string[]; raw: string }[], flags: [] as string[][] }) {
  if (typeof value === 'string' && path.length > 0) out.strings.push({ path, raw: JSON.stringify(value).slice(1, -1) });
  else if (value === true && path.length > 0) out.flags.push(path);
  else if (Array.isArray(value)) {
    // Strings and flags directly inside an array belong to no key: the reader skips them too.
    for (const item of value) if (typeof item === 'object' && item !== null) leaves(item, path, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) leaves(item, [...path, key], out);
  }
  return out;
}

/** Keys without quotes or backslashes: the reader reports a key's raw text, as written. */
const plainKey = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !/["\\]/.test(k));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.boolean(), fc.integer(), fc.constant(null), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.dictionary(plainKey, tie('value'), { maxKeys: 4 }),
})).object;

describe('reading one JSON object out of a text', () => {
  it('finds every string member with its path and every true flag, and where the object ends', () => {
    fc.assert(
      fc.property(json, fc.string({ maxLength: 20 }), (object, after) => {
        const text = JSON.stringify(object) + after;
        const { members, flags, end } = stringMembers(text, 0);
        const expected = leaves(object);
        expect(end).toBe(JSON.stringify(object).length);
        expect(members.map((m) => ({ path: m.path, raw: text.slice(m.start, m.end) }))).toEqual(expected.strings);
        expect(flags).toEqual(expected.flags);
      }),
    );
  });

  it('finds the object around an offset from behind, across nested objects and strings holding braces', () => {
    fc.assert(
      fc.property(json, fc.string({ maxLength: 20 }).filter((s) => !/[{}[\]"]/.test(s)), (object, before) => {
        const body = JSON.stringify({ ...object, last: '}{"' });
        const text = before + body;
        expect(enclosingObjectStart(text, text.length - 1)).toBe(before.length);
      }),
    );
  });

  it('finds the JSON string that holds an offset, escaped quotes and all', () => {
    const inner = JSON.stringify({ kind: 'Secret', data: { a: 'b' } });
    const text = `{"annotation": ${JSON.stringify(inner)}}`;
    const at = text.indexOf('kind');
    const string = enclosingString(text, at, { floor: 0, clearTo: 0 });
    expect(string && JSON.parse(`"${text.slice(string.start, string.end)}"`)).toBe(inner);
  });

  it('gives no object for an offset in text that is not JSON', () => {
    expect(enclosingObjectStart('kind: Secret, no braces here', 6)).toBe(-1);
    expect(stringMembers('{"never": "closed", ', 0).end).toBe(-1);
  });
});
