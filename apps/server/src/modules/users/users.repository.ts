import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { scopeGroups } from '../groups/groups.policy.js';

/**
 * "First Last" of the user whose id is in `column`, as a scalar subquery: a list's count then reads
 * its own table alone, and only the rows of the page pay for the lookup.
 */
export const userNameOf = (column: string) =>
  sql<
    string | null
  >`(select u.first_name || ' ' || u.last_name from users as u where u.id = ${sql.ref(column)})`;

export const USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.email',
  'users.first_name',
  'users.last_name',
  'users.phone',
  'users.role',
  'users.structure_id as structure',
  'users.site_id as site',
  'users.manager_id as manager',
  'users.locale',
  'users.is_active',
  'users.is_mfa_enabled',
  'users.must_change_password',
  'users.last_login_at',
  'users.created_at',
  'users.updated_at',
] as const;

export function createUserRepository(db: Kysely<DB>) {
  return {
    select() {
      return db
        .selectFrom('users')
        .select(USER_COLUMNS)
        .select((eb) => eb('users.password_hash', 'is not', null).as('has_password'));
    },

    /** Group ids of each user among the groups the caller may see, in one query for a whole page. */
    async groupsOf(actor: Actor, userIds: readonly number[]): Promise<Map<number, number[]>> {
      const map = new Map<number, number[]>(userIds.map((id) => [id, []]));
      if (userIds.length === 0) return map;
      const rows = await scopeGroups(
        actor,
        db
          .selectFrom('groups')
          .innerJoin('group_members', 'group_members.group_id', 'groups.id')
          .select(['group_members.user_id', 'group_members.group_id'])
          .where('group_members.user_id', 'in', [...userIds]),
      )
        .orderBy('group_members.group_id')
        .execute();
      for (const row of rows) map.get(row.user_id)?.push(row.group_id);
      return map;
    },

    /** The account as authentication needs it (hash, MFA state); never leaves the server. */
    findAccount(where: { id: number } | { username: string } | { email: string }, executor: Kysely<DB> = db) {
      let query = executor.selectFrom('users').selectAll();
      if ('id' in where) query = query.where('id', '=', where.id);
      else if ('username' in where) query = query.where('username', '=', where.username);
      else query = query.where('email', '=', where.email);
      return query.executeTakeFirst();
    },

    async usernameTaken(username: string): Promise<boolean> {
      return (
        (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
        undefined
      );
    },

    async countActiveAdmins(except: number): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('is_active', '=', true)
        .where('id', '<>', except)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Code of the root of a structure's tree: the "company" part of suggested usernames. */
    async rootCode(structureId: number): Promise<string | null> {
      let current = await db
        .selectFrom('structures')
        .select(['id', 'code', 'parent_id'])
        .where('id', '=', structureId)
        .executeTakeFirst();
      for (let depth = 0; current?.parent_id != null && depth < 100; depth++) {
        current = await db
          .selectFrom('structures')
          .select(['id', 'code', 'parent_id'])
          .where('id', '=', current.parent_id)
          .executeTakeFirst();
      }
      return current?.code ?? null;
    },

    async setPassword(
      executor: Kysely<DB>,
      userId: number,
      values: { hash: string | null; mustChange: boolean; now: Date },
    ): Promise<void> {
      await executor
        .updateTable('users')
        .set({
          password_hash: values.hash,
          must_change_password: values.mustChange,
          password_changed_at: values.now.toISOString(),
          updated_at: values.now.toISOString(),
        })
        .where('id', '=', userId)
        .execute();
    },

    /** Two-factor authentication off: secrets and recovery codes gone. */
    async turnOffMfa(executor: Kysely<DB>, userId: number, now: Date): Promise<void> {
      await executor
        .updateTable('users')
        .set({
          is_mfa_enabled: false,
          mfa_secret: null,
          mfa_pending_secret: null,
          mfa_last_time_step: null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', userId)
        .execute();
      await executor.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    },

    async setGroups(
      executor: Kysely<DB>,
      userId: number,
      groupIds: readonly number[],
      now: Date,
    ): Promise<void> {
      await executor.deleteFrom('group_members').where('user_id', '=', userId).execute();
      if (groupIds.length === 0) return;
      await executor
        .insertInto('group_members')
        .values(
          [...new Set(groupIds)].map((group_id) => ({
            group_id,
            user_id: userId,
            created_at: now.toISOString(),
          })),
        )
        .execute();
    },

    async existing(
      table: 'structures' | 'sites' | 'users' | 'groups',
      ids: readonly number[],
    ): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom(table)
        .select('id')
        .where('id', 'in', [...ids])
        .execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
export type AccountRecord = NonNullable<Awaited<ReturnType<UserRepository['findAccount']>>>;

/** A 400 naming the field unless every id is a user's. */
export async function checkUsersExist(db: Kysely<DB>, ids: readonly number[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw fieldError('body', field, `No such user: ${missing.join(', ')}`);
}
