import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';

export const EnrollmentKeySchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    key_hint: z.string().describe('The first characters of the key'),
    structure: IdSchema,
    structure_name: z.string(),
    site: IdSchema.nullable(),
    site_name: z.string().nullable(),
    expires_at: TimestampSchema.nullable(),
    max_uses: z.number().int().nullable(),
    uses: z.number().int(),
    last_used_at: TimestampSchema.nullable(),
    revoked_at: TimestampSchema.nullable(),
    is_usable: z.boolean().describe('Not revoked, not expired, uses left'),
    created_by: IdSchema.nullable(),
    created_at: TimestampSchema,
  })
  .meta({ id: 'EnrollmentKey' });
export type EnrollmentKey = z.infer<typeof EnrollmentKeySchema>;

export const EnrollmentKeyCreatedSchema = EnrollmentKeySchema.extend({
  key: z.string().describe('Shown once: give it to `itsm-agent enroll --key`'),
}).meta({ id: 'EnrollmentKeyCreated' });
export type EnrollmentKeyCreated = z.infer<typeof EnrollmentKeyCreatedSchema>;

export const EnrollmentKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(150),
  structure: IdSchema,
  site: IdSchema.nullish(),
  expires_at: z.iso.datetime({ offset: true }).nullish(),
  max_uses: z.number().int().min(1).max(1_000_000).nullish(),
});
export type EnrollmentKeyCreate = z.infer<typeof EnrollmentKeyCreateSchema>;

export const EnrollmentKeyUpdateSchema = EnrollmentKeyCreateSchema.omit({ structure: true }).partial();
export type EnrollmentKeyUpdate = z.infer<typeof EnrollmentKeyUpdateSchema>;
