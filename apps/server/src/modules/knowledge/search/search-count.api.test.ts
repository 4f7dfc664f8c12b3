import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, apiTestApp } from '../../../test/api-client.js';
import type { TestApp } from '../../../test/test-app.js';

// Counts of words in thousands of articles (docs/adr/0005): the first 3,000 matches prove "1,000+"
// when the reader may see more than 1,000 of them; otherwise every match is counted, so that what
// the reader may not see never shows, not even in the count. Rows are written directly: 3,200
// articles through the API would take a minute.
describe('knowledge search counts over thousands of matches (both databases)', () => {
  let t: TestApp;
  let user: ApiClient;
  let technician: ApiClient;
  const STAFF_FIRST = 2500;
  const EVERYONE_AFTER = 700;

  const count = async (client: ApiClient, q: string, page = 1) => {
    const res = await client('GET', `/kb/search?q=${q}&page=${page}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      count: number;
      count_is_estimate?: boolean;
      next: string | null;
      results: { article: { id: number; visibility: string } }[];
    };
    return {
      count: body.count,
      estimate: body.count_is_estimate === true,
      next: body.next,
      ids: body.results.map((r) => r.article.id),
      visibilities: new Set(body.results.map((r) => r.article.visibility)),
    };
  };

  beforeAll(async () => {
    let f: Awaited<ReturnType<typeof apiTestApp>>['f'];
    let db: Awaited<ReturnType<typeof apiTestApp>>['db'];
    ({ t, f, db } = await apiTestApp());
    const structure = (await f.structure()).id;
    user = apiClient(t.app, await f.token(await f.user({ structure })));
    technician = apiClient(t.app, await f.token(await f.user({ structure, role: 'technician' })));
    // Staff-only articles first: they are the first matches in storage order.
    const visibilities = [
      ...Array<string>(STAFF_FIRST).fill('staff'),
      ...Array<string>(EVERYONE_AFTER).fill('everyone'),
    ];
    for (let from = 0; from < visibilities.length; from += 500) {
      const rows = await db
        .insertInto('kb_articles')
        .values(
          visibilities.slice(from, from + 500).map((visibility, i) => ({
            title: `Procédure ${from + i}`,
            body: 'Le zqcompte du poste.',
            language: 'fr',
            status: 'published',
            visibility,
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('kb_search')
        .values(
          rows.map(({ id }) => ({
            article_id: id,
            title_terms: 'procedur',
            body_terms: 'zqcompt post',
            body_text: 'Le zqcompte du poste.',
          })),
        )
        .execute();
    }
    await db
      .insertInto('kb_terms')
      .values([
        { term: 'zqcompt', docs: visibilities.length },
        { term: 'procedur', docs: visibilities.length },
      ])
      .execute();
  });
  afterAll(() => t?.close());

  it('counts every match a user may see when the first thousands are hidden from him', async () => {
    expect(await count(user, 'zqcompte')).toMatchObject({ count: EVERYONE_AFTER, estimate: false });
  });

  it('fills his pages with what he may see when the best-ranked matches are hidden from him', async () => {
    const first = await count(user, 'zqcompte');
    expect(first.ids).toHaveLength(20);
    expect(first.visibilities).toEqual(new Set(['everyone']));
    const second = await count(user, 'zqcompte', 2);
    expect(second.ids).toHaveLength(20);
    expect(second.ids.filter((id) => first.ids.includes(id))).toEqual([]);
    const last = await count(user, 'zqcompte', EVERYONE_AFTER / 20);
    expect(last).toMatchObject({ next: null, visibilities: new Set(['everyone']) });
    expect(last.ids).toHaveLength(20);
  });

  it('says "1,000+" from the first matches when the reader sees more than 1,000 of them', async () => {
    expect(await count(technician, 'zqcompte')).toMatchObject({ count: 1000, estimate: true });
    expect(await count(user, 'procedure')).toMatchObject({ count: 700, estimate: false });
  });
});
