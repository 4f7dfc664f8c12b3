import type { ArticleDraft, TicketArticle, TicketArticleCreate } from '@itsm/contracts';
import { TicketArticleCreateSchema } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import { auditContext } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { ticketNumber } from '../tickets/ticket-list.js';
import { isStaffOf, scopeTickets } from '../tickets/tickets.policy.js';
import { articleDraftFrom } from './article-draft.js';
import { readerOf, type SignedInReader, scopeArticles } from './knowledge.policy.js';

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog };

/** Articles attached to tickets ("see also", or the one a ticket was resolved with). */
export function createTicketArticleService({ db, clock, audit }: Deps) {
  async function ticketOf(actor: Actor, ticketId: number) {
    const ticket = await scopeTickets(
      actor,
      db
        .selectFrom('tickets')
        .select([
          'tickets.id',
          'tickets.title',
          'tickets.description',
          'tickets.solution',
          'tickets.structure_id',
          sql<string>`(select u.locale from users as u where u.id = tickets.requester_id)`.as('locale'),
        ]),
      { single: true },
    )
      .where('tickets.id', '=', ticketId)
      .executeTakeFirst();
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    return ticket;
  }

  /** The resolved-with count of an article, from its links (exact whoever adds or removes one). */
  async function recountResolved(trx: Kysely<DB>, articleId: number) {
    const { n } = await trx
      .selectFrom('ticket_articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article_id', '=', articleId)
      .where('kind', '=', 'resolution')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('kb_articles')
      .set({ resolved_count: Number(n) })
      .where('id', '=', articleId)
      .execute();
  }

  async function list(reader: SignedInReader, ticketId: number): Promise<TicketArticle[]> {
    await ticketOf(reader.actor, ticketId);
    const rows = await scopeArticles(
      reader,
      db
        .selectFrom('ticket_articles')
        .innerJoin('kb_articles', 'kb_articles.id', 'ticket_articles.article_id')
        .select([
          'ticket_articles.article_id as article',
          'kb_articles.title',
          'kb_articles.summary',
          'ticket_articles.kind',
          'ticket_articles.created_by_id as created_by',
          'ticket_articles.created_at',
        ]),
    )
      .where('ticket_articles.ticket_id', '=', ticketId)
      .orderBy('ticket_articles.created_at')
      .execute();
    return rows.map((r) => ({ ...r, kind: r.kind as TicketArticle['kind'] }));
  }

  return {
    readerOf: (actor: Actor) => readerOf(db, actor),
    list,

    /** Staff of the ticket attach a published article they may read. */
    async link(
      reader: SignedInReader,
      ticketId: number,
      raw: TicketArticleCreate,
      request: RequestContext,
    ): Promise<TicketArticle[]> {
      const { actor } = reader;
      const ticket = await ticketOf(actor, ticketId);
      assertAllowed(isStaffOf(actor, ticket), 'Only the support staff of the ticket attach articles');
      const input = TicketArticleCreateSchema.parse(raw);
      const article = await scopeArticles(
        reader,
        db.selectFrom('kb_articles').select(['kb_articles.id', 'kb_articles.title']),
      )
        .where('kb_articles.id', '=', input.article)
        .where('kb_articles.status', '=', 'published')
        .executeTakeFirst();
      if (!article)
        throw fieldError('body', 'article', `No such published article: ${input.article}`, 'not_found');
      const at = clock().toISOString();
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('ticket_articles')
          .values({
            ticket_id: ticketId,
            article_id: input.article,
            kind: input.kind,
            created_by_id: actor.id,
            created_at: at,
          })
          .onConflict((oc) => oc.columns(['ticket_id', 'article_id']).doUpdateSet({ kind: input.kind }))
          .execute();
        await recountResolved(trx, input.article);
        await audit.record(trx, auditContext(actor, request), {
          action: 'ticket.article_linked',
          target: { type: 'ticket', id: ticketId, label: ticketNumber(ticketId) },
          changes: {
            article: { before: null, after: { id: article.id, title: article.title, kind: input.kind } },
          },
        });
      });
      return list(reader, ticketId);
    },

    async unlink(
      reader: SignedInReader,
      ticketId: number,
      articleId: number,
      request: RequestContext,
    ): Promise<void> {
      const { actor } = reader;
      const ticket = await ticketOf(actor, ticketId);
      assertAllowed(isStaffOf(actor, ticket), 'Only the support staff of the ticket detach articles');
      await inTransaction(db, async (trx) => {
        const removed = await trx
          .deleteFrom('ticket_articles')
          .where('ticket_id', '=', ticketId)
          .where('article_id', '=', articleId)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) throw new AppError('ARTICLE_NOT_FOUND');
        await recountResolved(trx, articleId);
        await audit.record(trx, auditContext(actor, request), {
          action: 'ticket.article_unlinked',
          target: { type: 'ticket', id: ticketId, label: ticketNumber(ticketId) },
          changes: { article: { before: articleId, after: null } },
        });
      });
    },

    /** An article draft written from a ticket: its problem, then its solution. */
    async draftFrom(actor: Actor, ticketId: number): Promise<ArticleDraft> {
      const ticket = await ticketOf(actor, ticketId);
      assertAllowed(isStaffOf(actor, ticket), 'Only support staff write articles');
      return articleDraftFrom({ ...ticket, language: ticket.locale === 'en' ? 'en' : 'fr' });
    },
  };
}

export type TicketArticleService = ReturnType<typeof createTicketArticleService>;
