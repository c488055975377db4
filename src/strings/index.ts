/**
 * Every user-facing string, in one place per language. English is the only language today; a
 * translation is another folder with the same shape, picked here.
 */
import { en } from './en';

export type Strings = typeof en;
export const strings: Strings = en;

/** Fills `{name}` placeholders. Values are the caller's; templates never see raw user text as markup. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
