import { CheckpointError, leafHash, openCheckpoint, verifyInclusion } from '@takumo/cloud';
import { loadAuditState } from './audit-verifier.js';

/**
 * Checks an audit export line by line as it streams in: the first line's checkpoint must
 * be signed by the pinned key (or, with no pin yet, the key the export names), and every
 * entry must hash to its leaf hash and carry an inclusion proof to that checkpoint's root.
 */
export interface ExportCheckResult {
  ok: boolean;
  entries: number;
  problems: string[];
  pinned: boolean;
}

export function openExportChecker(options: { env: NodeJS.ProcessEnv; cloud: string; orgId: string }) {
  const state = loadAuditState(options.env, options.cloud, options.orgId);
  const problems: string[] = [];
  let checkpoint: { size: number; rootHash: Buffer } | undefined;
  let expectedSeq = 0;
  let entries = 0;
  let lineNumber = 0;

  const fail = (message: string) => {
    if (problems.length < 10) problems.push(message);
  };

  return {
    line(text: string): void {
      lineNumber++;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(text) as Record<string, unknown>;
      } catch {
        fail(`line ${lineNumber} is not JSON`);
        return;
      }
      if (lineNumber === 1) {
        if (record.type !== 'checkpoint' || typeof record.checkpoint !== 'string') {
          fail('the export does not start with a checkpoint line');
          return;
        }
        const key = state?.verifierKey ?? (typeof record.verifierKey === 'string' ? record.verifierKey : '');
        try {
          const opened = openCheckpoint(record.checkpoint, key, state ? { origin: state.origin } : {});
          checkpoint = { size: opened.size, rootHash: opened.rootHash };
          if (record.treeSize !== opened.size || record.rootHash !== opened.rootHash.toString('base64')) {
            fail('the checkpoint line states a size or root other than the signed one');
          }
        } catch (error) {
          fail(error instanceof CheckpointError ? `checkpoint rejected: ${error.message}` : 'the checkpoint cannot be read');
        }
        return;
      }
      if (!checkpoint) return; // already failed
      if (record.type !== 'entry') return; // other record types are informational
      const seq = record.seq;
      if (seq !== expectedSeq) {
        fail(`entry #${expectedSeq} is missing (found #${String(seq)})`);
        expectedSeq = typeof seq === 'number' ? seq + 1 : expectedSeq + 1;
        return;
      }
      expectedSeq++;
      entries++;
      const stored = typeof record.leafHash === 'string' ? Buffer.from(record.leafHash, 'base64') : Buffer.alloc(0);
      if (typeof record.leaf === 'string' && !leafHash(Buffer.from(record.leaf, 'utf8')).equals(stored)) {
        fail(`entry #${seq} was edited: its content does not hash to its leaf hash`);
      }
      const proof = Array.isArray(record.proof) ? record.proof.map((p) => Buffer.from(String(p), 'base64')) : [];
      if (!verifyInclusion(stored, seq, checkpoint.size, proof, checkpoint.rootHash)) {
        fail(`entry #${seq} is not included in the signed checkpoint`);
      }
    },
    finish(): ExportCheckResult {
      if (lineNumber === 0) fail('the export is empty');
      if (checkpoint && entries !== checkpoint.size) fail(`the export has ${entries} entries, the checkpoint ${checkpoint.size}`);
      return { ok: problems.length === 0, entries, problems, pinned: Boolean(state) };
    },
  };
}
