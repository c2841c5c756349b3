import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSignerKey, verifierKeyFromSignerKey } from './audit/checkpoint.js';
import { loadKek, type Kek } from './crypto/envelope.js';

/**
 * The operator's keystore: two secrets that must never be in the database.
 * - KEK (key-encryption key): `--kek-file FILE`, or the environment variable named by
 *   TAKUMO_KEK_ENV (default `TAKUMO_KEK`, base64 or hex), or `<keys-dir>/kek`.
 * - Audit signing key (Ed25519 C2SP note signer key): `--signing-key FILE`, or
 *   TAKUMO_AUDIT_SIGNING_KEY (the key text), or `<keys-dir>/audit-signing.key`.
 * Files are created with mode 0600 by `takumo cloud init`.
 */
export interface KeySources {
  keysDir: string;
  kekFile?: string;
  signingKeyFile?: string;
  env: NodeJS.ProcessEnv;
}

export const KEK_ENV = 'TAKUMO_KEK';
export const SIGNING_KEY_ENV = 'TAKUMO_AUDIT_SIGNING_KEY';

export function defaultKekPath(keysDir: string): string {
  return join(keysDir, 'kek');
}
export function defaultSigningKeyPath(keysDir: string): string {
  return join(keysDir, 'audit-signing.key');
}

export function resolveKek(sources: KeySources): { kek: Kek; from: string } {
  if (sources.kekFile) return { kek: loadKek({ file: sources.kekFile }), from: sources.kekFile };
  if (sources.env[KEK_ENV]) return { kek: loadKek({ env: KEK_ENV }, sources.env), from: `$${KEK_ENV}` };
  const file = defaultKekPath(sources.keysDir);
  if (existsSync(file)) return { kek: loadKek({ file }), from: file };
  throw new Error(`no key-encryption key: pass --kek-file, set ${KEK_ENV}, or run \`takumo cloud init\` to create ${file}`);
}

export function resolveSigningKey(sources: KeySources): { signerKey: string; from: string } {
  if (sources.signingKeyFile) return { signerKey: readSignerKey(sources.signingKeyFile), from: sources.signingKeyFile };
  const fromEnv = sources.env[SIGNING_KEY_ENV];
  if (fromEnv) return { signerKey: checkSignerKey(fromEnv.trim(), `$${SIGNING_KEY_ENV}`), from: `$${SIGNING_KEY_ENV}` };
  const file = defaultSigningKeyPath(sources.keysDir);
  if (existsSync(file)) return { signerKey: readSignerKey(file), from: file };
  throw new Error(`no audit signing key: pass --signing-key, set ${SIGNING_KEY_ENV}, or run \`takumo cloud init\` to create ${file}`);
}

function readSignerKey(file: string): string {
  return checkSignerKey(readFileSync(file, 'utf8').trim(), file);
}

function checkSignerKey(text: string, where: string): string {
  try {
    verifierKeyFromSignerKey(text);
    return text;
  } catch {
    throw new Error(`${where} does not hold a valid Ed25519 signed-note signer key`);
  }
}

function writeSecretFile(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/** Creates whatever is missing among the default key files; returns what exists afterwards. */
export function ensureKeyFiles(sources: KeySources, logName: string): { kekFrom: string; signingKeyFrom: string; created: string[]; verifierKey: string } {
  mkdirSync(sources.keysDir, { recursive: true, mode: 0o700 });
  const created: string[] = [];
  if (!sources.kekFile && !sources.env[KEK_ENV] && !existsSync(defaultKekPath(sources.keysDir))) {
    writeSecretFile(defaultKekPath(sources.keysDir), `${randomBytes(32).toString('base64')}\n`);
    created.push(defaultKekPath(sources.keysDir));
  }
  if (!sources.signingKeyFile && !sources.env[SIGNING_KEY_ENV] && !existsSync(defaultSigningKeyPath(sources.keysDir))) {
    writeSecretFile(defaultSigningKeyPath(sources.keysDir), `${generateSignerKey(logName).signerKey}\n`);
    created.push(defaultSigningKeyPath(sources.keysDir));
  }
  const kek = resolveKek(sources);
  const signer = resolveSigningKey(sources);
  return { kekFrom: kek.from, signingKeyFrom: signer.from, created, verifierKey: verifierKeyFromSignerKey(signer.signerKey) };
}

/** Writes a new KEK file next to the old one (for `takumo cloud keys rotate`). */
export function writeNewKekFile(file: string): void {
  writeSecretFile(file, `${randomBytes(32).toString('base64')}\n`);
}
