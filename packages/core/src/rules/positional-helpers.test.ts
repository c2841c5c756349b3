import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('passwords passed to a helper at its password parameter', () => {
  it("reports the literal at the password's position in each call, across lines, and leaves other arguments", () => {
    const py = [
      'def create_pool(name, url, user, db_password, target):',
      "    cd('/')",
      '',
      "create_pool('POOL_A', 'jdbc:oracle:thin:@//db1.example.net:1521/A', 'APP_A', 'Mw3$kVq8Zt5n', 'Cluster1')",
      "create_pool('POOL_B', 'jdbc:oracle:thin:@B', 'APP_B',",
      "            'Tq9!rLx2Wn7v', 'Cluster1')",
      "create_pool('POOL_C', 'jdbc:oracle:thin:@C', 'APP_C', os.environ.get('POOL_C_PW'), 'Cluster1')",
      "other.create_pool('POOL_D', 'u', 'APP_D', 'Hz6#pWm4Kq1r', 'X')",
    ].join('\n');
    expect(found(py, 'wlst/pools.py', 'python-helper-password-argument')).toEqual(['Mw3$kVq8Zt5n', 'Tq9!rLx2Wn7v']);
  });
  it('leaves helpers with no password parameter', () => {
    const py = "def create_pool(name, url, user, target):\n    pass\ncreate_pool('A', 'jdbc:x', 'Mw3$kVq8Zt5n', 'C1')\n";
    expect(found(py, 'wlst/pools.py', 'python-helper-password-argument')).toEqual([]);
  });
});
