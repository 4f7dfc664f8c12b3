import type { Structure, StructureCreate, StructureNode, StructureUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { type DialectHelpers, isForeignKeyViolation, isUniqueViolation } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import { buildTree, wouldCreateCycle } from './structure-tree.js';
import { canManageStructures, scopeStructures } from './structures.policy.js';
import { createStructureRepository } from './structures.repository.js';

export const structureList = defineList({
  filters: {
    parent: { type: 'int', column: 'structures.parent_id' },
    code: { type: 'string', column: 'structures.code' },
  },
  search: ['structures.name', 'structures.code'],
  ordering: {
    name: 'structures.name',
    code: 'structures.code',
    created_at: 'structures.created_at',
    id: 'structures.id',
  },
  defaultOrdering: 'name',
  tiebreaker: 'structures.id',
});

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

export function createStructureService({ db, dialect, clock, audit }: Deps) {
  const repo = createStructureRepository(db);
  const visible = (actor: Actor) => scopeStructures(actor, repo.select());

  async function get(actor: Actor, id: number): Promise<Structure> {
    const row = await visible(actor).where('structures.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('STRUCTURE_NOT_FOUND');
    return row;
  }

  async function checkParent(id: number | null, parent: number | null | undefined) {
    if (parent === null || parent === undefined) return;
    const parents = await repo.parentMap();
    if (!parents.has(parent)) throw fieldError('body', 'parent', 'No such structure');
    if (id !== null && wouldCreateCycle(id, parent, parents)) {
      throw fieldError(
        'body',
        'parent',
        'A structure cannot be placed under itself or one of its sub-structures',
        'cycle',
      );
    }
  }

  function translate(error: unknown): never {
    if (isUniqueViolation(error))
      throw conflictError('CODE_TAKEN', 'code', 'Another structure already has this code');
    throw error;
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      return paginate(visible(actor), structureList, params, dialect, links);
    },

    async tree(actor: Actor): Promise<StructureNode[]> {
      const rows = await visible(actor).execute();
      return buildTree(rows);
    },

    async create(actor: Actor, input: StructureCreate, request: RequestContext): Promise<Structure> {
      assertAllowed(canManageStructures(actor));
      await checkParent(null, input.parent);
      const now = clock().toISOString();
      const id = await audit
        .write(
          db,
          auditContext(actor, request),
          async (trx) => {
            const row = await trx
              .insertInto('structures')
              .values({
                name: input.name,
                code: input.code.toUpperCase(),
                description: input.description ?? null,
                parent_id: input.parent ?? null,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            return row.id;
          },
          (created) => ({
            action: 'structure.created',
            target: { type: 'structure', id: created, label: input.name },
          }),
        )
        .catch(translate);
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: StructureUpdate,
      request: RequestContext,
    ): Promise<Structure> {
      const before = await get(actor, id);
      assertAllowed(canManageStructures(actor));
      await checkParent(id, input.parent);
      const patch = definedOnly({
        name: input.name,
        code: input.code?.toUpperCase(),
        description: input.description === undefined ? undefined : (input.description ?? null),
        parent: input.parent === undefined ? undefined : (input.parent ?? null),
      });
      const changes = changesOf(before, patch);
      const { parent, ...columns } = patch;
      const values = { ...columns, ...(parent !== undefined && { parent_id: parent }) };
      if (!changes) return before;
      await audit
        .write(
          db,
          auditContext(actor, request),
          (trx) =>
            trx
              .updateTable('structures')
              .set({ ...values, updated_at: clock().toISOString() })
              .where('id', '=', id)
              .execute(),
          () => ({
            action: 'structure.updated',
            target: { type: 'structure', id, label: before.name },
            changes,
          }),
        )
        .catch(translate);
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAllowed(canManageStructures(actor));
      const usage = await repo.usage(id);
      const used = Object.entries(usage).filter(([, n]) => n > 0);
      if (used.length > 0) {
        throw new AppError('IN_USE', {
          detail: `This structure still has ${used.map(([what, n]) => `${n} ${what}`).join(', ')}`,
          extensions: { usage },
        });
      }
      await audit
        .write(
          db,
          auditContext(actor, request),
          (trx) => trx.deleteFrom('structures').where('id', '=', id).execute(),
          () => ({
            action: 'structure.deleted',
            target: { type: 'structure', id, label: before.name },
            changes: changesOf(before, { name: null, code: null, parent: null }),
          }),
        )
        .catch((error: unknown) => {
          // Something was attached to it between the check above and the delete.
          if (isForeignKeyViolation(error))
            throw new AppError('IN_USE', { detail: 'This structure is still in use' });
          throw error;
        });
    },
  };
}

export type StructureService = ReturnType<typeof createStructureService>;
