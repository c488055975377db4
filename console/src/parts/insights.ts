/**
 * Insights: what the content is missing (questions the bot could not answer, grouped), entries
 * rated not helpful, the Markdown to paste, and two charts: questions per week by outcome, and
 * requests per month by kind.
 */
import { consoleText } from '../text';
import { get } from '../api';
import { clear, day, format, h } from '../dom';
import type { Shell } from '../shell';
import type { Insights, Me } from '../types';
import { barChart } from './charts';

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
      barChart(t.questionsChart, t.week, weeks.map((week) => day(week.week)), outcomes.map((outcome) => ({ label: t.outcomes[outcome], values: weeks.map((week) => week.counts[outcome] ?? 0) }))),
      barChart(t.requestsChart, t.month, months.map((month) => month.month), me.kinds.map((kind) => ({ label: kind.name, values: months.map((month) => month.counts[kind.id] ?? 0) }))),
    ),
    h('section', { 'aria-labelledby': 'gaps' }, h('h3', { id: 'gaps' }, t.gaps), list(insights.unanswered, (item) => format(item.count === 1 ? t.gapRowOnce : t.gapRow, { question: item.question, count: item.count }))),
    h('section', { 'aria-labelledby': 'not-helpful' }, h('h3', { id: 'not-helpful' }, t.notHelpful), list(insights.notHelpful, (item) => format(t.notHelpfulRow, item))),
    h('section', { 'aria-labelledby': 'suggestions' }, h('h3', { id: 'suggestions' }, t.suggestions), h('p', { class: 'quiet' }, t.suggestionsSeam)),
    h(
      'section',
      { 'aria-labelledby': 'paste' },
      h('h3', { id: 'paste' }, t.paste),
      list(insights.paste, (item) => h('pre', {}, item.alsoAsked ? `${item.alsoAsked.file} · ${item.alsoAsked.heading}\n${item.alsoAsked.markdown}` : item.newEntry)),
    ),
  );
}
