/**
 * Plain lunr over the entries, as anyone would set it up: the default English pipeline, title and
 * body, the question's own words. Its ranking is fused with ours (see fusion.ts), so that the bot
 * never ranks worse than the plain search over the same content would.
 *
 * The question goes in as its words, not through lunr's query syntax, so what a user types
 * ("title:x", "~2", "+-", "bailiffs??") is searched as words and never fails to parse.
 */
import lunr from 'lunr';
import type { FaqEntry } from './types';

export class PlainSearch {
  private readonly index: lunr.Index;
  private readonly place = new Map<string, number>();

  constructor(entries: readonly FaqEntry[], index?: lunr.Index) {
    entries.forEach((entry, doc) => this.place.set(entry.id, doc));
    this.index =
      index ??
      lunr(function () {
        this.ref('id');
        this.field('title');
        this.field('body');
        for (const entry of entries) this.add({ id: entry.id, title: entry.title, body: entry.body });
      });
  }

  /**
   * The same index built an entry at a time, each `yield` a point where the event loop may run (a
   * rebuild while the bot answers): lunr's own set-up (`lunr()` does just this), with the adds apart.
   */
  static *build(entries: readonly FaqEntry[]): Generator<void, PlainSearch> {
    const builder = new lunr.Builder();
    builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    builder.searchPipeline.add(lunr.stemmer);
    builder.ref('id');
    builder.field('title');
    builder.field('body');
    for (const entry of entries) {
      builder.add({ id: entry.id, title: entry.title, body: entry.body });
      yield;
    }
    return new PlainSearch(entries, builder.build());
  }

  /** The entries lunr finds for the question, best first, as positions in the entry list. */
  search(question: string): Array<{ doc: number; score: number }> {
    // Letters and digits only: lunr reads "*" in a term as a wildcard and keeps punctuation ("bailiffs??").
    const tokens = lunr.tokenizer(question.replace(/[^\p{L}\p{N}]+/gu, ' ')).map((token) => token.toString());
    if (tokens.length === 0) return [];
    const hits = this.index.query((query) => {
      for (const token of tokens) query.term(token, {});
    });
    return hits.map((hit) => ({ doc: this.place.get(hit.ref)!, score: hit.score }));
  }
}
