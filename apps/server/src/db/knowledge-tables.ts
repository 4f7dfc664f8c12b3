import type { Generated } from 'kysely';

// Table types of the knowledge base (migrations 20261125100000_create_knowledge and
// 20261125110000_create_knowledge_search).

export interface KbCategoriesTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  parent_id: number | null;
  position: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface KbArticlesTable {
  id: Generated<number>;
  title: string;
  summary: Generated<string>;
  body: string;
  language: string;
  status: Generated<string>;
  category_id: number | null;
  author_id: number | null;
  owner_id: number | null;
  reviewer_group_id: number | null;
  review_by: string | null;
  visibility: Generated<string>;
  is_public: Generated<boolean>;
  is_faq: Generated<boolean>;
  faq_position: number | null;
  view_count: Generated<number>;
  helpful_count: Generated<number>;
  unhelpful_count: Generated<number>;
  resolved_count: Generated<number>;
  revision: Generated<number>;
  source_ticket_id: number | null;
  published_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface KbArticleStructuresTable {
  article_id: number;
  structure_id: number;
}

export interface KbArticleTagsTable {
  article_id: number;
  tag: string;
}

export interface KbRevisionsTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  title: string;
  summary: string;
  body: string;
  tags_json: unknown;
  category_id: number | null;
  status: string;
  note: string | null;
  author_id: number | null;
  created_at: Generated<string>;
}

export interface KbAttachmentsTable {
  id: Generated<number>;
  article_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  uploader_id: number | null;
  created_at: Generated<string>;
}

export interface KbVotesTable {
  id: Generated<number>;
  article_id: number;
  user_id: number;
  is_helpful: boolean;
  comment: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TicketArticlesTable {
  ticket_id: number;
  article_id: number;
  kind: string;
  created_by_id: number | null;
  created_at: Generated<string>;
}

export interface KbDeflectionsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  query: string | null;
  created_at: Generated<string>;
}

export interface KbSearchTable {
  article_id: number;
  title_terms: string;
  body_terms: string;
  body_text: string;
}

export interface KbTermsTable {
  term: string;
  docs: number;
}

export interface KnowledgeTables {
  kb_categories: KbCategoriesTable;
  kb_articles: KbArticlesTable;
  kb_article_structures: KbArticleStructuresTable;
  kb_article_tags: KbArticleTagsTable;
  kb_revisions: KbRevisionsTable;
  kb_attachments: KbAttachmentsTable;
  kb_votes: KbVotesTable;
  ticket_articles: TicketArticlesTable;
  kb_deflections: KbDeflectionsTable;
  kb_search: KbSearchTable;
  kb_terms: KbTermsTable;
}
