import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

/**
 * @typedef {{ url: string, drop: () => Promise<void> }} BenchDatabase
 */

/**
 * Creates an empty database for one run; `drop` removes it (SQLite lives in the run's temp dir).
 * @param {'sqlite' | 'postgres'} db
 * @param {{ pgUrl: string, tmpDir: string }} options
 * @returns {Promise<BenchDatabase>}
 */
export async function createDatabase(db, { pgUrl, tmpDir }) {
  if (db === 'sqlite') return { url: `sqlite:${path.join(tmpDir, 'bench.db')}`, drop: async () => {} };

  const name = `itsm_bench_${randomBytes(6).toString('hex')}`;
  await withClient(pgUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    // FORCE ends connections the server may have left behind after a crash.
    drop: () => withClient(pgUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

/**
 * @param {string} url
 * @param {(client: pg.Client) => Promise<unknown>} fn
 */
async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
