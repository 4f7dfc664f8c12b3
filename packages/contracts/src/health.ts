import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const ReadinessCheckSchema = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
});

export const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    checks: z.object({ database: ReadinessCheckSchema, migrations: ReadinessCheckSchema }),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof ReadinessSchema>;
