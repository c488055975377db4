/** Calls the console's API as its page does: a bearer token when given, the change header on changes. */
export interface ConsoleAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

export function consoleApi(url: () => string, token?: () => Promise<string> | string) {
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ConsoleAnswer<T>> => {
    const sent: Record<string, string> = {};
    if (token) sent.authorization = `Bearer ${await token()}`;
    if (method !== 'GET') sent['x-console-request'] = '1';
    if (body !== undefined) sent['content-type'] = 'application/json';
    const response = await fetch(`${url()}/console/api/${path}`, {
      method,
      headers: { ...sent, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and empty answers stay text.
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    patch: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PATCH', path, body),
    del: <T = Record<string, unknown>>(path: string) => call<T>('DELETE', path),
  };
}
