import { type Kysely, sql } from 'kysely';
import { schemaTypes } from './schema-types.js';

// The titles' terms indexed on their own (docs/adr/0005): articles whose title holds every word of
// a search come first, ranked by their title (a short title that is all about the words ranks
// best), and suggestions look only there. Ranking them in the whole-document index would read every
// matching article's body positions (SQLite) or whole tsvector from TOAST (PostgreSQL), and judge
// titles by their body's length.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  if (schemaTypes(db).isPostgres) {
    // Rows of ~250 bytes: the body's text, terms and document go to TOAST (they are read for the
    // twenty results of a page, or by the GIN index, not row by row), so that scanning the matches
    // and ranking titles reads a 27 MB heap rather than 170 MB at 100,000 articles. The update
    // rewrites the rows already there (the generated document is computed again, then toasted).
    await sql`alter table kb_search set (toast_tuple_target = 400)`.execute(db);
    await sql`alter table kb_search add column title_document tsvector
      generated always as (to_tsvector('simple', title_terms)) stored`.execute(db);
    await sql`update kb_search set body_text = body_text`.execute(db);
    await sql`create index kb_search_title_document_idx on kb_search using gin (title_document)`.execute(db);
    // The articles whose document matches — all of them, or the newest `max_rows` — always from
    // the GIN index (a bitmap): the planner does not count the TOAST read that testing a document
    // row by row costs, and would rather scan the table or walk the primary key backwards.
    await sql`create function kb_search_matches(query tsquery) returns table (article_id bigint)
      language sql stable set enable_seqscan = off
      as $$ select s.article_id from kb_search as s where s.document @@ query $$`.execute(db);
    await sql`create function kb_search_newest(query tsquery, max_rows integer) returns table (article_id bigint)
      language sql stable set enable_seqscan = off set enable_indexscan = off
      as $$ select s.article_id from kb_search as s where s.document @@ query
        order by s.article_id desc limit max_rows $$`.execute(db);
    return;
  }
  await sql`create virtual table kb_title_fts using fts5(
    title_terms, content='kb_search', content_rowid='article_id', tokenize='unicode61 remove_diacritics 0'
  )`.execute(db);
  await sql`create trigger kb_search_title_ai after insert on kb_search begin
    insert into kb_title_fts(rowid, title_terms) values (new.article_id, new.title_terms);
  end`.execute(db);
  await sql`create trigger kb_search_title_ad after delete on kb_search begin
    insert into kb_title_fts(kb_title_fts, rowid, title_terms) values ('delete', old.article_id, old.title_terms);
  end`.execute(db);
  await sql`create trigger kb_search_title_au after update on kb_search begin
    insert into kb_title_fts(kb_title_fts, rowid, title_terms) values ('delete', old.article_id, old.title_terms);
    insert into kb_title_fts(rowid, title_terms) values (new.article_id, new.title_terms);
  end`.execute(db);
  await sql`insert into kb_title_fts(kb_title_fts) values ('rebuild')`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  if (schemaTypes(db).isPostgres) {
    await sql`drop function if exists kb_search_newest(tsquery, integer)`.execute(db);
    await sql`drop function if exists kb_search_matches(tsquery)`.execute(db);
    await sql`drop index if exists kb_search_title_document_idx`.execute(db);
    await sql`alter table kb_search drop column if exists title_document`.execute(db);
    await sql`alter table kb_search reset (toast_tuple_target)`.execute(db);
    return;
  }
  for (const trigger of ['kb_search_title_ai', 'kb_search_title_ad', 'kb_search_title_au'])
    await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
  await sql`drop table if exists kb_title_fts`.execute(db);
}
