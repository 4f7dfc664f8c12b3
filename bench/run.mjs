#!/usr/bin/env node
// Benchmark runner: builds and starts the real server on a fresh database, then loads it with autocannon.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDatabase } from './lib/database.mjs';
import { formatFigures, resultFileName, resultLine } from './lib/format.mjs';
import { runLoad, stopLoad } from './lib/load.mjs';
import { describeMachine } from './lib/machine.mjs';
import { checkRequests, loadScenario, scenarioNames } from './lib/scenarios.mjs';
import {
  freePort,
  readPeakRss,
  runServerCommand,
  spawnServer,
  stopServer,
  waitReady,
} from './lib/server.mjs';
import { summarize } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN_JS = path.join(ROOT, 'apps/server/dist/main.js');
const WARMUP_SECONDS = 2;
const READY_TIMEOUT_MS = 60_000;

const USAGE = `usage: npm run bench -- <scenario> [options]
  --db sqlite|postgres   database (default sqlite)
  --duration <s>         seconds of load per request (default 10)
  --connections <n>      concurrent connections (default 10)
  --pg-url <url>         PostgreSQL admin URL (default $ITSM_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --json <file>          where to write the JSON result (default bench/results/<scenario>-<db>-<timestamp>.json)
  --no-build             do not build contracts and server first
  --list                 list the scenarios`;

/** @param {string} message */
const log = (message) => console.error(`[bench] ${message}`);

/** @param {string} message */
function usageError(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

/** @param {string | undefined} value @param {string} flag */
function positiveInt(value, flag) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usageError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

function parseOptions() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      allowNegative: true,
      options: {
        db: { type: 'string', default: 'sqlite' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        'pg-url': {
          type: 'string',
          default: process.env.ITSM_BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
        },
        json: { type: 'string' },
        build: { type: 'boolean', default: true },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.db !== 'sqlite' && values.db !== 'postgres') usageError(`--db must be sqlite or postgres`);
    if (positionals.length > 1) usageError(`one scenario at a time, got ${positionals.join(' ')}`);
    return {
      scenario: positionals[0],
      db: /** @type {'sqlite' | 'postgres'} */ (values.db),
      duration: positiveInt(values.duration, '--duration'),
      connections: positiveInt(values.connections, '--connections'),
      pgUrl: /** @type {string} */ (values['pg-url']),
      json: values.json,
      build: values.build,
      list: values.list,
      help: values.help,
    };
  } catch (error) {
    return usageError(/** @type {Error} */ (error).message);
  }
}

/** @param {string} command @param {string[]} args */
function runInherited(command, args) {
  return new Promise((resolve, reject) => {
    // The build's output goes to stderr so that stdout holds only the results.
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

/** The server sees only the variables we choose, never a developer's ITSM_* or DATABASE_URL. */
function serverEnv(/** @type {Record<string, string>} */ vars) {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !key.startsWith('ITSM_') && !['DATABASE_URL', 'REDIS_URL', 'NODE_ENV'].includes(key),
  );
  return { ...Object.fromEntries(inherited), NODE_ENV: 'production', ...vars };
}

/** @type {(() => Promise<void>)[]} */
const cleanups = [];
let interrupted = false;

async function cleanup() {
  // Last registered first: stop the server, then drop its database, then remove the temp dir.
  for (const step of cleanups.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      log(`cleanup failed: ${/** @type {Error} */ (error).message}`);
    }
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    log(`${signal}: stopping and cleaning up`);
    interrupted = true;
    stopLoad();
    cleanup().finally(() => process.exit(130));
  });
}

async function main() {
  const options = parseOptions();
  if (options.help) return console.log(USAGE);
  if (options.list) {
    for (const name of await scenarioNames())
      console.log(`${name.padEnd(20)} ${(await loadScenario(name)).description}`);
    return;
  }
  if (!options.scenario) return usageError('a scenario is required (see --list)');
  const scenario = await loadScenario(options.scenario);
  const startedAt = new Date();

  if (options.build) {
    log('building contracts and server');
    await runInherited('npm', ['run', 'build', '-w', '@itsm/contracts', '-w', '@itsm/server']);
  }
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build the server or drop --no-build`);

  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'itsm-bench-'));
  cleanups.push(() => rm(tmpDir, { recursive: true, force: true }));
  const database = await createDatabase(options.db, { pgUrl: options.pgUrl, tmpDir });
  cleanups.push(database.drop);
  log(`fresh ${options.db} database ready`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = serverEnv({
    ITSM_ENV: 'production',
    ITSM_SECRET_KEY: randomBytes(36).toString('base64url'),
    ITSM_CORS_ORIGINS: 'http://localhost',
    ITSM_PUBLIC_URL: baseUrl,
    ITSM_PORT: String(port),
    ITSM_HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    ITSM_DATA_DIR: tmpDir,
    ITSM_LOG_LEVEL: 'warn',
  });
  // The temp dir as cwd keeps a developer's .env file out of the measured server.
  const spawnOptions = { env, cwd: tmpDir };

  await runServerCommand(MAIN_JS, ['migrate'], spawnOptions);
  // The flags repeat ITSM_PORT/ITSM_HOST: the serve command lets its unset flags mask the environment.
  const server = spawnServer(MAIN_JS, ['serve', '--port', String(port), '--host', '127.0.0.1'], spawnOptions);
  cleanups.push(() => stopServer(server));
  await waitReady(baseUrl, server, READY_TIMEOUT_MS);
  log(`server ready on ${baseUrl} (pid ${server.child.pid})`);

  /** @type {import('./lib/scenarios.mjs').ScenarioContext} */
  const ctx = {
    baseUrl,
    db: options.db,
    databaseUrl: database.url,
    cli: (args) => runServerCommand(MAIN_JS, args, spawnOptions),
    state: {},
  };
  if (scenario.seed) {
    log('seeding');
    await scenario.seed(ctx);
  }
  const requests = checkRequests(
    typeof scenario.requests === 'function' ? await scenario.requests(ctx) : scenario.requests,
  );

  const figures = [];
  for (const request of requests) {
    log(
      `${request.title}: ${WARMUP_SECONDS} s warm-up, then ${options.duration} s × ${options.connections} connections`,
    );
    await runLoad(baseUrl, request, { duration: WARMUP_SECONDS, connections: options.connections });
    const { result, latency } = await runLoad(baseUrl, request, options);
    if (interrupted) return;
    if (server.child.exitCode !== null)
      throw new Error(`the server died during the run:\n${server.output()}`);
    figures.push(summarize(request, result, latency));
  }
  const peakRssMb = await readPeakRss(server.child.pid);

  const doc = {
    scenario: scenario.name,
    description: scenario.description,
    db: options.db,
    date: startedAt.toISOString(),
    durationSeconds: options.duration,
    warmupSeconds: WARMUP_SECONDS,
    connections: options.connections,
    machine: describeMachine(),
    server: { peakRssMb },
    requests: figures,
  };
  const jsonFile = options.json
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), options.json)
    : path.join(ROOT, 'bench/results', resultFileName(scenario.name, options.db, startedAt));
  await mkdir(path.dirname(jsonFile), { recursive: true });
  await writeFile(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);

  const m = doc.machine;
  console.log(`\n${scenario.name} on ${options.db}: ${scenario.description}`);
  console.log(
    `${m.cpu}, ${m.cores} cores, node ${m.node}; ${options.connections} connections, ${options.duration} s each\n`,
  );
  console.log(formatFigures(figures));
  console.log(`\nserver peak RSS: ${peakRssMb ?? 'n/a'} MB; JSON: ${path.relative(ROOT, jsonFile)}`);
  console.log(resultLine(doc));
}

try {
  await main();
} catch (error) {
  console.error(`[bench] failed: ${/** @type {Error} */ (error).message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
