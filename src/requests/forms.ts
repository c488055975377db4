/**
 * What each request form asks and how its answers are checked. The same definitions drive the card
 * (src/cards/request-cards.ts) and the server-side validation, so a field cannot be shown
 * without being checked. Card data is untrusted: values outside a choice list, over-long text and
 * control characters never reach the store or the webhook.
 */
import { format, strings } from '../strings';
import { cleanText } from '../text/clean-text';
import type { RequestDetails, RequestKind } from './types';

const f = strings.forms;
const problem = f.problems;

export interface Choice {
  readonly value: string;
  readonly title: string;
}

interface FieldBase {
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
}

export type FormField =
  | (FieldBase & { readonly type: 'text'; readonly maxLength: number; readonly multiline: boolean; readonly placeholder?: string; readonly requiredWhen?: { readonly field: string; readonly value: string } })
  | (FieldBase & { readonly type: 'choice'; readonly choices: readonly Choice[]; readonly multiple: boolean; readonly initial: string })
  | (FieldBase & { readonly type: 'toggle'; readonly title: string });

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly details: RequestDetails }
  | { readonly ok: false; readonly problems: readonly FieldProblem[]; readonly values: RequestDetails };

export const NOTES_MAX = 1000;

export function validateFields(fields: readonly FormField[], data: Readonly<Record<string, unknown>>): ValidationResult {
  const values: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const raw = data[field.id];
    const value = typeof raw === 'string' ? cleanText(raw, field.type === 'text' && field.multiline) : '';
    values[field.id] = value;
  }
  for (const field of fields) {
    const problem = checkField(field, values);
    if (problem) problems.push({ field: field.id, message: problem });
  }
  for (const field of fields) {
    // Whatever was refused is not echoed back into the form as if it had been accepted.
    if (problems.some((p) => p.field === field.id) && field.type !== 'text') values[field.id] = field.type === 'choice' ? field.initial : '';
    else if (field.type === 'text') values[field.id] = values[field.id].slice(0, field.maxLength);
  }
  if (problems.length > 0) return { ok: false, problems, values };
  const details: Record<string, string> = {};
  for (const field of fields) if (values[field.id] !== '') details[field.id] = values[field.id];
  return { ok: true, details };
}

function checkField(field: FormField, values: Readonly<Record<string, string>>): string | undefined {
  const value = values[field.id];
  switch (field.type) {
    case 'text': {
      const required = field.required || (field.requiredWhen !== undefined && values[field.requiredWhen.field] === field.requiredWhen.value);
      if (required && value === '') return format(problem.required, { label: field.label });
      if (value.length > field.maxLength) return format(problem.tooLong, { label: field.label, max: field.maxLength, length: value.length });
      return undefined;
    }
    case 'choice': {
      const chosen = value === '' ? [] : value.split(',');
      if (field.required && chosen.length === 0) return format(problem.chooseAtLeastOne, { label: field.label });
      if (!field.multiple && chosen.length > 1) return format(problem.chooseOne, { label: field.label });
      const allowed = new Set(field.choices.map((choice) => choice.value));
      if (chosen.some((item) => !allowed.has(item))) return format(problem.chooseListed, { label: field.label });
      return undefined;
    }
    case 'toggle':
      return field.required && value !== 'true' ? format(problem.tickToGoOn, { title: field.title }) : undefined;
  }
}

const NOTES: FormField = { id: 'notes', type: 'text', label: f.notes, required: false, multiline: true, maxLength: NOTES_MAX };

const EXPORT_FIELDS: readonly FormField[] = [
  { id: 'include', type: 'choice', label: f.export.include, required: true, multiple: true, initial: 'account,usage,content,support', choices: choicesOf(f.export.includeChoices) },
  { id: 'format', type: 'choice', label: f.export.format, required: true, multiple: false, initial: 'json', choices: choicesOf(f.export.formatChoices) },
  NOTES,
];

const DELETION_FIELDS: readonly FormField[] = [
  { id: 'scope', type: 'choice', label: f.deletion.scope, required: true, multiple: false, initial: 'everything', choices: choicesOf(f.deletion.scopeChoices) },
  {
    id: 'what',
    type: 'text',
    label: f.deletion.what,
    required: false,
    requiredWhen: { field: 'scope', value: 'specific' },
    multiline: true,
    maxLength: NOTES_MAX,
  },
  NOTES,
];

/** The deletion confirmation step: shown after the form, before anything is stored. */
export const DELETION_CONFIRMATION: FormField = {
  id: 'confirm',
  type: 'toggle',
  label: f.deletion.confirmationLabel,
  title: f.deletion.confirmation,
  required: true,
};

const OPTOUT_FIELDS: readonly FormField[] = [
  { id: 'scope', type: 'choice', label: f.optout.scope, required: true, multiple: true, initial: 'ads', choices: choicesOf(f.optout.scopeChoices) },
  NOTES,
];

const RECTIFICATION_FIELDS: readonly FormField[] = [
  { id: 'wrong', type: 'text', label: f.rectification.wrong, required: true, multiline: true, maxLength: NOTES_MAX, placeholder: f.rectification.wrongPlaceholder },
  { id: 'correct', type: 'text', label: f.rectification.correct, required: true, multiline: true, maxLength: NOTES_MAX },
];

/** Choices in the order the strings list them: the value is the key, the title its text. */
function choicesOf(titles: Readonly<Record<string, string>>): Choice[] {
  return Object.entries(titles).map(([value, title]) => ({ value, title }));
}

export const FORM_FIELDS: Readonly<Record<RequestKind, readonly FormField[]>> = {
  export: EXPORT_FIELDS,
  deletion: DELETION_FIELDS,
  optout: OPTOUT_FIELDS,
  rectification: RECTIFICATION_FIELDS,
};
