import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/api-client.js';
import { type HelpDesk, helpDesk } from './test-desk.js';

// The spec's flow as three real users: the user opens a ticket → it is assigned automatically → the
// technician works on it → resolves → the user validates → closed → survey answered.
describe('ticket flow', () => {
  let d: HelpDesk;
  let id: number;

  beforeAll(async () => {
    d = await helpDesk();
  });
  afterAll(() => d.t.close());

  const get = async (api: HelpDesk['as'][keyof HelpDesk['as']]) => {
    const res = await api('GET', `/tickets/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a user opens a ticket: it is routed to the category group and assigned to a member, with SLA due dates', async () => {
    const res = await d.as.requester('POST', '/tickets', {
      title: 'Imprimante bloquée',
      description: 'Bourrage papier **au 2e étage**',
      category: d.category,
      urgency: 4,
      impact: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const ticket = res.json();
    id = ticket.id;
    expect(ticket).toMatchObject({
      number: `T-${String(id).padStart(6, '0')}`,
      status: 'assigned',
      group: d.group,
      group_name: 'Support N1',
      requester: d.users.requester.id,
      requester_name: 'Hélène Dubois',
      structure: d.structures.branch,
      source: 'api',
      sla: d.sla,
      sla_state: 'ok',
      priority: 3,
      category_name: 'Matériel',
    });
    expect([d.users.tech.id, d.users.tech2.id]).toContain(ticket.assignee);
    expect(ticket.due_resolution_at).not.toBeNull();
    expect(ticket.clocks.resolution).toMatchObject({ target_minutes: 480, is_running: true, health: 'ok' });
    // The requester may cancel but not work on it.
    expect(ticket.available_actions).toEqual(['cancel']);
    expect(ticket.can_edit).toBe(false);
  });

  it('the assignee is told, in the app and by e-mail', async () => {
    const ticket = await get(d.as.admin);
    const assignee = ticket.assignee === d.users.tech.id ? d.as.tech : d.as.tech2;
    const notifications = (await assignee('GET', '/notifications')).json().results;
    expect(notifications[0]).toMatchObject({
      event: 'ticket_assigned',
      ticket: id,
      ticket_title: 'Imprimante bloquée',
    });
    expect((await assignee('GET', '/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const mails = await d.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .execute();
    const email = ticket.assignee === d.users.tech.id ? d.users.tech.email : d.users.tech2.email;
    expect(mails.find((m) => m.to_address === email)?.subject).toBe(`[${ticket.number}] Imprimante bloquée`);
  });

  it('the requester sees his ticket but never internal notes; a technician of another structure cannot see it', async () => {
    const note = await d.as.tech('POST', `/tickets/${id}/comments`, {
      body: 'Toner HS, commande en cours',
      is_internal: true,
    });
    expect(note.statusCode, note.body).toBe(201);
    expect((await d.as.requester('GET', `/tickets/${id}/comments`)).json()).toEqual([]);
    const timeline = (await d.as.requester('GET', `/tickets/${id}/timeline`)).json();
    expect(timeline.some((e: { kind: string }) => e.kind === 'comment')).toBe(false);
    expect((await d.as.tech('GET', `/tickets/${id}/comments`)).json()).toHaveLength(1);
    expectProblem(await d.as.outsider('GET', `/tickets/${id}`), 404, 'TICKET_NOT_FOUND');
    expectProblem(await d.as.stranger('GET', `/tickets/${id}/timeline`), 404, 'TICKET_NOT_FOUND');
    expectProblem(
      await d.as.requester('POST', `/tickets/${id}/comments`, { body: 'x', is_internal: true }),
      403,
      'FORBIDDEN',
    );
  });

  it('the technician starts, waits for the user (the clock pauses), and the user’s reply resumes it', async () => {
    const started = (await d.as.tech('POST', `/tickets/${id}/transitions`, { action: 'start' })).json();
    expect(started).toMatchObject({ status: 'in_progress' });
    expect(started.first_response_at).not.toBeNull();
    expectProblem(
      await d.as.tech('POST', `/tickets/${id}/transitions`, { action: 'wait' }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    const pending = (
      await d.as.tech('POST', `/tickets/${id}/transitions`, {
        action: 'wait',
        reason: 'Quel numéro de série ?',
      })
    ).json();
    expect(pending).toMatchObject({ status: 'pending', due_resolution_at: null });
    expect(pending.clocks.resolution.is_running).toBe(false);
    const reply = await d.as.requester('POST', `/tickets/${id}/comments`, { body: 'SN 12345' });
    expect(reply.statusCode).toBe(201);
    const resumed = await get(d.as.requester);
    expect(resumed.status).toBe('in_progress');
    expect(resumed.due_resolution_at).not.toBeNull();
  });

  it('a requester cannot resolve; resolving needs a solution; the requester may then reject with a reason', async () => {
    expectProblem(
      await d.as.requester('POST', `/tickets/${id}/transitions`, { action: 'resolve' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await d.as.tech('POST', `/tickets/${id}/transitions`, { action: 'resolve' }),
      400,
      'VALIDATION_FAILED',
      ['solution'],
    );
    const resolved = (
      await d.as.tech('POST', `/tickets/${id}/transitions`, { action: 'resolve', solution: 'Toner remplacé' })
    ).json();
    expect(resolved).toMatchObject({ status: 'resolved', solution: 'Toner remplacé' });
    expect((await get(d.as.requester)).available_actions).toEqual(['validate', 'reject']);
    expectProblem(
      await d.as.requester('POST', `/tickets/${id}/transitions`, { action: 'reject' }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    const rejected = (
      await d.as.requester('POST', `/tickets/${id}/transitions`, {
        action: 'reject',
        reason: 'Toujours bloquée',
      })
    ).json();
    expect(rejected).toMatchObject({ status: 'in_progress', resolved_at: null });
    await d.as.tech('POST', `/tickets/${id}/transitions`, { action: 'resolve', solution: 'Rouleau changé' });
  });

  it('the requester validates: closed, a survey is opened, answered once', async () => {
    const closed = (
      await d.as.requester('POST', `/tickets/${id}/transitions`, { action: 'validate' })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', sla_state: null });
    expect(closed.closed_at).not.toBeNull();
    expectProblem(
      await d.as.requester('POST', `/tickets/${id}/transitions`, { action: 'validate' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    const events = (await d.as.requester('GET', '/notifications'))
      .json()
      .results.map((n: { event: string }) => n.event);
    expect(events).toEqual(expect.arrayContaining(['ticket_resolved', 'survey_requested']));
    expect((await d.as.requester('GET', `/tickets/${id}/survey`)).json()).toMatchObject({
      rating: null,
      answered_at: null,
    });
    expectProblem(await d.as.tech('POST', `/tickets/${id}/survey`, { rating: 5 }), 403, 'FORBIDDEN');
    expectProblem(
      await d.as.requester('POST', `/tickets/${id}/survey`, { rating: 6 }),
      400,
      'VALIDATION_FAILED',
      ['rating'],
    );
    const answered = await d.as.requester('POST', `/tickets/${id}/survey`, { rating: 4, comment: 'Rapide' });
    expect(answered.json()).toMatchObject({ rating: 4, comment: 'Rapide' });
    expectProblem(
      await d.as.requester('POST', `/tickets/${id}/survey`, { rating: 1 }),
      409,
      'SURVEY_ANSWERED',
    );
    const results = (await d.as.admin('GET', '/surveys/results?by=group')).json();
    expect(results).toEqual([{ key: d.group, name: 'Support N1', answers: 1, average: 4 }]);
  });

  it('the timeline tells the whole story in order', async () => {
    const timeline = (await d.as.tech('GET', `/tickets/${id}/timeline`)).json();
    const story = timeline.map((e: { kind: string; status: string | null }) =>
      e.status ? `${e.kind}:${e.status}` : e.kind,
    );
    expect(story).toEqual([
      'created:new',
      'assigned:assigned',
      'comment',
      'status:in_progress',
      'status:pending',
      'status:in_progress',
      'comment',
      'status:resolved',
      'status:in_progress',
      'status:resolved',
      'status:closed',
      'survey_answered',
    ]);
    // Assignments carry names, which the requester could not look up himself.
    const assigned = (await d.as.requester('GET', `/tickets/${id}/timeline`))
      .json()
      .find((e: { kind: string }) => e.kind === 'assigned');
    expect(assigned.data).toMatchObject({ group_name: 'Support N1', automatic: true });
    expect(['Marc Lefèvre', 'Julie Bernard']).toContain(assigned.data.assignee_name);
  });
});
