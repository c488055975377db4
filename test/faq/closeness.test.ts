/**
 * Closeness in meaning: entries and questions as averaged word vectors. It orders entries that the
 * question's words match alike, and never decides alone whether the bot answers.
 */
import { EntryVectors } from '../../src/faq/entry-vectors';
import { QueryExpander } from '../../src/faq/query-expansion';
import { rankEntries } from '../../src/faq/ranking';
import { SearchIndex } from '../../src/faq/search-index';
import { ABBREVIATIONS } from '../../src/faq/privacy-vocabulary';
import { DEFAULT_TUNING } from '../../src/faq/tuning';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Payroll', 'Payroll receives your bank account, tax code and salary so that it can pay you each month.'],
  ['Occupational health', 'If you see the occupational health nurse about stress, anxiety or an illness, we receive only whether you are fit for work.'],
  ['Visitors', 'Visitors sign the book at reception, and the book is shredded after a year.'],
];
const entries = writtenNotice(SECTIONS, 'Staff notice');
/** The mechanism is tested at a fixed weight, whatever leave-one-out chooses for the default (tuning.ts). */
const CLOSENESS_WEIGHT = 2;
const index = new SearchIndex(entries);
const vectors = new EntryVectors(entries);

describe('closeness in meaning', () => {
  it('puts a question nearest the entry about the same things in other words', () => {
    const closeness = vectors.similarities(['depression', 'doctor', 'sick']);
    expect(closeness[1]).toBeGreaterThan(closeness[0]);
    expect(closeness[1]).toBeGreaterThan(closeness[2]);
  });

  it('is nothing for a question with no known word', () => {
    expect([...vectors.similarities(['qzxv'])]).toEqual([0, 0, 0]);
  });

  it('orders entries the words match alike by closeness, and leaves the match itself alone', () => {
    const units = new QueryExpander(index, DEFAULT_TUNING, ABBREVIATIONS).units('who receives it');
    const plain = rankEntries(index, units);
    const [payroll, health] = [0, 1].map((doc) => plain.find((candidate) => candidate.entry.id === `notice#${doc}`)!);
    expect(payroll.matchScore).toBeGreaterThan(0);
    expect(health.matchScore).toBeGreaterThan(0);
    const nearHealth = rankEntries(index, units, Float32Array.from([0.2, 0.6, 0.1]), CLOSENESS_WEIGHT);
    expect(nearHealth[0].entry.title).toBe('Occupational health');
    const nearPayroll = rankEntries(index, units, Float32Array.from([0.6, 0.2, 0.1]), CLOSENESS_WEIGHT);
    expect(nearPayroll[0].entry.title).toBe('Payroll');
    for (const ranked of [nearHealth, nearPayroll]) {
      for (const candidate of ranked) expect(candidate.matchScore).toBeCloseTo(plain.find((other) => other.entry.id === candidate.entry.id)!.matchScore, 9);
    }
  });
});
