import { describe, expect, it } from 'vitest';
import { AppError, fieldError } from './app-error.js';
import { toProblem, validationFieldErrors } from './problem.js';

const context = { instance: '/api/v1/things', requestId: 'req-1', exposeStack: false };

describe('toProblem', () => {
  it('maps an AppError to its status, stable code and extensions', () => {
    const { body, unexpected } = toProblem(
      new AppError('RATE_LIMITED', { detail: 'slow down', extensions: { retry_after: 30 } }),
      context,
    );
    expect(unexpected).toBe(false);
    expect(body).toEqual({
      type: 'urn:itsm:problem:rate-limited',
      title: 'Too many requests',
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'slow down',
      instance: '/api/v1/things',
      request_id: 'req-1',
      retry_after: 30,
    });
  });

  it('keeps field errors of a business rule', () => {
    const { body } = toProblem(
      fieldError('body', 'parent', 'a structure cannot be its own ancestor'),
      context,
    );
    expect(body.status).toBe(400);
    expect(body.errors).toEqual([
      {
        location: 'body',
        field: 'parent',
        message: 'a structure cannot be its own ancestor',
        code: 'invalid',
      },
    ]);
  });

  it('hides unexpected errors, showing the stack only when asked (development)', () => {
    const boom = new Error('database password is hunter2');
    const prod = toProblem(boom, context);
    expect(prod.unexpected).toBe(true);
    expect(prod.body.status).toBe(500);
    expect(JSON.stringify(prod.body)).not.toContain('hunter2');
    expect(prod.body.stack).toBeUndefined();
    const dev = toProblem(boom, { ...context, exposeStack: true });
    expect(dev.body.stack).toContain('hunter2');
  });

  it('maps framework client errors by status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toProblem(tooLarge, context).body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toProblem('a string', context).body.status).toBe(500);
    expect(toProblem(null, context).body.status).toBe(500);
  });
});

describe('validationFieldErrors', () => {
  it('names nested fields with dots and the place they came from', () => {
    const errors = validationFieldErrors(
      [{ instancePath: '/items/0/name', message: 'Too small', keyword: 'too_small' }],
      'body',
    );
    expect(errors).toEqual([
      { location: 'body', field: 'items.0.name', message: 'Too small', code: 'too_small' },
    ]);
  });

  it('lists each unknown key separately', () => {
    const errors = validationFieldErrors(
      [{ instancePath: '/', keyword: 'unrecognized_keys', params: { keys: ['role', 'structure'] } }],
      'body',
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['role', 'Unknown field "role"'],
      ['structure', 'Unknown field "structure"'],
    ]);
    expect(
      validationFieldErrors([{ instancePath: '/page', message: 'bad' }], 'querystring')[0]?.location,
    ).toBe('query');
  });
});
