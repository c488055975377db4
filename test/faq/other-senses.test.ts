/**
 * Words of the privacy vocabulary that everyday English also uses in another sense stand only in
 * the sense a privacy question means: a security "incident" is not an accident on the premises, and
 * "safeguarding" children is not keeping data safe. A small soft-play centre's notice, written here.
 */
import { answerTitleIn } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  [
    'Accidents and incidents at the centre',
    'If a child is hurt on the play frame, staff write what happened in the accident book with the child’s name, the injury and any first aid given. Serious incidents are reported to the council’s health and safety team.',
  ],
  [
    'Safeguarding children',
    'Our safeguarding lead acts on any concern about a child’s welfare and may share it with children’s services. Safeguarding records are kept securely and apart from bookings.',
  ],
  [
    'How we protect your information',
    'Bookings are held in an encrypted system, staff sign in with their own passwords, and if there were ever a data breach we would tell you and the Information Commissioner within 72 hours.',
  ],
  [
    'Party bookings',
    'For a party we take the organiser’s name, phone number and email address, the number of children and any allergies we should know about.',
  ],
  ['How long we keep your information', 'Booking records are kept for two years; accident records until the child turns 21, as insurers require.'],
];

const answer = answerTitleIn(SECTIONS);

describe('privacy words in the sense a privacy question means', () => {
  it('answers a question about being hacked with the security entry, not the accident book', () => {
    expect(answer('what happens if you get hacked')).toBe('How we protect your information');
  });

  it('answers how one’s children’s information is kept safe with the security entry, not safeguarding', () => {
    expect(answer('how do you keep my kids info safe')).toBe('How we protect your information');
  });

  it('still finds the accident book and safeguarding by their own words', () => {
    expect(answer('what do you write in the accident book')).toBe('Accidents and incidents at the centre');
    expect(answer('who is your safeguarding lead')).toBe('Safeguarding children');
  });
});
