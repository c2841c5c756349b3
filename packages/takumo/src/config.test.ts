import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDetector } from '@takumo/core';
import { UsageError } from './cli-context.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  collectAncestorSecrets,
  collectWorkspaceSecrets,
  findDotenvFiles,
  isDotenvFileName,
  linearTimeProblem,
  loadConfig,
  parseConfig,
  parseSize,
} from './config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'takumo-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseConfig', () => {
  it('reads every documented section', () => {
    const config = parseConfig(`
internal_domains = ["corp.example", ".Intra.Example"]

[allowlist]
patterns = ["^test_"]
paths = ["fixtures/**"]
values = ["hunter2-is-fine"]
rules = ["generic-password"]

[[rules]]
id = "acme-key"
category = "KEY"
pattern = "acme_[a-z0-9]{16}"
keywords = ["ACME_"]
description = "ACME internal API key"
examples = { match = ["acme_0123456789abcdef"], no_match = ["acme_short"] }

[scan]
max_file_size = "2MB"
exclude = ["vendor/"]

[proxy]
port = 8787
host = "127.0.0.1"
anthropic_upstream = "https://api.anthropic.com/"
openai_upstream = "https://api.openai.com/v1"
sentinel = "block"
sentinel_threshold = "high"

[cloud]
url = "https://takumo.example.com"
`);
    expect(config.detector.internalDomains).toEqual(['corp.example', 'intra.example']);
    expect(config.detector.allowlist).toEqual({
      patterns: ['^test_'],
      paths: ['fixtures/**'],
      values: ['hunter2-is-fine'],
      disabledRules: ['generic-password'],
    });
    const [rule] = config.detector.extraRules ?? [];
    expect(rule).toMatchObject({ id: 'acme-key', category: 'KEY', keywords: ['acme_'], description: 'ACME internal API key' });
    expect(config.scan).toEqual({ maxFileSize: 2 * 1024 * 1024, exclude: ['vendor/'] });
    expect(config.proxy).toEqual({
      port: 8787,
      host: '127.0.0.1',
      anthropicUpstream: 'https://api.anthropic.com',
      openaiUpstream: 'https://api.openai.com/v1',
      sentinel: 'block',
      sentinelThreshold: 'high',
    });
    expect(config.cloud).toEqual({ url: 'https://takumo.example.com' });
  });

  it('gives defaults for an empty file', () => {
    const config = parseConfig('');
    expect(config.scan.maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE);
    expect(config.detector).toEqual({});
  });

  it('makes extra rules that the detector runs', () => {
    const config = parseConfig(`[[rules]]\nid = "acme-key"\ncategory = "KEY"\npattern = "acme_[a-z0-9]{16}"\nkeywords = ["acme_"]\n`);
    const findings = createDetector(config.detector).detect('const k = "acme_0123456789abcdef";\n');
    expect(findings.map((f) => [f.rule, f.category, f.column])).toContainEqual(['acme-key', 'KEY', 12]);
  });

  it('accepts a gitleaks-style (?i) prefix as the case-insensitive flag', () => {
    const config = parseConfig(`[[rules]]\nid = "x"\npattern = "(?i)acme_[a-z]{4}"\nkeywords = ["acme"]\n`);
    expect(config.detector.extraRules?.[0]?.pattern.flags).toContain('i');
  });

  it.each([
    ['an unknown top-level key', 'allowlists = {}', /unknown key "allowlists"/],
    ['an unknown nested key', '[allowlist]\npathz = []', /unknown key "allowlist.pathz"/],
    ['a wrong type', '[allowlist]\npaths = "x"', /allowlist.paths must be an array of strings/],
    ['a bad sentinel mode', '[proxy]\nsentinel = "warn"', /proxy.sentinel must be one of: "report", "block"/],
    ['a non-loopback proxy host', '[proxy]\nhost = "0.0.0.0"', /proxy.host must be a loopback address/],
    ['a port out of range', '[proxy]\nport = 70000', /proxy.port must be an integer/],
    ['credentials in an upstream URL', '[proxy]\nopenai_upstream = "https://u:p@x.example"', /must not carry credentials/],
    ['a bad size', '[scan]\nmax_file_size = "lots"', /scan.max_file_size must be a positive number/],
    ['a bad domain', 'internal_domains = ["not a domain"]', /internal_domains\[0\] must be a domain/],
    ['a rule without a pattern', '[[rules]]\nid = "x"', /rules\[0\].pattern must be a string/],
    ['a rule with a bad category', '[[rules]]\nid = "x"\npattern = "a"\ncategory = "SECRET"', /rules\[0\].category must be one of/],
    ['duplicate rule ids', '[[rules]]\nid = "x"\npattern = "a"\n[[rules]]\nid = "x"\npattern = "b"', /duplicate rule id/],
    ['an invalid regex', '[[rules]]\nid = "x"\npattern = "a["', /rules\[0\].pattern is not a valid regular expression/],
    ['a nested quantifier', '[[rules]]\nid = "x"\npattern = "(a+)+$"', /rules\[0\].pattern is not a linear-time pattern/],
    ['a nested quantifier in an allowlist', '[allowlist]\npatterns = ["(\\\\w+\\\\s?)*"]', /allowlist.patterns\[0\] is not a linear-time/],
    ['a failing rule example', '[[rules]]\nid = "x"\npattern = "acme_[0-9]{4}"\nexamples = { match = ["acme_12"] }', /examples.match\[0\] is not matched/],
  ])('rejects %s with a message naming the key', (_name, text, expected) => {
    expect(usageMessage(() => parseConfig(text, '.takumo.toml'))).toMatch(expected);
  });

  it('reports a TOML syntax error by position without quoting the file', () => {
    const message = usageMessage(() => parseConfig('password = "hunter2-supersecret\n', 'cfg.toml'));
    expect(message).toMatch(/^cfg.toml: invalid TOML at line \d+, column \d+$/);
    expect(message).not.toContain('hunter2');
  });
});

describe('linearTimeProblem', () => {
  it.each(['(a+)+', '(a*)*', '(?:\\w+\\s?)*', '(a|aa)+', '(?:x(?:a|b))+', '(a{1,5}){2,}', '(\\d+)\\1', '(?=a)b', '(?<!a)b', '((a)'])(
    'rejects %s',
    (p) => {
      expect(linearTimeProblem(p)).toBeDefined();
    },
  );
  it.each([
    'ghp_[A-Za-z0-9]{36}',
    '(?:password|passwd)\\s*[:=]\\s*"([^"]{8,64})"',
    '(?:ab)+',
    '(?:a|b)?c+',
    '[(+*]+x',
    '(?<name>[a-z]{4})_\\d+',
    'AKIA[0-9A-Z]{16}',
  ])('accepts %s', (p) => {
    expect(linearTimeProblem(p)).toBeUndefined();
  });
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = linearTimeProblem(s);
        expect(r === undefined || typeof r === 'string').toBe(true);
      }),
    );
  });
});

describe('parseSize', () => {
  it.each([
    ['1000', 1000],
    ['512KB', 512 * 1024],
    ['10mb', 10 * 1024 * 1024],
    ['1.5M', 1.5 * 1024 * 1024],
  ])('%s → %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));
  it.each(['', 'MB', '-1', '0', '10 parsecs'])('rejects %j', (t) => expect(parseSize(t)).toBeUndefined());
});

describe('loadConfig', () => {
  it('finds .takumo.toml in a parent folder up to the git root', async () => {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, '.takumo.toml'), 'internal_domains = ["corp.example"]\n');
    const config = await loadConfig({ cwd: join(dir, 'a/b') });
    expect(config.path).toBe(join(dir, '.takumo.toml'));
    expect(config.detector.internalDomains).toEqual(['corp.example']);
  });

  it('does not look above the git root', async () => {
    writeFileSync(join(dir, '.takumo.toml'), 'internal_domains = ["outer.example"]\n');
    mkdirSync(join(dir, 'repo/.git'), { recursive: true });
    const config = await loadConfig({ cwd: join(dir, 'repo') });
    expect(config.path).toBeUndefined();
  });

  it('outside a repository looks only in the working directory', async () => {
    writeFileSync(join(dir, '.takumo.toml'), 'internal_domains = ["outer.example"]\n');
    mkdirSync(join(dir, 'sub'));
    expect((await loadConfig({ cwd: join(dir, 'sub') })).path).toBeUndefined();
    expect((await loadConfig({ cwd: dir })).path).toBe(join(dir, '.takumo.toml'));
  });

  it('prefers --config over TAKUMO_CONFIG over the search', async () => {
    writeFileSync(join(dir, '.takumo.toml'), 'internal_domains = ["found.example"]\n');
    writeFileSync(join(dir, 'env.toml'), 'internal_domains = ["env.example"]\n');
    writeFileSync(join(dir, 'flag.toml'), 'internal_domains = ["flag.example"]\n');
    const env = { TAKUMO_CONFIG: 'env.toml' };
    expect((await loadConfig({ cwd: dir, env })).detector.internalDomains).toEqual(['env.example']);
    expect((await loadConfig({ cwd: dir, env, file: 'flag.toml' })).detector.internalDomains).toEqual(['flag.example']);
  });

  it('fails clearly when the named config file is missing', async () => {
    await expect(loadConfig({ cwd: dir, file: 'nope.toml' })).rejects.toThrow(/config file not found: .*nope.toml \(from --config\)/);
    await expect(loadConfig({ cwd: dir, env: { TAKUMO_CONFIG: 'gone.toml' } })).rejects.toThrow(/from TAKUMO_CONFIG/);
  });
});

describe('dotenv discovery', () => {
  it('recognises dotenv file names', () => {
    for (const n of ['.env', '.env.local', '.env.production', 'prod.env', '.Renviron', 'Renviron.site']) expect(isDotenvFileName(n)).toBe(true);
    for (const n of ['env', '.envrc', 'environment.ts', 'x.envy']) {
      expect(isDotenvFileName(n)).toBe(false);
    }
  });

  it('finds dotenv files even when git ignores them, but skips node_modules, .git and symlinks', async () => {
    writeFileSync(join(dir, '.gitignore'), '.env\n');
    writeFileSync(join(dir, '.env'), 'A=1\n');
    mkdirSync(join(dir, 'svc/api'), { recursive: true });
    writeFileSync(join(dir, 'svc/api/.env.production'), 'A=1\n');
    writeFileSync(join(dir, 'svc/prod.env'), 'A=1\n');
    mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/pkg/.env'), 'A=1\n');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/.env'), 'A=1\n');
    const outside = mkdtempSync(join(tmpdir(), 'takumo-outside-'));
    writeFileSync(join(outside, '.env'), 'A=1\n');
    symlinkSync(outside, join(dir, 'linked'));
    try {
      expect(await findDotenvFiles(dir)).toEqual(['.env', 'svc/api/.env.production', 'svc/prod.env']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('collectWorkspaceSecrets', () => {
  it('learns the secret values of every dotenv file, named by file and key, never by value', async () => {
    writeFileSync(join(dir, '.env'), 'PORT=3000\nLOG_LEVEL=debug\nSESSION_SECRET=n0t-a-real-S3cret-but-looks-like-one-42\n');
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'api/.env.production'), 'DB_PASSWORD=Xk29vLq7pRz4-prod\n');
    const secrets = await collectWorkspaceSecrets(dir);
    expect(secrets.map((s) => s.value).sort()).toEqual(['Xk29vLq7pRz4-prod', 'n0t-a-real-S3cret-but-looks-like-one-42']);
    for (const s of secrets) expect(s.source).not.toContain(s.value);
    expect(secrets.map((s) => s.source).join(' ')).toMatch(/api\/\.env\.production/);
  });

  it('learns nothing from example and template dotenv files, nor publishable keys', async () => {
    writeFileSync(join(dir, '.env'), 'STRIPE_PUBLISHABLE_KEY=pk_live_51v4TX0EAMy9ssqXfiHV4t1Kw2bZ51Xo5LYpyuhIi6\nDB_PASSWORD=Xk29vLq7pRz4-prod\n');
    writeFileSync(join(dir, '.env.example'), 'DATABASE_URL=postgres://user:password@localhost:5432/app\nAPI_TOKEN=Tmpl-Looking-Real-9f3Kq2\n');
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web/.env.template'), 'SESSION_SECRET=Tmpl-Session-Secret-7Lq2\n');
    const secrets = await collectWorkspaceSecrets(dir);
    expect(secrets.map((s) => s.value)).toEqual(['Xk29vLq7pRz4-prod']);
  });
});

describe('collectAncestorSecrets', () => {
  it('reads the dotenv files of the folder and its parents up to the git root, not of siblings or above', async () => {
    mkdirSync(join(dir, 'repo/.git'), { recursive: true });
    mkdirSync(join(dir, 'repo/app/src'), { recursive: true });
    mkdirSync(join(dir, 'repo/other'), { recursive: true });
    writeFileSync(join(dir, '.env'), 'OUTSIDE_TOKEN=outside-repo-Secret-value-1\n');
    writeFileSync(join(dir, 'repo/.env'), 'ROOT_TOKEN=root-level-Secret-value-2\n');
    writeFileSync(join(dir, 'repo/app/.env.local'), 'APP_TOKEN=app-level-Secret-value-3\n');
    writeFileSync(join(dir, 'repo/other/.env'), 'OTHER_TOKEN=sibling-Secret-value-4\n');
    const secrets = await collectAncestorSecrets(join(dir, 'repo/app/src'));
    expect(secrets.map((s) => s.value).sort()).toEqual(['app-level-Secret-value-3', 'root-level-Secret-value-2']);
  });
});
