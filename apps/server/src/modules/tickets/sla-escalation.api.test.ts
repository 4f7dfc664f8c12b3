import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../db/column-conventions.js';
import { movableClock } from '../../test/test-app.js';
import { type HelpDesk, helpDesk } from './test-desk.js';

// SLA caches follow the status history; warnings, escalation levels and breaches fire once each,
// from the job that runs every minute; resolved tickets close on their own.
describe('SLA job: warnings, escalations, breaches, auto-close', () => {
  const clock = movableClock(new Date('2026-11-23T08:00:00.000Z'));
  let d: HelpDesk;
  let escalationGroup: number;
  let id: number;

  beforeAll(async () => {
    d = await helpDesk({ clock });
    const boss = await d.f.user({ role: 'technician', structure: d.structures.root });
    escalationGroup = (
      await d.f.group({ structure: d.structures.root, name: 'Support N2', members: [boss.id] })
    ).id;
    await d.db
      .insertInto('escalation_levels')
      .values([
        {
          sla_id: d.sla,
          name: 'Mi-parcours',
          target: 'resolution',
          trigger_share: 0.5,
          notify_json: toJson(['assignee']),
          reassign_group_id: null,
          priority_raise: 0,
        },
        {
          sla_id: d.sla,
          name: 'Dépassement',
          target: 'resolution',
          trigger_share: null,
          notify_json: toJson(['group', 'manager']),
          reassign_group_id: escalationGroup,
          priority_raise: 1,
        },
      ])
      .execute();
    id = (
      await d.as.requester('POST', '/tickets', {
        title: 'VPN coupé',
        category: d.category,
        urgency: 3,
        impact: 3,
      })
    ).json().id;
  });
  afterAll(() => d.t.close());

  const events = async () =>
    (await d.as.admin('GET', `/tickets/${id}/timeline`))
      .json()
      .filter((e: { kind: string }) => ['sla_warning', 'sla_breach', 'escalation'].includes(e.kind))
      .map(
        (e: { kind: string; data: { name?: string; target?: string } }) =>
          `${e.kind}:${e.data.name ?? e.data.target}`,
      );

  it('due dates come from the 8-hour target on a 24/7 clock', async () => {
    const ticket = (await d.as.admin('GET', `/tickets/${id}`)).json();
    expect(ticket.due_resolution_at).toBe('2026-11-23T16:00:00.000Z');
    expect(ticket.due_first_response_at).toBe('2026-11-23T09:00:00.000Z');
    await d.runSlaJob();
    expect(await events()).toEqual([]);
  });

  it('at half the target the first level fires, once, however often the job runs', async () => {
    clock.advance(4 * 60 + 1);
    await d.runSlaJob();
    await d.runSlaJob();
    expect(await events()).toEqual([
      'sla_warning:first_response',
      'sla_breach:first_response',
      'escalation:Mi-parcours',
    ]);
    const ticket = (await d.as.admin('GET', `/tickets/${id}`)).json();
    expect(ticket.first_response_breached_at).toBe('2026-11-23T09:00:00.000Z');
    expect(ticket.sla_state).toBe('ok');
  });

  it('the requester never sees escalations in his timeline', async () => {
    const kinds = (await d.as.requester('GET', `/tickets/${id}/timeline`))
      .json()
      .map((e: { kind: string }) => e.kind);
    expect(kinds).not.toContain('escalation');
  });

  it('at 75 % the ticket is at risk and listed as such', async () => {
    clock.advance(2 * 60);
    await d.runSlaJob();
    const atRisk = (await d.as.tech('GET', '/tickets?sla_state=at_risk')).json();
    expect(atRisk.results.map((t: { id: number }) => t.id)).toEqual([id]);
    expect((await d.as.tech('GET', '/tickets?view=at_risk')).json().count).toBe(1);
    expect(await events()).toContain('sla_warning:resolution');
  });

  it('at the breach: reassigned to the second level, priority raised, audited; a pause does not undo the breach', async () => {
    clock.advance(2 * 60);
    await d.runSlaJob();
    const ticket = (await d.as.admin('GET', `/tickets/${id}`)).json();
    expect(ticket).toMatchObject({ group: escalationGroup, priority: 4, sla_state: 'breached' });
    expect(ticket.resolution_breached_at).toBe('2026-11-23T16:00:00.000Z');
    expect(await events()).toEqual(
      expect.arrayContaining(['sla_breach:resolution', 'escalation:Dépassement']),
    );
    const audit = (await d.as.admin('GET', `/audit-log?action=ticket.escalated&target_id=${id}`)).json()
      .results;
    expect(audit).toHaveLength(2);
    const steps = await d.db
      .selectFrom('ticket_sla_steps')
      .select('step')
      .where('ticket_id', '=', id)
      .execute();
    expect(steps).toHaveLength(6);
    await d.runSlaJob();
    expect(
      await d.db.selectFrom('ticket_sla_steps').select('step').where('ticket_id', '=', id).execute(),
    ).toHaveLength(6);
    const bossApi = d.as.admin;
    await bossApi('POST', `/tickets/${id}/transitions`, { action: 'start' });
    await bossApi('POST', `/tickets/${id}/transitions`, { action: 'wait', reason: 'Attente fournisseur' });
    expect((await d.as.admin('GET', `/tickets/${id}`)).json().resolution_breached_at).toBe(
      '2026-11-23T16:00:00.000Z',
    );
  });

  it('a resolved ticket closes by itself after the configured days and opens its survey', async () => {
    await d.as.admin('POST', `/tickets/${id}/transitions`, { action: 'resume' });
    await d.as.admin('POST', `/tickets/${id}/transitions`, {
      action: 'resolve',
      solution: 'Certificat renouvelé',
    });
    clock.advance(6 * 24 * 60);
    await d.runSlaJob();
    expect((await d.as.admin('GET', `/tickets/${id}`)).json().status).toBe('resolved');
    clock.advance(24 * 60 + 1);
    await d.runSlaJob();
    expect((await d.as.admin('GET', `/tickets/${id}`)).json().status).toBe('closed');
    expect((await d.as.requester('GET', `/tickets/${id}/survey`)).statusCode).toBe(200);
  });
});
