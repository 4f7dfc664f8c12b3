import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../../db/types.js';
import { type Actor, assertAllowed, isAdmin, isStaff } from '../../../platform/auth/actor.js';

// Help desk configuration: every signed-in caller reads categories and ticket settings (a user
// opening a ticket needs them); staff read the rest; administrators change everything. Canned
// responses are the technicians' own, plus the shared ones.

export const canManageTicketConfig = (actor: Actor) => isAdmin(actor);
export const canReadStaffConfig = (actor: Actor) => isStaff(actor);

/** 403 for a user on a staff-only resource, whatever the object: the whole resource is not his. */
export function assertStaff(actor: Actor, what: string): void {
  assertAllowed(canReadStaffConfig(actor), `${what} are for technicians and administrators`);
}

export function assertAdmin(actor: Actor, what: string): void {
  assertAllowed(canManageTicketConfig(actor), `Only administrators change ${what}`);
}

/** Admin: every canned response; technician: the shared ones and his own; others: none (refused earlier). */
export function scopeCannedResponses<TB extends keyof DB, O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, TB | 'canned_responses', O>,
): SelectQueryBuilder<DB, TB | 'canned_responses', O> {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    const owner = sql.ref<number | null>('canned_responses.owner_id');
    return query.where((eb) => eb.or([eb(owner, 'is', null), eb(owner, '=', actor.id)]));
  }
  return query.where((eb) => eb.lit(false));
}

/** A technician changes only his own canned responses; an administrator any of them. */
export const canChangeCannedResponse = (actor: Actor, owner: number | null) =>
  actor.role === 'admin' || (actor.role === 'technician' && owner === actor.id);
