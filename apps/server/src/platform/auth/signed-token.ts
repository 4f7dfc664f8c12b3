import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../crypto.js';

// Short-lived stateless tokens (the MFA step of a login): `<payload>.<expiry ms>.<HMAC>`,
// keyed by the instance secret and a purpose, so a token of one purpose is worthless for another.

function signature(secretKey: string, purpose: string, body: string): string {
  return createHmac('sha256', secretKey).update(`${purpose}:${body}`).digest('base64url');
}

export function signToken(secretKey: string, purpose: string, payload: string, expiresAt: Date): string {
  const body = `${Buffer.from(payload).toString('base64url')}.${expiresAt.getTime()}`;
  return `${body}.${signature(secretKey, purpose, body)}`;
}

/** The payload, or null when the token is malformed, forged, of another purpose or expired. */
export function verifySignedToken(
  secretKey: string,
  purpose: string,
  token: string,
  now: Date,
): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [payload, expiry, sig] = parts as [string, string, string];
  const body = `${payload}.${expiry}`;
  if (!constantTimeEqual(sig, signature(secretKey, purpose, body))) return null;
  if (!/^\d+$/.test(expiry) || Number(expiry) <= now.getTime()) return null;
  return Buffer.from(payload, 'base64url').toString('utf8');
}
