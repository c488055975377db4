/**
 * Splits one Markdown file into heading sections. Only ATX headings (`#`..`######`) count: they are
 * what the privacy team writes, and setext underlines are too easy to create by accident.
 */
export interface Section {
  level: number;
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** Markdown under the heading up to the next heading, blank edge lines removed. */
  body: string;
  /** The phrasings of `Also asked:` lines directly under the heading: indexed, never shown. */
  alsoAsked: string[];
}

export type SectionProblem = { line: number; message: string };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** `Also asked: do you look at my search history; who reads my messages` */
const ALSO_ASKED = /^ {0,3}also asked\s*:(.*)$/i;

/** Comments are editors' notes: blank them out but keep the line count so errors point right. */
function blankComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ''));
}

export function splitSections(text: string): { sections: Section[]; problems: SectionProblem[] } {
  const lines = blankComments(text.replace(/^\uFEFF/, '')).split(/\r\n|\r|\n/);
  const sections: Section[] = [];
  const problems: SectionProblem[] = [];
  let current: { level: number; title: string; line: number; lines: string[]; alsoAsked: string[] } | undefined;
  let fence: string | undefined;

  const close = () => {
    if (current) {
      sections.push({ level: current.level, title: current.title, line: current.line, body: trimBlankLines(current.lines), alsoAsked: current.alsoAsked });
    }
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1];
      // A fence closes only with the same character, at least as long (CommonMark).
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    }
    const heading = fence === undefined && !fenceMatch ? HEADING.exec(raw) : null;
    if (heading) {
      close();
      const title = (heading[2] ?? '').trim();
      if (title === '') problems.push({ line: lineNo, message: 'heading has no text' });
      current = { level: heading[1].length, title, line: lineNo, lines: [], alsoAsked: [] };
      return;
    }
    const alsoAsked = fence === undefined && !fenceMatch ? ALSO_ASKED.exec(raw) : null;
    if (alsoAsked && current) {
      // Only directly under the heading: further down it would read as part of the answer.
      if (current.lines.some((line) => line.trim() !== '')) {
        problems.push({ line: lineNo, message: '"Also asked:" must come directly under the heading, before the answer' });
        return;
      }
      const phrasings = alsoAsked[1]
        .split(';')
        .map((phrasing) => phrasing.trim())
        .filter(Boolean);
      if (phrasings.length === 0) problems.push({ line: lineNo, message: '"Also asked:" has no question after it' });
      current.alsoAsked.push(...phrasings);
      return;
    }
    if (current) current.lines.push(raw);
    else if (raw.trim() !== '') problems.push({ line: lineNo, message: 'text before the first heading' });
  });
  close();
  return { sections, problems };
}

function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines
    .slice(start, end)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n');
}

/** Markdown reduced to the words a reader sees: for indexing only, never for display. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: keep alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep the label, drop the URL
    .replace(/<https?:[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ') // inline HTML tags
    .replace(/[`*_~>#|]/g, ' '); // emphasis, code, quotes, tables
}
