import { describe, expect, it } from 'vitest';
import { signToken, verifySignedToken } from './signed-token.js';

const KEY = 's'.repeat(48);
const now = new Date('2026-11-24T10:00:00Z');
const later = new Date(now.getTime() + 5 * 60_000);

describe('signed tokens', () => {
  it('gives back the payload before expiry only', () => {
    const token = signToken(KEY, 'mfa', '42', later);
    expect(verifySignedToken(KEY, 'mfa', token, now)).toBe('42');
    expect(verifySignedToken(KEY, 'mfa', token, later)).toBeNull();
  });

  it('refuses another purpose, another key and any tampering', () => {
    const token = signToken(KEY, 'mfa', '42', later);
    expect(verifySignedToken(KEY, 'reset', token, now)).toBeNull();
    expect(verifySignedToken('t'.repeat(48), 'mfa', token, now)).toBeNull();
    const [, expiry, sig] = token.split('.');
    expect(
      verifySignedToken(KEY, 'mfa', [Buffer.from('1').toString('base64url'), expiry, sig].join('.'), now),
    ).toBeNull();
    expect(verifySignedToken(KEY, 'mfa', 'garbage', now)).toBeNull();
  });
});
