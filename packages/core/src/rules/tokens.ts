import { decodeBase64 } from '../base64.js';
import { shannonEntropy } from '../entropy.js';
import { decodesToRandomPassword, isPlaceholder, isPlausiblePassword, isPlausibleSecret, isTestFile } from '../secret-value.js';
import type { Rule } from '../types.js';

/** JWTs, and credentials in HTTP `Authorization` values. */

/**
 * Whether decoded bytes (one per character) read as text: at most one in eight outside ASCII. A word
 * after "Basic" in prose (`see Basic Operations`) decodes to a colon among stray bytes; a credential's
 * text may carry the odd accented letter or damaged byte.
 */
function isMostlyText(bytes: string): boolean {
  let other = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) > 0x7e) other++;
  return other * 8 <= bytes.length;
}

/** Basic credentials' base64 decoded and split at the first colon; undefined when it is no `user:password` text. */
function basicCredentialParts(value: string): { user: string; password: string } | undefined {
  const decoded = decodeBase64(value);
  if (decoded === undefined || /[\x00-\x1f]/.test(decoded) || !isMostlyText(decoded)) return undefined;
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Base64 of one random token (a UUID, a key of word characters), as an API key is sent when it is the whole Basic credential. */
function isEncodedApiKey(value: string): boolean {
  const decoded = decodeBase64(value);
  return decoded !== undefined && /^[\w.~-]{20,200}$/.test(decoded) && isPlausibleSecret(decoded, { category: 'TOKEN', quoted: true });
}

/**
 * Base64 of random bytes, not of text: what a server was set up to take as the whole Basic credential (a gateway's shared
 * key, a secret minted as bytes). Only an `Authorization` header's name vouches for it; sixteen bytes at least, drawn.
 */
const AUTHORIZATION_HEADER = /authori[sz]ation/i;
const MIN_RANDOM_CREDENTIAL_BYTES = 16;
function isEncodedRandomBytes(value: string): boolean {
  const decoded = decodeBase64(value);
  return (
    decoded !== undefined &&
    decoded.length >= MIN_RANDOM_CREDENTIAL_BYTES &&
    /[\x00-\x08\x0e-\x1f\x7f-\xff]/.test(decoded) &&
    shannonEntropy(value) >= 4 &&
    !isPlaceholder(value)
  );
}

function decodesToJsonWith(segment: string, field: string): boolean {
  const json = decodeBase64(segment);
  if (json === undefined || !json.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && field in parsed;
  } catch {
    return false;
  }
}

/**
 * The example token of jwt.io and countless tutorials (subject "1234567890", "John Doe",
 * signed with the published key "your-256-bit-secret"): documentation, not a credential.
 */
function isDocumentationJwt(payload: string): boolean {
  const json = decodeBase64(payload) ?? '';
  return (/"sub":\s?"1234567890"/.test(json) && /"name":\s?"John Doe"/.test(json)) || PLACEHOLDER_CLAIM.test(json) || DUMMY_PAYLOAD.test(json);
}

/** A payload of one made-up pair and nothing else (PyJWT's README signs `{"some": "payload"}`; `{"foo": "bar"}`): no claims about anyone. */
const DUMMY_PAYLOAD = /^\{\s?"(?:some|foo|hello|key)":\s?"(?:payload|bar|world|value)"\s?\}$/;

/**
 * A claim whose whole value is a stand-in word (`{"sub":"example"}`): a token written to show
 * the format, naming nobody. (A word inside a value, an audience `example-app`, says nothing.)
 */
const PLACEHOLDER_CLAIM = /"[\w-]{1,40}":\s?"(?:example|sample|dummy|fake|placeholder)"/i;

/** A whole value that is a JWT written to show the format (see `isDocumentationJwt`), for rules that read it under a name. */
export function isDocumentationJwtValue(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 3 && parts[0]!.startsWith('eyJ') && parts[1]!.startsWith('eyJ') && isDocumentationJwt(parts[1]!);
}

/**
 * An unsigned JWT (`alg: none`, nothing after the last dot) in a test suite: the token a test forges to see it rejected,
 * or passes to a client whose server it mocks. It carries no key, and a verifier that honours it is the bug under test.
 * Elsewhere it is still reported: sent as an API key (`X-API-KEY: eyJhbGciOiJub25lIn0.…`), a server that accepts it lets it in.
 */
export function isUnsignedTestJwt(value: string, file: string | undefined): boolean {
  const parts = value.split('.');
  return parts.length === 3 && parts[2] === '' && isTestFile(file) && /"alg"\s{0,4}:\s{0,4}"none"/i.test(decodeBase64(parts[0]!) ?? '');
}

/** Supabase's anon key: a JWT with role `anon`, made to ship in browser code (row-level security guards the data). */
function isPublicAnonKey(payload: string): boolean {
  return /"role":\s?"anon"/.test(decodeBase64(payload) ?? '');
}

/**
 * A bearer token of letters alone, drawn at random from both cases (some OAuth servers and API gateways issue
 * them so): about as many capitals as small letters, and a near-uniform spread. A name written in camelCase
 * (`AuthorizationHeaderProvider`) has a capital per word, far fewer than its small letters.
 */
function isRandomLetterToken(value: string): boolean {
  if (value.length < 24 || !/^[A-Za-z]+$/.test(value) || isPlaceholder(value)) return false;
  let upper = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) <= 0x5a) upper++;
  // Twenty-four random letters of 52 repeat about five of them (about 4.15 bits each); from thirty-two on, about 4.4.
  return upper * 10 >= value.length * 3 && upper * 10 <= value.length * 7 && shannonEntropy(value) >= (value.length < 32 ? 4 : 4.2);
}

const JWT = /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{0,2000}/;
/** A JWT whose claims are `{}` (payload `e30`): a test fixture; a token that grants something carries claims. */
export const EMPTY_CLAIMS_JWT = /^eyJ[A-Za-z0-9_-]{2,2000}\.e30\.[A-Za-z0-9_-]{0,2000}$/;
const JWT_BASE64 = /\bZXlK[A-Za-z0-9+/]{40,12000}={0,2}/;

/** A JWT's first part alone, maybe with the dot after it: `eyJhbGciOiJSUzI1NiJ9.`. */
const JWT_HEADER_ALONE = /^eyJ[A-Za-z0-9_-]{8,400}\.?$/;

/**
 * A JWT's header on its own (`eyJhbGciOiJSUzI1NiJ9.`, where a sample writes `<payload>.<signature>` after it, or cuts the
 * token there): it names the algorithm and maybe the key's id, which every verifier is sent, and carries no claim and
 * no signature. Only a header that decodes to JSON with an `alg`: base64 of other JSON (a service account's key file) may be a secret.
 */
export function isJwtHeaderAlone(value: string): boolean {
  return JWT_HEADER_ALONE.test(value) && decodesToJsonWith(value.endsWith('.') ? value.slice(0, -1) : value, 'alg');
}

/** HTTP's token68: what a scheme takes as one credential (RFC 9110), `=` only as its end's padding. */
const TOKEN68 = /^[A-Za-z0-9._~+/-]{16,2000}={0,2}$/;

/**
 * A credential after a scheme no rule names (a vendor's, `ODFHIR …`): one token68 of letters and digits drawn at random,
 * its parts maybe joined by `/` (a developer's key and a customer's). Bearer and Basic are read by their own rules, and
 * a client's id (`Client-ID …`) identifies an app, it admits no one.
 */
function isVendorSchemeCredential(scheme: string, value: string): boolean {
  if (/^(?:bearer|basic)$/i.test(scheme) || /id$/i.test(scheme) || !TOKEN68.test(value)) return false;
  return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

export const tokenRules: Rule[] = [
  {
    id: 'jwt',
    category: 'JWT',
    description: 'A JSON Web Token whose header decodes to JSON with an `alg`',
    keywords: ['eyj'],
    pattern: JWT,
    validate: (token, ctx) => {
      const [header, payload] = token.split('.');
      if (/example|fake|dummy|sample|placeholder/i.test(token)) return false;
      if (isDocumentationJwt(payload!)) return false;
      if (isUnsignedTestJwt(token, ctx.file)) return false;
      if (isPublicAnonKey(payload!)) return false;
      return decodesToJsonWith(header!, 'alg') && decodeBase64(payload!)?.startsWith('{') === true;
    },
    confidence: 'high',
    examples: {
      match: [
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4NDEyIiwibmFtZSI6InN2Yy1iaWxsaW5nIiwiaWF0IjoxNzMyNTUwNDAwfQ.X754ma1w04ZIOOiQYAnlXOt1h7s3gXL6c9ANybsW_D0',
        'token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."',
      ],
      noMatch: [
        'eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc',
        'eyJ0eXAiOiJKV1QifQ',
        // {"alg":"none"} . {"sub":"sample"} . (no signature): a format illustration
        'token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzYW1wbGUifQ."',
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ],
    },
  },
  {
    id: 'jwt-base64',
    category: 'JWT',
    description: 'A JSON Web Token that was base64-encoded as a whole (`ZXlK…`)',
    keywords: ['zxlk'],
    pattern: JWT_BASE64,
    validate: (value) => {
      const decoded = decodeBase64(value);
      if (decoded === undefined) return false;
      const m = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/.exec(decoded);
      return m !== null && decodesToJsonWith(m[0].split('.')[0]!, 'alg');
    },
    confidence: 'high',
    examples: {
      match: [
        'ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lJeE1qTTBOVFkzT0Rrd0lpd2libUZ0WlNJNklrcHZhRzRnUkc5bElpd2lhV0YwSWpveE5URTJNak01TURJeWZRLlNmbEt4d1JKU01lS0tGMlFUNGZ3cE1lSmYzNlBPazZ5SlZfYWRRc3N3NWM=',
      ],
      noMatch: ['ZXlKbWIyOGlPaUppWVhJaWZRPT0uZXlKemRXSWlPaUl4TWpNME5UWTNPRGt3SW4wLmFiYw=='],
    },
  },
  {
    id: 'authorization-bearer',
    category: 'TOKEN',
    description: 'A bearer token in an `Authorization` header or `Bearer …` value (also Laravel Sanctum\'s `id|token`, the scheme\'s literal joined to the token\'s: `"Bearer " + "…"`, and the two given as arguments: `AuthenticationHeaderValue("Bearer", "…")`)',
    keywords: ['bearer'],
    // Laravel Sanctum's plain-text token opens with its database id and a bar (`12|…`): both are sent, and both reported.
    // Code may keep the scheme in a literal of its own and join the token's literal to it (`"Bearer " + "…"`, PHP's `.`),
    // as authorization-basic reads `"Basic " + "…"`; a variable joined (`"Bearer " + token`) is no literal. Or it passes
    // scheme and token as two arguments (.NET's `new AuthenticationHeaderValue("Bearer", "…")`), as with Basic. Ruby may
    // interpolate the token's literal into the header's string (`"Bearer #{'…'}"`): the literal is read through `#{`.
    pattern: /\bbearer(?:\s{1,4}|\s{1,4}#\{\s{0,4}["']|\s{0,4}["'`]\s{0,4}[+.]\s{0,4}["'`]|["'`]\s{0,4},\s{0,4}[@$]?["'`])(?<v>(?:\d{1,12}\|)?[A-Za-z0-9._~+/-]{16,2000}={0,2})/i,
    secretGroup: 'v',
    validate: (value) =>
      isRandomLetterToken(value) || (isPlausibleSecret(value, { category: 'TOKEN', quoted: true }) && /[0-9]/.test(value) && !EMPTY_CLAIMS_JWT.test(value)),
    confidence: 'high',
    examples: {
      match: ['Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0', "headers: {'Authorization': 'Bearer sk-Zq8mP2xL9rTw4Kv7Nc3B'}", 'Authorization: Bearer hQvTmkZrWpLxNbYcsJdGfeuKaRtVwqMnBzLy', 'Authorization: Bearer 31|Qv7TmkZrWp2LxNbYcs9JdGfeuKaRtVwq4MnBzLy8',
        'headers: { Authorization: "Bearer " + "Vq3Lm8Xz2Wk7Rt4Np9Bc6Hd1Fs5Gy0Ja" }', "$h = ['Authorization' => 'Bearer ' . 'Vq3Lm8Xz2Wk7Rt4Np9Bc6Hd1Fs5Gy0Ja'];",
        'req.Header.Set("Authorization", "Bearer "+"3c9e1f0a7b24d65e8c1f9a0b2d4e6f8a1c3e5b7d")', 'new AuthenticationHeaderValue("Bearer", "Qm7Tz2Lx9Wk4Rp8Nc3Vb6Hy1Jd5Gs0Fe")',
        `req["Authorization"] = "Bearer #{'Wz4Kq9Lm2Xv7Rt3Np8Bc5Hd0Fs6Gy1Ja'}"`, 'headers["Authorization"] = "Bearer #{"Tn6Rq2Wz8Lm4Xv9Kp3Bc7Hd1Fs5Gy0Ja"}"'],
      noMatch: ['Authorization: Bearer ${TOKEN}', 'headers: { Authorization: "Bearer " + accessTokenFromVault }', 'const h = "Bearer " + "${API_TOKEN}";', 'Authorization: Bearer <token>', 'the bearer tokenization strategy', 'Authorization: Bearer AuthorizationHeaderValueProvider', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo',
        'schemes := []string{"Bearer", "AuthorizationHeaderValueProvider"}', 'req["Authorization"] = "Bearer #{access_token_from_vault}"', `req["Authorization"] = "Bearer #{ENV['API_TOKEN_FOR_PHOTOS']}"`],
    },
  },
  {
    id: 'authorization-basic',
    category: 'CRED',
    description: 'HTTP Basic credentials (`Authorization: Basic base64(user:password)`)',
    keywords: ['basic'],
    // Code builds the header by concatenation too: `"Basic " + "…"` (PHP's `'Basic ' . '…'`), or passes scheme and credential
    // as two arguments (.NET's `new AuthenticationHeaderValue("Basic", "…")`), or interpolate its literal (Ruby's `"Basic #{'…'}"`).
    pattern: /\bbasic(?:\s{1,4}|\s{1,4}#\{\s{0,4}["']|\s{0,4}["'`]\s{0,4}[+.]\s{0,4}["'`]|["'`]\s{0,4},\s{0,4}[@$]?["'`])(?<v>[A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])/i,
    secretGroup: 'v',
    validate: (value, ctx) => {
      if (!/authori[sz]ation|auth|basic\s/i.test(ctx.line)) return false;
      const parts = basicCredentialParts(value);
      // No colon: an API key that is the whole credential, sent encoded (OneSignal's legacy REST keys are base64 of a UUID),
      // or a gateway's password alone (`IaUv…#`): random printable text, which tokenizing loses nothing by taking. In an
      // `Authorization` header, random bytes too: the header says it is the credential, whatever it decodes to.
      if (parts === undefined) return isEncodedApiKey(value) || decodesToRandomPassword(value) || (AUTHORIZATION_HEADER.test(ctx.line) && isEncodedRandomBytes(value));
      const { user, password } = parts;
      // `user:` alone (an API key used as the user name) is a credential too.
      if (password === '') return user.length >= 6 && !/^[a-z]{1,12}$/.test(user) ? true : /^[\w.-]{6,}$/.test(user);
      return isPlausiblePassword(password);
    },
    confidence: 'high',
    examples: {
      match: ['Authorization: Basic YWRtaW46VHIwdWI0ZG9yJjM=', 'curl -H "Authorization: basic ZGVwbG95Olp6OG1QMnhMOQ=="', 'fun basicAuth(): String = "Basic " + "bGVkZ2VyLXN2YzpXaW50ZXJfUGx1bV84ODQx"',
        `http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "${btoa('ledger-sync:Fen.Otter-2291')}");`,
        // An API key that is the whole credential (OneSignal's legacy REST key: base64 of a UUID).
        "const PUSH_AUTH = 'Basic ' + 'N2QzZjFhMmItOWM0ZS00YjhhLWE2MWYtMmU1YzhkOWIwZjEz';",
        // PHP joins the scheme's literal to the credential's with `.`.
        `'Authorization' => 'Basic ' . '${btoa('dune-relay:Kq8#vT2.mWz5')}',`,
        // A password alone, with no user before it: random printable text, encoded.
        `return "Basic " + "${btoa('Wq7&tLm3Zr_Kp9vX!')}";`, `Authorization: Basic ${btoa('hT4%Nc8qWz2*Lm6R')}`,
        // Random bytes, not text: the header names them the credential.
        'curl -H "Authorization: Basic q3Zt/9Lw0e+KxR2mVbN7c1sJhUyPaD4gTfO8iQnWlE6="'],
      noMatch: ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNzd29yZA==");', 'Basic authentication is supported', "'Authorization' => 'Basic ' . 'dXNlcjpwYXNzd29yZA==',", 'For more on authorization, see `Basic Operations`.', "headers: { Authorization: 'Basic ' + 'bm90LWEta2V5LWp1c3Qtd29yZHMtaGVyZQ==' }",
        'WWW-Authenticate: Basic realm="Staff Area"', 'basic q3Zt/9Lw0e+KxR2mVbN7c1sJhUyPaD4gTfO8iQnWlE6= is the digest of the upload', `Authorization: Basic ${btoa('changeme')}`, `return "Basic " + "${btoa('PlaceholderSecret1')}";`, `Authorization: Basic ${btoa('Short1!')}`],
    },
  },
  {
    id: 'basic-credential-variable',
    category: 'CRED',
    description:
      'A variable named for Basic credentials (`basic`, `basicCreds`, `basic_header`) holding base64 of `user:password`, later put after `Basic ` in an Authorization header, or a setting of that name given it as its one argument (fastlane\'s `git_basic_authorization("…")`)',
    keywords: ['basic'],
    startsAtKeyword: true,
    pattern:
      /basic(?:[_-]?(?:creds?|credentials|token|header|value|string|b64|base64|auth(?:ori[sz]ation)?))?["']?[ \t]{0,4}(?::[ \t]{0,4}[\w<>?]{1,20}[ \t]{0,4})?(?:=|:=|=>|\((?=[ \t]{0,4}["'][\w+/]{8,500}={0,2}["'][ \t]{0,4}\)))[ \t]{0,4}["'](?<v>[A-Za-z0-9+/]{8,500}={0,2})["']/iy,
    secretGroup: 'v',
    validate: (value) => {
      const parts = basicCredentialParts(value);
      return parts !== undefined && /^[\w.@-]{1,64}$/.test(parts.user) && isPlausiblePassword(parts.password);
    },
    confidence: 'medium',
    examples: {
      match: ['String basic = "c3ZjOlJxN3ZLMm1YOXBMdzRadDg=";', 'val basicCreds: String = "c3ZjOlJxN3ZLMm1YOXBMdzRadDg="', 'git_basic_authorization("c3ZjOlJxN3ZLMm1YOXBMdzRadDg=")'],
      noMatch: ['String basic = "dXNlcjpwYXNzd29yZA==";', 'basic = "aGVsbG8gd29ybGQgYWdhaW4="', 'String basic = "QmFzaWNUeXBl";', 'git_basic_authorization("dXNlcjpwYXNzd29yZA==")', 'git_basic_authorization(Base64.strict_encode64("svc:#{ENV[\'PAT\']}"))'],
    },
  },
  {
    id: 'basic-credential-literal',
    category: 'PASS',
    description:
      'A `user:password` literal encoded in code to build Basic credentials (`btoa("svc:…")`, `btoa("svc:" + "…")`, `base64.b64encode(b"svc:…")`, `encodeToString("svc:…".getBytes())`, Perl `encode_base64("svc:…", "")`, `Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:…"))` (or `System.Text.Encoding…`), `Buffer.from("svc:…").toString("base64")`, Terraform\'s `base64encode("svc:…")`, Go\'s `EncodeToString([]byte("svc:…"))`), also after an interpolated user (`btoa(\`${sid}:…\`)`)',
    keywords: ['btoa', 'b64encode', 'base64encode', 'encodetostring', 'encode64', 'base64_encode', 'encode_base64', 'tobase64string', 'buffer.from'],
    // `Buffer.from` encodes nothing by itself: the look-ahead asks for `.toString("base64")` right after the literal.
    pattern:
      /\b(?:(?:btoa|b64encode|base64encode|[eE]ncodeToString|(?:strict_|urlsafe_)?encode64|base64_encode|encode_base64)\([ \t]{0,4}(?:\[\]byte\([ \t]{0,4})?[bB]?|ToBase64String\([ \t]{0,4}(?:System\.Text\.|Text\.)?Encoding\.[A-Za-z0-9]{2,12}\.GetBytes\([ \t]{0,4}|Buffer\.from\((?=[ \t]{0,4}["'`][^"'`\s]{1,200}["'`](?:,[ \t]{0,4}["'][\w-]{1,10}["'])?\)\.toString\([ \t]{0,4}["']base64["'])[ \t]{0,4})["'`](?<user>[^"'`\s:$]{1,64}|\$\{[\w.]{1,60}\}):(?:["'][ \t]{0,4}[+.][ \t]{0,4}["'])?(?!\$\{)(?<v>[^"'`\s]{4,128})["'`]/,
    secretGroup: 'v',
    validate: (value) => isPlausiblePassword(value),
    confidence: 'medium',
    examples: {
      match: ["headers: { Authorization: 'Basic ' + btoa('svc:Rq7vK2mX9pLw4Zt8') }", 'auth = base64.b64encode(b"svc:Rq7vK2mX9pLw4Zt8").decode()', 'Base64.getEncoder().encodeToString("svc:Rq7vK2mX9pLw4Zt8".getBytes())',
        'var creds = Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:Rq7vK2mX9pLw4Zt8"));',
        // The encoding named with its namespace, as code that does not import System.Text writes it.
        'var creds = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("relay:Vb6*Kw2.mTq9Rz"));',
        "const auth = Buffer.from('svc:Rq7vK2mX9pLw4Zt8', 'utf8').toString('base64');",
        'const auth = Buffer.from(`${accountSid}:Rq7vK2mX9pLw4Zt8`).toString("base64");',
        "headers: { Authorization: 'Basic ' + btoa(`${user}:Rq7vK2mX9pLw4Zt8`) }",
        // The user and the password as two literals joined in the call (the password kept apart from the user).
        'var b = Convert.ToBase64String(Encoding.ASCII.GetBytes("relay:" + "Wm4-Tq8z-Kp2v"));',
        "$auth = base64_encode('relay:' . 'Wm4-Tq8z-Kp2v');",
        // Perl's MIME::Base64 (its second argument, the line ending).
        "my $auth = encode_base64('relay:' . 'Wm4-Tq8z-Kp2v', '');",
        // Terraform's base64encode inside an interpolated header, and Go's encoder given the bytes of a literal.
        'auth_header = "Basic ${base64encode("edge:Lantern.fig7731!Qx")}"',
        'req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("edge:Lantern.fig7731!Qx")))',
      ],
      noMatch: [
        "btoa('user:password')",
        'btoa(`${user}:${pass}`)',
        'base64.b64encode(b"hello world")',
        "btoa('svc:' + password)",
        'Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))',
        "Buffer.from('svc:Rq7vK2mX9pLw4Zt8').toString('hex')",
        "Buffer.from('svc:' + password).toString('base64')",
        'Buffer.from(`${user}:${password}`).toString("base64")',
        'auth_header = "Basic ${base64encode("${var.user}:${var.password}")}"',
        'base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))',
      ],
    },
  },
  {
    id: 'authorization-scheme-literal',
    category: 'TOKEN',
    description:
      'A string literal that is a whole `Authorization` value with a credential scheme (`"Token …"`, `"ApiKey …"`, `"GenieKey …"`, `"DeepL-Auth-Key …"`, `"OAuth …"`), whatever the variable holding it is called; also the scheme\'s literal joined to the credential\'s (`"Token token=" + "…"`)',
    keywords: ['token ', 'apikey ', 'api-key ', 'geniekey ', 'deepl-auth-key ', 'oauth '],
    // The literal holds the scheme and the credential and nothing else: a sentence that starts
    // with "Token" goes on past one word. The opening quote is looked behind, so that a match
    // starts at its keyword and is tried only there (a search from every quote of every file
    // cost more than all the provider rules together). Code may keep the scheme (PagerDuty's `Token token=`) in a
    // literal of its own and join the credential's to it: `"Token token=" + "…"`, PHP's `.`; a variable joined
    // (`"Token " + apiToken`) is no literal.
    pattern:
      /(?<=["'`])(?:[Tt]oken|[Aa]pi-?[Kk]ey|GenieKey|DeepL-Auth-Key|OAuth) (?:token=)?(?:["'`][ \t]{0,4}[+.][ \t]{0,4}["'`])?(?<v>[A-Za-z0-9._~+/=:-]{16,2000})["'`]/,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (value) => isPlausibleSecret(value, { category: 'TOKEN', quoted: true }) && /[0-9]/.test(value),
    confidence: 'high',
    examples: {
      match: [
        'private val authHeader = "Token 22cb987851bc5659229114c62e60c79abd0d2c08"',
        "const opsgenie = { headers: { auth: 'GenieKey 3b2e4f7a-91c6-4d2b-8e5f-0a7c9d1b2e34' } };",
        '    "Authorization": "Token token=" + "Kq4vN8zTb2LwXm6pRs0d",',
        "$statuspage = ['Authorization' => 'OAuth ' . '5e1d7c3a-2b9f-4a68-8c04-d71e9a3f6b25'];",
      ],
      noMatch: ['authHeader = "Token " + apiToken', 'msg = "Token rotation_schedule_weekly"', 'label = "Token expired, please sign in again"', 'h = "Token ${API_TOKEN}"', 'h = "Token token=" + "${PD_TOKEN}"', 'hint = "OAuth " + "authorization_code_flow"'],
    },
  },
  {
    id: 'using-token-phrase',
    category: 'TOKEN',
    description:
      'A token a log line or a message says a client is using (`influx: using token …`, `connecting with token …`, `authenticated using token …`): the phrase, then one generated value of 20 characters or more with letters and digits',
    keywords: ['using token ', 'with token '],
    startsAtKeyword: true,
    // The value follows the phrase straight away, one run of a token's characters (base64url or base64, maybe padded)
    // that ends at a space, a quote or the line's end; a sentence goes on with words (`using token authentication`).
    pattern: /(?:using|with) token[ \t]{1,4}["'`]?(?<v>[A-Za-z0-9._~+/-]{20,500}={0,2})(?![A-Za-z0-9._~+/=-])/i,
    secretGroup: 'v',
    validate: (value) => isPlausibleSecret(value, { category: 'TOKEN', quoted: true }) && /[0-9]/.test(value) && /[A-Za-z]/.test(value),
    confidence: 'medium',
    examples: {
      match: [
        '2025-01-07T03:12:44Z INFO  metrics: using token Qv7Tm_kZrWp2LxNbYcs9JdGfeuKa-RtVwq4MnBzLy8Hc3XfPd6Qs1==',
        'connecting to wss://gw.example.net with token 8fK2mQz7Lp4Rw9Tx3Vb6Nc1Hd5Gs0Je',
      ],
      noMatch: [
        'INFO auth: using token authentication for the API',
        'connecting with token ${INFLUX_TOKEN}',
        'requests are signed with token-based_authentication_v2_enabled',
        'using token <your-token-here>',
      ],
    },
  },
  {
    id: 'authorization-header',
    category: 'TOKEN',
    description: "A credential in an `Authorization` header with another scheme (`Token`, `Api-Token`, `NTLM`, `Negotiate`, `Digest`, a vendor's own such as Open Dental's `ODFHIR <developer key>/<customer key>`, or none)",
    keywords: ['authorization'],
    // An interpolated literal too: Python's `"Authorization": f"Token …"`. A quoted header name
    // may be followed by its value as a call argument or a map entry: `.header("Authorization", "Token …")`,
    // `"Authorization" => "…"`; the value is then a literal, never a bare variable.
    // A vendor's own scheme (Open Dental's `ODFHIR <developer key>/<customer key>`) is one word of letters and digits; the
    // credential after it must then be HTTP's token68 (letters, digits, `-._~+/`, `=` only as padding at its end): a
    // scheme's parameters (`Credential=…, Signature=…`, `keyId="…"`) are a signature's parts, and `account:signature`
    // (`SharedKey …`, `AWS …`) signs one request.
    pattern:
      /\bauthori[sz]ation(?:["']?\s{0,3}[:=]\s{0,3}(?:[fF]?["'])?|["']\s{0,3}(?:,|=>)\s{0,3}[fF$@]?["'])(?:(?<scheme>token|api-?token|api-?key|key|sso-key|ntlm|negotiate|digest|bot|splunk|dsn|klaviyo-api-key|ghost|zoho-oauthtoken|geniekey|deepl-auth-key|oauth)\s{1,3}|(?<vendor>[A-Za-z][A-Za-z0-9]{1,23}) {1,2})?(?<v>[A-Za-z0-9._~+/=%:-]{16,2000})/i,
    secretGroup: 'v',
    validate: (value, ctx) => {
      if (/^(?:bearer|basic)$/i.test(value)) return false;
      // A function called for the value (`authorization = _messages.StringField(2)`): code, not a credential.
      if (ctx.text.charCodeAt(ctx.matchEnd) === 0x28 /* ( */) return false;
      const scheme = ctx.groups?.['scheme'];
      // OAuth 1.0 signs each request and sends its parameters after the scheme (`OAuth oauth_consumer_key="…", …`):
      // the signature's parts, not one credential (a bare `OAuth …` token, Statuspage's and Yandex's, is).
      if (scheme !== undefined && /^oauth_/i.test(value)) return false;
      if (scheme === undefined && /^(?:bearer|basic)\b/i.test(ctx.text.slice(ctx.matchEnd - value.length - 8, ctx.matchEnd - value.length))) return false;
      const vendor = ctx.groups?.['vendor'];
      if (vendor !== undefined && !isVendorSchemeCredential(vendor, value)) return false;
      return isPlausibleSecret(value, { category: 'TOKEN', quoted: true });
    },
    confidence: 'high',
    examples: {
      match: [
        'curl -H "Authorization: Token 22cb987851bc5659229114c62e60c79abd0d2c08" https://x',
        'Authorization: NTLM TlRMTUAAABABoITVNIAAZI1AQBuOh4cSAQ8B1A=',
        '"authorization": "9f8e7d6c5b4a39281706f5e4d3c2b1a0"',
        '.header("Authorization", "Token 22cb987851bc5659229114c62e60c79abd0d2c08")',
        '"Authorization" => "ApiKey 22cb987851bc5659229114c62e60c79abd0d2c08",',
        '          Authorization: "OAuth 6f2c8e1b-93d4-4a7e-b5c0-2e8f1a9d7c36"',
        "{'Authorization': 'ODFHIR Tq8vKm3LwZ7pR4nX/Jd6Hc2Fs9Gb5Ya1'}",
      ],
      noMatch: ['Authorization: Token ${API_TOKEN}', 'authorization: required', 'Authorization: Token <token>', '.header("Authorization", authorizationHeaderValue)', 'headers.put("Authorization", "Token " + apiToken)', "  authorization = _messages.MessageField('GoogleCloudApigeeV1ProfileConfigAuthorization', 2)",
        'Authorization: OAuth oauth_nonce=kq77vb21pd9333jh,oauth_version=1.0', 'Authorization: SharedKey archive01:Tq8vKm3LwZ7pR4nXJd6Hc2Fs9Gb5Ya1='],
    },
  },
];
