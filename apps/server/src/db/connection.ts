import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type ConnectionTarget, parseDatabaseUrl } from './database-url.js';
import { pgTypes } from './pg-types.js';
import { SqliteValuesPlugin } from './sqlite-values-plugin.js';
import type { DB } from './types.js';

export type DialectName = ConnectionTarget['dialect'];
export type PoolStats = { total: number; idle: number; waiting: number };

export type Database = {
  db: Kysely<DB>;
  dialect: DialectName;
  poolStats(): PoolStats;
  destroy(): Promise<void>;
};

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens the database named by DATABASE_URL; the caller owns it and must destroy() it. */
export function createDatabase(url: string): Database {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'sqlite' ? openSqlite(target.filename) : openPostgres(target);
}

function openSqlite(filename: string): Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SqliteDatabase(filename);
  if (filename !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL'); // durable with WAL except on power loss of the last commits

  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new SqliteValuesPlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    // One connection, serialised by Kysely: report it as a pool of one.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    destroy: () => db.destroy(),
  };
}

function openPostgres(target: Extract<ConnectionTarget, { dialect: 'postgres' }>): Database {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.poolSize,
    types: pgTypes,
    options: '-c TimeZone=UTC', // date bucketing and timestamp text in UTC, like SQLite
  });
  // An idle connection ended by the server (restart, failover, pg_terminate_backend) is dropped and
  // replaced by the pool; without a listener its 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    destroy: () => db.destroy(),
  };
}
