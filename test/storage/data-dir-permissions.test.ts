/**
 * DATA_DIR holds requests (names, emails, answers) and the form-token key: only the bot's own user
 * may read it. Over real HTTP, everything the bot writes is 0600 in folders of 0700, and files left
 * world-readable by an earlier version are put right when the bot starts.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installationUpdate, type Person } from '../fakes/activities';
import { bootBot } from '../fakes/boot';
import { startFakeConnector } from '../fakes/connector';
import { actionData, driver } from '../requests/drive';

/** Every folder and file under `root` (`.` for itself), with its permission bits as octal text. */
function modes(root: string): Array<{ name: string; folder: boolean; mode: string }> {
  return ['.', ...(readdirSync(root, { recursive: true }) as string[])].map((name) => {
    const stat = statSync(path.join(root, name));
    return { name, folder: stat.isDirectory(), mode: (stat.mode & 0o777).toString(8) };
  });
}

it('keeps every file under DATA_DIR at 0600 and every folder at 0700, old ones included', async () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'perm-')), 'data');
  // What an earlier version left: a world-readable folder and record.
  mkdirSync(path.join(dataDir, 'feedback'), { recursive: true, mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const old = path.join(dataDir, 'feedback', 'b2xk.json');
  writeFileSync(old, JSON.stringify({ key: 'old', etag: 'e', value: { entryId: 'x', helpful: true, at: '2026-01-01T00:00:00.000Z' } }), { mode: 0o644 });

  const connector = await startFakeConnector();
  const bot = await bootBot({ DATA_DIR: dataDir });
  try {
    const person: Person = { id: '29:perm', aadObjectId: 'aad-perm', name: 'Pia' };
    const chat = driver(bot, connector, { from: person });
    const [form] = await chat.say('export my data');
    await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' });
    const [answer] = await chat.say('how long do you keep my data');
    await chat.press('faq.feedback', actionData(answer, 'faq.feedback'));
    await bot.post(
      '/api/messages',
      installationUpdate('add', { serviceUrl: connector.url, conversationType: 'channel', conversationId: '19:t@thread.tacv2', teamId: '19:t@thread.tacv2' }),
    );

    const found = modes(dataDir);
    expect(found.map((item) => item.name)).toEqual(expect.arrayContaining(['.', 'settings', 'requests', 'feedback', 'installations', 'feedback/b2xk.json']));
    expect(found.filter((item) => item.mode !== (item.folder ? '700' : '600'))).toEqual([]);
  } finally {
    await bot.stop();
    await connector.close();
  }
});
