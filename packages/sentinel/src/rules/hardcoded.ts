import { callArguments, type Flow } from '../flow.js';
import type { RuleMatch, SinkRule, CheckResult } from './rule.js';

/**
 * Where a constant, non-empty string literal reaching `[start, end)` was written (the
 * argument itself, `"…".getBytes()`, or the last assignment of a variable), if it is one.
 */
export function constantLiteralAt(flow: Flow, start: number, end: number, depth = 0): number | undefined {
  const text = flow.code.code.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const t = text.trim();
  if (/^[bB]?(["'`])(?:(?!\1).){4,}\1(?:\s*\.\s*(?:getBytes|encode|toCharArray|ToArray)\s*\([^)]*\))?$/.test(t) && !/\$\{|#\{|__TAKUMO_v1_/.test(t)) return start + lead;
  const wrapped = /^(?:Buffer\.from|Encoding\.UTF8\.GetBytes|\[\]byte|bytes|str\.encode)\s*\(\s*([^)]*)\)$/.exec(t);
  if (wrapped && depth < 3) {
    const inner = start + text.indexOf(wrapped[1]!);
    return constantLiteralAt(flow, inner, inner + wrapped[1]!.length, depth + 1);
  }
  const name = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*(?:getBytes|encode|toCharArray)\s*\([^)]*\))?$/.exec(t)?.[1];
  if (!name || depth > 2) return undefined;
  const assign = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::=|=)(?![=>])`);
  for (let l = flow.lineOf(start); l >= 0 && l > flow.lineOf(start) - 200; l--) {
    const a = assign.exec(flow.lineText(l));
    if (!a) continue;
    const rhs = flow.lineStarts[l]! + a.index + a[0].length;
    if (rhs >= start) continue;
    return constantLiteralAt(flow, rhs, flow.statementEnd(rhs), depth + 1);
  }
  return undefined;
}

function literalArgument(index: number | ((raw: string) => number)) {
  return (m: RuleMatch): CheckResult => {
    const { flow } = m;
    const open = flow.code.masked.indexOf('(', m.end - 1);
    if (open < 0) return false;
    const call = callArguments(flow.code.masked, open);
    const i = typeof index === 'number' ? index : index(flow.code.code.slice(m.start, call.end));
    const arg = call.args[i];
    if (!arg) return false;
    const at = constantLiteralAt(flow, arg[0], arg[1]);
    return at === undefined ? false : { at, end: at + 1 };
  };
}

/** Credentials and keys written into the code as literals and handed to crypto or a database. */
export const hardcodedRules: SinkRule[] = [
  {
    id: 'secret/hardcoded-crypto-key',
    category: 'secret', cwe: 'CWE-321', severity: 'high',
    languages: ['java', 'javascript', 'typescript', 'python', 'go', 'csharp', 'php', 'ruby'],
    keywords: ['secretkeyspec', 'createcipheriv', 'createhmac', 'jwt', 'hmac', 'aes.new', 'newcipher', 'openssl_encrypt'],
    pattern: /\bnew\s+SecretKeySpec\s*\(|\bcreate(?:Cipheriv|Decipheriv)\s*\(|\bcreateHmac\s*\(|\bjwt\.(?:sign|encode)\s*\(|\bhmac\.new\s*\(|\bAES\.new\s*\(|\baes\.NewCipher\s*\(|\bhmac\.New\s*\(|\bopenssl_(?:encrypt|decrypt)\s*\(|\bJWT\.encode\s*\(/,
    when: literalArgument((raw) =>
      /^(?:new\s+SecretKeySpec|hmac\.new|AES\.new|aes\.NewCipher)/.test(raw) ? 0 : /^create(?:Cipheriv|Decipheriv)|^createHmac|^jwt\.(?:sign|encode)|^JWT\.encode/.test(raw) ? 1 : /^hmac\.New/.test(raw) ? 1 : /^openssl_/.test(raw) ? 2 : 1,
    ),
    message: 'Cryptographic key written into the code', fix: 'Load keys from a secret store or the environment; never commit them.',
    examples: { language: 'java', match: ['SecretKeySpec k = new SecretKeySpec("23 ~j;asn!@#/>as".getBytes("UTF-8"), "AES");'], noMatch: ['SecretKeySpec k = new SecretKeySpec(keyBytes, "AES");'] },
  },
  {
    id: 'secret/hardcoded-config-secret',
    category: 'secret', cwe: 'CWE-798', severity: 'high',
    languages: ['python', 'javascript', 'typescript', 'php', 'ruby'],
    keywords: ['secret', 'password', 'passwd', 'api_key', 'apikey', 'token', 'private_key'],
    // `app.config["SECRET_KEY"] = "…"`, `settings['DB_PASSWORD'] = '…'`: a framework setting
    // that holds a credential, given a literal instead of an environment lookup.
    pattern: /\b(?:config|settings|conf|options|opts|app\.config|Rails\.application\.config)\s*\[\s*["'][\w.-]*(?:SECRET|PASSWORD|PASSWD|API_?KEY|TOKEN|PRIVATE_KEY)[\w.-]*["']\s*\]\s*=(?!=)\s*|(?:^|[^.\w])set\s+:\w*(?:secret|password|token|api_key)\w*\s*,\s*/im,
    when: (m) => {
      const { flow } = m;
      const end = flow.statementEnd(m.end);
      const value = flow.code.code.slice(m.end, end).trim();
      const literal = /^[bB]?(["'])((?:(?!\1).){8,})\1\s*;?$/.exec(value);
      if (!literal || /\$\{|#\{|__TAKUMO_v1_|^(?:your|change|replace|example|xxx|todo|<)|\.\.\./i.test(literal[2]!)) return false;
      return { at: m.end + flow.code.code.slice(m.end).search(/\S/), end };
    },
    message: 'Credential written into the application configuration', fix: 'Read it from the environment (os.environ["SECRET_KEY"]) or a secret store.',
    examples: { language: 'python', match: ['app.config["SECRET_KEY"] = "my-super-secret-key-12345"', 'set :session_secret, "sinatra-session-secret-0f9e8d7c"'], noMatch: ['app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]', 'app.config["SECRET_KEY"] = "your-secret-key"', 'set :session_secret, ENV.fetch("SESSION_SECRET")'] },
  },
  {
    id: 'secret/hardcoded-key-bytes',
    category: 'secret', cwe: 'CWE-321', severity: 'high',
    languages: ['go', 'javascript', 'typescript', 'python'],
    keywords: ['secret', 'jwt', 'signing', 'hmac', 'private', 'password', 'encryption'],
    // `var jwtKey = []byte("…")`, `const SECRET = Buffer.from("…")`: a key or secret held as
    // bytes, which the text-level detector does not see through.
    pattern: /\b[\w$]*(?:secret|jwt_?key|signing_?key|hmac_?key|private_?key|encryption_?key|password)[\w$]*\s*(?::=|=)(?![=>])\s*(?:\[\]byte|Buffer\.from|bytes|str\.encode)\s*\(\s*/i,
    when: (m) => {
      const { flow } = m;
      const literal = /^(["'`])((?:(?!\1).){8,})\1/.exec(flow.code.code.slice(m.end, m.end + 300));
      if (!literal || /\$\{|__TAKUMO_v1_|^(?:your|change|replace|example|xxx|todo|<)|\.\.\./i.test(literal[2]!)) return false;
      return { at: m.end, end: m.end + literal[0].length };
    },
    message: 'Secret key written into the code', fix: 'Load the key from the environment or a secret store.',
    examples: { language: 'go', match: ['var jwtKey = []byte("golang-jwt-signing-key-9c8b7a6f")'], noMatch: ['var jwtKey = []byte(os.Getenv("JWT_KEY"))', 'var jwtKey = []byte("your-secret-key")'] },
  },
  {
    id: 'secret/hardcoded-db-password',
    category: 'secret', cwe: 'CWE-259', severity: 'high',
    languages: ['java', 'python', 'php', 'csharp', 'javascript', 'typescript', 'go', 'ruby'],
    keywords: ['getconnection', 'connect', 'passwordauthentication', 'mysqli', 'pdo'],
    pattern: /\bDriverManager\.getConnection\s*\(|\bnew\s+PasswordAuthentication\s*\(|\bnew\s+(?:mysqli|PDO)\s*\(|\bmysqli_connect\s*\(|\bKerberosKey\s*\(/,
    when: literalArgument((raw) => (/PasswordAuthentication/.test(raw) ? 1 : /mysqli/.test(raw) ? 2 : 2)),
    message: 'Password written into the code', fix: 'Read the password from configuration or a secret store.',
    examples: { language: 'java', match: ['conn = DriverManager.getConnection("jdbc:mysql://db/x", "root", "s3cr3tPassw0rd");'], noMatch: ['conn = DriverManager.getConnection(url, user, System.getenv("DB_PASSWORD"));'] },
  },
];
