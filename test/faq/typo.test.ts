/** Typo tolerance at its edges: swapped neighbours in short words, and real words left alone. */
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
});
