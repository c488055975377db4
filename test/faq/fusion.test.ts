/**
 * Fusing our ranking with plain lunr's (src/faq/fusion.ts): places, not scores, and lunr's first
 * entry leading only where its heading says more and our lead is narrow.
 */
import { fuse } from '../../src/faq/fusion';
import type { Candidate } from '../../src/faq/ranking';
import { writtenNotice } from './written-notice';

const entries = writtenNotice([
  ['Police and regulators', 'We share information with the police when the law requires it.'],
  ['Money laundering checks', 'We check bank statements and may report them to the authorities.'],
  ['Marketing', 'We send offers only if you agree.'],
]);
const [police, checks, marketing] = entries;
const ours = (entry: (typeof entries)[number], score: number, headingCoverage: number): Candidate => ({
  entry,
  coverage: 1,
  headingCoverage,
  score,
  matchScore: score,
  fused: 0,
});
const weights = { depth: 1, ours: 4, headingRatio: 1.5 };
const order = (candidates: Candidate[]) => candidates.map((candidate) => candidate.entry.title);

describe('fuse', () => {
  it('orders by places, ours counting more, and keeps an entry only lunr found without coverage', () => {
    const fused = fuse(
      [ours(checks, 3, 0), ours(police, 2.9, 0)],
      [
        { doc: 0, score: 5 },
        { doc: 2, score: 1 },
      ],
      entries,
      weights,
    );
    expect(order(fused)).toEqual(['Money laundering checks', 'Police and regulators', 'Marketing']);
    expect(fused[2]).toMatchObject({ coverage: 0, score: 0, plainPlace: 1 });
  });

  it("puts lunr's first entry first when its heading says more and our lead is narrow", () => {
    const fused = fuse([ours(checks, 3, 0), ours(marketing, 2, 0), ours(police, 2.5, 0.4)], [{ doc: 0, score: 5 }], entries, weights);
    expect(order(fused)).toEqual(['Police and regulators', 'Money laundering checks', 'Marketing']);
  });

  it('keeps our first where its lead is wide, its heading says as much, or the rule is off', () => {
    const plain = [{ doc: 0, score: 5 }];
    expect(order(fuse([ours(checks, 4, 0), ours(police, 2.5, 0.4)], plain, entries, weights))[0]).toBe('Money laundering checks');
    expect(order(fuse([ours(checks, 3, 0.4), ours(police, 2.5, 0.4)], plain, entries, weights))[0]).toBe('Money laundering checks');
    expect(order(fuse([ours(checks, 3, 0), ours(police, 2.5, 0.4)], plain, entries, { ...weights, headingRatio: 0 }))[0]).toBe('Money laundering checks');
  });
});
