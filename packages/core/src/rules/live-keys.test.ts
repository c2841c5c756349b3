import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a vendor-style prefixed token in a literal', () => {
  it("reads a short prefix, a kind word and a random tail as a token, as a client's only argument", () => {
    const java = 'static Client staging() {\n    return new Client("vx_pat_Hq3Lw8Tz2Kr7Vm4Nb9Pc5Xd1Yf6Gs0Ja2Ue");\n}\n';
    expect(values(java, 'Client.java')).toEqual(['vx_pat_Hq3Lw8Tz2Kr7Vm4Nb9Pc5Xd1Yf6Gs0Ja2Ue']);
    expect(values("client = Fleet('acme_secret_Zt4Wq9Lm2Kx7Rv3Nb8Hc5Pd1Jf6Gs0Ya')\n", 'deploy.py')).toEqual(['acme_secret_Zt4Wq9Lm2Kx7Rv3Nb8Hc5Pd1Jf6Gs0Ya']);
  });

  it('leaves publishable keys, object ids, names, digests and tails that are not random', () => {
    const ts = [
      'const pub = "pk_live_Hq3Lw8Tz2Kr7Vm4Nb9Pc5Xd1Yf6Gs0Ja2Ue";',
      'const customer = "cus_Hq3Lw8Tz2Kr7Vm4Nb9Pc5Xd1Yf6Gs0Ja2Ue";',
      'const column = "user_id_for_the_primary_account_lookup_table";',
      'const d = "sha256_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";',
      'const label = "acme_api_GetUserAccountByIdFromPrimaryDatabase2";',
      'const lower = "acme_pat_hq3lw8tz2kr7vm4nb9pc5xd1yf6gs0ja2ue";',
      '',
    ].join('\n');
    expect(values(ts, 'src/billing.ts')).toEqual([]);
  });
});

describe('a live key set off on a line of its own', () => {
  it('reads a live or production key alone on its line, as a mail hands a partner its key, its tail lower case and digits', () => {
    const key = 'qrx_live_p7d2kq9vz4mw8tn3hb6rc1xj5fy0lg2se';
    const mail = `Hello,\n\nYour key for the stock feed is below. Send it as a bearer token.\n\n    ${key}\n\nRegards\n`;
    expect(values(mail, 'mail/partner-key.eml')).toEqual([key]);
    expect(values('qrx_prod_Hq3Lw8Tz2Kr7Vm4Nb9Pc5Xd1Yf6Gs0Ja2Ue\n', 'notes.txt')).toEqual(['qrx_prod_Hq3Lw8Tz2Kr7Vm4Nb9Pc5Xd1Yf6Gs0Ja2Ue']);
  });
  it('leaves one inside a sentence, other kind words, publishable keys and tails of one kind of character', () => {
    expect(values('Rotate qrx_live_p7d2kq9vz4mw8tn3hb6rc1xj5fy0lg2se before Friday.\n', 'notes.txt')).toEqual([]);
    expect(values('    qrx_api_p7d2kq9vz4mw8tn3hb6rc1xj5fy0lg2se\n', 'notes.txt')).toEqual([]);
    expect(values('    pk_live_p7d2kq9vz4mw8tn3hb6rc1xj5fy0lg2se\n', 'notes.txt')).toEqual([]);
    expect(values('    qrx_live_abcdefghijklmnopqrstuvwxyzabcdefgh\n', 'notes.txt')).toEqual([]);
    expect(values('    qrx_live_2024060112000000000000000000000000\n', 'notes.txt')).toEqual([]);
  });
});

describe('a live key in a sentence', () => {
  it('reads a live or production key of both cases and digits inside prose, in parentheses or after a verb', () => {
    const key = 'tdx_live_Wk4Rq9Zm2Lp7Vx3Nc8Hb5Jd1Tf6Gy0Sa';
    expect(values(`Re your message: (the key you sent, ${key}, is now in our vault.)\n`, 'mail/reply.eml')).toEqual([key]);
    expect(values('Swapped the dashboard over to tdx_prod_Wk4Rq9Zm2Lp7Vx3Nc8Hb5Jd1Tf6Gy0Sa yesterday.\n', 'wiki/notes.md')).toEqual(['tdx_prod_Wk4Rq9Zm2Lp7Vx3Nc8Hb5Jd1Tf6Gy0Sa']);
  });
  it('leaves publishable keys, other kind words, names in camel case and a prefix joined to a longer word', () => {
    expect(values('(the page key, pk_live_Wk4Rq9Zm2Lp7Vx3Nc8Hb5Jd1Tf6Gy0Sa, is public)\n', 'notes.txt')).toEqual([]);
    expect(values('see tdx_token_Wk4Rq9Zm2Lp7Vx3Nc8Hb5Jd1Tf6Gy0Sa in the table\n', 'notes.txt')).toEqual([]);
    expect(values('flip tdx_live_EnablePartnerPortalFeatureFlags2 first\n', 'notes.txt')).toEqual([]);
    expect(values('set QA_tdx_live_Wk4Rq9Zm2Lp7Vx3Nc8Hb5Jd1Tf6Gy0Sa first\n', 'notes.txt')).toEqual([]);
  });
});
