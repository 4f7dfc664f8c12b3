import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { createAuditLog } from '../../../platform/audit/audit-log.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { ApiClient } from '../../../test/api-client.js';
import type { TestUser } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { createSettingsRepository } from '../../settings/settings.repository.js';
import { DEFAULT_PRIORITY_MATRIX } from '../priority.js';
import { createTicketSettings } from './index.js';
import { configTestApp, refusedIn } from './test-support.js';

const FLAT = [1, 2, 3, 4, 5].map(() => [3, 3, 3, 3, 3]);

describe('ticket settings API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let api: ApiClient;
  let techApi: ApiClient;
  let userApi: ApiClient;
  let admin: TestUser;
  let refused: ReturnType<typeof refusedIn>;

  beforeAll(async () => {
    ({ t, db, api, techApi, userApi, admin } = await configTestApp());
    refused = refusedIn(db, api);
  });
  afterAll(() => t?.close());

  it('starts from the defaults, which everyone signed in reads', async () => {
    for (const client of [api, techApi, userApi]) {
      const res = await client('GET', '/ticket-settings');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ priority_matrix: DEFAULT_PRIORITY_MATRIX, auto_close_days: 7 });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/ticket-settings' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets administrators change them, audited, and nobody else', async () => {
    await refusedIn(db, techApi)('PATCH', '/ticket-settings', { auto_close_days: 3 }, 403, 'FORBIDDEN');
    await refusedIn(db, userApi)('PATCH', '/ticket-settings', { auto_close_days: 3 }, 403, 'FORBIDDEN');

    const days = await api('PATCH', '/ticket-settings', { auto_close_days: 0 });
    expect(days.json()).toEqual({ priority_matrix: DEFAULT_PRIORITY_MATRIX, auto_close_days: 0 });
    const matrix = await api('PATCH', '/ticket-settings', { priority_matrix: FLAT });
    expect(matrix.json()).toEqual({ priority_matrix: FLAT, auto_close_days: 0 });
    expect((await userApi('GET', '/ticket-settings')).json().priority_matrix).toEqual(FLAT);

    const entries = (await api('GET', '/audit-log?action=settings.tickets_updated&ordering=id')).json()
      .results;
    expect(entries.map((e: { changes: unknown }) => e.changes)).toEqual([
      { auto_close_days: { before: 7, after: 0 } },
      { priority_matrix: { before: DEFAULT_PRIORITY_MATRIX, after: FLAT } },
    ]);
    // Sending the same values changes and records nothing.
    const again = await api('PATCH', '/ticket-settings', { auto_close_days: 0, priority_matrix: FLAT });
    expect(again.statusCode).toBe(200);
    expect((await api('GET', '/audit-log?action=settings.tickets_updated')).json().count).toBe(2);
  });

  it('refuses a matrix that lowers the priority, or is not 5 × 5 levels, naming the field', async () => {
    const lowering = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]);
    (lowering[4] as number[])[4] = 1;
    const problem = await refused(
      'PATCH',
      '/ticket-settings',
      { priority_matrix: lowering },
      400,
      'VALIDATION_FAILED',
      ['priority_matrix'],
    );
    expect(problem.detail).toContain('urgency 5, impact 5');
    await refused('PATCH', '/ticket-settings', { priority_matrix: FLAT.slice(1) }, 400, 'VALIDATION_FAILED', [
      'priority_matrix',
    ]);
    const six = FLAT.map((row, i) => (i === 2 ? [...row.slice(0, 4), 6] : row));
    await refused('PATCH', '/ticket-settings', { priority_matrix: six }, 400, 'VALIDATION_FAILED', [
      'priority_matrix.2.4',
    ]);
    await refused(
      'PATCH',
      '/ticket-settings',
      { auto_close_days: 400, colour: 1 },
      400,
      'VALIDATION_FAILED',
      ['auto_close_days', 'colour'],
    );
  });

  it('serves the ticket service from a short cache, dropped at once by its own changes', async () => {
    const settings = createTicketSettings({
      db,
      clock: () => new Date(),
      audit: createAuditLog(() => new Date()),
    });
    const first = await settings.get();
    expect(first.priority_matrix).toEqual(FLAT);
    // A change made elsewhere (another node) shows after the cache expires, not at once.
    await createSettingsRepository(db).set('tickets.auto_close_days', 12, new Date());
    expect((await settings.get()).auto_close_days).toBe(0);
    const actor = { id: admin.id, username: admin.username, role: 'admin' } as Actor;
    const context = { ip: '127.0.0.1', userAgent: null, requestId: 'test', baseUrl: 'http://localhost' };
    await settings.update(actor, { auto_close_days: 14 }, context);
    expect(await settings.get()).toEqual({ priority_matrix: FLAT, auto_close_days: 14 });

    // A stored value that is not a valid one gives way to the default.
    await createSettingsRepository(db).set('tickets.priority_matrix', [[9]], new Date());
    await createSettingsRepository(db).set('tickets.auto_close_days', 'soon', new Date());
    expect((await api('GET', '/ticket-settings')).json()).toEqual({
      priority_matrix: DEFAULT_PRIORITY_MATRIX,
      auto_close_days: 7,
    });
  });
});
