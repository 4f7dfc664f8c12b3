import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/ui/back-link';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useMe } from '../auth/session';
import { TicketArticlesPanel } from '../knowledge/ticket-articles-panel';
import { AttachmentsPanel } from './attachments';
import { CommentBox } from './comment-box';
import { Markdown } from './markdown';
import { ResolutionBanner, SolutionCard, SurveyCard } from './resolution';
import { SlaClocks } from './sla-clocks';
import { TicketActions } from './ticket-actions';
import { attachmentsQuery, ticketQuery, timelineQuery } from './ticket-api';
import { PriorityBadge, StatusBadge, useNow } from './ticket-badges';
import { TicketFields } from './ticket-fields';
import { Timeline } from './timeline';

const route = getRouteApi('/app/tickets/$id');

function BackToList() {
  const { t } = useTranslation('tickets');
  const me = useMe();
  return <BackLink to="/tickets">{me.role === 'user' ? t('list.myTitle') : t('list.title')}</BackLink>;
}

/**
 * A ticket: its header and actions, the requester's answer to a resolution, the survey, the
 * description, the timeline with the comment box; on the side the SLA clocks, the details and files.
 */
export function TicketPage() {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  const me = useMe();
  const staff = me.role !== 'user';
  const now = useNow(60_000);
  const { id } = route.useParams();
  const ticketId = /^\d+$/.test(id) ? Number(id) : 0;
  const ticket = useQuery({ ...ticketQuery(ticketId), enabled: ticketId > 0 });
  const timeline = useQuery({ ...timelineQuery(ticketId), enabled: ticketId > 0 });
  const attachments = useQuery({ ...attachmentsQuery(ticketId), enabled: ticketId > 0 });

  const missing = ticketId === 0 || (ticket.error instanceof ApiError && ticket.error.status === 404);
  if (missing) {
    return (
      <div className="flex flex-col gap-4">
        <BackToList />
        <EmptyState title={t('detail.notFound')}>{t('detail.notFoundHint')}</EmptyState>
      </div>
    );
  }
  if (ticket.error) return <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  if (!ticket.data) return <Spinner />;
  const data = ticket.data;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <BackToList />
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-medium text-slate-500 dark:text-slate-400">
              {data.number}
            </span>
            <StatusBadge status={data.status} />
            <PriorityBadge priority={data.priority} />
            <span className="text-xs text-slate-500 dark:text-slate-400">{t(`type.${data.type}`)}</span>
          </div>
          <h1 className="mt-1.5 text-2xl font-bold tracking-tight break-words text-slate-900 dark:text-white">
            {data.title}
          </h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t('detail.openedBy', { name: data.requester_name })}{' '}
            <time dateTime={data.created_at} title={formatDateTime(data.created_at, language)}>
              {formatRelative(data.created_at, language, now)}
            </time>
            {data.category_name ? <> · {data.category_name}</> : null}
          </p>
        </div>
        <TicketActions ticket={data} me={me} />
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
        <div className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-start-1">
          <ResolutionBanner ticket={data} me={me} />
          <SurveyCard ticket={data} me={me} />
          <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="sr-only">{t('fields.description')}</h2>
            {data.description.trim() ? (
              <Markdown source={data.description} />
            ) : (
              <p className="text-sm text-slate-500 italic dark:text-slate-400">{t('detail.noDescription')}</p>
            )}
          </section>
          <SolutionCard ticket={data} />
        </div>

        <aside className="flex min-w-0 flex-col gap-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <SlaClocks ticket={data} />
          <TicketFields ticket={data} staff={staff} />
          <TicketArticlesPanel ticket={data} me={me} />
          <AttachmentsPanel
            ticketId={data.id}
            canUpload={data.status !== 'closed' && data.status !== 'cancelled'}
          />
        </aside>

        <section
          aria-labelledby="timeline-title"
          className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-start-2"
        >
          <h2 id="timeline-title" className="text-base font-semibold text-slate-900 dark:text-white">
            {t('timeline.title')}
          </h2>
          {timeline.error ? (
            <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
          ) : timeline.data ? (
            <Timeline entries={timeline.data} attachments={attachments.data ?? []} />
          ) : (
            <Spinner />
          )}
          <CommentBox ticket={data} staff={staff} />
        </section>
      </div>
    </div>
  );
}
