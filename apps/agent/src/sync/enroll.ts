import { collectInventory } from '../inventory/collect-inventory.js';
import { makeDeviceId } from '../inventory/document.js';
import { sectionHashes } from '../inventory/section-hashes.js';
import type { InventoryDocument } from '../inventory/types.js';
import { callServer } from './client.js';
import { type AgentState, DEFAULT_INTERVALS, readState, writeState } from './state.js';

export type EnrollOptions = {
  server: string;
  key: string;
  dataDir: string;
  version: string;
  /** The inventory to enrol with (tests); collected here by default. */
  collect?: (deviceId: string) => Promise<InventoryDocument>;
};

type Enrolled = { machine: number; token: string; reused: boolean };

/**
 * Trades an enrollment key for this machine's token, sending a full inventory (its hardware tells
 * the server whether it already knows the machine). Kept: the device id of an earlier enrolment
 * and the employee signed in, if the server is the same.
 */
export async function enroll(options: EnrollOptions): Promise<AgentState & { reused: boolean }> {
  const previous = readState(options.dataDir);
  const now = new Date();
  const deviceId = previous?.deviceId ?? makeDeviceId((await import('node:os')).hostname(), now);
  const document = options.collect ? await options.collect(deviceId) : await collectInventory({ deviceId });
  const answer = await callServer<Enrolled>(
    options.server,
    '/agent/enroll',
    { key: options.key, agent_version: options.version, inventory: document },
    { gzip: true, timeoutMs: 120_000 },
  );
  const state: AgentState = {
    server: options.server,
    machineId: answer.machine,
    token: answer.token,
    deviceId,
    enrolledAt: now.toISOString(),
    sentHashes: sectionHashes(document),
    lastFullInventoryAt: now.toISOString(),
    lastInventoryCheckAt: now.toISOString(),
    lastSyncAt: now.toISOString(),
    lastError: null,
    intervals: previous?.intervals ?? DEFAULT_INTERVALS,
    handledInstructions: [],
    employee: previous?.server === options.server ? previous.employee : null,
  };
  writeState(options.dataDir, state);
  return { ...state, reused: answer.reused };
}
