/**
 * Two searches agreeing: where plain lunr puts our best entry first and that entry's heading says
 * part of the question, a question in the content's own recurring words is covered a little below
 * the general coverage level (agreedCoverageShare). A window cleaner's notice, written here.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Your rounds and visits', 'We record your address, the days we clean your windows and any gate code you give us.'],
  ['Paying for your cleans', 'We keep your payments and invoices for six years, and your bank details for Direct Debit.'],
  ['Ladders and safety checks', 'We note the ladders used at your address and any hazard the cleaner reports.'],
  ['Sharing your details', 'Our booking app provider and our accountant handle your details for us under contract.'],
];
const QUESTION = 'do you note my gate code and the days of my visits';

const entries = writtenNotice(SECTIONS);
const probe = createFaqService(entries).explain(QUESTION);
const best = probe.candidates[0];
// Levels set so that the best entry covers 0.9 of the general level.
const level = best.coverage / 0.9;
const thresholds = { minCoverage: level, answerCoverage: level, answerLead: -0.5, minCoverageWithoutPrivacy: level };

describe('agreement as evidence of cover below the general level', () => {
  it('is a question in the recurring words, the entry plain lunr puts first, with a heading that says part of it', () => {
    expect(probe.onTopic).toBe(true);
    expect(probe.plainFirst).toBe(best.entry);
    expect(best.headingCoverage).toBeGreaterThan(0);
  });

  it('covers the question at 0.9 of the level with the default share, and declines it with none', () => {
    const agreed = createFaqService(entries, { thresholds }).answer(QUESTION);
    expect((agreed.entry ?? agreed.candidates[0])?.title).toBe(best.entry.title);
    const strict = createFaqService(entries, { thresholds, tuning: { agreedCoverageShare: 1 } }).answer(QUESTION);
    expect(strict.entry).toBeUndefined();
    expect(strict.candidates).toEqual([]);
  });
});
