import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InventoryDocument } from '../inventory/types.js';
import { type DurableQueue, openQueue } from '../queue/index.js';
import { type AgentState, DEFAULT_INTERVALS, type StateStore, stateStore } from '../sync/state.js';
import { createDesktop } from './desktop.js';
import { type DesktopServer, startDesktopServer } from './server.js';

const document: InventoryDocument = {
  deviceid: 'pc-test-2026-11-24-09-00-00',
  action: 'inventory',
  itemtype: 'Computer',
  content: {
    versionclient: 'ITSM-Agent_v0.1.0',
    hardware: { name: 'pc-test', memory: 16384 },
    operatingsystem: { full_name: 'Debian GNU/Linux 12 (bookworm)' },
    networks: [{ description: 'eno1', ipaddress: '192.168.1.20' }],
  },
};

/** A loopback port where nothing listens: the ITSM server is "down". */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('desktop app server', () => {
  let dir: string;
  let queue: DurableQueue;
  let store: StateStore;
  let server: DesktopServer;
  const secret = 'per-install-secret-0123456789abcdef';

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'itsm-ui-'));
    const state: AgentState = {
      server: `http://127.0.0.1:${await closedPort()}`,
      machineId: 7,
      token: 'itsm_m_token',
      deviceId: document.deviceid,
      enrolledAt: '2026-11-24T09:00:00.000Z',
      sentHashes: {},
      lastFullInventoryAt: null,
      lastInventoryCheckAt: null,
      lastSyncAt: null,
      lastError: null,
      intervals: DEFAULT_INTERVALS,
      handledInstructions: [],
      employee: null,
    };
    store = stateStore(dir, state);
    queue = openQueue(path.join(dir, 'queue'));
    const desktop = createDesktop({
      store,
      queue,
      inventory: async () => document,
      sync: async () => {},
      syncNow: async () => {},
    });
    server = await startDesktopServer({ desktop, secret, port: 0 });
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${p}`, { headers, redirect: 'manual' });
  const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      redirect: 'manual',
    });

  async function signedInCookie(): Promise<string> {
    const { url } = (await (await post('/open-code', {}, { 'x-agent-secret': secret })).json()) as {
      url: string;
    };
    const opened = await fetch(url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    return (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }

  it('stays locked without the one-time address, which only a reader of the secret gets, once', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/api/state')).status).toBe(403);
    expect((await post('/open-code', {}, { 'x-agent-secret': 'guess' })).status).toBe(403);

    const { url } = (await (await post('/open-code', {}, { 'x-agent-secret': secret })).json()) as {
      url: string;
    };
    const opened = await fetch(url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);

    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const state = await (await get('/api/state', { cookie })).json();
    expect(state).toMatchObject({
      computer: { hostname: 'pc-test', memory_mb: 16384, addresses: ['192.168.1.20'] },
      sync: { machine: 7, queued: 0 },
      employee: null,
    });
    expect((await get('/api/state', { cookie: 'itsm_agent_ui=forged' })).status).toBe(403);
  });

  it('refuses pages of other sites: another Host (DNS rebinding), another Origin, a non-JSON post', async () => {
    const cookie = await signedInCookie();
    const rebinding = await new Promise<number>((resolve) => {
      // fetch cannot forge Host: a raw request can.
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          `GET /api/state HTTP/1.1\r\nHost: evil.example:${server.port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(Number(text.split(' ')[1])));
    });
    expect(rebinding).toBe(421);
    expect(
      (await post('/api/tickets', { title: 'x' }, { cookie, origin: 'https://evil.example' })).status,
    ).toBe(403);
    const plain = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: '{"title":"x"}',
    });
    expect(plain.status).toBe(415);
    expect(queue.size()).toBe(0);
  });

  it('queues the signed-in employee’s ticket when the server is down, and lists it as waiting', async () => {
    const cookie = await signedInCookie();
    const refused = await post('/api/tickets', { title: 'Écran noir' }, { cookie });
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([
      401,
      'SIGN_IN_REQUIRED',
    ]);

    store.update(() => ({
      employee: { token: 'itsm_user-token', username: '@helene.dubois.demo', name: 'Hélène Dubois' },
    }));
    const invalid = await post('/api/tickets', { title: '  ' }, { cookie });
    expect(invalid.status).toBe(400);
    const created = await post(
      '/api/tickets',
      { title: 'Écran noir', description: 'Depuis ce matin', urgency: 4 },
      { cookie },
    );
    expect([created.status, await created.json()]).toEqual([202, { queued: true }]);

    const [entry] = queue.list();
    expect(entry).toMatchObject({
      kind: 'ticket',
      payload: {
        ticket: { title: 'Écran noir', description: 'Depuis ce matin', urgency: 4, type: 'incident' },
        userToken: 'itsm_user-token',
        username: '@helene.dubois.demo',
      },
    });
    expect(entry?.idempotencyKey).toMatch(/^ticket-/);
    const list = (await (await get('/api/tickets', { cookie })).json()) as {
      online: boolean;
      tickets: unknown[];
    };
    expect(list.online).toBe(false);
    expect(list.tickets).toEqual([
      expect.objectContaining({ title: 'Écran noir', delivery: 'queued', number: null }),
    ]);
  });
});
