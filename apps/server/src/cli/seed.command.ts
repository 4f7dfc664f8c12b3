import { type Command, InvalidArgumentError } from 'commander';
import { sql } from 'kysely';
import { createDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { runSeeders } from '../seed/run-seeders.js';
import { seeders } from '../seed/seeders.js';
import { describeDatabase, loadConfigOrExit } from './context.js';
import { startProgress } from './progress.js';

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('fill the database with demo data for trying the product (idempotent)')
    .option(
      '--only <names>',
      `comma-separated seeders to run (available: ${seeders.map((s) => s.name).join(', ')})`,
    )
    .option(
      '--tickets <n>',
      'generate tickets up to this number (benchmarks; default: 60 demo tickets)',
      (value) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n) || n < 0 || n > 20_000_000) {
          throw new InvalidArgumentError('expected a number of tickets between 0 and 20000000');
        }
        return n;
      },
    )
    .option(
      '--articles <n>',
      'generate knowledge articles up to this number (benchmarks; default: the demo articles only)',
      (value) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n) || n < 0 || n > 5_000_000) {
          throw new InvalidArgumentError('expected a number of articles between 0 and 5000000');
        }
        return n;
      },
    )
    .action(async (options: { only?: string; tickets?: number; articles?: number }) => {
      const config = loadConfigOrExit();
      const wanted = options.only?.split(',').map((s) => s.trim());
      const unknown = wanted?.filter((name) => !seeders.some((s) => s.name === name)) ?? [];
      if (unknown.length > 0) {
        console.error(`itsm seed: unknown seeder(s): ${unknown.join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const chosen = wanted ? seeders.filter((s) => wanted.includes(s.name)) : seeders;
      const database = createDatabase(config.databaseUrl);
      try {
        console.log(`Seeding ${describeDatabase(config.databaseUrl)}`);
        await migrateToLatest(database);
        const reports = await runSeeders(database, chosen, {
          now: () => new Date(),
          progress: (label, total) => startProgress(label, total),
          options: {
            ...(options.tickets !== undefined && { tickets: options.tickets }),
            ...(options.articles !== undefined && { articles: options.articles }),
          },
        });
        for (const r of reports) console.log(`  ${r.name}: ${r.summary} (${r.ms} ms)`);
        // After a bulk load, PostgreSQL needs its visibility map and statistics before index-only
        // scans pay off; VACUUM cannot run inside the seeders' transactions.
        if (database.dialect === 'postgres') await sql`vacuum (analyze)`.execute(database.db);
      } finally {
        await database.destroy();
      }
    });
}
