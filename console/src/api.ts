/**
 * Calls to /console/api. In Teams every call carries the SSO token Teams gives the page; in local
 * mode none is needed. Every change carries the console's own header, which the server requires so
 * that another site cannot make changes through a signed-in browser.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

export type TokenSource = () => Promise<string | undefined>;

let tokenSource: TokenSource = async () => undefined;

export function useTokens(source: TokenSource): void {
  tokenSource = source;
}

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = await tokenSource();
  if (token) headers.authorization = `Bearer ${token}`;
  // The server answers in the page's language (the person's Teams locale inside Teams).
  headers['accept-language'] = document.documentElement.lang || 'en';
  if (method !== 'GET') headers['x-console-request'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/console/api/${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    let message = response.statusText;
    let problems: string[] = [];
    try {
      const answer = (await response.json()) as { message?: string; problems?: string[] };
      message = answer.message ?? message;
      problems = answer.problems ?? [];
    } catch {
      // Not JSON (a proxy's page): the status text says enough.
    }
    throw new ApiError(response.status, message, problems);
  }
  return response;
}

export async function get<T>(path: string): Promise<T> {
  return (await (await call('GET', path)).json()) as T;
}

export async function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return (await (await call(method, path, body)).json()) as T;
}

/** Downloads a file the API answers (the acknowledgements CSV): a link cannot carry the token. */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await call('GET', path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
