import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from '../../platform/auth/totp.js';
import { type ApiClient, adminOf, apiTestApp, auditOf, authCalls } from '../../test/api-client.js';
import { type AuthHeaders, DEFAULT_PASSWORD, type Factories, type TestUser } from '../../test/factories.js';
import { movableClock, type TestApp } from '../../test/test-app.js';

// TOTP: enrolment, the second sign-in step, replay and recovery codes, turning it off, the staff policy.

describe('two-factor authentication', () => {
  const clock = movableClock();
  let t: TestApp;
  let f: Factories;
  let asAdmin: AuthHeaders;
  let adminApi: ApiClient;

  const { call, login } = authCalls(() => t.app);
  const secondStep = (mfaToken: string, code: { otp?: string; recovery_code?: string }) =>
    call('POST', '/api/v1/auth/login/mfa', {}, { mfa_token: mfaToken, ...code });

  /** The code the app shows now; the clock first moves to a fresh 30-second step, as a person would wait. */
  async function nextCode(secret: string): Promise<string> {
    clock.advance(1);
    return generateTotp(secret, clock.now());
  }

  /** A wrong code for this secret around now. */
  async function wrongCode(secret: string): Promise<string> {
    const right = await generateTotp(secret, clock.now());
    return right.replace(/^./, (d) => String((Number(d) + 5) % 10));
  }

  const auditActions = async (userId: number) =>
    (await auditOf(adminApi, 'user', userId)).map((e) => e.action);

  /** A user with TOTP on, his secret and recovery codes; `headers` authenticate him (token unless given). */
  async function enrolled(role: TestUser['role'] = 'user', headers?: AuthHeaders) {
    const user = await f.user({ role });
    const auth = headers ?? (await f.token(user));
    const setup = await call('POST', '/api/v1/auth/mfa/setup', auth, { password: user.password });
    expect(setup.statusCode, setup.body).toBe(200);
    const secret: string = setup.json().secret;
    const enable = await call('POST', '/api/v1/auth/mfa/enable', auth, { otp: await nextCode(secret) });
    expect(enable.statusCode, enable.body).toBe(200);
    return { user, auth, secret, recoveryCodes: enable.json().recovery_codes as string[] };
  }

  function mfaToken(response: LightMyRequestResponse): string {
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('mfa_required');
    expect(response.headers['set-cookie']).toBeUndefined();
    return response.json().mfa_token;
  }

  beforeAll(async () => {
    ({ t, f } = await apiTestApp({ clock: clock.now }));
    ({ headers: asAdmin, api: adminApi } = await adminOf(t.app));
  });
  afterAll(() => t?.close());

  it('enrols with the password, a QR code and a code from the app, and gives 10 recovery codes', async () => {
    const user = await f.user();
    const session = await f.login(user);
    const wrong = await call('POST', '/api/v1/auth/mfa/setup', session, { password: 'Not-my-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toMatchObject([{ field: 'password' }]);

    const setup = await call('POST', '/api/v1/auth/mfa/setup', session, { password: DEFAULT_PASSWORD });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauth_url, qr_code } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauth_url).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(otpauth_url).searchParams.get('secret')).toBe(secret);
    expect(qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qr_code.split(',')[1], 'base64').toString()).toContain('<svg');
    // nothing is on until a code proves the app works
    expect((await call('GET', '/api/v1/auth/me', session)).json().is_mfa_enabled).toBe(false);
    expect((await login(user)).json().status).toBe('authenticated');
  });

  it('refuses a wrong code at enrolment, then turns on with the right one', async () => {
    const user = await f.user();
    const session = await f.login(user);
    const { secret } = (
      await call('POST', '/api/v1/auth/mfa/setup', session, { password: DEFAULT_PASSWORD })
    ).json();
    const wrong = await call('POST', '/api/v1/auth/mfa/enable', session, { otp: await wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_OTP');
    expect((await call('GET', '/api/v1/auth/me', session)).json().is_mfa_enabled).toBe(false);

    const enabled = await call('POST', '/api/v1/auth/mfa/enable', session, { otp: await nextCode(secret) });
    expect(enabled.statusCode).toBe(200);
    const codes: string[] = enabled.json().recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await call('GET', '/api/v1/auth/me', session)).json().is_mfa_enabled).toBe(true);
    expect(await auditActions(user.id)).toContain('mfa.enabled');
  });

  it('asks for a code at sign-in and accepts each code only once', async () => {
    const { user, secret } = await enrolled();
    const first = mfaToken(await login(user));
    const code = await nextCode(secret);
    const signedIn = await secondStep(first, { otp: code });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ status: 'authenticated', user: { id: user.id } });
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);

    const replayed = await secondStep(mfaToken(await login(user)), { otp: code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('INVALID_OTP');
    expect(replayed.headers['set-cookie']).toBeUndefined();

    const forged = await secondStep(`${first.slice(0, -4)}AAAA`, { otp: await nextCode(secret) });
    expect(forged.statusCode).toBe(401);

    const events = await call('GET', `/api/v1/login-events?user=${user.id}&ordering=id`, asAdmin);
    expect(events.json().results.map((e: { failure_reason: string | null }) => e.failure_reason)).toEqual([
      null,
      'bad_otp',
    ]);
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const { user, recoveryCodes } = await enrolled();
    const [code, other] = recoveryCodes as [string, string];
    expect((await secondStep(mfaToken(await login(user)), { recovery_code: code })).statusCode).toBe(200);
    const reused = await secondStep(mfaToken(await login(user)), { recovery_code: code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('INVALID_OTP');
    const typed = other.toUpperCase().replaceAll('-', ' ');
    expect((await secondStep(mfaToken(await login(user)), { recovery_code: typed })).statusCode).toBe(200);
  });

  it('needs the code for an API token too', async () => {
    const { user, secret } = await enrolled();
    const request = (otp?: string) =>
      call('POST', '/api/v1/auth/token', {}, { username: user.username, password: DEFAULT_PASSWORD, otp });
    const missing = await request();
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('MFA_REQUIRED');
    expect((await request(await wrongCode(secret))).json().code).toBe('INVALID_OTP');
    const issued = await request(await nextCode(secret));
    expect(issued.statusCode).toBe(200);
    const me = await call('GET', '/api/v1/auth/me', { authorization: `Token ${issued.json().token}` });
    expect(me.json()).toMatchObject({ id: user.id, is_mfa_enabled: true });
  });

  it('turns off only with the password and a current code; enabling and disabling are audited', async () => {
    const { user, auth, secret } = await enrolled();
    const noCode = await call('POST', '/api/v1/auth/mfa/disable', auth, { password: DEFAULT_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('INVALID_OTP');
    const badPassword = await call('POST', '/api/v1/auth/mfa/disable', auth, {
      password: 'Not-my-password-1',
      otp: await nextCode(secret),
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().errors).toMatchObject([{ field: 'password' }]);
    expect((await call('GET', '/api/v1/auth/me', auth)).json().is_mfa_enabled).toBe(true);

    const off = await call('POST', '/api/v1/auth/mfa/disable', auth, {
      password: DEFAULT_PASSWORD,
      otp: await nextCode(secret),
    });
    expect(off.statusCode).toBe(204);
    expect((await login(user)).json().status).toBe('authenticated');
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a.startsWith('mfa.'))).toEqual(['mfa.enabled', 'mfa.disabled']);
  });

  it('can be turned off by an administrator', async () => {
    const { user } = await enrolled();
    mfaToken(await login(user));
    const reset = await call('DELETE', `/api/v1/users/${user.id}/mfa`, asAdmin);
    expect(reset.statusCode).toBe(204);
    const direct = await login(user);
    expect(direct.json()).toMatchObject({ status: 'authenticated', user: { is_mfa_enabled: false } });
    expect(await auditActions(user.id)).toContain('mfa.reset');
  });

  it('once required for staff, blocks admins and technicians until they enrol, but not users', async () => {
    const { auth: securityAdmin } = await enrolled('admin');
    const on = await call('PATCH', '/api/v1/settings/security', securityAdmin, {
      require_mfa_for_staff: true,
    });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ require_mfa_for_staff: true });
    try {
      const technician = await f.user({ role: 'technician' });
      const session = await f.login(technician);
      const blocked = await call('GET', '/api/v1/users', session);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('MFA_ENROLLMENT_REQUIRED');
      expect((await call('GET', '/api/v1/users', asAdmin)).json().code).toBe('MFA_ENROLLMENT_REQUIRED');
      expect((await call('GET', '/api/v1/auth/me', session)).json()).toMatchObject({
        requirement: 'mfa_enrollment',
      });
      const plain = await f.user();
      expect((await call('GET', '/api/v1/users', await f.login(plain))).statusCode).toBe(200);

      const setup = await call('POST', '/api/v1/auth/mfa/setup', session, { password: DEFAULT_PASSWORD });
      expect(setup.statusCode).toBe(200);
      const enable = await call('POST', '/api/v1/auth/mfa/enable', session, {
        otp: await nextCode(setup.json().secret),
      });
      expect(enable.statusCode).toBe(200);
      expect((await call('GET', '/api/v1/users', session)).statusCode).toBe(200);
    } finally {
      const off = await call('PATCH', '/api/v1/settings/security', securityAdmin, {
        require_mfa_for_staff: false,
      });
      expect(off.statusCode).toBe(200);
    }
    expect((await call('GET', '/api/v1/users', asAdmin)).statusCode).toBe(200);
  });
});
