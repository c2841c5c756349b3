import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDetector } from './detector.js';
import { leadingLiteral, opensWithKeyword } from './rules/providers/shape.js';
import { builtinRulesFor } from './rules/index.js';
import { forEachMatchNear, nearAnchors } from './sticky.js';

/**
 * Rules marked `startsAtKeyword` are run as sticky matches at their keywords' offsets
 * instead of a search over the whole text. That is only a speed-up if it finds exactly
 * what the search finds: these tests run both ways over the same texts and compare.
 */
const rules = builtinRulesFor(['acme-internal.net']);
const stickyRules = rules.filter((r) => r.startsAtKeyword);
const sticky = compileDetector(rules);
const searching = compileDetector(rules.map(({ startsAtKeyword: _dropped, ...rule }) => rule));

const realisticRoot = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'realistic');
const fixtureFiles = readdirSync(realisticRoot, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name !== 'expectations.json')
  .map((e) => join(e.parentPath, e.name));

describe('rules run at their keywords', () => {
  it('covers most provider rules (the builders mark them)', () => {
    expect(stickyRules.length).toBeGreaterThan(200);
  });

  it('find the same as a whole-text search in every rule example', () => {
    for (const rule of stickyRules) {
      for (const text of [...rule.examples.match, ...rule.examples.noMatch]) {
        expect(sticky.detect(text), `${rule.id}: ${text}`).toEqual(searching.detect(text));
      }
    }
  });

  it('find the same as a whole-text search in every realistic fixture', () => {
    for (const name of fixtureFiles) {
      const text = readFileSync(name, 'utf8');
      expect(sticky.detect(text, { file: name }), name).toEqual(searching.detect(text, { file: name }));
    }
  });

  it('find the same when examples are glued together, repeated and cut at random', () => {
    const pieces = stickyRules.flatMap((r) => r.examples.match);
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '\n', '=', '"', 'x', '_', 'session ', 'SK', 's.'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const whole = parts.join('');
        const text = whole.slice(Math.min(a, b) % (whole.length + 1), Math.max(a, b) % (whole.length + 1) || undefined);
        expect(sticky.detect(text)).toEqual(searching.detect(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sticky patterns tried only near their anchors', () => {
  /** Where the anchor stands in the longest match of a rule's pattern at the text's start (-1: no match). */
  function anchorInLongestMatch(id: string, text: string, anchor: string): number {
    const rule = rules.find((r) => r.id === id)!;
    const at = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, '') + 'y');
    const m = at.exec(text);
    return m === null ? -1 : m[0].toLowerCase().indexOf(anchor);
  }

  it('user-slash-password-prose: the longest head, clause and name put the blank before the slash exactly its reach on', () => {
    const text = "basic auth \t" + "'s".repeat(60) + ' was  \r\n' + '\t'.repeat(12) + 'a'.repeat(64) + '   / Xk8#mQ2vLp9 end';
    expect(anchorInLongestMatch('user-slash-password-prose', text, ' /')).toBe(rules.find((r) => r.id === 'user-slash-password-prose')!.anchorReach);
  });

  it("user-comma-password-prose: the longest account, value and joining words put `pass` exactly its reach on", () => {
    const text = 'username \tfor \t' + 'x'.repeat(60) + ' \twas   A' + 'b'.repeat(30) + '\\\\' + 'c'.repeat(64) + '\t\t\tand  \r\n' + '\t'.repeat(12) + 'the\t\t\tpassword Xk8#mQ2vLp9 end';
    expect(anchorInLongestMatch('user-comma-password-prose', text, 'pass')).toBe(rules.find((r) => r.id === 'user-comma-password-prose')!.anchorReach);
  });

  it('find the same as a whole-text search with the anchor far from the keyword, and find it', () => {
    // Found either way (the names as long as the patterns take): the two searches agree on findings, not on nothing.
    const slashAt = (pad: number): string => 'login: ' + 'o'.repeat(pad) + ' / Lk4vN8qW2p';
    const passAt = (pad: number): string => 'use CORP\\' + 's'.repeat(pad) + ', pw Lk4vN8qW2p!x';
    for (let pad = 1; pad <= 64; pad++) {
      for (const text of [slashAt(pad), passAt(pad)]) {
        expect(sticky.detect(text), text).toEqual(searching.detect(text));
        expect(sticky.detect(text).length, text).toBeGreaterThan(0);
      }
    }
  });
});

describe('leadingLiteral', () => {
  it('reads plain and escaped characters up to the first construct', () => {
    expect(leadingLiteral('ghp_')).toBe('ghp_');
    expect(leadingLiteral('s\\.')).toBe('s.');
    expect(leadingLiteral('EAA[B-Z]')).toBe('EAA');
    expect(leadingLiteral('sk-ant-api\\d\\d-')).toBe('sk-ant-api');
    expect(leadingLiteral('(?:sk|rk)_live')).toBe('');
  });

  it('leaves out a character a quantifier applies to', () => {
    expect(leadingLiteral('new_?relic')).toBe('new');
    expect(leadingLiteral('ab{2}')).toBe('a');
  });
});

describe('opensWithKeyword', () => {
  it('holds when every start begins with a keyword and every keyword starts a start', () => {
    expect(opensWithKeyword(['ghp_'], ['ghp_'])).toBe(true);
    expect(opensWithKeyword(['EAA[B-Z]'], ['eaa'])).toBe(true);
    expect(opensWithKeyword(['datadog', 'dd_api'], ['datadog', 'dd_api'])).toBe(true);
  });

  it('fails for a keyword found elsewhere in the match, an unmatched start, or a top-level alternation', () => {
    expect(opensWithKeyword(['', '[a-z0-9]{36}NRAL'], ['nral'])).toBe(false);
    expect(opensWithKeyword(['datadog', 'dd_api'], ['datadog'])).toBe(false);
    expect(opensWithKeyword(['foox|bar'], ['foo'])).toBe(false);
    expect(opensWithKeyword(['new[_\\-]?relic'], ['newrelic'])).toBe(false);
    expect(opensWithKeyword(['ghp_'], [])).toBe(false);
  });
});

describe('finders that start from keyword offsets', () => {
  /** Start offsets of every keyword, as the engine's single pass reports them (any case). */
  function keywordOffsets(text: string, keywords: readonly string[]): number[] {
    const lower = text.toLowerCase();
    const offsets = new Set<number>();
    for (const k of keywords) for (let at = lower.indexOf(k); at !== -1; at = lower.indexOf(k, at + 1)) offsets.add(at);
    return [...offsets].sort((a, b) => a - b);
  }

  /**
   * Checks that an anchored finder finds from its keywords' offsets what it finds trying every
   * offset (a search over the whole text), on texts glued from `pieces`.
   */
  function expectSameAsEveryOffset(id: string, pieces: string[], maxPieces: number, numRuns: number): void {
    const rule = rules.find((r) => r.id === id)!;
    expect(rule.anchored, id).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: maxPieces }), (parts) => {
        const text = parts.join('');
        const everyOffset = Array.from({ length: text.length }, (_, i) => i);
        expect(rule.find!(text, {}, keywordOffsets(text, rule.anchors ?? rule.keywords))).toEqual(rule.find!(text, {}, everyOffset));
      }),
      { numRuns },
    );
  }

  it('session-cookie finds from its keywords what it finds trying every offset', () => {
    const pieces = [
      'Cookie: ', 'Set-Cookie: ', 'SET-COOKIE=', 'xset-cookie: ', 'curl --cookie "', ' -b ', 'a-b ', '--cookie=', 'cookie',
      'session=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d', 'theme=dark', '; ', 'remember_token=q9X2mL7vR4kP8nZ3w1Y6', '\n', '"', ' ',
    ];
    expectSameAsEveryOffset('session-cookie', pieces, 14, 500);
  });

  it('private-ipv4 finds from its keywords what it finds trying every offset', () => {
    const pieces = ['10.', '172.', '192.168.', '100.', '110.', '1', '0', '16', '64', '255', '.', '/24', '/', ' ', 'host: ', 'v', 'version ', '\n', 'a', '-', ':8080'];
    expectSameAsEveryOffset('private-ipv4', pieces, 16, 1000);
  });

  it('password-in-prose and curl-user-password find from their keywords what they find trying every offset', () => {
    const pieces = [
      'Use ', 'use the ', 'using  ', 'with\t', 'enter the  ', 'type ', 'try ', 'reuse ', 'xuse ', 'the ', 'password ', 'Password for the deploy account: ',
      'passphrase ', 'pw ', 'PWD ', 'Wint3r-Harbor#2', 'Depl0y.Orbit.55', ' to log in', ': ', '\n', ' ', '.', 'curl -u ', '--user=', 'ops:Zq8mP2xL9', '-u',
    ];
    for (const id of ['password-in-prose', 'curl-user-password']) expectSameAsEveryOffset(id, pieces, 14, 500);
  });

  it('the request-dump, Postman and nginx-map finders find from their keywords what they find trying every offset', () => {
    const cookies = ['COOKIES:\n', '  COOKIES:\n', 'xCOOKIES:\n', '[_COOKIE] => Array\n', '(\n', "sessionid = 'q8w2e9r7t1y5u3i0o6p4a8s2d7f1g9h3'\n", '[PHPSESSID] => 9k3j5h7g2f4d6s8a1l0q2w4e6r\n', 'cookies: ', '\n', ' '];
    expectSameAsEveryOffset('request-dump-session-cookie', cookies, 10, 500);
    const postman = ['"apikey": [', '"apikey":[', '{"key": "value", "value": "Zk3mP9qR2vX8wL5nQ4tY7uI0"}', '{"key": "key", "value": "X-Api-Key"}', ', ', ']', '\n', '"'];
    expectSameAsEveryOffset('postman-apikey-auth', postman, 10, 500);
    const nginx = ['map $http_x_api_key $client {', 'map $arg_token $ok {', 'bitmap $http_x_api_key $c {', '\n', '    default 0;', '  "c4f1e9a27b3d8e6f0a5c2b9d7e1f3a8c" a;', ' # note', '}', ' '];
    expectSameAsEveryOffset('nginx-map-secret-key', nginx, 10, 500);
  });

  /** Texts of account changes in prose, each part maybe missing, doubled or of another case, glued and cut at random. */
  const accountChanges = (): fc.Arbitrary<string> => {
    const blank = fc.constantFrom(' ', '  ', '\t', ' \t', '');
    const maybe = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.option(arb, { nil: '' });
    const change = fc
      .tuple(
        fc.constantFrom('', ' ', 'x', '\n', 'root to ', 'set '),
        fc.constantFrom('reset', 'Re-Set', 'set', 'changed', 'Rotated', 'UPDATED', 'offset', '_set'),
        blank,
        maybe(fc.tuple(fc.constantFrom('the', 'their'), blank).map((x) => x.join(''))),
        maybe(fc.tuple(fc.constantFrom('local', 'break-glass', "kiosk's", "abcdefghijklmnopqrstuvwxyz01234's", "admin's"), blank).map((x) => x.join(''))),
        fc.constantFrom('admin', 'ADMIN', 'administrator', 'root', 'Root', 'superuser', 'adm'),
        maybe(fc.tuple(blank, fc.constantFrom('account', 'user', 'Login')).map((x) => x.join(''))),
        blank,
        maybe(fc.constantFrom('back ', 'Back\t')),
        fc.constantFrom('to', 'TO', 't o'),
        blank,
        fc.constantFrom('', '`', "'"),
        fc.constantFrom('Verleih2025!', 'Harbor!Kettle58', 'abc', '/home/Ops-2024!', 'Pa55!word.\n'),
        fc.constantFrom('', '`', "'", ' now'),
      )
      .map((x) => x.join(''));
    return fc.tuple(fc.array(change, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 3 })).map(([parts, cuts]) => {
      let text = parts.join('');
      for (const c of cuts) {
        const at = c % (text.length + 1);
        text = text.slice(0, at) + text.slice(at + 1 + (c % 3));
      }
      return text;
    });
  };

  it('account-set-to-prose finds from its account words what it finds trying every offset', () => {
    const rule = rules.find((r) => r.id === 'account-set-to-prose')!;
    fc.assert(
      fc.property(accountChanges(), (text) => {
        const everyOffset = Array.from({ length: text.length }, (_, i) => i);
        expect(rule.find!(text, {}, keywordOffsets(text, rule.anchors!))).toEqual(rule.find!(text, {}, everyOffset));
      }),
      { numRuns: 1000 },
    );
  });

  /** The matches a search near the anchors finds, as `index:match`. */
  function matchesNear(pattern: RegExp, reach: number, anchors: readonly string[], text: string): string[] {
    const found: string[] = [];
    forEachMatchNear(nearAnchors(pattern, reach), text, keywordOffsets(text, anchors), (m) => found.push(`${m.index}:${m[0]}`));
    return found;
  }

  /** Checks that a search near anchors finds what a search over the whole text finds, on texts from `texts`. */
  function expectNearAsWhole(pattern: RegExp, reach: number, anchors: readonly string[], texts: fc.Arbitrary<string>, numRuns: number): void {
    const whole = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
    fc.assert(
      fc.property(texts, (text) => {
        expect(matchesNear(pattern, reach, anchors, text)).toEqual([...text.matchAll(whole)].map((m) => `${m.index}:${m[0]}`));
      }),
      { numRuns },
    );
  }

  it('a search near anchors finds the matches of a search over the whole text, and its reach is the least that does', () => {
    const pattern = rules.find((r) => r.id === 'account-set-to-prose')!.pattern;
    expectNearAsWhole(pattern, 51, ['admin', 'root', 'superuser'], accountChanges(), 2000);
    // The longest verb, owner and blanks before the account word: one character less of reach misses it.
    const longest = "UPDATED \ttheir \tabcdefghijklmnopqrstuvwxyz01234's \troot to `Harbor!Kettle58`";
    expect(matchesNear(pattern, 51, ['root'], longest)).toHaveLength(1);
    expect(matchesNear(pattern, 50, ['root'], longest)).toHaveLength(0);
  });

  it('telegram-bot-api-token finds from its keyword what a search over the whole text finds', () => {
    const pieces = ['123456789', '1234567890', '12345678', '1', ':AA', ':aa', ':Aa', 'Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF3', '-', '_', 'x', ' ', '\n', '/bot', 'https://api.telegram.org/bot', 'robot', ':', '/sendMessage'];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));
    expectSameAsEveryOffset('telegram-bot-api-token', pieces, 14, 1000);
    const rule = rules.find((r) => r.id === 'telegram-bot-api-token')!;
    expectNearAsWhole(rule.pattern, 10, rule.keywords, texts, 3000);
    const longest = `/bot1234567890:AAZk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF3`;
    expect(matchesNear(rule.pattern, 10, rule.keywords, longest)).toHaveLength(1);
    expect(matchesNear(rule.pattern, 9, rule.keywords, longest)).toHaveLength(0);
  });
});
