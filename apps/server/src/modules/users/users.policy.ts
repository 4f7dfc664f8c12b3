import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';

/** Admin: everyone; technician: the users of his structures; user: himself. Any query joining `users`. */
export function scopeUsers<TB extends keyof DB, O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, TB | 'users', O>,
): SelectQueryBuilder<DB, TB | 'users', O> {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    return actor.structureIds.length === 0
      ? query.where((eb) => eb.lit(false))
      : query.where(sql.ref<number>('users.structure_id'), 'in', actor.structureIds);
  }
  return query.where(sql.ref<number>('users.id'), '=', actor.id);
}

/** Only administrators create, change, deactivate or delete accounts, and change roles. */
export const canManageUsers = (actor: Actor) => actor.role === 'admin';
