import { type SelectQueryBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';

/**
 * Admin: every machine; technician: the machines of his structure and its sub-structures; user:
 * the machines he is the main user of. Any query on `machines`.
 */
// biome-ignore lint/suspicious/noExplicitAny: any query that selects from machines, joins included
export function scopeMachines<Q extends SelectQueryBuilder<any, any, any>>(actor: Actor, query: Q): Q {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    return (
      actor.structureIds.length === 0
        ? query.where(sql<boolean>`1 = 0`)
        : query.where(sql<boolean>`machines.structure_id in (${sql.join(actor.structureIds)})`)
    ) as Q;
  }
  return query.where(sql<boolean>`machines.main_user_id = ${actor.id}`) as Q;
}

/** Admins and the technicians of its structure tree edit a machine's human fields and instruct its agent. */
export function canManageMachine(actor: Actor, machine: { structure_id: number }): boolean {
  return (
    actor.role === 'admin' ||
    (actor.role === 'technician' && actor.structureIds.includes(machine.structure_id))
  );
}

/** Removing a machine (and its history) is an administrator's decision; others retire it. */
export const canDeleteMachine = (actor: Actor) => actor.role === 'admin';

/** Enrollment keys decide where new machines land: administrators only. */
export const canManageEnrollmentKeys = (actor: Actor) => actor.role === 'admin';
