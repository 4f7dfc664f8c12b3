import type {
  EnrollmentKey,
  EnrollmentKeyCreate,
  EnrollmentKeyCreated,
  EnrollmentKeyUpdate,
  Page,
} from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import { checkReferences } from '../tickets/config/references.js';
import { canManageEnrollmentKeys } from './machines.policy.js';

export const enrollmentKeyList = defineList({
  filters: {
    structure: { type: 'int', column: 'enrollment_keys.structure_id', ops: ['eq'] },
    revoked: { type: 'boolean', column: 'enrollment_keys.revoked_at', ops: ['isnull'] },
  },
  search: ['enrollment_keys.name', 'enrollment_keys.key_hint'],
  ordering: {
    name: 'enrollment_keys.name',
    created_at: 'enrollment_keys.created_at',
    id: 'enrollment_keys.id',
  },
  defaultOrdering: '-created_at',
  tiebreaker: 'enrollment_keys.id',
});

const KEY_PREFIX = 'itsm_ek_';
const HINT_LENGTH = KEY_PREFIX.length + 4;

/** Whether a key may still enrol a machine at `now`. */
export function isUsable(
  key: { revoked_at: string | null; expires_at: string | null; max_uses: number | null; uses: number },
  now: Date,
): boolean {
  return (
    key.revoked_at === null &&
    (key.expires_at === null || Date.parse(key.expires_at) > now.getTime()) &&
    (key.max_uses === null || key.uses < key.max_uses)
  );
}

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

export function createEnrollmentKeyService({ db, dialect, clock, audit }: Deps) {
  const select = () =>
    db
      .selectFrom('enrollment_keys')
      .select([
        'enrollment_keys.id',
        'enrollment_keys.name',
        'enrollment_keys.key_hint',
        'enrollment_keys.structure_id',
        sql<string>`(select s.name from structures as s where s.id = enrollment_keys.structure_id)`.as(
          'structure_name',
        ),
        'enrollment_keys.site_id',
        sql<string | null>`(select s.name from sites as s where s.id = enrollment_keys.site_id)`.as(
          'site_name',
        ),
        'enrollment_keys.expires_at',
        'enrollment_keys.max_uses',
        'enrollment_keys.uses',
        'enrollment_keys.last_used_at',
        'enrollment_keys.revoked_at',
        'enrollment_keys.created_by_id',
        'enrollment_keys.created_at',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toKey = (row: Row): EnrollmentKey => ({
    id: row.id,
    name: row.name,
    key_hint: row.key_hint,
    structure: row.structure_id,
    structure_name: row.structure_name,
    site: row.site_id,
    site_name: row.site_name,
    expires_at: row.expires_at,
    max_uses: row.max_uses,
    uses: row.uses,
    last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
    is_usable: isUsable(row, clock()),
    created_by: row.created_by_id,
    created_at: row.created_at,
  });

  async function get(actor: Actor, id: number): Promise<EnrollmentKey> {
    assertAllowed(canManageEnrollmentKeys(actor), 'Only administrators manage enrollment keys');
    const row = await select().where('enrollment_keys.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('ENROLLMENT_KEY_NOT_FOUND');
    return toKey(row);
  }

  function checkExpiry(expiresAt: string | null | undefined) {
    if (expiresAt && Date.parse(expiresAt) <= clock().getTime())
      throw fieldError('body', 'expires_at', 'Must be in the future');
  }

  return {
    get,

    async list(actor: Actor, params: ListParams, links: PageLinks): Promise<Page<EnrollmentKey>> {
      assertAllowed(canManageEnrollmentKeys(actor), 'Only administrators manage enrollment keys');
      const page = await paginate(select(), enrollmentKeyList, params, dialect, links);
      return { ...page, results: page.results.map(toKey) };
    },

    async create(
      actor: Actor,
      input: EnrollmentKeyCreate,
      request: RequestContext,
    ): Promise<EnrollmentKeyCreated> {
      assertAllowed(canManageEnrollmentKeys(actor), 'Only administrators manage enrollment keys');
      await checkReferences(db, [
        ['structure', 'structures', input.structure],
        ['site', 'sites', input.site],
      ]);
      checkExpiry(input.expires_at);
      const key = `${KEY_PREFIX}${randomToken(24)}`;
      const now = clock().toISOString();
      const id = await audit.write(
        db,
        auditContext(actor, request),
        async (trx) =>
          (
            await trx
              .insertInto('enrollment_keys')
              .values({
                name: input.name,
                key_hash: sha256Hex(key),
                key_hint: key.slice(0, HINT_LENGTH),
                structure_id: input.structure,
                site_id: input.site ?? null,
                expires_at: input.expires_at ? new Date(input.expires_at).toISOString() : null,
                max_uses: input.max_uses ?? null,
                created_by_id: actor.id,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        (created) => ({
          action: 'enrollment_key.created',
          target: { type: 'enrollment_key', id: created, label: input.name },
        }),
      );
      return { ...(await get(actor, id)), key };
    },

    async update(
      actor: Actor,
      id: number,
      input: EnrollmentKeyUpdate,
      request: RequestContext,
    ): Promise<EnrollmentKey> {
      const before = await get(actor, id);
      const sent = definedOnly(input);
      await checkReferences(db, [['site', 'sites', sent.site]]);
      checkExpiry(sent.expires_at);
      const after = {
        ...sent,
        ...(sent.expires_at && { expires_at: new Date(sent.expires_at).toISOString() }),
      };
      const changes = changesOf(before, after);
      if (!changes) return before;
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) =>
          trx
            .updateTable('enrollment_keys')
            .set({
              ...(after.name !== undefined && { name: after.name }),
              ...(after.site !== undefined && { site_id: after.site }),
              ...(after.expires_at !== undefined && { expires_at: after.expires_at }),
              ...(after.max_uses !== undefined && { max_uses: after.max_uses }),
              updated_at: clock().toISOString(),
            })
            .where('id', '=', id)
            .execute(),
        () => ({
          action: 'enrollment_key.updated',
          target: { type: 'enrollment_key', id, label: before.name },
          changes,
        }),
      );
      return get(actor, id);
    },

    /** A revoked key enrols nothing more; machines it enrolled keep their own tokens. */
    async revoke(actor: Actor, id: number, request: RequestContext): Promise<EnrollmentKey> {
      const before = await get(actor, id);
      if (before.revoked_at !== null) return before;
      const now = clock().toISOString();
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) =>
          trx
            .updateTable('enrollment_keys')
            .set({ revoked_at: now, updated_at: now })
            .where('id', '=', id)
            .execute(),
        () => ({
          action: 'enrollment_key.revoked',
          target: { type: 'enrollment_key', id, label: before.name },
        }),
      );
      return get(actor, id);
    },
  };
}

export type EnrollmentKeyService = ReturnType<typeof createEnrollmentKeyService>;
