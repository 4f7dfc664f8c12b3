import type { PublicArticleHit } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowRightIcon, LogoMark } from '../../components/icons';
import { LanguageSwitcher } from '../../components/language-switcher';
import { buttonClass } from '../../components/ui/button';
import { SearchField } from '../../components/ui/search-field';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { meQuery } from '../auth/session';
import { ArticleAttachmentList } from './article-attachments';
import { ArticleBody } from './article-body';
import { publicArticleQuery, publicArticlesQuery } from './media-api';

const listRoute = getRouteApi('/public/kb');
const articleRoute = getRouteApi('/public/kb/articles/$id');

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The frame of the public help center: no menu, no session needed; the language switch, and a way
 * in (sign in, then back to what was being read) or, signed in already, to the knowledge base.
 */
function PublicLayout({ signInTo, children }: { signInTo: string; children: ReactNode }) {
  const { t } = useTranslation('knowledge');
  // /auth/session answers null for nobody: no 401, nothing sends this page to the sign-in form.
  const me = useQuery(meQuery);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 dark:bg-slate-950">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-4 py-3">
          <Link
            to="/public/kb"
            search={{}}
            className="flex min-w-0 items-center gap-2 font-semibold text-slate-900 dark:text-white"
          >
            <LogoMark className="size-8 shrink-0" />
            <span className="truncate">{t('publicKb.title')}</span>
          </Link>
          <div className="flex shrink-0 items-center gap-2">
            <LanguageSwitcher />
            {me.data ? (
              <Link to="/kb" className={buttonClass('secondary', 'py-1.5')}>
                {t('home.title')}
              </Link>
            ) : (
              <Link to="/login" search={{ redirect: signInTo }} className={buttonClass('primary', 'py-1.5')}>
                {t('publicKb.signIn')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-6 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}

function Closed() {
  const { t } = useTranslation('knowledge');
  return (
    <EmptyState title={t('publicKb.closedTitle')}>
      <p>{t('publicKb.closedText')}</p>
    </EmptyState>
  );
}

function Hit({ article }: { article: PublicArticleHit }) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const parts = (list: { text: string; hit: boolean }[]) =>
    list.map((part, index) =>
      part.hit ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
        <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60">
          {part.text}
        </mark>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
        <span key={index}>{part.text}</span>
      ),
    );
  return (
    <li>
      <Link
        to="/public/kb/articles/$id"
        params={{ id: String(article.id) }}
        className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 outline-none hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-700"
      >
        <span className="text-base font-semibold text-slate-900 dark:text-white">
          {article.highlights ? parts(article.highlights.title) : article.title}
        </span>
        {article.highlights && article.highlights.snippet.length > 0 ? (
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {parts(article.highlights.snippet)}
          </span>
        ) : article.summary ? (
          <span className="text-sm text-slate-600 dark:text-slate-400">{article.summary}</span>
        ) : null}
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {article.category_name ? `${article.category_name} · ` : ''}
          {t('publicKb.updated', { date: formatDate(article.updated_at, language) })}
        </span>
      </Link>
    </li>
  );
}

/** /public/kb: the public articles, newest first, or the ones matching a search. */
export function PublicKnowledgePage() {
  const { t } = useTranslation('knowledge');
  const { q = '', page = 1 } = listRoute.useSearch();
  const navigate = useNavigate();
  const articles = useQuery(publicArticlesQuery({ q, page }));

  const goTo = (next: { q?: string; page?: number }) =>
    void navigate({
      to: '/public/kb',
      search: { q: next.q || undefined, page: next.page && next.page > 1 ? next.page : undefined },
    });

  if (isNotFound(articles.error))
    return (
      <PublicLayout signInTo="/kb">
        <Closed />
      </PublicLayout>
    );

  const data = articles.data;
  return (
    <PublicLayout signInTo={q ? `/kb?search=${encodeURIComponent(q)}` : '/kb'}>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
          {t('publicKb.title')}
        </h1>
        <p className="text-slate-600 dark:text-slate-400">{t('publicKb.description')}</p>
      </div>
      <SearchField
        search
        label={t('publicKb.searchLabel')}
        placeholder={t('publicKb.searchPlaceholder')}
        value={q}
        onCommit={(value) => goTo({ q: value })}
      />
      {articles.error ? (
        <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />
      ) : !data ? (
        <Spinner />
      ) : (
        <section aria-labelledby="public-kb-results" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="public-kb-results" className="text-lg font-semibold text-slate-900 dark:text-white">
              {q ? t('publicKb.resultsFor', { query: q }) : t('publicKb.latest')}
            </h2>
            <span className="text-sm text-slate-500 dark:text-slate-400">
              {t('publicKb.count', { count: data.count })}
            </span>
          </div>
          {data.results.length === 0 ? (
            <EmptyState title={q ? t('publicKb.noneFor', { query: q }) : t('publicKb.none')}>
              {q ? (
                <button
                  type="button"
                  onClick={() => goTo({})}
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {t('publicKb.clear')}
                </button>
              ) : null}
            </EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {data.results.map((article) => (
                <Hit key={article.id} article={article} />
              ))}
            </ul>
          )}
          {data.previous || data.next ? (
            <nav aria-label={t('publicKb.pagination')} className="flex justify-between gap-2">
              <button
                type="button"
                disabled={!data.previous}
                onClick={() => goTo({ q, page: page - 1 })}
                className={buttonClass('secondary')}
              >
                {t('publicKb.previous')}
              </button>
              <button
                type="button"
                disabled={!data.next}
                onClick={() => goTo({ q, page: page + 1 })}
                className={buttonClass('secondary')}
              >
                {t('publicKb.next')}
              </button>
            </nav>
          ) : null}
        </section>
      )}
      <p className="text-sm text-slate-500 dark:text-slate-400">{t('publicKb.moreAfterSignIn')}</p>
    </PublicLayout>
  );
}

/** /public/kb/articles/$id: one public article, read without signing in. */
export function PublicArticlePage() {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const { id } = articleRoute.useParams();
  const articleId = /^\d+$/.test(id) ? Number(id) : 0;
  const article = useQuery({ ...publicArticleQuery(articleId), enabled: articleId > 0 });
  const back = (
    <Link
      to="/public/kb"
      search={{}}
      className="inline-flex items-center gap-1 self-start text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
    >
      <ArrowRightIcon className="size-4 rotate-180" />
      {t('publicKb.back')}
    </Link>
  );

  if (articleId === 0 || isNotFound(article.error))
    return (
      <PublicLayout signInTo={`/kb/articles/${articleId}`}>
        {back}
        <EmptyState title={t('publicKb.notFound')}>{t('publicKb.notFoundHint')}</EmptyState>
      </PublicLayout>
    );
  const data = article.data;
  return (
    <PublicLayout signInTo={`/kb/articles/${articleId}`}>
      {back}
      {article.error ? (
        <ErrorState error={article.error} onRetry={() => void article.refetch()} />
      ) : !data ? (
        <Spinner />
      ) : (
        <>
          <header className="flex flex-col gap-2">
            {data.category_name ? (
              <p className="text-sm font-medium text-indigo-700 dark:text-indigo-300">{data.category_name}</p>
            ) : null}
            <h1 className="text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl dark:text-white">
              {data.title}
            </h1>
            {data.summary ? (
              <p className="text-base text-slate-600 dark:text-slate-400">{data.summary}</p>
            ) : null}
            <p className="text-sm text-slate-500 dark:text-slate-400">
              <time dateTime={data.updated_at} title={formatDateTime(data.updated_at, language)}>
                {t('publicKb.updated', { date: formatDate(data.updated_at, language) })}
              </time>
            </p>
          </header>
          <article
            lang={data.language}
            aria-label={data.title}
            className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8 dark:border-slate-800 dark:bg-slate-900"
          >
            {data.body_html.trim() ? (
              <ArticleBody html={data.body_html} />
            ) : (
              <p className="text-sm text-slate-500 italic dark:text-slate-400">{t('article.empty')}</p>
            )}
          </article>
          <ArticleAttachmentList attachments={data.attachments} />
          <p className="text-sm text-slate-500 dark:text-slate-400">{t('publicKb.moreAfterSignIn')}</p>
        </>
      )}
    </PublicLayout>
  );
}
