import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type ConnectionTarget, parseDatabaseUrl } from './database-url.js';
import { pgTypes } from './pg-types.js';
import { SqliteValuesPlugin, toSqliteParameters } from './sqlite-values-plugin.js';
import type { DB } from './types.js';

export type DialectName = ConnectionTarget['dialect'];
export type PoolStats = { total: number; idle: number; waiting: number };

export type Database = {
  db: Kysely<DB>;
  dialect: DialectName;
  poolStats(): PoolStats;
  /**
   * Refreshes the query planner's statistics where tables grew or shrank a lot (SQLite's PRAGMA
   * optimize; PostgreSQL's autovacuum does it by itself). A long-lived SQLite connection otherwise
   * keeps planning with the sizes it saw at start: a knowledge base that went from 9 articles to
   * 100,000 while the server ran was searched by scanning every article (400 ms instead of 20).
   */
  optimize(): Promise<void>;
  destroy(): Promise<void>;
};

const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** Prepared statements kept for reuse: the app issues a few hundred distinct SQL texts. */
const SQLITE_STATEMENT_CACHE = 1000;

/**
 * better-sqlite3 as Kysely sees it, preparing each SQL text once (Kysely prepares at every query,
 * which costs as much as running a small one) and binding booleans and Dates as SQLite stores
 * them. Safe because a statement always runs to completion before the next query: the app never
 * streams rows from SQLite.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, BoundStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached) {
        // Least recently used goes first: move this one to the end.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = bound(sqlite.prepare(sql));
      cache.set(sql, statement);
      if (cache.size > SQLITE_STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

type BoundStatement = ReturnType<typeof bound>;

/** The statement methods Kysely's SQLite driver calls, with the parameters converted. */
function bound(statement: SqliteDatabase.Statement) {
  return {
    reader: statement.reader,
    all: (parameters: readonly unknown[]) => statement.all(toSqliteParameters(parameters)),
    run: (parameters: readonly unknown[]) => statement.run(toSqliteParameters(parameters)),
    iterate: (parameters: readonly unknown[]) => statement.iterate(toSqliteParameters(parameters)),
  };
}

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
  // 64 MB of page cache instead of 2: the hot index pages of a million-ticket table stay in memory.
  sqlite.pragma('cache_size = -65536');
  // Statistics from a sample (fast on large tables), refreshed now where they are missing or stale.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');

  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new SqliteValuesPlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    // One connection, serialised by Kysely: report it as a pool of one.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    optimize: async () => {
      sqlite.pragma('optimize');
    },
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
    optimize: async () => {},
    destroy: () => db.destroy(),
  };
}
