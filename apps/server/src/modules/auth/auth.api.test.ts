import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, apiTestApp, authCalls } from '../../test/api-client.js';
import { type AuthHeaders, DEFAULT_PASSWORD, type Factories, factories } from '../../test/factories.js';
import { buildTestApp, movableClock, type TestApp } from '../../test/test-app.js';

// Web sessions (cookie, CSRF, timeouts) and API tokens (token login, personal tokens).

describe('authentication by session and by token', () => {
  const clock = movableClock();
  let t: TestApp;
  let f: Factories;
  let asAdmin: AuthHeaders;

  const { call, me, login, sessionOf } = authCalls(() => t.app);

  beforeAll(async () => {
    ({ t, f } = await apiTestApp({ clock: clock.now }));
    ({ headers: asAdmin } = await adminOf(t.app));
  });
  afterAll(() => t?.close());

  describe('web session', () => {
    it('tells the web app who is signed in, without a 401 for nobody', async () => {
      const anonymous = await call('GET', '/api/v1/auth/session');
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.json()).toEqual({ user: null });
      const user = await f.user();
      const session = sessionOf(await login(user));
      const signedIn = await call('GET', '/api/v1/auth/session', session);
      expect(signedIn.json().user).toMatchObject({ id: user.id, csrf_token: session['x-csrf-token'] });
      await call('POST', '/api/v1/auth/logout', session);
      expect((await call('GET', '/api/v1/auth/session', session)).json()).toEqual({ user: null });
    });

    it('sets an HttpOnly, SameSite=Lax cookie, not Secure over http, and GET /auth/me answers with it', async () => {
      const user = await f.user();
      const response = await login(user);
      expect(response.statusCode).toBe(200);
      expect(response.cookies).toHaveLength(1);
      expect(response.cookies[0]).toMatchObject({
        name: 'itsm_session',
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
      });
      expect(response.cookies[0]?.secure).toBeFalsy();
      const body = response.json();
      expect(body).toMatchObject({ status: 'authenticated', user: { id: user.id, username: user.username } });
      expect(body.csrf_token).toEqual(expect.any(String));

      const mine = await me(sessionOf(response));
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toMatchObject({ id: user.id, requirement: null, csrf_token: body.csrf_token });
      expect((await me({})).json().code).toBe('UNAUTHENTICATED');
    });

    it('uses a Secure __Host- cookie when the public URL is https, and clears it as such', async () => {
      const https = await buildTestApp({ env: { ITSM_PUBLIC_URL: 'https://itsm.example.test' } });
      try {
        const user = await factories(https.app).user();
        const response = await https.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: user.username, password: DEFAULT_PASSWORD },
        });
        expect(response.statusCode).toBe(200);
        const [cookie] = response.cookies;
        expect(cookie).toMatchObject({
          name: '__Host-itsm_session',
          secure: true,
          httpOnly: true,
          path: '/',
        });
        expect(cookie?.domain).toBeUndefined();
        const headers = {
          cookie: `${cookie?.name}=${cookie?.value}`,
          'x-csrf-token': response.json().csrf_token,
        };
        expect((await https.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
        // an http cookie of the same value is not the session
        const plain = { cookie: `itsm_session=${cookie?.value}` };
        expect((await https.app.inject({ url: '/api/v1/auth/me', headers: plain })).statusCode).toBe(401);

        const logout = await https.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
        expect(logout.statusCode).toBe(204);
        // browsers ignore a __Host- cookie without Secure: the clearing one must carry it too
        const cleared = { name: '__Host-itsm_session', value: '', secure: true, path: '/' };
        expect(logout.cookies[0]).toMatchObject(cleared);
        const stale = await https.app.inject({ url: '/api/v1/auth/me', headers });
        expect(stale.statusCode).toBe(401);
        expect(stale.cookies[0]).toMatchObject(cleared);
      } finally {
        await https.close();
      }
    });

    it('gives a new session id at every login, even to a browser that sends one', async () => {
      const user = await f.user();
      const first = sessionOf(await login(user));
      const second = sessionOf(await login(user, DEFAULT_PASSWORD, { cookie: first.cookie as string }));
      expect(second.cookie).toMatch(/^itsm_session=.+/);
      expect(second.cookie).not.toBe(first.cookie);
      expect(second['x-csrf-token']).not.toBe(first['x-csrf-token']);
      expect((await me(second)).statusCode).toBe(200);
    });

    it('refuses an unsafe request without or with a wrong CSRF token, and changes nothing', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const cookieOnly = { cookie: session.cookie as string };
      const attempts = [cookieOnly, { ...cookieOnly, 'x-csrf-token': 'forged' }];
      for (const headers of attempts) {
        const response = await call('PATCH', '/api/v1/auth/me', headers, { first_name: 'Mallory' });
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('CSRF_FAILED');
        expect((await call('POST', '/api/v1/auth/logout', headers)).json().code).toBe('CSRF_FAILED');
      }
      expect((await me(session)).json().first_name).toBe('Test');

      const allowed = await call('PATCH', '/api/v1/auth/me', session, { first_name: 'Alice' });
      expect(allowed.statusCode).toBe(200);
      expect((await me(session)).json().first_name).toBe('Alice');
    });

    it('ends the session at logout', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const logout = await call('POST', '/api/v1/auth/logout', session);
      expect(logout.statusCode).toBe(204);
      expect(logout.cookies[0]).toMatchObject({ name: 'itsm_session', value: '' });
      expect((await me(session)).statusCode).toBe(401);
      expect((await call('PATCH', '/api/v1/auth/me', session, { first_name: 'Again' })).statusCode).toBe(401);
    });

    it('expires a session after the idle timeout, and after the absolute one despite activity', async () => {
      const user = await f.user();
      const idle = sessionOf(await login(user));
      clock.advance(100);
      expect((await me(idle)).statusCode).toBe(200); // activity keeps it alive
      clock.advance(119);
      expect((await me(idle)).statusCode).toBe(200);
      clock.advance(121); // default idle timeout: 120 minutes
      const expired = await me(idle);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().code).toBe('SESSION_EXPIRED');

      const busy = sessionOf(await login(user));
      let elapsed = 0;
      while (elapsed + 100 < 24 * 60) {
        clock.advance(100);
        elapsed += 100;
        expect((await me(busy)).statusCode, `after ${elapsed} min`).toBe(200);
      }
      clock.advance(24 * 60 - elapsed + 1); // default absolute timeout: 24 hours
      const ended = await me(busy);
      expect(ended.statusCode).toBe(401);
      expect(ended.json().code).toBe('SESSION_EXPIRED');
    });
  });

  describe('API tokens', () => {
    it('issues a token for username and password, usable as "Token" or "Bearer", without CSRF', async () => {
      const user = await f.user();
      const response = await call(
        'POST',
        '/api/v1/auth/token',
        {},
        { username: user.email, password: DEFAULT_PASSWORD },
      );
      expect(response.statusCode).toBe(200);
      const { token, expires_at } = response.json();
      expect(token).toMatch(/^itsm_/);
      expect(Date.parse(expires_at) - clock.now().getTime()).toBe(30 * 86_400_000);
      for (const scheme of ['Token', 'Bearer', 'bearer']) {
        const mine = await me({ authorization: `${scheme} ${token}` });
        expect(mine.statusCode, scheme).toBe(200);
        expect(mine.json()).toMatchObject({ id: user.id, csrf_token: null });
      }
      const patched = await call(
        'PATCH',
        '/api/v1/auth/me',
        { authorization: `Token ${token}` },
        { last_name: 'Api' },
      );
      expect(patched.statusCode).toBe(200);
      expect(patched.json().last_name).toBe('Api');
      const listed = await call('GET', '/api/v1/auth/tokens', { authorization: `Token ${token}` });
      expect(listed.json().results).toMatchObject([{ kind: 'login', token_prefix: token.slice(0, 12) }]);
    });

    it('answers 401 INVALID_TOKEN to a garbage or malformed Authorization header', async () => {
      for (const authorization of ['Token itsm_garbage', 'Bearer ', 'Basic dXNlcjpwYXNz', 'itsm_abc']) {
        const response = await me({ authorization });
        expect(response.statusCode, authorization).toBe(401);
        expect(response.json().code).toBe('INVALID_TOKEN');
      }
    });

    it('creates personal tokens shown once, lists only their prefix, and revokes them', async () => {
      const user = await f.user();
      const session = sessionOf(await login(user));
      const created = await call('POST', '/api/v1/auth/tokens', session, { name: 'CI pipeline' });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      expect(created.json()).toMatchObject({
        name: 'CI pipeline',
        kind: 'personal',
        user: user.id,
        expires_at: null,
      });
      expect(created.json().token_prefix).toBe(token.slice(0, 12));
      const auth = { authorization: `Token ${token}` };
      expect((await me(auth)).statusCode).toBe(200);

      const list = await call('GET', '/api/v1/auth/tokens', session);
      expect(list.json().results).toHaveLength(1);
      expect(list.json().results[0]).toMatchObject({ id, token_prefix: token.slice(0, 12) });
      expect(list.json().results[0].last_used_at).not.toBeNull();
      expect(list.body).not.toContain(token);

      expect((await call('DELETE', `/api/v1/auth/tokens/${id}`, session)).statusCode).toBe(204);
      const revoked = await me(auth);
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json().code).toBe('INVALID_TOKEN');
      expect((await call('GET', '/api/v1/auth/tokens', session)).json().results).toEqual([]);
    });

    it('refuses an expiry in the past and stops accepting a token once it has expired', async () => {
      const user = await f.user();
      const headers = await f.token(user);
      const past = new Date(clock.now().getTime() - 60_000).toISOString();
      const refused = await call('POST', '/api/v1/auth/tokens', headers, { name: 'old', expires_at: past });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toMatchObject([{ field: 'expires_at' }]);

      const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString();
      const created = await call('POST', '/api/v1/auth/tokens', headers, {
        name: 'short',
        expires_at: tomorrow,
      });
      expect(created.statusCode).toBe(201);
      const auth = { authorization: `Token ${created.json().token}` };
      expect((await me(auth)).statusCode).toBe(200);
      clock.advance(24 * 60 + 1);
      const expired = await me(auth);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().code).toBe('INVALID_TOKEN');
    });

    it("hides another user's tokens from him (404) but not from an admin", async () => {
      const owner = await f.user();
      const other = await f.user();
      const ownerAuth = await f.token(owner);
      const otherAuth = await f.token(other);
      const created = await call('POST', '/api/v1/auth/tokens', ownerAuth, { name: 'mine' });
      const { id, token } = created.json();

      const seen = await call('GET', '/api/v1/auth/tokens', otherAuth);
      expect(seen.json().results.map((r: { user: number }) => r.user)).toEqual([other.id]);
      const stolen = await call('DELETE', `/api/v1/auth/tokens/${id}`, otherAuth);
      expect(stolen.statusCode).toBe(404);
      expect(stolen.json().code).toBe('TOKEN_NOT_FOUND');
      expect((await me({ authorization: `Token ${token}` })).statusCode).toBe(200);

      const adminView = await call('GET', `/api/v1/auth/tokens?user=${owner.id}`, asAdmin);
      expect(adminView.json().results.map((r: { id: number }) => r.id)).toContain(id);
      expect((await call('DELETE', `/api/v1/auth/tokens/${id}`, asAdmin)).statusCode).toBe(204);
      expect((await me({ authorization: `Token ${token}` })).statusCode).toBe(401);
    });
  });
});
