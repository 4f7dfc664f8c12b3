import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, adminOf, apiClient, apiTestApp, expectProblem } from '../../../test/api-client.js';

// Shared by the API tests of the help desk configuration.

/** The app with an administrator, a technician and a user of one structure, each with a client. */
export async function configTestApp() {
  const { t, db, f } = await apiTestApp();
  const structure = (await f.structure()).id;
  const { admin, api } = await adminOf(t.app, structure);
  const tech = await f.user({ role: 'technician', structure });
  const user = await f.user({ role: 'user', structure });
  return {
    t,
    db,
    f,
    structure,
    admin,
    api,
    tech,
    techApi: apiClient(t.app, await f.token(tech)),
    user,
    userApi: apiClient(t.app, await f.token(user)),
  };
}

const CONFIG_TABLES = [
  'business_calendars',
  'slas',
  'escalation_levels',
  'ticket_categories',
  'sla_rules',
  'assignment_rules',
  'canned_responses',
  'app_settings',
  'tickets',
  'audit_log',
] as const;

/** Every row of the configuration tables (and the audit log), in a stable order. */
export async function configRows(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of CONFIG_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** `refused(method, url, body, status, code, fields?)`: the call must fail so, and change no configuration row. */
export function refusedIn(db: Kysely<DB>, api: ApiClient) {
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body: unknown,
    status: number,
    code: string,
    fields?: string[],
  ) => {
    const before = await configRows(db);
    const problem = expectProblem(await api(method, url, body), status, code, fields);
    expect(await configRows(db)).toEqual(before);
    return problem;
  };
}

/** Monday to Friday, 09:00–12:30 and 13:30–18:00. */
export const OFFICE_HOURS = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((day) => [
    day,
    [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ],
  ]),
);

/** Targets for priorities 1 … 5, `factor` times the usual ones (minutes). */
export function targets(factor = 1) {
  const base: Record<string, [number, number]> = {
    '1': [480, 2400],
    '2': [240, 1440],
    '3': [120, 960],
    '4': [60, 480],
    '5': [30, 240],
  };
  return Object.fromEntries(
    Object.entries(base).map(([p, [first, resolution]]) => [
      p,
      { first_response_minutes: first * factor, resolution_minutes: resolution * factor },
    ]),
  );
}

/** A ticket row straight into the table (the ticket API is not needed to prove a reference holds). */
export async function insertTicket(
  db: Kysely<DB>,
  values: { requester: number; structure: number; category?: number | null; sla?: number | null },
) {
  return db
    .insertInto('tickets')
    .values({
      title: 'Imprimante en panne',
      description: '',
      type: 'incident',
      status: 'new',
      urgency: 3,
      impact: 3,
      priority: 3,
      requester_id: values.requester,
      structure_id: values.structure,
      category_id: values.category ?? null,
      sla_id: values.sla ?? null,
      source: 'web',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

let sequence = 0;
/** A name never used before in this process. */
export const uniqueName = (prefix: string) => `${prefix} ${process.pid}-${++sequence}`;
