import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { RequestContext } from '../../platform/auth/actor.js';

export type LoginMethod = 'session' | 'token' | 'mfa';
export type FailureReason =
  | 'unknown_user'
  | 'bad_password'
  | 'inactive'
  | 'no_password'
  | 'locked'
  | 'bad_otp'
  | 'mfa_missing';

/** One line of the login journal (the spec's JournalConnexion), for every attempt. */
export async function recordLoginEvent(
  db: Kysely<DB>,
  event: {
    userId: number | null;
    usernameTried: string;
    method: LoginMethod;
    failure: FailureReason | null;
    context: RequestContext;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('login_events')
    .values({
      user_id: event.userId,
      username_tried: event.usernameTried.slice(0, 254),
      is_success: event.failure === null,
      failure_reason: event.failure,
      method: event.method,
      ip: event.context.ip,
      user_agent: event.context.userAgent,
      created_at: event.now.toISOString(),
    })
    .execute();
}
