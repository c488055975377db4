/**
 * Charts with Chart.js (only the parts these charts use are registered, to keep the bundle small),
 * in the theme's colours. Each canvas has an accessible name, and the numbers are in a table beside
 * it, so nothing is shown only as a picture.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { consoleText } from '../text';
import { h } from '../dom';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
  /** Which of the theme's chart colours (1 to 6); by default the series' place. */
  readonly colour?: number;
}

const charts = new Set<Chart>();

/** A bar chart (stacked when asked) with its data table; `firstColumn` names the labels' column. */
export function barChart(title: string, firstColumn: string, labels: readonly string[], series: readonly Series[], stacked = true): HTMLElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': title });
  const figure = h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, title),
    h('div', { class: 'canvas-box' }, canvas),
    dataTable(title, firstColumn, labels, series),
  );
  const styles = getComputedStyle(document.documentElement);
  const colour = (name: string) => styles.getPropertyValue(name).trim();
  const palette = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'].map(colour);
  const text = colour('--colorNeutralForeground2');
  const grid = colour('--colorNeutralStroke2');
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: series.map((item, index) => ({
        label: item.label,
        data: [...item.values],
        backgroundColor: palette[((item.colour ?? index + 1) - 1) % palette.length],
        borderWidth: 0,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked, ticks: { color: text }, grid: { color: grid } },
        y: { stacked, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
      },
      plugins: { legend: { labels: { color: text } } },
    },
  });
  charts.add(chart);
  return figure;
}

/** Charts drawn for a part that is no longer shown are let go. */
export function releaseCharts(): void {
  for (const chart of charts) chart.destroy();
  charts.clear();
}

function dataTable(title: string, firstColumn: string, labels: readonly string[], series: readonly Series[]): HTMLElement {
  const body = h('tbody');
  labels.forEach((label, row) =>
    body.appendChild(h('tr', {}, h('th', { scope: 'row' }, label), ...series.map((item) => h('td', {}, String(item.values[row] ?? 0))))),
  );
  return h(
    'details',
    {},
    h('summary', {}, consoleText.insights.chartTable),
    h(
      'table',
      {},
      h('caption', {}, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, firstColumn), ...series.map((item) => h('th', { scope: 'col' }, item.label)))),
      body,
    ),
  );
}
