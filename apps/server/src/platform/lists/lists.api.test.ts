import { pageOf } from '@itsm/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaTypes } from '../../db/migrations/schema-types.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { baseUrlOf } from '../http/base-url.js';
import { defineList, listQuerySchema, paginate } from './index.js';

// A fixture resource exercising the list helper exactly as a module's route does.
const assets = defineList({
  filters: {
    kind: { type: 'enum', column: 'assets.kind', values: ['laptop', 'printer', 'screen'] },
    price: { type: 'int', column: 'assets.price' },
    bought_at: { type: 'datetime', column: 'assets.bought_at' },
    is_retired: { type: 'boolean', column: 'assets.is_retired' },
    owner: { type: 'int', column: 'assets.owner_id' },
  },
  search: ['assets.name', 'assets.serial'],
  ordering: {
    name: 'assets.name',
    price: 'assets.price',
    bought_at: 'assets.bought_at',
    owner: 'assets.owner_id',
    id: 'assets.id',
  },
  nullable: ['owner'],
  defaultOrdering: 'id',
  tiebreaker: 'assets.id',
});

const Asset = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  price: z.number(),
  is_retired: z.boolean(),
  owner: z.number().nullable(),
});

describe('list endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    // biome-ignore lint/suspicious/noExplicitAny: fixture table outside the application schema
    const db = t.app.database.db as Kysely<any>;
    const types = schemaTypes(db);
    await db.schema
      .createTable('assets')
      .$call(types.withId)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('serial', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('price', 'integer', (c) => c.notNull())
      .addColumn('bought_at', types.timestamp, (c) => c.notNull())
      .addColumn('is_retired', types.boolean, (c) => c.notNull())
      .addColumn('owner_id', types.bigint)
      .addColumn('secret', 'text')
      .execute();
    const kinds = ['laptop', 'printer', 'screen'];
    await db
      .insertInto('assets')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          name: i === 5 ? 'Imprimante 100% couleur' : `Asset ${String(i + 1).padStart(3, '0')}`,
          serial: `SN_${i}`,
          kind: kinds[i % 3],
          price: 100 + i * 10,
          bought_at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
          is_retired: i % 10 === 0,
          owner_id: i % 4 === 0 ? null : i % 4,
          secret: 'never listed',
        })),
      )
      .execute();

    t.app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/assets',
      {
        config: { public: true },
        schema: { querystring: listQuerySchema(assets), response: { 200: pageOf(Asset) } },
      },
      async (request) => {
        // the permission scope: this fixture hides owner 3's assets from everyone
        const scoped = db
          .selectFrom('assets')
          .select(['id', 'name', 'kind', 'price', 'is_retired', 'owner_id as owner'])
          .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '<>', 3)]));
        return paginate(scoped, assets, request.query, t.app.dialect, {
          baseUrl: baseUrlOf(request, t.app.config.publicUrl),
          requestUrl: request.url,
        });
      },
    );
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'itsm.test:8000' } });

  it('pages through the scoped rows with absolute links', async () => {
    const first = await get('/api/v1/assets?kind=laptop');
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.count).toBe(30); // 40 laptops, of which 10 belong to owner 3 and are out of scope
    expect(body.results).toHaveLength(30);
    expect(body.next).toBeNull();
    expect(body.previous).toBeNull();

    const page2 = (await get('/api/v1/assets?page_size=25&page=2&ordering=-price')).json();
    expect(page2.count).toBe(90);
    expect(page2.next).toBe('http://itsm.test:8000/api/v1/assets?page_size=25&page=3&ordering=-price');
    expect(page2.previous).toBe('http://itsm.test:8000/api/v1/assets?page_size=25&ordering=-price');
    expect(page2.results.map((a: { price: number }) => a.price)).toEqual(
      [...page2.results.map((a: { price: number }) => a.price)].sort((a, b) => b - a),
    );
    expect(page2.results[0]).not.toHaveProperty('secret');
  });

  it('sorts NULL as the smallest value on both databases', async () => {
    const owners = async (ordering: string) =>
      (await get(`/api/v1/assets?ordering=${ordering}&page_size=200`))
        .json()
        .results.map((a: { owner: number | null }) => a.owner);
    const ascending = await owners('owner');
    expect(ascending[0]).toBeNull();
    expect(ascending.at(-1)).not.toBeNull();
    const descending = await owners('-owner');
    expect(descending[0]).not.toBeNull();
    expect(descending.at(-1)).toBeNull();
  });

  it('walks every page exactly once in a stable order', async () => {
    const seen: number[] = [];
    let url: string | null = '/api/v1/assets?page_size=7&ordering=kind'.replace('kind', 'name');
    while (url) {
      const body: { results: { id: number }[]; next: string | null } = (await get(url)).json();
      seen.push(...body.results.map((r) => r.id));
      url = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
    }
    expect(seen).toHaveLength(90);
    expect(new Set(seen).size).toBe(90);
  });

  it('combines typed filters, search and ordering', async () => {
    const body = (
      await get(
        '/api/v1/assets?price__gte=300&price__lte=600&is_retired=false&owner__in=1,2&bought_at__lte=2026-02-10&ordering=-bought_at',
      )
    ).json();
    expect(body.results.length).toBeGreaterThan(0);
    for (const a of body.results) {
      expect(a.price).toBeGreaterThanOrEqual(300);
      expect(a.price).toBeLessThanOrEqual(600);
      expect(a.is_retired).toBe(false);
      expect([1, 2]).toContain(a.owner);
    }
    // newest first: 2026-02-10 (i = 40) has no owner and 2026-02-09 (i = 39) is owner 3's, out of scope
    expect(body.results[0].price).toBe(480);

    const nullOwners = (await get('/api/v1/assets?owner__isnull=true&page_size=200')).json();
    expect(nullOwners.count).toBe(30);

    const search = (await get('/api/v1/assets?search=100%25%20COULEUR')).json();
    expect(search.results.map((a: { name: string }) => a.name)).toEqual(['Imprimante 100% couleur']);
    const bySerial = (await get('/api/v1/assets?search=sn_13')).json();
    expect(bySerial.results.map((a: { id: number }) => a.id)).toEqual([14]);
    // owner 3's printer exists but is out of scope: not found, not counted
    expect((await get('/api/v1/assets?search=SN_119')).json()).toMatchObject({ count: 0, results: [] });
  });

  it('returns an empty page past the end', async () => {
    const body = (await get('/api/v1/assets?page=99')).json();
    expect(body).toEqual({
      count: 90,
      next: null,
      previous: 'http://itsm.test:8000/api/v1/assets?page=2',
      results: [],
    });
  });

  it.each([
    ['page=abc', 'page', 'must be a positive integer'],
    ['page_size=1000', 'page_size', 'must be at most 200'],
    ['ordering=secret', 'ordering', 'cannot order by "secret"'],
    ['ordering=password', 'ordering', 'cannot order by "password"'],
    ['price__gt=3', 'price__gt', 'operator "gt" is not supported for "price"'],
    ['secret=x', 'secret', 'unknown query parameter'],
    ['kind=tablet', 'kind', 'must be one of: laptop, printer, screen'],
    ['bought_at__gte=last-week', 'bought_at__gte', 'ISO 8601'],
    ['is_retired=maybe', 'is_retired', 'must be true or false'],
  ])('?%s → 400 naming %s', async (query, field, message) => {
    const res = await get(`/api/v1/assets?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual([expect.objectContaining({ location: 'query', field })]);
    expect(body.errors[0].message).toContain(message);
  });

  it('documents each filter parameter in OpenAPI', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const names = document.paths['/api/v1/assets'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'page',
        'page_size',
        'ordering',
        'search',
        'kind',
        'kind__in',
        'price__gte',
        'owner__isnull',
      ]),
    );
  });
});
