import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@itsm/contracts';
import { z } from 'zod';
import { type FilterOp, type FilterSpec, type ListDefinition, opsOf, paramName } from './list-definition.js';

export type ListFilter = { column: string; op: FilterOp; value: unknown };
export type ListOrdering = { column: string; direction: 'asc' | 'desc' };
export type ListParams = {
  page: number;
  pageSize: number;
  search: string | null;
  ordering: ListOrdering[];
  filters: ListFilter[];
};

const MAX_IN_VALUES = 100;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const positiveInt = (max?: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a positive integer')
    .transform(Number)
    .pipe(
      max === undefined
        ? z.number().int().min(1)
        : z.number().int().min(1).max(max, `must be at most ${max}`),
    );

/** Date or date-time → the stored ISO form; a bare date as an upper bound covers its whole (UTC) day. */
function datetimeValue(endOfDay: boolean) {
  return z.string().transform((text, ctx) => {
    const valid = DATE_ONLY.test(text) || DATE_TIME.test(text);
    const date = valid ? new Date(DATE_ONLY.test(text) ? `${text}T00:00:00.000Z` : text) : null;
    if (!date || Number.isNaN(date.getTime())) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO 8601 date or date-time, e.g. 2026-11-24 or 2026-11-24T10:00:00Z',
      });
      return z.NEVER;
    }
    if (endOfDay && DATE_ONLY.test(text)) date.setUTCHours(23, 59, 59, 999);
    return date.toISOString();
  });
}

function valueSchema(spec: FilterSpec, op: FilterOp): z.ZodType<unknown, string> {
  switch (spec.type) {
    case 'string':
      return z.string().max(200);
    case 'enum':
      return z.enum(spec.values as [string, ...string[]], {
        error: `must be one of: ${spec.values?.join(', ')}`,
      });
    case 'int':
      return z
        .string()
        .regex(/^-?\d+$/, 'must be an integer')
        .transform(Number)
        .refine(Number.isSafeInteger, 'is out of range');
    case 'number':
      return z
        .string()
        .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
        .transform(Number);
    case 'boolean':
      return booleanValue;
    case 'date':
      return z.iso.date({ error: 'must be a date, e.g. 2026-11-24' });
    case 'datetime':
      return datetimeValue(op === 'lte');
  }
}

const booleanValue = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

function paramSchema(spec: FilterSpec, op: FilterOp): z.ZodType<unknown, string> {
  if (op === 'isnull') return booleanValue;
  if (op === 'in') {
    return z
      .string()
      .transform((s) => s.split(',').map((v) => v.trim()))
      .pipe(z.array(valueSchema(spec, op)).min(1).max(MAX_IN_VALUES, `at most ${MAX_IN_VALUES} values`));
  }
  return valueSchema(spec, op);
}

const OP_WORDS: Record<FilterOp, string> = {
  eq: 'equals',
  gte: 'greater than or equal to',
  lte: 'less than or equal to',
  in: 'is one of (comma-separated)',
  isnull: 'is empty (true) or set (false)',
};

function orderingTerms(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function unknownParamMessage(def: ListDefinition, key: string): string {
  const [field, op] = key.split('__');
  const spec = field !== undefined ? def.filters[field] : undefined;
  if (spec && op !== undefined) {
    const allowed = opsOf(spec).map((o) => paramName(field as string, o));
    return `operator "${op}" is not supported for "${field}"; use: ${allowed.join(', ')}`;
  }
  return `unknown query parameter; filters: ${Object.keys(def.filters).join(', ') || 'none'}`;
}

/**
 * The query-string schema of a list endpoint: validates page, page_size, search, ordering and every
 * declared filter (documented one by one in OpenAPI); unknown parameters and operators are errors,
 * so that a typo never silently returns everything.
 */
export function listQuerySchema(def: ListDefinition, extra: z.ZodRawShape = {}) {
  const filterParams = new Map<string, { spec: FilterSpec; op: FilterOp }>();
  const shape: Record<string, z.ZodType> = {
    page: positiveInt().optional().describe('Page number, from 1'),
    page_size: positiveInt(PAGE_SIZE_MAX)
      .optional()
      .describe(`Results per page (default ${PAGE_SIZE_DEFAULT}, max ${PAGE_SIZE_MAX})`),
    ordering: z
      .string()
      .max(200)
      .optional()
      .describe(
        `Comma-separated fields, - for descending. Allowed: ${Object.keys(def.ordering).join(', ')}. Default: ${def.defaultOrdering}`,
      ),
    ...(def.search?.length ? { search: z.string().trim().max(200).optional().describe('Text search') } : {}),
    ...extra,
  };
  for (const [field, spec] of Object.entries(def.filters)) {
    for (const op of opsOf(spec)) {
      const name = paramName(field, op);
      filterParams.set(name, { spec, op });
      shape[name] = paramSchema(spec, op)
        .optional()
        .describe(spec.description ? `${spec.description} — ${OP_WORDS[op]}` : `${field} ${OP_WORDS[op]}`);
    }
  }

  return z
    .looseObject(shape)
    .superRefine((raw, ctx) => {
      for (const key of Object.keys(raw)) {
        if (!(key in shape))
          ctx.addIssue({ code: 'custom', path: [key], message: unknownParamMessage(def, key) });
      }
      for (const term of orderingTerms((raw.ordering as string | undefined) ?? '')) {
        const name = term.replace(/^-/, '');
        if (!(name in def.ordering)) {
          const allowed = Object.keys(def.ordering).join(', ');
          ctx.addIssue({
            code: 'custom',
            path: ['ordering'],
            message: `cannot order by "${name}"; allowed: ${allowed} (prefix with - for descending)`,
          });
        }
      }
    })
    .transform((raw): ListParams & Record<string, unknown> => {
      const ordering = orderingTerms((raw.ordering as string | undefined) || def.defaultOrdering).map(
        (term) => ({
          column: def.ordering[term.replace(/^-/, '')] as string,
          direction: term.startsWith('-') ? ('desc' as const) : ('asc' as const),
        }),
      );
      const filters: ListFilter[] = [];
      for (const [name, { spec, op }] of filterParams) {
        if (raw[name] !== undefined) filters.push({ column: spec.column, op, value: raw[name] });
      }
      const extras = Object.fromEntries(Object.keys(extra).map((k) => [k, raw[k]]));
      return {
        ...extras,
        page: (raw.page as number | undefined) ?? 1,
        pageSize: (raw.page_size as number | undefined) ?? PAGE_SIZE_DEFAULT,
        search: (raw.search as string | undefined) || null,
        ordering,
        filters,
      };
    });
}
