import type { QueueEntry, QueueKind } from './queue-entry.js';

/**
 * Kinds the queue may drop when full, least valuable first: only the latest heartbeat matters, a newer
 * inventory supersedes an older one, an instruction result is worth more. Tickets are never dropped:
 * they are what an employee wrote and exists nowhere else.
 */
const DROP_ORDER: readonly QueueKind[] = ['heartbeat', 'inventory', 'instruction_result'];

type Queued = Pick<QueueEntry, 'id' | 'kind'>;

/** `replace`: older heartbeats superseded by a newer one (not a loss); `drop`: entries lost to the bound. */
export type Removals = { replace: string[]; drop: string[] };
export type PushPlan = { accept: false } | ({ accept: true } & Removals);

/**
 * What pushing an entry of `kind` onto `queued` (FIFO order) does. A push may only displace entries
 * worth no more than itself, oldest first; a push that finds none is refused, except a ticket, which
 * is accepted past the bound.
 */
export function planPush(queued: readonly Queued[], kind: QueueKind, maxEntries: number): PushPlan {
  const replace = kind === 'heartbeat' ? queued.filter((e) => e.kind === 'heartbeat').map((e) => e.id) : [];
  const excess = queued.length - replace.length + 1 - maxEntries;
  if (excess <= 0) return { accept: true, replace, drop: [] };
  const displaceable = kind === 'ticket' ? DROP_ORDER : DROP_ORDER.slice(0, DROP_ORDER.indexOf(kind) + 1);
  const drop = oldestByDropOrder(queued, displaceable, new Set(replace), excess);
  if (drop.length < excess && kind !== 'ticket') return { accept: false };
  return { accept: true, replace, drop };
}

/**
 * What to remove from a queue found on disk: heartbeats older than the last one (two exist after a
 * crash in the middle of a replacement) and, past the bound (lowered in the configuration), entries in
 * drop order.
 */
export function planTrim(queued: readonly Queued[], maxEntries: number): Removals {
  const replace = queued
    .filter((e) => e.kind === 'heartbeat')
    .map((e) => e.id)
    .slice(0, -1);
  const excess = queued.length - replace.length - maxEntries;
  const drop = excess > 0 ? oldestByDropOrder(queued, DROP_ORDER, new Set(replace), excess) : [];
  return { replace, drop };
}

function oldestByDropOrder(
  queued: readonly Queued[],
  kinds: readonly QueueKind[],
  skip: ReadonlySet<string>,
  count: number,
): string[] {
  return kinds
    .flatMap((kind) => queued.filter((e) => e.kind === kind && !skip.has(e.id)))
    .slice(0, count)
    .map((e) => e.id);
}
