import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as contract from '../contract/index.ts';
import type { RouteDescription } from '../contract/index.ts';
import { requireRole } from './auth/guard.ts';
import type { ApiDeps } from './deps.ts';

function schemaOf(type: z.ZodType | undefined): unknown {
  if (type === undefined) {
    return undefined;
  }
  try {
    return z.toJSONSchema(type, { unrepresentable: 'any', io: 'input' });
  } catch {
    return { description: 'not representable in JSON Schema' };
  }
}

/** Builds an OpenAPI 3.1 document from every domain's `routes` list in the contract. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [domain, mod] of Object.entries(contract)) {
    const routes = (mod as { routes?: readonly RouteDescription[] }).routes ?? [];
    for (const r of routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const request = schemaOf(r.request);
      const operation: Record<string, unknown> = {
        tags: [domain],
        summary: `${r.method} ${r.url}`,
        description: r.roles === 'public' ? 'No session needed.' : `Roles: ${r.roles.join(', ')}.`,
        ...(r.roles === 'public' ? { security: [] } : {}),
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response) } } },
          '4XX': { description: 'Bad input, no session, wrong role or conflict: `{ "error": "<reason>" }`' },
        },
      };
      if (request !== undefined) {
        if (r.method === 'GET') {
          operation.parameters = [{ name: 'query', in: 'query', style: 'form', explode: true, schema: request }];
        } else {
          operation.requestBody = { required: true, content: { 'application/json': { schema: request } } };
        }
      }
      (paths[path] ??= {})[r.method.toLowerCase()] = operation;
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Jatim COVID-19 command post: console API', version: '1' },
    components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
    security: [{ session: [] }],
    paths,
  };
}

/** `GET /api/openapi.json`: the console API described from the contract. */
export async function openApiRoutes(app: FastifyInstance, _deps: ApiDeps): Promise<void> {
  const document = buildOpenApi();
  app.get('/openapi.json', { preHandler: requireRole('admin', 'supervisor', 'volunteer', 'official') }, async () => document);
}
