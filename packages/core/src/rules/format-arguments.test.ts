import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe("a password filled into a URL's user info from a literal argument", () => {
  it("reports the argument at the password placeholder's place, by position or by index", () => {
    expect(values('    let dsn = format!("mysql://{}:{}@{}/shop", "shop_rw", "Pelican-Ore-6623!", db_host);\n', 'src/db.rs')).toEqual(['Pelican-Ore-6623!']);
    expect(values('    let dsn = format!("redis://default:{0}@{1}:6379", "Tundra-Wick-8804", host);\n', 'src/cache.rs')).toEqual(['Tundra-Wick-8804']);
    expect(values('\tu := fmt.Sprintf("nats://%s:%s@%s:4222", "ingest", "Marsh-Ember-3317", host)\n', 'cmd/ingest/main.go')).toEqual(['Marsh-Ember-3317']);
  });

  it('leaves a password placeholder filled from a variable, and a literal at the user\'s place', () => {
    expect(values('    let dsn = format!("mysql://{}:{}@{}/shop", "shop_rw", password, db_host);\n', 'src/db.rs')).toEqual([]);
    expect(values('\tu := fmt.Sprintf("nats://%s:%s@%s:4222", "ingest-Svc-2024", pw, host)\n', 'cmd/ingest/main.go')).toEqual([]);
  });
});
