import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';

/** Admin: every group; technician: groups of his structures; user: the groups he belongs to. Any query joining `groups`. */
export function scopeGroups<TB extends keyof DB, O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, TB | 'groups', O>,
): SelectQueryBuilder<DB, TB | 'groups', O> {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    return actor.structureIds.length === 0
      ? query.where((eb) => eb.lit(false))
      : query.where(sql.ref<number>('groups.structure_id'), 'in', actor.structureIds);
  }
  return query.where(
    sql<boolean>`exists (select 1 from group_members as own_membership
      where own_membership.group_id = groups.id and own_membership.user_id = ${actor.id})`,
  );
}

export const canManageGroups = (actor: Actor) => actor.role === 'admin';
