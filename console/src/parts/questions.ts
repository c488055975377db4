/**
 * Questions: the tickets sent to the privacy team, newest first, each with Assign to me, Answer
 * and Close, as on the ticket card in the privacy team's channel (and through the same service).
 */
import { consoleText } from '../text';
import { get, send } from '../api';
import { append, clear, field, format, h, moment, select } from '../dom';
import type { Shell } from '../shell';
import type { EntryChoice, Me, QuestionView } from '../types';
import { auditTrail } from './audit';
import { guarded } from './requests';

const t = consoleText.questions;

export async function showQuestions(shell: Shell, me: Me): Promise<void> {
  const list = h('div', { class: 'tickets' });
  const load = async () => {
    const { enabled, questions } = await get<{ enabled: boolean; questions: QuestionView[] }>('questions');
    if (!enabled) return clear(list, h('p', {}, t.off));
    if (questions.length === 0) return clear(list, h('p', { class: 'quiet' }, consoleText.page.none));
    clear(list, ...questions.map((question) => ticket(question)));
  };

  const ticket = (question: QuestionView, audit?: QuestionView['audit']): HTMLElement => {
    const article = h('article', { class: 'card ticket', 'aria-label': format(t.detail, { id: question.id }) });
    const act = (type: 'assign' | 'answer' | 'close', body?: unknown) =>
      guarded(shell, async () => {
        const updated = await send<QuestionView & { taught?: string }>('POST', `questions/${encodeURIComponent(question.id)}/${type}`, body);
        article.replaceWith(ticket(updated, updated.audit));
        shell.say(updated.taught === 'taught' || updated.taught === 'already' ? t.taught : consoleText.page.saved);
      });
    const done = question.status === 'closed';
    const answerArea = h('div', { class: 'answer-area' });
    const openAnswer = () =>
      guarded(shell, async () => {
        // The choices are read when the form opens: entries taught since the list was shown are offered too.
        const { choices } = await get<QuestionView & { choices: EntryChoice[] }>(`questions/${encodeURIComponent(question.id)}`);
        const form = answerForm(choices, (body) => void act('answer', body));
        clear(answerArea, form);
        form.querySelector('textarea')?.focus();
      });
    const c = t.columns;
    append(
      article,
      h('h3', {}, question.id),
      h('p', { class: 'question-text' }, question.question),
      h(
        'dl',
        {},
        h('dt', {}, c.status),
        h('dd', {}, t.statuses[question.status]),
        h('dt', {}, c.asked),
        h('dd', {}, `${moment(question.askedAt)} · ${question.askedBy}`),
        question.assignee ? h('dt', {}, c.assignee) : null,
        question.assignee ? h('dd', {}, question.assignee) : null,
      ),
      question.answer ? h('p', { class: 'answer' }, format(t.answeredBy, { name: question.answer.by, text: question.answer.text })) : null,
      question.answer?.entryId ? h('p', { class: 'quiet' }, format(t.answeredWith, { title: question.answer.entryTitle ?? question.answer.entryId })) : null,
      done
        ? null
        : h(
            'div',
            { class: 'actions' },
            question.answer || question.assignee === me.name ? null : h('button', { type: 'button', onclick: () => void act('assign') }, t.assignToMe),
            question.answer ? null : h('button', { type: 'button', onclick: () => void openAnswer() }, t.answer),
            h('button', { type: 'button', onclick: () => void act('close') }, t.close),
          ),
      answerArea,
      audit ? auditTrail(audit) : null,
    );
    return article;
  };

  clear(shell.main, h('h2', {}, t.heading), list);
  await load();
}

/**
 * The Answer form, as on the ticket card: the answer, an entry chosen from the list (filtered as
 * one types), and "Teach the bot this question", on by default.
 */
let answerForms = 0;
function answerForm(choices: readonly EntryChoice[], submit: (body: { answer: string; entryId: string; teach: boolean }) => void): HTMLFormElement {
  const text = h('textarea', { rows: '4', maxlength: '4000' });
  const options = [{ value: '', label: t.noEntry }, ...choices.map((choice) => ({ value: choice.id, label: choice.title }))];
  const entry = select(options);
  entry.size = Math.min(8, options.length);
  const filter = h('input', { type: 'search', autocomplete: 'off' });
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLowerCase();
    for (const option of Array.from(entry.options)) option.hidden = option.value !== '' && words !== '' && !option.text.toLowerCase().includes(words);
  });
  // Each open form has its own toggle: several tickets can have their Answer form open at once.
  const teach = h('input', { type: 'checkbox', checked: true, id: `teach-${++answerForms}` });
  const form = h(
    'form',
    { 'aria-label': t.answer },
    field(t.answerOptional, text),
    field(t.entryFilter, filter),
    field(t.entry, entry),
    h('div', { class: 'field check' }, teach, h('label', { for: teach.id }, t.teach)),
    h('button', { type: 'submit', class: 'primary' }, t.sendAnswer),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit({ answer: text.value, entryId: entry.value, teach: teach.checked });
  });
  return form;
}
