import { z } from 'zod';

/** One invalid input: where it was (body, query, params, headers), which field, and why. */
export const FieldErrorSchema = z
  .object({
    location: z.enum(['body', 'query', 'params', 'headers']),
    field: z
      .string()
      .describe('Dotted path of the field, e.g. `page` or `items.0.name`; empty for the whole input'),
    message: z.string(),
    code: z.string().describe('Machine-readable reason, e.g. `invalid_type`, `too_big`, `unrecognized_keys`'),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details, with our stable `code`; extension members (e.g. `retry_after`) are allowed. */
export const ProblemSchema = z
  .looseObject({
    type: z.string().describe('URI reference identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The request path'),
    code: z.string().describe('Stable machine-readable code, e.g. `VALIDATION_FAILED`'),
    request_id: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type FieldError = z.infer<typeof FieldErrorSchema>;
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
