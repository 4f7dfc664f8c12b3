import type { KbCategory, KbCategoryCreate, KbCategoryUpdate } from '@itsm/contracts';
import { KbCategoryCreateSchema } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../platform/errors/app-error.js';
import { canManageKbCategories, readerOf, scopeArticles } from './knowledge.policy.js';

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog };

/** The knowledge categories: a tree every reader sees, which administrators arrange. */
export function createKbCategoryService({ db, clock, audit }: Deps) {
  async function all(actor: Actor): Promise<KbCategory[]> {
    // Counts the published articles the reader may read.
    const counted = scopeArticles(
      await readerOf(db, actor),
      db.selectFrom('kb_articles').select(['kb_articles.category_id', sql<number>`count(*)`.as('n')]),
    )
      .where('kb_articles.status', '=', 'published')
      .groupBy('kb_articles.category_id');
    const [categories, counts] = await Promise.all([
      db.selectFrom('kb_categories').selectAll().orderBy('position').orderBy('name').execute(),
      counted.execute(),
    ]);
    const countOf = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
    return categories.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      parent: c.parent_id,
      position: c.position,
      article_count: countOf.get(c.id) ?? 0,
      created_at: c.created_at,
      updated_at: c.updated_at,
    }));
  }

  async function get(actor: Actor, id: number): Promise<KbCategory> {
    const found = (await all(actor)).find((c) => c.id === id);
    if (!found) throw new AppError('KB_CATEGORY_NOT_FOUND');
    return found;
  }

  /** The parent must exist and must not be the category itself or one of its descendants. */
  async function checkParent(id: number | null, parent: number | null | undefined) {
    if (parent === null || parent === undefined) return;
    const tree = await db.selectFrom('kb_categories').select(['id', 'parent_id']).execute();
    const parentOf = new Map(tree.map((c) => [c.id, c.parent_id]));
    if (!parentOf.has(parent)) throw fieldError('body', 'parent', `No such category: ${parent}`, 'not_found');
    for (let at: number | null = parent; at !== null; at = parentOf.get(at) ?? null)
      if (at === id) throw fieldError('body', 'parent', 'A category cannot be placed under itself');
  }

  return {
    list: all,
    get,

    async create(actor: Actor, raw: KbCategoryCreate, request: RequestContext): Promise<KbCategory> {
      assertAllowed(canManageKbCategories(actor), 'Only administrators arrange the knowledge categories');
      const input = KbCategoryCreateSchema.parse(raw);
      await checkParent(null, input.parent);
      const at = clock().toISOString();
      const id = await audit.write(
        db,
        auditContext(actor, request),
        async (trx) =>
          (
            await trx
              .insertInto('kb_categories')
              .values({
                name: input.name,
                description: input.description ?? null,
                parent_id: input.parent ?? null,
                position: input.position,
                created_at: at,
                updated_at: at,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        (created) => ({
          action: 'kb_category.created',
          target: { type: 'kb_category', id: created, label: input.name },
        }),
      );
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: KbCategoryUpdate,
      request: RequestContext,
    ): Promise<KbCategory> {
      assertAllowed(canManageKbCategories(actor), 'Only administrators arrange the knowledge categories');
      const before = await get(actor, id);
      const sent = definedOnly(input);
      await checkParent(id, sent.parent);
      const changes = changesOf(before, sent);
      if (!changes) return before;
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) =>
          trx
            .updateTable('kb_categories')
            .set({
              ...(sent.name !== undefined && { name: sent.name }),
              ...(sent.description !== undefined && { description: sent.description }),
              ...(sent.parent !== undefined && { parent_id: sent.parent }),
              ...(sent.position !== undefined && { position: sent.position }),
              updated_at: clock().toISOString(),
            })
            .where('id', '=', id)
            .execute(),
        () => ({
          action: 'kb_category.updated',
          target: { type: 'kb_category', id, label: before.name },
          changes,
        }),
      );
      return get(actor, id);
    },

    /** A category with sub-categories cannot go; its articles become uncategorised. */
    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      assertAllowed(canManageKbCategories(actor), 'Only administrators arrange the knowledge categories');
      const before = await get(actor, id);
      const child = await db
        .selectFrom('kb_categories')
        .select('id')
        .where('parent_id', '=', id)
        .executeTakeFirst();
      if (child) throw conflictError('IN_USE', 'parent', 'Move or delete its sub-categories first');
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => trx.deleteFrom('kb_categories').where('id', '=', id).execute(),
        () => ({ action: 'kb_category.deleted', target: { type: 'kb_category', id, label: before.name } }),
      );
    },
  };
}

export type KbCategoryService = ReturnType<typeof createKbCategoryService>;
