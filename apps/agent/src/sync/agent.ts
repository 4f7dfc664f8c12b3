import path from 'node:path';
import { collectInventory } from '../inventory/collect-inventory.js';
import { partialDocument, sectionHashes } from '../inventory/section-hashes.js';
import type { InventoryDocument } from '../inventory/types.js';
import { type DurableQueue, openQueue } from '../queue/index.js';
import { applyInstruction, type Instruction } from './instructions.js';
import { planInventory } from './inventory-plan.js';
import { createSender, type InventoryPayload, type SenderEvents } from './sender.js';
import { type AgentState, readState, type StateStore, stateStore } from './state.js';

export type AgentOptions = {
  dataDir: string;
  version: string;
  /** Upper bound of the random delay before the first inventory check (spreads agents after a restart). */
  splayMs?: number;
  collect?: (deviceId: string) => Promise<InventoryDocument>;
  log?: SenderEvents['log'];
  events?: Pick<SenderEvents, 'ticketSent' | 'ticketRejected'>;
};

export type RunningAgent = {
  queue: DurableQueue;
  store: StateStore;
  /** Collects now and queues what changed (or everything); resolves once queued and a send tried. */
  inventoryNow(full: boolean): Promise<{ sections: number; queued: boolean }>;
  heartbeatNow(): Promise<void>;
  /** Tries to send what is due now; `force`: everything queued, backoff or not. */
  sync(force?: boolean): Promise<void>;
  /**
   * What "sync now" in the desktop app does: a heartbeat (which fetches instructions) and a full
   * inventory queued, then everything queued sent.
   */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
};

const DEFAULT_SPLAY_MS = 5 * 60_000;

export class NotEnrolledError extends Error {
  override name = 'NotEnrolledError';
}

/** The daemon: heartbeats, inventories, instructions, all through the durable queue. */
export function startAgent(options: AgentOptions): RunningAgent {
  const initial = readState(options.dataDir);
  if (!initial)
    throw new NotEnrolledError(
      'this agent is not enrolled yet: run itsm-agent enroll --server URL --key KEY',
    );
  const store = stateStore(options.dataDir, initial);
  const queue = openQueue(path.join(options.dataDir, 'queue'));
  const log = options.log ?? (() => {});
  const collect = options.collect ?? ((deviceId: string) => collectInventory({ deviceId }));
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const sender = createSender(queue, store, {
    log,
    instructions: (list) => {
      for (const instruction of list) void handle(instruction);
    },
    ...options.events,
  });

  // After a send fails, the queue knows when its first entry is due again.
  let retryTimer: NodeJS.Timeout | null = null;
  function sync(force = false): Promise<void> {
    return sender.drain(force).then(() => {
      if (stopped) return;
      const due = queue.nextDueAt();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (due !== null) {
        retryTimer = setTimeout(() => void sync(), Math.max(0, due - Date.now()) + 10);
        retryTimer.unref?.();
      }
    });
  }

  async function inventoryNow(forceFull: boolean) {
    const queued = await queueInventory(forceFull);
    if (queued.queued) await sync();
    return queued;
  }

  /** Collects and queues what the plan says (nothing when no section changed). */
  async function queueInventory(forceFull: boolean) {
    const state = store.get();
    const now = new Date();
    const document = await collect(state.deviceId);
    const hashes = sectionHashes(document);
    const plan = planInventory({
      hashes,
      sentHashes: state.sentHashes,
      lastFullAt: state.lastFullInventoryAt,
      fullEveryHours: state.intervals.full_inventory_hours,
      now,
      forceFull,
    });
    store.update(() => ({ lastInventoryCheckAt: now.toISOString() }));
    if (plan.kind === 'skip') return { sections: 0, queued: false };
    const sections = plan.kind === 'full' ? Object.keys(hashes) : plan.sections;
    const payload: InventoryPayload = {
      document:
        plan.kind === 'full' ? { ...document, partial: false } : partialDocument(document, plan.sections),
      hashes: Object.fromEntries(sections.map((s) => [s, hashes[s as keyof typeof hashes] as string])),
      full: plan.kind === 'full',
    };
    queue.push('inventory', payload);
    return { sections: sections.length, queued: true };
  }

  function pushHeartbeat() {
    queue.push('heartbeat', {
      agent_version: options.version,
      queue_length: queue.size(),
      dropped: queue.dropped(),
    });
  }
  async function heartbeatNow() {
    pushHeartbeat();
    await sync();
  }

  /**
   * Applies an instruction at most once: it is marked handled before it runs. Handed out again (its
   * result lost, or the agent killed while applying it), it is not run again: its queued result
   * goes as it is, or, if none was queued, a failure saying it was interrupted.
   */
  const applying = new Set<number>();
  async function handle(instruction: Instruction) {
    if (applying.has(instruction.id)) return;
    if (store.get().handledInstructions.includes(instruction.id)) {
      const queued = queue
        .list()
        .some((e) => e.kind === 'instruction_result' && (e.payload as { id: number }).id === instruction.id);
      if (!queued) {
        queue.push('instruction_result', {
          id: instruction.id,
          status: 'failed',
          error: 'interrupted before its result was recorded (agent stopped); not run again',
        });
        await sync();
      }
      return;
    }
    store.markHandled(instruction.id);
    applying.add(instruction.id);
    const outcome = await applyInstruction(instruction, {
      inventoryNow,
      setIntervals: (intervals) => {
        const next = store.update((s) => ({ intervals: { ...s.intervals, ...intervals } })).intervals;
        reschedule();
        return next;
      },
    });
    queue.push('instruction_result', { id: instruction.id, ...outcome });
    applying.delete(instruction.id);
    await sync();
  }

  /** Runs `task` after `delayMs`, then every `every()` milliseconds (read each time: intervals change). */
  function repeat(name: string, delayMs: number, every: () => number, task: () => Promise<unknown>) {
    const timer = setTimeout(async () => {
      timers.delete(timer);
      try {
        await task();
      } catch (error) {
        log('error', `${name} failed: ${(error as Error).message}`);
      }
      if (!stopped) repeat(name, every(), every, task);
    }, delayMs);
    timer.unref?.();
    timers.add(timer);
  }

  const heartbeatMs = () => store.get().intervals.heartbeat_seconds * 1000;
  const inventoryMs = () => store.get().intervals.inventory_minutes * 60_000;
  function reschedule() {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const splay = options.splayMs ?? DEFAULT_SPLAY_MS;
    repeat('heartbeat', Math.random() * Math.min(heartbeatMs(), splay), heartbeatMs, heartbeatNow);
    repeat('inventory', Math.random() * splay, inventoryMs, () => inventoryNow(false));
  }

  reschedule();
  // Whatever an earlier run left in the queue goes first.
  void sync();

  return {
    queue,
    store,
    inventoryNow,
    heartbeatNow,
    sync,
    async syncNow() {
      pushHeartbeat();
      await queueInventory(true);
      await sync(true);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      if (retryTimer) clearTimeout(retryTimer);
      await sender.drain().catch(() => {});
    },
  };
}

export type { AgentState };
