import { OPEN_TICKET_STATUSES, type Role, type TicketView } from '@itsm/contracts';
import { filtersFromQueryString, sameFilters, type TicketFilters } from './ticket-query';

/** A tab of the ticket list: a set of filters, with an ordering when the view chose one. */
export type ViewPreset = {
  /** `all`, `my_open`… for the built-in views (their label key), `saved:<id>` for a user's own. */
  key: string;
  /** The name of a saved view (built-in ones are translated from their key). */
  name?: string;
  savedId?: number;
  filters: TicketFilters;
  ordering?: string;
};

export type BuiltinViewKey = 'all' | 'my_open' | 'unassigned' | 'at_risk' | 'open' | 'to_validate';

/** The built-in views: the support team's work queues, or a requester's own tickets by state. */
export function builtinViews(role: Role): (ViewPreset & { key: BuiltinViewKey })[] {
  if (role === 'user') {
    return [
      { key: 'all', filters: {} },
      { key: 'open', filters: { status: ['waiting_approval', ...OPEN_TICKET_STATUSES] } },
      { key: 'to_validate', filters: { status: ['resolved'] } },
    ];
  }
  return [
    { key: 'all', filters: {} },
    { key: 'my_open', filters: { view: 'my_open' } },
    { key: 'unassigned', filters: { view: 'unassigned_in_my_groups' } },
    { key: 'at_risk', filters: { view: 'at_risk' } },
  ];
}

export function savedViewPreset(view: TicketView): ViewPreset {
  return {
    key: `saved:${view.id}`,
    name: view.name,
    savedId: view.id,
    ...filtersFromQueryString(view.query),
  };
}

/**
 * The tab the list shows now: a view with the same filters and, when it chose one, the same ordering
 * (a view that chose the current ordering wins over one that chose none); null for other filters.
 */
export function activeView(
  views: readonly ViewPreset[],
  filters: TicketFilters,
  ordering: string | undefined,
) {
  const matching = views.filter((v) => sameFilters(v.filters, filters));
  return (
    matching.find((v) => v.ordering !== undefined && v.ordering === ordering) ??
    matching.find((v) => v.ordering === undefined) ??
    null
  );
}
