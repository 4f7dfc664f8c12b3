import {
  APPROVAL_KINDS,
  type Category,
  type CategoryCreate,
  type CategoryNode,
  type CategoryUpdate,
  type FieldError,
} from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { type DialectHelpers, isForeignKeyViolation } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError, conflictError } from '../../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../../platform/lists/index.js';
import { wouldCreateCycle } from '../../structures/structure-tree.js';
import { createAuditedWrites } from './audited-writes.js';
import { assertAdmin } from './config.policy.js';
import { inUseError, missingReferences, throwFieldErrors, usageOf } from './references.js';

export const categoryList = defineList({
  filters: {
    parent: { type: 'int', column: 'ticket_categories.parent_id', ops: ['eq', 'in', 'isnull'] },
    is_active: { type: 'boolean', column: 'ticket_categories.is_active', ops: ['eq'] },
    approval: {
      type: 'enum',
      values: APPROVAL_KINDS,
      column: 'ticket_categories.approval',
      ops: ['eq', 'in'],
    },
    sla: { type: 'int', column: 'ticket_categories.sla_id', ops: ['eq', 'isnull'] },
    default_group: { type: 'int', column: 'ticket_categories.default_group_id', ops: ['eq', 'isnull'] },
  },
  search: ['ticket_categories.name'],
  ordering: { name: 'ticket_categories.name', id: 'ticket_categories.id' },
  defaultOrdering: 'name',
  tiebreaker: 'ticket_categories.id',
});

const COLUMNS = [
  'ticket_categories.id',
  'ticket_categories.name',
  'ticket_categories.description',
  'ticket_categories.parent_id as parent',
  'ticket_categories.default_group_id as default_group',
  'ticket_categories.sla_id as sla',
  'ticket_categories.description_template',
  'ticket_categories.approval',
  'ticket_categories.approver_user_id as approver_user',
  'ticket_categories.approver_group_id as approver_group',
  'ticket_categories.is_active',
  'ticket_categories.created_at',
  'ticket_categories.updated_at',
] as const;

type Row = Omit<Category, 'path'>;
type Names = Map<number, { name: string; parent: number | null }>;

export const PATH_SEPARATOR = ' / ';

/** "Matériel / Imprimante": names from the root; a loop in the data stops the walk instead of hanging. */
export function pathOf(id: number, names: Names): string {
  const parts: string[] = [];
  const seen = new Set<number>();
  for (let at: number | null = id; at !== null && !seen.has(at); ) {
    seen.add(at);
    const node = names.get(at);
    if (!node) break;
    parts.unshift(node.name);
    at = node.parent;
  }
  return parts.join(PATH_SEPARATOR);
}

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Ticket categories: a tree whose nodes may carry a default group, an SLA, a template and an approval. */
export function createCategoryService({ db, dialect, clock, audit }: Deps) {
  const select = () => db.selectFrom('ticket_categories').select(COLUMNS);
  const writes = createAuditedWrites({ db, audit }, 'ticket_categories', 'ticket_category');

  async function names(): Promise<Names> {
    const rows = await db.selectFrom('ticket_categories').select(['id', 'name', 'parent_id']).execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, parent: r.parent_id }]));
  }

  const withPaths = async <R extends Row>(rows: R[]): Promise<Array<R & { path: string }>> => {
    const all = await names();
    return rows.map((row) => ({ ...row, path: pathOf(row.id, all) }));
  };

  async function get(_actor: Actor, id: number): Promise<Category> {
    const row = await select().where('ticket_categories.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('CATEGORY_NOT_FOUND');
    return (await withPaths([row]))[0] as Category;
  }

  type State = Pick<Category, 'parent' | 'approval' | 'approver_user' | 'approver_group' | 'name'>;

  /** Every problem of the category as it would be after the write, at once; then the name among its siblings. */
  async function check(id: number | null, state: State, input: CategoryUpdate) {
    const errors: FieldError[] = await missingReferences(db, [
      ['parent', 'ticket_categories', input.parent],
      ['default_group', 'groups', input.default_group],
      ['sla', 'slas', input.sla],
      ['approver_user', 'users', input.approver_user],
      ['approver_group', 'groups', input.approver_group],
    ]);
    const add = (field: string, message: string, code: string) =>
      errors.push({ location: 'body', field, message, code });
    for (const [kind, field] of [
      ['user', 'approver_user'],
      ['group', 'approver_group'],
    ] as const) {
      if (state.approval === kind && state[field] === null)
        add(field, `Required when approval is "${kind}"`, 'required');
      else if (state.approval !== kind && input[field] != null)
        add(field, `Only with approval "${kind}"`, 'not_allowed');
    }
    if (id !== null && state.parent !== null && !errors.some((e) => e.field === 'parent')) {
      const all = await names();
      const parents = new Map([...all].map(([key, node]) => [key, node.parent]));
      if (wouldCreateCycle(id, state.parent, parents))
        add('parent', 'A category cannot be placed under itself or one of its sub-categories', 'cycle');
    }
    throwFieldErrors(errors);
    if (id !== null && input.name === undefined && input.parent === undefined) return;
    const siblings = await db
      .selectFrom('ticket_categories')
      .select(['id', 'name'])
      .where((eb) =>
        state.parent === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', state.parent),
      )
      .execute();
    const key = state.name.toLocaleLowerCase('fr');
    if (siblings.some((s) => s.id !== id && s.name.toLocaleLowerCase('fr') === key))
      throw conflictError('NAME_TAKEN', 'name', 'Another category with this name has the same parent');
  }

  // An approver is kept only with the approval that uses it.
  const approvers = (state: State) => ({
    approver_user_id: state.approval === 'user' ? state.approver_user : null,
    approver_group_id: state.approval === 'group' ? state.approver_group : null,
  });

  return {
    get,

    async list(_actor: Actor, params: ListParams, links: PageLinks) {
      const page = await paginate(select(), categoryList, params, dialect, links);
      return { ...page, results: await withPaths(page.results) };
    },

    /** Every category nested under its parent, siblings by name; `activeOnly` leaves out inactive ones and their subtrees. */
    async tree(_actor: Actor, options: { activeOnly?: boolean } = {}): Promise<CategoryNode[]> {
      const rows = await withPaths(await select().execute());
      const nodes = new Map<number, CategoryNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
      const roots: CategoryNode[] = [];
      for (const node of nodes.values()) {
        const parent = node.parent === null ? undefined : nodes.get(node.parent);
        (parent ? parent.children : roots).push(node);
      }
      const prune = (list: CategoryNode[]): CategoryNode[] =>
        list
          .filter((n) => n.is_active || !options.activeOnly)
          .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id - b.id)
          .map((n) => ({ ...n, children: prune(n.children) }));
      return prune(roots);
    },

    async create(actor: Actor, input: CategoryCreate, request: RequestContext): Promise<Category> {
      assertAdmin(actor, 'ticket categories');
      const state: State = {
        name: input.name,
        parent: input.parent ?? null,
        approval: input.approval ?? 'none',
        approver_user: input.approver_user ?? null,
        approver_group: input.approver_group ?? null,
      };
      await check(null, state, input);
      const now = clock().toISOString();
      const id = await writes.create(auditContext(actor, request), input.name, async (trx) => {
        const row = await trx
          .insertInto('ticket_categories')
          .values({
            name: input.name,
            description: input.description ?? null,
            parent_id: state.parent,
            default_group_id: input.default_group ?? null,
            sla_id: input.sla ?? null,
            description_template: input.description_template ?? null,
            approval: state.approval,
            ...approvers(state),
            is_active: input.is_active ?? true,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      });
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: CategoryUpdate,
      request: RequestContext,
    ): Promise<Category> {
      const before = await get(actor, id);
      assertAdmin(actor, 'ticket categories');
      const orNull = <T>(value: T | null | undefined) => (value === undefined ? undefined : (value ?? null));
      const sent = definedOnly({
        name: input.name,
        description: orNull(input.description),
        parent: orNull(input.parent),
        default_group: orNull(input.default_group),
        sla: orNull(input.sla),
        description_template: orNull(input.description_template),
        approval: input.approval,
        approver_user: orNull(input.approver_user),
        approver_group: orNull(input.approver_group),
        is_active: input.is_active,
      });
      const state: State = { ...before, ...sent };
      await check(id, state, input);
      const { approver_user_id, approver_group_id } = approvers(state);
      const patch = { ...sent, approver_user: approver_user_id, approver_group: approver_group_id };
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { parent, default_group, sla, approver_user, approver_group, ...columns } = patch;
      await writes.update(auditContext(actor, request), id, before.path, changes, (trx) =>
        trx
          .updateTable('ticket_categories')
          .set({
            ...columns,
            ...(parent !== undefined && { parent_id: parent }),
            ...(default_group !== undefined && { default_group_id: default_group }),
            ...(sla !== undefined && { sla_id: sla }),
            approver_user_id: approver_user,
            approver_group_id: approver_group,
            updated_at: clock().toISOString(),
          })
          .where('id', '=', id)
          .execute(),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, 'ticket categories');
      const usage = await usageOf(db, id, [
        { table: 'ticket_categories', column: 'parent_id', label: 'sub-categories' },
        { table: 'tickets', column: 'category_id', label: 'tickets' },
      ]);
      if (Object.keys(usage).length > 0) throw inUseError(`The category "${before.path}"`, usage);
      await writes
        .remove(
          auditContext(actor, request),
          id,
          before.path,
          changesOf(before, { name: null, parent: null }),
        )
        .catch((error: unknown) => {
          // A ticket or a sub-category arrived between the count and the delete.
          if (isForeignKeyViolation(error)) throw inUseError(`The category "${before.path}"`, {});
          throw error;
        });
    },
  };
}

export type CategoryService = ReturnType<typeof createCategoryService>;
