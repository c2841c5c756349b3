import type { Rule } from '../../types.js';

/** Provider-specific key and token formats (prefix-anchored, high confidence). */
export const providerRules: Rule[] = [
  {
    id: 'github-pat',
    category: 'KEY',
    description: 'GitHub personal access token (classic)',
    keywords: ['ghp_'],
    pattern: /\b(ghp_[A-Za-z0-9]{36})\b/,
    secretGroup: 1,
    confidence: 'high',
    examples: {
      match: ['token = "ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3"'],
      noMatch: ['ghp_short'],
    },
  },
  {
    id: 'aws-access-key-id',
    category: 'KEY',
    description: 'AWS access key id',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/,
    secretGroup: 1,
    confidence: 'high',
    examples: { match: ['aws_access_key_id = AKIAZ7VRSQ5TKQEXAMPL'], noMatch: ['AKIA1234'] },
  },
];
