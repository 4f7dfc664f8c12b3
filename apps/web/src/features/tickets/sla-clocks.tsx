import type { SlaClock, TicketDetail } from '@itsm/contracts';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { ClockIcon } from '../../components/icons';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { formatDateTime, formatRelative } from '../../lib/format';
import { clockView, formatDuration } from './sla';
import { useNow } from './ticket-badges';

const barTone: Record<BadgeTone, string> = {
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  slate: 'bg-slate-400 dark:bg-slate-500',
  sky: 'bg-sky-500',
  indigo: 'bg-indigo-500',
  violet: 'bg-violet-500',
};

function Clock({ label, clock, now }: { label: string; clock: SlaClock; now: number }) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  const view = clockView(clock, now);
  const due = clock.due_at;
  let when: string | null = null;
  if (view.state === 'met' || view.state === 'met_late') {
    when = clock.met_at ? t('clock.metAt', { date: formatDateTime(clock.met_at, language) }) : null;
  } else if (view.state === 'breached') {
    const at = clock.breached_at ?? due;
    when = at
      ? t('clock.breachedAt', {
          date: formatDateTime(at, language),
          relative: formatRelative(at, language, now),
        })
      : null;
  } else if (due) {
    when = t('clock.dueAt', {
      date: formatDateTime(due, language),
      relative: formatRelative(due, language, now),
    });
  } else if (view.state === 'paused') {
    when = t('clock.pausedHint');
  }
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-800 dark:text-slate-200">{label}</span>
        <Badge tone={view.tone} dot={view.state !== 'paused'}>
          {t(`clock.state.${view.state}`)}
        </Badge>
      </div>
      <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
        <div
          className={clsx(
            'h-full rounded-full transition-[width]',
            barTone[view.tone],
            view.state === 'paused' && 'opacity-60',
          )}
          style={{ width: `${view.percent}%` }}
        />
      </div>
      <p className="flex flex-wrap justify-between gap-x-2 text-xs text-slate-500 dark:text-slate-400">
        <span>
          {t('clock.elapsed', {
            elapsed: formatDuration(clock.elapsed_minutes, language),
            target: formatDuration(clock.target_minutes, language),
          })}
        </span>
        {when ? (
          <span className={clsx(view.state === 'breached' && 'text-rose-700 dark:text-rose-300')}>
            {when}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** The SLA of a ticket: its name and both clocks (first response, resolution), elapsed against target. */
export function SlaClocks({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const now = useNow(30_000);
  const { first_response, resolution } = ticket.clocks;
  if (!ticket.sla || (!first_response && !resolution)) return null;
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 flex items-center gap-2 text-sm font-semibold text-slate-900 dark:text-white">
        <ClockIcon className="size-4 text-slate-400" />
        {t('clock.title')}
        {ticket.sla_name ? (
          <span className="truncate font-normal text-slate-500 dark:text-slate-400">· {ticket.sla_name}</span>
        ) : null}
      </h2>
      <div className="flex flex-col gap-4">
        {first_response ? <Clock label={t('clock.firstResponse')} clock={first_response} now={now} /> : null}
        {resolution ? <Clock label={t('clock.resolution')} clock={resolution} now={now} /> : null}
      </div>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">{t('clock.workingTime')}</p>
    </section>
  );
}
