import { describe, expect, it } from 'vitest';
import { compileDetector } from '../detector.js';
import { createDetector } from '../index.js';
import { templateDefaultRules } from './template-defaults.js';

const alone = compileDetector(templateDefaultRules);
const everything = createDetector();
const found = (text: string, file: string): string[] => alone.detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('literals a template falls back to (blind set 57)', () => {
  it("reads a Helm Secret's default in the prefix and the pipe form, under the key it renders", () => {
    const chart = [
      'apiVersion: v1',
      'kind: Secret',
      'data:',
      '  db-password: {{ .Values.db.password | b64enc | quote }}',
      '  session-key: {{ default "f3a91c07d2e84b5f6a1c9e2d7b40835e6c1f" .Values.sessionKey | b64enc | quote }}',
      '  {{- /* a comment between the entries */}}',
      '  relay-token: {{ .Values.relay.token | default "Vx7Lq2Rm9Tk4Wz8Np3Hb" | b64enc | quote }}',
      '',
    ].join('\n');
    expect(found(chart, 'charts/api/templates/secret.yaml')).toEqual(['f3a91c07d2e84b5f6a1c9e2d7b40835e6c1f', 'Vx7Lq2Rm9Tk4Wz8Np3Hb']);
    expect(everything.detect(chart, { file: 'charts/api/templates/secret.yaml' }).map((f) => chart.slice(f.start, f.end))).toContain('f3a91c07d2e84b5f6a1c9e2d7b40835e6c1f');
  });

  it("reads Jinja's default under the value's own name when the rendered key says nothing", () => {
    const conf = "[ldap]\nbind = {{ ldap_bind_password | default('Marsh-Wren.418') }}\nhost = {{ ldap_host | default('ldap01.corp.example') }}\n";
    expect(found(conf, 'roles/sssd/templates/sssd.conf.j2')).toEqual(['Marsh-Wren.418']);
    const env = "API_TOKEN={{ lookup('env', 'PARTNER_API_TOKEN') | default('Gq5Tz8Vn3Lw7Kx2Rb9Mc', true) }}\n";
    expect(found(env, 'roles/app/templates/app.env.j2')).toEqual(['Gq5Tz8Vn3Lw7Kx2Rb9Mc']);
  });

  it('leaves empty and stand-in defaults, defaults that are not literals, and defaults under names that are not secrets', () => {
    const chart = [
      '  password: {{ .Values.password | default "" | b64enc }}',
      '  password: {{ .Values.password | default "changeme" | b64enc }}',
      '  password: {{ .Values.password | default (randAlphaNum 24) | b64enc }}',
      '  token: {{ .Values.token | default .Values.global.token }}',
      '  image: {{ .Values.image.tag | default "v2.7.1-Hq4Wm8Zt" }}',
      '  replicas: {{ default "3" .Values.replicas }}',
      '',
    ].join('\n');
    expect(found(chart, 'charts/api/templates/deploy.yaml')).toEqual([]);
  });

  it("leaves the name of an existing Secret and the key inside it, which a chart's settings give as defaults", () => {
    const chart = [
      '  secretName: {{ .Values.auth.existingSecret | default "orders-db-credentials" }}',
      '  existingSecretPasswordKey: {{ .Values.auth.passwordKey | default "redis-password" }}',
      '',
    ].join('\n');
    expect(found(chart, 'charts/api/templates/deploy.yaml')).toEqual([]);
  });

  it('reads a default only inside a template opened on its line', () => {
    expect(found('password fallback: | default "Marsh-Wren.418" (see the chart)\n', 'notes.md')).toEqual([]);
    expect(found('password: {{ .Values.password }} | default "Marsh-Wren.418"\n', 'notes.md')).toEqual([]);
  });
});
