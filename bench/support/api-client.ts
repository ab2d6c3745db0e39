/** Thin JSON-over-HTTP helpers for setting up and driving one API instance. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly adminKey: string,
  ) {}

  async request(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text for the error message.
    }
    return { status: response.status, body: parsed };
  }

  /** Like `request`, but anything other than `expected` is an error naming the route and the answer. */
  async expect<T = Record<string, unknown>>(expected: number, method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const answer = await this.request(method, path, body, token);
    if (answer.status !== expected) {
      throw new EndpointError(
        `${method} ${path} answered ${answer.status}, expected ${expected}: ${JSON.stringify(answer.body).slice(0, 300)}`,
        answer.status,
      );
    }
    return answer.body as T;
  }

  admin<T = Record<string, unknown>>(expected: number, method: string, path: string, body?: unknown): Promise<T> {
    return this.expect<T>(expected, method, path, body, this.adminKey);
  }

  signIn(organization: string, email: string, password: string): Promise<{ accessToken: string; refreshToken: string; sessionId: string }> {
    return this.expect(200, 'POST', '/v1/auth/sign-in', { organization, email, password });
  }
}

/** An endpoint that is missing (404) or misbehaving: the figure is reported as not measured. */
export class EndpointError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
