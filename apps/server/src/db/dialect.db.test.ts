import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsRepository } from '../modules/settings/settings.repository.js';
import { buildTestApp, type TestApp } from '../test/test-app.js';
import { type DialectHelpers, escapeLike } from './dialect.js';
import { schemaTypes } from './migrations/schema-types.js';
import { inTransaction } from './transaction.js';

describe('dialect helpers', () => {
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: probe tables outside the application schema
  let db: Kysely<any>;
  let dialect: DialectHelpers;

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.app.database.db;
    dialect = t.app.dialect;
    const types = schemaTypes(db);
    await db.schema
      .createTable('events')
      .$call(types.withId)
      .addColumn('label', 'text')
      .addColumn('at', types.timestamp)
      .execute();
    await db
      .insertInto('events')
      .values([
        { label: 'Imprimante HS', at: '2026-11-22T23:59:59.999Z' }, // Sunday
        { label: 'imprimante lente', at: '2026-11-23T00:00:00.000Z' }, // Monday
        { label: '100% CPU', at: '2026-11-29T12:00:00.000Z' }, // Sunday
        { label: 'disk_full', at: '2026-12-01T08:30:00.000Z' },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('buckets timestamps identically (UTC, ISO weeks start on Monday)', async () => {
    const rows = await db
      .selectFrom('events')
      .select((eb) => [
        dialect.dateBucket(eb.ref('at'), 'hour').as('hour'),
        dialect.dateBucket(eb.ref('at'), 'day').as('day'),
        dialect.dateBucket(eb.ref('at'), 'week').as('week'),
        dialect.dateBucket(eb.ref('at'), 'month').as('month'),
        dialect.dateBucket(eb.ref('at'), 'year').as('year'),
      ])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { hour: '2026-11-22T23', day: '2026-11-22', week: '2026-11-16', month: '2026-11', year: '2026' },
      { hour: '2026-11-23T00', day: '2026-11-23', week: '2026-11-23', month: '2026-11', year: '2026' },
      { hour: '2026-11-29T12', day: '2026-11-29', week: '2026-11-23', month: '2026-11', year: '2026' },
      { hour: '2026-12-01T08', day: '2026-12-01', week: '2026-11-30', month: '2026-12', year: '2026' },
    ]);
  });

  it('groups by bucket', async () => {
    const rows = await db
      .selectFrom('events')
      .select((eb) => [dialect.dateBucket(eb.ref('at'), 'week').as('week'), eb.fn.countAll<number>().as('n')])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    expect(rows).toEqual([
      { week: '2026-11-16', n: 1 },
      { week: '2026-11-23', n: 2 },
      { week: '2026-11-30', n: 1 },
    ]);
  });

  it('matches text case-insensitively and treats LIKE wildcards literally', async () => {
    const find = async (term: string) =>
      (
        await db
          .selectFrom('events')
          .select('label')
          .where((eb) => dialect.containsText(eb.ref('label'), term))
          .orderBy('id')
          .execute()
      ).map((r) => r.label);
    expect(await find('IMPRIMANTE')).toEqual(['Imprimante HS', 'imprimante lente']);
    expect(await find('%')).toEqual(['100% CPU']);
    expect(await find('_')).toEqual(['disk_full']);
    expect(escapeLike('a%b_c\\')).toBe('a\\%b\\_c\\\\');
  });

  it('upserts on a unique key', async () => {
    const settings = createSettingsRepository(t.app.database.db);
    await settings.set('organisation.name', 'ACME', new Date('2026-11-24T10:00:00Z'));
    await settings.set('organisation.name', { fr: 'ACMÉ' }, new Date('2026-11-24T11:00:00Z'));
    expect(await settings.get('organisation.name')).toEqual({ fr: 'ACMÉ' });
    const row = await db.selectFrom('app_settings').selectAll().executeTakeFirstOrThrow();
    expect(row.updated_at).toBe('2026-11-24T11:00:00.000Z');
  });
});

describe('inTransaction', () => {
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: probe table
  let db: Kysely<any>;
  beforeAll(async () => {
    t = await buildTestApp();
    db = t.app.database.db;
    await db.schema.createTable('notes').addColumn('body', 'text').execute();
  });
  afterAll(() => t.close());

  it('commits, then runs after-commit callbacks', async () => {
    const seen: number[] = [];
    const result = await inTransaction(db, async (trx, afterCommit) => {
      await trx.insertInto('notes').values({ body: 'kept' }).execute();
      afterCommit(async () => {
        const { n } = await db
          .selectFrom('notes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        seen.push(n);
      });
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([1]); // the callback saw the committed row
  });

  it('rolls everything back on error and skips the callbacks', async () => {
    let called = false;
    await expect(
      inTransaction(db, async (trx, afterCommit) => {
        await trx.insertInto('notes').values({ body: 'lost' }).execute();
        afterCommit(() => {
          called = true;
        });
        throw new Error('rule broken');
      }),
    ).rejects.toThrow('rule broken');
    expect(called).toBe(false);
    expect(await db.selectFrom('notes').select('body').execute()).toEqual([{ body: 'kept' }]);
  });

  it('reports a failing callback without undoing the commit', async () => {
    const reported: unknown[] = [];
    await inTransaction(
      db,
      async (trx, afterCommit) => {
        await trx.insertInto('notes').values({ body: 'second' }).execute();
        afterCommit(() => {
          throw new Error('mail server down');
        });
      },
      (error) => reported.push(error),
    );
    expect(reported).toHaveLength(1);
    expect(await db.selectFrom('notes').select('body').execute()).toHaveLength(2);
  });
});
