import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Refused } from '../../test/api-client.js';
import { adminOf, apiTestApp, auditOf, created } from '../../test/api-client.js';
import type { Factories } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

describe('sites API', () => {
  let t: TestApp;
  let f: Factories;
  let api: ApiClient;
  let refused: Refused;
  let lyon: number;
  let lille: number;

  const create = (body: Record<string, unknown>) =>
    created<{ id: number; name: string; address: string | null; structure: number }>(api, '/sites', body);

  beforeAll(async () => {
    ({ t, f } = await apiTestApp());
    lyon = (await f.structure({ name: 'Lyon' })).id;
    lille = (await f.structure({ name: 'Lille' })).id;
    ({ api, refused } = await adminOf(t.app, lyon));
  });
  afterAll(() => t?.close());

  it('creates, reads, lists, changes and deletes a site, and audits it', async () => {
    const site = await create({
      name: '  Part-Dieu ',
      address: '1 place Charles Béraudier',
      structure: lyon,
    });
    expect(site).toMatchObject({ name: 'Part-Dieu', address: '1 place Charles Béraudier', structure: lyon });
    expect((await api('GET', `/sites/${site.id}`)).json()).toEqual(site);
    const second = await create({ name: 'Confluence', structure: lyon });
    expect(second.address).toBeNull();
    const list = (await api('GET', `/sites?structure=${lyon}`)).json();
    expect(list.count).toBe(2);
    expect(list.results.map((s: { id: number }) => s.id)).toEqual([second.id, site.id]);
    expect(
      (await api('GET', '/sites?search=B%C3%A9raudier')).json().results.map((s: { id: number }) => s.id),
    ).toEqual([site.id]);

    const changed = await api('PATCH', `/sites/${site.id}`, { address: null, structure: lille });
    expect(changed.json()).toMatchObject({ name: 'Part-Dieu', address: null, structure: lille });
    expect((await api('DELETE', `/sites/${site.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/sites/${site.id}`)).statusCode).toBe(404);
    const audit = await auditOf(api, 'site', site.id);
    expect(audit.map((e) => e.action)).toEqual(['site.created', 'site.updated', 'site.deleted']);
    expect(audit[1]?.changes).toEqual({
      address: { before: '1 place Charles Béraudier', after: null },
      structure: { before: lyon, after: lille },
    });
  });

  it('refuses a name already used in the same structure, not in another one', async () => {
    await create({ name: 'Siège', structure: lyon });
    const body = await refused('POST', '/sites', { name: 'Siège', structure: lyon }, 409, 'NAME_TAKEN', [
      'name',
    ]);
    expect(body.errors?.[0]?.code).toBe('conflict');
    const elsewhere = await create({ name: 'Siège', structure: lille });
    await refused('PATCH', `/sites/${elsewhere.id}`, { structure: lyon }, 409, 'NAME_TAKEN', ['name']);
    const renamed = await create({ name: 'Annexe', structure: lille });
    await refused('PATCH', `/sites/${renamed.id}`, { name: 'Siège' }, 409, 'NAME_TAKEN', ['name']);
  });

  it('lists every missing or malformed field, names unknown ones, and checks the structure', async () => {
    await refused('POST', '/sites', {}, 400, 'VALIDATION_FAILED', ['name', 'structure']);
    await refused('POST', '/sites', { name: ' ', address: 7, structure: '1' }, 400, 'VALIDATION_FAILED', [
      'name',
      'address',
      'structure',
    ]);
    await refused('POST', '/sites', { name: 'X', structure: lyon, city: 'Lyon' }, 400, 'VALIDATION_FAILED', [
      'city',
    ]);
    await refused('POST', '/sites', { name: 'Nowhere', structure: 999_999 }, 400, 'VALIDATION_FAILED', [
      'structure',
    ]);
    const site = await create({ name: 'Stable', structure: lyon });
    await refused('PATCH', `/sites/${site.id}`, { structure: 999_999 }, 400, 'VALIDATION_FAILED', [
      'structure',
    ]);
    await refused('PATCH', `/sites/${site.id}`, { name: 'x'.repeat(151) }, 400, 'VALIDATION_FAILED', [
      'name',
    ]);
  });

  it('refuses to delete a site where users still are', async () => {
    const site = await create({ name: 'Occupé', structure: lyon });
    await f.user({ structure: lyon, site: site.id });
    await refused('DELETE', `/sites/${site.id}`, undefined, 409, 'IN_USE');
    await refused('DELETE', '/sites/999999', undefined, 404, 'SITE_NOT_FOUND');
  });
});
