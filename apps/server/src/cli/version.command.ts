import type { Command } from 'commander';
import { createDatabase } from '../db/connection.js';
import { migrationStatus } from '../db/migrate.js';
import { VERSION } from '../version.js';
import { describeDatabase, loadConfigOrExit } from './context.js';

export function registerVersionCommand(program: Command) {
  program
    .command('version')
    .description('print the server version, Node.js version and database schema state')
    .action(async () => {
      console.log(`itsm ${VERSION}`);
      console.log(`node ${process.version}`);
      const config = loadConfigOrExit();
      const database = createDatabase(config.databaseUrl);
      try {
        const status = await migrationStatus(database);
        const applied = status.filter((m) => m.executedAt).length;
        console.log(
          `database ${describeDatabase(config.databaseUrl)}: ${applied}/${status.length} migrations applied`,
        );
      } catch (error) {
        console.log(
          `database ${describeDatabase(config.databaseUrl)}: unreachable (${(error as Error).message})`,
        );
      } finally {
        await database.destroy();
      }
    });
}
