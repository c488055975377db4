/**
 * The content's own recurring vocabulary: the stems that a good share of its entries use. In a
 * privacy notice these are the words it says everything in (its "information", "share", "keep",
 * "request", and the people it is about: "student", "customer"), whatever words the organisation
 * chose; a question that uses none of them, nor a word that stands for one, asks about something
 * else, however much it shares one rare word with one entry ("which bus goes to the museum").
 *
 * Derived from the content alone, so it fits every organisation's words: no global list decides.
 */
import type { Unit } from './query-expansion';
import type { SearchIndex } from './search-index';

export class ContentVocabulary {
  private readonly recurring = new Set<string>();

  /**
   * `share`: the share of the entries a stem must be in to recur; 0 counts every stem of the content.
   * `minWeight`: an alternative weaker than this (a loose neighbour) does not make a question speak the content's language.
   */
  constructor(
    index: SearchIndex,
    share: number,
    private readonly minWeight: number,
  ) {
    for (const { stem } of index.words.values()) {
      if (index.documentFrequency(stem) >= share * index.size) this.recurring.add(stem);
    }
  }

  /** Whether the question says one of the recurring stems, itself or through a close alternative. */
  speaks(units: readonly Unit[]): boolean {
    return units.some((unit) => unit.alternatives.some((alternative) => alternative.weight >= this.minWeight && this.recurring.has(alternative.stem)));
  }
}
