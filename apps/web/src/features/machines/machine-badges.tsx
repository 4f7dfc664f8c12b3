import type { MachineInstruction, MachineStatus } from '@itsm/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { formatDateTime, formatRelative } from '../../lib/format';
import { formatAgo } from '../tickets/relative-time';
import { lastSeenFreshness, STALE_AFTER_DAYS } from './machine-format';

export const machineStatusTone: Record<MachineStatus, BadgeTone> = {
  active: 'emerald',
  in_stock: 'sky',
  retired: 'slate',
};

export function MachineStatusBadge({ status }: { status: MachineStatus }) {
  const { t } = useTranslation('machines');
  return (
    <Badge tone={machineStatusTone[status]} dot>
      {t(`status.${status}`)}
    </Badge>
  );
}

/**
 * When the agent last reported: a relative time, in amber when older than a week or never (with the
 * reason for screen readers and in the tooltip). `short` for table columns.
 */
export function LastSeen({ at, now, short }: { at: string | null; now: number; short?: boolean }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  const freshness = lastSeenFreshness(at, now);
  if (freshness === 'never' || !at) {
    return (
      <span title={t('lastSeen.neverHint')}>
        <Badge tone="amber">{t('lastSeen.never')}</Badge>
      </span>
    );
  }
  const text = short ? formatAgo(at, language, now) : formatRelative(at, language, now);
  const when = (
    <time dateTime={at} className="whitespace-nowrap">
      {text}
    </time>
  );
  if (freshness === 'recent')
    return (
      <span title={formatDateTime(at, language)} className="text-slate-600 dark:text-slate-400">
        {when}
      </span>
    );
  const stale = t('lastSeen.stale', { count: STALE_AFTER_DAYS });
  return (
    <span title={`${formatDateTime(at, language)} — ${stale}`}>
      <Badge tone="amber" dot>
        {when}
        <span className="sr-only"> ({stale})</span>
      </Badge>
    </span>
  );
}

const instructionTone: Record<MachineInstruction['status'], BadgeTone> = {
  pending: 'amber',
  sent: 'sky',
  done: 'emerald',
  failed: 'rose',
  expired: 'slate',
};

/** Where an instruction to the agent stands: waiting, sent, done, failed or expired. */
export function InstructionBadge({ status }: { status: MachineInstruction['status'] }) {
  const { t } = useTranslation('machines');
  const waiting = status === 'pending' || status === 'sent';
  return (
    <Badge tone={instructionTone[status]} dot={!waiting}>
      {waiting ? <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-current" /> : null}
      {t(`inventory.state.${status}`)}
    </Badge>
  );
}
