import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  adminOf,
  apiClient,
  apiTestApp,
  auditOf,
  created,
  expectProblem,
} from '../../test/api-client.js';
import type { Factories } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

type Detail = {
  id: number;
  title: string;
  status: string;
  revision: number;
  tags: string[];
  body_html: string;
  available_actions: string[];
  helpful_count: number;
  unhelpful_count: number;
  view_count: number;
  my_vote: { helpful: boolean; comment: string | null } | null;
};

describe('knowledge base: articles', () => {
  let t: TestApp;
  let f: Factories;
  let api: ApiClient;
  const as = {} as Record<'tech' | 'reviewer' | 'user' | 'userB' | 'techB', ApiClient>;
  const s = {} as Record<'group' | 'paris' | 'lyon' | 'bruxelles', number>;
  let reviewers: number;

  const write = (client: ApiClient, body: Record<string, unknown>) =>
    created<Detail>(client, '/kb/articles', { language: 'fr', body: 'Texte', ...body });
  const act = (client: ApiClient, id: number, action: string, note?: string) =>
    client('POST', `/kb/articles/${id}/transitions`, { action, ...(note && { note }) });
  const titles = async (client: ApiClient, query = '') =>
    (await client('GET', `/kb/articles?page_size=200&ordering=title${query}`))
      .json()
      .results.map((a: { title: string }) => a.title);

  beforeAll(async () => {
    ({ t, f } = await apiTestApp());
    // A company with two subsidiaries, and another company.
    s.group = (await f.structure({ name: 'Groupe' })).id;
    s.paris = (await f.structure({ name: 'Paris', parent: s.group })).id;
    s.lyon = (await f.structure({ name: 'Lyon', parent: s.group })).id;
    s.bruxelles = (await f.structure({ name: 'Bruxelles' })).id;
    ({ api } = await adminOf(t.app, s.group));
    const tech = await f.user({ role: 'technician', structure: s.paris });
    const reviewer = await f.user({ role: 'technician', structure: s.paris });
    reviewers = (await f.group({ structure: s.paris, name: 'Relecteurs', members: [reviewer.id] })).id;
    as.tech = apiClient(t.app, await f.token(tech));
    as.reviewer = apiClient(t.app, await f.token(reviewer));
    as.techB = apiClient(t.app, await f.token(await f.user({ role: 'technician', structure: s.bruxelles })));
    as.user = apiClient(t.app, await f.token(await f.user({ structure: s.paris })));
    as.userB = apiClient(t.app, await f.token(await f.user({ structure: s.bruxelles })));
  });
  afterAll(() => t?.close());

  it('writes a draft, publishes it, renders its body sanitised, and keeps every save as a revision', async () => {
    const draft = await write(as.tech, {
      title: 'Configurer le VPN',
      body: '## Étapes\n\n1. Ouvrir **FortiClient**\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))',
      tags: ['VPN', 'accès distant', 'vpn'],
    });
    expect(draft).toMatchObject({ status: 'draft', revision: 1, tags: ['accès distant', 'vpn'] });
    expect(draft.available_actions).toEqual(['publish', 'archive']);
    expect(draft.body_html).toContain('<strong>FortiClient</strong>');
    expect(draft.body_html).not.toMatch(/<script|javascript:/i);
    // A user does not see a draft.
    expectProblem(await as.user('GET', `/kb/articles/${draft.id}`), 404, 'ARTICLE_NOT_FOUND');

    const published = (await act(as.tech, draft.id, 'publish')).json();
    expect(published).toMatchObject({ status: 'published', revision: 2 });
    expect((await as.user('GET', `/kb/articles/${draft.id}`)).json().title).toBe('Configurer le VPN');

    const edited = await as.tech('PATCH', `/kb/articles/${draft.id}`, {
      revision: 2,
      title: 'Configurer le VPN (FortiClient 7)',
      body: '## Étapes\n\n1. Ouvrir **FortiClient 7**',
      note: 'Version 7',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().revision).toBe(3);
    // Someone who edited revision 2 meanwhile is told, and loses nothing silently.
    const stale = expectProblem(
      await api('PATCH', `/kb/articles/${draft.id}`, { revision: 2, title: 'Autre titre' }),
      409,
      'REVISION_CONFLICT',
    );
    expect(stale.detail).toContain('3');

    const revisions = (await as.tech('GET', `/kb/articles/${draft.id}/revisions`)).json();
    expect(
      revisions.results.map((r: { number: number; status: string; note: string | null }) => [
        r.number,
        r.status,
        r.note,
      ]),
    ).toEqual([
      [3, 'published', 'Version 7'],
      [2, 'published', 'publish'],
      [1, 'draft', null],
    ]);
    const diff = (await as.tech('GET', `/kb/articles/${draft.id}/diff?from=2&to=3`)).json();
    expect(
      diff.title
        .filter((p: { kind: string }) => p.kind === 'added')
        .map((p: { text: string }) => p.text.trim()),
    ).toEqual(['(FortiClient 7)']);
    expectProblem(await as.user('GET', `/kb/articles/${draft.id}/revisions`), 403, 'FORBIDDEN');

    const restored = (await as.tech('POST', `/kb/articles/${draft.id}/revisions/1/restore`)).json();
    expect(restored).toMatchObject({ title: 'Configurer le VPN', revision: 4, status: 'published' });
    expect((await as.tech('GET', `/kb/articles/${draft.id}/revisions/4`)).json().note).toBe(
      'Restored revision 1',
    );
    expectProblem(await as.tech('GET', `/kb/articles/${draft.id}/revisions/99`), 404, 'REVISION_NOT_FOUND');

    const audit = await auditOf(api, 'article', draft.id);
    expect(audit.map((e) => e.action)).toEqual([
      'article.created',
      'article.publish',
      'article.updated',
      'article.updated',
    ]);
  });

  it('goes through review when a reviewer group is set: only a member approves, a rejection needs a reason', async () => {
    const draft = await write(as.tech, { title: 'Politique de mots de passe', reviewer_group: reviewers });
    expect(draft.available_actions).toEqual(['submit', 'archive']);
    expectProblem(await act(as.tech, draft.id, 'publish'), 409, 'TRANSITION_NOT_ALLOWED');
    expect((await act(as.tech, draft.id, 'submit')).json().status).toBe('in_review');
    expectProblem(await act(as.tech, draft.id, 'approve'), 409, 'TRANSITION_NOT_ALLOWED');
    expectProblem(await act(as.reviewer, draft.id, 'reject'), 400, 'VALIDATION_FAILED', ['note']);
    expect((await act(as.reviewer, draft.id, 'reject', 'Ajouter la longueur minimale')).json().status).toBe(
      'draft',
    );
    await act(as.tech, draft.id, 'submit');
    const approved = (await act(as.reviewer, draft.id, 'approve')).json();
    expect(approved.status).toBe('published');
    expectProblem(await act(as.user, draft.id, 'archive'), 403, 'FORBIDDEN');
  });

  it('visibility: a user never reads a staff-only article, nor one for structures he does not belong to', async () => {
    const publish = async (body: Record<string, unknown>) => {
      const a = await write(api, body);
      await act(api, a.id, 'publish');
      return a.id;
    };
    await publish({ title: 'V1 pour tous' });
    await publish({ title: 'V2 technique', visibility: 'staff' });
    await publish({ title: 'V3 groupe', visibility: 'structures', structures: [s.group] });
    await publish({ title: 'V4 Lyon', visibility: 'structures', structures: [s.lyon] });
    await publish({ title: 'V5 Bruxelles', visibility: 'structures', structures: [s.bruxelles] });
    await write(api, { title: 'V6 brouillon' });
    const mine = async (client: ApiClient) =>
      (await titles(client, '&search=V')).filter((x: string) => /^V\d/.test(x));

    expect(await mine(api)).toEqual([
      'V1 pour tous',
      'V2 technique',
      'V3 groupe',
      'V4 Lyon',
      'V5 Bruxelles',
      'V6 brouillon',
    ]);
    // A technician of Paris: everyone, staff, the group above him; drafts too; not Lyon nor Bruxelles.
    expect(await mine(as.tech)).toEqual(['V1 pour tous', 'V2 technique', 'V3 groupe', 'V6 brouillon']);
    // A user of Paris: published, for everyone or his company.
    expect(await mine(as.user)).toEqual(['V1 pour tous', 'V3 groupe']);
    expect(await mine(as.userB)).toEqual(['V1 pour tous', 'V5 Bruxelles']);
    expect(await mine(as.techB)).toEqual(['V1 pour tous', 'V2 technique', 'V5 Bruxelles', 'V6 brouillon']);
    // Counts follow the same scope; a filter never widens it.
    expect((await as.user('GET', '/kb/articles?visibility=staff')).json().count).toBe(0);
    // "Chosen structures" needs at least one.
    expectProblem(
      await api('POST', '/kb/articles', {
        title: 'Sans structure',
        language: 'fr',
        visibility: 'structures',
      }),
      400,
      'VALIDATION_FAILED',
      ['structures'],
    );
  });

  it('counts helpful votes (one per reader, changeable) and page views', async () => {
    const a = await write(api, { title: 'Réinitialiser son mot de passe' });
    await act(api, a.id, 'publish');
    const vote = (client: ApiClient, helpful: boolean, comment?: string) =>
      client('PUT', `/kb/articles/${a.id}/vote`, { helpful, ...(comment && { comment }) });
    expect((await vote(as.user, false, 'Il manque la capture')).json()).toMatchObject({
      helpful_count: 0,
      unhelpful_count: 1,
      my_vote: { helpful: false, comment: 'Il manque la capture' },
    });
    await vote(as.user, true);
    const after = (await vote(as.userB, true)).json();
    expect([after.helpful_count, after.unhelpful_count]).toEqual([2, 0]);
    for (let i = 0; i < 3; i++)
      expect((await as.user('POST', `/kb/articles/${a.id}/views`)).statusCode).toBe(204);
    expect((await api('GET', `/kb/articles/${a.id}`)).json().view_count).toBe(3);
  });

  it('refuses bad input naming the field, and lets only administrators delete', async () => {
    expectProblem(await as.tech('POST', '/kb/articles', {}), 400, 'VALIDATION_FAILED', ['title', 'language']);
    expectProblem(
      await as.tech('POST', '/kb/articles', { title: 'x', language: 'de', tags: ['<b>'], category: 999999 }),
      400,
      'VALIDATION_FAILED',
      ['language', 'tags.0'],
    );
    expectProblem(
      await as.tech('POST', '/kb/articles', { title: 'x', language: 'fr', category: 999999 }),
      400,
      'VALIDATION_FAILED',
      ['category'],
    );
    expectProblem(await as.user('POST', '/kb/articles', { title: 'x', language: 'fr' }), 403, 'FORBIDDEN');
    const a = await write(as.tech, { title: 'À supprimer' });
    expectProblem(await as.tech('DELETE', `/kb/articles/${a.id}`), 403, 'FORBIDDEN');
    expect((await api('DELETE', `/kb/articles/${a.id}`)).statusCode).toBe(204);
    expectProblem(await api('GET', `/kb/articles/${a.id}`), 404, 'ARTICLE_NOT_FOUND');
  });

  it('arranges categories in a tree (administrators) with the counts each reader may read', async () => {
    const network = await created<{ id: number }>(api, '/kb/categories', { name: 'Réseau' });
    const vpn = await created<{ id: number; parent: number }>(api, '/kb/categories', {
      name: 'VPN',
      parent: network.id,
    });
    expect(vpn.parent).toBe(network.id);
    expectProblem(
      await api('PATCH', `/kb/categories/${network.id}`, { parent: vpn.id }),
      400,
      'VALIDATION_FAILED',
      ['parent'],
    );
    expectProblem(await as.tech('POST', '/kb/categories', { name: 'x' }), 403, 'FORBIDDEN');
    const open = await write(api, { title: 'Catégorisé', category: vpn.id });
    await act(api, open.id, 'publish');
    const hidden = await write(api, { title: 'Catégorisé technique', category: vpn.id, visibility: 'staff' });
    await act(api, hidden.id, 'publish');
    const count = async (client: ApiClient) =>
      (await client('GET', '/kb/categories')).json().find((c: { id: number }) => c.id === vpn.id)
        .article_count;
    expect([await count(api), await count(as.tech), await count(as.user)]).toEqual([2, 2, 1]);
    expect(await titles(as.user, `&category=${vpn.id}`)).toEqual(['Catégorisé']);
    expectProblem(await api('DELETE', `/kb/categories/${network.id}`), 409, 'IN_USE');
    expect((await api('DELETE', `/kb/categories/${vpn.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/kb/articles/${open.id}`)).json().category).toBeNull();
  });
});
