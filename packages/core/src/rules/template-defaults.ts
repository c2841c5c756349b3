import { classifyKey, type KeyClass } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A literal a template falls back to when a value is not set: Helm's (Go template, Sprig)
 * `{{ .Values.apiToken | default "…" }}` and `{{ default "…" .Values.apiToken }}`, Jinja's (Ansible,
 * Salt) `{{ vault_db_password | default('…') }}`. The chart or role ships the literal, and it is
 * what runs wherever nobody set the value. Whether it is a secret is told by the names around it:
 * the key the template renders (`internal-api-token: {{ … }}`, `password={{ … }}`) or the value it
 * falls back for (`.Values.internalApiToken`, `vault_db_password`, `lookup('env', 'DB_PASSWORD')`).
 */

/** `default` with its literal: `default "…"`, `default('…'`, `default ("…"`. */
const DEFAULT_LITERAL = /default[ \t]{0,4}(?:\([ \t]{0,4})?(?:"(?<dq>[^"\\\r\n{}]{1,200})"|'(?<sq>[^'\\\r\n{}]{1,200})')/y;
/** What the prefix form (`default "…" .Values.x`) falls back for, right after the literal. */
const PREFIX_SUBJECT = /[ \t]{1,4}\(?[ \t]{0,4}(?<name>\$?\.?[\w.-]{1,120})/y;
/** The value a pipe's first stage reads: its last name (`.Values.db.password`, `lookup('env','DB_PASSWORD')`). */
const PIPE_SUBJECT = /(?<name>[A-Za-z_][\w-]{0,80})["']?[ \t]{0,4}\)?[ \t]{0,4}$/;
/** The key a template renders, before its opening on the line: YAML's `name: `, an INI or properties `name = "`. */
const RENDERED_KEY = /(?:^|[\s{,(])["']?(?<name>[A-Za-z_][\w.-]{0,80})["']?[ \t]{0,4}(?::|=|=>)[ \t]{0,4}["']?$/;
/** How far back on its line a template's opening (`{{`, `{%`) and the key before it are looked for. */
const LOOK_BACK = 240;

/** A Helm chart's `existingSecret…` setting names a Secret and a key inside it (`existingSecretPasswordKey`), never a value. */
const NAMES_EXISTING_SECRET = /(?:^|[._-])existing[_-]?secret/i;

function secretKeyOf(names: readonly (string | undefined)[]): KeyClass | undefined {
  for (const name of names) {
    if (name === undefined) continue;
    if (NAMES_EXISTING_SECRET.test(name)) return undefined;
    const last = name.slice(name.lastIndexOf('.') + 1);
    const key = classifyKey(last.length > 0 ? last : name);
    if (key !== undefined) return key;
  }
  return undefined;
}

function findTemplateDefaults(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const at = text.indexOf('default', offset);
    if (at === -1 || at - offset > 4) continue;
    DEFAULT_LITERAL.lastIndex = at;
    const m = DEFAULT_LITERAL.exec(text);
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    // The line before the keyword, at most LOOK_BACK characters of it: a long line is not read back from every keyword on it.
    const reach = text.slice(Math.max(0, offset - LOOK_BACK), offset);
    const before = reach.slice(reach.lastIndexOf('\n') + 1);
    let open: number;
    let subject: string | undefined;
    if (text.charCodeAt(offset) === 0x7b /* { */) {
      // `{{ default "…" .Values.x }}`: the value falls back for what follows the literal.
      open = before.length;
      PREFIX_SUBJECT.lastIndex = at + m[0].length;
      subject = PREFIX_SUBJECT.exec(text)?.groups!['name'];
    } else {
      // `{{ .Values.x | default "…" }}`: inside a template opened on this line and not closed since.
      open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
      if (open === -1 || before.indexOf('}}', open) !== -1 || before.indexOf('%}', open) !== -1) continue;
      const firstStage = before.slice(open + 2).split('|', 1)[0]!;
      subject = PIPE_SUBJECT.exec(firstStage)?.groups!['name'];
    }
    const rendered = RENDERED_KEY.exec(before.slice(0, open))?.groups!['name'];
    const key = secretKeyOf([rendered, subject]);
    if (key === undefined) continue;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    const start = at + m[0].length - value.length - 1;
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

export const templateDefaultRules: Rule[] = [
  {
    id: 'template-default-literal',
    category: 'PASS',
    description:
      "A literal a Helm or Jinja template falls back to (`{{ .Values.apiToken | default \"…\" }}`, `{{ default \"…\" .Values.apiToken }}`, Ansible's `{{ vault_db_password | default('…') }}`), under a key or for a value named for a secret",
    keywords: ['| default', '|default', '{{ default', '{{- default'],
    pattern: DEFAULT_LITERAL,
    find: findTemplateDefaults,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '  api-token: {{ default "Rk8vQ2mZt7XwL4pN9cB3" .Values.apiToken | b64enc | quote }}',
        '  signing-key: {{ .Values.signingKey | default "Hq4Wm8Zt2Xv6Lp9Nc3Rb7Ks1" | b64enc }}',
        "db_password: \"{{ lookup('env', 'DB_PASSWORD') | default('Tern.Harbor-52', true) }}\"",
        'password={{ vault_ldap_bind_password|default("Qz7-Lk2m-Wp9x") }}',
      ],
      noMatch: [
        '  db-password: {{ .Values.db.password | default "" | b64enc | quote }}',
        "    password=\"{{ vault_zk_password | default('CHANGE_ME') }}\";",
        '  image: {{ .Values.image.tag | default "v1.24.3-Rk8vQ2mZ" }}',
        '  secretName: {{ .Values.existingSecret | default "payments-db-credentials" }}',
        '  existingSecretPasswordKey: {{ .Values.auth.passwordKey | default "redis-password" }}',
        '  password: {{ .Values.password | default (randAlphaNum 24) | b64enc }}',
        'the api token falls back to | default "Rk8vQ2mZt7XwL4pN9cB3" when unset',
      ],
    },
  },
];
