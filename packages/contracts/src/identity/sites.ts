import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

export const SiteSchema = z.object({
  id: IdSchema,
  name: z.string(),
  address: z.string().nullable(),
  structure: IdSchema,
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Site = z.infer<typeof SiteSchema>;

export const SiteCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(150),
  address: z.string().trim().max(1000).nullish(),
  structure: IdSchema,
});
export type SiteCreate = z.infer<typeof SiteCreateSchema>;

export const SiteUpdateSchema = SiteCreateSchema.partial();
export type SiteUpdate = z.infer<typeof SiteUpdateSchema>;
