import { describe, expect, it } from 'vitest';
import { knownSecretsFromEnvironment } from './index.js';

describe('knownSecretsFromEnvironment', () => {
  it('learns values of secret-named variables and of values a rule recognises', () => {
    const env = {
      PATH: '/usr/local/bin:/usr/bin',
      HOME: '/home/dev',
      SHELL: '/bin/bash',
      LANG: 'en_US.UTF-8',
      TERM: 'xterm-256color',
      ANTHROPIC_API_KEY: 'sk-ant-api03-Zk3mP9qR2vX8wL5nQ4tYZk3mP9qR2vX8wL5nQ4tY',
      DB_PASSWORD: 'hunter22',
      MY_PASS: 'Tr0ub4dor3',
      DATABASE_URL: 'postgres://app:Xk2mP9qR7v@db:5432/app',
      SENTRY_DSN: 'https://abc123def456@o1.ingest.sentry.io/42',
      GH: 'ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3',
      GREETING: 'hello world',
      PORT: '3000',
      DEBUG: 'false',
      EMPTY: '',
      UNSET: undefined,
    };
    const sources = knownSecretsFromEnvironment(env).map((k) => k.source).sort();
    expect(sources).toEqual(['env:ANTHROPIC_API_KEY', 'env:DATABASE_URL', 'env:DB_PASSWORD', 'env:GH', 'env:MY_PASS', 'env:SENTRY_DSN']);
  });

  it('never puts a value in the source name', () => {
    const known = knownSecretsFromEnvironment({ API_TOKEN: 'q9X2mL7vR4kP8nZ3w' });
    expect(known).toEqual([{ value: 'q9X2mL7vR4kP8nZ3w', source: 'env:API_TOKEN', category: 'ENV' }]);
  });
});

describe('a hash named as one in a dotenv file', () => {
  it('is not learnt as a known secret, while a password hash and a hash key still are', async () => {
    const { isPlainlyNotSecret } = await import('./index.js');
    const hex = '4f0c9e7a21b8d35e60f1a9c4b72d3e8f05c7a1e9b2d4f6a8c0e1d3b5a7f9c2e4';
    expect(isPlainlyNotSecret('app.ScriptNonceHash', hex)).toBe(true);
    expect(isPlainlyNotSecret('BUNDLE_DIGEST', hex)).toBe(true);
    expect(isPlainlyNotSecret('ADMIN_PASSWORD_HASH', hex)).toBe(false);
    expect(isPlainlyNotSecret('HASH_KEY', hex)).toBe(false);
    expect(isPlainlyNotSecret('BUNDLE_DIGEST', 'Tq8vRzW2kLm7Xp4Hc9Bn3Jd6')).toBe(false);
  });
});
