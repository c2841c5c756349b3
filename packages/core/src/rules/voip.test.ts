import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('Asterisk outbound registrations', () => {
  it('reports the secret of a register line, and leaves a registration without one', () => {
    const conf = '[general]\nregister => trunk7:Pz4nW8qLv2Tx@sbc1.carrier.example.net/7000\nregister => trunk8@sbc1.carrier.example.net/7001\nunregister => a:Rb5oX9rMw3Uy@b\n';
    expect(found(conf, 'asterisk/sip.conf', 'asterisk-register-secret')).toEqual(['Pz4nW8qLv2Tx']);
  });
  it('reads the secret before an auth user, after a domain', () => {
    const conf = 'register => trunk9@voice.example.net:Mv7qZ3wLx8Rp:authuser9@sbc2.example.net:5061/9000\n';
    expect(found(conf, 'asterisk/sip.conf', 'asterisk-register-secret')).toEqual(['Mv7qZ3wLx8Rp']);
  });
});

describe('coturn long-term credentials', () => {
  it("reports a TURN user's password or derived key in coturn's configuration", () => {
    const conf = 'listening-port=3478\nrealm=turn.example.org\nlt-cred-mech\nuser=kiosk:Wd4-pR9!xLq7Tz\nuser=agent:0x7c2e9a41b8d35f60e1a9c4b72d3e8f05\n#user=old:Hn3qTz8!wLp5\n';
    expect(found(conf, 'coturn/turnserver.conf', 'coturn-user-password')).toEqual(['Wd4-pR9!xLq7Tz', '0x7c2e9a41b8d35f60e1a9c4b72d3e8f05']);
  });
  it('leaves user= lines in other formats and placeholders', () => {
    expect(found('[mysql]\nuser=kiosk:Wd4-pR9!xLq7Tz\n', 'my.cnf', 'coturn-user-password')).toEqual([]);
    expect(found('realm=turn.example.org\nuser=kiosk:${TURN_PASSWORD}\nuser=demo:password\n', 'turnserver.conf', 'coturn-user-password')).toEqual([]);
  });
});
