import type { Kysely } from 'kysely';
import type { ApiTokenKind, DB } from '../../db/types.js';

type Executor = Kysely<DB>;

const ACCOUNT_COLUMNS = [
  'users.username',
  'users.role',
  'users.structure_id',
  'users.site_id',
  'users.must_change_password',
  'users.is_mfa_enabled',
] as const;

/** Sessions and API tokens: stored by hash, looked up with the (active) account they belong to. */
export function createCredentialsRepository(db: Executor) {
  return {
    findSession(tokenHash: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.csrf_token',
          'sessions.last_seen_at',
          'sessions.expires_at',
          ...ACCOUNT_COLUMNS,
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .where('users.is_active', '=', true)
        .executeTakeFirst();
    },

    async createSession(
      values: {
        tokenHash: string;
        userId: number;
        csrfToken: string;
        ip: string | null;
        userAgent: string | null;
        now: Date;
        expiresAt: Date;
      },
      trx: Executor = db,
    ) {
      const now = values.now.toISOString();
      const row = await trx
        .insertInto('sessions')
        .values({
          token_hash: values.tokenHash,
          user_id: values.userId,
          csrf_token: values.csrfToken,
          ip: values.ip,
          user_agent: values.userAgent,
          created_at: now,
          last_seen_at: now,
          expires_at: values.expiresAt.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async touchSession(id: number, now: Date) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },

    /** Sessions still usable: neither past their absolute expiry nor idle since before `idleSince`. */
    listSessions(userId: number, now: Date, idleSince: Date) {
      return db
        .selectFrom('sessions')
        .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
        .where('user_id', '=', userId)
        .where('expires_at', '>', now.toISOString())
        .where('last_seen_at', '>=', idleSince.toISOString())
        .orderBy('last_seen_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    async deleteSession(userId: number, id: number, trx: Executor = db): Promise<boolean> {
      const result = await trx
        .deleteFrom('sessions')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Ends every session of a user, except `keep` (the caller's own, after a password change). */
    async deleteUserSessions(
      userId: number,
      trx: Executor = db,
      keep: number | null = null,
    ): Promise<number> {
      let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
      if (keep !== null) query = query.where('id', '<>', keep);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Drops what can no longer be used: ended sessions, expired tokens and links, forgotten counters. */
    async purgeExpired(now: Date) {
      const iso = now.toISOString();
      const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
      await db.deleteFrom('sessions').where('expires_at', '<', iso).execute();
      await db.deleteFrom('api_tokens').where('expires_at', '<', dayAgo).execute();
      await db.deleteFrom('one_time_tokens').where('expires_at', '<', dayAgo).execute();
      await db.deleteFrom('auth_throttle').where('updated_at', '<', dayAgo).execute();
    },

    findToken(tokenHash: string) {
      return db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.user_id',
          'api_tokens.expires_at',
          'api_tokens.last_used_at',
          ...ACCOUNT_COLUMNS,
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('users.is_active', '=', true)
        .executeTakeFirst();
    },

    async touchToken(id: number, now: Date, ip: string) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now.toISOString(), last_used_ip: ip })
        .where('id', '=', id)
        .execute();
    },

    async createToken(
      values: {
        userId: number;
        name: string;
        kind: ApiTokenKind;
        tokenHash: string;
        prefix: string;
        expiresAt: string | null;
        now: Date;
      },
      trx: Executor = db,
    ) {
      return trx
        .insertInto('api_tokens')
        .values({
          user_id: values.userId,
          name: values.name,
          kind: values.kind,
          token_hash: values.tokenHash,
          token_prefix: values.prefix,
          expires_at: values.expiresAt,
          created_at: values.now.toISOString(),
        })
        .returning([
          'id',
          'user_id',
          'name',
          'kind',
          'token_prefix',
          'expires_at',
          'last_used_at',
          'created_at',
        ])
        .executeTakeFirstOrThrow();
    },

    async deleteUserTokens(userId: number, trx: Executor = db): Promise<number> {
      const result = await trx.deleteFrom('api_tokens').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** The ids of a structure and all its descendants. */
    async structureSubtree(structureId: number): Promise<number[]> {
      const rows = await db
        .withRecursive('subtree(id)', (q) =>
          q
            .selectFrom('structures')
            .select('id')
            .where('id', '=', structureId)
            .unionAll((r) =>
              r
                .selectFrom('structures')
                .innerJoin('subtree', 'subtree.id', 'structures.parent_id')
                .select('structures.id'),
            ),
        )
        .selectFrom('subtree')
        .select('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
export type AccountRow = NonNullable<Awaited<ReturnType<CredentialsRepository['findSession']>>>;
