import type { FieldError } from '@itsm/contracts';

/** A problem+json answer of the API, with its stable code and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGNED_OUT_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** The session's CSRF token, from the login answer or /auth/me; sent with every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, ended elsewhere). */
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Calls /api/v1 with a JSON body (or a FormData, sent as multipart: file uploads); resolves with the
 * JSON answer (undefined for 204), rejects with ApiError. `keepalive` lets the request outlive the
 * page (one sent as the tab closes).
 */
export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  { keepalive = false }: { keepalive?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      keepalive,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (response.status === 204 || response.status === 202) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const problem = (payload ?? {}) as {
    code?: string;
    detail?: string;
    title?: string;
    errors?: FieldError[];
  };
  const code = problem.code ?? `HTTP_${response.status}`;
  if (response.status === 401 && SIGNED_OUT_CODES.has(code) && path !== '/auth/me') onSignedOut?.();
  const retryAfter = Number(response.headers.get('retry-after')) || null;
  throw new ApiError(
    response.status,
    code,
    problem.detail ?? problem.title ?? response.statusText,
    problem.errors ?? [],
    retryAfter,
  );
}
