import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';

/** Admin: every group; technician: groups of his structures; user: the groups he belongs to. */
export function scopeGroups<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'groups', O>,
): SelectQueryBuilder<DB, 'groups', O> {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    return actor.structureIds.length === 0
      ? query.where((eb) => eb.lit(false))
      : query.where('groups.structure_id', 'in', actor.structureIds);
  }
  return query.where((eb) =>
    eb.exists(
      eb
        .selectFrom('group_members')
        .select('group_members.user_id')
        .whereRef('group_members.group_id', '=', 'groups.id')
        .where('group_members.user_id', '=', actor.id),
    ),
  );
}

export const canManageGroups = (actor: Actor) => actor.role === 'admin';
