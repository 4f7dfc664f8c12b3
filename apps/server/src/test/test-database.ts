import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TestDatabase = { url: string; dialect: 'sqlite' | 'postgres'; drop(): Promise<void> };

/** The database this test run targets: ITSM_TEST_DB=sqlite|postgres, set per vitest project. */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.ITSM_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/** A brand-new empty database: a SQLite file in a temp dir, or a PostgreSQL database dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-test-'));
    return {
      url: `sqlite:${join(dir, 'itsm.db')}`,
      dialect: 'sqlite',
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.ITSM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `itsm_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: 'postgres',
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
