import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';
import { LevelSchema, SlaTargetSchema } from './common.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM');

export const WorkingIntervalSchema = z.strictObject({ start: hhmm, end: hhmm });
export const WeekHoursSchema = z
  .strictObject({
    '1': z.array(WorkingIntervalSchema).max(6),
    '2': z.array(WorkingIntervalSchema).max(6),
    '3': z.array(WorkingIntervalSchema).max(6),
    '4': z.array(WorkingIntervalSchema).max(6),
    '5': z.array(WorkingIntervalSchema).max(6),
    '6': z.array(WorkingIntervalSchema).max(6),
    '7': z.array(WorkingIntervalSchema).max(6),
  })
  .partial()
  .describe('Working intervals per ISO weekday, 1 = Monday … 7 = Sunday');

export const CalendarSchema = z.object({
  id: IdSchema,
  name: z.string(),
  time_zone: z.string(),
  hours: WeekHoursSchema,
  holidays: z.array(z.string()),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Calendar = z.infer<typeof CalendarSchema>;

// Update schemas are built from the fields without their defaults: a PATCH leaves absent fields alone.
const calendarFields = {
  name: z.string().trim().min(1).max(150),
  time_zone: z.string().trim().min(1).max(64).describe('IANA time zone, e.g. Europe/Paris'),
  hours: WeekHoursSchema,
  holidays: z.array(z.iso.date()).max(1000).describe('Local dates YYYY-MM-DD without working hours'),
};
export const CalendarCreateSchema = z.strictObject({
  ...calendarFields,
  holidays: calendarFields.holidays.default([]),
});
export type CalendarCreate = z.input<typeof CalendarCreateSchema>;
export const CalendarUpdateSchema = z.strictObject(calendarFields).partial();
export type CalendarUpdate = z.infer<typeof CalendarUpdateSchema>;

const minutes = z.number().int().positive().max(525_600);
export const SlaTargetsSchema = z.strictObject({
  first_response_minutes: minutes,
  resolution_minutes: minutes,
});
export const SlaTargetsByPrioritySchema = z
  .strictObject({
    '1': SlaTargetsSchema,
    '2': SlaTargetsSchema,
    '3': SlaTargetsSchema,
    '4': SlaTargetsSchema,
    '5': SlaTargetsSchema,
  })
  .describe('Targets in working minutes for each priority, 1 (lowest) … 5');

export const SlaSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  calendar: IdSchema.nullable().describe('Null: the clock runs around the clock'),
  targets: SlaTargetsByPrioritySchema,
  warning_shares: z.array(z.number()),
  is_default: z.boolean(),
  is_active: z.boolean(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Sla = z.infer<typeof SlaSchema>;

const slaFields = {
  name: z.string().trim().min(1).max(150),
  description: z.string().max(2000).nullish(),
  calendar: IdSchema.nullish(),
  targets: SlaTargetsByPrioritySchema,
  warning_shares: z
    .array(z.number().gt(0).max(1))
    .max(5)
    .describe(
      'Shares of the target at which the assignee is warned, stored sorted and unique; the first marks the ticket at risk',
    ),
  is_default: z.boolean().describe('The SLA of tickets that no rule or category gives one; only one is'),
  is_active: z.boolean(),
};
export const SlaCreateSchema = z.strictObject({
  ...slaFields,
  warning_shares: slaFields.warning_shares.default([0.75, 1]),
  is_default: slaFields.is_default.default(false),
  is_active: slaFields.is_active.default(true),
});
export type SlaCreate = z.input<typeof SlaCreateSchema>;
export const SlaUpdateSchema = z.strictObject(slaFields).partial();
export type SlaUpdate = z.infer<typeof SlaUpdateSchema>;

export const ESCALATION_NOTIFY = ['assignee', 'group', 'manager'] as const;

export const EscalationLevelSchema = z.object({
  id: IdSchema,
  sla: IdSchema,
  name: z.string(),
  target: SlaTargetSchema,
  trigger_share: z.number().nullable().describe('Share of the target elapsed; null: at the breach'),
  notify: z.array(z.enum(ESCALATION_NOTIFY)),
  reassign_group: IdSchema.nullable(),
  priority_raise: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

const escalationLevelFields = {
  name: z.string().trim().min(1).max(150),
  target: SlaTargetSchema,
  trigger_share: z
    .number()
    .gt(0)
    .max(10)
    .nullable()
    .describe('Share of the target elapsed (0.75, or 1.5 after the breach); null: at the breach'),
  notify: z.array(z.enum(ESCALATION_NOTIFY)).max(3),
  reassign_group: IdSchema.nullish(),
  priority_raise: z.number().int().min(0).max(4),
};
export const EscalationLevelCreateSchema = z.strictObject({
  sla: IdSchema,
  ...escalationLevelFields,
  target: escalationLevelFields.target.default('resolution'),
  trigger_share: escalationLevelFields.trigger_share.default(null),
  notify: escalationLevelFields.notify.default(['assignee']),
  priority_raise: escalationLevelFields.priority_raise.default(0),
});
export type EscalationLevelCreate = z.input<typeof EscalationLevelCreateSchema>;
export const EscalationLevelUpdateSchema = z.strictObject(escalationLevelFields).partial();
export type EscalationLevelUpdate = z.infer<typeof EscalationLevelUpdateSchema>;

export const APPROVAL_KINDS = ['none', 'user', 'manager', 'group'] as const;

export const CategorySchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  parent: IdSchema.nullable(),
  path: z.string().describe('Names from the root, e.g. "Hardware / Printer"'),
  default_group: IdSchema.nullable(),
  sla: IdSchema.nullable(),
  description_template: z.string().nullable(),
  approval: z.enum(APPROVAL_KINDS),
  approver_user: IdSchema.nullable(),
  approver_group: IdSchema.nullable(),
  is_active: z.boolean(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Category = z.infer<typeof CategorySchema>;

export type CategoryNode = Category & { children: CategoryNode[] };

// Registered by id so that the OpenAPI document can describe the recursion with a $ref.
export const CategoryNodeSchema: z.ZodType<CategoryNode> = CategorySchema.extend({
  get children() {
    return z.array(CategoryNodeSchema);
  },
}).meta({ id: 'CategoryNode' });

const categoryFields = {
  name: z.string().trim().min(1).max(150),
  description: z.string().max(2000).nullish(),
  parent: IdSchema.nullish(),
  default_group: IdSchema.nullish(),
  sla: IdSchema.nullish(),
  description_template: z.string().max(20_000).nullish(),
  approval: z.enum(APPROVAL_KINDS).describe('Who approves before work starts'),
  approver_user: IdSchema.nullish().describe('Required with approval "user", refused otherwise'),
  approver_group: IdSchema.nullish().describe(
    'Required with approval "group" (any member answers), refused otherwise',
  ),
  is_active: z.boolean(),
};
export const CategoryCreateSchema = z.strictObject({
  ...categoryFields,
  approval: categoryFields.approval.default('none'),
  is_active: categoryFields.is_active.default(true),
});
export type CategoryCreate = z.input<typeof CategoryCreateSchema>;
export const CategoryUpdateSchema = z.strictObject(categoryFields).partial();
export type CategoryUpdate = z.infer<typeof CategoryUpdateSchema>;

export const SlaRuleSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  sla: IdSchema,
  category: IdSchema.nullable(),
  structure: IdSchema.nullable(),
  priority: LevelSchema.nullable(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type SlaRule = z.infer<typeof SlaRuleSchema>;
export const SlaRuleCreateSchema = z.strictObject({
  position: z.number().int().min(0).max(100_000).optional().describe('Defaults to last'),
  sla: IdSchema,
  category: IdSchema.nullish().describe('Matches the category and its sub-categories'),
  structure: IdSchema.nullish().describe('Matches the structure and its sub-structures'),
  priority: LevelSchema.nullish(),
});
export type SlaRuleCreate = z.infer<typeof SlaRuleCreateSchema>;
export const SlaRuleUpdateSchema = SlaRuleCreateSchema.partial();
export type SlaRuleUpdate = z.infer<typeof SlaRuleUpdateSchema>;

export const AssignmentRuleSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  category: IdSchema.nullable(),
  structure: IdSchema.nullable(),
  group: IdSchema,
  is_member_picked: z.boolean(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;
const assignmentRuleFields = {
  position: z.number().int().min(0).max(100_000).optional().describe('Defaults to last'),
  category: IdSchema.nullish().describe('Matches the category and its sub-categories'),
  structure: IdSchema.nullish().describe('Matches the structure and its sub-structures'),
  group: IdSchema,
  is_member_picked: z
    .boolean()
    .describe('Also assign the member with the fewest open tickets (round robin on ties)'),
};
export const AssignmentRuleCreateSchema = z.strictObject({
  ...assignmentRuleFields,
  is_member_picked: assignmentRuleFields.is_member_picked.default(true),
});
export type AssignmentRuleCreate = z.input<typeof AssignmentRuleCreateSchema>;
export const AssignmentRuleUpdateSchema = z.strictObject(assignmentRuleFields).partial();
export type AssignmentRuleUpdate = z.infer<typeof AssignmentRuleUpdateSchema>;

export const PriorityMatrixSchema = z
  .array(z.array(LevelSchema).length(5))
  .length(5)
  .describe('matrix[urgency - 1][impact - 1] = priority');

export const TicketSettingsSchema = z.object({
  priority_matrix: PriorityMatrixSchema,
  auto_close_days: z
    .number()
    .int()
    .min(0)
    .max(365)
    .describe('Resolved tickets close after this many days; 0: never'),
});
export type TicketSettings = z.infer<typeof TicketSettingsSchema>;
export const TicketSettingsUpdateSchema = z.strictObject(TicketSettingsSchema.shape).partial();
export type TicketSettingsUpdate = z.infer<typeof TicketSettingsUpdateSchema>;

export const CannedResponseSchema = z.object({
  id: IdSchema,
  title: z.string(),
  body: z.string(),
  owner: IdSchema.nullable().describe('Null: shared with every technician'),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;
const cannedResponseFields = {
  title: z.string().trim().min(1).max(150),
  body: z.string().trim().min(1).max(20_000),
  is_shared: z.boolean().describe('Admins only: visible to every technician'),
};
export const CannedResponseCreateSchema = z.strictObject({
  ...cannedResponseFields,
  is_shared: cannedResponseFields.is_shared.default(false),
});
export type CannedResponseCreate = z.input<typeof CannedResponseCreateSchema>;
export const CannedResponseUpdateSchema = z.strictObject(cannedResponseFields).partial();
export type CannedResponseUpdate = z.infer<typeof CannedResponseUpdateSchema>;

export const TicketViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  query: z.string(),
  created_at: TimestampSchema,
});
export type TicketView = z.infer<typeof TicketViewSchema>;
export const TicketViewCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  query: z
    .string()
    .max(2000)
    .describe('The list query string, e.g. status__in=new,assigned&ordering=-priority'),
});
export type TicketViewCreate = z.infer<typeof TicketViewCreateSchema>;
