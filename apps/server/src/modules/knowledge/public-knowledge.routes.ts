import { PublicArticleDetailSchema, PublicArticlePageSchema } from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageLinks } from '../../platform/http/route-helpers.js';
import { sendKbFile } from './attachments.routes.js';
import type { PublicKnowledgeService } from './public-knowledge.service.js';

const tags = ['public knowledge base'];
// Answers without a session (and ignores one): the auth hook lets these through.
const config = { public: true } as const;

const PublicListQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words to find (stemmed, accents and small typos forgiven); without it, the newest first'),
  category: z.coerce.number().int().positive().optional(),
  language: z.enum(['fr', 'en']).optional(),
  page: z.coerce.number().int().min(1).max(50).default(1),
  page_size: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * The public knowledge base, without signing in, while an administrator keeps it open
 * (PUT /api/v1/settings/knowledge): published articles for everyone marked public, and their files.
 */
export function registerPublicKnowledgeRoutes(app: FastifyInstance, service: PublicKnowledgeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = app.config.publicUrl;

  r.get(
    '/api/v1/public/kb/articles',
    {
      config,
      schema: {
        tags,
        summary:
          'Public articles, newest first or searched (no sign-in; 404 while the public knowledge base is closed)',
        querystring: PublicListQuerySchema,
        response: { 200: PublicArticlePageSchema },
      },
    },
    (request) => {
      const { page_size, q, ...params } = request.query;
      return service.list(
        { ...params, q: q || undefined, pageSize: page_size },
        pageLinks(request, publicUrl),
      );
    },
  );

  r.get(
    '/api/v1/public/kb/articles/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One public article, its body rendered to sanitised HTML (no sign-in)',
        params: IdParamsSchema,
        response: { 200: PublicArticleDetailSchema },
      },
    },
    (request) => service.detail(request.params.id),
  );

  r.get(
    '/api/v1/public/kb/attachments/:id/download',
    {
      config,
      schema: {
        tags,
        summary: 'A file of a public article (no sign-in; PNG, JPEG, GIF and WebP shown inline)',
        params: IdParamsSchema,
      },
    },
    async (request, reply) => sendKbFile(reply, await service.download(request.params.id)),
  );
}
