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
