import { describe, expect, it } from 'vitest';
import { createDetector } from './index.js';

/**
 * Inputs built to stall a backtracking engine or a quadratic finder. The test asserts
 * that each scan completes and that what it reports is sane; how long it takes is the
 * benchmark's business, never asserted here.
 */
const MB = 1 << 20;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const hostile: Record<string, string> = {
  'a megabyte of one character': 'a'.repeat(MB),
  // Parenthesised logins and token setters opened and never closed, and comments that deny a secret over generated keys.
  'parenthesised account pairs that never close, repeated on one line': 'account (svc / Tq8v-RzW2kLm7Xp '.repeat(MB / 32),
  'token setters opened on snake-case names, repeated on one line': 'c.authenticate_with_token("Tq8vRzW2kLm7Xp '.repeat(MB / 42),
  'not-a-secret comments over keys, repeated': '// not not not a secret not\nconst AlertKey = "Tk4Wq9Lm2Rz7Vx3Nb8Hd6Jc" # not\n'.repeat(MB / 80),
  'a megabyte of =': '='.repeat(MB),
  'a megabyte of base64 without newlines': Array.from({ length: MB }, (_, i) => BASE64[(i * 7919) % 64]).join(''),
  'a long line of double quotes': '"'.repeat(MB),
  'a long line of single quotes': "'".repeat(MB),
  'password= repeated': 'password='.repeat(MB / 9),
  'key: repeated': 'key: '.repeat(MB / 5),
  // Every `0x` near a wallet is read once, however many wallets share it.
  'wallet words and hex keys interleaved': ('wallet signerKey = 0x' + 'ab12'.repeat(16) + ' ').repeat(MB / 90),
  // Each wallet looks for a `0x` within its own reach, not to the text's end.
  'wallet words with no hex after them': 'wallet '.repeat(MB / 7),
  // A note's remark after a comma and a requirement after a name: each separator is read once, bounded, at each name.
  'key names with a remark and no colon, repeated on one line': 'key, temporary new '.repeat(MB / 19),
  'key names with a requirement and no value, repeated on one line': 'token must match '.repeat(MB / 17),
  // Getters under a weak key name whose bodies never close: each body is read within its reach, once.
  // A credential's phrase written as one word is tried once, sticky, over one bounded value.
  'one-word credential phrases with long values that never end, repeated on one line': ('AccessToken ' + 'Qm7vLp2Zx9'.repeat(30) + ' ').repeat(MB / 313),
  'one-word credential phrases with no value, repeated on one line': 'ApiKey AccessToken '.repeat(MB / 19),
  // Each auth object's call reads its one bounded argument.
  'auth objects opened on a literal that never closes, repeated on one line': "ApiKeyAuth('sk_Qm7vLp2Zx9 ".repeat(MB / 26),
  // Each expression-bodied getter reads only its own line after its `=`, within a bound.
  'expression-bodied token getters whose literal never closes, repeated on one line': 'fun apiToken(): String = "Tq8vRzW2kLm7Xp '.repeat(MB / 42),
  'expression-bodied token getters with a fallback that never closes, repeated on one line': 'fun apiToken() = System.getenv("T") ?: "Tq8v '.repeat(MB / 44),
  'weak-key getters opened and never closed': 'func mapsKey() string { if os.Getenv("K") != "" { return "'.repeat(MB / 60),
  // Every name opens an object on the same line: the look-back for what opened it must stay bounded.
  'objects opened with a key name, repeated on one line': '{key: '.repeat(MB / 6),
  'BEGIN headers repeated, one per line': '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(MB / 32),
  'BEGIN headers repeated on one line': '-----BEGIN RSA PRIVATE KEY-----'.repeat(MB / 31),
  'scheme separators repeated': 'a://b:c@'.repeat(MB / 8),
  'private-looking address prefixes repeated': '10.0.0.'.repeat(MB / 7),
  'internal suffixes repeated': '.local'.repeat(MB / 6),
  // Each address or name after a slash looks back a bounded reach for an SAP route's `/H/`, and three characters after it.
  'SAP route hops repeated on one line': '/H/10.1.2.3/S/3299/H/erp.acme.corp/S/'.repeat(MB / 37),
  'SAP route openings repeated with no host': '/H//S//W/'.repeat(MB / 9),
  // Each ntfy.sh topic reads at most four short words and one bounded part after the keyword.
  'ntfy.sh topics of short words repeated, never a generated part': 'ntfy.sh/a-b-c-d-e-'.repeat(MB / 18),
  'JWT prefixes repeated': 'eyJ'.repeat(MB / 3),
  // A Sentry DSN's host, path prefix and project are bounded runs after its 32 hex digits; the name before it is looked
  // for within a bounded reach on its line.
  'Sentry DSNs that never reach a project, repeated on one line': 'SENTRY_DSN=https://0f1e2d3c4b5a69788796a5b4c3d2e1f0@o1.ingest.sentry.io/x/'.repeat(MB / 76),
  'Sentry DSN keys before hosts that never end': 'sentry https://0f1e2d3c4b5a69788796a5b4c3d2e1f0@' + 'a.'.repeat(MB / 2),
  // Each webhook base is searched for its uses within a reach, and only the first few bases of a text; each rotation member
  // looks for its object's braces within a reach.
  'Slack webhook bases under names never used, one per line': Array.from({ length: MB / 64 }, (_, i) => `B${i} = "https://hooks.slack.com/services/TABCD1234/BABCD1234/"\n`).join(''),
  'escaped rotation members with no braces, repeated': '\\"previous\\": \\"Tq8vRzW2kLm7Xp4N\\", '.repeat(MB / 32),
  'XML-ish tags repeated': '<password>'.repeat(MB / 10),
  'bearer repeated': 'Bearer '.repeat(MB / 7),
  // Each "seed phrase" reads at most a bounded reach after it, and a run of listed words longer than a phrase is passed over.
  'seed-phrase words before one endless run of listed words': `seed phrase: ${'abandon '.repeat(MB / 8)}`,
  'mnemonic repeated with words between': 'mnemonic ripple oak '.repeat(MB / 20),
  'wallet constructors and private-key names repeated, never given a key': 'new Wallet("0x private_key=0x'.repeat(MB / 30),
  // A password's keeping place before `or` is read within its reach, lazily, at each password; a remark in brackets once at each key.
  'passwords kept somewhere and offered with or, never a code span after it': 'password in the safe, **or** ask '.repeat(MB / 34),
  'key names with a remark in brackets before a code span never closed': 'key (legacy) `'.repeat(MB / 14),
  'credentials and failed logins repeated with no pair after them': 'credentials (x): auth failed for a:'.repeat(MB / 36),
  // Each `machine` is tried once, sticky, and every token of the entry is bounded.
  'netrc machine and login repeated, never given a password': 'machine h login u '.repeat(MB / 18),
  'pre-shared tokens repeated with a value too short': 'pre-shared token ab1 '.repeat(MB / 21),
  // Each `auth ` is tried once, sticky; the line is looked at only after a match.
  'redis AUTH repeated with arguments that run on': 'redis AUTH u AUTH p '.repeat(MB / 20),
  // Each `client(` is tried once, sticky, over one bounded literal.
  'client constructors repeated with literals never closed': 'new AcmeClient("Kq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0Ja '.repeat(MB / 50),
  // Each lookup in a chain of fallbacks reads one call's end and one literal after it.
  'fallback chains through lookups repeated': "$token ?? getenv('T') ?: ".repeat(MB / 26),
  'Mapillary prefixes joined repeatedly': '"MLY|" + "1234|" + '.repeat(MB / 20),
  'SendGrid prefixes joined repeatedly in Lua': '"SG.ab" .. "cd." .. '.repeat(MB / 20),
  // Each `path:` reads at most a few sibling lines for its `content:`, once.
  'write_files paths repeated with sibling lines and no content': '- path: /etc/x/secret\n  owner: root\n  mode: 0600\n'.repeat(MB / 48),
  'mattermost hooks repeated with no id': 'mattermost_hook: https://mattermost.x/hooks/'.repeat(MB / 44),
  'password pipes repeated with no stdin option': "echo 'Wq7vLz2' | voms-proxy-init --voms x ".repeat(MB / 42),
  'node URLs repeated with no key after the version': 'g.alchemy.com/v2/" + "infura.io/v3/'.repeat(MB / 34),
  // Each pipe into base64 reads back at most a bounded part of its own line for the echoed pair.
  'echoed pairs piped into base64, repeated on one line': ("echo -n 'u:" + 'x'.repeat(100) + "' | base64 ").repeat(MB / 130),
  'pipes into base64 repeated on one line': '| base64'.repeat(MB / 8),
  // A lookup whose closure never compares: the pattern that reads `.get(NAME).map(|v| v == "…")` must fail fast.
  'header lookups mapped by closures repeated on one line': '.get(API_TOKEN_HEADER).map(|v| v .'.repeat(MB / 34),
  // Each prompt's answer line is read once, up to its end: a prompt before a long line of base64 must not re-read it.
  'PHP-serialized separators repeated, no name before them': '";s:9:"'.repeat(MB / 8),
  'constant-time comparisons opened and never given a literal': 'hash_equals($a'.repeat(MB / 14),
  // Each call given a bare name looks back for the local's binding: only the name's own occurrences, within a bounded reach.
  'key specs given a bare name, repeated with no binding': 'SecretKeySpec(raw, '.repeat(MB / 19),
  // Each key prefix opening a literal reads at most a few literals after it, and none of them again.
  'key prefixes opening short literals in one endless list': '"ghp_Kq8", '.repeat(MB / 11),
  // SteamCMD's login read through argv lists and joined literals: each separator is bounded, a login never given a password fails fast.
  'steamcmd logins in argv lists repeated with no password': '["steamcmd", "+login", "u", '.repeat(MB / 28),
  'steamcmd logins joined from literals repeated on one line': '"steamcmd.exe", "+login u " + "'.repeat(MB / 32),
  // A directive indented as deep as an embedded config may be, repeated with no line end after its value.
  'deeply indented requirepass lines repeated': '                    requirepass Xk2mP9qR7vL4nZ8w x\n'.repeat(MB / 52),
  'key prefixes opening literals joined without end': '"sk-ant-api03-' + 'Kq8zW3mLp0'.repeat(29) + '" + '.repeat(MB / 310),
  // Each command is read up to its own line's end at most: a login or an alias that never gets its key must fail fast.
  'wandb logins repeated on one line, none given a key': 'wandb login --relogin '.repeat(MB / 22),
  'mc alias commands repeated on one line, each cut short': 'mc alias set a http://h:9000 k '.repeat(MB / 31),
  'Azure account-key property names repeated on one line': 'fs.azure.account.key.'.repeat(MB / 21),
  'SMTP password prompts repeated, each before a long answer': ('334 UGFzc3dvcmQ6\n' + 'QUJD'.repeat(300) + '\n').repeat(MB / 1218),
  'Kubernetes Secret headers repeated': 'kind: Secret\ndata:\n'.repeat(MB / 20),
  'connection-string keys repeated': 'Server=x;Password='.repeat(MB / 18),
  // An ODBC braced value is read up to a bounded closing brace: one opened and never closed fails fast.
  'ODBC braced passwords opened and never closed': 'PWD={a;b=c '.repeat(MB / 11),
  // Each Easy Connect `@//` reads back a bounded user/password before it, never the line.
  'Oracle Easy Connect credentials repeated on one line': ('u' + 'x'.repeat(25) + '/' + 'Kq8zW3mLp0'.repeat(12) + '@//').repeat(MB / 149) + '"' + 'p'.repeat(MB) + '"@//h',
  'key names glued into one endless identifier': 'db_access_key_id_'.repeat(MB / 17),
  'SASL blocks opened and never closed': 'sasl username: '.repeat(MB / 15),
  'JSON Secret kinds repeated, escaped or not, in no object': '"kind":"Secret",'.repeat(MB / 32) + '\\"kind\\":\\"Secret\\",'.repeat(MB / 40),
  'Terraform sensitive_values objects opened and never closed': '{"sensitive_values":'.repeat(MB / 20),
  'key/value table rows under one header': 'Key   Value\n---   -----\n' + 'token     Xk2mP9qR7vL4nZ8wQ3tYAb1C\n'.repeat(MB / 34),
  'connection-string pieces split over literals, one per line': '"Uid=x;"\n'.repeat(MB / 9) + '"Pwd=Xk2mP9qR7v;"\n'.repeat(MB / 18),
  // Two megabytes on one line: a rule that looks back to the line's start from every keyword
  // on it is quadratic here and runs past the test's timeout.
  // Each spaced slash reads back the account before it: that read must stop at the slash before.
  'e-mail addresses and spaced slashes repeated on one line': 'ops.team@corp.example.org / '.repeat(MB / 28),
  // Each provider name reads the rest of its line for a key: the stretches read must not overlap.
  'Mailgun names repeated on one line': 'mailgun key-'.repeat(MB / 12),
  'SNMP community commands repeated on one line': 'snmp-server community '.repeat((2 * MB) / 22),
  'SNMP tool names and flags repeated on one line': 'snmpwalk -c '.repeat((2 * MB) / 12),
  // A RouterOS community menu reads a bounded number of lines below it, and the lines it read only once.
  'RouterOS community menus repeated, each continued': '/snmp community name=Xk2 \\\n'.repeat(MB / 26),
  'RouterOS community menu names repeated on one line': '/snmp community add name='.repeat(MB / 25),
  'a RouterOS community menu over a megabyte of continued add lines': '/snmp community\n' + 'add disabled=no \\\n'.repeat(MB / 17),
  'VRP v3 users repeated on one line': 'snmp-agent usm-user v3 authentication-mode '.repeat(MB / 43),
  'user flags repeated on one line, no password after them': '-u admin '.repeat(MB / 9),
  'user literals joined by + repeated, never encoded': '"svc:" + '.repeat(MB / 9),
  'SQL*Plus CONNECT words repeated on one line': 'CONNECT a/'.repeat(MB / 10),
  'if-expressions after a password name, never reaching else': '$password = if ($x) { '.repeat(MB / 22),
  // Each FIX header reads its own message, up to the next header or the line's end, once.
  'FIX headers and password tags repeated on one line': '8=FIX.4.4|554=a|'.repeat(MB / 16),
  // Each echo reads one bounded literal before the pipe to base64.
  'echoed base64 literals never piped to base64 -d': ('echo ' + 'QUJD'.repeat(600) + ' ').repeat(MB / 2406),
  'FIX RawData settings repeated on one line': 'fix.rawdata=x '.repeat(MB / 14),
  'X12 interchange headers repeated, one per segment': 'ISA*00*          *01*'.repeat(MB / 21) + '~ISA*'.repeat(MB / 5),
  // Each ISA setting's name is tried once, sticky, over a value of at most ten characters.
  'X12 credential settings repeated on one line, each value too long': 'isa_auth_info = Kq7Tw2Rz9P4 '.repeat(MB / 28),
  // Each ::Ticket block reads at most 40 lines, and a line read is not read again for the next block.
  'EZproxy ticket blocks opened one per line, never closed': '::Ticket\nTimeValid 10\n'.repeat(MB / 22),
  'EZproxy ticket openers repeated on one line': '::Ticket '.repeat(MB / 9),
  // Each declared format reads the lines below it once: the comments it passes over are not read again.
  'format comments one per line, each declaring a password field': '# format: user:password:groups\n'.repeat(MB / 31),
  'format comments over comment lines, repeated': '# user:password\n'.concat('# note\n'.repeat(300)).repeat(MB / 2116),
  'format comments over entries that never end': '# user:password\n'.concat('kiosk:Wm3zP8qT4nLx6Rb2:a:b\n'.repeat(MB / 27)),
  'user:password fields repeated on one line': 'user:password:'.repeat(MB / 14),
  'Redis client calls opened with a host and port and never closed': 'new JedisPool(cfg, "h", 6379, '.repeat(MB / 30),
  'URL users joined to escaping calls that never take a literal': '"db://u:" +\n  encodeURIComponent('.repeat(MB / 36),
  'setters given conditionals that never reach a literal, repeated on one line': 'setPassword(a.isEmpty() ? b : '.repeat(MB / 30),
  'chained assignments after a password name, never reaching a literal': 'password = a = b = '.repeat(MB / 19),
  // Each default reads its line back for the template's opening and the key: the read must stay bounded on one long line.
  'template defaults piped on one line, in a template opened once': 'password: {{ x' + ' | default "Rk8vQ2mZt7XwL4"'.repeat((2 * MB) / 27),
  'template defaults in the prefix form repeated on one line, never given a literal': '{{ default '.repeat((2 * MB) / 11),
  'device-config secret lines repeated on one line': 'enable secret 5 '.repeat((2 * MB) / 16) + '## SECRET-DATA '.repeat((2 * MB) / 15),
  // Each mention of the file reads the lines below it: a line read once must not be read again.
  // Each mention reads its own line once, bounded, to see whether a here-document is written to the file.
  'pgpass here-documents and PGPASSWORD mentions on long lines': 'cat > /x/pgpass <<EOF ' .repeat(MB / 44) + '\n' + 'PGPASSWORD=/'.repeat(MB / 24) + '\n' + 'a:1:b:c:Tq8-mossy-Lantern\n'.repeat(MB / 52),
  'login and run calls opened with token-shaped text and never closed': 'client.login("Ab12Cd34Ef56Gh78Ij90Kl12.'.repeat(MB / 40) + 'bot.run(`' .repeat(MB / 18),
  '.pgpass mentions over pgpass-shaped lines': '$ cat ~/.pgpass\n' + 'db.example.net:5432:app:app:Tq8-mossy-Lantern\n'.repeat(MB / 47) + '~/.pgpass '.repeat(MB / 10) + '\n' + '~/.pgpass '.repeat(MB / 10),
  'HTML cells opened and never closed, one line': '<tr><td>DB_PASSWORD</td><td>'.repeat(MB / 28) + '<td '.repeat(MB / 4),
  'Wi-Fi names in quotes repeated on one line': 'Wi-Fi "Guest": '.repeat(MB / 15),
  // Each Wi-Fi name reads at most a bounded clause after its key's word for the colon, and one bounded value.
  'Wi-Fi names in brackets, a key word and a clause, never a colon, on one line': 'Wi-Fi (Guest) key for the front-desk tablet '.repeat(MB / 44),
  'Wi-Fi keys after a clause in code marks never closed, on one line': 'Wi-Fi (Guest) key if off: `Ab3dE6gH9 '.repeat(MB / 38),
  // A network's pair reads a bounded clause for its colon or `is`, one bounded name and one bounded value.
  'Wi-Fi clauses that never reach a colon, on one line': 'wifi at the crusher shed near the gate '.repeat(MB / 39),
  'Wi-Fi pairs chained by slashes, on one line': 'Guest network: Depot-2 / crushedrock2020 / '.repeat(MB / 43),
  // Each keypad word reads a bounded clause for its colon or `is`, and its line back within a bounded reach.
  'alarm codes with clauses repeated on one line, never given a colon': 'alarm code for the boiler room '.repeat(MB / 30),
  'door and gate codes given on one endless line': 'door code: 4183 gate code is `5291` '.repeat(MB / 36),
  // A code named first reads a bounded clause to what it opens and a bounded one after it; a room's holder is read behind it, bounded.
  'codes named first for things that never open anything, on one line': 'the code for the new '.repeat(MB / 21),
  'codes named first for a padlock, never given a colon, on one line': 'code for the padlock on the bin store '.repeat(MB / 38),
  'locked rooms and codes in bold never closed, on one line': 'server room code is **'.repeat(MB / 22) + 'comms room '.repeat(MB / 11),
  'a megabyte of rooms': 'room'.repeat(MB / 4),
  // A PIN's owner, a possessive, a login's name or a verb that keys it in each reads one bounded clause and one bounded gap to digits.
  "possessives and logins before PINs never given digits, on one line": "the driver's PIN reset to ".repeat(MB / 26) + 'user `ops`, PIN '.repeat(MB / 16),
  'PINs keyed in or asked for over line breaks, never given digits': 'using PIN\n   '.repeat(MB / 14) + 'asks for a PIN, it\'s '.repeat(MB / 21),
  // A lock named alone, or what a keypad guards before a comma, reads a bounded clause; an aside reads a bounded clause to its bracket.
  'padlocks on one line, never given digits': 'the padlock on the sea chest is '.repeat(MB / 32),
  'gates and key safes before commas and colons, never a code': 'the gate at the plant, key safe: code '.repeat(MB / 38),
  'keypad code clauses that never reach a bracket, on one line': "alarm code hasn't changed since ".repeat(MB / 32) + 'door code ('.repeat(MB / 11),
  // Each combination reads a bounded clause and bounded dial numbers, and its line back within a bounded reach.
  'safe combinations with clauses and dial numbers that run on, on one line': 'the safe combination for the office is 12-34-56-78-90-'.repeat(MB / 54),
  // Each word PIN reads a bounded clause for its colon or `is`, and a bounded run of words back on its line.
  'PINs after a determiner with clauses that never reach a colon, on one line': 'the PIN for the new tablet '.repeat(MB / 27),
  'a megabyte of pin': 'pin '.repeat(MB / 4),
  'PINs stated in bold never closed, on one line': "the operator's PIN is **".repeat(MB / 24),
  // A code's noun reads a bounded bracket for what it opens; a bare code's line is read back within a bounded reach; a PIN
  // past an aside or a label looks back one bounded bracket or one colon; an answer's assent is read within a bound.
  'codes with brackets that never close or never name a lock, on one line': 'combination (front '.repeat(MB / 19) + 'code (the yard gate '.repeat(MB / 20),
  'bare alarm and duress codes whose digits run on, on one line': 'alarm code 4471 duress code 55120x '.repeat(MB / 35),
  'codes restated after a colon and never given digits, on one line': 'gate code for the yard changed: the new code is '.repeat(MB / 48),
  'PINs after brackets and labels, never given digits, and after brackets never opened': 'Card terminal (SumUp) PIN tracker app: PIN '.repeat(MB / 43) + ') PIN 4471 '.repeat(MB / 10),
  'chat answers after words of assent, repeated on one line': "yes yes ok, it's ".repeat(MB / 17),
  // A stated code's siblings are read a bounded few, each a bounded bracket or place after the one before.
  'codes with places in brackets chained by slashes, on one line': 'override PIN is 4471 (Leeds) / '.repeat(2) + '5512 (York) / '.repeat(MB / 14),
  'codes with places after semicolons chained, on one line': 'The alarm code is 80417; Edinburgh is 36290'.repeat(MB / 43),
  // A caption reads its list line by line once; a list's item reads a bounded label; a chat's question reads a bounded
  // window for its answer; a comment over a setting reads the next line or two.
  'a caption over an endless list of codes': 'Gate codes:\n' + '- North barrier: 4827\n'.repeat(MB / 22),
  'captions of codes repeated, each line one': 'Gate keypad codes (change every season):\n'.repeat(MB / 41),
  'list items with labels that never reach a colon under a caption': 'Door codes:\n' + '- North barrier gate at the back '.repeat(MB / 33),
  'questions for a code repeated, answered by digits that run on': 'the door code?\n'.repeat(MB / 30) + '"48213'.repeat(MB / 12),
  'new codes announced on one line, never given digits': 'door code? new one from Monday is '.repeat(MB / 34),
  'comments naming a keypad code over settings, repeated': '# gate keypad code\ncode = "'.repeat(MB / 26),
  'safes and padlocks named before colons, never given dial numbers': 'safe in the office: padlock is 12-'.repeat(MB / 34),
  'APRS passcode names repeated on one line': 'APRS_PASS = "2198'.repeat(MB / 17),
  'base64 Docker config openings repeated': 'eyJhdXRocyI6'.repeat(MB / 12),
  'name lines, type lines and no value, repeated': '+ name = "/a/b/db_password"\n+ type = "String"\n'.repeat(MB / 48),
  // Each keytab opening reads the base64 run after it: runs read once must not be read again from inside.
  'keytab openings repeated inside one base64 run': 'BQIBQJBQKBQL'.repeat(MB / 12),
  // Each found value is looked for once, with indexOf: a password written a million times, or as endless joined pieces, stays one pass.
  'a found password repeated over the whole text': 'DB_PASSWORD = "Rq4$tnW8zPe2"\n' + 'Rq4$tnW8zPe2 '.repeat(MB / 13),
  // The encoded forms of a found password: each base64 run holding one is judged once, and a run longer than a pair is passed by at its bound.
  'a found password, then its base64 repeated as one endless run': 'DB_PASSWORD = "Rq4$tnW8zPe2"\n' + btoa('Rq4$tnW8zPe2').repeat(MB / 16),
  'a found password, then base64 pairs holding it repeated': 'DB_PASSWORD = "Rq4$tnW8zPe2"\n' + `${btoa('u:Rq4$tnW8zPe2')} `.repeat(MB / 21),
  'a found password joined from literals, then repeated joined': 'DB_PASSWORD = "Rq4$tn" + "W8zPe2"\n' + '"Rq4$tnW8zPe2" '.repeat(MB / 15),
  'token path segments repeated on one line': '/token/'.repeat(MB / 7) + '/tokens/Ab1'.repeat(MB / 11),
  // Redis's AUTH reads the line around each command for a word naming Redis: within a window, never the whole line.
  "Redis AUTH commands repeated on one line, each closed by a quote": 'redis AUTH Ab1cD2eF9x"'.repeat(MB / 22),
  "quoted AUTH commands repeated on one line with no Redis named": '"AUTH Ab1cD2eF9x"'.repeat(MB / 17),
  // A comment naming a map's entries is read only near the start of its line: a line of the noun costs one pass.
  'a comment noun repeated on one megabyte-long line': '# ' + 'tokens '.repeat(MB / 7),
  'IPMI servers without an address, repeated': 'a:b@lan('.repeat(MB / 8),
  // A SIM key table's header read, then rows of its width: each line is read once.
  'WLST connects, Elytron references and Tomcat servers never closed, repeated': "connect('a', 'b', ".repeat(MB / 18) + '<Server shutdown'.repeat(MB / 16) + 'credential-reference clear-text'.repeat(MB / 31),
  // Each type keyword looks back over its line for the declaration's name: a bounded stretch.
  'PL/SQL types and COBOL pictures repeated on one line, never a value': 'a VARCHAR2(9) '.repeat(MB / 14) + '01 A PIC X '.repeat(MB / 11),
  'Asterisk registrations never reaching a host': 'register => a:b:c'.repeat(MB / 17),
  'mkstore here-documents opened on every line': 'mkstore x <<EOF\n'.repeat(MB / 16),
  // Each chpasswd module reads at most its block's lines; each piped command looks back on its own line only.
  // Each `.toCharArray()` reads back a bounded stretch of its own line for the literal and the call.
  'keystore loads of char-array literals repeated on one line': 'ks.load(new X("a"), "b".toCharArray(), '.repeat(MB / 40),
  'chpasswd modules and lists opened on every line': 'chpasswd:\n  list: |\n'.repeat(MB / 20) + 'echo a:b | chpasswd '.repeat(MB / 20),
  'chpasswd modules indented in a heredoc, each opening a list': '    chpasswd:\n      list: |\n        a:b\n'.repeat(MB / 40),
  // Each map of addresses reads its lines once; a map declared among them is not read again.
  'Go maps of addresses under an RCON name, opened on every line': '// rcon passwords\nvar rcon = map[string]string{\n\t"a:1": "b#1",\n'.repeat(MB / 64),
  // ltijs' setup is looked for only in a text that names ltijs; the stream key a bounded stretch after its lead.
  'ltijs setups of long literals, never closed': "ltijs x.setup('".repeat(MB / 16) + 'a'.repeat(MB / 4),
  'stream key leads repeated on one line, with near-keys': 'stream key ab12-cd34-ef56-gh78 ingest youtube '.repeat(MB / 46),
  'Steam tokens after a repeated sv_setsteamaccount': 'sv_setsteamaccount "0123456789abcdef0123456789abcde'.repeat(MB / 50),
  // Each helper with a password parameter is looked for in one pass over the calls, not one search per helper.
  'helpers with a password parameter defined on every line, never called': 'def h(password):\n'.repeat(MB / 32) + 'def g(a, password): '.repeat(MB / 40),
  // Each FTP step reads the statements after it for its input: one read per statement line, and none for a second step on it.
  'batch FTP steps repeated on one line and on statement lines, never given input': 'PGM=FTP '.repeat(MB / 8) + '\n' + '//X DD PGM=FTP\n'.repeat(MB / 15),
  // Each PagerDuty name reads its line for a key: a stretch read once is not read again.
  'PagerDuty routing keys named on one line, with hex runs': 'PagerDuty routing key 0123456789abcdef0123456789abcde '.repeat(MB / 54),
  // A bare `secret`, `PSK` or a key id's comment line is tried once per keyword, its value bounded, never a secret after it.
  'bare secret and PSK nouns repeated on one line, then key ids over comment lines with no secret': 'secret PSK '.repeat(MB / 22) + '# access key id AKIAQ7ZX3TRW5LMN2PVB\n# '.repeat(MB / 80),
  // Each key of the shape a provider's name reaches is checked for a key's noun in the 100 characters before it, once.
  'provider names and key nouns repeated on one line, with hex, UUID and base62 runs of their keys\' shapes':
    'Algolia admin key 3c8a7e0f5d1b2a4c6e8f0a1b3c5d7e9f Postmark token 5b1e0c7a-9d24-4f38-a6e1-0c3b7d92f4e5 Cohere key Ab3dE6gH9jK2mN5pQ8rS1tV4wX7yZ0aB3cD6eF9g PagerDuty integration key R0ab12cd34ef56ab78cd90ef12ab34cd56 '.repeat(MB / 200),
  // Each mapping named for users reads its entries: entries already read are not read again for a name in their comments.
  'YAML entries whose comments name users, repeated': '  k: Zt6pWq2kLr9x # users:\n'.repeat(MB / 26),
  'ftp here-documents opened on every line, never logging in': 'ftp -n h <<EOF\n'.repeat(MB / 15),
  // Each command reads its continued lines for a password flag: a stretch of bounded length.
  'schtasks and ldapsearch commands continued on every line, never a password': 'schtasks /Create ^\n'.repeat(MB / 19) + 'ldapsearch -x \\\n'.repeat(MB / 16),
  // A setter's conditional argument is at most three tests: a run of them joined by || and && is read within that bound.
  'setters given endless conditions joined by || and &&': 'setPassword(' + 'pw == null || pw.isBlank() && '.repeat(MB / 30),
  // Each password operand reads its bounded name back and its line's start within a bounded reach, never the whole line.
  'MQSC password operands repeated on one line, and opened and never closed': "DEFINE X(Y) LDAPPWD('Kq7vTz2Lm') ".repeat(MB / 34) + '\n' + "LDAPPWD('".repeat(MB / 9),
  // Each short flag reads back over the lines its command is continued from: at most eight, each a bounded stretch.
  'flags on continued lines with no tool, and a tool before endless continued lines': 'render -P Kq7vTz2Lm \\\n'.repeat(MB / 21) + 'mosquitto_sub \\\n'.repeat(MB / 16) + '-P Kq7vTz2Lm',
  // Each signtool reads its line (and lines continued with ^ or `) for /p, a bounded stretch.
  'signtool commands repeated on one line and continued on every line, never a password': 'signtool sign /f a.pfx '.repeat(MB / 23) + '\n' + 'signtool sign ^\n'.repeat(MB / 16) + '%SIGNTOOL% /f `\n'.repeat(MB / 16),
  'PowerShell -Name arguments repeated, never a -Value': '-Name Password '.repeat(MB / 15) + ' value',
  // Each row is read up to its bound once; a row never closed stops the insert's rows.
  'SQL insert heads with a secret column, their rows never closed': "INSERT INTO t (api_secret) VALUES ('a (b".repeat(MB / 40),
  // The tables an insert without columns fills are read once for the text, each definition's brackets within a bound and
  // the text read for one never read again for the next.
  'table definitions never closed, and inserts without columns into them, repeated on one line': 'CREATE TABLE t (a text, (b '.repeat(MB / 54) + "INSERT INTO t VALUES ('x', ".repeat(MB / 54),
  'a table defined with a secret column, then inserts without columns never closed': "CREATE TABLE t (api_secret text);\n" + "INSERT INTO t VALUES ('a (b".repeat(MB / 28),
  // A credentials table's insert without columns reads each row's few values within the row's bound.
  'inserts into a credentials table without columns, rows never closed': "INSERT INTO integrations VALUES (1,'vimeo','Pq7Zt2Wm9Xk4 ".repeat(MB / 56),
  'inserts into a credentials table without columns, many short rows': "INSERT INTO `api_keys` VALUES " + "(1,'sms','Kd4Rw8Tn2Yb6Mq9Zx3Lv'),".repeat(MB / 32),
  // "signed … with" is tried sticky at each verb, its words and value bounded.
  'signing verbs with no value after them, repeated on one line': 'signed the payloads with '.repeat(MB / 25),
  'signing verbs with values that never end, repeated on one line': ('signed with ' + 'Qm7vLp2Zx9'.repeat(30) + ' ').repeat(MB / 312),
  'echo of a literal into a secret-named file, repeated on one line': "echo 'Mz4Tq8Lw2Rv6Xk0N' > token ".repeat(MB / 32),
  // Each constructor looks back for its class over a bounded stretch, stepping from one `class` to the next.
  'constructors with a token parameter under classes, repeated': 'class A:\n    class B:\n        def __init__(self, token):\n'.repeat(MB / 56),
  'shared-key credentials opened and never given a key': 'StorageSharedKeyCredential c = new(a, '.repeat(MB / 38),
  'getters with their brace on the next line, never returning': 'apiKey()\n{\n'.repeat(MB / 11),
  // Each getter's head reads its body: a body never closed, or a Python one on an endless line, must be read once.
  // Each fill call reads its chain back to a locator: bounded, however many calls and parentheses a line holds.
  'fill calls chained after unclosed locators, repeated on one line': 'cy.get("#password"'.repeat(MB / 36) + ').clear().type("x"'.repeat(MB / 36),
  'empty calls chained before fill calls, repeated on one line': '().fill('.repeat(MB / 8),
  'secret getters opened and never closed, on one line': 'func apiToken() string { '.repeat(MB / 26) + 'def api_token(): '.repeat(MB / 17),
  'password lead-ins repeated without a line break': 'the password is '.repeat(MB / 16),
  // A told clause after the noun reads a bounded run to its colon; a verb wrapped before the noun reads back one indent and line break.
  'password clauses told in the passive, never reaching a colon, repeated on one line': 'password was pasted in #a and rotated '.repeat(MB / 38),
  'verbs wrapped before a password word, one per line': 'logs in with\n  password '.repeat(MB / 25),
  // A box's code looks back a bounded reach for the keys its clause keeps; a code named first, a bounded few words for what it is for.
  'box codes after keys, repeated on one line, never a digit': 'keys in the box box code is '.repeat(MB / 28),
  'passwords named first for a few words, repeated on one line, never an owner': 'password for the a b c d e '.repeat(MB / 27),
  'keypad codes named and wrapped, one per line, never a digit': 'The **alarm code** for the door is\n'.repeat(MB / 35),
  // Each question about a login reads a bounded reach of lines after it, a JSON export's field lines included.
  'JSON export questions about a login over endless field lines': '{"text": "the crew login isn\'t working"},\n' + '  "ts": "1",\n'.repeat(MB / 13),
  // Each `password for` reads a bounded clause that stops at a sentence's end; each `password is on …:` a bounded place and one value.
  'password-for clauses broken by sentence stops, never a colon, repeated on one line': 'password for a. b! c? d '.repeat(MB / 24),
  'passwords posted somewhere, each value running into the next, repeated on one line': 'password is on the board: hazy2024x '.repeat(MB / 36),
  // Each login label reads two bounded words, its `is` and one line break before the pair; each login for a host a bounded clause.
  'login labels with words and `is still` before a line break, never a pair': 'the login there is still\n`a` '.repeat(MB / 30),
  'logins for hosts in code marks, repeated on one line, never a password': 'login for the GUI on `h` is `u`, '.repeat(MB / 33),
  // Each interim phrase reads a bounded reach back and one bounded value; each plural login noun a bounded clause to its verb.
  'interim phrases after a changed login, each value running into the next': "can't log in, rotated. " + 'For now: Ab1!cdefgh'.repeat(MB / 19),
  'plural login nouns before use, never a closed code span': 'test logins all use '.repeat(MB / 20) + 'test logins use `Ab1!'.repeat(MB / 21),
  'service account base64 fragments repeated in one run': 'c2VydmljZV9hY2NvdW50'.repeat(MB / 20),
  'Datadog app keys named repeatedly on one line': 'Datadog app key, '.repeat(MB / 17),
  'SIM key headers and rows of their width, repeated': 'IMSI KI OPC\n1 2 3\n'.repeat(MB / 18) + 'ki: imsi '.repeat(MB / 9),
  // Each quote before a comma reads an address back from it: over one domain at most, never the whole line.
  'e-mail tuples never given a password, and domain-like runs before quoted commas, repeated on one line':
    '["qa@acme.dev", "'.repeat(MB / 17) + ('a.'.repeat(200) + '@b.co", ').repeat(MB / 408),
  // Each password type reads its field's brackets back and on: a stretch of bounded reach, not read again.
  'password-typed entries in one endless field, and brackets never closed': "{ 'type' => 'password', ".repeat(MB / 24) + "[ type: 'password'".repeat(MB / 18),
  // Each tool name reads its own command line on for its flag: at most a bounded stretch, up to a pipe or a `;`.
  'tool names repeated on one line, never given their flag': 'codecov pd-send -x '.repeat(MB / 19),
  'management CLI credential references opened and never closed': 'credential-reference={'.repeat(MB / 22),
  'SSIS parameters opened and never given a value, and web.xml names with none': '<SSIS:Parameter SSIS:Name="ApiKey">\n<SSIS:Properties>\n'.repeat(MB / 54) + '<param-name>password</param-name>'.repeat(MB / 33),
  // Each encoding of a variable reads back for its literal: the assignments before it are read once along the text.
  // Each `.GetBytes(` reads its literal sticky and a bounded reach before it for the key's constructor.
  'key constructors over encoded bytes repeated on one line, never closed': 'new SymmetricSecurityKey(Encoding.UTF8.GetBytes("'.repeat(MB / 50) + 'new HMACSHA256(Encoding.UTF8.GetBytes('.repeat(MB / 40),
  'PIN names repeated on one line, never given a value': 'door_pin smartcard-pin '.repeat(MB / 23),
  // Each bare `pin` entry reads a bounded number of lines above for its mapping; each `--pin` takes one bounded argument.
  'bare pin entries under a panel, never given digits, and --pin flags repeated': 'panel:\n' + '      pin: x\n'.repeat(MB / 26) + '[keypad]\n' + 'pin = \n'.repeat(MB / 14) + '--pin --keypad-pin= '.repeat(MB / 40),
  'XML elements named for a PIN opened and never closed': '<string name="printer_pin">'.repeat(MB / 27) + '<alarm_code>'.repeat(MB / 12),
  'keypad code and camel-cased PIN names repeated, and one over a megabyte of digits': 'GM_OVERRIDE_CODE servicePin alarm-code '.repeat(MB / 39) + 'installer_pin = "' + '7'.repeat(MB),
  'Adyen prefixes joined to literals repeated, never closed': '"AQE" + "'.repeat(MB / 9),
  'authorization schemes under a token name repeated in one literal': ('token = "SSWS ' + 'Bot '.repeat(MB / 8)),
  'no-auth notes of many words under a password, repeated': 'password: "a-b-c-d-no-auth-e-f-g-h"\n'.repeat(MB / 36),
  'redis URLs with an empty user repeated, never given a template': '"redis://:%s@'.repeat(MB / 14),
  'base64 encodings of a variable repeated on one line, never given a literal': 'btoa(pair) '.repeat(MB / 11) + '[Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($p)) '.repeat(MB / 66),
  // Each `new one` reads back a bounded stretch of its own line for the password it refers to.
  '"new one" lead-ins after a password, repeated on one line': 'password. New one: '.repeat(MB / 19),
  // Each old or new value in brackets reads one bounded value; each default login reads back a bounded stretch of its paragraph.
  'bracketed new values after a password that never close, repeated on one line': 'password. The new value (Qm7!tRz4'.repeat(MB / 34),
  'default logins changed, then shared values never given, repeated over lines': 'defaults to `admin/admin`, changed; the shared value is now\n'.repeat(MB / 60),
  'old values paired with new ones, repeated on one line': 'password. Old value `Qm7!tRz4`, new value '.repeat(MB / 41),
  // Each wrapped `is`, appositive and bare passphrase reads one bounded value or run of words after its noun.
  'passwords wrapped before is, repeated over lines, never a value': 'the account password\nis '.repeat(MB / 25),
  'password appositives repeated on one line, the values never ending a clause': 'the deploy password, Qm7!tRz4-'.repeat(MB / 30),
  'passphrases of bare words that never end a sentence': 'passphrase is ' + 'ember willow 42 '.repeat(MB / 16),
  // Each `then type` reads back a bounded stretch of its line for the command.
  'typed values after code spans that never prompt, repeated on one line': '`vncviewer 10.0.0.1 -passwd` '.repeat(MB / 60) + 'then type `Qm7!tRz4` '.repeat(MB / 42),
  // Each Algolia client call reads its line and the one before: lines of bounded reach, never the whole text.
  'Algolia clients built on one endless line, and OmniAuth providers never given a secret':
    'algolia '.repeat(MB / 64) + "algoliasearch('ABCDEFGHIJ', '0123456789abcdef0123456789abcdea'); ".repeat(MB / 72) + 'provider :x, a, '.repeat(MB / 16),
  // Each quoted URL looks back a bounded stretch for the call it opens, and each `hmac` reads its own name and one literal.
  'calls opened by URLs never given a key, and HMAC names run together': 'f("http://a", "'.repeat(MB / 16) + 'HmacHmacHmac('.repeat(MB / 13),
  // Each client's constructor reads two literals after its own bracket: names run together and calls never closed stay bounded.
  'client constructors never closed, and client names run together': 'new AcmeClient("id", "'.repeat(MB / 22) + 'ClientApiGateway('.repeat(MB / 17),
  // A bearer scheme joined to a literal, or given beside one, and a named user before a password: each never closed.
  'bearer schemes joined to literals and auth pairs with a named user, never given a value':
    '"Bearer "+"'.repeat(MB / 22) + '("Bearer", "'.repeat(MB / 24) + 'auth=(USER_NAME, '.repeat(MB / 34),
  // Each constructor delegation looks back a bounded number of `class` words, and a text looks up only a few classes.
  // Go structs with a secret field, each followed by containers of its literals that never close: every struct looks
  // its literals up, every container is read once.
  'Go structs with a password field and unclosed containers of their literals':
    'type P struct { User string; Password string }\nvar ps = []P{ {"u", "Wq7#tLm2Vz9k"}, {'.repeat(MB / 80) + '[]P{ {"'.repeat(MB / 16),
  'constructor delegations under endless classes and class words': 'class C1 { this("Vq7mLx2Rk9TzW4nPc8Hb") } class '.repeat(MB / 48) + 'class x this("k") '.repeat(MB / 18),
  // Each `this(` reads a bounded number of arguments; each class's constructors are read once, for a few classes.
  'constructor delegations with many arguments among endless constructor look-alikes': 'class Cx { Cx(String a, String key) { } new Cx("q", "Vq7mLx2Rk9TzW4nPc8Hb") { this("q", "Vq7mLx2Rk9TzW4nPc8Hb", '.repeat(MB / 104),
  // Each bare key reads its own line and the one above for a comment: two bounded lines, never more.
  'bare keys under comments on one endless line': "// idempotency key $key = 'c0a8e1f2-4b7d-4e9a-9c3f-5d2b8a1e6f40'; ".repeat(MB / 70),
  // Each attribute line looks up for its tag's `<` over a bounded stretch, whether a tag ever opened or not.
  'XML attributes naming secrets on lines of their own, under one tag and under none':
    '<meta-data\n' + '    android:name="api.secret"\n'.repeat(MB / 60) + '\n    android:name="api.secret" '.repeat(MB / 60),
  // Each secret-field read looks back over a bounded stretch for its line's prompt; a template's arguments run on over line breaks only within 600 characters.
  'secret-field reads with no prompt, on one endless line and on lines of their own':
    "kubectl get secret s -o jsonpath='{.data.password}' | base64 -d ".repeat(MB / 64) + "\n$ vault kv get -field=token a b\nQm7rTz2Kv9xWp4Lq\n".repeat(MB / 64),
  'format templates whose arguments run on over line breaks, repeated': 'Sprintf("password=%s",\n\t'.repeat(MB / 24),
  'SAS signatures that close their literal and never open the next, repeated': '?sv=2024-01-01&sig=" +\n    "'.repeat(MB / 30),
  // Each join after a Discord webhook's base reads a bounded number of literals; each pipe into p4 a bounded line.
  'Discord webhook bases joined to ids and never to a token, and pipes into p4 that never log in':
    '"https://discord.com/api/webhooks/" + "123456789012345678" + "/" + '.repeat(MB / 70) + "echo 'Kq7vTz2Lm' | p4 -u a ".repeat(MB / 30),
  // Each "old one" reads a bounded stretch back for a key's name and a bounded value after it.
  // Each "the value" reads a bounded stretch back for a key's name, and a bounded value after a colon, a blank line maybe first.
  'a key named, then "the value is:" repeated on one line and over blank lines, never a value': 'the key. '.repeat(MB / 36) + 'the value is:\n\n  '.repeat(MB / 36) + 'the value of the key: A1b2C3 '.repeat(MB / 60),
  'a secret named, then "old one was" repeated on one line and over lines, never a value': 'the secret key. '.repeat(MB / 64) + 'old one was\n '.repeat(MB / 26) + 'current one: A1b2C3 '.repeat(MB / 40),
  // Each "Current (…):" label and each "old value" reads a bounded aside and a bounded value after it.
  'Current labels with asides that never close, and old values never quoted': 'the API token. Current (since 2024 '.repeat(MB / 36) + 'old value\n  Wq8T2nLk5Zr9Vb3Hx7Mc '.repeat(MB / 32),
  // Each credential noun reads one bounded value after it; each code-marked account before a slash a bounded clause.
  'credential nouns followed by values that never end, and code-marked accounts before slashes':
    'API token a1b2c3d4e5f6a7b8c9d0'.repeat(MB / 60) + 'log in with `a` / '.repeat(MB / 36) + 'the account for x'.repeat(MB / 34),
  // Each credential word in a comment reads its own line (bounded) once; each here-document a bounded body line.
  'credential words on one endless line with and without comment openers, and here-documents that never close':
    'x = "Tq7mRw2zKx"; // secret, '.repeat(MB / 60) + 'password token secret '.repeat(MB / 44) + 'cat > /tmp/creds <<EOF\n' + 'q8vzr2m4kx7t'.repeat(MB / 24) + '\ncat <<E > ~/token\n'.repeat(MB / 40),
  // Each auth= given a name reads a bounded stretch above it once, and a text looks up a bounded number of names.
  'password prompts read on every line, each followed by a blank line and no write': 'tn.read_until(b"Password: ")\n\n'.repeat(MB / 30) + 'expect "' + 'a'.repeat(MB) + '"\n',
  'auth= given names never defined, and one name defined on every line': 'f(auth=N'.repeat(MB / 80).split('').map((c, i) => (c === 'N' ? `N${i % 5000},` : c)).join('') + '\nP = ("u", x)\nf(auth=P)'.repeat(MB / 40),
  // Zero runs and Web Push keys are read by anchored, bounded patterns over one value: long values of either never finish a match.
  'key values of zeros and of one base64url run under VAPID names': 'api_key = "' + '0'.repeat(MB / 4) + '"\nvapidKey: \'B' + 'q'.repeat(MB / 4) + "'\nVAPID_KEY=B" + '0'.repeat(MB / 4) + '\n',
  // Each live_ reads a bounded id and tail; each mifare/sector or app_certificate name a bounded name and 12 or 32 hex.
  'stream keys, card sector keys and app certificates that never end':
    'rtmp://x/app/live_' + '9'.repeat(MB / 4) + ' live_12345678_' + 'aB3'.repeat(MB / 12) + ' mifare_sector_key_'.repeat(MB / 80) + 'app_certificate = "'.repeat(MB / 80) + 'sector key ' + 'A'.repeat(MB / 8),
  // Each value under a secret's name reads its own line's comment and the line above once.
  'secret names with public comments on every line, and comments that never end': 'API_TOKEN = "Qm7rTz2Kv9Lp4w" // public\n'.repeat(MB / 80) + 'KEY = "Qm7rTz2Kv9Lp4w" # ' + 'public '.repeat(MB / 14) + '\nPASS = "&lt;' + 'x'.repeat(MB / 8) + '&gt;"\n',
  // Each environment read of a credential's id reads a bounded name and one literal after it.
  "environment reads of ids repeated on one line, each followed by a literal that never closes":
    'f(os.Getenv("' + 'A_'.repeat(40) + 'TOKEN_ID"), "Qm7rTz2Kv9'.repeat(MB / 120) + 'process.env.APP_CLIENT_ID, `'.repeat(MB / 30),
  'net use with a variable share and a user, never a password': 'net use Z: %S% /user:D\\u '.repeat(MB / 24),
  // Each header lookup reads its own brackets and one literal after a comparison: a bounded stretch, never closed here.
  'header lookups opened and never closed, and compared with endless literals':
    'r.Header.Get(h '.repeat(MB / 15) + 'headers["x-token"] === "' + 'Qm7rTz2Kv9'.repeat(MB / 10),
  // Each `.header(` reads its own parentheses and one literal; each session header at most five joined literals.
  'Express header lookups compared with endless literals': 'req.header("Signature") !== "'.repeat(MB / 30) + 'Qm7rTz2Kv9'.repeat(MB / 10),
  'session headers given literals joined without end': 'Add("X-Api-Session", ' + '"Qm7rTz2Kv9" + '.repeat(MB / 15),
  // A password holding `/` is read as base64 only up to its bounded length, then needs an `@` and a host.
  'URL userinfo whose password runs on in base64 with slashes, never given an `@`': 'redis://u:Ab1/'.repeat(MB / 14),
  // Each client call reads at most four bounded arguments after it and none again.
  'SSH client calls opened with arguments and never closed': 'new SftpClient("h", 22, "u", '.repeat(MB / 30),
  // Each login port reads back over one host literal to its call and on over two literals: bounded, whether they close or not.
  'login ports after host literals, repeated on one line, and ports with no host':
    'f("a.b", 22, "u", "Tq4.mWz8Rk2", "'.repeat(MB / 34) + ' 22, 22, 22,'.repeat(MB / 12) + '\nf("a.b", 22,\n'.repeat(MB / 14) + '", 22,'.repeat(MB / 6),
  // Each "current one" over a line break reads one bounded aside, never the next lines.
  'a login rotated, then "current one" and a bracket on every line': 'the login was rotated. the current one\n('.repeat(MB / 42),
  // Each `composer config` reads its own command, a bounded stretch, for an auth setting that never comes.
  'composer config commands repeated on one line, never an auth setting': 'composer config a '.repeat(MB / 18),
  // Each indented `…_key:` looks up a bounded number of lines for its parent; each indented `chpasswd:` reads a bounded block.
  // Each login label reads one bounded pair after it: a user, a slash and a run to the next blank, bold closed or not.
  'login labels before bold pairs that never close, on one endless line': 'the login is **u / Tq7#vRm2*'.repeat(MB / 28) + 'credentials: **'.repeat(MB / 15),
  // Each template literal ending in a name and `=` reads its `+` and one literal: bounded, whether a literal comes or not.
  'templates ending in token= joined to nothing, repeated': '`${b}?token=` + `${b}?token=` + '.repeat(MB / 32),
  'indented YAML key names under ever deeper lines, and indented chpasswd modules': '  sort_key: x\n   '.repeat(MB / 32) + '  chpasswd:\n'.repeat(MB / 24),
  // Each HSM block reads at most a bounded number of its lines, and a block read is not read again from inside it.
  'HSM blocks nested one in another, each line a PIN entry': '  hsm:\n   pin: 40718352\n    p11:\n'.repeat(MB / 32),
  // Each HSM element's tag is read to its `>` or a bounded reach, never to the text's end, and its line's start is
  // looked for no further back than the 80 characters a block's name may be indented (a megabyte took ~25 s before).
  // A Data Protection key element's close is searched once for all the openings before it, and a heredoc opener's
  // line ends no further than 200 characters each way (each was a search to the text's end per keyword: ~20 s a MB).
  // Each looks back from its keyword only as far as its check allows (an indent, a label's place on its line, a
  // declaration's start): a search to the line's start per keyword was quadratic on one long line.
  'chpasswd named again and again on one endless line': 'chpasswd '.repeat(MB / 9),
  'ASP.NET key-ring master keys opened and never closed, on one line': '<masterKey '.repeat(MB / 11),
  'netrc named again and again on one endless line': 'cat > ~/.netrc '.repeat(MB / 15),
  'HSM elements opened and never closed, on one line': '<hsm slot="1" pinx="7048" '.repeat(MB / 26),
  'API key ids stated with a secret that never comes': 'API key SK7d1e0c9b2a3f48e6 / secret '.repeat(MB / 36),
  'token paragraphs whose colon ends the line before an unclosed code span': 'token:\n`' .concat('a'.repeat(90), '\n').repeat(MB / 100),
  'an HSM block of endless PIN entries, and one endless line under another': 'hsm:\n' + '  pin: 40718352\n'.repeat(MB / 32) + 'luna:\n  ' + 'pin'.repeat(MB / 6),
  // A keystore's path before each literal, as any call's first argument: the path is read on the literal's own line only.
  'keystore paths handed to unknown calls, char-array literals after each': 'new L("/k/a.p12", "b".toCharArray(), ('.repeat(MB / 40),
  'keystore setters opened with a path and never given a literal': 'c.setKeystore("/a.jks", x'.repeat(MB / 26) + '"Kq7!vTz2Lm".toCharArray()',
  // Each new reading starts at its keyword and reads a bounded run: keywords run together never reach a value.
  'primary keys with base64 values one short': '"primaryKey": "'.repeat(MB / 32) + 'A'.repeat(42) + '=',
  'using token repeated': 'using token '.repeat(MB / 12),
  'Twitch clients never closed': 'NewTwitchClient("' + 'a'.repeat(29) + '", '.repeat(MB / 40),
  'settings whose default opens another setting': 'a:\n  default:\n'.repeat(MB / 16),
  // Each New Relic entry reads a bounded stretch for its license; each login word reads one code span, never closed here.
  'New Relic entries opened and never given a license, and logins whose code span never closes':
    "'newrelic' => ['app' => 'a', ".repeat(MB / 30) + 'creds `admin / Tq7#mVz2!kLw9 '.repeat(MB / 30),
  // Each key id after a code span and a slash reads one literal after it: a bounded stretch.
  'AWS key ids in code spans joined by slashes, never a secret': '`AKIAZ7VRSQ5TKQLMWP3B` / `'.repeat(MB / 26),
  // Each arrow reads its literal body first, then a bounded stretch of its line back for a getter's head.
  'arrow getters on one endless line, their literal never closed': 'string ApiKey() => "Kq7vTz2Lm '.repeat(MB / 30),
  // Each temporary key id reads at most two bounded literals after it.
  'temporary AWS key ids and secrets repeated, the token never closed': "'ASIAR5TQ2MZ8KXW4LPN7', 'Lq8Zx1Rv6Tn4Kc9Hm2Jd7Fs5Gb0Ya3Ue8Oi4Pw3T', '".repeat(MB / 70),
  // Each share path reads its address once; each JDBC URL one bounded user and literal.
  // Each decoded literal reads its own line and a bounded stretch back for its type's brace, opened or not.
  'base64 members decoded in braces nested ever deeper, and decoders never given a literal':
    '{ static readonly byte[] A = Convert.FromBase64String("Tn4wQ8zKp2Lr7Xv1Bc9Md3Fh6Js0Gy5U");\n'.repeat(MB / 90) + 'Convert.FromBase64String("'.repeat(MB / 26),
  // Each bind DN reads back a bounded stretch for its call's `(` and on over one bounded literal.
  'bind DNs given to calls, repeated on one line, the password never closed': 'bind(a, "cn=a,dc=b", "Kq7vTz2Lm '.repeat(MB / 32) + '"cn=a,ou=b",'.repeat(MB / 12),
  'share paths and JDBC URLs repeated on one line': 'smbclient //10.1.2.3/s f("jdbc:h2:mem:x", "sa", '.repeat(MB / 48),
  // Each `SEC` header reads a bounded value after it, and a bounded stretch around for QRadar's name.
  'QRadar SEC headers repeated on one line, never given a UUID': 'qradar "SEC": SEC=sec: '.repeat(MB / 23),
  // Each login's `for` reads a bounded stretch, over one line break, for its `is`.
  'logins for something, over line breaks, never given an is': 'login for\n  # the branch '.repeat(MB / 25),
  'squid cache_peer lines repeated on one line, never given a login': 'cache_peer 10.0.0.1 parent 3128 0 no-query '.repeat(MB / 42),
  'user maps opened with template braces in quotes and never closed': '"users": { "a": "{{ x }}", '.repeat(MB / 28),
  'header lines in literals repeated with no value': "['Access-Token: ', ".repeat(MB / 18),
  // Each `wg pubkey` reads back a bounded stretch of its line for the command piped into it; each key option one sticky match.
  'wg commands and key options repeated on one line, never given a key': 'echo x | wg pubkey private-key <(echo '.repeat(MB / 38),
  // Each Logz.io name reads a bounded window around it, every character of the text at most once.
  'Logz.io names and token fields repeated on one line, never given a value': 'logz <token>'.repeat(MB / 12),
  // Each iCal address joins a bounded number of bounded literals after it.
  'iCal addresses joined from literals repeated on one line': '"calendar/ical/a/private-" + "'.repeat(MB / 30),
  // Each getter's return lines are read one at a time, each bounded.
  'key getters falling back after an environment lookup on one endless line': 'String signingKey() { getenv("K"); return a ? b : "Kq7 vTz"; } '.repeat(MB / 64),
  // Each `` / `` between double-backtick literals reads one bounded literal after it and a bounded stretch before it.
  'double-backtick logins repeated on one line, the password never closed': '``ops`` / ``Tq7#mVz2!kLw9 '.repeat(MB / 26),
  // A code-marked account opening its line reads back one line above it, to its last sentence's end, within the 140 before the slash.
  'code-marked accounts opening every line under a clause about a login, never a password': 'The SQL login we used for the\n`histrepl` / Pump$tat '.repeat(MB / 50),
  // Each login reads a bounded clause to its `is` and one line break before the pair.
  'login clauses ending in is on every line, a pair never made': 'the login we gave them is\nops / Read-Only-Mode '.repeat(MB / 48),
  // Each Basic scheme given as an argument reads its bounded expression and the bounded stretch above for a variable's assignment.
  // Each qualified password reads a bounded aside, a bounded clause to its `to` (one line break) or a period's words, and one value.
  'password asides and changes told in the passive, never given a value, on one line': 'password (a) is password was reset by b c d on '.repeat(MB / 47),
  'changes told in the passive wrapped on every line, never reaching to': 'the password was reset by\n'.repeat(MB / 26),
  'rotating passphrases whose words run into the next, on one line': 'passphrase this quarter: amber tiger violin 42 '.repeat(MB / 47),
  'pw for clauses that never say is, on one line': 'pw for the kiosk TV '.repeat(MB / 20),
  // Each user, account or admin reads one bounded name, a comma and one line break, or blanks, before its password word.
  'accounts named before a comma and a line break, never given a password': 'account is LVH\\svc,\n '.repeat(MB / 20),
  // Each chat's new one reads its line and the 300 characters above it, back to a blank line, once.
  'new ones after a changed account, each value running into the next': 'anyone changed the account?\n' + 'new one, Eppendorf_Tide_63 '.repeat(MB / 27),
  'old pws with commas and no it, on one line': 'the old pw, '.repeat(MB / 12),
  'new ones on every line under a login that changed, never a value': 'the login was reset\n' + 'new one is\n'.repeat(MB / 11),
  'Basic schemes as arguments over variables never assigned, on one line': 'AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw)); '.repeat(MB / 66),
  // Each wrapped aside or account reads one line break and a bounded stretch, never given a code span.
  'names wrapped before an aside or after is, never given a code span': 'password for `ops` is\n key\n(as of March) is\n'.repeat(MB / 46),
  // A value's comment is read once, within its line's reach, when the value is about to be reported.
  'public-by-design comments beside provider keys, repeated': 'mixpanelApiSecret = "9c4e1b7a20d58f36e1d2c47a9b03f8e5"; // not client-side by design, safe to share not\n'.repeat(MB / 100),
  // Each host under a mount's root reads a bounded stretch before it.
  'mount points named for hosts repeated on one line': ' /mnt/nas.acme.lan/x'.repeat(MB / 20),
  // Each ingest URL reads one bounded host and key after its scheme.
  'RTMP ingest URLs repeated on one line, each key too short': 'rtmp://h.example/live/Kq7vTz2LmW9x '.repeat(MB / 35),
  // Each comment's end reads back a bounded stretch for its opening and the literal it names.
  'literal arguments named by block comments, repeated on one line': 'x("Kq7vTz2LmW9xRp4N" /* api key */, /*password=*/ "'.repeat(MB / 50),
  // Each vendor's scheme reads one bounded credential after it.
  'Authorization headers with a vendor scheme repeated on one line, never given a credential': 'Authorization: ODFHIR '.repeat(MB / 22),
  // Each user map given as JSON text is read within its bounded reach, never closed here.
  'user maps given as JSON text, opened and never closed': 'USERS: \'{"a": "b", '.repeat(MB / 20),
  // Each `x_key =` at a line's start looks back a bounded number of bounded lines for its section's header.
  'INI keys on every line under no section, and section headers that never close': 'site_key = q\n'.repeat(MB / 26) + '[civicrm\nsite_key = q\n'.repeat(MB / 40),
  // Each tuple item named for a password reads a bounded method name, parameters and one pair of literals.
  'tuple types naming a password, never followed by a method or a pair': '(string user, string password) F('.repeat(MB / 68) + '(string u, string password) F() => ("a", "'.repeat(MB / 88),
  // Each credential URL reads back a digest's reach for a checksum fragment, and its host's `[` a bracketed address's
  // reach for the `]`: a search to the text's start or end at each was quadratic (2.3 s and 110 ms at 512 KB).
  'credential URLs with no fragment, repeated on one line': 'postgres://app:Tq8vRzW2kLm7@db.x/ '.repeat(MB / 34),
  'credential URLs whose host opens a bracket never closed, repeated': 'https://u:Tq8vRzW2kLm7@[ '.repeat(MB / 25) + 'https://u:p@[ '.repeat(MB / 14),
  // Each `__init__` looks back for its class statement within its look-back only, here with no class anywhere.
  // Each name under an internal suffix reads a bounded stretch after it for an e-mail's `@` and the domain beyond.
  'quoted names under .local before an @ with no domain, repeated on one line': '"x.local"@'.repeat(MB / 10) + 'a.LOCAL '.repeat(MB / 8),
  // Each value judged counts its escapes and entities once, and a key's value is at most a bounded length.
  'escapes and entities under a key name, repeated': 'key = "' + '\\xe5&lt;'.repeat(MB / 8) + '"\npwd = \'' + '1a2b3c4d-'.repeat(MB / 9),
  // Each nonce reads a bounded stretch before it for an authentication scheme's parameters.
  'nonces after a Digest challenge, repeated on one line': 'Digest realm="r", ' + 'nonce="Kq8zW3mLpQ7vTx2R", '.repeat(MB / 26),
  // A password's trailing Enter escapes are taken off once per judgement, and a value is of bounded length.
  'passwords of endless newline escapes, and colon labels, repeated': "password = '" + 'a\\\\n'.repeat(MB / 8) + "'\nsalt = \"" + 'ab:CD:'.repeat(MB / 12),
  'Python __init__ with a password parameter on every line, no class above': 'def __init__(self, password):\n'.repeat(MB / 31),
  // Each layout pattern looks back for its appender within 3,000 characters, here outside any appender.
  'logback layout patterns holding a key, outside any appender': '<pattern>8f3a2c7e9b1d4f6a0c5e7b9d2f4a6c8e '.repeat(MB / 42),
  // Each `this(` looks back for its class statement, and each local's name for its binding, within their look-backs only:
  // here no class and no binding anywhere (a search back to the text's start at each was 48 s and 42 s at 2 MB).
  'constructor delegations with a literal, repeated with no class above': 'this("Kq7vTz2Lm9xW4pR8") '.repeat(MB / 25),
  'key specs given names bound nowhere, each name its own': Array.from({ length: MB / 32 }, (_, i) => `new SecretKeySpec(k${i.toString(36)}q, "AES"); `).join(''),
  // Each OpenVPN header looks for its footer within a block's reach (a search to the text's end at each: 20 s at 2 MB).
  'OpenVPN static key headers that no footer follows, one per line': '-----BEGIN OpenVPN Static key V1-----\n'.repeat(MB / 38),
  // Each credential URL ending in `)` looks for a `(` in its own run once, not back to the text's start (41 s at 2 MB).
  'credential URLs closed by a parenthesis, repeated on one line': 'https://u:Tq8vRzW2kLm7@a.b/c) '.repeat(MB / 30),
  // Each of these looked for its line's end from every keyword or match of one long line: now the matches of a line share
  // one search (a remembered line break), or each reads only the stretch its check uses.
  'YAML block indicators under secret names, repeated on one line': 'password: | '.repeat(MB / 12) + '\n' + ' '.repeat(MB / 4),
  'password prompts waited for, repeated on one line': 'child.expect("Password:") '.repeat(MB / 26),
  'pgbouncer userlist mentions repeated on one line': 'userlist.txt '.repeat(MB / 13),
  'Mailgun names repeated on one line': 'mailgun '.repeat(MB / 8),
  'Basic schemes joined to nothing, repeated on one line': '"Basic " + '.repeat(MB / 11),
  'lists of keys opened by a comment running to the line\'s end, repeated': 'api_keys = [ # '.repeat(MB / 15),
  'nginx maps of secret headers opened by a comment running to the line\'s end, repeated': 'map $http_x_api_token $t { # '.repeat(MB / 29),
  // An Adyen key's tail may hold `<` and `>` between its characters: each is one bounded step, never past the tail's 40.
  'Adyen key joints followed by angle brackets, repeated on one line': ('AQE' + 'Qm7tR2vLx9Kp'.repeat(5) + '==-' + 'Wz8Lm4Rt7Qx2Kv9Np3Hc6Jd1Bf5Gy0Ts8Ue4Ai7' + '=-a<b>'.repeat(30) + ' ').repeat(MB / 300),
  // Each TeamViewer assignment id reads a bounded run after its prefix, here prefixes joined into one endless run.
  'TeamViewer assignment id prefixes repeated on one line': '0001Co'.repeat(MB / 6),
  // Each bare account before a slash looks back a bounded reach for its name beside a word for a login.
  'bare accounts named over and over before spaced slashes, repeated on one line': 'abc abc abc / '.repeat(MB / 14),
  // Each password tries one bounded qualifier and bracket after it, here never closed or never followed by a verb.
  'passwords with a qualifier before a bracket never closed, repeated on one line': 'password for a b (Ab1cdef '.repeat(MB / 26) + 'password (Ab1cdef) '.repeat(MB / 19),
  // Each header named for an API (`-api`) is tried once, sticky, over a bounded value.
  'headers named for an API opened and never given a value, repeated on one line': '"x-a-api": "'.repeat(MB / 12),
  '-api repeated': '-api'.repeat(MB / 4),
  // A curl user kept in a variable: the quoted password's closing quote is looked for within its reach, not to the text's end.
  'curl users kept in variables with a quoted password never closed, repeated on one line': 'curl -u "$A:Tq8vRzW2kLm7 '.repeat(MB / 26),
  // Each block's closing brace or element is looked for within its window only, here never closed.
  'PagerDuty maps opened and never closed, repeated on one line': 'pagerduty = {'.repeat(MB / 13),
  'Steam ConnectCache blocks opened and never closed': '"ConnectCache" {'.repeat(MB / 16),
  'Consul ACL token blocks opened and never closed': 'acl { tokens { '.repeat(MB / 15),
  'RSA key XML openings never closed': '<RSAKeyValue>'.repeat(MB / 13),
  // Each PuTTY key's Private-Lines header reads its lines once: a header among them is not read again with its own.
  'PuTTY Private-Lines headers on every line': 'PuTTY-User-Key-File-2: ssh-rsa\n' + 'Private-Lines: 999\n'.repeat(MB / 19),
  // Each FedEx name reads the few lines after its line's start once: a stretch read for one name is not read again for
  // the next, and a key is read at most its length past the stretch.
  'FedEx names repeated on one line, never given a key': 'fedex '.repeat(MB / 6),
  'FedEx names and key prefixes repeated on one line, the hex too short': 'FEDEX_KEY=l7ab12cd34 '.repeat(MB / 21),
  'FedEx names before a half megabyte of hex after a key prefix': 'fedex '.repeat(MB / 12) + 'l7' + 'a1'.repeat(MB / 4),
  // Each digest a rule reports reads 16 characters before it and at most 300 after it for a checksum line's file.
  'digests under key names, a file name never ending after two spaces': `api_key = ${'5c1e9a7f03b84d26'.repeat(4)}  ${'a'.repeat(MB)}`,
  'digests under key names followed by two spaces and a file, repeated on one line': `API_KEY="${'5c1e9a7f03b84d26'.repeat(4)}  ./a.tgz" `.repeat(MB / 84),
  // Each `for` before a code span reads one bounded clause to its colon.
  'names for a code span, never given a colon, repeated on one line': 'API token for the `ops` user '.repeat(MB / 29),
  'names for code spans opened and never closed, repeated on one line': 'token for `ops '.repeat(MB / 15),
  // Each host under a protocol's folder at the root reads a bounded stretch before it.
  "mount points under a protocol's folder named for hosts, repeated on one line": ' /nfs/nas.acme.lan/x'.repeat(MB / 20),
  // Each zone written with its leading dot, and each host before a parenthesis, reads one character before and a bounded stretch after.
  // A clause on a password's noun is read lazily to its first comma or is/was, within its bound.
  'password nouns followed by clauses that never reach is, was or a comma, on one line': 'the password we used for the old kiosk '.repeat(MB / 39),
  'password clauses set off by commas with values that never close them': 'password used for it, Kq8-zW3mL '.repeat(MB / 32),
  // Each quoted phrase after `password is` is bounded and must close on its line.
  'passwords given quoted phrases that never close': 'the password is "Amber Heron Kettle '.repeat(MB / 36),
  // Each answer's `it's` reads its line back a bounded stretch and the lines before it within a bounded reach.
  "answers with it's and a made value, a question about a password before each": "the password? it's Kq8!zW3mLp ".repeat(MB / 30),
  "it's repeated with no value after it": "it's ".repeat(MB / 5),
  // Each spaced slash reads back a bounded stretch for a clause of logging in that gives the account after with/as.
  'log in clauses with addresses before spaced slashes that never hold a password': 'log in at 10.0.0.1 with ops / '.repeat(MB / 30),
  // Each question about a password reads a bounded number of bounded lines after it for a bare answer, once.
  'questions about a password on one line, and each before chat lines that never answer bare':
    "what's the password again? ".repeat(MB / 54) + ('[09:02] a: what\'s the password again?\n' + '[09:03] b: "text": "' + 'Kq8!zW3m '.repeat(30) + '\n').repeat(MB / 640),
  // Each bare password word after a comma, a bracket or a dash reads a bounded stretch back for a login named by its form.
  'bare password words after long runs of address, domain-account and code-mark characters, repeated on one line':
    ('a.b+c-'.repeat(22) + ', password Kq8!zW3mLp ').repeat(MB / 310) + ('A\\b\\c'.repeat(28) + ' (password Kq8!zW3mLp ').repeat(MB / 324) + ('`a`'.repeat(45) + ' — password Kq8!zW3mLp ').repeat(MB / 320),
  // A blank line between copied messages is passed over only before a header line, within the answer's bounded lines.
  'a password question, then a megabyte of header lines and blank lines': "what's the password again?\n" + '\n[9:07 AM] Tom Becker\n'.repeat(MB / 21),
  'password questions each before a header line whose message is a lead that never ends': ("what's the pw?\n\n[9:07 AM] Tom\nsame as " + 'a'.repeat(200) + '\n').repeat(MB / 230),
  'JSON message keys repeated on one line after a login question': 'it\'s asking for a login\n' + '"text": "'.repeat(MB / 9),
  // A bare answer's JSON members after its string are read within a bounded stretch of their line.
  'login questions each before an answer whose JSON members run on and never end their line':
    ('"text": "what\'s the login again?"}\n' + '{"text": "ops / Kq8!zW3mLp", "ts": "' + '1'.repeat(300) + ' "a": "'.repeat(40) + '\n').repeat(MB / 640),
  // Each line break under a provider's name reads its line back a bounded stretch to tell JSON scaffolding from text.
  "a provider's name, then a megabyte of JSON scaffolding lines": 'okta\n' + '    "ts": "1745298388.940642",\n    },\n    {\n'.repeat(MB / 42),
  "providers' names each on a long line that never breaks": ('okta ' + '{'.repeat(400) + '\n').repeat(MB / 406),
  // Each backslash reads back a bounded Windows domain and forward one bounded account and value, on its own line's start.
  'a megabyte of backslashes': '\\'.repeat(MB),
  'Windows accounts at line starts with values that never end their line': ('.\\adm   Kq8!zW3m' + 'Ab1!'.repeat(30) + ' x\n').repeat(MB / 140),
  'domain-looking words each before a backslash, repeated on one line': 'CORPORATE\\'.repeat(MB / 10),
  // A `for …` clause after the password's word wraps once at most, within its bounded length.
  "password-for clauses that wrap on every line and never reach `is`": 'the password for\nthe\n'.repeat(MB / 21),
  // A comment after a provider's key-shaped value is read once, bounded, on the value's line.
  "provider's name, then key-shaped hex each before a long comment": ('algolia ' + 'c3e81f0a6d9b2457e1a0f8c6b3d5924e' + '  # admin ' + 'x'.repeat(154) + '\n').repeat(MB / 204),
  // Each unit noun and each VNC or BIOS label is tried once, sticky, over a bounded clause.
  'other units that still have code spans never closed, after a password': 'password: older ones still have `Kq8!zW3 '.repeat(MB / 41),
  'VNC labels with asides in brackets, never given a colon': '- VNC (view only '.repeat(MB / 17),
  'zones with a leading dot, and hosts before parenthesised addresses never closed, repeated on one line': ',.hpc.acme.lan'.repeat(MB / 14) + ' ctl.acme.lan(10.1.1.1'.repeat(MB / 22) + '.'.repeat(MB) + '.lan',
  // A zone after a variable reads a bounded stretch before its dot for the variable, once per zone.
  'zones after variables, and openers of variables never closed before one, repeated on one line': '${a}.b.acme.lan $a.b.acme.lan '.repeat(MB / 30) + '${'.repeat(MB / 2) + '{{ x }'.repeat(MB / 6) + '}.b.acme.lan',
};

// A hang guard, not a time limit: a quadratic rule on these megabytes runs for hours, so a generous timeout still
// catches it, while a test machine loaded by other work (a 2 MB input took 4 s quiet and 30 s loaded) does not fail.
// How fast the rules are is the benchmark's to say.
describe('hostile input', { timeout: 120_000 }, () => {
  const detector = createDetector({ internalDomains: ['acme.io'] });
  for (const [name, text] of Object.entries(hostile)) {
    it(`finishes on ${name} with sane findings`, () => {
      const findings = detector.detect(text, { file: 'hostile.txt' });
      let previousEnd = 0;
      for (const f of findings) {
        expect(f.start).toBeGreaterThanOrEqual(previousEnd);
        expect(f.end).toBeGreaterThan(f.start);
        expect(f.end).toBeLessThanOrEqual(text.length);
        previousEnd = f.end;
      }
    });
  }

  // Rules bound to a file's name by path run only there: their hostile input in such a file.
  const bound: [string, string, string][] = [
    // Each looks back from its keyword only as far as its check allows (a label's place on its line, a literal's
    // call, a map's declaration): a search to the line's start per keyword was quadratic on one long line.
    ['password labels repeated along one endless line of a note', 'notes.md', "rpcpassword: '".repeat(MB / 14)],
    ['Go byte-slice literals handed to calls, on one endless line', 'sign.go', 'sign([]byte("Kq7vTz2Lm9xW4pR8aB3c")) '.repeat(MB / 37)],
    ['Go string maps opened again and again on one line', 'hosts.go', 'x := map[string]string{ '.repeat(MB / 24)],
    // A style sheet's selectors under internal suffixes, and dotted module paths under `internal` in a package's own file.
    ['selectors under internal suffixes on one endless line', 'site.css', 'span.target.internal '.repeat(MB / 21)],
    ['module paths under internal repeated in their own package', 'pkg/internal/mod/data.py', '"pkg.internal.mod.data.Xy" '.repeat(MB / 27)],
    // Every lead-in's line end is looked for within its reach, not to the end of one long line.
    ['secret words on one long line, no colon at its end', 'notes.md', 'the password and the token '.repeat(MB / 27)],
    ['lead-ins naming passwords, each before a list item that never closes its code span', 'notes.md', 'Passwords:\n- admin `a`: `x\n'.repeat(MB / 28)],
    ['Composer user names repeated, no password after them', 'auth.json', '"username": "Kq8zW3mLp0Kq8zW3mLp0Kq8", '.repeat(MB / 38)],
    // Each bare password in program source reads its line back for an open string: a bounded stretch, however long the line.
    ['libpq passwords repeated inside one endless Go string', 'main.go', 'x := "' + 'user=a password=Kq8zW3mLpQ '.repeat(MB / 27)],
    // Each word for password reads its paragraph once, up to a bounded reach: not again for the next word inside it.
    ['passwords spoken of on one long line, code spans after colons never closed', 'notes.md', 'the password: `Rw5kYd2 '.repeat(MB / 23)],
    ['paragraphs of a password word and wrapped lines, repeated', 'notes.md', 'password\n  a: `b\n  c\n'.repeat(MB / 21)],
    // A change told in a paragraph reads at most its bounded clause before `from`/`to`, on one endless line.
    ['password changes told on one long line, never given a code span', 'notes.md', 'the password was rotated from to '.repeat(MB / 33)],
    // Each word for token reads its paragraph once, too; the look for a commit's or a hash's words stays within it.
    ['tokens spoken of on one long line, code spans after colons never closed', 'notes.md', 'the token: `4e1c0f7a93b25d86e0a1c3 '.repeat(MB / 35)],
    // Each key word looks for its line's colon within a bounded reach; the line's other words reuse what it found.
    ['key words on one long line, no line end in reach', 'notes.md', 'the new key and secret: '.repeat(MB / 24)],
    ['lines naming a key that end in a colon, the next line opening a code span never closed', 'notes.md', 'new key pasted:\n  `Lq4mZ8vR2_TxW9kPn3Hc7B '.repeat(MB / 40)],
    ["a Discord webhook URL's joins repeated, the token never coming", 'Hook.java', '"https://discord.com/api/webhooks/12" + "34" + '.repeat(MB / 48)],
    ["`sk_` prefix literals joined again and again, no key's body after them", 'Billing.php', "'sk_' . 'sk_' . ".repeat(MB / 16)],
    // A credentials map reads at most a bounded number of entries from each name, whatever follows.
    ['credential map calls opened again and again, entries never closed', 'Rooms.java', 'CREDENTIALS = Map.of("r", "x", '.repeat(MB / 31)],
    // A Go DSN's password runs to the last `@` before the protocol within a bounded reach, not to the end of a line of `@`.
    ['Go DSN users followed by a megabyte of @ and no protocol', 'db.go', 'a:' + '@'.repeat(MB) + 'tcp'],
    ['live-key prefixes opening map keys that never close', 'partners.ts', '{ "acme_live_Kq8zW3mLp0Rt5Vx": '.repeat(MB / 32)],
    ['printf templates followed by bare arguments and a literal, repeated on one line', 'log.py', 'log.info("a %s b %s", key, x, "Wq7vT2kzPn9m", '.repeat(MB / 48)],
    ["getters returning a String opened again and again, never closed", 'Keys.java', 'public String apiToken() { return "'.repeat(MB / 36)],
    // Each "previously" reads one bounded code span after it and a bounded stretch of its line before it.
    ['accounts and "previously" repeated on one long line, code spans never closed', 'notes.md', 'the account (`svc`, previously `Tq5!mWz8 '.repeat(MB / 40)],
    // A key file is read only when small: a long one is no single key.
    ['a key file of endless comment lines', 'files/munge.key', '# c\n'.repeat(MB / 4)],
    // A vault password file is one line: a longer file is left before any pattern reads it.
    ['a vault password file of a megabyte of spaces and one word', 'ansible/.vault_pass', ' '.repeat(MB) + 'Kq8zW3mLp0!'],
    // Each admin's or root's word reads a bounded clause after it for its verb or colon, once.
    ['root and an on-clause repeated on one line, never given a verb or a colon', 'notes.md', 'root on the ESXi hosts and '.repeat(MB / 27)],
    ['admins with asides that never close, repeated on one line', 'notes.md', 'the SSO admin (administrator@vsphere.local '.repeat(MB / 44)],
    // Each spaced slash reads at most 140 characters back for its account: domain accounts and admins in code marks too.
    ['domain accounts before spaced slashes, repeated on one line', 'notes.md', 'CORP\\svc_x / '.repeat(MB / 14)],
    ['admins in code marks before spaced slashes with no value, repeated', 'notes.md', '`root` / `'.repeat(MB / 10)],
    // Each `it was reset` reads a bounded clause after it and at most 200 characters of its paragraph before it.
    ['password and it was reset repeated on one line, never given to', 'notes.md', 'the password it was reset by ops '.repeat(MB / 33)],
    // Each bare `key` reads its own line back (300 characters) and at most 30 lines above it for a Wi-Fi heading.
    ['a Wi-Fi section of a megabyte of key labels with no value', 'notes.txt', 'Wi-Fi\n' + '  NET (till) key: \n'.repeat(MB / 20)],
    ['a megabyte of indented key labels under deeper and deeper lines, no heading', 'notes.txt', Array.from({ length: MB / 40 }, (_, i) => ' '.repeat(i % 30) + 'x key: ').join('\n')],
    // Each clause-opening `it's` reads 300 characters back for a login and a vault, once, after its value passed.
    ['a vault and a login, then a megabyte of clause-opening answers with made values', 'chat.log', 'the login was rotated, new one in the vault\n' + "ok, it's Fjord7-Lattice-pQm\n".repeat(MB / 28)],
    ['password and an active reset of it repeated on one line, never given to', 'notes.md', 'the password policy; I changed it on the box '.repeat(MB / 45)],
    ['password and an emergency copy label repeated on one line, never given a value', 'notes.md', 'password emergency copy: '.repeat(MB / 25)],
    // A password word after a comma reads at most 24 characters back.
    ['clauses opening with a password word after a comma, repeated on one line', 'notes.md', 'user is `x`, password '.repeat(MB / 22)],
    // Each call of a data type with a secret field reads its bounded arguments once; a text's calls are read up to a bound.
    ['calls of a data type with a password field, opened and never closed', 'Logins.kt', 'data class L(val u: String, val password: String)\n' + 'L("edi", "Tanker417!Q3" '.repeat(MB / 24)],
    // Each Db2 `connect to` is matched once, sticky and bounded, however many follow on one line without a password.
    ['Db2 connects repeated on one line, the password never given', 'load.sh', 'db2 connect to DB user u using '.repeat(MB / 31)],
    ['a key named before a parenthesised code span, repeated on one line and never closed', 'notes.md', 'the signing key (`Wv3_kRq8Zt#Lm2p '.repeat(MB / 32)],
    // Each enum named for keys reads at most 100 bounded constants; each URL variable one bounded pair of literals.
    ['enums named for keys opened again and again, constants never ending', 'Keys.java', 'enum ApiKeys { A("Kq8zW3mLp0Rt5Vx7Yb2N"), B '.repeat(MB / 44)],
    ['an enum named for keys with a megabyte of constants', 'Keys.java', 'enum ApiKeys {' + ' A("Kq8zW3mLp0Rt5Vx7Yb2N"),'.repeat(MB / 27)],
    ['URL variables opening calls, followed by users and no password, on one line', 'feed.py', 'Session(LOGIN_URL, "u", '.repeat(MB / 24)],
    ['URL variables opening calls, followed by unclosed key literals, on one line', 'feed.go', 'NewClient(feedURL, "Kq8zW3mLp0Rt5Vx7Yb2N '.repeat(MB / 40)],
    ['credential maps built by Map.of opened again and again, entries never closed', 'Creds.java', 'CREDENTIALS = Map.of("r", "x", '.repeat(MB / 32)],
    ['vendor-prefixed token literals opened again and again, never closed', 'Client.java', '"acme_pat_Kq8zW3mLp0Rt5Vx7Yb2NKq8zW3mLp0Rt5 '.repeat(MB / 44)],
    ['gh secret set repeated on one line, the body never given', 'ops.sh', 'gh secret set A --repo x/y '.repeat(MB / 28)],
    ['dotted quads joined again and again after user@ literals', 'deploy.js', '"u@" + "10.1.2.3" + '.repeat(MB / 20)],
    ['live-key prefixes joined to unclosed literals, repeated', 'a.js', '"x_live_" + "Kq8zW3mLp0Rt5Vx7Yb2N'.repeat(MB / 36)],
    ['key maps built by Map.of opened again and again, entries never closed', 'Keys.java', 'KEYS = Map.of("r", "x", '.repeat(MB / 24)],
    ['base64 decoders called again and again on one line, wrapped in calls, literals never closed', 'Keys.cs', 'apiKey = new String(GetString(Convert.FromBase64String("QUJD'.repeat(MB / 64)],
    ['atob with a long base64 literal after a long run of wrapper letters', 'keys.js', `token = ${'a.'.repeat(MB / 8)}atob("${'QUJD'.repeat(MB / 16)}")`],
    // Each hex decoder reads its literal (bounded) and its line back to the binding (bounded), once.
    ['hex decoders after a long run of wrapper letters and factory calls', 'keys.java', `key = ${'of().'.repeat(MB / 20)}parseHex("${'ab12'.repeat(MB / 16)}")`],
    ['hex decoders repeated on one line, each given a key-length literal', 'keys.php', `$k = hex2bin('${'9e4c1a7f'.repeat(8)}'); `.repeat(MB / 90)],
    // Each "it's `…`" looks back over at most a bounded stretch of its line for the noun.
    ["it's and a quoted value repeated on one line after a key's name", 'notes.md', `the master key ${"it's `Ab3dE6gH9jK2mN5pQ8sT` ".repeat(MB / 30)}`],
    ['the old one and an unclosed code mark repeated after a password', 'notes.md', `the password was rotated; ${'the old one `Qm7!tRz4 '.repeat(MB / 22)}`],
    // A bare "was `…`" looks back over a bounded stretch of its line for the noun, and the code mark must close right after.
    ['was and an unclosed code mark repeated on one line after a token\'s name', 'notes.md', `the relay token ${'was `Ab3dE6gH9jK2mN5pQ8sT '.repeat(MB / 26)}`],
    // Each `set to`, `until …:` and bracket reads a bounded stretch of its line back for the noun, once.
    ['set to and an unclosed code mark repeated on one line after a password', 'notes.md', `the admin password ${'is set to `Ab3#E6gH9jK2 '.repeat(MB / 26)}`],
    ['until clauses and brackets repeated on one line after a token, never closed', 'notes.md', `the token ${'until x: `Ab3dE6gH9jK2mN5pQ8sT (`Ab3dE6gH9 '.repeat(MB / 50)}`],
    // Each URL reads a bounded stretch to its bracket.
    ['URLs followed by brackets never closed, repeated on one line', 'notes.md', 'http://a.example/x (admin:Tq7!mRw2 '.repeat(MB / 36)],
    // A comment's password word reads a bounded stretch for its colon, once per word.
    ['a password comment repeated on one line, never given a colon', 'ssh/config', `# ${'old password auth still on '.repeat(MB / 28)}`],
    ['a password comment repeated, each line ending in a long bare value', 'ssh/config', '# password auth on: Ab3#'.concat('x'.repeat(90), '\n').repeat(MB / 115)],
    // Each comment naming credentials reads its own line and at most three after it; each map is read at most 1,500 characters on.
    ['comment lines naming credentials over map openers never closed', 'keys.go', '// partner credentials\nvar p = map[string]string{\n"a": "'.repeat(MB / 56)],
    ['comment lines naming keys, one after another', 'keys.py', '# keys\n'.repeat(MB / 7)],
    ['a comment naming tokens on one megabyte-long line', 'keys.py', `# relay tokens ${'tokens '.repeat(MB / 7)}`],
    // Each `.connect(` is matched once, sticky and bounded, however many follow on one line.
    ['socket connects with an address joined to many parts, never closed', 'obs.js', `obs.connect("ws://h" ${'+ "p" '.repeat(MB / 6)}`],
    ['socket connects repeated on one line', 'obs.js', 'x.connect("ws://h:1", ["Ab3dE6gH9jK2mN5p"'.repeat(MB / 40)],
    ['discord names repeated before a long three-segment run', 'bot.js', `${'discord_x = '.repeat(MB / 24)}${'a'.repeat(28)}.${'b'.repeat(6)}.${'c'.repeat(MB / 4)}`],
    // Each session-token marker reads one bounded literal and the one joined after it; each appid one bounded value.
    ['AWS session-token markers joined to unclosed literals, repeated', 'Creds.java', '"IQoJb3JpZ2luX2VjE" + "Wm7TqR2zXk9LpV4b'.repeat(MB / 40)],
    ['appid names repeated on one line after an OpenWeather URL', 'weather.ts', `"https://api.openweathermap.org" ${'appid: "4e9a2c7f '.repeat(MB / 18)}`],
    // Each PascalCase password directive looks at the lines right above and below it, within 300 characters.
    ['PascalCase password directives one per line, over a megabyte-long directive line', 'config.txt', 'BindUser x\n'.concat('BindPassword Wq4!Rz8Tn2Lp\n'.repeat(MB / 26), 'BindUser ', 'x'.repeat(MB))],
    ['a PascalCase password directive opening a megabyte-long line', 'config.txt', `BindUser x\nBindPassword ${'Wq4!Rz8Tn2Lp '.repeat(MB / 13)}`],
    ['target-typed new( of key types repeated, encoded literals never closed', 'Keys.cs', 'SymmetricSecurityKey K =\n new(Encoding.UTF8.GetBytes("Rq8vLz2KmX7pT4wN9c '.repeat(MB / 80)],
    // What a write key's check reads of the whole text (the loads of analytics.js, a front-end build's marks) is read once per text.
    ['Segment write keys on every line, never loaded', 'analytics.js', 'segmentWriteKey = "Tq8vRzW2kLm7Xp4Nc9Hd3Jf6Gs1Ya5Bw";\n'.repeat(MB / 52)],
    // Each decoded literal reads back a bounded stretch for its line's start, on one endless line.
    ['base64 decoders on one endless line', 'Keys.cs', 'x = Convert.FromBase64String("Tq8vRzW2kLm7Xp4Nc9Hd3Jf6"); '.repeat(MB / 60)],
    // Each struct head looks for its body's end within the field list's reach.
    ['Go struct heads whose bodies never close', 'main.go', 'type A struct {\n'.repeat(MB / 16)],
    ['Go constructors given a literal that never closes', 'main.go', 'NewNewNew("' + 'Kq8zW3mLpQ'.repeat(MB / 20) + 'x := NewAbc("'.repeat(MB / 26)],
    // Each profile tag looks for its map's brace just after it.
    ['EDN profile tags never given a map', 'config.edn', ':password #profile\n'.repeat(MB / 19)],
    // Each Postman apikey block reads a bounded stretch for its list's end.
    ['Postman apikey blocks opened and never closed', 'c.postman_collection.json', '"apikey": ['.repeat(MB / 11)],
    // Each monitoring plugin's name reads a bounded stretch of its line; names among the arguments read are skipped.
    ['Nagios plugins with password flags on one endless line', 'commands.cfg', '$USER1$/check_pgsql -p "Tq8vRzW2!kLm7 -a '.repeat(MB / 40)],
    ['coturn user lines never ending, after its realm', 'turnserver.conf', 'realm=x\n' + '\nuser=a:Tq8vRzW2!kLm7'.repeat(MB / 40) + 'x'.repeat(200)],
    ['code spans named in parentheses over and over', 'notes.md', '`Tq8vRzW2kLm7Xp4` (a b c token) '.repeat(MB / 40)],
    // Each secure_link directive reads its expression to the `;` on its line, at most 400 characters.
    ['secure_link_md5 expressions opened and never closed, on one line', 'nginx.conf', 'secure_link_md5 "$uri Rq7vK2mX9pLw4Zt8 '.repeat(MB / 38)],
    ['secure_link_secret with one endless word', 'nginx.conf', `secure_link_secret ${'Rq7vK2mX9pLw4Zt8'.repeat(MB / 16)}`],
    // Each FtpClient( reads three or four bounded arguments.
    ['FtpClient calls opened and never closed, on one line', 'Bridge.cs', 'new FtpClient("h", "u", "Rq7vK2mX9pLw4Zt8 '.repeat(MB / 40)],
    ['FtpClient calls with bare arguments, on one line', 'Bridge.cs', 'FtpClient(a, b, c, '.repeat(MB / 19)],
    // A password's paragraph is read once, bounded; `back to` reads one code span after it.
    ['a password set back to an unclosed code span, repeated on one line', 'notes.md', `the password ${'back to `Ab3#E6gH9jK2 '.repeat(MB / 24)}`],
    // The hosts a text names without credentials are gathered once per text, each host read within its reach.
    ['credential URLs whose host is also named in the clear, repeated', 'base.conf', 'ntrip://u:Pw9xQ2zLk@h.example.org:2101/M ntrip://h.example.org:2101/P '.repeat(MB / 72)],
    ['a credential URL before a megabyte of scheme separators', 'base.conf', `ntrip://u:Pw9xQ2zLk@h.example.org:2101/M ${'a://'.repeat(MB / 4)}`],
    ['keys whose comments say not the token, repeated', 'payout.rb', 'WISE_API_TOKEN = "Tq8vRzW2kLm7Xp4N" # not the not the token\n'.repeat(MB / 60)],
    // Each paragraph word reads its paragraph's lines within its reach only, not to the end of a long line.
    ['token and password words along one endless line of a note', 'notes.md', 'token password '.repeat(MB / 15)],
    // Each SESSION name in a dotenv file is matched once, sticky, over a bounded value, and reads its name back 80 characters at most.
    ['session names with no value after them, repeated on one line of a dotenv file', '.env', 'A_SESSION='.repeat(MB / 10)],
    ['session values quoted and never closed, repeated on one line of a dotenv file', '.env', 'X_SESSION="Tq8vRzW2kLm7Xp4Nc9Hd3Jf6Gs1 '.repeat(MB / 38)],
    ['a megabyte of session in a dotenv file', '.env', 'session'.repeat(MB / 7)],
    // Each bare "is …" reads back a bounded stretch over at most two wrapped lines for its noun, once.
    ['a key named, then is and a generated value repeated on one line', 'notes.md', `the signing key ${'is 6BFC0C1964488C3DAA6DE9A32C6F9083 '.repeat(MB / 36)}`],
    ['is at the end of every wrapped line under a key, values never given', 'notes.md', `the key\n${'  made on 2025-01-14 is\n'.repeat(MB / 24)}`],
    ['a key followed by a megabyte of is', 'notes.md', `the token ${' is'.repeat(MB / 3)}`],
    // Each stretch after a provider's words is searched once for the bare key, however often the words recur.
    ['PAT and base32 runs one short of a key, repeated on one line', 'chat.txt', `PAT ${'abcdefgh234567'.repeat(4).slice(0, 51)} `.repeat(MB / 56)],
    ['PlayFab before a megabyte of capitals and digits', 'chat.txt', `PlayFab secret: ${'K7Q2ZR9WMX4TB8NL3VHC6YP1DJ5GF0SA'.repeat(MB / 32)}`],
    ['devops and paths repeated, never given a token', 'notes.md', 'devops path pattern PAT '.repeat(MB / 24)],
    // A verb before a name reads back a bounded look-behind at each `to`; an adverb after `is` is one bounded word.
    ['setter verbs before secret names, never given to, repeated on one line', 'notes.md', 'set DB_PASSWORD back '.repeat(MB / 21) + 'set DB_PASSWORD back to '.repeat(MB / 24)],
    ['passwords that are just nothing, repeated on one line', 'notes.md', 'the password is just '.repeat(MB / 21)],
    // Each spaced slash reads back its bounded reach for a login's label and an admin account.
    ['logins of admin accounts with no password, repeated on one line', 'chat.json', 'login admin / '.repeat(MB / 14) + 'login root / sp3ctro '.repeat(MB / 21)],
    // DokuWiki's monospace marks are read as one bounded literal each, never closed or closed by a third quote.
    ['DokuWiki monospace opened and never closed after password, on one line', 'pages/wiki.txt', "password ''Tq8vRzW2!kLm7 ".repeat(MB / 24)],
    ['DokuWiki logins whose password closes with a third quote, repeated', 'pages/wiki.txt', "Login ''ops'' / ''Tq8v!kLm7''' ".repeat(MB / 30)],
    ['a megabyte of single quotes in a wiki page', 'pages/wiki.txt', "'".repeat(MB)],
    // Each admin PIN reads a bounded clause for what it is for, and four to eight digits.
    ['admin PINs for things that never say is, on one line', 'pages/wiki.txt', 'Admin PIN for the tills '.repeat(MB / 24)],
    ['admin PINs given digits that run on, repeated', 'notes.md', 'master PIN 481700000 '.repeat(MB / 21)],
    ['manager override PINs for things that never say is, on one line', 'pages/wiki.txt', 'manager override PIN for the tills '.repeat(MB / 35)],
    // Each owner's PIN reads the same bounded clause; bold and code marks are one optional mark either side of the digits.
    ['service PINs given in bold that never closes, repeated on one line', 'runbook.md', 'the service PIN: **'.repeat(MB / 19) + 'bridge pin is still '.repeat(MB / 20)],
    ['conference bridge PINs with digits that run on and a hash, repeated', 'runbook.md', 'conference bridge PIN 830471999# '.repeat(MB / 33)],
    // A Markdown table's header is judged once; each row's cell under a keypad or login column is one anchored test.
    ['a Markdown table of keypad and login columns over a megabyte of rows', 'wiki/sites.md', '| site | door keypad | login |\n|---|---|---|\n' + '| Leeds | 7193# | PIN 556021 |\n'.repeat(MB / 30)],
    ['a Markdown keypad column of one endless cell', 'wiki/sites.md', '| door keypad |\n|---|\n| ' + 'PIN '.repeat(MB / 4) + '|\n'],
    // A chat's answers look for the code they answer in one search of the text, then a bounded binary search each.
    ['a named door code, then a megabyte of answers', 'chat.txt', 'the door code?\n' + "it's 58213\n".repeat(MB / 11)],
    ['answers and named codes interleaved on one line', 'chat.txt', "laptop pin it's 58213 ".repeat(MB / 22)],
    ['a megabyte of answers that never give digits', 'chat.txt', "which is still it's ".repeat(MB / 20)],
    // A CSV's PIN and keypad code columns are named once, in its header; each row's cells are judged once.
    ['a keypad code column over a megabyte of digit rows', 'exports/visits.csv', 'site,machine_room_code,door_pin\n' + 'Leeds,583920,4471\n'.repeat(MB / 18)],
    ['a megabyte-long header of keypad code columns', 'exports/visits.csv', 'door_code,'.repeat(MB / 10) + '\n' + '4471,'.repeat(MB / 5)],
    // A quoted CSV field is read to its closing quote: each row's quotes are passed over once, closed or not.
    ['a CSV password column over rows whose quotes never close', 'exports/users.csv', 'id,password\n' + '1,"Kq7,Lm2p-Wx\n'.repeat(MB / 15)],
    ['CSV rows of doubled quotes and separators', 'exports/users.csv', 'id,password\n' + `${'"""",'.repeat(790)}\n`.repeat(MB / 3951)],
    // A Wi-Fi key's period reads one bounded value after its colon.
    ['Wi-Fi keys for a period never given a value, on one line', 'runbook.md', 'WPA2 key this season: '.repeat(MB / 22) + 'psk '.repeat(MB / 4)],
    // An account set to a value reads a bounded qualifier, the account and one bounded value.
    ['admins reset to nothing, repeated on one line', 'chat.txt', "reset the kiosk's local admin to ".repeat(MB / 33)],
    ['admins reset to values with no symbol, repeated on one line', 'chat.txt', 'reset root to Verleih2025 '.repeat(MB / 26)],
    // An application's admin account before a slash is read back within the slash's bounded reach.
    ['long application admin names before slashes, no password', 'chat.json', `${'a_b'.repeat(MB / 6)}_admin / `.repeat(2) + 'x_admin / '.repeat(MB / 10)],
    // A password for an account whose clause holds possessives reads a bounded clause to its is.
    ["passwords for possessive accounts never given is, on one line", 'chat.txt', "password for the scanner's admin's ".repeat(MB / 35)],
    // A kdb+ handle is one bounded sticky read at each backtick-colon or hopen: a host, a port, a user and a password.
    ['kdb+ handles with no password, repeated on one line', 'tick/rdb.q', 'h:hopen `:tp.corp:5010:svc:'.repeat(MB / 27)],
    ['kdb+ handle strings never closed, repeated on one line', 'tick/rdb.q', 'hopen `$":tp:5010:svc:Tq8v-RzW2k'.repeat(MB / 32)],
    ['a megabyte of backtick-colons', 'tick/rdb.q', '`:'.repeat(MB / 2)],
    // An access key id's name reads one bounded value of twenty after its operator.
    ['access key ids of 21 mixed-case characters, repeated on one line', 'session.cfg', 'AccessKeyId=RhQXfLeEp72WtXcYK1sgQ '.repeat(MB / 34)],
    ['access key id names with no value, repeated', 'session.cfg', 'CmeAccessKeyId='.repeat(MB / 15)],
    ['a kdb+ handle before a megabyte of host characters', 'tick/rdb.q', `hopen \`:${'a'.repeat(MB)}`],
    // A CSV's SNMP community column is judged once, in its header.
    ['a CSV header of a megabyte of community columns', 'inventory.csv', `${'snmp_community,'.repeat(MB / 16)}\n${'Hx7-Marten-Ro,'.repeat(MB / 14)}`],
    // A CSV's Wi-Fi key columns are found once, in its header: its titles split into words once.
    ['a CSV header of a megabyte of SSID and key columns', 'networks.csv', `${'guest_ssid,guest_key,'.repeat(MB / 21)}\n${'Net,Kq7-Lm2p-Wx,'.repeat(MB / 16)}`],
    // A unique-local IPv6 address before a full stop is the same bounded read.
    ['unique-local IPv6 prefixes ended by full stops, repeated on one line', 'notes.txt', 'fd42:7a11:9e3c::30.'.repeat(MB / 19)],
    // The Things Stack's key: a bounded id and secret after its prefix.
    ['Things Stack key prefixes whose secret never comes, on one line', 'notes.md', `NNSXS.${'B'.repeat(39)}.`.repeat(MB / 46)],
    // A key's noun and a verb of putting it in place read a bounded clause to its colon.
    ['keys copied into places never given a colon, on one line', 'notes.md', 'key copied into the admin console '.repeat(MB / 34)],
    // A key named at a line's end reads its rest of line and one set-off line below.
    ['lines ending in a client secret with blank lines below', 'mail.eml', 'client secret:\n    \n'.repeat(MB / 20)],
    // A value named after it reads a bounded clause forward and a bounded value back.
    ["that's the key after runs of value characters", 'chat.txt', `${'a'.repeat(MB / 2)} that's the key `.repeat(2) + "that's the key ".repeat(MB / 15)],
    // A Twilio SID and its secret: bounded runs after the SID.
    ['Twilio key SIDs with secrets that never come', 'chat.txt', `SK${'a'.repeat(32)} secret `.repeat(MB / 42)],
    // Each lookup's closing bracket is read once for a conditional's colon or an orElse, bounded, at each name.
    ['lookups of a password followed by colons and no literal, repeated on one line', 'Cfg.java', 'getenv("DB_PASSWORD")\n   : '.repeat(MB / 28)],
    ['lookups of a token followed by orElse with no literal, repeated on one line', 'Cfg.java', 'ofNullable(getenv("TOKEN")).orElse( '.repeat(MB / 36)],
    // A COPY header's columns are read twice for a key/value pair, not once per pair: long headers of names and values, one after another.
    ['COPY headers of many name and value columns, one after another', 'dump.sql', `COPY t (${'a_value, b_key, '.repeat(66)}) FROM stdin;\n\\.\n`.repeat(MB / 1024)],
    // An AWS key id and a bare secret beside it: a bounded separator and 40 characters after the id.
    ['AWS key ids before base64 runs that run on, on one line', 'chat.txt', `AKIA${'Q'.repeat(16)} / ${'Ab3+'.repeat(12)}`.repeat(MB / 72)],
    ['AWS key ids one after another', 'keys.csv', `AKIA${'Q'.repeat(16)},`.repeat(MB / 21)],
    // A secret's noun after a name's first word is tried as a name of its own: each once, whatever follows.
    ['a first word and a secret noun repeated on one line, never a separator', 'notes.txt', 'HMAC key '.repeat(MB / 9)],
    // A bare key or token in prose reads at most three words before it for the kind of key they name.
    ['words before a bare token repeated on one line, never a value', 'notes.md', 'the storefront token '.repeat(MB / 21)],
    // PlatformIO's upload flags are read over a bounded stretch of indented lines, espota's command line within its own.
    ['upload flags repeated on one line, never an --auth', 'platformio.ini', 'upload_flags = --port=3232 '.repeat(MB / 27)],
    ['upload flags over indented lines that never end', 'platformio.ini', 'upload_flags =\n' + '    --port=3232\n'.repeat(MB / 16)],
    ['espota command lines with no --auth, repeated on one line', 'flash.sh', 'espota.py -i 10.0.0.1 '.repeat(MB / 22)],
    // A provider named in chat, then its key's shape: each stretch after the names is searched once.
    ['Discord named before dotted runs that never fit a bot token', 'chat.txt', `discord ${'Ab3_'.repeat(7)}.${'x'.repeat(7)}.`.repeat(MB / 45)],
    ['Adyen named before an AQE run that never ends', 'mail.eml', 'Adyen AQE' + 'Ab3+'.repeat(MB / 4)],
    // A Google key's `apiKey` reads its object's entries for a Firebase web app's id within a bounded reach, whether or
    // not the object closes.
    // Each `pw` reads back a bounded host and name for an account written with its host, sticky, once.
    ['accounts with hosts before pw with no value, and pw words, on one line', 'chat.json', 'ops@db.acme.lan, pw '.repeat(MB / 20) + ' pw'.repeat(MB / 3)],
    ['a megabyte of host characters after an at sign, then pw and a password', 'chat.json', `ops@${'a.'.repeat(MB / 2)} pw Kq8!zW3mLp`],
    ['creds are repeated on one line, never given a pair', 'chat.json', 'share creds are ops / '.repeat(MB / 22)],
    ['Google keys as apiKey entries of objects and calls that never close, on one line', 'src/config.ts', 'cfg = { apiKey: "AIzaSyT4kW9mQ2vR7xB3nL8pC5dF1hJ6gZ0eYuQ", ('.repeat(MB / 62)],
    // An app key reads its object's entries for an app secret within the same bounded reach.
    ['app keys as entries of objects that never close, on one line', 'appsettings.json', '{ "AppKey": "c3e81f0a6d9b2457e1a0f8c6b3d5924e", "app'.repeat(MB / 55)],
    // A Secret's value is split at its commas once, and only up to a bound: a megabyte of slugs and commas.
    ['a Secret value of slugs and commas that never ends', 'k8s/flags.yaml', `kind: Secret\nstringData:\n  FEATURE_FLAGS: ${'gift-cards,'.repeat(MB / 11)}\n`],
    // A bare key in prose reads one word before it for a record's key: the words before keys, repeated.
    ['record keys named in prose, repeated on one line, never a value', 'CHANGELOG.md', 'the idempotency key '.repeat(MB / 20)],
    // A YAML plain scalar is read on past a `<` to its line's end: a line of one endless word, and of brackets.
    ['a password name before one endless word with brackets in it', 'vars.yml', `db_password: ${'Ab<1'.repeat(MB / 4)}`],
    ['password names with values stopped at brackets, repeated on one line', 'vars.yml', 'db_password: Ab<1 '.repeat(MB / 18)],
    // Accounts before a spaced slash, and `password is` ending lines: each start reads a bounded stretch.
    ['accounts and spaced slashes repeated on one line, never a value', 'notes.md', 'the account ops / '.repeat(MB / 18)],
    ['admins set off before spaced slashes and hyphened words, repeated', 'notes.md', '— admin / Ab-cd-Ef-gh '.repeat(MB / 23)],
    ['password is at the end of every line', 'notes.md', 'the password is\n'.repeat(MB / 16)],
    ['old ones on lines that each go on the sentence before', 'notes.md', 'the password\nstill the old one, '.repeat(MB / 32)],
    // A remote session's tool, grouped digits that never make an ID, and a memorable word before one endless word.
    ['TeamViewer and grouped digits repeated on one line, never a password', 'ticket.md', 'TeamViewer ID 1 284 5'.repeat(MB / 21)],
    ['TeamViewer IDs before password words and no value, repeated', 'mail.eml', 'TeamViewer ID 1 284 551 903, password '.repeat(MB / 38)],
    ['a memorable word before a megabyte of letters', 'chat.txt', `the memorable word is ${'a'.repeat(MB)}`],
    ['memorable words repeated on one line with no value', 'chat.txt', 'memorable word is '.repeat(MB / 18)],
    // Chat header lines of a name and a time, one after another with nothing asked.
    ['header lines of a name and a time, one after another', 'teams.txt', 'Kit Moss 14:03\n'.repeat(MB / 15)],
    // Wi-Fi told as it is now, and networks listed by name in code marks: the clause never gives a key, the code marks never close.
    ['the wifi and a comma repeated on one line, never an it is', 'chat.txt', 'the wifi changed, '.repeat(MB / 18)],
    ['the wifi and it is now repeated with no key', 'chat.txt', 'wifi, it is now '.repeat(MB / 16)],
    // A PIN changed and given in the next clause, a SIM's PUK and a passcode: the words repeated, never any digits.
    ['a PIN changed, then it is now repeated with no digits', 'notes.md', 'the PIN was changed; it is now '.repeat(MB / 31)],
    ["a SIM's PUK for a SIM repeated with no digits", 'notes.md', 'PUK code for the SIM '.repeat(MB / 21)],
    ['a passcode repeated, then a megabyte of digits', 'notes.md', `${'passcode '.repeat(MB / 18)}${'7'.repeat(MB / 2)}`],
    // A Wi-Fi profile's key never closed, and a password's parameter given a variable bound to a literal, over and over.
    ["a Wi-Fi profile's key material opened and never closed", 'wifi.xml', `<sharedKey>${'<keyMaterial>Ab1!'.repeat(MB / 17)}`],
    ['calls of a host and a user literal, the password never closed', 'client.php', `new C('mail.acme.corp', 'bot', '${'Ab1!'.repeat(MB / 4)}`],
    ['calls opened with a quote, over and over', 'client.py', "f('a.b.com', ".repeat(MB / 13)],
    ["a password's parameter given a bound variable, repeated", 'new.ps1', `$p = 'Heron-Quay-5512'\n${'Set-X -Password $p; @{ Password = $p }\n'.repeat(MB / 40)}`],
    ['the wifi, it is now, then a megabyte of key characters', 'chat.txt', `wifi, it is now ${'Ab1!'.repeat(MB / 4)}`],
    ['networks and code marks never closed, on one line', 'wiki.md', 'network: `'.repeat(MB / 10)],
    ['networks listed in code marks before asides never closed', 'wiki.md', 'network `AV` (key '.repeat(MB / 18)],
    ['a passphrase in quotes of a megabyte of small words', 'notes.md', `passphrase is "${'herons over '.repeat(MB / 12)}"`],
    // A login asked about, then answers whose hedges offer values with no end, and a Wi-Fi key asked with lead-ins that never close.
    ['a login asked, then a hedge and or repeated on one line', 'chat.txt', `[1] a: what's the login?\n[2] b: ops / Abc12345 ${'or try '.repeat(MB / 7)}\n`],
    ['a Wi-Fi key asked, then a lead of apostrophes without its colon', 'chat.txt', `[1] a: the wifi key?\n[2] b: ${"it's ".repeat(MB / 5)}\n`],
    ['a password asked again, then header lines of a name and a time', 'teams.txt', `the password again\n${'Kit Moss 14:03\n'.repeat(MB / 15)}`],
    // A variable's binding is looked for among its nearest uses only; a usage line's runs and a forced change's window are read once.
    ['SecureStrings made from one variable, one per line', 'set.ps1', "$a = 'Kq8!zW3mLp'\n" + '$s = ConvertTo-SecureString $a -AsPlainText\n'.repeat(MB / 44)],
    ['Wi-Fi key materials of one variable, repeated on one line', 'wifi.ps1', '<keyMaterial>$a</keyMaterial>'.repeat(MB / 29)],
    ['usage lines naming a password, repeated', 'run.sh', '# usage: run.sh NEWPASS '.repeat(MB / 24)],
    ['recorded runs of a script under its usage line', 'run.sh', '# usage: run.sh NEWPASS\n' + 'run.sh Kq8!zW3mLp '.repeat(MB / 19)],
    ['forced password changes with passwords that never close', 'new.ps1', "ForceChangePasswordNextSignIn Password = 'ChangeMe-".repeat(MB / 51)],
    // A bare `key` reads a bounded value after it; a device code's noun a bounded clause and one bounded run of groups.
    ['key words before runs of value characters that never end', 'notes.md', `key ${'Ab1'.repeat(MB / 6)} `.repeat(2) + 'the feed key '.repeat(MB / 26)],
    ['device code nouns before hyphened capitals that never end', 'chat.txt', 'device code ' + 'ABC-'.repeat(MB / 8) + ' passcode'.repeat(MB / 18)],
    // An answer reads back one bounded line for the question: lines that each ask for a key and open with a word.
    ['questions for a datadog key answered by words, one line after another', 'chat.txt', 'datadog key for the pi?\nuse '.repeat(MB / 28)],
    ['an influx command before a megabyte of base64url without padding', 'crontab', `influx backup -t ${'Ab1_'.repeat(MB / 4)}`],
    // A default's sentence reads a bounded clause to its colon; a change's old value looks a few characters on for its `to`.
    ['passwords said to be the default, never given, repeated on one line', 'notes.md', 'password is the default we never changed '.repeat(MB / 42)],
    ['passwords changed from values that never reach a new one, repeated', 'notes.md', 'password changed from `Kq8!zW3mLp` '.repeat(MB / 36)],
    // A chat line opened by a name and a time reads its last sentence once, within a bounded line; a Wi-Fi said to be a key
    // reads a bounded place before its `is`.
    ['a Wi-Fi asked, then a name and a time before a megabyte of sentence ends', 'chat.txt', `ana 09:02  the shed wifi?\nbo 09:03  ${'ok. '.repeat(MB / 4)}`],
    ['Wi-Fi places that never reach an is, repeated on one line', 'chat.txt', 'the wifi in the depot '.repeat(MB / 22)],
    ['Wi-Fi said to be values of a megabyte of key characters', 'chat.txt', `the wifi is ${'Ab1!'.repeat(MB / 4)}`],
    // A web address and an admin's name read one bounded value; a security mode in brackets one bounded key.
    ['addresses and admin names repeated on one line, never a made value', 'chat.txt', 'http://10.0.0.1 admin 10.0.0.2 root '.repeat(MB / 37)],
    ['security modes in brackets before colons, repeated on one line', 'wiki.md', '(WPA2): (WPA2-PSK): '.repeat(MB / 20)],
    // An account said to use a value reads its paragraph back a bounded stretch.
    ['accounts said to still use values, a password before, repeated on one line', 'mail.eml', 'the password; the account still uses heron1987x '.repeat(MB / 49)],
  ];
  for (const [name, file, text] of bound) {
    it(`finishes on ${name} (${file})`, () => {
      for (const f of detector.detect(text, { file })) expect(f.end).toBeLessThanOrEqual(text.length);
    });
  }

  it('finds nothing in a megabyte of one character, of =, of quotes or of base64', () => {
    for (const name of ['a megabyte of one character', 'a megabyte of =', 'a long line of double quotes', 'a megabyte of base64 without newlines']) {
      expect(detector.detect(hostile[name]!), name).toEqual([]);
    }
  });

  it('still finds a real secret placed after a hostile prefix', () => {
    const text = `${'"'.repeat(200_000)}\npassword = "Xk2mP9qR7v!"\n`;
    const findings = detector.detect(text, { file: 'config.py' });
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['Xk2mP9qR7v!']);
  });
});
