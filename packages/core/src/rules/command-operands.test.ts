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

describe('db2-connect-using', () => {
  /** The values `db2-connect-using` reports in `text`. */
  function db2(text: string, file = 'load.sh'): string[] {
    return detect(text, { file })
      .filter((f) => f.rule === 'db2-connect-using')
      .map((f) => text.slice(f.start, f.end));
  }

  it("reads the password after USING in the db2 command line, a task's su -c and a share-mode connect", () => {
    expect(db2('su - db2inst1 -c "db2 connect to FINCH user CHAPP using Accrual_Ch4pp"\n', 'roles/db2/tasks/main.yml')).toEqual(['Accrual_Ch4pp']);
    expect(db2("db2 CONNECT TO SAMPLE IN SHARE MODE USER etl_load USING 'Wren#Ledger-77'\n")).toEqual(['Wren#Ledger-77']);
  });

  it('leaves host variables, shell and template variables, and sentences that connect to something', () => {
    expect(db2('db2 connect to FINCH user CHAPP using $DB2_PW\ndb2 connect to FINCH user CHAPP using "${PW}"\n')).toEqual([]);
    expect(db2('EXEC SQL CONNECT TO :dbname USER :userid USING :passwd;\n', 'load.sqc')).toEqual([]);
    expect(db2('Connect to the VPN using your badge, then connect to FINCH as CHAPP.\n', 'notes.md')).toEqual([]);
  });

  it('reads each connect once, in time that grows with the text, however many are left without a password', () => {
    const unit = 'db2 connect to DB user u using ';
    const small = unit.repeat((256 * 1024) / unit.length);
    const large = unit.repeat((512 * 1024) / unit.length);
    expect(db2(small)).toEqual([]);
    expect(db2(large)).toEqual([]);
  });
});
