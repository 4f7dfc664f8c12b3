import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeders } from '../../../seed/run-seeders.js';
import { type ApiClient, adminOf } from '../../../test/api-client.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { settingsSeeder } from '../../settings/settings.seed.js';
import { identitySeeder } from '../../users/identity.seed.js';
import { calendarProblem } from '../sla/calendar.js';
import { businessCalendarOf } from './calendars.service.js';
import { easterSunday, frenchHolidays, ticketsConfigSeeder } from './tickets-config.seed.js';

const quiet = { tick() {}, stop() {} };

describe('help desk demo configuration seeder', () => {
  let t: TestApp;
  let api: ApiClient;
  const seed = async () =>
    (
      await runSeeders(t.app.database, [settingsSeeder, identitySeeder, ticketsConfigSeeder], {
        now: () => new Date('2026-11-24T08:00:00Z'),
        progress: () => quiet,
        options: {},
      })
    ).at(-1)?.summary;
  const all = async (url: string) =>
    (await api('GET', `${url}${url.includes('?') ? '&' : '?'}page_size=200`)).json().results;

  beforeAll(async () => {
    t = await buildTestApp();
    ({ api } = await adminOf(t.app));
  });
  afterAll(() => t?.close());

  it('computes the French public holidays', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
    expect(frenchHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(frenchHolidays(2027)).toEqual(expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17']));
  });

  it('seeds a configuration the API serves and accepts, once', async () => {
    expect(await seed()).toMatch(/^28 created \(/);

    const [calendar] = await all('/calendars');
    expect(calendar).toMatchObject({ name: 'Heures ouvrées Paris', time_zone: 'Europe/Paris' });
    expect(calendar.holidays).toHaveLength(22);
    expect(calendarProblem(businessCalendarOf(calendar))).toBeNull();

    const slas = await all('/slas');
    expect(slas.map((s: { name: string; is_default: boolean }) => [s.name, s.is_default])).toEqual([
      ['Standard', true],
      ['VIP', false],
    ]);
    expect(slas[0].targets['5']).toEqual({ first_response_minutes: 30, resolution_minutes: 240 });
    expect(slas[0].targets['1']).toEqual({ first_response_minutes: 480, resolution_minutes: 2400 });
    const levels = await all(`/escalation-levels?sla=${slas[0].id}`);
    expect(levels).toMatchObject([
      { trigger_share: 0.75, notify: ['assignee'], priority_raise: 0 },
      { trigger_share: null, notify: ['group', 'manager'], priority_raise: 1 },
    ]);

    const categories = await all('/ticket-categories');
    const paths = categories.map((c: { path: string }) => c.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining(['Matériel / Imprimante', 'Logiciel / Métier', 'Accès / VPN', 'Réseau']),
    );
    expect(paths).toHaveLength(12);
    expect(categories.find((c: { name: string }) => c.name === 'VPN')).toMatchObject({ approval: 'manager' });
    const tree = (await api('GET', '/ticket-categories/tree')).json();
    expect(tree.map((n: { name: string }) => n.name)).toEqual(['Accès', 'Logiciel', 'Matériel', 'Réseau']);

    const groups = new Map(
      (await all('/groups')).map((g: { id: number; name: string }) => [g.id, g.name] as [number, string]),
    );
    const rules = await all('/assignment-rules');
    expect(rules.map((r: { group: number }) => groups.get(r.group))).toEqual([
      'Support Bruxelles',
      'Informatique industrielle',
      'Réseau et télécoms',
      'Réseau et télécoms',
      'Support niveau 1',
      'Support niveau 1',
      'Support niveau 1',
      'Support niveau 1',
    ]);
    expect(await all('/sla-rules')).toMatchObject([{ sla: slas[1].id, priority: 5 }]);
    const canned = await all('/canned-responses');
    expect(canned.map((c: { owner: number | null }) => c.owner)).toEqual([null, null]);

    // Seeded objects pass the API's own checks: a no-op PATCH of each is accepted.
    for (const c of categories) {
      expect((await api('PATCH', `/ticket-categories/${c.id}`, { name: c.name })).statusCode).toBe(200);
    }
    expect((await api('PATCH', `/calendars/${calendar.id}`, { hours: calendar.hours })).statusCode).toBe(200);

    const before = (await api('GET', '/audit-log')).json().count;
    expect(await seed()).toMatch(/^0 created/);
    expect(await all('/ticket-categories')).toHaveLength(12);
    expect(await all('/assignment-rules')).toHaveLength(8);
    expect((await api('GET', '/audit-log')).json().count).toBe(before);
  });
});
