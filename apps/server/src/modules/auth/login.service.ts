import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { RequestContext } from '../../platform/auth/actor.js';
import type { CredentialsRepository } from '../../platform/auth/credentials.repository.js';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/password.js';
import { signToken, verifySignedToken } from '../../platform/auth/signed-token.js';
import type { Throttle } from '../../platform/auth/throttle.js';
import { ACCOUNT_LIMITS, IP_LIMITS } from '../../platform/auth/throttle-policy.js';
import type { Clock } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors/app-error.js';
import { parseLoginIdentifier } from '../users/username.js';
import { type AccountRecord, createUserRepository } from '../users/users.repository.js';
import { type FailureReason, type LoginMethod, recordLoginEvent } from './login-events.js';
import type { MfaVerifier } from './mfa.service.js';

const MFA_STEP_MINUTES = 5;
const LOGIN_TOKEN_DAYS = 30;

export type SessionIssued = { token: string; csrfToken: string; expiresAt: Date; userId: number };
export type LoginOutcome =
  | { status: 'authenticated'; session: SessionIssued }
  | { status: 'mfa_required'; mfaToken: string };

type Deps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  throttle: Throttle;
  credentials: CredentialsRepository;
  mfa: MfaVerifier;
  secretKey: string;
  sessionMaxHours: number;
};

/** One counter per account, whichever identifier is typed; unknown identifiers get theirs, alike. */
const accountKey = (identifier: string, userId: number | null) =>
  userId === null ? `login:${identifier}` : `user:${userId}`;

/** Sign-in by password (web session or API token), the TOTP step, and sign-out. */
export function createLoginService({
  db,
  clock,
  audit,
  throttle,
  credentials,
  mfa,
  secretKey,
  sessionMaxHours,
}: Deps) {
  const users = createUserRepository(db);

  const fail = async (
    context: RequestContext,
    tried: string,
    userId: number | null,
    method: LoginMethod,
    reason: FailureReason,
  ): Promise<void> => {
    await recordLoginEvent(db, {
      userId,
      usernameTried: tried,
      method,
      failure: reason,
      context,
      now: clock(),
    });
  };

  /** Counts the attempt on the account and the address; refuses when either is locked (journaled, lock audited). */
  async function admit(
    identifier: string,
    userId: number | null,
    method: LoginMethod,
    context: RequestContext,
  ) {
    const now = clock();
    for (const [key, limits] of [
      [accountKey(identifier, userId), ACCOUNT_LIMITS],
      [`ip:${context.ip}`, IP_LIMITS],
    ] as const) {
      const decision = await throttle.attempt(key, limits, now);
      if (decision.allowed) continue;
      await fail(context, identifier, userId, method, 'locked');
      if (decision.lockedNow) {
        await audit.record(
          db,
          { actor: null, ip: context.ip, requestId: context.requestId },
          {
            action: 'auth.locked',
            target: { type: key.startsWith('ip:') ? 'ip' : 'account', id: userId, label: key },
            changes: { locked_for_seconds: { before: null, after: decision.retryAfterSeconds } },
          },
        );
      }
      throw new AppError('TOO_MANY_ATTEMPTS', {
        detail: `Too many attempts. Try again in ${decision.retryAfterSeconds} seconds.`,
        extensions: { retry_after: decision.retryAfterSeconds },
      });
    }
  }

  /** Checks identifier and password with the same answer and timing whether or not the account exists. */
  async function checkPassword(
    login: string,
    password: string,
    method: LoginMethod,
    context: RequestContext,
  ) {
    const id = parseLoginIdentifier(login);
    const account = await users.findAccount(
      id.kind === 'email' ? { email: id.value } : { username: id.value },
    );
    await admit(id.value, account?.id ?? null, method, context);
    const ok = account?.password_hash
      ? await verifyPassword(password, account.password_hash)
      : await verifyAgainstDummy(password);
    const reason: FailureReason | null = !account
      ? 'unknown_user'
      : !account.password_hash
        ? 'no_password'
        : !ok
          ? 'bad_password'
          : !account.is_active
            ? 'inactive'
            : null;
    if (reason) {
      await fail(context, id.value, account?.id ?? null, method, reason);
      throw new AppError('INVALID_CREDENTIALS');
    }
    return { account: account as AccountRecord, identifier: id.value };
  }

  async function succeed(
    account: AccountRecord,
    identifier: string,
    method: LoginMethod,
    context: RequestContext,
  ) {
    const now = clock();
    await throttle.clear(accountKey(identifier, account.id));
    await throttle.refund(`ip:${context.ip}`);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ last_login_at: now.toISOString() })
        .where('id', '=', account.id)
        .execute();
      await recordLoginEvent(trx, {
        userId: account.id,
        usernameTried: identifier,
        method,
        failure: null,
        context,
        now,
      });
      await audit.record(
        trx,
        { actor: account, ip: context.ip, requestId: context.requestId },
        {
          action: 'auth.login',
          target: { type: 'user', id: account.id, label: account.username },
          changes: { method: { before: null, after: method } },
        },
      );
    });
  }

  async function openSession(account: AccountRecord, context: RequestContext): Promise<SessionIssued> {
    const now = clock();
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + sessionMaxHours * 3_600_000);
    await credentials.createSession({
      tokenHash: sha256Hex(token),
      userId: account.id,
      csrfToken,
      ip: context.ip,
      userAgent: context.userAgent,
      now,
      expiresAt,
    });
    return { token, csrfToken, expiresAt, userId: account.id };
  }

  async function checkOtp(
    account: AccountRecord,
    identifier: string,
    method: LoginMethod,
    context: RequestContext,
    code: { otp?: string; recovery_code?: string },
  ) {
    if (await mfa.verifyLoginCode(account, code)) return;
    await fail(context, identifier, account.id, method, 'bad_otp');
    throw new AppError('INVALID_OTP');
  }

  return {
    async login(
      input: { username: string; password: string; otp?: string },
      context: RequestContext,
    ): Promise<LoginOutcome> {
      const { account, identifier } = await checkPassword(input.username, input.password, 'session', context);
      if (account.is_mfa_enabled) {
        if (input.otp === undefined) {
          const expires = new Date(clock().getTime() + MFA_STEP_MINUTES * 60_000);
          return {
            status: 'mfa_required',
            mfaToken: signToken(secretKey, 'login-mfa', `${account.id}:${identifier}`, expires),
          };
        }
        await checkOtp(account, identifier, 'session', context, { otp: input.otp });
      }
      await succeed(account, identifier, 'session', context);
      return { status: 'authenticated', session: await openSession(account, context) };
    },

    async loginMfa(
      input: { mfa_token: string; otp?: string; recovery_code?: string },
      context: RequestContext,
    ): Promise<SessionIssued> {
      const payload = verifySignedToken(secretKey, 'login-mfa', input.mfa_token, clock());
      const [userId, identifier] = payload?.split(/:(.*)/s) ?? [];
      const account = userId ? await users.findAccount({ id: Number(userId) }) : undefined;
      if (!account || !identifier || !account.is_active || !account.is_mfa_enabled) {
        throw new AppError('INVALID_OTP', { detail: 'This sign-in step has expired: start again' });
      }
      await admit(identifier, account.id, 'mfa', context);
      await checkOtp(account, identifier, 'mfa', context, input);
      await succeed(account, identifier, 'mfa', context);
      return openSession(account, context);
    },

    /** The spec's token authentication: username + password (+ code) → an API token, listed with the personal ones. */
    async issueToken(input: { username: string; password: string; otp?: string }, context: RequestContext) {
      const { account, identifier } = await checkPassword(input.username, input.password, 'token', context);
      if (account.is_mfa_enabled) {
        if (input.otp === undefined) {
          await fail(context, identifier, account.id, 'token', 'mfa_missing');
          throw new AppError('MFA_REQUIRED', {
            detail: 'Add the "otp" field: this account uses two-factor authentication',
          });
        }
        await checkOtp(account, identifier, 'token', context, { otp: input.otp });
      }
      await succeed(account, identifier, 'token', context);
      const now = clock();
      const token = `itsm_${randomToken(32)}`;
      const expiresAt = new Date(now.getTime() + LOGIN_TOKEN_DAYS * 86_400_000).toISOString();
      await credentials.createToken({
        userId: account.id,
        name: `API login ${now.toISOString().slice(0, 10)}`,
        kind: 'login',
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, 12),
        expiresAt,
        now,
      });
      return { token, expires_at: expiresAt };
    },

    async logout(userId: number, sessionId: number | null): Promise<void> {
      if (sessionId !== null) await credentials.deleteSession(userId, sessionId);
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
