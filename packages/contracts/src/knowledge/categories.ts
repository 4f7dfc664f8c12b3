import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';

export const KbCategorySchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    description: z.string().nullable(),
    parent: IdSchema.nullable(),
    position: z.number().int(),
    article_count: z.number().int().describe('Published articles you may read, in it (not below)'),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .meta({ id: 'KbCategory' });
export type KbCategory = z.infer<typeof KbCategorySchema>;

export const KbCategoryCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(150),
  description: z.string().trim().max(2000).nullish(),
  parent: IdSchema.nullish(),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type KbCategoryCreate = z.input<typeof KbCategoryCreateSchema>;

export const KbCategoryUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(150),
    description: z.string().trim().max(2000).nullable(),
    parent: IdSchema.nullable(),
    position: z.number().int().min(0).max(10_000),
  })
  .partial();
export type KbCategoryUpdate = z.infer<typeof KbCategoryUpdateSchema>;
