import { isIP } from 'node:net';
import type { DestinationStream } from 'pino';
import { Keyring } from './crypto/keyring.js';
import type { Kek } from './crypto/envelope.js';
import { openDatabase, type CloudDatabase } from './db/database.js';
import { sweepRetention } from './maintenance.js';
import { createCloudServer, type CloudServer } from './server/app.js';

export interface CloudServiceOptions {
  host: string;
  port: number;
  dataDir?: string;
  databaseUrl?: string;
  kek: Kek;
  /** Older KEKs still accepted for unwrapping (during a rotation). */
  previousKeks?: Kek[];
  signerKey: string;
  tls?: { cert: Buffer; key: Buffer };
  insecureHttp?: boolean;
  log?: false | { level?: string; stream?: DestinationStream };
  /** How often expired audit payloads are removed (default hourly). */
  retentionIntervalMs?: number;
}

export interface RunningCloudService {
  url: string;
  server: CloudServer;
  database: CloudDatabase;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/** Refuses to serve plain HTTP beyond loopback unless the operator says so explicitly. */
export function assertSafeBind(host: string, tls: boolean, insecureHttp: boolean): void {
  if (!tls && !isLoopback(host) && !insecureHttp) {
    throw new Error(
      `refusing to serve plain HTTP on ${host}: pass --tls-cert and --tls-key (TLS 1.3), or --insecure-http when a TLS proxy sits in front`,
    );
  }
}

/** Opens the database, starts the API server and the retention sweep. */
export async function startCloudService(options: CloudServiceOptions): Promise<RunningCloudService> {
  assertSafeBind(options.host, Boolean(options.tls), Boolean(options.insecureHttp));
  const database = await openDatabase(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir! });
  const keyring = new Keyring({ current: options.kek, previous: options.previousKeks ?? [] });
  let server: CloudServer;
  try {
    server = await createCloudServer({
      database,
      keyring,
      signerKey: options.signerKey,
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.log !== undefined ? { log: options.log } : {}),
    });
    await server.app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await database.close();
    throw error;
  }
  const sweep = () => {
    sweepRetention(database.db).catch((error: Error) => server.app.log.error({ err: { type: error.name } }, 'retention sweep failed'));
  };
  sweep();
  const timer = setInterval(sweep, options.retentionIntervalMs ?? 3_600_000);
  timer.unref();
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    server,
    database,
    async close() {
      clearInterval(timer);
      await server.app.close();
      await database.close();
    },
  };
}
