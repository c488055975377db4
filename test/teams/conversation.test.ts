/** Conversation flows through botbuilder's TestAdapter and the real features over the real content. */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import { createLogger } from '../../src/logger';
import { FileStore } from '../../src/storage/file-store';
import { PrivacyBot } from '../../src/teams/bot';
import { CardActionRouter } from '../../src/teams/card-actions';
import { FaqFeature } from '../../src/teams/faq-feature';
import { WelcomeFeature } from '../../src/teams/welcome-feature';
import { cardActionTitles, cardTexts } from '../fakes/activities';
import { createAdapter } from '../../src/teams/adapter';
import { loadConfig } from '../../src/config';

const faq = createFaqService(loadContent(path.resolve(__dirname, '../../content')));
const logger = createLogger('silent');
// No requests feature here: the welcome card offers no request buttons.
const welcome = new WelcomeFeature({ requestKinds: [] });

function newAdapter() {
  const store = new FileStore(mkdtempSync(path.join(os.tmpdir(), 'conv-')));
  const bot = new PrivacyBot(
    [welcome, new FaqFeature({ faq, store, logger, notCoveredCard: (turn) => welcome.card(turn, true) })],
    new CardActionRouter(),
    logger,
  );
  return new TestAdapter((turn) => bot.run(turn));
}

const card = (activity: Partial<Activity>) => activity.attachments?.[0]?.content as Record<string, unknown>;

describe('conversation', () => {
  it('greets with the welcome card that lists example questions', async () => {
    await newAdapter()
      .send('hi')
      .assertReply((reply) => {
        expect(cardTexts(card(reply))[0]).toBe('Privacy Assistant');
        expect(cardActionTitles(card(reply))).toContain('What information do you collect about me?');
      })
      .startTest();
  });

  it('answers thanks with a short line, not a policy section', async () => {
    await newAdapter()
      .send('thanks!')
      .assertReply((reply) => {
        expect(reply.attachments ?? []).toHaveLength(0);
        expect(reply.text).toMatch(/welcome/i);
      })
      .startTest();
  });

  it('answers a question typed with typos and odd characters with the right section', async () => {
    await newAdapter()
      .send('wich certificatons (ISO?) does office 365 hold :~+^*')
      .assertReply((reply) => expect(cardTexts(card(reply))[0]).toBe('Security Protocols'))
      .startTest();
  });

  it('declines an off-topic question instead of answering with an unrelated section', async () => {
    await newAdapter()
      .send('write me a poem about cats')
      .assertReply((reply) => expect(cardTexts(card(reply))[0]).toBe('The policy does not cover that'))
      .startTest();
  });

  it('opens a related entry chosen on a card (Action.Submit)', async () => {
    const target = faq.entries.find((entry) => entry.title === 'Data Portability')!;
    await newAdapter()
      .send({ type: ActivityTypes.Message, value: { verb: 'faq.open', entryId: target.id } } as Partial<Activity>)
      .assertReply((reply) => expect(cardTexts(card(reply))[0]).toBe('Data Portability'))
      .startTest();
  });

  it('answers forged card data with a clear line and keeps going', async () => {
    await newAdapter()
      .send({ type: ActivityTypes.Message, value: { verb: 'faq.open', entryId: { $ne: 1 } } } as unknown as Partial<Activity>)
      .assertReply((reply) => expect(reply.text).toMatch(/no longer in the policy/))
      .send({ type: ActivityTypes.Message, value: { verb: '__proto__.polluted' } } as Partial<Activity>)
      .assertReply((reply) => expect(reply.text).toMatch(/no longer available/))
      .send('help')
      .assertReply((reply) => expect(cardTexts(card(reply))[0]).toBe('Privacy Assistant'))
      .startTest();
  });

  it('asks the example question from the welcome card', async () => {
    await newAdapter()
      .send({ type: ActivityTypes.Message, value: { verb: 'faq.ask', question: 'How long is my data kept?' } } as Partial<Activity>)
      .assertReply((reply) => expect(cardTexts(card(reply))[0]).toMatch(/Data Retention|retention/))
      .startTest();
  });
});

describe('turn errors', () => {
  it('tell the person something short and useful, never the internal message', async () => {
    const botAdapter = createAdapter(loadConfig({}), logger);
    const test = new TestAdapter(async (turn) => {
      await botAdapter.onTurnError(turn, new Error('ECONNREFUSED 10.0.0.7:5432 password=hunter2'));
    });
    await test
      .send('anything')
      .assertReply((reply) => {
        expect(reply.text).toBe('Sorry, something went wrong on my side. Please try again in a moment.');
      })
      .startTest();
  });
});
