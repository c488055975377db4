/**
 * "My details", "my info", "my data" and "your information" are one thing in a privacy question: a
 * notice whose rights entry says "your information" answers "i want my details deleted", though the
 * entry on emergency contacts says "we delete these details". A kind of details ("card details")
 * stays what it is. A small boarding kennels' notice, written here.
 */
import { answerTitleIn } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  [
    'Who we share your information with',
    'We share personal information with the service providers who run our systems: the booking system, the payment provider and the email platform. We also share information with our insurers and with the police where the law requires it. We never sell your personal information.',
  ],
  [
    'Emergency contacts',
    'While your dog stays with us we keep the name and phone number of someone we can call in an emergency. We delete these details when the booking ends, and we never contact that person for anything else.',
  ],
  ['Paying by card', 'Card payments go through our payment provider: we never see your full card number or your bank details.'],
  ['How long we keep your information', 'Booking records are kept for six years for our accounts; newsletter sign-ups until you unsubscribe.'],
  ['Your rights', 'You can ask for a copy of the information we hold about you, ask us to correct it, or ask us to erase or delete it.'],
  ['Keeping your information secure', 'Our booking system is encrypted and only staff who need it can open a customer record.'],
  ['Vet details and medication', "We record your vet's details and any medication your dog needs, so that staff can give it on time."],
];

const answer = answerTitleIn(SECTIONS);

describe('words for one’s data in general', () => {
  it('takes "my details" for the information the notice speaks of', () => {
    expect(answer('i want my details deleted')).toBe('Your rights');
    expect(answer('are my details safe')).toBe('Keeping your information secure');
  });

  it('keeps a kind of details what it is', () => {
    expect(answer('how long do you keep my card details')).toBe('Paying by card');
    expect(answer('what vet details do you need')).toBe('Vet details and medication');
  });
});
