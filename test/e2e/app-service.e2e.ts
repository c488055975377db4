/**
 * What `atk deploy` (or `az webapp deploy`) ships: the folder `npm run stage` builds, with production
 * dependencies only, started the way App Service starts it (`node dist/src/index.js` in that folder).
 * A module that the bot imports but the package declares only for development, or not at all, fails
 * here rather than on App Service.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stageApp } from '../../scripts/stage-app';
import { cardOf, cardTexts, message } from '../fakes/activities';
import { REPO_ROOT } from '../fakes/boot';
import { overHttp, servingPort, startBotProcess } from '../fakes/bot-process';
import { startFakeConnector } from '../fakes/connector';

describe('the folder staged for App Service', () => {
  it('starts with production dependencies alone, without deprecation warnings, and answers a question', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'stage-')), 'app-service');
    stageApp({ root: REPO_ROOT, out });

    const connector = await startFakeConnector();
    // App Service's environment: the folder as working directory, content and data found from there.
    const bot = startBotProcess({ DATA_DIR: path.join(out, '.data') }, out, path.join(out, 'dist/src/index.js'));
    try {
      const port = await servingPort(bot, 30_000);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const response = await overHttp(port).post('/api/messages', message('what does the policy say about erasing my data?', { serviceUrl: connector.url }));
      expect(response.status).toBe(200);
      const [reply] = await connector.waitFor((calls) => calls.length >= 1);
      expect(cardTexts(cardOf(reply.body))[0]).toBe('Deletion');
      // The console's page and its bundle come from the staged folder too.
      expect((await fetch(`http://127.0.0.1:${port}/console`)).status).toBe(200);
      const script = await fetch(`http://127.0.0.1:${port}/console/assets/console.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await connector.close();
    }
    expect(bot.output.filter((line) => /DeprecationWarning|\[DEP\d+\]/.test(line))).toEqual([]);
  }, 240_000);
});
