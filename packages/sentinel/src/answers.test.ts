import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSentinel, scanAnswer } from './index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'answers');

/**
 * AI-style answers (markdown, several languages): every vulnerable line is reported with its
 * line in the answer, nothing else is, and the answer with the fixed versions is clean.
 */
const EXPECTED: Record<string, string[]> = {
  'express-search.md': ['11:sqli', '12:sqli', '14:xss'],
  'flask-app.md': ['12:xss', '17:cmdi', '22:deser', '26:crypto', '29:crypto'],
  'spring-controller.md': ['9:sqli', '10:sqli', '15:cmdi'],
  'go-handler.md': ['4:sqli', '11:crypto'],
  'php-page.md': ['4:sqli', '6:xss', '8:xss', '10:path', '11:cmdi', '12:crypto'],
  'rails-controller.md': ['4:sqli', '5:xss', '9:cmdi', '10:cmdi', '14:deser'],
  'html-page.md': ['8:xss', '9:xss', '10:eval'],
  'csharp-api.md': ['8:sqli', '11:cmdi', '12:deser', '13:crypto'],
  'react-component.md': ['9:xss'],
  'safe-versions.md': [],
};

describe('AI-style answers', () => {
  beforeAll(async () => {
    await initSentinel();
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length ? expected.join(', ') : 'no findings'}`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const got = scanAnswer(text, { filename: file, projectLicense: 'proprietary' }).map((f) => `${f.line}:${f.category}`);
      expect(got).toEqual(expected);
    });
  }
});
