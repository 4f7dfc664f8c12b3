import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, apiTestApp, authCalls, type Method } from '../../test/api-client.js';
import { type AuthHeaders, DEFAULT_PASSWORD, type Factories, type TestUser } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

// What ends access (deactivation, deletion, password changes), the own profile and sessions, the audit log.

const NEW_PASSWORD = 'Brand-new-secret-2026';

describe('account security', () => {
  let t: TestApp;
  let f: Factories;
  let admin: TestUser;
  let asAdmin: AuthHeaders;

  const { call, me, login, sessionOf, results } = authCalls(() => t.app);
  const audit = (query: string) => results(`/api/v1/audit-log?${query}`, asAdmin);

  beforeAll(async () => {
    ({ t, f } = await apiTestApp());
    ({ admin, headers: asAdmin } = await adminOf(t.app));
  });
  afterAll(() => t?.close());

  describe('what ends access', () => {
    it('deactivation revokes the sessions and tokens at once', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const token = await f.token(user);
      const patched = await call('PATCH', `/api/v1/users/${user.id}`, asAdmin, { is_active: false });
      expect(patched.statusCode).toBe(200);
      expect((await me(session)).statusCode).toBe(401);
      expect((await me(token)).statusCode).toBe(401);
      // reactivating does not bring them back
      await call('PATCH', `/api/v1/users/${user.id}`, asAdmin, { is_active: true });
      expect((await me(session)).statusCode).toBe(401);
      expect((await me(token)).statusCode).toBe(401);
    });

    it('deletion revokes the sessions and tokens at once', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const token = await f.token(user);
      expect((await call('DELETE', `/api/v1/users/${user.id}`, asAdmin)).statusCode).toBe(204);
      expect((await me(session)).statusCode).toBe(401);
      expect((await me(token)).statusCode).toBe(401);
    });

    it("a password change ends the user's other sessions and keeps the current one", async () => {
      const user = await f.user();
      const current = sessionOf(await login(user));
      const other = sessionOf(await login(user));
      const wrong = await call('POST', '/api/v1/auth/password', current, {
        current_password: 'Not-my-password-1',
        new_password: NEW_PASSWORD,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toMatchObject([{ field: 'current_password' }]);
      expect((await me(other)).statusCode).toBe(200);

      const changed = await call('POST', '/api/v1/auth/password', current, {
        current_password: DEFAULT_PASSWORD,
        new_password: NEW_PASSWORD,
      });
      expect(changed.statusCode).toBe(204);
      expect((await me(current)).statusCode).toBe(200);
      expect((await me(other)).statusCode).toBe(401);
      expect((await login(user)).statusCode).toBe(401);
      expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);
    });

    it('a temporary password from an admin must be changed before anything else', async () => {
      const user = await f.user();
      const before = sessionOf(await login(user));
      const token = await f.token(user);
      const temporary = 'Temporary-secret-2026';
      const reset = await call('POST', `/api/v1/users/${user.id}/reset-password`, asAdmin, {
        password: temporary,
      });
      expect(reset.statusCode).toBe(204);
      expect((await me(before)).statusCode).toBe(401);
      expect((await me(token)).statusCode).toBe(401);
      expect((await login(user)).statusCode).toBe(401);

      const signedIn = await login(user, temporary);
      expect(signedIn.json().user).toMatchObject({
        must_change_password: true,
        requirement: 'password_change',
      });
      const session = sessionOf(signedIn);
      const blocked: Array<[Method, string, object?]> = [
        ['GET', '/api/v1/users'],
        ['GET', `/api/v1/users/${user.id}`],
        ['GET', '/api/v1/auth/sessions'],
        ['GET', '/api/v1/auth/tokens'],
        ['POST', '/api/v1/auth/tokens', { name: 'sneaky' }],
        ['PATCH', '/api/v1/auth/me', { first_name: 'Sneaky' }],
        ['GET', '/api/v1/login-events'],
        // MFA enrolment waits until the temporary password is replaced
        ['POST', '/api/v1/auth/mfa/setup', { password: temporary }],
      ];
      for (const [method, url, payload] of blocked) {
        const response = await call(method, url, session, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      }
      expect((await me(session)).statusCode).toBe(200);
      const another = sessionOf(await login(user, temporary));
      expect((await call('POST', '/api/v1/auth/logout', another)).statusCode).toBe(204);

      const changed = await call('POST', '/api/v1/auth/password', session, {
        current_password: temporary,
        new_password: NEW_PASSWORD,
      });
      expect(changed.statusCode).toBe(204);
      expect((await me(session)).json()).toMatchObject({ must_change_password: false, requirement: null });
      expect((await call('GET', '/api/v1/users', session)).statusCode).toBe(200);
    });
  });

  describe('own profile', () => {
    it('refuses role, structure and is_active in PATCH /auth/me, naming them, and changes nothing', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const other = await f.structure();
      const response = await call('PATCH', '/api/v1/auth/me', session, {
        first_name: 'Eve',
        role: 'admin',
        structure: other.id,
        is_active: true,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      const fields = response.json().errors.map((e: { field: string }) => e.field);
      expect(fields.sort()).toEqual(['is_active', 'role', 'structure']);
      expect((await me(session)).json()).toMatchObject({
        role: 'user',
        structure: user.structure,
        first_name: 'Test',
      });
    });

    it('changes the e-mail only with the current password, and audits it', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const email = `new.${user.id}@example.test`;
      const missing = await call('PATCH', '/api/v1/auth/me', session, { email });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors).toMatchObject([{ field: 'current_password' }]);
      const wrong = await call('PATCH', '/api/v1/auth/me', session, {
        email,
        current_password: 'Wrong-password-1',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toMatchObject([{ field: 'current_password' }]);
      expect((await me(session)).json().email).toBe(user.email);

      const done = await call('PATCH', '/api/v1/auth/me', session, {
        email: email.toUpperCase(),
        current_password: DEFAULT_PASSWORD,
      });
      expect(done.statusCode).toBe(200);
      expect(done.json().email).toBe(email);
      expect(await audit(`action=user.email_changed&target_id=${user.id}`)).toMatchObject([
        { actor: user.id, changes: { email: { before: user.email, after: email } } },
      ]);
      // a name change needs no password
      expect((await call('PATCH', '/api/v1/auth/me', session, { first_name: 'Ann' })).statusCode).toBe(200);
    });
  });

  describe('active sessions', () => {
    it('lists his sessions, marks the current one, and ends another of his', async () => {
      const user = await f.user();
      const phone = sessionOf(await login(user, DEFAULT_PASSWORD, { 'user-agent': 'Phone/1' }));
      const laptop = sessionOf(await login(user, DEFAULT_PASSWORD, { 'user-agent': 'Laptop/2' }));
      const list = await call('GET', '/api/v1/auth/sessions', phone);
      expect(list.statusCode).toBe(200);
      const sessions = list.json() as Array<{ id: number; user_agent: string; current: boolean; ip: string }>;
      expect(sessions.map((s) => [s.user_agent, s.current]).sort()).toEqual([
        ['Laptop/2', false],
        ['Phone/1', true],
      ]);
      expect(sessions.every((s) => s.ip === '127.0.0.1')).toBe(true);

      const laptopId = sessions.find((s) => s.user_agent === 'Laptop/2')?.id;
      expect((await call('DELETE', `/api/v1/auth/sessions/${laptopId}`, phone)).statusCode).toBe(204);
      expect((await me(laptop)).statusCode).toBe(401);
      expect((await me(phone)).statusCode).toBe(200);
    });

    it("answers 404 for someone else's session, which an admin can end", async () => {
      const user = await f.user();
      const victim = await f.user();
      const mine = sessionOf(await login(user));
      const theirs = sessionOf(await login(victim));
      const theirsToo = sessionOf(await login(victim));
      const [theirId] = (await call('GET', '/api/v1/auth/sessions', theirs))
        .json()
        .map((s: { id: number }) => s.id);

      const response = await call('DELETE', `/api/v1/auth/sessions/${theirId}`, mine);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('SESSION_NOT_FOUND');
      expect((await me(theirs)).statusCode).toBe(200);

      expect((await call('DELETE', `/api/v1/users/${victim.id}/sessions`, asAdmin)).statusCode).toBe(204);
      expect((await me(theirs)).statusCode).toBe(401);
      expect((await me(theirsToo)).statusCode).toBe(401);
      expect((await me(mine)).statusCode).toBe(200);
    });
  });

  describe('audit log', () => {
    it('records sign-ins, role changes, tokens, password resets and deletes with actor and before/after', async () => {
      const user = await f.user();
      sessionOf(await login(user));
      expect(await audit(`action=auth.login&target_id=${user.id}`)).toMatchObject([
        { actor: user.id, target_type: 'user', changes: { method: { after: 'session' } } },
      ]);

      const role = await call('PATCH', `/api/v1/users/${user.id}`, asAdmin, { role: 'technician' });
      expect(role.statusCode).toBe(200);
      expect(await audit(`action=user.updated&target_id=${user.id}`)).toMatchObject([
        {
          actor: admin.id,
          actor_username: admin.username,
          changes: { role: { before: 'user', after: 'technician' } },
        },
      ]);

      const created = await call('POST', '/api/v1/auth/tokens', asAdmin, { name: 'audited' });
      const tokenId = created.json().id;
      await call('DELETE', `/api/v1/auth/tokens/${tokenId}`, asAdmin);
      const tokenEntries = await audit(`target_type=api_token&target_id=${tokenId}&ordering=id`);
      expect(tokenEntries.map((e) => [e.action, e.actor])).toEqual([
        ['token.created', admin.id],
        ['token.revoked', admin.id],
      ]);

      await call('POST', `/api/v1/users/${user.id}/reset-password`, asAdmin, {
        password: 'Temporary-secret-2026',
      });
      expect(await audit(`action=user.password_reset&target_id=${user.id}`)).toMatchObject([
        { actor: admin.id, changes: { method: { after: 'temporary_password' } } },
      ]);

      expect((await call('DELETE', `/api/v1/users/${user.id}`, asAdmin)).statusCode).toBe(204);
      expect(await audit(`action=user.deleted&target_id=${user.id}`)).toMatchObject([
        {
          actor: admin.id,
          target_label: user.username,
          changes: { role: { before: 'technician', after: null } },
        },
      ]);
    });

    it('is for administrators only', async () => {
      for (const role of ['technician', 'user'] as const) {
        const response = await call('GET', '/api/v1/audit-log', await f.token(await f.user({ role })));
        expect(response.statusCode, role).toBe(403);
      }
    });

    it('cannot be changed through the API nor in SQL, on either database', async () => {
      const before = await audit('page_size=100');
      expect(before.length).toBeGreaterThan(0);
      const id = before[0]?.id;
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        for (const url of ['/api/v1/audit-log', `/api/v1/audit-log/${id}`]) {
          const response = await call(
            method,
            url,
            asAdmin,
            method === 'DELETE' ? undefined : { action: 'x' },
          );
          expect([404, 405], `${method} ${url}`).toContain(response.statusCode);
        }
      }
      const db = t.app.database.db;
      await expect(sql`update audit_log set action = 'tampered'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log where id = ${id}`.execute(db)).rejects.toThrow(/append-only/);
      expect(await audit('page_size=100')).toEqual(before);
    });
  });
});
