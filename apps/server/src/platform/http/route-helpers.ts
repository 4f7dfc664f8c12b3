import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PageLinks } from '../lists/index.js';
import { baseUrlOf } from './base-url.js';

export const IdParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** Where a list's next/previous links point. */
export function pageLinks(request: FastifyRequest, publicUrl: string | null): PageLinks {
  return { baseUrl: baseUrlOf(request, publicUrl), requestUrl: request.url };
}
