/**
 * A message about one of the rights the bot takes requests for is ranked with that right's own name
 * added ("delete my account and everything" with "Delete your data"): the content's entry on the
 * right then rises above entries that only share a word with the message ("account"), in whatever
 * words the organisation describes it.
 *
 * Only where the asker's words leave it open: an instruction ("delete my account"), which says what
 * it wants but little of where the policy says it; and a question they answer only with "Did you
 * mean…". A question its own words answer keeps that answer: many that name a right are about
 * something else ("do you keep a copy of my passport" is not asking for a copy of one's data). And
 * whether the content covers the message at all is the asker's words' alone, so the name never makes
 * an off-topic question that says "fix" or "get rid of" look answered.
 */
import type { FaqAnswer, FaqService } from './types';

export interface RightAsked {
  /** The right's name as its request form is titled, in the asker's language ("Correct your data"). */
  readonly name: string;
  /** An instruction ("delete my data"), not a question about the right. */
  readonly instruction: boolean;
}

export function answerAbout(faq: Pick<FaqService, 'answer'>, question: string, right: RightAsked | undefined): FaqAnswer {
  const own = faq.answer(question);
  const declined = !own.entry && own.candidates.length === 0;
  if (right === undefined || declined || own.confidence >= 1 || (own.entry && !right.instruction)) return own;
  // After the message, so that one that opens like a how-to still reads as one.
  const named = faq.answer(`${question}. ${right.name}`);
  return named.entry || named.candidates.length > 0 ? named : own;
}
