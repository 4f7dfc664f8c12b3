import type { MachineInstruction } from '@itsm/contracts';

// How the machine pages show what the agent reports: sizes in MB, speeds in Mbit/s and MHz, the
// freshness of the last exchange, the use of a volume.

const MB_PER_GB = 1024;
const DAY_MS = 86_400_000;

/** Days without news from its agent after which a machine is flagged in the lists. */
export const STALE_AFTER_DAYS = 7;

/** "512 MB", "16.0 GB" ("16,0 Go" in French): GB with one decimal from 1024 MB. */
export function formatMegabytes(mb: number, language: string): string {
  if (Math.abs(mb) >= MB_PER_GB) {
    return new Intl.NumberFormat(language, {
      style: 'unit',
      unit: 'gigabyte',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(mb / MB_PER_GB);
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 0,
  }).format(mb);
}

/** "100 Mb/s", "1 Gbit/s", "2.5 Gbit/s" (the units as the language writes them). */
export function formatLinkSpeed(mbps: number, language: string): string {
  const giga = mbps >= 1000;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: giga ? 'gigabit-per-second' : 'megabit-per-second',
    maximumFractionDigits: 1,
  }).format(giga ? mbps / 1000 : mbps);
}

/** "3.1 GHz" ("3,1 GHz"), "800 MHz". */
export function formatClockSpeed(mhz: number, language: string): string {
  if (mhz >= 1000) {
    const ghz = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(mhz / 1000);
    return `${ghz}\u00a0GHz`;
  }
  return `${new Intl.NumberFormat(language).format(mhz)}\u00a0MHz`;
}

export type Freshness = 'recent' | 'stale' | 'never';

/** Whether the agent was heard from lately: never, more than `staleAfterDays` ago, or recently. */
export function lastSeenFreshness(
  lastSeenAt: string | null,
  now: number,
  staleAfterDays = STALE_AFTER_DAYS,
): Freshness {
  if (!lastSeenAt) return 'never';
  const seen = Date.parse(lastSeenAt);
  if (Number.isNaN(seen)) return 'never';
  return now - seen > staleAfterDays * DAY_MS ? 'stale' : 'recent';
}

/** How full a volume is: used MB and share (0–1); null when its sizes were not reported. */
export function volumeUsage(volume: {
  total_mb: number | null;
  free_mb: number | null;
}): { usedMb: number; share: number } | null {
  const { total_mb: total, free_mb: free } = volume;
  if (total === null || free === null || total <= 0) return null;
  const used = Math.max(0, total - free);
  return { usedMb: used, share: Math.min(1, used / total) };
}

/** A nearly full volume is shown in amber, a full one in red. */
export function usageLevel(share: number): 'ok' | 'high' | 'critical' {
  if (share >= 0.95) return 'critical';
  if (share >= 0.85) return 'high';
  return 'ok';
}

/** The latest "collect an inventory" instruction (the API lists them newest first). */
export function latestInventoryRequest(
  instructions: readonly MachineInstruction[],
): MachineInstruction | undefined {
  return instructions.find((i) => i.kind === 'inventory');
}

/** Whether an instruction still waits for the agent (the page keeps polling until it is answered). */
export const isWaiting = (instruction: Pick<MachineInstruction, 'status'> | undefined) =>
  instruction?.status === 'pending' || instruction?.status === 'sent';
