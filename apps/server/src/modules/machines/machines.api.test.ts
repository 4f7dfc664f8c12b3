import type { InventoryDocument } from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import {
  type ApiClient,
  adminOf,
  apiClient,
  apiTestApp,
  auditOf,
  created,
  expectProblem,
} from '../../test/api-client.js';
import type { Factories, TestUser } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';
import { type Hardware, inventoryDocument, packages } from './test-inventory.js';

type Software = { name: string; version: string; publisher?: string };

/** Enrols a machine as its agent would, with this hardware, operating system and software. */
async function enrolled(
  app: FastifyInstance,
  key: string,
  hw: Hardware,
  extra: { os?: string; software?: Software[] } = {},
): Promise<{ machine: number; token: string }> {
  const inventory = withExtras(inventoryDocument(hw, 0), extra);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/agent/enroll',
    payload: { key, agent_version: '0.1.0', inventory },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function withExtras(doc: InventoryDocument, extra: { os?: string; software?: Software[] }) {
  if (extra.os && doc.content.operatingsystem) doc.content.operatingsystem.full_name = extra.os;
  doc.content.softwares = extra.software ?? [];
  return doc;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('machines API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let admin: TestUser;
  let tech: TestUser;
  let helene: TestUser;
  let paul: TestUser;
  const as = {} as Record<'tech' | 'helene' | 'paul', ApiClient>;
  let key: string;
  const s = { lyon: 0, parc: 0, atelier: 0 };
  const site = { a: 0, b: 0 };
  // The fleet the list filters run on, all in structure `parc`; other tests use machines of their own.
  const m = { compta: 0, rh: 0, srv: 0, stock: 0 };

  /** The hostnames of the fleet (structure parc) a list query returns, as the administrator sees them. */
  const hostnames = async (query: string) => {
    const res = await api('GET', `/machines?structure=${s.parc}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.count).toBe(page.results.length);
    return page.results.map((r: { hostname: string }) => r.hostname);
  };
  const newMachine = (body: Record<string, unknown>) =>
    created<{ id: number; hostname: string }>(api, '/machines', { structure: s.lyon, ...body });

  beforeAll(async () => {
    ({ t, db, f } = await apiTestApp());
    s.lyon = (await f.structure({ name: 'Usine de Lyon' })).id;
    s.parc = (await f.structure({ name: 'Parc bureautique', parent: s.lyon })).id;
    s.atelier = (await f.structure({ name: 'Atelier', parent: s.lyon })).id;
    site.a = (await f.site({ structure: s.lyon, name: 'Bâtiment A' })).id;
    site.b = (await f.site({ structure: s.lyon, name: 'Bâtiment B' })).id;
    ({ api, admin } = await adminOf(t.app, s.lyon));
    tech = await f.user({ role: 'technician', structure: s.lyon, firstName: 'Marc', lastName: 'Lefèvre' });
    helene = await f.user({ structure: s.lyon, firstName: 'Hélène', lastName: 'Dubois' });
    paul = await f.user({ structure: s.lyon, firstName: 'Paul', lastName: 'Martin' });
    as.tech = apiClient(t.app, await f.token(tech));
    as.helene = apiClient(t.app, await f.token(helene));
    as.paul = apiClient(t.app, await f.token(paul));
    ({ key } = await created<{ key: string }>(api, '/enrollment-keys', { name: 'Parc', structure: s.parc }));

    m.compta = (
      await enrolled(
        t.app,
        key,
        { name: 'pc-compta-01', uuid: 'uuid-compta', serial: 'SER-COMPTA-1', mac: '00:11:22:00:00:01' },
        {
          software: [...packages(25), { name: 'Mozilla Firefox', version: '128.0', publisher: 'Mozilla' }],
        },
      )
    ).machine;
    m.rh = (
      await enrolled(
        t.app,
        key,
        { name: 'pc-rh-02', uuid: 'uuid-rh', serial: 'SER-RH-2', mac: '00:11:22:00:00:02' },
        {
          os: 'Microsoft Windows 11 Pro',
          software: [
            { name: 'Firefox ESR', version: '115.0', publisher: 'Mozilla' },
            { name: 'LibreOffice', version: '7.6', publisher: 'The Document Foundation' },
          ],
        },
      )
    ).machine;
    m.srv = (
      await enrolled(
        t.app,
        key,
        { name: 'srv-fichiers', uuid: 'uuid-srv', serial: 'SER-SRV-3', mac: '00:11:22:00:00:03' },
        { software: packages(3) },
      )
    ).machine;
    m.stock = (
      await newMachine({ hostname: 'portable-stock-04', structure: s.parc, serial: 'SER-STOCK-4' })
    ).id;
    // Place the fleet in time and space: seen an hour, 10 days, 40 days ago, never (no agent).
    const place = (
      id: number,
      values: { site_id: number | null; main_user_id: number | null; last_seen_at: string | null },
    ) => db.updateTable('machines').set(values).where('id', '=', id).execute();
    await place(m.compta, { site_id: site.a, main_user_id: helene.id, last_seen_at: daysAgo(1 / 24) });
    await place(m.rh, { site_id: site.b, main_user_id: helene.id, last_seen_at: daysAgo(10) });
    await place(m.srv, { site_id: site.a, main_user_id: null, last_seen_at: daysAgo(40) });
    await place(m.stock, { site_id: null, main_user_id: paul.id, last_seen_at: null });
  });
  afterAll(() => t?.close());

  describe('list', () => {
    const [compta, rh, srv, stock] = ['pc-compta-01', 'pc-rh-02', 'srv-fichiers', 'portable-stock-04'];

    it.each([
      ['', [compta, rh, srv, stock]],
      ['status=in_stock', [stock]],
      ['status__in=active,retired', [compta, rh, srv]],
      [`os_name=${encodeURIComponent('Microsoft Windows 11 Pro')}`, [rh]],
      ['os_name__isnull=true', [stock]],
      ['site={a}', [compta, srv]],
      ['site__in={a},{b}', [compta, rh, srv]],
      ['site__isnull=true', [stock]],
      ['main_user={helene}', [compta, rh]],
      ['main_user__isnull=true', [srv]],
      ['search=srv-fich', [srv]],
      ['search=ser-rh', [rh]],
      ['search=PC-', [compta, rh]],
      ['software=firefox', [compta, rh]],
      ['software=FIREFOX', [compta, rh]],
      ['software=firefox&software_version=115.0', [rh]],
      ['software=firefox&software_version=115', []],
      ['software=libreoffice', [rh]],
      ['software=pkg-0024', [compta]],
      ['software=pkg%25', []],
      // Agents gone quiet; the machine registered by hand has no agent to hear from.
      ['not_seen_days=1', [rh, srv]],
      ['not_seen_days=30', [srv]],
      ['not_seen_days=365', []],
      ['has_agent=true', [compta, rh, srv]],
      ['has_agent=false', [stock]],
      ['main_user={helene}&not_seen_days=7', [rh]],
      ['last_seen_at__lte={5 days ago}', [rh, srv]],
      ['last_seen_at__gte={5 days ago}', [compta]],
      ['last_seen_at__isnull=true', [stock]],
    ])('?%s → exactly %j', async (query, expected) => {
      const url = query
        .replaceAll('{a}', String(site.a))
        .replaceAll('{b}', String(site.b))
        .replaceAll('{helene}', String(helene.id))
        .replaceAll('{5 days ago}', daysAgo(5));
      expect((await hostnames(url)).sort()).toEqual([...expected].sort());
    });

    it('orders by last contact, never-seen machines first ascending and last descending', async () => {
      expect(await hostnames('ordering=last_seen_at')).toEqual([stock, srv, rh, compta]);
      expect(await hostnames('ordering=-last_seen_at')).toEqual([compta, rh, srv, stock]);
      const page2 = (
        await api('GET', `/machines?structure=${s.parc}&ordering=-last_seen_at&page_size=3&page=2`)
      ).json();
      expect([page2.count, page2.results.map((r: { hostname: string }) => r.hostname)]).toEqual([4, [stock]]);
    });

    it.each([
      ['status=broken', 'status'],
      // A bad item of a list is named with its position.
      ['status__in=active,broken', 'status__in.1'],
      ['site=abc', 'site'],
      ['not_seen_days=abc', 'not_seen_days'],
      ['not_seen_days=0', 'not_seen_days'],
      ['not_seen_days=99999', 'not_seen_days'],
      ['has_agent=yes', 'has_agent'],
      ['last_seen_at__lte=yesterday', 'last_seen_at__lte'],
      ['last_seen_at=2026-01-01', 'last_seen_at'],
      ['software=', 'software'],
      ['software_version=115.0', 'software_version'],
      ['ordering=serial', 'ordering'],
      ['hostname=pc-rh-02', 'hostname'],
      ['page_size=500', 'page_size'],
    ])('?%s → 400 naming %s', async (query, field) => {
      const problem = expectProblem(await api('GET', `/machines?${query}`), 400, 'VALIDATION_FAILED', [
        field,
      ]);
      expect(problem.errors?.[0]).toMatchObject({ location: 'query' });
    });
  });

  describe('detail', () => {
    it('shows the inventory: system, interfaces, software and open tickets counted', async () => {
      const detail = (await api('GET', `/machines/${m.compta}`)).json();
      expect(detail).toMatchObject({
        hostname: 'pc-compta-01',
        serial: 'SER-COMPTA-1',
        system_uuid: 'uuid-compta',
        manufacturer: 'Dell Inc.',
        os_name: 'Debian GNU/Linux 12 (bookworm)',
        structure: s.parc,
        structure_name: 'Parc bureautique',
        site_name: 'Bâtiment A',
        main_user: helene.id,
        main_user_name: 'Hélène Dubois',
        has_agent: true,
        software_count: 26,
        open_ticket_count: 0,
        can_edit: true,
      });
      expect(detail.enrolled_at).not.toBeNull();
      expect(detail.system).toMatchObject({
        memory_mb: 8192,
        cpu_model: 'Intel(R) Core(TM) i5-10500',
        cpu_cores: 6,
        os_kernel: '6.1.0-26-amd64',
        last_user: 'hdubois',
      });
      expect(detail.system.volumes).toHaveLength(1);
      expect(detail.interfaces).toEqual([
        expect.objectContaining({ name: 'eno1', mac: '00:11:22:00:00:01', ipv4: ['192.168.1.20'] }),
      ]);
      // A machine registered by hand has no inventory yet.
      expect((await api('GET', `/machines/${m.stock}`)).json()).toMatchObject({
        has_agent: false,
        system: null,
        interfaces: [],
        software_count: 0,
        last_seen_at: null,
      });
    });

    it('can_edit: true for staff in scope, false for the main user; others do not see it', async () => {
      expect((await as.tech('GET', `/machines/${m.compta}`)).json().can_edit).toBe(true);
      expect((await as.helene('GET', `/machines/${m.compta}`)).json().can_edit).toBe(false);
      expectProblem(await as.paul('GET', `/machines/${m.compta}`), 404, 'MACHINE_NOT_FOUND');
    });

    it('lists its software with search and pages', async () => {
      const soft = async (query: string) => {
        const res = await api('GET', `/machines/${m.compta}/software?${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      };
      const first = await soft('page_size=10');
      expect([first.count, first.results.length, first.previous]).toEqual([26, 10, null]);
      expect(first.next).toContain('page=2');
      expect(first.results[0]).toMatchObject({
        name: 'Mozilla Firefox',
        version: '128.0',
        publisher: 'Mozilla',
      });
      const last = await soft('page_size=10&page=3');
      expect([last.results.length, last.next]).toEqual([6, null]);
      expect(last.results.at(-1).name).toBe('pkg-0024');
      const names = (page: { results: Array<{ name: string }> }) => page.results.map((r) => r.name);
      expect(names(await soft('search=FIREFOX'))).toEqual(['Mozilla Firefox']);
      expect((await soft('search=debian')).count).toBe(25);
      expect(names(await soft('ordering=-name&page_size=2'))).toEqual(['pkg-0024', 'pkg-0023']);
      expectProblem(
        await api('GET', `/machines/${m.compta}/software?version=1.0`),
        400,
        'VALIDATION_FAILED',
        ['version'],
      );
      // Its main user reads it too; another user does not.
      expect((await as.helene('GET', `/machines/${m.compta}/software`)).json().count).toBe(26);
      expectProblem(await as.paul('GET', `/machines/${m.compta}/software`), 404, 'MACHINE_NOT_FOUND');
    });
  });

  describe('create', () => {
    it('validates the fields and the references, naming them, and creates nothing', async () => {
      const count = async () =>
        Number(
          (await db.selectFrom('machines').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
        );
      const before = await count();
      const post = (body: unknown) => api('POST', '/machines', body);
      expectProblem(await post({ structure: s.lyon }), 400, 'VALIDATION_FAILED', ['hostname']);
      expectProblem(await post({ hostname: '   ', structure: s.lyon }), 400, 'VALIDATION_FAILED', [
        'hostname',
      ]);
      expectProblem(await post({ hostname: 'pc-x' }), 400, 'VALIDATION_FAILED', ['structure']);
      expectProblem(
        await post({ hostname: 'pc-x', structure: 999_999, site: 999_998 }),
        400,
        'VALIDATION_FAILED',
        ['structure', 'site'],
      );
      expectProblem(
        await post({ hostname: 'pc-x', structure: s.lyon, main_user: 999_999 }),
        400,
        'VALIDATION_FAILED',
        ['main_user'],
      );
      expectProblem(
        await post({ hostname: 'pc-x', structure: s.lyon, status: 'stolen' }),
        400,
        'VALIDATION_FAILED',
        ['status'],
      );
      expect(await count()).toBe(before);
    });

    it('registers a machine by hand: in stock by default, its creation in history and audit', async () => {
      const res = await as.tech('POST', '/machines', {
        hostname: ' portable-neuf-07 ',
        serial: 'SER-NEUF-7',
        structure: s.atelier,
        site: site.b,
        main_user: paul.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const machine = res.json();
      expect(machine).toMatchObject({
        hostname: 'portable-neuf-07',
        status: 'in_stock',
        structure: s.atelier,
        site_name: 'Bâtiment B',
        main_user_name: 'Paul Martin',
        has_agent: false,
        can_edit: true,
      });
      const history = (await api('GET', `/machines/${machine.id}/history`)).json().results;
      expect(history).toEqual([
        expect.objectContaining({ field: 'machine', action: 'added', source: 'user', actor: tech.id }),
      ]);
      expect(await auditOf(api, 'machine', machine.id)).toEqual([
        expect.objectContaining({
          action: 'machine.created',
          actor: tech.id,
          target_label: 'portable-neuf-07',
        }),
      ]);
    });
  });

  describe('update', () => {
    it('records readable history lines from the user, and an audit entry; a no-op PATCH records nothing', async () => {
      const { id } = await newMachine({
        hostname: 'pc-accueil-05',
        status: 'active',
        site: site.a,
        main_user: helene.id,
      });
      const patch = {
        status: 'retired',
        structure: s.atelier,
        site: site.b,
        main_user: paul.id,
        notes: 'Écran fissuré',
      };
      const res = await as.tech('PATCH', `/machines/${id}`, patch);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ...patch, site_name: 'Bâtiment B', main_user_name: 'Paul Martin' });

      const userLines = async () => (await api('GET', `/machines/${id}/history?source=user`)).json().results;
      const lines = await userLines();
      const changed = lines.filter((l: { action: string }) => l.action === 'changed');
      expect(
        Object.fromEntries(
          changed.map((l: Record<string, unknown>) => [l.field, [l.old_value, l.new_value]]),
        ),
      ).toEqual({
        status: ['active', 'retired'],
        structure: ['Usine de Lyon', 'Atelier'],
        site: ['Bâtiment A', 'Bâtiment B'],
        main_user: [`Hélène Dubois (${helene.username})`, `Paul Martin (${paul.username})`],
        notes: [null, null],
      });
      for (const line of changed)
        expect(line).toMatchObject({ source: 'user', actor: tech.id, actor_name: 'Marc Lefèvre' });

      const audit = await auditOf(api, 'machine', id);
      expect(audit.map((e) => e.action)).toEqual(['machine.created', 'machine.updated']);
      expect(audit[1]).toMatchObject({
        actor: tech.id,
        target_label: 'pc-accueil-05',
        changes: {
          status: { before: 'active', after: 'retired' },
          structure: { before: s.lyon, after: s.atelier },
          main_user: { before: helene.id, after: paul.id },
        },
      });

      // The same values again, or nothing at all: no history, no audit.
      expect((await as.tech('PATCH', `/machines/${id}`, patch)).statusCode).toBe(200);
      expect((await as.tech('PATCH', `/machines/${id}`, {})).statusCode).toBe(200);
      expect(await userLines()).toHaveLength(lines.length);
      expect(await auditOf(api, 'machine', id)).toHaveLength(2);

      // Clearing a value reads as its old name going to nothing.
      await as.tech('PATCH', `/machines/${id}`, { site: null });
      expect((await userLines())[0]).toMatchObject({
        field: 'site',
        old_value: 'Bâtiment B',
        new_value: null,
      });
    });

    it('refuses bad values naming the field, and fields the agent owns', async () => {
      const { id } = await newMachine({ hostname: 'pc-refus-06' });
      const patch = (body: unknown) => api('PATCH', `/machines/${id}`, body);
      expectProblem(await patch({ status: 'stolen' }), 400, 'VALIDATION_FAILED', ['status']);
      expectProblem(await patch({ site: 999_999 }), 400, 'VALIDATION_FAILED', ['site']);
      expectProblem(await patch({ structure: 999_999 }), 400, 'VALIDATION_FAILED', ['structure']);
      expectProblem(await patch({ main_user: 999_999 }), 400, 'VALIDATION_FAILED', ['main_user']);
      const departed = await f.user({ structure: s.lyon, isActive: false });
      expectProblem(await patch({ main_user: departed.id }), 400, 'VALIDATION_FAILED', ['main_user']);
      // An instruction needs an agent to carry it out.
      expectProblem(
        await api('POST', `/machines/${id}/instructions`, { kind: 'inventory' }),
        409,
        'MACHINE_HAS_NO_AGENT',
      );
      expectProblem(await patch({ hostname: 'renamed' }), 400, 'VALIDATION_FAILED');
      expectProblem(await api('PATCH', '/machines/999999', { notes: 'x' }), 404, 'MACHINE_NOT_FOUND');
      expect((await api('GET', `/machines/${id}`)).json().hostname).toBe('pc-refus-06');
    });
  });

  describe('history', () => {
    it('is newest first, from the agent and from people, and filters by source', async () => {
      const hw = { name: 'pc-histo-08', uuid: 'uuid-histo', serial: 'SER-HISTO-8', mac: '00:11:22:00:00:08' };
      const { machine, token } = await enrolled(t.app, key, hw, { software: packages(2) });
      const doc = withExtras(inventoryDocument({ ...hw, memory: 16_384 }, 0), {
        software: [...packages(2, '2.0'), { name: 'htop', version: '3.2' }],
      });
      const sent = await t.app.inject({
        method: 'POST',
        url: '/api/v1/agent/inventory',
        headers: { authorization: `Agent ${token}` },
        payload: doc,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      expect((await as.tech('PATCH', `/machines/${machine}`, { notes: 'Mémoire ajoutée' })).statusCode).toBe(
        200,
      );

      const history = (await api('GET', `/machines/${machine}/history`)).json().results as Array<{
        id: number;
        field: string;
        source: string;
        created_at: string;
      }>;
      expect(history[0]).toMatchObject({ field: 'notes', source: 'user', actor: tech.id });
      expect(history.at(-1)).toMatchObject({ field: 'agent', action: 'added', source: 'agent' });
      const times = history.map((h) => Date.parse(h.created_at));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const fromAgent = (await api('GET', `/machines/${machine}/history?source=agent`)).json();
      expect(fromAgent.count).toBe(history.length - 1);
      expect(fromAgent.results.every((h: { source: string }) => h.source === 'agent')).toBe(true);
      expect(
        fromAgent.results
          .filter((h: { field: string }) => h.field === 'software')
          .map((h: Record<string, unknown>) => [h.action, h.item, h.old_value, h.new_value])
          .sort(),
      ).toEqual([
        ['added', 'htop', null, '3.2'],
        ['upgraded', 'pkg-0000', '1.0', '2.0'],
        ['upgraded', 'pkg-0001', '1.0', '2.0'],
      ]);
      expect((await api('GET', `/machines/${machine}/history?source=user`)).json().count).toBe(1);
      expect((await api('GET', `/machines/${machine}/history?field=memory_mb`)).json().results).toEqual([
        expect.objectContaining({ old_value: '8192', new_value: '16384', actor: null }),
      ]);
      expectProblem(await api('GET', `/machines/${machine}/history?source=robot`), 400, 'VALIDATION_FAILED', [
        'source',
      ]);
    });
  });

  describe('tickets about a machine', () => {
    it('a user links his own machine only; staff link any machine in scope; the list filters by machine', async () => {
      const mine = await as.helene('POST', '/tickets', { title: 'Imprimante', machine: m.rh });
      expect(mine.statusCode, mine.body).toBe(201);
      expect(mine.json().machine).toBe(m.rh);
      expectProblem(
        await as.helene('POST', '/tickets', { title: 'Serveur lent', machine: m.srv }),
        400,
        'VALIDATION_FAILED',
        ['machine'],
      );
      expectProblem(
        await as.helene('POST', '/tickets', { title: 'Portable', machine: m.stock }),
        400,
        'VALIDATION_FAILED',
        ['machine'],
      );
      const forHelene = await as.tech('POST', '/tickets', {
        title: 'Serveur de fichiers lent',
        requester: helene.id,
        machine: m.srv,
      });
      expect(forHelene.statusCode, forHelene.body).toBe(201);
      const other = await created<{ id: number }>(as.tech, '/tickets', { title: 'Sans machine' });

      // Staff move the link; the user may not.
      const ticket = mine.json().id;
      expectProblem(await as.helene('PATCH', `/tickets/${ticket}`, { machine: m.compta }), 403, 'FORBIDDEN');
      const moved = await as.tech('PATCH', `/tickets/${ticket}`, { machine: m.srv });
      expect([moved.statusCode, moved.json().machine]).toEqual([200, m.srv]);

      const ids = async (client: ApiClient, query: string) =>
        (await client('GET', `/tickets?${query}&ordering=id`))
          .json()
          .results.map((r: { id: number }) => r.id);
      expect(await ids(as.tech, `machine=${m.srv}`)).toEqual([ticket, forHelene.json().id]);
      expect(await ids(as.helene, `machine=${m.srv}`)).toEqual([ticket, forHelene.json().id]);
      expect(await ids(as.tech, `machine=${m.rh}`)).toEqual([]);
      expect(await ids(as.tech, 'machine__isnull=false')).not.toContain(other.id);

      // The machine's page counts its open tickets only.
      const openCount = async () => (await api('GET', `/machines/${m.srv}`)).json().open_ticket_count;
      expect(await openCount()).toBe(2);
      await db.updateTable('tickets').set({ status: 'closed' }).where('id', '=', ticket).execute();
      expect(await openCount()).toBe(1);
      const unlinked = await as.tech('PATCH', `/tickets/${forHelene.json().id}`, { machine: null });
      expect([unlinked.statusCode, unlinked.json().machine]).toEqual([200, null]);
      expect(await openCount()).toBe(0);

      // A user counts only the tickets he may see (those of others on his machine are not his).
      await as.tech('PATCH', `/machines/${m.srv}`, { main_user: helene.id });
      await as.tech('POST', '/tickets', { title: 'Disque plein', machine: m.srv });
      expect(await openCount()).toBe(1);
      expect((await as.helene('GET', `/machines/${m.srv}`)).json().open_ticket_count).toBe(0);
    });
  });

  describe('delete', () => {
    it('an administrator deletes a machine: its tickets stay, unlinked; its inventory and agent gone; audited', async () => {
      const hw = { name: 'pc-rebut-09', uuid: 'uuid-rebut', serial: 'SER-REBUT-9', mac: '00:11:22:00:00:09' };
      const { machine: id, token } = await enrolled(t.app, key, hw, { software: packages(3) });
      await api('PATCH', `/machines/${id}`, { main_user: helene.id });
      await api('POST', `/machines/${id}/instructions`, { kind: 'inventory' });
      const ticket = await created<{ id: number }>(as.helene, '/tickets', {
        title: 'Ne démarre plus',
        machine: id,
      });
      expectProblem(await as.tech('DELETE', `/machines/${id}`), 403, 'FORBIDDEN');

      expect((await api('DELETE', `/machines/${id}`)).statusCode).toBe(204);
      expectProblem(await api('GET', `/machines/${id}`), 404, 'MACHINE_NOT_FOUND');
      expectProblem(await api('DELETE', `/machines/${id}`), 404, 'MACHINE_NOT_FOUND');
      const after = await api('GET', `/tickets/${ticket.id}`);
      expect([after.statusCode, after.json().machine]).toEqual([200, null]);
      expect((await api('GET', `/tickets?machine=${id}`)).json().count).toBe(0);
      for (const table of ['machine_history', 'machine_software', 'machine_instructions'] as const) {
        const rows = await db.selectFrom(table).select('machine_id').where('machine_id', '=', id).execute();
        expect(rows, table).toEqual([]);
      }
      const beat = await t.app.inject({
        method: 'POST',
        url: '/api/v1/agent/heartbeat',
        headers: { authorization: `Agent ${token}` },
        payload: { agent_version: '0.1.0' },
      });
      expectProblem(beat, 401, 'INVALID_MACHINE_TOKEN');
      const audit = await auditOf(api, 'machine', id);
      expect(audit.at(-1)).toMatchObject({
        action: 'machine.deleted',
        actor: admin.id,
        target_label: 'pc-rebut-09',
      });
    });
  });
});
