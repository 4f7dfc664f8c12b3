import type { Page } from '@itsm/contracts';
import { type Expression, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { ListDefinition } from './list-definition.js';
import type { ListFilter, ListParams } from './list-query.js';

// biome-ignore lint/suspicious/noExplicitAny: the helper works on any table; columns come from the definition
type AnySelect<O> = SelectQueryBuilder<any, any, O>;

function condition(filter: ListFilter): Expression<SqlBool> {
  const column = sql.ref(filter.column);
  switch (filter.op) {
    case 'eq':
      return sql<SqlBool>`${column} = ${filter.value}`;
    case 'gte':
      return sql<SqlBool>`${column} >= ${filter.value}`;
    case 'lte':
      return sql<SqlBool>`${column} <= ${filter.value}`;
    case 'in':
      return sql<SqlBool>`${column} in (${sql.join(filter.value as unknown[])})`;
    case 'isnull':
      return filter.value ? sql<SqlBool>`${column} is null` : sql<SqlBool>`${column} is not null`;
  }
}

/** Adds the validated filters and search to a query that is already scoped by the caller's permissions. */
export function applyFilters<O>(
  query: AnySelect<O>,
  def: ListDefinition,
  params: Pick<ListParams, 'filters' | 'search'>,
  dialect: DialectHelpers,
): AnySelect<O> {
  let q = query;
  for (const filter of params.filters) q = q.where(condition(filter));
  const { search } = params;
  if (search && def.search?.length) {
    q = q.where((eb) =>
      eb.or((def.search ?? []).map((column) => dialect.containsText(sql.ref(column), search))),
    );
  }
  return q;
}

export function applyOrdering<O>(
  query: AnySelect<O>,
  def: ListDefinition,
  params: Pick<ListParams, 'ordering'>,
) {
  let q = query;
  // NULL sorts as the smallest value on both databases (PostgreSQL's default makes it the largest).
  const nullable = new Set((def.nullable ?? []).map((name) => def.ordering[name]));
  for (const { column, direction } of params.ordering) {
    q = nullable.has(column)
      ? q.orderBy(sql.ref(column), (ob) =>
          direction === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsFirst(),
        )
      : q.orderBy(sql.ref(column), direction);
  }
  // The tiebreaker follows the last term's direction, so that an index on (…, column) read backwards
  // (the row id being the index's last key) serves the whole ORDER BY.
  if (!params.ordering.some((o) => o.column === def.tiebreaker))
    q = q.orderBy(sql.ref(def.tiebreaker), params.ordering.at(-1)?.direction ?? 'asc');
  return q;
}

/** Absolute URL of another page of the same list, keeping every other query parameter. */
export function pageUrl(baseUrl: string, requestUrl: string, page: number): string {
  const url = new URL(requestUrl, `${baseUrl}/`);
  const base = new URL(baseUrl);
  url.protocol = base.protocol;
  url.host = base.host;
  if (page <= 1) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return url.toString();
}

export type PageLinks = { baseUrl: string; requestUrl: string };

export type PaginateOptions = {
  /**
   * Count no further than this many rows (a large table's lists): past it, `count` is a lower bound
   * flagged by `count_is_estimate`, so that no page pays for counting the whole result set.
   */
  countLimit?: number;
  /** Runs the bounded count (required with `countLimit`). */
  // biome-ignore lint/suspicious/noExplicitAny: any database of the app
  executor?: Kysely<any>;
};

const exactCount = <O>(filtered: AnySelect<O>) =>
  filtered.clearSelect().clearOrderBy().select(sql<number | string>`count(*)`.as('count'));

/** Counts up to `limit + 1` rows: one row more tells that the count is capped. */
const boundedCount = <O>(filtered: AnySelect<O>, limit: number) =>
  sql<{ count: number | string }>`select count(*) as count from (${filtered
    .clearSelect()
    .clearOrderBy()
    .select(sql.lit(1).as('one'))
    .limit(limit + 1)}) as capped`;

/** The two statements of a list page, as paginate runs them: to read their query plans (benchmarks). */
export function listStatements<O>(
  query: AnySelect<O>,
  def: ListDefinition,
  params: ListParams,
  dialect: DialectHelpers,
  countLimit?: number,
) {
  const filtered = applyFilters(query, def, params, dialect);
  return {
    count: countLimit === undefined ? exactCount(filtered) : boundedCount(filtered, countLimit),
    page: applyOrdering(filtered, def, params)
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
  };
}

async function countRows<O>(
  filtered: AnySelect<O>,
  { countLimit, executor }: PaginateOptions,
): Promise<{ count: number; capped: boolean }> {
  if (countLimit !== undefined && executor) {
    const { rows } = await boundedCount(filtered, countLimit).execute(executor);
    const count = Number(rows[0]?.count ?? 0);
    return count > countLimit ? { count: countLimit, capped: true } : { count, capped: false };
  }
  const row = await exactCount(filtered).executeTakeFirst();
  return { count: Number((row as { count?: number | string } | undefined)?.count ?? 0), capped: false };
}

/**
 * Runs a list: count of the filtered rows (bounded with `countLimit`), then one page in a stable
 * order, with absolute next/previous links. `query` must already carry the permission scope (see
 * each module's policy).
 */
export async function paginate<O>(
  query: AnySelect<O>,
  def: ListDefinition,
  params: ListParams,
  dialect: DialectHelpers,
  links: PageLinks,
  options: PaginateOptions = {},
): Promise<Page<O>> {
  const filtered = applyFilters(query, def, params, dialect);
  const { count, capped } = await countRows(filtered, options);
  const offset = (params.page - 1) * params.pageSize;
  // Past a capped count there may be more rows: fetch one extra to know whether a next page exists.
  const rows =
    offset < count || capped
      ? await applyOrdering(filtered, def, params)
          .limit(params.pageSize + (capped ? 1 : 0))
          .offset(offset)
          .execute()
      : [];
  const hasMore = capped
    ? rows.length > params.pageSize
    : params.page < Math.max(1, Math.ceil(count / params.pageSize));
  const results = rows.slice(0, params.pageSize);
  const lastPage = Math.max(1, Math.ceil(count / params.pageSize));
  return {
    count,
    ...(capped && { count_is_estimate: true }),
    next: hasMore ? pageUrl(links.baseUrl, links.requestUrl, params.page + 1) : null,
    previous:
      params.page > 1
        ? pageUrl(
            links.baseUrl,
            links.requestUrl,
            capped ? params.page - 1 : Math.min(params.page - 1, lastPage),
          )
        : null,
    results,
  };
}
