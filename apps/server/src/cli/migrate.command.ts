import type { Command } from 'commander';
import { createDatabase } from '../db/connection.js';
import { migrateToLatest, migrationStatus } from '../db/migrate.js';
import { describeDatabase, loadConfigOrExit } from './context.js';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (safe to run on every deploy)')
    .option('--status', 'list migrations and whether they are applied, change nothing')
    .action(async (options: { status?: boolean }) => {
      const config = loadConfigOrExit();
      const database = createDatabase(config.databaseUrl);
      try {
        console.log(`Database: ${describeDatabase(config.databaseUrl)}`);
        if (options.status) {
          for (const m of await migrationStatus(database)) {
            console.log(`  ${m.executedAt ? 'applied' : 'PENDING'}  ${m.name}`);
          }
          return;
        }
        const results = await migrateToLatest(database, (r) => {
          console.log(`  ${r.status === 'Success' ? 'applied' : r.status.toLowerCase()}  ${r.migrationName}`);
        });
        console.log(results.length === 0 ? 'Already up to date.' : `${results.length} migration(s) applied.`);
      } finally {
        await database.destroy();
      }
    });
}
