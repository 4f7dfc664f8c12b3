import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.js';
import { toJson } from './column-conventions.js';
import { schemaTypes } from './migrations/schema-types.js';

// docs/adr/0001-storage-types.md: ids, timestamps, booleans and JSON come back identical on both dialects.
describe('storage conventions round trip', () => {
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: a probe table outside the application schema
  let db: Kysely<any>;

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.app.database.db;
    const types = schemaTypes(db);
    await db.schema
      .createTable('probe')
      .$call(types.withId)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('owner_id', types.bigint)
      .addColumn('happened_at', types.timestamp)
      .addColumn('created_at', types.timestamp, (c) => c.notNull().defaultTo(types.now))
      .addColumn('is_active', types.boolean)
      .addColumn('has_children', types.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('payload_json', types.json)
      .addColumn('ratio', 'double precision')
      .addColumn('due_on', 'date')
      .execute();
  });
  afterAll(() => t.close());

  const payload = {
    title: 'Imprimante réseau 🖨',
    tags: ['a', 'b'],
    nested: { n: 1.5, none: null, yes: true },
  };

  it('returns the same values as written, with the same JavaScript types', async () => {
    const inserted = await db
      .insertInto('probe')
      .values({
        name: 'Hélène « test » ✓',
        owner_id: 2 ** 53 - 1,
        happened_at: '2026-03-29T01:30:00.123Z',
        is_active: true,
        payload_json: toJson(payload),
        ratio: 0.1 + 0.2,
        due_on: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(inserted.id).toBe(1);

    await db
      .insertInto('probe')
      .values({ name: 'second', is_active: false, payload_json: toJson([1, 'two']) })
      .execute();

    const rows = await db.selectFrom('probe').selectAll().orderBy('id').execute();
    const [first, second] = rows;
    expect(first).toEqual({
      id: 1,
      name: 'Hélène « test » ✓',
      owner_id: 2 ** 53 - 1,
      happened_at: '2026-03-29T01:30:00.123Z',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      is_active: true,
      has_children: false,
      payload_json: payload,
      ratio: 0.30000000000000004,
      due_on: '2026-12-31',
    });
    expect(second).toMatchObject({
      id: 2,
      is_active: false,
      happened_at: null,
      payload_json: [1, 'two'],
      due_on: null,
    });
    expect(Date.parse(first?.created_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters on booleans, timestamps and counts the same way', async () => {
    const active = await db.selectFrom('probe').select('name').where('is_active', '=', true).execute();
    expect(active).toEqual([{ name: 'Hélène « test » ✓' }]);
    const inWindow = await db
      .selectFrom('probe')
      .select('id')
      .where('happened_at', '>=', '2026-03-29T01:30:00.123Z')
      .where('happened_at', '<', '2026-03-29T01:30:00.124Z')
      .execute();
    expect(inWindow).toEqual([{ id: 1 }]);
    const { count } = await db
      .selectFrom('probe')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(2);
    const booleans = await db
      .selectFrom('probe')
      .select('id')
      .where('is_active', 'in', [true, false])
      .execute();
    expect(booleans).toHaveLength(2);
  });

  it('accepts Date objects as timestamps on both dialects', async () => {
    await db
      .updateTable('probe')
      .set({ happened_at: new Date('2026-11-24T10:00:00.000Z') })
      .where('id', '=', 2)
      .execute();
    const row = await db
      .selectFrom('probe')
      .select('happened_at')
      .where('id', '=', 2)
      .executeTakeFirstOrThrow();
    expect(row.happened_at).toBe('2026-11-24T10:00:00.000Z');
  });

  // Kysely's own migration tables are outside our conventions.
  it('every column of the application schema follows the naming conventions', async () => {
    const columns =
      t.db.dialect === 'postgres'
        ? (
            await sql<{ table_name: string; column_name: string; data_type: string }>`
              select table_name, column_name, data_type from information_schema.columns
              where table_schema = 'public' and table_name <> 'probe'
              and table_name not like 'schema_migrations%'`.execute(db)
          ).rows
        : (
            await sql<{ table_name: string; column_name: string; data_type: string }>`
              select m.name as table_name, p.name as column_name, lower(p.type) as data_type
              from sqlite_master m join pragma_table_info(m.name) p
              where m.type = 'table' and m.name not like 'sqlite_%' and m.name <> 'probe'
              and m.name not like 'schema_migrations%'`.execute(db)
          ).rows;
    expect(columns.length).toBeGreaterThan(0);
    const misnamed = columns.filter((c) => {
      const bool = /^(is|has|must|can)_/.test(c.column_name);
      const json = c.column_name.endsWith('_json');
      const isBoolType = c.data_type === 'boolean';
      const isJsonType =
        t.db.dialect === 'postgres' ? c.data_type === 'jsonb' || c.data_type === 'json' : json;
      return bool !== isBoolType || json !== isJsonType;
    });
    expect(misnamed).toEqual([]);
  });

  // Deleting or filtering by a parent must never scan the child table.
  it('every foreign key column leads an index', async () => {
    const foreignKeys =
      t.db.dialect === 'postgres'
        ? (
            await sql<{ table_name: string; column_name: string }>`
              select kcu.table_name, kcu.column_name
              from information_schema.table_constraints tc
              join information_schema.key_column_usage kcu
                on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
              where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`.execute(db)
          ).rows
        : (
            await sql<{ table_name: string; column_name: string }>`
              select m.name as table_name, f."from" as column_name
              from sqlite_master m join pragma_foreign_key_list(m.name) f
              where m.type = 'table'`.execute(db)
          ).rows;
    const leading =
      t.db.dialect === 'postgres'
        ? (
            await sql<{ table_name: string; column_name: string }>`
              select t.relname as table_name, a.attname as column_name
              from pg_index i
              join pg_class t on t.oid = i.indrelid
              join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
              join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]`.execute(db)
          ).rows
        : (
            await sql<{ table_name: string; column_name: string }>`
              select m.name as table_name, ii.name as column_name
              from sqlite_master m
              join pragma_index_list(m.name) il
              join pragma_index_info(il.name) ii
              where m.type = 'table' and ii.seqno = 0
              union all -- an INTEGER PRIMARY KEY is the rowid: the table itself is its index
              select m.name, p.name
              from sqlite_master m join pragma_table_info(m.name) p
              where m.type = 'table' and p.pk = 1 and upper(p.type) = 'INTEGER'`.execute(db)
          ).rows;
    const indexed = new Set(leading.map((r) => `${r.table_name}.${r.column_name}`));
    expect(foreignKeys.length).toBeGreaterThan(10);
    const missing = foreignKeys
      .map((fk) => `${fk.table_name}.${fk.column_name}`)
      .filter((column) => !indexed.has(column));
    expect(missing).toEqual([]);
  });
});
