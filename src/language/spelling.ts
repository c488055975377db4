/**
 * British and American spellings, and the short forms people type in chat, folded onto one form
 * (the American one, which is what most word lists and stemmers expect). Porter stemming does not
 * fold "personalised" onto "personalized" or "behaviour" onto "behavior" by itself.
 */

const ISE_STEMS = [
  'anonym',
  'apolog',
  'author',
  'categor',
  'central',
  'custom',
  'digit',
  'emphas',
  'final',
  'initial',
  'legal',
  'local',
  'maxim',
  'memor',
  'minim',
  'normal',
  'optim',
  'organ',
  'personal',
  'priorit',
  'pseudonym',
  'real',
  'recogn',
  'special',
  'standard',
  'summar',
  'synchron',
  'util',
  'visual',
  'critic',
  'modern',
  'penal',
  'stabil',
  'subsid',
  'capital',
  'hospital',
  'journal',
];
const ISE = new RegExp(`^(${ISE_STEMS.join('|')})is(e|es|ed|er|ers|ing|ation|ations)$`);
const OUR = /^(behavi|col|fav|hon|lab|neighb|rum|harb|humo|flav|savi|endeav)our(s|ed|ing|ite|ites|able|al)?$/;
const SPELLING = new Map<string, string>(
  Object.entries({
    analyse: 'analyze',
    analysed: 'analyzed',
    analyses: 'analyzes',
    analysing: 'analyzing',
    centre: 'center',
    centres: 'centers',
    licence: 'license',
    licences: 'licenses',
    defence: 'defense',
    offence: 'offense',
    programme: 'program',
    programmes: 'programs',
    catalogue: 'catalog',
    enrol: 'enroll',
    enrolment: 'enrollment',
    cancelled: 'canceled',
    cancelling: 'canceling',
    travelling: 'traveling',
    travelled: 'traveled',
    practise: 'practice',
    practised: 'practiced',
    misspelt: 'misspelled',
    spelt: 'spelled',
    judgement: 'judgment',
    cheque: 'check',
    cheques: 'checks',
    colour: 'color',
    colours: 'colors',
    // Chat short forms and slips too short for the typo corrector (5 letters or more).
    info: 'information',
    pls: 'please',
    plz: 'please',
    thx: 'thanks',
    wich: 'which',
    whic: 'which',
    wat: 'what',
    waht: 'what',
    wht: 'what',
    teh: 'the',
    hte: 'the',
    adn: 'and',
    yuo: 'you',
    cna: 'can',
    hwo: 'how',
    ahve: 'have',
    abt: 'about',
    ppl: 'people',
    u: 'you',
    ur: 'your',
    r: 'are',
    tho: 'though',
    coz: 'because',
    cuz: 'because',
    bc: 'because',
    msg: 'message',
    msgs: 'messages',
    pic: 'picture',
    pics: 'pictures',
    acct: 'account',
    govt: 'government',
    dept: 'department',
    mgr: 'manager',
    approx: 'approximately',
  }),
);

export function americanise(word: string): string {
  const fixed = SPELLING.get(word);
  if (fixed !== undefined) return fixed;
  const ise = ISE.exec(word);
  if (ise) return `${ise[1]}iz${ise[2]}`;
  const our = OUR.exec(word);
  if (our) return `${our[1]}or${our[2] ?? ''}`;
  return word;
}
