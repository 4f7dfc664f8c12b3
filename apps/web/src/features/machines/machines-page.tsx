import type { Machine } from '@itsm/contracts';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { DataTable } from '../../components/ui/data-table';
import { ItemDialog } from '../../components/ui/item-dialog';
import { PageHeader } from '../../components/ui/page-header';
import { useListSearch } from '../../components/ui/use-list-search';
import { usePageQuery } from '../../lib/use-page-query';
import { useMe } from '../auth/session';
import { useNow } from '../tickets/ticket-badges';
import { notSeenViews } from './list-views';
import { machineKeys } from './machine-api';
import { LastSeen, MachineStatusBadge } from './machine-badges';
import { MachineFilterPanel, type MachineFilters } from './machine-filters';
import { MachineForm } from './machine-form';

const route = getRouteApi('/app/machines');

const FILTERS = ['search', 'status', 'os', 'structure', 'site', 'software', 'software_version'] as const;

const tabClass =
  '-mb-px flex items-center border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-indigo-600';

const muted = 'text-slate-400 dark:text-slate-500';

/** "Dell Inc. OptiPlex 7090 · B5RK4K2": what the machine is, under its name. */
const hardwareLine = (m: Pick<Machine, 'manufacturer' | 'model' | 'serial'>) =>
  [[m.manufacturer, m.model].filter(Boolean).join(' '), m.serial].filter(Boolean).join(' · ');

/** The system's version when its name does not already say it ("Windows 11 Pro" + "10.0.22631"). */
const osVersion = (m: Pick<Machine, 'os_name' | 'os_version'>) =>
  m.os_version && !(m.os_name ?? '').includes(m.os_version) ? m.os_version : null;

/**
 * The machines: the support team's inventory (filters by status, system, structure, site, installed
 * software; views of the machines not seen for a while) or a user's own computers.
 */
export function MachinesPage() {
  const { t } = useTranslation('machines');
  const me = useMe();
  const staff = me.role !== 'user';
  const now = useNow(60_000);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const goTo = useNavigate();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: FILTERS,
    defaultOrdering: 'hostname',
  });
  const machines = usePageQuery<Machine>(machineKeys.list, '/machines', {
    ...list.params,
    search: search.search,
    status: search.status,
    os_name: search.os,
    structure: search.structure,
    site: search.site,
    software: search.software,
    // The API reads a version only with a software name.
    software_version: search.software ? search.software_version : undefined,
    not_seen_days: search.not_seen_days,
  });
  const [registering, setRegistering] = useState(false);

  const open = (machine: Pick<Machine, 'id'>) =>
    void goTo({ to: '/machines/$id', params: { id: String(machine.id) } });

  const hostname = (machine: Machine) => (
    <Link
      to="/machines/$id"
      params={{ id: String(machine.id) }}
      onClick={(event) => event.stopPropagation()}
      className="font-medium break-all text-slate-900 outline-none hover:text-indigo-700 focus-visible:underline dark:text-white dark:hover:text-indigo-300"
    >
      {machine.hostname}
    </Link>
  );
  // A machine registered by hand has no agent to hear from: that, rather than "never seen".
  const agent = (machine: Machine) =>
    machine.has_agent ? (
      <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
        {t('list.agentVersion', { version: machine.agent_version ?? '?' })}
      </span>
    ) : (
      <span className={clsx('text-sm italic', muted)}>{t('list.noAgent')}</span>
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language, role or minute change
  const columns = useMemo<ColumnDef<Machine, unknown>[]>(
    () => [
      {
        id: 'hostname',
        header: t('columns.hostname'),
        meta: { ordering: 'hostname' },
        cell: ({ row }) => (
          <div className="flex min-w-40 flex-col gap-0.5">
            {hostname(row.original)}
            <span className="text-xs text-slate-500 dark:text-slate-400">{hardwareLine(row.original)}</span>
          </div>
        ),
      },
      {
        id: 'os',
        header: t('columns.os'),
        meta: { ordering: 'os_name' },
        cell: ({ row }) =>
          row.original.os_name ? (
            <div className="flex min-w-36 flex-col gap-0.5">
              <span className="text-slate-700 dark:text-slate-300">{row.original.os_name}</span>
              {osVersion(row.original) ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">{osVersion(row.original)}</span>
              ) : null}
            </div>
          ) : (
            <span className={muted}>—</span>
          ),
      },
      ...(staff
        ? [
            {
              id: 'main_user',
              header: t('columns.mainUser'),
              cell: ({ row }) =>
                row.original.main_user_name ? (
                  <span className="text-slate-700 dark:text-slate-300">{row.original.main_user_name}</span>
                ) : (
                  <span className={clsx('italic', muted)}>{t('list.unassigned')}</span>
                ),
            } satisfies ColumnDef<Machine, unknown>,
          ]
        : []),
      {
        id: 'placement',
        header: t('columns.placement'),
        cell: ({ row }) => (
          <div className="flex min-w-28 flex-col gap-0.5">
            <span className="text-slate-700 dark:text-slate-300">{row.original.structure_name}</span>
            {row.original.site_name ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">{row.original.site_name}</span>
            ) : null}
          </div>
        ),
      },
      {
        id: 'status',
        header: t('columns.status'),
        meta: { ordering: 'status' },
        cell: ({ row }) => <MachineStatusBadge status={row.original.status} />,
      },
      {
        id: 'last_seen_at',
        header: t('columns.lastSeen'),
        meta: { ordering: 'last_seen_at' },
        cell: ({ row }) => (
          <div className="flex flex-col items-start gap-0.5">
            {row.original.has_agent ? <LastSeen at={row.original.last_seen_at} now={now} short /> : null}
            {agent(row.original)}
          </div>
        ),
      },
    ],
    [t, staff, now],
  );

  const card = (machine: Machine) => (
    <div className="flex flex-col gap-2">
      <div className="flex items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col">
          {hostname(machine)}
          <span className="truncate text-xs text-slate-500 dark:text-slate-400">{hardwareLine(machine)}</span>
        </div>
        <MachineStatusBadge status={machine.status} />
      </div>
      {machine.os_name ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">{machine.os_name}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
        {staff && machine.main_user_name ? (
          <>
            <span>{machine.main_user_name}</span>
            <span aria-hidden="true">·</span>
          </>
        ) : null}
        <span>{[machine.structure_name, machine.site_name].filter(Boolean).join(' · ')}</span>
        <span aria-hidden="true">·</span>
        {machine.has_agent ? <LastSeen at={machine.last_seen_at} now={now} short /> : agent(machine)}
      </div>
    </div>
  );

  const filters: MachineFilters = {
    search: search.search,
    status: search.status,
    os: search.os,
    structure: search.structure,
    site: search.site,
    software: search.software,
    software_version: search.software_version,
  };
  const emptyNone =
    search.not_seen_days !== undefined
      ? t('empty.notSeen', { count: search.not_seen_days })
      : staff
        ? t('empty.none')
        : t('empty.mine');

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title={staff ? t('list.title') : t('list.myTitle')}
        description={staff ? t('list.description') : t('list.myDescription')}
        actions={
          staff ? (
            <Button onPress={() => setRegistering(true)}>
              <PlusIcon className="size-4" />
              {t('list.register')}
            </Button>
          ) : null
        }
      />
      <NotSeenTabs current={search.not_seen_days} staff={staff} />
      <MachineFilterPanel
        filters={filters}
        onChange={list.setFilters}
        staff={staff}
        count={list.filterCount}
        filtered={list.filtered}
        onClear={list.clearFilters}
      />
      <DataTable
        columns={columns}
        {...list.tableProps(machines, { none: emptyNone, filtered: t('empty.filtered') })}
        caption={t('list.caption')}
        renderCard={card}
        onRowClick={open}
      />
      <ItemDialog
        item={registering ? 'new' : null}
        onClose={() => setRegistering(false)}
        size="lg"
        title={() => t('form.createTitle')}
      >
        {() => (
          <MachineForm
            machine={null}
            structure={search.structure}
            onDone={(saved) => {
              setRegistering(false);
              if (saved) open(saved);
            }}
          />
        )}
      </ItemDialog>
    </div>
  );
}

/** All machines, or those whose agent has not reported for N days (a view in the URL, kept with the filters). */
function NotSeenTabs({ current, staff }: { current: number | undefined; staff: boolean }) {
  const { t } = useTranslation('machines');
  return (
    <nav
      aria-label={t('views.label')}
      className="-mx-4 flex min-w-0 gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0 dark:border-slate-800"
    >
      {notSeenViews(current).map((days) => {
        const active = days === current;
        return (
          <Link
            key={days ?? 'all'}
            from="/machines"
            to="/machines"
            search={(prev) => ({ ...prev, not_seen_days: days, page: undefined })}
            aria-current={active ? 'page' : undefined}
            className={clsx(
              tabClass,
              active
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
            )}
          >
            {days === undefined
              ? staff
                ? t('views.all')
                : t('views.myAll')
              : t('views.notSeen', { count: days })}
          </Link>
        );
      })}
    </nav>
  );
}
