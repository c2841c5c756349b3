import { z } from 'zod';
import { PERMISSIONS } from '../auth/permissions.js';
import type { RouteSpec } from './route.js';
import { errorSchema } from './routes/shared.js';

/** Fastify `/a/:id` → OpenAPI `/a/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** Builds the OpenAPI 3.1 document from the same route specs the server registers. */
export function buildOpenApi(routes: ReadonlyArray<RouteSpec>, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const responses: Record<string, unknown> = {};
    const ok = route.response;
    responses[String(ok.status)] = {
      description: ok.description ?? 'success',
      ...(ok.schema
        ? { content: { 'application/json': { schema: jsonSchema(ok.schema, 'output') } } }
        : ok.contentType
          ? { content: { [ok.contentType]: { schema: { type: 'string' } } } }
          : {}),
    };
    const error = { description: 'error', content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } };
    responses['400'] = { ...error, description: 'invalid request' };
    if (route.auth !== 'public') {
      responses['401'] = { ...error, description: 'not authenticated' };
      responses['403'] = { ...error, description: 'role, scope or CSRF check failed' };
      responses['404'] = { ...error, description: 'not found (including ids of other organisations)' };
    }
    if (route.rateLimit) responses['429'] = { ...error, description: `more than ${route.rateLimit.max} calls per ${route.rateLimit.windowSeconds} s` };
    const permission = route.auth === 'public' || route.auth === 'credential' ? undefined : route.auth;
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      tags: [route.tag],
      ...(permission
        ? {
            security: route.sessionOnly ? [{ session: [] }] : [{ session: [] }, { bearer: [permission] }],
            'x-takumo-permission': permission,
            'x-takumo-roles': PERMISSIONS[permission].roles,
          }
        : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Takumo Cloud API',
      version,
      description:
        'Team server for Takumo: organisations, members and roles, API tokens, policies, a verifiable per-organisation audit log (RFC 6962 Merkle tree, C2SP signed checkpoints) and anonymous telemetry. Every route but /healthz needs a session cookie (plus x-csrf-token on state-changing requests) or a bearer API token with the named scope.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'takumo_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API token (tkm_…) with scopes' },
      },
    },
    paths,
  };
}
