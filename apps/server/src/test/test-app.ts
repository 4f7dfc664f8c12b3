import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, type Env, parseConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Clock } from '../platform/clock.js';
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
 * `clock` is the time the domain sees (sessions, locks, links), for tests that move it.
 */
export async function buildTestApp(
  options: { env?: Env; migrate?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const app = await buildApp(config, { clock: options.clock });
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

export type MovableClock = { now: Clock; advance(minutes: number): void };

/** A clock for buildTestApp that only moves when told to (session timeouts, locks, link expiry). */
export function movableClock(start = new Date()): MovableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(minutes) {
      current += minutes * 60_000;
    },
  };
}
