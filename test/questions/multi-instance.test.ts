/**
 * Questions on bot processes sharing Azure Table Storage (Azurite): people ask through two of them,
 * one is killed while Teams is refusing the channel posts, and the others post every ticket once;
 * then the team answers each ticket twice at once, through two instances, and each asker gets the
 * one answer that won, once.
 */
import type { Person } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { driver } from '../requests/drive';
import { NOTIFICATIONS_COLLECTION } from '../../src/notifications/notification-outbox';
import { TICKET_WORK_COLLECTION } from '../../src/questions/question-service';
import { AzureTableStore } from '../../src/storage/azure-store';
import type { WorkItem } from '../../src/storage/work-queue';
import { answersTo, askTheTeam, BOB, CAROL, cardWords, inPrivacyChannel, PRIVACY_CHANNEL, shows, ticketPosts } from './ask-drive';

describe('questions on several instances (Azurite)', () => {
  let azurite: Azurite;
  let connector: FakeConnector;
  let store: AzureTableStore;
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    [azurite, connector] = await Promise.all([startAzurite(), startFakeConnector()]);
    store = new AzureTableStore({ connectionString: azurite.connectionString, accountName: 'devstoreaccount1' });
  });
  afterAll(async () => {
    for (const running of processes) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await store.close();
    await Promise.all([azurite.dispose(), connector.close()]);
  });

  const start = async () => {
    const running = startBotProcess({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL,
      CONTENT_DIR: 'content',
    });
    processes.push(running);
    return { running, port: await servingPort(running) };
  };
  const workLeft = async () => (await store.list(TICKET_WORK_COLLECTION)).length + (await store.list(NOTIFICATIONS_COLLECTION)).length;

  it('posts every ticket once and delivers each asker one answer once, sharing the work', async () => {
    // A third instance stands by, so two are serving after one is killed.
    const [a, b, c] = await Promise.all([start(), start(), start()]);
    const askers: Person[] = Array.from({ length: 4 }, (_, n) => ({ id: `29:asker${n}`, aadObjectId: `aad-asker${n}`, name: `Asker ${n}` }));

    // Teams refuses every channel post for now; each refusal is counted per ticket.
    const attempts = new Map<string, number>();
    connector.respond = (call) => {
      if (call.method !== 'POST' || call.conversationId !== PRIVACY_CHANNEL) return undefined;
      const id = /Question (Q-[0-9A-Z]{8})/.exec(JSON.stringify(call.body))?.[1] ?? '';
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      return { status: 429, headers: { 'retry-after': '0' } };
    };
    const ids: string[] = [];
    for (const [n, asker] of askers.entries()) {
      const chat = driver(overHttp(n % 2 ? b.port : a.port), connector, { from: asker });
      ids.push((await askTheTeam(chat, connector, `is my data used to train AI, asks number ${n}?`)).id);
    }
    // Several rounds of refusals (the SDK tries four times per round): the backoff now leaves each
    // ticket waiting in the queue for seconds, with no lease held, when one instance is killed.
    await until(() => ids.every((id) => (attempts.get(id) ?? 0) >= 12), 60_000, 'three rounds of refusals per ticket');
    await until(
      async () => (await store.list<WorkItem<unknown>>(TICKET_WORK_COLLECTION)).every((item) => !item.value.leaseOwner),
      10_000,
      'no ticket in flight',
    );
    a.running.child.kill('SIGKILL');
    await a.running.exited;
    connector.respond = undefined;
    await until(() => ids.every((id) => ticketPosts(connector, id).length > 0), 60_000, 'every ticket posted by the survivor');

    // Each ticket answered by two people at once, one through each of the two instances left.
    const answers = await Promise.all(
      ids.map(async (id, n) => {
        const [first, second] = await Promise.all([
          driver(overHttp(c.port), connector).press('question.answer', { questionId: id, answer: `Bob's answer ${n}` }, inPrivacyChannel(BOB)),
          driver(overHttp(b.port), connector).press('question.answer', { questionId: id, answer: `Carol's answer ${n}` }, inPrivacyChannel(CAROL)),
        ]);
        const won = [first, second].filter((pressed) => shows(pressed.card, 'Your answer is on its way'));
        const lost = [first, second].filter((pressed) => shows(pressed.card, 'answered this question first'));
        expect([won.length, lost.length]).toEqual([1, 1]);
        return cardWords(won[0].card).find((line) => /^(Bob|Carol)'s answer/.test(line))!;
      }),
    );
    await until(() => askers.every((asker, n) => answersTo(connector, asker, ids[n]).length > 0), 30_000, 'every answer delivered');
    await until(async () => (await workLeft()) === 0, 20_000, 'no work left on either instance');

    for (const [n, id] of ids.entries()) {
      expect(ticketPosts(connector, id)).toHaveLength(1);
      const delivered = answersTo(connector, askers[n], id);
      expect(delivered).toHaveLength(1);
      expect(cardWords(delivered[0])).toContain(answers[n]);
    }
    // No instance logged a question or an answer.
    const output = processes.flatMap((running) => running.output).join('\n');
    expect(output).toContain(ids[0]);
    expect(output).not.toMatch(/train AI|'s answer/);
    for (const running of [b.running, c.running]) running.child.kill('SIGTERM');
    expect(await Promise.all([b.running.exited, c.running.exited])).toEqual([0, 0]);
  }, 180_000);
});
