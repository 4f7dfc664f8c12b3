import { createGunzip } from 'node:zlib';
import type { preParsingHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.js';

/**
 * A route's preParsing hook that accepts `Content-Encoding: gzip` bodies. The route's bodyLimit
 * then applies to the decompressed size, so that a small compressed bomb is refused (413).
 */
export const gunzipBody: preParsingHookHandler = async (request, _reply, payload) => {
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return payload;
  if (encoding !== 'gzip')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: `Content-Encoding ${encoding}: send gzip or none`,
    });
  const gunzip = createGunzip();
  // Registered before Fastify's own listener: a corrupt stream is the client's fault (400), not ours.
  gunzip.once('error', (error: Error & { statusCode?: number }) => {
    error.statusCode ??= 400;
    error.message = `The gzip body cannot be read: ${error.message}`;
  });
  Object.defineProperty(gunzip, 'receivedEncodedLength', { get: () => gunzip.bytesWritten });
  payload.on('error', (error) => gunzip.destroy(error));
  payload.pipe(gunzip);
  return gunzip;
};
