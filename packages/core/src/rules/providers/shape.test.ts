import { describe, expect, it } from 'vitest';
import { detect } from '../../index.js';
import { fake } from './fake.js';
import { findShapeAfterWords, keyNoun, type ShapeAfterWords } from './shape.js';

/** The values reported in `text` under the rule `rule`. */
function byRule(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('provider names in dependency lock files', () => {
  const sha1 = fake('hex', 40, 9101);

  it("takes a pod named after a provider, and its checksum, for a package in CocoaPods' and other lock files", () => {
    const podLock = `SPEC CHECKSUMS:\n  Alamofire: ${fake('hex', 40, 9102)}\n  DatadogRUM: ${sha1}\n\nPODFILE CHECKSUM: ${fake('hex', 40, 9103)}\n`;
    expect(byRule(podLock, 'ios/Podfile.lock', 'datadog-app-key')).toEqual([]);
    expect(byRule(podLock, 'ios/Pods/Manifest.lock', 'datadog-app-key')).toEqual([]);
    expect(byRule(`datadog-app (${fake('hex', 40, 9104)})\n`, 'Gemfile.lock', 'datadog-app-key')).toEqual([]);
  });

  it('still reads the same line as a key outside a lock file', () => {
    expect(byRule(`  DatadogRUM: ${sha1}\n`, 'config/monitoring.yml', 'datadog-app-key')).toEqual([sha1]);
  });

  it('still finds a secret known by its own shape inside a lock file', () => {
    const token = `npm_${fake('alnum', 36, 9105)}`;
    const lock = `"resolved": "https://registry.acme-pkgs.io/left-pad/-/left-pad-1.3.0.tgz?token=${token}",\n`;
    expect(detect(lock, { file: 'web/package-lock.json' }).some((f) => lock.slice(f.start, f.end).includes(token))).toBe(true);
  });
});

describe("an SDK class named for its provider, reached through the provider's module", () => {
  const key = `md-${fake('b64url', 22, 9353)}`;

  it("reads the key given to the class (mandrill.Mandrill('…'), with new or without)", () => {
    expect(byRule(`const client = new mandrill.Mandrill('${key}');\n`, 'mail.js', 'mailchimp-transactional-key')).toEqual([key]);
    expect(byRule(`client = mandrill.Mandrill("${key}")\n`, 'mail.py', 'mailchimp-transactional-key')).toEqual([key]);
  });

  it("does not read an argument of another of the module's members", () => {
    expect(byRule(`mandrill.Templates('${key}')\n`, 'mail.py', 'mailchimp-transactional-key')).toEqual([]);
    expect(byRule(`const tpl = mandrill.MandrillTemplate('${key}');\n`, 'mail.js', 'mailchimp-transactional-key')).toEqual([]);
  });
});

describe("a provider's key in a block whose names are padded to align the operators", () => {
  const appId = fake('hex', 32, 9605);

  it("reads the value across gofmt's and Terraform's padding before the `=`", () => {
    const go = `const (\n\tratesFeed = "https://rates.example.org/daily.xml"\n\toxrAppID  = "${appId}"\n\tretryWait = 3\n)\n`;
    expect(byRule(go, 'rates/feed.go', 'openexchangerates-app-id')).toEqual([appId]);
    const padded = `open_exchange_rates_app_id${' '.repeat(24)}= "${appId}"\n`;
    expect(byRule(padded, 'rates.tf', 'openexchangerates-app-id')).toEqual([appId]);
  });

  it('still asks for the name: OXR only before an app id, and not inside another word', () => {
    expect(byRule(`\toxrBaseCurrencyHash  = "${appId}"\n`, 'rates/feed.go', 'openexchangerates-app-id')).toEqual([]);
    expect(byRule(`\tboxrAppId  = "${appId}"\n`, 'rates/feed.go', 'openexchangerates-app-id')).toEqual([]);
  });
});

describe('a key known by its shape alone, filled in by counting', () => {
  it('leaves a Mailchimp-shaped value counted up by hand: a format shown in docs, not a key', () => {
    const table = '| Service | Vault entry | Format |\n|---|---|---|\n| Mailchimp | `mc-key` | `0123456789abcdef0123456789abcdef-us9` |\n';
    expect(byRule(table, 'docs/secrets.md', 'mailchimp-api-key')).toEqual([]);
    expect(byRule('MAILCHIMP_KEY=3456789abcdef0123456789abcdef012-us2\n', 'config/app.env', 'mailchimp-api-key')).toEqual([]);
  });

  it('still reports a generated Mailchimp key in the same places', () => {
    const key = `${fake('hex', 32, 7101)}-us9`;
    expect(byRule(`| Mailchimp | \`mc-key\` | \`${key}\` |\n`, 'docs/secrets.md', 'mailchimp-api-key')).toEqual([key]);
    expect(byRule(`MAILCHIMP_KEY=${key}\n`, 'config/app.env', 'mailchimp-api-key')).toEqual([key]);
  });
});

describe('a key of a distinctive shape a few lines after the words that name it (findShapeAfterWords)', () => {
  const find: ShapeAfterWords = { words: /KEYWORD/y, shape: /(?<![a-z0-9])[a-z2-7]{12}(?![a-z0-9])/g, reach: 60, lines: 1, accept: (v) => /\d/.test(v) };
  const offsets = (text: string): number[] => [...text.matchAll(/KEYWORD/g)].map((m) => m.index);
  const values = (text: string): string[] => findShapeAfterWords(text, offsets(text), find).map((s) => text.slice(s.start, s.end));

  it('takes the shape on the same line or the next, within the reach, bounded on both sides', () => {
    expect(values('KEYWORD here: qwe2rty3uio4 and\nabc5def6ghi7 too')).toEqual(['qwe2rty3uio4', 'abc5def6ghi7']);
    expect(values('KEYWORD\none\nqwe2rty3uio4')).toEqual([]);
    expect(values(`KEYWORD ${' '.repeat(60)}qwe2rty3uio4`)).toEqual([]);
    expect(values('KEYWORD xqwe2rty3uio4 qwe2rty3uio45 qwertyuiopas')).toEqual([]);
    expect(values('qwe2rty3uio4 before the KEYWORD')).toEqual([]);
  });

  it('reads each stretch once however often the words recur, and a value the first reach cut off in the next', () => {
    expect(values('KEYWORD KEYWORD KEYWORD qwe2rty3uio4 KEYWORD')).toEqual(['qwe2rty3uio4']);
    const cut = `KEYWORD${' '.repeat(50)}KEYWORD qwe2rty3uio4`;
    expect(values(cut)).toEqual(['qwe2rty3uio4']);
  });

  it('with namedBy, takes a value only where a key noun in prose stands a short clause before it', () => {
    const named: ShapeAfterWords = { ...find, reach: 200, namedBy: keyNoun('(?:admin[ -]?)?key') };
    const namedValues = (text: string): string[] => findShapeAfterWords(text, offsets(text), named).map((s) => text.slice(s.start, s.end));
    expect(namedValues('KEYWORD stuck, rerun with the admin key qwe2rty3uio4 now')).toEqual(['qwe2rty3uio4']);
    expect(namedValues('KEYWORD: the key for the nightly job is\n  `qwe2rty3uio4`')).toEqual(['qwe2rty3uio4']);
    expect(namedValues('KEYWORD job qwe2rty3uio4 failed')).toEqual([]);
    expect(namedValues('KEYWORD key rotated. Build qwe2rty3uio4 is green')).toEqual([]);
    expect(namedValues('KEYWORD key fine, trace id qwe2rty3uio4')).toEqual([]);
    expect(namedValues('KEYWORD_ADMIN_KEY=abc\nOTHER=qwe2rty3uio4')).toEqual([]);
    expect(namedValues(`KEYWORD admin key ${'and more words '.repeat(5)}qwe2rty3uio4`)).toEqual([]);
  });

  it('with namedBy, takes a value that opens the reply to a line asking for the key by its noun', () => {
    const named: ShapeAfterWords = { ...find, reach: 200, namedBy: keyNoun('key') };
    const namedValues = (text: string): string[] => findShapeAfterWords(text, offsets(text), named).map((s) => text.slice(s.start, s.end));
    expect(namedValues('a: the KEYWORD key for the shed? mine fails\nb: use qwe2rty3uio4 for now')).toEqual(['qwe2rty3uio4']);
    expect(namedValues('a: the KEYWORD key for the shed? mine fails\nb: qwe2rty3uio4')).toEqual(['qwe2rty3uio4']);
    expect(namedValues('a: the KEYWORD key for the shed? mine fails\nb: the build of the shed agent is qwe2rty3uio4')).toEqual([]);
    expect(namedValues('a: the KEYWORD key for the shed? mine fails\nb: commit qwe2rty3uio4')).toEqual([]);
    expect(namedValues('a: the KEYWORD key works for the shed, the barn, the dairy, the yard and the farm shop now\nb: use qwe2rty3uio4 for now')).toEqual([]);
    expect(namedValues('a: the KEYWORD key, or the build id? mine fails\nb: use qwe2rty3uio4')).toEqual([]);
  });
});
