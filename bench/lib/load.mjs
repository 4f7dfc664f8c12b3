import autocannon from 'autocannon';
import { createLatencyRecorder } from './stats.mjs';

/**
 * @typedef {{
 *   title: string, method?: string, path: string,
 *   headers?: Record<string, string>, body?: string | object,
 * }} BenchRequest
 */

/** @type {{ stop: () => void } | null} */
let current = null;

/** Stops the autocannon run in progress, if any (Ctrl-C). */
export function stopLoad() {
  current?.stop();
}

/**
 * Runs one request against the server for `duration` seconds.
 * Returns autocannon's result and the sub-millisecond latencies of the 2xx responses.
 * @param {string} baseUrl
 * @param {BenchRequest} request
 * @param {{ duration: number, connections: number }} options
 */
export async function runLoad(baseUrl, request, { duration, connections }) {
  const json = request.body !== undefined && typeof request.body !== 'string';
  const tracker = autocannon({
    url: new URL(request.path, baseUrl).href,
    method: request.method ?? 'GET',
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...request.headers },
    body: json ? JSON.stringify(request.body) : request.body,
    connections,
    duration,
    title: request.title,
  });
  const latencies = createLatencyRecorder();
  // Only 2xx responses count, as in autocannon's own latency histogram.
  tracker.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.record(responseTime);
  });
  current = tracker;
  try {
    return { result: await tracker, latency: latencies.summary() };
  } finally {
    current = null;
  }
}
