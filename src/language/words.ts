/**
 * Plain English words out of any text. Whatever the index does to the content, the query side does
 * to a question, so both go through here.
 */

/**
 * Longest part of a question searched for words (FAQ answers, similar questions): enough for any
 * real question, and it bounds the work. Not the longest question one may ask the privacy team
 * (MAX_QUESTION_CHARS in questions/validate.ts).
 */
export const MAX_SEARCHED_CHARS = 500;

/**
 * Lower-case ASCII words and numbers; everything else (emoji, HTML, query syntax, NUL) is a gap.
 * Accents are dropped ("café" -> "cafe"), apostrophes close up ("don't" -> "dont", "children's" ->
 * "childrens", which stems like "children"), and letters and digits part ("SOC2" -> "soc 2"), so
 * one spelling of a name matches the other.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
