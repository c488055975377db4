/** The example receiver, checked against the Standard Webhooks known-answer vector and the bot's own signer. */
import { webhookSignature } from '../../src/requests/webhook-signature';
import { startReceiver, type PrivacyRequestEvent } from './receiver';
import { deliveryVerifier } from './verify';

const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = 1674087231;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,AQG81rX2n4rTN1fkXoqILSHO9gAOcwya9dP41rhrQDI=';

describe('the bot signer and the example verifier', () => {
  const verify = deliveryVerifier([SPEC_SECRET]);
  const headers = { 'webhook-id': SPEC_ID, 'webhook-timestamp': String(SPEC_TIMESTAMP), 'webhook-signature': SPEC_SIGNATURE };
  // The package checks timestamps against the clock: set it to the vector's time, plus an offset.
  const atSecondsAfterVector = (seconds: number) => jest.spyOn(Date, 'now').mockReturnValue((SPEC_TIMESTAMP + seconds) * 1000);
  beforeEach(() => atSecondsAfterVector(0));
  afterEach(() => jest.restoreAllMocks());

  it("the signer reproduces the specification's known answer", () => {
    expect(webhookSignature([SPEC_SECRET], { id: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY })).toBe(SPEC_SIGNATURE);
  });

  it('gives one v1 signature per secret during a key rotation, either of which verifies', () => {
    const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const header = webhookSignature([SPEC_SECRET, other], { id: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY });
    expect(header.split(' ')).toHaveLength(2);
    const rotated = { ...headers, 'webhook-signature': header };
    expect(deliveryVerifier([other])(rotated, SPEC_BODY)).toEqual({ ok: true, id: SPEC_ID });
    expect(verify(rotated, SPEC_BODY)).toEqual({ ok: true, id: SPEC_ID });
    expect(deliveryVerifier([SPEC_SECRET, other])(headers, SPEC_BODY)).toEqual({ ok: true, id: SPEC_ID });
  });

  it('accepts the known-answer delivery, as a string or raw bytes, and refuses a changed body, id or secret', () => {
    expect(verify(headers, SPEC_BODY)).toEqual({ ok: true, id: SPEC_ID });
    expect(verify(headers, Buffer.from(SPEC_BODY))).toEqual({ ok: true, id: SPEC_ID });
    expect(verify(headers, '{"test": 2432232315}')).toEqual({ ok: false, reason: 'No matching signature found' });
    expect(verify({ ...headers, 'webhook-id': 'msg_other' }, SPEC_BODY).ok).toBe(false);
    expect(deliveryVerifier(['whsec_' + Buffer.alloc(24).toString('base64')])(headers, SPEC_BODY).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes off, either way', () => {
    atSecondsAfterVector(299);
    expect(verify(headers, SPEC_BODY).ok).toBe(true);
    atSecondsAfterVector(301);
    expect(verify(headers, SPEC_BODY)).toEqual({ ok: false, reason: 'Message timestamp too old' });
    atSecondsAfterVector(-301);
    expect(verify(headers, SPEC_BODY)).toEqual({ ok: false, reason: 'Message timestamp too new' });
  });

  it('refuses deliveries with missing or malformed headers', () => {
    expect(verify({}, SPEC_BODY)).toEqual({ ok: false, reason: 'Missing required headers' });
    expect(verify({ ...headers, 'webhook-timestamp': 'soon' }, SPEC_BODY).ok).toBe(false);
    expect(verify({ ...headers, 'webhook-signature': 'v2,' + SPEC_SIGNATURE.slice(3) }, SPEC_BODY).ok).toBe(false);
  });

  it('will not start with a secret that is not base64', () => {
    expect(() => deliveryVerifier(['whsec_not base64!'])).toThrow();
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
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignature([key], { id, timestamp, body }),
      },
      body,
    });

  it('hands each event over once, however often it is delivered', async () => {
    const body = JSON.stringify({
      type: 'privacy.request.created',
      timestamp: new Date().toISOString(),
      data: { id: 'PR-AAAA2222', kind: 'export', dueBy: '2026-12-24T00:00:00Z' },
    });
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
