import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Desktop, DesktopError } from './desktop.js';
import { APP_CSS, APP_HTML, APP_JS, LOCKED_HTML } from './page.js';
import { sameSecret, sessionValue } from './secret.js';

// The desktop app's HTTP server, on 127.0.0.1 only. A browser gets in through a one-time URL that
// only a reader of the per-install secret can ask for (itsm-agent open); it sets a SameSite=Strict
// cookie; the Host check stops
// DNS-rebinding pages, the cookie and the JSON-only, same-origin POSTs stop other web pages.

const COOKIE = 'itsm_agent_ui';
const CODE_TTL_MS = 60_000;
const MAX_BODY = 200_000;
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export type DesktopServer = { url: string; port: number; close(): Promise<void> };

function cookieOf(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

function send(response: ServerResponse, status: number, type: string, body: string, headers = {}) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...headers });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Too large' };
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // answered below
  }
  throw { status: 400, code: 'BAD_REQUEST', message: 'Send a JSON object' };
}

export async function startDesktopServer(options: {
  desktop: Desktop;
  secret: string;
  port: number;
}): Promise<DesktopServer> {
  const { desktop, secret } = options;
  const session = sessionValue(secret);
  const codes = new Map<string, number>();
  let origin = '';

  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', origin);
      // A page of another site whose name resolves to 127.0.0.1 sends its own Host: refuse it.
      if (request.headers.host !== new URL(origin).host)
        return send(response, 421, 'text/plain', 'Wrong host');

      // `itsm-agent open` proves it can read the secret and gets a one-time code for the browser, so
      // that the secret itself never shows in a command line or a browser history.
      if (request.method === 'POST' && url.pathname === '/open-code') {
        if (!sameSecret(String(request.headers['x-agent-secret'] ?? ''), secret))
          return json(response, 403, { code: 'LOCKED', message: 'Wrong secret' });
        const code = randomBytes(24).toString('base64url');
        codes.set(code, Date.now() + CODE_TTL_MS);
        return json(response, 201, { url: `${origin}/open?code=${code}` });
      }
      if (request.method === 'GET' && url.pathname === '/open') {
        const code = url.searchParams.get('code') ?? '';
        const expires = codes.get(code);
        codes.delete(code);
        if (expires === undefined || expires < Date.now())
          return send(response, 403, 'text/html; charset=utf-8', LOCKED_HTML);
        return send(response, 303, 'text/plain', 'Opening', {
          location: '/',
          'set-cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      const signedIn = sameSecret(cookieOf(request) ?? '', session);
      if (request.method === 'GET' && url.pathname === '/')
        return send(
          response,
          signedIn ? 200 : 403,
          'text/html; charset=utf-8',
          signedIn ? APP_HTML : LOCKED_HTML,
        );
      if (request.method === 'GET' && url.pathname === '/app.js')
        return send(response, 200, 'text/javascript; charset=utf-8', APP_JS);
      if (request.method === 'GET' && url.pathname === '/app.css')
        return send(response, 200, 'text/css; charset=utf-8', APP_CSS);
      if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
      if (!url.pathname.startsWith('/api/'))
        return json(response, 404, { code: 'NOT_FOUND', message: 'Not found' });
      if (!signedIn)
        return json(response, 403, { code: 'LOCKED', message: 'Open the app with itsm-agent open' });

      if (request.method === 'POST') {
        const sentOrigin = request.headers.origin;
        if (sentOrigin !== undefined && sentOrigin !== origin)
          return json(response, 403, { code: 'CROSS_ORIGIN', message: 'Cross-origin request refused' });
        if (!request.headers['content-type']?.startsWith('application/json'))
          return json(response, 415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send JSON' });
      }
      const route = `${request.method} ${url.pathname}`;
      switch (route) {
        case 'GET /api/state':
          return json(response, 200, await desktop.state());
        case 'POST /api/sign-in':
          return json(response, 200, await desktop.signIn(await readJson(request)));
        case 'POST /api/sign-out':
          desktop.signOut();
          return json(response, 200, { signed_out: true });
        case 'POST /api/sync':
          return json(response, 200, await desktop.syncNow());
        case 'GET /api/tickets':
          return json(response, 200, await desktop.tickets());
        case 'POST /api/tickets':
          return json(response, 202, await desktop.createTicket(await readJson(request)));
        default:
          return json(response, 404, { code: 'NOT_FOUND', message: 'Not found' });
      }
    } catch (error) {
      const known = error as Partial<DesktopError>;
      if (typeof known.status === 'number' && typeof known.code === 'string')
        return json(response, known.status, { code: known.code, message: known.message });
      return json(response, 500, { code: 'INTERNAL_ERROR', message: (error as Error).message });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
