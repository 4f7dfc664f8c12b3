export type BackoffOptions = { baseMs?: number; maxMs?: number };

/**
 * Delay before the next try after `attempt` failures (1 after the first): exponential backoff with
 * "full jitter", uniform in [0, min(maxMs, baseMs * 2^(attempt - 1))). The jitter spreads the retries of
 * the many agents that lost the server at the same moment, so they do not all come back together.
 */
export function backoffDelay(
  attempt: number,
  { baseMs = 5_000, maxMs = 15 * 60_000 }: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  }
  // The exponent is capped so that a huge attempt count gives maxMs, never Infinity or NaN.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.floor(random() * ceiling);
}
