import type { AuditEntry, LoginEvent } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type Actor, assertAllowed } from '../../platform/auth/actor.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import { scopeUsers } from '../users/users.policy.js';

export const loginEventList = defineList({
  filters: {
    user: { type: 'int', column: 'login_events.user_id' },
    success: { type: 'boolean', column: 'login_events.is_success' },
    failure_reason: {
      type: 'enum',
      column: 'login_events.failure_reason',
      values: ['unknown_user', 'bad_password', 'inactive', 'no_password', 'locked', 'bad_otp', 'mfa_missing'],
    },
    method: { type: 'enum', column: 'login_events.method', values: ['session', 'token', 'mfa'] },
    ip: { type: 'string', column: 'login_events.ip' },
    created_at: { type: 'datetime', column: 'login_events.created_at' },
  },
  search: ['login_events.username_tried', 'login_events.ip', 'login_events.user_agent'],
  ordering: { created_at: 'login_events.created_at', id: 'login_events.id' },
  defaultOrdering: '-created_at',
  tiebreaker: 'login_events.id',
});

export const auditList = defineList({
  filters: {
    action: { type: 'string', column: 'audit_log.action' },
    actor: { type: 'int', column: 'audit_log.actor_id' },
    target_type: { type: 'string', column: 'audit_log.target_type' },
    target_id: { type: 'int', column: 'audit_log.target_id' },
    ip: { type: 'string', column: 'audit_log.ip' },
    created_at: { type: 'datetime', column: 'audit_log.created_at' },
  },
  search: ['audit_log.action', 'audit_log.actor_username', 'audit_log.target_label'],
  ordering: { created_at: 'audit_log.created_at', id: 'audit_log.id' },
  defaultOrdering: '-created_at',
  tiebreaker: 'audit_log.id',
});

type Deps = { db: Kysely<DB>; dialect: DialectHelpers };

/** The login journal (scoped like the users it names) and the audit log (administrators only). */
export function createJournalService({ db, dialect }: Deps) {
  return {
    async loginEvents(
      actor: Actor,
      params: ListParams,
      links: PageLinks,
    ): Promise<{ count: number; next: string | null; previous: string | null; results: LoginEvent[] }> {
      const base = db
        .selectFrom('login_events')
        .select([
          'login_events.id',
          'login_events.user_id as user',
          'login_events.username_tried',
          'login_events.is_success',
          'login_events.failure_reason',
          'login_events.method',
          'login_events.ip',
          'login_events.user_agent',
          'login_events.created_at',
        ]);
      // Attempts on unknown accounts belong to no structure: administrators only see them.
      const scoped =
        actor.role === 'admin'
          ? base
          : scopeUsers(actor, base.innerJoin('users', 'users.id', 'login_events.user_id'));
      // Column names carry the storage convention (is_*, *_json) that decodes SQLite values; rename after.
      const page = await paginate(scoped, loginEventList, params, dialect, links);
      return {
        ...page,
        results: page.results.map(({ is_success, ...r }) => ({ ...r, success: is_success })),
      };
    },

    async auditLog(
      actor: Actor,
      params: ListParams,
      links: PageLinks,
    ): Promise<{ count: number; next: string | null; previous: string | null; results: AuditEntry[] }> {
      assertAllowed(actor.role === 'admin', 'The audit log is for administrators');
      const query = db
        .selectFrom('audit_log')
        .select([
          'audit_log.id',
          'audit_log.actor_id as actor',
          'audit_log.actor_username',
          'audit_log.action',
          'audit_log.target_type',
          'audit_log.target_id',
          'audit_log.target_label',
          'audit_log.ip',
          'audit_log.request_id',
          'audit_log.changes_json',
          'audit_log.created_at',
        ]);
      const page = await paginate(query, auditList, params, dialect, links);
      return {
        ...page,
        results: page.results.map(({ changes_json, ...r }) => ({
          ...r,
          changes: (changes_json ?? null) as AuditEntry['changes'],
        })),
      };
    },
  };
}

export type JournalService = ReturnType<typeof createJournalService>;
