import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, adminOf, apiTestApp, auditOf, authCalls } from '../../test/api-client.js';
import { type AuthHeaders, DEFAULT_PASSWORD, type Factories, type TestUser } from '../../test/factories.js';
import { linksIn, recipientsOf, type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { movableClock, type TestApp } from '../../test/test-app.js';

// Reset by e-mail and invitations, end to end: the API, the outbox job, a real SMTP server, the link.

const PUBLIC_URL = 'http://itsm.example.test';
const NEW_PASSWORD = 'Chosen-after-reset-77';

describe('password reset by e-mail', () => {
  const clock = movableClock();
  let sink: SmtpSink;
  let t: TestApp;
  let f: Factories;
  let asAdmin: AuthHeaders;
  let adminApi: ApiClient;

  const requestReset = (login: string, ip: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { login },
      remoteAddress: ip,
      headers,
    });
  const confirm = (token: string, newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, new_password: newPassword },
    });
  const { call, me, login } = authCalls(() => t.app);

  const mailsTo = (address: string) => sink.messages.filter((m) => recipientsOf(m).includes(address));
  const mailTo = (address: string) => sink.waitFor((m) => recipientsOf(m).includes(address));

  /** The one link of the mail, and its token. */
  function linkOf(mail: ParsedMail) {
    const links = linksIn(mail);
    expect(links).toHaveLength(1);
    const url = new URL(links[0] as string);
    const token = url.searchParams.get('token');
    expect(token).toBeTruthy();
    return { url, token: token as string };
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    ({ t, f } = await apiTestApp({
      env: { SMTP_URL: sink.url, ITSM_PUBLIC_URL: PUBLIC_URL },
      clock: clock.now,
    }));
    ({ headers: asAdmin, api: adminApi } = await adminOf(t.app));
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('answers an existing and an unknown login alike, and mails only the existing one, in French', async () => {
    const user = await f.user({ firstName: 'Hélène' });
    const unknown = await requestReset('@nobody.here.test', '10.40.0.1');
    const known = await requestReset(user.username, '10.40.0.1', { host: 'evil.example' });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);

    const mail = await mailTo(user.email);
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mail.text).toContain('Bonjour Hélène,');
    const { url } = linkOf(mail);
    // the link goes to ITSM_PUBLIC_URL, whatever Host the request claimed
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/reset-password`);

    expect(sink.messages).toHaveLength(1);
    const queued = await t.app.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(queued.n)).toBe(1);
  });

  it('writes in English to a user whose locale is en, and reaches him by e-mail address too', async () => {
    const user = await f.user({ locale: 'en', firstName: 'John' });
    expect((await requestReset(user.email.toUpperCase(), '10.40.0.2')).statusCode).toBe(202);
    const mail = await mailTo(user.email);
    expect(mail.subject).toBe('Reset your password');
    expect(mail.text).toContain('Hello John,');
    linkOf(mail);
  });

  it('the link sets a new password once: weak ones refused, the old password and other sessions ended', async () => {
    const user = await f.user();
    const session = await f.login(user);
    const token = await f.token(user);
    await requestReset(user.username, '10.40.0.3');
    const link = linkOf(await mailTo(user.email));

    for (const weak of ['qwertyuiop', 'short']) {
      const refused = await confirm(link.token, weak);
      expect(refused.statusCode, weak).toBe(400);
      expect(refused.json().errors).toMatchObject([{ field: 'new_password' }]);
    }
    expect((await login(user, DEFAULT_PASSWORD)).statusCode).toBe(200);

    const done = await confirm(link.token, NEW_PASSWORD);
    expect(done.statusCode).toBe(204);
    expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await login(user, DEFAULT_PASSWORD)).statusCode).toBe(401);
    expect((await me(session)).statusCode).toBe(401);
    expect((await me(token)).statusCode).toBe(401);

    const reused = await confirm(link.token, 'Yet-another-secret-88');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('INVALID_RESET_TOKEN');
    expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);

    const actions = (await auditOf(adminApi, 'user', user.id)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('user.password_reset'))).toEqual([
      'user.password_reset_requested',
      'user.password_reset_completed',
    ]);
  });

  it('refuses a link older than an hour', async () => {
    const user = await f.user();
    await requestReset(user.username, '10.40.0.4');
    const link = linkOf(await mailTo(user.email));
    clock.advance(61);
    const expired = await confirm(link.token, NEW_PASSWORD);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('INVALID_RESET_TOKEN');
    expect((await login(user, DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it('sends no mail to a deactivated account, with the same answer', async () => {
    const user = await f.user({ isActive: false });
    const response = await requestReset(user.username, '10.40.0.5');
    expect(response.statusCode).toBe(202);
    expect(response.body).toBe('');
    const other = await f.user();
    await requestReset(other.username, '10.40.0.5');
    await mailTo(other.email); // mails go out in order: by now the first would have arrived
    expect(mailsTo(user.email)).toEqual([]);
  });

  it('invites a new user by e-mail; the link lets him choose his password', async () => {
    const structure = await f.structure();
    const email = `helene.${structure.id}@example.test`;
    const created = await call('POST', '/api/v1/users', asAdmin, {
      first_name: 'Hélène',
      last_name: 'Lefèvre',
      email,
      role: 'user',
      structure: structure.id,
      send_invitation: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const invited: TestUser & { has_password: boolean } = created.json();
    expect(invited.username).toMatch(/^@helene\.lefevre\./);
    expect(invited.has_password).toBe(false);
    expect((await login(invited, DEFAULT_PASSWORD)).statusCode).toBe(401);

    const mail = await mailTo(email);
    expect(mail.subject).toBe('Votre compte sur le portail du service informatique');
    expect(mail.text).toContain(invited.username);
    const link = linkOf(mail);
    expect(link.url.searchParams.get('invitation')).toBe('1');

    expect((await confirm(link.token, NEW_PASSWORD)).statusCode).toBe(204);
    const signedIn = await login(invited, NEW_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ email, has_password: true, must_change_password: false });
    expect((await confirm(link.token, 'Second-try-secret-99')).json().code).toBe('INVALID_RESET_TOKEN');
  });
});
