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
  /**
   * Plain lunr's first entry leads when its heading says more of the question than our first's and our
   * first's score is under this many times its own (fusion.ts; 0: never).
   */
  readonly plainHeadingRatio: number;
  /**
   * The weights of the first few candidates' order (learnt-order.ts): of their heading coverage, their
   * closeness in meaning, their words' score, plain lunr's place. Learnt, not tuned: `npm run
   * bench:learnt-order` fits them over every policy and shows what they do on policies left out of
   * the fit. All 0: the fused order stands.
   */
  readonly orderHeading: number;
  readonly orderCloseness: number;
  readonly orderMatch: number;
  readonly orderPlain: number;
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
  /**
   * How strongly closeness in meaning of the whole question orders entries (0: unused). 1 was chosen
   * over 13 policies; over 231, leave-one-out chooses 3 to 6 (see docs/retrieval.md, wave 11).
   */
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

  // Our ranking (search-index.ts, ranking.ts): BM25F, then per unit the best alternative an entry has.
  /** BM25F weight of a word in an entry's heading, beside its body's 1: a heading says what the entry is about. */
  readonly titleWeight: number;
  /** BM25F weight of a word in an entry's `Also asked:` lines (the authors' own phrasings). */
  readonly askedWeight: number;
  /**
   * BM25F weight of a word of a question the privacy team taught for the entry: one asker's words, which
   * mix what the entry is about with what any question says ("how long", "data"). Unlike `Also asked:`
   * lines it does not count as the entry's heading.
   */
  readonly taughtWeight: number;
  /** BM25F weight of a word in the entry's part title, shared by several entries: it only nudges. */
  readonly partWeight: number;
  /** BM25's length normalisation of headings (0: none, 1: full); `Also asked:` and part are not normalised. */
  readonly titleB: number;
  /** BM25's length normalisation of bodies. */
  readonly bodyB: number;
  /** BM25's term-frequency saturation. */
  readonly k1: number;
  /**
   * An entry's score is its words' score times (coverageBlend + coverage): an entry that answers every
   * part of the question beats one that matches one word many times; the blend keeps some of the
   * words' say between entries of equal coverage.
   */
  readonly coverageBlend: number;
  /** Each alternative of a unit an entry has beside the best counts this share ("access", "hold", "copy"). */
  readonly otherAlternatives: number;
  /**
   * The asker's word found only as another word of its Porter stem that English does not derive from it
   * ("personal" for "person"): often another meaning, so it counts this share.
   */
  readonly otherWordOfStem: number;
  /**
   * A loose match covers (its weight ** this) of a question word: a neighbour of 0.6 covers 53% at
   * 1.25. Loose matches still rank entries, but a question matched only loosely does not look covered.
   */
  readonly looseMatchPower: number;
  /** Neighbouring question words standing near each other in an entry earn this share of their weight, divided by the distance. */
  readonly nearnessBonus: number;
  /** How many words apart two question words may stand in an entry to count as near. */
  readonly nearnessWindow: number;

  // Expansion (query-expansion.ts, word-alternatives.ts, vocabulary-expressions.ts).
  /** Weight of a term of the general privacy vocabulary's group, or a written-out abbreviation, for what the asker said. */
  readonly vocabularyWeight: number;
  /** A word of a phrase the asker typed, found without the rest of the phrase: this share of its weight. */
  readonly phrasePartWeight: number;
  /**
   * All the words of a phrase the asker typed, found within `nearnessWindow` words of each other in one
   * field but not side by side ("a copy of your personal data" for "copy of my data"): this weight (0: unused).
   */
  readonly nearPhraseWeight: number;
  /** A word of a name the content never says ("data protection officer"), found alone: this share. */
  readonly termPartWeight: number;
  /** Weight of a derived form of the asker's word ("secure" / "security"). */
  readonly derivedWeight: number;
  /** Weight of a WordNet broader term of the asker's word ("dad" -> "parent"). */
  readonly broaderWeight: number;
  /** Weight of a part of a closed compound the content lacks ("birthday" -> "birth"; see word-alternatives.ts). */
  readonly compoundWeight: number;
  /** Weight of a word WordNet gives for a phrasal verb the asker wrote ("sign up" -> "join"; see word-alternatives.ts). */
  readonly phrasalWeight: number;
  /**
   * A stem in more than this share of the entries is never reached by expansion ("information" ->
   * "data" in a privacy notice): it tells no entry apart and would make any question look covered.
   */
  readonly genericShare: number;
  /** A question word whose stem is in more than this share of the entries (the organisation's name, "data") counts half in coverage. */
  readonly commonShare: number;
  /** An alternative weaker than this (a loose neighbour) does not make a question speak the content's recurring vocabulary. */
  readonly recurringMinWeight: number;

  // The decision (answer-policy.ts).
  /** How much the best entry's heading lead over the runner-up's counts in its lead, beside coverage and rank. */
  readonly headingLeadWeight: number;
  /** "Did you mean…" offers no entry scoring below this share of the best. */
  readonly minCandidateShare: number;
}

export const DEFAULT_TUNING: Tuning = Object.freeze({
  fusionDepth: 1,
  fusionOurs: 3,
  plainHeadingRatio: 1.5,
  orderHeading: 2.81,
  orderCloseness: 4.4,
  orderMatch: 2.42,
  orderPlain: 1.32,
  answerLead: -0.5,
  agreedLead: -1,
  agreedCovers: 1,
  agreedCoverageShare: 0.8,
  randomDeclined: 0.9,
  synonymWeight: 0.6,
  neighbourWeight: 0.6,
  reverseSynonyms: 1,
  closenessWeight: 4,
  coreShare: 0.05,
  serviceShare: 2,
  titleWeight: 3,
  askedWeight: 2.5,
  taughtWeight: 1,
  partWeight: 0.4,
  titleB: 0.3,
  bodyB: 0.75,
  k1: 1.2,
  coverageBlend: 0.25,
  otherAlternatives: 0.15,
  otherWordOfStem: 0.7,
  looseMatchPower: 1.25,
  nearnessBonus: 0.3,
  nearnessWindow: 3,
  vocabularyWeight: 0.8,
  phrasePartWeight: 0.6,
  nearPhraseWeight: 0.85,
  termPartWeight: 0.25,
  derivedWeight: 0.85,
  broaderWeight: 0.3,
  compoundWeight: 0.6,
  phrasalWeight: 0.45,
  genericShare: 0.6,
  commonShare: 0.3,
  recurringMinWeight: 0.5,
  headingLeadWeight: 0.8,
  minCandidateShare: 0.2,
});
