import type { ArticleDetail } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/ui/back-link';
import { Badge } from '../../components/ui/badge';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { formatDate, formatDateTime } from '../../lib/format';
import { namesById, useStructures } from '../../lib/lookups';
import { isAdmin, useMe } from '../auth/session';
import { ArticleActions } from './article-actions';
import { ArticleAttachmentList } from './article-attachments';
import { ArticleBadges, ArticleStatusBadge, TagList } from './article-badges';
import { ArticleBody } from './article-body';
import { ArticleFeedback } from './article-feedback';
import { categoryPath } from './category-tree';
import { formatDay } from './dates';
import { articleQuery, countView, useCategoryTree } from './knowledge-api';
import { isNotFound } from './knowledge-errors';

const route = getRouteApi('/app/kb/articles/$id');

function BackToHome() {
  const { t } = useTranslation('knowledge');
  return <BackLink to="/kb">{t('home.title')}</BackLink>;
}

/**
 * Counts one reading when an article is opened, if it is published then (not the staff's drafts, nor
 * the publication they make from the page).
 */
function useCountView(article: ArticleDetail | undefined) {
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (!article || seen.current === article.id) return;
    seen.current = article.id;
    if (article.status === 'published') void countView(article.id).catch(() => undefined);
  }, [article]);
}

/**
 * An article: its title, category, tags and dates, the body, "was this helpful?"; for the staff its
 * status, workflow actions, edit and history, and its details on the side.
 */
export function ArticlePage() {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const me = useMe();
  const staff = me.role !== 'user';
  const { id } = route.useParams();
  const articleId = /^\d+$/.test(id) ? Number(id) : 0;
  const article = useQuery({ ...articleQuery(articleId), enabled: articleId > 0 });
  const categories = useCategoryTree();
  useCountView(article.data);

  if (articleId === 0 || isNotFound(article.error)) {
    return (
      <div className="flex flex-col gap-4">
        <BackToHome />
        <EmptyState title={t('article.notFound')}>{t('article.notFoundHint')}</EmptyState>
      </div>
    );
  }
  if (article.error) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  if (!article.data) return <Spinner />;
  const data = article.data;
  const path = categoryPath(categories.data ?? [], data.category) ?? data.category_name;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <BackToHome />
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {path && data.category !== null ? (
              <Link
                to="/kb"
                search={{ category: data.category }}
                className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {path}
              </Link>
            ) : null}
            <ArticleBadges article={data} staff={staff} />
          </div>
          <h1 className="mt-1.5 text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl dark:text-white">
            {data.title}
          </h1>
          {data.summary ? (
            <p className="mt-2 max-w-3xl text-base text-slate-600 dark:text-slate-400">{data.summary}</p>
          ) : null}
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
            {t('article.updated')}{' '}
            <time dateTime={data.updated_at} title={formatDateTime(data.updated_at, language)}>
              {formatDate(data.updated_at, language)}
            </time>
            {data.author_name ? <> · {t('article.by', { name: data.author_name })}</> : null}
          </p>
          <div className="mt-3">
            <TagList tags={data.tags} label={t('article.tags')} />
          </div>
        </div>
        {staff ? <ArticleActions article={data} admin={isAdmin(me)} /> : null}
      </header>

      <div
        className={
          staff
            ? 'grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]'
            : 'flex max-w-4xl flex-col gap-6'
        }
      >
        <div className="flex min-w-0 flex-col gap-6">
          <article
            lang={data.language}
            aria-label={data.title}
            className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8 dark:border-slate-800 dark:bg-slate-900"
          >
            {data.body.trim() ? (
              <ArticleBody html={data.body_html} />
            ) : (
              <p className="text-sm text-slate-500 italic dark:text-slate-400">{t('article.empty')}</p>
            )}
          </article>
          <ArticleAttachmentList attachments={data.attachments} />
          <ArticleFeedback key={data.id} article={data} />
        </div>
        {staff ? <Details article={data} /> : null}
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 first:pt-0 last:pb-0">
      <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-sm text-slate-800 dark:text-slate-200">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400 dark:text-slate-500">—</span>;

/** The staff's side panel: status and audience, who looks after the article, its figures. */
function Details({ article }: { article: ArticleDetail }) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const structures = useStructures();
  const structureNames = namesById(structures.data);
  return (
    <aside
      aria-label={t('details.title')}
      className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-sm font-semibold text-slate-900 dark:text-white">{t('details.title')}</h2>
      <dl className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
        <Row label={t('fields.status')}>
          <ArticleStatusBadge status={article.status} />
        </Row>
        <Row label={t('fields.visibility')}>
          {t(`visibility.${article.visibility}`)}
          {article.visibility === 'structures' && article.structures.length > 0 ? (
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {article.structures.map((s) => structureNames.get(s) ?? `#${s}`).join(', ')}
            </span>
          ) : null}
          {article.is_public ? (
            <Badge tone="sky" className="mt-1">
              {t('fields.isPublic')}
            </Badge>
          ) : null}
        </Row>
        <Row label={t('fields.language')}>{t(`languages.${article.language}`)}</Row>
        {article.is_faq ? <Row label={t('fields.faqPosition')}>{article.faq_position ?? none}</Row> : null}
        <Row label={t('fields.owner')}>{article.owner_name ?? none}</Row>
        <Row label={t('fields.reviewerGroup')}>{article.reviewer_group_name ?? t('details.noReview')}</Row>
        <Row label={t('fields.reviewBy')}>
          {article.review_by ? (
            <span
              className={article.is_review_due ? 'font-medium text-rose-700 dark:text-rose-400' : undefined}
            >
              {formatDay(article.review_by, language)}
            </span>
          ) : (
            none
          )}
        </Row>
        <Row label={t('details.published')}>
          {article.published_at ? formatDateTime(article.published_at, language) : none}
        </Row>
        <Row label={t('details.revision')}>
          <Link
            to="/kb/articles/$id/history"
            params={{ id: String(article.id) }}
            className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t('details.revisionNumber', { number: article.revision })}
          </Link>
        </Row>
      </dl>
      <dl className="grid grid-cols-2 gap-3 border-t border-slate-100 pt-4 dark:border-slate-800">
        {(
          [
            ['views', article.view_count],
            ['helpful', article.helpful_count],
            ['unhelpful', article.unhelpful_count],
            ['resolved', article.resolved_count],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="flex flex-col">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{t(`details.stats.${key}`)}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums dark:text-white">{value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
