import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorMessage } from '../../components/ui/states';
import { i18n } from '../../i18n';
import { ApiError } from '../../lib/api';

/** The server's message for a field, in the user's language when its code is known. */
export function fieldErrorText(error: ApiError, field: string): string | undefined {
  const problem = error.errors.find((e) => e.field === field);
  if (!problem) return undefined;
  // A taken value (e-mail): the problem's own code says which, and the shell translates it.
  if (problem.code === 'conflict') return errorMessage(error);
  const key = `fieldErrors.${problem.code}`;
  return i18n.exists(key, { ns: 'account' })
    ? (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: 'account' })
    : problem.message;
}

/**
 * Puts the server's field errors next to the form's fields; answers the message for the rest
 * (an error with no field of this form), or null when every problem found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  let placed = false;
  for (const field of fields) {
    const text = fieldErrorText(error, field);
    if (text) {
      setError(field, { type: 'server', message: text }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed ? null : errorMessage(error);
}
