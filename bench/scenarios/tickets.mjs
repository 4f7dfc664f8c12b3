import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The help desk at scale: lists, detail and creation with a million tickets. */
export const name = 'tickets';

export const description =
  'ticket list (technician scope, status filter, newest first; admin; user), detail, creation with SLA, routing, audit and notifications';

const DEMO_PASSWORD = 'demo-itsm-2026';
const TICKETS = Number(process.env.ITSM_BENCH_TICKETS ?? 1_000_000);
const SERVER_DIST = path.resolve(import.meta.dirname, '../../apps/server/dist');

/** @param {string} baseUrl @param {string} username */
async function tokenFor(baseUrl, username) {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`token for ${username}: ${response.status} ${await response.text()}`);
  return /** @type {{ token: string }} */ (await response.json()).token;
}

/** @param {string} baseUrl @param {string} token @param {string} query */
async function firstTicket(baseUrl, token, query) {
  const response = await fetch(`${baseUrl}/api/v1/tickets?${query}`, {
    headers: { authorization: `Token ${token}` },
  });
  if (!response.ok) throw new Error(`ticket list: ${response.status} ${await response.text()}`);
  const page = await response.json();
  return { id: page.results[0]?.id, count: page.count, estimate: page.count_is_estimate === true };
}

/** Prints the query plans of the list as the technician runs it (count and page), from the built server. */
/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx @param {string} username @param {string} query */
async function printPlans(ctx, username, query) {
  const { createDatabase } = await import(pathToFileURL(path.join(SERVER_DIST, 'db/connection.js')).href);
  const { explainTicketList } = await import(
    pathToFileURL(path.join(SERVER_DIST, 'modules/tickets/ticket-list-plan.js')).href
  );
  const database = createDatabase(ctx.databaseUrl);
  try {
    const plans = await explainTicketList(database, username, query);
    console.log(`\nquery plans of GET /api/v1/tickets?${query} as ${username} (${ctx.db})`);
    console.log('  count:');
    for (const line of plans.count) console.log(`    ${line}`);
    console.log('  page:');
    for (const line of plans.page) console.log(`    ${line}`);
  } finally {
    await database.destroy();
  }
}

const TECH_LIST = 'page_size=50&ordering=-created_at&status=in_progress';

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export async function seed(ctx) {
  const started = performance.now();
  await ctx.cli(['seed', '--tickets', String(TICKETS)]);
  const seconds = (performance.now() - started) / 1000;
  console.error(`seeded ${TICKETS} tickets (with the demo data) in ${seconds.toFixed(1)} s`);
  ctx.state.seedSeconds = seconds;
  ctx.state.admin = await tokenFor(ctx.baseUrl, '@claire.rousseau.demo');
  ctx.state.technician = await tokenFor(ctx.baseUrl, '@marc.lefevre.demo');
  ctx.state.user = await tokenFor(ctx.baseUrl, '@requester-00001.bench.demo').catch(() =>
    tokenFor(ctx.baseUrl, '@helene.dubois.demo'),
  );
  const recent = await firstTicket(ctx.baseUrl, String(ctx.state.technician), TECH_LIST);
  console.error(
    `technician list: ${recent.count}${recent.estimate ? '+' : ''} tickets; detail of #${recent.id}`,
  );
  ctx.state.detailId = recent.id;
  const categories = await fetch(`${ctx.baseUrl}/api/v1/ticket-categories?page_size=200`, {
    headers: { authorization: `Token ${ctx.state.user}` },
  }).then((r) => r.json());
  ctx.state.category = categories.results.find(
    (/** @type {{approval: string}} */ c) => c.approval === 'none',
  )?.id;
  await printPlans(ctx, '@marc.lefevre.demo', TECH_LIST);
}

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export function requests(ctx) {
  const as = (/** @type {string} */ who) => ({ authorization: `Token ${ctx.state[who]}` });
  return [
    {
      title: 'list: technician, status, newest',
      method: 'GET',
      path: `/api/v1/tickets?${TECH_LIST}`,
      headers: as('technician'),
    },
    {
      title: 'list: admin, all, newest',
      method: 'GET',
      path: '/api/v1/tickets?page_size=50',
      headers: as('admin'),
    },
    {
      title: 'list: user, his tickets',
      method: 'GET',
      path: '/api/v1/tickets?page_size=50',
      headers: as('user'),
    },
    {
      title: 'detail (technician)',
      method: 'GET',
      path: `/api/v1/tickets/${ctx.state.detailId}`,
      headers: as('technician'),
    },
    {
      title: 'create (user, routed, SLA)',
      method: 'POST',
      path: '/api/v1/tickets',
      headers: as('user'),
      body: {
        title: 'Imprimante bloquée',
        description: 'Bourrage papier',
        category: ctx.state.category,
        urgency: 3,
      },
    },
  ];
}
