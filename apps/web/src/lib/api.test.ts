import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, whenSignedOut, withQuery } from './api';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/users', { page: 2, search: '', role: undefined, is_active: true })).toBe(
      '/users?page=2&is_active=true',
    );
  });

  it('sends the CSRF token with unsafe methods only', async () => {
    const fetch = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('t0k');
    await api('GET', '/users');
    await api('POST', '/users', { a: 1 });
    const headers = (fetch.mock.calls as unknown as [string, RequestInit][]).map(
      ([, init]) => init.headers as Record<string, string>,
    );
    expect(headers[0]?.['x-csrf-token']).toBeUndefined();
    expect(headers[1]?.['x-csrf-token']).toBe('t0k');
  });

  it('sends a keepalive request (one that outlives the page) with the CSRF token', async () => {
    const fetch = vi.fn(async () => answer(204, undefined));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('t0k');
    await api('POST', '/kb/deflections', { article: 1 }, undefined, { keepalive: true });
    await api('GET', '/users');
    const [first, second] = (fetch.mock.calls as unknown as [string, RequestInit][]).map(([, init]) => init);
    expect(first).toMatchObject({ keepalive: true, credentials: 'same-origin' });
    expect((first?.headers as Record<string, string> | undefined)?.['x-csrf-token']).toBe('t0k');
    expect(second?.keepalive).toBe(false);
  });

  it('sends a FormData as multipart (the browser sets its boundary), with the CSRF token', async () => {
    const fetch = vi.fn(async () => answer(201, { id: 7 }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('t0k');
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    expect(await api('POST', '/kb/articles/1/attachments', form)).toEqual({ id: 7 });
    const [, init] = (fetch.mock.calls as unknown as [string, RequestInit][])[0] ?? [];
    expect(init?.body).toBe(form);
    const headers = init?.headers as Record<string, string>;
    expect(headers['content-type']).toBeUndefined();
    expect(headers['x-csrf-token']).toBe('t0k');
  });

  it('turns problem+json into an ApiError with its fields and Retry-After', async () => {
    vi.stubGlobal('fetch', async () =>
      answer(
        400,
        {
          code: 'VALIDATION_FAILED',
          detail: 'bad',
          errors: [{ location: 'body', field: 'email', message: 'Invalid', code: 'x' }],
        },
        { 'retry-after': '30' },
      ),
    );
    const error = await api('POST', '/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiError).fieldMessage('email')).toBe('Invalid');
    expect((error as ApiError).retryAfter).toBe(30);
  });

  it('reports an expired session once, but not for the /auth/me probe', async () => {
    const signedOut = vi.fn();
    whenSignedOut(signedOut);
    vi.stubGlobal('fetch', async () => answer(401, { code: 'SESSION_EXPIRED' }));
    await api('GET', '/users').catch(() => undefined);
    await api('GET', '/auth/me').catch(() => undefined);
    expect(signedOut).toHaveBeenCalledTimes(1);
  });
});
