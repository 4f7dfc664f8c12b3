import { generate } from 'otplib';

/** The password of every account of `itsm seed` (apps/server/src/modules/users/identity.seed.ts). */
export const DEMO_PASSWORD = 'demo-itsm-2026';

export type DemoAccount = { username: string; firstName: string; role: 'admin' | 'technician' | 'user' };

/**
 * Demo accounts of `itsm seed`. The tests that change an account use one no other test signs in with
 * (MFA: Julien; language: Hélène, set back to French); the session-expiry test ends Claire's sessions,
 * which only that test's browser still holds.
 */
export const demo = {
  admin: { username: '@claire.rousseau.demo', firstName: 'Claire', role: 'admin' },
  technician: { username: '@marc.lefevre.demo', firstName: 'Marc', role: 'technician' },
  user: { username: '@helene.dubois.demo', firstName: 'Hélène', role: 'user' },
  /** Enrolled in MFA by the sign-in suite. */
  mfaTechnician: { username: '@julien.moreau.demo', firstName: 'Julien', role: 'technician' },
} as const satisfies Record<string, DemoAccount>;

/** The TOTP code of a secret, `offsetSeconds` from now (the server accepts one 30 s step either side). */
export function totp(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}
