import { randomInt } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { sha256Hex } from '../crypto.js';

// What every authenticator app supports: SHA-1, 6 digits, 30-second steps.
const DIGITS = 6;
const PERIOD_SECONDS = 30;
// One step either side absorbs clock drift between the phone and the server.
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const SECRET_BYTES = 20;

const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'; // no 0/o, 1/l/i
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

/** A new base32 TOTP secret of 160 bits. */
export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The otpauth:// URI that authenticator apps read from the QR code. */
export function totpUri({
  issuer,
  account,
  secret,
}: {
  issuer: string;
  account: string;
  secret: string;
}): string {
  return generateURI({
    issuer,
    label: account,
    secret,
    algorithm: 'sha1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** The URI as an SVG QR code in a data: URL, rendered locally (the secret never leaves the server). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function epochSeconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

/** The current code for a secret; for tests and test helpers. */
export function generateTotp(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: epochSeconds(now), digits: DIGITS, period: PERIOD_SECONDS });
}

export type TotpVerification = { valid: false } | { valid: true; timeStep: number };

/**
 * Checks a code against the steps around `now`. A code whose step is ≤ `afterTimeStep` (the last one
 * accepted for this user) is refused, so that a code seen over a shoulder cannot be replayed.
 */
export async function verifyTotp({
  secret,
  code,
  afterTimeStep,
  now,
}: {
  secret: string;
  code: string;
  afterTimeStep?: number | null;
  now: Date;
}): Promise<TotpVerification> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d+$/.test(token) || token.length !== DIGITS) return { valid: false };

  const epoch = epochSeconds(now);
  const lastStep = Math.floor((epoch + TOLERANCE_SECONDS) / PERIOD_SECONDS);
  // otplib throws when afterTimeStep is beyond the window; then no step is acceptable anyway.
  if (afterTimeStep != null && afterTimeStep >= lastStep) return { valid: false };

  const result = await verify({
    secret,
    token,
    epoch,
    epochTolerance: TOLERANCE_SECONDS,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    ...(afterTimeStep != null && afterTimeStep >= 0 ? { afterTimeStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return { valid: false };
  return { valid: true, timeStep: result.timeStep };
}

/** One-time recovery codes such as `k7f3-9xq2-mm4p` (12 characters of a 31-letter alphabet: 59 bits). */
export function newRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const groups = Array.from({ length: RECOVERY_GROUPS }, () =>
      Array.from(
        { length: RECOVERY_GROUP_LENGTH },
        () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
      ).join(''),
    );
    codes.add(groups.join('-'));
  }
  return [...codes];
}

/** The canonical form of a typed recovery code: "K7F3 9XQ2MM4P" → "k7f3-9xq2-mm4p". */
export function normalizeRecoveryCode(input: string): string {
  const compact = input.toLowerCase().replace(/[\s-]+/g, '');
  if (compact.length !== RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH) return compact;
  const groups = [];
  for (let i = 0; i < compact.length; i += RECOVERY_GROUP_LENGTH) {
    groups.push(compact.slice(i, i + RECOVERY_GROUP_LENGTH));
  }
  return groups.join('-');
}

/** How a recovery code is stored and looked up: sha256Hex of its canonical form. */
export function hashRecoveryCode(input: string): string {
  return sha256Hex(normalizeRecoveryCode(input));
}
