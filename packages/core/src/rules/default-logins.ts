import { isPlausiblePassword } from '../secret-value.js';
import type { Rule } from '../types.js';

/**
 * A device's or a product's default password, said in a note to be the one still in use (`password is the default we never
 * changed: \`raspberry\``, `the password was still the factory default: 'admin1234'`). A default is often a plain word,
 * which prose never gives bare; so only a value set off in code marks or quotes after the sentence's colon is read.
 */
const STILL_DEFAULT_PASSWORD =
  /pass(?:word|phrase)[ \t]{1,2}(?:is|was)[ \t]{1,2}(?:still[ \t]{1,2})?(?:the[ \t]{1,2})?(?:(?:factory|vendor|manufacturer|stock|original|shipped)(?:'s)?[ \t]{1,2})?default\b[^\r\n:;.`'"()]{0,60}:[ \t]{1,3}[`'"](?<v>[^\s`'"]{4,60})[`'"]/iy;

export const defaultLoginRules: Rule[] = [
  {
    id: 'still-default-password',
    category: 'PASS',
    description:
      "A default password that a note says is still the one in use, given in code marks or quotes after the sentence's colon (`password is the default we never changed: \\`raspberry\\``, `the password was still the factory default: 'admin1234'`): a plain word is the password there",
    keywords: ['password', 'passphrase'],
    pattern: STILL_DEFAULT_PASSWORD,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => /[A-Za-z]/.test(secret) && isPlausiblePassword(secret, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['SSH in as pi (password is the default we never changed: `raspberry`).', "the console password was still the factory default: 'Admin1234'"],
      noMatch: ['the password is the default: `<see label>`', 'the password is the default: `password`', 'password is the default until changed: see the manual', 'the password is the default one (`changeme`)'],
    },
  },
];
