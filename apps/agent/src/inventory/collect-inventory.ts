import { type CollectContext, machineContext } from '../collect/context.js';
import { collectHardware } from '../collect/hardware.js';
import { collectNetwork } from '../collect/network.js';
import { collectSoftware } from '../collect/software.js';
import { collectSystem } from '../collect/system.js';
import { collectUsers } from '../collect/users.js';
import { buildInventoryDocument, makeDeviceId } from './document.js';
import type { ContentPart, InventoryDocument } from './types.js';

/** One collector per area; each fills some sections of the document. */
export const COLLECTORS = {
  system: collectSystem,
  hardware: collectHardware,
  network: collectNetwork,
  software: collectSoftware,
  users: collectUsers,
} as const satisfies Record<string, (ctx: CollectContext) => Promise<ContentPart>>;

export type CollectorName = keyof typeof COLLECTORS;
export const COLLECTOR_NAMES = Object.keys(COLLECTORS) as CollectorName[];

export type CollectOptions = {
  ctx?: CollectContext;
  /** Only these areas (a partial inventory); all by default. */
  areas?: readonly CollectorName[];
  /** The device id kept by the agent's state; a new one is made from the hostname when absent. */
  deviceId?: string;
};

/** Runs the chosen collectors in parallel and returns their parts, in the order asked. */
export function collectParts(ctx: CollectContext, areas: readonly CollectorName[]): Promise<ContentPart[]> {
  return Promise.all(areas.map((name) => COLLECTORS[name](ctx)));
}

/** The local inventory as a GLPI inventory document; reaches nothing outside the machine. */
export async function collectInventory(options: CollectOptions = {}): Promise<InventoryDocument> {
  const ctx = options.ctx ?? machineContext();
  const parts = await collectParts(ctx, options.areas ?? COLLECTOR_NAMES);
  const deviceId = options.deviceId ?? makeDeviceId(ctx.hostname(), ctx.now());
  const doc = buildInventoryDocument(parts, { deviceId });
  if (options.areas) doc.partial = true;
  return doc;
}
