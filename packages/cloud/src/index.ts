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
