import type { FieldError } from '@itsm/contracts';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export type AppErrorOptions = {
  /** Human-readable explanation for this occurrence. */
  detail?: string;
  /** Field-level errors (validation). */
  errors?: FieldError[];
  /** Extra problem members, e.g. `{ retry_after: 30 }`; never secrets. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
};

/** The one error type of the domain: a stable code that the error handler maps to an HTTP problem. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? ERROR_CODES[code].title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extensions = options.extensions;
  }
}

/** A 400 naming the field, for rules that zod cannot express (e.g. "a structure cannot be its own parent"). */
export function fieldError(
  location: FieldError['location'],
  field: string,
  message: string,
  code = 'invalid',
): AppError {
  return new AppError('VALIDATION_FAILED', { detail: message, errors: [{ location, field, message, code }] });
}

/** A 409 naming the field whose value is taken or still referenced. */
export function conflictError(code: ErrorCode, field: string, message: string): AppError {
  return new AppError(code, {
    detail: message,
    errors: [{ location: 'body', field, message, code: 'conflict' }],
  });
}
