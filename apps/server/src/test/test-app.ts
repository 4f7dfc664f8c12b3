import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, type Env, parseConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type TestApp = { app: FastifyInstance; db: TestDatabase; config: Config; close(): Promise<void> };

/** A config as the environment would give it, on a given database and a private data directory. */
export function testConfig(databaseUrl: string, env: Env = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-data-'));
  return parseConfig({
    ITSM_ENV: 'development',
    ITSM_LOG_LEVEL: 'silent',
    ITSM_SECRET_KEY: randomBytes(32).toString('hex'),
    ITSM_DATA_DIR: dataDir,
    ITSM_WEB_DIR: join(dataDir, 'web'),
    DATABASE_URL: databaseUrl,
    ...env,
  });
}

/**
 * The real app on a fresh database (SQLite or PostgreSQL, see ITSM_TEST_DB), migrated unless asked
 * not to. Routes may still be added before the first request. close() drops everything.
 */
export async function buildTestApp(options: { env?: Env; migrate?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const app = await buildApp(config);
  if (options.migrate !== false) await migrateToLatest(app.database);
  return {
    app,
    db,
    config,
    async close() {
      await app.close();
      await db.drop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
