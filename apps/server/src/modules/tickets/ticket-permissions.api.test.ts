import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HelpDesk, helpDesk } from './test-desk.js';

// Who may do what to a ticket: admin everything; technicians their structure tree; the requester his
// own tickets (never internal notes); anybody else nothing, answered 404 as if the ticket did not exist.
describe('ticket permission matrix', () => {
  let d: HelpDesk;
  let mine: number;
  let elsewhere: number;

  beforeAll(async () => {
    d = await helpDesk();
    mine = (await d.as.requester('POST', '/tickets', { title: 'Souris HS', category: d.category })).json().id;
    const farUser = await d.f.user({ role: 'user', structure: d.structures.other });
    elsewhere = (await (await d.client(farUser))('POST', '/tickets', { title: 'Ailleurs' })).json().id;
    await d.as.tech('POST', `/tickets/${mine}/comments`, { body: 'note', is_internal: true });
  });
  afterAll(() => d.t.close());

  type Who = keyof HelpDesk['as'];
  const ROLES: Who[] = ['admin', 'tech', 'outsider', 'requester', 'stranger'];

  // [method, url, body, expected status per role in ROLES order]
  const matrix = (): Array<[string, string, unknown, number[]]> => [
    ['GET', `/tickets/${mine}`, undefined, [200, 200, 404, 200, 404]],
    ['GET', `/tickets/${mine}/comments`, undefined, [200, 200, 404, 200, 404]],
    ['GET', `/tickets/${mine}/timeline`, undefined, [200, 200, 404, 200, 404]],
    ['GET', `/tickets/${mine}/attachments`, undefined, [200, 200, 404, 200, 404]],
    ['PATCH', `/tickets/${mine}`, { urgency: 2 }, [200, 200, 404, 403, 404]],
    ['PATCH', `/tickets/${mine}`, { title: 'Souris sans fil HS' }, [200, 200, 404, 403, 404]],
    ['POST', `/tickets/${mine}/comments`, { body: 'Bonjour' }, [201, 201, 404, 201, 404]],
    ['POST', `/tickets/${mine}/comments`, { body: 'Interne', is_internal: true }, [201, 201, 404, 403, 404]],
    // Waiting needs a reason: staff get the 400, the requester is refused before.
    ['POST', `/tickets/${mine}/transitions`, { action: 'wait' }, [400, 400, 404, 403, 404]],
    ['POST', `/tickets/${mine}/transitions`, { action: 'validate' }, [409, 409, 404, 409, 404]],
    ['GET', `/tickets/${elsewhere}`, undefined, [200, 404, 200, 404, 404]],
    ['POST', '/tickets/bulk', { ids: [mine], assignee: null }, [200, 200, 200, 403, 403]],
    ['GET', '/surveys/results', undefined, [200, 200, 200, 403, 403]],
  ];

  it('answers each role as the policy says', async () => {
    const answers: string[] = [];
    const expected: string[] = [];
    for (const [method, url, body, statuses] of matrix()) {
      for (const [i, role] of ROLES.entries()) {
        const res = await d.as[role](method as 'GET', url, body);
        answers.push(`${role} ${method} ${url} ${JSON.stringify(body ?? '')} → ${res.statusCode}`);
        expected.push(`${role} ${method} ${url} ${JSON.stringify(body ?? '')} → ${statuses[i]}`);
      }
    }
    expect(answers).toEqual(expected);
  });

  it('lists are scoped in SQL: each role counts exactly the tickets it may see', async () => {
    const counts: Record<string, number> = {};
    for (const role of ROLES) counts[role] = (await d.as[role]('GET', '/tickets')).json().count;
    expect(counts).toEqual({ admin: 2, tech: 1, outsider: 1, requester: 1, stranger: 0 });
    // A filter cannot widen the scope.
    const probe = await d.as.tech('GET', `/tickets?structure=${d.structures.other}`);
    expect(probe.json().count).toBe(0);
  });

  it('the requester may edit his untaken ticket’s text, not its fields; a watcher gets to see it', async () => {
    const own = (await d.as.requester('POST', '/tickets', { title: 'Clavier' })).json();
    expect(own.status).toBe('new');
    expect(
      (await d.as.requester('PATCH', `/tickets/${own.id}`, { title: 'Clavier azerty' })).statusCode,
    ).toBe(200);
    expect((await d.as.requester('PATCH', `/tickets/${own.id}`, { urgency: 5 })).statusCode).toBe(403);
    expect((await d.as.stranger('GET', `/tickets/${own.id}`)).statusCode).toBe(404);
    await d.as.requester('PATCH', `/tickets/${own.id}`, { watchers: [d.users.stranger.id] });
    expect((await d.as.stranger('GET', `/tickets/${own.id}`)).statusCode).toBe(200);
    expect((await d.as.stranger('GET', '/tickets?view=watching')).json().count).toBe(1);
  });

  it('users cannot open tickets for others nor choose who works on them', async () => {
    const onBehalf = await d.as.requester('POST', '/tickets', { title: 'x', requester: d.users.stranger.id });
    expect(onBehalf.statusCode).toBe(403);
    const assigned = await d.as.requester('POST', '/tickets', { title: 'x', assignee: d.users.tech.id });
    expect(assigned.statusCode).toBe(403);
    const forUser = await d.as.tech('POST', '/tickets', {
      title: 'Pour Hélène',
      requester: d.users.requester.id,
    });
    expect(forUser.statusCode, forUser.body).toBe(201);
    expect(forUser.json()).toMatchObject({ requester: d.users.requester.id, structure: d.structures.branch });
    // Out of his structures, a technician cannot pick the requester.
    const farUser = await d.f.user({ role: 'user', structure: d.structures.other });
    const far = await d.as.tech('POST', '/tickets', { title: 'x', requester: farUser.id });
    expect(far.statusCode).toBe(400);
  });
});
