import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Secrets of Java EE application servers that no name of a secret holds. WildFly's Elytron
 * writes a credential store's or a key store's password as `<credential-reference clear-text="…"/>`;
 * Tomcat's `<Server port="8005" shutdown="…">` names the command that, sent to that port, stops the
 * server (a random one is how the port is locked down); WebLogic's WLST scripts log in with
 * `connect('weblogic', '…', 't3://admin:7001')`, the admin's password second.
 */


/**
 * Elytron's credential reference, its clear text in the same tag, or in the object the management CLI (`jboss-cli.sh`)
 * writes it as: `credential-reference={clear-text="…"}` (or bare, `{clear-text=…, …}`, where a comma or brace ends it), also
 * when it sets the attribute (`write-attribute(name=credential-reference, value={clear-text=…})`).
 */
const ELYTRON_CLEAR_TEXT =
  /credential-reference(?:[ \t\r\n][^>]{0,300}?|(?:[ \t]{0,4}|,[ \t]{0,4}value[ \t]{0,4})=[ \t]{0,4}\{[^}\r\n]{0,120}?)clear-text[ \t]{0,4}=[ \t]{0,4}["']?(?<v>(?<=["'])[^"'\r\n<>]{1,200}(?=["'])|(?<=[= \t])[^"'\s,{}<>]{1,200})/y;

/** Tomcat's server element and its shutdown command; `SHUTDOWN` is the documented default, no secret. */
const TOMCAT_SHUTDOWN = /<Server[ \t\r\n][^>]{0,300}?(?<![\w-])shutdown[ \t]{0,4}=[ \t]{0,4}["'](?<v>[^"'\r\n<>]{1,200})["']/y;

/**
 * WLST's `connect(username, password, url)`: a bare call (not a member's: `MySQLdb.connect(host, user, …)` puts the
 * user second) with the user and password literals and a third argument, a URL or a variable holding one.
 */
const WLST_CONNECT =
  /(?<pre>connect\([ \t]{0,4}["'][^"'\r\n\\]{1,64}["'][ \t]{0,4},[ \t]{0,4}["'])(?<v>[^"'\r\n\\]{1,128})["'][ \t]{0,4},[ \t]{0,4}(?:["'](?:t3s?|https?|iiops?):\/\/|[A-Za-z_]\w{0,60}[ \t]{0,4}[,)])/y;

function findWlstConnect(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const at of offsets) {
    if (at > 0 && /[\w.$]/.test(text[at - 1]!)) continue;
    WLST_CONNECT.lastIndex = at;
    const m = WLST_CONNECT.exec(text);
    if (m === null) continue;
    const value = m.groups!['v']!;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = at + m.groups!['pre']!.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

export const appServerRules: Rule[] = [
  {
    id: 'elytron-credential-reference',
    category: 'PASS',
    description: "WildFly/JBoss Elytron's `<credential-reference clear-text=\"…\"/>`, or the management CLI's `credential-reference={clear-text=…}`: the password of a credential store, key store or datasource",
    keywords: ['credential-reference'],
    pattern: ELYTRON_CLEAR_TEXT,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => isPlausiblePassword(secret, ctx.file),
    confidence: 'high',
    examples: {
      match: [
        '<credential-reference clear-text="Xq7!vLm2Rz9pTw"/>',
        '<credential-reference store="cs" alias="x" clear-text="Kd8#pQ2vNm5z"/>',
        '/subsystem=elytron/key-store=ks:add(path=ks.jks, credential-reference={clear-text="Wr5-tNq8Lz2m"}, type=JKS)',
        '/subsystem=elytron/credential-store=cs:add(location=cs.jceks, credential-reference={clear-text=Hv3!pRk9Xs7q}, create=true)',
        '/subsystem=datasources/data-source=DS:write-attribute(name=credential-reference, value={clear-text="Pm6#vLq2Tz8w"})',
      ],
      noMatch: [
        '<credential-reference store="appCS" alias="db-pw"/>',
        '<credential-reference clear-text="${env.KS_PASSWORD}"/>',
        '/subsystem=datasources/data-source=DS:write-attribute(name=credential-reference, value={store=cs, alias=ds-pw})',
        '/subsystem=elytron/key-store=ks:add(credential-reference={clear-text=${env.KS_PASSWORD}})',
      ],
    },
  },
  {
    id: 'tomcat-shutdown-command',
    category: 'PASS',
    description: "Tomcat's `<Server shutdown=\"…\">`: the command that stops the server when sent to its shutdown port (the default `SHUTDOWN` is none)",
    keywords: ['<server'],
    pattern: TOMCAT_SHUTDOWN,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => secret !== 'SHUTDOWN' && isPlausiblePassword(secret, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['<Server port="8005" shutdown="Qm4vT9xLw2RkP7sZ">'],
      noMatch: ['<Server port="8005" shutdown="SHUTDOWN">', '<Server port="-1" shutdown="${tomcat.shutdown}">', '<server shutdown-timeout="30">'],
    },
  },
  {
    id: 'wlst-connect-password',
    category: 'PASS',
    description: "WebLogic WLST's `connect('user', '…', url)`: the administrator's password, passed second",
    keywords: ['connect('],
    pattern: WLST_CONNECT,
    find: findWlstConnect,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ["connect('weblogic', 'Wl7#adminPw2x', 't3://admin.example.net:7001')", "connect('weblogic', 'Wl7#adminPw2x', adminUrl)"],
      noMatch: ["connect(user, password, adminUrl)", 'db = MySQLdb.connect(host, "app", pw, "TESTDB")', "socket.connect('host', 80)"],
    },
  },
];
