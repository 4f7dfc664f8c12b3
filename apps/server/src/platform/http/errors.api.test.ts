import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

function addProbeRoutes(app: FastifyInstance) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/api/v1/probe',
    {
      config: { public: true },
      schema: {
        body: z.strictObject({
          title: z.string().min(3).max(200),
          urgency: z.number().int().min(1).max(5),
          items: z.array(z.object({ name: z.string().min(1) })).optional(),
        }),
      },
    },
    async (request, reply) => reply.code(201).send({ ok: true, title: request.body.title }),
  );
  routes.get('/api/v1/boom', { config: { public: true } }, async () => {
    throw new Error('secret connection string postgres://admin:hunter2@db');
  });
}

describe('errors as problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        ITSM_ENV: 'production',
        ITSM_CORS_ORIGINS: 'https://itsm.example.com',
        // plain http: no HSTS expected
        ITSM_PUBLIC_URL: 'http://itsm.example.com',
      },
    });
    addProbeRoutes(t.app);
  });
  afterAll(() => t.close());

  it('answers unknown API routes with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toEqual({
      type: 'urn:itsm:problem:not-found',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      detail: 'No route for GET /api/v1/nope',
      instance: '/api/v1/nope',
      request_id: res.headers['x-request-id'],
    });
  });

  it('lists every invalid field with its path and reason', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      payload: { title: 'ab', urgency: 'high', items: [{ name: '' }], role: 'admin' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = body.errors.map((e: { location: string; field: string }) => `${e.location}:${e.field}`);
    expect(fields).toEqual(['body:title', 'body:urgency', 'body:items.0.name', 'body:role']);
    expect(body.errors[3].message).toBe('Unknown field "role"');
    expect(body.detail).toContain('title:');
  });

  it('rejects malformed JSON, wrong media types and oversized bodies with the right status', async () => {
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('BAD_REQUEST');

    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      payload: { title: 'x'.repeat(2 * 1024 * 1024), urgency: 1 },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides unexpected errors behind a 500 that names the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.request_id).toBe(res.headers['x-request-id']);
    expect(res.body).not.toContain('hunter2');
    expect(body.stack).toBeUndefined();
  });

  it('keeps a safe incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'lb-42.abc' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-42.abc');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'evil\nlog line' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers, without HSTS on plain HTTP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows only the configured origins (production)', async () => {
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/probe',
      headers: { origin: 'https://itsm.example.com', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://itsm.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const denied = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://evil.example.net' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('development mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ITSM_PUBLIC_URL: 'https://itsm.example.com' } });
    addProbeRoutes(t.app);
  });
  afterAll(() => t.close());

  it('shows the stack of unexpected errors to the developer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().stack).toContain('errors.api.test.ts');
  });

  it('allows any origin without credentials, and sends HSTS when served over HTTPS', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
