import { randomUUID } from 'node:crypto';
import { UsageError } from '../cli-context.js';
import { homeFile, readStateFile, removeStateFile, writeStateFile } from './home.js';

/**
 * What `takumo login` stores in TAKUMO_HOME/credentials.json (mode 0600): the cloud URL,
 * the API token, and what /api/v1/me said about the organisation at login time.
 * `TAKUMO_CLOUD_URL` + `TAKUMO_CLOUD_TOKEN` in the environment take precedence (for CI).
 */
export interface Credentials {
  cloud: string;
  token: string;
  org?: { id: string; name: string; plan: string; zdr: boolean };
  role?: string;
  savedAt: string;
}

export const CREDENTIALS_FILE = 'credentials.json';
const AGENT_FILE = 'agent.json';

export function loadCredentials(env: NodeJS.ProcessEnv): Credentials | undefined {
  const fromEnv = env.TAKUMO_CLOUD_URL?.trim();
  const tokenFromEnv = env.TAKUMO_CLOUD_TOKEN?.trim();
  if (fromEnv && tokenFromEnv) return { cloud: normaliseCloudUrl(fromEnv), token: tokenFromEnv, savedAt: 'environment' };
  const stored = readStateFile<Partial<Credentials>>(homeFile(env, CREDENTIALS_FILE));
  if (!stored) return undefined;
  if (typeof stored.cloud !== 'string' || typeof stored.token !== 'string') {
    throw new UsageError(`${homeFile(env, CREDENTIALS_FILE)} is incomplete; run \`takumo login --cloud URL\` again`);
  }
  return stored as Credentials;
}

export function saveCredentials(env: NodeJS.ProcessEnv, credentials: Credentials): string {
  const path = homeFile(env, CREDENTIALS_FILE);
  writeStateFile(path, credentials);
  return path;
}

export function deleteCredentials(env: NodeJS.ProcessEnv): boolean {
  return removeStateFile(homeFile(env, CREDENTIALS_FILE));
}

/**
 * Credentials for a command that takes `--cloud URL`: the stored token is used only if it
 * was issued for that same cloud (a token is never sent to another server).
 */
export function credentialsFor(env: NodeJS.ProcessEnv, cloudFlag: string | undefined): Credentials {
  const stored = loadCredentials(env);
  if (cloudFlag === undefined) {
    if (!stored) throw new UsageError('no cloud configured: run `takumo login --cloud URL` first');
    return stored;
  }
  const wanted = normaliseCloudUrl(cloudFlag);
  if (!stored || stored.cloud !== wanted) {
    throw new UsageError(`not logged in to ${wanted}: run \`takumo login --cloud ${wanted}\` first`);
  }
  return stored;
}

/**
 * Validates a cloud URL: http(s), no credentials in it, and plain http only on loopback
 * (an API token must not cross a network in clear). Returns it without trailing slashes.
 */
export function normaliseCloudUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError('the cloud URL is not a valid URL (expected https://host[:port])');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('the cloud URL must start with https://');
  if (url.username || url.password) throw new UsageError('the cloud URL must not contain a user name or password');
  if (url.search || url.hash) throw new UsageError('the cloud URL must not contain a query or fragment');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError('plain http:// is only allowed for a cloud on this machine (127.0.0.1, ::1, localhost); use https://');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A random id for this installation of the agent (not derived from the machine, the user or
 * anything else), so the cloud can tell agents apart without learning who they are.
 */
export function agentId(env: NodeJS.ProcessEnv): string {
  const path = homeFile(env, AGENT_FILE);
  const stored = readStateFile<{ agentId?: string }>(path);
  if (stored?.agentId && /^[0-9a-f-]{36}$/.test(stored.agentId)) return stored.agentId;
  const id = randomUUID();
  writeStateFile(path, { agentId: id });
  return id;
}
