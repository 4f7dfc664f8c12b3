import closeWithGrace from 'close-with-grace';
import type { Command } from 'commander';
import { buildApp } from '../app.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
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
        ].join('\n'),
      );
    });
}
