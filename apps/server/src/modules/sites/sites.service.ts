import type { Site, SiteCreate, SiteUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { type DialectHelpers, isForeignKeyViolation, isUniqueViolation } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import { canManageSites, scopeSites } from './sites.policy.js';

export const siteList = defineList({
  filters: { structure: { type: 'int', column: 'sites.structure_id' } },
  search: ['sites.name', 'sites.address'],
  ordering: { name: 'sites.name', created_at: 'sites.created_at', id: 'sites.id' },
  defaultOrdering: 'name',
  tiebreaker: 'sites.id',
});

const COLUMNS = [
  'sites.id',
  'sites.name',
  'sites.address',
  'sites.structure_id as structure',
  'sites.created_at',
  'sites.updated_at',
] as const;

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

export function createSiteService({ db, dialect, clock, audit }: Deps) {
  const visible = (actor: Actor) => scopeSites(actor, db.selectFrom('sites').select(COLUMNS));

  async function get(actor: Actor, id: number): Promise<Site> {
    const row = await visible(actor).where('sites.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('SITE_NOT_FOUND');
    return row;
  }

  function translate(error: unknown): never {
    if (isUniqueViolation(error))
      throw conflictError('NAME_TAKEN', 'name', 'This structure already has a site with this name');
    if (isForeignKeyViolation(error)) throw fieldError('body', 'structure', 'No such structure');
    throw error;
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      return paginate(visible(actor), siteList, params, dialect, links);
    },

    async create(actor: Actor, input: SiteCreate, request: RequestContext): Promise<Site> {
      assertAllowed(canManageSites(actor));
      const now = clock().toISOString();
      const id = await audit
        .write(
          db,
          auditContext(actor, request),
          async (trx) => {
            const row = await trx
              .insertInto('sites')
              .values({
                name: input.name,
                address: input.address ?? null,
                structure_id: input.structure,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            return row.id;
          },
          (created) => ({ action: 'site.created', target: { type: 'site', id: created, label: input.name } }),
        )
        .catch(translate);
      return get(actor, id);
    },

    async update(actor: Actor, id: number, input: SiteUpdate, request: RequestContext): Promise<Site> {
      const before = await get(actor, id);
      assertAllowed(canManageSites(actor));
      const patch = definedOnly({
        name: input.name,
        address: input.address === undefined ? undefined : (input.address ?? null),
        structure: input.structure,
      });
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { structure, ...columns } = patch;
      await audit
        .write(
          db,
          auditContext(actor, request),
          (trx) =>
            trx
              .updateTable('sites')
              .set({
                ...columns,
                ...(structure !== undefined && { structure_id: structure }),
                updated_at: clock().toISOString(),
              })
              .where('id', '=', id)
              .execute(),
          () => ({ action: 'site.updated', target: { type: 'site', id, label: before.name }, changes }),
        )
        .catch(translate);
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAllowed(canManageSites(actor));
      await audit
        .write(
          db,
          auditContext(actor, request),
          (trx) => trx.deleteFrom('sites').where('id', '=', id).execute(),
          () => ({
            action: 'site.deleted',
            target: { type: 'site', id, label: before.name },
            changes: changesOf(before, { name: null, structure: null }),
          }),
        )
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error))
            throw new AppError('IN_USE', { detail: 'Users are still attached to this site' });
          throw error;
        });
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
