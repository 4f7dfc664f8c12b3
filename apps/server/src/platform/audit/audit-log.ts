import type { Kysely, Transaction } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { DB } from '../../db/types.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import type { Clock } from '../clock.js';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export type AuditEntryInput = {
  /** `<resource>.<verb>`, e.g. `user.updated`, `auth.locked`, `token.revoked`. */
  action: string;
  target?: { type: string; id: number | null; label: string | null };
  changes?: Changes | null;
};

/** Who did it, from where: the authenticated actor, or null for anonymous attempts. */
export type AuditContext = { actor: Pick<Actor, 'id' | 'username'> | null } & Partial<
  Pick<RequestContext, 'ip' | 'requestId'>
>;

/** The audit context of an authenticated request. */
export function auditContext(actor: Actor, request: RequestContext): AuditContext {
  return { actor, ip: request.ip, requestId: request.requestId };
}

/** The fields whose values differ, with both values; null when nothing changed. */
export function changesOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[] = Object.keys(after),
): Changes | null {
  const changes: Changes = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) {
      changes[field] = { before: before[field] ?? null, after: after[field] ?? null };
    }
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** Append-only record of sensitive actions; the table refuses updates and deletes (migration triggers). */
export function createAuditLog(clock: Clock) {
  const log = {
    async record(db: Kysely<DB>, context: AuditContext, entry: AuditEntryInput): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          actor_id: context.actor?.id ?? null,
          actor_username: context.actor?.username ?? null,
          action: entry.action,
          target_type: entry.target?.type ?? null,
          target_id: entry.target?.id ?? null,
          target_label: entry.target?.label?.slice(0, 300) ?? null,
          ip: context.ip ?? null,
          request_id: context.requestId ?? null,
          changes_json: entry.changes ? toJson(entry.changes) : null,
          created_at: clock().toISOString(),
        })
        .execute();
    },

    /** Runs `work` and writes its entry in one transaction: no change without its line, nor the reverse. */
    write<T>(
      db: Kysely<DB>,
      context: AuditContext,
      work: (trx: Transaction<DB>) => Promise<T>,
      entry: (result: T) => AuditEntryInput,
    ): Promise<T> {
      return db.transaction().execute(async (trx) => {
        const result = await work(trx);
        await log.record(trx, context, entry(result));
        return result;
      });
    },
  };
  return log;
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/** The object without its undefined members: a PATCH body's fields that were actually sent. */
export function definedOnly<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as never;
}
