import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, auditOf, created } from '../../../test/api-client.js';
import type { TestUser } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { configTestApp, insertTicket, OFFICE_HOURS, refusedIn, targets, uniqueName } from './test-support.js';

type Calendar = { id: number; name: string; time_zone: string; hours: unknown; holidays: string[] };
type Sla = {
  id: number;
  name: string;
  calendar: number | null;
  targets: Record<string, { first_response_minutes: number; resolution_minutes: number }>;
  warning_shares: number[];
  is_default: boolean;
  is_active: boolean;
};

describe('business calendars and SLAs API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let api: ApiClient;
  let techApi: ApiClient;
  let refused: ReturnType<typeof refusedIn>;
  let structure: number;
  let user: TestUser;

  const calendar = (body: Record<string, unknown> = {}) =>
    created<Calendar>(api, '/calendars', {
      name: uniqueName('Heures ouvrées'),
      time_zone: 'Europe/Paris',
      hours: OFFICE_HOURS,
      ...body,
    });
  const sla = (body: Record<string, unknown> = {}) =>
    created<Sla>(api, '/slas', { name: uniqueName('SLA'), targets: targets(), ...body });
  const defaults = async () =>
    (await db.selectFrom('slas').select('id').where('is_default', '=', true).execute()).map((r) => r.id);

  beforeAll(async () => {
    ({ t, db, api, techApi, structure, user } = await configTestApp());
    refused = refusedIn(db, api);
  });
  afterAll(() => t?.close());

  it('stores a calendar with its hours and sorted holidays; technicians read it', async () => {
    const paris = await calendar({ holidays: ['2026-12-25', '2026-11-11', '2026-12-25'] });
    expect(paris).toMatchObject({ time_zone: 'Europe/Paris', hours: OFFICE_HOURS });
    expect(paris.holidays).toEqual(['2026-11-11', '2026-12-25']);
    expect((await techApi('GET', `/calendars/${paris.id}`)).json()).toEqual(paris);
    const list = (await techApi('GET', `/calendars?search=${encodeURIComponent(paris.name)}`)).json();
    expect(list.results).toEqual([paris]);

    // A PATCH of the name keeps the holidays (no default comes back).
    const renamed = await api('PATCH', `/calendars/${paris.id}`, { name: `${paris.name} bis` });
    expect(renamed.json().holidays).toEqual(['2026-11-11', '2026-12-25']);
    const saturday = { ...OFFICE_HOURS, '6': [{ start: '09:00', end: '12:00' }] };
    expect((await api('PATCH', `/calendars/${paris.id}`, { hours: saturday })).json().hours).toEqual(
      saturday,
    );
    const audit = await auditOf(api, 'calendar', paris.id);
    expect(audit.map((e) => e.action)).toEqual(['calendar.created', 'calendar.updated', 'calendar.updated']);
    expect(Object.keys(audit[2]?.changes ?? {})).toEqual(['hours']);
  });

  it('refuses a calendar that could not run a clock, naming time_zone or hours', async () => {
    const body = { name: 'Faux', time_zone: 'Europe/Paris', hours: OFFICE_HOURS };
    await refused('POST', '/calendars', { ...body, time_zone: 'Mars/Olympus' }, 400, 'VALIDATION_FAILED', [
      'time_zone',
    ]);
    await refused('POST', '/calendars', { ...body, hours: {} }, 400, 'VALIDATION_FAILED', ['hours']);
    const reversed = { '1': [{ start: '18:00', end: '09:00' }] };
    await refused('POST', '/calendars', { ...body, hours: reversed }, 400, 'VALIDATION_FAILED', ['hours']);
    const overlap = {
      '2': [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '18:00' },
      ],
    };
    await refused('POST', '/calendars', { ...body, hours: overlap }, 400, 'VALIDATION_FAILED', ['hours']);
    await refused('POST', '/calendars', { ...body, hours: { '8': [] } }, 400, 'VALIDATION_FAILED', [
      'hours.8',
    ]);
    await refused('POST', '/calendars', { ...body, holidays: ['25/12/2026'] }, 400, 'VALIDATION_FAILED', [
      'holidays.0',
    ]);
    const existing = await calendar();
    await refused('PATCH', `/calendars/${existing.id}`, { time_zone: 'Nowhere' }, 400, 'VALIDATION_FAILED', [
      'time_zone',
    ]);
    await refused('POST', '/calendars', { ...body, name: existing.name }, 409, 'NAME_TAKEN', ['name']);
    expect((await techApi('POST', '/calendars', body)).statusCode).toBe(403);
  });

  it('refuses to delete a calendar an SLA counts in; deletes it once free', async () => {
    const busy = await calendar();
    const counting = await sla({ calendar: busy.id });
    const problem = await refused('DELETE', `/calendars/${busy.id}`, undefined, 409, 'IN_USE');
    expect(problem).toMatchObject({ usage: { SLAs: 1 } });
    await api('PATCH', `/slas/${counting.id}`, { calendar: null });
    expect((await api('DELETE', `/calendars/${busy.id}`)).statusCode).toBe(204);
    await refused('GET', `/calendars/${busy.id}`, undefined, 404, 'CALENDAR_NOT_FOUND');
  });

  it('creates SLAs with targets per priority and sorted, unique warning shares', async () => {
    const paris = await calendar();
    const standard = await sla({ calendar: paris.id, warning_shares: [1, 0.5, 0.75, 0.5] });
    expect(standard).toMatchObject({ calendar: paris.id, warning_shares: [0.5, 0.75, 1], is_active: true });
    expect(standard.targets['5']).toEqual({ first_response_minutes: 30, resolution_minutes: 240 });
    const plain = await sla();
    expect(plain).toMatchObject({ calendar: null, warning_shares: [0.75, 1], is_default: false });
    // PATCH leaves out what it does not send.
    const patched = await api('PATCH', `/slas/${standard.id}`, { description: 'Contrat de base' });
    expect(patched.json()).toMatchObject({
      warning_shares: [0.5, 0.75, 1],
      calendar: paris.id,
      is_active: true,
    });
    expect((await techApi('GET', `/slas/${standard.id}`)).json().description).toBe('Contrat de base');

    const slow = { ...targets(), '3': { first_response_minutes: 2000, resolution_minutes: 1000 } };
    await refused('POST', '/slas', { name: 'Lent', targets: slow }, 400, 'VALIDATION_FAILED', [
      'targets.3.first_response_minutes',
    ]);
    const missing = { ...targets(), '5': undefined };
    await refused('POST', '/slas', { name: 'Incomplet', targets: missing }, 400, 'VALIDATION_FAILED', [
      'targets.5',
    ]);
    await refused(
      'POST',
      '/slas',
      { name: 'X', targets: targets(), calendar: 999_999 },
      400,
      'VALIDATION_FAILED',
      ['calendar'],
    );
    await refused(
      'POST',
      '/slas',
      { name: 'X', targets: targets(), warning_shares: [0, 1.5] },
      400,
      'VALIDATION_FAILED',
      ['warning_shares.0', 'warning_shares.1'],
    );
    await refused('PATCH', `/slas/${plain.id}`, { name: standard.name }, 409, 'NAME_TAKEN', ['name']);
  });

  it('keeps a single default SLA, switching it in one audited transaction', async () => {
    const first = await sla({ is_default: true });
    expect(await defaults()).toEqual([first.id]);
    const second = await sla({ is_default: true });
    expect(await defaults()).toEqual([second.id]);
    expect((await api('GET', `/slas/${first.id}`)).json().is_default).toBe(false);

    const third = await sla();
    expect((await api('PATCH', `/slas/${third.id}`, { is_default: true })).json().is_default).toBe(true);
    expect(await defaults()).toEqual([third.id]);
    expect((await auditOf(api, 'sla', second.id)).at(-1)).toMatchObject({
      action: 'sla.updated',
      changes: { is_default: { before: true, after: false } },
    });
    expect((await api('GET', '/slas?is_default=true')).json().results.map((s: Sla) => s.id)).toEqual([
      third.id,
    ]);

    // The default stays active.
    await refused('PATCH', `/slas/${third.id}`, { is_active: false }, 400, 'VALIDATION_FAILED', [
      'is_active',
    ]);
    await refused(
      'POST',
      '/slas',
      { name: 'Off', targets: targets(), is_default: true, is_active: false },
      400,
      'VALIDATION_FAILED',
      ['is_active'],
    );
    const inactive = await sla({ is_active: false });
    await refused('PATCH', `/slas/${inactive.id}`, { is_default: true }, 400, 'VALIDATION_FAILED', [
      'is_default',
    ]);
    expect(await defaults()).toEqual([third.id]);
  });

  it('deletes an SLA in use: its tickets keep working without one', async () => {
    const doomed = await sla();
    const ticket = await insertTicket(db, { requester: user.id, structure, sla: doomed.id });
    expect((await techApi('DELETE', `/slas/${doomed.id}`)).statusCode).toBe(403);
    expect((await api('DELETE', `/slas/${doomed.id}`)).statusCode).toBe(204);
    const row = await db
      .selectFrom('tickets')
      .select('sla_id')
      .where('id', '=', ticket.id)
      .executeTakeFirst();
    expect(row).toEqual({ sla_id: null });
    await refused('GET', `/slas/${doomed.id}`, undefined, 404, 'SLA_NOT_FOUND');
    expect((await auditOf(api, 'sla', doomed.id)).map((e) => e.action)).toEqual([
      'sla.created',
      'sla.deleted',
    ]);
  });
});
