export type Readiness = 'checking' | 'ready' | 'not_ready' | 'unreachable';

/**
 * Maps an answer of `GET /readyz` to a readiness state. 503 is the server saying "not ready";
 * any other failure (proxy 502/504, HTML error page) means we did not reach a healthy server.
 */
export function readinessFromResponse(status: number, body: unknown): Readiness {
  if (status === 200) {
    const ready =
      typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ready';
    return ready ? 'ready' : 'not_ready';
  }
  if (status === 503) return 'not_ready';
  return 'unreachable';
}
