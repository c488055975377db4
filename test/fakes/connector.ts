/**
 * A local HTTP server standing in for the Teams connector (the activity's serviceUrl). It records
 * every call the bot makes and answers like Teams does; `respond` lets a test answer some calls with
 * 429 and Retry-After, 403 and so on. Like Teams it lets the bot update (PUT) and delete (DELETE) an
 * activity it posted, keeps each message's latest content (`message`), and answers 404 to an update
 * or delete of a message already deleted. (Messages it never saw, such as a card in a test's own
 * activity, are accepted: the tests address those by ids they make up.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { until } from './until';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  /** Conversation id decoded from the path, when the call is about one. */
  readonly conversationId?: string;
  readonly body: Record<string, unknown>;
  readonly headers: http.IncomingHttpHeaders;
  readonly at: number;
  /** For a post: the id the connector gave the new message. */
  readonly activityId?: string;
}

export interface ConnectorReply {
  /** With `hang`, the call is never answered: its connection stays open until the fake closes. */
  readonly hang?: boolean;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type ConnectorResponder = (call: ConnectorCall) => ConnectorReply | undefined;

export interface FakeConnector {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Calls that posted an activity into a conversation (replies, proactive messages). */
  readonly posted: () => ConnectorCall[];
  /** Calls that replaced an activity (PUT .../activities/{id}). */
  readonly updated: () => ConnectorCall[];
  /** Calls that deleted an activity (DELETE .../activities/{id}). */
  readonly deleted: () => ConnectorCall[];
  /** A message as it stands now: its latest body, or 'deleted'; undefined if never posted here. */
  message(conversationId: string, activityId: string): Record<string, unknown> | 'deleted' | undefined;
  respond: ConnectorResponder | undefined;
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const messages = new Map<string, Record<string, unknown> | 'deleted'>();
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { unparsable: raw };
      }
      const path = req.url ?? '/';
      const match = /^\/v3\/conversations\/([^/]+)/.exec(path);
      const call: ConnectorCall = {
        method: req.method ?? 'GET',
        path,
        conversationId: match ? decodeURIComponent(match[1]) : undefined,
        body,
        headers: req.headers,
        at: Date.now(),
      };
      const custom = fake.respond?.(call);
      if (custom?.hang) return;
      if (custom) {
        res.writeHead(custom.status, { 'content-type': 'application/json', ...(custom.headers ?? {}) });
        res.end(custom.body === undefined ? '' : JSON.stringify(custom.body));
        if (custom.status < 300) calls.push(call);
        return;
      }
      const target = activityOf(call);
      if (target && (call.method === 'PUT' || call.method === 'DELETE') && messages.get(target) === 'deleted') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'NotFound', message: 'The message was deleted.' } }));
        return;
      }
      const answer = defaultAnswer(call, ++counter);
      const posted = call.method === 'POST' && call.conversationId !== undefined && /\/activities(\/[^/]+)?$/.test(call.path);
      calls.push(posted ? { ...call, activityId: (answer as { id: string }).id } : call);
      if (posted) messages.set(messageKey(call.conversationId!, (answer as { id: string }).id), call.body);
      if (target && call.method === 'PUT') messages.set(target, call.body);
      if (target && call.method === 'DELETE') messages.set(target, 'deleted');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(call.method === 'DELETE' ? '' : JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeConnector = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    posted: () => calls.filter((call) => call.method === 'POST' && /\/activities(\/[^/]+)?$/.test(call.path)),
    updated: () => calls.filter((call) => call.method === 'PUT' && activityOf(call) !== undefined),
    deleted: () => calls.filter((call) => call.method === 'DELETE' && activityOf(call) !== undefined),
    message: (conversationId, activityId) => messages.get(messageKey(conversationId, activityId)),
    respond: undefined,
    async waitFor(predicate, timeoutMs = 10_000) {
      await until(
        () => predicate(calls),
        timeoutMs,
        () => `connector (${calls.length} calls seen): condition`,
      );
      return calls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** The message a PUT or DELETE addresses, as a key of `messages`. */
function activityOf(call: ConnectorCall): string | undefined {
  const match = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)$/.exec(call.path);
  return match ? messageKey(decodeURIComponent(match[1]), decodeURIComponent(match[2])) : undefined;
}

function messageKey(conversationId: string, activityId: string): string {
  return `${conversationId}|${activityId}`;
}

function defaultAnswer(call: ConnectorCall, n: number): unknown {
  // POST /v3/conversations creates a (personal) conversation: Teams answers with its id.
  if (call.method === 'POST' && call.path.replace(/\/$/, '') === '/v3/conversations') {
    const member = (call.body.members as Array<{ id: string }> | undefined)?.[0]?.id ?? 'unknown';
    return { id: `a:personal-${member}`, activityId: `created-${n}` };
  }
  // GET a member (TeamsInfo.getMember) answers from the roster the test put in the activity.
  if (call.method === 'GET' && /\/members\//.test(call.path)) {
    const id = decodeURIComponent(call.path.split('/members/')[1] ?? '');
    return rosterMember(id);
  }
  return { id: `activity-${n}` };
}

/** The roster the fake connector answers with: name and email derive from the member id. */
export function rosterMember(id: string) {
  const short =
    id
      .replace(/[^a-z0-9]/gi, '')
      .slice(-6)
      .toLowerCase() || 'user';
  return {
    id,
    name: `Person ${short}`,
    email: `person.${short}@contoso.example`,
    userPrincipalName: `person.${short}@contoso.example`,
    aadObjectId: `aad-${short}`,
    tenantId: 'tenant-contoso',
  };
}
