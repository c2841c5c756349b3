import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERMISSION_NAMES, permissionTableMarkdown, roleAllows, TOKEN_SCOPES } from './permissions.js';

describe('permission table', () => {
  it('is the table the README documents, byte for byte', () => {
    const readme = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section:cloud -->'), readme.indexOf('<!-- /section:cloud -->'));
    expect(section).toContain(permissionTableMarkdown());
  });

  it('gives the owner everything and the auditor nothing that writes', () => {
    for (const p of PERMISSION_NAMES) expect(roleAllows('owner', p)).toBe(true);
    const auditorWrites = PERMISSION_NAMES.filter((p) => roleAllows('auditor', p) && /:(write|plan)$/.test(p));
    expect(auditorWrites).toEqual(['tokens:write', 'telemetry:write']);
    expect(TOKEN_SCOPES).not.toContain('org:plan');
  });
});
