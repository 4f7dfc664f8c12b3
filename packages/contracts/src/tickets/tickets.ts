import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';
import {
  LevelSchema,
  SlaHealthSchema,
  TicketActionSchema,
  TicketSourceSchema,
  TicketStatusSchema,
  TicketTypeSchema,
} from './common.js';

const name = z.string().nullable();

export const TicketSchema = z
  .object({
    id: IdSchema,
    number: z.string().describe('Human reference, e.g. T-000042'),
    title: z.string(),
    description: z.string().describe('Markdown; render it sanitised'),
    type: TicketTypeSchema,
    status: TicketStatusSchema,
    urgency: LevelSchema,
    impact: LevelSchema,
    priority: LevelSchema.describe(
      'From urgency and impact through the priority matrix, or raised by escalation',
    ),
    category: IdSchema.nullable(),
    category_name: name,
    requester: IdSchema,
    requester_name: z.string(),
    assignee: IdSchema.nullable(),
    assignee_name: name,
    group: IdSchema.nullable(),
    group_name: name,
    structure: IdSchema,
    site: IdSchema.nullable(),
    machine: IdSchema.nullable(),
    source: TicketSourceSchema,
    sla: IdSchema.nullable(),
    sla_state: SlaHealthSchema.nullable().describe(
      'Of the resolution target, now; null without SLA or once resolved',
    ),
    due_first_response_at: TimestampSchema.nullable(),
    due_resolution_at: TimestampSchema.nullable().describe('Null while the clock is paused'),
    first_response_at: TimestampSchema.nullable(),
    first_response_breached_at: TimestampSchema.nullable(),
    resolution_breached_at: TimestampSchema.nullable(),
    resolved_at: TimestampSchema.nullable(),
    closed_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

export const SlaClockSchema = z.object({
  target_minutes: z.number(),
  elapsed_minutes: z.number().describe('Working time counted so far'),
  share: z.number().describe('elapsed / target'),
  is_running: z.boolean(),
  due_at: TimestampSchema.nullable(),
  breached_at: TimestampSchema.nullable(),
  met_at: TimestampSchema.nullable().describe(
    'When the target was met (first response given, ticket resolved)',
  ),
  health: SlaHealthSchema,
});
export type SlaClock = z.infer<typeof SlaClockSchema>;

export const TicketDetailSchema = TicketSchema.extend({
  solution: z.string().nullable(),
  created_by: IdSchema.nullable(),
  approver_user: IdSchema.nullable(),
  approver_group: IdSchema.nullable(),
  watchers: z.array(IdSchema),
  sla_name: name,
  clocks: z.object({ first_response: SlaClockSchema.nullable(), resolution: SlaClockSchema.nullable() }),
  available_actions: z.array(TicketActionSchema).describe('What the caller may do now'),
  can_edit: z.boolean().describe('Whether the caller may change the fields (staff in scope)'),
  can_comment_internally: z.boolean(),
}).meta({ id: 'TicketDetail' });
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

const text = z.string().trim();

export const TicketCreateSchema = z.strictObject({
  title: text.min(1).max(200),
  description: z.string().max(100_000).default(''),
  type: TicketTypeSchema.default('incident'),
  urgency: LevelSchema.default(3),
  impact: LevelSchema.default(3),
  category: IdSchema.nullish(),
  requester: IdSchema.optional().describe('Staff may open on behalf of a user; defaults to the caller'),
  assignee: IdSchema.nullish().describe('Staff only; otherwise assignment rules decide'),
  group: IdSchema.nullish().describe('Staff only'),
  site: IdSchema.nullish(),
  machine: IdSchema.nullish().describe('The machine concerned: one you may see (a user: his own)'),
  source: TicketSourceSchema.optional().describe('Defaults to web for sessions, api for tokens'),
  watchers: z.array(IdSchema).max(50).optional(),
});
export type TicketCreate = z.input<typeof TicketCreateSchema>;

export const TicketUpdateSchema = z
  .strictObject({
    title: text.min(1).max(200),
    description: z.string().max(100_000),
    type: TicketTypeSchema,
    urgency: LevelSchema,
    impact: LevelSchema,
    priority: LevelSchema.describe('Overrides the matrix'),
    category: IdSchema.nullable(),
    assignee: IdSchema.nullable(),
    group: IdSchema.nullable(),
    site: IdSchema.nullable(),
    machine: IdSchema.nullable().describe('Staff only'),
    solution: z.string().max(100_000).nullable(),
    watchers: z.array(IdSchema).max(50),
  })
  .partial();
export type TicketUpdate = z.infer<typeof TicketUpdateSchema>;

export const TicketTransitionSchema = z.strictObject({
  action: TicketActionSchema,
  reason: z
    .string()
    .trim()
    .max(5000)
    .optional()
    .describe('Required to refuse, wait, reject, reopen and cancel'),
  solution: z.string().max(100_000).optional().describe('With resolve'),
  assignee: IdSchema.optional().describe('With assign'),
  group: IdSchema.optional().describe('With assign'),
});
export type TicketTransition = z.infer<typeof TicketTransitionSchema>;

export const TicketBulkSchema = z.strictObject({
  ids: z.array(IdSchema).min(1).max(200),
  action: TicketActionSchema.optional(),
  reason: z.string().trim().max(5000).optional(),
  assignee: IdSchema.nullable().optional(),
  group: IdSchema.nullable().optional(),
});
export type TicketBulk = z.infer<typeof TicketBulkSchema>;

export const TicketBulkResultSchema = z.object({
  done: z.array(IdSchema),
  failed: z.array(z.object({ id: IdSchema, code: z.string(), detail: z.string() })),
});
export type TicketBulkResult = z.infer<typeof TicketBulkResultSchema>;

export const CommentSchema = z
  .object({
    id: IdSchema,
    ticket: IdSchema,
    author: IdSchema.nullable(),
    author_name: name,
    body: z.string(),
    is_internal: z.boolean(),
    attachments: z.array(IdSchema),
    created_at: TimestampSchema,
  })
  .meta({ id: 'TicketComment' });
export type Comment = z.infer<typeof CommentSchema>;

export const CommentCreateSchema = z.strictObject({
  body: z.string().trim().min(1).max(100_000),
  is_internal: z.boolean().default(false).describe('Staff only: never shown to the requester'),
});
export type CommentCreate = z.input<typeof CommentCreateSchema>;

export const AttachmentSchema = z.object({
  id: IdSchema,
  ticket: IdSchema,
  comment: IdSchema.nullable(),
  uploader: IdSchema.nullable(),
  file_name: z.string(),
  content_type: z.string(),
  size_bytes: z.number().int(),
  is_image: z.boolean(),
  created_at: TimestampSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const TIMELINE_KINDS = [
  'created',
  'comment',
  'status',
  'assigned',
  'updated',
  'approval_requested',
  'sla_warning',
  'sla_breach',
  'escalation',
  'survey_answered',
  'attachment',
] as const;

export const TimelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: z.string().describe('Unique in the timeline, e.g. comment:12 or event:40'),
  at: TimestampSchema,
  actor: IdSchema.nullable(),
  actor_name: name,
  status: TicketStatusSchema.nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  comment: CommentSchema.nullable(),
  attachment: AttachmentSchema.nullable(),
  is_internal: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const SurveySchema = z.object({
  ticket: IdSchema,
  rating: LevelSchema.nullable(),
  comment: z.string().nullable(),
  created_at: TimestampSchema,
  answered_at: TimestampSchema.nullable(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const SurveyAnswerSchema = z.strictObject({
  rating: LevelSchema,
  comment: z.string().trim().max(5000).nullish(),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

export const SURVEY_GROUPINGS = ['assignee', 'group', 'category'] as const;
export const SurveyResultSchema = z.object({
  key: IdSchema.nullable().describe('The technician, group or category; null: none'),
  name: z.string().nullable(),
  answers: z.number().int(),
  average: z.number().describe('Mean rating, 1–5, two decimals'),
});
export type SurveyResult = z.infer<typeof SurveyResultSchema>;
