#!/usr/bin/env node
// Bundle budget of the web UI: the JavaScript a browser must download before the first page shows.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { resultLine } from './lib/format.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = path.join(ROOT, 'apps/web');
/** kB as Vite prints them: 1 kB = 1000 bytes. */
const KB = 1000;
const DEFAULT_BUDGET_KB = 250;

const USAGE = `usage: npm run bench:bundle -- [options]
  --no-build          measure apps/web/dist as it is (default: vite build first)
  --budget <kB>       budget of the initial JavaScript, gzipped (default ${DEFAULT_BUDGET_KB})
  --dist <dir>        the build to measure (default apps/web/dist)`;

/** @param {string} message */
const log = (message) => console.error(`[bench:bundle] ${message}`);

/** @param {string} message */
function usageError(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      allowNegative: true,
      options: {
        build: { type: 'boolean', default: true },
        budget: { type: 'string', default: String(DEFAULT_BUDGET_KB) },
        dist: { type: 'string', default: path.join(WEB, 'dist') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const budget = Number(values.budget);
    if (!(budget > 0)) usageError(`--budget must be a positive number of kB, got "${values.budget}"`);
    return { build: values.build, budgetKb: budget, dist: path.resolve(values.dist) };
  } catch (error) {
    usageError(/** @type {Error} */ (error).message);
    throw error; // unreachable
  }
}

/** @param {string} tag @param {string} name */
function attribute(tag, name) {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find(Boolean);
}

/**
 * The JavaScript files index.html loads at once: the module entry scripts and the modulepreload links
 * (Vite adds one for every chunk the entry imports statically), as paths relative to dist.
 * @param {string} html
 */
function initialScripts(html) {
  const files = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') files.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel')?.split(/\s+/).includes('modulepreload')) files.add(href);
  }
  return [...files].map((url) => url.replace(/^\//, '').split(/[?#]/)[0]);
}

/**
 * The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`; not `import()`),
 * relative to dist. Vite's output is minified ESM, where these only appear as real imports.
 * @param {string} code @param {string} file
 */
function staticImports(code, file) {
  const found = [];
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)(["'])(\.{1,2}\/[^"']+\.js)\1/g)) {
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[2])));
  }
  return found;
}

/** @param {string} dir @param {string} [prefix] @returns {string[]} */
function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** @param {string} dist @param {string} file */
function measure(dist, file) {
  const content = readFileSync(path.join(dist, file));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** @param {number} bytes */
const kb = (bytes) => Number((bytes / KB).toFixed(2));

/**
 * file | raw kB | gzip kB, sizes right-aligned with two decimals, and a total line.
 * @param {{ file: string, raw: number, gzip: number }[]} figures
 */
function sizeTable(figures) {
  const sum = (/** @type {'raw' | 'gzip'} */ key) => figures.reduce((total, f) => total + f[key], 0);
  const rows = [
    ['file', 'raw kB', 'gzip kB'],
    ...figures.map((f) => [f.file, (f.raw / KB).toFixed(2), (f.gzip / KB).toFixed(2)]),
    ['total', (sum('raw') / KB).toFixed(2), (sum('gzip') / KB).toFixed(2)],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ row) =>
    `${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}  ${row[2].padStart(widths[2])}`;
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1])].join('\n');
}

function build() {
  log('building apps/web (vite build)…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@itsm/web'], {
    cwd: ROOT,
    // Vite's output to stderr: stdout carries the figures only.
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    log(`the build failed (exit ${result.status ?? result.signal})`);
    process.exit(2);
  }
}

function main() {
  const options = parseOptions();
  if (options.build) build();
  const indexPath = path.join(options.dist, 'index.html');
  let html;
  try {
    html = readFileSync(indexPath, 'utf8');
  } catch {
    log(`${indexPath} not found: build first (drop --no-build)`);
    process.exit(2);
  }

  // The entry and its preloads, plus any static import the preloads would have missed.
  const initial = initialScripts(html);
  const notPreloaded = [];
  for (let i = 0; i < initial.length; i++) {
    const file = initial[i];
    for (const imported of staticImports(readFileSync(path.join(options.dist, file), 'utf8'), file)) {
      if (!initial.includes(imported)) {
        initial.push(imported);
        notPreloaded.push(imported);
      }
    }
  }
  if (initial.length === 0) {
    log(`no <script type="module"> in ${indexPath}`);
    process.exit(2);
  }

  const initialFigures = initial.map((file) => measure(options.dist, file));
  const allJs = listFiles(options.dist).filter((file) => file.endsWith('.js'));
  const lazyFigures = allJs
    .filter((file) => !initial.includes(file))
    .map((file) => measure(options.dist, file))
    .sort((a, b) => b.gzip - a.gzip);
  const css = listFiles(options.dist)
    .filter((file) => file.endsWith('.css'))
    .map((file) => measure(options.dist, file));

  const total = {
    raw: initialFigures.reduce((sum, f) => sum + f.raw, 0),
    gzip: initialFigures.reduce((sum, f) => sum + f.gzip, 0),
  };
  const budget = options.budgetKb * KB;
  const over = total.gzip > budget;

  console.log(
    `Web UI bundle (${path.relative(ROOT, options.dist) || options.dist}), sizes in kB (1000 bytes), gzip -9\n`,
  );
  console.log('Initial JavaScript (entry + modulepreload):\n');
  console.log(sizeTable(initialFigures));
  if (notPreloaded.length > 0)
    console.log(`\n(imported statically but not preloaded: ${notPreloaded.join(', ')})`);
  console.log(
    `\nInitial JavaScript: ${kb(total.gzip)} kB gzipped, budget ${options.budgetKb} kB: ${
      over ? `OVER by ${kb(total.gzip - budget)} kB` : `OK (${Math.round((total.gzip / budget) * 100)} %)`
    }`,
  );
  console.log(`\nOther chunks (${lazyFigures.length}, loaded on demand: route pages and what they share):\n`);
  console.log(sizeTable(lazyFigures));
  console.log('\nStylesheets (not counted in the budget):\n');
  console.log(sizeTable(css));

  console.log(
    `\n${resultLine({
      budgetKb: options.budgetKb,
      initial: { files: initialFigures, raw: total.raw, gzip: total.gzip },
      lazy: lazyFigures,
      css,
      over,
    })}`,
  );
  process.exitCode = over ? 1 : 0;
}

main();
