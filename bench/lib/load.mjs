import autocannon from 'autocannon';
import { createLatencyRecorder } from './stats.mjs';

/**
 * @typedef {{
 *   title: string, method?: string, path: string,
 *   headers?: Record<string, string>, body?: string | Buffer | object,
 *   setupRequest?: (request: { headers: Record<string, string>, body?: string | Buffer }) => object,
 *   overallRate?: number, connections?: number,
 * }} BenchRequest
 * `setupRequest` changes each request (another agent's token, another body); `overallRate` caps the
 * requests per second (a steady load instead of the most the server can take); `connections`
 * overrides the run's for this request.
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
  const json =
    request.body !== undefined && typeof request.body !== 'string' && !Buffer.isBuffer(request.body);
  const method = request.method ?? 'GET';
  const headers = { ...(json ? { 'content-type': 'application/json' } : {}), ...request.headers };
  const body = json ? JSON.stringify(request.body) : request.body;
  const tracker = autocannon({
    url: new URL(request.path, baseUrl).href,
    method,
    headers,
    body,
    ...(request.setupRequest && {
      requests: [{ method, path: request.path, headers, body, setupRequest: request.setupRequest }],
    }),
    ...(request.overallRate && { overallRate: request.overallRate }),
    connections: request.connections ?? connections,
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
