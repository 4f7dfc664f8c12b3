import type { Kysely } from 'kysely';
import { isUniqueViolation, violatedConstraint } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { createAuditLog } from '../../platform/audit/audit-log.js';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/password.js';
import type { Clock } from '../../platform/clock.js';
import { normalizeEmail, normalizeUsername } from './username.js';

export class AdminInputError extends Error {}

export type NewAdmin = {
  username: string;
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  mustChangePassword?: boolean;
};

const capitalise = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);

/** Creates an administrator from the command line (`itsm createadmin`) or at first start. */
export async function createAdmin(
  db: Kysely<DB>,
  input: NewAdmin,
  clock: Clock,
): Promise<{ id: number; username: string }> {
  const username = normalizeUsername(input.username);
  if (!username)
    throw new AdminInputError('username: expected @firstname.lastname.company (letters, digits, hyphens)');
  const email = normalizeEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AdminInputError('email: not an e-mail address');
  const [first = '', last = ''] = username.slice(1).split('.');
  const firstName = input.firstName ?? capitalise(first);
  const lastName = input.lastName ?? capitalise(last);
  const problem = checkPasswordPolicy(input.password, { username, email, firstName, lastName });
  if (problem) throw new AdminInputError(`password: ${problem.message}`);
  const hash = await hashPassword(input.password);
  const now = clock().toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({
          username,
          email,
          first_name: firstName,
          last_name: lastName,
          role: 'admin',
          password_hash: hash,
          must_change_password: input.mustChangePassword ?? false,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await createAuditLog(clock).record(
        trx,
        { actor: null },
        {
          action: 'user.created',
          target: { type: 'user', id: row.id, label: username },
          changes: { role: { before: null, after: 'admin' }, via: { before: null, after: 'command line' } },
        },
      );
      return { id: row.id, username };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const field = violatedConstraint(error).includes('email') ? 'email' : 'username';
      throw new AdminInputError(`${field}: already used by another account`);
    }
    throw error;
  }
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
