import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

describe('health, readiness and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('GET /healthz says the process is up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database and the migrations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true } },
    });
  });

  it('GET /metrics exposes request durations by route, the DB pool and event-loop lag', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} [1-9]/,
    );
    // an unknown URL is counted under one label, never under its raw path
    expect(text).toMatch(/route="unmatched",status_code="404"/);
    expect(text).not.toContain('nothing-here');
    expect(text).toMatch(
      new RegExp(`itsm_db_pool_connections\\{state="total",dialect="${t.db.dialect}"\\} [1-9]`),
    );
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('readiness before migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ migrate: false });
  });
  afterAll(() => t.close());

  it('answers 503 problem+json naming the pending migrations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('NOT_READY');
    expect(body.detail).toMatch(/pending migration.*itsm migrate/);
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations.ok).toBe(false);
  });
});

describe('metrics token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ITSM_METRICS_TOKEN: 'scrape-me-0123456789' } });
  });
  afterAll(() => t.close());

  it('requires the bearer token when one is configured', async () => {
    const denied = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(denied.statusCode).toBe(401);
    expect(denied.json().code).toBe('UNAUTHENTICATED');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-me-0123456789' },
    });
    expect(ok.statusCode).toBe(200);
  });
});
