import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, apiClient, auditOf, created, expectProblem } from '../../../test/api-client.js';
import type { TestUser } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { configTestApp, refusedIn } from './test-support.js';

type Canned = { id: number; title: string; body: string; owner: number | null };

describe('canned responses API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let admin: TestUser;
  let api: ApiClient;
  let tech: TestUser;
  let techApi: ApiClient;
  let otherApi: ApiClient;
  let other: TestUser;
  let userApi: ApiClient;
  let shared: Canned;
  let mine: Canned;
  let theirs: Canned;
  let adminOwn: Canned;

  const titles = async (client: ApiClient, query = '') =>
    (await client('GET', `/canned-responses${query}`)).json().results.map((c: Canned) => c.title);

  beforeAll(async () => {
    let f: Awaited<ReturnType<typeof configTestApp>>['f'];
    let structure: number;
    ({ t, db, f, admin, api, tech, techApi, userApi, structure } = await configTestApp());
    other = await f.user({ role: 'technician', structure });
    otherApi = apiClient(t.app, await f.token(other));
    shared = await created<Canned>(api, '/canned-responses', {
      title: 'Accusé de réception',
      body: 'Nous avons bien reçu votre demande.',
      is_shared: true,
    });
    adminOwn = await created<Canned>(api, '/canned-responses', {
      title: 'Note admin',
      body: 'Pour moi seul.',
    });
    mine = await created<Canned>(techApi, '/canned-responses', {
      title: 'Redémarrage',
      body: 'Redémarrez le poste.',
    });
    theirs = await created<Canned>(otherApi, '/canned-responses', {
      title: 'Imprimante',
      body: 'Vérifiez le papier.',
    });
  });
  afterAll(() => t?.close());

  it('gives each technician the shared responses and his own, administrators all of them', async () => {
    expect(shared.owner).toBeNull();
    expect(adminOwn.owner).toBe(admin.id);
    expect(mine.owner).toBe(tech.id);
    expect(await titles(techApi)).toEqual(['Accusé de réception', 'Redémarrage']);
    expect(await titles(otherApi)).toEqual(['Accusé de réception', 'Imprimante']);
    expect(await titles(api)).toEqual(['Accusé de réception', 'Imprimante', 'Note admin', 'Redémarrage']);
    expect(await titles(techApi, '?owner__isnull=true')).toEqual(['Accusé de réception']);
    expect(await titles(techApi, `?owner=${other.id}`)).toEqual([]);
    expect(await titles(techApi, '?search=papier')).toEqual([]);
    expect(await titles(api, '?search=papier')).toEqual(['Imprimante']);
    expect((await techApi('GET', '/canned-responses')).json().count).toBe(2);

    // Another technician's personal response does not exist for him.
    expectProblem(await techApi('GET', `/canned-responses/${theirs.id}`), 404, 'CANNED_RESPONSE_NOT_FOUND');
    expectProblem(await techApi('GET', `/canned-responses/${adminOwn.id}`), 404, 'CANNED_RESPONSE_NOT_FOUND');
    expect((await techApi('GET', `/canned-responses/${shared.id}`)).json()).toEqual(shared);
    expect((await api('GET', `/canned-responses/${theirs.id}`)).json()).toEqual(theirs);
  });

  it('lets a technician change and delete only his own', async () => {
    const refused = refusedIn(db, techApi);
    const changed = await techApi('PATCH', `/canned-responses/${mine.id}`, {
      body: 'Redémarrez puis réessayez.',
    });
    expect(changed.json()).toMatchObject({ body: 'Redémarrez puis réessayez.', owner: tech.id });
    await refused(
      'PATCH',
      `/canned-responses/${theirs.id}`,
      { title: 'Volé' },
      404,
      'CANNED_RESPONSE_NOT_FOUND',
    );
    await refused('DELETE', `/canned-responses/${theirs.id}`, undefined, 404, 'CANNED_RESPONSE_NOT_FOUND');
    const sharedEdit = await refused(
      'PATCH',
      `/canned-responses/${shared.id}`,
      { title: 'X' },
      403,
      'FORBIDDEN',
    );
    expect(sharedEdit.detail).toBe('Shared canned responses are managed by administrators');
    await refused('DELETE', `/canned-responses/${shared.id}`, undefined, 403, 'FORBIDDEN');

    const temp = await created<Canned>(techApi, '/canned-responses', {
      title: 'Temporaire',
      body: 'À jeter.',
    });
    expect((await techApi('DELETE', `/canned-responses/${temp.id}`)).statusCode).toBe(204);
    const audit = await auditOf(api, 'canned_response', temp.id);
    expect(audit.map((e) => e.action)).toEqual(['canned_response.created', 'canned_response.deleted']);
    expect(audit[0]).toMatchObject({ actor: tech.id, changes: { owner: { before: null, after: tech.id } } });
  });

  it('lets only administrators share', async () => {
    const refused = refusedIn(db, techApi);
    const create = await refused(
      'POST',
      '/canned-responses',
      { title: 'Pour tous', body: 'Texte', is_shared: true },
      403,
      'FORBIDDEN',
    );
    expect(create.detail).toBe('Only administrators share canned responses');
    await refused('PATCH', `/canned-responses/${mine.id}`, { is_shared: true }, 403, 'FORBIDDEN');
    expect((await techApi('PATCH', `/canned-responses/${mine.id}`, { is_shared: false })).statusCode).toBe(
      200,
    );

    // The administrator shares a technician's response, then takes it back as his own.
    const shareIt = await api('PATCH', `/canned-responses/${theirs.id}`, { is_shared: true });
    expect(shareIt.json().owner).toBeNull();
    expect(await titles(techApi)).toContain('Imprimante');
    const unshare = await api('PATCH', `/canned-responses/${theirs.id}`, { is_shared: false });
    expect(unshare.json().owner).toBe(admin.id);
    expect(await titles(otherApi)).not.toContain('Imprimante');
    // A title change does not unshare (no default comes back on PATCH).
    expect(
      (await api('PATCH', `/canned-responses/${shared.id}`, { title: 'Accusé' })).json().owner,
    ).toBeNull();
  });

  it('refuses the whole resource to users, and bad input with the field', async () => {
    const refused = refusedIn(db, userApi);
    await refused('GET', '/canned-responses', undefined, 403, 'FORBIDDEN');
    await refused('GET', `/canned-responses/${shared.id}`, undefined, 403, 'FORBIDDEN');
    await refused('POST', '/canned-responses', { title: 'X', body: 'Y' }, 403, 'FORBIDDEN');
    await refused('PATCH', `/canned-responses/${shared.id}`, { title: 'X' }, 403, 'FORBIDDEN');
    await refused('DELETE', `/canned-responses/${shared.id}`, undefined, 403, 'FORBIDDEN');
    await refusedIn(db, api)(
      'POST',
      '/canned-responses',
      { title: ' ', body: '', owner: 3 },
      400,
      'VALIDATION_FAILED',
      ['title', 'body', 'owner'],
    );
  });
});
