import type { DurableQueue, QueueEntry } from '../queue/index.js';
import { callServer, ServerError } from './client.js';
import type { Instruction } from './instructions.js';
import type { StateStore } from './state.js';

export type InventoryPayload = {
  document: unknown;
  /** The hashes of the sections the document carries, acknowledged once the server stored it. */
  hashes: Record<string, string>;
  full: boolean;
};
export type TicketPayload = {
  ticket: { title: string; description: string; urgency: number; type: 'incident' | 'request' };
  /** The employee's own token: the server opens the ticket in his name, never the machine's. */
  userToken: string;
  username: string;
  queuedAt: string;
};
export type ResultPayload = { id: number; status: 'done' | 'failed'; result?: unknown; error?: string };

type Exchange = { instructions?: Instruction[] };

export type SenderEvents = {
  instructions(list: Instruction[]): void;
  ticketSent?(entry: QueueEntry, ticket: { id: number; number: string }): void;
  ticketRejected?(entry: QueueEntry, reason: string): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
};

/**
 * Sends the queue's entries in order, each with its idempotency key. An entry leaves the queue only
 * once the server has answered it (or refused its content for good); a network failure puts it
 * back with backoff and pauses the round, since the next entries would fail the same way.
 */
export function createSender(queue: DurableQueue, store: StateStore, events: SenderEvents) {
  async function send(entry: QueueEntry): Promise<void> {
    const { server, token } = store.get();
    const options = { token, idempotencyKey: entry.idempotencyKey };
    switch (entry.kind) {
      case 'heartbeat': {
        const answer = await callServer<Exchange>(server, '/agent/heartbeat', entry.payload, options);
        events.instructions(answer.instructions ?? []);
        return;
      }
      case 'inventory': {
        const payload = entry.payload as InventoryPayload;
        const answer = await callServer<Exchange>(server, '/agent/inventory', payload.document, {
          ...options,
          gzip: true,
          timeoutMs: 120_000,
        });
        store.update((s) => ({
          sentHashes: payload.full ? payload.hashes : { ...s.sentHashes, ...payload.hashes },
          ...(payload.full && { lastFullInventoryAt: entry.createdAt }),
        }));
        events.instructions(answer.instructions ?? []);
        return;
      }
      case 'instruction_result': {
        const { id, ...result } = entry.payload as ResultPayload;
        await callServer(server, `/agent/instructions/${id}/result`, result, options);
        return;
      }
      case 'ticket': {
        const payload = entry.payload as TicketPayload;
        const ticket = await callServer<{ id: number; number: string }>(
          server,
          '/agent/tickets',
          payload.ticket,
          {
            ...options,
            headers: { 'x-user-token': payload.userToken },
          },
        );
        events.ticketSent?.(entry, ticket);
        return;
      }
    }
  }

  let running: Promise<void> | null = null;

  async function round(force: boolean): Promise<void> {
    // Forced (someone asked to sync now): entries waiting out their backoff go too.
    const due = () => queue.next(force ? Number.MAX_SAFE_INTEGER : Date.now());
    for (let entry = due(); entry; entry = due()) {
      try {
        await send(entry);
        queue.ack(entry.id);
        store.update(() => ({ lastSyncAt: new Date().toISOString(), lastError: null }));
      } catch (error) {
        const failure =
          error instanceof ServerError
            ? error
            : new ServerError((error as Error).message, 'retry', null, null);
        store.update(() => ({ lastError: failure.message }));
        if (failure.kind === 'rejected') {
          // Sending it again would be refused again: drop it, say why (a ticket: to the employee).
          events.log('warn', `${entry.kind} ${entry.id} refused by the server: ${failure.message}`);
          if (entry.kind === 'ticket') events.ticketRejected?.(entry, failure.message);
          queue.ack(entry.id);
          continue;
        }
        queue.retryLater(entry.id, failure.message, failure.retryAfterMs ?? 0);
        events.log(
          failure.kind === 'unauthorized' ? 'error' : 'warn',
          failure.kind === 'unauthorized'
            ? 'the server refuses this machine token: enroll the agent again (itsm-agent enroll)'
            : `server unreachable, ${queue.size()} queued: ${failure.message}`,
        );
        return;
      }
    }
  }

  return {
    /** Sends what is due now (everything queued when forced); concurrent calls share one round. */
    drain(force = false): Promise<void> {
      running ??= round(force).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
