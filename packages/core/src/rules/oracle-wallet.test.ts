import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe("passwords answered to mkstore's prompts", () => {
  it('reports the lines of a here-document fed to mkstore, up to its terminator', () => {
    const yml = [
      '- name: Create the wallet',
      '  ansible.builtin.shell: |',
      '    mkstore -wrl {{ wallet_dir }} -create <<-END',
      '    Rw4#tYq8Lz2m',
      '    Rw4#tYq8Lz2m',
      '    END',
      '    echo done',
    ].join('\n');
    expect(found(yml, 'roles/wallet/tasks/main.yml', 'mkstore-heredoc-password')).toEqual(['Rw4#tYq8Lz2m', 'Rw4#tYq8Lz2m']);
  });
  it('leaves variables fed to it and mkstore without a here-document', () => {
    const sh = 'mkstore -wrl "$W" -createCredential ORCL app <<EOF\n${APP_PW}\n${APP_PW}\nEOF\nmkstore -wrl "$W" -listCredential\nNx5!vRq8Tz3k\n';
    expect(found(sh, 'bin/wallet.sh', 'mkstore-heredoc-password')).toEqual([]);
  });
});
