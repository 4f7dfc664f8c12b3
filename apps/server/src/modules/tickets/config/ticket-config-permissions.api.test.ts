import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, apiClient, created } from '../../../test/api-client.js';
import type { AuthHeaders } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { configRows, configTestApp, OFFICE_HOURS, targets, uniqueName } from './test-support.js';

// The permission matrix of the help desk configuration: every endpoint × role → status. Everyone
// signed in reads categories and ticket settings; staff read the rest; administrators write.
// Canned responses, from the technician's point of view: `shared` (no owner), `mine` (his own),
// `other` (another technician's personal one). `x` is an existing object; `-` no object.

const ROLES = ['admin', 'technician', 'user'] as const;
type Role = (typeof ROLES)[number];
type Target = '-' | 'x' | 'shared' | 'mine' | 'other';
type Row = [endpoint: string, target: Target, admin: number, technician: number, user: number];

const STAFF_READ = ['calendars', 'slas', 'escalation-levels', 'sla-rules', 'assignment-rules'] as const;
type Kind = 'ticket-categories' | (typeof STAFF_READ)[number] | 'canned-responses';

const crud = (kind: Kind, read: [number, number, number]): Row[] => [
  [`GET /${kind}`, '-', ...read],
  [`GET /${kind}/{id}`, 'x', ...read],
  [`POST /${kind}`, '-', 201, 403, 403],
  [`PATCH /${kind}/{id}`, 'x', 200, 403, 403],
  [`DELETE /${kind}/{id}`, 'x', 204, 403, 403],
];

const MATRIX: Row[] = [
  ...crud('ticket-categories', [200, 200, 200]),
  ['GET /ticket-categories/tree', '-', 200, 200, 200],
  ...STAFF_READ.flatMap((kind) => crud(kind, [200, 200, 403])),
  ['GET /canned-responses', '-', 200, 200, 403],
  ['POST /canned-responses', '-', 201, 201, 403],
  ['POST /canned-responses (shared)', '-', 201, 403, 403],
  ...(['GET', 'PATCH', 'DELETE'] as const).flatMap((method): Row[] => {
    const ok = { GET: 200, PATCH: 200, DELETE: 204 }[method];
    return [
      [`${method} /canned-responses/{id}`, 'shared', ok, method === 'GET' ? 200 : 403, 403],
      [`${method} /canned-responses/{id}`, 'mine', ok, ok, 403],
      [`${method} /canned-responses/{id}`, 'other', ok, 404, 403],
    ];
  }),
  ['GET /ticket-settings', '-', 200, 200, 200],
  ['PATCH /ticket-settings', '-', 200, 403, 403],
];

describe('ticket configuration permission matrix', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let api: ApiClient;
  const headers: Record<Role | 'anonymous', AuthHeaders> = {
    admin: {},
    technician: {},
    user: {},
    anonymous: {},
  };
  const ids: Record<string, number> = {};
  let sequence = 0;

  /** Creation bodies, and the change each PATCH makes (a new value every time, so that it shows). */
  const bodies: Record<string, () => Record<string, unknown>> = {
    'POST /ticket-categories': () => ({ name: uniqueName('Catégorie') }),
    'PATCH /ticket-categories': () => ({ description: `Changée ${++sequence}` }),
    'POST /calendars': () => ({
      name: uniqueName('Calendrier'),
      time_zone: 'Europe/Paris',
      hours: OFFICE_HOURS,
    }),
    'PATCH /calendars': () => ({ holidays: [`2026-12-${String((++sequence % 28) + 1).padStart(2, '0')}`] }),
    'POST /slas': () => ({ name: uniqueName('SLA'), targets: targets() }),
    'PATCH /slas': () => ({ description: `Changé ${++sequence}` }),
    'POST /escalation-levels': () => ({ sla: ids.sla, name: uniqueName('Niveau') }),
    'PATCH /escalation-levels': () => ({ name: uniqueName('Niveau') }),
    'POST /sla-rules': () => ({ sla: ids.sla }),
    'PATCH /sla-rules': () => ({ position: ++sequence }),
    'POST /assignment-rules': () => ({ group: ids.group }),
    'PATCH /assignment-rules': () => ({ position: ++sequence }),
    'POST /canned-responses': () => ({ title: uniqueName('Réponse'), body: 'Texte' }),
    'POST /canned-responses (shared)': () => ({
      title: uniqueName('Réponse'),
      body: 'Texte',
      is_shared: true,
    }),
    'PATCH /canned-responses': () => ({ body: `Changée ${++sequence}` }),
    'PATCH /ticket-settings': () => ({ auto_close_days: (++sequence % 300) + 1 }),
  };

  /** A new object of the kind, owned as the target says (canned responses). */
  async function fresh(kind: Kind, target: Target): Promise<number> {
    if (kind === 'canned-responses') {
      const owner = { shared: null, mine: ids.tech, other: ids.otherTech }[target as 'shared'] ?? null;
      const row = await db
        .insertInto('canned_responses')
        .values({ title: uniqueName('Réponse'), body: 'Texte', owner_id: owner })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    const body = (bodies[`POST /${kind}`] as () => Record<string, unknown>)();
    return (await created<{ id: number }>(api, `/${kind}`, body)).id;
  }

  beforeAll(async () => {
    const setup = await configTestApp();
    ({ t, db, api } = setup);
    const { f, structure } = setup;
    const otherTech = await f.user({ role: 'technician', structure });
    Object.assign(ids, { tech: setup.tech.id, otherTech: otherTech.id });
    ids.group = (await f.group({ structure })).id;
    ids.sla = await fresh('slas', 'x');
    for (const kind of ['ticket-categories', ...STAFF_READ] as const) ids[kind] = await fresh(kind, 'x');
    for (const target of ['shared', 'mine', 'other'] as const)
      ids[target] = await fresh('canned-responses', target);
    headers.admin = await f.login(setup.admin);
    headers.technician = await f.login(setup.tech);
    headers.user = await f.login(setup.user);
  });
  afterAll(() => t?.close());

  it('has a row for every configuration route of the OpenAPI document, and no other', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const mine =
      /^\/api\/v1\/(ticket-categories|calendars|slas|escalation-levels|sla-rules|assignment-rules|canned-responses|ticket-settings)\b/;
    const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => mine.test(path))
      .flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace('/api/v1', '')}`),
      );
    const covered = new Set(MATRIX.map(([endpoint]) => endpoint.replace(/ \(.*\)$/, '')));
    expect(routes.length).toBe(7 * 5 + 1 + 2);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((endpoint) => !routes.includes(endpoint))).toEqual([]);
  });

  it('lists exactly the canned responses each staff role may see', async () => {
    const seen = async (role: Role) => {
      const res = await apiClient(t.app, headers[role])('GET', '/canned-responses?page_size=100');
      const page = res.json() as { count: number; results: Array<{ id: number }> };
      expect(page.count).toBe(page.results.length);
      return page.results.map((r) => r.id).sort((a, b) => a - b);
    };
    expect(await seen('admin')).toEqual([ids.shared, ids.mine, ids.other]);
    expect(await seen('technician')).toEqual([ids.shared, ids.mine]);
  });

  describe('statuses: a refused call changes nothing', () => {
    const cases = MATRIX.flatMap(([endpoint, target, ...statuses]) =>
      [...ROLES, 'anonymous' as const].map(
        (role, i) => [role, endpoint, target, role === 'anonymous' ? 401 : (statuses[i] as number)] as const,
      ),
    );

    it.each(cases)('%s: %s on %s → %i', async (role, endpoint, target, status) => {
      const [method, template] = endpoint.split(' ') as [string, string];
      const kind = template.split('/')[1] as Kind;
      const succeeds = status < 300;
      const onObject = template.includes('{id}');
      const id = onObject
        ? succeeds && method !== 'GET'
          ? await fresh(kind, target)
          : (ids[target === 'x' ? kind : target] as number)
        : null;
      const body =
        method === 'GET' || method === 'DELETE'
          ? undefined
          : bodies[onObject ? `${method} /${kind}` : endpoint]?.();
      const before = await configRows(db);
      const res = await t.app.inject({
        method: method as 'GET',
        url: `/api/v1${template.replace('{id}', String(id))}`,
        headers: headers[role],
        ...(body !== undefined && { payload: body }),
      });
      expect(res.statusCode, res.body).toBe(status);
      if (succeeds && method === 'GET' && onObject) expect(res.json().id).toBe(id);
      const after = await configRows(db);
      if (!succeeds || method === 'GET') expect(after).toEqual(before);
      else expect(after).not.toEqual(before);
    });
  });
});
