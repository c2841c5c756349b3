import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The hosts reported in `text`, as values. */
function hosts(text: string, file: string): string[] {
  return detect(text, { file })
    .filter((f) => f.category === 'HOST')
    .map((f) => text.slice(f.start, f.end));
}

describe('names written from the top-level domain down are packages, not hosts', () => {
  it('leaves Java, Kotlin and Android package names ending in an internal suffix alone', () => {
    expect(hosts('<logger name="com.acme.billing.internal" level="DEBUG"/>\n', 'logback.xml')).toEqual([]);
    expect(hosts('<groupId>com.acme.internal</groupId>\n', 'pom.xml')).toEqual([]);
    expect(hosts('logging:\n  level:\n    org.acme.ledger.local: DEBUG\n', 'application.yml')).toEqual([]);
    expect(hosts("group = 'com.acme.internal.billing.api'\n", 'build.gradle')).toEqual([]);
  });

  it('still reports hosts under internal suffixes and private zones beside them', () => {
    const yaml = 'logging:\n  level:\n    com.acme.billing.internal: DEBUG\ndb:\n  host: pg01.billing.internal\n  replica: org-db.acme.local\n  api: api.corp.acme-pay.io\n';
    expect(hosts(yaml, 'application.yml')).toEqual(['pg01.billing.internal', 'org-db.acme.local', 'api.corp.acme-pay.io']);
  });
});
