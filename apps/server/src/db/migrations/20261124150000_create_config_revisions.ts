import { type Kysely, sql } from 'kysely';
import { schemaTypes } from './schema-types.js';

// A revision number per kind of cached configuration, bumped by triggers on every write to the
// tables it is read from, whoever writes (API, `itsm seed`, another node, plain SQL). A server
// keeps its copy while the number stays the same: one tiny read instead of the whole configuration.

/** The tables the ticket routing snapshot is read from (modules/tickets/routing.ts). */
const ROUTING_TABLES = [
  'ticket_categories',
  'structures',
  'assignment_rules',
  'sla_rules',
  'slas',
  'business_calendars',
  'escalation_levels',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  await db.schema
    .createTable('config_revisions')
    .addColumn('name', 'varchar(50)', (c) => c.primaryKey())
    .addColumn('revision', t.bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('config_revisions').values({ name: 'routing', revision: 0 }).execute();

  const bump = sql`update config_revisions set revision = revision + 1 where name = 'routing'`;
  if (t.isPostgres) {
    await sql`create function config_revisions_bump_routing() returns trigger language plpgsql as $$
      begin ${bump}; return null; end $$`.execute(db);
    for (const table of ROUTING_TABLES) {
      await sql`create trigger ${sql.id(`${table}_routing_revision`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function config_revisions_bump_routing()`.execute(db);
    }
  } else {
    for (const table of ROUTING_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`create trigger ${sql.id(`${table}_routing_revision_${event}`)}
          after ${sql.raw(event)} on ${sql.table(table)} begin ${bump}; end`.execute(db);
      }
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  for (const table of ROUTING_TABLES) {
    if (t.isPostgres)
      await sql`drop trigger ${sql.id(`${table}_routing_revision`)} on ${sql.table(table)}`.execute(db);
    else
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.id(`${table}_routing_revision_${event}`)}`.execute(db);
  }
  if (t.isPostgres) await sql`drop function config_revisions_bump_routing()`.execute(db);
  await db.schema.dropTable('config_revisions').execute();
}
