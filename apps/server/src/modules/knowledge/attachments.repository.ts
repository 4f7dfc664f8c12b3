import type { ArticleAttachment } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { INLINE_IMAGE_TYPES } from '../../platform/storage/upload.js';

/** Where signed-in readers download an article's file, and where anonymous readers of a public article do. */
export const attachmentUrl = (id: number) => `/api/v1/kb/attachments/${id}/download`;
export const publicAttachmentUrl = (id: number) => `/api/v1/public/kb/attachments/${id}/download`;

/** The columns of an article's files (joined to kb_articles by the callers that scope them). */
export function selectAttachments(db: Kysely<DB>) {
  return db
    .selectFrom('kb_attachments')
    .innerJoin('kb_articles', 'kb_articles.id', 'kb_attachments.article_id')
    .select([
      'kb_attachments.id',
      'kb_attachments.article_id',
      'kb_attachments.file_name',
      'kb_attachments.content_type',
      'kb_attachments.size_bytes',
      'kb_attachments.storage_key',
      'kb_attachments.uploader_id',
      'kb_attachments.created_at',
    ]);
}

export type AttachmentRow = Awaited<
  ReturnType<ReturnType<typeof selectAttachments>['executeTakeFirstOrThrow']>
>;

export function toArticleAttachment(row: Omit<AttachmentRow, 'storage_key'>): ArticleAttachment {
  return {
    id: row.id,
    article: row.article_id,
    file_name: row.file_name,
    content_type: row.content_type,
    size_bytes: Number(row.size_bytes),
    is_image: INLINE_IMAGE_TYPES.has(row.content_type),
    url: attachmentUrl(row.id),
    uploader: row.uploader_id,
    created_at: row.created_at,
  };
}
