import { describe, expect, it } from 'vitest';
import { createFingerprintIndex, addToIndex, matchIndex, detectLicense, scanAnswer } from '../index.js';

describe('licence declarations', () => {
  it.each([
    ['// SPDX-License-Identifier: GPL-2.0-only OR MIT', 'GPL-2.0-only OR MIT', false],
    ['// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', true],
    ['# SPDX-License-Identifier: MIT AND LGPL-2.1-or-later', 'MIT AND LGPL-2.1-or-later', true],
    ['// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception', 'Apache-2.0 WITH LLVM-exception', false],
    ['// licensed under the GPLv3; see COPYING', 'GPL-3.0-only', true],
    ['/* Licensed under the GNU GPL v2 or later. */', 'GPL-2.0-or-later', true],
    ['# released under the terms of the AGPL v3.', 'AGPL-3.0-only', true],
    ['// @license MIT', 'MIT', false],
    ['/*\n * @license http://www.gnu.org/licenses/gpl-2.0.html GPL-2.0+\n */', 'GPL-2.0-or-later', true],
  ])('%s → %s', (text, spdx, copyleft) => {
    const d = detectLicense(text, { language: text.startsWith('#') ? 'python' : 'javascript' });
    expect(d.spdx).toBe(spdx);
    expect(d.copyleft).toBe(copyleft);
  });

  it('recognises the standard GPL notice with its version and "or later"', () => {
    const notice = [
      '/*',
      ' * This program is free software: you can redistribute it and/or modify',
      ' * it under the terms of the GNU General Public License as published by',
      ' * the Free Software Foundation, either version 3 of the License, or',
      ' * (at your option) any later version.',
      ' */',
      'int main(void) { return 0; }',
    ].join('\n');
    expect(detectLicense(notice, { filename: 'a.c' })).toMatchObject({ spdx: 'GPL-3.0-or-later', copyleft: true, strength: 'strong', kind: 'notice' });
  });

  it('recognises a pasted licence text by similarity to the SPDX text', () => {
    const mitBody =
      'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. ' +
      'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, ' +
      'FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY';
    expect(detectLicense(mitBody)).toMatchObject({ spdx: 'MIT', kind: 'text' });
  });

  it.each([
    ['// Unlike the GPL-licensed original, this helper is a clean-room rewrite.', null],
    ['# Parses SPDX ids such as GPL-3.0-only and MIT from package metadata.', null],
    ['generic_ptr_list<T> gpl;\ngpl();', null],
    ['export const pkg = { name: "demo", license: "GPL-3.0-only" };', null],
    ['import matplotlib as mpl\nmpl.rcParams["figure.dpi"] = 120', null],
  ])('a mention is not a claim: %s', (text, spdx) => {
    expect(detectLicense(text, { language: text.includes('import matplotlib') || text.startsWith('#') ? 'python' : 'typescript' }).spdx).toBe(spdx);
  });
});

describe('copyleft findings depend on the project licence', () => {
  const gpl = '```c\n// SPDX-License-Identifier: GPL-3.0-or-later\nint add(int a, int b) { return a + b; }\n```';

  it('GPL code into a proprietary project is a finding naming the licence', () => {
    const f = scanAnswer(gpl, { projectLicense: 'proprietary' }).find((x) => x.category === 'license');
    expect(f?.message).toContain('GPL-3.0-or-later');
    expect(f?.line).toBe(2);
    expect(f?.severity).toBe('high');
  });

  it('is the default when no project licence is given', () => {
    expect(scanAnswer(gpl).some((x) => x.category === 'license')).toBe(true);
  });

  it('GPL code into an MIT project is a finding, into a GPL-3.0 project it is not', () => {
    expect(scanAnswer(gpl, { projectLicense: 'MIT' }).some((x) => x.category === 'license')).toBe(true);
    expect(scanAnswer(gpl, { projectLicense: 'GPL-3.0-only' }).some((x) => x.category === 'license')).toBe(false);
  });

  it('GPL-2.0-only code is incompatible with a GPL-3.0 project', () => {
    const gpl2 = '// SPDX-License-Identifier: GPL-2.0-only\nint f(void);';
    expect(scanAnswer(gpl2, { language: 'c', projectLicense: 'GPL-3.0-or-later' }).some((x) => x.category === 'license')).toBe(true);
  });

  it('a dual licence with a permissive option is not a finding', () => {
    expect(scanAnswer('// SPDX-License-Identifier: MIT OR GPL-2.0-or-later\nexport const x = 1;', { language: 'javascript' })).toEqual([]);
  });

  it('weak copyleft is reported at medium severity', () => {
    const f = scanAnswer('// SPDX-License-Identifier: MPL-2.0\nexport const x = 1;', { language: 'javascript' }).find((x) => x.category === 'license');
    expect(f?.severity).toBe('medium');
  });
});

describe('snippet matching against a fingerprint index', () => {
  const source = Array.from({ length: 12 }, (_, i) =>
    `function step${i}(state, input) {\n  const next = state.values.map((v, j) => v * ${i + 2} + input[j % input.length]);\n  if (next.length > ${10 + i}) next.splice(0, 1);\n  return { ...state, values: next, count: state.count + ${i} };\n}`,
  ).join('\n\n');

  it('reports an answer that reproduces a long stretch, naming the source file', () => {
    const index = createFingerprintIndex();
    addToIndex(index, 'vendor/gpl-lib/step.js', source, 'GPL-3.0-only');
    // Reformatted and re-commented copy of a part of it inside an answer.
    const copied = source.split('\n').slice(10, 40).map((l) => l.replace(/^\s+/, '    ')).join('\n');
    const answer = `Try this:\n\n\`\`\`js\n// helper\n${copied}\n\`\`\`\n`;
    const f = scanAnswer(answer, { index }).find((x) => x.rule === 'license/snippet-match');
    expect(f?.message).toContain('vendor/gpl-lib/step.js');
    expect(f?.message).toContain('GPL-3.0-only');
    expect(f?.severity).toBe('high');
    expect(f!.line).toBeGreaterThanOrEqual(5);
  });

  it('does not report unrelated code or a short shared idiom', () => {
    const index = createFingerprintIndex();
    addToIndex(index, 'lib.js', source, 'GPL-3.0-only');
    expect(matchIndex(index, 'function add(a, b) {\n  return a + b;\n}\nconst x = add(1, 2);', 'javascript')).toEqual([]);
    expect(matchIndex(index, source.split('\n').slice(0, 3).join('\n'), 'javascript')).toEqual([]);
  });
});
