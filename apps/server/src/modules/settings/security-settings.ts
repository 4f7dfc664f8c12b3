import { SecuritySettingsSchema, SecuritySettingsUpdateSchema } from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf } from '../../platform/audit/audit-log.js';
import {
  type Actor,
  actorOf,
  assertAllowed,
  contextOf,
  type RequestContext,
} from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { createSettingsRepository } from './settings.repository.js';

const REQUIRE_MFA = 'security.require_mfa_for_staff';
const CACHE_MS = 5_000;

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog };

/** Instance security policies, changed by administrators only. */
export function createSecuritySettings({ db, clock, audit }: Deps) {
  const settings = createSettingsRepository(db);
  const read = async () => ({ require_mfa_for_staff: (await settings.get<boolean>(REQUIRE_MFA)) === true });
  // Asked on every request of staff without MFA: cached briefly, dropped at once by a change made here;
  // other server nodes follow within CACHE_MS.
  let cached: { value: boolean; at: number } | null = null;
  return {
    async requireMfaForStaff() {
      if (cached && performance.now() - cached.at < CACHE_MS) return cached.value;
      cached = { value: (await read()).require_mfa_for_staff, at: performance.now() };
      return cached.value;
    },
    async get(actor: Actor) {
      assertAllowed(actor.role === 'admin', 'Security settings are for administrators');
      return read();
    },
    async update(actor: Actor, input: { require_mfa_for_staff?: boolean }, request: RequestContext) {
      assertAllowed(actor.role === 'admin', 'Security settings are for administrators');
      const before = await read();
      const changes = changesOf(before, input);
      if (changes && input.require_mfa_for_staff !== undefined) {
        const value = input.require_mfa_for_staff;
        await audit.write(
          db,
          auditContext(actor, request),
          (trx) => createSettingsRepository(trx).set(REQUIRE_MFA, value, clock()),
          () => ({
            action: 'settings.security_updated',
            target: { type: 'settings', id: null, label: 'security' },
            changes,
          }),
        );
      }
      cached = null;
      return read();
    },
  };
}

export type SecuritySettings = ReturnType<typeof createSecuritySettings>;

export function registerSecuritySettingsRoutes(app: FastifyInstance, service: SecuritySettings) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get(
    '/api/v1/settings/security',
    { schema: { tags, summary: 'Security policies (admin)', response: { 200: SecuritySettingsSchema } } },
    (request) => service.get(actorOf(request)),
  );
  r.patch(
    '/api/v1/settings/security',
    {
      schema: {
        tags,
        summary: 'Change security policies (admin)',
        body: SecuritySettingsUpdateSchema,
        response: { 200: SecuritySettingsSchema },
      },
    },
    (request) => service.update(actorOf(request), request.body, contextOf(request)),
  );
}
