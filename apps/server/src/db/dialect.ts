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
/**
 * Up to how many matches a knowledge search ranks by text relevance (searchHits). SQLite ranks
 * 5,000 in ~8 ms; PostgreSQL reads each article's tsvector from TOAST to rank it.
 */
const SQLITE_RANKED_MATCHES = 5_000;
const PG_RANKED_MATCHES = 2_000;
/** Added to the score of an article whose title holds every word: it ranks above the others. */
const TITLE_BONUS = 1000;

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
     * kb_search (migrations 20261125110000, 20261126090000, 20261127090000). `groups` are
     * already-normalised terms: any term of a group, every group (or any: `anyWord`); the last group
     * may match as a prefix (typing). Unranked (no `top`): every match with score 0, for counting;
     * with `sample`, only the first that many in storage order (a count that needs no more than a
     * proof of "many" stops there).
     *
     * Ranked: the `top` best, best first (`titleOnly`: among titles alone). Articles whose title
     * holds every word come first, ranked on their titles alone (SQLite: bm25 on kb_title_fts;
     * PostgreSQL: ts_rank on title_document, divided by the title's length — cover density, three
     * times dearer with several words, tells little on a title that holds them all); then the
     * others, ranked on title and body (bm25 with the title four times the body; ts_rank_cd with title A, body B) — unless `matches` (an upper
     * bound the caller knows from the vocabulary) says the words are in so many articles that
     * ranking them all would cost more than it tells (every ranked article's positions are read:
     * ~1.3 µs each on SQLite, a TOAST read on PostgreSQL, for words too common to weigh much):
     * those come newest first (docs/adr/0005).
     */
    searchHits(
      groups: readonly (readonly string[])[],
      options: {
        prefixLast?: boolean;
        top?: number;
        titleOnly?: boolean;
        matches?: number;
        /** Any group rather than every one (ranking then favours the articles holding the most). */
        anyWord?: boolean;
        sample?: number;
      } = {},
    ): RawBuilder<unknown> {
      const last = groups.length - 1;
      const prefix = (i: number) => options.prefixLast === true && i === last;
      const { top, titleOnly = false } = options;
      const rankBodies = (options.matches ?? 0) <= (isPg ? PG_RANKED_MATCHES : SQLITE_RANKED_MATCHES);
      if (isPg) {
        const quote = (term: string) => `'${term.replace(/'/g, "''")}'`;
        const query = groups
          .map((g, i) => `(${g.map((term) => `${quote(term)}${prefix(i) ? ':*' : ''}`).join(' | ')})`)
          .join(options.anyWord ? ' | ' : ' & ');
        // kb_search_matches, kb_search_sample and kb_search_newest ask the GIN index (migrations
        // 20261126090000, 20261127090000): the planner, blind to the TOAST read each test costs,
        // would otherwise test documents row by row.
        const tsquery = sql`to_tsquery('simple', ${query})`;
        if (top === undefined)
          return options.sample === undefined
            ? sql`(select m.article_id, 0 as score from kb_search_matches(${tsquery}) as m limit ${UNRANKED_CAP})`
            : sql`(select m.article_id, 0 as score from kb_search_sample(${tsquery}, ${options.sample}) as m)`;
        const titles = sql`(select s.article_id, ${sql.lit(TITLE_BONUS)} + ts_rank(s.title_document, q.query, 1) as score
          from kb_search as s, to_tsquery('simple', ${query}) as q(query)
          where s.title_document @@ q.query order by score desc limit ${top})`;
        const bodies = rankBodies
          ? sql`(select s.article_id, ts_rank_cd(s.document, q.query) as score
            from kb_search as s, to_tsquery('simple', ${query}) as q(query)
            where s.document @@ q.query order by score desc limit ${top})`
          : sql`(select m.article_id, 0 as score from kb_search_newest(${tsquery}, ${top}) as m)`;
        return sql`(select article_id, max(score) as score from (${titleOnly ? titles : sql`${titles} union all ${bodies}`}) as tiers
          group by article_id order by score desc, article_id desc limit ${top})`;
      }
      const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
      const query = `(${groups
        .map((g, i) => `(${g.map((term) => `${quote(term)}${prefix(i) ? '*' : ''}`).join(' OR ')})`)
        .join(options.anyWord ? ' OR ' : ' AND ')})`;
      // A LIMIT keeps SQLite from flattening the match into the caller's join, where it would run
      // once per article row instead of once.
      if (top === undefined)
        return sql`(select rowid as article_id, 0 as score from kb_search_fts
          where kb_search_fts match ${query} limit ${options.sample ?? UNRANKED_CAP})`;
      const titles = sql`select * from (select rowid as article_id, ${sql.lit(TITLE_BONUS)} - rank as score
        from kb_title_fts where kb_title_fts match ${query} order by rank limit ${top})`;
      const bodies = rankBodies
        ? sql`select * from (select rowid as article_id, -rank as score from kb_search_fts
          where kb_search_fts match ${query} and rank match 'bm25(4.0, 1.0)' order by rank limit ${top})`
        : sql`select * from (select rowid as article_id, 0 as score from kb_search_fts
          where kb_search_fts match ${query} order by rowid desc limit ${top})`;
      return sql`(select article_id, max(score) as score from (${titleOnly ? titles : sql`${titles} union all ${bodies}`})
        group by article_id order by score desc, article_id desc limit ${top})`;
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
