import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, auditOf, created } from '../../../test/api-client.js';
import type { Factories, TestUser } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { configTestApp, insertTicket, refusedIn, targets, uniqueName } from './test-support.js';

type Category = {
  id: number;
  name: string;
  path: string;
  parent: number | null;
  approval: string;
  approver_user: number | null;
  approver_group: number | null;
  is_active: boolean;
};
type Node = Category & { children: Node[] };

describe('ticket categories API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let userApi: ApiClient;
  let refused: ReturnType<typeof refusedIn>;
  let structure: number;
  let user: TestUser;
  let group: number;
  let sla: number;

  const create = (body: Record<string, unknown>) => created<Category>(api, '/ticket-categories', body);
  const names = async (query: string) =>
    (await api('GET', `/ticket-categories?${query}`)).json().results.map((c: Category) => c.path);

  beforeAll(async () => {
    ({ t, db, f, api, userApi, structure, user } = await configTestApp());
    refused = refusedIn(db, api);
    group = (await f.group({ structure })).id;
    sla = (await created<{ id: number }>(api, '/slas', { name: uniqueName('SLA'), targets: targets() })).id;
  });
  afterAll(() => t?.close());

  it('builds a tree with computed paths, nested for everyone signed in', async () => {
    const root = await create({ name: 'Matériel', default_group: group, sla });
    const printer = await create({ name: 'Imprimante', parent: root.id, description_template: '## Modèle' });
    const laser = await create({ name: 'Laser', parent: printer.id });
    const phone = await create({ name: 'Téléphone', parent: root.id, is_active: false });
    expect(printer).toMatchObject({ path: 'Matériel / Imprimante', parent: root.id, approval: 'none' });
    expect(laser.path).toBe('Matériel / Imprimante / Laser');
    expect(root).toMatchObject({ default_group: group, sla, is_active: true });

    expect(await names(`parent=${root.id}`)).toEqual(['Matériel / Imprimante', 'Matériel / Téléphone']);
    expect(await names('parent__isnull=true&search=atér')).toEqual(['Matériel']);
    expect(await names(`parent=${root.id}&is_active=false`)).toEqual(['Matériel / Téléphone']);
    expect(await names(`parent=${root.id}&ordering=-name`)).toEqual([
      'Matériel / Téléphone',
      'Matériel / Imprimante',
    ]);

    // A user opening a ticket reads them all, nested.
    const one = await userApi('GET', `/ticket-categories/${laser.id}`);
    expect(one.json()).toMatchObject({ id: laser.id, path: 'Matériel / Imprimante / Laser' });
    const tree = async (query = '') => {
      const res = await userApi('GET', `/ticket-categories/tree${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const shape = (nodes: Node[]): unknown => nodes.map((n) => [n.name, shape(n.children)]);
      return shape((res.json() as Node[]).filter((n) => n.id === root.id));
    };
    expect(await tree()).toEqual([
      [
        'Matériel',
        [
          ['Imprimante', [['Laser', []]]],
          ['Téléphone', []],
        ],
      ],
    ]);
    // The picker leaves out an inactive category and everything under it.
    await api('PATCH', `/ticket-categories/${printer.id}`, { is_active: false });
    expect(await tree('?active_only=true')).toEqual([['Matériel', []]]);
    expect(phone.is_active).toBe(false);

    const audit = await auditOf(api, 'ticket_category', printer.id);
    expect(audit.map((e) => e.action)).toEqual(['ticket_category.created', 'ticket_category.updated']);
    expect(audit[1]?.changes).toEqual({ is_active: { before: true, after: false } });
  });

  it('moves a category with its subtree, never under itself or a descendant', async () => {
    const a = await create({ name: uniqueName('Logiciel') });
    const b = await create({ name: 'Bureautique', parent: a.id });
    const c = await create({ name: 'Tableur', parent: b.id });
    await refused('PATCH', `/ticket-categories/${a.id}`, { parent: c.id }, 400, 'VALIDATION_FAILED', [
      'parent',
    ]);
    const self = await refused(
      'PATCH',
      `/ticket-categories/${b.id}`,
      { parent: b.id },
      400,
      'VALIDATION_FAILED',
      ['parent'],
    );
    expect(self.errors?.[0]?.code).toBe('cycle');
    await refused('PATCH', `/ticket-categories/${b.id}`, { parent: 999_999 }, 400, 'VALIDATION_FAILED', [
      'parent',
    ]);

    const moved = await api('PATCH', `/ticket-categories/${b.id}`, { parent: null });
    expect(moved.json()).toMatchObject({ parent: null, path: 'Bureautique' });
    expect((await api('GET', `/ticket-categories/${c.id}`)).json().path).toBe('Bureautique / Tableur');
    // Now a's former child may take a as its child.
    const under = await api('PATCH', `/ticket-categories/${a.id}`, { parent: c.id });
    expect(under.json().path).toBe(`Bureautique / Tableur / ${a.name}`);
  });

  it('checks approvals and references, naming every wrong field at once', async () => {
    const url = '/ticket-categories';
    await refused('POST', url, { name: 'Accès', approval: 'user' }, 400, 'VALIDATION_FAILED', [
      'approver_user',
    ]);
    await refused('POST', url, { name: 'Accès', approval: 'group' }, 400, 'VALIDATION_FAILED', [
      'approver_group',
    ]);
    await refused('POST', url, { name: 'Accès', approver_user: user.id }, 400, 'VALIDATION_FAILED', [
      'approver_user',
    ]);
    await refused(
      'POST',
      url,
      { name: 'Accès', default_group: 999_999, sla: 999_999, approval: 'user', approver_user: 999_999 },
      400,
      'VALIDATION_FAILED',
      ['default_group', 'sla', 'approver_user'],
    );
    await refused('POST', url, { name: '', approval: 'maybe', colour: 'red' }, 400, 'VALIDATION_FAILED', [
      'name',
      'approval',
      'colour',
    ]);

    const vpn = await create({ name: uniqueName('VPN'), approval: 'user', approver_user: user.id });
    expect(vpn).toMatchObject({ approval: 'user', approver_user: user.id, approver_group: null });
    // A PATCH of the name leaves the approval as it was (no default comes back).
    const renamed = await api('PATCH', `/ticket-categories/${vpn.id}`, { name: `${vpn.name} bis` });
    expect(renamed.json()).toMatchObject({ approval: 'user', approver_user: user.id, is_active: true });
    await refused('PATCH', `/ticket-categories/${vpn.id}`, { approval: 'group' }, 400, 'VALIDATION_FAILED', [
      'approver_group',
    ]);
    // Another approval drops the approver it no longer uses.
    const byGroup = await api('PATCH', `/ticket-categories/${vpn.id}`, {
      approval: 'group',
      approver_group: group,
    });
    expect(byGroup.json()).toMatchObject({ approval: 'group', approver_user: null, approver_group: group });
    const byManager = await api('PATCH', `/ticket-categories/${vpn.id}`, { approval: 'manager' });
    expect(byManager.json()).toMatchObject({
      approval: 'manager',
      approver_user: null,
      approver_group: null,
    });
    const audit = await auditOf(api, 'ticket_category', vpn.id);
    expect(audit.at(-1)?.changes).toEqual({
      approval: { before: 'group', after: 'manager' },
      approver_group: { before: group, after: null },
    });
  });

  it('refuses a name already used under the same parent, not under another one', async () => {
    const parent = await create({ name: uniqueName('Réseau') });
    const wifi = await create({ name: 'Wi-Fi', parent: parent.id });
    await refused('POST', '/ticket-categories', { name: 'wi-fi', parent: parent.id }, 409, 'NAME_TAKEN', [
      'name',
    ]);
    const elsewhere = await create({ name: 'Wi-Fi' });
    await refused('PATCH', `/ticket-categories/${elsewhere.id}`, { parent: parent.id }, 409, 'NAME_TAKEN', [
      'name',
    ]);
    expect((await api('PATCH', `/ticket-categories/${wifi.id}`, { name: 'Wi-Fi' })).statusCode).toBe(200);
  });

  it('refuses to delete a category with sub-categories or tickets, deletes an unused one', async () => {
    const parent = await create({ name: uniqueName('Accès') });
    const child = await create({ name: 'Compte', parent: parent.id });
    const withChildren = await refused('DELETE', `/ticket-categories/${parent.id}`, undefined, 409, 'IN_USE');
    expect(withChildren).toMatchObject({ usage: { 'sub-categories': 1 } });
    expect(withChildren.detail).toContain('1 sub-categories');

    await insertTicket(db, { requester: user.id, structure, category: child.id });
    const withTickets = await refused('DELETE', `/ticket-categories/${child.id}`, undefined, 409, 'IN_USE');
    expect(withTickets).toMatchObject({ usage: { tickets: 1 } });

    const unused = await create({ name: 'Temporaire', parent: parent.id });
    expect((await api('DELETE', `/ticket-categories/${unused.id}`)).statusCode).toBe(204);
    await refused('GET', `/ticket-categories/${unused.id}`, undefined, 404, 'CATEGORY_NOT_FOUND');
    const audit = await auditOf(api, 'ticket_category', unused.id);
    expect(audit.map((e) => e.action)).toEqual(['ticket_category.created', 'ticket_category.deleted']);
    await refused('DELETE', '/ticket-categories/999999', undefined, 404, 'CATEGORY_NOT_FOUND');
  });
});
