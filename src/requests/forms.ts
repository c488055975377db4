/**
 * How a request form's answers are checked. The fields each kind asks for are in kinds.ts; the same
 * definitions drive the card (src/cards/request-cards.ts) and this server-side validation, so a
 * field cannot be shown without being checked. Card data is untrusted: values outside a choice
 * list, over-long text and control characters never reach the store or the webhook.
 */
import { format, strings } from '../strings';
import { cleanText } from '../text/clean-text';

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
  | (FieldBase & {
      readonly type: 'text';
      readonly maxLength: number;
      readonly multiline: boolean;
      readonly placeholder?: string;
      readonly requiredWhen?: { readonly field: string; readonly value: string };
    })
  | (FieldBase & { readonly type: 'choice'; readonly choices: readonly Choice[]; readonly multiple: boolean; readonly initial: string })
  | (FieldBase & { readonly type: 'toggle'; readonly title: string });

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** A form's answers by field id; a stored request's details are these (types.ts). */
export type FormValues = Readonly<Record<string, string>>;

export type ValidationResult =
  { readonly ok: true; readonly details: FormValues } | { readonly ok: false; readonly problems: readonly FieldProblem[]; readonly values: FormValues };

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

/** The free-text field most forms end with. */
export const NOTES: FormField = {
  id: 'notes',
  type: 'text',
  get label() {
    return f.notes;
  },
  required: false,
  multiline: true,
  maxLength: NOTES_MAX,
};

/** Choices in the order the strings list them: the value is the key, the title its text. */
export function choicesOf(titles: Readonly<Record<string, string>>): Choice[] {
  return Object.entries(titles).map(([value, title]) => ({ value, title }));
}
