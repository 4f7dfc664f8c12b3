import { defineConfig } from 'vitest/config';
import { probePostgres } from './scripts/probe-postgres.ts';

// The same *.api.test.ts / *.db.test.ts files run once per database (see apps/server/src/test/app.ts).
const dbTests = ['apps/server/src/**/*.api.test.ts', 'apps/server/src/**/*.db.test.ts'];
const requireAll = process.env.ITSM_REQUIRE_ALL === '1';
const pg = await probePostgres();

if (!pg.available) {
  const banner = `PostgreSQL is not reachable (${pg.reason}): the API and database tests run on SQLite only.`;
  if (requireAll) throw new Error(`ITSM_REQUIRE_ALL=1 and ${banner}`);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPED: ${banner}\n${'!'.repeat(100)}\n`);
}

// Workspace packages resolve to their TypeScript sources (the "source" export condition), on the
// client and the server (SSR) side alike, so that tests never need a build.
const conditions = ['source', 'module', 'node', 'development|production'];
const resolve = { conditions };
const ssr = { resolve: { conditions, externalConditions: ['source'] } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...dbTests, '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'sqlite',
          include: dbTests,
          env: { ITSM_TEST_DB: 'sqlite' },
        },
      },
      ...(pg.available
        ? [
            {
              resolve,
              ssr,
              test: {
                name: 'postgres',
                include: dbTests,
                env: { ITSM_TEST_DB: 'postgres', ITSM_TEST_PG_URL: pg.url },
              },
            },
          ]
        : []),
      {
        resolve,
        ssr,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
