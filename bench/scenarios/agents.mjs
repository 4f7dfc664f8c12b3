import { gzipSync } from 'node:zlib';

/** Endpoint agents at scale: heartbeats of 10,000 machines, inventories with 2,000 packages. */
export const name = 'agents';

export const description =
  'agent heartbeats of 10,000 enrolled machines (steady 1/60 s each, then capacity) and inventory ingestion with 2,000 packages (unchanged, changed)';

const DEMO_PASSWORD = 'demo-itsm-2026';
const AGENTS = Number(process.env.ITSM_BENCH_AGENTS ?? 10_000);
const HEARTBEAT_SECONDS = 60;
const ENROL_CONCURRENCY = 16;

/** @param {string} baseUrl @param {string} path @param {unknown} body @param {Record<string,string>} headers */
async function post(baseUrl, path, body, headers = {}) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** @param {number} i @param {number} packages @param {{ memory?: number, upgraded?: number }} change */
function inventory(i, packages, change = {}) {
  const n = String(i).padStart(6, '0');
  return {
    deviceid: `bench-pc-${n}-2026-11-24-09-00-00`,
    action: 'inventory',
    itemtype: 'Computer',
    content: {
      versionclient: 'ITSM-Agent_v0.1.0',
      hardware: { name: `bench-pc-${n}`, uuid: `bench-uuid-${n}`, memory: change.memory ?? 8192 },
      operatingsystem: { full_name: 'Debian GNU/Linux 12 (bookworm)', version: '12' },
      bios: { smanufacturer: 'Dell Inc.', smodel: 'OptiPlex 7090', ssn: `BENCH${n}` },
      cpus: [{ name: 'Intel(R) Core(TM) i5-10500', core: 6, thread: 12, speed: 3100 }],
      memories: [{ capacity: change.memory ?? 8192, caption: 'DIMM1' }],
      storages: [{ name: 'nvme0n1', disksize: 256_000 }],
      drives: [{ volumn: '/', filesystem: 'ext4', total: 240_000, free: 120_000 }],
      networks: [
        {
          description: 'eno1',
          mac: `02:be:${n.slice(0, 2)}:${n.slice(2, 4)}:${n.slice(4, 6)}:01`,
          ipaddress: '10.0.0.1',
        },
      ],
      softwares: Array.from({ length: packages }, (_, p) => ({
        name: `package-${String(p).padStart(4, '0')}`,
        version: p < (change.upgraded ?? 0) ? '2.0.1' : '1.0.0',
        publisher: 'Debian',
      })),
    },
  };
}

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export async function seed(ctx) {
  const { token } = await post(ctx.baseUrl, '/auth/token', {
    username: '@claire.rousseau.demo',
    password: DEMO_PASSWORD,
  }).catch(async () => {
    await ctx.cli(['seed']);
    return post(ctx.baseUrl, '/auth/token', { username: '@claire.rousseau.demo', password: DEMO_PASSWORD });
  });
  const admin = { authorization: `Token ${token}` };
  const structures = await fetch(`${ctx.baseUrl}/api/v1/structures`, { headers: admin }).then((r) =>
    r.json(),
  );
  const { key } = await post(
    ctx.baseUrl,
    '/enrollment-keys',
    { name: 'bench', structure: structures.results[0].id },
    admin,
  );

  const started = performance.now();
  /** @type {string[]} */
  const tokens = new Array(AGENTS);
  let next = 0;
  await Promise.all(
    Array.from({ length: ENROL_CONCURRENCY }, async () => {
      for (let i = next++; i < AGENTS; i = next++) {
        const answer = await post(ctx.baseUrl, '/agent/enroll', {
          key,
          agent_version: '0.1.0',
          inventory: inventory(i, 20),
        });
        tokens[i] = answer.token;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.error(`enrolled ${AGENTS} agents in ${seconds.toFixed(1)} s (${(AGENTS / seconds).toFixed(0)}/s)`);

  const big = await post(ctx.baseUrl, '/agent/enroll', {
    key,
    agent_version: '0.1.0',
    inventory: inventory(AGENTS, 2000),
  });
  ctx.state.tokens = tokens;
  ctx.state.bigToken = big.token;
  ctx.state.unchanged = gzipSync(JSON.stringify(inventory(AGENTS, 2000)));
  // Two inventories that differ by the RAM and 20 upgraded packages: each request is a change.
  ctx.state.changed = [
    gzipSync(JSON.stringify(inventory(AGENTS, 2000, { memory: 16384, upgraded: 20 }))),
    gzipSync(JSON.stringify(inventory(AGENTS, 2000))),
  ];
  console.error(
    `inventory of 2,000 packages: ${JSON.stringify(inventory(AGENTS, 2000)).length} bytes, ${ctx.state.unchanged.length} gzipped`,
  );
}

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export function requests(ctx) {
  const tokens = /** @type {string[]} */ (ctx.state.tokens);
  const randomAgent = (/** @type {{ headers: Record<string, string> }} */ request) => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Agent ${tokens[Math.floor(Math.random() * tokens.length)]}`,
    },
  });
  const heartbeat = { agent_version: '0.1.0', queue_length: 0 };
  const inventoryHeaders = {
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    authorization: `Agent ${ctx.state.bigToken}`,
  };
  const changed = /** @type {Buffer[]} */ (ctx.state.changed);
  let turn = 0;
  return [
    {
      title: `heartbeat: ${tokens.length} agents every ${HEARTBEAT_SECONDS} s`,
      method: 'POST',
      path: '/api/v1/agent/heartbeat',
      body: heartbeat,
      setupRequest: randomAgent,
      pacedRate: Math.ceil(tokens.length / HEARTBEAT_SECONDS),
    },
    {
      title: 'heartbeat: capacity (random agents)',
      method: 'POST',
      path: '/api/v1/agent/heartbeat',
      body: heartbeat,
      setupRequest: randomAgent,
    },
    {
      title: 'inventory: 2,000 packages, unchanged',
      method: 'POST',
      path: '/api/v1/agent/inventory',
      headers: inventoryHeaders,
      body: /** @type {Buffer} */ (ctx.state.unchanged),
      connections: 1,
    },
    {
      title: 'inventory: 2,000 packages, 20 upgraded + RAM',
      method: 'POST',
      path: '/api/v1/agent/inventory',
      headers: inventoryHeaders,
      body: changed[0],
      setupRequest: (request) => ({ ...request, body: changed[turn++ % 2] }),
      connections: 1,
    },
  ];
}
