import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../db/column-conventions.js';
import { type HelpDesk, helpDesk } from './test-desk.js';

// Who gets a new ticket: the member of the routed group with the fewest open tickets in its
// structure. The server keeps the routing configuration in memory while its revision stays the
// same; changes made elsewhere (another node, `itsm seed`, plain SQL) still apply to the next ticket.
const URGENT_TARGETS = Object.fromEntries(
  [1, 2, 3, 4, 5].map((p) => [String(p), { first_response_minutes: 15, resolution_minutes: 120 }]),
);

describe('ticket routing', () => {
  let d: HelpDesk;

  beforeAll(async () => {
    d = await helpDesk();
  });
  afterAll(() => d.t.close());

  const open = async () => {
    const res = await d.as.requester('POST', '/tickets', {
      title: 'Écran noir',
      description: 'Plus d’image',
      category: d.category,
      urgency: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  const backlog = async (assignee: number, structure: number, status: string, count: number) => {
    const row = {
      title: 'Déjà là',
      description: '',
      type: 'incident',
      status,
      urgency: 3,
      impact: 3,
      priority: 3,
      requester_id: d.users.requester.id,
      assignee_id: assignee,
      structure_id: structure,
      source: 'web',
    };
    await d.db
      .insertInto('tickets')
      .values(Array.from({ length: count }, () => row))
      .execute();
  };

  it('gives the ticket to the member with the fewest open tickets in its structure', async () => {
    const { tech, tech2 } = d.users;
    await backlog(tech.id, d.structures.branch, 'in_progress', 2);
    // Closed tickets and tickets of other structures do not count.
    await backlog(tech2.id, d.structures.branch, 'closed', 5);
    await backlog(tech2.id, d.structures.root, 'pending', 4);
    expect(await open()).toMatchObject({ structure: d.structures.branch, assignee: tech2.id });
    expect(await open()).toMatchObject({ assignee: tech2.id }); // 1 against 2
    // 2 against 2: the one who received a ticket longest ago
    expect(await open()).toMatchObject({ assignee: tech.id });
  });

  it('routes the next ticket by the new category group and SLA at once', async () => {
    expect(await open()).toMatchObject({ group: d.group, sla: d.sla });

    const other = await d.f.group({
      structure: d.structures.root,
      name: 'Support N2',
      members: [d.users.tech2.id],
    });
    const { id: urgentSla } = await d.db
      .insertInto('slas')
      .values({ name: 'Urgent', targets_json: toJson(URGENT_TARGETS), warning_shares_json: toJson([1]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await d.db
      .updateTable('ticket_categories')
      .set({ default_group_id: other.id, sla_id: urgentSla })
      .where('id', '=', d.category)
      .execute();

    const next = await open();
    expect(next).toMatchObject({ group: other.id, assignee: d.users.tech2.id, sla: urgentSla });
    expect(next.clocks.resolution.target_minutes).toBe(120);
  });

  it('still routes right when the revision row is gone (nothing is cached then)', async () => {
    await d.db.deleteFrom('config_revisions').execute();
    await d.db
      .updateTable('ticket_categories')
      .set({ default_group_id: d.group })
      .where('id', '=', d.category)
      .execute();
    expect(await open()).toMatchObject({ group: d.group });
    await d.db
      .updateTable('ticket_categories')
      .set({ default_group_id: null })
      .where('id', '=', d.category)
      .execute();
    expect(await open()).toMatchObject({ group: null });
  });
});
