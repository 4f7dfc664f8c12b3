import type { Kysely } from 'kysely';
import type { DB, OneTimeTokenPurpose } from '../../db/types.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';

export const TOKEN_LIFETIME_MINUTES: Record<OneTimeTokenPurpose, number> = {
  password_reset: 60,
  invitation: 7 * 24 * 60,
};

// Links sent by e-mail: random, stored hashed, single use, short-lived; a new one voids the older ones.

export async function issueOneTimeToken(
  trx: Kysely<DB>,
  userId: number,
  purpose: OneTimeTokenPurpose,
  now: Date,
): Promise<string> {
  const token = randomToken(32);
  await trx
    .deleteFrom('one_time_tokens')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('one_time_tokens')
    .values({
      user_id: userId,
      purpose,
      token_hash: sha256Hex(token),
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000).toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

/** Marks the token used and returns its user, or null when it is unknown, used or expired. Atomic. */
export async function consumeOneTimeToken(
  trx: Kysely<DB>,
  token: string,
  now: Date,
): Promise<{ userId: number; purpose: OneTimeTokenPurpose } | null> {
  const row = await trx
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', sha256Hex(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning(['user_id', 'purpose'])
    .executeTakeFirst();
  return row ? { userId: row.user_id, purpose: row.purpose } : null;
}
