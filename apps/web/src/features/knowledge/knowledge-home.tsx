import type { Article } from '@itsm/contracts';
import { getRouteApi, Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BookIcon, CloseIcon, PlusIcon } from '../../components/icons';
import { buttonClass } from '../../components/ui/button';
import { SearchField } from '../../components/ui/search-field';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { formatDate } from '../../lib/format';
import { findNode, flattenTree } from '../../lib/tree';
import { useMe } from '../auth/session';
import { ArticleResults } from './article-results';
import { CategoryList } from './category-list';
import { categoryPath, type KbCategoryNode, withoutEmpty } from './category-tree';
import { formatDay, localDay } from './dates';
import { type ArticleSearch, useArticleList, useArticleSearch, useCategoryTree } from './knowledge-api';

const route = getRouteApi('/app/kb');

export const WORK_QUEUES = ['review', 'due', 'drafts'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

const PAGE_SIZE = 20;

/** The filters of a staff work queue: articles to review, published ones whose review is due, drafts. */
function queueSearch(queue: WorkQueue, today: string): Pick<ArticleSearch, 'statuses' | 'reviewBy'> {
  if (queue === 'review') return { statuses: ['in_review'] };
  if (queue === 'due') return { statuses: ['published'], reviewBy: today };
  return { statuses: ['draft'] };
}

const card = 'rounded-2xl border border-slate-200 bg-white shadow-xs dark:border-slate-800 dark:bg-slate-900';
const linkClass =
  'font-medium text-slate-900 outline-none hover:text-indigo-700 hover:underline focus-visible:underline dark:text-white dark:hover:text-indigo-300';

/**
 * The knowledge base: a search box, then either what was searched or browsed (a category, a tag, a
 * staff work queue), or the FAQ, the popular and recent articles and the categories.
 */
export function KnowledgeHome() {
  const { t } = useTranslation('knowledge');
  const me = useMe();
  const staff = me.role !== 'user';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const categories = useCategoryTree();
  const text = search.search ?? '';
  const queue = staff ? search.view : undefined;
  const browsing = Boolean(text.trim() || search.category || search.tag || queue);

  return (
    <div className="flex flex-col gap-6">
      <section className="relative overflow-hidden rounded-2xl border border-indigo-100 bg-gradient-to-br from-indigo-50 via-white to-sky-50 px-4 py-6 sm:px-8 sm:py-8 dark:border-indigo-950 dark:from-indigo-950/50 dark:via-slate-900 dark:to-slate-900">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="flex items-start gap-3">
            <span className="hidden size-11 shrink-0 items-center justify-center rounded-xl bg-indigo-600 text-white shadow-sm sm:flex">
              <BookIcon className="size-6" />
            </span>
            <div>
              <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
                {t('home.title')}
              </h1>
              <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-400">
                {staff ? t('home.staffDescription') : t('home.description')}
              </p>
            </div>
          </div>
          {staff ? (
            <Link to="/kb/articles/new" className={buttonClass('primary', 'shrink-0 self-start')}>
              <PlusIcon className="size-4" />
              {t('home.newArticle')}
            </Link>
          ) : null}
        </div>
        <SearchField
          search
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onCommit={(value) =>
            void navigate({
              search: (prev) => ({ ...prev, search: value || undefined, page: undefined }),
              replace: true,
            })
          }
          className="mt-5 max-w-3xl [&_input]:h-12 [&_input]:rounded-xl [&_input]:pl-11 [&_input]:text-base [&_label]:text-slate-800 dark:[&_label]:text-slate-200 [&_svg]:left-4 [&_svg]:size-5"
        />
      </section>

      {browsing ? (
        <Browse staff={staff} categories={categories.data} />
      ) : (
        <Overview
          staff={staff}
          categories={categories.data}
          categoriesError={categories.error}
          onRetry={() => void categories.refetch()}
        />
      )}
    </div>
  );
}

/** A removable criterion of the results ("« vpn » ✕"). */
function Criterion({
  children,
  onRemove,
  removeLabel,
}: {
  children: ReactNode;
  onRemove: () => void;
  removeLabel: string;
}) {
  return (
    <li className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-3 text-sm font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-900">
      {children}
      <button
        type="button"
        aria-label={removeLabel}
        onClick={onRemove}
        className="inline-flex size-6 items-center justify-center rounded-full outline-none hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-indigo-900"
      >
        <CloseIcon className="size-3.5" />
      </button>
    </li>
  );
}

/** What was searched or browsed: the criteria (each removable), sub-categories, then the articles. */
function Browse({ staff, categories }: { staff: boolean; categories: KbCategoryNode[] | undefined }) {
  const { t } = useTranslation('knowledge');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const text = search.search?.trim() ?? '';
  const queue = staff ? search.view : undefined;
  const tree = categories ?? [];
  const category = search.category ? findNode(tree, search.category) : undefined;
  // A category's articles include those of its sub-categories.
  const ids = category
    ? flattenTree([category]).map((n) => n.node.id)
    : search.category
      ? [search.category]
      : [];
  const query: ArticleSearch = {
    text,
    categories: ids,
    tag: search.tag,
    ...(queue ? queueSearch(queue, localDay()) : {}),
    page: search.page,
    pageSize: PAGE_SIZE,
  };
  // A category's sub-categories are known once the tree has come.
  const results = useArticleSearch(query, !search.category || categories !== undefined);
  const remove = (patch: Record<string, undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });

  const title = queue
    ? t(`queues.${queue}`)
    : category
      ? category.name
      : search.tag
        ? t('results.tagged', { tag: search.tag })
        : t('results.title');

  return (
    <section aria-labelledby="kb-results-title" className="flex flex-col gap-4">
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="kb-results-title" className="text-lg font-semibold text-slate-900 dark:text-white">
            {title}
          </h2>
          <Link to="/kb" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {t('results.backHome')}
          </Link>
        </div>
        <ul aria-label={t('results.criteria')} className="flex flex-wrap gap-2">
          {text ? (
            <Criterion removeLabel={t('results.removeSearch')} onRemove={() => remove({ search: undefined })}>
              {t('results.for', { query: text })}
            </Criterion>
          ) : null}
          {search.category ? (
            <Criterion
              removeLabel={t('results.removeCategory')}
              onRemove={() => remove({ category: undefined })}
            >
              {categoryPath(tree, search.category) ?? t('results.someCategory')}
            </Criterion>
          ) : null}
          {search.tag ? (
            <Criterion removeLabel={t('results.removeTag')} onRemove={() => remove({ tag: undefined })}>
              #{search.tag}
            </Criterion>
          ) : null}
          {queue ? (
            <Criterion removeLabel={t('results.removeQueue')} onRemove={() => remove({ view: undefined })}>
              {t(`queues.${queue}`)}
            </Criterion>
          ) : null}
        </ul>
        {category?.description ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{category.description}</p>
        ) : null}
        {category && category.children.length > 0 ? (
          <nav aria-label={t('results.subcategories')} className="flex flex-wrap gap-2">
            {(staff ? category.children : withoutEmpty(category.children)).map((child) => (
              <Link
                key={child.id}
                from="/kb"
                to="/kb"
                search={(prev) => ({ ...prev, category: child.id, page: undefined })}
                className="inline-flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-xs hover:border-indigo-300 hover:text-indigo-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
              >
                {child.name}
                <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">{child.total}</span>
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <ArticleResults
        page={results.data}
        isLoading={results.isLoading || (!results.data && results.fetchStatus === 'idle')}
        error={results.error}
        onRetry={() => void results.refetch()}
        pageNumber={search.page ?? 1}
        pageSize={PAGE_SIZE}
        onPageChange={(page) =>
          void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })
        }
        query={text}
        staff={staff}
        categories={tree}
        label={title}
        empty={
          <EmptyState title={text ? t('results.noneFor', { query: text }) : t('results.none')}>
            {staff ? (
              <Link to="/kb/articles/new" className={buttonClass('secondary', 'mt-2')}>
                <PlusIcon className="size-4" />
                {t('home.newArticle')}
              </Link>
            ) : (
              <p>
                {t('results.askSupport')}{' '}
                <Link
                  to="/tickets/new"
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {t('results.openTicket')}
                </Link>
              </p>
            )}
          </EmptyState>
        }
      />
    </section>
  );
}

/** A titled card of the home page. */
function Section({
  title,
  id,
  action,
  children,
  className,
}: {
  title: string;
  id: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={clsx(card, 'flex flex-col', className)}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5 dark:border-slate-800">
        <h2 id={id} className="text-base font-semibold text-slate-900 dark:text-white">
          {title}
        </h2>
        {action}
      </div>
      <div className="px-4 py-3 sm:px-5">{children}</div>
    </section>
  );
}

/** A short list's states: the error, the spinner, the empty text, or the items. */
function ShortList({
  list,
  empty,
  children,
}: {
  list: { data?: { results: Article[] }; error: unknown; refetch: () => unknown };
  empty: string;
  children: (article: Article) => ReactNode;
}) {
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Spinner />;
  if (list.data.results.length === 0)
    return <p className="py-2 text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
      {list.data.results.map((article) => (
        <li key={article.id} className="py-2.5 first:pt-1 last:pb-1">
          {children(article)}
        </li>
      ))}
    </ul>
  );
}

const articleLink = (article: Pick<Article, 'id' | 'title'>, className = linkClass) => (
  <Link to="/kb/articles/$id" params={{ id: String(article.id) }} className={className}>
    {article.title}
  </Link>
);

/** The home page without a search: staff work queues, FAQ, popular and recent articles, categories. */
function Overview({
  staff,
  categories,
  categoriesError,
  onRetry,
}: {
  staff: boolean;
  categories: KbCategoryNode[] | undefined;
  categoriesError: unknown;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  // The staff read every status: their home shows, like everyone's, what is published.
  const published = staff ? { status: 'published' } : {};
  const faq = useArticleList('faq', { ...published, is_faq: true, ordering: 'faq_position', page_size: 10 });
  const popular = useArticleList('popular', { ...published, ordering: '-view_count', page_size: 5 });
  const recent = useArticleList('recent', { ...published, ordering: '-published_at', page_size: 5 });
  const tree = categories ? (staff ? categories : withoutEmpty(categories)) : undefined;

  return (
    <>
      {staff ? <WorkQueues /> : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Section id="kb-faq" title={t('home.faq')}>
            <ShortList list={faq} empty={t('home.noFaq')}>
              {(article) => (
                <div className="flex flex-col gap-0.5">
                  {articleLink(article)}
                  {article.summary ? (
                    <p className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
                      {article.summary}
                    </p>
                  ) : null}
                </div>
              )}
            </ShortList>
          </Section>
          <div className="grid gap-6 md:grid-cols-2">
            <Section id="kb-popular" title={t('home.popular')}>
              <ShortList list={popular} empty={t('home.noArticles')}>
                {(article) => (
                  <div className="flex items-baseline justify-between gap-3">
                    {articleLink(article, clsx(linkClass, 'min-w-0 text-sm break-words'))}
                    <span className="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400">
                      {t('home.views', { count: article.view_count })}
                    </span>
                  </div>
                )}
              </ShortList>
            </Section>
            <Section id="kb-recent" title={t('home.recent')}>
              <ShortList list={recent} empty={t('home.noArticles')}>
                {(article) => (
                  <div className="flex items-baseline justify-between gap-3">
                    {articleLink(article, clsx(linkClass, 'min-w-0 text-sm break-words'))}
                    {article.published_at ? (
                      <time
                        dateTime={article.published_at}
                        className="shrink-0 text-xs whitespace-nowrap text-slate-500 dark:text-slate-400"
                      >
                        {formatDate(article.published_at, language)}
                      </time>
                    ) : null}
                  </div>
                )}
              </ShortList>
            </Section>
          </div>
        </div>
        <Section id="kb-categories" title={t('home.categories')}>
          {categoriesError ? (
            <ErrorState error={categoriesError} onRetry={onRetry} />
          ) : !tree ? (
            <Spinner />
          ) : tree.length === 0 ? (
            <p className="py-2 text-sm text-slate-500 dark:text-slate-400">{t('home.noCategories')}</p>
          ) : (
            <nav aria-labelledby="kb-categories">
              <CategoryList nodes={tree} />
            </nav>
          )}
        </Section>
      </div>
    </>
  );
}

/** The staff's work: articles waiting for a review, published ones whose review date has come, drafts. */
function WorkQueues() {
  const { t } = useTranslation('knowledge');
  const today = localDay();
  return (
    <section aria-labelledby="kb-queues" className="flex flex-col gap-3">
      <h2 id="kb-queues" className="sr-only">
        {t('queues.title')}
      </h2>
      <div className="grid grid-cols-3 gap-2 sm:gap-4">
        {WORK_QUEUES.map((queue) => (
          <QueueCard key={queue} queue={queue} today={today} />
        ))}
      </div>
    </section>
  );
}

function QueueCard({ queue, today }: { queue: WorkQueue; today: string }) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const filters = queueSearch(queue, today);
  const list = useArticleList(`queue-${queue}`, {
    status__in: filters.statuses?.join(','),
    review_by__lte: filters.reviewBy,
    ordering: '-updated_at',
    page_size: 3,
  });
  const count = list.data?.count;
  const tone =
    queue === 'due' && count ? 'text-rose-600 dark:text-rose-400' : 'text-slate-900 dark:text-white';
  return (
    <div className={clsx(card, 'flex min-w-0 flex-col gap-2 p-3 sm:p-4')}>
      <Link
        to="/kb"
        search={{ view: queue }}
        className="group flex flex-col-reverse gap-0.5 outline-none focus-visible:underline sm:flex-row sm:items-baseline sm:justify-between sm:gap-2"
      >
        <span className="text-xs font-semibold text-slate-700 group-hover:text-indigo-700 sm:text-sm dark:text-slate-300 dark:group-hover:text-indigo-300">
          {t(`queues.${queue}`)}
        </span>
        <span className={clsx('text-2xl font-bold tabular-nums', tone)}>{count ?? '—'}</span>
      </Link>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.results.length > 0 ? (
        <ul className="hidden flex-col gap-1.5 sm:flex">
          {list.data.results.map((article) => (
            <li key={article.id} className="flex min-w-0 items-center gap-2 text-sm">
              {articleLink(article, clsx(linkClass, 'min-w-0 truncate font-normal'))}
              {queue === 'due' && article.review_by ? (
                <span className="ml-auto shrink-0 text-xs text-rose-600 dark:text-rose-400">
                  {formatDay(article.review_by, language)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : list.data ? (
        <p className="hidden text-sm text-slate-500 sm:block dark:text-slate-400">
          {t(`queues.empty.${queue}`)}
        </p>
      ) : null}
    </div>
  );
}
