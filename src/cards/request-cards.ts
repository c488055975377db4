/**
 * The cards of a privacy request: the form (also its deletion confirmation step), the read-only
 * receipt that replaces it, "my requests", and short status cards. Field definitions come from
 * src/requests/forms.ts, so what the card shows is exactly what the server checks.
 */
import type { FieldProblem, FormField } from '../requests/forms';
import type { Confirmation } from '../requests/kinds';
import type { DeliveryHeldAlertData } from '../requests/delivery-hold';
import type { RequestSummary } from '../requests/open-requests';
import { currentStatus, isClosed, lastUpdate, type PrivacyRequest, type RequestDetails, type RequestKind } from '../requests/types';
import { format, strings } from '../strings';
import { formatDate } from '../text/dates';
import { plainText } from '../text/markdown';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import { statusCardOf, type Fact, type StatusAction } from './status-card';
import type { CardVerb } from './verbs';
import myRequestsJson from './templates/my-requests.json';
import formJson from './templates/request-form.json';

interface FieldView {
  id: string;
  type: FormField['type'];
  label: string;
  required: boolean;
  errorMessage: string;
  value: string;
  multiple: boolean;
  choices: ReadonlyArray<{ title: string; value: string }>;
  multiline: boolean;
  maxLength: number;
  placeholder: string;
  title: string;
  problem?: string;
}

interface FormCardData {
  speak: string;
  title: string;
  intro: string;
  identityNote: string;
  problems: string[];
  facts: Fact[];
  fields: FieldView[];
  submit: { title: string; verb: CardVerb; style: string };
  back?: true;
  data: Record<string, string>;
}

interface MyRequestsData {
  speak: string;
  requests: ReadonlyArray<{ id: string; kindName: string; statusName: string; received: string; updated: string; due: string; withdrawable: boolean }>;
  more?: string;
}

const formTemplate = cardTemplate<FormCardData>(formJson);
const myRequestsTemplate = cardTemplate<MyRequestsData>(myRequestsJson);

const s = strings.requests;

export interface RequestFormInput {
  readonly kind: RequestKind;
  readonly fields: readonly FormField[];
  /** Hidden identity of the form: the request id fixed at render time and its token. */
  readonly hidden: { readonly requestId: string; readonly formToken: string };
  readonly requesterName: string;
  readonly values?: RequestDetails;
  readonly problems?: readonly FieldProblem[];
  /** The kind's confirmation step, if it has one: submit goes there rather than straight to the privacy team. */
  readonly confirmation?: Confirmation;
  /** This is the confirmation step: answers shown as facts and carried in the data, the toggle as the one field. */
  readonly review?: { readonly facts: readonly Fact[]; readonly carried: RequestDetails };
  /** Errors not tied to one field, such as an expired form. */
  readonly notice?: string;
}

export function requestFormCard(input: RequestFormInput): AdaptiveCard {
  const problems = input.problems ?? [];
  const words = strings.kinds[input.kind];
  const { confirmation, review } = input;
  const title = review && confirmation ? confirmation.title : words.formTitle;
  const intro = review && confirmation ? confirmation.intro : words.formIntro;
  const submit: { title: string; verb: CardVerb; style: string } = confirmation
    ? review
      ? { title: confirmation.submit, verb: 'request.submit', style: 'destructive' }
      : { title: confirmation.next, verb: 'request.review', style: 'positive' }
    : { title: s.submit, verb: 'request.submit', style: 'positive' };
  return renderCard(formTemplate, {
    speak: `${title}. ${intro}`,
    title,
    intro,
    identityNote: format(s.identityNote, { name: input.requesterName ? plainText(input.requesterName) : s.identityNobody }),
    problems: [...(input.notice ? [input.notice] : []), ...problems.map((problem) => problem.message)],
    facts: input.review ? [...input.review.facts] : [],
    fields: input.fields.map((field) => fieldView(field, input.values?.[field.id], problems.find((p) => p.field === field.id)?.message)),
    submit,
    ...(input.review ? { back: true as const } : {}),
    data: { kind: input.kind, requestId: input.hidden.requestId, formToken: input.hidden.formToken, ...(input.review?.carried ?? {}) },
  });
}

function fieldView(field: FormField, value: string | undefined, problem: string | undefined): FieldView {
  const base = {
    id: field.id,
    type: field.type,
    label: field.label,
    required: field.required,
    errorMessage:
      field.type === 'toggle' ? format(strings.forms.problems.tick, { title: field.title }) : format(strings.forms.problems.required, { label: field.label }),
    multiple: false,
    choices: [] as FieldView['choices'],
    multiline: false,
    maxLength: 0,
    placeholder: '',
    title: '',
    ...(problem ? { problem } : {}),
  };
  switch (field.type) {
    case 'choice':
      return { ...base, value: value ?? field.initial, multiple: field.multiple, choices: field.choices };
    case 'text':
      return { ...base, value: value ?? '', multiline: field.multiline, maxLength: field.maxLength, placeholder: field.placeholder ?? '' };
    case 'toggle':
      return { ...base, value: value === 'true' ? 'true' : 'false', title: field.title };
  }
}

/** Answers as facts for the confirmation step, with choice values shown by their titles. */
export function answersAsFacts(fields: readonly FormField[], details: RequestDetails): Fact[] {
  const facts: Fact[] = [];
  for (const field of fields) {
    const value = details[field.id];
    if (!value) continue;
    const shown =
      field.type === 'choice'
        ? value
            .split(',')
            .map((item) => field.choices.find((choice) => choice.value === item)?.title ?? item)
            .join(', ')
        : value;
    facts.push({ title: field.label, value: shown });
  }
  return facts;
}

/** `held`: nothing can reach the privacy team right now, so the receipt says the request is kept, never that they have it. */
export function receiptCard(request: PrivacyRequest, options: { duplicate?: boolean; held?: boolean } = {}): AdaptiveCard {
  const due = formatDate(request.dueBy);
  const delivered = request.status !== 'received';
  return statusCardOf({
    speak: format(s.receiptSpeak, { id: request.id, due }),
    style: 'good',
    title: s.receiptTitle,
    text: options.duplicate ? s.duplicateText : delivered ? s.receiptDeliveredText : options.held ? s.receiptHeldText : s.receiptText,
    facts: requestFacts(request),
    actions: [myRequestsAction()],
  });
}

export function alreadyOpenCard(request: RequestSummary): AdaptiveCard {
  const text = format(s.alreadyOpenText, { kind: kindName(request.kind).toLowerCase(), id: request.id, due: formatDate(request.dueBy) });
  return statusCardOf({
    speak: `${s.alreadyOpenTitle}. ${text}`,
    style: 'warning',
    title: s.alreadyOpenTitle,
    text,
    facts: requestFacts(request),
    actions: [myRequestsAction()],
  });
}

/** A form older than FORM_TOKEN_TTL_DAYS: nothing was sent, and one button starts again. */
export function formExpiredCard(kind: RequestKind, ttlDays: number): AdaptiveCard {
  const text = format(s.formExpiredText, { days: ttlDays });
  return statusCardOf({
    speak: `${s.formExpiredTitle}. ${text}`,
    style: 'warning',
    title: s.formExpiredTitle,
    text,
    facts: [],
    actions: [{ title: strings.kinds[kind].start, verb: 'request.open', data: { kind } }],
  });
}

export function deadLetterCard(request: PrivacyRequest): AdaptiveCard {
  const withdrawal = request.withdrawal?.delivery === 'failed';
  const text = format(withdrawal ? s.deadLetterWithdrawalText : s.deadLetterText, {
    id: request.id,
    kind: kindName(request.kind),
    reason: (withdrawal ? request.withdrawal?.failure : request.failure) ?? 'unknown',
  });
  return statusCardOf({
    speak: `${s.deadLetterTitle}. ${text}`,
    style: 'attention',
    title: s.deadLetterTitle,
    text,
    facts: requestFacts(request),
    actions: [{ title: s.replayButton, verb: 'request.replay', data: { requestId: request.id } }],
  });
}

/** Privacy admins, once per hold: requests cannot reach the privacy team's system for now, and why. */
export function deliveryHeldCard(data: DeliveryHeldAlertData): AdaptiveCard {
  const text = format(data.reason === 'unconfigured' ? s.heldUnconfiguredText : s.heldUnreachableText, {
    since: `${formatDate(data.since)} ${data.since.slice(11, 16)} UTC`,
  });
  return statusCardOf({ speak: `${s.heldTitle}. ${text}`, style: 'warning', title: s.heldTitle, text, facts: [], actions: [] });
}

/** Teams caps a card's size: list the most recent, say how many more there are. */
const MY_REQUESTS_SHOWN = 20;

export function myRequestsCard(requests: readonly PrivacyRequest[]): AdaptiveCard {
  const shown = requests.slice(0, MY_REQUESTS_SHOWN);
  return renderCard(myRequestsTemplate, {
    speak: format(s.myRequestsSpeak, { count: requests.length }),
    requests: shown.map((request) => ({
      id: request.id,
      kindName: kindName(request.kind),
      statusName: s.statusNames[currentStatus(request)],
      received: formatDate(request.submittedAt),
      updated: formatDate(lastUpdate(request)),
      due: formatDate(request.dueBy),
      withdrawable: !isClosed(request),
    })),
    ...(requests.length > shown.length ? { more: format(s.olderRequests, { count: requests.length - shown.length }) } : {}),
  });
}

export function requestFacts(request: RequestSummary): Fact[] {
  return [
    { title: s.factReference, value: request.id },
    { title: s.factKind, value: kindName(request.kind) },
    { title: s.factReceived, value: formatDate(request.submittedAt) },
    { title: s.factDue, value: formatDate(request.dueBy) },
    { title: s.factStatus, value: s.statusNames[currentStatus(request)] },
  ];
}

export function kindName(kind: RequestKind): string {
  return strings.kinds[kind].name;
}

function myRequestsAction(): StatusAction {
  return { title: s.myRequestsButton, verb: 'request.list', data: {} };
}
