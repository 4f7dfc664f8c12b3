import { describe, expect, it } from 'vitest';
import { allTimeZones, searchTimeZones, utcOffset } from './time-zones';

const zones = ['America/New_York', 'America/Sao_Paulo', 'Europe/Paris', 'Pacific/Port_Moresby', 'UTC'];

describe('time zones', () => {
  it('lists the runtime zones with UTC', () => {
    const all = allTimeZones();
    expect(all).toContain('Europe/Paris');
    expect(all).toContain('UTC');
    expect(all).toEqual([...all].sort());
  });

  it('finds zones by any words, ignoring case, accents and separators', () => {
    expect(searchTimeZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(searchTimeZones(zones, 'São')).toEqual(['America/Sao_Paulo']);
    expect(searchTimeZones(zones, 'america paulo')).toEqual(['America/Sao_Paulo']);
    expect(searchTimeZones(zones, '')).toEqual(zones);
    expect(searchTimeZones(zones, '', 2)).toEqual(zones.slice(0, 2));
  });

  it('puts the cities that start with the text first', () => {
    expect(searchTimeZones(zones, 'par')).toEqual(['Europe/Paris']);
    expect(searchTimeZones(zones, 'p')).toEqual([
      'Europe/Paris',
      'Pacific/Port_Moresby',
      'America/Sao_Paulo',
    ]);
  });

  it('gives the offset at an instant', () => {
    expect(utcOffset('Europe/Paris', new Date('2026-01-15T12:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffset('Europe/Paris', new Date('2026-07-15T12:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffset('UTC')).toMatch(/^UTC(\+00:00)?$/);
    expect(utcOffset('Nowhere/Special')).toBe('');
  });
});
