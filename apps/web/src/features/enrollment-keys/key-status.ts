import type { EnrollmentKey } from '@itsm/contracts';

export type KeyStatus = 'usable' | 'revoked' | 'expired' | 'exhausted';

/**
 * Why a key may or may not enrol machines at `now`: revoked first (a decision), then expired, then
 * used up. The server's `is_usable` says the same in one boolean.
 */
export function keyStatus(
  key: Pick<EnrollmentKey, 'revoked_at' | 'expires_at' | 'max_uses' | 'uses'>,
  now: number,
): KeyStatus {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= now) return 'expired';
  if (key.max_uses !== null && key.uses >= key.max_uses) return 'exhausted';
  return 'usable';
}

/** The command that enrols a computer's agent with this server and key. */
export const enrollCommand = (origin: string, key: string) =>
  `npx itsm-agent enroll --server ${origin} --key ${key}`;

/** `YYYY-MM-DD` of a day from today, in local time. */
export function localDay(offsetDays: number, from = new Date()): string {
  const d = new Date(from);
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day (local) of an expiry instant, for the date field; '' for none. */
export function expiryDay(expiresAt: string | null): string {
  if (!expiresAt) return '';
  const date = new Date(expiresAt);
  return Number.isNaN(date.getTime()) ? '' : localDay(0, date);
}

/** The end of a chosen day in the user's time zone, as the API's instant; null for no expiry. */
export function expiryInstant(day: string): string | null {
  return day ? new Date(`${day}T23:59:59`).toISOString() : null;
}
