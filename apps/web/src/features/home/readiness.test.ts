import { describe, expect, it } from 'vitest';
import { readinessFromResponse } from './readiness';

describe('readinessFromResponse', () => {
  it('is ready on 200 with status "ready"', () => {
    expect(readinessFromResponse(200, { status: 'ready', checks: { database: 'ok' } })).toBe('ready');
  });

  it('is not ready on 503 problem+json', () => {
    expect(readinessFromResponse(503, { type: 'about:blank', title: 'Not ready', status: 503 })).toBe(
      'not_ready',
    );
  });

  it('is not ready on 200 with an unexpected body', () => {
    expect(readinessFromResponse(200, null)).toBe('not_ready');
  });

  it('is unreachable on gateway errors', () => {
    expect(readinessFromResponse(502, null)).toBe('unreachable');
    expect(readinessFromResponse(504, null)).toBe('unreachable');
  });
});
