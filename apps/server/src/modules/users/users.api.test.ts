import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import {
  type ApiClient,
  adminOf,
  apiClient,
  apiTestApp,
  auditOf,
  expectProblem,
  type Refused,
  refusedWith,
} from '../../test/api-client.js';
import type { Factories, TestUser } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

const PASSWORD = 'Correct-horse-battery-9';

describe('users API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let refused: Refused;
  let admin: TestUser;
  let acme: number;
  let paris: number;
  let n = 0;

  /** A valid creation body; each call gives new names and e-mail. */
  const newUser = (values: Record<string, unknown> = {}) => {
    n += 1;
    return {
      first_name: 'Paul',
      last_name: `Martin${n}`,
      email: `paul.${n}@example.test`,
      role: 'user',
      structure: acme,
      password: PASSWORD,
      ...values,
    };
  };
  const create = async (values: Record<string, unknown> = {}) => {
    const res = await api('POST', '/users', newUser(values));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    ({ t, db, f } = await apiTestApp());
    acme = (await f.structure({ name: 'Acme', code: 'ACME' })).id;
    paris = (await f.structure({ name: 'Acme Paris', code: 'ACME-PARIS', parent: acme })).id;
    ({ admin, api, refused } = await adminOf(t.app, acme));
  });
  afterAll(() => t?.close());

  describe('usernames', () => {
    it('suggests @firstname.lastname.company from the names and the root structure, then numbers', async () => {
      const names = { first_name: 'Hélène', last_name: 'Lefèvre' };
      const first = await create({ ...names, email: 'helene.lefevre@example.test' });
      expect(first.username).toBe('@helene.lefevre.acme');
      // The company is the code of the root, also from a sub-structure.
      const second = await create({ ...names, email: 'helene.lefevre2@example.test', structure: paris });
      expect(second.username).toBe('@helene.lefevre2.acme');
      const suggestion = await api(
        'GET',
        `/users/suggest-username?first_name=H%C3%A9l%C3%A8ne&last_name=Lef%C3%A8vre&structure=${paris}`,
      );
      expect(suggestion.json()).toEqual({ username: '@helene.lefevre3.acme' });
      const stored = await db
        .selectFrom('users')
        .select('username')
        .where('id', '=', second.id)
        .executeTakeFirst();
      expect(stored?.username).toBe('@helene.lefevre2.acme');
    });

    it('stores an explicit username lowercase, with its @', async () => {
      const user = await create({ username: 'Jean.Dupont.ACME', email: 'jean.dupont@example.test' });
      expect(user.username).toBe('@jean.dupont.acme');
      expect((await api('GET', `/users/${user.id}`)).json().username).toBe('@jean.dupont.acme');
    });

    it.each([
      'jean.dupont',
      'jean dupont.x.acme',
      '@jean..acme',
      'jean.dupont.acme.fr',
      'jéan.dupont.acme',
      '-jean.dupont.acme',
      'jean_d.dupont.acme',
    ])('refuses the username %j, naming the field', async (username) => {
      await refused('POST', '/users', newUser({ username }), 400, 'VALIDATION_FAILED', ['username']);
    });

    it('refuses a username taken in another case, on creation and on change', async () => {
      await create({ username: '@marie.curie.acme' });
      const body = await refused(
        'POST',
        '/users',
        newUser({ username: 'MARIE.Curie.Acme' }),
        409,
        'USERNAME_TAKEN',
        ['username'],
      );
      expect(body.errors?.[0]?.code).toBe('conflict');
      const other = await create();
      await refused('PATCH', `/users/${other.id}`, { username: '@Marie.Curie.ACME' }, 409, 'USERNAME_TAKEN', [
        'username',
      ]);
    });

    it('refuses an e-mail address taken in another case, on creation and on change', async () => {
      await create({ email: 'Pierre.Curie@Example.test' });
      const stored = await db
        .selectFrom('users')
        .select('email')
        .where('email', '=', 'pierre.curie@example.test')
        .executeTakeFirst();
      expect(stored).toBeDefined();
      await refused('POST', '/users', newUser({ email: 'PIERRE.CURIE@EXAMPLE.TEST' }), 409, 'EMAIL_TAKEN', [
        'email',
      ]);
      const other = await create();
      await refused(
        'PATCH',
        `/users/${other.id}`,
        { email: 'pierre.CURIE@example.test' },
        409,
        'EMAIL_TAKEN',
        ['email'],
      );
    });
  });

  describe('bad input', () => {
    it('lists every missing field', async () => {
      await refused('POST', '/users', {}, 400, 'VALIDATION_FAILED', [
        'email',
        'first_name',
        'last_name',
        'role',
      ]);
    });

    it('lists every field of the wrong type', async () => {
      await refused(
        'POST',
        '/users',
        {
          email: 12,
          first_name: true,
          last_name: ['x'],
          role: 'superuser',
          structure: 'acme',
          groups: 'all',
          is_active: 'yes',
          password: PASSWORD,
        },
        400,
        'VALIDATION_FAILED',
        ['email', 'first_name', 'last_name', 'role', 'structure', 'groups', 'is_active'],
      );
      await refused('PATCH', `/users/${admin.id}`, { locale: 'de', phone: 33 }, 400, 'VALIDATION_FAILED', [
        'locale',
        'phone',
      ]);
    });

    it('names an unknown field instead of ignoring it', async () => {
      const body = await refused(
        'POST',
        '/users',
        newUser({ is_superuser: true }),
        400,
        'VALIDATION_FAILED',
        ['is_superuser'],
      );
      expect(body.errors?.[0]?.code).toBe('unrecognized_keys');
    });

    it('lets nobody set his own role or structure through /auth/me', async () => {
      const user = await f.user({ structure: paris });
      const me = apiClient(t.app, await f.token(user));
      const refusedToHim = refusedWith(db, me);
      await refusedToHim('PATCH', '/auth/me', { role: 'admin' }, 400, 'VALIDATION_FAILED', ['role']);
      await refusedToHim(
        'PATCH',
        '/auth/me',
        { first_name: 'Eve', structure: acme },
        400,
        'VALIDATION_FAILED',
        ['structure'],
      );
      expect((await me('GET', '/auth/me')).json()).toMatchObject({ role: 'user', structure: paris });
    });

    it('refuses references to objects that do not exist', async () => {
      const missing = 999_999;
      await refused('POST', '/users', newUser({ structure: missing }), 400, 'VALIDATION_FAILED', [
        'structure',
      ]);
      await refused('POST', '/users', newUser({ site: missing }), 400, 'VALIDATION_FAILED', ['site']);
      await refused('POST', '/users', newUser({ manager: missing }), 400, 'VALIDATION_FAILED', ['manager']);
      await refused('POST', '/users', newUser({ groups: [missing] }), 400, 'VALIDATION_FAILED', ['groups']);
      const user = await create();
      await refused('PATCH', `/users/${user.id}`, { manager: user.id }, 400, 'VALIDATION_FAILED', [
        'manager',
      ]);
    });

    it('needs a structure for a technician', async () => {
      await refused(
        'POST',
        '/users',
        newUser({ role: 'technician', structure: null }),
        400,
        'VALIDATION_FAILED',
        ['structure'],
      );
      const tech = await create({ role: 'technician' });
      await refused('PATCH', `/users/${tech.id}`, { structure: null }, 400, 'VALIDATION_FAILED', [
        'structure',
      ]);
      const floating = await create({ structure: null });
      await refused('PATCH', `/users/${floating.id}`, { role: 'technician' }, 400, 'VALIDATION_FAILED', [
        'structure',
      ]);
    });
  });

  describe('passwords', () => {
    it.each([
      ['too short (9 characters)', 'Abcdef-12', /at least 10/],
      ['common', 'azertyuiop', /common/],
      ['common in another case', 'Password123', /common/],
      ['the last name', 'Vasseur-2026-maison', /name/],
      ['the last name without its accents', 'lefevre-de-la-maison-7', /name/],
    ])('refuses a password that is %s, saying why', async (_, password, reason) => {
      const body = await refused(
        'POST',
        '/users',
        newUser({ last_name: password.startsWith('lefevre') ? 'Lefèvre' : 'Vasseur', password }),
        400,
        'VALIDATION_FAILED',
        ['password'],
      );
      expect(body.errors?.[0]?.message).toMatch(reason);
    });

    it('needs a password or an invitation, not both', async () => {
      const { password: _, ...withoutPassword } = newUser();
      await refused('POST', '/users', withoutPassword, 400, 'VALIDATION_FAILED', ['password']);
      await refused('POST', '/users', newUser({ send_invitation: true }), 400, 'VALIDATION_FAILED', [
        'send_invitation',
      ]);
      const invited = await create({ password: undefined, send_invitation: true });
      expect(invited.has_password).toBe(false);
      const mail = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', invited.email)
        .execute();
      expect(mail).toHaveLength(1);
    });

    it('checks an administrator’s reset like any new password', async () => {
      const user = await create({ last_name: 'Garnier' });
      await refused(
        'POST',
        `/users/${user.id}/reset-password`,
        { password: 'garnier-2026-ok' },
        400,
        'VALIDATION_FAILED',
        ['password'],
      );
      const res = await api('POST', `/users/${user.id}/reset-password`, { password: 'Brand-new-secret-41' });
      expect(res.statusCode).toBe(204);
      expect((await api('GET', `/users/${user.id}`)).json().must_change_password).toBe(true);
    });
  });

  describe('the last active administrator', () => {
    it('cannot be demoted, deactivated or deleted', async () => {
      // A deactivated administrator does not count.
      await f.user({ role: 'admin', structure: acme, isActive: false });
      await refused('PATCH', `/users/${admin.id}`, { role: 'technician' }, 409, 'LAST_ADMIN');
      await refused('PATCH', `/users/${admin.id}`, { is_active: false }, 409, 'LAST_ADMIN');
      await refused('DELETE', `/users/${admin.id}`, undefined, 409, 'CONFLICT');
    });

    it('can be demoted once another one is active', async () => {
      const other = await create({ role: 'admin' });
      const res = await api('PATCH', `/users/${other.id}`, { role: 'user' });
      expect(res.statusCode).toBe(200);
      expect(res.json().role).toBe('user');
      await api('PATCH', `/users/${other.id}`, { role: 'admin' });
      expect((await api('PATCH', `/users/${admin.id}`, { locale: 'en' })).statusCode).toBe(200);
      expect((await api('DELETE', `/users/${other.id}`)).statusCode).toBe(204);
      await refused('PATCH', `/users/${admin.id}`, { is_active: false }, 409, 'LAST_ADMIN');
    });
  });

  describe('lists', () => {
    let list: number;
    const ids: Record<string, number> = {};
    const names = (res: { json(): { results: Array<{ id: number }> } }) =>
      res.json().results.map((u) => Object.keys(ids).find((k) => ids[k] === u.id));

    beforeAll(async () => {
      list = (await f.structure({ name: 'Listing', code: 'LST' })).id;
      const people = [
        {
          key: 'tech',
          role: 'technician' as const,
          firstName: 'Anne',
          lastName: 'Bouvier',
          login: '2026-01-03T10:00:00.000Z',
        },
        {
          key: 'gone',
          isActive: false,
          firstName: 'Bruno',
          lastName: 'Caron',
          login: '2026-01-05T10:00:00.000Z',
        },
        { key: 'never', firstName: 'Chloé', lastName: 'Zélie', login: null },
        { key: 'old', firstName: 'Denis', lastName: 'Aubry', login: '2026-01-01T10:00:00.000Z' },
      ];
      for (const { key, login, ...values } of people) {
        const user = await f.user({ structure: list, ...values });
        ids[key] = user.id;
        await db.updateTable('users').set({ last_login_at: login }).where('id', '=', user.id).execute();
      }
      await db
        .updateTable('users')
        .set({ email: 'chloe.z@fournisseur.test' })
        .where('id', '=', ids.never as number)
        .execute();
    });

    it('orders by last name by default, and filters by role and active flag', async () => {
      expect(names(await api('GET', `/users?structure=${list}`))).toEqual(['old', 'tech', 'gone', 'never']);
      expect(names(await api('GET', `/users?structure=${list}&role=technician`))).toEqual(['tech']);
      expect(names(await api('GET', `/users?structure=${list}&is_active=false`))).toEqual(['gone']);
      expect((await api('GET', `/users?structure=${list}&is_active=true`)).json().count).toBe(3);
    });

    it('searches first name, last name and e-mail, ignoring case', async () => {
      expect(names(await api('GET', `/users?structure=${list}&search=bouv`))).toEqual(['tech']);
      expect(names(await api('GET', `/users?structure=${list}&search=DENIS`))).toEqual(['old']);
      expect(names(await api('GET', `/users?structure=${list}&search=fournisseur`))).toEqual(['never']);
    });

    it('orders by last login, most recent first, those who never logged in last', async () => {
      expect(names(await api('GET', `/users?structure=${list}&ordering=-last_login_at`))).toEqual([
        'gone',
        'tech',
        'old',
        'never',
      ]);
      expect(names(await api('GET', `/users?structure=${list}&ordering=last_login_at`))).toEqual([
        'never',
        'old',
        'tech',
        'gone',
      ]);
    });

    it('refuses an unknown filter or ordering, naming it', async () => {
      expectProblem(await api('GET', '/users?password_hash=x'), 400, 'VALIDATION_FAILED', ['password_hash']);
      expectProblem(await api('GET', '/users?ordering=password_hash'), 400, 'VALIDATION_FAILED', [
        'ordering',
      ]);
    });

    it('gives each user his groups, on creation, change, read and list', async () => {
      const g1 = await f.group({ structure: list });
      const g2 = await f.group({ structure: list });
      const user = await create({ structure: list, groups: [g2.id, g1.id, g2.id] });
      ids.grouped = user.id;
      expect(user.groups).toEqual([g1.id, g2.id].sort((a, b) => a - b));
      const changed = await api('PATCH', `/users/${user.id}`, { groups: [g2.id] });
      expect(changed.json().groups).toEqual([g2.id]);
      expect((await api('GET', `/users/${user.id}`)).json().groups).toEqual([g2.id]);
      const row = (await api('GET', `/users?structure=${list}`))
        .json()
        .results.find((u: { id: number }) => u.id === user.id);
      expect(row.groups).toEqual([g2.id]);
      const members = await db
        .selectFrom('group_members')
        .select('group_id')
        .where('user_id', '=', user.id)
        .execute();
      expect(members.map((m) => m.group_id)).toEqual([g2.id]);
    });

    it('shows a technician only the groups of his structures in a user’s groups', async () => {
      const other = (await f.structure()).id;
      const visible = await f.group({ structure: acme });
      const hidden = await f.group({ structure: other });
      const user = await create({ structure: acme, groups: [visible.id, hidden.id] });
      const technician = await f.user({ role: 'technician', structure: acme });
      const asTechnician = apiClient(t.app, await f.token(technician));
      expect((await asTechnician('GET', `/users/${user.id}`)).json().groups).toEqual([visible.id]);
      expect((await api('GET', `/users/${user.id}`)).json().groups).toEqual(
        [visible.id, hidden.id].sort((a, b) => a - b),
      );
    });
  });

  describe('audit', () => {
    it('records creation, role and structure changes, and deletion with before and after', async () => {
      const user = await create({ username: 'audit.trail.acme' });
      await api('PATCH', `/users/${user.id}`, { role: 'technician', structure: paris });
      // Nothing changes: nothing recorded.
      expect((await api('PATCH', `/users/${user.id}`, { role: 'technician' })).statusCode).toBe(200);
      expect((await api('DELETE', `/users/${user.id}`)).statusCode).toBe(204);
      expect((await api('GET', `/users/${user.id}`)).statusCode).toBe(404);

      const [created, updated, deleted, ...rest] = await auditOf(api, 'user', user.id);
      expect(rest).toEqual([]);
      expect(created).toMatchObject({
        action: 'user.created',
        actor: admin.id,
        target_label: '@audit.trail.acme',
        changes: { role: { before: null, after: 'user' }, structure: { before: null, after: acme } },
      });
      expect(updated).toMatchObject({
        action: 'user.updated',
        changes: {
          role: { before: 'user', after: 'technician' },
          structure: { before: acme, after: paris },
        },
      });
      expect(Object.keys(updated?.changes ?? {}).sort()).toEqual(['role', 'structure']);
      expect(deleted).toMatchObject({
        action: 'user.deleted',
        actor: admin.id,
        changes: {
          username: { before: '@audit.trail.acme', after: null },
          role: { before: 'technician', after: null },
        },
      });
    });
  });
});
