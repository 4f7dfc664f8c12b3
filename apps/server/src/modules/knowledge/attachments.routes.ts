import { ArticleAttachmentSchema } from '@itsm/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { IdParamsSchema } from '../../platform/http/route-helpers.js';
import { downloadHeaders, withSingleFile } from '../../platform/storage/upload.js';
import type { ArticleService } from './articles.service.js';
import type { KbAttachmentService, KbDownload } from './attachments.service.js';

const tags = ['knowledge'];

/** Sends a stored file: raster images inline (an article shows them), anything else as a download. */
export function sendKbFile(reply: FastifyReply, file: KbDownload) {
  return reply
    .headers(
      downloadHeaders({
        file_name: file.file_name,
        content_type: file.content_type,
        size_bytes: Number(file.size_bytes),
        inline: true,
      }),
    )
    .send(file.stream);
}

export function registerKbAttachmentRoutes(
  app: FastifyInstance,
  { attachments, articles }: { attachments: KbAttachmentService; articles: Pick<ArticleService, 'readerOf'> },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reader = (request: FastifyRequest) => articles.readerOf(actorOf(request));

  r.get(
    '/api/v1/kb/articles/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Files and images of an article you may read',
        params: IdParamsSchema,
        response: { 200: z.array(ArticleAttachmentSchema) },
      },
    },
    async (request) => attachments.list(await reader(request), request.params.id),
  );

  r.post(
    '/api/v1/kb/articles/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Attach a file or an image to an article (support staff; multipart/form-data, field "file"; the type is sniffed and checked)',
        description:
          'Put an image in the body with `![alt](url)`, the `url` answered. Same size limit and accepted types as ticket attachments.',
        params: IdParamsSchema,
        response: { 201: ArticleAttachmentSchema },
      },
    },
    async (request, reply) => {
      const who = await reader(request);
      // Refused before a byte is read: who may attach, to an article he sees.
      await attachments.authorise(who, request.params.id);
      const created = await withSingleFile(request, (file) =>
        attachments.add(who, request.params.id, file, contextOf(request)),
      );
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/api/v1/kb/attachments/:id/download',
    {
      schema: {
        tags,
        summary: 'Download a file of an article you may read (PNG, JPEG, GIF and WebP shown inline)',
        params: IdParamsSchema,
      },
    },
    async (request, reply) =>
      sendKbFile(reply, await attachments.download(await reader(request), request.params.id)),
  );

  r.delete(
    '/api/v1/kb/attachments/:id',
    { schema: { tags, summary: 'Remove a file from an article (support staff)', params: IdParamsSchema } },
    async (request, reply) => {
      await attachments.remove(await reader(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );
}
