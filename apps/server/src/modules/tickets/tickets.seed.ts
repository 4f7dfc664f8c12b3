import { type Kysely, sql } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { DB } from '../../db/types.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { SeedContext, Seeder } from '../../seed/seeder.js';
import { DEMO_PASSWORD } from '../users/identity.seed.js';
import { type GeneratedTicket, generateTicket, seededRng } from './ticket-generator.js';

/** Tickets of the demo without --tickets: enough to try every list and page. */
const DEMO_TICKETS = 60;
/** One extra requester per this many tickets for large fills (a million tickets: 2,500 requesters). */
const TICKETS_PER_REQUESTER = 400;
const BATCH = 500;
const MINUTE = 60_000;

type Requester = { id: number; structure_id: number; site_id: number | null };

async function benchRequesters(db: Kysely<DB>, wanted: number, structures: number[]): Promise<void> {
  const existing = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', 'like', '@requester-%.bench.demo')
    .executeTakeFirst();
  const have = Number(existing?.n ?? 0);
  if (have >= wanted) return;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (let start = have; start < wanted; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(wanted, start + BATCH); i++) {
      const n = String(i + 1).padStart(5, '0');
      rows.push({
        username: `@requester-${n}.bench.demo`,
        email: `requester-${n}@bench.example`,
        first_name: 'Demandeur',
        last_name: n,
        role: 'user' as const,
        structure_id: structures[i % structures.length] as number,
        password_hash: hash,
      });
    }
    await db.insertInto('users').values(rows).execute();
  }
}

/** Everything a generated ticket needs from the rest of the demo data. */
async function landscape(db: Kysely<DB>) {
  const requesters: Requester[] = await db
    .selectFrom('users')
    .select(['id', 'structure_id', 'site_id'])
    .where('role', '=', 'user')
    .where('is_active', '=', true)
    .where('structure_id', 'is not', null)
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, structure_id: r.structure_id as number })));
  const categories = await db
    .selectFrom('ticket_categories')
    .select(['id', 'default_group_id'])
    .where('approval', '=', 'none')
    .where('is_active', '=', true)
    .orderBy('id')
    .execute();
  const members = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['group_members.group_id', 'users.id'])
    .where('users.role', 'in', ['admin', 'technician'])
    .execute();
  const sla = await db
    .selectFrom('slas')
    .select(['id', 'targets_json'])
    .where('is_default', '=', true)
    .executeTakeFirst();
  return { requesters, categories, members, sla };
}

type Landscape = Awaited<ReturnType<typeof landscape>>;

function ticketRow(g: GeneratedTicket, land: Landscape, rng: () => number, now: Date) {
  const requester = land.requesters[Math.floor(rng() * land.requesters.length)] as Requester;
  const category = land.categories.length
    ? land.categories[Math.floor(rng() * land.categories.length)]
    : undefined;
  const groupId = category?.default_group_id ?? null;
  // A ticket someone works on has someone: the category's team, else any support member.
  const group = land.members.filter((m) => m.group_id === groupId);
  const team = group.length > 0 ? group : land.members;
  const assignee = g.assigned && team.length ? (team[Math.floor(rng() * team.length)]?.id ?? null) : null;
  const targets = land.sla?.targets_json as Record<
    string,
    { first_response_minutes: number; resolution_minutes: number }
  >;
  const target = targets?.[String(g.priority)];
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const open = ['new', 'assigned', 'in_progress'].includes(g.status);
  const due = target ? new Date(g.createdAt.getTime() + target.resolution_minutes * MINUTE) : null;
  const dueFirst = target ? new Date(g.createdAt.getTime() + target.first_response_minutes * MINUTE) : null;
  return {
    title: g.title,
    description: g.description,
    type: g.type,
    // Without any support member, nobody took it.
    status: g.assigned && assignee === null ? 'new' : g.status,
    urgency: g.urgency,
    impact: g.impact,
    priority: g.priority,
    category_id: category?.id ?? null,
    requester_id: requester.id,
    created_by_id: requester.id,
    assignee_id: assignee,
    group_id: groupId,
    structure_id: requester.structure_id,
    site_id: requester.site_id,
    source: g.source,
    assigned_at: assignee ? iso(g.firstResponseAt ?? g.createdAt) : null,
    first_response_at: iso(g.firstResponseAt),
    resolved_at: iso(g.resolvedAt),
    closed_at: iso(g.closedAt),
    solution: g.resolvedAt ? 'Résolu à distance.' : null,
    sla_id: land.sla?.id ?? null,
    due_first_response_at: g.firstResponseAt ? null : iso(dueFirst),
    due_resolution_at: open ? iso(due) : null,
    sla_warning_at:
      open && target
        ? new Date(g.createdAt.getTime() + 0.75 * target.resolution_minutes * MINUTE).toISOString()
        : null,
    first_response_breached_at: dueFirst && (g.firstResponseAt ?? now) > dueFirst ? iso(dueFirst) : null,
    resolution_breached_at: due && (g.resolvedAt ?? (open ? now : null) ?? due) > due ? iso(due) : null,
    created_at: g.createdAt.toISOString(),
    updated_at: g.changedAt.toISOString(),
  };
}

async function fill(context: SeedContext, total: number, seed: number): Promise<string> {
  const { db } = context;
  const now = context.now();
  const have = Number(
    (
      await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  if (have >= total) return `${have} tickets already, none added`;
  if (total > DEMO_TICKETS) {
    const structures = (await db.selectFrom('structures').select('id').orderBy('id').execute()).map(
      (s) => s.id,
    );
    await benchRequesters(db, Math.ceil(total / TICKETS_PER_REQUESTER), structures);
  }
  const land = await landscape(db);
  if (land.requesters.length === 0) return 'no requesters (run the identity seeder first), none added';
  const rng = seededRng(seed + have);
  // A large fill touches many index pages: give SQLite room to keep them in memory meanwhile.
  if (context.dialect.dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
  const missing = total - have;
  // The demo shows a living help desk (three weeks, many open); large fills spread over six months.
  const spanDays = total > DEMO_TICKETS ? 182 : 21;
  const progress = context.progress('tickets', missing);
  for (let done = 0; done < missing; done += BATCH) {
    const generated = Array.from({ length: Math.min(BATCH, missing - done) }, (_, i) =>
      generateTicket(rng, now, (done + i) / missing, spanDays),
    );
    const rows = generated.map((g) => ticketRow(g, land, rng, now));
    const ids = await db.insertInto('tickets').values(rows).returning('id').execute();
    const events = ids.flatMap(({ id }, i) => {
      const row = rows[i] as (typeof rows)[number];
      const created = {
        ticket_id: id,
        kind: 'created',
        status: 'new',
        actor_id: row.requester_id,
        data_json: toJson({ source: row.source }),
        created_at: row.created_at,
      };
      if (row.status === 'new') return [created];
      return [
        created,
        {
          ticket_id: id,
          kind: 'status',
          status: row.status,
          actor_id: row.assignee_id,
          data_json: null,
          created_at: row.updated_at,
        },
      ];
    });
    await db.insertInto('ticket_events').values(events).execute();
    progress.tick(rows.length);
  }
  progress.stop();
  // Fresh statistics, so that the planner picks the indexes the lists need.
  await sql`analyze`.execute(db);
  return `${missing} tickets added (${total} in all)`;
}

/** Demo tickets; `itsm seed --tickets N` fills the database up to N generated tickets (benchmarks). */
export const ticketsSeeder: Seeder = {
  name: 'tickets',
  description: `${DEMO_TICKETS} demo tickets, or --tickets N generated ones over six months`,
  run(context) {
    const wanted = Number(context.options.tickets ?? DEMO_TICKETS);
    return fill(context, wanted, 20261124);
  },
};
