/**
 * An organisation whose content is German (CONTENT_LANGUAGE=de): channel messages, which have no one
 * reader, speak German, and a notice keeps the words its author wrote, in whatever language they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardActionTitles, cardOf, cardTexts } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { copiesOf, install, NOTICE_TOKEN, noticeApi, teamId } from '../notices/notice-api';

describe('a German organisation', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), 'content-de-org-'));
    writeFileSync(path.join(contentDir, 'richtlinie.md'), '# Richtlinie\n\n## Aufbewahrung\nWir bewahren Ihre Daten sechs Jahre auf.\n');
    connector = await startFakeConnector();
    bot = await bootBot({ CONTENT_DIR: contentDir, CONTENT_LANGUAGE: 'de', NOTICE_API_TOKEN: NOTICE_TOKEN, NOTICE_MAX_RPS: '50' });
    await install(bot.post, connector, teamId('de', 1));
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    rmSync(contentDir, { recursive: true, force: true });
  });

  it('posts notices to channels with German words around the text its author wrote', async () => {
    const api = noticeApi(() => bot.url);
    const response = await api.call('POST', '/api/notices', { title: 'New retention rules', text: 'We now keep chat logs for 90 days.' });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await api.waitFor(id, 'done');
    const [copy] = copiesOf(connector, 'New retention rules').get(teamId('de', 1))!;
    const card = cardOf(copy.body)!;
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Änderung der Datenschutzrichtlinie', 'New retention rules', 'We now keep chat logs for 90 days.']),
    );
    expect(cardActionTitles(card)).toContain('Ich habe das gelesen');
  });
});
