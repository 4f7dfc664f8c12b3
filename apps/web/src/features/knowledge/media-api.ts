import type {
  ArticleAttachment,
  KnowledgeSettings,
  Me,
  PublicArticleDetail,
  PublicArticlePage,
} from '@itsm/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { queryClient } from '../../lib/query-client';

/** Cache keys of the articles' files (under `['kb']`), the knowledge settings, and the public pages. */
export const mediaKeys = {
  attachments: (articleId: number) => ['kb', 'attachments', articleId] as const,
  settings: ['kb', 'settings'] as const,
  public: ['public-kb'] as const,
  publicList: (query: PublicListQuery) => ['public-kb', 'list', query] as const,
  publicArticle: (id: number) => ['public-kb', 'article', id] as const,
};

export const attachmentsQuery = (articleId: number) =>
  queryOptions({
    queryKey: mediaKeys.attachments(articleId),
    queryFn: () => api<ArticleAttachment[]>('GET', `/kb/articles/${articleId}/attachments`),
  });

/**
 * Uploads one file to an article (multipart, field `file`). The JSON client cannot send a form: this
 * one adds the session's CSRF header itself.
 */
export async function uploadArticleFile(articleId: number, file: File): Promise<ArticleAttachment> {
  const me = queryClient.getQueryData<Me | null>(['me']);
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/v1/kb/articles/${articleId}/attachments`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(me?.csrf_token ? { 'x-csrf-token': me.csrf_token } : {}) },
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as ArticleAttachment;
  const problem = (payload ?? {}) as { code?: string; detail?: string; title?: string };
  throw new ApiError(
    response.status,
    problem.code ?? `HTTP_${response.status}`,
    problem.detail ?? problem.title ?? response.statusText,
  );
}

export const deleteArticleFile = (id: number) => api('DELETE', `/kb/attachments/${id}`);

export const knowledgeSettingsQuery = queryOptions({
  queryKey: mediaKeys.settings,
  queryFn: () => api<KnowledgeSettings>('GET', '/settings/knowledge'),
});

export const saveKnowledgeSettings = (settings: KnowledgeSettings) =>
  api<KnowledgeSettings>('PUT', '/settings/knowledge', settings);

export type PublicListQuery = { q?: string; page?: number };

/** The public knowledge base's articles, newest first or searched (no session needed). */
export const publicArticlesQuery = (query: PublicListQuery) =>
  queryOptions({
    queryKey: mediaKeys.publicList(query),
    queryFn: () =>
      api<PublicArticlePage>('GET', '/public/kb/articles', undefined, {
        q: query.q?.trim() || undefined,
        page: query.page,
        page_size: 20,
      }),
    placeholderData: keepPreviousData,
  });

export const publicArticleQuery = (id: number) =>
  queryOptions({
    queryKey: mediaKeys.publicArticle(id),
    queryFn: () => api<PublicArticleDetail>('GET', `/public/kb/articles/${id}`),
  });
