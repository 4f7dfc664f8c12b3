import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { createLatencyRecorder } from './stats.mjs';

/**
 * @typedef {{
 *   title: string, method?: string, path: string,
 *   headers?: Record<string, string>, body?: string | Buffer | object,
 *   setupRequest?: (request: { headers: Record<string, string>, body?: string | Buffer }) => object,
 *   pacedRate?: number, connections?: number,
 * }} BenchRequest
 * `setupRequest` changes each request (another agent's token, another body); `pacedRate` sends that
 * many requests per second at even intervals, whatever the answers (many clients each calling now
 * and then, such as agents' heartbeats) instead of the most the server can take; `connections`
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
  if (request.pacedRate) return runPaced(baseUrl, request, duration);
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

/**
 * Open-loop load: one request every 1/rate s, each on its own schedule (autocannon's rate limit
 * sends each second's requests in one burst, which measures the burst, not the steady load).
 * Answers with the fields of an autocannon result that the report reads.
 * @param {string} baseUrl @param {BenchRequest} request @param {number} duration
 */
async function runPaced(baseUrl, request, duration) {
  const rate = /** @type {number} */ (request.pacedRate);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies = createLatencyRecorder();
  const counts = { total: 0, errors: 0, non2xx: 0, bytes: 0 };
  const json =
    request.body !== undefined && typeof request.body !== 'string' && !Buffer.isBuffer(request.body);
  const base = {
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...request.headers },
    body: json ? JSON.stringify(request.body) : request.body,
  };
  const url = new URL(request.path, baseUrl);
  const send = () =>
    new Promise((resolve) => {
      const { headers, body, path } =
        /** @type {{ headers: Record<string, string>, body?: string | Buffer, path?: string }} */ (
          request.setupRequest ? request.setupRequest({ ...base }) : base
        );
      const started = performance.now();
      const req = http.request(
        path ? new URL(path, baseUrl) : url,
        { method: request.method ?? 'GET', headers, agent },
        (res) => {
          res.on('data', (chunk) => {
            counts.bytes += chunk.length;
          });
          res.on('end', () => {
            counts.total += 1;
            if (res.statusCode >= 200 && res.statusCode < 300) latencies.record(performance.now() - started);
            else counts.non2xx += 1;
            resolve(undefined);
          });
        },
      );
      req.on('error', () => {
        counts.errors += 1;
        resolve(undefined);
      });
      req.end(body);
    });
  const pending = [];
  const start = performance.now();
  for (let i = 0; i < rate * duration; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send());
  }
  await Promise.all(pending);
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  return {
    result: {
      requests: { mean: counts.total / seconds, total: counts.total },
      errors: counts.errors,
      timeouts: 0,
      non2xx: counts.non2xx,
      throughput: { mean: counts.bytes / seconds },
    },
    latency: latencies.summary(),
  };
}
