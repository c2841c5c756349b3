import type { Category } from './types.js';
import { isDigitCode, isLowerCode, isUpperCode } from './char-codes.js';

/**
 * Classifies the name a value is assigned to (`DB_PASSWORD`, `apiKey`, `client-secret`)
 * into the category its value would have, or `undefined` when the name does not hold a
 * secret (`password_field`, `token_url`, `primary_key`, `passengers`).
 */
export interface KeyClass {
  category: Category;
  /** A bare generic word (`key`, `auth`, `salt`): only a strong value counts. */
  weak: boolean;
}

/** Words that, anywhere in the name, say the value describes a secret rather than being one. */
const DESCRIPTIVE_WORDS = new Set([
  'field', 'fields', 'label', 'placeholder', 'prompt', 'hint', 'type', 'types', 'length', 'len', 'min', 'max',
  'policy', 'policies', 'regex', 'regexp', 'pattern', 'file', 'files', 'filename', 'path', 'dir', 'url', 'uri',
  'endpoint', 'enabled', 'enable', 'disabled', 'required', 'expiry', 'expires', 'expiration', 'expire', 'ttl',
  'timeout', 'id', 'ids', 'name', 'names', 'header', 'param', 'column', 'count', 'reset', 'message', 'msg',
  'error', 'errors', 'format', 'size', 'env', 'var', 'validator', 'validation', 'strength', 'input', 'box',
  'button', 'btn', 'prefix', 'suffix', 'hash', 'hashed', 'digest', 'checksum', 'sha', 'sha1', 'sha256', 'md5',
  'integrity', 'etag', 'fingerprint', 'thumbprint', 'public', 'publishable', 'pub', 'cache', 'sort', 'partition', 'primary',
  'foreign', 'unique', 'index', 'lookup', 'map', 'dict', 'row', 'idempotency', 'i18n', 'translation', 'mode',
  'location', 'provider', 'service', 'store', 'storage', 'manager', 'helper', 'class', 'method', 'version',
  'algorithm', 'algo', 'kind', 'source', 'ref', 'reference', 'template', 'description', 'desc', 'title', 'text',
  'changed', 'change', 'forgot', 'forgotten', 'confirm', 'confirmation', 'verify', 'verified', 'valid',
  'invalid', 'check', 'rotation', 'rotate', 'generator', 'generate', 'callback', 'handler', 'request',
  'response', 'status', 'state', 'flag', 'option', 'options', 'config', 'settings', 'schema', 'usage', 'used',
  'encoding', 'encoder', 'decoder', 'parser', 'length', 'bits', 'store', 'entry', 'store', 'pair', 'alias',
  'identifier', 'issuer', 'audience', 'scope', 'scopes', 'owner', 'created', 'updated', 'at', 'date', 'time',
  'timestamp', 'duration', 'lifetime', 'age', 'limit', 'retries', 'attempts', 'secure', 'visible', 'show',
  'hide', 'toggle', 'icon', 'image', 'img', 'link', 'page', 'route', 'view', 'component', 'dialog', 'modal',
  'form', 'test', 'tests', 'spec', 'mock', 'fake', 'sample', 'example', 'dummy', 'default', 'defaults',
  'authenticity', 'csrf', 'xsrf', 'jsonwebtoken', 'property', 'properties', 'prop', 'attribute', 'attr', 'setting',
  'variable', 'charset', 'chars', 'alphabet', 'characters', 'hasher', 'hashers', 'scheme', 'strategy',
  // Settings about passwords (Gitea's `PASSWORD_COMPLEXITY = lower,upper,digit`, `password_min_length`).
  'complexity', 'requirement', 'requirements', 'rule', 'rules', 'minimum', 'maximum', 'history', 'reuse', 'lockout',
  // Where a tool reads the secret from (`docker login --password-stdin`, `PASSWORD_STDIN=1`): the value is no secret.
  'stdin',
  // Where secrets are kept in a database (`PasswordHistoryTable = "dbo.MemberPasswordHistory"`, `TOKEN_TABLES`), and a
  // warning about one (`PASSWORD_EXPIRY_WARNING`): a table's name or a message, no secret.
  'table', 'tables', 'warning', 'warnings',
  // Settings about tokens' lifetimes (`--token-validity-units AccessToken=minutes`).
  'validity', 'unit', 'units',
  // Where a document or a page holds the secret (`PASSWORD_ELEMENT = "wsse:Password"`, `tokenTag`, `passwordXPath`,
  // `PASSWORD_SELECTOR = "#password"`): the name of an XML element or a page's field, not its content.
  'element', 'elem', 'tag', 'xpath', 'selector', 'locator',
  // The subject line of a mail about a secret (`password_reset_subject = Reset your PIN`): a text, like its title or body.
  'subject',
  // A value made public on purpose (`PUBLISHED_SEED`, a draw's seed published afterwards; `revealed_nonce` of a
  // commit-reveal scheme), like `public_key`.
  'published', 'revealed',
]);

/**
 * Words that make a name a phrase about secrets (`keyVaultToStoreSecrets`, `getToken`), not a secret.
 * `store` is not one: Gradle's and Java's `storePassword` is the keystore's password.
 */
const PHRASE_WORDS = new Set(['to', 'for', 'from', 'of', 'with', 'get', 'set', 'load', 'read', 'fetch', 'use', 'has', 'is', 'should', 'can', 'must', 'will', 'show', 'hide', 'toggle', 'authenticity', 'csrf', 'xsrf']);
/**
 * Anti-forgery words: a CSRF token is handed to every page it protects, but the secret or salt the
 * tokens are made with (`csrf_secret`, Flask-WTF's `WTF_CSRF_SECRET_KEY`, a PHP shop's
 * `define('CSRF_SALT', …)`) is the server's own.
 */
const ANTI_FORGERY_WORDS = new Set(['authenticity', 'csrf', 'xsrf']);
const TOKEN_MAKING_WORDS = ['secret', 'salt'];
function isPhraseWord(word: string, words: readonly string[], at: number): boolean {
  if (!PHRASE_WORDS.has(word) || (ANTI_FORGERY_WORDS.has(word) && TOKEN_MAKING_WORDS.some((w) => words.includes(w)))) return false;
  // `read` before `only` or `write` says what the secret may do (Upstash's `KV_REST_API_READ_ONLY_TOKEN`, Vercel Blob's
  // `BLOB_READ_WRITE_TOKEN`), not that the name is a verb's (`readToken`).
  return !(word === 'read' && (words[at + 1] === 'only' || words[at + 1] === 'write'));
}

/**
 * Words that make a `key` later in the name an encryption key whatever qualifies it last: a
 * column or row key under `crypto` or `encryption` (`acme.crypto.column-key`,
 * `encryption.row_key`) encrypts that column or row; outside them it is a database key.
 */
const CIPHER_WORDS = new Set(['crypto', 'crypt', 'encryption', 'encrypt', 'cipher', 'aes']);

/**
 * Words that make a `seed` the seed of a key pair or a signing key (`manifestSigningSeed`, `ED25519_SEED`,
 * `wallet_master_seed`): the private key itself, in the form Ed25519 and HD wallets store it.
 */
const KEY_SEED_WORDS = new Set(['signing', 'signer', 'signature', 'sign', 'private', 'secret', 'keypair', 'ed25519', 'x25519', 'curve25519', 'nacl', 'sodium', 'hmac', 'wallet', 'mnemonic', 'master']);

/** Texts a UI shows about a secret, each looked up in a message bundle by its key. */
const UI_TEXT_WORDS = new Set(['hint', 'label', 'placeholder', 'tooltip', 'title', 'caption', 'prompt', 'message', 'msg', 'error', 'help', 'heading', 'description']);

/** Words before `license` that make it the licence of some work (its terms), not a service's key. */
const LICENCE_TERMS_QUALIFIERS = new Set(['spdx', 'package', 'project', 'default', 'software', 'code', 'source', 'open', 'content', 'image', 'data', 'dataset', 'model', 'font', 'asset', 'media', 'doc', 'docs', 'file', 'crate', 'gem', 'module', 'plugin', 'repo', 'repository', 'upstream', 'third', 'party', 'vendor', 'bundle', 'cc', 'creative', 'commons']);

/** Words for an endpoint that another service calls back (`webhook_auth`, `notification_auth`). */
const WEBHOOK_WORDS = new Set(['webhook', 'webhooks', 'hook', 'notification', 'notifications', 'callback']);

/** Words after `psk` that make the name the key's identity or a setting about it, not the key (`psk_identity`, `psk_hint`). */
const PSK_NAME_WORDS = new Set(['identity', 'ident', 'hint', 'user', 'username', 'client', 'index', 'slot', 'count', 'set', 'rotation']);

/**
 * Whether a name's last `psk` is among its last three words and no word after it names or describes the key (see
 * nameOfAKnownSecret). The last three words are read back to front and judged for every name: the tests made only
 * once `psk` was found had never run when TurboFan compiled nameOfAKnownSecret (names holding `psk` are rare), and
 * the first such name deoptimized it.
 */
function isPskName(words: readonly string[]): boolean {
  let picksOne = true;
  for (let i = words.length - 1; i >= 0 && i >= words.length - 3; i--) {
    const w = words[i]!;
    if (w === 'psk') return picksOne;
    if (PSK_NAME_WORDS.has(w) || DESCRIPTIVE_WORDS.has(w) || !/[a-z]{2}/.test(w)) picksOne = false;
  }
  return false;
}

/** Whether a name's words before `key` end in a Wi-Fi network's word (`wifi`, `wi fi`, `wlan`, `wireless`, `wpa2`). */
function namesWifiNetwork(before: readonly string[]): boolean {
  const w = before[before.length - 1];
  if (w === 'fi') return before[before.length - 2] === 'wi';
  return w !== undefined && /^(?:wifi|wlan|wireless|wpa[23]?)$/.test(w);
}

/** Qualifiers that make `<x>_key` an identifier or a lookup key rather than a secret. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'primary', 'foreign', 'sort', 'partition', 'cache', 'unique', 'composite', 'shard', 'hash', 'range', 'map', 'dict',
  'lookup', 'row', 'column', 'field', 'group', 'object', 's3', 'bucket', 'file', 'path', 'query', 'route', 'order',
  'index', 'react', 'list', 'item', 'message', 'event', 'registry', 'translation', 'locale', 'lang', 'i18n', 'label',
  'menu', 'nav', 'tab', 'button', 'dom', 'element', 'widget', 'public', 'publishable', 'pub', 'idempotency', 'dedup',
  // PagerDuty's `incident_key` (Events v1) and `dedup_key` (v2): an id the sender picks to group alerts into one incident.
  'incident', 'dedupe', 'deduplication',
  'redis', 'storage', 'state', 'local', 'session', 'config', 'setting', 'settings', 'env', 'meta', 'data',
  'sign', 'hot', 'short', 'ctrl', 'alt', 'shift', 'enter', 'escape', 'arrow', 'press', 'up', 'down', 'on', 'keyboard',
  'sub', 'next', 'prev', 'last', 'first', 'child', 'parent',
  'name', 'id', 'type', 'value', 'entry', 'node', 'prop', 'attr', 'css', 'style', 'theme', 'color', 'font', 'size',
  // Application Insights' InstrumentationKey identifies a resource; Microsoft documents it as not secret.
  'instrumentation',
  // Supabase's anon key is public by design, like a publishable key.
  'anon',
  // reCAPTCHA, hCaptcha and Turnstile site keys are embedded in public pages (the secret key is not).
  'site',
  // Names of things: a resource tag's key (`TagKeys`, `--tags Key=…`), an IAM policy's condition keys,
  // a paginator's `result_key`, CloudFormation's `ParameterKey`, CloudTrail's `AttributeKey`.
  'tag', 'tags', 'condition', 'result', 'parameter', 'attribute',
  // A WebSocket handshake's `Sec-WebSocket-Key`: a nonce the client sends in the clear, by design.
  'socket', 'websocket',
  // A dataset's id in the catalogue that publishes it: GBIF's `datasetKey`, a public UUID in every citation of the data.
  // (Not `record`: a `RECORD_KEY` is as often the HMAC key records are signed with.)
  'dataset', 'datasets',
]);

/**
 * Words right before `token` that make it a handle rather than a credential: a page of results
 * (`NextToken`, `nextPageToken`, `--starting-token`, S3's `ContinuationToken`, a paginator's
 * `output_token`), a request made once (`IdempotencyToken`, `ClientRequestToken`, WAF's
 * `ChangeToken`), a lock or a lifecycle hook's action (`LockToken`, `LifecycleActionToken`),
 * the DKIM records a mail service publishes in DNS. None of them lets anyone in.
 * An export or import token is not among them: an application's `exportToken` or `import_token` is most often the
 * credential an export endpoint checks; AWS's handles of that name (Payment Cryptography's `export-token-…`, KMS's
 * wrapped `ImportToken`) are told by their values (see `isPlausibleSecret`).
 */
const HANDLE_TOKEN_QUALIFIERS = new Set([
  'next', 'continuation', 'starting', 'pagination', 'cursor', 'sync', 'resume', 'output', 'input', 'idempotency',
  'request', 'change', 'lock', 'dkim',
]);

/**
 * An environment variable or a constant in capitals named for what syncs (`KIOSK_SYNC_TOKEN`, `LDAP_SYNC_TOKEN`): the
 * credential a sync job logs in with. A sync cursor (Google's and Graph's `syncToken`, `nextSyncToken`) is a field of a
 * response, carried from one call to the next; nobody sets one by hand.
 */
const SYNC_CREDENTIAL_NAME = /^[A-Z][A-Z0-9]{1,30}_SYNC_TOKEN$/;
const SYNC_CURSOR_WORDS = new Set(['next', 'last', 'previous', 'prev', 'initial', 'current', 'delta']);

function namesHandleToken(words: readonly string[], name: string): boolean {
  const n = words.length;
  if (n < 2 || (words[n - 1] !== 'token' && words[n - 1] !== 'tokens')) return false;
  const before = words[n - 2]!;
  if (before === 'sync' && SYNC_CREDENTIAL_NAME.test(name) && !SYNC_CURSOR_WORDS.has(words[n - 3]!)) return false;
  if (HANDLE_TOKEN_QUALIFIERS.has(before)) return true;
  // `nextPageToken` (a Facebook page token is a credential: only the next page is a handle), `--lifecycle-action-token`.
  return (before === 'page' && words[n - 3] === 'next') || (before === 'action' && words[n - 3] === 'lifecycle');
}

/** Platforms and stages that name which copy of a key a variable holds (`…_KEY_IOS`, `…_KEY_STAGING`). */
/** The encodings a name may say its value is written in, after the name of what the value is. */
const VALUE_ENCODING_WORDS = new Set(['b64', 'base64', 'b64url', 'base64url', 'hex']);

const KEY_VARIANT_WORDS = new Set(['ios', 'android', 'web', 'prod', 'production', 'staging', 'stage', 'dev', 'development', 'qa', 'uat', 'live', 'sandbox', 'release']);

/** Words after a leading `pass` that say whose password it is (`PASS_DB`, `pass_smtp`) or spell it (`pass_phrase`). */
const PASS_OF_ACCOUNT = /^(?:db|database|bdd|mysql|pg|postgres|psql|redis|mongo|rabbit|mq|smtp|mail|imap|pop|ftp|sftp|ssh|ldap|admin|root|user|usr|api|app|wifi|wlan|vpn|proxy|phrase|code|word|wd|key|hash|[a-z]{2,12}\d{0,2}(?:db|sql))$/;

const PASSWORD_WORD =
  /(?:p(?:a{0,2}s{1,2}w(?:o{0,2}r)?d|s{1,2}w(?:o?r)?d|w|wd)|pass(?:word|wort|wd|phrase|code)?|passwords|passphrase|pwd)$/;
/** What a PIN that is a secret is named for: who it admits (an admin, a supervisor, a manager, the operator of a terminal or an encoder), what it unlocks or overrides (a till's `OverridePin`, which lets a manager void or refund). */
/** (generic-assignment's keywords hold each of them before `pin`: a keyword of `pin` alone would stop at every `mapping`.) */
const PIN_QUALIFIERS = new Set(['admin', 'master', 'unlock', 'supervisor', 'operator', 'manager', 'override']);
/** Words that qualify a lookup key (a cache's, a table's), not a password: see `classifyKeyUncached`. */
const KEY_LOOKUP_QUALIFIERS = new Set(['cache', 'sort', 'partition', 'primary', 'foreign']);
/** Participles after a password word that make it a modifier: password-protected, password-gated, password-locked. */
const PASSWORD_MODIFIERS = new Set(['protected', 'gated', 'locked']);
/** `passwordless`, `passphraseless`, `pwless`: with no password at all. */
const PASSWORDLESS = /^(?:pass(?:word|phrase|code)?|pw)less$/;
const PASSWORD_EXACT = /^(?:pass(?:word|wort|wd|w|phrase|code)?s?|pw|pwd|pswd|psswd|pswrd|psword|pssword|psswrd|paswd|paswrd|pasword|pword|passworsd)$/;
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'access', 'auth', 'master', 'encryption', 'encrypt', 'signing', 'sign', 'client',
  'app', 'application', 'account', 'license', 'licence', 'subscription', 'admin', 'consumer', 'webhook',
  'shared', 'session', 'ssh', 'crypt', 'crypto', 'cipher', 'aes', 'hmac', 'jwt', 'x', 'service', 'server',
  'storage', 'developer', 'dev', 'prod', 'live', 'sk', 'rest', 'integration', 'partner', 'merchant', 'bot',
  'user', 'write', 'read', 'deploy', 'root', 'security', 'mgmt', 'management', 'decryption', 'token', 'oauth',
]);

const FOREIGN_PASSWORD_WORD =
  /(?:^|[^A-Za-z])(?:contrase(?:ñ|n)a|senha|wachtwoord|kennwort|parol[ae]?|heslo|has(?:ł|l)o|l(?:ö|o)senord|salasana|sifre|[sş]ifre|mot[ _-]?de[ _-]?passe)(?:[^A-Za-z]|$)/i;

/**
 * Words of secrets in other languages, as names written by teams that name things in their own
 * language hold them (`CHAVE_API`, `ApiAnahtari`, `kluczPodpisu`, `ZUGANGSSCHLUESSEL`), each folded
 * to ASCII (`schlüssel` → schlussel, `anahtarı` → anahtari) and mapped to the English word that the
 * classification below reads. Descriptive words are here too, so that `contraseñaCampo` (a form
 * field's name) and `claveDesdeEntorno` (the key, read from the environment) stay names about secrets.
 */
const FOREIGN_WORDS = new Map<string, string>([
  // key: Portuguese, Spanish, Italian, Polish, Turkish, German, Dutch, Swedish, Norwegian/Danish, Finnish, French (folded), Russian (transliterated)
  ...['chave', 'clave', 'llave', 'chiave', 'klucz', 'klucza', 'kluczem', 'anahtar', 'anahtari', 'anahtarlari', 'anahtarim', 'schluessel', 'schlussel',
    'sleutel', 'nyckel', 'nokkel', 'noegle', 'avain', 'cle', 'cles', 'klyuch', 'kljuch'].map((w): [string, string] => [w, 'key']),
  // secret
  ...['secreto', 'secreta', 'segredo', 'segreto', 'segreta', 'geheim', 'geheime', 'geheimer', 'geheimes', 'geheimnis', 'gizli', 'sekret', 'sekretny',
    'tajny', 'tajne', 'secrete', 'salaisuus', 'hemlig', 'hemlighet'].map((w): [string, string] => [w, 'secret']),
  // token
  ...['jeton', 'belirtec', 'gettone'].map((w): [string, string] => [w, 'token']),
  // password
  ...['senha', 'contrasena', 'sifre', 'sifresi', 'sifreniz', 'parola', 'parolasi', 'haslo', 'hasla', 'heslo', 'kennwort', 'wachtwoord', 'losenord',
    'salasana', 'passord', 'adgangskode', 'parol'].map((w): [string, string] => [w, 'password']),
  // Qualifiers that make the key a secret one, or a public one.
  ...['privada', 'privado', 'privata', 'privato', 'privee', 'prive', 'privat', 'privater', 'privates', 'prywatny', 'ozel'].map((w): [string, string] => [w, 'private']),
  ...['acesso', 'acceso', 'accesso', 'acces', 'zugang', 'zugangs', 'zugriff', 'zugriffs', 'dostepu', 'dostep', 'erisim', 'toegang', 'dostupa'].map((w): [string, string] => [w, 'access']),
  ...['assinatura', 'firma', 'imza', 'imzalama', 'podpis', 'podpisu', 'podpisywania', 'signatur', 'signierung', 'signatura', 'podpisi'].map((w): [string, string] => [w, 'signing']),
  ...['cifrado', 'criptografia', 'cifratura', 'crittografia', 'chiffrement', 'verschluesselung', 'verschlusselung', 'verschluesselungs',
    'verschlusselungs', 'szyfrowania', 'szyfrowanie', 'sifreleme', 'versleuteling', 'shifrovaniya'].map((w): [string, string] => [w, 'encryption']),
  ...['autenticacion', 'autenticacao', 'autenticazione', 'authentification', 'authentifizierung', 'uwierzytelniania'].map((w): [string, string] => [w, 'auth']),
  ...['publica', 'publico', 'pubblica', 'pubblico', 'publique', 'oeffentlich', 'oeffentlicher', 'offentlich', 'offentlicher', 'publiczny', 'acik', 'openbare'].map((w): [string, string] => [w, 'public']),
  ...['cliente', 'klient', 'klienta', 'musteri'].map((w): [string, string] => [w, 'client']),
  // Words that make the name one about a secret, not the secret.
  ...['campo', 'feld', 'champ', 'veld'].map((w): [string, string] => [w, 'field']),
  ...['exemplo', 'ejemplo', 'esempio', 'exemple', 'beispiel', 'przyklad', 'ornek', 'voorbeeld'].map((w): [string, string] => [w, 'example']),
  ...['politica', 'politique', 'richtlinie', 'polityka', 'politika', 'politikasi', 'beleid'].map((w): [string, string] => [w, 'policy']),
  ...['longitud', 'comprimento', 'lunghezza', 'longueur', 'laenge', 'dlugosc', 'uzunluk', 'lengte'].map((w): [string, string] => [w, 'length']),
  ...['etiqueta', 'etichetta', 'libelle', 'rotulo', 'beschriftung', 'etykieta', 'etiket'].map((w): [string, string] => [w, 'label']),
  ...['mensaje', 'mensagem', 'messaggio', 'nachricht', 'wiadomosc', 'mesaj', 'mesaji'].map((w): [string, string] => [w, 'message']),
  ...['plantilla', 'modello', 'vorlage', 'szablon', 'sablon', 'sjabloon'].map((w): [string, string] => [w, 'template']),
  ...['entorno', 'ambiente', 'umgebung', 'srodowisko', 'srodowiska', 'environnement', 'ortam', 'ortami', 'omgeving'].map((w): [string, string] => [w, 'env']),
  ...['archivo', 'arquivo', 'fichier', 'datei', 'plik', 'dosya', 'dosyasi', 'bestand'].map((w): [string, string] => [w, 'file']),
  ...['ruta', 'caminho', 'chemin', 'pfad', 'percorso', 'sciezka', 'yol', 'yolu'].map((w): [string, string] => [w, 'path']),
  ...['nome', 'nombre', 'nazwa'].map((w): [string, string] => [w, 'name']),
  ...['desde', 'depuis', 'dalla', 'icin'].map((w): [string, string] => [w, 'from']),
  ...['usuario', 'utilisateur', 'utente', 'benutzer', 'uzytkownik', 'kullanici', 'gebruiker'].map((w): [string, string] => [w, 'user']),
]);

/**
 * The foreign words for a key, a secret or a token that head a name in languages that put the
 * qualifier after the noun (`chave_privada`, `clave_api`, `klucz_podpisu`, `ключ_доступа`): read
 * from there on in reverse, the name says what the English name would (`private_key`, `api_key`).
 */
const HEAD_FIRST_WORDS = new Set([
  'chave', 'clave', 'llave', 'chiave', 'klucz', 'klucza', 'kluczem', 'cle', 'cles', 'klyuch', 'kljuch', 'secreto', 'segredo', 'segreto', 'sekret', 'jeton',
]);

/** German compounds that end in a word the classification reads (`Zugangsschlüssel`, `Passwortfeld`): split before it. */
const COMPOUND_TAIL = /^([a-z]{3,30}?)s?(schluessel|schlussel|feld|richtlinie|laenge)$/;

/**
 * Words in scripts beyond Latin, longest first where one holds another (`비밀번호` before `비밀`,
 * `暗号化` before `暗号`), and the English words they stand for.
 */
const SCRIPT_WORDS: readonly (readonly [string, string])[] = [
  // Japanese
  ['パスワード', 'password'], ['暗証番号', 'password'], ['合言葉', 'password'], ['秘密鍵', 'private key'], ['公開鍵', 'public key'], ['共通鍵', 'shared key'],
  ['暗号化', 'encryption'], ['認証', 'auth'], ['トークン', 'token'], ['シークレット', 'secret'], ['アクセス', 'access'], ['署名', 'signing'], ['秘密', 'secret'],
  ['ポリシー', 'policy'], ['文字数', 'length'], ['最小', 'min'], ['最大', 'max'], ['欄', 'field'], ['フィールド', 'field'],
  // Chinese (simplified and traditional)
  ['密码', 'password'], ['密碼', 'password'], ['口令', 'password'], ['私钥', 'private key'], ['私鑰', 'private key'], ['公钥', 'public key'], ['公鑰', 'public key'],
  ['密钥', 'secret key'], ['秘钥', 'secret key'], ['密鑰', 'secret key'], ['金鑰', 'secret key'], ['令牌', 'token'], ['访问', 'access'], ['訪問', 'access'],
  ['签名', 'signing'], ['簽名', 'signing'], ['加密', 'encryption'], ['认证', 'auth'], ['認證', 'auth'], ['凭证', 'credential'], ['憑證', 'credential'],
  ['字段', 'field'], ['长度', 'length'], ['示例', 'example'],
  // Korean
  ['비밀번호', 'password'], ['패스워드', 'password'], ['비밀키', 'secret key'], ['개인키', 'private key'], ['공개키', 'public key'], ['암호화', 'encryption'],
  ['암호', 'password'], ['비밀', 'secret'], ['시크릿', 'secret'], ['토큰', 'token'], ['인증', 'auth'], ['액세스', 'access'], ['접근', 'access'], ['서명', 'signing'],
  ['공개', 'public'], ['필드', 'field'], ['정책', 'policy'], ['길이', 'length'],
  // Russian
  ['пароль', 'password'], ['пароля', 'password'], ['ключ', 'klyuch'], ['токен', 'token'], ['секретный', 'secret'], ['секретного', 'secret'], ['секрет', 'secret'],
  ['закрытый', 'private'], ['приватный', 'private'], ['открытый', 'public'], ['публичный', 'public'], ['доступа', 'access'], ['подписи', 'signing'],
  ['шифрования', 'encryption'], ['поле', 'field'], ['политика', 'policy'], ['длина', 'length'],
  // Greek
  ['κωδικός', 'password'], ['κλειδί', 'key'],
];

/**
 * Words that end in one of the short words for key (`クッキー`, `쿠키`: a cookie; `위키`: a wiki), so
 * that they are read as what they are; and those short words (`キー`, `鍵`, `키`) stand for a key only
 * where they end a run of their script (`暗号化キー`, `비밀키`, `API키`), not inside another word
 * (`キーボード`, `鍵盤`: a keyboard).
 */
const NOT_KEY_WORDS: readonly (readonly [string, string])[] = [['クッキー', 'cookie'], ['쿠키', 'cookie'], ['위키', 'wiki'], ['스키', 'ski'], ['モンキー', 'monkey']];
const SHORT_KEY_WORD = /(?:キー|鍵|키)(?![\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])/g;

/** Letters with diacritics that no canonical decomposition folds to ASCII. */
const UNDECOMPOSED_LETTERS: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D' };

/**
 * A name beyond ASCII made readable to the classification: script words replaced by their English
 * words between underscores (`暗号化キー` → `_encryption__key_`), diacritics folded (`contraseñaCampo`
 * → contrasenaCampo; `Schlüssel` → Schlussel). Other characters beyond ASCII are dropped by the split.
 */
function foldName(name: string): string {
  let folded = name;
  for (const [word, english] of [...NOT_KEY_WORDS, ...SCRIPT_WORDS]) {
    if (folded.includes(word)) folded = folded.split(word).join(`_${english.replace(' ', '_')}_`);
  }
  return folded
    .replace(SHORT_KEY_WORD, '_key_')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ıłŁßøØæÆœŒđĐ]/g, (c) => UNDECOMPOSED_LETTERS[c]!);
}

/** The words of `SCRIPT_WORDS` that name a secret (what a rule looks for in text beyond ASCII), and the short words for a key. */
export const SCRIPT_SECRET_WORDS: readonly string[] = [
  ...SCRIPT_WORDS.filter(([, english]) => /password|key|token|secret|credential|klyuch/.test(english)).map(([word]) => word),
  'キー',
  '鍵',
  '키',
];

/**
 * The words of a name in English: foreign words mapped (`ApiAnahtari` → api, key), German compounds
 * split (`zugangsschluessel` → access, key), and a name headed by a foreign key word read from the
 * end (`CHAVE_API_FRETE` → frete, api, key).
 */
function englishWords(words: readonly string[]): string[] {
  const out: string[] = [];
  let headAt = -1;
  for (const w of words) {
    const compound = w.length > 8 && !FOREIGN_WORDS.has(w) ? COMPOUND_TAIL.exec(w) : null;
    const parts = compound !== null && (FOREIGN_WORDS.has(compound[1]!) || PASSWORD_EXACT.test(compound[1]!) || /^(?:api|app|client|master|admin)$/.test(compound[1]!)) ? [compound[1]!, compound[2]!] : [w];
    for (const part of parts) {
      if (headAt === -1 && HEAD_FIRST_WORDS.has(part)) headAt = out.length;
      out.push(FOREIGN_WORDS.get(part) ?? part);
    }
  }
  return headAt === -1 ? out : [...out.slice(0, headAt), ...out.slice(headAt).reverse()];
}

/** Splits an identifier into lower-case words: `dbPassword` → db, password; `API_KEY` → api, key. */
export function splitWords(name: string): string[] {
  return isAscii(name) ? splitAsciiWords(name) : splitWordsByPattern(name);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}


/**
 * `splitWordsByPattern` for ASCII names, one pass by character code (names are split for
 * every keyword a file holds). A word ends at a character that is no letter or digit, before
 * a capital that follows a lower-case letter or digit (`dbPassword`), and before the last
 * capital of a run that a lower-case letter follows (`HTTPServer` → http, server).
 */
function splitAsciiWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 0;
    const alnum = isUpperCode(c) || isLowerCode(c) || isDigitCode(c);
    if (start >= 0) {
      const prev = name.charCodeAt(i - 1);
      const boundary =
        !alnum ||
        (isUpperCode(c) && (isLowerCode(prev) || isDigitCode(prev))) ||
        (isUpperCode(c) && isUpperCode(prev) && i + 1 < name.length && isLowerCode(name.charCodeAt(i + 1)));
      if (boundary) {
        words.push(name.slice(start, i).toLowerCase());
        start = -1;
      }
    }
    if (alnum && start < 0) start = i;
  }
  return words;
}

/** The pattern form of `splitWords`, for any name (and the reference its ASCII pass is tested against). */
export function splitWordsByPattern(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Names repeat a lot within and across files; classification is pure, so it is cached.
 * Names that hold no secret (most of them) are cached as NOT_SECRET, so that every lookup
 * is one `get`: hashing a name sliced from the text is most of a lookup's cost.
 */
const NOT_SECRET = null;
const cache = new Map<string, KeyClass | typeof NOT_SECRET>();
const CACHE_LIMIT = 20_000;

/**
 * Words before `hmac` that make it a computed signature (or a sample of one) rather than the signing key: the
 * unit of data it was computed over names a MAC carried with that data (`frameHmac`, `packet_hmac`, `file_hmac`).
 */
const HMAC_RESULT_QUALIFIERS = new Set([
  'sample', 'example', 'test', 'dummy', 'fake', 'valid', 'invalid', 'good', 'bad', 'wrong', 'known', 'expected', 'computed', 'calculated',
  'actual', 'received', 'request', 'response', 'header', 'signature', 'sig', 'body', 'payload', 'message', 'sha1', 'sha256', 'sha512', 'md5',
  'frame', 'packet', 'datagram', 'record', 'chunk', 'content', 'data', 'file', 'blob',
]);

export function classifyKey(rawName: string): KeyClass | undefined {
  const cached = cache.get(rawName);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyKeyUncached(rawName);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(detached(rawName), result ?? NOT_SECRET);
  return result;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 represents a slice of
 * 13 characters or more as a view into its parent string, so caching a name sliced from a
 * file would keep the whole file in memory (and the collector copying it) for the life of
 * the cache. Flattening a concatenation makes a fresh string.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Words of a name for a key that is public by design, whatever its value: Pusher's app key
 * (channels clients connect with it; the app secret signs), a Sentry DSN's public key and GameAnalytics' game key.
 */
const PUSHER_SERVER_KEY_WORDS = new Set(['secret', 'master', 'primary', 'private', 'beams']);

function isPublicClientKeyName(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last !== 'key') return false;
  // GameAnalytics' game key (`GA_GAME_KEY`, `<GameKey>`, Unity's `gameKey`) ships in every client build; the secret key beside it signs.
  if (words[words.length - 2] === 'game') return !words.some((w) => PUSHER_SERVER_KEY_WORDS.has(w));
  // Pusher Beams' primary key, like any secret or master key, is server-side.
  return words[words.length - 2] === 'dsn' || (words.includes('pusher') && !words.some((w) => PUSHER_SERVER_KEY_WORDS.has(w)));
}

/** `isPublicClientKeyName` for a whole name (`PUSHER_APP_KEY`, `sentryDsnKey`), for the dotenv reader. */
export function namesPublicClientKey(name: string): boolean {
  return isPublicClientKeyName(splitWords(name));
}

/**
 * Hadoop's per-account settings end in the storage account's host
 * (`fs.azure.account.key.<account>.dfs.core.windows.net`): the setting is named by what comes before it.
 */
const AZURE_STORAGE_HOST_SUFFIX = /\.[a-z0-9]{3,24}\.(?:blob|dfs|file|queue|table)\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/i;

/** LoRaWAN's session key names as words: `nwk s key`, `app skey`, `nwkskey`, `s nwk s int key`, `nwk s enc key`. */
const LORAWAN_SESSION_KEY = /(?:^| )(?:nwk|app)(?: s(?: (?:int|enc))? key| skey|s(?:int|enc)?key)$/;

/** Words that say a key is kept encrypted under another (`wrapped_data_key`, `ENCRYPTED_DATA_KEY`): ciphertext, no key. */
const WRAPPED_WORDS = new Set(['wrapped', 'encrypted', 'enc', 'ciphertext', 'sealed']);

/**
 * Words before `site key` that make it a CAPTCHA's public one: the vendors, and the prefixes that front-end build tools
 * expose to the browser (`NEXT_PUBLIC_SITE_KEY`, `VITE_SITE_KEY`, `REACT_APP_SITE_KEY`).
 */
const PUBLIC_SITE_KEY_WORDS = new Set([
  'turnstile', 'cf', 'cloudflare', 'google', 'goog', 'g', 'rc', 'hc', 'frc', 'friendly', 'arkose', 'funcaptcha',
  'public', 'pub', 'next', 'vite', 'react', 'nuxt', 'expo', 'gatsby', 'vue', 'ng', 'web', 'client', 'front', 'frontend', 'browser', 'js',
]);

/** Words that make a key a provisioning service's enrollment key. */
const ENROLLMENT_WORDS = new Set(['dps', 'enrollment', 'enrolment']);

/** `machine key` then at most its part: `validation`, `decryption` (and their verbs). */
function namesMachineKey(words: readonly string[]): boolean {
  const at = words.indexOf('machine');
  if (at === -1 || words[at + 1] !== 'key') return false;
  return words.slice(at + 2).every((w) => /^(?:validation|validate|decryption|decrypt)$/.test(w));
}

/**
 * Letters and digits drawn at random, the digits in four runs or more between letters (an AWS Marketplace product code,
 * `d44g89hc0gp9jdzm99rznthpw`, one of a list's strings): a value, whatever word its last letters happen to spell (`pw`).
 * A name holds a digit or two (`db2_password`, `aes256gcm_key`), not runs scattered through it.
 */
const DRAWN_STRING = /^[A-Za-z]{0,20}(?:\d{1,6}[A-Za-z]{1,20}){4,20}\d{0,6}$/;
function isDrawnString(name: string): boolean {
  return name.length >= 16 && !/[_.-]/.test(name) && DRAWN_STRING.test(name);
}

function classifyKeyUncached(rawName: string): KeyClass | undefined {
  let name = rawName.replace(/^[-$@:.&*]+/, '');
  if (name.includes('.core.')) name = name.replace(AZURE_STORAGE_HOST_SUFFIX, '');
  if (name.length === 0 || name.length > 80) return undefined;
  if (isDrawnString(name)) return undefined;
  const words = englishWords(splitWords(isAscii(name) ? name : foldName(name)));
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  // `pass` before other words is the verb (`pass_arg`, `--pass-arg`, `passThrough`, `pass_zero`): the rest names the value.
  if (words[0] === 'pass' && words.length >= 2 && !PASS_OF_ACCOUNT.test(words[1]!)) return classifyKey(words.slice(1).join('_'));
  // `pw` opening a name of three words or more is a product's or a team's prefix (`PW_RECAPTCHA_SITE_KEY`,
  // `PW_BILLING_HOST`): the rest names the value. `pw_db`, `pw_smtp_relay` are still an account's password.
  if (words[0] === 'pw' && words.length >= 3 && !PASS_OF_ACCOUNT.test(words[1]!)) return classifyKey(words.slice(1).join('_'));
  // The password manager's name (`1Password "orders-admin"`, `onepassword_vault`) names where a secret is kept, not
  // one: the words around it decide (`ONEPASSWORD_CONNECT_TOKEN` is a token).
  const manager = words.findIndex((w, i) => w === 'onepassword' || w === '1password' || (w === 'password' && words[i - 1] === '1'));
  if (manager !== -1) {
    const rest = [...words.slice(0, words[manager] === 'password' ? manager - 1 : manager), ...words.slice(manager + 1)];
    return rest.length === 0 ? undefined : classifyKey(rest.join('_'));
  }
  // A platform or a stage after `key` (`CODEPUSH_KEY_IOS`, `signing_key_android`, `LICENSE_KEY_PROD`) picks one of a
  // secret's copies: the name without it says what the value is. (`KEY_TEST` is left as it was: a test's key.)
  if (words.length >= 2 && words[words.length - 2] === 'key' && KEY_VARIANT_WORDS.has(last)) return classifyKey(words.slice(0, -1).join('_'));
  // Postman sends a fresh random UUID in a `Postman-Token` header with each request (to defeat caches), and its console
  // prints it: a request's id, not a credential. Only the header's spelling; a `POSTMAN_TOKEN` setting holds an API key.
  if (/^postman-token$/i.test(name)) return undefined;
  // So does the encoding the value is written in (`MUNGE_KEY_B64`, `cookie_key_hex`, `SIGNING_KEY_BASE64`): the value is still the key.
  if (words.length >= 2 && VALUE_ENCODING_WORDS.has(last)) return classifyKey(words.slice(0, -1).join('_'));
  // The judgement is three functions, not one: TurboFan compiled the whole of it (~3 KB of
  // bytecode) twice, the second time after a deoptimization in one rarely-run test; each part
  // now compiles alone, and is recompiled alone. `null` from a part: no verdict, read on.
  const notSecret = nameOfNoSecret(name, words, last);
  if (notSecret !== null) return notSecret;
  const known = nameOfAKnownSecret(name, words, last);
  if (known !== null) return known;
  return classByWords(words, last);
}

/** The names that are about a secret or name something else (`allPass`, `password_hash_algo`, `ssh_keys`), and a few that name one; `null` when none of these. */
function nameOfNoSecret(name: string, words: readonly string[], last: string): KeyClass | undefined | null {
  // `allPass`, `anyPass`: whether every or any check passed.
  if (/^(?:all|any|none|every|some)Pass$/.test(name)) return undefined;
  // Erlang's distribution cookie (RabbitMQ's `erlangCookie`) lets a node join the cluster; often upper-case letters only, so judged like a password.
  // The VM's `-setcookie` flag (`{setcookie, '…'}` in a release's VM arguments) sets that cookie.
  // Elixir's releases read the same cookie from `RELEASE_COOKIE` (`releaseCookie` in a chart's values).
  if ((last === 'cookie' && (words[words.length - 2] === 'erlang' || words[words.length - 2] === 'release')) || (last === 'setcookie' && words.length === 1)) return { category: 'PASS', weak: false };
  // Vault AppRole's `secret_id` (`VAULT_SECRET_ID`): with the role id it logs in, like a password.
  // It is a UUID, but not one that names anything. A client secret's id (`client_secret_id`,
  // Azure's key id) names the secret beside it, and Secrets Manager's `SecretId` is a name or ARN
  // (judged as such by the value checks).
  if (last === 'id' && words[words.length - 2] === 'secret' && words[words.length - 3] !== 'client') return { category: 'CRED', weak: false };
  // ASP.NET's machine key, named after its part (`MachineKeyValidation`, `machine_key_decryption`): the keys that sign and
  // encrypt view state and forms-authentication cookies.
  if (namesMachineKey(words)) return { category: 'KEY', weak: false };
  // LoRaWAN's session keys (`NwkSKey`, `APPSKEY`, `nwk_s_key`, 1.1's `SNwkSIntKey`): with the device address they
  // let anyone send as the device (network key) or read its payloads (application key).
  if (LORAWAN_SESSION_KEY.test(words.join(' '))) return { category: 'KEY', weak: false };
  // An RSA key's private exponent (`d`; Unreal's pak signing `SigningPrivateExponent`, `rsaPrivateExponent`): it signs
  // as the whole private key does. The modulus and the public exponent beside it are public.
  if (last === 'exponent' && words[words.length - 2] === 'private') return { category: 'KEY', weak: false };
  // A provisioning service's enrollment key (Azure DPS's group key, `enrollmentGroupKey`, Moodle's enrolment key):
  // each device's key is derived from it, so it enrols any device. `group` alone names a grouping key.
  if (last === 'key' && words.some((w) => ENROLLMENT_WORDS.has(w))) return { category: 'KEY', weak: false };
  // A Zigbee install code (`INSTALL_CODE`, `installCode`): the link key a device joins with is derived from it.
  // The name is used for other things too, so only a generated value counts.
  if ((last === 'code' && words[words.length - 2] === 'install') || last === 'installcode') return { category: 'CRED', weak: true };
  // A secret's text, string or data (Terraform's `secret_text` of `cloudflare_worker_secret`, Secrets Manager's
  // `secret_string`, Jenkins' "secret text" credential): the secret itself, in the form the resource stores it. `text`
  // elsewhere names something shown (`password_text`, `token_text`), which the descriptive words below turn down.
  if (last === 'text' && words[words.length - 2] === 'secret') return { category: 'KEY', weak: false };
  // A name for a list of names (`password_column_denylist`, `TOKEN_FIELDS_ALLOWLIST`, `secret_columns`): what it lists are
  // column or field names, or weak passwords to turn down, never a secret.
  if (last === 'columns' || (last.endsWith('list') && NAME_LIST_VERBS.has(last === 'list' ? (words[words.length - 2] ?? '') : last.slice(0, -4)))) return undefined;
  if (DESCRIPTIVE_WORDS.has(last)) return undefined;
  // `ssh_keys = [...]` (DigitalOcean's and Hetzner's servers, Pulumi's `sshKeys`), `authorized_keys`, cloud-init's
  // `ssh_authorized_keys`: the public keys a server lets in, or the ids and MD5 fingerprints that name them. A private
  // key written under such a name is still found by its own rules.
  if (last === 'keys' && (words[words.length - 2] === 'ssh' || words[words.length - 2] === 'authorized')) return undefined;
  // A key named for a text the UI shows (`PASSWORD_HINT_KEY = "auth.passwordHint"`, `tokenLabelKey`, `password.error.key`) is
  // that text's key in a message bundle: the value is a lookup, not the secret the text is about.
  if (last === 'key' && words.length >= 2 && UI_TEXT_WORDS.has(words[words.length - 2]!)) return undefined;
  // Inngest's event key (`INNGEST_EVENT_KEY`) lets anyone who holds it send events that start the app's functions; an
  // event key elsewhere is a lookup key (a keyboard event's, a map's).
  if (last === 'key' && words[words.length - 2] === 'event' && words.includes('inngest')) return { category: 'KEY', weak: false };
  if (words.some((w, i) => isPhraseWord(w, words, i))) return undefined;
  if (namesHandleToken(words, name)) return undefined;
  // A password word made a modifier of what follows (`passwordProtectedConcerts`, `password_gated_rooms`,
  // `PASSWORDLESS_LOGIN`): the name says a thing needs, lacks or sits behind a password, and holds none. The words after
  // the modifier name the value (`password_protected_key` is still a key).
  const modifier = words.findIndex((w, i) => (PASSWORD_EXACT.test(w) && PASSWORD_MODIFIERS.has(words[i + 1] ?? '')) || PASSWORDLESS.test(w));
  if (modifier !== -1) {
    const rest = words.slice(modifier + (PASSWORDLESS.test(words[modifier]!) ? 1 : 2));
    return rest.length === 0 ? undefined : (classifyKey(rest.join('_')) ?? undefined);
  }
  // A descriptive word before the secret word is fine (`db_password`), but a name such as
  // `password_hash_algo` or `token_type_hint` is about the secret, not the secret.
  // A field before a cipher word is field-level encryption's key (`FIELD_ENCRYPTION_KEY` of Django's and Rails' encrypted fields).
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!;
    if (w === 'field' && CIPHER_WORDS.has(words[i + 1]!)) continue;
    // A UI label is the label of the secret word it stands right before (`labelPassword`, `label_token`); a name
    // that puts other words between them names what the labels belong to (`LABEL_DB_PASSWORD`, the labelling
    // service's database; `LABEL_STUDIO_TOKEN`, a labelling tool's token).
    if (w === 'label' && i < words.length - 2) continue;
    // A salt for hashing is the application's own secret (Drupal's `$settings['hash_salt']`, which signs one-time
    // login links and form tokens), not a hash: `hash` describes what the salt is for.
    if (w === 'hash' && last === 'salt' && words.length === 2) continue;
    // Under a cipher word, the primary key is the encryption's primary key (Rails' `active_record.encryption.primary_key`,
    // `ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY`), not a table's: the key that encrypts every encrypted attribute.
    if (w === 'primary' && last === 'key' && i === words.length - 2 && words.slice(0, i).some((x) => CIPHER_WORDS.has(x))) continue;
    // A key's qualifiers (`cache_key`, `sort_key`, `primary_key`) name a lookup key; before a password they name the
    // service the password is for (`JdbcCache.password`, `REDIS_CACHE_PASSWORD`: the cache's database or server).
    if (KEY_LOOKUP_QUALIFIERS.has(w) && PASSWORD_EXACT.test(last)) continue;
    // A licence's name ends in it, the words before naming the product it unlocks (`fingerprint.reader.license`: the
    // fingerprint reader's licence): a descriptive word away from the end describes the product, not the value.
    if ((last === 'license' || last === 'licence') && i < words.length - 2) continue;
    if (DESCRIPTIVE_WORDS.has(w) && /^(?:hash|hashed|digest|checksum|public|publishable|pub|published|revealed|sha|md5|integrity|fingerprint|thumbprint|cache|sort|partition|primary|foreign|type|length|policy|regex|pattern|field|label)$/.test(w)) return undefined;
  }
  return null;
}

/** The words that may stand between `search` and the end of a search key's name (`SEARCH_ONLY_API_KEY`, `searchKey`). */
const SEARCH_KEY_TAIL = new Set(['only', 'api', 'key', 'apikey', 'keys']);

/**
 * Whether `search` in a key's words says what the key may do (`ALGOLIA_SEARCH_KEY`, `algoliaSearchOnlyApiKey`), not
 * what a library is called: algoliasearch-rails's `AlgoliaSearch.configuration[:api_key]` holds the admin key it indexes
 * with, the word `configuration` standing between the library and the key.
 */
export function searchQualifiesKey(words: readonly string[]): boolean {
  const at = words.lastIndexOf('search');
  return at !== -1 && at < words.length - 1 && words.slice(at + 1).every((w) => SEARCH_KEY_TAIL.has(w));
}

/** The names of the secrets known by their whole name (`psk`, `authtok`, `pepper`, `wskey`), and of known non-secrets among them; `null` when none of these. */
function nameOfAKnownSecret(name: string, words: readonly string[], last: string): KeyClass | undefined | null {
  // "password" in other languages (`contraseña`, `senha`, `Kennwort`, `mot_de_passe`).
  if (FOREIGN_PASSWORD_WORD.test(name)) return { category: 'PASS', weak: false };
  // Application Insights' key (`ApplicationInsightsKey`, `APPINSIGHTS_KEY`) is its instrumentation key: it names the
  // resource that browsers and apps send telemetry to, and Microsoft documents it as no secret.
  if (last === 'key' && (words[words.length - 2] === 'appinsights' || (words[words.length - 2] === 'insights' && /^app(?:lication)?$/.test(words[words.length - 3] ?? '')))) return undefined;
  // Apple's crash and diagnostic reports (`.ips`, `.crash`) carry `crashReporterKey`: an anonymous identifier of the device
  // (a hex digest) that every report from it repeats, so reports can be grouped. It names a device and opens nothing.
  // Only Apple's spelling: a `CRASH_REPORTER_KEY` setting may hold a crash-reporting service's API key.
  if (name === 'crashReporterKey') return undefined;
  // Search-only keys (Algolia's, Meilisearch's) are made to ship in front-end code.
  if (words.includes('search') && words.includes('only')) return undefined;
  // Algolia's and Typesense's search keys (`ALGOLIA_SEARCH_KEY`) are search-only by name: the admin key is `…_ADMIN_KEY`.
  if (searchQualifiesKey(words) && (words.includes('algolia') || words.includes('typesense') || words.includes('docsearch'))) return undefined;
  // A pre-shared key (`WIFI_PSK`, wpa_supplicant's `psk=`, an IPsec `psk`) is a passphrase both ends share; `psk_identity` names it.
  // A site, a network or a copy after it (`wifi_psk_office`, `WPA_PSK_GUEST`, `psk_site2`) picks which one; words that describe
  // the key (`psk_length`, `psk_file`) ended the name above, and `psk_identity` (or its hint) is the name the key goes by.
  // A bare number after it is no site but an order: `PSK_8` and `APSK_16` are modulations (8-PSK), not keys.
  if (isPskName(words)) return { category: 'PASS', weak: false };
  // A Wi-Fi network's key under the network's or the security's word (`WIFI_KEY`, `wlan_key`, a note's `WPA2 key`, `Wi-Fi
  // key`) is its passphrase, the same secret as a PSK: words or a word and digits as often as a generated string.
  if (last === 'key' && namesWifiNetwork(words.slice(0, -1))) return { category: 'PASS', weak: false };
  // Spelled out (`wpa2-pre-shared-key=` of a MikroTik export, `pre_shared_key`, Terraform's `tunnel1_preshared_key`,
  // WireGuard's `PresharedKey`): the same passphrase, often a word and digits, or letters alone.
  if (last === 'key' && ((words[words.length - 2] === 'shared' && words[words.length - 3] === 'pre') || words[words.length - 2] === 'preshared')) return { category: 'PASS', weak: false };
  // An authentication tag (`auth_tag`, Node's `authTag`, Chef's encrypted data bag items) is what AES-GCM appends to a
  // ciphertext: part of the sealed value, published with it, no key.
  if (last === 'tag' && (words[words.length - 2] === 'auth' || words[words.length - 2] === 'authentication')) return undefined;
  // An authentication token in SSSD's and PAM's sense (`ldap_default_authtok`, `pam_authtok`) is the password itself.
  if (last === 'authtok') return { category: 'PASS', weak: false };
  // A pepper is a server-side secret mixed into password hashes.
  if (last === 'pepper') return { category: 'KEY', weak: false };
  // A data or key encryption key under its acronym (`STATEMENT_DEK`, `tenantKek`): envelope encryption's keys.
  if (last === 'dek' || last === 'kek') return { category: 'KEY', weak: false };
  // `CKO_WEBHOOK_AUTH`, `adyen_notification_auth`: what a webhook's caller sends to be let in, a shared secret
  // (a bare `auth` in a longer name is read only in names of two words).
  if (last === 'auth' && WEBHOOK_WORDS.has(words[words.length - 2] ?? '')) return { category: 'CRED', weak: true };
  // A custom HTTP header named for authentication (`X-Edge-Auth`, `X-Internal-Auth`, set by a proxy's `proxy_set_header`):
  // what a caller sends to be let in, a shared secret. Weak: only a generated value counts.
  if (last === 'auth' && words[0] === 'x' && words.length >= 3) return { category: 'CRED', weak: true };
  // So is one named for a bypass (`x-e2e-bypass`, Vercel's `x-vercel-protection-bypass`): what a test runner or a
  // monitor sends to get past a login wall, a WAF or a rate limit. Weak too: a cache's `X-Cache-Bypass: 1` is a flag.
  if (last === 'bypass' && words[0] === 'x' && words.length >= 3) return { category: 'CRED', weak: true };
  // A custom header named for an API (`x-drmtoday-api`, `X-Acme-Api`, `X-API`): what a vendor's API takes as its key, the
  // header's name shortened from `…-Api-Key`. Weak: only a generated value counts (`X-Internal-Api: true` is a flag).
  if (last === 'api' && words[0] === 'x' && words.length >= 2) return { category: 'KEY', weak: true };
  // A custom header named for a session (`X-Salesforce-Session`, `X-Session`) carries the session's id, which signs in as
  // its user until it expires. Weak: only a generated value counts (`X-Session: new` is a flag).
  if (last === 'session' && words[0] === 'x' && words.length >= 2) return { category: 'TOKEN', weak: true };
  // Yarn's `npmAuthIdent`: base64 of `user:password`.
  if (/^auth ?ident$/.test(words.slice(-2).join(' ')) || last === 'authident') return { category: 'CRED', weak: false };
  // `STAGING_BASIC_AUTH`, `basicAuth`, `MATCH_GIT_BASIC_AUTHORIZATION`: the `user:password` pair (or its base64) of HTTP
  // Basic authentication.
  if ((last === 'auth' || last === 'authorization') && words[words.length - 2] === 'basic') return { category: 'CRED', weak: false };
  // A site key is a CAPTCHA's (reCAPTCHA's, hCaptcha's, Turnstile's), made to be embedded in public pages. A product
  // that names its own (CiviCRM's `CIVICRM_SITE_KEY`, which its cron and REST callers must send) means a shared secret:
  // with such a prefix, and none that says CAPTCHA or front end, the name is a key's. A value of a CAPTCHA's shape under
  // it is still the public one (`isVendorClientKeyValue`).
  if (last === 'key' && words.length >= 3 && words[words.length - 2] === 'site' && !words.slice(0, -2).some((w) => PUBLIC_SITE_KEY_WORDS.has(w) || w.includes('captcha'))) {
    return { category: 'KEY', weak: false };
  }
  // Keys that client code ships by design: Pusher's app key (`PUSHER_APP_KEY`; its secret is `…_SECRET`)
  // and the public key of a Sentry DSN (`SENTRY_DSN_KEY`), which every browser and app sends.
  if (isPublicClientKeyName(words)) return undefined;
  // A key pair's verify key (`VerifyKey`, `verificationKey`, PyNaCl's `VerifyKey`, `OTA_VERIFYING_KEY`): the public half
  // that checks signatures, handed to everything that checks them (the signing key or seed is the secret). What a webhook's
  // caller sends to be checked (`verify_token`, `verification_token`) is a shared secret, and ends in no key word.
  if ((last === 'key' || last === 'keys') && VERIFY_WORDS.has(words[words.length - 2] ?? '')) return undefined;
  // Envelope encryption's data key (KMS's `GenerateDataKey`, `CARD_VAULT_DATA_KEY`): the key that encrypts the data itself.
  // The name is as often a lookup's (a chart series' `dataKey`, a cache's `DATA_KEY = "user:profile"`), so only a strong
  // value counts; wrapped or encrypted (`wrapped_data_key`, `encryptedDataKey`), it is ciphertext that only the KMS key opens.
  if (last === 'key' && words[words.length - 2] === 'data') return words.some((w) => WRAPPED_WORDS.has(w)) ? undefined : { category: 'KEY', weak: true };
  // `manifestSigningSeed`, `OTA_ED25519_SEED`: the seed of a signing key or key pair is the private key (Ed25519 keeps its
  // private key as a 32-byte seed). A seed under no key word is a random generator's or a database's (`shuffle_seed`).
  if (last === 'seed' && words.slice(0, -1).some((w) => KEY_SEED_WORDS.has(w))) return { category: 'KEY', weak: false };
  // `schema.registry.basic.auth.user.info`, `userinfo`: a `user:password` pair.
  if (/^(?:user ?info)$/.test(words.slice(-2).join(' ')) || last === 'userinfo') return { category: 'CRED', weak: false };
  // A service's licence key under its name alone (`MAXMIND_LICENSE`, `NEW_RELIC_LICENCE`): the key an agent or a
  // client sends. A project's or a package's licence (`LICENSE = "MIT"`, `package_license: Apache-2.0`) names terms,
  // not a key, so the name must say whose it is, and only a generated value counts (weak).
  if ((last === 'license' || last === 'licence') && words.length >= 2 && !LICENCE_TERMS_QUALIFIERS.has(words[words.length - 2]!)) {
    return { category: 'KEY', weak: true };
  }
  // OCLC's "web service key" (`OCLC_WSKEY`, `wskey=` of its WorldCat APIs): the API key a client sends, with a secret
  // beside it for signed requests. Spelled apart (`ws_key`, `wsKey`), it may be a WebSocket's handshake nonce, so there
  // only a generated value counts.
  if (last === 'wskey') return { category: 'KEY', weak: false };
  if (last === 'key' && words[words.length - 2] === 'ws') return { category: 'KEY', weak: true };
  return null;
}

/** A name's class by its words one at a time (`password`, `token`, `api_key`, a bare `key`). */
function classByWords(words: readonly string[], last: string): KeyClass | undefined {
  let category: Category | undefined;
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (PASSWORD_EXACT.test(w) || (w.length > 4 && PASSWORD_WORD.test(w) && !/(?:bypass|compass|surpass|trespass|overpass|underpass|impass|bandpass|highpass|lowpass|allpass)$/.test(w)) || /^(?:passw|passphrase)/.test(w)) {
      return { category: 'PASS', weak: false };
    }
    if (w.includes('secret') && !/^secretary|secrets?manager/.test(w)) category ??= 'KEY';
    else if (w === 'token' || w === 'tokens' || (w.endsWith('token') && w.length > 5 && !/^[cx]srftoken$/.test(w)) || w === 'bearer' || w === 'pat') category ??= 'TOKEN';
    else if (w === 'apikey' || w === 'apikeys' || (w.endsWith('key') && w.length > 3 && /^(?:api|secret|private|access|auth|master|encryption|signing|client|app|account|license|subscription|admin|consumer|webhook|shared|session|ssh|crypt|aes|hmac|jwt|x|service|storage|dev|prod|live|rest|bot|deploy|security|user)key$/.test(w))) category ??= 'KEY';
    else if (w === 'key' || w === 'keys') {
      const prev = words[i - 1];
      if (prev !== undefined && KEY_QUALIFIERS.has(prev)) category ??= 'KEY';
      else if (prev === 'lookup' && i === words.length - 1 && i >= 2 && category === undefined && !DESCRIPTIVE_WORDS.has(words[i - 2]!) && !NON_SECRET_KEY_QUALIFIERS.has(words[i - 2]!)) {
        // A lookup service's key under its owner's word (`DEA_LOOKUP_KEY`, `vinLookupKey`: the key of an API that looks
        // things up) is as often a credential as a map's lookup key (`lookupKey`, `cache_lookup_key`): only a strong value counts.
        category = 'KEY';
        weak = true;
      }
      else if (i === words.length - 1 && words.slice(0, i - 1).some((w) => CIPHER_WORDS.has(w))) category ??= 'KEY';
      else if (category === undefined && (prev === undefined || !NON_SECRET_KEY_QUALIFIERS.has(prev)) && i === words.length - 1) {
        // A bare `key` or `<something>_key`: only a strong value counts.
        category = 'KEY';
        weak = true;
      }
    } else if (w === 'master' && i === words.length - 1 && i > 0 && category === undefined && words.slice(0, i).some((x) => CIPHER_WORDS.has(x))) {
      // `keys.encryption.master`, `crypto.master`: the master key of an encryption, its words in the settings' order (the
      // group, then which of its keys). A `master` under no cipher word is a database's or a branch's (`db.master = host`).
      category = 'KEY';
    } else if (w === 'hmac' && i === words.length - 1 && i > 0 && category === undefined && !HMAC_RESULT_QUALIFIERS.has(words[i - 1]!)) {
      // `ADYEN_HMAC`, `WEBHOOK_HMAC`: the key a service signs with (often hex, so not a weak key, which turns hex
      // down as a digest). An `expected_hmac` or `computed_hmac` is a signature computed with the key, not the key.
      category = 'KEY';
    } else if (w === 'credential' || w === 'credentials' || w === 'creds' || w === 'cred') category ??= 'CRED';
    else if ((w === 'auth' || w === 'authorization' || w === 'authentication') && category === undefined && (words.length <= 2 || (w === 'auth' && i === words.length - 2 && words[i + 1] === 'code'))) {
      // An auth code under an owner's word (Paddle Classic's `vendor_auth_code`, `merchantAuthCode`) is the API credential
      // an `auth_code` alone is: the name ends in it, so nothing after describes it.
      category = 'CRED';
      weak = true;
    } else if (w === 'pin' && i === words.length - 1 && i > 0 && PIN_QUALIFIERS.has(words[i - 1]!) && category === undefined) {
      // An admin's or a master PIN (`KIOSK_ADMIN_PIN`, `masterPin`, `SIM_UNLOCK_PIN`) opens what it guards as a
      // password does; a bare or a hardware `pin` (`LED_PIN`, `RESET_PIN`, `gpio.pin`) is a wire, not a secret.
      category = 'PASS';
    } else if (/^(?:salt|seed|nonce|otp|totp)$/.test(w) && (words.length <= 2 || (w === 'salt' && words.length <= 5 && i === words.length - 1)) && category === undefined) {
      // A salt that ends a longer name is the application's own secret salt (WordPress's `LOGGED_IN_SALT`,
      // `SECURE_AUTH_SALT`, Shibboleth's `idp.persistentId.salt`, from which the IdP derives every user's persistent
      // id); a name that goes on after it describes one (`password_hash_salt_length`).
      category = 'CRED';
      weak = true;
    }
  }
  // `BLACKBAUD_REFRESH`, `xeroRefresh`: a name that ends in refresh after a provider's or an account's word holds its OAuth
  // refresh token, the token's own word left out. As often it holds when or how often to refresh (`CACHE_REFRESH =
  // "hourly"`, `AUTO_REFRESH = true`), so only a strong value counts, and UI and cache words name no token.
  // A license service's signing IV (Widevine's `SIGNING_IV`, `widevine_signing_iv`): issued with the signing key, the two
  // together sign the provider's license requests, and neither is public. An IV alone (`iv`, `aes_iv`, a SOPS value's
  // `iv:`) is sent beside what it encrypts and stays out.
  if (category === undefined && last === 'iv' && words[words.length - 2] === 'signing') return { category: 'KEY', weak: false };
  if (category === undefined && last === 'refresh' && words.length >= 2 && !REFRESH_SCHEDULE_WORDS.has(words[words.length - 2]!)) return { category: 'TOKEN', weak: true };
  if (category === 'TOKEN' && namesOneLinkToken(words)) weak = true;
  return category ? { category, weak } : undefined;
}

/**
 * Words before a final `token` that make it the token of a mailing's link (`unsubscribe_token`, `optout_token`,
 * `tracking_token`): it does one thing for one recipient, often a row's UUID that the link carries in the open.
 */
const ONE_LINK_TOKEN_WORDS = new Set(['unsubscribe', 'unsub', 'optout', 'opt', 'tracking', 'track', 'pixel']);

/** Whether a token's name says it is a mailing link's token: then only a generated value that no id shapes counts (weak). */
function namesOneLinkToken(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  return (last === 'token' || last === 'tokens') && words.slice(0, -1).some((w) => ONE_LINK_TOKEN_WORDS.has(w));
}

/** Words before a final `list`, apart or joined (`PASSWORD_DENY_LIST`, `token_ignorelist`), that make it a list of names. */
const NAME_LIST_VERBS = new Set(['block', 'allow', 'deny', 'black', 'white', 'skip', 'ignore', 'redact', 'mask']);

/** Words before a final `key` that make it the public half of a signing key pair. */
const VERIFY_WORDS = new Set(['verify', 'verification', 'verifying']);

/** Words before a final `refresh` that make it a schedule or a UI action, not a refresh token (`AUTO_REFRESH`, `PAGE_REFRESH`). */
const REFRESH_SCHEDULE_WORDS = new Set(['auto', 'cache', 'page', 'screen', 'view', 'ui', 'data', 'list', 'feed', 'pull', 'force', 'manual', 'last', 'next', 'soft', 'hard', 'background', 'periodic', 'live']);
