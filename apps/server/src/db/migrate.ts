import { type MigrationResult, Migrator } from 'kysely';
import type { Database } from './connection.js';
import { migrations } from './migrations/index.js';

export type MigrationStatus = { name: string; executedAt: Date | null };

function migrator(database: Database) {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

export async function migrationStatus(database: Database): Promise<MigrationStatus[]> {
  const list = await migrator(database).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

export async function pendingMigrations(database: Database): Promise<string[]> {
  return (await migrationStatus(database)).filter((m) => m.executedAt === null).map((m) => m.name);
}

/**
 * Applies every pending migration, each in its own transaction; reports each one as it is done.
 * Safe to run from several nodes at once: Kysely takes a lock (an advisory lock on PostgreSQL).
 */
export async function migrateToLatest(
  database: Database,
  onApplied: (result: MigrationResult) => void = () => {},
): Promise<MigrationResult[]> {
  const { error, results = [] } = await migrator(database).migrateToLatest();
  for (const result of results) onApplied(result);
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results;
}
