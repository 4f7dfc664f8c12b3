import type { TicketStatus, TicketType } from '@itsm/contracts';
import { clsx } from 'clsx';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { formatDateTime } from '../../lib/format';
import { formatDuration, type SlaFields, slaBadgeState, slaBadgeTone } from './sla';

export const statusTone: Record<TicketStatus, BadgeTone> = {
  waiting_approval: 'violet',
  new: 'sky',
  assigned: 'indigo',
  in_progress: 'indigo',
  pending: 'amber',
  resolved: 'emerald',
  closed: 'slate',
  cancelled: 'slate',
};

export const priorityTone: Record<number, BadgeTone> = {
  1: 'slate',
  2: 'slate',
  3: 'sky',
  4: 'amber',
  5: 'rose',
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation('tickets');
  return (
    <Badge tone={statusTone[status]} dot>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Bars rising with the priority (1 to 5), then its name. */
export function PriorityBadge({ priority, className }: { priority: number; className?: string }) {
  const { t } = useTranslation('tickets');
  const level = Math.min(5, Math.max(1, priority));
  return (
    <Badge tone={priorityTone[level]} className={className}>
      <span aria-hidden="true" className="flex h-2.5 items-end gap-px">
        {['h-1/4', 'h-2/4', 'h-3/4', 'h-full'].map((height, index) => (
          <span
            key={height}
            className={clsx('w-0.5 rounded-full bg-current', height, index + 1 > level - 1 && 'opacity-25')}
          />
        ))}
      </span>
      {t(`priority.${level as 1 | 2 | 3 | 4 | 5}`)}
    </Badge>
  );
}

export function TypeLabel({ type }: { type: TicketType }) {
  const { t } = useTranslation('tickets');
  return <span className="text-xs text-slate-500 dark:text-slate-400">{t(`type.${type}`)}</span>;
}

/** The current time, ticking every `every` ms (countdowns). */
export function useNow(every = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return now;
}

/** The resolution countdown of a ticket: time left, overdue (red) or paused; nothing without SLA. */
export function SlaBadge({ ticket, now, hideNone }: { ticket: SlaFields; now: number; hideNone?: boolean }) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  const state = slaBadgeState(ticket, now);
  if (state.kind === 'none') {
    if (hideNone) return null;
    return (
      <span className="text-slate-400 dark:text-slate-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t('sla.none')}</span>
      </span>
    );
  }
  const due = ticket.due_resolution_at;
  const title = due ? t('sla.dueAt', { date: formatDateTime(due, language) }) : undefined;
  const text =
    state.kind === 'paused'
      ? t('sla.paused')
      : state.kind === 'overdue'
        ? state.minutes > 0
          ? t('sla.overdueBy', { duration: formatDuration(state.minutes, language) })
          : t('sla.overdue')
        : t('sla.left', { duration: formatDuration(state.minutes, language) });
  return (
    <span title={title}>
      <Badge tone={slaBadgeTone(state)} dot={state.kind !== 'paused'}>
        {state.kind === 'paused' ? (
          <span aria-hidden="true" className="flex gap-0.5">
            <span className="h-2 w-0.5 rounded-full bg-current" />
            <span className="h-2 w-0.5 rounded-full bg-current" />
          </span>
        ) : null}
        {text}
      </Badge>
    </span>
  );
}
