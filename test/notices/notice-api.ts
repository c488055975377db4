/** Drives notices over real HTTP for the tests: the API with its token, installs, and a person's click on a channel copy. */
import { cardOf, execute, installationUpdate, type Person } from '../fakes/activities';
import type { ConnectorCall, FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';

export const NOTICE_TOKEN = 'notice-api-token-0123456789';

export interface NoticeStatusBody {
  id: string;
  status: string;
  targets: number;
  delivered: number;
  failed: number;
  pending: number;
  acknowledged: number;
  [field: string]: unknown;
}

export interface NoticeApi {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  status(id: string): Promise<NoticeStatusBody>;
  /** Waits until the notice's status is `state` (and `check`, if given, holds), and returns it. */
  waitFor(id: string, state: string, timeoutMs?: number, check?: (status: NoticeStatusBody) => boolean): Promise<NoticeStatusBody>;
}

/** `url` is read on every call: a test may point it at a restarted bot. */
export function noticeApi(url: () => string, token = NOTICE_TOKEN): NoticeApi {
  const api: NoticeApi = {
    call: (method, path, body, headers = {}) =>
      fetch(`${url()}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async status(id) {
      return (await (await api.call('GET', `/api/notices/${id}`)).json()) as NoticeStatusBody;
    },
    async waitFor(id, state, timeoutMs = 20_000, check = () => true) {
      let last: NoticeStatusBody | undefined;
      await until(
        async () => {
          last = await api.status(id).catch(() => undefined);
          return last?.status === state && check(last);
        },
        timeoutMs,
        () => `notice ${id} ${state}: last seen ${JSON.stringify(last)}`,
      );
      return last!;
    },
  };
  return api;
}

export const teamId = (tag: string, n: number) => `19:${tag}${n}@thread.tacv2`;

/** Installs the bot in a team as Teams announces it. */
export async function install(post: (path: string, body: unknown) => Promise<{ status: number }>, connector: FakeConnector, team: string): Promise<void> {
  const options = { serviceUrl: connector.url, conversationType: 'channel' as const, conversationId: team, teamId: team };
  const answer = await post('/api/messages', installationUpdate('add', options));
  if (answer.status !== 200) throw new Error(`install answered ${answer.status}`);
}

/** The copies of a notice posted to channels, by conversation: the post call and the activity id Teams gave it. */
export function copiesOf(connector: FakeConnector, title: string): Map<string, ConnectorCall[]> {
  const copies = new Map<string, ConnectorCall[]>();
  for (const call of connector.posted()) {
    const card = cardOf(call.body);
    if (!card || !JSON.stringify(card).includes(JSON.stringify(title).slice(1, -1)) || !JSON.stringify(card).includes('notice.ack')) continue;
    copies.set(call.conversationId!, [...(copies.get(call.conversationId!) ?? []), call]);
  }
  return copies;
}

/** What a person presses on a channel copy: the invoke Teams sends for "I have read this". */
export function acknowledgeActivity(
  connector: FakeConnector,
  person: Person,
  team: string,
  data: Record<string, unknown>,
  conversationType: 'channel' | 'personal' = 'channel',
) {
  const channel = conversationType === 'channel';
  return execute('notice.ack', data, {
    serviceUrl: connector.url,
    from: person,
    conversationType,
    ...(channel ? { conversationId: `${team};messageid=1700000000000`, teamId: team } : {}),
  });
}
