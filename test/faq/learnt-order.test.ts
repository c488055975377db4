/**
 * Of the first few entries, the one whose heading says more of the question, that lies nearer it in
 * meaning and that plain lunr places higher goes first, by weights learnt over every policy
 * (learnt-order.ts, `npm run bench:learnt-order`). On development policies, as their askers wrote
 * the questions.
 */
import path from 'node:path';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import { NO_LEARNT_ORDER } from '../../src/faq/learnt-order';
import { REPO_ROOT } from '../fakes/boot';

const policy = (name: string) => loadContent(path.join(REPO_ROOT, 'test/faq/fixtures', name, 'content'));

describe('the entry the question means goes first', () => {
  it.each([
    [
      'airline-loyalty',
      'what do i need to give you to sign up for horizon',
      'Joining Horizon and your membership account',
      'Children and unaccompanied minors',
    ],
    ['bridal-shop', 'what records do you keep of my alterations', 'Alterations and fitting records', 'How long we keep your information'],
    ['boxing-gym', 'accident book who has access', 'Accident book and injury records', 'Your rights and how to use them'],
    // From further down the first few: third, fourth and sixth in the fused order.
    ['cleaning-company', 'who else gets my info', 'Who we share your information with', 'Your data protection rights'],
    ['credit-union', 'can i see all the info you have on me', 'Asking for a copy of your data', 'Fraud prevention agencies and Cifas'],
    ['climbing-wall', 'data retention period', 'How long we keep your information', 'Getting a copy of your information'],
  ])('on %s, answers "%s" with "%s", not "%s"', (name, question, meant, first) => {
    const entries = policy(name);
    expect(createFaqService(entries).answer(question).entry?.title).toBe(meant);
    // Without the preference, the entry the fused order put first on its word score is the answer.
    expect(createFaqService(entries, { tuning: NO_LEARNT_ORDER }).answer(question).entry?.title).toBe(first);
  });

  it('keeps the first where it is also what the heading and plain search say', () => {
    const entries = policy('bridal-shop');
    const question = 'how long do you keep my information';
    const [withIt, without] = [createFaqService(entries), createFaqService(entries, { tuning: NO_LEARNT_ORDER })].map(
      (faq) => faq.explain(question).candidates[0].entry.title,
    );
    expect(withIt).toBe('How long we keep your information');
    expect(without).toBe(withIt);
  });
});
