import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { applyServerErrors, fieldErrorMessage } from './server-errors';

// The general message, without loading the translations.
vi.mock('./states', () => ({ errorMessage: (error: ApiError) => `general ${error.code}` }));

type Values = { name: string; groups: number[]; credentials: string; otp: string };

const problem = (field: string, code = 'invalid', location: 'body' | 'query' = 'body') => ({
  location,
  field,
  code,
  message: `bad ${field}`,
});
const failed = (code: string, ...errors: ReturnType<typeof problem>[]) =>
  new ApiError(400, code, 'detail', errors);

describe('applyServerErrors', () => {
  it('puts each problem under its field, focusing the first, and answers null when all found one', () => {
    const setError = vi.fn();
    const error = failed('VALIDATION_FAILED', problem('name'), problem('groups.2'));
    expect(applyServerErrors<Values>(error, setError, ['name', 'groups'])).toBeNull();
    expect(setError.mock.calls).toEqual([
      ['name', { type: 'server', message: 'bad name' }, { shouldFocus: true }],
      ['groups', { type: 'server', message: 'bad groups.2' }, { shouldFocus: false }],
    ]);
  });

  it('maps API fields to form fields, and keeps the general message for what found none', () => {
    const setError = vi.fn();
    const error = failed('VALIDATION_FAILED', problem('send_invitation'), problem('name', 'x', 'query'));
    expect(applyServerErrors<Values>(error, setError, { send_invitation: 'credentials' })).toBe(
      'general VALIDATION_FAILED',
    );
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError.mock.calls[0]?.[0]).toBe('credentials');
  });

  it("uses the form's wording, and the problem's own code for a taken value", () => {
    const setError = vi.fn();
    const error = failed('NAME_TAKEN', problem('name', 'conflict'));
    applyServerErrors<Values>(error, setError, ['name'], { messages: () => 'never used' });
    expect(setError.mock.calls[0]?.[1]).toEqual({ type: 'server', message: 'general NAME_TAKEN' });
    applyServerErrors<Values>(failed('VALIDATION_FAILED', problem('name', 'too_short')), setError, ['name'], {
      messages: (p) => (p.code === 'too_short' ? 'Too short.' : undefined),
    });
    expect(setError.mock.calls[1]?.[1]).toEqual({ type: 'server', message: 'Too short.' });
  });

  it('puts a problem without a field under the field its code belongs to', () => {
    const setError = vi.fn();
    const options = { codeFields: { INVALID_OTP: 'otp' as const } };
    expect(applyServerErrors<Values>(failed('INVALID_OTP'), setError, ['otp'], options)).toBeNull();
    expect(setError.mock.calls[0]?.slice(0, 2)).toEqual([
      'otp',
      { type: 'server', message: 'general INVALID_OTP' },
    ]);
    expect(applyServerErrors<Values>(new Error('boom'), setError, ['otp'])).toMatch(/^general/);
  });
});

describe('fieldErrorMessage', () => {
  it('gives the message of one body field, or undefined', () => {
    const error = failed('VALIDATION_FAILED', problem('parent', 'cycle'));
    expect(fieldErrorMessage(error, 'parent')).toBe('bad parent');
    expect(fieldErrorMessage(error, 'parent', () => 'Under itself.')).toBe('Under itself.');
    expect(fieldErrorMessage(error, 'name')).toBeUndefined();
    expect(fieldErrorMessage(new Error('x'), 'parent')).toBeUndefined();
  });
});
