import { DEMO_PASSWORD, totp } from './accounts.js';

/** A problem+json answer of the API, or any other non-2xx answer. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** An API client signed in with a token (`POST /api/v1/auth/token`): no cookie, no CSRF. */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const { token } = await call<{ token: string }>(baseUrl, 'POST', '/auth/token', { username, password });
    return new ApiClient(baseUrl, token);
  }

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return call<T>(this.baseUrl, method, path, body, { authorization: `Token ${this.token}` });
  }

  /** The id of a user by exact username. */
  async userId(username: string): Promise<number> {
    const page = await this.request<{ results: { id: number; username: string }[] }>(
      'GET',
      `/users?search=${encodeURIComponent(username)}&page_size=50`,
    );
    const user = page.results.find((u) => u.username === username);
    if (!user) throw new Error(`no user ${username}`);
    return user.id;
  }

  /** Turns MFA on for the token's user, as the account page does; answers the TOTP secret. */
  async enrolMfa(password = DEMO_PASSWORD): Promise<string> {
    const { secret } = await this.request<{ secret: string }>('POST', '/auth/mfa/setup', { password });
    await this.request('POST', '/auth/mfa/enable', { otp: await totp(secret) });
    return secret;
  }
}

async function call<T>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiFailure(response.status, payload, `${method} ${path}`);
  return payload as T;
}
