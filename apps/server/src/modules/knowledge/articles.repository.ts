import type {
  Article,
  ArticleLanguage,
  ArticleRevision,
  ArticleStatus,
  ArticleVisibility,
} from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { userNameOf } from '../users/users.repository.js';

/** The columns of an article as lists show it, names of what it points at included. */
export function selectArticles(db: Kysely<DB>) {
  return db
    .selectFrom('kb_articles')
    .select([
      'kb_articles.id',
      'kb_articles.title',
      'kb_articles.summary',
      'kb_articles.status',
      'kb_articles.language',
      'kb_articles.category_id',
      sql<string | null>`(select c.name from kb_categories as c where c.id = kb_articles.category_id)`.as(
        'category_name',
      ),
      'kb_articles.visibility',
      'kb_articles.is_public',
      'kb_articles.is_faq',
      'kb_articles.faq_position',
      'kb_articles.author_id',
      userNameOf('kb_articles.author_id').as('author_name'),
      'kb_articles.owner_id',
      userNameOf('kb_articles.owner_id').as('owner_name'),
      'kb_articles.reviewer_group_id',
      'kb_articles.review_by',
      'kb_articles.view_count',
      'kb_articles.helpful_count',
      'kb_articles.unhelpful_count',
      'kb_articles.resolved_count',
      'kb_articles.revision',
      'kb_articles.published_at',
      'kb_articles.created_at',
      'kb_articles.updated_at',
    ]);
}

export type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticles>['executeTakeFirstOrThrow']>>;

/** Tags of these articles, by article, in name order. */
export async function tagsOf(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (ids.length === 0) return tags;
  const rows = await db
    .selectFrom('kb_article_tags')
    .select(['article_id', 'tag'])
    .where('article_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const row of rows) tags.set(row.article_id, [...(tags.get(row.article_id) ?? []), row.tag]);
  return tags;
}

export function toArticle(row: ArticleRow, tags: string[], today: string): Article {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status as ArticleStatus,
    language: row.language as ArticleLanguage,
    category: row.category_id,
    category_name: row.category_name,
    tags,
    visibility: row.visibility as ArticleVisibility,
    is_public: Boolean(row.is_public),
    is_faq: Boolean(row.is_faq),
    faq_position: row.faq_position,
    author: row.author_id,
    author_name: row.author_name,
    owner: row.owner_id,
    owner_name: row.owner_name,
    review_by: row.review_by,
    is_review_due: row.review_by !== null && row.review_by < today && row.status === 'published',
    view_count: Number(row.view_count),
    helpful_count: row.helpful_count,
    unhelpful_count: row.unhelpful_count,
    resolved_count: row.resolved_count,
    revision: row.revision,
    published_at: row.published_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function selectRevisions(db: Kysely<DB>, articleId: number) {
  return db
    .selectFrom('kb_revisions')
    .select([
      'kb_revisions.id',
      'kb_revisions.number',
      'kb_revisions.title',
      'kb_revisions.summary',
      'kb_revisions.body',
      'kb_revisions.tags_json',
      'kb_revisions.category_id',
      'kb_revisions.status',
      'kb_revisions.note',
      'kb_revisions.author_id',
      userNameOf('kb_revisions.author_id').as('author_name'),
      'kb_revisions.created_at',
    ])
    .where('kb_revisions.article_id', '=', articleId);
}

type RevisionRow = Awaited<ReturnType<ReturnType<typeof selectRevisions>['executeTakeFirstOrThrow']>>;

export const toRevision = (row: RevisionRow): ArticleRevision => ({
  id: row.id,
  number: row.number,
  title: row.title,
  summary: row.summary,
  body: row.body,
  tags: (row.tags_json ?? []) as string[],
  category: row.category_id,
  status: row.status as ArticleStatus,
  note: row.note,
  author: row.author_id,
  author_name: row.author_name,
  created_at: row.created_at,
});
