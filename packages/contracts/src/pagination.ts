import { z } from 'zod';

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

/** The envelope of every list endpoint: `{count, next, previous, results}` with absolute links. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().describe('Number of objects matching the filters, over all pages'),
    count_is_estimate: z
      .boolean()
      .optional()
      .describe('True when the list counts no further than a threshold: `count` is then a lower bound'),
    next: z.string().nullable().describe('Absolute URL of the next page, or null'),
    previous: z.string().nullable().describe('Absolute URL of the previous page, or null'),
    results: z.array(item),
  });
}

export type Page<T> = {
  count: number;
  count_is_estimate?: boolean;
  next: string | null;
  previous: string | null;
  results: T[];
};
