import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a user:secret pair under a user-info name', () => {
  it("reports the secret half only: the user half is an account name or an API key's public id", () => {
    expect(values('basic.auth.user.info=Q7RZK2MB4XW9HN3C:Lw8rT2vB+qX5mZ9pK3sN7yD1fH6jG4cV0bA8eU2iO5tR7wQ1\n', 'consumer.properties')).toEqual([
      'Lw8rT2vB+qX5mZ9pK3sN7yD1fH6jG4cV0bA8eU2iO5tR7wQ1',
    ]);
    expect(values('props.put("schema.registry.basic.auth.user.info", "reporting-svc:Gq4!mZt7Rv2Lp9");', 'Registry.java')).toEqual(['Gq4!mZt7Rv2Lp9']);
  });

  it('keeps a value without a colon whole, and reports nothing for a pair whose secret is a reference', () => {
    expect(values('basic.auth.user.info=Tk3Lm9Qz2Rv7Xw4Bn8Pc\n', 'consumer.properties')).toEqual(['Tk3Lm9Qz2Rv7Xw4Bn8Pc']);
    expect(values('basic.auth.user.info=registry-reader:${REGISTRY_SECRET}\n', 'consumer.properties')).toEqual([]);
  });
});

describe('a provider key under a name that says public', () => {
  it('is not reported, while the same shape under a secret name is', () => {
    const hex64 = '3f9a1c7e5b2d8f4a6c0e9b3d7f1a5c8e2b6d0f4a9c3e7b1d5f8a2c6e0b4d9f37';
    expect(values(`DISCORD_PUBLIC_KEY=${hex64}\n`, 'bot.env')).toEqual([]);
    expect(values(`discord:\n  public_key: "${hex64}"\n`, 'config.yml')).toEqual([]);
    expect(values(`DISCORD_API_KEY=${hex64}\n`, 'bot.env')).toEqual([hex64]);
  });
});

describe('JWTs written to show the format', () => {
  const signedForApp = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTQ4MjEiLCJhdWQiOiJleGFtcGxlLWFwcCJ9.Qm9vN3pLcTJ4V1lyOHRWbUM1ZUh1Tm9BcDRkRw';
  const placeholderSubject = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwbGFjZWhvbGRlciIsImlhdCI6MTcwMDAwMDAwMH0.Qm9vN3pLcTJ4V1lyOHRWbUM1ZUh1Tm9BcDRkRw';
  const unsignedAdmin = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdmMtcmVwb3J0cyIsInJvbGUiOiJhZG1pbiJ9.';

  it('skips a token whose claim is a stand-in word ({"sub":"placeholder"})', () => {
    expect(values(`const DOC_TOKEN = '${placeholderSubject}';`, 'docs.ts')).toEqual([]);
  });

  it('still reports a token with a real subject, signed or unsigned (a verifier that accepts alg none honours it)', () => {
    expect(values(`const t = '${signedForApp}';`, 'client.ts')).toEqual([signedForApp]);
    expect(values(`const t = '${unsignedAdmin}';`, 'client.ts')).toEqual([unsignedAdmin]);
  });

  it("skips an unsigned token in a test suite, whatever names it: a forgery the test expects rejected, or a mocked server's login", () => {
    const forged = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJyZWFkZXItNDIiLCJwbGFuIjoiZGlnaXRhbCJ9.';
    expect(values(`const forged = "${forged}";\nexpect(() => verify(forged)).toThrow();`, 'test/entitlements.test.ts')).toEqual([]);
    expect(values(`private static final String TEST_TOKEN = "${unsignedAdmin}";`, 'src/test/java/a/ClientTest.java')).toEqual([]);
    // A signed token there may be a real one pasted in; an unsigned one outside tests may be sent (`X-API-KEY: …`).
    expect(values(`const t = '${signedForApp}';`, 'test/client.test.ts')).toEqual([signedForApp]);
    expect(values(`headers = {'X-API-KEY': '${forged}'}`, 'scripts/call.py')).toEqual([forged]);
  });
});

describe('a note in square brackets where the value goes', () => {
  it('is no password, while a bracketed value with the marks of a password still is', () => {
    expect(values('<add key="RelayPassword" value="[filled-by-octopus]" />', 'App.config')).toEqual([]);
    expect(values('smtp.password=[NOT PROVIDED]\n', 'mail.properties')).toEqual([]);
    expect(values('<add key="RelayPassword" value="[Qz7-Lm!94]" />', 'App.config')).toEqual(['[Qz7-Lm!94]']);
  });
});

describe('base64 of a word label under a bare salt or seed', () => {
  it('is a label, while random bytes there, or the same encoding under a password name, are secrets', () => {
    expect(values('TENANT_SALT = "YWNtZS1iaWxsaW5nLXByb2Q="\n', 'settings.py')).toEqual([]);
    expect(values('TENANT_SALT = "q7Vx2LmR9tKp4WzN8bYc3Q=="\n', 'settings.py')).toEqual(['q7Vx2LmR9tKp4WzN8bYc3Q==']);
    expect(values('ADMIN_PASSWORD = "YWNtZS1iaWxsaW5nLXByb2Q="\n', 'settings.py')).toEqual(['YWNtZS1iaWxsaW5nLXByb2Q=']);
  });
});

describe("a provider's key given to its SDK client by position", () => {
  it('reads the first argument of a client-building call on the provider name, stepping over a base URL', () => {
    expect(values("const mail = new postmark.ServerClient('5d2c8e41-7a3b-4f09-9e6d-1b8a4c7f3e20');", 'mail.js')).toEqual(['5d2c8e41-7a3b-4f09-9e6d-1b8a4c7f3e20']);
    expect(values("  datadog.init('4f0c9a7e2b5d8f1a3c6e9b0d2f5a8c1e', { site: 'datadoghq.eu' });", 'metrics.ts')).toEqual(['4f0c9a7e2b5d8f1a3c6e9b0d2f5a8c1e']);
  });

  it("reads Ruby's Provider::Client.new('…') and Go's provider.NewProvider(domain, '…')", () => {
    const key = '7c2e9a4f1b8d3e6a0c5f9b2d4e7a1c3f-3b9d7e1a-5c2f8a4e';
    expect(values(`mg = Mailgun::Client.new('${key}', 'api.eu.mailgun.net')`, 'mailer.rb')).toEqual([key]);
    expect(values(`mg := mailgun.NewMailgun("mg.tidewater.io", "${key}")`, 'mailer.go')).toEqual([key]);
    // A first argument that is neither a URL nor a domain is not stepped over: only the key's own shape, on a line
    // that names Mailgun, is reported.
    expect(detect(`mg := mailgun.NewMailgun(region, "${key}")`, { file: 'mailer.go' }).map((f) => f.rule)).toEqual(['mailgun-api-key-on-line']);
  });

  it('does not read an ordinary method argument, nor a call under a rule whose name must say secret', () => {
    expect(values("const tpl = await postmark.getTemplate('5d2c8e41-7a3b-4f09-9e6d-1b8a4c7f3e20');", 'mail.js')).toEqual([]);
    // A PayPal client id has the secret's shape; only a name that says secret vouches for the value.
    expect(values('const env = paypal.configure("AZq7LmR2xT9vB4nK8pW3cY6dF1hJ5sG0eU2iO7tR9wQ4mX8zL3vN6bC1kP5yH2jA0fD7gS4qE9rT");', 'pay.js')).toEqual([]);
  });
});

describe("a PayPal app's secret given to a Checkout SDK environment", () => {
  const id = 'AVw3kQ9zT2mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks';
  const secret = 'EFq8Lm2Zt5Rw9Xk3Np7Vb1Hc4Jd6Gy0Sa2Ue8Wi5Oq3Tl7Mz9Ak1Bn4Cv6Dx8Fy2Gh5Jk0Lp3Qr';

  it('reports the second argument, the secret, and not the public client id before it', () => {
    expect(values(`PayPalEnvironment env = new PayPalEnvironment.Sandbox(\n        "${id}",\n        "${secret}");`, 'PayPalConfig.java')).toEqual([secret]);
    expect(values(`environment = LiveEnvironment(client_id="${id}", client_secret="${secret}")`, 'pay.py')).toContain(secret);
  });
});

describe("ASP.NET's machine key kept under a name of its part", () => {
  const hex128 = '9F3A61C0D47B28E5A9C3F1072B6E4D8A05C7E93B1F2D6A48E0B9C5734D1A8F2E6C0B3D9A7E5F1482C6A0D3B9E7F5124A8C6E0B2D4F9A3C7E1B5D08F6A2C4E9B3';
  it('reports the key, whether the name puts the part first or last', () => {
    expect(values(`<add key="MachineKeyValidation" value="${hex128}" />`, 'Web.config')).toEqual([hex128]);
    expect(values(`MACHINE_KEY_DECRYPTION=${hex128.slice(0, 64)}\n`, 'deploy.env')).toEqual([hex128.slice(0, 64)]);
  });

  it('leaves a machine key setting that names no key material alone', () => {
    expect(values('<add key="MachineKeyValidation" value="HMACSHA256" />', 'Web.config')).toEqual([]);
  });
});

describe("a Datadog API key in a log appender's layout pattern", () => {
  const key = '5be2d09f7c31a8e64f0b9d2c7a15e83f';
  const appender = (name: string, destination: string, pattern: string): string =>
    `<configuration>\n  <appender name="${name}" class="net.logstash.logback.appender.LogstashTcpSocketAppender">\n    <destination>${destination}</destination>\n    <encoder class="net.logstash.logback.encoder.LogstashEncoder">\n      <prefix class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">\n        <layout class="ch.qos.logback.classic.PatternLayout"><pattern>${pattern}</pattern></layout>\n      </prefix>\n    </encoder>\n  </appender>\n</configuration>\n`;

  it('reports the key that prefixes every line sent to the Datadog intake', () => {
    expect(values(appender('INTAKE', 'tcp-intake.logs.datadoghq.com:443', `${key} %mdc{none}`), 'logback.xml')).toEqual([key]);
  });

  it('leaves a hex run in a pattern of an appender that does not ship to Datadog alone', () => {
    expect(values(appender('ELK', 'logstash.ops.example.com:5000', `${key} %msg%n`), 'logback.xml')).toEqual([]);
    expect(values(`<appender name="DATADOG"><destination>intake.logs.datadoghq.com:10516</destination></appender>\n<appender name="FILE"><encoder><pattern>${key} %msg%n</pattern></encoder></appender>`, 'logback.xml')).toEqual([]);
  });
});
