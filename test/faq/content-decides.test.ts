/**
 * The organisation's content decides (issue 20): its own words answer, its abbreviations are learnt,
 * its names are not reached by expansion, its headings' phrases match as phrases, and plain lunr's
 * ranking over the same content is always part of the answer. A small lender's notice, written here.
 */
import { learnAbbreviations } from '../../src/faq/abbreviations';
import { createFaqService } from '../../src/faq/faq-service';
import { NO_LEARNT_ORDER } from '../../src/faq/learnt-order';
import { choose } from '../../src/faq/answer-policy';
import { PlainSearch } from '../../src/faq/plain-search';
import type { Candidate } from '../../src/faq/ranking';
import { SearchIndex } from '../../src/faq/search-index';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Who we are', 'Tamsin Credit Union lends to members in Cardiff and is the controller of their information.'],
  [
    'Missed repayments',
    'If you miss a repayment we contact you first. Unpaid debts may be passed to a collection agency and, as a last resort, to bailiffs after a court order.',
  ],
  ['Credit searches', 'A soft search when you ask for a quote leaves no mark other lenders can see; a hard search when you apply does.'],
  ['Open banking', 'If you agree, we read twelve months of your current account through a secure connection to check what you can afford.'],
  [
    'Open days and banking hours',
    'Branches are open on Saturdays for banking, banking hours are shown in each branch, and branches stay open late for banking on Thursdays.',
  ],
  [
    'Requests under public law',
    "As a public body we answer requests made under Freedom of Information (FOI) legislation, but never disclose members' personal data in them.",
  ],
  ['Regulator', "You can complain to the ICO (Information Commissioner's Office) about how we handle your information."],
  ['Monthly bills', 'We send you a bill every month showing what you owe and what you have paid.'],
  [
    'Protection of your savings',
    'Savings up to the limit are protected by the Financial Services Compensation Scheme, which we tell who holds each account if we ever fail.',
  ],
  ['Saving clubs', 'Members can join a Christmas savings club, whose Customer Account Records show its organisers only the names of its members.'],
  ['Transfers abroad', 'Our card processor stores some transaction data in the United States under standard contractual clauses.'],
];

const entries = writtenNotice(SECTIONS);
const faq = createFaqService(entries);
const shown = (question: string) => {
  const answer = faq.answer(question);
  return answer.entry ? [answer.entry.title] : answer.candidates.map((entry) => entry.title);
};

describe('the content decides what is covered', () => {
  it("answers questions in the organisation's own words, which no privacy vocabulary names", () => {
    expect(shown('bailiffs??')).toEqual(['Missed repayments']);
    expect(shown('soft search vs hard search?')[0]).toBe('Credit searches');
  });

  it("matches a heading's phrase as a phrase, not its words apart", () => {
    expect(shown('is open banking safe')[0]).toBe('Open banking');
    expect(shown('open banking')[0]).toBe('Open banking');
  });

  it('learns the abbreviations the content defines, in either order, and searches both forms', () => {
    expect(learnAbbreviations(entries).get('foi')).toEqual(['freedom of information']);
    expect(learnAbbreviations(entries).get('ico')).toEqual(['information commissioners office']);
    expect(shown('can i make an foi request about my loan')[0]).toBe('Requests under public law');
    expect(shown("how do i contact the information commissioner's office")[0]).toBe('Regulator');
  });

  it('learns the initials of a name the content writes in capitals without defining them', () => {
    expect(learnAbbreviations(entries).get('fscs')).toEqual(['financial services compensation scheme']);
    expect(shown('what does the fscs know about me')[0]).toBe('Protection of your savings');
    // Initials that are a common word ("car", of "Customer Account Records") stay that word.
    expect(learnAbbreviations(entries).has('car')).toBe(false);
  });

  it('finds the words of a phrase the asker typed close together in an entry, as the phrase', () => {
    // "copy of my data" is a phrase of the privacy vocabulary; the entry says "a copy of your personal
    // data", and another speaks of data and access (a word of the same group) in its own sense.
    const notice = writtenNotice([
      ['Who we are', 'Tamsin Bakeries runs twelve bakeries and is the controller of the data in its loyalty app.'],
      ['Keeping your data secure', 'Data is encrypted, and staff access to customer data is limited by role and logged; we test our systems every year.'],
      ['Your rights', 'You can ask for a copy of your personal data, and ask us to correct or delete it, free of charge.'],
      ['Loyalty stamps', 'The app records each stamp you collect and the rewards you claim, with the shop and the time.'],
    ]);
    // The learnt order of the first few (learnt-order.ts) settles this notice alone: off, to see the phrase do it.
    const near = createFaqService(notice, { tuning: NO_LEARNT_ORDER });
    const apart = createFaqService(notice, { tuning: { ...NO_LEARNT_ORDER, nearPhraseWeight: 0 } });
    expect(apart.answer('how do i get a copy of my data').entry?.title).not.toBe('Your rights');
    expect(near.answer('how do i get a copy of my data').entry?.title).toBe('Your rights');
  });

  it('never expands a question word into a name the content writes ("statements" is not "United States")', () => {
    expect(new SearchIndex(entries).isName('state')).toBe(true);
    expect(shown('where are my statements')).not.toContain('Transfers abroad');
    // The asker's own word still finds the name.
    expect(shown('is my data sent to the united states')[0]).toBe('Transfers abroad');
  });

  it('declines what the content does not speak of', () => {
    expect(shown('what is the weather tomorrow')).toEqual([]);
    expect(shown('recommend a pasta recipe')).toEqual([]);
  });
});

describe('plain search over the same content', () => {
  const plain = new PlainSearch(entries);

  it('ranks as plain lunr over title and body does, and reads user text as words, never as query syntax', () => {
    const titles = (question: string) => plain.search(question).map(({ doc }) => entries[doc].title);
    expect(titles('bailiffs??')[0]).toBe('Missed repayments');
    for (const hostile of ['title:x', '~2', '+-*^:', '*', 'delete^10 data*', '"unterminated', '']) expect(() => plain.search(hostile)).not.toThrow();
    expect(titles('title:bailiffs')[0]).toBe('Missed repayments');
  });

  it('is part of every ranking: what lunr finds first is offered with the answer or among the choices', () => {
    for (const question of ['what do you send me every month', 'who can see my current account', 'do you tell other lenders']) {
      const first = plain.search(question)[0];
      const answer = faq.answer(question);
      const offered = [answer.entry, ...answer.related, ...answer.candidates].map((entry) => entry?.id);
      if (first !== undefined && (answer.entry || answer.candidates.length > 0)) expect(offered).toContain(entries[first.doc].id);
    }
  });

  describe('two searches agreeing count as the content covering a question in words it seldom uses', () => {
    const levels = { minCoverage: 0.3, answerCoverage: 0.3, answerLead: -0.5, minCoverageWithoutPrivacy: 0.6 };
    const best: Candidate = { entry: entries[1], coverage: 0.45, headingCoverage: 0, score: 5, matchScore: 5, fused: 1 };
    const asked = (plainFirst: (typeof entries)[number] | undefined) => ({
      candidates: [best],
      onTopic: false,
      aboutAsker: true,
      namesAbsent: false,
      plainFirst,
    });

    it('answers when plain lunr puts the same entry first', () => {
      expect(choose(asked(entries[1]), levels, entries, { covers: true }).entry?.title).toBe('Missed repayments');
    });

    it('declines when lunr puts another entry first, or without the rule, as below the level for such questions', () => {
      expect(choose(asked(entries[2]), levels, entries, { covers: true }).entry).toBeUndefined();
      expect(choose(asked(entries[1]), levels, entries, { covers: false }).entry).toBeUndefined();
      expect(choose(asked(entries[1]), levels, entries, { covers: false }).candidates).toEqual([]);
    });

    it('still declines below the general level, whatever lunr finds', () => {
      const weak = { ...asked(entries[1]), candidates: [{ ...best, coverage: 0.2 }] };
      expect(choose(weak, levels, entries, { covers: true }).entry).toBeUndefined();
    });
  });
});
