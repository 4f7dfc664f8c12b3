import type { ApiToken } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext } from '../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../platform/auth/actor.js';
import type { CredentialsRepository } from '../../platform/auth/credentials.repository.js';
import type { Clock } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';

export const tokenList = defineList({
  filters: {
    user: { type: 'int', column: 'api_tokens.user_id' },
    kind: { type: 'enum', column: 'api_tokens.kind', values: ['personal', 'login'] },
  },
  search: ['api_tokens.name'],
  ordering: {
    created_at: 'api_tokens.created_at',
    name: 'api_tokens.name',
    last_used_at: 'api_tokens.last_used_at',
  },
  nullable: ['last_used_at'],
  defaultOrdering: '-created_at',
  tiebreaker: 'api_tokens.id',
});

type Deps = {
  db: Kysely<DB>;
  dialect: DialectHelpers;
  clock: Clock;
  audit: AuditLog;
  credentials: CredentialsRepository;
};

/** Personal access tokens: shown once, stored hashed; each user manages his own, an admin anyone's. */
export function createApiTokenService({ db, dialect, clock, audit, credentials }: Deps) {
  const visible = (actor: Actor) => {
    const query = db
      .selectFrom('api_tokens')
      .select([
        'api_tokens.id',
        'api_tokens.user_id as user',
        'api_tokens.name',
        'api_tokens.kind',
        'api_tokens.token_prefix',
        'api_tokens.expires_at',
        'api_tokens.last_used_at',
        'api_tokens.created_at',
      ]);
    return actor.role === 'admin' ? query : query.where('api_tokens.user_id', '=', actor.id);
  };

  return {
    list(actor: Actor, params: ListParams, links: PageLinks) {
      return paginate(visible(actor), tokenList, params, dialect, links);
    },

    async create(actor: Actor, input: { name: string; expires_at?: string | null }, request: RequestContext) {
      const now = clock();
      const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
      if (expiresAt && expiresAt <= now)
        throw fieldError('body', 'expires_at', 'Choose a date in the future', 'past');
      const token = `itsm_${randomToken(32)}`;
      return db.transaction().execute(async (trx) => {
        const row = await credentials.createToken(
          {
            userId: actor.id,
            name: input.name,
            kind: 'personal',
            tokenHash: sha256Hex(token),
            prefix: token.slice(0, 12),
            expiresAt: expiresAt?.toISOString() ?? null,
            now,
          },
          trx,
        );
        await audit.record(trx, auditContext(actor, request), {
          action: 'token.created',
          target: { type: 'api_token', id: row.id, label: input.name },
          changes: { expires_at: { before: null, after: row.expires_at } },
        });
        const { user_id, ...rest } = row;
        return { ...rest, user: user_id, token } satisfies ApiToken & { token: string };
      });
    },

    async revoke(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const row = await visible(actor).where('api_tokens.id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('TOKEN_NOT_FOUND');
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => trx.deleteFrom('api_tokens').where('id', '=', id).execute(),
        () => ({
          action: 'token.revoked',
          target: { type: 'api_token', id, label: row.name },
          changes: { user: { before: row.user, after: null } },
        }),
      );
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
