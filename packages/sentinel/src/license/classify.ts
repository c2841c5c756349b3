import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Strength = 'strong' | 'network' | 'weak';

/** Parsed SPDX expression (the shape spdx-expression-parse returns). */
export type SpdxNode =
  | { license: string; plus?: boolean; exception?: string }
  | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode };

let parser: ((s: string) => SpdxNode) | undefined;

/** Parses an SPDX expression; undefined when it is not one. */
export function parseExpression(text: string): SpdxNode | undefined {
  parser ??= require('spdx-expression-parse') as (s: string) => SpdxNode;
  try {
    return parser(text.trim());
  } catch {
    return undefined;
  }
}

/** Share-alike strength of a single licence id (undefined: not copyleft). */
export function strengthOf(id: string): Strength | undefined {
  const u = id.toUpperCase();
  if (/^(?:AGPL|SSPL|RPL|OSL-3|CPAL)/.test(u)) return 'network';
  if (/^(?:LGPL|MPL|EPL|CDDL|CPL|MS-RL|EUPL-1\.0|ERPL|APSL|CECILL-C|IPL|SPL|NPL|LPL|GPL-.*WITH)/.test(u)) return 'weak';
  if (/^(?:GPL|EUPL|OSL|SLEEPYCAT|CECILL-2|CECILL-1|QPL|ODBL|CC-BY-SA|CC-BY-NC-SA|GFDL|NGPL)/.test(u)) return 'strong';
  return undefined;
}

export interface Classification {
  copyleft: boolean;
  strength?: Strength;
  /** The copyleft licence ids that bind the recipient. */
  binding: string[];
}

const RANK: Record<Strength, number> = { weak: 1, strong: 2, network: 3 };

/**
 * Copyleft obligations of an expression for a proprietary recipient: `A OR B` binds only
 * when every option does (the recipient picks the permissive one); `A AND B` binds when
 * any part does; `X WITH exception` keeps X's copyleft, weakened to `weak` for GPL.
 */
export function classify(node: SpdxNode): Classification {
  if ('conjunction' in node) {
    const l = classify(node.left);
    const r = classify(node.right);
    if (node.conjunction === 'or') {
      if (!l.copyleft || !r.copyleft) return { copyleft: false, binding: [] };
      const strength = RANK[l.strength!] <= RANK[r.strength!] ? l.strength : r.strength;
      return { copyleft: true, strength, binding: [...l.binding, ...r.binding] };
    }
    if (!l.copyleft && !r.copyleft) return { copyleft: false, binding: [] };
    const strength = !l.copyleft ? r.strength : !r.copyleft ? l.strength : RANK[l.strength!] >= RANK[r.strength!] ? l.strength : r.strength;
    return { copyleft: true, strength, binding: [...l.binding, ...r.binding] };
  }
  const base = strengthOf(node.license);
  if (!base) return { copyleft: false, binding: [] };
  const strength: Strength = node.exception && base === 'strong' ? 'weak' : base;
  const id = node.license + (node.plus ? '+' : '') + (node.exception ? ` WITH ${node.exception}` : '');
  return { copyleft: true, strength, binding: [id] };
}

/** Copyleft ids whose code a project under `project` may take in without a licence conflict. */
export function acceptsCopyleft(project: string, incoming: string): boolean {
  const p = project.toUpperCase();
  const i = incoming.toUpperCase().replace(/\s+WITH\s+.*$/, '');
  const pStrength = strengthOf(p);
  if (!pStrength) return false; // permissive or proprietary projects cannot take copyleft code
  const family = (s: string) => s.replace(/-(?:ONLY|OR-LATER)$|\+$/, '');
  const version = (s: string) => Number(/-(\d(?:\.\d)?)/.exec(s)?.[1] ?? 0);
  const orLater = (s: string) => /-OR-LATER$|\+$/.test(s) || /^GPL-\d\.\d$/.test(s) === false && /\+/.test(s);
  if (family(p) === family(i)) return version(p) === version(i) || (orLater(i) && version(i) <= version(p));
  // GPL-3 family takes LGPL, MPL-2.0, GPL-2.0-or-later, AGPL-3 (with its network clause), EUPL-1.2.
  if (/^(?:GPL|AGPL)-3/.test(p)) {
    if (/^(?:LGPL|MPL-2\.0|EUPL-1\.2|AGPL-3|GPL-3)/.test(i)) return true;
    if (/^GPL-2/.test(i)) return orLater(i);
    return false;
  }
  if (/^GPL-2/.test(p)) {
    if (/^LGPL-2/.test(i) || /^MPL-2\.0/.test(i)) return true;
    return false;
  }
  // Weak-copyleft projects cannot absorb stronger copyleft.
  return strengthOf(i) === 'weak' && pStrength !== 'weak' ? true : false;
}
