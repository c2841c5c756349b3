// Audit log Merkle tree (RFC 6962/9162): hashing, stored-node proofs, verification.
export {
  HASH_SIZE,
  leafHash,
  nodeHash,
  emptyRoot,
  rootFromLeafHashes,
  appendLeafNodes,
  rootAt,
  inclusionProof,
  consistencyProof,
  verifyInclusion,
  verifyConsistency,
  InMemoryTree,
  type NodeReader,
  type TreeNode,
} from './audit/merkle.js';
// Signed checkpoints (C2SP tlog-checkpoint + signed-note, Ed25519).
export {
  CheckpointError,
  generateSignerKey,
  verifierKeyFromSignerKey,
  keyId,
  signCheckpoint,
  openCheckpoint,
  formatCheckpointBody,
  parseVerifierKey,
  type Checkpoint,
  type OpenedCheckpoint,
  type CheckpointErrorCode,
} from './audit/checkpoint.js';
// Envelope encryption at rest (AES-256-GCM, KEK → per-tenant DEKs → fields).
export {
  EnvelopeError,
  MAX_ENCRYPTIONS_PER_DEK,
  loadKek,
  kekFromBytes,
  generateDek,
  wrapDek,
  unwrapDek,
  fieldAad,
  encryptField,
  decryptField,
  fieldDekId,
  type Kek,
  type EnvelopeErrorCode,
} from './crypto/envelope.js';
// Cloud server: database (PGlite or PostgreSQL, one schema), keys, API server, maintenance.
export { openDatabase, inTenant, type CloudDatabase, type DatabaseOptions } from './db/database.js';
export { Keyring, ROTATE_AFTER } from './crypto/keyring.js';
export { createCloudServer, CLOUD_API_VERSION, type CloudServer, type CloudServerOptions } from './server/app.js';
export { startCloudService, assertSafeBind, isLoopback, type CloudServiceOptions, type RunningCloudService } from './service.js';
export { bootstrapOrganisation } from './org/organisations.js';
export type { EventMetadata } from './audit/log.js';
export { PLANS, PLAN_RULES, type Plan } from './org/plans.js';
export { ROLES, PERMISSIONS, TOKEN_SCOPES, permissionTableMarkdown, type Role, type Permission } from './auth/permissions.js';
export { listOrganisationIds, sweepRetention, rewrapAllDataKeys, rotateAllDataKeys } from './maintenance.js';
export {
  ensureKeyFiles,
  resolveKek,
  resolveSigningKey,
  writeNewKekFile,
  defaultKekPath,
  defaultSigningKeyPath,
  KEK_ENV,
  SIGNING_KEY_ENV,
  type KeySources,
} from './operator-keys.js';
