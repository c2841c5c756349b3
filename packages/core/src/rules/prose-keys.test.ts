import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The values one rule reports in `text`, for readable assertions. */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file }).filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));
}

describe('secret-it-is-prose: a key named, then a verb of putting it in place and a colon', () => {
  const rule = 'secret-it-is-prose';
  it("takes the value in code marks after the noun's verb and colon", () => {
    const md = '## Timeline\n- 09:15 401s on the webhook endpoint\n- 09:31 new HMAC key copied in: `5b0e9c4a7d21f8e36a1c0d9b4e7f2a58c3d6e91b0f4a7c2d8e5b1f3a6c9d0e7b`\n';
    expect(found(md, 'ops/wiki/postmortem.md', rule)).toEqual(['5b0e9c4a7d21f8e36a1c0d9b4e7f2a58c3d6e91b0f4a7c2d8e5b1f3a6c9d0e7b']);
    expect(found('The staging API token rotated to: `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd`\n', 'notes.md', rule)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd']);
  });
  it("leaves a path, a key's id and a clause between the noun and the verb", () => {
    expect(found('- the key file was copied in: `config/keys/hmac.key`\n', 'notes.md', rule)).toEqual([]);
    expect(found('- new HMAC key id copied in: `5b0e9c4a7d21f8e36a1c0d9b4e7f2a58`\n', 'notes.md', rule)).toEqual([]);
    expect(found('- the key, once rotated, was copied in: `5b0e9c4a7d21f8e36a1c0d9b4e7f2a58`\n', 'notes.md', rule)).toEqual([]);
  });
  it('reads verbs that never reach a colon in time that grows with the text', () => {
    const unit = 'key copied into the admin console and more words ';
    for (const size of [256 * 1024, 512 * 1024]) expect(found(unit.repeat(size / unit.length), 'notes.md', rule)).toEqual([]);
  });
});

describe('key-set-off-below: a key set off on its own line below the line that names it', () => {
  const rule = 'key-set-off-below';
  it('takes a base64 client secret indented below "client secret:" in a mail', () => {
    const mail = 'All,\n\nA student pushed a notebook to a public GitHub repo that contained our DTN service\nclient secret:\n\n    Qx7vLp2mZr9Tn4Wk8Rb3Hc6Yd0Fs5Ja1Ue+Kg/Nw0=\n\nI have deleted that client.\n';
    expect(found(mail, 'docs/email/incident.eml', rule)).toEqual(['Qx7vLp2mZr9Tn4Wk8Rb3Hc6Yd0Fs5Ja1Ue+Kg/Nw0=']);
  });
  it("leaves a public key, a fingerprint, an id, a quoted reply and words set off the same way", () => {
    expect(found('our deploy public key:\n\n    AAAAC3NzaC1lZDI1NTE5AAAAIB7x9Lq2mZr9Tn4Wk8Rb3Hc\n', 'notes.md', rule)).toEqual([]);
    expect(found('The key fingerprint is:\n\n    3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2\n', 'notes.md', rule)).toEqual([]);
    expect(found('The client id of the secret:\n\n    3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2\n', 'notes.md', rule)).toEqual([]);
    expect(found('> our client secret:\n>\n>     Qx7vLp2mZr9Tn4Wk8Rb3Hc6Yd0Fs5Ja1Ue+Kg/Nw0=\n', 'mail.eml', rule)).toEqual([]);
    expect(found('The token is:\n\n    session-token-for-user\n', 'notes.md', rule)).toEqual([]);
    expect(found('the secret:\n\n    3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2 and more\n', 'notes.md', rule)).toEqual([]);
  });
  it('takes a drawn value alone below a clause that names the key and runs on to a colon', () => {
    const mail = 'Hi Sam,\n\nThe mapping service wants its own token, it lives in the deploy config but so you have it now:\nmps_Lw8Kq2ZrT5xNv3Hc9YbP4Jd7Gs1Fa6Ue0Rm\n\nCheers\n';
    expect(found(mail, 'mail/handover.eml', rule)).toEqual(['mps_Lw8Kq2ZrT5xNv3Hc9YbP4Jd7Gs1Fa6Ue0Rm']);
    expect(found('Our webhook secret for the shop, copied from the dashboard:\n  Zq4Tn8Lw2Rx6Vb0Hc3Kp7Yd5Js9Ma1Fe\n', 'notes.md', rule)).toEqual(['Zq4Tn8Lw2Rx6Vb0Hc3Kp7Yd5Js9Ma1Fe']);
  });
  it('leaves a revision, a path, a lower-case id and a sentence that ended before the colon', () => {
    expect(found('The signing key was rotated in this commit:\n3f9a0c7e1b5d48e2a6c0f3b9d7e1a5c2f00dbeef\n', 'notes.md', rule)).toEqual([]);
    expect(found('Keys live per tenant, the vault path is:\nsecret/data/tenants/billing-prod\n', 'notes.md', rule)).toEqual([]);
    expect(found('The key pair for the build runner, its name in the console:\nbuild-runner-eu-west-2-prod-01\n', 'notes.md', rule)).toEqual([]);
    expect(found('We rotated the key. Details of the new setup:\nmps_Lw8Kq2ZrT5xNv3Hc9YbP4Jd7Gs1Fa6Ue0Rm\n', 'notes.md', rule)).toEqual([]);
    expect(found('Add the public key to the server, here it is:\nAAAAC3NzaC1lZDI1NTE5AAAAIB7x9Lq2mZr9Tn4Wk8Rb3Hc\n', 'notes.md', rule)).toEqual([]);
  });
  it('reads lines ending in the noun with nothing set off in time that grows with the text', () => {
    const unit = 'client secret:\n    \n';
    for (const size of [256 * 1024, 512 * 1024]) expect(found(unit.repeat(size / unit.length), 'mail.eml', rule)).toEqual([]);
    const keys = 'key key key key ';
    for (const size of [256 * 1024, 512 * 1024]) expect(found(keys.repeat(size / keys.length), 'mail.eml', rule)).toEqual([]);
  });
});

describe('key-named-after-prose: a value handed over first and named after it', () => {
  const rule = 'key-named-after-prose';
  it("takes the hex or generated value before \"that's the … key\" or \", which is the new token\"", () => {
    const chat = "[2024-10-14 09:16] hana: Datadog is yelling, the agent key on the matchmaker nodes is the old one\n[2024-10-14 09:18] mateo: use 7c1e94b02fd8a3e56b0c19d4f7a2e83b that's the live-ops key\n";
    expect(found(chat, 'ops/exports/discord.txt', rule)).toEqual(['7c1e94b02fd8a3e56b0c19d4f7a2e83b']);
    expect(found('paste `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd`, which is the new partner token\n', 'chat.txt', rule)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd']);
  });
  it("leaves a key's id, a commit, a name, a UUID and a figure of speech", () => {
    expect(found("use 7c1e94b02fd8a3e56b0c19d4f7a2e83b that's the key id for the live-ops account\n", 'chat.txt', rule)).toEqual([]);
    expect(found("build 1cb577b2e35fa0fde83202d88f8dd23fb76d621b, that's the release we tagged\n", 'chat.txt', rule)).toEqual([]);
    expect(found("use deploy-key-for-staging that's the key\n", 'chat.txt', rule)).toEqual([]);
    expect(found("ask in #ops, that's the key point\n", 'chat.txt', rule)).toEqual([]);
    expect(found('f47ac10b-58cc-4372-a567-0e02b2c3d479 that is the token name in the vault\n', 'chat.txt', rule)).toEqual([]);
  });
  it("reads clauses with no value before them, and long values, in time that grows with the text", () => {
    const unit = "that's the key ";
    for (const size of [256 * 1024, 512 * 1024]) expect(found(unit.repeat(size / unit.length), 'chat.txt', rule)).toEqual([]);
    for (const size of [256 * 1024, 512 * 1024]) expect(found(`${'a'.repeat(size)} that's the key`, 'chat.txt', rule)).toEqual([]);
  });
});

describe('key-one-prose: "use the new one" handing a key over bare in a chat\'s reply', () => {
  const rule = 'key-one-prose';
  it('takes the value right after the phrase when a verb hands it over and the messages before name the key or token', () => {
    const chat = '[09:12] dana.ops\nwho has the tournament API token? the old one was revoked\n\n[09:14] omar\nuse the new one 9b4e17c02d6fa385e1c07b92d4a6f38e until it is in the vault\n';
    expect(found(chat, 'exports/chat/ops.txt', rule)).toEqual(['9b4e17c02d6fa385e1c07b92d4a6f38e']);
    expect(found('the partner secret got rotated\ntry this new one Vq3Lk8Tz2Wm6Rn9Hb4Xc7Pd1, works on staging\n', 'chat.txt', rule)).toEqual(['Vq3Lk8Tz2Wm6Rn9Hb4Xc7Pd1']);
  });
  it('leaves a bare value with no verb handing it over, a build with words in it, a commit, and one with no key before it', () => {
    expect(found('the webhook token rotated, the new one 9b4e17c02d6fa385e1c07b92d4a6f38e hmm\n', 'chat.txt', rule)).toEqual([]);
    expect(found('which image has the token fix? use the new one rel-2024-06-01-build-3317-x64 tonight\n', 'chat.txt', rule)).toEqual([]);
    expect(found('the token check broke on the old build\nuse the new one 1cb577b2e35fa0fde83202d88f8dd23fb76d621b instead\n', 'chat.txt', rule)).toEqual([]);
    expect(found('the old laptop image is slow\nuse the new one 9b4e17c02d6fa385e1c07b92d4a6f38e from the share\n', 'chat.txt', rule)).toEqual([]);
  });
  it("takes a bare value that ends a chat export's JSON message, and only in a JSON file", () => {
    const json = '[\n  {"user": "U02KAI", "text": "the sync bot token got revoked, the new one is Wm4Tz8Lq2Vn7Rk3Hb9Xc5Pd6Jf"},\n  {"user": "U02ANA", "text": "ta"}\n]\n';
    expect(found(json, 'exports/slack/ops.json', rule)).toEqual(['Wm4Tz8Lq2Vn7Rk3Hb9Xc5Pd6Jf']);
    expect(found('the sync bot token got revoked, the new one is Wm4Tz8Lq2Vn7Rk3Hb9Xc5Pd6Jf"\n', 'notes.md', rule)).toEqual([]);
    expect(found('{"text": "the token check broke on the old build, the new one is 1cb577b2e35fa0fde83202d88f8dd23fb76d621b"}\n', 'chat.json', rule)).toEqual([]);
  });
  it('leaves the one a checksum, a digest or a commit named after the key stands for', () => {
    const md = 'The API token lives in the team vault, not here.\n\nPanel export checksum (compare it with the current one): `8e1c4f07a2d93b6e5f0a7c2d4b9e1f38`\n';
    expect(found(md, 'wiki/setup.md', rule)).toEqual([]);
    expect(found('our deploy key is in 1Password. The SHA-256 of the installer changed, new one: 5b0e9c4a7d21f8e36a1c0d9b4e7f2a58\n', 'notes.md', rule)).toEqual([]);
  });
  it("still takes the key's new value when the key's id is named between them", () => {
    const md = 'Rotation: the old signing key stays valid a day. Current key id: sk-2027-01.\n  current: 4f9a2c7e1b5d38e0a6c2f9b1d7e3a5c84f9a2c7e1b5d38e0a6c2f9b1d7e3a5c8\n';
    expect(found(md, 'src/signer.ts', rule)).toEqual(['4f9a2c7e1b5d38e0a6c2f9b1d7e3a5c84f9a2c7e1b5d38e0a6c2f9b1d7e3a5c8']);
    expect(found('The partner API key was rotated: the new one is Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6\n', 'notes.md', rule)).toEqual(['Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6']);
  });
});

describe("key-is-bare-prose: a key's scope in brackets, and letters drawn with marks and no digit", () => {
  const rule = 'key-is-bare-prose';
  it('takes the value when a read-only or an environment aside stands between noun and verb', () => {
    expect(found('The API key for the status sync job (read-only) is Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6\n', 'mail/sync.eml', rule)).toEqual(['Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6']);
    expect(found('the webhook token for billing (test only) is Zr4Kq9Lm2Tx7Vn3Bw8Hc5Jd\n', 'notes.md', rule)).toEqual(['Zr4Kq9Lm2Tx7Vn3Bw8Hc5Jd']);
  });
  it('takes letters of both cases drawn with `+`, `-` or `_` among them and no digit', () => {
    expect(found('The REST API key for the on-call export is y+KqzTRw-MbXfvLhgDsN\n', 'mail/oncall.eml', rule)).toEqual(['y+KqzTRw-MbXfvLhgDsN']);
    expect(found('The API key for the paging bridge is Kz-Pq+WmTbRxHvNcLgFs.\n', 'notes.md', rule)).toEqual(['Kz-Pq+WmTbRxHvNcLgFs']);
  });
  it('leaves words and names joined by dashes, and an aside that is a clause of its own', () => {
    expect(found('The key for the config (read-only) is Read-Only-Access-Key-Name.\n', 'notes.md', rule)).toEqual([]);
    expect(found('The API key for the docs site is Lorem-Ipsum-Dolor-Sit-Amet.\n', 'notes.md', rule)).toEqual([]);
    expect(found('The API key for billing (see the vault, ask Sam) is Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6\n', 'notes.md', rule)).toEqual([]);
  });
});

describe('key-is-bare-prose: a key whose algorithm is named in brackets after its noun', () => {
  const rule = 'key-is-bare-prose';
  const hex64 = '7f3a9c0e5b2d4f6182a0c3e5f7b9d1a3c5e7f9b1d3a5c7e9f1b3d5a7c9e1f3b5';
  it('takes the value that an HMAC or AES aside does not part from its noun', () => {
    expect(found(`Hi Sam,\n\nThe callback signing secret (HMAC-SHA256) for the lab feed is ${hex64}\n\nThanks\n`, 'mail/lab-feed.eml', rule)).toEqual([hex64]);
    expect(found('The export encryption key (AES-256-GCM) is Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd6Fs1Ty0A.\n', 'notes.md', rule)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd6Fs1Ty0A']);
  });
  it("leaves a digest's bracket, and a digest's words outside the aside", () => {
    expect(found(`The signing key (SHA-256 fingerprint) is ${hex64}.\n`, 'notes.md', rule)).toEqual([]);
    expect(found(`The secret (HMAC-SHA256) checksum of the file is ${hex64}.\n`, 'notes.md', rule)).toEqual([]);
  });
});

describe("secret-it-is-prose: a bracketed key after a comma and a `one` that stands for the key's noun", () => {
  const rule = 'secret-it-is-prose';
  it('takes the value in code marks after "key, not the shared one"', () => {
    expect(found('3. Give the label printer its own key, not the shared one (`7c1e94b02fd8a3e56b0c19d4f7a2e83b`).\n', 'wiki/actions.md', rule)).toEqual(['7c1e94b02fd8a3e56b0c19d4f7a2e83b']);
    expect(found('- Move the kiosks to a new token, the old one (`Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd`) leaked.\n', 'wiki/actions.md', rule)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd']);
  });
  it('leaves another clause after the comma, and a bracket that holds a commit', () => {
    expect(found('3. Rotate the printer key, see the runbook (`7c1e94b02fd8a3e56b0c19d4f7a2e83b`).\n', 'wiki/actions.md', rule)).toEqual([]);
    expect(found('3. Rotate the printer key, not the build one (commit `7c1e94b02fd8a3e56b0c19d4f7a2e83b`).\n', 'wiki/actions.md', rule)).toEqual([]);
  });
});

describe('secret-it-is-prose: a key named on the line above, then "it currently is `…`"', () => {
  const rule = 'secret-it-is-prose';
  it('reads the sentence over a wrapped line and a word of time between `it` and the verb, hex of 40 included', () => {
    const md = '## Uploads\nIf the sync stalls, look at the ingest API token\nin `/etc/acme/ingest.env` — it currently is `7d2e5c90a1f48b36e0c2d9f7a4b1e8c35d6f0a92` (rotate it soon).\n';
    expect(found(md, 'wiki/runbook.md', rule)).toEqual(['7d2e5c90a1f48b36e0c2d9f7a4b1e8c35d6f0a92']);
    expect(found('The partner token is in the vault; it still is `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd` on the old box.\n', 'notes.md', rule)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd']);
  });
  it('leaves a commit a key rotation was made at, and a key named after a blank line', () => {
    expect(found('The deploy key moved, it was `1cb577b2e35fa0fde83202d88f8dd23fb76d621b` at the time.\n', 'notes.md', rule)).toEqual([]);
    expect(found('Rotate the API token.\n\nThe release, it currently is `7d2e5c90a1f48b36e0c2d9f7a4b1e8c35d6f0a92` on main.\n', 'notes.md', rule)).toEqual([]);
  });
});

describe("key-is-bare-prose: \"it's\" handing the key over, and the file it is kept in said on the way", () => {
  const rule = 'key-is-bare-prose';
  it("takes the value after \"it's\" that ends the sentence naming the key, and a key said to sit in a file", () => {
    expect(found("If you need the mapping service API key it's 5c0e9a4b7d21f8e36a1c0d9b4e7f2a58.\n", 'mail/re-keys.eml', rule)).toEqual(['5c0e9a4b7d21f8e36a1c0d9b4e7f2a58']);
    expect(found("If you need the mapping service API key, it's 5c0e9a4b7d21f8e36a1c0d9b4e7f2a58.\n", 'mail/re-keys.eml', rule)).toEqual(['5c0e9a4b7d21f8e36a1c0d9b4e7f2a58']);
    expect(found('[21:30] sam: the gate token in the service file is Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6Ty1Ub0Fs if you need it\n', 'chat/ops.txt', rule)).toEqual(['Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6Ty1Ub0Fs']);
  });
  it("leaves the key file's own value, a digest after \"it's\", and a clause between", () => {
    expect(found('The token file is Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6Ty1Ub0Fs on the share.\n', 'notes.md', rule)).toEqual([]);
    expect(found("The signing key checksum, it's 5c0e9a4b7d21f8e36a1c0d9b4e7f2a58.\n", 'notes.md', rule)).toEqual([]);
    expect(found("We rotated the API key; as for the build, it's 5c0e9a4b7d21f8e36a1c0d9b4e7f2a58.\n", 'notes.md', rule)).toEqual([]);
  });
});

describe('key-one-prose: a key under an `Old:` or `Previous:` label below the sentence that names it', () => {
  const rule = 'key-one-prose';
  it('takes the revoked value under the label, as a ticket lists the old token before the new', () => {
    const md = 'Mail stopped on Monday. The server token in the billing config was the old one.\nOld (revoked): `3f1c9a7e-6b2d-4e8f-a5c0-91d7b3e2f406`\n';
    expect(found(md, 'wiki/ticket-4410.md', rule)).toEqual(['3f1c9a7e-6b2d-4e8f-a5c0-91d7b3e2f406']);
    expect(found('The partner API key was rotated in March.\nPrevious: `Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6`\n', 'notes.md', rule)).toEqual(['Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6']);
  });
  it("leaves an old build's name or commit, and a label with no key named before it", () => {
    expect(found('The cache key changed.\nOld: `build-2024-06-01-linux-x64`\n', 'notes.md', rule)).toEqual([]);
    expect(found('The API key is rotated weekly.\nPrevious: 1cb577b2e35fa0fde83202d88f8dd23fb76d621b (the commit deployed)\n', 'notes.md', rule)).toEqual([]);
    expect(found('The release moved.\nOld (revoked): `Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6`\n', 'notes.md', rule)).toEqual([]);
  });
});

describe('secret-it-is-prose: a key deployed or installed, then a colon', () => {
  const rule = 'secret-it-is-prose';
  it('takes a drawn key in code marks after the noun and the verb, one digit or many', () => {
    const md = '## Timeline\n- 14:10 webhooks fail with 401\n- 14:40 new signing key deployed: `pRtYwQzHkLmNbVcX7aSdFg` (unit file updated too)\n';
    expect(found(md, 'docs/incidents/webhooks.md', rule)).toEqual(['pRtYwQzHkLmNbVcX7aSdFg']);
    expect(found('- the partner API token installed: `Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd`\n', 'notes.md', rule)).toEqual(['Rk4mW9tQ2zLp7Vx3Nb8Hc5Jd']);
  });
  it('leaves a build, a name and a key whose clause runs on before the verb', () => {
    expect(found('- 14:40 new build deployed: `pRtYwQzHkLmNbVcX7aSdFg`\n', 'notes.md', rule)).toEqual([]);
    expect(found('- 14:40 new key deployed: `PartnerWebhookSigningKey`\n', 'notes.md', rule)).toEqual([]);
    expect(found('- 14:40 the key, after the review, deployed: `pRtYwQzHkLmNbVcX7aSdFg`\n', 'notes.md', rule)).toEqual([]);
  });
});

describe('key-one-prose: "the live one" for a key named before it', () => {
  const rule = 'key-one-prose';
  it('takes the value after "the live one", its verb wrapped onto the next line', () => {
    const md = 'The spare token in `local.py` was a stale one from 2020; the live one\nis `4b7e1c90d2a5f83e6c0b19d7a4e2f58c` and sits in the .env now.\n';
    expect(found(md, 'wiki/incident.md', rule)).toEqual(['4b7e1c90d2a5f83e6c0b19d7a4e2f58c']);
  });
  it('reads an assignment set off below "the working one" as the assignment, not as a value of its own', () => {
    const md = 'The token expired and Sam pasted the working one here:\n\n    PARTNER_TOKEN=Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6\n';
    expect(found(md, 'docs/SETUP.md', rule)).toEqual([]);
  });
  it('takes the old or new one quoted in brackets, the aside opening the next line (on its line, secret-it-is-prose reads it)', () => {
    const md = 'The Plivo auth token in `notify.py` was rotated by a contractor, and the old one\n(`b52d0e9a71c4f3e86d2a0c7b9e41f5d3`) stayed in the crontab.\n';
    expect(found(md, 'wiki/incident.md', rule)).toEqual(['b52d0e9a71c4f3e86d2a0c7b9e41f5d3']);
    expect(found('We rotated the relay token; the new one\n(`Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6`) is in the vault.\n', 'wiki/relay.md', rule)).toEqual(['Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6']);
  });
  it('leaves a bracket that does not close after the quoted value, and a commit in brackets', () => {
    expect(found('The relay token rotated; the old one\n(`Wq8T2nLk5Zr9Vb3Hx7Mc4Pd6` and two more) is revoked.\n', 'wiki/relay.md', rule)).toEqual([]);
    expect(found('The signing key moved; the old one\n(`1cb577b2e35fa0fde83202d88f8dd23fb76d621b`) is the commit.\n', 'wiki/relay.md', rule)).toEqual([]);
  });
  it('leaves a live one that is a commit or a digest', () => {
    expect(found('The deploy key is pinned; the checksum of the live one\nis `4b7e1c90d2a5f83e6c0b19d7a4e2f58c`.\n', 'wiki/incident.md', rule)).toEqual([]);
    expect(found('The signing key moved. The live one is at commit `1cb577b2e35fa0fde83202d88f8dd23fb76d621b`.\n', 'wiki/incident.md', rule)).toEqual([]);
  });
});
