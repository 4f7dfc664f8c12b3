import type { Kysely } from 'kysely';
import { type AfterCommit, inTransaction } from '../../../db/transaction.js';
import type { DB } from '../../../db/types.js';
import type { AuditLog } from '../../../platform/audit/audit-log.js';
import type { Clock } from '../../../platform/clock.js';
import type { Notify } from '../../notifications/notifier.js';
import { pickMember, type RoutingSource } from '../routing.js';
import { slaFor } from '../routing-rules.js';
import { ticketNumber } from '../ticket-list.js';
import { groupMemberIds, recordEvent } from '../ticket-writes.js';
import type { ClosedTicket } from '../tickets.service.js';
import type { SlaStep } from './plan.js';
import { claimStep, refreshSla } from './sla-engine.js';

const BATCH = 200;
const DAY = 86_400_000;

type Deps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notify: Notify;
  /** The routing configuration (cached while unchanged). */
  routing: RoutingSource;
  autoCloseDays: () => Promise<number>;
  onClosed: (trx: Kysely<DB>, afterCommit: AfterCommit, ticket: ClosedTicket) => Promise<void>;
};

/**
 * The SLA job, every minute: fires the warnings, escalation levels and breaches that fell due (each
 * once per ticket, claimed in ticket_sla_steps, whatever the number of nodes), and closes the
 * tickets resolved for longer than the configured number of days.
 */
export function createSlaJob({
  db,
  clock,
  audit,
  notify,
  routing: loadRouting,
  autoCloseDays,
  onClosed,
}: Deps) {
  async function fire(
    trx: Kysely<DB>,
    afterCommit: AfterCommit,
    ticketId: number,
    step: SlaStep,
    at: string,
  ) {
    const ticket = await trx
      .selectFrom('tickets')
      .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
      .select([
        'tickets.id',
        'tickets.title',
        'tickets.requester_id',
        'tickets.assignee_id',
        'tickets.group_id',
        'tickets.priority',
        'tickets.category_id',
        'tickets.structure_id',
        'assignee.manager_id',
      ])
      .where('tickets.id', '=', ticketId)
      .executeTakeFirstOrThrow();
    const notice = {
      ticket: { id: ticket.id, title: ticket.title, requester_id: ticket.requester_id },
      actor: null,
    };
    const watchers = ticket.assignee_id ? [ticket.assignee_id] : await groupMemberIds(trx, ticket.group_id);
    if (step.kind !== 'level') {
      const breached = step.kind === 'breach';
      await recordEvent(
        trx,
        ticketId,
        {
          kind: breached ? 'sla_breach' : 'sla_warning',
          actorId: null,
          data: { target: step.target, share: step.share },
          isInternal: true,
        },
        at,
      );
      await notify(trx, afterCommit, {
        ...notice,
        event: 'ticket_sla_warning',
        recipients: watchers,
        data: { target: step.target, share: step.share, breached },
      });
      return;
    }
    const level = await trx
      .selectFrom('escalation_levels')
      .selectAll()
      .where('id', '=', step.levelId ?? 0)
      .executeTakeFirst();
    if (!level) return;
    const notifyWho = level.notify_json as string[];
    const recipients = [
      ...(notifyWho.includes('assignee') ? [ticket.assignee_id] : []),
      ...(notifyWho.includes('group') ? await groupMemberIds(trx, ticket.group_id) : []),
      ...(notifyWho.includes('manager') ? [ticket.manager_id] : []),
    ];
    const patch: {
      group_id?: number;
      assignee_id?: number | null;
      assigned_at?: string | null;
      priority?: number;
      sla_id?: number | null;
      updated_at: string;
    } = { updated_at: at };
    if (level.reassign_group_id && level.reassign_group_id !== ticket.group_id) {
      const assignee = await pickMember(trx, level.reassign_group_id, ticket.structure_id);
      Object.assign(patch, {
        group_id: level.reassign_group_id,
        assignee_id: assignee,
        assigned_at: assignee ? at : null,
      });
      recipients.push(...(assignee ? [assignee] : await groupMemberIds(trx, level.reassign_group_id)));
    }
    if (level.priority_raise > 0 && ticket.priority < 5) {
      patch.priority = Math.min(5, ticket.priority + level.priority_raise);
    }
    await trx.updateTable('tickets').set(patch).where('id', '=', ticketId).execute();
    const changes = {
      ...(patch.group_id !== undefined && { group: { before: ticket.group_id, after: patch.group_id } }),
      ...(patch.assignee_id !== undefined && {
        assignee: { before: ticket.assignee_id, after: patch.assignee_id },
      }),
      ...(patch.priority !== undefined && { priority: { before: ticket.priority, after: patch.priority } }),
    };
    await recordEvent(
      trx,
      ticketId,
      {
        kind: 'escalation',
        actorId: null,
        data: { level: level.id, name: level.name, target: step.target, changes },
        isInternal: true,
      },
      at,
    );
    await audit.record(
      trx,
      { actor: null },
      {
        action: 'ticket.escalated',
        target: { type: 'ticket', id: ticketId, label: `${ticketNumber(ticketId)} ${ticket.title}` },
        changes: Object.keys(changes).length > 0 ? changes : null,
      },
    );
    await notify(trx, afterCommit, {
      ...notice,
      event: 'ticket_escalated',
      recipients,
      detail: level.name,
      data: { level: level.id, name: level.name },
    });
  }

  /** Evaluates one ticket: refreshes its SLA, fires what fell due, refreshes again if a level changed it. */
  async function evaluate(ticketId: number): Promise<void> {
    await inTransaction(db, async (trx, afterCommit) => {
      const now = clock();
      const at = now.toISOString();
      const refreshed = await refreshSla(trx, ticketId, now);
      if (!refreshed) return;
      let changed = false;
      for (const step of refreshed.due) {
        if (!(await claimStep(trx, ticketId, step.key, now))) continue;
        await fire(trx, afterCommit, ticketId, step, at);
        changed ||= step.kind === 'level';
      }
      if (changed) {
        const t = await trx
          .selectFrom('tickets')
          .select(['category_id', 'structure_id', 'priority', 'sla_id'])
          .where('id', '=', ticketId)
          .executeTakeFirstOrThrow();
        // A raised priority may fall under another SLA rule; the clocks follow from the same history.
        const slaId = slaFor(await loadRouting(trx), {
          categoryId: t.category_id,
          structureId: t.structure_id,
          priority: t.priority,
        });
        if (slaId !== t.sla_id)
          await trx.updateTable('tickets').set({ sla_id: slaId }).where('id', '=', ticketId).execute();
      }
      // The fired steps no longer count for the next check.
      if (refreshed.due.length > 0) await refreshSla(trx, ticketId, now);
    });
  }

  async function autoClose(): Promise<number> {
    const days = await autoCloseDays();
    if (days <= 0) return 0;
    const now = clock();
    const before = new Date(now.getTime() - days * DAY).toISOString();
    const due = await db
      .selectFrom('tickets')
      .select('id')
      .where('status', '=', 'resolved')
      .where('resolved_at', '<=', before)
      .orderBy('resolved_at')
      .limit(BATCH)
      .execute();
    for (const { id } of due) {
      await inTransaction(db, async (trx, afterCommit) => {
        const at = clock().toISOString();
        // Checked again inside: the requester may have answered meanwhile, or another node closed it.
        const ticket = await trx
          .updateTable('tickets')
          .set({ status: 'closed', closed_at: at, updated_at: at })
          .where('id', '=', id)
          .where('status', '=', 'resolved')
          .returning(['id', 'title', 'requester_id', 'assignee_id', 'group_id', 'category_id'])
          .executeTakeFirst();
        if (!ticket) return;
        await recordEvent(
          trx,
          id,
          { kind: 'status', status: 'closed', actorId: null, data: { action: 'auto_close', days } },
          at,
        );
        await refreshSla(trx, id, new Date(at));
        await audit.record(
          trx,
          { actor: null },
          {
            action: 'ticket.transition',
            target: { type: 'ticket', id, label: `${ticketNumber(id)} ${ticket.title}` },
            changes: { status: { before: 'resolved', after: 'closed' } },
          },
        );
        await onClosed(trx, afterCommit, ticket);
      });
    }
    return due.length;
  }

  return {
    evaluate,
    autoClose,
    /** One run: every ticket whose next SLA instant has come, in batches, then the auto-close. */
    async run(): Promise<void> {
      // Each evaluation moves the ticket's next check past now: the loop ends; the cap is a safety net.
      for (let batch = 0; batch < 100; batch++) {
        const due = await db
          .selectFrom('tickets')
          .select('id')
          .where('sla_check_at', '<=', clock().toISOString())
          .orderBy('sla_check_at')
          .limit(BATCH)
          .execute();
        for (const { id } of due) await evaluate(id);
        if (due.length < BATCH) break;
      }
      await autoClose();
    },
  };
}
