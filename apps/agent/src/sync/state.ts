import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../queue/durable-file.js';

// What the agent remembers between runs, in `<data dir>/state.json` (mode 0600: it holds the
// machine token and the signed-in employee's token).

export type Intervals = {
  heartbeat_seconds: number;
  /** How often changed sections are looked for (partial inventory). */
  inventory_minutes: number;
  full_inventory_hours: number;
};

export const DEFAULT_INTERVALS: Intervals = {
  heartbeat_seconds: 60,
  inventory_minutes: 60,
  full_inventory_hours: 24,
};

export type Employee = { token: string; username: string; name: string };

export type AgentState = {
  server: string;
  machineId: number;
  token: string;
  deviceId: string;
  enrolledAt: string;
  /** Section hashes the server has acknowledged: a partial inventory sends the others. */
  sentHashes: Record<string, string>;
  lastFullInventoryAt: string | null;
  lastInventoryCheckAt: string | null;
  /** Last exchange the server answered, and the last error if the latest one failed. */
  lastSyncAt: string | null;
  lastError: string | null;
  intervals: Intervals;
  /** Instructions already applied (the server may hand one out again after a lost answer). */
  handledInstructions: number[];
  employee: Employee | null;
};

const FILE = 'state.json';
const HANDLED_KEPT = 200;

export function statePath(dataDir: string): string {
  return path.join(dataDir, FILE);
}

/** The saved state, or null before enrolment. */
export function readState(dataDir: string): AgentState | null {
  let text: string;
  try {
    text = readFileSync(statePath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const state = JSON.parse(text) as AgentState;
  return { ...state, intervals: { ...DEFAULT_INTERVALS, ...state.intervals } };
}

/** Saves the whole state atomically (a kill never leaves half a file). */
export function writeState(dataDir: string, state: AgentState): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  writeFileDurably(dataDir, tmp, FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** A small read-modify-write store over the state file, for the daemon's parts to share. */
export function stateStore(dataDir: string, initial: AgentState) {
  let state = initial;
  return {
    get: (): AgentState => state,
    update(change: (current: AgentState) => Partial<AgentState>): AgentState {
      state = { ...state, ...change(state) };
      writeState(dataDir, state);
      return state;
    },
    markHandled(id: number) {
      return this.update((s) => ({
        handledInstructions: [...s.handledInstructions.filter((i) => i !== id), id].slice(-HANDLED_KEPT),
      }));
    },
  };
}

export type StateStore = ReturnType<typeof stateStore>;
