import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('Java EE application server secrets', () => {
  it("reports Elytron's clear-text credential references, and leaves references to a store", () => {
    const xml = [
      '<credential-stores>',
      '  <credential-store name="appCS" location="cs/app.cs" create="true">',
      '    <credential-reference clear-text="Pn5%wQz8Lk2Vt"/>',
      '  </credential-store>',
      '</credential-stores>',
      '<key-store name="tlsKS">',
      '  <credential-reference store="appCS" alias="tls-ks"/>',
      '  <credential-reference clear-text="${env.TLS_KS_PASSWORD}"/>',
      '</key-store>',
    ].join('\n');
    expect(found(xml, 'configuration/standalone.xml', 'elytron-credential-reference')).toEqual(['Pn5%wQz8Lk2Vt']);
  });
  it("reports the clear text the management CLI gives a credential reference, quoted or bare, and leaves a store's alias", () => {
    const cli = [
      'batch',
      '/subsystem=elytron/key-store=tlsKS:add(path=tls.jks, relative-to=jboss.server.config.dir, credential-reference={clear-text="Tv4-mPq9Lz2w"}, type=JKS)',
      '/subsystem=elytron/credential-store=appCS:add(location=cs/app.cs, credential-reference={clear-text=Wk7!rNs3Hb8x}, create=true)',
      '/subsystem=datasources/data-source=OrdersDS:write-attribute(name=credential-reference, value={clear-text="Jd5#qVz1Mc6p"})',
      '/subsystem=datasources/data-source=AuditDS:add(jndi-name=java:/AuditDS, credential-reference={store=appCS, alias=audit-ds})',
      '/subsystem=elytron/key-store=trustKS:add(path=trust.jks, credential-reference={clear-text=${env.TRUST_KS_PASSWORD}})',
      'run-batch',
    ].join('\n');
    expect(found(cli, 'configure-tls.cli', 'elytron-credential-reference')).toEqual(['Tv4-mPq9Lz2w', 'Wk7!rNs3Hb8x', 'Jd5#qVz1Mc6p']);
  });
  it("reports a Tomcat server's own shutdown command, not the default", () => {
    expect(found('<?xml version="1.0"?>\n<Server port="8005"\n        shutdown="r8Kq2mVx7LpT4zWn">\n', 'conf/server.xml', 'tomcat-shutdown-command')).toEqual(['r8Kq2mVx7LpT4zWn']);
    expect(found('<Server port="8005" shutdown="SHUTDOWN">\n', 'conf/server.xml', 'tomcat-shutdown-command')).toEqual([]);
  });
  it("reports the password of WLST's connect, and leaves variables and other connect calls", () => {
    const py = "adminUrl = 't3://admin.example.net:7001'\nconnect('weblogic', 'Vq3$mTz8Lw1p', adminUrl)\nconnect(user, pw, adminUrl)\nsock.connect('gw.example.net', 'Kd7!rWq4Nx2b', 9)\n";
    expect(found(py, 'wlst/deploy.py', 'wlst-connect-password')).toEqual(['Vq3$mTz8Lw1p']);
    expect(found("connect('weblogic', 'Hs4!kPz9Wq2n', 't3s://wls.example.net:7002')", 'a.py', 'wlst-connect-password')).toEqual(['Hs4!kPz9Wq2n']);
  });
});

describe("a servlet deployment descriptor's parameters", () => {
  const param = (kind: string, name: string, value: string) => `  <${kind}>\n    <param-name>${name}</param-name>\n    <param-value>${value}</param-value>\n  </${kind}>\n`;

  it('reports the value of a context or init parameter whose name is a secret', () => {
    const xml = '<web-app>\n' + param('context-param', 'captcha.secretKey', '6Lc9vX2aAAAAAHq8mTz4Lw7pRk2NdBy5cJs0Wf3E') + param('init-param', 'ldap.bindPassword', 'Fjord!Wren-2291') + '</web-app>\n';
    expect(found(xml, 'WEB-INF/web.xml', 'xml-credential')).toEqual(['6Lc9vX2aAAAAAHq8mTz4Lw7pRk2NdBy5cJs0Wf3E', 'Fjord!Wren-2291']);
  });
  it('leaves a public site key, a template path and a parameter named for no secret', () => {
    const xml =
      '<web-app>\n' +
      param('context-param', 'captcha.siteKey', '6Lc9vX2aAAAAABn3qWz7Ty1kPm8RcVd4xHs2Lf6G') +
      param('init-param', 'passwordResetTemplate', '/WEB-INF/templates/reset.ftl') +
      param('context-param', 'upload.maxSize', '10485760') +
      '</web-app>\n';
    expect(found(xml, 'WEB-INF/web.xml')).toEqual([]);
  });
});
