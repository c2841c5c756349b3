import { detect } from './detector.js';
import { isPlainlyNotSecret, SECRET_ENV_NAME } from './dotenv.js';
import type { KnownSecret } from './types.js';

/**
 * The secret-looking values of a process environment, for `takumo proxy` / `takumo run`:
 * an agent inherits that environment, and `env` or `printenv` output sent to a model
 * must carry tokens, not the values. A variable counts when its name says it holds a
 * secret (`*_KEY`, `*_TOKEN`, `*_SECRET`, `*PASSWORD*`, `*_PASS`, `DATABASE_URL`, `*_DSN`)
 * or when a detection rule recognises its value as a whole.
 */
export function knownSecretsFromEnvironment(env: Readonly<Record<string, string | undefined>>): KnownSecret[] {
  const out: KnownSecret[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value.length === 0 || value.length > 16_384 || seen.has(value)) continue;
    if (isPlainlyNotSecret(name, value)) continue;
    const byName = SECRET_ENV_NAME.test(name);
    if (!byName && !isRecognisedAsAWhole(value)) continue;
    seen.add(value);
    out.push({ value, source: `env:${name}`, category: /^[a-z][a-z0-9+.-]{1,20}:\/\/[^/\s]{0,200}@/i.test(value) || /(?:DATABASE_URL|_DSN)$/i.test(name) ? 'CONN' : 'ENV' });
  }
  return out;
}

/** A rule finds the value itself (or most of it), not merely something inside it. */
function isRecognisedAsAWhole(value: string): boolean {
  return detect(value).some((f) => f.end - f.start >= value.length * 0.6);
}
