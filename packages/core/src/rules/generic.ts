import { shannonEntropy } from '../entropy.js';
import { isDotenvFileName } from '../dotenv.js';
import { enclosingObjectWords, enclosingXmlElementWords, isBrowserLoadedWriteKey, isPublicClientKey, isPublicClientKeyAt, isShippedManifestClientKey, isVendorClientKeyValue, namesVendorClientKey } from './client-config.js';
import { classifyKey, SCRIPT_SECRET_WORDS, splitWords, type KeyClass } from '../key-name.js';
import { indexOfBelow, lastIndexOfAbove, lineAround as lineBounds, lineBreakCursor, lineEndBefore, startsItsLine } from '../line-index.js';
import { characterSwitches, decodesToUserPassword, isCodeFile, isMadeWordsSecret, isWifiSecurityMode, isListOfWords, isNameShaped, isPlaceholder, isPlausiblePassword, isPlausibleSecret, isScramVerifier, isShortRandomLetters, isTestFile, isVendorPrefixedToken, isYamlReferenceTag, UUID } from '../secret-value.js';
import { forEachMatchAt, forEachMatchNear, nearAnchors } from '../sticky.js';
import { EMPTY_CLAIMS_JWT, isDocumentationJwtValue, isJwtHeaderAlone, isUnsignedTestJwt } from './tokens.js';
import { backtickBody, doubleQuotedBody, singleQuotedBody, singleQuotedLength } from './quoted.js';
import { withoutEmphasis } from './emphasis.js';
import { ACCESS_CODE_OWNERS, CODE_GIVEN_AS, CODE_MARK, codeDigits, isLoginPin, isProsePin, isStandInDigits, KEYPAD_DIGITS, linesCodeStandIn, namesAccessCodeColumn, NOT_ACCESS_PIN_LEAD, PIN_OWNERS, PROSE_PIN_OWNERS } from './access-codes.js';
import { literalListAt, literalRunAt, type LiteralRun } from './literal-run.js';
import { COMMENT_LINE, commentSaysNoSecret } from './value-comments.js';
import { JSON_MESSAGE_MEMBERS, mixesClasses } from './providers/shape.js';
import { NON_ASCII_TEXT, type Category, type DetectOptions, type Rule, type RuleContext, type Span } from '../types.js';
import { codeAt, isDigitCode, isIdentifierCode, isLetterCode, isUpperCode, isWordCode, skipBlanksBack } from '../char-codes.js';

/**
 * Generic credentials: a secret-sounding name followed by a value, in any of the syntaxes
 * code and config use. The regexes only find candidates, starting at the secret word so
 * the engine never tries them at every offset; the name is read back from the text and
 * classified (`key-name.ts`), and the value judged by shape (`secret-value.ts`).
 */

/** A keypad code's names as a scanner looks for them (`ALARM_CODE`, `installerCode`, `gm-override-code`). */
const ACCESS_CODE_KEYWORDS = ACCESS_CODE_OWNERS.flatMap((owner) => [`${owner}_code`, `${owner}-code`, `${owner}code`]);

/** Whose a PIN is, as a camel-cased name joins it to `Pin` (`servicePin`, `installerPin`): one word of `PIN_OWNERS`. */
const CAMEL_PIN_OWNERS = PIN_OWNERS.filter((owner) => /^[a-z]+$/.test(owner));

/** `pat` only as a word of its own (`GH_PAT`, `AZURE_DEVOPS_EXT_PAT`: a personal access token), never `path` or `pattern`. */
const SECRET_WORD =
  // Erlang's distribution cookie (`erlangCookie`, `ERLANG_COOKIE`) authenticates cluster nodes; a Zigbee install code
  // (`INSTALL_CODE`) is what a device's link key is derived from. An RSA key's private exponent (`SigningPrivateExponent`) signs.
  // An admin's, a master or a till's override PIN (`KIOSK_ADMIN_PIN`, `masterPin`, `OverridePin`) is read from its qualifier: `pin` alone is in every `mapping`;
  // any other name that ends in `_pin` or `-pin` (`DOOR_PIN`), or joins `Pin` to whose it is (`servicePin`), is read for a
  // strong value or digits kept as a PIN (`pinNameKey`).
  // A bare `pin` is read only under a YAML mapping or an INI section named for a device or a panel (`barePinUnderDeviceKey`).
  // A keypad's or a panel's code named for what it guards or who overrides it (`ALARM_CODE`, `installer_code`, `GM_OVERRIDE_CODE`)
  // is read for a PIN's digits only (`accessCodeNameKey`).
  // An encryption's master key named group-first (`keys.encryption.master`) has no `key` in its name, nor a provider's
  // refresh token named without its `token` (`BLACKBAUD_REFRESH`), nor a service's licence key named for the licence alone (`MAXMIND_LICENSE`).
  // A license service's signing IV (Widevine's `SIGNING_IV`) is issued with its signing key and signs beside it.
  // A custom header named for an API (`x-drmtoday-api`) is that API's key, its `-Key` left off.
  '(?:(?:admin|master|unlock|supervisor|operator|manager|override)[_\\-]?pin(?![a-z])|[_\\-]pin(?![a-z])|(?:' + ACCESS_CODE_OWNERS.join('|') + ')[_\\-]?code(?![a-z])|(?:' + CAMEL_PIN_OWNERS.join('|') + ')pin(?![a-z])|(?<![\\w.\\-])pin(?=["\']?[ \\t]{0,4}[:=])|dek(?![a-z])|kek(?![a-z])|pass|pw|psw|pssw|pasw|pwd|secret|token|key|cred|auth|salt|seed|nonce|otp|bearer|refresh|pat(?![a-z])|pepper|psk|hmac|exponent|licen[cs]e|(?:erlang|release)[_.\\-]?cookie|setcookie|install[_.\\-]?code|(?:encryption|crypto)[_.\\-]?master|signing[_.\\-]?iv(?![a-z])|\\-api(?![a-z])|' +
  // "password" in other languages, written in ASCII (`contraseña` starts `contrase`).
  'contrase|senha|wachtwoord|kennwort|parol|heslo|haslo|losenord|salasana|sifre|' +
  // "key", "secret" and "token" in other languages (`CHAVE_API`, `ApiAnahtari`, `kluczPodpisu`, `Zugangsschluessel`, `GizliAnahtar`):
  // `key-name.ts` reads them as the English words.
  'chave|clave|llave|chiave|klucz|anahtar|schluessel|schlussel|sleutel|nyckel|gizli|geheim|segredo|segreto|sekret|jeton)';

/** A quoted value (with an optional string prefix such as Python's `b"…"`), or a bare one. */
const VALUE =
  // T-SQL's `N'…'` (a Unicode literal) before a single quote.
  // A literal may sit in a bytes or decoding wrapper: Go `[]byte("…")`, Node `Buffer.from("…")`, .NET `Encoding.UTF8.GetBytes("…")`, `atob("…")`,
  // Python's `bytes.fromhex("…")`, `base64.b64decode("…")`, `binascii.unhexlify("…")`, .NET's `Convert.FromBase64String("…")`, Swift's
  // `Data(base64Encoded: "…")`, Ruby's `Base64.decode64("…")` (also `strict_`, `urlsafe_`) and Elixir's `Base.decode64!("…")` decode a key written
  // as hex or base64; Java turns the decoded bytes back into a string at once (`new String(Base64.getDecoder().decode("…"))`).
  // or in one that only marks it secret: Puppet `Sensitive('…')`, Terraform `sensitive("…")`, Pulumi `pulumi.secret("…")`, pydantic `SecretStr("…")`.
  // A settings class declares its default in a field's call: pydantic's and SQLModel's `Field(default="…")` (or first, `Field("…")`),
  // dataclasses' and attrs' `field(default="…")`.
  // Julia's `raw"…"`, an Erlang binary's `<<"…">>` (closed by `>>`: `<<"EOF"` opens a heredoc), an Elixir sigil's `~s"…"`; F# applies a function without brackets (`Encoding.UTF8.GetBytes "…"`).
  // Triple quotes (Python, Nim, Scala, Kotlin, Swift, Julia: `"""…"""` on one line) before one quote, which would read `""`.
  // Lua's long bracket `[[…]]` and Elixir's bracketed sigils `~s(…)`, `~S[…]` hold a literal too; so does HTML's code span
  // (`api key <code>…</code>` in a help desk's or chat's export), as a backquoted one does in Markdown, and a doubled one
  // in reStructuredText (a docstring's `secret ``…```).
  // DokuWiki marks monospace with two single quotes (`password ''…''`), read in a wiki's text only (see `valueOf`).
  // C and C++ mark a wide or UTF-8 literal (`L"…"`, `u8"…"`) or wrap it in a macro that does (Unreal's `TEXT("…")`,
  // maybe inside `FString(…)`; Windows' `_T("…")`, wxWidgets' `wxT("…")`, Qt's `QStringLiteral("…")` and the calls that
  // make a Qt string or byte array of a literal: `QByteArrayLiteral("…")`, `QByteArray("…")`, `QString::fromUtf8("…")`).
  // A decoding or wrapping call may hold its literal on the next line, as formatters break a long one
  // (JupyterHub's `c.JupyterHub.cookie_secret = bytes.fromhex(` / `    '…'` / `)`).
  '(?:[bBrRuU]{1,2}(?=["\'`])|raw(?=")|L(?=")|u8(?=")|(?:FString\\([ \\t]{0,2})?(?:TEXT|_T|_TEXT|wxT|QStringLiteral|QLatin1String|QLatin1StringView|QByteArrayLiteral|QByteArray|QString::from(?:Utf8|Latin1))\\([ \\t]{0,2}(?=")|<<(?="[^"\\r\\n]{1,300}">>)|~[sS](?=["\'])|[nN](?=\')|@(?=")|(?:\\[\\]byte\\(|Buffer\\.from\\(|bytes\\(|(?:Text\\.)?Encoding\\.(?:UTF8|ASCII)\\.GetBytes(?:\\(|[ \\t]{1,2})|atob\\(|(?:new[ \\t]{1,2}String\\()?Base64\\.get(?:Url|Mime)?Decoder\\(\\)\\.decode\\(|(?:base64\\.(?:urlsafe_|standard_)?)?b64decode\\(|(?:bytes|bytearray)\\.fromhex\\(|(?:Convert\\.)?FromBase64String\\(|(?:NS)?Data\\(base64Encoded:[ \\t]{0,2}|(?:binascii\\.)?unhexlify\\(|Base(?:64\\.(?:strict_|urlsafe_)?|\\.(?:url_)?)decode64!?\\(|Sensitive\\(|(?:pulumi|Output)\\.secret\\(|SecretStr\\(|Field\\([ \\t]{0,2}(?:default[ \\t]{0,2}=[ \\t]{0,2})?|field\\([ \\t]{0,2}default[ \\t]{0,2}=[ \\t]{0,2})(?:[ \\t]{0,4}\\r?\\n[ \\t]{0,40})?(?=["\'`]))?' +
  '(?:"""(?<tq>[^"\\r\\n]{1,300})"""|\'\'\'(?<tsq>[^\'\\r\\n]{1,300})\'\'\'|\\[\\[(?<lb>[^\\[\\]"\'`,\\r\\n]{1,300})\\]\\]|~[sS][([{|<](?<sg>[^)\\]}|>\\r\\n]{1,300})[)\\]}|>]|"(?<dq>' +
  doubleQuotedBody(300) +
  ')"|"(?<dq2>[^"\\r\\n]{1,300})"|\'(?<sq>' +
  singleQuotedBody(300) +
  ')\'|\'(?<sq2>[^\'\\r\\n]{1,300})\'|\'\'(?<dw>[^\'\\s]{1,300})\'\'(?!\')|``(?<bq2>[^`\\r\\n]{1,300})``|`(?<bq>' +
  backtickBody(300) +
  ')`|<code>(?<hc>[^<>\\s"\'`]{1,300})</code>|(?<hd><<[-~]?["\']?[A-Za-z_]{1,20}["\']?(?=[ \\t]{0,4}\\r?\\n))|(?<uq>(?:[^\\s"\'`<\\\\]|\\\\[^\\r\\n]){1,300}))';

const ASSIGNMENT = new RegExp(
  SECRET_WORD +
    '[\\w.\\-]{0,40}' + // rest of the identifier
    '(?:\\[\\d{0,6}\\](?:[ \\t]{1,4}PROGMEM)?)?' + // a C array declarator: `static const char kHmacKey[] = "…"`, Arduino's `WIFI_PASSWORD[] PROGMEM = "…"`
    // closing quote of a JSON/YAML key, or of `['password']`; or Markdown's emphasis closing a label (`**Password**: …`)
    '(?:["\'`\\]]{1,2}|\\*{1,2})?' +
    '(?<sep>' +
    // typed: `passwd: str = `, Rust `TOKEN: &str = `, a byte slice `KEY: &[u8] = b"…"`
    // (an `=` that another follows pads a bare base64 value: `secret: c2VjcmV0Cg==`).
    // A schema's default for an entry (zod's `API_KEY: z.string().min(32).default("…")`, yup's and Joi's `.default('…')`, as
    // validated environments such as t3-env declare them): the literal is the value the app runs with when none is set.
    "[ \\t]{0,4}:[ \\t]{0,4}(?:z|zod|yup|Joi|joi)\\.[A-Za-z]{1,20}\\([^\\r\\n:;]{0,200}?\\.default\\([ \\t]{0,4}(?=[\"'`])|" +
    // Typed code assigns a literal or a call: with the `=` tight on both sides and neither after it, the text after the colon
    // is a YAML or notes value that holds an `=` (`POSTGRES_PASSWORD: x=Pq7…`), which the plain colon below reads whole.
    "[ \\t]{0,4}:[ \\t]{0,4}&?(?:'static[ \\t]{1,4})?(?:[A-Za-z][\\w.<>?\\[\\]]{0,30}|\\[[a-z]\\w{0,8}\\])(?:(?:[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,40})get\\(\\))?(?:[ \\t]{1,4}=(?![=>])[ \\t]{0,8}|=(?![=>])(?:[ \\t]{1,8}|(?=[bBrRuUL@$]{0,2}[\"'`]|u8\"|[A-Za-z_][\\w.]{0,40}\\(|\\[\\]byte\\()))" +
    // C#'s auto-property with an initialiser: `public string ApiToken { get; set; } = "…";`, `{ get; init; }`, `{ get; private set; }`, `{ get; }`.
    "|[ \\t]{0,4}\\{[ \\t]{0,4}get;(?:[ \\t]{0,4}(?:(?:private|protected|internal)[ \\t]{1,4})?(?:set|init);)?[ \\t]{0,4}\\}[ \\t]{0,4}=(?![=>])[ \\t]{0,8}" +
    '|[ \\t]{1,4}(?:string|securestring|secureobject)[ \\t]{1,4}=[ \\t]{0,8}' + // Bicep: `param adminPassword string = '…'`
    '|[ \\t]{1,4}as[ \\t]{1,4}[A-Za-z][\\w.]{0,30}[ \\t]{0,4}=[ \\t]{0,8}' + // Visual Basic: `Dim password As String = "…"`
    '|[ \\t]{1,4}to[ \\t]{1,4}(?=["\'])' + // Kotlin pairs: `mapOf("password" to "…")`
    '|[ \\t]{0,4}<-[ \\t]{0,8}(?=["\'])' + // R: `api_key <- "…"`
    '|[ \\t]{0,2}\\{[ \\t]{0,4}(?=["\'])' + // C++ brace initialisation: `const std::string kApiToken{"…"};`
    // A getter whose body returns the literal: Objective-C `+ (NSString *)apiSecret { return @"…"; }`, Swift
    // `var apiKey: String { "…" }`, `func token() -> String { return "…" }`, nginx's `set_by_lua_block $api_key { return "…" }`.
    '|(?:\\(\\))?[ \\t]{0,4}(?:(?:->|:)[ \\t]{0,4}[A-Za-z][\\w.<>?]{0,30}[ \\t]{0,4})?\\{[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:return[ \\t]{1,4}(?=@?["\']|(?:new[ \\t]{1,2}String\\()?Base64\\.get(?:Url|Mime)?Decoder\\(\\)\\.decode\\(["\'])|(?=@?["\']))' +
    // Its brace on a line of its own, as PHP's, C#'s and Java's conventions put a method's (`public function hmacKey(): string`
    // / `{` / `return '…';`): only a method's brackets and a `return` then make it one. Either may return the literal
    // decoded (Java's `return new String(Base64.getDecoder().decode("…"));`), as an assignment may hold it.
    '|\\(\\)[ \\t]{0,4}(?:(?:->|:)[ \\t]{0,4}[A-Za-z][\\w.<>?]{0,30}[ \\t]{0,4})?\\r?\\n[ \\t]{0,40}\\{[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?return[ \\t]{1,4}(?=@?["\']|(?:new[ \\t]{1,2}String\\()?Base64\\.get(?:Url|Mime)?Decoder\\(\\)\\.decode\\(["\'])' +
    // A name closing a string that code joins to a literal: VB `"…;Password=" & "…"`, `"password=" + "…"`, Lua's `..`, PHP's `.`, OCaml's `^`;
    // C, C++ and Python join adjacent literals with no operator, after a space or on the next line (`"SharedAccessKey=" "…"`).
    // R's `paste0("…;Pwd=", "…")` and SQL's `CONCAT('password=', '…')` join their arguments: a comma there (checked after the match).
    // Java's and C#'s formatters put the operator at the head of the next line (`"…;AccountKey="` / `    + "…"`); the name's string
    // may open a quoted value of its own first (JAAS's `password=\"" + "…" + "\";"`).
    // A template literal joins only by `+` (JavaScript's `` `${base}/task/new?token=` + "…" ``, a URL's query parameter).
    '|=[ \\t]{0,2}(?:(?:\\\\["\'])?["\'](?:[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:&|\\+|\\.{1,2}|\\^|,)[ \\t]{0,4}|[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,40})|`[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?\\+[ \\t]{0,4})(?=["\'])' +
    // A conditional that picks a literal by a flag (`ALGOLIA_ADMIN_KEY = __DEV__ ? '…' : ''`, `apiKey: isDebug ? "…" : nil`):
    // the first branch is the value, and the second is read after the match (`conditionalBranches`). The `?` stands between spaces, so `?.` and `??` are not read as one. Ruby's predicate
    // methods end in their own `?` (`Rails.env.production? ? '…' : 'dev'`).
    // The flag may be looked up by a key and compared (`$_SERVER['APP_ENV'] === 'local'`, `env === "prod"`), and the `?`
    // may open the next line, as formatters break a long conditional.
    '|[ \\t]{0,40}[=:][ \\t]{0,4}!?[A-Za-z_$][\\w$.]{0,60}\\??(?:\\(\\))?(?:\\[[ \\t]{0,2}["\']?[\\w.-]{1,40}["\']?[ \\t]{0,2}\\])?(?:[ \\t]{1,4}(?:===?|!==?)[ \\t]{1,4}(?:["\'][\\w.-]{0,40}["\']|[\\w$.]{1,40}))?(?:[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,40})\\?[ \\t]{1,4}(?=[bBrRuU]{0,2}["\'`])' +
    // A chained assignment gives every name the literal (`u.password = u.password_confirmation = "…"`, Python's `a = b = "…"`):
    // the value of the first is the literal after the second `=`, never `==`, `=>` or Ruby's `=~`.
    '|[ \\t]{0,4}=[ \\t]{0,4}[A-Za-z_$][\\w$.]{0,60}[ \\t]{0,4}=(?![=>~])[ \\t]{0,4}(?=[bBrRuU]{0,2}["\'`])' +
    // An `if` expression whose `else` falls back on a literal (PowerShell's `$password = if ($env:PW) { $env:PW } else { "…" }`,
    // Kotlin's `= if (debug) … else "…"`): the fallback is the value, the branch before it a lookup.
    "|[ \\t]{0,4}=[ \\t]{0,4}if[ \\t]{0,4}[({][^\\r\\n]{0,200}?[ \\t}]else[ \\t]{0,4}(?:\\{[ \\t]{0,4})?(?=[\"'])" +
    // A list that opens on the next line (C#'s `string[] ApiKeys =` / `{ "…", "…" };`): read by `literalListAt` after the match.
    '|[ \\t]{0,40}=[ \\t]{0,4}\\r?\\n[ \\t]{0,40}(?=[\\[{(])' +
    // Java, C# and Kotlin formatters break a long constant after its `=` (`static final String JWT_KEY =` / `    "…";`):
    // the literal on the next line is the value (in program source only, checked after the match).
    '|[ \\t]{0,40}=[ \\t]{0,4}\\r?\\n[ \\t]{0,40}(?=["\'])' +
    // Prose: `the password for \`deploy\` is \`…\``, `password for deploy was …` (one account between name and verb),
    // its code span maybe wrapped onto the next line (`the break-glass password for \`ops\` is` / `` `…` ``);
    // a code span that the paragraph wrapped onto the next line (`target manager password is` / `` `…` ``);
    // an aside between a name and its colon (`signing passcode (do NOT paste in Slack again): \`…\``).
    '|[ \\t]{1,4}for[ \\t]{1,4}(?:`[^`\\s]{1,64}`|[\\w.@-]{1,64})[ \\t]{1,4}(?:is|was)(?:[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,40}(?=`))' +
    // Or what it is on, a determiner before it (`The VNC password on all panels is …`, `the password of the router was …`).
    '|[ \\t]{1,4}(?:for|on|of)[ \\t]{1,4}(?:the|all(?:[ \\t]{1,2}the)?|every|each|both)[ \\t]{1,2}[\\w.@-]{1,40}[ \\t]{1,4}(?:is|was)[ \\t]{1,4}' +
    '|[ \\t]{1,4}(?:is|was)[ \\t]{0,4}\\r?\\n[ \\t]{0,40}(?=`)' +
    // or wrapped right after the name (`… guest network \`Guest\`, password` / `` `…` (rotated monthly)``): a code span
    // opening the next line, closed on it. A label's colon may end the line before it (`swap to the secondary key:` /
    // `` `…` (key 2)``): no YAML value opens with a backtick, so the span is the label's value.
    '|[ \\t]{0,2}:?[ \\t]{0,2}\\r?\\n[ \\t]{0,40}(?=`[^`\\s]{1,300}`)' +
    // Where it came from or whom it is for, in a few words, before the verb and a code span (`New key from the merchant
    // interface is` / `` `…` ``, `the password for the reporting replica is \`…\``), maybe with a remark in brackets
    // after them (`The app key for meter 5 (OTAA) is \`…\``).
    "|[ \\t]{1,4}(?:for|from)[ \\t]{1,4}[\\w.@' \\t-]{1,60}?(?:[ \\t]\\([^()\\r\\n]{1,40}\\))?[ \\t](?:is|was)[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?=`)" +
    // The aside may also stand between a name and its verb before a code span (`The gateway API key (for the health script) is \`…\``),
    // or between the name and the code span itself (`global API key (legacy) \`…\``), as a blank does without it. A paragraph
    // may wrap before the aside (`The current key` / `(as of March) is \`…\``) or after the verb: a line break stands for the blank.
    '|(?:[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,40})\\([^()\\r\\n]{1,80}\\)[ \\t]{0,4}(?::[ \\t]{0,4}(?=[`"\'])|[ \\t](?:is|was)(?:[ \\t]{1,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,40})(?=`)|(?<=[ \\t])(?=`))' +
    // Up to 40 spaces before the operator: Terraform and aligned configs pad names (`password          = "…"`);
    // up to 40 after it too, where command output aligns values in a column after the colon (`heroku config`,
    // `kubectl describe`'s environment: `SECRET_KEY:                 …`).
    // A change in a ticket's or a log's prose: `db01: root password set to …`, `admin password reset to …`. A standard
    // first password may be told as what it always is (`Temporary password is always \`…\``).
    '|[ \\t]{0,40}(?::{1,3}=|\\?\\?=|\\|\\|=|\\?=|=>|->|===|!==|==|!=|=|:(?:\\*{1,2}(?=[ \\t]))?|[ \\t](?:is|was|are)(?:[ \\t]{1,2}(?:now|just|still|currently|always|usually|normally|initially|originally))?[ \\t]|[ \\t](?:set|changed|reset)[ \\t]{1,2}to[ \\t])[ \\t]{0,40}' +
    // A change a chat or a runbook asks for, the verb before a name written as a variable (`set RELEASE_COOKIE back to …`,
    // `reset DB_PASSWORD to …`): the name must follow the verb right away, so `set the timeout to …` reads no name.
    '|(?<=\\b(?:set|reset|change|update)[ \\t]{1,2}[A-Za-z_][\\w.]{1,60})[ \\t]{1,2}(?:back[ \\t]{1,2})?to[ \\t]{1,4}' +
    // A literal fallback: `process.env.TOKEN || "…"`, also handed through a one-argument call (`?? devOnly("…")`, checked after the match),
    // after a lookup's closing parenthesis (C#'s `GetEnvironmentVariable("JWT_KEY") ?? "…"`), and on the next line as formatters
    // break a long one (`Configuration["Jwt:SigningKey"]` / `    ?? "…"`).
    // The literal may also wait on the line after the operator (Elixir's `System.get_env("SECRET_KEY_BASE") ||` / `  "…"`).
    // Python and Lua spell the operator `or` (`os.environ.get("AWS_SECRET_ACCESS_KEY") or "…"`, `os.getenv("TOKEN") or "…"`):
    // read after a lookup's closing bracket, or right after the name in program source (a parameter's fallback:
    // `self.client_secret = client_secret or "…"`, checked after the match), where it cannot be a word of a sentence.
    // Kotlin, Groovy and PHP spell it `?:` (`System.getenv("KEY_PASSWORD") ?: "…"`, Gradle's `findProperty("storePassword") ?: "…"`,
    // WordPress's spaced `getenv( 'API_KEY' ) ?: '…'`), read after a bracket or a space, never as TypeScript's optional
    // member (`token?: "a" | "b"`). A call or two without arguments may convert the lookup first (Ktor's
    // `propertyOrNull("jwt.secret")?.getString()` / `    ?: "…"`, `System.getenv("TOKEN")?.trim() ?: "…"`).
    // Java spells it as a conditional whose first branch is the lookup (`System.getenv("KEYSTORE_PASSWORD") != null`
    // / `? System.getenv("KEYSTORE_PASSWORD") : "…"`): its `:`, spaced after the lookup's closing bracket, maybe on
    // the next line, opens the literal the name falls back on.
    '|(?:[ \\t]{0,4}\\))?(?:\\??\\.[A-Za-z_]\\w{0,30}\\(\\))?(?:\\??\\.[A-Za-z_]\\w{0,30}\\(\\))?[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:\\|\\||\\?\\?|(?<=[ \\t)\\]])\\?:(?=[ \\t])|(?<=\\)[ \\t]{1,4}|\\)[ \\t]{0,4}\\r?\\n[ \\t]{0,40}):(?=[ \\t])|(?<=[\\w)\\]][ \\t]{1,4}|[)\\]][ \\t]{0,4}\\r?\\n[ \\t]{0,40})or(?=[ \\t]))[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:[A-Za-z_$][\\w$.]{0,40}\\([ \\t]{0,4})?(?=[bBrRuU]{0,2}["\'`])' +
    // Rust's fallback: `env::var("HMAC_KEY").unwrap_or("…")`, `.unwrap_or_else(|_| "…".to_string())`; an Optional's in Java
    // (`Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("…")`) and an Option's in Scala (`sys.env.get("X").getOrElse("…")`).
    '|\\)[ \\t]{0,4}\\.unwrap_or(?:\\(|_else\\([ \\t]{0,4}\\|_?\\|)[ \\t]{0,4}(?=["\'])' +
    '|\\)[ \\t]{0,4}\\)?[ \\t]{0,4}\\.(?:orElse|getOrElse)\\([ \\t]{0,4}(?=["\'])' +
    // Ruby's fallback block: `ENV.fetch("WEBHOOK_SECRET") { "…" }` (checked after the match to follow a `fetch(`), its literal
    // on the next line when long (`ENV.fetch("SECRET_KEY_BASE") {` / `  "…"` / `}`).
    '|\\)[ \\t]{0,4}\\{[ \\t]{0,4}(?:\\|[ \\t]{0,4}\\w{0,20}[ \\t]{0,4}\\|[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40})?(?=["\'])' +
    // call arguments (aligned: `define('AUTH_KEY',         '…')`): `define('PASSWORD', '…')`; one a line: `conf.set(\n  "fs.s3a.secret.key",\n  "…"\n)`
    // An Erlang tuple `{cookie_secret, <<"…">>}` is a pair of this kind too.
    // A lookup's default may be named: R's `Sys.getenv("DB_PASSWORD", unset = "…")`, `getenv("API_KEY", default="…")`.
    '|[ \\t]{0,4},[ \\t]{0,16}(?:\\r?\\n[ \\t]{0,40})?(?:(?:unset|default)[ \\t]{0,4}=[ \\t]{0,4})?(?=(?:[bBrRuU]{0,2}|<<)["\'`])' +
    // A label in notes qualified before its colon: by a remark in brackets (`Account API token (billing only): …`,
    // `Secret key (REST API, X-API-Key): …`) or by what it is for (`cPanel API token for the backup script: …`).
    // Both stay on the line and hold no colon, quote or bracket, so the colon that ends them is the label's.
    '|[ \\t]{1,2}\\([^()\\r\\n:=`"\']{1,40}\\)[ \\t]{0,2}:(?![:=])[ \\t]{0,8}' +
    // A relative clause that says the value got out, before the colon and a code span (an incident's follow-up "Rotate the
    // write key that was also printed: `…`", "the token which got logged to the build output: `…`").
    "|[ \\t]{1,2}(?:that|which)[ \\t]{1,2}(?:was|were|got|has[ \\t]been|had[ \\t]been)(?:[ \\t]{1,2}(?:also|accidentally|briefly|then|just|once))?[ \\t]{1,2}(?:printed|logged|leaked|exposed|posted|pasted|committed|echoed|shown|dumped|displayed)(?:[ \\t]{1,2}(?:in|to|into|on)[ \\t]{1,2}[^:=\\r\\n`\"'(){}<>]{1,40})?[ \\t]{0,2}:(?![:=])[ \\t]{0,4}(?=`)" +
    // Or by how it was handed over (`New password agreed on the bridge: …`, `password set by the vendor: …`). What it is for
    // may be named once in double quotes (`Integration key for the "Billing API" service: …`) or in a Markdown code span
    // (`Rundeck API token for the \`ctrl-ops\` user: …`, an account's or a host's name), and a remark in brackets may
    // follow it (`API token for the vendor bridge (temporary, expires Friday): …`).
    '|[ \\t]{1,2}(?:for|(?:agreed|set|chosen|given|issued|received|sent|shared|provided|assigned)[ \\t]{1,2}(?:on|by|with|to|from|in|at|over|during|via))[ \\t]{1,2}(?:[^:=\\r\\n`"\'(){}<>]{1,40}(?:"[^":=\\r\\n`]{1,40}"[^:=\\r\\n`"\'(){}<>]{0,40}|`[^`:=\\s]{1,40}`[^:=\\r\\n`"\'(){}<>]{0,40})?|`[^`:=\\s]{1,40}`[^:=\\r\\n`"\'(){}<>]{0,40})(?:\\([^()\\r\\n:=`"\']{1,40}\\)[ \\t]{0,2})?:(?![:=])[ \\t]{0,8}' +
    // A pronoun that takes the name up after a clause ends (`prompts for the wallet password; current one is …`).
    '|[ \\t]{0,4}[;,][ \\t]{1,4}(?:the[ \\t]{1,2})?(?:current|new|old|temporary|temp)[ \\t]{1,2}one[ \\t]{1,2}(?:is|was)(?:[ \\t]{1,2}now)?[ \\t]{1,4}' +
    // A callback that returns a literal, handed over right after the name: WordPress's filters
    // (`add_filter( 'algolia_api_key', fn() => '…' )`, `function () { return '…'; }`), a setting's lazy value (`() => "…"`).
    '|[ \\t]{0,4},[ \\t]{0,16}(?:(?:fn|static[ \\t]{1,4}fn)?[ \\t]{0,2}\\([ \\t]{0,4}\\)[ \\t]{0,4}=>|function[ \\t]{0,2}\\([ \\t]{0,4}\\)[ \\t]{0,4}(?::[ \\t]{0,4}\\??string[ \\t]{0,4})?\\{[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?return)[ \\t]{0,4}(?=["\'])' +
    // A note's remark on the key after a comma, before its colon: its state or its environment, in a word or a few
    // (`Speechmatics key, temporary: …`, `webhook token, rotated monthly: …`, `signing secret, staging: …`).
    "|[ \\t]{0,2},[ \\t]{1,2}(?:temporary|temp|interim|new|old|current|rotated|staging|prod|production|live|sandbox|test|dev|backup|spare)(?:[ \\t]{1,2}[a-z]{1,12})?(?:[ \\t]{1,2}[a-z]{1,12})?[ \\t]{0,2}:(?![:=])[ \\t]{0,8}" +
    // What a note says the value must be (`X-Purge-Key must match …`, `the relay token has to equal …`): a requirement
    // that names it.
    '|[ \\t]{1,2}(?:must|should|has[ \\t]to|needs[ \\t]to)[ \\t]{1,2}(?:match|equal)[ \\t]{1,4}' +
    // `#define PASSWORD "…"`, SQL `PASSWORD '…'`, `--password …`, `ENV PASSWORD …`; headers align
    // their `#define`s in columns, so up to 40 (more than 8 only after such a directive).
    '|[ \\t]{1,40}' +
    ')' +
    VALUE,
  'gi',
);

/** A name that ends its line with a colon (`secretKey:`, `api_tokens: # rotated monthly`): a YAML block sequence may follow. */
const YAML_SEQUENCE_NAME = new RegExp(SECRET_WORD + '[\\w.\\-]{0,40}["\']?[ \\t]{0,4}:[ \\t]{0,4}(?:#[^\\r\\n]{0,200})?\\r?\\n', 'iy');
/** One item of a block sequence: its indent, then `- ` and a quoted or bare scalar, maybe a comment. */
const YAML_SEQUENCE_ITEM = /([ \t]{0,40})-[ \t]{1,4}(?:"([^"\\\r\n]{1,300})"|'([^'\r\n]{1,300})'|([^\s"'#\[{][^\r\n#]{0,299}))[ \t]{0,8}(?:#[^\r\n]{0,200})?(?:\r?\n|$)/y;

/**
 * The items of a YAML block sequence under a secret's name (a Unity asset's `secretKey:` / `  - …` / `  - …`,
 * `api_keys:` kept through a rotation), each with its offset: the items that follow the name's line at one
 * indent. A mapping item (`- name: x`) ends the list: its entries are names and values of their own.
 */
function yamlSequenceAt(text: string, keyword: number): LiteralRun[] {
  YAML_SEQUENCE_NAME.lastIndex = keyword;
  if (!YAML_SEQUENCE_NAME.test(text)) return [];
  const items: LiteralRun[] = [];
  let at = YAML_SEQUENCE_NAME.lastIndex;
  let indent: string | undefined;
  while (items.length < 100) {
    YAML_SEQUENCE_ITEM.lastIndex = at;
    const m = YAML_SEQUENCE_ITEM.exec(text);
    if (m === null || (indent !== undefined && m[1] !== indent)) break;
    indent = m[1]!;
    const value = (m[2] ?? m[3] ?? m[4]!).trimEnd();
    if (m[4] !== undefined && /:[ \t]|:$/.test(value)) break;
    const start = text.indexOf(value, at + indent.length + 1);
    items.push({ start, end: start + value.length, value, parts: 1 });
    at = YAML_SEQUENCE_ITEM.lastIndex;
  }
  return items;
}

/** The separator of a name that ends a string joined to the value's literal (`"…;Password=" & "…"`, `` `…?token=` + "…" ``). */
const JOINED_AFTER_NAME = /^=[ \t]{0,2}(?:(?:\\["'])?["']|`[ \t]{0,4}(?:\r?\n[ \t]{0,40})?\+)/;
/**
 * A call that joins its arguments into one string, open before the name (R's `paste0(` / `paste(` / stringr's
 * `str_c(`, SQL's `CONCAT(` / `CONCAT_WS(`, .NET's `String.Concat(`): only there does a comma join a literal to the name's.
 */
const CONCATENATING_CALL_BEFORE = /\b(?:paste0?|str_c|stri_c|stri_paste|concat(?:_ws)?|String\.Concat)[ \t]{0,4}\([^()]{0,300}$/i;

/** A bare value that opens with a name and its `=`/`:` (`password=`, `token:…`): the next assignment, not a value. */
const NESTED_ASSIGNMENT = /^[A-Za-z_][\w.-]{0,60}[=:]/;
/** A secret's noun on its own (`key`, `token`, `Secret`): as a bare value after a name's first word, the rest of that name. */
const SECRET_NOUN_ALONE = /^(?:key|secret|token|password|passphrase|credential)s?$/i;

/**
 * A quoted "value" that is the code between two literals (`"…password=" + os.Getenv("PGPASSWORD")`): the name
 * closed its literal, and the quotes read as the value's are the closing and the next opening one.
 */
const CODE_BETWEEN_LITERALS = /^[ \t]{1,4}(?:\+|&|\.{1,2}|\^)[ \t]{1,4}[A-Za-z_$]/;

/**
 * The separator of `password is …` (`is now …`, after a reset; `is just …`, `is still …`; a standard first password's `is
 * always …`, `is usually …`), `password; current one is …` and `password set by …: …`, `password set to …` in prose.
 */
const PROSE_COPULA =
  /^[ \t]{0,40}[ \t](?:is|was|are)(?:[ \t]{1,2}(?:now|just|still|currently|always|usually|normally|initially|originally))?[ \t]|^[ \t]{0,40}[ \t](?:set|changed|reset)[ \t]{1,2}to[ \t]|^[ \t]{1,2}(?:back[ \t]{1,2})?to[ \t]|^[ \t]{1,4}(?:for|on|of)[ \t][^\r\n]{1,80}[ \t](?:is|was)[ \t]|^[ \t]{0,4}[;,][ \t]{1,4}(?:the[ \t]{1,2})?(?:current|new|old|temporary|temp)[ \t]|^[ \t]{1,2}(?:agreed|set|chosen|given|issued|received|sent|shared|provided|assigned)[ \t]/i;

/** A note's requirement on the value (`X-Purge-Key must match …`): the separator that says what it must equal. */
const REQUIREMENT_SEP = /^[ \t]{1,2}(?:must|should|has[ \t]to|needs[ \t]to)[ \t]/;
/** A digest's word earlier on the line (`the sha256 of the key must match …`): the hex it must match is a hash, not the key. */
const DIGEST_WORD = /sha-?\d|md5|hash|checksum|digest|fingerprint|thumbprint/i;
/** A relative clause headed by a commit's word, up to the name it ends (`commit that removed the old `, `revision which rotated the `). */
const COMMIT_CLAUSE_BEFORE = /\b(?:commit|revision|changeset|merge|sha)s?[ \t]{1,3}(?:that|which)[ \t][^.;:,=\r\n]{0,80}$/i;
/** A label's colon alone between a name and its value (`… keys: 5627…`). */
const LABEL_COLON = /^[ \t]{0,4}:[ \t]{0,40}$/;
/** A clause headed by a digest's word, up to the name it is taken of or for (`file checksum for the test `, `SHA-256 of the `). */
const DIGEST_OF_BEFORE = /\b(?:sha-?\d{1,3}|md5|hash|checksum|digest|fingerprint|thumbprint)s?[ \t]{1,3}(?:of|for)[ \t][^.;:,=\r\n]{0,60}$/i;

/** What a Sentry scrubbing rule does to a value: the second half of its id (`@password:filter`). */
const SENTRY_SCRUB_ACTION = /^(?:filter|mask|remove|hash|replace)$/;

/** The names of the groups `valueOf` reads, and the index of each in a pattern whose groups are numbered. */
const VALUE_GROUP_NAMES = ['tq', 'tsq', 'lb', 'sg', 'dq', 'dq2', 'sq', 'sq2', 'dw', 'bq2', 'bq', 'hc', 'hd', 'uq'] as const;
type ValueGroups = Record<(typeof VALUE_GROUP_NAMES)[number], number>;

/**
 * A pattern's source with its named groups made plain ones, in the same places (so numbered the same), and the index
 * of each name. A match of a pattern with named groups builds an object of them, a dictionary of a dozen entries
 * here, for every match, and each read of it is a lookup: the two patterns below are tried at every keyword offset,
 * most of their matches are rejected, and reading their groups by index costs neither.
 */
export function numberedGroups(source: string): { source: string; index: Record<string, number> } {
  // A back-reference by name (`\k<name>`) would read as plain text without its group's name.
  if (source.includes('\\k<')) throw new Error('generic-assignment: a named back-reference cannot be renumbered');
  let out = '';
  let count = 0;
  let inClass = false;
  const index: Record<string, number> = {};
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + source[++i]!;
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] !== '?') count++;
    else if (c === '(' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i);
      index[source.slice(i + 3, close)] = ++count;
      out += '(';
      i = close;
      continue;
    }
    out += c;
  }
  // That the groups keep their numbers is checked in generic.test.ts, by compiling both patterns: done here, at every
  // start, the two extra compilations of these large patterns were ~18 ms of a `takumo scan`'s ~120 ms of start-up.
  return { source: out, index };
}

function valueGroups(index: Record<string, number>): ValueGroups {
  const groups = {} as ValueGroups;
  for (const name of VALUE_GROUP_NAMES) {
    if (index[name] === undefined) throw new Error(`generic-assignment: no group ${name}`);
    groups[name] = index[name];
  }
  return groups;
}

const ASSIGNMENT_NUMBERED = numberedGroups(ASSIGNMENT.source);
/** Tried at each keyword offset; reused across calls (detection is synchronous). Its groups are numbered (see `numberedGroups`). */
const ASSIGNMENT_STICKY = new RegExp(ASSIGNMENT_NUMBERED.source, 'iy');
const ASSIGNMENT_SEP = ASSIGNMENT_NUMBERED.index['sep']!;
const ASSIGNMENT_VALUE = valueGroups(ASSIGNMENT_NUMBERED.index);

/**
 * A YAML tag where a value was expected (`!unsafe`, `!!str`, `!<tag:yaml.org,2002:str>`): it
 * types the value after it and is no value itself. Ansible's `!unsafe` marks a literal Jinja
 * must not expand; references (`!Ref`, `!vault`) are told apart by `isYamlReferenceTag`.
 */
const YAML_TAG = /^!{1,2}[A-Za-z][\w.:/-]{0,40}$|^!<[^<>\s]{1,80}>$/;
/** The value after a tag, on the same line (its groups numbered, as `ASSIGNMENT_STICKY`'s). */
const VALUE_AFTER_TAG_SOURCE = '[ \\t]{1,4}' + VALUE;
const VALUE_AFTER_TAG_NUMBERED = numberedGroups(VALUE_AFTER_TAG_SOURCE);
const VALUE_AFTER_TAG = new RegExp(VALUE_AFTER_TAG_NUMBERED.source, 'y');
const VALUE_AFTER_TAG_VALUE = valueGroups(VALUE_AFTER_TAG_NUMBERED.index);

/** For generic.test.ts, which checks that renumbering kept every group's number: each pattern with names, and renumbered. */
export const renumberedPatterns: readonly { name: string; named: string; numbered: { source: string; index: Record<string, number> } }[] = [
  { name: 'ASSIGNMENT', named: ASSIGNMENT.source, numbered: ASSIGNMENT_NUMBERED },
  { name: 'VALUE_AFTER_TAG', named: VALUE_AFTER_TAG_SOURCE, numbered: VALUE_AFTER_TAG_NUMBERED },
];

/**
 * Lines where a name and a bare value separated by spaces are an assignment (haproxy's and nginx's `set-header X-Internal-Key …` too,
 * Apache's and csh's `SetEnv NAME …`, nginx's `fastcgi_param NAME …`, a console's namespaced `set` command: Magento's
 * `bin/magento config:sensitive:set payment/braintree/private_key …`), and the commands that set a named setting to the word
 * after it: Android's `adb shell setprop debug.app.sync_password …` (Magisk's `resetprop`), `git config [--global] name …`,
 * `yarn config set name …`.
 */
const SPACE_ASSIGNMENT_PREFIX = /(?:^|[\s;])(?:(?:set|add|proxy_set|more_set)[-_]headers?|#[ \t]{0,4}define|%define|%global|set|(?:[a-z][\w-]{0,30}:){1,3}set|setx|setenv|(?:fastcgi|uwsgi|scgi)_param|env|arg|create[ \t]{1,4}(?:user|role|login)[^\r\n]{0,100}|alter[ \t]{1,4}(?:user|role|login)[^\r\n]{0,100}|login|login[ \t]{1,8}\S{1,100}|setprop|resetprop|git[ \t]{1,4}config(?:[ \t]{1,4}--(?:global|system|local|worktree))?|(?:npm|yarn|pnpm)[ \t]{1,4}config[ \t]{1,4}set)[ \t]{1,8}$/i;

/**
 * `with` before the name: SQL's `WITH PASSWORD '…'` (`WITH ENCRYPTED PASSWORD`), and prose that hands a key over
 * (`calling the proxy with key sk-…`). A bare seed or nonce after it is what something was made with
 * (`fixtures generated with seed 20c0…`, `signed with nonce …`): a run's input, named in passing.
 */
const WITH_PREFIX = /(?:^|[\s;])with(?:[ \t]{1,4}encrypted)?[ \t]{1,8}$/i;
const GENERATION_INPUT_NAME = /^(?:seed|nonce)$/i;
/** The keywords that follow `PASSWORD` in SQL account statements to open a clause (`PASSWORD EXPIRE`, `PASSWORD REUSE INTERVAL …`). */
const SQL_PASSWORD_CLAUSE_WORD = /^(?:expire|expired|lock|unlock|history|reuse|require|null|lifetime|grace|verify)[;,]?$/i;

/**
 * A UUID under a name that ends in `seed` or `nonce` (`correlation-seed`, `requestNonce`): what ids or a run are made
 * from, written in the shape ids take. The seeds that are secrets have shapes of their own (a TOTP seed's base32, a NATS
 * nkey's `SU…`), and a bare `key` or `salt` with a UUID may still be an API key or an application's salt.
 */
function isIdUnderGenerationInputName(name: string, value: string): boolean {
  const words = splitWords(name);
  return words.length > 0 && GENERATION_INPUT_NAME.test(words[words.length - 1]!) && UUID.test(value);
}

/**
 * A UUID under a payment card's token name (`card_token`, `paymentMethodToken`): a tokenization service's surrogate
 * for a card number (Marqeta's, Braintree's), an id that stands for the card in requests and events, not a credential.
 * So is one under a request's idempotency token (AWS's `ClientToken`, `--client-token`, `idempotency_token`): the caller
 * makes it up so that a retried request is not done twice. And one under a token that ties a reply to its request or a
 * trace (OpenTravel's `EchoToken="…"` that the reply echoes back, `correlationToken`, `trace_token`, `RequestToken`): a
 * correlation id the caller makes up and every log line carries.
 */
function isCardTokenId(name: string, value: string): boolean {
  if (!UUID.test(value)) return false;
  const words = splitWords(name).slice(-3).join(' ');
  return /(?:^|\s)(?:card|payment method|client|idempotency|echo|correlation|trace|request) token$/.test(words);
}

/**
 * A UUID under a name about telemetry (`TelemetryKey`, `telemetry_token`): an Application Insights instrumentation key or
 * a telemetry endpoint's ingestion id, which ships in browser and app builds to say where events go; it opens nothing.
 */
function isTelemetryId(name: string, value: string): boolean {
  return UUID.test(value) && splitWords(name).some((w) => w === 'telemetry' || w === 'instrumentation');
}

/**
 * A UUID under an integration's key (`config.x.docusign.integration_key`, `DOCUSIGN_INTEGRATION_KEY`, `integrationKey`):
 * DocuSign's integration key is its OAuth client id, shown in the admin console and sent in every authorisation URL, as
 * Duo's is the public half beside a secret key. Secrets that an integration is given have shapes of their own (PagerDuty's
 * 32 hex digits, a secret key's base64), never a UUID.
 */
function isIntegrationKeyId(name: string, value: string): boolean {
  return UUID.test(value) && splitWords(name).slice(-2).join(' ') === 'integration key';
}

/** A shell expansion of a positional argument or a variable with a literal default (`${1:-…}`, `${NAME-…}`, `${NAME:=…}`); group 1 is the default. */
const SHELL_LITERAL_DEFAULT = /^\$\{(?:\d{1,2}|[A-Za-z_]\w{0,60}):?[-=]([^\s"'`$\\{}]{1,300})\}/;

/** A pflag call whose flag has a short name (`StringP(`, `StringVarP(&v, `), up to its name's quote; and the default after that short name. */
const PFLAG_SHORT_CALL_BEFORE = /\b(?:String|StringVar)P\((?:[ \t]{0,4}&?[\w.]{1,60}[ \t]{0,4},)?[ \t]{0,4}"$/;
const PFLAG_DEFAULT_AFTER = /[ \t]{0,4},[ \t]{0,4}"([^"\\\r\n]{1,300})"/y;

/** After a flag's second spelling, more spellings and then its `default=` literal (click's and argparse's options). */
const OPTION_DEFAULT_AFTER = /(?:[ \t]{0,4},[ \t]{0,4}["']-{1,2}[A-Za-z][\w-]{0,30}["']){0,3}[ \t]{0,4},[ \t]{0,4}default[ \t]{0,2}=[ \t]{0,2}["']([^"'\\\r\n]{1,300})["']/y;

/** A bare value that refers to another variable: a shell/compose expansion or a member chain. */
const REFERENCE_VALUE = /^(?:\$\{|[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){1,6}$)/;

/** A git commit's id written whole: 40 lower-case hex digits (SHA-1). */
const COMMIT_ID = /^[0-9a-f]{40}$/;

/** Whether a quote or a colon stands right before the name: a quoted key or a Ruby symbol (`set("token", …)`, `set :token, …`), no bare variable. */
function isQuoteOrColonBefore(text: string, nameStart: number): boolean {
  const c = codeAt(text, nameStart - 1);
  return c === 0x22 /* " */ || c === 0x27 /* ' */ || c === 0x60 /* ` */ || c === 0x3a /* : */;
}

/**
 * What precedes a name that is a call's argument: `(`, `{` or `,`, then maybe a line break (one argument a line), then its
 * quote; or, as a Ruby symbol, the first argument of a call written without brackets (Sinatra's and Capistrano's
 * `set :session_secret, "…"`, `set :password, "…"`).
 */
const CALL_ARGUMENT_BEFORE_NAME = /(?:[({,][ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'`]?|(?:^|[\s;])[a-z_][\w.]{0,40}[ \t]{1,4}:)$/;

/**
 * A passcode or a PIN is digits by design (a show-control workstation's four-digit passcode, a kiosk's admin PIN, an
 * APRS-IS login's passcode): under a name that ends in one (`qlab_passcode`, `DOOR_PASSCODE`, `adminPin`, `pin_code`,
 * `APRS_PASS`), 4 to 8 digits are the secret (an APRS passcode's 3 to 5, see `isAprsPasscode`), where
 * under other names digits are a count, a port or an id. A run of one digit or a counting one (`0000`, `1234`) is a
 * stand-in, and a test's values are too.
 */
function isNumericPasscode(name: string, value: string, file: string | undefined): boolean {
  if (isTestFile(file)) return false;
  if (isAprsPasscode(name, value)) return true;
  if (!isProsePin(value)) return false;
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last === 'passcode' || last === 'pincode' || (last === 'code' && words[words.length - 2] === 'pin') || last === 'pin' || (last === 'code' && namesAccessCodeColumn(name));
}

/**
 * An APRS-IS server's passcode under a name that says it is one (`APRS_PASS`, `aprs_passcode`, `aprsis_password`): the
 * 15-bit number (0 to 32767) the callsign hashes to, which lets a client send to the network as that station. `-1` is the
 * documented read-only login, no secret; a counting run of digits is a stand-in.
 */
const APRS_PASSCODE = /^\d{3,5}$/;
function isAprsPasscode(name: string, value: string): boolean {
  if (!APRS_PASSCODE.test(value) || Number(value) > 32767 || isStandInDigits(value)) return false;
  const words = splitWords(name);
  return words.some((word) => word === 'aprs' || word === 'aprsis') && /^(?:pass|passcode|password|passwd|pw)$/.test(words[words.length - 1]!);
}

/** A psql variable interpolated into a statement: `:'name'` (as a literal), `:"name"` (as an identifier), `:name`. */
const PSQL_VARIABLE = /^:(?:'[A-Za-z_]\w{0,62}'|"[A-Za-z_]\w{0,62}"|[A-Za-z_]\w{0,62})$/;
const PSQL_NAME = /^[A-Za-z_]\w{0,62}$/;

/**
 * Whether the value starting at `start` is the name of a psql variable: a `:` right before it
 * (or before its opening quote) that a space precedes (`PASSWORD :'name'`, `PASSWORD :name`).
 * In YAML or an object literal a space follows the colon instead, or no space precedes it.
 */
function isPsqlVariable(text: string, start: number, quoted: boolean, value: string): boolean {
  const colon = start - (quoted ? 2 : 1);
  if (colon < 1 || text.charCodeAt(colon) !== 58 /* : */) return false;
  const before = text.charCodeAt(colon - 1);
  return (before === 32 || before === 9) && PSQL_NAME.test(value);
}

/**
 * A psql variable written inside the quotes (`PASSWORD ':app_password'`), named for a secret: still meant as a reference,
 * the placeholder a bootstrap step fills in, not the password (psql itself would not expand it there).
 */
function isQuotedPsqlVariable(value: string): boolean {
  return value.charCodeAt(0) === 58 /* : */ && PSQL_NAME.test(value.slice(1)) && namesASecret(value.slice(1));
}

/** Laravel/validator rules under a field's name: `'password' => 'required|min:12|confirmed'`. */
const VALIDATION_RULE = /^[a-z_]{1,30}(?::[\w,.]{0,60})?$/;
const VALIDATION_ANCHOR_RULES = new Set(['bail', 'required', 'nullable', 'sometimes', 'confirmed', 'present', 'filled', 'string']);
function isValidationRules(value: string): boolean {
  const rules = value.split('|');
  return rules.length >= 2 && rules.every((r) => VALIDATION_RULE.test(r)) && rules.some((r) => VALIDATION_ANCHOR_RULES.has(r));
}

/** A Google app password as it is shown: `qpzm vtrw kxle hbsa`. */
const APP_PASSWORD = /^[a-z]{4}(?: [a-z]{4}){3}$/;

/** A snake_case name that mentions a secret (`pref_saved_password`, `reset_password_token`): in code, a key or label naming the value, not the value. */
const SNAKE_CASE = /^[a-z]{1,30}(?:_[a-z]{1,30}){1,5}$/;
const SECRET_NAME_WORDS = new Set(['password', 'passwd', 'secret', 'token']);
/** `config.db.password`, `vault.db_secret`: lower-case words joined by dots. */
const DOTTED_LOWER_NAME = /^[a-z][a-z_]{0,30}(?:\.[a-z][a-z_]{0,30}){1,6}$/;
/** A camelCase name of letters only (`driverPassword`, `refreshToken`): a keychain or storage key naming the value. */
const CAMEL_CASE = /^[a-z]{1,30}(?:[A-Z][a-z]{1,30}){1,5}$/;
/** An environment variable's or constant's name (`SMTP_PASSWORD_ENV`, `VAULT_TOKEN_VAR`): what a lookup reads the value from. */
const UPPER_SNAKE_CASE = /^[A-Z]{1,30}(?:_[A-Z]{1,30}){1,5}$/;
/** The words that make an upper-snake name a secret's name (`MQTT_PASSWORD`, `STRIPE_SECRET_KEY`, `CI_JOB_TOKEN`). */
const SETTING_SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'KEY']);
/** An environment variable's or setting's name that says secret, given as a value: a reference to that setting. */
function namesAnotherSetting(value: string): boolean {
  return UPPER_SNAKE_CASE.test(value) && value.split('_').some((w) => SETTING_SECRET_WORDS.has(w));
}
function namesASecret(value: string): boolean {
  if (SNAKE_CASE.test(value)) return value.split('_').some((w) => SECRET_NAME_WORDS.has(w));
  if (UPPER_SNAKE_CASE.test(value)) return value.split('_').some((w) => SECRET_NAME_WORDS.has(w.toLowerCase()));
  return CAMEL_CASE.test(value) && splitWords(value).some((w) => SECRET_NAME_WORDS.has(w));
}

/** Chars that may precede the secret word inside the same name (`DB_` in `DB_PASSWORD`, `checksum/` in `checksum/secret`). */
/** [A-Za-z0-9_.\-$@/] by character code: read backwards one character at a time, for every keyword met. */
function isNameCode(c: number): boolean {
  return isIdentifierCode(c) || c === 0x24 /* $ */ || c === 0x40 /* @ */ || c === 0x2f /* / */;
}

/**
 * The end of the run of name characters ([\w.-]) that starts at `from`, read at most 100 characters
 * far: a name that long is no key name anyway (`classifyKey` refuses those over 80), and on a
 * line that is one endless identifier (`a_key_b_key_…`) reading it all for every keyword
 * made a scan quadratic.
 */
function identifierEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + 100);
  while (i < limit && isIdentifierCode(text.charCodeAt(i))) i++;
  return i;
}

/** Where the name holding the keyword at `from` starts: the run of name characters before it, at most 60. */
function nameStartBefore(text: string, from: number): number {
  let i = from;
  while (i > 0 && from - i < 60 && isNameCode(text.charCodeAt(i - 1))) i--;
  return i;
}

interface ValueMatch {
  value: string;
  quoted: boolean;
  /** A dotenv value of several words (the whole rest of the line). */
  multiword?: boolean;
  /** Closed by more than one character (`"""…"""`, `[[…]]`): no literal is joined to it. */
  long?: boolean;
  /** Offset of the value's first character in the text. */
  start: number;
}

/** Lua sources, where `[[…]]` is a long string. */
const LUA_FILE = /\.lua$/i;

/**
 * Config files whose values are text however they are written, with no type for a number: INI (`.ini`, `.cfg`, `.conf`) and
 * Java's properties. A value's quotes there say nothing; digits are kept as a PIN's are, leading zeros and all.
 */
const TEXT_VALUED_CONFIG_FILE = /\.(?:ini|cfg|conf|properties)$/i;

/**
 * Whether a PIN's setting in an INI or properties file keeps its digits as text (`qsys_pin = 662418`): any, but a board's
 * or a chip's pin (`led_pin = 13`, `gpio_reset_pin`), whose number its name says it is.
 */
function isTextValuedPinSetting(name: string, file: string): boolean {
  return TEXT_VALUED_CONFIG_FILE.test(file) && !splitWords(name).some((word) => NOT_ACCESS_PIN_LEAD.has(word));
}

/** Files whose single-quoted strings escape a quote by doubling it: YAML, SQL. */
const DOUBLED_QUOTE_FILE = /\.(?:ya?ml|sql)$/i;

/**
 * Dotenv files (see `isDotenvFileName`), where an unquoted value runs to the end of the line
 * (or an inline ` #` comment) and is a literal string: nothing there refers to a variable
 * without `$`. Tested on the base name: an unanchored search over the whole path would retry
 * at every offset. The last answer is kept: one file's values are judged one after another.
 */
let lastDotenvQuery: { file: string; answer: boolean } | undefined;
function isDotenvFile(file: string): boolean {
  if (lastDotenvQuery?.file === file) return lastDotenvQuery.answer;
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const answer = isDotenvFileName(file.slice(slash + 1));
  lastDotenvQuery = { file, answer };
  return answer;
}

/**
 * A dotenv line's value under a name that ends in `SESSION` (`EXCHANGE_SESSION`, Telethon's `STRING_SESSION`), or in
 * `SESSION_STRING` (Pyrogram's), read from the word `session` on: a session token or a client library's saved session,
 * which signs in as its account until it expires. The value is judged as a weak key's: only a generated one counts
 * (`TMUX_SESSION=dev`, `SESSION=cookie`).
 */
const DOTENV_SESSION_VALUE =
  /session(?:[_.-]str(?:ing)?)?[ \t]{0,4}=[ \t]{0,4}(?:"(?<dq>[^"\s\\]{16,300})"|'(?<sq>[^'\s]{16,300})'|(?<uq>[^\s"'#]{16,300})(?=\s|$))/iy;

/**
 * Whether the name that holds the keyword at `offset` opens its line (after at most eight blanks and an `export`), and
 * the keyword opens a word of it: after `_`, `.` or `-` (`EXCHANGE_SESSION`), or a small letter for a capital
 * (`exchangeSession`). Read back at most 80 characters: no dotenv name is longer.
 */
function dotenvNameEndsInSession(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && offset - i <= 80 && isIdentifierCode(text.charCodeAt(i - 1))) i--;
  if (offset - i > 80) return false;
  const before = codeAt(text, offset - 1);
  const camelBoundary = isLetterCode(before) && !isUpperCode(before) && isUpperCode(text.charCodeAt(offset));
  if (i < offset && (isLetterCode(before) || isDigitCode(before)) && !camelBoundary) return false;
  if (i >= 7 && text.startsWith('export', i - 7) && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i -= 7;
  return startsItsLine(text, i, 8);
}

function findDotenvSessions(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  if (options.file === undefined || !isDotenvFile(options.file)) return spans;
  let done = -1;
  for (const offset of offsets) {
    if (offset < done) continue;
    DOTENV_SESSION_VALUE.lastIndex = offset;
    const m = DOTENV_SESSION_VALUE.exec(text);
    if (m === null || !dotenvNameEndsInSession(text, offset)) continue;
    done = m.index + m[0].length;
    const g = m.groups!;
    const value = g['dq'] ?? g['sq'] ?? g['uq']!;
    if (!isPlausibleSecret(value, { category: 'TOKEN', quoted: true, weakKey: true, file: options.file })) continue;
    const start = done - value.length - (g['uq'] === undefined ? 1 : 0);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * Shell scripts and the files the shell reads (`.envrc`, `.bashrc`, Docker's `--env-file`
 * lists, Dockerfiles' `ENV`): there only `$` refers to a variable, a bare word is a literal.
 */
const SHELL_FILE = /\.(?:sh|bash|zsh|ksh)$|(?:^|[\\/])(?:\.envrc|\.profile|\.bashrc|\.zshrc|\.zshenv|\.bash_profile|env\.list|Dockerfile(?:\.[\w.-]{1,40})?|[\w.-]{1,80}\.dockerfile)$/i;

/** `SHELL_FILE` for one file's values one after another: the last answer is kept, as for dotenv files. */
let lastShellQuery: { file: string; answer: boolean } | undefined;
function isShellFile(file: string): boolean {
  if (lastShellQuery?.file === file) return lastShellQuery.answer;
  const answer = SHELL_FILE.test(file);
  lastShellQuery = { file, answer };
  return answer;
}

/** A wiki's page as text: DokuWiki keeps its pages as `.txt` files, other wikis export `.wiki` or `.mediawiki`. */
const WIKI_TEXT_FILE = /\.(?:txt|text|wiki|dokuwiki|mediawiki)$/i;

/** The length of a single-quoted YAML/SQL body that starts at `from`, reading `''` as one quote (or -1). */
function doubledQuoteBodyLength(text: string, from: number): number {
  for (let i = from; i < text.length && i - from <= 300; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (c !== 39 /* ' */) continue;
    if (text.charCodeAt(i + 1) === 39) i++;
    else return i - from;
  }
  return -1;
}

/**
 * ODBC's quoting of a value (`PWD={XRF;Oxide=Ca0}` in an odbc.ini DSN, `Pwd={…}` in a connection string in a config file):
 * the braces let it hold `;`, `=` and blanks, and a `}` in it is doubled. The value is what the braces hold, up to the one
 * that ends it before the line's end or the next pair's `;`. In program source braces are an interpolation or a format
 * field (`f"Pwd={pw}"`), which the connection-string rules tell apart; so is a bare name in braces anywhere (`{password}`).
 * Only after `=`, as ODBC writes its pairs.
 */
const ODBC_BRACED_VALUE = /\{(?<v>(?:[^{}\r\n]|\}\}){1,256})\}(?=[ \t]{0,8}(?:;|\r?\n|$))/y;
const FORMAT_FIELD_NAME = /^[\w.]{1,60}$/;
function odbcBracedValue(text: string, start: number, file: string | undefined): ValueMatch | undefined {
  if (text.charCodeAt(start) !== 0x7b /* { */ || isCodeFile(file)) return undefined;
  // ODBC's pairs are `key=value`: after `:` or a blank braces open an object or a type (`key {string|Buffer}` in API docs).
  if (!/=[ \t]{0,4}$/.test(text.slice(Math.max(0, start - 5), start))) return undefined;
  ODBC_BRACED_VALUE.lastIndex = start;
  const m = ODBC_BRACED_VALUE.exec(text);
  const inner = m?.groups!['v'];
  if (inner === undefined || FORMAT_FIELD_NAME.test(inner)) return undefined;
  return { value: inner, quoted: true, start: start + 1 };
}

const YAML_FILE = /\.ya?ml$/i;
/** A one-word YAML plain scalar from `start`: no blank in it, then only blanks or a ` #` comment to the line's end. */
const YAML_PLAIN_WORD = /[^\s"'`]{1,300}(?=[ \t]{0,40}(?:[ \t]#[^\r\n]{0,300})?(?:\r?\n|$))/y;
function yamlPlainScalarAt(text: string, start: number): string | undefined {
  YAML_PLAIN_WORD.lastIndex = start;
  return YAML_PLAIN_WORD.exec(text)?.[0];
}

/** The value of a match of `ASSIGNMENT_STICKY` or `VALUE_AFTER_TAG`, whose groups `at` numbers. */
function valueOf(m: RegExpExecArray, at: ValueGroups, text: string, file: string | undefined): ValueMatch | undefined {
  const end = m.index + m[0].length;
  const sq = m[at.sq];
  if (sq !== undefined) {
    // Read with `\'` as an escape; where the file's single quotes are literal, the value ends at the first `\'`.
    const start = end - 1 - sq.length;
    if (file !== undefined && DOUBLED_QUOTE_FILE.test(file) && text.charCodeAt(end) === 39) {
      // `'it''s'`: the quote was doubled, so the literal goes on.
      const length = doubledQuoteBodyLength(text, start);
      if (length > 0) return { value: text.slice(start, start + length), quoted: true, start };
    }
    const body = sq.slice(0, singleQuotedLength(sq, file));
    // Gradle's `buildConfigField 'String', 'NAME', '"…"'`: the Java literal inside is the value.
    if (body.length > 2 && body.charCodeAt(0) === 34 && body.charCodeAt(body.length - 1) === 34 && !body.slice(1, -1).includes('"')) {
      return { value: body.slice(1, -1), quoted: true, start: start + 1 };
    }
    return { value: body, quoted: true, start };
  }
  // Closed by three quotes or two brackets: `"""…"""`, Lua's `[[…]]` (elsewhere `[[…]]` is a nested list or a shell test).
  const longValue = m[at.tq] ?? m[at.tsq] ?? (m[at.lb] !== undefined && file !== undefined && LUA_FILE.test(file) ? m[at.lb] : undefined);
  if (longValue !== undefined) {
    const start = end - (m[at.lb] !== undefined ? 2 : 3) - longValue.length;
    return { value: longValue, quoted: true, start, long: true };
  }
  if (m[at.lb] !== undefined) return undefined;
  // DokuWiki's monospace, two single quotes each side (a wiki page's `password ''…''`): elsewhere `''` is an empty string.
  const wiki = m[at.dw];
  if (wiki !== undefined) return WIKI_TEXT_FILE.test(file ?? '') ? { value: wiki, quoted: true, start: end - 2 - wiki.length } : undefined;
  // reStructuredText's inline literal and a Markdown code span that may hold a backtick: two backticks each side.
  const doubleBacktick = m[at.bq2];
  if (doubleBacktick !== undefined) return { value: doubleBacktick, quoted: true, start: end - 2 - doubleBacktick.length };
  const quotedValue = m[at.dq] ?? m[at.dq2] ?? m[at.sq2] ?? m[at.bq] ?? m[at.sg];
  if (quotedValue !== undefined) {
    const start = end - 1 - quotedValue.length;
    // A string holding a quoted string (Gradle's `buildConfigField("String", "NAME", "\"…\"")`, a C macro's text): the inner literal is the value.
    if (quotedValue.length > 4 && quotedValue.startsWith('\\"') && quotedValue.endsWith('\\"') && !quotedValue.slice(2, -2).includes('"')) {
      return { value: quotedValue.slice(2, -2), quoted: true, start: start + 2 };
    }
    return { value: quotedValue, quoted: true, start };
  }
  const hc = m[at.hc];
  if (hc !== undefined) return { value: hc, quoted: true, start: end - '</code>'.length - hc.length };
  const hd = m[at.hd];
  if (hd !== undefined) return { value: hd, quoted: false, start: end - hd.length };
  const bare = m[at.uq];
  if (bare === undefined) return undefined;
  if (file !== undefined && isDotenvFile(file)) {
    // `SESSION_SECRET=lantern velvet mango cactus`: dotenv takes the rest of the line.
    const line = lineBounds(text, end, 300);
    let rest = text.slice(end - bare.length, line.end);
    const comment = rest.search(/[ \t]#/);
    if (comment !== -1) rest = rest.slice(0, comment);
    rest = rest.trimEnd();
    if (rest.length > bare.length) return { value: rest, quoted: false, start: end - bare.length, multiword: true };
    // One word is the value whole, whatever characters end it (a Django secret key's `…=C&hTWP)`): dotenv quotes
    // nothing and cuts nothing off, so no statement's or list's punctuation is dropped below.
    if (rest === bare && bare.length > 0) return { value: bare, quoted: false, start: end - bare.length };
  }
  // A YAML plain scalar runs to its line's end or a ` #` comment: a `<` inside it is the value's (`Turbidity<1NTU!`), not a
  // tag or a placeholder's bracket, which would open the value. Only a value of one word is read on so.
  if (text.charCodeAt(end) === 0x3c /* < */ && file !== undefined && YAML_FILE.test(file)) {
    const plain = yamlPlainScalarAt(text, end - bare.length);
    if (plain !== undefined) return { value: plain, quoted: false, start: end - bare.length };
  }
  // In a notebook or other JSON, code's own quotes are escaped (`api_key=\"…\"` in a cell's source): they delimit the value,
  // which is read as a quoted one, so the quotes stay in the text around its token.
  if (bare.startsWith('\\"') && file !== undefined && JSON_STRING_FILE.test(file)) {
    const close = bare.indexOf('\\"', 2);
    if (close > 2) return { value: bare.slice(2, close), quoted: true, start: end - bare.length + 2 };
  }
  const braced = odbcBracedValue(text, end - bare.length, file);
  if (braced !== undefined) return braced;
  // Drop the punctuation that ends a statement or list, and unbalanced closing brackets.
  // In a `Key=value;Other=…` chain (connection strings) the value ends at the `;`.
  // In a URL's query or fragment (`#id_token=…&state=…`) it ends at the next `&name=`.
  // (Each cut is tried only when its character is there: this runs for every bare value.)
  let value = bare;
  if (value.includes(';')) value = value.replace(/;[ \t]{0,2}[A-Za-z][\w .-]{0,40}=.{0,300}$/, '');
  if (value.includes('&')) value = value.replace(/&[A-Za-z_][\w.-]{0,40}=.{0,300}$/, '');
  // In HTML an escaped quote ends it too (`printf(&quot;Password is correct.&quot;)` in a page that shows code), unless
  // it opens the value: `?token=&quot;…&quot;` quotes it, read as such.
  let start = end - bare.length;
  if (value.includes('&')) {
    const opening = ESCAPED_QUOTE_AT_START.exec(value);
    if (opening !== null) {
      const closing = value.slice(opening[0].length).search(ESCAPED_QUOTE);
      if (closing > 0) return { value: value.slice(opening[0].length, opening[0].length + closing), quoted: true, start: start + opening[0].length };
    } else value = value.replace(ESCAPED_QUOTE_AND_REST, '');
  }
  // In a `Key=stack,Value=Production` list (the AWS CLI's shorthand, `Bucket=b,Key=k`) it ends at the next `,name=`.
  if (value.includes(',')) value = value.replace(/,[A-Za-z_][\w.-]{0,40}=.{0,300}$/, '');
  // A source map holds code as JSON strings: a bare value there ends at an escaped line break or quote. So does one in
  // a notebook (`"%env OPENAI_API_KEY=…\n"`) or other JSON at an escaped line break or tab, which ends the string's
  // own line (an escaped quote there may open the value: `password=\"…\"`, read as a quoted one later).
  if (value.includes('\\') && file !== undefined) {
    if (file.endsWith('.map')) value = value.replace(/\\[nrt"].*$/, '');
    else if (JSON_STRING_FILE.test(file)) value = value.replace(/\\[nrt].*$/, '');
  }
  // A C-style comment opened right after it ends it (`VKI_CAM_PASS_ERR_RECOVER = 0x00010000,/* … */`).
  if (value.includes('/*')) value = value.slice(0, value.indexOf('/*'));
  value = trimTrailing(value, ',;');
  const last = value.charAt(value.length - 1);
  if (last !== '' && ')]}'.includes(last) && !/[([{]/.test(value)) value = trimTrailing(value, ')]}');
  value = trimTrailing(value, ',;');
  // `New password: **…**`: Markdown's emphasis is markup around the value.
  const emphasized = withoutEmphasis(value, file);
  if (emphasized !== undefined) return { value: emphasized.value, quoted: false, start: start + emphasized.offset };
  return { value, quoted: false, start };
}

/** A name for an analytics write key (`SEGMENT_WRITE_KEY`, `writeKey`), which a page may load its browser library with. */
const WRITE_KEY_NAME = /write[_.\-]?key|segment/i;

/** Files whose text sits in JSON strings, where `\n` is the escape of a line break (notebooks, HAR captures, JSON). */
const JSON_STRING_FILE = /\.(?:ipynb|json|jsonl|ndjson|har)$/i;

/** A quote as HTML escapes it (`&quot;`, `&#39;`): where a bare value in a page's text opens or ends. */
const ESCAPED_QUOTE_ENTITY = '&(?:quot|apos|#34|#39|#x22|#x27)';
const ESCAPED_QUOTE = new RegExp(`${ESCAPED_QUOTE_ENTITY};`, 'i');
const ESCAPED_QUOTE_AT_START = new RegExp(`^${ESCAPED_QUOTE_ENTITY};`, 'i');
const ESCAPED_QUOTE_AND_REST = new RegExp(`${ESCAPED_QUOTE_ENTITY};?.{0,300}$`, 'i');

/** `value` without the run of `chars` at its end. */
function trimTrailing(value: string, chars: string): string {
  let end = value.length;
  while (end > 0 && chars.includes(value.charAt(end - 1))) end--;
  return end === value.length ? value : value.slice(0, end);
}

/**
 * curl's `-u user:password` / `--user user:password`, from the flag on. The user may be a variable (`-u "$NEXUS_USER:…"`,
 * `${CI_USER}`): a script keeps the account in one place and writes the password in the command.
 */
const CURL_USER_AT = /(?<![\w-])(?:-u|--user)(?:=|\s{1,4})["']?(?<user>\$\{?[A-Za-z_]\w{0,60}\}?|[^\s:"'$]{0,100})["']?:["']?(?<v>(?:[^\s"'\\]|\\[^\s]){1,200})/y;
/** The groups a `-u user:group` of docker, podman or sudo names (`-u "$USER:www-data"`), no password. */
const UNIX_GROUP = /^(?:www-data|nogroup|nobody|docker|daemon|apache|nginx|users|wheel|staff|adm|sudo|root)$/;

/**
 * Whether the line a match starts on could be uuencoded, judged from the match alone: such a
 * line holds only characters from space to backquote, and a name in lower case is outside
 * them (so most matches need no look at their line).
 */
function mayBeUuencodedLine(match: string): boolean {
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true; // the rest is on the next line
    if (c < 0x20 || c > 0x60) return false;
  }
  return true;
}

/** A line of uuencoded data: 61 characters starting with `M`. */
const UUE_LINE = /^M[\x20-\x60]{60}$/;

function lineAround(text: string, at: number): string {
  const { start, end } = lineBounds(text, at, 100);
  return text.slice(start, end);
}

/** Whether a name and a value separated only by spaces form an assignment here. */
/** Files whose syntax is `keyword value` pairs: `.netrc` (`password …`), ssh-style configs. */
const SPACE_SEPARATED_FILE = /(?:^|[\\/])[._]?netrc$/i;
/**
 * Config files whose lines are `directive value` (mosquitto, haproxy, redis, stunnel), and msmtp's
 * (`~/.msmtprc`, `/etc/msmtprc`, copies with an extension such as `msmtprc.ini`): `password …` there.
 */
const DIRECTIVE_CONFIG_FILE = /\.(?:conf|cfg|cnf)$|(?:^|[\\/])\.?msmtprc(?:\.[\w-]{1,12})?$/i;
/** A directive that names a password, maybe shortened (`remote_password`, `client_key_pass`, `bind_pwd`). */
const DIRECTIVE_PASSWORD_NAME = /(?:password|passwd|[_.-](?:pass|pwd))$/i;
/**
 * A compound directive in PascalCase that names a password (`BindPassword`, `SIPLoginPassword`, `AuthLDAPBindPassword`):
 * a word or more before `Password`, so no sentence's first word.
 */
const PASCAL_PASSWORD_DIRECTIVE = /^[A-Z][A-Za-z0-9]{0,60}Pass(?:word|wd)$/;
/**
 * A line that opens with a compound or acronym directive in PascalCase and its value (`BindUser CN=svc,…`, `SIPLoginUser ops`,
 * `URL https://…`): two capitals at least, so a sentence's capitalised first word (`Reset it`) is none.
 */
const PASCAL_DIRECTIVE_LINE = /[ \t]{0,8}[A-Z][a-z0-9]{0,30}[A-Z][A-Za-z0-9]{0,60}[ \t]{1,8}[^\s#]/y;

/**
 * Whether the line right above or below the one starting at `lineStart` is a PascalCase directive line (`PASCAL_DIRECTIVE_LINE`):
 * the file is one of such directives, whatever its name (EZproxy's `config.txt` and `user.txt`, an `.htaccess`).
 */
function besidePascalDirective(text: string, lineStart: number): boolean {
  if (lineStart >= 2) {
    let above = lineStart - 1;
    const floor = Math.max(0, lineStart - 300);
    while (above > floor && text.charCodeAt(above - 1) !== 0x0a) above--;
    if (above === 0 || text.charCodeAt(above - 1) === 0x0a) {
      PASCAL_DIRECTIVE_LINE.lastIndex = above;
      if (PASCAL_DIRECTIVE_LINE.test(text)) return true;
    }
  }
  let nl = lineStart;
  const ceiling = Math.min(text.length, lineStart + 300);
  while (nl < ceiling && text.charCodeAt(nl) !== 0x0a) nl++;
  if (nl >= ceiling) return false;
  PASCAL_DIRECTIVE_LINE.lastIndex = nl + 1;
  return PASCAL_DIRECTIVE_LINE.test(text);
}
/** The fields' names after a name in a format of fields joined by colons (`groups`, `<role>`, `GID:user_list`): letters, no digits. */
const FORMAT_FIELD_WORD = /^<?[A-Za-z][A-Za-z_:<>-]{0,330}$/;
/** The field before a name in such a format, up to the colon between them (`user`, `# format: <login>`). */
const FORMAT_FIELD_BEFORE = /(?:^|[\s:])<?[A-Za-z][A-Za-z_-]{0,30}>?$/;
/** nginx's directives that pass requests on to an upstream: the value names it. */
const UPSTREAM_PASS_DIRECTIVE = /^(?:proxy|fastcgi|uwsgi|scgi|grpc|memcached)_pass$/i;
/** A Java-style property name of dotted lower-camel words (`spark.authenticate.secret`, `fs.s3a.secret.key`). */
const DOTTED_PROPERTY_NAME = /^[a-z][A-Za-z0-9_-]{0,40}(?:\.[A-Za-z0-9_-]{1,40}){1,10}$/;
/** A component or page rendered to the browser: a CSP nonce there is sent in the HTML it guards. */
const FRONT_END_FILE = /\.(?:vue|svelte|astro|html?|[jt]sx)$/i;
/** A log file, rotated or not (`access-bridge.log`, `gateway.log.1`): what it records of a protocol went over the wire. */
const LOG_FILE = /\.log(?:\.\d{1,3})?$/i;
/** Languages where `=>` after a bare name is a lambda's arrow or an expression-bodied member, never a map entry's (as in PHP, Perl and Ruby). */
const ARROW_FUNCTION_FILE = /\.(?:cs|[cm]?[jt]sx?|scala)$/i;

/**
 * A lambda's parameter before `=>` (`items.Select(token => "…")`, `.map(secret => "…")`, `const f = password => "…"`): what
 * stands before the name opens an argument list or assigns the function; it binds no value to the name. An expression-bodied
 * member (`public string ApiToken => "…";`) has a type or a modifier before its name.
 */
function isLambdaParameter(text: string, nameStart: number): boolean {
  let i = nameStart - 1;
  while (i >= 0 && nameStart - i < 16 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  const c = text.charCodeAt(i);
  return c === 0x28 /* ( */ || c === 0x2c /* , */ || c === 0x3d /* = */ || (i >= 4 && text.startsWith('async', i - 4));
}

/** A password's shape: 8–64 characters without spaces, with letters, digits and a symbol (`Xenon!onyx367&`). */
function isPasswordShaped(value: string): boolean {
  return value.length >= 8 && value.length <= 64 && !/\s/.test(value) && /[A-Za-z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9]/.test(value);
}

/**
 * `wide`: more than 8 spaces or tabs part the name from the value. Columns that wide come
 * from aligned directives (`#define KESTREL_MQTT_PASS          "…"`) and configs, not from
 * a flag or a quoted word in prose.
 */
function isSpaceSeparatedAssignment(text: string, nameStart: number, name: string, quoted: boolean, file: string | undefined, wide: boolean): boolean {
  if (name.startsWith('-')) return !wide; // a command-line flag: `--password …`, `-secret …`
  const kind = spaceSeparatedFileKind(file);
  if (kind.pairs) return true;
  // The line's text before the name, read back at most 160 characters (as `lineBounds(text, nameStart, 160).start`).
  let lineStart = nameStart;
  const floor = Math.max(0, nameStart - 160);
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  // Both prefix patterns end in `[ \t]{1,8}$`: before any other character neither can match, and they are not tried.
  const last = nameStart > lineStart ? text.charCodeAt(nameStart - 1) : -1;
  if (last === 0x20 || last === 0x09) {
    const prefix = text.slice(lineStart, nameStart);
    if (SPACE_ASSIGNMENT_PREFIX.test(prefix)) return true;
    if (WITH_PREFIX.test(prefix) && !GENERATION_INPUT_NAME.test(name)) return true;
  }
  if (kind.properties || kind.directives) {
    const opensLine = isBlankBetween(text, lineStart, nameStart);
    // Java .properties allow whitespace as the separator: `ldap.bind.password   …` at the start of a line.
    if (kind.properties && opensLine) return true;
    // Daemon configs of `directive value` lines (mosquitto's `remote_password …`, `masterauth …`): a password directive at the start of a line,
    // also one shortened to a last word `pass` or `pwd` (`client_key_pass …`, `bind_pwd …`); nginx's `proxy_pass`,
    // `fastcgi_pass` and the like pass requests on to an upstream, which they name.
    if (kind.directives && opensLine && DIRECTIVE_PASSWORD_NAME.test(name) && !UPSTREAM_PASS_DIRECTIVE.test(name)) return true;
    // Java-style dotted properties as `name value` lines in a .conf (Spark's spark-defaults.conf, Hive/Presto-era configs:
    // `spark.hadoop.fs.s3a.secret.key   …`, `spark.authenticate.secret …`): the same reading as a .properties file's.
    if (kind.directives && opensLine && DOTTED_PROPERTY_NAME.test(name)) return true;
  }
  // A file of PascalCase `Directive value` lines that its name does not announce (EZproxy's `config.txt` and `user.txt`:
  // `BindUser …` over `BindPassword …` in an `::LDAP` block, `SIPLoginPassword …`; Apache's `.htaccess`: `AuthLDAPBindPassword …`):
  // a compound directive naming a password that opens its line, right beside another such directive line. Not in program
  // source, where such lines are a struct's fields (`AdminPassword string`).
  if (!kind.directives && PASCAL_PASSWORD_DIRECTIVE.test(name) && isBlankBetween(text, lineStart, nameStart) && !isCodeFile(file) && besidePascalDirective(text, lineStart)) return true;
  // Otherwise only a quoted literal: `PASSWORD 'x'` in SQL, `password "x"` in notes.
  return quoted && !wide;
}

/** Whether only spaces and tabs lie between `from` and `to` (`/^[ \t]*$/` of that slice, without the slice). */
function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

interface SpaceSeparatedFileKind {
  /** `.netrc`: every `name value` is a pair. */
  pairs: boolean;
  /** A Java `.properties` file. */
  properties: boolean;
  /** A daemon's `directive value` config (see `DIRECTIVE_CONFIG_FILE`). */
  directives: boolean;
}
const NO_FILE_KIND: SpaceSeparatedFileKind = { pairs: false, properties: false, directives: false };
/** The file's kind for `isSpaceSeparatedAssignment`: the last answer is kept, as for dotenv files (one file's matches come one after another). */
let lastSpaceSeparatedKind: { file: string; kind: SpaceSeparatedFileKind } | undefined;
function spaceSeparatedFileKind(file: string | undefined): SpaceSeparatedFileKind {
  if (file === undefined) return NO_FILE_KIND;
  if (lastSpaceSeparatedKind?.file === file) return lastSpaceSeparatedKind.kind;
  const kind = { pairs: SPACE_SEPARATED_FILE.test(file), properties: /\.properties$/i.test(file), directives: DIRECTIVE_CONFIG_FILE.test(file) };
  lastSpaceSeparatedKind = { file, kind };
  return kind;
}

/**
 * A PGP key's id or fingerprint as gpg prints it (16 or 40 hex digits in upper case, or any
 * case after `0x`), maybe with gpg's `!` (this exact subkey): public, it names the key.
 */
const PGP_KEY_ID = /^(?:0x(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})|[0-9A-F]{16}|[0-9A-F]{40})!?$/;
/**
 * Words of names that take a PGP key by id: git's `user.signingkey`, `GPG_KEY`, `pgp_key` (not `design_token`),
 * and gpg's `--recv-keys` (a Dockerfile's or install script's release-signing keys, fetched from a keyserver).
 */
const PGP_KEY_NAME_WORD = /^(?:sign|signing|signingkey|gpg|gpgkey|pgp|pgpkey|recv)$/;
function namesPgpKey(name: string): boolean {
  return splitWords(name).some((w) => PGP_KEY_NAME_WORD.test(w));
}
/** A `value=` attribute right after a quoted `key=`/`name=` attribute. */
const ENTRY_VALUE_ATTRIBUTE = /^[ \t\r\n]{1,5}value[ \t]{0,3}=/i;

/** What follows a block's last label (HCL `resource "type" "name" {`): an opening brace. */
const BLOCK_LABEL_END = /^[ \t]{0,4}\{/;

/** A fallback handed through a call (`?? devOnly(`), and what closes that call right after its only argument's closing quote. */
const FALLBACK_CALL = /(?:\|\||\?\?|\bor)[ \t]{0,4}[A-Za-z_$][\w$.]{0,40}\([ \t]{0,4}$/;
const ONLY_ARGUMENT_END = /^[ \t]{0,4}\)/;
/**
 * A fallback handed through a lookup (`password or os.environ.get("SIP2_PASSWORD")`, `?? getenv('S3_SECRET')`): its one
 * argument names where the value is looked up, whatever its case or digits, and is no value of the name's.
 */
const LOOKUP_FALLBACK_CALL = /(?:^|[^\w$])(?:getenv|get|fetch|getProperty|GetEnvironmentVariable|env)\([ \t]{0,4}$/;
/** After a lookup's one argument: the call's `)`, the chain's next fallback (`?:`, `??`, `||`, `or`) and the literal it ends in. */
const CHAINED_FALLBACK_LITERAL = /[ \t]{0,4}\)[ \t]{0,4}(?:\?:|\?\?|\|\||or(?=[ \t]))[ \t]{0,4}(?:"([^"\\\r\n]{1,300})"|'([^'\\\r\n]{1,300})')/y;
/** A variable's name as a bare value. */
const BARE_IDENTIFIER = /^[A-Za-z_$][\w$]{0,60}$/;
/** After a bare value: an arithmetic or bitwise operator between spaces and the start of another operand. */
const EXPRESSION_GOES_ON = /^[ \t]{1,4}[-+*/%|&^][ \t]{1,4}[\w(]/;
/** A fallback's `or` straight after the name, with no lookup's bracket before it (`client_secret or "…"`). */
const BARE_NAME_OR = /^[ \t]{1,4}or[ \t]/;
/** The separator of a Ruby fallback block (`) { "…" }`), which only `fetch("NAME")` gives its meaning (`ENV.fetch`, `credentials.fetch`). */
const RUBY_FETCH_BLOCK = /^\)[ \t]{0,4}\{/;
const FETCH_CALL_BEFORE_NAME = /\bfetch\([ \t]{0,4}[:"']$/;

/** What follows an entry's quoted name: its `=` or `:` (not a comparison's `==`). */
const QUOTED_ENTRY_NAME_END = /^[ \t]{0,8}(?:=(?![=>])|:(?!:))/;

/** `if (password === confirmPassword)`: a comparison with a bare value compares variables. */
/**
 * `"## Rotating keys" -> 36e75e…`: a quoted phrase that an arrow maps to what it becomes (a digest, a slug,
 * an id) in an example. The name is the last word of a text in quotes, which no setting is called.
 */
function isQuotedPhraseMapped(text: string, nameStart: number, name: string, separator: string): boolean {
  if (separator.trim() !== '->') return false;
  const quote = text.charAt(nameStart + name.length);
  if (quote !== '"' && quote !== "'") return false;
  const lineStart = lineBounds(text, nameStart, 200).start;
  const open = text.lastIndexOf(quote, nameStart - 1);
  return open >= lineStart && /[ \t]/.test(text.slice(open + 1, nameStart));
}

/** How far back from a name a URL's scheme may be: a long path, but on the name's own token. */
const URL_REACH = 300;

/**
 * Whether the name at `nameStart` stands in a URL: the run of non-blank, unquoted characters it ends holds `://`. The
 * name may itself open with the `//` (a name read as `//host/wiki/License` after `http:`). Unlike connection.ts's
 * `urlSeparatorBefore`, an opening parenthesis ends the run: `(see https://…) token:…` keeps its assignment.
 */
function isInUrl(text: string, nameStart: number): boolean {
  const floor = Math.max(0, nameStart - URL_REACH);
  for (let i = Math.min(nameStart + 1, text.length - 1); i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x22 /* " */ || c === 0x27 /* ' */ || c === 0x60 /* ` */ || c === 0x3c /* < */ || c === 0x3e /* > */ || c === 0x28 /* ( */) return false;
    if (c === 0x2f /* / */ && text.charCodeAt(i - 1) === 0x2f && text.charCodeAt(i - 2) === 0x3a /* : */) return true;
  }
  return false;
}

function isComparison(separatorAndValue: string, quoted: boolean): boolean {
  return !quoted && /(?:==|!=)/.test(separatorAndValue);
}

/**
 * What comes before `IDENTIFIED BY` in SQL that sets a password: `CREATE`/`ALTER USER` (or `ROLE`, `LOGIN`)
 * earlier in the statement, or `… TO <account>` right before (`GRANT … TO u`, a database link's `CONNECT TO u`).
 */
const SQL_ACCOUNT_STATEMENT = /\b(?:create|alter)\s{1,8}(?:user|role|login)\b[^;]{0,240}$|\bto\s{1,8}(?:'[^'\s]{1,64}'|"[^"\s]{1,64}"|[\w$#]{1,64})(?:@\S{1,64})?\s{1,8}$/i;

/** A word a list holds (`crypto`, `HTTPPasswordMgr`, `pw_gid`, `arg2`, a command's `*EXPORT` or `/EXPAND`): letters, then at most a short number. */
const LIST_ITEM_WORD = /^[*/]?[A-Za-z_][A-Za-z_.-]{0,80}\d{0,3}$/;

const PYTHON_FILE = /\.pyi?$/;
const PRINTF_CONVERSION = /%(?:\([A-Za-z_]\w{0,30}\))?[-+ #0]?\d{0,3}[sdifrx]/;
const PERCENT_OPERATOR = /^[ \t]{0,2}%[ \t(]/;
/**
 * A call's printf template (a literal holding a conversion) and then bare arguments up to the one that ends the text:
 * `log.info("pushed %s (checksum %s)", ` before `key, "…"`. On one line, each part bounded.
 */
const PRINTF_TEMPLATE_BEFORE_ARGUMENT = /\([ \t]{0,4}(["'])[^"'\r\n%]{0,200}%[-+ #0]?\d{0,3}[sdifrx][^"'\r\n]{0,200}\1[ \t]{0,4},(?:[ \t]{0,4}[\w.$]{1,60}[ \t]{0,4},){0,8}[ \t]{0,4}$/;
const LIST_CLOSE_AFTER_NAME = /^["'`]?\]/;
const ANONYMOUS_LOGIN_BEFORE = /(?:login|user(?:name)?)[ \t]{1,4}(?:anonymous|ftp)[ \t]{1,4}$/i;
/**
 * A reStructuredText info field that documents a parameter (`:param crypto_key: A ``cryptography`` key.`, `:type password: str`,
 * `:param str api_key:`, `:ivar token:`): what follows it describes the parameter, never holds its value.
 */
const DOC_FIELD_BEFORE = /:(?:param|parameter|arg|argument|key|keyword|kwarg|type|ivar|cvar|var|vartype)[ \t]{1,4}(?:[\w.[\], |]{1,40}[ \t]{1,4})?$/;
/** A constant's name: three or more capitalised words joined by underscores (`ALLOW_USER_SRP_AUTH`). */
const CONSTANT_LIST_ITEM = /^[A-Z]{1,20}(?:_[A-Z]{1,20}){2,8}$/;
/** Python's attribute calls (`hasattr(self.passwd, 'is_authenticated')`): the literal after the object is the attribute's name. */
const ATTRIBUTE_CALL_BEFORE = /\b(?:hasattr|getattr|setattr|delattr)\([ \t]{0,4}[\w.]{0,60}$/;
/** A name said to be an example's (`the sample password ``secret99```, `an example API key "…"`): the value shown is no one's. */
const EXAMPLE_WORD_BEFORE = /\b(?:sample|example|dummy|placeholder|fake)[ \t]{1,4}(?:[A-Za-z]{2,12}[ \t]{1,4})?$/i;
/** An identifier (camelCase, snake_case, dotted) and its colon, as a value: the label of what follows. A plain word (`Passwort:`) is prose's. */
const BARE_LABEL = /^(?=[\w.-]{0,60}(?:[a-z][A-Z]|[_.-]\w))[A-Za-z_][\w.-]{0,60}:$/;
/** Whether a value is a model attribute's type: every name in it a builtin or a class named in words (never a generated string). */
function isModelType(value: string): boolean {
  if (!MODEL_TYPE.test(value)) return false;
  for (const [name] of value.matchAll(TYPE_NAMES)) if (!BUILTIN_MODEL_TYPES.has(name) && !isNameShaped(name)) return false;
  return true;
}

/** Whether an object opened by these words is a generated model's map of attribute types (`swagger_types = {`, `openapi_types = {`). */
function namesModelTypeMap(words: readonly string[]): boolean {
  const last = words.length - 1;
  return last >= 1 && words[last] === 'types' && MODEL_TYPE_MAP_WORDS.test(words[last - 1]!);
}

/** A class named in a string, as Python's annotations refer ahead (`"Backend"`, `"_DSAPrivateKey"`, `"Optional[Session]"`). */
const ANNOTATED_TYPE = /^_{0,2}[A-Z][A-Za-z0-9]{1,60}(?:\.[A-Z][A-Za-z0-9]{1,60}){0,3}(?:\[[\w., ]{1,80}\])?$/;
const QUOTE_CHARS = `"'\``;
/**
 * A type as Swagger's and OpenAPI Generator's Python models write it in their `swagger_types` / `openapi_types` map
 * (`'secret': 'V1SecretVolumeSource'`, `'image_pull_secrets': 'list[V1LocalObjectReference]'`, `'data': 'dict(str, str)'`):
 * a class or builtin's name, maybe in a `list[…]` or `dict(…)`.
 */
const MODEL_TYPE = /^(?:[A-Za-z_][\w.]{0,80}|list\[[\w.\[\](), ]{1,120}\]|dict\([\w.\[\](), ]{1,120}\))$/;
/** The classes' and builtins' names inside such a type (`V1SecretVolumeSource`, `str`, `datetime`). */
const TYPE_NAMES = /[A-Za-z_][\w.]{0,80}/g;
const BUILTIN_MODEL_TYPES = new Set(['str', 'int', 'float', 'bool', 'object', 'date', 'datetime', 'file', 'bytearray', 'dict', 'list']);
/** The words of the maps those generated models declare their attributes' types in. */
const MODEL_TYPE_MAP_WORDS = /^(?:swagger|openapi)$/;
/** A replacement field of Python's `str.format`: `{}`, `{0}`, `{name}`, `{:0.1f}`. */
const FORMAT_FIELD = /\{(?:\d{1,2}|[A-Za-z_]\w{0,30})?(?::[^{}\r\n]{0,20})?\}/;
const LIST_ITEM_NAME = /^[A-Za-z_][\w./-]{2,80}$/;

/** A list item that is a name made of words, digits in some (`X509_info_st`, `gss_krb5_rfc1964_keydata`, `America/Los_Angeles`). */
function isListItemName(value: string): boolean {
  return LIST_ITEM_WORD.test(value) || (LIST_ITEM_NAME.test(value) && isNameShaped(value) && !isVendorPrefixedToken(value)) || ENUM_CONSTANT.test(value);
}

/** An enum's constant in upper snake case, numbers among its words (`TR31_M6_ISO_9797_5_CMAC_KEY`). */
const ENUM_CONSTANT = /^[A-Z][A-Z0-9]{0,20}(?:_[A-Z0-9]{1,20}){2,12}$/;

/**
 * A constant set to its own name (`FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD"`, `PassStateEntered = "PassStateEntered"`): an enum's
 * member; or to the words its name ends with (OpenSSL's `#define SN_kx_psk "KxPSK"`, `#define PK11_PW_RETRY "RETRY"`): a label.
 */
function isOwnName(name: string, value: string): boolean {
  // The value's letters and digits, lower-cased, end the name's (4 of them at least): compared from the end one
  // character at a time, skipping the rest, so that a value that differs at once costs no copies of either.
  let i = value.length;
  let j = name.length;
  let same = 0;
  for (;;) {
    while (i > 0 && !isLetterOrDigit(value.charCodeAt(i - 1))) i--;
    if (i === 0) return same >= 4;
    while (j > 0 && !isLetterOrDigit(name.charCodeAt(j - 1))) j--;
    if (j === 0 || asciiLower(value.charCodeAt(i - 1)) !== asciiLower(name.charCodeAt(j - 1))) return false;
    i--;
    j--;
    same++;
  }
}


const isLetterOrDigit = (c: number): boolean => isLetterCode(c) || isDigitCode(c);

/** An ASCII letter's lower case (any other code as it is). */
function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** A name that is a file's (`keycert.passwd.pem`, `token.json`): what follows it is no value of its. */
const FILE_NAME_EXTENSION = /\.(?:pem|crt|cer|p12|pfx|jks|der|csr|txt|json|ya?ml|gpg|asc|enc|bak|log)$/i;
/** After a quoted item's closing quote: another item or the list's end (`]`, a set's `}`), maybe on the next line. */
const MORE_LIST_ITEMS = /^[ \t]{0,8}(?:\r?\n[ \t]{0,40})?[,\]}]/;

/**
 * Names that look like a secret's but name something else:
 * - `"AWS::ApiGateway::ApiKey": …`: a quoted name qualified with `::` is a type (a CloudFormation resource type),
 *   not a variable (`Config::API_KEY = "…"` in code is unquoted);
 * - `readFile('/etc/passwd', …)`: a path names a file;
 * - `typeof passOnNoPatterns !== "boolean"`: the value is the name of a type;
 * - `"Bucket": "b", "Key": "…"`, `--bucket b --key …`: a storage object's key, a path inside its bucket;
 * - `PWD: '/Users/dana'`: the shell's working directory.
 */
function isNameOfAThing(text: string, nameStart: number, name: string, v: ValueMatch): boolean {
  if (codeAt(text, nameStart - 1) === 0x3a && codeAt(text, nameStart - 2) === 0x3a && /["'`]/.test(text.charAt(nameStart + name.length))) return true;
  if (/^\.{0,2}\/[\w.-]{1,60}\//.test(name) || FILE_NAME_EXTENSION.test(name)) return true;
  if (isOwnName(name, v.value)) return true;
  // `positions--pass`: a dash written as two hyphens in prose joins words, not a name.
  if (/\w--\w/.test(name)) return true;
  // (Only after a space or a tab can `typeof ` end right before the name.)
  const before = codeAt(text, nameStart - 1);
  if ((before === 0x20 || before === 0x09) && /typeof[ \t]{1,4}$/.test(text.slice(Math.max(0, nameStart - 12), nameStart))) return true;
  if (/^(?:--)?key$/i.test(name) && /bucket/i.test(text.slice(Math.max(0, nameStart - 160), nameStart))) return true;
  if (/^(?:OLD)?PWD$/.test(name) && /^(?:\/|~\/|[A-Za-z]:\\)/.test(v.value)) return true;
  return false;
}

/**
 * A name and the value after its comma both in backticks, outside program source: Markdown's code spans listed in a
 * sentence (an ADR's "property names keep their meaning: `key-store-password`, `MQ_APP_PASSWORD`,
 * `spring.datasource.password`"), names enumerated, not a call's name and value, which code writes in quotes.
 */
function isCodeSpanListItem(text: string, nameStart: number, name: string, v: ValueMatch): boolean {
  return v.quoted && codeAt(text, nameStart - 1) === 0x60 && codeAt(text, nameStart + name.length) === 0x60 && codeAt(text, v.start - 1) === 0x60;
}

/** The word a single space before a bare `key` in prose (`Secret key`, `site key`, `global API key`). */
const PROSE_WORD_BEFORE = /(?:^|[^\w.$@/-])([A-Za-z]{2,20}) $/;
/** A Wi-Fi network's word right before a bare `key` in prose, in the spellings a letter or a digit ends (`WPA2`, `Wi-Fi`). */
const WIFI_WORD_BEFORE = /(?:^|[^\w.$@/-])(?:wpa[23]?|wi-?fi|wlan|wireless) $/i;
/** `search-only key`, `search only key`: Algolia's, Typesense's and Meilisearch's key made for front ends. */
const SEARCH_ONLY_BEFORE = /(?:^|[^\w.$@/-])search[- ]only $/i;
/** Words of code before a name (`public key = …`, `const key = …`): declarations, not qualifiers. */
const DECLARATION_WORDS = new Set(['public', 'private', 'protected', 'internal', 'static', 'const', 'let', 'var', 'val', 'final', 'readonly', 'export', 'def', 'new', 'string', 'str', 'int', 'byte', 'char', 'auto', 'return']);

/**
 * A bare `key` in prose takes its meaning from the word before it, as a name's words would
 * (`site key \`…\``, `Secret key: …`, `Cloudflare global API key: …`): the two read as one name.
 * Returns that name's class when it differs from the bare word's (a key of a known kind), `null`
 * when the pair names a key that is public by design (`site key`, `public key`, `publishable key`, `search-only key`),
 * and `undefined` when the word before says nothing (`the key`, `Stripe key`, a declaration).
 */
function proseQualifiedKey(text: string, at: number, name: string): KeyClass | null | undefined {
  if (codeAt(text, at - 1) !== 0x20) return undefined;
  // `not a secret: …`, `not secret: …`: the text says that what follows is no secret (a subscriber's hash, a public id).
  // (In code, `if not token:` is a test of the name, which holds no literal either.)
  // (The negation ends in `not `, `a ` or `an `: only after a t, an a or an n, in either case, is it read.)
  const last = codeAt(text, at - 2) | 0x20;
  if ((last === 0x74 || last === 0x61 || last === 0x6e) && NEGATION_BEFORE.test(text.slice(Math.max(0, at - 10), at)) && /^[A-Za-z]{3,12}$/.test(name)) return null;
  // `Next page token: …`, `continuation token …`: a handle for the next page of results, not a credential; an
  // `idempotency token` names a request made once.
  if (/^tokens?$/i.test(name) && PAGING_WORD_BEFORE.test(text.slice(Math.max(0, at - 14), at))) return null;
  // `The storefront token (public) is …`, `the Mixpanel project token: …`: the words before name a key made for browsers,
  // public by design as under the same name in a configuration.
  if (/^(?:keys?|tokens?)$/i.test(name) && isPublicClientKey([], [...proseWordsBefore(text, at), name.toLowerCase()])) return null;
  if (!/^keys?$/i.test(name)) return undefined;
  if (namesCacheKey(text, at)) return null;
  if (name.length > 3) return undefined;
  if (SEARCH_ONLY_BEFORE.test(text.slice(Math.max(0, at - 13), at))) return null;
  // A Wi-Fi network's word, spelled as notes spell it (`WPA2 key: …`, `Wi-Fi key: …`), makes the key its passphrase.
  const network = WIFI_WORD_BEFORE.test(text.slice(Math.max(0, at - 10), at));
  if (network) return WIFI_NETWORK_KEY;
  const m = PROSE_WORD_BEFORE.exec(text.slice(Math.max(0, at - 22), at));
  if (m === null) return keyOfWifiNetwork(text, at) ? WIFI_NETWORK_KEY : undefined;
  const word = m[1]!.toLowerCase();
  // `public key = "…"` declares a field; `the public key for interactions is \`…\``, `Public key: …` name a key that is public.
  if (DECLARATION_WORDS.has(word) && (word !== 'public' || DECLARED_VALUE_AFTER.test(text.slice(at + name.length, at + name.length + 6)))) return undefined;
  const pair = classifyKey(`${word}_key`);
  if (pair === undefined && RECORD_KEY_WORDS.has(word)) return null;
  if (pair === undefined) return /^(?:site|public|publishable|pub|anon)$/.test(word) ? null : keyOfWifiNetwork(text, at) ? WIFI_NETWORK_KEY : undefined;
  return pair.weak ? undefined : pair;
}

/** A Wi-Fi network's key: its passphrase. */
const WIFI_NETWORK_KEY: KeyClass = { category: 'PASS', weak: false };
/** A notes file's heading over its Wi-Fi networks (`Wi-Fi`, `Staff WiFi networks`, `## Wireless`, `WLAN:`): a short line of its own. */
const WIFI_HEADING_LINE = /^[ \t]{0,3}(?:#{1,6}[ \t]{1,4})?(?:[A-Za-z]{1,20}[ \t]{1,2}){0,2}(?:wi-?fi|wlan|wireless)(?:[ \t]{1,2}[A-Za-z]{1,20}){0,2}[ \t]{0,4}:?[ \t]{0,4}\r?$/i;
const MARKDOWN_HEADING_LINE = /^[ \t]{0,3}#{1,6}[ \t]/;

/** A Wi-Fi network's word or its name's label earlier on the key's line (`Wi-Fi for the crew: SSID \`…\`, key …`). */
const WIFI_WORD_ON_LINE = /(?:^|[^\w-])(?:wi-?fi|wlan|wireless|ssid)(?![\w-])/i;

/**
 * Whether a bare `key` at `at` is a Wi-Fi network's, and so its passphrase: its line names the network first (`Wi-Fi for
 * the crew: SSID \`…\`, key \`…\``), or it sits in a notes file's section of Wi-Fi networks, one network a line with its key
 * after it (`Wi-Fi` / `  SHOP-WLAN   (card terminals + till) key: …`). The section's heading is the nearest line above
 * indented less than the key's line, or the Markdown heading above it.
 */
function keyOfWifiNetwork(text: string, at: number): boolean {
  const lineStart = lineBounds(text, at, YAML_PARENT_LINE_REACH).start;
  if (WIFI_WORD_ON_LINE.test(text.slice(lineStart, at))) return true;
  let indent = 0;
  while (lineStart + indent < at && (text.charCodeAt(lineStart + indent) === 0x20 || text.charCodeAt(lineStart + indent) === 0x09)) indent++;
  const heading = nearestLineAbove(
    text,
    lineStart,
    (line) => !MARKDOWN_HEADING_LINE.test(line) && (line.trim() === '' || indent === 0 || line.length - line.trimStart().length >= indent),
  );
  return heading !== undefined && WIFI_HEADING_LINE.test(heading);
}

/** Capitalised words joined by one kind of mark (`Pin-Tumbler-Shear-Line`, `Harbour.Kettle.Finch`): a passphrase as people make one. */
const CAPITALISED_JOINED_WORDS = /^[A-Z][a-z]{1,20}([-_.])[A-Z][a-z]{1,20}(?:\1[A-Z][a-z]{1,20}){1,6}$/;

/** An address's `@`: a mention's first, or a mail domain's after it. An `@` inside a passphrase (`Harb0ur@6488`) is none. */
const ADDRESS_AT = /^@|@[A-Za-z0-9-]{1,63}\.[A-Za-z]/;
/** The close of a chat export's JSON string right after a value: its message ends there. */
const JSON_STRING_END = /^"[ \t]{0,4}(?:[,}\]]|\r?\n|$)/;

/**
 * A Wi-Fi network's key written bare after its noun in notes (`SSID \`NG-Van\`, WPA2 key Pin-Tumbler-Shear-Line`, a chat's
 * `SSID IV-Hall, key moltenmetal1450`): taken when it ends its clause (or the chat export's JSON string) and is made as
 * keys are, a password's mix, letters and digits, or three capitalised words or more joined by a mark, within WPA's 8 to
 * 63 characters. A sentence that goes on about the key (`WPA2 key rotation is quarterly`, `Wi-Fi key for the guests`)
 * has lower-case words there. A sentence's stop after the value is left out of it.
 */
function isBareWifiKey(text: string, v: ValueMatch): boolean {
  const value = v.value.replace(/[.,;:)]+$/, '');
  if (value.length < 8 || value.length > 63 || /[\/\\<>{}()$%]/.test(value) || ADDRESS_AT.test(value)) return false;
  const after = text.slice(v.start + value.length, v.start + value.length + 8);
  if (!POSTED_VALUE_END.test(after) && !JSON_STRING_END.test(after)) return false;
  if (!hasMadePasswordMix(value) && !hasLettersAndDigit(value) && !CAPITALISED_JOINED_WORDS.test(value)) return false;
  v.value = value;
  return true;
}

/** Whether a Wi-Fi key's value is the network's name given before it on its line (`SSID \`Hall-Guest\` key: \`Hall-Guest\``). */
function namesItsNetwork(text: string, valueStart: number, value: string): boolean {
  return text.slice(lineBounds(text, valueStart, YAML_PARENT_LINE_REACH).start, valueStart).includes(value);
}

/** How many words before a bare noun in prose are read for what kind of key it is (`the Shopify storefront API token`). */
const PROSE_QUALIFIER_WORDS = 3;

/**
 * The words right before a bare noun at `at` in prose, in lower case: up to PROSE_QUALIFIER_WORDS runs of letters, each
 * parted from the next by one space, as a noun phrase is written; a comma, a bracket or a line break ends the phrase.
 */
function proseWordsBefore(text: string, at: number): string[] {
  const words: string[] = [];
  let end = at - 1; // the space before the noun
  while (words.length < PROSE_QUALIFIER_WORDS && codeAt(text, end) === 0x20) {
    let start = end;
    while (start > 0 && end - start < 20 && isLetterCode(text.charCodeAt(start - 1))) start--;
    if (start === end) break;
    words.unshift(text.slice(start, end).toLowerCase());
    end = start - 1;
  }
  return words;
}

/** An assignment's `=` right after a declared name (`public key = …`), where `public` is a modifier, not a qualifier. */
const DECLARED_VALUE_AFTER = /^[ \t]{0,4}=/;

/** `not a `, `not an `, `not `: a negation right before a bare noun in prose. */
const NEGATION_BEFORE = /(?:^|[^\w'])not (?:an? )?$/i;
const PAGING_WORD_BEFORE = /(?:^|[^\w])(?:page|paging|pagination|continuation|cursor|sync|resume|idempotency)[ \t]$/i;
/**
 * Words before a bare `key` in prose that make it a record's or a request's key (`idempotency key \`…\``, `partition key`,
 * `primary key`, `dedup key`, RabbitMQ's `routing key`): an id that a program picks or derives to find, order or
 * deduplicate things, as under the same name written as one (`idempotency_key`, which names no secret). Not `lookup`: a
 * lookup service's key (`the VIN lookup key`) is as often its API key.
 */
const RECORD_KEY_WORDS = new Set(['idempotency', 'dedup', 'dedupe', 'deduplication', 'primary', 'foreign', 'sort', 'partition', 'composite', 'shard', 'range', 'unique', 'row', 'incident', 'routing']);

/** The most words read back from a bare `key` for the `cache` its clause opens with. */
const CACHE_CLAUSE_WORDS = 5;

/**
 * Whether a bare `key` in prose is a cache's (`Cache key: …`, actions/cache's `Cache restored from key: …`,
 * `Cache not found for input keys: …`): `cache` opens its clause, at most a few plain words before it. Such a
 * key is the cache entry's name, built from the runner's OS and a lock file's hash, not a credential.
 */
function namesCacheKey(text: string, at: number): boolean {
  let end = at - 1; // the space before `key`
  for (let n = 0; n < CACHE_CLAUSE_WORDS; n++) {
    let start = end;
    while (start > 0 && end - start < 12 && isLetterCode(text.charCodeAt(start - 1))) start--;
    if (start === end) return false;
    if (text.slice(start, end).toLowerCase() === 'cache') return true;
    if (text.charCodeAt(start - 1) !== 0x20) return false;
    end = start - 1;
  }
  return false;
}

/**
 * Keys made for browsers and apps (`Bugsnag.start({ apiKey })`, `"amplitude": { "apiKey" }`, `ADYEN_CLIENT_KEY`).
 * Asked only of a value about to be reported: reading the enclosing object costs more than every other check.
 */
function namesPublicClientKey(key: KeyClass, text: string, nameStart: number, name: string): boolean {
  return (key.category === 'KEY' || key.category === 'TOKEN') && isPublicClientKeyAt(text, nameStart, name);
}

/**
 * A key in a configuration file named for its vendor (`config/shopify.yml`, `pusher.json`): the file's name is the context
 * an object's name would be, so Shopify's `api_key` there is the app's client id beside its `api_secret_key`, as under
 * `shopify:`. A code file's name is a class's (`AdyenClientFactory.java`), which says nothing of the keys inside.
 */
function namesPublicKeyInVendorFile(key: KeyClass, file: string | undefined, name: string): boolean {
  if (file === undefined || (key.category !== 'KEY' && key.category !== 'TOKEN')) return false;
  const vendorWords = vendorConfigFileWords(file);
  return vendorWords !== undefined && isPublicClientKey(vendorWords, splitWords(name));
}
/**
 * The words of a vendor's configuration file's base name (see `VENDOR_CONFIG_FILE`), else undefined. The last answer is
 * kept: one file's values are judged one after another.
 */
let lastVendorConfigQuery: { file: string; words: readonly string[] | undefined } | undefined;
function vendorConfigFileWords(file: string): readonly string[] | undefined {
  if (lastVendorConfigQuery?.file === file) return lastVendorConfigQuery.words;
  const config = VENDOR_CONFIG_FILE.exec(file.slice(file.lastIndexOf('/') + 1));
  const words = config === null ? undefined : splitWords(config[1]!);
  lastVendorConfigQuery = { file, words };
  return words;
}
/** A configuration file's base name, before its data format's extension. */
const VENDOR_CONFIG_FILE = /^([A-Za-z][\w-]{0,60})\.(?:ya?ml|json|toml|ini|conf|cfg|properties)$/i;

/** An SPDX part: a word (`Apache`, `BSD`, `Clause`, `or`), a version number (`2`, `0`), or a `LicenseRef-`/`DocumentRef-` prefix. */
const SPDX_PART = /^(?:[A-Z]{0,12}[a-z]{0,20}|\d{1,4}|LicenseRef|DocumentRef)$/;

/** A licence's terms as SPDX writes them (`GPL-3.0-or-later`, `CC-BY-4.0`, `LicenseRef-Internal-2024`): words and versions. */
function namesLicenceTerms(value: string): boolean {
  return value.split(/[-.+ ]/).every((part) => SPDX_PART.test(part));
}

/**
 * What findAssignments carries from one candidate to the next, handed to the top-level functions that match and judge
 * each one. (As one function with a closure, `findAssignments` was ~9 KB of bytecode that TurboFan compiled whole and
 * again after each deoptimization: a third to a half of all compile time in a cold pass over the bench tree. Split so, its parts
 * take ~15-20%, compiled one by one as each gets hot.) Always built by one literal: one shape.
 */
interface AssignmentScan {
  readonly text: string;
  readonly file: string | undefined;
  /** Program source or not: asked of many matches, answered once for the file. */
  readonly codeFile: boolean;
  /** Where the next candidate may start: see `assignmentAt`. */
  skipUntil: number;
  /**
   * Whether the text speaks of Sealed Secrets (`SEALED_SECRETS_CONTEXT`): asked only of a value shaped like its ciphertext
   * (searching the whole text for every file was a tenth of the rule's time).
   */
  sealed: boolean | undefined;
  /** The line break after an offset (see `lineBreakCursor`): the block values of one long line's names share one search. */
  readonly nextBreak: (from: number) => number;
  readonly spans: Span[];
}

/** An assignment matched at a keyword: the match, its value and its separator. */
interface AssignmentMatch {
  m: RegExpExecArray;
  v: ValueMatch;
  sep: string;
}

/**
 * A value Bitnami's Sealed Secrets encrypted (`kubeseal`): the session key's length as two bytes (`0x0200` for the
 * controller's RSA-4096 key, `0x0100` for RSA-2048) opens the base64 as `Ag…` or `AQ…`, and the ciphertext runs on for
 * hundreds of characters. Only the controller in the cluster can open it, so it is committed by design.
 */
const SEALED_CIPHERTEXT = /^A[gQ][A-Za-z0-9+/]{60}/;
/**
 * Where such a value is one: a `kind: SealedSecret` manifest, and the files that carry its `encryptedData` elsewhere (a
 * Helm chart's values under `sealedSecrets:` or `sealed_secrets:`, a note that it was sealed with `kubeseal`).
 */
const SEALED_SECRETS_CONTEXT = /sealed[-_ ]?secrets?|kubeseal|encryptedData/i;

function findAssignments(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const scan: AssignmentScan = { text, file: options.file, codeFile: isCodeFile(options.file), skipUntil: -1, sealed: undefined, nextBreak: lineBreakCursor(text), spans: [] };
  const spans = scan.spans;
  // Offsets whose name is no secret's name (`tokenType`, `passwordField`: most of them),
  // not matched yet. Their matches matter only for the `skipUntil` they set, and only when a
  // secret's name follows; so they are matched then, in order, and most never are.
  const deferred: number[] = [];
  const constants: ConstantMemo = {};
  for (const offset of offsets) {
    // (Matching the deferred offsets only ever moves `skipUntil` forward.)
    if (offset < scan.skipUntil) continue;
    // A match starts at the keyword and its name runs to the first character outside
    // [\w.-]: the name is known before the (costly) pattern runs.
    // One slice of the text, not two joined: the name is hashed for the cache of `classifyKey`, and a joined string is first copied whole.
    const nameStart = nameStartBefore(text, offset);
    const name = text.slice(nameStart, identifierEnd(text, offset));
    const qualified = nameStart === offset ? proseQualifiedKey(text, offset, name) : undefined;
    // `site key \`…\`` in prose: the word before the bare noun makes it a key that is public by design.
    if (qualified === null) continue;
    const found = qualified ?? classifyKey(name) ?? getterPropertyKey(text, nameStart, name) ?? authPairNameKey(name) ?? propertyKeyConstantKey(text, nameStart, name) ?? pinNameKey(name) ?? accessCodeNameKey(name) ?? barePinUnderDeviceKey(text, nameStart, name) ?? charArrayKey(text, nameStart, name) ?? keyUnderYamlParent(text, nameStart, name) ?? keyUnderIniSection(text, nameStart, name);
    if (found !== undefined && (isAuthChallengeNonce(text, nameStart, name) || isCacheStepKey(text, nameStart, name))) continue;
    if (!found) {
      // `PASSWORD_FIELD: "…"` where `PASSWORD_FIELD` is a constant the text sets to a secret's field name.
      const entry = CONSTANT_NAME.test(name) ? constantKeyedEntry(text, nameStart + name.length, name, constants, options.file) : undefined;
      if (entry !== undefined) spans.push(entry);
      else deferred.push(offset);
      continue;
    }
    for (const earlier of deferred) if (earlier >= scan.skipUntil) assignmentAt(scan, earlier);
    deferred.length = 0;
    if (offset < scan.skipUntil) continue;
    const matched = assignmentAt(scan, offset);
    if (matched === undefined) {
      // `secretKey:` at a line's end: the values may be a block sequence's items on the lines below.
      const items = yamlSequenceAt(text, offset);
      for (const item of items) spans.push(...listItemSpan(item, found, options.file));
      if (items.length > 0) scan.skipUntil = items[items.length - 1]!.end;
      continue;
    }
    judgeAssignment(scan, name, nameStart, found, matched);
  }
  return spans;
}

/**
 * The nonce among an HTTP authentication scheme's parameters (`Digest realm="…", qop="auth", nonce="…"`, `Authorization:
 * MAC id="…", nonce="…"`, OAuth 1's `OAuth oauth_consumer_key="…", oauth_nonce="…"`): a value the server or the client
 * sends in the clear with each challenge or request, by design no secret. Read within a bounded stretch before the name.
 */
const AUTH_SCHEME_PARAMETERS = /\b(?:Digest|MAC|OAuth|Hawk)[ \t]{1,4}[a-z_]{2,24}=/;
const NONCE_NAME = /^(?:oauth_)?c?nonce$/i;
function isAuthChallengeNonce(text: string, nameStart: number, name: string): boolean {
  return NONCE_NAME.test(name) && AUTH_SCHEME_PARAMETERS.test(text.slice(Math.max(0, nameStart - 300), nameStart));
}

/**
 * Matches an assignment at a keyword offset and reads its value. Secret words later in
 * the same name or inside this value are then not tried again (`scan.skipUntil`): they would
 * give the same candidate, and on hostile input (`password=password=…`) retrying each
 * would multiply the work.
 */
function assignmentAt(scan: AssignmentScan, offset: number): AssignmentMatch | undefined {
  const { text, file, codeFile } = scan;
  const re = ASSIGNMENT_STICKY;
  re.lastIndex = offset;
  const m = re.exec(text);
  if (m === null) return undefined;
  scan.skipUntil = m.index + m[0].length;
  let v = valueOf(m, ASSIGNMENT_VALUE, text, file);
  if (!v) return undefined;
  // The separator group is no optional one: every match has it (read once, not at every check below).
  const sep = m[ASSIGNMENT_SEP]!;
  // After a comma and a line break the literal may be the next entry's name (`"AwsAccessID": "AKIA…",\n"AwsSecretKey": …`): it is tried too.
  if (v.quoted && sep.includes('\n') && sep.trimStart().startsWith(',')) scan.skipUntil = v.start;
  // So is a literal after a comma that a colon follows (`"scope":"…/authcapture","access_token":"…"`, where `auth` in the
  // scope's value was read as a name): the literal is the next entry's name, and is tried as one.
  else if (v.quoted && sep.trimStart().startsWith(',') && QUOTED_ENTRY_NAME_END.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 12))) scan.skipUntil = v.start;
  // A block under a secret's name whose first entry has a quoted name (ClearML's HOCON `credentials {` / `"access_key" = "…"`)
  // reads like a getter returning a literal (`var apiKey: String { "…" }`), but that literal is the entry's name: no value
  // of the block's name, and a candidate of its own.
  if (v.quoted && sep.includes('{') && QUOTED_ENTRY_NAME_END.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 12))) {
    scan.skipUntil = v.start;
    return undefined;
  }
  if (!v.quoted && YAML_TAG.test(v.value) && !isYamlReferenceTag(v.value) && /:[ \t]{0,8}$/.test(sep)) {
    // `bind_password: !unsafe '…'`, `token: !!str …`: the tag types the value that follows it.
    VALUE_AFTER_TAG.lastIndex = v.start + v.value.length;
    const tagged = VALUE_AFTER_TAG.exec(text);
    const after = tagged === null ? undefined : valueOf(tagged, VALUE_AFTER_TAG_VALUE, text, file);
    if (tagged !== null && after !== undefined) {
      v = after;
      scan.skipUntil = tagged.index + tagged[0].length;
    }
  }
  // JSON held in a string (`SecretString: '{"username":"…","password":"…"}'`): its own names are candidates too.
  if (v.quoted && v.value.startsWith('{')) scan.skipUntil = v.start + 1;
  // Only spaces before a bare value that is itself `name=` (a libpq string's `user=seed password=`, where the
  // account `seed` reads as a secret's name): that name starts an assignment of its own, which is the real one.
  if (!v.quoted && sep.trim() === '' && NESTED_ASSIGNMENT.test(v.value)) scan.skipUntil = Math.min(scan.skipUntil, v.start);
  // A secret's noun alone after spaces (`HMAC key for the notification webhook: …`, `Bearer token (staging): …`): the first
  // word qualifies the noun, which heads the name whose separator follows; it is tried as a name of its own.
  if (!v.quoted && sep.trim() === '' && SECRET_NOUN_ALONE.test(v.value)) scan.skipUntil = Math.min(scan.skipUntil, v.start);
  // A bare word closed by a colon is the next label (`Token-> DemoToken: …`): it is tried as a name of its own.
  // (`BARE_LABEL` ends in the colon: a value that does not is no label, and is not matched.)
  if (!v.quoted && v.value.endsWith(':') && BARE_LABEL.test(v.value)) scan.skipUntil = Math.min(scan.skipUntil, v.start);
  // A bare flag after spaces (Plesk's `admin --set-admin-password -passwd '…'`: an action's flag, then the flag
  // that takes the password): it is no value, and may name its own.
  if (!v.quoted && v.value.startsWith('-') && sep.trim() === '') scan.skipUntil = Math.min(scan.skipUntil, v.start);
  // A dotenv value runs to the end of its line: names inside it start no assignment of their own.
  if (v.multiword === true) scan.skipUntil = Math.max(scan.skipUntil, v.start + v.value.length);
  if (!v.quoted && BLOCK_START.test(v.value)) {
    // After bare spaces a `|` or `>` is a pipe, a redirect or a table's cell border (psql's
    // `api_token | …`), not YAML's block indicator: the next line is no value of this name.
    if (/^[|>]/.test(v.value) && !/[:=]/.test(sep)) return undefined;
    // `password: >-` / `password = <<-EOT`: the value is the next line.
    const block = nextLineValue(text, v.start + v.value.length, v.value, scan.nextBreak);
    if (block === undefined) return undefined;
    v.value = block.value;
    v.start = block.start;
    v.quoted = true;
  }
  // A value that names another variable (`${MYSQL_PASSWORD:-…}`, `process.env.ADMIN_TOKEN || "…"`)
  // is no secret, but the name inside it starts a candidate of its own.
  // Quoted too: `VAULT_TOKEN="${VAULT_TOKEN:-…}"` holds its default inside the quotes.
  // (`REFERENCE_VALUE` is a `\${` or a member chain, which has a dot: a value with neither is not matched.)
  if ((!v.quoted || v.value.startsWith('${')) && (v.value.startsWith('${') || v.value.includes('.')) && REFERENCE_VALUE.test(v.value)) scan.skipUntil = v.start + 1;
  // So does a variable in program source (`self.client_secret = client_secret or "…"`): its fallback is read from it.
  else if (!v.quoted && codeFile && BARE_IDENTIFIER.test(v.value)) scan.skipUntil = v.start;
  // A bare value that opens a map or list (EDN's `:secrets {:api-key "…"}`, where no space parts `{` from the first
  // name): the names inside start candidates of their own.
  if (!v.quoted && opensCollection(v.value)) scan.skipUntil = Math.min(scan.skipUntil, v.start + 1);
  return { m, v, sep };
}

/** Judges the value of a secret's name matched at `nameStart`: each candidate it finds goes to `scan.spans`. */
function judgeAssignment(scan: AssignmentScan, name: string, nameStart: number, found: KeyClass, matched: AssignmentMatch): void {
  const { text, file } = scan;
  const { m, sep: separator } = matched;
  // `flag.StringVar(&apiToken, "api-token", "…", "usage")`: a variable handed to a call by its address is where the call
  // stores a value, not a name a literal after it is bound to; the literal is tried as a name of its own.
  if (codeAt(text, nameStart - 1) === 0x26 /* & */ && separator.trim() === ',' && matched.v.quoted) {
    scan.skipUntil = matched.v.start;
    return;
  }
  // `items.Select(token => "…")`: a lambda's parameter, not a name the literal is bound to.
  if (separator.trim() === '=>' && file !== undefined && ARROW_FUNCTION_FILE.test(file) && isLambdaParameter(text, nameStart)) return;
  // Inside a URL a `name:value` with nothing between is a path segment (`http://directory.fsf.org/wiki/License:BitTorrentOSL1.1`,
  // a wiki's `Token:Main_Page`), not an assignment; a URL's own `user:password@` is url-credentials' to read.
  if (separator === ':' && isInUrl(text, nameStart)) return;
  // `cond ? "…" : "…"` (`password: isTest ? "…" : "…"`): each branch is a value of the name, judged on its own.
  for (const v of conditionalBranches(text, separator, matched.v)) {
    // The judgement is cut in stages, each its own function: most values stop at an early one, so TurboFan compiles
    // the later ones rarely, and a deoptimization in one recompiles only that one. A stage may change `v` in place for the
    // stages after it (a pair's password, a sentence's full stop dropped, a flag's default, a line's rest as a passphrase).
    const key = keyForValue(scan, name, found, separator, v);
    if (key === undefined) continue;
    if (isRuledOutByStatement(scan, name, nameStart, key, separator, v)) continue;
    if (isRuledOutByExpression(scan, name, nameStart, key, m, separator, v)) continue;
    if (takesCollection(scan, name, nameStart, key, separator, v)) continue;
    if (isRuledOutAsLiteral(scan, name, nameStart, key, v)) continue;
    reportValue(scan, name, nameStart, key, separator, v);
  }
}

/** The key class a value of `name` is judged under (`found`, or a password for a pair or a PIN), or undefined when the name's own words rule the value out. */
function keyForValue(scan: AssignmentScan, name: string, found: KeyClass, separator: string, v: ValueMatch): KeyClass | undefined {
  const { text, file } = scan;
  // Sentry's data-scrubbing rule ids (`"@password:filter"`, `@creditcard:mask` in an event's `_meta`) name a selector and what was done.
  if (name.startsWith('@') && SENTRY_SCRUB_ACTION.test(v.value) && separator === ':') return undefined;
  // Helm charts' `existingSecret…` settings name a Secret and a key inside it (`existingSecretPasswordKey: redis-password`), never a value.
  if (/(?:^|[._-])existing[_-]?secret/i.test(name)) return undefined;
  // git's `user.signingkey = 3AA5C34371567BD2`, `GPG_KEY_ID`: a PGP key named by its public id.
  if (PGP_KEY_ID.test(v.value) && namesPgpKey(name)) return undefined;
  // `<add key="ida:ClientSecret" value="…"/>`, `<param name="…" value="…">`: the attribute names the entry the `value` holds.
  if (v.quoted && /^(?:key|name)$/i.test(name) && ENTRY_VALUE_ATTRIBUTE.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 20))) return undefined;
  // A Wi-Fi network's key is as often given as its security mode (`key \`WPA2-PSK\``) or, in a list, the network's own name.
  if (found === WIFI_NETWORK_KEY && (isWifiSecurityMode(v.value) || namesItsNetwork(text, v.start, v.value))) return undefined;
  let key = found;
  // A bare `pass` names a phase as often as a password (a Windows answer file's `<settings pass="specialize">`, a compiler's
  // or a test's pass): under it a lone word of letters is that phase; a password has digits or symbols (`pass = Alerts!Mail#42`).
  if (/^pass$/i.test(name) && /^[A-Za-z]{1,40}$/.test(v.value)) return undefined;
  // A licence under a name that reads as a service's key (`SHIP_LICENSE = "BSD-3-Clause"`): an SPDX expression names terms.
  if (/licen[cs]e$/i.test(name) && namesLicenceTerms(v.value)) return undefined;
  // A CSP nonce in a page or component is rendered into the page, and a nonce in a log (a device's handshake, a
  // request's parameters) was sent in the clear where the log recorded it: public by design.
  if (/nonce$/i.test(name) && file !== undefined && (FRONT_END_FILE.test(file) || LOG_FILE.test(file))) return undefined;
  // `MP_SMTP_AUTH: "user:password"`, `PROXY_AUTH=…`: a longer name ending in `auth` is taken only for such a pair, and the password reported.
  // The same pair encoded as Basic auth and Docker's and npm's `_auth` encode it (`DOCKER_CONFIG_AUTH: <base64 of user:password>`):
  // the encoded pair is the credential, reported whole.
  if (found === AUTH_PAIR_KEY) {
    const pair = USER_PASSWORD_PAIR.exec(v.value);
    if (pair === null) return ENCODED_PAIR.test(v.value) && decodesToUserPassword(v.value) ? ENCODED_PAIR_KEY : undefined;
    v.start += pair[1]!.length + 1;
    v.value = v.value.slice(pair[1]!.length + 1);
    key = { category: 'PASS', weak: false };
  }
  // `DOOR_PIN`, `smartcard-pin`: a PIN of no admitting word is taken only when it is as strong as a generated password, or
  // when it is a PIN's digits that the name or the quotes say are one (`INSTALLER_PIN = "070893"`); a dotenv file's, an
  // INI file's and a Java properties file's values are all text, as quoted ones are (`AUCTIONEER_PIN=4471`, `qsys_pin = 6624`).
  if (found === STRONG_PIN_KEY) {
    const text = v.quoted === true || (file !== undefined && (isDotenvFile(file) || isTextValuedPinSetting(name, file)));
    if (!isStrongPin(v.value) && !isDigitPin(name, v.value, text)) return undefined;
    key = { category: 'PASS', weak: false };
  }
  // `ALARM_CODE`, `override_code`: a keypad's code is a PIN's digits, where any other value is a code of something else.
  if (found === ACCESS_CODE_KEY) {
    if (!isProsePin(v.value)) return undefined;
    key = { category: 'PASS', weak: false };
  }
  // A bare `auth` holding a password-shaped literal (a Redis client's `auth = "…"`) is that password.
  if (key.weak && /^auth$/i.test(name) && v.quoted && isPasswordShaped(v.value)) key = { category: 'PASS', weak: false };
  return key;
}

/**
 * Three or four lower-case words of four letters or more joined by hyphens (`choir-loft-staging`), maybe a sentence's stop
 * after; none of them a word that only joins prose's own compounds (`never-ever-shared`, `same-as-before`, `with-each-deploy`).
 */
const HYPHENED_PASSPHRASE = /^[a-z]{4,12}(?:-[a-z]{4,12}){2,3}[.,;:!?]?$/;
const COMPOUND_WORD = /(?:^|-)(?:never|ever|always|only|also|been|being|with|without|from|into|onto|over|under|than|then|when|once|must|should|will|self|same|well|very|much|more|less|most|least|each|every|none|time|user|per)(?=-|[.,;:!?]?$)/;
function isHyphenedPassphrase(value: string): boolean {
  return HYPHENED_PASSPHRASE.test(value) && !COMPOUND_WORD.test(value);
}

/**
 * Whether the statement the value stands in says it is none of the name's: a joined or continued line, prose, a label, a flag,
 * a call's argument, a type. An EDN map under the name is read here, its entries reported (to `scan.spans`).
 */
function isRuledOutByStatement(scan: AssignmentScan, name: string, nameStart: number, key: KeyClass, separator: string, v: ValueMatch): boolean {
  const { text, file, codeFile } = scan;
  if (JOINED_AFTER_NAME.test(separator) && separator.includes(',') && !CONCATENATING_CALL_BEFORE.test(text.slice(Math.max(0, nameStart - 300), nameStart))) return true;
  // A literal on the line after a bare `=` is a continued statement in program source; in a shell script or a
  // config file the `=` assigned nothing and the next line is another statement.
  if (v.quoted && separator.includes('\n') && separator.trimStart().startsWith('=') && !codeFile) return true;
  // In prose, after `is`/`was`/`are` a bare word of lower-case letters carries the sentence on
  // (`the password is managed outside migrations`, `was correct for the old cluster`): no value.
  // Three or four words of four letters or more joined by hyphens are a passphrase, as a password's value (`the redis
  // password is choir-loft-staging`): prose joins two (`auto-generated`, `read-only`) or puts a short word among them (`up-to-date`).
  if (!v.quoted && PROSE_COPULA.test(separator) && /^[a-z]{2,30}(?:-[a-z]{2,30}){0,3}[.,;:!?]?$/.test(v.value) && !(key.category === 'PASS' && isHyphenedPassphrase(v.value))) return true;
  // A sentence's own full stop or comma after the value is the sentence's (`The API key is 8f3a…e8.`).
  if (!v.quoted && PROSE_COPULA.test(separator) && /[^.,;:][.,;:]$/.test(v.value)) v.value = v.value.slice(0, -1);
  // EDN/Aero: a value per profile (`:password #profile {:dev "…" :prod "…"}`), or a map of secrets (`:secrets {:cookie-store "…"}`).
  if (!v.quoted && file !== undefined && EDN_FILE.test(file) && (PROFILE_TAG.test(v.value) || (v.value.startsWith('{') && SECRETS_CONTAINER.test(name)))) {
    // The brace is looked for within its reach after the tag only: a search to the text's end is quadratic on a file of tags without one.
    const braceAt = v.value.startsWith('{') ? 0 : text.slice(v.start, v.start + v.value.length + 5).indexOf('{');
    const open = braceAt === -1 ? -1 : v.start + braceAt;
    if (open !== -1 && !namesPublicClientKey(key, text, nameStart, name)) scan.spans.push(...mapLiteralSpans(text, open, key, !v.value.startsWith('{'), file));
    return true;
  }
  if (separator.trim() === '') {
    if (key === WIFI_NETWORK_KEY && !v.quoted && separator.length <= 2) return !isBareWifiKey(text, v);
    if (!isSpaceSeparatedAssignment(text, nameStart, name, v.quoted, file, separator.length > 8)) {
      // A word of a label in prose (`Secret key: …`, `Password reset token: …`): the words after it start candidates of their own.
      if (!v.quoted) scan.skipUntil = v.start;
      return true;
    }
    // A bare keyword after `PASSWORD` in an account statement opens a clause of it (Oracle's `… IDENTIFIED BY "…" PASSWORD EXPIRE`,
    // MySQL's `PASSWORD HISTORY 5`, `PASSWORD REQUIRE CURRENT`, PostgreSQL's `PASSWORD NULL`): no value.
    if (!v.quoted && SQL_PASSWORD_CLAUSE_WORD.test(v.value)) return true;
    // A list of quoted constants (`--explicit-auth-flows "ALLOW_USER_PASSWORD_AUTH" "ALLOW_USER_SRP_AUTH"`): the next item.
    if (v.quoted && isQuoteOrTextStartBefore(text, nameStart) && CONSTANT_LIST_ITEM.test(v.value)) return true;
    // "Pass `--flag`" in prose is the verb; a value that is itself a flag is no secret.
    if (/^pass$/i.test(name) || v.value.startsWith('-')) return true;
    // Prose about the flags: "the --username and --password options", "--pass `strict=False`".
    if (name.startsWith('-') && !v.quoted && (FLAG_PROSE_WORD.test(v.value) || v.value.startsWith('`'))) return true;
    // A quoted word that opens a block is the block's label: Terraform's
    // `resource "random_password" "sql_admin" {` names a resource, it holds no value.
    if (v.quoted && BLOCK_LABEL_END.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 8))) return true;
  }
  // pflag's and cobra's `StringP("api-key", "k", "…", "usage")`, `StringVarP(&key, "api-key", "k", "…", "usage")`: a flag's
  // one-letter short name stands between its name and its default, which is the value.
  if (v.quoted && v.value.length === 1 && separator.trim() === ',' && PFLAG_SHORT_CALL_BEFORE.test(text.slice(Math.max(0, nameStart - 100), nameStart))) {
    PFLAG_DEFAULT_AFTER.lastIndex = v.start + 2;
    const next = PFLAG_DEFAULT_AFTER.exec(text);
    if (next === null) return true;
    v.start = PFLAG_DEFAULT_AFTER.lastIndex - 1 - next[1]!.length;
    v.value = next[1]!;
  }
  // A format's fields joined by colons (`# format: user:password:groups`, `<login>:<password>:<role>`): the name stands after
  // another field's, and the words after it are the next fields' names, no value.
  if (separator === ':' && !v.quoted && nameStart > 1 && text.charCodeAt(nameStart - 1) === 0x3a && FORMAT_FIELD_WORD.test(v.value) && FORMAT_FIELD_BEFORE.test(text.slice(Math.max(0, nameStart - 34), nameStart - 1))) return true;
  // `f('PASSWORD', '…')` is a call; `["a-key", "…"]` or `"x": "a-key", "…"` is a list of values.
  if (isNameOfAThing(text, nameStart, name, v)) return true;
  if (separator.trim() === ',' && !codeFile && isCodeSpanListItem(text, nameStart, name, v)) return true;
  // Anonymous FTP's password is, by convention, the user's e-mail address (`login anonymous password user@site` in .netrc).
  if (ANONYMOUS_LOGIN_BEFORE.test(text.slice(Math.max(0, nameStart - 40), nameStart))) return true;
  if (separator.trim() === ':' && text.charCodeAt(nameStart + name.length) === 0x3a && DOC_FIELD_BEFORE.test(text.slice(Math.max(0, nameStart - 60), nameStart))) return true;
  if (separator.trim() === '' && EXAMPLE_WORD_BEFORE.test(text.slice(Math.max(0, nameStart - 20), nameStart))) return true;
  if (separator.trim() === ',' && v.quoted && ATTRIBUTE_CALL_BEFORE.test(text.slice(Math.max(0, nameStart - 70), nameStart))) return true;
  return v.quoted && PYTHON_FILE.test(file ?? '') && isPythonTypeName(text, nameStart, separator, v.value);
}

/**
 * Whether a quoted value in Python names a type, not a value. Its own function: inside isRuledOutByStatement, the
 * calls made only after a value shaped like a model type had not run when TurboFan compiled it, and the first such
 * value deoptimized the whole of it, to be compiled again.
 */
function isPythonTypeName(text: string, nameStart: number, separator: string, value: string): boolean {
  // A bare name, `:` and a quoted class name is an annotation with a forward reference (`private_key: "_RSAPrivateKey"`).
  if (separator.trim() === ':' && ANNOTATED_TYPE.test(value) && !isQuoteOrTextStartBefore(text, nameStart)) return true;
  // An attribute's type in a generated API client's model (`swagger_types = {` / `'secret': 'V1SecretVolumeSource'`): a class, no value.
  return isModelType(value) && namesModelTypeMap(enclosingObjectWords(text, nameStart));
}

/** Whether the expression around the value says it is none of the name's: a template, a list's item, a call's argument, a fallback, a comparison, a digest, a variable. */
function isRuledOutByExpression(scan: AssignmentScan, name: string, nameStart: number, key: KeyClass, m: RegExpExecArray, separator: string, v: ValueMatch): boolean {
  const { text, file, codeFile } = scan;
  // A literal with format fields that `.format(` fills is a template (`key = r"{}\{:0.1f}\VC\…".format(`).
  if (v.quoted && v.value.includes('{') && FORMAT_FIELD.test(v.value) && text.startsWith('.format(', v.start + v.value.length + 1)) return true;
  // So is one with printf's conversions that `%` fills (`'%s.cryptoKeyVersions' % CRYPTO_KEY_COLLECTION`).
  if (v.quoted && v.value.includes('%') && PRINTF_CONVERSION.test(v.value) && PERCENT_OPERATOR.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 5))) return true;
  // `["argon2", "password", "crypto", "secure"]`, `__all__ = ["HTTPPasswordMgr", "HTTPPasswordMgrWithDefaultRealm"]`:
  // a word between more items of a list is the next item, not a value (`Map.of("password", "…")` ends at `)`; an argv
  // list's `"--password", "…"` is a flag and its value).
  if (separator.trim() === ',' && v.quoted && !name.startsWith('-') && isListItemName(v.value) && MORE_LIST_ITEMS.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 60))) {
    scan.skipUntil = v.start;
    return true;
  }
  // An argv list's next option after a bare name (`["steamcmd", "+login", user, password, "+quit"]`, `[cmd, pw, "--verbose"]`):
  // a literal that is a flag's word is the command's next argument, no value of the variable's.
  // click's and argparse's `option("--token", "-t", default="…")`: the flag's other spellings stand between its name and the
  // `default=` keyword, whose literal is the value.
  if (separator.trim() === ',' && v.quoted && name.startsWith('-') && ARGV_OPTION.test(v.value)) {
    OPTION_DEFAULT_AFTER.lastIndex = v.start + v.value.length + 1;
    const next = OPTION_DEFAULT_AFTER.exec(text);
    if (next !== null) {
      v.start = OPTION_DEFAULT_AFTER.lastIndex - 1 - next[1]!.length;
      v.value = next[1]!;
    }
  }
  if (separator.trim() === ',' && v.quoted && ARGV_OPTION.test(v.value)) return true;
  // A name that closes a list (`f(args, ['auth_user', 'auth_password'],\n 'google')`): the next argument is no value of its.
  if (separator.trim() === ',' && LIST_CLOSE_AFTER_NAME.test(text.slice(nameStart + name.length, nameStart + name.length + 3))) {
    scan.skipUntil = v.start;
    return true;
  }
  // A bare name among the arguments a printf template is filled with (`log.info("pushed %s (checksum %s)", key, "…")`):
  // the literal after it fills the template's next field, it is no value of the name's.
  if (separator.trim() === ',' && v.quoted && !isQuoteOrTextStartBefore(text, nameStart) && PRINTF_TEMPLATE_BEFORE_ARGUMENT.test(text.slice(Math.max(0, nameStart - 400), nameStart))) return true;
  if (separator.trim() === ',' && !CALL_ARGUMENT_BEFORE_NAME.test(text.slice(Math.max(0, nameStart - 50), nameStart))) {
    // The value may itself be the next name: `{"grant_type": "client_credentials", "client_secret": "…"}`.
    scan.skipUntil = v.start;
    return true;
  }
  // A variable handed to a call and a commit's id after it (`postDeployMarker(apiKey, "<40 hex>")`, `tagRelease(token, "…")`):
  // the literal is the call's next argument, a revision named beside the key, not a value bound to the variable's name. So
  // is a UUID there (`new WiseClient(baseUrl, wiseToken, "<uuid>")`): the profile's or the account's id the call acts for.
  if (separator.trim() === ',' && v.quoted && codeFile && (COMMIT_ID.test(v.value) || UUID.test(v.value)) && !isQuoteOrColonBefore(text, nameStart)) return true;
  // A fallback handed through a call is the value only as the call's one argument (`?? devOnly("…")`, not `|| t("…", opts)`).
  if (RUBY_FETCH_BLOCK.test(separator) && !FETCH_CALL_BEFORE_NAME.test(text.slice(Math.max(0, nameStart - 12), nameStart))) return true;
  if (FALLBACK_CALL.test(separator) && !(v.quoted && ONLY_ARGUMENT_END.test(text.slice(v.start + v.value.length + 1, v.start + v.value.length + 8)))) return true;
  // A lookup in a chain of fallbacks (`$key ?? getenv('CDN_TOKEN_KEY') ?: '…'`, Python's `key or os.getenv("KEY") or "…"`):
  // its argument names where the value is looked up, and the literal the chain ends in is the default, the name's value.
  let chained = false;
  const lookupFallback = v.quoted && LOOKUP_FALLBACK_CALL.test(separator);
  if (v.quoted && FALLBACK_CALL.test(separator) && (lookupFallback || !isPlausibleSecret(v.value, { category: key.category, quoted: true, weakKey: key.weak, file }))) {
    CHAINED_FALLBACK_LITERAL.lastIndex = v.start + v.value.length + 1;
    const next = CHAINED_FALLBACK_LITERAL.exec(text);
    if (next !== null) {
      chained = true;
      v.value = next[1] ?? next[2]!;
      v.start = next.index + next[0].length - v.value.length - 1;
      scan.skipUntil = Math.max(scan.skipUntil, next.index + next[0].length);
    }
  }
  // Unless the chain went on to a literal, a lookup's one argument is where the value is read from.
  if (lookupFallback && !chained) return true;
  // `or` right after a bare name is Python's or Lua's fallback only in program source; in prose it joins words (`the password or "…"`).
  if (BARE_NAME_OR.test(separator) && !codeFile) return true;
  if (mayBeUuencodedLine(m[0]) && UUE_LINE.test(lineAround(text, m.index))) return true;
  if (isComparison(separator, v.quoted)) return true;
  if (REQUIREMENT_SEP.test(separator) && /^[0-9A-Fa-f]+$/.test(v.value) && DIGEST_WORD.test(text.slice(lineBounds(text, nameStart, 300).start, nameStart))) return true;
  // A digest's word heading the clause the name ends (`checksum for the test pass: 9c0e…`, `sha256 of the api key: …`):
  // the hex after it is that digest, computed from what the name names (or a run that is no password at all).
  // A commit heading a relative clause the name ends (`the commit that removed the old keys is 9c0e…`, a label's `The commit
  // that introduced surrogate keys: 5627…`): the verb's subject is the commit, and the hex its id (a sentence's stop after it).
  if (/^[0-9A-Fa-f]{7,64}\.?$/.test(v.value) && (PROSE_COPULA.test(separator) || LABEL_COLON.test(separator)) && COMMIT_CLAUSE_BEFORE.test(text.slice(Math.max(lineBounds(text, nameStart, 120).start, nameStart - 120), nameStart))) return true;
  if (/^[0-9A-Fa-f]{32,128}$/.test(v.value) && DIGEST_OF_BEFORE.test(text.slice(Math.max(lineBounds(text, nameStart, 120).start, nameStart - 120), nameStart))) return true;
  if (isQuotedPhraseMapped(text, nameStart, name, separator)) return true;
  // psql interpolates its variables (`PASSWORD :'migrator_password'`, `:"name"`, `:name`, set with `-v`): a reference, not a value.
  if ((!v.quoted && PSQL_VARIABLE.test(v.value)) || isPsqlVariable(text, v.start, v.quoted, v.value)) return true;
  if (v.quoted && isQuotedPsqlVariable(v.value)) return true;
  if (text.slice(Math.max(0, nameStart - 2), nameStart) === '${') {
    // `${ADMIN_PASSWORD:?missing}` is a shell expansion's error message, `${PW:+set}` its alternate word;
    // `${DB_PASSWORD:-Sup3r}` and `${DB_PASSWORD:=Sup3r}` hold a default, which is the secret.
    if (/^[?+]/.test(v.value)) return true;
    if (/^[-=]./.test(v.value) && !v.quoted) {
      v.value = v.value.slice(1);
      v.start++;
    }
  }
  // `REG_TOKEN="${1:-…}"`, `API_TOKEN=${RUNNER_REG-…}`: a shell expansion of an argument or a variable whose default is a
  // literal, under a secret's name: the script runs with that default when nothing is given, so the default is the secret.
  // (A default that is itself an expansion, `${1:-$DEFAULT_TOKEN}`, or empty, `${1:-}`, is none.)
  const expansion = v.value.startsWith('${') ? SHELL_LITERAL_DEFAULT.exec(v.value) : null;
  if (expansion !== null) {
    const offsetInValue = expansion[0].length - 1 - expansion[1]!.length;
    v.start += offsetInValue;
    v.value = expansion[1]!;
  }
  if (SEALED_CIPHERTEXT.test(v.value) && (scan.sealed ??= SEALED_SECRETS_CONTEXT.test(text))) return true;
  return false;
}

/**
 * A list of two or three literals under a name for a basic-auth pair whose first is an account's id, Twilio's account
 * SID (`'auth' => ['AC…', '…']`, `auth: ["AC…", "…"]`): the client takes [user, password, scheme?], and the SID is the
 * account it logs in as, in the path of every API call; the auth token second is the secret. A key sent as the user
 * (OCLC's WSKey, `auth=("<key>", "<secret>")`) stays a finding.
 */
function isAccountAuthPairList(name: string, items: readonly LiteralRun[]): boolean {
  return (items.length === 2 || items.length === 3) && ACCOUNT_SID.test(items[0]!.value) && AUTH_PAIR_LIST_NAMES.includes(name.toLowerCase());
}
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

/** Whether the value opens a list or a map of secrets: its items are reported (to `scan.spans`) and it is judged no further. */
function takesCollection(scan: AssignmentScan, name: string, nameStart: number, key: KeyClass, separator: string, v: ValueMatch): boolean {
  const { text, file } = scan;
  // `jwt_keys = ["…", "…"]`, `string[] ApiKeys = { "…", "…" };`, `KEY = (\n  "…"\n  "…"\n)`: a list of literals under a
  // secret's name holds that kind of secret (keys kept through a rotation), or one split across lines.
  if (!v.quoted && opensCollection(v.value) && /[:=]/.test(separator)) {
    const items = literalListAt(text, v.start);
    if (items !== undefined) {
      // A list whose items are mostly words and blanks (a tokenizer's `tokens = ["foo", " ", "bar", "19June2000"]`) holds no secrets.
      if (!namesPublicClientKey(key, text, nameStart, name) && !isListOfWords(items.map((item) => item.value))) {
        for (const item of isAccountAuthPairList(name, items) ? items.slice(1) : items) scan.spans.push(...listItemSpan(item, key, file));
      }
      scan.skipUntil = Math.max(scan.skipUntil, items[items.length - 1]!.end);
      return true;
    }
  }
  // `apiKeys = []string{"…", "…"}`: Go writes a list's type before its brace.
  const goSlice = !v.quoted && /[:=]/.test(separator) ? GO_STRING_SLICE.exec(v.value) : null;
  if (goSlice !== null) {
    const items = literalListAt(text, v.start + goSlice[0].length - 1);
    if (items !== undefined) {
      if (!namesPublicClientKey(key, text, nameStart, name)) for (const item of items) scan.spans.push(...listItemSpan(item, key, file));
      scan.skipUntil = Math.max(scan.skipUntil, items[items.length - 1]!.end);
      return true;
    }
  }
  // A map in code under a name for many secrets or for a secret's whole content (`serviceTokens = map[string]string{`,
  // `API_KEYS = {`, Terraform's `secret_string = jsonencode({`): each entry is one, whatever the entry's own name.
  // Under a bare plural `KEYS` (`ADVERTISER_KEYS = { "acme": "…" }`) the entries are customers' or services' keys only
  // when their values are generated as strongly as a weak key's must be (`KEYS = { up: "ArrowUp" }` holds key codes).
  // Under `credentials` (`VENDOR_CREDENTIALS = {`, `partnerCreds = map[string]string{`) the same holds only when every
  // value is generated: a client's settings sit under that name as often (`{ region: "eu-west-1", profile: "ci" }`).
  const credentialMap = !SECRET_MAP_NAME.test(name) && CREDENTIAL_MAP_NAME.test(name);
  const mapKey = credentialMap ? { category: key.category, weak: true } : key;
  const mapOpener =
    !v.quoted && /[:=]/.test(separator) && (credentialMap || SECRET_MAP_NAME.test(name)) && isMapLiteralFile(file) ? MAP_LITERAL_OPENER.exec(v.value) : null;
  if (mapOpener !== null) {
    if (!namesPublicClientKey(key, text, nameStart, name)) scan.spans.push(...mapLiteralSpans(text, v.start + mapOpener[0].length - 1, mapKey, false, file));
    return true;
  }
  // PHP writes a map as an array of `'name' => '…'` entries (`private const HALL_KEYS = [ 'sheffield' => '…' ]`,
  // `$apiKeys = array('maps' => '…')`): under the same names, the same reading.
  const phpArray = !v.quoted && /[:=]/.test(separator) && (credentialMap || SECRET_MAP_NAME.test(name)) && file !== undefined && PHP_FILE.test(file) ? PHP_ARRAY_OPENER.exec(v.value) : null;
  if (phpArray !== null) {
    if (!namesPublicClientKey(key, text, nameStart, name)) scan.spans.push(...phpArraySpans(text, v.start + phpArray[0].length - 1, mapKey, file));
    return true;
  }
  // The same map built by a factory call (`KEYS = Map.of("pagerduty", "…", "statuspage", "…")`, Guava's
  // `ImmutableMap.of`, Kotlin's `apiKeys = mapOf("maps" to "…")`): its values, keyed by the services' names. A bare
  // `KEYS` is a weak name alone, but a map built under it whose values are generated holds the services' keys.
  const mapCall = !v.quoted && /[:=]/.test(separator) && (credentialMap || SECRET_MAP_NAME.test(name)) && scan.codeFile ? MAP_CALL_OPENER.exec(v.value) : null;
  if (mapCall !== null) {
    if (!namesPublicClientKey(key, text, nameStart, name)) scan.spans.push(...mapCallSpans(text, v.start + mapCall[0].length, key, file, credentialMap));
    return true;
  }
  return false;
}

/** Whether the value, read to its end (a config line's rest), is no literal a secret can be: a sentence, validation rules, a JWT of no claims. */
function isRuledOutAsLiteral(scan: AssignmentScan, name: string, nameStart: number, key: KeyClass, v: ValueMatch): boolean {
  const { text, file, codeFile } = scan;
  if (!v.quoted && v.multiword !== true && !codeFile && (file === undefined || !isShellFile(file))) {
    // In config files (`.s3cfg`, INI, YAML, .properties) and prose an unquoted value runs to the end of the line.
    const line = lineBounds(text, v.start, 300);
    let rest = text.slice(v.start, line.end).replace(/[ \t]#.{0,300}$/, '').trimEnd();
    // A quote that opens right before the name closes the value (systemd's `Environment="RESTIC_PASSWORD=…"`,
    // compose's `- "DB_PASSWORD=…"`): the line's end lies past it.
    const opening = codeAt(text, nameStart - 1);
    const close = opening === 0x22 /* " */ || opening === 0x27 /* ' */ ? rest.indexOf(text[nameStart - 1]!) : -1;
    if (close !== -1) rest = rest.slice(0, close).trimEnd();
    // A sentence that gave the value and went on after a comma (`The passphrase is …, kept here until …`): its stop, dropped
    // from the value already, ended it; the words after it are the sentence's.
    const clauseEnded = /^[,;][ \t]/.test(text.slice(v.start + v.value.length, v.start + v.value.length + 2));
    if (rest.length > v.value.length && !clauseEnded) {
      if (namesPassphrase(name, key, rest, false) || (key.category === 'PASS' && !key.weak && isPassphraseOfWords(rest))) {
        v.value = rest;
        v.multiword = true;
      } else if (/^[a-z]{2,20}$/.test(v.value) && isProseAfter(rest)) {
        // `Password: stored in 1Password`, `token: rotated by the platform team`: a sentence where a value was expected.
        return true;
      }
    }
  }
  // A dotenv line of words under a secret's name is a passphrase, judged as a quoted one.
  if (v.quoted && isValidationRules(v.value)) return true;
  if (v.quoted && CODE_BETWEEN_LITERALS.test(v.value)) return true;
  // (Each of the four reads a JWT, which opens with `eyJ`: only such a value is split and read.)
  if (v.value.startsWith('eyJ') && (EMPTY_CLAIMS_JWT.test(v.value) || isDocumentationJwtValue(v.value) || isJwtHeaderAlone(v.value) || isUnsignedTestJwt(v.value, file))) return true;
  // PostgreSQL's stored SCRAM verifier (`PASSWORD 'SCRAM-SHA-256$4096:…'`): what the server checks a login
  // against, not the password; no client can log in with it. Its older md5 one (`PASSWORD 'md5<32 hex>'`) is a
  // hash of the password and the role's name, written to a role the same way.
  if (isScramVerifier(v.value) || MD5_VERIFIER.test(v.value)) return true;
  return false;
}

/**
 * A draw of letters alone under a vendor's `…_KEY` in a dotenv file (`MEILISEARCH_KEY=wmnlqcbGecfYgNaxYNVUZaNo`): the file
 * holds the keys the app calls its services with, so the letters are judged as under a name that says key plainly
 * (`MEILI_MASTER_KEY`). Elsewhere the weak name (`SEARCH_KEY`, `STRIPE_KEY`) may hold a sort key or a publishable key.
 */
function isDotenvLetterDraw(value: string, file: string | undefined): boolean {
  return file !== undefined && LETTER_DRAW.test(value) && isDotenvFile(file) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file });
}
const LETTER_DRAW = /^[A-Za-z]{16,40}$/;

/** Judges the value as a secret of its kind, joining split literals and cutting off schemes and hosts, and reports it to `scan.spans` when it is one. */
function reportValue(scan: AssignmentScan, name: string, nameStart: number, key: KeyClass, separator: string, v: ValueMatch): void {
  const { text, file, codeFile } = scan;
  // In program source, a bare value inside a string literal (Go's `dsn = "host=db user=app password=…"`, a libpq
  // string) is part of that literal's text: a literal too, no identifier. Not one with brackets: braces there are
  // an interpolation (`f"Pwd={pw};"`) or ODBC's quoting, which the connection-string rules read.
  // So is an HTTP header written whole as one `Name: value` literal (PHP curl's `['Access-Token: …']`, Go's header
  // lines): a hyphenated header name, a colon, and the value closing the literal.
  const inLiteral =
    !v.quoted &&
    (separator === '=' || (HEADER_LINE_NAME.test(name) && separator.trim() === ':')) &&
    codeFile &&
    !BRACKET.test(v.value) &&
    (v.start + v.value.length >= text.length || STRING_TEXT_END.includes(text.charAt(v.start + v.value.length))) &&
    isInsideStringLiteral(text, nameStart);
  if ((v.quoted || inLiteral) && codeFile && namesASecret(v.value)) return;
  // In any file, an upper-snake name of words that says secret (`DB_PASSWORD_KEY: MQTT_PASSWORD`, `token_env =
  // DEPLOY_API_TOKEN`) names the setting the value is read from; a password has no such shape.
  if (namesAnotherSetting(v.value)) return;
  const passphrase = namesPassphrase(name, key, v.value, v.quoted) || (v.multiword === true && !key.weak);
  // A bare value in a dotenv file or a shell script is a literal (`Marigold.Swell_903` is no member access),
  // but lower-case words that name a secret (`config.db.password`) are still a name.
  const literalFile = !v.quoted && file !== undefined && (isDotenvFile(file) || isShellFile(file));
  if (literalFile && DOTTED_LOWER_NAME.test(v.value) && v.value.split(/[._]/).some((w) => SECRET_NAME_WORDS.has(w))) return;
  const quoted = v.quoted || v.multiword === true || literalFile || inLiteral;
  // Google's app passwords are four groups of four letters: words by shape, a password by name.
  if (key.category === 'PASS' && !key.weak && v.quoted && APP_PASSWORD.test(v.value)) {
    scan.spans.push({ start: v.start, end: v.start + v.value.length, category: key.category });
    return;
  }
  // `"…" . "…"`, `"…" + "…"`: a value split into literals (so no scanner would see it whole) is judged joined, and reported whole.
  let end = v.start + v.value.length;
  const firstLiteralLength = v.value.length;
  // After `"…;Password=" + "…"` the literals that follow go on with the outer string (`+ ";"`), not the password.
  if (v.quoted && v.multiword !== true && v.long !== true && !JOINED_AFTER_NAME.test(separator) && end < text.length && text.charCodeAt(end) === text.charCodeAt(v.start - 1)) {
    const run = literalRunAt(text, v.start - 1);
    if (run !== undefined && run.parts > 1 && run.start === v.start && run.value.startsWith(v.value)) {
      v.value = run.value;
      end = run.end;
    }
  }
  // An `Authorization` value kept under a secret's name (`token = "Bot …"`, `OktaApiToken = "SSWS " + "00…"`): the
  // credential is what follows the scheme, judged and reported alone (in the next literal when the scheme has its own).
  const scheme = v.quoted && v.multiword !== true ? AUTH_SCHEME_PREFIX.exec(v.value) : null;
  if (scheme !== null) {
    const at = scheme[0].length < firstLiteralLength ? v.start + scheme[0].length : scheme[0].length === firstLiteralLength ? nextLiteralBodyStart(text, v.start + firstLiteralLength) : -1;
    if (at === -1) return;
    v.value = v.value.slice(scheme[0].length);
    v.start = at;
  }
  // A URL's user (`git+https://gitlab-ci-token:glpat-…@gitlab.acme.corp/x.git@<commit>`): the value is its password,
  // which ends at the `@` before the host; the host, the path and a pinned revision after it are no part of it.
  if (!v.quoted && (name.startsWith('//') || text.startsWith('//', nameStart - 2))) {
    const host = HOST_AFTER_AT.exec(v.value);
    if (host !== null) {
      v.value = v.value.slice(0, host.index);
      end = Math.min(end, v.start + v.value.length);
    }
  }
  // `basic.auth.user.info=<key id>:<secret>` (a schema registry's client): the part before the colon
  // names the account (a user name or an API key's public id), the part after it is the secret,
  // as with a URL's `user:password`.
  if (USER_INFO_NAME.test(name)) {
    const colon = v.value.indexOf(':');
    if (colon > 0 && colon < v.value.length - 1 && v.value.indexOf(':', colon + 1) === -1) {
      v.start += colon + 1;
      v.value = v.value.slice(colon + 1);
    }
  }
  // In program source a bare identifier that an operator and an operand follow is an expression's first term
  // (C's `x86_cpu_PAT = x86_cpu_index_1_edx + 16,` in an enum): a variable, however its digits and letters mix.
  if (!quoted && codeFile && BARE_IDENTIFIER.test(v.value) && EXPRESSION_GOES_ON.test(text.slice(end, end + 8))) return;
  if (
    !isPlausibleSecret(v.value, { category: key.category, quoted, weakKey: key.weak, passphrase, file }) &&
    !(key.category === 'PASS' && isNumericPasscode(name, v.value, file)) &&
    // A short client secret of random letters (`'Client-Secret' => '…'`), under a name that says so plainly.
    !(quoted && CLIENT_SECRET_NAME.test(name) && isShortRandomLetters(v.value)) &&
    !(key.category === 'KEY' && key.weak && isDotenvLetterDraw(v.value, file)) &&
    // A secret issued as a short hex string (`"ad_network_secret_key": "…"` of 12 hex digits), under a name that says secret.
    !(key.category === 'KEY' && !key.weak && isHexUnderSecretName(name, v.value)) &&
    !(key.category === 'KEY' && isShortApiKeyUnderApiKeyName(name, v.value)) &&
    // A secret an app signs its tokens or sessions with, made of words by a person (`JWT_SECRET = env… || 'kelpie-zoomies-secret-2024'`),
    // quoted or as a dotenv file's literal (`JWT_SECRET=…`).
    !(key.category === 'KEY' && quoted && isSelfMadeSecretName(name) && isMadeWordsSecret(v.value) && isPlausiblePassword(v.value, file))
  ) {
    return;
  }
  if (key.weak && isIdUnderGenerationInputName(name, v.value)) return;
  // `PasswordProtectedZipNote = "PasswordProtectedZip"`: a value that spells the name's own words is a label or a key, no secret.
  if (echoesNameWords(name, v.value)) return;
  if (isCardTokenId(name, v.value)) return;
  if (isTelemetryId(name, v.value)) return;
  if (isIntegrationKeyId(name, v.value)) return;
  if (namesPublicClientKey(key, text, nameStart, name) || namesPublicKeyInVendorFile(key, file, name) || isVendorClientKeyValue(name, v.value) || (WRITE_KEY_NAME.test(name) && isBrowserLoadedWriteKey(text, v.start, v.value, file))) return;
  // A bare `key` that its comment calls a handle (`// idempotency key must be unique per refund` over `$key = '…'`).
  if (key.weak && BARE_KEY_NAME.test(name) && commentNamesHandleKey(text, nameStart)) return;
  // A key, a token or an id whose comment says it is no secret (`// IncidentKey is a dedup key, not a credential.`,
  // `PROJECT_TOKEN = "…"; // public, embedded in the web app`): the name alone made it a finding, and its author says
  // otherwise. Never a password: a comment does not make one public (`DB_PASSWORD = "…" // not a secret`), and
  // Takumo fails closed.
  if (key.category !== 'PASS' && commentSaysNoSecret(text, nameStart, v.start + v.value.length, v.value)) return;
  // A message's or a record's `Key` (`kafka.Message{Key: []byte("…")}`, `sarama.ProducerMessage{Key: …}`) is what it is
  // partitioned and compacted by, an id of what it is about: no credential.
  if (key.weak && BARE_KEY_NAME.test(name) && isMessageKey(text, nameStart)) return;
  // `user: 'runlet', password: 'runlet'`: a password that repeats its account's or its database's name beside it is a
  // local set-up's default, and anyone who reads the name, which stays in the text, has it: tokenizing it hides nothing.
  if (key.category === 'PASS' && repeatsUserName(text, nameStart, v.start + v.value.length, v.value)) return;
  scan.spans.push({ start: v.start, end: Math.max(end, v.start + v.value.length), category: key.category });
}

/**
 * An HTTP authorization scheme that opens a value, then one credential to the value's end: Discord's `Bot`, `Bearer`,
 * `Token`, Okta's `SSWS`, `Basic`, `ApiKey`, OpsGenie's `GenieKey`, `OAuth`. (A parameter after the scheme, PagerDuty's
 * `Token token=…`, is authorization-scheme-literal's to read.)
 */
const AUTH_SCHEME_PREFIX = /^(?:bot|bearer|token|ssws|basic|api-?key|geniekey|oauth)[ \t]{1,3}(?=[A-Za-z0-9._~+/-]{16,2000}={0,2}$)/i;

/** Where the body of the literal joined after the one whose closing quote is at `close` starts (`"SSWS " + "…"`), or -1. */
function nextLiteralBodyStart(text: string, close: number): number {
  let i = close + 1;
  const limit = Math.min(text.length, close + 40);
  while (i < limit && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  if (text.charCodeAt(i) === 0x2b /* + */ || text.charCodeAt(i) === 0x2e /* . */) i++;
  while (i < limit && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  const c = text.charCodeAt(i);
  return c === 0x22 || c === 0x27 ? i + 1 : -1;
}

/** An identifier of two words or more (`PasswordProtectedZip`, `api_token_label`). */
const ECHO_CANDIDATE = /^[A-Za-z][A-Za-z0-9_.-]{2,79}$/;
/**
 * Whether `value` is made only of words of `name`, two or more (`PasswordProtectedZipNote = "PasswordProtectedZip"`,
 * `DB_PASSWORD_KEY = "db_password"`): the name's own words written as a value, a label or a lookup key.
 */
function echoesNameWords(name: string, value: string): boolean {
  if (!ECHO_CANDIDATE.test(value)) return false;
  const words = splitWords(value);
  if (words.length < 2) return false;
  const nameWords = splitWords(name);
  return words.every((w) => nameWords.includes(w));
}

/** The type of a struct or object literal that is a message or a record sent on a queue or a stream. */
const MESSAGE_TYPE_WORDS = new Set(['message', 'msg', 'record']);
/** Whether the name at `nameStart` is a member of a literal whose type ends in Message, Msg or Record. */
function isMessageKey(text: string, nameStart: number): boolean {
  const words = enclosingObjectWords(text, nameStart);
  const last = words[words.length - 1];
  return last !== undefined && MESSAGE_TYPE_WORDS.has(last);
}

const LIST_OPENERS = '[{(';

/**
 * Whether a bare value opens a list or a map (`[`, `{`, `(`). An empty one counts too, as it did when this was
 * `LIST_OPENERS.includes(value.charAt(0))` (`''.charAt(0)` is `''`, which any string includes); read without that
 * `charAt(0)` past the end, which deoptimized assignmentAt.
 */
function opensCollection(value: string): boolean {
  return value.length === 0 || LIST_OPENERS.includes(value.charAt(0));
}

/**
 * Whether a quote stands right before `at`, or `at` is the text's start (which the checks this replaced, reading
 * `text.charAt(at - 1)` or `text[at - 1] ?? '"'`, took for a quote); read without going past the text's start, which
 * deoptimizes the optimized code reading it.
 */
function isQuoteOrTextStartBefore(text: string, at: number): boolean {
  return at === 0 || QUOTE_CHARS.includes(text.charAt(at - 1));
}

const BRACKET = /[([{]/;
/** An HTTP header's name as written in a header line: words joined by hyphens (`Access-Token`, `X-Auth-Token`). */
const HEADER_LINE_NAME = /^[A-Za-z][A-Za-z0-9]{0,30}(?:-[A-Za-z0-9]{1,30}){1,4}$/;
/** What may follow a bare value inside a string literal: the string's end, or a space before the next `name=`. */
const STRING_TEXT_END = '"\'` \t;';
/** How far back on its line a name is read for the string literal it may sit in. */
const STRING_LOOK_BACK = 300;

/**
 * Whether `at` lies inside a string literal opened earlier on its line (`"host=db user=app password=…"`, Go's
 * `` `…` ``): the line is read from its start, minding backslash escapes. A comment opened outside a string (`//`,
 * `#`) ends the reading: there the quotes are prose's.
 */
function isInsideStringLiteral(text: string, at: number): boolean {
  let start = at;
  const floor = Math.max(0, at - STRING_LOOK_BACK);
  while (start > floor && text.charCodeAt(start - 1) !== 0x0a) start--;
  if (start > 0 && text.charCodeAt(start - 1) !== 0x0a) return false;
  let open = 0;
  for (let i = start; i < at; i++) {
    const c = text.charCodeAt(i);
    if (open !== 0) {
      if (c === 0x5c /* \ */ && open !== 0x60) i++;
      else if (c === open) open = 0;
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */ || c === 0x60 /* ` */) open = c;
    else if (c === 0x23 /* # */ || (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f)) return false;
  }
  return open !== 0;
}

/** A bare `key` as code names a variable or a field (`key`, `$key`, `@key`). */
const BARE_KEY_NAME = /^[$@]?key$/i;
/**
 * A key that identifies a request or a record, named in words (`idempotency key`, `Idempotency-Key`, `dedup key`,
 * `cache key`, `partition key`): the value picks what it names, it authenticates nothing.
 */
const HANDLE_KEY_WORDS = /\b(?:idempotency|idempotent|dedupe?|deduplication|cache|lookup|sort|partition|primary|foreign|routing)[ _-]key\b/i;

/**
 * Whether the comment on the line of a bare `key` at `nameStart`, or on the line right above it, names it a handle
 * (see `HANDLE_KEY_WORDS`): `$key = '…';` under `// idempotency key must be unique per refund`.
 */
function commentNamesHandleKey(text: string, nameStart: number): boolean {
  const line = lineBounds(text, nameStart, 300);
  const rest = text.slice(nameStart, line.end);
  const hash = rest.search(/[ \t](?:\/\/|#)/);
  if (hash !== -1 && HANDLE_KEY_WORDS.test(rest.slice(hash))) return true;
  if (line.start === 0) return false;
  const above = lineBounds(text, line.start - 1, 300);
  const comment = text.slice(above.start, above.end);
  return COMMENT_LINE.test(comment) && HANDLE_KEY_WORDS.test(comment);
}

/** A conditional's separator (`password: isTest ? `): the literal after it is the first branch. */
const CONDITIONAL_SEPARATOR = /[^?]\?[ \t]{1,4}$/;
/** After the first branch's literal, the second: `: "…"`, maybe on the next line. */
const ELSE_BRANCH = /[ \t]{0,4}(?:\r?\n[ \t]{0,40})?:[ \t]{0,4}(?:\r?\n[ \t]{0,40})?[bBrRuU]{0,2}(?:"(?<dq>[^"\\\r\n]{1,300})"|'(?<sq>[^'\\\r\n]{1,300})'|`(?<bq>[^`\\\r\n$]{1,300})`)/y;

/** Python's second branch after the first's literal: ` if <condition> else "…"`. */
const PYTHON_ELSE_BRANCH = /[ \t]if[ \t]{1,4}[^\r\n"'#]{1,80}?[ \t]else[ \t]{1,4}[bBrRuU]{0,2}(?:"(?<dq>[^"\\\r\n]{1,300})"|'(?<sq>[^'\\\r\n]{1,300})'|`(?<bq>[^`\\\r\n$]{1,300})`)/y;

/**
 * The values of an assignment: its value, and when it picks a literal by a condition (`password: isTest ? "…" : "…"`,
 * `ALGOLIA_KEY = __DEV__ ? '…' : '…'`) the other branch's literal too, which is as much the name's value (in production,
 * often the one that matters).
 */
function conditionalBranches(text: string, separator: string, v: ValueMatch): ValueMatch[] {
  if (!v.quoted) return [v];
  const conditional = CONDITIONAL_SEPARATOR.test(separator);
  // Python's conditional expression puts the condition between the branches (`"…" if prod else "…"`).
  // (Read within the text: a read past its end deoptimized the caller this is inlined into.)
  const afterSpace = v.start + v.value.length + 2;
  if (!conditional && codeAt(text, afterSpace) !== 0x69 /* i */) return [v];
  const branch = conditional ? ELSE_BRANCH : PYTHON_ELSE_BRANCH;
  branch.lastIndex = v.start + v.value.length + 1;
  const e = branch.exec(text);
  if (e === null) return [v];
  const value = e.groups!['dq'] ?? e.groups!['sq'] ?? e.groups!['bq']!;
  return [v, { value, quoted: true, start: e.index + e[0].length - 1 - value.length }];
}


/** The `@` that ends a URL's userinfo: a host's first character follows it. */
const HOST_AFTER_AT = /@(?=[A-Za-z0-9[])/;

/**
 * An account's or a database's name set beside a password (`user: 'app'`, `DB_USERNAME=app`, `"login": "app"`, `POSTGRES_DB: app`),
 * maybe picked by a condition (`database: isTest ? "app_test" : "app"`), or given as a shell
 * expansion's default (compose's `_AIRFLOW_WWW_USER_USERNAME: ${_AIRFLOW_WWW_USER_USERNAME:-airflow}`); groups 1 and 2 are the names.
 */
const USER_NAME_ENTRY =
  /(?<![\w.-])(?:[\w.-]{0,30}[_.-])?(?:user(?:_?name)?|login|usr|database|db(?:_?name)?)["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}(?:!?[A-Za-z_$][\w$.]{0,60}[ \t]{1,4}\?[ \t]{1,4})?["']?(?:\$\{[A-Za-z_]\w{0,60}:?[-=])?([^\s"'`,;}]{1,64})(?:["'][ \t]{1,4}:[ \t]{1,4}["']([^\s"'`,;}]{1,64}))?/gi;
/** What an account's name looks like: a lower-case word or identifier (`app`, `svc_billing`, `ci-runner`). */
const ACCOUNT_NAME = /^[a-z][a-z0-9_.-]{0,31}$/;
/** How far around a password its account's name is looked for: the lines of the same block. */
const USER_NAME_REACH = 300;

/** Whether an account's or a database's name within reach of the password at `nameStart`..`valueEnd` is the password itself. */
function repeatsUserName(text: string, nameStart: number, valueEnd: number, value: string): boolean {
  if (!ACCOUNT_NAME.test(value)) return false;
  const around = text.slice(Math.max(0, nameStart - USER_NAME_REACH), Math.min(text.length, valueEnd + USER_NAME_REACH));
  if (!around.includes(value)) return false;
  for (const m of around.matchAll(USER_NAME_ENTRY)) if (m[1] === value || m[2] === value) return true;
  return false;
}

/** Clojure's data files and sources, where Aero's tags and keyword maps are read. */
const EDN_FILE = /\.(?:edn|clj[sc]?)$/i;
/** Aero's reader tags that choose one value of a map (`#profile {:dev … :prod …}`, `#hostname {…}`, `#user {…}`). */
const PROFILE_TAG = /^#(?:profile|hostname|user)$/;
/** A name for a container of secrets (`:secrets`, `credentials`), whose entries are secrets whatever their names. */
const SECRETS_CONTAINER = /(?:^|[^A-Za-z])(?:secrets|credentials)$/i;
/** One entry of an EDN or inline map: a keyword or quoted key, then a double-quoted value. */
const MAP_ENTRY = /(?:^|[\s{,])(?::|["'])?([A-Za-z_][\w.-]{0,60})["']?[ \t]{0,4}(?::|=>|=)?[ \t]{1,40}"((?:[^"\\\r\n]|\\.){1,300})"/g;
/** What opens a map literal as a bare value: `{`, Go's `map[string]string{`, Terraform's `jsonencode({`, `JSON.stringify({`, `json.dumps({`, serde's `json!({`. */
const MAP_LITERAL_OPENER = /^(?:(?:jsonencode|yamlencode|JSON\.stringify|json\.dumps|json!)\(|map\[[\w.*]{1,30}\](?:interface\{\}|[\w.*]{1,30}))?\{/;
/** A factory call that builds a map from its arguments, up to its `(`: Java's `Map.of(`, Guava's `ImmutableMap.of(`, Kotlin's `mapOf(`. */
const MAP_CALL_OPENER = /^(?:(?:java\.util\.)?Map\.of|(?:com\.google\.common\.collect\.)?ImmutableMap\.of|(?:mutable|hash|linked|sorted)?[mM]apOf)[ \t]{0,4}\(/;
/**
 * One entry of such a call: a quoted key, `,` (Java) or `to` (Kotlin), then a literal or an expression with at most one
 * bracketed group (`System.getenv("…")`), then `,` or `)`; maybe continued on the next line.
 */
const MAP_CALL_ENTRY =
  /[ \t]{0,40}(?:\r?\n[ \t]{0,40})?"(?<k>[^"\\\r\n]{1,64})"[ \t]{0,4}(?:,|[ \t]to[ \t])[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"(?<v>[^"\\\r\n]{1,300})"|[^,()"\r\n]{1,120}(?:\([^()\r\n]{0,120}\)[^,()"\r\n]{0,40})?)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?<end>[,)])/y;
const MAP_CALL_ENTRIES = 50;

/**
 * The values of a map built by a factory call from `at` (right after its `(`), under a name for many secrets: each
 * entry's key names a service or an account, so a value must look generated, as a list's items must; an entry whose
 * key is a secret's own name or an identifier's is left to its own reading.
 */
function mapCallSpans(text: string, at: number, key: { category: Category; weak: boolean }, file: string | undefined, everyValue = false): Span[] {
  const spans: Span[] = [];
  for (let n = 0; n < MAP_CALL_ENTRIES; n++) {
    MAP_CALL_ENTRY.lastIndex = at;
    const e = MAP_CALL_ENTRY.exec(text);
    if (e === null) break;
    at = MAP_CALL_ENTRY.lastIndex;
    const entryName = e.groups!['k']!;
    const value = e.groups!['v'];
    if (value !== undefined && classifyKey(entryName) === undefined && !IDENTIFIER_ENTRY_NAME.test(entryName)) {
      const start = e.index + e[0].lastIndexOf('"' + value + '"') + 1;
      const item = listItemSpan({ start, end: start + value.length, value, parts: 1 }, { category: key.category, weak: false }, file);
      // Under `credentials` one value that is no key (`"region", "eu-west-1"`) makes it a client's settings.
      if (everyValue && item.length === 0 && !isPlaceholder(value)) return [];
      spans.push(...item);
    }
    if (e.groups!['end'] === ')') break;
  }
  return spans;
}
/** Go's slice or array of strings up to its brace: `[]string{`. */
const GO_STRING_SLICE = /^\[\d{0,4}\]string\{/;
/**
 * A name for many secrets (`serviceTokens`, `API_KEYS`, `webhookSecrets`) or for one secret's whole content (`secret_string`, `SecretData`).
 * Not `credentials` (see `CREDENTIAL_MAP_NAME`): a block under it is as often a client's settings (`region`, `profile`, `cache`).
 */
const SECRET_MAP_NAME = /(?:secrets|tokens|keys|passwords|secret[_-]?(?:string|data|value|json))$/i;
/** A name for a set of credentials (`VENDOR_CREDENTIALS`, `partnerCreds`): a map under it holds them only when all its values look generated. */
const CREDENTIAL_MAP_NAME = /(?:credentials|creds)$/i;
/** Where a map literal under such a name is code's (program source, Terraform/HCL), not a data file's block of settings. */
function isMapLiteralFile(file: string | undefined): boolean {
  return isCodeFile(file) || (file !== undefined && /\.(?:tf|hcl)$/i.test(file));
}
/** An entry named as an identifier or a digest (`private_key_id`, `clientId`, `sha256`, `commit`): public by design, wherever it sits. */
const IDENTIFIER_ENTRY_NAME = /(?:^|[_.-])(?:id|ID|sha\d{0,3}|SHA\d{0,3}|hash|HASH|digest|DIGEST|checksum|CHECKSUM|commit|COMMIT|etag|ETAG)$|[a-z](?:Id|Sha\d{0,3}|Hash|Digest|Checksum|Commit|Etag)$/;

/**
 * The literals of the map that opens at `open` (up to its closing brace, at most 1,500 characters on).
 * Under a profile tag each value is the name's secret in one environment, judged as the name says;
 * in a map of secrets an entry whose own name says nothing must look generated (as a list's items must),
 * and an entry whose name is a secret's is left to its own match.
 */
function mapLiteralSpans(text: string, open: number, key: { category: Category; weak: boolean }, byProfile: boolean, file: string | undefined): Span[] {
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length && i - open <= 1500; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = text.indexOf('"', i + 1);
      if (end === -1) return [];
      i = end;
    } else if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */ && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1) return [];
  const body = text.slice(open + 1, close);
  const spans: Span[] = [];
  for (const m of body.matchAll(MAP_ENTRY)) {
    const [, entryName, value] = m as unknown as [string, string, string];
    const start = open + 1 + m.index + m[0].length - 1 - value.length;
    if (byProfile) {
      if (isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file })) spans.push({ start, end: start + value.length, category: key.category });
    } else if (classifyKey(entryName) === undefined && !IDENTIFIER_ENTRY_NAME.test(entryName)) {
      const item = listItemSpan({ start, end: start + value.length, value, parts: 1 }, { category: key.category, weak: key.weak }, file);
      // Under a bare `KEYS` every value must be a key: one that is not (`"up": "ArrowUp"`) makes it a map of something else.
      // A stand-in (`"deere": "<deere-api-key>"`) holds a key's place: it is skipped, and says nothing against the others.
      if (key.weak && item.length === 0 && !isPlaceholder(value)) return [];
      spans.push(...item);
    }
  }
  return spans;
}

const PHP_FILE = /\.(?:php|phtml|inc)$/i;
/** What opens a PHP array as a bare value: `[` or `array(`. */
const PHP_ARRAY_OPENER = /^(?:\[|array[ \t]{0,2}\()/i;
/** One `'name' => '…'` entry of a PHP array, either quote for either part; `v1`/`v2` is the value's content. */
const PHP_ARRAY_ENTRY = /(["'])([A-Za-z_][\w.-]{0,60})\1[ \t]{0,40}=>[ \t]{0,8}(?:'(?<v1>(?:[^'\\\r\n]|\\.){1,300})'|"(?<v2>(?:[^"\\\r\n]|\\.){1,300})")/g;
/** A line that is a comment: the `//` or `#` opens it (one after a value may stand inside a string, `'https://…'`). */
const PHP_LINE_COMMENT = /^[ \t]*(?:\/\/|#)[^\r\n]*/gm;

/**
 * The secrets of the PHP array whose `[` or `(` is at `open` (up to its close, at most 1,500 characters on), read as a map's
 * (`mapLiteralSpans`): an entry whose own name says nothing must look generated, and under a bare `KEYS` one value that
 * is no key makes it an array of something else. Entries in comments (`// 'rotherham' => '…', // moved to env`) are no values.
 */
function phpArraySpans(text: string, open: number, key: { category: Category; weak: boolean }, file: string | undefined): Span[] {
  const closer = text.charCodeAt(open) === 0x5b /* [ */ ? 0x5d : 0x29;
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length && i - open <= 1500; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const end = text.indexOf(text[i]!, i + 1);
      if (end === -1) return [];
      i = end;
    } else if (c === 0x5b || c === 0x28) depth++;
    else if ((c === 0x5d || c === 0x29) && --depth === 0) {
      close = c === closer ? i : -1;
      break;
    }
  }
  if (close === -1) return [];
  // Comments are blanked, not cut, so that offsets in the body stay the text's.
  const body = text.slice(open + 1, close).replace(PHP_LINE_COMMENT, (comment) => ' '.repeat(comment.length));
  const spans: Span[] = [];
  for (const m of body.matchAll(PHP_ARRAY_ENTRY)) {
    const entryName = m[2]!;
    const value = m.groups!['v1'] ?? m.groups!['v2']!;
    if (classifyKey(entryName) !== undefined || IDENTIFIER_ENTRY_NAME.test(entryName)) continue;
    const start = open + 1 + m.index + m[0].length - 1 - value.length;
    const item = listItemSpan({ start, end: start + value.length, value, parts: 1 }, key, file);
    if (key.weak && item.length === 0 && !isPlaceholder(value)) return [];
    spans.push(...item);
  }
  return spans;
}

/**
 * The secrets of the map literal whose `{` is at `open`, when something other than its name says it holds secrets of
 * `category` (a comment above it: `// partner credentials (prod)` over `var partners = map[string]string{`). Each entry
 * whose own name says nothing must look generated, as under a name for many secrets; when `weak` (a bare `keys`, which
 * names a keyboard's or a cache's as often), one entry that does not makes it a map of something else.
 */
export function namedMapLiteralSpans(text: string, open: number, category: Category, weak: boolean, file: string | undefined): Span[] {
  return mapLiteralSpans(text, open, { category, weak }, false, file);
}

/**
 * An item of a list under a secret's name. Lists of names (`REDACTED_FIELDS = ["password", "api_key"]`)
 * and of banned passwords are common, lists of passwords rare: an item must look generated, as a key
 * would, whatever kind the name says.
 */
function listItemSpan(item: LiteralRun, key: { category: Category; weak: boolean }, file: string | undefined): Span[] {
  if (namesASecret(item.value) || !isPlausibleSecret(item.value, { category: 'KEY', quoted: true, weakKey: key.weak, file })) return [];
  return [{ start: item.start, end: item.end, category: key.category }];
}

/** An md5 verifier as PostgreSQL stores it (`pg_authid.rolpassword`): `md5` and the MD5 of the password joined to the role's name, in lower-case hex. */
const MD5_VERIFIER = /^md5[0-9a-f]{32}$/;

/**
 * A name that ends in `pin` after other words (`DOOR_PIN`, `smartcard-pin`) holds a board's pin number as often as a
 * PIN (`LED_PIN = 13`, `RESET_PIN = "GPIO_NUM_4"`), and a short numeric PIN is debatable. A value generated as a
 * password is no wire: 12 characters or more, no blank, three of lower case, upper case, digits and symbols, switching
 * between them, at a generated string's entropy. Only such a value is read under the name (an admin's, a master or an
 * unlock PIN is a password's name already: see `classifyKey`; a PKCS#11 token's is pkcs11-pin's).
 */
const STRONG_PIN_KEY: KeyClass = { category: 'PASS', weak: true };
const PIN_AT_END = /pin$/i;
/** A literal turned into characters where it is assigned (`= "…".toCharArray()`, C#'s `.ToCharArray()`); `v` is the literal. */
const TO_CHAR_ARRAY = /^[ \t]{0,4}=[ \t]{0,4}"(?<v>[^"\\\r\n]{1,300})"\.[tT]oCharArray\(\)/;

/** Whether `v` runs through four characters in order (`abcd`, `2345`): an alphabet that a generator draws from, not a draw. */
function runsInOrder(v: string): boolean {
  let run = 1;
  for (let i = 1; i < v.length; i++) {
    run = v.charCodeAt(i) === v.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 4) return true;
  }
  return false;
}

/**
 * A secret held as characters, as Java and C# keep a password out of immutable strings (`char[] passwordChars =
 * "…".toCharArray()`, handed to `KeyStore.load`): `chars` after a secret's name says what type holds it, not that the
 * value describes one (`PASSWORD_CHARS`, the alphabet a generator draws passwords from). So only a literal turned into
 * characters right there counts, and never one that runs through an alphabet (`"ABCDEFGH…".toCharArray()`).
 */
function charArrayKey(text: string, nameStart: number, name: string): KeyClass | undefined {
  if (name.length < 7 || !/[a-z_](?:chars|Chars|CHARS)$/.test(name)) return undefined;
  const end = nameStart + name.length;
  const literal = TO_CHAR_ARRAY.exec(text.slice(end, end + 330))?.groups?.['v'];
  if (literal === undefined || runsInOrder(literal)) return undefined;
  return classifyKey(name.slice(0, -5).replace(/[_.-]$/, ''));
}

function pinNameKey(name: string): KeyClass | undefined {
  if (!PIN_AT_END.test(name)) return undefined;
  const words = splitWords(name);
  if (words.length < 2 || words[words.length - 1] !== 'pin' || words.some((w) => PINNED_KEY_WORDS.has(w))) return undefined;
  // A PKCS#11 token's PIN (`user_pin`, `so_pin`, `HSM_PIN`) is pkcs11-pin's, which knows its digits too.
  if (PKCS11_PIN_OWNERS.has(words[words.length - 2]!)) return undefined;
  return STRONG_PIN_KEY;
}

/**
 * Four to eight digits under a name that ends in `pin` (see `pinNameKey`): a PIN where the name says whose it is or what it
 * guards (`installer_pin`, `SERVICE_PIN`, `door_pin`), or where the digits are kept as text (`qsys_pin: "4816"`,
 * `LASER_PIN = "2580"`, any value of an INI file), as a PIN is to keep its leading zeros; a board's pin is a number, and never four digits. Not
 * under the words of an address (an Indian postal code is a `PIN`), of a map's pin, or of a pinned version or build.
 */
function isDigitPin(name: string, value: string, quoted: boolean): boolean {
  if (!isProsePin(value)) return false;
  return namesAccessCodeColumn(name) || (quoted && !splitWords(name).some((word) => NO_ACCESS_PIN_WORDS.has(word)));
}

/**
 * A PIN's digits in an XML element named for one (`<door_pin>…</door_pin>`, an Android resource's `<string
 * name="printer_pin">…</string>`, which is text by its type, as a quoted value is), read as under a setting's name
 * (`pinNameKey`, `accessCodeNameKey`); never in a test's file.
 */
function isXmlDigitPin(name: string, tag: string, value: string, file: string | undefined): boolean {
  // The digits first: most elements this is asked about hold none, and the name's words cost a split.
  if (!isProsePin(value) || isTestFile(file)) return false;
  if (pinNameKey(name) === STRONG_PIN_KEY) return isDigitPin(name, value, /^string$/i.test(tag));
  return accessCodeNameKey(name) !== undefined;
}
const NO_ACCESS_PIN_WORDS = new Set([
  'postal', 'post', 'postcode', 'zip', 'area', 'address', 'city', 'district', 'branch', 'office', 'shipping', 'billing', 'delivery', 'pickup', 'home', 'permanent',
  'map', 'location', 'marker', 'geo', 'version', 'release', 'build', 'commit', 'revision', 'rev', 'tag', 'image', 'package',
]);

/**
 * A bare `pin` is a board's, a map's or a postal code as often as a PIN; under a YAML mapping or an INI section named for
 * what it opens (`panel:` then `pin: "7391"`, `[keypad]` then `pin = "4821"`; a device, a role, a keypad's guard), it is
 * that one's PIN, read as any PIN's name is (`isDigitPin`: digits kept as text), unless the mapping is an address's.
 */
const PIN_DEVICE_WORDS = new Set([...CAMEL_PIN_OWNERS, ...ACCESS_CODE_OWNERS, 'panel', 'hmi', 'controller', 'console', 'reader']);
/** A bare `pin`'s separator and the opening of a quoted value that starts with a digit: only then is its mapping looked for. */
const QUOTED_DIGITS_AFTER_NAME = /^["']?[ \t]{0,4}[:=][ \t]{0,4}["']\d/;
function barePinUnderDeviceKey(text: string, nameStart: number, name: string): KeyClass | undefined {
  if (name.length !== 3 || name.toLowerCase() !== 'pin' || !QUOTED_DIGITS_AFTER_NAME.test(text.slice(nameStart + 3, nameStart + 16))) return undefined;
  const parent = yamlParentName(text, nameStart, name) ?? iniSectionName(text, nameStart, name);
  if (parent === undefined) return undefined;
  const words = splitWords(parent);
  return words.some((word) => PIN_DEVICE_WORDS.has(word)) && !words.some((word) => NO_ACCESS_PIN_WORDS.has(word)) ? STRONG_PIN_KEY : undefined;
}

/** A keypad's code named for what it guards or who opens it (`ALARM_CODE`, `installer_code`, `GM_OVERRIDE_CODE`): read for a PIN's digits only. */
const ACCESS_CODE_KEY: KeyClass = { category: 'PASS', weak: true };
function accessCodeNameKey(name: string): KeyClass | undefined {
  return /code$/i.test(name) && namesAccessCodeColumn(name) ? ACCESS_CODE_KEY : undefined;
}
const PKCS11_PIN_OWNERS = new Set(['user', 'usr', 'cu', 'so', 'co', 'officer', 'token', 'slot', 'partition', 'hsm', 'pkcs11', 'p11', 'luna']);
/** Words of certificate or public-key pinning (`SERVER_PUBKEY_PIN`, `CERT_PIN`): the pin is a hash of what is public. */
const PINNED_KEY_WORDS = new Set(['cert', 'certs', 'certificate', 'key', 'pubkey', 'public', 'spki', 'ssl', 'tls', 'hpkp', 'fingerprint', 'sha', 'sha1', 'sha256', 'hash']);
/** A pinned key's hash as pinning writes it (`sha256/…`, `sha256:…`). */
const PINNED_HASH = /^sha(?:1|256|384|512)[/:=]/i;
const STRONG_PIN_VALUE = /^\S{10,128}$/;
/** A symbol that no wire's name uses as a separator. */
const PIN_SYMBOL = /[^A-Za-z0-9_.\-]/;
/**
 * 12 characters or more of three classes; or 10 or 11 of all four (lower and upper case, digits, a symbol: `Kt4#wPz8Lq`),
 * the symbol no separator of a wire's name (`Gpio_Pin_10`, `PA-10`), at the entropy of characters that hardly repeat.
 */
function isStrongPin(value: string): boolean {
  if (!STRONG_PIN_VALUE.test(value) || PINNED_HASH.test(value)) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
  if (value.length < 12) return classes === 4 && PIN_SYMBOL.test(value) && characterSwitches(value) >= 5 && shannonEntropy(value) >= 3;
  return classes >= 3 && characterSwitches(value) >= 4 && shannonEntropy(value) >= 3.5;
}

/**
 * A constant that names a property by its key (`BindingProvider.PASSWORD_PROPERTY`, `Stub.PASSWORD_PROPERTY`): as the first
 * argument of a call (`ctx.put(BindingProvider.PASSWORD_PROPERTY, "…")`, `stub._setProperty(X.USERNAME_PROPERTY, …)`) it says
 * what the second is, as a property's own key would (`props.put("password", "…")`). `property` makes every other name a
 * setting's (`PASSWORD_PROPERTY` alone names a field), so only there, followed by its comma, is the name read without it.
 */
const PROPERTY_KEY_CONSTANT = /^(?:[A-Za-z_]\w{0,40}\.){0,3}(?<base>[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){0,6})_PROPERTY$/;
function propertyKeyConstantKey(text: string, nameStart: number, name: string): KeyClass | undefined {
  if (!name.endsWith('_PROPERTY')) return undefined;
  const base = PROPERTY_KEY_CONSTANT.exec(name)?.groups?.['base'];
  if (base === undefined || text.charCodeAt(skipBlanksBack(text, nameStart) - 1) !== 0x28 /* ( */) return undefined;
  if (!/^[ \t]{0,4},/.test(text.slice(nameStart + name.length, nameStart + name.length + 6))) return undefined;
  return classifyKey(base);
}

/**
 * A name of three or more words ending in `auth` (`MP_SMTP_AUTH`, mailpit's; `REGISTRY_PROXY_AUTH`), which `classifyKey`
 * leaves alone: such settings hold a `user:password` pair, and only a value of that shape is read under them.
 */
const AUTH_PAIR_KEY: KeyClass = { category: 'CRED', weak: true };
const USER_PASSWORD_PAIR = /^([A-Za-z][\w.@-]{0,63}):(?=[^\s:]{4,128}$)/;
/** Base64 long enough for `user:password` of a 4-character password (Basic auth's and `_auth`'s encoding of the pair). */
const ENCODED_PAIR = /^[A-Za-z0-9+/]{12,400}={0,2}$/;
const ENCODED_PAIR_KEY: KeyClass = { category: 'CRED', weak: false };
const AUTH_IN_NAME = /auth/i;
function authPairNameKey(name: string): KeyClass | undefined {
  // Asked of every name that is no secret's: one without `auth` in it (any case: `splitWords` only lower-cases ASCII
  // letters) has no such last word, and is not split.
  if (!AUTH_IN_NAME.test(name)) return undefined;
  const words = splitWords(name);
  return words.length >= 3 && words[words.length - 1] === 'auth' ? AUTH_PAIR_KEY : undefined;
}

/** A name for a `user:password` pair: `basic.auth.user.info`, `userInfo`, `USER_INFO`. */
const USER_INFO_NAME = /user[._-]?info$/i;

/** An upper-case constant's name (`PASSWORD_FIELD`), which may stand for the key of a map entry. */
/** A line of 2-8 words of letters and digits, one space apart (`granite orbit willow saffron`). */
const WORDS_ON_A_LINE = /^[A-Za-z0-9]{1,24}(?: [A-Za-z0-9]{1,24}){1,7}$/;
/** Words that make a line a sentence: passphrases are chosen from nouns and adjectives, never these. */
const PROSE_WORDS = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'by', 'to', 'of', 'for', 'from', 'with', 'via', 'per', 'under', 'through', 'using', 'into',
  'and', 'or', 'not', 'no', 'is', 'are', 'was', 'be', 'see', 'ask', 'when', 'if', 'as', 'this', 'that', 'it', 'its',
  'we', 'you', 'our', 'your', 'their', 'same', 'only', 'never', 'please',
]);

/** An unquoted run of words after a password's name that reads as a passphrase, not as a sentence. */
function isPassphraseOfWords(rest: string): boolean {
  if (!WORDS_ON_A_LINE.test(rest)) return false;
  const words = rest.split(' ');
  return words.filter((w) => /^[A-Za-z]{3,}$/.test(w)).length >= 2 && !words.some((w) => PROSE_WORDS.has(w.toLowerCase()));
}

/**
 * What a password keys an encryption with rather than a login: a backup repository's (restic's `RESTIC_PASSWORD`, Kopia's,
 * Borg's, Duplicity's), a vault's or a key's (`ANSIBLE_VAULT_PASSWORD`, `GPG_PASSWORD`). Those tools ask for a passphrase
 * and show one of words, so a run of words under such a name is the secret, as under a `…_PASSPHRASE`.
 */
const ENCRYPTION_PASSWORD_WORDS = new Set(['restic', 'kopia', 'borg', 'duplicity', 'duplicati', 'rclone', 'gpg', 'pgp', 'gnupg', 'vault', 'encryption', 'backup', 'backups']);
/** Words that point to where a value is kept (`stored in the vault`, `from CI secrets`, `see runbook`): a remark, no passphrase. */
const KEPT_ELSEWHERE_WORDS = /\b(?:in|from|see|ask|via|stored|kept|managed|provided|injected|env|environment|todo|changeme|placeholder)\b/i;

/**
 * Whether the name says a passphrase, or a password that keys an encryption, and the value is no remark on where it is kept;
 * or, `quoted`, a password's name holds a made run of words.
 */
function namesPassphrase(name: string, key: KeyClass, value: string, quoted: boolean): boolean {
  if (/passphrase/i.test(name)) return true;
  if (key.category !== 'PASS' || key.weak || KEPT_ELSEWHERE_WORDS.test(value)) return false;
  // The password ends the name and the encryption's word comes before it: `password_encryption` is how logins are hashed.
  const words = splitWords(name);
  if (!PASSWORD_LAST_WORD.test(words[words.length - 1] ?? '')) return false;
  // Any login's password may be a run of words a policy made (`ERP_PASSWORD="Terrazzo Grout 9 Mosaic"`): a number among
  // them or every word capitalised, and none a sentence's, as a handbook spells one out.
  return words.slice(0, -1).some((w) => ENCRYPTION_PASSWORD_WORDS.has(w)) || (quoted && / /.test(value) && isQuotedWordsPassphrase(value, undefined) && !hasProseWord(value));
}

/** Whether a run of words holds one that makes it a sentence (`Choose a strong one 2`), not a passphrase. */
function hasProseWord(value: string): boolean {
  return value.split(/\s+/).some((w) => PROSE_WORDS.has(w.toLowerCase()));
}
const PASSWORD_LAST_WORD = /^(?:password|passwd|pass|pwd|pw)$/;

/** Whether the words after a value's first word carry a sentence on (`stored in the vault`, `see the runbook`). */
function isProseAfter(rest: string): boolean {
  const words = rest.split(/[ \t]{1,4}/, 6);
  return words.length >= 2 && words.slice(1).some((w) => PROSE_WORDS.has(w.toLowerCase()));
}

/** A Java-bean-style getter's name (`getPassword`, `get_api_key`): `get` and the property it reads. */
const GETTER_NAME = /^get_?(?=[A-Z_a-z])/;
/** A getter's body that returns a literal at once: `() {` / `return "…"` (Java, C#, Kotlin, PHP, Groovy). */
const GETTER_RETURNS_LITERAL = /^\(\)[ \t]{0,4}(?::[ \t]{0,4}[A-Za-z][\w.<>?]{0,30}[ \t]{0,4})?(?:\r?\n[ \t]{0,40})?\{[ \t]{0,4}(?:\r?\n[ \t]{0,40})?return[ \t]{1,4}@?["']/;

/**
 * The key a getter's name stands for, when its body returns a literal: `getPassword() { return "…"; }`
 * holds the password as surely as `password = "…"`. Elsewhere `get` makes the name a phrase
 * (`token = getToken()`), so only this body lifts it.
 */
function getterPropertyKey(text: string, nameStart: number, name: string): KeyClass | undefined {
  const prefix = GETTER_NAME.exec(name);
  if (prefix === null) return undefined;
  const property = name.slice(prefix[0].length);
  if (property.length < 3) return undefined;
  const end = nameStart + name.length;
  if (!GETTER_RETURNS_LITERAL.test(text.slice(end, end + 120))) return undefined;
  return classifyKey(property);
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,6}$/;
/**
 * A constant set to a field name: `const PASSWORD_FIELD: &str = "password_confirmation";` (Rust),
 * `PASSWORD_FIELD = 'password'` (Python, Ruby), `static final String PASSWORD_FIELD = "password";`.
 */
const CONSTANT_DEFINITION = /(?<![\w.$])([A-Z][A-Z0-9_]{2,60})(?:[ \t]{0,4}:[ \t]{0,4}&?(?:'static[ \t]{1,4})?[A-Za-z][\w<>]{0,30})?[ \t]{0,4}=[ \t]{0,4}["']([A-Za-z][\w.-]{0,79})["']/g;
/** After a constant used as an entry's key: `CONST: "…"` (Rust's `json!`, Python), `[CONST]: "…"` (JS), `CONST => "…"` (PHP, Perl, Ruby). */
const CONSTANT_KEY_ENTRY = /\]?[ \t]{0,4}(?::|=>)[ \t]{0,4}(?:"(?<dq>[^"\\\r\n]{1,300})"|'(?<sq>[^'\\\r\n]{1,300})')/y;

/** The field names the text's constants are set to, read once per text when first needed. */
interface ConstantMemo {
  values?: Map<string, string>;
}

function constantValues(text: string, memo: ConstantMemo): Map<string, string> {
  if (memo.values !== undefined) return memo.values;
  const values = new Map<string, string>();
  CONSTANT_DEFINITION.lastIndex = 0;
  for (let m = CONSTANT_DEFINITION.exec(text); m !== null; m = CONSTANT_DEFINITION.exec(text)) {
    if (!values.has(m[1]!)) values.set(m[1]!, m[2]!);
  }
  memo.values = values;
  return values;
}

/**
 * A map entry keyed by a constant that names a secret's field: `json!({ PASSWORD_FIELD: "…" })`
 * after `const PASSWORD_FIELD: &str = "password_confirmation";`. The constant's own name says
 * it holds a name (`…_FIELD`); the field it names says what the entry's value is. A Rails-style
 * `password_confirmation` field holds the password typed again.
 */
function constantKeyedEntry(text: string, nameEnd: number, name: string, memo: ConstantMemo, file: string | undefined): Span | undefined {
  CONSTANT_KEY_ENTRY.lastIndex = nameEnd;
  const m = CONSTANT_KEY_ENTRY.exec(text);
  if (m === null) return undefined;
  const field = constantValues(text, memo).get(name);
  if (field === undefined) return undefined;
  const key = classifyKey(field.replace(/[_.-]?confirmation$/i, ''));
  if (key === undefined) return undefined;
  const value = m.groups!['dq'] ?? m.groups!['sq']!;
  if (isCodeFile(file) && namesASecret(value)) return undefined;
  if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file })) return undefined;
  return { ...valueBeforeClosingMark(m, value), category: key.category };
}

/**
 * `- name: X` then `value: …` (Kubernetes, compose), `"name": "X", "value": "…"` (ECS), Terraform variable defaults,
 * and HCL's `name = "X"` then `value = "…"` (the helm provider's `set`/`set_sensitive` blocks that pass a chart its values;
 * an `aws_ssm_parameter` whose name is a path and whose `type` line may sit between, also as `terraform plan` prints it, `+ `/`~ ` first),
 * and PowerShell's `-Name X -Value …` (`Set-ItemProperty`/`New-ItemProperty` writing a registry value, `Set-Variable`).
 */
/** The value of a name/value pair: quoted either way, or bare. */
const PAIR_VALUE = `(?:"(?<dq>${doubleQuotedBody(300)})"|'(?<sq>[^'\\r\\n]{1,300})'|(?<uq>[^\\s"'#{}][^\\s#,}]{0,299}))`;
/** Composer's `"bearer": {"host.example": …}`: a secret keyed by the host it is for. */
const HOST_KEYED_NAME = /"(?<hk>[\w-]{1,40})"[ \t]{0,4}:[ \t]{0,4}\{[ \t]{0,4}(?:\r?\n[ \t]{0,40})?"[\w.-]{1,100}\.[a-z]{2,24}"[ \t]{0,4}:/.source;
const NAME_VALUE = new RegExp(
  String.raw`(?:(?:name|key)["']?[ \t]{0,24}[:=][ \t]{0,4}["']?(?<k>[\w./-]{1,160})["']?[ \t]{0,4}(?:,[ \t]{0,4}(?:\r?\n)?|\r?\n)(?:[ \t+~-]{0,24}["']?type["']?[ \t]{0,24}[:=][^\r\n]{0,60}\r?\n)?[ \t+~-]{0,24}["']?value["']?[ \t]{0,24}[:=]|"(?<jk>[\w.-]{1,80})"[ \t]{0,4}:[ \t]{0,4}\{[ \t]{0,4}(?:\r?\n[ \t]{0,40})?"value"[ \t]{0,4}:` +
    `|${HOST_KEYED_NAME}|` +
    String.raw`(?<![\w-])-[Nn]ame[ \t]{1,4}["']?(?<pk>[\w./-]{1,160})["']?[ \t]{1,40}(?:-(?:Property)?Type[ \t]{1,4}["']?\w{1,20}["']?[ \t]{1,40})?-[Vv]alue[ \t]{1,4}|` +
    String.raw`variable[ \t]{1,4}"(?<tk>[\w-]{1,80})"[ \t]{0,4}\{[^}]{0,400}?default[ \t]{0,40}=|(?<![\w-])(?<ck>[A-Za-z]\w{0,79}):[ \t]{0,4}\r?\n[ \t]{2,24}(?:(?<yd>default):|Type:[ \t]{0,4}["']?String["']?[ \t]{0,4}\r?\n(?:[ \t]{2,24}(?:NoEcho|Description|AllowedPattern|MinLength|MaxLength|ConstraintDescription):[^\r\n]{0,200}\r?\n)?(?:[ \t]{2,24}(?:NoEcho|Description|AllowedPattern|MinLength|MaxLength|ConstraintDescription):[^\r\n]{0,200}\r?\n)?(?:[ \t]{2,24}(?:NoEcho|Description|AllowedPattern|MinLength|MaxLength|ConstraintDescription):[^\r\n]{0,200}\r?\n)?(?:[ \t]{2,24}(?:NoEcho|Description|AllowedPattern|MinLength|MaxLength|ConstraintDescription):[^\r\n]{0,200}\r?\n)?[ \t]{2,24}Default:))[ \t]{0,4}` +
    PAIR_VALUE,
  'g',
);
/** NAME_VALUE's Composer form alone: all it can match in a text without `value` or `default`. */
const HOST_KEYED_VALUE = new RegExp(String.raw`(?:${HOST_KEYED_NAME})[ \t]{0,4}` + PAIR_VALUE, 'g');

/** A lookup by index, `Config[Key]` or `settings['token']`, as a whole bare value (closing brackets and a comma may follow). */
const INDEX_EXPRESSION = /^[A-Za-z_$][\w$.]{0,60}\[[\w$.'"]{1,60}\][)\],;]{0,3}$/;

/** A function or method call, `name(…)` or `a.b.name(…)`, as a whole bare value. */
const CALL_EXPRESSION = /^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,6}\([^\r\n]{0,250}\)$/;

/** A YAML block scalar (`|`, `>-`) or a heredoc (`<<-EOT`): the value is on the lines below. */
const BLOCK_START = /^(?:[|>][-+]?\d?|<<[-~]?["']?[A-Za-z_]{1,20}["']?)$/;

/**
 * The first non-blank line after `from`, trimmed, when a one-line block holds the value. The indicator's line ends where
 * `nextBreak` says (every name on a long line asks for the same break); a blank line is passed over only when it ends
 * within the 400 characters a line is read, so a long run of blanks is not read again for each name above it.
 */
function nextLineValue(text: string, from: number, indicator: string, nextBreak: (from: number) => number): { value: string; start: number } | undefined {
  let lineStart = nextBreak(from);
  for (let skipped = 0; lineStart !== -1 && skipped < 3; skipped++) {
    lineStart++;
    const { end } = lineBounds(text, lineStart, 400);
    const line = text.slice(lineStart, end);
    const value = line.trim();
    if (value.length === 0) {
      const lineEnd = text.charCodeAt(end) === 0x0d ? end + 1 : end;
      lineStart = text.charCodeAt(lineEnd) === 0x0a ? lineEnd : -1;
      continue;
    }
    const delimiter = /^<</.test(indicator) ? indicator.replace(/^<<[-~]?["']?|["']$/g, '') : undefined;
    if (value === delimiter || value.length > 300) return undefined;
    return { value, start: lineStart + line.indexOf(value) };
  }
  return undefined;
}

function findNameValuePairs(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  // Most texts that get here (JSON with `": {`) hold none of the words the other forms
  // need: only the `"host": {"domain.tld": …}` form can match there, and searching for it
  // alone skips trying every word as a CloudFormation parameter name.
  const pattern = text.includes('value') || text.includes('default') || text.includes('Default:') || text.includes('-Value') ? NAME_VALUE : HOST_KEYED_VALUE;
  const nextBreak = lineBreakCursor(text);
  for (const m of text.matchAll(pattern)) {
    const g = m.groups!;
    // A parameter store's name is a path (`/billing/prod/stripe_secret_key`): its last segment names the value.
    const name = g['k'] ?? g['jk'] ?? g['hk'] ?? g['tk'] ?? g['ck'] ?? g['pk']!;
    const key = classifyKey(name.slice(name.lastIndexOf('/') + 1));
    const quoted = g['uq'] === undefined;
    let value = g['dq'] ?? g['sq'] ?? g['uq']!;
    let start = m.index + m[0].length - (quoted ? 1 : 0) - value.length;
    if (!quoted && BLOCK_START.test(value)) {
      const block = nextLineValue(text, m.index + m[0].length, value, nextBreak);
      if (block === undefined) continue;
      ({ value, start } = block);
    }
    // A bare call (Bicep's `kv.getSecret('db-password')`, HCL's `file("pw.txt")`) fetches the value: a reference.
    if (!quoted && CALL_EXPRESSION.test(value)) continue;
    // So does a bare lookup by index: a TypeScript signature's `(key: Key, value: NodeConfig[Key])`, `value: settings['token'],`.
    if (!quoted && INDEX_EXPRESSION.test(value)) continue;
    // HCL's `value = random_password.db.result`: a bare value after `=` is an expression, a literal is quoted.
    if (!quoted && g['k'] !== undefined && /value["']?[ \t]{0,4}=[ \t]{0,4}$/.test(m[0].slice(0, m[0].length - value.length))) continue;
    // So is a Terraform variable's bare `default = var.grafana_admin_password`: HCL quotes every string literal (a heredoc aside).
    if (!quoted && g['tk'] !== undefined && !BLOCK_START.test(g['uq']!)) continue;
    // A bare PowerShell argument that opens a subexpression, an array or a cast (`-Value (Get-Content …)`, `@(…)`, `[byte[]]…`) computes the value.
    if (!quoted && g['pk'] !== undefined && /^[(@[]/.test(value)) continue;
    // A YAML setting's bare default that opens with the setting's own name (`relay_password_login:` / `default:
    // relay_password_login_disabled`) names one of the setting's choices, as an enum's values do.
    if (!quoted && g['yd'] !== undefined && value.toLowerCase().startsWith(name.toLowerCase())) continue;
    if (!key || !isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/**
 * A name whose last words say secret plainly (`secret`, `secret_key`, `api_secret`, `client_secret`, `SecretKey`); a secret's
 * id, name, hash or version (`secret_id`, `secret_version`) end in another word and are turned down by the name's class.
 */
const SECRET_WORD_NAME = /(?:^|[^A-Za-z]|[a-z])(?:secret|Secret|SECRET)(?:[ _.-]?(?:key|Key|KEY))?["']?$/;
/** 12 to 64 hex digits, letters and digits both: the short hex a service may issue as a secret key. */
const SHORT_SECRET_HEX = /^(?=[0-9a-fA-F]{0,63}[a-fA-F])(?=[0-9a-fA-F]{0,63}\d)(?:[0-9a-f]{12,64}|[0-9A-F]{12,64})$/;

/**
 * Hex under a name that says secret (`ironsource_secret_key`, `api_secret`): a service's issued secret, however few
 * letters its digits happen to draw. A digit-letter mix is what the randomness test asks of other keys; hex of 12 digits
 * may hold one letter only. Under a bare `key` or a hash's, a commit's or an id's name it stays a digest or an id.
 */
function isHexUnderSecretName(name: string, value: string): boolean {
  return SHORT_SECRET_HEX.test(value) && SECRET_WORD_NAME.test(name) && new Set(value).size >= 6;
}

/**
 * A short key some services issue (what3words' 8 capitals and digits, `W3W_API_KEY=9E5B5V3P`) under a name that ends in
 * `api key`: too short for the randomness test, so judged by its drawn shape. Capitals and digits mixed inside, not a
 * word and a number side by side (`APIKEY01`, `TODO2024`, `ABCD1234`): a stand-in is written that way, a draw seldom is.
 */
const API_KEY_NAME_END = /api[_.-]?key$/i;
const SHORT_DRAWN_KEY = /^[A-Z0-9]{8,9}$/;
function isShortApiKeyUnderApiKeyName(name: string, value: string): boolean {
  return API_KEY_NAME_END.test(name) && SHORT_DRAWN_KEY.test(value) && characterSwitches(value) >= 3 && new Set(value).size >= 6 && !countsInTurns(value);
}

/** Letters and digits that each count up where they stand (`A1B2C3D4`, `1A2B3C4D`): a dummy typed by hand. */
function countsInTurns(value: string): boolean {
  const letters = value.replace(/\d/g, '');
  const digits = value.replace(/\D/g, '');
  return isCountingUp(letters) && isCountingUp(digits);
}
function isCountingUp(part: string): boolean {
  for (let i = 1; i < part.length; i++) if (part.charCodeAt(i) !== part.charCodeAt(i - 1) + 1) return false;
  return true;
}

/** A name that says plainly it holds an application's secret: `client_secret`, `Client-Secret`, `appSecret`, `API_SECRET`. */
/**
 * A secret the app's own team chooses, to sign its tokens, sessions or cookies with (`JWT_SECRET`, `SESSION_SECRET`,
 * `signingKey`, `cookie_secret`, a bare `SECRET`): people write those as words, where a vendor issues a client's or an API's
 * secret drawn at random.
 */
const SELF_MADE_SECRET_WORD = /secret|signing|jwt|hmac|session|cookie/i;
const ISSUED_SECRET_WORD = /client|api|consumer|access|aws|oauth/i;
function isSelfMadeSecretName(name: string): boolean {
  return SELF_MADE_SECRET_WORD.test(name) && !ISSUED_SECRET_WORD.test(name);
}

const CLIENT_SECRET_NAME = /^["']?(?:[\w-]{0,30}[_.-])?(?:client|app|application|api|consumer)[ _.-]?secret["']?$/i;

/** `<password>…</password>`, `<add key="DbPassword" value="…"/>`, `<entry key="token">…</entry>`. */
// The attributes may run over lines (SSIS's `<DTS:Password\n  DTS:Name="Password"\n  Sensitive="1">…</DTS:Password>`).
const XML_ELEMENT = /<(?<tag>[A-Za-z][\w:.-]{0,60})(?<attrs>\s[^<>]{0,300})?>(?<v>[^<\r\n]{1,300})<\//gi;
// The attributes may carry a namespace prefix, and stand on lines of their own: Android's
// `<meta-data android:name="…" android:value="…"/>`.
const XML_KEY_VALUE =
  /\b(?:key|name)\s{0,3}=\s{0,3}["'](?<k>[\w:. -]{0,60})["']\s{1,60}(?:[A-Za-z][\w-]{0,20}:)?value\s{0,3}=\s{0,3}(?:"(?<v>[^"\r\n]{1,300})"|'(?<v2>[^'\r\n]{1,300})')/gi;

const XML_ELEMENT_STICKY = new RegExp(XML_ELEMENT.source, 'iy');
/** After a property list's `<key>…</`: the rest of that tag and the `<string>` (or `<data>`) element that holds the entry. */
const PLIST_VALUE = /key>[ \t]{0,40}(?:\r?\n[ \t]{0,40})?<(?:string|data)>(?<v>[^<\r\n]{1,300})<\//y;
function plistValueAt(text: string, from: number): RegExpExecArray | null {
  PLIST_VALUE.lastIndex = from;
  return PLIST_VALUE.exec(text);
}
const XML_KEY_VALUE_ONCE = new RegExp(XML_KEY_VALUE.source, 'i');
/**
 * Spring's `<property name="password"><value>…</value></property>` (and `<entry key="…"><value>…`): the named
 * element holds its value in a child `<value>` element rather than an attribute. Windows' answer files do the
 * same under an element named for the secret (`<AdministratorPassword>` / `<Value>…</Value>`). Runs sticky after the opening tag.
 */
const CHILD_VALUE_ELEMENT = /[ \t]{0,40}(?:\r?\n[ \t]{0,40})?<value>(?<v>[^<\r\n]{1,300})<\/value>/iy;
/** An opening tag without attributes (`<AdministratorPassword>`): group 1 is its name. */
const BARE_OPENING_TAG = /^<([A-Za-z][\w:.-]{0,60})[ \t]{0,4}>$/;
function childValueAt(text: string, from: number): { value: string; start: number } | undefined {
  CHILD_VALUE_ELEMENT.lastIndex = from;
  const m = CHILD_VALUE_ELEMENT.exec(text);
  if (m === null) return undefined;
  const raw = m.groups!['v']!;
  const value = raw.trim();
  return { value, start: m.index + m[0].length - '</value>'.length - raw.length + raw.indexOf(value) };
}
/**
 * An SSIS project's parameter (Project.params: `<SSIS:Parameter SSIS:Name="CarrierApiKey">`) keeps its value in one of the
 * property elements below it, the one named `Value` (`<SSIS:Property SSIS:Name="Value">…</SSIS:Property>`, a package's
 * `ParameterValue`), after others such as its id and its `Sensitive` flag. Read one property at a time, sticky, past the
 * `<SSIS:Properties>` that opens them; an encrypted value (its tag says `Encrypted`) is no clear text.
 */
const PARAMETER_PROPERTIES_OPEN = /\s{0,80}<(?:[A-Za-z]{1,12}:)?Properties>/y;
const PARAMETER_PROPERTY =
  /\s{0,80}<(?:[A-Za-z]{1,12}:)?Property\s{1,8}(?:[^<>]{0,200}?\s)?(?:[A-Za-z]{1,12}:)?Name="(?<n>[A-Za-z]{1,40})"(?<attrs>[^<>]{0,200})>(?<v>[^<\r\n]{0,300})<\/(?:[A-Za-z]{1,12}:)?Property>/y;
function parameterPropertyValueAt(text: string, from: number): { value: string; start: number } | undefined {
  PARAMETER_PROPERTIES_OPEN.lastIndex = from;
  let at = PARAMETER_PROPERTIES_OPEN.exec(text) === null ? from : PARAMETER_PROPERTIES_OPEN.lastIndex;
  for (let i = 0; i < 8; i++) {
    PARAMETER_PROPERTY.lastIndex = at;
    const m = PARAMETER_PROPERTY.exec(text);
    if (m === null) return undefined;
    const g = m.groups!;
    if (g['n'] === 'Value' || g['n'] === 'ParameterValue') {
      if (/encrypted/i.test(g['attrs']!)) return undefined;
      const raw = g['v']!;
      const value = raw.trim();
      const close = m[0].length - m[0].lastIndexOf('</');
      return value.length === 0 ? undefined : { value, start: m.index + m[0].length - close - raw.length + raw.indexOf(value) };
    }
    at = PARAMETER_PROPERTY.lastIndex;
  }
  return undefined;
}

/**
 * A named entry whose value attribute comes after others: Tomcat's
 * `<Environment name="mail/smtp/password" type="java.lang.String" value="…"/>` (JNDI names hold `/`).
 * The name attribute names what the value attribute holds.
 */
const XML_NAME_ATTRIBUTE = /\b(?:key|name)\s{0,3}=\s{0,3}(?:"(?<k>[\w:./ -]{1,80})"|'(?<k2>[\w:./ -]{1,80})')/i;
const XML_VALUE_ATTRIBUTE = /\s(?:[A-Za-z][\w-]{0,20}:)?value\s{0,3}=\s{0,3}(?:"(?<v>[^"\r\n]{1,300})"|'(?<v2>[^'\r\n]{1,300})')/i;

/**
 * The hidden field a web framework renders its anti-forgery token into (Laravel's `@csrf` writes
 * `<input type="hidden" name="_token" value="…">`, ASP.NET's `__RequestVerificationToken`): the token is in
 * every page the form is on, made for the browser to send back. (Names that say csrf or authenticity are no
 * secret's names anyway.)
 */
const ANTI_FORGERY_FIELD = /^(?:_token|__RequestVerificationToken)$/;
const INPUT_TAG = /^<input\b/i;

/** A YAML mapping's key with nothing after it on its line (its entries are below): `active_record_encryption:`, a list item's `- restore_cache:`. */
const YAML_PARENT_LINE = /^([ \t]{0,40})(?:-[ \t]{1,8})?([A-Za-z_][\w.-]{0,60}):[ \t]{0,4}(?:#[^\r\n]{0,200})?\r?$/;
/** How many lines above an entry its parent key is looked for, and how long a line may be. */
const YAML_PARENT_REACH = 30;
const YAML_PARENT_LINE_REACH = 300;

/**
 * A name that says no secret on its own but does under the mapping it sits in: Rails' `primary_key` in
 * `active_record_encryption:` (its credentials file) is the key every encrypted attribute is encrypted with, where a
 * bare `primary_key` is a table's column. The entry's name is read joined to its parent's (`active_record_encryption_primary_key`),
 * which the key-name table knows. Only names ending in `key` are asked, and only at a line's start.
 */
function keyUnderYamlParent(text: string, nameStart: number, name: string): KeyClass | undefined {
  if (!/key$/i.test(name)) return undefined;
  const parent = yamlParentName(text, nameStart, name);
  return parent === undefined ? undefined : classifyKey(`${parent}_${name}`);
}

/**
 * The key of the YAML mapping that the entry `name:` at `nameStart` (at its line's start) sits in: the nearest line above
 * that is indented less, when it is a key with nothing after it.
 */
function yamlParentName(text: string, nameStart: number, name: string): string | undefined {
  if (text.charCodeAt(nameStart + name.length) !== 0x3a /* : */ || !startsItsLine(text, nameStart, 40)) return undefined;
  let lineStart = nameStart;
  while (lineStart > 0 && nameStart - lineStart <= 40 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const indent = nameStart - lineStart;
  if (indent === 0) return undefined;
  const parentLine = nearestLineAbove(
    text,
    lineStart,
    (line) => line.trim() === '' || line.trimStart().startsWith('#') || line.length - line.trimStart().length >= indent,
  );
  return parentLine === undefined ? undefined : YAML_PARENT_LINE.exec(parentLine)?.[2];
}

/**
 * The key of a CI cache step (CircleCI's `restore_cache:`/`save_cache:`, GitLab's `cache:`, Azure's `Cache@2` inputs under
 * `cache:`): the name the cached files are stored and found under, most often a lock file's checksum. Anyone reading the
 * pipeline sees it, and it opens nothing.
 */
function isCacheStepKey(text: string, nameStart: number, name: string): boolean {
  if (name !== 'key' && name !== 'keys') return false;
  const parent = yamlParentName(text, nameStart, name);
  return parent !== undefined && splitWords(parent).includes('cache');
}

/**
 * The nearest of the YAML_PARENT_REACH lines above `lineStart` that `passOver` does not pass over, or undefined when
 * there is none. Each line is read back at most YAML_PARENT_LINE_REACH characters: a longer one is no mapping's key
 * nor a section's header, and meeting one ends the search.
 */
function nearestLineAbove(text: string, lineStart: number, passOver: (line: string) => boolean): string | undefined {
  let end = lineStart - 1;
  for (let n = 0; n < YAML_PARENT_REACH && end > 0; n++) {
    let start = end;
    while (start > 0 && end - start <= YAML_PARENT_LINE_REACH && text.charCodeAt(start - 1) !== 10) start--;
    if (end - start > YAML_PARENT_LINE_REACH) return undefined;
    const line = text.slice(start, end);
    end = start - 1;
    if (!passOver(line)) return line;
  }
  return undefined;
}

/** An INI or TOML section's header line (`[civicrm]`, `[tool.civicrm]`, `[[servers]]`), maybe with a comment after it. */
const INI_SECTION_LINE = /^[ \t]{0,8}\[\[?[ \t]{0,4}([A-Za-z_][\w.-]{0,60})[ \t]{0,4}\]\]?[ \t]{0,4}(?:[#;][^\r\n]{0,200})?\r?$/;

/**
 * The INI or TOML counterpart of `keyUnderYamlParent`: a name that says no secret on its own but does under the section
 * it sits in (`site_key = "…"` under `[civicrm]`, CiviCRM's site key that its REST and cron callers send) is read joined
 * to the section's name (`civicrm_site_key`), which the key-name table knows. Only names ending in `key` at a line's start
 * and followed by `=` are asked; the section is the nearest header line above, looked for as far as `keyUnderYamlParent`
 * looks for a parent.
 */
function keyUnderIniSection(text: string, nameStart: number, name: string): KeyClass | undefined {
  if (!/key$/i.test(name)) return undefined;
  const section = iniSectionName(text, nameStart, name);
  return section === undefined ? undefined : classifyKey(`${section}_${name}`);
}

/** The INI or TOML section that the entry `name =` at `nameStart` (at its line's start) sits in: the nearest header line above. */
function iniSectionName(text: string, nameStart: number, name: string): string | undefined {
  if (!startsItsLine(text, nameStart, 8)) return undefined;
  let at = nameStart + name.length;
  while (at < text.length && at - nameStart - name.length < 4 && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at++;
  if (text.charCodeAt(at) !== 0x3d /* = */) return undefined;
  let lineStart = nameStart;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const headerLine = nearestLineAbove(text, lineStart, (line) => !line.trimStart().startsWith('['));
  return headerLine === undefined ? undefined : INI_SECTION_LINE.exec(headerLine)?.[1];
}

/** The name and value attributes of one tag, wherever they sit in it (the name first); the value's offset is within the tag. */
function namedValueAttribute(tag: string): { name: string; value: string; start: number } | undefined {
  const named = XML_NAME_ATTRIBUTE.exec(tag);
  if (named === null) return undefined;
  const after = named.index + named[0].length;
  const valued = XML_VALUE_ATTRIBUTE.exec(tag.slice(after));
  if (valued === null) return undefined;
  const value = valued.groups!['v'] ?? valued.groups!['v2']!;
  return { name: named.groups!['k'] ?? named.groups!['k2']!, value, start: after + valued.index + valued[0].length - 1 - value.length };
}

/**
 * `classifyKey` for the name of an XML entry, except a key its vendor ships in every app build (a property list's
 * `FacebookClientToken`, an Android resource's `facebook_client_token`, `MixpanelProjectToken`, `BranchKey`).
 */
function classifyXmlKey(name: string, parent?: () => string[]): KeyClass | undefined {
  const key = classifyKey(name);
  if (key === undefined || (key.category !== 'KEY' && key.category !== 'TOKEN')) return key;
  // Or one the element it sits in names the vendor of (Magento's `<adyen_abstract>` around `<client_key_live>`).
  if (namesVendorClientKey(name) || (parent !== undefined && isPublicClientKey(parent(), splitWords(name)))) return undefined;
  return key;
}

/**
 * Hadoop-family configuration (core-site.xml, hdfs-, yarn-, hive-, hbase-site.xml, Oozie, Tez, Ranger):
 * `<property><name>fs.s3a.secret.key</name><value>…</value></property>`. The entry's name is the text of
 * a `<name>` element and its value that of the `<value>` beside it (a `<description>` may sit between).
 * A servlet deployment descriptor (web.xml) writes its context and init parameters the same way, as
 * `<param-name>…</param-name>` / `<param-value>…</param-value>`. Sticky at the `<name>` (`<param-name>`) tag.
 */
const PROPERTY_NAME_VALUE =
  /<(?<p>param-)?name>[ \t]{0,8}(?<k>[^<\s]{1,200})[ \t]{0,8}<\/\k<p>name>[ \t]{0,40}(?:\r?\n[ \t]{0,40}){0,2}(?:<description>[^<]{0,500}<\/description>[ \t]{0,40}(?:\r?\n[ \t]{0,40}){0,2})?<\k<p>value>(?<v>[^<\r\n]{1,300})<\/\k<p>value>/iy;

/** The secret of a `<name>…</name>` / `<value>…</value>` property whose `<name>` tag opens at `at`. */
function propertyElementValue(text: string, at: number, file: string | undefined): Span | undefined {
  PROPERTY_NAME_VALUE.lastIndex = at;
  const m = PROPERTY_NAME_VALUE.exec(text);
  if (m === null) return undefined;
  const key = classifyXmlKey(m.groups!['k']!);
  const raw = m.groups!['v']!;
  const value = raw.trim();
  if (key === undefined || !isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file })) return undefined;
  const start = m.index + m[0].length - `</${m.groups!['p'] ?? ''}value>`.length - raw.length + raw.indexOf(value);
  return { start, end: start + value.length, category: key.category };
}

/** A line that opens with an attribute's name and a quote, up to the keyword in its value (`    android:name="com.acme.`). */
const ATTRIBUTE_LINE_BEFORE = /^[ \t]{1,40}[A-Za-z][\w:.-]{0,40}[ \t]{0,2}=[ \t]{0,2}["'][^"'<>\r\n]{0,150}$/;

/** The attribute that names the setting an element holds (`<entry key="…">`, `<add name="…">`). */
const SETTING_NAME_ATTRIBUTE = /\b(?:key|name)\s*=\s*["']([^"']{1,60})["']/;
const SETTING_ID_ATTRIBUTE = /(?<![\w:-])id\s*=\s*["']([^"']{1,60})["']/;
/** Elements that hold one setting's value: a job configuration's `<param>`, a build's `<property>`, an `<entry>`, an `<option>`. */
const SETTING_ELEMENT = /^(?:[\w-]{1,20}:)?(?:param|parameter|property|prop|entry|setting|option|variable|var|attribute)$/i;

/** A PIN's digits in an element named for one (`isXmlDigitPin`). */
const XML_PIN_KEY: KeyClass = { category: 'PASS', weak: false };

function findXml(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const element = XML_ELEMENT_STICKY;
  const keyValue = XML_KEY_VALUE_ONCE;
  let lastTag = -1;
  for (const offset of offsets) {
    // The tag that holds the keyword (in its name or attributes) starts at the `<` before it.
    let lt = offset - 1;
    while (lt >= 0 && offset - lt <= 200 && text.charCodeAt(lt) !== 60 /* < */ && text.charCodeAt(lt) !== 62 /* > */ && text.charCodeAt(lt) !== 10) lt--;
    // An attribute on a line of its own (Android's `<meta-data` / `    android:name="…"` / `    android:value="…" />`):
    // the tag opens on a line above, with no `>` between.
    if (lt >= 0 && text.charCodeAt(lt) === 10 && ATTRIBUTE_LINE_BEFORE.test(text.slice(lt + 1, offset))) {
      let up = lt - 1;
      while (up >= 0 && offset - up <= 300 && text.charCodeAt(up) !== 60 /* < */ && text.charCodeAt(up) !== 62 /* > */) up--;
      if (up >= 0 && text.charCodeAt(up) === 60 && /[A-Za-z]/.test(text.charAt(up + 1))) lt = up;
    }
    // The keyword in the text of a `<name>` (or web.xml's `<param-name>`) element: the tag that opens it ends at `lt`.
    const nameTag = lt >= 4 && text.charCodeAt(lt) === 62 /* > */ ? (text.startsWith('<param-', lt - 11) ? lt - 11 : lt - 5) : -1;
    if (nameTag >= 0 && nameTag > lastTag) {
      const property = propertyElementValue(text, nameTag, options.file);
      if (property !== undefined) {
        lastTag = nameTag;
        spans.push(property);
        continue;
      }
    }
    if (lt < 0 || text.charCodeAt(lt) !== 60 || lt <= lastTag) continue;
    const close = text.slice(offset, offset + 600).indexOf('>');
    const gt = close === -1 ? -1 : offset + close;
    lastTag = lt;
    element.lastIndex = lt;
    const m = element.exec(text);
    // A property list names the entry in `<key>` and holds it in the next element.
    const entry = m !== null && /^key$/i.test(m.groups!['tag']!) && m.groups!['attrs'] === undefined ? plistValueAt(text, m.index + m[0].length) : null;
    if (entry !== null) {
      const entryName = m!.groups!['v']!.trim();
      const key = classifyXmlKey(entryName);
      if (key !== undefined) {
        const value = entry.groups!['v']!.trim();
        // An Info.plist's `<key>AppCenterSecret</key>`: a vendor's client value, shipped in the app.
        if (!isVendorClientKeyValue(entryName, value) && isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) {
          const start = entry.index + entry[0].length - 2 - entry.groups!['v']!.length + entry.groups!['v']!.indexOf(value);
          spans.push({ start, end: start + value.length, category: key.category });
        }
      }
    } else if (m) {
      const g = m.groups!;
      // A setting element may name itself by `id` too (Galaxy's and Pulsar's `<param id="private_token">…</param>`); on other
      // elements (HTML's `<span id="token">`) an id names the element, not the value it holds.
      const keyAttr = SETTING_NAME_ATTRIBUTE.exec(g['attrs'] ?? '') ?? (SETTING_ELEMENT.test(g['tag']!) ? SETTING_ID_ATTRIBUTE.exec(g['attrs'] ?? '') : null);
      const keyName = keyAttr?.[1] ?? g['tag']!.replace(/^\w+:/, '');
      const raw = g['v']!;
      const value = raw.trim();
      const named = classifyXmlKey(keyName, () => enclosingXmlElementWords(text, lt));
      const pin = named === undefined && isXmlDigitPin(keyName, g['tag']!, value, options.file);
      const key = pin ? XML_PIN_KEY : named;
      const passphrase = /passphrase/i.test(keyName);
      // An Android resource's `<string name="appcenter_secret">…</string>`: a vendor's client value, shipped in the APK.
      if (key && !isVendorClientKeyValue(keyName, value) && (pin || isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, passphrase, file: options.file }))) {
        const start = m.index + m[0].length - 2 - raw.length + raw.indexOf(value);
        spans.push({ start, end: start + value.length, category: key.category });
      }
    }
    const tag = text.slice(lt, gt === -1 ? Math.min(text.length, lt + 600) : Math.min(gt + 1, lt + 600));
    const kv = keyValue.exec(tag);
    if (kv) {
      const key =
        (ANTI_FORGERY_FIELD.test(kv.groups!['k']!) && INPUT_TAG.test(tag)) || isShippedManifestClientKey(options.file, tag, kv.groups!['k']!) ? undefined : classifyXmlKey(kv.groups!['k']!);
      const value = kv.groups!['v'] ?? kv.groups!['v2']!;
      if (key && isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) {
        const start = lt + kv.index + kv[0].length - 1 - value.length;
        spans.push({ start, end: start + value.length, category: key.category });
      }
    } else {
      const entry = namedValueAttribute(tag);
      const key =
        entry === undefined || (ANTI_FORGERY_FIELD.test(entry.name) && INPUT_TAG.test(tag)) || isShippedManifestClientKey(options.file, tag, entry.name) ? undefined : classifyXmlKey(entry.name);
      if (entry !== undefined && key && isPlausibleSecret(entry.value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) {
        spans.push({ start: lt + entry.start, end: lt + entry.start + entry.value.length, category: key.category });
      } else if (entry === undefined && m === null && gt !== -1 && text.charCodeAt(gt - 1) !== 47 /* / */) {
        const named = XML_NAME_ATTRIBUTE.exec(tag);
        // Named by an attribute, or by the element's own name when it has no attributes.
        const ownName = named === null ? BARE_OPENING_TAG.exec(tag)?.[1]?.replace(/^\w+:/, '') : undefined;
        const child = named === null && ownName === undefined ? undefined : (childValueAt(text, gt + 1) ?? (named === null ? undefined : parameterPropertyValueAt(text, gt + 1)));
        const childKey = child === undefined ? undefined : classifyKey(ownName ?? named!.groups!['k'] ?? named!.groups!['k2']!);
        if (child !== undefined && childKey && isPlausibleSecret(child.value, { category: childKey.category, quoted: true, weakKey: childKey.weak, file: options.file })) {
          spans.push({ start: child.start, end: child.start + child.value.length, category: childKey.category });
        }
      }
    }
  }
  return spans;
}

/**
 * Connect calls whose third argument is the password. The first two arguments are a
 * literal or a plain expression; only a literal third argument is a secret. PHP's classes
 * may be named from the global namespace (`new \\PDO(…)`, `new \\mysqli(…)`).
 */
const CALL_ARGUMENT = `(?:"${doubleQuotedBody(300, 0)}"|'${singleQuotedBody(300, 0)}'|[\\w$.>-]{1,100})`;
/** Formatters break a long call after its `(` or a comma: the next argument then opens the following line. */
const ARGUMENT_GAP = '[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?';
const CONNECT_CALL = new RegExp(
  '(?:getConnection|new[ \\t]{1,4}\\\\?PDO|mysqli_connect|new[ \\t]{1,4}\\\\?mysqli|mysql_connect|(?<![\\w$])(?:ftp_login|ssh2_auth_password|ldap_bind))[ \\t]{0,4}\\(' +
    ARGUMENT_GAP +
    CALL_ARGUMENT +
    '[ \\t]{0,4},' +
    ARGUMENT_GAP +
    CALL_ARGUMENT +
    `[ \\t]{0,4},${ARGUMENT_GAP}(?:"(?<pw>${doubleQuotedBody(200)})"|'(?<pw2>${singleQuotedBody(200)})')`,
);

/**
 * An SSH or SFTP client built with its password as the last positional argument: SSH.NET's
 * `new SftpClient(host, port, user, "…")` and `new SshClient(host, user, "…")` (and `ScpClient`), and its
 * `new PasswordConnectionInfo(host, port, user, "…")`. The other overloads end in key files
 * (`new PrivateKeyFile(…)`) or take a `ConnectionInfo`, never a literal; only a literal last argument is read.
 */
const SSH_CLIENT_CALL = new RegExp(
  '(?<![\\w$])(?:(?:Sftp|Ssh|Scp)Client|PasswordConnectionInfo)[ \\t]{0,4}\\(' +
    ARGUMENT_GAP +
    CALL_ARGUMENT +
    '[ \\t]{0,4},' +
    ARGUMENT_GAP +
    CALL_ARGUMENT +
    `[ \\t]{0,4},(?:${ARGUMENT_GAP}${CALL_ARGUMENT}[ \\t]{0,4},)?${ARGUMENT_GAP}(?:"(?<pw>${doubleQuotedBody(200)})"|'(?<pw2>${singleQuotedBody(200)})')[ \\t]{0,4}\\)`,
);

/**
 * An FTP client built with its login (FluentFTP's `new FtpClient(host, user, "…")` and `new AsyncFtpClient(…)`): the
 * password after the user, where the port comes before them (`FtpClient(host, 21, user, "…")`, older releases) or after
 * (`FtpClient(host, user, "…", 21)`, v40 on, then a config and a logger maybe). Only a literal password is read; the
 * overloads without one take a `NetworkCredential` or nothing.
 */
const FTP_CLIENT_CALL = new RegExp(
  '(?<![\\w$])(?:Async)?FtpClient[ \\t]{0,4}\\(' +
    ARGUMENT_GAP +
    CALL_ARGUMENT +
    '[ \\t]{0,4},' +
    ARGUMENT_GAP +
    CALL_ARGUMENT +
    `[ \\t]{0,4},(?:${ARGUMENT_GAP}${CALL_ARGUMENT}[ \\t]{0,4},)?${ARGUMENT_GAP}(?:"(?<pw>${doubleQuotedBody(200)})"|'(?<pw2>${singleQuotedBody(200)})')[ \\t]{0,4}[),]`,
);

/**
 * A Redis client built with positional arguments: Jedis' `new JedisPool(config, "host", 6379, 2000, "…")`,
 * redis-py's `redis.Redis("host", 6379, 0, "…")`, and `AUTH` sent by a call (`jedis.auth("…")`,
 * `$redis->auth('user', '…')`). The callee's name holds `redis` or `jedis`; the read starts there.
 */
const REDIS_CALLEE = /(?:redis|jedis)[\w$.]{0,40}(?:->auth)?[ \t]{0,4}\(/iy;
/** The callee's last name: a client's class (`JedisPool`, `StrictRedis`, `RedisClient`), or `auth`. Other calls (`redis.setex("k", 60, "…")`) pass data. */
const REDIS_CLIENT_CLASS = /(?<![\w$])(?:(?:Strict)?Redis(?:Client|Cluster)?|Jedis(?:Pool|Pooled|Cluster|SentinelPool)?)[ \t]{0,4}\($/;
const REDIS_AUTH_CALL = /(?:\.|->)auth[ \t]{0,4}\($/;
/** One argument: a closed literal, or an expression with at most one bracketed group (`new GenericObjectPoolConfig<>()`). */
const REDIS_ARGUMENT =
  /[ \t]{0,40}(?:\r?\n[ \t]{0,40})?(?:"(?<dq>[^"\\\r\n]{1,200})"|'(?<sq>[^'\\\r\n]{1,200})'|(?<other>[^,()"'\r\n]{1,120}(?:\([^()\r\n]{0,120}\)[^,()"'\r\n]{0,40})?))[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?<end>[,)])/dy;
const NUMBER_ARGUMENT = /^-?\d{1,9}L?$/;
const NO_VALUE_ARGUMENT = /^(?:null|None|nil|NULL|undefined)$/;

interface CallArgument {
  literal: string | undefined;
  other: string;
  start: number;
}

/** The arguments of the call whose `(` ends at `at`, up to ten, or undefined when they do not parse. */
function callArgumentsAt(text: string, at: number): CallArgument[] | undefined {
  const args: CallArgument[] = [];
  let pos = at;
  while (args.length < 10) {
    REDIS_ARGUMENT.lastIndex = pos;
    const m = REDIS_ARGUMENT.exec(text);
    if (m === null) return undefined;
    const g = m.groups!;
    const literal = g['dq'] ?? g['sq'];
    const span = m.indices?.groups?.['dq'] ?? m.indices?.groups?.['sq'];
    args.push({ literal, other: (g['other'] ?? '').trim(), start: span === undefined ? m.index : span[0] });
    pos = REDIS_ARGUMENT.lastIndex;
    if (g['end'] === ')') return args;
  }
  return undefined;
}

/** The password among a Redis call's arguments, if a literal. */
function redisPasswordArgument(args: readonly CallArgument[], isAuth: boolean): CallArgument | undefined {
  if (isAuth) {
    // `AUTH password` or, with ACLs, `AUTH username password`: the last argument, all of them literals.
    return args.length <= 2 && args.every((a) => a.literal !== undefined) ? args[args.length - 1] : undefined;
  }
  // A host literal and its port, then the settings that take numbers (timeout, database), then the password:
  // two literals in a row there are a username and its password. A username left out (`null`) is followed by the
  // password (Jedis' `new JedisPooled("host", 6379, null, "…")`); a password left out ends the read.
  const host = args.findIndex((a, i) => a.literal !== undefined && i + 1 < args.length && NUMBER_ARGUMENT.test(args[i + 1]!.other));
  if (host < 0) return undefined;
  for (let i = host + 2; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.literal === undefined) {
      if (NO_VALUE_ARGUMENT.test(arg.other) && args[i + 1]?.literal !== undefined && args[i + 2]?.literal === undefined) return args[i + 1];
      if (NO_VALUE_ARGUMENT.test(arg.other) || arg.other === '') return undefined;
      continue;
    }
    const next = args[i + 1];
    return next?.literal !== undefined ? next : arg;
  }
  return undefined;
}

function findRedisClientPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let skipUntil = -1;
  for (const offset of offsets) {
    if (offset < skipUntil) continue;
    REDIS_CALLEE.lastIndex = offset;
    const callee = REDIS_CALLEE.exec(text);
    if (callee === null) continue;
    const open = REDIS_CALLEE.lastIndex;
    skipUntil = open;
    const isAuth = REDIS_AUTH_CALL.test(callee[0]);
    if (!isAuth && !REDIS_CLIENT_CLASS.test(text.slice(Math.max(0, offset - 6), open))) continue;
    const args = callArgumentsAt(text, open);
    if (args === undefined) continue;
    const pw = redisPasswordArgument(args, isAuth);
    if (pw?.literal === undefined || !isPlausiblePassword(pw.literal, options.file)) continue;
    spans.push({ start: pw.start, end: pw.start + pw.literal.length });
  }
  return spans;
}

/**
 * A secret passed as a command-line flag: a closed quoted literal (which may hold spaces
 * and, in double quotes, `\"`), or a bare word that may hold backslash escapes.
 */
const CLI_FLAG = new RegExp(
  /(?<flag>--(?:password|passwd|pass|pwd|pw|token|secret|api-key|apikey|auth-token|access-token|client-secret|(?:[a-z]{1,20}-)?pin(?![\w-]))|(?<![\w-])-[pa])(?<sep>=|\s{1,4})?/.source +
    `(?:"(?<dq>${doubleQuotedBody(200)})"|'(?<sq>[^'\\r\\n]{1,200})'|(?<q>["']?)(?<v>(?:[^\\s"'\\\\]|\\\\[^\\s]){1,200}))`,
  'gi',
);

/** A flag that takes a PIN (`--pin`, `--installer-pin`). */
const PIN_FLAG = /pin$/i;
/**
 * A PIN given by a flag (`check-dome-temp --pin 7342`, `--installer-pin=502817`), whatever the tool: four to eight digits
 * that are no stand-in, where a board's pin (`gpio --pin 17`) is never four digits; under a bare `--pin` or one named for
 * whose PIN it is, not another's (`--cert-pin`, `--version-pin`).
 */
function isPinFlagValue(flag: string, value: string): boolean {
  return isProsePin(value) && (flag === '--pin' || namesAccessCodeColumn(flag));
}

/** How many lines back a command continued at its line ends is read for the tool that takes a flag. */
const CONTINUED_LINES = 8;

/**
 * Where the command holding `at` starts: the start of its line, or of an earlier line when the lines before end in a
 * continuation mark: the shell's `\` (`mosquitto_sub -h broker --cafile ca.pem \` then `  -u ops -P '…'`), cmd's
 * ` ^` or PowerShell's `` ` `` after a space. A long command is wrapped so that its flags stand on lines of their own,
 * below the tool's name. At most eight lines back, each read back at most 200 characters.
 */
function commandStart(text: string, at: number): number {
  let start = lineBounds(text, at, 200).start;
  for (let n = 0; n < CONTINUED_LINES && start > 0 && text.charCodeAt(start - 1) === 0x0a; n++) {
    let end = start - 1;
    if (text.charCodeAt(end - 1) === 0x0d) end--;
    const mark = text.charCodeAt(end - 1);
    const spaced = text.charCodeAt(end - 2) === 0x20 || text.charCodeAt(end - 2) === 0x09;
    // 0x5c `\`; 0x5e `^` and 0x60 a backtick only after a space (a code span in prose ends in a backtick too).
    if (mark !== 0x5c && !((mark === 0x5e || mark === 0x60) && spaced)) break;
    start = lineBounds(text, end - 1, 200).start;
  }
  return start;
}

/** What prose calls the flags it names (`--username and --password options`). */
const FLAG_PROSE_WORD = /^(?:options?|flags?|arguments?|args|parameters?|params|switch(?:es)?|settings?|values?|fields?)[.,;:)]?$/;

/**
 * A long option spelled out after a single dash: a PascalCase word run (`Password`, `ProfileName`,
 * PowerShell's style) or a secret's name (`password`, `passwd`). Letters only: a glued mysql
 * password (`-pW9zq2LmP4`) has digits or symbols, or mixed case within a word.
 */
function isParameterName(word: string): boolean {
  if (!/^[A-Za-z]{3,40}$/.test(word)) return false;
  return isPascalCase(word) || classifyKey(word)?.category === 'PASS';
}

/** `Password`, `ProfileName`: each capital opens a word of lower-case letters. */
function isPascalCase(word: string): boolean {
  return /^[A-Z][a-z]/.test(word) && !/[A-Z]{2}|[A-Z]$/.test(word);
}

/**
 * Commands whose `-p` takes the password (after `-u user`): the MongoDB shell and tools, PsExec,
 * rabbitmqadmin, macOS's `security unlock-keychain`/`create-keychain` (the keychain's password, which CI
 * logs print: fastlane's `setup_ci`). The old shell `mongo` only as the command itself (at the start of a line or after
 * `;`, `&`, `|`, `(`, a quote, `sudo` or a directory): `docker run --name mongo -p 27017:27017` publishes a port.
 */
const P_IS_PASSWORD_COMMAND =
  /\b(?:mongo(?:sh|dump|restore|export|import|stat|top|files)|psexec(?:64)?|paexec|rabbitmqadmin|security[ \t]{1,4}(?:unlock|create)-keychain)(?:\.exe)?[ \t]|(?:^|[;&|(`'"])[ \t]{0,8}(?:(?:sudo|exec|time)[ \t]{1,4})?(?:[\w.~:\\/-]{0,100}[\\/])?mongo(?:\.exe)?[ \t]/i;

/** SQL Server's command-line tools, whose `-P` is the password. */
const SQL_SERVER_TOOL = /\b(?:sqlcmd|bcp|osql|isql|sqsh)\b/i;
/** Mosquitto's MQTT clients, whose `-P` is the broker password (`-u user -P password`; `-p` is the port). */
const MQTT_CLIENT_TOOL = /\bmosquitto_(?:pub|sub|rr)\b/;
/** Perforce's command line, whose global `-P` is the user's password or login ticket (`p4 -p ssl:host:1666 -u svc -P … sync`). */
const PERFORCE_CLI = /(?<![\w.-])p4(?:\.exe)?[ \t]/i;
/** Apple's upload tools, whose `-p` is an app-specific password (`xcrun altool --upload-app -f app.ipa -u … -p …`). */
const APPLE_UPLOAD_TOOL = /\b(?:altool|notarytool|iTMSTransporter)\b/;
/** A reference that altool and notarytool resolve: a keychain item's or an environment variable's name. */
const APPLE_CREDENTIAL_REFERENCE = /^@(?:keychain|env):/;
/**
 * Account tools as Yocto's `extrausers` class runs them (`EXTRA_USERS_PARAMS = "usermod -P '…' root;"`),
 * whose `-P` is the plain-text password (their `-p` takes a crypt hash, which stays unreported).
 */
const ACCOUNT_TOOL = /\b(?:useradd|usermod|groupadd|groupmod)\b/;
/** Redis command-line clients, whose `-a` is the password. */
const REDIS_CLI = /\b(?:redis-cli|keydb-cli|valkey-cli)\b/i;

/**
 * A password right after a user on a command line, `-u admin -p …`: to most tools `-p` alone is a
 * port, a path or a switch, but given beside `-u <user>` it is that user's password (an app's admin
 * CLI, `mongo`, PsExec, a registry login), whatever the tool. Tried at each `-u`; mysql's `-p name`
 * names a database and is read by its own rule.
 */
const USER_THEN_PASSWORD_FLAG =
  /-u[ \t]{1,4}["']?[^\s"'$%<{-][^\s"']{0,63}["']?[ \t]{1,4}-p[ \t]{1,4}(?:"(?<dq>[^"\r\n]{1,128})"|'(?<sq>[^'\r\n]{1,128})'|(?<v>[^\s"'-][^\s"']{0,127}))/y;
const MYSQL_CLIENT = /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump)\b/i;

function findUserPasswordFlags(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(USER_THEN_PASSWORD_FLAG, text, offsets, (m) => {
    const before = text.charCodeAt(m.index - 1);
    if (m.index > 0 && (isWordCode(before) || before === 0x2d /* - */)) return;
    const g = m.groups!;
    const value = g['dq'] ?? g['sq'] ?? g['v']!;
    const { start: lineStart } = lineBounds(text, m.index, 200);
    if (MYSQL_CLIENT.test(text.slice(lineStart, m.index))) return;
    // Apple's tools read it from a keychain item or a variable they are named: `-p @keychain:AC_PASSWORD`.
    if (APPLE_CREDENTIAL_REFERENCE.test(value)) return;
    if (!isPlausiblePassword(value, options.file)) return;
    const start = m.index + m[0].length - value.length - (g['v'] === undefined ? 1 : 0);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/** A container registry login on the line before a `-p` flag: `docker login host -u ci -p …`. */
const REGISTRY_LOGIN = /\b(?:docker|podman|buildah|nerdctl|skopeo|helm[ \t]{1,4}registry|oras)[ \t]{1,4}login\b/i;

/**
 * A (user, password) pair given to a credential constructor in code: Python requests'
 * `auth=("user", "pass")`, `HTTPBasicAuth(…)`, aiohttp's `BasicAuth(…)`, .NET's
 * `NetworkCredential(…)`, SSH.NET's `PasswordAuthenticationMethod(…)`, Java's `PasswordAuthentication(…)`, OkHttp's `Credentials.basic(…)`,
 * a constant named for such a pair (`SHOP_AUTH = ("user", "pass")`), Guzzle's `['auth' => ['user', 'pass']]` (maybe aligned), Go's `req.SetBasicAuth(…)`, Ruby's `basic_auth 'user', 'pass'`,
 * Laravel's `Http::withBasicAuth(…)`, a builder's `.basicAuth(…)` (Spring's WebClient, Ktor, Fuel) and Spring's `RestTemplateBuilder.basicAuthentication(…)`, Faraday's `:basic_auth, 'user', 'pass'`, RestSharp's `HttpBasicAuthenticator(…)`,
 * the Cassandra drivers' `CqlSession.builder().withAuthCredentials(…)` (DataStax 4.x; 3.x's `Cluster.builder().withCredentials(…)`)
 * and `PlainTextAuthProvider(…)` (Java's, Python's `cassandra.auth`), and the user identities OPC UA clients open a session
 * with: the OPC Foundation .NET stack's `new UserIdentity(user, password)` (since 1.5 the password as bytes,
 * `Encoding.UTF8.GetBytes("…")`) and Eclipse Milo's `new UsernameProvider(user, password)`.
 * Rust's reqwest takes the password as an Option: `.basic_auth("admin", Some("…"))`.
 * The user may be a literal or a name (`auth=(SANDBOX_USER, "…")`, `SetBasicAuth(cfg.User, "…")`): the account is
 * often kept in a constant or a setting beside the code; the password is read only as a literal.
 * Code held in a JSON string (a notebook's cell, a script in a JSON config) escapes its double quotes:
 * `auth = (\"user\", \"…\")`.
 */
const BASIC_AUTH_PAIR = new RegExp(
  /(?:(?:\b|_)(?:auth|credentials|creds|AUTH|CREDENTIALS|CREDS)[ \t]{0,4}=[ \t]{0,4}\(|["']auth["'][ \t]{0,16}=>[ \t]{0,4}\[|\b(?:SetBasicAuth|withBasicAuth|basic_auth)(?:[ \t]{0,4}\(|[ \t]{1,4})|\.basicAuth(?:entication)?[ \t]{0,4}\(|:(?:basic_auth|basic)[ \t]{0,4},[ \t]{0,4}|(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|HttpBasicAuthenticator|NetworkCredential|PasswordAuthenticationMethod|PasswordAuthentication|UsernamePasswordCredentials|UsernamePasswordCredential|Credentials\.basic|with(?:Auth)?Credentials|PlainTextAuthProvider|UserIdentity|UsernameProvider)[ \t]{0,4}\()[ \t]{0,4}(?:\\?["'][^"'\r\n]{1,100}["']|[A-Za-z_$][\w$.]{0,80})[ \t]{0,4},[ \t]{0,4}(?:Encoding\.(?:UTF8|ASCII|Default)\.GetBytes\([ \t]{0,2}|Some\([ \t]{0,2})?/.source +
    `(?:"(?<pw>${doubleQuotedBody(200)})"|'(?<pw2>${singleQuotedBody(200)})'|\\\\"(?<pw3>[^"\\\\\\r\\n]{1,200})\\\\")`,
);

/**
 * A (user, secret) pair of literals kept under an account's name: `MIXPANEL_SERVICE_ACCOUNT = ("etl.svc", "…")`,
 * `svc_account = ('reporter', '…')`, or a login's (`engine_admin = ("ops", "…")`, `ftp_login`, `default_user`). A name
 * that ends in `account` (`admin`, `login`, `user`) and holds two literals in a tuple is a login and what proves it, as
 * `SHOP_AUTH = (…)` is. Sticky at the word, which must end the name (or be all of it); the first literal is a user name.
 */
const ACCOUNT_PAIR = /(?<w>account|admin|login|user)[ \t]{0,4}=[ \t]{0,4}\([ \t]{0,4}(?:"[\w.@+-]{1,100}"|'[\w.@+-]{1,100}')[ \t]{0,4},[ \t]{0,4}["'](?<v>[^"'\\\s]{1,200})["'][ \t]{0,4},?[ \t]{0,4}\)/iy;
/**
 * A two-item list of literals under a name for HTTP basic auth (`basic`, `basic_auth`, `http_basic`, `auth`, `credentials`,
 * `creds`) as a hash or object member or an assignment: Ruby's `basic: ["svc", "…"]`, `:basic_auth => […]`, JSON's
 * `"auth": […]`, Python's `auth = […]`. A client's basic-auth setting takes exactly [user, password]; the second is the
 * password. Sticky at the name, which must be all of the name (`oauth`, `client_auth` are not read).
 */
const AUTH_PAIR_LIST_NAMES = ['basic', 'basic_auth', 'http_basic', 'auth', 'credentials', 'creds'];
const AUTH_PAIR_LIST =
  /(?:basic_auth|basic|http_basic|auth|credentials|creds)["']?(?::|[ \t]=>|[ \t]?=)[ \t]?\[[ \t]{0,4}(?:"[\w.@+-]{1,100}"|'[\w.@+-]{1,100}')[ \t]{0,4},[ \t]{0,4}["'](?<v>[^"'\\\s]{1,200})["'][ \t]{0,4},?[ \t]{0,4}\]/iy;
const AUTH_PAIR_LIST_KEYWORDS = AUTH_PAIR_LIST_NAMES.flatMap((n) => [`${n}: [`, `${n}:[`, `${n}": [`, `${n}': [`, `${n} => [`, `${n}" => [`, `${n}' => [`, `${n} = [`, `${n}=[`]);
/** A strong password, as a login's name alone (`admin`, `user`: as often a pair of names) needs: letters and digits, eight or more. */
const STRONG_PAIR_PASSWORD = /^(?=[^\d]{0,200}\d)(?=[^A-Za-z]{0,200}[A-Za-z]).{8,200}$/;
/** An e-mail address: what a user's tuple holds beside a name as often as a password. */
const EMAIL_ADDRESS = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}$/;

/**
 * A (user, password) pair kept in a constant of any name and handed over by that name as an HTTP client's `auth=`
 * (requests' and httpx's `auth=MIXPANEL_SA`, where `MIXPANEL_SA = ("svc.user", "…")` stands above): the `auth=` says what
 * the pair is as plainly as a name would. Sticky at `auth`; `name` is the constant given.
 */
const AUTH_BY_NAME = /auth[ \t]{0,4}=[ \t]{0,4}(?<name>[A-Za-z_]\w{0,60})[ \t]{0,4}(?=[,)\r\n])/iy;
/** The constant's pair, sticky where the name stands at a line's start: two literals in brackets, the password second. */
const NAMED_PAIR = /[ \t]{0,4}=[ \t]{0,4}[([][ \t]{0,4}(?:"[^"\r\n]{1,100}"|'[^'\r\n]{1,100}')[ \t]{0,4},[ \t]{0,4}(?:"(?<pw>[^"\\\r\n]{1,200})"|'(?<pw2>[^'\\\r\n]{1,200})')[ \t]{0,4},?[ \t]{0,4}[)\]]/y;
/**
 * How far above `auth=` the constant may be given, how many of the name's occurrences are tried, and how many `auth=`
 * a text looks up (each reads its stretch above once).
 */
const AUTH_NAME_REACH = 4000;
const AUTH_NAME_TRIES = 8;
const AUTH_LOOKUPS = 16;

function findAuthPairsByName(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const seen = new Set<number>();
  const looked = new Set<string>();
  forEachMatchAt(AUTH_BY_NAME, text, offsets, (m) => {
    if (m.index > 0 && isIdentifierCode(text.charCodeAt(m.index - 1))) return;
    const name = m.groups!['name']!;
    if (looked.has(name) || looked.size >= AUTH_LOOKUPS) return;
    looked.add(name);
    const floor = Math.max(0, m.index - AUTH_NAME_REACH);
    const above = text.slice(floor, m.index);
    let found = above.length;
    for (let tries = 0; tries < AUTH_NAME_TRIES; tries++) {
      found = found > 0 ? above.lastIndexOf(name, found - 1) : -1;
      if (found < 0) return;
      const at = floor + found;
      // The name must open its line (a module's constant), whole.
      let lineStart = at;
      while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
      if (lineStart > 0 && text[lineStart - 1] !== '\n') continue;
      if (isIdentifierCode(text.charCodeAt(at + name.length))) continue;
      NAMED_PAIR.lastIndex = at + name.length;
      const p = NAMED_PAIR.exec(text);
      if (p === null) continue;
      const value = p.groups!['pw'] ?? p.groups!['pw2']!;
      // The password is the pair's last literal.
      const start = p.index + p[0].lastIndexOf(value);
      if (!seen.has(start) && isPlausiblePassword(value, options.file)) {
        seen.add(start);
        spans.push({ start, end: start + value.length });
      }
      return;
    }
  });
  return spans;
}

/**
 * A Windows account by its form, the machine's own (`.\dome-admin`) or a domain's (`CORP\svc-backup`; a JSON string
 * doubles the backslash), then blanks and the value alone to its line's or message's end (or an aside after a dash): how a
 * chat hands over a local admin ("try the local admin on render-2" / `.\dome-admin   …`) and a note lists one. Sticky at
 * the account's start; `v` is the value.
 */
const WINDOWS_ACCOUNT_THEN_VALUE =
  /(?:\.|[A-Za-z][\w-]{1,15})\\{1,2}[A-Za-z][\w.$-]{0,31}[ \t]{1,8}(?<v>[^\s"'`\\\/<>{}()-][^\s"'`\\\/<>{}()]{5,63})(?=[ \t]{0,3}(?:\r?\n|$|"[ \t]{0,3}[,}\]]|[ \t](?:[-\u2013\u2014]|\\u201[34])[ \t]))/y;
/** Where such an account's backslash is read: before the account's first letter (the scan folds case), or doubled. */
const BACKSLASH_BEFORE_ACCOUNT = ['\\\\', ...'abcdefghijklmnopqrstuvwxyz'.split('').map((letter) => `\\${letter}`)];
/** What may stand before such an account on its line: indentation and a list's bullet. */
const LIST_LINE_OPENING = /^[ \t]{0,12}(?:[-*\u2022][ \t]{1,3})?$/;

/**
 * `<account> / <password>` at a spaced slash: an account every admin knows, or an e-mail address, before it;
 * a password after it, bare or in code marks (`` ` `` or `**`), that is neither followed by another spaced
 * slash (a menu or path: `Admin / Settings / Users`) nor a quoted string (`root / "data"`).
 */
const ACCOUNT_SLASH_PASSWORD =
  /(?<![\w.@+-])(?:admin|administrator|root|sa|sysadmin|superuser|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}) \/ (?:`|\*\*)?(?<v>[^\s\/,;"'`<>()*]{6,99})/i;
/**
 * The account before the slash, read back from it: the name must end right at the slash. An application's own admin account
 * is named for the application first (`cvta_agol_admin`, `wiki-admin`, `ops.administrator`, `qcadmin` as `sysadmin` is): admin
 * as its last part counts too.
 */
const ADMIN_ACCOUNT = /(?:^|[^\w.@+-])(?:[A-Za-z][\w.-]{0,40}(?=admin))?(?:admin|administrator|root|sa|sysadmin|superuser)$/i;
const EMAIL_ACCOUNT = /(?:^|[^\w.@+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}$/;
/**
 * Accounts that name a login by their form alone, read back from the slash: an administrative account in code marks (the
 * iDRACs use `` `root` `` / …), and a Windows domain account (`GPO\\svc_veeam / …`, a service account as a wiki's table gives it).
 */
const CODE_ADMIN_ACCOUNT = /(?:^|[^\w`])`(?:admin|administrator|root|sa|sysadmin|superuser)`$/i;
const DOMAIN_ACCOUNT_BEFORE = /(?:^|[^\w.\\-])[A-Za-z][\w.-]{0,30}\\{1,2}[\w.$-]{1,64}$/;
/**
 * An administrative account labelled a login right before it (`login admin`, `log in as root`, `creds: admin`): with the label,
 * the pair is a login whatever the password's shape, so one of letters and digits only (`login admin / sp3ctrogram`) is one too.
 */
const LABELLED_ADMIN_ACCOUNT = /\b(?:login|log[ -]?in(?:[ \t]{1,2}(?:as|with))?|credentials?|creds)[ \t]{0,2}:?[ \t]{1,3}(?:admin|administrator|root|sa|sysadmin|superuser)$/i;
/**
 * Any account in code marks, read back from the slash (`` `ap_drop` ``), that the clause before it on its line gives as
 * the login: right after `with`, `as`, `is`, `was`, `it's`, a colon or the word user, account or login, or at the start of the next line when a wrapped paragraph
 * breaks there (`log in with\n\`ops\` / …`). A mail quotes it as often (`the maintenance login we'll need is "service" / …`).
 * A runbook puts the pair in brackets after what one logs into (`Log in to the show console (\`showops\` / \`…\`)`).
 */
const CODE_ACCOUNT = /(?<clause>[^\r\n.;!?]{0,100})(?:(?:\b(?:with|as|is|was|(?:it|that|here)'s|(?<who>user(?:name)?|account|login))|:)(?:[ \t]{1,3}|[ \t]{0,2}\r?\n[ \t]{0,12})|[ \t]\()(?:`[\w.@+-]{1,64}`|"[\w.@+-]{1,64}")$/;
/**
 * A bare account that a clause of logging in gives after `with` or `as` (`Log into the IMS web UI at https://… with manager /
 * …`, `sign in as kiosk / …`), read back from the slash: the clause names the pair a login as a label would. A stop inside
 * an address or a host's name (`10.88.11.24`) does not end the clause; one before a blank does.
 */
const LOGIN_WITH_BARE_ACCOUNT = /\b(?:log(?:ged)?[ -]?(?:in|on)(?:to)?|sign(?:ed)?[ -]?in)\b(?:[^\r\n.;!?]|[.](?![ \t])){0,100}?[ \t](?:with|as)[ \t]{1,2}[A-Za-z][\w.@+-]{1,63}$/i;
/** A bare account right before the slash (`watchdog`), read back from it. */
const BARE_ACCOUNT = /(?:^|[^\w.@+-])([A-Za-z][\w.@+-]{2,63})$/;
/** Characters before the slash that hold a bare account and the one before it: one more than the longest account. */
const BARE_ACCOUNT_REACH = 65;
/** A word for a login right after an account's name (`the watchdog login`, `watchdog's password`, `the backup user`). */
const LOGIN_WORD_AFTER = /^(?:'s)?[ \t]{1,2}(?:login|log-?in|account|user(?:name)?|password|credentials?|creds)\b/i;
/** How far back a bare account may have been asked for: a chat's question a message or two before its answer. */
const ASKED_REACH = 300;
/** A word for a login, then an opening parenthesis and the account (`account (analyst`, `credentials (svc-etl`). */
const PAREN_ACCOUNT = /\b(?:account|login|log-?in|credentials?|creds|user(?:name)?)[ \t]{0,2}\([ \t]{0,2}[\w.@+-]{1,64}$/i;
/**
 * Words that make the clause about a login: `log in with`, `sign in as`, `local admin on both is`, `the account is`, or a
 * database's or a server's that one logs into (`we'll need the factory db, it's \`…\` / \`…\``).
 */
const LOGIN_CLAUSE =
  /\b(?:log(?:ged)?[ -]?(?:in|on)|sign(?:ed)?[ -]?in|account|user(?:name)?|admin(?:istrator)?|credentials?|creds|db|database|postgres(?:ql)?|mysql|mariadb|mssql|sql[ -]?server|oracle|mongo(?:db)?|s?ftp|vpn|ssh)\b/i;
/**
 * A login and password both in backticks, quotes, Markdown bold or DokuWiki's monospace (`''…''`) in prose: login `admin` / `…`, login: **admin** / **…**,
 * account `admin` / `…`, the bootstrap user: `elastic` / `…`, a sentence's subject (the test account is `qa` / `…`). What the login is for may stand before its colon, in a few
 * words on the line (Shared login for the kiosk tablets: `kiosk` / `…`). A word or two may stand between the label and its
 * `is`, which may say `still` or `now`, and the pair may open the next line (the admin login there is still\n`admin` / `…`).
 */
const QUOTED_LOGIN_PAIR =
  /\b(?:login|account|user(?:name)?|credentials?|creds)(?:[ \t]{1,2}for[ \t]{1,2}[^:=\r\n`"'(){}<>\/]{1,60}(?=:))?[ \t]{0,3}(?:[:=]|(?<=[ \t])(?:[a-z]{2,10}[ \t]{1,2}){0,2}(?:is|was)(?:[ \t]{1,2}(?:still|now|currently|always))?(?=\s))?[ \t]{0,3}(?:\r?\n[ \t]{0,12})?(?:[`'"][^`'"\s\/]{1,64}[`'"]|\*\*[^*\s\/]{1,64}\*\*|''[^'\s\/]{1,64}'')[ \t]{0,3}\/[ \t]{0,3}(?:[`'"](?<v>[^`'"\s]{1,100})[`'"]|\*\*(?<b>[^\s*]{1,100})\*\*|''(?<w>[^'\s]{1,100})'')/gi;

/**
 * A PIN named for whose it is (`Admin PIN`, `master PIN code`, `the conference bridge PIN`), said to be a device's (`… has
 * PIN`), a login's (user `…`, PIN), or one a verb says is keyed in (`re-pair using PIN`), maybe with what it is for before a colon or `is` (`supervisor PIN for the tills
 * is`, `is still`, `was changed to`, `a screen-lock PIN of`, `Set the kiosk exit PIN to`), then four to eight digits, bare,
 * in code marks or in Markdown's bold (`the service PIN: **…**`), maybe on the next line, that no digit, letter, or `-`/`.`
 * and a digit go on. A device's `unlock code` is its PIN. The `#` a keypad takes after the digits is kept with them.
 */
/** A device said to have the PIN, the owner before the verb (`the service laptop in the workshop has PIN …`). */
const PIN_HELD_BY = '(?:has|have)[ \\t]{1,2}(?:(?:a|the)[ \\t]{1,2})?';
const PIN_HELD_BY_KEYWORDS = ['has pin', 'has a pin', 'has the pin', 'have pin', 'have a pin', 'have the pin'];
/** A PIN that a verb says is keyed in (`re-pair using PIN`, `log in with the PIN`, `entering PIN`). */
const PIN_USED_WITH = '(?:using|with|enter(?:ing)?)[ \\t]{1,2}(?:the[ \\t]{1,2})?';
const PIN_USED_WITH_KEYWORDS = ['using', 'with', 'enter', 'entering'].flatMap((verb) => [`${verb} pin`, `${verb} the pin`]);
/** A login's name before its PIN (user `service`, PIN …; `login: ops / PIN …`), in code marks, quotes, bold or bare. */
const PIN_OF_LOGIN =
  "(?:user(?:name)?|login|account)[ \\t]{0,2}[:=]?[ \\t]{1,2}(?:`[^`\\s]{1,40}`|\"[^\"\\s]{1,40}\"|'[^'\\s]{1,40}'|\\*\\*[^*\\s]{1,40}\\*\\*|[\\w.@-]{1,40})[ \\t]{0,2}[,;\\/][ \\t]{0,2}(?:and[ \\t]{1,2})?";
const PIN_OF_LOGIN_KEYWORDS = ['user', 'login', 'account'];
const ADMIN_PIN_PROSE = new RegExp(
  `(?:(?<![\\w-])(?:(?:${PROSE_PIN_OWNERS.join('|')})s?[ \\t]{1,2}|${PIN_HELD_BY}|${PIN_USED_WITH}|${PIN_OF_LOGIN}))` +
    `(?:pin(?:[ \\t]{1,2}code)?|(?<=unlock[ \\t]{1,2})code)(?:[ \\t]{1,2}(?:for|on|of)[ \\t][^\\r\\n:.\`]{1,40}?(?=[ \\t]{0,2}:|[ \\t](?:is|was)\\b))?` +
    `(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS}|[ \\t]{1,2}of|(?<to>[ \\t]{1,2}to))?(?:[ \\t]{1,3}|[ \\t]{0,2}\\r?\\n[ \\t]{0,12})${KEYPAD_DIGITS}(?![\\w#]|[.,\\/-]\\d)`,
  'iy',
);
/** A verb that sets a PIN, before its name on the line, that lets `to` hand it over (`Set the kiosk exit PIN to …`). */
const SETS_PIN_BEFORE = /\b(?:set|change|reset|update)\b[^\r\n]{0,40}$/i;
/** How far back a PIN's setting verb is looked for. */
const SET_VERB_REACH = 48;

/**
 * Whether a PIN read by `ADMIN_PIN_PROSE` is one: a PIN's shape, no stand-in's line; handed over by `to` only after a
 * verb that sets it.
 */
function isProsePinStated(value: string, ctx: RuleContext): boolean {
  if (!isProsePin(codeDigits(value)) || linesCodeStandIn(ctx.text, ctx.matchStart, ctx.matchEnd)) return false;
  return ctx.groups?.['to'] === undefined || SETS_PIN_BEFORE.test(ctx.text.slice(Math.max(0, ctx.matchStart - SET_VERB_REACH), ctx.matchStart));
}

/**
 * A literal passed to a secret's setter: `ds.setPassword("…")`, `client.setApiKey("…")` (or named for the header that
 * carries it, `setXApiKey("…")`), or to a builder's method
 * named for it, in camel or snake case (Rust's builders: reqwest's `.bearer_auth("…")`, `.api_key("…")`), or to
 * one named `with` and the secret, as builders and wrappers that return a configured copy are (Laravel's
 * `Http::withToken("…")`, MSAL's `.WithClientSecret("…")`, Go's functional option `maps.WithAPIKey("…")`, an
 * app's own `withToken("…")` that returns a client carrying it).
 * The argument may be a conditional that falls back on the literal, in either branch:
 * `cfg.setPassword(configured.isEmpty() ? "…" : configured)`, `setPassword(pw != null ? pw : "…")`.
 * The literal may be turned into the type the setter takes on the way: Java's `"…".toCharArray()` (Paho's MQTT
 * `setPassword(char[])`) or `"…".getBytes(UTF_8)`, Kotlin's `.toByteArray()`, Python's `.encode()`, Rust's
 * `.as_bytes()`, `.to_string()`, `.into()`: the same secret.
 */
const LITERAL_CONVERSION = /(?:\.(?:toCharArray|getBytes|toByteArray|encode|as_bytes|to_string|to_owned|into|toString)\([ \t]{0,4}(?:["']?[\w.-]{1,40}["']?[ \t]{0,4})?\))?/.source;
/** One test of a conditional argument to a setter: a flag, a no-argument call, or a comparison with null or the empty string. */
const SETTER_CONDITION_TERM = /!?[A-Za-z_$][\w$.]{0,60}(?:\(\))?(?:[ \t]{1,4}[!=]==?[ \t]{1,4}(?:null|nil|undefined|""))?/.source;
/** `||` or `&&` between two tests, spaced. */
const SETTER_CONDITION_JOIN = String.raw`[ \t]{1,4}(?:\|\||&&)[ \t]{1,4}`;
/**
 * The condition: one test, or up to three joined by `||` or `&&` (`pw == null || pw.isBlank()`), written out rather than
 * repeated, as a repeated group of variable length is not linear.
 */
const SETTER_CONDITION = `(?<cond>${SETTER_CONDITION_TERM}(?:${SETTER_CONDITION_JOIN}${SETTER_CONDITION_TERM}(?:${SETTER_CONDITION_JOIN}${SETTER_CONDITION_TERM})?)?)`;
const SETTER_CALL = new RegExp(
  /(?:\b[sS]et(?:Password|Passwd|Pwd|Secret|ClientSecret|SecretKey|ApiKey|APIKey|ApiSecret|AppSecret|ConsumerSecret|AccessKey|AccessToken|AuthToken|Token|Passphrase)|\b[sS]et(?:Signing|Webhook|Shared|Hmac|HMAC|Jwt|JWT|Encryption|Master|Admin|Root|Db|DB|Database|Private|Bot|Integration|Verification|Refresh)(?:Secret|Password|Passphrase|Token|Key)|\b[sS]etX(?:ApiKey|APIKey|AuthToken|AccessToken)|\b[wW]ith(?:Password|Secret|ClientSecret|SecretKey|ApiKey|APIKey|ApiSecret|AppSecret|AccessKey|AccessToken|AuthToken|BearerToken|Token)|\b(?:[aA]uth(?:enticate)?|[lL]og[iI]n|[sS]ign[iI]n|[cC]onnect)With(?:ApiKey|APIKey|AccessToken|AuthToken|BearerToken|Token)|\b[uU]se(?:ApiKey|APIKey|AccessToken|AuthToken|Token)|\b(?:(?:authenticate|auth|login|log_in|sign_in|connect)_)?with_(?:password|secret|client_secret|secret_key|api_key|api_secret|app_secret|access_key|access_token|auth_token|bearer_token|token)|\bset_(?:password|passwd|pwd|secret|client_secret|secret_key|api_key|api_secret|app_secret|consumer_secret|access_key|access_token|auth_token|token|passphrase)|\buse_(?:api_key|access_token|auth_token|token)|\b(?:[pP]assword|[sS]ecret|[tT]oken|[aA]piKey|[pP]assphrase)\.set|\.(?:password|clientSecret|apiKey|secretKey|apiSecret|appSecret|consumerSecret|accessToken|authToken|bearerAuth|bearerToken|client_secret|api_key|secret_key|api_secret|app_secret|consumer_secret|access_token|auth_token|bearer_auth|bearer_token))[ \t]{0,4}\([ \t]{0,4}/.source +
    // The condition, then the other branch if the literal is the second.
    `(?:${SETTER_CONDITION}${/[ \t]{1,4}\?[ \t]{1,4}(?:(?<first>[A-Za-z_$][\w$.]{0,60}(?:\(\))?)[ \t]{1,4}:[ \t]{1,4})?/.source})?` +
    `(?:"(?<v>${doubleQuotedBody(200)})"|'(?<v2>${singleQuotedBody(200)})')${LITERAL_CONVERSION}[ \\t]{0,4}(?:\\)|:(?=[ \\t]))`,
);

/**
 * A value looked up by a secret's name and compared with a literal in a closure, as Rust checks a request's header:
 * `headers.get(PURGE_TOKEN_HEADER).map(|v| v == "…")`, `.get("x-api-key").is_some_and(|v| v == "…")`. The literal is
 * the secret the header must carry. The lookup's key may be the header's name or a constant named for it.
 */
const LOOKUP_COMPARED =
  /\.get\([ \t]{0,4}(?:"(?<qk>[\w.\-]{1,60})"|(?<k>[A-Za-z_][\w:]{0,60}))[ \t]{0,4}\)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?\.(?:(?:map|is_some_and|filter)[ \t]{0,4}\(|map_or\([ \t]{0,4}false[ \t]{0,4},)[ \t]{0,4}\|[ \t]{0,4}&?(?<p>[a-z_]\w{0,19})[ \t]{0,4}\|[ \t]{0,4}\*{0,2}(?<q>[a-z_]\w{0,19})[ \t]{0,4}==[ \t]{0,4}b?"(?<v>[^"\\\r\n]{1,200})"/g;

/** The secret's name in a lookup key: a constant's `…_HEADER` or `…_NAME` says it names the header that holds it. */
function lookupKeyClass(key: string): KeyClass | undefined {
  const name = key.replace(/^.*::/, '').replace(/[_.\-]?(?:header|hdr|name)$/i, '');
  return name.length === 0 ? undefined : classifyKey(name);
}

/**
 * A constant-time comparison with a literal: PHP's `hash_equals('…', $_SERVER['PHP_AUTH_PW'] ?? '')`, Python's
 * `hmac.compare_digest(token, "…")`. Code compares so only what must stay secret: the literal is the expected
 * password, token or signing key, the other argument what a request sent. Group `a` or `b` is the literal,
 * `x` the other argument (up to the comparison's end).
 */
const CONSTANT_TIME_COMPARE =
  /(?:hash_equals|compare_digest)\([ \t]{0,4}(?:'(?<a>[^'\\\r\n]{1,200})'|"(?<b>[^"\\\r\n]{1,200})")[ \t]{0,4},[ \t]{0,4}(?<x>[^\r\n;]{1,120})|(?:hash_equals|compare_digest)\([ \t]{0,4}(?<y>[$\w][^\r\n,;'"]{0,80}(?:\[[ \t]{0,4}['"][\w.-]{1,60}['"][ \t]{0,4}\][^\r\n,;'"]{0,40})?),[ \t]{0,4}(?:'(?<c>[^'\\\r\n]{1,200})'|"(?<d>[^"\\\r\n]{1,200})")/y;

/** A digest computed in the comparison's other argument: PHP's `hash_hmac(`, `hash(`, `md5(`, Python's `hmac.new(`, `.hexdigest()`. */
const DIGEST_CALL = /\b(?:hash_hmac|hash|md5|sha1|crypt|hmac\.new)[ \t]{0,2}\(|digest\(/i;

/** What the other argument of a constant-time comparison names: the first secret's name among its words. */
function comparedKey(expression: string): KeyClass | undefined {
  for (const m of expression.matchAll(/[A-Za-z_][\w-]{1,60}/g)) {
    const key = classifyKey(m[0]);
    if (key !== undefined) return key;
  }
  return undefined;
}

function findConstantTimeComparisons(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(CONSTANT_TIME_COMPARE, text, offsets, (m) => {
    const g = m.groups!;
    const value = g['a'] ?? g['b'] ?? g['c'] ?? g['d']!;
    const other = g['x'] ?? g['y']!;
    // Compared with a digest computed there (`hash_hmac('sha256', $body, $secret)`), the literal is an expected signature.
    if (DIGEST_CALL.test(other)) return;
    // The other argument names the secret (`PHP_AUTH_PW`, `$token`, `request.headers["X-Api-Key"]`); unnamed, it must look generated.
    const named = comparedKey(other);
    const key = named ?? { category: 'KEY' as const, weak: true };
    // Named, the comparison says what the literal is as plainly as an assignment to a password does: a key compared with
    // `$apiKey` is judged as a password is (any made value of ten characters or more, letters alone too), not by its shape.
    const judgedAs = named !== undefined && value.length >= 10 ? { category: 'PASS' as const, weakKey: false } : { category: key.category, weakKey: key.weak };
    if (!isPlausibleSecret(value, { ...judgedAs, quoted: true, file: options.file })) return;
    const start = g['a'] !== undefined || g['b'] !== undefined ? m.index + m[0].indexOf(value) : m.index + m[0].length - value.length - 1;
    spans.push({ start, end: start + value.length, category: key.category });
  });
  return spans;
}

function findLookupComparisons(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  LOOKUP_COMPARED.lastIndex = 0;
  for (let m = LOOKUP_COMPARED.exec(text); m !== null; m = LOOKUP_COMPARED.exec(text)) {
    const g = m.groups!;
    // The closure compares its own parameter (`|v| v == "…"`), not some other value.
    if (g['p'] !== g['q']) continue;
    const key = lookupKeyClass(g['qk'] ?? g['k']!);
    const value = g['v']!;
    if (key === undefined || !isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    const start = m.index + m[0].length - value.length - 1;
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/** SQL that sets a password through a function or procedure: `PASSWORD('…')`, `sp_addlogin 'user', '…'`. */
const SQL_PASSWORD_CALL =
  /(?:\bPASSWORD[ \t]{0,4}\([ \t]{0,4}|\bsp_addlogin[ \t]{1,4}(?:@loginame[ \t]{0,4}=[ \t]{0,4})?N?'[^'\r\n]{1,128}'[ \t]{0,4},[ \t]{0,4}(?:@passwd[ \t]{0,4}=[ \t]{0,4})?N?)'(?<v>[^'\r\n]{1,128})'/i;

/**
 * The literal a hashing filter is applied to: Ansible's `"{{ 'Pa55' | password_hash('sha512') }}"`
 * hashes at deploy time the plain-text password written in the play. Read back from the filter's name.
 */
const HASH_FILTER_INPUT = /\{\{-?[ \t]{0,4}(?:"(?<dq>[^"\r\n{}|]{1,200})"|'(?<sq>[^'\r\n{}|]{1,200})')[ \t]{0,4}\|[ \t]{0,4}$/;
/** The filter itself, at the keyword: `password_hash(`, `password_hash }}`. */
const HASH_FILTER_NAME = /password_hash\b/y;

function findHashFilterInputs(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    HASH_FILTER_NAME.lastIndex = offset;
    if (!HASH_FILTER_NAME.test(text)) continue;
    const from = lineBounds(text, offset, 260).start;
    const m = HASH_FILTER_INPUT.exec(text.slice(from, offset));
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = from + m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * A literal piped into a command that reads its password from stdin: told so by an option (`docker login --password-stdin`,
 * VOMS' `voms-proxy-init --pwstdin`, GnuPG's `--passphrase-fd 0`, OpenSSL's `-passin stdin`, `sudo -S`, `passwd --stdin`),
 * or unasked, as Kerberos' `kinit` and iRODS' `iinit` read it from a pipe.
 */
const PASSWORD_STDIN =
  /\becho[ \t]{1,4}(?:-n[ \t]{1,4})?["']?(?<v>[^"'\s|]{1,200})["']?[ \t]{0,4}\|(?:[^|\r\n]{0,200}(?:--password-stdin|--pwstdin|--passphrase-stdin|[ \t]--passphrase-fd(?:[ \t]{1,4}|=)0(?!\d)|[ \t]-passin[ \t]{1,4}stdin)(?![\w-])|[ \t]{0,4}sudo[ \t]{1,4}-S(?![\w-])|[ \t]{0,4}(?:sudo[ \t]{1,4})?(?:kinit|iinit)(?![\w-])|[ \t]{0,4}(?:sudo[ \t]{1,4})?passwd[ \t][^|\r\n]{0,100}--stdin)/;

/**
 * A literal piped into Perforce's `p4 … login`: after `echo`, or PowerShell's bare string at the start of a statement.
 * cmd's `%VAR%` and `!VAR!` are variables.
 */
const P4_LOGIN_STDIN =
  /(?:\becho[ \t]{1,4}|(?<![^\s;({])(?=["']))["']?(?![%!]\w{1,64}[%!])(?<v>[^"'\s|]{1,200})["']?[ \t]{0,4}\|[ \t]{0,4}p4(?:\.exe)?(?![\w.-])[^|\r\n]{0,200}?[ \t]login(?![\w-])/i;

/** PostgreSQL's password file: `hostname:port:database:username:password`, `\:` and `\\` escaped. */
/** `.pgpass` (`pgpass.conf` on Windows), also the template a config tool renders it from (`templates/pgpass.j2`, `.pgpass.erb`). */
const PGPASS_FILE = /(?:^|[\\/])(?:\.pgpass|pgpass\.conf|(?:\.?pgpass(?:\.conf)?)\.(?:j2|jinja2?|tmpl|tpl|erb|epp|template|mustache|hbs))$/i;
const PGPASS_LINE = /^[ \t]{0,8}[^:\s#][^:\r\n]{0,252}:(?:\d{1,5}|\*):(?:[^:\\\r\n]|\\.){1,128}:(?:[^:\\\r\n]|\\.){1,128}:(?<pw>(?:[^\\\r\n]|\\.){1,300})$/gm;

function findPgpass(text: string, options: DetectOptions): Span[] {
  if (options.file === undefined || !PGPASS_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(PGPASS_LINE)) {
    const span = pgpassPassword(m, options.file);
    if (span !== undefined) spans.push(span);
  }
  return spans;
}

/** The password of one matched `.pgpass` line, unless it is a stand-in or the user's own name (`postgres:postgres`). */
function pgpassPassword(m: RegExpExecArray | RegExpMatchArray, file: string | undefined): Span | undefined {
  const pw = m.groups!['pw']!.replace(/\r$/, '').trimEnd();
  if (!isPlausiblePassword(pw, file)) return undefined;
  const user = m[0].slice(0, m[0].length - m.groups!['pw']!.length - 1).split(':').pop() ?? '';
  if (pw.length < 10 && pw.toLowerCase() === user.trim().toLowerCase()) return undefined;
  const start = m.index! + m[0].length - m.groups!['pw']!.length;
  return { start, end: start + pw.length };
}

/** One `.pgpass` line, tried where a line starts. */
const PGPASS_LINE_AT = new RegExp(PGPASS_LINE.source, 'my');
/** The most lines read under a mention of the file: a password file holds a few. */
const PGPASS_PASTED_LINES = 20;

/** A here-document (`<<EOF`, `<<-'EOF'`) opened on the line. */
const HEREDOC_OPEN = /<<-?[ \t]{0,4}["']?[A-Za-z_][\w-]{0,30}/;
/** Written to a file named pgpass (`> /tmp/pgpass`, `| tee -a ~/pgpass.conf`), the name ending there. */
const WRITE_TO_PGPASS = /(?:>{1,2}|\btee(?:[ \t]{1,4}-a)?)[ \t]{0,4}["']?(?:[^\s"'<>|;&]{0,200}\/)?\.?pgpass(?:\.conf)?(?![\w.-])/i;

/** Whether the line holding `offset` writes a here-document into a pgpass file (`cat > /tmp/pgpass <<EOF`). */
function isHeredocToPgpass(text: string, offset: number): boolean {
  // The line, read at most 400 characters each way (a longer one is no such command).
  let start = offset;
  while (start > 0 && offset - start < 400 && text.charCodeAt(start - 1) !== 10) start--;
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return false;
  let end = offset;
  while (end < text.length && end - offset < 400 && text.charCodeAt(end) !== 10) end++;
  if (end >= text.length || text.charCodeAt(end) !== 10) return false; // no lines below, or a line too long
  const line = text.slice(start, end);
  return HEREDOC_OPEN.test(line) && WRITE_TO_PGPASS.test(line);
}

/**
 * `.pgpass` lines pasted under the file's name (`$ cat ~/.pgpass`, `# ~/.pgpass:`, `==> .pgpass <==`): the lines
 * right below that mention, while they keep the file's `host:port:database:user:password` shape.
 */
function findPastedPgpass(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file !== undefined && PGPASS_FILE.test(options.file)) return []; // the file itself: pgpass-password reads it
  const spans: Span[] = [];
  let doneUntil = -1;
  for (const offset of offsets) {
    if (offset < doneUntil) continue;
    // A name without the dot (`/tmp/pgpass`, and every `PGPASSWORD`) is the file only where a here-document is written to it.
    const named = text.charCodeAt(offset) === 0x2e /* . */ || text.charCodeAt(offset - 1) === 0x2e || text.slice(offset + 6, offset + 11).toLowerCase() === '.conf';
    if (!named && !isHeredocToPgpass(text, offset)) continue;
    let lineStart = text.indexOf('\n', offset) + 1;
    if (lineStart === 0) break; // the last line: no line below it, nor below any later mention
    for (let n = 0; lineStart > 0 && lineStart < text.length && n < PGPASS_PASTED_LINES; n++) {
      PGPASS_LINE_AT.lastIndex = lineStart;
      const m = PGPASS_LINE_AT.exec(text);
      // A host has no blank in it: a prompt's next command (`$ echo a:1:b:c:d`) ends the file's lines.
      if (m === null || /\s/.test(m[0].slice(0, m[0].indexOf(':')).trim())) break;
      const span = pgpassPassword(m, options.file);
      if (span !== undefined) spans.push(span);
      lineStart = text.indexOf('\n', m.index + m[0].length) + 1;
    }
    doneUntil = lineStart;
  }
  return spans;
}

/**
 * Session cookies in `Cookie:` / `Set-Cookie:` headers (HTTP logs, `.http` files, curl
 * `--cookie`): a cookie named like a session or an auth token carries the session itself.
 */
const COOKIE_HEADER = /(?:(?<![A-Za-z0-9])(?:set-)?cookie["']?[ \t]{0,4}(?:[:=]|,[ \t]{0,4}(?:\r?\n[ \t]{0,40})?"value"[ \t]{0,4}:)|--cookie|(?<![\w-])-b)[ \t]{0,4}["']?(?<pairs>[^\r\n"']{1,2000})/gi;
export const SESSION_COOKIE_NAME = /(?:sess|sid$|^sid|auth|token|jwt|remember|login|^_?[a-z]{0,20}_session$)/i;

const COOKIE_HEADER_AT = new RegExp(COOKIE_HEADER.source, 'iy');

/**
 * Where a header holding a keyword found at `offset` may start: at `set-` or `--` just
 * before `cookie`, or at the keyword itself (`cookie`, `-b`). Every match of the header
 * pattern starts at one of these, so trying them in order finds what a search would.
 */
function cookieHeaderStarts(text: string, offsets: readonly number[]): number[] {
  const starts: number[] = [];
  for (const offset of offsets) {
    if (offset >= 4 && text.slice(offset - 4, offset).toLowerCase() === 'set-') starts.push(offset - 4);
    if (offset >= 2 && text.startsWith('--', offset - 2)) starts.push(offset - 2);
    starts.push(offset);
  }
  return starts.sort((a, b) => a - b);
}

function findSessionCookies(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(COOKIE_HEADER_AT, text, cookieHeaderStarts(text, offsets), (m) => {
    const pairs = m.groups!['pairs']!;
    let at = m.index + m[0].length - pairs.length;
    for (const pair of pairs.split(';')) {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? '' : pair.slice(0, eq).trim();
      const value = eq === -1 ? '' : pair.slice(eq + 1).trim().replace(/[,\s].{0,2000}$/, '');
      if (name !== '' && SESSION_COOKIE_NAME.test(name) && !/csrf|xsrf/i.test(name) && value.length >= 16) {
        if (isPlausibleSecret(value, { category: 'TOKEN', quoted: true, file: options.file })) {
          const start = at + pair.indexOf(value, eq + 1);
          spans.push({ start, end: start + value.length });
        }
      }
      at += pair.length + 1;
    }
  });
  return spans;
}

/**
 * `htpasswd -b[c…] FILE USER PASSWORD`, `htpasswd -nb USER PASSWORD` and Mosquitto's
 * `mosquitto_passwd [-c] -b FILE USER PASSWORD`: batch mode takes the password as an argument.
 * Flags may come apart (`-c -b`), and a few take a value of their own (htpasswd's `-C cost`,
 * mosquitto_passwd's `-H hash` and `-I iterations`), which is no positional argument.
 */
const HTPASSWD_BATCH = /\b(?<tool>htpasswd|mosquitto_passwd)[ \t]{1,4}(?<args>-[A-Za-z][^\r\n|;&]{0,400})/g;
/** The flags of each tool that take the next word as their value. */
const FLAGS_WITH_VALUE: Record<string, string> = { htpasswd: 'C', mosquitto_passwd: 'HI' };
/** One word of a command line, quoted or bare. */
const COMMAND_WORD = /"[^"\r\n]{0,300}"|'[^'\r\n]{0,300}'|[^\s"']{1,300}/g;

function findHtpasswdPasswords(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(HTPASSWD_BATCH)) {
    const tool = m.groups!['tool']!;
    const argsStart = m.index + m[0].length - m.groups!['args']!.length;
    let flags = '';
    let skip = 0;
    const positional: { raw: string; start: number }[] = [];
    for (const w of m.groups!['args']!.matchAll(COMMAND_WORD)) {
      if (skip > 0) skip--;
      else if (positional.length === 0 && /^-[A-Za-z]{1,6}$/.test(w[0])) {
        flags += w[0].slice(1);
        for (const f of w[0].slice(1)) if (FLAGS_WITH_VALUE[tool]!.includes(f)) skip++;
      } else positional.push({ raw: w[0], start: argsStart + w.index });
    }
    if (!flags.includes('b')) continue;
    const place = tool === 'htpasswd' && flags.includes('n') ? 2 : 3;
    const word = positional[place - 1];
    if (word === undefined) continue;
    const quoted = /^["']/.test(word.raw);
    const value = quoted ? word.raw.slice(1, -1) : word.raw;
    if (value.startsWith('$') || !isPlausiblePassword(value, options.file)) continue;
    const start = word.start + (quoted ? 1 : 0);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * A password given in a sentence: "the password for the deploy account: …",
 * "the password for new accounts is `…`", "use password … to log in". The value must look like a
 * password (letters with digits or symbols), which words of the sentence do not; after "is" a
 * sentence may go on in such words, so there the value is quoted or has a symbol as well.
 * Welcome mails and tickets hand out a first password right after its kind ("temporary password
 * …", "initial password …", "one-time password …"); bare, it needs a digit and a symbol or both cases.
 * A paragraph may wrap before the value (`… the account has password` / `` `…` ``, `with password` / `**…**`,
 * `a temporary password for x@example.edu:` / `…`): one line break is read as a blank. Markdown's bold
 * (`**…**`, `__…__`) sets the value off as a code span does, and so right after the word itself (a runbook's
 * ``User `ops`, password **…**``), where the value must have a password's shape: bold there is as often emphasis.
 * A change in a log or a runbook names the verb first (``reset the `ledger_admin` password to `…` ``, `changed the root
 * password to …`): after `password to` the value is read where a verb of setting opens the clause on the line before it.
 * A note may say where the password is kept (`in …`, `with …`, `behind …`) and give the value as the other way in
 * (`break-glass password in the red envelope, **or** \`…\``): after `or`, a code span or quotes that hold a password's shape.
 * A docstring or a note may write the value bare right after the word (`the old deploy used the service password … on the
 * archive`): there the word after "password" is a password only if it has every class, upper- and lower-case letters, a
 * digit and a symbol, on the same line (`password reset emails`, `the password field`, `password policy` are words).
 * A note may say where the password is posted and then give it after a colon (`Guest Wi-Fi: password is on the chalkboard:
 * …`): letters and a digit there, no policy's or format's example (`is in the format: abc123`).
 * What the password is on may stand where what it is for does (`BIOS password on both workstations: \`…\``, `the password on
 * the old NAS is …`).
 * How it was handed over may stand there too (`gave the new password by phone: …`, `password via Signal: …`).
 * When it held may stand there too, as a config's comment keeps an old one (`; old password before Feb rotation: …`,
 * `password until the 2023 audit: …`).
 * A paragraph may wrap between the word and its `is` (`… and the account password` / `is … (2FA on my phone)`): read as
 * `is` on one line, after a word of prose. The value may follow the word as an appositive (`the script still held the
 * deploy password, …`), read as bare after the word, ending its clause.
 * The words between `password for …` and its colon or `is` stay in one sentence: a ticket's `I reset my password to
 * Sunday2025! and it still fails. Jenn: unlocked` has its value after `to`, not after the next sentence's `Jenn:`.
 * They may wrap the paragraph once, onto a line that goes on in small letters (`the document password for` / `this case is
 * …`); a stop at the line's end ends the sentence there.
 */
const PROSE_PASSWORD =
  /\b(?:pass(?:word|phrase)[ \t]{1,3}(?:for|of|to|on|by|via|over|before|until|till|since|after)(?:[ \t]{1,3}|(?=\r?\n))(?<about>(?:[^:\r\n.!?]|[.!?](?![ \t\r\n])|(?<![.!?:;,])\n(?=[ \ta-z])|(?<![.!?:;,])\r(?=\n)){1,60}?:|(?:[^:\r\n`'".!?]|'s\b|[.!?](?![ \t\r\n])|(?<![.!?:;,])\n(?=[ \ta-z])|(?<![.!?:;,])\r(?=\n)){1,60}?[ \t](?<cop>is|was))|(?:use|using|with|try|enter|type|has|have)(?:[ \t]{1,3}|[ \t]{0,3}\r?\n[ \t]{0,8})(?:the[ \t]{1,3})?(?:password|passphrase|pw|pwd)|(?<=\b(?:temporary|temp|initial|one-time|onetime|interim|provisional|starter)[ \t]{1,3})(?<kind>password|passphrase)|(?<bold>password|passphrase)(?=[ \t]{1,2}(?:\*\*|__)[^\s*_])|(?<to>password|passphrase)[ \t]{1,3}to|(?<or>password|passphrase)(?:[ \t]{1,2}(?:in|on|at|from|with|via|inside|under|behind)[ \t][^\r\n`:;.]{1,60}?)?,?[ \t]{1,2}(?:\*\*|__|\*|_)?or(?:\*\*|__|\*|_)?|(?<wrap>password|passphrase)[ \t]{1,2}(?:is|was)(?=[ \t]{0,3}\r?\n)|(?<where>password|passphrase)[ \t]{1,2}(?<whereIs>(?:is|was)[ \t]{1,2})?(?:on|in|under|behind|inside|taped|written|printed|posted|pinned|stuck|kept)[ \t][^\r\n:;.,`'"()]{1,40}?:|(?<wrapIs>password|passphrase)[ \t]{0,2}\r?\n[ \t]{0,4}(?:is|was)|(?<direct>password|passphrase)(?<appos>,)?(?=[ \t]{1,3}[^\s`'"*_]))(?:[ \t]{1,4}|[ \t]{0,3}\r?\n[ \t]{0,4})(?<em>\*\*|__)?[`'"]?(?<v>[^\s`'"]{6,100})/gi;

const PROSE_PASSWORD_AT = new RegExp(PROSE_PASSWORD.source, 'iy');
/** Words that make `password is in …:` a description of passwords, not where one is posted (`in the format:`, `in this example:`). */
const DESCRIBED_PLACE = /\b(?:format|form|pattern|example|shape|style|policy|rules?|regex|field|header|hash|log|logs|output|response|request|body|payload|url|query)\b/i;
/**
 * Stores whose entries have names: after `password is in the vault:` the word is the entry's name (`Staging2`), not the
 * password, as it is after `in 1Password:`, `in Bitwarden:`, `in the keychain:`.
 */
const NAMED_STORE = /\b(?:vault|1password|bitwarden|keepass(?:xc)?|lastpass|keychain|keyring|secrets?|manager|dashlane|passbolt)\b/i;
/** After the value given where a password is posted: the clause ends (a line's end, a bracket, a dash, a stop). */
const POSTED_VALUE_END = /^(?:[ \t]{0,4}(?:\r?\n|$)|[.,;)]|[ \t]{1,4}(?:\(|[-–—][ \t]))/;
/**
 * A word of prose and a space (a tab parts cells), right before `password` (`the service `, `used the `), or a sentence's
 * first word, capitalised (a chat's `PROD003 is out. Volume password …`): a directive is one word, the password's own.
 */
const SENTENCE_WORD_BEFORE = /(?:^|[^\w.\/-])(?:[a-z]{2,20}|[A-Z][a-z]{2,19}) {1,2}$/;
/**
 * A comma after a word or a code span, the password word opening the sentence's next clause (a runbook's "Break-glass user
 * is `kaiju_dba`, password …"): prose too, where a config line's `user admin, password …` has no sentence before it.
 */
const CLAUSE_COMMA_BEFORE = /(?:^|[ \t])[A-Za-z0-9`'"(](?:[^\s,]{0,40}[\w`'")\]])?, {1,2}$/;

/** Whether what stands before a bare password word is prose: a word of a sentence, or a clause's comma after one. */
function opensProseClause(before: string): boolean {
  if (SENTENCE_WORD_BEFORE.test(before)) return true;
  const m = CLAUSE_COMMA_BEFORE.exec(before);
  // The comma must follow a sentence's words, not open the line: at least one more word before the one it ends (`protection
  // level 3, password …`).
  return m !== null && /[A-Za-z][ \t]/.test(before.slice(0, m.index + 1));
}

/**
 * A login named by its form right before a bare password word, then a comma, an opening bracket or a dash: an address
 * (`ssh pi@10.0.4.2 (password …`, `fleet@example.org, password …`), a Windows domain account (`CORP\\bg-admin, password
 * …`), or anything in code marks, which is how notes set off an account, a host or a network (`` `CORP\\ops`, password
 * …``, ``Guest Wi-Fi `Club-Guest` — password …``). The pair is a login whatever stands before it on the line.
 */
const LOGIN_BEFORE_PASSWORD_WORD =
  /(?:[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}|(?<![\w\\])[A-Za-z][\w.-]{0,30}\\{1,2}[\w.$-]{1,64}|`[^`\r\n]{1,64}`)[ \t]{0,2}(?:,[ \t]{1,2}|\([ \t]{0,2}|[-\u2013\u2014][ \t]{1,2})$/;
/** How far back before the password word the login may start: the longest address and its separator. */
const LOGIN_BEFORE_REACH = 140;

/**
 * Whether a bare value right after the password word (`password …`) is given as one: after a login named by its form, a
 * password's make (letters and a digit, and a symbol or both cases); after a sentence's word or clause, every class, as no
 * word of prose has. Never a variable, a call or a template's field.
 */
function isDirectPasswordValue(text: string, at: number, value: string, valueEnd: number): boolean {
  if (/[(){}<>$%]/.test(value)) return false;
  // The separator is read first, so a word with none before it costs no look back for a login.
  const separatorBefore = /[,(\-\u2013\u2014][ \t]{0,2}$/.test(text.slice(Math.max(0, at - 3), at));
  if (separatorBefore && LOGIN_BEFORE_PASSWORD_WORD.test(text.slice(Math.max(0, at - LOGIN_BEFORE_REACH), at))) return hasMadePasswordMix(value) || isJoinedWordsPassword(value);
  if (!opensProseClause(text.slice(Math.max(0, at - 24), at))) return false;
  return hasEveryClass(value) || (INNER_SYMBOL_MIXED_CASE.test(value) && CLAUSE_ENDS_AFTER.test(text.slice(valueEnd, valueEnd + 4)));
}

/**
 * Both cases and a symbol between letters that no word's joint is (`Nutcracker#Sat`, `Lantern!Quay`), eight or more, maybe
 * a second symbol closing it as a policy asks (`Swallows&Anchors!`): a made password with no digit; a hyphen, a stop or an
 * underscore joins words and names as often.
 */
const INNER_SYMBOL_MIXED_CASE = /^(?=[^a-z]{0,100}[a-z])(?=[^A-Z]{0,100}[A-Z])(?=.{8})[A-Za-z]{2,40}[#!@$&*+=?~^][A-Za-z]{2,40}[#!$*]?$/;

/**
 * Three to six capitalised words joined by a hyphen, a dot or an underscore (`Wind-Loaded-Lee`, `Copper.Heron.Sky`): how people
 * make a password they can say, which a login's remark (`password Not-Set-Yet`) also is, so such words are left.
 */
function isJoinedWordsPassword(value: string): boolean {
  return JOINED_CAPITALISED_WORDS.test(value) && !REMARK_WORDS.test(value.replace(/[-._]/g, ' '));
}
const JOINED_CAPITALISED_WORDS = /^[A-Z][a-z]{1,15}(?:([-._])[A-Z][a-z]{1,15})(?:\1[A-Z][a-z]{1,15}){1,4}$/;
/** Words of a remark on a password rather than one: it is not set, the same, kept or asked for elsewhere. */
const REMARK_WORDS = /\b(?:not|no|none|set|same|as|see|ask|in|the|vault|unknown|required|blank|empty|yet|changed?|reset|default|prompt|manager|before|below|above|later)\b/i;

/** Upper- and lower-case letters, a digit and a symbol: a made password's shape, which no word of prose has. */
function hasEveryClass(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9]/.test(value);
}

/**
 * Letters and a digit (`sp3ctrogram`, `7r4nsitlane`): the least a password given where a label says it is one has. A word
 * numbered by one digit at its end (`settings2`, `page3`) names a page or an item, not a login's password.
 */
function hasLettersAndDigit(value: string): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value) && !/^[A-Za-z]+\d$/.test(value);
}

/** Both cases and a digit (`Betelgeuse22`, `RmIy7BlYq`): a password as a policy asking for them gets it; a chat's words have no digit in them. */
function hasBothCasesAndDigit(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

/** Letters and a digit, with a symbol or both cases (`Tq7!mRw2zKx9`, `heron.quartz.318`): how passwords are made, and words are not. */
function hasMadePasswordMix(value: string): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value) && (/[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)));
}

/**
 * A password at the end of a comment line that names it a few words earlier, before a colon (an SSH config's "# old
 * password auth still enabled on the NAS: …", a script's "// the passphrase we gave the vendor: …"). Sticky at the word;
 * the words between hold no colon, quote or `=`, and the value after the colon is one bare word that ends the line.
 */
const COMMENT_TAIL_PASSWORD = /pass(?:word|phrase)\b[ \t][^:=\r\n`'"]{1,60}?:[ \t]{1,4}(?<v>[^\s`'"]{8,100})[ \t]{0,20}(?=\r?\n|$)/iy;
/** A line's start up to a comment marker: `#`, `//`, `--`, `;`, `*` (a block comment's line), `<!--`. */
const COMMENT_LINE_START = /^[ \t]{0,40}(?:#{1,3}|\/\/|--|;{1,2}|\*|<!--)[ \t]/;
/** How far back on its line the word looks for the comment marker. */
const COMMENT_TAIL_REACH = 120;
/** Words right after the password's word that make the comment about it, not it (`password policy …: <an example>`). */
const DESCRIBED_PASSWORD_NEXT = /^[ \t](?:policy|policies|rules?|requirements?|complexity|length|format|hash|hashes|digest|hint|prompt|example|pattern|regex)\b/i;

/** `prompt:` right after the password's word: the value after it answers the prompt. */
const ANSWERED_PROMPT_NEXT = /^[ \t]prompt[ \t]{0,2}:/i;

function findCommentTailPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(COMMENT_TAIL_PASSWORD, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    let lineStart = m.index;
    while (lineStart > 0 && m.index - lineStart < COMMENT_TAIL_REACH && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
    if (!COMMENT_LINE_START.test(text.slice(lineStart, m.index + 1))) return;
    const next = text.slice(m.index + 8, m.index + 30).replace(/^phrase/i, '');
    // `# password prompt: …` gives what to type at the prompt; a prompt described goes on in words (`prompt (tty only): …`).
    if (DESCRIBED_PASSWORD_NEXT.test(next) && !ANSWERED_PROMPT_NEXT.test(next)) return;
    const value = m.groups!['v']!;
    // The prompt's own text quoted (`# password prompt: Passphrase:`) ends in its colon; the answer does not.
    if (value.endsWith(':') && ANSWERED_PROMPT_NEXT.test(next)) return;
    // No word of prose has every class; a `$` or brackets make it a variable, a hash's scheme or code.
    if (!hasEveryClass(value) || /[(){}<>$]/.test(value) || !isPlausiblePassword(value, options.file)) return;
    const end = m.index + m[0].trimEnd().length;
    spans.push({ start: end - value.length, end });
  });
  return spans;
}

/**
 * After `password is on the chalkboard:`, whether the value is one: letters and a digit, not a variable's name, a path or a
 * format's example, nor a store's entry (`in the vault: Staging2`), and it ends its clause (`hazyipa2024 (changes monthly)`).
 */
function isPostedPassword(text: string, m: RegExpExecArray, value: string, quoted: boolean): boolean {
  if (!/\d/.test(value) || /[\/$%{}<>]/.test(value) || /^[A-Z0-9_]+$/.test(value)) return false;
  if (DESCRIBED_PLACE.test(m[0]) || NAMED_STORE.test(m[0])) return false;
  // Without `is` (a runbook's aside `(password in the safe: \`…\`)`) the place is a clause's words only: a made password's mix.
  if (m.groups!['whereIs'] === undefined && !hasMadePasswordMix(value)) return false;
  const valueEnd = m.index + m[0].length - m.groups!['v']!.length + value.length + (quoted ? 1 : 0);
  return POSTED_VALUE_END.test(text.slice(valueEnd, valueEnd + 8));
}

/** An account that a `password for … is` names (`the scanner's local admin`, `the kiosk account`, `the sa login`). */
const NAMES_ACCOUNT = /\b(?:admin|administrator|root|sa|superuser|account|user|login|operator)\b/i;
/** Words after a value that make it a scheme's or a format's name (`is Argon2id hashed`, `is Base64 encoded`). */
const DESCRIBED_BY_NEXT = /^[ \t](?:encod|hash|encrypt|compat|format|bas|style|only|min|max|chars?\b|characters|long|policy|rules?)/i;

/**
 * After `password for <an account> is`, a bare value of letters and a digit in both cases, eight or more (`the password for the
 * scanner's local admin is Intraoral55 if anyone needs it`): a word and a number as people make passwords. Elsewhere after
 * `is` the value needs a symbol too, since a sentence about passwords goes on in such words (`is Windows10 compatible`).
 */
function isAccountsWordPassword(clause: string, value: string, after: string): boolean {
  return value.length >= 8 && hasMadePasswordMix(value) && NAMES_ACCOUNT.test(clause) && !DESCRIBED_BY_NEXT.test(after);
}

/** A verb that sets a password (`reset the … password to`), as a word of its own. */
const SETTING_VERB = /\b(?:set|reset|changed?|rotated?|updated?)\b/i;

/**
 * Whether the clause that ends at `at` (read back to its line's start or the last sentence's end, 80 characters at
 * most) holds a verb that sets a password.
 */
function settingVerbBefore(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < 80) {
    const c = text.charCodeAt(start - 1);
    if (c === 0x0a || c === 0x2e /* . */ || c === 0x3b /* ; */ || c === 0x21 /* ! */ || c === 0x3f /* ? */) break;
    start--;
  }
  return SETTING_VERB.test(text.slice(start, at));
}

/** The verbs PROSE_PASSWORD's second form opens with (`use password …`, `enter the password …`, `the account has password …`). */
const PROSE_VERBS = ['use', 'using', 'with', 'try', 'enter', 'type', 'has', 'have'];

/**
 * Where PROSE_PASSWORD can start, from the offsets of its keywords: at a `password`/`passphrase`
 * itself (`password for …:`), or at the verb before it (`use the password …`), read backwards
 * over the blanks and an optional `the` the pattern allows. Sorted; every match of the pattern
 * starts at one of these.
 */
function proseStarts(text: string, offsets: readonly number[]): number[] {
  const starts: number[] = [];
  const blanksBefore = (end: number): number => {
    let i = end;
    while (i > 0 && end - i < 3 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
    return i;
  };
  // A paragraph wrapped between the verb and the keyword (`logs in as \`studio\` with` / `password …`): the indent, the
  // line break and the blanks before it.
  const wrapBefore = (end: number): number => {
    let i = end;
    while (i > 0 && end - i < 8 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
    if (i === 0 || text.charCodeAt(i - 1) !== 0x0a) return end;
    i--;
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) i--;
    return blanksBefore(i);
  };
  const verbEndingAt = (end: number): number => {
    for (const verb of PROSE_VERBS) {
      const start = end - verb.length;
      if (start >= 0 && text.slice(start, end).toLowerCase() === verb && (start === 0 || !isWordCode(text.charCodeAt(start - 1)))) return start;
    }
    return -1;
  };
  for (const offset of offsets) {
    starts.push(offset);
    const afterVerb = blanksBefore(offset);
    const afterWrappedVerb = wrapBefore(offset);
    if (afterWrappedVerb !== offset) {
      const verb = verbEndingAt(afterWrappedVerb);
      if (verb !== -1) starts.push(verb);
    }
    if (afterVerb === offset) continue;
    const verb = verbEndingAt(afterVerb);
    if (verb !== -1) starts.push(verb);
    // `use the password`: `the` and its blanks between the verb and the keyword.
    if (afterVerb >= 3 && text.slice(afterVerb - 3, afterVerb).toLowerCase() === 'the') {
      const beforeThe = blanksBefore(afterVerb - 3);
      if (beforeThe < afterVerb - 3) {
        const verbBeforeThe = verbEndingAt(beforeThe);
        if (verbBeforeThe !== -1) starts.push(verbBeforeThe);
      }
    }
  }
  return starts.sort((a, b) => a - b);
}

/**
 * The marks that end a sentence after a bare value that ends one (see findProsePasswords). A lone `!` closing a made value
 * at its line's end (`password Pattern-Shop-Gl4ss!`) is the password's: notes do not exclaim right after handing one over,
 * and a policy's symbol is added at the end as often as not; before the next sentence it is the sentence's.
 */
function finalSentenceMarks(raw: string, after: string): RegExp {
  const bangKept = /^[ \t]{0,4}(?:\r?\n|$)/.test(after) && /[^!]!$/.test(raw) && /\d/.test(raw);
  return bangKept ? /[.,;:?)]+$/ : /[.,;:!?)]+$/;
}

/**
 * A bare value that ends in `!` and then a full stop (`the deploy password, Deploy-Tills-2025!.`): no sentence ends in both,
 * so the stop is the sentence's and the bang the password's.
 */
const BANG_THEN_STOP = /[A-Za-z0-9]!\.$/;

/**
 * PROSE_PASSWORD tried only where it can start (see `proseStarts`), in order, each start
 * after the last match's end: the matches a search over the whole text finds.
 */
/** A comment's marker opening a line: a wrap after it runs out of the comment into code, not on in prose. */
const COMMENT_LINE_OPENING = /^[ \t]{0,40}(?:\/\/|#|--|\/\*|\*|;|%|')/;
/** Code's punctuation, which a sentence's words before `is` or a colon do not hold. */
const CODE_PUNCTUATION = /[=;{}()<>\[\]]/;

/**
 * Whether a `password for …` clause that wraps its line (`about`, in the match `matched` at `at`) goes on as prose: one
 * break, the value on the line after it, no code's punctuation on that line, and no comment's marker opening the line of
 * the noun (a comment's `// … password for the counter PCs` over `const AGENT = { host: '…' }` ends with its line).
 */
function isWrappedProseClause(text: string, at: number, matched: string, about: string): boolean {
  const lineBreak = about.indexOf('\n');
  if (lineBreak !== about.lastIndexOf('\n') || matched.slice(matched.indexOf(about) + about.length).includes('\n')) return false;
  // The next line goes on in small letters, as a sentence does (the pattern lets its indentation through).
  if (CODE_PUNCTUATION.test(about.slice(lineBreak)) || !/^\n[ \t]{0,4}[a-z]/.test(about.slice(lineBreak))) return false;
  return !COMMENT_LINE_OPENING.test(text.slice(lineBounds(text, at, 200).start, at));
}

function findProsePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(PROSE_PASSWORD_AT, text, proseStarts(text, offsets), (m) => {
    const em = m.groups!['em'];
    let raw = m.groups!['v']!;
    // Quoted, the value is all of it (a password may end in `!`); bare, a final full stop or comma is the sentence's.
    const quoted = /[`'"]/.test(text.charAt(m.index + m[0].length - raw.length - 1));
    // In bold the value ends where the bold does (`**…**`, maybe a full stop after it).
    if (em !== undefined && !quoted) {
      const close = raw.lastIndexOf(em);
      if (close <= 0) return;
      raw = raw.slice(0, close);
    }
    // A `!` or `?` ends the sentence only where one can end: at the line's end or before a capital (`…3227?  -- change it` keeps it).
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    const sentenceEnds = /^(?:[ \t]{0,4}(?:\r?\n|$)|[ \t]{1,4}[A-Z"'(])/.test(after);
    const value = quoted || em !== undefined ? raw : BANG_THEN_STOP.test(raw) ? raw.slice(0, -1) : raw.replace(sentenceEnds ? finalSentenceMarks(raw, after) : /[.,;:)]+$/, '');
    if (!/[A-Za-z]/.test(value) || !/[\d\W_]/.test(value) || value.length < 6) return;
    // A bare word that runs into a quote it never opened is cut short, and no value at all where it is a
    // possessive or a name (`passphrase for key '…':` / `dist@host's password:`, a terminal's next prompt).
    if (!quoted && /^[`'"]/.test(after)) return;
    // What the password is for may wrap the paragraph once (`the document password for` / `this case is …`); the value then
    // stays on that line.
    const about = m.groups!['about'];
    if (about !== undefined && about.includes('\n') && !isWrappedProseClause(text, m.index, m[0], about)) return;
    // Wrapped before `is`, the noun follows a word of prose and the value ends its clause (`is NIST-800-63 compliant` goes on).
    const valueEnd = m.index + m[0].length - raw.length + value.length;
    if (m.groups!['wrapIs'] !== undefined && (!opensProseClause(text.slice(Math.max(0, m.index - 24), m.index)) || !POSTED_VALUE_END.test(text.slice(valueEnd, valueEnd + 8)))) return;
    if ((m.groups!['cop'] ?? m.groups!['wrapIs']) !== undefined && !quoted && em === undefined && !(/\d/.test(value) && /[^A-Za-z0-9]/.test(value)) && !isAccountsWordPassword(m[0], value, after)) return;
    if (m.groups!['kind'] !== undefined && !quoted && em === undefined && !(/\d/.test(value) && (/[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))))) return;
    // Bare right after the word, the value is the word's object only in a sentence (a word of prose before it: `the service
    // password …`, not a directive's `password …` opening a config line) and where no word of prose could be: every class in it.
    if (m.groups!['direct'] !== undefined && (quoted || em !== undefined || m[0].includes('\n') || !isDirectPasswordValue(text, m.index, value, valueEnd))) return;
    // As an appositive the value is all its clause holds (`the deploy password, …` then a stop, a bracket or the line's end).
    if (m.groups!['appos'] !== undefined && !POSTED_VALUE_END.test(text.slice(valueEnd, valueEnd + 8))) return;
    // `password to …` gives a value only after a verb that sets it (`reset the … password to`): a password is also what
    // gets one to a place (`the password to the vault`), set off in a code span or not.
    if (m.groups!['to'] !== undefined && (!settingVerbBefore(text, m.index) || (!quoted && em === undefined && !isPasswordShaped(value)))) return;
    // `or` offers the value as the other way in (`break-glass password in the safe, **or** \`…\``): only a code span or
    // quotes set it off there, and only a password's shape is taken (`password in the vault, or \`--password-file\`` is a flag).
    if (m.groups!['or'] !== undefined && (!quoted || !(/\d/.test(value) && (/[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)))))) return;
    if (m.groups!['where'] !== undefined && !isPostedPassword(text, m, value, quoted)) return;
    // `password is` at a line's end, the value wrapped onto the next (`the new decoder API password is` / `…`): bare, a
    // made password's mix with a digit and a symbol, as after `is` on one line; set off, any made password.
    if (m.groups!['wrap'] !== undefined && !(hasMadePasswordMix(value) && (quoted || em !== undefined || /[^A-Za-z0-9]/.test(value)))) return;
    // Bold alone, right after the word, is as often emphasis (`the password **must** change`): only a password's shape is taken.
    if (m.groups!['bold'] !== undefined && (em === undefined || !(/\d/.test(value) && (/[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)))))) return;
    if (!isPlausiblePassword(value, options.file) || isQuotedPsqlVariable(value)) return;
    const start = m.index + m[0].length - m.groups!['v']!.length;
    if (opensFieldListItem(text, start, value)) return;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A password stated in prose with words between its noun and the value, in forms `password-in-prose` leaves: an aside in
 * brackets before the verb (a runbook's "the local `ops` account password (needed for sudo) is …"), a change told in the
 * passive with who and when before `to` (a mail's "the password was reset this morning to …", a wiki's "password was reset
 * by\nOracle support on 12 March to …"), the period a rotating password holds for before its colon ("Guest Wi-Fi password
 * this quarter: …"; a Wi-Fi network's key or PSK, as a runbook writes it: "WPA2 key this season: `…`"), and chat's `pw` for what it
 * is on (a chat's "pw for the kiosk TV is …"), and the old value a change started from (an incident's "password changed from
 * `…` to a generated one", also read before the new value: "was rotated from `…` to `…`"). Sticky at the noun.
 */
const QUALIFIED_PROSE_PASSWORD =
  /(?:(?<pw>pwd?)[ \t]{1,2}for[ \t]{1,2}[^:\r\n`'"]{1,60}?[ \t](?:is|was)|(?:pass(?:word|phrase)|wpa[23]?(?:[ \t-]psk|[ \t]{1,2}(?:key|passphrase))|psk|(?:wi-?fi|wlan|wireless)[ \t]{1,2}key)(?:[ \t]{1,2}\([^()\r\n]{1,40}\)[ \t]{1,2}(?:is|was)|(?<set>[ \t]{1,2}(?:was|ha[sd](?:[ \t](?:also|just|now|since|already))?[ \t]been|got|is)(?:[ \t](?:also|just|now|since|already))?[ \t]{1,2}(?:re)?(?:set|changed|rotated|updated)\b[^\r\n.;:!?]{0,80}?(?:\r?\n[ \t]{0,12}[^\r\n.;:!?]{0,80}?)?[ \t]to)|(?<from>[ \t]{1,2}(?:(?:was|ha[sd][ \t]been|got)[ \t]{1,2})?(?:re)?(?:set|changed|rotated|updated|switched)[ \t]{1,2}from)|[ \t]{1,2}(?<period>(?:for[ \t]{1,2})?this[ \t]{1,2}(?:week|month|quarter|year|season|term|semester|sprint))(?::|[ \t]{1,2}(?<periodIs>is|was))|(?<clause>[ \t]{1,2}(?:(?:was|is|ha[sd][ \t]been)[ \t]{1,2})?(?<lead>[A-Za-z]{1,20})(?:[ \t][^\r\n:;.!?`'"()<>{},]{1,60}?)?(?:(?<appos>,)|[ \t](?:is|was)|(?<colon>:)))))(?:[ \t]{1,4}|[ \t]{0,3}\r?\n[ \t]{0,4})(?<q>\*\*|__|[`'"]?)(?<v>[^\s`'"]{4,100})/iy;
/**
 * The first word of a clause after the noun that says who gave or used the password, or what was done with it (`the password
 * I had before which was …`, `the password used for the backfill, …, was pasted`): a pronoun, a relative word or a participle
 * of handing over, setting or using. A noun there makes a compound (`password manager`, `password policy`), whose value is
 * a product's or a rule's name, and a participle of protecting (`password protected`) describes something else.
 */
const PASSWORD_CLAUSE_LEAD =
  /^(?:i|we|you|they|he|she|someone|somebody|that|which|who|used|set|given|sent|shared|pasted|posted|chosen|picked|made|created|generated|issued|assigned|configured|entered|typed|written|stored|saved|kept|reset|changed|rotated|updated|provided|supplied|emailed|mailed|printed|mentioned|quoted|listed|found|leaked|exposed|noted)$/i;
/** The rest of a line after a rotating passphrase's colon: three to ten words and numbers (`amber tiger violin 42`). */
const SPACED_PASSPHRASE_LINE = /(?:[A-Za-z0-9'!.,-]{2,30}|\d)(?: (?:[A-Za-z0-9'!.,-]{2,30}|\d)){2,9}[ \t]*(?=\r?\n|$)/y;

/**
 * An `@` in a bare value is most often an address's or an account's (`ops@host01`); set off in bold, a value of every class
 * with no domain after its `@` is a password that holds one (`**Chamomile@Otter20**`).
 */
function isBoldAtPassword(value: string, bold: boolean): boolean {
  return bold && hasEveryClass(value) && !/@[\w-]{1,63}\./.test(value);
}

function findQualifiedProsePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(QUALIFIED_PROSE_PASSWORD, text, offsets, (m) => {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) return;
    const g = m.groups!;
    const quote = g['q']!;
    const raw = g['v']!;
    const start = m.index + m[0].length - raw.length;
    if (g['period'] !== undefined && /^passphrase/i.test(m[0]) && quote === '') {
      // A passphrase of words runs to the line's end: judged as under its name, quoted (as `passphrase: … words` is).
      SPACED_PASSPHRASE_LINE.lastIndex = start;
      const words = SPACED_PASSPHRASE_LINE.exec(text);
      const phrase = words?.[0].trimEnd();
      if (phrase !== undefined && /\s/.test(phrase) && isPlausibleSecret(phrase, { category: 'PASS', quoted: true, passphrase: true, file: options.file })) {
        spans.push({ start, end: start + phrase.length });
        return;
      }
    }
    // Quoted, the value is all of it and the quote must close; in bold it ends where the bold closes (`**…**`); bare, a
    // final stop or bracket is the sentence's.
    const bold = quote.length === 2;
    if (bold ? raw.lastIndexOf(quote) <= 0 : quote !== '' && text.charAt(start + raw.length) !== quote) return;
    const value = bold ? raw.slice(0, raw.lastIndexOf(quote)) : quote === '' ? raw.replace(/[.,;:)]+$/, '') : raw;
    // After `this month is` a sentence may go on about the password (`is NIST-800-63 compliant`): bare, the value ends its clause.
    if (g['periodIs'] !== undefined && quote === '' && !POSTED_VALUE_END.test(text.slice(start + value.length, start + value.length + 8))) return;
    if (g['clause'] !== undefined && !isClausePassword(text, g, start, value, quote)) return;
    // The old value of a change is one only where the change goes on to the new one (`from … to …`).
    const afterValue = start + raw.length + (quote === '' ? 0 : 1);
    if (g['from'] !== undefined && !CHANGE_GOES_ON_TO.test(text.slice(afterValue, start + raw.length + 8))) return;
    // Bare, only a made password's shape, which the words a sentence goes on in never have: a digit and a symbol (or both cases
    // after a period's colon); after `to`, eight characters or more (`reset to the default`, `changed to v2` stay words).
    // Bold is as often emphasis (`is **required**`): judged as bare.
    if (quote === '' || bold) {
      // After a clause on the noun the value was judged above (isClausePassword).
      if (g['clause'] === undefined && (g['set'] !== undefined || g['from'] !== undefined ? !isPasswordShaped(value) : g['period'] !== undefined ? !hasMadePasswordMix(value) : !(/\d/.test(value) && /[^A-Za-z0-9]/.test(value)))) return;
      if (/[\/\\<>{}()%]/.test(value) || (value.includes('@') && !isBoldAtPassword(value, bold)) || VARIABLE_IN_VALUE.test(value)) return;
    }
    if (!/[A-Za-z]/.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push({ start, end: start + value.length });
    if (g['set'] !== undefined) spans.push(...changedFromValue(text, m.index + m[0].indexOf(g['set']), g['set'], options.file));
    if (g['from'] !== undefined) spans.push(...changedToValue(text, afterValue, options.file));
  });
  return spans;
}

/** `to` after the old value of a change: the change goes on to the new one. */
const CHANGE_GOES_ON_TO = /^[ \t]{1,2}to\b/;
/** The old value inside a change told before its new one (`changed from \`…\` to`); `v` is it, `q` its quote. */
const CHANGED_FROM = /[ \t]from[ \t]{1,2}(?<q>[`'"]?)(?<v>[^\s`'"]{4,100})\k<q>[ \t]{1,2}to$/;

/** The new value a change goes on to after its old one (`from \`…\` to \`…\``), set off in code marks or quotes. */
const CHANGED_TO = /[ \t]{1,2}to[ \t]{1,2}(?:`(?<b>[^\s`]{4,100})`|"(?<d>[^\s"]{4,100})"|'(?<s>[^\s']{4,100})')/y;

function changedToValue(text: string, at: number, file: string | undefined): Span[] {
  CHANGED_TO.lastIndex = at;
  const m = CHANGED_TO.exec(text);
  const value = m?.groups!['b'] ?? m?.groups!['d'] ?? m?.groups!['s'];
  if (m === null || value === undefined || !/[A-Za-z]/.test(value) || !isPlausiblePassword(value, file)) return [];
  const start = m.index + m[0].length - 1 - value.length;
  return [{ start, end: start + value.length }];
}

/** The old value a change told in `set` (the words from the verb to its `to`, at `at`) started from, when it is a password's shape. */
function changedFromValue(text: string, at: number, set: string, file: string | undefined): Span[] {
  const m = CHANGED_FROM.exec(set);
  if (m === null) return [];
  const value = m.groups!['v']!;
  if ((m.groups!['q'] === '' && !isPasswordShaped(value)) || /[\/\\<>{}()%@]/.test(value) || VARIABLE_IN_VALUE.test(value) || !/[A-Za-z]/.test(value) || !isPlausiblePassword(value, file)) return [];
  const start = at + m.index + m[0].indexOf(value, 5);
  return [{ start, end: start + value.length }];
}

/**
 * A password of words given in quotes in a sentence, as a handbook spells out a passphrase so its spaces are typed (`the
 * password is\n"Harbour Kettle Finch 62" (type the spaces)`, `the passphrase for the safe: “Copper Heron Ninety”`): what
 * it is for or on may stand before `is` or the colon, and a paragraph may wrap before the quote. Sticky at the noun.
 * A mail may give such words bare, the sentence ending with them (`passphrase is tumbler wafer disc lever 1986. Please
 * delete …`): then small letters and a number, as dice and a year make them, and no word a sentence goes on in.
 */
const QUOTED_PHRASE_PASSWORD =
  /pass(?:word|phrase)(?:[ \t]{1,2}(?:for|on|of)[ \t][^\r\n:"“`]{1,60}?)?(?:[ \t]{1,2}(?:is|was)|[ \t]{0,2}:)(?:[ \t]{1,4}|[ \t]{0,3}\r?\n[ \t]{0,12})(?:"(?<v>[^"\r\n]{8,80})"|“(?<c>[^”\r\n]{8,80})”|(?<b>(?=[a-z]{2})))/iy;
/** Words of a sign-in screen's messages and of placeholders, which a quoted phrase after `password is` is as often. */
const MESSAGE_WORDS = /\b(?:invalid|incorrect|wrong|error|failed|expired|required|attempts?|login|log in|sign in|forgot|reset|change ?me|same as|not set|none|blank|empty|redacted|hidden)\b/i;

/**
 * Whether a quoted run of words is a made passphrase: three to ten words (a lone digit counts), judged as a passphrase's
 * value is, and made as people make them: a number among the words, or every word capitalised (`Correct Horse Battery
 * Staple`). A sentence in quotes has neither (`"the one on the sticky note"`), and a screen's message is left.
 */
function isQuotedWordsPassphrase(phrase: string, file: string | undefined, passphrase = false): boolean {
  const words = phrase.split(' ');
  if (words.length < 3 || MESSAGE_WORDS.test(phrase)) return false;
  if (!/\d/.test(phrase) && !words.every((w) => /^[A-Z]/.test(w)) && !(passphrase && isSmallWordsPassphrase(words))) return false;
  return isPlausibleSecret(phrase, { category: 'PASS', quoted: true, passphrase: true, file });
}

/**
 * Words that point at a passphrase or say what it is like instead of spelling it (`"the one on the sticky note"`, `"same as
 * your login"`, `"whatever you set at install"`): a quoted run holding one is a remark.
 */
const REFERRING_WORDS = new Set([
  'one', 'ones', 'same', 'usual', 'your', 'our', 'their', 'its', 'it', 'this', 'that', 'these', 'those', 'whatever', 'what',
  'which', 'who', 'you', 'we', 'like', 'as', 'see', 'ask', 'use', 'type', 'enter', 'not', 'no', 'none', 'empty', 'blank',
]);

/**
 * Four to ten words of small letters in quotes after the noun `passphrase` (`the ssh passphrase is "three kestrels over the
 * quarry"`): a passphrase is words by name and the quotes spell it out, so no number or capital is needed; a run that refers
 * to a passphrase or remarks on one (see REFERRING_WORDS, PASSWORD_REMARK_WORDS) is none.
 */
function isSmallWordsPassphrase(words: readonly string[]): boolean {
  if (words.length < 4 || !words.every((w) => /^[a-z]{2,20}$/.test(w))) return false;
  return !words.some((w) => REFERRING_WORDS.has(w) || PASSWORD_REMARK_WORDS.has(w));
}

/**
 * Words a sentence about a password goes on in after `is` (`is at least 12 characters long`, `is changed every 90 days`,
 * `was set on 12 march`), besides PROSE_WORDS: a bare run of words holding one is no passphrase.
 */
const PASSWORD_REMARK_WORDS = new Set([
  'every', 'each', 'all', 'any', 'after', 'before', 'until', 'since', 'least', 'most', 'more', 'less', 'than', 'then', 'but', 'so',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'chars', 'characters',
  'digits', 'letters', 'symbols', 'bits', 'bytes', 'long', 'short', 'times', 'changed', 'rotated', 'stored', 'kept', 'set', 'sent',
  'expires', 'expired', 'valid', 'hashed', 'salted', 'encrypted', 'generated', 'random', 'case', 'sensitive', 'also', 'still', 'now',
  'has', 'have', 'had', 'been', 'will', 'can', 'must', 'should', 'i', 'he', 'she', 'they', 'my', 'his', 'her', 'them',
]);

/** How far a bare run of words may reach: ten words of twenty letters. */
const BARE_WORDS_REACH = 220;

/**
 * The words from `start` to the end of their sentence (a full stop before a capital or a bracket, or the line's end), when
 * they are three to ten words of small letters or numbers one space apart; undefined otherwise.
 */
function bareWordsToSentenceEnd(text: string, start: number): string | undefined {
  const line = /^[^\r\n]*/.exec(text.slice(start, start + BARE_WORDS_REACH))![0];
  const stop = /\.?(?:[ \t]{1,4}[A-Z(]|[ \t]*$)/.exec(line);
  const run = line.slice(0, stop === null ? line.length : stop.index);
  const words = run.split(' ');
  if (words.length < 3 || words.length > 10 || !words.every((w) => /^(?:[a-z]{2,20}|\d{1,6})$/i.test(w))) return undefined;
  return run;
}

/** Whether a bare run of words after `passphrase is` is one: small letters and a number among them, no word of a sentence. */
function isBareWordsPassphrase(phrase: string, file: string | undefined): boolean {
  const words = phrase.split(' ');
  if (!/\d/.test(phrase) || /[A-Z]/.test(phrase) || words.filter((w) => /^[a-z]/.test(w)).length < 3) return false;
  if (words.some((w) => PROSE_WORDS.has(w) || PASSWORD_REMARK_WORDS.has(w)) || MESSAGE_WORDS.test(phrase)) return false;
  return isPlausibleSecret(phrase, { category: 'PASS', quoted: true, passphrase: true, file });
}

function findQuotedPhrasePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(QUOTED_PHRASE_PASSWORD, text, offsets, (m) => {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) return;
    if (m.groups!['b'] !== undefined) {
      const start = m.index + m[0].length;
      const bare = bareWordsToSentenceEnd(text, start);
      if (bare !== undefined && isBareWordsPassphrase(bare, options.file)) spans.push({ start, end: start + bare.length });
      return;
    }
    const phrase = m.groups!['v'] ?? m.groups!['c']!;
    if (!/ /.test(phrase) || !isQuotedWordsPassphrase(phrase, options.file, /^passphrase/i.test(m[0]))) return;
    const start = m.index + m[0].length - 1 - phrase.length;
    spans.push({ start, end: start + phrase.length });
  });
  return spans;
}

/** Participles of keeping a password somewhere: a clause they open names a place, not the value. */
const KEPT_LEAD = /^(?:stored|saved|kept|written|listed|found|configured|printed)$/i;

/**
 * After a clause on the noun (`the password I had before which was …`, `the password used for the backfill, …, was pasted`):
 * the clause opens with a pronoun or a participle (see PASSWORD_CLAUSE_LEAD); set off by commas the value must close them;
 * bare or in bold, a made password's mix, eight characters or more, which no word the sentence goes on in has, and not a
 * scheme's or a format's name (`is Argon2id hashed`).
 */
function isClausePassword(text: string, g: Record<string, string | undefined>, start: number, value: string, quote: string): boolean {
  if (!PASSWORD_CLAUSE_LEAD.test(g['lead']!)) return false;
  // Ended by a colon (`the password was pasted in #inc-12 and has since been rotated: \`…\``), the clause is told and the
  // value set off after it: only in code marks or quotes, as a colon ends many a sentence about passwords.
  // A clause of keeping (`the password is stored in: \`…\``) names a place there, and a path is one.
  if (g['colon'] !== undefined && (quote.length !== 1 || KEPT_LEAD.test(g['lead']!) || /[\/\\]/.test(value))) return false;
  const after = text.slice(start + value.length + (quote.length === 1 ? 1 : quote.length), start + value.length + 24);
  if (g['appos'] !== undefined && !after.startsWith(',')) return false;
  if (quote.length === 1) return hasMadePasswordMix(value);
  return value.length >= 8 && hasMadePasswordMix(value) && !DESCRIBED_BY_NEXT.test(after);
}

/**
 * The value a match about an account ends on (`q` its opening quote, `v` the value): quoted, the quote must close right
 * after it; bare, a final stop or bracket is the sentence's, and a `!` is the value's unless the line or the sentence ends after it.
 */
function accountValueAt(text: string, m: RegExpExecArray): { start: number; value: string; quote: string } | undefined {
  const quote = m.groups!['q']!;
  const raw = m.groups!['v']!;
  const start = m.index + m[0].length - raw.length;
  if (quote !== '' && text.charAt(start + raw.length) !== quote) return undefined;
  const after = text.slice(start + raw.length, start + raw.length + 4);
  const value = quote !== '' ? raw : raw.replace(/^[ \t]{0,3}(?:\r?\n|$)|^[ \t]{1,3}[A-Z]/.test(after) ? /[.,;:!?)]+$/ : /[.,;:)]+$/, '');
  return { start, value, quote };
}

/**
 * An administrative account set to a new password with no word for it (a chat's "I reset the local admin to … for now", a
 * ticket's "changed the root account to `…`"): the verb of setting, the account (maybe whose: `the kiosk's admin`) and
 * `to`. Without the noun the value must look made: every class bare, letters with a digit and a symbol or both cases quoted.
 */
const ACCOUNT_SET_TO =
  /\b(?:re-?set|set|changed?|rotated?|updated?)[ \t]{1,2}(?:(?:the|our|its|their)[ \t]{1,2})?(?:(?:local|default|built-?in|shared|break-?glass|[A-Za-z][\w-]{0,30}'s)[ \t]{1,2})?(?:admin|administrator|root|superuser)(?:[ \t]{1,2}(?:account|user|login))?[ \t]{1,2}(?:back[ \t]{1,2})?to[ \t]{1,2}(?<q>[`'"]?)(?<v>[^\s`'"]{6,100})/gi;

/**
 * Every match holds its account's word (`admin`, `root`, `superuser`: the anchors) at most this many characters after
 * its start: the longest verb (7), two blanks, `their` and two blanks (7), and the longest owner (`[A-Za-z][\w-]{0,30}'s`,
 * 33) and two blanks. Searched only there: a pass over each text its keywords let in (`user to` is every `user token`)
 * was ~50 ms of a warm pass over the bench tree, the most of any rule but generic-assignment.
 */
const ACCOUNT_WORD_REACH = 7 + 2 + 7 + 33 + 2;
const ACCOUNT_SET_TO_SEARCH = nearAnchors(ACCOUNT_SET_TO, ACCOUNT_WORD_REACH);

function findAccountSetToPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchNear(ACCOUNT_SET_TO_SEARCH, text, offsets, (m) => {
    const found = accountValueAt(text, m);
    if (found === undefined) return;
    const { start, value, quote } = found;
    if (quote === '' ? !hasEveryClass(value) : !hasMadePasswordMix(value)) return;
    // A path, a variable or a version is what an account is set to as often (`/home/ops`, `${NEW_PASS}`, `v2.1-Beta`).
    if (/[\/\\@<>{}()$%]/.test(value) || /^v\d/i.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * The value a prose match ends on (`q` its opening quote, `v` the value), when it is a made password: quoted, the quote
 * closes right after it and it mixes letters, a digit and a symbol or both cases; bare, a final stop or bracket is the
 * sentence's and the rest has a password's shape. Never a path, an address or a variable.
 */
function madePasswordAtEnd(text: string, m: RegExpExecArray, file: string | undefined): Span | undefined {
  const quote = m.groups!['q']!;
  const raw = m.groups!['v']!;
  const start = m.index + m[0].length - raw.length;
  if (quote !== '' && text.charAt(start + raw.length) !== quote) return undefined;
  const value = quote !== '' ? raw : raw.replace(/[.,;:)]+$/, '');
  if (quote === '' ? !isPasswordShaped(value) : !hasMadePasswordMix(value)) return undefined;
  if (/[\/\\@<>{}()$%]/.test(value) || !isPlausiblePassword(value, file)) return undefined;
  return { start, end: start + value.length };
}

/**
 * A password told as reset with `it` for its noun, the noun a clause or a sentence before (a review's "Its password lives in
 * the sealed envelope … (Q2 2024: it was reset to …)", a chat's "the kiosk password? it got changed yesterday to …"), or
 * told in the active by who did it (a ticket's "the admin password was still the default so I've changed it to\n…", an
 * incident log's "found the source password had been changed. Reset it on the base to `…`"). The verb, maybe who or when
 * (or where) before `to`, and the value, maybe on the next line. Sticky at `it` or at the active verb; the noun is looked
 * for in the paragraph's last `IT_NOUN_REACH` characters before it. Bare `set it to` is left: a setting's (`set it to
 * true`) far more often than a password's.
 */
const IT_RESET_TO =
  /(?:it[ \t]{1,2}(?:was|got|has[ \t]{1,2}been)[ \t]{1,2}(?:re-?)?(?:set|changed|rotated|updated)|(?:re-?set|changed|rotated|updated)[ \t]{1,2}it)\b[^\r\n.;:!?`'"]{0,60}?(?:[ \t]|[ \t]{0,2}\r?\n[ \t]{0,12})to(?:[ \t]{1,4}|[ \t]{0,3}\r?\n[ \t]{0,12})(?<q>[`'"]?)(?<v>[^\s`'"]{6,100})/iy;
const IT_NOUN_REACH = 200;
/** The password's noun, the last of a paragraph's stretch before `it` (no blank line after it). */
const PASSWORD_NOUN_BEFORE = /\b(?:pass(?:word|phrase)|pwd?)\b(?![^]*\n[ \t]*\r?\n)[^]*$/i;
const PASSWORD_NOUN = /\b(?:pass(?:word|phrase)|pwd?)\b/gi;

/** Where a match's value stands when one closing quote or code mark ends the match. */
function valueBeforeClosingMark(m: RegExpExecArray, value: string): Span {
  const start = m.index + m[0].length - 1 - value.length;
  return { start, end: start + value.length };
}

/** A version's digits (`FW-2.1.3a`, `TLSv1.2`) and the characters of a path, an address or a variable: no made password's. */
const VERSION_DIGITS = /\d\.\d/;
const PATH_OR_VARIABLE_CHAR = /[\/\\@:<>{}()$%]/;

/**
 * Whether the paragraph before `index` names a password itself: a noun for it in its last `IT_NOUN_REACH` characters that
 * no word after makes a thing about passwords (`the password policy was too short, so we changed it to …`).
 */
function namesPasswordBefore(text: string, index: number): boolean {
  const stretch = text.slice(Math.max(0, index - IT_NOUN_REACH), index);
  const first = PASSWORD_NOUN_BEFORE.exec(stretch);
  if (first === null) return false;
  for (const noun of stretch.slice(first.index).matchAll(PASSWORD_NOUN)) {
    const next = first.index + noun.index + noun[0].length;
    if (!DESCRIBED_PASSWORD_NEXT.test(stretch.slice(next, next + 16))) return true;
  }
  return false;
}

function findItResetPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(IT_RESET_TO, text, offsets, (m) => {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) return;
    if (!namesPasswordBefore(text, m.index)) return;
    // Bare, a made password's shape (`reset to the default`, `changed to v2` stay words); quoted, a made mix.
    const span = madePasswordAtEnd(text, m, options.file);
    if (span !== undefined) spans.push(span);
  });
  return spans;
}

/**
 * A password that other units of a kind still have, given in code marks after the paragraph names the password (a runbook's
 * "the modem password is … (same for all units since March; older ones still have \`…\`)", "the rest use \`…\`"). Sticky
 * at the noun for the units.
 */
const OTHERS_HAVE_VALUE =
  /(?:ones|units|devices|boxes|models|hosts|machines|others|rest)[ \t]{1,2}(?:still[ \t]{1,2})?(?:have|has|use|uses|take|takes|keep|run)[ \t]{1,2}`(?<v>[^`\s]{6,100})`/iy;

function findOthersHavePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(OTHERS_HAVE_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    if (!PASSWORD_NOUN_BEFORE.test(text.slice(Math.max(0, m.index - IT_NOUN_REACH), m.index))) return;
    const value = m.groups!['v']!;
    // Every class, the symbol not only a name's `_` or `.` (`OpenSSH_7.4p1`); no version (`FW-2.1.3a`), path or variable.
    if (!hasEveryClass(value) || !/[^A-Za-z0-9_.]/.test(value) || VERSION_DIGITS.test(value) || PATH_OR_VARIABLE_CHAR.test(value)) return;
    if (!isPlausiblePassword(value, options.file)) return;
    spans.push(valueBeforeClosingMark(m, value));
  });
  return spans;
}

/**
 * A line of notes labelled by what takes a password alone, with no user: VNC, a BIOS's or UEFI's setup (a runbook's "- VNC (view
 * only, for the tablet): \`…\`", "- BIOS/setup on both workstations: \`…\`"). The label opens the line or its list item, maybe
 * an aside in brackets after it, then a colon and the value in code marks. Sticky at the label.
 */
const PASSWORD_ONLY_LABEL =
  /(?:vnc|bios|uefi)(?:[ \t/-]{1,2}(?:setup|view-only|access|admin|supervisor))?(?:[ \t]{1,2}\([^()\r\n]{1,80}\))?[ \t]{0,2}:[ \t]{1,4}`(?<v>[^`\s]{6,100})`/iy;
/** What may open a line before its label: blanks, a list's marker, bold. */
const LINE_OPENING = /(?:^|\n)[ \t]{0,8}(?:[-*+][ \t]{1,3}|\d{1,2}[.)][ \t]{1,3})?(?:\*\*)?$/;

function findPasswordOnlyLabels(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(PASSWORD_ONLY_LABEL, text, offsets, (m) => {
    if (!LINE_OPENING.test(text.slice(Math.max(0, m.index - 16), m.index))) return;
    const value = m.groups!['v']!;
    // Letters, a digit and a symbol or both cases; no version (`TigerVNC-1.13`), address, path or variable.
    if (!hasMadePasswordMix(value) || VERSION_DIGITS.test(value) || PATH_OR_VARIABLE_CHAR.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push(valueBeforeClosingMark(m, value));
  });
  return spans;
}

/**
 * A copy of a password kept aside, given under its label after the paragraph names the password and where the real one is
 * kept (a runbook's "the MCA user's password is kept in CyberArk;\n   emergency copy: …"). Sticky at the label.
 */
const PASSWORD_COPY =
  /(?:emergency|backup|spare|fallback|offline|break-?glass)[ \t]{1,2}copy[ \t]{0,2}:[ \t]{1,4}(?<q>[`'"]?)(?<v>[^\s`'"]{6,100})/iy;

function findPasswordCopies(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(PASSWORD_COPY, text, offsets, (m) => {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) return;
    if (!namesPasswordBefore(text, m.index)) return;
    // A copy is as often a file's or a backup's (`backup copy: /srv/…`, `s3://…`): only a made password's shape is taken.
    const span = madePasswordAtEnd(text, m, options.file);
    if (span !== undefined) spans.push(span);
  });
  return spans;
}

/**
 * An administrative account said to be a value, its password meant with no word for it or with the word after the account
 * (a wiki's "Root on the ESXi hosts is …", "The vCenter SSO admin (administrator@vsphere.local) is …", a runbook's
 * "Break-glass root on the Slurm controllers: `…`", "root password on the hosts is …"): the account, maybe what it is on
 * or for, maybe an aside in brackets, then `is`/`was` or a colon. Sticky at the account's word.
 */
const ACCOUNT_IS =
  /(?:administrator|admin|root|superuser)(?:[ \t]{1,2}(?:account|user|login|password|pw))?(?:[ \t]{1,2}\([^()\r\n]{1,60}\))?(?:[ \t]{1,2}(?:on|for|of)[ \t]{1,2}[^:\r\n`'"()]{1,60}?)?(?:[ \t]{1,2}(?:is|was)|[ \t]{0,2}:)[ \t]{1,4}(?<q>[`'"]?)(?<v>[^\s`'"]{6,100})/iy;
/** A capitalised word numbered at its end (`Jenkins2`, `Build12`): a host's or a tool's name. */
const NUMBERED_NAME = /^[A-Z]?[a-z]{1,30}\d{1,4}$/;
/** An e-mail address: what an admin's login is said to be as often as its password. */
const EMAIL_SHAPE = /^[^@\s]{1,64}@[^@\s]{1,200}\.[A-Za-z]{2,}$/;

function findAccountIsPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(ACCOUNT_IS, text, offsets, (m) => {
    // A word of its own: not the end of a name (`document_root:`, `$admin`, `/root`, `site.admin`).
    if (m.index > 0 && /[\w.$\/\\-]/.test(text.charAt(m.index - 1))) return;
    const found = accountValueAt(text, m);
    if (found === undefined) return;
    const { start, value, quote } = found;
    // Without the noun the value must look made: every class bare, letters with a digit and a symbol or both cases quoted,
    // not a name numbered at its end (`Jenkins2`: a host's or a tool's).
    if (quote === '' ? !hasEveryClass(value) : !hasMadePasswordMix(value) || NUMBERED_NAME.test(value)) return;
    // A path, a variable, a version or an address is what an account is said to be as often (`/root`, `${ROOT_PW}`, `v2.1-Beta`).
    if (/[\/\\<>{}()$%]/.test(value) || /^v\d/i.test(value) || EMAIL_SHAPE.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A field of a reStructuredText field list, as Sphinx docstrings write them (`:return: bytes`, `:rtype: str`,
 * `:raises ValueError:`): the line after `… encrypt private key with password` opens the next field, no value.
 */
const FIELD_LIST_NAME = /^:[A-Za-z][\w ]{0,40}$/;
function opensFieldListItem(text: string, start: number, value: string): boolean {
  return FIELD_LIST_NAME.test(value) && text.charCodeAt(start + value.length) === 0x3a; /* : */
}

/**
 * A key, token or secret named in a sentence and given a line or two later as "the new one", "the old one", "the current
 * one" (a chat's "did someone rotate the staging secret? current one in the .env is <value>", a runbook's "The publisher
 * key is in Vault … the old one was `…`"), as "the old value" / "the new value" (a postmortem's "the admin token had been
 * rotated; the old value `…` was still deployed", the value in code marks right after the phrase), or under a
 * `Current:` label (a runbook's "Current (rotated 2024-03-02): `…`" below the paragraph that names the token), or as
 * "the value" that a colon or "is" hands over, set off in code marks or on a line of its own (a doc's "the key lives in
 * 1Password … the value as of the 2024 rotation is:" over an indented block). Sticky at the phrase; `v` is the value after
 * the colon or the verb (or the phrase), on the same line or alone on the next (a blank line may come first, as before
 * Markdown's indented code block), maybe quoted in brackets as an aside (an incident's "the old one" over "(`…`) stayed
 * in the cron environment"). A rotated key is still a key.
 */
const ONE_KEY_VALUE =
  /(?:(?:(?:new|old|current|previous|live|active|valid|working)[ \t](?:one|value)|(?<the>the[ \t]value))\b(?<says>[^\r\n:`'"]{0,60}?(?::|(?:[ \t]|\r?\n[ \t]{0,8})(?:is|was)(?:(?:[ \t]{1,2}|[ \t]{0,4}\r?\n[ \t]{0,20})set[ \t]to)?))?|(?<label>(?:current|old|previous)(?:[ \t]{1,2}\([^()\r\n]{1,40}\))?:))(?:[ \t]{1,4}|[ \t]{0,4}\r?\n(?:[ \t]{0,8}\r?\n)?[ \t]{0,20})(?<paren>\((?=[`'"]))?(?<q>[`'"]?)(?<v>[A-Za-z0-9+/=_\-!@#$%^&*~]{16,200})/iy;
/** A secret's noun, not one that is public by name (public key, site key, publishable key) nor a lookup's (cache key). */
const NAMES_KEY = /(?<!(?:public|site|publishable|primary|foreign|cache)[ \t_-])\b(?:secret|key|token|credential)s?\b/i;
/** How far back (over lines) the phrase looks for the key it refers to. */
const ONE_KEY_REACH = 300;
/** A verb that hands the one that follows over, right before `the new one` (`use the`, `try this`, `here's the`, `paste the`). */
const HANDED_OVER_BEFORE = /\b(?:use|try|take|grab|paste|here'?s|here[ \t]is)[ \t]{1,2}(?:the|this)[ \t]{1,2}$/i;
/** A digest's or a revision's name (`checksum`, `SHA-256`, `commit`). */
const DIGEST_WORDS = String.raw`commit|sha(?:-?\d{1,3})?|hash(?:es)?|checksum|digest|fingerprint|revision|md5|thumbprint`;
const NAMES_DIGEST = new RegExp(String.raw`\b(?:${DIGEST_WORDS})\b`, 'i');
/** Words before a plain "the value" that make it a digest's, a revision's or an identifier's value, not the key's. */
const NOT_THE_KEYS_VALUE = new RegExp(String.raw`\b(?:${DIGEST_WORDS}|ids?|identifier|serial)\b`, 'i');

/**
 * Whether a bare value ends at the character `after` it: a blank, a clause's stop, or in a JSON file the closing quote of
 * the string it stands in (a chat export's message that ends with the value: `"text": "… new one is <value>"`).
 */
function endsBareValue(after: string, file: string | undefined): boolean {
  return !/[^\s.,;:)]/.test(after) || (after === '"' && file !== undefined && JSON_STRING_FILE.test(file));
}

/** Where the last secret's noun in `before` ends (NAMES_KEY's nouns); 0 when there is none. */
const NAMES_KEY_ALL = new RegExp(NAMES_KEY.source, 'gi');
function lastKeyNounEnd(before: string): number {
  let end = 0;
  NAMES_KEY_ALL.lastIndex = 0;
  for (let m = NAMES_KEY_ALL.exec(before); m !== null; m = NAMES_KEY_ALL.exec(before)) end = m.index + m[0].length;
  return end;
}

/** A name and `=` at a value's start: `HUBSPOT_TOKEN=…`, an assignment rather than a value. */
const NAME_ASSIGNED = /^[A-Za-z_][A-Za-z0-9_]{0,60}=[^=]/;

function findOneKeyValues(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(ONE_KEY_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    const before = text.slice(Math.max(0, m.index - ONE_KEY_REACH), m.index);
    const keyEnd = lastKeyNounEnd(before);
    if (keyEnd === 0) return;
    // "The one" is the last thing named before it: a checksum, a digest or a commit named after the key (`file checksum
    // (to check you have the current one): …`) is the one given. (A key's id named after it, `key id: mk-7.`, is given its own value.)
    if (NAMES_DIGEST.test(before.slice(keyEnd))) return;
    const raw = m.groups!['v']!;
    const quote = m.groups!['q']!;
    // An assignment set off below the phrase (`the working one:` over `    HUBSPOT_TOKEN=pat-…`): the name is no part of the
    // value, and the assignment rules read the value under its name.
    if (NAME_ASSIGNED.test(raw)) return;
    // A plain "the value" is any setting's: it hands over a key only with a colon or a verb, the value set off in code
    // marks or on a line of its own, and no digest, revision or id named before it.
    if (m.groups!['the'] !== undefined && (m.groups!['says'] === undefined || (quote === '' && !m[0].includes('\n')) || NOT_THE_KEYS_VALUE.test(before) || NOT_THE_KEYS_VALUE.test(m.groups!['says']))) return;
    // Right after the phrase, with no colon or verb (`the old value` / `` `…` `` was still deployed), only a quoted value is one,
    // or a bare one that a chat's reply hands over with a verb before the phrase (`use the new one … until it is in the vault`).
    const handedBare = quote === '' && m.groups!['says'] === undefined && m.groups!['label'] === undefined;
    if (handedBare && !HANDED_OVER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return;
    const after = text.charAt(m.index + m[0].length);
    // Quoted, the quote must close right after (and the aside's bracket after it); bare, the value must end there.
    if (quote !== '' ? after !== quote : !endsBareValue(after, options.file)) return;
    // An aside on the phrase's own line is secret-it-is-prose's (`the old one (\`…\`) leaked`); here, one that opens the next.
    if (m.groups!['paren'] !== undefined && (!m[0].includes('\n') || text.charAt(m.index + m[0].length + 1) !== ')')) return;
    // A generated key's shape: letters and digits mixed, long enough, not a name of words; a commit's 40 hex digits are no key.
    if (!/\d/.test(raw) || !/[A-Za-z]/.test(raw) || /^[0-9a-f]{40}$/.test(raw)) return;
    if (!looksGenerated(raw) || isNameShaped(raw) || !isPlausibleSecret(raw, { category: 'KEY', quoted: quote !== '', file: options.file })) return;
    // Bare in a chat's reply, no part of it a word (`rel-2024-06-01-build-3317-x64` is a build's name).
    if (handedBare && WORD_PART.test(raw)) return;
    const start = m.index + m[0].length - raw.length;
    spans.push({ start, end: start + raw.length });
  });
  return spans;
}

/**
 * A key, token or password named in a sentence and given later in it as "it's `…`" / "it is `…`" after a clause (a
 * handover note's "please don't paste the Rails master key anywhere; it's `…` on the old box"). Sticky at `it`; only a
 * value in quotes or code marks counts, and the sentence before it must name the secret; the sentence may wrap from the
 * line above (a runbook's "check the API token\nin `/etc/app.env` — it currently is `…`"), and a word of time may stand
 * between `it` and the verb.
 */
const IT_IS_VALUE =
  /(?:it(?:'s|[ \t](?:(?<now>currently|still|now|usually)[ \t])?(?:is|was))[ \t]{1,4}(?<q>[`'"])|(?:is|was|(?<set>set[ \t]to))[ \t](?<bq>`)|until[ \t][^\r\n:`'"()]{1,40}?:[ \t]{1,3}(?<uq>`)|(?:(?:copied|pasted|entered|loaded)[ \t](?:in|into[ \t][^\r\n:`'"()]{1,30}?)|(?:rotated|changed|updated|regenerated)[ \t]to|deployed|installed|issued|generated)[ \t]{0,2}:[ \t]{1,3}(?<vq>`)|\((?<pq>`))(?<v>[^\s`'"]{6,200})/iy;
/** Before `set to`, the verb that makes it one clause with its subject (`the password for new units is set to \`…\``). */
const SET_TO_VERB = /\b(?:is|was|been|be|got|gets)[ \t]{1,2}$/i;
/**
 * Between a secret's noun and a value in brackets, a word that makes the bracket another thing's (`the token fix commit (\`…\`)`),
 * or a policy's setting (`passwords follow the domain GPO (\`…\`)`, `keys meet the rotation rules (\`…\`)`).
 */
const OTHER_THING = /\b(?:commit|sha|hash|digest|revision|version|build|release|ticket|issue|id|name|path|file|prefix|suffix|format|example|placeholder|variable|header|field|column|setting|flag|option|policy|policie|gpo|rule|requirement)s?\b/i;
/** How far a value in brackets may stand from the secret's noun (`the production token from the kickoff email (\`…\`)`). */
const PAREN_NOUN_DISTANCE = 40;
/** A secret's noun, the last one in the sentence before `it's` (not a public one by name: public key, site key). */
const SECRET_NOUN = /(?<!(?:public|site|publishable|primary|foreign|cache|sort|partition)[ \t_-])\b(?:secret|key|token|credential|password|passphrase)s?\b/gi;
/** A word right after the secret's noun that makes the phrase about it, not it (`password policy`, `key fingerprint`, `token format`). */
const DESCRIBED_NOUN_NEXT =
  /^[ \t_-](?:policy|policies|rules?|requirements?|complexity|length|format|hash|hashes|digest|fingerprint|checksum|id|ids|name|file|path|type|field|label|hint|prompt|reset|rotation|expiry|manager|store|vault|header)\b/i;
/** How far back on its line `it's` looks for the sentence that names the secret, and how far the noun may be from it. */
const IT_IS_REACH = 160;
const IT_IS_NOUN_DISTANCE = 60;
/** Without `it` (`the token we rotated away from was \`…\``), how far the verb may be from the noun, and what ends the clause. */
const BARE_VERB_NOUN_DISTANCE = 40;
const WORD_PART = /(?:^|[-_.])[A-Za-z]{4,}(?:[-_.]|$)/;
const CLAUSE_BREAK = /[,;:()]|[ \t][-–—][ \t]/;
/**
 * After the noun, a comma and a phrase whose `one` stands for it, right before a bracketed value (an action item's "its own
 * key, not the shared one (\`…\`)"): the comma opens no other clause, the value is still a key.
 */
const ONE_FOR_THE_NOUN = /^,[ \t](?:not[ \t])?(?:the|our|that|this)[ \t][a-z]{2,20}[ \t](?:[a-z]{2,20}[ \t])?one[ \t]$/i;

function findItIsValues(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(IT_IS_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) return;
    // The verb alone (`the last token we rotated away from was \`…\``): the secret's noun is the clause's subject.
    const bare = m.groups!['bq'] !== undefined;
    // `until …:` right after the noun (`the ArcGIS token until SSO works: \`…\``), or the value in brackets a few words after it.
    // A verb of putting the value in place right after the noun, then a colon, names it the same way (a postmortem's
    // timeline `new HMAC key copied in: \`…\``, `the webhook secret rotated to: \`…\``).
    const until = m.groups!['uq'] !== undefined || m.groups!['vq'] !== undefined;
    const paren = m.groups!['pq'] !== undefined;
    const quote = bare || until || paren ? '`' : m.groups!['q']!;
    const raw = m.groups!['v']!;
    if (text.charAt(m.index + m[0].length) !== quote) return;
    // The sentence `it` belongs to, as prose wraps it: back to the last full stop, question or exclamation mark before a space.
    let before = wrappedSentenceBefore(text, m.index).slice(-IT_IS_REACH);
    // `set to` takes its clause's verb (`is set to`): the noun is read before the verb, as for a bare `is`.
    if (m.groups!['set'] !== undefined) {
      const verb = SET_TO_VERB.exec(before);
      if (verb === null) return;
      before = before.slice(0, verb.index);
    }
    const sentenceEnd = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
    const sentence = sentenceEnd === -1 ? before : before.slice(sentenceEnd + 2);
    let noun: RegExpExecArray | null = null;
    SECRET_NOUN.lastIndex = 0;
    for (let n = SECRET_NOUN.exec(sentence); n !== null; n = SECRET_NOUN.exec(sentence)) noun = n;
    if (noun === null || sentence.length - (noun.index + noun[0].length) > IT_IS_NOUN_DISTANCE) return;
    const between = sentence.slice(noun.index + noun[0].length);
    // Without `it`, the noun and the verb are one clause: no comma, colon, semicolon or dash between them, and close.
    if (bare && (between.length > BARE_VERB_NOUN_DISTANCE || CLAUSE_BREAK.test(between))) return;
    // `until` follows the noun right away; a bracket closes the noun's clause, with no other thing named between.
    if (until && !/^[ \t]{1,2}$/.test(between)) return;
    if (paren && (between.length > PAREN_NOUN_DISTANCE || (CLAUSE_BREAK.test(between) && !ONE_FOR_THE_NOUN.test(between)) || OTHER_THING.test(between))) return;
    // A noun that a word after it describes (`password policy`, `key fingerprint`) names no secret: `it` is the policy.
    if (DESCRIBED_NOUN_NEXT.test(sentence.slice(noun.index + noun[0].length))) return;
    // A digest taken of or for the noun heads the clause (`the cert thumbprint for ADFS token signing is \`…\``): hex is that digest.
    if (/^[0-9A-Fa-f]{32,128}$/.test(raw) && DIGEST_OF_BEFORE.test(sentence.slice(0, noun.index))) return;
    const word = noun[0].toLowerCase();
    if (word.startsWith('pass')) {
      // A password's shape: letters and a digit, with a symbol or both cases.
      if (!hasMadePasswordMix(raw)) return;
      // A name's words are joined by `_ . -` at most: a symbol beyond those (`!`, `&`, `#`) is a password's.
      if ((isNameShaped(raw) && !/[^A-Za-z0-9_.-]/.test(raw)) || !isPlausiblePassword(raw, options.file)) return;
      spans.push({ start: m.index + m[0].length - raw.length, end: m.index + m[0].length, category: 'PASS' });
      return;
    }
    // A generated key's shape, as `key-one-prose` takes it: a commit's 40 hex digits are no key, unless the noun names the
    // value right before it (`until …:`, in brackets) or the words say what the key is now (`it currently is \`…\``): a
    // commit is what something was built from, not what a key currently is. An ArcGIS token ends in two dots.
    const core = raw.replace(/[A-Za-z0-9]\.{2}$/, (end) => end.charAt(0));
    const statesValue = until || paren || m.groups!['now'] !== undefined;
    if (core.length < 16 || !/^[A-Za-z0-9+/=_-]+$/.test(core) || !/\d/.test(core) || !/[A-Za-z]/.test(core) || (/^[0-9a-f]{40}$/.test(core) && !statesValue)) return;
    // Named right before its value (`until …:`, a verb of putting it in place and a colon), a key drawn from letters of both
    // cases may hold a single digit (a 22-character webhook signature key): its spread says it is drawn, as digits would.
    const drawn = looksGenerated(core) || (until && core.length >= 20 && mixesClasses(core, 3) && shannonEntropy(core) >= 4);
    if (!drawn || isNameShaped(core) || !isPlausibleSecret(core, { category: 'KEY', quoted: true, file: options.file })) return;
    // Without `it`, a word among the value's parts (`session-2024-01-15-user-42`) makes it a label or a lookup key.
    if ((bare || until || paren) && WORD_PART.test(core)) return;
    spans.push({ start: m.index + m[0].length - raw.length, end: m.index + m[0].length, category: word.startsWith('token') ? 'TOKEN' : 'KEY' });
  });
  return spans;
}

/**
 * A key, token or secret named in a sentence and handed over bare at its end by "is" or "was", a few words after the
 * noun, maybe on the next line as a mail wraps it (a wiki's "The temporary key Priya made on 2025-01-14 is 6BFC…",
 * a mail's "the API key for the test environment is\n2ad2…"). Sticky at the space before the verb; `v` is the value.
 * `generic-assignment` reads the noun right before the verb (`API key is …`), `secret-it-is-prose` a value in code marks.
 */
const KEY_IS_BARE = /[ \t](?:is|was|it's)(?:[ \t]{1,4}|[ \t]{0,4}\r?\n[ \t]{0,8})(?<v>[A-Za-z0-9+/=_-]{20,200})(?=[\s.,;:)]|$)/y;
/** How far the noun may stand before the verb, and how far back on its line the sentence is read. */
const KEY_IS_NOUN_DISTANCE = 48;
const KEY_IS_REACH = 200;
/** A key's, token's or secret's noun (not a password's: `password-in-prose` reads those), not one public or a lookup's by name. */
const KEY_NOUN = /(?<!(?:public|site|publishable|primary|foreign|cache|sort|partition|host|idempotency|license|licence|product|registry|object|map|dictionary)[ \t_-])\b(?:secret|key|token|credential)s?\b/gi;
/** A verb of source control (`the key we built from was <hex>`): the hex after it is a revision. */
const SOURCE_CONTROL_VERB = /\b(?:built|merged|tagged|pushed|committed|checked[ \t]out|cherry-picked|reverted)\b/i;
/** Hex of a digest's or a generated key's length: 32, 40 or 64 digits in one case. */
const KEY_HEX = /^(?:[0-9a-f]{32}|[0-9A-F]{32}|[0-9a-f]{40}|[0-9A-F]{40}|[0-9a-f]{64}|[0-9A-F]{64})$/;

/**
 * A line that opens a paragraph's unit of its own: a list item, a heading, a quote, a table row, or a chat export's message
 * under its bracketed time (`[09/09/2024 08:31] Dev: …`, `[08:31] dev: …`): the line before is another message, not a wrap.
 */
const OWN_LINE_START = /^[ \t]{0,8}(?:[-*+>#|]|\d{1,3}[.)]|\[\d{1,4}[/:.-]\d)/;

/**
 * The text of the sentence before `at` as prose wraps it: back over up to two line breaks (a list item's or a mail's
 * continued lines, `- … The temporary key\n  Priya made … is`), not past a blank line or into a line above one that
 * opens an item or a heading; line breaks and their indentation read as one space.
 */
function wrappedSentenceBefore(text: string, at: number): string {
  let start = at;
  for (let lines = 0; ; lines++) {
    while (start > 0 && at - start < KEY_IS_REACH && text.charCodeAt(start - 1) !== 0x0a) start--;
    if (lines === 2 || start === 0 || at - start >= KEY_IS_REACH || OWN_LINE_START.test(text.slice(start, Math.min(at, start + 12)))) break;
    const above = lineBounds(text, start - 1, KEY_IS_REACH);
    if (text.slice(above.start, above.end).trim() === '') break;
    start = above.start;
  }
  return text.slice(start, at).replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

/**
 * A bracketed aside that names a key's algorithm (`signing secret (HMAC-SHA256) is …`, `key (AES-256-GCM) is …`, `(HS512)`):
 * the key's kind, so neither a clause of its own between noun and verb nor a digest's `SHA256` that would make the value one.
 */
const KEY_KIND_ASIDE = /[ \t]\((?:HMAC|AES|HS\d{3})[\w ,/-]{0,30}\)/gi;
/**
 * A bracketed aside that says what the key may do or where it works (`the REST API key for the sync script (read-only) is …`,
 * `(test only)`, `(prod)`): the key's scope, no clause of its own between noun and verb.
 */
const KEY_SCOPE_ASIDE = /[ \t]\((?:read[ -]?only|read[ /-]?write|write[ -]?only|full[ -]access|admin|scoped|restricted|test|live|prod|production|staging|sandbox|dev)(?:[ -]only)?\)/gi;

function withoutKeyKindAside(sentence: string): string {
  return sentence.includes('(') ? sentence.replace(KEY_KIND_ASIDE, '').replace(KEY_SCOPE_ASIDE, '') : sentence;
}

/** A comma right before the verb's `it's`, as a conditional clause ends (`If you need the API key, it's …`). */
const IT_AFTER_COMMA = /,$/;

/**
 * Where the key is kept, said on the way (`the roof token in the unit file is …`, `the key from our config file was …`): the
 * file there names a place, not what the value is, so it is not the key's file (`the key file is …`) that OTHER_THING reads.
 */
const FILE_PLACE = /[ \t](?:in|from|inside)[ \t]{1,2}(?:the|a|our|its|this|that)[ \t]{1,2}(?:[\w.-]{1,24}[ \t]{1,2}){0,2}file\b/gi;

function withoutFilePlace(sentence: string): string {
  return sentence.includes('file') ? sentence.replace(FILE_PLACE, '') : sentence;
}

function findKeyIsBareValues(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(KEY_IS_BARE, text, offsets, (m) => {
    const raw = m.groups!['v']!;
    const end = m.index + m[0].length;
    // A sentence's full stop may follow the value; a dot inside it makes a name or a host.
    if (text.charAt(end) === '.' && /\S/.test(text.charAt(end + 1))) return;
    // `it's` after the clause that names the key (`If you need the API key, it's …`): its comma parts no clauses.
    const before = wrappedSentenceBefore(text, m.index).replace(IT_AFTER_COMMA, '');
    const sentenceEnd = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('; '));
    const sentence = withoutKeyKindAside(withoutFilePlace(sentenceEnd === -1 ? before : before.slice(sentenceEnd + 2)));
    let noun: RegExpExecArray | null = null;
    KEY_NOUN.lastIndex = 0;
    for (let n = KEY_NOUN.exec(sentence); n !== null; n = KEY_NOUN.exec(sentence)) noun = n;
    if (noun === null) return;
    const between = sentence.slice(noun.index + noun[0].length);
    // One clause from the noun to the verb, and about the key itself: not its id, digest, name or format, nor another thing's.
    if (between.length > KEY_IS_NOUN_DISTANCE || CLAUSE_BREAK.test(between) || DESCRIBED_NOUN_NEXT.test(between)) return;
    if (OTHER_THING.test(sentence) || NOT_THE_KEYS_VALUE.test(sentence) || SOURCE_CONTROL_VERB.test(sentence)) return;
    // A key made for browsers by the words before the noun (`The Storefront API access token is …`) is public by design.
    if (isPublicClientKey([], [...proseWordsBefore(sentence, noun.index), noun[0].toLowerCase().replace(/s$/, '')])) return;
    // A vendor's prefix and the key's mode (`gfl_live_`, `sk_test_`) are words by design; the drawn part after them is judged.
    const drawn = raw.replace(KEY_MODE_PREFIX, '');
    const generated = looksGenerated(raw) && !WORD_PART.test(drawn) && !isNameShaped(drawn);
    if (UUID.test(raw) || (!KEY_HEX.test(raw) && !generated && !isDrawnLettersJoined(raw))) return;
    if (!isPlausibleSecret(raw, { category: 'KEY', quoted: true, file: options.file })) return;
    spans.push({ start: end - raw.length, end, category: noun[0].toLowerCase().startsWith('token') ? 'TOKEN' : 'KEY' });
  });
  return spans;
}

/**
 * A prefixed key's vendor letters and its mode (`gfl_live_`, `sk_test_`, `rk_prod_`, `acme_sandbox_`), before a drawn part of
 * sixteen letters and digits or more: the mode names which of the vendor's environments the key works in.
 */
const KEY_MODE_PREFIX = /^[a-z]{2,10}_(?:live|test|prod|sandbox|dev)_(?=[A-Za-z0-9]{16})/;

/**
 * A value handed over first and named after it, as chat does ("use 4b88…a780 that's the live-ops key", "…, which is the
 * new token"): the clause from `that's`/`which is` to the noun, a few words between, not the noun's id, name or file.
 */
const NAMED_AFTER = /^(?:that's|that[ \t]is|which[ \t]is|that[ \t]was)[ \t]{1,2}(?:the|our|my|your)[ \t]{1,2}(?:[A-Za-z][\w-]{0,20}[ \t]{1,2}){0,3}?(?<noun>(?:api[ \t])?(?:key|token|secret))\b(?![ \t_-]?(?:id|ids|name|file|path|fingerprint|hash|digest|format|prefix)\b)/i;
/** How far the clause is read after `that's`, and how far back the value may run before it. */
const NAMED_AFTER_REACH = 80;
const NAMED_AFTER_VALUE_REACH = 200;

/** The value right before `at`, past a comma or dash and a closing code mark: its bounds, or undefined. */
function valueBefore(text: string, at: number): { start: number; end: number } | undefined {
  let end = at;
  while (end > 0 && at - end < 4 && /[ \t,\u2014\u2013-]/.test(text.charAt(end - 1))) end--;
  if (end === at) return undefined;
  const quote = text.charAt(end - 1);
  if (quote === '`' || quote === '"' || quote === "'") end--;
  let start = end;
  while (start > 0 && end - start < NAMED_AFTER_VALUE_REACH && /[A-Za-z0-9+/=_-]/.test(text.charAt(start - 1))) start--;
  if (start === end || (start > 0 && !/[\s`"'(:]/.test(text.charAt(start - 1)))) return undefined;
  return { start, end };
}

function findValuesNamedAfter(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (offset > 0 && isWordCode(text.charCodeAt(offset - 1))) continue;
    const clause = NAMED_AFTER.exec(text.slice(offset, offset + NAMED_AFTER_REACH));
    if (clause === null) continue;
    const value = valueBefore(text, offset);
    if (value === undefined) continue;
    const raw = text.slice(value.start, value.end);
    if (raw.length < 20 || UUID.test(raw)) continue;
    if (!KEY_HEX.test(raw) && (!looksGenerated(raw) || !/[A-Za-z]/.test(raw) || WORD_PART.test(raw) || isNameShaped(raw))) continue;
    if (!isPlausibleSecret(raw, { category: 'KEY', quoted: true, file: options.file })) continue;
    spans.push({ start: value.start, end: value.end, category: /token/i.test(clause.groups!['noun']!) ? 'TOKEN' : 'KEY' });
  }
  return spans;
}

/**
 * Letters of both cases drawn at random with `+`, `-`, `_` or `/` among them and no digit (a PagerDuty REST API key,
 * `u+GxnMP-WJ…`): the case switches often and small letters never run long, and vowels are few, as in a draw of 52 letters
 * (about one in five) and never in words or names joined the same way (`Read-Only-Access-Key`, about two in five).
 */
const LETTERS_WITH_MARKS = /^(?=[A-Za-z]{0,64}[+/_-])[A-Za-z+/_-]{16,64}$/;
const LOWER_RUN = /[a-z]{6}/;
function isDrawnLettersJoined(value: string): boolean {
  if (!LETTERS_WITH_MARKS.test(value)) return false;
  const letters = value.replace(/[+/_-]/g, '');
  if (letters.length < 16 || LOWER_RUN.test(letters) || !/[A-Z]/.test(letters) || !/[a-z]/.test(letters)) return false;
  const vowels = letters.replace(/[^aeiouAEIOU]/g, '').length;
  return vowels * 10 <= letters.length * 3 && characterSwitches(letters) * 20 >= letters.length * 7 && new Set(letters).size >= 12;
}

/** Digits spread through the value in three runs or more (not words with a number here and there), and many distinct characters. */
function looksGenerated(value: string): boolean {
  if ((value.match(/\d+/g) ?? []).length < 3) return false;
  return new Set(value).size >= Math.min(12, value.length / 2);
}

/**
 * A password named in one sentence and handed over in the next on the same line, as "the new one" (a ticket's or a mail's
 * "The broker rotated the password last night. New one from their mail: …", "… reset the passphrase, the new one is …"),
 * or as the current one, or as the old or the previous one, which is a password too (a runbook's "the HSM password is
 * rotated; the old one `…` is revoked", a wiki's "password in the vault. (Old one was …; it's dead)"); the sentence may
 * go on over a line break with an aside (a runbook's "the SQL login was rotated. The current one\n(as of the April
 * rotation) is `…`"). Sticky at the phrase; `v` is the value after
 * the colon or the verb. The line before it must name the password, or a login or credentials that were rotated or reset.
 * An incident's write-up says "value" for "one" and pairs them (a password rotated on the server but not in the config:
 * "Old value `…`, new value …"), sets the value off in brackets ("still had the old one (`…`). The new value (…) had been
 * pushed"), or calls it the one that accounts changed alike now share ("we changed them all; the shared value is now …").
 */
const NEW_ONE_VALUE =
  /(?:(?:new|current|old|previous|shared)(?:\*{1,2}|_{1,2})?[ \t](?:one|value)\b(?:[ \t]{1,4}(?:(?<right>[`'"])|\((?<aside>[`'"]?))|[ \t]{0,2}\r?\n[ \t]{0,12}\((?<wrapped>[`'"]?))|(?:new|current|old|previous|shared)(?:\*{1,2}|_{1,2})?[ \t](?:one|value|(?<pw>pwd?))\b(?:(?<comma>[ \t]{0,2},(?:[ \t]{1,2}it(?:'s|[ \t](?:is|was)))?)|(?:[ \t]{0,4}\r?\n[ \t]{0,20}(?=(?<next>[(a-z])))?[^\r\n:`'"]{0,60}?(?::|[ \t](?:is|was)(?:[ \t]{1,2}now)?)|(?<paired>(?<=(?:new|current)[ \t]value)))[ \t]{1,4}(?<q>[`'"]?))(?<v>[^\s`'"]{6,100})/iy;
/** The phrase with its adjective set in Markdown's emphasis (`the *previous* one`, `the **new** one`), as a wiki stresses it. */
const NEW_ONE_EMPHASISED_KEYWORDS = ['new', 'current', 'old', 'previous'].flatMap((word) => ['*', '**', '_', '__'].map((mark) => `${word}${mark} one`));
/**
 * The lines before a chat's or a mail's "new one" that ask about a login or say it changed: an account, a login or
 * credentials named, and a change (a chat's "anyone changed the envision account?" / "yes, rotated it friday. new one is …").
 */
const NAMES_LOGIN_NOUN = /\b(?:accounts?|logins?|credentials?|creds)\b/i;
const SAYS_CHANGED = /\b(?:rotated|reset|changed)\b/i;
const NAMES_PASSWORD = /pass(?:word|phrase)\b|\b(?:login|credentials?)\b[^\r\n]{0,40}?\b(?:rotated|reset)\b/i;
/** How far back on its line `new one` looks for the password it refers to. */
const NEW_ONE_REACH = 160;

/**
 * Things other than a password that have new and old ones, named between the password and the phrase: then the one is
 * that thing (a certificate, a key, a release, a ticket).
 */
const OTHER_RENEWED_THING =
  /\b(?:cert(?:ificate)?s?|keys?(?![ \t]?vault)|tokens?|releases?|versions?|builds?|images?|firmware|licen[cs]es?|tickets?|branch(?:es)?|tags?|commits?)\b/i;
/** The old one named before "new value …" in the sentence that pairs them. */
const OLD_ONE_BEFORE = /\b(?:old|previous)[ \t](?:one|value)\b/i;

/**
 * A value whose shape says it names a thing: a version (`2024.1`, `v12.4`), a file (`historian.yaml`), a host
 * in small letters (`sql01.example.corp`) or a ticket's id (`SB-1201`).
 */
function isNamedThingShape(value: string): boolean {
  return /\d\.\d/.test(value) || /\.[a-z]{2,5}$/.test(value) || /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}$/.test(value) || /^[A-Z][A-Z0-9]{1,9}-\d{1,7}$/.test(value);
}

/**
 * The value the phrase gives: bare, without the sentence's final stop or comma; in brackets (`the old one (\`…\`)`), all up
 * to the closing bracket, which must follow it (after the quote, when quoted). Undefined where the brackets hold more.
 */
function valueOfNewOne(text: string, g: Record<string, string | undefined>, raw: string, end: number): string | undefined {
  const aside = g['aside'] ?? g['wrapped'];
  if (aside === undefined) return g['q'] === '' ? raw.replace(/[.,;:)]+$/, '') : raw;
  if (aside !== '') return text.charAt(end) === aside && text.charAt(end + 1) === ')' ? raw : undefined;
  const close = raw.indexOf(')');
  return close > 0 && !raw.slice(0, close).includes('(') ? raw.slice(0, close) : undefined;
}

/**
 * Where the sentence a line goes on with may start: a line that opens in small letters continues the paragraph's sentence
 * from the line before (a wiki's "the Dublin site\nstill uses the old one, …"), which is then read back too, as far as
 * NEW_ONE_REACH; any other line starts its own.
 */
function paragraphLineStart(text: string, lineStart: number): number {
  if (lineStart < 2 || !/^[ \t]{0,12}[a-z]/.test(text.slice(lineStart, lineStart + 13))) return lineStart;
  const previousEnd = text.charCodeAt(lineStart - 2) === 0x0d ? lineStart - 2 : lineStart - 1;
  let start = previousEnd;
  while (start > 0 && previousEnd - start < NEW_ONE_REACH && text.charCodeAt(start - 1) !== 0x0a) start--;
  // A blank line ends the paragraph: nothing before it is read.
  return text.slice(start, previousEnd).trim() === '' ? lineStart : start;
}

function findNewOnePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(NEW_ONE_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    // Over a line break the sentence goes on in small letters or an aside in brackets; a capital starts another one.
    const next = m.groups!['next'];
    if (next !== undefined && isUpperCode(next.charCodeAt(0))) return;
    let lineStart = m.index;
    while (lineStart > 0 && m.index - lineStart < NEW_ONE_REACH && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
    const sentence = text.slice(paragraphLineStart(text, lineStart), m.index);
    // `the old pw` names the password itself; otherwise the line names it, or (a chat's message a line or two later) the
    // lines before it do: the password, or a login that changed; a value of every class then, as no word of a chat is.
    let earlier = false;
    if (m.groups!['pw'] === undefined) {
      const named = NAMES_PASSWORD.exec(sentence);
      if (named !== null) {
        // "The password policy changed; the new one is …": the one is a policy, a rule or a format, not a password. A
        // prompt's colon is no such word: the one it is answered with is the password (`# password prompt: use the one in
        // the vault, not the old one, …`).
        const after = sentence.slice(named.index + named[0].length);
        if (DESCRIBED_PASSWORD_NEXT.test(after) && !ANSWERED_PROMPT_NEXT.test(after)) return;
      } else if (namedInLinesBefore(text, lineStart, m.index)) earlier = true;
      else return;
      // The one is the password only if nothing else that comes in new and old ones is named after it (`the password is
      // fine, the cert expired. The new one (…)`).
      if (OTHER_RENEWED_THING.test(sentence.slice(named === null ? 0 : named.index))) return;
    }
    const raw = m.groups!['v']!;
    // Right after the phrase, the quote must close right after the value (`the old one \`…\` is revoked`).
    const right = m.groups!['right'];
    if (right !== undefined && text.charAt(m.index + m[0].length) !== right) return;
    const end = m.index + m[0].length;
    const value = valueOfNewOne(text, m.groups!, raw, end);
    if (value === undefined) return;
    // "new value …" right after the phrase only where the sentence pairs it with the old one ("Old value `…`, new value …"),
    // and the value ends its clause.
    if (m.groups!['paired'] !== undefined && (!OLD_ONE_BEFORE.test(sentence) || !POSTED_VALUE_END.test(text.slice(end - raw.length + value.length, end - raw.length + value.length + 8)))) return;
    // A password's shape: letters and a digit, with a symbol or both cases (a reference or a path has none, or opens with one).
    // Quoted in the sentence that names the password, letters and a digit are enough, a word and one digit too (`The old one
    // was "harbour7"`, as people make one): the quotes set the value apart as the words given for it.
    const quoted = (m.groups!['q'] !== undefined && m.groups!['q'] !== '') || right !== undefined;
    const mixed = hasMadePasswordMix(value) || (quoted && !earlier && /[A-Za-z]/.test(value) && /\d/.test(value));
    if (!mixed || (earlier && !hasEveryClass(value)) || isNamedThingShape(value)) return;
    // After a comma the value stands alone in its clause (`use the new one, …` ends there or goes on after a dash or a bracket).
    const comma = m.groups!['comma'];
    if (comma !== undefined && m.groups!['q'] === '' && /^[^\s.,;:)]/.test(text.slice(m.index + m[0].length))) return;
    // `the old pw,` hands a value over only with `it's` (`the old pw, reset-link-2024 is dead` names a link).
    if (m.groups!['pw'] !== undefined && comma !== undefined && !/it/i.test(comma)) return;
    // Words joined by a slash are a path (`the old one, \`docs/Passwords-2023.md\`, is gone`).
    if (/^[-$<%{[(]/.test(value) || /[A-Za-z]{3}\/[A-Za-z]{3}/.test(value) || NESTED_ASSIGNMENT.test(value) || !isPlausiblePassword(value, options.file)) return;
    const start = m.index + m[0].length - raw.length;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * Accounts set up alike and said to share one password, given in code marks (a wiki's "Test logins on the staging portal
 * all use `…` and are wiped nightly", "the demo accounts share `…`"). Sticky at the plural noun; `v` is the code span.
 */
const SHARED_LOGIN_VALUE = /(?:logins|accounts|users)\b[^\r\n.;:!?`]{0,60}?[ \t](?:all[ \t]{1,2}|both[ \t]{1,2})?(?:use|share)[ \t]{1,2}`(?<v>[^`\s]{8,100})`/iy;
/** What makes accounts alike by setup, in the words before the noun or between it and the verb (`Test logins`, `the kiosk users`). */
const SET_UP_ALIKE = /\b(?:test|testing|demo|sandbox|staging|shared|training|guest|qa|kiosk|lab|seed|seeded|sample)\b/i;

function findSharedLoginPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(SHARED_LOGIN_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    const lineBefore = text.slice(Math.max(lineBounds(text, m.index, 40).start, m.index - 40), m.index);
    if (!SET_UP_ALIKE.test(lineBefore) && !SET_UP_ALIKE.test(m[0])) return;
    const value = m.groups!['v']!;
    // Every class, the symbol not only a name's `_` or `.` (`Standard_D2s_v3`, `TLSv1.2` are settings); no path or variable.
    if (!hasEveryClass(value) || !/[^A-Za-z0-9_.]/.test(value) || PATH_OR_VARIABLE_CHAR.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push(valueBeforeClosingMark(m, value));
  });
  return spans;
}

/**
 * One account said to still use a value after the paragraph has named a password (a mail's "Username is … and the password
 * is …. The DEFRA account still uses …"): the verb takes the password for its object, as `the accounts share \`…\`` does.
 * Sticky at the noun; `v` is the value, bare or quoted.
 */
const ACCOUNT_USES_VALUE = /(?:account|login)[ \t]{1,2}(?:still[ \t]{1,2})?uses[ \t]{1,2}(?<q>[`'"]?)(?<v>[^\s`'"]{6,100})/iy;
/** How far back in its paragraph the phrase looks for the password named before it. */
const ACCOUNT_USES_REACH = 300;
/** A word and then a number of two or more digits (`kestrel1987`, `Harbour42`): how people make a password of their own. */
const WORD_THEN_NUMBER = /^[A-Za-z]{4,40}\d{2,8}$/;

/** The text of the paragraph before `at`, within `reach`: the lines after the last blank one. */
function paragraphBefore(text: string, at: number, reach: number): string {
  const lines = text.slice(Math.max(0, at - reach), at).split('\n');
  let first = lines.length - 1;
  while (first > 0 && lines[first - 1]!.trim() !== '') first--;
  return lines.slice(first).join('\n');
}

function findAccountUsesPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(ACCOUNT_USES_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    if (!/\bpass(?:word|phrase)\b/i.test(paragraphBefore(text, m.index, ACCOUNT_USES_REACH))) return;
    const raw = m.groups!['v']!;
    const quote = m.groups!['q']!;
    const end = m.index + m[0].length;
    if (quote !== '' && text.charAt(end) !== quote) return;
    const value = quote === '' ? raw.replace(/[.,;:)]+$/, '') : raw;
    const start = end - raw.length;
    if (quote === '' && !POSTED_VALUE_END.test(text.slice(start + value.length, start + value.length + 8))) return;
    // Eight or more, made as people make a password: a word and a number after it (`kestrel1987`), or a password's mix; a
    // tool's, a scheme's or a version's name has its digits inside (`sha256sum`) or is named so.
    if (value.length < 8 || !(WORD_THEN_NUMBER.test(value) || hasMadePasswordMix(value)) || isNamedThingShape(value) || PATH_OR_VARIABLE_CHAR.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A value handed over for the time being, after a colon (a chat's "new one is in the vault. For now: …", "until then: …", "in
 * the meantime: …"), or as a clause of its own, "it's …" (a chat's "the CI password rotated, new one is in the vault" / "vault's
 * down" / "ok fine, it's …"): a password only where the lines before it are about a login whose real value is kept or was
 * changed elsewhere. Sticky at the phrase; `v` is the value, bare or quoted.
 */
const INTERIM_VALUE = /(?:(?:for[ \t]now|until[ \t]then|in[ \t]the[ \t]meantime|meanwhile):|(?<it>it(?:'s|[ \t]is)))[ \t]{1,4}(?<q>[`'"]?)(?<v>[^\s`'"]{8,100})/iy;
/** What `it's` opens its clause after: a message's or a line's start, a comma, colon or semicolon, or a dash. */
const CLAUSE_OPENS_BEFORE = /(?:^|[,;:\n]|[ \t][-\u2013\u2014])[ \t]{0,2}$/;
/** How far back the phrase looks for the login and for where the real value went. */
const INTERIM_REACH = 300;
/** A login, its password or its credentials named (`log into SQL`, `the svc password`, `creds`). */
const NAMES_LOGIN = /\b(?:pass(?:word|phrase)s?|passwd|log(?:ged|s)?[ -]?(?:in|into|on)|logins?|credentials?|creds)\b/i;
/** Where the real value went or what happened to it: a vault, a password manager, a change or a rotation. */
const VALUE_KEPT_ELSEWHERE = /\b(?:vault|1password|bitwarden|keepass(?:xc)?|lastpass|keychain|rotated|rotating|changed|reset)\b/i;

function findInterimPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(INTERIM_VALUE, text, offsets, (m) => {
    if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) return;
    // `it's …` hands a value over only as a clause of its own (`ok fine, it's …`), not inside a sentence (`I think it's …`).
    if (m.groups!['it'] !== undefined && !CLAUSE_OPENS_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) return;
    const before = text.slice(Math.max(0, m.index - INTERIM_REACH), m.index);
    if (!NAMES_LOGIN.test(before) || !VALUE_KEPT_ELSEWHERE.test(before)) return;
    const raw = m.groups!['v']!;
    const quote = m.groups!['q']!;
    const end = m.index + m[0].length;
    // Quoted, the quote closes right after the value; bare, a final stop or comma is the sentence's and the value ends its line or clause.
    if (quote !== '' && text.charAt(end) !== quote) return;
    const value = quote === '' ? raw.replace(/[.,;:)]+$/, '') : raw;
    // Every class, as no word, path or version has; no path, address or variable (`$X`, `${…}`, `<…>`).
    if (!hasEveryClass(value) || /[\/\\@:<>{}()]|^\$/.test(value) || !isPlausiblePassword(value, options.file)) return;
    const start = end - raw.length;
    if (quote === '' && !POSTED_VALUE_END.test(text.slice(start + value.length, start + value.length + 8))) return;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/** How far back over lines a chat's "new one" looks for the password or the login it refers to. */
const NEW_ONE_LINES_REACH = 300;

/**
 * Whether the lines before `lineStart` (within the reach, not past a blank line) name a password, not its policy or format,
 * or a login with a change.
 */
function namedInLinesBefore(text: string, lineStart: number, at = lineStart): boolean {
  const lines = text.slice(Math.max(0, lineStart - NEW_ONE_LINES_REACH), lineStart).split('\n');
  let first = lines.length - 1;
  while (first > 0 && lines[first - 1]!.trim() !== '') first--;
  const before = lines.slice(first).join('\n');
  const named = /pass(?:word|phrase)\b/i.exec(before);
  if (named !== null && !DESCRIBED_PASSWORD_NEXT.test(before.slice(named.index + named[0].length))) return true;
  if (NAMES_LOGIN_NOUN.test(before)) return SAYS_CHANGED.test(before + text.slice(lineStart, lineStart + NEW_ONE_REACH));
  // A default login is changed before the phrase that gives the new value (`default to \`admin/admin\`; we changed them all`).
  const leadIn = before + text.slice(lineStart, at);
  return DEFAULT_LOGIN_PAIR.test(leadIn) && SAYS_CHANGED.test(leadIn);
}

/**
 * A device's or an app's default login given as `user/password` in code marks after "default" (a runbook's "admin pages
 * default to `admin/admin` — we changed them all"): a login named, whose password is what gets changed.
 */
const DEFAULT_LOGIN_PAIR = /\bdefaults?\b[^.;`]{0,30}?`[A-Za-z][\w.-]{0,30}[\/:][^\s`\/:]{1,30}`/i;

/**
 * A password given as the answer to a question about it, as chats and tickets answer (a Slack thread's "anyone know the staging
 * db password?" answered "it's … for shorex_app", a ticket's "our password doesn't work. Which one is it?" answered "Priva reset
 * it, it's now …"). Sticky at `it`; the value bare, maybe after `now` or `still`.
 */
const IT_IS_ANSWER = /it(?:'s|[ \t]is)(?:[ \t]{1,2}(?:now|still))?[ \t]{1,3}(?<v>[^\s`'"]{6,100})/iy;
/**
 * What may stand right before an answer's `it's` on its line: nothing, a chat's name and colon, a JSON string's quote, a
 * clause's comma or a stop, maybe with a word of reply after it (`yes it's … now`, `ok, it's …`), or a grudging one after
 * a warning not to paste it (`ok fine it's …`, `fine, it's …`).
 */
const ANSWER_OPENING = /(?:^|["':,;.>\]])[ \t]{0,3}(?:(?:yes|yeah|yep|yup|ok|okay|sure|sorry|right|ah|oh|fine)[,.!]?[ \t]{1,2}(?:fine[,.!]?[ \t]{1,2})?)?$/i;
/** The password's noun in a question (or a machine's local admin, which asks for its password), then the rest of its line. */
const ASKED_PASSWORD = /(?:\bpass(?:word|phrase)s?|\bpasswd|\bpwd?|\blocal[ \t]admin)\b(?<rest>[^\r\n]{0,160})/gi;
/**
 * A question asked without its mark, as chats do: a word of asking earlier in the clause (`what's the modem password again`,
 * `the chamber PC wants the local admin password`, `anyone got the kiosk password`), read back from the noun.
 */
const ASKING_BEFORE = /\b(?:what(?:'s|s|[ \t]is|[ \t]was)|any(?:one|body)|who(?:[ \t](?:has|knows)|'s[ \t]got)|remind[ \t]me|need|needs|want|wants|asking|asks|forgot)\b[^\r\n?.!;]{0,60}$/i;
/** `again` right after the noun: asking for it once more (`the wifi password again`). */
const AGAIN_NEXT = /^[ \t]{1,2}again\b/i;

/**
 * Whether a password's noun, read from `line` at `noun` with `rest` after it, is asked about: not one a word after it describes
 * (`password reset?`, `password policy?`), and a question mark after it on its line, a word of asking before it, or `again`.
 */
function asksAboutNoun(line: string, noun: number, rest: string): boolean {
  if (DESCRIBED_NOUN_NEXT.test(rest)) return false;
  return rest.includes('?') || AGAIN_NEXT.test(rest) || FAILING_NEXT.test(rest) || ASKING_BEFORE.test(line.slice(Math.max(0, noun - 100), noun));
}

/**
 * A login or a password said to fail right after its noun (`the crew login isn't working`, `my password doesn't work any
 * more`, `the kiosk login won't let me in`): a chat's way of asking for one that does.
 */
const FAILING_NEXT =
  /^[ \t]{1,2}(?:(?:is|are|was)(?:n['\u2019]t|[ \t]not)[ \t]{1,2}(?:working|accepted|valid)|(?:does|do|did)(?:n['\u2019]t|[ \t]not)[ \t]{1,2}work|won['\u2019]?t[ \t]{1,2}(?:work|let[ \t]me|take|accept)|(?:has[ \t]{1,2})?stopped[ \t]{1,2}working|keeps?[ \t]{1,2}failing|(?:has[ \t]{1,2})?expired)\b/i;

/**
 * The lines before `lineStart` within the reach, from the last blank line (not one that only stands between two messages of
 * a chat copied with header lines): the exchange an answer belongs to.
 */
function exchangeBefore(text: string, lineStart: number): string {
  const lines = text.slice(Math.max(0, lineStart - NEW_ONE_LINES_REACH), lineStart).split('\n');
  let first = lines.length - 1;
  while (first > 0 && (lines[first - 1]!.trim() !== '' || isHeaderLineAlone(lines[first]!))) first--;
  return lines.slice(first).join('\n');
}

/** Whether the lines before `lineStart` (within the reach, not past a blank line) ask about a password. */
function askedInLinesBefore(text: string, lineStart: number): boolean {
  const before = exchangeBefore(text, lineStart);
  for (const m of before.matchAll(ASKED_PASSWORD)) {
    if (asksAboutNoun(before, m.index, m.groups!['rest']!)) return true;
  }
  return false;
}

/** A shell's or a template's variable in a value (`$HOME`, `${X}`, `$(cmd)`, `%APPDATA%`); a `$` inside a word (`Follow$pot7`) is a password's symbol. */
const VARIABLE_IN_VALUE = /^[$%]|\$[{(]|%\w+%/;

/**
 * An answer's value without the sentence's end after it: a final stop, comma or bracket is the sentence's; a `!` or `?`
 * too where the line or a sentence ends after it, except a `!` that ends a chat's line after a value with a digit or a
 * symbol already (`yes it's now Polar115-Cut!`): a made password ends so as often as a message does, and a word never has one.
 */
function answerWithoutSentenceEnd(raw: string, after: string): string {
  const endsLine = after === '' || /^[ \t]{0,3}(?:\r?\n|$)/.test(after);
  if (!endsLine && !/^[ \t]{1,3}[A-Z]/.test(after)) return raw.replace(/[.,;:)]+$/, '');
  const trimmed = raw.replace(/[.,;:!?)]+$/, '');
  if (endsLine && raw.length === trimmed.length + 1 && raw.endsWith('!') && /[^A-Za-z]/.test(trimmed)) return raw;
  return trimmed;
}

/**
 * A condition that asks for the password in the same sentence, before the comma that opens the answer (a wiki's "If a
 * scanner asks for an admin password, it is …"): the case the sentence answers.
 */
const ASKING_CONDITION = /\b(?:if|when)\b[^.!?\r\n]{0,80}\b(?:asks?|prompts?|wants?|needs?)[ \t]{1,2}(?:for[ \t]{1,2})?[^.!?,\r\n]{0,40}\bpass(?:word|phrase)(?:[ \t]{1,2}(?:for|on|of|to|at)[ \t]{1,2}[^.!?,\r\n]{1,30})?,[ \t]{0,3}$/i;
/** Three or four capitalised words joined by hyphens (`Bottom-Ass-Head`): a passphrase as a sentence that states it gives one. */
const CAPITALISED_WORDS_JOINED = /^[A-Z][a-z]{1,12}(?:-[A-Z][a-z]{1,12}){2,3}$/;

function findAnsweredPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(IT_IS_ANSWER, text, offsets, (m) => {
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) return;
    const { start: lineStart } = lineBounds(text, m.index, IT_IS_REACH);
    const opening = text.slice(lineStart, m.index);
    // The answer opens its message or a clause of it; the question is asked on a line before, or as a condition before it.
    const conditional = ASKING_CONDITION.test(opening);
    if (!ANSWER_OPENING.test(opening) || !(conditional || askedInLinesBefore(text, lineStart))) return;
    const raw = m.groups!['v']!;
    const start = m.index + m[0].length - raw.length;
    const after = text.slice(start + raw.length, start + raw.length + 4);
    const value = answerWithoutSentenceEnd(raw, after);
    // No word of a chat has every class; a sentence's condition states the value, so a password's mix or capitalised words
    // joined (ending the sentence) will do there.
    const endsSentence = value.length < raw.length || /^[ \t]{0,3}(?:\r?\n|$)/.test(after);
    const shaped = hasEveryClass(value) || (conditional && endsSentence && (hasMadePasswordMix(value) || CAPITALISED_WORDS_JOINED.test(value)));
    // A path, a variable, an address or a version is what "it's" gives as often.
    if (!shaped || /[\/\\@<>{}()]/.test(value) || VARIABLE_IN_VALUE.test(value) || /^v\d/i.test(value) || !isPlausiblePassword(value, options.file)) return;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * Where a chat line's message starts: after a timestamp in brackets and the sender's name and colon (`[08/05/2025 08:03] Jade
 * Hollins: `, `[2025-12-14 06:05] Mara: `), after a bare time and a name (`09:41 raj: `), after a name and a bare time as Slack
 * and Teams copy a message on one line (`Aled Jones 19:06  `, `priya 08:57  `), after an IRC nick (`<raj> `), or inside a
 * JSON export's message string (`"text": "`, `"body": "`), sticky at the line's start.
 */
const CHAT_MESSAGE_OPENING =
  /[ \t]{0,12}(?:\[[^\]\r\n]{1,40}\][ \t]{0,3}(?:[^:\r\n\[\]"]{1,40}:)?|\d{1,2}:\d{2}(?::\d{2})?[ \t]{1,3}[^:\r\n"]{1,40}:|[A-Za-z][\w.'-]{0,30}(?:[ \t][A-Z][\w.'-]{0,30})?(?:[ \t][A-Z][\w.'-]{0,30})?[ \t]{1,3}\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?[ \t]{2,3}|<[^<>\r\n]{1,40}>|[^\r\n]{0,200}?"(?:text|body|message|content|msg)"[ \t]{0,2}:[ \t]{0,2}")[ \t]{0,3}/y;
/**
 * A message that is nothing but a login's answer: the password alone, or an account, a spaced slash, colon or arrow and the
 * password (a chat's `lx-crew / …`, `recitals@ → …`; a Wi-Fi network's `Yard-AP : …`, `BarnAP, password …`), maybe after a few words and a colon (`same as the others: …`) and
 * before an aside after a dash (`… — rotate after pls`, in a JSON export escaped as `\u2014`) or a hedge (`… still I think? or
 * try …`, which may offer a second value), then the line's end or the JSON string's close. The lead may hold an apostrophe
 * (`it's printed under the case: …`). A JSON export may go on after the message's string with its other members on the same
 line (`…", "ts": "1762056475.003100"},`).
 */
const BARE_ANSWER =
  /(?<lead>[A-Za-z][^\r\n"`:\/\\]{0,37}[^\s"'`:\/\\]:[ \t]{1,3})?(?:(?<account>[A-Za-z][\w.@-]{1,63})(?:[ \t]{1,2}(?:[\/:]|\u2192|->|=>)[ \t]{1,2}|,?[ \t]{1,2}(?:password|passphrase|pw|key)[ \t]{1,2}))?(?<v>[^\s"'`\/\\]{6,100})(?:[ \t]{1,3}(?:[\u2014\u2013-]|\\u201[34])[ \t]{1,3}[^\r\n"]{1,80}|[ \t]{1,2}(?<hedge>(?:still|i[ \t]think|iirc|maybe|probably|i[ \t]believe|or)\b[^\r\n"]{0,80}))?[ \t]{0,3}(?:"[ \t]{0,3}(?:,[ \t]{0,3}"[\w.$-]{1,40}"[ \t]{0,3}:[^\r\n]{0,200}|[,}\]]{0,3}))?[ \t]{0,3}\r?(?:\n|$)/y;
/**
 * A chat export's header line as Teams copies it, the time in brackets and the sender's name alone (`[9:07 AM] Tom
 * Becker`), or the name and then the time (`Tom Becker 09:07`, `Tom Becker 14/03 9:07 AM`): the message follows on the lines
 * below, and a blank line may stand between messages.
 */
const CHAT_HEADER_LINE =
  /[ \t]{0,12}(?:\[[^\]\r\n]{1,40}\][ \t]{1,3}[A-Z][\w.'-]{0,30}(?:[ \t][A-Z][\w.'-]{0,30}){0,3}|[A-Z][\w.'-]{0,30}(?:[ \t][A-Z][\w.'-]{0,30}){0,3}[ \t]{1,3}(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?,?[ \t]{1,2})?\d{1,2}:\d{2}(?:[ \t]?[AP]M)?)[ \t]{0,3}\r?(?:\n|$)/y;

/** Whether `line` (without its line break) is a chat's header line alone. */
function isHeaderLineAlone(line: string): boolean {
  return isChatHeaderLine(line, 0);
}

/** Whether the line at `lineStart` is a chat's header line alone (see CHAT_HEADER_LINE). */
function isChatHeaderLine(text: string, lineStart: number): boolean {
  CHAT_HEADER_LINE.lastIndex = lineStart;
  return CHAT_HEADER_LINE.test(text);
}
/** A login's noun asked about, for an answer that gives the account with the password (`it's asking for a login`). */
const ASKED_LOGIN = /\b(?:log-?ins?|credentials?|creds)\b(?<rest>[^\r\n]{0,160})/iy;
/** ASKED_PASSWORD anywhere in a question's rest. */
const ASKED_PASSWORD_NOUN = new RegExp(ASKED_PASSWORD.source, 'i');
/** A Wi-Fi network asked about (`what's the wifi in the new barn again?`, `wants the wifi key again?`), for an answer that gives its name and key. */
/** The key's word right after the Wi-Fi's (`the camera wifi key?`): the question asks for the key alone, not the network. */
const WIFI_KEY_NEXT = /^[ \t]{1,2}(?:key|passphrase|psk|password|pw)\b/i;
/** A second value a hedge offers at its end (`still I think? or try …`), the hedge's last words. */
const OFFERED_ALTERNATIVE = /\bor(?:[ \t]{1,2}(?:try|maybe|else|perhaps))?[ \t]{1,2}(?<alt>[^\s"'`]{6,64})[ \t]{0,3}$/i;
const ASKED_WIFI = /\b(?:wi-?fi|wlan)\b(?<rest>[^\r\n]{0,160})/iy;

/**
 * A Wi-Fi key as a person makes one, given beside its network's name: letters and a digit, or a symbol among letters of
 * both cases (`Piebald&Skewbald!`), within WPA's 8 to 63 characters; not a security mode.
 */
function isMadeWifiKey(value: string): boolean {
  if (value.length < 8 || value.length > 63 || isWifiSecurityMode(value)) return false;
  return hasMadePasswordMix(value) || hasLettersAndDigit(value) || (/[^A-Za-z0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value));
}

/** Which question a keyword at `offset` may open: about a password, a Wi-Fi network, or a login. */
function askedPatternAt(text: string, offset: number): RegExp {
  const word = text.slice(offset, offset + 5);
  return /^(?:pass|pw|local)/i.test(word) ? ASKED_PASSWORD_AT : /^w/i.test(word) ? ASKED_WIFI : ASKED_LOGIN;
}
/** ASKED_PASSWORD sticky, read at a keyword's offset. */
const ASKED_PASSWORD_AT = new RegExp(ASKED_PASSWORD.source, 'iy');
/** How many lines after a question its bare answer may come: a JSON export spends a few on each message's fields. */
const BARE_ANSWER_LINES = 6;
/**
 * A line of a JSON export that holds no message: a bracket or a brace alone, or a member other than the message's text
 * (`"ts": …`, `"user_name": …`, `"user_profile": {`). Slack's export spends five to ten such lines on each message, so
 * they are not counted among an answer's lines; the character reach still bounds how far the answer may be.
 */
const JSON_EXPORT_FIELD_LINE = new RegExp(`[ \\t]{0,24}(?:[\\[\\]{}],?[ \\t]{0,4}\\r?(?:\\n|$)|"(?!(?:${JSON_MESSAGE_MEMBERS})")[\\w$.-]{1,40}"[ \\t]{0,2}:)`, 'y');

/** Whether the line at `lineStart` is a JSON export's line that holds no message (see JSON_EXPORT_FIELD_LINE). */
function isJsonExportFieldLine(text: string, lineStart: number): boolean {
  JSON_EXPORT_FIELD_LINE.lastIndex = lineStart;
  return JSON_EXPORT_FIELD_LINE.test(text);
}

/** The start of the line after the one that ends at `lineEnd` (its `\r` or `\n`), or -1 where none follows. */
function nextLineStart(text: string, lineEnd: number): number {
  const at = text.charCodeAt(lineEnd) === 0x0d ? lineEnd + 1 : lineEnd;
  return text.charCodeAt(at) === 0x0a && at + 1 < text.length ? at + 1 : -1;
}

/**
 * The start of the message on the line at `lineStart` when it holds nothing but an answer (see BARE_ANSWER), or -1: the
 * line must open as a chat's message does, so a config's or a list's bare line is never read as one.
 */
function bareAnswerAt(text: string, lineStart: number): RegExpExecArray | null {
  const messageStart = chatMessageStart(text, lineStart);
  if (messageStart === -1) return null;
  BARE_ANSWER.lastIndex = messageStart;
  return BARE_ANSWER.exec(text) ?? lastSentenceAnswer(text, messageStart);
}

/** A sentence's end inside a message, a blank after it: the next sentence starts after it. */
const SENTENCE_END_IN_MESSAGE = /[.!?][ \t]{1,3}(?=[A-Za-z])/g;

/**
 * The answer that a message's last sentence is, after others that say something else first (`guest one is on the sign.
 * staff one: Shop-Staff / …`): read from the last sentence's start, within the line's reach.
 */
function lastSentenceAnswer(text: string, messageStart: number): RegExpExecArray | null {
  const { end } = lineBounds(text, messageStart, NEW_ONE_LINES_REACH);
  let last = -1;
  for (const m of text.slice(messageStart, end).matchAll(SENTENCE_END_IN_MESSAGE)) last = messageStart + m.index + m[0].length;
  if (last === -1) return null;
  BARE_ANSWER.lastIndex = last;
  return BARE_ANSWER.exec(text);
}

/** Where the message of a chat's line at `lineStart` starts: after its opening, or on the line below a header line alone; or -1. */
function chatMessageStart(text: string, lineStart: number): number {
  // Tried first: the opening's name and colon are optional, so a header line would open a message of the sender's name.
  if (isChatHeaderLine(text, lineStart)) return CHAT_HEADER_LINE.lastIndex;
  CHAT_MESSAGE_OPENING.lastIndex = lineStart;
  return CHAT_MESSAGE_OPENING.exec(text) === null ? -1 : CHAT_MESSAGE_OPENING.lastIndex;
}

/** Whether the blank line that ends at `lineEnd` stands between two messages of a chat copied with header lines. */
function separatesChatMessages(text: string, lineEnd: number): boolean {
  const next = nextLineStart(text, lineEnd);
  return next !== -1 && isChatHeaderLine(text, next);
}

/**
 * Eight to fifteen letters of both cases that read as no words (`RmIywBlYiqJz`), as a device's label prints its Wi-Fi key: a
 * draw by `isShortRandomLetters`, or, where the letters fall as capital-then-small runs, runs of three letters at most, most
 * of them without a vowel, and the case switching on most letters; a name's runs are spoken words.
 */
function isDrawnLetters(value: string): boolean {
  if (isShortRandomLetters(value)) return true;
  if (!/^[A-Za-z]{8,15}$/.test(value)) return false;
  const runs = value.match(/[A-Z]?[a-z]{0,15}/g)!.filter((run) => run !== '');
  const unspoken = runs.filter((run) => !/[aeiouy]/i.test(run)).length;
  return runs.length >= 4 && runs.every((run) => run.length <= 3) && unspoken * 2 > runs.length && characterSwitches(value) * 10 >= value.length * 6;
}

/**
 * The second value a bare answer's hedge offers (`engineer / … still I think? or try …`): its value and where it starts, or
 * undefined; its sentence's end is cut as an answer's is.
 */
function offeredAlternative(m: RegExpExecArray, text: string): { value: string; start: number } | undefined {
  const hedge = m.groups!['hedge'];
  if (hedge === undefined) return undefined;
  const offered = OFFERED_ALTERNATIVE.exec(hedge);
  if (offered === null) return undefined;
  const raw = offered.groups!['alt']!;
  const start = m.index + m[0].lastIndexOf(hedge) + offered.index + offered[0].indexOf(raw, 2);
  return { value: answerWithoutSentenceEnd(raw, text.slice(start + raw.length, start + raw.length + 4)), start };
}

/**
 * A password that a chat's message gives alone, answering the question a line or a few before it asked about the password
 * (`what's the admin password again?` / `Jade: NvrLeeds!2023`) or about a login (`it's asking for a login` / `lx-crew / …`):
 * the message nothing but the value, or the account and the value; the value with every class, as no word of a chat has.
 */
function findBareAnsweredPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let done = -1;
  for (const offset of offsets) {
    if (offset < done || (offset > 0 && isWordCode(text.charCodeAt(offset - 1)))) continue;
    const pattern = askedPatternAt(text, offset);
    pattern.lastIndex = offset;
    const asked = pattern.exec(text);
    if (asked === null) continue;
    // The question is a short line: its rest ends the line, read no further than the pattern's reach.
    const questionEnd = asked.index + asked[0].length;
    if (questionEnd < text.length && text.charCodeAt(questionEnd) !== 0x0a && text.charCodeAt(questionEnd) !== 0x0d) continue;
    const before = text.slice(Math.max(0, offset - 100), offset);
    if (!asksAboutNoun(before, before.length, asked.groups!['rest']!)) continue;
    done = questionEnd;
    // A question about a login may go on to name the password (`won't take my login, what's the local admin again?`).
    const asksPassword = pattern === ASKED_PASSWORD_AT || ASKED_PASSWORD_NOUN.test(asked.groups!['rest']!);
    // A question about the Wi-Fi's key (`the camera wifi key?`) is answered by the key alone, as one about a password is.
    const asksWifiKey = pattern === ASKED_WIFI && WIFI_KEY_NEXT.test(asked.groups!['rest']!);
    let lineStart = nextLineStart(text, questionEnd);
    for (let n = 0; n < BARE_ANSWER_LINES && lineStart !== -1 && lineStart - questionEnd <= NEW_ONE_LINES_REACH; n++) {
      const { end: lineEnd } = lineBounds(text, lineStart, NEW_ONE_LINES_REACH);
      if (text.slice(lineStart, lineEnd).trim() === '' && !separatesChatMessages(text, lineEnd)) break;
      const m = bareAnswerAt(text, lineStart);
      if (m === null && isJsonExportFieldLine(text, lineStart)) n--;
      if (m !== null) {
        const value = m.groups!['v']!;
        const account = m.groups!['account'];
        // A login's question is answered by the account and its password together, a Wi-Fi network's by its name and key.
        const fits = asksPassword || account !== undefined;
        // Beside its account the pair is a login by its form, so a password's mix will do (`props / kraken-d23md4dtns`);
        // beside its network's name, a key as people make one.
        const made = (candidate: string): boolean =>
          pattern === ASKED_WIFI
            ? account !== undefined
              ? candidate !== account && isMadeWifiKey(candidate)
              : asksWifiKey && !isWifiSecurityMode(candidate) && (hasMadePasswordMix(candidate) || isDrawnLetters(candidate))
            : hasBothCasesAndDigit(candidate) || (account !== undefined && hasMadePasswordMix(candidate));
        const taken = (candidate: string): boolean =>
          made(candidate) && !/[@<>{}()]/.test(candidate) && !VARIABLE_IN_VALUE.test(candidate) && !/^v?\d/i.test(candidate) && isPlausiblePassword(candidate, options.file);
        if ((fits || asksWifiKey) && taken(value)) {
          const start = m.index + m[0].indexOf(value, (m.groups!['lead']?.length ?? 0) + (account?.length ?? 0));
          spans.push({ start, end: start + value.length });
          done = start + value.length;
          const alternative = offeredAlternative(m, text);
          if (alternative !== undefined && taken(alternative.value)) spans.push({ start: alternative.start, end: alternative.start + alternative.value.length });
          break;
        }
      }
      lineStart = nextLineStart(text, lineEnd);
    }
  }
  return spans;
}

/**
 * The lines after a sentence that leads up to a password and stops (`… New one is`, `The new password:`): maybe a blank
 * line, then the value indented on a line of its own, and a blank line or the end after it: how mail and notes set a
 * value off so it can be copied.
 */
const SET_OFF_VALUE = /(?:[ \t]{0,8}\r?\n)?(?:\t|[ \t]{2,12})(?<v>[^\s`'"]{6,100})[ \t]{0,8}(?:\r?\n[ \t]{0,8}(?:\r?\n|$)|$)/y;
/** How a lead-in stops right before such a value: a verb that says "is", or a colon. */
const LEAD_IN_END = /(?:[ \t](?:is|was|are)|[^:/]:)[ \t]{0,4}$/i;

/**
 * A password set off below the sentence that leads up to it, the sentence on one line with the word `password`:
 * "Replica password was rotated last night. New one is" / (blank) / "    …" / (blank). The value must have a
 * password's shape (a digit, and a symbol or both cases): a command or a path set off the same way has none.
 */
function findSetOffPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let done = -1;
  for (const offset of offsets) {
    if (offset < done || (offset > 0 && isLetterCode(text.charCodeAt(offset - 1)))) continue;
    let newline = offset;
    while (newline < text.length && newline - offset <= 200 && text.charCodeAt(newline) !== 0x0a) newline++;
    if (newline >= text.length || text.charCodeAt(newline) !== 0x0a) continue;
    done = newline;
    // The lead-in ends in `:` or a verb (`is`, `was`, `are`), maybe blanks after it: most lines with the word end otherwise.
    let last = newline - 1;
    while (last > offset && (text.charCodeAt(last) === 0x20 || text.charCodeAt(last) === 0x09 || text.charCodeAt(last) === 0x0d)) last--;
    const ends = text.charCodeAt(last) | 0x20;
    if (ends !== 0x3a /* : */ && ends !== 0x73 /* s */ && ends !== 0x65 /* e */) continue;
    const lead = text.slice(offset, text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline);
    // A quoted reply's line (`> …`) or a code span in the sentence: the value, if any, is elsewhere.
    if (!LEAD_IN_END.test(lead) || lead.includes('`')) continue;
    let lineStart = offset;
    while (lineStart > 0 && offset - lineStart < 200 && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
    if (/^[ \t]{0,4}>/.test(text.slice(lineStart, offset))) continue;
    SET_OFF_VALUE.lastIndex = newline + 1;
    const m = SET_OFF_VALUE.exec(text);
    if (m === null) continue;
    const value = m.groups!['v']!;
    if (!hasMadePasswordMix(value)) continue;
    // A flag, a reference or a setting's `name=value` (`min-length=12` under "the password policy is") is no password.
    if (/^[-$<%{[(]/.test(value) || NESTED_ASSIGNMENT.test(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = text.indexOf(value, newline + 1);
    spans.push({ start, end: start + value.length });
    done = start + value.length;
  }
  return spans;
}

/**
 * A key's, token's or secret's noun ending its line, said to be what follows by a colon or `is` (a mail's "…that contained
 * our DTN service\nclient secret:" over an indented block), read from the noun to the line's end; a plural or a verb may follow it.
 */
const KEY_LEAD_IN_TAIL = /^(?<noun>(?:secret|token|key)s?)(?<verb>[ \t](?:is|was|are))?[ \t]{0,2}(?<colon>:)?[ \t]{0,4}\r?$/i;

/**
 * A key, token or secret set off on its own indented line below the line whose last words name it, as mail and notes
 * set a value off to copy (a mail's "contained our DTN service client secret:" / (blank) / "    e5iw…4="): the sibling of
 * `findSetOffPasswords` for generated values. The noun must end the line (not `the key file is:`, `key fingerprint:`),
 * not be a public one by name (`public key:`, `host key:`), and no digest or id be named on the line; the value must be
 * hex of a key's length or a generated value (digits spread through letters), alone on its line.
 */
function findSetOffKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (offset > 0 && isLetterCode(text.charCodeAt(offset - 1))) continue;
    let newline = offset;
    while (newline < text.length && newline - offset <= KEY_CLAUSE_REACH && text.charCodeAt(newline) !== 0x0a) newline++;
    if (newline >= text.length || text.charCodeAt(newline) !== 0x0a) continue;
    const rest = text.slice(offset, newline);
    const tail = KEY_LEAD_IN_TAIL.exec(rest);
    const endsWithNoun = tail !== null && (tail.groups!['verb'] !== undefined || tail.groups!['colon'] !== undefined);
    if (!endsWithNoun && !KEY_CLAUSE_TO_COLON.test(rest)) continue;
    let lineStart = offset;
    while (lineStart > 0 && offset - lineStart < KEY_IS_REACH && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
    const lead = text.slice(lineStart, newline);
    if (/^[ \t]{0,4}>/.test(lead) || lead.includes('`') || NOT_THE_KEYS_VALUE.test(lead)) continue;
    if (!endsInKeyNoun(text.slice(lineStart, offset + nounLength(rest)))) continue;
    const below = endsWithNoun ? SET_OFF_VALUE : VALUE_ALONE_BELOW;
    below.lastIndex = newline + 1;
    const m = below.exec(text);
    if (m === null) continue;
    const value = m.groups!['v']!;
    if (endsWithNoun ? !isSetOffKeyValue(value, options.file) : !isKeyHandedOverBelow(value, options.file)) continue;
    const start = text.indexOf(value, newline + 1);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * A key's noun, then the rest of its clause up to a colon that ends the line ("uses a separate key, it's in the app config
 * but here it is in case:"): a mail hands the value over on the line below, set off or not. No sentence ends on the way.
 */
const KEY_CLAUSE_REACH = 120;
const KEY_CLAUSE_TO_COLON = /^(?:secret|token|key)s?\b[^\r\n.!?`:]{0,120}[^:/\s]:[ \t]{0,4}\r?$/i;
/** A value alone on its line (maybe after a blank one), indented or not, before a blank line or the end. */
const VALUE_ALONE_BELOW = /(?:[ \t]{0,8}\r?\n)?[ \t]{0,12}(?<v>[^\s`'"]{20,100})[ \t]{0,8}(?:\r?\n[ \t]{0,8}(?:\r?\n|$)|$)/y;
const KEY_NOUN_AT = /^(?:secret|token|key)s?/i;
function nounLength(rest: string): number {
  return KEY_NOUN_AT.exec(rest)?.[0].length ?? 0;
}
/**
 * A value below a clause that names a key a little way back: a generated or a vendor's prefixed value (`oph_HeIJUV0alhjZ…`)
 * drawn from capitals, small letters and digits all, where hex may be a revision's and one case a name's.
 */
function isKeyHandedOverBelow(value: string, file: string | undefined): boolean {
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  return isSetOffKeyValue(value, file) || (isVendorPrefixedToken(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file }));
}

/** Whether the text ends in a key's, token's or secret's noun that `KEY_NOUN` takes (not a public, host or cache key). */
function endsInKeyNoun(lead: string): boolean {
  let last: RegExpExecArray | null = null;
  KEY_NOUN.lastIndex = 0;
  for (let n = KEY_NOUN.exec(lead); n !== null; n = KEY_NOUN.exec(lead)) last = n;
  return last !== null && last.index + last[0].length === lead.length;
}

/** A set-off key's value: hex of a key's length, or a generated value of 20 or more with no word among its parts. */
function isSetOffKeyValue(value: string, file: string | undefined): boolean {
  if (value.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(value) || UUID.test(value)) return false;
  if (!KEY_HEX.test(value) && (!looksGenerated(value) || !/[A-Za-z]/.test(value) || WORD_PART.test(value) || isNameShaped(value))) return false;
  return isPlausibleSecret(value, { category: 'KEY', quoted: true, file });
}

/**
 * Secret words of names written in scripts beyond Latin or with diacritics (`密码`, `パスワード`,
 * `비밀번호`, `пароль`, `contraseña`, `暗号化キー`, `認証トークン`, `비밀키`, `ключ_api`, `anahtarı`):
 * the keyword prefilter is ASCII, so these are looked up directly, in the cases names are written in.
 */
const NON_ASCII_SECRET_WORDS = [
  ...new Set(
    [...SCRIPT_SECRET_WORDS, 'contraseña', 'hasło', 'lösenord', 'şifre', 'anahtarı', 'schlüssel', 'clé', 'geheimnisse'].flatMap((w) => [
      w,
      w.charAt(0).toUpperCase() + w.slice(1),
      w.toUpperCase(),
    ]),
  ),
].filter((w) => /[^\x00-\x7f]/.test(w));
const NON_ASCII_SECRET_WORD = new RegExp(NON_ASCII_SECRET_WORDS.sort((a, b) => b.length - a.length).join('|'), 'g');
/** A character of a name: a letter or a mark of any script, a digit, `_`, `.` or `-`. */
const NAME_CHARACTER = /[\p{L}\p{M}\p{N}_.-]/u;
const NAME_REST = /[\p{L}\p{M}\p{N}_.-]{0,60}/uy;
/** After the name: a closing quote or bracket, the operator, then the value. */
const NON_ASCII_ASSIGNMENT = new RegExp(
  `["'\\]]{0,2}[ \\t]{0,4}(?:=|:|：)[ \\t]{0,4}` +
    `(?:"(?<dq>${doubleQuotedBody(300)})"|'(?<sq>${singleQuotedBody(300)})'|(?<uq>[^\\s"'\\\`<,}]{1,300}))`,
  'y',
);

/**
 * A secret assigned to a name beyond ASCII: the whole name around the word is read back and
 * classified like any other (`key-name.ts` reads these words), so `公開鍵` (a public key) and
 * `contraseñaCampo` (a form field's name) stay names about secrets.
 */
function findNonAsciiNames(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  let doneUntil = -1;
  NON_ASCII_SECRET_WORD.lastIndex = 0;
  for (let w = NON_ASCII_SECRET_WORD.exec(text); w !== null; w = NON_ASCII_SECRET_WORD.exec(text)) {
    if (w.index < doneUntil) continue;
    let nameStart = w.index;
    while (nameStart > 0 && w.index - nameStart < 60 && NAME_CHARACTER.test(text.charAt(nameStart - 1))) nameStart--;
    NAME_REST.lastIndex = w.index + w[0].length;
    const nameEnd = w.index + w[0].length + NAME_REST.exec(text)![0].length;
    doneUntil = nameEnd;
    const key = classifyKey(text.slice(nameStart, nameEnd));
    if (key === undefined) continue;
    NON_ASCII_ASSIGNMENT.lastIndex = nameEnd;
    const m = NON_ASCII_ASSIGNMENT.exec(text);
    if (m === null) continue;
    const g = m.groups!;
    const value = g['dq'] ?? g['sq'] ?? g['uq']!.replace(/[,;]+$/, '');
    const quoted = g['uq'] === undefined;
    // A prompt in the same script ("请输入密码") is no password; a real one carries ASCII. A bare value that runs into
    // that script (`암호 : @@@hl@@@비번@@@`, a search hit's markup around a word) is prose, not a value.
    if (!/[\x21-\x7e]{4}/.test(value) || (!quoted && /[^\x00-\x7f]/.test(value))) continue;
    if (!isPlausibleSecret(value, { category: key.category, quoted, weakKey: key.weak, file: options.file })) continue;
    const start = m.index + m[0].length - (quoted ? 1 : 0) - (quoted ? value.length : g['uq']!.length);
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/**
 * Credentials in the argument of database and file-transfer tools that take them as one
 * word: Oracle's `sqlplus user/password@db` (also expdp, impdp, sqlldr, rman), lftp's
 * `-u user,password`, Samba's `-U user%password` (smbclient, rpcclient, smbcacls, samba-tool, `net ads|rpc|sam …`; also `--user=user%password`, and a password quoted on its own: `-U user%'…'`), the LDAP tools' and Kerberos' kadmin's `-w password`,
 * OpenSSL's `-passin`/`-passout pass:password` and the HMAC key of `openssl dgst -hmac key` (`openssl mac -macopt key:…`), SteamCMD's `+login user password` and Windows'
 * `net use \\server\share password /user:name` and `net user name password` (which sets an account's password), and the
 * password of the certificate file SignTool signs with (`signtool sign /f cert.pfx /p …`, also run from a variable: `%SIGNTOOL% sign … /p …`).
 * SteamCMD's login is read as code runs the tool too: an argv list of literals (`["steamcmd", "+login", "builder", "…"]`)
 * and one command joined from literals (`"+login builder " + "…" + " +run_app_build …"`); a variable in either is no password.
 * The share may start with a variable that holds the server (`net use X: %FILESRV%\scans …`, PowerShell's `$srv\scans`), or be
 * a variable whole (`net use Z: %NAS_SHARE% /user:CORP\svc …`); SteamCMD may be run from a variable named for it (`"$STEAMCMD" +login …`).
 * A long command goes on over lines: the LDAP tools' after a shell's `\`, schtasks' after cmd's `^` or PowerShell's `` ` ``.
 */
const TOOL_CREDENTIALS =
  /(?:\b(?:sqlplus|sqlldr|expdp|impdp|exp|imp|rman|dgmgrl|sqlcl|tkprof)(?:[ \t]{1,4}-[A-Za-z]{1,10})?(?:[ \t]{1,4}-[A-Za-z]{1,10})?[ \t]{1,4}["']?(?<ora>[\w$#.]{1,30}\/(?<orapw>[^\s@/"']{1,128}|'[^\s'@]{1,128}'|"[^\s"@]{1,128}")@[^\s"']{1,200})|\blftp\b[^\r\n|;]{0,200}?[ \t]-u[ \t]{1,4}["']?[^\s,"']{1,64},["']?(?<lftppw>[^\s"']{1,128})|\b(?:smbclient|rpcclient|smbcacls|smbget|smbmap|mount\.cifs|samba-tool|net[ \t]{1,4}(?:ads|rpc|sam))\b[^\r\n|;]{0,200}?[ \t](?:-U[ \t]{1,4}|--user=)["']?[^\s%"']{1,64}%(?<smbpw>[^\s"']{1,128}|'[^'\r\n]{1,128}'|"[^"\r\n]{1,128}")|\b(?:ldap(?:search|modify|add|delete|passwd|compare|whoami|modrdn|exop)|kadmin)\b(?:[^\r\n|;]|\\\n|\\\r\n){0,200}?[ \t]-w[ \t]{1,4}["']?(?<ldappw>[^\s"']{1,128})|(?<![\w-])-pass(?:in|out)?[ \t]{1,4}["']?pass:(?<sslpw>[^\s"']{1,128})|\bopenssl\b[^\r\n|;]{0,200}?[ \t]-(?:hmac[ \t]{1,4}|macopt[ \t]{1,4}(?:hex)?key:)["']?(?<hmackey>[^\s"']{1,256})|\b[sS][tT][eE][aA][mM][cC][mM][dD]\b(?:[^\r\n|;]{0,200}?[ \t"']|(?:\.[eE][xX][eE]|\.sh)?["'][ \t]{0,4},\s{0,40}["'])\+login(?:["']?[ \t]{1,4}["']?|[ \t]{0,4}["'][ \t]{0,4}[,+]\s{0,40}["'][ \t]{0,4})[^\s+"',]{1,64}(?:["']?[ \t]{1,4}["']?|[ \t]{0,4}["'][ \t]{0,4}[,+]\s{0,40}["'][ \t]{0,4})(?<steampw>[^\s+"'][^\s"']{0,127})|\bnet[ \t]{1,4}use\b[^\r\n|;&]{0,100}?(?:(?:\\\\|%\w{1,64}%\\|\$\{?\w{1,64}\}?\\)[^\s"']{1,200}["']?[ \t]{1,4}(?:\/user:["']?[^\s"']{1,100}["']?[ \t]{1,4})?|(?<![\w%$])(?:%\w{1,64}%|\$\{?\w{1,64}\}?)["']?[ \t]{1,4}\/user:["']?[^\s"']{1,100}["']?[ \t]{1,4})["']?(?<netpw>(?!!\w{1,64}!)[^\s/"'*][^\s"']{0,127})|\b[nN][eE][tT][ \t]{1,4}[uU][sS][eE][rR][ \t]{1,4}["']?[^\s"'/%]{1,64}["']?[ \t]{1,4}["']?(?<netuserpw>[^\s/"'*%][^\s"']{0,127})|\b[cC][mM][dD][kK][eE][yY]\b[^\r\n|&]{0,200}?[ \t]\/[pP][aA][sS][sS]:["']?(?<cmdkeypw>[^\s/"'][^\s"']{0,127})|\b[sS][cC][hH][tT][aA][sS][kK][sS]\b(?:[^\r\n|&]|[\^`]\n|[\^`]\r\n){0,300}?[ \t]\/[rR][pP][ \t]{1,4}["']?(?<schtaskspw>[^\s/"'*][^\s"']{0,127})|\b[sS][iI][gG][nN][tT][oO][oO][lL]\b(?:[^\r\n|&;]|[\^`]\n|[\^`]\r\n){0,300}?[ \t][/-][pP][ \t]{1,4}["']?(?<signtoolpw>[^\s/"'*][^\s"']{0,127})|\brabbitmqctl(?:\.bat)?\b[^\r\n|;&]{0,200}?[ \t](?:add_user|authenticate_user|change_password)[ \t]{1,4}["']?[^\s"']{1,64}["']?[ \t]{1,4}["']?(?<rabbitpw>[^\s"'-][^\s"']{0,127})|\bmkstore(?:\.bat)?\b[^\r\n|;&]{0,200}?[ \t]-(?:create|modify)Credential[ \t]{1,4}["']?[^\s"']{1,200}["']?[ \t]{1,4}["']?[^\s"']{1,64}["']?[ \t]{1,4}["']?(?<mkstorepw>[^\s"'-][^\s"']{0,127}))/g;

/**
 * RMAN connects to several databases on one command line, each after its keyword (`rman target sys/…@PROD
 * catalog rcat/…@RCAT`, also given to a wrapper script: `rman-backup.sh target sys/…@PROD`). Read on a line
 * that names RMAN only, where `target`/`catalog`/`auxiliary` are its connect keywords.
 */
const RMAN_CONNECT = /(?<![\w-])(?:target|catalog|auxiliary)(?:[ \t]{1,4}|[ \t]{0,4}=[ \t]{0,4})["']?(?<ora>[\w$#.]{1,30}\/(?<orapw>[^\s@/"']{1,128}|'[^\s'@]{1,128}'|"[^\s"@]{1,128}")@[^\s"']{1,200})/gi;
const RMAN_WORD = /\brman/i;
/**
 * A Basic-auth pair that code writes as two joined literals, the user's with its colon and the password
 * (`$pair = "svc-smoke:" + "…"`, `btoa('ci:' + '…')`), then encodes to base64 for an `Authorization: Basic`
 * header: the encoding within the next few lines tells the pair from any string that ends in a colon.
 */
const JOINED_USER_PASSWORD = /["'][\w.@-]{1,64}:["'][ \t]{0,4}\+[ \t]{0,4}(?:"(?<dq>[^"\r\n]{1,128})"|'(?<sq>[^'\r\n]{1,128})')/y;
const BASE64_ENCODING = /ToBase64String|btoa[ \t]{0,2}\(|b64encode|base64|encodeToString|strict_encode64|encode64/i;

function findJoinedUserPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const at of offsets) {
    let open = at;
    while (open > 0 && at - open <= 64 && /[\w.@-]/.test(text[open - 1]!)) open--;
    if (open === at || open === 0) continue;
    JOINED_USER_PASSWORD.lastIndex = open - 1;
    const m = JOINED_USER_PASSWORD.exec(text);
    if (m === null) continue;
    const g = m.groups!;
    const value = g['dq'] ?? g['sq']!;
    const end = m.index + m[0].length;
    if (!BASE64_ENCODING.test(text.slice(Math.max(0, m.index - 120), end + 300))) continue;
    if (!isPlausiblePassword(value, options.file)) continue;
    spans.push({ start: end - 1 - value.length, end: end - 1 });
  }
  return spans;
}

/**
 * A base64 encoding given a variable (`[Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))`, `btoa(creds)`,
 * `base64.b64encode(pair.encode())`, `base64_encode($auth)`, `Base64.strict_encode64(pair)`,
 * `encodeToString(pair.getBytes())`): sticky at the encoding's keyword; `var` is the variable encoded.
 */
const ENCODED_VARIABLE =
  /(?:tobase64string\([ \t]{0,4}(?:\[[\w.]{1,40}\]::)?(?:[\w.]{1,60}\.)?getbytes\(|(?:btoa|b64encode|encode64|base64_encode|encodetostring)\()[ \t]{0,4}(?<var>\$?[A-Za-z_]\w{0,40})(?:\.(?:encode|getbytes)\([^()\r\n]{0,30}\))?[ \t]{0,4}[),]/iy;
/** A variable given a string literal: `$pair = "svc:…"`, `const creds = 'ci:…'`, `String pair = "svc:…";`. */
const ASSIGNED_LITERAL = /(?<![\w$])(?<name>\$?[A-Za-z_]\w{0,40})[ \t]{0,4}=[ \t]{0,4}(?:"(?<dq>[^"\r\n]{1,200})"|'(?<sq>[^'\r\n]{1,200})')/g;
/** What a double-quoted string interpolates: PowerShell's and PHP's `$name`, `${…}`, `$(…)`; Ruby's `#{…}`. */
const INTERPOLATION = /\$[\w{(]|#\{/;
/** How far before the encoding the variable's literal may be given. */
const PAIR_REACH = 600;

/**
 * A Basic-auth pair written whole as one literal in a variable (`$pair = "svc_deploy:…"`), which a line or two below is
 * base64-encoded for an `Authorization: Basic` header: the encoding of that very variable tells the pair from any string
 * with a colon. The variable's last assignment within a few hundred characters before the encoding is read. The
 * assignments are read in one pass along the text, each once, however many encodings there are.
 */
function findEncodedBasicPairs(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const assigned = new Map<string, { value: string; start: number; end: number; doubleQuoted: boolean }>();
  let scanned = 0;
  forEachMatchAt(ENCODED_VARIABLE, text, offsets, (m) => {
    // Read the assignments that end before this encoding (one that runs past it is read again for the next).
    ASSIGNED_LITERAL.lastIndex = Math.max(scanned, m.index - PAIR_REACH);
    for (;;) {
      const a = ASSIGNED_LITERAL.exec(text);
      if (a === null || a.index + a[0].length > m.index) {
        scanned = a === null ? text.length : a.index;
        break;
      }
      const value = a.groups!['dq'] ?? a.groups!['sq']!;
      const end = a.index + a[0].length;
      assigned.set(a.groups!['name']!.toLowerCase(), { value, start: end - 1 - value.length, end, doubleQuoted: a.groups!['dq'] !== undefined });
      scanned = end;
    }
    const pair = assigned.get(m.groups!['var']!.toLowerCase());
    if (pair === undefined || pair.end < m.index - PAIR_REACH) return;
    const colon = pair.value.indexOf(':');
    if (colon < 1 || !/^[\w.@-]{1,64}$/.test(pair.value.slice(0, colon))) return;
    const password = pair.value.slice(colon + 1);
    if (pair.doubleQuoted && INTERPOLATION.test(password)) return;
    if (password.startsWith('//') || !isPlausiblePassword(password, options.file)) return;
    spans.push({ start: pair.start + colon + 1, end: pair.start + pair.value.length });
  });
  return spans;
}

/** A SQL*Plus substitution variable, `&name` or `&&name` (a `.` may end it). */
const SQLPLUS_SUBSTITUTION = /^&{1,2}[A-Za-z_][\w$#]{0,63}\.?$/;

/**
 * The current password a user's own `ALTER USER … IDENTIFIED BY new REPLACE old` gives up (Oracle asks for it under a
 * password verify function, MySQL under `PASSWORD REQUIRE CURRENT`): sticky right after the new password.
 */
const REPLACED_PASSWORD = /\s{1,4}replace\s{1,4}(?:'(?<sq>[^'\r\n]{1,200})'|"(?<dq>[^"\r\n]{1,200})"|(?<uq>[^\s;'"]{1,200}))/iy;

/**
 * The password a SQL statement's match ends on (`IDENTIFIED BY 'x'`, `REPLACE "y"`), from its groups: single-quoted
 * (`sq`, or `sq2` as written without escapes), double-quoted (`dq`) or bare (`uq`); none when it is a SQL*Plus
 * substitution variable (`&pw`: the script prompts for it) or no plausible password.
 */
function sqlPasswordSpan(g: Record<string, string | undefined>, matchEnd: number, file: string | undefined): Span | undefined {
  const value = g['sq'] ?? g['sq2'] ?? g['dq'] ?? g['uq']!;
  const quoted = g['uq'] === undefined;
  if (SQLPLUS_SUBSTITUTION.test(value)) return undefined;
  if (!isPlausibleSecret(value, { category: 'PASS', quoted, ...(file === undefined ? {} : { file }) })) return undefined;
  const start = matchEnd - (quoted ? 1 : 0) - value.length;
  return { start, end: start + value.length };
}

/** `IDENTIFIED BY` and the password after it (matchAll copies the pattern, so one compiled copy serves every text). */
const IDENTIFIED_BY_PASSWORD = new RegExp(
  /\bidentified(?:\s{1,4}with\s{1,4}['"]?\w{1,40}['"]?)?\s{1,4}by\s{1,4}(?:password\s{1,4})?/.source +
    `(?:'(?<sq>${singleQuotedBody(200)})'|'(?<sq2>[^'\\r\\n]{1,200})'|"(?<dq>${doubleQuotedBody(200)})"|(?<uq>[^\\s;'"]{1,200}))`,
  'gi',
);

/** The old password of a `REPLACE` clause at `at`, right after an `IDENTIFIED BY` password, when it is one. */
function replacedPasswordAt(text: string, at: number, file: string | undefined): Span | undefined {
  REPLACED_PASSWORD.lastIndex = at;
  const m = REPLACED_PASSWORD.exec(text);
  return m === null ? undefined : sqlPasswordSpan(m.groups!, at + m[0].length, file);
}

/**
 * SQL*Plus's own `CONNECT user/password@db` (`CONN` for short) opening a line: in a script it runs
 * or a heredoc fed to it (`sqlplus -s /nolog <<EOF`), the way to log in without the password on
 * the command line, which then sits in the script instead. Matched at the keyword's offset.
 */
const SQLPLUS_CONNECT = /(?<=^[ \t]{0,16})conn(?:ect)?[ \t]{1,4}["']?(?<ora>[\w$#.]{1,30}\/(?<orapw>[^\s@/"';]{1,128}|"[^\s"@]{1,128}")@[^\s"';]{1,200})/imy;

function findSqlplusConnects(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(SQLPLUS_CONNECT, text, offsets, (m) => {
    const { ora, orapw } = m.groups as { ora: string; orapw: string };
    const password = orapw.startsWith('"') ? orapw.slice(1, -1) : orapw;
    if (!isPlausiblePassword(password, options.file)) return;
    const end = m.index + m[0].length;
    spans.push({ start: end - ora.length, end });
  });
  return spans;
}

/** A command-line option's word alone: `--verbose`, `-q`, SteamCMD's `+quit`. */
const ARGV_OPTION = /^(?:--?|\+)[A-Za-z][A-Za-z_-]{0,40}$/;

function findToolCredentials(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  const push = (g: Record<string, string | undefined>, end: number, password: string) => {
    // OpenSSL's `-hmac` / `-macopt key:` is the key a digest is signed with, not a password.
    const category: Category = g['ora'] !== undefined ? 'CONN' : g['hmackey'] !== undefined ? 'KEY' : 'PASS';
    // expdp and its likes take a quoted password inside the connect string (`system/'…'@db`).
    const bare = /^(["']).{1,128}\1$/.test(password) ? password.slice(1, -1) : password;
    if (!isPlausibleSecret(bare, { category: category === 'CONN' ? 'PASS' : category, quoted: true, file: options.file })) return;
    if (g['ora'] !== undefined) {
      spans.push({ start: end - g['ora'].length, end, category });
      return;
    }
    // A password quoted on its own (smbclient's `-U user%'…'`) is reported without its quotes.
    const quoteWidth = bare === password ? 0 : 1;
    spans.push({ start: end - password.length + quoteWidth, end: end - quoteWidth, category });
  };
  for (const m of text.matchAll(TOOL_CREDENTIALS)) {
    const g = m.groups!;
    const password = g['orapw'] ?? g['lftppw'] ?? g['smbpw'] ?? g['ldappw'] ?? g['sslpw'] ?? g['hmackey'] ?? g['steampw'] ?? g['netpw'] ?? g['netuserpw'] ?? g['cmdkeypw'] ?? g['schtaskspw'] ?? g['signtoolpw'] ?? g['rabbitpw'] ?? g['mkstorepw']!;
    push(g, m.index + m[0].length, password);
  }
  if (RMAN_WORD.test(text)) {
    for (const m of text.matchAll(RMAN_CONNECT)) {
      const { start } = lineBounds(text, m.index);
      if (!RMAN_WORD.test(text.slice(start, m.index))) continue;
      push(m.groups!, m.index + m[0].length, m.groups!['orapw']!);
    }
  }
  return spans;
}

/**
 * Library calls that take a credential by position rather than by name: which argument
 * (1-based) is the secret, and what kind it is. Only a literal there is reported.
 * `piped`: the argument's place when a pipe (R's `|>`, `%>%`) hands the call its first argument;
 * `file`: the only files where the name is that library's (a plain `database(…)` is anyone's function elsewhere);
 * `last`: only when no argument follows the credential's.
 */
const CREDENTIAL_CALLS: readonly { call: string; arg: number; category: Category; last?: true; piped?: number; file?: RegExp }[] = [
  { call: 'PlainCredentials', arg: 2, category: 'PASS' }, // pika
  { call: 'DBI->connect', arg: 3, category: 'PASS' }, // Perl DBI
  { call: 'Credentials', arg: 4, category: 'PASS' }, // sbt: Credentials(realm, host, user, password)
  { call: '.login', arg: 2, category: 'PASS' }, // smtplib, imaplib, poplib, ftplib
  // An app's own sign-in helper called without a receiver (`LoginAsync("qa-bot-04", "…")` for a QA auto-login, a test's `signIn(user, "…")`).
  { call: 'login', arg: 2, category: 'PASS' },
  { call: 'Login', arg: 2, category: 'PASS' },
  { call: 'LoginAsync', arg: 2, category: 'PASS' },
  { call: 'signIn', arg: 2, category: 'PASS' },
  { call: 'SignIn', arg: 2, category: 'PASS' },
  { call: 'SignInAsync', arg: 2, category: 'PASS' },
  // A client's or a session's `authenticate(user, "…")` (a market-data session, an LDAP or IMAP client, a test's helper):
  // with exactly two arguments the second is the password. With more, they are often a realm's or a scheme's options.
  { call: 'authenticate', arg: 2, category: 'PASS', last: true },
  { call: 'Authenticate', arg: 2, category: 'PASS', last: true },
  { call: 'authenticateUser', arg: 2, category: 'PASS', last: true },
  { call: 'AuthenticateUser', arg: 2, category: 'PASS', last: true },
  { call: 'FTP', arg: 3, category: 'PASS' },
  { call: 'FTP_TLS', arg: 3, category: 'PASS' },
  { call: 'simple_bind_s', arg: 2, category: 'PASS' }, // python-ldap
  { call: 'ssh.Password', arg: 1, category: 'PASS' }, // golang.org/x/crypto/ssh
  { call: 'Net::SMTP.start', arg: 5, category: 'PASS' }, // Ruby: start(address, port, helo, user, secret, authtype)
  { call: 'NewStaticV4', arg: 2, category: 'KEY' }, // minio-go credentials
  { call: 'WithAuthToken', arg: 1, category: 'KEY' }, // go-github
  { call: 'X509Certificate2', arg: 2, category: 'PASS' }, // .NET: a certificate file's password
  { call: 'hmacShaKeyFor', arg: 1, category: 'KEY' }, // jjwt Keys.hmacShaKeyFor("…".getBytes())
  { call: 'jwt.encode', arg: 2, category: 'KEY' },
  { call: 'jwt.sign', arg: 2, category: 'KEY' },
  { call: 'jwt.verify', arg: 2, category: 'KEY' },
  { call: 'hmac.new', arg: 1, category: 'KEY' },
  { call: 'createHmac', arg: 2, category: 'KEY' },
  { call: 'hash_hmac', arg: 3, category: 'KEY' }, // PHP: hash_hmac(algo, data, key)
  { call: 'OpenSSL::HMAC.hexdigest', arg: 2, category: 'KEY' }, // Ruby: OpenSSL::HMAC.hexdigest(digest, key, data)
  { call: 'OpenSSL::HMAC.digest', arg: 2, category: 'KEY' },
  { call: 'OpenSSL::HMAC.base64digest', arg: 2, category: 'KEY' },
  { call: 'Fernet', arg: 1, category: 'KEY' },
  { call: 'AES.new', arg: 1, category: 'KEY' },
  { call: 'SecretKeySpec', arg: 1, category: 'KEY' },
  { call: 'cookieParser', arg: 1, category: 'KEY' },
  { call: 'HMAC256', arg: 1, category: 'KEY' }, // java-jwt Algorithm.HMAC256
  { call: 'HMAC384', arg: 1, category: 'KEY' },
  { call: 'HMAC512', arg: 1, category: 'KEY' },
  { call: 'NewStaticCredentials', arg: 2, category: 'KEY' }, // aws-sdk-go
  { call: 'BasicAWSCredentials', arg: 2, category: 'KEY' }, // aws-sdk-java
  { call: 'AwsBasicCredentials.create', arg: 2, category: 'KEY' },
  { call: 'StorageSharedKeyCredential', arg: 2, category: 'KEY' }, // Azure storage
  { call: 'AzureKeyCredential', arg: 1, category: 'KEY' }, // Azure SDKs' key credential
  { call: 'ApiKeyCredential', arg: 1, category: 'KEY' }, // OpenAI's .NET client (System.ClientModel)
  // Elastic's .NET client: `new ApiKey("<base64 id:key>")`. Only as the call's one argument: a class of that name
  // in application code may take anything first.
  { call: 'ApiKey', arg: 1, category: 'KEY', last: true },
  // An auth object an SDK's client is given, named for the one key or token it carries: Benchling's
  // `auth_method=ApiKeyAuth("sk_…")`, `BearerAuth("…")`, `TokenAuth("…")` (an `auth=` hook for requests or httpx).
  // Only as the call's one argument: a second would be a scheme's or a header's name beside it.
  { call: 'ApiKeyAuth', arg: 1, category: 'KEY', last: true },
  { call: 'APIKeyAuth', arg: 1, category: 'KEY', last: true },
  { call: 'BearerAuth', arg: 1, category: 'TOKEN', last: true },
  { call: 'BearerTokenAuth', arg: 1, category: 'TOKEN', last: true },
  { call: 'HTTPBearerAuth', arg: 1, category: 'TOKEN', last: true },
  { call: 'TokenAuth', arg: 1, category: 'TOKEN', last: true },
  // Box's Java SDK: `new BoxAPIConnection("…")` with one argument is a developer token; with four, the first is the client id.
  { call: 'BoxAPIConnection', arg: 1, category: 'TOKEN', last: true },
  // Braintree's Java and .NET gateways: `new BraintreeGateway(Environment.PRODUCTION, merchantId, publicKey, privateKey)`.
  { call: 'BraintreeGateway', arg: 4, category: 'KEY' },
  { call: "require('twilio')", arg: 2, category: 'KEY' },
  { call: 'require("twilio")', arg: 2, category: 'KEY' },
  { call: 'new Twilio', arg: 2, category: 'KEY' },
  // Stream Chat's server client: `StreamChat.getInstance(apiKey, apiSecret)`, `new StreamChat(apiKey, apiSecret)`; the key is public.
  { call: 'StreamChat.getInstance', arg: 2, category: 'KEY' },
  { call: 'new StreamChat', arg: 2, category: 'KEY' },
  // Puppet's hash functions take the plain password: `password => postgresql_password('user', '…')`,
  // puppetlabs-mysql's `mysql::password('…')`, stdlib's `pw_hash('…', 'SHA-512', salt)` and `str2saltedsha512('…')`.
  { call: 'postgresql_password', arg: 2, category: 'PASS' },
  { call: 'mysql_password', arg: 1, category: 'PASS' },
  { call: 'mysql::password', arg: 1, category: 'PASS' },
  { call: 'pw_hash', arg: 1, category: 'PASS' },
  { call: 'str2saltedsha512', arg: 1, category: 'PASS' },
  // Password-hashing calls in application code: a literal hashed there is a password kept in the source.
  { call: 'password_hash', arg: 1, category: 'PASS' }, // PHP
  { call: 'Hash::make', arg: 1, category: 'PASS' }, // Laravel
  { call: 'generate_password_hash', arg: 1, category: 'PASS' }, // Werkzeug
  { call: 'make_password', arg: 1, category: 'PASS' }, // Django
  { call: 'bcrypt.hashpw', arg: 1, category: 'PASS' },
  { call: 'bcrypt.hash', arg: 1, category: 'PASS' }, // Node bcrypt / bcryptjs
  { call: 'bcrypt.hashSync', arg: 1, category: 'PASS' },
  { call: 'BCrypt::Password.create', arg: 1, category: 'PASS' }, // Ruby
  // Devices: Arduino/ESP `WiFi.begin(ssid, "…")`, `wifiMulti.addAP(ssid, "…")`, paho-mqtt `username_pw_set(user, "…")`.
  { call: 'WiFi.begin', arg: 2, category: 'PASS' },
  { call: '.addAP', arg: 2, category: 'PASS' },
  { call: '.username_pw_set', arg: 2, category: 'PASS' },
  // A client's options given the login as a pair: rumqttc's `MqttOptions::set_credentials(user, "…")`, and the builders'
  // `setCredentials(user, "…")`, `with_credentials(user, "…")`, `withCredentials(user, "…")`. Only as the call's last
  // argument: HttpClient's `setCredentials(scope, credentials)` and a builder's `withCredentials(provider)` take objects.
  { call: '.set_credentials', arg: 2, category: 'PASS', last: true },
  { call: '.setCredentials', arg: 2, category: 'PASS', last: true },
  { call: '.with_credentials', arg: 2, category: 'PASS', last: true },
  { call: '.withCredentials', arg: 2, category: 'PASS', last: true },
  // Rust's lettre (SMTP) and other crates' login pair: `Credentials::new("user".to_owned(), "…".to_owned())`.
  { call: 'Credentials::new', arg: 2, category: 'PASS' },
  // Arduino's MQTT client, PubSubClient: `mqtt.connect(clientId, user, "…")` (maybe a will after it). Its other forms put
  // a topic and a number there (`connect(id, willTopic, willQos, …)`); any C or C++ `.connect` given a host, a user and a
  // password in that order takes the password third as well.
  { call: '.connect', arg: 3, category: 'PASS', file: /\.(?:ino|pde|c|cc|cpp|cxx|h|hh|hpp)$/i },
  // R: httr2's `req_auth_basic(req, "user", "…")` (piped: `request(url) |> req_auth_basic("user", "…")`);
  // MATLAB's Database Toolbox `database("source", "user", "…", …)`.
  { call: 'req_auth_basic', arg: 3, category: 'PASS', piped: 2 },
  { call: 'database', arg: 3, category: 'PASS', file: /\.m$/i },
  // Go's pure-Go Oracle driver builds its DSN from parts: `go_ora.BuildUrl(server, port, service, user, password, options)`.
  { call: 'go_ora.BuildUrl', arg: 5, category: 'PASS' },
  // kafka-go's SASL/SCRAM login: `scram.Mechanism(scram.SHA512, user, password)`.
  { call: 'scram.Mechanism', arg: 3, category: 'PASS' },
  // Go's net/smtp: `smtp.PlainAuth(identity, username, password, host)`, `smtp.CRAMMD5Auth(username, secret)`.
  { call: 'smtp.PlainAuth', arg: 3, category: 'PASS' },
  { call: 'smtp.CRAMMD5Auth', arg: 2, category: 'PASS' },
  // web-push (Node): `webpush.setVapidDetails(subject, publicKey, privateKey)`; the public key is shipped to browsers,
  // the third signs every push. pywebpush and web-push-php take theirs by name (`vapid_private_key=`, `'privateKey' =>`).
  { call: 'setVapidDetails', arg: 3, category: 'KEY' },
  // nats.go's connect options: `nats.Token("…")` is the server's auth token, `nats.UserInfo(user, "…")` a user's password.
  { call: 'nats.Token', arg: 1, category: 'TOKEN' },
  { call: 'nats.UserInfo', arg: 2, category: 'PASS' },
  // Autodesk Platform Services' OAuth client-credential calls take the app's client id, then its client secret:
  // the APS SDK's `authClient.getTwoLeggedToken(clientId, "…", scopes)`, forge-apis' `new AuthClientTwoLegged(clientId,
  // "…", scopes, autoRefresh)` and `AuthClientThreeLegged(clientId, "…", redirectUri, scopes)`. The id is no secret.
  { call: 'getTwoLeggedToken', arg: 2, category: 'KEY' },
  { call: 'AuthClientTwoLegged', arg: 2, category: 'KEY' },
  { call: 'AuthClientThreeLegged', arg: 2, category: 'KEY' },
];
const CREDENTIAL_CALL_BY_NAME = new Map(CREDENTIAL_CALLS.map((c) => [c.call, c]));
/** Every call name in one pass; a name must be whole (`jwt.sign(`, not `myjwt.sign(`) except `.login` after any receiver. */
const CREDENTIAL_CALL_SCAN = callNameScan(CREDENTIAL_CALLS.map((c) => c.call));

/**
 * One pattern for the names, matching as their plain alternation does (the same names in the same order, each whole but
 * those that open with a dot), written for speed: a look-ahead for the names' first characters passes over most offsets
 * at one test, and the whole-name look-behind is written once for each run of names that share it. As an alternation of
 * names each led by its own look-behind, every name was tried at every offset of the text: ~14 ns a character, 640 ms
 * over the bench tree's 42 MB, ~390 ms so.
 */
function callNameScan(names: readonly string[]): RegExp {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const runs: { whole: boolean; names: string[] }[] = [];
  for (const name of names) {
    const whole = !(name.startsWith('.') || /^(?:new |require)/.test(name));
    const last = runs[runs.length - 1];
    if (last !== undefined && last.whole === whole) last.names.push(escape(name));
    else runs.push({ whole, names: [escape(name)] });
  }
  const firsts = [...new Set(names.map((name) => escape(name.charAt(0))))].join('');
  const alternatives = runs.map((run) => (run.whole ? `(?<![\\w$])(?:${run.names.join('|')})` : run.names.join('|')));
  return new RegExp(`(?=[${firsts}])(?:${alternatives.join('|')})(?=[ ]{0,4}\\()`, 'g');
}

/** A pipe right before a call (R's `|>` and magrittr's `%>%`, maybe at the end of the line before). */
const PIPE_BEFORE = /(?:\|>|%>%)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?$/;

/** A method that turns a literal argument into bytes or another string, its charset's name maybe given in full. */
const LITERAL_AS_BYTES = /^\.(?:encode|getBytes|toByteArray|toCharArray|as_bytes|into|to_owned|to_string)\([^()\r\n]{0,48}\)/;

/** One argument of a call: a string literal (with its offset) or any other expression. */
interface Argument {
  literal?: { value: string; start: number };
  /** The argument is a bare name (`raw`, `keyBytes`): a local that may hold the literal. */
  name?: string;
}

/**
 * Reads up to `count` arguments of the call whose `(` is at `open`: literals are kept,
 * other expressions skipped up to the next top-level comma. Bounded to 600 characters.
 */
function readArguments(text: string, open: number, count: number): Argument[] & { end?: number } {
  const args: Argument[] & { end?: number } = [];
  let i = open + 1;
  const limit = Math.min(text.length, open + 600);
  while (args.length < count && i < limit) {
    while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    // A line comment after the comma that ended the argument before (`"…",  // the public key`): the next argument
    // opens on the next line.
    while (text.startsWith('//', i) && i > open + 1) {
      const eol = lineEndBefore(text, i, limit);
      if (eol >= limit) return args;
      i = eol + 1;
      while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    }
    const argStart = i;
    let literal: Argument['literal'];
    const prefix = /^(?:[bBrRuU]{1,2}|@|\[\]byte\(|Buffer\.from\()?(?=["'`])/.exec(text.slice(i, i + 14));
    if (prefix !== null) {
      const quote = text[i + prefix[0].length]!;
      const start = i + prefix[0].length + 1;
      let j = start;
      while (j < limit && text[j] !== quote && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== quote) return args;
      literal = { value: text.slice(start, j), start };
      i = j + 1;
      if (prefix[0].endsWith('(') && text[i] === ')') i++;
      // `"…".encode()`, `"…".getBytes()`, Rust's `"…".to_owned()`, Java's `"…".toCharArray()`: the literal is still the argument.
      // A charset may be named in full (`StandardCharsets.UTF_8`, `java.nio.charset.StandardCharsets.ISO_8859_1`).
      const method = LITERAL_AS_BYTES.exec(text.slice(i, i + 70));
      if (method) i += method[0].length;
    }
    // Skip to the comma that ends this argument (or the closing parenthesis).
    let depth = 0;
    let other = false;
    while (i < limit) {
      const c = text[i]!;
      // A line comment after a literal argument (`"…"  // the private key`) is no part of it.
      if (c === '/' && text[i + 1] === '/' && literal !== undefined && !other) {
        i = lineEndBefore(text, i, limit);
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
      else if (c === '"' || c === "'" || c === '`') {
        const close = text.indexOf(c, i + 1);
        if (close === -1 || close > limit) return args;
        i = close;
      }
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') other = true;
      i++;
    }
    const name = literal === undefined ? BARE_NAME.exec(text.slice(argStart, i).trimEnd()) : null;
    args.push(literal !== undefined && !other ? { literal } : name !== null ? { name: name[0] } : {});
    args.end = i;
    if (text[i] !== ',') break;
    i++;
  }
  return args;
}

const BARE_NAME = /^[A-Za-z_$][\w$]{0,60}$/;

/**
 * A local bound to a key's literal as bytes, a line or a few above the call it is given to: decoded from base64 or
 * hex (Java's `Base64.getDecoder().decode("…")`, Python's `base64.b64decode("…")`, .NET's `Convert.FromBase64String("…")`,
 * Go's `hex.DecodeString("…")`), or encoded (`"…".getBytes()`, `b"…"`, `Buffer.from("…")`); or a plain literal. The
 * name may follow a type (`byte[] raw =`) or carry one (`val raw: ByteArray =`), Go's `key, _ :=` too.
 */
const LOCAL_KEY_BINDING = new RegExp(
  String.raw`(?<![\w$.])(?<n>[A-Za-z_$][\w$]{0,60})(?:[ \t]{0,4},[ \t]{0,4}_)?(?:[ \t]{0,4}:[ \t]{0,4}[\w<>\[\]?.]{1,40})?[ \t]{0,4}:?=(?![=>])[ \t]{0,4}` +
    String.raw`(?<wrap>[\w$.]{0,40}?(?:Base64\.get(?:Url|Mime)?Decoder\(\)\.decode|b64decode|fromhex|unhexlify|FromBase64String|decodeBase64|decodeHex|parseHexBinary|parseBase64Binary|Buffer\.from|\[\]byte|DecodeString|atob)\([ \t]{0,4})?` +
    String.raw`(?<b>[bB])?(?<q>["'])(?<v>[^"'\\\r\n]{1,300})\k<q>(?<enc>\.(?:getBytes|encode|toByteArray|as_bytes)\([^()\r\n]{0,48}\))?`,
  'y',
);
/** How far above a call its argument's local is looked for. */
const LOCAL_LOOK_BACK = 600;

/**
 * The literal a local named `name` is bound to in the lines before `at` (the nearest binding), when the value is key
 * material: bytes made from a literal, or for a key's call a plain literal. Only the name's own occurrences are tried.
 */
function localKeyLiteral(text: string, at: number, name: string, category: Category): { value: string; start: number } | undefined {
  const from = Math.max(0, at - LOCAL_LOOK_BACK);
  // Each search stops at the look-back's floor: a name bound nowhere above is not looked for back to the text's start.
  for (let i = lastIndexOfAbove(text, name, at - 1, from); i !== -1; i = i === 0 ? -1 : lastIndexOfAbove(text, name, i - 1, from)) {
    LOCAL_KEY_BINDING.lastIndex = i;
    const m = LOCAL_KEY_BINDING.exec(text);
    if (m === null || m.groups!['n'] !== name || m.index + m[0].length > at) continue;
    const g = m.groups!;
    const asBytes = g['wrap'] !== undefined || g['b'] !== undefined || g['enc'] !== undefined;
    const value = g['v']!;
    return asBytes || category === 'KEY' ? { value, start: m.index + m[0].length - (g['enc']?.length ?? 0) - 1 - value.length } : undefined;
  }
  return undefined;
}

function findCredentialCalls(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  const re = CREDENTIAL_CALL_SCAN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const { arg: place, category, last, piped, file } = CREDENTIAL_CALL_BY_NAME.get(m[0])!;
    if (file !== undefined && (options.file === undefined || !file.test(options.file))) continue;
    const arg = piped !== undefined && PIPE_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index)) ? piped : place;
    // After `|` it is a template filter (`'…' | password_hash('sha512')`): its input comes before it.
    if (/\|[ \t]{0,4}$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    let open = m.index + m[0].length;
    while (text[open] === ' ') open++;
    const args = readArguments(text, open, arg);
    // Arguments already read are not searched again (linear on `f(f(f(…`).
    re.lastIndex = Math.max(re.lastIndex, args.end ?? open);
    const given = args[arg - 1];
    // A bare name: the local the lines above bind to the key's literal (`byte[] raw = …decode("…");` then `new SecretKeySpec(raw, …)`).
    const literal = given?.literal ?? (given?.name !== undefined ? localKeyLiteral(text, m.index, given.name, category) : undefined);
    if (literal === undefined) continue;
    if (last === true && text[args.end ?? open] !== ')') continue;
    if (!isPlausibleSecret(literal.value, { category, quoted: true, file: options.file })) continue;
    spans.push({ start: literal.start, end: literal.start + literal.value.length, category });
  }
  return spans;
}

/** `crypt(` as a whole name (not the end of `encrypt(` or `decrypt(`), from the keyword on. */
const CRYPT_CALL = /crypt\(/;

/** The first argument of each `crypt(` call the prefilter found, when it is a plausible password literal. */
function findCryptPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    if (offset < readTo) continue;
    const before = offset > 0 ? text.charCodeAt(offset - 1) : 0;
    if (isWordCode(before) || before === 0x24 /* $ */) continue;
    const args = readArguments(text, offset + 5, 1);
    readTo = args.end ?? offset + 6;
    const literal = args[0]?.literal;
    if (literal === undefined || !isPlausiblePassword(literal.value, options.file)) continue;
    spans.push({ start: literal.start, end: literal.start + literal.value.length });
  }
  return spans;
}

function judged(category: Category, file: string | undefined, quoted = true) {
  return (value: string): boolean => isPlausibleSecret(value, { category, quoted, file });
}

/**
 * A finder for a pattern whose secret sits in one of two groups, the double-quoted and
 * the single-quoted form of the same literal (the engine's `secretGroup` names one).
 * `judge` returns the category of a plausible secret, or false.
 */
function quotedLiteralFinder(
  pattern: RegExp,
  groups: readonly [string, string, ...string[]],
  judge: (value: string, match: RegExpExecArray, file: string | undefined) => Category | false,
): (text: string, options: DetectOptions) => Span[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return (text, options) => {
    const spans: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let value: string | undefined;
      for (let i = 0; i < groups.length && value === undefined; i++) value = m.groups?.[groups[i]!];
      if (value === undefined) continue;
      const category = judge(value, m, options.file);
      if (category === false) continue;
      // The literal is the last quoted thing in the match, or is followed only by `)` and spaces.
      const offset = m[0].lastIndexOf(value);
      spans.push({ start: m.index + offset, end: m.index + offset + value.length, category });
    }
    return spans;
  };
}

/**
 * A password given in prose after a login: letters and a digit, and a symbol or both cases (`Tq7!mRw2zKx9`, `heron.quartz.318`),
 * as passwords are made, where a sentence's next word is a plain one.
 */
function isMadeProsePassword(value: string, ctx: RuleContext): boolean {
  return (hasMadePasswordMix(value) || hasMainframePasswordShape(value) || hasCapitalisedPassphraseShape(value)) &&
    isPlausiblePassword(value, ctx.file);
}

/** After a pair's password: the clause ends (a stop, a comma or a bracket before a blank, or the line's end). */
const CLAUSE_ENDS_AFTER = /^(?:[),.;:]{0,3}(?:\r?\n|$)|[),.;:]{1,3}[ \t])/;
/** A sentence that states the pair (`the login for the relief account is relief1 / …`), not a label's colon. */
const PAIR_STATED_BY_VERB = /[ \t](?:is|was)\s{1,13}[\w.@+-]{1,64}[ \t]{1,3}\/[ \t]{1,3}$/i;

/**
 * A password after a user name and a spaced slash in prose (`user-slash-password-prose`): made as `isMadeProsePassword` says.
 * After the word account the pair must end its clause, as `the account billing / Invoices2024 pages` does not. Where a
 * sentence states the pair (`… account is relief1 / …`), capitalised words joined by hyphens with no digit or symbol are one
 * too (`Overflow-Weir-Night`), as a policy that asks for capitals alone gets them, when the value ends the clause.
 */
function isSlashPairProsePassword(value: string, ctx: RuleContext): boolean {
  // In code marks the value is all they hold, and they must close (`` `…` ``); a bare value runs into none.
  const quoted = ctx.groups?.['q'] === '`';
  const closed = ctx.text.charCodeAt(ctx.matchEnd - 1) === 0x60;
  if (quoted !== closed) return false;
  const endsClause = CLAUSE_ENDS_AFTER.test(ctx.text.slice(ctx.matchEnd, ctx.matchEnd + 4));
  const lead = ctx.text.slice(ctx.matchStart, ctx.matchEnd - value.length - (quoted ? 2 : 0));
  if (/^account/i.test(lead) && !endsClause) return false;
  if (isMadeProsePassword(value, ctx)) return true;
  return endsClause && PAIR_STATED_BY_VERB.test(lead) && CAPITALISED_HYPHENED_WORDS.test(value) && isPlausiblePassword(value, ctx.file);
}
/** Three or four capitalised words joined by hyphens (`Overflow-Weir-Night`). */
const CAPITALISED_HYPHENED_WORDS = /^[A-Z][a-z]{2,12}(?:-[A-Z][a-z]{2,12}){2,3}$/;

/**
 * A password a login pair gives (`user tess-imports, pw …`, `creds are ops / …`): made as in prose, or a memorable
 * passphrase of three or four capitalised words joined alike with no symbol after them (`Maersk-Pallet-Stack`), as password
 * managers generate: after an account and the password's word no title or menu is written so.
 */
function isPairedProsePassword(value: string, ctx: RuleContext): boolean {
  if (isMadeProsePassword(value, ctx)) return true;
  // Words of both cases joined by a symbol no word's joint is (`Goniometer!Zero`): made, beside the login they are given with,
  // unless the words remark on the password (`Reset!Required`).
  if (INNER_SYMBOL_MIXED_CASE.test(value)) return !REMARK_WORDS.test(value.replace(/[^A-Za-z]/g, ' ')) && isPlausiblePassword(value, ctx.file);
  return CAPITALISED_WORDS.test(value) && !INSTRUCTION_WORD.test(value) && isPlausiblePassword(value, ctx.file);
}
const CAPITALISED_WORDS = /^[A-Z][a-z]{2,12}(?:([-._])[A-Z][a-z]{2,12}(?:\1[A-Z][a-z]{2,12}){1,2})$/;
/** Words that make capitalised words an instruction or a stand-in, not a passphrase (`See-The-Wiki`, `Ask-For-Access`, `Your-Password-Here`). */
const INSTRUCTION_WORD =
  /(?:^|[-._])(?:The|And|For|From|Via|With|Your|Our|See|Ask|Use|Check|Set|Reset|Change|Enter|Same|Not|None|Default|Password|Here|Later|Vault|Wiki|Portal|Sso)(?=[-._]|$)/;

/**
 * Three or four capitalised words joined by `-`, `.` or `_` and closed by a symbol (`Parvo-Shot-Tuesday!`, `Moss.Quarry.Lantern#`):
 * a passphrase as a password policy that asks for capitals and a symbol gets it, with no digit. A title's words are not
 * joined so, nor closed by a `#` or a `!` inside the pair a login gives.
 */
const CAPITALISED_PASSPHRASE = /^[A-Z][a-z]{2,12}(?:([-._])[A-Z][a-z]{2,12}(?:\1[A-Z][a-z]{2,12}){1,2})[!#$%&*?@+=]{1,2}$/;
function hasCapitalisedPassphraseShape(value: string): boolean {
  return CAPITALISED_PASSPHRASE.test(value);
}

/**
 * A mainframe password as RACF takes it: six to eight capitals, digits and its national characters `#`, `$`, `@`, with a
 * digit between letters (`TST4CLM9`, `PR0D#ETL`). Its one case is the system's, not a word's; a digit inside sets it
 * apart from a name with a number after it (`SHA256`, `AES256`, `X509`).
 */
function hasMainframePasswordShape(value: string): boolean {
  return /^[A-Z#$@][A-Z0-9#$@]{5,7}$/.test(value) && /[A-Z#$@]\d{1,3}[A-Z#$@]/.test(value);
}

const judgedPassword = (value: string, _m: RegExpExecArray, file: string | undefined): Category | false =>
  isPlausiblePassword(value, file) ? 'PASS' : false;

export const genericRules: Rule[] = [
  {
    id: 'generic-assignment',
    category: 'PASS',
    description:
      'A password, secret, token or API key assigned to a secret-sounding name (code, JSON, YAML, .env, INI, properties, Terraform, shell, Dockerfile, SQL)',
    keywords: [
      'pass', 'pw', 'psw', 'pssw', 'pasw', 'pwd', 'secret', 'token', 'key', 'cred', 'auth', 'dek', 'kek', 'salt', 'seed', 'nonce', 'otp', 'bearer', 'pat', 'pepper', 'erlang', 'setcookie', 'release_cookie', 'releasecookie', 'psk', 'hmac', 'exponent', 'install_code', 'installcode', 'install-code', 'install.code',
      // A service's licence key under its name alone (`MAXMIND_LICENSE`): only a generated value counts.
      'license', 'licence',
      // An encryption's master key named group-first (`keys.encryption.master`, `cryptoMaster`): no `key` in the name.
      'encryption.master', 'encryption_master', 'encryption-master', 'encryptionmaster', 'crypto.master', 'crypto_master', 'crypto-master', 'cryptomaster',
      // A provider's OAuth refresh token named without its `token` (`BLACKBAUD_REFRESH`, `xeroRefresh`).
      'refresh',
      // A custom header named for an API (`"x-drmtoday-api": "…"`, `-H 'X-Acme-Api: …'`): no `key` in the name.
      '-api',
      // A license service's signing IV (`SIGNING_IV`, `widevine_signing_iv`), issued with its signing key.
      'signing_iv', 'signingiv', 'signing-iv', 'signing.iv',
      // Any name that ends in a PIN (`DOOR_PIN`), for a strong value only: `pin` alone would stop at every `mapping`.
      '_pin', '-pin',
      'admin_pin', 'admin-pin', 'adminpin', 'master_pin', 'master-pin', 'masterpin', 'unlock_pin', 'unlock-pin', 'unlockpin', 'supervisor_pin', 'supervisor-pin', 'supervisorpin', 'operator_pin', 'operator-pin', 'operatorpin',
      'manager_pin', 'manager-pin', 'managerpin', 'override_pin', 'override-pin', 'overridepin',
      // A keypad's code named for what it guards or who overrides it (`ALARM_CODE`, `installerCode`, `gm-override-code`): digits only.
      ...ACCESS_CODE_KEYWORDS,
      // A PIN camel-cased to whose it is (`servicePin`, `doorPin`).
      ...CAMEL_PIN_OWNERS.map((owner) => `${owner}pin`),
      // A bare `pin` entry, read under a device's mapping or section only.
      'pin:', 'pin":', "pin':", 'pin =', 'pin=',
      'contrase', 'senha', 'wachtwoord', 'kennwort', 'parol', 'heslo', 'haslo', 'losenord', 'salasana', 'sifre',
      'chave', 'clave', 'llave', 'chiave', 'klucz', 'anahtar', 'schluessel', 'schlussel', 'sleutel', 'nyckel', 'gizli', 'geheim', 'segredo', 'segreto', 'sekret', 'jeton',
    ],
    pattern: ASSIGNMENT,
    find: findAssignments,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'DOOR_PIN="Kt4#wPz8Lq2Vn"',
        // A PIN's digits under a name that says whose it is or what it guards, or kept as text under another PIN's name.
        'DOOR_PIN="48213907"', 'pub const SERVICE_PIN: &str = "502817";', '#define GM_OVERRIDE_CODE "27183"', '  dsp_pin: "0482"',
        // Qt makes a header's value a byte array of its literal.
        'static const QByteArray kStationApiKey = QByteArrayLiteral("lPw0x4XFAFlpHuXEZDBcW7ExmEmWrnVh8xCS178M");',
        // A backup repository's password is a passphrase by its tool's design: a run of words.
        'export RESTIC_PASSWORD="sunflower state backups never lie"',
        // A till's override PIN: a manager keys it in to void or refund.
        '[Supervisor]\nOverridePin=731904',
        // 10 characters of all four classes, the symbol no name's separator.
        'The VNC password on all panels is Kittiwake9 (the same on all three).',
        'the admin password of the router was Harbor-Gate7!',
        'gate_controller_pin = Rv7!kQ2mXz',
        'password = "Sup3rS3cret!"',
        'DB_PASSWORD=iPp0@GRq',
        "  api_key: 'a8F3kQ9zL2mN7xV4'",
        '"client_secret": "Zk3mP9qR2vX8wL5n"',
        'const API_TOKEN: &str = "Zk3mP9qR2vX8wL5nQ4tY";',
        'GPG_PASSPHRASE="correct horse battery staple"',
        'export GITHUB_TOKEN=q9X2mL7vR4kP8nZ3',
        'db.password=hunter22x',
        'val password: String = "exord13Paw64"',
        'def connect(passwd: str = "cq2tPr1a2"):',
        '#define password "n84ASM54y4"',
        'ENV DB_PASSWORD=Tr0ub4dor',
        "CREATE USER app WITH PASSWORD 'w9Vb2LxQ'",
        'my password is 237dg546fs9',
        'MYSQLPASS: Ce7shE0ENPiBlE_EdEose0cBAA',
        'X3_PSWD=d37Yt1Jnv0-z',
        'GITHUB_PAT=q9X2mL7vR4kP8nZ3wT5yB1cD',
        'password = "Qx7\\"mn-42-Blue"',
        'password = "postgres1"',
        '<a href="https://api.example.com/v1?token=&quot;Zk3mP9qR2vX8wL5n&quot;">',
        'if passwd == "q4c1a2oPd":',
        'resource "aws_db_instance" "db" { password = "Kq8zW3mLp0" }',
        'export VAULT_TOKEN="${VAULT_TOKEN:-Xk29fLqp7ZmW3rTb8VnC}"',
        'EMAIL_HOST_PASSWORD = "qpzm vtrw kxle hbsa"',
        'hmac_key: env::var("HMAC_KEY").unwrap_or_else(|_| "VwEVdhXHkOJBYJOrOqxud3xz++zLwTv0".to_string()),',
        '#define WIFI_PSK "Gr4nary-Wpa2!Lan"',
        'private static readonly byte[] SigningKey = Convert.FromBase64String("Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF");',
        'MP_SMTP_AUTH: "relay:Qx7-Mn42-Blue"',
        'POSTCODE_API_KEY=QW7R-ZTKE-MBXA-PLOD',
        'private static final String WEBHOOK_HMAC = "7a41c09e5bd23f86a1e07c4d92b5f83e6c1d0a9b8e7f6a5d4c3b2a1908f7e6d5";',
        '  psk="c0rn-Field!Wlan7"',
        'const PASSWORD_FIELD: &str = "password_confirmation";\nlet admin = json!({ PASSWORD_FIELD: "Sl8-Adm1n!Seed" });',
        'hadoopConf.set(\n  "fs.azure.account.key.acmelake.dfs.core.windows.net",\n  "0BJPruLhVfSO5F5f7r8dvVO5yOwoOd4k87x71cMQMNTHdh7lj+AlamDntzXF07cnJpe6Vi4OaxMyK61YZa181y=="\n)',
        'Rundeck API token for the `ctrl-ops` user: 4AfRRKN3Zdkarne7A6jr1GASQ4RosAxk',
        'staging redis moved to a new host, password is choir-loft-staging (same as before)',
        "VAPID_PRIVATE_KEY = 'nMBBncF_ZSMtZ0Q1YdngN-gmKUH6bacsptYQmQtStUW'",
        'For the sandbox the password is just Sandbox300! until the cutover.',
        'The staging DB password is still Wq7-Lantern-Moss4 after the audit.',
        '[14:02] raj: set RELEASE_COOKIE back to FEEDS_COOKIE_7c1e9d0a4b on all three pods',
        'reset DB_PASSWORD to Kq8zW3mLp0!x on the replica',
      ],
      noMatch: [
        'The password is still required for the admin console.',
        'The token is just a placeholder until the vendor replies.',
        'set API_TOKEN to the new value from the vault',
        'reset SECRET_KEY back to default',
        'we set the password to something longer',
        'set DB_PASSWORD to ${NEW_DB_PASSWORD} in the pipeline',
        'set TOKEN_TTL to 3600 for the pods',
        '<OTA_ReadRQ Version="1.0" EchoToken="c4375399-0f97-438b-9d82-74228159865e">',
        'Mailgun public validation key: pubkey-79d63a4702b2e2da96ac013f570def3b',
        "        events={'(?i)password':'secret\\\\n'})",
        'The password is never-ever-shared with the vendor.',
        'the password is salted-and-hashed',
        'The password is auto-generated.',
        'The api token is choir-loft-staging',
        'CREATE USER reliability IDENTIFIED BY "Weibull-Beta-3" PASSWORD EXPIRE;',
        'badpw = "notarealpassword"',
        '`Authorization: AWS4-HMAC-SHA256 Credential=mock_access_key/20220524/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=asdf`',
        '        "salt": b"joserfc:OKP:PBKDF2:Ed25519",',
        'digest = (f\'Digest realm="{realm2}", \'\n          f\'qop="auth, auth-int", \'\n          f\'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", \')',
        'Authorization: MAC id="h480djs93hd8",\n                   nonce="1336363200:dj83hs9s",',
        // Regular expressions, scoped and namespaced names, key files, option lists, globbed messages, escaped text and
        // hand-made stand-ins under secret names (the Python 3.11 tree).
        'TOKEN: Final = r"[!#$%&\'*+\\-.^_`|~0-9A-Za-z]{1,}"',
        '    reserved_key = "AWS::CloudFormation::Module"',
        '    _SAM_KEY = "stateMachine:createdBy"',
        "make_cert('localhost-ecc', sign=True, key='param:secp384r1.pem')",
        'Command line keys: -quiet,-verbose,-fix,-f77,-f90,-show,-h <pyffilename>',
        ';*passwd:*all*authentication*tokens*updated*successfully*',
        '        self.update_token = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"',
        "        self.assertRaisesRegex(ValueError, 'null', pwd.getpwnam, 'a\\x00b')",
        'The password of the user is hashed with bcrypt.',
        'The token for each request is refreshed.',
        'API token for the `ctrl-ops` user: see the vault',
        'Property names keep their meaning: `key-store-password`, `MQ_APP_PASSWORD`, `spring.datasource.password` stay as they are.',
        'duo_integration_key: DICRTKF92CP37EOWVGHY',
        'ibm:\n  mq:\n    password: ${MQ_APP_PASSWORD:passw0rd}',
        'LED_PIN = "GPIO_NUM_12"', 'static const QByteArray kApiKeyHeader = QByteArrayLiteral("X-Station-Key");', 'export KOPIA_PASSWORD="stored in the team vault"', 'override_pin_enabled = "731904"', 'OVERRIDE_PIN = 13', 'RELAY_PIN = "Gpio_Pin_10"', 'door_pin = "Kt4#wPz8"', 'RELAY_PIN = 48213907', 'ERROR_CODE = "40412"', 'max_pin_attempts = 3', 'door_pin: "correcthorse12"', 'user_pin_length = "Kt4#wPz8Lq2Vn"', 'TLS_PIN = "Kt4#wPz8Lq2Vn"', 'API_PIN = "sha256/Kt4wPz8Lq2VnR7mX="',
        '<pre>printf(&quot;Password is correct.&quot;);</pre>',
        'password_field = "password"',
        '"_meta": {"request": {"headers": {"Authorization": {"": {"rem": [["@password:filter", "s", 0, 10]], "len": 71}}}}}',
        'if (password === confirmPassword) {',
        'GPG_PASSPHRASE="enter your passphrase here"',
        'passphrase = "Please type the passphrase"',
        'password = "abc"',
        'password = os.environ["DB_PASSWORD"]',
        'token = process.env.GITHUB_TOKEN',
        'password: ${DB_PASSWORD}',
        // Compose's `$$` escapes the shell's `$`: the container's shell reads the variable.
        'test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-u", "root", "--password=$$MYSQL_ROOT_PASSWORD"]',
        'api_key = "{{ api_key }}"',
        'password = "<your-password>"',
        'secret = "changeme"',
        'password: "********"',
        'api_key = "EXAMPLE_KEY_123"',
        'password = getenv("PASS")',
        'password = None',
        'token_url = "https://example.com/oauth/token"',
        'passengers: ["quickBrown", "lazyDog"]',
        'password_id = 2938479',
        'max_password_length = 64',
        'primary_key = "user_id"',
        'integrity: sha512-Xk2pL9vQ3rT8wZ5mN1bC4dF7gH0jK6sA',
        'api_key = "my-api-key"',
        'token = "abcdefgh"',
        'password = "%s"',
        'key = "login.title"',
        'password = "password123"',
        'PATH=/usr/local/bin:/usr/bin',
        'echo "${ADMIN_PASSWORD:?missing}"',
        'public_key = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"',
        "$request->validate(['password' => 'required|min:12|confirmed']);",
        'export VAULT_TOKEN="${VAULT_TOKEN:-}"',
        'pg_password: env::var("PG_PASSWORD").unwrap_or_default(),',
        'resource "random_password" "sql_admin" {',
        "CREATE ROLE migrator LOGIN PASSWORD :'migrator_password';",
        'ALTER ROLE app PASSWORD :app_password;',
        'psk_identity = "gateway-client-07"',
        'const PASSWORD_FIELD: &str = "password_confirmation";\nlet form = json!({ PASSWORD_FIELD: "Re-enter your password" });',
        'const TOKEN_FIELD: &str = "token_type";\nlet row = json!({ TOKEN_FIELD: "Sl8-Adm1n!Seed" });',
        'fields = [\n  "password",\n  "Password-Confirm-Label"\n]',
        'spark.conf.set("fs.azure.account.auth.type.acmelake.dfs.core.windows.net", "SharedKey")',
        // Base64 of words saying the value is a stand-in: "fake-key-not-real".
        'api_secret = "ZmFrZS1rZXktbm90LXJlYWw="',
        // A key's shape filled with zeros.
        '    STRIPE_SECRET_KEY: sk_test_51Mz0000000000000000000000',
        // A Web Push public key, handed to browsers to subscribe.
        "  vapidKey: 'BM4f9Qx2zR7kT1vW8nL3pJ6hD0sG5cA9eY2uI7oK4mB1xV8tZ3qN6wP9rF2jH5lS0dC7gE4aU1yT8iO3kM6bQA1',",
      ],
    },
  },
  {
    id: 'xml-credential',
    category: 'PASS',
    description: 'A credential in an XML element, a key/value attribute pair, a property-list entry, a Hadoop-style property, a web.xml parameter or an SSIS project parameter (`<password>…</password>`, `<add key="Password" value="…"/>`, `<key>ApiSecret</key><string>…</string>`, `<name>fs.s3a.secret.key</name><value>…</value>`, `<param-name>…</param-name><param-value>…</param-value>`, `<SSIS:Parameter SSIS:Name="ApiKey">` with its `Value` property)',
    // `hmac`: a service's signing key is often named for the HMAC alone (Magento's `<notification_hmac>`).
    // `_pin`, `-pin` and a keypad code's names: a PIN's digits in an element named for one (`<string name="printer_pin">`, `<alarm_code>`).
    // `licence`: a service's licence key under the licence's name alone (Android's `<meta-data android:name="scandit.licence" …>`).
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'cred', 'auth', 'hmac', '_pin', '-pin', 'license', 'licence', ...ACCESS_CODE_KEYWORDS],
    pattern: XML_ELEMENT,
    find: findXml,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '<password>Kq8zW3mLp0</password>',
        '<add key="ClearTextPassword" value="x7Hq2mZp9L" />',
        '<entry key="db.password">r4Nd0mPw</entry>',
        '<destination id="gpu" runner="pulsar">\n  <param id="private_token">Hq7Lw2Zr9Tx4Vm8Bn3Kc6Jd1</param>\n</destination>',
        '<key>AnalyticsIngestSecret</key>\n\t<string>q7VbN2xLm9KpR4tZc8WfH3jD6sYgA1eU</string>',
        '<Environment name="mail/smtp/password" type="java.lang.String" value="Rt5^Yu2!Io9#Pa4s" override="false"/>',
        '<property name="password"><value>Vb7nQ2xLp9Tz</value></property>',
        '<entry key="apiSecret">\n  <value>q7VbN2xLm9KpR4tZc8WfH3jD</value>\n</entry>',
        '<AdministratorPassword>\n  <Value>Vb7nQ2xLp9Tz!</Value>\n  <PlainText>true</PlainText>\n</AdministratorPassword>',
        '<DTS:Password\n  DTS:Name="Password"\n  Sensitive="1">Vb7nQ2xLp9Tz!</DTS:Password>',
        '<webhook_hmac>9C2E71B04FA3D85E6B19C07A4D2F83E51B6A09C74E3D28F15A0B6C93E7D41F28</webhook_hmac>',
        '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>Wq4nT8kLr2xZm6PvB3yDk9Hs/1Fj5Gu7Ae0Rc3Np</value>\n</property>',
      ],
      noMatch: [
        '<span id="api_token">Hq7Lw2Zr9Tx4Vm8Bn3Kc6Jd1</span>',
        '<param id="private_token">${PULSAR_TOKEN}</param>',
        '<property name="password"><value>${ldap.password}</value></property>',
        '<property name="passwordEncoder"><ref bean="bcrypt"/></property>',
        '<property name="url"><value>ldaps://dc01.acme.corp:636</value></property>',
        '<password>${db.password}</password>',
        '<add key="PasswordLength" value="12" />',
        '<label>Password</label>',
        '<key>NSFaceIDUsageDescription</key>\n\t<string>Use Face ID instead of your password to sign in.</string>',
        '<key>MFApiToken</key>\n\t<string>$(MF_API_TOKEN)</string>',
        '<Environment name="api/partnerBaseUrl" type="java.lang.String" value="https://partners.example.com/api"/>',
        '<input name="password" type="password" value="{{ form.password }}">',
        '<RegisteredOrganization>\n  <Value>Orchard Mutual</Value>\n</RegisteredOrganization>',
        '<expected_hmac>9C2E71B04FA3D85E6B19C07A4D2F83E51B6A09C74E3D28F15A0B6C93E7D41F28</expected_hmac>',
        '<property>\n  <name>hadoop.security.authentication</name>\n  <value>kerberos</value>\n</property>',
      ],
    },
  },
  {
    id: 'sql-identified-by',
    category: 'PASS',
    description: 'A password in SQL `IDENTIFIED BY` (CREATE/ALTER USER, GRANT)',
    keywords: ['identified'],
    pattern: /\bidentified(?:\s{1,4}with\s{1,4}['"]?\w{1,40}['"]?)?\s{1,4}by\s{1,4}(?:password\s{1,4})?(?:'(?<sq>[^'\r\n]{1,200})'|"(?<dq>[^"\r\n]{1,200})"|(?<uq>[^\s;'"]{1,200}))/i,
    find: (text, options) => {
      const spans: Span[] = [];
      for (const m of text.matchAll(IDENTIFIED_BY_PASSWORD)) {
        // Only in a statement that sets an account's password: prose ("the directory identified by `path`",
        // "expressly identified by Apple") and ASN.1 (`IDENTIFIED BY id-ce-subjectAltName`) say it too.
        if (!SQL_ACCOUNT_STATEMENT.test(text.slice(Math.max(0, m.index - 240), m.index))) continue;
        const span = sqlPasswordSpan(m.groups!, m.index + m[0].length, options.file);
        if (span === undefined) continue;
        spans.push(span);
        const replaced = replacedPasswordAt(text, m.index + m[0].length, options.file);
        if (replaced !== undefined) spans.push(replaced);
      }
      return spans;
    },
    confidence: 'high',
    examples: {
      match: [
        'ALTER USER ccadmin IDENTIFIED BY "Gw$Claim-Prd2" REPLACE "Gw$Claim-Prd1";',
        "CREATE USER 'app'@'%' IDENTIFIED BY 'Wq9zP2mL';",
        'GRANT ALL ON db.* TO u IDENTIFIED BY s3cr3tPw;',
        "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY 'SqLpa5sW0rD';",
        'CREATE USER reporting ACCOUNT UNLOCK\n  IDENTIFIED BY Tern5-Basalt;',
        'CREATE DATABASE LINK ledger CONNECT TO ledger_ro IDENTIFIED BY Quill-Fen-82 USING \'LEDGER\';',
      ],
      noMatch: [
        "CREATE USER 'app'@'%' IDENTIFIED BY '<password>';",
        'IDENTIFIED BY :new_password',
        'CREATE USER claims_ro IDENTIFIED BY &&claims_ro_pw1;',
        'ALTER USER app IDENTIFIED BY "&app_password";',
        '/** Removes the directory identified by `path`. */',
        'Covered Code that has been expressly identified by Acme as such.',
        'SubjectAltName EXTENSION ::= {\n  SYNTAX GeneralNames\n  IDENTIFIED BY id-ce-subjectAltName }',
      ],
    },
  },
  {
    id: 'cli-password-flag',
    category: 'PASS',
    description:
      'A credential passed as a command-line flag (`--password x`, `-p x` for mysql, registry logins, sshpass, the MongoDB tools, PsExec, rabbitmqadmin, Apple\'s altool and `security unlock-keychain`, `--token x`, sqlcmd/bcp, Perforce and mosquitto_pub/_sub `-P x`, Yocto extrausers\' useradd/usermod `-P x`, redis-cli `-a x`)',
    keywords: ['--pass', '--pw', '--token', '--secret', '--api-key', '--apikey', '--auth', '--access-token', '--client-secret', '--pin', '-pin ', '-pin=', 'mysql', 'mariadb', 'sshpass', 'login', 'sqlcmd', 'bcp', 'osql', 'isql', 'sqsh', 'redis-cli', 'keydb-cli', 'valkey-cli', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop', 'mongofiles', 'mongo -', 'psexec', 'paexec', 'rabbitmqadmin', 'p4 ', 'p4.exe', 'altool', 'notarytool', 'iTMSTransporter', 'mosquitto_', 'useradd', 'usermod', 'groupadd', 'groupmod', 'unlock-keychain', 'create-keychain'],
    pattern: CLI_FLAG,
    find: (text, options) => {
      const spans: Span[] = [];
      const re = CLI_FLAG;
      for (const m of text.matchAll(re)) {
        const g = m.groups!;
        const flag = g['flag']!;
        const closed = g['dq'] ?? g['sq'];
        const value = closed ?? g['v']!;
        if (/^-[pa]$/i.test(flag)) {
          // `-p` is a password only for tools that use it so (mysql `-pSECRET`, `sshpass -p`), as are
          // SQL Server's `-P` (sqlcmd, bcp), mosquitto_pub/_sub's `-P` and redis-cli's `-a`; elsewhere they are ports, paths, flags.
          const before = text.slice(commandStart(text, m.index), m.index);
          const registryLogin = flag === '-p' && REGISTRY_LOGIN.test(before);
          const takesValue =
            registryLogin ||
            (flag === '-P' && (SQL_SERVER_TOOL.test(before) || PERFORCE_CLI.test(before) || ACCOUNT_TOOL.test(before) || MQTT_CLIENT_TOOL.test(before))) ||
            (flag === '-p' && APPLE_UPLOAD_TOOL.test(before)) ||
            (flag === '-a' && REDIS_CLI.test(before)) ||
            (flag === '-p' && (/\bsshpass\b/i.test(before) || P_IS_PASSWORD_COMMAND.test(before)));
          if (!takesValue && !(/^-p$/i.test(flag) && /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b/i.test(before))) continue;
          // mysql's `-p name` prompts and takes `name` as the database; the others take the value.
          if (g['sep'] !== undefined && !takesValue && closed === undefined && g['q'] === '') continue;
          // Letters glued to the flag that spell a longer parameter (PowerShell's `-Password '…'`,
          // `-Port`, `-ProfileName`): the option's name; its value is the next argument.
          if (g['sep'] === undefined && closed === undefined && g['q'] === '' && isParameterName(flag.slice(1) + value)) continue;
        } else if (g['sep'] === undefined) continue;
        const category: Category = /token|key|secret/i.test(flag) ? 'KEY' : 'PASS';
        if (PIN_FLAG.test(flag) ? !isPinFlagValue(flag, value) : !isPlausibleSecret(value, { category, quoted: true, file: options.file })) continue;
        // An unquoted value that starts with a dash is the next flag; a quoted one is the argument (`-P '-70x…'`).
        if (closed === undefined && /^-/.test(value)) continue;
        // Apple's tools read the password from a keychain item or a variable they are named: `-p @keychain:AC_PASSWORD`, `-p @env:AC_PW`.
        if (APPLE_CREDENTIAL_REFERENCE.test(value)) continue;
        // Prose about the flags: "the --username and --password options", "--pass `strict=False`".
        if (closed === undefined && (FLAG_PROSE_WORD.test(value) || value.startsWith('`'))) continue;
        const start = m.index + m[0].length - (closed === undefined ? 0 : 1) - value.length;
        spans.push({ start, end: start + value.length, category });
      }
      return spans;
    },
    confidence: 'medium',
    examples: {
      match: ["sqlcmd -S db -U sa -P 'Sq1cmd!Falcon-Pw' -Q 'SELECT 1'", 'redis-cli -h cache -a Red1s-Cli!Pass PING', 'mysql -u root -pW9zq2LmP4 app', 'psql --password=Xk2mP9qR app', 'sshpass -p "Tr0ub4dor&3" ssh host', 'deploy --token q9X2mL7vR4kP8nZ3', 'docker login registry.example.com -u ci -p "Kq8zW3mLp0!"', 'mongodump --host db01 -u backup -p Mg0-Dump!Heron --authenticationDatabase admin', 'psexec \\\\app01 -u CORP\\deploy -p Ps3x-Lantern!9 cmd', 'p4 -p ssl:perforce.acme.corp:1666 -u svc-build -P 91713599F26151E227DB7FEB718375AC sync //depot/...', 'xcrun altool --upload-app -f build/App.ipa -u release@acme.io -p iavk-shmc-ijqw-bupy', 'security unlock-keychain -p Rk2.vWq8Lm4z ~/Library/Keychains/ci.keychain-db', "    usermod -P 'Walnut!orchard1268' root; \\", "mosquitto_pub -h mqtt.plant.lan -u sensor -P 'Mq7-Tern_Quay4' -t line/1 -m up", "mosquitto_sub -h mqtt.plant.lan --cafile plant-ca.pem \\\n  -u ops -P 'Mq7-Tern_Quay5' -t 'line/#'", 'sqlcmd -S db01 ^\r\n  -U sa -P Sq1-Falcon!Pw7 -Q "SELECT 1"'],
      noMatch: ["Invoke-Sqlcmd -ServerInstance db -Username sa -Password $pw -Query $q", 'mysql -h db -P 3306 -u app app', 'ls -a /tmp/Kq8zW3mLp0', 'mkdir -p build/out', 'mysql -u root -p', 'deploy --token $DEPLOY_TOKEN', 'ssh -p 2222 host', 'docker login -u ci -p $REGISTRY_PASSWORD', 'docker run -p 8080:80 nginx', 'mongosh --port 27017 -u admin -p', 'mongod --port 27017 --bind_ip 10.0.0.5', "useradd -p '$6$rounds=5000$Xq1$kQ0mTnq8' fieldsvc", 'useradd -P "$FIELD_PASSWORD" fieldsvc', 'credentials go to svn through its --username and --password options', 'p4 -P $P4PASSWD sync', 'xcrun altool --upload-app -f App.ipa -u release@acme.io -p "@keychain:AC_PASSWORD"', 'xcrun altool --upload-app -f App.ipa -u release@acme.io --password @env:AC_PASSWORD', 'p4 -p ssl:perforce:1666 info', 'ffmpeg -i in.mp4 -P 7Qz9wLm2Kx', 'security unlock-keychain -p "$KEYCHAIN_PASSWORD" build.keychain', 'security find-generic-password -s deploy -a ci -w', 'mosquitto_sub -h mqtt.plant.lan -p 8883 -u sensor -P "$MQTT_PASSWORD" -t line/#', "mosquitto_sub -h mqtt.plant.lan -t 'line/#'\nrender -P Mq7-Tern_Quay6 out.png", 'Watch the broker with `mosquitto_sub`\nrender -P Mq7-Tern_Quay6 out.png'],
    },
  },
  {
    id: 'user-password-flags',
    category: 'PASS',
    description: 'A password given by `-p` right after a user given by `-u` on a command line (`mccommand -a https://host:8443 -u admin -p …`), whatever the tool',
    keywords: ['-u '],
    pattern: USER_THEN_PASSWORD_FLAG,
    find: findUserPasswordFlags,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['/opt/mirthconnect/mccommand -a https://localhost:8443 -u admin -p Qn4-Heron.Lamp!', "admincli --server db01 -u ops -p 'Tw7 Quarry!x'"],
      noMatch: ['docker run -u 1000:1000 -p 8080:80 nginx', 'mysql -u root -p appdb', 'mccommand -u admin -p "$MC_PASSWORD"', 'psql -U postgres -p 5432', 'git push -u origin -p main', 'tool -u admin -p <password>', 'mkdir -p out && tar -u x -p changeme'],
    },
  },
  {
    id: 'dotenv-session-value',
    category: 'TOKEN',
    description:
      "A generated session token or saved session in a dotenv file, under a name that ends in SESSION (`EXCHANGE_SESSION=…`, Telethon's `STRING_SESSION`, Pyrogram's `SESSION_STRING`)",
    keywords: ['session'],
    pattern: DOTENV_SESSION_VALUE,
    find: findDotenvSessions,
    anchored: true,
    // A first gate on the path's end; the finder asks `isDotenvFile` of the base name.
    paths: /env(?:\.[\w.-]{1,40})?$|renviron(?:\.site)?$/i,
    confidence: 'medium',
    examples: {
      // Bound to dotenv files by path (examples run without a file name): shown by its tests.
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'curl-user-password',
    category: 'CRED',
    description: 'User and password given to curl (`-u user:pass`, `--user user:pass`)',
    keywords: ['-u', '--user'],
    pattern: /(?<![\w-])(?:-u|--user)(?:=|\s{1,4})["']?(?<user>\$\{?[A-Za-z_]\w{0,60}\}?|[^\s:"'$]{0,100})["']?:["']?(?<v>[^\s"']{1,200})/,
    // A match opens with its flag: tried only where the prefilter saw one.
    anchored: true,
    find: (text, options, offsets = []) => {
      const spans: Span[] = [];
      forEachMatchAt(CURL_USER_AT, text, offsets, (m) => {
        // `date -u +%H:%M:%S`: date's format operand opens with `+`, no login does.
        if (m.groups!['user']!.startsWith('+')) return;
        // `perldoc -u Some::Module`, `-u Foo::Bar`: a package name's `::`, no login's colon.
        if (m.groups!['v']!.startsWith(':')) return;
        // Compose files and Makefile recipes write a shell's `$` as `$$` (`-u admin:$${ADMIN_PASSWORD}`): still a lookup.
        const value = m.groups!['v']!.replace(/[{}]/g, '').replace(/^\$\$(?=[A-Za-z_])/, '$');
        const end = m.index + m[0].length;
        const start = end - m.groups!['v']!.length;
        // A quoted pair holds the password to its closing quote, spaces and all (a WordPress application password's
        // groups: `curl -u "bot:Xk2P mq7R …"`).
        const user = m.groups!['user']!;
        const before = text.charAt(start - 1);
        const quote = before === ':' ? text.charAt(start - 2 - user.length) : before;
        if ((quote === '"' || quote === "'") && text.charAt(end) === ' ') {
          // Looked for within the password's reach only, not to the text's end.
          const close = indexOfBelow(text, quote, end, start + 201);
          const whole = close === -1 ? '' : text.slice(start, close);
          if (whole !== '' && !/[\r\n]/.test(whole) && judged('PASS', options.file)(whole)) {
            spans.push({ start, end: close });
            return;
          }
        }
        // `docker exec -u root:www-data`, `-u "$USER:nogroup"`: a user and a group, as docker, podman and sudo take them.
        if (UNIX_GROUP.test(value) || !judged('PASS', options.file)(value)) return;
        spans.push({ start, end });
      });
      return spans;
    },
    confidence: 'medium',
    examples: {
      match: ['curl -u admin:Zq8mP2xL9 https://api.example.com', 'curl -u "$ARTIFACTORY_USER:Vb-_KrtwqpHO.Lmexd7" -T build/fw.bin "$URL/fw/"', 'curl --user ${NEXUS_USER}:Rk4.wPz8-Lq2Vn https://x', 'curl --user "deploy:w7Hn3Kq2"', 'curl -u "sync:Qm4T xR7w Lp2K vN8s Ht5Y bZ3c" https://shop.example/wp-json/wp/v2/users/me', 'curl -u ":d2LkV78zLx!t" https://x', "curl --user kevin:'pRf7vG2h1L8nQkW9' -X PATCH"],
      noMatch: ['curl -u admin:$PASSWORD https://x', 'curl -u user:password https://x', 'test: ["CMD-SHELL", "curl -fs -u elastic:$${ELASTIC_PASSWORD} http://localhost:9200"]', 'curl -u deploy:$$DEPLOY_PASS $(REGISTRY)', 'log() { printf \'%s %s\\n\' "$(date -u +%H:%M:%S)" "$*"; }', 'perldoc -u Some::Modulename', 'curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://x', 'curl -u "${CI_USER}:${CI_TOKEN}" https://x', 'docker run -u "$(id -u):$(id -g)" app', 'docker exec -u "$USER:www-data" app ls', 'docker exec -u root:www-data app ls'],
    },
  },
  {
    id: 'powershell-secure-string',
    category: 'PASS',
    description: 'A plain-text password turned into a PowerShell SecureString (`ConvertTo-SecureString "…" -AsPlainText`)',
    keywords: ['convertto-securestring'],
    pattern: /convertto-securestring(?:\s{1,4}-string)?(?:\s{1,4}-asplaintext)?(?:\s{1,4}-force)?\s{1,4}\\?["']?(?<v>[^\s"'\\]{4,200})/i,
    find: (text, options) => {
      const spans: Span[] = [];
      const re = /convertto-securestring(?:\s{1,4}-string)?(?:\s{1,4}-asplaintext)?(?:\s{1,4}-force)?\s{1,4}\\?["']?(?<v>[^\s"'\\]{4,200})/gi;
      for (const m of text.matchAll(re)) {
        const value = m.groups!['v']!;
        if (value.startsWith('$') || value.startsWith('-') || !judged('PASS', options.file)(value)) continue;
        const end = m.index + m[0].length;
        spans.push({ start: end - value.length, end });
      }
      return spans;
    },
    confidence: 'high',
    examples: {
      match: ['$pw = ConvertTo-SecureString "P@ssw0rd2024!" -AsPlainText -Force', 'ConvertTo-SecureString -String -Force dsjUE#$gds8s'],
      noMatch: ['ConvertTo-SecureString $env:PASSWORD -AsPlainText -Force', 'ConvertTo-SecureString -String $plain'],
    },
  },
  {
    id: 'name-value-pair',
    category: 'PASS',
    description:
      'A secret in a name/value pair, as environment lists write them: Kubernetes `- name: DB_PASSWORD` / `value: …`, ECS `{"name": "API_KEY", "value": "…"}`, Terraform `variable "db_password" { default = "…" }` and helm `set { name = "auth.password"` / `value = "…" }`, a CloudFormation parameter `Default:` (`DbPassword:` / `Type: String` / `Default: …`), a YAML setting\'s `default:` on the line below its name (a Discourse plugin\'s `relay_bot_token:` / `default: "…"`), ARM `"adminPassword": {"value": "…"}`, Composer `"bearer": {"host.example": "…"}`, PowerShell `Set-ItemProperty … -Name DbPassword -Value "…"`',
    keywords: ['value', 'default', '": {', '":{'],
    pattern: NAME_VALUE,
    find: findNameValuePairs,
    confidence: 'medium',
    examples: {
      match: [
        'env:\n  - name: DB_PASSWORD\n    value: "Xk2mP9qR7v!"\n',
        '{"name": "STRIPE_API_KEY", "value": "Zk3mP9qR2vX8wL5nQ4tY"}',
        '{"bearer": {"satis.example.com": "u6KYVi1t6eRaFbyZmMVzzLbtGrfLWg08khQQkg8U19EjOX6B"}}',
        'variable "admin_password" {\n  type    = string\n  default = "Kq8zW3mLp0!"\n}',
        'set_sensitive {\n    name  = "redis.auth.password"\n    value = "Tq7vRm2XwZp9LkBn"\n  }',
        "Set-ItemProperty -Path $regKey -Name 'ReportDbPassword' -Value 'Rq4#Tern-Vale.9'",
        // A Discourse plugin's `config/settings.yml`: each setting's block opens with the value it ships with.
        'plugins:\n  relay_bot_token:\n    default: "Tq7vRm2XwZp9LkBnWc4H"\n    secret: true\n',
        'New-ItemProperty -Path HKLM:\\SOFTWARE\\Acme -Name ApiToken -PropertyType String -Value "Zk3mP9qR2vX8wL5nQ4tY7uI0" -Force',
      ],
      noMatch: [
        'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n',
        '{"name": "LOG_LEVEL", "value": "debug"}',
        '{"token": {"header.name": "X-Auth-Token"}}',
        'variable "admin_password" {\n  type = string\n}',
        "{\n  name: 'SqlPassword'\n  value: kv.getSecret('sql-admin-password')\n}",
        'set_sensitive {\n    name  = "redis.auth.password"\n    value = var.redis_password\n  }',
        'set {\n    name  = "controller.replicaCount"\n    value = "3"\n  }',
        'private updateConfig<Key extends keyof NodeConfig>(key: Key, value: NodeConfig[Key]) {',
        "Set-ItemProperty -Path $regKey -Name 'ReportDbPassword' -Value $plainPassword",
        "Set-ItemProperty -Path $regKey -Name 'ReportDbServer' -Value 'sql01.corp.example'",
        'plugins:\n  relay_bot_enabled:\n    default: true\n  relay_bot_token:\n    default: ""\n    secret: true\n',
        'plugins:\n  relay_password_login:\n    default: relay_password_login_disabled\n    type: enum\n',
        "Set-ItemProperty -Path $regKey -Name 'ReportDbPassword' -Value (Get-Content C:\\secure\\report.txt)",
      ],
    },
  },
  {
    id: 'basic-auth-pair',
    category: 'PASS',
    description:
      'A password in a (user, password) pair given to a credential constructor in code: `auth=("user", "…")`, `HTTPBasicAuth("user", "…")`, `NetworkCredential("user", "…")`, `Credentials.basic("user", "…")`, Cassandra\'s `withAuthCredentials("user", "…")`, OPC UA\'s `new UserIdentity("user", "…")`, Milo\'s `new UsernameProvider("user", "…")` and reqwest\'s `.basic_auth("user", Some("…"))`',
    keywords: ['auth', 'credential', 'creds', 'useridentity', 'usernameprovider'],
    pattern: BASIC_AUTH_PAIR,
    find: quotedLiteralFinder(BASIC_AUTH_PAIR, ['pw', 'pw2', 'pw3'], judgedPassword),
    confidence: 'medium',
    examples: {
      match: ['let r = client.get(url).basic_auth("admin", Some("Vega#Lyra-2291")).send().await?;', 'requests.get(url, auth=("sync", "Kq8zW3mLp0!"))', "session.auth = HTTPBasicAuth('admin', 'Xk2mP9qR7v')", 'new NetworkCredential("svc", "W9zq2LmP4x!")', 'WebClient.builder().basicAuth("relay", "Tq7^-Wm3zLp9Rv")', 'new RestTemplateBuilder().basicAuthentication("ops", "Hb4!qZ8wNk2x")', 'CqlSession.builder().withAuthCredentials("ledger_rw", "Qz.7mLr!2Wx")', "auth = PlainTextAuthProvider('etl', 'Wv4-Kq9.zLm')"],
      noMatch: ['client.get(url).basic_auth("admin", Some(&cfg.password))', 'client.get(url).basic_auth("admin", None::<&str>)', 'requests.get(url, auth=(user, password))', 'auth=("user", "password")', "HTTPBasicAuth('admin', os.environ['PW'])", 'WebClient.builder().basicAuth("relay", props.getPassword())', '.basicAuth("relay", "")', 'CqlSession.builder().withAuthCredentials(cfg.user(), cfg.password())', 'Cluster.builder().withCredentials("cassandra", "cassandra")'],
    },
  },
  {
    id: 'account-pair-tuple',
    category: 'PASS',
    description: 'The secret in a (user, secret) pair of literals kept under an account\'s or a login\'s name: `SERVICE_ACCOUNT = ("svc", "…")`, `engine_admin = ("ops", "…")`, `FTP_LOGIN`, `DEFAULT_USER`',
    keywords: ['account=(', 'account = (', 'account =(', 'account  = (', 'admin=(', 'admin = (', 'login=(', 'login = (', 'user=(', 'user = ('],
    pattern: ACCOUNT_PAIR,
    startsAtKeyword: true,
    secretGroup: 'v',
    // The word ends the name (`SERVICE_ACCOUNT`, `svc_account`, `engine_admin`, not `myaccount`, `superuser`), and the
    // second literal is no slug of lower-case words (`us-east-1`, `acme-corp`): a region, a project or a host is kept
    // beside an account as often. Under `admin`, `login` or `user` it must be a strong password.
    validate: (value, ctx) =>
      !/[A-Za-z0-9]/.test(ctx.text.charAt(ctx.matchStart - 1)) &&
      !/^[a-z0-9]{1,40}(?:[-_.][a-z0-9]{1,40}){1,8}$/.test(value) &&
      (ctx.groups?.['w']?.toLowerCase() === 'account' || (STRONG_PAIR_PASSWORD.test(value) && !EMAIL_ADDRESS.test(value))) &&
      isPlausiblePassword(value, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['REPORTING_SERVICE_ACCOUNT = ("bi.export", "Vq7Lm2Xz9Rk4Wp8Nb3Hc6Jd1Gf5Sa0Ye")', "svc_account = ('reporter', 'Tq7!mRw2zKx9')", 'broker_admin = ("opsbot", "kelp#Vw2Rt8Lq")', "SFTP_LOGIN = ('feeds', 'Marlin-7Qx4Tz')"],
      noMatch: ['SERVICE_ACCOUNT = ("bi.export", os.environ["BI_SECRET"])', 'DEFAULT_USER = ("Jane", "Doe")', 'test_user = ("qa", "qa.bot2@example.com")', 'superuser = ("root", "Hq3vZ8mLx2Rk7Wp4")', 'site_admin = ("ops", "Admin")', 'BILLING_ACCOUNT = ("acme-corp", "us-east-1")', 'myaccount = ("bi.export", "Vq7Lm2Xz9Rk4Wp8Nb3Hc6Jd1Gf5Sa0Ye")', 'SERVICE_ACCOUNT = ("bi.export", "changeme")'],
    },
  },
  {
    id: 'basic-auth-pair-list',
    category: 'PASS',
    description: 'The password in a [user, password] list of literals under a name for basic auth: Ruby `basic: ["svc", "…"]`, `:basic_auth => […]`, JSON `"auth": […]`, `credentials = […]`',
    keywords: AUTH_PAIR_LIST_KEYWORDS,
    pattern: AUTH_PAIR_LIST,
    startsAtKeyword: true,
    secretGroup: 'v',
    // The name is whole (a `:` or a quote may open it); the password is a strong one (letters and digits, eight or
    // more, no e-mail address): `auth: ["read", "write"]` lists scopes, `credentials: ["ada", "ada@x.org"]` a contact.
    validate: (value, ctx) =>
      !/[\w$]/.test(ctx.text.charAt(ctx.matchStart - 1)) &&
      STRONG_PAIR_PASSWORD.test(value) &&
      !EMAIL_ADDRESS.test(value) &&
      !/^[a-z0-9]{1,40}(?:[-_.][a-z0-9]{1,40}){1,8}$/.test(value) &&
      isPlausiblePassword(value, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['  partner: {\n    basic: ["clinicsync", "Rq8vLm2Xz7Tk4Wn9"],\n  },', 'conn = Faraday.new(url, :basic_auth => ["reports", "Hb6-Qz2Lm9xTw4"])', '{"auth": ["svc.export", "Vq7mLx2Rk9TzW4nP"]}', "CREDENTIALS = ['etl', 'Tq7!mRw2zKx9']"],
      noMatch: ['basic: ["clinicsync", ENV["PARTNER_PASSWORD"]]', 'auth: ["read", "write"]', 'oauth: ["client", "Rq8vLm2Xz7Tk4Wn9"]', 'credentials: ["ada", "ada.l2@example.org"]', 'auth: ["api", "eu-west-1"]', 'basic: ["ops", "password"]'],
    },
  },
  {
    id: 'basic-auth-pair-by-name',
    category: 'PASS',
    description: "A password in a (user, password) pair kept in a constant and handed to an HTTP client by name as its `auth=` (`EXPORT_SA = (\"svc\", \"…\")` … `requests.get(url, auth=EXPORT_SA)`)",
    keywords: ['auth=', 'auth ='],
    pattern: AUTH_BY_NAME,
    find: findAuthPairsByName,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['REPORTS_SA = ("reports.bot", "Vq7mLx2Rk9TzW4nPc8Hb")\n\ndef pull():\n    return requests.get(URL, auth=REPORTS_SA)'],
      noMatch: ['REPORTS_SA = ("reports.bot", os.environ["PW"])\nrequests.get(URL, auth=REPORTS_SA)', 'PAIR = ("a", "b")\nrequests.get(URL, auth=OTHER)', 'REPORTS_SA = ("reports.bot", "password")\nrequests.get(URL, auth=REPORTS_SA)'],
    },
  },
  {
    id: 'setter-call-secret',
    category: 'PASS',
    description:
      'A literal passed to a secret setter: `ds.setPassword("…")`, `client.setApiKey("…")`, `setClientSecret("…")`, one named for its header (`setXApiKey("…")`, `X-API-Key`), Go\'s exported `opts.SetPassword("…")`, Gradle\'s `password.set("…")`, also converted on the way (`setPassword("…".toCharArray())`), a builder\'s `.apiSecret("…")` (Vonage\'s, beside its `.apiKey`) or `.bearer_auth("…")` (Rust\'s reqwest) or snake-case `Auth.api_key("…")` (weaviate), a method named `with` and the secret (`Http::withToken("…")`, `.WithClientSecret("…")`, `withToken("…")`) or for authenticating with it (`authenticate_with_token("…")`, `loginWithToken("…")`), snake-case setters (`set_api_key("…")`, `with_api_key("…")`); also the literal a conditional argument falls back on (`setPassword(cfg.isEmpty() ? "…" : cfg)`)',
    keywords: ['withpassword', 'withsecret', 'withclientsecret', 'withsecretkey', 'withapikey', 'withapisecret', 'withappsecret', 'withaccesskey', 'withaccesstoken', 'withauthtoken', 'withbearertoken', 'withtoken', 'setpass', 'setpwd', 'setxapikey', 'setxauthtoken', 'setxaccesstoken', 'setsecret', 'setclientsecret', 'setapikey', 'setapisecret', 'setappsecret', 'setconsumersecret', 'setaccess', 'setauthtoken', 'settoken', 'setsigning', 'setwebhook', 'setshared', 'sethmac', 'setjwt', 'setencryption', 'setmaster', 'setadmin', 'setroot', 'setdb', 'setdatabase', 'setprivate', 'setbot', 'setintegration', 'setverification', 'setrefresh', 'set_pass', 'set_pwd', 'set_secret', 'set_client_secret', 'set_api', 'set_app_secret', 'set_consumer_secret', 'set_access', 'set_auth_token', 'set_token', 'with_pass', 'with_secret', 'with_client_secret', 'with_api', 'with_app_secret', 'with_access', 'with_auth_token', 'with_bearer_token', 'with_token', 'useapikey', 'useaccesstoken', 'useauthtoken', 'usetoken', 'use_api_key', 'use_access_token', 'use_auth_token', 'use_token', 'password.set', 'secret.set', 'token.set', 'apikey.set', 'passphrase.set', '.password(', '.clientsecret(', '.apikey(', '.secretkey(', '.apisecret(', '.appsecret(', '.consumersecret(', '.accesstoken(', '.authtoken(', '.bearerauth(', '.bearertoken(', '.client_secret(', '.api_key(', '.secret_key(', '.api_secret(', '.app_secret(', '.consumer_secret(', '.access_token(', '.auth_token(', '.bearer_auth(', '.bearer_token('],
    pattern: SETTER_CALL,
    find: quotedLiteralFinder(SETTER_CALL, ['v', 'v2'], (value, m, file) => {
      // A literal closed by `:` is a conditional's first branch, and one closed by `)` is no conditional's first branch.
      if (m[0].endsWith(':') !== (m.groups!['cond'] !== undefined && m.groups!['first'] === undefined)) return false;
      const category: Category = /passw|pwd|passphrase/i.test(m[0].slice(0, Math.max(20, m[0].indexOf('(')))) ? 'PASS' : 'KEY';
      return isPlausibleSecret(value, { category, quoted: true, file }) ? category : false;
    }),
    confidence: 'medium',
    examples: {
      match: [
        'dataSource.setPassword("Hk4r!Setter9");',
        'drive.setSigningSecret("Tq8vRzW2kLm7Xp4Nc9Hd3Jf6Gs1Ya5Bw");',
        "client.setApiKey('Zk3mP9qR2vX8wL5nQ4tY');",
        'OAuthClient.builder().clientSecret("Rq7vK2mX9pLw4Zt8Wq3nB6cJ").build()',
        'client.get(url).bearer_auth("Wq3nB6cJ_Rq7vK2mX9pLw4Zt8Kd5sF1hY")',
        '\topts.SetPassword("Moss.Lantern.4417%")',
        'auth_credentials=Auth.api_key("Tq8vWm2RzX5kLp9nBc3HdY7gFs4JeA6uQw1oNi0t"),',
        'cfg.setPassword(fromVault.isEmpty() ? "Ph7!Lantern-Oak2" : fromVault);',
        'adapter.setPassword(password == null || password.isBlank() ? "Mq7!Intake-Wren" : password);',
        'val sms = SmsClient.builder()\n    .apiKey("c41e09ab")\n    .apiSecret("Wr8kTq2ZxL5mNv7P")\n    .build()',
        'twitter.setConsumerSecret("Jq4Zr8Lm2Xv6Tn9Wk3Pb7Hc1Yd5Fs0Gu2Ae8Ri4Oq6")',
        '$res = Http::withToken("acme_live_Vq8Rn2Kx7TzLw4Mp9Bc3Hd6Fs")->get($url);',
        '    .WithClientSecret("Xr4~Lq8.Tz2Wm7Kp9Nb3Hc6Jd")',
        'mqtt.setPassword("Jt5!Rv8-Kw2Qz".toCharArray());',
        'client.authenticate_with_token("7d2e9a41c0b86f35e1a4d9c27b08e6f3a5c1d904")',
        'api.setApiKey("Wm3Zq8Lr5Tx2Vk7Nb4Hc9Jd1");',
        // Named for the header that carries it (`X-API-Key`): Adyen's PHP client's `setXApiKey`.
        '$client->setXApiKey("Kd7Wq2Zm9Lx4Tr8Vb3Nc6Hj1Pf5Sg0Ay");',
      ],
      noMatch: ['ds.setPassword(password);', 'mqtt.setPassword(brokerPassword.toCharArray());', 'cfg.setPassword(fromVault.isEmpty() ? System.getenv("PW") : fromVault);', 'client.get(url).bearer_auth(&token)', 'req.bearer_auth("your-token-here")', 'ds.setPassword("");', 'drive.setKeyId("7c1e9a40-d2b8-4f35-a09c-4d71b2f68e3a");', 'cfg.setAdminPasswordLabel("Admin password");', 'user.setPassword("<password>")', 'client.setApiKey("your-api-key")', 'builder.password(secret)', 'builder.apiKey("{{API_KEY}}")', 'opts.SetPassword(*mqttPass)', 'Auth.api_key(os.environ["WEAVIATE_API_KEY"])', 'builder.apiSecret(System.getenv("SMS_API_SECRET"))', 'builder.apiSecret("your-api-secret")', 'Http::withToken($this->token)', 'volume.withSecret("billing-db-credentials")', 'ecs.NewClientWithAccessKey(region, "LTAI5tQ8nZ2vK7xR", secret)', '$client->setXApiKey(getenv("ADYEN_API_KEY"));', '$client->setXApiKey("YOUR_X_API_KEY");'],
    },
  },
  {
    id: 'lookup-compared-secret',
    category: 'KEY',
    description: 'A literal compared, in a closure, with a value looked up by a secret\'s name: Rust\'s `headers.get(API_TOKEN_HEADER).map(|v| v == "…")`',
    keywords: ['.map(|', '.is_some_and(|', '.filter(|', '.map_or(false'],
    pattern: LOOKUP_COMPARED,
    find: findLookupComparisons,
    confidence: 'medium',
    examples: {
      match: [
        'headers.get(PURGE_TOKEN_HEADER)\n    .map(|v| v == "Rq7vK2mX9pLw4Zt8Wq3nB6cJ")',
        'req.headers().get("x-api-key").is_some_and(|k| k == "c81f0e4a9d2b7c35e6f1a08d4b9c2e7f")',
      ],
      noMatch: [
        'headers.get(CONTENT_TYPE).map(|v| v == "application/json")',
        'headers.get(PURGE_TOKEN_HEADER).map(|v| v == expected)',
        'headers.get(API_TOKEN_HEADER).map(|v| mode == "Rq7vK2mX9pLw4Zt8Wq3nB6cJ")',
        'headers.get("x-api-key").map(|v| v == "your-api-key-here")',
      ],
    },
  },
  {
    id: 'constant-time-compared-secret',
    category: 'KEY',
    description:
      "A literal in a constant-time comparison, the expected password, token or key: PHP's `hash_equals('…', $_SERVER['PHP_AUTH_PW'])`, Python's `hmac.compare_digest(token, \"…\")`",
    keywords: ['hash_equals(', 'compare_digest('],
    pattern: CONSTANT_TIME_COMPARE,
    find: findConstantTimeComparisons,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "if (!hash_equals('Tq8!vRm2.Lx7wKp_Zn4', $_SERVER['PHP_AUTH_PW'] ?? '')) { exit; }",
        'if not hmac.compare_digest(sent_token, "9c2e7f1a4b8d3e6f0a5c2b9d7e1f3a8c"):',
        "if (!hash_equals('wQbeRtvKpLzhXmNaFcsGdYuJ', $apiKey)) { http_response_code(403); }",
      ],
      noMatch: [
        "hash_equals($expected, $_SERVER['PHP_AUTH_PW'])",
        "if (!hash_equals('your-api-key-here', $apiKey)) { exit; }",
        "if (hash_equals('Bearer', $scheme)) { }",
        "hash_equals('password', $_POST['password'])",
        'hmac.compare_digest(digest, expected)',
        "hash_equals('5d41402abc4b2a76b9719d911017c592e1a4f2b8', hash_hmac('sha1', $body, $secret))",
      ],
    },
  },
  {
    id: 'password-hash-filter-input',
    category: 'PASS',
    description: "A plain-text password given to a hashing filter in a template: Ansible's `\"{{ '…' | password_hash('sha512') }}\"`",
    keywords: ['password_hash'],
    pattern: HASH_FILTER_NAME,
    find: findHashFilterInputs,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ["    password: \"{{ 'Ans1ble-Heron!Hash' | password_hash('sha512') }}\""],
      noMatch: ["    password: \"{{ vault_deploy_password | password_hash('sha512') }}\"", "    password: \"{{ '<password>' | password_hash('sha512') }}\"", 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]'],
    },
  },
  {
    id: 'sql-password-call',
    category: 'PASS',
    description: "A password set through SQL's `PASSWORD('…')` function or `sp_addlogin 'user', '…'`",
    keywords: ['password(', 'password (', 'sp_addlogin'],
    pattern: SQL_PASSWORD_CALL,
    secretGroup: 'v',
    validate: (value, ctx) => judged('PASS', ctx.file)(value),
    confidence: 'medium',
    examples: {
      match: ["SET PASSWORD FOR 'app'@'%' = PASSWORD('Mysql!Old5x');", "EXEC sp_addlogin 'report', 'Sp-Add!Login1';"],
      noMatch: ["SET PASSWORD = PASSWORD('<new password>');", 'SELECT PASSWORD(@pw);'],
    },
  },
  {
    id: 'password-stdin-echo',
    category: 'PASS',
    description: 'A literal piped into a command that reads its password from stdin (`echo … | docker login --password-stdin`, `| voms-proxy-init --pwstdin`, `| gpg --passphrase-fd 0`, `| openssl … -passin stdin`, `| sudo -S`, `| kinit`, `| iinit`, `| passwd --stdin`)',
    keywords: ['--password-stdin', 'kinit', 'iinit', '--stdin', '--pwstdin', '--passphrase-stdin', '--passphrase-fd', '-passin', 'sudo -s'],
    pattern: PASSWORD_STDIN,
    secretGroup: 'v',
    validate: (value, ctx) => judged('PASS', ctx.file)(value),
    confidence: 'medium',
    examples: {
      match: ["echo 'Ech0-Reg1stry-Pw' | docker login ghcr.io -u bot --password-stdin", "echo 'Kx7%qLw2-Rv19' | iinit", 'echo "Tq4!zMw8.Lp" | kinit svc-backup@ACME.CORP', "echo 'Fjord-81.Kelp' | passwd --stdin labuser", "echo 'Wq7vLz2_Pk9-Rt' | voms-proxy-init --voms atlas --pwstdin", "echo 'Hv4#Lp9.Marsh' | gpg --batch --passphrase-fd 0 -d backup.gpg", "echo 'Tn5%Qw8-Ridge' | openssl rsa -in key.pem -passin stdin", "echo 'Lk3!Vb7-Heath' | sudo -S systemctl restart app"],
      noMatch: ['echo "$CR_PAT" | docker login ghcr.io -u bot --password-stdin', 'echo ${{ secrets.TOKEN }} | docker login --password-stdin', 'echo "$IRODS_PASSWORD" | iinit', 'echo done | kinit-wrapper', "echo 'started' | tee kinit.log", 'echo "$GRID_PASS" | voms-proxy-init --pwstdin', "echo 'Hv4#Lp9.Marsh' | gpg --passphrase-fd 3", "echo 'hello' | sudo -s", "echo 'Hv4#Lp9.Marsh' | sudo tee /etc/motd"],
    },
  },
  {
    // `p4 login` reads the password from stdin, so scripts pipe it in: a shell's `echo … | p4 login`, PowerShell's bare
    // string `'…' | p4 -u svc login`. Read only where a pipe hands its text to p4.
    id: 'p4-login-stdin',
    category: 'PASS',
    description: "A literal piped into Perforce's `p4 … login`, which reads the password from stdin (`echo … | p4 login`, PowerShell's `'…' | p4 -u svc login`)",
    keywords: ['| p4', '|p4'],
    pattern: P4_LOGIN_STDIN,
    secretGroup: 'v',
    validate: (value, ctx) => judged('PASS', ctx.file)(value),
    confidence: 'medium',
    examples: {
      match: ["echo Pf4-Depot!Wren | p4 -u build login", "'Kq7*vTz2Lm9Rx' | p4 -p ssl:perforce:1666 -u svc-build login", 'echo "Lq8.Heron-Vale" |p4.exe login -a'],
      noMatch: ['echo %P4PASSWD% | p4 login', 'echo !P4PW! | p4 login', 'echo $P4PASSWD | p4 -u build login', "$env:P4PASSWD | p4 login", "'//depot/main/...' | p4 -x - files", "echo 'done' | p4 logout"],
    },
  },
  {
    id: 'connect-call-password',
    category: 'PASS',
    description:
      'A password passed positionally to a database connect call (`DriverManager.getConnection(url, user, "…")`, `new PDO(dsn, user, "…")`, `mysqli_connect(host, user, "…")`), or to PHP\'s FTP, SSH2 and LDAP logins, whose third argument is the password too (`ftp_login($ftp, user, "…")`, `ssh2_auth_password($c, user, "…")`, `ldap_bind($c, dn, "…")`)',
    keywords: ['getconnection', 'pdo', 'mysqli', 'mysql_connect', 'ftp_login', 'ssh2_auth_password', 'ldap_bind'],
    pattern: CONNECT_CALL,
    find: quotedLiteralFinder(CONNECT_CALL, ['pw', 'pw2'], judgedPassword),
    confidence: 'medium',
    examples: {
      match: [
        'DriverManager.getConnection("jdbc:postgresql://db/app", "app", "Xk2mP9qR7v!")',
        "$pdo = new PDO('mysql:host=db;dbname=shop', 'shop', 'Sh0p-Pass!');",
        "$pdo = new \\PDO('mysql:host=10.0.4.2;dbname=ledger', 'ledger', 'Lq7vT2_mNw8pXs');",
        "$db = new \\mysqli('db.internal', 'app', 'Wq8-zR2nTk5m', 'app');",
        "$db = mysqli_connect($host, 'root', 'W9zq2LmP4x', 'app');",
        "ftp_login($conn, 'exports', 'Lark#82vQmTz');",
        "if (!ssh2_auth_password($session, 'deploy', 'Fjord-61xPw!')) {",
        "ldap_bind($ds, 'cn=reader,dc=corp,dc=example', 'Quill7$Brn2a');",
        'return DriverManager.getConnection(\n    "jdbc:oracle:thin:@ora-rpt:1521/RPTP", "RPT_READER", "r3p0rt!ng_R34d");',
        'DriverManager.getConnection(url,\n    "app",\n    "Xk2mP9qR7v!")',
      ],
      noMatch: [
        'DriverManager.getConnection(url, user, password)',
        "new PDO($dsn, 'app', getenv('DB_PASSWORD'))",
        "new \\PDO($dsn, 'app', getenv('DB_PASSWORD'))",
        'DriverManager.getConnection(url, "app", "<password>")',
        "ftp_login($conn, $user, getenv('FTP_PASSWORD'));",
        "ldap_bind($ds, $dn, $password);",
        "my_ftp_login($conn, 'exports', 'Lark#82vQmTz');",
      ],
    },
  },
  {
    id: 'ssh-client-password',
    category: 'PASS',
    description:
      "A password passed as the last positional argument of an SSH/SFTP client or connection (SSH.NET's `new SftpClient(host, port, user, \"…\")`, `new SshClient(host, user, \"…\")`, `new PasswordConnectionInfo(host, user, \"…\")`)",
    keywords: ['sftpclient', 'sshclient', 'scpclient', 'passwordconnectioninfo'],
    pattern: SSH_CLIENT_CALL,
    find: quotedLiteralFinder(SSH_CLIENT_CALL, ['pw', 'pw2'], judgedPassword),
    confidence: 'medium',
    examples: {
      match: [
        'using var sftp = new SftpClient("files.example.net", 22, "upload", "Tq7!mRw2zKx9");',
        'var ssh = new Renci.SshNet.SshClient(host, "deploy", "Harbor_lantern42");',
        'var info = new PasswordConnectionInfo(Host, Port,\n    "svc-sync", "pV3#nQ8wLe");',
      ],
      noMatch: [
        'using var sftp = new SftpClient(host, 22, user, password);',
        'var sftp = new SftpClient(host, 22, "upload", new PrivateKeyFile("id_rsa"));',
        'var sftp = new SftpClient(connectionInfo);',
        'new SftpClient(host, 22, "upload", "<password>")',
      ],
    },
  },
  {
    id: 'ftp-client-password',
    category: 'PASS',
    description:
      "A password passed by position to an FTP client built with its login (FluentFTP's `new FtpClient(host, user, \"…\")`, `new AsyncFtpClient(host, port, user, \"…\")`, `new FtpClient(host, user, \"…\", 21)`)",
    keywords: ['ftpclient'],
    pattern: FTP_CLIENT_CALL,
    find: quotedLiteralFinder(FTP_CLIENT_CALL, ['pw', 'pw2'], judgedPassword),
    confidence: 'medium',
    examples: {
      match: [
        'var ftp = new FtpClient("192.0.2.38", "hl7drop", "Amber!1XYw7v!");',
        'using var client = new AsyncFtpClient("ftp.example.net", 21, "upload", "Tq7!mRw2zKx9");',
        'var ftp = new FluentFTP.FtpClient(\n    "ftp.example.net",\n    "exports",\n    "Heron_lantern42",\n    990);',
      ],
      noMatch: [
        'var ftp = new FtpClient(host, user, password);',
        'var ftp = new FtpClient("ftp.example.net", new NetworkCredential(user, password));',
        'var ftp = new FtpClient("ftp.example.net", "anonymous", "<password>");',
        'FTPClient ftp = new FTPClient();',
        'var ftp = new FtpClient("ftp.example.net");',
      ],
    },
  },
  {
    id: 'redis-client-password',
    category: 'PASS',
    description:
      'A password passed positionally to a Redis client: after the host and port (and a timeout or database number) in `new JedisPool(config, "host", 6379, 2000, "…")` or `redis.Redis("host", 6379, 0, "…")`, or to `AUTH` (`jedis.auth("…")`, `$redis->auth("…")`)',
    keywords: ['redis', 'jedis'],
    pattern: REDIS_CALLEE,
    find: findRedisClientPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'return new JedisPool(pool, "cache.acme.internal", 6379, 2000, "Heron_Quartz_5521!");',
        'r = redis.StrictRedis("10.0.4.7", 6380, 2, "Tq7-Lumen-Basalt")',
        'jedis.auth("Orchid.Ferry.3390");',
        "$redis->auth('svc-cart', 'Kp4!Marsh-Wren');",
        'new JedisPooled("cache.acme.internal", 6379, "svc-cart", "Heron_Quartz_5521!")',
        'val cache = JedisPooled("cache.acme.internal", 6379, null, "Marsh-Lantern-4410")',
      ],
      noMatch: [
        'new JedisPool(pool, "cache.acme.internal", 6379, 2000, System.getenv("REDIS_PASSWORD"));',
        'new JedisPool(pool, "cache.acme.internal", 6379, 2000, null, 3, "ledger-app");',
        'new JedisPool(pool, "cache.acme.internal", 6379, 2000, null, null, 3, "ledger-app");',
        'new JedisPool(pool, "cache.acme.internal", 6379, 2000, null, "ledger-app", "eu-west");',
        'redis.setex("session:8842", 3600, "cart-payload-v2")',
        'jedis.auth(password);',
        'r = redis.Redis(host="cache", port=6379, password=os.environ["REDIS_PASSWORD"])',
      ],
    },
  },
  {
    id: 'pgpass-password',
    category: 'PASS',
    description: "The password field of PostgreSQL's password file (`.pgpass`: `host:port:database:user:password`)",
    keywords: [], // bound to .pgpass by path instead
    paths: PGPASS_FILE,
    pattern: PGPASS_LINE,
    find: findPgpass,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['db.internal:5432:app:app:Xk2mP9qR7v', 'https://example.com:443/path'],
    },
  },
  {
    id: 'pgpass-pasted-password',
    category: 'PASS',
    description: "The password field of `.pgpass` lines pasted under the file's name (`$ cat ~/.pgpass`, then `host:port:database:user:password`)",
    keywords: ['.pgpass', 'pgpass'],
    pattern: PGPASS_LINE,
    find: findPastedPgpass,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '$ cat ~/.pgpass\nreports.db.example.com:5432:reports:viewer:Tq8-mossy-Lantern\n*:*:*:replicator:Wn4!harbor-Lights\n$ ls\n',
        "cat > /run/app/pgpass <<'EOF'\nwh-db.example.internal:5432:warehouse:loader:Pv3-Ferns.Kite8\nEOF\nexport PGPASSFILE=/run/app/pgpass\n",
      ],
      noMatch: [
        'cat > /run/app/pgpass.log <<EOF\nwh-db.example.internal:5432:warehouse:loader:Pv3-Ferns.Kite8\nEOF\n',
        'export PGPASSWORD=x\nwh-db.example.internal:5432:warehouse:loader:Pv3-Ferns.Kite8\n','$ cat ~/.pgpass\nlocalhost:5432:*:postgres:postgres\n', '$ cat ~/.pgpass\ncat: /home/dev/.pgpass: No such file or directory\n', 'see ~/.pgpass\n\nhost:5432:db:user:Tq8-mossy-Lantern\n'],
    },
  },
  {
    id: 'session-cookie',
    category: 'TOKEN',
    description: 'A session or auth cookie in a `Cookie:` / `Set-Cookie:` header or a curl `--cookie` (`session=…`, `connect.sid=…`, `remember_token=…`)',
    keywords: ['cookie', '-b'],
    pattern: COOKIE_HEADER,
    find: findSessionCookies,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Cookie: theme=dark; session=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d',
        'set-cookie: connect.sid=s%3AxK2mP9qR7vL4nZ8wQ3tY.Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8; Path=/; HttpOnly',
        // The CGI/WSGI variable, as Django's error report and PHP's $_SERVER print it.
        "HTTP_COOKIE = 'csrftoken=Wq2Er3Ty4Ui5Op6As7Df8Gh9Jk0Lz1Xc; sessionid=q8w2e9r7t1y5u3i0o6p4a8s2d7f1g9h3'",
      ],
      noMatch: ['Cookie: theme=dark; lang=en-GB', 'Set-Cookie: session=deleted; Max-Age=0', 'Cookie: csrftoken=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d', 'mycookie = "session=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2d"'],
    },
  },
  {
    id: 'htpasswd-batch-password',
    category: 'PASS',
    description: 'A password given to `htpasswd` or `mosquitto_passwd` in batch mode (`htpasswd -b FILE USER …`, `htpasswd -nb USER …`, `mosquitto_passwd -b FILE USER …`)',
    keywords: ['htpasswd', 'mosquitto_passwd'],
    pattern: HTPASSWD_BATCH,
    find: findHtpasswdPasswords,
    confidence: 'high',
    examples: {
      match: ['htpasswd -b /etc/nginx/.htpasswd admin Htp4sswd-Otter!', 'htpasswd -nbB ci "Kq8zW3mLp0!"', 'htpasswd -bBC 10 /etc/nginx/.htpasswd ops Br4ss-Kettle!9', 'mosquitto_passwd -b /etc/mosquitto/passwd node-red Falcon-nimbus1066', 'mosquitto_passwd -c -b -H sha512-pbkdf2 pw.txt hil "ZEjqRRJoeJckb0S"'],
      noMatch: ['htpasswd -c /etc/nginx/.htpasswd admin', 'htpasswd -b .htpasswd admin "$ADMIN_PASSWORD"', 'mosquitto_passwd -c /etc/mosquitto/passwd node-red', 'mosquitto_passwd -b -c /etc/mosquitto/passwd bridge "$BRIDGE_PASSWORD"', 'mosquitto_passwd -U /etc/mosquitto/passwd'],
    },
  },
  {
    id: 'tool-credentials',
    category: 'CONN',
    description:
      "Credentials given to a tool as one argument: Oracle's `sqlplus user/password@db` (expdp, impdp, sqlldr, rman), lftp's `-u user,password`, Samba's `-U user%password`, LDAP tools' and kadmin's `-w password`, OpenSSL's `-passout pass:password` and `dgst -hmac key`, SteamCMD's `+login user password`, `net use \\\\server\\share password /user:…`, `net user name password`, `cmdkey … /pass:…`, `schtasks … /rp …`, `signtool sign /f cert.pfx /p …`, `rabbitmqctl add_user|authenticate_user|change_password user …`, Oracle wallet's `mkstore … -createCredential alias user …`",
    keywords: ['sqlplus', 'sqlldr', 'expdp', 'impdp', 'rman', 'dgmgrl', 'sqlcl', 'tkprof', 'lftp', 'smb', 'rpcclient', 'mount.cifs', 'samba-tool', 'net ads', 'net rpc', 'net sam', 'ldap', 'kadmin', 'pass:', '-hmac', '-macopt', 'steamcmd', 'net use', 'net user', 'cmdkey', 'schtasks', 'signtool', 'rabbitmqctl', 'mkstore'],
    pattern: TOOL_CREDENTIALS,
    find: findToolCredentials,
    confidence: 'high',
    examples: {
      match: [
        'sqlplus -s scott/T1ger-Expdp!7@ORCLPDB1 @export.sql',
        'expdp system/Sys-Expdp!Velvet@prod directory=DUMP',
        'lftp -u deploy,Lftp!Saffron-Pw sftp://files.example.com',
        "lftp -u mirror,'Tq4wRz8Kp1Vn' sftp://dc-files.example.lan -e \"mirror -R /out /in; bye\"",
        'smbclient //fs/share -U admin%Tq7!vLm-Orbit42',
        "smbclient //nas/backups -U ops%'Reed-Pipe!42' -c ls",
        'smbclient --user=ops%Kq7-Tarn!Moss //nas/media',
        'net ads join -U svc-join%Jn7%Lq!Vx2-Mar',
        'samba-tool domain join corp.example DC -U "CORP\\svc-dcjoin%Qw8-Heron!Tz"',
        'ldapsearch -x -D cn=admin,dc=acme -w Tq7!vLm-Orbit42 -b dc=acme',
        "kadmin -p ops/admin@ACME.CORP -w 'Kd9*mQv2-Ln7' -q \"listprincs\"",
        'openssl pkcs12 -export -passout pass:Tq7!vLm-Orbit42 -out x.p12',
        'openssl dgst -sha256 -hmac "53f2ef59de765db7e6db2fadd836b25190a89f968b079e977ecfad51bff4bef8" image.swu',
        'steamcmd +login builder Qv8-Heron_Lamp41 +run_app_build app.vdf +quit',
        'subprocess.run(["steamcmd", "+login", "ci_uploader", "Wq7^Lark-Dune3", "+run_app_build", "app.vdf", "+quit"])',
        'new ProcessStartInfo("steamcmd.exe",\n    "+login ci_uploader " + "Pz4Kestrel9Vane" + " +run_app_build app.vdf +quit");',
        "Start-Process steamcmd -ArgumentList '+login ci_uploader \"Hx8!Quartz-Fen\" +quit'",
        'net use Z: \\\\fs01\\backup Ne7-Use!Quarry /user:CORP\\svc_backup /persistent:no',
        'net user svc-kiosk Harbor#2031 /add',
        'NET USER breakglass Wq7-Lynx!Cove /domain',
        'cmdkey /generic:TERMSRV/app01 /user:CORP\\ops /pass:Cmdk3y-Osprey!4',
        'schtasks /create /tn Nightly /tr C:\\jobs\\run.cmd /sc daily /ru CORP\\svc_jobs /rp Sch3d-Tasks!Wren',
        'schtasks /Create /TN "Ops\\Rotate" ^\n  /TR "C:\\jobs\\rotate.cmd" ^\n  /SC WEEKLY /RU CORP\\svc_rotate /RP Wk7-Heron!Slate /F',
        'schtasks.exe /Create /TN Backup `\r\n  /RU CORP\\svc_bk /RP "Bq4-Larch!Mire" /SC DAILY',
        'net use T: %TAPESRV%\\restore /user:CORP\\svc_tape Tp9@Quill-Fen#2 /persistent:no',
        'ldapsearch -H ldaps://dc1.corp.example \\\n  -D "CN=svc-hr,OU=Service,DC=corp,DC=example" -w \'Lq8#Marsh-Vole+2\' \\\n  -b "DC=corp,DC=example"',
        '& "C:\\Program Files (x86)\\Windows Kits\\10\\bin\\x64\\signtool.exe" sign /fd SHA256 /f build\\app-codesign.pfx /p "Kiln2019#" /tr http://timestamp.digicert.com out\\Setup.exe',
        '%SIGNTOOL% sign /f %CERT% /p Sgn!Quarry-7731 /fd sha256 dist\\Setup.exe',
        'signtool sign /f cert.pfx ^\n  /p Wk7-Heron!Slate /fd sha256 app.msi',
        'rabbitmqctl -n rabbit@mq02 add_user billing Wren42Saltmarsh',
        "sudo rabbitmqctl change_password ingest 'Kelp!Harrow-83'",
        'rman target sys/Rm4n-B4ckup!sys@LEDGERP catalog rcat/rC4t-Catal0g@rman-cat.example.net/RCAT',
        '15 1 * * * /opt/bin/rman-backup.sh target=sys/Rm4n-B4ckup!sys@LEDGERP >> /var/log/rman.log 2>&1',
        "expdp system/'Qz4-Lantern!Dp'@//db01:1521/ORCL schemas=APP directory=DP_DIR",
        '# mkstore -wrl /u01/wallet -createCredential RPTDB rpt_loader Wk9#Marsh-Lynx*2',
      ],
      noMatch: [
        'sqlplus /nolog',
        'sqlplus scott/$ORACLE_PASSWORD@orcl',
        'lftp -u deploy sftp://files.example.com',
        'net ads join -U svc-join',
        'net ads join -U "svc-join%$JOIN_PASSWORD"',
        "smbclient //nas/backups -U ops%'$SMB_PASS' -c ls",
        'smbclient //nas/backups -U %SMB_USER%%SMB_PASS% -c ls',
        'ldapsearch -x -W -b dc=acme',
        'kadmin -p ops/admin@ACME.CORP -w "$KADMIN_PW" -q listprincs',
        'openssl pkcs12 -passout env:P12_PASS',
        'openssl dgst -sha256 -hmac "$OTA_HMAC_KEY" image.swu',
        'openssl dgst -sha256 -hmac key image.swu',
        'steamcmd +login %STEAM_USER% %STEAM_PASS% +run_app_build app.vdf +quit',
        'steamcmd +login anonymous +app_update 740 validate +quit',
        'subprocess.run(["steamcmd", "+login", STEAM_USER, STEAM_PASSWORD, "+run_app_build", "app.vdf"])',
        'subprocess.run(["steamcmd", "+login", "anonymous", "+app_update", "740", "+quit"])',
        'new ProcessStartInfo("steamcmd.exe", "+login " + user + " " + password + " +quit");',
        'steamcmd +login "$STEAM_USER" "$STEAM_PASS" +run_app_build app.vdf +quit',
        'net use Z: \\\\fs01\\backup * /user:CORP\\svc_backup',
        'net use Z: \\\\fs01\\backup /persistent:yes',
        'net user svc-kiosk * /add',
        'net user administrator /active:yes',
        'net user %USERNAME% %NEW_PASSWORD%',
        'the net user command is documented',
        'cmdkey /generic:TERMSRV/app01 /user:CORP\\ops /pass',
        'schtasks /create /tn Nightly /ru SYSTEM /rp * /sc daily',
        'schtasks /Create /TN Nightly ^\n  /RU SYSTEM /RP * /SC DAILY',
        'net use T: %TAPESRV%\\restore /user:CORP\\svc_tape %TAPE_PW% /persistent:no',
        'net use T: %TAPESRV%\\restore /persistent:no',
        'ldapsearch -H ldaps://dc1.corp.example \\\n  -D "CN=svc-hr,DC=corp" -W -b "DC=corp"\necho -w done',
        '%SIGNTOOL% sign /f %CERT% /p %CERT_PASS% /fd sha256 dist\\Setup.exe',
        'signtool sign /f "%SIGN_PFX%" /p "%SIGN_PFX_PASSWORD%" /tr %TIMESTAMP_URL% app.msi',
        '# signtool sign /f .\\codesign.pfx /p <PFX_PASSWORD> $Installer',
        '- powershell: signtool sign /f build\\codesign.pfx /p "$(SigningPfxPassword)" out\\Setup.exe',
        'signtool sign /f cert.pfx /p $env:PFX_PASSWORD app.exe',
        'signtool verify /pa /v app.exe',
        'AzureSignTool sign -kvu $vault -kvs $secret -p app.exe',
        'rabbitmqctl add_user billing "$RABBIT_PASSWORD"',
        'rabbitmqctl list_users',
        'rman target / catalog rcat/$RCAT_PASSWORD@RCAT',
        'make target foo/Rm4n-B4ckup!sys@v2',
        "expdp system/'$ORACLE_PW'@ORCL schemas=APP",
        'mkstore -wrl /u01/wallet -createCredential RPTDB rpt_loader',
        'mkstore -wrl /u01/wallet -listCredential',
      ],
    },
  },
  {
    id: 'sqlplus-connect',
    category: 'CONN',
    description: "SQL*Plus's `CONNECT user/password@db` (or `CONN`) at a line's start, in a script or a heredoc fed to `sqlplus`",
    keywords: ['connect ', 'conn '],
    pattern: SQLPLUS_CONNECT,
    find: findSqlplusConnects,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['sqlplus -s /nolog <<EOSQL\nWHENEVER SQLERROR EXIT FAILURE\nCONNECT claims_ro/Hq7~Lantern2@CLMPRD\n@extract.sql\nEOSQL', '  conn app_owner/"Rv8-Quill!n4"@//db01:1521/APP'],
      noMatch: ['CONNECT claims_ro/$CLAIMS_PW@CLMPRD', 'CONNECT / AS SYSDBA', 'We connect users/groups@scale.', 'CONNECT claims_ro/password@CLMPRD'],
    },
  },
  {
    id: 'joined-basic-auth-pair',
    category: 'PASS',
    description: 'A Basic-auth password joined to its user\'s literal in code and then base64-encoded (`$pair = "svc:" + "…"` before `[Convert]::ToBase64String`, `btoa("ci:" + "…")`)',
    keywords: [':" +', ":' +", ':"+', ":'+"],
    pattern: JOINED_USER_PASSWORD,
    find: findJoinedUserPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['$pair = "svc-probe:" + "Wn4qLr8TzK2mVx"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))', "headers.Authorization = 'Basic ' + btoa('ci-bot:' + 'Rv7-Heron!Lamp2');"],
      noMatch: ['$pair = "svc-probe:" + $env:PROBE_PASSWORD\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))', 'label = "Status:" + "Wn4qLr8TzK2mVx"', "btoa('ci-bot:' + '<password>')"],
    },
  },
  {
    id: 'encoded-basic-auth-variable',
    category: 'PASS',
    description:
      'A Basic-auth pair written as one `user:password` literal in a variable that is then base64-encoded (`$pair = "svc:…"` before `[Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))`, `creds = "ci:…"` before `b64encode(creds.encode())`)',
    keywords: ['tobase64string', 'btoa', 'b64encode', 'encode64', 'base64_encode', 'encodetostring'],
    pattern: ENCODED_VARIABLE,
    find: findEncodedBasicPairs,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '$pair = "svc-probe:Wn4qLr8TzK2mVx"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))',
        'creds = "ci-bot:Rv7-Heron!Lamp2"\ntoken = base64.b64encode(creds.encode()).decode()',
        "const auth = 'relay:Tq8#zWm4Kp2v';\nheaders.Authorization = 'Basic ' + btoa(auth);",
      ],
      noMatch: [
        '$pair = "svc-probe:$($env:PROBE_PASSWORD)"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))',
        '$pair = "svc-probe:Wn4qLr8TzK2mVx"\n$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($other))',
        'url = "https://example.com/a"\nb = base64.b64encode(url.encode())',
        "const auth = 'relay:password';\nconst h = btoa(auth);",
      ],
    },
  },
  {
    id: 'credential-call-argument',
    category: 'KEY',
    description:
      'A credential passed by position to a library call: `smtp.login(user, "…")`, an app\'s `LoginAsync(user, "…")` or `signIn(user, "…")`, a client\'s `authenticate(user, "…")`, `pika.PlainCredentials(user, "…")`, `jwt.sign(payload, "…")`, `hmac.new(b"…")`, `createHmac(alg, "…")`, PHP `hash_hmac(alg, data, "…")`, Ruby `OpenSSL::HMAC.hexdigest(digest, "…", data)`, `BasicAWSCredentials(id, "…")`, `StorageSharedKeyCredential(account, "…")`, Stream Chat\'s `StreamChat.getInstance(key, "…")`; a password a hashing call is given: `password_hash("…")`, `Hash::make("…")`, `make_password("…")`, `bcrypt.hash("…")`, Puppet `postgresql_password(user, "…")`; a device\'s Wi-Fi or MQTT password: `WiFi.begin(ssid, "…")`, `username_pw_set(user, "…")`, PubSubClient\'s `mqtt.connect(id, user, "…")` in C or C++, rumqttc\'s `set_credentials(user, "…")` and the builders\' `setCredentials`/`withCredentials(user, "…")`; lettre\'s `Credentials::new(user, "…")`; go-ora\'s `go_ora.BuildUrl(host, port, service, user, "…", nil)`; kafka-go\'s `scram.Mechanism(scram.SHA512, user, "…")`; Go\'s net/smtp `smtp.PlainAuth("", user, "…", host)` and `smtp.CRAMMD5Auth(user, "…")`; web-push\'s VAPID private key, `webpush.setVapidDetails(subject, publicKey, "…")`; nats.go\'s `nats.Token("…")` and `nats.UserInfo(user, "…")`; Autodesk Platform Services\' `getTwoLeggedToken(clientId, "…", scopes)`, forge-apis\' `AuthClientTwoLegged(clientId, "…", …)`; an SDK\'s auth object given its one key or token: Benchling\'s `ApiKeyAuth("…")`, `BearerAuth("…")`, `TokenAuth("…")`',
    keywords: ['plaincredentials', 'dbi->connect', 'credentials(', '.login', 'ftp', 'simple_bind_s', 'ssh.password', 'net::smtp.start', 'newstaticv4', 'withauthtoken', 'x509certificate2', 'hmacshakeyfor', 'jwt.', 'hmac', 'fernet', 'aes.new', 'secretkeyspec', 'cookieparser', 'staticcredentials', 'awscredentials', 'sharedkeycredential', 'twilio', 'streamchat', 'postgresql_password', 'mysql_password', 'mysql::password', 'pw_hash', 'str2saltedsha512', 'password_hash', 'hash::make', 'make_password', 'bcrypt.hash', 'bcrypt::password.create', 'wifi.begin', '.addap', '.username_pw_set', 'set_credentials', 'setcredentials', 'with_credentials', 'withcredentials', 'credentials::new', '.connect(', 'req_auth_basic', 'database(', 'braintreegateway', 'keycredential', 'apikey(', 'keyauth(', 'bearerauth(', 'tokenauth(', 'boxapiconnection', 'go_ora.buildurl', 'smtp.plainauth', 'smtp.crammd5auth', 'login(', 'loginasync(', 'signin(', 'signinasync(', 'authenticate(', 'authenticateuser(', 'scram.mechanism', 'setvapiddetails', 'nats.token', 'nats.userinfo', 'gettwoleggedtoken', 'authclienttwolegged', 'authclientthreelegged'],
    pattern: /(?:PlainCredentials|DBI->connect|Credentials|\.login|(?:[lL]ogin|SignIn|signIn)(?:Async)?|[aA]uthenticate(?:User)?|FTP(?:_TLS)?|simple_bind_s|ssh\.Password|Net::SMTP\.start|NewStaticV4|WithAuthToken|X509Certificate2|hmacShaKeyFor|jwt\.(?:encode|sign|verify)|hmac\.new|createHmac|hash_hmac|OpenSSL::HMAC\.(?:hex|base64)?digest|Fernet|AES\.new|SecretKeySpec|cookieParser|HMAC(?:256|384|512)|NewStaticCredentials|BasicAWSCredentials|AwsBasicCredentials\.create|StorageSharedKeyCredential|BraintreeGateway|StreamChat(?:\.getInstance)?|AzureKeyCredential|ApiKeyCredential|ApiKey|A(?:pi|PI)KeyAuth|(?:HTTP)?Bearer(?:Token)?Auth|TokenAuth|BoxAPIConnection|postgresql_password|mysql_password|mysql::password|pw_hash|str2saltedsha512|password_hash|Hash::make|generate_password_hash|make_password|bcrypt\.hash(?:pw|Sync)?|BCrypt::Password\.create|WiFi\.begin|\.addAP|\.username_pw_set|\.set_credentials|\.setCredentials|\.with_credentials|\.withCredentials|Credentials::new|\.connect|req_auth_basic|database|go_ora\.BuildUrl|scram\.Mechanism|smtp\.PlainAuth|smtp\.CRAMMD5Auth|setVapidDetails|nats\.Token|nats\.UserInfo|getTwoLeggedToken|AuthClient(?:Two|Three)Legged)[ \t]{0,4}\(/,
    find: findCredentialCalls,
    confidence: 'medium',
    examples: {
      match: [
        'server.login("reports@example.com", "Smtp!L0gin-Orbit")',
        'session.authenticate(FEED_USER, "Tarn-9wq*Lode4");',
        'ldap.Authenticate("svc-reports", "Vq2!Fenn-Roost8");',
        'token = jwt.encode({"sub": "etl"}, "jwt-HS256-s3cret-Quartz-91", algorithm="HS256")',
        "crypto.createHmac('sha256', 'Webh00k!Hmac-Secret').update(body)",
        "$sig = hash_hmac('sha256', $payload, 'Kq8Lw3Zr6Tx1Vm9Bn4Hc7Jd2');",
        "sig = OpenSSL::HMAC.hexdigest('SHA256', 'Rv5Nq2Xm8Lt4Wz7Kb3Hd9Jc6', body)",
        'Auth: []ssh.AuthMethod{ssh.Password("Tunn3l-Birch-Quarry")}',
        "Net::SMTP.start('smtp.acme.io', 587, 'acme.io', 'mailer', 'Rq7vK2mX9pLw4Zt8', :plain)",
        'Jwts.builder().signWith(Keys.hmacShaKeyFor("Rq7vK2mX9pLw4Zt8Wq3nB6cJ".getBytes()))',
        'new BasicAWSCredentials("AKIAIOSFODNN7ABCDEFG", "WSTsVJZ3sYlCIo3xMlWf4nJVjGqu+2APDJOAoMFy")',
        "  password => postgresql_password('reporting', 'Fennel-Quay-5820'),",
        "'password' => Hash::make('Seed3r-Larch!41'),",
        'var client = new SearchClient(endpoint, new AzureKeyCredential("q4Nw8Zt2Lm6Rx9Kb3Vp7Hc1Jd5Fy0Gs"));',
        'var auth = new ApiKey("VnBxN2NMbTRUOjJ3UXpYcjhLZkhqM05tUGI2Rw==");',
        "bench = Benchling(url='https://acme.benchling.com', auth_method=ApiKeyAuth('sk_hcU4WB00VfJFtUPrGRWL64l2n21806'))",
        'r = httpx.get(url, auth=BearerAuth("Zq8Lw3Kr6Tx1Vm9Bn4Hc7Jd2Pf5Gy0Au"))',
        'return new BoxAPIConnection("Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0Fe");',
        'WiFi.begin("FactoryNet", "W1fi-Kestrel!83");',
        '    mqtt_options.set_credentials("telemetry", "Gusty-Thermal42!");',
        'let creds = Credentials::new("alerts@example.net".to_owned(), "Qm4-Lantern_Tz81".to_owned());',
        'mechanism, err := scram.Mechanism(scram.SHA512, "clicks-writer", "Kf4!Rq9w-Lz2Vm8T")',
        "webpush.setVapidDetails('mailto:ops@example.org', 'BFq7xKd2Lm9Wv4Rt8Nz3Hc6Jp1Ys5Ga0Ub7Ek2Mw9Qx4Tr8Vn3Lc6Hd1Jz5Pf0Sg7Ya2Ku9Ro4We8Ti3Nm', 'Rk7Wq2zLp9Xv4Tn8Hc3Jd6Mb1Fs5Gy0AuE2oK9rT4w')",
        'return new BraintreeGateway(\n    Environment.SANDBOX,\n    "k2v9m4qx7t",\n    "p8w3z6rn1c",\n    "5e0c7a91d3f84b26a1c9e07d2b6f4a83");',
        'request(api_url) |>\n  req_auth_basic("etl-bot", "Pebble.Quartz.Lynx.9") |>\n  req_perform()',
        'oraURL := go_ora.BuildUrl("ora-settle.corp", 1521, "SETTLEP", "SETTLE_OWNER", "0raSettle#Own3r", nil)',
        'auth := smtp.PlainAuth("", "alerts@example.net", "Qm4-Lantern_Tz81", "mail.example.net")',
        'a := smtp.CRAMMD5Auth("relay", "Hx7~Orchid-Wv29")',
        'nc, err := nats.Connect(natsURL, nats.Token("Zq8Lw3Kr6Tx1Vm9Bn4Hc7Jd2Pf5Gy0Au"))',
        'nc, _ := nats.Connect(url, nats.UserInfo("telemetry", "Nt4!Quill-Harbor7"), nats.Name("avl"))',
        'const token = await auth.getTwoLeggedToken("Rm7Tz2Lq8Wx4Vk9", "Hc3Jd6Gf1Sa5Ye0Ui8Op2Qr7Tz4Wm9", [Scopes.DataRead]);',
      ],
      noMatch: [
        'nc, err := nats.Connect(natsURL, nats.Token(os.Getenv("NATS_TOKEN")))',
        "auth_method=ApiKeyAuth(os.environ['BENCHLING_API_KEY'])",
        "auth = HTTPBearerAuth('Bearer', 'X-Api-Token')",
        'auth = TokenAuth("<your-token>")',
        'nc, _ := nats.Connect(url, nats.UserInfo(cfg.User, cfg.Password))',
        'server.login(user, password)',
        'ssh.Password(cfg.Password)',
        'jwt.sign(payload, process.env.JWT_SECRET)',
        'hmac.new(key, msg, "sha256")',
        "$sig = hash_hmac('sha256', $payload, $this->secret);",
        "hash_hmac('sha256', 'Kq8Lw3Zr6Tx1Vm9Bn4Hc7Jd2', $key)",
        'OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("HOOK_SECRET"), body)',
        'server.login("admin", "password")',
        'session.authenticate(FEED_USER, FEED_PASSWORD);',
        "passport.authenticate('local', 'Tarn-9wq*Lode4', callback)",
        'client.authenticate("svc-reports", "changeme");',
        "  password => postgresql_password('reporting', $reporting_password),",
        "'password' => Hash::make('password'),",
        'const h = bcrypt.hashSync(req.body.password, 10);',
        'return new BoxAPIConnection("Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0Fe", clientSecret, accessToken, refreshToken);',
        'var auth = new ApiKey("VnBxN2NMbTRUOjJ3UXpYcjhLZkhqM05tUGI2Rw==", scopes);',
        'var client = new SearchClient(endpoint, new AzureKeyCredential(config["Search:Key"]));',
        'WiFi.begin(WIFI_SSID, WIFI_PASSWORD);',
        'opts.set_credentials("telemetry", &cfg.mqtt_password);',
        'provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(user, pass));',
        'builder.withCredentials(new StaticCredentialsProvider(creds))',
        'opts.set_credentials("telemetry", "changeme");',
        'return new BraintreeGateway(Environment.SANDBOX, merchantId, "p8w3z6rn1c", privateKey);',
        'req_auth_basic(req, "etl-bot", Sys.getenv("ETL_PASSWORD"))',
        'dsn := go_ora.BuildUrl(host, port, service, user, os.Getenv("ORA_PASSWORD"), nil)',
        'auth := smtp.PlainAuth("", cfg.User, cfg.Password, cfg.Host)',
        'auth := smtp.PlainAuth("", "alerts@example.net", os.Getenv("SMTP_PASSWORD"), "mail.example.net")',
        'a := smtp.CRAMMD5Auth("relay", "secret")',
      ],
    },
  },
  {
    id: 'crypt-password-argument',
    category: 'PASS',
    description:
      "A password literal given to crypt(3) or a wrapper of it, which takes the plain password first and the salt second: pgcrypto's `crypt('…', gen_salt('bf'))` in SQL seeds, PHP's `crypt('…', $salt)`, Python's `crypt.crypt('…', salt)`",
    keywords: ['crypt('],
    pattern: CRYPT_CALL,
    find: findCryptPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["  ('ops-console', crypt('Br3ak-Glass#Orchid', gen_salt('bf', 12)), 'break-glass login'),", "hashed = crypt.crypt('Larch!Fen-2290', salt)"],
      noMatch: ["UPDATE users SET password_hash = crypt(new_password, gen_salt('bf'));", "const sealed = encrypt('Br3ak-Glass#Orchid', key);", "crypt('password', gen_salt('bf'))"],
    },
  },
  {
    id: 'password-set-off-below',
    category: 'PASS',
    description: 'A password set off on its own indented line below the sentence that leads up to it ("Replica password was rotated last night. New one is" / "    …"), the sentence ending in "is" or a colon',
    keywords: ['password', 'passphrase'],
    pattern: /pass(?:word|phrase)[^\r\n]{0,200}(?:[ \t](?:is|was|are)|:)[ \t]{0,4}\r?\n(?:[ \t]{0,8}\r?\n)?(?:\t|[ \t]{2,12})([^\s`'"]{6,100})/i,
    find: findSetOffPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'The reporting password was reset by the DBA job. New one is\n\n    Heron#quay58.Tm\n\n(same user)',
        'Temporary VPN password:\n\tSlate-orbit.4421\n',
      ],
      noMatch: [
        'To reset the password, the command is\n\n    ./bin/reset-password.sh --user ops\n\nthen log in.',
        'The password policy is\n\n    min-length=12\n\n',
        '> The new password is\n>\n>     Heron#quay58.Tm\n',
        'The password is\n\n    stored-in-vault\n\n',
      ],
    },
  },
  {
    id: 'key-set-off-below',
    category: 'KEY',
    description:
      'A key, token or secret set off on its own indented line below the line that ends naming it with a colon or "is" (a mail\'s "…contained our DTN service client secret:" over an indented block): hex of a key\'s length or a generated value; not a public or host key, a key file\'s path, a fingerprint or an id. Or a drawn value of capitals, small letters and digits alone on the line below, indented or not, when the clause that names the key runs on to a colon ending its line ("uses a separate key, … here it is in case:")',
    keywords: ['secret', 'token', 'key'],
    pattern:
      /(?:secret|token|key)s?(?:[ \t](?:is|was|are))?[ \t]{0,2}:?[ \t]{0,4}\r?\n(?:[ \t]{0,8}\r?\n)?(?:\t|[ \t]{2,12})([^\s`'"]{6,100})|(?:secret|token|key)s?\b[^\r\n.!?`:]{0,120}:[ \t]{0,4}\r?\n(?:[ \t]{0,8}\r?\n)?[ \t]{0,12}([^\s`'"]{20,100})/i,
    find: findSetOffKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'A student pushed a notebook to a public repo that contained our DTN service\nclient secret:\n\n    Qx7vLp2mZr9Tn4Wk8Rb3Hc6Yd0Fs5Ja1Ue+Kg/Nw0=\n\nI have deleted that client.',
        "The test tenant's new API token is\n\n    3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2\n",
        'The billing API takes its own key, you will find it in the vault, but for today:\nbl_Vq7RmT2xK9pLw4Zn8Hc3Yd6Fs1Ja5Ue0\n\nThanks',
      ],
      noMatch: [
        'Add this line to authorized_keys, our deploy public key:\n\n    AAAAC3NzaC1lZDI1NTE5AAAAIB7x9Lq2mZr9Tn4Wk8Rb3Hc\n',
        'The key fingerprint is:\n\n    3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2\n',
        'The client id of the secret:\n\n    3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2\n',
        'To make a new secret:\n\n    openssl-rand-hex-32\n',
        '> our client secret:\n>\n>     Qx7vLp2mZr9Tn4Wk8Rb3Hc6Yd0Fs5Ja1Ue+Kg/Nw0=\n',
        'The token is:\n\n    session-token-for-user\n',
        'The signing key was rotated in this commit:\n3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2f00dbeef\n',
        'Keys are kept per tenant, the vault path is:\nsecret/data/tenants/billing-prod\n',
      ],
    },
  },
  {
    id: 'key-one-prose',
    category: 'KEY',
    description: 'A key, token or secret named in a sentence and given a line or two later as "the new one" (set to it or not, or handed over bare: "use the new one …"), "the old one", "the current one", "the live one" (its verb maybe wrapped onto the next line), "the old value" or under a `Current:`, `Old:` or `Previous:` label ("rotate the staging secret? current one in the .env is …", "the old one was `…`", "the old value `…` was still deployed", "Current (rotated …): `…`", "Old (revoked): `…`"), or as "the value" a colon or "is" hands over, set off on a line of its own or in code marks ("the key lives in 1Password … the value as of the 2024 rotation is:" over an indented block; not a digest\'s, a revision\'s or an id\'s)',
    keywords: ['new one', 'old one', 'current one', 'previous one', 'live one', 'active one', 'valid one', 'working one', 'new value', 'old value', 'current value', 'previous value', 'live value', 'active value', 'valid value', 'working value', 'current:', 'current (', 'old:', 'old (', 'previous:', 'previous (', 'the value'],
    pattern: ONE_KEY_VALUE,
    find: findOneKeyValues,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Who rotated the partner secret? current one on the box is\n    K7QW2ZP9MX4RT8VN3LJ6HB5CD1FG0SY2',
        'The signing key is in the vault now. (The old one was `9F3A1C7E5B2D8F4A6C0E1B3D5F7A9C2E`.)',
        'We learnt the partner token had expired; the old value\n  `Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6` was still in the cron job.',
        'The export job signs with the vendor API key. Rotate it in the vault.\n\nCurrent (since 2025-01-10): `Hq4tZ7Lw2Nk9Rx5Vb3Mp8Tc1`',
        'The outage came from the partner client secret expiring. New one was\nset to `Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6` -- rotate it after use.',
        'The production key lives in 1Password. If it is down, a copy is in the vault; the value as of the 2024 rotation is:\n\n    8c1f7a03e5b94d26a0e8c3f17b52d94a\n',
        '[09:31] priya: FYI rotated the Sentinel Hub secret. new one: Kf7@Wp3!Rn9#Tc2Lm6Xb4Hv8Dz1Gs5Qy0Ja',
        '[11:02] ana: who has the scoreboard API token? the old one got revoked\n\n[11:04] rob: use the new one 5e1d09c4b7a2f83e61c0d94b2a7f85e3 till it is in vault',
        'The backup token in `config.py` was a stale one from 2022; the live one\nis `Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6` and sits in the .env now.',
      ],
      noMatch: [
        'The API key rotated. The new one is in the vault.',
        'The API key rotated. The new one: see-the-vault-entry!!',
        'The public key changed; the new one is `MCowBQYDK2VwAyEAq9`',
        'Rotated the token, the old one was revoked_2024_01_15 anyway.',
        'The deploy key moved, the old one was at commit 1cb577b2e35fa0fde83202d88f8dd23fb76d621b.',
        'The token had been rotated; the old value Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6 hmm',
        'The API key is rotated weekly.\nCurrent: 1cb577b2e35fa0fde83202d88f8dd23fb76d621b (the commit deployed)',
        'The cache key changed.\nCurrent: `build-2024-06-01-linux-x64`',
        'The release key is fine. The value of its SHA-256 fingerprint is:\n\n    8c1f7a03e5b94d26a0e8c3f17b52d94a8c1f7a03e5b94d26a0e8c3f17b52d94a\n',
        'Set the API key in the vault; the value is Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6 in staging.',
        'The token check failed on the old build.\nuse the new one 1cb577b2e35fa0fde83202d88f8dd23fb76d621b instead',
        'which image has the token fix? use the new one rel-2024-06-01-build-3317-x64 tonight',
        'The API key rotated; the new one 5e1d09c4b7a2f83e61c0d94b2a7f85e3 hmm',
        'The signing key moved to the HSM; the checksum of the live one\nis `4b7e1c90d2a5f83e6c0b19d7a4e2f58c`.',
      ],
    },
  },
  {
    id: 'secret-it-is-prose',
    category: 'KEY',
    description: 'A key, token or password named in a sentence and given later in it as "it\'s `…`" or "it is `…`" after a clause ("don\'t paste the Rails master key anywhere; it\'s `…` on the old box"), as "is `…`" or "is set to `…`" in its clause, right after it as "until …: `…`" or as a verb of putting it in place and a colon ("new HMAC key copied in: `…`", "rotated to: `…`", "new key deployed: `…`"), or in brackets a few words after it ("the production token from the kickoff mail (`…`)")',
    keywords: ["it's", 'it is', 'it was', 'it currently', 'it still', 'it now', 'it usually', 'is `', 'was `', 'set to `', 'until ', '(`', 'copied in', 'copied into', 'pasted in', 'pasted into', 'entered in', 'loaded in', 'rotated to', 'changed to', 'updated to', 'regenerated to', 'deployed', 'installed', 'issued', 'generated'],
    pattern: IT_IS_VALUE,
    find: findItIsValues,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "Please don't paste the staging master key anywhere; it's `7c1e94b02fd8a3e56b0c19d4f7a2e83b` on the build box.",
        'We never rotated the partner API token, it is `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd` still.',
        "The kiosk admin password hasn't changed since spring; it's `Hb4!nQz8Wp` for now.",
        'The till admin password for new stores is set to `Moss!tkQWEL27#` by the fitter.',
        'The legacy SMS gateway still uses this API secret until we migrate: `Lq7Zw2Nk9Rt4Vb8Mx3Hc6Pd`.',
        '- 09:31 new HMAC key copied in: `5b0e9c4a7d21f8e36a1c0d9b4e7f2a58c3d6e91b0f4a7c2d8e5b1f3a6c9d0e7b`',
        '- the webhook secret pasted into the payment admin: `Lq7Zw2Nk9Rt4Vb8Mx3Hc6Pd`',
        '- 14:05 new signing key deployed: `Tz8LmV2nRb5cWq3kHq7Lm2` (the unit file too)',
        'Never paste the live token from the partner mail (`5e2b7c90d4a1f8e63b0c92d7a4f1e8b5c6d3a209`) in examples.',
      ],
      noMatch: [
        "The public key is published with the release; it's `7c1e94b02fd8a3e56b0c19d4f7a2e83b` on the site.",
        "The master key lives in the vault. It's `config/master.key` on disk otherwise.",
        "Don't paste the API key anywhere. The build id? it's `7c1e94b02fd8a3e56b0c19d4f7a2e83b` today.",
        "The deploy key moved, it was `1cb577b2e35fa0fde83202d88f8dd23fb76d621b` at the time.",
        "The API key is fine; it's `disabled_by_default` anyway.",
        'The token fix is in the merge commit (`5e2b7c90d4a1f8e63b0c92d7a4f1e8b5c6d3a209`).',
        '- 09:31 the key file was copied in: `config/keys/hmac.key`',
        '- 14:05 new build deployed: `Tz8LmV2nRb5cWq3kHq7Lm2`',
        '- 14:05 the key, after review, deployed: `Tz8LmV2nRb5cWq3kHq7Lm2`',
        '- new HMAC key id copied in: `5b0e9c4a7d21f8e36a1c0d9b4e7f2a58`',
        '- the key, once rotated, was copied in: `5b0e9c4a7d21f8e36a1c0d9b4e7f2a58`',
        'Keep the token until the build ends: `cache-2024-06-01-linux-x64`.',
        'The password rule is set to `Min-length:14!` for staff.',
        'Kiosk passwords follow the site GPO (`MaxPasswordAge=90`).',
        '- The TLS cert thumbprint for ADFS token signing is `373910F6675EE3FFA377B9E32039AE4FED7C7EA0` (public).',
        'The SHA-256 of the signing key is `9f2c4e7a1b3d5f60718293a4b5c6d7e8f9a0b1c2d3e4f5061728394a5b6c7d8e` in the release notes.',
      ],
    },
  },
  {
    id: 'key-named-after-prose',
    category: 'KEY',
    description:
      'A key, token or secret handed over first and named after it, as chat does ("use … that\'s the live-ops key", "…, which is the new token"): hex of a key\'s length or a generated value; not where the noun is followed by id, name, file, fingerprint or format',
    keywords: ["that's the", 'that is the', 'which is the', 'that was the', "that's our", 'that is our', 'which is our'],
    // The clause's opening only: the find reads the words up to the noun (NAMED_AFTER) on a bounded slice.
    pattern: /(?:that's|that[ \t]is|which[ \t]is|that[ \t]was)[ \t]{1,2}(?:the|our|my|your)[ \t]/i,
    find: findValuesNamedAfter,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[2024-10-14 09:18] mateo.r: use 7c1e94b02fd8a3e56b0c19d4f7a2e83b that\'s the live-ops key',
        'paste `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd`, which is the new partner token',
      ],
      noMatch: [
        'use 7c1e94b02fd8a3e56b0c19d4f7a2e83b that\'s the key id for the live-ops account',
        'build 1cb577b2e35fa0fde83202d88f8dd23fb76d621b, that\'s the release we tagged',
        'use deploy-key-for-staging that\'s the key',
        'ask in #ops, that\'s the key point',
        'f47ac10b-58cc-4372-a567-0e02b2c3d479 that is the token name in the vault',
      ],
    },
  },
  {
    id: 'key-is-bare-prose',
    category: 'KEY',
    description:
      'A key, token or secret named in a sentence and handed over bare at its end by "is" or "was" a few words later, maybe wrapped onto the next line ("The temporary key Priya made on 2025-01-14 is …", "the API key for the test environment is\\n…"): hex of 32, 40 or 64 digits or a generated value; not where the sentence speaks of a commit, a digest, an id, a name or a format',
    keywords: [' is', ' was', " it's"],
    pattern: KEY_IS_BARE,
    find: findKeyIsBareValues,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'SetAppBuildLive returns 403: the key was rotated. The temporary key Priya made on 2025-01-14 is 6BFC0C1964488C3DAA6DE9A32C6F9083 until Jenkins is updated.',
        'The API certificate will follow; the API key for the test environment is\n2ad2fc4639d61d0425f0cabc48723bce1f1dd380 (test only).',
        'The webhook secret we set up for the partner last week was Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd.',
        'The sandbox API key you asked about is gfl_live_H3MQKL5J6cprWN9VEalZuGa9buYmFfPF (yes, the prefix says live).',
        '- SetAppBuildLive returns 403: the key in the script was rotated. The temporary key\n  Priya made on 2025-01-14 is 6BFC0C1964488C3DAA6DE9A32C6F9083 until Jenkins is updated.',
        'The callback signing key (HMAC-SHA512) for the partner feed is 9c3e0b7a41d2f86e5a0c9b3d7e1f4a2c6b8d0e3f5a7c9e1b3d5f7a9c0e2b4d6f.',
      ],
      noMatch: [
        'The key fingerprint shown by the console is 3f9ac2710b5ed4881c6ae902b74df35c.',
        'The commit that rotated the key is 2ad2fc4639d61d0425f0cabc48723bce1f1dd380.',
        'The public key we pinned last year is 6BFC0C1964488C3DAA6DE9A32C6F9083.',
        'The idempotency key for the retry is 4f86c075-0461-4ffe-bdbb-53a2f757312c.',
        'The key we use for the cache lookups is session_user_profile_by_region.',
        'The key we use for the cache lookups is user_live_session_profile_by_region.',
        'The token, as we agreed on the call, is 6BFC0C1964488C3DAA6DE9A32C6F9083.',
        'The API key is in 1Password; the deploy script is scripts/deploy_production_eu.sh.',
        '- Rotate the signing key\n- The nightly run on 2025-01-14 is 6BFC0C1964488C3DAA6DE9A32C6F9083 in the log.',
        'The key (HMAC-SHA256) digest of the payload is 9c3e0b7a41d2f86e5a0c9b3d7e1f4a2c6b8d0e3f5a7c9e1b3d5f7a9c0e2b4d6f.',
        'The signing key (SHA-256 of the export) is 9c3e0b7a41d2f86e5a0c9b3d7e1f4a2c6b8d0e3f5a7c9e1b3d5f7a9c0e2b4d6f.',
      ],
    },
  },
  {
    id: 'password-new-one-prose',
    category: 'PASS',
    description: 'A password named in a sentence and given in the next on the same line as "the new one" (or the current, old or previous one, the adjective maybe in Markdown emphasis: "The broker rotated the password last night. New one from their mail: …", "did anyone change the password? The old one was \"…\"" quoted, a word and a digit too, "the new one is …", "the SQL login was rotated. The current one (as of …) is `…`", "(Old one, `…`, still works)"), or in a chat\'s message after lines that name the password or a login that changed ("anyone changed the envision account?" / "rotated it friday. new one is …", "use the new one, …"), or as "the old pw, it\'s …"; an incident\'s "value" for "one", paired or in brackets ("Old value `…`, new value …", "still had the old one (`…`)"), and the shared value of default logins changed alike ("default to `admin/admin` — we changed them all; the shared value is now …"); not a certificate\'s, a release\'s or a ticket\'s new one, nor a version, a file or a host',
    keywords: ['new one', 'current one', 'old one', 'previous one', 'shared one', 'new value', 'current value', 'old value', 'previous value', 'shared value', 'new pw', 'old pw', 'current pw', 'previous pw', 'shared pw', ...NEW_ONE_EMPHASISED_KEYWORDS],
    pattern: NEW_ONE_VALUE,
    find: findNewOnePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'The vendor reset our password this morning. New one from the portal: Kq7_Rw2mTz9Lp',
        'Rotated the SFTP password, the new one is `Hb4!nQz8Wp` until Friday.',
        'If the job logs `auth failed`, its database login was reset. The current one\n   (since the March audit) is `Quill-Harbor572#` -- update the unit.',
        'The kiosk admin password is rotated; the old one `Wn7#pLx2Qz` is revoked.',
        "Changed the VPN password again, the previous one 'Tr4ck-Gull93' works until Friday.",
        'Dashboard password is in the vault. (Old one was HeronCeph2020; if you find it anywhere, it is dead.)',
        "The SQL password is **not** in this repo - ask Kamal. (Old one, `Lv!PmsBridge#2023`, still works on the old box.)",
        "[09:12] Dana: envision-02 can't reach the FTP drop again, anyone changed the envision account?\n[09:14] Tomasz: yes sorry, rotated it friday. new one is Eppendorf_Tide_63",
        '[10:05] lea: the migration failed, log says `password authentication failed for user "ingest"`\n[10:07] priya: use the new one, tundra-Kelp-4481-prod - it changed with the rotation',
        "fwiw the metabase user still has the old pw, it's mb.Dash.Vet.41 if you need to test the replica",
        'The SFTP password was changed on the server but not in the job. Old value `Tern#Weir31`, new value Tern#Weir32.',
        'The relay password was rotated; the gateway still had the old one (`Relay-North-7a`).',
        'Kiosk pages default to `admin/admin` — we changed them all; the shared value is now Kiosk#Wren58.',
        '> Did someone change the alarm app password? The old one was "heron7".',
      ],
      noMatch: [
        'The password expired. New one: see the vault entry.',
        'Password policy changed; the new one is stricter: min-length=14',
        'Reset the password. New one is generated by the script ./bin/rotate.sh',
        'The login page moved. The current one is https://portal.example.org/signin2',
        'The login was rotated. The current one\nSee the vault: Kq7_Rw2mTz9Lp',
        'The build image changed. The current one is `node-20.11-alpine3`.',
        'The admin password was rotated; the old one is in the vault until Friday.',
        'The admin password was rotated; the old one `Wn7#pLx2Qz and more` is revoked.',
        'The admin password was rotated; the old one was revoked on Friday.',
        'The password policy changed; the previous one was NIST-800-63.',
        '[10:05] lea: the password field is broken\n[10:07] priya: use the new one, it is faster',
        '[10:05] lea: password reset is broken\n[10:07] priya: use the new one, release-2024.1 has the fix',
        "[09:12] Dana: anyone changed the build account?\n[09:14] Tom: yes, rotated it. new one is build-agent-2024",
        "[09:12] Dana: the deploy account is fine\n\n[09:14] Tom: the new one is Build_Agent_24",
        'the old pw, reset-link-2024 is dead',
        'The password is in the vault. The old one, `docs/Passwords-2023.md`, is gone.',
        'The password is fine but the cert expired. The new one (`Cert-Kiln-2025!`) is on the share.',
        'The password was rotated. The new value Tern#Weir32 went out.',
        'The password was rotated under a ticket. The new one (`OPS-1881`) has the details.',
      ],
    },
  },
  {
    id: 'password-answer-prose',
    category: 'PASS',
    description:
      'A password given as the answer to a question about it on a line before ("anyone know the staging db password?" answered "it\'s … for the app user", "our password doesn\'t work. Which one is it?" answered "they reset it, it\'s now …", grudgingly "ok fine it\'s …"), or a condition before it in the sentence ("If a scanner asks for an admin password, it is …."): bare, every class, or after a condition a password\'s mix or capitalised words joined that end the sentence',
    keywords: ["it's", 'it is'],
    pattern: IT_IS_ANSWER,
    find: findAnsweredPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[10:02] ana: anyone have the kiosk password? the card is gone\n[10:03] raj: it\'s Lodge!Birch42 for the kiosk user',
        'Customer: the login stopped working, what is the password now?\nAgent: the vendor reset it on site, it\'s now Fern#Quay-77 . Change it please.',
        "[18:02] Priya: anyone know the sound desk pw?\n[18:04] Sam: it's Mix$Bus9 I think",
        '[09:05] Dave: the plotter admin pw changed?\n[09:06] Lucy: yes it\'s now Roll42-Cut!',
        "[09:05] Dave: the plotter admin pw?\n[09:06] Lucy: not in here!\n[09:06] Lucy: ok fine it's !Plotter88, changing it later",
        'If a till asks for the manager password, it is Curtain-Call-Red.',
      ],
      noMatch: [
        '[10:02] ana: anyone have the kiosk password?\n[10:03] raj: it\'s in 1Password under Kiosk-2024!',
        '[10:02] ana: password reset broken again?\n[10:03] raj: it\'s v2.4.1-RC-Fix on prod',
        '[10:02] ana: anyone have the kiosk password? it\'s Lodge!Birch42 right?',
        '[10:02] ana: the kiosk password is in the vault\n[10:03] raj: it\'s Lodge!Birch42 then',
        '[10:02] ana: anyone have the kiosk password?\n\n[10:30] raj: it\'s Lodge!Birch42 for the kiosk user',
        "[18:02] Priya: anyone know the sound desk pw?\n[18:04] Sam: it's $DESK_PW9a in the env",
        'If a till asks for a password reset, it is Curtain-Call-Red.',
        'If the portal asks for a password, it is the same as your email one.',
        'The till asks for a password, it is Curtain-Call-Red.',
      ],
    },
  },
  {
    id: 'password-bare-answer-prose',
    category: 'PASS',
    description:
      'A password a chat\'s message (or its last sentence) gives alone, a line or a few after a question about it or a local admin ("what\'s the admin password again?" answered "Jade: …" or "Jade Hollins 09:03  …"; "it\'s asking for a login" answered "lx-crew / …", or a complaint that it fails: "the crew login isn\'t working"; "what\'s the wifi in the barn again?" answered "Barn-AP / …" or "BarnAP, password …"): the message nothing but the value, maybe after a few words and a colon ("same as the others: …") or before an aside after a dash, or an account or a network, a spaced slash, colon or arrow and the value ("recitals@ → …"); in Teams\' copy too, each message under a header line of its own, and in a JSON export, whose other fields of a message are not counted among the lines; every class or both cases and a digit, a password\'s mix beside an account, a Wi-Fi key as people make one beside a network; before a hedge too, with the second value it offers ("… still I think? or try …"); a Wi-Fi key alone after a question about the key ("the camera wifi key?" answered "it\'s printed under the case: …"), letters drawn at random too',
    keywords: ['password', 'passphrase', 'passwd', 'pw', 'pwd', 'local admin', 'login', 'log-in', 'credential', 'creds', 'wifi', 'wi-fi', 'wlan'],
    pattern: CHAT_MESSAGE_OPENING,
    find: findBareAnsweredPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "[09:02] Marcus: what's the NVR admin password again?\n[09:03] Jade: Kestrel!Pen2031",
        '{"user": "a", "text": "the till wants the manager password"},\n{"user": "b", "text": "Float#Drawer77"}',
        '[18:15] Priya: it\'s asking for a login\n[18:15] Tom: crew-lx / Spotlight-Iris-2031',
        '{"text": "anyone know the dome pw?"},\n{"text": "same as the others: Orionis47"}',
        '[9:06 AM] Ana\nwhat\'s the password for the box office mailbox?\n\n[9:07 AM] Raj\nboxoffice@ \u2192 Matinee-Gala-26',
        "[10:40] Sam: what's the local admin on the till again?\n[10:41] Jo: Till-Local-Adm1n! \u2014 rotate it after",
        'Sam Reed 10:40  and the barn wifi?\nJo Marsh 10:41  BarnAP, password haybale2031',
        "sam 10:40  Who has the wifi for the barn?\njo 10:41  guest one is on the door. staff one: Barn-Staff / Hay-Loft-Ladder-9",
      ],
      noMatch: [
        "[09:02] Marcus: what's the NVR admin password again?\n[09:03] Jade: check-the-Vault",
        "[09:02] Marcus: what's the NVR admin password again?\n[09:03] Jade: v2.4.1-RC",
        '[09:02] Marcus: the password policy changed?\n[09:03] Jade: Policy-v2!x',
        "[09:02] Marcus: what's the NVR admin password again?\n\n[09:30] Jade: Kestrel!Pen2031",
        "[09:02] Marcus: what's the NVR admin password again?\n[09:03] Jade: see ticket: INC-20931",
        '[18:15] Priya: it\'s asking for a login\n[18:15] Tom: Spotlight-Iris-2031',
        'The password is in the vault.\nKestrel!Pen2031',
      ],
    },
  },
  {
    id: 'shared-login-password-prose',
    category: 'PASS',
    description: 'One password in code marks that accounts set up alike are said to use or share ("Test logins on the staging portal all use `…`", "the demo accounts share `…`")',
    keywords: ['logins', 'accounts', 'users'],
    pattern: SHARED_LOGIN_VALUE,
    find: findSharedLoginPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['Test logins on the staging portal all use `Sandbox-Impression-5` and are wiped nightly.', 'The demo accounts share `Harbor!Kettle-58`; reset them after the show.'],
      noMatch: [
        'Test logins on the staging portal all use `SSO` now.',
        'The test users all use `Standard_D2s_v3` machines.',
        'Staging accounts use `TLSv1.2` only.',
        'All production accounts use `Argon2id-v19` hashes.',
        'Test logins use `${TEST_PASSWORD}` from the pipeline.',
        'The test accounts use `scripts/Seed-Users.ps1` to reset.',
      ],
    },
  },
  {
    id: 'account-uses-password-prose',
    category: 'PASS',
    description: 'A password one account is said to still use, in a paragraph that named a password before (`… and the password is …. The licensing account still uses …`): eight or more, a word and a number or a password\'s mix, ending its clause; not a tool, a scheme, a version or a path',
    keywords: ['account uses', 'account still uses', 'login uses', 'login still uses'],
    pattern: ACCOUNT_USES_VALUE,
    find: findAccountUsesPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['The portal password is Merlin&Hobby-4. The county licensing account still uses kestrel1987.', 'New password for the shop: Tin-Roof-33.\nThe supplier login uses "hopfield2020" until May.'],
      noMatch: ['The password is in the vault. The licensing account still uses sha256sum.', 'The licensing account still uses kestrel1987.', 'Password reset emails work.\n\nThe billing account uses python311 for the scripts.', 'The password hashing account uses argon2id.', 'The password for it changed. The account still uses TLSv1.2 only.', 'The password is set. The login still uses /etc/passwd2 for users.'],
    },
  },
  {
    id: 'password-interim-prose',
    category: 'PASS',
    description: 'A password handed over for the time being after "for now:", "until then:" or "in the meantime:", or as a clause "it\'s …", where the lines before name a login and say its real value went to a vault or was changed ("anyone changed svc_etl? can\'t log into SQL" / "new one is in the vault. For now: …", "vault\'s down" / "ok fine, it\'s …")',
    keywords: ['for now:', 'until then:', 'in the meantime:', 'meanwhile:', "it's", 'it is'],
    pattern: INTERIM_VALUE,
    find: findInterimPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "[14:05] Marcus: anyone changed svc_nuix? broker can't log into SQL\n[14:06] Priya: yes CHG-3381, new one is in the vault. For now: Nuix$Worker-Broker24\n[14:06] Marcus: ta",
        'The kiosk login was reset this morning; the new password goes to 1Password tonight. Until then: `Harbor!Kettle-58`',
        '09:40 ana: the scanner password got rotated, it\'s in the vault\n09:41 raj: vault needs VPN and mine is broken\n09:41 ana: fine, it\'s Ledger-7-tQwm (change it after)',
      ],
      noMatch: [
        'The kiosk login was reset. For now: use the vault entry.',
        'Nobody changed the deploy job. For now: Release-Branch/v2.4',
        'The kiosk login was reset; the new password is in the vault. For now: ${KIOSK_PASSWORD}',
        'Rotated the build cache. For now: Cache-Key-2024!x',
        'The login page moved to the vault app. In the meantime: https://Portal-2.example.org',
        'Password reset is broken in the vault UI. For now: ask-in-Ops-2#channel please',
        'The password was rotated and the vault is back. I think it\'s Ledger-7-tQwm but check.',
        'The login was reset in the vault; it\'s X-Ray-Room-2b and a reboot that fixed the scanner, not the password.',
      ],
    },
  },
  {
    id: 'password-in-prose',
    category: 'PASS',
    description: 'A password given in a sentence ("the password for the deploy account: …", "gave the new password by phone: …", "logs in as `x` with" and "password …" on the next line, "the account password" and "is …" on the next line, "the deploy password, ….", "BIOS password on both workstations: `…`", "the password for new accounts is `…`", "use password … to log in", "the account has password `…`", "temporary password …", "reset the `x` password to `…`", "password is on the chalkboard: …", "(password in the safe: `…`)", "admin password …" of both cases and a symbol ending its clause), also wrapped onto the next line (after "password is" too) or set in bold',
    keywords: ['password', 'passphrase', 'pw', 'pwd'],
    pattern: PROSE_PASSWORD,
    find: findProsePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Password for the `deploy` account: Depl0y.Orbit.55',
        '- BIOS password on both line PCs: `lpc-bios-3390`',
        'Use password Wint3r-Harbor#2 to log in to the old Jenkins.',
        'The temporary password for the kiosk accounts is `Harbor7Lantern`; change it on first login.',
        'the passphrase of the signing key was Quill-Meadow#88 until March.',
        'Your temporary password Harbor42.tQz expires in 24 hours.',
        'The kiosk account has password\n`Tq4!mRw-Lantern9` (rotated each term).',
        'Share the link with password\n**Fennel*orbit5512** until June.',
        'Bastion: break-glass password in the safe, **or** `Rq5!vTn8Wm2x` until the 1st.',
        'I set a temporary password for ops@example.org:\nKelp-Quarry!804 -- change it on first login.',
        'Only if SSO is down. User `BREAKGLASS`, password **Maple.drift81!qT**. Rotate it afterwards.',
        '- 04:12 reset the `billing_ro` password to `Heron-slate-93-Copper!` so support could log in',
        'Changed the kiosk admin password to Wren.Basalt-47 after the audit.',
        'The legacy importer still logs in with the service password Heron#Vq-5521 on the old NAS.',
        '8820,Can\'t log in,"I reset my password to Sunday2025! and it still says invalid. Jenn: account was locked, unlocked."',
        '[16:20] Helen: PROD003 is out. Volume password Tamarind-Glacier-0507 - can you phone it through to them',
        '- `Guest-WiFi` – password is on the chalkboard: hazyipa2024 (changes every season).',
        "[2024-03-12 13:44] Dana: password for the scanner's local admin is Intraoral55 if anyone needs it before I change it",
        'the new feed password is\nwharf-tallow-cobble-31 and the token rotates.',
        'Spare encoder on the stage LAN, admin password Gazebo#Lamp\n',
        'RDP as `CORP\\rip-svc` (password in the drawer: `Bleed3.0mm!`).',
      ],
      noMatch: [
        'Bastion: password in 1Password, **or** ask #ops for the break-glass one.',
        '    :param password: encrypt private key with password\n    :return: bytes',
        'Use password authentication for the bastion.',
        'Password for the admin account: see the vault',
        'Password on first login: required',
        'use the password <password> here',
        'The password for the replica user is rotated2weekly by the operator.',
        'The password for the admin account is stored in Vault.',
        'A temporary password expires after 24 hours.',
        'The initial password policy requires 12 characters.',
        'The account has password\nprotection turned on.',
        'Use password\nauthentication for the bastion.',
        'The password **must** be rotated every 90 days.',
        'Set the password **before** the first deploy: **Step 2**.',
        'Rotate the password **v2** of the API.',
        'The password to the reporting replica is kept in Vault.',
        'We changed the password to make it longer.',
        'Reset the password to `${NEW_DB_PASSWORD}` from the pipeline.',
        'Remember: the password to `billing-db` is not ours.',
        'The password field on the sign-up form is masked.',
        'Password reset emails go out from no-reply@example.com.',
        'The password policy requires 12 characters and a symbol.',
        'The service password Orchard-lantern is a placeholder.',
        'hash the password sha256:9f2c41aa before storing it',
        'the password\nAb-12cdEF on the next line is not read bare',
        'password Kq8zW3mLp0!x',
        'mysql --password Kq8zW3mLp0!x',
        'AuthUser password Kq8zW3mLp0!x',
        'Forgot the password for the portal? Ask ops. Note: Quill-Meadow#88 is the old wiki page.',
        'The password is in the format: abc123x9',
        'Password is in 1Password: Staging2',
        'The password is in the vault: kv/prod/db2',
        'The Wi-Fi password is on the router: Label2 shows it',
        'The password is at least: 12chars',
        'The password for the admin account is Argon2id hashed.',
        'The password for the reporting job is Intraoral55 if anyone needs it',
        "The password for the user's profile is Windows10 compatible",
        'The password for the admin account is intraoral55 here',
        'The password is\nrotated every quarter by ops.',
        'Reset the admin password Reset#Anchor and continue',
        'the password in the safe: ask Ruth.',
      ],
    },
  },
  {
    id: 'password-qualified-prose',
    category: 'PASS',
    description: 'A password stated in prose with words between the noun and the value: an aside in brackets before is/was ("the local `ops` account password (needed for sudo) is …"), a change in the passive before `to` ("the password was reset this morning to …", "was reset by Oracle support on 12 March to …", "has also been reset to …"), a told clause and its colon before a value in code marks ("the password was pasted in #inc-7 and has since been rotated: `…`"), the period it holds for ("Guest Wi-Fi password this quarter: …", "the guest password this month is **…**", a passphrase of words too, a Wi-Fi key or PSK: "WPA2 key this season: …"), chat\'s `pw` for what it is on ("pw for the kiosk TV is …")',
    // A Wi-Fi network's key is its password under other names (`WPA2 key`, `PSK`, `Wi-Fi key`).
    keywords: ['password', 'passphrase', 'pw', 'pwd', 'wpa', 'psk', 'wi-fi key', 'wifi key', 'wlan key', 'wireless key'],
    pattern: QUALIFIED_PROSE_PASSWORD,
    find: findQualifiedProsePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '3. The local `ops` account password (needed for sudo) is Nadir-Pebble-908 - rotate after each offboarding.',
        'For the SFTP drop on prod the password was reset this morning to Q7r!meterRoute_88\n(same user, mvrs).',
        'The OPERA supervisor password was reset by\nOracle support on 12 March to OPSUP-hrg-0312.',
        '- Guest Wi-Fi `MCW-Guest` password this quarter: Riverbend-Otter-58',
        'SSID `GCR-Staff`, WPA2 key this season: `Bergwind-Kaffee-4471` (print for the huts).',
        '- Staff WLAN PSK this month: Harbor-Kettle-58',
        '- Wi-Fi "HV-Guest" passphrase this quarter: amber tiger violin 42',
        '08:20 Ben: grafana dashboards pw for the kiosk TV is Delivery-Dash-55',
        'The root password has been changed to `Hq7-Lantern-Moss` after the audit.',
        'logins failed: the `ingest` account password had been rotated by IT on Friday to `Quill&Ember-2027` and nobody knew',
        '- `LAB-GUEST`: the guest Wi-Fi password this month is **Fjord-Lantern-27** (front desk has it).',
        'The console password (for the setup menu) is Gobo$wheel9 -- keep it in the booth.',
      ],
      noMatch: [
        'The password (if any) is required at login.',
        'The console password (for the setup menu) is $CONSOLE_PW9 from the env.',
        'The console password (for the setup menu) is pass${SUFFIX}-9 after the template.',
        'The password (see the vault) is rotated-monthly',
        'The password was reset to the default.',
        'the password was changed to match the new policy-2024 rules',
        'Your password is set to expire in 90 days.',
        'The password was reset by the helpdesk on request to ${NEW_PASSWORD}',
        'The password was reset\n\nThe next step goes to Step-2024x',
        'Guest Wi-Fi password this quarter: see the board',
        'Guest Wi-Fi password this quarter: ask reception',
        'WPA2 key this season: see the laminated card',
        'The WPA2-PSK this year: AES-CCMP only',
        'psk this week: `changeme`',
        'Guest passphrase this quarter: is on the board',
        'the pw for the kiosk is on the fridge',
        'pw for the kiosk TV is https://kiosk.example/pw-2024',
        'the pwd for this repo is /srv/repo-2024',
        'copy the password (from the vault) is what we said: Abc-1234',
        'The password this year is **required** for guests.',
        'The password this quarter is ISO-27001 aligned.',
      ],
    },
  },
  {
    id: 'password-quoted-words-prose',
    category: 'PASS',
    description:
      'A password of words spelled out in quotes in a sentence, maybe wrapped onto the next line (`the password is "Harbour Kettle Finch 62" (type the spaces)`, `the passphrase for the safe: “…”`): three to ten words with a number among them or every word capitalised; not a quoted sentence nor a sign-in screen\'s message. Bare, the words end their sentence and are small letters with a number (`passphrase is tumbler wafer disc lever 1986. Please …`), no word a sentence goes on in',
    keywords: ['password', 'passphrase'],
    pattern: QUOTED_PHRASE_PASSWORD,
    find: findQuotedPhrasePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'the break-glass login is `root@example.coop` and the password is\n"Harbour Kettle Finch 62" (type the spaces).',
        'The passphrase for the key safe: “Copper Heron Ninety Seven”',
      ],
      noMatch: [
        'the password is "the one on the sticky note"',
        'the error for a wrong password is "Invalid Login Attempt 3"',
        'the password is "Change Me Now"',
        'The password is "Tq7!mRw2zKx9"',
      ],
    },
  },
  {
    id: 'password-it-reset-prose',
    category: 'PASS',
    description:
      'A password told as reset with `it` for its noun, the noun earlier in the paragraph ("Its password lives in the safe. (Q2 2024: it was reset to …)", "it got changed yesterday to `…`", "the admin password was the default so I\'ve changed it to …", "Reset it on the base to `…`"): bare, a made password\'s shape',
    keywords: ['it was', 'it got', 'it has been', 'reset it', 're-set it', 'changed it', 'rotated it', 'updated it'],
    pattern: IT_RESET_TO,
    find: findItResetPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Its password lives in the sealed envelope in the office safe. (Q2 2024: it was reset to\n   Calamine-Lotion-Harbor-19 after the YubiKey was lost.)',
        'the kiosk password? it got changed yesterday to `Harbor!Kettle58`',
        'The NAS admin password had expired, so I rotated it this morning to\nQuarry-Lintel-62, please file it.',
      ],
      noMatch: [
        'Its password lives in the safe. It was reset to the default after the audit.',
        'The password policy was too short, so we changed it to `min-length-14` in the GPO.',
        'We rotated it to Quarry-Lintel-62 after the password manager moved.',
        'The cluster was rebuilt. It was reset to Factory-Image-2.1 last week.',
        'The password is in the vault.\n\nThe router? It was reset to Config-2024!a',
        'Its password was rotated; it was reset to ${NEW_PASSWORD} by the pipeline.',
      ],
    },
  },
  {
    id: 'password-others-have-prose',
    category: 'PASS',
    description:
      'A password that other units of a kind still have or use, in code marks, where the paragraph names a password before it ("the modem password is … (older ones still have `…`)", "the rest use `…`"): every class, not a version',
    keywords: ['ones', 'units', 'devices', 'boxes', 'models', 'hosts', 'machines', 'others', 'rest'],
    pattern: OTHERS_HAVE_VALUE,
    find: findOthersHavePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['The gateway password is Fjell-Gate-2024! on new installs (older ones still have `Heron#Gw77`).'],
      noMatch: [
        'The gateway password is in the vault; older ones still run `OpenSSH_7.4p1`.',
        'The gateway password is in the vault; older units still have `FW-2.1.3a`.',
        'Older ones still have `Heron#Gw77` as their label.',
      ],
    },
  },
  {
    id: 'password-only-label',
    category: 'PASS',
    description:
      'A line of notes labelled by what takes a password and no user (VNC, a BIOS\'s or UEFI\'s setup), maybe an aside in brackets, then a colon and the password in code marks (``- VNC (view only): `…` ``): letters, a digit and a symbol or both cases; not a version, an address or a path',
    keywords: ['vnc', 'bios', 'uefi'],
    pattern: PASSWORD_ONLY_LABEL,
    find: findPasswordOnlyLabels,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['- VNC (read-only, for the wall display): `Wall!view42`', '  * BIOS setup: `Lathe-Bay7`'],
      noMatch: ['- VNC viewer: `TigerVNC-1.13`', '- VNC: `vnc01.plant.lan:5901`', '- BIOS: `2.19.1`', 'Set the VNC: `Wall!view42` only in the lab', '- BIOS version: `U46-v2a`'],
    },
  },
  {
    id: 'password-copy-prose',
    category: 'PASS',
    description:
      'A copy of a password kept aside, under its label ("emergency copy: …", "backup copy: `…`"), where the paragraph names a password before it: a made password\'s shape',
    keywords: ['emergency copy', 'backup copy', 'spare copy', 'fallback copy', 'offline copy', 'glass copy'],
    pattern: PASSWORD_COPY,
    find: findPasswordCopies,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["5. Still broken? The MCA user `svc_cartrk` password is kept in CyberArk;\n   emergency copy: Hopper#Gondola55 (rotate afterwards, CHG ticket required)."],
      noMatch: [
        'The password is kept in CyberArk; backup copy: /srv/backup/vault-2024.kdbx',
        'The database dump runs nightly; backup copy: Dump-2024-06!a on the NAS.',
        'The password is kept in CyberArk; emergency copy: in the safe.',
      ],
    },
  },
  {
    id: 'account-is-prose',
    category: 'PASS',
    description:
      'A password an administrative account is said to be in prose ("Root on the ESXi hosts is …", "the SSO admin (administrator@vsphere.local) is …", "break-glass root on the controllers: `…`"): the value made, every class bare; paths, variables, versions and addresses are not reported',
    keywords: ['root', 'admin', 'superuser'],
    pattern: ACCOUNT_IS,
    find: findAccountIsPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Root on the ESXi hosts is Tr@ckGang#2021 (same on all six).',
        'The vCenter SSO admin (administrator@vsphere.local) is YardVC-Sso!2023.',
        '2. Break-glass root on the Slurm controllers: `Peregrine^Dive^2019` (rotation ticket RC-1182).',
        'The root password on the old NAS is Kelp-Quarry!804.',
      ],
      noMatch: [
        'Root on the ESXi hosts is disabled.',
        'The SSO admin is administrator@vsphere.local.',
        'document_root: /var/www/Site-2024!',
        'The admin for the build farm is `Jenkins2`.',
        'Root on the hosts is ${ROOT_PASSWORD} from the vault.',
        'The admin console is at v2.4-Beta!x now.',
      ],
    },
  },
  {
    id: 'account-set-to-prose',
    category: 'PASS',
    description: 'A password an administrative account is set to in prose with no word for it ("I reset the local admin to … for now", "changed the root account to `…`"): the value made, every class bare',
    keywords: ['admin to', 'administrator to', 'root to', 'superuser to', 'account to', 'user to', 'login to'],
    pattern: ACCOUNT_SET_TO,
    find: findAccountSetToPasswords,
    anchored: true,
    anchors: ['admin', 'root', 'superuser'],
    confidence: 'medium',
    examples: {
      match: [
        '[12/06/2025 09:30] Janne: the rental till lost its VPN, I reset the local admin to Verleih2025! for now',
        "Changed the kiosk's root account to `Harbor!Kettle58` after the audit.",
      ],
      noMatch: [
        'I reset the local admin to factory defaults.',
        'set the admin user to read-only',
        'changed the root account to /home/Ops-2024!',
        'Reset the admin to ${NEW_ADMIN_PASSWORD}',
        'set the admin login to V2.1-Beta for the test',
        'Set the admin to Admin2024',
        'Reset the admin to the vault one, Harbor-2024!',
      ],
    },
  },
  {
    id: 'password-comment-tail',
    category: 'PASS',
    description: 'A password at the end of a comment that names it a few words before a colon ("# old password auth still on for the NAS: …"): one bare value ends the line, with small and capital letters, a digit and a symbol',
    keywords: ['password', 'passphrase'],
    pattern: COMMENT_TAIL_PASSWORD,
    find: findCommentTailPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '# legacy password login still works on the backup box: Wq7%tRvz3Lk#Pn',
        '  // the passphrase we gave the printer vendor: Gr4ve!Lmq9Tz',
        '-- old password for the reporting role (rotate!): Kx2#mPq8Rw',
        '# password prompt: Qa-Restore-2025',
      ],
      noMatch: [
        '# password auth disabled: use keys',
        '# password: see vault',
        '# password auth for the NAS: disabled',
        '# password for the NAS: Wq7%tRvz3Lk#Pn is revoked',
        'echo "password hint for the kiosk: Wq7%tRvz3Lk#Pn"',
        '# password policy (min length, classes): Abc123!x',
        '# the password hash of the admin: $2b$12$Kx2mPq8RwLz',
        '# password prompt: Passphrase-Entry-1:',
      ],
    },
  },
  {
    id: 'non-ascii-secret-name',
    category: 'PASS',
    description:
      'A password, key or token assigned to a name written in a non-Latin script or with diacritics (`密码`, `パスワード`, `비밀번호`, `пароль`, `contraseña`, `暗号化キー`, `認証トークン`, `비밀키`, `API密钥`, `ключ_api`), the whole name classified (`公開鍵`, a public key, and `contraseñaCampo`, a field, are not)',
    // Every name holds a character beyond ASCII: text without one cannot match.
    keywords: [NON_ASCII_TEXT],
    pattern: NON_ASCII_ASSIGNMENT,
    find: findNonAsciiNames,
    confidence: 'medium',
    examples: {
      match: [
        '"密码": "Shanghai-密码-2024!"',
        'пароль = "Zk3mP9qR2v!"',
        'contraseña: Kq8zW3mLp0',
        '暗号化キー: 196e365e9ccf70b01fe8abbbdb5d4fba65638e5a6d8bbcb301f855cb7b840eb0',
        '"비밀키": "Qm7vLp2Zx9Tn4Wk8Rb3Hc"',
        'ключ_api = "kEacugGOtXJxEHoPnc4hU3tMQFQp956A5dcdkuWr"',
      ],
      noMatch: [
        '"密码": "请输入密码"',
        'пароль: ${DB_PASSWORD}',
        "contraseñaCampo: 'campo_contraseña',",
        '公開鍵: pk_live_W4QXX5BVCUIuqWQ1DW9KTR66x',
        'アクセスキーID: AKIAXXRAD667WQMM33YIZ',
      ],
    },
  },
  {
    id: 'credential-pair-prose',
    category: 'PASS',
    description: 'A login and password written in prose or notes (`ID/PW: admin/…`, `login: x password: y`, ``the admin login there is still `admin` / `…` ``; digits too after a login: ``login `OPER` / `4471` ``)',
    keywords: ['/pw', '/pass', '/ pw', '/ pass', 'login', 'credential', 'creds', 'account `', 'account: `', 'account **', 'account: **', 'user `', 'user: `', 'user **', 'user: **', 'username `', 'username: `', 'username **', 'username: **', 'account is `', 'account was `', 'account is **', 'user is `', 'user is **'],
    pattern: /(?<![\w.-])(?:id|user(?:name)?|login|account)\s{0,3}\/\s{0,3}(?:pw|pwd|pass(?:word)?)(?![\w/])\s{0,3}[:=]?\s{0,3}(?<user>[^\s\/]{1,64})\s{0,3}\/\s{0,3}(?<v>[^\s]{1,100})/i,
    find: (text, options) => {
      const spans: Span[] = [];
      const re = /(?<![\w.-])(?:id|user(?:name)?|login|account)\s{0,3}\/\s{0,3}(?:pw|pwd|pass(?:word)?)(?![\w/])\s{0,3}[:=]?\s{0,3}(?<user>[^\s\/]{1,64})\s{0,3}\/\s{0,3}(?<v>[^\s]{1,100})/gi;
      for (const m of text.matchAll(re)) {
        const value = m.groups!['v']!.replace(/[,;.)]+$/, '');
        if (!judged('PASS', options.file)(value)) continue;
        const start = m.index + m[0].length - m.groups!['v']!.length;
        spans.push({ start, end: start + value.length });
      }
      // Notes in markdown quote both halves: login `admin` / `…`.
      for (const m of text.matchAll(QUOTED_LOGIN_PAIR)) {
        const value = m.groups!['v'] ?? m.groups!['b'] ?? m.groups!['w']!;
        // `account` and `user` are words of prose as often as labels (`the account \`billing\` / \`invoices\` pages`, the
        // user \`guest\` / \`member\` roles): after them the password must look made, letters with a digit and a symbol or both cases.
        if (/^(?:account|user)/i.test(m[0]) && !hasMadePasswordMix(value)) continue;
        if (!judged('PASS', options.file)(value) && !(/^(?:login|cred)/i.test(m[0]) && isLoginPin(value))) continue;
        const closing = m.groups!['v'] !== undefined ? 1 : 2;
        // DokuWiki's monospace (`''…''`) sets the pair off as code marks do, in a wiki's page only.
        if (m.groups!['w'] !== undefined && !WIKI_TEXT_FILE.test(options.file ?? '')) continue;
        const start = m.index + m[0].length - closing - value.length;
        spans.push({ start, end: start + value.length });
      }
      return spans;
    },
    confidence: 'medium',
    examples: {
      match: ['ID/PW: master/iPp0@GRq', 'id / pw : admin / Wq9zP2mL', 'Grafana (login `admin` / `Gr4fana-0ncall!`)', 'Staging login: **admin** / **Harbor.cedar70@**', '- Wiki: shared editor account `editor` / `Heron.Basalt2207` (rotated monthly)', 'The search cluster still has its bootstrap user: `elastic` / `Qv7rTnW2xLpK9mZc` until the upgrade.', 'Shared login for the lobby kiosks: `kiosk` / `TmWqRv%LpZxe`.', 'The shared sandbox account is `harbor-qa` / `k.Tw7mQzR2vXp4Ln`.', 'the admin login there is still\n`admin` / `coordinator2019` from the original install', 'Operator login `OPER` / `4471`, engineer login `ENG`'],
      noMatch: ['ID/PW: admin/<password>', 'the user `guest` / `member` roles', 'user: `elastic` / `<from the vault>`', 'username `deploy` / `changeme`', 'id/pw: user/password', 'login `admin` / `password`', 'the account `billing` / `invoices` pages', 'the default account is `billing` / `invoices`', 'service account `svc-wiki` / `<ask in #ops>`', 'see login/`docs`', 'login: **admin** / **password**', 'Login for the staff wiki: `jdoe` / `<your SSO password>`', 'a login for every team member; user `ops` / `admin` roles', 'const val RESET_PATH = "/account/password/reset"', 'navigate("account/password/change")', 'Operator login `OPER` / `1234`', 'Panel login `OPER` / `0000`', 'Operator login `OPER` / `44`', 'the user guide there is `docs` / `guide`', 'the account pages there are `billing` / `invoices2`'],
    },
  },
  {
    // Mails and tickets give an account as `user <name> / <password>`, the slash set off by blanks. Bare words
    // on both sides, so the password must look made: letters with a digit, and a symbol or both cases.
    // The label may be a sentence's subject (`the admin login is ops / …`) or name the scheme (`basic auth ops / …`).
    id: 'user-slash-password-prose',
    category: 'PASS',
    description: 'A password after a user name and a spaced slash in prose (`user deploy / …`, `login: ops / …`, `login is ops / …`, `basic auth ops / …`, `login for the shared account: ops / …`, `Credentials: ops / …`, `share creds are ops / …`, `the account ops / ….` ending its clause); capitalised words with no digit where a sentence states the pair (`the login for … is relief2 / Sluice-Gate-Dawn.`)',
    keywords: ['user ', 'user:', 'username', 'login', 'account', 'basic auth', 'basic-auth', 'credentials', 'creds'],
    startsAtKeyword: true,
    // Every match holds its slash after a blank, the blank at most 218 characters on: the longest head is `basic auth`
    // (10) and its clause before `is` (2 + 60 × `'s` + 4 + 2 + 2 + 12 = 142), then the name (64) and blanks (3) up to the
    // slash, whose blank stands one before it (10 + 142 + 64 + 3 - 1 = 218). Most of its keywords' 65K offsets on the
    // bench tree have no ` /` that near (10K do).
    anchors: [' /', '\t/'],
    anchorReach: 218,
    // What the login is for may stand before its colon (`Console login for the shared integration account: …`), or before
    // the `is` of a sentence, which may go on on the next line (`The kiosk login for\n  branch EAST is kiosk / …`).
    // A `Credentials:` label (a docstring's or a note's) gives the pair right after its colon, a chat's `creds are` after its verb.
    pattern: /(?<![\w.-])(?:cred(?:ential)?s(?::|[ \t]{1,2}(?:are|were)(?=[ \t]))[ \t]{0,3}|(?:user(?:name)?|login|account|basic[ -]auth)(?:[ \t]{1,2}for[ \t]{1,2}[^:=\r\n`"'(){}<>\/]{1,60}:[ \t]{0,3}|[ \t]{1,2}for(?:[ \t]{1,2}|[ \t]{0,2}\r?\n[ \t]{0,12}(?:#|\/\/|\*)?[ \t]{0,2})[^:=\r\n`"'(){}<>\/]{1,60}?[ \t](?:is|was)[ \t]{1,3}|[ \t]{1,2}(?:[^:=\r\n`"'(){}<>\/]|'s\b){1,60}?[ \t](?:is|was)(?:[ \t]{1,3}|[ \t]{0,2}\r?\n[ \t]{0,12})|[ \t]{0,3}(?:[:=]|(?:is|was)(?=[ \t]))?[ \t]{0,3}))[\w.@+-]{1,64}[ \t]{1,3}\/[ \t]{1,3}(?<q>`?)(?<v>[^\s\/`"]{5,99}[^\s\/),.;:`"])`?(?=[),.;:]{0,3}(?:\s|$)|"[ \t]{0,2}(?:[,}\]]|\r?\n|$))/i,
    secretGroup: 'v',
    validate: isSlashPairProsePassword,
    confidence: 'medium',
    examples: {
      match: ['Jenkins is at http://ci.example:8080 (user builder / Tq7!mRw2zKx9)', 'login: ops-admin / Lk4vN8qW2p', 'the shared console login is helpdesk / Granite-Heron52 until SSO', 'metrics page (basic auth scrape / Vq3.Tr!m8Lw) for the dashboards', '- Portal login for the shared vendor account: acme_vendor / 7q@LmWr2Zx4', '    Credentials: edi_partner / Vb8*kTr2Wq5z  (host as2.example.corp)', 'The reader login for\n    site NORTH is gatekeeper / Pw7#qLz2Tm (rotated monthly)', "the Grafana read-only login we gave the regulator's auditor is\nauditor / Regulator-View-2024! - rotate it Monday", 'Twilio console login for the shared ops account: ops@clinic.example / Parvo-Shot-Tuesday!', 'viewing via the app with the account depot-cam / Signal-Lamp-Red-4.', 'The HMI login for the relief account is relief2 / Sluice-Gate-Dawn.', '{"text": "share creds are depot / Crate-Lid-Amber-7"}', '    "text": "ta. the kennel portal login is mews-office / Gyr!Falcon2031"\n'],
      noMatch: ['see the account billing / Invoices2024 pages', 'The login menu for the portal is Home / Account-Settings-Page and more', 'see the user guide / 2024 edition', 'the login for the portal is email / password', 'login for each site is shown on the Admin / Settings page', 'Credentials: username / password', 'Credentials: see the vault / ops wiki', 'creds: edi_partner / <from vault>', 'user home / Documents', 'user admin / <password>', 'the login page / landing page', 'the login is email / password', 'basic auth user / password', 'basic-auth header / bearer token', 'login for the portal: see the wiki / runbook', 'the login we use for most tools is\nemail / password', 'the login flow we chose is OAuth / OIDC-Discovery', 'login: ops / Release-Notes-Draft', "The login button's label is Sign / Register-Account", 'the creds are email / password'],
    },
  },
  {
    // Handover mails give a login as a pair in a sentence: `user "acme", password …`, `username ops and password …`.
    // The password is bare or quoted, and made as in `user-slash-password-prose`.
    id: 'user-comma-password-prose',
    category: 'PASS',
    description: 'A password after a user name in prose, the two joined by a comma (maybe wrapping the line, before or after the password\'s word), `and` or a blank (`user "acme", password …`, ``local admin is `mtradmin`, password …``, `account northgate_eng, password …`, `the svc account is CORP\\svc pw …`, `use CORP\\svc, pw …`, `ssh in, roofctl@10.8.4.5 pw …`, `user tess-imports, pw Maersk-Pallet-Stack`, `username ops and password …`, ``the read-only account for the export is `ro`, password …``, ``the login for the GUI on `wrk01` is `LBX\\proc`, password …``)',
    keywords: ['user ', 'user:', 'username', 'login ', 'account ', 'account:', 'admin is', 'admin was', 'admin:', 'use ', 'using ', 'as ', 'with ', ' pw', ', pw', ' pass', ', pass', ',\n', ',\r\n'],
    startsAtKeyword: true,
    // Every match holds the password's word (`pw`, or `pass` in `password`, `passwd`), at most 208 characters on: the
    // longest account part is `username for …  is   ` (8 + 2 + 3 + 2 + 60 + 5 + 3 = 83) and its value (31 + 2 + 64 = 97),
    // then the joining `and` with a line break (3 + 3 + 16 = 22) and `the` (6): 83 + 97 + 22 + 6 = 208 (an address
    // before is read back, no part of the match). Of its keywords' 43K offsets on the bench tree (`as `, `with `, `use `), a
    // handful have one that near.
    anchors: ['pw', 'pass'],
    anchorReach: 208,
    // An account or a login may be named as a sentence's subject, with what it is for, a host in code marks among its words
    // (`the account for the export is \`ro\`, password …`, ``the login for the GUI on `wrk01` is `LBX\proc`, password …``).
    // A Windows domain account names a login by its form alone: after `use`, `as` or `with` it needs no word for it (a
    // chat's `use CORP\svc_etl, pw …`; a JSON export doubles its backslash).
    // An account written with its host (`roofctl@10.8.4.5 pw …`, `ops@example.org, password …`) is a login by its form
    // alone: tried from the password's word after it, the account read back, maybe closing an aside in brackets (a mail's
    // `the shared one (ops@example.org), password …`). A chat's `pw:` may take a colon; a JSON string may close right after
    // the value. A paragraph may wrap between the password's word and its value (`user \`ops\`, password` / `…`).
    pattern: /(?:(?:(?<![\w.-])(?:user(?:name)?|login|account)[ \t]{1,3}|(?<![\w.-])(?:account|login|admin|user(?:name)?)(?:[ \t]{1,2}for[ \t]{1,2}[^\r\n:="'(){}<>\/,;]{1,60}?)?(?:[ \t]{1,2}(?:is|was)|[ \t]{0,2}:)[ \t]{1,3}|(?<![\w.-])(?:use|using|as|with)[ \t]{1,3}(?=[A-Za-z][\w.-]{0,30}\\))(?:"[^"\s]{1,64}"|'[^'\s]{1,64}'|`[^`\s]{1,64}`|(?:[A-Za-z][\w.-]{0,30}\\{1,2})?[\w.@+-]{1,64})|(?<=(?<![\w.@+-])[A-Za-z_][\w.+-]{0,31}@[\w.-]{1,100}\)?))(?:[ \t]{0,2}[,;](?:[ \t]{1,3}|[ \t]{0,2}\r?\n[ \t]{0,12})|[ \t]{1,3}and(?:[ \t]{1,3}|[ \t]{0,2}\r?\n[ \t]{0,12})|[ \t]{1,3}(?=p))(?:the[ \t]{1,3})?(?:password|passwd|pass|pw(?:[ \t]{0,2}:)?)(?:[ \t]{1,3}|[ \t]{0,2}\r?\n[ \t]{0,12})["`]?(?<v>[^\s"'`\/]{3,99}[^\s\/),.;:"'`}\]])(?=["`]?[),.;:]{0,3}(?:\s|$)|"[ \t]{0,2}[,}\]])/i,
    secretGroup: 'v',
    validate: isPairedProsePassword,
    confidence: 'medium',
    examples: {
      match: ['- Mainframe test LPAR (MVST): user CLMTST, password TST4CLM9; FTP host is in the wiki.', 'The staging site is behind a browser login:\nuser "bakery", password heron.quartz.318', 'Jenkins: username builder and password `Tq7!mRw2zKx9`.', 'The reporting account for the BI export is `bi_read`, password Lk7vW2-qRt9Zm4, host `10.4.0.8`.', 'The shared login for the GUI on `wrk01.corp` is `LBX\\proc-gui`, password Deduplicate-Custodian-42 (rotated quarterly).', '* Catalog DB: read replica, user `analyst`,\n  password Polder_Heron_53 (read-only).', '- Boardroom console: local admin is `mtradmin`, password Boardroom-Q2-48.', '  VPN: vpn-vendor.example.com, account northgate_eng, password Saturday-Upgrade-1123', 'YRK-LOCKS01: the svc account is LVH\\svc-vostio pw Vostio#Encoder2022', 'use MILL\\eng_remote, pw Kiln!Damper-4 for now', 'ssh in, kiln@10.20.3.4 pw Tq8!vRmz2Lkw', '{"text": "user tile-imports, pw Anchor-Crate-Ledger"}'],
      noMatch: ['user "bakery", password reset required', 'user admin, password <password>', 'username ops and password ${OPS_PASSWORD}', 'the user list, password policy and MFA', 'The service account is `svc_etl`, password in the vault.', 'Each account is unique, password rotation is yearly.', 'user admin, password SHA256 hashed', 'For the export user, password AES256 encryption is on.', 'The login for the GUI on `wrk01.corp` is `LBX\\proc-gui`, password in the vault.', 'The login for `wrk01` is SSO, password policy applies.', 'user admin password reset required', 'the account settings, password policy and MFA', 'The admin is `root`, password in the vault.', 'the user list,\n  password policy and MFA', 'The admin: ops, password hashed with SHA256 on save.', 'use C:\\Temp, password reset is off', 'use CORP\\ops_ro, password in the vault', 'write to help@example.org, password resets are weekly', 'user ops, pw See-The-Wiki'],
    },
  },
  {
    id: 'windows-account-spaced-password',
    category: 'PASS',
    description:
      'A password alone after a Windows account written by its form, a local one (`.\\dome-admin`) or a domain\'s (`CORP\\svc-backup`), the two apart by blanks at the start of a line or a chat\'s message (a chat\'s "try the local admin on render-2" / `.\\dome-admin   …`); the value of every class',
    // The backslash with the account's first letter after it, or doubled as a JSON export writes it: a lone `\\` would
    // stop the prefilter on nearly every line of code.
    keywords: BACKSLASH_BEFORE_ACCOUNT,
    pattern: WINDOWS_ACCOUNT_THEN_VALUE,
    find: findWindowsAccountPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['[14/03/2026 09:12] Sam Reid: .\\kiosk-admin   Harbour#Lamp7', '- CORP\\svc-backup  Tq8v!Rz2Wm', '{"user": "U1", "text": ".\\\\till-admin Quay-Gull-42x \\u2014 change it after"}'],
      noMatch: ['CORP\\jdoe        Domain Users', 'BUILTIN\\Administrators  Alias  S-1-5-32-544', '.\\build.ps1  -Configuration Release', 'C:\\Tools  Setup-V2!.exe', 'see .\\kiosk-admin  Harbour#Lamp7', 'CORP\\svc-backup  ${SVC_PASSWORD}'],
    },
  },
  {
    // Handover notes, tickets and chats give a login as `<account> / <password>` with no word for either: the
    // account is then one every admin knows (`admin`, `root`, `sa`, …) or an e-mail address, or any name in code
    // marks where the clause before it is about a login (`log in with \`ap_drop\` / …`). Tried at each spaced
    // slash; the password bare or in code marks (a quoted string after a slash is a path: pathlib's `root / "x"`),
    // not the start of a longer `a / b / c` path, and made: letters with a digit, and a symbol or both cases.
    id: 'account-slash-password',
    category: 'PASS',
    description: 'A password after an administrative account, an e-mail address, or an account in code marks named a user or in a clause about a login, and a spaced slash (`root / …`, `admin@corp.example / …`, ``log in with `ops` / …``), or a pair in parentheses after a word for a login (`account (analyst / …)`); both halves in code marks after an admin account, small letters and a digit will do (`` (`admin` / `…`) ``)',
    keywords: [' / ', ' /\n', ' /\r\n'],
    pattern: ACCOUNT_SLASH_PASSWORD,
    find: findAccountSlashPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'iLO of the blades: root / Kv8.mzQ=Tr4p (same on all)',
        'Console:  admin / Rm4-Harbor-Gate9',
        '{"user": "U04QW7PLK", "text": "grafana is at http://10.8.4.12:3000, login admin / sp3ctrogram for now"}',
        'Log in as root / 7r4nsitlane on the console.',
        'vSphere: administrator@vsphere.local / Quarry17wind?',
        'PayPal sandbox: buyer-7@personal.example.com / `Lantern!Moss#42`',
        'db03,SQL Server,sa / Otterglass44$,prod',
        'If the upload fails, log in with `edi_feed` / `Rv7nKq-2wTz9x` on the partner host.',
        'Local admin on the kiosks is `kiosk-adm` / Quarry.lantern4471!.',
        'The test portal is at `http://portal.test.local`; log in with\n`registrar` / `Vx8q_LmT2.wRz` (reset each Monday).',
        '3. The break-glass broker admin is `mq-admin` /\n   `Tq8v-RzW2kLm7Xp` (rotate after use).',
        'The old shared account (reporter / vN7kWq2LmZ8tRx) was retired in March.',
        'Push the export with the integration user `qa_export` /\n   `Rm4!Harbor%58`.',
        'The maintenance login we\'ll need is "service" / RDG-maint-3188 - keep it safe.',
        "[07:15] Iain: what's the watchdog login again\n[07:15] Euan: watchdog / Puffin.Ridge.Tide.41",
        'The SQL login we used for the\nreplication job was `histrepl` / Pump$tation19 - rotate after cutover.',
        'The iDRACs use `root` / calvin-gpo-7 since the 2022 refresh.',
        '| Backup | Veeam B&R on veeam01.gpo.corp (service acct GPO\\svc_veeam / Veeam#Ballast2020) |',
        'Twilio: ops@clinic.example / Parvo-Shot-Tuesday! (2FA on the ops phone)',
        'if SSO breaks, the local fallback is lisadmin / Gamma_Count9 (rotating it after)',
        '{"type": "message", "text": "cvta_agol_admin / Detour-Layer!Nov3 - change it when she\'s back pls"}',
        'Router page: http://10.0.0.1 — admin / Netgear-kestrel-Moor.',
        'The label printer page is http://10.2.0.9 (`admin` / `zebrazt4`).',
      ],
      noMatch: [
        'Admin / Settings / Users2 opens the page',
        'config = root / "data_v2"',
        'login admin / <password>',
        'login admin / password1',
        'admin / sp3ctrogram',
        'the login admin / settings2 page',
        'root / Documents',
        'mail ops@corp.example / pager',
        'total / count2',
        'admin / password1',
        'Build output goes to `dist` / `build-2024_v2` by default.',
        'The admin pages read `config` / `Settings2024.v1`.',
        'Build artefacts are published with\n`dist` / `build-2024_v2` as their prefixes.',
        'The break-glass broker admin is `mq-admin` /\n   Tq8v-RzW2kLm7Xp rotates after use.',
        'The broker admin is `mq-admin` /\n   `<from the vault>` (rotate after use).',
        'the account (billing / Invoices2024 pages) moved',
        'the watchdog process restarts the reader; watchdog / Reader2024.log holds its output',
        'x = "build" / Rate2024x',
        'In the dialog press "Apply" / Cancel2024x to close it.',
        'Artefacts we published for the\nrelease were `dist` / `build-2024_v2` as prefixes.',
        'The SQL login moved to SSO.\nThe build was `dist` / `Build-2024_v2`.',
        'mail ops@corp.example / Read-Only-Mode',
        'site_admin / settings2 opens the page',
        'cvta_agol_admin / Detour-Layer',
        'wiki_admin / Settings / Users2024! is the menu',
        '// decoded for reference: ops-admin / 8AJvsULiaJ*JI$p',
        'Then open admin / Read-Only-Mode and save.',
        'The page lives under `admin` / `reports` in the app.',
        'Open `admin` / zebrazt4 from the menu.',
      ],
    },
  },
  {
    // Notes give a page behind basic auth as its URL and then the login in brackets: `http://host/status (admin:…)`. Tried
    // at each URL; the bracket must follow the URL after a space and hold only `user:password`, the password made.
    id: 'url-bracketed-login',
    category: 'PASS',
    description: 'A password in a `user:password` pair in brackets right after a URL (`http://gw.internal:8001/status (admin:…)`)',
    keywords: ['://'],
    startsAtKeyword: true,
    pattern: /:\/\/[^\s()<>"'`]{1,200}[ \t]{1,3}\((?!(?:default|ref|see|note|via|port|type|id|version|tag|branch|commit|sha|mode|format|e\.g|i\.e)\b)[A-Za-z][\w.@+-]{0,63}:(?<v>[^\s():\/]{6,64})\)/i,
    secretGroup: 'v',
    validate: isMadeProsePassword,
    confidence: 'medium',
    examples: {
      match: ['Metrics page: https://metrics.corp.example:9443/graph (ops:Tq7!mRw2zKx9).', 'Old admin UI at http://10.2.0.4/admin (root:Lk4vN8qW2p)'],
      noMatch: ['Docs: https://docs.example.org/api (see:Section4.2)', 'The proxy is http://proxy.local:3128 (port:3128)', 'http://gw.internal/status (admin:password)', 'http://gw.internal/status (admin:<from vault>)', 'http://gw.internal/status (admin:changeme) ok', 'http://gw.internal/status(admin:Tq7!mRw2zKx9)x'],
    },
  },
  {
    // Chats and notes give a device's login after its web address as three words: `http://192.168.50.10 admin …`, `NVR
    // 10.4.0.9 root …`. The address says where to log in and the administrative account's name says what the next word is;
    // the password must be made and end its clause, so `http://10.0.0.1 admin page` and `… admin UI v2` stay prose.
    id: 'address-admin-password',
    category: 'PASS',
    description: 'A password right after a web address (a URL or an IPv4 address) and an administrative account\'s name, as a chat gives a device\'s login in passing (`the store NVR: http://192.168.50.10 admin …`, `switch 10.4.0.2 root …`): made, ending its clause',
    keywords: ['admin ', 'administrator ', 'root ', 'ubnt ', 'supervisor ', 'installer '],
    pattern: /(?:https?:\/\/[^\s()<>"'`]{1,200}|(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?::\d{1,5})?(?![\w.]))[ \t]{1,3}(?:admin|administrator|root|ubnt|supervisor|installer)[ \t]{1,3}(?<v>[^\s"'`()<>]{5,63}[^\s"'`()<>.,;:])(?=[.,;:]?(?:\s|$))/i,
    secretGroup: 'v',
    validate: isMadeProsePassword,
    confidence: 'medium',
    examples: {
      match: ['priya 09:30  the till NVR for Leeds: http://192.168.40.10 admin Nvr2031!', '- core switch 10.4.0.2 root Tq7!mRw2zKx9, console on port 9', 'Camera UI https://cam-3.local:8443/ admin Lantern-Kite-58.'],
      noMatch: ['the NVR is at http://192.168.40.10 admin page only', 'open http://10.0.0.1 admin UI-v2 for the menu', 'http://192.168.40.10 admin ${NVR_PASSWORD}', 'http://192.168.40.10 admin password', 'see 10.4.0.2 root cause analysis', 'http://192.168.40.10 admin admin'],
    },
  },
  {
    // Runbooks, wikis and chats name a device's, a panel's, a till's or a call's PIN in words (`Admin PIN 4817.`, `the supervisor
    // PIN for the tills is 50317`, `the service PIN: **4471**`, `the conference bridge PIN for the agents is 830471#`), as config
    // files name it `admin_pin`: the word for whose PIN it is makes the digits the secret, where a bare `pin 13` is a board's pin
    // and `PIN 560034` a postal code. Sticky at the qualifier; the digits stand alone.
    id: 'admin-pin-prose',
    category: 'PASS',
    description:
      'A PIN named in prose for whose or what it is (an admin\'s, a supervisor\'s, a service, an override or a kiosk\'s exit PIN; a laptop\'s, a SIM\'s, a till\'s, an app\'s; an enrolment PIN; a conference bridge\'s or voicemail\'s; a door\'s or a gate\'s; a login\'s after its user name), a device\'s unlock code, or a PIN a verb says is keyed in (`using PIN`), given (after a colon, `is`, `stays` or `remains`, or none) as four to eight digits, maybe in code marks or bold, maybe on the next line, maybe with the keypad\'s `#` (`Admin PIN 4817.`, `supervisor PIN for the tills: 50317`, `Set the kiosk exit PIN to …`); not one digit repeated nor a counted run, nor on a line that calls it a default or an example',
    keywords: [...PROSE_PIN_OWNERS.flatMap((owner) => [`${owner} pin`, `${owner}s pin`]), 'unlock code', ...PIN_HELD_BY_KEYWORDS, ...PIN_USED_WITH_KEYWORDS, ...PIN_OF_LOGIN_KEYWORDS],
    startsAtKeyword: true,
    pattern: ADMIN_PIN_PROSE,
    secretGroup: 'v',
    validate: isProsePinStated,
    confidence: 'medium',
    examples: {
      match: [
        'Remote control: Burk ARC Plus at the studio. Admin PIN 4817.', 'The supervisor PIN for the tills is 50317 until the audit.', 'The manager override PIN for the tills is 731904.', 'Manager PIN: 482913', 'Alarm panel master PIN: `730291`',
        '3. The chiller panel asks for the service PIN: **5190**.', 'Dial in, then the conference bridge PIN for the auditors is 604317#.', 'the scoring laptop pin is now 270961',
        "Change the kiosk exit PIN to `630914` on each tablet.", 'Pair the scale using PIN\n  7302 from its label.', 'The van tablets unlock code 839104, auto-lock on.', 'Kiosk login: user `lobby`, PIN 40618',
        'The fuel berth card PIN stays 6021.', 'Tablets enrol using the enrolment PIN 39174205.',
      ],
      noMatch: ['Admin PIN 1234.', 'supervisor PIN 0000 (factory default)', 'Example: the voicemail PIN 5190 is entered after the tone.', 'Bengaluru office, PIN 560034', 'the service pin 12 on the header', 'Supervisor override PIN is in the POS binder (not here).', 'The master PIN length is 6 digits', 'master pin 13 drives the LED', 'Admin PIN 4817-2 is the form number', 'admin pin 2024.1 release notes', 'Admin PIN 48170000912 (the serial)', 'Compare the admin PIN to 2048 before the upgrade', 'Solder the LED with pin 13', 'If it asks for a PIN, use the one on the card'],
    },
  },
  {
    // Whoever holds it unlocks the disk without the user's password. Tried only within a few lines after the words
    // that name it (`Recovery key:`, manage-bde's `Numerical Password:`, a `BitLocker` heading), where the shape is
    // unambiguous; eight groups of six digits are what Windows prints, whatever the groups' checksums.
    id: 'bitlocker-recovery-key',
    category: 'PASS',
    description: 'A BitLocker recovery password (eight groups of six digits) after the words that name it (`recovery key`, `Numerical Password`, `BitLocker`)',
    keywords: ['recovery', 'bitlocker', 'numerical password'],
    pattern: /(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])/,
    find: findBitLockerKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['Your recovery key (keep it safe): 418220-093148-552013-660341-207917-381562-149006-704521', 'BitLocker Drive Encryption\n  Numerical Password:\n    ID: {5B1C0E2A}\n    Password:\n      031581-270094-668107-145024-593802-402314-287430-110066'],
      noMatch: ['recovery codes: 418220-093148', 'recovery key: <48 digits in eight groups>', '418220-093148-552013-660341-207917-381562-149006-704521 (no context)'],
    },
  },
];

const SLASH_PASSWORD = /(?<open>`|\*\*)?(?<v>[^\s\/,;"'`<>()*]{6,99})/y;

/** Whether a bare value ends at `at` on a character it cannot hold: a lone `*` (not bold's `**`), a slash or a bracket. */
function cutShort(text: string, at: number): boolean {
  const c = text.charAt(at);
  if (c === '*') return text.charAt(at + 1) !== '*';
  return c === '/' || c === '<' || c === '>' || c === '(';
}

/**
 * An account in code marks ending `before`, named a user, an account or a login (`the integration user \`qms\``) or after a
 * clause about one. A paragraph may wrap the clause, its line opening with what the line above began (`The SQL login we
 * used for the\nreplication job was \`histrepl\` / …`): then the line above is read too, from its last sentence's end.
 */
function isLoginCodeAccount(before: string): boolean {
  const m = CODE_ACCOUNT.exec(before);
  if (m === null) return false;
  if (m.groups!['who'] !== undefined || LOGIN_CLAUSE.test(m.groups!['clause']!)) return true;
  return m.index > 0 && before.charCodeAt(m.index - 1) === 0x0a && LOGIN_CLAUSE.test(wrappedClauseAbove(before.slice(0, m.index - 1)));
}

/**
 * The end of the line that `above` ends with, from its last sentence's end: the start of a clause a paragraph wrapped. Empty
 * where that line is blank, ends a sentence, or opens a list item or a heading's text only.
 */
function wrappedClauseAbove(above: string): string {
  const line = above.slice(above.lastIndexOf('\n') + 1).replace(/\r$/, '');
  if (line.trim() === '' || /[.;:!?][ \t]*$/.test(line)) return '';
  return line.slice(Math.max(line.lastIndexOf('. '), line.lastIndexOf('; '), line.lastIndexOf('? '), line.lastIndexOf('! ')) + 1);
}

/**
 * A bare account before the slash that the text just named as a login (a chat's `what's the watchdog login again` answered
 * by `watchdog / …`, a note's `the backup user` and then `backup / …`): its name, followed by a word for a login, within
 * the reach before it. Read with `lastIndexOf` over a bounded stretch, so each slash costs no more than its reach.
 */
function isAccountNamedAsLogin(text: string, offset: number): boolean {
  // The account (64 characters at most) is read from the few characters before the slash, so a slash with none, as in
  // code's divisions, costs no read of the whole reach.
  const m = BARE_ACCOUNT.exec(text.slice(Math.max(0, offset - BARE_ACCOUNT_REACH), offset));
  if (m === null) return false;
  const name = m[1]!;
  const before = text.slice(Math.max(0, offset - ASKED_REACH), offset);
  const earlier = before.slice(0, before.length - name.length);
  for (let i = earlier.lastIndexOf(name); i >= 0; i = i === 0 ? -1 : earlier.lastIndexOf(name, i - 1)) {
    if (i > 0 && /[\w.@+-]/.test(earlier[i - 1]!)) continue;
    if (LOGIN_WORD_AFTER.test(earlier.slice(i + name.length, i + name.length + 24))) return true;
  }
  return false;
}

/** An administrative account set off as a note's pair: at the line's start, or after a colon, a dash or a bracket (`Router: http://… — admin / …`). */
const SET_OFF_ADMIN_ACCOUNT = /(?:^|\n|[:(\u2013\u2014]|[ \t]-)[ \t]{0,3}(?:admin|administrator|root)$/i;
/** Three or more words joined by hyphens in both cases, no digit (`TP-link-Pirouette`): a passphrase by its make. */
const HYPHENED_MIXED_CASE_WORDS = /^(?=[^a-z]{0,60}[a-z])(?=[^A-Z]{0,60}[A-Z])[A-Za-z]{2,20}(?:-[A-Za-z]{2,20}){2,4}$/;

/**
 * Whether a value with no digit after an administrative account's spaced slash is its password: the pair set off as a note's
 * (`— admin / …`), the value words joined by hyphens in both cases, ending its clause; a menu's path (`Admin / Settings`)
 * goes on or is a word or two.
 */
function isSetOffAdminPassphrase(text: string, before: string, value: string, valueEnd: number): boolean {
  return HYPHENED_MIXED_CASE_WORDS.test(value) && SET_OFF_ADMIN_ACCOUNT.test(before) && CLAUSE_ENDS_AFTER.test(text.slice(valueEnd, valueEnd + 4));
}

/** Where the Windows account whose backslash is at `slash` starts: its domain's first letter or the `.` of a local one; or -1. */
function windowsAccountStart(text: string, slash: number): number {
  if (slash > 0 && text.charCodeAt(slash - 1) === 0x2e /* . */) return slash - 1;
  let start = slash;
  while (start > 0 && slash - start < 16 && (isWordCode(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x2d /* - */)) start--;
  return start < slash && isLetterCode(text.charCodeAt(start)) ? start : -1;
}

/**
 * A password given right after a Windows account, the two apart by blanks, the account opening its line or a chat's
 * message (`[19:48] Ravi: .\dome-admin   …`). The account's form names a login as a word would; the value alone after
 * it must have every class, as no word, path, switch or column of a listing has (`CORP\jdoe  Domain Users`,
 * `BUILTIN\Administrators  Alias`, `.\build.ps1 -Configuration Release` stay out).
 */
function findWindowsAccountPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const slash of offsets) {
    // The second of a doubled backslash was read at the first.
    if (slash > 0 && text.charCodeAt(slash - 1) === 0x5c) continue;
    const start = windowsAccountStart(text, slash);
    if (start === -1 || (start > 0 && /[\w.\\:\/@$%-]/.test(text.charAt(start - 1)))) continue;
    const { start: lineStart } = lineBounds(text, start, 200);
    if (!LIST_LINE_OPENING.test(text.slice(lineStart, start)) && chatMessageStart(text, lineStart) !== start) continue;
    WINDOWS_ACCOUNT_THEN_VALUE.lastIndex = start;
    const m = WINDOWS_ACCOUNT_THEN_VALUE.exec(text);
    if (m === null) continue;
    const value = m.groups!['v']!;
    if (!hasEveryClass(value) || VARIABLE_IN_VALUE.test(value) || !isPlausiblePassword(value, options.file)) continue;
    const valueStart = m.index + m[0].length - value.length;
    spans.push({ start: valueStart, end: valueStart + value.length });
  }
  return spans;
}

function findAccountSlashPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const before = text.slice(Math.max(0, offset - 140), offset);
    // In parentheses after a word for a login (`the old shared account (analyst / …) was retired`), the pair must close them.
    const named = ADMIN_ACCOUNT.test(before) || EMAIL_ACCOUNT.test(before) || CODE_ADMIN_ACCOUNT.test(before) || DOMAIN_ACCOUNT_BEFORE.test(before) || LOGIN_WITH_BARE_ACCOUNT.test(before);
    const parenthesised = !named && PAREN_ACCOUNT.test(before);
    const marked = (before.endsWith('`') || before.endsWith('"')) && isLoginCodeAccount(before);
    if (!named && !parenthesised && !marked && !isAccountNamedAsLogin(text, offset)) continue;
    // A paragraph may wrap right after the slash (``admin is `ops` /`` / `` `…` ``): the password then opens the next
    // line, in code marks, which alone set a wrapped value apart from the next line's words.
    const wrapped = text.charCodeAt(offset + 2) !== 0x20;
    let from = offset + 3;
    if (wrapped) {
      from = offset + (text.charCodeAt(offset + 2) === 0x0d ? 4 : 3);
      for (let indent = 0; indent < 12 && (text.charCodeAt(from) === 0x20 || text.charCodeAt(from) === 0x09); indent++) from++;
    }
    SLASH_PASSWORD.lastIndex = from;
    const m = SLASH_PASSWORD.exec(text);
    if (m === null) continue;
    const open = m.groups!['open'];
    if (wrapped && open === undefined) continue;
    let value = m.groups!['v']!;
    const after = m.index + m[0].length;
    if (open !== undefined) {
      // In code marks the value is all of them, and they must close.
      if (!text.startsWith(open, after)) continue;
    } else {
      // A bare value runs to a blank or a stop: one cut short by a character it cannot hold (`8AJvsULiaJ*JI$p`, the `*` no
      // bold's close) is only its start.
      if (cutShort(text, after)) continue;
      value = value.replace(/[.:]+$/, '');
    }
    // A further spaced slash makes the pair part of a path or a menu.
    if (text.startsWith(' / ', m.index + m[0].length + (open?.length ?? 0))) continue;
    if (parenthesised && text.charCodeAt(m.index + m[0].length + (open?.length ?? 0)) !== 0x29 /* ) */) continue;
    const valueEnd = m.index + (open?.length ?? 0) + value.length + (open?.length ?? 0);
    // An administrative account in code marks with the value in its own (`` `admin` / `…` ``) is a login's pair as a label makes
    // one: letters and a digit will do, as they do after `login admin`, small letters and a digit at their end too (a menu's
    // page is capitalised: `` `Admin` / `Settings2` ``).
    const pairInCodeMarks = open === '`' && CODE_ADMIN_ACCOUNT.test(before) && (hasLettersAndDigit(value) || /^[a-z]{5,60}\d$/.test(value));
    if (!hasMadePasswordMix(value) && !hasCapitalisedPassphraseShape(value) && !(LABELLED_ADMIN_ACCOUNT.test(before) && hasLettersAndDigit(value)) && !pairInCodeMarks && !isSetOffAdminPassphrase(text, before, value, valueEnd)) continue;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = m.index + (open?.length ?? 0);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** A BitLocker recovery password: eight groups of six digits. */
const BITLOCKER_KEY = /(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])/g;
/** How far after the naming words the key may stand (manage-bde prints an id and a label between them). */
const BITLOCKER_REACH = 300;

function findBitLockerKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let searched = 0;
  let lastEnd = 0;
  for (const offset of offsets) {
    const from = Math.max(offset, searched);
    const to = Math.min(text.length, offset + BITLOCKER_REACH);
    if (from >= to) continue;
    BITLOCKER_KEY.lastIndex = 0;
    const window = text.slice(from, to);
    for (const m of window.matchAll(BITLOCKER_KEY)) {
      const start = from + m.index;
      if (start < lastEnd || (m.index + m[0].length === window.length && to < text.length)) continue;
      spans.push({ start, end: start + m[0].length });
      lastEnd = start + m[0].length;
    }
    // A key cut by the window's end is found from the next keyword or not at all; each stretch is read once.
    searched = to - 60;
  }
  return spans;
}
