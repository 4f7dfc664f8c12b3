import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import {
  type ApiClient,
  adminOf,
  apiClient,
  apiTestApp,
  created,
  expectProblem,
} from '../../test/api-client.js';
import type { Factories } from '../../test/factories.js';
import { multipart, PNG } from '../../test/multipart.js';
import type { TestApp } from '../../test/test-app.js';

type Hit = { id: number; title: string; highlights: { title: unknown[]; snippet: unknown[] } | null };

describe('knowledge base: the public knowledge base', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let tech: ApiClient;
  let user: ApiClient;
  let adminHeaders: Record<string, string>;
  const a = {} as Record<
    'open' | 'openEn' | 'draft' | 'staff' | 'structures' | 'notPublic' | 'archived',
    number
  >;
  const image = {} as Record<'open' | 'staff', number>;

  /** Anonymous: no cookie, no token. */
  const anonymous = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const setPublic = (client: ApiClient, public_enabled: boolean) =>
    client('PUT', '/settings/knowledge', { public_enabled });

  beforeAll(async () => {
    ({ t, f, db } = await apiTestApp());
    const paris = (await f.structure({ name: 'Paris' })).id;
    const admin = await adminOf(t.app, paris);
    api = admin.api;
    adminHeaders = admin.headers;
    tech = apiClient(t.app, await f.token(await f.user({ role: 'technician', structure: paris })));
    user = apiClient(t.app, await f.token(await f.user({ structure: paris })));

    const write = async (title: string, body: Record<string, unknown>, actions: string[] = ['publish']) => {
      const { id } = await created<{ id: number }>(api, '/kb/articles', {
        language: 'fr',
        is_public: true,
        body: `## Étapes\n\n${title} : redémarrer le routeur.`,
        title,
        ...body,
      });
      for (const action of actions)
        expect((await api('POST', `/kb/articles/${id}/transitions`, { action })).statusCode).toBe(200);
      return id;
    };
    a.open = await write('Réinitialiser son mot de passe', { tags: ['compte'] });
    a.openEn = await write('Reset your password', { language: 'en' });
    a.draft = await write('Mot de passe : brouillon public', {}, []);
    a.staff = await write('Mot de passe : procédure interne', { visibility: 'staff' });
    a.structures = await write('Mot de passe : Paris seulement', {
      visibility: 'structures',
      structures: [paris],
    });
    a.notPublic = await write('Mot de passe : article non public', { is_public: false });
    a.archived = await write('Mot de passe : ancienne version', {}, ['publish', 'archive']);

    const attach = async (articleId: number) => {
      const body = multipart({ name: 'capture.png', content: PNG });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/kb/articles/${articleId}/attachments`,
        headers: { ...adminHeaders, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    image.open = await attach(a.open);
    image.staff = await attach(a.staff);
    const open = (await api('GET', `/kb/articles/${a.open}`)).json();
    expect(
      (
        await api('PATCH', `/kb/articles/${a.open}`, {
          revision: open.revision,
          body: `${open.body}\n\n![capture](/api/v1/kb/attachments/${image.open}/download)\n\n![autre](/api/v1/kb/attachments/${image.staff}/download)`,
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  it('is off by default: every public route answers 404 with problem+json', async () => {
    expect((await api('GET', '/settings/knowledge')).json()).toEqual({ public_enabled: false });
    expectProblem(await anonymous('/public/kb/articles'), 404, 'NOT_FOUND');
    expectProblem(await anonymous('/public/kb/articles?q=mot'), 404, 'NOT_FOUND');
    expectProblem(await anonymous(`/public/kb/articles/${a.open}`), 404, 'ARTICLE_NOT_FOUND');
    expectProblem(
      await anonymous(`/public/kb/attachments/${image.open}/download`),
      404,
      'ATTACHMENT_NOT_FOUND',
    );
    // Signed in changes nothing: the public routes are the public knowledge base's.
    expectProblem(await user('GET', `/public/kb/articles/${a.open}`), 404, 'ARTICLE_NOT_FOUND');
    // The signed-in routes stay closed to anonymous callers.
    expectProblem(await anonymous(`/kb/articles/${a.open}`), 401, 'UNAUTHENTICATED');
    expectProblem(await anonymous(`/kb/attachments/${image.open}/download`), 401, 'UNAUTHENTICATED');
  });

  it('is opened and closed by administrators only, audited', async () => {
    expectProblem(await tech('GET', '/settings/knowledge'), 403, 'FORBIDDEN');
    expectProblem(await setPublic(tech, true), 403, 'FORBIDDEN');
    expectProblem(await setPublic(user, true), 403, 'FORBIDDEN');
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url: '/api/v1/settings/knowledge',
        payload: { public_enabled: true },
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api('PUT', '/settings/knowledge', { public_enabled: 'yes' }),
      400,
      'VALIDATION_FAILED',
      ['public_enabled'],
    );
    expectProblem(
      await api('PUT', '/settings/knowledge', { public_enabled: true, extra: 1 }),
      400,
      'VALIDATION_FAILED',
      ['extra'],
    );
    expect((await api('GET', '/settings/knowledge')).json()).toEqual({ public_enabled: false });

    const opened = await setPublic(api, true);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toEqual({ public_enabled: true });
    // Saving the same value again writes no second entry.
    await setPublic(api, true);
    const entries = (await api('GET', '/audit-log?action=settings.knowledge_updated&ordering=id')).json()
      .results;
    expect(entries).toHaveLength(1);
    expect(entries[0].changes).toEqual({ public_enabled: { before: false, after: true } });
  });

  it('opened: anybody reads the published public articles for everyone, and nothing else', async () => {
    const list = await anonymous('/public/kb/articles');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json();
    expect(page.results.map((r: Hit) => r.id).sort()).toEqual([a.open, a.openEn].sort());
    expect(page.count).toBe(2);
    // Nothing about who wrote it, how often it was read, or its workflow.
    expect(Object.keys(page.results[0]).sort()).toEqual(
      [
        'category_name',
        'highlights',
        'id',
        'language',
        'published_at',
        'summary',
        'tags',
        'title',
        'updated_at',
      ].sort(),
    );
    expect((await anonymous('/public/kb/articles?language=en')).json().results.map((r: Hit) => r.id)).toEqual(
      [a.openEn],
    );

    // Search: the knowledge search, restricted to the public articles.
    const searched = (await anonymous(`/public/kb/articles?q=${encodeURIComponent('mot de passe')}`)).json();
    expect(searched.results.map((r: Hit) => r.id)).toEqual([a.open]);
    expect(searched.results[0].highlights.title.some((p: { hit: boolean }) => p.hit)).toBe(true);

    const detail = await anonymous(`/public/kb/articles/${a.open}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const article = detail.json();
    expect(article).toMatchObject({ id: a.open, title: 'Réinitialiser son mot de passe', tags: ['compte'] });
    expect(article.body_html).toContain(
      `<img alt="capture" src="/api/v1/public/kb/attachments/${image.open}/download" />`,
    );
    expect(article.body_html).not.toContain('/api/v1/kb/attachments/');
    expect(article.attachments).toEqual([
      expect.objectContaining({
        id: image.open,
        is_image: true,
        url: `/api/v1/public/kb/attachments/${image.open}/download`,
      }),
    ]);
    expect(article.attachments[0].uploader).toBeUndefined();
    expect(article).not.toHaveProperty('author_name');

    const got = await anonymous(`/public/kb/attachments/${image.open}/download`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers['content-disposition']).toMatch(/^inline;/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    // A staff-only article's image, even referenced from a public article's body: 404.
    expectProblem(
      await anonymous(`/public/kb/attachments/${image.staff}/download`),
      404,
      'ATTACHMENT_NOT_FOUND',
    );

    for (const id of [a.draft, a.staff, a.structures, a.notPublic, a.archived, 999_999]) {
      expectProblem(await anonymous(`/public/kb/articles/${id}`), 404, 'ARTICLE_NOT_FOUND');
    }
    for (const q of ['interne', 'brouillon', 'Paris', 'ancienne', 'non public']) {
      expect((await anonymous(`/public/kb/articles?q=${encodeURIComponent(q)}`)).json().results, q).toEqual(
        [],
      );
    }

    // Anonymous readings are not counted: nobody can inflate an article's views without signing in.
    const views = await db
      .selectFrom('kb_articles')
      .select('view_count')
      .where('id', '=', a.open)
      .executeTakeFirstOrThrow();
    expect(Number(views.view_count)).toBe(0);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/kb/articles/${a.open}/views` })).statusCode,
    ).toBe(401);
  });

  it('refuses malformed queries with 400, never 5xx', async () => {
    for (const query of [
      'page=0',
      'page_size=500',
      'language=de',
      'category=x',
      `q=${'x'.repeat(201)}`,
      'other=1',
    ]) {
      expect((await anonymous(`/public/kb/articles?${query}`)).statusCode, query).toBe(400);
    }
    expectProblem(await anonymous('/public/kb/articles/abc'), 400, 'VALIDATION_FAILED');
  });

  it('an article taken out of the public knowledge base, or the whole of it closed, is 404 again', async () => {
    const open = (await api('GET', `/kb/articles/${a.open}`)).json();
    expect(
      (await api('PATCH', `/kb/articles/${a.open}`, { revision: open.revision, is_public: false }))
        .statusCode,
    ).toBe(200);
    expectProblem(await anonymous(`/public/kb/articles/${a.open}`), 404, 'ARTICLE_NOT_FOUND');
    expectProblem(
      await anonymous(`/public/kb/attachments/${image.open}/download`),
      404,
      'ATTACHMENT_NOT_FOUND',
    );

    expect((await setPublic(api, false)).json()).toEqual({ public_enabled: false });
    expectProblem(await anonymous(`/public/kb/articles/${a.openEn}`), 404, 'ARTICLE_NOT_FOUND');
    expectProblem(await anonymous('/public/kb/articles'), 404, 'NOT_FOUND');
  });
});
