import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, adminOf, apiClient, apiTestApp, created } from '../../../test/api-client.js';
import type { TestApp } from '../../../test/test-app.js';
import { DEMO_ARTICLES as CORPUS } from '../demo-articles.js';

describe('knowledge search (both databases)', () => {
  let t: TestApp;
  let api: ApiClient;
  let user: ApiClient;
  const ids: Record<string, number> = {};

  const search = async (client: ApiClient, q: string, extra = '') => {
    const res = await client('GET', `/kb/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      count: number;
      corrections: { word: string; terms: string[] }[];
      results: {
        article: { id: number; title: string };
        title: { text: string; hit: boolean }[];
        snippet: { text: string; hit: boolean }[];
      }[];
    };
  };
  const top = async (client: ApiClient, q: string) =>
    (await search(client, q)).results.map(
      (r) => Object.entries(ids).find(([, id]) => id === r.article.id)?.[0],
    );

  beforeAll(async () => {
    let f: Awaited<ReturnType<typeof apiTestApp>>['f'];
    ({ t, f } = await apiTestApp());
    const structure = (await f.structure()).id;
    ({ api } = await adminOf(t.app, structure));
    user = apiClient(t.app, await f.token(await f.user({ structure })));
    for (const { key, ...article } of CORPUS) {
      const a = await created<{ id: number }>(api, '/kb/articles', article);
      await api('POST', `/kb/articles/${a.id}/transitions`, { action: 'publish' });
      ids[key] = a.id;
    }
  });
  afterAll(() => t?.close());

  it('finds words whatever their form: plural, accents, case', async () => {
    expect((await top(user, 'imprimantes'))[0]).toBe('printer');
    expect(await top(user, 'reseau invites')).toEqual(['wifi']);
    expect(await top(user, 'RÉSEAU Invités')).toEqual(['wifi']);
    expect((await top(user, 'printers offline'))[0]).toBe('printerEn');
  });

  it('ranks a title match above a mention in the body, and needs every word', async () => {
    const printers = await top(user, 'imprimante');
    expect(printers[0]).toBe('printer');
    expect(printers).toContain('toner');
    expect(await top(user, 'mot de passe oublié')).toEqual(['password']);
    expect((await top(user, 'mot de passe'))[0]).toBe('password');
  });

  it('forgives typos and says which word it corrected', async () => {
    const found = await search(user, 'imprimnate hors ligne');
    expect(found.results[0]?.article.id).toBe(ids.printer);
    expect(found.corrections.map((c) => c.word)).toEqual(['imprimnate']);
    // A word nothing resembles is left out rather than emptying the results.
    expect((await top(user, 'imprimante xqzwv'))[0]).toBe('printer');
    expect((await top(user, 'deconecte vpn'))[0]).toBe('vpn');
  });

  it('leaves out a corrected word when it would leave nothing: it was right, the base lacks it', async () => {
    const steps = await created<{ id: number }>(api, '/kb/articles', {
      title: 'Étapes de configuration du poste',
      language: 'fr',
    });
    await api('POST', `/kb/articles/${steps.id}/transitions`, { action: 'publish' });
    // "étage" is in no article; "étapes" is one edit away, but no printer article holds it.
    const found = await search(user, 'imprimante étage');
    expect(found.results[0]?.article.id).toBe(ids.printer);
    expect(found.corrections).toEqual([{ word: 'étage', terms: [] }]);
    await api('DELETE', `/kb/articles/${steps.id}`);
  });

  it('filters by a category and the ones below it', async () => {
    const parent = await created<{ id: number }>(api, '/kb/categories', { name: 'Matériel' });
    const child = await created<{ id: number }>(api, '/kb/categories', {
      name: 'Imprimantes',
      parent: parent.id,
    });
    const other = await created<{ id: number }>(api, '/kb/categories', { name: 'Logiciels' });
    const article = await created<{ id: number }>(api, '/kb/articles', {
      title: 'Imprimante du couloir : bourrage papier',
      language: 'fr',
      category: child.id,
    });
    await api('POST', `/kb/articles/${article.id}/transitions`, { action: 'publish' });
    const inCategory = async (category: number) =>
      (await search(user, 'imprimante bourrage', `&category=${category}`)).results.map((r) => r.article.id);
    expect(await inCategory(child.id)).toEqual([article.id]);
    expect(await inCategory(parent.id)).toEqual([article.id]);
    expect(await inCategory(other.id)).toEqual([]);
    await api('DELETE', `/kb/articles/${article.id}`);
  });

  it('marks the matching words in the title and a snippet of the text', async () => {
    const [first] = (await search(user, 'spouleur imprimante')).results;
    expect(first?.title.filter((p) => p.hit).map((p) => p.text)).toEqual(['Imprimante']);
    expect(first?.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(
      expect.arrayContaining(['imprimante', 'spouleur']),
    );
  });

  it('suggests articles while the title is being typed, the last word unfinished', async () => {
    const suggest = async (q: string) =>
      (await user('GET', `/kb/suggestions?q=${encodeURIComponent(q)}`))
        .json()
        .map((s: { id: number }) => s.id);
    expect(await suggest('mon imprim')).toContain(ids.printer);
    expect(await suggest('vpn décon')).toEqual([ids.vpn]);
    expect(await suggest('le')).toEqual([]);
    // A whole ticket title: no article title holds every word; the one holding most comes first.
    expect((await suggest('Impossible de me connecter au VPN depuis chez moi'))[0]).toBe(ids.vpn);
  });

  it('never shows a reader what he may not read, not even in counts or snippets', async () => {
    expect((await top(api, 'procédure interne'))[0]).toBe('internal');
    const forUser = await search(user, 'procédure interne');
    expect(forUser).toMatchObject({ count: 0, results: [] });
    const passwords = await search(user, 'administrateur mot de passe');
    expect(JSON.stringify(passwords)).not.toContain('coffre');
    // Drafts stay out unless staff ask for them.
    const draft = await created<{ id: number }>(api, '/kb/articles', {
      title: 'Brouillon sur le spouleur',
      language: 'fr',
    });
    expect(await top(user, 'brouillon spouleur')).toEqual([]);
    expect((await search(api, 'brouillon spouleur')).count).toBe(0);
    expect((await search(api, 'brouillon spouleur', '&status=draft')).results[0]?.article.id).toBe(draft.id);
    expect((await search(user, 'brouillon spouleur', '&status=draft')).count).toBe(0);
  });

  it('indexes articles written before the index existed (the start-up job)', async () => {
    const db = t.app.database.db;
    const { id } = await db
      .insertInto('kb_articles')
      .values({ title: 'Archivage des courriels', body: 'Outil PST', language: 'fr', status: 'published' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await search(user, 'archivage courriels')).count).toBe(0);
    await t.app.scheduler.runNow('knowledge.index');
    expect((await search(user, 'archivage courriels')).results.map((r) => r.article.id)).toEqual([id]);
  });

  it('finds an edited article by its new words at once, and no longer by the old ones', async () => {
    const current = (await api('GET', `/kb/articles/${ids.toner}`)).json();
    await api('PATCH', `/kb/articles/${ids.toner}`, {
      revision: current.revision,
      body: 'Les consommables se commandent sur le portail Lyreco.',
    });
    expect(await top(user, 'lyreco')).toEqual(['toner']);
    expect(await top(user, 'cartouches')).toEqual([]);
    expect((await search(user, 'zzzz')).count).toBe(0);
  });
});
