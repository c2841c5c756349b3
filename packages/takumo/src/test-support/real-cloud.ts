import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  Keyring,
  bootstrapOrganisation,
  generateSignerKey,
  kekFromBytes,
  startCloudService,
  type RunningCloudService,
} from '@takumo/cloud';
import { expect } from 'vitest';

/** The scopes the agent's token gets: everything `takumo` itself calls on the cloud. */
export const AGENT_TOKEN_SCOPES = ['org:read', 'events:write', 'policy:read', 'audit:read', 'audit:export', 'telemetry:write'];

export interface RealCloudOptions {
  /** Names the temporary directory, the owner's email domain, the signing key's origin and the token. */
  label: string;
  orgName: string;
  ownerName: string;
  logLevel: 'info' | 'debug';
}

export interface RealCloud {
  service: RunningCloudService;
  /** Where the embedded database keeps its files; the caller removes it. */
  dataDir: string;
  /** The key-encryption key the service runs with (a restart over the same data needs it). */
  kek: ReturnType<typeof kekFromBytes>;
  orgId: string;
  /** An API token of the organisation with AGENT_TOKEN_SCOPES, as `takumo login` takes it. */
  agentToken: string;
  /** Every line the server logged, in order. */
  serverLog: string[];
}

/**
 * Starts the real Takumo Cloud (embedded database in a new temporary directory, real HTTP on
 * 127.0.0.1), creates one organisation with its owner, and has the owner create an API token
 * for the agent through the HTTP API, exactly as a person would in the dashboard.
 */
export async function startRealCloud(options: RealCloudOptions): Promise<RealCloud> {
  const { label } = options;
  const dataDir = mkdtempSync(join(tmpdir(), `takumo-${label}-db-`));
  const kek = kekFromBytes(randomBytes(32));
  const serverLog: string[] = [];
  let service: RunningCloudService;
  try {
    service = await startCloudService({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      kek,
      signerKey: generateSignerKey(`takumo-${label}.example`).signerKey,
      log: {
        level: options.logLevel,
        stream: new Writable({
          write(chunk, _enc, done) {
            serverLog.push(chunk.toString());
            done();
          },
        }),
      },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  try {
    const email = `owner@${label}.example`;
    const password = `correct horse ${randomBytes(4).toString('hex')}`;
    const { orgId } = await bootstrapOrganisation(service.database.db, new Keyring({ current: kek }), {
      orgName: options.orgName,
      plan: 'pro',
      email,
      ownerName: options.ownerName,
      password,
    });
    const loginRes = await fetch(`${service.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(loginRes.status).toBe(200);
    const cookie = loginRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await loginRes.json()) as { csrfToken: string };
    const tokenRes = await fetch(`${service.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: `${label} agent`, scopes: AGENT_TOKEN_SCOPES }),
    });
    expect(tokenRes.status).toBe(201);
    const { token: agentToken } = (await tokenRes.json()) as { token: string };
    return { service, dataDir, kek, orgId, agentToken, serverLog };
  } catch (error) {
    // The caller never gets a handle to clean up, so nothing may outlive a failed set-up.
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
