/**
 * What a message asks the bot to do. Rules, not a model: the commands are few and must be exact, and
 * a privacy request opened by mistake is worse than a question answered from the policy. So an
 * utterance becomes a request only when it is an instruction (imperative, "I want ...", "can you ...")
 * about the user's own data; everything else is a question for the FAQ search, with `aboutRight` set
 * when it asks about one of the rights, so the answer can offer the matching form.
 */
import type { RightAsked } from '../faq/answer-about';
import { KIND_WORDS, REQUEST_KIND_DEFINITIONS, REQUEST_KINDS, type RequestKind } from '../requests/kinds';
import { currentLanguage, LANGUAGES, type Language } from '../strings';
import { normalise } from './normalise';
import { classifyInLanguage, englishCommandOf } from './other-languages';

export type Intent =
  | { type: 'greeting' }
  | { type: 'thanks' }
  | { type: 'help' }
  | { type: 'myRequests' }
  | { type: 'notice' }
  | { type: 'language' }
  | { type: 'request'; kind: RequestKind }
  | { type: 'question'; aboutRight?: RequestKind };

// Whole-message commands. Matched against the normalised text, so case and punctuation do not matter.
const GREETING = /^(hi|hello|hey|hiya|howdy|yo|hallo|greetings|good (morning|afternoon|evening|day))( (there|all|everyone|team|bot|privacy bot|assistant))?$/;
const THANKS =
  /^((ok|okay|great|perfect|cool|awesome|brilliant) )?(thanks|thank you|thx|ty|cheers|many thanks|much appreciated|appreciated)( (a lot|so much|very much|again|bot|for (the|your) help|for helping))*$/;
const HELP = /^(help( me)?|menu|start|get started|commands|options|what can you do|what do you do|how does this work)$/;
const MY_REQUESTS = [
  /^((show|list|view|see|check|get|display|track)( me)?( all)?( of)? )?my (privacy |data |open |pending |submitted )?requests?( status(es)?| progress)?$/,
  /^(status|progress|state)( of| on| for)? my (privacy |data )?requests?$/,
  /^(what|where) (is|are) my (privacy |data )?requests?( status)?$/,
  /^(request|requests) status$/,
  /^(whats|what is|what are) (the )?(status|progress|state)( of| on| for)? my (privacy |data )?requests?$/,
  /^(where|how) (is|are) my (privacy |data )?requests?( doing| going| at)?$/,
  /^(any|do i have any) (updates? )?(on )?my (privacy |data )?requests?$/,
];
const LANGUAGE = /^((change|set|choose|switch|pick) (the |my |a )?)?languages?$/;
const NOTICE = /^((send|new|compose|post|create|publish|write) )?(a )?(privacy |policy )?notices?$/;

/**
 * Kind triggers, from each kind's definition (src/requests/kinds.ts): `loose` finds the right a
 * question is about; `object` is what an instruction must also mention to count as a request about
 * the user's data. Each pattern is tried on the whole normalised text. Sorted by precedence, which
 * breaks ties.
 */
const KIND_RULES = REQUEST_KINDS.map((kind) => ({ kind, ...REQUEST_KIND_DEFINITIONS[kind].triggers })).sort((a, b) => a.precedence - b.precedence);

/** Verbs that open an instruction, from every kind; "send"/"give" read as an export ("give me my data"). */
const ACTION_START = new RegExp(`^(${KIND_RULES.flatMap((rule) => rule.verbs).join('|')})\\b`);

/** Politeness and framing before the instruction: "please", "can you", "I'd like you to". */
const POLITE_PREFIX =
  /^((hi|hello|hey|ok|okay|so|right|bot|please|pls|plz|kindly)( there| bot)? )*((can|could|would|will) (you|u)( please| kindly)? |(i|we) (need|want|would like|d like) (you|u) to |id like you to |(i am|im) asking you to |help me (to )?)?(please )?/;

/** "I want ...", "I'd like ...": a wish about the user's own data is an instruction. */
const DESIRE =
  /^(i|we) (want|wanna|need|would like|d like|wish|request|demand|am requesting|hereby request|would want|expect)\b|^(id|im) (like|requesting)\b|^(requesting|request)\b/;
/** ...unless the wish is to learn something: "I want to know whether you delete data". */
const WANTS_TO_LEARN =
  /^(\w+ ){1,4}(to )?(know|understand|learn|find out|ask|check whether|check if|see if|see whether|read|information about|info about|details about|more about)\b/;

/** A statement that by itself withdraws consent: "I don't consent to ad personalization anymore". */
const WITHDRAWAL = /^(i|we) (dont|do not|no longer|will not|wont|never) (consent|agree|want|accept|allow)\b|^(i|we) (withdraw|revoke|object)\b/;

/** Messages that ask: question words, "can I", or a question mark anywhere. */
const QUESTION_START =
  /^(how|what|whats|when|where|why|who|whom|whose|which|is|are|am|do|does|did|can i|can we|could i|could we|may i|may we|might|should|shall|have|has|was|were|will (i|my|it|the|you|we|they|this|that)|would (i|my|it|the)|is it|are you|tell me (about|more|how|what|if|whether)|explain|any idea|wondering|i wonder|i was wondering)\b/;

/** The right the text is about; with `objectIn`, only rules whose object that text mentions. */
function kindOf(text: string, objectIn?: string): RequestKind | undefined {
  let best: { kind: RequestKind; at: number } | undefined;
  for (const rule of KIND_RULES) {
    const match = rule.loose.exec(text);
    if (!match) continue;
    if (objectIn !== undefined && !rule.object.test(objectIn)) continue;
    // The earliest trigger wins ("export my data, then delete it" is an export first); on a tie,
    // the kinds' precedence (consent withdrawal before deletion: "remove my consent").
    if (!best || match.index < best.at) best = { kind: rule.kind, at: match.index };
  }
  return best?.kind;
}

function isCommand(text: string): Intent | undefined {
  if (text === '') return { type: 'help' };
  if (GREETING.test(text)) return { type: 'greeting' };
  if (THANKS.test(text)) return { type: 'thanks' };
  if (HELP.test(text)) return { type: 'help' };
  if (MY_REQUESTS.some((pattern) => pattern.test(text))) return { type: 'myRequests' };
  if (NOTICE.test(text)) return { type: 'notice' };
  if (LANGUAGE.test(text)) return { type: 'language' };
  return undefined;
}

/** An instruction about the user's data, or undefined when the message is not one. */
function requestOf(text: string, questionMark: boolean): RequestKind | undefined {
  const body = text.replace(POLITE_PREFIX, '');
  const politeAsk = body !== text && /\b(can|could|would|will) (you|u)\b/.test(text.slice(0, text.length - body.length));
  // "Can I ask you to delete my data?" asks about a right; "can you delete my data?" asks for it.
  if (!politeAsk && (QUESTION_START.test(body) || (questionMark && !ACTION_START.test(body)))) return undefined;
  if (/^(dont|do not|never|no need to)\b/.test(body)) return undefined;
  if (WITHDRAWAL.test(body)) return kindOf(body) ?? (/\b(consent|agree)\b/.test(body) ? 'optout' : undefined);
  if (DESIRE.test(body)) return WANTS_TO_LEARN.test(body) ? undefined : kindOf(body, body);
  if (ACTION_START.test(body)) return kindOf(body, body);
  // "my phone number changed, please update it": an instruction after a statement.
  const later = /\b(please|pls|kindly) (.*)$/.exec(body);
  if (later && ACTION_START.test(later[2])) return kindOf(later[2], body);
  // A bare "opt out" or "unsubscribe" is a clear instruction even without an object.
  if (/^(opt (me )?out|optout|unsubscribe)( (please|now))?$/.test(body)) return 'optout';
  return undefined;
}

/**
 * `language` is the asker's (the turn's, by default). Every language's requests and commands are
 * understood from anyone; the right a question is about is read in English and the asker's language
 * only, so an English question's "limit" is not taken for French's "limiter".
 */
export function classifyIntent(text: string, language: Language = currentLanguage()): Intent {
  const raw = typeof text === 'string' ? text : '';
  if (/^\s*\?+\s*$/.test(raw)) return { type: 'help' };
  // A command's name in another language is that command ("meine daten löschen" is "delete my data").
  const english = englishCommandOf(raw);
  if (english !== undefined && english !== raw) return classifyIntent(english, language);
  const { text: normalised, questionMark } = normalise(raw);
  const command = isCommand(normalised);
  if (command) return command;
  const kind = requestOf(normalised, questionMark);
  if (kind) return { type: 'request', kind };
  let aboutRight = kindOf(normalised);
  // The other languages' own rules: whoever types in them, whatever their Teams is set to.
  for (const other of LANGUAGES) {
    if (other === 'en') continue;
    const found = classifyInLanguage(other, raw);
    if (found && found.type !== 'question') return found;
    if (other === language) aboutRight ??= found?.aboutRight;
  }
  return aboutRight ? { type: 'question', aboutRight } : { type: 'question' };
}

/** The right a message asks for or asks about, if any: what its FAQ answer may be ranked towards. */
export function rightAskedIn(intent: Intent): RightAsked | undefined {
  if (intent.type === 'request') return { name: KIND_WORDS[intent.kind].formTitle, instruction: true };
  if (intent.type === 'question' && intent.aboutRight) return { name: KIND_WORDS[intent.aboutRight].formTitle, instruction: false };
  return undefined;
}
