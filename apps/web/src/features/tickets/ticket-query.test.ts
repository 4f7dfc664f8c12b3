import { describe, expect, it } from 'vitest';
import {
  apiParams,
  filterCount,
  filtersFromQueryString,
  filtersFromSearch,
  sameFilters,
  searchFromFilters,
  toQueryString,
} from './ticket-query';
import { activeView, builtinViews, savedViewPreset } from './ticket-views';

describe('the ticket list filters in the URL', () => {
  it('reads the URL, dropping what it does not know', () => {
    expect(
      filtersFromSearch({
        status: 'new,bogus,assigned',
        priority: '5,9,4',
        type: 'incident',
        category: 3,
        assignee: 'none',
        group: 7,
        sla_state: 'at_risk',
        view: 'my_open',
        search: '  printer ',
      }),
    ).toEqual({
      status: ['new', 'assigned'],
      priority: [4, 5],
      type: 'incident',
      category: 3,
      assignee: 'none',
      group: 7,
      sla_state: 'at_risk',
      view: 'my_open',
      search: 'printer',
    });
    expect(
      filtersFromSearch({ status: 'nope', type: 'bug', view: 'everything', sla_state: 'late', search: ' ' }),
    ).toEqual({});
    expect(filtersFromSearch({ category: -1, assignee: 'someone' as never, group: 0 })).toEqual({});
  });

  it('writes every filter key back, undefined to clear it, on page 1', () => {
    expect(searchFromFilters({ status: ['new', 'pending'], assignee: 'none' })).toEqual({
      page: undefined,
      view: undefined,
      status: 'new,pending',
      priority: undefined,
      type: undefined,
      category: undefined,
      assignee: 'none',
      group: undefined,
      sla_state: undefined,
      search: undefined,
    });
  });
});

describe('the API query of the filters', () => {
  it('uses eq for one value, __in for several, __isnull for none', () => {
    expect(apiParams({ status: ['new'], priority: [4, 5], assignee: 'none', group: 2 }, '-priority')).toEqual(
      {
        status: 'new',
        priority__in: '4,5',
        assignee__isnull: 'true',
        group: '2',
        ordering: '-priority',
      },
    );
    expect(
      apiParams({ view: 'at_risk', search: 'VPN', sla_state: 'breached', category: 4, type: 'request' }),
    ).toEqual({ view: 'at_risk', search: 'VPN', sla_state: 'breached', category: '4', type: 'request' });
  });

  it('gives a stable, readable query string, and reads it back', () => {
    const filters = {
      status: ['new' as const, 'assigned' as const],
      priority: [5],
      search: 'écran & clavier',
    };
    const text = toQueryString(filters, '-updated_at');
    expect(text).toBe(
      'ordering=-updated_at&priority=5&search=%C3%A9cran%20%26%20clavier&status__in=new,assigned',
    );
    expect(filtersFromQueryString(text)).toEqual({ filters, ordering: '-updated_at' });
    expect(filtersFromQueryString('?assignee__isnull=true&group=3&unknown=1')).toEqual({
      filters: { assignee: 'none', group: 3 },
    });
  });

  it('compares filters whatever the order they were chosen in', () => {
    expect(sameFilters({ status: ['assigned', 'new'] }, { status: ['new', 'assigned'] })).toBe(true);
    expect(sameFilters({ priority: [5, 4] }, { priority: [4, 5] })).toBe(true);
    expect(sameFilters({ status: ['new'] }, { status: ['new', 'assigned'] })).toBe(false);
    expect(sameFilters({}, { search: undefined })).toBe(true);
    expect(filterCount({ view: 'my_open', search: 'x', status: ['new'], group: 'none' })).toBe(2);
  });
});

describe('the views of the list', () => {
  const saved = savedViewPreset({
    id: 9,
    name: 'Urgent',
    query: 'priority__in=4,5&ordering=-priority',
    created_at: '2026-11-24T10:00:00Z',
  });

  it('offers work queues to the support team and states to requesters', () => {
    expect(builtinViews('technician').map((v) => v.key)).toEqual(['all', 'my_open', 'unassigned', 'at_risk']);
    expect(builtinViews('user').map((v) => v.key)).toEqual(['all', 'open', 'to_validate']);
  });

  it('finds the tab of the current filters, the ordering of a saved view included', () => {
    const views = [...builtinViews('admin'), saved];
    expect(activeView(views, {}, '-created_at')?.key).toBe('all');
    expect(activeView(views, { view: 'my_open' }, '-priority')?.key).toBe('my_open');
    expect(activeView(views, { priority: [4, 5] }, '-priority')?.key).toBe('saved:9');
    expect(activeView(views, { priority: [4, 5] }, 'title')).toBeNull();
    expect(activeView(views, { status: ['new'] }, undefined)).toBeNull();
  });
});
