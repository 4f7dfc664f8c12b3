import type { Page } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupIcon, KeyIcon, PinIcon, ShieldIcon, TreeIcon, UsersIcon } from '../../components/icons';
import { api } from '../../lib/api';
import { isAdmin, useMe } from '../auth/session';

/** The number of objects of a list the caller may see (one tiny page). */
function useCount(path: string, query: Record<string, string> = {}, enabled = true) {
  return useQuery({
    queryKey: ['count', path, query],
    queryFn: () =>
      api<Page<unknown>>('GET', path, undefined, { ...query, page_size: 1 }).then((p) => p.count),
    enabled,
  });
}

function Stat({
  label,
  value,
  to,
  icon: Icon,
}: {
  label: string;
  value: number | undefined;
  to: string;
  icon: typeof UsersIcon;
}) {
  return (
    <Link
      to={to}
      className="flex items-center gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-xs hover:border-indigo-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-700"
    >
      <span className="flex size-11 items-center justify-center rounded-xl bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
        <Icon className="size-6" />
      </span>
      <span>
        <span className="block text-2xl font-bold text-slate-900 tabular-nums dark:text-white">
          {value ?? '—'}
        </span>
        <span className="text-sm text-slate-600 dark:text-slate-400">{label}</span>
      </span>
    </Link>
  );
}

export function HomeDashboard() {
  const { t } = useTranslation('dashboard');
  const me = useMe();
  const admin = isAdmin(me);
  // Fixed for the page's life: a new value at each render would be a new query at each render.
  const [since] = useState(() => new Date(Date.now() - 86_400_000).toISOString());
  const users = useCount('/users', {}, admin);
  const structures = useCount('/structures', {}, admin);
  const groups = useCount('/groups', {}, admin);
  const sites = useCount('/sites', {}, admin);
  const failed = useCount('/login-events', { success: 'false', created_at__gte: since }, admin);

  const shortcuts = [
    ...(admin
      ? [
          { to: '/admin/users', label: t('shortcuts.newUser'), icon: UsersIcon },
          { to: '/admin/structures', label: t('shortcuts.structures'), icon: TreeIcon },
        ]
      : []),
    { to: '/account', label: t('shortcuts.account'), icon: UsersIcon },
    { to: '/account?tab=security', label: t('shortcuts.security'), icon: ShieldIcon },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {t('greeting', { name: me.first_name })}
        </h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('intro')}</p>
      </div>
      {admin ? (
        <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <Stat label={t('counts.users')} value={users.data} to="/admin/users" icon={UsersIcon} />
          <Stat
            label={t('counts.structures')}
            value={structures.data}
            to="/admin/structures"
            icon={TreeIcon}
          />
          <Stat label={t('counts.groups')} value={groups.data} to="/admin/groups" icon={GroupIcon} />
          <Stat label={t('counts.sites')} value={sites.data} to="/admin/sites" icon={PinIcon} />
          <Stat
            label={t('counts.failedLogins')}
            value={failed.data}
            to="/admin/login-events"
            icon={KeyIcon}
          />
        </section>
      ) : null}
      <section>
        <h2 className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          {t('shortcuts.title')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {shortcuts.map((s) => (
            <li key={s.to}>
              <Link
                to={s.to}
                className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm font-medium text-slate-800 hover:border-indigo-300 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200"
              >
                <s.icon className="size-5 text-indigo-600 dark:text-indigo-400" />
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="rounded-2xl border border-dashed border-slate-300 p-6 dark:border-slate-700">
        <h2 className="font-semibold text-slate-900 dark:text-white">{t('soon.title')}</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('soon.text')}</p>
      </section>
    </div>
  );
}
