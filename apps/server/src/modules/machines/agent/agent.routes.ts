import {
  AgentTicketCreateSchema,
  EnrollRequestSchema,
  EnrollResponseSchema,
  ExchangeResponseSchema,
  HeartbeatSchema,
  InstructionResultSchema,
  InventoryDocumentSchema,
  InventoryResponseSchema,
  TicketDetailSchema,
} from '@itsm/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/auth/actor.js';
import type { ActorResolver } from '../../../platform/auth/authenticate.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { gunzipBody } from '../../../platform/http/gzip-body.js';
import { IdParamsSchema } from '../../../platform/http/route-helpers.js';
import type { AgentMachine, AgentService } from './agent.service.js';

const tags = ['agent'];
/** A full inventory with thousands of packages stays well under this, decompressed. */
export const INVENTORY_BODY_LIMIT = 8 * 1024 * 1024;
const USER_TOKEN_HEADER = 'x-user-token';
const IdempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,100}$/, '8 to 100 letters, digits, _ . : -');

const agentHeaders = z.looseObject({
  authorization: z.string().optional().describe('`Agent <machine token>`'),
});

/** The machine of an agent request: `Authorization: Agent <token>` (Token and Bearer are accepted too). */
async function machineOf(request: FastifyRequest, agents: AgentService): Promise<AgentMachine> {
  const match = /^(?:Agent|Token|Bearer)\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1])
    throw new AppError('INVALID_MACHINE_TOKEN', { detail: 'Use "Authorization: Agent <machine token>"' });
  return agents.authenticate(match[1]);
}

/** The agent endpoints: each answers with the instructions waiting for the machine. */
export function registerAgentRoutes(app: FastifyInstance, agents: AgentService, resolver: ActorResolver) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { agent: true };

  r.post(
    '/api/v1/agent/enroll',
    {
      config,
      bodyLimit: INVENTORY_BODY_LIMIT,
      preParsing: gunzipBody,
      schema: {
        tags,
        summary: 'Trade an enrollment key and a full inventory for a machine token',
        body: EnrollRequestSchema,
        response: { 201: EnrollResponseSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await agents.enroll(request.body, contextOf(request))),
  );

  r.post(
    '/api/v1/agent/inventory',
    {
      config,
      bodyLimit: INVENTORY_BODY_LIMIT,
      preParsing: gunzipBody,
      schema: {
        tags,
        summary: 'Send a full or partial (`partial: true`) inventory; gzip accepted',
        headers: agentHeaders,
        body: InventoryDocumentSchema,
        response: { 200: InventoryResponseSchema },
      },
    },
    async (request) => agents.inventory(await machineOf(request, agents), request.body),
  );

  r.post(
    '/api/v1/agent/heartbeat',
    {
      config,
      schema: {
        tags,
        summary: 'Say the agent is alive; answers the instructions waiting',
        headers: agentHeaders,
        body: HeartbeatSchema,
        response: { 200: ExchangeResponseSchema },
      },
    },
    async (request) => agents.heartbeat(await machineOf(request, agents), request.body),
  );

  r.post(
    '/api/v1/agent/instructions/:id/result',
    {
      config,
      schema: {
        tags,
        summary: 'Report how an instruction went (answering twice is harmless)',
        headers: agentHeaders,
        params: IdParamsSchema,
        body: InstructionResultSchema,
      },
    },
    async (request, reply) => {
      await agents.result(await machineOf(request, agents), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/agent/tickets',
    {
      config,
      schema: {
        tags,
        summary:
          'Open a ticket for the employee signed in to the desktop app, about this machine. Needs both the machine token and the employee’s own API token (X-User-Token); an Idempotency-Key makes retries safe',
        headers: agentHeaders.extend({
          [USER_TOKEN_HEADER]: z.string().min(10).max(500),
          'idempotency-key': IdempotencyKeySchema.optional(),
        }),
        body: AgentTicketCreateSchema,
        response: { 200: TicketDetailSchema, 201: TicketDetailSchema },
      },
    },
    async (request, reply) => {
      const machine = await machineOf(request, agents);
      const user = await resolver.tokenActor(request.headers[USER_TOKEN_HEADER] as string, request);
      if (!user)
        throw new AppError('INVALID_TOKEN', { detail: 'The employee’s token is unknown or expired' });
      // What the web would ask first (a temporary password, compulsory two-factor) comes first here too.
      if (user.requirement)
        throw new AppError(
          user.requirement === 'password_change' ? 'PASSWORD_CHANGE_REQUIRED' : 'MFA_ENROLLMENT_REQUIRED',
        );
      const key = request.headers['idempotency-key'];
      const { ticket, replayed } = await agents.ticket(
        machine,
        user,
        request.body,
        typeof key === 'string' ? key : null,
        contextOf(request),
      );
      return reply.code(replayed ? 200 : 201).send(ticket);
    },
  );
}
