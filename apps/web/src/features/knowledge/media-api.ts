import type {
  ArticleAttachment,
  KnowledgeSettings,
  PublicArticleDetail,
  PublicArticlePage,
} from '@itsm/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

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
 * Uploads one file to an article (multipart, field `file`).
 */
export async function uploadArticleFile(articleId: number, file: File): Promise<ArticleAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ArticleAttachment>('POST', `/kb/articles/${articleId}/attachments`, form);
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
