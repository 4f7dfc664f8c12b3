import type { FieldError, Problem } from '@itsm/contracts';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './app-error.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export type ProblemBody = Problem & Record<string, unknown>;

type ValidationItem = {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};
type FastifyLikeError = Error & {
  statusCode?: number;
  code?: string;
  validation?: ValidationItem[];
  validationContext?: string;
};

const LOCATIONS: Record<string, FieldError['location']> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function problemType(code: string): string {
  return `urn:itsm:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export function buildProblem(
  code: ErrorCode,
  fields: { detail?: string; instance?: string; requestId?: string; errors?: FieldError[] } = {},
): ProblemBody {
  const { status, title } = ERROR_CODES[code];
  return {
    type: problemType(code),
    title,
    status,
    code,
    ...(fields.detail !== undefined && { detail: fields.detail }),
    ...(fields.instance !== undefined && { instance: fields.instance }),
    ...(fields.requestId !== undefined && { request_id: fields.requestId }),
    ...(fields.errors !== undefined && { errors: fields.errors }),
  };
}

/** Schema validation failures (zod or Fastify's own) as field errors: where, which field, why. */
export function validationFieldErrors(items: ValidationItem[], context: string | undefined): FieldError[] {
  const location = LOCATIONS[context ?? 'body'] ?? 'body';
  const errors: FieldError[] = [];
  for (const item of items) {
    const path = (item.instancePath ?? '').split('/').filter(Boolean).join('.');
    const code = item.keyword ?? 'invalid';
    const unknownKeys = item.params?.keys;
    if (code === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
      for (const key of unknownKeys) {
        const field = path ? `${path}.${String(key)}` : String(key);
        const what = location === 'query' ? 'query parameter' : 'field';
        errors.push({ location, field, code, message: `Unknown ${what} "${field}"` });
      }
    } else {
      errors.push({ location, field: path, code, message: item.message ?? 'Invalid value' });
    }
  }
  return errors;
}

export type MappedProblem = { body: ProblemBody; unexpected: boolean; headers?: Record<string, string> };

/**
 * Any thrown value → an RFC 9457 problem. Unexpected errors become a bare 500 whose stack is
 * shown only in development; the request id links the answer to the server log line.
 */
export function toProblem(
  error: unknown,
  context: { instance: string; requestId: string; exposeStack: boolean },
): MappedProblem {
  const base = { instance: context.instance, requestId: context.requestId };

  if (error instanceof AppError) {
    const body = buildProblem(error.code, { ...base, detail: error.detail, errors: error.errors });
    return { body: { ...error.extensions, ...body }, unexpected: error.status >= 500 };
  }

  const err = error as FastifyLikeError;
  if (hasZodFastifySchemaValidationErrors(err) || Array.isArray(err?.validation)) {
    const errors = validationFieldErrors(err.validation ?? [], err.validationContext);
    const detail = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
    return { body: buildProblem('VALIDATION_FAILED', { ...base, detail, errors }), unexpected: false };
  }

  const isObject = typeof err === 'object' && err !== null;
  const status = isObject && typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status < 500 && !isResponseSerializationError(err)) {
    const code = CODE_BY_STATUS[status] ?? 'BAD_REQUEST';
    const body = buildProblem(code, { ...base, detail: err.message });
    return { body: { ...body, status }, unexpected: false };
  }

  const body = buildProblem('INTERNAL_ERROR', {
    ...base,
    detail: 'An unexpected error occurred. The request id identifies it in the server logs.',
  });
  if (context.exposeStack && error instanceof Error) body.stack = error.stack;
  return { body, unexpected: true };
}
