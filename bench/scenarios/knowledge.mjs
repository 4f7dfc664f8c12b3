/** The knowledge base at scale: full-text search and suggestions over 100,000 articles. */
export const name = 'knowledge';

export const description =
  'knowledge search (stemmed, accent-free, typo-tolerant, visibility in the query) and suggestions over generated French and English articles';

const DEMO_PASSWORD = 'demo-itsm-2026';
const ARTICLES = Number(process.env.ITSM_BENCH_ARTICLES ?? 100_000);
// A busy help desk: 5,000 employees searching now and then, and typing ticket titles (one
// suggestion request per pause in typing). The capacity runs then show how far above that it holds.
const SEARCH_RATE = 20;
const SUGGESTION_RATE = 50;

// What help-desk users type, in both languages (words of the generated base, forms varied).
const QUERIES = [
  'imprimante hors ligne',
  'imprimantes',
  'mot de passe',
  'vpn deconnecte',
  'outlook mot de passe',
  'ecran noir',
  'reseau lent',
  'teams synchronise',
  'certificat expire',
  'station d accueil',
  'printer offline',
  'password expired',
  'laptop black screen',
  'vpn client',
  'print spooler',
  'scanner erreur',
  'badge refuse',
  'sauvegarde fichiers',
  'navigateur cache',
  'casque reconnu',
];
const TYPOS = ['imprimnate hors ligne', 'mot de pase', 'deconecte vpn', 'certifcat', 'pritner offline'];
const PREFIXES = [
  'impri',
  'mon imprimante hor',
  'vpn dec',
  'outlook mo',
  'ecran no',
  'printer off',
  'passw',
  'station d acc',
];

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
  const started = performance.now();
  await ctx.cli(['seed', '--articles', String(ARTICLES)]);
  console.error(`seeded ${ARTICLES} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The seed ran in another process: the server's SQLite connection refreshes its planner
  // statistics within a minute (the database.optimize job), as after any bulk import.
  console.error('waiting 65 s for the server to refresh its planner statistics');
  await new Promise((resolve) => setTimeout(resolve, 65_000));
  ctx.state.user = await tokenFor(ctx.baseUrl, '@helene.dubois.demo');
  ctx.state.technician = await tokenFor(ctx.baseUrl, '@marc.lefevre.demo');
  for (const q of [QUERIES[0], TYPOS[0]]) {
    const page = await fetch(`${ctx.baseUrl}/api/v1/kb/search?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Token ${ctx.state.user}` },
    }).then((r) => r.json());
    console.error(
      `"${q}": ${page.count}${page.count_is_estimate ? '+' : ''} results, first: ${page.results[0]?.article.title}`,
    );
  }
  await editedArticleIsFound(ctx);
}

/**
 * An edited article is found by its new words by the very next search: a technician edits 20
 * articles of the base, each with a word no other holds, and searches for it at once.
 * @param {import('../lib/scenarios.mjs').ScenarioContext} ctx
 */
async function editedArticleIsFound(ctx) {
  const headers = { authorization: `Token ${ctx.state.technician}`, 'content-type': 'application/json' };
  const call = async (/** @type {string} */ path, /** @type {RequestInit} */ init = {}) => {
    const response = await fetch(`${ctx.baseUrl}/api/v1${path}`, { headers, ...init });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const times = [];
  for (let i = 0; i < 20; i++) {
    const id = 1 + Math.floor(((i + 1) * ARTICLES) / 21);
    const article = await call(`/kb/articles/${id}`);
    const word = `zqbench${i}x${Date.now().toString(36)}`;
    const started = performance.now();
    await call(`/kb/articles/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ revision: article.revision, body: `${article.body}\n\nVoir aussi ${word}.` }),
    });
    const page = await call(`/kb/search?q=${word}`);
    times.push(performance.now() - started);
    if (page.results[0]?.article.id !== id) throw new Error(`edited article ${id} not found by "${word}"`);
  }
  times.sort((a, b) => a - b);
  console.error(
    `edit then search: the edited article was found by its new word at once 20/20 times; ` +
      `edit + search median ${times[10]?.toFixed(1)} ms, max ${times[19]?.toFixed(1)} ms`,
  );
}

/** Each request another query of the list. @param {string} path @param {readonly string[]} list */
function rotating(path, list) {
  let i = 0;
  return (/** @type {{ path?: string }} */ request) => ({
    ...request,
    path: `${path}${encodeURIComponent(list[i++ % list.length] ?? '')}`,
  });
}

/** @param {import('../lib/scenarios.mjs').ScenarioContext} ctx */
export function requests(ctx) {
  const as = (/** @type {string} */ who) => ({ authorization: `Token ${ctx.state[who]}` });
  return [
    {
      title: `search at a steady ${SEARCH_RATE}/s (user, 20 queries + typos)`,
      method: 'GET',
      path: `/api/v1/kb/search?q=${encodeURIComponent(QUERIES[0] ?? '')}`,
      headers: as('user'),
      setupRequest: rotating('/api/v1/kb/search?q=', [...QUERIES, ...TYPOS]),
      pacedRate: SEARCH_RATE,
    },
    {
      title: `suggestions at a steady ${SUGGESTION_RATE}/s (user typing)`,
      method: 'GET',
      path: `/api/v1/kb/suggestions?q=${encodeURIComponent(PREFIXES[0] ?? '')}`,
      headers: as('user'),
      setupRequest: rotating('/api/v1/kb/suggestions?q=', PREFIXES),
      pacedRate: SUGGESTION_RATE,
    },
    {
      title: 'search capacity (user, 20 queries)',
      method: 'GET',
      path: `/api/v1/kb/search?q=${encodeURIComponent(QUERIES[0] ?? '')}`,
      headers: as('user'),
      setupRequest: rotating('/api/v1/kb/search?q=', QUERIES),
    },
    {
      title: 'search capacity with a typo (user)',
      method: 'GET',
      path: `/api/v1/kb/search?q=${encodeURIComponent(TYPOS[0] ?? '')}`,
      headers: as('user'),
      setupRequest: rotating('/api/v1/kb/search?q=', TYPOS),
    },
    {
      title: 'search capacity (technician, every visibility)',
      method: 'GET',
      path: `/api/v1/kb/search?q=${encodeURIComponent(QUERIES[0] ?? '')}`,
      headers: as('technician'),
      setupRequest: rotating('/api/v1/kb/search?q=', QUERIES),
    },
    {
      title: 'suggestions capacity (user)',
      method: 'GET',
      path: `/api/v1/kb/suggestions?q=${encodeURIComponent(PREFIXES[0] ?? '')}`,
      headers: as('user'),
      setupRequest: rotating('/api/v1/kb/suggestions?q=', PREFIXES),
    },
  ];
}
