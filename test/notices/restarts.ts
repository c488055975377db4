/**
 * Notices across restarts of the bot process, on the file store and on Azure Table Storage (Azurite):
 * an edit and a recall interrupted half way finish after the restart with every copy changed, and a
 * scheduled notice goes out after a restart, on time, by the process that is alive then (a cancelled
 * one does not). On the file store the process is killed (SIGKILL): the next one takes over what it
 * held at once. On Azure it is stopped as a deployment stops it (SIGTERM); a killed instance's items
 * wait out their lease, which the multi-instance test covers.
 */
import { rmSync } from 'node:fs';
import { cardOf, cardTexts } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { copiesOf, install, NOTICE_TOKEN, noticeApi, teamId } from './notice-api';
import { scratchDir } from '../fakes/scratch-dir';

const TEAMS = 12;

/** The scenario on one store; each store's test file calls it, so jest runs the two side by side. */
export function describeRestarts(name: string, storage: 'file' | 'azure', signal: 'SIGKILL' | 'SIGTERM'): void {
  describe(`notices across restarts on ${name}`, () => {
    let connector: FakeConnector;
    let azurite: Azurite | undefined;
    let env: Record<string, string>;
    let running: BotProcess | undefined;
    let port = 0;
    const api = noticeApi(() => `http://127.0.0.1:${port}`);

    beforeAll(async () => {
      connector = await startFakeConnector();
      azurite = storage === 'azure' ? await startAzurite() : undefined;
      env = {
        NOTICE_API_TOKEN: NOTICE_TOKEN,
        CONTENT_DIR: 'content',
        DATA_DIR: scratchDir('notice-restarts-'),
        ...(azurite ? { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
      };
    });
    afterAll(async () => {
      if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
      await connector.close();
      await azurite?.dispose();
      rmSync(env.DATA_DIR, { recursive: true, force: true });
    });

    async function start(maxRps: number): Promise<void> {
      running = startBotProcess({ ...env, NOTICE_MAX_RPS: String(maxRps) });
      port = await servingPort(running);
    }
    async function restart(maxRps: number): Promise<void> {
      running!.child.kill(signal);
      await running!.exited;
      await start(maxRps);
    }

    it('finishes an interrupted edit and recall, and sends a scheduled notice on time', async () => {
      await start(4);
      const tag = `r${storage}`;
      for (let n = 0; n < TEAMS; n++) await install(overHttp(port).post, connector, teamId(tag, n));
      const created = await api.call('POST', '/api/notices', { title: `Restart ${storage}`, text: 'Original text.' });
      const { id, targets } = (await created.json()) as { id: string; targets: number };
      expect(targets).toBe(TEAMS);
      await api.waitFor(id, 'done', 30_000);
      const copies = copiesOf(connector, `Restart ${storage}`);
      expect(copies.size).toBe(TEAMS);
      const activityOf = (conversation: string) => copies.get(conversation)![0].activityId!;

      // At 4 calls a second the edit is under way, not done, when the process goes.
      expect((await api.call('PATCH', `/api/notices/${id}`, { text: 'Edited text.' })).status).toBe(202);
      await connector.waitFor(() => connector.updated().filter((call) => call.conversationId?.startsWith(`19:${tag}`)).length >= 2);
      await restart(50);
      await api.waitFor(id, 'done', 30_000, (status) => status.updated === TEAMS);
      for (const conversation of copies.keys()) {
        expect(cardTexts(cardOf(connector.message(conversation, activityOf(conversation)) as Record<string, unknown>))).toContain('Edited text.');
      }

      // A notice scheduled a few seconds ahead, and one scheduled then cancelled.
      const sendAt = new Date(Date.now() + 6000).toISOString();
      const scheduled = (await (await api.call('POST', '/api/notices', { title: `Scheduled ${storage}`, text: 'On time.', sendAt })).json()) as {
        id: string;
        sendAt: string;
      };
      expect(scheduled.sendAt).toBe(sendAt);
      const cancelled = (await (await api.call('POST', '/api/notices', { title: `Cancelled ${storage}`, text: 'Never.', sendAt })).json()) as { id: string };
      expect((await api.status(scheduled.id)).status).toBe('scheduled');
      expect((await api.call('DELETE', `/api/notices/${cancelled.id}`)).status).toBe(202);
      expect(await api.status(cancelled.id)).toMatchObject({ status: 'cancelled', pending: 0 });

      await restart(4);
      expect((await api.call('DELETE', `/api/notices/${id}`)).status).toBe(202);
      await connector.waitFor(() => connector.deleted().filter((call) => call.conversationId?.startsWith(`19:${tag}`)).length >= 2);
      await restart(50);
      await api.waitFor(id, 'recalled', 30_000);
      expect(await api.status(id)).toMatchObject({ deleted: TEAMS, deleteFailed: 0 });
      for (const conversation of copies.keys()) expect(connector.message(conversation, activityOf(conversation))).toBe('deleted');

      await api.waitFor(scheduled.id, 'done', 60_000);
      const posts = [...copiesOf(connector, `Scheduled ${storage}`).values()].flat();
      expect(posts).toHaveLength(TEAMS);
      // Not before its time, and well within the minute the contract allows.
      const due = Date.parse(sendAt);
      for (const post of posts) expect(post.at).toBeGreaterThanOrEqual(due);
      expect(Math.min(...posts.map((post) => post.at)) - due).toBeLessThan(60_000);
      await until(async () => Date.now() > due + 1000, 10_000, "past the cancelled notice's time");
      expect(copiesOf(connector, `Cancelled ${storage}`).size).toBe(0);
      expect((await api.status(cancelled.id)).status).toBe('cancelled');
    }, 150_000);
  });
}
