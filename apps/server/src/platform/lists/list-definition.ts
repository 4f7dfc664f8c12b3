export type FilterOp = 'eq' | 'gte' | 'lte' | 'in' | 'isnull';
export type FilterType = 'string' | 'enum' | 'int' | 'number' | 'boolean' | 'datetime' | 'date';

export type FilterSpec = {
  type: FilterType;
  /** SQL column reference, from code only (never from the request), e.g. `tickets.status`. */
  column: string;
  /** Allowed values of an enum filter. */
  values?: readonly string[];
  /** Operators accepted for this field; defaults depend on the type. */
  ops?: readonly FilterOp[];
  description?: string;
};

/** What a list endpoint lets its callers filter, search and sort on: an allow-list, nothing else. */
export type ListDefinition = {
  filters: Record<string, FilterSpec>;
  /** Columns searched (case-insensitive "contains") by `search=`. */
  search?: readonly string[];
  /** Public ordering name → SQL column. */
  ordering: Record<string, string>;
  /**
   * Orderings on columns that may hold NULL: only they get an explicit NULLS FIRST/LAST (NULL the
   * smallest on both databases). On NOT NULL columns that clause would keep PostgreSQL from
   * reading a plain index in order.
   */
  nullable?: readonly string[];
  /** e.g. `-created_at`. */
  defaultOrdering: string;
  /** A unique column appended to every ordering so that pages never overlap. */
  tiebreaker: string;
};

export const DEFAULT_OPS: Record<FilterType, readonly FilterOp[]> = {
  string: ['eq', 'in', 'isnull'],
  enum: ['eq', 'in', 'isnull'],
  int: ['eq', 'gte', 'lte', 'in', 'isnull'],
  number: ['eq', 'gte', 'lte', 'isnull'],
  boolean: ['eq', 'isnull'],
  datetime: ['gte', 'lte', 'isnull'],
  date: ['eq', 'gte', 'lte', 'isnull'],
};

export function opsOf(spec: FilterSpec): readonly FilterOp[] {
  return spec.ops ?? DEFAULT_OPS[spec.type];
}

/** `status` for eq, `priority__gte` otherwise: the query parameter of a field and operator. */
export function paramName(field: string, op: FilterOp): string {
  return op === 'eq' ? field : `${field}__${op}`;
}

export function defineList<const D extends ListDefinition>(definition: D): D {
  const orderingName = definition.defaultOrdering.replace(/^-/, '');
  if (!(orderingName in definition.ordering)) {
    throw new Error(`defaultOrdering "${definition.defaultOrdering}" is not an ordering field`);
  }
  for (const name of definition.nullable ?? []) {
    if (!(name in definition.ordering)) throw new Error(`nullable "${name}" is not an ordering field`);
  }
  for (const [name, spec] of Object.entries(definition.filters)) {
    if (spec.type === 'enum' && !spec.values?.length) throw new Error(`enum filter "${name}" needs values`);
  }
  return definition;
}
