import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UI_FILE } from './run.js';
import { readState } from './sync/state.js';
import { loadUiSecret } from './ui/secret.js';

export class AgentStateError extends Error {
  override name = 'AgentStateError';
}

/** What `itsm-agent status` tells, read from the data directory without disturbing a running daemon. */
export function agentStatus(dataDir: string) {
  const state = readState(dataDir);
  let queued = 0;
  try {
    queued = readdirSync(path.join(dataDir, 'queue')).filter((name) => /^\d+\.json$/.test(name)).length;
  } catch {
    // no queue yet
  }
  if (!state) return { enrolled: false as const, dataDir, queued };
  return {
    enrolled: true as const,
    dataDir,
    server: state.server,
    machine: state.machineId,
    enrolledAt: state.enrolledAt,
    lastSyncAt: state.lastSyncAt,
    lastError: state.lastError,
    lastFullInventoryAt: state.lastFullInventoryAt,
    queued,
    intervals: state.intervals,
    employee: state.employee?.username ?? null,
  };
}

export function formatStatus(status: ReturnType<typeof agentStatus>): string {
  if (!status.enrolled)
    return `not enrolled (data dir ${status.dataDir}): run itsm-agent enroll --server URL --key KEY`;
  const rows: [string, string][] = [
    ['server', status.server],
    ['machine', String(status.machine)],
    ['enrolled', status.enrolledAt],
    ['last sync', status.lastSyncAt ?? 'never'],
    ['last error', status.lastError ?? '-'],
    ['last full inventory', status.lastFullInventoryAt ?? 'never'],
    ['queued', String(status.queued)],
    [
      'intervals',
      `heartbeat ${status.intervals.heartbeat_seconds} s, changes every ${status.intervals.inventory_minutes} min, full every ${status.intervals.full_inventory_hours} h`,
    ],
    ['desktop app user', status.employee ?? '-'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/**
 * Asks the running desktop app for a one-time address (proving it can read the secret) and opens
 * it in the default browser through a private temporary page, so that the address never appears
 * in a command line other users could read.
 */
export async function openDesktop(dataDir: string, { launch }: { launch: boolean }): Promise<string> {
  let ui: { url: string };
  try {
    ui = JSON.parse(readFileSync(path.join(dataDir, UI_FILE), 'utf8'));
  } catch {
    throw new AgentStateError('the agent is not running here (no desktop app found): start itsm-agent run');
  }
  let url: string;
  try {
    const response = await fetch(`${ui.url}/open-code`, {
      method: 'POST',
      headers: { 'x-agent-secret': loadUiSecret(dataDir) },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`${response.status}`);
    ({ url } = (await response.json()) as { url: string });
  } catch (error) {
    throw new AgentStateError(`the desktop app does not answer on ${ui.url}: ${(error as Error).message}`);
  }
  if (launch) {
    const dir = mkdtempSync(path.join(tmpdir(), 'itsm-agent-'));
    const page = path.join(dir, 'open.html');
    writeFileSync(page, `<!doctype html><meta http-equiv="refresh" content="0;url=${url}">`, { mode: 0o600 });
    const [command, args] =
      process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', page]]
        : [process.platform === 'darwin' ? 'open' : 'xdg-open', [page]];
    spawn(command as string, args as string[], { stdio: 'ignore', detached: true })
      .on('error', () => {})
      .unref();
    // The browser reads the page at once; the code inside is single-use and expires within a minute.
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 3_000);
  }
  return url;
}
