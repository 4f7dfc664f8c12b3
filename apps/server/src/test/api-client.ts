import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../db/types.js';
import { type AuthHeaders, DEFAULT_PASSWORD, factories, sessionHeaders, type TestUser } from './factories.js';
import { buildTestApp } from './test-app.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls /api/v1 routes of a test app with one caller's headers. */
export function apiClient(app: FastifyInstance, headers: AuthHeaders) {
  return (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload !== undefined && { payload: payload as object }),
    });
}

export type ApiClient = ReturnType<typeof apiClient>;

/** POSTs a creation with the client, which must answer 201: the created object. */
export async function created<T>(api: ApiClient, url: string, body: unknown): Promise<T> {
  const res = await api('POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as T;
}

export type AuditEntry = {
  action: string;
  actor: number | null;
  target_label: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
};

/** The audit log entries of one object, oldest first, as the client reads them. */
export async function auditOf(api: ApiClient, type: string, id: number): Promise<AuditEntry[]> {
  return (await api('GET', `/audit-log?target_type=${type}&target_id=${id}&ordering=id`)).json().results;
}

/** A fresh test app (see buildTestApp), its database and its factories: how an API test starts. */
export async function apiTestApp(options?: Parameters<typeof buildTestApp>[0]) {
  const t = await buildTestApp(options);
  return { t, db: t.app.database.db as Kysely<DB>, f: factories(t.app) };
}

/**
 * A new administrator (of `structure`, or of a structure of his own when none is given) with a
 * personal API token: his account, the token's headers, a client that sends them, and `refused` for it.
 */
export async function adminOf(app: FastifyInstance, structure?: number) {
  const f = factories(app);
  const admin = await f.user({ role: 'admin', structure });
  const headers = await f.token(admin);
  const api = apiClient(app, headers);
  return { admin, headers, api, refused: refusedWith(app.database.db as Kysely<DB>, api) };
}

/**
 * Calls the routes of a test app as a browser or a script would: any URL with the headers given.
 * `app` is read at each call, so that the helpers can be made before the app (in beforeAll) exists.
 */
export function authCalls(app: () => FastifyInstance) {
  const call = (method: Method, url: string, headers: AuthHeaders = {}, payload?: object) =>
    app().inject({ method, url, headers, ...(payload && { payload }) });
  return {
    call,
    /** GET /auth/me with these headers. */
    me: (headers: AuthHeaders) => call('GET', '/api/v1/auth/me', headers),
    /** POST /auth/login for this user (DEFAULT_PASSWORD unless given); see sessionOf for the session it opens. */
    login: (user: Pick<TestUser, 'username'>, password = DEFAULT_PASSWORD, headers: AuthHeaders = {}) =>
      call('POST', '/api/v1/auth/login', headers, { username: user.username, password }),
    /** The rows of a list route read with these headers; it must answer 200. */
    async results(url: string, headers: AuthHeaders) {
      const response = await call('GET', url, headers);
      expect(response.statusCode).toBe(200);
      return response.json().results as Array<Record<string, unknown>>;
    },
    sessionOf,
  };
}

/** The headers a browser would send after this sign-in (which must have succeeded): its cookie and CSRF token. */
export function sessionOf(response: LightMyRequestResponse): AuthHeaders {
  expect(response.statusCode, response.body).toBe(200);
  return sessionHeaders(response);
}

const IDENTITY_TABLES = [
  'structures',
  'sites',
  'groups',
  'group_members',
  'users',
  'sessions',
  'api_tokens',
  'one_time_tokens',
  'audit_log',
  'mail_outbox',
  'app_settings',
] as const;

// Bookkeeping of authentication itself (a token's or session's last use), and the delivery state of
// queued e-mails (sent in the background a moment after the request that queued them): not changes a
// later request made.
const VOLATILE = {
  last_used_at: null,
  last_used_ip: null,
  last_seen_at: null,
  status: null,
  attempts: null,
  locked_until: null,
  sent_at: null,
  last_error: null,
  next_attempt_at: null,
};

/** Every row of the identity tables, in a stable order: what a refused request must leave as it was. */
export async function identityRows(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of IDENTITY_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify({ ...row, ...VOLATILE })).sort();
  }
  return snapshot;
}

/** Asserts a problem+json answer: status, code and exactly the fields it names (any order). */
export function expectProblem(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
  fields?: string[],
): { code: string; detail?: string; errors?: Array<{ field: string; code: string; message: string }> } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  if (code !== undefined) expect(body.code).toBe(code);
  if (fields !== undefined) {
    expect([...new Set((body.errors ?? []).map((e: { field: string }) => e.field))].sort()).toEqual(
      [...fields].sort(),
    );
  }
  return body;
}

/** Sends a request that must be refused, and asserts that the identity tables did not change at all. */
export async function expectRefused(
  db: Kysely<DB>,
  send: () => Promise<LightMyRequestResponse>,
  status: number,
  code?: string,
  fields?: string[],
) {
  const before = await identityRows(db);
  const body = expectProblem(await send(), status, code, fields);
  expect(await identityRows(db)).toEqual(before);
  return body;
}

export type Refused = ReturnType<typeof refusedWith>;

/** expectRefused for one client: `refused(method, url, body, status, code, fields?)` sends the write with it. */
export function refusedWith(db: Kysely<DB>, api: ApiClient) {
  return (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body: unknown,
    status: number,
    code: string,
    fields?: string[],
  ) => expectRefused(db, () => api(method, url, body), status, code, fields);
}
