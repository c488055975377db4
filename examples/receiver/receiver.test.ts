/** The example receiver, checked against the Standard Webhooks known-answer vector and the bot's own signer. */
import { webhookSignature } from '../../src/requests/webhook-signature';
import { startReceiver, type PrivacyRequestEvent } from './receiver';
import { verifyDelivery } from './verify';

const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = 1674087231;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,AQG81rX2n4rTN1fkXoqILSHO9gAOcwya9dP41rhrQDI=';

describe('the bot signer and the example verifier', () => {
  it('the signer reproduces the specification\'s known answer', () => {
    expect(webhookSignature([SPEC_SECRET], { id: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY })).toBe(SPEC_SIGNATURE);
  });

  it('gives one v1 signature per secret during a key rotation, either of which verifies', () => {
    const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const header = webhookSignature([SPEC_SECRET, other], { id: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY });
    expect(header.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': SPEC_ID, 'webhook-timestamp': String(SPEC_TIMESTAMP), 'webhook-signature': header };
    expect(verifyDelivery([other], headers, SPEC_BODY, SPEC_TIMESTAMP * 1000)).toEqual({ ok: true, id: SPEC_ID });
    expect(verifyDelivery([SPEC_SECRET], headers, SPEC_BODY, SPEC_TIMESTAMP * 1000)).toEqual({ ok: true, id: SPEC_ID });
  });

  const headers = { 'webhook-id': SPEC_ID, 'webhook-timestamp': String(SPEC_TIMESTAMP), 'webhook-signature': SPEC_SIGNATURE };

  it('accepts the known-answer delivery and refuses a changed body, id or secret', () => {
    const at = SPEC_TIMESTAMP * 1000;
    expect(verifyDelivery([SPEC_SECRET], headers, SPEC_BODY, at).ok).toBe(true);
    expect(verifyDelivery([SPEC_SECRET], headers, '{"test": 2432232315}', at).ok).toBe(false);
    expect(verifyDelivery([SPEC_SECRET], { ...headers, 'webhook-id': 'msg_other' }, SPEC_BODY, at).ok).toBe(false);
    expect(verifyDelivery(['whsec_' + Buffer.alloc(24).toString('base64')], headers, SPEC_BODY, at).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes off, either way', () => {
    expect(verifyDelivery([SPEC_SECRET], headers, SPEC_BODY, (SPEC_TIMESTAMP + 299) * 1000).ok).toBe(true);
    expect(verifyDelivery([SPEC_SECRET], headers, SPEC_BODY, (SPEC_TIMESTAMP + 301) * 1000)).toEqual({ ok: false, reason: 'timestamp outside the tolerance' });
    expect(verifyDelivery([SPEC_SECRET], headers, SPEC_BODY, (SPEC_TIMESTAMP - 301) * 1000).ok).toBe(false);
  });

  it('refuses deliveries with missing or malformed headers', () => {
    expect(verifyDelivery([SPEC_SECRET], {}, SPEC_BODY).ok).toBe(false);
    expect(verifyDelivery([SPEC_SECRET], { ...headers, 'webhook-timestamp': '12e9' }, SPEC_BODY).ok).toBe(false);
    expect(verifyDelivery([SPEC_SECRET], { ...headers, 'webhook-signature': 'v2,abc' }, SPEC_BODY, SPEC_TIMESTAMP * 1000).ok).toBe(false);
  });
});

describe('the example receiver over HTTP', () => {
  const secret = 'whsec_' + Buffer.alloc(32, 3).toString('base64');
  const events: PrivacyRequestEvent[] = [];
  let receiver: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    receiver = await startReceiver({ secrets: [secret], onEvent: (event) => void events.push(event) });
  });
  afterAll(() => receiver.close());

  const deliver = (id: string, body: string, timestamp = Math.floor(Date.now() / 1000), key = secret) =>
    fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': webhookSignature([key], { id, timestamp, body }) },
      body,
    });

  it('hands each event over once, however often it is delivered', async () => {
    const body = JSON.stringify({ type: 'privacy.request.created', timestamp: new Date().toISOString(), data: { id: 'PR-AAAA2222', kind: 'export', dueBy: '2026-12-24T00:00:00Z' } });
    expect((await deliver('PR-AAAA2222', body)).status).toBe(200);
    const again = await deliver('PR-AAAA2222', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: 'PR-AAAA2222', duplicate: true });
    expect(events.filter((event) => event.data.id === 'PR-AAAA2222')).toHaveLength(1);
  });

  it('answers 400 to a forged or stale delivery and hands nothing over', async () => {
    const before = events.length;
    const body = JSON.stringify({ type: 'privacy.request.created', data: { id: 'PR-FORGED00' } });
    expect((await deliver('PR-FORGED00', body, undefined, 'whsec_' + Buffer.alloc(32, 9).toString('base64'))).status).toBe(400);
    expect((await deliver('PR-STALE000', body, Math.floor(Date.now() / 1000) - 3600)).status).toBe(400);
    expect(events.length).toBe(before);
  });
});
