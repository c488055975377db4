/**
 * Text normalisation shared by the index and the query side: whatever one side does, the other must
 * do too, or a word indexed one way is searched another way and never matches.
 */
import lunr from 'lunr';

/** Longest question we look at: enough for any real question, and it bounds the work per message. */
export const MAX_QUERY_CHARS = 500;

/** Lower-case ASCII words and numbers; everything else (emoji, HTML, query syntax, NUL) is a gap. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, '') // don't -> dont, Microsoft's -> microsofts
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

// British spellings that Porter does not fold into the US form: "personalised" stems differently
// from "personalized", "behaviour" from "behavior". Users write both; the content uses one. Also a
// few chat short forms.
const ISE_STEMS = [
  'anonym', 'apolog', 'author', 'categor', 'central', 'custom', 'digit', 'emphas', 'final', 'initial',
  'legal', 'local', 'maxim', 'memor', 'minim', 'normal', 'optim', 'organ', 'personal', 'priorit',
  'pseudonym', 'real', 'recogn', 'special', 'standard', 'summar', 'synchron', 'util', 'visual',
];
const ISE = new RegExp(`^(${ISE_STEMS.join('|')})is(e|es|ed|er|ers|ing|ation|ations)$`);
const OUR = /^(behavi|col|fav|hon|lab|neighb|rum|harb)our(s|ed|ing|ite|ites|able)?$/;
const SPELLING: Record<string, string> = {
  analyse: 'analyze', analysed: 'analyzed', analyses: 'analyzes', analysing: 'analyzing',
  centre: 'center', centres: 'centers', licence: 'license', licences: 'licenses', defence: 'defense',
  programme: 'program', programmes: 'programs', catalogue: 'catalog', enrol: 'enroll', enrolment: 'enrollment',
  cancelled: 'canceled', cancelling: 'canceling', travelling: 'traveling', travelled: 'traveled',
  practise: 'practice', practised: 'practiced', misspelt: 'misspelled', spelt: 'spelled',
  // Short forms and slips people type in chat, too short for the typo corrector (5+ letters).
  info: 'information', msft: 'microsoft', pls: 'please', plz: 'please', thx: 'thanks', wich: 'which',
  whic: 'which', wat: 'what', waht: 'what', wht: 'what', teh: 'the', hte: 'the', adn: 'and', yuo: 'you',
  cna: 'can', hwo: 'how', ahve: 'have', abt: 'about', ppl: 'people',
};

export function americanise(word: string): string {
  const fixed = Object.hasOwn(SPELLING, word) ? SPELLING[word] : undefined;
  if (fixed) return fixed;
  const ise = ISE.exec(word);
  if (ise) return `${ise[1]}iz${ise[2]}`;
  const our = OUR.exec(word);
  if (our) return `${our[1]}or${our[2] ?? ''}`;
  return word;
}

export function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

/**
 * Candidate base forms of an inflected word, cheapest first: "deletions" -> "deletion",
 * "erasing" -> "erase". Used to look words up in the synonym lexicon without listing every form.
 */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  const add = (form: string) => {
    if (form.length >= 3 && !forms.includes(form)) forms.push(form);
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
    if (word.length > 5 && word[word.length - 3] === word[word.length - 4]) add(word.slice(0, -3)); // stopped -> stop
  }
  if (word.endsWith('ing')) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (word.length > 6 && word[word.length - 4] === word[word.length - 5]) add(word.slice(0, -4));
  }
  return forms;
}
