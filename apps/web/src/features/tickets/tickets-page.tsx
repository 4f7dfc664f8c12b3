import type { Ticket } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadIcon, PlusIcon } from '../../components/icons';
import { buttonClass } from '../../components/ui/button';
import { PageHeader } from '../../components/ui/page-header';
import { usePageQuery } from '../../lib/use-page-query';
import { useMe } from '../auth/session';
import { BulkBar } from './bulk-actions';
import { exportUrl, ticketKeys, ticketViewsQuery } from './ticket-api';
import { TicketFilterFields, TicketFilterPanel } from './ticket-filters';
import {
  apiParams,
  filterCount,
  filtersFromSearch,
  searchFromFilters,
  type TicketFilters,
} from './ticket-query';
import { TicketTable } from './ticket-table';
import { activeView, builtinViews, savedViewPreset } from './ticket-views';
import { ViewTabs } from './view-tabs';

const route = getRouteApi('/app/tickets');

const PAGE_SIZE = 25;
/** The API's own default: the newest tickets first. */
const DEFAULT_ORDERING = '-created_at';

/**
 * The ticket list: views as tabs (work queues and saved views), filters in the URL, SLA countdowns,
 * bulk assign and status changes for the support team, CSV export; "My tickets" for requesters.
 */
export function TicketsPage() {
  const { t } = useTranslation('tickets');
  const me = useMe();
  const staff = me.role !== 'user';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const page = search.page ?? 1;
  const ordering = search.ordering;

  const tickets = usePageQuery<Ticket>(ticketKeys.list, '/tickets', {
    ...apiParams(filters, ordering),
    page,
    page_size: PAGE_SIZE,
  });
  const saved = useQuery({ ...ticketViewsQuery, enabled: staff });
  const views = useMemo(
    () => [...builtinViews(me.role), ...(saved.data ?? []).map(savedViewPreset)],
    [me.role, saved.data],
  );
  const active = activeView(views, filters, ordering);

  const [selected, setSelected] = useState<Set<number>>(new Set());
  // Another page or other filters: the selection was of tickets no longer on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search is the trigger
  useEffect(() => setSelected(new Set()), [search]);
  const selectedTickets = (tickets.data?.results ?? []).filter((ticket) => selected.has(ticket.id));

  const setFilters = (patch: Partial<TicketFilters>) =>
    void navigate({
      search: (prev) => ({ ...prev, ...searchFromFilters({ ...filters, ...patch }) }),
      replace: true,
    });
  const panelFiltered = filterCount(filters) > 0 || Boolean(filters.search);

  const emptyTitle = panelFiltered
    ? t('empty.filtered')
    : active && active.savedId === undefined
      ? t(`empty.${active.key as 'all'}`)
      : t('empty.filtered');

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title={staff ? t('list.title') : t('list.myTitle')}
        description={staff ? t('list.description') : t('list.myDescription')}
        actions={
          <>
            {staff ? (
              <a href={exportUrl(apiParams(filters, ordering))} download className={buttonClass('secondary')}>
                <DownloadIcon className="size-4" />
                {t('list.export')}
              </a>
            ) : null}
            <Link to="/tickets/new" className={buttonClass('primary')}>
              <PlusIcon className="size-4" />
              {t('list.new')}
            </Link>
          </>
        }
      />
      <ViewTabs views={views} active={active} filters={filters} ordering={ordering} canSave={staff} />
      <TicketFilterPanel
        searchText={filters.search ?? ''}
        onSearch={(text) => setFilters({ search: text || undefined })}
        count={filterCount(filters)}
        filtered={panelFiltered}
        onClear={() => setFilters({ ...emptyPanel, view: filters.view })}
        className="sm:grid-cols-2 lg:grid-cols-4"
      >
        <TicketFilterFields me={me} filters={filters} onChange={setFilters} />
      </TicketFilterPanel>
      {staff ? <BulkBar tickets={selectedTickets} onClear={() => setSelected(new Set())} /> : null}
      <TicketTable
        page={tickets.data}
        isLoading={tickets.isLoading}
        error={tickets.error}
        onRetry={() => void tickets.refetch()}
        pageNumber={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) =>
          void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
        }
        ordering={ordering ?? DEFAULT_ORDERING}
        defaultOrdering={DEFAULT_ORDERING}
        onOrderingChange={(next) =>
          void navigate({ search: (prev) => ({ ...prev, ordering: next, page: undefined }) })
        }
        emptyTitle={emptyTitle}
        emptyAction={
          !staff && !panelFiltered && active?.key === 'all' ? (
            <Link
              to="/tickets/new"
              className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {t('empty.openFirst')}
            </Link>
          ) : null
        }
        showRequester={staff}
        selection={staff ? { ids: selected, onChange: setSelected } : undefined}
      />
    </div>
  );
}

const emptyPanel: TicketFilters = {
  status: undefined,
  priority: undefined,
  type: undefined,
  category: undefined,
  assignee: undefined,
  group: undefined,
  sla_state: undefined,
  search: undefined,
};
