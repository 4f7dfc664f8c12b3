import type {
  Article,
  ArticleAction,
  ArticleCreate,
  ArticleDetail,
  ArticleRevision,
  ArticleStatus,
  ArticleUpdate,
  KbCategory,
  Page,
  RevisionDiff,
  Vote,
} from '@itsm/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import { buildCategoryTree } from './category-tree';

/** Cache keys of the knowledge pages: `['kb']` is every one of them (a change refreshes them all). */
export const kbKeys = {
  all: ['kb'] as const,
  categories: ['kb', 'categories'] as const,
  articles: ['kb', 'articles'] as const,
  search: ['kb', 'articles', 'search'] as const,
  detail: (id: number) => ['kb', 'article', id] as const,
  revisions: (id: number) => ['kb', 'revisions', id] as const,
  diff: (id: number, from: number, to: number) => ['kb', 'diff', id, from, to] as const,
};

/** The category tree, every reader's (the counts are the published articles he may read). */
export const categoriesQuery = queryOptions({
  queryKey: kbKeys.categories,
  queryFn: () => api<KbCategory[]>('GET', '/kb/categories'),
  staleTime: 60_000,
});

export const useCategoryTree = () => useQuery({ ...categoriesQuery, select: buildCategoryTree });

export const articleQuery = (id: number) =>
  queryOptions({
    queryKey: kbKeys.detail(id),
    queryFn: () => api<ArticleDetail>('GET', `/kb/articles/${id}`),
  });

/** What a reader looks for: words, narrowed to categories or a tag; the staff's work queues. */
export type ArticleSearch = {
  text?: string;
  /** A category and its sub-categories. */
  categories?: readonly number[];
  tag?: string;
  /** Staff only: the statuses to include (readers only ever get published articles). */
  statuses?: readonly ArticleStatus[];
  /** Articles to review on or before this day (YYYY-MM-DD). */
  reviewBy?: string;
  ordering?: string;
  page?: number;
  pageSize?: number;
};

/**
 * The knowledge search. Today the API's `search` (the title or the summary contains the words);
 * full-text search will replace it here, behind the same pages.
 */
export function searchArticles(search: ArticleSearch) {
  const { text, categories, tag, statuses, reviewBy, ordering, page, pageSize = 20 } = search;
  return api<Page<Article>>('GET', '/kb/articles', undefined, {
    search: text?.trim() || undefined,
    category__in: categories?.length ? categories.join(',') : undefined,
    tag,
    status__in: statuses?.length ? statuses.join(',') : undefined,
    review_by__lte: reviewBy,
    page,
    page_size: pageSize,
    // The most recently changed first while the API has no relevance to sort by.
    ordering: ordering ?? '-updated_at',
  });
}

export function useArticleSearch(search: ArticleSearch, enabled = true) {
  return useQuery({
    queryKey: [...kbKeys.search, search],
    queryFn: () => searchArticles(search),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A short list of articles (the home page's sections), with its total. */
export function useArticleList(name: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: [...kbKeys.articles, name, query],
    queryFn: () => api<Page<Article>>('GET', '/kb/articles', undefined, query),
    enabled,
  });
}

export const createArticle = (body: ArticleCreate) => api<ArticleDetail>('POST', '/kb/articles', body);

export const updateArticle = (id: number, body: ArticleUpdate) =>
  api<ArticleDetail>('PATCH', `/kb/articles/${id}`, body);

export const deleteArticle = (id: number) => api('DELETE', `/kb/articles/${id}`);

export const transitionArticle = (id: number, action: ArticleAction, note?: string) =>
  api<ArticleDetail>('POST', `/kb/articles/${id}/transitions`, { action, ...(note ? { note } : {}) });

export const voteArticle = (id: number, vote: Vote) =>
  api<ArticleDetail>('PUT', `/kb/articles/${id}/vote`, vote);

/** Counts one reading of the article page. */
export const countView = (id: number) => api('POST', `/kb/articles/${id}/views`);

export const revisionsQuery = (id: number, page: number) =>
  queryOptions({
    queryKey: [...kbKeys.revisions(id), page],
    queryFn: () =>
      api<Page<ArticleRevision>>('GET', `/kb/articles/${id}/revisions`, undefined, { page, page_size: 50 }),
    placeholderData: keepPreviousData,
  });

export const diffQuery = (id: number, from: number, to: number) =>
  queryOptions({
    queryKey: kbKeys.diff(id, from, to),
    queryFn: () => api<RevisionDiff>('GET', `/kb/articles/${id}/diff`, undefined, { from, to }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const restoreRevision = (id: number, number: number) =>
  api<ArticleDetail>('POST', `/kb/articles/${id}/revisions/${number}/restore`);
