import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';

export const NOTIFICATION_EVENTS = [
  'ticket_created',
  'ticket_assigned',
  'ticket_commented',
  'ticket_resolved',
  'ticket_closed',
  'ticket_escalated',
  'ticket_sla_warning',
  'approval_requested',
  'survey_requested',
] as const;
export const NotificationEventSchema = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;

export const NotificationSchema = z.object({
  id: IdSchema,
  event: NotificationEventSchema,
  ticket: IdSchema.nullable(),
  ticket_title: z.string().nullable(),
  actor: IdSchema.nullable(),
  actor_name: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  read_at: TimestampSchema.nullable(),
  created_at: TimestampSchema,
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPreferenceSchema = z.object({
  event: NotificationEventSchema,
  is_in_app: z.boolean(),
  is_email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;
export const NotificationPreferencesUpdateSchema = z
  .array(z.strictObject(NotificationPreferenceSchema.shape))
  .max(20);

export const UnreadCountSchema = z.object({ unread: z.number().int() });
