import type { Readable } from 'node:stream';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../errors/app-error.js';
import { ALLOWED_TYPES, cleanFileName, sniffContentType } from './content-type.js';
import type { FileStore, StoredUpload } from './file-store.js';

/** A file arriving in a multipart body, read as a stream (never buffered whole). */
export type IncomingFile = {
  fileName: string;
  stream: Readable;
  /** True once the stream was cut at the size limit. */
  truncated: () => boolean;
  maxBytes: number;
};

/**
 * Reads a multipart body made of exactly one field, `file`, and hands it over as a stream. Any other
 * field is refused, naming it.
 */
export async function withSingleFile<T>(
  request: FastifyRequest,
  use: (file: IncomingFile) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: 'Send the file as multipart/form-data, field "file"',
    });
  for await (const part of request.parts()) {
    if (part.type === 'field') throw fieldError('body', part.fieldname, 'Unknown field');
    if (part.fieldname !== 'file')
      throw fieldError('body', part.fieldname, 'Send the file in the field "file"');
    return await use({
      fileName: part.filename,
      stream: part.file,
      truncated: () => part.file.truncated,
      maxBytes: request.server.config.uploadMaxBytes,
    });
  }
  throw fieldError('body', 'file', 'Attach a file in the field "file"', 'required');
}

export type CheckedUpload = {
  stored: StoredUpload;
  /** Sniffed from the bytes, on the allow-list. */
  contentType: string;
  /** Safe to show and to put in a header. */
  fileName: string;
};

/**
 * Streams an upload to the store and checks it: within the size limit, not empty, of an accepted type
 * by its first bytes. On success the caller keeps (or discards) the stored file; on failure it is
 * already discarded.
 */
export async function receiveChecked(files: FileStore, file: IncomingFile): Promise<CheckedUpload> {
  const stored = await files.receive(file.stream);
  try {
    if (file.truncated())
      throw new AppError('PAYLOAD_TOO_LARGE', {
        detail: `Files are limited to ${Math.round(file.maxBytes / 1024 / 1024)} MB`,
        errors: [{ location: 'body', field: 'file', code: 'too_large', message: 'The file is too large' }],
      });
    if (stored.size === 0) throw fieldError('body', 'file', 'The file is empty');
    const contentType = await sniffContentType(stored.head);
    if (!contentType || !ALLOWED_TYPES.has(contentType))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        detail: 'This kind of file is not accepted',
        errors: [
          {
            location: 'body',
            field: 'file',
            code: 'type',
            message: 'Accepted: images, PDF, text, office documents and archives',
          },
        ],
      });
    return { stored, contentType, fileName: cleanFileName(file.fileName) };
  } catch (error) {
    await stored.discard();
    throw error;
  }
}

/** Raster images a browser may show in a page; anything else (SVG, HTML…) is only ever downloaded. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

/** The headers of a stored file sent back: never sniffed, never run, shown inline only as a raster image. */
export function downloadHeaders(file: {
  file_name: string;
  content_type: string;
  size_bytes: number;
  inline: boolean;
}): Record<string, string> {
  return {
    'content-type': file.content_type === 'text/plain' ? 'text/plain; charset=utf-8' : file.content_type,
    'content-length': String(file.size_bytes),
    'content-disposition': contentDisposition(file.file_name, {
      type: file.inline && INLINE_IMAGE_TYPES.has(file.content_type) ? 'inline' : 'attachment',
    }),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
