import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paginate } from '../../platform/lists/index.js';
import { expectProblem } from '../../test/api-client.js';
import { type HelpDesk, helpDesk } from './test-desk.js';
import { ticketList } from './ticket-list.js';

describe('ticket lists: filters, views, search, export, bulk, saved views', () => {
  let d: HelpDesk;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    d = await helpDesk();
    const open = async (title: string, body: object = {}) =>
      (await d.as.requester('POST', '/tickets', { title, category: d.category, ...body })).json()
        .id as number;
    ids.printer = await open('Imprimante', { urgency: 5, impact: 5 });
    ids.screen = await open('Écran', { type: 'request', description: 'Second écran 27 pouces' });
    ids.plain = (await d.as.requester('POST', '/tickets', { title: 'Sans catégorie' })).json().id;
    await d.as.tech('POST', `/tickets/${ids.screen}/transitions`, { action: 'resolve', solution: 'Livré' });
  });
  afterAll(() => d.t.close());

  const list = async (query: string, api = d.as.tech) => {
    const res = await api('GET', `/tickets?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const idsOf = (page: { results: { id: number }[] }) => page.results.map((t) => t.id).sort();

  it('filters by status, priority, type, category, group and assignee emptiness', async () => {
    expect(idsOf(await list('status=resolved'))).toEqual([ids.screen]);
    expect(idsOf(await list('status__in=new,assigned'))).toEqual([ids.printer, ids.plain].sort());
    expect(idsOf(await list('priority__gte=5'))).toEqual([ids.printer]);
    expect(idsOf(await list('type=request'))).toEqual([ids.screen]);
    expect(idsOf(await list('category__isnull=true'))).toEqual([ids.plain]);
    expect(idsOf(await list(`group=${d.group}&assignee__isnull=false`))).toEqual(
      [ids.printer, ids.screen].sort(),
    );
    expect(idsOf(await list('assignee__isnull=true'))).toEqual([ids.plain]);
  });

  it('searches title and description, and finds a ticket by its number', async () => {
    expect(idsOf(await list('search=27 pouces'))).toEqual([ids.screen]);
    expect(idsOf(await list(`search=T-${String(ids.printer).padStart(6, '0')}`))).toEqual([ids.printer]);
    expect(idsOf(await list(`search=%23${ids.plain}`))).toEqual([ids.plain]);
  });

  it('orders as asked with a stable tiebreaker, and pages with absolute links', async () => {
    const byPriority = await list('ordering=-priority');
    expect(byPriority.results[0].id).toBe(ids.printer);
    const page = await list('page_size=1&ordering=id');
    expect(page).toMatchObject({ count: 3, previous: null });
    expect(page.next).toMatch(/^http:\/\/.+\/api\/v1\/tickets\?page_size=1&ordering=id&page=2$/);
    expect(page.count_is_estimate).toBeUndefined();
  });

  it('refuses unknown parameters, operators, values and orderings naming the parameter', async () => {
    expectProblem(await d.as.tech('GET', '/tickets?statut=new'), 400, 'VALIDATION_FAILED', ['statut']);
    expectProblem(await d.as.tech('GET', '/tickets?status=open'), 400, 'VALIDATION_FAILED', ['status']);
    expectProblem(await d.as.tech('GET', '/tickets?title__gte=a'), 400, 'VALIDATION_FAILED', ['title__gte']);
    expectProblem(await d.as.tech('GET', '/tickets?ordering=description'), 400, 'VALIDATION_FAILED', [
      'ordering',
    ]);
    expectProblem(await d.as.tech('GET', '/tickets?created_at__gte=yesterday'), 400, 'VALIDATION_FAILED', [
      'created_at__gte',
    ]);
    expectProblem(await d.as.tech('GET', '/tickets?view=everything'), 400, 'VALIDATION_FAILED', ['view']);
  });

  it('built-in views: mine, my open tickets, unassigned in my groups', async () => {
    expect((await list('view=mine', d.as.requester)).count).toBe(3);
    expect((await list('view=mine')).count).toBe(0);
    const printer = (await d.as.tech('GET', `/tickets/${ids.printer}`)).json();
    const holder = printer.assignee === d.users.tech.id ? d.as.tech : d.as.tech2;
    expect(idsOf(await list('view=my_open', holder))).toContain(ids.printer);
    await d.as.admin('PATCH', `/tickets/${ids.plain}`, { group: d.group });
    expect(idsOf(await list('view=unassigned_in_my_groups'))).toEqual([ids.plain]);
  });

  it('bounds the count on large lists and flags it, still giving the next page', async () => {
    const params = { page: 1, pageSize: 1, search: null, ordering: [], filters: [] };
    const links = { baseUrl: 'http://x.test', requestUrl: '/api/v1/tickets' };
    const page = await paginate(
      d.db.selectFrom('tickets').select('id'),
      ticketList,
      params,
      d.t.app.dialect,
      links,
      {
        countLimit: 2,
        executor: d.db,
      },
    );
    expect(page).toMatchObject({ count: 2, count_is_estimate: true });
    expect(page.next).toBe('http://x.test/api/v1/tickets?page=2');
    const last = await paginate(
      d.db.selectFrom('tickets').select('id'),
      ticketList,
      { ...params, page: 3 },
      d.t.app.dialect,
      links,
      {
        countLimit: 2,
        executor: d.db,
      },
    );
    expect(last.results).toHaveLength(1);
    expect(last.next).toBeNull();
  });

  it('exports the filtered list as CSV, formulas neutralised', async () => {
    await d.as.admin('PATCH', `/tickets/${ids.plain}`, { title: '=HYPERLINK("http://evil")' });
    const res = await d.t.app.inject({
      method: 'GET',
      url: '/api/v1/tickets/export.csv?ordering=id',
      headers: d.tokens.admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^number,title,type,status,priority/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const scoped = await d.t.app.inject({
      method: 'GET',
      url: '/api/v1/tickets/export.csv',
      headers: d.tokens.outsider,
    });
    expect(
      scoped.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it('bulk changes apply ticket by ticket and report each failure', async () => {
    const res = await d.as.tech('POST', '/tickets/bulk', {
      ids: [ids.printer, ids.screen, 999_999],
      action: 'start',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      done: [ids.printer],
      failed: [
        { id: ids.screen, code: 'TRANSITION_NOT_ALLOWED', detail: expect.any(String) },
        { id: 999_999, code: 'TICKET_NOT_FOUND', detail: expect.any(String) },
      ],
    });
    const reassigned = await d.as.tech('POST', '/tickets/bulk', {
      ids: [ids.printer],
      assignee: d.users.tech2.id,
    });
    expect(reassigned.json().done).toEqual([ids.printer]);
    expect((await d.as.tech('GET', `/tickets/${ids.printer}`)).json().assignee).toBe(d.users.tech2.id);
    expectProblem(
      await d.as.tech('POST', '/tickets/bulk', { ids: [ids.printer] }),
      400,
      'VALIDATION_FAILED',
      ['action'],
    );
  });

  it('saved views belong to their owner', async () => {
    const view = await d.as.tech('POST', '/ticket-views', {
      name: 'Urgent',
      query: '?priority__gte=4&page=3',
    });
    expect(view.statusCode).toBe(201);
    expect(view.json()).toMatchObject({ name: 'Urgent', query: 'priority__gte=4' });
    expectProblem(
      await d.as.tech('POST', '/ticket-views', { name: 'Urgent', query: 'x=1' }),
      409,
      'NAME_TAKEN',
      ['name'],
    );
    expect((await d.as.tech2('GET', '/ticket-views')).json()).toEqual([]);
    expectProblem(await d.as.tech2('DELETE', `/ticket-views/${view.json().id}`), 404, 'VIEW_NOT_FOUND');
    expect((await d.as.tech('DELETE', `/ticket-views/${view.json().id}`)).statusCode).toBe(204);
  });
});
