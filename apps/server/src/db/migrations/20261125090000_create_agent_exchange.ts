import type { Kysely } from 'kysely';
import { schemaTypes } from './schema-types.js';

// What agents need to talk to the server: enrollment keys traded for machine tokens, the
// instructions the server answers with, and idempotency receipts so that a request replayed by
// an agent's offline queue is applied once.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable('enrollment_keys')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    // sha256 of the key; the key itself is shown once, at creation.
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    // Its first characters, so that an admin can tell keys apart.
    .addColumn('key_hint', 'varchar(16)', (c) => c.notNull())
    // New machines enrolled with the key land in this structure and site.
    .addColumn('structure_id', t.bigint, (c) => c.notNull().references('structures.id').onDelete('restrict'))
    .addColumn('site_id', t.bigint, (c) => c.references('sites.id').onDelete('set null'))
    .addColumn('expires_at', t.timestamp)
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .addColumn('created_by_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('enrollment_keys_structure_id_idx', 'enrollment_keys', ['structure_id']);
  await index('enrollment_keys_site_id_idx', 'enrollment_keys', ['site_id']);
  await index('enrollment_keys_created_by_id_idx', 'enrollment_keys', ['created_by_id']);

  await db.schema
    .alterTable('machines')
    .addColumn('enrollment_key_id', t.bigint, (c) => c.references('enrollment_keys.id').onDelete('set null'))
    .execute();
  await index('machines_enrollment_key_id_idx', 'machines', ['enrollment_key_id']);

  await db.schema
    .createTable('machine_instructions')
    .$call(t.withId)
    .addColumn('machine_id', t.bigint, (c) => c.notNull().references('machines.id').onDelete('cascade'))
    // inventory | set_intervals (later modules add theirs)
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('payload_json', t.json, (c) => c.notNull())
    // pending → sent → done | failed; expired when never delivered in time
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_by_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('sent_at', t.timestamp)
    .addColumn('completed_at', t.timestamp)
    .addColumn('result_json', t.json)
    .addColumn('error', 'text')
    .execute();
  await index('machine_instructions_machine_id_status_idx', 'machine_instructions', ['machine_id', 'status']);
  await index('machine_instructions_created_by_id_idx', 'machine_instructions', ['created_by_id']);

  await db.schema
    .createTable('idempotency_receipts')
    // Who sent the key: `machine:<id>` or `user:<id>`; keys are only unique per sender.
    .addColumn('owner', 'varchar(40)', (c) => c.notNull())
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    // What the first request produced (a ticket id…), answered again to a replay.
    .addColumn('result_id', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addPrimaryKeyConstraint('idempotency_receipts_pkey', ['owner', 'key'])
    .execute();
  await index('idempotency_receipts_created_at_idx', 'idempotency_receipts', ['created_at']);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_receipts').execute();
  await db.schema.dropTable('machine_instructions').execute();
  await db.schema.alterTable('machines').dropColumn('enrollment_key_id').execute();
  await db.schema.dropTable('enrollment_keys').execute();
}
