import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('the password of an over-the-air firmware upload', () => {
  const passwords = (text: string, file: string) => detect(text, { file }).filter((f) => f.rule === 'ota-upload-password').map((f) => text.slice(f.start, f.end));
  it("reports espota's --auth and -a, and the --auth that PlatformIO's upload_flags hand to it", () => {
    const ini = [
      '[env:pump_ota]',
      'extends = env:pump',
      'upload_protocol = espota',
      'upload_port = pump-07.local',
      'upload_flags =',
      '    --host_port=41230',
      '    --auth=Sump-Float#61',
      '',
      '[env:valve_ota]',
      'upload_protocol = espota',
      'upload_flags = --port=8266 --auth="Valve_ota-2024!"',
      '',
    ].join('\n');
    expect(passwords(ini, 'firmware/platformio.ini')).toEqual(['Sump-Float#61', 'Valve_ota-2024!']);
    expect(passwords('python3 tools/espota.py -i 10.9.2.41 -p 3232 -a Gauge-OTA-9q -f build/fw.bin\n', 'flash.sh')).toEqual(['Gauge-OTA-9q']);
  });

  it("leaves a variable, esptool's -a and an --auth outside espota's line or the upload flags", () => {
    const ini = [
      '[env:pump_ota]',
      'upload_flags =',
      '    --auth=${sysenv.PUMP_OTA_PASSWORD}',
      '[env:pump_serial]',
      'upload_flags = --before default_reset -a hard_reset',
      '',
    ].join('\n');
    expect(passwords(ini, 'firmware/platformio.ini')).toEqual([]);
    expect(passwords('python3 espota.py -i 10.9.2.41 --auth "$OTA_PASS" -f fw.bin\n', 'flash.sh')).toEqual([]);
    expect(passwords('mosquitto_sub -h broker --auth Sump-Float#61\n', 'notes.sh')).toEqual([]);
  });
});

describe('a token given to a tool by the short flag it reads it from', () => {
  it("reports Codecov's upload token after -t and PagerDuty pd-send's integration key after -k", () => {
    const ci = [
      'bash <(curl -s https://codecov.io/bash) -t 0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a34',
      './codecov -f build/coverage.xml --token=0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a35',
      'pd-send -t trigger -k 71c4e9a2b8d35f60e1a7c4b9d2f8e3a6 -d "queue backlog"',
      '',
    ].join('\n');
    expect(values(ci, 'ci/upload.sh')).toEqual(['0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a34', '0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a35', '71c4e9a2b8d35f60e1a7c4b9d2f8e3a6']);
  });

  it('leaves variables, and the same flags on another command of the line', () => {
    const ci = [
      './codecov -t "$CODECOV_TOKEN" -f coverage.xml',
      'pd-send -k ${PD_INTEGRATION_KEY} -t resolve',
      'codecov --version && docker run -t 71c4e9a2b8d35f60e1a7c4b9d2f8e3a6',
      'pd-send -t trigger -d "Qm4-Xt8Rk2-Wz7Lp"',
      '',
    ].join('\n');
    expect(values(ci, 'ci/upload.sh')).toEqual([]);
  });
});

/** The values reported in `text` by `rule`. */
function byRule(text: string, rule: string, file = 'setup.sh'): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('tool-positional-credential', () => {
  it("reads W&B's API key after `wandb login`, with options before it, in a shell line, a notebook cell and Markdown prose", () => {
    const key = '7d2f9a4c1e8b3d6f0a5c9e2b7d4f1a8c3e6b0d59';
    expect(byRule(`wandb login ${key}\n`, 'tool-positional-credential')).toEqual([key]);
    expect(byRule(`"!wandb login --relogin ${key}\\n",`, 'tool-positional-credential', 'train.ipynb')).toEqual([key]);
    // After a host named for W&B, wandb-api-key may report it first: either way the key is reported.
    const prose = `Log in first (\`wandb login --host https://api.wandb.ai ${key}\`), then run the sweep.`;
    expect(detect(prose, { file: 'README.md' }).map((f) => prose.slice(f.start, f.end))).toContain(key);
    expect(byRule(`Log in first (\`wandb login --relogin ${key}\`), then run the sweep.`, 'tool-positional-credential', 'README.md')).toEqual([key]);
  });

  it('leaves a login that takes its key from a variable or a prompt, and a key named on another command', () => {
    expect(byRule('wandb login "$WANDB_API_KEY"\n', 'tool-positional-credential')).toEqual([]);
    expect(byRule('wandb login --relogin\n', 'tool-positional-credential')).toEqual([]);
    expect(byRule('wandb login --cloud; git checkout 7d2f9a4c1e8b3d6f0a5c9e2b7d4f1a8c3e6b0d59\n', 'tool-positional-credential')).toEqual([]);
  });

  it("reports both keys of `mc alias set` and `mc config host add`, quoted or bare", () => {
    const id = 'LQ4W8NZ2TK7RXM3PV9BC';
    const secret = 'h7Gk2Lq9Vx4Mz8Np3Rt6Wy1Bc5Df0Sj7Ua2Ke9Xo';
    expect(byRule(`mc alias set archive http://10.20.0.15:9000 ${id} ${secret}\n`, 'tool-positional-credential')).toEqual([id, secret]);
    expect(byRule(`mc config host add archive https://minio.lab.example "${id}" '${secret}' --api S3v4\n`, 'tool-positional-credential')).toEqual([id, secret]);
  });

  it('leaves `mc` given variables, MinIO\'s published default and other subcommands', () => {
    expect(byRule('mc alias set s3 https://s3.amazonaws.com "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"\n', 'tool-positional-credential')).toEqual([]);
    expect(byRule('mc alias set local http://127.0.0.1:9000 minioadmin minioadmin\n', 'tool-positional-credential')).toEqual([]);
    expect(byRule('mc alias remove archive\nmc mirror archive/datasets s3/datasets\n', 'tool-positional-credential')).toEqual([]);
  });
});

describe("a repository's credentials stored by composer config", () => {
  it("reports the password of http-basic (Private Packagist's token) and the token of github-oauth and gitlab-token", () => {
    const ci = [
      'composer config --global http-basic.repo.packagist.com token 3e9a7c1f05d2b84e6a0c9f1d7b3e52a8c4f06d9e1b7a2c5f',
      'composer config http-basic.satis.agency.example ci-bot "Rw7.Zq3#Lm9vTx"',
      'composer config -g github-oauth.github.com ghp_Tq4Zw8Lm2Vx7Rb3Nk9Hc5Jd1Fs6Gp0YaUe2i',
      "composer config --auth gitlab-token.git.agency.example 'glpat-Qm7Tz2Lx9Wk4Rp8Nc3Vb'",
      '',
    ].join('\n');
    expect(values(ci, 'bitbucket-pipelines.yml')).toEqual([
      '3e9a7c1f05d2b84e6a0c9f1d7b3e52a8c4f06d9e1b7a2c5f',
      'Rw7.Zq3#Lm9vTx',
      'ghp_Tq4Zw8Lm2Vx7Rb3Nk9Hc5Jd1Fs6Gp0YaUe2i',
      'glpat-Qm7Tz2Lx9Wk4Rp8Nc3Vb',
    ]);
  });

  it('leaves variables, a user name alone, and other settings', () => {
    const ci = [
      'composer config --global http-basic.repo.packagist.com token "$PACKAGIST_TOKEN"',
      'composer config http-basic.satis.agency.example ci-bot',
      'composer config -g github-oauth.github.com ${GITHUB_TOKEN}',
      'composer config --global process-timeout 2000',
      '',
    ].join('\n');
    expect(values(ci, 'bitbucket-pipelines.yml')).toEqual([]);
  });
});

describe("a secret stored by a platform's CLI", () => {
  it('reads the body of gh secret set and the values of fly and doppler secrets set', () => {
    const sh = [
      'gh secret set SCIM_TOKEN --repo acme/scim --body "Tq8Lw3Zx7Kr2Vm9Nb4Pc5Hd1"',
      "gh secret set SIGNING_SALT -b 'Rm4Kx9Wq2Lz7Tv3Nb8Hc'",
      'fly secrets set SESSION_KEY=Zw5Lq8Tk3Rx7Vm2Nb9Pd -a billing',
      'doppler secrets set HOOK_SIGNING="Xk2Tq7Lw9Rz4Vm8Nb3Hd"',
      '',
    ].join('\n');
    expect(values(sh, 'ops/secrets.sh')).toEqual(['Tq8Lw3Zx7Kr2Vm9Nb4Pc5Hd1', 'Rm4Kx9Wq2Lz7Tv3Nb8Hc', 'Zw5Lq8Tk3Rx7Vm2Nb9Pd', 'Xk2Tq7Lw9Rz4Vm8Nb3Hd']);
  });

  it('leaves gh variable set, variables, standard input and other gh commands', () => {
    const sh = [
      'gh variable set DEPLOY_REGION --body "Tq8Lw3Zx7Kr2Vm9Nb4Pc5Hd2"',
      'gh secret set SCIM_TOKEN --body "$SCIM_TOKEN"',
      'gh secret set SCIM_TOKEN < token.txt',
      'gh secret list --repo acme/scim',
      'fly secrets set DATABASE_URL=${DATABASE_URL}',
      '',
    ].join('\n');
    expect(values(sh, 'ops/secrets.sh')).toEqual([]);
  });
});

describe('a WireGuard private key given to wg as a literal', () => {
  const priv = 'Cdp/X6t4dLMLbEeWQ0HIxX7aB0KY8cwYvm7xSzOws0s=';
  const peer = 'LUMPN7opW/wHovuWR4g46DA5JX0uou/sA32H+a7zXyM=';

  it("reports the key handed over by process substitution, and leaves the peer's public key on the same line", () => {
    const sh = `wg set wg0 private-key <(echo '${priv}') peer ${peer} endpoint vpn.example.net:51820\n`;
    expect(byRule(sh, 'wireguard-key-command')).toEqual([priv]);
    expect(values(sh, 'edge/setup.sh')).not.toContain(peer);
    expect(byRule(`wg set wg0 peer ${peer} preshared-key <(printf '%s' ${priv})\n`, 'wireguard-key-command')).toEqual([priv]);
  });

  it('reports the key piped or fed to `wg pubkey` and piped to `private-key /dev/stdin`', () => {
    expect(byRule(`PUB=$(echo "${priv}" | wg pubkey)\n`, 'wireguard-key-command')).toEqual([priv]);
    expect(byRule(`wg pubkey <<< '${priv}'\n`, 'wireguard-key-command')).toEqual([priv]);
    expect(byRule(`echo -n ${priv} | sudo wg set wg0 listen-port 51820 private-key /dev/stdin\n`, 'wireguard-key-command')).toEqual([priv]);
  });

  it('leaves a key file, a variable, a generated key, a key not 32 bytes long, and a literal piped elsewhere', () => {
    const sh = [
      `wg set wg0 private-key /etc/wireguard/wg0.key peer ${peer}`,
      'wg set wg0 private-key <(echo "$WG_PRIVATE_KEY")',
      'wg genkey | tee /etc/wireguard/wg0.key | wg pubkey > /etc/wireguard/wg0.pub',
      `wg set wg0 private-key <(echo '${priv.slice(1)}')`,
      `echo '${priv}' | base64 -d | wg pubkey`,
      `echo '${priv}' | wc -c`,
      '',
    ].join('\n');
    expect(byRule(sh, 'wireguard-key-command')).toEqual([]);
  });
});

describe('monitoring-plugin-password', () => {
  const rule = 'monitoring-plugin-password';
  it("reports the password each Nagios plugin reads from its own flag, quoted or bare, and check_http's user:password", () => {
    const cfg = [
      'define command {',
      '    command_name    check_billing_db',
      "    command_line    $USER1$/check_pgsql -H 10.9.8.7 -d ledger -l nagios -p 'Rv4-Kestrel!9'",
      '}',
      'define command {',
      '    command_name    check_orders_sql',
      '    command_line    $USER1$/check_mssql -H sql02.example.lan -U monitor -P "Bq7^mT2*Lw9z"',
      '}',
      '    command_line    $USER1$/check_http -H portal.example.lan -S -a probe:Wx5^Nc8_Fj3- -u /api/ping',
      '    command_line    $USER1$/check_ldap -H dc1 -b dc=example,dc=lan -D cn=mon -P Gh6.Tarn.31',
      '',
    ].join('\n');
    expect(byRule(cfg, rule, 'nagios/commands.cfg')).toEqual(['Rv4-Kestrel!9', 'Bq7^mT2*Lw9z', 'Wx5^Nc8_Fj3-', 'Gh6.Tarn.31']);
    expect(byRule("/usr/lib/nagios/plugins/check_nt -H win1 -p 12489 -s Jk8-Vole-27 -v CPULOAD -l 5,80,90\n", rule)).toEqual(['Jk8-Vole-27']);
    // A long option named for a password, after any plugin (other rules may report it first).
    const quoted = '$USER1$/check_oracle_health --connect ERP --user mon --password="Lc3!Pf8-Ud5" --mode tnsping\n';
    expect(values(quoted, 'nagios/commands.cfg')).toEqual(['Lc3!Pf8-Ud5']);
  });

  it("leaves macros, the same letters where another plugin means a port or a path, and the user of -a", () => {
    const cfg = [
      '    command_line    $USER1$/check_pgsql -H $HOSTADDRESS$ -l nagios -p $USER3$',
      '    command_line    $USER1$/check_http -H portal.example.lan -p 8443 -a $ARG1$:$ARG2$',
      '    command_line    $USER1$/check_http -H portal.example.lan -a Wx5Nc8Fj3Lq',
      '    command_line    $USER1$/check_disk -w 20% -c 10% -p /var/lib/Rv4-Kestrel9',
      '    command_line    $USER1$/check_tcp -H db1 -p 5432 ; echo -p Rv4-Kestrel!9',
      'out = subprocess.check_output(["mysql", "-p", "Rv4-Kestrel!9"])',
      '',
    ].join('\n');
    expect(byRule(cfg, rule, 'nagios/commands.cfg')).toEqual([]);
  });
});

describe('a PIN given by a flag', () => {
  const pins = (text: string) => detect(text, { file: 'ops/cron/panel.crontab' }).map((f) => text.slice(f.start, f.end));
  it("reads a PIN's digits after a bare --pin or one named for whose it is, whatever the tool", () => {
    expect(pins('0 7 * * 1-5 /opt/hvac/bin/unlock-panel --zone 4 --pin 60418\n')).toEqual(['60418']);
    expect(pins('alarmctl arm --zone 3 --keypad-pin "0729"\n')).toEqual(['0729']);
  });
  it("leaves a board's pin, another's pin, a count, a stand-in and a variable", () => {
    expect(pins('gpio-set --pin 17 --value 1\nhpkp-check --cert-pin 48213\nlockctl --pin-length 6\nunlock-panel --pin 0000\nunlock-panel --pin "$PANEL_PIN"\n')).toEqual([]);
  });
});
