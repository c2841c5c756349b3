import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectInText } from './detect.js';
import { parseExpression } from './classify.js';

/**
 * The licence of the project in `dir`: package.json `license`, else the LICENSE/COPYING file
 * (recognised by its text), else pyproject.toml; `proprietary` when none says otherwise
 * (UNLICENSED and SEE LICENSE IN … count as proprietary).
 */
export function resolveProjectLicense(dir: string): { license: string; source: string } {
  const pkg = readText(join(dir, 'package.json'));
  if (pkg) {
    try {
      const data = JSON.parse(pkg) as { license?: unknown };
      if (typeof data.license === 'string' && data.license.trim()) {
        const l = data.license.trim();
        if (/^UNLICENSED$|^SEE LICEN[CS]E IN/i.test(l)) return { license: 'proprietary', source: 'package.json' };
        if (parseExpression(l)) return { license: l, source: 'package.json' };
      }
    } catch {
      // A broken package.json says nothing about the licence; keep looking.
    }
  }
  for (const name of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'LICENCE.md', 'COPYING', 'COPYING.md']) {
    const text = readText(join(dir, name));
    if (!text) continue;
    const found = detectInText(text);
    const first = found[0];
    if (first) return { license: first.spdx, source: name };
  }
  const pyproject = readText(join(dir, 'pyproject.toml'));
  if (pyproject) {
    const m = /^\s*license\s*=\s*(?:"([^"]+)"|\{\s*text\s*=\s*"([^"]+)"\s*\})/m.exec(pyproject);
    const l = m?.[1] ?? m?.[2];
    if (l && parseExpression(l)) return { license: l, source: 'pyproject.toml' };
  }
  return { license: 'proprietary', source: 'default' };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
