import { describe, expect, it } from 'vitest';
import { compileDetector } from '../detector.js';
import { detect } from '../index.js';
import { networkDeviceRules } from './network-devices.js';

const alone = compileDetector(networkDeviceRules);
/** The values the network-device rules report in `text`, on their own. */
function secrets(text: string, file = 'router.cfg'): string[] {
  return alone.detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('Cisco IOS, NX-OS and ASA configuration', () => {
  it('reports enable secrets and user passwords of every type by their shape', () => {
    const config = [
      'enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM',
      'username ops privilege 15 secret 5 $1$Zm4q$Vx3L9cPpKQ0yF1dHfW8uS.',
      'username backup privilege 3 password 7 094F471A1A0A464058',
      'username admin password 5 $5$Kq7Lm2Np$Wv8Xc3Zb1Nm4Lk7Jh2Gf5Ds8Aq1We4Rt7Yu0Io3Pl6 role network-admin',
      'enable password Qx7-Dunlin-44',
    ].join('\n');
    expect(secrets(config)).toEqual([
      '$9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM',
      '$1$Zm4q$Vx3L9cPpKQ0yF1dHfW8uS.',
      '094F471A1A0A464058',
      '$5$Kq7Lm2Np$Wv8Xc3Zb1Nm4Lk7Jh2Gf5Ds8Aq1We4Rt7Yu0Io3Pl6',
      'Qx7-Dunlin-44',
    ]);
  });

  it("reports ASA's passwd, enable and username passwords before their `encrypted` or `privilege` trailers", () => {
    const asa = ['passwd 2KFQnbNIdI.2KYOU encrypted', 'enable password 8Ry2YjIyt7RRXU24 encrypted', 'username vpnadm password Kx4-Plover-19 privilege 15'].join('\n');
    expect(secrets(asa, 'asa.cfg')).toEqual(['2KFQnbNIdI.2KYOU', '8Ry2YjIyt7RRXU24', 'Kx4-Plover-19']);
  });

  it("reports a RADIUS or TACACS+ server's key inside its block, typed or plain, and the global forms", () => {
    const config = [
      'tacacs server ISE-PRIMARY',
      ' address ipv4 10.28.1.11',
      ' key 7 087DB02C5BA5CE863D4B',
      '!',
      'radius server NPS01',
      ' address ipv4 10.27.1.14 auth-port 1812 acct-port 1813',
      ' key Hq8=~Lorn-Tide-20',
      '!',
      'radius-server host 10.1.1.9 auth-port 1812 key 7 1511021F07257A767B',
      'tacacs-server key Wm3!Brock-Ash',
    ].join('\n');
    expect(secrets(config)).toEqual(['087DB02C5BA5CE863D4B', 'Hq8=~Lorn-Tide-20', '1511021F07257A767B', 'Wm3!Brock-Ash']);
  });

  it("reports a vty line's password, IKE pre-shared keys, key chains and WPA keys", () => {
    const config = [
      'line vty 0 4',
      ' password Harbor-Lamp-48',
      ' transport input ssh',
      'line con 0',
      ' password 7 04899656ED6C11B60776',
      'crypto isakmp key Vx7-Fenwick-Psk address 198.51.100.4',
      'crypto keyring PARTNER',
      '  pre-shared-key address 203.0.113.9 key Rm5-Carrow-Psk',
      'tunnel-group 203.0.113.7 ipsec-attributes',
      ' ikev1 pre-shared-key Lq2-Sallow-Psk',
      'key chain OSPF',
      ' key 1',
      '  key-string 7 0822455D0A165445415F',
      ' wpa-psk ascii 0 Moor-Linnet-77',
    ].join('\n');
    expect(secrets(config)).toEqual(['Harbor-Lamp-48', '04899656ED6C11B60776', 'Vx7-Fenwick-Psk', 'Rm5-Carrow-Psk', 'Lq2-Sallow-Psk', '0822455D0A165445415F', 'Moor-Linnet-77']);
  });

  it('reports a type 7 value whatever its first pair, as templates and tickets write it, and no odd run of hex', () => {
    const config = [
      'username field-eng privilege 1 password 7 C2E4097A1F5D3B',
      'tacacs server TAC2',
      ' address ipv4 10.9.1.8',
      ' key 7 9F1A0E63BD27C48E55',
      'line con 0',
      ' password 7 ABC',
      ' password 7 FADED',
      ' password 7 decade',
    ].join('\n');
    expect(secrets(config)).toEqual(['C2E4097A1F5D3B', '9F1A0E63BD27C48E55']);
  });

  it('leaves prose, values of the wrong shape for their type, keys outside a server block and stand-ins alone', () => {
    const text = [
      'enable password authentication in sshd_config',
      'Password 7 characters long is the minimum.',
      'password 7 characters long is the minimum.',
      'username and password are sent in the clear',
      'enable secret 5 <hash>',
      'username admin secret 9 $9$...',
      'interface Vlan20',
      ' key Hq8=~Lorn-Tide-20',
      ' password Harbor-Lamp-48',
      'key: Hq8=~Lorn-Tide-20',
      'enable secret changeme',
      '        pre-shared-key ascii-text "$9$Zilj0lK60HX0uo8QJC09Yg"; ## SECRET-DATA',
    ].join('\n');
    expect(alone.detect(text, { file: 'notes.md' }).filter((f) => f.rule === 'cisco-config-secret')).toEqual([]);
  });
});

describe('Junos configuration', () => {
  it('reports the value of every line Junos marks ## SECRET-DATA, and a quoted $9$ value in set commands', () => {
    const conf = [
      'system {',
      '    radius-server {',
      '        10.119.27.75 secret "$9$3.kytNk5.ce2PXcjJVMYdL"; ## SECRET-DATA',
      '    }',
      '}',
      '        pre-shared-key ascii-text "$9$Zilj0lK60HX0uo8QJC09Yg"; ## SECRET-DATA',
      '            encrypted-password "$6$vmL.J3xZv7BUzDsQ$0JXg2cd4MNt0V4IwRN.ZmH7fZlqJ"; ## SECRET-DATA',
      'set protocols ospf area 0 interface ge-0/0/0 authentication md5 1 key "$9$kP5z69pBIcSeM8X7-w2aJ"',
    ].join('\n');
    expect(secrets(conf, 'srx.conf')).toEqual([
      '$9$3.kytNk5.ce2PXcjJVMYdL',
      '$9$Zilj0lK60HX0uo8QJC09Yg',
      '$6$vmL.J3xZv7BUzDsQ$0JXg2cd4MNt0V4IwRN.ZmH7fZlqJ',
      '$9$kP5z69pBIcSeM8X7-w2aJ',
    ]);
  });

  it('leaves lines without the marker and prose about it alone', () => {
    expect(secrets('    host-name srx-edge01;\n# lines holding secrets end in ## SECRET-DATA\n    secret "<secret>"; ## SECRET-DATA\n', 'srx.conf')).toEqual([]);
  });
});

describe('FortiGate configuration', () => {
  it('reports each set … ENC value: admin password, RADIUS secret, IPsec PSK', () => {
    const conf = [
      'config system admin',
      '    edit "admin"',
      '        set password ENC SH2ap3O00gCNHyRWSIJaXG+zIXZb00bO5rrS5SJb0uoypwtEloNI+LRhg51',
      '    next',
      'config vpn ipsec phase1-interface',
      '        set psksecret ENC K5KpHrpe66f3ifH8/gjq0/bfCj431CGcIBQ16/K9kYMsmmcjxmJZqkcD2ZIAyHP6+wM+VXVxZtL2RyYEgDpq',
    ].join('\n');
    expect(secrets(conf, 'fgt.conf')).toEqual([
      'SH2ap3O00gCNHyRWSIJaXG+zIXZb00bO5rrS5SJb0uoypwtEloNI+LRhg51',
      'K5KpHrpe66f3ifH8/gjq0/bfCj431CGcIBQ16/K9kYMsmmcjxmJZqkcD2ZIAyHP6+wM+VXVxZtL2RyYEgDpq',
    ]);
  });

  it('leaves stand-ins and other ENC words alone', () => {
    expect(secrets('        set secret ENC XXXXXXXXXXXXXXXX\n    set mode ENC AES256\nthe value after ENC is base64\n', 'fgt.conf')).toEqual([]);
  });
});

describe('tac_plus users', () => {
  it('reports des hashes and cleartext passwords of login, enable, pap and chap', () => {
    const conf = ['user = netadmin {', '    login = des iZdDUULt4WNhS', '    enable = cleartext "Violet-Lantern-23"', '    pap = cleartext Ridge-Moss-17', '}'].join('\n');
    expect(secrets(conf, 'tac_plus.cfg')).toEqual(['iZdDUULt4WNhS', 'Violet-Lantern-23', 'Ridge-Moss-17']);
  });

  it('leaves PAM, a password file and stand-ins alone', () => {
    expect(secrets('    login = PAM\n    login = file /etc/passwd\n    login = cleartext "<password>"\n', 'tac_plus.cfg')).toEqual([]);
  });

  it('is reported by the whole detector as a password', () => {
    const found = detect('user = ro {\n    login = cleartext "Violet-Lantern-23"\n}\n', { file: 'tac_plus.cfg' });
    expect(found.map((f) => f.category)).toEqual(['PASS']);
  });
});

describe("Squid's cache_peer login", () => {
  it('reports the password Squid sends to its parent proxy, also in a heredoc that writes the config', () => {
    const script = [
      'cat > /etc/squid/conf.d/upstream.conf <<EOF',
      'cache_peer 10.44.3.9 parent 3128 0 no-query default login=egress-svc:Rv6%tLq9Wz!m',
      'cache_peer proxy-b.example parent 8080 0 no-query login=*:Coral-Finch-4402',
      'never_direct allow all',
      'EOF',
    ].join('\n');
    expect(secrets(script, 'provision/proxy.sh')).toEqual(['Rv6%tLq9Wz!m', 'Coral-Finch-4402']);
  });

  it('leaves the PASSTHRU, PASS and NEGOTIATE modes and placeholders alone', () => {
    const conf = [
      'cache_peer 10.44.3.9 parent 3128 0 no-query login=PASSTHRU',
      'cache_peer 10.44.3.9 parent 3128 0 no-query login=PASS',
      'cache_peer 10.44.3.9 parent 3128 0 no-query login=NEGOTIATE:HTTP/squid.example@EXAMPLE.COM',
      'cache_peer 10.44.3.9 parent 3128 0 no-query login=egress:${SQUID_PEER_PASSWORD}',
      'cache_peer 10.44.3.9 parent 3128 0 no-query login=user:password',
    ].join('\n');
    expect(secrets(conf, 'squid.conf')).toEqual([]);
  });
});
