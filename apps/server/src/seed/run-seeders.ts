import type { Database } from '../db/connection.js';
import { dialectHelpers } from '../db/dialect.js';
import type { SeedContext, Seeder } from './seeder.js';

export type SeedReport = { name: string; summary: string; ms: number };

/** Runs the chosen seeders in order, each in one transaction so that a failure leaves nothing half-seeded. */
export async function runSeeders(
  database: Database,
  seeders: Seeder[],
  context: Pick<SeedContext, 'now' | 'progress' | 'options'>,
): Promise<SeedReport[]> {
  const reports: SeedReport[] = [];
  for (const seeder of seeders) {
    const started = performance.now();
    const summary = await database.db
      .transaction()
      .execute((trx) => seeder.run({ ...context, db: trx, dialect: dialectHelpers(database.dialect) }));
    reports.push({ name: seeder.name, summary, ms: Math.round(performance.now() - started) });
  }
  return reports;
}
