import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';

/** Admin: every site; technician: sites of his structures; user: his own site. */
export function scopeSites<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'sites', O>,
): SelectQueryBuilder<DB, 'sites', O> {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    return actor.structureIds.length === 0
      ? query.where((eb) => eb.lit(false))
      : query.where('sites.structure_id', 'in', actor.structureIds);
  }
  return actor.siteId === null
    ? query.where((eb) => eb.lit(false))
    : query.where('sites.id', '=', actor.siteId);
}

export const canManageSites = (actor: Actor) => actor.role === 'admin';
