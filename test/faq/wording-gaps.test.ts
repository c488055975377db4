/**
 * A question in the asker's everyday words, a notice in its own: where the content lacks the
 * asker's word, general English still leads from one to the other. A dog-grooming salon's notice,
 * written here.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Photos of your dog', 'We take a photo of every dog after grooming and show it on our website only if you agree.'],
  ['Booking appointments', 'When you book we record your name, phone number and the breed and age of your dog.'],
  ['Paying for grooming', 'Card payments are taken by our payment provider; we keep receipts for six years.'],
];

const entries = writtenNotice(SECTIONS);
const withGaps = createFaqService(entries);
const without = createFaqService(entries, { tuning: { reverseSynonyms: 0 } });
const weightOf = (faq: typeof withGaps, question: string, term: string) =>
  faq
    .explain(question)
    .units.flatMap((unit) => unit.alternatives)
    .find((alternative) => alternative.stem === term)?.weight ?? 0;

describe('wording gaps', () => {
  // WordNet lists "picture" among the synonyms of "photo", but not "photo" among the usual senses of "picture".
  it('reads the asker\'s word as a synonym of the content\'s word whose usual senses list it ("pictures" for "photo")', () => {
    expect(weightOf(withGaps, 'do you put pictures of my dog online', 'photo')).toBeGreaterThan(
      weightOf(without, 'do you put pictures of my dog online', 'photo'),
    );
    expect(withGaps.answer('do you put pictures of my dog online').entry?.title).toBe('Photos of your dog');
  });

  it('leaves a word the content uses to mean what the content means by it', () => {
    const own = createFaqService(writtenNotice([...SECTIONS, ['Pictures in the salon', 'Framed pictures of past winners hang in the salon.']]));
    expect(weightOf(own, 'pictures', 'pictur')).toBe(1);
    expect(weightOf(own, 'pictures', 'photo')).toBeLessThan(0.6);
  });
});
