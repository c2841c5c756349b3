import { lex } from '../lexer.js';
import type { Segment } from '../segments.js';
import { classify, type Classification, parseExpression, type SpdxNode } from './classify.js';
import { bestTextMatch } from './similarity.js';

/** A licence an answer declares for (part of) its code. */
export interface LicenseDeclaration {
  /** SPDX id or expression, e.g. `GPL-2.0-only OR MIT`. */
  spdx: string;
  /** How it was found: an SPDX tag, a standard notice, an informal claim, a pasted licence text. */
  kind: 'spdx' | 'notice' | 'claim' | 'text';
  classification: Classification;
  /** 1-based lines in the scanned text. */
  line: number;
  endLine: number;
}

/** Standard notices ("how to apply" texts): phrase → SPDX id (versions resolved below). */
const NOTICES: Array<[RegExp, string | ((m: RegExpExecArray, text: string) => string)]> = [
  [
    /\b(?:under the terms of|under) the GNU (Affero |Lesser |Library )?General Public License\b([^.]{0,160})/i,
    (m, text) => {
      const family = /affero/i.test(m[1] ?? '') ? 'AGPL' : /lesser|library/i.test(m[1] ?? '') ? 'LGPL' : 'GPL';
      const tail = m[2] ?? '';
      const rest = text.slice(m.index, m.index + 400);
      const version = /version (\d(?:\.\d)?)|\bv\.? ?(\d(?:\.\d)?)/i.exec(tail) ?? /version (\d(?:\.\d)?)/i.exec(rest);
      const v = normaliseVersion(family, version?.[1] ?? version?.[2] ?? (family === 'LGPL' ? '2.1' : '2'));
      const later = /any later version|or later/i.test(rest.slice(0, 300));
      return `${family}-${v}-${later ? 'or-later' : 'only'}`;
    },
  ],
  [/\bMozilla Public License,? v(?:ersion)?\.? ?(\d\.\d)/i, (m) => `MPL-${m[1]}`],
  [/\bLicensed under the Apache License,? Version 2\.0/i, 'Apache-2.0'],
  [/\bEclipse Public License,? (?:v(?:ersion)?\.? ?)?(\d\.\d)/i, (m) => `EPL-${m[1]}`],
  [/\bEuropean Union Public Licen[cs]e,? v(?:ersion)?\.? ?(\d\.\d)/i, (m) => `EUPL-${m[1]}`],
  [/\bPermission is hereby granted, free of charge, to any person obtaining a copy/i, 'MIT'],
  [
    /\bPermission to use, copy, modify, and(?:\/or)? distribute this software for any purpose with or without fee is hereby granted/i,
    (_m, text) => (/above copyright notice and this permission notice appear in all copies/i.test(text) ? 'ISC' : '0BSD'),
  ],
  [
    /\bRedistribution and use in source and binary forms, with or without modification, are permitted provided that/i,
    (_m, text) => (/All advertising materials/i.test(text) ? 'BSD-4-Clause' : /Neither the name/i.test(text) ? 'BSD-3-Clause' : 'BSD-2-Clause'),
  ],
  [/\bThis is free and unencumbered software released into the public domain/i, 'Unlicense'],
  [/\bCC0 1\.0 Universal\b|\bCreative Commons Zero\b/i, 'CC0-1.0'],
  [/\bThis software is provided 'as-is', without any express or implied\s+warranty\. In no event will the authors/i, 'Zlib'],
  [/\bBoost Software License\b/i, 'BSL-1.0'],
];

function normaliseVersion(family: string, v: string): string {
  if (v.includes('.')) return v;
  if (family === 'LGPL' && v === '2') return '2.1';
  return `${v}.0`;
}

/** Informal licence names ("GPLv3", "GNU GPL v2 or later", "MIT License") → SPDX id. */
export function informalToSpdx(name: string): string | undefined {
  const n = name.trim().replace(/[.,;:)]+$/, '');
  if (!n) return undefined;
  // An exact SPDX id or expression (deprecated GPL-x.y / GPL-x.y+ normalised).
  const direct = parseExpression(n);
  if (direct && !/\s/.test(n) && !/^(?:GPL|LGPL|AGPL)$/i.test(n)) return modernise(n);
  const gnu = /\b(?:GNU\s+)?(Affero\s+General\s+Public\s+Licen[cs]e|Lesser\s+General\s+Public\s+Licen[cs]e|Library\s+General\s+Public\s+Licen[cs]e|General\s+Public\s+Licen[cs]e|AGPL|LGPL|GPL)(?:\s*\((?:A|L)?GPL\))?[\s,-]*(?:v(?:ersion)?\.?\s*)?(\d(?:\.\d)?)?(\s*(?:\+|or\s+(?:\(at\s+your\s+option\)\s+)?(?:any\s+)?later))?/i.exec(n);
  if (gnu) {
    const f = gnu[1]!.toLowerCase();
    const family = f.startsWith('affero') || f === 'agpl' ? 'AGPL' : f.startsWith('lesser') || f.startsWith('library') || f === 'lgpl' ? 'LGPL' : 'GPL';
    const v = gnu[2] ? normaliseVersion(family, gnu[2]) : family === 'AGPL' ? '3.0' : family === 'LGPL' ? '2.1' : undefined;
    if (!v) return undefined;
    return `${family}-${v}-${gnu[3] ? 'or-later' : 'only'}`;
  }
  if (/^MIT\b|\bMIT\s+Licen[cs]e\b|\bExpat\b/i.test(n)) return 'MIT';
  if (/\bApache(?:\s+Licen[cs]e)?,?\s*(?:v(?:ersion)?\.?\s*)?2(?:\.0)?\b/i.test(n)) return 'Apache-2.0';
  if (/\bBSD\b.*\b(?:3|three)[- ]clause\b|\b(?:new|revised|modified)\s+BSD\b/i.test(n)) return 'BSD-3-Clause';
  if (/\bBSD\b.*\b(?:2|two)[- ]clause\b|\bsimplified\s+BSD\b|\bFreeBSD\s+Licen/i.test(n)) return 'BSD-2-Clause';
  if (/^ISC\b/i.test(n)) return 'ISC';
  if (/\b(?:MPL|Mozilla\s+Public\s+Licen[cs]e)\s*(?:v(?:ersion)?\.?\s*)?2(?:\.0)?\b/i.test(n)) return 'MPL-2.0';
  if (/\b(?:EPL|Eclipse\s+Public\s+Licen[cs]e)\s*(?:v(?:ersion)?\.?\s*)?2(?:\.0)?\b/i.test(n)) return 'EPL-2.0';
  if (/\b(?:EUPL|European\s+Union\s+Public\s+Licen[cs]e)\s*(?:v(?:ersion)?\.?\s*)?1\.2\b/i.test(n)) return 'EUPL-1.2';
  if (/^(?:the\s+)?Unlicense\b/i.test(n)) return 'Unlicense';
  if (/^CC0\b/i.test(n)) return 'CC0-1.0';
  return undefined;
}

/** Deprecated ids as informal claims use them: `GPL-3.0` → `GPL-3.0-only`, `GPL-2.0+` → `GPL-2.0-or-later`. */
function modernise(id: string): string {
  return id
    .replace(/\b((?:A|L)?GPL-\d\.\d)\+/g, '$1-or-later')
    .replace(/\b((?:A|L)?GPL-\d\.\d)(?![-+\w])/g, '$1-only');
}

/** Claim shapes: the licence name follows them. Mentions ("unlike the GPL original") do not fit. */
const CLAIMS: RegExp[] = [
  /@licen[cs]e\s+(?:(?:https?:\/\/|www\.)\S+\s+)?([^\n*]{2,80})/gi,
  /\b(?:licensed|licenced|released|distributed|available|provided|published|offered|made available)\s+under\s+(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?([^\n;]{2,100})/gi,
  /(?:^|[\s/#*-])Licen[cs]e\s*:\s*([A-Za-z][^\n;]{1,80})/gim,
  /\bLICENSE(?:\.\w+)?\s+file\b[^\n()]{0,60}\(([^)\n]{2,40})\)/g,
  /\bproject\s+licen[cs]e\s+is\s+([^\n;]{2,60})/gi,
];

/**
 * The text a licence declaration may sit in: comments of a code segment (so a string such
 * as `license: "GPL-3.0-only"` in generated metadata is not a claim), or prose as it is.
 */
export function declarationText(segment: Segment): string {
  if (segment.kind === 'prose' || segment.language === 'text' || segment.language === 'config' || segment.language === 'html') return segment.text;
  const lexed = lex(segment.text, segment.language);
  if (lexed.code === lexed.source) return segment.text;
  const out = segment.text.split('');
  for (let i = 0; i < out.length; i++) if (lexed.code[i] === segment.text[i] && out[i] !== '\n') out[i] = ' ';
  return out.join('');
}

/** Licences declared in `text` (comment text or prose); `lineOffset` maps lines back to the answer. */
export function detectInText(text: string, lineOffset = 0): LicenseDeclaration[] {
  const found: LicenseDeclaration[] = [];
  const lineOf = (pos: number) => lineOffset + countLines(text, pos);
  const add = (spdx: string, node: SpdxNode | undefined, kind: LicenseDeclaration['kind'], start: number, end: number) => {
    const parsed = node ?? parseExpression(spdx.replace(/\+$/, '').replace(/\s+WITH\s+.*$/, ''));
    if (!parsed) return;
    found.push({ spdx, kind, classification: classify(node ?? parseExpression(spdx) ?? parsed), line: lineOf(start), endLine: lineOf(end) });
  };
  const lower = text.toLowerCase();
  if (lower.includes('spdx-license-identifier')) {
    const re = /SPDX-License-Identifier\s*:\s*([^\n]*?)\s*(?:\*\/|-->|\*|#\}|$)/gim;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const expr = m[1]!.replace(/\s+/g, ' ').trim();
      const node = parseExpression(expr);
      if (node) add(expr, node, 'spdx', m.index, m.index + m[0].length);
    }
  }
  if (!/licen[cs]|permission|public domain|redistribution|free software|unencumbered|warranty|\bunder\b|gpl/i.test(text)) return found;
  // Notices work on a flattened copy: comment markers and line breaks go.
  const flat = flatten(text);
  for (const [re, id] of NOTICES) {
    const m = re.exec(flat.text);
    if (!m) continue;
    const spdx = typeof id === 'string' ? id : id(m, flat.text);
    add(spdx, undefined, 'notice', flat.map[m.index] ?? 0, flat.map[Math.min(flat.map.length - 1, m.index + m[0].length)] ?? 0);
  }
  if (found.length === 0) {
    for (const re of CLAIMS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const id = informalToSpdx(m[1]!.replace(/\s*(?:\*\/|-->).*$/, '').replace(/[;,]\s.*$/, ''));
        if (id) {
          add(id, undefined, 'claim', m.index, m.index + m[0].length);
          break;
        }
      }
      if (found.length > 0) break;
    }
  }
  if (found.length === 0 && flat.text.split(' ').length >= 40) {
    const match = bestTextMatch(flat.text);
    if (match) add(match, undefined, 'text', 0, text.length);
  }
  return found;
}

/** Licences declared anywhere in an answer's segments. */
export function detectLicenses(segments: Segment[]): LicenseDeclaration[] {
  const out: LicenseDeclaration[] = [];
  for (const s of segments) out.push(...detectInText(declarationText(s), s.lineOffset));
  return out;
}

function countLines(text: string, pos: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Text with comment markers and runs of whitespace collapsed, plus a map back to offsets. */
function flatten(text: string): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    // Comment leaders at the start of a line: //, #, *, /*, --, ;, '
    if (c === '\n') {
      let j = i + 1;
      while (j < text.length && /[ \t]/.test(text[j]!)) j++;
      while (j < text.length && /[/*#;'!-]/.test(text[j]!) && !(text[j] === '-' && text[j + 1] !== '-')) j++;
      i = j - 1;
      c = ' ';
    }
    if (/\s/.test(c)) {
      if (space) continue;
      space = true;
      out.push(' ');
      map.push(i);
      continue;
    }
    space = false;
    out.push(c);
    map.push(i);
  }
  return { text: out.join(''), map };
}
