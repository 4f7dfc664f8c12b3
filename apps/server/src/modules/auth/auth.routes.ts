import {
  ApiTokenCreatedSchema,
  ApiTokenCreateSchema,
  ApiTokenSchema,
  AuditEntrySchema,
  LoginEventSchema,
  LoginMfaRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeSchema,
  MfaDisableSchema,
  MfaEnableSchema,
  MfaSetupResponseSchema,
  PasswordChangeSchema,
  PasswordConfirmationSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  ProfileUpdateSchema,
  pageOf,
  RecoveryCodesSchema,
  SessionSchema,
  SessionStateSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from '@itsm/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { type ActorResolver, sessionCookieName } from '../../platform/auth/authenticate.js';
import { IdParamsSchema, pageLinks } from '../../platform/http/route-helpers.js';
import { listQuerySchema } from '../../platform/lists/index.js';
import type { AccountService } from './account.service.js';
import { type ApiTokenService, tokenList } from './api-tokens.service.js';
import { auditList, type JournalService, loginEventList } from './journal.service.js';
import type { LoginService, SessionIssued } from './login.service.js';
import type { MfaService } from './mfa.service.js';

type Services = {
  login: LoginService;
  account: AccountService;
  mfa: MfaService;
  tokens: ApiTokenService;
  journal: JournalService;
};

const tags = ['auth'];
const publicRoute = { public: true } as const;
const duringRequirement = { allowWithRequirement: true } as const;
// Enrolling is how the MFA requirement is met; a temporary password is changed first.
const duringMfaEnrollment = { allowWithRequirement: ['mfa_enrollment'] } as const;

export function registerAuthRoutes(app: FastifyInstance, services: Services, resolver: ActorResolver) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { login, account, mfa, tokens, journal } = services;
  const secure = app.config.publicUrl?.startsWith('https://') ?? false;
  const cookieName = sessionCookieName(secure);
  const publicUrl = app.config.publicUrl;

  /** A new session id at every login: the cookie is never one an attacker could have planted. */
  async function startSession(reply: FastifyReply, session: SessionIssued) {
    reply.setCookie(cookieName, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      expires: session.expiresAt,
    });
    const actor = await resolver.sessionActor(session.token);
    if (!actor) throw new Error('the session just opened cannot be read back');
    return { status: 'authenticated' as const, user: await account.me(actor), csrf_token: session.csrfToken };
  }

  r.post(
    '/api/v1/auth/login',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Sign in (web): sets the session cookie, or asks for the authentication code',
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema },
      },
    },
    async (request, reply) => {
      const outcome = await login.login(request.body, contextOf(request));
      if (outcome.status === 'mfa_required')
        return { status: 'mfa_required' as const, mfa_token: outcome.mfaToken };
      return startSession(reply, outcome.session);
    },
  );

  r.post(
    '/api/v1/auth/login/mfa',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Second step of a sign-in: the code from the app, or a recovery code',
        body: LoginMfaRequestSchema,
        response: { 200: LoginResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await login.loginMfa(request.body, contextOf(request));
      return startSession(reply, session);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: duringRequirement, schema: { tags, summary: 'Sign out: ends this session' } },
    async (request, reply) => {
      const actor = actorOf(request);
      await login.logout(actor.id, actor.sessionId);
      reply.clearCookie(cookieName, { path: '/', secure });
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/auth/token',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Token authentication: username and password for an API token (30 days)',
        body: TokenRequestSchema,
        response: { 200: TokenResponseSchema },
      },
    },
    (request) => login.issueToken(request.body, contextOf(request)),
  );

  r.get(
    '/api/v1/auth/session',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'The signed-in user of this browser, or null (never 401)',
        response: { 200: SessionStateSchema },
      },
    },
    async (request) => ({ user: request.actor ? await account.me(request.actor) : null }),
  );

  r.get(
    '/api/v1/auth/me',
    {
      config: duringRequirement,
      schema: { tags, summary: 'The signed-in user', response: { 200: MeSchema } },
    },
    (request) => account.me(actorOf(request)),
  );

  r.patch(
    '/api/v1/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your profile (the e-mail needs your password)',
        body: ProfileUpdateSchema,
        response: { 200: MeSchema },
      },
    },
    (request) => account.updateProfile(actorOf(request), request.body, contextOf(request)),
  );

  r.post(
    '/api/v1/auth/password',
    {
      config: duringRequirement,
      schema: { tags, summary: 'Change your password; your other sessions end', body: PasswordChangeSchema },
    },
    async (request, reply) => {
      await account.changePassword(actorOf(request), request.body, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/auth/password-reset',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'E-mail a reset link; the answer is the same whether or not the account exists',
        body: PasswordResetRequestSchema,
      },
    },
    async (request, reply) => {
      await account.requestPasswordReset(request.body.login, contextOf(request));
      return reply.code(202).send();
    },
  );

  r.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Choose a new password with the link of the e-mail',
        body: PasswordResetConfirmSchema,
      },
    },
    async (request, reply) => {
      await account.confirmPasswordReset(request.body, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/auth/mfa/setup',
    {
      config: duringMfaEnrollment,
      schema: {
        tags,
        summary: 'Start two-factor set-up: a secret and its QR code (needs your password)',
        body: PasswordConfirmationSchema,
        response: { 200: MfaSetupResponseSchema },
      },
    },
    (request) => mfa.setup(actorOf(request), request.body.password),
  );

  r.post(
    '/api/v1/auth/mfa/enable',
    {
      config: duringMfaEnrollment,
      schema: {
        tags,
        summary: 'Finish the set-up with a code from the app; answers the recovery codes once',
        body: MfaEnableSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    (request) => mfa.enable(actorOf(request), request.body.otp, contextOf(request)),
  );

  r.post(
    '/api/v1/auth/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication off (password and code)',
        body: MfaDisableSchema,
      },
    },
    async (request, reply) => {
      await mfa.disable(actorOf(request), request.body, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/auth/mfa/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes; the old ones stop working',
        body: PasswordConfirmationSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    (request) => mfa.regenerateRecoveryCodes(actorOf(request), request.body.password, contextOf(request)),
  );

  r.get(
    '/api/v1/auth/sessions',
    { schema: { tags, summary: 'Your open sessions', response: { 200: z.array(SessionSchema) } } },
    (request) => account.sessions(actorOf(request)),
  );

  r.delete(
    '/api/v1/auth/sessions/:id',
    { schema: { tags, summary: 'End one of your sessions', params: IdParamsSchema } },
    async (request, reply) => {
      await account.endSession(actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (an administrator sees everyone’s)',
        querystring: listQuerySchema(tokenList),
        response: { 200: pageOf(ApiTokenSchema) },
      },
    },
    (request) => tokens.list(actorOf(request), request.query, pageLinks(request, publicUrl)),
  );

  r.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token; the secret is in this answer only',
        body: ApiTokenCreateSchema,
        response: { 201: ApiTokenCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tokens.create(actorOf(request), request.body, contextOf(request))),
  );

  r.delete(
    '/api/v1/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: IdParamsSchema } },
    async (request, reply) => {
      await tokens.revoke(actorOf(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/login-events',
    {
      schema: {
        tags: ['journal'],
        summary: 'The login journal: all (admin), your structures’ users (technician), your own (user)',
        querystring: listQuerySchema(loginEventList),
        response: { 200: pageOf(LoginEventSchema) },
      },
    },
    (request) => journal.loginEvents(actorOf(request), request.query, pageLinks(request, publicUrl)),
  );

  r.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags: ['journal'],
        summary: 'The audit log of sensitive actions (admin); it cannot be changed',
        querystring: listQuerySchema(auditList),
        response: { 200: pageOf(AuditEntrySchema) },
      },
    },
    (request) => journal.auditLog(actorOf(request), request.query, pageLinks(request, publicUrl)),
  );
}
