import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';
import { LevelSchema, TicketTypeSchema } from '../tickets/common.js';
import { InventoryDocumentSchema } from './inventory.js';
import { InstructionKindSchema } from './machines.js';

// What the agent and the server say to each other (`/api/v1/agent/…`, machine token).

const agentVersion = z.string().trim().min(1).max(64);

export const EnrollRequestSchema = z.strictObject({
  key: z.string().trim().min(16).max(200),
  agent_version: agentVersion,
  inventory: InventoryDocumentSchema.describe('A full inventory: its hardware identifies the machine'),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const AgentInstructionSchema = z.object({
  id: IdSchema,
  kind: InstructionKindSchema,
  payload: z.record(z.string(), z.unknown()),
});
export type AgentInstruction = z.infer<typeof AgentInstructionSchema>;

export const ExchangeResponseSchema = z
  .object({
    instructions: z.array(AgentInstructionSchema).describe('Apply each, then post its result'),
    server_time: TimestampSchema,
  })
  .meta({ id: 'AgentExchange' });
export type ExchangeResponse = z.infer<typeof ExchangeResponseSchema>;

export const EnrollResponseSchema = ExchangeResponseSchema.extend({
  machine: IdSchema,
  token: z.string().describe('The machine token: keep it secret, send it as `Authorization: Agent <token>`'),
  reused: z.boolean().describe('This hardware was already known: its machine was reused'),
}).meta({ id: 'AgentEnrolled' });
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

export const InventoryResponseSchema = ExchangeResponseSchema.extend({
  changes: z.number().int().describe('History lines the inventory produced'),
}).meta({ id: 'AgentInventoryStored' });
export type InventoryResponse = z.infer<typeof InventoryResponseSchema>;

export const HeartbeatSchema = z.strictObject({
  agent_version: agentVersion,
  queue_length: z.number().int().min(0).max(1_000_000).optional(),
  dropped: z.number().int().min(0).optional().describe('Entries the offline queue had to drop'),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const InstructionResultSchema = z.strictObject({
  status: z.enum(['done', 'failed']),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.string().max(5000).optional(),
});
export type InstructionResult = z.infer<typeof InstructionResultSchema>;

export const AgentTicketCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(100_000).default(''),
  urgency: LevelSchema.default(3),
  type: TicketTypeSchema.default('incident'),
});
export type AgentTicketCreate = z.input<typeof AgentTicketCreateSchema>;
