import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import anyAscii from 'any-ascii';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

type ScryptParams = { N: number; r: number; p: number };

// Raising these later is safe: stored hashes carry their own parameters and needsRehash() flags old ones.
const CURRENT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

// Bounds on parameters read back from storage, so that a corrupted row cannot make one login cost minutes.
const LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16, minKey: 16, maxKey: 64 };

type ParsedHash = ScryptParams & { salt: Buffer; hash: Buffer };

function derive(
  password: string,
  salt: Buffer,
  keyLength: number,
  { N, r, p }: ScryptParams,
): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node's 32 MiB default is just too small for N = 2^15, r = 8.
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
  // NFC so that "é" typed as one code point or as e + accent is the same password on every device.
  const input = password.normalize('NFC');
  return new Promise((resolve, reject) => {
    scrypt(input, salt, keyLength, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parse(encoded: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = encoded.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined || rest.length > 0) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const isPowerOfTwo = Number.isSafeInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!isPowerOfTwo || params.N > LIMITS.maxN) return null;
  if (!Number.isSafeInteger(params.r) || params.r < 1 || params.r > LIMITS.maxR) return null;
  if (!Number.isSafeInteger(params.p) || params.p < 1 || params.p > LIMITS.maxP) return null;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  if (saltBytes.length === 0 || hashBytes.length < LIMITS.minKey || hashBytes.length > LIMITS.maxKey)
    return null;
  return { ...params, salt: saltBytes, hash: hashBytes };
}

function encode({ N, r, p, salt, hash }: ParsedHash): string {
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Hashes a password with scrypt: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, KEY_BYTES, CURRENT);
  return encode({ ...CURRENT, salt, hash });
}

/** True when the password matches; false for a wrong password and for a malformed or tampered hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(key, parsed.hash);
}

let dummyHash: string | undefined;

/** Costs one real verification, so that an unknown login answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  // Random bytes stand in for a hash: the scrypt work is identical and nothing can ever match it.
  dummyHash ??= encode({ ...CURRENT, salt: randomBytes(SALT_BYTES), hash: randomBytes(KEY_BYTES) });
  await verifyPassword(password, dummyHash);
  return false;
}

/** True when the stored hash is unreadable or was made with other parameters than today's. */
export function needsRehash(encoded: string): boolean {
  const parsed = parse(encoded);
  return (
    !parsed ||
    parsed.N !== CURRENT.N ||
    parsed.r !== CURRENT.r ||
    parsed.p !== CURRENT.p ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.hash.length !== KEY_BYTES
  );
}

export type PasswordProblem = {
  code: 'too_short' | 'too_long' | 'common' | 'personal';
  message: string;
};

export type PasswordContext = {
  username?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
};

// Personal words shorter than this ("jo", "li") would reject too many good passwords.
const PERSONAL_MIN_LENGTH = 4;

let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

function personalWords({ username, email, firstName, lastName }: PasswordContext): string[] {
  const at = email?.lastIndexOf('@') ?? -1;
  const sources = [
    ...(username ?? '').replace(/^@/, '').split('.'),
    at > 0 ? (email ?? '').slice(0, at) : (email ?? ''),
    firstName ?? '',
    lastName ?? '',
  ];
  const words = new Set<string>();
  for (const source of sources) {
    const lower = source.trim().toLowerCase();
    for (const word of [lower, ...lower.split(/[^\p{L}\p{N}]+/u)]) {
      words.add(word);
      words.add(anyAscii(word).toLowerCase());
    }
  }
  return [...words].filter((word) => [...word].length >= PERSONAL_MIN_LENGTH);
}

/** The first rule the password breaks, or null when it is acceptable. Messages are shown to the user. */
export function checkPasswordPolicy(password: string, context: PasswordContext): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { code: 'too_short', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { code: 'too_long', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  if (isCommon(password)) {
    return {
      code: 'common',
      message: 'This password is among the most commonly used ones. Choose a less predictable password.',
    };
  }
  const lower = password.toLowerCase();
  const forms = [lower, anyAscii(lower).toLowerCase()];
  if (personalWords(context).some((word) => forms.some((form) => form.includes(word)))) {
    return {
      code: 'personal',
      message: 'Do not use your name, username or e-mail address in your password.',
    };
  }
  return null;
}
