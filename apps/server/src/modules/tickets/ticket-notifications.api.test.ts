import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/api-client.js';
import { linksIn, recipientsOf, type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { type HelpDesk, helpDesk } from './test-desk.js';

const PUBLIC_URL = 'https://itsm.example.test';

// Approvals, e-mails through a real SMTP server, the live stream of notifications, preferences,
// and the survey answered from its e-mailed link without signing in.
describe('approvals and notifications', () => {
  let sink: SmtpSink;
  let d: HelpDesk;
  let accessCategory: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    d = await helpDesk({ env: { SMTP_URL: sink.url, ITSM_PUBLIC_URL: PUBLIC_URL } });
    const manager = await d.f.user({
      role: 'user',
      structure: d.structures.branch,
      firstName: 'Paul',
      lastName: 'Chef',
      locale: 'en',
    });
    await d.db
      .updateTable('users')
      .set({ manager_id: manager.id })
      .where('id', '=', d.users.requester.id)
      .execute();
    accessCategory = (
      await d.db
        .insertInto('ticket_categories')
        .values({ name: 'Accès VPN', approval: 'manager', default_group_id: d.group })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    (d as HelpDesk & { manager: typeof manager }).manager = manager;
  });
  afterAll(async () => {
    await d.t.close();
    await sink.close();
  });

  const managerApi = async () =>
    d.client((d as HelpDesk & { manager: Parameters<HelpDesk['client']>[0] }).manager);

  it('a category with approval waits for the requester’s manager, who is told by e-mail and approves from the app', async () => {
    const ticket = (
      await d.as.requester('POST', '/tickets', { title: 'Accès VPN', category: accessCategory })
    ).json();
    expect(ticket).toMatchObject({ status: 'waiting_approval', assignee: null, sla_state: null });
    expect(ticket.approver_user).toBe((d as HelpDesk & { manager: { id: number } }).manager.id);
    const mail = await sink.waitFor((m) => m.subject === `[${ticket.number}] Accès VPN`);
    expect(mail.text).toContain('asks for your approval');
    expect(linksIn(mail)).toContain(`${PUBLIC_URL}/tickets/${ticket.id}`);

    const manager = await managerApi();
    const seen = (await manager('GET', `/tickets/${ticket.id}`)).json();
    expect(seen.available_actions).toEqual(['approve', 'refuse']);
    // The requester cannot approve his own request; a technician may not either.
    expectProblem(
      await d.as.requester('POST', `/tickets/${ticket.id}/transitions`, { action: 'approve' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await d.as.tech('POST', `/tickets/${ticket.id}/transitions`, { action: 'approve' }),
      403,
      'FORBIDDEN',
    );
    const approved = (
      await manager('POST', `/tickets/${ticket.id}/transitions`, { action: 'approve' })
    ).json();
    expect(approved).toMatchObject({ status: 'assigned', group: d.group });
    expect(approved.due_resolution_at).not.toBeNull();
    const refusedOne = (
      await d.as.requester('POST', '/tickets', { title: 'Accès admin', category: accessCategory })
    ).json();
    expectProblem(
      await manager('POST', `/tickets/${refusedOne.id}/transitions`, { action: 'refuse' }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    const refused = (
      await manager('POST', `/tickets/${refusedOne.id}/transitions`, {
        action: 'refuse',
        reason: 'Non justifié',
      })
    ).json();
    expect(refused.status).toBe('cancelled');
  });

  it('streams notifications live to the browser tab of the recipient', async () => {
    await d.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = d.t.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/notifications/stream`, {
      headers: d.tokens.tech,
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const ticket = (
      await d.as.requester('POST', '/tickets', { title: 'Écran', assignee: undefined, category: d.category })
    ).json();
    const assignee = ticket.assignee === d.users.tech.id ? 'tech' : 'tech2';
    if (assignee === 'tech2')
      await d.as.admin('PATCH', `/tickets/${ticket.id}`, { assignee: d.users.tech.id });
    let received = '';
    while (!received.includes('event: notification')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    const data = JSON.parse(received.split('event: notification\ndata: ')[1]?.split('\n')[0] ?? '{}');
    expect(data).toMatchObject({ event: 'ticket_assigned', ticket: ticket.id, ticket_title: 'Écran' });
  });

  it('preferences turn e-mails off per event, and unknown events are refused', async () => {
    const prefs = (await d.as.requester('GET', '/notification-preferences')).json();
    expect(prefs.find((p: { event: string }) => p.event === 'ticket_resolved')).toEqual({
      event: 'ticket_resolved',
      is_in_app: true,
      is_email: true,
    });
    const off = await d.as.requester('PUT', '/notification-preferences', [
      { event: 'ticket_resolved', is_in_app: true, is_email: false },
    ]);
    expect(off.statusCode).toBe(200);
    expectProblem(
      await d.as.requester('PUT', '/notification-preferences', [
        { event: 'nope', is_in_app: true, is_email: true },
      ]),
      400,
      'VALIDATION_FAILED',
    );
    const ticket = (
      await d.as.requester('POST', '/tickets', { title: 'Sans mail', category: d.category })
    ).json();
    await d.as.admin('POST', `/tickets/${ticket.id}/transitions`, { action: 'resolve', solution: 'Fait' });
    const inApp = (await d.as.requester('GET', `/notifications?ticket=${ticket.id}`)).json().results;
    expect(inApp.map((n: { event: string }) => n.event)).toContain('ticket_resolved');
    const queued = await d.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', d.users.requester.email)
      .execute();
    expect(queued.map((m) => m.subject)).not.toContain(`[${ticket.number}] Sans mail`);
    // Mark read: one, then all; another user's notification is not reachable.
    await d.as.requester('POST', `/notifications/${inApp[0].id}/read`);
    expectProblem(
      await d.as.stranger('POST', `/notifications/${inApp[0].id}/read`),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    await d.as.requester('POST', '/notifications/read-all');
    expect((await d.as.requester('GET', '/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('the survey e-mail carries a signed link that answers without signing in, once', async () => {
    const ticket = (
      await d.as.requester('POST', '/tickets', { title: 'Survey', category: d.category })
    ).json();
    await d.as.admin('POST', `/tickets/${ticket.id}/transitions`, { action: 'resolve', solution: 'OK' });
    await d.as.requester('POST', `/tickets/${ticket.id}/transitions`, { action: 'validate' });
    const mail = await sink.waitFor(
      (m) =>
        recipientsOf(m).includes(d.users.requester.email) &&
        m.text?.includes('Comment s’est passée') === true,
    );
    const link = linksIn(mail).find((l) => l.startsWith(`${PUBLIC_URL}/survey?token=`));
    expect(link).toBeDefined();
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    const anonymous = (method: 'GET' | 'POST', payload?: object) =>
      d.t.app.inject({
        method,
        url: `/api/v1/surveys/${encodeURIComponent(token)}`,
        ...(payload && { payload }),
      });
    expect((await anonymous('GET')).json()).toMatchObject({
      ticket: ticket.id,
      ticket_title: 'Survey',
      rating: null,
    });
    expect((await anonymous('POST', { rating: 5 })).json()).toMatchObject({ rating: 5 });
    expectProblem(await anonymous('POST', { rating: 1 }), 409, 'SURVEY_ANSWERED');
    const forged = `${token.slice(0, -3)}abc`;
    expectProblem(
      await d.t.app.inject({ method: 'GET', url: `/api/v1/surveys/${forged}` }),
      401,
      'INVALID_TOKEN',
    );
  });
});
