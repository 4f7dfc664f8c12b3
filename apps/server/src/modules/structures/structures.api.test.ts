import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Refused } from '../../test/api-client.js';
import { adminOf, apiTestApp, auditOf, created } from '../../test/api-client.js';
import type { Factories, TestUser } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

describe('structures API', () => {
  let t: TestApp;
  let f: Factories;
  let api: ApiClient;
  let refused: Refused;
  let admin: TestUser;

  const create = (body: Record<string, unknown>) =>
    created<{ id: number; name: string; code: string; parent: number | null }>(api, '/structures', body);

  beforeAll(async () => {
    ({ t, f } = await apiTestApp());
    const home = await f.structure({ name: 'Home', code: 'HOME' });
    ({ admin, api, refused } = await adminOf(t.app, home.id));
  });
  afterAll(() => t?.close());

  it('creates, reads, changes and deletes a structure, stores the code uppercase, and audits it', async () => {
    const group = await create({ name: 'Groupe Nord', code: 'nord', description: 'Holding' });
    expect(group).toMatchObject({ name: 'Groupe Nord', code: 'NORD', description: 'Holding', parent: null });
    const plant = await create({ name: 'Usine', code: 'nord-usine', parent: group.id });
    expect(plant.parent).toBe(group.id);
    expect((await api('GET', `/structures/${plant.id}`)).json()).toMatchObject({ code: 'NORD-USINE' });

    const changed = await api('PATCH', `/structures/${plant.id}`, {
      name: 'Usine de Lille',
      description: null,
    });
    expect(changed.json()).toMatchObject({ name: 'Usine de Lille', description: null, parent: group.id });
    const listed = await api('GET', `/structures?parent=${group.id}`);
    expect(listed.json()).toMatchObject({ count: 1, results: [{ id: plant.id, name: 'Usine de Lille' }] });

    expect((await api('DELETE', `/structures/${plant.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/structures/${plant.id}`)).statusCode).toBe(404);
    const audit = await auditOf(api, 'structure', plant.id);
    expect(audit.map((e) => e.action)).toEqual([
      'structure.created',
      'structure.updated',
      'structure.deleted',
    ]);
    expect(audit[1]).toMatchObject({
      actor: admin.id,
      changes: { name: { before: 'Usine', after: 'Usine de Lille' } },
    });
    expect(audit[2]?.changes).toMatchObject({ code: { before: 'NORD-USINE', after: null } });
  });

  it('nests the tree under the roots, siblings by name', async () => {
    const root = await create({ name: 'Arbre', code: 'ARBRE' });
    const b = await create({ name: 'Branche B', code: 'ARBRE-B', parent: root.id });
    const a = await create({ name: 'Branche A', code: 'ARBRE-A', parent: root.id });
    const leaf = await create({ name: 'Feuille', code: 'ARBRE-A-1', parent: a.id });
    const tree = (await api('GET', '/structures/tree')).json() as Array<{ id: number; children: unknown[] }>;
    expect(tree.find((n) => n.id === root.id)).toEqual({
      id: root.id,
      name: 'Arbre',
      code: 'ARBRE',
      parent: null,
      children: [
        {
          id: a.id,
          name: 'Branche A',
          code: 'ARBRE-A',
          parent: root.id,
          children: [{ id: leaf.id, name: 'Feuille', code: 'ARBRE-A-1', parent: a.id, children: [] }],
        },
        { id: b.id, name: 'Branche B', code: 'ARBRE-B', parent: root.id, children: [] },
      ],
    });
  });

  it('refuses a code already used, in any case, on creation and on change', async () => {
    await create({ name: 'Acme', code: 'ACME' });
    const body = await refused('POST', '/structures', { name: 'Other', code: 'acme' }, 409, 'CODE_TAKEN', [
      'code',
    ]);
    expect(body.errors?.[0]?.code).toBe('conflict');
    const other = await create({ name: 'Other', code: 'OTHER' });
    await refused('PATCH', `/structures/${other.id}`, { code: 'Acme' }, 409, 'CODE_TAKEN', ['code']);
  });

  it('lists every missing or malformed field, and names unknown ones', async () => {
    await refused('POST', '/structures', {}, 400, 'VALIDATION_FAILED', ['name', 'code']);
    await refused(
      'POST',
      '/structures',
      { name: 42, code: 'has space', parent: 'root' },
      400,
      'VALIDATION_FAILED',
      ['name', 'code', 'parent'],
    );
    await refused('POST', '/structures', { name: 'X', code: 'X', manager: 1 }, 400, 'VALIDATION_FAILED', [
      'manager',
    ]);
  });

  it('refuses a parent that does not exist', async () => {
    await refused(
      'POST',
      '/structures',
      { name: 'Orphan', code: 'ORPHAN', parent: 999_999 },
      400,
      'VALIDATION_FAILED',
      ['parent'],
    );
    const s = await create({ name: 'Lonely', code: 'LONELY' });
    await refused('PATCH', `/structures/${s.id}`, { parent: 999_999 }, 400, 'VALIDATION_FAILED', ['parent']);
  });

  it('refuses to make a structure its own ancestor', async () => {
    const top = await create({ name: 'Top', code: 'TOP' });
    const middle = await create({ name: 'Middle', code: 'MIDDLE', parent: top.id });
    const bottom = await create({ name: 'Bottom', code: 'BOTTOM', parent: middle.id });
    for (const parent of [top.id, middle.id, bottom.id]) {
      const body = await refused('PATCH', `/structures/${top.id}`, { parent }, 400, 'VALIDATION_FAILED', [
        'parent',
      ]);
      expect(body.errors?.[0]?.code).toBe('cycle');
    }
    // Moving it elsewhere is fine, and moving it back to the root too.
    const other = await create({ name: 'Elsewhere', code: 'ELSEWHERE' });
    expect((await api('PATCH', `/structures/${bottom.id}`, { parent: other.id })).json().parent).toBe(
      other.id,
    );
    expect((await api('PATCH', `/structures/${bottom.id}`, { parent: null })).json().parent).toBeNull();
  });

  it.each(['children', 'users', 'sites', 'groups'] as const)(
    'refuses to delete a structure that still has %s',
    async (what) => {
      const s = await create({ name: `Busy with ${what}`, code: `BUSY-${what}` });
      if (what === 'children') await f.structure({ parent: s.id });
      if (what === 'users') await f.user({ structure: s.id });
      if (what === 'sites') await f.site({ structure: s.id });
      if (what === 'groups') await f.group({ structure: s.id });
      const body = await refused('DELETE', `/structures/${s.id}`, undefined, 409, 'IN_USE');
      expect(body.detail).toContain(`1 ${what}`);
    },
  );

  it('answers 404 for a structure that does not exist', async () => {
    await refused('PATCH', '/structures/999999', { name: 'Ghost' }, 404, 'STRUCTURE_NOT_FOUND');
    await refused('DELETE', '/structures/999999', undefined, 404, 'STRUCTURE_NOT_FOUND');
  });
});
