import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './client.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it('reads seconds and HTTP dates, caps at a day, ignores the unreadable', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 24 Nov 2026 12:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('999999', now)).toBe(86_400_000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
  });
});
