import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a password paired with an e-mail address in a tuple', () => {
  it('reports the passwords of the accounts a seed script lists', () => {
    const seed = [
      'const testers: [string, string][] = [',
      '  ["tester+one@orchard.example", "Wv5&hTq8Rm"],',
      '  ["tester+two@orchard.example", "Lp9ZkX4cVbNq2T"],',
      '];',
      'for (const [email, password] of testers) await createUser(email, password);',
      '',
    ].join('\n');
    expect(values(seed, 'scripts/seed-users.ts')).toEqual(['Wv5&hTq8Rm', 'Lp9ZkX4cVbNq2T']);
  });

  it('reads Python and Elixir tuples, and a tuple with a role after the password', () => {
    expect(values('ACCOUNTS = [\n    ("mira@fieldlab.example", "Jx3#vRn7Qe", "admin"),\n]\n', 'fixtures/accounts.py')).toEqual(['Jx3#vRn7Qe']);
    expect(values('for {email, pw} <- [{"ops@fieldlab.example", "Dk8!sWm2Ht"}], do: Accounts.register(email, pw)\n', 'priv/repo/seeds.exs')).toEqual(['Dk8!sWm2Ht']);
  });

  it('leaves pairs whose second item is no password: a name, a role, another address, a link, a variable', () => {
    const text = [
      'FROM = ("billing@fieldlab.example", "Fieldlab Billing")',
      'ROLES = [("mira@fieldlab.example", "maintainer")]',
      'CC = ["mira@fieldlab.example", "ops2@fieldlab.example"]',
      'LINKS = [("mira@fieldlab.example", "https://fieldlab.example/u/7")]',
      'creds = ("mira@fieldlab.example", os.environ["MIRA_PASSWORD"])',
      '',
    ].join('\n');
    expect(values(text, 'app/settings.py')).toEqual([]);
  });

  it('leaves a call, whose arguments the credential-call rules read by the callee', () => {
    expect(values('notify("mira@fieldlab.example", "Ticket#4471-closed")\n', 'app/jobs.py')).toEqual([]);
  });
});

describe('chpasswd in a cloud-config indented inside another file', () => {
  it("reports the list's passwords of a cloud-config in a Terraform heredoc", () => {
    const tf = 'resource "openstack_compute_instance_v2" "gpu" {\n  user_data = <<-EOT\n    #cloud-config\n    chpasswd:\n      list: |\n        ubuntu:Quill52&tarnGx\n      expire: false\n  EOT\n}\n';
    expect(values(tf, 'main.tf')).toContain('Quill52&tarnGx');
  });
  it("stops at the module's end: a list under the next module is no chpasswd list", () => {
    const tf = '  user_data = <<-EOT\n    chpasswd:\n      expire: false\n    write_files:\n      list: |\n        ubuntu:Quill52&tarnGx\n  EOT\n';
    expect(detect(tf, { file: 'main.tf' }).filter((f) => f.rule === 'chpasswd-password')).toEqual([]);
  });
});

describe("a Go map from servers' addresses to their passwords", () => {
  const rule = (text: string) => detect(text, { file: 'internal/pool.go' }).filter((f) => f.rule === 'address-password-map').map((f) => text.slice(f.start, f.end));
  it('reports the values of a map a comment above calls passwords, or a name for RCON', () => {
    const go = '// Per-server RCON passwords, rotated each season.\nvar pool = map[string]string{\n\t"10.60.4.21:27015": "Kv3!tz.R8w-Lq",\n\t"cup-b.lan:27016":  "m#7PxQ2vT9",\n\t"127.0.0.1:27015":  "local-dev",\n}\n';
    expect(rule(go)).toEqual(['Kv3!tz.R8w-Lq', 'm#7PxQ2vT9']);
    expect(rule('rconByAddr := map[string]string{\n\t"10.60.4.21:27015": "Kv3!tz.R8w-Lq",\n}\n')).toEqual(['Kv3!tz.R8w-Lq']);
  });
  it("leaves a map of addresses to names or regions, a map nothing calls passwords, and values from the environment", () => {
    const go = [
      '// Which region each node serves.',
      'var regions = map[string]string{',
      '\t"10.60.4.21:27015": "eu-central-2",',
      '}',
      'var labels = map[string]string{',
      '\t"10.60.4.22:8080": "Kv3!tz.R8w-Lq",',
      '}',
      'var rconPasswords = map[string]string{',
      '\t"10.60.4.23:27015": os.Getenv("RCON_C"),',
      '}',
    ].join('\n');
    expect(rule(go)).toEqual([]);
  });
});

describe('an object mapping user names to passwords under a name for users', () => {
  it("reports each user's password in a JSON server config, a Python dict and a JS object", () => {
    const json = '{\n  "AuthenticationEnabled": true,\n  "RegisteredUsers": {\n    "ingest": "Wq7%pLz2-Tk9",\n    "reader": "Bn4sKx8RtVm2Lq7Wz"\n  }\n}\n';
    expect(values(json, 'orthanc/orthanc.json')).toEqual(['Wq7%pLz2-Tk9', 'Bn4sKx8RtVm2Lq7Wz']);
    expect(values('auth_users = {"ops": "Hm5!rTq8-Zw3"}\n', 'app/auth.py')).toEqual(['Hm5!rTq8-Zw3']);
    expect(values('const logins = { kiosk: "Zp2#vNx7-Lr4" };\n', 'src/kiosk.js')).toEqual(['Zp2#vNx7-Lr4']);
  });

  it('leaves users mapped to roles, addresses, stand-ins or records, and one user described by its fields', () => {
    const json = [
      '{',
      '  "users": { "dana": "admin", "lee": "readonly", "kim": "changeme" },',
      '  "accounts": { "dana": "dana7@example.org", "lee": "https://example.org/u/lee42" },',
      '  "ApiUsers": { "dana": { "role": "admin", "token_ttl": "Kq7!x-20m" } },',
      '  "owners": { "dana": "Wq7%pLz2-Tk9" },',
      '  "adminUsers": { "name": "dana", "email": "dana@example.org", "team": "Ops-2024!x" }',
      '}',
    ].join('\n');
    expect(values(json, 'config/app.json')).toEqual([]);
  });
});

describe("a map of users to passwords beside a template's placeholder", () => {
  it("reads Orthanc's RegisteredUsers even when another user's password is a Jinja expression", () => {
    const json = [
      '{',
      '  "AuthenticationEnabled": true,',
      '  "RegisteredUsers": {',
      '    "archivist": "{{ vault_archive_password }}",',
      '    "modality-gw": "Hx4_tPz8Qm2Lw9Rv"',
      '  }',
      '}',
    ].join('\n');
    expect(values(json, 'roles/pacs/templates/orthanc.json.j2')).toEqual(['Hx4_tPz8Qm2Lw9Rv']);
  });

  it('still leaves placeholders alone, and a map of users to roles beside one', () => {
    const placeholders = '{\n  "RegisteredUsers": {\n    "archivist": "{{ vault_archive_password }}",\n    "viewer": "{{ vault_viewer_password }}"\n  }\n}';
    const roles = '{\n  "users": {\n    "archivist": "{{ archive_role }}",\n    "viewer": "read-only"\n  }\n}';
    expect(values(placeholders, 'templates/orthanc.json.j2')).toEqual([]);
    expect(values(roles, 'templates/access.json.j2')).toEqual([]);
  });
});

describe('a map of users to passwords given as JSON text in one value', () => {
  it("reads Orthanc's RegisteredUsers handed over in an environment variable", () => {
    const compose = "services:\n  pacs:\n    environment:\n      ORTHANC__REGISTERED_USERS: '{\"radiology\": \"Vn4!qTz8-Lw2R\", \"viewer\": \"Hx7_tPz2Qm9L\"}'\n";
    expect(values(compose, 'docker-compose.yml')).toEqual(['Vn4!qTz8-Lw2R', 'Hx7_tPz2Qm9L']);
  });

  it('leaves such a map of users to roles or to variables', () => {
    expect(values("ORTHANC__REGISTERED_USERS: '{\"radiology\": \"${RADIOLOGY_PW}\"}'\n", 'docker-compose.yml')).toEqual([]);
    expect(values("APP_USERS='{\"dana\": \"admin\", \"lee\": \"read-only\"}'\n", 'deploy.sh')).toEqual([]);
  });
});

describe('a password a C# method returns as a named tuple', () => {
  it('reports the literal at the tuple item the return type calls a password', () => {
    const cs = [
      'internal static class Share',
      '{',
      '    public static (string user, string password) ArchiveCreds() =>',
      '        ("archiver", "Rz8#kWq2Lm5v");',
      '',
      '    public static (string User, string Passwd) RelayLogin(int site)',
      '    {',
      '        return ("relay", "Pt4!xNv7Hc2q");',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(values(cs, 'src/Share.cs')).toEqual(['Rz8#kWq2Lm5v', 'Pt4!xNv7Hc2q']);
  });

  it('leaves parameter lists, other tuple items, values read at run time and stand-ins', () => {
    expect(values('public bool Check(string user, string password) => Verify("archiver", "Rz8#kWq2Lm5v");\n', 'src/Share.cs')).toEqual([]);
    expect(values('public static (string user, string group) Owner() => ("archiver", "Rz8#kWq2Lm5v");\n', 'src/Share.cs')).toEqual([]);
    expect(values('public static (string user, string password) Creds() => ("archiver", Env("SHARE_PW"));\n', 'src/Share.cs')).toEqual([]);
    expect(values('public static (string user, string password) Creds() => ("archiver", "<password>");\n', 'src/Share.cs')).toEqual([]);
  });
});

describe('a basic-auth pair whose user is an account SID', () => {
  const SID = 'AC5e0c9a3f7b2d4e6a8c1f0b3d5e7a9c2f';
  const TOKEN = 'd4a7c1e9f3b08265a7d3c9e1f4b6a802';
  it('reports the auth token, not the account it logs in as', () => {
    expect(values(`<?php\n$http = new Client(['auth' => ['${SID}', '${TOKEN}']]);\n`, 'lib/Sms.php')).toEqual([TOKEN]);
    expect(values(`const http = axios.create({ auth: ["${SID}", "${TOKEN}"] });\n`, 'sms.js')).toEqual([TOKEN]);
  });
  it('still reports a generated key sent as the user, and every key in a list under a secret name', () => {
    const KEY = 'Vq7Lm2Xz9Rk4Tw8Nb3Hp6Jc1Fd5Gs0YaQe8Wm';
    expect(values(`const http = axios.create({ auth: ["${KEY}", "${TOKEN}"] });\n`, 'sms.js')).toEqual([KEY, TOKEN]);
    expect(values(`const API_TOKENS = ["${SID}", "${TOKEN}"];\n`, 'sms.js')).toEqual([SID, TOKEN]);
  });
});
