import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Oracle's `mkstore` prompts for passwords on its terminal: the wallet's own when it is created
 * (`-create`, twice) and a stored credential's (`-createCredential <alias> <user>` with no password
 * argument, twice, then the wallet's). Scripts answer the prompts with a here-document, so the lines
 * of a here-document fed to mkstore are those passwords.
 */
const MKSTORE_HEREDOC = /mkstore[ \t][^\r\n<]{0,300}<<-?[ \t]{0,2}["']?(?<tag>[A-Za-z_]\w{0,19})["']?[ \t]{0,8}\r?\n/y;
/** The answers read: a password holds no blank. */
const ANSWER = /[ \t]{0,40}(?<v>[^\s]{1,128})[ \t]{0,8}\r?\n/y;
const MAX_ANSWERS = 4;

function findMkstoreAnswers(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const at of offsets) {
    MKSTORE_HEREDOC.lastIndex = at;
    const m = MKSTORE_HEREDOC.exec(text);
    if (m === null) continue;
    const tag = m.groups!['tag']!;
    let pos = at + m[0].length;
    for (let n = 0; n < MAX_ANSWERS; n++) {
      ANSWER.lastIndex = pos;
      const a = ANSWER.exec(text);
      if (a === null) break;
      const value = a.groups!['v']!;
      if (value === tag) break;
      if (isPlausiblePassword(value, options.file)) {
        const start = pos + a[0].indexOf(value);
        spans.push({ start, end: start + value.length });
      }
      pos += a[0].length;
    }
  }
  return spans;
}

export const oracleWalletRules: Rule[] = [
  {
    id: 'mkstore-heredoc-password',
    category: 'PASS',
    description: "Passwords answered to Oracle's `mkstore` prompts by a here-document (`mkstore -wrl … -createCredential DB user <<EOF`, then the password lines)",
    keywords: ['mkstore'],
    pattern: MKSTORE_HEREDOC,
    find: findMkstoreAnswers,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['mkstore -wrl /opt/wallet -createCredential ORCL app_batch <<EOF\nKx7#pLq2Vm9w\nKx7#pLq2Vm9w\nEOF\n'],
      noMatch: ['mkstore -wrl /opt/wallet -createCredential ORCL app_batch <<EOF\n$APP_PW\n$APP_PW\nEOF\n', 'mkstore -wrl /opt/wallet -listCredential\n'],
    },
  },
];
