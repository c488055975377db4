/**
 * A question about the organisation's services rather than about anyone's data: "how do I pay my
 * rent online", "what time does the helpline open", "can I volunteer at weekends". It shares the
 * content's words (a privacy notice mentions the rent, the helpline and the volunteers), so coverage
 * alone answers it with the entry that mentions its topic. What gives it away is general language:
 * it asks how, when, where or whether to do something, and says nothing of data, of what is done
 * with it (the privacy vocabulary's expressions) or of the content's own most recurring words.
 *
 * Only the question's form and general privacy language decide here, never one organisation's words;
 * a question in any other form ("bailiffs??", "what happens if I miss a repayment") is not judged.
 */
import { stem } from '../language/stem';
import { ABBREVIATIONS, PERSONAL_DATA_WORDS, PRIVACY_GROUPS } from './privacy-vocabulary';

/**
 * How people ask for a service, an opening time, a place or a price: the opening of the question.
 * Not "how do you…" nor "where do my…": they ask what the organisation does and where the asker's
 * things go, which is what a notice says. "What's the…" with or without its apostrophe ("whats the
 * wifi password"), but not "what's a…": what one of its things is, a notice defines.
 */
const SERVICE_FORM =
  /^\s*(how (do|can|should) (i|we)|what time|when (does|do|is|are|will|can)|where (is|are|can)|where do (i|we)|how (much|many|far|long does)|is there|are there|can i|do you (have|deliver|treat|sell|offer|open)|what('s|s| is| are) (the|your))\b/i;
/**
 * Other forms of a request for advice or a product detail: which size or kind to choose, what to do,
 * wear or bring (the asker, or someone they speak for), how often to do something, whether a thing is
 * open, included, allowed or worth it, whether the asker is allowed it, whether the organisation is hiring.
 */
const ADVICE_FORM =
  /^\s*(what should (he|she|they|my \w+)\b|(are|is) (you|they) hiring\b|how often should\b|(can|could) (i|we) bring\b|what (size|sort|kind|type)\b|which \w+( \w+)? (should|is best|has the best)\b|what should (i|we)\b|what do (i|we) do (if|when)\b|(is|are) \w+ allowed\b|(am i|are we) allowed\b|(is|are) (the|a|an|my|your|there) (\w+ ){1,4}(open|included|allowed|compatible|worth|available|cheaper|better)\b)/i;
/**
 * What people ask any chat assistant and no privacy notice answers: a joke, a poem or a speech, a
 * translation, the weather, who won or wrote something, a recommendation, the best of something.
 */
const CHAT_FORM =
  /\b(tell|give) me (a|another|some) (joke|story|riddle|fun fact)s?\b|^\s*(please )?(write|compose|draft) (me )?(a|an|some)\b|^\s*(please )?translate\b|\b(what('s| is|s) the weather|weather (like|forecast|today|tomorrow|in|this)|will it (rain|snow)|forecast for)\b|^\s*who (won|composed|wrote|invented|directed|painted|sang|discovered)\b|^\s*(can you )?recommend (me )?(a|an|some)\b|^\s*(what('s| is|s) (the )?)?best \w+( \w+)? (of \d{4}|near me|in (the world|town))\b/i;

/**
 * A question for a price or an amount to pay ("how much is a day pass", "what does a valet cost"):
 * an entry whose heading names the thing says what is done with data when it is bought, never its price.
 */
const PRICE_FORM = /^\s*(how much (is|are|does|do|for|to)\b|what (does|do|will|would) (\w+ ){1,6}cost\b|what('s| is|s) the (price|cost) of\b)/i;

/** Whether the question asks what something costs (see PRICE_FORM). */
export function asksPrice(question: string): boolean {
  return PRICE_FORM.test(question);
}

/** Sums and conversions ("what's 15% of 80", "convert 5 miles to km"): what a calculator answers. */
const ARITHMETIC_FORM =
  /^\s*((what('s| is|s)|calculate|work out) (the square root of \d|\d[\d.,]* ?(%|percent|per cent|times|x|\*|plus|minus|divided by|multiplied by|\+|-|\/) ?(of )?\d)|convert \d[\d.,]* ?\w+ (in)?to \w+)/i;

/** How long a thing takes or lasts ("how long does conveyancing take"), not how long data is kept: "how long" here is not the retention phrase. */
const DURATION_FORM = /^\s*how long\b(?=.*\b(take|takes|taking|last|lasts)\b|\s+(until|till|before|should (i|we) wait)\b)/i;

/**
 * Whether the organisation sells a kind of goods ("do you sell decaf beans", "do you sell tyres"): a
 * bare noun after the verb names a product line. A determiner or a person names a particular thing
 * or people ("do you sell my data", "the electoral roll", "your mailing list", "customers' details"),
 * which "sell" keeps about data.
 */
const GOODS_FORM = /^\s*do (you|u) sell\b(?!\s+(or|and|my|our|your|the|his|her|their|its|any|this|that|these|those|people|customers?|members?|users?)\b)/i;

/**
 * Forms whose own words say nothing of data, whatever else they can mean ("tell" a joke, "x" of a
 * sum, "how long" something takes, "sell" goods): the rest of the question decides.
 */
const FORMS_OWN_WORDS_ASIDE: readonly RegExp[] = [CHAT_FORM, ARITHMETIC_FORM, DURATION_FORM, GOODS_FORM];

/**
 * Whether the organisation does, teaches, fits or stocks a thing ("do you do balayage", "can you
 * teach drums to adults"): what it offers. Not "run" or "make": one runs analytics and makes decisions
 * about people. A check it does on someone is data, below.
 */
const OFFER_FORM = /^\s*(do|can) (you|u) (do|teach|fit|clean|rent|stock)\b/i;
/**
 * A check, a search or vetting, said as a thing done ("a credit check", "dbs checks", "a quotation
 * search"), is done on someone's data; not the asker's own checking ("how do i check my balance")
 * nor a hotel's check-in.
 */
const CHECK_DONE = /(?<!\b(i|we|you|u|to|do|can|could|should|will|please|and|or) )\b(checks?|search(es)?|vetting)\b(?![- ]?(in|out)\b)/i;

/** The forms of a request for a service, advice, a price or what the organisation offers. */
const REQUEST_FORMS: readonly RegExp[] = [SERVICE_FORM, ADVICE_FORM, PRICE_FORM, OFFER_FORM];

const DATA_STEMS: ReadonlySet<string> = new Set([
  ...PRIVACY_GROUPS.flat()
    .filter((expression) => !expression.includes(' '))
    .map(stem),
  ...ABBREVIATIONS.keys(),
  ...PERSONAL_DATA_WORDS.map(stem),
]);
/** The notice itself, named by the one reading it ("older versions of this notice"): what it says is privacy. */
const THIS_NOTICE = /\bthis (privacy )?(notice|policy|statement)\b/i;
/** The privacy vocabulary's expressions of several words ("opt out", "turn off"), as word sequences. */
const DATA_PHRASES: readonly string[] = PRIVACY_GROUPS.flat().filter((expression) => expression.includes(' '));

/**
 * Whether the question asks for a service in general language, saying nothing of data (see above).
 * `defined`: the abbreviations the content defines ("FOI"), which name the law and bodies it speaks of.
 */
export function asksForServiceOnly(question: string, defined: ReadonlySet<string> = new Set()): boolean {
  const form = FORMS_OWN_WORDS_ASIDE.map((pattern) => pattern.exec(question)).find((found) => found !== null);
  if (!form && !REQUEST_FORMS.some((pattern) => pattern.test(question))) return false;
  const said = form ? `${question.slice(0, form.index)} ${question.slice(form.index + form[0].length)}` : question;
  const words = said.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const spaced = ` ${words.join(' ')} `;
  const saysData =
    words.some((word) => DATA_STEMS.has(stem(word)) || defined.has(word)) ||
    DATA_PHRASES.some((phrase) => spaced.includes(` ${phrase} `)) ||
    THIS_NOTICE.test(said) ||
    CHECK_DONE.test(said);
  return !saysData;
}
