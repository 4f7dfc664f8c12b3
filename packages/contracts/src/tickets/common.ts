import { z } from 'zod';

export const TICKET_STATUSES = [
  'waiting_approval',
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Statuses in which someone still has work to do. */
export const OPEN_TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'pending'] as const;

export const TICKET_TYPES = ['incident', 'request'] as const;
export const TicketTypeSchema = z.enum(TICKET_TYPES);
export type TicketType = z.infer<typeof TicketTypeSchema>;

export const TICKET_SOURCES = ['web', 'api', 'agent', 'email'] as const;
export const TicketSourceSchema = z.enum(TICKET_SOURCES);

export const LevelSchema = z.number().int().min(1).max(5);

export const TICKET_ACTIONS = [
  'approve',
  'refuse',
  'assign',
  'start',
  'wait',
  'resume',
  'resolve',
  'validate',
  'reject',
  'reopen',
  'cancel',
] as const;
export const TicketActionSchema = z.enum(TICKET_ACTIONS);
export type TicketAction = z.infer<typeof TicketActionSchema>;

export const SLA_HEALTHS = ['ok', 'at_risk', 'breached'] as const;
export const SlaHealthSchema = z.enum(SLA_HEALTHS);
export type SlaHealth = z.infer<typeof SlaHealthSchema>;

export const SLA_TARGETS = ['first_response', 'resolution'] as const;
export const SlaTargetSchema = z.enum(SLA_TARGETS);
export type SlaTarget = z.infer<typeof SlaTargetSchema>;
