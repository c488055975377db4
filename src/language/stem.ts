/** Word forms: Porter stems (lunr's stemmer) and cheap candidate base forms for dictionary look-ups. */
import lunr from 'lunr';

const cache = new Map<string, string>();

export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
    // Bounded: a long-lived bot sees many distinct words.
    if (cache.size > 20_000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Candidate base forms of an inflected word, most likely first: "deletions" -> "deletion",
 * "erasing" -> "erase", "stopped" -> "stop". For looking a word up in a dictionary of base forms.
 */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  const add = (form: string) => {
    if (form.length >= 2 && form !== word && !forms.includes(form)) forms.push(form);
  };
  const irregular = irregularBase(word);
  if (irregular) add(irregular);
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) {
    add(word.slice(0, -1));
    add(word.slice(0, -2));
    if (word.length > 5 && word[word.length - 3] === word[word.length - 4]) add(word.slice(0, -3));
  }
  if (word.endsWith('ing')) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (word.length > 6 && word[word.length - 4] === word[word.length - 5]) add(word.slice(0, -4));
  }
  return forms;
}

/**
 * Irregular past forms and plurals, to their base form: what suffix rules cannot undo
 * ("bought" -> "buy", "kept" -> "keep", "children" -> "child"). General English only.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries({
    arose: 'arise',
    arisen: 'arise',
    awoke: 'awake',
    began: 'begin',
    begun: 'begin',
    bent: 'bend',
    bit: 'bite',
    bitten: 'bite',
    blew: 'blow',
    blown: 'blow',
    broke: 'break',
    broken: 'break',
    brought: 'bring',
    built: 'build',
    bought: 'buy',
    caught: 'catch',
    chose: 'choose',
    chosen: 'choose',
    came: 'come',
    dealt: 'deal',
    dug: 'dig',
    drew: 'draw',
    drawn: 'draw',
    drove: 'drive',
    driven: 'drive',
    ate: 'eat',
    eaten: 'eat',
    fell: 'fall',
    fallen: 'fall',
    fed: 'feed',
    felt: 'feel',
    fought: 'fight',
    found: 'find',
    fled: 'flee',
    flew: 'fly',
    flown: 'fly',
    forbade: 'forbid',
    forbidden: 'forbid',
    forgot: 'forget',
    forgotten: 'forget',
    forgave: 'forgive',
    forgiven: 'forgive',
    froze: 'freeze',
    frozen: 'freeze',
    gave: 'give',
    given: 'give',
    went: 'go',
    gone: 'go',
    grew: 'grow',
    grown: 'grow',
    hung: 'hang',
    heard: 'hear',
    hid: 'hide',
    hidden: 'hide',
    held: 'hold',
    kept: 'keep',
    knew: 'know',
    known: 'know',
    laid: 'lay',
    led: 'lead',
    left: 'leave',
    lent: 'lend',
    lay: 'lie',
    lain: 'lie',
    lost: 'lose',
    made: 'make',
    meant: 'mean',
    met: 'meet',
    paid: 'pay',
    ran: 'run',
    rang: 'ring',
    rung: 'ring',
    rose: 'rise',
    risen: 'rise',
    said: 'say',
    saw: 'see',
    seen: 'see',
    sought: 'seek',
    sold: 'sell',
    sent: 'send',
    shook: 'shake',
    shaken: 'shake',
    shone: 'shine',
    shot: 'shoot',
    showed: 'show',
    shown: 'show',
    shrank: 'shrink',
    sang: 'sing',
    sung: 'sing',
    sank: 'sink',
    sat: 'sit',
    slept: 'sleep',
    spoke: 'speak',
    spoken: 'speak',
    spent: 'spend',
    stood: 'stand',
    stole: 'steal',
    stolen: 'steal',
    stuck: 'stick',
    struck: 'strike',
    swore: 'swear',
    sworn: 'swear',
    took: 'take',
    taken: 'take',
    taught: 'teach',
    tore: 'tear',
    torn: 'tear',
    told: 'tell',
    thought: 'think',
    threw: 'throw',
    thrown: 'throw',
    understood: 'understand',
    woke: 'wake',
    woken: 'wake',
    wore: 'wear',
    worn: 'wear',
    won: 'win',
    wrote: 'write',
    written: 'write',
    withdrew: 'withdraw',
    withdrawn: 'withdraw',
    undertook: 'undertake',
    undertaken: 'undertake',
    children: 'child',
    men: 'man',
    women: 'woman',
    people: 'person',
    feet: 'foot',
    teeth: 'tooth',
    mice: 'mouse',
    analyses: 'analysis',
    bases: 'basis',
    criteria: 'criterion',
    phenomena: 'phenomenon',
  }),
);

/** The base form of an irregular past tense, participle or plural; undefined for any other word. */
export function irregularBase(word: string): string | undefined {
  return IRREGULAR.get(word);
}
