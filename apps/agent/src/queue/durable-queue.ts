import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type BackoffOptions, backoffDelay } from './backoff.js';
import { planPush, planTrim } from './drop-policy.js';
import { fsyncDirectory, writeFileDurably } from './durable-file.js';
import {
  entryFileName,
  formatEntryId,
  IDEMPOTENCY_KEY,
  parseEntry,
  QUEUE_KINDS,
  type QueueEntry,
  type QueueKind,
  sequenceOfFileName,
  serializeEntry,
} from './queue-entry.js';

export type QueueOptions = {
  /** Bound on queued entries (default 1000); tickets are accepted past it, see drop-policy.ts. */
  maxEntries?: number;
  backoff?: BackoffOptions;
  now?: () => number;
  random?: () => number;
};

export type PushOptions = { idempotencyKey?: string };

export type DurableQueue = {
  /**
   * Queues an entry durably: when it returns, the entry survives a kill or a power loss. Returns null
   * when the queue is full of entries worth more than this one (counted in `dropped()`). Throws when
   * the payload is not JSON or the disk refuses the write (e.g. ENOSPC); nothing is queued then.
   */
  push(kind: QueueKind, payload: unknown, options?: PushOptions): QueueEntry | null;
  /** The oldest entry due at `now`. Plain FIFO: a ticket waits behind older entries of any kind. */
  next(now?: number): QueueEntry | null;
  /** Every entry, FIFO order. */
  list(): QueueEntry[];
  size(): number;
  countsByKind(): Record<QueueKind, number>;
  /** Removes a sent entry; false when it is unknown (already acked, replaced or dropped meanwhile). */
  ack(id: string): boolean;
  /**
   * Records a failed try and schedules the next one with backoff, and no sooner than `minDelayMs`
   * (the server's Retry-After); null when the entry is unknown.
   */
  retryLater(id: string, error: string, minDelayMs?: number): QueueEntry | null;
  /** Earliest `nextAttemptAt`, for the sender to sleep until then; null when the queue is empty. */
  nextDueAt(): number | null;
  /** Entries lost to the bound since the queue directory was created (kept across restarts). */
  dropped(): number;
  /** Unreadable entry files moved to `<dir>/corrupt/` by this open. */
  readonly corruptAtOpen: number;
};

const COUNTERS_FILE = 'counters.json';
const MAX_ERROR_LENGTH = 1_000;
const countersSchema = z.object({ dropped: z.number().int().nonnegative() });

/**
 * Opens the agent's offline queue in `dir`: one JSON file per entry (maildir style), written through
 * `tmp/` + fsync + rename, so a kill or power loss leaves each entry absent or whole, never half
 * written. Synchronous on purpose: every call is done (and durable) when it returns, and calls
 * cannot interleave. One process at a time may own `dir`.
 */
export function openQueue(dir: string, options: QueueOptions = {}): DurableQueue {
  const { maxEntries = 1000, backoff = {}, now = Date.now, random = Math.random } = options;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be an integer >= 1, got ${maxEntries}`);
  }
  const tmpDir = path.join(dir, 'tmp');
  const corruptDir = path.join(dir, 'corrupt');
  for (const d of [dir, tmpDir, corruptDir]) mkdirSync(d, { recursive: true, mode: 0o700 });

  // A tmp file is a write cut short before its rename: push never returned it, so nobody relies on it.
  for (const name of readdirSync(tmpDir)) rmSync(path.join(tmpDir, name), { recursive: true, force: true });

  // Map insertion order is the FIFO order: files are read sorted and new ids only grow.
  const entries = new Map<string, QueueEntry>();
  let sequence = 0;
  let corruptAtOpen = 0;
  for (const name of readdirSync(dir).sort()) {
    const seq = sequenceOfFileName(name);
    if (seq === null) continue;
    // Counting corrupt files too keeps a new entry from taking the id of one set aside.
    sequence = Math.max(sequence, seq);
    const entry = readEntryFile(path.join(dir, name), formatEntryId(seq));
    if (entry) {
      entries.set(entry.id, entry);
    } else {
      // Set aside rather than deleted: someone may want to look at it; never a reason to stop the agent.
      renameSync(path.join(dir, name), path.join(corruptDir, `${now()}-${name}`));
      corruptAtOpen += 1;
    }
  }
  if (corruptAtOpen > 0) fsyncDirectory(dir);

  let dropped = readDropped(path.join(dir, COUNTERS_FILE));
  const trim = planTrim([...entries.values()], maxEntries);
  removeEntries([...trim.replace, ...trim.drop]);
  countDropped(trim.drop.length);

  function readEntryFile(file: string, id: string): QueueEntry | null {
    try {
      return parseEntry(readFileSync(file, 'utf8'), id);
    } catch {
      return null; // e.g. EISDIR, or EIO on a damaged sector
    }
  }

  function writeEntry(entry: QueueEntry): void {
    writeFileDurably(dir, tmpDir, entryFileName(entry.id), serializeEntry(entry));
    entries.set(entry.id, entry);
  }

  // No directory fsync: an unlink undone by a power loss resends the entry with its idempotency key,
  // which the server recognises, and the bound is enforced again at the next open.
  function removeEntries(ids: readonly string[]): void {
    for (const id of ids) {
      rmSync(path.join(dir, entryFileName(id)), { force: true });
      entries.delete(id);
    }
  }

  function countDropped(count: number): void {
    if (count === 0) return;
    dropped += count;
    writeFileDurably(dir, tmpDir, COUNTERS_FILE, `${JSON.stringify({ dropped })}\n`);
  }

  return {
    push(kind, payload, { idempotencyKey = randomUUID() } = {}) {
      if (!QUEUE_KINDS.includes(kind)) throw new TypeError(`unknown queue entry kind ${String(kind)}`);
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new TypeError('idempotencyKey must be 1 to 200 printable ASCII characters without spaces');
      }
      const plan = planPush([...entries.values()], kind, maxEntries);
      if (!plan.accept) {
        countDropped(1);
        return null;
      }
      const time = now();
      const id = formatEntryId(sequence + 1);
      const text = serializeEntry({
        id,
        kind,
        idempotencyKey,
        payload,
        createdAt: new Date(time).toISOString(),
        attempts: 0,
        nextAttemptAt: time,
        lastError: null,
      });
      // Read back what was serialized: the caller gets exactly what a restarted agent would send.
      const entry = parseEntry(text, id);
      if (!entry) throw new TypeError(`the ${kind} payload is not a JSON value`);
      sequence += 1;
      // The new entry is durable before anything it displaces is removed.
      writeEntry(entry);
      removeEntries([...plan.replace, ...plan.drop]);
      countDropped(plan.drop.length);
      return entry;
    },

    next(at = now()) {
      for (const entry of entries.values()) if (entry.nextAttemptAt <= at) return entry;
      return null;
    },

    list: () => [...entries.values()],
    size: () => entries.size,

    countsByKind() {
      const counts = Object.fromEntries(QUEUE_KINDS.map((kind) => [kind, 0])) as Record<QueueKind, number>;
      for (const entry of entries.values()) counts[entry.kind] += 1;
      return counts;
    },

    ack(id) {
      if (!entries.has(id)) return false;
      removeEntries([id]);
      return true;
    },

    retryLater(id, error, minDelayMs = 0) {
      const entry = entries.get(id);
      if (!entry) return null;
      const attempts = entry.attempts + 1;
      const updated = Object.freeze({
        ...entry,
        attempts,
        // The server may ask for more (Retry-After): never sooner than it said.
        nextAttemptAt: now() + Math.max(minDelayMs, backoffDelay(attempts, backoff, random)),
        lastError: error.slice(0, MAX_ERROR_LENGTH),
      });
      writeEntry(updated);
      return updated;
    },

    nextDueAt() {
      let earliest: number | null = null;
      for (const { nextAttemptAt } of entries.values()) {
        if (earliest === null || nextAttemptAt < earliest) earliest = nextAttemptAt;
      }
      return earliest;
    },

    dropped: () => dropped,
    corruptAtOpen,
  };
}

/** The persisted drop counter; a missing or damaged file restarts it at 0 rather than stop the agent. */
function readDropped(file: string): number {
  try {
    const parsed = countersSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.dropped : 0;
  } catch {
    return 0;
  }
}
