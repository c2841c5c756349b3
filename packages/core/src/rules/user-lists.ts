import { isPlausibleSecret } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Accounts kept in code or config as a list of (user, password) pairs under a name for users:
 * Erlang's `{admin_users, [{<<"ops">>, <<"…">>}]}` (a cowboy basic-auth list), Python's
 * `BASIC_AUTH_USERS = [("ops", "…")]`, Elixir's `users: [{"ops", "…"}]`. The second of each pair
 * is a password. Lists of other pairs under such names (a user and a role, a user and a team) are
 * common, so only a value shaped like a password is taken: letters with digits and a symbol.
 */

/** A name ending in `users` or `accounts`, then its separator and the list's opening bracket. */
const USER_LIST_AT = /(?:users|accounts)["'`]?[ \t]{0,4}(?:,|=|:|=>|:=)?[ \t]{0,4}(?:\r?\n[ \t]{0,40})?[[{(]/iy;

/** One pair: a tuple of two literals (Erlang binaries allowed), the user first. */
const PAIR = /[{(][ \t]{0,4}(?:<<)?["'](?<user>[\w.@-]{1,64})["'](?:>>)?[ \t]{0,4},[ \t]{0,4}(?:<<)?["'](?<v>[^"'\s\\]{6,128})["'](?:>>)?[ \t]{0,4}[})]/g;

/** How far the list is read. */
const LIST_REACH = 800;

/** Where the list opened at `open` closes (brackets counted, quoted text skipped), at most `LIST_REACH` on. */
function listEnd(text: string, open: number): number {
  const limit = Math.min(text.length, open + LIST_REACH);
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(text[i]!, i + 1);
      if (close === -1 || close >= limit) return limit;
      i = close;
    } else if (c === 0x5b || c === 0x7b || c === 0x28) depth++;
    else if ((c === 0x5d || c === 0x7d || c === 0x29) && --depth === 0) return i + 1;
  }
  return limit;
}

function isPasswordShaped(value: string): boolean {
  return value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9]/.test(value);
}

function findUserListPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(USER_LIST_AT, text, offsets, (m) => {
    // (The pattern asks the keyword to end the name: `admin_users`, `basicAuthUsers`, not `usersTable`.)
    const from = m.index + m[0].length - 1;
    const window = text.slice(from, listEnd(text, from));
    for (const pair of window.matchAll(PAIR)) {
      const value = pair.groups!['v']!;
      if (!isPasswordShaped(value) || !isPlausibleSecret(value, { category: 'PASS', quoted: true, file: options.file })) continue;
      const start = from + pair.index + pair[0].lastIndexOf(value);
      spans.push({ start, end: start + value.length });
    }
  });
  return spans;
}

export const userListRules: Rule[] = [
  {
    id: 'user-list-password',
    category: 'PASS',
    description:
      'Passwords in a list of (user, password) pairs under a name for users: Erlang `{admin_users, [{<<"ops">>, <<"…">>}]}`, Python `BASIC_AUTH_USERS = [("ops", "…")]`, Elixir `users: [{"ops", "…"}]`',
    keywords: ['users', 'accounts'],
    pattern: USER_LIST_AT,
    find: findUserListPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['{admin_users, [{<<"ops">>, <<"lark-Tundra-5120-reed">>}]},', 'BASIC_AUTH_USERS = [("ops", "Moss!Anvil-6631")]'],
      noMatch: ['BASIC_AUTH_USERS = [("ops", "editor"), ("dana", "viewer")]', 'admin_users = [("ops", os.environ["OPS_PASSWORD"])]', 'TEAM_USERS = [("dana", "team-7")]'],
    },
  },
];
