// Brute-force protection, as a pure rule: every attempt is counted before the password is checked
// (so parallel attempts cannot slip through), a success clears the account's count, and past the
// allowance the key is locked; each lock that runs out lets one attempt through and the next lock doubles.

export type ThrottleLimits = {
  /** Attempts allowed before the first lock. */
  allowance: number;
  /** First lock, doubled at each further attempt after a lock. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** A key unused for this long starts again from zero. */
  forgetAfterSeconds: number;
};

export const ACCOUNT_LIMITS: ThrottleLimits = {
  allowance: 5,
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  forgetAfterSeconds: 3600,
};

/** Higher than per account: many people may sign in from one office address. */
export const IP_LIMITS: ThrottleLimits = {
  allowance: 50,
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  forgetAfterSeconds: 3600,
};

export type ThrottleState = {
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
  updated_at: string;
};

export type AttemptDecision =
  | { allowed: true; next: ThrottleState }
  | { allowed: false; retryAfterSeconds: number; next: ThrottleState; lockedNow: boolean };

export function registerAttempt(
  state: ThrottleState | undefined,
  now: Date,
  limits: ThrottleLimits,
): AttemptDecision {
  const nowIso = now.toISOString();
  if (state?.locked_until && state.locked_until > nowIso) {
    return {
      allowed: false,
      retryAfterSeconds: Math.ceil((Date.parse(state.locked_until) - now.getTime()) / 1000),
      next: state,
      lockedNow: false,
    };
  }
  const forgotten = !state || now.getTime() - Date.parse(state.updated_at) > limits.forgetAfterSeconds * 1000;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const first = forgotten ? nowIso : state.first_failure_at;
  if (failures <= limits.allowance) {
    return {
      allowed: true,
      next: { failures, first_failure_at: first, locked_until: null, updated_at: nowIso },
    };
  }
  const lockSeconds = Math.min(
    limits.firstLockSeconds * 2 ** (failures - limits.allowance - 1),
    limits.maxLockSeconds,
  );
  const lockedUntil = new Date(now.getTime() + lockSeconds * 1000).toISOString();
  const next = { failures, first_failure_at: first, locked_until: lockedUntil, updated_at: nowIso };
  // A lock that has run out gives one attempt, as Retry-After promised; it arms the next, longer lock
  // at once (parallel attempts meet it), which a success clears with the key.
  if (!forgotten && state.locked_until !== null) return { allowed: true, next };
  return {
    allowed: false,
    retryAfterSeconds: lockSeconds,
    next,
    lockedNow: true,
  };
}
