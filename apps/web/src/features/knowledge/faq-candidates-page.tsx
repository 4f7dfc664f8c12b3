import type { Article, FaqCandidate, Page } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PencilIcon } from '../../components/icons';
import { BackLink } from '../../components/ui/back-link';
import { Button } from '../../components/ui/button';
import { PageHeader } from '../../components/ui/page-header';
import { SelectField } from '../../components/ui/select-field';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useRefresh } from '../../lib/use-refresh';
import { ArticleStatusBadge } from './article-badges';
import { createArticle, faqCandidatesQuery, kbKeys } from './knowledge-api';
import { useKnowledgeErrorMessage } from './knowledge-errors';
import { displayWord } from './search-text';

const route = getRouteApi('/app/kb/faq-candidates');

const PERIODS = [30, 90, 180, 365] as const;
const SIZES = [2, 3, 5, 10] as const;
const DEFAULT_DAYS = 90;
const DEFAULT_SIZE = 3;

/**
 * The questions the support team keeps answering: groups of recently resolved tickets with similar
 * titles and no article yet. One click writes a draft from the group's best solution and opens it.
 */
export function FaqCandidatesPage() {
  const { t } = useTranslation('knowledge');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const days = search.days ?? DEFAULT_DAYS;
  const minSize = search.min_size ?? DEFAULT_SIZE;
  const candidates = useQuery(faqCandidatesQuery({ days, minSize }));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <BackLink to="/kb">{t('home.title')}</BackLink>
        <PageHeader title={t('faqCandidates.title')} description={t('faqCandidates.description')} />
      </div>
      <div className="grid max-w-xl grid-cols-2 gap-3">
        <SelectField
          label={t('faqCandidates.period')}
          value={String(days)}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                days: Number(value) === DEFAULT_DAYS ? undefined : Number(value),
              }),
              replace: true,
            })
          }
          options={PERIODS.map((d) => ({ value: String(d), label: t('faqCandidates.days', { count: d }) }))}
        />
        <SelectField
          label={t('faqCandidates.minSize')}
          value={String(minSize)}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                min_size: Number(value) === DEFAULT_SIZE ? undefined : Number(value),
              }),
              replace: true,
            })
          }
          options={SIZES.map((n) => ({ value: String(n), label: t('faqCandidates.atLeast', { count: n }) }))}
        />
      </div>
      {candidates.error ? (
        <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : !candidates.data ? (
        <Spinner />
      ) : candidates.data.length === 0 ? (
        <EmptyState title={t('faqCandidates.none')}>{t('faqCandidates.noneHint')}</EmptyState>
      ) : (
        <ul
          aria-label={t('faqCandidates.list')}
          aria-busy={candidates.isPlaceholderData || undefined}
          className="grid gap-4 xl:grid-cols-2"
        >
          {candidates.data.map((group) => (
            <li key={group.tickets.map((ticket) => ticket.id).join('-')} className="min-w-0">
              <CandidateCard group={group} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Drafts already written under this title (so that a group is not written up twice). */
function useDraftsLike(title: string) {
  return useQuery({
    queryKey: [...kbKeys.articles, 'drafts-like', title],
    queryFn: () =>
      api<Page<Article>>('GET', '/kb/articles', undefined, {
        search: title,
        status__in: 'draft,in_review',
        page_size: 3,
      }),
    staleTime: 30_000,
  });
}

/** One group: the words its titles share, its tickets, and "draft an article". */
function CandidateCard({ group }: { group: FaqCandidate }) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const navigate = useNavigate();
  const refresh = useRefresh();
  const errorMessage = useKnowledgeErrorMessage();
  const drafts = useDraftsLike(group.draft.title);
  const [pending, setPending] = useState(false);
  const titles = group.tickets.map((ticket) => ticket.title);
  const words = [...new Set(group.terms.map((term) => displayWord(term, titles)))];
  const headingId = `faq-candidate-${group.tickets[0]?.id ?? 0}`;
  const existing = drafts.data?.results ?? [];

  async function draft() {
    setPending(true);
    try {
      const { title, summary, body, language: lang, source_ticket } = group.draft;
      const article = await createArticle({ title, summary, body, language: lang, source_ticket });
      await refresh(kbKeys.articles);
      notify(t('faqCandidates.drafted', { title: article.title }));
      await navigate({ to: '/kb/articles/$id/edit', params: { id: String(article.id) } });
    } catch (error) {
      notify(errorMessage(error), 'error');
      setPending(false);
    }
  }

  return (
    <article
      aria-labelledby={headingId}
      className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2
          id={headingId}
          className="min-w-0 text-base font-semibold break-words text-slate-900 dark:text-white"
        >
          {group.draft.title}
        </h2>
        <span className="shrink-0 rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-semibold text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300">
          {t('faqCandidates.tickets', { count: group.size })}
        </span>
      </div>
      <ul aria-label={t('faqCandidates.words')} className="flex flex-wrap gap-1.5">
        {words.map((word) => (
          <li
            key={word}
            className="rounded-md bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200 ring-inset dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-900"
          >
            {word}
          </li>
        ))}
      </ul>
      <ul aria-label={t('faqCandidates.ticketList')} className="flex flex-col gap-1 text-sm">
        {group.tickets.map((ticket) => (
          <li key={ticket.id} className="flex min-w-0 items-baseline gap-2">
            <Link
              to="/tickets/$id"
              params={{ id: String(ticket.id) }}
              className="shrink-0 font-mono text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {ticket.number}
            </Link>
            <span className="min-w-0 flex-1 truncate text-slate-700 dark:text-slate-300">{ticket.title}</span>
            <time
              dateTime={ticket.resolved_at}
              className="shrink-0 text-xs whitespace-nowrap text-slate-500 dark:text-slate-400"
            >
              {formatDate(ticket.resolved_at, language)}
            </time>
          </li>
        ))}
      </ul>
      <details className="group rounded-lg bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
        <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
          {t('faqCandidates.preview')}
        </summary>
        <pre className="mt-2 font-sans text-xs whitespace-pre-wrap text-slate-600 dark:text-slate-400">
          {group.draft.body}
        </pre>
      </details>
      {existing.length > 0 ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">{t('faqCandidates.existing', { count: existing.length })}</p>
          <ul className="mt-1 flex flex-col gap-1">
            {existing.map((article) => (
              <li key={article.id} className="flex flex-wrap items-center gap-2">
                <Link
                  to="/kb/articles/$id/edit"
                  params={{ id: String(article.id) }}
                  className="font-medium underline"
                >
                  {article.title}
                </Link>
                <ArticleStatusBadge status={article.status} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-auto flex flex-wrap items-center gap-3 pt-1">
        <Button
          variant={existing.length > 0 ? 'secondary' : 'primary'}
          isPending={pending}
          onPress={() => void draft()}
          aria-label={t(
            existing.length > 0 ? 'faqCandidates.draftAnotherLabel' : 'faqCandidates.draftLabel',
            {
              title: group.draft.title,
            },
          )}
        >
          <PencilIcon className="size-4" />
          {existing.length > 0 ? t('faqCandidates.draftAnother') : t('faqCandidates.draft')}
        </Button>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {t('faqCandidates.draftHint', { number: ticketNumberOf(group) })}
        </span>
      </div>
    </article>
  );
}

const ticketNumberOf = (group: FaqCandidate) =>
  group.tickets.find((ticket) => ticket.id === group.draft.source_ticket)?.number ?? '';
