import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { AuditContext, AuditLog, Changes } from '../../../platform/audit/audit-log.js';

export type ConfigTable =
  | 'assignment_rules'
  | 'business_calendars'
  | 'canned_responses'
  | 'escalation_levels'
  | 'sla_rules'
  | 'slas'
  | 'ticket_categories';

type Deps = { db: Kysely<DB>; audit: AuditLog };

/**
 * The writes of one kind of configuration object, each in a transaction with its audit line
 * `<kind>.created|updated|deleted` naming the object.
 */
export function createAuditedWrites({ db, audit }: Deps, table: ConfigTable, kind: string) {
  const target = (id: number, label: string) => ({ type: kind, id, label });
  return {
    /** Runs `insert`, which answers the new id. */
    create(
      context: AuditContext,
      label: string,
      insert: (trx: Transaction<DB>) => Promise<number>,
      changes?: Changes | null,
    ): Promise<number> {
      return audit.write(db, context, insert, (id) => ({
        action: `${kind}.created`,
        target: target(id, label),
        changes,
      }));
    },

    update(
      context: AuditContext,
      id: number,
      label: string,
      changes: Changes,
      work: (trx: Transaction<DB>) => Promise<unknown>,
    ): Promise<unknown> {
      return audit.write(db, context, work, () => ({
        action: `${kind}.updated`,
        target: target(id, label),
        changes,
      }));
    },

    remove(context: AuditContext, id: number, label: string, changes: Changes | null): Promise<unknown> {
      return audit.write(
        db,
        context,
        (trx) => trx.deleteFrom(table).where('id', '=', id).execute(),
        () => ({ action: `${kind}.deleted`, target: target(id, label), changes }),
      );
    },
  };
}
