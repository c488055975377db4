/**
 * Where plain lunr puts another entry first and that entry's heading says more of the question, our
 * ranking's narrow lead for an entry whose body merely mentions the words gives way (fusion.ts,
 * `plainHeadingRatio`). On two development policies, as their askers wrote the questions.
 */
import path from 'node:path';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import { NO_LEARNT_ORDER } from '../../src/faq/learnt-order';
import { DEFAULT_TUNING } from '../../src/faq/tuning';
import { REPO_ROOT } from '../fakes/boot';

const policy = (name: string) => loadContent(path.join(REPO_ROOT, 'test/faq/fixtures', name, 'content'));

describe('a heading that says more, with plain search agreeing', () => {
  it.each([
    ['airport', 'stop sending me offers', 'Offers, newsletters and competitions', 'Flight alerts and the Calderbrook app'],
    ['locksmith', 'dashcam footage how long', 'Van trackers and dashcams', 'How long we keep your information'],
  ])('on %s, answers "%s" with "%s", not "%s"', (name, question, heading, mentions) => {
    const entries = policy(name);
    // The learnt order of the first few (learnt-order.ts) settles these alone too: off, to see this rule do it.
    const title = (plainHeadingRatio: number) => createFaqService(entries, { tuning: { ...NO_LEARNT_ORDER, plainHeadingRatio } }).answer(question).entry?.title;
    expect(title(DEFAULT_TUNING.plainHeadingRatio)).toBe(heading);
    // Without it, our ranking's narrow lead for the entry that mentions the words stands.
    expect(title(0)).toBe(mentions);
  });
});
