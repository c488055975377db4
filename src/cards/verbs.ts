/**
 * Every card action verb the bot answers, in one place. Cards name them (template JSON keeps the
 * literal verb, as the designer shows it; test/cards/verbs.test.ts checks each is listed here), the
 * Teams features register a handler for each (`CardActionRouter.register` takes only these), and the
 * app refuses to start if one has no handler (`requireEveryVerb`). A verb is `<feature>.<action>[.<step>]`.
 */
export const CARD_VERBS = [
  'faq.ask',
  'faq.open',
  'faq.feedback',
  'request.open',
  'request.review',
  'request.edit',
  'request.submit',
  'request.cancel',
  'request.list',
  'request.replay',
  'request.withdraw',
  'request.withdraw.confirm',
  'request.withdraw.keep',
  'notice.preview',
  'notice.edit',
  'notice.send',
  'notice.cancel',
  'notice.ack',
  'notice.summary',
  'notice.acks',
  'notice.change',
  'notice.update',
  'notice.recall',
  'notice.recall.confirm',
  'notice.keep',
  'question.open',
  'question.send',
  'question.cancel',
  'question.list',
  'question.rate',
  'question.assign',
  'question.close',
  'question.answer',
  'question.refresh',
  'learned.forget',
  'suggestion.accept',
  'suggestion.dismiss',
  'language.choose',
] as const;

export type CardVerb = (typeof CARD_VERBS)[number];

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}
