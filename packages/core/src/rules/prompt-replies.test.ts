import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector.js';

const detector = createDetector();
const replies = (text: string, file = 'rig/login.py') =>
  detector.detect(text, { file }).filter((f) => f.rule === 'password-prompt-reply').map((f) => text.slice(f.start, f.end));

describe('password-prompt-reply', () => {
  it('reports the literal written on the line after the password prompt is read', () => {
    expect(replies('def login(host):\n    t = telnetlib.Telnet(host, 23)\n    t.read_until(b"Username: ")\n    t.write(b"ops\\n")\n    t.read_until(b"Password: ")\n    t.write(b"Pq8-Zx3.mWr7Lt\\n")\n')).toEqual(['Pq8-Zx3.mWr7Lt']);
    expect(replies("sess = pexpect.spawn('ssh backup@nas01')\nsess.expect_exact('password: ')\nsess.sendline('Heron+Vault42')\n")).toEqual(['Heron+Vault42']);
    expect(replies('#!/usr/bin/expect -f\nspawn scp dump.sql ops@10.1.1.9:/srv\nexpect "*assword:*"\n\nsend -- "Kd7#Lq2vXm9\\r"\n', 'push.exp')).toEqual(['Kd7#Lq2vXm9']);
  });

  it('leaves a user name, a variable and test assertions alone', () => {
    expect(replies('t.read_until(b"Username: ")\nt.write(b"Pq8-Zx3.mWr7Lt\\n")\n')).toEqual([]);
    expect(replies('t.read_until(b"Password: ")\nt.write(secret.encode("ascii") + b"\\n")\n')).toEqual([]);
    expect(replies('expect "*assword:*"\nsend "$env(NAS_PW)\\r"\n', 'push.exp')).toEqual([]);
    expect(replies("expect(screen.getByText('Password')).toBeVisible();\nprint('Pq8-Zx3.mWr7Lt')\n", 'login.test.tsx')).toEqual([]);
  });
});

describe('password-typed-after-prompting-command: what a runbook says to type at a command that asks for the password', () => {
  const typed = (text: string) => detector.detect(text, { file: 'wiki/access.md' }).filter((f) => f.rule === 'password-typed-after-prompting-command').map((f) => text.slice(f.start, f.end));

  it('reads the text typed after a command that ends with a prompting flag', () => {
    expect(typed('Panel HMI: `vncviewer 10.8.3.21 -passwd` then type `kiln-door`.\n')).toEqual(['kiln-door']);
    expect(typed('1. `psql -h 10.8.3.5 -U ledger -W`, then enter `Abacus_Row7` when asked.\n')).toEqual(['Abacus_Row7']);
    expect(typed('Run `ansible-playbook site.yml --ask-pass` and then type `Heron.Gate.62`.\n')).toEqual(['Heron.Gate.62']);
  });

  it('leaves a command that does not prompt, a flag, a variable, a confirming word and a command with a value after its flag', () => {
    const notes = [
      'Run `vncviewer 10.8.3.21` then type `kiln-door` in the window title.',
      'Run `vncviewer 10.8.3.21 -passwd` then type `--help`.',
      'Run `psql -W` then enter `$LEDGER_PW`.',
      'Run `psql -W` then type `yes`.',
      'Run `vncviewer -passwd ~/.vnc/passwd 10.8.3.21` then type `kiln-door`.',
      '',
    ].join('\n');
    expect(typed(notes)).toEqual([]);
  });
});
