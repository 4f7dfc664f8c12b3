import type { ReadStream } from 'node:fs';
import type { ArticleAttachment } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext } from '../../platform/audit/audit-log.js';
import { assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { type IncomingFile, receiveChecked } from '../../platform/storage/upload.js';
import { type AttachmentRow, selectAttachments, toArticleAttachment } from './attachments.repository.js';
import { canWriteArticles, type Reader, type SignedInReader, scopeArticles } from './knowledge.policy.js';

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog; files: FileStore };

export type KbDownload = AttachmentRow & { stream: ReadStream };

/**
 * Files and images of articles: sniffed, allow-listed, stored under random names (the ticket
 * attachments' storage), listed and served only to who may read the article — checked in SQL.
 */
export function createKbAttachmentService({ db, clock, audit, files }: Deps) {
  /** The article as the reader sees it, or 404. */
  async function article(reader: Reader, id: number) {
    const found = await scopeArticles(
      reader,
      db.selectFrom('kb_articles').select(['kb_articles.id', 'kb_articles.title']),
    )
      .where('kb_articles.id', '=', id)
      .executeTakeFirst();
    if (!found) throw new AppError('ARTICLE_NOT_FOUND');
    return found;
  }

  /** A file of an article the reader may read, or 404 (out of scope answers as if it did not exist). */
  async function visible(reader: Reader, id: number): Promise<AttachmentRow & { article_title: string }> {
    const row = await scopeArticles(
      reader,
      selectAttachments(db).select('kb_articles.title as article_title'),
    )
      .where('kb_attachments.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
    return row;
  }

  return {
    async list(reader: Reader, articleId: number): Promise<ArticleAttachment[]> {
      await article(reader, articleId);
      const rows = await selectAttachments(db)
        .where('kb_attachments.article_id', '=', articleId)
        .orderBy('kb_attachments.id')
        .execute();
      return rows.map(toArticleAttachment);
    },

    /** Who may attach, checked before a byte of the file is read. */
    async authorise(reader: SignedInReader, articleId: number) {
      const found = await article(reader, articleId);
      assertAllowed(canWriteArticles(reader.actor), 'Only support staff attach files to articles');
      return found;
    },

    async add(
      reader: SignedInReader,
      articleId: number,
      file: IncomingFile,
      request: RequestContext,
    ): Promise<ArticleAttachment> {
      const found = await this.authorise(reader, articleId);
      const { stored, contentType, fileName } = await receiveChecked(files, file);
      let id: number;
      try {
        id = await audit.write(
          db,
          auditContext(reader.actor, request),
          async (trx) => {
            const row = await trx
              .insertInto('kb_attachments')
              .values({
                article_id: articleId,
                file_name: fileName,
                content_type: contentType,
                size_bytes: stored.size,
                storage_key: stored.key,
                uploader_id: reader.actor.id,
                created_at: clock().toISOString(),
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await stored.keep();
            return row.id;
          },
          (id) => ({
            action: 'article.attachment_added',
            target: { type: 'article', id: articleId, label: found.title },
            changes: {
              attachment: {
                before: null,
                after: { id, file_name: fileName, content_type: contentType, size: stored.size },
              },
            },
          }),
        );
      } catch (error) {
        // Nothing committed: neither the temporary file nor, if it was moved already, the kept one stays.
        await stored.discard();
        await files.remove(stored.key);
        throw error;
      }
      const row = await selectAttachments(db).where('kb_attachments.id', '=', id).executeTakeFirstOrThrow();
      return toArticleAttachment(row);
    },

    /** The file and its bytes, when the reader (signed in or, for a public article, not) may read its article. */
    async download(reader: Reader, id: number): Promise<KbDownload> {
      const row = await visible(reader, id);
      return { ...row, stream: files.open(row.storage_key) };
    },

    async remove(reader: SignedInReader, id: number, request: RequestContext): Promise<void> {
      const row = await visible(reader, id);
      assertAllowed(canWriteArticles(reader.actor), 'Only support staff remove files from articles');
      await audit.write(
        db,
        auditContext(reader.actor, request),
        (trx) => trx.deleteFrom('kb_attachments').where('id', '=', id).execute(),
        () => ({
          action: 'article.attachment_removed',
          target: { type: 'article', id: row.article_id, label: row.article_title },
          changes: { attachment: { before: { id, file_name: row.file_name }, after: null } },
        }),
      );
      await files.remove(row.storage_key);
    },
  };
}

export type KbAttachmentService = ReturnType<typeof createKbAttachmentService>;
