import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

export const StructureSchema = z.object({
  id: IdSchema,
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  parent: IdSchema.nullable(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Structure = z.infer<typeof StructureSchema>;

const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Letters, digits, hyphens and underscores')
  .describe('Unique, case-insensitive (stored uppercase)');

export const StructureCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(150),
  code,
  description: z.string().max(2000).nullish(),
  parent: IdSchema.nullish().describe('Parent structure; null or absent for a root'),
});
export type StructureCreate = z.infer<typeof StructureCreateSchema>;

export const StructureUpdateSchema = StructureCreateSchema.partial();
export type StructureUpdate = z.infer<typeof StructureUpdateSchema>;

export type StructureNode = {
  id: number;
  name: string;
  code: string;
  parent: number | null;
  children: StructureNode[];
};

// Registered by id so that the OpenAPI document can describe the recursion with a $ref.
export const StructureNodeSchema: z.ZodType<StructureNode> = z
  .object({
    id: IdSchema,
    name: z.string(),
    code: z.string(),
    parent: IdSchema.nullable(),
    get children() {
      return z.array(StructureNodeSchema);
    },
  })
  .meta({ id: 'StructureNode' });
