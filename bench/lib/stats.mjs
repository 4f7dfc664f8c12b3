/**
 * @typedef {{ title: string, method?: string, path: string }} RequestRef
 * @typedef {{
 *   title: string, method: string, path: string,
 *   reqPerSec: number, totalRequests: number,
 *   latencyMs: { mean: number, p50: number, p90: number, p95: number, p99: number, max: number },
 *   errors: number, timeouts: number, non2xx: number, throughputMBps: number,
 * }} RequestFigures
 * @typedef {{ mean: number, p50: number, p90: number, p95: number, p99: number, max: number }} LatencySummary
 */

const MB = 1_000_000;

/** @param {number} value @param {number} digits */
export function round(value, digits) {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Collects response times in ms; autocannon's own histogram truncates them to whole milliseconds.
 */
export function createLatencyRecorder() {
  let values = new Float64Array(1 << 16);
  let count = 0;
  return {
    /** @param {number} ms */
    record(ms) {
      if (count === values.length) {
        const bigger = new Float64Array(values.length * 2);
        bigger.set(values);
        values = bigger;
      }
      values[count++] = ms;
    },
    /** @returns {LatencySummary} */
    summary() {
      return summarizeLatencies(values.subarray(0, count));
    },
  };
}

/**
 * Nearest-rank percentiles, mean and max of a set of latencies (the array is sorted in place).
 * @param {Float64Array} values
 * @returns {LatencySummary}
 */
export function summarizeLatencies(values) {
  if (values.length === 0) return { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
  values.sort();
  let sum = 0;
  for (const v of values) sum += v;
  /** @param {number} p */
  const rank = (p) => values[Math.max(0, Math.ceil((p / 100) * values.length) - 1)] ?? 0;
  return {
    mean: sum / values.length,
    p50: rank(50),
    p90: rank(90),
    p95: rank(95),
    p99: rank(99),
    max: rank(100),
  };
}

/**
 * Keeps the figures we report from an autocannon result and our own latency summary.
 * @param {RequestRef} request
 * @param {any} result an autocannon result object
 * @param {LatencySummary} latency
 * @returns {RequestFigures}
 */
export function summarize(request, result, latency) {
  return {
    title: request.title,
    method: request.method ?? 'GET',
    path: request.path,
    reqPerSec: round(result.requests.mean, 1),
    totalRequests: result.requests.total,
    latencyMs: {
      mean: round(latency.mean, 3),
      p50: round(latency.p50, 3),
      p90: round(latency.p90, 3),
      p95: round(latency.p95, 3),
      p99: round(latency.p99, 3),
      max: round(latency.max, 3),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    throughputMBps: round(result.throughput.mean / MB, 2),
  };
}

/**
 * Peak resident set size in MB from the text of /proc/<pid>/status, or null when absent.
 * @param {string} status
 */
export function peakRssMb(status) {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? round(Number(match[1]) / 1024, 1) : null;
}
