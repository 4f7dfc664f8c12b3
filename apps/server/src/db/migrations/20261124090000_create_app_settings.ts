import type { Kysely } from 'kysely';
import { schemaTypes } from './schema-types.js';

// Instance-wide settings (organisation name, security policies…), one JSON value per key.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value_json', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_settings').execute();
}
