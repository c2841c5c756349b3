import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('Kconfig string defaults', () => {
  const kconfig = [
    'menu "SN-200 Application"',
    '',
    '    config SN_WIFI_SSID',
    '        string "WiFi SSID"',
    '        default "AgriNet-Barn2"',
    '',
    '    config SN_WIFI_PASSWORD',
    '        string "WiFi Password"',
    '        default "Otterrainy1461"',
    '        help',
    '            WPA2 passphrase. Override in sdkconfig.defaults for customer sites.',
    '',
    '    config SN_MQTT_TOKEN',
    '        string "MQTT JWT auth token"',
    '        default ""',
    '',
    '    config SN_PASSWORD_MIN_LEN',
    '        int "Shortest password"',
    '        default 12',
    '',
    'endmenu',
  ].join('\n');

  it("reports the default of a string symbol named for a secret, and not an SSID's, an empty one or a number", () => {
    expect(values(kconfig, 'main/Kconfig.projbuild')).toEqual(['Otterrainy1461']);
  });

  it('reads a menuconfig block whose default carries a condition, in any file', () => {
    const block = 'menuconfig APP_CLOUD_TOKEN\n\tstring\n\tprompt "Cloud token"\n\tdepends on NETWORKING\n\tdefault "Zk3mP9qR2vX8wL5nQ4tY" if BOARD_DEVKIT\n';
    expect(values(block, 'Kconfig')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
    expect(values(block, 'notes.txt')).toEqual(['Zk3mP9qR2vX8wL5nQ4tY']);
  });

  it('leaves placeholders, symbols that are not strings and help text alone', () => {
    const others = [
      'config APP_ADMIN_PASSWORD',
      '\tstring "Admin password"',
      '\tdefault "changeme"',
      'config APP_TOKEN_ENABLED',
      '\tbool "Use a token"',
      '\tdefault y',
      'config APP_API_KEY',
      '\tstring "API key"',
      '\thelp',
      '\t  default "Zk3mP9qR2vX8wL5nQ4tY" is only an example',
      '# config APP_SECRET is set by the CI: default "Zk3mP9qR2vX8wL5nQ4tY"',
    ].join('\n');
    expect(values(others, 'Kconfig')).toEqual([]);
  });
});
