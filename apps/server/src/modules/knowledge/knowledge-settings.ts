import {
  type KnowledgeSettings,
  KnowledgeSettingsSchema,
  type KnowledgeSettingsUpdate,
  KnowledgeSettingsUpdateSchema,
} from '@itsm/contracts';
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
import { createSettingsRepository } from '../settings/settings.repository.js';
import { canManageKbSettings } from './knowledge.policy.js';

const PUBLIC_ENABLED = 'knowledge.public_enabled';
const CACHE_MS = 5_000;

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog };

/** The knowledge base's instance settings: whether its public part is open (off until an administrator opens it). */
export function createKnowledgeSettings({ db, clock, audit }: Deps) {
  const settings = createSettingsRepository(db);
  const read = async (): Promise<KnowledgeSettings> => ({
    public_enabled: (await settings.get<boolean>(PUBLIC_ENABLED)) === true,
  });
  // Asked on every anonymous request of the public pages: cached briefly, dropped at once by a change
  // made here; other server nodes follow within CACHE_MS.
  let cached: { value: boolean; at: number } | null = null;

  return {
    async publicEnabled(): Promise<boolean> {
      if (cached && performance.now() - cached.at < CACHE_MS) return cached.value;
      cached = { value: (await read()).public_enabled, at: performance.now() };
      return cached.value;
    },

    async get(actor: Actor): Promise<KnowledgeSettings> {
      assertAllowed(canManageKbSettings(actor), 'Knowledge base settings are for administrators');
      return read();
    },

    async update(
      actor: Actor,
      input: KnowledgeSettingsUpdate,
      request: RequestContext,
    ): Promise<KnowledgeSettings> {
      assertAllowed(canManageKbSettings(actor), 'Knowledge base settings are for administrators');
      const before = await read();
      const changes = changesOf(before, input);
      if (changes) {
        await audit.write(
          db,
          auditContext(actor, request),
          (trx) => createSettingsRepository(trx).set(PUBLIC_ENABLED, input.public_enabled, clock()),
          () => ({
            action: 'settings.knowledge_updated',
            target: { type: 'settings', id: null, label: 'knowledge' },
            changes,
          }),
        );
      }
      cached = null;
      return read();
    },
  };
}

export type KnowledgeSettingsService = ReturnType<typeof createKnowledgeSettings>;

export function registerKnowledgeSettingsRoutes(app: FastifyInstance, service: KnowledgeSettingsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get(
    '/api/v1/settings/knowledge',
    {
      schema: {
        tags,
        summary: 'Knowledge base settings: whether its public part is open (administrators)',
        response: { 200: KnowledgeSettingsSchema },
      },
    },
    (request) => service.get(actorOf(request)),
  );
  r.put(
    '/api/v1/settings/knowledge',
    {
      schema: {
        tags,
        summary: 'Open or close the public knowledge base (administrators; audited)',
        body: KnowledgeSettingsUpdateSchema,
        response: { 200: KnowledgeSettingsSchema },
      },
    },
    (request) => service.update(actorOf(request), request.body, contextOf(request)),
  );
}
