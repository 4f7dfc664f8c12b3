import { z } from 'zod';
import { EmailSchema, IdSchema, TimestampSchema } from './common.js';

export const GroupSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  email: z.string().nullable(),
  structure: IdSchema,
  member_count: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Group = z.infer<typeof GroupSchema>;

export const GroupCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(150),
  description: z.string().max(2000).nullish(),
  email: EmailSchema.nullish().describe('Shared mailbox notified for the group'),
  structure: IdSchema,
  members: z.array(IdSchema).max(1000).optional().describe('User ids'),
});
export type GroupCreate = z.infer<typeof GroupCreateSchema>;

export const GroupUpdateSchema = GroupCreateSchema.omit({ members: true }).partial();
export type GroupUpdate = z.infer<typeof GroupUpdateSchema>;

export const GroupMemberAddSchema = z.strictObject({ user: IdSchema });
