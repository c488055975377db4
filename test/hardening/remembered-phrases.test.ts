/**
 * Every question's runs of words are looked up as phrases of the content. What is remembered of those
 * lookups must stay bounded however many different questions people ask: a run with a word the content
 * lacks is never remembered, and runs of the content's own words that it never has side by side are
 * remembered up to a bound. The phrases the content has are bounded by the content itself.
 */
import { SearchIndex } from '../../src/faq/search-index';
import { writtenNotice } from '../faq/written-notice';

const index = new SearchIndex(
  writtenNotice([
    ['Who we are', 'Ashgrove Housing owns and manages homes across the county and controls the information it keeps about tenants.'],
    ['Repairs', 'When you report a repair we record your name, address, phone number and a description of the problem, and share it with the contractor.'],
    ['Rent accounts', 'We keep a record of every rent payment, arrears, arrangements to pay and letters about them for six years after your tenancy ends.'],
    ['Complaints', 'You can complain to us first and then to the Housing Ombudsman or the Information Commissioner.'],
  ]),
);
const stems = [...new Set([...index.words.values()].map(({ stem }) => stem))];

describe('phrases remembered by the index', () => {
  it('remembers no run of words that has a word the content lacks', () => {
    const before = index.rememberedPhrases;
    expect(before).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 5_000; i++) expect(index.phrase([`asked${i}`, stems[i % stems.length]])).toBeUndefined();
    expect(index.rememberedPhrases).toBe(before);
  });

  it('remembers at most 10,000 runs of its own words that it never has side by side, and still finds those it has', () => {
    let asked = 0;
    runs: for (const a of stems)
      for (const b of stems)
        for (const c of stems) {
          if (a === b || b === c) continue;
          index.phrase([a, b, c]);
          if (++asked === 30_000) break runs;
        }
    expect(asked).toBe(30_000);
    expect(index.rememberedPhrases).toBeLessThanOrEqual(10_000 + 50);
    expect(index.phrase(['rent', 'payment'])).toBe('rent payment');
  });
});
