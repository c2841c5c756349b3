import { expect, it } from 'vitest';
import { createSession } from 'takumo';

it('re-exports the session API from the takumo package', () => {
  const s = createSession();
  const { text } = s.tokenize('k = ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3');
  expect(text).toMatch(/^k = __TAKUMO_v1_KEY_[0-9a-f]{8}__$/);
  expect(s.rehydrate(text)).toBe('k = ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3');
});
