/** @typedef {import('./stats.mjs').RequestFigures} RequestFigures */

/**
 * Renders rows as a plain-text table; numeric cells are right-aligned.
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 */
export function formatTable(headers, rows) {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  /** @param {string[]} row */
  const line = (row) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...cells.slice(1).map(line)].join('\n');
}

/** @param {RequestFigures[]} figures */
export function formatFigures(figures) {
  return formatTable(
    ['request', 'req/s', 'p50 ms', 'p90 ms', 'p95 ms', 'p99 ms', 'max ms', 'err+non2xx', 'MB/s'],
    figures.map((f) => [
      `${f.method} ${f.path} (${f.title})`,
      f.reqPerSec,
      f.latencyMs.p50,
      f.latencyMs.p90,
      f.latencyMs.p95,
      f.latencyMs.p99,
      f.latencyMs.max,
      f.errors + f.non2xx,
      f.throughputMBps,
    ]),
  );
}

/**
 * A file-name-safe UTC timestamp, e.g. 2025-03-01T08-30-00Z.
 * @param {Date} date
 */
export function fileTimestamp(date) {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/**
 * @param {string} scenario
 * @param {string} db
 * @param {Date} date
 */
export function resultFileName(scenario, db, date) {
  return `${scenario}-${db}-${fileTimestamp(date)}.json`;
}

/** One parseable line that ends stdout, for scripts that collect results. @param {unknown} doc */
export function resultLine(doc) {
  return `RESULT_JSON ${JSON.stringify(doc)}`;
}
