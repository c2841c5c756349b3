import type { Segment } from '../segments.js';
import type { SentinelFinding } from '../types.js';

export interface LicenseScanOptions {
  projectLicense?: string;
}

export function findLicenseIssues(_text: string, _segments: Segment[], _options: LicenseScanOptions): SentinelFinding[] {
  return [];
}
