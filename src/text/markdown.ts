/**
 * Text from outside the bot shown in Teams, where cards and messages render Markdown.
 *
 * `plainText`: a person's name, or words a person typed, shown exactly as written: every character
 * Markdown (or a card's `{{DATE()}}` function) reads as syntax gets a backslash, so
 * `[Verify here](https://evil.example)` in a display name is shown, not made a link.
 *
 * `safeLinks` and `disallowedLinks`: text meant as Markdown (a notice, a status message, the
 * privacy team's answer) keeps its formatting, but a link may only go to https: or mailto:.
 * The APIs refuse anything else (400); text that reaches Teams by another way shows such a link as
 * plain text.
 */

/** Emphasis, code, links and images (their brackets), HTML and autolinks, headings, tables, strikes, and `{{card functions}}`. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]<>#~|]/g;
/** At the start of a line these begin a list or a quote. */
const LINE_START_SYNTAX = /^(\s*)([-+>]|\d+[.)])/gm;

export function plainText(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, '\\$&').replace(LINE_START_SYNTAX, (_whole, space: string, mark: string) => `${space}\\${mark}`);
}

const ALLOWED_SCHEMES = new Set(['https:', 'mailto:']);
/** `[text](target)`, `![alt](target)` and `<scheme:...>` autolinks: what Markdown turns into a link. */
const INLINE_LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"\n]*")?\s*\)/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>/gi;
/** `[text][ref]` with `[ref]: target` elsewhere. */
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s.*)?$/gm;

function allowedTarget(target: string): boolean {
  // A relative target has no scheme: Teams would resolve it somewhere nobody chose.
  // Browsers drop control characters and spaces inside a scheme (`java\tscript:`): so does this check.
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target.replace(/[\u0000-\u0020]/g, ''))?.[1];
  return scheme !== undefined && ALLOWED_SCHEMES.has(`${scheme.toLowerCase()}:`);
}

/** The link targets in Markdown `text` that go anywhere but https: or mailto:. */
export function disallowedLinks(text: string): string[] {
  const targets = [...text.matchAll(INLINE_LINK)].map((match) => match[3]);
  targets.push(...[...text.matchAll(AUTOLINK)].map((match) => match[1]));
  targets.push(...[...text.matchAll(REFERENCE_DEFINITION)].map((match) => match[1]));
  return targets.filter((target) => !allowedTarget(target));
}

/** Markdown `text` with every link to anything but https: or mailto: shown as plain text instead. */
export function safeLinks(text: string): string {
  const unlessAllowed = (whole: string, target: string) => (allowedTarget(target) ? whole : plainText(whole));
  // One pass for inline links and autolinks, so what one escaped is not read again by the other.
  const anyLink = new RegExp(`${INLINE_LINK.source}|${AUTOLINK.source}`, 'gi');
  return text
    .replace(REFERENCE_DEFINITION, (whole, target: string) => unlessAllowed(whole, target))
    .replace(anyLink, (whole, _bang: string, _label: string, inline: string | undefined, auto: string | undefined) =>
      unlessAllowed(whole, inline ?? auto ?? ''),
    );
}
