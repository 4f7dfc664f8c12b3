import type { Kysely } from 'kysely';
import { schemaTypes } from './schema-types.js';

// The knowledge base: categories, articles with their revisions, tags, visibility by structure,
// attachments, "was this helpful?" votes, links with tickets and deflected tickets. The search
// index comes with its own migration.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable('kb_categories')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('parent_id', t.bigint, (c) => c.references('kb_categories.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('kb_categories_parent_id_idx', 'kb_categories', ['parent_id']);

  await db.schema
    .createTable('kb_articles')
    .$call(t.withId)
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    // Markdown; rendered sanitised.
    .addColumn('body', 'text', (c) => c.notNull())
    // fr | en: which stemmer the search index uses.
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    // draft | in_review | published | archived
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('draft'))
    .addColumn('category_id', t.bigint, (c) => c.references('kb_categories.id').onDelete('set null'))
    .addColumn('author_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    // Who keeps it up to date (review-by reminders go to him).
    .addColumn('owner_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    // When set, publishing goes through a review by a member of this group.
    .addColumn('reviewer_group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('review_by', 'varchar(10)')
    // everyone | staff | structures (kb_article_structures)
    .addColumn('visibility', 'varchar(16)', (c) => c.notNull().defaultTo('everyone'))
    // Readable without signing in, when the instance allows public articles.
    .addColumn('is_public', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('is_faq', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('faq_position', 'integer')
    .addColumn('view_count', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unhelpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Tickets resolved with it (ticket_articles, kind resolution), kept here for ranking.
    .addColumn('resolved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('source_ticket_id', t.bigint, (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('kb_articles_status_updated_at_idx', 'kb_articles', ['status', 'updated_at']);
  await index('kb_articles_category_id_idx', 'kb_articles', ['category_id']);
  await index('kb_articles_author_id_idx', 'kb_articles', ['author_id']);
  await index('kb_articles_owner_id_idx', 'kb_articles', ['owner_id']);
  await index('kb_articles_reviewer_group_id_idx', 'kb_articles', ['reviewer_group_id']);
  await index('kb_articles_source_ticket_id_idx', 'kb_articles', ['source_ticket_id']);
  await index('kb_articles_is_faq_idx', 'kb_articles', ['is_faq', 'faq_position']);
  await index('kb_articles_review_by_idx', 'kb_articles', ['review_by']);

  await db.schema
    .createTable('kb_article_structures')
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('structure_id', t.bigint, (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('kb_article_structures_pkey', ['article_id', 'structure_id'])
    .execute();
  await index('kb_article_structures_structure_id_idx', 'kb_article_structures', ['structure_id']);

  await db.schema
    .createTable('kb_article_tags')
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('tag', 'varchar(60)', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_article_tags_pkey', ['article_id', 'tag'])
    .execute();
  await index('kb_article_tags_tag_idx', 'kb_article_tags', ['tag']);

  // Every save: what the article was then, to show the changes and to restore it.
  await db.schema
    .createTable('kb_revisions')
    .$call(t.withId)
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(500)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags_json', t.json, (c) => c.notNull())
    .addColumn('category_id', t.bigint, (c) => c.references('kb_categories.id').onDelete('set null'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('author_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('kb_revisions_article_id_number_key', ['article_id', 'number'])
    .execute();
  await index('kb_revisions_category_id_idx', 'kb_revisions', ['category_id']);
  await index('kb_revisions_author_id_idx', 'kb_revisions', ['author_id']);

  await db.schema
    .createTable('kb_attachments')
    .$call(t.withId)
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(150)', (c) => c.notNull())
    .addColumn('size_bytes', t.bigint, (c) => c.notNull())
    .addColumn('storage_key', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('uploader_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('kb_attachments_article_id_idx', 'kb_attachments', ['article_id']);
  await index('kb_attachments_uploader_id_idx', 'kb_attachments', ['uploader_id']);

  await db.schema
    .createTable('kb_votes')
    .$call(t.withId)
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('is_helpful', t.boolean, (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('kb_votes_article_id_user_id_key', ['article_id', 'user_id'])
    .execute();
  await index('kb_votes_user_id_idx', 'kb_votes', ['user_id']);

  // An article attached to a ticket, or the one it was resolved with.
  await db.schema
    .createTable('ticket_articles')
    .addColumn('ticket_id', t.bigint, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    // linked | resolution
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addPrimaryKeyConstraint('ticket_articles_pkey', ['ticket_id', 'article_id'])
    .execute();
  await index('ticket_articles_article_id_idx', 'ticket_articles', ['article_id']);
  await index('ticket_articles_created_by_id_idx', 'ticket_articles', ['created_by_id']);

  // A suggestion read while opening a ticket that was then not submitted: a deflected ticket.
  await db.schema
    .createTable('kb_deflections')
    .$call(t.withId)
    .addColumn('article_id', t.bigint, (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('user_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('query', 'varchar(200)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('kb_deflections_article_id_idx', 'kb_deflections', ['article_id']);
  await index('kb_deflections_user_id_idx', 'kb_deflections', ['user_id']);
  await index('kb_deflections_created_at_idx', 'kb_deflections', ['created_at']);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'kb_deflections',
    'ticket_articles',
    'kb_votes',
    'kb_attachments',
    'kb_revisions',
    'kb_article_tags',
    'kb_article_structures',
    'kb_articles',
    'kb_categories',
  ])
    await db.schema.dropTable(table).execute();
}
