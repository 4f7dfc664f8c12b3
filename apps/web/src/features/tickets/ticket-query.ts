import {
  SLA_HEALTHS,
  type SlaHealth,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatus,
  type TicketType,
} from '@itsm/contracts';

/** The built-in views the API computes (`view=`). */
export const TICKET_LIST_VIEWS = [
  'mine',
  'my_open',
  'unassigned_in_my_groups',
  'at_risk',
  'watching',
] as const;
export type TicketListView = (typeof TICKET_LIST_VIEWS)[number];

/** The filters of the ticket list, as the page works with them. */
export type TicketFilters = {
  view?: TicketListView;
  status?: TicketStatus[];
  priority?: number[];
  type?: TicketType;
  category?: number;
  /** A user, or `none` for the unassigned tickets. */
  assignee?: number | 'none';
  /** A group, or `none` for the tickets without one. */
  group?: number | 'none';
  sla_state?: SlaHealth;
  search?: string;
};

/** The list's search params in the URL: the filters in short text form, plus page and ordering. */
export type TicketListSearch = {
  page?: number;
  ordering?: string;
  search?: string;
  view?: string;
  /** Comma-separated statuses. */
  status?: string;
  /** Comma-separated priorities. */
  priority?: string;
  type?: string;
  category?: number;
  assignee?: number | 'none';
  group?: number | 'none';
  sla_state?: string;
};

/** Every filter of the URL (what "clear the filters" empties and what a view sets). */
export const FILTER_KEYS = [
  'view',
  'status',
  'priority',
  'type',
  'category',
  'assignee',
  'group',
  'sla_state',
  'search',
] as const satisfies readonly (keyof TicketFilters & keyof TicketListSearch)[];

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

const LEVELS = [1, 2, 3, 4, 5];

function statusList(text: string | undefined): TicketStatus[] | undefined {
  const known = TICKET_STATUSES.filter((s) => (text ?? '').split(',').includes(s));
  return known.length > 0 ? known : undefined;
}

function priorityList(text: string | undefined): number[] | undefined {
  const wanted = new Set((text ?? '').split(',').map((p) => Number(p.trim())));
  const known = LEVELS.filter((level) => wanted.has(level));
  return known.length > 0 ? known : undefined;
}

const positiveId = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

function idOrNone(value: unknown): number | 'none' | undefined {
  if (value === 'none') return 'none';
  return positiveId(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}

/** The URL's filters, checked: unknown values are dropped. */
export function filtersFromSearch(search: TicketListSearch): TicketFilters {
  const text = search.search?.trim();
  return dropEmpty({
    view: isOneOf(TICKET_LIST_VIEWS, search.view) ? search.view : undefined,
    status: statusList(search.status),
    priority: priorityList(search.priority),
    type: isOneOf(TICKET_TYPES, search.type) ? search.type : undefined,
    category: positiveId(search.category),
    assignee: idOrNone(search.assignee),
    group: idOrNone(search.group),
    sla_state: isOneOf(SLA_HEALTHS, search.sla_state) ? search.sla_state : undefined,
    search: text ? text : undefined,
  });
}

/** The URL's params for these filters: every filter key present (undefined clears it), back to page 1. */
export function searchFromFilters(filters: TicketFilters): Omit<TicketListSearch, 'ordering'> {
  return {
    page: undefined,
    view: filters.view,
    status: filters.status?.length ? filters.status.join(',') : undefined,
    priority: filters.priority?.length ? filters.priority.join(',') : undefined,
    type: filters.type,
    category: filters.category,
    assignee: filters.assignee,
    group: filters.group,
    sla_state: filters.sla_state,
    search: filters.search || undefined,
  };
}

function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One value (`status=new`) or several (`status__in=new,assigned`). */
function listParam(
  params: Record<string, string>,
  name: string,
  values: readonly (string | number)[] | undefined,
) {
  if (!values?.length) return;
  if (values.length === 1) params[name] = String(values[0]);
  else params[`${name}__in`] = values.join(',');
}

function refParam(params: Record<string, string>, name: string, value: number | 'none' | undefined) {
  if (value === 'none') params[`${name}__isnull`] = 'true';
  else if (value !== undefined) params[name] = String(value);
}

/** The API's query parameters for these filters (GET /tickets, the CSV export, a saved view). */
export function apiParams(filters: TicketFilters, ordering?: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.view) params.view = filters.view;
  // In a fixed order, so that the same choice always gives the same query.
  listParam(
    params,
    'status',
    TICKET_STATUSES.filter((s) => filters.status?.includes(s)),
  );
  listParam(params, 'priority', filters.priority && [...filters.priority].sort((a, b) => a - b));
  if (filters.type) params.type = filters.type;
  if (filters.category) params.category = String(filters.category);
  refParam(params, 'assignee', filters.assignee);
  refParam(params, 'group', filters.group);
  if (filters.sla_state) params.sla_state = filters.sla_state;
  if (filters.search) params.search = filters.search;
  if (ordering) params.ordering = ordering;
  return params;
}

/**
 * The query string of these filters, in a stable order and with readable commas
 * (`priority__in=4,5&status=new`): what a saved view stores and what tells two views apart.
 */
export function toQueryString(filters: TicketFilters, ordering?: string): string {
  const params = apiParams(filters, ordering);
  return Object.keys(params)
    .sort()
    .map((key) => `${key}=${encodeURIComponent(params[key] ?? '').replace(/%2C/gi, ',')}`)
    .join('&');
}

/** The filters and ordering of a stored query string; what this page does not know is left out. */
export function filtersFromQueryString(query: string): { filters: TicketFilters; ordering?: string } {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const get = (name: string) => params.get(name) ?? undefined;
  const ref = (name: string) => (get(`${name}__isnull`) === 'true' ? 'none' : get(name));
  const filters = filtersFromSearch({
    view: get('view'),
    status: get('status__in') ?? get('status'),
    priority: get('priority__in') ?? get('priority'),
    type: get('type'),
    category: Number(get('category')) || undefined,
    assignee: ref('assignee') as TicketListSearch['assignee'],
    group: ref('group') as TicketListSearch['group'],
    sla_state: get('sla_state'),
    search: get('search'),
  });
  const ordering = get('ordering');
  return ordering ? { filters, ordering } : { filters };
}

/** Whether two sets of filters select the same tickets. */
export const sameFilters = (a: TicketFilters, b: TicketFilters) => toQueryString(a) === toQueryString(b);

/** How many filters are set, the search and the view aside (the "Filters" button of phones shows it). */
export const filterCount = (filters: TicketFilters) =>
  FILTER_KEYS.filter((key) => key !== 'search' && key !== 'view' && filters[key] !== undefined).length;
