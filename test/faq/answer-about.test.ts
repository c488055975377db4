/**
 * A message about one of the rights is answered towards the content's entry on that right, where
 * the asker's words leave it open: an instruction, and a question they only answer with "Did you
 * mean…". A question its own words answer keeps its answer, and nothing declined becomes answered.
 * Organisations' notices from our fixtures, answered as the bot answers them (src/teams/faq-feature.ts).
 */
import path from 'node:path';
import { answerAbout } from '../../src/faq/answer-about';
import { loadFaqService, type ExplainingFaqService } from '../../src/faq/faq-service';
import { classifyIntent, rightAskedIn } from '../../src/intents/classify';

const services = new Map<string, ExplainingFaqService>();
function policy(name: string): ExplainingFaqService {
  if (!services.has(name)) services.set(name, loadFaqService(path.join(__dirname, 'fixtures', name, 'content')));
  return services.get(name)!;
}
const asTheBotAnswers = (name: string, message: string) => answerAbout(policy(name), message, rightAskedIn(classifyIntent(message)));
const titleOf = (name: string, message: string) => asTheBotAnswers(name, message).entry?.title;

describe('an answer ranked towards the right the message is about', () => {
  it('gives an instruction the entry on its right, not one that shares a word with it', () => {
    expect(classifyIntent('i want you to forget me completely')).toEqual({ type: 'request', kind: 'deletion' });
    expect(titleOf('hotel-chain', 'i want you to forget me completely')).toBe('Deleting your data and closing your Rewards account');
    expect(titleOf('ski-school', 'update my email adress')).toBe('Correcting your details');
  });

  it('settles a question about a right that its own words leave open', () => {
    const question = 'how do i do a subject access request with the club, is there a fee';
    expect(policy('cycling-club').answer(question).entry).toBeUndefined();
    expect(titleOf('cycling-club', question)).toBe('Seeing the information we hold about you');
  });

  it('keeps the answer a question’s own words give, and declines what the content does not cover', () => {
    expect(titleOf('recruitment-agency', 'why do you need a copy of my passport')).toBe('Right to work checks');
    const offTopic = asTheBotAnswers('allotment-society', 'how do i get rid of slugs without pellets');
    expect(rightAskedIn(classifyIntent('how do i get rid of slugs without pellets'))).toBeDefined();
    expect(offTopic.entry).toBeUndefined();
    expect(offTopic.candidates).toHaveLength(0);
  });
});
