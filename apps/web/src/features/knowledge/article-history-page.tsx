import type { ArticleRevision } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowRightIcon } from '../../components/icons';
import { BackLink } from '../../components/ui/back-link';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { formatDateTime } from '../../lib/format';
import { useRefresh } from '../../lib/use-refresh';
import { ArticleStatusBadge } from './article-badges';
import { DiffView } from './diff-view';
import { articleQuery, diffQuery, kbKeys, restoreRevision, revisionsQuery } from './knowledge-api';
import { isNotFound, useKnowledgeErrorMessage } from './knowledge-errors';
import { changedFields, comparedRevisions, revisionNote } from './revision-diff';

const route = getRouteApi('/app/kb/articles/$id/history');

/**
 * An article's history: its revisions (who, when, its status then, the note), two of them compared
 * (title and summary word by word, the body line by line), and an old one put back as a new revision.
 */
export function ArticleHistoryPage() {
  const { t } = useTranslation('knowledge');
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const articleId = /^\d+$/.test(id) ? Number(id) : 0;
  const article = useQuery({ ...articleQuery(articleId), enabled: articleId > 0 });
  const page = search.page ?? 1;
  const revisions = useQuery({ ...revisionsQuery(articleId, page), enabled: articleId > 0 });
  const compared = comparedRevisions(search, article.data?.revision);
  const diff = useQuery({
    ...diffQuery(articleId, compared?.from ?? 0, compared?.to ?? 0),
    enabled: articleId > 0 && compared !== null,
  });
  const [selected, setSelected] = useState<number[]>([]);
  const diffSection = useRef<HTMLElement>(null);
  const [restoring, setRestoring] = useState<ArticleRevision | null>(null);
  const restore = useRestore(articleId);
  const errorMessage = useKnowledgeErrorMessage();

  // The boxes follow the comparison shown.
  const [shownFrom, shownTo] = [compared?.from, compared?.to];
  useEffect(() => {
    if (shownFrom !== undefined && shownTo !== undefined) setSelected([shownFrom, shownTo]);
  }, [shownFrom, shownTo]);

  if (articleId === 0 || isNotFound(article.error)) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink to="/kb">{t('home.title')}</BackLink>
        <EmptyState title={t('article.notFound')}>{t('article.notFoundHint')}</EmptyState>
      </div>
    );
  }
  if (article.error) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  if (!article.data) return <Spinner />;
  const data = article.data;

  const toggle = (number: number, on: boolean) =>
    // Two at most: a third one replaces the first chosen.
    setSelected((prev) =>
      on ? [...prev.filter((n) => n !== number), number].slice(-2) : prev.filter((n) => n !== number),
    );
  const compare = (from: number, to: number) => {
    void navigate({ search: (prev) => ({ ...prev, from: Math.min(from, to), to: Math.max(from, to) }) });
    // On phones the comparison is below the list: bring it into sight.
    const shown = diffSection.current;
    if (shown && shown.getBoundingClientRect().top > window.innerHeight)
      shown.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const [first, second] = [...selected].sort((a, b) => a - b);
  const count = revisions.data?.count ?? 0;
  const lastPage = Math.max(1, Math.ceil(count / 50));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link
          to="/kb/articles/$id"
          params={{ id: String(data.id) }}
          className="inline-flex items-center gap-1 self-start text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
        >
          <ArrowRightIcon className="size-4 rotate-180" />
          {data.title}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {t('history.title')}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('history.description', { count: data.revision })}
        </p>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <section
          aria-labelledby="revisions-title"
          className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-3 shadow-xs sm:p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="flex items-center justify-between gap-2">
            <h2 id="revisions-title" className="text-sm font-semibold text-slate-900 dark:text-white">
              {t('history.revisions')}
            </h2>
            <Button
              variant="secondary"
              className="px-2.5 py-1.5 text-xs"
              isDisabled={first === undefined || second === undefined}
              onPress={() => first !== undefined && second !== undefined && compare(first, second)}
            >
              {first !== undefined && second !== undefined
                ? t('history.compareThese', { from: first, to: second })
                : t('history.compare')}
            </Button>
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">{t('history.chooseTwo')}</p>
          {revisions.error ? (
            <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
          ) : !revisions.data ? (
            <Spinner />
          ) : (
            <ol aria-label={t('history.revisions')} className="flex flex-col gap-1.5">
              {revisions.data.results.map((revision) => (
                <RevisionItem
                  key={revision.id}
                  revision={revision}
                  current={revision.number === data.revision}
                  selected={selected.includes(revision.number)}
                  shown={compared?.to === revision.number && compared.from === revision.number - 1}
                  onToggle={(on) => toggle(revision.number, on)}
                  onShowChanges={() => compare(revision.number - 1, revision.number)}
                  onRestore={() => setRestoring(revision)}
                />
              ))}
            </ol>
          )}
          {lastPage > 1 ? (
            <div className="flex items-center justify-between gap-2 text-sm">
              <Button
                variant="secondary"
                isDisabled={page <= 1}
                onPress={() =>
                  void navigate({
                    search: (prev) => ({ ...prev, page: page - 1 > 1 ? page - 1 : undefined }),
                  })
                }
              >
                {t('history.newer')}
              </Button>
              <Button
                variant="secondary"
                isDisabled={page >= lastPage}
                onPress={() => void navigate({ search: (prev) => ({ ...prev, page: page + 1 }) })}
              >
                {t('history.older')}
              </Button>
            </div>
          ) : null}
        </section>

        <section
          ref={diffSection}
          aria-labelledby="diff-title"
          className="flex min-w-0 flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="diff-title" className="text-base font-semibold text-slate-900 dark:text-white">
            {compared ? t('diff.title', { from: compared.from, to: compared.to }) : t('diff.titleNone')}
          </h2>
          {!compared ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t('diff.onlyOne')}</p>
          ) : diff.error ? (
            <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
          ) : !diff.data ? (
            <Spinner />
          ) : (
            <>
              {Object.values(changedFields(diff.data)).some(Boolean) ? (
                <p className="flex flex-wrap gap-3 text-xs text-slate-500 dark:text-slate-400">
                  <span className="inline-flex items-center gap-1.5">
                    <span aria-hidden="true" className="size-3 rounded-sm bg-rose-200 dark:bg-rose-900" />
                    {t('diff.legendRemoved', { number: compared.from })}
                  </span>
                  <span className="inline-flex items-center gap-1.5">
                    <span
                      aria-hidden="true"
                      className="size-3 rounded-sm bg-emerald-200 dark:bg-emerald-900"
                    />
                    {t('diff.legendAdded', { number: compared.to })}
                  </span>
                </p>
              ) : null}
              <DiffView key={`${compared.from}-${compared.to}`} diff={diff.data} />
            </>
          )}
        </section>
      </div>

      <ConfirmDialog
        isOpen={restoring !== null}
        onOpenChange={(open) => !open && setRestoring(null)}
        title={t('restore.title', { number: restoring?.number ?? 0 })}
        confirmLabel={t('restore.confirm')}
        tone="primary"
        onConfirm={async () => {
          if (!restoring) return;
          const restored = await restore(restoring.number);
          notify(t('restore.done', { number: restoring.number, revision: restored.revision }));
          await navigate({ search: {} });
        }}
        describeError={errorMessage}
      >
        {t('restore.body', { number: restoring?.number ?? 0 })}
      </ConfirmDialog>
    </div>
  );
}

function useRestore(articleId: number) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return async (number: number) => {
    const restored = await restoreRevision(articleId, number);
    queryClient.setQueryData(kbKeys.detail(articleId), restored);
    await refresh(kbKeys.revisions(articleId), kbKeys.articles);
    return restored;
  };
}

function RevisionItem({
  revision,
  current,
  selected,
  shown,
  onToggle,
  onShowChanges,
  onRestore,
}: {
  revision: ArticleRevision;
  current: boolean;
  selected: boolean;
  shown: boolean;
  onToggle: (on: boolean) => void;
  onShowChanges: () => void;
  onRestore: () => void;
}) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const note = revisionNote(revision.note);
  return (
    <li
      className={clsx(
        'flex flex-col gap-1.5 rounded-xl border px-3 py-2.5',
        selected
          ? 'border-indigo-300 bg-indigo-50/60 dark:border-indigo-800 dark:bg-indigo-950/30'
          : 'border-slate-200 dark:border-slate-800',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <Checkbox isSelected={selected} onChange={onToggle}>
          <span className="font-semibold text-slate-900 dark:text-white">
            {t('history.revision', { number: revision.number })}
          </span>
          {current ? (
            <span className="ml-1.5 text-xs font-medium text-indigo-700 dark:text-indigo-300">
              {t('history.current')}
            </span>
          ) : null}
        </Checkbox>
        <ArticleStatusBadge status={revision.status} />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <time dateTime={revision.created_at}>{formatDateTime(revision.created_at, language)}</time>
        {revision.author_name ? <> · {revision.author_name}</> : null}
      </p>
      {note ? (
        <p className="text-sm break-words text-slate-700 dark:text-slate-300">
          {note.kind === 'action'
            ? t(`history.actions.${note.action}`)
            : note.kind === 'restored'
              ? t('history.restoredNote', { number: note.number })
              : note.text}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs font-medium">
        {revision.number > 1 ? (
          <button
            type="button"
            aria-pressed={shown}
            onClick={onShowChanges}
            className="text-indigo-700 hover:underline aria-pressed:font-semibold aria-pressed:no-underline dark:text-indigo-300"
          >
            {t('history.showChanges')}
          </button>
        ) : null}
        {!current ? (
          <button
            type="button"
            onClick={onRestore}
            className="text-slate-700 hover:underline dark:text-slate-300"
          >
            {t('history.restore')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
