import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/**
 * Secrets as they reach an AI chat: pasted terminal sessions, command output, e-mails and
 * tickets, where the syntax around a value is a shell's or a sentence's rather than a config file's.
 */

/** The values reported in `text`, optionally of one rule only. */
function found(text: string, file: string, rule?: string): string[] {
  return detect(text, { file })
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('a private address passed to a command-line flag', () => {
  it('reports the address after -h or --host even when a shell prompt names a build machine', () => {
    expect(found('ci@build-12:~$ psql -h 10.44.7.19 -U reporting shop\n', 'session.txt', 'private-ipv4')).toEqual(['10.44.7.19']);
    expect(found('ops@release-box:~$ ping -c1 172.20.3.8\n', 'session.txt', 'private-ipv4')).toEqual(['172.20.3.8']);
  });

  it('still reads the value of a version flag, or a version beside no flag, as a version', () => {
    expect(found('build tool --version 10.2.0.14\n', 'session.txt', 'private-ipv4')).toEqual([]);
    expect(found('firmware build 10.4.1.7 installed\n', 'session.txt', 'private-ipv4')).toEqual([]);
    expect(found('release pipeline -v 10.3.0.2\n', 'session.txt', 'private-ipv4')).toEqual([]);
  });
});

describe('values that command output aligns in a column after the colon', () => {
  it('reads a secret however far `heroku config` pads it from its name', () => {
    const output = '=== billing-api Config Vars\nLOG_LEVEL:                  info\nSESSION_SECRET:             t9KwQ2vLx8Rm4Zp7Nc3Hb6Yd1Fs5Gj0A\nSTRIPE_WEBHOOK_SECRET_KEY:  Qe7Lm2Xv9Rk4Tw8Pz3Nb6Hc1Yd5Fs0Gj\n';
    expect(found(output, 'heroku.txt', 'generic-assignment')).toEqual(['t9KwQ2vLx8Rm4Zp7Nc3Hb6Yd1Fs5Gj0A', 'Qe7Lm2Xv9Rk4Tw8Pz3Nb6Hc1Yd5Fs0Gj']);
  });

  it('still leaves padded names whose values are no secrets alone', () => {
    const output = 'TOKEN_TTL:                  3600\nSECRET_BACKEND:             vault\nAPI_KEY_HEADER:             X-Api-Key\n';
    expect(found(output, 'heroku.txt')).toEqual([]);
  });
});

describe('identifiers that vendors make public', () => {
  it("leaves a Google OAuth client id alone under any name, and still reports the client's secret", () => {
    const settings = 'GOOGLE_OAUTH2_KEY = "381907264415-q7m2vk9xw3rt8bn5lc4zh1pd6sf0ja2e.apps.googleusercontent.com"\nGOOGLE_OAUTH2_SECRET = "GOCSPX-Vn4kT8wQz2Lm7Rx5Pb1Hc9Yd3Fj"\n';
    expect(found(settings, 'settings.py')).toEqual(['GOCSPX-Vn4kT8wQz2Lm7Rx5Pb1Hc9Yd3Fj']);
  });

  it("leaves Application Insights' key alone however the setting spells it, and still reports another key beside it", () => {
    const config =
      '<appSettings>\n  <add key="ApplicationInsightsKey" value="5b1e07c2-93a4-4d6f-b8e1-27c4f0a9d3e6" />\n  <add key="AppInsightsKey" value="e2c94a1f-6b3d-4e70-a5c8-1f9d2b7e4a03" />\n' +
      '  <add key="PartnerApiKey" value="Wm3Kx8Qv2Lr7Tz4Nb9Hc1Yp6Fd5Sg0Aj" />\n</appSettings>\n';
    expect(found(config, 'Web.config')).toEqual(['Wm3Kx8Qv2Lr7Tz4Nb9Hc1Yp6Fd5Sg0Aj']);
    expect(found('APPINSIGHTS_KEY=0c7e5a92-1d4b-4f83-9e26-b5a8d3f17c40\n', 'deploy.sh')).toEqual([]);
  });
});

describe('registry credentials given to `npm config set`', () => {
  it('reports the _auth and _authToken values passed as a separate argument', () => {
    const script = 'npm config set //npm.build.example/:_auth ' + btoa('deployer:Kq4vT9mz2Wx') + '\nnpm config set //npm.build.example/:_authToken Hn7Qw2Lx9Kv4Tz8Rb3Mc6Yp1Fd5Sg0Aj2Ve\n';
    expect(found(script, 'ci.sh', 'npmrc-auth-basic')).toEqual([btoa('deployer:Kq4vT9mz2Wx')]);
    expect(found(script, 'ci.sh', 'npmrc-auth-token')).toEqual(['Hn7Qw2Lx9Kv4Tz8Rb3Mc6Yp1Fd5Sg0Aj2Ve']);
  });

  it('leaves a variable or a word after the key alone', () => {
    expect(found('npm config set //npm.build.example/:_auth "$NPM_AUTH"\nnpm config set //npm.build.example/:_authToken ${NPM_TOKEN}\n', 'ci.sh')).toEqual([]);
  });
});

describe('a first password handed out in a welcome mail or ticket', () => {
  it('reports the password right after "temporary", "initial" or "one-time password"', () => {
    const mail = 'Your laptop login: temporary password Gravel58!mint (change it at first sign-in).\nThe VPN has an initial password Tk7wQm2Rzx valid for a week.\n';
    expect(found(mail, 'welcome.eml', 'password-in-prose')).toEqual(['Gravel58!mint', 'Tk7wQm2Rzx']);
  });

  it('leaves sentences about such passwords alone', () => {
    const mail = 'A temporary password expires after 24 hours.\nThe initial password policy asks for 12 characters.\nYour one-time password arrives by SMS.\n';
    expect(found(mail, 'welcome.eml')).toEqual([]);
  });
});

describe('Fly.io macaroons in the URL-safe base64 alphabet', () => {
  it('reports the whole FlyV1 value', () => {
    const token =
      'FlyV1 fm2_k8Tq-Zw3Lm_Rx7Vb2Nc9Hy4Pd6Fs1Gj0Ae5Kt8Wq-Mz3Lr7Xv_2Bn9Cy4Hp6Dd1Fs0Gk5Ja8Qt3We-7Zm2Lx9Rv4Nb_6Hc1Yp5Fd0Sg8Kj3Aq7Tw2Mz-9Lr4Xv6Bn1Cy5Hp0Dd8Fs3Gk';
    expect(found(`access_token: ${token}\n`, 'config.yml', 'flyio-access-token')).toEqual([token]);
  });
});

describe('a bearer token of letters only', () => {
  it('reports one drawn at random from both cases', () => {
    const cell = "r = requests.get(url, headers={'Authorization': 'Bearer pKwRtzYbNmHqLvCxJsDfGaWeTuZkPrBn'})\n";
    expect(found(cell, 'notebook.py', 'authorization-bearer')).toEqual(['pKwRtzYbNmHqLvCxJsDfGaWeTuZkPrBn']);
  });

  it('leaves a camelCase name, an upper-case stand-in and a short word alone', () => {
    const text = 'Authorization: Bearer AccessTokenFromIdentityProvider\nAuthorization: Bearer YOURACCESSTOKENGOESHERE\nAuthorization: Bearer tokenValue\n';
    expect(found(text, 'notes.md', 'authorization-bearer')).toEqual([]);
  });
});

describe('an account given as user, spaced slash, password in a mail', () => {
  it('reports the password, not the brackets or full stop after it', () => {
    const mail = 'The wiki admin is at http://wiki.example:8090 (user maria.k / Fj3!qTzw8Lrm).\nFor the kiosk, login: kiosk-07 / Rb5nW2xQ9v.\n';
    expect(found(mail, 'ticket.eml', 'user-slash-password-prose')).toEqual(['Fj3!qTzw8Lrm', 'Rb5nW2xQ9v']);
  });

  it('leaves paths, dates and words around a slash alone', () => {
    const text = 'Open the user manual / chapter 4.\nSee user settings / Security for 2FA.\nlogin page / signup page\n';
    expect(found(text, 'notes.md', 'user-slash-password-prose')).toEqual([]);
  });

  it('reads a login that a sentence states, and a Basic auth account in a comment', () => {
    const note = 'Heads up: the reporting portal login is ops-reader / Quarry-Heron551 until SSO.\n# metrics (basic auth scraper / x.Tv8mQ!=Lr2) for the dashboards\n';
    expect(found(note, 'ticket-2291.txt', 'user-slash-password-prose')).toEqual(['Quarry-Heron551', 'x.Tv8mQ!=Lr2']);
  });

  it('leaves a login or Basic auth that names its fields', () => {
    const text = 'The login is email / password, then a code.\nbasic auth user / password pairs come from the vault\n';
    expect(found(text, 'notes.md', 'user-slash-password-prose')).toEqual([]);
  });
});

describe('an administrative account or an e-mail address, spaced slash, password', () => {
  it('reports the password after admin, root, sa or an address, bare or in code marks', () => {
    const notes =
      '* BMC of the storage nodes: 10.9.8.7, root / Wq4.tnB=Lp7z (all alike)\n' +
      'Portal:   admin / Ferry-Lantern-Gate3\n' +
      '* SSO console: administrator@sso.example / Brookstone81?\n' +
      'sandbox buyer: qa-3@personal.example.org / `Maple!Kettle#19`\n' +
      'sql07,Microsoft SQL,sa / Pinecrest72$,legacy\n';
    expect(found(notes, 'handover.txt', 'account-slash-password')).toEqual([
      'Wq4.tnB=Lp7z',
      'Ferry-Lantern-Gate3',
      'Brookstone81?',
      'Maple!Kettle#19',
      'Pinecrest72$',
    ]);
  });

  it('leaves menus, paths, quoted path parts, other names and plain words alone', () => {
    const text =
      'Go to Admin / Settings2 / Users to add one.\n' +
      'out = root / "build_v2"\n' +
      'share = admin / Projects\n' +
      'ratio = total / count2x\n' +
      'login as admin / <password>\n' +
      'report to ops@corp.example / Pager-Duty\n';
    expect(found(text, 'notes.py', 'account-slash-password')).toEqual([]);
  });
});

describe('a BitLocker recovery key', () => {
  it('reports the eight groups of six digits after the words that name it', () => {
    const mail = 'Your laptop\'s recovery key (keep it safe): 503917-284610-097354-612083-440291-158736-379402-226815\n';
    expect(found(mail, 'it.eml', 'bitlocker-recovery-key')).toEqual(['503917-284610-097354-612083-440291-158736-379402-226815']);
    const output = 'BitLocker Drive Encryption: Configuration Tool\nVolume C:\n  Numerical Password:\n    ID: {7A3E1F20-55B1-4C0D-9E42-A18F6D3C2B90}\n    Password:\n      284117-601250-339493-047256-512875-190036-655214-438163\n';
    expect(found(output, 'manage-bde.txt', 'bitlocker-recovery-key')).toEqual(['284117-601250-339493-047256-512875-190036-655214-438163']);
  });

  it('leaves the shape alone where nothing names it, and shorter groups after the words', () => {
    expect(found('batch 503917-284610-097354-612083-440291-158736-379402-226815\n', 'ids.txt', 'bitlocker-recovery-key')).toEqual([]);
    expect(found('recovery codes: 503917-284610 and 097354-612083\n', 'notes.txt', 'bitlocker-recovery-key')).toEqual([]);
  });
});

describe('secrets in chat exports, e-mails, error pages and terminal sessions', () => {
  it('reads a Slack webhook and an internal host whose slashes JSON escaped as \\/', () => {
    const message = '{"text": "alerts now go to <https:\\/\\/hooks.slack.com\\/services\\/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>"}';
    expect(found(message, 'channel/2024-06-01.json', 'slack-webhook-url')).toEqual(['https:\\/\\/hooks.slack.com\\/services\\/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']);
    const vault = '{"text": "VAULT_ADDR=https:\\/\\/vault.infra.internal:8200 vault status"}';
    expect(found(vault, 'channel/2024-06-01.json', 'internal-hostname')).toEqual(['vault.infra.internal']);
    // One escaped slash alone is still a path's.
    expect(found('{"path": "\\/etc\\/ssl\\/gw.acme.internal"}', 'export.json', 'internal-hostname')).toEqual([]);
  });

  it("reports MinIO's root user when it holds an access key id, not when it holds a login", () => {
    expect(found('    environment:\n      MINIO_ROOT_USER: QH4TZ81MWP2KX6VBNL0R\n', 'compose.diff', 's3-compatible-access-key-id')).toEqual(['QH4TZ81MWP2KX6VBNL0R']);
    expect(found('    environment:\n      MINIO_ROOT_USER: minio-ops\n', 'compose.diff')).toEqual([]);
  });

  it('reads a Wi-Fi passphrase given after the network name in quotes, not the name given alone', () => {
    expect(found('- Guest Wi-Fi "Lumen-Visitors": Pq7rTa-5810-Wmzk<br>\n', 'welcome.eml', 'wifi-network-key')).toEqual(['Pq7rTa-5810-Wmzk']);
    expect(found('- Wi-Fi: Lumen-Visitors (ask reception for the key)\n', 'welcome.eml')).toEqual([]);
    expect(found('- Wi-Fi "Lumen-Visitors": open network\n', 'welcome.eml')).toEqual([]);
  });

  it("reads a Wi-Fi key named after the network's name and a short clause, given in code marks", () => {
    const runbook = '## Lock-up\n- Staff Wi-Fi (HARBOR-STAFF) key for the front-desk tablet: `lantern.quay.pebble42`\n';
    // Whole, by whichever rule reads it first: since Wi-Fi keys count as passwords, generic-assignment reads `key …:` too.
    expect(found(runbook, 'docs/runbooks/closing.md')).toEqual(['lantern.quay.pebble42']);
    expect(found('Guest WLAN "Visitors" password: Qv7mBx-2291-Lpzt\n', 'welcome.eml')).toEqual(['Qv7mBx-2291-Lpzt']);
    // After a clause a bare last word is the sentence's; in code marks a word is no key either.
    expect(found('- Staff Wi-Fi (HARBOR-STAFF) key for the front-desk tablet: ask the duty manager\n', 'closing.md')).toEqual([]);
    expect(found('- Wi-Fi (HARBOR-STAFF) password, rotated each term: Autumn2024term\n', 'closing.md', 'wifi-network-key')).toEqual([]);
    expect(found('- Wi-Fi (HARBOR-STAFF) key rotation: `quarterly`\n', 'closing.md')).toEqual([]);
  });

  it("reads a listed network's bare key that is made as keys are, and a key in code marks after an aside on it", () => {
    expect(found('Projector / Chromecast network: `Hall-AV`, key Gantry2031!\n', 'wiki/codes.md', 'wifi-network-key')).toEqual(['Gantry2031!']);
    expect(found('The dye house Wi-Fi SSID is `Dye-OT`, WPA2 key Madder&Woad&Weld!. Guest Wi-Fi is on the board.\n', 'wiki/net.md', 'wifi-network-key')).toEqual(['Madder&Woad&Weld!']);
    expect(found('Staff network `BK-Staff` (key rotates monthly, current: `Ledger_M10_2025`).\n', 'wiki/open.md', 'wifi-network-key')).toEqual(['Ledger_M10_2025']);
    const quiet = [
      'Projector network: `Hall-AV`, key rotates monthly',
      'Projector network: `Hall-AV`, key WPA2-Personal',
      'Projector network: `Hall-AV`, key fingerprint',
      'network: eth0 / Bond0-Primary2',
      'the network `vlan-20`, password Gantry2031!',
      'Staff network `BK-Staff` (key rotates monthly, current: in the safe)',
      '',
    ].join('\n');
    expect(found(quiet, 'wiki/net.md', 'wifi-network-key')).toEqual([]);
  });

  it("reads a Wi-Fi key a chat tells as what the network's key is now, not a mode, a band, a version or a place", () => {
    const slack = '{"text": "did someone change the bar wifi? it should still be Hopback!2031Amber"}\n';
    expect(found(slack, 'chat/slack-ops.json', 'wifi-key-told-prose')).toEqual(['Hopback!2031Amber']);
    expect(found('[07:10] Sue: and the yard Wi-Fi changed, it is now Tractor!Bale77\n', 'chat/teams.txt', 'wifi-key-told-prose')).toEqual(['Tractor!Bale77']);
    const quiet = [
      '[07:10] Sue: the yard Wi-Fi changed, it is now WPA3-Personal',
      '[07:11] Sue: the yard Wi-Fi changed, it is now 5GHz-only',
      '[07:12] Sue: the yard Wi-Fi firmware changed, it is now v7.4.2-b1',
      '[07:13] Sue: did someone change the yard wifi? it should still be on the router',
      '',
    ].join('\n');
    expect(found(quiet, 'chat/teams.txt', 'wifi-key-told-prose')).toEqual([]);
  });

  it('reads a Wi-Fi said to be its key after where it is, when the key has a symbol no network name has', () => {
    expect(found('[11:02] Jo: heads up, the wifi in the Leek workshop is =Mortise42 now\n', 'chat/teams.txt', 'wifi-key-told-prose')).toEqual(['=Mortise42']);
    expect(found('{"text": "wifi at the yard is Hay&Bale2031"}\n', 'chat/slack.json', 'wifi-key-told-prose')).toEqual(['Hay&Bale2031']);
    const quiet = [
      '[11:02] Jo: the wifi in the Leek workshop is Leek-Staff5 now',
      '[11:03] Jo: the wifi at the yard is WPA2-Personal',
      '[11:04] Jo: the wifi in the office is down again',
      '[11:05] Jo: the wifi in the office is 5GHz-only!',
      '',
    ].join('\n');
    expect(found(quiet, 'chat/teams.txt', 'wifi-key-told-prose')).toEqual([]);
  });

  it("reads a listed network's key after its security mode in brackets, and a short key of every class after a bracketed clause", () => {
    const wiki = '## Wireless\n* **Mill-Office** (WPA2): `Grist_Wheel4410`\n* Mill-Yard (WPA2-PSK): Sack!Hoist77\n';
    expect(found(wiki, 'wiki/it.md', 'wifi-security-mode-key')).toEqual(['Grist_Wheel4410', 'Sack!Hoist77']);
    expect(found('* Signal box Wi-Fi (for the block instruments): Lev3r#\n', 'wiki/shop.md', 'wifi-network-key')).toEqual(['Lev3r#']);
    const quiet = [
      '* **Mill-Office** (WPA2): see the sticker on the router',
      '* Mill-Yard (WPA2): `WPA2-Personal`',
      '* Mill-Yard (WPA3): Enterprise',
      '* Signal box Wi-Fi (for the block instruments): lever3',
      '* Signal box Wi-Fi (for the block instruments): Lever3',
      '',
    ].join('\n');
    expect(found(quiet, 'wiki/it.md', 'wifi-security-mode-key')).toEqual([]);
    expect(found(quiet, 'wiki/it.md', 'wifi-network-key')).toEqual([]);
  });

  it("reads a network's key after its quoted name and a spaced slash, not a name alone or a mode", () => {
    expect(found('[12:01] Ana: visitor wifi for the fete is "FeteGuest" / bunting-4471\n', 'chat/teams.txt', 'wifi-network-key')).toEqual(['bunting-4471']);
    expect(found('[12:01] Ana: visitor wifi for the fete is "FeteGuest" / WPA2-Personal\n[12:02] Ana: wifi at the fete is "FeteGuest" / "FeteGuest"\n', 'chat/teams.txt', 'wifi-network-key')).toEqual([]);
  });

  it('reads .pgpass lines pasted under `cat ~/.pgpass`, and stops where the file does', () => {
    const session = '$ cat ~/.pgpass\nwh-01.example.net:5432:dwh:looker:Vb7-quartz-Meadow\nlocalhost:5432:*:postgres:postgres\n$ echo done:1:2:3:Nq4-ember-Falcon\n';
    expect(found(session, 'notes.txt', 'pgpass-pasted-password')).toEqual(['Vb7-quartz-Meadow']);
    expect(found('wh-01.example.net:5432:dwh:looker:Vb7-quartz-Meadow\n', 'notes.txt')).toEqual([]);
  });

  it("reads an error page's environment table, and leaves masked or settings rows alone", () => {
    const page = '<table>\n<tr><td>APP_KEY</td><td>base64:Tm90QVJlYWxLZXlKdXN0QVRlc3RWYWx1ZTEyMzQ1Njc=</td></tr>\n<tr><td>DB_PASSWORD</td><td>Wren#41-Copper</td></tr>\n<tr><td>DB_USERNAME</td><td>shop</td></tr>\n<tr><td>MAIL_PASSWORD</td><td>********</td></tr>\n</table>';
    expect(found(page, 'error.html', 'html-table-credential')).toEqual(['base64:Tm90QVJlYWxLZXlKdXN0QVRlc3RWYWx1ZTEyMzQ1Njc=', 'Wren#41-Copper']);
  });

  it('reads a base64 Docker config printed by kubectl, and not one holding no credential', () => {
    const config = btoa('{"auths":{"registry.example.net":{"username":"ci","password":"Rk8-vessel-Ochre-42","auth":"' + btoa('ci:Rk8-vessel-Ochre-42') + '"}}}');
    expect(found(`$ kubectl get secret pull -o jsonpath='{.data.\\.dockerconfigjson}'\n${config}\n`, 'session.txt', 'docker-config-base64')).toEqual([config]);
    expect(found(`${btoa('{"auths":{"registry.example.net":{}}}')}\n`, 'session.txt')).toEqual([]);
  });

  it("reads an SSM parameter's value in a terraform plan under a path that names a secret", () => {
    const plan = '  + resource "aws_ssm_parameter" "hook" {\n      + name      = "/billing/prod/webhook_signing_secret"\n      + type      = "String"\n      + value     = "c9e1f04b7a3d62e85f10b4a97c3d2e61"\n    }\n';
    expect(found(plan, 'plan.out', 'name-value-pair')).toEqual(['c9e1f04b7a3d62e85f10b4a97c3d2e61']);
    const region = '  + resource "aws_ssm_parameter" "region" {\n      + name      = "/billing/prod/region"\n      + type      = "String"\n      + value     = "c9e1f04b7a3d62e85f10b4a97c3d2e61"\n    }\n';
    expect(found(region, 'plan.out', 'name-value-pair')).toEqual([]);
  });

  it("leaves a CI cache's key, Postman's per-request id, a masked prefix and a masked URL password alone", () => {
    expect(found('Cache restored from key: Linux-pnpm-4c1b9e07d2a85f3e6b0c9d1a2e7f4b8c3d6a9e0f1b2c5d8e7a4b3c6d9e0f1a2b\n', 'job.log')).toEqual([]);
    expect(found('Cache not found for input keys: Linux-pnpm-4c1b9e07d2a85f3e6b0c9d1a2e7f4b8c3d6a9e0f1b2c5d8e7a4b3c6d9e0f1a2b\n', 'job.log')).toEqual([]);
    expect(found('Signing key: Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF\n', 'job.log')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF']);
    expect(found('  Postman-Token: 4b7e2c90-1d3a-4f6e-9b8c-0a2d5e7f1c3b\n', 'console.txt')).toEqual([]);
    expect(found('| Stripe Secret Key | `sk_live_51Hq***` |\n', 'alert.md')).toEqual([]);
    expect(found('Connected to amqp://worker:**@10.40.2.17:5672//\n', 'worker.log', 'internal-url')).toEqual(['10.40.2.17:5672//']);
  });
});

describe('a password in bold right after the word', () => {
  it("reports a runbook's break-glass password set in bold", () => {
    const md = 'Only if SSO is down: the break-glass password **Fjord.ember82!kQ**. Rotate it afterwards.\n';
    expect(found(md, 'runbooks/access.md')).toEqual(['Fjord.ember82!kQ']);
  });

  it('takes bold emphasis for what it is', () => {
    expect(found('The password **must** be rotated every 90 days.\n', 'policy.md')).toEqual([]);
    expect(found('Rotate the password **v2** of the API.\n', 'notes.md')).toEqual([]);
  });
});

describe('a password set off below the sentence that leads up to it', () => {
  it('reports the indented value after a sentence ending in "is"', () => {
    const mail = 'Replica password was rotated by the DBA job overnight. New one is\n\n    Harbor#quill27.Rt\n\n(same user as before).\n';
    expect(found(mail, 'incident.eml')).toEqual(['Harbor#quill27.Rt']);
  });

  it('reads a colon as a lead-in too, and a tab as an indent', () => {
    expect(found('The new VPN password:\n\tSlate-orbit.4421\n\nThanks\n', 'mail.txt')).toEqual(['Slate-orbit.4421']);
  });

  it('takes no command, setting, stand-in or quoted reply set off the same way', () => {
    expect(found('To reset the password the command is\n\n    ./bin/reset-password.sh\n\nthen log in.\n', 'README.txt')).toEqual([]);
    expect(found('The password policy is\n\n    min-length=12\n\n', 'notes.txt')).toEqual([]);
    expect(found('The password is\n\n    stored-in-vault\n\n', 'notes.txt')).toEqual([]);
    expect(found('> The new password is\n>\n>     Harbor#quill27.Rt\n', 'reply.eml', 'password-set-off-below')).toEqual([]);
  });
});

describe('a password named in a sentence and given on the same line as "the new one"', () => {
  it('reports the value after "new one …:" or "the new one is"', () => {
    expect(found('--- a.novak 09:14 ---\nThe bank rotated the SFTP password overnight. New one from their portal: Tw8_KpR3mZq5Ln\nI updated the job.\n', 'ticket.txt')).toEqual(['Tw8_KpR3mZq5Ln']);
    expect(found('We reset the passphrase of the backup key, the new one is `Cove!Lantern72` for now.\n', 'handover.md')).toEqual(['Cove!Lantern72']);
  });
  it('takes no reference, setting or word, and no "new one" without a password before it', () => {
    expect(found('The password expired. New one: see the vault entry ops/sftp.\n', 'ticket.txt')).toEqual([]);
    expect(found('Password policy changed; the new one is stricter: min-length=14\n', 'ticket.txt')).toEqual([]);
    expect(found('The old laptop died. New one from IT: LT-4471-B2x\n', 'ticket.txt')).toEqual([]);
  });
});

describe('a password given as the current one, maybe after an aside on the next line', () => {
  it('reports the value when the line names a password, or a login or credentials that were rotated or reset', () => {
    const runbook = '4. If the loader logs `access denied`, the warehouse login was probably reset. The current one\n   (after the June audit) is `Marlin-Quarry207%` -- put it in the unit file.\n';
    expect(found(runbook, 'docs/runbook-loader.md')).toEqual(['Marlin-Quarry207%']);
    expect(found('We rotated the kiosk password on Monday; the current one is Gz5-Tern!Hollow until the image is rebuilt.\n', 'handover.md')).toEqual(['Gz5-Tern!Hollow']);
  });
  it('leaves a login that was not rotated, a next line that starts a new sentence, and a value with no password shape', () => {
    expect(found('The login page moved last week. The current one is https://portal.example.org/signin2\n', 'notes.md')).toEqual([]);
    expect(found('The warehouse login was rotated. The current one\nBelongs in the vault: Marlin-Quarry207%\n', 'notes.md', 'password-new-one-prose')).toEqual([]);
    expect(found('The service credentials were reset. The current one is `stored-in-vault`.\n', 'notes.md')).toEqual([]);
  });
});

describe("an Authorization header with a vendor's own scheme", () => {
  it('reports the credential after a scheme no rule names, its parts joined by a slash', () => {
    const log = "[02:00:01] DEBUG request headers: {'Authorization': 'DENTX Rq7vKm2LwZ8pT4nX/Hc5Jd9Fs3Gb6Ya1', 'Accept': 'application/json'}\n";
    expect(found(log, 'logs/sync.log', 'authorization-header')).toEqual(['Rq7vKm2LwZ8pT4nX/Hc5Jd9Fs3Gb6Ya1']);
  });

  it("leaves a signature's parameters, a signed request's account:signature, a client id and words", () => {
    const text = [
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAZ7VRSQ5TKQLMWP3B/20240402/eu-west-1/s3/aws4_request, Signature=5d6e7f',
      'Authorization: SharedKey archive01:Rq7vKm2LwZ8pT4nXHc5Jd9Fs3Gb6Ya1=',
      'Authorization: ClientID Rq7vKm2LwZ8pT4nXHc5Jd9Fs',
      'Authorization: Required before-any-call-to-the-orders-api',
      'Authorization: Signature keyId="Rq7vKm2LwZ8pT4nX",algorithm="hmac-sha256"',
      '',
    ].join('\n');
    expect(found(text, 'notes.txt', 'authorization-header')).toEqual([]);
  });
});
