import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundProblem, sendProblem } from './problem-handler.js';

const SERVER_PATHS = /^\/(api|healthz|readyz|metrics)(\/|$)/;

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ITSM</title></head>
<body><h1>ITSM</h1><p>The web interface is not built. Run <code>npm run build</code> (or <code>npm start</code>),
or use the development server: <code>npm run dev</code>.</p><p>The API is up: <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** A browser navigating to a client-side route: serve the SPA's index.html. */
function wantsSpa(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !SERVER_PATHS.test(path) &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/** Serves the built web UI with long-lived caching for hashed assets and the SPA fallback. */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      index: 'index.html',
      redirect: false,
      wildcard: true,
      setHeaders(reply, path) {
        // Vite puts content-hashed files under assets/: they never change.
        const immutable = path.includes('/assets/');
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn({ webDir }, 'web UI not built; serving a placeholder page');
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (wantsSpa(request)) {
      if (!built) return reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, notFoundProblem(request));
  });
}
