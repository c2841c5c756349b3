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
