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

  it('reads the PIN of a camel-cased name that puts the module before its owner (`HsmPartitionPin`, `lunaSoPin`)', () => {
    const cs = 'internal sealed class Signer\n{\n    private const string HsmPartitionPin = "Tq-7v2W-9kLm-Rx4Z";\n    static readonly string lunaSoPin = "Vault#Keeper-3310";\n}\n';
    expect(found(cs, 'Signer.cs', 'pkcs11-pin')).toEqual(['Tq-7v2W-9kLm-Rx4Z', 'Vault#Keeper-3310']);
    expect(found('const hsmUserPin = "68140392";\n', 'signer.ts', 'pkcs11-pin')).toEqual(['68140392']);
  });

  it('leaves camel-cased names whose PIN is no token login, and a module name before a lookup', () => {
    const cs = 'private const int StatusLedPin = 13;\nprivate const string HsmPartitionPin = Environment.GetEnvironmentVariable("HSM_PIN");\nconst hsmUserPinLength = "12345678";\nvar hsmPartitionPinLabel = "partition.pin";\n';
    expect(found(cs, 'Signer.cs', 'pkcs11-pin')).toEqual([]);
  });

  it('leaves lookups, lengths, labels and GPIO pins alone', () => {
    const text = 'user_pin: ${HSM_USER_PIN}\nso_pin = cfg.hsm.soPin\nuser_pin_length = 8\nled_pin = 13\npin: 13\nPIN_LABEL = "partition.pin"\n';
    expect(found(text, 'config.yaml', 'pkcs11-pin')).toEqual([]);
  });

  it('reads a PIN of six digits or more under a name that says whose PIN it is, and leaves defaults and counted runs', () => {
    expect(found('hsm_pin: 58203917\nso_pin = "604172"\n', 'hsm.yaml', 'pkcs11-pin')).toEqual(['58203917', '604172']);
    expect(found('user_pin: 1234\nso_pin = 000000\nhsm_pin: 12345678\ntoken_pin: 987654\n', 'hsm.yaml', 'pkcs11-pin')).toEqual([]);
  });
});

describe('PINs in the block of an HSM or PKCS#11 token', () => {
  it("reads `pin:` in a YAML block and `pin =` in an INI section named for the token", () => {
    const yaml = 'tolling:\n  payment-hsm:\n    slot: 4\n    pin: "40718352"\n  gateway: adyen\n';
    expect(found(yaml, 'src/main/resources/application.yml', 'hsm-block-pin')).toEqual(['40718352']);
    expect(found('pkcs11:\n  library: /usr/lib/softhsm/libsofthsm2.so\n  # rotated quarterly\n  pin: Qv7.Tarn-Hollow\n', 'signer.yaml', 'hsm-block-pin')).toEqual(['Qv7.Tarn-Hollow']);
    expect(found('[hsm]\nslot = 1\npin = 730461\n\n[logging]\nlevel = info\n', 'signer.ini', 'hsm-block-pin')).toEqual(['730461']);
  });

  it('leaves PINs of other blocks, lookups, short or counted PINs and lengths', () => {
    expect(found('hsm:\n  slot: 2\nled:\n  pin: 40718352\n', 'device.yaml', 'hsm-block-pin')).toEqual([]);
    expect(found('[hsm]\nslot = 1\n[display]\npin = 730461\n', 'device.ini', 'hsm-block-pin')).toEqual([]);
    expect(found('hsm:\n  pin: ${HSM_PIN}\n  so-pin: 1234\n  user-pin: "123456"\n  pin_length: 8\n', 'signer.yaml', 'hsm-block-pin')).toEqual([]);
    expect(found('gpio:\n  pin: 17\nchsm:\n  pin: 40718352\n', 'board.yaml', 'hsm-block-pin')).toEqual([]);
  });
});

describe('SIM authentication keys', () => {
  it('reports Ki and OPc under the columns of a SIM vendor batch file', () => {
    const batch = '*OUTPUT VARIABLES\nICCID IMSI PIN1 PUK1 KI OPC\n8900000000000000017 001019900000017 1234 87654321 7E1B2C44A09D3F58C61E0B9A2D7F4C13 5A0C9E17D3B2F4681C7A9E03B5D2F6C4\n*END\n';
    expect(found(batch, 'sims/batch_out.txt', 'sim-auth-key')).toEqual(['7E1B2C44A09D3F58C61E0B9A2D7F4C13', '5A0C9E17D3B2F4681C7A9E03B5D2F6C4']);
  });
  it('reports Ki and OPc passed by name in a provisioning script', () => {
    const script = 'def body = [\n  imsi: "001019900000042",\n  ki  : "0F3A9C27B1D84E65A2C70B19E3F4D856",\n  opc : "C2B7E91A05D3F64C8A1B2E07D9F3C5A6",\n]\n';
    expect(found(script, 'prov/add_sub.groovy', 'sim-auth-key')).toEqual(['0F3A9C27B1D84E65A2C70B19E3F4D856', 'C2B7E91A05D3F64C8A1B2E07D9F3C5A6']);
  });
  it('leaves other values under such names, and text that is not about SIMs', () => {
    const gains = 'kp = 1.2\nki: 0.35\nkd = 0.01\n';
    expect(found(gains + 'imsi: 001019900000042\n', 'pid.yml', 'sim-auth-key')).toEqual([]);
    expect(found('ki = "0F3A9C27B1D84E65A2C70B19E3F4D856"\n', 'misc.txt', 'sim-auth-key')).toEqual([]);
    // A column of other hex (a row count that differs ends the table), and a zeroed test key.
    const text = 'ICCID IMSI KI\n8900000000000000017 001019900000017 00000000000000000000000000000000\nnote 0F3A9C27B1D84E65A2C70B19E3F4D856\n';
    expect(found(text, 'sims/out.txt', 'sim-auth-key')).toEqual([]);
  });
});

describe('MIFARE Classic sector keys', () => {
  it("reports a card encoder's key A and key B under MIFARE or sector names, in a config and in code", () => {
    const conf = '# encoder, desk 3\nlisten 0.0.0.0:7002\nmifare_key_a 7B20E5C94A1D\nmifare_key_b 3E8F06A2D5C1\n';
    expect(found(conf, 'encoder.conf', 'mifare-sector-key')).toEqual(['7B20E5C94A1D', '3E8F06A2D5C1']);
    expect(found('const sectorKeyA = "A9C4170E5B3D";\n', 'encoder.ts', 'mifare-sector-key')).toEqual(['A9C4170E5B3D']);
  });
  it('leaves the factory default, the published MAD and NFC keys, a count and a longer hex', () => {
    const conf = 'mifare_key_a FFFFFFFFFFFF\nmifare_key_b A0A1A2A3A4A5\nmifare_default_key D3F7D3F7D3F7\nsector_key_slots 40\nmifare_key_uid 04A1B2C3D4E5F6\n';
    expect(found(conf, 'encoder.conf', 'mifare-sector-key')).toEqual([]);
  });
});

describe('hsm-block-pin in an XML element', () => {
  it("reads the pin attribute of an HSM's or a PKCS#11 token's element", () => {
    expect(found('<signing>\n  <hsm host="10.1.2.3" slot="0" pin="70483126"/>\n</signing>\n', 'signing.xml', 'hsm-block-pin')).toEqual(['70483126']);
    expect(found('<pkcs11 library="/opt/lib/libcs_pkcs11.so" slot="3" pin="Qr7-Lmw2.Tz9"/>\n', 'p11.xml', 'hsm-block-pin')).toEqual(['Qr7-Lmw2.Tz9']);
  });
  it("leaves a default or counted PIN, a reference, another element's pin and a pin's length", () => {
    expect(found('<hsm host="10.1.2.3" slot="0" pin="1234"/>\n', 'signing.xml', 'hsm-block-pin')).toEqual([]);
    expect(found('<hsm host="10.1.2.3" slot="0" pin="12345678"/>\n', 'signing.xml', 'hsm-block-pin')).toEqual([]);
    expect(found('<hsm host="10.1.2.3" slot="0" pin="${HSM_PIN}"/>\n', 'signing.xml', 'hsm-block-pin')).toEqual([]);
    expect(found('<hsmMonitor led="1" pin="70483126"/>\n<gpio pin="70483126"/>\n', 'board.xml', 'hsm-block-pin')).toEqual([]);
    expect(found('<hsm slot="0" pinLength="70483126"/>\n', 'signing.xml', 'hsm-block-pin')).toEqual([]);
  });
});
