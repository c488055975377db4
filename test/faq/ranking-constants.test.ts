/**
 * The ranking's constants are choices made leave-one-policy-out (src/faq/tuning.ts), so the bench's
 * `--tune` must reach each of them: other values change what the bot does, the defaults are what it
 * does. A small bicycle-hire notice, written here.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { DEFAULT_TUNING } from '../../src/faq/tuning';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Helmets', 'You may borrow a helmet at the counter; we note which helmet you took and when you return it.'],
  [
    'Damage to a bike',
    'If a bike comes back damaged we photograph it. A damaged helmet is listed with the bike, and a helmet left behind is kept for a month.',
  ],
  ['Our processors', 'Our payment processor takes card payments for hire; it never sees which bike you rode.'],
];
const entries = writtenNotice(SECTIONS, 'Bike hire notice');

const scoreOf = (tuning: Parameters<typeof createFaqService>[1], question: string, title: string) =>
  createFaqService(entries, tuning)
    .explain(question)
    .candidates.find((candidate) => candidate.entry.title === title)?.score ?? 0;
const weightOf = (tuning: Parameters<typeof createFaqService>[1], question: string, term: string) =>
  createFaqService(entries, tuning)
    .explain(question)
    .units.flatMap((unit) => unit.alternatives)
    .find((alternative) => alternative.stem === term)?.weight ?? 0;

describe('ranking constants', () => {
  it('ranks the entry whose heading says the word above one whose body says it more often, by the heading weight', () => {
    const faq = createFaqService(entries);
    expect(faq.answer('what happens to my helmet').entry?.title).toBe('Helmets');
    const lead = (titleWeight: number) =>
      scoreOf({ tuning: { titleWeight } }, 'helmet', 'Helmets') / scoreOf({ tuning: { titleWeight } }, 'helmet', 'Damage to a bike');
    expect(lead(DEFAULT_TUNING.titleWeight)).toBeGreaterThan(lead(1));
  });

  it('weighs a derived form of the asker\'s word ("process" / "processor") by the chosen weight', () => {
    expect(weightOf({}, 'who do you process payments with', 'processor')).toBe(DEFAULT_TUNING.derivedWeight);
    expect(weightOf({ tuning: { derivedWeight: 0.5 } }, 'who do you process payments with', 'processor')).toBe(0.5);
  });
});
