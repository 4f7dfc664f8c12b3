import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.js';

const SECRET_QUERY_PARAMS = /([?&](?:token|password|secret|code|key)=)[^&]*/gi;

/** Request URL for logs, with secrets in the query string masked (reset links carry tokens). */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, '$1[redacted]');
}

/** pino options: JSON lines in production, readable lines in a development terminal; secrets redacted. */
export function loggerOptions(config: Config, pretty: boolean): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
    ...(pretty && {
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true },
      },
    }),
  };
}
