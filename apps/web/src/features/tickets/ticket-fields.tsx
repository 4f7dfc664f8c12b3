import type { TicketDetail } from '@itsm/contracts';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { namesById, userQuery, useSites, useStructures } from '../../lib/lookups';
import { fullName } from '../../lib/user-names';
import { MachineLink } from '../machines/machine-link';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 py-1.5 lg:grid-cols-[7rem_minmax(0,1fr)]">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="break-words text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

const none = (text: string) => <span className="text-slate-400 italic dark:text-slate-500">{text}</span>;

/** Who and where: requester, assignee, group, category, structure, site, watchers; then the dates. */
export function TicketFields({ ticket, staff }: { ticket: TicketDetail; staff: boolean }) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  const structures = useStructures();
  const sites = useSites();
  // Names of the watchers, for the support team (a requester may not look people up).
  const watchers = useQueries({
    queries: (staff ? ticket.watchers : []).map((id) => userQuery(id)),
  });
  const watcherNames = watchers.map((w) => (w.data ? fullName(w.data) : '…'));
  const date = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : none('—');

  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">{t('detail.details')}</h2>
      <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        <Row label={t('fields.requester')}>{ticket.requester_name}</Row>
        <Row label={t('fields.assignee')}>{ticket.assignee_name ?? none(t('list.unassigned'))}</Row>
        <Row label={t('fields.group')}>{ticket.group_name ?? none(t('detail.noGroup'))}</Row>
        <Row label={t('fields.category')}>{ticket.category_name ?? none(t('detail.noCategory'))}</Row>
        <Row label={t('fields.type')}>{t(`type.${ticket.type}`)}</Row>
        <Row label={t('fields.urgencyImpact')}>
          {t(`level.${ticket.urgency as 1}`)} · {t(`level.${ticket.impact as 1}`)}
        </Row>
        <Row label={t('fields.structure')}>{namesById(structures.data).get(ticket.structure) ?? '…'}</Row>
        <Row label={t('fields.site')}>
          {ticket.site ? (namesById(sites.data).get(ticket.site) ?? '…') : none('—')}
        </Row>
        {ticket.machine ? (
          <Row label={t('fields.machine')}>
            <MachineLink id={ticket.machine} />
          </Row>
        ) : null}
        <Row label={t('fields.watchers')}>
          {ticket.watchers.length === 0
            ? none(t('detail.noWatchers'))
            : staff
              ? watcherNames.join(', ')
              : t('detail.watcherCount', { count: ticket.watchers.length })}
        </Row>
        <Row label={t('fields.source')}>{t(`source.${ticket.source}`)}</Row>
      </dl>
      <h3 className="mt-4 mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {t('detail.dates')}
      </h3>
      <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        <Row label={t('fields.createdAt')}>{date(ticket.created_at)}</Row>
        <Row label={t('fields.updatedAt')}>{date(ticket.updated_at)}</Row>
        <Row label={t('fields.firstResponseAt')}>{date(ticket.first_response_at)}</Row>
        <Row label={t('fields.resolvedAt')}>{date(ticket.resolved_at)}</Row>
        {ticket.closed_at ? <Row label={t('fields.closedAt')}>{date(ticket.closed_at)}</Row> : null}
      </dl>
    </section>
  );
}
