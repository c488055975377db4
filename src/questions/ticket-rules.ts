/**
 * What each ticket button does to a question, as a pure function: the service applies it to the
 * stored record inside a conditional write, and applies it again to a fresh read when another
 * writer got there first. A closed ticket stays closed; an answer, once given, stays the answer.
 */
import type { Person, Question, Refusal, TicketAction } from './types';

/** Teams refreshes a card by itself for at most 60 people. */
const MAX_WATCHERS = 60;

export type Outcome = { readonly ok: true; readonly question: Question; readonly changed: boolean } | { readonly ok: false; readonly refusal: Refusal };

export function applyAction(question: Question, action: TicketAction, actor: Person, at: string): Outcome {
  if (question.erasedAt) return { ok: false, refusal: { reason: 'erased' } };
  if (question.status === 'closed') return { ok: false, refusal: { reason: 'closed' } };
  switch (action.type) {
    case 'assign':
      if (question.answer) return { ok: false, refusal: { reason: 'answered', by: question.answer.by } };
      if (question.assignee?.aadObjectId === actor.aadObjectId) return { ok: true, question, changed: false };
      return changed(question, actor, at, { status: 'assigned', assignee: actor });
    case 'answer':
      if (question.answer) return { ok: false, refusal: { reason: 'answered', by: question.answer.by } };
      return changed(question, actor, at, {
        status: 'answered',
        answer: { text: action.text, by: actor, at, ...(action.entryId ? { entryId: action.entryId } : {}), ...(action.teach ? { teach: true } : {}) },
        answerTold: 'pending',
        ...(action.teach ? { taught: 'pending' as const } : {}),
      });
    case 'close':
      // Closed without an answer, the asker is told so rather than left waiting.
      return changed(question, actor, at, { status: 'closed', closed: { by: actor, at }, ...(question.answer ? {} : { closeTold: 'pending' as const }) });
  }
}

function changed(question: Question, actor: Person, at: string, change: Partial<Question>): Outcome {
  // Someone acting from the console has no Teams user id: there is no card view of theirs to refresh.
  const watchers =
    !actor.teamsUserId || question.watchers.includes(actor.teamsUserId) ? question.watchers : [...question.watchers, actor.teamsUserId].slice(-MAX_WATCHERS);
  return { ok: true, changed: true, question: { ...question, ...change, watchers, version: question.version + 1, updatedAt: at } };
}
