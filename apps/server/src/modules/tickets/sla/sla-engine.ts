import type { SlaTarget } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { statusHistory } from '../tickets.repository.js';
import type { TicketStatus } from '../workflow.js';
import { ALWAYS_OPEN, type BusinessCalendar } from './calendar.js';
import { dueSteps, nextCheckAt, type SlaDefinition, type SlaPlan, type SlaStep, slaPlan } from './plan.js';

// Keeps a ticket's SLA caches (due dates, at-risk instant, breach instants, next check) true to its
// status history (ADR 0003), and tells which steps are due. Works inside the caller's transaction.

export async function loadSlaDefinition(
  db: Kysely<DB>,
  slaId: number,
): Promise<(SlaDefinition & { name: string }) | null> {
  const sla = await db
    .selectFrom('slas')
    .leftJoin('business_calendars as cal', 'cal.id', 'slas.calendar_id')
    .select([
      'slas.name',
      'slas.targets_json',
      'slas.warning_shares_json',
      'cal.time_zone',
      'cal.hours_json',
      'cal.holidays_json',
    ])
    .where('slas.id', '=', slaId)
    .executeTakeFirst();
  if (!sla) return null;
  const levels = await db
    .selectFrom('escalation_levels')
    .select(['id', 'target', 'trigger_share'])
    .where('sla_id', '=', slaId)
    .orderBy('id')
    .execute();
  return slaDefinitionOf(
    sla,
    levels.map((l) => ({ id: l.id, target: l.target as SlaTarget, triggerShare: l.trigger_share })),
  );
}

/** An SLA's row (and its calendar's, null without calendar) as the clocks read it. */
export function slaDefinitionOf(
  sla: {
    name: string;
    targets_json: unknown;
    warning_shares_json: unknown;
    time_zone: string | null;
    hours_json: unknown;
    holidays_json: unknown;
  },
  levels: SlaDefinition['levels'],
): SlaDefinition & { name: string } {
  const calendar: BusinessCalendar = sla.time_zone
    ? {
        timeZone: sla.time_zone,
        hours: sla.hours_json as BusinessCalendar['hours'],
        holidays: sla.holidays_json as string[],
      }
    : ALWAYS_OPEN;
  return {
    name: sla.name,
    targets: sla.targets_json as SlaDefinition['targets'],
    warningShares: [...(sla.warning_shares_json as number[])].sort((a, b) => a - b),
    levels,
    calendar,
  };
}

export type SlaRefresh = {
  plan: SlaPlan;
  due: SlaStep[];
  definition: SlaDefinition & { name: string };
} | null;

const NO_SLA = {
  due_first_response_at: null,
  due_resolution_at: null,
  sla_warning_at: null,
  first_response_breached_at: null,
  resolution_breached_at: null,
  sla_check_at: null,
};

/** Recomputes the ticket's SLA from its history and stores the caches; returns the plan and its due steps. */
export async function refreshSla(db: Kysely<DB>, ticketId: number, now: Date): Promise<SlaRefresh> {
  const ticket = await db
    .selectFrom('tickets')
    .select(['sla_id', 'status', 'priority', 'first_response_at', 'resolved_at'])
    .where('id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const definition = ticket.sla_id === null ? null : await loadSlaDefinition(db, ticket.sla_id);
  if (!definition) {
    await db.updateTable('tickets').set(NO_SLA).where('id', '=', ticketId).execute();
    return null;
  }
  const status = ticket.status as TicketStatus;
  const plan = slaPlan(
    definition,
    {
      priority: ticket.priority,
      status,
      history: await statusHistory(db, ticketId),
      firstResponseAt: ticket.first_response_at ? new Date(ticket.first_response_at) : null,
      resolvedAt:
        (status === 'resolved' || status === 'closed') && ticket.resolved_at
          ? new Date(ticket.resolved_at)
          : null,
    },
    now,
  );
  const fired = new Set(
    (await db.selectFrom('ticket_sla_steps').select('step').where('ticket_id', '=', ticketId).execute()).map(
      (r) => r.step,
    ),
  );
  await db.updateTable('tickets').set(slaCaches(plan, fired)).where('id', '=', ticketId).execute();
  return { plan, due: dueSteps(plan, fired, now), definition };
}

/** The ticket columns that cache a plan (ADR 0003): due dates, at-risk and breach instants, next check. */
export function slaCaches(plan: SlaPlan, fired: ReadonlySet<string>) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const { firstResponse, resolution } = plan;
  return {
    due_first_response_at: firstResponse.metAt ? null : iso(firstResponse.dueAt),
    due_resolution_at: resolution.metAt ? null : iso(resolution.dueAt),
    sla_warning_at: iso(plan.warningAt),
    first_response_breached_at: iso(firstResponse.breachedAt),
    resolution_breached_at: iso(resolution.breachedAt),
    sla_check_at: iso(nextCheckAt(plan, fired)),
  };
}

/** Records that a step fired; false if it already had (another node, an earlier run): then do nothing. */
export async function claimStep(db: Kysely<DB>, ticketId: number, step: string, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('ticket_sla_steps')
    .values({ ticket_id: ticketId, step, fired_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['ticket_id', 'step']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
