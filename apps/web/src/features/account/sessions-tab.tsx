import type { Session } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonitorIcon, PhoneIcon } from '../../components/icons';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api, setCsrfToken } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Section } from './section';
import { describeUserAgent } from './user-agent';

export const sessionsKey = ['account', 'sessions'] as const;

/** "Chrome on Linux", "Firefox", "Unknown device". */
function useDeviceName() {
  const { t } = useTranslation('account');
  return (userAgent: string | null) => {
    const { browser, os } = describeUserAgent(userAgent);
    if (browser && os) return t('sessions.device', { browser, os });
    return browser ?? os ?? t('sessions.unknownDevice');
  };
}

export function SessionsTab() {
  const { t } = useTranslation('account');
  const sessions = useQuery({
    queryKey: sessionsKey,
    queryFn: () => api<Session[]>('GET', '/auth/sessions'),
  });
  // The current session first, then the most recently active.
  const sorted = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.last_seen_at.localeCompare(a.last_seen_at),
  );

  return (
    <Section title={t('sessions.title')} description={t('sessions.intro')}>
      {sessions.error ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.isLoading ? (
        <Spinner />
      ) : sorted.length === 0 ? (
        <EmptyState title={t('sessions.empty')} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {sorted.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function SessionRow({ session }: { session: Session }) {
  const { t, i18n } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const deviceName = useDeviceName();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const { mobile } = describeUserAgent(session.user_agent);

  async function end() {
    setPending(true);
    try {
      await api('DELETE', `/auth/sessions/${session.id}`);
      notify(t('sessions.ended'));
      await queryClient.invalidateQueries({ queryKey: sessionsKey });
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setPending(false);
    }
  }

  async function signOut() {
    setPending(true);
    await api('POST', '/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
    await navigate({ to: '/login' });
  }

  return (
    <li className="flex gap-3 p-4">
      <span
        aria-hidden="true"
        className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
      >
        {mobile ? <PhoneIcon className="size-5" /> : <MonitorIcon className="size-5" />}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900 dark:text-white">
            {deviceName(session.user_agent)}
            {session.current ? (
              <Badge tone="emerald" dot>
                {t('sessions.thisDevice')}
              </Badge>
            ) : null}
          </p>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-sm text-slate-600 dark:text-slate-400">
            <div className="flex gap-1">
              <dt>{t('sessions.ip')}</dt>
              <dd className="text-slate-800 tabular-nums dark:text-slate-200">
                {session.ip ?? t('sessions.unknownIp')}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>{t('sessions.lastActivity')}</dt>
              <dd
                className="text-slate-800 dark:text-slate-200"
                title={formatDateTime(session.last_seen_at, language)}
              >
                {session.current ? t('sessions.now') : formatRelative(session.last_seen_at, language)}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>{t('sessions.started')}</dt>
              <dd className="text-slate-800 dark:text-slate-200">
                {formatDateTime(session.created_at, language)}
              </dd>
            </div>
          </dl>
        </div>
        <div className="shrink-0">
          {session.current ? (
            <Button variant="secondary" isPending={pending} onPress={() => void signOut()}>
              {ts('topbar.signOut')}
            </Button>
          ) : (
            <Button variant="secondary" isPending={pending} onPress={() => void end()}>
              {t('sessions.end')}
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
