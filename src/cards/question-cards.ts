/**
 * The cards of "Ask the privacy team": the asker's form, receipt, answer and list; the ticket in
 * the privacy channel; the admins' insights. What people typed (a question) is shown through
 * RichTextBlock text runs, which never render Markdown: an asker cannot put a link on the team's card.
 */
import type { AnsweredNoticeData, ClosedNoticeData } from '../questions/asker-notices';
import type { ContentPaste } from '../questions/content-paste';
import type { Insights } from '../questions/insights';
import type { Question } from '../questions/types';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from '../questions/validate';
import { format, strings } from '../strings';
import { formatDate } from '../text/dates';
import { plainText, safeLinks } from '../text/markdown';
import { shorten } from './faq-answer-card';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import { statusCardOf, type Fact, type StatusAction } from './status-card';
import formJson from './templates/question-form.json';
import insightsJson from './templates/insights.json';
import messageJson from './templates/question-message.json';
import myQuestionsJson from './templates/my-questions.json';
import ticketJson from './templates/question-ticket.json';

const s = strings.questions;

interface FormData {
  speak: string;
  question: string;
  maxLength: number;
  problem?: string;
  data: Record<string, string>;
}

interface MessageData {
  speak: string;
  style: 'good' | 'warning' | 'attention' | 'emphasis' | 'default';
  title: string;
  text?: string;
  facts: Fact[];
  question?: string;
  answer?: { text: string; by: string };
  feedback?: { questionId: string; given?: string };
  actions: StatusAction[];
}

interface TicketData {
  speak: string;
  id: string;
  title: string;
  asked: string;
  question: string;
  status: string;
  reading?: string;
  chosen?: string;
  notice?: { text: string; style: 'good' | 'warning' | 'attention' };
  answer?: { text: string; by: string };
  paste?: { alsoAsked?: { label: string; markdown: string }; newEntry?: string };
  entryChoices: ReadonlyArray<{ title: string; value: string }>;
  canAssign: boolean;
  canAnswer: boolean;
  canClose: boolean;
  answerLabel: string;
  maxAnswerLength: number;
  watchers: readonly string[];
}

interface MyQuestionsData {
  speak: string;
  questions: ReadonlyArray<{ id: string; status: string; sent: string; question: string; answer?: string }>;
  more?: string;
}

interface InsightsData {
  speak: string;
  intro: string;
  unanswered: ReadonlyArray<{ line: string; also?: string }>;
  notHelpful: readonly string[];
  sent: readonly string[];
  paste: ReadonlyArray<{ id: string; label: string; markdown: string }>;
  morePaste?: string;
  suggestions: ReadonlyArray<{ id: string; line: string }>;
  moreSuggestions?: string;
}

const formTemplate = cardTemplate<FormData>(formJson);
const messageTemplate = cardTemplate<MessageData>(messageJson);
const ticketTemplate = cardTemplate<TicketData>(ticketJson);
const myQuestionsTemplate = cardTemplate<MyQuestionsData>(myQuestionsJson);
const insightsTemplate = cardTemplate<InsightsData>(insightsJson);

/**
 * The form, with the question filled in; `hidden` is the reference fixed for it and its token, and
 * `unanswered` the unanswered-log record the question came from, carried on to Send.
 */
export function questionFormCard(input: {
  question: string;
  hidden: { questionId: string; formToken: string };
  entryId?: string;
  unanswered?: { unansweredKey: string; unansweredToken: string };
  problem?: string;
}): AdaptiveCard {
  return renderCard(formTemplate, {
    speak: `${s.formTitle}. ${s.formIntro}`,
    question: input.question,
    maxLength: MAX_QUESTION_CHARS,
    ...(input.problem ? { problem: input.problem } : {}),
    data: { questionId: input.hidden.questionId, formToken: input.hidden.formToken, ...(input.entryId ? { entryId: input.entryId } : {}), ...input.unanswered },
  });
}

export function questionReceiptCard(question: Question, options: { duplicate?: boolean } = {}): AdaptiveCard {
  return statusCardOf({
    speak: format(s.receiptSpeak, { id: question.id }),
    style: 'good',
    title: s.receiptTitle,
    text: options.duplicate ? s.duplicateText : s.receiptText,
    facts: [
      { title: s.factReference, value: question.id },
      { title: s.factSent, value: formatDate(question.askedAt) },
      { title: s.factStatus, value: s.statusForAsker[question.status] },
    ],
    quote: { heading: s.yourQuestion, text: plainText(question.text) },
    actions: [myQuestionsAction()],
  });
}

/** "Answer from the privacy team", in the asker's personal chat; `given` after they rated it. */
export function questionAnswerCard(data: AnsweredNoticeData, given?: string): AdaptiveCard {
  return renderCard(messageTemplate, {
    speak: format(s.answerSpeak, { id: data.id }),
    style: 'emphasis',
    title: s.answerTitle,
    facts: [{ title: s.factReference, value: data.id }],
    question: plainText(data.question),
    answer: {
      text: safeLinks(data.answer),
      by: format(s.answeredBy, { name: plainText(data.answeredBy || s.unknownAsker), date: formatDate(data.answeredAt) }),
    },
    feedback: { questionId: data.id, ...(given ? { given } : {}) },
    actions: [myQuestionsAction()],
  });
}

export function questionClosedCard(data: ClosedNoticeData): AdaptiveCard {
  const text = format(s.closedText, { id: data.id });
  return statusCardOf({
    speak: `${s.closedTitle}. ${text}`,
    style: 'warning',
    title: s.closedTitle,
    text,
    facts: [],
    quote: { heading: s.yourQuestion, text: plainText(data.question) },
    actions: [myQuestionsAction()],
  });
}

export interface TicketView {
  /** Who is looking (their Entra object id), for "Assigned to you"; none for the card everyone shares. */
  readonly viewer?: string;
  /** The title of the entry the asker was reading. */
  readonly reading?: string;
  /** The title of the entry the team answered with. */
  readonly chosen?: string;
  readonly paste?: ContentPaste;
  /** The entries the team can answer with (content and taught), while the ticket can be answered. */
  readonly choices?: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly notice?: TicketData['notice'];
}

/** The ticket in the privacy channel: the question, who asked and when, its state, and what the team can do. */
export function ticketCard(question: Question, view: TicketView = {}): AdaptiveCard {
  if (question.erasedAt) return erasedTicketCard(question, view.notice);
  // Shown in Markdown text as written; spoken and labelled (plain fields) as it is.
  const askerName = question.asker.name || s.unknownAsker;
  const asker = plainText(askerName);
  const status = ticketStatus(question, view.viewer);
  const open = question.status === 'open' || question.status === 'assigned';
  const paste = view.paste;
  return renderCard(ticketTemplate, {
    speak: format(s.ticketSpeak, { id: question.id, name: askerName, status }),
    id: question.id,
    title: format(s.ticketTitle, { id: question.id }),
    // Teams shows DATE and TIME in each reader's own time zone.
    asked: format(s.ticketAsked, { name: asker, at: question.askedAt.replace(/\.\d+Z$/, 'Z') }),
    question: plainText(question.text),
    status,
    ...(view.reading ? { reading: view.reading } : {}),
    ...(view.chosen ? { chosen: view.chosen } : {}),
    ...(view.notice ? { notice: view.notice } : {}),
    ...(question.answer?.text
      ? {
          answer: {
            text: safeLinks(question.answer.text),
            by: format(s.answeredBy, { name: plainText(question.answer.by.name), date: formatDate(question.answer.at) }),
          },
        }
      : {}),
    ...(paste
      ? {
          paste: {
            ...(paste.alsoAsked
              ? {
                  alsoAsked: {
                    label: format(s.pasteAlsoAsked, { heading: paste.alsoAsked.heading, file: paste.alsoAsked.file }),
                    markdown: paste.alsoAsked.markdown,
                  },
                }
              : {}),
            ...(paste.newEntry ? { newEntry: paste.newEntry } : {}),
          },
        }
      : {}),
    entryChoices: open ? entryChoices(view.choices ?? []) : [],
    // Anyone may take a ticket over; only its holder is not offered it again.
    canAssign: open && !(view.viewer !== undefined && question.assignee?.aadObjectId === view.viewer),
    canAnswer: open,
    canClose: question.status !== 'closed',
    answerLabel: format(strings.learned.answerOptionalLabel, { name: askerName }),
    maxAnswerLength: MAX_ANSWER_CHARS,
    watchers: question.watchers,
  });
}

/**
 * Teams refuses a card over about 28 KB: the choices stop at a budget that keeps the ticket under
 * it, titles cut short (the filter searches what is shown). They come in the order given, which puts
 * the entries the search finds for the question first.
 */
const CHOICES_BUDGET = 14_000;
const CHOICE_TITLE_MAX = 80;
/** What a choice costs in the card's JSON beyond its title and value. */
const CHOICE_OVERHEAD = 30;

function entryChoices(entries: ReadonlyArray<{ readonly id: string; readonly title: string }>): TicketData['entryChoices'] {
  const choices: Array<{ title: string; value: string }> = [];
  let used = 0;
  for (const entry of entries) {
    const title = shorten(entry.title, CHOICE_TITLE_MAX);
    used += title.length + entry.id.length + CHOICE_OVERHEAD;
    if (used > CHOICES_BUDGET) break;
    choices.push({ title, value: entry.id });
  }
  return choices;
}

/** After retention: when it was asked and where it ended, no words, no people, no buttons. */
function erasedTicketCard(question: Question, notice?: TicketView['notice']): AdaptiveCard {
  const status = s.statusForAsker[question.status];
  const title = format(s.ticketTitle, { id: question.id });
  return renderCard(ticketTemplate, {
    speak: `${title}: ${status}. ${s.erased}.`,
    id: question.id,
    title,
    asked: format(s.ticketAskedErased, { at: question.askedAt.replace(/\.\d+Z$/, 'Z') }),
    question: s.erased,
    status,
    ...(notice ? { notice } : {}),
    canAssign: false,
    canAnswer: false,
    canClose: false,
    answerLabel: '',
    maxAnswerLength: MAX_ANSWER_CHARS,
    watchers: [],
    entryChoices: [],
  });
}

function ticketStatus(question: Question, viewer: string | undefined): string {
  const team = s.statusForTeam;
  switch (question.status) {
    case 'open':
      return team.open;
    case 'assigned':
      return viewer && question.assignee?.aadObjectId === viewer
        ? team.assignedToYou
        : format(team.assigned, { name: plainText(question.assignee?.name ?? '') });
    case 'answered':
      return format(team.answered, { name: plainText(question.answer?.by.name ?? '') });
    case 'closed':
      return format(team.closed, { name: plainText(question.closed?.by.name ?? '') });
  }
}

/** Teams caps a card's size: the most recent, and how many more there are. */
const MY_QUESTIONS_SHOWN = 15;

/** `titleOf` names the entry a question was answered with, for answers that are an entry alone. */
export function myQuestionsCard(questions: readonly Question[], titleOf: (entryId: string) => string | undefined = () => undefined): AdaptiveCard {
  const answerOf = (question: Question): string | undefined => {
    if (!question.answer || question.erasedAt) return undefined;
    if (question.answer.text) return safeLinks(question.answer.text);
    const title = question.answer.entryId ? titleOf(question.answer.entryId) : undefined;
    return title ? format(strings.learned.answeredWithEntry, { title }) : undefined;
  };
  const shown = questions.slice(0, MY_QUESTIONS_SHOWN);
  return renderCard(myQuestionsTemplate, {
    speak: format(s.myQuestionsSpeak, { count: questions.length }),
    questions: shown.map((question) => ({
      id: question.id,
      status: s.statusForAsker[question.status],
      sent: formatDate(question.askedAt),
      // Erased after the retention period: the line says so instead of the words.
      question: question.erasedAt ? s.erased : plainText(question.text),
      ...(answerOf(question) ? { answer: answerOf(question) } : {}),
    })),
    ...(questions.length > shown.length ? { more: format(s.olderQuestions, { count: questions.length - shown.length }) } : {}),
  });
}

/** What fits a card; GET /api/insights has everything. */
const INSIGHTS_SHOWN = { groups: 10, entries: 10, sent: 10, paste: 2, text: 160, suggestions: 5 };

export function insightsCard(insights: Insights): AdaptiveCard {
  const suggestions = insights.suggestions;
  const cut = (text: string) => plainText(shorten(text, INSIGHTS_SHOWN.text));
  const paste = insights.paste.flatMap((item) => [
    ...(item.alsoAsked
      ? [
          {
            id: `${item.questionId}.alsoAsked`,
            label: format(s.pasteAlsoAsked, { heading: item.alsoAsked.heading, file: item.alsoAsked.file }),
            markdown: item.alsoAsked.markdown,
          },
        ]
      : []),
    ...(item.newEntry ? [{ id: `${item.questionId}.newEntry`, label: `${item.questionId}: ${s.pasteNewEntry}`, markdown: item.newEntry }] : []),
  ]);
  const shownPaste = insights.paste.slice(0, INSIGHTS_SHOWN.paste).map((item) => item.questionId);
  return renderCard(insightsTemplate, {
    speak: format(s.insightsSpeak, { unanswered: insights.unanswered.length, notHelpful: insights.notHelpful.length, sent: insights.sentToTeam.length }),
    intro: format(s.insightsIntro, { days: insights.days, from: formatDate(insights.from), to: formatDate(insights.to), retention: insights.retentionDays }),
    unanswered: insights.unanswered.slice(0, INSIGHTS_SHOWN.groups).map((group) => ({
      line: format(s.unansweredGroup, { count: group.count, question: cut(group.question) }),
      ...(group.examples.length > 0 ? { also: format(s.unansweredAlso, { examples: group.examples.map((example) => `"${cut(example)}"`).join(', ') }) } : {}),
    })),
    notHelpful: insights.notHelpful
      .slice(0, INSIGHTS_SHOWN.entries)
      .map((entry) => format(s.notHelpfulLine, { title: entry.title, file: entry.file, count: entry.notHelpful, ratings: entry.ratings })),
    sent: insights.sentToTeam
      .slice(0, INSIGHTS_SHOWN.sent)
      .map((item) => format(s.sentLine, { id: item.id, status: s.statusForAsker[item.status], question: cut(item.question) })),
    paste: paste.filter((item) => shownPaste.some((id) => item.id.startsWith(`${id}.`))),
    ...(insights.paste.length > INSIGHTS_SHOWN.paste ? { morePaste: format(s.morePaste, { count: insights.paste.length - INSIGHTS_SHOWN.paste }) } : {}),
    suggestions: suggestions
      .slice(0, INSIGHTS_SHOWN.suggestions)
      .map((item) => ({ id: item.id, line: format(strings.learned.suggestionLine, { count: item.count, question: cut(item.question), title: item.title }) })),
    ...(suggestions.length > INSIGHTS_SHOWN.suggestions
      ? { moreSuggestions: format(strings.learned.suggestionsMore, { count: suggestions.length - INSIGHTS_SHOWN.suggestions }) }
      : {}),
  });
}

function myQuestionsAction(): StatusAction {
  return { title: s.myQuestionsButton, verb: 'question.list', data: {} };
}
