import anyAscii from 'any-ascii';
import { AppError } from '../../platform/errors/app-error.js';

/** Longest part of a username (first name, last name or company). */
export const USERNAME_PART_MAX_LENGTH = 50;

const PART = `[a-z0-9](?:[a-z0-9-]{0,${USERNAME_PART_MAX_LENGTH - 2}}[a-z0-9])?`;

/** `@firstname.lastname.company`: three parts of lowercase ASCII letters, digits and inner hyphens. */
export const USERNAME_PATTERN = new RegExp(`^@${PART}\\.${PART}\\.${PART}$`);

const PART_PATTERN = new RegExp(`^${PART}$`);

// Highest numeric suffix tried before giving up; reaching it means something else is wrong.
const MAX_SUFFIX = 10_000;

/** Trims, lowercases and adds the leading `@`; null when the result is not a valid username. */
export function normalizeUsername(input: string): string | null {
  const lower = input.trim().toLowerCase();
  const candidate = lower.startsWith('@') ? lower : `@${lower}`;
  return USERNAME_PATTERN.test(candidate) ? candidate : null;
}

/** One username part from free text: "Hélène" → "helene", "Jean Pierre" → "jean-pierre", "O'Brien" → "obrien". */
export function usernamePart(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[\s._/,-]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, USERNAME_PART_MAX_LENGTH)
    .replace(/-+$/, '');
}

/**
 * The first free username for a person: `@helene.lefevre.acme`, then `@helene.lefevre2.acme`, 3, …
 * `isTaken` is only a hint: the unique index remains the arbiter when two requests race.
 */
export async function suggestUsername(
  firstName: string,
  lastName: string,
  company: string,
  isTaken: (candidate: string) => boolean | Promise<boolean>,
): Promise<string> {
  const first = requiredPart('first name', firstName);
  const last = requiredPart('last name', lastName);
  const org = requiredPart('company', company);

  for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
    const tail = suffix === 1 ? '' : String(suffix);
    const lastWithSuffix = `${last.slice(0, USERNAME_PART_MAX_LENGTH - tail.length)}${tail}`;
    const candidate = `@${first}.${lastWithSuffix}.${org}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free username found for @${first}.${last}.${org} after ${MAX_SUFFIX} attempts`);
}

function requiredPart(label: string, text: string): string {
  const part = usernamePart(text);
  if (!PART_PATTERN.test(part)) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `Cannot build a username: the ${label} "${text}" contains no letter or digit usable in a username.`,
    });
  }
  return part;
}

export type LoginIdentifier = { kind: 'email'; value: string } | { kind: 'username'; value: string };

/** Login accepts the e-mail address or the username, with or without its leading `@`. */
export function parseLoginIdentifier(input: string): LoginIdentifier {
  const trimmed = input.trim();
  if (trimmed.lastIndexOf('@') > 0) return { kind: 'email', value: normalizeEmail(trimmed) };
  const lower = trimmed.toLowerCase();
  return { kind: 'username', value: lower.startsWith('@') ? lower : `@${lower}` };
}

/** E-mail addresses are compared trimmed and lowercased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
