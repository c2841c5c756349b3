import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The hosts reported in `text`, as values. */
function hosts(text: string, file: string): string[] {
  return detect(text, { file })
    .filter((f) => f.category === 'HOST')
    .map((f) => text.slice(f.start, f.end));
}

describe('names written from the top-level domain down are packages, not hosts', () => {
  it('leaves Java, Kotlin and Android package names ending in an internal suffix alone', () => {
    expect(hosts('<logger name="com.acme.billing.internal" level="DEBUG"/>\n', 'logback.xml')).toEqual([]);
    expect(hosts('<groupId>com.acme.internal</groupId>\n', 'pom.xml')).toEqual([]);
    // A package after the word that names it, in a Java security policy.
    expect(hosts('  permission java.lang.RuntimePermission "accessClassInPackage.com.sun.org.apache.xml.internal";\n', 'default.policy')).toEqual([]);
    expect(hosts('ssh ops@vault.acme.com.internal\n', 'notes.txt')).toEqual(['vault.acme.com.internal']);
    expect(hosts('logging:\n  level:\n    org.acme.ledger.local: DEBUG\n', 'application.yml')).toEqual([]);
    expect(hosts("group = 'com.acme.internal.billing.api'\n", 'build.gradle')).toEqual([]);
  });

  it('still reports hosts under internal suffixes and private zones beside them', () => {
    const yaml = 'logging:\n  level:\n    com.acme.billing.internal: DEBUG\ndb:\n  host: pg01.billing.internal\n  replica: org-db.acme.local\n  api: api.corp.acme-pay.io\n';
    expect(hosts(yaml, 'application.yml')).toEqual(['pg01.billing.internal', 'org-db.acme.local', 'api.corp.acme-pay.io']);
  });
});

describe('private addresses in command output (blind set 6b)', () => {
  it('reports the address after a host name and a slash, as kubectl and Java print them', () => {
    expect(hosts('Node:             ip-10-0-21-114.eu-west-1.compute.internal/10.0.21.114\n', 'describe.txt')).toContain('10.0.21.114');
    expect(hosts('java.net.ConnectException: Connection refused: db01/10.0.3.4:5432\n', 'app.log')).toEqual(['10.0.3.4']);
  });

  it('leaves a dotted quad inside a path alone', () => {
    expect(hosts('PATH=/opt/node/10.16.0.1/bin:/usr/bin\n', 'env.txt')).toEqual([]);
    expect(hosts('see https://example.com/10.1.2.3/notes\n', 'notes.txt')).toEqual([]);
  });

  it('reads a version in another column of a psql row as that column’s, not the address’s', () => {
    const rows = ' 218842 | analytics_ro | 100.71.8.23 | psql\n 218003 | analytics_ro | 100.71.8.40 | Metabase v0.51.4\n';
    expect(hosts(rows, 'psql.txt')).toEqual(['100.71.8.23', '100.71.8.40']);
    expect(hosts('| Chrome 10.0.648.204 | stable |\n', 'versions.md')).toEqual([]);
  });

  it('finds the private host of a SQL Server JDBC URL, whose properties follow a semicolon', () => {
    const xml = '<Resource url="jdbc:sqlserver://10.8.1.20:1433;databaseName=erp;encrypt=true" />\n';
    const urls = detect(xml, { file: 'context.xml' }).filter((f) => f.rule === 'internal-url').map((f) => xml.slice(f.start, f.end));
    expect(urls).toEqual(['jdbc:sqlserver://10.8.1.20:1433;databaseName=erp;encrypt=true']);
    expect(detect('url="jdbc:sqlserver://sql.example.com:1433;databaseName=erp"', { file: 'context.xml' }).filter((f) => f.rule === 'internal-url')).toEqual([]);
  });
});

describe('hosts in Windows UNC paths (blind set 9b)', () => {
  it('reports the internal server a UNC path names, plain or escaped in a string', () => {
    expect(hosts('New-PSDrive -Name R -PSProvider FileSystem -Root "\\\\fileserver01.acme.corp\\deploy$\\reports"\n', 'Deploy.ps1')).toEqual(['fileserver01.acme.corp']);
    expect(hosts('net use Z: \\\\nas02.eng.lan\\builds /persistent:no\n', 'map-drive.cmd')).toEqual(['nas02.eng.lan']);
    expect(hosts('var share = "\\\\\\\\fs01.billing.internal\\\\exports";\n', 'Export.cs')).toEqual(['fs01.billing.internal']);
    expect(hosts('copy out.zip \\\\files.corp.acme-pay.io\\drop\n', 'ship.bat')).toEqual(['files.corp.acme-pay.io']);
  });

  it('leaves a name after a single backslash of a local path alone', () => {
    expect(hosts('Content root path: C:\\apps\\billing.local\\bin\n', 'worker.log')).toEqual([]);
    expect(hosts('"path": "C:\\\\Users\\\\me\\\\web.local"\n', 'settings.json')).toEqual([]);
    expect(hosts('copy C:\\\\tmp\\\\app.corp.acme.io\\x\n', 'a.bat')).toEqual([]);
  });
});

describe('private addresses after a network path\'s //', () => {
  it("reports the host of Oracle's Easy Connect (`@//host:port/service`)", () => {
    expect(hosts('url="jdbc:oracle:thin:@//10.50.1.30:1521/ERPPROD"\n', 'context.xml')).toEqual(['10.50.1.30']);
    expect(hosts('sqlplus app@//10.0.0.5:1521/orcl\n', 'run.sh')).toEqual(['10.0.0.5']);
    expect(hosts('tnsping //172.20.8.14:1521/REPORTS\n', 'check.sh')).toEqual(['172.20.8.14']);
  });

  it('reports the server of an SMB/CIFS share path (`//host/share`), and leaves an address inside a path', () => {
    expect(hosts('smbclient "//10.61.4.22/scans" -U backup -c ls\n', 'copy.sh')).toEqual(['10.61.4.22']);
    expect(hosts('mount -t cifs //192.168.40.7/media /mnt/media -o ro\n', 'mount.sh')).toEqual(['192.168.40.7']);
    expect(hosts('cp build/10.61.4.22/scans out\n', 'copy.sh')).toEqual([]);
    expect(hosts('ls cache//10.61.4.22/scans\n', 'copy.sh')).toEqual([]);
  });

  it('leaves an address inside a path alone', () => {
    expect(hosts('cache: ~/.nvm/node//10.16.0.1/bin\n', 'ci.yml')).toEqual([]);
    expect(hosts('see docs//10.0.0.1/notes\n', 'README.md')).toEqual([]);
  });
});

describe('Consul DNS names', () => {
  it('reports a service, node or query name under .consul, alone or in a URL', () => {
    expect(hosts('image = "registry.service.consul:5000/api@sha256:9f2c"\n', 'api.nomad.hcl')).toEqual(['registry.service.consul']);
    expect(hosts('retry_join = ["db-1.node.eu-west-1.consul"]\n', 'server.hcl')).toEqual(['db-1.node.eu-west-1.consul']);
    const urls = detect('VAULT_ADDR=https://vault.service.consul:8200\n', { file: '.env' }).map((f) => f.category);
    expect(urls).toContain('URL');
  });

  it('leaves settings paths and package names ending in consul alone', () => {
    expect(hosts('spring.cloud.consul.host=localhost\nmanagement.health.consul: true\n', 'application.properties')).toEqual([]);
    expect(hosts('import com.ecwid.consul\n', 'Registry.java')).toEqual([]);
    expect(hosts('plugin = "hashicorp.consul"\n', 'main.hcl')).toEqual([]);
  });
});

describe('internal hosts inside wildcards and certificate file names', () => {
  it('reports the zone of a wildcard name, leaving the `*.` in place', () => {
    expect(hosts('*.reports.bravo.internal:5432:*:viewer:Tq8-mossy-Lantern\n', '.pgpass')).toEqual(['reports.bravo.internal']);
    expect(hosts('    server_name *.apps.bravo.corp;\n', 'nginx.conf')).toEqual(['apps.bravo.corp']);
    expect(hosts('no_proxy=localhost,*.bravo.lan\n', 'proxy.env')).toEqual(['bravo.lan']);
  });

  it('leaves file globs and bare suffixes after `*.` alone', () => {
    expect(hosts('*.local\n*.env.local\n', '.gitignore')).toEqual([]);
    expect(hosts('Host *.corp\n  User ops\n', 'ssh_config')).toEqual([]);
  });

  it('reports a host that names its certificate, key or signing request file', () => {
    const conf = 'SSLCertificateFile /etc/pki/tls/certs/git.bravo.intranet.crt\nSSLCertificateKeyFile /etc/pki/tls/private/git.bravo.intranet.key\n';
    expect(hosts(conf, 'git.conf')).toEqual(['git.bravo.intranet', 'git.bravo.intranet']);
    expect(hosts('ssl_certificate /etc/nginx/tls/pay-api.svc.cluster.local.pem;\n', 'site.conf')).toEqual(['pay-api.svc.cluster.local']);
  });

  it('leaves other files named like hosts, and two-label names of certificate files, alone', () => {
    expect(hosts('cp /srv/tls/dev.local.pem /tmp/\n', 'setup.sh')).toEqual([]);
    expect(hosts('include /etc/nginx/conf.d/api.bravo.internal.conf;\n', 'nginx.conf')).toEqual([]);
    expect(hosts('load config/settings.local.json\n', 'notes.txt')).toEqual([]);
  });

  it('still reports a host that ends a sentence', () => {
    expect(hosts('Connect to build-7.bravo.corp. Then run the job.\n', 'notes.md')).toEqual(['build-7.bravo.corp']);
  });
});

describe('URLs in Xcode build settings, whose slashes an empty $() parts', () => {
  function urls(text: string): string[] {
    return detect(text, { file: 'Config/Staging.xcconfig' })
      .filter((f) => f.rule === 'internal-url')
      .map((f) => text.slice(f.start, f.end));
  }

  it('reports a private address or internal host behind http:/$()/, version path and all', () => {
    const settings = '// `//` opens a comment here\nBACKEND_URL = http:/$()/10.12.0.7:8080/v2\nADMIN_URL = https:/$()/admin.ops.lan/v1\n';
    expect(urls(settings)).toEqual(['http:/$()/10.12.0.7:8080/v2', 'https:/$()/admin.ops.lan/v1']);
  });

  it('leaves public hosts and loopback behind the same escape alone', () => {
    expect(urls('PUBLIC_URL = https:/$()/api.shop-demo.io/v2\nLOCAL_URL = http:/$()/localhost:8080\nLOOP = http:/$()/127.0.0.1:9000\n')).toEqual([]);
  });
});

describe('names that are the same on every machine', () => {
  it("leaves the loopback's localhost.localdomain alone, and still reports a machine under .localdomain", () => {
    expect(hosts('127.0.0.1   localhost localhost.localdomain\n', 'hosts')).toEqual([]);
    expect(hosts('Maintainer: System Administrator <root@localhost.localdomain>\n', 'control')).toEqual([]);
    expect(hosts('ssh deploy@build07.localdomain\n', 'notes.txt')).toEqual(['build07.localdomain']);
  });
});

describe('internal URLs that fetch a file by its checksum', () => {
  it('ends the URL before a fragment that is the checksum of the file, and keeps any other fragment', () => {
    const url = 'https://pkgs.bio.internal/channel/linux-64/samtools-1.19-h50ea8bc_0.conda';
    const found = (text: string) => detect(text, { file: 'spec-file.txt' }).filter((f) => f.rule === 'internal-url').map((f) => text.slice(f.start, f.end));
    expect(found(`${url}#3e0b9c7d1f5a2e4c6b8d0f1a3c5e7b9d\n`)).toEqual([url]);
    expect(found(`${url}#sha256=9f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0\n`)).toEqual([url]);
    expect(found(`${url}#files\n`)).toEqual([`${url}#files`]);
  });
});

describe('hosts inside Kerberos service principals', () => {
  it('reads the name between a service and its realm as a host, and a path\'s file name still as none', () => {
    expect(hosts('kadmin -q "ktadd -k /etc/http.keytab HTTP/wiki.chem.intranet@CHEM.EXAMPLE.ORG"\n', 'keytab.sh')).toEqual(['wiki.chem.intranet']);
    expect(hosts('principal = nfs/store2.bio.lan@${KRB_REALM}\n', 'idmapd.conf')).toEqual(['store2.bio.lan']);
    expect(hosts('cp build/site.local@2x.png public/\n', 'deploy.sh')).toEqual([]);
    expect(hosts('cat /srv/conf/site.local@backup\n', 'notes.txt')).toEqual([]);
  });
});

describe('private networks written with a netmask, and hosts given as a shell default', () => {
  it('reports a network chosen inside a private block whose width is a netmask', () => {
    expect(hosts('    host: "10.72.8.0/255.255.252.0"\n', 'grants.yml')).toEqual(['10.72.8.0']);
    expect(hosts('-A INPUT -s 192.168.40.0/255.255.255.0 -j ACCEPT\n', 'rules.v4')).toEqual(['192.168.40.0']);
  });

  it('leaves a whole private block written with its netmask, and a netmask alone, unreported', () => {
    expect(hosts('-A FORWARD -d 10.0.0.0/255.0.0.0 -j DROP\n', 'rules.v4')).toEqual([]);
    expect(hosts('allow 172.16.0.0/255.240.0.0;\n', 'nginx.conf')).toEqual([]);
    expect(hosts('netmask 255.255.255.0\n', 'interfaces')).toEqual([]);
  });

  it("reports the private host or address a shell expansion falls back to after :-", () => {
    expect(hosts('PGHOST="${PGHOST:-pg-ledger-02.prod.internal}"\n', 'backup.sh')).toEqual(['pg-ledger-02.prod.internal']);
    expect(hosts('REDIS_ADDR=${REDIS_ADDR:-10.52.3.17}\n', 'start.sh')).toEqual(['10.52.3.17']);
    expect(hosts(': "${LDAP_URI:-ldap01.corp.example-ops.com}"\n', 'bind.sh')).toEqual(['ldap01.corp.example-ops.com']);
  });

  it('still reads a dash inside a name as part of it, not as a default', () => {
    expect(hosts('node-10.1.2.3 is a build label\n', 'notes.txt')).toEqual([]);
    expect(hosts('ssh db-primary.ops.internal\n', 'notes.txt')).toEqual(['db-primary.ops.internal']);
  });
});

describe('networks written with their prefix length', () => {
  it('reports the network whole, prefix length included, and no path or version after an address', () => {
    expect(hosts('vpc_cidr = "10.40.0.0/16"\nula = "fd4e:7a21:93c0::/48"\nAddress = 10.200.0.1/24\n', 'main.tf')).toEqual(['10.40.0.0/16', 'fd4e:7a21:93c0::/48', '10.200.0.1/24']);
    expect(hosts('ip route add 10.40.0.0/16 via 10.40.0.1\n', 'routes.sh')).toEqual(['10.40.0.0/16', '10.40.0.1']);
  });
});

describe('a version word reaches only its own sentence, and never an address with a port (blind set 29)', () => {
  it('reports an address in a sentence after one that mentions a build', () => {
    expect(hosts('# Nightly build for the Unity client. Runs on mac-mini-03 (172.20.1.33).\n', 'build.sh')).toEqual(['172.20.1.33']);
  });

  it('reports an address followed by a port on a line that mentions a build', () => {
    expect(hosts('10.10.0.16:1666=svc-build:43E34E8AC6C0A7D7FAB26D28EE75F3B3\n', 'p4tickets.txt')).toContain('10.10.0.16');
  });

  it('reports the address of a machine that builds: a build agent, box or runner is a host', () => {
    expect(hosts('# Runs from the build agent LVH-BUILD01 (172.20.2.30) when the pipeline is broken.\n', 'Deploy.ps1')).toEqual(['172.20.2.30']);
    expect(hosts('The build box is 10.44.7.19, ask before rebooting it.\n', 'notes.txt')).toEqual(['10.44.7.19']);
    expect(hosts('build 10.4.1.7 of the agent installed\n', 'notes.txt')).toEqual([]);
  });

  it('still reads a dotted quad as a version in the sentence that names one', () => {
    expect(hosts('# Nightly build 10.4.1.7. Runs on mac-mini-03.\n', 'build.sh')).toEqual([]);
    expect(hosts('Runs on mac-mini-03. Firmware build 10.4.1.7 installed; reboot.\n', 'notes.txt')).toEqual([]);
  });
});

describe('research computing hosts: management controllers, SQL Server protocols, local files (blind set 46)', () => {
  it('reports the address of a management controller in a sentence about firmware', () => {
    expect(hosts('After the firmware upgrade the BMC at 10.71.3.14 came back with defaults.\n', 'ticket.txt')).toEqual(['10.71.3.14']);
    expect(hosts('iDRAC firmware 4.40 is on 172.22.9.8 now.\n', 'notes.txt')).toEqual(['172.22.9.8']);
  });

  it('still reads a firmware version without an address word as a version', () => {
    expect(hosts('Firmware 10.2.0.14 fixes the fan curve.\n', 'notes.txt')).toEqual([]);
  });

  it('reports the host of a SQL Server connection string that names its protocol, in program source', () => {
    expect(hosts('conn <- "Driver={ODBC Driver 18};Server=tcp:sqlwh02.lab.corp,1433;Database=DW;"\n', 'warehouse.R')).toEqual(['sqlwh02.lab.corp']);
  });

  it('leaves the local part of a system file and a cache setting alone', () => {
    expect(hosts('# mounted at boot from rc.local\n', 'mount.sh')).toEqual([]);
    expect(hosts('Copy jail.conf to jail.local before editing.\n', 'fail2ban.md')).toEqual([]);
    expect(hosts("  'memcache.local' => '\\\\OC\\\\Memcache\\\\APCu',\n", 'config.php')).toEqual([]);
    expect(hosts('ssh rc.lab.local\n', 'notes.txt')).toEqual(['rc.lab.local']);
    expect(hosts('ping printer.local\n', 'notes.txt')).toEqual(['printer.local']);
  });
});

describe('a Kerberos service principal without its realm (blind set 46)', () => {
  it('reports the host of a well-known service on a line that runs a Kerberos admin tool', () => {
    expect(hosts('$ kadmin -q "ktadd -k /etc/krb5.keytab nfs/files02.lab.internal"\n', 'notes.md')).toEqual(['files02.lab.internal']);
    expect(hosts('kinit -kt /etc/krb5.keytab host/login03.hpc.corp\n', 'cron.sh')).toEqual(['login03.hpc.corp']);
  });

  it('leaves a path segment of that name elsewhere alone', () => {
    expect(hosts('cp build/nfs/files02.lab.internal /tmp\n', 'copy.sh')).toEqual([]);
    expect(hosts('ktadd -k /etc/krb5.keytab backup/files02.lab.internal\n', 'notes.md')).toEqual([]);
  });
});

describe("IBM MQ connection names: a host, then its port in parentheses", () => {
  it('reports each host of a connection-name list, and leaves calls', () => {
    expect(hosts('ibm:\n  mq:\n    conn-name: qm1.msg.acme.corp(1414),qm2.msg.acme.corp(1415)\n', 'config/application.yml')).toEqual(['qm1.msg.acme.corp', 'qm2.msg.acme.corp']);
    expect(hosts("DEFINE CHANNEL(TO.QM2) CHLTYPE(SDR) CONNAME('qm2.msg.acme.corp(1414)') XMITQ(QM2)\n", 'mqsc/channels.mqsc')).toEqual(['qm2.msg.acme.corp']);
    expect(hosts('cfg = env.local(name)\nx = settings.local(3)\n', 'notes.txt')).toEqual([]);
  });
});

describe('versions in the elements of an MSBuild project', () => {
  it('reads a four-part version in a version-named element as a version, and an address elsewhere as one', () => {
    const csproj = '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <AssemblyVersion>10.8.3.0</AssemblyVersion>\n    <FileVersion>172.16.4.1</FileVersion>\n    <msb:PackageVersion>192.168.0.12</msb:PackageVersion>\n  </PropertyGroup>\n</Project>\n';
    expect(hosts(csproj, 'Billing/Billing.csproj')).toEqual([]);
    expect(hosts('<Settings>\n  <ServerAddress>10.8.3.7</ServerAddress>\n</Settings>\n', 'app.config')).toEqual(['10.8.3.7']);
  });
});

describe('private addresses beside SNMP OIDs and in brackets', () => {
  const found = (text: string, file = 'app.log') => detect(text, { file }).filter((f) => f.rule.startsWith('private-ip')).map((f) => text.slice(f.start, f.end));

  it('reports the address on a line that also carries an OID, but not the OID', () => {
    expect(found('2025-01-04 02:11:09 WARN trap received from 172.18.40.3 oid=1.3.6.1.4.1.2636.4.1.1 severity=minor\n')).toEqual(['172.18.40.3']);
    expect(found('trap oid=10.4.1.2 ignored\n')).toEqual([]);
  });

  it('covers the brackets of an IPv6 literal written as a host', () => {
    expect(found('upstream api {\n    server [fd7c:2b19:40aa::8]:9443;\n}\n', 'nginx.conf')).toEqual(['[fd7c:2b19:40aa::8]']);
    expect(found('metrics_addr = "[fd7c:2b19:40aa::8]:9443"\n', 'probe.toml')).toEqual(['[fd7c:2b19:40aa::8]']);
    expect(found('listen fd7c:2b19:40aa::8\n', 'app.conf')).toEqual(['fd7c:2b19:40aa::8']);
  });
});

describe('a private address beside a gateway named `gw`', () => {
  it('reports the address in a network diagram whose note names an edge gateway', () => {
    const diagram = '```\n kiosks --(LTE, WireGuard)--> 10.71.0.1 (edge gw) --> fare-svc\n```\n';
    expect(hosts(diagram, 'docs/network.md')).toEqual(['10.71.0.1']);
  });

  it('still reads a browser version as a version', () => {
    expect(hosts('| Edge 10.0.1.2 | gwt build |', 'docs/browsers.md')).toEqual([]);
  });

  it('reports the address of a machine named after a browser or a mobile system', () => {
    expect(hosts('The edge box answers on `10.44.3.9` from the plant VPN only.\n', 'runbook.md')).toEqual(['10.44.3.9']);
    expect(hosts('Our edge router (192.168.88.1) drops the tunnel at night.\n', 'notes.md')).toEqual(['192.168.88.1']);
    expect(hosts('the android tablet at 10.9.0.23 runs the kiosk\n', 'kiosk.md')).toEqual(['10.9.0.23']);
    expect(hosts('- iOS device test rig: 172.18.2.40\n', 'qa.md')).toEqual(['172.18.2.40']);
  });

  it('reads a dotted quad right after a browser or system name as its version', () => {
    expect(hosts('Tested on Chrome 10.0.648.204 and Safari 5\n', 'qa.md')).toEqual([]);
    expect(hosts('UA: Mozilla/5.0 Chrome/10.0.648.204 Safari/537.36\n', 'log.txt')).toEqual([]);
  });
});

describe('a private address that is a literal of its own in a joined string', () => {
  it("is a host after a literal ending in a login's user@, or before a port or a remote path", () => {
    expect(hosts('execSync("rsync -az build/ deploy@" + "10.44.7.19" + ":/srv/site/");\n', 'tools/deploy.js')).toEqual(['10.44.7.19']);
    expect(hosts("$url = 'https://build.example/' . '172.20.8.31' . ':8443';\n", 'deploy.php')).toEqual(['172.20.8.31']);
  });

  it('stays a version in a build message without such neighbours', () => {
    expect(hosts('log("build " + "10.2.0.1" + " finished")\nversion = "10.2.0.1"\n', 'tools/release.js')).toEqual([]);
  });
});

describe('an Ansible inventory host range', () => {
  it('reports the zone after a numeric or a letter range', () => {
    const ini = ['[tills]', 'till-[01:24].stores.acme.lan', 'pos[a:f].shops.acme.corp ansible_user=deploy', ''].join('\n');
    expect(hosts(ini, 'inventory/prod.ini')).toEqual(['stores.acme.lan', 'shops.acme.corp']);
  });

  it('leaves a bare suffix after a range and an index in code', () => {
    expect(hosts('till-[01:24].local\n', 'inventory/prod.ini')).toEqual([]);
    expect(hosts('x = hosts[0].lan\n', 'app.py')).toEqual([]);
  });
});

describe('a mount point named for the host it mounts', () => {
  it('reports the host right under a root of mounts, maybe under a folder for the protocol', () => {
    expect(hosts('restic backup /mnt/files02.acme.lan/projects --tag nightly\n', 'backup.sh')).toEqual(['files02.acme.lan']);
    expect(hosts('ls /net/nfs01.eng.acme.corp/export/home\n', 'notes.txt')).toEqual(['nfs01.eng.acme.corp']);
    expect(hosts('mount -t cifs //fs/share /mnt/smb/fs03.acme.lan\n', 'mount.sh')).toEqual(['fs03.acme.lan']);
  });

  it("reports the host under a protocol's folder at the root, as an EPICS IOC's autosave path names it", () => {
    expect(hosts('set_savefile_path("/nfs/ctrl-nfs01.kestrel.lan/autosave/iocLLRF01")\n', 'st.cmd')).toEqual(['ctrl-nfs01.kestrel.lan']);
    expect(hosts('rsync -a out/ /smb/fs02.acme.corp/drop/\n', 'sync.sh')).toEqual(['fs02.acme.corp']);
    // Deeper under it, or a two-label .local name, the name is a folder's or a file's.
    expect(hosts('cat /nfs/exports/files02.acme.lan/x\n', 'run.sh')).toEqual([]);
    expect(hosts('cp .env /nfs/env.local/\n', 'run.sh')).toEqual([]);
  });

  it('still leaves a name deeper in a path, and a two-label .local name under a mount', () => {
    expect(hosts('cat /opt/app/files02.acme.lan/x\n', 'run.sh')).toEqual([]);
    expect(hosts('cp .env /mnt/data/env.local\n', 'run.sh')).toEqual([]);
    expect(hosts('cp .env /mnt/env.local/\n', 'run.sh')).toEqual([]);
  });
});

describe('names under internal suffixes that are code, mail or markup (the Python 3.11 tree)', () => {
  it('leaves a suffix cased unlike the name before it: an enum member, a constant, a class in its module', () => {
    expect(hosts('    QualifiedNameSource.LOCAL,\n', 'scope_provider.py')).toEqual([]);
    expect(hosts('See :attr:`QualifiedNameSource.LOCAL` and Visibility.INTERNAL.\n', 'notes.md')).toEqual([]);
    expect(hosts('context_var = ContextVar(f"werkzeug.Local<{id(self)}>.storage")\n', 'local.py')).toEqual([]);
    // A name all in capitals is a Windows domain or a realm; capitals in the host's own label leave its suffix small.
    expect(hosts('--kerberos-attributes Realm=EC2.INTERNAL\nJonty <jonty@DESKTOP-J1O6ANP.localdomain>\n', 'cluster.rst')).toEqual(['EC2.INTERNAL', 'DESKTOP-J1O6ANP.localdomain']);
  });

  it("leaves an e-mail's local part, quoted or not, and keeps a principal's host before its realm", () => {
    expect(hosts("    '<\"simeple.local\"@example.com>',\n", 'test_parser.py')).toEqual([]);
    expect(hosts('Reply to first.local@acme.io\n', 'notes.txt')).toEqual([]);
    expect(hosts('kinit host/kdc.acme.corp@ACME.CORP\n', 'notes.txt')).toEqual(['kdc.acme.corp', 'ACME.CORP']);
    expect(hosts('From: Father Time <father.time@xcar.wooster.local>\n', 'msg.txt')).toEqual(['xcar.wooster.local']);
  });

  it("reads a backtick in Python as a docstring's markup, and in JavaScript still as a string", () => {
    expect(hosts('    """A wrapper that implements ``py.path.local``."""\n', 'legacypath.py')).toEqual([]);
    expect(hosts('const url = `db01.acme.lan`;\n', 'db.ts')).toEqual(['db01.acme.lan']);
    expect(hosts('    """Connect to ``pg-01.acme.lan``."""\n', 'db.py')).toEqual(['pg-01.acme.lan']);
  });

  it("leaves a style sheet's selectors, and reads its strings and URLs", () => {
    const css = '/* span.target.internal */\nspan.target.internal { color: red }\n@import url("//cdn.acme.lan/site.css");\n';
    expect(hosts(css, 'plain.css')).toEqual(['cdn.acme.lan']);
  });

  it('leaves a private zone under a documentation domain, a module path of its own file, a class in a dotted path', () => {
    expect(hosts('"Name": "accounting.corp.example.com"\n', 'examples-1.json')).toEqual([]);
    expect(hosts('"Name": "accounting.corp.acme.com"\n', 'examples-1.json')).toEqual(['accounting.corp.acme.com']);
    const deprecation = '        f"Module \'hypothesis.internal.conjecture.data\' has no attribute {name}"\n';
    expect(hosts(deprecation, 'site-packages/hypothesis/internal/conjecture/data.py')).toEqual([]);
    expect(hosts(deprecation, 'src/app/views.py')).toEqual(['hypothesis.internal.conjecture.data']);
    expect(hosts('    `hypothesis.internal.conjecture.engine.ConjectureRunner.statistics`.\n', 'statistics.md')).toEqual([]);
  });
});

describe("groff's site macro files", () => {
  it('are files, named as rc.local is', () => {
    expect(hosts(' - local macro configuration, such as man.local and mdoc.local\n', 'README.Debian')).toEqual([]);
  });
});

describe('SAP route strings', () => {
  it('reads each hop after /H/ as a host, and leaves a path that only holds an /H/ folder', () => {
    expect(hosts('SAP Router string: `/H/10.44.12.5/S/3299/H/sapprd-ci.kat.corp/S/3200`\n', 'notes.md')).toEqual(['10.44.12.5', 'sapprd-ci.kat.corp']);
    expect(hosts('saprouter=/H/saprt.acme.corp/S/3299/H/10.1.2.3\n', 'logon.ini')).toEqual(['saprt.acme.corp', '10.1.2.3']);
    expect(hosts('route /H/10.1.2.3/W/pass1/H/erp01.acme.lan/S/sapdp00\n', 'notes.md')).toEqual(['10.1.2.3', 'erp01.acme.lan']);
    expect(hosts('cp /data/H/10.1.2.3/S/x .\nls /srv/H/build.acme.corp/S/3200\ndir /H/10.1.2.3/\n', 'notes.md')).toEqual([]);
  });
});

describe('unique-local IPv6 addresses at the end of a sentence', () => {
  it('reads the address before a full stop, and no address that a full stop joins to more', () => {
    expect(hosts('  * Internet is Starlink; IPv6 on the tunnel is fd42:7a11:9e3c::30.\n', 'wiki/pages/sites.txt')).toEqual(['fd42:7a11:9e3c::30']);
    expect(hosts('The ULA prefix is fd4e:7a21:93c0::/48.\n', 'README.md')).toEqual(['fd4e:7a21:93c0::/48']);
    expect(hosts('see fd42:7a11:9e3c::30.example and fc00:1.2\n', 'notes.txt')).toEqual([]);
  });
});

describe('a host name built from a variable and an internal zone', () => {
  it('reports the zone after a variable a script or a template puts the host name in', () => {
    expect(hosts('Enter-PSSession -ComputerName "$kiosk.tills.harbour.internal" -Credential $c\n', 'Connect-Tills.ps1')).toEqual(['tills.harbour.internal']);
    expect(hosts('Test-Connection "$env:COMPUTERNAME.clinic.lan"\n', 'check.ps1')).toEqual(['clinic.lan']);
    expect(hosts('for n in a b; do ssh "${n}.render.studio.corp" uptime; done\n', 'sweep.sh')).toEqual(['render.studio.corp']);
    expect(hosts('ping -c1 $(hostname -s).mgmt.studio.corp\n', 'probe.sh')).toEqual(['mgmt.studio.corp']);
    expect(hosts('server: "{{ inventory_hostname }}.nodes.quarry.lan"\n', 'roles/agent/templates/agent.yml.j2')).toEqual(['nodes.quarry.lan']);
    expect(hosts('url = f"https://{site}.pos.harbour.internal/api"\n', 'sync.py')).toEqual(['pos.harbour.internal']);
    expect(hosts('net use Z: \\\\%COMPUTERNAME%.files.harbour.corp\\scans\n', 'map.cmd')).toEqual(['files.harbour.corp']);
  });

  it('leaves a bare suffix after a variable, a two-label .local after one, and member access in program source', () => {
    expect(hosts('echo "$host.local"\n', 'run.sh')).toEqual([]);
    expect(hosts('cp "${name}.env.local" backup/\n', 'run.sh')).toEqual([]);
    expect(hosts('$x = $settings.proxy.lan\n', 'tool.php')).toEqual([]);
  });
});

describe('a private network whose prefix length ends a sentence', () => {
  it('reports the network with its prefix length before a full stop, in a mail and in a wiki', () => {
    expect(hosts('Hi,\n\nthe lighting desks sit on 10.61.40.0/24.\nThanks\n', 'mail/vendor.eml')).toEqual(['10.61.40.0/24']);
    expect(hosts('Cameras moved to 192.168.88.0/25. Ask ops for access.\n', 'wiki/cctv.md')).toEqual(['192.168.88.0/25']);
  });
  it('leaves a whole private block before a full stop, and a path or a version after the slash', () => {
    expect(hosts('RFC 1918 reserves 10.0.0.0/8.\n', 'wiki/net.md')).toEqual([]);
    expect(hosts('cp build/10.61.4.22/24.5 out\n', 'copy.sh')).toEqual([]);
  });
});

describe('zones under top-level names that no public DNS answers for', () => {
  it('reports hosts in a laboratory’s or a site’s own .lab and .intra zones, bare and in URLs', () => {
    expect(hosts('machine fs02.kelpie-bio.lab\n  login backup\n', '.netrc')).toEqual(['fs02.kelpie-bio.lab']);
    expect(hosts('DATABASES = {"default": {"HOST": "pg-assay.kelpie-bio.lab"}}\n', 'settings.py')).toEqual(['pg-assay.kelpie-bio.lab']);
    expect(hosts('The scope PC answers as conf-03.kelpie-bio.lab on the guest VPN.\n', 'mail.eml')).toEqual(['conf-03.kelpie-bio.lab']);
    expect(hosts('ServerName extranet.groupe-vauban.intra\n', 'site.conf')).toEqual(['extranet.groupe-vauban.intra']);
    const url = detect('index-url = https://pypi.kelpie-bio.lab/simple/\n', { file: 'pip.conf' });
    expect(url.map((f) => f.category)).toEqual(['URL']);
  });

  it('reports a machine a home router names under .home, and leaves settings named for a home folder', () => {
    expect(hosts('"hostname":"Dhruv-MacBook-Air.home","pid":4411\n', 'app.log')).toEqual(['Dhruv-MacBook-Air.home']);
    expect(hosts('ssh pi@octopi02.home\n', 'notes.md')).toEqual(['octopi02.home']);
    expect(detect('open http://printer.home/ to see the queue\n', { file: 'notes.md' }).map((f) => f.category)).toEqual(['URL']);
    expect(hosts('<localRepository>${user.home}/.m2/repository</localRepository>\n', 'settings.xml')).toEqual([]);
    expect(hosts('JAVA_OPTS="-Djava.home=/opt/jdk -Dgradle.user.home=/cache"\n', 'env.sh')).toEqual([]);
    expect(hosts('idp.signing.key= %{idp.home}/credentials/idp-signing.key\n', 'idp.properties')).toEqual([]);
  });

  it('leaves names under public or reserved top-level domains and code that ends in .lab', () => {
    expect(hosts('ssh deploy@build.acme.office\n', 'notes.md')).toEqual([]);
    expect(hosts('mail goes to relay.acme.test and api.acme.example\n', 'notes.md')).toEqual([]);
    expect(hosts('const l = convert.rgb.lab;\n', 'colors.js')).toEqual([]);
    expect(hosts('package vet.kelpie.lab;\n', 'Assay.java')).toEqual([]);
  });
});

describe('a request log line with an API version in its path', () => {
  it('reports the client address a request log prints beside a versioned path', () => {
    const line = 'I, [2025-02-11T09:14:02.101 #881]  INFO -- : [4c1d] Started GET "/api/v2/lessons?day=2025-02-12" for 10.44.7.12 at 2025-02-11 09:14:02 +0000\n';
    expect(hosts(line, 'log/production.log')).toEqual(['10.44.7.12']);
    expect(hosts('GET /v1/health from 192.168.20.31 200 3ms\n', 'access.log')).toEqual(['192.168.20.31']);
  });

  it('still leaves a dotted version that a version word names outside a path', () => {
    expect(hosts('Started app v2 release 10.4.1.7 at boot\n', 'log/production.log')).toEqual([]);
    expect(hosts('GET /release/notes for version 10.2.0.1\n', 'access.log')).toEqual([]);
  });
});
