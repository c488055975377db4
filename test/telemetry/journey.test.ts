/**
 * What an operator's collector receives from a day in the bot's life, in miniature: the bot as
 * operators run it (`node dist/src/index.js`) exporting OTLP/HTTP to a local receiver, while a person
 * asks a question, asks one the content does not cover and sends it to the privacy team, files a
 * request that is delivered to the webhook, a notice goes to a team, and the privacy team's system
 * reports a status. The spans and metrics arrive with their names and outcomes, the HTTP calls sit
 * inside the spans that made them, and nothing exported holds the person's words, name, email, ids
 * or any token.
 */
import type { Person } from '../fakes/activities';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { rosterMember, startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startOtlpReceiver, type OtlpReceiver } from '../fakes/otlp-receiver';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { askTheTeam, PRIVACY_CHANNEL } from '../questions/ask-drive';
import { install, NOTICE_TOKEN, noticeApi, teamId } from '../notices/notice-api';
import { driver, facts, fileRequest } from '../requests/drive';
import { METRIC, OUTCOME_ATTRIBUTE } from '../../src/telemetry/metrics';
import { SPAN } from '../../src/telemetry/spans';

const STATUS_TOKEN = 'status-token-telemetry-0123456789';
const ADMIN: Person = { id: '29:telemetry-admin-7c1f', aadObjectId: '5d1c0e9a-4b7f-4c1e-9a55-0c3b2e7f1a24', name: 'Ottilie Admin-Vasquez' };
const PERSON: Person = { id: '29:1Zq8telemetryPerson', aadObjectId: '9b2f4e6a-1c3d-4e5f-8a7b-6c5d4e3f2a10', name: 'Wilhelmina Quackenbush' };
const ANSWERED = 'How long do you keep my data?';
const NOT_COVERED = 'Does the aquarium on floor nine record Wilhelmina humming sea shanties?';
const REQUEST_DETAILS = 'My surname is spelled Quackenbosh in the expense claims';

describe('telemetry of a journey, exported over OTLP/HTTP', () => {
  let connector: FakeConnector;
  let webhook: TestReceiver;
  let otlp: OtlpReceiver;
  let bot: BotProcess;
  let port: number;

  beforeAll(async () => {
    [connector, webhook, otlp] = await Promise.all([startFakeConnector(), startTestReceiver(), startOtlpReceiver()]);
    bot = startBotProcess({
      CONTENT_DIR: 'content',
      PRIVACY_WEBHOOK_URL: webhook.url,
      PRIVACY_WEBHOOK_SECRET: webhook.secret,
      PRIVACY_STATUS_TOKEN: STATUS_TOKEN,
      NOTICE_API_TOKEN: NOTICE_TOKEN,
      PRIVACY_ADMIN_IDS: ADMIN.aadObjectId,
      PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_METRIC_EXPORT_INTERVAL: '300',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // Every trace of the journey, not a few a second (the default).
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    });
    port = await servingPort(bot);
  }, 90_000);
  afterAll(async () => {
    bot.child.kill('SIGTERM');
    await bot.exited;
    await Promise.all([connector.close(), webhook.close(), otlp.close()]);
  });

  it('exports a span per turn, delivery, notice copy and status call, the named metrics, and nothing personal', async () => {
    const chat = driver(overHttp(port), connector, { from: PERSON });

    // A question the content answers, and one it does not, sent on to the privacy team.
    const [answer] = await chat.say(ANSWERED);
    expect(answer).toBeDefined();
    const asked = await askTheTeam(chat, connector, NOT_COVERED);
    expect(asked.id).toMatch(/^Q-/);

    // A request, delivered to the webhook.
    const receipt = await fileRequest(chat, 'please correct my data', { wrong: REQUEST_DETAILS, correct: 'Quackenbush-Holloway' });
    const requestId = facts(receipt).Reference;
    expect(requestId).toMatch(/^PR-/);
    await webhook.waitForEvents(1);

    // A notice to a team.
    await install((path, body) => overHttp(port).post(path, body), connector, teamId('telemetry', 1));
    const notices = noticeApi(() => `http://127.0.0.1:${port}`);
    const sent = await notices.call('POST', '/api/notices', { title: 'Telemetry notice', text: 'Read me.' });
    expect(sent.status).toBe(202);
    const { id: noticeId } = (await sent.json()) as { id: string };
    await notices.waitFor(noticeId, 'done');

    // The privacy team's system reports progress.
    const status = await fetch(`http://127.0.0.1:${port}/api/requests/${requestId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${STATUS_TOKEN}` },
      body: JSON.stringify({ status: 'in_progress', message: 'Wilhelmina, we are gathering your expense claims.' }),
    });
    expect(status.status).toBe(200);

    const named = (name: string) => otlp.spans().filter((span) => span.name === name);
    await otlp.waitFor('spans of every kind', () => [SPAN.turn, SPAN.delivery, SPAN.noticeCopy, SPAN.statusCall].every((name) => named(name).length > 0));
    await otlp.waitFor(
      'the status change and the notice post counted',
      () =>
        (otlp.latest(METRIC.statusChanges, { status: 'in_progress' }) ?? 0) >= 1 && (otlp.latest(METRIC.noticePosts, { call: 'post', result: 'ok' }) ?? 0) >= 1,
    );

    // Spans: outcomes on the turns, and the HTTP calls each unit of work made inside it.
    const turnOutcomes = named(SPAN.turn).map((span) => span.attributes[OUTCOME_ATTRIBUTE]);
    expect(turnOutcomes).toEqual(expect.arrayContaining(['answered', 'not_covered', 'request_form']));
    const spans = otlp.spans();
    const childrenOf = (parent: { spanId: string }) => spans.filter((span) => span.parentSpanId === parent.spanId);
    const clientCall = 3; // SpanKind.CLIENT in OTLP
    const answeredTurn = named(SPAN.turn).find((span) => span.attributes[OUTCOME_ATTRIBUTE] === 'answered')!;
    expect(childrenOf(answeredTurn).some((span) => span.kind === clientCall && String(span.attributes['url.full']).startsWith(connector.url))).toBe(true);
    const delivery = named(SPAN.delivery).find((span) => span.attributes[OUTCOME_ATTRIBUTE] === 'delivered')!;
    expect(
      childrenOf(delivery).some((span) => span.kind === clientCall && String(span.attributes['url.full']).startsWith(webhook.url.replace(/\/$/, ''))),
    ).toBe(true);
    const copy = named(SPAN.noticeCopy).find((span) => span.attributes[OUTCOME_ATTRIBUTE] === 'ok')!;
    expect(childrenOf(copy).some((span) => span.kind === clientCall)).toBe(true);
    expect(named(SPAN.statusCall)[0].attributes).toMatchObject({ [OUTCOME_ATTRIBUTE]: 'changed', 'privacy.status': 'in_progress' });
    // The requester hears of the change through the notification queue, in a trace of its own.

    // Metrics with their names and outcomes.
    expect(otlp.latest(METRIC.turns, { outcome: 'answered' })).toBeGreaterThanOrEqual(1);
    expect(otlp.latest(METRIC.turns, { outcome: 'not_covered' })).toBeGreaterThanOrEqual(1);
    expect(otlp.latest(METRIC.turns, { outcome: 'request_form' })).toBe(1);
    expect(otlp.latest(METRIC.deliveries, { result: 'delivered' })).toBe(1);
    expect(otlp.latest(METRIC.questionsToTeam)).toBe(1);
    await otlp.waitFor('queue gauges', () =>
      ['request-outbox', 'notices', 'notifications', 'question-tickets'].every((queue) => otlp.latest(METRIC.queueDepth, { queue }) !== undefined),
    );
    expect(otlp.latest(METRIC.queueOldestAge, { queue: 'request-outbox' })).toBeGreaterThanOrEqual(0);

    // Logs carry the trace id of the turn they were written in.
    // (Only the JSON lines: local mode also prints a banner.)
    const answerLog = bot.output
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'faq answer' && line.outcome === 'answered');
    expect(answerLog?.trace_id).toBe(answeredTurn.traceId);

    // Nothing personal, nowhere: not in a span, a metric, a resource or an attribute.
    const exported = otlp.everything();
    // The search reads what the HTTP spans recorded (the connector's address is there), so it would find the rest.
    expect(exported).toContain(connector.url.replace('http://', ''));
    const roster = rosterMember(PERSON.id);
    const personal = [
      ANSWERED,
      NOT_COVERED,
      'Wilhelmina',
      'Quackenbush',
      REQUEST_DETAILS,
      PERSON.name,
      PERSON.id,
      PERSON.id.replace(':', '%3A'),
      PERSON.aadObjectId,
      ADMIN.name,
      ADMIN.aadObjectId,
      roster.name,
      roster.email,
      roster.aadObjectId,
      STATUS_TOKEN,
      NOTICE_TOKEN,
      webhook.secret,
      webhook.secret.slice('whsec_'.length),
      requestId,
      asked.id,
    ];
    expect(personal.filter((text) => exported.includes(text))).toEqual([]);
  }, 120_000);
});

describe('telemetry over OTLP/HTTP protobuf, the protocol collectors default to', () => {
  it('exports the turn span and the turns metric as protobuf', async () => {
    const [connector, otlp] = await Promise.all([startFakeConnector(), startOtlpReceiver()]);
    const bot = startBotProcess({
      CONTENT_DIR: 'content',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_METRIC_EXPORT_INTERVAL: '300',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      const port = await servingPort(bot);
      const [answer] = await driver(overHttp(port), connector, { from: PERSON }).say(ANSWERED);
      expect(answer).toBeDefined();
      // Protobuf keeps names and string values as UTF-8 bytes: readable without decoding the message.
      const exported = (path: string, text: string) =>
        otlp.exports.some((item) => item.path === path && item.contentType === 'application/x-protobuf' && item.body.includes(text));
      await otlp.waitFor('a protobuf turn span and turns metric', () => exported('/v1/traces', SPAN.turn) && exported('/v1/metrics', METRIC.turns));
      expect(otlp.exports.some((item) => item.body.includes(ANSWERED) || item.body.includes(PERSON.aadObjectId))).toBe(false);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await Promise.all([connector.close(), otlp.close()]);
    }
  }, 90_000);
});
