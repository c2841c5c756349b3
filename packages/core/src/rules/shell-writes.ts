import { decodeBase64 } from '../base64.js';
import { classifyKey } from '../key-name.js';
import { isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A literal that a shell command writes into a file named for a secret: `echo "…" > /etc/vault-agent/secret-id`,
 * `printf '%s' '…' > ~/.vault-token`, `echo '…' | sudo tee /run/secrets/db_password`. Agents and tools read their
 * credentials from such files (Vault Agent's AppRole `secret_id_file_path`, the Vault CLI's token helper, Docker and
 * Kubernetes secret mounts); the file's name says what the literal is, as a variable's name does in an assignment.
 * A value read from a variable (`"$VAULT_TOKEN"`) or a command (`$(…)`) is no literal and is not read.
 */
const WRITE_TO_FILE =
  /(?:echo[ \t]{1,4}(?:-[neE]{1,3}[ \t]{1,4})?|printf[ \t]{1,4}(?:'%s(?:\\n)?'|"%s(?:\\n)?"|%s)[ \t]{1,4})(?:"(?<dq>[^"$`\\\r\n]{1,300})"|'(?<sq>[^'\r\n]{1,300})'|(?<uq>[^\s"'$`|;&<>()\\]{1,300}))[ \t]{0,4}(?:>{1,2}[ \t]{0,4}|\|[ \t]{0,4}(?:sudo[ \t]{1,4})?tee[ \t]{1,4}(?:-a[ \t]{1,4})?)["']?(?<path>[\w.~/${}@+-]{1,200})/diy;

/** Extensions that say only how a secret file is written, not what it holds (`token.txt`, `key.b64`). */
const PLAIN_EXTENSION = /\.(?:txt|dat|b64|base64|hex)$/i;

/** The name a file's path gives its content: its last segment, without a leading dot or a plain extension. */
function fileStem(path: string): string {
  const slash = path.lastIndexOf('/');
  return path
    .slice(slash + 1)
    .replace(/^\.+/, '')
    .replace(PLAIN_EXTENSION, '');
}

function findSecretFileWrites(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(WRITE_TO_FILE, text, offsets, (m) => {
    // The keyword must start a word: `recho`, `myprintf` are other commands.
    if (m.index > 0 && /[\w-]/.test(text.charAt(m.index - 1))) return;
    const key = classifyKey(fileStem(m.groups!['path']!));
    if (key === undefined) return;
    const group = m.groups!['dq'] !== undefined ? 'dq' : m.groups!['sq'] !== undefined ? 'sq' : 'uq';
    const value = m.groups![group]!;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, ...(options.file === undefined ? {} : { file: options.file }) })) return;
    const start = m.indices!.groups![group]![0];
    spans.push({ start, end: start + value.length, category: key.category });
  });
  return spans;
}

/**
 * A file that provisioning writes with the content given inline, where the file's path names a secret: cloud-init's
 * `write_files:` entry (`- path: /etc/jupyterhub/secret` / `content: …`, maybe `owner:` or `permissions:` between) and
 * Ansible's `copy:` (`dest: /etc/app/api_token` / `content: "…"`). The file's name says what the content is, as it does
 * for a shell's `echo … > file`. A block (`content: |`), an anchor or a template's expansion is no literal on the line.
 */
/** The line that names the file, sticky at its key. */
const FILE_PATH_LINE = /(?:path|dest):[ \t]{1,4}["']?(?<path>[\w.~/@+-]{1,200})["']?[ \t]{0,4}\r?\n/y;
/** A sibling of the entry that may stand between the path and the content (cloud-init's `owner:`, `permissions:`). */
const FILE_ATTRIBUTE_LINE = /[ \t]{0,40}(?:owner|group|permissions|mode|encoding|defer|append):[^\r\n]{0,100}\r?\n/y;
/** The content on its own line, a literal of one line. */
const FILE_CONTENT_LINE =
  /[ \t]{0,40}content:[ \t]{1,4}(?:"(?<dq>[^"$\\\r\n{}]{1,300})"|'(?<sq>[^'$\r\n{}]{1,300})'|(?<uq>[^\s"'|>&*!#{$][^\s]{0,299}))[ \t]{0,4}(?=\r?\n|$)/dy;
const INLINE_FILE_CONTENT = new RegExp(FILE_PATH_LINE.source + FILE_CONTENT_LINE.source);
/** How many sibling lines may stand between the path and the content. */
const MAX_ATTRIBUTE_LINES = 4;

function findInlineFileContents(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // `path:` or `dest:` is a key of its own, not the end of another (`mount_path:`, `basepath:`).
    if (offset > 0 && /[\w.-]/.test(text.charAt(offset - 1))) continue;
    FILE_PATH_LINE.lastIndex = offset;
    const path = FILE_PATH_LINE.exec(text);
    if (path === null) continue;
    const key = classifyKey(fileStem(path.groups!['path']!));
    if (key === undefined) continue;
    let at = FILE_PATH_LINE.lastIndex;
    for (let i = 0; i < MAX_ATTRIBUTE_LINES; i++) {
      FILE_ATTRIBUTE_LINE.lastIndex = at;
      if (FILE_ATTRIBUTE_LINE.exec(text) === null) break;
      at = FILE_ATTRIBUTE_LINE.lastIndex;
    }
    FILE_CONTENT_LINE.lastIndex = at;
    const m = FILE_CONTENT_LINE.exec(text);
    if (m === null) continue;
    const group = m.groups!['dq'] !== undefined ? 'dq' : m.groups!['sq'] !== undefined ? 'sq' : 'uq';
    const value = m.groups![group]!;
    if (!isPlausibleSecret(value, { category: key.category, quoted: group !== 'uq', weakKey: key.weak, ...(options.file === undefined ? {} : { file: options.file }) })) continue;
    const start = m.indices!.groups![group]![0];
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/**
 * A terminal session that prints one field of a stored secret, and the line it printed: kubectl reading a Secret's
 * `data` field and decoding it (`$ kubectl get secret db -o jsonpath='{.data.DB_PASSWORD}' | base64 -d`, or the
 * go-template's `base64decode`), Vault's CLI reading one field (`$ vault kv get -field=password kv/app/db`). The
 * field's name says what the output is, as a variable's name does in an assignment; the output is the next line,
 * alone on it. Read at the command's keyword; the line must open with a shell prompt (`$ `, `user@host:~$ `), so a
 * script or a shell history, where the next line is another command, gives nothing.
 */
const SECRET_FIELD_READ =
  /(?:jsonpath=["']?\{\.data\.(?<kf>[\w.-]{1,64})\}["']?[ \t]{0,4}\|[ \t]{0,4}base64[ \t]{1,4}(?:-d|--decode|-D)|go-template=["']?\{\{[ \t]{0,2}\.data\.(?<gf>[\w.-]{1,64})[ \t]{0,2}\|[ \t]{0,2}base64decode[ \t]{0,2}\}\}["']?|-field=(?<vf>[\w.-]{1,64})[ \t][^|;&<>`$()\r\n]{1,200})[ \t]{0,4}\r?\n(?<v>[^\s$`'"#]{6,200})[ \t]{0,4}(?=\r?\n|$)/dy;

/** A shell prompt that opens a line (maybe `user@host:path` before the `$`), then the command. */
const PROMPT_LINE_START = /^[ \t]{0,8}(?:\([\w.-]{1,40}\)[ \t]?)?(?:[\w.-]{1,40}@[\w.-]{1,80}(?::[\w.~/-]{0,120})?[ \t]?)?[$%][ \t]/;
/** The command the field is read by: kubectl getting a secret, or Vault's CLI. */
const SECRET_READ_COMMAND = /\bkubectl\b[^\r\n]{0,200}\bget[ \t]{1,4}secrets?\b|\bvault[ \t]{1,4}(?:kv[ \t]{1,4}get|read)\b/;

function findSecretFieldOutputs(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(SECRET_FIELD_READ, text, offsets, (m) => {
    // The command's line, read back at most 400 characters to its start.
    let lineStart = m.index;
    while (lineStart > 0 && m.index - lineStart <= 400 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    if (m.index - lineStart > 400) return;
    const line = text.slice(lineStart, m.index);
    if (!PROMPT_LINE_START.test(line) || !SECRET_READ_COMMAND.test(line)) return;
    const field = m.groups!['kf'] ?? m.groups!['gf'] ?? m.groups!['vf']!;
    const key = classifyKey(field);
    if (key === undefined) return;
    const value = m.groups!['v']!;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, ...(options.file === undefined ? {} : { file: options.file }) })) return;
    const start = m.indices!.groups!['v']![0];
    spans.push({ start, end: start + value.length, category: key.category });
  });
  return spans;
}

/**
 * A base64 literal a script decodes (`echo "…" | base64 -d > /tmp/creds`): encoding hides a credential from a
 * reader, not from anyone who runs the line. Reported when what it decodes to is a `user:password` pair (as Basic
 * auth and `.netrc`-style files hold them) with a plausible password, or when it is written to a file named for a
 * secret (`creds`, `credentials`, `token`, `secret.key`), as a literal written there plainly is.
 */
const DECODE_BASE64 =
  /(?:echo[ \t]{1,4}(?:-[neE]{1,3}[ \t]{1,4})?|printf[ \t]{1,4}(?:'%s'|"%s"|%s)[ \t]{1,4})(?:"(?<dq>[A-Za-z0-9+/_=-]{8,2000})"|'(?<sq>[A-Za-z0-9+/_=-]{8,2000})'|(?<uq>[A-Za-z0-9+/_=-]{8,2000}))[ \t]{0,4}\|[ \t]{0,4}base64[ \t]{1,4}(?:-d|--decode|-D)(?![\w-])(?:[ \t]{0,4}(?:>{1,2}[ \t]{0,4}|\|[ \t]{0,4}(?:sudo[ \t]{1,4})?tee[ \t]{1,4}(?:-a[ \t]{1,4})?)["']?(?<path>[\w.~/${}@+-]{1,200}))?/dy;
/** A user name as a `user:password` pair writes it: a login, a service account, an email address. */
const PAIR_USER = /^[A-Za-z0-9][\w.@+-]{0,63}$/;

/** True when `decoded` is one line of printable text `user:password` whose password is a plausible one. */
function isCredentialPair(decoded: string, file: string | undefined): boolean {
  const text = decoded.replace(/\r?\n$/, '');
  if (!/^[\x21-\x7e]{3,300}$/.test(text)) return false;
  const colon = text.indexOf(':');
  if (colon <= 0) return false;
  const user = text.slice(0, colon);
  const password = text.slice(colon + 1);
  return PAIR_USER.test(user) && password.length >= 6 && password !== user && isPlausiblePassword(password, file);
}

function findDecodedCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(DECODE_BASE64, text, offsets, (m) => {
    if (m.index > 0 && /[\w-]/.test(text.charAt(m.index - 1))) return;
    const group = m.groups!['dq'] !== undefined ? 'dq' : m.groups!['sq'] !== undefined ? 'sq' : 'uq';
    const literal = m.groups![group]!;
    const decoded = decodeBase64(literal);
    if (decoded === undefined) return;
    let found = isCredentialPair(decoded, options.file);
    const path = m.groups!['path'];
    if (!found && path !== undefined) {
      const key = classifyKey(fileStem(path));
      // What a secret's file receives must itself be a secret: a plausible one when it is a line of text.
      const line = decoded.replace(/\r?\n$/, '');
      found = key !== undefined && !key.weak && (!/^[\x20-\x7e]*$/.test(line) || isPlausibleSecret(line, { category: key.category, quoted: true, ...(options.file === undefined ? {} : { file: options.file }) }));
    }
    if (!found) return;
    const start = m.indices!.groups![group]![0];
    spans.push({ start, end: start + literal.length, category: 'CRED' });
  });
  return spans;
}

/**
 * A here-document that writes one value into a file named for a secret: `cat > /tmp/itch_creds <<EOF` / `…` / `EOF`
 * (also `cat <<'EOF' > ~/.config/tool/credentials`, `cat >> …/api_key <<-END`). The file's name says what the value is,
 * as it does for `echo … > file`; the body must be a single line holding one value (no spaces, no expansion), closed
 * by the here-document's own delimiter on the next line. A config file written whole (many lines) is not read here.
 */
const HEREDOC_WRITE =
  /cat[ \t]{1,4}(?:>{1,2}[ \t]{0,4}["']?(?<path>[\w.~/${}@+-]{1,200})["']?[ \t]{1,4}<<-?[ \t]{0,2}["']?(?<tag>[A-Za-z_]\w{0,20})["']?|<<-?[ \t]{0,2}["']?(?<tag2>[A-Za-z_]\w{0,20})["']?[ \t]{1,4}>{1,2}[ \t]{0,4}["']?(?<path2>[\w.~/${}@+-]{1,200})["']?)[ \t]{0,4}\r?\n[ \t]{0,8}(?<v>[^\s"'$`\\]{8,300})[ \t]{0,4}\r?\n[ \t]{0,8}(?<end>[A-Za-z_]\w{0,20})[ \t]{0,4}(?=\r?\n|$)/dy;

function findHeredocSecretWrites(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(HEREDOC_WRITE, text, offsets, (m) => {
    if (m.index > 0 && /[\w.-]/.test(text.charAt(m.index - 1))) return;
    const g = m.groups!;
    if (g['end'] !== (g['tag'] ?? g['tag2'])) return;
    const key = classifyKey(fileStem(g['path'] ?? g['path2']!));
    if (key === undefined) return;
    const value = g['v']!;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, ...(options.file === undefined ? {} : { file: options.file }) })) return;
    const start = m.indices!.groups!['v']![0];
    spans.push({ start, end: start + value.length, category: key.category });
  });
  return spans;
}

export const shellWriteRules: Rule[] = [
  {
    id: 'secret-file-heredoc',
    category: 'CRED',
    description: 'A single value a shell here-document writes into a file named for a secret (`cat > /tmp/deploy_creds <<EOF` / `…` / `EOF`)',
    keywords: ['cat >', 'cat <<'],
    pattern: HEREDOC_WRITE,
    find: findHeredocSecretWrites,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'cat > /tmp/upload_creds <<EOF\nq8vzr2m4kx7tlw9pn3bc6hd1fs5ja0ye\nEOF\n',
        "cat <<'END' > ~/.config/shipper/api_key\n  Vq7mLx2Rk9TzW4nPc8Hb\nEND\n",
      ],
      noMatch: [
        'cat > /tmp/upload_creds <<EOF\n$UPLOAD_TOKEN\nEOF\n',
        'cat > /tmp/build_info <<EOF\nq8vzr2m4kx7tlw9pn3bc6hd1fs5ja0ye\nEOF\n',
        'cat > /etc/app/credentials <<EOF\nuser=deploy\npassword=${PW}\nEOF\n',
        'cat > /tmp/upload_creds <<EOF\nchangeme\nEOF\n',
      ],
    },
  },
  {
    id: 'decoded-base64-credential',
    category: 'CRED',
    description:
      'A base64 literal a script pipes to `base64 -d` that decodes to a `user:password` pair, or that it writes to a file named for a secret (`echo "…" | base64 -d > /tmp/creds`)',
    keywords: ['echo', 'printf'],
    pattern: DECODE_BASE64,
    find: findDecodedCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        // "deploy-bot:Vq7#Lm2Rz9Kp"
        'echo "ZGVwbG95LWJvdDpWcTcjTG0yUno5S3A=" | base64 -d > /tmp/auth',
        // "Wt5Kq9Lz2Rm7Xv4Pn8Bc3Hd" written to a credentials file
        "printf '%s' 'V3Q1S3E5THoyUm03WHY0UG44QmMzSGQ=' | base64 --decode > ~/.config/app/credentials",
      ],
      noMatch: [
        // "hello world from the ci job"
        'echo "aGVsbG8gd29ybGQgZnJvbSB0aGUgY2kgam9i" | base64 -d',
        // "user:changeme"
        'echo "dXNlcjpjaGFuZ2VtZQ==" | base64 -d > /tmp/creds',
        'echo "$CREDS_B64" | base64 -d > /tmp/creds',
      ],
    },
  },
  {
    id: 'inline-secret-file-content',
    category: 'CRED',
    description:
      "The inline content of a file that provisioning writes, where the file's path names a secret: cloud-init's `write_files:` (`- path: /etc/jupyterhub/secret` / `content: …`), Ansible's `copy:` (`dest: /etc/app/api_token` / `content: \"…\"`)",
    keywords: ['path:', 'dest:'],
    pattern: INLINE_FILE_CONTENT,
    find: findInlineFileContents,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'write_files:\n  - path: /etc/hub/cookie_secret\n    permissions: "0600"\n    content: 7c41e09ab25f3d86c1e4a07b93d25f68e0a1c4b7d93e26f50b8a1c3d7e94f206',
        '- name: install the agent token\n  copy:\n    dest: /etc/agent/api_token\n    content: "Vq8Lm2Rz9KpWx4Tn7Bc3Hd6J"',
      ],
      noMatch: [
        'write_files:\n  - path: /etc/hub/config.py\n    content: 7c41e09ab25f3d86c1e4a07b93d25f68e0a1c4b7d93e26f50b8a1c3d7e94f206',
        'write_files:\n  - path: /etc/hub/cookie_secret\n    content: |\n      7c41e09ab25f3d86c1e4a07b93d25f68e0a1c4b7d93e26f50b8a1c3d7e94f206',
        '  copy:\n    dest: /etc/agent/api_token\n    content: "{{ vault_agent_token }}"',
        '  - path: /etc/hub/secret\n    content: changeme',
      ],
    },
  },
  {
    id: 'secret-file-write',
    category: 'CRED',
    description:
      'A literal that a shell command writes into a file named for a secret (`echo "…" > /etc/vault-agent/secret-id`, `printf %s … > ~/.vault-token`, `echo … | sudo tee /run/secrets/db_password`)',
    keywords: ['echo', 'printf'],
    pattern: WRITE_TO_FILE,
    find: findSecretFileWrites,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'echo "6a1f04c2-93d7-4b8e-a25f-0e7c3b9d8f14" > /etc/vault-agent/secret-id',
        "printf '%s' 'Qz8LmW2pXv7RtK4nYc9Bd3Hf' > ~/.vault-token",
        "echo 'Harbor!Kite-2291' | sudo tee /run/secrets/db_password",
        'echo -n Lw7Rq2Zx9Kp4Vm8Tn3Hc > deploy/api_token.txt',
      ],
      noMatch: [
        'echo "$VAULT_SECRET_ID" > /etc/vault-agent/secret-id',
        'echo "role id: 3c9e1d2a-5b7f-4e08-9a61-d4f2b8c07e35"',
        'echo "3c9e1d2a-5b7f-4e08-9a61-d4f2b8c07e35" > /etc/vault-agent/role-id',
        'echo done > token.log',
        'echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq8vLm2Tz7Rw4Xc9Bn3Kp5 ops@bastion" >> ~/.ssh/authorized_keys',
        'echo "$(openssl rand -hex 32)" > secret.key',
      ],
    },
  },
  {
    id: 'secret-field-output',
    category: 'CRED',
    description:
      "The line a terminal session printed for one field of a stored secret: `$ kubectl get secret db -o jsonpath='{.data.DB_PASSWORD}' | base64 -d` (or `base64decode` in a go-template), `$ vault kv get -field=password kv/app/db`, then the value alone on the next line; judged by the field's name",
    keywords: ['jsonpath=', 'go-template=', '-field='],
    pattern: SECRET_FIELD_READ,
    find: findSecretFieldOutputs,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "$ kubectl -n shop get secret shop-db -o jsonpath='{.data.DB_PASSWORD}' | base64 -d\nQm7rTz2-Kv9xWp4L\n",
        "ops@bastion:~$ kubectl get secret api -o go-template='{{.data.api_token | base64decode}}'\nf3Kq8ZrW1vXm5Tn7Yb2Lc9Hd\n",
        '$ vault kv get -field=password kv/reporting/db\nHarbor-Lintel-5531\n$ exit\n',
      ],
      noMatch: [
        "kubectl -n shop get secret shop-db -o jsonpath='{.data.DB_PASSWORD}' | base64 -d\nhistory | grep password\n",
        "$ kubectl get secret shop-db -o jsonpath='{.data.DB_HOST}' | base64 -d\npg-shop.shop.svc.cluster.local\n",
        '$ vault kv get -field=password kv/reporting/db\n<redacted>\n',
        'vault kv get -field=password kv/reporting/db\nQm7rTz2-Kv9xWp4L\n',
        "$ kubectl get configmap app -o jsonpath='{.data.api_token}' | base64 -d\nf3Kq8ZrW1vXm5Tn7Yb2Lc9Hd\n",
      ],
    },
  },
];
