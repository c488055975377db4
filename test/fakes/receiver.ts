/**
 * The privacy team's webhook for tests: the example receiver (examples/receiver), verifying every
 * signature for real, behind a gate that can play a receiver that is down, throttling or refusing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiverHandler, type PrivacyRequestEvent } from '../../examples/receiver/receiver';
import { until } from './until';

export interface ReceiverAttempt {
  readonly id: string;
  readonly at: number;
  readonly status: number;
  readonly authorization?: string;
}

export interface TestReceiver {
  readonly url: string;
  readonly secret: string;
  /** Events the example receiver accepted, each id once. */
  readonly events: PrivacyRequestEvent[];
  /** Every POST that reached the gate, accepted or not. */
  readonly attempts: ReceiverAttempt[];
  /**
   * Answer instead of the receiver: e.g. () => ({ status: 503 }), or 'hang' to never answer (recorded
   * with status 0). Undefined, or a gate returning undefined: the receiver answers.
   */
  gate: ((attempt: { id: string; n: number }) => { status: number; headers?: Record<string, string> } | 'hang' | undefined) | undefined;
  waitForEvents(count: number, timeoutMs?: number): Promise<PrivacyRequestEvent[]>;
  close(): Promise<void>;
}

export const RECEIVER_SECRET = 'whsec_' + Buffer.alloc(32, 42).toString('base64');

export async function startTestReceiver(port = 0): Promise<TestReceiver> {
  const events: PrivacyRequestEvent[] = [];
  const attempts: ReceiverAttempt[] = [];
  const handler = receiverHandler({ secrets: [RECEIVER_SECRET], onEvent: (event) => void events.push(event) });
  const server = http.createServer((req, res) => {
    const id = String(req.headers['webhook-id'] ?? '');
    const n = attempts.filter((attempt) => attempt.id === id).length + 1;
    const gated = receiver.gate?.({ id, n });
    const record = (status: number) => attempts.push({ id, at: Date.now(), status, authorization: req.headers.authorization });
    if (gated === 'hang') {
      req.resume();
      record(0);
      return;
    }
    if (gated) {
      req.resume();
      req.on('end', () => {
        record(gated.status);
        res.writeHead(gated.status, gated.headers ?? {});
        res.end();
      });
      return;
    }
    res.on('finish', () => record(res.statusCode));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const receiver: TestReceiver = {
    url: `http://127.0.0.1:${address.port}/`,
    secret: RECEIVER_SECRET,
    events,
    attempts,
    gate: undefined,
    async waitForEvents(count, timeoutMs = 15_000) {
      await until(
        () => events.length >= count,
        timeoutMs,
        () => `receiver (${events.length} events, ${attempts.length} attempts): ${count} events`,
      );
      return events;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
