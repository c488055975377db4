/**
 * What each request form asks and how its answers are checked. The same definitions drive the card
 * (src/cards/request-form-card.ts) and the server-side validation, so a field cannot be shown
 * without being checked. Card data is untrusted: values outside a choice list, over-long text and
 * control characters never reach the store or the webhook.
 */
import type { RequestDetails, RequestKind } from './types';

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
      if (required && value === '') return `Please fill in "${field.label}".`;
      if (value.length > field.maxLength) return `"${field.label}" can be at most ${field.maxLength} characters (it has ${value.length}).`;
      return undefined;
    }
    case 'choice': {
      const chosen = value === '' ? [] : value.split(',');
      if (field.required && chosen.length === 0) return `Please choose at least one option for "${field.label}".`;
      if (!field.multiple && chosen.length > 1) return `Please choose one option for "${field.label}".`;
      const allowed = new Set(field.choices.map((choice) => choice.value));
      if (chosen.some((item) => !allowed.has(item))) return `Please choose from the options listed for "${field.label}".`;
      return undefined;
    }
    case 'toggle':
      return field.required && value !== 'true' ? `Please tick "${field.title}" to go on.` : undefined;
  }
}

/**
 * Keeps what a person typed and nothing that could break a card, a log line or the receiving
 * system: control characters go (newlines stay in multi-line fields), Unicode is normalised, and
 * surrounding space is trimmed.
 */
export function cleanText(raw: string, multiline: boolean): string {
  const normalised = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  const stripped = normalised.replace(multiline ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g : /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return stripped.replace(/\n{3,}/g, '\n\n').trim();
}

const EXPORT_FIELDS: readonly FormField[] = [
  {
    id: 'include',
    type: 'choice',
    label: 'What should the copy include?',
    required: true,
    multiple: true,
    initial: 'account,usage,content,support',
    choices: [
      { value: 'account', title: 'Account and profile information' },
      { value: 'usage', title: 'Usage and diagnostic data' },
      { value: 'content', title: 'Content I created (files, email, chats)' },
      { value: 'support', title: 'Support conversations' },
    ],
  },
  {
    id: 'format',
    type: 'choice',
    label: 'Preferred format',
    required: true,
    multiple: false,
    initial: 'json',
    choices: [
      { value: 'json', title: 'Machine-readable (JSON), to move to another service' },
      { value: 'csv', title: 'Spreadsheet (CSV)' },
      { value: 'pdf', title: 'Readable document (PDF)' },
    ],
  },
  { id: 'notes', type: 'text', label: 'Anything else the privacy team should know (optional)', required: false, multiline: true, maxLength: NOTES_MAX },
];

const DELETION_FIELDS: readonly FormField[] = [
  {
    id: 'scope',
    type: 'choice',
    label: 'What should be deleted?',
    required: true,
    multiple: false,
    initial: 'everything',
    choices: [
      { value: 'everything', title: 'All personal data held about me' },
      { value: 'specific', title: 'Only the data I describe below' },
    ],
  },
  {
    id: 'what',
    type: 'text',
    label: 'Describe the data to delete (if you chose the second option)',
    required: false,
    requiredWhen: { field: 'scope', value: 'specific' },
    multiline: true,
    maxLength: NOTES_MAX,
  },
  { id: 'notes', type: 'text', label: 'Anything else the privacy team should know (optional)', required: false, multiline: true, maxLength: NOTES_MAX },
];

/** The deletion confirmation step: shown after the form, before anything is stored. */
export const DELETION_CONFIRMATION: FormField = {
  id: 'confirm',
  type: 'toggle',
  label: 'Confirmation',
  title: 'I understand this cannot be undone',
  required: true,
};

const OPTOUT_FIELDS: readonly FormField[] = [
  {
    id: 'scope',
    type: 'choice',
    label: 'What do you want to opt out of?',
    required: true,
    multiple: true,
    initial: 'ads',
    choices: [
      { value: 'ads', title: 'Personalised advertising' },
      { value: 'marketing', title: 'Promotional email' },
      { value: 'research', title: 'Use of my data for product research' },
    ],
  },
  { id: 'notes', type: 'text', label: 'Anything else the privacy team should know (optional)', required: false, multiline: true, maxLength: NOTES_MAX },
];

const RECTIFICATION_FIELDS: readonly FormField[] = [
  { id: 'wrong', type: 'text', label: 'What is wrong', required: true, multiline: true, maxLength: NOTES_MAX, placeholder: 'For example: my job title in my profile' },
  { id: 'correct', type: 'text', label: 'What it should be', required: true, multiline: true, maxLength: NOTES_MAX },
];

export const FORM_FIELDS: Readonly<Record<RequestKind, readonly FormField[]>> = {
  export: EXPORT_FIELDS,
  deletion: DELETION_FIELDS,
  optout: OPTOUT_FIELDS,
  rectification: RECTIFICATION_FIELDS,
};
