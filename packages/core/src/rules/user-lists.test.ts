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
