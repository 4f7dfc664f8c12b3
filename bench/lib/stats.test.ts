import { describe, expect, it } from 'vitest';
import { createLatencyRecorder, peakRssMb, round, summarize, summarizeLatencies } from './stats.mjs';

// The subset of an autocannon result that summarize reads.
const autocannonResult = {
  requests: { mean: 12345.678, total: 123456 },
  throughput: { mean: 2_345_678 },
  errors: 1,
  timeouts: 0,
  non2xx: 2,
};
const latency = { mean: 0.77123, p50: 0.5, p90: 1.2344, p95: 2.5, p99: 3.456789, max: 42.1 };

describe('summarize', () => {
  it('keeps rounded figures in ms, req/s and MB/s', () => {
    expect(summarize({ title: 'health', path: '/healthz' }, autocannonResult, latency)).toEqual({
      title: 'health',
      method: 'GET',
      path: '/healthz',
      reqPerSec: 12345.7,
      totalRequests: 123456,
      latencyMs: { mean: 0.771, p50: 0.5, p90: 1.234, p95: 2.5, p99: 3.457, max: 42.1 },
      errors: 1,
      timeouts: 0,
      non2xx: 2,
      throughputMBps: 2.35,
    });
  });

  it('rounds non-finite values to 0', () => {
    expect(round(Number.NaN, 2)).toBe(0);
  });
});

describe('latencies', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarizeLatencies(values)).toEqual({ mean: 50.5, p50: 50, p90: 90, p95: 95, p99: 99, max: 100 });
  });

  it('answers zeros when nothing was recorded', () => {
    expect(createLatencyRecorder().summary()).toEqual({ mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 });
  });

  it('grows past its initial capacity and keeps sub-millisecond values', () => {
    const recorder = createLatencyRecorder();
    for (let i = 0; i < 200_000; i++) recorder.record(i % 2 === 0 ? 0.25 : 0.75);
    expect(recorder.summary()).toEqual({ mean: 0.5, p50: 0.25, p90: 0.75, p95: 0.75, p99: 0.75, max: 0.75 });
  });
});

describe('peakRssMb', () => {
  it('reads VmHWM from /proc/<pid>/status', () => {
    expect(peakRssMb('Name:\tnode\nVmPeak:\t 999 kB\nVmHWM:\t   102400 kB\nVmRSS:\t 5 kB\n')).toBe(100);
    expect(peakRssMb('Name:\tnode\n')).toBeNull();
  });
});
