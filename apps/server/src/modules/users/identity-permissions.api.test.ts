import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import { type AuthHeaders, type Factories, factories } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { createSettingsRepository } from '../settings/settings.repository.js';

// The permission matrix of identity and access: every endpoint × role × target → status, and for
// lists the exact rows and count each role gets. The tree: Root → A → A1 and Root → B.
//
// Targets, named from the point of view of the "user" actor (a user of A):
//   mine   his own object: his account, his structure (A), his site, the group he belongs to
//   own    another object of A          child  an object of A1          other  an object of B
//   parent Root (structures only)       tech   the technician's own account
//   -      no object (lists, creation-free routes, settings)
// For POST, the target is the structure the new object goes into.

const ROLES = ['admin', 'technician', 'user'] as const;
type Role = (typeof ROLES)[number];
type Target = 'mine' | 'own' | 'child' | 'other' | 'parent' | 'tech' | '-';
type Kind = 'users' | 'structures' | 'sites' | 'groups';

/** endpoint, target, then the status for admin, technician, user. Anonymous callers always get 401. */
type Row = [endpoint: string, target: Target, admin: number, technician: number, user: number];

const MATRIX: Row[] = [
  // users
  ['GET /users', '-', 200, 200, 200],
  ['GET /users/suggest-username', '-', 200, 403, 403],
  ['GET /users/{id}', 'mine', 200, 200, 200],
  ['GET /users/{id}', 'own', 200, 200, 404],
  ['GET /users/{id}', 'child', 200, 200, 404],
  ['GET /users/{id}', 'other', 200, 404, 404],
  ['POST /users', 'own', 201, 403, 403],
  ['POST /users', 'child', 201, 403, 403],
  ['POST /users', 'other', 201, 403, 403],
  ['PATCH /users/{id}', 'mine', 200, 403, 403],
  ['PATCH /users/{id}', 'own', 200, 403, 404],
  ['PATCH /users/{id}', 'child', 200, 403, 404],
  ['PATCH /users/{id}', 'other', 200, 404, 404],
  ['PATCH /users/{id} (role)', 'mine', 200, 403, 403],
  ['PATCH /users/{id} (role)', 'tech', 200, 403, 404],
  ['PATCH /users/{id} (role)', 'own', 200, 403, 404],
  ['PATCH /users/{id} (role)', 'child', 200, 403, 404],
  ['PATCH /users/{id} (role)', 'other', 200, 404, 404],
  ['DELETE /users/{id}', 'mine', 204, 403, 403],
  ['DELETE /users/{id}', 'own', 204, 403, 404],
  ['DELETE /users/{id}', 'child', 204, 403, 404],
  ['DELETE /users/{id}', 'other', 204, 404, 404],
  ['POST /users/{id}/reset-password', 'mine', 204, 403, 403],
  ['POST /users/{id}/reset-password', 'own', 204, 403, 404],
  ['POST /users/{id}/reset-password', 'child', 204, 403, 404],
  ['POST /users/{id}/reset-password', 'other', 204, 404, 404],
  ['DELETE /users/{id}/sessions', 'mine', 204, 403, 403],
  ['DELETE /users/{id}/sessions', 'own', 204, 403, 404],
  ['DELETE /users/{id}/sessions', 'child', 204, 403, 404],
  ['DELETE /users/{id}/sessions', 'other', 204, 404, 404],
  ['DELETE /users/{id}/mfa', 'mine', 204, 403, 403],
  ['DELETE /users/{id}/mfa', 'own', 204, 403, 404],
  ['DELETE /users/{id}/mfa', 'child', 204, 403, 404],
  ['DELETE /users/{id}/mfa', 'other', 204, 404, 404],
  // structures
  ['GET /structures', '-', 200, 200, 200],
  ['GET /structures/tree', '-', 200, 200, 200],
  ['GET /structures/{id}', 'mine', 200, 200, 200],
  ['GET /structures/{id}', 'child', 200, 200, 404],
  ['GET /structures/{id}', 'other', 200, 404, 404],
  ['GET /structures/{id}', 'parent', 200, 404, 404],
  ['POST /structures', 'mine', 201, 403, 403],
  ['POST /structures', 'child', 201, 403, 403],
  ['POST /structures', 'other', 201, 403, 403],
  ['POST /structures', 'parent', 201, 403, 403],
  ['PATCH /structures/{id}', 'mine', 200, 403, 403],
  ['PATCH /structures/{id}', 'child', 200, 403, 404],
  ['PATCH /structures/{id}', 'other', 200, 404, 404],
  ['PATCH /structures/{id}', 'parent', 200, 404, 404],
  ['DELETE /structures/{id}', 'mine', 204, 403, 403],
  ['DELETE /structures/{id}', 'child', 204, 403, 404],
  ['DELETE /structures/{id}', 'other', 204, 404, 404],
  ['DELETE /structures/{id}', 'parent', 204, 404, 404],
  // sites
  ['GET /sites', '-', 200, 200, 200],
  ['GET /sites/{id}', 'mine', 200, 200, 200],
  ['GET /sites/{id}', 'own', 200, 200, 404],
  ['GET /sites/{id}', 'child', 200, 200, 404],
  ['GET /sites/{id}', 'other', 200, 404, 404],
  ['POST /sites', 'own', 201, 403, 403],
  ['POST /sites', 'child', 201, 403, 403],
  ['POST /sites', 'other', 201, 403, 403],
  ['PATCH /sites/{id}', 'mine', 200, 403, 403],
  ['PATCH /sites/{id}', 'own', 200, 403, 404],
  ['PATCH /sites/{id}', 'child', 200, 403, 404],
  ['PATCH /sites/{id}', 'other', 200, 404, 404],
  ['DELETE /sites/{id}', 'mine', 204, 403, 403],
  ['DELETE /sites/{id}', 'own', 204, 403, 404],
  ['DELETE /sites/{id}', 'child', 204, 403, 404],
  ['DELETE /sites/{id}', 'other', 204, 404, 404],
  // groups
  ['GET /groups', '-', 200, 200, 200],
  ['GET /groups/{id}', 'mine', 200, 200, 200],
  ['GET /groups/{id}', 'own', 200, 200, 404],
  ['GET /groups/{id}', 'child', 200, 200, 404],
  ['GET /groups/{id}', 'other', 200, 404, 404],
  ['POST /groups', 'own', 201, 403, 403],
  ['POST /groups', 'child', 201, 403, 403],
  ['POST /groups', 'other', 201, 403, 403],
  ['PATCH /groups/{id}', 'mine', 200, 403, 403],
  ['PATCH /groups/{id}', 'own', 200, 403, 404],
  ['PATCH /groups/{id}', 'child', 200, 403, 404],
  ['PATCH /groups/{id}', 'other', 200, 404, 404],
  ['DELETE /groups/{id}', 'mine', 204, 403, 403],
  ['DELETE /groups/{id}', 'own', 204, 403, 404],
  ['DELETE /groups/{id}', 'child', 204, 403, 404],
  ['DELETE /groups/{id}', 'other', 204, 404, 404],
  ['GET /groups/{id}/members', 'mine', 200, 200, 200],
  ['GET /groups/{id}/members', 'own', 200, 200, 404],
  ['GET /groups/{id}/members', 'child', 200, 200, 404],
  ['GET /groups/{id}/members', 'other', 200, 404, 404],
  ['POST /groups/{id}/members', 'mine', 204, 403, 403],
  ['POST /groups/{id}/members', 'own', 204, 403, 404],
  ['POST /groups/{id}/members', 'child', 204, 403, 404],
  ['POST /groups/{id}/members', 'other', 204, 404, 404],
  ['DELETE /groups/{id}/members/{userId}', 'mine', 204, 403, 403],
  ['DELETE /groups/{id}/members/{userId}', 'own', 204, 403, 404],
  ['DELETE /groups/{id}/members/{userId}', 'child', 204, 403, 404],
  ['DELETE /groups/{id}/members/{userId}', 'other', 204, 404, 404],
  // journals and settings
  ['GET /login-events', '-', 200, 200, 200],
  ['GET /audit-log', '-', 200, 403, 403],
  ['GET /settings/security', '-', 200, 403, 403],
  ['PATCH /settings/security', '-', 200, 403, 403],
];

// The fixture objects, by name; targets resolve to these.
const TARGETS: Record<Kind, Partial<Record<Target, string>>> = {
  users: { mine: 'user', own: 'uA', child: 'uA1', other: 'uB', tech: 'tech' },
  structures: { mine: 'A', child: 'A1', other: 'B', parent: 'Root' },
  sites: { mine: 'siteA', own: 'siteA2', child: 'siteA1', other: 'siteB' },
  groups: { mine: 'groupA', own: 'groupA2', child: 'groupA1', other: 'groupB' },
};
const STRUCTURE_OF: Record<Exclude<Target, '-'>, string> = {
  mine: 'A',
  own: 'A',
  tech: 'A',
  child: 'A1',
  other: 'B',
  parent: 'Root',
};

/** Exact rows a list gives each role; `{name}` in the URL stands for that fixture's id. */
type ListRow = [url: string, role: Role, expected: string[]];
const LISTS: ListRow[] = [
  ['/users', 'admin', ['admin', 'tech', 'user', 'uA', 'uA1', 'uB']],
  ['/users', 'technician', ['tech', 'user', 'uA', 'uA1']],
  ['/users', 'user', ['user']],
  ['/users?structure={B}', 'technician', []],
  ['/users?structure={A1}', 'technician', ['uA1']],
  ['/users?search=Bertin', 'admin', ['uB']],
  ['/users?search=Bertin', 'technician', []],
  ['/users?role=admin', 'technician', []],
  ['/users?role=user', 'user', ['user']],
  ['/structures', 'admin', ['Root', 'A', 'A1', 'B']],
  ['/structures', 'technician', ['A', 'A1']],
  ['/structures', 'user', ['A']],
  ['/structures?parent={Root}', 'technician', ['A']],
  ['/structures?search=Branch', 'technician', []],
  ['/sites', 'admin', ['siteA', 'siteA2', 'siteA1', 'siteB']],
  ['/sites', 'technician', ['siteA', 'siteA2', 'siteA1']],
  ['/sites', 'user', ['siteA']],
  ['/sites?structure={B}', 'technician', []],
  ['/sites?structure={A}', 'user', ['siteA']],
  ['/groups', 'admin', ['groupA', 'groupA2', 'groupA1', 'groupB']],
  ['/groups', 'technician', ['groupA', 'groupA2', 'groupA1']],
  ['/groups', 'user', ['groupA']],
  ['/groups?structure={B}', 'technician', []],
  ['/groups?member={uB}', 'admin', ['groupA', 'groupB']],
  // uB, of B, is a member of groupA: a technician of A must not learn it through the filter.
  ['/groups?member={uB}', 'technician', []],
  ['/groups?member={uA}', 'technician', ['groupA', 'groupA2']],
  ['/groups?member={uA}', 'user', []],
  ['/groups?member={user}', 'user', ['groupA']],
  // login events by the user they belong to; "unknown" is an attempt on no account
  ['/login-events', 'admin', ['admin', 'tech', 'user', 'uA', 'uA1', 'uB', 'uB', 'unknown']],
  ['/login-events', 'technician', ['tech', 'user', 'uA', 'uA1']],
  ['/login-events', 'user', ['user']],
  ['/login-events?user={uB}', 'technician', []],
  ['/login-events?user={uA}', 'user', []],
];

/** Members of a group as each role sees them, and the member_count that matches. */
type MembersRow = [group: string, role: Role, members: string[]];
const MEMBERS: MembersRow[] = [
  ['groupA', 'admin', ['user', 'uA', 'uB']],
  ['groupA', 'technician', ['user', 'uA']],
  ['groupA', 'user', ['user']],
  ['groupA1', 'admin', ['uA1']],
  ['groupA1', 'technician', ['uA1']],
  ['groupB', 'admin', ['uB']],
];

type Spec = {
  /** The kind of object `{id}` names; none for lists, creation and settings. */
  kind?: Kind;
  query?: string;
  body?: (structure: number) => unknown;
  /** A successful call acts on a new object of the target's structure; the fixtures never change. */
  fresh?: (structure: number) => Promise<number>;
  /** What a refused call must leave as it was, and a successful one must change. */
  state?: (id: number) => Promise<unknown>;
  /** Puts back what a successful call changed. */
  undo?: () => Promise<void>;
};

describe('identity permission matrix', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  const ids: Record<string, number> = {};
  const names = new Map<string, string>();
  const headers: Record<Role | 'anonymous', AuthHeaders> = {
    admin: {},
    technician: {},
    user: {},
    anonymous: {},
  };
  /** For each group, a member that DELETE /groups/{id}/members/{userId} may remove. */
  const removable = new Map<number, number>();
  let sequence = 0;

  const count = async (table: 'users' | 'structures' | 'sites' | 'groups' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const userState = async (id: number) => ({
    row: await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    groups: await db
      .selectFrom('group_members')
      .select('group_id')
      .where('user_id', '=', id)
      .orderBy('group_id')
      .execute(),
    sessions: await db.selectFrom('sessions').select('id').where('user_id', '=', id).orderBy('id').execute(),
  });
  const rowState = (table: 'structures' | 'sites') => (id: number) =>
    db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
  const groupState = async (id: number) => ({
    row: await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst(),
    members: await db
      .selectFrom('group_members')
      .select('user_id')
      .where('group_id', '=', id)
      .orderBy('user_id')
      .execute(),
  });
  const freshUser = async (structure: number) => (await f.user({ structure })).id;
  const newPassword = { password: 'Another-strong-pass-77' };

  const SPECS: Record<string, Spec> = {
    'GET /users': {},
    'GET /users/suggest-username': { query: '?first_name=Jean&last_name=Dupont' },
    'GET /users/{id}': { kind: 'users' },
    'POST /users': {
      body: (structure) => ({
        first_name: 'Nouveau',
        last_name: `Compte${++sequence}`,
        email: `new.${sequence}@example.test`,
        role: 'user',
        structure,
        password: 'Correct-horse-battery-9',
      }),
      state: () => count('users'),
    },
    'PATCH /users/{id}': {
      kind: 'users',
      body: () => ({ phone: '+33 1 23 45 67 89' }),
      fresh: freshUser,
      state: userState,
    },
    'PATCH /users/{id} (role)': {
      kind: 'users',
      body: () => ({ role: 'admin' }),
      fresh: freshUser,
      state: userState,
    },
    'DELETE /users/{id}': { kind: 'users', fresh: freshUser, state: userState },
    'POST /users/{id}/reset-password': {
      kind: 'users',
      body: () => newPassword,
      fresh: freshUser,
      state: userState,
    },
    'DELETE /users/{id}/sessions': {
      kind: 'users',
      fresh: async (structure) => {
        const user = await f.user({ structure });
        await f.login(user);
        return user.id;
      },
      state: userState,
    },
    'DELETE /users/{id}/mfa': {
      kind: 'users',
      fresh: async (structure) => {
        const id = await freshUser(structure);
        await db.updateTable('users').set({ is_mfa_enabled: true }).where('id', '=', id).execute();
        return id;
      },
      state: userState,
    },
    'GET /structures': {},
    'GET /structures/tree': {},
    'GET /structures/{id}': { kind: 'structures' },
    'POST /structures': {
      body: (parent) => ({ name: `New structure ${++sequence}`, code: `NEW${sequence}`, parent }),
      state: () => count('structures'),
    },
    'PATCH /structures/{id}': {
      kind: 'structures',
      body: () => ({ description: 'Changed' }),
      fresh: async (parent) => (await f.structure({ parent })).id,
      state: rowState('structures'),
    },
    'DELETE /structures/{id}': {
      kind: 'structures',
      fresh: async (parent) => (await f.structure({ parent })).id,
      state: rowState('structures'),
    },
    'GET /sites': {},
    'GET /sites/{id}': { kind: 'sites' },
    'POST /sites': {
      body: (structure) => ({ name: `New site ${++sequence}`, structure }),
      state: () => count('sites'),
    },
    'PATCH /sites/{id}': {
      kind: 'sites',
      body: () => ({ address: '1 rue Neuve' }),
      fresh: async (structure) => (await f.site({ structure })).id,
      state: rowState('sites'),
    },
    'DELETE /sites/{id}': {
      kind: 'sites',
      fresh: async (structure) => (await f.site({ structure })).id,
      state: rowState('sites'),
    },
    'GET /groups': {},
    'GET /groups/{id}': { kind: 'groups' },
    'POST /groups': {
      body: (structure) => ({ name: `New group ${++sequence}`, structure }),
      state: () => count('groups'),
    },
    'PATCH /groups/{id}': {
      kind: 'groups',
      body: () => ({ description: 'Changed' }),
      fresh: async (structure) => (await f.group({ structure })).id,
      state: groupState,
    },
    'DELETE /groups/{id}': {
      kind: 'groups',
      fresh: async (structure) => (await f.group({ structure })).id,
      state: groupState,
    },
    'GET /groups/{id}/members': { kind: 'groups' },
    'POST /groups/{id}/members': {
      kind: 'groups',
      // The technician belongs to no group: adding him anywhere would show.
      body: () => ({ user: ids.tech }),
      fresh: async (structure) => (await f.group({ structure })).id,
      state: groupState,
    },
    'DELETE /groups/{id}/members/{userId}': {
      kind: 'groups',
      fresh: async (structure) => {
        const group = await f.group({ structure, members: [ids.uA as number] });
        removable.set(group.id, ids.uA as number);
        return group.id;
      },
      state: groupState,
    },
    'GET /login-events': {},
    'GET /audit-log': {},
    'GET /settings/security': {},
    'PATCH /settings/security': {
      body: () => ({ require_mfa_for_staff: true }),
      state: () => db.selectFrom('app_settings').selectAll().where('key', 'like', 'security.%').execute(),
      // Left on, it would send the staff actors to MFA enrolment.
      // (through the repository: with the setting on, the admin himself must enrol before any call)
      undo: () => createSettingsRepository(db).set('security.require_mfa_for_staff', false, new Date()),
    },
  };

  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const id = ids[name];
      if (id === undefined) throw new Error(`no fixture named ${name}`);
      return String(id);
    });

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.app.database.db as Kysely<DB>;
    f = factories(t.app);
    const name = (n: string, id: number) => {
      ids[n] = id;
      const kind = /^(Root|A|A1|B)$/.test(n)
        ? 'structures'
        : /^site/.test(n)
          ? 'sites'
          : /^group/.test(n)
            ? 'groups'
            : 'users';
      names.set(`${kind}:${id}`, n);
      return id;
    };
    const root = name('Root', (await f.structure({ name: 'Root' })).id);
    const a = name('A', (await f.structure({ name: 'Agency', parent: root })).id);
    const a1 = name('A1', (await f.structure({ name: 'Agency annex', parent: a })).id);
    const b = name('B', (await f.structure({ name: 'Branch', parent: root })).id);
    const siteA = name('siteA', (await f.site({ structure: a })).id);
    name('siteA2', (await f.site({ structure: a })).id);
    const siteA1 = name('siteA1', (await f.site({ structure: a1 })).id);
    const siteB = name('siteB', (await f.site({ structure: b })).id);

    const admin = await f.user({ role: 'admin', structure: root });
    const tech = await f.user({ role: 'technician', structure: a });
    const user = await f.user({ role: 'user', structure: a, site: siteA });
    const uA = await f.user({ structure: a, lastName: 'Aubert' });
    const uA1 = await f.user({ structure: a1, site: siteA1, lastName: 'Arnaud' });
    const uB = await f.user({ structure: b, site: siteB, lastName: 'Bertin' });
    for (const [n, u] of Object.entries({ admin, tech, user, uA, uA1, uB })) name(n, u.id);

    const groupA = name('groupA', (await f.group({ structure: a, members: [user.id, uA.id, uB.id] })).id);
    const groupA2 = name('groupA2', (await f.group({ structure: a, members: [uA.id] })).id);
    const groupA1 = name('groupA1', (await f.group({ structure: a1, members: [uA1.id] })).id);
    const groupB = name('groupB', (await f.group({ structure: b, members: [uB.id] })).id);
    removable.set(groupA, uA.id).set(groupA2, uA.id).set(groupA1, uA1.id).set(groupB, uB.id);

    headers.admin = await f.login(admin);
    headers.technician = await f.login(tech);
    headers.user = await f.login(user);
    // Targets get a session and a login event of their own, then MFA, so that refusals have something to keep.
    for (const target of [uA, uA1, uB]) await f.login(target);
    for (const username of [uB.username, '@nobody.at-all.test']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'Wrong-password-123' },
      });
      expect(res.statusCode).toBe(401);
    }
    await db
      .updateTable('users')
      .set({ is_mfa_enabled: true })
      .where('id', 'in', [user.id, uA.id, uA1.id, uB.id])
      .execute();
  });
  afterAll(() => t?.close());

  it('has a row for every identity route of the OpenAPI document, and a spec for every row', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const identity =
      /^\/api\/v1\/(users|structures|groups|sites|login-events|audit-log|settings\/security)\b/;
    const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => identity.test(path))
      .flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace('/api/v1', '')}`),
      );
    const covered = new Set(MATRIX.map(([endpoint]) => endpoint.replace(/ \(.*\)$/, '')));
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((endpoint) => !routes.includes(endpoint))).toEqual([]);
    expect(MATRIX.map(([endpoint]) => endpoint).filter((e) => !(e in SPECS))).toEqual([]);
  });

  it('gives every endpoint on an object all the targets of its kind, once', () => {
    for (const [endpoint, spec] of Object.entries(SPECS)) {
      const rows = MATRIX.filter(([e]) => e === endpoint).map(([, target]) => target);
      expect(new Set(rows).size, endpoint).toBe(rows.length);
      if (!spec.kind) continue;
      const expected = Object.keys(TARGETS[spec.kind]).filter((target) => target !== 'tech');
      expect(rows.filter((target) => target !== 'tech').sort(), endpoint).toEqual(expected.sort());
    }
  });

  describe('lists: exact rows and count', () => {
    it.each(LISTS)('GET %s as %s', async (url, role, expected) => {
      const call = (extra: string) =>
        t.app.inject({
          method: 'GET',
          url: `/api/v1${fill(url)}${url.includes('?') ? '&' : '?'}${extra}`,
          headers: headers[role],
        });
      const res = await call('page_size=100');
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { count: number; results: Array<{ id: number; user?: number | null }> };
      const kind = url.split(/[/?]/)[1] as string;
      const got = page.results.map((r) =>
        kind === 'login-events'
          ? r.user === null
            ? 'unknown'
            : names.get(`users:${r.user}`)
          : names.get(`${kind}:${r.id}`),
      );
      expect(got.sort()).toEqual([...expected].sort());
      expect(page.count).toBe(expected.length);
      // The count is the scoped one even when the page holds fewer rows.
      const first = (await call('page_size=1')).json() as { count: number; results: unknown[] };
      expect(first.count).toBe(expected.length);
      expect(first.results.length).toBe(Math.min(1, expected.length));
    });

    it('GET /structures/tree nests what each role may see', async () => {
      const tree = async (role: Role) => {
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/v1/structures/tree',
          headers: headers[role],
        });
        expect(res.statusCode).toBe(200);
        type Node = { id: number; children: Node[] };
        const shape = (nodes: Node[]): unknown =>
          nodes.map((n) => [names.get(`structures:${n.id}`), shape(n.children)]);
        return shape(res.json());
      };
      expect(await tree('admin')).toEqual([
        [
          'Root',
          [
            ['A', [['A1', []]]],
            ['B', []],
          ],
        ],
      ]);
      expect(await tree('technician')).toEqual([['A', [['A1', []]]]]);
      expect(await tree('user')).toEqual([['A', []]]);
    });

    it('GET /audit-log gives the administrator every entry', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit-log?page_size=100',
        headers: headers.admin,
      });
      expect(res.statusCode).toBe(200);
      const all = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
      expect(res.json().count).toBe(all.length);
      expect(
        res
          .json()
          .results.map((r: { id: number }) => r.id)
          .sort((x: number, y: number) => x - y),
      ).toEqual(all.map((r) => r.id));
    });

    it.each(MEMBERS)('GET /groups/%s/members as %s', async (group, role, expected) => {
      const members = await t.app.inject({
        method: 'GET',
        url: `/api/v1/groups/${ids[group]}/members`,
        headers: headers[role],
      });
      expect(members.statusCode).toBe(200);
      expect(
        members
          .json()
          .map((m: { id: number }) => names.get(`users:${m.id}`))
          .sort(),
      ).toEqual([...expected].sort());
      // The count shown with the group matches the list the caller may see.
      const one = await t.app.inject({
        method: 'GET',
        url: `/api/v1/groups/${ids[group]}`,
        headers: headers[role],
      });
      expect(one.json().member_count).toBe(expected.length);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/groups?page_size=100',
        headers: headers[role],
      });
      const row = list.json().results.find((g: { id: number }) => g.id === ids[group]);
      expect(row.member_count).toBe(expected.length);
    });
  });

  describe('statuses: a refused call changes nothing', () => {
    const cases = MATRIX.flatMap(([endpoint, target, admin, technician, user]) =>
      (
        [
          ['admin', admin],
          ['technician', technician],
          ['user', user],
          ['anonymous', 401],
        ] as const
      ).map(([role, status]) => [role, endpoint, target, status] as const),
    );

    it.each(cases)('%s: %s on %s → %i', async (role, endpoint, target, status) => {
      const spec = SPECS[endpoint] as Spec;
      const [method, template] = endpoint.split(' ') as [string, string];
      const structure = target === '-' ? (ids.A as number) : (ids[STRUCTURE_OF[target]] as number);
      const succeeds = status < 300;
      let id: number | null = null;
      if (spec.kind) {
        id =
          succeeds && spec.fresh
            ? await spec.fresh(structure)
            : (ids[TARGETS[spec.kind][target] as string] as number);
      }
      const state = async () => ({
        object: spec.state ? await spec.state(id as number) : null,
        audit: await count('audit_log'),
      });
      const before = await state();
      const url = `/api/v1${template}`
        .replace('{id}', String(id))
        .replace('{userId}', String(removable.get(id as number)))
        .concat(spec.query ?? '');
      const body = spec.body?.(structure);
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: headers[role],
        ...(body !== undefined && { payload: body as object }),
      });
      expect(res.statusCode, res.body).toBe(status);
      if (succeeds && method === 'GET' && id !== null && !template.endsWith('/members')) {
        expect(res.json().id).toBe(id);
      }
      const after = await state();
      if (!succeeds) expect(after).toEqual(before);
      else if (method !== 'GET') expect(after.object).not.toEqual(before.object);
      if (succeeds) await spec.undo?.();
    });
  });
});
