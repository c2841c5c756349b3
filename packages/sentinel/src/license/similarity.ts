import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Whole licence texts pasted into an answer, recognised by similarity to the SPDX texts
 * (spdx-license-list/full): the share of the block's word trigrams found in a licence text.
 * Only licences people actually paste are compared, so the (large) data is loaded once,
 * lazily, and the comparison stays in the milliseconds.
 */
const CANDIDATES = [
  'MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', '0BSD', 'Unlicense', 'CC0-1.0', 'Zlib', 'BSL-1.0',
  'GPL-2.0-only', 'GPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only', 'MPL-2.0', 'EPL-1.0', 'EPL-2.0',
  'EUPL-1.2', 'CDDL-1.0', 'SSPL-1.0', 'OSL-3.0', 'MS-PL', 'MS-RL', 'Artistic-2.0', 'WTFPL', 'CC-BY-4.0', 'CC-BY-SA-4.0',
];

const MIN_CONTAINMENT = 0.6;

let shingled: Map<string, Set<string>> | undefined;

export function normaliseLicenseText(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/^[\s*#/]*copyright\b[^\n]*$/gim, ' ')
    .replace(/licence/g, 'license')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

function trigrams(words: string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) s.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return s;
}

function load(): Map<string, Set<string>> {
  if (shingled) return shingled;
  shingled = new Map();
  let full: Record<string, { licenseText?: string }> = {};
  try {
    full = require('spdx-license-list/full') as typeof full;
  } catch {
    return shingled;
  }
  for (const id of CANDIDATES) {
    const t = full[id]?.licenseText;
    if (t) shingled.set(id, trigrams(normaliseLicenseText(t)));
  }
  return shingled;
}

/** The SPDX id whose text best contains the block, when the match is strong enough. */
export function bestTextMatch(block: string): string | undefined {
  const words = normaliseLicenseText(block);
  if (words.length < 40) return undefined;
  const grams = trigrams(words);
  let best: string | undefined;
  let bestScore = 0;
  for (const [id, lic] of load()) {
    let hit = 0;
    for (const g of grams) if (lic.has(g)) hit++;
    // Containment of the block in the licence, weighed by how much of the licence it covers.
    const containment = hit / grams.size;
    const coverage = hit / lic.size;
    const score = containment * 0.8 + Math.min(coverage, 1) * 0.2;
    if (containment >= MIN_CONTAINMENT && score > bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
