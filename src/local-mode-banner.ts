/**
 * The local-mode warning as a framed block for the console: a JSON log line scrolls past unread,
 * and a bot without token checks must not be mistaken for a deployed one.
 */
import { format, strings } from './strings';

export function localModeBanner(port: number): string {
  const lines = strings.startup.localModeBanner.map((line) => format(line, { port }));
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `+${'-'.repeat(width + 2)}+`;
  return ['', rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule, ''].join('\n') + '\n';
}
