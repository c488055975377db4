/**
 * The bot keeps one Bot Framework client per service URL instead of building one per turn
 * (src/teams/reused-clients.ts). Teams sends each conversation's service URL with its activities;
 * a reused client must still answer every activity at its own service URL, however turns interleave.
 */
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { cardOf, message, type Person } from '../fakes/activities';

describe('Bot Framework clients reused across turns', () => {
  let bot: BootedBot;
  let regionA: FakeConnector;
  let regionB: FakeConnector;

  beforeAll(async () => {
    [regionA, regionB] = await Promise.all([startFakeConnector(), startFakeConnector()]);
    bot = await bootBot();
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([regionA.close(), regionB.close()]);
  });

  it('answers each of many concurrent activities at its own service URL', async () => {
    const sent = Array.from({ length: 16 }, (_, n) => {
      const connector = n % 2 === 0 ? regionA : regionB;
      const from: Person = { id: `29:reuse-${n}`, aadObjectId: `aad-reuse-${n}`, name: `Reuse ${n}` };
      return { connector, activity: message('how long is data retained?', { serviceUrl: connector.url, from }) };
    });
    const responses = await Promise.all(sent.map(({ activity }) => bot.post('/api/messages', activity)));
    expect(responses.map((response) => response.status)).toEqual(sent.map(() => 200));

    for (const connector of [regionA, regionB]) {
      const expected = sent.filter((item) => item.connector === connector).map((item) => item.activity.id);
      const replies = await connector.waitFor((calls) => calls.length >= expected.length);
      expect(replies.map((call) => call.body.replyToId).sort()).toEqual([...expected].sort());
      expect(replies.every((call) => cardOf(call.body) !== undefined)).toBe(true);
    }
  });

  it("opens a personal chat for a request asked in a channel at that channel's service URL", async () => {
    regionA.calls.length = 0;
    regionB.calls.length = 0;
    const from: Person = { id: '29:reuse-channel', aadObjectId: 'aad-reuse-channel', name: 'Channel Person' };
    const activity = message('export my data', {
      serviceUrl: regionB.url,
      from,
      conversationType: 'channel',
      conversationId: '19:reuse@thread.tacv2',
      teamId: '19:reuse@thread.tacv2',
      mention: true,
    });
    expect((await bot.post('/api/messages', activity)).status).toBe(200);

    const calls = await regionB.waitFor((seen) => seen.some((call) => call.conversationId === `a:personal-${from.id}` && cardOf(call.body) !== undefined));
    expect(calls.some((call) => call.method === 'POST' && call.path.replace(/\/$/, '') === '/v3/conversations')).toBe(true);
    expect(regionA.calls).toEqual([]);
  });
});
