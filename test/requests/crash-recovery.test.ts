/**
 * The bot is the point of receipt: a request it has acknowledged must reach the privacy team even if
 * the process is killed (SIGKILL, no chance to drain) while deliveries are still pending.
 */
import { rmSync } from 'node:fs';
import type { Person } from '../fakes/activities';
import { overHttp, servingPort, startBotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { actionData, driver, facts } from './drive';
import { until } from '../fakes/until';
import { scratchDir } from '../fakes/scratch-dir';

describe('a bot killed with requests pending', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
  });
  afterAll(async () => {
    await Promise.all([connector.close(), receiver.close()]);
  });

  it('delivers every acknowledged request after it is started again on the same data', async () => {
    const dataDir = scratchDir('crash-');
    const env = {
      DATA_DIR: dataDir,
      CONTENT_DIR: 'content',
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '5000',
    };
    // Two deliveries are refused and wait for their retry; two are in flight, unanswered, at the kill.
    let arrived = 0;
    receiver.gate = () => (++arrived <= 2 ? { status: 503 } : 'hang');
    const first = startBotProcess(env);
    const port = await servingPort(first);
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      const person: Person = { id: `29:crash${n}`, aadObjectId: `aad-crash${n}`, name: `C${n}` };
      const chat = driver(overHttp(port), connector, { from: person });
      const [form] = await chat.say('export my data');
      ids.push(facts((await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'usage', format: 'csv' })).card).Reference);
    }
    await until(() => receiver.attempts.length >= 4);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(receiver.events).toHaveLength(0);

    receiver.gate = undefined;
    const second = startBotProcess(env);
    await servingPort(second);
    try {
      // Well inside the 60 s lease the killed process held on the two in flight: a restarted
      // single instance knows those leases are dead.
      await receiver.waitForEvents(4, 20_000);
      expect(receiver.events.map((event) => event.data.id).sort()).toEqual([...ids].sort());
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
