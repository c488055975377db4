/**
 * The FAQ capability as the rest of the bot sees it. The index is built once, here, from the loaded
 * entries; answering never rebuilds it and never throws on what a user typed.
 */
import { choose, rank, type Ranking } from './answer-policy';
import { SearchIndex } from './search-index';
import { MAX_QUERY_CHARS, words } from './text';
import type { FaqEntry, FaqService } from './types';

export function createFaqService(entries: FaqEntry[]): FaqService {
  const frozen: readonly FaqEntry[] = Object.freeze(entries.map((entry) => Object.freeze({ ...entry, source: Object.freeze({ ...entry.source }) })));
  const byId = new Map(frozen.map((entry) => [entry.id, entry]));
  const index = new SearchIndex(frozen);

  return {
    entries: frozen,
    getEntry: (id) => byId.get(id),
    answer: (question) => choose(rankQuestion(index, question), frozen),
  };
}

function rankQuestion(index: SearchIndex, question: unknown): Ranking {
  // Anything that is not a string (a card payload gone wrong) is an empty question.
  const text = typeof question === 'string' ? question.slice(0, MAX_QUERY_CHARS) : '';
  return rank(index, index.analyseQuery(text), isHowTo(text));
}

/** "how do I ...", "how can we ...", "how to ...": a request for a procedure. */
function isHowTo(text: string): boolean {
  return /^(how (do|can|could|would|should|shall) (i|we)|how to) /.test(words(text).join(' ') + ' ');
}
