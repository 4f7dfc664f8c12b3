import { PROBLEM_CONTENT_TYPE } from '@itsm/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem, type ProblemBody, toProblem } from '../errors/problem.js';

export function sendProblem(reply: FastifyReply, body: ProblemBody, headers: Record<string, string> = {}) {
  return reply.code(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}

/** Every error leaves as application/problem+json; 5xx are logged with their stack, 4xx are not noise. */
export function registerProblemHandler(app: FastifyInstance, options: { exposeStack: boolean }) {
  app.setErrorHandler((error, request, reply) => {
    const { body, unexpected } = toProblem(error, {
      instance: pathOf(request),
      requestId: String(request.id),
      exposeStack: options.exposeStack,
    });
    if (unexpected) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status: body.status }, 'request rejected');
    const headers: Record<string, string> = {};
    const retryAfter = body.retry_after;
    if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
    return sendProblem(reply, body, headers);
  });
}

export function notFoundProblem(request: FastifyRequest): ProblemBody {
  return buildProblem('NOT_FOUND', {
    detail: `No route for ${request.method} ${pathOf(request)}`,
    instance: pathOf(request),
    requestId: String(request.id),
  });
}
