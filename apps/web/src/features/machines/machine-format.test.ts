import type { MachineInstruction } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import {
  formatClockSpeed,
  formatLinkSpeed,
  formatMegabytes,
  isWaiting,
  lastSeenFreshness,
  latestInventoryRequest,
  usageLevel,
  volumeUsage,
} from './machine-format';

// Spaces between number and unit are no-break ones, of the width the language uses.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const now = Date.parse('2026-11-24T12:00:00Z');
const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();

describe('machine formatting', () => {
  it('shows sizes in MB below 1024, in GB with one decimal from there', () => {
    expect(plain(formatMegabytes(512, 'en'))).toBe('512 MB');
    expect(plain(formatMegabytes(1023, 'en'))).toBe('1,023 MB');
    expect(plain(formatMegabytes(1024, 'en'))).toBe('1.0 GB');
    expect(plain(formatMegabytes(16384, 'en'))).toBe('16.0 GB');
    expect(plain(formatMegabytes(488_386, 'en'))).toBe('476.9 GB');
    expect(plain(formatMegabytes(16384, 'fr'))).toBe('16,0 Go');
    expect(plain(formatMegabytes(512, 'fr'))).toBe('512 Mo');
  });

  it('shows link and clock speeds in their natural unit', () => {
    expect(plain(formatLinkSpeed(100, 'en'))).toBe('100 Mb/s');
    expect(plain(formatLinkSpeed(1000, 'en'))).toBe('1 Gb/s');
    expect(plain(formatLinkSpeed(2500, 'fr'))).toBe('2,5 Gbit/s');
    expect(plain(formatClockSpeed(3100, 'en'))).toBe('3.1 GHz');
    expect(plain(formatClockSpeed(3100, 'fr'))).toBe('3,1 GHz');
    expect(plain(formatClockSpeed(800, 'en'))).toBe('800 MHz');
  });

  it('flags a machine not seen for more than 7 days, or never', () => {
    expect(lastSeenFreshness(null, now)).toBe('never');
    expect(lastSeenFreshness('not a date', now)).toBe('never');
    expect(lastSeenFreshness(daysAgo(0.01), now)).toBe('recent');
    expect(lastSeenFreshness(daysAgo(7), now)).toBe('recent');
    expect(lastSeenFreshness(daysAgo(7.01), now)).toBe('stale');
    expect(lastSeenFreshness(daysAgo(2), now, 1)).toBe('stale');
  });

  it('measures how full a volume is', () => {
    expect(volumeUsage({ total_mb: 240_000, free_mb: 32_000 })).toEqual({
      usedMb: 208_000,
      share: 208_000 / 240_000,
    });
    expect(volumeUsage({ total_mb: null, free_mb: 3 })).toBeNull();
    expect(volumeUsage({ total_mb: 0, free_mb: 0 })).toBeNull();
    // A free size larger than the total (a racy reading) is not negative use.
    expect(volumeUsage({ total_mb: 10, free_mb: 12 })).toEqual({ usedMb: 0, share: 0 });
    expect(usageLevel(0.5)).toBe('ok');
    expect(usageLevel(0.86)).toBe('high');
    expect(usageLevel(0.97)).toBe('critical');
  });

  it('follows the latest inventory request until the agent answers it', () => {
    const instruction = (
      id: number,
      kind: MachineInstruction['kind'],
      status: MachineInstruction['status'],
    ) => ({ id, kind, status }) as MachineInstruction;
    const list = [
      instruction(3, 'set_intervals', 'pending'),
      instruction(2, 'inventory', 'sent'),
      instruction(1, 'inventory', 'done'),
    ];
    expect(latestInventoryRequest(list)?.id).toBe(2);
    expect(latestInventoryRequest([])).toBeUndefined();
    expect(isWaiting(list[1])).toBe(true);
    expect(isWaiting(list[2])).toBe(false);
    expect(isWaiting(undefined)).toBe(false);
  });
});
