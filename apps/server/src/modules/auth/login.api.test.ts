import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, apiTestApp, authCalls } from '../../test/api-client.js';
import {
  type AuthHeaders,
  DEFAULT_PASSWORD,
  type Factories,
  factories,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, movableClock, type TestApp } from '../../test/test-app.js';

// Sign-in by password: identifiers, the generic error, the login journal and brute-force locking.

const WRONG = 'Not-the-password-99';

type Attempt = { ip?: string; userAgent?: string; headers?: Record<string, string> };

/** The problem body without what differs on every request. */
function comparable(response: LightMyRequestResponse) {
  const { request_id: _id, ...body } = response.json();
  return body;
}

describe('sign-in', () => {
  const clock = movableClock();
  let t: TestApp;
  let f: Factories;
  let admin: AuthHeaders;
  let user: TestUser;

  const login = (username: string, password: string, attempt: Attempt = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: attempt.ip ?? '127.0.0.1',
      headers: { 'user-agent': attempt.userAgent ?? 'vitest', ...attempt.headers },
    });

  const { results } = authCalls(() => t.app);
  const loginEvents = (query: string) => results(`/api/v1/login-events?${query}`, admin);
  const auditEntries = (query: string) => results(`/api/v1/audit-log?${query}`, admin);

  beforeAll(async () => {
    ({ t, f } = await apiTestApp({ clock: clock.now }));
    ({ headers: admin } = await adminOf(t.app));
    user = await f.user();
  });
  afterAll(() => t?.close());

  describe('identifiers and the generic error', () => {
    it('accepts the username with or without @, in any case, and the e-mail', async () => {
      const forms = [
        user.username,
        user.username.slice(1),
        user.username.toUpperCase(),
        user.email.toUpperCase(),
      ];
      for (const form of forms) {
        const response = await login(form, DEFAULT_PASSWORD);
        expect(response.statusCode, form).toBe(200);
        expect(response.json()).toMatchObject({ status: 'authenticated', user: { id: user.id } });
      }
    });

    it('answers a wrong password and an unknown user with the same 401 problem', async () => {
      const wrong = await login(user.username, WRONG);
      const unknown = await login('@nobody.at-all.test', WRONG);
      const unknownEmail = await login('nobody@example.test', WRONG);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
      expect(wrong.headers['set-cookie']).toBeUndefined();
      expect(comparable(unknown)).toEqual(comparable(wrong));
      expect(comparable(unknownEmail)).toEqual(comparable(wrong));
      // a success clears the account's counter for the next tests
      expect((await login(user.username, DEFAULT_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a deactivated user with the right password, with the same generic error', async () => {
      const inactive = await f.user({ isActive: false });
      const response = await login(inactive.username, DEFAULT_PASSWORD);
      expect(response.statusCode).toBe(401);
      expect(comparable(response)).toEqual(comparable(await login(user.username, WRONG)));
      expect((await login(user.username, DEFAULT_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('login journal', () => {
    it('records every attempt with its failure reason, address and user agent', async () => {
      const ip = '10.20.0.1';
      const inactive = await f.user({ isActive: false });
      await login(user.username, WRONG, { ip, userAgent: 'Browser/1 wrong' });
      await login('@ghost.user.test', WRONG, { ip, userAgent: 'Browser/1 unknown' });
      await login(inactive.email, DEFAULT_PASSWORD, { ip, userAgent: 'Browser/1 inactive' });
      await login(user.username.toUpperCase(), DEFAULT_PASSWORD, { ip, userAgent: 'Browser/1 ok' });

      const events = await loginEvents(`ip=${ip}&ordering=id`);
      expect(
        events.map((e) => [e.user, e.username_tried, e.success, e.failure_reason, e.user_agent]),
      ).toEqual([
        [user.id, user.username, false, 'bad_password', 'Browser/1 wrong'],
        [null, '@ghost.user.test', false, 'unknown_user', 'Browser/1 unknown'],
        [inactive.id, inactive.email, false, 'inactive', 'Browser/1 inactive'],
        [user.id, user.username, true, null, 'Browser/1 ok'],
      ]);
      expect(events.every((e) => e.ip === ip && e.method === 'session')).toBe(true);
      expect((await loginEvents(`failure_reason=inactive&user=${inactive.id}`)).length).toBe(1);
    });

    it('ignores X-Forwarded-For unless ITSM_TRUST_PROXY is set', async () => {
      const forwarded = { 'x-forwarded-for': '203.0.113.7' };
      await login(user.username, DEFAULT_PASSWORD, { ip: '10.20.0.2', headers: forwarded });
      expect(await loginEvents('ip=203.0.113.7')).toEqual([]);
      expect((await loginEvents('ip=10.20.0.2')).length).toBe(1);

      const proxied = await buildTestApp({ env: { ITSM_TRUST_PROXY: 'true' } });
      try {
        const pf = factories(proxied.app);
        const someone = await pf.user();
        const attempt = await proxied.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: someone.username, password: WRONG },
          remoteAddress: '10.0.0.254',
          headers: { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'behind-proxy' },
        });
        expect(attempt.statusCode).toBe(401);
        const events = await proxied.app.inject({
          url: '/api/v1/login-events',
          headers: await pf.token(await pf.user({ role: 'admin' })),
        });
        expect(events.json().results).toMatchObject([
          { user: someone.id, failure_reason: 'bad_password', ip: '203.0.113.7', user_agent: 'behind-proxy' },
        ]);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('brute force', () => {
    it('locks an account after 5 wrong passwords, even for the right one, and journals and audits it', async () => {
      const victim = await f.user();
      const ip = '10.30.0.1';
      for (let i = 0; i < 5; i++) {
        expect((await login(victim.username, WRONG, { ip })).json().code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await login(victim.username, DEFAULT_PASSWORD, { ip });
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retry_after: 60 });
      expect(locked.headers['retry-after']).toBe('60');
      expect(locked.headers['set-cookie']).toBeUndefined();
      // another address, another identifier form: still the same account, still locked
      expect((await login(victim.email, DEFAULT_PASSWORD, { ip: '10.30.0.2' })).statusCode).toBe(429);

      const events = await loginEvents(`user=${victim.id}&ordering=id`);
      expect(events.map((e) => e.failure_reason)).toEqual([
        ...Array(5).fill('bad_password'),
        'locked',
        'locked',
      ]);
      const audit = await auditEntries(`action=auth.locked&target_id=${victim.id}`);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: null, target_type: 'account', ip });
    });

    it('lets the right password in once the lock has expired', async () => {
      const victim = await f.user();
      const ip = '10.31.0.1';
      for (let i = 0; i < 5; i++) await login(victim.username, WRONG, { ip });
      const locked = await login(victim.username, DEFAULT_PASSWORD, { ip });
      expect(locked.statusCode).toBe(429);
      clock.advance(0.5);
      const still = await login(victim.username, DEFAULT_PASSWORD, { ip });
      expect(still.statusCode).toBe(429);
      expect(Number(still.headers['retry-after'])).toBeLessThanOrEqual(30);

      clock.advance(Number(still.headers['retry-after']) / 60 + 0.01);
      const after = await login(victim.username, DEFAULT_PASSWORD, { ip });
      expect(after.statusCode, after.body).toBe(200);
      // the success starts the count again: five more tries before the next lock
      for (let i = 0; i < 5; i++) expect((await login(victim.username, WRONG, { ip })).statusCode).toBe(401);
      expect((await login(victim.username, WRONG, { ip })).statusCode).toBe(429);
    });

    it('gives a wrong attempt after a lock one chance only, then locks for twice as long', async () => {
      const victim = await f.user();
      const ip = '10.32.0.1';
      for (let i = 0; i < 6; i++) await login(victim.username, WRONG, { ip });
      clock.advance(1.01);
      expect((await login(victim.username, WRONG, { ip })).statusCode).toBe(401);
      const relocked = await login(victim.username, DEFAULT_PASSWORD, { ip });
      expect(relocked.statusCode).toBe(429);
      expect(Number(relocked.headers['retry-after'])).toBeGreaterThan(60);
      expect(Number(relocked.headers['retry-after'])).toBeLessThanOrEqual(120);
    });

    it('locks unknown usernames exactly like real ones: locking reveals no account', async () => {
      const ip = '10.33.0.1';
      const real = await f.user();
      const run = async (username: string) => {
        const answers: LightMyRequestResponse[] = [];
        for (let i = 0; i < 6; i++) answers.push(await login(username, WRONG, { ip }));
        return answers;
      };
      const forReal = await run(real.username);
      const forGhost = await run('@ghost.locked.test');
      expect(forGhost.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(forGhost.map(comparable)).toEqual(forReal.map(comparable));
      expect(forGhost[5]?.headers['retry-after']).toBe(forReal[5]?.headers['retry-after']);
      const events = await loginEvents(`ip=${ip}&failure_reason=locked`);
      expect(events.map((e) => e.username_tried).sort()).toEqual(
        ['@ghost.locked.test', real.username].sort(),
      );
    });

    it('never lets more than 5 of 20 parallel attempts reach the password check', async () => {
      const victim = await f.user();
      const ip = '10.34.0.1';
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => login(victim.username, WRONG, { ip })),
      );
      const statuses = answers.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
      expect(await loginEvents(`user=${victim.id}&failure_reason=bad_password`)).toHaveLength(5);
      expect(await loginEvents(`user=${victim.id}&failure_reason=locked`)).toHaveLength(15);
    });

    it('counts token requests (POST /auth/token) on the same account', async () => {
      const victim = await f.user();
      const ip = '10.35.0.1';
      for (let i = 0; i < 5; i++) await login(victim.username, WRONG, { ip });
      const token = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { username: victim.username, password: DEFAULT_PASSWORD },
        remoteAddress: ip,
      });
      expect(token.statusCode).toBe(429);
      expect(token.json().code).toBe('TOO_MANY_ATTEMPTS');
    });
  });
});
