import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './connection.js';

// A long-lived SQLite connection plans with the table sizes it saw; optimize() must bring it up to
// date when a table grew a lot behind its back (a bulk import by the CLI while the server runs).
describe('database.optimize (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'itsm-optimize-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plans with the new table sizes once optimize has run', async () => {
    const file = join(dir, 'db.sqlite');
    const setup = new SqliteDatabase(file);
    setup.exec(`create table items (id integer primary key, kind text not null);
      create index items_kind_idx on items (kind);
      insert into items (kind) values ('a'), ('b'), ('c');
      analyze;`);
    const database = createDatabase(`sqlite:${file}`);
    const plan = async () =>
      (
        await sql<{ detail: string }>`explain query plan select id from items where kind = 'rare'`.execute(
          database.db,
        )
      ).rows
        .map((r) => r.detail)
        .join(' | ');
    const rowsInStats = () =>
      Number(
        setup
          .prepare("select stat from sqlite_stat1 where idx = 'items_kind_idx'")
          .pluck()
          .get()
          ?.toString()
          .split(' ')[0],
      );
    expect(rowsInStats()).toBe(3);
    // Another process imports 20,000 rows and the server's connection does not know.
    setup.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
      insert into items (kind) select case when i % 1000 = 0 then 'rare' else 'common' end from n;`);
    await plan();
    await database.optimize();
    expect(rowsInStats()).toBeGreaterThan(20_000);
    expect(await plan()).toContain('items_kind_idx');
    setup.close();
    await database.destroy();
  });
});
