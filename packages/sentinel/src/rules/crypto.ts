import { callArguments, type Flow } from '../flow.js';
import type { CheckResult, RuleMatch, SinkRule } from './rule.js';
import { JS_LIKE } from './rule.js';

/** Words that say a value protects something (its name, the function around it, the line). */
const SECURITY_CONTEXT = /passw|passwd|pwd|secret|token|nonce|salt|otp|\bpin\b|session|csrf|xsrf|api_?key|apikey|auth|credential|signature|\bsign|hmac|\bkey\b|_key\b|Key\b|reset|verif|captcha|invite|activation|cookie|random_?string|crypt|cipher|\biv\b|\bid\b|uuid|jwt|\bcode\b/i;
/** Words that say a hash or random number is not for security. */
const BENIGN_CONTEXT = /checksum|etag|e_tag|cache|fingerprint|dedup|integrity|digest_of_file|file_?hash|content_?hash|shard|bucket|partition|gravatar|color|colour|jitter|backoff|shuffle|sample|sampling|simulat|dice|game|test_?data|mock|seed\(|usedforsecurity\s*=\s*False|non.?crypto|not (?:used )?for security/i;

/** The match begins inside a string literal (patterns that may start with a quote run with inString). */
function insideStringLiteral(m: RuleMatch): boolean {
  let p = m.start;
  const { code, masked } = m.flow.code;
  while (p < code.length && /[\s(]/.test(code[p]!)) p++;
  return masked[p] !== code[p] && code[p] !== '"';
}

/** Context around a match: its line, the two lines before, and the enclosing function header. */
function contextOf(flow: Flow, pos: number): string {
  const line = flow.lineOf(pos);
  let text = flow.lineText(line) + '\n' + flow.lineText(line - 1) + '\n' + flow.lineText(line + 1);
  for (let l = line; l >= 0 && l > line - 60; l--) {
    const t = flow.lineText(l);
    if (/\b(?:def|function|func|fn)\s+\w+|^\s*(?:public|private|protected|static)\b.*\(|\bconst\s+\w+\s*=\s*(?:async\s*)?\(/.test(t)) {
      text += '\n' + t;
      break;
    }
  }
  return text;
}

/** Weak hashes: a finding when the context shows security use; none when it shows a checksum. */
function weakHash(m: RuleMatch): CheckResult {
  const ctx = contextOf(m.flow, m.start);
  const stmt = m.flow.code.code.slice(m.start, m.flow.statementEnd(m.end));
  if (BENIGN_CONTEXT.test(ctx) || BENIGN_CONTEXT.test(stmt)) return false;
  if (SECURITY_CONTEXT.test(ctx)) return { severity: 'high', message: 'MD5/SHA-1 used for a password, token or signature: both are broken for this use' };
  return { severity: 'low', message: 'MD5/SHA-1 hash: fine for a checksum, broken for passwords, tokens or signatures' };
}

/** Non-cryptographic PRNG: a finding only when it produces a security value. */
function weakRandom(m: RuleMatch): CheckResult {
  const ctx = contextOf(m.flow, m.start);
  if (BENIGN_CONTEXT.test(ctx)) return false;
  return SECURITY_CONTEXT.test(ctx) ? true : false;
}

/** An IV/nonce argument that is a constant (literal, zero-filled buffer, fixed bytes). */
function staticIv(index: number | ((raw: string) => number)) {
  return (m: RuleMatch): CheckResult => {
    const { flow } = m;
    const open = flow.code.masked.indexOf('(', m.end - 1);
    if (open < 0) return false;
    const call = callArguments(flow.code.masked, open);
    const raw = flow.code.code.slice(m.start, call.end);
    const i = typeof index === 'number' ? index : index(raw);
    const arg = call.args[i];
    if (!arg) return false;
    return isStaticBytes(flow, arg[0], arg[1], 0) ? { end: call.end } : false;
  };
}

const RANDOM_FILL = /random|urandom|getRandomValues|randomBytes|SecureRandom|nextBytes|rand\.Read|io\.ReadFull|get_random_bytes|token_bytes|RandomNumberGenerator|random_bytes|openssl_random_pseudo_bytes|GenerateIV|GenerateKey|crypto\.getRandom|randomUUID|\.iv\b|\.nonce\b|nonce|\bIV\b/;

function isStaticBytes(flow: Flow, start: number, end: number, depth: number): boolean {
  const text = flow.code.code.slice(start, end).trim();
  // A bare name is followed to its assignment below (a variable called `IV` or `nonce` says nothing).
  if (!text || depth > 3 || (!/^[A-Za-z_$][\w$]*$/.test(text) && RANDOM_FILL.test(text))) return false;
  // Literal bytes / strings, zero-filled allocations, arrays of numbers.
  if (/^(?:[bB]?["'][^"']*["'](?:\s*\*\s*\d+)?|Buffer\.alloc\s*\(\s*\d+\s*(?:,\s*0\s*)?\)|Buffer\.from\s*\(\s*["'`][^"'`]*["'`](?:\s*,\s*["']\w+["'])?\s*\)|Buffer\.from\s*\(\s*\[[\d,\s x]*\]\s*\)|new\s+(?:Uint8Array|byte)\s*(?:\[\s*\d*\s*\]|\(\s*\d+\s*\))(?:\s*\{[\d,\s x]*\})?|\[\]byte\s*(?:\(\s*"[^"]*"\s*\)|\{[\d,\s x]*\})|make\(\s*\[\]byte\s*,\s*[\w.]+\s*\)|bytes\s*\(\s*\d+\s*\)|bytearray\s*\(\s*\d+\s*\)|\{[\d,\s x]*\}|["'][^"']*["']\.(?:getBytes|encode)\s*\([^)]*\)|new\s+byte\[\]\s*\{[^}]*\}|\\x00|b?"\\x00[^"]*")$/.test(text)) {
    // A buffer filled with random bytes later is not static.
    return !filledLater(flow, start);
  }
  // An immediately built constant (e.g. `func() []byte { return []byte("…") }()`).
  if (/^func\s*\(\)\s*\[\]byte\s*\{\s*return\s+\[\]byte\s*(?:\("[^"]*"\)|\{[\d,\s x]*\})\s*\}\s*\(\)$/.test(text)) return true;
  const name = /^[A-Za-z_$][\w$]*$/.exec(text)?.[0];
  if (!name) return false;
  if (filledLater(flow, start, name)) return false;
  // Nearest preceding assignment of the variable.
  const assign = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::=|=)(?![=>])`);
  for (let l = flow.lineOf(start); l >= 0 && l > flow.lineOf(start) - 200; l--) {
    const lt = flow.lineText(l);
    const a = assign.exec(lt);
    if (!a) continue;
    const rhs = flow.lineStarts[l]! + a.index + a[0].length;
    return isStaticBytes(flow, rhs, flow.statementEnd(rhs), depth + 1);
  }
  return false;
}

/** True when the variable (or the buffer at `start`) is passed to a random-fill call anywhere. */
function filledLater(flow: Flow, start: number, name?: string): boolean {
  if (!name) {
    const line = flow.lineText(flow.lineOf(start));
    const n = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*(?::=|=)(?![=>])/.exec(line)?.[1];
    if (!n) return false;
    name = n;
  }
  const n = name.replace(/\$/g, '\\$');
  const re = new RegExp(`(?:nextBytes|rand\\.Read|getRandomValues|randomFill\\w*|GetBytes|GetNonZeroBytes|Fill)\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)?${n}\\b|ReadFull\\s*\\(\\s*(?:crypto\\/)?rand\\.Reader\\s*,\\s*${n}\\b`);
  return re.test(flow.code.code);
}

/** Key size below `min` bits given by capture group 1 or the first numeric argument. */
function keySize(min: number) {
  return (m: RuleMatch): CheckResult => {
    const { flow } = m;
    const stmt = flow.code.code.slice(m.start, flow.statementEnd(m.end));
    const group = m.groups[1];
    const n = group ? Number(group) : Number(/(?:key_size\s*=\s*|bits\s*=\s*|modulusLength\s*:\s*|\(\s*(?:[\w.]+\s*,\s*)?)(\d{3,5})\b/.exec(stmt)?.[1]);
    if (!Number.isFinite(n) || n === 0 || n >= min) return false;
    return { message: `Key of ${n} bits is too short: use at least ${min}` };
  };
}

const HASH_FIX = 'For passwords use bcrypt/scrypt/Argon2 (or PBKDF2); for tokens and signatures use SHA-256 or HMAC-SHA-256.';
const CIPHER_FIX = 'Use AES-GCM (or ChaCha20-Poly1305) with a random nonce per message.';
const RANDOM_FIX = 'Use a CSPRNG: crypto.randomBytes/randomUUID, secrets.token_*, SecureRandom, crypto/rand, random_bytes.';
const TLS_FIX = 'Keep certificate verification on; trust a private CA by adding it to the trust store instead.';

export const cryptoRules: SinkRule[] = [
  {
    id: 'crypto/weak-hash',
    category: 'crypto', cwe: 'CWE-328', severity: 'medium',
    languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp'],
    keywords: ['md5', 'sha1', 'sha-1', 'md4', 'md2'],
    pattern: /\bcreateHash\s*\(\s*['"`](?:md5|sha1|md4|ripemd160|md2)['"`]|\bcreateHmac\s*\(\s*['"`]md5['"`]|\bhashlib\.(?:md5|sha1|md4)\s*\(|\bhashlib\.new\s*\(\s*['"](?:md5|sha1|md4|MD5|SHA1|md2)['"]|\b(?:MD5|SHA|SHA1|MD4|MD2)\.new\s*\(|\bhashes\.(?:MD5|SHA1)\s*\(|\bMessageDigest\.getInstance\s*\(\s*"(?:MD5|MD4|MD2|SHA-?1|SHA)"|\bDigestUtils\.(?:md5|sha1|sha)(?:Hex)?\s*\(|\b(?:md5|sha1)\.(?:New|Sum)\s*\(|(?:^|[^\w$>:.])(?:md5|sha1|md5_file|sha1_file)\s*\(|\bhash\s*\(\s*['"](?:md5|sha1|md4)['"]|\bDigest::(?:MD5|SHA1)\b|\b(?:MD5|SHA1)\.Create\s*\(|\bnew\s+(?:MD5CryptoServiceProvider|SHA1CryptoServiceProvider|SHA1Managed|HMACMD5|HMACSHA1)\b|\bHashAlgorithm\.Create\s*\(\s*"(?:MD5|SHA1)"|\bCryptoJS\.(?:MD5|SHA1)\s*\(|(?:^|[^.\w])(?:md5|sha1)\s*\((?=[^)]*\))|\b\w*_(?:md5|md4|md2|sha|sha1)\.new\s*\(|\b[A-Za-z_]\w*\.(?:md5|sha1)\s*\(|\b(?:md4|ripemd160)\.New\s*\(/,
    when: weakHash,
    message: 'Weak hash (MD5/SHA-1)', fix: HASH_FIX,
    examples: { language: 'python', match: ['def hash_password(pw):\n    return hashlib.md5(pw.encode()).hexdigest()'], noMatch: ['def file_checksum(path):\n    return hashlib.md5(open(path, "rb").read()).hexdigest()', 'hashlib.sha256(pw)'] },
  },
  {
    id: 'crypto/fast-password-hash',
    category: 'crypto', cwe: 'CWE-916', severity: 'medium',
    languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp'],
    keywords: ['sha256', 'sha512', 'sha-256', 'sha-512', 'sha384'],
    // A general-purpose hash over a password is brute-forced at billions of guesses a second:
    // passwords need a slow, salted KDF. Only counted when the hashed value is a password.
    pattern: /\bcreateHash\s*\(\s*['"`]sha(?:256|384|512)['"`]\s*\)\s*\.\s*update\s*\(|\bhashlib\.sha(?:256|384|512)\s*\(|\bsha(?:256|512)\.Sum(?:256|512)?\s*\(|\bhash\s*\(\s*['"]sha(?:256|384|512)['"]\s*,|\bDigest::SHA(?:256|384|512)\.(?:hexdigest|digest|base64digest)\s*\(|\bDigestUtils\.sha(?:256|384|512)(?:Hex)?\s*\(/,
    when: (m) => {
      const { flow } = m;
      // PHP hash('sha256', $v): the call opens after `hash`; the others end at their `(`.
      const phpHash = /^hash\s*\(/.test(flow.code.code.slice(m.start, m.end));
      const call = callArguments(flow.code.masked, phpHash ? flow.code.masked.indexOf('(', m.start) : m.end - 1);
      const args = phpHash ? call.args.slice(1) : call.args;
      const text = args.map(([a, b]) => flow.code.code.slice(a, b)).join(',');
      return /\b\w*(?:password|passwd|passphrase)\w*\b/i.test(text) ? { end: call.end } : false;
    },
    message: 'Password hashed with a fast general-purpose hash (SHA-2) instead of a password KDF', fix: 'Use bcrypt, scrypt, argon2 or PBKDF2 with a per-user salt.',
    examples: { language: 'python', match: ['user.password_hash = hashlib.sha256(password.encode()).hexdigest()', '<?php $h = hash("sha256", $_POST["password"]);'], noMatch: ['digest = hashlib.sha256(file_bytes).hexdigest()', 'hashlib.sha256(pw)'] },
  },
  {
    id: 'crypto/weak-cipher',
    category: 'crypto', cwe: 'CWE-327', severity: 'high',
    languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp'],
    keywords: ['des', 'rc4', 'rc2', 'blowfish', 'arc4', 'bf-', 'idea', 'cast5', 'arcfour', 'mcrypt'],
    pattern: /\bcreate(?:Cipheriv|Decipheriv|Cipher|Decipher)\s*\(\s*['"`](?:des|des-ede|des-ede3|des3|rc4|rc2|bf|blowfish|idea|cast)[\w-]*['"`]|\balgorithms\.(?:TripleDES|Blowfish|ARC4|IDEA|CAST5|SEED)\s*\(|\b(?:DES|DES3|ARC4|ARC2|Blowfish|CAST|XOR)\.new\s*\(|\bCipher\.getInstance\s*\(\s*"(?:DES|DESede|TripleDES|RC4|RC2|ARCFOUR|Blowfish|PBEWithMD5AndDES)[^"]*"|\b(?:des\.NewCipher|des\.NewTripleDESCipher|rc4\.NewCipher|blowfish\.NewCipher)\s*\(|\bopenssl_(?:encrypt|decrypt)\s*\([^;]*['"](?:des|rc4|rc2|bf|blowfish)[\w-]*['"]|\bMCRYPT_(?:DES|3DES|TRIPLEDES|BLOWFISH|RC2|ARCFOUR)\b|\bOpenSSL::Cipher(?:::\w+)?\.new\s*\(\s*['"](?:des|rc4|bf|rc2)[\w-]*['"]|\b(?:DES|TripleDES|RC2)\.Create\s*\(|\bnew\s+(?:DESCryptoServiceProvider|TripleDESCryptoServiceProvider|RC2CryptoServiceProvider)\b|\bCryptoJS\.(?:DES|TripleDES|RC4|Rabbit)\.|\bSecretKeySpec\s*\([^;]*"(?:DES|DESede|RC4|Blowfish)"|\bKeyGenerator\.getInstance\s*\(\s*"(?:DES|DESede|RC4|Blowfish|RC2)"/,
    when: 'always',
    message: 'Broken cipher (DES/3DES/RC4/RC2/Blowfish)', fix: CIPHER_FIX,
    examples: { language: 'java', match: ['Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");'], noMatch: ['Cipher c = Cipher.getInstance("AES/GCM/NoPadding");'] },
  },
  {
    id: 'crypto/weak-cipher-more',
    category: 'crypto', cwe: 'CWE-327', severity: 'high',
    languages: ['python', 'java', 'php', 'javascript', 'typescript', 'csharp'],
    keywords: ['_des', '_arc', '_blowfish', '_xor', '_cast', 'mcrypt', 'mdecrypt', 'secretkeyfactory', '3des', 'nullcipher', 'nopadding', 'ecb', 'allowallhostnameverifier', 'messagedigest'],
    pattern: /\b\w*_(?:des|des3|arc4|arc2|blowfish|xor|cast)\.new\s*\(|\bm(?:de)?crypt_\w+\s*\(|\bSecretKeyFactory\.getInstance\s*\(\s*"(?:3DES|DESede|DES|Blowfish|RC4|RC2|TripleDES)"|\bCipher\.getInstance\s*\(\s*"3DES|\bnew\s+(?:javax\.crypto\.)?NullCipher\s*\(|"RSA\/[^"\/]*\/NoPadding"|\bBLOCK_MODE_ECB\b|(?:^|[^\w.])ECB\s*\(|\bnew\s+AllowAllHostnameVerifier\s*\(|\bMessageDigest\.getInstance\s*\(\s*"(?:md5|md2|md4|sha1|sha-1)"/,
    inString: true,
    when: (m) => !insideStringLiteral(m),
    message: 'Broken or missing encryption (DES/RC4/Blowfish/XOR, mcrypt, NullCipher, ECB, RSA without padding)', fix: CIPHER_FIX,
    examples: { language: 'python', match: ['cipher = pycryptodomex_arc4.new(tempkey)', 'mode = ECB(iv)'], noMatch: ['cipher = AES.new(key, AES.MODE_GCM, nonce=n)'] },
  },
  {
    id: 'crypto/weak-cipher-import',
    category: 'crypto', cwe: 'CWE-327', severity: 'medium', languages: ['go'],
    keywords: ['crypto/des', 'crypto/rc4', 'crypto/md5', 'crypto/sha1', 'x/crypto/blowfish', 'math/rand'],
    pattern: /^\s*(?:import\s+)?(?:\w+\s+)?"(?:crypto\/(?:des|rc4)|golang\.org\/x\/crypto\/(?:blowfish|cast5|md4|ripemd160))"/m,
    inString: true,
    when: 'always',
    message: 'Import of a broken cryptographic primitive', fix: CIPHER_FIX,
    examples: { language: 'go', match: ['import "crypto/des"'], noMatch: ['import "crypto/aes"'] },
  },
  {
    id: 'crypto/ecb-mode',
    category: 'crypto', cwe: 'CWE-327', severity: 'high',
    languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp'],
    keywords: ['ecb', '"aes"', "'aes'"],
    pattern: /['"`]aes-\d+-ecb['"`]|\bmodes\.ECB\s*\(|\bMODE_ECB\b|"(?:AES|DES|DESede|Blowfish)\/ECB\/|\bCipher\.getInstance\s*\(\s*"(?:AES|RSA)"\s*\)|\bCipherMode\.ECB\b|\bNewECB(?:En|De)crypter\b|\bCryptoJS\.mode\.ECB\b|\bOPENSSL_\w*ECB\b|['"]AES-\d+-ECB['"]|\bMCRYPT_MODE_ECB\b|-ecb['"]/i,
    inString: true,
    when: (m) => !m.flow.code.masked.slice(m.start, m.end).includes('//'),
    message: 'ECB mode leaks patterns of the plaintext', fix: CIPHER_FIX,
    examples: { language: 'python', match: ['cipher = AES.new(key, AES.MODE_ECB)'], noMatch: ['cipher = AES.new(key, AES.MODE_GCM)'] },
  },
  {
    id: 'crypto/static-iv',
    category: 'crypto', cwe: 'CWE-329', severity: 'high', languages: ['javascript', 'typescript'],
    keywords: ['createcipheriv'],
    pattern: /\bcreateCipheriv\s*\(/,
    when: staticIv(2),
    message: 'Constant IV: encrypting twice with the same key and IV leaks plaintext', fix: 'Generate a fresh IV per message with crypto.randomBytes and store it with the ciphertext.',
    examples: { language: 'javascript', match: ['crypto.createCipheriv("aes-256-cbc", key, Buffer.alloc(16))', 'const IV = Buffer.alloc(16, 0);\ncrypto.createCipheriv("aes-256-cbc", key, IV)'], noMatch: ['const iv = crypto.randomBytes(16);\ncrypto.createCipheriv("aes-256-gcm", key, iv)'] },
  },
  {
    id: 'crypto/static-iv-python',
    category: 'crypto', cwe: 'CWE-329', severity: 'high', languages: ['python'],
    keywords: ['mode_', 'modes.'],
    pattern: /\bAES\.new\s*\(|\bmodes\.(?:CBC|GCM|CTR|OFB|CFB|CFB8)\s*\(/,
    when: (m) => {
      const { flow } = m;
      const call = callArguments(flow.code.masked, m.end - 1);
      const raw = flow.code.code.slice(m.start, call.end);
      for (const [a, b] of call.args) {
        const t = flow.code.code.slice(a, b);
        const kw = /^\s*(?:iv|nonce|IV)\s*=\s*/.exec(t);
        if (kw) return isStaticBytes(flow, a + kw[0].length, b, 0) ? { end: call.end } : false;
      }
      const idx = /^modes\./.test(raw) ? 0 : 2;
      const arg = call.args[idx];
      return arg && isStaticBytes(flow, arg[0], arg[1], 0) ? { end: call.end } : false;
    },
    message: 'Constant IV/nonce', fix: 'Use os.urandom / get_random_bytes for every message.',
    examples: { language: 'python', match: ['cipher = AES.new(key, AES.MODE_CBC, b"0000000000000000")'], noMatch: ['iv = os.urandom(16)\ncipher = AES.new(key, AES.MODE_CBC, iv)'] },
  },
  {
    id: 'crypto/static-iv-java',
    category: 'crypto', cwe: 'CWE-329', severity: 'high', languages: ['java', 'csharp'],
    keywords: ['ivparameterspec', 'gcmparameterspec', '.iv'],
    pattern: /\bnew\s+IvParameterSpec\s*\(|\bnew\s+GCMParameterSpec\s*\(/,
    when: staticIv((raw) => (/GCMParameterSpec/.test(raw) ? 1 : 0)),
    message: 'Constant IV', fix: 'Fill the IV from SecureRandom for every message.',
    examples: { language: 'java', match: ['IvParameterSpec iv = new IvParameterSpec(new byte[16]);', 'private static final byte[] IV = new byte[16];\ncipher.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(IV));'], noMatch: ['byte[] b = new byte[16];\nnew SecureRandom().nextBytes(b);\nIvParameterSpec iv = new IvParameterSpec(b);'] },
  },
  {
    id: 'crypto/static-iv-go',
    category: 'crypto', cwe: 'CWE-329', severity: 'high', languages: ['go'],
    keywords: ['cipher.new', '.seal(', '.open('],
    pattern: /\bcipher\.New(?:CBCEncrypter|CBCDecrypter|CTR|OFB|CFBEncrypter|CFBDecrypter)\s*\(|\b\w*(?:gcm|GCM|Gcm|aead|AEAD|Aead)\w*\s*\.\s*(?:Seal|Open)\s*\(/,
    // Decryption must reuse the nonce the message was sealed with: only encryption picks one.
    when: (m) => (/Open\s*\($|Decrypter\s*\($/.test(m.flow.code.code.slice(m.start, m.end)) ? false : staticIv(1)(m)),
    message: 'Constant IV/nonce', fix: 'Fill the IV/nonce with io.ReadFull(rand.Reader, iv) for every message.',
    examples: { language: 'go', match: ['mode := cipher.NewCBCEncrypter(block, []byte("0123456789abcdef"))'], noMatch: ['iv := make([]byte, aes.BlockSize)\nio.ReadFull(rand.Reader, iv)\nmode := cipher.NewCBCEncrypter(block, iv)', 'nonce := []byte("fixed-nonce!")\nplain, err := gcm.Open(nil, nonce, data, nil)'] },
  },
  {
    id: 'crypto/deprecated-create-cipher',
    category: 'crypto', cwe: 'CWE-327', severity: 'high', languages: JS_LIKE,
    keywords: ['createcipher', 'createdecipher', 'pseudorandombytes'],
    pattern: /\bcreate(?:Cipher|Decipher)\s*\((?!iv)|\bpseudoRandomBytes\b/,
    when: 'always',
    message: 'Deprecated crypto.createCipher/pseudoRandomBytes (weak key derivation, no IV / not random)', fix: 'Use crypto.createCipheriv with a key from scrypt and a random IV, and crypto.randomBytes.',
    examples: { language: 'javascript', match: ['const c = crypto.createCipher("aes192", password)'], noMatch: ['const c = crypto.createCipheriv("aes-256-gcm", key, iv)'] },
  },
  {
    id: 'crypto/short-rsa-key',
    category: 'crypto', cwe: 'CWE-326', severity: 'high',
    languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp'],
    keywords: ['rsa', 'dsa', 'keypair', 'key_size', 'modulus', 'private_key_bits', 'initialize'],
    pattern: /\bgenerateKeyPair(?:Sync)?\s*\(\s*['"](?:rsa|dsa)['"][^;]*?modulusLength\s*:\s*(\d+)|\b(?:rsa|dsa)\.generate_private_key\s*\(|\b(?:RSA|DSA)\.generate\s*\(\s*(\d+)|\.initialize\s*\(\s*(\d+)\s*[,)]|\b(?:rsa|dsa)\.GenerateKey\s*\(\s*[\w.]+\s*,\s*(\d+)|\bGenerateParameters\s*\([^)]*\bL(\d+)|\bOpenSSL::PKey::(?:RSA|DSA)\.(?:new|generate)\s*\(\s*(\d+)|['"]private_key_bits['"]\s*=>\s*(\d+)|\bnew\s+(?:RSACryptoServiceProvider|DSACryptoServiceProvider)\s*\(\s*(\d+)|\bRSA\.Create\s*\(\s*(\d+)|\brsa\.newkeys\s*\(\s*(\d+)|\b\w*_?(?:rsa|dsa|RSA|DSA)\.generate\s*\(\s*(?:bits\s*=\s*)?(\d+)/,
    when: (m) => {
      const g = [...m.groups].slice(1).find((x) => x !== undefined);
      if (/\.initialize/.test(m.groups[0]) && !/KeyPairGenerator\.getInstance\s*\(\s*"(?:RSA|DSA|DH)"/.test(m.flow.code.code)) return false;
      if (g) {
        const n = Number(g);
        return n > 0 && n < 2048 ? { message: `Key of ${n} bits is too short: use at least 2048` } : false;
      }
      return keySize(2048)(m);
    },
    message: 'RSA/DSA key shorter than 2048 bits', fix: 'Use 2048-bit keys at least (3072 for long-lived keys), or Ed25519/P-256.',
    examples: { language: 'python', match: ['key = rsa.generate_private_key(public_exponent=65537, key_size=1024)'], noMatch: ['key = rsa.generate_private_key(public_exponent=65537, key_size=4096)'] },
  },
  {
    id: 'crypto/weak-ec-curve',
    category: 'crypto', cwe: 'CWE-326', severity: 'medium', languages: ['python', 'java', 'go', 'javascript', 'typescript'],
    keywords: ['secp192', 'secp160', 'p192', 'secp112', 'secp128', 'sect163', 'prime192'],
    pattern: /\b(?:SECP192R1|SECP160R1|SECT163K1|SECT163R2|secp192r1|secp160r1|secp112r1|secp128r1|prime192v1|P192)\b/,
    inString: true,
    when: 'always',
    message: 'Elliptic curve below 224 bits', fix: 'Use P-256 or Curve25519.',
    examples: { language: 'python', match: ['ec.generate_private_key(ec.SECP192R1())'], noMatch: ['ec.generate_private_key(ec.SECP256R1())'] },
  },
  {
    id: 'crypto/insecure-random',
    category: 'crypto', cwe: 'CWE-338', severity: 'medium',
    languages: ['javascript', 'typescript', 'python', 'java', 'php', 'ruby', 'csharp', 'go'],
    keywords: ['random', 'rand', 'uniqid', 'lcg_value'],
    pattern: /\bMath\.random\s*\(|\brandom\.(?:random|randint|randrange|choice|choices|getrandbits|sample|uniform|shuffle)\s*\(|\bnew\s+(?:java\.util\.)?Random\s*\(|(?:^|[^\w$>:.])(?:rand|mt_rand|uniqid|lcg_value|array_rand|str_shuffle)\s*\(|(?:^|[^.\w])(?:rand|Random\.rand|Random\.new\.rand)\s*\(|\bRandom\.new\b|\brand\.(?:Int|Intn|Int31|Int63|Int31n|Int63n|Uint32|Uint64|Float64|Perm|Read|New)\s*\(|\bnew\s+Random\s*\(\s*\)\s*\.\s*Next/,
    when: (m) => {
      // Go: only math/rand (crypto/rand has Read/Int too).
      if (m.flow.language === 'go' && !/"math\/rand(?:\/v2)?"/.test(m.flow.code.code)) return false;
      if (m.flow.language === 'python' && /\bSystemRandom\b|\bsecrets\b/.test(m.flow.code.code.slice(Math.max(0, m.start - 30), m.start))) return false;
      return weakRandom(m);
    },
    message: 'Non-cryptographic random number used for a security value', fix: RANDOM_FIX,
    examples: { language: 'javascript', match: ['const token = Math.random().toString(36).slice(2);'], noMatch: ['const delay = Math.random() * 1000; // jitter'] },
  },
  {
    id: 'crypto/go-math-rand-import',
    category: 'crypto', cwe: 'CWE-338', severity: 'low', languages: ['go'],
    keywords: ['math/rand'],
    pattern: /"math\/rand(?:\/v2)?"/,
    inString: true,
    when: (m) => (SECURITY_CONTEXT.test(m.flow.code.code) && /\brand\.\w+\s*\(/.test(m.flow.code.code) && !BENIGN_CONTEXT.test(m.flow.code.code) ? true : false),
    message: 'math/rand imported in code that handles security values', fix: 'Use crypto/rand for keys, tokens and nonces.',
    examples: { language: 'go', match: ['import "math/rand"\nfunc token() string { return fmt.Sprint(rand.Int()) }'], noMatch: ['import "math/rand"\nfunc jitter() int { return rand.Intn(100) }'] },
  },
  {
    id: 'crypto/jwt-verification-disabled',
    category: 'crypto', cwe: 'CWE-347', severity: 'high', languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp'],
    keywords: ['verify_signature', 'none', 'unsecured', 'validateissuersigningkey', 'requiresignedtokens'],
    // A token whose signature is not checked (or may use alg "none") can be forged by anyone.
    pattern: /["']verify_signature["']\s*:\s*(?:False|false)\b|\balgorithms?\s*[:=]\s*\[?\s*["']none["']|\bparseUnsecuredClaims\s*\(|\bValidateIssuerSigningKey\s*=\s*false\b|\bRequireSignedTokens\s*=\s*false\b/i,
    inString: true,
    when: 'always',
    message: 'JWT accepted without verifying its signature', fix: 'Verify the signature with the expected key and pin the algorithm (algorithms=["HS256"]).',
    examples: { language: 'python', match: ['claims = jwt.decode(token, options={"verify_signature": False})'], noMatch: ['claims = jwt.decode(token, key, algorithms=["HS256"])'] },
  },
  {
    id: 'crypto/tls-verification-disabled',
    category: 'crypto', cwe: 'CWE-295', severity: 'high',
    languages: ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp', 'shell', 'config', 'text', 'html', 'c'],
    keywords: ['missing_host_key', 'insecure', 'curl', 'ssl_no_verify', 'rejectunauthorized', 'node_tls_reject_unauthorized', 'verify', 'insecureskipverify', 'ssl_verify', 'cert_none', 'verify_none', 'unverified', 'trustmanager', 'hostnameverifier', 'certificatevalidation', 'check_hostname', 'acceptanyserver', 'allow_all'],
    pattern: /\brejectUnauthorized\s*[:=]\s*(?:false|0)\b|\bNODE_TLS_REJECT_UNAUTHORIZED\b\s*[=:]\s*['"]?0|\bNODE_TLS_REJECT_UNAUTHORIZED['"]?\]\s*=\s*['"]0|\bverify\s*=\s*False\b|\bInsecureSkipVerify\s*[:=]\s*(?:true|!false)\b|\bset_missing_host_key_policy\s*\(\s*(?:\w+\.)*(?:AutoAddPolicy|WarningPolicy)\b|\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*(?:false|0)\b|\bOpenSSL::SSL::VERIFY_NONE\b|\bssl\._create_unverified_context\b|\bssl\.CERT_NONE\b|\bcheck_hostname\s*=\s*False\b|\bcert_reqs\s*=\s*['"]?CERT_NONE|\bServerCertificate(?:Custom)?ValidationCallback\s*(?:\+?=)[^;]*=>\s*true\b|\bDangerousAcceptAnyServerCertificateValidator\b|\bALLOW_ALL_HOSTNAME_VERIFIER\b|\bNoopHostnameVerifier\b|\bsetHostnameVerifier\s*\(\s*\(?[^)]*\)?\s*->\s*true|\bverify_ssl\s*=\s*False\b|\bssl_verify\s*[:=]\s*false\b|\bstrictSSL\s*:\s*false\b|\binsecure\s*:\s*true\b(?=[^\n]*(?:tls|https|agent))|\bcurl\b[^\n]*\s(?:-k|--insecure)\b|\bGIT_SSL_NO_VERIFY\s*=\s*(?:1|true)|\bverify_mode\s*[:=]>?\s*OpenSSL::SSL::VERIFY_NONE/,
    when: (m) => {
      // `verify=False` only matters in an HTTP/TLS call, not e.g. a form field.
      if (/^verify\s*=/.test(m.groups[0].trim())) {
        const line = m.flow.lineText(m.flow.lineOf(m.start));
        return /\b(?:requests|httpx|session|client|s|http|aiohttp|urllib3|jwt|get|post|put|patch|delete|request|head|Client|AsyncClient|Session|urlopen)\b/.test(line) && !/jwt\.decode/.test(line) ? true : /jwt\.decode/.test(line) ? { message: 'JWT decoded without verifying its signature' } : false;
      }
      return true;
    },
    message: 'TLS certificate verification disabled', fix: TLS_FIX,
    examples: { language: 'javascript', match: ['https.request({ host, rejectUnauthorized: false })', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'"], noMatch: ['https.request({ host, rejectUnauthorized: true })'] },
  },
  {
    id: 'crypto/insecure-trust-manager',
    category: 'crypto', cwe: 'CWE-295', severity: 'high', languages: ['java'],
    keywords: ['checkservertrusted'],
    pattern: /\bvoid\s+checkServerTrusted\s*\([^)]*\)\s*(?:throws\s+[\w.]+\s*)?\{\s*\}/,
    when: 'always',
    message: 'TrustManager that accepts every certificate', fix: TLS_FIX,
    examples: { language: 'java', match: ['public void checkServerTrusted(X509Certificate[] c, String a) {}'], noMatch: ['public void checkServerTrusted(X509Certificate[] c, String a) { delegate.checkServerTrusted(c, a); }'] },
  },
  {
    id: 'crypto/weak-tls-version',
    category: 'crypto', cwe: 'CWE-327', severity: 'medium', languages: ['python', 'go', 'javascript', 'typescript', 'java', 'csharp', 'php', 'ruby'],
    keywords: ['sslv23', 'sslv2', 'sslv3', 'tlsv1', 'versiontls10', 'versiontls11', 'versionssl30', 'tls10', 'tls11', 'ssl3'],
    pattern: /\bPROTOCOL_(?:SSLv2|SSLv3|SSLv23|TLSv1|TLSv1_1)\b|\bSSLv(?:2|3|23)_METHOD\b|\bTLSv1(?:_1)?_METHOD\b|\bMinVersion\s*:\s*tls\.Version(?:SSL30|TLS10|TLS11)\b|\bMaxVersion\s*:\s*tls\.Version(?:SSL30|TLS10|TLS11)\b|['"](?:SSLv3|TLSv1|TLSv1\.1|SSLv2)['"]|\bsecureProtocol\s*:\s*['"](?:SSLv3|TLSv1|TLSv1_1)_method['"]|\bSslProtocols\.(?:Ssl2|Ssl3|Tls|Tls11)\b|\bCURL_SSLVERSION_(?:SSLv2|SSLv3|TLSv1_0|TLSv1_1)\b/,
    inString: true,
    when: (m) => !/^['"]/.test(m.groups[0]) || /(?:getInstance|minVersion|secureProtocol|ssl_version|protocol)\s*[(:=]\s*$/.test(m.flow.code.code.slice(Math.max(0, m.start - 40), m.start)) || /SSLContext/.test(m.flow.code.code.slice(Math.max(0, m.start - 40), m.start)),
    message: 'Obsolete SSL/TLS protocol version', fix: 'Require TLS 1.2 or newer.',
    examples: { language: 'go', match: ['cfg := &tls.Config{MinVersion: tls.VersionTLS10}'], noMatch: ['cfg := &tls.Config{MinVersion: tls.VersionTLS12}'] },
  },
];
