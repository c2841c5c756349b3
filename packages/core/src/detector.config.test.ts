import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector, detect } from './index.js';

const SECRET_LINE = 'db_password = "Xk2mP9qR7v!"';
const secretsOf = (text: string, findings: { start: number; end: number }[]) => findings.map((f) => text.slice(f.start, f.end));

describe('inline suppression', () => {
  it('honours takumo:allow, gitleaks:allow and pragma: allowlist secret on the line', () => {
    for (const marker of ['# takumo:allow', '// gitleaks:allow', '# pragma: allowlist secret']) {
      expect(detect(`${SECRET_LINE} ${marker}`), marker).toEqual([]);
    }
  });

  it('honours takumo:allow-next-line for the following line only', () => {
    const text = `# takumo:allow-next-line\n${SECRET_LINE}\n${SECRET_LINE}\n`;
    expect(detect(text).map((f) => f.line)).toEqual([3]);
  });

  it('does not let an allow-next-line comment suppress its own line', () => {
    expect(detect(`${SECRET_LINE} # takumo:allow-next-line`)).toHaveLength(1);
  });
});

describe('allowlist config', () => {
  it('drops exact allowlisted values', () => {
    expect(createDetector({ allowlist: { values: ['Xk2mP9qR7v!'] } }).detect(SECRET_LINE)).toEqual([]);
  });

  it('drops values matching allowlisted patterns', () => {
    expect(createDetector({ allowlist: { patterns: ['^Xk2m'] } }).detect(SECRET_LINE)).toEqual([]);
  });

  it('switches rules off by id', () => {
    expect(createDetector({ allowlist: { disabledRules: ['generic-assignment'] } }).detect(SECRET_LINE)).toEqual([]);
  });

  it('skips allowlisted paths, by glob', () => {
    const d = createDetector({ allowlist: { paths: ['**/fixtures/**', '*.snap'] } });
    expect(d.detect(SECRET_LINE, { file: 'test/fixtures/a/b.py' })).toEqual([]);
    expect(d.detect(SECRET_LINE, { file: 'src/__snapshots__/x.snap' })).toEqual([]);
    expect(d.detect(SECRET_LINE, { file: 'fixtures/b.py' })).toEqual([]);
    expect(d.detect(SECRET_LINE, { file: 'src/config.py' })).toHaveLength(1);
    expect(d.detect(SECRET_LINE, { file: 'src/myfixtures/config.py' })).toHaveLength(1);
  });
});

describe('declared internal domains', () => {
  it('reports hosts and URLs under a declared domain', () => {
    const d = createDetector({ internalDomains: ['acme.io'] });
    const text = 'API=https://billing.acme.io/v2/invoices and db01.eu.acme.io';
    expect(d.detect(text).map((f) => [f.category, text.slice(f.start, f.end)])).toEqual([
      ['URL', 'https://billing.acme.io/v2/invoices'],
      ['HOST', 'db01.eu.acme.io'],
    ]);
  });

  it('leaves the same hosts alone without the declaration', () => {
    expect(detect('API=https://billing.acme.io/v2/invoices and db01.eu.acme.io')).toEqual([]);
  });
});

describe('known secrets', () => {
  it('finds a known value anywhere, whatever its shape, as ENV', () => {
    const d = createDetector({ knownSecrets: [{ value: 'plain words 42', source: '.env:GREETING' }] });
    const text = 'log("plain words 42"); x = `plain words 42`';
    const findings = d.detect(text);
    expect(findings.map((f) => f.category)).toEqual(['ENV', 'ENV']);
    expect(secretsOf(text, findings)).toEqual(['plain words 42', 'plain words 42']);
  });

  it('lets a rule name the category when it finds the same value', () => {
    const d = createDetector({ knownSecrets: [{ value: 'Xk2mP9qR7v!', source: '.env:DB_PASSWORD' }] });
    expect(d.detect(SECRET_LINE).map((f) => [f.rule, f.category])).toEqual([['generic-assignment', 'PASS']]);
  });
});

describe('overlaps', () => {
  it('reports a connection string as one CONN finding, not a password inside it', () => {
    const text = 'DATABASE_URL=postgres://app:Xk2mP9qR7v@db.prod.internal:5432/app';
    const findings = detect(text);
    expect(findings.map((f) => f.category)).toEqual(['CONN']);
    expect(secretsOf(text, findings)).toEqual(['postgres://app:Xk2mP9qR7v@db.prod.internal:5432/app']);
  });

  it('reports a private key block as one finding spanning its lines', () => {
    const key = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\nAwEHoUQDQgAEPR3tU2Fta9ktY+6P9G0cWO+0kETA6SFs38GecTyudlHz6xvCdz8q\n-----END EC PRIVATE KEY-----';
    const findings = detect(`config:\n${key}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ category: 'PKEY', line: 2, endLine: 5 });
  });
});

describe('findings', () => {
  it('carry metadata only, never the secret value', () => {
    const findings = detect(SECRET_LINE, { file: 'app/settings.py' });
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain('Xk2mP9qR7v');
    expect(findings[0]).toMatchObject({ file: 'app/settings.py', line: 1, column: 16, endColumn: 26 });
  });

  it('are ordered, disjoint and inside the text for any input', () => {
    const pieces = fc.constantFrom(
      SECRET_LINE, 'token: q9X2mL7vR4kP8nZ3w', 'http://10.1.2.3/x', 'postgres://u:Xk2mP9qR7v@h/db', '"', '=', '\n', ' ', 'key', 'eyJ',
      '-----BEGIN RSA PRIVATE KEY-----\n', '-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t', 'ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let previousEnd = 0;
        for (const f of detect(text)) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          previousEnd = f.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a non-string input with a typed error', () => {
    expect(() => detect(42 as unknown as string)).toThrow(/expects the text/);
  });
});
