import type { SURVEY_GROUPINGS, Survey, SurveyAnswer } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { AfterCommit } from '../../../db/transaction.js';
import type { DB } from '../../../db/types.js';
import type { AuditLog } from '../../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, isStaff, type RequestContext } from '../../../platform/auth/actor.js';
import { signToken, verifySignedToken } from '../../../platform/auth/signed-token.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Notify } from '../../notifications/notifier.js';
import { recordEvent } from '../ticket-writes.js';
import { scopeTickets } from '../tickets.policy.js';
import type { ClosedTicket, TicketService } from '../tickets.service.js';

const PURPOSE = 'ticket-survey';
/** The e-mailed link works this long; the survey stays answerable in the app. */
const LINK_DAYS = 30;

export type SurveyGrouping = (typeof SURVEY_GROUPINGS)[number];

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog; secretKey: string; publicUrl: string };

function toSurvey(row: {
  ticket_id: number;
  rating: number | null;
  comment: string | null;
  created_at: string;
  answered_at: string | null;
}): Survey {
  return {
    ticket: row.ticket_id,
    rating: row.rating,
    comment: row.comment,
    created_at: row.created_at,
    answered_at: row.answered_at,
  };
}

/** Satisfaction surveys: opened when a ticket closes, answered once by its requester (app or signed e-mail link). */
export function createSurveyService({ db, clock, audit, secretKey, publicUrl }: Deps) {
  const select = () =>
    db
      .selectFrom('ticket_surveys')
      .select([
        'ticket_surveys.id',
        'ticket_surveys.ticket_id',
        'ticket_surveys.requester_id',
        'ticket_surveys.rating',
        'ticket_surveys.comment',
        'ticket_surveys.created_at',
        'ticket_surveys.answered_at',
      ]);

  async function answer(
    surveyRow: { id: number; ticket_id: number; answered_at: string | null },
    input: SurveyAnswer,
    actor: { id: number; username: string } | null,
    request: RequestContext,
  ) {
    if (surveyRow.answered_at) throw new AppError('SURVEY_ANSWERED');
    const at = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      // Guarded: two answers at once cannot both land.
      const updated = await trx
        .updateTable('ticket_surveys')
        .set({ rating: input.rating, comment: input.comment?.trim() || null, answered_at: at })
        .where('id', '=', surveyRow.id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('SURVEY_ANSWERED');
      await recordEvent(
        trx,
        surveyRow.ticket_id,
        { kind: 'survey_answered', actorId: actor?.id ?? null, data: { rating: input.rating } },
        at,
      );
      await audit.record(
        trx,
        { actor, ip: request.ip, requestId: request.requestId },
        {
          action: 'ticket.survey_answered',
          target: { type: 'ticket', id: surveyRow.ticket_id, label: null },
        },
      );
    });
  }

  return {
    /** Called when a ticket closes (validated or closed automatically): one survey per ticket. */
    open(notify: Notify) {
      return async (trx: Kysely<DB>, afterCommit: AfterCommit, ticket: ClosedTicket) => {
        const inserted = await trx
          .insertInto('ticket_surveys')
          .values({
            ticket_id: ticket.id,
            requester_id: ticket.requester_id,
            assignee_id: ticket.assignee_id,
            group_id: ticket.group_id,
            category_id: ticket.category_id,
            created_at: clock().toISOString(),
          })
          .onConflict((oc) => oc.column('ticket_id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        const expires = new Date(clock().getTime() + LINK_DAYS * 86_400_000);
        const token = signToken(secretKey, PURPOSE, String(ticket.id), expires);
        await notify(trx, afterCommit, {
          event: 'survey_requested',
          ticket: { id: ticket.id, title: ticket.title, requester_id: ticket.requester_id },
          actor: null,
          recipients: [ticket.requester_id],
          link: `${publicUrl}/survey?token=${encodeURIComponent(token)}`,
        });
      };
    },

    async get(actor: Actor, tickets: TicketService, ticketId: number): Promise<Survey> {
      await tickets.visible(actor, ticketId);
      const row = await select().where('ticket_surveys.ticket_id', '=', ticketId).executeTakeFirst();
      if (!row) throw new AppError('SURVEY_NOT_FOUND');
      return toSurvey(row);
    },

    async answerInApp(
      actor: Actor,
      tickets: TicketService,
      ticketId: number,
      input: SurveyAnswer,
      request: RequestContext,
    ): Promise<Survey> {
      await tickets.visible(actor, ticketId);
      const row = await select().where('ticket_surveys.ticket_id', '=', ticketId).executeTakeFirst();
      if (!row) throw new AppError('SURVEY_NOT_FOUND');
      assertAllowed(row.requester_id === actor.id, 'Only the requester answers the survey');
      await answer(row, input, actor, request);
      return toSurvey(await select().where('ticket_surveys.id', '=', row.id).executeTakeFirstOrThrow());
    },

    /** The survey behind an e-mailed link, without signing in. */
    async byToken(token: string): Promise<Survey & { ticket_title: string }> {
      const ticketId = Number(verifySignedToken(secretKey, PURPOSE, token, clock()) ?? Number.NaN);
      if (!Number.isSafeInteger(ticketId)) throw new AppError('INVALID_TOKEN');
      const row = await select()
        .innerJoin('tickets', 'tickets.id', 'ticket_surveys.ticket_id')
        .select('tickets.title as ticket_title')
        .where('ticket_surveys.ticket_id', '=', ticketId)
        .executeTakeFirst();
      if (!row) throw new AppError('SURVEY_NOT_FOUND');
      return { ...toSurvey(row), ticket_title: row.ticket_title };
    },

    async answerByToken(token: string, input: SurveyAnswer, request: RequestContext): Promise<Survey> {
      const ticketId = Number(verifySignedToken(secretKey, PURPOSE, token, clock()) ?? Number.NaN);
      if (!Number.isSafeInteger(ticketId)) throw new AppError('INVALID_TOKEN');
      const row = await select().where('ticket_surveys.ticket_id', '=', ticketId).executeTakeFirst();
      if (!row) throw new AppError('SURVEY_NOT_FOUND');
      await answer(row, input, null, request);
      return toSurvey(await select().where('ticket_surveys.id', '=', row.id).executeTakeFirstOrThrow());
    },

    /** Answered surveys per technician, group or category, over the tickets the caller may see. */
    async results(actor: Actor, by: SurveyGrouping) {
      assertAllowed(isStaff(actor), 'Survey results are for support staff');
      const column = {
        assignee: 'ticket_surveys.assignee_id',
        group: 'ticket_surveys.group_id',
        category: 'ticket_surveys.category_id',
      }[by];
      const name = {
        assignee: sql<string>`(select u.first_name || ' ' || u.last_name from users as u where u.id = ticket_surveys.assignee_id)`,
        group: sql<string>`(select g.name from groups as g where g.id = ticket_surveys.group_id)`,
        category: sql<string>`(select c.name from ticket_categories as c where c.id = ticket_surveys.category_id)`,
      }[by];
      const rows = await scopeTickets(
        actor,
        db
          .selectFrom('ticket_surveys')
          .innerJoin('tickets', 'tickets.id', 'ticket_surveys.ticket_id')
          .select([
            sql.ref<number | null>(column).as('key'),
            name.as('name'),
            sql<number>`count(*)`.as('answers'),
            sql<number>`avg(ticket_surveys.rating)`.as('average'),
          ])
          .where('ticket_surveys.answered_at', 'is not', null)
          .groupBy(sql.ref(column)),
      ).execute();
      return rows
        .map((r) => ({
          key: r.key,
          name: r.name ?? null,
          answers: Number(r.answers),
          average: Math.round(Number(r.average) * 100) / 100,
        }))
        .sort((a, b) => b.answers - a.answers);
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
