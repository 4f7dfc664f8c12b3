import { describe, expect, it } from 'vitest';
import { enrollCommand, expiryDay, expiryInstant, keyStatus, localDay } from './key-status';

const now = Date.parse('2026-11-24T12:00:00Z');
const key = { revoked_at: null, expires_at: null, max_uses: null, uses: 0 };

describe('enrollment keys', () => {
  it('are usable until revoked, expired or used up, revocation first', () => {
    expect(keyStatus(key, now)).toBe('usable');
    expect(keyStatus({ ...key, max_uses: 3, uses: 2 }, now)).toBe('usable');
    expect(keyStatus({ ...key, expires_at: '2026-11-25T00:00:00Z' }, now)).toBe('usable');
    expect(keyStatus({ ...key, max_uses: 3, uses: 3 }, now)).toBe('exhausted');
    expect(keyStatus({ ...key, expires_at: '2026-11-24T12:00:00Z' }, now)).toBe('expired');
    expect(
      keyStatus(
        { revoked_at: '2026-11-01T00:00:00Z', expires_at: '2026-11-02T00:00:00Z', max_uses: 1, uses: 1 },
        now,
      ),
    ).toBe('revoked');
    expect(keyStatus({ ...key, expires_at: '2026-11-01T00:00:00Z', max_uses: 1, uses: 1 }, now)).toBe(
      'expired',
    );
  });

  it('give the exact command that enrols an agent with this server', () => {
    expect(enrollCommand('https://itsm.example.org', 'itsm_ek_abc')).toBe(
      'npx itsm-agent enroll --server https://itsm.example.org --key itsm_ek_abc',
    );
  });

  it('expire at the end of the chosen local day', () => {
    const instant = expiryInstant('2026-12-31');
    expect(instant).toBe(new Date(2026, 11, 31, 23, 59, 59).toISOString());
    expect(expiryDay(instant)).toBe('2026-12-31');
    expect(expiryInstant('')).toBeNull();
    expect(expiryDay(null)).toBe('');
    expect(localDay(1, new Date(2026, 11, 31, 10))).toBe('2027-01-01');
  });
});
