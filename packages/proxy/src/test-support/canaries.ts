import type { KnownSecret } from '@takumo/core';

/**
 * Canary secrets for the end-to-end tests. Each is also given to the proxy as a known
 * secret, so the tests do not depend on the detection rules of the day; the values
 * include JSON-special characters (quote, backslash, newline) to prove that restored
 * values in tool-call JSON are escaped.
 */
export const CANARIES = {
  github: 'ghp_8fK2mQ9xLp3Vt7Rw1Zy5Nb4Hc6Dj0Ga2Se1U',
  conn: 'postgres://admin:S3cr3t-Pa55@db.internal:5432/app',
  quoted: 'hunter2-Zq9!xK"quote\\back',
  pem:
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwUvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA\n' +
    'JIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBX\nunJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NP\n' +
    'pZP+rtJySLdi46tYBfB2WiucHX4PN8RJIb0/ZWTq338UKnJmjEfiI9Fu3YxHtGr8\nW67iYfU7JhUtJjuoOwN81JYuQ0gBJWuIXpyQUfMgsNuD856nrb0NdObex/PfrsyP\n' +
    'ZGVmZBp7omYPMBH8NXApHFeZDRoAkSaJGfJdnQYS3zWdYCaiQPRYml15Hx3ZfP76\n-----END PRIVATE KEY-----',
} as const;

export const CANARY_VALUES: string[] = Object.values(CANARIES);

/** Distinctive fragments: none may appear anywhere a canary must not be. */
export const CANARY_FRAGMENTS = ['8fK2mQ9xLp3Vt7Rw1Zy5', 'S3cr3t-Pa55', 'hunter2-Zq9', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw'];

export const CANARY_KNOWN_SECRETS: KnownSecret[] = [
  { value: CANARIES.github, source: 'test:GITHUB_TOKEN', category: 'KEY' },
  { value: CANARIES.conn, source: 'test:DATABASE_URL', category: 'CONN' },
  { value: CANARIES.quoted, source: 'test:DB_PASSWORD', category: 'PASS' },
  { value: CANARIES.pem, source: 'test:PRIVATE_KEY', category: 'PKEY' },
];

/** Fragments of any canary found in `text` (empty when clean). */
export function leakedFragments(text: string): string[] {
  return CANARY_FRAGMENTS.filter((f) => text.includes(f));
}
