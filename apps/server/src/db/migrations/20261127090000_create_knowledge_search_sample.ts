import { type Kysely, sql } from 'kysely';
import { schemaTypes } from './schema-types.js';

// PostgreSQL: the first matches of a knowledge search in storage order, at most `max_rows`, from
// the GIN index (a bitmap, as kb_search_matches). A search counts the matches its reader may see up
// to 1,000 (docs/adr/0005); when the words are in tens of thousands of articles, the visible ones
// among the first few thousand already prove "more than 1,000", and the bitmap's heap pages past
// them are never visited. SQLite needs nothing: its full-text cursor stops where the count does.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  if (!schemaTypes(db).isPostgres) return;
  await sql`create function kb_search_sample(query tsquery, max_rows integer) returns table (article_id bigint)
    language sql stable set enable_seqscan = off set enable_indexscan = off
    as $$ select s.article_id from kb_search as s where s.document @@ query limit max_rows $$`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  if (!schemaTypes(db).isPostgres) return;
  await sql`drop function if exists kb_search_sample(tsquery, integer)`.execute(db);
}
