/** The cost of authentication and permission scoping on identity reads. */
export const name = 'identity';

export const description =
  'authenticated reads: /auth/me, users page as admin and as a technician (scoped), structure tree';

const DEMO_PASSWORD = 'demo-itsm-2026';

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

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export async function seed(ctx) {
  await ctx.cli(['seed', '--only', 'identity']);
  ctx.state.admin = await tokenFor(ctx.baseUrl, '@claire.rousseau.demo');
  ctx.state.technician = await tokenFor(ctx.baseUrl, '@marc.lefevre.demo');
}

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export function requests(ctx) {
  const as = (/** @type {string} */ who) => ({ authorization: `Token ${ctx.state[who]}` });
  return [
    { title: 'me (token)', method: 'GET', path: '/api/v1/auth/me', headers: as('admin') },
    { title: 'users page (admin)', method: 'GET', path: '/api/v1/users?page_size=50', headers: as('admin') },
    {
      title: 'users page (technician)',
      method: 'GET',
      path: '/api/v1/users?page_size=50',
      headers: as('technician'),
    },
    {
      title: 'structure tree (technician)',
      method: 'GET',
      path: '/api/v1/structures/tree',
      headers: as('technician'),
    },
  ];
}
