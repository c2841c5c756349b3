import type { Detector } from '@takumo/core';
import { decodeContent } from './content.js';
import { fingerprintFindings } from './fingerprint.js';
import { redactPreview } from './redact.js';
import type { ScanFinding } from './scanner.js';

/** Error code of a file whose content the detector failed on (the scan then exits 2). */
export const DETECT_FAILED = 'TAKUMO_E_DETECT';

/** What scanning one file's bytes gave; plain data, so a worker thread can post it back. */
export type FileOutcome =
  | { kind: 'binary' }
  /** Larger than the size limit when it was opened: counted, never read. */
  | { kind: 'too-large' }
  | { kind: 'text'; lossy: boolean; bytes: number; findings: ScanFinding[] };

/** Decodes, detects, fingerprints and previews one file. Its text never leaves this function. */
export function scanContent(detector: Detector, content: Uint8Array, display: string, projectPath: string): FileOutcome {
  const decoded = decodeContent(content);
  if (decoded.kind === 'binary') return { kind: 'binary' };
  const found = detector.detect(decoded.text, { file: display });
  const prints = found.length > 0 ? fingerprintFindings(projectPath, decoded.text, found) : [];
  const findings = found.map((f, i) => ({
    ...f,
    file: display,
    projectPath,
    fingerprint: prints[i]!,
    preview: redactPreview(decoded.text.slice(f.start, f.end)),
  }));
  return { kind: 'text', lossy: decoded.encoding === 'lossy-utf8', bytes: content.length, findings };
}
