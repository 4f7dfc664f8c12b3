import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type Article,
  type ArticleLanguage,
  type ArticleStatus,
} from '@itsm/contracts';
import { getRouteApi, Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookIcon, CloseIcon, LifebuoyIcon, PlusIcon, SlidersIcon } from '../../components/icons';
import { Alert } from '../../components/ui/alert';
import { Button, buttonClass } from '../../components/ui/button';
import { SearchField } from '../../components/ui/search-field';
import { SelectField } from '../../components/ui/select-field';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { formatDate } from '../../lib/format';
import { findNode, flattenTree } from '../../lib/tree';
import { useMediaQuery } from '../../lib/use-media-query';
import { useMe } from '../auth/session';
import { ArticleResults, Pager, SearchResultItem, useResultCount } from './article-results';
import { CategoryList } from './category-list';
import { categoryOptions, type KbCategoryNode, withoutEmpty } from './category-tree';
import { formatDay, localDay, previousDay } from './dates';
import {
  type ArticleSearch,
  useArticleList,
  useArticleSearch,
  useCategoryTree,
  useFullTextSearch,
} from './knowledge-api';
import { type CorrectionNotice, correctionNotice } from './search-text';

const route = getRouteApi('/app/kb');

export const WORK_QUEUES = ['review', 'due', 'drafts'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

const PAGE_SIZE = 20;
/** The full-text search serves its first 50 pages. */
const LAST_SEARCH_PAGE = 50;

/**
 * The filters of a staff work queue: articles to review, published ones whose review-by date has
 * passed (the day before today at the latest, as the API's `is_review_due`), drafts.
 */
function queueSearch(queue: WorkQueue, today: string): Pick<ArticleSearch, 'statuses' | 'reviewBy'> {
  if (queue === 'review') return { statuses: ['in_review'] };
  if (queue === 'due') return { statuses: ['published'], reviewBy: previousDay(today) };
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
  const browsing = Boolean(
    text.trim() || search.category || search.tag || search.language || queue || (staff && search.status),
  );

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
            <div className="flex shrink-0 flex-wrap gap-2 self-start">
              <Link to="/kb/faq-candidates" className={buttonClass('secondary')}>
                <LifebuoyIcon className="size-4" />
                {t('home.faqCandidates')}
              </Link>
              <Link to="/kb/articles/new" className={buttonClass('primary')}>
                <PlusIcon className="size-4" />
                {t('home.newArticle')}
              </Link>
            </div>
          ) : null}
        </div>
        <SearchField
          search
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onCommit={(value) =>
            void navigate({
              // Words are searched among all the articles: a work queue (a list, not a search) is left.
              search: (prev) => ({
                ...prev,
                search: value || undefined,
                view: value ? undefined : prev.view,
                page: undefined,
              }),
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

/** Every criterion a search or a browse may add (to pass over them all at once). */
type Criteria = {
  search?: string;
  category?: number;
  tag?: string;
  language?: ArticleLanguage;
  status?: ArticleStatus;
};

/**
 * What was searched or browsed: the words and work queue (each removable), the filters (category,
 * tag, language, status for the staff), sub-categories, then the articles. Words go to the ranked
 * full-text search; without words, the articles are listed, most recently changed first.
 */
function Browse({ staff, categories }: { staff: boolean; categories: KbCategoryNode[] | undefined }) {
  const { t } = useTranslation('knowledge');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const text = search.search?.trim() ?? '';
  const queue = staff ? search.view : undefined;
  const tree = categories ?? [];
  const category = search.category ? findNode(tree, search.category) : undefined;
  const update = (patch: Criteria & { view?: undefined }) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });

  const title = text
    ? t('results.title')
    : queue
      ? t(`queues.${queue}`)
      : category
        ? category.name
        : search.tag
          ? t('results.tagged', { tag: search.tag })
          : t('results.title');
  const empty = (
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
  );

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
        {text || queue ? (
          <ul aria-label={t('results.criteria')} className="flex flex-wrap gap-2">
            {text ? (
              <Criterion
                removeLabel={t('results.removeSearch')}
                onRemove={() => update({ search: undefined })}
              >
                {t('results.for', { query: text })}
              </Criterion>
            ) : null}
            {queue ? (
              <Criterion removeLabel={t('results.removeQueue')} onRemove={() => update({ view: undefined })}>
                {t(`queues.${queue}`)}
              </Criterion>
            ) : null}
          </ul>
        ) : null}
        <SearchFilters staff={staff} fullText={text !== ''} queue={queue} tree={tree} onChange={update} />
        {category?.description ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{category.description}</p>
        ) : null}
        {!text && category && category.children.length > 0 ? (
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
      {text ? (
        <FullTextResults text={text} staff={staff} tree={tree} label={title} empty={empty} />
      ) : (
        <ListedArticles
          staff={staff}
          tree={tree}
          // A category's sub-categories are known once the tree has come.
          ready={!search.category || categories !== undefined}
          category={category}
          label={title}
          empty={empty}
        />
      )}
    </section>
  );
}

/** The filters of a search or a browse, kept in the URL: category, tag, language, and status (staff). */
function SearchFilters({
  staff,
  fullText,
  queue,
  tree,
  onChange,
}: {
  staff: boolean;
  fullText: boolean;
  queue: WorkQueue | undefined;
  tree: KbCategoryNode[];
  onChange: (patch: Criteria) => void;
}) {
  const { t } = useTranslation('knowledge');
  const search = route.useSearch();
  // On a phone the filters fold away behind a button, for the results to come first.
  const wide = useMediaQuery('(min-width: 640px)');
  const [unfolded, setUnfolded] = useState(false);
  // The full-text search looks among the published articles unless told otherwise; a list, among all.
  const status = search.status ?? (fullText ? 'published' : '');
  const active = [search.category, search.tag, search.language, staff && !queue ? search.status : undefined];
  const count = active.filter((value) => value !== undefined && value !== '').length;
  if (!wide && !unfolded) {
    return (
      <Button
        variant="secondary"
        className="self-start"
        aria-expanded={false}
        onPress={() => setUnfolded(true)}
      >
        <SlidersIcon className="size-4" />
        {count > 0 ? t('filters.showActive', { count }) : t('filters.show')}
      </Button>
    );
  }
  return (
    <fieldset className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <legend className="sr-only">{t('filters.title')}</legend>
      <SelectField
        label={t('fields.category')}
        value={search.category ? String(search.category) : ''}
        onChange={(value) => onChange({ category: value ? Number(value) : undefined })}
        options={categoryOptions(tree)}
        emptyLabel={t('filters.anyCategory')}
        className="col-span-2 sm:col-span-1"
      />
      <SearchField
        label={t('filters.tag')}
        placeholder={t('filters.tagPlaceholder')}
        value={search.tag ?? ''}
        onCommit={(value) => onChange({ tag: value.toLowerCase() || undefined })}
        className="col-span-2 sm:col-span-1"
      />
      <SelectField
        label={t('fields.language')}
        value={search.language ?? ''}
        onChange={(value) => onChange({ language: (value || undefined) as ArticleLanguage | undefined })}
        options={ARTICLE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        emptyLabel={t('filters.anyLanguage')}
      />
      {staff && !queue ? (
        <SelectField
          label={t('fields.status')}
          value={status}
          onChange={(value) =>
            onChange({
              status:
                value === '' || (fullText && value === 'published') ? undefined : (value as ArticleStatus),
            })
          }
          options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          emptyLabel={fullText ? undefined : t('filters.anyStatus')}
        />
      ) : null}
    </fieldset>
  );
}

/** The results of the full-text search: corrections, the best matches first, the count and pages. */
function FullTextResults({
  text,
  staff,
  tree,
  label,
  empty,
}: {
  text: string;
  staff: boolean;
  tree: KbCategoryNode[];
  label: string;
  empty: ReactNode;
}) {
  const { t } = useTranslation('shell');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const countText = useResultCount();
  const page = Math.min(search.page ?? 1, LAST_SEARCH_PAGE);
  const results = useFullTextSearch({
    q: text,
    category: search.category,
    tag: search.tag,
    language: search.language,
    status: staff ? search.status : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  if (results.error) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Spinner />;
  const data = results.data;
  const pages = data.count_is_estimate ? null : Math.max(1, Math.ceil(data.count / PAGE_SIZE));
  return (
    <div className="flex flex-col gap-3" aria-busy={results.isPlaceholderData || undefined}>
      <Corrections notice={correctionNotice(data)} found={data.results.length > 0} />
      {data.results.length === 0 ? (
        empty
      ) : (
        <>
          <ul
            aria-label={label}
            className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-xs dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
          >
            {data.results.map((result) => (
              <li key={result.article.id}>
                <SearchResultItem result={result} staff={staff} categories={tree} />
              </li>
            ))}
          </ul>
          <nav
            aria-label={t('table.pagination')}
            className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
          >
            <span className="whitespace-nowrap" aria-live="polite">
              {countText(data.count, data.count_is_estimate)}
            </span>
            <Pager
              page={page}
              pages={pages}
              hasPrevious={data.previous !== null}
              hasNext={data.next !== null && page < LAST_SEARCH_PAGE}
              onPageChange={(next) =>
                void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
              }
            />
          </nav>
        </>
      )}
    </div>
  );
}

/**
 * What the search did with the words it did not know: "Showing results for imprimante instead of
 * “imprimnate”", "No article contains “zzqxw”" (left out when other words found articles).
 */
function Corrections({ notice, found }: { notice: CorrectionNotice; found: boolean }) {
  const { t } = useTranslation('knowledge');
  if (notice.corrected.length === 0 && notice.unknown.length === 0) return null;
  const count = notice.unknown.length;
  return (
    <Alert tone="info">
      <ul className="flex flex-col gap-1">
        {notice.corrected.map(({ typed, shown }) => (
          <li key={typed}>
            {t('searchResults.showingFor')} <strong className="font-semibold">{shown.join(', ')}</strong>{' '}
            {t('searchResults.insteadOf', { typed })}
          </li>
        ))}
        {count > 0 ? (
          <li>
            {t('searchResults.unknownWords', {
              count,
              words: notice.unknown.map((word) => t('searchResults.quoted', { word })).join(', '),
            })}
            {found ? <> {t('searchResults.leftOut', { count })}</> : null}
          </li>
        ) : null}
      </ul>
    </Alert>
  );
}

/** The articles of a category, a tag, a language or a work queue, without words: a list. */
function ListedArticles({
  staff,
  tree,
  ready,
  category,
  label,
  empty,
}: {
  staff: boolean;
  tree: KbCategoryNode[];
  ready: boolean;
  category: KbCategoryNode | undefined;
  label: string;
  empty: ReactNode;
}) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queue = staff ? search.view : undefined;
  // A category's articles include those of its sub-categories.
  const ids = category
    ? flattenTree([category]).map((n) => n.node.id)
    : search.category
      ? [search.category]
      : [];
  const status = staff && !queue ? search.status : undefined;
  const query = {
    categories: ids,
    tag: search.tag,
    language: search.language,
    ...(status ? { statuses: [status] } : {}),
    ...(queue ? queueSearch(queue, localDay()) : {}),
    page: search.page,
    pageSize: PAGE_SIZE,
  };
  const results = useArticleSearch(query, ready);
  return (
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
      query=""
      staff={staff}
      categories={tree}
      label={label}
      empty={empty}
    />
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
      {staff ? (
        <>
          <WorkQueues />
          <MyReviewsDue />
        </>
      ) : null}
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

/** The articles the signed-in member of the staff owns whose review-by date has passed. */
function useMyReviewsDue(pageSize: number) {
  const me = useMe();
  return useArticleList('mine-due', {
    owner: me.id,
    status: 'published',
    review_by__lte: previousDay(localDay()),
    // The longest overdue first.
    ordering: 'review_by',
    page_size: pageSize,
  });
}

const MY_REVIEWS_ID = 'kb-my-reviews';

/** "Your articles to review": those the reader owns whose review-by date has passed. */
function MyReviewsDue() {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const list = useMyReviewsDue(10);
  const count = list.data?.count ?? 0;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (count === 0) return null;
  return (
    <section
      id={MY_REVIEWS_ID}
      aria-labelledby={`${MY_REVIEWS_ID}-title`}
      className={clsx(card, 'scroll-mt-20 border-rose-200 dark:border-rose-900/60')}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5 dark:border-slate-800">
        <h2 id={`${MY_REVIEWS_ID}-title`} className="text-base font-semibold text-slate-900 dark:text-white">
          {t('myReviews.title')}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('myReviews.description', { count })}</p>
      </div>
      <ul className="flex flex-col divide-y divide-slate-100 px-4 sm:px-5 dark:divide-slate-800">
        {list.data?.results.map((article) => (
          <li
            key={article.id}
            className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2.5"
          >
            {articleLink(article, clsx(linkClass, 'min-w-0 text-sm break-words'))}
            <span className="flex shrink-0 items-baseline gap-3 text-xs">
              {article.review_by ? (
                <span className="text-rose-600 dark:text-rose-400">
                  {t('myReviews.since', { date: formatDay(article.review_by, language) })}
                </span>
              ) : null}
              <Link
                to="/kb/articles/$id/edit"
                params={{ id: String(article.id) }}
                aria-label={t('myReviews.editLabel', { title: article.title })}
                className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {t('myReviews.edit')}
              </Link>
            </span>
          </li>
        ))}
      </ul>
      {count > (list.data?.results.length ?? 0) ? (
        <p className="border-t border-slate-100 px-4 py-2.5 text-sm sm:px-5 dark:border-slate-800">
          <Link
            to="/kb"
            search={{ view: 'due' }}
            className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t('myReviews.all')}
          </Link>
        </p>
      ) : null}
    </section>
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
      {queue === 'due' ? <MineDueLink /> : null}
    </div>
  );
}

/** On the "Review due" counter: how many of them are the reader's, leading to his list. */
function MineDueLink() {
  const { t } = useTranslation('knowledge');
  const mine = useMyReviewsDue(1);
  const count = mine.data?.count ?? 0;
  if (count === 0) return null;
  return (
    <a
      href={`#${MY_REVIEWS_ID}`}
      className="mt-auto text-xs font-semibold text-rose-700 hover:underline sm:text-sm dark:text-rose-300"
    >
      {t('myReviews.link', { count })}
    </a>
  );
}
