import { toJson } from '../../db/column-conventions.js';
import { type ApiClient, apiClient, apiTestApp } from '../../test/api-client.js';
import type { TestUser } from '../../test/factories.js';
import type { MovableClock } from '../../test/test-app.js';

// A small help desk for the ticket API tests: one structure tree, a support group, a category routed
// to it, a 24/7 SLA, and a requester, a technician, an outsider technician and an administrator.

export const SLA_TARGETS = Object.fromEntries(
  [1, 2, 3, 4, 5].map((p) => [String(p), { first_response_minutes: 60, resolution_minutes: 8 * 60 }]),
);

export async function helpDesk(options: { clock?: MovableClock; env?: Record<string, string> } = {}) {
  const { t, db, f } = await apiTestApp({ clock: options.clock?.now, env: options.env });
  const root = await f.structure({ name: 'Siège' });
  const branch = await f.structure({ name: 'Agence', parent: root.id });
  const other = await f.structure({ name: 'Filiale' });
  const tech = await f.user({
    role: 'technician',
    structure: root.id,
    firstName: 'Marc',
    lastName: 'Lefèvre',
  });
  const tech2 = await f.user({
    role: 'technician',
    structure: root.id,
    firstName: 'Julie',
    lastName: 'Bernard',
  });
  const outsider = await f.user({ role: 'technician', structure: other.id });
  const requester = await f.user({
    role: 'user',
    structure: branch.id,
    firstName: 'Hélène',
    lastName: 'Dubois',
  });
  const stranger = await f.user({ role: 'user', structure: branch.id });
  const admin = await f.user({ role: 'admin', structure: root.id });
  const group = await f.group({ structure: root.id, name: 'Support N1', members: [tech.id, tech2.id] });
  const { id: sla } = await db
    .insertInto('slas')
    .values({
      name: 'Standard',
      targets_json: toJson(SLA_TARGETS),
      warning_shares_json: toJson([0.75, 1]),
      is_default: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: category } = await db
    .insertInto('ticket_categories')
    .values({ name: 'Matériel', default_group_id: group.id, description_template: '## Matériel concerné' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tokens = {
    tech: await f.token(tech),
    tech2: await f.token(tech2),
    outsider: await f.token(outsider),
    requester: await f.token(requester),
    stranger: await f.token(stranger),
    admin: await f.token(admin),
  };
  const client = async (user: TestUser): Promise<ApiClient> => apiClient(t.app, await f.token(user));
  return {
    t,
    db,
    f,
    structures: { root: root.id, branch: branch.id, other: other.id },
    users: { tech, tech2, outsider, requester, stranger, admin },
    group: group.id,
    sla,
    category,
    tokens,
    as: {
      tech: apiClient(t.app, tokens.tech),
      tech2: apiClient(t.app, tokens.tech2),
      outsider: apiClient(t.app, tokens.outsider),
      requester: apiClient(t.app, tokens.requester),
      stranger: apiClient(t.app, tokens.stranger),
      admin: apiClient(t.app, tokens.admin),
    },
    client,
    /** Runs the SLA job once, as the scheduler would every minute. */
    runSlaJob: () => t.app.scheduler.runNow('tickets.sla'),
  };
}

export type HelpDesk = Awaited<ReturnType<typeof helpDesk>>;
