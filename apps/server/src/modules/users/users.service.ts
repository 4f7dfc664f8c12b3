import type { User, UserCreate, UserUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import {
  type DialectHelpers,
  isForeignKeyViolation,
  isUniqueViolation,
  violatedConstraint,
} from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { CredentialsRepository } from '../../platform/auth/credentials.repository.js';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/password.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import type { Mailer } from '../../platform/mail/index.js';
import { invitationMail, passwordResetMail } from '../auth/account-mails.js';
import { issueOneTimeToken } from '../auth/one-time-tokens.js';
import { normalizeEmail, normalizeUsername, suggestUsername } from './username.js';
import { canManageUsers, scopeUsers } from './users.policy.js';
import { createUserRepository } from './users.repository.js';

export const userList = defineList({
  filters: {
    role: { type: 'enum', column: 'users.role', values: ['admin', 'technician', 'user'] },
    structure: { type: 'int', column: 'users.structure_id' },
    site: { type: 'int', column: 'users.site_id' },
    manager: { type: 'int', column: 'users.manager_id' },
    is_active: { type: 'boolean', column: 'users.is_active' },
    is_mfa_enabled: { type: 'boolean', column: 'users.is_mfa_enabled' },
    last_login_at: { type: 'datetime', column: 'users.last_login_at' },
  },
  search: ['users.username', 'users.first_name', 'users.last_name', 'users.email'],
  ordering: {
    username: 'users.username',
    last_name: 'users.last_name',
    first_name: 'users.first_name',
    email: 'users.email',
    role: 'users.role',
    created_at: 'users.created_at',
    last_login_at: 'users.last_login_at',
    id: 'users.id',
  },
  nullable: ['last_login_at'],
  defaultOrdering: 'last_name',
  tiebreaker: 'users.id',
});

type Deps = {
  db: Kysely<DB>;
  dialect: DialectHelpers;
  clock: Clock;
  audit: AuditLog;
  credentials: Pick<CredentialsRepository, 'deleteUserSessions' | 'deleteUserTokens'>;
  mailer: Pick<Mailer, 'enqueue'>;
  /** Asks the mail job to run now rather than at its next tick. */
  sendMailSoon: () => void;
};

const AUDITED_FIELDS = [
  'username',
  'email',
  'first_name',
  'last_name',
  'phone',
  'role',
  'structure',
  'site',
  'manager',
  'groups',
  'locale',
  'is_active',
] as const;

export function createUserService({ db, dialect, clock, audit, credentials, mailer, sendMailSoon }: Deps) {
  const repo = createUserRepository(db);
  const visible = (actor: Actor) => scopeUsers(actor, repo.select());

  async function withGroups<T extends { id: number; has_password: unknown }>(actor: Actor, rows: T[]) {
    const groups = await repo.groupsOf(
      actor,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, has_password: Boolean(r.has_password), groups: groups.get(r.id) ?? [] }));
  }

  async function get(actor: Actor, id: number): Promise<User> {
    const row = await visible(actor).where('users.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('USER_NOT_FOUND');
    const [user] = await withGroups(actor, [row]);
    return user as User;
  }

  /** References must exist; a technician needs a structure to work in. */
  async function checkReferences(
    input: Partial<UserCreate>,
    role: string,
    structure: number | null | undefined,
  ) {
    const checks: Array<['structures' | 'sites' | 'users' | 'groups', string, number[]]> = [
      ['structures', 'structure', input.structure ? [input.structure] : []],
      ['sites', 'site', input.site ? [input.site] : []],
      ['users', 'manager', input.manager ? [input.manager] : []],
      ['groups', 'groups', input.groups ?? []],
    ];
    for (const [table, field, ids] of checks) {
      const found = await repo.existing(table, ids);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0)
        throw fieldError('body', field, `Not found: ${missing.join(', ')}`, 'not_found');
    }
    if (role === 'technician' && (structure === null || structure === undefined)) {
      throw fieldError(
        'body',
        'structure',
        'A technician needs a structure: it is the scope of his work',
        'required',
      );
    }
  }

  function translate(error: unknown): never {
    if (isUniqueViolation(error)) {
      if (violatedConstraint(error).includes('email'))
        throw conflictError('EMAIL_TAKEN', 'email', 'Another account uses this e-mail address');
      throw conflictError('USERNAME_TAKEN', 'username', 'Another account has this username');
    }
    if (isForeignKeyViolation(error))
      throw new AppError('CONFLICT', { detail: 'A referenced object was deleted meanwhile' });
    throw error;
  }

  async function assertNotLastAdmin(userId: number) {
    if ((await repo.countActiveAdmins(userId)) === 0) throw new AppError('LAST_ADMIN');
  }

  function checkPassword(
    password: string,
    who: { username?: string; email?: string; first_name?: string; last_name?: string },
  ) {
    const problem = checkPasswordPolicy(password, {
      username: who.username,
      email: who.email,
      firstName: who.first_name,
      lastName: who.last_name,
    });
    if (problem) throw fieldError('body', 'password', problem.message, problem.code);
  }

  async function suggest(
    actor: Actor,
    input: { first_name: string; last_name: string; company?: string; structure?: number },
  ) {
    assertAllowed(canManageUsers(actor));
    const company =
      input.company ?? (input.structure ? await repo.rootCode(input.structure) : null) ?? 'itsm';
    try {
      return {
        username: await suggestUsername(input.first_name, input.last_name, company, repo.usernameTaken),
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw fieldError('query', 'last_name', (error as Error).message);
    }
  }

  return {
    get,

    async list(actor: Actor, params: ListParams, links: PageLinks) {
      const page = await paginate(visible(actor), userList, params, dialect, links);
      return { ...page, results: (await withGroups(actor, page.results)) as User[] };
    },

    suggestUsername: suggest,

    async create(actor: Actor, input: UserCreate, request: RequestContext): Promise<User> {
      assertAllowed(canManageUsers(actor));
      await checkReferences(input, input.role, input.structure);
      const email = normalizeEmail(input.email);
      let username: string;
      if (input.username) {
        const normalized = normalizeUsername(input.username);
        if (!normalized) throw fieldError('body', 'username', 'Expected @firstname.lastname.company');
        username = normalized;
      } else {
        username = (await suggest(actor, { ...input, structure: input.structure ?? undefined })).username;
      }
      if (input.password !== undefined && input.send_invitation) {
        throw fieldError(
          'body',
          'send_invitation',
          'Either set a password or send an invitation, not both',
          'conflict',
        );
      }
      if (input.password === undefined && !input.send_invitation) {
        throw fieldError('body', 'password', 'Set an initial password or send an invitation', 'required');
      }
      if (input.password !== undefined) checkPassword(input.password, { ...input, username, email });
      const hash = input.password === undefined ? null : await hashPassword(input.password);
      const now = clock();
      let id: number;
      try {
        id = await inTransaction(db, async (trx, afterCommit) => {
          const row = await trx
            .insertInto('users')
            .values({
              username,
              email,
              first_name: input.first_name,
              last_name: input.last_name,
              phone: input.phone ?? null,
              role: input.role,
              structure_id: input.structure ?? null,
              site_id: input.site ?? null,
              manager_id: input.manager ?? null,
              locale: input.locale ?? 'fr',
              is_active: input.is_active ?? true,
              password_hash: hash,
              must_change_password: input.must_change_password ?? false,
              password_changed_at: hash ? now.toISOString() : null,
              created_at: now.toISOString(),
              updated_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await repo.setGroups(trx, row.id, input.groups ?? [], now);
          if (input.send_invitation) {
            const token = await issueOneTimeToken(trx, row.id, 'invitation', now);
            const link = `${request.baseUrl}/reset-password?token=${encodeURIComponent(token)}&invitation=1`;
            await mailer.enqueue(
              trx,
              invitationMail(
                { email, username, first_name: input.first_name, locale: input.locale ?? 'fr' },
                link,
              ),
            );
            afterCommit(sendMailSoon);
          }
          await audit.record(trx, auditContext(actor, request), {
            action: 'user.created',
            target: { type: 'user', id: row.id, label: username },
            changes: {
              role: { before: null, after: input.role },
              structure: { before: null, after: input.structure ?? null },
            },
          });
          return row.id;
        });
      } catch (error) {
        translate(error);
      }
      return get(actor, id);
    },

    async update(actor: Actor, id: number, input: UserUpdate, request: RequestContext): Promise<User> {
      const before = await get(actor, id);
      assertAllowed(canManageUsers(actor));
      const role = input.role ?? before.role;
      const structure = input.structure === undefined ? before.structure : input.structure;
      await checkReferences(input, role, structure);
      if (input.manager === id) throw fieldError('body', 'manager', 'A user cannot be his own manager');
      let username: string | undefined;
      if (input.username !== undefined) {
        const normalized = normalizeUsername(input.username);
        if (!normalized) throw fieldError('body', 'username', 'Expected @firstname.lastname.company');
        username = normalized;
      }
      const patch = definedOnly({
        username,
        email: input.email === undefined ? undefined : normalizeEmail(input.email),
        first_name: input.first_name,
        last_name: input.last_name,
        phone: input.phone === undefined ? undefined : (input.phone ?? null),
        role: input.role,
        structure: input.structure === undefined ? undefined : (input.structure ?? null),
        site: input.site === undefined ? undefined : (input.site ?? null),
        manager: input.manager === undefined ? undefined : (input.manager ?? null),
        groups: input.groups === undefined ? undefined : [...new Set(input.groups)].sort((a, b) => a - b),
        locale: input.locale,
        is_active: input.is_active,
      });
      const changes = changesOf(before, patch, AUDITED_FIELDS);
      if (!changes) return before;
      const losesAdmin =
        before.role === 'admin' &&
        before.is_active &&
        ((patch.role !== undefined && patch.role !== 'admin') || patch.is_active === false);
      if (losesAdmin) await assertNotLastAdmin(id);
      const { structure: s, site, manager, groups, ...columns } = patch;
      const now = clock();
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('users')
            .set({
              ...columns,
              ...(s !== undefined && { structure_id: s }),
              ...(site !== undefined && { site_id: site }),
              ...(manager !== undefined && { manager_id: manager }),
              updated_at: now.toISOString(),
            })
            .where('id', '=', id)
            .execute();
          if (groups !== undefined) await repo.setGroups(trx, id, groups, now);
          if (patch.is_active === false) {
            await credentials.deleteUserSessions(id, trx);
            await credentials.deleteUserTokens(id, trx);
          }
          await audit.record(trx, auditContext(actor, request), {
            action: patch.is_active === false ? 'user.deactivated' : 'user.updated',
            target: { type: 'user', id, label: username ?? before.username },
            changes,
          });
        });
      } catch (error) {
        translate(error);
      }
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAllowed(canManageUsers(actor));
      if (id === actor.id) throw new AppError('CONFLICT', { detail: 'You cannot delete your own account' });
      if (before.role === 'admin' && before.is_active) await assertNotLastAdmin(id);
      try {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('users').where('id', '=', id).execute();
          await audit.record(trx, auditContext(actor, request), {
            action: 'user.deleted',
            target: { type: 'user', id, label: before.username },
            changes: changesOf(
              before,
              Object.fromEntries(AUDITED_FIELDS.map((f) => [f, null])),
              AUDITED_FIELDS,
            ),
          });
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new AppError('IN_USE', {
            detail: 'Other records still refer to this user: deactivate the account instead',
          });
        }
        throw error;
      }
    },

    /**
     * An administrator's reset: the old password stops working and every session and token of the
     * user ends. With a password: a temporary one, to be changed at next login. Without: a reset link by e-mail.
     */
    async resetPassword(
      actor: Actor,
      id: number,
      password: string | undefined,
      request: RequestContext,
    ): Promise<void> {
      const user = await get(actor, id);
      assertAllowed(canManageUsers(actor));
      if (password !== undefined) checkPassword(password, user);
      const hash = password === undefined ? null : await hashPassword(password);
      const now = clock();
      await inTransaction(db, async (trx, afterCommit) => {
        await repo.setPassword(trx, id, { hash, mustChange: hash !== null, now });
        await credentials.deleteUserSessions(id, trx);
        await credentials.deleteUserTokens(id, trx);
        if (hash === null) {
          const token = await issueOneTimeToken(trx, id, 'password_reset', now);
          await mailer.enqueue(
            trx,
            passwordResetMail(user, `${request.baseUrl}/reset-password?token=${encodeURIComponent(token)}`),
          );
          afterCommit(sendMailSoon);
        }
        await audit.record(trx, auditContext(actor, request), {
          action: 'user.password_reset',
          target: { type: 'user', id, label: user.username },
          changes: { method: { before: null, after: hash === null ? 'email' : 'temporary_password' } },
        });
      });
    },

    async endSessions(actor: Actor, id: number, request: RequestContext): Promise<number> {
      const user = await get(actor, id);
      assertAllowed(canManageUsers(actor));
      return audit.write(
        db,
        auditContext(actor, request),
        (trx) => credentials.deleteUserSessions(id, trx),
        (ended) => ({
          action: 'user.sessions_ended',
          target: { type: 'user', id, label: user.username },
          changes: { sessions: { before: ended, after: 0 } },
        }),
      );
    },

    async resetMfa(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const user = await get(actor, id);
      assertAllowed(canManageUsers(actor));
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => repo.turnOffMfa(trx, id, clock()),
        () => ({
          action: 'mfa.reset',
          target: { type: 'user', id, label: user.username },
          changes: { is_mfa_enabled: { before: user.is_mfa_enabled, after: false } },
        }),
      );
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
