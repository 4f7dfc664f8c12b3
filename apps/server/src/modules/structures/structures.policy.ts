import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';

/** Admin: all structures; technician: his and those below; user: his own. */
export function scopeStructures<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'structures', O>,
): SelectQueryBuilder<DB, 'structures', O> {
  if (actor.role === 'admin') return query;
  const visible =
    actor.role === 'technician' ? actor.structureIds : actor.structureId === null ? [] : [actor.structureId];
  return visible.length === 0
    ? query.where((eb) => eb.lit(false))
    : query.where('structures.id', 'in', visible);
}

export const canManageStructures = (actor: Actor) => actor.role === 'admin';
