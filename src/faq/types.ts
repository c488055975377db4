/** One answerable unit of content: a policy sub-section or an FAQ question with its answer. */
export interface FaqEntry {
  /** Stable and card-safe: `<path without .md>#<heading slug>`, only [a-z0-9_/#-]. */
  id: string;
  /** The heading text as written; the answer card's first TextBlock. */
  title: string;
  /** Markdown, kept as written: Teams TextBlocks render its basic subset. */
  body: string;
  /** Other ways people ask for this entry (`Also asked:` lines): searched, never shown. */
  alsoAsked: readonly string[];
  /**
   * Questions the privacy team taught for this entry (from the store, never in the content files):
   * searched like `Also asked:` lines, but as one asker's words, not the authors' word on what the entry is about.
   */
  taught?: readonly string[];
  kind: 'policy' | 'faq';
  /** The `#` heading above the entry (the policy part), or the entry's own title when it is a `#`. */
  part: string;
  /** `file` is relative to the content dir with forward slashes; `line` is the 1-based heading line. */
  source: { file: string; heading: string; line: number };
}

/**
 * What the content says to a question: an answer (`entry`), or "Did you mean…" (`candidates`, when
 * several entries fit and none is clearly best), or neither: the content does not cover it.
 */
export interface FaqAnswer {
  entry?: FaqEntry;
  /** Up to 3 other entries worth offering with an answer; never the answer itself. */
  related: FaqEntry[];
  /** Up to 3 entries to choose from, best first; empty with an answer and with "not covered". */
  candidates: FaqEntry[];
  /** 0..1; how sure the answer choice is (coverage of the question and margin over the runner-up). */
  confidence: number;
  /** Set when the answer comes from content in another language than the asker's (they have none): that language's tag. */
  contentLanguage?: string;
}

export interface FaqService {
  answer(question: string): FaqAnswer;
  getEntry(id: string): FaqEntry | undefined;
  /** Up to 3 entries to offer beside this one (a "Did you mean…" click, a related link). */
  relatedTo(entry: FaqEntry): FaqEntry[];
  readonly entries: readonly FaqEntry[];
}

/** Every question the search knows is asked for this entry: the authors' `Also asked:` lines, then what the team taught. */
export function askedFor(entry: FaqEntry): readonly string[] {
  return entry.taught === undefined || entry.taught.length === 0 ? entry.alsoAsked : [...entry.alsoAsked, ...entry.taught];
}
