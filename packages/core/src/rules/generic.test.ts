import { describe, expect, it } from 'vitest';
import { numberedGroups, renumberedPatterns } from './generic.js';

/** How many capturing groups a pattern holds (an empty alternative makes it match the empty text). */
function groupCount(source: string): number {
  return new RegExp(`${source}|`).exec('')!.length - 1;
}

/** Texts that between them fill every named group of the two renumbered patterns. */
const SAMPLES = [
  'password = """Zk3mP9qR2vX8wL5n"""',
  "password = '''Zk3mP9qR2vX8wL5n'''",
  'password = [[Zk3mP9qR2vX8wL5n]]',
  'password = ~s(Zk3mP9qR2vX8wL5n)',
  'password = "Zk3mP9qR2vX8wL5n"',
  'password = "Zk3m\\"P9qR2vX8wL5n"',
  "password = 'Zk3mP9qR2vX8wL5n'",
  "password = 'Zk3m\\'P9qR2vX8wL5n'",
  'password = `Zk3mP9qR2vX8wL5n`',
  'password = <code>Zk3mP9qR2vX8wL5n</code>',
  'password = <<EOF\nZk3mP9qR2vX8wL5n\nEOF',
  'password = Zk3mP9qR2vX8wL5n',
  'api_key: str = b"Zk3mP9qR2vX8wL5n"',
  'token: "Zk3mP9qR2vX8wL5n"',
];

describe('named groups renumbered as plain ones (numberedGroups)', () => {
  for (const { name, named, numbered } of renumberedPatterns) {
    it(`${name}: no group is named any more, and there are as many groups as before`, () => {
      expect(numbered.source).not.toMatch(/\(\?<[A-Za-z]/);
      expect(groupCount(numbered.source)).toBe(groupCount(named));
    });

    it(`${name}: each name's index reads the group that name captured`, () => {
      const withNames = new RegExp(named, 'i');
      const withNumbers = new RegExp(numbered.source, 'i');
      expect(Object.keys(numbered.index).sort()).toEqual(Object.keys(new RegExp(`${named}|`).exec('')!.groups!).sort());
      const captured = new Set<string>();
      for (const sample of SAMPLES) {
        // The value pattern starts at the blanks after a tag: try it there.
        const text = name === 'VALUE_AFTER_TAG' ? sample.slice(sample.search(/[=:] /) + 1) : sample;
        const a = withNames.exec(text);
        const b = withNumbers.exec(text);
        expect(b?.index).toBe(a?.index);
        if (a === null || b === null) continue;
        for (const [group, at] of Object.entries(numbered.index)) {
          expect(b[at], `${group} in ${JSON.stringify(text)}`).toBe(a.groups![group]);
          if (a.groups![group] !== undefined) captured.add(group);
        }
      }
      // Every value group was exercised, so a group renumbered one off cannot hide behind an empty capture.
      for (const group of ['tq', 'tsq', 'lb', 'sg', 'dq', 'sq', 'bq', 'hc', 'hd', 'uq']) expect(captured).toContain(group);
    });
  }

  it('skips escaped brackets, classes and look-arounds when counting', () => {
    const { source, index } = numberedGroups('\\((a)[(](?:b)(?<x>c)(?=d)(?<!e)(?<y>f)');
    expect(source).toBe('\\((a)[(](?:b)(c)(?=d)(?<!e)(f)');
    expect(index).toEqual({ x: 2, y: 3 });
  });

  it('refuses a back-reference by name', () => {
    expect(() => numberedGroups('(?<x>a)\\k<x>')).toThrow(/back-reference/);
  });
});

describe("a docstring's field list after a sentence about a password (Sphinx's `:return:`)", () => {
  it('opens the next field, no value; a password in the sentence is still read', async () => {
    const { detect } = await import('../index.js');
    const doc = '    """\n    :param password: encrypt private key with password\n    :return: bytes\n    """\n';
    expect(detect(doc, { file: 'pem.py' }).filter((f) => f.rule === 'password-in-prose')).toEqual([]);
    const told = 'Use password Wint3r-Harbor#2 to log in.\n';
    expect(detect(told, { file: 'notes.md' }).map((f) => told.slice(f.start, f.end))).toEqual(['Wint3r-Harbor#2']);
  });
});

describe('lists under secret names that hold property names or code', () => {
  it("leaves a JSON schema's dependent property names and a test's lines of code under 'pass'", async () => {
    const { detect } = await import('../index.js');
    expect(detect('"dependentRequired": {\n  "MasterUserPassword": [\n   "MasterUsername"\n  ]\n }\n', { file: 'schema.json' })).toEqual([]);
    expect(detect("    tests = {'pass': [\"runf()\",\n                      \"In [1]: runf()\"]}\n", { file: 'test_magic.py' })).toEqual([]);
    expect(detect('"fallback_passwords": [\n  "Heron!Lantern-42",\n  "Quartz.orbit47&"\n]\n', { file: 'cfg.json' }).length).toBe(2);
  });
});

describe("the nonce of an HTTP authentication scheme's parameters", () => {
  it('is sent in the clear with each challenge: no secret; a nonce set elsewhere is still judged', async () => {
    const { detect } = await import('../index.js');
    const digest = "digest = (f'Digest realm=\"{realm2}\", '\n          f'qop=\"auth, auth-int\", '\n          f'nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", ')\n";
    expect(detect(digest, { file: 'test_urllib2.py' })).toEqual([]);
    const mac = 'Authorization: MAC id="h480djs93hd8",\n                   nonce="1336363200:dj83hs9s",\n';
    expect(detect(mac, { file: 'tokens.md' })).toEqual([]);
    const set = 'nonce = "LGv87K5USwx17dvFs6aD3T9q"\n';
    expect(detect(set, { file: 'app.py' }).map((f) => set.slice(f.start, f.end))).toEqual(['LGv87K5USwx17dvFs6aD3T9q']);
  });
});

describe("ODBC's braced values", () => {
  const values = async (text: string, file: string): Promise<string[]> => {
    const { detect } = await import('../index.js');
    return detect(text, { file }).map((f) => text.slice(f.start, f.end));
  };

  it("reads what the braces hold as the password of an odbc.ini DSN or a settings file: `;`, `=` and blanks included", async () => {
    const dsn = '[Assay]\nDriver=ODBC Driver 18 for SQL Server\nUID=assay_ro\nPWD={Slag;Basic=Fe2O3}\n';
    expect(await values(dsn, 'etc/odbc.ini')).toEqual(['Slag;Basic=Fe2O3']);
    expect(await values('Password = {L1me K!ln;Burn=9}\n', 'conf/app.ini')).toEqual(['L1me K!ln;Burn=9']);
    expect(await values('odbc_pwd={Quarry-Face!71}\n', 'settings.properties')).toEqual(['Quarry-Face!71']);
  });

  it('leaves a format field, a template and an empty or placeholder pair of braces alone', async () => {
    for (const line of ['PWD={password}', 'PWD={{ odbc_password }}', 'PWD={0}', 'PWD={}', 'PWD={<password>}', 'PWD={your-password-here}']) {
      expect(await values(`${line}\n`, 'etc/odbc.ini'), line).toEqual([]);
    }
  });
});

describe('the clauses of SQL account statements after PASSWORD', () => {
  it('reads the keyword that opens a clause as no value, and still reads the password the statement sets', async () => {
    const { detect } = await import('../index.js');
    const values = (text: string) => detect(text, { file: 'users.sql' }).map((f) => text.slice(f.start, f.end));
    expect(values('CREATE USER reliability IDENTIFIED BY "Weibull-Beta-3" PASSWORD EXPIRE;\n')).toEqual(['Weibull-Beta-3']);
    expect(values("ALTER USER 'ops'@'%' PASSWORD HISTORY 5 PASSWORD REUSE INTERVAL 365 DAY;\n")).toEqual([]);
    expect(values('ALTER USER bob ACCOUNT UNLOCK PASSWORD EXPIRE;\n')).toEqual([]);
    expect(values("CREATE USER report_ro PASSWORD 'Quill-Harbor572#';\n")).toEqual(['Quill-Harbor572#']);
  });
});

describe('logins and passwords written in prose, wrapped or made of capitalised words', () => {
  it("reads a login's clause wrapped from the line above a code-marked account, not one a sentence ended", async () => {
    const { detect } = await import('../index.js');
    const wrapped = 'Old historian runs the Runtime DB as `aaAdmin`. The SQL login we used for the\nreplication job was `histrepl` / Pump$tation19 — rotate after cutover.\n';
    expect(detect(wrapped, { file: 'notes.md' }).map((f) => wrapped.slice(f.start, f.end))).toEqual(['Pump$tation19']);
    const ended = 'The SQL login moved to SSO.\nThe build output was `dist` / `Build-2024_v2` in the old job.\n';
    expect(detect(ended, { file: 'notes.md' })).toEqual([]);
  });

  it('takes capitalised words joined and closed by a symbol as a password after a login, not words with no symbol', async () => {
    const { detect } = await import('../index.js');
    const pair = 'Twilio console login for the shared ops account: ops@clinic.example / Parvo-Shot-Tuesday!\n';
    expect(detect(pair, { file: 'runbook.md' }).map((f) => pair.slice(f.start, f.end))).toEqual(['Parvo-Shot-Tuesday!']);
    expect(detect('login: ops / Release-Notes-Draft\n', { file: 'runbook.md' })).toEqual([]);
  });
});

describe('password-qualified-prose', () => {
  it('reads a value after an aside, a change told in the passive, a period or chat\'s pw for, and leaves the words a sentence goes on in', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'notes.md' }).filter((f) => f.rule === 'password-qualified-prose').map((f) => text.slice(f.start, f.end));
    expect(found('The OPERA supervisor password was reset by\nOracle support on 12 March to OPSUP-hrg-0312.\n')).toEqual(['OPSUP-hrg-0312']);
    expect(found('- Wi-Fi "HV-Guest" passphrase this quarter: amber tiger violin 42\n')).toEqual(['amber tiger violin 42']);
    expect(found('dashboards pw for the kiosk TV is Delivery-Dash-55\n')).toEqual(['Delivery-Dash-55']);
    expect(found('The password was reset to the default.\nYour password is set to expire in 90 days.\n')).toEqual([]);
    expect(found('Guest passphrase this quarter: ask reception\n')).toEqual([]);
  });
});

describe('logins and new ones handed over in chats and notes', () => {
  it('reads a login named with a comma and a line break, an admin, an account, a domain account before pw', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'notes.md' }).filter((f) => f.rule === 'user-comma-password-prose').map((f) => text.slice(f.start, f.end));
    expect(found('* Catalog DB: user `analyst`,\n  password Polder_Heron_53 (read-only).\n')).toEqual(['Polder_Heron_53']);
    expect(found('the svc account is LVH\\svc-vostio pw Vostio#Encoder2022\n')).toEqual(['Vostio#Encoder2022']);
    expect(found('The admin is `root`, password in the vault.\nuser admin password reset required\n')).toEqual([]);
  });

  it("reads a chat's new one after lines that name the password or a login that changed, of every class", async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'chat.txt' }).filter((f) => f.rule === 'password-new-one-prose').map((f) => text.slice(f.start, f.end));
    expect(found("[09:12] Dana: anyone changed the envision account?\n[09:14] Tom: yes sorry, rotated it friday. new one is Eppendorf_Tide_63\n")).toEqual(['Eppendorf_Tide_63']);
    expect(found("[09:12] Dana: anyone changed the build account?\n[09:14] Tom: yes, rotated it. new one is build-agent-2024\n")).toEqual([]);
    expect(found('[09:12] Dana: the deploy account was reset\n\n[09:14] Tom: the new one is Build_Agent_24\n')).toEqual([]);
  });

  it('reads an old password quoted in the sentence after the question that names it, a word and a digit too; not a quoted policy', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'mail/thread.eml' }).filter((f) => f.rule === 'password-new-one-prose').map((f) => text.slice(f.start, f.end));
    expect(found('> Has the router password changed? The old one was "orchard7".\n')).toEqual(['orchard7']);
    expect(found("Who reset the kiosk password? The previous one was 'lantern42' and it fails now.\n")).toEqual(['lantern42']);
    expect(found('The password policy changed. The old one was "nist2017".\n')).toEqual([]);
    expect(found('The password is fine, the cert expired. The old one was "cert2023".\n')).toEqual([]);
    expect(found('Has the router password changed? The old one was "orchard".\n')).toEqual([]);
  });
});

describe('passwords in chat, wiki and runbook prose: accounts set to one, DokuWiki monospace, PINs and Wi-Fi keys', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file }).map((f) => `${f.rule} ${text.slice(f.start, f.end)}`);
  };

  it("reads DokuWiki's ''…'' as code marks in a wiki's page, and as no value in program source", async () => {
    const page = "  * Web AUI at the studio. Login ''engineer'' / ''GV35-Salina!kw''\n  * Same login as Salina but password ''ArcSolo_Hays22''.\n";
    expect(await values(page, 'wiki/pages/engineering/sites.txt')).toEqual(['credential-pair-prose GV35-Salina!kw', 'generic-assignment ArcSolo_Hays22']);
    expect(await values("x = login ''engineer'' / ''GV35-Salina!kw''\npassword ''ArcSolo_Hays22''\n", 'sites.py')).toEqual([]);
  });

  it('reads an admin PIN given in prose, not a counted run, a pin number or digits that run on', async () => {
    expect(await values('  * Remote control: Burk ARC Plus (Starlink). Admin PIN 4817.\n', 'sites.txt')).toEqual(['admin-pin-prose 4817']);
    expect(await values('Admin PIN 1234.\nmaster pin 13 drives the LED\nAdmin PIN 4817-2 is the form\n', 'sites.txt')).toEqual([]);
  });

  it("reads a PIN named for the device, the call or the role it opens, in bold or code marks, after `is still` or a change", async () => {
    const runbook = [
      '1. On the dosing pump HMI, enter the service PIN: **60417**.',
      '2. The engineer PIN for the fire panel is `3092`.',
      '3. Agents dial the conference bridge PIN for the Tuesday sale is 518204#, then their name.',
      '4. the tablet pin was changed to 270961 after the loan',
      '',
    ].join('\n');
    expect(await values(runbook, 'docs/runbooks/plant.md')).toEqual([
      'admin-pin-prose 60417', 'admin-pin-prose 3092', 'admin-pin-prose 518204#', 'admin-pin-prose 270961',
    ]);
    expect(await values('[11:40] kai: the scoring laptop pin is still 839120? it refuses it\n', 'chat/ops.txt')).toEqual(['admin-pin-prose 839120']);
    const kit = '- The survey tablet in the van has PIN 602917 (face unlock is off).\n- The drone controller has a screen-lock PIN of 77013.\n';
    expect(await values(kit, 'wiki/field-kit.md')).toEqual(['admin-pin-prose 602917', 'admin-pin-prose 77013']);
    expect(await values('The Pi has a PIN header of 40 pins; the board has pin 13 free.\n', 'wiki/field-kit.md')).toEqual([]);
  });

  it("reads a PIN set to digits, a role's PIN changed, a login's PIN, a device's unlock code and a PIN keyed in", async () => {
    const runbook = [
      '1. Change the kiosk exit PIN to **392017** before handing the tablets out.',
      '2. The warehouse manager PIN was reset to 708142 on Monday.',
      '3. Pair the printer with the van tablet using PIN',
      '   6093 (printed under the battery).',
      '4. Scanner guns unlock code 51836; they lock after a minute.',
      '6. Console login: user `opsdesk`, PIN 27519 (rotated monthly).',
      '',
    ].join('\n');
    expect(await values(runbook, 'docs/runbooks/depot.md')).toEqual([
      'admin-pin-prose 392017', 'admin-pin-prose 708142', 'admin-pin-prose 6093', 'admin-pin-prose 51836', 'admin-pin-prose 27519',
    ]);
  });

  it('reads a PIN said to stay or remain, and an enrolment PIN keyed in', async () => {
    const notes = ['The loading bay card PIN stays 40917.', 'The van tablets join MDM using the enrolment PIN 39174205.', 'the gate PIN remains 62038', ''].join('\n');
    expect(await values(notes, 'wiki/notes.md')).toEqual(['admin-pin-prose 40917', 'admin-pin-prose 39174205', 'admin-pin-prose 62038']);
    expect(await values('The card PIN stays the same.\nThe enrolment PIN stays 1234.\n', 'wiki/notes.md')).toEqual([]);
    expect(await values('> Remote support portal: https://support.example/\n> Support PIN: 602817\n', 'mail/fw-support.eml')).toEqual(['admin-pin-prose 602817']);
    expect(await values('Support PIN: 0000 until the vendor sets one\nthe support pin 12 of the bracket\n', 'mail/fw-support.eml')).toEqual([]);
  });

  it("leaves a PIN only compared to a number, a place's PIN code, a board's pin used, a PIN asked for and not given, and words after the login", async () => {
    const notes = [
      'Compare the admin PIN to 2048 in the old export.',
      "The depot's PIN code is 560034 on the invoices.",
      'Drive the relay with pin 12 and the buzzer with pin 13.',
      'If it asks for a PIN, use the one on the welcome letter.',
      'Console login: user `opsdesk`, PIN in the vault.',
      'Wi-Fi login: user guest, PIN 1234',
      '',
    ].join('\n');
    expect(await values(notes, 'docs/notes.md')).toEqual([]);
  });

  it("leaves a PIN of no owner (a postal code, a board's pin), a stand-in, an example's line and digits that run on", async () => {
    const notes = [
      'Bengaluru office, PIN 560034',
      'Pin code: 560034',
      'the service pin 12 on the header drives the buzzer',
      'voicemail PIN 0000 until the user sets one',
      'Example: the SIM PIN 4092 is typed before the PUK.',
      'the laptop PIN 2024-01 rollout notes',
      'host PIN 48170000912 is the bridge serial',
      '',
    ].join('\n');
    expect(await values(notes, 'docs/notes.md')).toEqual([]);
  });

  it('reads a Wi-Fi key for a period as a password for one', async () => {
    expect(await values('SSID `GCR-Staff`, WPA2 key this season: `Bergwind-Kaffee-4471` (print for the huts).\n', 'checklist.md')).toEqual(['password-qualified-prose Bergwind-Kaffee-4471']);
    expect(await values('WPA2 key this season: see the laminated card\n', 'checklist.md')).toEqual([]);
  });

  it('reads an admin account reset to a made password with no word for it, not to words or a bare capitalised word', async () => {
    expect(await values('[09:30] Janne: the till lost its VPN, I reset the local admin to Verleih2025! for now\n', 'chat.txt')).toEqual(['account-set-to-prose Verleih2025!']);
    expect(await values('I reset the local admin to factory defaults.\nSet the admin to Admin2024\n', 'chat.txt')).toEqual([]);
  });

  it("reads an application's admin account before a spaced slash, and no value cut short by a lone asterisk", async () => {
    const chat = '{"type": "message", "text": "cvta_agol_admin / Detour-Layer!Nov3 - change it when she\'s back pls"}\n';
    expect(await values(chat, 'export.json')).toEqual(['account-slash-password Detour-Layer!Nov3']);
    expect(await values('// decoded for reference: ops-admin / 8AJvsULiaJ*JI$p\n', 'Auth.php')).toEqual([]);
  });

  it("reads a word and a number after `password for <an account's> … is`, not after a job's nor before a scheme's word", async () => {
    const chat = "[13:44] Dana: password for the scanner's local admin is Intraoral55 if anyone needs it before I change it\n";
    expect(await values(chat, 'chat.txt')).toEqual(['password-in-prose Intraoral55']);
    expect(await values('The password for the reporting job is Intraoral55 if anyone needs it\nThe password for the admin account is Argon2id hashed.\n', 'chat.txt')).toEqual([]);
  });
});

describe('passwords that key an encryption, and PINs a till overrides with', () => {
  it('reads a backup repository\'s or a vault\'s password of words as a passphrase, and leaves a remark on where it is kept', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string, file: string) => detect(text, { file }).map((f) => text.slice(f.start, f.end));
    expect(found('export RESTIC_PASSWORD="sunflower state backups never lie"\n', 'servers/backup/backup.sh')).toEqual(['sunflower state backups never lie']);
    expect(found('ANSIBLE_VAULT_PASSWORD="tallow birch river 88"\n', 'deploy/.env.ci')).toEqual(['tallow birch river 88']);
    expect(found('restic_password: sunflower state backups never lie\n', 'group_vars/backup.yml')).toEqual(['sunflower state backups never lie']);
    expect(found('export KOPIA_PASSWORD="stored in the team vault"\nBACKUP_PASSWORD="your backup password here"\n', 'backup.sh')).toEqual([]);
  });
  it("reads a key in Qt's byte array or string made of a literal, as in its other literal macros", async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'deskapp/src/cloudsync.cpp' }).map((f) => text.slice(f.start, f.end));
    expect(found('static const QByteArray kStationApiKey = QByteArrayLiteral("lPw0x4XFAFlpHuXEZDBcW7ExmEmWrnVh8xCS178M");\n')).toEqual(['lPw0x4XFAFlpHuXEZDBcW7ExmEmWrnVh8xCS178M']);
    expect(found('const QByteArray apiKey = QByteArray("Vq7Lindr9TamXw2Pz8HeronQuay4");\nQString token = QString::fromUtf8("Kx4BrineTulle8Wm3OrchidFay2");\n')).toEqual(['Vq7Lindr9TamXw2Pz8HeronQuay4', 'Kx4BrineTulle8Wm3OrchidFay2']);
    expect(found('static const QByteArray kApiKeyHeader = QByteArrayLiteral("X-Station-Key");\n')).toEqual([]);
  });
  it("reads a prefixed key handed over bare in a mail, its vendor's prefix and mode no word of a label", async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'docs/email/credentials.eml' }).filter((f) => f.rule === 'key-is-bare-prose').map((f) => text.slice(f.start, f.end));
    expect(found('The sandbox API key you asked about is gfl_live_H3MQKL5J6cprWN9VEalZuGa9buYmFfPF (yes, the prefix says live,\n')).toEqual(['gfl_live_H3MQKL5J6cprWN9VEalZuGa9buYmFfPF']);
    expect(found('The key we use for the cache lookups is user_live_session_profile_by_region.\n')).toEqual([]);
  });
  it('reads a drawn key in chat whose letters split like words, its digits inside them, and still leaves a name', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'exports/teams/ml.json' }).filter((f) => f.rule === 'key-is-bare-prose').map((f) => text.slice(f.start, f.end));
    expect(found('"body": "heads up, the new Voyage key for the search trial is Jr5WCm6oDSCTpGu5vtaGuhCOwf7Xdsid - 500 calls a day"\n')).toEqual(['Jr5WCm6oDSCTpGu5vtaGuhCOwf7Xdsid']);
    expect(found('"body": "the key we read the labels with is utf8mb4GeneralCiLabels2024V3Sorted - see the schema"\n')).toEqual([]);
  });
  it("reads a key at the end of a chat message, the message above it under its own time not read as the sentence's start", async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'exports/teams-ops.txt' }).filter((f) => f.rule === 'key-is-bare-prose').map((f) => text.slice(f.start, f.end));
    const chat = '[14/03/2025 10:02] Ana Diaz: request id 9c1b2e44-0f3a-4d7e-9b21-6a5c8e0d3f17 for the ticket\n[14/03/2025 10:05] Ben Okoro: the statuspage key for the new component is Xq4+Lm9Rt2-Vb7Kw3Nz8\n';
    expect(found(chat)).toEqual(['Xq4+Lm9Rt2-Vb7Kw3Nz8']);
    expect(found('[10:02] ana: request id for the ticket\n[10:05] ben: the statuspage key commit is Xq4+Lm9Rt2-Vb7Kw3Nz8\n')).toEqual([]);
  });
  it('reads a manager\'s or an override PIN in a terminal\'s INI and in prose', async () => {
    const { detect } = await import('../index.js');
    const prose = 'The manager override PIN for the tills is 731904.\nthe override pin 4 of the header\n';
    expect(detect(prose, { file: 'wiki/pos.md' }).map((f) => prose.slice(f.start, f.end))).toEqual(['731904']);
    const text = '[Supervisor]\n; manager override on the till UI\nOverridePin=731904\nManagerPin=4813\nOverridePinEnabled=1\n';
    expect(detect(text, { file: 'pos/terminal.ini' }).map((f) => text.slice(f.start, f.end))).toEqual(['731904', '4813']);
  });
});

describe('passwords in wiki and runbook prose: an admin account said to be one, a password clause after a comma', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.category === 'PASS')
      .map((f) => `${f.rule} ${text.slice(f.start, f.end)}`);
  };

  it('reads root or an admin said to be a made password, with what it is on or an aside before the verb or the colon', async () => {
    const wiki = [
      'Root on the ESXi hosts is Tr@ckGang#2021 (same on all six).',
      'The vCenter SSO admin (administrator@vsphere.local) is YardVC-Sso!2023.',
      '2. Break-glass root on the Slurm controllers: `Peregrine^Dive^2019` (rotation ticket RC-1182).',
      '',
    ].join('\n');
    expect(await values(wiki, 'docs/wiki/cluster.md')).toEqual([
      'account-is-prose Tr@ckGang#2021',
      'account-is-prose YardVC-Sso!2023',
      'account-is-prose Peregrine^Dive^2019',
    ]);
  });

  it('leaves what an account is said to be that is no password: a state, an address, a path, a variable, a word and a digit', async () => {
    const wiki = [
      'Root on the ESXi hosts is disabled.',
      'The SSO admin is administrator@vsphere.local.',
      'document_root: /var/www/Site-2024!',
      'The admin for the build farm is `Jenkins2`.',
      'Root on the hosts is ${ROOT_PASSWORD} from the vault.',
      '',
    ].join('\n');
    expect(await values(wiki, 'docs/wiki/cluster.md')).toEqual([]);
  });

  it("reads a password word that opens a sentence's clause after a comma, not a config line's bare directive", async () => {
    const runbook = 'Break-glass user is `kaiju_dba`, password Hojicha-Dumpling-29 — rotate after use and tell #kc-sec.\n';
    expect(await values(runbook, 'runbooks/incident.md')).toEqual(['password-in-prose Hojicha-Dumpling-29']);
    const directives = await values('password Kq8zW3mLp0!x\nmysql --password Kq8zW3mLp0!x\n', 'notes.md');
    expect(directives.filter((v) => v.startsWith('password-in-prose'))).toEqual([]);
  });
});

describe('account-slash-password: accounts that name a login by their form', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'account-slash-password')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads the password after an administrative account in code marks and after a Windows domain account', async () => {
    const wiki = [
      '| Backup | Veeam B&R on veeam01.gpo.corp (service acct GPO\\svc_veeam / Veeam#Ballast2020) |',
      'The iDRACs use `root` / calvin-gpo-7 since the 2022 refresh.',
      '',
    ].join('\n');
    expect(await values(wiki, 'docs/wiki/cluster.md')).toEqual(['Veeam#Ballast2020', 'calvin-gpo-7']);
  });

  it('leaves words, paths and menus after them', async () => {
    const wiki = ['The iDRACs use `root` / password auth.', 'Open CORP\\Shares / Finance / Q3-2024! to see it.', 'Logs: C:\\Logs / D-drive2 mirror', ''].join('\n');
    expect(await values(wiki, 'docs/wiki/cluster.md')).toEqual([]);
  });
});

describe('password-it-reset-prose', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'password-it-reset-prose')
      .map((f) => text.slice(f.start, f.end));
  };

  it("reads a password reset with `it` for its noun, the noun earlier in the paragraph, the value wrapped onto the next line", async () => {
    const review = '1. The break-glass admin is not in Okta.\n   Its password lives in the sealed envelope in the office safe. (Q2 2024: it was reset to\n   Calamine-Lotion-Harbor-19 after the YubiKey was lost.)\n';
    expect(await values(review, 'docs/hipaa/access-review.md')).toEqual(['Calamine-Lotion-Harbor-19']);
  });

  it('leaves words and versions, an `it` with no password before it in its paragraph, and variables', async () => {
    const notes = [
      'Its password lives in the safe. It was reset to the default after the audit.',
      '',
      'The cluster was rebuilt. It was reset to Factory-Image-2.1 last week.',
      '',
      'The password is in the vault.',
      '',
      'The router? It was reset to Config-2024!a',
      'Its password was rotated; it was reset to ${NEW_PASSWORD} by the pipeline.',
      '',
    ].join('\n');
    expect(await values(notes, 'notes.md')).toEqual([]);
  });

  it('reads a password reset in the active voice by whoever did it, where or when between `it` and `to`', async () => {
    const ticket = 'Engineer: the kiosk admin password was still the factory one, so I have changed it to\nTern-Ledger-508, please note it down.\n';
    expect(await values(ticket, 'tickets/IT-88.txt')).toEqual(['Tern-Ledger-508']);
    const log = '- 14:05 the relay password had been wiped by the upgrade.\n  Re-set it on the relay itself to `copper-flume-72` so the agents reconnect.\n';
    expect(await values(log, 'wiki/incidents/relay.md')).toEqual(['copper-flume-72']);
    expect(await values('old password expired; rotated it to Wx9!plinth-Ore at noon\n', 'chat.log')).toEqual(['Wx9!plinth-Ore']);
  });

  it('leaves a setting changed in the active voice, a password policy changed, and a bare `set it to`', async () => {
    const notes = [
      'The password policy was too short, so we changed it to `min-length-14` in the GPO.',
      '',
      'The password field was ignored; I set it to Hidden-Field-2 in the form.',
      '',
      'The password is in the vault. The agent was old, so I updated it to ${AGENT_VERSION} today.',
      '',
    ].join('\n');
    expect(await values(notes, 'notes.md')).toEqual([]);
  });
});

describe('password-copy-prose', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'password-copy-prose')
      .map((f) => text.slice(f.start, f.end));
  };

  it("reads a password's copy kept aside under its label, the password named before it in the paragraph", async () => {
    const runbook = "5. Still broken? Check the channel auth record: the MCA user `svc_cartrk` password is kept in CyberArk;\n   emergency copy: Hopper#Gondola55 (rotate afterwards, CHG ticket required).\n";
    expect(await values(runbook, 'docs/runbooks/mq.md')).toEqual(['Hopper#Gondola55']);
  });

  it("leaves a file's or a dump's copy, a copy's place, and a copy with no password before it", async () => {
    const notes = [
      'The password is kept in CyberArk; backup copy: /srv/backup/vault-2024.kdbx',
      'The password is kept in CyberArk; emergency copy: in the safe.',
      '',
      'The database dump runs nightly; backup copy: Dump-2024-06!a on the NAS.',
      '',
    ].join('\n');
    expect(await values(notes, 'notes.md')).toEqual([]);
  });
});

describe('passwords in prose: a period with `is`, what the password is on, a domain account after `use`, an app admin before a slash', () => {
  const values = async (text: string, file: string, rule: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));
  };

  it("reads a rotating password given with `is` after its period, bold or bare at its clause's end, and leaves what the sentence goes on in", async () => {
    const notes = ['- Lab guest network: the password this term is **Kestrel-Moor-17** (ask at the desk).', 'The kiosk passphrase this week is Dune!Otter42.', ''].join('\n');
    expect(await values(notes, 'wiki/lab.md', 'password-qualified-prose')).toEqual(['Kestrel-Moor-17', 'Dune!Otter42']);
    const words = ['The password this year is **required** for every guest.', 'Our password this quarter is NIST-800-63 compliant.', 'The password this month is **Rotated** weekly.', ''].join('\n');
    expect(await values(words, 'wiki/lab.md', 'password-qualified-prose')).toEqual([]);
  });

  it("reads a password whose `for …` clause wraps the paragraph once, and leaves a wrap after a sentence's end or a second one", async () => {
    const mail = ['Each export is zipped with a password; the archive password for', 'the Harlow account is Zip-Harlow-0611.', ''].join('\n');
    expect(await values(mail, 'mail/exports.eml', 'password-in-prose')).toEqual(['Zip-Harlow-0611']);
    const quiet = [
      'We rotated the password for.',
      'the Harlow account is Zip-Harlow-0611 now.',
      '',
      'The password for the',
      'Harlow',
      'account is Zip-Harlow-0611.',
      '',
      'Ask for the password for',
      'the Harlow account is required first.',
      '',
    ].join('\n');
    expect(await values(quiet, 'mail/exports.eml', 'password-in-prose')).toEqual([]);
    const code = ["// remote support: the unattended password for the counter PCs", "const agent = { host: 'rmm.shop.example', user: 'support' };", ''].join('\n');
    expect(await values(code, 'electron/main.js', 'password-in-prose')).toEqual([]);
  });

  it("reads a password that opens the next line after its word beside a login, and one after an address closing an aside", async () => {
    const wiki = ['- Tide tables (Admiralty EasyTide): user `harbour-ops`, password', '  Spring&Neap44 — renew the licence in May.', ''].join('\n');
    expect(await values(wiki, 'wiki/accounts.md', 'user-comma-password-prose')).toEqual(['Spring&Neap44']);
    const mail = ['The login for the ad account is the shared one (social@quayside.example),', 'password Gulls&Lanterns! — codes go to the office phone.', ''].join('\n');
    expect(await values(mail, 'mail/re-ads.eml', 'user-comma-password-prose')).toEqual(['Gulls&Lanterns!']);
    const quiet = ['- Tide tables: user `harbour-ops`, password', '  reset is self-service.', 'The shared one (social@quayside.example), password in the vault.', ''].join('\n');
    expect(await values(quiet, 'wiki/accounts.md', 'user-comma-password-prose')).toEqual([]);
  });

  it('reads a standard first password told as what it always is, and leaves a remark on it', async () => {
    expect(await values('- New laptops: the local password is always `Quay-Start-2026` until Intune takes over.\n', 'wiki/it.md', 'generic-assignment')).toEqual(['Quay-Start-2026']);
    expect(await values('- The temporary password is always required at first login.\n', 'wiki/it.md', 'generic-assignment')).toEqual([]);
  });

  it('reads a password alone after a Windows account at the start of a line or a chat message, and leaves listings and scripts', async () => {
    const chat = ["[02/03/2026 10:14] Ola Berg: the scanner pc rebooted, try its local admin", '[02/03/2026 10:15] Kit Moss: .\\scan-admin   Heron#Quay7', ''].join('\n');
    expect(await values(chat, 'exports/teams/it.txt', 'windows-account-spaced-password')).toEqual(['Heron#Quay7']);
    const json = '{"user": "U2", "text": "QUAYSIDE\\\\svc-backup  Tq8v!Rz2Wm \\u2014 change it after"}\n';
    expect(await values(json, 'exports/slack/it.json', 'windows-account-spaced-password')).toEqual(['Tq8v!Rz2Wm']);
    const quiet = [
      'QUAYSIDE\\jdoe            Domain Users',
      'BUILTIN\\Administrators   Alias   S-1-5-32-544',
      '.\\deploy.ps1  -Environment Prod-2026!',
      'run it as .\\scan-admin   Heron#Quay7',
      'QUAYSIDE\\svc-backup  $env:SVC_PW',
      'C:\\Users\\ops  Desktop-Shortcut1!',
      '',
    ].join('\n');
    expect(await values(quiet, 'notes.txt', 'windows-account-spaced-password')).toEqual([]);
  });

  it("reads reqwest's basic auth password given as an Option, and leaves a borrowed setting", async () => {
    const rust = ['let r = client.get(&url).basic_auth("ops", Some("Lumen$Dial-2290")).send().await?;', 'let s = client.get(&url).basic_auth(&cfg.user, Some(&cfg.password)).send().await?;', 'let t = client.get(&url).basic_auth("ops", None::<&str>).send().await?;', ''].join('\n');
    expect(await values(rust, 'src/main.rs', 'basic-auth-pair')).toEqual(['Lumen$Dial-2290']);
  });

  it('reads a password given for what it is on before a colon or `is`, and leaves a remark on where it is asked for', async () => {
    const runbook = ['- UEFI password on the three render nodes: `rnd-uefi-4471`', 'The password on the old NAS is Slate#Kiln-58 until we retire it.', ''].join('\n');
    expect(await values(runbook, 'ops/nodes.md', 'password-in-prose')).toEqual(['rnd-uefi-4471', 'Slate#Kiln-58']);
    const remarks = ['- Password on first login: required', 'The password on the router is printed on its label.', 'Password on the kiosk: see `vault kv get kiosk`', ''].join('\n');
    expect(await values(remarks, 'ops/nodes.md', 'password-in-prose')).toEqual([]);
  });

  it('reads a bare password right after its word where a login named by its form stands before it, a comma, bracket or dash between', async () => {
    const notes = [
      '- Break-glass: FENWICK\\bg-ops, password Quarry-Gate-L4ke!',
      '2. From the bench laptop: `ssh admin@10.30.2.7` (password lathe-bench-42), then `reboot`.',
      '* Staff Wi-Fi `FW-Crew` — password TidewayCrew31',
      '{"text": "login is ops@fenwick.example, password Sluice!Gate58 - rotate after"}',
      '| Kiln PLC | 10.30.4.11 | access level 2, password Kiln2-S7-lock! |',
      '',
    ].join('\n');
    expect(await values(notes, 'wiki/access.md', 'password-in-prose')).toEqual(['Quarry-Gate-L4ke!', 'lathe-bench-42', 'TidewayCrew31', 'Sluice!Gate58', 'Kiln2-S7-lock!']);
    const logins = ['user: ops_etl, password heron.quartz.318 for the replica', 'the user is ops_ro, password tern.ledge.274 (read-only)', ''].join('\n');
    expect(await values(logins, 'notes.txt', 'user-comma-password-prose')).toEqual(['heron.quartz.318', 'tern.ledge.274']);
    expect(await values('the user is ops_ro, password policy applies\nuser: ops_etl, password in the vault\n', 'notes.txt', 'user-comma-password-prose')).toEqual([]);
  });

  it('leaves words, flags and variables after a login named by its form, and a bang before the next sentence', async () => {
    const notes = [
      '- Break-glass: FENWICK\\bg-ops, password rotation is yearly',
      '2. Run `ssh admin@10.30.2.7` (password prompt appears), then `reboot`.',
      '* Staff Wi-Fi `FW-Crew` — password ${WIFI_PSK}',
      '* Staff Wi-Fi `FW-Crew` — password Protected',
      'Set `DB_HOST`, password hashing on',
      'The level 3, password 12345678 is not ours',
      '',
    ].join('\n');
    expect(await values(notes, 'wiki/access.md', 'password-in-prose')).toEqual([]);
    expect(await values('The service password Heron#Vq-5521! Then it failed.\n', 'notes.md', 'password-in-prose')).toEqual(['Heron#Vq-5521']);
  });

  it('reads words of both cases joined by a symbol as the password beside a login, the line wrapped before it', async () => {
    const mail = 'The kiln PC is reachable once you are on the VPN; VPN user kiln-svc,\npassword Pyrometer!Cone. It expires Friday.\n';
    expect(await values(mail, 'mail/vendor.eml', 'user-comma-password-prose')).toEqual(['Pyrometer!Cone']);
    const words = ['VPN user kiln-svc,\npassword Reset!Required soon', 'user ops, password Not#Set. ask IT', 'user ops, password Ask!Jo', ''].join('\n');
    expect(await values(words, 'notes.txt', 'user-comma-password-prose')).toEqual([]);
  });

  it('reads a passphrase of small words in quotes after the word passphrase, and leaves quoted remarks and passwords so written', async () => {
    const chat = '[10:16] Ana: gpg passphrase for the backup key is "seven herons above the weir"\n';
    expect(await values(chat, 'exports/teams-ops.txt', 'password-quoted-words-prose')).toEqual(['seven herons above the weir']);
    expect(await values('the ssh passphrase for the kiln laptop is\n"copper kettle under lamplight" (all lower case)\n', 'notes.md', 'password-quoted-words-prose')).toEqual(['copper kettle under lamplight']);
    const remarks = [
      'the passphrase is "the one on the sticky note"',
      'the passphrase is "same as your windows login"',
      'the passphrase is "at least four random words"',
      'the passphrase is "whatever you set at install"',
      'the password is "seven herons above the weir"',
      'the passphrase is "seven herons"',
      '',
    ].join('\n');
    expect(await values(remarks, 'notes.md', 'password-quoted-words-prose')).toEqual([]);
  });

  it('reads a password after a Windows domain account that `use` or `as` gives, the backslash doubled in JSON too', async () => {
    const chat = '{"body": "log in as PLANT\\\\svc_hist, pw Quarry!Ledger9 until IT resets it"}\n';
    expect(await values(chat, 'exports/teams/chat.json', 'user-comma-password-prose')).toEqual(['Quarry!Ledger9']);
    expect(await values('use CORP\\ops_ro, pw heather.vale.61 on the replica\n', 'notes.txt', 'user-comma-password-prose')).toEqual(['heather.vale.61']);
    const words = ['use C:\\Temp, password reset is off', 'use CORP\\ops_ro, password in the vault', 'use the defaults, password Harbor-2024! is not ours', ''].join('\n');
    expect(await values(words, 'notes.txt', 'user-comma-password-prose')).toEqual([]);
  });

  it('reads the password after `pw` where an account written with its host stands before it, bare or in a JSON string', async () => {
    const chat = [
      '[21:15] kai: ssh in, dome@10.40.2.9 pw Vq8!tRmz2Lkw then restart it',
      '{"text": "the replica is reporting@db2.orchard.lan, pw Ledger-Wren-904"},',
      '{"body": "mail intake@orchard.example password Tern.Quay.58"}',
      '',
    ].join('\n');
    expect(await values(chat, 'exports/teams/ops.json', 'user-comma-password-prose')).toEqual(['Vq8!tRmz2Lkw', 'Ledger-Wren-904', 'Tern.Quay.58']);
    const words = [
      'write to help@orchard.example, password resets are weekly',
      'git@github.com password prompts mean a bad key',
      '@Injectable() with password hashing',
      'ops@orchard.example pw in the vault',
      '',
    ].join('\n');
    expect(await values(words, 'exports/teams/ops.json', 'user-comma-password-prose')).toEqual([]);
  });

  it('reads a memorable passphrase of capitalised words after a user and `pw`, and leaves instructions written so', async () => {
    const chat = ['{"text": "user orchard-ftp, pw Lantern-Copper-Wharf - host ftp.orchard.lan"},', 'user kiosk, password Heron.Basalt.Tide', ''].join('\n');
    expect(await values(chat, 'exports/slack/ops.json', 'user-comma-password-prose')).toEqual(['Lantern-Copper-Wharf', 'Heron.Basalt.Tide']);
    const words = ['user ops, pw See-The-Wiki', 'user admin, password Ask-For-Access', 'user kiosk, pw Same-As-Before', 'user ops, pw Title-Case', ''].join('\n');
    expect(await values(words, 'exports/slack/ops.json', 'user-comma-password-prose')).toEqual([]);
  });

  it('reads a pair after `creds are` in a chat, and leaves the words of a form', async () => {
    const chat = '{"text": "the NAS is nas2.orchard.lan, share creds are depot / Crate-Lid-Amber-7"}\n';
    expect(await values(chat, 'exports/slack/ops.json', 'user-slash-password-prose')).toEqual(['Crate-Lid-Amber-7']);
    const words = ['the creds are email / password', 'our creds are stored / rotated-weekly', 'creds are user / pass', ''].join('\n');
    expect(await values(words, 'exports/slack/ops.json', 'user-slash-password-prose')).toEqual([]);
  });

  it("reads the password after an application's admin account written as one word, and leaves menus and paths", async () => {
    const chat = '{"text": "if SSO is down the fallback is labadmin / Centri!fuge-77 (I will rotate it)"}\n';
    expect(await values(chat, 'exports/slack/lab.json', 'account-slash-password')).toEqual(['Centri!fuge-77']);
    const menus = ['Open Webadmin / Settings / Users2024 to add one.', 'badmin / password1', ''].join('\n');
    expect(await values(menus, 'notes.md', 'account-slash-password')).toEqual([]);
  });
});

describe('passwords in prose: a clause on the noun, words in quotes, an answer, the other units, a label that takes a password alone', () => {
  const values = async (text: string, file: string, rule: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads the previous or the new one with its adjective in Markdown emphasis, and leaves one that names no password', async () => {
    const wiki = '- Vault recovery admin: `vr-admin`, password in the safe. The *previous* one (`Lantern!Quay#2024`) still worked in May.\n';
    expect(await values(wiki, 'wiki/it.md', 'password-new-one-prose')).toEqual(['Lantern!Quay#2024']);
    const bold = 'We rotated the kiosk password today; the **new** one is `Tern-Harbour-58!`.\n';
    expect(await values(bold, 'wiki/it.md', 'password-new-one-prose')).toEqual(['Tern-Harbour-58!']);
    const other = '- The release notes moved to the wiki. The *previous* one (`Release-Notes-2024!`) is archived.\n';
    expect(await values(other, 'wiki/it.md', 'password-new-one-prose')).toEqual([]);
  });

  it('reads a password set off after a told clause and its colon, a change with an adverb before `to`, and the verb wrapped before the noun', async () => {
    const incident = '- 03:10 the vendor login password was posted in #ops-bridge and has since been changed: `Harbour!Lamp-907`.\n';
    expect(await values(incident, 'incidents/2026-02-01.md', 'password-qualified-prose')).toEqual(['Harbour!Lamp-907']);
    const mail = 'Your library password has just been reset to Kestrel55-Temp# as you asked.\n';
    expect(await values(mail, 'mail/reset.eml', 'password-qualified-prose')).toEqual(['Kestrel55-Temp#']);
    const wiki = '- The kiln PC (`kiln-02.lan`) logs in as `potter` with\n  password Glaze4Days!? \u2014 log out after firing.\n';
    expect(await values(wiki, 'wiki/studio.md', 'password-in-prose')).toEqual(['Glaze4Days!?']);
  });

  it('leaves a place after a clause of keeping, a bare value after the clause, a change to a word, and a verb wrapped before other words', async () => {
    const kept = ['The password was stored in: `vault2/kv-3!`', 'The password is kept with the lease: `Lease-2024!x`', 'the password was changed: see `RUN-2231`', 'the password was rotated last night: Harbour!Lamp-907', ''].join('\n');
    expect(await values(kept, 'notes.md', 'password-qualified-prose')).toEqual([]);
    expect(await values('Your password has also been reset to the default.\n', 'mail/reset.eml', 'password-qualified-prose')).toEqual([]);
    expect(await values('Connect with\n  password authentication on the bastion.\n', 'wiki/ssh.md', 'password-in-prose')).toEqual([]);
  });

  it('reads a password after a clause that says who gave or used it, bare after is/was or set off by commas', async () => {
    const ticket = '{"body": "The password we set for the kiosk last spring was Bramble2021 but the tablet rejects it."}\n';
    expect(await values(ticket, 'tickets/T-88.json', 'password-qualified-prose')).toEqual(['Bramble2021']);
    const review = '- The SFTP password shared with the courier, Pallet-Wharf-3317, was in the mail thread; rotated on Monday.\n';
    expect(await values(review, 'reviews/courier.md', 'password-qualified-prose')).toEqual(['Pallet-Wharf-3317']);
  });

  it('leaves compounds, words, schemes and asides after the noun', async () => {
    const notes = [
      'The password manager we use is 1Password.',
      'The password policy we follow is NIST-800-63b.',
      'the password protected archive, Report-2024.zip, was sent',
      'The password we chose is Argon2id hashed on save.',
      'The password used for backups, however, was rotated.',
      'The password I gave you is in the vault.',
      '',
    ].join('\n');
    expect(await values(notes, 'notes.md', 'password-qualified-prose')).toEqual([]);
  });

  it('reads a passphrase of words spelled out in quotes, wrapped or not, and leaves a quoted sentence or message', async () => {
    const handbook = 'If both trustees agree, the admin login is `chair@example.coop` and the password is\n"Moorland Kettle Heron 58" (type the spaces).\n';
    expect(await values(handbook, 'docs/handbook.md', 'password-quoted-words-prose')).toEqual(['Moorland Kettle Heron 58']);
    const words = ['the password is "the one on the sticky note"', 'the message for a wrong password is "Invalid Login Attempt 3"', 'The password is "Change Me Now"', ''].join('\n');
    expect(await values(words, 'docs/handbook.md', 'password-quoted-words-prose')).toEqual([]);
  });

  it('reads a password given as the answer to a question about it, in a chat export or a ticket', async () => {
    const chat = [
      '[',
      '  {"type": "message", "text": "does anyone have the replica password? vault is down"},',
      '  {"type": "message", "text": "it\'s Pier7!Gantry for report_ro, will fix vault"}',
      ']',
      '',
    ].join('\n');
    expect(await values(chat, 'exports/slack/dba.json', 'password-answer-prose')).toEqual(['Pier7!Gantry']);
    const ticket = '[Member, 09:10] The router password fails. What is it now?\n[Support, 09:20] The engineer changed it, it\'s now Coble#Tide-90 . Please change it.\n';
    expect(await values(ticket, 'tickets/HBC-1.txt', 'password-answer-prose')).toEqual(['Coble#Tide-90']);
  });

  it("leaves an answer that names a place or a version, one with no question before it, and one past a blank line", async () => {
    const chat = [
      '[10:02] ana: anyone have the kiosk password?',
      "[10:03] raj: it's in 1Password under Kiosk-2024!",
      '[10:04] ana: password reset broken again?',
      "[10:05] raj: it's v2.4.1-RC-Fix on prod",
      '',
      '[11:00] ana: the kiosk password is in the vault',
      "[11:01] raj: it's Lodge!Birch42 then",
      '',
      '[12:00] ana: anyone have the kiosk password?',
      '',
      "[12:30] raj: it's Lodge!Birch42 for the kiosk user",
      '',
    ].join('\n');
    expect(await values(chat, 'chat.txt', 'password-answer-prose')).toEqual([]);
  });

  it('reads a password a condition in the same sentence asks for, and a wrapped old one in brackets', async () => {
    const wiki = 'If the till asks for a supervisor password, it is Curtain-Call-Red.\n';
    expect(await values(wiki, 'wiki/front-of-house.md', 'password-answer-prose')).toEqual(['Curtain-Call-Red']);
    const quiet = ['If the till asks for a password reset, it is Curtain-Call-Red.', '', 'The till asks for a password, it is Curtain-Call-Red.', '', 'If the till asks for a password, it is the same as the email one.', ''].join('\n');
    expect(await values(quiet, 'wiki/front-of-house.md', 'password-answer-prose')).toEqual([]);
    const incident = 'Someone pasted the broker password into chat. It was rotated; the old one\n(`q^Lm.7*Tz-RwPe0xK`) no longer works.\n';
    expect(await values(incident, 'wiki/incidents/broker.md', 'password-new-one-prose')).toEqual(['q^Lm.7*Tz-RwPe0xK']);
    expect(await values('The cert was renewed; the old one\n(`Cert-2024!x`) is gone.\n', 'wiki/incidents/broker.md', 'password-new-one-prose')).toEqual([]);
  });

  it("reads a device's login given after its web address and an admin account's name, not a word of prose there", async () => {
    const slack = ['sam 11:02  the yard camera box: http://10.20.4.7 admin Forklift-Bay-6', 'sam 11:03  the core switch 10.20.0.2 root Tq7!mRw2zKx9, console is on port 9', ''].join('\n');
    expect(await values(slack, 'exports/slack-it.txt', 'address-admin-password')).toEqual(['Forklift-Bay-6', 'Tq7!mRw2zKx9']);
    const prose = ['open http://10.20.4.7 admin panel2 first', 'the camera box at http://10.20.4.7 admin page is slow', 'see 10.20.0.2 root cause, ticket INC-2291', 'http://10.20.4.7 admin $CAM_PASSWORD', ''].join('\n');
    expect(await values(prose, 'exports/slack-it.txt', 'address-admin-password')).toEqual([]);
  });

  it('reads a password one account still uses after the paragraph gave a password, and a JSON message\'s login pair at the string\'s end', async () => {
    const mail = 'The new booking portal password is Tawny&Barn-72\n(change it when you log in). The council licence account still uses merlin2009.\n';
    expect(await values(mail, 'mail/portal.eml', 'account-uses-password-prose')).toEqual(['merlin2009']);
    const quiet = [
      'The council licence account still uses merlin2009.',
      '',
      'The password is in the vault. The build account still uses TLSv1.2 only.',
      'The password changed. The build login still uses sha256sum on upload.',
      '',
    ].join('\n');
    expect(await values(quiet, 'mail/portal.eml', 'account-uses-password-prose')).toEqual([]);
    const json = '[\n  {\n    "text": "also the feed supplier login is mews-orders / Hooded!Crow2031"\n  }\n]\n';
    expect(await values(json, 'exports/slack-ops.json', 'user-slash-password-prose')).toEqual(['Hooded!Crow2031']);
  });

  it("reads a grudging answer's `ok fine it's` after a warning not to paste it, and leaves one that gives a place", async () => {
    const teams = [
      '[14:02] Jo Hale: and the root password on the old NAS?',
      "[14:03] Ali Rees: please don't put that here",
      "[14:03] Ali Rees: ok fine it's ~Tarpaulin51, rotating it after lunch",
      '',
    ].join('\n');
    expect(await values(teams, 'exports/teams-it.txt', 'password-answer-prose')).toEqual(['~Tarpaulin51']);
    const place = ['[14:02] Jo Hale: and the root password on the old NAS?', "[14:03] Ali Rees: fine, it's in the Vault-2024! folder", ''].join('\n');
    expect(await values(place, 'exports/teams-it.txt', 'password-answer-prose')).toEqual([]);
  });

  it("reads an answer's it's after a word of reply, and after a question asked without its mark", async () => {
    const teams = ['[02/03/2025 11:40] Ola Berg: did the grafana admin password change?', "[02/03/2025 11:41] Kit Moss: yep it's Gauge7!Needle now", ''].join('\n');
    expect(await values(teams, 'chat/teams-ops.txt', 'password-answer-prose')).toEqual(['Gauge7!Needle']);
    const json = ['[', '  {"from": "a", "body": "the lab laptop wants the BIOS password again"},', '  {"from": "b", "body": "it\'s Pipette-Rack-4417 - will move it to LAPS"}', ']', ''].join('\n');
    expect(await values(json, 'exports/teams/lab.json', 'password-answer-prose')).toEqual(['Pipette-Rack-4417']);
    const statements = [
      '[11:40] ola: the password policy wants a symbol now',
      "[11:41] kit: yep it's Policy-v2!x from Monday",
      '',
      '[11:50] ola: we changed the password yesterday',
      "[11:51] kit: ok it's Gauge7!Needle then",
      '',
    ].join('\n');
    expect(await values(statements, 'chat/teams-ops.txt', 'password-answer-prose')).toEqual([]);
  });

  it('reads a password a chat message gives alone after a question about it, or an account and password after one about a login', async () => {
    const teams = ["[14/06/2025 09:10] Rui Costa: what's the door controller password again?", '[14/06/2025 09:11] Ana Lee: Strike#Plate42', ''].join('\n');
    expect(await values(teams, 'chat/teams-facilities.txt', 'password-bare-answer-prose')).toEqual(['Strike#Plate42']);
    const slack = [
      '  {"user": "U1", "text": "anyone got the label printer password"},',
      '  {"user": "U2", "text": "Zebra-Spool!88"},',
      '',
    ].join('\n');
    expect(await values(slack, 'exports/slack/warehouse.json', 'password-bare-answer-prose')).toEqual(['Zebra-Spool!88']);
    const login = ['[18:01] sam: the share is asking for a login', '[18:02] jo: av-tech / Mixer-Desk-2031', ''].join('\n');
    expect(await values(login, 'chat/av.txt', 'password-bare-answer-prose')).toEqual(['Mixer-Desk-2031']);
  });

  it("reads a Wi-Fi network's name and key a message gives after a question about the Wi-Fi, and an answer to whoever has the password", async () => {
    const slack = [
      '  {"user": "U1", "text": "what\'s the wifi in the tack room again?"},',
      '  {"user": "U2", "text": "Tack-AP2 / Saddle&Stirrup!"},',
      '',
    ].join('\n');
    expect(await values(slack, 'exports/slack-stables.json', 'password-bare-answer-prose')).toEqual(['Saddle&Stirrup!']);
    const teams = ['[07:06] Ada: the till tablet wants the wifi key again?', '[07:07] Ben: Bakery-Floor : proving-drawer-4417', ''].join('\n');
    expect(await values(teams, 'chat/bakery.txt', 'password-bare-answer-prose')).toEqual(['proving-drawer-4417']);
    const asked = ['[10:02] Ada: who has the studio wifi password, the intern starts today', "[10:03] Ben: it's Quill&Ink-2031 (network Studio-5G)", ''].join('\n');
    expect(await values(asked, 'chat/studio.txt', 'password-answer-prose')).toEqual(['Quill&Ink-2031']);
  });

  it('leaves an answer about the Wi-Fi that gives no key beside the network, or a mode, or the name twice', async () => {
    const chat = [
      "[09:10] rui: what's the wifi in the tack room again?",
      '[09:11] ana: Tack-AP2',
      '',
      "[09:20] rui: what's the wifi in the tack room again?",
      '[09:21] ana: Tack-AP2 / WPA2-Personal',
      '',
      "[09:30] rui: what's the wifi in the tack room again?",
      '[09:31] ana: Tack-AP2 / Tack-AP2',
      '',
      '[09:40] rui: the wifi is down again',
      '[09:41] ana: Tack-AP2 / rebooting',
      '',
    ].join('\n');
    expect(await values(chat, 'chat/stables.txt', 'password-bare-answer-prose')).toEqual([]);
  });

  it('leaves bare messages that answer no password question, or answer with a place, a version or a word', async () => {
    const chat = [
      "[09:10] rui: what's the door controller password again?",
      '[09:11] ana: in-the-Vault',
      '[09:12] ana: v4.2.0-Beta',
      '',
      '[09:20] rui: the password policy changed?',
      '[09:21] ana: Policy-2025!x',
      '',
      '[09:30] rui: which build is on the door controller?',
      '[09:31] ana: Build-7.2!rc',
      '',
      "[09:40] rui: what's the door controller password again?",
      '',
      '[09:50] ana: Strike#Plate42',
      '',
      '[10:00] rui: the share is asking for a login',
      '[10:01] jo: Mixer-Desk-2031',
      '',
    ].join('\n');
    expect(await values(chat, 'chat/teams-facilities.txt', 'password-bare-answer-prose')).toEqual([]);
    expect(await values("what's the admin password again?\nStrike#Plate42\n", 'notes.md', 'password-bare-answer-prose')).toEqual([]);
  });

  it("reads an answer in a chat copied as `Name 09:07  message`, a network's key after `, password`, and a message's last sentence", async () => {
    const teams = ['Bea Lund 18:40  lovely, thanks. and the polytunnel wifi?', 'Tom Ash 18:41  TunnelNet, password marrowbed42', ''].join('\n');
    expect(await values(teams, 'exports/teams-allotment.txt', 'password-bare-answer-prose')).toEqual(['marrowbed42']);
    const slack = [
      'ravi 10:02  Who has the Wi-Fi for the Bristol shop? The temp starts today.',
      "kim 10:04  guest one is on the till card as usual. staff one: BS-Staff / Solder-and-Flux-7",
      '',
    ].join('\n');
    expect(await values(slack, 'exports/slack-shops.txt', 'password-bare-answer-prose')).toEqual(['Solder-and-Flux-7']);
  });

  it('leaves a last sentence or a `, password` pair that gives no key, and a line that is no chat message', async () => {
    const chat = [
      'Bea Lund 18:40  and the polytunnel wifi?',
      'Tom Ash 18:41  TunnelNet, password on the shed door',
      '',
      'ravi 10:02  Who has the Wi-Fi for the Bristol shop?',
      'kim 10:04  ask at the till. staff one: BS-Staff / WPA2-Personal',
      '',
      'ravi 10:12  what is the wifi password for the van?',
      'kim 10:14  no idea. Check with Sam.',
      '',
      'Who has the Wi-Fi for the Bristol shop?',
      'Notes. staff one: BS-Staff / Solder-and-Flux-7',
      '',
    ].join('\n');
    expect(await values(chat, 'exports/slack-shops.txt', 'password-bare-answer-prose')).toEqual([]);
  });

  it('reads a bare answer after a few words and a colon, beside an account and an arrow, or before an aside after a dash', async () => {
    const slack = [
      '  {"user": "U1", "text": "anyone know the projector pw for room 2?"},',
      '  {"user": "U2", "text": "same as room 1: Andromeda31"},',
      '',
    ].join('\n');
    expect(await values(slack, 'exports/slack/av.json', 'password-bare-answer-prose')).toEqual(['Andromeda31']);
    const teams = [
      "[11:20] Noor: the laptop in bay 4 won't take my login, what's the local admin again?",
      '[11:21] Ivo: Bay4-Local-Adm1n# \u2014 change it after please',
      "[11:30] Noor: and the password for the bookings mailbox?",
      '[11:31] Ivo: bookings@ \u2192 Summer-Gala-25',
      '',
    ].join('\n');
    expect(await values(teams, 'chat/teams-it.txt', 'password-bare-answer-prose')).toEqual(['Bay4-Local-Adm1n#', 'Summer-Gala-25']);
  });

  it("reads a bare answer in a JSON export that spends several lines on each message's fields, and no further than a few messages", async () => {
    const message = (user: string, text: string) => ['  {', '    "type": "message",', `    "user": "${user}",`, `    "user_name": "${user} Hale",`, `    "text": "${text}",`, '    "ts": "1761220000.000100"', '  },'];
    const export_ = (...messages: string[][]) => ['[', ...messages.flat(), ']', ''].join('\n');
    const slack = export_(message('UAB', 'anyone know the wifi in the new bakery? the fitter is waiting'), message('UCD', 'Bakery-Staff / Crumb&Crust-88 \\u2014 I will change it after'));
    expect(await values(slack, 'exports/slack-bakery.json', 'password-bare-answer-prose')).toEqual(['Crumb&Crust-88']);
    const asked = export_(message('UAB', "what's the label printer password again?"), message('UCD', 'Zebra-Spool!88'));
    expect(await values(asked, 'exports/slack-warehouse.json', 'password-bare-answer-prose')).toEqual(['Zebra-Spool!88']);
    // Messages in between still count: an answer seven messages on answers something else.
    const later = export_(message('UAB', "what's the label printer password again?"), ...Array.from({ length: 6 }, (_, i) => message('UCD', `ok ${i}`)), message('UCD', 'Zebra-Spool!88'));
    expect(await values(later, 'exports/slack-warehouse.json', 'password-bare-answer-prose')).toEqual([]);
    // A config's keys are no chat's fields: its bare lines are still no answer.
    expect(await values('{\n  "question": "what is the admin password?",\n  "retries": 3,\n  "hint": "Zebra-Spool!88"\n}\n', 'form.json', 'password-bare-answer-prose')).toEqual([]);
  });

  it("reads an account and password given after a message that says the login or the password fails, and leaves other complaints", async () => {
    const teams = [
      '[11/05/2026 08:02] Ola Berg: the rota app logged me out and the depot login isn\'t working',
      '[11/05/2026 08:04] Kit Moss: use mine for now: depot-kit / Forklift&Pallet31',
      '',
      '[11/05/2026 09:10] Ola Berg: my password doesn\u2019t work on the till',
      '[11/05/2026 09:11] Kit Moss: till-ola / Receipt-Roll-77',
      '',
    ].join('\n');
    expect(await values(teams, 'exports/teams-depot.txt', 'password-bare-answer-prose')).toEqual(['Forklift&Pallet31', 'Receipt-Roll-77']);
    const other = [
      '[11/05/2026 08:02] Ola Berg: the login page is working again',
      '[11/05/2026 08:04] Kit Moss: depot-kit / Forklift&Pallet31',
      '',
      '[11/05/2026 09:10] Ola Berg: the password reset isn\'t working',
      '[11/05/2026 09:11] Kit Moss: till-ola / Receipt-Roll-77',
      '',
    ].join('\n');
    expect(await values(other, 'exports/teams-depot.txt', 'password-bare-answer-prose')).toEqual([]);
  });

  it('reads a bare answer in a chat copied with header lines, a blank line between its messages', async () => {
    const teams = ['[2:14 PM] Noor Haddad', "what's the password for the scanner share again?", '', '[2:15 PM] Ivo Marsh', 'Scan-Tray-4417!', ''].join('\n');
    expect(await values(teams, 'exports/teams-office.txt', 'password-bare-answer-prose')).toEqual(['Scan-Tray-4417!']);
    const notes = ["What's the password for the scanner share again?", '', 'Scan-Tray-4417!', ''].join('\n');
    expect(await values(notes, 'notes.txt', 'password-bare-answer-prose')).toEqual([]);
  });

  it("reads a bare answer before an aside after a dash that a JSON export escapes", async () => {
    const slack = [
      '  {"user": "U1", "text": "anyone got the scales office login? the sticker came off"},',
      '  {"user": "U2", "text": "weigher / Hopper!Gate88 \\u2014 changing it Monday"},',
      '  {"user": "U1", "text": "and the label printer password?"},',
      '  {"user": "U2", "text": "Tare-Roll-5513 \\u2013 the old one is gone"},',
      '',
    ].join('\n');
    expect(await values(slack, 'exports/slack-yard.json', 'password-bare-answer-prose')).toEqual(['Hopper!Gate88', 'Tare-Roll-5513']);
  });

  it("reads a bare answer whose JSON export goes on with the message's other members on its line", async () => {
    const slack = [
      '[',
      '  {"type": "message", "user": "U1", "text": "what\'s the login for the dispatch laptop again?", "ts": "1762056420.002800"},',
      '  {"type": "message", "user": "U2", "text": "despatch / Forklift-Bay#9 \u2014 don\'t change it, the scanner has it saved", "ts": "1762056475.003100"},',
      '  {"type": "message", "user": "U1", "text": "and the label printer password?", "ts": "1762056501.003300"},',
      '  {"type": "message", "user": "U2", "text": "Tare-Roll-5513", "ts": "1762056522.003500", "thread_ts": "1762056501.003300"},',
      '  {"type": "message", "user": "U1", "text": "what\'s the password for the yard pc?", "ts": "1762056601.003700"},',
      '  {"type": "message", "user": "U2", "text": "in the vault \u2014 ask Dan", "ts": "1762056622.003900"},',
      ']',
      '',
    ].join('\n');
    expect(await values(slack, 'exports/slack-yard.json', 'password-bare-answer-prose')).toEqual(['Forklift-Bay#9', 'Tare-Roll-5513']);
  });

  it('reads a bare answer in a chat copied with the name before the time on each header line, and leaves such lines in notes', async () => {
    const teams = ['Ola Berg 14:02', 'the dryer panel is asking for the service password again', 'Kit Moss 14:03', 'Tumble7Drum', 'Kit Moss 14:03', 'back in 5', ''].join('\n');
    expect(await values(teams, 'exports/teams-plant.txt', 'password-bare-answer-prose')).toEqual(['Tumble7Drum']);
    const dated = ['Ola Berg 03/11 9:41 AM', "what's the password for the press PC again?", '', 'Kit Moss 03/11 9:44 AM', 'Platen-Press-62', ''].join('\n');
    expect(await values(dated, 'exports/teams-print.txt', 'password-bare-answer-prose')).toEqual(['Platen-Press-62']);
    const notes = ['Service password for the dryer panel again?', 'Shift 2 14:03', 'Tumble7Drum', ''].join('\n');
    expect(await values(notes, 'notes.txt', 'password-bare-answer-prose')).toEqual([]);
  });

  it('reads a bare answer before a hedge, and the second value the hedge offers', async () => {
    const teams = [
      "[06:14] Priya: what's the chiller login now, the old one doesn't work",
      '[06:15] Sam: service / Carrier2019 still I think? or try Carrier2024!',
      "[07:14] Priya: and the boiler panel password?",
      '[07:15] Sam: Boiler-Pnl-77 iirc',
      '',
    ].join('\n');
    expect(await values(teams, 'chat/teams-plant.txt', 'password-bare-answer-prose')).toEqual(['Carrier2019', 'Carrier2024!', 'Boiler-Pnl-77']);
    const quiet = [
      "[06:14] Priya: what's the chiller login now?",
      '[06:15] Sam: service / Carrier2019 still I think? or try the vault',
      "[07:14] Priya: and the boiler panel password?",
      '[07:15] Sam: still in the vault I think',
      '',
    ].join('\n');
    expect(await values(quiet, 'chat/teams-plant.txt', 'password-bare-answer-prose')).toEqual(['Carrier2019']);
  });

  it("reads a Wi-Fi key a message gives alone after a question about the key, letters drawn at random too", async () => {
    const slack = [
      '  {"text": "also the borescope wifi key?"},',
      '  {"text": "it\'s on a sticker under the case: TqWzRbKmPlNx"},',
      '  {"text": "and the thermal camera wifi key?"},',
      '  {"text": "Fl4re-Cam-2031"},',
      '',
    ].join('\n');
    expect(await values(slack, 'exports/teams/techs.json', 'password-bare-answer-prose')).toEqual(['TqWzRbKmPlNx', 'Fl4re-Cam-2031']);
    const quiet = [
      ['also the borescope wifi key?', "it's on a sticker under the case: SeeTheSticker"],
      ['the borescope wifi key?', 'WPA2-Personal'],
      ['is the borescope wifi down?', 'RmIywBlYiqJz'],
    ];
    for (const [question, answer] of quiet) {
      const json = `  {"text": "${question}"},\n  {"text": "${answer}"},\n`;
      expect(await values(json, 'exports/teams/techs.json', 'password-bare-answer-prose')).toEqual([]);
    }
  });

  it('leaves bare answers that give a ticket, a file, a product, a variable or words after a colon or an arrow', async () => {
    const chat = [
      "[09:10] rui: what's the door controller password again?",
      '[09:11] ana: see ticket: INC-20931',
      '',
      "[09:20] rui: what's the kiosk pw?",
      '[09:21] ana: no idea, ask: IT-Helpdesk',
      '',
      "[09:30] rui: what's the local admin again?",
      '[09:31] ana: check LAPS \u2014 it rotates',
      '',
      "[09:40] rui: what's the share password?",
      '[09:41] ana: share \u2192 $SHARE_PASS',
      '',
      "[09:50] rui: what's the share password?",
      '[09:51] ana: in the vault: vault/Share-Pass',
      '',
    ].join('\n');
    expect(await values(chat, 'chat/teams-facilities.txt', 'password-bare-answer-prose')).toEqual([]);
  });

  it("reads an answer's value with a $ inside it and a ! that ends the chat's line after a digit or a symbol", async () => {
    const chat = [
      '[18:02] Priya: anyone know the sound desk pw?',
      "[18:04] Sam: it's Mix$Bus9 I think, or ask Jo",
      '[18:10] Priya: the stage PC admin pw changed?',
      "[18:11] Jo: yes it's now Wings204-Left!",
      '',
    ].join('\n');
    expect(await values(chat, 'chat/teams-crew.txt', 'password-answer-prose')).toEqual(['Mix$Bus9', 'Wings204-Left!']);
    const variables = [
      '[18:02] Priya: anyone know the sound desk pw?',
      "[18:04] Sam: it's $DESK_PW9a in the env",
      "[18:05] Sam: it's %DeskPw9-x% on windows",
      '[18:10] Priya: the stage PC admin pw changed?',
      "[18:11] Jo: yes it's now Wings204-Left! Ask me later",
      '',
    ].join('\n');
    expect(await values(variables, 'chat/teams-crew.txt', 'password-answer-prose')).toEqual(['Wings204-Left']);
  });

  it('reads the password the other units still have after the paragraph names one, and leaves versions and builds', async () => {
    const runbook = '2. The router password is Quay-North-2024! on new installs (older units still have `Skerry#Rt88`).\n';
    expect(await values(runbook, 'runbooks/router.md', 'password-others-have-prose')).toEqual(['Skerry#Rt88']);
    const notes = ['The router password is in the vault; older ones still run `OpenSSH_7.4p1`, others have `FW-2.1.3a`.', '', 'Older ones still have `Skerry#Rt88` on the label.', ''].join('\n');
    expect(await values(notes, 'runbooks/router.md', 'password-others-have-prose')).toEqual([]);
  });

  it('reads a code span on a line labelled VNC or BIOS setup, and leaves viewers, addresses and versions', async () => {
    const runbook = ['## Press PC', '- VNC (view only, for the foreman): `Press!view7`', '- BIOS/setup: `prs-bios-2231`', ''].join('\n');
    expect(await values(runbook, 'ops/press.md', 'password-only-label')).toEqual(['Press!view7', 'prs-bios-2231']);
    const notes = ['- VNC viewer: `TigerVNC-1.13`', '- VNC: `press01.plant.lan:5901`', '- BIOS: `1.22.0`', 'Open the VNC: `Press!view7` is the tab', ''].join('\n');
    expect(await values(notes, 'ops/press.md', 'password-only-label')).toEqual([]);
  });

  it("reads the code-span pair after it's in a clause about a database", async () => {
    const chat = '{"text": "the migration needs the billing db, it\'s `ledger_rw` / `Abacus-Vault-4410`"}\n';
    expect(await values(chat, 'exports/slack/eng.json', 'account-slash-password')).toEqual(['Abacus-Vault-4410']);
    expect(await values('The build output for the db goes to `dist` / `Build-2024_v2` by default.\n', 'notes.md', 'account-slash-password')).toEqual([]);
  });
});

describe('password-interim-prose', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'password-interim-prose')
      .map((f) => text.slice(f.start, f.end));
  };

  it("reads a password handed over as a clause of its own, \"it's …\", after messages that say the real one went to a vault that is out of reach", async () => {
    const chat = [
      '2025-06-02 08:10 rui.p: the scanner login was rotated, new one is in 1Password',
      "2025-06-02 08:12 kim.o: 1Password won't sync on the kiosk",
      "2025-06-02 08:13 rui.p: right, it's Fjord7-Lattice-pQm — I'll rotate it tonight",
      '',
    ].join('\n');
    expect(await values(chat, 'chat/ops-2025-06.log')).toEqual(['Fjord7-Lattice-pQm']);
    expect(await values('The NAS password got reset; the vault is read-only today.\nok: it is Bracken#Ledge-44.\n', 'notes.txt')).toEqual(['Bracken#Ledge-44']);
  });

  it("leaves an \"it's\" inside a sentence, one with no login or vault before it, and a value the sentence goes on after", async () => {
    const chat = [
      'the deploy password was rotated, it is in the vault',
      "I think it's Fjord7-Lattice-pQm but check the vault",
      '',
      'the release branch moved; ok, it is Release-7-xQm now',
      '',
      "the login was reset in the vault; it's Fjord7-Lattice-pQm and the cache that broke it",
      '',
    ].join('\n');
    expect(await values(chat, 'chat/ops.log')).toEqual([]);
  });
});

describe('passwords in incident notes and device code: a change in the past perfect, a Redis user left out, an MQTT login', () => {
  const values = async (text: string, file: string, rule: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads the value a password "had been" set to, as "has been" and "was" are read, and leaves words after the same verb', async () => {
    const incident = '- 09:40 backups failed because the `archive` account password had been changed by the vendor on Friday to `Heron&Slate-2027` without notice.\n';
    expect(await values(incident, 'ops/incidents/backups.md', 'password-qualified-prose')).toEqual(['Heron&Slate-2027']);
    const words = 'The password had been reset to the default before the audit.\nthe password had been changed to something nobody wrote down.\n';
    expect(await values(words, 'ops/incidents/backups.md', 'password-qualified-prose')).toEqual([]);
  });

  it('reads the password a Jedis client takes after a username left out, and leaves a left-out password before a client name', async () => {
    expect(await values('    private val cache = JedisPooled("cache.lan", 6379, null, "Marsh-Lantern-4410")\n', 'Cache.kt', 'redis-client-password')).toEqual(['Marsh-Lantern-4410']);
    expect(await values('new JedisPool(cfg, "cache.lan", 6379, 2000, null, "ledger-app", "eu-west");\n', 'Cache.java', 'redis-client-password')).toEqual([]);
  });

  it("reads the third literal of a C or C++ client's connect (PubSubClient's id, user, password), also commented out, and leaves its will and other languages", async () => {
    const sketch = ['  mqtt.setServer(BROKER, 1883);', '  // old boards: mqtt.connect("gate-7", "sensors", "heron2291");', '  mqtt.connect("gate-7", "sensors/gate-7/state", 1, true, "offline");', ''].join('\n');
    expect(await values(sketch, 'src/gate.ino', 'credential-call-argument')).toEqual(['heron2291']);
    expect(await values('client.connect("gate-7", "sensors", "heron2291");\n', 'lib/gate.js', 'credential-call-argument')).toEqual([]);
    expect(await values('client.connect("gate-7", "sensors", "changeme");\nclient.connect("gate-7", MQTT_USER, MQTT_PASS);\n', 'src/gate.cpp', 'credential-call-argument')).toEqual([]);
  });
});

describe("a signing secret made of words, as an app's fallback after its environment lookup", () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'generic-assignment')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads words and a number a team chose to sign tokens, sessions or cookies with, after ||, ?? or a default argument', async () => {
    expect(await values("const JWT_SECRET = process.env.JWT_SECRET || 'marlin-tackle-secret-2023';\n", 'api/src/auth.ts')).toEqual(['marlin-tackle-secret-2023']);
    expect(await values("const secret = process.env.SIGNING_SECRET ?? 'larkspur-gallery-signing-key-2021';\n", 'portal/lib/jwt.ts')).toEqual(['larkspur-gallery-signing-key-2021']);
    expect(await values("SESSION_SECRET = os.environ.get('SESSION_SECRET', 'quayside_ferry_cookie_2020')\n", 'app/settings.py')).toEqual(['quayside_ferry_cookie_2020']);
  });

  it("leaves a developer's stand-in, words without a number, and words under a vendor-issued secret's name", async () => {
    const fallbacks = [
      "const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret';",
      "const JWT_SECRET = process.env.JWT_SECRET || 'insecure-default';",
      "const JWT_SECRET = process.env.JWT_SECRET || 'marlin-dev-secret-2023';",
      "const JWT_SECRET = process.env.JWT_SECRET || 'change-me-marlin-2023';",
      "const JWT_SECRET = process.env.JWT_SECRET || 'my-jwt-secret-2023';",
      "const JWT_SECRET = process.env.JWT_SECRET || 'marlin-tackle-signing-secret';",
      "const CLIENT_SECRET = process.env.CLIENT_SECRET || 'marlin-tackle-secret-2023';",
      "const CACHE_KEY = process.env.CACHE_KEY || 'marlin-tackle-cache-2023';",
      '',
    ].join('\n');
    expect(await values(fallbacks, 'api/src/auth.ts')).toEqual([]);
  });
});

describe("a Wi-Fi network's key written bare after its noun", () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'generic-assignment')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads capitalised words joined by a mark or a password mix that ends its clause, without the sentence\'s stop', async () => {
    const notes = ['- Mobile hotspot in each truck: SSID `FX-Truck-<n>`, WPA2 key Ladder-Gutter-Downpipe', 'Office Wi-Fi key Quarry7!Moss (front desk has it).', 'Guest network: WPA2 key Copper-Kettle-Lane.', ''].join('\n');
    expect(await values(notes, 'wiki/trucks.md')).toEqual(['Ladder-Gutter-Downpipe', 'Quarry7!Moss', 'Copper-Kettle-Lane']);
  });

  it("reads letters and digits, a passphrase's `@`, and a key that closes a chat export's message", async () => {
    expect(await values('{"user": "U1", "text": "SSID Kiln-Hall, key glazingroom2291"},\n', 'chat/slack-kiln.json')).toEqual(['glazingroom2291']);
    expect(await values('Track Wi-Fi (crew): SSID TR-Crew, WPA2 key Tyr3s@Pit-77\n', 'wiki/track.md')).toEqual(['Tyr3s@Pit-77']);
  });

  it("leaves a word numbered by one digit and an address after a Wi-Fi network's key", async () => {
    const words = ['SSID Kiln-Hall, key settings2', 'WPA2 key ops@kiln.example', '{"text": "SSID Kiln-Hall, key glazingroom2291 is on the card"}', ''].join('\n');
    expect(await values(words, 'chat/slack-kiln.json')).toEqual([]);
  });

  it('leaves words a sentence goes on in, a security mode, the network\'s own name and a value the sentence runs past', async () => {
    const words = [
      'The WPA2 key rotation happens every quarter.',
      'Use the WPA2 key WPA2-PSK-AES on the old printers.',
      'SSID Truck-Guest-Net, WPA2 key Truck-Guest-Net',
      'The Wi-Fi key Copper-Kettle-Lane is what the guests ask for most',
      'Wi-Fi key Two-Words',
      '',
    ].join('\n');
    expect(await values(words, 'wiki/trucks.md')).toEqual([]);
  });
});

describe('a login pair given in brackets after what one logs into, after "log in … with", and as a chat\'s answer', () => {
  const values = async (text: string, file: string, rule: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads the password of a code-marked pair in brackets after a clause of logging in, and leaves a bracketed pair of build names', async () => {
    expect(await values('2. Sign in to the lighting desk (`lxop` / `Gobo-Rotator-41`) before the doors open.\n', 'wiki/runbook.md', 'account-slash-password')).toEqual(['Gobo-Rotator-41']);
    expect(await values('The build output (`dist` / `build-2024_v2`) goes to the bucket.\n', 'wiki/runbook.md', 'account-slash-password')).toEqual([]);
  });

  it('reads a bare account after "log in … with" or "sign in as", past the stops of an address, and not past a sentence\'s end', async () => {
    const chat = '{"text": "Log into the NVR at https://10.40.2.9 with operator / Shutter-Angle-172 and export the clip"}\n';
    expect(await values(chat, 'exports/slack/av.json', 'account-slash-password')).toEqual(['Shutter-Angle-172']);
    expect(await values('Sign in as kiosk / Ferry!Lantern82 on the tablet.\n', 'notes.md', 'account-slash-password')).toEqual(['Ferry!Lantern82']);
    expect(await values('Log in first. Then compare before / after-2024-v2 in the report.\n', 'notes.md', 'account-slash-password')).toEqual([]);
  });

  it("reads a password's mix beside its account as a chat's answer to a question about the password, and leaves words alone", async () => {
    const chat = '[2025-02-03 10:11] sam: who has the broker password? the board is offline\n[2025-02-03 10:12] kit: sensors / heron-t7q2vw9xz\n';
    expect(await values(chat, 'chat/ops.txt', 'password-bare-answer-prose')).toEqual(['heron-t7q2vw9xz']);
    const words = '[10:11] sam: who has the broker password?\n[10:12] kit: sensors / check-the-wiki\n';
    expect(await values(words, 'chat/ops.txt', 'password-bare-answer-prose')).toEqual([]);
  });
});

describe('a password set by a command that names the setting, then gives its value', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'generic-assignment')
      .map((f) => text.slice(f.start, f.end));
  };

  it("reads Android's setprop and git config, in a ticket's code block too, and leaves a variable, a getter and a timeout", async () => {
    const ticket = ['Override on the device:', '', '    adb shell setprop debug.fleet.upload_password Qv7-ratLmS2wXk', '', 'git config --global relay.password Harbour!Kiln58', ''].join('\n');
    expect(await values(ticket, 'tickets/FL-88.md')).toEqual(['Qv7-ratLmS2wXk', 'Harbour!Kiln58']);
    const quiet = ['adb shell setprop debug.fleet.upload_password $UPLOAD_PW', 'adb shell getprop debug.fleet.upload_password Qv7-ratLmS2wXk', 'adb shell setprop persist.sys.password_timeout 30', ''].join('\n');
    expect(await values(quiet, 'tickets/FL-88.md')).toEqual([]);
  });
});

describe('a passphrase of words joined by an ampersand or a plus', () => {
  it('reads the words under a passphrase, the joining mark one of them, and leaves marks alone', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string) => detect(text, { file: 'wiki/keys.md' }).filter((f) => f.rule === 'generic-assignment').map((f) => text.slice(f.start, f.end));
    expect(found('The export signing key (passphrase `Crumpet & Darjeeling 1977`) is below.\n')).toEqual(['Crumpet & Darjeeling 1977']);
    expect(found('passphrase: "Salt + Vinegar + Pepper 42"\n')).toEqual(['Salt + Vinegar + Pepper 42']);
    expect(found('passphrase: "& & & &"\npassphrase: "enter your passphrase & go"\n')).toEqual([]);
  });
});

describe("a signing secret made of words as a dotenv file's literal", () => {
  it('reads it bare in a dotenv file, and leaves a bare one in program source and a stand-in', async () => {
    const { detect } = await import('../index.js');
    const found = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'generic-assignment').map((f) => text.slice(f.start, f.end));
    expect(found('JWT_SECRET=marlin-tackle-secret-2023\n', 'api/.env.production')).toEqual(['marlin-tackle-secret-2023']);
    expect(found('JWT_SECRET=marlin-dev-secret-2023\n', 'api/.env.production')).toEqual([]);
  });
});

describe('a password named a clause or a line back and given as the new, old or shared one or value', () => {
  const values = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === 'password-new-one-prose')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads an old and a new value paired in a sentence that wraps after naming the password', async () => {
    const postmortem = [
      '- 14:02 Payroll export failed: the SFTP password was changed on `files01` but not in the',
      '  export job. Old value `Pennant#Quay19`, new value Pennant#Quay20.',
      '',
    ].join('\n');
    expect(await values(postmortem, 'wiki/postmortem.md')).toEqual(['Pennant#Quay19', 'Pennant#Quay20']);
  });

  it('reads the old and the new one set off in brackets', async () => {
    const writeup = [
      'The relay password was rotated on Monday but the gateway on the north site still',
      'had the old one (`Relay-North-7a`). The new value (Relay-North-8b!) reached only the south site.',
      '',
      'Root cause: the password in sync.toml was the old one. The new one (`Otter4Weir!Gate`) was only in Bitwarden.',
      '',
    ].join('\n');
    expect(await values(writeup, 'ops/incident.md')).toEqual(['Relay-North-7a', 'Relay-North-8b!', 'Otter4Weir!Gate']);
  });

  it('reads the shared value after default logins said to be changed', async () => {
    const runbook = 'The camera web pages default to\n`admin/1234` — we changed every one; the shared value is now Lens#Harrier42.\n';
    expect(await values(runbook, 'ops/cameras.md')).toEqual(['Lens#Harrier42']);
  });

  it('leaves the new one of a certificate, a release or a ticket, a version, a file, a host and a value with no pairing', async () => {
    const notes = [
      'The password is unchanged but the cert expired. The new one (`Cert-Kiln-2025!`) is on the share.',
      'The password reset tool shipped. The new release (`Release-2025.2`) fixes it.',
      'The password was rotated. The new value (`sync-Prod.toml`) is the file to edit.',
      'The password was rotated on the host; the old one (`db01-ledger.example.corp`) is retired.',
      'The password was rotated under a ticket. The new one (`OPS-1881`) has the details.',
      'The password was rotated. The new value Pennant#Quay20 went out.',
      'The password was rotated; the old one (`Pennant#Quay19` and more) stays.',
      '',
      'The camera web pages default to `admin/1234`; the shared value is now Lens#Harrier42.',
      '',
      'The timeout was changed. Old value `30s`, new value Thirty-Secs-4!.',
      '',
    ].join('\n');
    expect(await values(notes, 'ops/notes.md')).toEqual([]);
  });
});

describe("a value Sealed Secrets encrypted, wherever the chart carries it", () => {
  // Base64 that opens as kubeseal's output does: the session key's length (0x0200), then ciphertext.
  const sealed = 'AgCq' + 'Lm7vRz2Tx9Kq4Wn8Pb3Hc6Jd1Fy5Gs0Ua+Ve/Xi'.repeat(3) + 'Qw==';
  const found = async (text: string, file: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file }).map((f) => text.slice(f.start, f.end));
  };

  it("leaves it in a SealedSecret manifest, under a chart's sealedSecrets values, and beside a note that kubeseal made it", async () => {
    expect(await found(`apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    DB_PASSWORD: ${sealed}\n`, 'k8s/db-sealed.yaml')).toEqual([]);
    expect(await found(`sealedSecrets:\n  encryptedData:\n    DB_PASSWORD: ${sealed}\n`, 'charts/portal/values.yaml')).toEqual([]);
    expect(await found(`secrets:\n  # sealed with kubeseal --raw --scope namespace-wide\n  apiToken: "${sealed}"\n`, 'charts/portal/values-prod.yaml')).toEqual([]);
  });

  it('still reports its shape with no word of Sealed Secrets around, and a plain secret beside the sealed ones', async () => {
    expect(await found(`secrets:\n  apiToken: "${sealed}"\n`, 'charts/portal/values.yaml')).toEqual([sealed]);
    const beside = `sealedSecrets:\n  encryptedData:\n    DB_PASSWORD: ${sealed}\nsmtp:\n  password: "Wz8qLm3Rt7Kx2Vb9"\n`;
    expect(await found(beside, 'charts/portal/values.yaml')).toEqual(['Wz8qLm3Rt7Kx2Vb9']);
  });
});

describe('passwords in wiki, runbook and mail prose and in config: wrapped, digitless, set off in asides', () => {
  const found = async (text: string, file: string, rule?: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file }).filter((f) => rule === undefined || f.rule === rule).map((f) => text.slice(f.start, f.end));
  };

  it("reads a YAML plain scalar whole past a `<`, to the line's end or a comment, and leaves a template's tag", async () => {
    expect(await found('relay_password: Fjord<9Kelp#  # rotated in May\n', 'group_vars/relay.yml', 'generic-assignment')).toEqual(['Fjord<9Kelp#']);
    expect(await found('relay_password: <%= ENV["RELAY_PASSWORD"] %>\n', 'group_vars/relay.yml')).toEqual([]);
  });

  it("reads a quoted passphrase of words under a password's name in every dialect, and leaves a hint, a message and a command", async () => {
    expect(await found('SFTP_PASSWORD="Lantern Quay 42 Heron"\n', 'sync/.env', 'generic-assignment')).toEqual(['Lantern Quay 42 Heron']);
    expect(await found('sftp_password: "Lantern Quay 42 Heron"\n', 'config/sync.yml', 'generic-assignment')).toEqual(['Lantern Quay 42 Heron']);
    expect(await found('sftp.password = "Lantern Quay 42 Heron"\n', 'sync.properties', 'generic-assignment')).toEqual(['Lantern Quay 42 Heron']);
    expect(await found('SFTP_PASSWORD_HINT="Lantern Quay 42 Heron"\nLOGIN_PASSWORD="Must be at least 8 characters"\n', 'sync/.env')).toEqual([]);
    const command = "$pw = ConvertTo-SecureString 'Lantern-Quay-42' -AsPlainText -Force\n";
    expect(await found(command, 'Deploy.ps1')).toEqual(['Lantern-Quay-42']);
  });

  it('reads a user and a password joined by `and` over a line break, and leaves a sentence about the password', async () => {
    expect(await found('Connect to the drop box with user ledgerbot and\npassword Quarry-Lamp-Sept! before noon.\n', 'mail/drop.eml', 'user-comma-password-prose')).toEqual(['Quarry-Lamp-Sept!']);
    expect(await found('Connect with user ledgerbot and\npassword rotation is monthly.\n', 'mail/drop.eml')).toEqual([]);
  });

  it('reads an account and a password at a spaced slash that ends the clause, and leaves an account\'s pages', async () => {
    expect(await found('remote viewing with the account depot-viewer / Signal-Box-Lever-9.\n', 'minutes.md', 'user-slash-password-prose')).toEqual(['Signal-Box-Lever-9']);
    expect(await found('see the account billing / Invoices2024 pages for totals\n', 'minutes.md')).toEqual([]);
  });

  it('reads capitalised words with no digit after a pair a sentence states, or after a set-off admin, not a menu', async () => {
    expect(await found('The kiosk login for the night porter account is porter2 / Lantern-Quay-Heron.\n', 'wiki/handover.md', 'user-slash-password-prose')).toEqual(['Lantern-Quay-Heron']);
    expect(await found('The login menu for the portal is Home / Account-Settings-Page and more\n', 'wiki/handover.md')).toEqual([]);
    expect(await found('NAS admin page — admin / Qnap-harbour-Lights.\n', 'wiki/office.md', 'account-slash-password')).toEqual(['Qnap-harbour-Lights']);
    expect(await found('Go to Admin / Site-Wide-Settings / Users\nThen open admin / Read-Only-Mode and save.\n', 'wiki/office.md')).toEqual([]);
  });

  it('reads a bold password holding an `@` after an aside, not an address', async () => {
    expect(await found('The door controller password (every site) is **Heron@Quay42**; ok\n', 'runbook.md', 'password-qualified-prose')).toEqual(['Heron@Quay42']);
    expect(await found('The relay password (see below) is **ops@host01.corp** now\n', 'runbook.md', 'password-qualified-prose')).toEqual([]);
  });

  it("reads the old one in a sentence wrapped from the line that names the password, not over a paragraph's end nor a policy", async () => {
    expect(await found('The kiosk password is in the vault now; the east wing\nstill uses the old one, harbor-lamp-quay71, until Friday.\n', 'wiki/kiosk.md', 'password-new-one-prose')).toEqual(['harbor-lamp-quay71']);
    expect(await found('The password policy changed last week and the\nold one, legacy-policy-v2, is gone.\n', 'wiki/kiosk.md')).toEqual([]);
    expect(await found('The password is in the vault.\n\nstill uses the old one, harbor-lamp-quay71, until Friday.\n', 'wiki/kiosk.md')).toEqual([]);
  });

  it('reads a password wrapped after `password is`, a digitless made one after a word of prose, one in an aside where it is kept', async () => {
    expect(await found('After the upgrade the console password is\nkelp-harbor-lamp-58 and the API key rotates.\n', 'wiki/release.md', 'password-in-prose')).toEqual(['kelp-harbor-lamp-58']);
    expect(await found('The password is\nrotated every quarter by ops.\n', 'wiki/release.md')).toEqual([]);
    expect(await found('The spare NVR on the office LAN, admin password Heron#Quay\n', 'mail/nvr.eml', 'password-in-prose')).toEqual(['Heron#Quay']);
    expect(await found('Reset the admin password Reset#Anchor and continue\n', 'mail/nvr.eml')).toEqual([]);
    expect(await found('RDP as `CORP\\svc-rip` (password in the drawer: `Kerning4.5pt!`).\n', 'wiki/rip.md', 'password-in-prose')).toEqual(['Kerning4.5pt!']);
    expect(await found('The password in the vault: Staging2\nthe password in the safe: ask Ruth.\n', 'wiki/rip.md')).toEqual([]);
  });

  it("reads the answer a comment gives a password prompt, not the prompt's own text", async () => {
    expect(await found('```sh\npg_restore -d ledger backup.dump\n# password prompt: Qa-Restore-2025\n```\n', 'runbooks/restore.md', 'password-comment-tail')).toEqual(['Qa-Restore-2025']);
    expect(await found('# password prompt: Passphrase-Entry-1:\n', 'restore.sh')).toEqual([]);
  });
});

describe('passwords in prose: handed over by a channel, wrapped before `is`, as an appositive, as joined words after a login, as bare words', () => {
  const values = async (text: string, file: string, rule: string) => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.rule === rule)
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads a password given by phone or over a channel before a colon, and leaves the words after one', async () => {
    const log = ['- 11:05 The vendor read the new password over the phone: Quay7-Crane-Lift. It worked.', '- The password via Signal: Tern!Ledge-48', ''].join('\n');
    expect(await values(log, 'wiki/incident.md', 'password-in-prose')).toEqual(['Quay7-Crane-Lift', 'Tern!Ledge-48']);
    expect(await values('The password by default: none\nSorted by password: strength first\n', 'notes.md', 'password-in-prose')).toEqual([]);
  });

  it("reads a password after `is` on the next line where a sentence's word stands before the noun, and leaves a word after it", async () => {
    const mail = 'For the shop: the till login is on the card, and the manager password\nis Oarlock-Tide-31 (rotate it in May).\n';
    expect(await values(mail, 'mail/till.eml', 'password-in-prose')).toEqual(['Oarlock-Tide-31']);
    const remarks = ['the manager password\nis required at login.', 'the manager password\nis NIST-800-63 compliant', 'manager_password\nis Oarlock-Tide-31', ''].join('\n');
    expect(await values(remarks, 'mail/till.eml', 'password-in-prose')).toEqual([]);
  });

  it('reads a password as an appositive ending its clause, a bang before the stop kept, and leaves a list of fields', async () => {
    const log = '- 10:40 The cron job still used the backup password, Spool-Tape-2024!.\n- 10:50 Later: the relay password, Kelp#Dock58 (since rotated).\n';
    expect(await values(log, 'ops/incident.md', 'password-in-prose')).toEqual(['Spool-Tape-2024!', 'Kelp#Dock58']);
    const lists = ['Enter the user name, password, Host-Name-2 and port.', 'The backup password, Spool-Tape-2024! and the key are in the safe.', 'The backup password, rotated-2024 yearly.', ''].join('\n');
    expect(await values(lists, 'ops/incident.md', 'password-in-prose')).toEqual([]);
  });

  it('reads capitalised joined words after a login named by its form, and leaves a remark so written', async () => {
    const notes = '- Archive NAS (SMB, `ARCHIVE\\\\scan-ops`, password Slate-Harbour-Fern).\n';
    expect(await values(notes, 'wiki/nas.md', 'password-in-prose')).toEqual(['Slate-Harbour-Fern']);
    const remarks = ['- NAS (`ARCHIVE\\\\scan-ops`, password Not-Set-Yet).', '- NAS (`ARCHIVE\\\\scan-ops`, password See-The-Vault).', '- NAS (`ARCHIVE\\\\scan-ops`, password Slate-harbour).', ''].join('\n');
    expect(await values(remarks, 'wiki/nas.md', 'password-in-prose')).toEqual([]);
  });

  it('reads a bare passphrase of small words and a number that ends its sentence, and leaves sentences about passphrases', async () => {
    const mail = 'The signing key is attached; its passphrase is quartz ember willow fern 2031. Delete this mail after.\n';
    expect(await values(mail, 'mail/key.eml', 'password-quoted-words-prose')).toEqual(['quartz ember willow fern 2031']);
    const remarks = [
      'The passphrase is at least 12 characters long.',
      'The password is changed every 90 days.',
      'The passphrase is four random words and 2 digits.',
      'The password was rotated on 12 march.',
      'The passphrase is Quartz Ember Willow 2031. Delete this mail.',
      'The passphrase is quartz ember willow fern. Delete this mail.',
      '',
    ].join('\n');
    expect(await values(remarks, 'mail/key.eml', 'password-quoted-words-prose')).toEqual([]);
  });
});

describe('passwords in config comments and runbook prose: an old one by when it held, a change from one to another, a prompt, a passphrase that ends its clause', () => {
  const found = async (text: string, file: string): Promise<string[]> => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.category === 'PASS')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads a password a comment dates by when it held (`old password before … rotation: …`)', async () => {
    expect(await found('[panel]\nadmin_password = Kestrel-Loft-88\n; old password before the March rotation: quayside2018\n', 'panel.ini')).toEqual(['Kestrel-Loft-88', 'quayside2018']);
    expect(await found('# vpn password until the 2023 audit: Heron.Slip42\n', 'vpn.conf')).toEqual(['Heron.Slip42']);
    expect(await found('; password before Feb rotation: see the vault\n# change the password after login: portal\n', 'panel.ini')).toEqual([]);
  });

  it('reads the old value a password was changed from, and the new one when set off', async () => {
    expect(await found('- Kiosk service account password changed from `kioskpass2020` to a generated one (in the vault).\n', 'incidents/kiosk.md')).toEqual(['kioskpass2020']);
    expect(await found('The till password was rotated from `Marram!Dune7` to `Sand#Piper-44` on Monday.\n', 'notes.md')).toEqual(['Marram!Dune7', 'Sand#Piper-44']);
    expect(await found('The password was changed from the default to a generated one.\nPassword hashing changed from md5 to bcrypt12.\nThe password changed from `kioskpass2020`.\n', 'notes.md')).toEqual([]);
  });

  it("reads the old one a password prompt's note warns against", async () => {
    expect(await found('pg_restore -h db01 -U sales -d sales latest.dump\n# password prompt: use the one in the vault (NOT the old one, Shearing-Shed-4)\n', 'runbooks/restore.md')).toEqual(['Shearing-Shed-4']);
    expect(await found('# password policy: use the new one (NOT the old one, Shearing-Shed-4)\n', 'runbooks/restore.md')).toEqual([]);
  });

  it('reads a passphrase that a comma ends before the sentence goes on, and leaves a sentence where the value was', async () => {
    expect(await found('The passphrase is drystone-wall-sheepfold-1822, kept here until we move it to the vault.\n', 'signing/README.md')).toEqual(['drystone-wall-sheepfold-1822']);
    expect(await found('The passphrase is rotated yearly, see the runbook.\nThe passphrase is stored in the vault, ask ops.\n', 'signing/README.md')).toEqual([]);
  });
});

describe('a short drawn key under a name that ends in `api key`', () => {
  const keys = async (text: string, file: string): Promise<string[]> => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.category === 'KEY')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads eight or nine capitals and digits drawn at random as the key', async () => {
    expect(await keys('GEOCODER_API_KEY=R4TQ8ZK2\n', 'deploy/.env')).toEqual(['R4TQ8ZK2']);
    expect(await keys('maps:\n  api_key: "7HX2MQ4PZ"\n', 'config/settings.yml')).toEqual(['7HX2MQ4PZ']);
    expect(await keys('export W3W_API_KEY=N8C3TW6Q\n', 'scripts/env.sh')).toEqual(['N8C3TW6Q']);
  });

  it('leaves stand-ins and a word beside a number, and short values under other names', async () => {
    const standIns = 'API_KEY=changeme\nAPI_KEY=XXXXXXXX\nAPI_KEY=TODO\nAPI_KEY=ABCD1234\nAPI_KEY=A1B2C3D4\nAPI_KEY=APIKEY01\nAPI_KEY=TODO2025\nAPI_KEY=12345678\n';
    expect(await keys(standIns, 'app/.env')).toEqual([]);
    expect(await keys('BUILD_ID=R4TQ8ZK2\nLICENSE_SKU=R4TQ8ZK2\nAPI_KEY_ID=R4TQ8ZK2\n', 'app/.env')).toEqual([]);
  });
});

describe("UUIDs that are ids beside a key: an integration's key, an argument after a token variable", () => {
  const found = async (text: string, file: string): Promise<string[]> => {
    const { detect } = await import('../index.js');
    return detect(text, { file }).map((f) => text.slice(f.start, f.end));
  };

  it("leaves a UUID under an integration key's name, and still reads the secret beside it", async () => {
    const rb = 'Rails.application.configure do\n  config.x.esign.integration_key = "5d1c7a2e-8f34-4b6a-9c0e-2a7f13b8d946"\n  config.x.esign.api_secret = "Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0F"\nend\n';
    expect(await found(rb, 'config/initializers/esign.rb')).toEqual(['Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0F']);
    expect(await found('DOCUSIGN_INTEGRATION_KEY=5d1c7a2e-8f34-4b6a-9c0e-2a7f13b8d946\n', 'deploy/app.env')).toEqual([]);
    expect(await found('const esign = { integrationKey: "5d1c7a2e-8f34-4b6a-9c0e-2a7f13b8d946" };\n', 'src/esign.ts')).toEqual([]);
  });

  it('still reads a key of another shape under an integration key, and a UUID under a secret key', async () => {
    expect(await found('PAGERDUTY_INTEGRATION_KEY=9c4e1a7b3f20d85e6b1c4a9f7e2d0b38\n', 'ops/.env')).toEqual(['9c4e1a7b3f20d85e6b1c4a9f7e2d0b38']);
    expect(await found('HEROKU_API_KEY=5d1c7a2e-8f34-4b6a-9c0e-2a7f13b8d946\n', 'ops/.env')).toEqual(['5d1c7a2e-8f34-4b6a-9c0e-2a7f13b8d946']);
  });

  it('leaves a UUID passed after a token variable as the next argument, and reads a quoted name paired with one', async () => {
    const java = 'class Payouts {\n  Client client() {\n    return new PayoutClient("https://api.example.com", payoutToken, "3b8e0f5c-71d2-4a96-8e4b-c0d9a1f6e237");\n  }\n}\n';
    expect(await found(java, 'src/main/java/Payouts.java')).toEqual([]);
    const pair = 'vault.put("payout_token", "3b8e0f5c-71d2-4a96-8e4b-c0d9a1f6e237");\n';
    expect(await found(pair, 'src/Seed.java')).toEqual(['3b8e0f5c-71d2-4a96-8e4b-c0d9a1f6e237']);
  });
});

describe('a PHP array named for keys or secrets, its entries keyed by place or service', () => {
  const keys = async (text: string, file: string): Promise<string[]> => {
    const { detect } = await import('../index.js');
    return detect(text, { file }).map((f) => text.slice(f.start, f.end));
  };

  it("reads each generated value of a `'name' => '…'` array under a keys or secrets name", async () => {
    const php = "<?php\nclass Kiosk {\n    private const TILL_KEYS = [\n        'leeds' => 'tk_Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6Jf1',\n        // 'york' => 'set-in-env',\n        'hull' => \"tk_Rt6Yp3Ks9Lw2Qm7Zx4Nc8Vb1Hg5\",\n    ];\n}\n";
    expect(await keys(php, 'app/Kiosk.php')).toEqual(['tk_Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6Jf1', 'tk_Rt6Yp3Ks9Lw2Qm7Zx4Nc8Vb1Hg5']);
    expect(await keys("<?php\n$partnerSecrets = array('maps' => 'Zq4Tn8Lw2Rx6Vb0Hc3Kp9Yd');\n", 'config/partners.php')).toEqual(['Zq4Tn8Lw2Rx6Vb0Hc3Kp9Yd']);
  });

  it('leaves an array of key codes or labels under KEYS, ids and URLs, and arrays under other names', async () => {
    expect(await keys("<?php\nconst SHORTCUT_KEYS = ['save' => 'ctrl+s', 'open' => 'ctrl+o'];\n", 'src/Shortcuts.php')).toEqual([]);
    expect(await keys("<?php\nconst HALL_KEYS = ['leeds_id' => 'Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6', 'docs' => 'https://example.org/keys'];\n", 'src/Halls.php')).toEqual([]);
    expect(await keys("<?php\nconst HALL_NAMES = ['leeds' => 'Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6'];\n", 'src/Halls.php')).toEqual([]);
  });
});

describe("Samba tools' `user%password`: a password quoted on its own, and the long `--user=` option", () => {
  const found = async (text: string, file: string): Promise<string[]> => {
    const { detect } = await import('../index.js');
    return detect(text, { file })
      .filter((f) => f.category === 'PASS')
      .map((f) => text.slice(f.start, f.end));
  };

  it('reads a password quoted after the `%`, without its quotes', async () => {
    expect(await found("smbclient //10.4.0.20/archive -U keeper%'Lantern-Moth73?' -c \"ls\"\n", 'sync.sh')).toEqual(['Lantern-Moth73?']);
    expect(await found('rpcclient -U ops%"Quill#Fen-208" 10.4.0.21 -c enumdomusers\n', 'audit.sh')).toEqual(['Quill#Fen-208']);
  });

  it('reads `--user=user%password` and a domain user quoted whole', async () => {
    expect(await found('smbclient --user=scanner%Marsh-Wren!61 //files01/scans -c "ls"\n', 'scan.sh')).toEqual(['Marsh-Wren!61']);
    expect(await found("smbcacls //files01/hr / -U 'CORP\\auditor%Osprey.Gate9' \n", 'acl.sh')).toEqual(['Osprey.Gate9']);
  });

  it('leaves a user alone, variables and Windows %VARIABLES%, and printf formats', async () => {
    expect(await found('smbclient //files01/scans -U scanner -c "ls"\n', 'scan.sh')).toEqual([]);
    expect(await found('smbclient //files01/scans -U "$SMB_USER%$SMB_PASS" -c "ls"\n', 'scan.sh')).toEqual([]);
    expect(await found("smbclient //files01/scans -U scanner%'${SMB_PASS}' -c ls\n", 'scan.sh')).toEqual([]);
    expect(await found('smbclient //files01/scans -U %SMB_USER%%SMB_PASS% -c ls\n', 'scan.bat')).toEqual([]);
    expect(await found('printf "smbclient -U %s%%%s\\n" "$u" "$p"\n', 'scan.sh')).toEqual([]);
  });
});
