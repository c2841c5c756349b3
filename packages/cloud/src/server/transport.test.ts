import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSafeBind } from '../service.js';
import { call, createOrg, startTestCloud, type TestCloud, type TestOrg } from '../test-support/cloud-harness.js';
import { createCloudServer, type CloudServer } from './app.js';

describe('transport security', () => {
  let cloud: TestCloud;
  let org: TestOrg;
  let tlsServer: CloudServer;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    cloud = await startTestCloud('pglite');
    org = await createOrg(cloud);
    dir = mkdtempSync(join(tmpdir(), 'takumo-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    tlsServer = await createCloudServer({
      database: cloud.database,
      keyring: cloud.keyring,
      signerKey: cloud.signer.signerKey,
      log: false,
      tls: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) },
      rateLimitScale: 1000,
    });
    await tlsServer.app.listen({ host: '127.0.0.1', port: 0 });
    port = (tlsServer.app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await tlsServer?.app.close();
    await cloud?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function handshake(maxVersion: 'TLSv1.2' | 'TLSv1.3'): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, ca: readFileSync(join(dir, 'cert.pem')), maxVersion, servername: 'localhost' }, () => {
        const version = socket.getProtocol() ?? '';
        socket.end();
        resolve(version);
      });
      socket.on('error', reject);
    });
  }

  it('speaks TLS 1.3 and refuses a TLS 1.2 client', async () => {
    expect(await handshake('TLSv1.3')).toBe('TLSv1.3');
    await expect(handshake('TLSv1.2')).rejects.toThrow(/protocol version|alert/i);
  });

  it('sends HSTS, CSP and nosniff under TLS, and Secure session cookies', async () => {
    const res = await new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const body = JSON.stringify({ email: org.owner.email, password: org.owner.password });
      const req = request(
        { host: '127.0.0.1', port, path: '/api/v1/auth/login', method: 'POST', ca: readFileSync(join(dir, 'cert.pem')), headers: { 'content-type': 'application/json' } },
        (r) => {
          let text = '';
          r.on('data', (d) => (text += d));
          r.on('end', () => resolve({ headers: r.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=31536000/);
    expect(String(res.headers['content-security-policy'])).toMatch(/default-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
  });

  it('refuses plain HTTP on a non-loopback address unless --insecure-http', () => {
    expect(() => assertSafeBind('0.0.0.0', false, false)).toThrow(/--tls-cert/);
    expect(() => assertSafeBind('192.168.1.10', false, false)).toThrow();
    expect(() => assertSafeBind('0.0.0.0', false, true)).not.toThrow();
    expect(() => assertSafeBind('0.0.0.0', true, false)).not.toThrow();
    expect(() => assertSafeBind('127.0.0.1', false, false)).not.toThrow();
    expect(() => assertSafeBind('::1', false, false)).not.toThrow();
  });

  it('limits request bodies and rate-limits login across attempts', async () => {
    const big = await call(cloud, org.owner, 'PUT', '/api/v1/policy', { policy: { internalDomains: ['x'.repeat(2 * 1024 * 1024)] } });
    expect(big.statusCode).toBe(413);
    cloud.server.services.rateLimitScale = 1;
    try {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        codes.push((await call(cloud, undefined, 'POST', '/api/v1/auth/login', { email: 'flood@example.test', password: 'guess number ' + i })).statusCode);
      }
      // Earlier logins from this address count too: at most 10 per minute get an answer.
      expect(codes[0]).toBe(401);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
      expect(codes.slice(-2)).toEqual([429, 429]);
      expect(new Set(codes)).toEqual(new Set([401, 429]));
    } finally {
      cloud.server.services.rateLimitScale = 1000;
    }
  });
});
