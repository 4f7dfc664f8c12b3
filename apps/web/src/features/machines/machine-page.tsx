import type { MachineDetail } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PencilIcon } from '../../components/icons';
import { ActionMenu } from '../../components/ui/action-menu';
import { BackLink } from '../../components/ui/back-link';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Dialog } from '../../components/ui/dialog';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { ApiError, api } from '../../lib/api';
import { useRefresh } from '../../lib/use-refresh';
import { isAdmin, useMe } from '../auth/session';
import { useNow } from '../tickets/ticket-badges';
import { HardwareTab } from './hardware-tab';
import { HistoryTab } from './history-tab';
import { machineKeys, machineQuery } from './machine-api';
import { LastSeen, MachineStatusBadge } from './machine-badges';
import { MachineForm } from './machine-form';
import { NetworkTab } from './network-tab';
import { SoftwareTab } from './software-tab';
import { SummaryTab } from './summary-tab';
import { TicketsTab } from './tickets-tab';

const route = getRouteApi('/app/machines/$id');
const TABS = ['summary', 'hardware', 'network', 'software', 'history', 'tickets'] as const;
type TabKey = (typeof TABS)[number];

function BackToList() {
  const { t } = useTranslation('machines');
  const me = useMe();
  return <BackLink to="/machines">{me.role === 'user' ? t('list.myTitle') : t('list.title')}</BackLink>;
}

/**
 * One machine: its summary (and what people decide about it), then what its agent reported — hardware,
 * network, software — its history and its tickets, each in a tab kept in the URL.
 */
export function MachinePage() {
  const { t } = useTranslation('machines');
  const me = useMe();
  const staff = me.role !== 'user';
  const now = useNow(60_000);
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const machineId = /^\d+$/.test(id) ? Number(id) : 0;
  const machine = useQuery({ ...machineQuery(machineId), enabled: machineId > 0 });
  const [editing, setEditing] = useState(false);
  const selected: TabKey = search.tab ?? 'summary';
  const loaded = machine.data !== undefined;
  // On phones the tabs scroll sideways: the chosen one (from a link) comes into sight.
  const tabList = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chosen tab is the trigger
  useEffect(() => {
    if (!loaded) return;
    // The tabs are in the page once react-aria has built its collection, a frame later.
    const frame = requestAnimationFrame(() =>
      tabList.current
        ?.querySelector('[data-selected]')
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [selected, loaded]);

  const missing = machineId === 0 || (machine.error instanceof ApiError && machine.error.status === 404);
  if (missing) {
    return (
      <div className="flex flex-col gap-4">
        <BackToList />
        <EmptyState title={t('detail.notFound')}>{t('detail.notFoundHint')}</EmptyState>
      </div>
    );
  }
  if (machine.error) return <ErrorState error={machine.error} onRetry={() => void machine.refetch()} />;
  if (!machine.data) return <Spinner />;
  const data = machine.data;
  const subtitle = [[data.manufacturer, data.model].filter(Boolean).join(' '), data.os_name]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <BackToList />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
              <MachineStatusBadge status={data.status} />
              {data.has_agent ? (
                <span className="inline-flex items-center gap-1.5">
                  {t('fields.lastSeen')}
                  <LastSeen at={data.last_seen_at} now={now} />
                </span>
              ) : (
                <Badge>{t('list.noAgent')}</Badge>
              )}
            </div>
            <h1 className="mt-1.5 text-2xl font-bold tracking-tight break-all text-slate-900 dark:text-white">
              {data.hostname}
            </h1>
            {subtitle ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
          </div>
          {data.can_edit ? (
            <div className="flex shrink-0 gap-2">
              <Button variant="secondary" onPress={() => setEditing(true)}>
                <PencilIcon className="size-4" />
                {t('detail.edit')}
              </Button>
              {isAdmin(me) ? <MoreActions machine={data} /> : null}
            </div>
          ) : null}
        </div>
      </header>

      <Tabs
        selectedKey={selected}
        onSelectionChange={(key) =>
          void navigate({
            search: { tab: key === 'summary' ? undefined : (key as TabKey) },
            replace: true,
          })
        }
        className="flex flex-col gap-6"
      >
        <TabList
          ref={tabList}
          aria-label={t('detail.tabs.label')}
          className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0 dark:border-slate-800"
        >
          {TABS.map((key) => (
            <Tab
              key={key}
              id={key}
              className="-mb-px flex cursor-default items-center gap-1.5 border-b-2 border-transparent px-3 py-2.5 text-sm font-medium whitespace-nowrap text-slate-600 outline-none hover:text-slate-900 data-[focus-visible]:rounded-t-md data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 data-[selected]:border-indigo-600 data-[selected]:text-indigo-700 dark:text-slate-400 dark:hover:text-white dark:data-[selected]:border-indigo-400 dark:data-[selected]:text-indigo-300"
            >
              {t(`detail.tabs.${key}`)}
              <TabCount machine={data} tab={key} />
            </Tab>
          ))}
        </TabList>
        <TabPanel id="summary" className="outline-none">
          <SummaryTab machine={data} now={now} />
        </TabPanel>
        <TabPanel id="hardware" className="outline-none">
          <HardwareTab machine={data} now={now} />
        </TabPanel>
        <TabPanel id="network" className="outline-none">
          <NetworkTab machine={data} />
        </TabPanel>
        <TabPanel id="software" className="outline-none">
          <SoftwareTab machine={data} />
        </TabPanel>
        <TabPanel id="history" className="outline-none">
          <HistoryTab machine={data} now={now} />
        </TabPanel>
        <TabPanel id="tickets" className="outline-none">
          <TicketsTab machine={data} staff={staff} />
        </TabPanel>
      </Tabs>

      <Dialog
        isOpen={editing}
        onOpenChange={setEditing}
        size="lg"
        title={t('form.editTitle', { name: data.hostname })}
      >
        {editing ? <MachineForm machine={data} onDone={() => setEditing(false)} /> : null}
      </Dialog>
    </div>
  );
}

/** The number after a tab's name: software installed, open tickets. */
function TabCount({ machine, tab }: { machine: MachineDetail; tab: TabKey }) {
  const count =
    tab === 'software' ? machine.software_count : tab === 'tickets' ? machine.open_ticket_count : null;
  if (!count) return null;
  return (
    <span className="rounded-full bg-slate-100 px-1.5 text-xs font-semibold text-slate-600 tabular-nums dark:bg-slate-800 dark:text-slate-300">
      {count}
    </span>
  );
}

/** The "…" menu of administrators: delete, confirmed; back to the list once done. */
function MoreActions({ machine }: { machine: MachineDetail }) {
  const { t } = useTranslation('machines');
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <ActionMenu
        label={t('detail.actions', { name: machine.hostname })}
        items={[{ id: 'delete', label: t('detail.delete'), tone: 'danger' }]}
        onAction={() => setConfirming(true)}
        className="border border-slate-300 bg-white shadow-xs dark:border-slate-700 dark:bg-slate-900"
      />
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('detail.deleteTitle', { name: machine.hostname })}
        confirmLabel={t('detail.delete')}
        onConfirm={async () => {
          await api('DELETE', `/machines/${machine.id}`);
          notify(t('toast.deleted', { name: machine.hostname }));
          await navigate({ to: '/machines' });
          await refresh(machineKeys.list, 'tickets');
        }}
      >
        {t('detail.deleteBody')}
      </ConfirmDialog>
    </>
  );
}
