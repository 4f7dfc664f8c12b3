import { AttachmentSchema } from '@itsm/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { IdParamsSchema } from '../../platform/http/route-helpers.js';
import { downloadHeaders } from '../../platform/storage/upload.js';
import type { AttachmentService, Upload } from './attachments.service.js';

const tags = ['tickets'];

/** Reads the multipart body: an optional `comment` field, then one `file`; hands the file over as a stream. */
async function withUpload<T>(request: FastifyRequest, use: (upload: Upload) => Promise<T>): Promise<T> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: 'Send the file as multipart/form-data, field "file"',
    });
  let commentId: number | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname !== 'comment') throw fieldError('body', part.fieldname, 'Unknown field');
      const value = String(part.value);
      if (!/^\d{1,15}$/.test(value)) throw fieldError('body', 'comment', 'Expected a comment id');
      commentId = Number(value);
      continue;
    }
    if (part.fieldname !== 'file')
      throw fieldError('body', part.fieldname, 'Send the file in the field "file"');
    return await use({
      fileName: part.filename,
      stream: part.file,
      commentId,
      truncated: () => part.file.truncated,
      maxBytes: request.server.config.uploadMaxBytes,
    });
  }
  throw fieldError('body', 'file', 'Attach a file in the field "file"', 'required');
}

export function registerAttachmentRoutes(app: FastifyInstance, attachments: AttachmentService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/tickets/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Files of a ticket and its comments',
        params: IdParamsSchema,
        response: { 200: z.array(AttachmentSchema) },
      },
    },
    (request) => attachments.list(actorOf(request), request.params.id),
  );

  r.post(
    '/api/v1/tickets/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Attach a file (multipart/form-data: "file", optional "comment" id); the type is sniffed and checked',
        params: IdParamsSchema,
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await withUpload(request, (upload) =>
        attachments.add(actor, request.params.id, upload, contextOf(request)),
      );
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/api/v1/attachments/:id/download',
    {
      schema: {
        tags,
        summary: 'Download a file (inline=true shows images in the page)',
        params: IdParamsSchema,
        querystring: z.strictObject({ inline: z.enum(['true', 'false', '1', '0']).optional() }),
      },
    },
    async (request, reply) => {
      const file = await attachments.download(actorOf(request), request.params.id);
      const inline = (request.query.inline === 'true' || request.query.inline === '1') && file.is_image;
      return reply.headers(downloadHeaders({ ...file, inline })).send(file.stream);
    },
  );

  r.delete(
    '/api/v1/attachments/:id',
    { schema: { tags, summary: 'Remove a file (its uploader or support staff)', params: IdParamsSchema } },
    async (request, reply) => {
      await attachments.remove(actorOf(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );
}
