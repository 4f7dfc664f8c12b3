import {
  PriorityMatrixSchema,
  type TicketSettings,
  TicketSettingsSchema,
  type TicketSettingsUpdate,
  TicketSettingsUpdateSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf } from '../../../platform/audit/audit-log.js';
import { type Actor, actorOf, contextOf, type RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { fieldError } from '../../../platform/errors/app-error.js';
import { createSettingsRepository } from '../../settings/settings.repository.js';
import { DEFAULT_PRIORITY_MATRIX, matrixProblem, type PriorityMatrix } from '../priority.js';
import { assertAdmin } from './config.policy.js';

const KEYS = {
  priority_matrix: 'tickets.priority_matrix',
  auto_close_days: 'tickets.auto_close_days',
} as const;
export const DEFAULT_AUTO_CLOSE_DAYS = 7;
const CACHE_MS = 5_000;

/** A stored matrix that is not a valid one (edited by hand, older format) gives way to the default. */
function matrixOrDefault(value: unknown): PriorityMatrix {
  const parsed = PriorityMatrixSchema.safeParse(value);
  if (!parsed.success) return DEFAULT_PRIORITY_MATRIX;
  const matrix = parsed.data as PriorityMatrix;
  return matrixProblem(matrix) === null ? matrix : DEFAULT_PRIORITY_MATRIX;
}

function daysOrDefault(value: unknown): number {
  const parsed = TicketSettingsSchema.shape.auto_close_days.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_AUTO_CLOSE_DAYS;
}

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog };

/** Help desk settings: the priority matrix and the automatic closing delay; everyone reads, admins change. */
export function createTicketSettings({ db, clock, audit }: Deps) {
  const settings = createSettingsRepository(db);
  const read = async (): Promise<TicketSettings> => ({
    priority_matrix: matrixOrDefault(await settings.get(KEYS.priority_matrix)),
    auto_close_days: daysOrDefault(await settings.get(KEYS.auto_close_days)),
  });
  // Read on every ticket creation: cached briefly, dropped at once by a change made here; other
  // server nodes follow within CACHE_MS.
  let cached: { value: TicketSettings; at: number } | null = null;

  return {
    /** The current settings, for the ticket service; treat the result as read-only. */
    async get(): Promise<TicketSettings> {
      if (cached && performance.now() - cached.at < CACHE_MS) return cached.value;
      cached = { value: await read(), at: performance.now() };
      return cached.value;
    },

    show(_actor: Actor): Promise<TicketSettings> {
      return read();
    },

    async update(
      actor: Actor,
      input: TicketSettingsUpdate,
      request: RequestContext,
    ): Promise<TicketSettings> {
      assertAdmin(actor, 'ticket settings');
      if (input.priority_matrix !== undefined) {
        const problem = matrixProblem(input.priority_matrix as PriorityMatrix);
        if (problem !== null) throw fieldError('body', 'priority_matrix', `Priority matrix: ${problem}`);
      }
      const before = await read();
      const changes = changesOf(before, input);
      if (changes) {
        await audit.write(
          db,
          auditContext(actor, request),
          async (trx) => {
            const repo = createSettingsRepository(trx);
            for (const field of Object.keys(changes) as Array<keyof typeof KEYS>) {
              await repo.set(KEYS[field], input[field], clock());
            }
          },
          () => ({
            action: 'settings.tickets_updated',
            target: { type: 'settings', id: null, label: 'tickets' },
            changes,
          }),
        );
      }
      cached = null;
      return read();
    },
  };
}

export type TicketSettingsService = ReturnType<typeof createTicketSettings>;
/** What the ticket service needs of the settings. */
export type TicketSettingsReader = Pick<TicketSettingsService, 'get'>;

export function registerTicketSettingsRoutes(app: FastifyInstance, service: TicketSettingsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ticket-settings'];
  r.get(
    '/api/v1/ticket-settings',
    {
      schema: {
        tags,
        summary: 'Help desk settings: priority matrix and automatic closing (everyone signed in)',
        response: { 200: TicketSettingsSchema },
      },
    },
    (request) => service.show(actorOf(request)),
  );
  r.patch(
    '/api/v1/ticket-settings',
    {
      schema: {
        tags,
        summary: 'Change the help desk settings (admin)',
        body: TicketSettingsUpdateSchema,
        response: { 200: TicketSettingsSchema },
      },
    },
    (request) => service.update(actorOf(request), request.body, contextOf(request)),
  );
}
