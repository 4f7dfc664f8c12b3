import { useTranslation } from 'react-i18next';
import { RefreshIcon } from '../../components/icons';
import type { Readiness } from './readiness';
import { useReadiness } from './use-readiness';

const look = {
  checking: {
    label: 'status.checking',
    hint: 'status.checkingHint',
    dot: 'bg-slate-400 motion-safe:animate-pulse',
  },
  ready: {
    label: 'status.ready',
    hint: 'status.readyHint',
    dot: 'bg-emerald-500 ring-4 ring-emerald-500/20',
  },
  not_ready: {
    label: 'status.notReady',
    hint: 'status.notReadyHint',
    dot: 'bg-amber-500 ring-4 ring-amber-500/20',
  },
  unreachable: {
    label: 'status.unreachable',
    hint: 'status.unreachableHint',
    dot: 'bg-rose-500 ring-4 ring-rose-500/20',
  },
} as const satisfies Record<Readiness, { label: string; hint: string; dot: string }>;

export function ServerStatus() {
  const { t, i18n } = useTranslation();
  const { readiness, checkedAt, refreshing, refresh } = useReadiness();
  const { label, hint, dot } = look[readiness];
  const time = checkedAt?.toLocaleTimeString(i18n.resolvedLanguage, { timeStyle: 'medium' });

  return (
    <section
      aria-labelledby="server-status-title"
      className="w-full rounded-2xl border border-slate-200 bg-white/80 p-5 shadow-sm backdrop-blur dark:border-slate-800 dark:bg-slate-900/80"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="server-status-title" className="text-sm font-medium text-slate-600 dark:text-slate-400">
          {t('status.title')}
        </h2>
        <button
          type="button"
          onClick={refresh}
          disabled={refreshing}
          title={t('status.refresh')}
          className="inline-flex size-8 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-60 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          <RefreshIcon className={`size-4 ${refreshing ? 'motion-safe:animate-spin' : ''}`} />
          <span className="sr-only">{t('status.refresh')}</span>
        </button>
      </div>
      <div role="status" aria-live="polite" className="mt-2">
        <p
          data-testid="server-status"
          data-status={readiness}
          className="flex items-center gap-2.5 text-xl font-semibold text-slate-900 dark:text-white"
        >
          <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${dot}`} />
          {t(label)}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t(hint)}</p>
      </div>
      <p className="mt-3 min-h-4 text-xs text-slate-500 dark:text-slate-400">
        {time ? t('status.checkedAt', { time }) : null}
      </p>
    </section>
  );
}
