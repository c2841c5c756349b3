import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a login stated as user:password or user / password', () => {
  it('reports the password a log line says a login failed with, and one a note states after "credentials"', () => {
    const log = [
      '2025-01-14T03:00:09Z ERROR kafka auth failed for ingest_bot:Rz8mKq2VwT5nLx',
      '2025-01-14T03:00:10Z WARN  login failed for backup:Tg3pWn7YkQ9cVb (retrying)',
      '',
    ].join('\n');
    expect(values(log, 'logs/ingest.log')).toEqual(['Rz8mKq2VwT5nLx', 'Tg3pWn7YkQ9cVb']);
    const md = 'Queue credentials (test): mq_ops / Hb6tLr2XqW9zKs on the shared broker.\n';
    expect(values(md, 'docs/queues.md')).toEqual(['Hb6tLr2XqW9zKs']);
  });

  it('leaves host:port, user:id, times, variables and prose after the same words', () => {
    const log = [
      '2025-01-14T03:00:07Z ERROR auth failed for queue-eu:9093',
      '2025-01-14T03:00:08Z WARN  login failed for backup:4100029381',
      '2025-01-14T03:00:08Z INFO  login for backup:03:00:08',
      'auth failed for ingest_bot:${INGEST_PASSWORD}',
      'credentials: read the runbook / ask the platform team',
      'Pass the credentials: username / password, in that order.',
      '',
    ].join('\n');
    expect(values(log, 'logs/ingest.log')).toEqual([]);
  });
});

describe('a pre-shared secret stated in prose', () => {
  it('reports a generated value that a docstring or a note names as the pre-shared token or key', () => {
    const py = 'def hello(sock):\n    """The old dish controller wants the pre-shared token R7KQ2WZ9MX4TPB6NV3HD\n    before anything else."""\n';
    expect(values(py, 'dish.py')).toEqual(['R7KQ2WZ9MX4TPB6NV3HD']);
    expect(values('Bridge pre-shared key: `pL8vQ2xR7mZk4TnW`\n', 'README.md')).toEqual(['pL8vQ2xR7mZk4TnW']);
  });

  it('reports a value named by the abbreviation PSK, as a WireGuard runbook gives it, and leaves the word in other uses', () => {
    const wg = '4. If the tunnel is down, re-add the peer: endpoint gw.example.org:51820,\n   PSK Tq2Lm8Wx4Vb7Rk9Hc3Nz6Pd1Jf5Gs0YaUe+Qi/Ko3B=.\n';
    expect(values(wg, 'docs/wiki/vpn.md')).toEqual(['Tq2Lm8Wx4Vb7Rk9Hc3Nz6Pd1Jf5Gs0YaUe+Qi/Ko3B=']);
    expect(values('The office Wi-Fi uses WPA2-PSK with a 12-character passphrase.\nPSK mode only, no RADIUS.\n', 'docs/wifi.md')).toEqual([]);
    expect(values('Set the PSK WG_PSK_FROM_VAULT_V2 on both peers.\n', 'docs/vpn.md')).toEqual([]);
    const secrets = '10.1.2.3 %any : PSK 0sVb4Lq8Tz2Wm6Rn9Hc3Xk7Pd1Jf5Gs0YaUe\n';
    expect(detect(secrets, { file: 'ipsec.secrets' }).filter((f) => f.rule === 'stated-pre-shared-secret')).toEqual([]);
  });

  it('leaves words, names, stand-ins and lengths after the same words', () => {
    const md = [
      'Both ends use pre-shared key authentication over the tunnel.',
      'The dish reads the pre-shared token DISH_TOKEN_FROM_VAULT at start.',
      'Set a pre-shared secret of 20 characters or more.',
      'The pre-shared key XXXXXXXXXXXXXXXXXXXX is a stand-in.',
      '',
    ].join('\n');
    expect(values(md, 'docs/dish.md')).toEqual([]);
  });
});

describe('a credential stated by its noun, the value right after it', () => {
  it('reports a generated value after "API token", "signing key" and the like, in a table cell, a log line or a sentence', () => {
    const md = [
      '| System | Account | Finding |',
      '|---|---|---|',
      '| Grafana | ops | API token 5c1e9a07d2b84f36e0a9c17d4b28e5f3 pasted into a ticket |',
      '',
      'The old secret key Tz4mQ8vWk2Lr7Xn9Bp3H still opens the staging bucket.',
      '',
    ].join('\n');
    expect(values(md, 'audit/review.md')).toEqual(['5c1e9a07d2b84f36e0a9c17d4b28e5f3', 'Tz4mQ8vWk2Lr7Xn9Bp3H']);
    const log = '2025-02-03T08:00:01Z INFO [tokens] loaded signing key 0f9e8d7c6b5a49382716a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0 for kid=k7\n';
    expect(values(log, 'logs/api.log')).toEqual(['0f9e8d7c6b5a49382716a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0']);
  });

  it('leaves public keys, ids, fingerprints, digests, names and words after the same nouns', () => {
    const md = [
      'Pin the public signing key 0f9e8d7c6b5a49382716a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0 in the client.',
      'The release signing key 3B4F1A0C9D8E7F6A5B4C3D2E1F0A9B8C7D6E5F40 is published on the key servers.',
      'API key 6d1f2c3b-4a5e-4f70-8b91-a2c3d4e5f607 is the partner id in the portal.',
      'signing key sha256 4e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918070605',
      'The access token TOKEN_FROM_THE_VAULT_V2 is read at start.',
      'Rotate the API token quarterly; the refresh token lasts 90 days.',
      'Artifacts are listed with checksum 4e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918070605.',
      '',
    ].join('\n');
    expect(values(md, 'docs/keys.md')).toEqual([]);
  });

  it('reports a drawn value right after a bare "secret", in chat and in a comment, and leaves names and one-class runs there', () => {
    const rule = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-credential-value').map((f) => text.slice(f.start, f.end));
    expect(rule('{"text": "CAD vendor rotated our keys: id Rm4TkQ secret Pz7Wq2Lx9Kv4Tb8Rn3Hc6Yd1Mf5Gs0Ja+Ue/Qi="}\n', 'chat/cad.json')).toEqual(['Pz7Wq2Lx9Kv4Tb8Rn3Hc6Yd1Mf5Gs0Ja+Ue/Qi=']);
    expect(rule('    # secret Hv3Lq9Tz2Wm7Rk4Nb8Xc5Pd6Jf1\n', 'sync.py')).toEqual(['Hv3Lq9Tz2Wm7Rk4Nb8Xc5Pd6Jf1']);
    expect(rule('kubectl create secret generic app-db-creds-2024-v2 --from-file=x\n', 'notes.md')).toEqual([]);
    expect(rule('the secret abcd1234efgh5678ijkl9012 is only a test string\n', 'notes.md')).toEqual([]);
    expect(rule('kept secret 2024-05-01T10:00:00Z by the batch\n', 'notes.md')).toEqual([]);
  });

  it("reports the value after the phrase written as one word, as an API's error message names its parameter", () => {
    const csv = 'timestamp,property,operation,status,message\n2024-06-03T02:14:11Z,YRK,AddPayment,401,"Invalid AccessToken 9C18B680927F99CA1FB2D658D931F71B-EF32552D3A087C561C749B4DA6F7DC9"\n';
    expect(values(csv, 'exports/sync-errors.csv')).toEqual(['9C18B680927F99CA1FB2D658D931F71B-EF32552D3A087C561C749B4DA6F7DC9']);
    expect(values('WARN rejected ApiKey Qm7vLp2Zx9Tn4Wk8Rb3Hc for tenant 12\n', 'logs/gw.log')).toEqual(['Qm7vLp2Zx9Tn4Wk8Rb3Hc']);
  });

  it('leaves a one-word phrase before an id, a public key or a name', () => {
    expect(values('401,"Invalid AccessToken 0c6f1b8e-2d4a-4f7b-9e13-5a8c2d7e9b41"\n', 'errors.csv')).toEqual([]);
    expect(values('Pin the PublicSigningKey 0f9e8d7c6b5a49382716a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0 in the client.\n', 'docs/keys.md')).toEqual([]);
    expect(values('AccessToken accessToken = client.fetchToken();\n', 'Client.java')).toEqual([]);
    expect(values('git config --global user.signingkey 31D70E86626CE8F7\n', 'scripts/bootstrap.sh')).toEqual([]);
  });
});

describe('a literal whose trailing comment names it a credential', () => {
  it('reports a generated literal when the comment plainly says secret, password, token or API key', () => {
    expect(values('    var backup = "Hq4vZr8mLx2TwKp6"; // MailRelay secret, prod\n', 'src/Program.cs')).toEqual(['Hq4vZr8mLx2TwKp6']);
    expect(values("RELAY = 'Wn7-Tz2qLp9xVb4' # relay password\n", 'ops/relay.py')).toEqual(['Wn7-Tz2qLp9xVb4']);
  });

  it('leaves negations, other meanings of the word and weak values alone', () => {
    expect(values('    var backup = "Hq4vZr8mLx2TwKp6"; // not a secret\n', 'src/Program.cs')).toEqual([]);
    expect(values('    var party = "Hq4vZr8mLx2TwKp6"; // secret santa draw\n', 'src/Program.cs')).toEqual([]);
    expect(values('    var backup = "relaybackup"; // MailRelay secret\n', 'src/Program.cs')).toEqual([]);
  });
});

describe('a map literal named by the comment line above it', () => {
  it('reports each generated value of a map a comment calls credentials, tokens or passwords, and no stand-in', () => {
    const go = [
      'package ship',
      '',
      '// Carrier partner credentials (prod)',
      'var carriers = map[string]string{',
      '\t"north-haul": "4f0c9e2ab71d58c3e6a09b4d2f7c1e85",',
      '\t"sandbox":    "changeme",',
      '}',
      '',
    ].join('\n');
    expect(values(go, 'ship/carriers.go')).toEqual(['4f0c9e2ab71d58c3e6a09b4d2f7c1e85']);
    const py = ['# Relay login tokens, one per site', 'RELAYS = {', '    "site-a": "Kd7qWz2LmT9xRv4Nc8Bp3Hs6",', '    "site-b": "Zr5tMq8XkL2wVn7Pc4Hd9Bf3",', '}', ''].join('\n');
    expect(values(py, 'relay/sites.py')).toEqual(['Kd7qWz2LmT9xRv4Nc8Bp3Hs6', 'Zr5tMq8XkL2wVn7Pc4Hd9Bf3']);
  });

  it('leaves a map under a comment that says the values are no credentials, talks about them, or names keys of something else', () => {
    const go = [
      '// not real credentials, see the vault',
      'var carriers = map[string]string{',
      '\t"north-haul": "4f0c9e2ab71d58c3e6a09b4d2f7c1e85",',
      '}',
      '// Look up credentials by carrier',
      'var lookup = map[string]string{',
      '\t"north-haul": "4f0c9e2ab71d58c3e6a09b4d2f7c1e85",',
      '}',
      '',
    ].join('\n');
    expect(values(go, 'ship/carriers.go')).toEqual([]);
    const js = ['// Keyboard keys', 'const KEYMAP = {', '  up: "ArrowUp",', '  undo: "Kd7qWz2LmT9xRv4Nc8Bp3Hs6",', '};', ''].join('\n');
    expect(values(js, 'src/keys.js')).toEqual([]);
  });
});

describe('stated-key-secret-pair: a key pair handed over in prose', () => {
  const pair = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-key-secret-pair').map((f) => text.slice(f.start, f.end));
  it('takes the secret stated right after a key id', () => {
    expect(pair('    """Page on call. Creds: API key SK7d1e0c9b2a3f48e6d5c4b3a2f1e0d9c8 / secret Wv4kRt9LmQz2Xb7NpHs3Cd6Y."""\n', 'pager.py')).toEqual(['Wv4kRt9LmQz2Xb7NpHs3Cd6Y']);
    expect(pair('Archive bucket: access key AKIAQ7ZX3TRW5LMN2PVB, secret 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.\n', 'NOTES.md')).toEqual(['Hq8vT2mLx9Rk4WzN7bPc3Yd6Gf0Js5Ae1Uo8Qi2S']);
  });
  it("takes the secret that opens the next line of the id's comment", () => {
    const tf = '# created by hand for the backup job\n# access key id AKIAQ7ZX3TRW5LMN2PVB\n# secret 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\nresource "aws_iam_user" "backup" {}\n';
    expect(pair(tf, 'infra/main.tf')).toEqual(['Hq8vT2mLx9Rk4WzN7bPc3Yd6Gf0Js5Ae1Uo8Qi2S']);
    expect(pair('// API key SK7d1e0c9b2a3f48e6d5c4b3a2f1e0d9c8\n// secret Wv4kRt9LmQz2Xb7NpHs3Cd6Y\n', 'pager.ts')).toEqual(['Wv4kRt9LmQz2Xb7NpHs3Cd6Y']);
  });
  it("leaves a secret's words and a line that is no comment's continuation", () => {
    expect(pair('# access key id AKIAQ7ZX3TRW5LMN2PVB\n# secret is in the vault under backup-job\n', 'infra/main.tf')).toEqual([]);
    expect(pair('# access key id AKIAQ7ZX3TRW5LMN2PVB\n\n# secret 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\n', 'infra/main.tf')).toEqual([]);
  });
  it('leaves words, a variable name, a UUID and small letters alone after "secret"', () => {
    expect(pair('API key SK7d1e0c9b2a3f48e6d5c4b3a2f1e0d9c8 / secret lives in the vault\n', 'pager.py')).toEqual([]);
    expect(pair('API key SK7d1e0c9b2a3f48e6d5c4b3a2f1e0d9c8 / secret PAGER_API_SECRET_V2\n', 'pager.py')).toEqual([]);
    expect(pair('API key SK7d1e0c9b2a3f48e6d5c4b3a2f1e0d9c8 / secret 2b7e1c4d-9a3f-4e6b-8c1d-5f0a7e2b9c3d\n', 'pager.py')).toEqual([]);
    expect(pair('API key SK7d1e0c9b2a3f48e6d5c4b3a2f1e0d9c8 / secret rotationschedulefile\n', 'pager.py')).toEqual([]);
  });
});

describe('a password in a parenthesised aside', () => {
  it('reports the password after pw or password, and leaves words there', () => {
    expect(values('-- refresh: psql -h 10.0.3.9 -U finance (pw Lt8qWm3Zr5Kv)\n', 'refresh.sql')).toContain('Lt8qWm3Zr5Kv');
    expect(values('-- refresh: psql -h 10.0.3.9 -U finance (password needed from vault)\n', 'refresh.sql').filter((v) => v.startsWith('needed'))).toEqual([]);
    expect(values('-- refresh: psql -U finance (pw rotated)\n', 'refresh.sql')).toEqual([]);
  });
});

describe('a keypad code stated by what it opens', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-keypad-code').map((f) => text.slice(f.start, f.end));
  it("reports an alarm's, a gate's or a key safe's code after a colon or is, a short clause between", () => {
    expect(codes('## Lock-up\n- Intruder alarm code for the boiler room: 604918\n', 'docs/runbooks/closing.md')).toEqual(['604918']);
    expect(codes('The side gate code is `4183`, change it after the event.\n', 'events/notes.md')).toEqual(['4183']);
    expect(codes('Key safe code = 73914\n', 'site/README.txt')).toEqual(['73914']);
    expect(codes('Door-entry PIN: 2958\n', 'onboarding.md')).toEqual(['2958']);
  });
  it('reads a code whose name is set in bold and whose digits open the next line, and the code of a box the clause keeps keys in', () => {
    const wiki = '- Collect your badge from reception. The **gate code** for the loading bay is\n  `7306` \u2014 do not share it.\n';
    expect(codes(wiki, 'wiki/onboarding.md')).toEqual(['7306']);
    expect(codes('Dock door code:\n  48210\n', 'wiki/dock.md')).toEqual(['48210']);
    const chat = '[09:02] Sam: spare van keys are in the grey box by the gate, box code is 6184\n';
    expect(codes(chat, 'exports/teams-yard.txt')).toEqual(['6184']);
    expect(codes('The key box code: 3079\n', 'wiki/yard.md')).toEqual(['3079']);
  });
  it('leaves a bare name whose digits wrap, a wrapped count, and a box code with no keys in its clause', () => {
    expect(codes('The gate code\n  7306 is wrong on the sign\n', 'wiki/onboarding.md')).toEqual([]);
    expect(codes('The alarm code is\n  4000 units cheaper than the old panel\n', 'wiki/alarm.md')).toEqual([]);
    expect(codes('Order the cartons by box code: 6184\n', 'wiki/stores.md')).toEqual([]);
    expect(codes('The keys are on the hook. Parcel box code is 6184\n', 'wiki/stores.md')).toEqual([]);
  });
  it("leaves a factory or default code, a counting or repeated one, a time, a phone number and words", () => {
    expect(values('- Do not use the factory installer code `5555` or master code `1234` in production.\n', 'installer-handbook.md')).toEqual([]);
    expect(values('Default alarm code: 8421 (change it at install).\n', 'handbook.md')).toEqual([]);
    expect(values('Default for the door-entry keypad on new hire day: `0000`\n', 'onboarding.md')).toEqual([]);
    expect(codes('Alarm code: 1234\nGate code: 9876\nDoor code: 7777\n', 'notes.md')).toEqual([]);
    expect(values('Booking confirmed. Door code sent by e-mail.\n', 'sms.txt')).toEqual([]);
    expect(codes('door code: 0161 555 0192\ngate codes changed at 14:30 today\nThe alarm code length is 6\n', 'notes.md')).toEqual([]);
    expect(codes('Sentry code: 404918\nre-entry codes: 2024\n', 'notes.md')).toEqual([]);
  });
  it("reports a locked room's, a panel's, a safe's or a padlock's code, in bold too, and one still given or changed", () => {
    const notes = [
      '- The plant room code is 930417 since the refit.',
      '- Comms room door code: **27015**',
      '- the alarm panel code is still 5820 on the old sites',
      '- Key safe combination was changed to 61094 on Friday.',
      '- padlock combo: 3918',
      '',
    ].join('\n');
    expect(codes(notes, 'docs/runbooks/site.md')).toEqual(['930417', '27015', '5820', '61094', '3918']);
  });
  it('reports the code that sets or unsets an alarm, named so, and not an alarm setting with no code', () => {
    const notes = ['- The shop alarm unsetting code for the morning staff is 580271.', 'Intruder alarm set code: 73019', 'the alarm setting code was changed; it is now 40963', ''].join('\n');
    expect(codes(notes, 'docs/runbooks/site.md')).toEqual(['580271', '73019', '40963']);
    expect(codes('The alarm setting time is 2230 every night.\nalarm settings code 4012 means low battery\n', 'docs/runbooks/site.md')).toEqual([]);
  });
  it('reports a code named first and what it opens after it, as a chat answers', () => {
    const chat = [
      '[08:02] Ines: anyone have the code for the bin store?',
      '[08:03] Rafe: code for the bin store padlock is 4096',
      '[08:05] Rafe: and the code to disarm the alarm: 82731',
      '[08:06] Ines: the new combination for the key safe is `5102`',
      '',
    ].join('\n');
    expect(codes(chat, 'chat/facilities.txt')).toEqual(['4096', '82731', '5102']);
  });
  it("leaves another code named before what it is about, a room's number, a gateway and a count", () => {
    const notes = [
      'The error code for the door sensor is 4012.',
      'zip code for the gate deliveries: 90210',
      'Room code: 2041 (lecture theatre B)',
      'the lecture room code is 3120',
      'the code for the gateway is 8081',
      'The status code on the alarm panel is 4031 after a reboot.',
      '',
    ].join('\n');
    expect(codes(notes, 'docs/notes.md')).toEqual([]);
  });
});

describe('a keypad code given by its lock, after what it guards, or in brackets', () => {
  const codes = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'stated-keypad-code' || f.rule === 'keypad-code-aside').map((f) => text.slice(f.start, f.end));
  it("reports a lock named as its code's holder, a code two words after what it guards, and one named first after an access word", () => {
    const notes = [
      '- The combination lock on the bike shed is `40736`.',
      '- Key safe by the back door: 91824',
      '- Loading bay door keypad override code: **573019**',
      '[07:55] kim: use the master code on the gate keypad: 620418',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/facilities.md')).toEqual(['40736', '91824', '573019', '620418']);
  });
  it('reports a code given after a comma or colon that follows what it guards, with the # its keypad takes', () => {
    const notes = ['Spare keys are in the key safe by the bins, code 58203.', 'Side gate behind the warehouse: code 7146#', 'The bin store padlock; combination is 9052', ''].join('\n');
    expect(codes(notes, 'wiki/site.md')).toEqual(['58203', '7146#', '9052']);
  });
  it('reports a code in brackets right after what it guards, the bracket closing or a remark going on in it', () => {
    const notes = [
      '- Ladders are chained up in the yard; spare keys in the key safe (code **61840**).',
      'The side gate (code 3917#) stays shut on match days.',
      'Float is in the petty cash safe (combination 720514, ask the duty manager).',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/yard.md')).toEqual(['61840', '3917#', '720514']);
  });
  it("leaves digits in brackets after what a keypad guards that a clause goes on after, and another code's name there", () => {
    const notes = [
      'The back door (code 4012 means the strike is open) was fixed on Monday.',
      'The side gate (error code 4013) needs a new motor.',
      'The alarm panel (zone code 1302) was reset.',
      'The fire door (code 0000) is the factory one.',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/yard.md')).toEqual([]);
  });
  it("reports a code in brackets at the end of a clause that names it", () => {
    const mail = ['The door code is the same as last term (60417).', '- [ ] Alarm: we pick our own code on the day (`83052`)', ''].join('\n');
    expect(codes(mail, 'mail/handover.eml')).toEqual(['60417', '83052']);
  });
  it("leaves a fault's or a sensor's code, a lock's size, a year, someone's number and another compound in brackets", () => {
    const notes = [
      'Gate controller, fault code 4012 after the storm.',
      'Door sensor: code 4013 means the magnet is loose.',
      'The key safe is 1200 mm above the step.',
      'The padlock is 2023 stock; order more.',
      'The door code changed this year (2025).',
      'The gate code rotates monthly, ask the office (4402).',
      'Door code review moved to Friday (4412)',
      'The alarm panel chirps when the battery is low (5120)',
      'The alarm code is written nowhere (1234).',
      'the error code for the gate is 4012',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/site.md')).toEqual([]);
  });
});

describe('a keypad code written right after its name, named by a role, restated, or with what it opens in brackets', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-keypad-code').map((f) => text.slice(f.start, f.end));
  it('reports a code right after its name where the digits end the clause, in bold too, and a duress or bypass code', () => {
    const notes = [
      '- **Back office**: printer `BO-1`; alarm code 80314',
      '- Unlock the bin store: key safe code **29175**.',
      '- Shop alarm: code 6012, duress code 6019',
      'Override code for the lift keypad: 57302',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/shops.md')).toEqual(['80314', '29175', '6012', '6019', '57302']);
  });
  it("reports a code whose lock is named in brackets, a dialler's or a system's code, and one restated after a clause's colon", () => {
    const notes = [
      'Padlock combination (bin store gate): 4618',
      'Cold room alarm dialler PIN (for the on-call chef): 390217.',
      'Intruder alarm system code: 71946',
      'The gate code for the yard changed last week: the new code is 702615.',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/kitchen.md')).toEqual(['4618', '390217', '71946', '702615']);
  });
  it("leaves an event's code a panel shows, digits that a clause goes on after, a year, and another code's name before its brackets", () => {
    const notes = [
      'The panel showed alarm code 1301 after the power cut.',
      'The panel showed alarm code 1301.',
      'door code 4012 means the strike is open',
      'Alarm code 5580 triggered twice overnight',
      'New gate code 2024.',
      'Door sensor alarm code 4013.',
      'Error code (gate controller): 4012',
      'Exit code (door service): 1024',
      'duress code 1234',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/site.md')).toEqual([]);
  });
});

describe("an alarm's code told by setting or unsetting it, or by the key pressed after it", () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-keypad-code').map((f) => text.slice(f.start, f.end));

  it('reads the digits an alarm is disarmed, unset or set with, and a code the keypad key after it enters', () => {
    const notes = [
      '- Cold store alarm: disarm it with 583017 at the panel, you have 30 seconds.',
      'Last one out: set the alarm using 40962 and check the red light.',
      'Unset the panel by keying in 7203# at the side door.',
      '[18:02] Priya: leaving now, barn alarm is 52817 then OFF if you are in first',
      '- Yard gate: 3094 then # (it beeps twice).',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/site.md')).toEqual(['583017', '40962', '7203#', '52817', '3094']);
  });

  it('leaves a time an alarm is set for, a timer set with a count, a stand-in, and a guard and digits with no key after them', () => {
    const notes = [
      'The alarm is 0630 tomorrow, then the taxi at 0700.',
      'Set the timer with 3000 ms between polls.',
      'disarm with 0000 on the panel (factory default)',
      'Alarm: 3108',
      'The door is 2040 then the frame is 90 wide.',
      'set it with 40962 retries',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/site.md')).toEqual([]);
  });
});

describe('a PIN or a keypad code told later in the sentence that names it', () => {
  const codes = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'keypad-code-told-later').map((f) => text.slice(f.start, f.end));

  it('reads "it is …" after a clause break that follows the named PIN or code, across a wrapped line', () => {
    const notes = [
      '3. For the reception tablet use the kiosk PIN from the rota; for the east wing',
      '   this month it is **615209**.',
      'The loading bay door code rotates weekly, this week it\'s 40718#.',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/front-desk.md')).toEqual(['615209', '40718#']);
  });

  it("reads whose one a code is, after a clause that named the codes, a year's shape too", () => {
    const notes = 'Padlock combinations for the field huts are in the blue folder; Long Meadow\'s is 1984 (spin it after).\n';
    expect(codes(notes, 'wiki/huts.md')).toEqual(['1984']);
  });

  it('leaves a code told in another sentence, a board\'s pin, a year after "it is", a measure and a code of nothing named', () => {
    const notes = [
      'The door code changes monthly. This month it is 60293.',
      'Wire the reset PIN to ground; on this board it is 4096.',
      'Use the staff PIN on the sheet, it is 2025 edition.',
      'Padlock combinations are in the folder; the hut\'s is 1200 mm wide.',
      'The build number changed; it is 40917 now.',
      'The kiosk PIN expired, it is 1234 until the reset.',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/site.md')).toEqual([]);
  });
});

describe("a PIN or a keypad code given as a chat's answer", () => {
  const answers = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'code-chat-answer').map((f) => text.slice(f.start, f.end));
  it('reads digits given for a PIN or a password named first and what it is for after it, and leaves an error code named so', () => {
    const slack = [
      '[',
      '  {',
      '    "user": "U01",',
      '    "text": "what\'s the password for the Rational oven service menu? the manual one fails",',
      '    "ts": "1761220000.000100"',
      '  },',
      '  {',
      '    "user": "U02",',
      '    "text": "it\'s 5417 on ours, the engineer set it",',
      '    "ts": "1761220100.000100"',
      '  }',
      ']',
      '',
    ].join('\n');
    expect(answers(slack, 'exports/slack-kitchen.json')).toEqual(['5417']);
    expect(answers('[09:01] Ana: the PIN for the ward tablet?\n[09:02] Ben: it\'s 8305\n', 'exports/teams-ward.txt')).toEqual(['8305']);
    expect(answers("[09:01] Ana: what's the error code for the billing service?\n[09:02] Ben: it's 5003\n", 'exports/teams-it.txt')).toEqual([]);
    expect(answers("[09:01] Ana: the password for the admin portal expired?\n[09:02] Ben: it's 2048 rows now\n", 'exports/teams-it.txt')).toEqual([]);
  });
  it('reads "it\'s …" or "which is still …" opening a message after one that named the PIN, the code or the device password', () => {
    const discord = '[03-May-26 20:11] mo.ops\nis the gate keypad code still the old one? it beeps at me\n\n[03-May-26 20:14] ade\nit\'s 580913 since the fence work\n';
    expect(answers(discord, 'exports/discord/site.txt')).toEqual(['580913']);
    const teams = '[12/03/2025 07:40] Ana Roy: the tablet pin for the bar is locked out\n[12/03/2025 07:41] Ben Cole: which is still 40718?\n';
    expect(answers(teams, 'chat/bar.txt')).toEqual(['40718']);
    const json = '  {"from": "Jo", "body": "the till wants a manager password again"},\n  {"from": "Lee", "body": "it is `2860` on till 3"}\n';
    expect(answers(json, 'exports/teams/shop.json')).toEqual(['2860']);
  });
  it("keeps the keypad's enter key with the digits an answer gives, and leaves a channel's name", () => {
    const teams = "[07:12] Ola: has the yard gate code changed?\n[07:13] Ken: yes, it's 7304# from Monday\n[07:20] Ola: and the store room code?\n[07:21] Ken: it's **61829#**\n";
    expect(answers(teams, 'chat/yard.txt')).toEqual(['7304#', '61829#']);
    const others = "[07:12] Ola: the gate code channel on slack?\n[07:13] Ken: it's #2580-gate\n";
    expect(answers(others, 'chat/yard.txt')).toEqual([]);
  });
  it('reads an answer that opens with a word of assent before "it\'s", after a question that named a gate\'s code', () => {
    const teams = "[2026-03-02 07:06] Ola: the gate code for the yard changed?\n[2026-03-02 07:07] Ken: yes it's 640918 now\n[2026-03-02 07:09] Ola: and the bin store padlock code?\n[2026-03-02 07:10] Ken: yep, it's 5021\n";
    expect(answers(teams, 'exports/teams/yard.txt')).toEqual(['640918', '5021']);
    const ports = "[10:01] Ana: which port does the exporter listen on?\n[10:02] Ben: yes it's 9100\n[10:03] Ana: the gate code is the usual?\n[10:04] Ben: yes, it's 1234\n";
    expect(answers(ports, 'chat/ops.txt')).toEqual([]);
  });
  it('leaves an answer with no code named before it, a year, a count, a port, a stand-in and digits inside a sentence', () => {
    const chat = [
      '[10:01] Ana: which port does the exporter listen on?',
      "[10:02] Ben: it's 9100",
      '[10:03] Ana: and the door code table, how big?',
      "[10:04] Ben: it's 4096 rows",
      '[10:05] Ana: what firmware is on the alarm panel? any idea',
      "[10:06] Ben: it's 2024, the March one",
      '[10:07] Ana: the laptop pin is the default one?',
      "[10:08] Ben: yes, it's 4817 on all of them, the factory default",
      "[10:09] Ben: the ticket says it's 88123 in the queue",
      '',
    ].join('\n');
    expect(answers(chat, 'chat/ops.txt')).toEqual([]);
    expect(answers("[10:01] Ana: what's the staff Wi-Fi called?\n[10:02] Ben: it's 58213\n", 'chat/ops.txt')).toEqual([]);
  });
  it("reads an answer after a question that named a device's part's PIN in capitals, not a controller's pin in lower case", () => {
    const chat = "[07:10] Nia: does anyone know the camera controller PIN?\n[07:12] Oli: it's 604918, same as the store\n";
    expect(answers(chat, 'exports/teams/site.txt')).toEqual(['604918']);
    const board = "[07:10] Nia: which controller pin is the relay wired to?\n[07:12] Oli: it's 4096 on the new board\n";
    expect(answers(board, 'exports/teams/bench.txt')).toEqual([]);
  });
});

describe("a safe's or a padlock's dial combination", () => {
  const dials = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-dial-combination').map((f) => text.slice(f.start, f.end));
  it('reads numbers joined by dashes after the word combination, on a line that names the lock', () => {
    const notes = [
      '- Deposit bags go in the floor safe behind the bar (combination 38-11-72).',
      '- Gun cabinet safe combination is now `09-44-17`',
      '- bike shed padlock, combo: 5-26-13',
      '',
    ].join('\n');
    expect(dials(notes, 'wiki/closing.md')).toEqual(['38-11-72', '09-44-17', '5-26-13']);
  });
  it('leaves dates, stand-ins, combinations of things and digits with no lock named before them', () => {
    const notes = [
      'Tested every combination 38-11-72 in the matrix.',
      'the safe combination was rotated 14-02-25 by the manager',
      'safe combination: 2025-02-14',
      'the padlock combination: 00-00-00',
      'The lock rig tried each combination of torques: 38-11-72',
      'The combination for the bin store is on the back of the door (38-11-72 is the PO number).',
      '',
    ].join('\n');
    expect(dials(notes, 'wiki/closing.md')).toEqual([]);
  });
  it('reads numbers run together after the word combination, on a line that names the safe or the lock, and no year', () => {
    const notes = ['- The safe under the stairs in the cellar office holds the float bags; combination is 604218.', '- The tool store lock (combination 39172) is on the left.', ''].join('\n');
    expect(dials(notes, 'wiki/closing.md')).toEqual(['604218', '39172']);
    const others = ['The winning combination is 604218 this week.', 'safe combination: 2024', 'Safe in the bar office: 604218', 'the padlock combination is 123456', ''].join('\n');
    expect(dials(others, 'wiki/closing.md')).toEqual([]);
  });
});

describe('a PIN a sentence states by its words, not by whose it is', () => {
  const pins = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-pin').map((f) => text.slice(f.start, f.end));
  it('reads a PIN after a determiner, a possessive or its digit count, a clause maybe before its colon or is', () => {
    const mail = [
      'Hi both,',
      'The PIN the courier desk wants when you ring is 3307.',
      'Their app then asks for a PIN on the confirmation page: 615029',
      'The 5-digit PIN for the medicines fridge tablet is now 40917.',
      "The night porter's gate intercom PIN was changed to 2861.",
      '',
    ].join('\n');
    expect(pins(mail, 'mail/courier-access.eml')).toEqual(['3307', '615029', '40917', '2861']);
    expect(pins('- The server cage reader has its own PIN: `73019` (rotated yearly).\n', 'wiki/dc.md')).toEqual(['73019']);
  });
  it("reads a PIN asked for and given in the same sentence, not one asked for and left", () => {
    const runbook = ["3. If the label printer asks for a PIN, it's 70318.", '4. When the safe asks for the PIN, use 61492 and wait.', '5. If it asks for a PIN, use the one on the card.', "6. If the laptop asks for a PIN, it's 1234 on all of them.", ''].join('\n');
    expect(pins(runbook, 'wiki/runbooks/print.md')).toEqual(['70318', '61492']);
  });
  it("reads a role's PIN a chat says was keyed in", () => {
    const chat = '[07:58] Rosa: booking kiosk froze again\n[08:02] Tariq: rebooted it, it wanted the supervisor pin, entered 845120\n';
    expect(pins(chat, 'chat/reception.txt')).toEqual(['845120']);
  });
  it("reads a PIN named for its device past an aside in brackets, or after a label that ends in its device's name", () => {
    const notes = ['Card reader (Ingenico) PIN for voids: 58301', '2. Van tracker app: PIN 720418.', ''].join('\n');
    expect(pins(notes, 'wiki/vans.md')).toEqual(['58301', '720418']);
  });
  it("leaves a PIN after a label of no device, a board's pin past its aside, and a role's PIN whose digits are a clause's", () => {
    const notes = ['Pune office: PIN 411014', 'Dev board (rev B) PIN: 2048', 'Amplifier (left): PIN 4096', 'Van tracker app: PIN for the week 4 rota', 'The tablet PIN length: 6', ''].join('\n');
    expect(pins(notes, 'wiki/notes.md')).toEqual([]);
  });
  it("leaves a postal code, a board's or a certificate's pin, a rule or a count about a PIN, a stand-in and a bare label", () => {
    const notes = [
      'Head office, Pune. PIN: 411014',
      'the PIN code is 411014 for the Pune depot',
      'The GPIO pin: 2048 on the expansion header',
      'the public key pin is 2048 bits',
      'The PIN length is 6; the PIN retries: 3000',
      'The PIN timeout is 4500 ms.',
      'the PIN is 0000 until the user sets one',
      "Let's pin the version: 1998",
      'e.g. the PIN is 3307',
      'PIN: 3307',
      'the PIN was issued in 2019 with the card',
      '',
    ].join('\n');
    expect(pins(notes, 'docs/notes.md')).toEqual([]);
  });
  it("reads the PIN of a device's panel, lock or controller written in capitals, not the nail, the fastener or the chip's pin", () => {
    const notes = ['- Packing line operator panel PIN for the recipe screen: 58213', 'TAB-04,Lenovo M10,Store 4,,lock PIN 730194', 'door controller PIN 602714', ''].join('\n');
    expect(pins(notes, 'wiki/site.md')).toEqual(['58213', '730194', '602714']);
    const parts = ['Fix the trim with panel pin 2500 per box', 'the lock pin 4471 holds the hinge', 'controller pin 1024 is unused', ''].join('\n');
    expect(pins(parts, 'wiki/site.md')).toEqual([]);
  });
  it('reads a PIN a sentence says was changed and then gives in a clause of its own, not a count or a stand-in there', () => {
    const notes = ['- The boiler controls were locked out: the PIN was changed; it is now 40817.', 'After the audit the PIN got reset - now it\'s 61840', ''].join('\n');
    expect(pins(notes, 'wiki/incident.md')).toEqual(['40817', '61840']);
    const others = ['the PIN was changed; it is now 6 digits long', 'the PIN was reset, now 1234 like every new one', 'the PIN was changed; now 3000 ms before it locks', ''].join('\n');
    expect(pins(others, 'wiki/incident.md')).toEqual([]);
  });
  it("reads digits right after the word passcode, whoever's it is, not a year, a test's, a rule's or a stand-in", () => {
    const notes = ['Voicemail for the night line: passcode 77310', 'We used the client\'s passcode 582914 to unlock it.', '(one ticket held "customer passcode 310628" and was redacted)', ''].join('\n');
    expect(pins(notes, 'wiki/phones.md')).toEqual(['77310', '582914', '310628']);
    const others = ['passcode 2024 policy update', 'the test passcode 582914 for the simulator', 'The passcode length is 6 digits', 'passcode 123456 on the demo phone', 'passcode 48201-7 form', ''].join('\n');
    expect(pins(others, 'wiki/phones.md')).toEqual([]);
  });
});

describe("a SIM's PUK", () => {
  const puks = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'sim-puk').map((f) => text.slice(f.start, f.end));
  it('reads eight digits after the word PUK, maybe numbered, named a code or for its SIM, after a colon, is or nothing', () => {
    const notes = ['Gateway SIM: PIN 4418, PUK 70318264.', 'PUK2 for the spare SIM is `38102957`', 'The PUK code was changed to 51930472.', ''].join('\n');
    expect(puks(notes, 'wiki/sims.md')).toEqual(['70318264', '38102957', '51930472']);
  });
  it("leaves a PUK's length, a longer number, a stand-in and an example", () => {
    const notes = ['The PUK is 8 digits; ask the carrier.', 'PUK 7031826400 (ICCID)', 'PUK: 11111111', 'e.g. the PUK is 70318264', 'PUK 70318264-1 form', ''].join('\n');
    expect(puks(notes, 'wiki/sims.md')).toEqual([]);
  });
});

describe('stated-key-secret-pair: an id known by its own prefix, its secret after it', () => {
  const pair = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-key-secret-pair').map((f) => text.slice(f.start, f.end));
  it("takes the secret after a Twilio key SID with no \"API key\" words, also as one-case hex", () => {
    const slack = '    "text": "rotation script ran but the config did not update. new key is SK5e0b9d2c7a1f48e3b6c0d9a2e7f14b8c secret 3c9e71a4f0b82d65e1a7c4f90b3d2e86 — setting manually",\n';
    expect(pair(slack, 'ops/slack-export/eng-oncall/2024-06-11.json')).toEqual(['3c9e71a4f0b82d65e1a7c4f90b3d2e86']);
  });
  it('leaves words after "secret" and a SID inside a longer word', () => {
    expect(pair('new key is SK5e0b9d2c7a1f48e3b6c0d9a2e7f14b8c secret is in the vault\n', 'chat.txt')).toEqual([]);
    expect(pair('TASK5e0b9d2c7a1f48e3b6c0d9a2e7f14b8c secret 3c9e71a4f0b82d65e1a7c4f90b3d2e86\n', 'chat.txt')).toEqual([]);
  });
});

describe('stated-credential-value: 40 hex digits after an API key', () => {
  const stated = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-credential-value').map((f) => text.slice(f.start, f.end));
  it("takes 40 hex after an API key's noun, as a service issues them", () => {
    const mail = "The REST endpoint also accepts the API key 3e8a1f0c5b7d92e46a0c1b8f3d5e7a9c2b4d6f81 in the X-Api-Key header if you'd rather\n";
    expect(stated(mail, 'ops/mail/RE_feed.eml')).toEqual(['3e8a1f0c5b7d92e46a0c1b8f3d5e7a9c2b4d6f81']);
  });
  it('leaves 40 hex after a signing or private key, a fingerprint or a commit', () => {
    expect(stated('The signing key 6A010C5166006599AA17F08146C2130DFD2497F5 is the release fingerprint.\n', 'notes.md')).toEqual([]);
    expect(stated('Bumped the private key 3e8a1f0c5b7d92e46a0c1b8f3d5e7a9c2b4d6f81 handling.\n', 'notes.md')).toEqual([]);
  });
});

describe('parenthesised-password-aside: a remark after the value inside the aside', () => {
  const aside = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'parenthesised-password-aside').map((f) => text.slice(f.start, f.end));
  it('takes the value when a dash, a comma or a semicolon parts a remark from it before the bracket closes', () => {
    expect(aside('- The night shift logged into the firewall (password Gannet#Reef04 - rotated since) and opened the port.\n', 'ops/incidents/fw.md')).toEqual(['Gannet#Reef04']);
    expect(aside('Reach the label printer web UI (pw Dovetail7Oak, ask Sam before changing it).\n', 'wiki/printers.md')).toEqual(['Dovetail7Oak']);
    expect(aside('the kiosk (pass Quarry9Ledge; rotated each term)\n', 'notes.txt')).toEqual(['Quarry9Ledge']);
  });
  it('leaves an aside about the password that gives none, and one whose remark holds another bracket', () => {
    expect(aside('Log into the firewall (password reset required - ask IT) first.\n', 'notes.md')).toEqual([]);
    expect(aside('The portal (password Policy2024 applies, see the wiki) is next.\n', 'notes.md')).toEqual([]);
    expect(aside('the router (password Gannet#Reef04 dropped (old)) still answers\n', 'notes.md')).toEqual([]);
  });
});

describe('a keypad code stated first on a line that goes on, by a mode, a keypad or a barrier', () => {
  const codes = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'stated-keypad-code' || f.rule === 'sibling-keypad-code').map((f) => text.slice(f.start, f.end));

  it('takes the first code after its name, not a later number the clause runs on to', () => {
    expect(codes('The bakery alarm code is 61830; the gas meter reads 44912 today.\n', 'notes.md')).toEqual(['61830']);
  });

  it('reads a role whose mode opens with the code, a keypad named alone, a barrier, and a role after an aside in brackets', () => {
    const notes = [
      'Ticket printer installer menu code: 702913',
      'Loading bay keypad (both doors): 38205.',
      'The car park barrier code is 550319.',
      'Intruder alarm (Pyronix): master code 48120, the engineer has the other one',
      '',
    ].join('\n');
    expect(codes(notes, 'notes.txt')).toEqual(['702913', '38205', '550319', '48120']);
  });

  it("leaves a keypad's model, timeout or version, and a zone's or a sensor's code after an aside", () => {
    const notes = ['Keypad model: 40912', 'Keypad (hall) timeout: 30000', 'Alarm panel (zone 4): user code 4012', 'Alarm (door sensor): fault code 7301', ''].join('\n');
    expect(codes(notes, 'notes.txt')).toEqual([]);
  });
});

describe('a second code given right after a stated one', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.category === 'PASS').map((f) => text.slice(f.start, f.end));

  it("reads another site's code after a slash or a semicolon, and the code a change replaced", () => {
    const notes = [
      'Refund supervisor PIN is 3917 (Bristol) / 6048 (Cardiff), ask the area manager for Swansea.',
      'The depot alarm code is 71503; Fishguard is 28846.',
      'Bike shed door code changed to 90721, the old one was 4438.',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/codes.md')).toEqual(['3917', '6048', '71503', '28846', '90721', '4438']);
  });

  it("reads a second code that ends in the keypad's * or #, as a panel is set and unset with", () => {
    const notes = [
      '- Warehouse alarm code: 52806# (day) / 52806* (night), changed by the installer only.',
      'Bin store gate code is 7714#; Car Park: 6630*.',
      '- The loading bay gate code is **3390#** (in bold, the keypad\'s # kept).',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/codes.md')).toEqual(['52806#', '52806*', '7714#', '6630*', '3390#']);
  });

  it('leaves a number after a code that is no second code: a phone, a count, a year in brackets, a stand-in', () => {
    const notes = [
      'Refund supervisor PIN is 3917 (Bristol) / 2025 (review)',
      'The depot alarm code is 71503; Support is on 0117 496 0321.',
      'Bike shed door code changed to 90721, old one was 0000.',
      'The depot alarm code is 71503 (Leeds) / 4400 users (York)',
      '',
    ].join('\n');
    expect(codes(notes, 'wiki/codes.md')).toEqual(['3917', '71503', '90721', '71503']);
  });
});

describe('a PIN after a device that locks, or in brackets after one', () => {
  const pins = (text: string, file: string) => detect(text, { file }).filter((f) => f.category === 'PASS').map((f) => text.slice(f.start, f.end));

  it("reads a vehicle's ignition PIN, a key box's, and a phone's PIN in brackets after it", () => {
    const notes = ['- Minibus ignition PIN is 50813, ask before taking it.', '- Key box PIN: 61720', 'MFA codes go to the duty mobile (PIN 83046).', ''].join('\n');
    expect(pins(notes, 'wiki/fleet.md')).toEqual(['50813', '61720', '83046']);
  });

  it("leaves a postal code in brackets after an office, a board's pin in brackets", () => {
    const notes = ['Send it to the Pune office (PIN 411014).', 'Wire the relay (PIN 1023) to the header.', ''].join('\n');
    expect(pins(notes, 'wiki/fleet.md')).toEqual([]);
  });
});

describe('a chat answer that is a code alone, or the new one', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'code-chat-bare-answer').map((f) => text.slice(f.start, f.end));

  it('reads digits alone answering a question that asked for a named code, and the new code a message announces', () => {
    const chat = [
      '[09:14] Priya: does anyone know the plant room code?',
      '[09:15] Tom: 384190',
      '[09:40] Priya: told the plumber the side gate code 7730 - do we change it now?',
      '[09:41] Tom: yes, the new code from Friday is 2961.',
      '',
    ].join('\n');
    expect(codes(chat, 'exports/chat.txt')).toEqual(['384190', '2961']);
    const slack = '[\n  {"text": "whats the scoreboard laptop pin? it locked me out"},\n  {"text": "602174 - keep it to the officials"}\n]\n';
    expect(codes(slack, 'exports/slack.json')).toEqual(['602174']);
  });

  it('leaves digits that answer another question, a year, a count, a time, a phone and a question back', () => {
    const chat = [
      '[09:14] Priya: how many digits is the plant room code?',
      '[09:15] Tom: 6',
      '[09:16] Priya: which ticket number was the plant room code?',
      '[09:17] Tom: 48213',
      '[09:18] Priya: when did the gate code change?',
      '[09:19] Tom: 2024',
      '[09:20] Priya: anyone got the gate code?',
      '[09:21] Tom: 4096?',
      '[09:22] Priya: anyone got the door code?',
      '[09:23] Tom: 0117 496 0321 is the office',
      '',
    ].join('\n');
    expect(codes(chat, 'exports/chat.txt')).toEqual([]);
    expect(codes('[09:24] Priya: is the release out?\n[09:25] Tom: new one from Monday is 5512.\n', 'exports/chat.txt')).toEqual([]);
  });
});

describe('codes listed under a caption that names them', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'keypad-code-list').map((f) => text.slice(f.start, f.end));

  it('reads each item of a list of keypad codes under its caption, the # kept', () => {
    const doc = ['## Site access', '', 'Barrier and gate codes (reset in April):', '- East barrier: 604128', '- Deliveries gate (kitchen side): 3391#', '- Staff door – 80273', '', 'Other notes.', '- Boiler: 42018', ''].join('\n');
    expect(codes(doc, 'docs/site.md')).toEqual(['604128', '3391#', '80273']);
  });

  it("leaves a list of fault or zone codes, a list under no code's caption, and stand-ins", () => {
    const doc = ['Alarm panel error codes:', '- Mains fail: 1301', '- Zone 3: 1302', '', 'Gate opening hours:', '- Weekdays: 0700', '', 'Door codes:', '- Office: 0000', '- Store: 2019', ''].join('\n');
    expect(codes(doc, 'docs/site.md')).toEqual([]);
  });
});

describe('a keypad code in a config under a comment that names it', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'commented-keypad-code').map((f) => text.slice(f.start, f.end));

  it('reads a code setting right under the comment, or under a section header after it', () => {
    expect(codes('# side door keypad code for the night staff\n[[door]]\ncode = "730614"\n', 'access.toml')).toEqual(['730614']);
    expect(codes('  // barrier PIN when the ANPR camera is down\n  pin: 40817\n', 'barrier.yaml')).toEqual(['40817']);
  });

  it('leaves a setting of another name, a comment about a fault code, and a comment that is no comment', () => {
    expect(codes('# side door keypad code\ntimeout = 30000\n', 'access.toml')).toEqual([]);
    expect(codes('# gate controller error code\ncode = 4012\n', 'access.toml')).toEqual([]);
    expect(codes('gate keypad code below\ncode = "730614"\n', 'access.toml')).toEqual([]);
  });
});

describe("a safe's dial numbers after the safe itself", () => {
  const combos = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-dial-combination').map((f) => text.slice(f.start, f.end));

  it('reads dashed dial numbers after a safe or a padlock and a colon or is', () => {
    expect(combos('- Safe behind the bar: 09-44-17\n- The padlock on the trailer is 31-06-22.\n', 'wiki/pub.md')).toEqual(['09-44-17', '31-06-22']);
  });

  it('leaves a date after a safe that was serviced, checked or fitted, and the word safe as no lock', () => {
    expect(combos('Safe serviced: 12-03-24\nPadlock fitted on: 02-11-23\nSafe to release from: 14-05-25\n', 'wiki/pub.md')).toEqual([]);
  });
});

describe('a key named by what it opens, the drawn value right after the bare noun', () => {
  const stated = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'stated-credential-value').map((f) => text.slice(f.start, f.end));
  it('reports a drawn value after a feed’s, a share’s or a licence’s key in a mail', () => {
    const mail = 'The rota calendar can be edited by anyone with the\ncalendar feed key Wq3kTz8LmV2nRb5cHq7Lm2Wx9Tz4Kv8R — please do not forward it.\n';
    expect(stated(mail, 'mail/rota.eml')).toEqual(['Wq3kTz8LmV2nRb5cHq7Lm2Wx9Tz4Kv8R']);
    expect(stated('Use the share key pZ7rQk2LmW9xVt4NbH8cJd3F for the archive.\n', 'notes.md')).toEqual(['pZ7rQk2LmW9xVt4NbH8cJd3F']);
  });
  it('leaves a lookup’s key, an SSH public key, a product key and a short or one-case value', () => {
    expect(stated('The cache key user_42_profile_v3_eu2 is rebuilt hourly.\n', 'notes.md')).toEqual([]);
    expect(stated('Add the SSH key AAAAC3NzaC1lZDI1NTE5AAAAIGq7Lm2Wx9Tz4Kv8Rb3Nc6Pd to the box.\n', 'notes.md')).toEqual([]);
    expect(stated('The product key QH7KP-2MX4R-T8VN3-LJ6HB is on the sticker.\n', 'notes.md')).toEqual([]);
    expect(stated('The sort key Wq3kTz8LmV2nRb5cHq7Lm2Wx9Tz4Kv8R orders rows.\n', 'notes.md')).toEqual([]);
    expect(stated('Press the key F12 twice, then the key ENTERKEY2024.\n', 'notes.md')).toEqual([]);
    // An assignment after the noun is read by the assignment rules, its value alone.
    expect(stated('09:12:05 WARN retrying with fallback key hub_key=Wq3kTz8LmV2nRb5cHq7Lm2Wx9Tz4Kv8R\n', 'app.log')).toEqual([]);
  });
});

describe('a device pairing code or a one-time support passcode after its noun', () => {
  const codes = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'device-pairing-code').map((f) => text.slice(f.start, f.end));
  it('reports the code in chat, a ticket and a runbook', () => {
    expect(codes('[08:02] Jess: device code ZKTW-HMRQ (from the Square dashboard)\n', 'chat/shop.txt')).toEqual(['ZKTW-HMRQ']);
    expect(codes('The reader lost pairing. Re-paired using the device code RQP-WXTZ-KHMV\n(valid 5 minutes).\n', 'tickets/T-12.md')).toEqual(['RQP-WXTZ-KHMV']);
    expect(codes('Read them the one-time support passcode from the vault (last used: 4KT-Q9Z-R7M).\n', 'runbooks/vendor.md')).toEqual(['4KT-Q9Z-R7M']);
  });
  it('leaves a ticket’s or an order’s number, a name and a number, words in capitals and a counted run', () => {
    expect(codes('device code for the ticket WEB-4821 is on the sticker\n', 'notes.md')).toEqual([]);
    expect(codes('passcode rules follow ISO-27001\n', 'notes.md')).toEqual([]);
    expect(codes('the pairing code is shown on the reader, e.g. ABCD-EFGH-IJKL\n', 'notes.md')).toEqual([]);
    expect(codes('setup code READ-ONLY-MODE is the default\n', 'notes.md')).toEqual([]);
    expect(codes('device code zktw-hmrq\n', 'notes.md')).toEqual([]);
  });
});

describe('a password in code marks in brackets after the word', () => {
  it('reports the value an incident or a follow-up hangs on the noun, maybe after a word that dates it', () => {
    const incident = [
      '- 11:05 The label printer job still had the old password (`Thermal-Roll-0893`); restarted it.',
      '4. Rotate the gate password (was `Barrier2Up!` since 2020).',
      '',
    ].join('\n');
    expect(values(incident, 'wiki/incidents/printer.md')).toEqual(['Thermal-Roll-0893', 'Barrier2Up!']);
  });

  it('leaves a name in capitals, a flag, a variable, a word and a path in the same place', () => {
    const notes = [
      'Put the password (`GATE_PASSWORD`) in the env file.',
      'Give the password (`--password-file`) to the CLI.',
      'The password (`${GATE_PW}`) comes from the vault.',
      'Rotate the gate password (was `changeme` since 2020).',
      'Rotate the password (see `docs/gate-2024.md`).',
      '',
    ].join('\n');
    expect(values(notes, 'wiki/gate.md')).toEqual([]);
  });
});

describe('a secret told as what something is signed with', () => {
  it('reads the value after "signed with" or "sign … using", bare, quoted or in code marks', () => {
    expect(values('Partner callbacks are signed with `whs_Lq7Zt2WbX9kRp4VnH8cJd5Fm`; check the header.\n', 'wiki/partners.md')).toEqual(['whs_Lq7Zt2WbX9kRp4VnH8cJd5Fm']);
    expect(values('[10:02] ops: they sign each event using Tz4Kv8Rb3Nc6Pd1Hq7Lm2Wx9 now\n', 'chat/ops.txt')).toEqual(['Tz4Kv8Rb3Nc6Pd1Hq7Lm2Wx9']);
    expect(values('Bodies are HMAC-SHA512 signed with the shared secret "Yb3Nc6Hd8Zx2kQmLp4Rt7Vw9".\n', 'docs/webhooks.md')).toEqual(['Yb3Nc6Hd8Zx2kQmLp4Rt7Vw9']);
  });
  it('leaves algorithms, key ids, fingerprints, file and variable names, and signers', () => {
    expect(values('Callbacks are signed with HMAC-SHA256 and a timestamp.\n', 'wiki/partners.md')).toEqual([]);
    expect(values('Tags are signed with GPG key 4AEE18F83AFDEB23 since the 2023 release.\n', 'RELEASING.md')).toEqual([]);
    expect(values('Callbacks are signed with `PARTNER_CALLBACK_SECRET` from the environment.\n', 'wiki/partners.md')).toEqual([]);
    expect(values('Builds are signed with `android-upload-key.jks` on the runner.\n', 'RELEASING.md')).toEqual([]);
    expect(values('The server certificate is signed by Harbour Issuing CA G2 Intermediate.\n', 'wiki/tls.md')).toEqual([]);
  });
});

describe('credentials stated with `are` and the user in code marks', () => {
  it('reads the pair a runbook states, without the sentence\'s stop, and leaves words', () => {
    expect(values('If the modem is dead the SIM credentials are `iot.m2m` / Hq7vRt2wXz.\n', 'ops/runbooks/modem.md')).toEqual(['Hq7vRt2wXz']);
    expect(values('The credentials are `user` / password.\nthe credentials are stored / rotated monthly\n', 'ops/runbooks/modem.md')).toEqual([]);
  });
});
