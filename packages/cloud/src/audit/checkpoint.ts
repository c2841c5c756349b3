/**
 * Signed checkpoints of the audit log: the C2SP `tlog-checkpoint` body wrapped in a C2SP
 * `signed-note`, signed with Ed25519 (node:crypto).
 *
 *   <origin>\n<decimal tree size>\n<base64 root hash>\n[extension lines\n]
 *   \n
 *   — <key name> <base64(4-byte key id || 64-byte signature)>\n   (one or more)
 *
 * Keys use the signed-note text encodings, so they can be pasted into other tooling:
 *   signer   PRIVATE+KEY+<name>+<8 hex key id>+<base64(0x01 || 32-byte seed)>
 *   verifier <name>+<8 hex key id>+<base64(0x01 || 32-byte public key)>
 *
 * Verification is strict: one malformed byte anywhere makes the note unreadable, a
 * signature line from the pinned key that does not verify is an error, and lines from keys
 * we do not know are ignored (that is how key rotation and witness cosignatures work).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type CheckpointErrorCode =
  | 'TAKUMO_E_CHECKPOINT_MALFORMED'
  | 'TAKUMO_E_CHECKPOINT_BAD_SIGNATURE'
  | 'TAKUMO_E_CHECKPOINT_UNVERIFIED'
  | 'TAKUMO_E_CHECKPOINT_ORIGIN'
  | 'TAKUMO_E_NOTE_KEY';

/** A checkpoint or key that cannot be trusted. The message never contains key material. */
export class CheckpointError extends Error {
  constructor(
    readonly code: CheckpointErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CheckpointError';
  }
}

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
}

export interface OpenedCheckpoint extends Checkpoint {
  /** Extension lines after the root hash (C2SP allows them; empty for Takumo's own log). */
  extensions: string[];
}

const ED25519_ALGORITHM = 0x01;
const SIGNATURE_PREFIX = '\u2014 '; // "— " (em dash, space)
const MAX_SIGNATURES = 100;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Key id of an Ed25519 note key: SHA-256(name || 0x0A || 0x01 || public key)[:4]. */
export function keyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_ALGORITHM]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** A fresh Ed25519 key pair in the signed-note encodings. `name` is usually the log origin. */
export function generateSignerKey(name: string): { signerKey: string; verifierKey: string } {
  assertKeyName(name);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519_PREFIX.length);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  const id = keyId(name, pub).toString('hex');
  return {
    signerKey: `PRIVATE+KEY+${name}+${id}+${encodeKey(seed)}`,
    verifierKey: `${name}+${id}+${encodeKey(pub)}`,
  };
}

/** The verifier key that matches a signer key (what clients pin). */
export function verifierKeyFromSignerKey(signerKey: string): string {
  const signer = parseSignerKey(signerKey);
  return `${signer.name}+${signer.id.toString('hex')}+${encodeKey(signer.publicKey)}`;
}

/** Signs a checkpoint and returns the complete signed note. */
export function signCheckpoint(checkpoint: Checkpoint, signerKey: string): string {
  const signer = parseSignerKey(signerKey);
  const body = formatCheckpointBody(checkpoint);
  const signature = sign(null, Buffer.from(body, 'utf8'), signer.privateKey);
  const line = `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([signer.id, signature]).toString('base64')}\n`;
  return `${body}\n${line}`;
}

/**
 * Parses a signed checkpoint and checks it carries a valid signature by `verifierKey`.
 * Throws `CheckpointError` when the note is malformed, when a signature by that key does not
 * verify, or when no signature by that key is present. With `options.origin`, the checkpoint
 * must also be for that log.
 */
export function openCheckpoint(noteText: string, verifierKey: string, options: { origin?: string } = {}): OpenedCheckpoint {
  const verifier = parseVerifierKey(verifierKey);
  if (typeof noteText !== 'string') throw malformed('a checkpoint must be text');
  if (!isNoteText(noteText)) throw malformed('the checkpoint contains control characters or invalid UTF-8');
  const split = noteText.lastIndexOf('\n\n');
  if (split < 0) throw malformed('the checkpoint has no signature block');
  const body = noteText.slice(0, split + 1);
  const signatures = noteText.slice(split + 2);
  if (signatures.length === 0 || !signatures.endsWith('\n')) throw malformed('the signature block must end with a newline');

  let verified = false;
  const lines = signatures.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('a signature line does not start with an em dash');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    if (space < 0) throw malformed('a signature line has no signature');
    const name = rest.slice(0, space);
    const encoded = rest.slice(space + 1);
    const raw = decodeBase64Strict(encoded);
    if (!isValidKeyName(name) || raw === undefined || raw.length < 5) throw malformed('a signature line is malformed');
    if (name !== verifier.name || !raw.subarray(0, 4).equals(verifier.id)) continue; // another key: ignored
    if (!verify(null, Buffer.from(body, 'utf8'), verifier.publicKey, raw.subarray(4))) {
      throw new CheckpointError(
        'TAKUMO_E_CHECKPOINT_BAD_SIGNATURE',
        `the checkpoint signature by the pinned key "${verifier.name}" does not verify: the checkpoint was altered or forged`,
      );
    }
    verified = true;
  }
  if (!verified) {
    throw new CheckpointError(
      'TAKUMO_E_CHECKPOINT_UNVERIFIED',
      `the checkpoint is not signed by the pinned key "${verifier.name}" (${verifier.id.toString('hex')})`,
    );
  }

  const checkpoint = parseCheckpointBody(body);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new CheckpointError(
      'TAKUMO_E_CHECKPOINT_ORIGIN',
      `the checkpoint is for log "${checkpoint.origin}", expected "${options.origin}"`,
    );
  }
  return checkpoint;
}

/** The signed text of a checkpoint: origin, size and base64 root, one per line. */
export function formatCheckpointBody(checkpoint: Checkpoint): string {
  const { origin, size, rootHash } = checkpoint;
  if (typeof origin !== 'string' || origin.length === 0 || !isNoteText(origin) || origin.includes('\n')) {
    throw malformed('the origin must be one non-empty line of text');
  }
  if (!Number.isSafeInteger(size) || size < 0) throw malformed('the tree size must be a non-negative safe integer');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== 32) throw malformed('the root hash must be 32 bytes');
  return `${origin}\n${size}\n${Buffer.from(rootHash).toString('base64')}\n`;
}

function parseCheckpointBody(body: string): OpenedCheckpoint {
  // body ends with '\n' (guaranteed by the split above); every line must be non-empty.
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw malformed('a checkpoint has an origin, a size and a root hash line');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) throw malformed('the checkpoint origin is empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) throw malformed('the checkpoint size is not a canonical decimal number');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw malformed('the checkpoint size is too large');
  const rootHash = decodeBase64Strict(rootText);
  if (rootHash === undefined || rootHash.length !== 32) throw malformed('the checkpoint root hash is not 32 bytes of base64');
  if (extensions.some((line) => line.length === 0)) throw malformed('the checkpoint has an empty extension line');
  return { origin, size, rootHash, extensions };
}

interface SignerKey {
  name: string;
  id: Buffer;
  privateKey: KeyObject;
  publicKey: Buffer;
}

interface VerifierKey {
  name: string;
  id: Buffer;
  publicKey: KeyObject;
}

function parseSignerKey(text: string): SignerKey {
  const prefix = 'PRIVATE+KEY+';
  const parts = typeof text === 'string' && text.startsWith(prefix) ? splitKey(text.slice(prefix.length)) : undefined;
  if (!parts) throw badKey('the signer key is not in the PRIVATE+KEY+<name>+<id>+<key> format');
  const [name, idHex, encoded] = parts;
  assertKeyName(name);
  const seed = decodeKey(encoded, 'signer');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  const id = keyId(name, publicKey);
  if (idHex !== id.toString('hex')) throw badKey('the signer key id does not match its key');
  return { name, id, privateKey, publicKey };
}

/** Parses a verifier key (`<name>+<id>+<key>`); throws CheckpointError when it is malformed. */
export function parseVerifierKey(text: string): { name: string; id: Buffer; publicKey: KeyObject } {
  const parts = typeof text === 'string' ? splitKey(text) : undefined;
  if (!parts) throw badKey('the verifier key is not in the <name>+<id>+<key> format');
  const [name, idHex, encoded] = parts;
  assertKeyName(name);
  const raw = decodeKey(encoded, 'verifier');
  const id = keyId(name, raw);
  if (idHex !== id.toString('hex')) throw badKey('the verifier key id does not match its key');
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  return { name, id, publicKey } satisfies VerifierKey;
}

/** `<name>+<id>+<base64 key>`: names hold no '+', while the base64 key may. */
function splitKey(text: string): [string, string, string] | undefined {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) return undefined;
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

function decodeKey(encoded: string, kind: string): Buffer {
  const raw = decodeBase64Strict(encoded);
  if (raw === undefined || raw.length !== 33) throw badKey(`the ${kind} key is not 33 bytes of base64`);
  if (raw[0] !== ED25519_ALGORITHM) throw badKey(`the ${kind} key is not an Ed25519 key (algorithm byte 0x01)`);
  return raw.subarray(1);
}

function encodeKey(key: Buffer): string {
  return Buffer.concat([Buffer.from([ED25519_ALGORITHM]), key]).toString('base64');
}

/** Standard base64 with padding, and only the canonical encoding of its bytes. */
function decodeBase64Strict(text: string): Buffer | undefined {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Valid UTF-8 (no lone surrogates) and no ASCII control character but newline. */
function isNoteText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) return false;
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function isValidKeyName(name: string): boolean {
  return name.length > 0 && !name.includes('+') && !/\s/u.test(name) && isNoteText(name);
}

function assertKeyName(name: string): void {
  if (typeof name !== 'string' || !isValidKeyName(name)) {
    throw badKey('a key name must be non-empty, without spaces and without "+"');
  }
}

function malformed(detail: string): CheckpointError {
  return new CheckpointError('TAKUMO_E_CHECKPOINT_MALFORMED', `malformed checkpoint: ${detail}`);
}

function badKey(detail: string): CheckpointError {
  return new CheckpointError('TAKUMO_E_NOTE_KEY', detail);
}
