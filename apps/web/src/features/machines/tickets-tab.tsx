import type { MachineDetail, Ticket } from '@itsm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageQuery } from '../../lib/use-page-query';
import { ticketKeys } from '../tickets/ticket-api';
import { TicketTable } from '../tickets/ticket-table';

const PAGE_SIZE = 10;
/** The ticket list's own default: the newest first. */
const DEFAULT_ORDERING = '-created_at';

/** The tickets about this machine (those the caller may see), as the ticket list shows them. */
export function TicketsTab({ machine, staff }: { machine: MachineDetail; staff: boolean }) {
  const { t } = useTranslation('machines');
  const [page, setPage] = useState(1);
  const [ordering, setOrdering] = useState<string | undefined>(undefined);
  const tickets = usePageQuery<Ticket>([...ticketKeys.list, 'machine', machine.id], '/tickets', {
    machine: machine.id,
    page,
    page_size: PAGE_SIZE,
    ordering: ordering ?? DEFAULT_ORDERING,
  });
  return (
    <TicketTable
      page={tickets.data}
      isLoading={tickets.isLoading}
      error={tickets.error}
      onRetry={() => void tickets.refetch()}
      pageNumber={page}
      pageSize={PAGE_SIZE}
      onPageChange={setPage}
      ordering={ordering ?? DEFAULT_ORDERING}
      defaultOrdering={DEFAULT_ORDERING}
      onOrderingChange={(next) => {
        setOrdering(next);
        setPage(1);
      }}
      emptyTitle={t('tickets.empty')}
      showRequester={staff}
    />
  );
}
