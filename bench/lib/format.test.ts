import { describe, expect, it } from 'vitest';
import { fileTimestamp, formatFigures, formatTable, resultFileName, resultLine } from './format.mjs';

const figures = {
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
};

describe('formatTable', () => {
  it('pads text left and numbers right', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['a', 1],
          ['long name', 1234],
        ],
      ),
    ).toBe(['name          n', '---------  ----', 'a             1', 'long name  1234'].join('\n'));
  });

  it('prints one row per request with errors and non-2xx added', () => {
    const [header, , row] = formatFigures([figures]).split('\n');
    expect(header).toMatch(/^request +req\/s +p50 ms +p90 ms +p95 ms +p99 ms +max ms +err\+non2xx +MB\/s$/);
    expect(row).toMatch(/^GET \/healthz \(health\) +12345\.7 +0\.5 +1\.234 +2\.5 +3\.457 +42\.1 +3 +2\.35$/);
  });
});

describe('result files and lines', () => {
  const date = new Date('2025-03-01T08:30:00.123Z');

  it('names files with a colon-free UTC timestamp', () => {
    expect(fileTimestamp(date)).toBe('2025-03-01T08-30-00Z');
    expect(resultFileName('floor', 'sqlite', date)).toBe('floor-sqlite-2025-03-01T08-30-00Z.json');
  });

  it('puts the JSON on one prefixed line', () => {
    expect(resultLine({ a: [1, { b: 'x\ny' }] })).toBe('RESULT_JSON {"a":[1,{"b":"x\\ny"}]}');
  });
});
