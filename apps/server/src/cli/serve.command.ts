import closeWithGrace from 'close-with-grace';
import type { Command } from 'commander';
import { buildApp } from '../app.js';
import type { Environment } from '../config.js';
import type { Database } from '../db/connection.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { countUsers, createAdmin } from '../modules/users/create-admin.js';
import { systemClock } from '../platform/clock.js';
import { randomToken } from '../platform/crypto.js';
import { resolveSecretKey } from '../platform/secret-key.js';
import { describeDatabase, loadConfigOrExit } from './context.js';

const SHUTDOWN_GRACE_MS = 10_000;

type ServeOptions = { port?: string; host?: string; migrate: boolean };

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('start the server: API, web UI and background jobs')
    .option('-p, --port <port>', 'port to listen on (default: ITSM_PORT or 8000)')
    .option('-H, --host <host>', 'address to listen on (default: ITSM_HOST, localhost in development)')
    .option('--no-migrate', 'do not apply pending migrations at start')
    .action(async (options: ServeOptions) => {
      const { config, generatedAt } = resolveSecretKey(
        loadConfigOrExit({ ITSM_PORT: options.port, ITSM_HOST: options.host }),
      );
      const app = await buildApp(config, {
        prettyLogs: process.stdout.isTTY && config.env === 'development',
      });
      if (generatedAt) app.log.warn({ file: generatedAt }, 'development secret key generated');

      // SQLite and development databases follow the code; production PostgreSQL waits for `itsm migrate`.
      const autoMigrate =
        options.migrate && (config.env === 'development' || app.database.dialect === 'sqlite');
      if (autoMigrate) {
        await migrateToLatest(app.database, (r) =>
          app.log.info({ migration: r.migrationName }, 'migration applied'),
        );
      } else {
        const pending = await pendingMigrations(app.database);
        if (pending.length > 0) {
          app.log.error(
            { pending },
            'pending migrations: run "itsm migrate"; /readyz answers 503 until then',
          );
        }
      }

      const firstLogin = await firstStartLogin(app.database, config.env);

      closeWithGrace({ delay: SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
        if (err) app.log.error({ err }, 'shutting down after an error');
        else app.log.info({ signal }, 'shutting down: draining requests');
        await app.close();
      });

      await app.listen({ port: config.port, host: config.host });
      const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host)
        ? 'localhost'
        : config.host;
      const url = config.publicUrl ?? `http://${shownHost}:${config.port}`;
      console.log(
        [
          '',
          `  ITSM is running at ${url}`,
          `  API docs:  ${url}/api/docs`,
          `  Database:  ${describeDatabase(config.databaseUrl)}`,
          `  Stop with Ctrl-C.`,
          '',
          ...firstLogin,
        ].join('\n'),
      );
    });
}

const INITIAL_ADMIN = { username: '@admin.itsm.local', email: 'admin@itsm.local' };

/**
 * On a database without any account: in development, an administrator with a random one-time
 * password (to be changed at first login); in production, the command that creates one.
 */
async function firstStartLogin(database: Database, env: Environment): Promise<string[]> {
  if ((await pendingMigrations(database)).length > 0) return [];
  const { db } = database;
  if ((await countUsers(db)) > 0) return [];
  if (env === 'production') {
    return ['  No account yet: create the first administrator with', '    itsm createadmin', ''];
  }
  const password = randomToken(12);
  await createAdmin(db, { ...INITIAL_ADMIN, password, mustChangePassword: true }, systemClock);
  return [
    '  First start: an administrator account was created.',
    `    Username:  ${INITIAL_ADMIN.username}`,
    `    Password:  ${password}   (you will choose your own at first login)`,
    '',
  ];
}
