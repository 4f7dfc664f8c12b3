import type {
  Article,
  ArticleAction,
  ArticleCreate,
  ArticleDetail,
  ArticleDraft,
  ArticleLanguage,
  ArticleRevision,
  ArticleStatus,
  ArticleSuggestion,
  ArticleUpdate,
  Deflection,
  FaqCandidate,
  KbCategory,
  Page,
  RevisionDiff,
  SearchPage,
  TicketArticle,
  TicketArticleCreate,
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
  fullText: ['kb', 'articles', 'full-text'] as const,
  suggestions: (q: string) => ['kb', 'suggestions', q] as const,
  faqCandidates: ['kb', 'faq-candidates'] as const,
  /** Under `['kb']`: linking or publishing refreshes them too. */
  ticketArticles: (ticketId: number) => ['kb', 'ticket', ticketId, 'articles'] as const,
  ticketDraft: (ticketId: number) => ['kb', 'ticket', ticketId, 'draft'] as const,
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
 * Browsing without words: a category (and its sub-categories), a tag, a language, a staff work queue,
 * most recently changed first. Words go to the ranked full-text search instead (`useFullTextSearch`).
 */
export function searchArticles(search: ArticleSearch & { language?: ArticleLanguage }) {
  const { text, categories, tag, statuses, reviewBy, language, ordering, page, pageSize = 20 } = search;
  return api<Page<Article>>('GET', '/kb/articles', undefined, {
    search: text?.trim() || undefined,
    category__in: categories?.length ? categories.join(',') : undefined,
    tag,
    language,
    status__in: statuses?.length ? statuses.join(',') : undefined,
    review_by__lte: reviewBy,
    page,
    page_size: pageSize,
    ordering: ordering ?? '-updated_at',
  });
}

export function useArticleSearch(search: ArticleSearch & { language?: ArticleLanguage }, enabled = true) {
  return useQuery({
    queryKey: [...kbKeys.search, search],
    queryFn: () => searchArticles(search),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** What the full-text search takes (GET /kb/search): words, then one category, a tag, a language, a status. */
export type FullTextQuery = {
  q: string;
  category?: number;
  tag?: string;
  language?: ArticleLanguage;
  /** Staff only: another status than published. */
  status?: ArticleStatus;
  page?: number;
  pageSize?: number;
};

/** The ranked full-text search: the best matches first, words marked, typos corrected. */
export function useFullTextSearch(query: FullTextQuery, enabled = true) {
  const { q, pageSize = 20, ...filters } = query;
  return useQuery({
    queryKey: [...kbKeys.fullText, query],
    queryFn: () =>
      api<SearchPage>('GET', '/kb/search', undefined, { q: q.trim(), ...filters, page_size: pageSize }),
    placeholderData: keepPreviousData,
    enabled: enabled && q.trim() !== '',
  });
}

/** The five best published articles for what is being typed (a ticket's title, a picker). */
export const suggestionsQuery = (q: string) =>
  queryOptions({
    queryKey: kbKeys.suggestions(q.trim()),
    queryFn: () => api<ArticleSuggestion[]>('GET', '/kb/suggestions', undefined, { q: q.trim() }),
    enabled: q.trim() !== '',
    staleTime: 60_000,
  });

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

/** The articles attached to a ticket (those the reader may read). */
export const ticketArticlesQuery = (ticketId: number) =>
  queryOptions({
    queryKey: kbKeys.ticketArticles(ticketId),
    queryFn: () => api<TicketArticle[]>('GET', `/tickets/${ticketId}/articles`),
  });

/** Attaches an article to a ticket, or changes how (`resolution`: the ticket was resolved with it). */
export const linkArticle = (ticketId: number, body: TicketArticleCreate) =>
  api<TicketArticle[]>('POST', `/tickets/${ticketId}/articles`, body);

export const unlinkArticle = (ticketId: number, articleId: number) =>
  api('DELETE', `/tickets/${ticketId}/articles/${articleId}`);

/** An article draft written by the server from a ticket's problem and solution. */
export const ticketDraftQuery = (ticketId: number) =>
  queryOptions({
    queryKey: kbKeys.ticketDraft(ticketId),
    queryFn: () => api<ArticleDraft>('GET', `/tickets/${ticketId}/article-draft`),
    staleTime: 0,
  });

export type FaqCandidatesOptions = { days: number; minSize: number };

/** Groups of similar resolved tickets without an article, each with a draft (staff). */
export const faqCandidatesQuery = ({ days, minSize }: FaqCandidatesOptions) =>
  queryOptions({
    queryKey: [...kbKeys.faqCandidates, days, minSize],
    queryFn: () => api<FaqCandidate[]>('GET', '/kb/faq-candidates', undefined, { days, min_size: minSize }),
    placeholderData: keepPreviousData,
  });

/** Records a ticket spared by a suggestion; `keepalive` when the tab is closing. */
export const recordDeflection = (body: Deflection, { keepalive = false } = {}) =>
  api('POST', '/kb/deflections', body, undefined, { keepalive });
