import { type Kysely, sql } from 'kysely';
import { schemaTypes } from './schema-types.js';

// Full-text search of the knowledge base (docs/adr/0005-knowledge-search.md). The application
// writes each article's terms — stemmed in its language, without accents — to kb_search; the
// database indexes them: an FTS5 table kept in sync by triggers on SQLite, a generated tsvector
// with a GIN index on PostgreSQL. kb_terms is the vocabulary, for typo-tolerant queries.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);

  await db.schema
    .createTable('kb_search')
    .addColumn('article_id', t.bigint, (c) => c.primaryKey().references('kb_articles.id').onDelete('cascade'))
    .addColumn('title_terms', 'text', (c) => c.notNull())
    // Summary, tags and body.
    .addColumn('body_terms', 'text', (c) => c.notNull())
    // The summary and body as plain text (the Markdown rendered and stripped once), for snippets.
    .addColumn('body_text', 'text', (c) => c.notNull())
    .execute();

  // Byte order on PostgreSQL, so that a prefix is a range of the primary key.
  await db.schema
    .createTable('kb_terms')
    .addColumn('term', t.isPostgres ? sql`varchar(100) collate "C"` : 'varchar(100)', (c) => c.primaryKey())
    // Articles whose text holds it.
    .addColumn('docs', 'integer', (c) => c.notNull())
    .execute();

  if (t.isPostgres) {
    await sql`alter table kb_search add column document tsvector generated always as (
      setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B')
    ) stored`.execute(db);
    await sql`create index kb_search_document_idx on kb_search using gin (document)`.execute(db);
  } else {
    await sql`create virtual table kb_search_fts using fts5(
      title_terms, body_terms, content='kb_search', content_rowid='article_id',
      tokenize='unicode61 remove_diacritics 0'
    )`.execute(db);
    // The external-content triggers SQLite's documentation gives, so the index follows every write.
    await sql`create trigger kb_search_ai after insert on kb_search begin
      insert into kb_search_fts(rowid, title_terms, body_terms) values (new.article_id, new.title_terms, new.body_terms);
    end`.execute(db);
    await sql`create trigger kb_search_ad after delete on kb_search begin
      insert into kb_search_fts(kb_search_fts, rowid, title_terms, body_terms)
        values ('delete', old.article_id, old.title_terms, old.body_terms);
    end`.execute(db);
    await sql`create trigger kb_search_au after update on kb_search begin
      insert into kb_search_fts(kb_search_fts, rowid, title_terms, body_terms)
        values ('delete', old.article_id, old.title_terms, old.body_terms);
      insert into kb_search_fts(rowid, title_terms, body_terms) values (new.article_id, new.title_terms, new.body_terms);
    end`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  if (!t.isPostgres) {
    for (const trigger of ['kb_search_ai', 'kb_search_ad', 'kb_search_au'])
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    await sql`drop table if exists kb_search_fts`.execute(db);
  }
  await db.schema.dropTable('kb_terms').execute();
  await db.schema.dropTable('kb_search').execute();
}
