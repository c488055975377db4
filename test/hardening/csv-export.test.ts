/**
 * The acknowledgements CSV opens safely in Excel with either list separator, whatever names people
 * have in Teams: every cell quoted, formulas neutralised at the start of a cell and after `,` or `;`,
 * and a name that is not text neither breaks the export nor leaks an internal message. Real HTTP,
 * the real bot, the fake connector.
 */
import { actionData } from '../requests/drive';
import { cardOf, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { acknowledgeActivity, copiesOf, install, NOTICE_TOKEN, noticeApi, teamId } from '../notices/notice-api';

const SEMICOLON: Person = { id: '29:c1', aadObjectId: 'aad-c1', name: 'x;=HYPERLINK("https://evil.example/login","Verify")' };
const COMMA: Person = { id: '29:c2', aadObjectId: 'aad-c2', name: 'Lee, @SUM(A1:A9)' };
// Teams sends a string; a forged or broken client may send anything in its place.
const NOT_TEXT: Person = { id: '29:c3', aadObjectId: 'aad-c3', name: ['=1+1'] as unknown as string };

describe('the acknowledgements CSV', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  const api = noticeApi(() => bot.url);

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ NOTICE_API_TOKEN: NOTICE_TOKEN, NOTICE_MAX_RPS: '50' });
    await install(bot.post, connector, teamId('csv', 1));
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it('quotes every cell and neutralises formulas after either separator, for names of any type', async () => {
    const sent = await api.call('POST', '/api/notices', { title: 'CSV notice', text: 'Please confirm.' });
    const { id } = (await sent.json()) as { id: string };
    await api.waitFor(id, 'done');
    const data = actionData(cardOf(copiesOf(connector, 'CSV notice').get(teamId('csv', 1))![0].body), 'notice.ack');
    for (const person of [SEMICOLON, COMMA, NOT_TEXT])
      expect((await bot.post('/api/messages', acknowledgeActivity(connector, person, teamId('csv', 1), data))).status).toBe(200);
    const list = (await (await api.call('GET', `/api/notices/${id}/acknowledgements`)).json()) as Array<{ aadObjectId: string; at: string }>;
    expect(list.map((item) => item.aadObjectId)).toEqual(['aad-c1', 'aad-c2', 'aad-c3']);

    const csv = await api.call('GET', `/api/notices/${id}/acknowledgements`, undefined, { accept: 'text/csv' });
    const body = await csv.text();
    expect(csv.status).toBe(200);
    const lines = body.trimEnd().split('\r\n');
    expect(lines).toEqual([
      '"aadObjectId","name","at"',
      `"aad-c1","x;'=HYPERLINK(""https://evil.example/login"",""Verify"")","${list[0].at}"`,
      `"aad-c2","Lee, '@SUM(A1:A9)","${list[1].at}"`,
      `"aad-c3","","${list[2].at}"`,
    ]);
  });
});
