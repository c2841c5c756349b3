import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission, Role } from '../auth/permissions.js';
import type { CloudDatabase, Db } from '../db/database.js';
import type { Keyring } from '../crypto/keyring.js';

/** Who is calling: a logged-in member (session cookie) or an API token. */
export interface Principal {
  type: 'user' | 'token';
  /** Membership id for users, token id for tokens. */
  id: string;
  orgId: string;
  role: Role;
  /** What this principal may do right now: the role's permissions, narrowed by token scopes. */
  scopes: Permission[];
  membershipId: string;
  accountId: string;
  sessionId?: string;
}

export interface ServerServices {
  database: CloudDatabase;
  db: Db;
  keyring: Keyring;
  signerKey: string;
  verifierKey: string;
  /** Prefix of every tenant log's origin line: `<prefix>/<org id>`. */
  logOriginPrefix: string;
  tls: boolean;
  /** Multiplies every route's rate limit (tests raise it; 1 in production). */
  rateLimitScale: number;
  now(): Date;
}

export interface RouteContext<P, Q, B> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  services: ServerServices;
}

/**
 * One API route, declared as data: the same object registers the Fastify route, checks
 * authentication and the permission, validates input, and produces the OpenAPI operation,
 * so the document and the server cannot drift apart.
 */
export interface RouteSpec<P = any, Q = any, B = any> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path syntax (`/api/v1/members/:id`). */
  url: string;
  /**
   * `public`: no credential (health only). `credential`: the body carries the credential
   * (login, invitation acceptance). Otherwise the permission the caller needs.
   */
  auth: 'public' | 'credential' | Permission;
  /** Only a logged-in person may call this (not an API token). */
  sessionOnly?: boolean;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Success status and, for JSON, the response schema; other content types are named. */
  response: { status: number; schema?: z.ZodType; contentType?: string; description?: string };
  rateLimit?: { max: number; windowSeconds: number };
  handler(ctx: RouteContext<P, Q, B>): Promise<unknown>;
}

export function defineRoute<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}
