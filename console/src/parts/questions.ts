/**
 * Questions: the tickets sent to the privacy team, newest first, each with Assign to me, Answer
 * and Close, as on the ticket card in the privacy team's channel (and through the same service).
 */
import { consoleText } from '../text';
import { get, send } from '../api';
import { append, clear, field, format, h, moment } from '../dom';
import type { Shell } from '../shell';
import type { Me, QuestionView } from '../types';
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
        const updated = await send<QuestionView>('POST', `questions/${encodeURIComponent(question.id)}/${type}`, body);
        article.replaceWith(ticket(updated, updated.audit));
        shell.say(consoleText.page.saved);
      });
    const done = question.status === 'closed';
    const answerArea = h('div', { class: 'answer-area' });
    const openAnswer = () => {
      const text = h('textarea', { rows: '4', maxlength: '4000' });
      const form = h('form', { 'aria-label': t.answer }, field(t.answerText, text), h('button', { type: 'submit', class: 'primary' }, t.sendAnswer));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void act('answer', { answer: text.value });
      });
      clear(answerArea, form);
      text.focus();
    };
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
      done
        ? null
        : h(
            'div',
            { class: 'actions' },
            question.answer || question.assignee === me.name ? null : h('button', { type: 'button', onclick: () => void act('assign') }, t.assignToMe),
            question.answer ? null : h('button', { type: 'button', onclick: openAnswer }, t.answer),
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
