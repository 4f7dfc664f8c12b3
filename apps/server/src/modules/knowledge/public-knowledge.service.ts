import type {
  PublicArticle,
  PublicArticleDetail,
  PublicArticleHit,
  PublicArticlePage,
} from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type PageLinks, pageUrl } from '../../platform/lists/paginate.js';
import { type ArticleRow, selectArticles, tagsOf } from './articles.repository.js';
import { publicAttachmentUrl, selectAttachments, toArticleAttachment } from './attachments.repository.js';
import type { KbAttachmentService, KbDownload } from './attachments.service.js';
import { PUBLIC_READER, scopeArticles } from './knowledge.policy.js';
import type { KnowledgeSettingsService } from './knowledge-settings.js';
import { renderMarkdown } from './markdown/index.js';
import type { SearchService } from './search/search.service.js';

export type PublicListParams = {
  q?: string;
  category?: number;
  language?: 'fr' | 'en';
  page: number;
  pageSize: number;
};

type Deps = {
  db: Kysely<DB>;
  settings: Pick<KnowledgeSettingsService, 'publicEnabled'>;
  search: SearchService;
  attachments: Pick<KbAttachmentService, 'download'>;
};

const toPublicArticle = (row: ArticleRow, tags: string[]): PublicArticle => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  language: row.language as PublicArticle['language'],
  category_name: row.category_name,
  tags,
  published_at: row.published_at,
  updated_at: row.updated_at,
});

/**
 * The public knowledge base: published articles for everyone that are marked public, read without
 * signing in while an administrator keeps it open. Closed, or any other article: 404, as if it did not
 * exist. Nothing an anonymous reader does is counted (no views, no votes).
 */
export function createPublicKnowledgeService({ db, settings, search, attachments }: Deps) {
  async function assertOpen(code: 'NOT_FOUND' | 'ARTICLE_NOT_FOUND' | 'ATTACHMENT_NOT_FOUND') {
    if (!(await settings.publicEnabled())) throw new AppError(code);
  }
  const visible = () => scopeArticles(PUBLIC_READER, selectArticles(db));

  async function latest(params: PublicListParams, links: PageLinks): Promise<PublicArticlePage> {
    let query = visible();
    if (params.category !== undefined) query = query.where('kb_articles.category_id', '=', params.category);
    if (params.language) query = query.where('kb_articles.language', '=', params.language);
    const offset = (params.page - 1) * params.pageSize;
    const [counted, rows] = await Promise.all([
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
      query
        .orderBy('kb_articles.published_at', 'desc')
        .orderBy('kb_articles.id', 'desc')
        .limit(params.pageSize)
        .offset(offset)
        .execute(),
    ]);
    const count = Number(counted.n);
    const tags = await tagsOf(
      db,
      rows.map((r) => r.id),
    );
    return {
      count,
      next: offset + rows.length < count ? pageUrl(links.baseUrl, links.requestUrl, params.page + 1) : null,
      previous: params.page > 1 ? pageUrl(links.baseUrl, links.requestUrl, params.page - 1) : null,
      results: rows.map((r) => ({ ...toPublicArticle(r, tags.get(r.id) ?? []), highlights: null })),
    };
  }

  return {
    /** The newest public articles, or with `q` the best matches (the knowledge search, public articles only). */
    async list(params: PublicListParams, links: PageLinks): Promise<PublicArticlePage> {
      await assertOpen('NOT_FOUND');
      if (!params.q) return latest(params, links);
      const found = await search.search(
        PUBLIC_READER,
        {
          q: params.q,
          category: params.category,
          language: params.language,
          page: params.page,
          pageSize: params.pageSize,
        },
        links,
      );
      return {
        count: found.count,
        ...(found.count_is_estimate && { count_is_estimate: true }),
        next: found.next,
        previous: found.previous,
        results: found.results.map(
          (hit): PublicArticleHit => ({
            id: hit.article.id,
            title: hit.article.title,
            summary: hit.article.summary,
            language: hit.article.language,
            category_name: hit.article.category_name,
            tags: hit.article.tags,
            published_at: hit.article.published_at,
            updated_at: hit.article.updated_at,
            highlights: { title: hit.title, snippet: hit.snippet },
          }),
        ),
      };
    },

    async detail(id: number): Promise<PublicArticleDetail> {
      await assertOpen('ARTICLE_NOT_FOUND');
      const row = await visible()
        .select('kb_articles.body')
        .where('kb_articles.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('ARTICLE_NOT_FOUND');
      const [tags, files] = await Promise.all([
        tagsOf(db, [id]),
        selectAttachments(db)
          .where('kb_attachments.article_id', '=', id)
          .orderBy('kb_attachments.id')
          .execute(),
      ]);
      return {
        ...toPublicArticle(row, tags.get(id) ?? []),
        body_html: renderMarkdown(row.body, 'public'),
        attachments: files.map((file) => {
          const { uploader: _uploader, ...attachment } = toArticleAttachment(file);
          return { ...attachment, url: publicAttachmentUrl(file.id) };
        }),
      };
    },

    async download(id: number): Promise<KbDownload> {
      await assertOpen('ATTACHMENT_NOT_FOUND');
      return attachments.download(PUBLIC_READER, id);
    },
  };
}

export type PublicKnowledgeService = ReturnType<typeof createPublicKnowledgeService>;
