/**
 * What Teams enforces, played by the local connector in benchmarks: per conversation 7 calls a
 * second, 8 in 2 seconds, 60 in 30 seconds, and per tenant a calls-per-second ceiling, counting posts,
 * updates and deletes of messages alike. A call beyond any of them gets 429 with Retry-After, as
 * Teams answers.
 */
import type { ConnectorCall, ConnectorResponder } from '../test/fakes/connector';

export interface EnforcedLimits {
  readonly responder: ConnectorResponder;
  /** 429s handed out so far. */
  readonly throttled: () => number;
}

export function teamsLimits(tenantPerSecond: number): EnforcedLimits {
  const windows = [
    { limit: 7, ms: 1000 },
    { limit: 8, ms: 2000 },
    { limit: 60, ms: 30_000 },
  ];
  const perConversation = new Map<string, number[]>();
  const tenant: number[] = [];
  let throttled = 0;
  const countSince = (times: number[], since: number) => times.filter((time) => time > since).length;
  const responder = (call: ConnectorCall) => {
    const post = call.method === 'POST' && /\/activities$/.test(call.path);
    const change = (call.method === 'PUT' || call.method === 'DELETE') && /\/activities\/[^/]+$/.test(call.path);
    if ((!post && !change) || !call.conversationId) return undefined;
    const now = call.at;
    const times = perConversation.get(call.conversationId) ?? [];
    const over = windows.some((window) => countSince(times, now - window.ms) >= window.limit) || countSince(tenant, now - 1000) >= tenantPerSecond;
    if (over) {
      throttled++;
      return { status: 429, headers: { 'retry-after': '1' } };
    }
    times.push(now);
    perConversation.set(call.conversationId, times);
    tenant.push(now);
    if (tenant.length > 5000) tenant.splice(0, tenant.length - 1000);
    return undefined;
  };
  return { responder, throttled: () => throttled };
}
