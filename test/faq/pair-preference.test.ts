/**
 * Of the first two entries, the one whose heading says more of the question, that lies nearer it in
 * meaning and that plain lunr places higher goes first, by weights learnt over every policy
 * (pair-preference.ts, `npm run bench:pair-preference`). On development policies, as their askers
 * wrote the questions.
 */
import path from 'node:path';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import { NO_PAIR_PREFERENCE } from '../../src/faq/pair-preference';
import { REPO_ROOT } from '../fakes/boot';

const policy = (name: string) => loadContent(path.join(REPO_ROOT, 'test/faq/fixtures', name, 'content'));

describe('the runner-up the question means goes first', () => {
  it.each([
    [
      'airline-loyalty',
      'what do i need to give you to sign up for horizon',
      'Joining Horizon and your membership account',
      'Children and unaccompanied minors',
    ],
    ['bridal-shop', 'what records do you keep of my alterations', 'Alterations and fitting records', 'How long we keep your information'],
    ['boxing-gym', 'accident book who has access', 'Accident book and injury records', 'Your rights and how to use them'],
  ])('on %s, answers "%s" with "%s", not "%s"', (name, question, meant, first) => {
    const entries = policy(name);
    expect(createFaqService(entries).answer(question).entry?.title).toBe(meant);
    // Without the preference, the entry the fused order put first on its word score is the answer.
    expect(createFaqService(entries, { tuning: NO_PAIR_PREFERENCE }).answer(question).entry?.title).toBe(first);
  });

  it('leaves the order alone where the first is also what the heading and plain search say', () => {
    const entries = policy('bridal-shop');
    const question = 'how long do you keep my information';
    const [withIt, without] = [createFaqService(entries), createFaqService(entries, { tuning: NO_PAIR_PREFERENCE })].map((faq) =>
      faq.explain(question).candidates.slice(0, 2),
    );
    expect(withIt.map((candidate) => candidate.entry.title)).toEqual(without.map((candidate) => candidate.entry.title));
    expect(withIt[0].entry.title).toBe('How long we keep your information');
  });
});
