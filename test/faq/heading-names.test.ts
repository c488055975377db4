/**
 * A heading that names a thing in capitals ("Data Protection Officer", "Leisure Pass") is about that
 * thing, not about each of its words: a question that says one word of the name is not asking for it.
 * A small leisure centre's notice, written here.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  [
    'Who we are and how to reach our Data Protection Officer',
    'Ashvale Leisure runs the centre. Write to our officer at the address below with any question about your information.',
  ],
  [
    'Who we share your information with',
    'We pass your details to the council, to our booking system supplier and to the police when the law requires it. We never sell anything about you.',
  ],
  ['Keeping your information secure', 'Your records are encrypted and only staff who need them can open them; we test our systems every year.'],
  ['Concessionary prices and the Ashvale Leisure Pass', 'To get the pass we check proof of benefits and keep a note of the type of proof you showed.'],
  ['Swimming lessons for children', 'We keep a register of each class and the progress of every swimmer.'],
];

const faq = createFaqService(writtenNotice(SECTIONS));
const first = (question: string) => faq.explain(question).candidates[0]?.entry.title;

describe('names in headings', () => {
  it('does not take one word of a name in a heading for the name ("my data" is not the Data Protection Officer)', () => {
    expect(first('do you sell my data')).toBe('Who we share your information with');
    expect(first('is my data kept secure')).toBe('Keeping your information secure');
    expect(first('do you pass my details to the police')).toBe('Who we share your information with');
  });

  it('still finds the entry when the question says the name whole', () => {
    expect(first('who is your data protection officer')).toBe('Who we are and how to reach our Data Protection Officer');
    expect(first('how do i get a leisure pass')).toBe('Concessionary prices and the Ashvale Leisure Pass');
  });
});
