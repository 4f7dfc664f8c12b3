import { describe, expect, it } from 'vitest';
import { planInventory } from './inventory-plan.js';

const now = new Date('2026-11-24T12:00:00Z');
const hashes = { hardware: 'h1', softwares: 's2', drives: 'd3' };

describe('planInventory', () => {
  it('sends a full inventory first, then once the daily one is due, or when asked', () => {
    const base = { hashes, sentHashes: hashes, fullEveryHours: 24, now };
    expect(planInventory({ ...base, lastFullAt: null })).toEqual({ kind: 'full' });
    expect(planInventory({ ...base, lastFullAt: '2026-11-23T11:59:59Z' })).toEqual({ kind: 'full' });
    expect(planInventory({ ...base, lastFullAt: '2026-11-24T11:00:00Z', forceFull: true })).toEqual({
      kind: 'full',
    });
  });

  it('sends only the sections whose hash changed, and nothing when none did', () => {
    const base = { hashes, fullEveryHours: 24, now, lastFullAt: '2026-11-24T08:00:00Z' };
    expect(planInventory({ ...base, sentHashes: hashes })).toEqual({ kind: 'skip' });
    expect(planInventory({ ...base, sentHashes: { hardware: 'h1', softwares: 'old' } })).toEqual({
      kind: 'partial',
      sections: ['softwares', 'drives'],
    });
  });
});
