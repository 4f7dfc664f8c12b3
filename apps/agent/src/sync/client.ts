import { gzipSync } from 'node:zlib';

// The agent's HTTP client: JSON over fetch to its own server and nowhere else.

/** Why a call failed, which decides what the queue does with the entry. */
export type FailureKind =
  /** Network down, timeout, 5xx, 429, 409 in progress: try again later. */
  | 'retry'
  /** The machine token is refused: the agent must be enrolled again. */
  | 'unauthorized'
  /** The server refuses the content itself (4xx): sending it again changes nothing. */
  | 'rejected';

export class ServerError extends Error {
  override name = 'ServerError';
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status: number | null,
    readonly code: string | null,
    /** The server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export type CallOptions = {
  token?: string;
  gzip?: boolean;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  timeoutMs?: number;
  method?: 'GET' | 'POST';
};

const DEFAULT_TIMEOUT_MS = 30_000;

function failureOf(status: number, code: string | null): FailureKind {
  if (status === 401 && code === 'INVALID_MACHINE_TOKEN') return 'unauthorized';
  if (status >= 500 || status === 429 || status === 408 || code === 'IDEMPOTENCY_IN_PROGRESS') return 'retry';
  return 'rejected';
}

/** Retry-After in seconds or as an HTTP date, in ms from now (capped at a day); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 86_400_000) : null;
}

/** Calls `server` + `/api/v1` + `path`; resolves with the JSON answer (null for 204). */
export async function callServer<T>(
  server: string,
  path: string,
  body: unknown,
  options: CallOptions = {},
): Promise<T> {
  const json = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': 'itsm-agent',
    ...(json !== undefined && { 'content-type': 'application/json' }),
    ...(options.token && { authorization: `Agent ${options.token}` }),
    ...(options.idempotencyKey && { 'idempotency-key': options.idempotencyKey }),
    ...(options.gzip && json !== undefined && { 'content-encoding': 'gzip' }),
    ...options.headers,
  };
  let response: Response;
  try {
    response = await fetch(`${server}/api/v1${path}`, {
      method: options.method ?? (json === undefined ? 'GET' : 'POST'),
      headers,
      body: json === undefined ? undefined : options.gzip ? gzipSync(json) : json,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new ServerError(`${server} unreachable: ${cause ?? (error as Error).message}`, 'retry', null, null);
  }
  if (response.status === 204) return null as T;
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: treated by status below.
  }
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; title?: string };
    const code = problem.code ?? null;
    throw new ServerError(
      `${response.status} ${code ?? ''} ${problem.detail ?? problem.title ?? text.slice(0, 200)}`.trim(),
      failureOf(response.status, code),
      response.status,
      code,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  return parsed as T;
}
