/**
 * The retrieval constants that are a choice rather than a fact: each chosen leave-one-policy-out over
 * every policy with a question set (`npm run bench:faq -- --tune name=v1,v2 ...`, see
 * docs/retrieval.md), never on one. The bench passes other values to measure them; the bot uses these.
 */
export interface Tuning {
  /**
   * Reciprocal-rank fusion of our ranking with plain lunr's: an entry earns 1 / (fusionDepth + its
   * place) from each. A larger depth weighs the places less, so agreement counts more than either list's order.
   */
  readonly fusionDepth: number;
  /** How much our ranking's place counts beside lunr's (lunr's counts 1). */
  readonly fusionOurs: number;
  /** The lead over the runner-up an answer needs (see answer-policy.ts), unless calibration.json sets one. */
  readonly answerLead: number;
  /** The lead an answer needs when plain lunr puts the same entry first (never more than answerLead). */
  readonly agreedLead: number;
  /**
   * 1: a question that speaks none of the content's recurring vocabulary counts as covered at the
   * general coverage level when plain lunr puts the same entry first (see answer-policy.ts); 0: it
   * needs the higher level or a heading.
   */
  readonly agreedCovers: number;
  /**
   * A question in the content's recurring vocabulary is covered at this share of the general
   * coverage level when plain lunr puts the same entry first and that entry's heading says part of
   * the question (answer-policy.ts). 1: no lower level.
   */
  readonly agreedCoverageShare: number;
  /**
   * The share of questions made of random everyday English words that the derived coverage level
   * declines (calibration.ts): the higher, the more of a question an entry must cover.
   */
  readonly randomDeclined: number;
  /** Weight of a WordNet synonym of a question word (0: synonyms unused). */
  readonly synonymWeight: number;
  /** Most weight of a word-vector neighbour of a question word (0: neighbours unused). */
  readonly neighbourWeight: number;
  /**
   * 1: where the content lacks the asker's word, a content word whose usual senses list it as a
   * synonym stands for it ("photo" lists "picture"; "picture" does not list "photo").
   */
  readonly reverseSynonyms: number;
  /** How strongly closeness in meaning of the whole question orders entries (0: unused). */
  readonly closenessWeight: number;
  /**
   * A question that shares no word of the content's own recurring vocabulary (stems in at least this
   * share of the entries, see content-vocabulary.ts) needs its best entry's heading to cover it.
   * 0: no such check.
   */
  readonly coreShare: number;
  /**
   * A question in the form of a service request that says nothing of data (service-question.ts) is
   * declined unless it uses a stem in at least this share of the entries: the content's own words
   * for what it is about. 0: no such check; above 1: only the general words for data count.
   */
  readonly serviceShare: number;
}

export const DEFAULT_TUNING: Tuning = Object.freeze({
  fusionDepth: 1,
  fusionOurs: 4,
  answerLead: -0.5,
  agreedLead: -1,
  agreedCovers: 1,
  agreedCoverageShare: 0.8,
  randomDeclined: 0.9,
  synonymWeight: 0.6,
  neighbourWeight: 0.6,
  reverseSynonyms: 1,
  closenessWeight: 1,
  coreShare: 0.05,
  serviceShare: 2,
});
