/** Typo tolerance at its edges: swapped neighbours in short words, and real words left alone; chat's interjections and spellings. */
import { isNeighbourSwap } from '../../src/language/typo';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import { REPO_ROOT } from '../fakes/boot';
import path from 'node:path';

const faq = createFaqService(loadContent(path.join(REPO_ROOT, 'content')));

describe('typo tolerance', () => {
  it('recognises a swap of two neighbouring letters, and only that', () => {
    expect(isNeighbourSwap('lnog', 'long')).toBe(true);
    expect(isNeighbourSwap('long', 'long')).toBe(false);
    expect(isNeighbourSwap('lung', 'long')).toBe(false);
    expect(isNeighbourSwap('olng', 'long')).toBe(true);
    expect(isNeighbourSwap('lngo', 'long')).toBe(false);
  });

  it('answers a short word typed with two letters swapped', () => {
    expect(faq.answer('how lnog do you keep my data').entry?.title).toBe('Data Retention');
    expect(faq.answer('is my dtaa encrypted').entry?.title).toBe('Encryption');
  });

  it("gives a question with chat's interjections the answer it gets without them", () => {
    // "lol" is a word no content uses: as a word of the question it took a share of it that no entry
    // could cover, and the answer became a "Did you mean…".
    const physio = createFaqService(loadContent(path.join(REPO_ROOT, 'test/faq/fixtures/physiotherapy-clinic/content')));
    const plain = physio.answer('does my physio see if i actually do my exercises').entry?.title;
    expect(plain).toBe('The home exercise app');
    for (const said of ['does my physio see if i actually do my exercises lol', 'tbh does my physio see if i actually do my exercises'])
      expect(physio.answer(said).entry?.title).toBe(plain);
  });

  it('reads "hang onto" as "hang on to"', () => {
    const bowling = createFaqService(loadContent(path.join(REPO_ROOT, 'test/faq/fixtures/bowling-alley/content')));
    for (const said of ['how long do u hang on to my details after i stop coming', 'how long do u hang onto my details after i stop coming'])
      expect(bowling.answer(said).entry?.title).toBe('How long we keep your information');
  });
});
