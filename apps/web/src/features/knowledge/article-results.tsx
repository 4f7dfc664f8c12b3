import type { Article, Page, SearchResult } from '@itsm/contracts';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { ErrorState, Spinner } from '../../components/ui/states';
import { Highlight } from '../../components/ui/tree-list';
import { formatDate } from '../../lib/format';
import { ArticleBadges, TagLink } from './article-badges';
import { categoryPath, type KbCategoryNode } from './category-tree';
import { HighlightedText } from './highlighted-text';
import { resultCountText, type Translate } from './search-text';

/** One article of a results list: its title (the words searched marked), summary, category, tags and date. */
export function ArticleResult({
  article,
  query,
  staff,
  categories,
}: {
  article: Article;
  query: string;
  staff: boolean;
  categories: readonly KbCategoryNode[];
}) {
  return (
    <ResultCard
      article={article}
      staff={staff}
      categories={categories}
      title={<Highlight text={article.title} query={query} />}
      excerpt={
        article.summary ? (
          <p className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
            <Highlight text={article.summary} query={query} />
          </p>
        ) : null
      }
      refine={false}
    />
  );
}

/** A page of articles with its count and "previous / next"; loading, error and empty states. */
export function ArticleResults({
  page,
  isLoading,
  error,
  onRetry,
  pageNumber,
  pageSize,
  onPageChange,
  query,
  staff,
  categories,
  empty,
  label,
}: {
  page: Page<Article> | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  pageNumber: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  query: string;
  staff: boolean;
  categories: readonly KbCategoryNode[];
  empty: ReactNode;
  label: string;
}) {
  const { t } = useTranslation('shell');
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (isLoading && !page) return <Spinner />;
  const count = page?.count ?? 0;
  if (count === 0) return <>{empty}</>;
  const lastPage = Math.max(1, Math.ceil(count / pageSize));
  return (
    <div className="flex flex-col gap-3">
      <ul
        aria-label={label}
        className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-xs dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
      >
        {page?.results.map((article) => (
          <li key={article.id}>
            <ArticleResult article={article} query={query} staff={staff} categories={categories} />
          </li>
        ))}
      </ul>
      <nav
        aria-label={t('table.pagination')}
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
      >
        <span className="whitespace-nowrap" aria-live="polite">
          {t('table.count', { count })}
        </span>
        {lastPage > 1 ? (
          <div className="ml-auto flex items-center gap-2">
            <Button
              variant="secondary"
              isDisabled={pageNumber <= 1}
              onPress={() => onPageChange(pageNumber - 1)}
            >
              {t('table.previous')}
            </Button>
            <span aria-current="page" className="whitespace-nowrap">
              {t('table.pageOf', { page: pageNumber, pages: lastPage })}
            </span>
            <Button
              variant="secondary"
              isDisabled={pageNumber >= lastPage}
              onPress={() => onPageChange(pageNumber + 1)}
            >
              {t('table.next')}
            </Button>
          </div>
        ) : null}
      </nav>
    </div>
  );
}

/** A result of the full-text search: its title and best passage with the matching words marked. */
export function SearchResultItem({
  result,
  staff,
  categories,
}: {
  result: SearchResult;
  staff: boolean;
  categories: readonly KbCategoryNode[];
}) {
  return (
    <ResultCard
      article={result.article}
      staff={staff}
      categories={categories}
      title={<HighlightedText parts={result.title} />}
      excerpt={
        result.snippet.length > 0 ? (
          <p className="line-clamp-3 text-sm break-words text-slate-600 dark:text-slate-400">
            <HighlightedText parts={result.snippet} />
          </p>
        ) : null
      }
      refine
    />
  );
}

/**
 * An article in a list: its title (linking to it), badges, excerpt, category, tags and date. The
 * category and tag links browse the knowledge base, or (`refine`, search results) narrow the search.
 */
function ResultCard({
  article,
  staff,
  categories,
  title,
  excerpt,
  refine,
}: {
  article: Article;
  staff: boolean;
  categories: readonly KbCategoryNode[];
  title: ReactNode;
  excerpt: ReactNode;
  refine: boolean;
}) {
  const { t } = useTranslation('knowledge');
  const category = categoryPath(categories, article.category) ?? article.category_name;
  return (
    <article className="flex flex-col gap-1.5 px-4 py-4 sm:px-5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h3 className="min-w-0 text-base font-semibold break-words text-slate-900 dark:text-white">
          <Link
            to="/kb/articles/$id"
            params={{ id: String(article.id) }}
            className="outline-none hover:text-indigo-700 hover:underline focus-visible:underline dark:hover:text-indigo-300"
          >
            {title}
          </Link>
        </h3>
        <ArticleBadges article={article} staff={staff} />
      </div>
      {excerpt}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-500 dark:text-slate-400">
        {category && article.category !== null ? (
          <Link
            from="/kb"
            to="/kb"
            search={
              refine
                ? (prev) => ({ ...prev, category: article.category ?? undefined, page: undefined })
                : { category: article.category }
            }
            aria-label={refine ? t('searchResults.inCategory', { category }) : undefined}
            className="font-medium text-slate-600 hover:text-indigo-700 hover:underline dark:text-slate-300 dark:hover:text-indigo-300"
          >
            {category}
          </Link>
        ) : null}
        {article.tags.length > 0 ? (
          <ul aria-label={t('article.tags')} className="flex flex-wrap gap-1">
            {article.tags.map((tag) => (
              <li key={tag}>
                <TagLink tag={tag} refine={refine} />
              </li>
            ))}
          </ul>
        ) : null}
        <UpdatedOn article={article} />
      </div>
    </article>
  );
}

/** When the article was last updated, and its language when it is not the interface's. */
function UpdatedOn({ article }: { article: Article }) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <span>
      {t('results.updated', { date: formatDate(article.updated_at, language) })}
      {article.language !== language ? (
        <span className="ml-1.5 rounded bg-slate-100 px-1 font-semibold uppercase dark:bg-slate-800">
          {article.language}
        </span>
      ) : null}
    </span>
  );
}

/** "3 articles", "1,000+ articles" (the search stops counting there), in the interface's language. */
export function useResultCount() {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  return (count: number, estimate = false) =>
    resultCountText(t as unknown as Translate, count, estimate, language);
}

/** Previous / next of a page of results, with where the reader is. */
export function Pager({
  page,
  pages,
  hasPrevious,
  hasNext,
  onPageChange,
}: {
  page: number;
  /** Unknown when the count is an estimate. */
  pages: number | null;
  hasPrevious: boolean;
  hasNext: boolean;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation('shell');
  const { t: tk } = useTranslation('knowledge');
  if (!hasPrevious && !hasNext) return null;
  return (
    <div className="ml-auto flex items-center gap-2">
      <Button variant="secondary" isDisabled={!hasPrevious} onPress={() => onPageChange(page - 1)}>
        {t('table.previous')}
      </Button>
      <span aria-current="page" className="whitespace-nowrap">
        {pages === null ? tk('searchResults.page', { page }) : t('table.pageOf', { page, pages })}
      </span>
      <Button variant="secondary" isDisabled={!hasNext} onPress={() => onPageChange(page + 1)}>
        {t('table.next')}
      </Button>
    </div>
  );
}
