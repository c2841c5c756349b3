import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createOrg, startTestCloud, type TestCloud, type TestOrg } from '../test-support/cloud-harness.js';
import { openApiPath } from './openapi.js';

describe('OpenAPI document', () => {
  let cloud: TestCloud;
  let org: TestOrg;
  beforeAll(async () => {
    cloud = await startTestCloud('pglite');
    org = await createOrg(cloud);
  });
  afterAll(async () => cloud?.close());

  it('lists exactly the routes the server registered, and nothing else', async () => {
    const res = await call(cloud, org.owner, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = cloud.server.registered
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${openApiPath(r.url)}`)
      .sort();
    expect(documented).toEqual(served);
    expect(served).toContain('POST /api/v1/events');
  });

  it('documents the permission, request body and success response of every operation', async () => {
    const doc = (await call(cloud, org.owner, 'GET', '/api/openapi.json')).json();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const label = `${method} ${path}`;
        expect(op.summary, label).toBeTruthy();
        const success = Object.keys(op.responses).filter((c) => c.startsWith('2'));
        expect(success.length, label).toBe(1);
        if (path !== '/healthz' && !path.endsWith('/auth/login') && !path.endsWith('/invitations/accept')) {
          expect(op['x-takumo-permission'], label).toBeTruthy();
          expect(op.responses['401'], label).toBeTruthy();
        }
        if (['post', 'put', 'patch'].includes(method) && !path.endsWith('/logout')) expect(op.requestBody, label).toBeTruthy();
      }
    }
    const events = doc.paths['/api/v1/events'].post;
    expect(Object.keys(events.requestBody.content['application/json'].schema.properties).sort()).toEqual(['agentId', 'events']);
  });
});
