import fastifyCookie from '@fastify/cookie';
import '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { verifierKeyFromSignerKey } from '../audit/checkpoint.js';
import type { CloudDatabase } from '../db/database.js';
import type { Keyring } from '../crypto/keyring.js';
import { authenticate } from './authenticate.js';
import { CloudError, forbidden, invalidRequest, unauthenticated } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { takeRateLimit } from './rate-limit.js';
import type { RouteSpec, ServerServices } from './route.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { organisationRoutes } from './routes/organisation.js';
import { policyRoutes } from './routes/policy.js';
import { telemetryRoutes } from './routes/telemetry.js';
import { tokenRoutes } from './routes/tokens.js';

export const CLOUD_API_VERSION = '1.0.0';
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface CloudServerOptions {
  database: CloudDatabase;
  keyring: Keyring;
  /** C2SP signed-note signer key (PRIVATE+KEY+name+id+key); from the operator's keystore, never the DB. */
  signerKey: string;
  /** TLS 1.3 only when given. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Where structured logs go (default stdout); `false` silences them. */
  log?: false | { level?: string; stream?: DestinationStream };
  /** Clock for server-received times (tests move it). */
  now?: () => Date;
  /** Multiplies the login/token rate limits (default 1). */
  rateLimitScale?: number;
}

export interface CloudServer {
  app: FastifyInstance;
  routes: ReadonlyArray<RouteSpec>;
  /** Every method + path Fastify actually registered (the OpenAPI test compares against it). */
  registered: ReadonlyArray<{ method: string; url: string }>;
  services: ServerServices;
}

/** Headers and fields never written to logs. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export async function createCloudServer(options: CloudServerOptions): Promise<CloudServer> {
  const tls = Boolean(options.tls);
  const signerName = options.signerKey.split('+')[2] ?? 'takumo';
  const services: ServerServices = {
    database: options.database,
    db: options.database.db,
    keyring: options.keyring,
    signerKey: options.signerKey,
    verifierKey: verifierKeyFromSignerKey(options.signerKey),
    logOriginPrefix: signerName,
    tls,
    rateLimitScale: options.rateLimitScale ?? 1,
    now: options.now ?? (() => new Date()),
  };
  const logger =
    options.log === false
      ? false
      : {
          level: options.log?.level ?? 'info',
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
          ...(options.log?.stream ? { stream: options.log.stream } : {}),
        };
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.3' as const } } : {}),
  }) as unknown as FastifyInstance;

  const registered: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.push({ method: String(method), url: route.url });
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof CloudError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: { code: 'too_large', message: `request body over ${BODY_LIMIT_BYTES} bytes` } });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: 'invalid_request', message: 'malformed request' } });
    }
    // Never echo internal messages (they may quote data); log the code and stack only.
    request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'request failed');
    return reply.code(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: 'no such route' } });
  });

  const routes: RouteSpec[] = [
    ...healthRoutes,
    ...authRoutes,
    ...organisationRoutes,
    ...tokenRoutes,
    ...policyRoutes,
    ...eventRoutes,
    ...auditRoutes,
    ...telemetryRoutes,
  ] as RouteSpec[];
  const openApiRoute: RouteSpec = {
    method: 'GET',
    url: '/api/openapi.json',
    auth: 'org:read',
    tag: 'meta',
    summary: 'This OpenAPI document.',
    response: { status: 200, schema: z.record(z.string(), z.unknown()) },
    handler: async () => document,
  };
  routes.push(openApiRoute);
  const document = buildOpenApi(routes, CLOUD_API_VERSION);

  for (const spec of routes) registerRoute(app, spec, services);
  return { app, routes, services, registered };
}

function registerRoute(app: FastifyInstance, spec: RouteSpec, services: ServerServices): void {
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (spec.rateLimit) {
        await takeRateLimit(services.db, `${spec.method} ${spec.url} ${request.ip}`, spec.rateLimit.max * services.rateLimitScale, spec.rateLimit.windowSeconds);
      }
      let principal: Awaited<ReturnType<typeof authenticate>> = null;
      if (spec.auth !== 'public' && spec.auth !== 'credential') {
        principal = await authenticate(services.db, request);
        if (!principal) throw unauthenticated();
        if (spec.sessionOnly && principal.type !== 'user') throw forbidden('this route needs a logged-in person, not an API token');
        if (!principal.scopes.includes(spec.auth)) {
          throw forbidden(principal.type === 'token' ? `token lacks the ${spec.auth} scope (or your role no longer allows it)` : `your role (${principal.role}) does not allow ${spec.auth}`);
        }
      }
      const params = parse(spec.params, request.params, 'path', true);
      const query = parse(spec.query, request.query, 'query', false);
      const body = parse(spec.body, request.body, 'body', false);
      const result = await spec.handler({ principal: principal!, params, query, body, request, reply, services });
      if (result === undefined) {
        if (reply.statusCode === 200) reply.code(spec.response.status);
        return reply.send();
      }
      if (reply.statusCode === 200 && spec.response.status !== 200) reply.code(spec.response.status);
      return result;
    },
  });
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string, notFoundOnFailure: boolean): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  // A malformed id in a path is just an id that does not exist.
  if (notFoundOnFailure) throw new CloudError(404, 'not_found', 'resource not found');
  throw invalidRequest(where, result.error);
}
