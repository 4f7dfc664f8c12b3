import { input, password as passwordPrompt } from '@inquirer/prompts';
import type { Command } from 'commander';
import { createDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { AdminInputError, createAdmin } from '../modules/users/create-admin.js';
import { systemClock } from '../platform/clock.js';
import { describeDatabase, loadConfigOrExit } from './context.js';

type Options = {
  username?: string;
  email?: string;
  passwordStdin?: boolean;
  firstName?: string;
  lastName?: string;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerCreateAdminCommand(program: Command) {
  program
    .command('createadmin')
    .description('create an administrator account (asks for what is missing)')
    .option('-u, --username <username>', 'username, @firstname.lastname.company')
    .option('-e, --email <email>', 'e-mail address')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .option('--first-name <name>', 'first name (default: from the username)')
    .option('--last-name <name>', 'last name (default: from the username)')
    .action(async (options: Options) => {
      const config = loadConfigOrExit();
      const interactive = !options.passwordStdin;
      if (!interactive && (!options.username || !options.email)) {
        console.error('itsm createadmin: --password-stdin needs --username and --email');
        process.exitCode = 2;
        return;
      }
      const username =
        options.username ?? (await input({ message: 'Username (@firstname.lastname.company):' }));
      const email = options.email ?? (await input({ message: 'E-mail:' }));
      let password: string;
      if (interactive) {
        password = await passwordPrompt({ message: 'Password (10 characters or more):', mask: '*' });
        const again = await passwordPrompt({ message: 'Password again:', mask: '*' });
        if (again !== password) {
          console.error('itsm createadmin: the passwords differ');
          process.exitCode = 1;
          return;
        }
      } else {
        password = await readStdin();
      }
      const database = createDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database);
        const admin = await createAdmin(
          database.db,
          { username, email, password, firstName: options.firstName, lastName: options.lastName },
          systemClock,
        );
        console.log(`Administrator ${admin.username} created in ${describeDatabase(config.databaseUrl)}.`);
      } catch (error) {
        if (!(error instanceof AdminInputError)) throw error;
        console.error(`itsm createadmin: ${error.message}`);
        process.exitCode = 1;
      } finally {
        await database.destroy();
      }
    });
}
