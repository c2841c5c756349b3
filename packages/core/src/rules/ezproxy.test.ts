import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, with the rule that found each. */
function found(text: string, file: string): [string, string][] {
  return detect(text, { file }).map((f) => [f.rule, text.slice(f.start, f.end)]);
}
function values(text: string, file: string): string[] {
  return found(text, file).map(([, v]) => v);
}

describe("EZproxy's user.txt: the ticket block's shared secret", () => {
  it('reads the secret after the digest in a ::Ticket block', () => {
    const block = (digest: string, secret: string) => `::Ticket\nAcceptGroups Faculty+Staff\nTimeValid 15\n${digest} ${secret}\nExpired; Deny expired.htm\n/Ticket\n`;
    expect(found(block('MD5', 'Lq3Vz8Nw2Kt6Rp9Xm4Hc7Bd5'), 'ezproxy/user.txt')).toEqual([['ezproxy-ticket-secret', 'Lq3Vz8Nw2Kt6Rp9Xm4Hc7Bd5']]);
    expect(values(block('SHA256', 'Marigold-77!Ticket'), 'user.txt')).toEqual(['Marigold-77!Ticket']);
    expect(values(block('sha1', 'Tz5Wq1Nv8Kp3Lr6Xm2Jc'), 'ezproxy.usr')).toEqual(['Tz5Wq1Nv8Kp3Lr6Xm2Jc']);
  });
  it("leaves the documentation's stand-in, a digest line outside the block, and the block's other lines", () => {
    expect(values('::Ticket\nTimeValid 10\nMD5 somekey\nExpired; Deny expired.html\n/Ticket\n', 'user.txt')).toEqual([]);
    expect(values('::Ticket\nTimeValid 10\n/Ticket\n\nMD5 Lq3Vz8Nw2Kt6Rp9Xm4Hc7Bd5\n', 'user.txt')).toEqual([]);
    expect(values('::Ticket\nTimeValid 10\n::CGI=https://login.example.edu/ezproxy\nMD5 Lq3Vz8Nw2Kt6Rp9Xm4Hc7Bd5\n', 'user.txt')).toEqual([]);
    expect(values('# ::Ticket below\nMD5 Lq3Vz8Nw2Kt6Rp9Xm4Hc7Bd5\n', 'user.txt')).toEqual([]);
    expect(values('checksums (MD5 of each file)\nMD5 d41d8cd98f00b204e9800998ecf8427e  a.iso\n', 'README.txt')).toEqual([]);
  });
});

describe('PascalCase password directives in a file of such directives, whatever its name', () => {
  it("reads EZproxy's LDAP and SIP blocks and an .htaccess's LDAP bind", () => {
    const ldap = '::LDAP\nBindUser CN=proxy-svc,OU=Apps,DC=lib,DC=example\nBindPassword Wren7!Harbor-Gate\nURL ldaps://ldap.example.edu/DC=lib?uid\n/LDAP\n';
    expect(values(ldap, 'ezproxy/config.txt')).toEqual(['Wren7!Harbor-Gate']);
    const sip = '::SIP\nHost sip.example.edu:6001\nSIPLoginUser circ\nSIPLoginPassword Pm4Tq8Vz2Lw6\n/SIP\n';
    expect(values(sip, 'user.txt')).toEqual(['Pm4Tq8Vz2Lw6']);
    const htaccess = 'AuthType Basic\nAuthBasicProvider ldap\nAuthLDAPBindDN "cn=reader,dc=example,dc=org"\nAuthLDAPBindPassword Qx8-Willow.Lantern3\nRequire valid-user\n';
    expect(values(htaccess, 'public/.htaccess')).toEqual(['Qx8-Willow.Lantern3']);
  });
  it('leaves a directive alone on its line, prose, a word after it, and the fields of a struct in code', () => {
    expect(values('Some notes\nBindPassword Wren7!Harbor-Gate\n\nmore notes\n', 'notes.txt')).toEqual([]);
    expect(values('Reset it\nBindPassword Wren7!Harbor-Gate\nSee the wiki\n', 'notes.txt')).toEqual([]);
    expect(values('::LDAP\nBindUser CN=proxy-svc,OU=Apps\nBindPassword is kept in the vault\n/LDAP\n', 'config.txt')).toEqual([]);
    expect(values('type LDAP struct {\n\tBindUser string\n\tBindPassword Wren7Harbor\n}\n', 'ldap.go')).toEqual([]);
    expect(values('::LDAP\nBindUser CN=proxy-svc,OU=Apps\n  # BindPassword Wren7!Harbor-Gate\n/LDAP\n', 'config.txt')).toEqual([]);
  });
});

describe('lines of accounts under a comment that declares their format', () => {
  it("reads the password field of EZproxy's user.txt and of other declared formats", () => {
    const usr = '# local accounts\n# format: user:password:groups\nreading-room:Tulip-42!Quartz:Default+Reading\nscanner:Vk7Rw2Nq9Lp4Xt6M\n::Common\nIfUnauthenticated; Deny unauth.htm\n';
    expect(found(usr, 'ezproxy/user.txt')).toEqual([
      ['declared-format-password', 'Tulip-42!Quartz'],
      ['declared-format-password', 'Vk7Rw2Nq9Lp4Xt6M'],
    ]);
    expect(values('; Syntax: <login>:<password>\n\nbackup:Heron.Slate-58\n', 'accounts.lst')).toEqual(['Heron.Slate-58']);
    expect(values('# hostname:port:database:username:password\ndb1.example.com:5432:orders:app:Pq8!Vessel-Rain\n', 'pg-accounts.txt')).toContain('Pq8!Vessel-Rain');
  });
  it('leaves formats that declare no password or no account, stand-ins, the comment itself, and lines of another shape', () => {
    expect(values('# format: group_name:password:GID:user_list\nops:Tulip-42!Quartz:1001:ana,bo\n', 'group.txt')).toEqual([]);
    expect(values('# format: host:port:db\ndb1.example.com:5432:orders\n', 'targets.txt')).toEqual([]);
    expect(values('# format: user:password:groups\nkiosk:<password>:WalkIn\nstaff:$STAFF_PASSWORD\n', 'user.txt')).toEqual([]);
    expect(values('# format: user:password:groups\n', 'user.txt')).toEqual([]);
    expect(values('# format: user:password\nrun the importer with the account below\nscanner:Vk7Rw2Nq9Lp4Xt6M\n', 'user.txt')).toEqual([]);
    expect(values('# format: user:password\nscanner:Vk7Rw2Nq9Lp4Xt6M:extra:fields\n', 'user.txt')).toEqual([]);
    expect(values('Log in as scanner:Vk7Rw2Nq9Lp4Xt6M # format: user:password\n', 'notes.txt')).toEqual([]);
  });
});
