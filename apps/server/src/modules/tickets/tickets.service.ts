import type {
  SlaClock,
  Ticket,
  TicketCreate,
  TicketDetail,
  TicketStatus,
  TicketTransition,
  TicketUpdate,
} from '@itsm/contracts';
import { TicketCreateSchema } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import { type AfterCommit, inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, isStaff, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { type ListParams, listStatements, type PageLinks, paginate } from '../../platform/lists/index.js';
import { scopeMachines } from '../machines/index.js';
import type { Notify } from '../notifications/notifier.js';
import { scopeUsers } from '../users/users.policy.js';
import { checkUsersExist } from '../users/users.repository.js';
import { checkReferences } from './config/references.js';
import type { TicketSettingsReader } from './config/ticket-settings.js';
import { type Level, priorityOf } from './priority.js';
import type { RoutingSource } from './routing.js';
import { slaFor } from './routing-rules.js';
import type { ClockView, SlaPlan } from './sla/plan.js';
import { slaPlan } from './sla/plan.js';
import { refreshSla, slaCaches, slaDefinitionOf } from './sla/sla-engine.js';
import { TICKET_COUNT_LIMIT, ticketList, ticketNumber } from './ticket-list.js';
import {
  checkAgent,
  groupMemberIds,
  recordEvent,
  recordEvents,
  replaceWatchers,
  routeTicket,
  watcherIds,
} from './ticket-writes.js';
import { isStaffOf, partiesOf, scopeTickets } from './tickets.policy.js';
import { groupsOf, selectTickets, type TicketRow, ticketListQuery, toTicket } from './tickets.repository.js';
import { availableActions, type TicketAction, transition as workflowTransition } from './workflow.js';

type Deps = {
  db: Kysely<DB>;
  dialect: DialectHelpers;
  clock: Clock;
  audit: AuditLog;
  notify: Notify;
  settings: TicketSettingsReader;
  /** The routing configuration (cached while unchanged). */
  routing: RoutingSource;
  /** Opens a survey for a closed ticket and notifies the requester (surveys module). */
  onClosed: (trx: Kysely<DB>, afterCommit: AfterCommit, ticket: ClosedTicket) => Promise<void>;
};

export type ClosedTicket = {
  id: number;
  title: string;
  requester_id: number;
  assignee_id: number | null;
  group_id: number | null;
  category_id: number | null;
};

const MINUTE = 60_000;
const REFUSALS = {
  not_from_this_status: () => new AppError('TRANSITION_NOT_ALLOWED'),
  not_allowed_for_you: () => new AppError('FORBIDDEN', { detail: 'You may not do this to this ticket' }),
  reason_required: () => fieldError('body', 'reason', 'Give a reason for this action', 'required'),
} as const;

function clockView(view: ClockView): SlaClock {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    target_minutes: Math.round(view.targetMs / MINUTE),
    elapsed_minutes: Math.round(view.elapsedMs / MINUTE),
    share: Math.round(view.share * 1000) / 1000,
    is_running: view.running,
    due_at: view.metAt ? null : iso(view.dueAt),
    breached_at: iso(view.breachedAt),
    met_at: iso(view.metAt),
    health: view.health,
  };
}

const actorName = (actor: Actor, names: { first_name: string; last_name: string } | undefined) =>
  names ? `${names.first_name} ${names.last_name}` : actor.username;

export function createTicketService({
  db,
  dialect,
  clock,
  audit,
  notify,
  settings,
  routing: loadRouting,
  onClosed,
}: Deps) {
  const nowIso = () => clock().toISOString();

  const INTERNAL_COLUMNS = [
    'tickets.id',
    'tickets.title',
    'tickets.status',
    'tickets.requester_id',
    'tickets.assignee_id',
    'tickets.group_id',
    'tickets.category_id',
    'tickets.structure_id',
    'tickets.priority',
    'tickets.urgency',
    'tickets.impact',
    'tickets.solution',
    'tickets.first_response_at',
    'tickets.approver_user_id',
    'tickets.approver_group_id',
    'tickets.created_by_id',
    'tickets.site_id',
  ] as const;

  /** The ticket's own columns if the caller may see it (else 404): what the commands work from. */
  async function visible(actor: Actor, id: number) {
    const row = await scopeTickets(
      actor,
      db
        .selectFrom('tickets')
        .select([...INTERNAL_COLUMNS, 'tickets.description', 'tickets.type', 'tickets.machine_id']),
      { single: true },
    )
      .where('tickets.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    return row;
  }

  async function who(actor: Actor) {
    const names = await db
      .selectFrom('users')
      .select(['first_name', 'last_name'])
      .where('id', '=', actor.id)
      .executeTakeFirst();
    return { id: actor.id, name: actorName(actor, names) };
  }

  const detailRow = (executor: Kysely<DB>) => selectTickets(executor).select(INTERNAL_COLUMNS);
  type DetailRow = Awaited<ReturnType<ReturnType<typeof detailRow>['executeTakeFirstOrThrow']>>;

  /** The detail of a loaded ticket, from its SLA plan and who the actor is to it. */
  function assemble(
    actor: Actor,
    row: DetailRow,
    facts: {
      watchers: number[];
      myGroups: number[];
      slaName: string | null;
      plan: SlaPlan | null;
      now: Date;
    },
  ): TicketDetail {
    const { plan } = facts;
    const parties = partiesOf(actor, row, facts.myGroups);
    const staff = isStaffOf(actor, row);
    return {
      ...toTicket(row, facts.now.toISOString()),
      solution: row.solution,
      created_by: row.created_by_id,
      approver_user: row.approver_user_id,
      approver_group: row.approver_group_id,
      watchers: facts.watchers,
      sla_name: facts.slaName,
      clocks: {
        first_response: plan ? clockView(plan.firstResponse) : null,
        resolution: plan ? clockView(plan.resolution) : null,
      },
      available_actions: availableActions(row.status as TicketStatus, parties).filter(
        (a) => a !== 'auto_close',
      ) as Exclude<TicketAction, 'auto_close'>[],
      can_edit: staff,
      can_comment_internally: staff,
    };
  }

  async function detail(actor: Actor, id: number): Promise<TicketDetail> {
    // One round trip for the ticket, its watchers, its status history and the caller's groups.
    const row = await scopeTickets(
      actor,
      detailRow(db).select([
        dialect
          .jsonRows(db.selectFrom('ticket_watchers').select('user_id').where('ticket_id', '=', id), [
            'user_id',
          ])
          .as('watchers_json'),
        dialect
          .jsonRows(
            db
              .selectFrom('ticket_events')
              .select(['id', 'status', 'created_at'])
              .where('ticket_id', '=', id)
              .where('status', 'is not', null),
            ['id', 'status', 'created_at'],
          )
          .as('history_json'),
        dialect
          .jsonRows(db.selectFrom('group_members').select('group_id').where('user_id', '=', actor.id), [
            'group_id',
          ])
          .as('my_groups_json'),
        // The SLA and its calendar (the clocks need no escalation levels).
        sql<string | null>`(select s.name from slas as s where s.id = tickets.sla_id)`.as('sla_name'),
        sql<unknown>`(select s.targets_json from slas as s where s.id = tickets.sla_id)`.as(
          'sla_targets_json',
        ),
        sql<unknown>`(select s.warning_shares_json from slas as s where s.id = tickets.sla_id)`.as(
          'sla_warning_shares_json',
        ),
        sql<string | null>`(select c.time_zone from slas as s
          join business_calendars as c on c.id = s.calendar_id where s.id = tickets.sla_id)`.as(
          'sla_time_zone',
        ),
        sql<unknown>`(select c.hours_json from slas as s
          join business_calendars as c on c.id = s.calendar_id where s.id = tickets.sla_id)`.as(
          'sla_hours_json',
        ),
        sql<unknown>`(select c.holidays_json from slas as s
          join business_calendars as c on c.id = s.calendar_id where s.id = tickets.sla_id)`.as(
          'sla_holidays_json',
        ),
      ]),
      { single: true },
    )
      .where('tickets.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    const now = clock();
    const rows = (value: unknown) => (value ?? []) as Record<string, unknown>[];
    const definition =
      row.sla_id !== null && row.sla_name !== null
        ? slaDefinitionOf(
            {
              name: row.sla_name,
              targets_json: row.sla_targets_json,
              warning_shares_json: row.sla_warning_shares_json,
              time_zone: row.sla_time_zone,
              hours_json: row.sla_hours_json,
              holidays_json: row.sla_holidays_json,
            },
            [],
          )
        : null;
    const status = row.status as TicketStatus;
    const plan = definition
      ? slaPlan(
          definition,
          {
            priority: row.priority,
            status,
            history: rows(row.history_json)
              .sort((a, b) => Number(a.id) - Number(b.id))
              .map((e) => ({ status: e.status as TicketStatus, at: new Date(String(e.created_at)) })),
            firstResponseAt: row.first_response_at ? new Date(row.first_response_at) : null,
            resolvedAt:
              (status === 'resolved' || status === 'closed') && row.resolved_at
                ? new Date(row.resolved_at)
                : null,
          },
          now,
        )
      : null;
    return assemble(actor, row, {
      watchers: rows(row.watchers_json)
        .map((w) => Number(w.user_id))
        .sort((a, b) => a - b),
      myGroups: rows(row.my_groups_json).map((g) => Number(g.group_id)),
      slaName: definition?.name ?? null,
      plan,
      now,
    });
  }

  /** Runs a command in one transaction; notifications go out once it has committed. */
  function command<T>(
    work: (trx: Kysely<DB>, afterCommit: AfterCommit, at: string) => Promise<T>,
  ): Promise<T> {
    return inTransaction(db, (trx, afterCommit) => work(trx, afterCommit, nowIso()));
  }

  /** 400 unless the actor may see the machine he links a ticket to. */
  async function checkMachine(actor: Actor, machineId: number | null | undefined) {
    if (machineId === null || machineId === undefined) return;
    const found = await scopeMachines(actor, db.selectFrom('machines').select('machines.id'))
      .where('machines.id', '=', machineId)
      .executeTakeFirst();
    if (!found) throw fieldError('body', 'machine', `No such machine: ${machineId}`, 'not_found');
  }

  /**
   * `relayed`: what the agent of a machine vouches for (the desktop app): the ticket is about that
   * machine, whoever its main user is.
   */
  async function create(
    actor: Actor,
    raw: TicketCreate,
    request: RequestContext,
    relayed: { machine?: number; source?: 'agent' } = {},
  ): Promise<TicketDetail> {
    const input = TicketCreateSchema.parse(raw);
    const staff = isStaff(actor);
    if (!staff) {
      assertAllowed(
        (input.requester ?? actor.id) === actor.id,
        'Only support staff open tickets on behalf of someone',
      );
      assertAllowed(
        input.assignee == null && input.group == null,
        'Only support staff choose the group or the assignee',
      );
    }
    const requester = await scopeUsers(
      actor,
      db
        .selectFrom('users')
        .select([
          'users.id',
          'users.structure_id',
          'users.site_id',
          'users.manager_id',
          'users.is_active',
          'users.first_name',
          'users.last_name',
        ]),
    )
      .where('users.id', '=', input.requester ?? actor.id)
      .executeTakeFirst();
    if (!requester?.is_active) throw fieldError('body', 'requester', 'No such active user');
    const category = input.category
      ? await db
          .selectFrom('ticket_categories')
          .select(['id', 'approval', 'approver_user_id', 'approver_group_id'])
          .where('id', '=', input.category)
          .where('is_active', '=', true)
          .executeTakeFirst()
      : null;
    if (input.category && !category) throw fieldError('body', 'category', 'No such active category');
    const structureId =
      requester.structure_id ??
      (
        await db
          .selectFrom('structures')
          .select('id')
          .where('parent_id', 'is', null)
          .orderBy('id')
          .executeTakeFirst()
      )?.id;
    if (structureId === undefined)
      throw fieldError('body', 'requester', 'The requester belongs to no structure');
    await checkReferences(db, [
      ['site', 'sites', input.site],
      ['group', 'groups', input.group],
    ]);
    if (input.assignee) await checkAgent(db, input.assignee, 'assignee');
    await checkUsersExist(db, input.watchers ?? [], 'watchers');
    if (relayed.machine === undefined) await checkMachine(actor, input.machine);
    const machineId = relayed.machine ?? input.machine ?? null;

    const { priority_matrix } = await settings.get();
    const priority = priorityOf(input.urgency as Level, input.impact as Level, priority_matrix as Level[][]);
    const needsApproval = category !== null && category !== undefined && category.approval !== 'none';
    const approverUser = !needsApproval
      ? null
      : category.approval === 'manager'
        ? requester.manager_id
        : category.approval === 'user'
          ? category.approver_user_id
          : null;
    const approverGroup = needsApproval && category.approval === 'group' ? category.approver_group_id : null;
    const source = relayed.source ?? input.source ?? (actor.via === 'token' ? 'api' : 'web');
    const me =
      requester.id === actor.id
        ? { id: actor.id, name: `${requester.first_name} ${requester.last_name}` }
        : await who(actor);

    return command(async (trx, afterCommit, at) => {
      const routing = await loadRouting(trx);
      const route = needsApproval
        ? { groupId: null, assigneeId: null }
        : input.assignee || input.group
          ? { groupId: input.group ?? null, assigneeId: input.assignee ?? null }
          : await routeTicket(trx, routing, { categoryId: category?.id ?? null, structureId });
      const status: TicketStatus = needsApproval ? 'waiting_approval' : route.assigneeId ? 'assigned' : 'new';
      const slaId = slaFor(routing, { categoryId: category?.id ?? null, structureId, priority });
      // Everything about the new ticket is known here: its SLA caches go in with it.
      const opened = new Date(at);
      const definition = slaId === null ? null : (routing.definitions.get(slaId) ?? null);
      const history = [
        { status: (needsApproval ? 'waiting_approval' : 'new') as TicketStatus, at: opened },
        ...(route.assigneeId ? [{ status: 'assigned' as TicketStatus, at: opened }] : []),
      ];
      const plan = definition
        ? slaPlan(definition, { priority, status, history, firstResponseAt: null, resolvedAt: null }, opened)
        : null;
      const { id } = await trx
        .insertInto('tickets')
        .values({
          title: input.title,
          description: input.description,
          type: input.type,
          status,
          urgency: input.urgency,
          impact: input.impact,
          priority,
          category_id: category?.id ?? null,
          requester_id: requester.id,
          created_by_id: actor.id,
          assignee_id: route.assigneeId,
          group_id: route.groupId,
          structure_id: structureId,
          site_id: input.site ?? requester.site_id,
          machine_id: machineId,
          source,
          approver_user_id: approverUser,
          approver_group_id: approverGroup,
          assigned_at: route.assigneeId ? at : null,
          sla_id: slaId,
          ...(plan && slaCaches(plan, new Set())),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const routed = route.assigneeId || route.groupId;
      await recordEvents(
        trx,
        id,
        [
          {
            kind: 'created',
            status: needsApproval ? 'waiting_approval' : 'new',
            actorId: actor.id,
            data: { source },
          },
          ...(routed
            ? [
                {
                  kind: 'assigned',
                  status: route.assigneeId ? ('assigned' as const) : null,
                  actorId: input.assignee || input.group ? actor.id : null,
                  data: {
                    assignee: route.assigneeId,
                    group: route.groupId,
                    automatic: !(input.assignee || input.group),
                  },
                },
              ]
            : []),
        ],
        at,
      );
      if (input.watchers?.length) await replaceWatchers(trx, id, input.watchers, at);
      await audit.record(trx, auditContext(actor, request), {
        action: 'ticket.created',
        target: { type: 'ticket', id, label: `${ticketNumber(id)} ${input.title}` },
      });
      const ticket = { id, title: input.title, requester_id: requester.id };
      if (requester.id !== actor.id)
        await notify(trx, afterCommit, {
          event: 'ticket_created',
          ticket,
          actor: me,
          recipients: [requester.id],
        });
      if (needsApproval) {
        const approvers = approverUser ? [approverUser] : await groupMemberIds(trx, approverGroup, false);
        await notify(trx, afterCommit, {
          event: 'approval_requested',
          ticket,
          actor: me,
          recipients: approvers,
        });
      } else if (route.assigneeId) {
        await notify(trx, afterCommit, {
          event: 'ticket_assigned',
          ticket,
          actor: me,
          recipients: [route.assigneeId],
        });
      } else if (route.groupId) {
        await notify(trx, afterCommit, {
          event: 'ticket_created',
          ticket,
          actor: me,
          recipients: await groupMemberIds(trx, route.groupId),
        });
      }
      // The answer is read in the same transaction, from what was just computed.
      const row = await detailRow(trx).where('tickets.id', '=', id).executeTakeFirstOrThrow();
      return assemble(actor, row, {
        watchers: [...new Set(input.watchers ?? [])],
        myGroups: approverGroup === null ? [] : await groupsOf(trx, actor.id),
        slaName: definition?.name ?? null,
        plan,
        now: opened,
      });
    });
  }

  async function update(actor: Actor, id: number, input: TicketUpdate, request: RequestContext) {
    const before = await visible(actor, id);
    const staff = isStaffOf(actor, before);
    if (!staff) {
      const own = before.requester_id === actor.id && ['waiting_approval', 'new'].includes(before.status);
      const fields = Object.keys(input).filter((k) => input[k as keyof TicketUpdate] !== undefined);
      assertAllowed(
        own && fields.every((f) => ['title', 'description', 'watchers'].includes(f)),
        'You may change the title, the description and the watchers of your ticket until it is taken',
      );
    }
    await checkReferences(db, [
      ['group', 'groups', input.group],
      ['category', 'ticket_categories', input.category],
      ['site', 'sites', input.site],
    ]);
    if (input.assignee) await checkAgent(db, input.assignee, 'assignee');
    if (input.watchers) await checkUsersExist(db, input.watchers, 'watchers');
    await checkMachine(actor, input.machine);

    const urgency = input.urgency ?? before.urgency;
    const impact = input.impact ?? before.impact;
    const { priority_matrix } = await settings.get();
    const priority =
      input.priority ??
      (input.urgency !== undefined || input.impact !== undefined
        ? priorityOf(urgency as Level, impact as Level, priority_matrix as Level[][])
        : before.priority);
    const after = {
      title: input.title ?? before.title,
      description: input.description,
      type: input.type,
      urgency,
      impact,
      priority,
      category: input.category === undefined ? before.category_id : input.category,
      assignee: input.assignee === undefined ? before.assignee_id : input.assignee,
      group: input.group === undefined ? before.group_id : input.group,
      site: input.site,
      machine: input.machine,
      solution: input.solution,
    };
    const changes = changesOf(
      {
        title: before.title,
        description: before.description,
        type: before.type,
        urgency: before.urgency,
        impact: before.impact,
        priority: before.priority,
        category: before.category_id,
        assignee: before.assignee_id,
        group: before.group_id,
        site: before.site_id,
        machine: before.machine_id,
        solution: before.solution,
      },
      Object.fromEntries(Object.entries(after).filter(([, v]) => v !== undefined)),
    );
    const currentWatchers = await watcherIds(db, id);
    const watchersChanged =
      input.watchers !== undefined &&
      JSON.stringify([...new Set(input.watchers)].sort()) !== JSON.stringify([...currentWatchers].sort());
    if (!changes && !watchersChanged) return detail(actor, id);
    const me = await who(actor);

    await command(async (trx, afterCommit, at) => {
      const reassigned = changes?.assignee !== undefined || changes?.group !== undefined;
      const takesStatus = reassigned && after.assignee !== null && before.status === 'new';
      const slaChanged = changes?.category !== undefined || changes?.priority !== undefined;
      await trx
        .updateTable('tickets')
        .set({
          title: after.title,
          ...(after.description !== undefined && { description: after.description }),
          ...(after.type !== undefined && { type: after.type }),
          urgency,
          impact,
          priority,
          category_id: after.category,
          assignee_id: after.assignee,
          group_id: after.group,
          ...(after.site !== undefined && { site_id: after.site }),
          ...(after.machine !== undefined && { machine_id: after.machine }),
          ...(after.solution !== undefined && { solution: after.solution }),
          ...(changes?.assignee !== undefined && { assigned_at: after.assignee ? at : null }),
          ...(takesStatus && { status: 'assigned' }),
          ...(slaChanged && {
            sla_id: slaFor(await loadRouting(trx), {
              categoryId: after.category,
              structureId: before.structure_id,
              priority,
            }),
          }),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
      const { assignee: _a, group: _g, ...fieldChanges } = changes ?? {};
      if (Object.keys(fieldChanges).length > 0)
        await recordEvent(
          trx,
          id,
          { kind: 'updated', actorId: actor.id, data: { changes: fieldChanges } },
          at,
        );
      if (reassigned)
        await recordEvent(
          trx,
          id,
          {
            kind: 'assigned',
            status: takesStatus ? 'assigned' : null,
            actorId: actor.id,
            data: { assignee: after.assignee, group: after.group, automatic: false },
          },
          at,
        );
      if (watchersChanged) await replaceWatchers(trx, id, input.watchers ?? [], at);
      await refreshSla(trx, id, new Date(at));
      await audit.record(trx, auditContext(actor, request), {
        action: 'ticket.updated',
        target: { type: 'ticket', id, label: `${ticketNumber(id)} ${after.title}` },
        changes: {
          ...changes,
          ...(watchersChanged && { watchers: { before: currentWatchers, after: input.watchers } }),
        },
      });
      if (changes?.assignee !== undefined && after.assignee)
        await notify(trx, afterCommit, {
          event: 'ticket_assigned',
          ticket: { id, title: after.title, requester_id: before.requester_id },
          actor: me,
          recipients: [after.assignee],
        });
    });
    return detail(actor, id);
  }

  async function transition(actor: Actor, id: number, input: TicketTransition, request: RequestContext) {
    const before = await visible(actor, id);
    const parties = partiesOf(actor, before, await groupsOf(db, actor.id));
    const verdict = workflowTransition(before.status as TicketStatus, input.action, parties, input.reason);
    if (!verdict.ok) throw REFUSALS[verdict.refusal]();
    if (input.action === 'assign') {
      if (!input.assignee && !input.group)
        throw fieldError('body', 'assignee', 'Choose an assignee or a group', 'required');
      await checkReferences(db, [['group', 'groups', input.group]]);
      if (input.assignee) await checkAgent(db, input.assignee, 'assignee');
    }
    const solution = input.solution?.trim() || before.solution;
    if (input.action === 'resolve' && !solution)
      throw fieldError('body', 'solution', 'Describe the solution', 'required');
    const me = await who(actor);

    await command(async (trx, afterCommit, at) => {
      let status = verdict.to;
      const ticket = { id, title: before.title, requester_id: before.requester_id };
      const patch: Record<string, unknown> = { status, updated_at: at };
      const staffAnswer = parties.includes('staff') && ['start', 'wait', 'resolve'].includes(input.action);
      if (staffAnswer && !before.first_response_at) patch.first_response_at = at;
      let assignment: { assignee: number | null; group: number | null } | null = null;
      switch (input.action) {
        case 'approve': {
          const route = await routeTicket(trx, await loadRouting(trx), {
            categoryId: before.category_id,
            structureId: before.structure_id,
          });
          if (route.groupId || route.assigneeId)
            assignment = { assignee: route.assigneeId, group: route.groupId };
          break;
        }
        case 'assign':
          assignment = { assignee: input.assignee ?? null, group: input.group ?? before.group_id };
          break;
        case 'resolve':
          Object.assign(patch, { solution, resolved_at: at });
          break;
        case 'validate':
        case 'cancel':
        case 'refuse':
          patch.closed_at = at;
          break;
        case 'reject':
        case 'reopen':
          Object.assign(patch, { resolved_at: null, closed_at: null });
          break;
      }
      // An assignment is its own event; any other action is a status change.
      if (input.action !== 'assign')
        await recordEvent(
          trx,
          id,
          {
            kind: 'status',
            status,
            actorId: actor.id,
            reason: input.reason ?? null,
            data: { action: input.action },
          },
          at,
        );
      if (assignment) {
        const previous = input.action === 'assign' ? before.status : status;
        status = assignment.assignee !== null ? 'assigned' : 'new';
        Object.assign(patch, {
          status,
          assignee_id: assignment.assignee,
          group_id: assignment.group,
          assigned_at: assignment.assignee !== null ? at : null,
        });
        await recordEvent(
          trx,
          id,
          {
            kind: 'assigned',
            status: status !== previous ? status : null,
            actorId: input.action === 'assign' ? actor.id : null,
            data: { ...assignment, automatic: input.action !== 'assign' },
          },
          at,
        );
      }
      await trx.updateTable('tickets').set(patch).where('id', '=', id).execute();
      await refreshSla(trx, id, new Date(at));
      await audit.record(trx, auditContext(actor, request), {
        action: 'ticket.transition',
        target: { type: 'ticket', id, label: `${ticketNumber(id)} ${before.title}` },
        changes: { status: { before: before.status, after: status } },
      });
      const watchers = await watcherIds(trx, id);
      switch (input.action) {
        case 'resolve':
          await notify(trx, afterCommit, {
            event: 'ticket_resolved',
            ticket,
            actor: me,
            recipients: [before.requester_id, ...watchers],
            detail: solution,
          });
          break;
        case 'validate':
          await onClosed(trx, afterCommit, {
            ...ticket,
            assignee_id: before.assignee_id,
            group_id: before.group_id,
            category_id: before.category_id,
          });
          await notify(trx, afterCommit, {
            event: 'ticket_closed',
            ticket,
            actor: me,
            recipients: [before.assignee_id],
          });
          break;
        case 'cancel':
        case 'refuse':
          await notify(trx, afterCommit, {
            event: 'ticket_closed',
            ticket,
            actor: me,
            recipients: [before.requester_id, before.assignee_id, ...watchers],
            detail: input.reason ?? null,
          });
          break;
        case 'reject':
        case 'reopen':
          await notify(trx, afterCommit, {
            event: 'ticket_commented',
            ticket,
            actor: me,
            recipients: [before.assignee_id, before.requester_id],
            detail: input.reason ?? null,
          });
          break;
      }
      if (assignment?.assignee)
        await notify(trx, afterCommit, {
          event: 'ticket_assigned',
          ticket,
          actor: me,
          recipients: [assignment.assignee],
        });
      else if (assignment?.group)
        await notify(trx, afterCommit, {
          event: 'ticket_created',
          ticket,
          actor: me,
          recipients: await groupMemberIds(trx, assignment.group),
        });
    });
    return detail(actor, id);
  }

  return {
    detail,
    create,
    update,
    transition,
    visible,
    who,

    async list(actor: Actor, params: ListParams, links: PageLinks) {
      const now = nowIso();
      const { query, rest } = ticketListQuery(db, dialect, actor, params, now);
      const page = await paginate(query, ticketList, rest, dialect, links, {
        countLimit: TICKET_COUNT_LIMIT,
        executor: db,
      });
      return { ...page, results: page.results.map((row): Ticket => toTicket(row as TicketRow, now)) };
    },

    /** One slice of a list in its order, without counting (the CSV export walks the whole list). */
    async slice(actor: Actor, params: ListParams, page: number, pageSize: number): Promise<Ticket[]> {
      const now = nowIso();
      const { query, rest } = ticketListQuery(db, dialect, actor, params, now);
      const rows = await listStatements(
        query,
        ticketList,
        { ...rest, page, pageSize },
        dialect,
      ).page.execute();
      return rows.map((row) => toTicket(row as TicketRow, now));
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
