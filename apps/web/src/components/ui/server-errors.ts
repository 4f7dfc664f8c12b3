import type { FieldError } from '@itsm/contracts';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../lib/api';
import { errorMessage } from './states';

/** A form's own wording for a field problem the server gave (by its code), or undefined for the server's. */
export type FieldMessages = (problem: FieldError) => string | undefined;

/** The message of one field problem: a taken value (409) the problem's translated code, else the form's wording, else the server's. */
export function serverFieldMessage(error: ApiError, problem: FieldError, messages?: FieldMessages): string {
  if (problem.code === 'conflict') return errorMessage(error);
  return messages?.(problem) ?? problem.message;
}

/** The message for one field of the request body, if the server named it (forms without react-hook-form). */
export function fieldErrorMessage(
  error: unknown,
  field: string,
  messages?: FieldMessages,
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.errors.find((e) => e.location === 'body' && e.field === field);
  return problem ? serverFieldMessage(error, problem, messages) : undefined;
}

/** A form's fields named as in the API, or a map from an API field to a form field. */
export type ServerFields<T extends FieldValues> = readonly Path<T>[] | Partial<Record<string, Path<T>>>;

export type ServerErrorOptions<T extends FieldValues> = {
  /** The form's wording of the server's field problems. */
  messages?: FieldMessages;
  /** Problem codes without a field that still belong under one (a wrong code: `INVALID_OTP` → `otp`). */
  codeFields?: Partial<Record<string, Path<T>>>;
};

/**
 * Puts the server's field errors next to their fields, the first one focused (`send_invitation` →
 * `credentials` when `fields` maps them). Answers the message for the rest (the form shows it above
 * its buttons), or null when every problem found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: ServerFields<T>,
  { messages, codeFields }: ServerErrorOptions<T> = {},
): string | null {
  const codeField = error instanceof ApiError ? codeFields?.[error.code] : undefined;
  if (codeField) {
    setError(codeField, { type: 'server', message: errorMessage(error) }, { shouldFocus: true });
    return null;
  }
  if (!(error instanceof ApiError) || error.errors.length === 0) return errorMessage(error);
  const targets: Partial<Record<string, Path<T>>> = Array.isArray(fields)
    ? Object.fromEntries(fields.map((field) => [field, field]))
    : fields;
  let placed = 0;
  for (const problem of error.errors) {
    // `groups.2` is the `groups` field.
    const target =
      problem.location === 'body'
        ? (targets[problem.field] ?? targets[problem.field.split('.')[0] ?? ''])
        : undefined;
    if (!target) continue;
    setError(
      target,
      { type: 'server', message: serverFieldMessage(error, problem, messages) },
      { shouldFocus: placed === 0 },
    );
    placed += 1;
  }
  return placed === error.errors.length ? null : errorMessage(error);
}
