import { type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { DialectName } from './connection.js';

// The one place where SQLite and PostgreSQL differ. Everything else is portable Kysely.

export type DateBucketUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

/** Escapes LIKE wildcards so that user text matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type DialectHelpers = ReturnType<typeof dialectHelpers>;

/** Matches an unranked knowledge search reads at most (counts stop far below). */
const UNRANKED_CAP = 100_000;

export function dialectHelpers(dialect: DialectName) {
  const isPg = dialect === 'postgres';
  return {
    dialect,

    /** Case-insensitive "contains"; SQLite's LIKE folds ASCII only (full-text search comes later). */
    containsText(column: Expression<unknown>, term: string): RawBuilder<boolean> {
      const pattern = `%${escapeLike(term)}%`;
      return isPg
        ? sql<boolean>`${column} ilike ${pattern} escape '\\'`
        : sql<boolean>`${column} like ${pattern} escape '\\'`;
    },

    /**
     * Locks the selected rows until the transaction ends. PostgreSQL needs FOR UPDATE; SQLite has no
     * such clause and needs none: a write transaction holds the whole database.
     */
    forUpdate<DB, TB extends keyof DB, O>(
      query: SelectQueryBuilder<DB, TB, O>,
    ): SelectQueryBuilder<DB, TB, O> {
      return isPg ? query.forUpdate() : query;
    },

    /**
     * The rows of a subquery as one JSON array of objects with these columns, to read several small
     * tables in one round trip. Alias it `<name>_json` so that it is decoded on both dialects; SQLite
     * gives booleans as 0/1 inside it.
     */
    jsonRows(
      query: Expression<unknown>,
      columns: readonly string[],
      /** Columns holding JSON themselves (`*_json`): nested as JSON, not as text. */
      jsonColumns: readonly string[] = columns.filter((c) => c.endsWith('_json')),
    ): RawBuilder<unknown> {
      const value = (c: string) =>
        !isPg && jsonColumns.includes(c) ? sql`json(${sql.ref(`t.${c}`)})` : sql.ref(`t.${c}`);
      const pairs = sql.join(columns.map((c) => sql`${sql.lit(c)}, ${value(c)}`));
      return isPg
        ? sql`(select coalesce(json_agg(json_build_object(${pairs})), '[]'::json) from (${query}) as t)`
        : sql`(select coalesce(json_group_array(json_object(${pairs})), '[]') from (${query}) as t)`;
    },

    /**
     * The knowledge articles matching a full-text query, as a subquery of (article_id, score) over
     * kb_search (migration 20261125110000). `groups` are already-normalised terms: any term of a
     * group, every group; the last group may match as a prefix (typing). Ranked (`top` set): the
     * `top` best only, best first — SQLite: FTS5's bm25 (title four times the body) through its
     * own ORDER BY rank; PostgreSQL: ts_rank_cd on the generated tsvector (title A, body B).
     * Unranked: every match with score 0, for counting. `titleOnly` looks in titles alone.
     */
    searchHits(
      groups: readonly (readonly string[])[],
      options: { prefixLast?: boolean; top?: number; titleOnly?: boolean } = {},
    ): RawBuilder<unknown> {
      const last = groups.length - 1;
      const prefix = (i: number) => options.prefixLast === true && i === last;
      if (isPg) {
        const quote = (term: string) => `'${term.replace(/'/g, "''")}'`;
        const weight = options.titleOnly ? ':A' : '';
        const query = groups
          .map(
            (g, i) =>
              `(${g.map((term) => `${quote(term)}${prefix(i) ? ':*' : ''}${prefix(i) ? weight.replace(':', '') : weight}`).join(' | ')})`,
          )
          .join(' & ');
        if (options.top === undefined)
          return sql`(select s.article_id, 0 as score from kb_search as s
            where s.document @@ to_tsquery('simple', ${query}))`;
        return sql`(select s.article_id, ts_rank_cd(s.document, q.query) as score
          from kb_search as s, to_tsquery('simple', ${query}) as q(query)
          where s.document @@ q.query order by score desc limit ${options.top})`;
      }
      const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
      const query = `${options.titleOnly ? '{title_terms} : ' : ''}(${groups
        .map((g, i) => `(${g.map((term) => `${quote(term)}${prefix(i) ? '*' : ''}`).join(' OR ')})`)
        .join(' AND ')})`;
      // A LIMIT keeps SQLite from flattening the match into the caller's join, where it would run
      // once per article row instead of once.
      if (options.top === undefined)
        return sql`(select rowid as article_id, 0 as score from kb_search_fts where kb_search_fts match ${query}
          limit ${UNRANKED_CAP})`;
      return sql`(select rowid as article_id, -rank as score from kb_search_fts
        where kb_search_fts match ${query} and rank match 'bm25(4.0, 1.0)'
        order by rank limit ${options.top})`;
    },

    /**
     * UTC bucket label of a timestamp column, identical on both dialects:
     * hour `2026-11-24T10`, day `2026-11-24`, week (its Monday) `2026-11-23`, month `2026-11`, year `2026`.
     */
    dateBucket(column: Expression<unknown>, unit: DateBucketUnit): RawBuilder<string> {
      if (isPg) {
        const format = {
          hour: 'YYYY-MM-DD"T"HH24',
          day: 'YYYY-MM-DD',
          week: 'YYYY-MM-DD',
          month: 'YYYY-MM',
          year: 'YYYY',
        }[unit];
        return sql<string>`to_char(date_trunc(${unit}, ${column}), ${format})`;
      }
      if (unit === 'week') return sql<string>`date(${column}, 'weekday 0', '-6 days')`;
      const format = { hour: '%Y-%m-%dT%H', day: '%Y-%m-%d', month: '%Y-%m', year: '%Y' }[unit];
      return sql<string>`strftime(${format}, ${column})`;
    },
  };
}

/**
 * Insert or update on a unique key. Both dialects share ON CONFLICT … DO UPDATE (SQLite ≥ 3.24),
 * so this is portable; it lives here so that callers never hand-write it.
 */
export async function upsert<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  values: Record<string, unknown>,
  conflictColumns: string[],
  updateColumns: string[],
): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: table and columns are checked by the callers' types
  const anyDb = db as Kysely<any>;
  await anyDb
    .insertInto(table)
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(conflictColumns)
        .doUpdateSet(Object.fromEntries(updateColumns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
    )
    .execute();
}

/** A unique constraint refused the write (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A foreign key refused the write or the delete (SQLite SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true;
  // SQLite reports an ON DELETE RESTRICT refusal as a trigger constraint.
  return (
    code === 'SQLITE_CONSTRAINT_TRIGGER' && typeof message === 'string' && message.includes('FOREIGN KEY')
  );
}

/** The constraint or column a unique violation names, to tell the caller which field is taken. */
export function violatedConstraint(error: unknown): string {
  const e = error as { constraint?: unknown; message?: unknown } | null;
  return `${typeof e?.constraint === 'string' ? e.constraint : ''} ${typeof e?.message === 'string' ? e.message : ''}`;
}
