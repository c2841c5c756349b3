import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The values `command-operand-password` reports in `text`. */
function operands(text: string, file = 'QM1-auth.mqsc'): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === 'command-operand-password')
    .map((f) => text.slice(f.start, f.end));
}

describe('command-operand-password', () => {
  it("reads MQSC's LDAP and key repository passwords, on a command continued over lines with + and -", () => {
    const mqsc = [
      'DEFINE AUTHINFO(ACME.LDAP) AUTHTYPE(IDPWLDAP) +',
      "       CONNAME('ldap01.acme.corp(636)') +",
      "       LDAPUSER('CN=svc-mq,OU=Service,DC=acme,DC=corp') +",
      "       LDAPPWD('Mq-Ldap!Wren42') -",
      '       SHORTUSR(sAMAccountName) REPLACE',
      "ALTER QMGR KEYRPWD('Kdb-Stash#7Quill')",
      '',
    ].join('\n');
    expect(operands(mqsc)).toEqual(['Mq-Ldap!Wren42', 'Kdb-Stash#7Quill']);
  });

  it('reads a quote doubled inside the value as part of it, and RACF passwords bare or quoted', () => {
    expect(operands("ALTER AUTHINFO(L) AUTHTYPE(IDPWLDAP) LDAPPWD('It''s-Mq!Wren42')\n")).toEqual(["It''s-Mq!Wren42"]);
    expect(operands('ALU JSMITH PASSWORD(TMP4WREN) NOEXPIRED\nADDUSER OPS1 PHRASE(\'Heron-fen@4bells!\')\n', 'users.racf')).toEqual(['TMP4WREN', 'Heron-fen@4bells!']);
  });

  it('leaves symbols a command is built with, and calls in code', () => {
    expect(operands('ALTUSER &USERID PASSWORD(&NEWPW) NOEXPIRED\n', 'reset.clist')).toEqual([]);
    expect(operands("if (cfg.LDAPPWD('Mq-Ldap!Wren42')) return;\n", 'Auth.java')).toEqual([]);
    expect(operands("x = LDAPPWD('Mq-Ldap!Wren42')\n", 'auth.py')).toEqual([]);
    expect(operands("DEFINE AUTHINFO(L) LDAPPWD('Mq-Ldap!Wren42') = 1\n")).toEqual([]);
  });
});
