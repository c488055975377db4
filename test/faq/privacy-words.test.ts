/**
 * What general privacy vocabulary does for a policy written in its own words: a small practice's
 * notice, written here, asked in words the notice does not use.
 */
import path from 'node:path';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import { NO_LEARNT_ORDER } from '../../src/faq/learnt-order';
import { REPO_ROOT } from '../fakes/boot';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Who we are', 'Northwind Physiotherapy decides how patient information is used, which makes it the controller under data protection law.'],
  ['Insurers', 'Treatment reports are sent to an insurer only with your written consent for that claim.'],
  ['How long we keep notes', 'Treatment notes are kept for eight years after your last appointment and then shredded.'],
  ['Your right to a copy', 'You can ask for a copy of everything we hold about you, free of charge; we reply within a month.'],
  ['Cameras', 'Cameras cover the entrance and the car park. Their footage is erased after 30 days.'],
  ['Appointment reminders', 'We text you the day before an appointment. Reply STOP to end reminders.'],
];

const entries = writtenNotice(SECTIONS);
const faq = createFaqService(entries);
const shown = (question: string) => {
  const answer = faq.answer(question);
  return answer.entry ? [answer.entry.title] : answer.candidates.map((entry) => entry.title);
};

describe('a policy in its own words', () => {
  it('reads the words for one\'s data as one in privacy expressions ("in charge of my info")', () => {
    expect(shown('who is in charge of my info')).toEqual(['Who we are']);
    expect(shown('can i get a copy of my personal details')[0]).toBe('Your right to a copy');
  });

  it('reads privacy where the notice says data protection', () => {
    // The part's name says neither: the notice never says "privacy".
    const withContact = createFaqService(
      writtenNotice(
        [...SECTIONS, ['Questions about data protection', 'Our practice manager answers questions about data protection: write to dp@northwind.example.']],
        'Patient notice',
      ),
    );
    for (const question of ['who do i ask about privacy', 'privacy questions'])
      expect(withContact.answer(question).entry?.title).toBe('Questions about data protection');
  });

  it("reads the notice's name as the topic of a question about the notice changing, and as nothing otherwise", () => {
    // The golf club's notice has "Updates to this notice" and "Asking to see or change the information
    // we hold": without its name, "changes" alone could not tell them apart.
    const golf = createFaqService(loadContent(path.join(REPO_ROOT, 'test/faq/fixtures/golf-club/content')));
    expect(golf.answer('will i get told if the privacy policy changes').entry?.title).toBe('Updates to this notice');
    expect(golf.answer('what does the privacy policy say about cctv').entry?.title).toBe('CCTV in the car park and around the clubhouse');
  });

  it('reads "what gives you the right" and "lawful basis" as the legal reasons a notice gives', () => {
    // Not the asker's rights: the entry on them says "right" far more often.
    const notice = (policy: string, tuning = {}) => createFaqService(loadContent(path.join(REPO_ROOT, 'test/faq/fixtures', policy, 'content')), { tuning });
    expect(notice('pawnbroker').answer('whats your lawful basis').entry?.title).toBe('The legal reasons we rely on');
    // The words are read so on the mortgage broker's notice too, but there the learnt order of the first few
    // (learnt-order.ts) now puts "Seeing and correcting your information" first: its heading says "your
    // information" and it lies nearer in meaning. A loss it brings, counted in bench:faq (docs/retrieval.md, wave 11).
    const question = 'what gives you the right to use my info';
    expect(notice('mortgage-broker', NO_LEARNT_ORDER).answer(question).entry?.title).toBe('The legal reasons we rely on');
    expect(notice('mortgage-broker').answer(question).entry?.title).toBe('Seeing and correcting your information');
  });

  it('declines what the notice does not speak of', () => {
    expect(shown('what time do you open')).toEqual([]);
  });

  it('still answers the privacy questions in those words', () => {
    expect(shown('do you film the car park')).toEqual(['Cameras']);
    expect(shown('who do you send my treatment report to')[0]).toBe('Insurers');
  });
});
