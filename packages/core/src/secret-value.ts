import { decodeBase64 } from './base64.js';
import { shannonEntropy } from './entropy.js';
import type { Category } from './types.js';
import { isDigitCode, isLowerCode, isUpperCode } from './char-codes.js';
import { isPublishedSample } from './published-samples.js';
import { splitWords } from './key-name.js';

/**
 * Judges whether a value assigned to a secret-sounding name is a real secret. Generic
 * rules live or die here: a blanket entropy threshold would miss plain passwords such as
 * `Sup3rS3cret!` and still flag `my-api-key`, so the checks are about shape instead —
 * placeholders, template syntax, references to other variables, hashes and numbers.
 */

/** Whole values (lower-cased, punctuation removed) that stand in for a secret. */
const DUMMY_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'token', 'apikey', 'key', 'value', 'string',
  'none', 'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'empty', 'default',
  'required', 'optional', 'hidden', 'masked', 'redacted', 'removed', 'omitted', 'secret_value', 'secretvalue',
  'changeme', 'changeit', 'change', 'letmein', 'dummy', 'sample', 'example', 'test', 'testing', 'foo', 'bar',
  'foobar', 'baz', 'qwerty', 'abc', 'abcd', 'abcdef', 'abc123', 'xyz', 'mypassword', 'mysecret', 'mytoken',
  'yourpassword', 'yoursecret', 'yourtoken', 'yourkey', 'yourapikey', 'newpassword', 'oldpassword', 'userpassword',
  'dbpassword', 'adminpassword', 'rootpassword', 'accesstoken', 'refreshtoken', 'authtoken', 'bearertoken',
  'secretkey', 'privatekey', 'accesskey', 'clientsecret', 'apitoken', 'apisecret', 'credentials', 'credential',
  'notset', 'unset', 'unknown', 'na', 'tbd', 'todo', 'fixme', 'blank', 'nothing', 'invalid', 'wrong',
  'wrongpassword', 'badpassword', 'incorrect', 'hunter2', 'placeholder', 'str', 'text', 'bool', 'int',
  'object', 'any', 'function', 'self', 'this', 'env', 'environ', 'config', 'settings', 'params', 'args',
  'input', 'form', 'request', 'data', 'user', 'username', 'root', 'guest', 'anonymous', 'public', 'private',
  'bearer', 'basic', 'none_', 'pass123', 'test123', 'demo', 'local', 'dev', 'development', 'production', 'prod',
  'filtered', 'scrubbed', 'sanitized', 'obfuscated', 'withheld',
  // What Windows Setup writes over every password of the answer file it keeps (`*SENSITIVE*DATA*DELETED*` in Panther's unattend.xml).
  'sensitivedatadeleted',
  // "some …" and "enter a … here": how documentation fills a field it does not mean.
  'somepassword', 'somesecret', 'sometoken', 'somekey', 'someapikey', 'enterapasswordhere', 'enterpasswordhere', 'enteryourpasswordhere',
  'pasword', 'mynewpassword', 'mynewsecret',
  // ASP.NET's `<machineKey validationKey="AutoGenerate,IsolateApps">`: generated at run time.
  'autogenerate', 'autogenerateisolateapps', 'autogenerateisolatebyappid',
  // Published defaults: Android's debug keystore, the database images' documented passwords.
  // Oracle's images and VMs ship with `oracle` as the SYS and SYSTEM password (Oracle Developer Day, oracle-xe images);
  // Apache Cassandra's default superuser is `cassandra` with the password `cassandra`. WordPress's Docker quickstart and the
  // local environments built on it (wp-env, VIP's dev-env, Lando's recipe) give the database `wordpress` as its password.
  'android', 'postgres', 'mysql', 'oracle', 'minioadmin', 'mysecretpassword', 'cassandra', 'wordpress',
  // Stripe's test-mode key from its API reference, which every tutorial copies.
  'sktest4ec39hqlyjwdarjtt1zdp7dc',
  // "Password" in other languages (lower-cased, letters only): the label a translation file holds.
  'passwort', 'kennwort', 'contrasea', 'contrasena', 'senha', 'motdepasse', 'wachtwoord', 'parola', 'parol', 'haso', 'haslo',
  'heslo', 'lsenord', 'losenord', 'salasana', 'sifre', 'ifre', 'passord', 'adgangskode', 'jelsz', 'clave', 'parool',
]);

/**
 * Published defaults matched as written, not as `DUMMY_VALUES` are (lower-cased, punctuation dropped): the same letters
 * in another case or with a symbol (`passW0rd!`) are someone's choice. IBM MQ's developer images and samples give the
 * `app` and `admin` users `passw0rd` (`MQ_APP_PASSWORD`, `MQ_ADMIN_PASSWORD`). CircleCI's convenience database images
 * and its documentation's examples name the test database, its user and its password `circle_test` (a job's throwaway
 * service container, as `postgres` is GitHub's).
 */
const EXACT_DEFAULT_VALUES = new Set(['passw0rd', 'circle_test']);

/** Three asterisks or more that end a value: its rest masked. */
const MASKED_TAIL = /\*{3}$/;

/** Substrings that mark a value as a placeholder wherever they occur. */
const PLACEHOLDER_MARKERS = [
  'example', 'placeholder', 'changeme', 'change_me', 'change-me', 'your_', 'your-', 'yourpass', 'yourtoken',
  'yoursecret', 'yourkey', 'dummy', 'redacted', 'replace_', 'replace-', 'replaceme', 'insert_', 'insert-',
  'xxxx', 'xxxxx', '****', '...', '…', '-----begin', 'enc(', 'enc[', '{cipher}', '•••',
  'fixme', 'todo:', 'not_set', 'notset', 'put_', 'enter_', 'fake', 'sample_', 'secret_here', 'key_here',
  'token_here', 'password_here', 'here_', '_here', 'lorem', 'ipsum',
  // jwt.io's documentation token ({"sub":"1234567890","name":"John Doe"…}), lower-cased like the value.
  'eyjzdwiioiixmjm0nty3odkwiiwibmftzsi6ikpvag4grg9li',
];

/**
 * Template and stand-in syntax, by its shape rather than by single characters: a generated
 * secret (a WordPress salt, a 64-character random key) may well contain `<`, `${` or `$(`
 * without being a template. `<your-key>`, `<password>`, `${VAR}`, `${VAR:-x}`, `#{expr}`,
 * `$(cmd …)`, `%(name)s`, and a value that opens or closes with an angle bracket are.
 */
const PLACEHOLDER_SYNTAX =
  /<[A-Za-z_][\w .:/-]{0,60}>|^<|>$|\$\{\{?[ \t]{0,4}[A-Za-z_][\w.\-]{0,80}[ \t]{0,4}(?:\}|:|-|\?|=|\||$)|#\{[A-Za-z_@$]|\$\([A-Za-z_][\w-]{0,40}(?:[ )]|$)|%\([A-Za-z_]\w{0,40}\)/;

/**
 * A value that says, as words of its own, that it is not real or not secret (`hunter2-not-real`,
 * `NotARealKey`, `token_notreal_42`, `signing-key-not-secret`, glued to what it stands for: `notarealpassword`): a
 * stand-in whatever else it holds.
 */
const SAYS_NOT_REAL = /(?:^|[^a-z])not[-_. ]?(?:(?:a|my|our|your|the)[-_. ]?)?(?:real|secret)(?:[-_. ]?(?:password|passwd|pass|pw|key|token|secret))?(?:[^a-z]|$)/i;
const SAYS_NOT_REAL_CAMEL = /(?:^|[^A-Z])[Nn]ot(?:A)?(?:Real|Secret)(?![a-z])/;

/**
 * Words alone inside square brackets (`[set-in-release-pipeline]`, `[REDACTED]`, `[secure]`): a note where
 * the value goes, as logs and config templates write it, not a value.
 */
const BRACKETED_NOTE = /^\[[A-Za-z][A-Za-z _-]{0,60}\]$/;

/**
 * A `<…>` stand-in written with its angle brackets escaped, as XML and HTML attributes must (`password="&lt;set-in-vault&gt;"`):
 * the same stand-in, whole.
 */
const ESCAPED_ANGLE_NOTE = /^&lt;[A-Za-z_][\w .:/-]{0,60}&gt;$/i;

/** Half of a template's delimiters (`{{ name }}`, ERB's and JSP's `<%= name %>`): either marks a value made from a template. */
const TEMPLATE_DELIMITER = /\{\{|\}\}|<%|%>/;
/** A template's delimiters as a pair, the opener before the closer. */
const TEMPLATE_PAIR = /\{\{[^]{0,200}?\}\}|<%[^]{0,200}?%>/;

/**
 * `generated`: the value is dense random printable text (`isGeneratedPrintable`), where `<ve0 Xx>` or
 * `${a` turn up by chance among the symbols; only the marker words are read then, not template syntax,
 * and a template's delimiters only as a pair (a WordPress salt may hold `<%(` or `}}` by chance).
 */
function hasPlaceholderMarker(value: string, generated = false): boolean {
  const lower = value.toLowerCase();
  // In a long run of base64 (a DER key, a generated secret) a short marker turns up by chance (`…fAKe…` in one RSA key of
  // twenty): there it counts only as a word of its own, set off by the run's ends or by non-alphanumerics.
  const dense = value.length >= 40 && BASE64_RUN.test(value);
  for (const marker of PLACEHOLDER_MARKERS) if (lower.includes(marker) && !(dense && marker.length <= 6 && !standsAsWord(lower, marker))) return true;
  if ((generated ? TEMPLATE_PAIR : TEMPLATE_DELIMITER).test(value)) return true;
  return (!generated && PLACEHOLDER_SYNTAX.test(value)) || ZERO_FILL.test(value) || SAYS_NOT_REAL.test(value) || SAYS_NOT_REAL_CAMEL.test(value) || BRACKETED_NOTE.test(value) || ESCAPED_ANGLE_NOTE.test(value) || IIS_ENCRYPTED_VALUE.test(value);
}

const BASE64_RUN = /^[A-Za-z0-9+/]{40,}={0,2}$/;

/**
 * A value IIS keeps encrypted at rest in applicationHost.config (`password="[enc:IISCngProvider:…:enc]"`, as `appcmd` and
 * IIS Manager write an app pool's or a virtual directory's password): the provider's ciphertext, which only that machine's
 * key decrypts, as Jasypt's `ENC(…)` and SOPS's `ENC[…]` are. The password itself is not in the file.
 */
const IIS_ENCRYPTED_VALUE = /^\[enc:[A-Za-z][\w.-]{0,60}:[A-Za-z0-9+/=]{8,}:enc\]$/;

/**
 * Ten zeros running: a key's shape filled in by hand (`sk_test_51Mz0000000000000000000000`, `AKIA0000000000000000`).
 * Drawn hex or base64 holds such a run once in 16^10 places at best (a zero byte's filler in base64 is `A`, not `0`).
 * The nil UUID's last group (after `-`) is an id in its own right: ACR's token login takes it as the user.
 */
const ZERO_FILL = /(?:^|[^-0])0{10}/;

/** Whether `word` occurs in `text` with no letter or digit right before or after it. */
function standsAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!/[a-z0-9]/.test(text.charAt(at - 1)) && !/[a-z0-9]/.test(text.charAt(at + word.length))) return true;
  }
  return false;
}

export interface ValueContext {
  category: Category;
  /** The value sat between quotes (a literal), not bare after `=`/`:`. */
  quoted: boolean;
  /** The key is a bare generic word (`key`, `auth`, `salt`) that needs a strong value. */
  weakKey?: boolean;
  /** The key names a passphrase (`GPG_PASSPHRASE`): a quoted run of words is then the secret itself. */
  passphrase?: boolean;
  file?: string;
}

/** Program source, where a bare identifier is a variable; Bicep too (`administratorLoginPassword: sqlAdminPassword` passes a parameter). */
const CODE_FILE = /\.(?:[cm]?[jt]sx?(?:\.map)?|py|pyi|java|kt|kts|scala|groovy|gradle|go|rb|php|cs|fs|vb|rs|c|cc|cpp|cxx|h|hh|hpp|swift|m|mm|dart|lua|pl|pm|r|jl|ex|exs|erl|clj|hs|ml|vue|svelte|bicep)$/i;

/** True when the file name says it is program source (bare identifiers there are variables). */
export function isCodeFile(file: string | undefined): boolean {
  return file !== undefined && CODE_FILE.test(file);
}

const HEX = /^(?:0x)?[0-9a-f]+$/i;
/** A UUID as a whole value. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `config.db.password`, `self->pass`: names of words, not a generated value. */
const MEMBER_ACCESS = /^[A-Za-z_$][A-Za-z_$]{0,60}\d{0,3}(?:(?:\.|->|::|\?\.)[A-Za-z_$][A-Za-z_$]{0,60}\d{0,3}){1,10}$/;
/**
 * `MEMBER_ACCESS` with digits inside the words (`win32api.RegEnumKey`, `forge.pbe.generatePkcs12Key`), or ending in
 * a Ruby predicate's `?` (`Rails.env.production?`): judged so in program source only.
 */
/**
 * Two words around a dot, the first capitalised with a number glued on (`Harbor27.quietLantern`), or capitalised words
 * joined by dots with the number glued to the last (`Rivet.Willow69`, `Swan.Cut45`): how people compose a password to a
 * policy (words, digits, a symbol). A name a setting refers to does not open with a capital and a number
 * (`config.dbPassword`, `db1.password`), nor capitalise every word and end in a number (`Settings.adminPassword`,
 * `Rails.env`), so outside program source such a value is no member access.
 */
const COMPOSED_PASSWORD = /^[A-Z][a-z]{2,20}(?:\d{2,3}\.[a-z]{2,20}(?:[A-Z][a-z]{1,20}){0,3}|(?:\.[A-Z][a-z]{1,20}){1,3}\d{2,3})$/;
/**
 * A dotted value of random letters (`QmvtRzkWxpLd.hNq`): its parts split into no words, as a chain of names' do
 * (`config.dbPassword`, `settings.SECRET_KEY`, `XMLHttpRequest.prototype.getResponseHeader`). Ten characters at least and
 * both cases, as a generated password has; outside program source, under a password's name, such a value is the password.
 */
function isGeneratedDotted(v: string): boolean {
  return v.length >= 10 && /[a-z]/.test(v) && /[A-Z]/.test(v) && !isNameShaped(v);
}
/**
 * Three words or more joined by dots, a number glued to the last (`lantern.quay.pebble42`, `copper.meadow.violet8`), the
 * last maybe capitalised or a capital alone (`helianthus.annuus.K9`, `moss.harbour.Tern4`): a passphrase generator's or a
 * person's memorable form (words, a separator, a capital and a number to meet a policy). A setting's name or a property
 * path (`spring.datasource.password`, `ssl.keystore.location`) ends in no number, a module path in no number after
 * words, and a host's last label (its top-level domain) holds no digits; so outside program source, under a password's
 * name, such a value is the password. Each part of three letters or more is a word (it has a vowel), and none names the
 * setting it could point to (`app.secrets.password2`, `vault.config.token1`).
 */
const DOTTED_WORDS_NUMBERED = /^[a-z]{3,10}(?:\.[a-z]{3,10}){1,4}\.(?:[a-z]{3,10}|[A-Z][a-z]{0,9})\d{1,4}$/;
const SETTING_PATH_WORDS = new Set(['password', 'passwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'key', 'keys', 'credential', 'credentials', 'config', 'conf', 'settings', 'env', 'vault', 'var', 'vars']);
function isDottedWordsPassword(v: string): boolean {
  if (!DOTTED_WORDS_NUMBERED.test(v)) return false;
  return v
    .replace(/\d+$/, '')
    .split('.')
    .every((w) => (w.length < 3 || /[aeiouy]/i.test(w)) && !SETTING_PATH_WORDS.has(w.toLowerCase()));
}
const CODE_MEMBER_ACCESS = /^[A-Za-z_$][\w$]{0,60}(?:(?:\.|->|::|\?\.)[A-Za-z_$][\w$]{0,60}){1,10}\??$/;
/**
 * `CODE_MEMBER_ACCESS` asserted present: TypeScript's, Swift's, Dart's and C#'s postfix `!`, Kotlin's `!!`
 * (`process.env.SMTP_PASSWORD!`, `config.db!!.password`), or a Ruby bang method (`Rails.application.credentials.fetch!`).
 * Read only in those languages' files: elsewhere a `!` is as likely a password's last character (`Summer.Rain!`).
 */
const ASSERTED_MEMBER_ACCESS = /^[A-Za-z_$][\w$]{0,60}(?:!{0,2}(?:\.|->|::|\?\.)[A-Za-z_$][\w$]{0,60}){1,10}!{0,2}$/;
const NON_NULL_ASSERTION_FILE = /\.(?:[cm]?tsx?|kts?|swift|dart|cs|rb)$/i;
/**
 * A Terraform/HCL reference, bare as HCL writes every expression (`var.tunnel1_psk`, `local.db2_password`,
 * `module.vpn.psk`, `data.vault_generic_secret.db.data["password"]`): names with digits inside their words, as
 * `MEMBER_ACCESS` does not take them outside program source.
 */
const HCL_REFERENCE = /^(?:var|local|module|data)\.[A-Za-z_][\w-]{0,60}(?:\.[A-Za-z_][\w-]{0,60}|\[(?:\d{1,4}|"[\w.-]{1,60}")\]){0,6}$/;
/**
 * A namespaced name of words: an IAM condition key (`ec2:InstanceMarketType`, `apigateway:Request/ApiKeyRequired`,
 * `aws:ResourceTag/${TagKey}`, a tag key under a camel-cased namespace: `stateMachine:createdBy`). Each word after the
 * namespace is a capital and lower-case letters, or an acronym.
 */
const NAMESPACED_WORDS = /^[a-z][a-zA-Z0-9-]{1,40}(?::[a-z][a-zA-Z0-9-]{1,40}){0,3}:[a-z]{0,20}(?:[A-Z][a-z]{1,20}|[A-Z]{2,6}(?![a-z])|\d{1,3}|\/|\$\{[A-Za-z]{1,40}\}){1,20}$/;
/**
 * An XML element's qualified name that names a secret (WS-Security's `wsse:Password`, `wsse:UsernameToken`,
 * `ns2:ClientSecret`): a namespace prefix, a colon and words in PascalCase that end in or hold the secret's word.
 * What code keeps under a password's name to build or read a SOAP envelope, not the password.
 */
const SECRET_ELEMENT_NAME = /^[a-z][a-z0-9]{0,11}:(?:[A-Z][a-z]{1,15}){0,2}(?:Password|Passwd|Passphrase|Secret|Token|Credentials?)(?:[A-Z][a-z]{1,15}){0,2}$/;
/** Dotted words (`fs.s3.consistent.retryCount`, `spring.datasource.hikari`): a setting's name, not a generated key. */
const DOTTED_NAME = /^[a-z][a-z0-9]{0,20}(?:\.(?:[a-z][a-z0-9]{0,20}|[a-z]{1,20}(?:[A-Z][a-z]{1,20}){1,8})){2,8}$/;
/** In program source, a bare expression: a chain of assignments (`a=Module.a=e.a`), a negation or an increment (`!this.done`, `++count`). */
const CODE_EXPRESSION = /^(?:!{1,2}|\+\+|--|~)[A-Za-z_$][\w$.]{0,100}$|^[A-Za-z_$][\w$.]{0,100}(?:=[A-Za-z_$][\w$.]{0,100}){1,4}$/;
/** A type's name in program source, digits in some of its words (`Uint8Array`, `PKCS12PrivateKeyTypes`). */
const CODE_TYPE_NAME = /^[A-Z][A-Za-z0-9]{2,80}$/;

/**
 * A name made of words, digits in some (`X509_info_st`, `PKCS12PrivateKeyTypes`, `America/Los_Angeles`):
 * most words without digits and three letters long on average. A generated value split the same
 * way gives short words, most with digits (`F1lT3ReDw17hQoT3s`: f1l, t3re, dw17h, qo, t3s).
 */
/** A word with digits between its letters (`p5c`, `it1xh0qh`, `i18n`). */
const DIGITS_INSIDE_WORD = /[a-z]\d+[a-z]/;

export function isNameShaped(value: string): boolean {
  const words = splitWords(value);
  if (words.length < 2) return false;
  let withDigits = 0;
  let letters = 0;
  let short = 0;
  let noVowel = 0;
  let digitsInside = 0;
  for (const w of words) {
    if (/\d/.test(w)) withDigits++;
    if (w.length <= 2) short++;
    if (!/[aeiouy]/.test(w)) noVowel++;
    if (DIGITS_INSIDE_WORD.test(w)) digitsInside++;
    letters += w.length;
  }
  // Digits between letters in two words or more (`NbiP5cPjOXzsOmxK5Hlyckd8XuIt1xh0qhK72eZQ`: p5c, it1xh0qh, k72e) is how random
  // letters and digits split: a name puts its digits at a word's end (`sha256`, `x509`, `v2`) and has one such word at most
  // (`utf8mb4_general_ci`, `k8sCluster`, `base64urlDecode`).
  if (digitsInside >= 2) return false;
  // A long name of words without a vowel in most (`ajco4`, `fk`, `dfm`, `czb3j`, `rg6h5`, `qdkdmh` … of a 48-character key) is
  // random letters too: a name's words are words, its abbreviations a few (`HTTPPasswordMgrWithDefaultRealm`: http, mgr).
  if (words.length >= 6 && noVowel * 2 > words.length) return false;
  // Most words of one or two characters (`K6HLHPwJsLXDs42jxjxqHc`: k6, hlh, pw, js, lx, ds42jxjxq, hc) is how random
  // letters split, not how a name's words do (`IOError`, `X509_info_st`).
  return withDigits * 2 <= words.length && letters >= 3 * words.length && short * 2 <= words.length;
}
/** A template literal that interpolates a call (`I${getTypeId(type)},${getTypeId(x)}`): built at run time. */
const INTERPOLATED_CALL = /\$\{[A-Za-z_$][\w$.]{0,60}\(/;
/** Words in camelCase or PascalCase, three or more (`terminateBlueInstancesOnDeploymentSuccess`): an identifier, not a generated key. */
const CAMEL_WORDS = /^[?@#_]?(?:[a-z]{2,20}|[A-Z][a-z]{1,20})(?:[A-Z][a-z]{1,20}){2,12}\d{0,3}$/;
/** A file's name or path with a common extension (`my-dir/MySampleImage.png`, `WordPress_App.zip`). */
const FILE_NAME = /^[\w.\/-]{1,200}\.(?:png|jpe?g|gif|svg|webp|tar|gz|tgz|zip|bz2|xz|7z|jar|war|ear|whl|json|ya?ml|xml|csv|tsv|txt|log|pdf|html?|css|js|py|rb|sh|md|rst|mp[34]|mov|wav|avi|bin|img|iso|deb|rpm|parquet|avro|orc)$/i;
/**
 * Regular-expression syntax (`[a-zA-Z](?:[a-zA-Z0-9-]*)`): a pattern, not a value. A class may close on its range
 * after symbols (RFC 7230's token, `[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,}`) and be repeated by a count.
 */
const REGEX_SYNTAX = /\[(?:a-z|A-Z|0-9)|\(\?(?:[:=!]|<[=!])|(?:a-z|A-Z|0-9)\]|\]\{\d{1,3},\d{0,3}\}/;
/** `.*` or `.+` at either end of a value: a pattern's "anything" (`.*\.example\.com$`, `.+@corp\.com`, `^/api/.*`). */
const ANY_RUN_AT_END = /\.[*+]$|^\.[*+]/;
const ANY_RUNS_AT_ENDS = new RegExp(ANY_RUN_AT_END.source, 'g');
/** What else a pattern holds: an escape, a group, a class, an alternative, a repetition or an anchor at its end. */
const PATTERN_SYNTAX = /[\\()[\]{}|?]|\$$/;

/**
 * Whether a value is a regular expression rather than a secret. `.*` or `.+` at an end is a pattern's
 * "anything", unless the rest is a generated password's mix of capitals, small letters and digits with no
 * other pattern syntax (`.+Rw7^kQ2-…`, drawn from a password generator's symbols, where a pattern would
 * hold words, escapes or an anchor).
 */
function isRegexSyntax(v: string): boolean {
  if (REGEX_SYNTAX.test(v)) return true;
  if (!ANY_RUN_AT_END.test(v)) return false;
  const rest = v.replace(ANY_RUNS_AT_ENDS, '');
  return PATTERN_SYNTAX.test(rest) || !(/[A-Z]/.test(rest) && /[a-z]/.test(rest) && /\d/.test(rest) && characterSwitches(rest) >= 6);
}

/**
 * A regular expression's character-class escape alone, maybe repeated (`\S+`, `\\S+` escaped in a string, `\d{4}`):
 * what a redaction or log-parsing pattern matches after `password=`, not the password.
 */
const REGEX_CLASS_ESCAPES = /^\\{1,2}[dDsSwW](?:[+*?]|\{\d{1,3}(?:,\d{0,3})?\})?$/;
/** A variable name: letters and underscores, maybe a few trailing digits (`dbPass2`). */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$]{0,100}\d{0,3}$/;
const UUE_LINE = /^M[\x20-\x60]{60}$/;
const WORDS_ONLY = /^[A-Za-z]{1,40}(?:[ _.\-][A-Za-z]{1,40}){0,10}$/;
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[?::1\]?|0\.0\.0\.0)(?::\d{1,5})?$/i;
/** Words joined as a path or a zone's name is (`America/Los_Angeles`, `Default/Web_Users`): each a word, small letters after a capital. */
const ZONE_OR_WORD_PATH = /^[A-Z]?[a-z]{1,20}(?:[_\/-][A-Z]?[a-z]{1,20}){1,10}$/;
// `__Name__` is the token that release pipelines replace (Azure DevOps' Replace Tokens, Octopus, web.config transforms).
// `%%NAME%%` is a TIBCO BusinessWorks substitution variable (and a doubled `%NAME%` in a batch file's own text).
// An ARN names a resource; its partition may be a wildcard in a policy (`arn:*:secretsmanager:…`) or CloudFormation's `${AWS::Partition}`.
// Compose files and Makefiles write the shell's `$` as `$$` (`--password=$$MYSQL_ROOT_PASSWORD` in a healthcheck): still a lookup.
const TEMPLATE_START =
  /^(?:urn:|\$\$?[A-Za-z_{(]|%[A-Za-z_]{1,60}%$|%%[A-Za-z_][A-Za-z0-9_.-]{0,60}%%$|@[A-Za-z_]{1,60}@$|__[A-Za-z][A-Za-z0-9_.-]{0,80}__$|\[\[|env:|file:|vault:|secret:|ref\+|arn:(?:aws|\*:|\$\{)|projects\/|@Microsoft\.KeyVault\(|!secret |secretref:|awssm:|gcpsm:|azkv:|sm:\/\/)/i;
/**
 * A lookup of an environment variable written out whole as a value, often quoted by mistake (`"process.env.ADMIN_PIN"`,
 * `"os.environ['DB_PASSWORD']"`, `"ENV['API_KEY']"`, `"env('APP_KEY')"`, `"System.getenv(\"TOKEN\")"`): a reference to
 * where the secret is kept, not the secret. A default that is a literal (`os.getenv("X", "…")`) may be the secret itself,
 * so only an empty one is read (`env('X', null)`). (`$X` and `${X}` are template syntax, taken by `TEMPLATE_START`.)
 */
const ENV_LOOKUP =
  /^(?:process\.env(?:\.[A-Za-z_][\w]{0,100}|\[["'][\w.-]{1,100}["']\])|(?:os\.)?environ\[["'][\w.-]{1,100}["']\]|ENV\[["'][\w.-]{1,100}["']\]|(?:(?:os\.)?environ\.get|os\.getenv|getenv|env|ENV\.fetch|System\.getenv|Environment\.GetEnvironmentVariable|Deno\.env\.get)\(\s{0,4}["'][\w.-]{1,100}["']\s{0,4}(?:,\s{0,4}(?:null|None|nil|undefined|false|""|''))?\s{0,4}\))$/;
/**
 * Code that reads an environment variable by name: `process.env.X`, `process.env["X"]`, `import.meta.env.X`,
 * `os.environ['X']`, Ruby's `ENV['X']`, PHP's `$_ENV['X']`, PowerShell's `$env:X` (`${X}` and `$X` are placeholders).
 */
const ENV_READ = /^(?:(?:(?:process|import\.meta|Deno)\.env|os\.environ|ENV|\$_ENV|\$_SERVER)(?:\.[A-Za-z_]\w{0,127}|\[ ?["']?[A-Za-z_][\w.-]{0,127}["']? ?\])|\$env:[A-Za-z_]\w{0,127})$/;
/**
 * A call that reads one environment variable, with no default beside it (a default may be the secret itself):
 * `getenv("X")`, `os.getenv('X')`, `System.getenv("X")`, `os.Getenv("X")`, `Environment.GetEnvironmentVariable("X")`,
 * `os.environ.get("X")`, `ENV.fetch("X")`, `Deno.env.get("X")`, Rust's `env::var("X")`, Laravel's `env('X')`.
 */
const ENV_CALL = /^(?:(?:[A-Za-z_]\w{0,40}\.){0,2}(?:getenv|GetEnvironmentVariable)|os\.environ\.get|ENV\.fetch|Deno\.env\.get|(?:std::)?env::var|env)\( ?["'][A-Za-z_][\w.-]{0,127}["'] ?\)$/i;

/** Whether the whole value reads an environment variable (any of the forms above): where the secret is kept, not the secret. */
function isEnvironmentLookup(v: string): boolean {
  return ENV_LOOKUP.test(v) || ENV_READ.test(v) || ENV_CALL.test(v);
}
const SCHEME_URL = /^[a-z][a-z0-9+.-]{1,15}:\/\//i;
const PATH_LIKE = /^(?:\.\.?\/|~\/|[A-Za-z]:\\|\/[a-z0-9._-]{0,80}(?:\/|$)|\/[\w.-]{0,80}\/[\w.-]{0,80}\/)/;
/**
 * A relative path of three or more lower-case words (`rc/kerberos/rcadmin`, `secret/data/ci/deploy`): where a
 * secret store keeps a secret, or a file's path, never the secret itself.
 */
const WORD_PATH = /^[a-z][a-z0-9_-]{0,40}(?:\/[a-z][a-z0-9_-]{0,40}){2,10}\/?$/;
const VERSION = /\d{1,4}\.\d{1,4}\.\d{1,4}/;
/**
 * `@` and a path: the way CLIs take a value from a file (`vault kv put … password=@pw.txt`,
 * `curl -d @body.json`, `az … --parameters @params.json`). The file holds the secret; its name is none.
 */
const FILE_REFERENCE = /^@(?:~?\/|\.{1,2}\/|[A-Za-z]:[\\/])[\w.\-\/\\]{1,300}$|^@[\w.\-]{1,120}\.(?:txt|json|ya?ml|pem|key|crt|cer|der|p12|pfx|jks|env|ini|conf|cfg|xml|bin|b64|asc|gpg|sql|hcl|tfvars)$/i;
/**
 * An Azure Resource Manager template expression (`"[parameters('adminPassword')]"`,
 * `"[listKeys(…).keys[0].value]"`): evaluated at deployment, a reference. `[[` escapes a literal bracket.
 */
const ARM_EXPRESSION = /^\[(?!\[)[A-Za-z][\w.]{0,60}\([^\r\n]{0,1000}\]$/;
/** YAML tags that stand for a value held elsewhere: CloudFormation intrinsics, Ansible vault, env lookups. */
const YAML_REFERENCE_TAG = /^!(?:Ref|Sub|GetAtt|ImportValue|FindInMap|Join|Select|If|Base64|Split|vault|env_var|env|secret|include|reference)$/i;

/** True for a YAML tag that stands for a value held elsewhere (`!Ref`, `!vault`): what follows it is no literal. */
export function isYamlReferenceTag(tag: string): boolean {
  return YAML_REFERENCE_TAG.test(tag);
}
/**
 * Keys made to be public: Stripe/Paystack publishable keys, Mapbox public tokens (`pk.` + payload + `.` + signature, the
 * payload a JWT's `eyJ…` or not: the `pk.` alone says public; its secret twin is `sk.`), Supabase publishable keys, PostHog project keys,
 * Langfuse public keys, RevenueCat app keys, SSH public keys, age recipients (`age1…`; the identity is `AGE-SECRET-KEY-1…`),
 * Datadog browser client tokens (`pub` + 32 hex), Stripe.js card tokens (`tok_…`: single-use, made in the browser),
 * Razorpay key ids (`rzp_live_…`: Checkout takes them in the browser; the key secret is separate), Google OAuth client ids
 * (`<project number>-<32>.apps.googleusercontent.com`: in every sign-in URL; the `GOCSPX-` client secret is separate), and
 * Okta's OAuth client ids (`0oa` and 17 letters and digits: in every authorize URL and SPA bundle; the secret is separate),
 * and a GitHub App's client id (`Iv1.` and 16 hex digits, or `Iv23` and 16 letters and digits: in its OAuth authorize URL;
 * the client secret is separate), and a BIP-32 extended public key (`xpub`/`ypub`/`zpub`/`tpub`/`upub`/`vpub` and 107
 * base58 characters: a watch-only wallet's key, which derives addresses and signs nothing; `xprv`… is its private twin).
 */
const PUBLIC_KEY = /^(?:[xyztuv]pub[1-9A-HJ-NP-Za-km-z]{107}$|\d{6,14}-[a-z0-9]{32}\.apps\.googleusercontent\.com$|0oa[A-Za-z0-9]{17}$|Iv1\.[0-9a-f]{16}$|Iv23[A-Za-z0-9]{16}$|age1[02-9ac-hj-np-z]{58}$|pub[0-9a-f]{32}$|tok_[A-Za-z0-9]{24}$|rzp_(?:live|test)_[A-Za-z0-9]{14}$|pk_(?:live|test)_|pk\.eyJ|pk\.[\w-]{30,400}\.[\w-]{20,30}$|sb_publishable_|phc_|pk-lf-|appl_|goog_|amzn_|ssh-(?:rsa|ed25519|dss) |ecdsa-sha2-nistp\d{3} |AAAA(?:B3NzaC1yc2E|C3NzaC1lZDI1NTE5|E2VjZHNhLXNoYTIt))/;
/**
 * The id of an object in a Stripe account, as exports, webhooks and logs carry them by the thousand: the object's type
 * (`pm_` a PaymentMethod, `pi_` a PaymentIntent, `seti_`, `cus_`, `ch_`, `py_`, `txn_`, `ba_`, `card_`, `src_`, `sub_`,
 * `si_`, `in_`, `ii_`, `il_`, `price_`, `prod_`, `plan_`, `po_`, `evt_`, `acct_`, `cn_`) and 14 to 40 letters and digits.
 * It names a record that only the account's secret key can read or act on, however a column or a variable calls it
 * (`card_token`, `payment_token`). Stripe's credentials have other prefixes (`sk_`, `rk_`, `whsec_`); an intent's client
 * secret (`pi_…_secret_…`) has more after the id; WooCommerce's `cs_`/`ck_` keys share no prefix with these.
 */
const PAYMENT_OBJECT_ID = /^(?:pm|pi|seti|cus|ch|py|txn|ba|card|src|sub|si|in|ii|il|price|prod|plan|po|evt|acct|cn)_[A-Za-z0-9]{14,40}$/;
/**
 * Names of algorithms, which settings such as `PASSWORD_HASHER = "argon2id"` hold, and a signed request's scheme:
 * AWS Signature Version 4 opens its `Authorization` value with `AWS4-HMAC-SHA256` (Google Cloud's with `GOOG4-HMAC-SHA256`),
 * the name of how the signature that follows was made.
 */
const ALGORITHM_NAME = /^(?:argon2(?:id|i|d)?|bcrypt|scrypt|pbkdf2(?:[_-]sha\d{1,3})?|sha-?(?:1|224|256|384|512)|md5|aes-?\d{3}(?:-?(?:gcm|cbc|ctr))?|[hre]s(?:256|384|512)|ed25519|rsa(?:-?\d{4})?|scram-sha-?256|(?:(?:aws4|goog4)-)?hmac-?sha(?:1|256|384|512)|aws4-ecdsa-p256-sha256)$/i;
const INTEGRITY = /^(?:sha(?:1|224|256|384|512)|md5)[-:]/i;
/** A key's fingerprint as ssh-keygen (MD5), cloud consoles and certificate tools print it: hex pairs parted by colons, a digest of a public key. */
const COLON_HEX_FINGERPRINT = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){15,63}$/;
/**
 * An AWS KMS ciphertext blob in base64: its header (format version 1 or 2, then the key's reference) encodes to
 * `AQICAH…` (`AQECAH…` in the older format), and it runs well past the 16 to 64 bytes of what it seals.
 */
const KMS_CIPHERTEXT = /^AQ[EI]CAH[A-Za-z0-9+/]{100,4000}={0,2}$/;
/**
 * AWS Payment Cryptography's handle of a key exchange (`GetParametersForExport`'s `ExportToken`, `export-token-…`;
 * `import-token-…`): it names a pending transfer and admits no one. (KMS's `ImportToken` is a wrapped blob, `KMS_CIPHERTEXT`.)
 */
const AWS_TRANSFER_HANDLE = /^(?:export|import)-token-[a-z0-9]{8,64}$/;
/**
 * A password's hash in one of the slow, salted formats that applications store for their users (`encrypted_password`,
 * `password_digest`, Django's `auth_user.password`, seeds and fixtures): made to be stored where the password may not be,
 * and slow to attack by design. The password is the secret. Each format as its library writes it:
 * - bcrypt (`$2b$12$` + 22 characters of salt + 31 of hash); phpass (`$P$`, `$H$`: WordPress, phpBB) and Drupal 7 (`$S$`);
 * - PHC strings (`$argon2id$v=19$m=…$salt$hash`, passlib's `$pbkdf2-sha256$`, `$scrypt$`, `$bcrypt-sha256$`);
 * - Django's `algorithm$…` (`argon2$argon2id$…`, `pbkdf2_sha256$600000$salt$hash`, `bcrypt_sha256$$2b$…`, `scrypt$…`),
 *   which has at least two more `$`-parted fields after its name: its parameters or salt, then the hash;
 * - Werkzeug's (Flask's) `pbkdf2:sha256:600000$salt$hex` and `scrypt:32768:8:1$salt$hex`.
 * The fast, old formats (MD5-crypt `$1$`, Apache's `$apr1$`, LDAP's `{SSHA}`) are judged as values; htpasswd and shadow
 * files have rules of their own; and crypt(3)'s formats are the system's (`SYSTEM_CRYPT_HASH`).
 */
const PASSWORD_HASH =
  /^(?:\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$[PH]\$[./A-Za-z0-9]{31}|\$S\$[./A-Za-z0-9]{52}|(?:\$argon2(?:id|i|d)|\$pbkdf2(?:-sha(?:1|256|512))?|\$scrypt|\$bcrypt-sha256|argon2|pbkdf2_sha(?:1|256)|bcrypt(?:_sha256)?|scrypt)\$[A-Za-z0-9./+=,-]{0,200}\$[A-Za-z0-9./+=,$_-]{16,400}|(?:pbkdf2:sha(?:1|256|512)(?::\d{1,7})?|scrypt:\d{1,7}:\d{1,3}:\d{1,3})\$[A-Za-z0-9./+=-]{1,64}\$[0-9a-f]{32,256})$/;
/**
 * crypt(3)'s SHA-256 and SHA-512 (`$5$`, `$6$`, maybe `rounds=`), yescrypt (`$y$`, `$gy$`) and scrypt (`$7$`): the hash of
 * a system account's login, as a Junos `encrypted-password`, a Salt or Ansible `user` state and cloud-init's `passwd` hold
 * it, where it is reported like the shadow file it goes to. In a table of users (an application's login store) it is what
 * bcrypt is there: see `isStoredPasswordHash`.
 */
const SYSTEM_CRYPT_HASH = /^(?:\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|\$(?:y|gy|7)\$[./A-Za-z0-9+]{1,200}\$[./A-Za-z0-9+$]{20,300})$/;

/**
 * A SCRAM-SHA-256 verifier as PostgreSQL stores a role's password and PgBouncer's `userlist.txt` keeps it: iterations and
 * salt, then the StoredKey and ServerKey (`SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>`), or cut after the salt as a
 * note shortens it. A salted, iterated hash: the server checks a login's proof against it, and no client can log in with
 * it (the ClientKey it would need is only hashed in it). PostgreSQL's older md5 verifier is the hash itself that md5
 * authentication asks for, so it is no such thing (see the rules that read it).
 */
const SCRAM_VERIFIER = /^SCRAM-SHA-256\$\d{1,7}:[A-Za-z0-9+/]{4,88}={0,2}(?:\$[A-Za-z0-9+/]{4,88}={0,2}:[A-Za-z0-9+/]{4,88}={0,2})?$/;

export function isScramVerifier(value: string): boolean {
  return SCRAM_VERIFIER.test(value);
}

/** Whether a cell of a users table holds a password's hash in any slow, salted format, crypt(3)'s included. */
export function isStoredPasswordHash(value: string): boolean {
  return PASSWORD_HASH.test(value) || SYSTEM_CRYPT_HASH.test(value) || SCRAM_VERIFIER.test(value);
}
/**
 * An RFC 2307 stored password (`userPassword: {SSHA}…`, slapd's `rootpw {CRYPT}…`): a scheme
 * in braces, then the hash or the text. Salted or not, the hash can be cracked offline, so it
 * is kept from a provider like the password it stands for.
 */
const STORED_PASSWORD_SCHEME = /^\{(?:S?SHA(?:256|384|512)?|S?MD5|CRYPT|PBKDF2(?:-SHA\d{1,3})?|ARGON2|BCRYPT|CLEARTEXT)\}[A-Za-z0-9+/.$=-]{4,200}$/i;
/** A reverse-DNS identifier (`com.acme.shop.password`: a keychain account, a bundle id), not a value. */
const REVERSE_DNS = /^(?:com|org|net|io|dev|app|co|me|de|uk|fr|jp|edu|gov|ai)\.[a-z][a-z0-9-]{0,62}(?:\.[A-Za-z][A-Za-z0-9_-]{0,62}){1,8}$/;
/**
 * A PowerShell operator after `=` (`$newPass = -join (… | Get-Random -Count 20 | …)`, `$parts = -split $line`): the
 * expression that makes the value, not a value.
 */
const POWERSHELL_OPERATOR = /^-(?:join|split|replace|creplace|ireplace|csplit|isplit|not|bnot|band|bor|bxor|f|eq|ne|gt|ge|lt|le|like|match|contains|in|as|is)$/i;
/** A PowerShell cmdlet after `=` (`$password = ConvertTo-SecureString "…"`): the call, not its result. */
const POWERSHELL_CMDLET = /^(?:ConvertTo|ConvertFrom|Get|Read|New|Import|Export|Invoke|Protect|Unprotect|Set|Select|Join|Resolve|Test|Add|Out|Format|Find|Receive|Decrypt|Encrypt)-[A-Z][A-Za-z]{1,40}$/;
/**
 * Translation files: `locales/de.json`, `i18n/es.json`, `messages_fr.properties`, `.po`,
 * `.arb`, `.xlf`, `.resx`, `.strings`. A `password` key there holds the label of a field.
 */
const TRANSLATION_FILE =
  /(?:^|[\\/])(?:i18n|l10n|locales?|lang|langs|languages|translations?)[\\/]|(?:^|[\\/])(?:[a-z]{2}(?:[-_][A-Za-z]{2,4})?|(?:messages|strings|translations?|resources?|labels?|locale)(?:[._-][A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)?)\.(?:json|ya?ml|properties|resx|strings|xml)$|\.(?:po|pot|arb|xlf|xliff|resx|strings)$/i;
/** A label in a natural language: words in any script, no digits or symbols (`Contraseña`, `Mot de passe`). */
const UI_LABEL = /^\p{L}[\p{L}\p{M}'’]{0,40}(?:[ \-][\p{L}\p{M}'’]{1,40}){0,5}[.:!?…]?$/u;

/** A field label in a translation file (`"password": "Passwort"`), not the password. */
function isTranslatedLabel(value: string, file: string | undefined): boolean {
  return file !== undefined && TRANSLATION_FILE.test(file) && UI_LABEL.test(value);
}

/**
 * A Sentry DSN that carries only the project's public key (`https://<32 hex>@o1.ingest.sentry.io/42`,
 * self-hosted hosts and a path prefix alike): Sentry ships it in every browser bundle and app,
 * and documents it as safe to publish. The legacy form with `:<secret key>` after the public
 * one is a secret and does not match. Its key is reported wherever the DSN stands (the
 * sentry-dsn-key rule, which tokenises the key alone); learnt whole from a dotenv file, the
 * whole URL would be tokenised instead, host and project with it.
 */
const SENTRY_PUBLIC_DSN = /^https?:\/\/[0-9a-f]{32}@[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[\w.-]{1,60})?\/\d{1,20}\/?$/;

/** True for values made to be public (publishable keys, public keys, a Sentry DSN's public key): never learnt as a secret to find wherever it occurs. */
export function isPublicValue(value: string): boolean {
  const v = value.trim();
  return PUBLIC_KEY.test(v) || SENTRY_PUBLIC_DSN.test(v);
}

/** Lower-cases and drops everything but letters and digits, for comparison with the dummy list. */
function normalise(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** How long a run of counting characters must be to say "made up": no generated value holds one by chance. */
const COUNTING_RUN = 10;

/** The place of a character in counting order (`0`–`9`, then `a`–`z`, either case), or -1. */
function countingPlace(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return -1;
}

/**
 * True when the value holds ten characters or more counted up in order (`0123456789abcdef`, `3456789abcde`,
 * `ABCDEFGHIJKL`): how a person fills a key's shape by hand (`0123456789abcdef0123456789abcdef-us14`). In a random
 * value of 16 symbols such a run turns up once in some 10^10; in a hand-made stand-in it is the usual thing.
 */
export function hasCountingRun(value: string): boolean {
  let run = 1;
  let previous = -2;
  for (let i = 0; i < value.length; i++) {
    const place = countingPlace(value.charCodeAt(i));
    run = place !== -1 && place === previous + 1 ? run + 1 : 1;
    if (run >= COUNTING_RUN) return true;
    previous = place;
  }
  return false;
}

/**
 * True when `length` characters in a row are `length` places of counting order in any order (`abdcefgh`, `3546`): a run
 * counted up by hand with a slip of the fingers, as a format shown in place of a key's fixed part. Meant for values drawn
 * from some 64 symbols, where six such characters in a row turn up about once in 10^8 characters.
 */
export function hasShuffledCountingRun(value: string, length: number): boolean {
  for (let end = length; end <= value.length; end++) if (isShuffledCount(value, end - length, end)) return true;
  return false;
}

function isShuffledCount(value: string, start: number, end: number): boolean {
  let seen = 0;
  let low = Infinity;
  for (let i = start; i < end; i++) {
    const place = countingPlace(value.charCodeAt(i));
    if (place === -1) return false;
    const bit = 2 ** place;
    if (Math.floor(seen / bit) % 2 === 1) return false;
    seen += bit;
    low = Math.min(low, place);
  }
  // `length` distinct places that start at the lowest one are consecutive exactly when they fill that many bits from there.
  return seen === (2 ** (end - start) - 1) * 2 ** low;
}

/**
 * A Terraform reference written in quotes (`"var.admin_password"`, `"local.db_password"`, `"data.vault_generic_secret.db.data"`):
 * a name for the value held elsewhere, as a quoted `"process.env.DB_PASSWORD"` is, never the secret itself.
 */
const TERRAFORM_REFERENCE = /^(?:var|local|data|module|each|self)\.[a-z_][a-z0-9_-]{0,80}(?:\.[A-Za-z0-9_-]{1,80}|\[[0-9]{1,4}\]){0,8}$/;

/** True when the value is a stand-in: template syntax, `xxxx`, `<your-key>`, `changeme`, `EXAMPLE`, a counting run…. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (hasPlaceholderMarker(v) || FORMAT_PLACEHOLDER.test(v) || hasCountingRun(v)) return true;
  if (TEMPLATE_START.test(v) || isEnvironmentLookup(v) || TERRAFORM_REFERENCE.test(v)) return true;
  if (EXACT_DEFAULT_VALUES.has(v)) return true;
  const norm = normalise(v);
  if (DUMMY_VALUES.has(norm)) return true;
  return isDummyWithDigits(norm);
}

/**
 * The classic stand-ins with digits appended (`password123`, `changeme1`, `test1234`). Not `changeit`: that is the
 * password a JDK's keystore ships with (a value, not a stand-in), and `changeit2` is what an admin who had to change it
 * chose instead: a password set, not the default.
 */
const DUMMY_STEMS = new Set(['password', 'passwd', 'pass', 'pwd', 'changeme', 'test', 'dummy', 'example', 'sample', 'foo', 'foobar', 'qwerty', 'abc', 'abcd', 'abcdef', 'letmein', 'xxx', 'mypassword', 'yourpassword', 'placeholder']);

/** What a test suite names its made-up values after, numbered (`secret1`, `token2`, `apikey123`). */
const TEST_STEMS = new Set(['secret', 'token', 'key', 'apikey', 'credential']);

/** A folder of tests (`test/`, `__tests__/`, `spec/`) or a test's file name (`auth.test.ts`, `client_test.go`, `test_auth.py`, `AuthTest.java`). */
const TEST_FOLDER = /(?:^|[\\/])(?:tests?|__tests__|specs?)[\\/]/i;
const TEST_FILE_NAME = /[._-](?:test|spec)s?\.[A-Za-z]{1,5}$|(?:^|[\\/])test_[^\\/]{1,100}\.py$|[a-z0-9]Tests?\.(?:java|kt|cs|scala|groovy)$/;

/** Words by which a test suite's made-up value says it is one (`unit-test-password`, `correct-horse-battery-staple-TEST`). */
const TEST_NOTE_WORDS = new Set(['test', 'tests', 'testing', 'unittest', 'mock', 'mocked', 'fake', 'dummy', 'stub', 'fixture', 'example', 'sample']);
/** Two to six words of letters only, joined by `-`, `_` or `.`. */
const LETTER_WORDS = /^[A-Za-z]{2,20}(?:[-_.][A-Za-z]{2,20}){1,5}$/;

/**
 * A value in a test file made of plain words, one of which says "test" (or mock, fake, dummy…): the test names its
 * stand-in after what it is for. A generated or chosen password mixes digits or symbols in; words alone that do
 * not say test (`Tamarind-Glacier`) are judged as any value.
 */
function isTestNamedWords(v: string): boolean {
  if (!LETTER_WORDS.test(v)) return false;
  return v.split(/[-_.]/).some((w) => TEST_NOTE_WORDS.has(w.toLowerCase()));
}

/** True when the file belongs to a test suite, by its folder or its name. */
export function isTestFile(file: string | undefined): boolean {
  return file !== undefined && (TEST_FOLDER.test(file) || TEST_FILE_NAME.test(file));
}

/**
 * Words that stand-in values are written with (`please-change-this`, `local-dev-password`,
 * `not-a-real-secret`, `SET_IN_ENV`): a value made only of these is a note, not a secret.
 */
const STAND_IN_WORDS = new Set([
  'please', 'change', 'changeme', 'this', 'that', 'me', 'set', 'in', 'env', 'environment', 'to', 'be', 'filled', 'fill', 'put', 'password',
  'passwd', 'pass', 'here', 'not', 'a', 'an', 'real', 'secret', 'secrets', 'test', 'testing', 'tests', 'key', 'token', 'insecure', 'dev',
  'development', 'local', 'my', 'your', 'super', 'fake', 'dummy', 'sample', 'example', 'default', 'value', 'replace', 'with', 'the', 'for',
  'only', 'do', 'use', 'tbd', 'todo', 'placeholder', 'string', 'xxx', 'goes', 'unsafe', 'demo', 'temp', 'temporary', 'dont', 'never',
  // What a test types to see a login fail (`wrong-password`, `not-the-right-password`, `invalid_token`).
  'wrong', 'right', 'bad', 'invalid', 'incorrect',
  // What a template says is to be done to it (`toBeModified`, `to-be-replaced`, `update-this`, `changed-on-deploy`).
  'modified', 'modify', 'changed', 'replaced', 'update', 'updated', 'on', 'deploy',
  // The same notes in the languages teams write them in (`sua_senha_aqui`, `tu_contraseña_aqui`, `dein-passwort-hier`,
  // `votre_mot_de_passe_ici`, `il_tuo_token_qui`, `twoje_haslo_tutaj`, `sifreniz_buraya`): "your", "here", "new", "put", "change",
  // and the words for password, key, secret and token.
  'sua', 'seu', 'tu', 'su', 'tus', 'votre', 'ton', 'il', 'tuo', 'tua', 'twoje', 'twoj', 'dein', 'deine', 'ihr', 'ihre', 'uw', 'je', 'sizin', 'senin',
  'aqui', 'aquí', 'hier', 'ici', 'qui', 'tutaj', 'burada', 'buraya', 'hierhin', 'nova', 'novo', 'nueva', 'nuevo', 'neue', 'neues', 'nouveau',
  'nouvelle', 'nuovo', 'nuova', 'nowe', 'yeni', 'uma', 'um', 'un', 'una', 'une', 'ein', 'eine', 'de', 'da', 'del', 'do', 'defina', 'coloque',
  'insira', 'pon', 'ponga', 'introduce', 'mettre', 'mettez', 'inserisci', 'metti', 'eintragen', 'wpisz', 'wstaw', 'girin', 'yaz', 'altere', 'mude',
  'cambia', 'cambiar', 'changer', 'zmien', 'zmień', 'senha', 'contrasena', 'contraseña', 'passwort', 'kennwort', 'mot', 'passe', 'parola',
  'haslo', 'hasło', 'sifre', 'şifre', 'sifreniz', 'şifreniz', 'wachtwoord', 'clave', 'chave', 'chiave', 'klucz', 'schluessel', 'schlüssel',
  'cle', 'clé', 'jeton', 'segredo', 'secreto', 'segreto', 'geheim',
]);

/**
 * Words that mark a value of words as a stand-in whatever else it holds (`acme-dev-secret-2024`, `change-me-kelpie-2024`,
 * `insecure-default-key-01`): a value for a developer's machine or one to be replaced.
 */
const STAND_IN_MARKERS = new Set([
  'change', 'changeme', 'replace', 'dev', 'development', 'local', 'localhost', 'test', 'testing', 'tests', 'example', 'sample', 'default',
  'insecure', 'unsafe', 'placeholder', 'your', 'my', 'demo', 'fake', 'dummy', 'todo', 'tbd', 'temp', 'xxx', 'not', 'only', 'please', 'foo', 'bar',
]);

/** Whether a word of `v` (split at marks and between cases) marks a stand-in (`dev`, `local`, `example`, `only`, `todo`). */
export function hasStandInMarkerWord(v: string): boolean {
  return v
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => STAND_IN_MARKERS.has(w));
}

/**
 * A secret made of words as a person makes one to sign with (`kelpie-zoomies-secret-2024`, `harbour_ledger_signing_key_2022`):
 * three or more words and numbers joined by one kind of mark, a number among them, at least two of the words no stand-in's
 * (the team's and the product's own words), and no word that marks a stand-in (`dev`, `local`, `change`, `example`, `your`).
 */
export function isMadeWordsSecret(v: string): boolean {
  if (v.length < 16 || v.length > 80 || !/^[A-Za-z0-9]+(?:([-_])[A-Za-z0-9]+)(?:\1[A-Za-z0-9]+){1,8}$/.test(v)) return false;
  const words = v.toLowerCase().split(/[-_]/);
  if (!words.some((w) => /^\d{2,}$/.test(w)) || words.some((w) => STAND_IN_MARKERS.has(w))) return false;
  return words.filter((w) => /^[a-z]{3,}$/.test(w) && !STAND_IN_WORDS.has(w)).length >= 2;
}

/** A stand-in's last word numbered (`toBeModified1`, `your-key-2`): the stand-ins of a list of keys, counted off. */
const NUMBERED_WORD = /^([a-z]{2,30})\d{1,2}$/;

function isStandInPhrase(v: string): boolean {
  // Every word must be a stand-in word: the first one decides most values, before any split.
  // A classic stand-in with digits is one too (`password123-for-tests-only`).
  const first = firstWord(v);
  if (!STAND_IN_WORDS.has(first) && !isDummyWithDigits(first)) return false;
  // A list of them (Strapi's `APP_KEYS=toBeModified1,toBeModified2`): each item is one.
  if (v.includes(',')) {
    const items = v.split(',');
    return items.length <= 8 && items.every((item) => item.length > 0 && isStandInPhrase(item.trim()));
  }
  const words = v
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((w) => w.length > 0);
  const last = words.length - 1;
  return (
    words.length >= 2 &&
    words.every((w, i) => STAND_IN_WORDS.has(w) || isDummyWithDigits(w) || (i === last && STAND_IN_WORDS.has(NUMBERED_WORD.exec(w)?.[1] ?? '')))
  );
}

/**
 * A vendor's key prefix with a stand-in word where the key goes (`whsec_test`, `sk_test_dummy`, `pk_live_xxx`): the
 * prefix of a Stripe-style key, maybe its mode, then one word of the stand-in lists.
 */
const PREFIXED_STAND_IN = /^[a-z]{2,8}_(?:(?:test|live)_)?([a-z]{2,12})$/;

/**
 * A value that is a note in place of a secret: stand-in words (`test-jwt-secret-not-used-in-prod`, `localdev`) or a
 * key prefix followed by one (`whsec_test`). Dotenv files of test suites hold such values under secrets' names.
 */
export function isStandInNote(value: string): boolean {
  const v = value.trim();
  const prefixed = PREFIXED_STAND_IN.exec(v);
  if (prefixed !== null && (STAND_IN_WORDS.has(prefixed[1]!) || DUMMY_VALUES.has(prefixed[1]!))) return true;
  if (isStandInPhrase(v) || isGluedStandIn(v) || isNoAuthNote(v) || isKeeperPointerNote(v)) return true;
  // A note that says where the value is not used (`test-jwt-secret-not-used-in-prod`): stand-in words, the kind of
  // secret, and "not … production". Without the `not`, `password123-for-prod` may be a real (weak) password.
  const words = v.toLowerCase().split(/[-_.\s]+/);
  return words.length >= 4 && words.includes('not') && words.every((w) => STAND_IN_WORDS.has(w) || NOT_FOR_WORDS.has(w));
}

/**
 * A note that the service takes no secret, in lower-case words joined by dashes or underscores: `no-auth`, `noauth`,
 * `no_password`, `not-required`, `unused`, `none`, maybe after the service's name (`mailhog-no-auth`, a local mail
 * catcher's, which accepts any login). A password is no sentence saying there is none.
 */
const NO_AUTH_NOTE =
  /^(?:[a-z0-9]{1,20}[-_]){0,3}(?:no[-_]?(?:auth|authentication|password|passwd|pass|pwd|secret|token|key|login)|not[-_](?:required|needed|used|set)|unused|none)(?:[-_][a-z0-9]{1,20}){0,3}$/;

/** Whether `v` is a `NO_AUTH_NOTE`; the pattern is tried only when `v` holds `no` or `unused`, as each such note does. */
function isNoAuthNote(v: string): boolean {
  return v.length <= 100 && (v.includes('no') || v.includes('unused')) && NO_AUTH_NOTE.test(v);
}

/**
 * A note that points to where the value is kept, or to who holds it, in place of the value: a few lower-case words joined by
 * `-`, `_`, `.` or blanks, the first a pointing word and one a secret store's or a team's (`see-vault`, `in-vault`,
 * `from-1password`, `stored-in-keepass`, `see_the_vault`, `ask-netops`). A password is no sentence about its own whereabouts.
 */
const POINTING_WORDS = new Set(['see', 'in', 'from', 'ask', 'check', 'use', 'stored', 'kept', 'lives', 'look', 'get', 'fetch', 'pull', 'via', 'refer']);
const KEEPER_WORDS = new Set([
  // Secret stores and password managers.
  'vault', 'vaults', '1password', 'onepassword', 'keepass', 'keepassxc', 'kdbx', 'bitwarden', 'vaultwarden', 'lastpass', 'keeper', 'passbolt',
  'dashlane', 'cyberark', 'thycotic', 'delinea', 'secretserver', 'passwordstate', 'keyvault', 'ssm', 'sops', 'doppler', 'infisical', 'pwm',
  // Who is asked for it.
  'ops', 'netops', 'secops', 'devops', 'it', 'admin', 'admins', 'sysadmin', 'sysadmins', 'infra', 'sre', 'noc', 'helpdesk', 'security',
]);
/** Words that may join a pointing word to the store's (`see-the-team-vault`, `in-vault-entry`, `ask-the-it-team`). */
const POINTER_FILLER_WORDS = new Set(['the', 'our', 'team', 'shared', 'entry', 'item', 'password', 'manager', 'store', 'under', 'at', 'in', 'it', 'for', 'me']);
const POINTER_NOTE = /^[a-z1][a-z0-9]{0,15}(?:[-_. ][a-z0-9]{1,15}){1,4}$/;

function isKeeperPointerNote(v: string): boolean {
  if (v.length > 60) return false;
  const lower = v.toLowerCase();
  if (!POINTER_NOTE.test(lower)) return false;
  const words = lower.split(/[-_. ]/);
  if (!POINTING_WORDS.has(words[0]!)) return false;
  return words.some((w) => KEEPER_WORDS.has(w)) && words.every((w) => POINTING_WORDS.has(w) || KEEPER_WORDS.has(w) || POINTER_FILLER_WORDS.has(w));
}

/** The words a note adds to the stand-in words when it says what the value is not for. */
const NOT_FOR_WORDS = new Set(['used', 'prod', 'production', 'live', 'jwt', 'api', 'session', 'webhook', 'signing', 'app']);

/**
 * Stand-in words written together in lower case (`localdev`, `devpassword`, `supersecret`, `testtoken`):
 * every piece is a stand-in word and one of them has four letters or more, so short words that happen to
 * join into another word (`the` + `me`) do not count. A single stand-in word is judged by the lists above.
 */
function isGluedStandIn(v: string): boolean {
  if (v.length < 6 || v.length > 24 || !/^[a-z]+$/.test(v) || STAND_IN_WORDS.has(v)) return false;
  // reach[i]: whether v.slice(0, i) splits into stand-in words, 2 when one of them has four letters or more.
  const reach = new Array<number>(v.length + 1).fill(0);
  reach[0] = 1;
  for (let i = 0; i < v.length; i++) {
    if (reach[i] === 0) continue;
    for (let j = i + 2; j <= Math.min(v.length, i + 11); j++) {
      if (STAND_IN_WORDS.has(v.slice(i, j))) reach[j] = Math.max(reach[j]!, j - i >= 4 ? 2 : reach[i]!);
    }
  }
  return reach[v.length] === 2;
}

/** The first word `isStandInPhrase` would split from `v`, in lower case ('' when none). */
function firstWord(v: string): string {
  const isSeparator = (i: number): boolean => {
    const c = v.charCodeAt(i);
    return c === 0x2d || c === 0x5f || c === 0x2e || (c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : /\s/.test(v.charAt(i)));
  };
  let i = 0;
  while (i < v.length && isSeparator(i)) i++;
  let j = i;
  while (j < v.length && !isSeparator(j) && !(j > i && isLowerCode(v.charCodeAt(j - 1)) && isUpperCode(v.charCodeAt(j)))) j++;
  return v.slice(i, j).toLowerCase();
}


function isDummyWithDigits(norm: string, stems: ReadonlySet<string> = DUMMY_STEMS): boolean {
  // A year appended is how real passwords get rotated (`Letmein2024`), not a stand-in.
  if (/(?:19|20)\d\d$/.test(norm) && !/\d(?:19|20)\d\d$/.test(norm)) return false;
  const stem = norm.replace(/\d{1,4}$/, '');
  if (stem === norm || !stems.has(stem)) return false;
  // Three digits or more that neither count nor repeat (`Password8267!`, `Letmein661!`) are how a
  // help desk makes a stem pass a complexity policy: a real initial password. Examples count (`password123`).
  const digits = norm.slice(stem.length);
  return digits.length < 3 || digits.charCodeAt(0) === 0x30 /* 0: a numbering, `test001` */ || isCountingRun(digits);
}

/** Six to twelve digits with a letter or two before or after them (`123123q`, `123456a`, `a111111`). */
const DIGITS_WITH_LETTERS = /^[A-Za-z]{0,2}(?<d>\d{6,12})[A-Za-z]{0,2}$/;

/**
 * What a test suite's database or admin password is typed as to pass a form's "a letter and a digit" check (Magento's
 * integration tests ship `123123q`; `123456a`, `a111111`): digits that count, repeat one or repeat a group of them,
 * with a letter or two. Judged so only in a test file: elsewhere it is a real, weak password.
 */
function isTypedDigitRun(v: string): boolean {
  const m = DIGITS_WITH_LETTERS.exec(v);
  if (m === null || m[0].length === m.groups!['d']!.length) return false;
  const digits = m.groups!['d']!;
  return isCountingRun(digits) || isRepeatedGroup(digits);
}

/** Digits that are one group typed again and again (`123123`, `121212`, `20242024`). */
function isRepeatedGroup(digits: string): boolean {
  for (let size = 1; size <= digits.length / 2; size++) {
    if (digits.length % size === 0 && digits.slice(0, size).repeat(digits.length / size) === digits) return true;
  }
  return false;
}

/** Digits that repeat one (`000`), or count up or down by one (`123`, `4321`): what a person types for "any number". */
function isCountingRun(digits: string): boolean {
  const step = digits.charCodeAt(1) - digits.charCodeAt(0);
  if (step < -1 || step > 1) return false;
  for (let i = 2; i < digits.length; i++) if (digits.charCodeAt(i) - digits.charCodeAt(i - 1) !== step) return false;
  return true;
}

/**
 * A key printed in groups of four capitals and digits (`HK4X-N4TI-CR9T-EKXI`: address-lookup and licensing
 * services issue them so, to be read out and typed): few letter/digit switches, yet generated. A digit, many
 * different characters and no alphabet or counting run (`ABCD-1234-EFGH-5678`) tell it from a stand-in.
 */
const GROUPED_KEY = /^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){2,5}$/;
function isGroupedKey(v: string): boolean {
  if (!GROUPED_KEY.test(v) || !/\d/.test(v)) return false;
  const groups = v.split('-');
  if (new Set(groups.join('')).size < 8) return false;
  return !groups.some((g) => g.charCodeAt(1) - g.charCodeAt(0) === 1 && g.charCodeAt(2) - g.charCodeAt(1) === 1 && g.charCodeAt(3) - g.charCodeAt(2) === 1);
}

const VENDOR_PREFIXED = /^[a-z]{2,10}_(?:[a-z]{2,8}_)?([A-Za-z0-9]{30,100})$/;

/**
 * A numeric literal in hex, maybe typed by C's suffixes (`0xce534351UL`). A quoted string of 32 hex digits or more after
 * its `0x` is no number a program computes with but a key written in hex: hCaptcha's secret keys are `0x` and 40 hex
 * (`'secret' => '0x…'`), a wallet's private key `0x` and 64.
 */
function isHexNumberLiteral(v: string, quoted: boolean): boolean {
  if (!HEX_NUMBER_LITERAL.test(v)) return false;
  return !(quoted && HEX_KEY_STRING.test(v) && !EVM_ADDRESS.test(v));
}
const HEX_NUMBER_LITERAL = /^0x[0-9a-f]+(?:u?l{0,2}|l{1,2}u)$/i;
const HEX_KEY_STRING = /^0x[0-9a-f]{32,}$/i;
/**
 * An Ethereum/EVM address: `0x` and 40 hex, in lower case or EIP-55's checksum of mixed case, public by design. An
 * hCaptcha secret has the same length but upper-case digits only, which a checksummed address never is.
 */
const EVM_ADDRESS = /^0x(?=[0-9A-F]{0,39}[a-f])[0-9a-fA-F]{40}$/;

/**
 * A random tail of a generated token: letters of both cases and three digits at least, and as many switches between
 * lower case, upper case and digits as drawn characters give (about six in ten), where a name in camel case has one a
 * word (`GetUserAccountByIdFromPrimaryDatabase2`: 16 in 38).
 */

export function isGeneratedTail(tail: string): boolean {
  if (!/[a-z]/.test(tail) || !/[A-Z]/.test(tail)) return false;
  let digits = 0;
  for (let i = 0; i < tail.length; i++) if (isDigitCode(tail.charCodeAt(i))) digits++;
  return digits >= 3 && characterSwitches(tail) >= tail.length * 0.45 && shannonEntropy(tail) >= 4.2;
}

/**
 * A vendor-style token (`acme_pat_…`, `rhq_reg_…`, `zq_…`): a short lower-case prefix, maybe a kind word, and a random tail
 * of 30 or more letters and digits. Split into words it can look like a name (`rhq`, `reg`, `12`, `eg`, `ojd` …); the tail says otherwise.
 */
export function isVendorPrefixedToken(value: string): boolean {
  const m = VENDOR_PREFIXED.exec(value);
  return m !== null && isGeneratedTail(m[1]!);
}

/** Count of letter↔digit and lower↔upper switches: generated values have many, words few. */
export function characterSwitches(value: string): number {
  let switches = 0;
  let previous = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const kind = c >= 48 && c <= 57 ? 1 : c >= 97 && c <= 122 ? 2 : c >= 65 && c <= 90 ? 3 : 0;
    if (kind !== 0 && previous !== 0 && kind !== previous) switches++;
    if (kind !== 0) previous = kind;
  }
  return switches;
}

/** Base64 of lower-case words joined by dashes, dots or underscores (`tidewater-ml-local`, `acme.staging`). */
function encodesWordLabel(value: string): boolean {
  return encodedWordLabel(value) !== undefined;
}

/** The label `value` encodes in base64 when it is one (see `encodesWordLabel`); else undefined. */
function encodedWordLabel(value: string): string | undefined {
  if (value.length < 12 || value.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const decoded = decodeBase64Once(value);
  return decoded !== undefined && WORD_LABEL.test(decoded) ? decoded : undefined;
}
const WORD_LABEL = /^[a-z]{2,24}(?:[-_.][a-z]{2,24}){1,7}$/;

/**
 * Base64 of a stand-in key written in words (`ZGV2LW9ubHktaG1hYy1rZXk=` is "dev-only-hmac-key", `bG9jYWwtZGV2LXNlY3JldA==`
 * "local-dev-secret"), as a Secret's `data` or a setting that a framework decodes wants it: lower-case words, one of them a
 * marker of a developer's or a template's value (`dev`, `local`, `test`, `example`, `insecure`, `changeme`…). Unencoded,
 * such words are no key (not random enough), and encoding them makes them no more of one; a key drawn as bytes never
 * decodes to words. Judged under a key's or a token's name only: a password of words may be someone's real one.
 */
export function encodesStandInWords(value: string): boolean {
  const label = encodedWordLabel(value);
  // Words joined by dots name a host or a setting (`pg-billing.billing.svc.cluster.local`), whose `local` is a domain's.
  return label !== undefined && !label.includes('.') && label.split(/[-_]/).some((w) => STAND_IN_MARKERS.has(w));
}

/** Base64 of readable text that is itself a stand-in (`ZHVtbXkgdGV4dA==` is "dummy text"). */
/** A version or a range of them as package managers write it: digits, dots, `x`/`*` wildcards and the operators `^ ~ < > = |`. */
const VERSION_RANGE = /^(?:[~^<>=]{1,2}[ \t]?|v)?\d{1,6}(?:\.(?:\d{1,6}|[xX*])){0,3}(?:[ \t]{0,3}(?:\|\||[<>]=?|-)?[ \t]{0,3}[~^]?\d{1,6}(?:\.(?:\d{1,6}|[xX*])){0,3}){0,3}$/;

/**
 * Base64 of DER that opens as a public structure: a SubjectPublicKeyInfo (`SEQUENCE { AlgorithmIdentifier, BIT STRING … }`)
 * or a certificate (`SEQUENCE { SEQUENCE { [0] version …`). A private key opens its SEQUENCE with an INTEGER (PKCS #1,
 * PKCS #8, SEC 1), and an encrypted one follows its AlgorithmIdentifier with an OCTET STRING, not a BIT STRING.
 */
function isPublicKeyDer(value: string): boolean {
  if (value.length < 40 || value.charCodeAt(0) !== 0x4d /* M */) return false;
  const der = decodeBase64(value.slice(0, 64));
  if (der === undefined || der.charCodeAt(0) !== 0x30) return false;
  // The outer length: short form, or long form in one or two bytes.
  const first = der.charCodeAt(1);
  const inner = first < 0x80 ? 2 : first === 0x81 ? 3 : first === 0x82 ? 4 : -1;
  if (inner < 0 || der.charCodeAt(inner) !== 0x30) return false;
  const innerLength = der.charCodeAt(inner + 1);
  // A certificate's to-be-signed part opens with its explicit version tag.
  if (innerLength >= 0x80) return der.charCodeAt(inner + 2 + (innerLength - 0x80)) === 0xa0;
  return der.charCodeAt(inner + 2 + innerLength) === 0x03;
}

/**
 * A Web Push (VAPID) public key, `applicationServerKey` or Firebase's `vapidKey` (`BM4f9Qx2…`): an uncompressed P-256
 * point, 65 bytes opening with 0x04, as unpadded base64url (87 characters from `B`) or padded base64. Browsers are given
 * it to subscribe; its private key is 32 bytes (43 characters), so nothing of this length is one.
 */
const WEB_PUSH_PUBLIC_KEY = /^B[A-Za-z0-9_-]{86}$|^B[A-Za-z0-9+/]{86}=$/;

/**
 * A format's fields as the whole value (`{project_id}`), or a path whose segments they fill (`users/{userKey}/tokens/{clientId}`,
 * `/v1/{name=projects/*}`): what `str.format`, URI templates and route tables substitute, not a value.
 */
const FORMAT_PLACEHOLDER = /^\{[A-Za-z_][\w.]{0,60}\}$|^\/?(?:[\w.-]{1,40}\/){0,6}\{[A-Za-z_][\w.=*/-]{0,60}\}(?:\/[\w.{}=*-]{1,60}){0,6}$/;

/** Whether half or more of a list's items are blanks or short plain words: a list of words or lexical tokens, not of secrets. */
export function isListOfWords(values: readonly string[]): boolean {
  let words = 0;
  for (const value of values) if (/^(?:\s{0,4}|[A-Za-z]{1,6})$/.test(value)) words++;
  return values.length >= 3 && words * 2 >= values.length;
}

/** A character encoding or a binary-to-text encoding by its name. */
const ENCODING_NAME = /^(?:utf-?(?:8|16(?:le|be)?|32)|ucs-?2|latin-?1|binary|ascii|base64(?:url)?|base32|hex|iso-8859-\d{1,2}|cp125\d|windows-125\d)$/i;
/** A prompt: words, then the colon before the answer (`Current password: `, `       Again:     `, judged trimmed). */
const PROMPT = /^[A-Za-z][A-Za-z '’()-]{0,60}:$/;

/** Names and numbers with C's integer suffixes, comma-separated: a macro's expansion, not a value (`OBJ_ISO_US,113533L,7L,66L,13L`). */
const C_MACRO_LIST = /^[A-Za-z_]\w{0,60}(?:,[ \t]?(?:\d{1,12}[uUlL]{1,3}|[A-Za-z_]\w{0,60})){1,12}$/;

/**
 * A string written as `\xHH` escapes that spell plain words (TLS's label constants, `"\x63\x6c\x69\x65\x6e\x74\x20…"` for
 * "client write key"): text, where a key's bytes would fall outside letters and spaces.
 */
function isHexEscapedText(value: string): boolean {
  if (value.length < 16 || !/^(?:\\x[0-9a-fA-F]{2}){4,}$/.test(value)) return false;
  let text = '';
  for (let i = 0; i < value.length; i += 4) text += String.fromCharCode(parseInt(value.slice(i + 2, i + 4), 16));
  return /^[a-z]{2,20}(?: [a-z]{2,20}){0,6}$/i.test(text);
}

/** `decodeBase64`, remembering the last value: `isPlausibleSecret` asks for the same value's decoding several times over. */
let lastDecodedValue: string | undefined;
let lastDecoded: string | undefined;
function decodeBase64Once(value: string): string | undefined {
  if (value !== lastDecodedValue) {
    lastDecoded = decodeBase64(value);
    lastDecodedValue = value;
  }
  return lastDecoded;
}

function encodesPlaceholderText(value: string): boolean {
  if (value.length < 12 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]{8,}={0,2}$/.test(value)) return false;
  const decoded = decodeBase64Once(value);
  if (decoded === undefined || !/^[\x20-\x7e\n]{4,}$/.test(decoded)) return false;
  return isPlaceholder(decoded) || /^[A-Za-z]{1,20}(?: [A-Za-z]{1,20}){2,}\n?$/.test(decoded) || encodesStandInPair(decoded) || encodesLoginWithoutPassword(decoded);
}

/**
 * Base64 of plain words that say the value is a test's or a stand-in (`dW5pdC10ZXN0LXNlY3JldC1kby1ub3QtdXNl` is
 * "unit-test-secret-do-not-use"): a key's bytes never decode to words. In a test file one word saying test, mock,
 * fake or dummy is enough, as for the words unencoded (`isTestNamedWords`); elsewhere the words must also say `not`
 * (`fake-key-not-real`), since words alone may be a real passphrase encoded (a Kubernetes secret's `data`).
 */
function encodesTestNote(value: string, file: string | undefined): boolean {
  if (value.length < 12 || value.length > 200 || !/^[A-Za-z0-9+/]{8,}={0,2}$/.test(value)) return false;
  const decoded = decodeBase64Once(value);
  if (decoded === undefined || !LETTER_WORDS.test(decoded)) return false;
  const words = decoded.toLowerCase().split(/[-_.]/);
  return words.some((w) => TEST_NOTE_WORDS.has(w)) && (isTestFile(file) || words.includes('not'));
}

/**
 * Basic credentials whose password is empty and whose user is no secret either: the nil UUID that Azure Container
 * Registry's token login takes as its user (`00000000-0000-0000-0000-000000000000:`, the identity token beside it being
 * the credential), a stand-in, or a plain login name. A key given as the user (Stripe's `sk_live_…:`) is still a secret.
 */
function encodesLoginWithoutPassword(decoded: string): boolean {
  if (decoded.indexOf(':') !== decoded.length - 1) return false;
  const user = decoded.slice(0, -1);
  return NIL_UUID.test(user) || isPlaceholder(user) || /^[a-z]{2,24}(?:[-_.][a-z]{2,24}){0,5}$/.test(user);
}

const NIL_UUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** `username:password`, `admin:changeme`: Basic credentials as documentation writes them, a stand-in once encoded too. */
function encodesStandInPair(decoded: string): boolean {
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 && /^[\w.@-]{1,64}$/.test(decoded.slice(0, colon)) && isPlaceholder(decoded.slice(colon + 1));
}

// A lone digit is a word too: diceware-style phrases often carry one (`ferry Lark 7 ember`); so is an ampersand or a plus
// that joins two of them, as people write a pair of things (`Madeleine & Earl Grey 1986`).
const PASSPHRASE = /^(?:[A-Za-z0-9'!.,-]{2,30}|\d)(?: (?:[A-Za-z0-9'!.,-]{2,30}|\d|[&+])){2,9}$/;
const PASSPHRASE_STOP_WORDS = /\b(?:your|my|enter|here|the passphrase|passphrase|password|secret|example|sample|goes|type|set|use|not|required|optional)\b/i;

/** Diceware-style passphrases (`correct horse battery staple`) under a passphrase key, quoted. */
function isWordPassphrase(v: string, ctx: ValueContext): boolean {
  return ctx.passphrase === true && ctx.quoted && PASSPHRASE.test(v) && !PASSPHRASE_STOP_WORDS.test(v);
}

/**
 * Printf/format specifiers and positional fields joined by punctuation and escaped line breaks or tabs (`%s:%s`, `%s\n`):
 * a template filled at run time.
 */
function isFormatTemplate(v: string): boolean {
  const rest = v.replace(/%[-+ #0]?\d{0,3}(?:\.\d{1,3})?[sdifrxXqv@]|\{\d{0,2}\}/g, '');
  return rest.length < v.length && !/[A-Za-z0-9]/.test(rest.replace(/\\[nrt]/g, ''));
}

/**
 * A key drawn from all of printable ASCII, the space included (WordPress's `AUTH_KEY` and salts,
 * generated keys of other PHP apps): long, dense with many different symbols, near the most
 * entropy its length allows, and only a rare single space. Prose and commands have words between
 * their spaces and far fewer kinds of symbol.
 */
function isGeneratedPrintable(v: string): boolean {
  if (v.length < 40 || /[^\x20-\x7e]|  /.test(v)) return false;
  const spaces = v.split(' ').length - 1;
  if (spaces * 16 > v.length) return false;
  const symbols = new Set<string>();
  for (const ch of v) if (!/[A-Za-z0-9 ]/.test(ch)) symbols.add(ch);
  return symbols.size >= 8 && shannonEntropy(v) >= 5;
}

/**
 * Letters only, but generated rather than written: a token drawn from [A-Za-z] (a Logz.io
 * shipping token, some vendors' API keys) switches case about every other letter and never
 * runs long in one case, where a camelCase name (`ThisIsTheConfigurationForTheApp`) has
 * words: runs of lower-case letters between its capitals.
 */
function isRandomlyCasedLetters(v: string): boolean {
  // Sixteen letters at least (a webhook's signing secret, a short API key): a name or a word of that length has runs
  // of small letters a random draw rarely gives, and too few distinct letters to reach the entropy asked below.
  if (v.length < 16) return false;
  let run = 0;
  let longestLower = 0;
  let capitalRuns = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isLowerCode(c) && !isUpperCode(c)) return false;
    run = i > 0 && isLowerCode(c) === isLowerCode(v.charCodeAt(i - 1)) ? run + 1 : 1;
    // Capitals run long only in acronyms.
    if (isUpperCode(c) && run > 7) return false;
    if (isLowerCode(c)) longestLower = Math.max(longestLower, run);
    else if (run === 2) capitalRuns++;
  }
  // Sixteen random letters of 52 hold about 3.7 bits each (repeats are likely), twenty or more about 4.
  if (shannonEntropy(v) < (v.length < 20 ? 3.5 : 4)) return false;
  // Words are runs of small letters, and a random token of 32 letters holds a run of six of either case about as often as
  // not (Logz.io's tokens are such letters).
  if (longestLower <= 5 && characterSwitches(v) * 20 >= v.length * 9) return true;
  // A longer draw now and then runs to eight small letters (`…Ggtwqzkbh…`); what a name never holds is capitals side by
  // side all through it (`…TfQZkRMxpWF…`), which a camelCase name keeps for an acronym or two.
  return v.length >= 24 && longestLower <= 9 && capitalRuns >= 4 && characterSwitches(v) * 5 >= v.length * 2;
}

/**
 * Sixteen to forty letters of both cases that no name is written with (`xJLktdxfHLfzonuw`): few vowels among the small
 * letters (words hold about two in five, a random draw one in five; three in ten at most, as a draw of fifteen small
 * letters holds four often enough) at a random draw's entropy. (A camelCase name of
 * whole words never reaches here: see `CAMEL_WORDS`.)
 */
function isVowelPoorLetters(v: string): boolean {
  if (v.length < 16 || v.length > 40) return false;
  // Capitals run long only in acronyms, and words in capitals.
  const counts = countLetters(v, 7);
  if (counts === undefined) return false;
  const { lower, upper, vowels } = counts;
  return lower >= 8 && upper >= 3 && vowels * 10 <= lower * 3 && characterSwitches(v) >= 4 && shannonEntropy(v) >= 3.5;
}
/**
 * Sixteen to forty letters of both cases drawn at random, too short or too evenly cased for `isRandomlyCasedLetters`
 * (a betting exchange's application key `ioOZiPMSLHiJKXbj`): small letters in runs of three at most, where every
 * word of a name runs longer; capitals side by side at least twice, which a camelCase name keeps for an acronym; and
 * few capitals that open a run of small letters (`Get`, `Host`, `Name`): an identifier with acronyms
 * (`LLVMGetHostCPUName`, `xmlSecOpenSSLAppKeyLoadBIO`) is made of those. Only under a name that says plainly it holds a key.
 */
function isShortLetterDraw(v: string): boolean {
  if (v.length < 16 || v.length > 40) return false;
  let lower = 0;
  let upper = 0;
  let lowerRun = 0;
  let upperRun = 0;
  let capitalPairs = 0;
  let switches = 0;
  let titleWords = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isLowerCode(c)) {
      if (upperRun > 0) switches++;
      if (++lowerRun > 3) return false;
      // A capital that two small letters follow opens a word (`Get` of `LLVMGetHostCPUName`).
      if (lowerRun === 2 && i >= 2 && isUpperCode(v.charCodeAt(i - 2))) titleWords++;
      upperRun = 0;
      lower++;
    } else if (isUpperCode(c)) {
      if (lowerRun > 0) switches++;
      // Capitals run long only in acronyms and words in capitals.
      if (++upperRun > 6) return false;
      if (upperRun === 2) capitalPairs++;
      lowerRun = 0;
      upper++;
    } else return false;
  }
  return lower >= 4 && upper >= 4 && capitalPairs >= 2 && switches >= 4 && titleWords * 8 <= v.length && shannonEntropy(v) >= 3.5;
}
const LOWER_VOWELS = 'aeiouy';

/**
 * Sixteen to forty small letters drawn at random (`qzvhkbtmrwxeplsd`), as Google shows an app password (its four groups
 * run together) and some APIs issue a key: words, and names of words run together, hold a vowel in every two or three
 * letters and rarely four consonants in a row; a draw from 26 letters holds a vowel (a, e, i, o, u) in about every five
 * and long consonant runs. So: at most one in four a vowel, a run of six consonants or more, and a draw's entropy.
 */
function isDrawnSmallLetters(v: string): boolean {
  if (v.length < 16 || v.length > 40) return false;
  let vowels = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isLowerCode(c)) return false;
    if ('aeiou'.includes(v[i]!)) {
      vowels++;
      run = 0;
    } else longestRun = Math.max(longestRun, ++run);
  }
  return vowels * 4 <= v.length && longestRun >= 6 && shannonEntropy(v) >= 3.4;
}

/**
 * The small letters, capitals and small vowels of a run of letters; undefined when it holds anything but letters or
 * more than `maxCapitalRun` capitals in a row.
 */
function countLetters(v: string, maxCapitalRun: number): { lower: number; upper: number; vowels: number } | undefined {
  let lower = 0;
  let upper = 0;
  let vowels = 0;
  let capitalRun = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isLowerCode(c)) {
      lower++;
      capitalRun = 0;
      if (LOWER_VOWELS.includes(v[i]!)) vowels++;
    } else if (isUpperCode(c)) {
      upper++;
      if (++capitalRun > maxCapitalRun) return undefined;
    } else return undefined;
  }
  return { lower, upper, vowels };
}

/**
 * Letters drawn at random that happen to fall as capital-then-small runs (`QopXbkmdZwCsUxKt` reads as camelCase): most of
 * its "words" hold no vowel, where a name's words are spoken ones with an abbreviation or two (`XmlHttpRequest`). Judged
 * with `isVowelPoorLetters`, so a name of whole words never passes.
 */
function isUnspokenCamel(v: string): boolean {
  if (!isVowelPoorLetters(v)) return false;
  let words = 0;
  let unspoken = 0;
  let vowel = false;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 0x41;
    if (i > 0 && isUpperCode(c)) {
      words++;
      if (!vowel) unspoken++;
      vowel = false;
    }
    if (i < v.length && 'aeiouyAEIOUY'.includes(v[i]!)) vowel = true;
  }
  return words >= 4 && unspoken * 2 > words;
}

/**
 * Eight to fifteen letters drawn at random from both cases (`qXvTmRbKwZ`), as some APIs issue a short client secret:
 * too short for the checks above, so judged by what only a draw does at that length: the case switches on most letters
 * (a camelCase name switches once a word), no capitals run past three, and few vowels among the small letters. Only for
 * a name that says plainly it holds a secret (see `generic-assignment`), never on its own.
 */
export function isShortRandomLetters(v: string): boolean {
  if (v.length < 8 || v.length > 15 || !/^[A-Za-z]+$/.test(v) || CAMEL_WORDS.test(v)) return false;
  const counts = countLetters(v, 3);
  if (counts === undefined) return false;
  const { lower, upper, vowels } = counts;
  return lower >= 3 && upper >= 3 && vowels * 3 <= lower && characterSwitches(v) * 10 >= v.length * 6 && shannonEntropy(v) >= 2.9;
}

/** All four classes of a password policy, a word's worth of letters and no blank: `Winter!2015`, `Password3647$`. */
function isPolicyPassword(v: string): boolean {
  return /[A-Z]/.test(v) && /[a-z]{3}/.test(v) && /\d/.test(v) && /[^A-Za-z0-9]/.test(v) && !/\s/.test(v);
}

/** A secret store's id for a value kept on its server: TeamCity's `credentialsJSON:` and a UUID. */
const SECRET_STORE_ID = /^credentialsJSON:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Six groups of four letters and digits, as WordPress shows an application password once (`Xk2P mq7R …`). */
const APPLICATION_PASSWORD = /^[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}$/;
/** A group that a word would not hold: a digit, or a capital after its first letter (`feMK`, `gy7Q`). */
const GENERATED_GROUP = /\d|[A-Za-z][A-Z]/;

/**
 * A WordPress application password (24 random letters and digits shown in six groups of four, used with Basic
 * auth: `curl -u "bot:…"`, `auth=("bot", "…")`): groups of random characters, told from six words by a digit
 * or a capital inside a group.
 */
export function isApplicationPassword(value: string): boolean {
  return APPLICATION_PASSWORD.test(value) && GENERATED_GROUP.test(value);
}

/**
 * A duration written as Ruby's ActiveSupport writes it (`6.hours`, `30.minutes`, `1.day`, `2.weeks.from_now`): a
 * setting's lifetime or timeout (`PASSWORD_RESET_WITHIN=6.hours`), not a secret.
 */
const RUBY_DURATION = /^\d{1,6}(?:\.\d{1,3})?\.(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?)(?:\.(?:ago|from_now|since|after|before|to_i|in_seconds))?$/;
/** Whether `value` is a duration as Ruby's ActiveSupport writes it (see `RUBY_DURATION`). */
export function isRubyDuration(value: string): boolean {
  return RUBY_DURATION.test(value);
}

/**
 * A name scoped by `::` three parts deep or more: a CloudFormation resource type (`AWS::CloudFormation::Module`,
 * `AWS::RDS::DBCluster`), a C++, Perl or Rust path (`std::env::var`). Code and schema names, not values.
 */
const SCOPED_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,60}(?:::[A-Za-z_][A-Za-z0-9_]{0,60}){2,8}$/;

/** A file holding a key or a certificate, named where a key goes (`key='param:secp384r1.pem'`, `ssl_key = "server.key"`). */
const KEY_FILE_NAME = /^(?:[a-z]{2,10}:)?[\w.\/-]{1,200}\.(?:pem|key|crt|cer|der|csr|p12|pfx|jks|keystore|truststore)$/i;

/**
 * An AWS Signature Version 4 credential scope (`Credential=AKID/20220524/us-east-1/cognito-idp/aws4_request`): the key's
 * id, the day, the region and the service, sent in the clear with every signed request. The id, if real, is the
 * access-key rules' to report.
 */
const SIGV4_SCOPE = /^[A-Za-z0-9_-]{1,128}\/\d{8}\/[a-z0-9-]{2,30}\/[a-z0-9-]{2,40}\/aws4_request$/;

/**
 * Words, acronyms and algorithm names joined by colons, four or more (`joserfc:OKP:PBKDF2:Ed25519`): a label that keeps
 * one derivation apart from another (a KDF's salt or info string, a context's name), written in the open in the code.
 */
const COLON_LABEL_PART = '(?:[a-z]{2,20}|[A-Z]{2,10}\\d{0,4}|[A-Z][a-z]{1,20}\\d{0,6})';
const COLON_LABEL = new RegExp(`^${COLON_LABEL_PART}(?::${COLON_LABEL_PART}){3,8}$`);

/** The Enter key sent after a password typed to a prompt (`'secret\\n'` in an expect script): no part of the password. */
const TYPED_ENTER = /(?:\\{1,2}[rn]){1,2}$/;

/** A call with no arguments written as text (`"runf()"`, a test's line of code to run): code, quoted or not. */
const EMPTY_CALL = /^[A-Za-z_$][\w$.]{0,60}\(\)$/;

/** Command-line options listed with commas (`-quiet,-verbose,-fix,-f77,-h` in a usage text): a tool's switches. */
const OPTION_LIST = /^-{1,2}[A-Za-z][\w-]{0,30}(?:,[ \t]?-{1,2}[A-Za-z0-9][\w-]{0,30}){2,40}$/;

/**
 * Small-letter words joined by `*`, a glob's "anything" (`all*authentication*tokens*updated*successfully`, a chat
 * script's expected reply where `*` stands for the spaces): a pattern matching a message.
 */
const GLOBBED_WORDS = /^\*?[a-z]{2,20}(?:\*[a-z]{2,20}){2,12}\*?$/;

/**
 * Words joined as a path, maybe from the root or to a folder, through `.` and `..` (a zone's file
 * `../zoneinfo/America/Los_Angeles`, `America/./Los_Angeles`, `/America/Los_Angeles`): a reference, no key.
 */
const WORD_PATH_SEGMENTS = /^(?:\.{1,2}\/|\/)?(?:[A-Z]?[a-z]{1,20}(?:_[A-Z]?[a-z]{1,20}){0,3}|\.{1,2})(?:\/(?:[A-Z]?[a-z]{1,20}(?:_[A-Z]?[a-z]{1,20}){0,3}|\.{1,2})){1,10}\/?$/;

/** `\xHH`, `\uHHHH`, `\0`, `\n` and the like, and XML's `&lt;`, `&#229;`: each stands for one character. */
const ESCAPE_OR_ENTITY = /\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[0-7]{1,3}|[abfnrtv\\'"])|&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g;

/**
 * How many characters a value written with escapes or entities stands for (`'\xe5\xf6\xf6&lt;&gt;'` is five,
 * `'a\x00b'` three): a value is judged long enough by what it holds, not by how it is spelt.
 */
function writtenLength(v: string): number {
  if (!v.includes('\\') && !v.includes('&')) return v.length;
  return v.replace(ESCAPE_OR_ENTITY, '.').length;
}

/**
 * Digits and letters taking turns, each counting up on its own (`1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`, `a1b2c3d4e5f6`):
 * an id or a token filled in by hand, as a counting run is (see `hasCountingRun`).
 */
export function isInterleavedCounting(value: string): boolean {
  const v = value.replace(/-/g, '').toLowerCase();
  if (v.length < 12 || !/^(?:[0-9][a-z]|[a-z][0-9])+[0-9a-z]?$/.test(v)) return false;
  for (let i = 2; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const p = v.charCodeAt(i - 2);
    const digit = c <= 0x39;
    const next = digit ? (p === 0x39 ? 0x30 : p + 1) : p + 1;
    // Letters wrap after `f` (hex) or `z`.
    if (c !== next && !(!digit && c === 0x61 && (p === 0x66 || p === 0x7a))) return false;
  }
  return true;
}

/** One character repeated (eight times or more), maybe after a short scheme prefix (`base64:`, `hex:`) and with base64's padding. */
const ONE_CHARACTER_ENCODED = /^[A-Za-z][\w-]{0,15}:(.)\1{7,1000}={0,2}$|^([A-Za-z0-9])\2{7,1000}={1,2}$/;

/** Returns true when `value` looks like a real secret for a key of the given kind. */
export function isPlausibleSecret(value: string, ctx: ValueContext): boolean {
  const v = value.trim();
  if (v.length < 4 || v.length > 1000) return false;
  if (TYPED_ENTER.test(v)) return isPlausibleSecret(v.replace(TYPED_ENTER, ''), ctx);
  if (SIGV4_SCOPE.test(v)) return false;
  // Long enough by what it stands for (never more than its length): `\xe5\xf6\xf6` is three characters.
  if (writtenLength(v) < (ctx.category === 'PASS' ? 4 : ctx.weakKey ? 16 : 10)) return false;
  if (SCOPED_NAME.test(v) || OPTION_LIST.test(v) || GLOBBED_WORDS.test(v) || EMPTY_CALL.test(v) || isInterleavedCounting(v)) return false;
  // Dense random printable text (WordPress's keys) may hold spaces and template-like symbols by chance.
  const generated = isGeneratedPrintable(v);
  if (hasPlaceholderMarker(v, generated)) return false;
  // The first characters shown and the rest masked (`sk_live_51Hq***`, a scanner's or a dashboard's listing): what stays is no secret.
  if (MASKED_TAIL.test(v)) return false;
  // A generated key may start with `$` and a letter by chance (`$ew]0?.=F!4G…`, a WordPress salt): a lookup is a name.
  if ((!generated && TEMPLATE_START.test(v)) || isEnvironmentLookup(v) || TERRAFORM_REFERENCE.test(v)) return false;
  // TeamCity's Kotlin DSL stores a secure value on the server and writes only its id (`password("env.X", "credentialsJSON:<uuid>")`).
  if (SECRET_STORE_ID.test(v)) return false;
  // An emulator's fixed key: the rules that report the whole connection string around it judge it here.
  if (isPublishedSample(v)) return false;
  if (v.charCodeAt(0) === 0x5b /* [ */ && ARM_EXPRESSION.test(v)) return false;
  if (SCHEME_URL.test(v) || PATH_LIKE.test(v) || WORD_PATH.test(v)) return false;
  if (v.charCodeAt(0) === 0x40 /* @ */ && FILE_REFERENCE.test(v)) return false;
  if (INTEGRITY.test(v)) return false;
  // The machine itself, maybe with a port (`localhost:22`, `127.0.0.1`): a host put where a value was meant, never a secret.
  if (LOOPBACK_HOST.test(v)) return false;
  if (PASSWORD_HASH.test(v) || SCRAM_VERIFIER.test(v)) return false;
  if (COLON_HEX_FINGERPRINT.test(v)) return false;
  if (PUBLIC_KEY.test(v) || PAYMENT_OBJECT_ID.test(v)) return false;
  if (REVERSE_DNS.test(v) || isTranslatedLabel(v, ctx.file)) return false;
  if (!ctx.quoted && (POWERSHELL_CMDLET.test(v) || POWERSHELL_OPERATOR.test(v))) return false;
  if (ALGORITHM_NAME.test(v)) return false;
  if (/abcdefghijklmnopqrstuvwxyz|0123456789abcdef/i.test(v)) return false; // a character set or a counting dummy (`0123456789ABCDEF…`), not a value
  if (/^(.)\1*$/.test(v)) return false;
  // One character repeated after a scheme's prefix and before base64's padding (Laravel's `base64:AAAA…A=`, the
  // encoding of zero bytes that a test configuration puts where the application key goes): a stand-in.
  if (ONE_CHARACTER_ENCODED.test(v)) return false;
  if (UUE_LINE.test(v)) return false;
  if (encodesPlaceholderText(v) || encodesTestNote(v, ctx.file) || (ctx.category !== 'PASS' && encodesStandInWords(v))) return false;
  if (/^[\d\s.,:+-]+$/.test(v)) return false; // numbers, ports, dates, versions
  if (FORMAT_PLACEHOLDER.test(v)) return false; // `project_id: "{project_id}"`, `users/{userKey}/tokens/{clientId}`: fields a format fills
  if (WEB_PUSH_PUBLIC_KEY.test(v)) return false;
  if (isPublicKeyDer(v)) return false; // a public key or a certificate as base64 DER (npm's registry signing keys, `MFkwEwYHKoZIzj0…`)
  if (VERSION_RANGE.test(v)) return false;
  if (ENCODING_NAME.test(v)) return false; // `Buffer.from(password, 'utf8')`: a character encoding's name
  if (PROMPT.test(v)) return false; // `readUserInfo.password('Current password: ')`: the question asked for it // a dependency's version range (`"minipass": "^7.1.3"`, `~1.2.4`, `>=4.0.1 <5`)
  if (isFormatTemplate(v)) return false; // `%s:%s`, `{}-{}`
  if (/^\{[A-Za-z0-9+/]{16,}={0,2}\}$/.test(v)) return false; // encrypted by Jenkins or Maven (`{AQAAABAAAAAQ…}`)
  if (KMS_CIPHERTEXT.test(v)) return false; // sealed by AWS KMS (a wrapped data key, `aws kms encrypt`'s output): only the KMS key opens it
  if (AWS_TRANSFER_HANDLE.test(v)) return false;
  if (isHexNumberLiteral(v, ctx.quoted)) return false;
  if (isHexEscapedText(v)) return false; // `"\x6d\x61\x73\x74\x65\x72\x20\x73\x65\x63\x72\x65\x74"`: the words "master secret"
  if (/^(?:\d{1,5}(?:[smhd]|ms|kb|mb|gb))$/i.test(v)) return false; // durations and sizes
  if (RUBY_DURATION.test(v)) return false;
  if (isRegexSyntax(v)) return false;
  if (v.charCodeAt(0) === 0x5c /* \ */ && REGEX_CLASS_ESCAPES.test(v)) return false;
  if (SECRET_ELEMENT_NAME.test(v)) return false;
  if (ctx.category !== 'PASS' && (NAMESPACED_WORDS.test(v) || KEY_FILE_NAME.test(v) || COLON_LABEL.test(v) || (CAMEL_WORDS.test(v) && !isUnspokenCamel(v)) || FILE_NAME.test(v) || DOTTED_NAME.test(v))) return false;
  if (INTERPOLATED_CALL.test(v)) return false;

  const norm = normalise(v);
  if (norm.length === 0) return false;
  if (DUMMY_VALUES.has(norm) || EXACT_DEFAULT_VALUES.has(v)) return false;
  if (isStandInPhrase(v) || isGluedStandIn(v)) return false; // `please-change-this`, `SET_IN_ENV`, `localdev`
  if (isNoAuthNote(v)) return false; // `mailhog-no-auth`, `not-required`: the service asks for no secret
  if (isKeeperPointerNote(v)) return false; // `see-vault`, `from-1password`, `ask-netops`: where the value is kept, not the value
  if (isDummyWithDigits(norm)) return false; // password123, changeme1
  // A test suite's stand-ins: the kind of value it asserts on, numbered (`{ password: 'secret123' }`, `token: 'token2'`), or
  // one lower-case word (`password: "peanuts"`, `confirmPassword: "different"`). Only in tests: elsewhere `user:secret123@host`
  // or `password = sunshine` is as likely a real, weak password.
  if (isTestFile(ctx.file) && (isDummyWithDigits(norm, TEST_STEMS) || /^[a-z]{3,12}$/.test(v) || isTestNamedWords(v) || isTypedDigitRun(v))) return false;

  // References to other code: calls, member access, indexing, bare identifiers in code.
  // A stored LDAP password (`{SSHA}…`) opens with its scheme in braces: a value, not code.
  if (!ctx.quoted && !(v.charCodeAt(0) === 0x7b /* { */ && STORED_PASSWORD_SCHEME.test(v))) {
    if (YAML_REFERENCE_TAG.test(v)) return false; // `Password: !Ref DbPassword`
    // Only escapes and punctuation (`\")\n` after `getpass(\"Password: ` in a notebook's JSON): the end of a string the name sat in.
    if (v.includes('\\') && !/[A-Za-z0-9]/.test(v.replace(/\\./g, ''))) return false;
    if (/[([{]/.test(v)) return false;
    // In program source a bare value with brackets is code: `(cachedToken: CachedToken)`.
    if (isCodeFile(ctx.file) && /[)\]}:]/.test(v)) return false;
    if (MEMBER_ACCESS.test(v) && !(ctx.category === 'PASS' && !isCodeFile(ctx.file) && (COMPOSED_PASSWORD.test(v) || (!ctx.weakKey && (isGeneratedDotted(v) || isDottedWordsPassword(v)))))) return false;
    if (HCL_REFERENCE.test(v)) return false;
    if (isCodeFile(ctx.file) && (CODE_MEMBER_ACCESS.test(v) || CODE_EXPRESSION.test(v) || (CODE_TYPE_NAME.test(v) && isNameShaped(v)))) return false;
    if (v.includes('!') && ctx.file !== undefined && NON_NULL_ASSERTION_FILE.test(ctx.file) && ASSERTED_MEMBER_ACCESS.test(v)) return false;
    if (IDENTIFIER.test(v) && isCodeFile(ctx.file)) return false;
    // A C macro's body listing names and typed numbers (OpenSSL's `#define OBJ_pkcs9_challengePassword OBJ_pkcs9,7L`).
    if (isCodeFile(ctx.file) && C_MACRO_LIST.test(v)) return false;
  }
  // A run of words under a passphrase's name is the secret itself, whatever the key's kind.
  if (/\s/.test(v) && isWordPassphrase(v, ctx)) return true;
  if (ctx.category === 'PASS' && isApplicationPassword(v)) return true;
  if (/\s/.test(v) && !generated) {
    // Prose and messages, not secrets; a passphrase of words is rare next to these.
    const spaces = v.split(/\s+/).length - 1;
    if (spaces >= 2 || ctx.category !== 'PASS') return false;
    if (WORDS_ONLY.test(v)) return false;
  }

  if (ctx.category === 'PASS' && !ctx.weakKey) {
    // A password may be a plain word; what is left are obvious non-values.
    if (UUID.test(v)) return true;
    if (/^[a-z]{1,5}$/.test(v)) return false; // a short lower-case word
    return true;
  }

  // Keys, tokens, other credentials: generated values, so demand some randomness.
  const minLength = ctx.weakKey ? 16 : 10;
  if (v.length < minLength) return false;
  // Small letters alone drawn at random (a Google app password, astrometry.net's API key): only where the name says plainly it holds a key.
  if (!ctx.weakKey && isDrawnSmallLetters(v)) return true;
  if (WORDS_ONLY.test(v) && !isRandomlyCasedLetters(v) && !(!ctx.weakKey && (isVowelPoorLetters(v) || isShortLetterDraw(v)))) return false;
  // Under a key's name, words joined by slashes are a reference (a zone, a path), no key.
  if (v.includes('/') && (ZONE_OR_WORD_PATH.test(v) || WORD_PATH_SEGMENTS.test(v))) return false;
  if (VERSION.test(v) && /[A-Za-z]{3}/.test(v)) return false; // `io.jsonwebtoken:jjwt-jackson-0.11.2`
  if (!ctx.weakKey && isGroupedKey(v)) return true;
  // Capitals, small letters, digits and a symbol: a password written to a complexity policy (a RADIUS client's
  // `secret = "Password3647$"`), which a person keys in under `secret` as often as under `password`.
  if (!ctx.weakKey && isPolicyPassword(v)) return true;
  if (characterSwitches(v) < (ctx.weakKey ? 4 : 3)) return false;
  const entropy = shannonEntropy(v);
  if (entropy < (ctx.weakKey ? 3.2 : 2.6)) return false;
  if (ctx.weakKey && HEX.test(v) && [32, 40, 64, 128].includes(v.length) === false && v.length < 20) return false;
  // Under a bare `salt`, `seed` or `key` the value must be strong on its own: base64 of lower-case words joined by
  // dashes (`dGlkZXdhdGVyLW1sLWxvY2Fs` is "tidewater-ml-local") is a label, however random its encoding looks.
  if (ctx.weakKey && encodesWordLabel(v)) return false;
  const classes = Number(/[a-z]/.test(v)) + Number(/[A-Z]/.test(v)) + Number(/\d/.test(v)) + Number(/[^A-Za-z0-9]/.test(v));
  if (classes < 2) return false;
  return true;
}

/** A Wi-Fi security mode or cipher, which notes give as a network's "key" as often as the key itself (`key \`WPA2-PSK\``). */
const WIFI_SECURITY_MODE = /^(?:wpa|wep|wps|psk|sae|aes|tkip|ccmp|802\.1x|eap)/i;
export function isWifiSecurityMode(value: string): boolean {
  return WIFI_SECURITY_MODE.test(value);
}

/** A value judged as a password where it stands: the check most password rules end with (`password-shaped enough, not a stand-in`). */
export function isPlausiblePassword(value: string, file?: string): boolean {
  return isPlausibleSecret(value, { category: 'PASS', quoted: true, ...(file === undefined ? {} : { file }) });
}

/** Printable ASCII without space: what a password typed or generated for a login is made of. */
const PRINTABLE_NO_SPACE = /^[\x21-\x7e]{12,200}$/;

/** Whether base64 text decodes to `user:password` (Docker's and npm's `_auth`, a `Basic` header's credential), the password no stand-in. */
export function decodesToUserPassword(value: string): boolean {
  const decoded = decodeBase64(value);
  if (decoded === undefined) return false;
  const colon = decoded.indexOf(':');
  // `username:password`, `user:changeme`: a documentation stand-in encoded as the real thing would be.
  return colon > 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded) && !isPlaceholder(decoded.slice(colon + 1));
}

/**
 * Whether base64 text decodes to a random password alone, with no `user:` before it (`Basic <base64>` and a Docker
 * config's `"auth"` normally hold `user:password`; a registry or gateway that takes a password or key alone gets it
 * encoded so). The decoded text must be 12+ printable characters of three kinds or more, and a plausible password:
 * encoded words (`not-a-key-just-words-here`) and stand-ins stay silent.
 */
export function decodesToRandomPassword(value: string): boolean {
  const decoded = decodeBase64(value);
  if (decoded === undefined || !PRINTABLE_NO_SPACE.test(decoded) || decoded.includes(':')) return false;
  const classes = Number(/[a-z]/.test(decoded)) + Number(/[A-Z]/.test(decoded)) + Number(/\d/.test(decoded)) + Number(/[^A-Za-z0-9]/.test(decoded));
  return classes >= 3 && isPlausiblePassword(decoded);
}
