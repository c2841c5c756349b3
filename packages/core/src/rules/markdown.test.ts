import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a line of notes labelled as a password', () => {
  it('reports a password-shaped code span further on the line, past a pointer to a vault entry', () => {
    const line = '   Password: in the team vault (entry billing-ro). Until it is rotated the old `Tundra!Fox-2291` still works.\n';
    expect(values(line, 'docs/runbook.md')).toEqual(['Tundra!Fox-2291']);
    expect(values('- **Passphrase**: ask #sec, or use the break-glass `Mq7#vLp2-Zx9K` once.\n', 'NOTES.md')).toEqual(['Mq7#vLp2-Zx9K']);
    expect(values('Root password: see `vault kv get ops/root`, last set to `Gr4nite@Shelf`.\n', 'README.md')).toEqual(['Gr4nite@Shelf']);
  });

  it('leaves code spans of a line that only mentions passwords, and spans that are no password', () => {
    expect(values('We reset the password after `deploy-v2!3` shipped.\n', 'CHANGELOG.md')).toEqual([]);
    expect(values('Password: run `make reset-pw` then `kubectl rollout restart`.\n', 'ops.md')).toEqual([]);
    expect(values('Password: `${DB_PASSWORD}` from the environment, or `<your-password>`.\n', 'ops.md')).toEqual([]);
  });

  it("reads 'pass' before a code span of code as the verb (a call, a scoped name), and still reports a password there", () => {
    expect(values('In most cases it is OK to simply pass `v8::Isolate::GetCurrent()` as the first argument.\n', 'CHANGELOG.md')).toEqual([]);
    expect(values('You can pass `ctx->stream` or `getBuffer(4096)` here.\n', 'docs/api.md')).toEqual([]);
    expect(values('| Contoso | prod | user `acme`, pass `Quill#maple402!` | SFTP |\n', 'notes.md')).toEqual(['Quill#maple402!']);
  });

  it('reads Markdown only: elsewhere a label line is left to the assignment rules', () => {
    const line = '# Password: the old one was `Tundra!Fox-2291`, ask ops.\n';
    expect(detect(line, { file: 'notes.txt' }).filter((f) => f.rule === 'markdown-password-line')).toEqual([]);
    // The sentence itself hands the old password over, which password-new-one-prose reads in any file.
    expect(detect(line, { file: 'notes.txt' }).map((f) => f.rule)).toEqual(['password-new-one-prose']);
  });
});

describe('a password given in a sentence with "is"', () => {
  it('reports a quoted value, its final punctuation included, and a bare one with a digit and a symbol', () => {
    expect(values('The shared password for the demo kiosks is `Lantern7Harbor!`; change it after the fair.\n', 'docs/kiosk.md')).toEqual(['Lantern7Harbor!']);
    expect(values('# the passphrase for the release build was Quill-Meadow#88.\n', 'sign.sh')).toEqual(['Quill-Meadow#88']);
  });

  it('leaves the sentence alone when the word after "is" is prose', () => {
    expect(values('The password for the replica user is rotated2weekly by the operator.\n', 'docs/db.md')).toEqual([]);
    expect(values('The password for the admin account is stored in Vault.\n', 'docs/db.md')).toEqual([]);
  });
});

describe('a password whose code span the paragraph wrapped onto the next line', () => {
  it('reports the code span that opens the line after the name', () => {
    const md = 'Visitors join the `Harbour-Visitors` network, password\n`Lantern#Quay4471` (changed every quarter).\n';
    expect(values(md, 'docs/office.md')).toEqual(['Lantern#Quay4471']);
  });

  it('leaves a code span of code or a placeholder on the next line', () => {
    expect(values('To change your password\n`passwd` asks for the old one first.\n', 'docs/unix.md')).toEqual([]);
    expect(values('Set the admin password\n`${ADMIN_PASSWORD}` in the environment first.\n', 'docs/setup.md')).toEqual([]);
    expect(values('Reset the token\n`bin/rails credentials:edit` opens the file.\n', 'docs/setup.md')).toEqual([]);
  });
});

describe('a value or label in Markdown emphasis', () => {
  it('reports the value alone, without the bold or italic markers around it', () => {
    expect(values('New password: **Pq4!rWz8Ln**\n', 'docs/onboarding.md')).toEqual(['Pq4!rWz8Ln']);
    expect(values('The admin password is *Hb6$tMx2Kc*.\n', 'docs/onboarding.md')).toEqual(['Hb6$tMx2Kc']);
    expect(values('- password: __Vd3#nQs7Jy__\n', 'NOTES.md')).toEqual(['Vd3#nQs7Jy']);
    expect(values('| user | password |\n|---|---|\n| carol | **Zt5%kFw9Ry** |\n', 'docs/accounts.md')).toEqual(['Zt5%kFw9Ry']);
  });

  it('reads a bold label: the emphasis may close before or after its colon', () => {
    expect(values('- **Password**: Lm8@cXq3Tv\n', 'README.md')).toEqual(['Lm8@cXq3Tv']);
    expect(values('**Password:** Jr2&wBn6Hs\n', 'README.md')).toEqual(['Jr2&wBn6Hs']);
    expect(values('**API token:** Wq7Yk2Lp9Xv4Rt8Mz3Nc6Bd\n', 'notes.txt')).toEqual(['Wq7Yk2Lp9Xv4Rt8Mz3Nc6Bd']);
  });

  it('leaves emphasised words, masks and placeholders alone', () => {
    expect(values('- **Password**: required\n- **Token**: *optional*\n- **Password:** see the vault entry\n', 'docs/api.md')).toEqual([]);
    expect(values('- **Password**: ********\n- Password: **<your password>**\n', 'docs/api.md')).toEqual([]);
  });

  it('keeps underscores outside Markdown, where they belong to names and placeholders', () => {
    expect(values('password: __Vd3#nQs7Jy__\n', 'config.yml')).toEqual(['__Vd3#nQs7Jy__']);
  });
});

describe('an account and its password both in code spans', () => {
  it('reports the password after a named account and a spaced slash', () => {
    expect(values('- Staging wiki: shared editor account `editor` / `Heron.Basalt2207` (rotated monthly)\n', 'docs/onboarding.md')).toEqual(['Heron.Basalt2207']);
  });
  it('reports a generated password of letters and digits alone after words that say it is a login', () => {
    expect(values('The shared reporting\naccount is `bi-viewer` / `Qz8mTr2LwX5vKn7HpB4d` (read-only).\n', 'docs/onboarding.md')).toEqual(['Qz8mTr2LwX5vKn7HpB4d']);
    expect(values('Login: `kiosk` / `Tn6vWq3ZmR9kLx2P`\n', 'NOTES.md')).toEqual(['Tn6vWq3ZmR9kLx2P']);
  });
  it('leaves letters and digits alone without a login word before the pair, and words', () => {
    expect(values('Compare `bi-viewer` / `Qz8mTr2LwX5vKn7HpB4d` in the build matrix.\n', 'docs/onboarding.md')).toEqual([]);
    expect(values('The account is `bi-viewer` / `ReadOnlyViewer` for dashboards.\n', 'docs/onboarding.md')).toEqual([]);
  });
  it('leaves two code spans that are no account and password', () => {
    expect(values('See the account `billing` / `invoices` pages for the totals.\n', 'docs/onboarding.md')).toEqual([]);
  });
  it("reads reStructuredText's double-backtick literals as code spans, in a docstring as in a document", () => {
    const docstring = '"' + '""Ledger export.\n\nThe first version logged in as\n``ledger-sync`` / ``Vq4#nTz8!kWm2Lr`` -- retired, use OAuth.\n"' + '""\n';
    expect(values(docstring, 'ledger/export.py')).toEqual(['Vq4#nTz8!kWm2Lr']);
    expect(values('The kiosk account is ``kiosk`` / ``Qz8mTr2LwX5vKn7HpB4d``.\n', 'docs/kiosk.rst')).toEqual(['Qz8mTr2LwX5vKn7HpB4d']);
  });
  it('leaves double-backtick literals that are no login, and a stand-in', () => {
    expect(values('Send ``GET`` / ``POST`` to ``/v2/export``.\n', 'docs/api.rst')).toEqual([]);
    expect(values('Log in as ``admin`` / ``${ADMIN_PASSWORD}``.\n', 'docs/api.rst')).toEqual([]);
    expect(values('Compare ``bi-viewer`` / ``Qz8mTr2LwX5vKn7HpB4d`` in the build matrix.\n', 'docs/api.rst')).toEqual([]);
  });
});

describe('a paragraph of notes that speaks of a password and gives one', () => {
  it('reports a generated-looking code span after a colon, on the wrapped next line of the item too', () => {
    const item = '2. Run the beta lane.\n   - If it asks for the passphrase, it is in the vault under **signing**.\n     (Until the migration is done: `tQ4wHn8_zeVk2Lb`)\n';
    expect(values(item, 'docs/release.md')).toEqual(['tQ4wHn8_zeVk2Lb']);
    expect(values('The staging password changed last week; for now use: `Rw5kYd2PqLm9Tz`.\n', 'NOTES.md')).toEqual(['Rw5kYd2PqLm9Tz']);
  });

  it('reports a generated-looking code span after "is" or "was" further on, the sentence having named the password', () => {
    const para = 'The kiosk uses the `lobby-kiosk` account; its password is in the vault. (The previous one was `Rk8mTq2Lw*Zx5` until March.)\n';
    expect(values(para, 'docs/kiosk.md')).toEqual(['Rk8mTq2Lw*Zx5']);
    expect(values('Ask for the passphrase in #ops; on the test rig it is still `Vb3nQw7Kp2Xz`.\n', 'NOTES.md')).toEqual(['Vb3nQw7Kp2Xz']);
  });

  it('leaves what follows "is" when it is no generated value, or when the paragraph names no password', () => {
    expect(values('The password is checked by `PasswordPolicyValidator` before save.\n', 'docs/auth.md')).toEqual([]);
    expect(values('Password resets are sent by the worker; the queue is `mail-reset-queue-2`.\n', 'docs/auth.md')).toEqual([]);
    expect(values('The old build was `Rk8mTq2LwZx5` until March.\n', 'docs/kiosk.md')).toEqual([]);
  });

  it('leaves commands, names, paths and code spans of the next item or paragraph', () => {
    expect(values('- Rotate the password with: `fastlane match nuke`\n', 'docs/release.md')).toEqual([]);
    expect(values('- The password hash is made by: `PBKDF2WithHmacSHA256`\n', 'docs/auth.md')).toEqual([]);
    expect(values('- The password is read from: `Secrets/Prod2Db/Admin`\n', 'docs/auth.md')).toEqual([]);
    expect(values('- Ask for the password in #ops.\n- Build number: `Rw5kYd2PqLm9Tz`\n', 'docs/release.md')).toEqual([]);
    expect(values('Ask for the password in #ops.\n\nBuild tag: `Rw5kYd2PqLm9Tz`\n', 'docs/release.md')).toEqual([]);
    // Not Markdown: the rule reads notes only.
    expect(values('# the password changed; use: `Rw5kYd2PqLm9Tz`\n', 'notes.txt')).toEqual([]);
  });
});

describe('a user and a password both in code marks in prose', () => {
  it('reports the password after a user named in backticks or bold and a slash', () => {
    const line = 'The log cluster still runs with its bootstrap user: `elastic` / `Tk4qWmZ8rLxV2pNc` until the upgrade.\n';
    expect(values(line, 'docs/runbooks/upgrade.md')).toEqual(['Tk4qWmZ8rLxV2pNc']);
    expect(values('Staging username **ops** / **Harbor.cedar70@**\n', 'NOTES.md')).toEqual(['Harbor.cedar70@']);
  });
  it('reads a login whose label says what it is for before the colon', () => {
    expect(values('Shared login for the loading-dock scanners: `scanner` / `QmVt%RwxLpZe`.\n', 'docs/WAREHOUSE.md')).toEqual(['QmVt%RwxLpZe']);
    expect(values('- Login for the staff wiki: `jdoe` / `<your SSO password>`\n', 'docs/WIKI.md')).toEqual([]);
    expect(values('Login for the kiosk: see `kiosk-login.md` / `badge-setup.md`\n', 'docs/KIOSK.md')).toEqual([]);
  });
  it('leaves roles, stand-ins and words after a user in prose', () => {
    expect(values('Pick the user `guest` / `member` role in the form.\n', 'docs/roles.md')).toEqual([]);
    expect(values('Default user: `elastic` / `<from the vault>`\n', 'docs/es.md')).toEqual([]);
    expect(values('username `deploy` / `changeme`\n', 'docs/es.md')).toEqual([]);
  });
});

describe('a password whose change a sentence tells, from one value to another', () => {
  it('reports the old value after "from" and the new one after "to", even where the old one was leaked', () => {
    const para = 'The reporting DB password was rotated on 2025-06-03 from `Qv7!kRm2Tz@wLp` (pasted in a ticket) to a vault reference.\n';
    expect(values(para, 'docs/ops.md')).toEqual(['Qv7!kRm2Tz@wLp']);
    expect(values('We changed the kiosk passphrase to `Hx4nPq8Wz2Lk` last week.\n', 'NOTES.md')).toEqual(['Hx4nPq8Wz2Lk']);
  });

  it('leaves what a change moves from or to when it is no generated value, or an address', () => {
    expect(values('The password check was moved from `LegacyValidator` to `PolicyValidator2`.\n', 'docs/auth.md')).toEqual([]);
    expect(values('Password resets were switched from `ops@Example.com` to the service desk.\n', 'docs/auth.md')).toEqual([]);
    expect(values('The password was rotated; the build moved from `Rw5kYd2PqLm9Tz`.\n', 'notes.txt')).toEqual([]);
  });
});

describe('a password that a sentence says was set back to a value', () => {
  it('reports the value after "back to", "reverted to" or "restored to", the verb before the word', () => {
    const line = '- 06:40 Rolled broker password back to `cRT*7xrZdt++rjNh_U` (rotated again at 09:00, see vault).\n';
    expect(values(line, 'ops/runbooks/incident.md')).toEqual(['cRT*7xrZdt++rjNh_U']);
    expect(values('The kiosk passphrase reverted to `Hx4nPq8Wz2Lk` after the restore.\n', 'NOTES.md')).toEqual(['Hx4nPq8Wz2Lk']);
    expect(values('Admin password restored to `Tq5!mWz8Rk2Lx` from the backup.\n', 'docs/dr.md')).toEqual(['Tq5!mWz8Rk2Lx']);
  });

  it('leaves what is set back when it is no generated value, and notes outside Markdown', () => {
    expect(values('The password policy went back to `DefaultPolicy` after the audit.\n', 'docs/auth.md')).toEqual([]);
    expect(values('Password checks were reverted to `LegacyValidator2`.\n', 'docs/auth.md')).toEqual([]);
    expect(values('Password reset links go back to `https://id.example.com/reset`.\n', 'docs/auth.md')).toEqual([]);
    expect(values('Rolled broker password back to `cRT*7xrZdt++rjNh_U`.\n', 'notes.txt')).toEqual([]);
  });
});

describe('a paragraph of notes whose password is words, digits and a symbol', () => {
  it('reports it after "it was", the paragraph having named the password', () => {
    const para = 'The reporting login is `svc_reports`. Password lives in the vault.\nDo not paste it here. (Previously it was `Juniper4471!QxvTb`, rotated in May.)\n';
    expect(values(para, 'docs/RUNBOOK.md')).toEqual(['Juniper4471!QxvTb']);
  });
  it('leaves a name of words and digits with no symbol', () => {
    expect(values('The password policy moved; previously it was `PasswordPolicy2024Rules`.\n', 'docs/auth.md')).toEqual([]);
  });
});

describe('a paragraph of notes that speaks of a token and gives one', () => {
  it('reports hex or a generated value in a code span after a colon further on in the paragraph', () => {
    const para = 'The translation vendor token used by `scripts/pull.sh` was pasted by mistake\nin #l10n on 2025-03-04: `4e1c0f7a93b25d86e0a1c3f5b7d9e2a4c6f8b0d1` - revoked?\n';
    expect(values(para, 'docs/README.md')).toEqual(['4e1c0f7a93b25d86e0a1c3f5b7d9e2a4c6f8b0d1']);
    expect(values('- The CI token for the mirror (until SSO lands): `Tq7mW2xR9kLp4Zv8Nc3Hb6Jd`\n', 'NOTES.md')).toEqual(['Tq7mW2xR9kLp4Zv8Nc3Hb6Jd']);
  });
  it('leaves a commit, a hash or a checksum, names, and text outside Markdown', () => {
    expect(values('The token refresh fix landed in commit: `4e1c0f7a93b25d86e0a1c3f5b7d9e2a4c6f8b0d1`\n', 'CHANGELOG.md')).toEqual([]);
    expect(values('Token files are checked against their SHA-1: `4e1c0f7a93b25d86e0a1c3f5b7d9e2a4c6f8b0d1`\n', 'docs/README.md')).toEqual([]);
    expect(values('The token is read from the setting: `translation_vendor_project_token`\n', 'docs/README.md')).toEqual([]);
    expect(values('Tokenizer output for the sample: `4e1c0f7a93b25d86e0a1c3f5b7d9e2a4c6f8b0d1`\n', 'docs/README.md')).toEqual([]);
    expect(values('the vendor token was pasted in chat: `4e1c0f7a93b25d86e0a1c3f5b7d9e2a4c6f8b0d1`\n', 'notes.txt')).toEqual([]);
  });
});

describe("an id that a note about a token labels as one", () => {
  it('leaves a trace, request or correlation id given after the token is spoken of', () => {
    const incident = 'The relay token expired on Sunday and nothing paged. Request ID of the first 401: `7c2e9a41d05f4b3e8a6d1f0c9b2e7a54`\n';
    expect(values(incident, 'wiki/incidents/2025-01-relay.md')).toEqual([]);
    expect(values('- token refresh failed twice; correlation id: `c41f0e2d9a7b4c6e8d1a3f5b7e9c0d2a`\n', 'docs/postmortem.md')).toEqual([]);
    expect(values('The sync token was rotated at 09:10.\nTrace: `b7d3e1f9a2c4e6d8f0a1b3c5d7e9f1a2`\n', 'docs/postmortem.md')).toEqual([]);
  });

  it('still reports the token when the label names it, even beside an id', () => {
    const note = 'The relay token expired on Sunday. New token for request routing: `9e4b1d7f2a6c8e0b3d5f7a9c1e3b5d7f`\n';
    expect(values(note, 'wiki/incidents/2025-01-relay.md')).toEqual(['9e4b1d7f2a6c8e0b3d5f7a9c1e3b5d7f']);
    expect(values('The relay token was pasted in #ops by mistake, see the trace above: `Tq7mW2xR9kLp4Zv8Nc3Hb6Jd`\n', 'NOTES.md')).toEqual(['Tq7mW2xR9kLp4Zv8Nc3Hb6Jd']);
  });
});

describe('a line that names a key and ends in a colon, and a code span opening the next line', () => {
  it('reports a generated value handed over on the next line', () => {
    const log = '- 14:32 Partner signing key regenerated; the new key went to the wrong channel:\n  `Lq4mZ8vR2_TxW9kPn3Hc7B` (revoked at 14:50).\n';
    expect(values(log, 'docs/incidents/2025-06-relay.md')).toEqual(['Lq4mZ8vR2_TxW9kPn3Hc7B']);
    expect(values('The staging webhook secret for the relay:\n`Wd3kQ9zLm7Rt2VxPb5Nc8H`\n', 'NOTES.md')).toEqual(['Wd3kQ9zLm7Rt2VxPb5Nc8H']);
  });
  it('leaves names, hex ids and fingerprints, a line not ending in a colon, and text outside Markdown', () => {
    expect(values('The key of the cache entry is built by:\n  `build_cache_key_for_tenant`\n', 'docs/cache.md')).toEqual([]);
    expect(values('The signing key in use has the id:\n  `4e1c0f7a93b25d86e0a1c3f5b7d9e2a4`\n', 'docs/keys.md')).toEqual([]);
    expect(values('The public key of the relay:\n  `Lq4mZ8vR2_TxW9kPn3Hc7B`\n', 'docs/keys.md')).toEqual([]);
    expect(values('Rotate the key: see the runbook.\n  `Lq4mZ8vR2_TxW9kPn3Hc7B`\n', 'docs/keys.md')).toEqual([]);
    expect(values('- the new key went to the wrong channel:\n  `Lq4mZ8vR2_TxW9kPn3Hc7B`\n', 'notes.txt')).toEqual([]);
  });
});

describe('a login in bold after its label, user and password joined by a slash', () => {
  it('reports the password of `login is **user / …**` and of a pair bolded one by one', () => {
    expect(values('2. The lab booking login is **bookings / Wm4*tRq8#zLx** (ask before sharing).\n', 'docs/lab.md')).toEqual(['Wm4*tRq8#zLx']);
    expect(values('Credentials: **svc-scan** / **Pk7!vNz3-Hq**.\n', 'notes/scanner.md')).toEqual(['Pk7!vNz3-Hq']);
    expect(values('the kiosk log-in is **kiosk / Lr5$qWm2vT**, rotated each term\n', 'handover.txt')).toEqual(['Lr5$qWm2vT']);
  });
  it('leaves words in bold, a placeholder, a password the bold does not close on, and a pair without a login label', () => {
    expect(values('The default login is **read / write** for guests.\n', 'docs/lab.md')).toEqual([]);
    expect(values('The login is **admin / <your password>**\n', 'docs/lab.md')).toEqual([]);
    expect(values('The login is **kiosk / Lr5$qWm2vT and the usual PIN**\n', 'docs/lab.md')).toEqual([]);
    expect(values('Use **GET / POST2!x** for both endpoints.\n', 'docs/api.md')).toEqual([]);
  });
});

describe('a password given in notes as what it is currently, or was previously', () => {
  it('reports a password after "is currently" in a paragraph about a password', () => {
    expect(values('2. The kiosk admin password is currently `Wv8rK2*nQz4Lp7` (moving to the vault).\n', 'docs/kiosk.md')).toEqual(['Wv8rK2*nQz4Lp7']);
  });

  it("reports an account's old password after its name and \"previously\"", () => {
    expect(values('- Rotate the backup login (`svc-bkp`, previously `Tq5!mWz8Rk2Lx9vN`).\n', 'docs/follow-ups.md')).toEqual(['Tq5!mWz8Rk2Lx9vN']);
    expect(values('- Reset the `kiosk-admin` account, formerly `Hn4#pLw7Zq2Vr8`.\n', 'NOTES.md')).toEqual(['Hn4#pLw7Zq2Vr8']);
  });

  it('leaves other things that were previously named, and code outside Markdown', () => {
    expect(values('- Rename the service (`billing`, previously `invoicing-service-v2`).\n', 'docs/follow-ups.md')).toEqual([]);
    expect(values('- The deploy user (`deploy`, previously `deployer_legacy`) moved hosts.\n', 'docs/follow-ups.md')).toEqual([]);
    expect(values('- Rotate the backup login (`svc-bkp`, previously `Tq5!mWz8Rk2Lx9vN`).\n', 'src/notes.txt')).toEqual([]);
  });
});

describe('a secret named in prose and given in parentheses', () => {
  it('reports a generated value in a code span right after a key, token or password named in the sentence', () => {
    expect(values('- Rotate the leaked webhook signing key (`Wv3_kRq8Zt#Lm2pXn7^Hc5y`) - done 14:20.\n', 'docs/incidents/2025-01-09.md')).toEqual(['Wv3_kRq8Zt#Lm2pXn7^Hc5y']);
    expect(values('Revoke the old CI token (`Jd8mQz2Kv7LxR4tWp9Nb`) once the runners are moved.\n', 'NOTES.md')).toEqual(['Jd8mQz2Kv7LxR4tWp9Nb']);
  });

  it('leaves a public or host key, a name, a path, a fingerprint and words that only end in "key"', () => {
    for (const line of [
      '- Add the deploy public key (`AAAAC3NzaC1lZDI1NTE5AAAAIGq4Wz`) to the repo.\n',
      '- Export the API key (`PAYMENTS_API_KEY`) before running.\n',
      '- The signing key (`kid-2025-01-rotation`) is the current one.\n',
      '- Keep the key (`config/keys/Webhook2025Signing.pem`) out of git.\n',
      '- Check the SSH host key (`SHA256:Rk4mVz8Qp2Lw7Xn5Tc9Yb3`).\n',
      '- Feed the monkey (`Wv3kRq8ZtLm2pXn7Hc5y`) at noon.\n',
    ]) expect(values(line, 'docs/runbook.md'), line).toEqual([]);
    expect(values('- Rotate the leaked webhook signing key (`Wv3_kRq8Zt#Lm2pXn7^Hc5y`).\n', 'src/notes.txt')).toEqual([]);
  });
});

describe('a lone value fenced after a lead-in that names a kind of key', () => {
  const fenced = (lead: string, value: string) => `## Staging\n\n3. ${lead}\n\n   \`\`\`\n   ${value}\n   \`\`\`\n\n4. Restart the app.\n`;

  it('reports the one word of the block after "master key … is:", "signing key:"', () => {
    expect(values(fenced('The Django master key for QA is:', '7c1e94ab03d26f58e9a4c0b7d3f1e682'), 'docs/setup.md')).toEqual(['7c1e94ab03d26f58e9a4c0b7d3f1e682']);
    expect(values(fenced('Webhook signing key:', 'Qm4xT9vLp2Rk7Wz3Nc8Hb5Jd'), 'README.md')).toEqual(['Qm4xT9vLp2Rk7Wz3Nc8Hb5Jd']);
  });

  it('leaves a public key, a bare "key", a block of several lines and a command', () => {
    expect(values(fenced('The recipient public key is:', 'Qm4xT9vLp2Rk7Wz3Nc8Hb5Jd'), 'docs/setup.md')).toEqual([]);
    expect(values(fenced('Press the key:', 'Qm4xT9vLp2Rk7Wz3Nc8Hb5Jd'), 'docs/setup.md')).toEqual([]);
    expect(values('The master key is:\n\n```\nexport A=1\nexport B=2\n```\n', 'docs/setup.md')).toEqual([]);
    expect(values(fenced('To print the master key run:', 'bin/rails credentials:show'), 'docs/setup.md')).toEqual([]);
    expect(values(fenced('The monkey is:', 'Qm4xT9vLp2Rk7Wz3Nc8Hb5Jd'), 'docs/setup.md')).toEqual([]);
  });
});

describe("a token's old value named in passing in notes", () => {
  it('reports a generated value in parentheses after "the old one" or after "the previous token was"', () => {
    const md = '- Keep the upload token in the vault; the old one (`Hq3Zt8Lw2Nv7Rk4Xc9Pb5Jm1Fd6Gs0Ya`) was revoked in March.\n';
    expect(values(md, 'docs/upload.md')).toEqual(['Hq3Zt8Lw2Nv7Rk4Xc9Pb5Jm1Fd6Gs0Ya']);
    const prose = 'The registry token rotates monthly; the previous token was `Wd5Kx2Qm9Tz4Lp7Vr3Nh8Bc6Jf1Gy0Sa`.\n';
    expect(values(prose, 'notes/registry.md')).toEqual(['Wd5Kx2Qm9Tz4Lp7Vr3Nh8Bc6Jf1Gy0Sa']);
  });

  it('leaves names and commits given the same way', () => {
    expect(values('The deploy token moved to a new project; the old one (`legacy-deploy-token-project`) is archived.\n', 'docs/a.md')).toEqual([]);
    expect(values('The token fix landed in the commit after the old one (`4be1c9a07d3e52f18a6c0b9d7e2f4a1c3b5d8e6f`).\n', 'docs/a.md')).toEqual([]);
  });
});

describe('a dotted generated value opening the line after a secret is named', () => {
  it('reports a value with a version prefix and dots, after a remark in parentheses', () => {
    const notes = '- Billing API: request your own login. Shared staging secret (staging only!):\n  `kv2.Tq7-RmZ4xLpW9-b3NvHs8cYd2KfQ6wJ`\n';
    expect(values(notes, 'docs/onboarding.md')).toEqual(['kv2.Tq7-RmZ4xLpW9-b3NvHs8cYd2KfQ6wJ']);
  });
  it('leaves a dotted name, a host and a value that starts or ends with a dot', () => {
    expect(values('The key is read from this setting:\n  `billing.staging.apiSecretKeyName`\n', 'docs/config.md')).toEqual([]);
    expect(values('The secret is named in the vault as:\n  `Api2.Billing.Staging.SecretKeyV3`\n', 'docs/config.md')).toEqual([]);
    // (The label's colon hands the span to generic-assignment too, which judges it as on one line: `The staging secret: \`.…\``.)
    const paragraphTokens = (text: string) => detect(text, { file: 'docs/config.md' }).filter((f) => f.rule === 'markdown-paragraph-token').map((f) => text.slice(f.start, f.end));
    expect(paragraphTokens('The staging secret:\n  `.Tq7RmZ4xLpW9b3NvHs8cYd2KfQ6wJ`\n')).toEqual([]);
  });
});

describe('prose that names a secret and gives it a little further on', () => {
  it('takes the trailing marker of a value that bold closes with one star more than opened it', () => {
    expect(values('Log in as `kiosk`; the password is **Fern!lattice2207***.\n', 'docs/setup.md')).toEqual(['Fern!lattice2207*']);
    expect(values('- password: __Moss-Cable84___\n', 'NOTES.md')).toEqual(['Moss-Cable84_']);
    // Bold italic opens with three and closes with three: the markers are all markup.
    expect(values('The admin password is ***Hb6$tMx2Kc***.\n', 'docs/setup.md')).toEqual(['Hb6$tMx2Kc']);
  });

  it('leaves emphasis that does not close on its own run, and a run of markers as a mask', () => {
    expect(values('The admin password is **Hb6$tMx2Kc****.\n', 'docs/setup.md')).toEqual([]);
    expect(values('The admin password is ****.\n', 'docs/setup.md')).toEqual([]);
  });

  it('reads a password offered as the other way in, after where it is kept and `or`', () => {
    expect(values('- VPN: emergency password in the wall safe, **or** `Qv7&tLw2Xp9Rz` until Monday\n', 'docs/ONCALL.md')).toEqual(['Qv7&tLw2Xp9Rz']);
    expect(values('The kiosk passphrase with the front desk, or `Harbor-Quill58!` after hours.\n', 'docs/kiosk.md')).toEqual(['Harbor-Quill58!']);
  });

  it('leaves `or` before a word, a flag, a variable or a value that is no password', () => {
    expect(values('- Bastion: password in 1Password, **or** ask #ops\n', 'docs/ONCALL.md')).toEqual([]);
    expect(values('Pass the password in a file, or `--password-stdin` in CI.\n', 'docs/ci.md')).toEqual([]);
    expect(values('Read the password from the vault, or `$DB_PASSWORD` when set.\n', 'docs/ci.md')).toEqual([]);
    expect(values('The password reset flow or `RESET-2024` campaign.\n', 'docs/ci.md')).toEqual([]);
    expect(values('The password in the vault, or `deploy_ro` for read-only.\n', 'docs/ci.md')).toEqual([]);
  });

  it('reads a key named in prose with a remark in brackets right before its code span', () => {
    expect(values('- Mailgun: sending API key (old) `c1f9a0e47bd2386f5e0a9d14b72c38e6a5f1d0b9c`, rotate it.\n', 'docs/keys.md')).toEqual(['c1f9a0e47bd2386f5e0a9d14b72c38e6a5f1d0b9c']);
  });

  it('leaves a remark in brackets before a code span that is a name, a header or a stand-in', () => {
    expect(values('See the password column (hashed) `password_hash` in `users`.\n', 'docs/schema.md')).toEqual([]);
    expect(values('Send the API key (see below) `X-Api-Key` header.\n', 'docs/api.md')).toEqual([]);
    expect(values('The API key (staging) `<your-api-key>` goes here.\n', 'docs/api.md')).toEqual([]);
    expect(values('The secret key (rotated) `${SECRET_KEY}` is read at start.\n', 'docs/api.md')).toEqual([]);
  });
});

describe('a password of random letters named in prose and given in parentheses', () => {
  it('reads letters drawn at random with a digit, which split like a name but have hardly a vowel', () => {
    expect(values('The backup FTP password (`Vq7rKmzTbwxLp`) was in the shared doc.\n', 'notes/incident.md')).toEqual(['Vq7rKmzTbwxLp']);
  });
  it('leaves a stand-in, the name of the variable that holds it, and a name of words and digits', () => {
    expect(values('Never use a password (`hunter2`) like that.\n', 'notes/guide.md')).toEqual([]);
    expect(values('Ask IT for the backup FTP password (`BACKUP_FTP_PASSWORD`) before the run.\n', 'notes/guide.md')).toEqual([]);
    expect(values('The API token (`api_token`) comes from the vault.\n', 'notes/guide.md')).toEqual([]);
    expect(values('Set the password (`ReportingDb2024Main`) in the vault.\n', 'notes/guide.md')).toEqual([]);
  });
});

describe("a label's colon ending its line, the code span on the next", () => {
  it('reports the code span a wrapped list item gives the key it names', () => {
    const runbook = '3. If the OCR service throttles, switch to the standby key:\n   `4f0c9e2a7b1d8c3e6f5a0b9d2c7e1f4a` (key 2, region westeurope)\n';
    expect(values(runbook, 'docs/runbooks/ocr.md')).toEqual(['4f0c9e2a7b1d8c3e6f5a0b9d2c7e1f4a']);
    expect(values('The deploy password:\n`Vq8!tLz3-Wm5k`\n', 'NOTES.md')).toEqual(['Vq8!tLz3-Wm5k']);
  });

  it('leaves a name, a stand-in and a command in the code span after such a label', () => {
    expect(values('Export this key:\n`OCR_API_KEY`\n', 'docs/setup.md')).toEqual([]);
    expect(values('Paste the key:\n`<your-key-here>`\n', 'docs/setup.md')).toEqual([]);
    expect(values('To rotate the key:\n`az cognitiveservices account keys regenerate --key-name key2`\n', 'docs/setup.md')).toEqual([]);
  });
});

describe('markdown-paragraph-token: a token given after a colon that ends its line', () => {
  const paragraphTokens = (text: string) => detect(text, { file: 'docs/runbook.md' }).filter((f) => f.rule === 'markdown-paragraph-token').map((f) => text.slice(f.start, f.end));
  it('takes the code span that opens the next line of the paragraph', () => {
    const notes = 'The SMS gateway token is in the vault. A stop-gap token we used in the outage:\n`5e0b9a41c7d2f3869ab14e0d27c3f58a` (revoke it!).\n';
    expect(paragraphTokens(notes)).toEqual(['5e0b9a41c7d2f3869ab14e0d27c3f58a']);
  });
  it('leaves hex on the next line of a paragraph about a commit, and a span after a blank line', () => {
    expect(paragraphTokens('The token fix landed in commit:\n`5e0b9a41c7d2f3869ab14e0d27c3f58a`\n')).toEqual([]);
    expect(paragraphTokens('Rotate the token as follows:\n\n`5e0b9a41c7d2f3869ab14e0d27c3f58a`\n')).toEqual([]);
  });
});

describe('a value in a code span, then what it is in parentheses', () => {
  const rule = 'markdown-span-named-after';
  const of = (text: string) => detect(text, { file: 'docs/notes.md' }).filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));
  it('reports a generated value named a token or key after it', () => {
    expect(of('The nightly export still runs with `Hq7TzW2mLp9RxV4kNc8bQd3J` (Netlify token) until Friday.\n')).toEqual(['Hq7TzW2mLp9RxV4kNc8bQd3J']);
    expect(of('Use `Rk4Wq8Lm2Tz7Vx9Nc3Bp6Hy1` (staging API key) for the demo.\n')).toEqual(['Rk4Wq8Lm2Tz7Vx9Nc3Bp6Hy1']);
  });
  it('leaves public keys, names and values named otherwise', () => {
    expect(of('Add `AAAAC3NzaC1lZDI1NTE5AAAAIHq7TzW2mLp9` (deploy public key) to the repo.\n')).toEqual([]);
    expect(of('Set `NETLIFY_AUTH_TOKEN` (Netlify token) in CI.\n')).toEqual([]);
    expect(of('The build `Hq7TzW2mLp9RxV4kNc8bQd3J` (cache id) is pinned.\n')).toEqual([]);
    expect(of('Pin `PKCS12PrivateKeyTypes` (enum key) there.\n')).toEqual([]);
  });
});

describe('a table of settings whose rows name a key', () => {
  it("leaves DocuSign's integration key (the app's OAuth client id, a UUID) and reports its secret key", () => {
    const table =
      '| Setting | Value |\n|---|---|\n| Integration key | `2f9d71c4-b8a3-4e56-8c10-d7e4a92b5f03` |\n| Secret key | `e4b71c9a-30d8-4f26-a5e1-8c2f9b7d0a63` |\n';
    expect(values(table, 'docs/wiki/DocuSign-Integration.md')).toEqual(['e4b71c9a-30d8-4f26-a5e1-8c2f9b7d0a63']);
    // Under a column header that names it, the same.
    expect(values('| App | Integration key |\n|---|---|\n| DocAssembly | `2f9d71c4-b8a3-4e56-8c10-d7e4a92b5f03` |\n', 'docs/apps.md')).toEqual([]);
  });
});

describe('a Wi-Fi network listed by name, then its key', () => {
  it('reads the key in code marks or quotes after the network name and a comma', () => {
    expect(values('- Visitor Wi-Fi for the open day: `Foundry-Visitors`, key `Bellows&Anvil62` (on the posters).\n', 'wiki/events.md')).toEqual(['Bellows&Anvil62']);
    expect(values('- Visitor Wi-Fi for the open day: `Foundry-Visitors`, password `Bellows&Anvil62` (on the posters).\n', 'wiki/events.md')).toEqual(['Bellows&Anvil62']);
    expect(values('WiFi: `LAB-5G`; key "tide-Pool-8841"\n', 'notes.md')).toEqual(['tide-Pool-8841']);
  });

  it('reads a key written bare when it ends the line', () => {
    expect(values('- Guest Wi-Fi: `Foundry-Guest`, key Bellows&Anvil62\n', 'wiki/events.md')).toEqual(['Bellows&Anvil62']);
  });

  it('reads the key after the network and a spaced slash, in notes and in chat', () => {
    expect(values('Wi-Fi for the marquee: `Fete-Guest` / CandyFloss2031\n', 'wiki/summer-fete.md')).toEqual(['CandyFloss2031']);
    expect(values('[09:12] Ola: wifi at the bottling plant is bp-floor / corkscrew4471\n', 'chat/ops.txt')).toEqual(['corkscrew4471']);
    expect(values('{"text": "wifi in the cellar: Cellar-AP / Tannin.Oak.2022"}\n', 'export/slack.json')).toEqual(['Tannin.Oak.2022']);
    expect(values('Guest network: Lido-Visitors / sunlounger-88\n', 'ops/front-desk.txt')).toEqual(['sunlounger-88']);
  });

  it('leaves a pair of models, bands, modes or paths after the Wi-Fi word, and a pair with no value', () => {
    const notes = [
      'Wi-Fi: ESP32 / ESP8266EX',
      'wifi at the office is 2.4GHz / 5GHz-only',
      'Wi-Fi: WPA2 / WPA3-Personal',
      'Wi-Fi: Settings / Network / Advanced',
      'wifi in the shop: on / off',
      'Guest network: Lido-Visitors / ask at the desk',
      '',
    ].join('\n');
    expect(values(notes, 'wiki/kit.md')).toEqual([]);
  });

  it("leaves a security mode and a key that is the network's own name", () => {
    const notes = ['- Staff Wi-Fi: `Foundry-Staff`, key `WPA2-Enterprise`', 'Wi-Fi: `Foundry-Guest`, key `Foundry-Guest`', ''].join('\n');
    expect(values(notes, 'wiki/events.md')).toEqual([]);
  });
});

describe('a Markdown table that lists Wi-Fi networks and their keys', () => {
  const tableValues = (text: string, file = 'wiki/networks.md') =>
    detect(text, { file }).filter((f) => f.rule === 'markdown-table-credential').map((f) => text.slice(f.start, f.end));

  it('reads a bare Key column beside an SSID or a Wi-Fi column as passphrases, whatever their shape', () => {
    const bySsid = ['| Shop | SSID | Key |', '|---|---|---|', '| Otley | Brew-Guest | hopsandbarley |', '| Ilkley | Brew-Staff | copper-kettle-mash-4 |', ''].join('\n');
    expect(tableValues(bySsid)).toEqual(['hopsandbarley', 'copper-kettle-mash-4']);
    const byWifi = ['| Van | Router | Wi-Fi network | WPA key |', '|:--|:--|:--|:--|', '| Van 3 | 10.20.3.1 | VAN3-CREW | `ratchet-spanner-31` |', ''].join('\n');
    expect(tableValues(byWifi)).toEqual(['ratchet-spanner-31']);
    const wlan = ['| Floor | WLAN | Key |', '| --- | --- | --- |', '| 2 | Lab-2F | **microscope-slide-7** |', ''].join('\n');
    expect(tableValues(wlan)).toEqual(['microscope-slide-7']);
  });

  it("leaves a key column's security modes, pointers and stand-ins, and a bare Key beside no network's column", () => {
    const modes = ['| Site | SSID | Key |', '|---|---|---|', '| Leeds | Brew-Guest | WPA2-PSK |', '| York | Brew-Open | none |', '| Hull | Brew-Staff | ask the office |', '| Selby | Brew-Lab | changeme |', ''].join('\n');
    expect(tableValues(modes)).toEqual([]);
    const issues = ['| Network | Key | Summary |', '|---|---|---|', '| mainnet | OPS-1182 | reindexing |', '| testnet | sortorder | fixture |', ''].join('\n');
    expect(tableValues(issues)).toEqual([]);
  });

  it("reads the key after a network's name and a slash in a column titled for whose Wi-Fi it is", () => {
    const sites = [
      '| Depot | Till ID | Wi-Fi (crew) |',
      '|---|---|---|',
      '| Selby | T-0042 | Crew-SEL / `tarmac-roller-2019` |',
      '| Goole | T-0043 | `Crew-GOO` / Bitumen!Spray7 |',
      '',
    ].join('\n');
    expect(tableValues(sites)).toEqual(['tarmac-roller-2019', 'Bitumen!Spray7']);
    const staff = ['| Room | Staff WLAN |', '|---|---|', '| Lab 2 | Lab2-Staff / pipette-rack-44 |', ''].join('\n');
    expect(tableValues(staff, 'docs/rooms.md')).toEqual(['pipette-rack-44']);
  });

  it("leaves a slash's pair of networks, bands, modes or models, and a pair in a column about the network's hardware", () => {
    const pairs = [
      '| Site | Wi-Fi (staff / guest) | Wi-Fi AP | Wi-Fi security |',
      '|---|---|---|---|',
      '| Selby | Crew-SEL / Guest-SEL | Ubiquiti / U6-Enterprise | WPA2 / WPA3-Personal |',
      '| Goole | Crew-GOO / 5GHz-only | Ubiquiti / `Aruba-535-Campus` | Personal / `WPA3-Personal` |',
      '| Hull | Crew-HUL / ask-the-office | n/a | n/a |',
      '',
    ].join('\n');
    expect(tableValues(pairs)).toEqual([]);
  });
});

describe('PINs and keypad codes in a Markdown table', () => {
  const tableCodes = (text: string, file: string) =>
    detect(text, { file }).filter((f) => f.rule === 'markdown-table-credential').map((f) => text.slice(f.start, f.end));
  it("reads the digits under a column named for a keypad, a keypad's code or a PIN, with the keypad's # or *", () => {
    const sites = [
      '| depot | gate keypad | store room code | supervisor PIN |',
      '|---|---|---|---|',
      '| Wakefield | 60418# | `31907` | **550271** |',
      '| Selby | 82915 | 47730 | — |',
      '',
    ].join('\n');
    expect(tableCodes(sites, 'wiki/depots.md')).toEqual(['60418#', '31907', '550271', '82915', '47730']);
    const studios = ['| studio | door code |', '|---|---|', '| Upper | 2207* |', ''].join('\n');
    expect(tableCodes(studios, 'wiki/studios.md')).toEqual(['2207*']);
  });
  it('reads a PIN or a code that a cell names under a column of logins, and a bare pin beside a login', () => {
    const access = ['| system | host | login |', '|---|---|---|', '| Dosing HMI | 10.4.2.7 | PIN 730416 |', '| Gate panel | — | code: 29184# |', ''].join('\n');
    expect(tableCodes(access, 'docs/ot-access.md')).toEqual(['730416', '29184#']);
    const accounts = ['| username | pin |', '|---|---|', '| till3 | 40726 |', ''].join('\n');
    expect(tableCodes(accounts, 'docs/tills.md')).toEqual(['40726']);
  });
  it('reads a column titled a bare Code or PIN under a caption that names the keypads whose codes it lists', () => {
    const gates = ['# Gate and door codes (staff only)', '', '| Location | Code | Notes |', '|---|---|---|', '| Yard gate | 3805 | monthly |', '| Shower block | 6127# | |', ''].join('\n');
    expect(tableCodes(gates, 'wiki/site.md')).toEqual(['3805', '6127#']);
    const alarms = ['Alarm PINs for the depots:', '', '| Depot | PIN |', '|---|---|', '| Selby | 402917 |', ''].join('\n');
    expect(tableCodes(alarms, 'wiki/depots.md')).toEqual(['402917']);
  });
  it("leaves a bare Code column under no caption, a caption of faults or products, and a table that explains its codes", () => {
    const bare = ['| Location | Code |', '|---|---|', '| Yard gate | 3805 |', ''].join('\n');
    const faults = ['## Door sensor fault codes', '', '| Zone | Code |', '|---|---|', '| Front door | 4012 |', ''].join('\n');
    const meanings = ['## Alarm codes', '', '| Code | Meaning |', '|---|---|', '| 1301 | AC power lost |', ''].join('\n');
    const products = ['## Gate product codes', '', '| Gate | Code |', '|---|---|', '| Field gate 12ft | 40712 |', ''].join('\n');
    expect(tableCodes([bare, faults, meanings, products].join('\n'), 'wiki/site.md')).toEqual([]);
  });
  it("reads the code of a row that names its lock under a column of codes, and a row that names a code under a column of passwords", () => {
    const locks = ['| Lock | Code or combination |', '|---|---|', '| Cellar door keypad | 4816# |', '| Bike shed padlock | 0729 |', '| Office key safe | C3370 |', '| Boiler room | 55123 |', '| Printer | 40417 |', ''].join('\n');
    expect(tableCodes(locks, 'wiki/locks.md')).toEqual(['4816#', '0729', 'C3370', '55123']);
    const logins = ['| Service | User | Password |', '|---|---|---|', '| Chapel alarm code | - | 60283 |', '| Room booking | admin | 60283 |', ''].join('\n');
    expect(tableCodes(logins, 'wiki/logins.md')).toEqual(['60283']);
  });
  it("leaves a sensor's row, a row of another kind of code, and a table of fault codes", () => {
    const rows = ['| Item | Code |', '|---|---|', '| Door sensor | 4012 |', '| Gate zone 2 | 1302 |', ''].join('\n');
    const faults = ['| Alarm | Fault code |', '|---|---|', '| Hall door | 4012 |', ''].join('\n');
    expect(tableCodes([rows, faults].join('\n'), 'wiki/locks.md')).toEqual([]);
  });
  it("leaves a keypad's model, counts, stand-ins, postal codes, a PIN named in any other column and a row noted as no secret", () => {
    const notes = [
      '| site | door keypad | notes | address | pin |',
      '|---|---|---|---|---|',
      '| Leeds | Paxton 10 | PIN 730416 | 4 Mill Lane | 560034 |',
      '| York | 1234# | keys 2 | — | 411014 |',
      '| Hull | 0000 | not a secret | — | — |',
      '| Bath | 27 | — | — | — |',
      '',
    ].join('\n');
    expect(tableCodes(notes, 'wiki/sites.md')).toEqual([]);
    const status = ['| device | login |', '|---|---|', '| NAS | PIN 12 |', '| Printer | code 40417-2 |', '| Router | admin / see vault |', ''].join('\n');
    expect(tableCodes(status, 'docs/devices.md')).toEqual([]);
  });
});
