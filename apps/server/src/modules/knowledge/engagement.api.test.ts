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
import type { TestApp } from '../../test/test-app.js';

describe('knowledge base at work: FAQ, articles on tickets, deflections', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  const as = {} as Record<'tech' | 'techOther' | 'user', ApiClient>;
  let structure: number;

  const publish = async (body: Record<string, unknown>, counters: Record<string, number> = {}) => {
    const a = await created<{ id: number }>(api, '/kb/articles', { language: 'fr', body: 'Texte', ...body });
    await api('POST', `/kb/articles/${a.id}/transitions`, { action: 'publish' });
    if (Object.keys(counters).length > 0)
      await db.updateTable('kb_articles').set(counters).where('id', '=', a.id).execute();
    return a.id;
  };

  beforeAll(async () => {
    ({ t, db, f } = await apiTestApp());
    structure = (await f.structure({ name: 'Siège' })).id;
    ({ api } = await adminOf(t.app, structure));
    as.tech = apiClient(t.app, await f.token(await f.user({ role: 'technician', structure })));
    as.techOther = apiClient(
      t.app,
      await f.token(await f.user({ role: 'technician', structure: (await f.structure()).id })),
    );
    as.user = apiClient(t.app, await f.token(await f.user({ structure, firstName: 'Hélène' })));
  });
  afterAll(() => t?.close());

  it('FAQ: the curated articles in their order, then the most useful others by views, votes and resolutions', async () => {
    const second = await publish({ title: 'FAQ deux', is_faq: true, faq_position: 2 });
    const first = await publish({ title: 'FAQ un', is_faq: true, faq_position: 1 });
    const viewed = await publish({ title: 'Très lu' }, { view_count: 40 });
    const resolving = await publish({ title: 'Résout des tickets' }, { resolved_count: 5, view_count: 2 });
    await publish({ title: 'Jamais lu' });
    await publish({ title: 'Technique et utile', visibility: 'staff' }, { resolved_count: 9 });
    const faq = (await as.user('GET', '/kb/faq')).json();
    expect(faq.curated.map((a: { id: number }) => a.id)).toEqual([first, second]);
    expect(faq.popular.map((a: { id: number }) => a.id)).toEqual([resolving, viewed]);
    const staffFaq = (await as.tech('GET', '/kb/faq')).json();
    expect(staffFaq.popular.map((a: { title: string }) => a.title)).toEqual([
      'Technique et utile',
      'Résout des tickets',
      'Très lu',
    ]);
  });

  it('attaches articles to a ticket; resolving with one counts it; the requester reads those he may', async () => {
    const ticket = await created<{ id: number }>(as.user, '/tickets', {
      title: 'Imprimante hors ligne',
      description: 'Elle ne répond plus depuis ce matin',
    });
    const guide = await publish({ title: 'Remettre une imprimante en ligne' });
    const internal = await publish({ title: 'Procédure interne imprimantes', visibility: 'staff' });
    const draft = await created<{ id: number }>(api, '/kb/articles', { language: 'fr', title: 'Brouillon' });

    expectProblem(
      await as.tech('POST', `/tickets/${ticket.id}/articles`, { article: draft.id }),
      400,
      'VALIDATION_FAILED',
      ['article'],
    );
    expectProblem(
      await as.user('POST', `/tickets/${ticket.id}/articles`, { article: guide }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as.techOther('POST', `/tickets/${ticket.id}/articles`, { article: guide }),
      404,
      'TICKET_NOT_FOUND',
    );

    await as.tech('POST', `/tickets/${ticket.id}/articles`, { article: internal });
    const links = (
      await as.tech('POST', `/tickets/${ticket.id}/articles`, { article: guide, kind: 'resolution' })
    ).json();
    expect(links.map((l: { article: number; kind: string }) => [l.article, l.kind])).toEqual([
      [internal, 'linked'],
      [guide, 'resolution'],
    ]);
    expect((await api('GET', `/kb/articles/${guide}`)).json().resolved_count).toBe(1);
    // The requester sees the guide, not the staff-only procedure.
    expect(
      (await as.user('GET', `/tickets/${ticket.id}/articles`))
        .json()
        .map((l: { article: number }) => l.article),
    ).toEqual([guide]);

    expect((await as.tech('DELETE', `/tickets/${ticket.id}/articles/${guide}`)).statusCode).toBe(204);
    expect((await api('GET', `/kb/articles/${guide}`)).json().resolved_count).toBe(0);
    expectProblem(
      await as.tech('DELETE', `/tickets/${ticket.id}/articles/${guide}`),
      404,
      'ARTICLE_NOT_FOUND',
    );
  });

  it('drafts an article from a ticket’s problem and solution, for its staff only', async () => {
    const ticket = await created<{ id: number }>(as.user, '/tickets', {
      title: 'Outlook demande le mot de passe en boucle',
      description: 'Après le changement de mot de passe',
    });
    await db
      .updateTable('tickets')
      .set({ solution: 'Supprimer les identifiants enregistrés' })
      .where('id', '=', ticket.id)
      .execute();
    const draft = (await as.tech('GET', `/tickets/${ticket.id}/article-draft`)).json();
    expect(draft).toMatchObject({
      title: 'Outlook demande le mot de passe en boucle',
      language: 'fr',
      source_ticket: ticket.id,
    });
    expect(draft.body).toMatch(
      /## Problème\n\nAprès le changement de mot de passe\n\n## Solution\n\nSupprimer les identifiants enregistrés/,
    );
    expectProblem(await as.user('GET', `/tickets/${ticket.id}/article-draft`), 403, 'FORBIDDEN');
    const article = await created<{ source_ticket: number }>(as.tech, '/kb/articles', draft);
    expect(article.source_ticket).toBe(ticket.id);
    expectProblem(
      await as.techOther('POST', '/kb/articles', { ...draft, title: 'x' }),
      400,
      'VALIDATION_FAILED',
      ['source_ticket'],
    );
  });

  it('FAQ candidates: resolved tickets that keep coming back without an article, with a draft from the best solution', async () => {
    const resolved = async (title: string, solution: string, rating: number | null = null) => {
      const ticket = await created<{ id: number }>(as.user, '/tickets', {
        title,
        description: `Constaté : ${title}`,
      });
      await db
        .updateTable('tickets')
        .set({ status: 'closed', solution, resolved_at: new Date().toISOString() })
        .where('id', '=', ticket.id)
        .execute();
      if (rating !== null)
        await db.insertInto('ticket_surveys').values({ ticket_id: ticket.id, rating }).execute();
      return ticket.id;
    };
    const a = await resolved('Badge refusé à l’entrée', 'Réactiver le badge');
    const b = await resolved('badge refuse entree parking', 'Réactiver le badge dans Vigik', 5);
    const c = await resolved('Mon badge est refusé', 'Badge réactivé');
    await resolved('Souris cassée', 'Remplacée');
    // A group whose ticket already has its article does not come back.
    const linked = await resolved('Badge refusé', 'Réactiver');
    const guide = await publish({ title: 'Badge refusé : que faire ?' });
    await as.tech('POST', `/tickets/${linked}/articles`, { article: guide });

    const candidates = (await as.tech('GET', '/kb/faq-candidates?days=30')).json();
    expect(candidates).toHaveLength(1);
    expect(
      candidates[0].tickets.map((t: { id: number }) => t.id).sort((x: number, y: number) => x - y),
    ).toEqual([a, b, c]);
    expect(candidates[0].draft).toMatchObject({ source_ticket: b, language: 'fr' });
    expect(candidates[0].draft.body).toContain('Réactiver le badge dans Vigik');
    // Another structure's technician sees nothing of it; users are refused.
    expect((await as.techOther('GET', '/kb/faq-candidates')).json()).toEqual([]);
    expectProblem(await as.user('GET', '/kb/faq-candidates'), 403, 'FORBIDDEN');
    expectProblem(await as.tech('GET', '/kb/faq-candidates?min_size=1'), 400, 'VALIDATION_FAILED', [
      'min_size',
    ]);
  });

  it('records a deflected ticket for a published article the user may read', async () => {
    const article = await publish({ title: 'Se connecter au Wi-Fi invités' });
    expect((await as.user('POST', '/kb/deflections', { article, query: 'wifi invite' })).statusCode).toBe(
      204,
    );
    const rows = await db.selectFrom('kb_deflections').select(['article_id', 'query']).execute();
    expect(rows).toEqual([{ article_id: article, query: 'wifi invite' }]);
    const hidden = await publish({ title: 'Réservé', visibility: 'staff' });
    expectProblem(await as.user('POST', '/kb/deflections', { article: hidden }), 404, 'ARTICLE_NOT_FOUND');
  });
});
