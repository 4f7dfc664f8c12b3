import type { Me, TicketArticle, TicketDetail } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BookIcon, CheckCircleIcon, PencilIcon } from '../../components/icons';
import { ActionMenu } from '../../components/ui/action-menu';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ComboBox } from '../../components/ui/combo-box';
import { Dialog } from '../../components/ui/dialog';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { MarkdownEditor } from '../tickets/markdown-editor';
import { useTransition } from '../tickets/ticket-actions';
import { ArticleDrawer } from './article-drawer';
import { solutionFromArticle } from './article-solution';
import {
  articleQuery,
  kbKeys,
  linkArticle,
  suggestionsQuery,
  ticketArticlesQuery,
  unlinkArticle,
  useFullTextSearch,
} from './knowledge-api';
import { useKnowledgeErrorMessage } from './knowledge-errors';
import { withoutWords } from './search-text';

type Known = { id: number; title: string; summary: string };

const itemId = (ticketId: number, articleId: number) => `ticket-${ticketId}-article-${articleId}`;

const card =
  'flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900';
const titleButton =
  'text-left text-sm font-medium break-words text-indigo-700 outline-none hover:underline focus-visible:underline dark:text-indigo-300';

/**
 * The knowledge base on a ticket. Everyone sees the articles attached to it (the one it was resolved
 * with first) and reads them in a side sheet. Its support staff also attach one (searched, or among
 * those suggested by the ticket's title), detach it, resolve the ticket with it, or write a new
 * article from the ticket.
 */
export function TicketArticlesPanel({ ticket, me }: { ticket: TicketDetail; me: Me }) {
  const { t } = useTranslation('knowledge');
  const staff = me.role !== 'user';
  const queryClient = useQueryClient();
  const errorMessage = useKnowledgeErrorMessage();
  const articles = useQuery(ticketArticlesQuery(ticket.id));
  const [reading, setReading] = useState<Known | null>(null);
  const [resolving, setResolving] = useState<Known | null>(null);
  const [busy, setBusy] = useState(false);
  const canResolve = ticket.available_actions.includes('resolve');

  const linked = [...(articles.data ?? [])].sort(
    (a, b) => Number(b.kind === 'resolution') - Number(a.kind === 'resolution'),
  );
  if (!staff && linked.length === 0) return null;

  /** Attaches an article (or changes how); `focus`: then moves there (from the search box). */
  async function link(article: Pick<Known, 'id' | 'title'>, kind: TicketArticle['kind'], focus = false) {
    setBusy(true);
    try {
      const list = await linkArticle(ticket.id, { article: article.id, kind });
      queryClient.setQueryData(kbKeys.ticketArticles(ticket.id), list);
      if (focus) requestAnimationFrame(() => document.getElementById(itemId(ticket.id, article.id))?.focus());
      notify(
        kind === 'resolution'
          ? t('ticketPanel.markedSolution', { title: article.title })
          : t('ticketPanel.linked', { title: article.title }),
      );
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function unlink(article: TicketArticle) {
    try {
      await unlinkArticle(ticket.id, article.article);
      queryClient.setQueryData<TicketArticle[]>(kbKeys.ticketArticles(ticket.id), (list) =>
        list?.filter((a) => a.article !== article.article),
      );
      notify(t('ticketPanel.unlinked', { title: article.title }));
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }

  const known = (a: TicketArticle): Known => ({ id: a.article, title: a.title, summary: a.summary });

  return (
    <section aria-labelledby="ticket-articles-title" className={card}>
      <h2
        id="ticket-articles-title"
        className="flex items-center gap-2 text-sm font-semibold text-slate-900 dark:text-white"
      >
        <BookIcon className="size-4 text-indigo-600 dark:text-indigo-400" />
        {staff ? t('ticketPanel.title') : t('ticketPanel.requesterTitle')}
      </h2>
      {articles.error ? (
        <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />
      ) : !articles.data ? (
        <Spinner />
      ) : linked.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('ticketPanel.none')}</p>
      ) : (
        <ul aria-label={t('ticketPanel.linkedList')} className="flex flex-col gap-2.5">
          {linked.map((article) => (
            <li key={article.article} className="flex items-start gap-2">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <button
                  type="button"
                  id={itemId(ticket.id, article.article)}
                  className={titleButton}
                  onClick={() => setReading(known(article))}
                >
                  {article.title}
                </button>
                {article.summary ? (
                  <p className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400">{article.summary}</p>
                ) : null}
                {/* The requester needs to know which one solved the ticket; "see also" is the staff's filing. */}
                {article.kind === 'resolution' ? (
                  <span>
                    <Badge tone="emerald">
                      <CheckCircleIcon className="mr-1 size-3" />
                      {t('ticketPanel.kind.resolution')}
                    </Badge>
                  </span>
                ) : staff ? (
                  <span>
                    <Badge>{t('ticketPanel.kind.linked')}</Badge>
                  </span>
                ) : null}
              </div>
              {staff ? (
                <ActionMenu
                  label={t('ticketPanel.actionsFor', { title: article.title })}
                  className="-mr-2 shrink-0"
                  items={[
                    ...(canResolve ? [{ id: 'resolve', label: t('ticketPanel.resolveWith') }] : []),
                    article.kind === 'resolution'
                      ? { id: 'linked', label: t('ticketPanel.markLinked') }
                      : { id: 'resolution', label: t('ticketPanel.markSolution') },
                    { id: 'unlink', label: t('ticketPanel.unlink'), tone: 'danger', separatorBefore: true },
                  ]}
                  onAction={(action) => {
                    if (action === 'resolve') setResolving(known(article));
                    else if (action === 'unlink') void unlink(article);
                    else void link(known(article), action as TicketArticle['kind']);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {staff ? (
        <>
          <LinkPicker
            exclude={linked.map((a) => a.article)}
            isDisabled={busy}
            onPick={(article) => void link(article, 'linked', true)}
          />
          <Suggested
            ticket={ticket}
            exclude={linked.map((a) => a.article)}
            canResolve={canResolve}
            isDisabled={busy}
            onRead={setReading}
            onLink={(article) => void link(article, 'linked')}
            onResolve={setResolving}
          />
          <Link
            to="/kb/articles/new"
            search={{ from_ticket: ticket.id }}
            className="inline-flex items-center gap-1.5 self-start text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          >
            <PencilIcon className="size-4" />
            {t('ticketPanel.writeArticle')}
          </Link>
        </>
      ) : null}

      <ArticleDrawer
        article={reading}
        onClose={() => setReading(null)}
        actions={
          staff && canResolve
            ? (article) => (
                <Button
                  onPress={() => {
                    setReading(null);
                    setResolving({ id: article.id, title: article.title, summary: article.summary });
                  }}
                >
                  {t('ticketPanel.resolveWith')}
                </Button>
              )
            : undefined
        }
      />
      <Dialog
        isOpen={resolving !== null}
        onOpenChange={(open) => !open && setResolving(null)}
        title={t('ticketPanel.resolveTitle', { number: ticket.number })}
        size="lg"
      >
        {resolving ? (
          <ResolveWithArticle ticket={ticket} article={resolving} onDone={() => setResolving(null)} />
        ) : null}
      </Dialog>
    </section>
  );
}

/** "Link an article": a search among the published articles (titles), as the suggestions do. */
function LinkPicker({
  exclude,
  isDisabled,
  onPick,
}: {
  exclude: readonly number[];
  isDisabled: boolean;
  onPick: (article: { id: number; title: string }) => void;
}) {
  const { t } = useTranslation('knowledge');
  const [text, setText] = useState('');
  // A new box after each choice: its list closes and the page is no longer hidden from screen readers.
  const [round, setRound] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const found = useQuery({ ...suggestionsQuery(q), enabled: q.length >= 2 });
  const items = (q.length >= 2 ? (found.data ?? []) : [])
    .filter((a) => !exclude.includes(a.id))
    .map((a) => ({ id: a.id, label: a.title, description: a.category_name ?? undefined }));
  return (
    <ComboBox
      key={round}
      label={t('ticketPanel.link')}
      placeholder={t('ticketPanel.linkPlaceholder')}
      inputValue={text}
      onInputChange={setText}
      items={items}
      selectedKey={null}
      isDisabled={isDisabled}
      isLoading={found.isFetching}
      loadingLabel={t('ticketPanel.searching')}
      emptyLabel={q.length >= 2 ? t('ticketPanel.noMatch') : t('ticketPanel.typeToSearch')}
      onSelectionChange={(key: Key | null) => {
        const item = items.find((i) => i.id === key);
        if (!item) return;
        onPick({ id: item.id, title: item.label });
        setText('');
        setRound((n) => n + 1);
      }}
    />
  );
}

/** The published articles whose titles look like the ticket's, not attached yet. */
function Suggested({
  ticket,
  exclude,
  canResolve,
  isDisabled,
  onRead,
  onLink,
  onResolve,
}: {
  ticket: TicketDetail;
  exclude: readonly number[];
  canResolve: boolean;
  isDisabled: boolean;
  onRead: (article: Known) => void;
  onLink: (article: Known) => void;
  onResolve: (article: Known) => void;
}) {
  const { t } = useTranslation('knowledge');
  // The full-text search rather than the suggestions: a whole title has words no article has
  // ("2e étage"), which the search leaves out and the suggestions require.
  const found = useFullTextSearch({ q: ticket.title, pageSize: 5 });
  // Nothing, because a word was "corrected" into another ("étage" → "étapes"): the rest alone.
  const corrected = found.data?.results.length === 0 ? found.data.corrections.map((c) => c.word) : [];
  const rest = corrected.length > 0 ? withoutWords(ticket.title, corrected) : '';
  const relaxed = useFullTextSearch({ q: rest, pageSize: 5 }, rest !== '' && rest !== ticket.title);
  const items = ((rest ? relaxed.data : found.data)?.results ?? [])
    .map(({ article }) => article)
    .filter((a) => !exclude.includes(a.id))
    .slice(0, 3);
  if (items.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {t('ticketPanel.suggested')}
      </h3>
      <ul aria-label={t('ticketPanel.suggested')} className="flex flex-col gap-2.5">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-1">
            <button type="button" className={titleButton} onClick={() => onRead(item)}>
              {item.title}
            </button>
            {item.category_name ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">{item.category_name}</span>
            ) : null}
            <span className="flex flex-wrap gap-x-3 gap-y-1">
              <button
                type="button"
                disabled={isDisabled}
                aria-label={t('ticketPanel.linkThis', { title: item.title })}
                onClick={() => onLink(item)}
                className="text-xs font-semibold text-indigo-700 hover:underline disabled:opacity-50 dark:text-indigo-300"
              >
                {t('ticketPanel.linkShort')}
              </button>
              {canResolve ? (
                <button
                  type="button"
                  aria-label={t('ticketPanel.resolveWithThis', { title: item.title })}
                  onClick={() => onResolve(item)}
                  className="text-xs font-semibold text-emerald-700 hover:underline dark:text-emerald-300"
                >
                  {t('ticketPanel.resolveShort')}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Resolving the ticket with an article: the solution starts as the article's summary and a link to
 * it (to edit freely); on confirmation the ticket is resolved and the article marked as its solution.
 */
function ResolveWithArticle({
  ticket,
  article,
  onDone,
}: {
  ticket: TicketDetail;
  article: Known;
  onDone: () => void;
}) {
  const { t } = useTranslation('knowledge');
  const queryClient = useQueryClient();
  const run = useTransition(ticket);
  const errorMessage = useKnowledgeErrorMessage();
  const detail = useQuery(articleQuery(article.id));
  const [solution, setSolution] = useState(() =>
    solutionFromArticle(article, { origin: window.location.origin, seeLabel: t('ticketPanel.seeArticle') }),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // Resolved, but the article not marked yet (that failed): a retry only marks it.
  const [resolved, setResolved] = useState(false);
  const restricted = detail.data && detail.data.visibility !== 'everyone';

  async function submit() {
    if (!solution.trim()) return setMissing(true);
    setPending(true);
    setError(null);
    try {
      if (!resolved) {
        await run({ action: 'resolve', solution });
        setResolved(true);
      }
      const list = await linkArticle(ticket.id, { article: article.id, kind: 'resolution' });
      queryClient.setQueryData(kbKeys.ticketArticles(ticket.id), list);
      notify(t('ticketPanel.resolved', { title: article.title }));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t('ticketPanel.resolveBody', { title: article.title })}
      </p>
      {restricted ? (
        <Alert tone="warning">
          {t(
            detail.data?.visibility === 'staff'
              ? 'ticketPanel.restrictedStaff'
              : 'ticketPanel.restrictedStructures',
          )}
        </Alert>
      ) : null}
      <MarkdownEditor
        label={t('ticketPanel.solution')}
        value={solution}
        onChange={setSolution}
        rows={6}
        isRequired
        autoFocus
        error={missing && !solution.trim() ? t('ticketPanel.solutionRequired') : undefined}
      />
      <FormError>{error}</FormError>
      <FormActions submitLabel={t('ticketPanel.resolveConfirm')} isPending={pending} onCancel={onDone} />
    </form>
  );
}
