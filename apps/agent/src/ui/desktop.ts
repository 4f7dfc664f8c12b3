import { randomUUID } from 'node:crypto';
import type { InventoryDocument } from '../inventory/types.js';
import type { DurableQueue } from '../queue/index.js';
import { callServer, ServerError } from '../sync/client.js';
import type { TicketPayload } from '../sync/sender.js';
import type { StateStore } from '../sync/state.js';

// What the employee's desktop app can do, without HTTP: the server (ui/server.ts) calls these.

export type DesktopDeps = {
  store: StateStore;
  queue: DurableQueue;
  /** This computer's latest inventory (collected on demand when none yet). */
  inventory: () => Promise<InventoryDocument>;
  sync: () => Promise<void>;
  /** A heartbeat now and everything queued sent, backoff or not. */
  syncNow: () => Promise<void>;
};

export type TicketView = {
  id: number | null;
  number: string | null;
  title: string;
  status: string;
  created_at: string;
  /** queued: waiting to be sent; refused: the server would not take it. */
  delivery: 'sent' | 'queued' | 'refused';
  reason?: string;
};

export type DesktopError = { status: number; code: string; message: string };

const fail = (status: number, code: string, message: string): never => {
  throw { status, code, message } satisfies DesktopError;
};

type ServerTicket = { id: number; number: string; title: string; status: string; created_at: string };

export function createDesktop({ store, queue, inventory, sync, syncNow }: DesktopDeps) {
  /** Tickets refused by the server, shown until the employee signs out. */
  const refused: TicketView[] = [];
  let lastTickets: TicketView[] = [];

  const userCall = <T>(path: string, token: string) =>
    callServer<T>(store.get().server, path, undefined, {
      headers: { authorization: `Token ${token}` },
      timeoutMs: 10_000,
    });

  function queuedTickets(username: string): TicketView[] {
    return queue
      .list()
      .filter((e) => e.kind === 'ticket' && (e.payload as TicketPayload).username === username)
      .map((e) => {
        const payload = e.payload as TicketPayload;
        return {
          id: null,
          number: null,
          title: payload.ticket.title,
          status: 'new',
          created_at: payload.queuedAt,
          delivery: 'queued' as const,
          ...(e.lastError && { reason: e.lastError }),
        };
      });
  }

  return {
    noteRefused(payload: TicketPayload, reason: string) {
      refused.unshift({
        id: null,
        number: null,
        title: payload.ticket.title,
        status: 'refused',
        created_at: payload.queuedAt,
        delivery: 'refused',
        reason,
      });
    },

    async state() {
      const s = store.get();
      const doc = await inventory();
      const c = doc.content;
      return {
        computer: {
          hostname: c.hardware?.name ?? null,
          os: c.operatingsystem?.full_name ?? null,
          manufacturer: c.bios?.smanufacturer ?? null,
          model: c.bios?.smodel ?? null,
          serial: c.bios?.ssn ?? null,
          cpu: c.cpus?.[0]?.name ?? null,
          memory_mb: c.hardware?.memory ?? null,
          addresses: (c.networks ?? [])
            .map((n) => n.ipaddress)
            .filter((a): a is string => typeof a === 'string' && a !== '127.0.0.1'),
        },
        sync: {
          server: s.server,
          machine: s.machineId,
          last_sync_at: s.lastSyncAt,
          last_error: s.lastError,
          queued: queue.size(),
          dropped: queue.dropped(),
        },
        employee: s.employee ? { username: s.employee.username, name: s.employee.name } : null,
      };
    },

    async signIn(input: { username?: unknown; password?: unknown; otp?: unknown }) {
      if (typeof input.username !== 'string' || !input.username.trim() || typeof input.password !== 'string')
        fail(400, 'VALIDATION_FAILED', 'username and password are required');
      const body = {
        username: String(input.username).trim(),
        password: String(input.password),
        ...(typeof input.otp === 'string' && input.otp.trim() && { otp: input.otp.trim() }),
      };
      try {
        const { token } = await callServer<{ token: string }>(store.get().server, '/auth/token', body, {
          timeoutMs: 15_000,
        });
        const me = await userCall<{ username: string; first_name: string; last_name: string }>(
          '/auth/me',
          token,
        );
        const employee = { token, username: me.username, name: `${me.first_name} ${me.last_name}` };
        store.update(() => ({ employee }));
        return { username: employee.username, name: employee.name };
      } catch (error) {
        if (error instanceof ServerError && error.status !== null && error.status < 500)
          fail(error.status, error.code ?? 'REFUSED', error.message);
        return fail(503, 'SERVER_UNREACHABLE', (error as Error).message);
      }
    },

    async syncNow() {
      await syncNow();
      const s = store.get();
      return { last_sync_at: s.lastSyncAt, last_error: s.lastError, queued: queue.size() };
    },

    signOut() {
      store.update(() => ({ employee: null }));
      refused.length = 0;
      lastTickets = [];
    },

    /** His tickets from the server when it answers (else the last list seen), and his queued ones. */
    async tickets() {
      const employee = store.get().employee ?? fail(401, 'SIGN_IN_REQUIRED', 'Sign in first');
      let online = true;
      try {
        const page = await userCall<{ results: ServerTicket[] }>(
          '/tickets?view=mine&ordering=-created_at&page_size=50',
          employee.token,
        );
        lastTickets = page.results.map((t) => ({
          id: t.id,
          number: t.number,
          title: t.title,
          status: t.status,
          created_at: t.created_at,
          delivery: 'sent',
        }));
      } catch (error) {
        if (error instanceof ServerError && error.status === 401) {
          store.update(() => ({ employee: null }));
          fail(401, 'SIGN_IN_REQUIRED', 'Your session on the server has ended: sign in again');
        }
        online = false;
      }
      return {
        online,
        tickets: [...queuedTickets(employee.username), ...refused, ...lastTickets],
      };
    },

    /** Queues the ticket (sent at once when the server answers, later otherwise). */
    async createTicket(input: { title?: unknown; description?: unknown; urgency?: unknown }) {
      const employee = store.get().employee ?? fail(401, 'SIGN_IN_REQUIRED', 'Sign in first');
      const title = typeof input.title === 'string' ? input.title.trim() : '';
      if (!title || title.length > 200) fail(400, 'VALIDATION_FAILED', 'title: 1 to 200 characters');
      const description = typeof input.description === 'string' ? input.description.slice(0, 100_000) : '';
      const urgency = Number(input.urgency ?? 3);
      if (!Number.isInteger(urgency) || urgency < 1 || urgency > 5)
        fail(400, 'VALIDATION_FAILED', 'urgency: 1 to 5');
      const payload: TicketPayload = {
        ticket: { title, description, urgency, type: 'incident' },
        userToken: employee.token,
        username: employee.username,
        queuedAt: new Date().toISOString(),
      };
      const key = `ticket-${randomUUID()}`;
      queue.push('ticket', payload, { idempotencyKey: key });
      await sync();
      // Still queued after a first try: the server did not answer.
      return { queued: queue.list().some((e) => e.idempotencyKey === key) };
    },
  };
}

export type Desktop = ReturnType<typeof createDesktop>;
