import {
  type ColumnDataType,
  type CreateTableBuilder,
  type Expression,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

// FROZEN: landed migrations depend on this file. Never change what it returns; add a new helper instead.
// Column types per dialect, as decided in docs/adr/0001-storage-types.md.

type DataType = ColumnDataType | Expression<unknown>;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against Kysely<any>
export function schemaTypes(db: Kysely<any>) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    isPostgres: pg,
    /** `createTable(…).$call(t.withId)`: bigint identity (PostgreSQL), integer autoincrement (SQLite). */
    withId<TB extends string>(table: CreateTableBuilder<TB>): CreateTableBuilder<TB, 'id'> {
      return table.addColumn('id', pg ? 'bigint' : 'integer', (c) =>
        pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
      );
    },
    /** Foreign keys and other integers that may grow past 2^31. */
    bigint: (pg ? 'bigint' : 'integer') as DataType,
    /** ISO-8601 UTC instant: timestamptz (PostgreSQL), text `YYYY-MM-DDTHH:MM:SS.sssZ` (SQLite). */
    timestamp: (pg ? 'timestamptz' : 'text') as DataType,
    /** Name the column is_*, has_*, must_* or can_*. */
    boolean: 'boolean' as DataType,
    /** Name the column *_json. */
    json: (pg ? sql`jsonb` : 'text') as DataType,
    /** Current time, in the stored format, as a column default. */
    now: pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  };
}
