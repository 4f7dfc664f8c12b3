import { describe, expect, it } from 'vitest';
import { defineList } from './list-definition.js';
import { listQuerySchema } from './list-query.js';
import { pageUrl } from './paginate.js';

const tickets = defineList({
  filters: {
    status: { type: 'enum', column: 't.status', values: ['new', 'assigned', 'closed'] },
    priority: { type: 'int', column: 't.priority' },
    created_at: { type: 'datetime', column: 't.created_at' },
    is_urgent: { type: 'boolean', column: 't.is_urgent' },
    assignee: { type: 'int', column: 't.assignee_id' },
  },
  search: ['t.title'],
  ordering: { created_at: 't.created_at', priority: 't.priority', id: 't.id' },
  defaultOrdering: '-created_at',
  tiebreaker: 't.id',
});
const schema = listQuerySchema(tickets);

function issuesOf(query: Record<string, unknown>) {
  const result = schema.safeParse(query);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

describe('listQuerySchema', () => {
  it('defaults to the first page of 50 in the default order', () => {
    expect(schema.parse({})).toEqual({
      page: 1,
      pageSize: 50,
      search: null,
      ordering: [{ column: 't.created_at', direction: 'desc' }],
      filters: [],
    });
  });

  it('turns typed operators into filters on the declared columns', () => {
    const params = schema.parse({
      status__in: 'new,assigned',
      priority__gte: '3',
      created_at__lte: '2026-11-30',
      created_at__gte: '2026-11-01T08:00:00+01:00',
      is_urgent: 'true',
      assignee__isnull: 'true',
      ordering: 'priority,-id',
      page: '2',
      page_size: '200',
      search: '  printer ',
    });
    expect(params.filters).toEqual([
      { column: 't.status', op: 'in', value: ['new', 'assigned'] },
      { column: 't.priority', op: 'gte', value: 3 },
      { column: 't.created_at', op: 'gte', value: '2026-11-01T07:00:00.000Z' },
      // a bare date as an upper bound includes that whole day
      { column: 't.created_at', op: 'lte', value: '2026-11-30T23:59:59.999Z' },
      { column: 't.is_urgent', op: 'eq', value: true },
      { column: 't.assignee_id', op: 'isnull', value: true },
    ]);
    expect(params.ordering).toEqual([
      { column: 't.priority', direction: 'asc' },
      { column: 't.id', direction: 'desc' },
    ]);
    expect(params).toMatchObject({ page: 2, pageSize: 200, search: 'printer' });
  });

  it('names each bad parameter and says why', () => {
    expect(issuesOf({ page: 'abc' })).toEqual([{ field: 'page', message: 'must be a positive integer' }]);
    expect(issuesOf({ page_size: '500' })).toEqual([{ field: 'page_size', message: 'must be at most 200' }]);
    expect(issuesOf({ ordering: 'password' })[0]).toEqual({
      field: 'ordering',
      message: 'cannot order by "password"; allowed: created_at, priority, id (prefix with - for descending)',
    });
    expect(issuesOf({ status: 'lost' })[0]?.field).toBe('status');
    expect(issuesOf({ priority__gte: '1e3' })[0]).toEqual({
      field: 'priority__gte',
      message: 'must be an integer',
    });
    expect(issuesOf({ created_at__gte: 'yesterday' })[0]?.message).toMatch(/ISO 8601/);
  });

  it('refuses unknown parameters and unsupported operators instead of ignoring them', () => {
    expect(issuesOf({ stauts: 'new' })[0]).toEqual({
      field: 'stauts',
      message: 'unknown query parameter; filters: status, priority, created_at, is_urgent, assignee',
    });
    expect(issuesOf({ priority__gt: '3' })[0]).toEqual({
      field: 'priority__gt',
      message:
        'operator "gt" is not supported for "priority"; use: priority, priority__gte, priority__lte, priority__in, priority__isnull',
    });
  });

  it('reports several problems in one answer', () => {
    expect(issuesOf({ page: '0', ordering: 'secret', foo: '1' }).map((i) => i.field)).toEqual([
      'page',
      'foo',
      'ordering',
    ]);
  });
});

describe('pageUrl', () => {
  it('keeps every parameter and changes only the page, as an absolute URL', () => {
    expect(pageUrl('https://itsm.example.com', '/api/v1/tickets?status=new&page=2', 3)).toBe(
      'https://itsm.example.com/api/v1/tickets?status=new&page=3',
    );
    expect(pageUrl('https://itsm.example.com', '/api/v1/tickets?page=2&status=new', 1)).toBe(
      'https://itsm.example.com/api/v1/tickets?status=new',
    );
  });
});
