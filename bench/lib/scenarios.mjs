import { readdir } from 'node:fs/promises';

/**
 * @typedef {import('./load.mjs').BenchRequest} BenchRequest
 * @typedef {{
 *   baseUrl: string, db: 'sqlite' | 'postgres', databaseUrl: string,
 *   cli: (args: string[]) => Promise<void>, state: Record<string, unknown>,
 * }} ScenarioContext
 * @typedef {{
 *   name: string, description: string,
 *   requests: BenchRequest[] | ((ctx: ScenarioContext) => BenchRequest[] | Promise<BenchRequest[]>),
 *   seed?: (ctx: ScenarioContext) => Promise<void>,
 * }} Scenario
 */

const SCENARIOS_DIR = new URL('../scenarios/', import.meta.url);
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** @returns {Promise<string[]>} */
export async function scenarioNames() {
  const files = await readdir(SCENARIOS_DIR);
  return files
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => f.slice(0, -'.mjs'.length))
    .sort();
}

/**
 * @param {string} name
 * @returns {Promise<Scenario>}
 */
export async function loadScenario(name) {
  const known = await scenarioNames();
  if (!NAME.test(name) || !known.includes(name)) {
    throw new Error(`unknown scenario "${name}"; known: ${known.join(', ')}`);
  }
  const mod = await import(new URL(`${name}.mjs`, SCENARIOS_DIR).href);
  if (
    typeof mod.description !== 'string' ||
    !(Array.isArray(mod.requests) || typeof mod.requests === 'function')
  ) {
    throw new Error(`scenarios/${name}.mjs must export name, description and requests`);
  }
  if (mod.seed !== undefined && typeof mod.seed !== 'function') {
    throw new Error(`scenarios/${name}.mjs: seed must be an async function`);
  }
  return { name, description: mod.description, requests: mod.requests, seed: mod.seed };
}

/**
 * Requests must be absolute paths so that traffic stays on the local server.
 * @param {BenchRequest[]} requests
 */
export function checkRequests(requests) {
  if (!Array.isArray(requests) || requests.length === 0)
    throw new Error('a scenario needs at least one request');
  for (const r of requests) {
    if (
      typeof r.title !== 'string' ||
      typeof r.path !== 'string' ||
      !r.path.startsWith('/') ||
      r.path.startsWith('//')
    ) {
      throw new Error(`invalid request ${JSON.stringify(r)}: needs a title and a path starting with one "/"`);
    }
  }
  return requests;
}
