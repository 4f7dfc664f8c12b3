import type { Me, ProfileUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../platform/auth/actor.js';
import type { CredentialsRepository } from '../../platform/auth/credentials.repository.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import type { Throttle } from '../../platform/auth/throttle.js';
import { ACCOUNT_LIMITS, IP_LIMITS } from '../../platform/auth/throttle-policy.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../platform/errors/app-error.js';
import type { Mailer } from '../../platform/mail/index.js';
import { normalizeEmail, parseLoginIdentifier } from '../users/username.js';
import { type AccountRecord, createUserRepository } from '../users/users.repository.js';
import type { UserService } from '../users/users.service.js';
import { passwordResetMail } from './account-mails.js';
import { consumeOneTimeToken, issueOneTimeToken } from './one-time-tokens.js';

type Deps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  credentials: CredentialsRepository;
  throttle: Throttle;
  users: Pick<UserService, 'get'>;
  mailer: Pick<Mailer, 'enqueue'>;
  sendMailSoon: () => void;
  sessionIdleMinutes: number;
};

/** What a signed-in user does to his own account: profile, password, sessions. And the password-reset flow. */
export function createAccountService({
  db,
  clock,
  audit,
  credentials,
  throttle,
  users,
  mailer,
  sendMailSoon,
  sessionIdleMinutes,
}: Deps) {
  const repo = createUserRepository(db);

  async function account(actor: Actor): Promise<AccountRecord> {
    const row = await repo.findAccount({ id: actor.id });
    if (!row) throw new AppError('UNAUTHENTICATED');
    return row;
  }

  function policy(password: string, row: AccountRecord, field: string) {
    const problem = checkPasswordPolicy(password, {
      username: row.username,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
    });
    if (problem) throw fieldError('body', field, problem.message, problem.code);
  }

  async function me(actor: Actor): Promise<Me> {
    return {
      ...(await users.get(actor, actor.id)),
      requirement: actor.requirement,
      csrf_token: actor.csrfToken,
    };
  }

  return {
    me,

    async updateProfile(actor: Actor, input: ProfileUpdate, request: RequestContext): Promise<Me> {
      const row = await account(actor);
      const email = input.email === undefined ? undefined : normalizeEmail(input.email);
      if (email !== undefined && email !== row.email) {
        // Changing the address that receives reset links is a takeover path: prove it is you.
        if (!input.current_password)
          throw fieldError(
            'body',
            'current_password',
            'Type your password to change your e-mail',
            'required',
          );
        if (!row.password_hash || !(await verifyPassword(input.current_password, row.password_hash))) {
          throw fieldError('body', 'current_password', 'Wrong password', 'wrong_password');
        }
      }
      const patch = definedOnly({
        first_name: input.first_name,
        last_name: input.last_name,
        phone: input.phone === undefined ? undefined : (input.phone ?? null),
        locale: input.locale,
        email,
      });
      const changes = changesOf(row, patch);
      if (changes) {
        try {
          await db.transaction().execute(async (trx) => {
            await trx
              .updateTable('users')
              .set({ ...patch, updated_at: clock().toISOString() })
              .where('id', '=', actor.id)
              .execute();
            await audit.record(trx, auditContext(actor, request), {
              action: changes.email ? 'user.email_changed' : 'user.profile_updated',
              target: { type: 'user', id: actor.id, label: actor.username },
              changes,
            });
          });
        } catch (error) {
          if (isUniqueViolation(error))
            throw conflictError('EMAIL_TAKEN', 'email', 'Another account uses this e-mail address');
          throw error;
        }
      }
      return me(actor);
    },

    /** Ends the user's other sessions; the current one stays, and the requirement to change it is met. */
    async changePassword(
      actor: Actor,
      input: { current_password: string; new_password: string },
      request: RequestContext,
    ) {
      const row = await account(actor);
      if (!row.password_hash || !(await verifyPassword(input.current_password, row.password_hash))) {
        throw fieldError('body', 'current_password', 'Wrong password', 'wrong_password');
      }
      if (input.new_password === input.current_password) {
        throw fieldError(
          'body',
          'new_password',
          'Choose a password different from the current one',
          'unchanged',
        );
      }
      policy(input.new_password, row, 'new_password');
      const hash = await hashPassword(input.new_password);
      await db.transaction().execute(async (trx) => {
        await repo.setPassword(trx, row.id, { hash, mustChange: false, now: clock() });
        await credentials.deleteUserSessions(row.id, trx, actor.sessionId);
        await audit.record(trx, auditContext(actor, request), {
          action: 'user.password_changed',
          target: { type: 'user', id: row.id, label: row.username },
        });
      });
    },

    /** Always the same answer: whether the account exists is never revealed. */
    async requestPasswordReset(login: string, request: RequestContext): Promise<void> {
      const id = parseLoginIdentifier(login);
      // Per address and per identifier typed (known or not, alike): no mail bombing, no enumeration.
      for (const [key, limits] of [
        [`reset-ip:${request.ip}`, IP_LIMITS],
        [`reset:${id.value}`, ACCOUNT_LIMITS],
      ] as const) {
        const decision = await throttle.attempt(key, limits, clock());
        if (!decision.allowed) {
          throw new AppError('TOO_MANY_ATTEMPTS', {
            extensions: { retry_after: decision.retryAfterSeconds },
          });
        }
      }
      const row = await repo.findAccount(id.kind === 'email' ? { email: id.value } : { username: id.value });
      if (!row?.is_active) return;
      await inTransaction(db, async (trx, afterCommit) => {
        const token = await issueOneTimeToken(trx, row.id, 'password_reset', clock());
        await mailer.enqueue(
          trx,
          passwordResetMail(row, `${request.baseUrl}/reset-password?token=${encodeURIComponent(token)}`),
        );
        await audit.record(
          trx,
          { actor: null, ip: request.ip, requestId: request.requestId },
          {
            action: 'user.password_reset_requested',
            target: { type: 'user', id: row.id, label: row.username },
          },
        );
        afterCommit(sendMailSoon);
      });
    },

    /** Consumes the link (reset or invitation), sets the password, ends every session and token. */
    async confirmPasswordReset(
      input: { token: string; new_password: string },
      request: RequestContext,
    ): Promise<void> {
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const used = await consumeOneTimeToken(trx, input.token, now);
        const row = used ? await repo.findAccount({ id: used.userId }, trx) : undefined;
        if (!used || !row?.is_active) throw new AppError('INVALID_RESET_TOKEN');
        policy(input.new_password, row, 'new_password');
        await repo.setPassword(trx, row.id, {
          hash: await hashPassword(input.new_password),
          mustChange: false,
          now,
        });
        await credentials.deleteUserSessions(row.id, trx);
        if (used.purpose === 'password_reset') await credentials.deleteUserTokens(row.id, trx);
        await audit.record(
          trx,
          { actor: null, ip: request.ip, requestId: request.requestId },
          {
            action:
              used.purpose === 'invitation' ? 'user.invitation_accepted' : 'user.password_reset_completed',
            target: { type: 'user', id: row.id, label: row.username },
          },
        );
      });
    },

    async sessions(actor: Actor) {
      const now = clock();
      const rows = await credentials.listSessions(
        actor.id,
        now,
        new Date(now.getTime() - sessionIdleMinutes * 60_000),
      );
      return rows.map((s) => ({ ...s, current: s.id === actor.sessionId }));
    },

    async endSession(actor: Actor, id: number): Promise<void> {
      if (!(await credentials.deleteSession(actor.id, id))) throw new AppError('SESSION_NOT_FOUND');
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
