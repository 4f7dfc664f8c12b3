import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { Button } from './button';

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation('shell');
  return (
    <div
      role="status"
      className="flex items-center justify-center gap-3 py-10 text-sm text-slate-500 dark:text-slate-400"
    >
      <span
        className="size-5 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600"
        aria-hidden="true"
      />
      {label ?? t('states.loading')}
    </div>
  );
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <p className="font-medium text-slate-800 dark:text-slate-200">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-500 dark:text-slate-400">{children}</div> : null}
    </div>
  );
}

/** The error of a failed load, in the user's language when we know the code, with a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <div
      role="alert"
      className="rounded-xl border border-rose-200 bg-rose-50 px-5 py-4 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-200"
    >
      <p className="font-semibold">{t('states.error')}</p>
      <p className="mt-1">{errorMessage(error)}</p>
      {onRetry ? (
        <Button variant="secondary" className="mt-3" onPress={onRetry}>
          {t('states.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** Known problem codes have a translated message; others show the server's text. */
export function errorMessage(error: unknown): string {
  // Codes come from the server at run time: looked up loosely, with the server's text as fallback.
  const t = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('errors.network', { ns: 'shell' });
    const key = `errors.codes.${error.code}`;
    return i18n.exists(key, { ns: 'shell' })
      ? t(key, { ns: 'shell', seconds: error.retryAfter ?? 60 })
      : error.message;
  }
  return t('errors.unexpected', { ns: 'shell' });
}
