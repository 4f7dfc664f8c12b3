import type { Attachment } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { type IncomingFile, receiveChecked } from '../../platform/storage/upload.js';
import { toAttachment } from './conversation.service.js';
import { ticketNumber } from './ticket-list.js';
import { isStaffOf } from './tickets.policy.js';
import type { TicketService } from './tickets.service.js';

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog; files: FileStore; tickets: TicketService };

export type Upload = IncomingFile & { commentId: number | null };

/** Files on tickets and comments: sniffed, allow-listed, stored under random names, served only to who may see them. */
export function createAttachmentService({ db, clock, audit, files, tickets }: Deps) {
  const columns = [
    'ticket_attachments.id',
    'ticket_attachments.ticket_id',
    'ticket_attachments.comment_id',
    'ticket_attachments.uploader_id',
    'ticket_attachments.file_name',
    'ticket_attachments.content_type',
    'ticket_attachments.size_bytes',
    'ticket_attachments.storage_key',
    'ticket_attachments.created_at',
  ] as const;

  /** The attachments of a ticket the caller may see: none from internal notes for the requester. */
  function visible(actor: Actor, ticket: { structure_id: number }) {
    let query = db
      .selectFrom('ticket_attachments')
      .leftJoin('ticket_comments', 'ticket_comments.id', 'ticket_attachments.comment_id')
      .select(columns);
    if (!isStaffOf(actor, ticket))
      query = query.where((eb) =>
        eb.or([
          eb('ticket_attachments.comment_id', 'is', null),
          eb('ticket_comments.is_internal', '=', false),
        ]),
      );
    return query;
  }

  async function found(actor: Actor, id: number) {
    const row = await db
      .selectFrom('ticket_attachments')
      .select('ticket_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
    // Out of scope answers as if the file did not exist.
    const ticket = await tickets.visible(actor, row.ticket_id).catch(() => {
      throw new AppError('ATTACHMENT_NOT_FOUND');
    });
    const attachment = await visible(actor, ticket)
      .where('ticket_attachments.id', '=', id)
      .executeTakeFirst();
    if (!attachment) throw new AppError('ATTACHMENT_NOT_FOUND');
    return { attachment, ticket };
  }

  return {
    async list(actor: Actor, ticketId: number): Promise<Attachment[]> {
      const ticket = await tickets.visible(actor, ticketId);
      const rows = await visible(actor, ticket)
        .where('ticket_attachments.ticket_id', '=', ticketId)
        .orderBy('ticket_attachments.id')
        .execute();
      return rows.map(toAttachment);
    },

    /** Checks who may attach before reading any byte: the file is only received once allowed. */
    async authorise(actor: Actor, ticketId: number, commentId: number | null) {
      const ticket = await tickets.visible(actor, ticketId);
      if (commentId !== null) {
        const comment = await db
          .selectFrom('ticket_comments')
          .select(['author_id', 'is_internal'])
          .where('id', '=', commentId)
          .where('ticket_id', '=', ticketId)
          .executeTakeFirst();
        if (!comment || (comment.is_internal && !isStaffOf(actor, ticket)))
          throw fieldError('body', 'comment', 'No such comment on this ticket');
        assertAllowed(
          comment.author_id === actor.id || isStaffOf(actor, ticket),
          'Attach files to your own comments',
        );
      }
      return ticket;
    },

    async add(actor: Actor, ticketId: number, upload: Upload, request: RequestContext): Promise<Attachment> {
      const ticket = await this.authorise(actor, ticketId, upload.commentId);
      const { stored, contentType, fileName } = await receiveChecked(files, upload);
      try {
        const at = clock().toISOString();
        const id = await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('ticket_attachments')
            .values({
              ticket_id: ticketId,
              comment_id: upload.commentId,
              uploader_id: actor.id,
              file_name: fileName,
              content_type: contentType,
              size_bytes: stored.size,
              sha256: stored.sha256,
              storage_key: stored.key,
              created_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.updateTable('tickets').set({ updated_at: at }).where('id', '=', ticketId).execute();
          await audit.record(trx, auditContext(actor, request), {
            action: 'ticket.attachment_added',
            target: { type: 'ticket', id: ticketId, label: `${ticketNumber(ticketId)} ${ticket.title}` },
            changes: {
              attachment: { before: null, after: { id: row.id, file_name: fileName, size: stored.size } },
            },
          });
          await stored.keep();
          return row.id;
        });
        const row = await db
          .selectFrom('ticket_attachments')
          .select(columns)
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return toAttachment(row);
      } catch (error) {
        await stored.discard();
        throw error;
      }
    },

    async download(actor: Actor, id: number) {
      const { attachment } = await found(actor, id);
      return { ...toAttachment(attachment), stream: files.open(attachment.storage_key) };
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const { attachment, ticket } = await found(actor, id);
      assertAllowed(
        attachment.uploader_id === actor.id || isStaffOf(actor, ticket),
        'Remove your own files only',
      );
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => trx.deleteFrom('ticket_attachments').where('id', '=', id).execute(),
        () => ({
          action: 'ticket.attachment_removed',
          target: {
            type: 'ticket',
            id: attachment.ticket_id,
            label: `${ticketNumber(attachment.ticket_id)} ${ticket.title}`,
          },
          changes: { attachment: { before: { id, file_name: attachment.file_name }, after: null } },
        }),
      );
      await files.remove(attachment.storage_key);
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
