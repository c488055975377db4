/**
 * An organisation replaces content/ with its own policy: the real bot process (`node dist/src/index.js`)
 * started on our employee-notice fixture, asked over HTTP through the local stand-in for the Teams
 * connector. Nothing in src/ knows this policy's words.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardActionTitles, cardTexts, message, submit } from '../fakes/activities';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { findActions, type Card } from '../requests/drive';

const FIXTURE = path.join(__dirname, 'fixtures/employee-notice/content');

let content: string;
let running: BotProcess;
let connector: FakeConnector;
let bot: ReturnType<typeof overHttp>;

beforeAll(async () => {
  // A copy, with one entry taught an `Also asked:` phrasing the way an author would write it.
  content = mkdtempSync(path.join(os.tmpdir(), 'drop-in-'));
  cpSync(FIXTURE, content, { recursive: true });
  const faq = path.join(content, 'faq.md');
  writeFileSync(
    faq,
    `# Frequently asked questions\n\n## Can my manager look at my personal Facebook or Instagram?\nAlso asked: is HR stalking my socials; does my boss check my TikTok\nNo. We do not monitor colleagues' personal social media accounts.\n`,
  );
  connector = await startFakeConnector();
  running = startBotProcess({ CONTENT_DIR: content });
  bot = overHttp(await servingPort(running));
}, 30_000);

afterAll(async () => {
  running.child.kill('SIGTERM');
  await running.exited;
  await connector.close();
  rmSync(content, { recursive: true, force: true });
});

/** Sends a message (or a card submit) and returns the first card the bot posts back. */
async function reply(activity: Record<string, unknown>): Promise<Card> {
  const before = connector.posted().length;
  const response = await bot.post('/api/messages', activity);
  expect(response.status).toBe(200);
  await connector.waitFor(() => connector.posted().length > before, 15_000);
  const body = connector.posted()[before].body;
  return (body.attachments as Array<{ content: Card }>)[0].content;
}

const ask = (text: string) => reply(message(text, { serviceUrl: connector.url }));

describe('a policy the code has never seen', () => {
  it("answers a question in the users' own words with the entry that covers it", async () => {
    expect(cardTexts(await ask('is my driving speed recorded'))[0]).toBe('Vehicle tracking and driving data');
    expect(cardTexts(await ask('what will you say if my next employer asks for a referance'))[0]).toBe('References for new employers');
    expect(cardTexts(await ask('can other managers see my appraisal'))[0]).toBe('Performance reviews and disciplinary matters');
  });

  it('finds an entry through the phrasing its author added with Also asked, and never shows that line', async () => {
    const card = await ask('is HR stalking my socials?');
    expect(cardTexts(card)[0]).toBe('Can my manager look at my personal Facebook or Instagram?');
    expect(JSON.stringify(card)).not.toContain('Also asked');
  });

  it('asks "Did you mean…" when several entries fit, and a click answers with the chosen one', async () => {
    // How long records are kept is one entry; no entry speaks of chats, and others fit as well: the bot asks.
    const card = await ask('how long do you keep my chats');
    expect(cardTexts(card)[0]).toBe('Did you mean…');
    const titles = cardActionTitles(card);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(titles.length).toBeLessThanOrEqual(3);
    expect(titles).toContain('How long we keep records');
    const button = findSubmit(card, 'How long we keep records');
    const answer = await reply(submit(button, { serviceUrl: connector.url }));
    expect(cardTexts(answer)[0]).toBe('How long we keep records');
  });

  it('gives the plain not-covered reply to off-topic questions, never candidates', async () => {
    for (const question of ['tell me a joke', 'how do I cook rice in a microwave']) {
      const card = await ask(question);
      expect(cardTexts(card)[0]).toBe('The policy does not cover that');
      expect(cardTexts(card)).not.toContain('Did you mean…');
    }
  });
});

/** The data an Action.Submit button titled `title` would send. */
function findSubmit(card: Card, title: string): Record<string, unknown> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Submit' && element.title === title) found.push(element.data as Record<string, unknown>);
    Object.values(element).forEach(walk);
  };
  walk(card);
  expect(findActions(card)).toEqual([]);
  if (!found[0]) throw new Error(`no button "${title}"`);
  return found[0];
}
