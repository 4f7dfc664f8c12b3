import { HealthSchema, ProblemSchema, type Readiness, ReadinessSchema } from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.js';
import { pendingMigrations } from '../../db/migrate.js';
import { AppError } from '../errors/app-error.js';

type Check = Readiness['checks']['database'];

async function checkDatabase(database: Database): Promise<Check> {
  try {
    await sql`select 1`.execute(database.db);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: `database unreachable: ${(error as Error).message}` };
  }
}

async function checkMigrations(database: Database): Promise<Check> {
  try {
    const pending = await pendingMigrations(database);
    return pending.length === 0
      ? { ok: true }
      : { ok: false, detail: `${pending.length} pending migration(s): run "itsm migrate"` };
  } catch (error) {
    return { ok: false, detail: `cannot read migrations: ${(error as Error).message}` };
  }
}

export function registerHealthRoutes(app: FastifyInstance, database: Database) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process is up',
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: ReadinessSchema, 503: ProblemSchema },
      },
    },
    async () => {
      const [databaseCheck, migrations] = await Promise.all([
        checkDatabase(database),
        checkMigrations(database),
      ]);
      if (!databaseCheck.ok || !migrations.ok) {
        const detail = [databaseCheck.detail, migrations.detail].filter(Boolean).join('; ');
        throw new AppError('NOT_READY', {
          detail,
          extensions: { checks: { database: databaseCheck, migrations } },
        });
      }
      return { status: 'ready' as const, checks: { database: databaseCheck, migrations } };
    },
  );
}
