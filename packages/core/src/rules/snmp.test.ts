import { describe, expect, it } from 'vitest';
import { compileDetector } from '../detector.js';
import { detect } from '../index.js';
import { snmpRules } from './snmp.js';

const alone = compileDetector(snmpRules);
/** The values the SNMP rule reports in `text`, on its own. */
function secrets(text: string, file: string): string[] {
  return alone.detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe("net-snmp's agent configuration", () => {
  it('reports the community of rocommunity, rwcommunity, their IPv6 forms and com2sec', () => {
    const conf = [
      'agentAddress udp:161',
      'rocommunity  Fjell-Ro-3381 10.60.4.0/24',
      'rwcommunity6 Tarn!Rw-Kite7 fd00:4::/64',
      'com2sec -Cn ops opsnet 10.60.8.0/24 Skerry.Ro.55',
      'trap2sink nms01.example.net Heron-Trap-902 162',
    ].join('\n');
    expect(secrets(conf, 'snmpd.conf')).toEqual(['Fjell-Ro-3381', 'Tarn!Rw-Kite7', 'Skerry.Ro.55', 'Heron-Trap-902']);
  });

  it("reports createUser's authentication and privacy passphrases, quoted or not, and the engine id form", () => {
    expect(secrets('createUser poller SHA-512 "Larch.Cinder.61" AES "drizzle-Pike-340"\n', 'snmpd.conf')).toEqual(['Larch.Cinder.61', 'drizzle-Pike-340']);
    expect(secrets('createUser -e 0x8000000001020304 trapper MD5 Oxbow_Sleet_29 DES\n', 'snmpd.conf')).toEqual(['Oxbow_Sleet_29']);
  });

  it('leaves the default communities, comments and other directives alone', () => {
    const conf = ['rocommunity public  default -V systemonly', 'rwcommunity private localhost', '# rocommunity Fjell-Ro-3381', 'rouser poller authpriv', 'sysContact ops@example.net'].join('\n');
    expect(secrets(conf, 'snmpd.conf')).toEqual([]);
    expect(secrets('createUser poller SHA\n', 'snmpd.conf')).toEqual([]);
  });
});

describe("network gear's snmp-server lines", () => {
  it('reports a community and a v3 user passphrase pair', () => {
    const ios = ['snmp-server community Brae-7!Kestrel RO 10', 'snmp-server user nms NMS-GROUP v3 auth sha Moraine.Ash.14 priv aes 128 Quill-Shale-883'].join('\n');
    expect(secrets(ios, 'core-sw01.cfg')).toEqual(['Brae-7!Kestrel', 'Moraine.Ash.14', 'Quill-Shale-883']);
  });

  it("reports the community a trap receiver's snmp-server host line sends, after its version", () => {
    const ios = ['snmp-server host 10.2.3.4 version 2c Tern-Ro!5521', 'snmp-server host 10.2.3.5 informs version 2c Scree-7-Vole udp-port 1162', 'snmp-server host 10.2.3.6 Gull.Trap.31'].join('\n');
    expect(secrets(ios, 'core-sw01.cfg')).toEqual(['Tern-Ro!5521', 'Scree-7-Vole', 'Gull.Trap.31']);
  });

  it('leaves a v3 trap receiver (the word there names a user) and the public community alone', () => {
    expect(secrets('snmp-server host 10.2.3.4 version 3 priv nmsuser\nsnmp-server host 10.2.3.5 version 2c public\n', 'edge.cfg')).toEqual([]);
  });

  it('leaves the public community and a user without passphrases alone', () => {
    expect(secrets('snmp-server community public RO\nsnmp-server user nms NMS-GROUP v2c\n', 'edge.cfg')).toEqual([]);
  });
});

describe("other network operating systems' community and v3 user commands", () => {
  it('reports the community names of a RouterOS export, under the menu line, on it, wrapped, or at a prompt', () => {
    const exported = [
      '/snmp community',
      'set [ find default=yes ] disabled=yes',
      'add addresses=10.40.0.9/32 name=Brackenfell-Ro7',
      'add addresses=10.40.0.0/24 \\',
      '    name="Skiddaw_Rw_2210"',
      '/user',
      'add name=ops group=full',
    ].join('\n');
    expect(secrets(exported, 'edge-gw.rsc')).toEqual(['Brackenfell-Ro7', 'Skiddaw_Rw_2210']);
    expect(secrets('/snmp community set [ find default=yes ] name="Tarnhow-ro-61"\n', 'gw.rsc')).toEqual(['Tarnhow-ro-61']);
    expect(secrets('/snmp/community/add name=Wasdale.Ro.88 addresses=10.0.0.0/8\n', 'gw.rsc')).toEqual(['Wasdale.Ro.88']);
    expect(secrets('[admin@gw01] /snmp community> add name=Helvellyn-9-ro\n', 'session.txt')).toEqual(['Helvellyn-9-ro']);
  });

  it("leaves RouterOS's default community, a v3 entry's user name and names under other menus alone", () => {
    const exported = [
      '/snmp community',
      'set [ find default=yes ] name=public',
      'add authentication-protocol=SHA1 name=nmsuser3 security=authorized',
      '/interface bridge',
      'add name=bridge-Lan7x',
      '/snmp',
      'set enabled=yes contact=noc@example.net',
    ].join('\n');
    expect(secrets(exported, 'edge-gw.rsc')).toEqual([]);
    expect(secrets('/snmp community print\nadd name=bridge-Lan7x\n', 'notes.txt')).toEqual([]);
  });

  it("reports a Huawei VRP or H3C Comware community and v3 user's plain passwords", () => {
    const vrp = [
      'snmp-agent community read Langdale-ro-42 acl 2001',
      'snmp-agent community write simple Ullswater!Rw8',
      'snmp-agent usm-user v3 nms nmsgroup simple authentication-mode sha Crinkle.Auth.61 privacy-mode aes128 Crag-Priv-903',
    ].join('\n');
    expect(secrets(vrp, 'olt-01.cfg')).toEqual(['Langdale-ro-42', 'Ullswater!Rw8', 'Crinkle.Auth.61', 'Crag-Priv-903']);
  });

  it("leaves VRP's cipher forms, its other community settings and the public community alone", () => {
    const vrp = [
      'snmp-agent community read cipher %^%#Qm2x!T7vLpR4kA9zW3mLp0Kq8zW3%^%#',
      'snmp-agent community complexity-check disable',
      'snmp-agent community read public',
      'snmp-agent usm-user v3 nms nmsgroup cipher authentication-mode sha %^%#Qm2x!T7vLpR4kA%^%#',
      'snmp-agent target-host trap address udp-domain 10.1.1.1 params securityname nms v2c',
    ].join('\n');
    expect(secrets(vrp, 'sw.cfg')).toEqual([]);
  });

  it('reports the community of Junos and VyOS set commands and of EXOS, not a BGP community or an encrypted one', () => {
    expect(secrets('set snmp community Borrowdale-Ro3 authorization read-only\n', 'srx.conf')).toEqual(['Borrowdale-Ro3']);
    expect(secrets('set service snmp community Eskdale.Ro.44 authorization ro\n', 'vyos.conf')).toEqual(['Eskdale.Ro.44']);
    expect(secrets('configure snmp add community readwrite Wastwater-Rw9\n', 'x460.xsf')).toEqual(['Wastwater-Rw9']);
    expect(secrets('set policy-options community Cust-Gold7 members 65000:100\n', 'srx.conf')).toEqual([]);
    expect(secrets('configure snmp add community readonly encrypted "#Bq9Zk2pW7x"\n', 'x460.xsf')).toEqual([]);
  });
});

describe("net-snmp's tools and the check_snmp plugin", () => {
  it('reports the community and the v3 passphrases on a command line and in a Nagios check command', () => {
    expect(secrets('snmpwalk -v2c -c Rk4!Vale-Ops 10.1.1.1 sysDescr\n', 'poll.sh')).toEqual(['Rk4!Vale-Ops']);
    expect(secrets('snmpget -v3 -l authPriv -u nms -a SHA -A Moraine.Ash.14 -x AES -X "Quill-Shale-883" 10.1.1.1 sysUpTime.0\n', 'poll.sh')).toEqual(['Moraine.Ash.14', 'Quill-Shale-883']);
    expect(secrets('    check_command           check_snmp!-C p2*p7G=E8XmY47 -o sysUpTime.0\n', 'switches.cfg')).toEqual(['p2*p7G=E8XmY47']);
    expect(secrets('/usr/lib/nagios/plugins/check_snmp -H sw1 --community=Tern-Ro!5521 -o ifOperStatus.1\n', 'check.sh')).toEqual(['Tern-Ro!5521']);
  });

  it('leaves macros, variables, the public community and the other flags alone', () => {
    expect(secrets('check_command check_snmp!-C $ARG1$ -o sysUpTime.0\nsnmpwalk -v2c -c public 10.1.1.1\nsnmpwalk -v2c -c "$COMMUNITY" host\n', 'x.cfg')).toEqual([]);
    expect(secrets('snmpget -v3 -l authPriv -u nms -a SHA -x AES 10.1.1.1 sysUpTime.0\n', 'poll.sh')).toEqual([]);
  });
});

describe('settings named for a community in configuration management', () => {
  it('reports a read-only or read-write community under its name in YAML, Puppet and Ruby', () => {
    expect(secrets('snmp_ro_community: "Dune-Ro-4471"\n', 'group_vars/all.yml')).toEqual(['Dune-Ro-4471']);
    expect(secrets("  class { 'snmp':\n    rw_community => 'Gannet-Rw-19',\n  }\n", 'site.pp')).toEqual(['Gannet-Rw-19']);
    expect(secrets("default['monitoring']['snmp']['community'] = 'Sorrel-Ro-58'\n", 'attributes/default.rb')).toEqual(['Sorrel-Ro-58']);
    expect(secrets('snmp:\n  community: Wrack-Ro-2290\n', 'values.yaml')).toEqual(['Wrack-Ro-2290']);
  });

  it('leaves templates, lookups, references, defaults and other communities alone', () => {
    expect(secrets('snmp_ro_community: "{{ vault_snmp_ro_community }}"\n', 'vars.yml')).toEqual([]);
    expect(secrets("ro_community => lookup('profile::snmp::ro_community'),\n", 'site.pp')).toEqual([]);
    expect(secrets('snmp_community = var.snmp_community\n', 'main.tf')).toEqual([]);
    expect(secrets('snmp_ro_community: public\n', 'vars.yml')).toEqual([]);
    expect(secrets('community: "Kubernetes Slack"\nforum_community_id: 42\n', 'links.yml')).toEqual([]);
    expect(secrets('snmpCommunity = readCommunity\n', 'Poller.java')).toEqual([]);
    expect(secrets('- name: gather facts\n  community.general.snmp_facts:\n    host: "{{ inventory_hostname }}"\n', 'play.yml')).toEqual([]);
  });

  it('is reported by the whole detector as a password', () => {
    const found = detect('snmp_ro_community: "Dune-Ro-4471"\n', { file: 'vars.yml' });
    expect(found.map((f) => [f.rule, f.category])).toEqual([['snmp-community', 'PASS']]);
  });
});

describe('an SNMP community under a .NET appSettings key', () => {
  it('reports the value of an `<add key=…Community… value=…/>` entry whose key says SNMP', () => {
    const config = '<appSettings>\n  <add key="SnmpCommunity" value="Kw7-Moraine-Ro2" />\n  <add key="SnmpWriteCommunity" value=\'Gl4!Cirque-Rw\' />\n</appSettings>\n';
    expect(secrets(config, 'App.config')).toEqual(['Kw7-Moraine-Ro2', 'Gl4!Cirque-Rw']);
  });
  it('leaves the default communities, references and community keys that are no SNMP setting', () => {
    const config = [
      '<add key="SnmpCommunity" value="public" />',
      '<add key="SnmpCommunity" value="$(SnmpCommunity)" />',
      '<add key="CommunityPortalUrl" value="https://community.example.org" />',
    ].join('\n');
    expect(secrets(config, 'App.config')).toEqual([]);
    expect(secrets('<add key="Community" value="Kw7-Moraine-Ro2" />\n', 'App.config')).toEqual([]);
  });
});
