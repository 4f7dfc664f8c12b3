import type { Page, Ticket } from '@itsm/contracts';
import { Link, useNavigate } from '@tanstack/react-router';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { type Ordering, orderingParam, parseOrdering } from '../../components/ui/data-table';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { formatDateTime } from '../../lib/format';
import { formatAgo } from './relative-time';
import { PriorityBadge, SlaBadge, StatusBadge, useNow } from './ticket-badges';

type Props = {
  page: Page<Ticket> | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  pageNumber: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** The API ordering (`-updated_at`), the list's default when the URL has none. */
  ordering: string;
  defaultOrdering: string;
  onOrderingChange: (ordering: string | undefined) => void;
  emptyTitle: ReactNode;
  emptyAction?: ReactNode;
  /** The requester's column (a requester's own list leaves it out). */
  showRequester: boolean;
  /** Row selection for bulk actions (staff); absent: no checkboxes. */
  selection?: { ids: ReadonlySet<number>; onChange: (ids: Set<number>) => void };
};

/**
 * The tickets of one page: a table on wide screens, cards on phones; sortable columns, row selection,
 * and the pages below ("10 000+" when the server stopped counting).
 */
export function TicketTable(props: Props) {
  const { t, i18n } = useTranslation('tickets');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const navigate = useNavigate();
  const now = useNow();
  const tickets = props.page?.results ?? [];
  const current = parseOrdering(props.ordering);

  if (props.error) return <ErrorState error={props.error} onRetry={props.onRetry} />;
  if (props.isLoading && !props.page) return <Spinner />;

  const selection = props.selection;
  const allSelected = tickets.length > 0 && tickets.every((ticket) => selection?.ids.has(ticket.id));
  const someSelected = tickets.some((ticket) => selection?.ids.has(ticket.id));
  const toggle = (id: number, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.ids);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };

  function sortBy(field: string) {
    const active = current?.field === field;
    // First click ascending (dates and priorities: the most urgent first), then the other way.
    const next: Ordering = active
      ? { field, descending: !current?.descending }
      : { field, descending: field === 'priority' || field === 'updated_at' };
    const param = orderingParam(next);
    props.onOrderingChange(param === props.defaultOrdering ? undefined : param);
  }

  const header = (label: ReactNode, field?: string, className?: string) => {
    const active = field !== undefined && current?.field === field;
    return (
      <th
        scope="col"
        className={clsx('px-2.5 py-3 whitespace-nowrap first:pl-4 last:pr-4', className)}
        aria-sort={active ? (current?.descending ? 'descending' : 'ascending') : undefined}
      >
        {field ? (
          <button
            type="button"
            onClick={() => sortBy(field)}
            className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white"
          >
            {label}
            <span aria-hidden="true" className={clsx('text-xs', !active && 'opacity-30')}>
              {active && current?.descending ? '▼' : '▲'}
            </span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  const updated = (ticket: Ticket) => (
    <time dateTime={ticket.updated_at} title={formatDateTime(ticket.updated_at, language)}>
      {formatAgo(ticket.updated_at, language, now)}
    </time>
  );

  const person = (name: string | null, fallback: string) =>
    name ? (
      <span className="text-slate-700 dark:text-slate-300">{name}</span>
    ) : (
      <span className="text-slate-400 italic dark:text-slate-500">{fallback}</span>
    );

  const selectBox = (ticket: Ticket) =>
    selection ? (
      // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the row's click from opening the ticket
      // biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside handles the keyboard
      <div onClick={(event) => event.stopPropagation()}>
        <Checkbox isSelected={selection.ids.has(ticket.id)} onChange={(on) => toggle(ticket.id, on)}>
          <span className="sr-only">{t('list.select', { number: ticket.number })}</span>
        </Checkbox>
      </div>
    ) : null;

  const count = props.page?.count ?? 0;
  const estimate = props.page?.count_is_estimate === true;
  const countText = estimate
    ? t('list.countEstimate', { count: new Intl.NumberFormat(language).format(count) })
    : t('list.count', { count, formatted: new Intl.NumberFormat(language).format(count) });
  const lastPage = estimate ? null : Math.max(1, Math.ceil(count / props.pageSize));

  return (
    <div className="flex flex-col gap-3">
      {count === 0 && tickets.length === 0 ? (
        <EmptyState title={props.emptyTitle}>{props.emptyAction}</EmptyState>
      ) : (
        <>
          <ul className="flex flex-col gap-2 md:hidden">
            {tickets.map((ticket) => (
              <li
                key={ticket.id}
                className={clsx(
                  'flex gap-3 rounded-xl border bg-white p-4 dark:bg-slate-900',
                  selection?.ids.has(ticket.id)
                    ? 'border-indigo-300 ring-1 ring-indigo-300 dark:border-indigo-700 dark:ring-indigo-700'
                    : 'border-slate-200 dark:border-slate-800',
                )}
              >
                {selection ? <div className="pt-0.5">{selectBox(ticket)}</div> : null}
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  <div className="flex items-start justify-between gap-2">
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                      {ticket.number}
                    </span>
                    <StatusBadge status={ticket.status} />
                  </div>
                  <Link
                    to="/tickets/$id"
                    params={{ id: String(ticket.id) }}
                    className="font-medium break-words text-slate-900 hover:text-indigo-700 dark:text-white dark:hover:text-indigo-300"
                  >
                    {ticket.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <PriorityBadge priority={ticket.priority} />
                    <SlaBadge ticket={ticket} now={now} hideNone />
                  </div>
                  <p className="flex flex-wrap gap-x-1 text-xs text-slate-500 dark:text-slate-400">
                    {props.showRequester ? (
                      <>
                        <span>{ticket.requester_name}</span>
                        <span aria-hidden="true">→</span>
                      </>
                    ) : null}
                    <span>{ticket.assignee_name ?? ticket.group_name ?? t('list.unassigned')}</span>
                    <span aria-hidden="true">·</span>
                    {updated(ticket)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('list.caption')}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400">
                <tr>
                  {selection ? (
                    <th scope="col" className="w-10 py-3 pr-1 pl-4">
                      <Checkbox
                        isSelected={allSelected}
                        isIndeterminate={someSelected && !allSelected}
                        onChange={(on) =>
                          selection.onChange(on ? new Set(tickets.map((ticket) => ticket.id)) : new Set())
                        }
                      >
                        <span className="sr-only">{t('list.selectPage')}</span>
                      </Checkbox>
                    </th>
                  ) : null}
                  {header(t('columns.ticket'), 'id')}
                  {header(t('columns.status'), 'status')}
                  {header(t('columns.priority'), 'priority')}
                  {header(t('columns.sla'), 'due_resolution_at')}
                  {props.showRequester ? header(t('columns.requester')) : null}
                  {header(t('columns.assignee'))}
                  {header(t('columns.updated'), 'updated_at')}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {tickets.map((ticket) => (
                  <tr
                    key={ticket.id}
                    onClick={() => void navigate({ to: '/tickets/$id', params: { id: String(ticket.id) } })}
                    className={clsx(
                      'cursor-pointer align-top',
                      selection?.ids.has(ticket.id)
                        ? 'bg-indigo-50/70 dark:bg-indigo-950/30'
                        : 'hover:bg-slate-50 dark:hover:bg-slate-800/50',
                    )}
                  >
                    {selection ? <td className="py-3 pr-1 pl-4">{selectBox(ticket)}</td> : null}
                    <td className="px-2.5 py-3 first:pl-4">
                      <div className="flex min-w-44 flex-col gap-0.5">
                        <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                          {ticket.number}
                        </span>
                        <Link
                          to="/tickets/$id"
                          params={{ id: String(ticket.id) }}
                          onClick={(event) => event.stopPropagation()}
                          className="font-medium break-words text-slate-900 outline-none hover:text-indigo-700 focus-visible:underline dark:text-white dark:hover:text-indigo-300"
                        >
                          {ticket.title}
                        </Link>
                        {ticket.category_name ? (
                          <span className="text-xs text-slate-500 dark:text-slate-400">
                            {ticket.category_name}
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td className="px-2.5 py-3">
                      <StatusBadge status={ticket.status} />
                    </td>
                    <td className="px-2.5 py-3">
                      <PriorityBadge priority={ticket.priority} />
                    </td>
                    <td className="px-2.5 py-3 whitespace-nowrap">
                      <SlaBadge ticket={ticket} now={now} />
                    </td>
                    {props.showRequester ? (
                      <td className="min-w-28 px-2.5 py-3">{person(ticket.requester_name, '—')}</td>
                    ) : null}
                    <td className="min-w-28 px-2.5 py-3">
                      <div className="flex flex-col">
                        {person(ticket.assignee_name, t('list.unassigned'))}
                        {ticket.group_name ? (
                          <span className="text-xs text-slate-500 dark:text-slate-400">
                            {ticket.group_name}
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td className="px-2.5 py-3 whitespace-nowrap text-slate-600 last:pr-4 dark:text-slate-400">
                      {updated(ticket)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <nav
        aria-label={ts('table.pagination')}
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
      >
        <span className="whitespace-nowrap">{countText}</span>
        <div className="ml-auto flex items-center gap-2">
          <Button
            variant="secondary"
            isDisabled={props.pageNumber <= 1}
            onPress={() => props.onPageChange(props.pageNumber - 1)}
          >
            {ts('table.previous')}
          </Button>
          <span aria-current="page" className="whitespace-nowrap">
            {lastPage === null
              ? t('list.page', { page: props.pageNumber })
              : ts('table.pageOf', { page: props.pageNumber, pages: lastPage })}
          </span>
          <Button
            variant="secondary"
            isDisabled={!props.page?.next}
            onPress={() => props.onPageChange(props.pageNumber + 1)}
          >
            {ts('table.next')}
          </Button>
        </div>
      </nav>
    </div>
  );
}
