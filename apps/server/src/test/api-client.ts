import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../db/types.js';
import type { AuthHeaders } from './factories.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

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

// Bookkeeping of authentication itself (a token's or session's last use), not a change the request made.
const VOLATILE = { last_used_at: null, last_used_ip: null, last_seen_at: null };

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
