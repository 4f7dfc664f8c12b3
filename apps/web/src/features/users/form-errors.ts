import type { FieldError as ApiFieldError } from '@itsm/contracts';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorMessage } from '../../components/ui/states';
import { i18n } from '../../i18n';
import { ApiError } from '../../lib/api';

// Password policy reasons the server gives (field `password`, code below), translated here.
const PASSWORD_CODES = new Set(['too_short', 'too_long', 'common', 'personal']);

/** The server's message for one field, in the user's language when we know its reason. */
export function serverFieldMessage(error: ApiError, item: ApiFieldError): string {
  const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  // 409 USERNAME_TAKEN, EMAIL_TAKEN, NAME_TAKEN…: the problem code has a translated message.
  if (item.code === 'conflict') return errorMessage(error);
  if (item.field === 'password' && PASSWORD_CODES.has(item.code))
    return t(`fieldErrors.passwordPolicy.${item.code}`, { ns: 'users' });
  if (item.code === 'not_found') return t('fieldErrors.notFound', { ns: 'users' });
  if (item.field === 'structure' && item.code === 'required')
    return t('fieldErrors.structure', { ns: 'users' });
  return item.message;
}

/**
 * Puts the server's field errors next to their fields (`fields` maps an API field to a form field);
 * returns the message for the rest (the form shows it above its buttons), or null when all were placed.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, Path<T>>>,
): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return errorMessage(error);
  let placed = 0;
  for (const item of error.errors) {
    const target =
      item.location === 'body' ? (fields[item.field] ?? fields[item.field.split('.')[0] ?? '']) : undefined;
    if (!target) continue;
    setError(
      target,
      { type: 'server', message: serverFieldMessage(error, item) },
      { shouldFocus: placed === 0 },
    );
    placed += 1;
  }
  return placed === error.errors.length ? null : errorMessage(error);
}

/** The form's message for a field: the server's as given, else the translated rule it broke. */
export function formFieldMessage(
  error: { type?: string; message?: string } | undefined,
  ruleMessage: (message: string | undefined) => string,
): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server') return error.message;
  return ruleMessage(error.message);
}

/**
 * Moves the focus to the first invalid field of the form, in reading order (our inputs take no ref
 * from react-hook-form, so it cannot do it); waits for the error messages to render.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  setTimeout(() => {
    const field = form?.querySelector<HTMLElement>(
      'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [data-invalid] input',
    );
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, 30);
}
