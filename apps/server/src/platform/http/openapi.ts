import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

/** OpenAPI 3.1 generated from the routes' zod schemas; Swagger UI served from local files. */
export async function registerOpenApi(
  app: FastifyInstance,
  options: { version: string; publicUrl: string | null },
) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ITSM API',
        version: options.version,
        description:
          'REST API of the ITSM: help desk, machines and agents, equipment, monitoring, maintenance, remote control, knowledge base and reports. ' +
          'Lists answer `{count, next, previous, results}` and accept `page`, `page_size` (max 200), filters with `__gte`, `__lte`, `__in`, `__isnull`, `search` and `ordering`. ' +
          'Errors are `application/problem+json` (RFC 9457) with a stable `code`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: options.publicUrl ? [{ url: options.publicUrl }] : [],
      tags: [{ name: 'system', description: 'Health, readiness and API description' }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());

  await app.register(swaggerUi, {
    routePrefix: DOCS_PATH,
    // validatorUrl null: never send the document to an outside validator service.
    uiConfig: { deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0, validatorUrl: null },
    staticCSP:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    transformSpecification: (spec) => spec,
  });
}
