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
