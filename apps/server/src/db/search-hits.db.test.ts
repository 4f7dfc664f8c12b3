import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.js';
import type { DialectHelpers } from './dialect.js';
import type { DB } from './types.js';

// The ranking of knowledge searches on each database (docs/adr/0005), on index rows written here
// directly: terms as the application's normaliser writes them.
describe('searchHits: knowledge search ranking on both databases', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let dialect: DialectHelpers;
  const ids: Record<string, number> = {};

  const articles: [key: string, title: string, body: string][] = [
    ['longTitle', 'imprim hor lign apres mise jour pilot poste accueil', 'redemarr poste'],
    ['shortTitle', 'imprim hor lign', 'verifi cabl'],
    ['bodyMany', 'bourrag papi', 'spool spool spool imprim bloqu'],
    ['bodyOnce', 'plant logiciel', `spool ${'autr mot '.repeat(60)}`],
    ['unrelated', 'vpn deconnect', 'client vpn'],
  ];

  const hits = async (groups: string[][], options: Parameters<DialectHelpers['searchHits']>[1] = {}) => {
    const { rows } = await sql<{ article_id: number | string }>`select h.article_id from ${dialect.searchHits(
      groups,
      options,
    )} as h`.execute(db);
    const keyOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0];
    return rows.map((r) => keyOf(Number(r.article_id)));
  };

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.app.database.db;
    dialect = t.app.dialect;
    for (const [key, title, body] of articles) {
      const { id } = await db
        .insertInto('kb_articles')
        .values({ title: key, body: '', language: 'fr', status: 'published' })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[key] = Number(id);
      await db
        .insertInto('kb_search')
        .values({ article_id: id, title_terms: title, body_terms: body, body_text: body })
        .execute();
    }
  });
  afterAll(() => t.close());

  it('puts the articles whose title holds every word first, the shortest such title first', async () => {
    expect(await hits([['imprim'], ['hor']], { top: 10 })).toEqual(['shortTitle', 'longTitle']);
    expect(await hits([['imprim']], { top: 10 })).toEqual(['shortTitle', 'longTitle', 'bodyMany']);
  });

  it('ranks body mentions by relevance, or newest first when the words are in too many articles', async () => {
    expect(await hits([['spool']], { top: 10, matches: 2 })).toEqual(['bodyMany', 'bodyOnce']);
    expect(await hits([['spool']], { top: 10, matches: 1_000_000 })).toEqual(['bodyOnce', 'bodyMany']);
    // Title matches stay first either way.
    expect((await hits([['imprim']], { top: 10, matches: 1_000_000 })).slice(0, 2)).toEqual([
      'shortTitle',
      'longTitle',
    ]);
  });

  it('needs every group, any term of a group, and keeps only the top', async () => {
    expect(await hits([['vpn'], ['client', 'clien']], { top: 10 })).toEqual(['unrelated']);
    expect(await hits([['vpn'], ['spool']], { top: 10 })).toEqual([]);
    expect(await hits([['imprim']], { top: 1 })).toEqual(['shortTitle']);
  });

  it('matches the last word as a prefix while typing, in titles only for suggestions', async () => {
    expect(await hits([['imprim'], ['li']], { top: 10, prefixLast: true, titleOnly: true })).toEqual([
      'shortTitle',
      'longTitle',
    ]);
    expect(await hits([['spo']], { top: 10, prefixLast: true, titleOnly: true })).toEqual([]);
  });

  it('lists every match unranked for counting, or only the first in storage order', async () => {
    expect((await hits([['spool']])).sort()).toEqual(['bodyMany', 'bodyOnce']);
    expect(await hits([['spool'], ['imprim']], { sample: 1 })).toEqual(['bodyMany']);
    expect(await hits([['imprim']], { sample: 2 })).toEqual(['longTitle', 'shortTitle']);
  });
});
