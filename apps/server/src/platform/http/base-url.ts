import type { FastifyRequest } from 'fastify';

/** Base URL for absolute links: ITSM_PUBLIC_URL, else what the request (and trusted proxies) say. */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
