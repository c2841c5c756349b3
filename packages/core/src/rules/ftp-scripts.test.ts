import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

const step = (parm: string, input: string[]): string =>
  ['//NIGHTLY  JOB (ACCT),CLASS=A', `//SEND     EXEC PGM=FTP${parm}`, '//SYSPRINT DD SYSOUT=*', '//OUTPUT   DD SYSOUT=*', '//INPUT    DD *', ...input, '/*', '//NEXT     EXEC PGM=IEFBR14', ''].join('\n');

describe("the login of a z/OS batch FTP step's in-stream input", () => {
  it('reports the password after the server line, on the user line or on the next', () => {
    expect(found(step(",PARM='(EXIT TIMEOUT 60'", ['192.168.40.17', 'xfer01 Rt6vNq2Lw8', 'binary', 'quit']), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual(['Rt6vNq2Lw8']);
    expect(found(step('', ['open files.partner.example.net 21', 'xfer01', 'Bn3#qLt7Vw', 'ascii', 'quit']), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual(['Bn3#qLt7Vw']);
    expect(found(step('', ['files.partner.example.net', 'user xfer01 Hy5-kWq9Zt', 'quit']), 'SEND.txt', 'jcl-ftp-login')).toEqual(['Hy5-kWq9Zt']);
    expect(found(step('', ['192.168.40.17', 'xfer01 Rt6vNq2Lw8', 'quit']).replace(/\n/g, '\r\n'), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual(['Rt6vNq2Lw8']);
  });
  it('reads the login first when the PARM names the server', () => {
    expect(found(step(",PARM='files.partner.example.net (EXIT'", ['xfer01 Mz8!pRt4Kv', 'quit']), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual(['Mz8!pRt4Kv']);
  });
  it('leaves input kept in a data set, a login without a password, and subcommands', () => {
    const dataset = ['//SEND     EXEC PGM=FTP', '//INPUT    DD DSN=OPS.FTP.CMDS(SEND),DISP=SHR', '//NEXT     EXEC PGM=IEFBR14', 'host', 'xfer01 Rt6vNq2Lw8', ''].join('\n');
    expect(found(dataset, 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual([]);
    expect(found(step('', ['192.168.40.17', 'xfer01', 'binary', 'put A.B /in/a.b', 'quit']), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual([]);
    expect(found(step('', ['192.168.40.17', 'cd /inbound', 'put A.B /in/a.b']), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual([]);
    expect(found(step('', ['ftp.vendor.example.com', 'anonymous ops@acmetel.net', 'get /pub/LIST']), 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual([]);
  });
  it('does not read the in-stream data of a later step', () => {
    const text = ['//SEND     EXEC PGM=FTP', '//SYSPRINT DD SYSOUT=*', '//LOAD     EXEC PGM=IKJEFT01', '//SYSTSIN  DD *', 'host01', 'DSN Rt6vNq2Lw8', '/*', ''].join('\n');
    expect(found(text, 'jcl/SEND.jcl', 'jcl-ftp-login')).toEqual([]);
  });
});

describe('the login of an ftp here-document', () => {
  it('reports the password of its user command', () => {
    const sh = 'ftp -inv 10.8.1.20 <<EOF\nuser backup Lp4!wQz8Tn\nbinary\nput dump.gz\nbye\nEOF\n';
    expect(found(sh, 'bin/push.sh', 'ftp-heredoc-login')).toEqual(['Lp4!wQz8Tn']);
  });
  it('leaves a variable, sftp batches and a user command after the here-document', () => {
    expect(found('ftp -n host <<EOF\nuser backup "$FTP_PW"\nEOF\n', 'bin/push.sh', 'ftp-heredoc-login')).toEqual([]);
    expect(found('sftp -b - host <<EOF\nuser backup Lp4!wQz8Tn\nEOF\n', 'bin/push.sh', 'ftp-heredoc-login')).toEqual([]);
    expect(found('ftp -n host <<EOF\nbye\nEOF\nuser backup Lp4!wQz8Tn\n', 'bin/push.sh', 'ftp-heredoc-login')).toEqual([]);
    expect(found('ftp -n mirror.example.org <<EOF\nuser anonymous ops@acmetel.net\nget README\nEOF\n', 'bin/pull.sh', 'ftp-heredoc-login')).toEqual([]);
  });
});
