/**
 * Insights: what the content is missing (questions the bot could not answer, grouped), entries
 * rated not helpful, the Markdown to paste, and two charts: questions per week by outcome, and
 * requests per month by kind.
 */
import { consoleText } from '../text';
import { get, send } from '../api';
import { clear, day, format, h } from '../dom';
import type { Shell } from '../shell';
import type { Insights, Me, Suggestion } from '../types';
import { barChart } from './charts';
import { guarded } from './requests';

const t = consoleText.insights;

export async function showInsights(shell: Shell, me: Me): Promise<void> {
  const insights = await get<Insights>('insights');
  const weeks = insights.charts.questionsPerWeek;
  const months = insights.charts.requestsPerMonth;
  const outcomes = Object.keys(t.outcomes) as Array<keyof typeof t.outcomes>;
  const list = <T>(items: readonly T[], line: (item: T) => Node | string) =>
    items.length === 0 ? h('p', { class: 'quiet' }, consoleText.page.none) : h('ul', {}, ...items.map((item) => h('li', {}, line(item))));
  clear(
    shell.main,
    h('h2', {}, t.heading),
    h(
      'div',
      { class: 'charts' },
      barChart(
        t.questionsChart,
        t.week,
        weeks.map((week) => day(week.week)),
        outcomes.map((outcome) => ({ label: t.outcomes[outcome], values: weeks.map((week) => week.counts[outcome] ?? 0) })),
      ),
      barChart(
        t.requestsChart,
        t.month,
        months.map((month) => month.month),
        me.kinds.map((kind) => ({ label: kind.name, values: months.map((month) => month.counts[kind.id] ?? 0) })),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'gaps' },
      h('h3', { id: 'gaps' }, t.gaps),
      list(insights.unanswered, (item) => format(item.count === 1 ? t.gapRowOnce : t.gapRow, { question: item.question, count: item.count })),
    ),
    h(
      'section',
      { 'aria-labelledby': 'not-helpful' },
      h('h3', { id: 'not-helpful' }, t.notHelpful),
      list(insights.notHelpful, (item) => format(t.notHelpfulRow, item)),
    ),
    h('section', { 'aria-labelledby': 'suggestions' }, h('h3', { id: 'suggestions' }, t.suggestions), suggestions(shell, me, insights.suggestions)),
    h(
      'section',
      { 'aria-labelledby': 'paste' },
      h('h3', { id: 'paste' }, t.paste),
      list(insights.paste, (item) =>
        h('pre', {}, item.alsoAsked ? `${item.alsoAsked.file} · ${item.alsoAsked.heading}\n${item.alsoAsked.markdown}` : item.newEntry),
      ),
    ),
  );
}

/** Suggestions, most often chosen first; privacy admins Accept (teach) or Dismiss each. */
function suggestions(shell: Shell, me: Me, items: readonly Suggestion[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'quiet' }, t.suggestionsNone);
  const act = (item: Suggestion, what: 'accept' | 'dismiss') =>
    guarded(shell, async () => {
      await send('POST', `suggestions/${encodeURIComponent(item.id)}/${what}`);
      await showInsights(shell, me);
      shell.say(what === 'accept' ? t.accepted : t.dismissed);
    });
  return h(
    'ul',
    { class: 'suggestions' },
    ...items.map((item) =>
      h(
        'li',
        {},
        format(t.suggestionRow, { count: item.count, question: item.question, title: item.title ?? item.entryId }),
        me.can.forget
          ? h('button', { type: 'button', 'aria-label': `${t.accept}: ${item.question}`, onclick: () => void act(item, 'accept') }, t.accept)
          : null,
        me.can.forget
          ? h('button', { type: 'button', 'aria-label': `${t.dismiss}: ${item.question}`, onclick: () => void act(item, 'dismiss') }, t.dismiss)
          : null,
      ),
    ),
  );
}
