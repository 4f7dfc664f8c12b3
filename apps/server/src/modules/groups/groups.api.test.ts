import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import type { ApiClient, Refused } from '../../test/api-client.js';
import { adminOf, apiTestApp, auditOf, created } from '../../test/api-client.js';
import type { Factories, TestUser } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

describe('groups API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let refused: Refused;
  let support: number;
  let other: number;
  let anna: TestUser;
  let boris: TestUser;
  let carla: TestUser;

  const create = (body: Record<string, unknown>) =>
    created<{ id: number; name: string; structure: number; member_count: number }>(api, '/groups', body);
  const memberIds = async (group: number) =>
    ((await api('GET', `/groups/${group}/members`)).json() as Array<{ id: number }>).map((m) => m.id);

  beforeAll(async () => {
    ({ t, db, f } = await apiTestApp());
    support = (await f.structure({ name: 'Support' })).id;
    other = (await f.structure({ name: 'Other' })).id;
    ({ api, refused } = await adminOf(t.app, support));
    anna = await f.user({ structure: support, lastName: 'Albert' });
    boris = await f.user({ structure: support, lastName: 'Blanc' });
    carla = await f.user({ structure: other, lastName: 'Colin' });
  });
  afterAll(() => t?.close());

  it('creates a group with members, counts them, and lists them by name', async () => {
    const group = await create({
      name: 'Niveau 1',
      description: 'Premier niveau',
      email: 'N1@Example.test',
      structure: support,
      members: [boris.id, anna.id, boris.id],
    });
    expect(group).toMatchObject({
      name: 'Niveau 1',
      email: 'n1@example.test',
      structure: support,
      member_count: 2,
    });
    const members = (await api('GET', `/groups/${group.id}/members`)).json();
    expect(members.map((m: { id: number }) => m.id)).toEqual([anna.id, boris.id]);
    expect(members[0]).toEqual({
      id: anna.id,
      username: anna.username,
      email: anna.email,
      first_name: 'Test',
      last_name: 'Albert',
    });
    const audit = await api('GET', `/audit-log?target_type=group&target_id=${group.id}`);
    expect(audit.json().results[0]).toMatchObject({
      action: 'group.created',
      changes: { members: { before: [], after: [boris.id, anna.id, boris.id] } },
    });
  });

  it('adds and removes members, member_count following', async () => {
    const group = await create({ name: 'Niveau 2', structure: support });
    expect(group.member_count).toBe(0);
    expect((await api('POST', `/groups/${group.id}/members`, { user: carla.id })).statusCode).toBe(204);
    expect((await api('POST', `/groups/${group.id}/members`, { user: anna.id })).statusCode).toBe(204);
    expect(await memberIds(group.id)).toEqual([anna.id, carla.id]);
    expect((await api('GET', `/groups/${group.id}`)).json().member_count).toBe(2);
    // The user's side shows it too.
    expect((await api('GET', `/users/${carla.id}`)).json().groups).toContain(group.id);

    expect((await api('DELETE', `/groups/${group.id}/members/${carla.id}`)).statusCode).toBe(204);
    expect(await memberIds(group.id)).toEqual([anna.id]);
    expect((await api('GET', `/groups/${group.id}`)).json().member_count).toBe(1);
    const actions = (await auditOf(api, 'group', group.id)).map((e) => e.action);
    expect(actions).toEqual([
      'group.created',
      'group.member_added',
      'group.member_added',
      'group.member_removed',
    ]);

    await refused('DELETE', `/groups/${group.id}/members/${carla.id}`, undefined, 404, 'USER_NOT_FOUND');
    await refused('POST', `/groups/${group.id}/members`, { user: 999_999 }, 400, 'VALIDATION_FAILED', [
      'user',
    ]);
    await refused('POST', `/groups/${group.id}/members`, { user: 'anna' }, 400, 'VALIDATION_FAILED', [
      'user',
    ]);
    await refused('POST', `/groups/${group.id}/members`, {}, 400, 'VALIDATION_FAILED', ['user']);
    await refused('POST', '/groups/999999/members', { user: anna.id }, 404, 'GROUP_NOT_FOUND');
  });

  it('filters the list by member and by structure', async () => {
    const g1 = await create({ name: 'Réseau', structure: other, members: [carla.id] });
    const g2 = await create({ name: 'Postes', structure: other, members: [carla.id, boris.id] });
    await create({ name: 'Téléphonie', structure: other });
    const ids = async (query: string) =>
      (await api('GET', `/groups?${query}`)).json().results.map((g: { id: number }) => g.id);
    expect(await ids(`structure=${other}&member=${carla.id}`)).toEqual([g2.id, g1.id]);
    expect(await ids(`structure=${other}&member=${boris.id}`)).toEqual([g2.id]);
    expect((await api('GET', `/groups?structure=${other}`)).json().count).toBe(3);
    expect((await api('GET', `/groups?structure=${other}&member=${carla.id}`)).json().count).toBe(2);
  });

  it('changes a group and deletes it with its memberships, not its users', async () => {
    const group = await create({ name: 'Temporaire', structure: support, members: [anna.id] });
    const changed = await api('PATCH', `/groups/${group.id}`, { name: 'Provisoire', structure: other });
    expect(changed.json()).toMatchObject({ name: 'Provisoire', structure: other, member_count: 1 });
    expect((await api('DELETE', `/groups/${group.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/groups/${group.id}`)).statusCode).toBe(404);
    const rows = await db.selectFrom('group_members').selectAll().where('group_id', '=', group.id).execute();
    expect(rows).toEqual([]);
    expect((await api('GET', `/users/${anna.id}`)).statusCode).toBe(200);
    const audit = await auditOf(api, 'group', group.id);
    expect(audit.map((e) => e.action)).toEqual(['group.created', 'group.updated', 'group.deleted']);
    expect(audit[1]?.changes).toEqual({
      name: { before: 'Temporaire', after: 'Provisoire' },
      structure: { before: support, after: other },
    });
  });

  it('refuses a name already used in the same structure, not in another one', async () => {
    await create({ name: 'Doublon', structure: support });
    await refused('POST', '/groups', { name: 'Doublon', structure: support }, 409, 'NAME_TAKEN', ['name']);
    const elsewhere = await create({ name: 'Doublon', structure: other });
    await refused('PATCH', `/groups/${elsewhere.id}`, { structure: support }, 409, 'NAME_TAKEN', ['name']);
  });

  it('lists every missing or malformed field, names unknown ones, and checks references', async () => {
    await refused('POST', '/groups', {}, 400, 'VALIDATION_FAILED', ['name', 'structure']);
    await refused(
      'POST',
      '/groups',
      { name: '', structure: -1, email: 'nope', members: [0] },
      400,
      'VALIDATION_FAILED',
      ['name', 'structure', 'email', 'members.0'],
    );
    await refused('POST', '/groups', { name: 'X', structure: support, owner: 1 }, 400, 'VALIDATION_FAILED', [
      'owner',
    ]);
    await refused('POST', '/groups', { name: 'X', structure: 999_999 }, 400, 'VALIDATION_FAILED', [
      'structure',
    ]);
    await refused(
      'POST',
      '/groups',
      { name: 'X', structure: support, members: [anna.id, 999_999] },
      400,
      'VALIDATION_FAILED',
      ['members'],
    );
    const group = await create({ name: 'Stable', structure: support });
    await refused('PATCH', `/groups/${group.id}`, { structure: 999_999 }, 400, 'VALIDATION_FAILED', [
      'structure',
    ]);
    await refused('PATCH', `/groups/${group.id}`, { members: [anna.id] }, 400, 'VALIDATION_FAILED', [
      'members',
    ]);
  });
});
