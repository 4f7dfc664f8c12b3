import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectInventory } from './inventory/collect-inventory.js';
import type { InventoryDocument } from './inventory/types.js';
import { startAgent } from './sync/agent.js';
import type { TicketPayload } from './sync/sender.js';
import { createDesktop } from './ui/desktop.js';
import { loadUiSecret } from './ui/secret.js';
import { type DesktopServer, startDesktopServer } from './ui/server.js';

export type RunOptions = {
  dataDir: string;
  version: string;
  uiPort: number;
  splayMs?: number;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
};

/** Where `itsm-agent open` finds the running desktop app. */
export const UI_FILE = 'ui.json';

/** The daemon with its desktop app; resolves with a stop function. */
export async function runDaemon(options: RunOptions) {
  let latest: InventoryDocument | null = null;
  const collect = async (deviceId: string) => {
    latest = await collectInventory({ deviceId });
    return latest;
  };
  let desktop: ReturnType<typeof createDesktop> | null = null;
  const agent = startAgent({
    dataDir: options.dataDir,
    version: options.version,
    splayMs: options.splayMs,
    collect,
    log: options.log,
    events: {
      ticketSent: (_entry, ticket) => options.log('info', `ticket ${ticket.number} sent`),
      ticketRejected: (entry, reason) => desktop?.noteRefused(entry.payload as TicketPayload, reason),
    },
  });
  desktop = createDesktop({
    store: agent.store,
    queue: agent.queue,
    inventory: async () => latest ?? collect(agent.store.get().deviceId),
    sync: agent.sync,
    syncNow: agent.syncNow,
  });
  let ui: DesktopServer | null = null;
  try {
    ui = await startDesktopServer({ desktop, secret: loadUiSecret(options.dataDir), port: options.uiPort });
    writeFileSync(path.join(options.dataDir, UI_FILE), JSON.stringify({ url: ui.url, pid: process.pid }), {
      mode: 0o600,
    });
    options.log('info', `desktop app on ${ui.url} (open it with itsm-agent open)`);
  } catch (error) {
    options.log('error', `desktop app not started: ${(error as Error).message}`);
  }
  options.log(
    'info',
    `agent running for ${agent.store.get().server}, machine ${agent.store.get().machineId}`,
  );
  return {
    agent,
    ui,
    async stop() {
      await ui?.close();
      await agent.stop();
    },
  };
}
