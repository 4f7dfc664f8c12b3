import type { Attachment, Comment, CommentCreate, TimelineEntry } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Notify } from '../notifications/notifier.js';
import { userNameOf } from '../users/users.repository.js';
import { refreshSla } from './sla/sla-engine.js';
import { ticketNumber } from './ticket-list.js';
import { recordEvent, watcherIds } from './ticket-writes.js';
import { isStaffOf } from './tickets.policy.js';
import type { TicketService } from './tickets.service.js';
import type { TicketStatus } from './workflow.js';

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog; notify: Notify; tickets: TicketService };

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function toAttachment(row: {
  id: number;
  ticket_id: number;
  comment_id: number | null;
  uploader_id: number | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  created_at: string;
}): Attachment {
  return {
    id: row.id,
    ticket: row.ticket_id,
    comment: row.comment_id,
    uploader: row.uploader_id,
    file_name: row.file_name,
    content_type: row.content_type,
    size_bytes: Number(row.size_bytes),
    is_image: IMAGE_TYPES.has(row.content_type),
    created_at: row.created_at,
  };
}

const fullName = (alias: string) =>
  sql<string | null>`${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}`;

type Names = { users: Map<number, string>; groups: Map<number, string> };

/** The names of the people and groups that assignment events point to, so that every reader sees names. */
async function lookupNames(db: Kysely<DB>, events: { kind: string; data_json: unknown }[]): Promise<Names> {
  const users = new Set<number>();
  const groups = new Set<number>();
  for (const e of events) {
    const data = e.data_json as { assignee?: number | null; group?: number | null } | null;
    if (e.kind !== 'assigned' || !data) continue;
    if (typeof data.assignee === 'number') users.add(data.assignee);
    if (typeof data.group === 'number') groups.add(data.group);
  }
  const [userRows, groupRows] = await Promise.all([
    users.size
      ? db
          .selectFrom('users')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', [...users])
          .execute()
      : [],
    groups.size
      ? db
          .selectFrom('groups')
          .select(['id', 'name'])
          .where('id', 'in', [...groups])
          .execute()
      : [],
  ]);
  return {
    users: new Map(userRows.map((u) => [u.id, `${u.first_name} ${u.last_name}`])),
    groups: new Map(groupRows.map((g) => [g.id, g.name])),
  };
}

function withNames(kind: string, data: Record<string, unknown> | null, names: Names) {
  if (kind !== 'assigned' || !data) return data;
  return {
    ...data,
    assignee_name: typeof data.assignee === 'number' ? (names.users.get(data.assignee) ?? null) : null,
    group_name: typeof data.group === 'number' ? (names.groups.get(data.group) ?? null) : null,
  };
}

/** Comments (public and internal) and the timeline of a ticket. */
export function createConversationService({ db, clock, audit, notify, tickets }: Deps) {
  async function comments(ticketId: number, staff: boolean, commentId?: number): Promise<Comment[]> {
    let query = db
      .selectFrom('ticket_comments')
      .leftJoin('users as author', 'author.id', 'ticket_comments.author_id')
      .select([
        'ticket_comments.id',
        'ticket_comments.ticket_id',
        'ticket_comments.author_id',
        fullName('author').as('author_name'),
        'ticket_comments.body',
        'ticket_comments.is_internal',
        'ticket_comments.created_at',
      ])
      .where('ticket_comments.ticket_id', '=', ticketId)
      .orderBy('ticket_comments.id');
    if (!staff) query = query.where('ticket_comments.is_internal', '=', false);
    if (commentId !== undefined) query = query.where('ticket_comments.id', '=', commentId);
    const rows = await query.execute();
    const files = await db
      .selectFrom('ticket_attachments')
      .select(['id', 'comment_id'])
      .where('ticket_id', '=', ticketId)
      .where('comment_id', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      ticket: r.ticket_id,
      author: r.author_id,
      author_name: r.author_id === null ? null : r.author_name,
      body: r.body,
      is_internal: r.is_internal,
      attachments: files.filter((f) => f.comment_id === r.id).map((f) => f.id),
      created_at: r.created_at,
    }));
  }

  return {
    async list(actor: Actor, ticketId: number): Promise<Comment[]> {
      const ticket = await tickets.visible(actor, ticketId);
      return comments(ticketId, isStaffOf(actor, ticket));
    },

    async add(
      actor: Actor,
      ticketId: number,
      input: CommentCreate,
      request: RequestContext,
    ): Promise<Comment> {
      const ticket = await tickets.visible(actor, ticketId);
      const staff = isStaffOf(actor, ticket);
      const internal = input.is_internal ?? false;
      assertAllowed(!internal || staff, 'Only support staff write internal notes');
      const me = await tickets.who(actor);
      const commentId = await inTransaction(db, async (trx, afterCommit) => {
        const at = clock().toISOString();
        const { id } = await trx
          .insertInto('ticket_comments')
          .values({
            ticket_id: ticketId,
            author_id: actor.id,
            body: input.body.trim(),
            is_internal: internal,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const patch: { updated_at: string; first_response_at?: string; status?: TicketStatus } = {
          updated_at: at,
        };
        // A public answer from support is the first response; the requester's reply resumes a pending ticket.
        const answers = staff && !internal && actor.id !== ticket.requester_id;
        if (answers && !ticket.first_response_at) patch.first_response_at = at;
        const resumes = !internal && actor.id === ticket.requester_id && ticket.status === 'pending';
        if (resumes) {
          patch.status = 'in_progress';
          await recordEvent(
            trx,
            ticketId,
            {
              kind: 'status',
              status: 'in_progress',
              actorId: null,
              data: { action: 'resume', cause: 'requester_reply' },
            },
            at,
          );
        }
        await trx.updateTable('tickets').set(patch).where('id', '=', ticketId).execute();
        if (patch.first_response_at || resumes) await refreshSla(trx, ticketId, new Date(at));
        await audit.record(trx, auditContext(actor, request), {
          action: internal ? 'ticket.internal_note_added' : 'ticket.comment_added',
          target: { type: 'ticket', id: ticketId, label: `${ticketNumber(ticketId)} ${ticket.title}` },
        });
        const watchers = await watcherIds(trx, ticketId, internal);
        await notify(trx, afterCommit, {
          event: 'ticket_commented',
          ticket: { id: ticketId, title: ticket.title, requester_id: ticket.requester_id },
          actor: me,
          recipients: internal
            ? [ticket.assignee_id, ...watchers]
            : [ticket.requester_id, ticket.assignee_id, ...watchers],
          detail: input.body,
          data: { comment: id, is_internal: internal },
        });
        return id;
      });
      const [created] = await comments(ticketId, true, commentId);
      if (!created) throw new Error('comment vanished');
      return created;
    },

    /** Comments, status changes, assignments, SLA events and files in one stream, oldest first. */
    async timeline(actor: Actor, ticketId: number): Promise<TimelineEntry[]> {
      const ticket = await tickets.visible(actor, ticketId);
      const staff = isStaffOf(actor, ticket);
      let events = db
        .selectFrom('ticket_events')
        .leftJoin('users as actor', 'actor.id', 'ticket_events.actor_id')
        .select([
          'ticket_events.id',
          'ticket_events.kind',
          'ticket_events.status',
          'ticket_events.actor_id',
          fullName('actor').as('actor_name'),
          'ticket_events.reason',
          'ticket_events.data_json',
          'ticket_events.is_internal',
          'ticket_events.created_at',
        ])
        .where('ticket_events.ticket_id', '=', ticketId)
        .orderBy('ticket_events.id');
      if (!staff) events = events.where('ticket_events.is_internal', '=', false);
      const [eventRows, commentRows, files] = await Promise.all([
        events.execute(),
        comments(ticketId, staff),
        db
          .selectFrom('ticket_attachments')
          .selectAll('ticket_attachments')
          .select(userNameOf('ticket_attachments.uploader_id').as('uploader_name'))
          .where('ticket_id', '=', ticketId)
          .where('comment_id', 'is', null)
          .orderBy('id')
          .execute(),
      ]);
      const names = await lookupNames(db, eventRows);
      const entries: (TimelineEntry & { order: number })[] = [
        ...eventRows.map((e) => ({
          kind: e.kind as TimelineEntry['kind'],
          id: `event:${e.id}`,
          at: e.created_at,
          actor: e.actor_id,
          actor_name: e.actor_id === null ? null : e.actor_name,
          status: e.status as TicketStatus | null,
          reason: e.reason,
          data: withNames(e.kind, e.data_json as Record<string, unknown> | null, names),
          comment: null,
          attachment: null,
          is_internal: e.is_internal,
          order: 0,
        })),
        ...commentRows.map((c) => ({
          kind: 'comment' as const,
          id: `comment:${c.id}`,
          at: c.created_at,
          actor: c.author,
          actor_name: c.author_name,
          status: null,
          reason: null,
          data: null,
          comment: c,
          attachment: null,
          is_internal: c.is_internal,
          order: 1,
        })),
        ...files.map((f) => ({
          kind: 'attachment' as const,
          id: `attachment:${f.id}`,
          at: f.created_at,
          actor: f.uploader_id,
          actor_name: f.uploader_name,
          status: null,
          reason: null,
          data: null,
          comment: null,
          attachment: toAttachment(f),
          is_internal: false,
          order: 2,
        })),
      ];
      // Same instant: events first (a status change and the comment that caused it), then comments, then files.
      return entries
        .sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order)
        .map(({ order: _order, ...entry }) => entry);
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
