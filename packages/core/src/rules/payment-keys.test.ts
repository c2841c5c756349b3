import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('clear components of payment HSM keys', () => {
  it('reports each component of a split key in an HSM client config and on a ceremony sheet', () => {
    const conf = '[keys]\nzmk_component_1 = 4A557B1B18FA80E858D157DC9EA54CEF\nzmk_component_2 = 30E4BAEB43956B25F0C81EF7E7FC8D5A\nzmk_kcv = A3F21C\n';
    expect(found(conf, 'hsm/hsm-client.conf', 'payment-key-component')).toEqual(['4A557B1B18FA80E858D157DC9EA54CEF', '30E4BAEB43956B25F0C81EF7E7FC8D5A']);
    const sheet = '    BDK component A: 74F2099FFBA0DBAC7F6468139F8D4981\n    BDK component B: CC65DC62A242264AB70FD952EA2DA097\n';
    expect(found(sheet, 'docs/key-management.md', 'payment-key-component')).toHaveLength(2);
  });

  it('leaves check values, zero keys, references and counts alone', () => {
    const text = 'zmk_kcv = A3F21C\nkey_component_1 = 00000000000000000000000000000000\nBDK component A: <from the safe>\nkeyComponentCount = 3\ncomponent_1 = 4A557B1B18FA80E858D157DC9EA54CEF\n';
    expect(found(text, 'notes.md', 'payment-key-component')).toEqual([]);
  });
});

describe('PKCS#11 PINs', () => {
  it('reports a user PIN in YAML and a partition PIN in Java', () => {
    expect(found('pkcs11:\n  module: /usr/lib/libCryptoki2_64.so\n  slot: 3\n  user_pin: xks-Pin-77Qv31\n', 'xks-proxy.yaml', 'pkcs11-pin')).toEqual(['xks-Pin-77Qv31']);
    const java = 'private static final char[] PARTITION_PIN = "C0-PIN:7734-Qz9x-Lm21".toCharArray();\n';
    expect(found(java, 'PinBlockService.java', 'pkcs11-pin')).toEqual(['C0-PIN:7734-Qz9x-Lm21']);
  });

  it('leaves lookups, lengths, labels and GPIO pins alone', () => {
    const text = 'user_pin: ${HSM_USER_PIN}\nso_pin = cfg.hsm.soPin\nuser_pin_length = 8\nled_pin = 13\npin: 13\nPIN_LABEL = "partition.pin"\n';
    expect(found(text, 'config.yaml', 'pkcs11-pin')).toEqual([]);
  });
});
