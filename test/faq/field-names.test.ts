/**
 * "Data protection" names a field of law: the Data Protection Officer, one's data protection rights.
 * A question about keeping data safe is about security, not about the officer whose title says
 * "protection". A small estate agent's notice, written here.
 */
import { answerTitleIn } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  [
    'Who we are and our Data Protection Officer',
    'Harbour Homes is the controller of your information. Our Data Protection Officer answers any question about it at dpo@harbour-homes.example or by post to our head office.',
  ],
  [
    'Keeping your information secure',
    'Our systems are encrypted, staff sign in with two-factor authentication and only the branch handling your sale or let can open your file.',
  ],
  ['Your data protection rights', 'You can ask for a copy of what we hold about you, ask us to correct it or ask us to delete it.'],
  ['Viewings and valuations', 'We record who attended each viewing and the notes from each valuation visit.'],
  ['Tenant referencing', 'A referencing agency checks your income, your credit history and your previous landlord before a let begins.'],
];

const answer = answerTitleIn(SECTIONS);

describe('data protection, the name of a field', () => {
  it('answers a question about keeping data safe with the security entry, not the officer', () => {
    expect(answer('is my data safe with you')).toBe('Keeping your information secure');
    expect(answer('how do you protect my data')).toBe('Keeping your information secure');
  });

  it('still finds the officer and the rights by their names', () => {
    expect(answer('data protection officer email')).toBe('Who we are and our Data Protection Officer');
    expect(answer('what are my data protection rights')).toBe('Your data protection rights');
  });
});
