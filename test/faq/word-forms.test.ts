/**
 * How the words of a question meet the words of a notice that says the same thing in other forms:
 * another name for one's data inside a privacy expression, another word of the same Porter stem, a
 * word shortened in speech. A small dental practice's notice, written here.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Who is responsible for your information', 'Fernhill Dental Ltd decides why and how the information about its patients is used.'],
  ['Staff duties', 'Every member of staff is responsible for keeping data about patients safe and for reporting data incidents to the practice manager.'],
  ['Bringing someone with you', 'You may bring a relative or another person into the surgery; tell reception who they are.'],
  ['Personal details on your record', 'Your record holds your name, address, date of birth and personal contact details, and the name of your doctor.'],
  ['Records of students at the university clinic', 'Students treated at the university clinic have their dental record kept for eight years.'],
  ['Records of hospital patients', 'Patients referred to the hospital have their dental record kept for eight years.'],
  ['Joining the practice', 'New patients join by filling in a medical history form at their first visit.'],
  ['Parking at the surgery', 'Our car park is at the end of the road; we do not record the number plate of your car.'],
];

const entries = writtenNotice(SECTIONS);
const faq = createFaqService(entries);
const first = (question: string) => faq.explain(question).candidates[0]?.entry.title;

describe('words in other forms', () => {
  // "responsible for my data" is an expression of the privacy vocabulary; this notice says "your information".
  it("finds a privacy expression written with another word for one's data", () => {
    expect(first('who is responsible for my data')).toBe('Who is responsible for your information');
    const phrases = faq
      .explain('who is responsible for my data')
      .units.flatMap((unit) => unit.alternatives)
      .map((alternative) => alternative.stem);
    expect(phrases).toContain('respons inform');
  });

  // "person" and "personal" share the stem "person"; WordNet derives neither from the other.
  it("prefers the asker's own word to another word of its stem", () => {
    const [best, other] = ['Bringing someone with you', 'Personal details on your record'].map((title) =>
      faq.explain('what about a person with me').candidates.find((candidate) => candidate.entry.title === title)!,
    );
    expect(best.score).toBeGreaterThan(other.score);
    expect(best.coverage).toBeGreaterThan(other.coverage);
  });

  it('still takes the inflections of the asker\'s word as the word itself ("records", "kept")', () => {
    const records = faq.explain('records kept').candidates.filter((candidate) => candidate.entry.title.startsWith('Records of'));
    expect(records).toHaveLength(2);
    for (const candidate of records) expect(candidate.coverage).toBeCloseTo(1, 5);
  });

  // English writes "birthday" shut where the notice writes "date of birth" open.
  it('reads a closed compound the content lacks as the part it uses ("birthday" as "birth"), not as a part by chance ("carpet")', () => {
    expect(first('why do you need my birthday')).toBe('Personal details on your record');
    const stems = (word: string) => faq.explain(word).units[0].alternatives.map((alternative) => alternative.stem);
    expect(stems('birthday')).toContain('birth');
    // "car" and "pet" are common words, but far from "carpet" in meaning; "end" says too little of "weekend".
    expect(stems('carpet')).not.toContain('car');
    expect(stems('weekend')).not.toContain('end');
  });

  // The pair's meaning, not the verb's: "sign up" is to join, not to sign.
  it('reads a phrasal verb as WordNet\'s words for the pair ("signed up" as "join")', () => {
    expect(first('what do you ask for when i signed up')).toBe('Joining the practice');
    const alternatives = faq.explain('sign up').units[0].alternatives.map((alternative) => alternative.stem);
    expect(alternatives).toContain('join');
    expect(faq.explain('sign').units[0].alternatives.map((alternative) => alternative.stem)).not.toContain('join');
  });

  it('reads a word shortened in speech as the content\'s longer word it begins ("uni")', () => {
    expect(first('how long does the uni keep my dental record')).toBe('Records of students at the university clinic');
    expect(faq.explain('uni').units[0].alternatives.map((alternative) => alternative.stem)).toEqual(['univers']);
  });
});
