import type { Group, GroupCreate, GroupUpdate, UserRef } from '@itsm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { type DialectHelpers, isForeignKeyViolation, isUniqueViolation } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import { scopeUsers } from '../users/users.policy.js';
import { checkUsersExist } from '../users/users.repository.js';
import { canManageGroups, scopeGroups } from './groups.policy.js';

export const groupList = defineList({
  filters: {
    structure: { type: 'int', column: 'groups.structure_id' },
    member: { type: 'int', column: 'member_filter.user_id', ops: ['eq'] },
  },
  search: ['groups.name', 'groups.description'],
  ordering: { name: 'groups.name', created_at: 'groups.created_at', id: 'groups.id' },
  defaultOrdering: 'name',
  tiebreaker: 'groups.id',
});

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

export function createGroupService({ db, dialect, clock, audit }: Deps) {
  const visible = (actor: Actor) =>
    scopeGroups(
      actor,
      db.selectFrom('groups').select((eb) => [
        'groups.id',
        'groups.name',
        'groups.description',
        'groups.email',
        'groups.structure_id as structure',
        'groups.created_at',
        'groups.updated_at',
        // Members the caller may see, like GET /groups/:id/members: counts must not leak users.
        scopeUsers(
          actor,
          eb
            .selectFrom('group_members')
            .innerJoin('users', 'users.id', 'group_members.user_id')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('group_members.group_id', '=', 'groups.id'),
        ).as('member_count'),
      ]),
    );

  async function get(actor: Actor, id: number): Promise<Group> {
    const row = await visible(actor).where('groups.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('GROUP_NOT_FOUND');
    return { ...row, member_count: Number(row.member_count ?? 0) };
  }

  const checkUsers = (ids: readonly number[], field: string) => checkUsersExist(db, ids, field);

  function translate(error: unknown): never {
    if (isUniqueViolation(error))
      throw conflictError('NAME_TAKEN', 'name', 'This structure already has a group with this name');
    if (isForeignKeyViolation(error)) throw fieldError('body', 'structure', 'No such structure');
    throw error;
  }

  async function addMembers(trx: Transaction<DB>, groupId: number, userIds: readonly number[]) {
    if (userIds.length === 0) return;
    await trx
      .insertInto('group_members')
      .values(
        [...new Set(userIds)].map((user_id) => ({
          group_id: groupId,
          user_id,
          created_at: clock().toISOString(),
        })),
      )
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      const memberFilter = params.filters.find((f) => f.column === 'member_filter.user_id');
      let query = visible(actor);
      if (memberFilter) {
        query = query.where((eb) =>
          eb.exists(
            // Only a member the caller may see: the filter must not reveal who belongs to a group.
            scopeUsers(
              actor,
              eb
                .selectFrom('group_members')
                .innerJoin('users', 'users.id', 'group_members.user_id')
                .select('group_members.user_id')
                .whereRef('group_members.group_id', '=', 'groups.id')
                .where('group_members.user_id', '=', Number(memberFilter.value)),
            ),
          ),
        );
      }
      const rest = { ...params, filters: params.filters.filter((f) => f !== memberFilter) };
      return paginate(query, groupList, rest, dialect, links).then((page) => ({
        ...page,
        results: page.results.map((g) => ({ ...g, member_count: Number(g.member_count ?? 0) })),
      }));
    },

    async create(actor: Actor, input: GroupCreate, request: RequestContext): Promise<Group> {
      assertAllowed(canManageGroups(actor));
      await checkUsers(input.members ?? [], 'members');
      const now = clock().toISOString();
      const id = await audit
        .write(
          db,
          auditContext(actor, request),
          async (trx) => {
            const row = await trx
              .insertInto('groups')
              .values({
                name: input.name,
                description: input.description ?? null,
                email: input.email?.toLowerCase() ?? null,
                structure_id: input.structure,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await addMembers(trx, row.id, input.members ?? []);
            return row.id;
          },
          (created) => ({
            action: 'group.created',
            target: { type: 'group', id: created, label: input.name },
            changes: input.members?.length ? { members: { before: [], after: input.members } } : null,
          }),
        )
        .catch(translate);
      return get(actor, id);
    },

    async update(actor: Actor, id: number, input: GroupUpdate, request: RequestContext): Promise<Group> {
      const before = await get(actor, id);
      assertAllowed(canManageGroups(actor));
      const patch = definedOnly({
        name: input.name,
        description: input.description === undefined ? undefined : (input.description ?? null),
        email: input.email === undefined ? undefined : (input.email?.toLowerCase() ?? null),
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
              .updateTable('groups')
              .set({
                ...columns,
                ...(structure !== undefined && { structure_id: structure }),
                updated_at: clock().toISOString(),
              })
              .where('id', '=', id)
              .execute(),
          () => ({ action: 'group.updated', target: { type: 'group', id, label: before.name }, changes }),
        )
        .catch(translate);
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAllowed(canManageGroups(actor));
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => trx.deleteFrom('groups').where('id', '=', id).execute(),
        () => ({
          action: 'group.deleted',
          target: { type: 'group', id, label: before.name },
          changes: changesOf(before, { name: null, structure: null, member_count: null }),
        }),
      );
    },

    /** The members the caller may see (a technician never learns of users outside his structures). */
    async members(actor: Actor, id: number): Promise<UserRef[]> {
      await get(actor, id);
      return scopeUsers(
        actor,
        db
          .selectFrom('group_members')
          .innerJoin('users', 'users.id', 'group_members.user_id')
          .select(['users.id', 'users.username', 'users.first_name', 'users.last_name', 'users.email'])
          .where('group_members.group_id', '=', id),
      )
        .orderBy('users.last_name')
        .orderBy('users.first_name')
        .orderBy('users.id')
        .execute();
    },

    async addMember(actor: Actor, id: number, userId: number, request: RequestContext): Promise<void> {
      const group = await get(actor, id);
      assertAllowed(canManageGroups(actor));
      await checkUsers([userId], 'user');
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => addMembers(trx, id, [userId]),
        () => ({
          action: 'group.member_added',
          target: { type: 'group', id, label: group.name },
          changes: { user: { before: null, after: userId } },
        }),
      );
    },

    async removeMember(actor: Actor, id: number, userId: number, request: RequestContext): Promise<void> {
      const group = await get(actor, id);
      assertAllowed(canManageGroups(actor));
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('group_members')
          .where('group_id', '=', id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) === 0)
          throw new AppError('USER_NOT_FOUND', { detail: 'Not a member of this group' });
        await audit.record(trx, auditContext(actor, request), {
          action: 'group.member_removed',
          target: { type: 'group', id, label: group.name },
          changes: { user: { before: userId, after: null } },
        });
      });
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
