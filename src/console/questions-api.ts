/**
 * /console/api/questions: the questions sent to the privacy team, and the ticket's three actions
 * (Assign to me, Answer, Close) through the same QuestionService.act as the channel's buttons, so
 * the channel's card is updated and the asker told exactly as if the button had been pressed there.
 */
import type { Response, Server } from 'restify';
import { AppError } from '../errors';
import { jsonBody } from '../http/json-body';
import { sendError } from '../http/send-error';
import type { Logger } from '../logger';
import { answerChoices, answerFrom, type EntryCatalog } from '../questions/answer-form';
import type { QuestionService } from '../questions/question-service';
import { isQuestionId } from '../questions/question-id';
import type { Person, Question, TicketAction } from '../questions/types';
import { format, strings } from '../strings';
import type { AuditTrail } from './audit-trail';
import { callerOf, type consoleGuard } from './guard';
import { handled } from './handle';

const s = strings.console.api;
/** The list shows the most recent questions; older ones are in insights and retention's hands. */
const MAX_LISTED = 200;
const ACTIONS = ['assign', 'answer', 'close'] as const;

export interface QuestionsApiDeps {
  readonly guard: ReturnType<typeof consoleGuard>;
  /** Undefined while PRIVACY_TEAM_CHANNEL is empty. */
  readonly questions?: Pick<QuestionService, 'askedSince' | 'get' | 'act'>;
  /** The entries an answer can choose, content and taught, as the ticket card offers them. */
  readonly catalog: EntryCatalog;
  readonly audit: AuditTrail;
  readonly logger: Logger;
}

export function registerQuestionsApi(server: Server, deps: QuestionsApiDeps): void {
  const { guard, logger } = deps;
  const notFound = (res: Response) => sendError(res, new AppError('NOT_FOUND', s.noSuchQuestion));

  server.get(
    '/console/api/questions',
    guard('questions', 'read'),
    handled('console.questions', logger, async (_req, res) => {
      if (!deps.questions) return res.send(200, { enabled: false, questions: [] });
      const all = await deps.questions.askedSince(0);
      const newest = all.sort((a, b) => b.askedAt.localeCompare(a.askedAt)).slice(0, MAX_LISTED);
      res.send(200, { enabled: true, questions: newest.map((question) => summary(question, deps.catalog)) });
    }),
  );

  server.get(
    '/console/api/questions/:id',
    guard('questions', 'read'),
    handled('console.question', logger, async (req, res) => {
      const id = String(req.params.id ?? '');
      const question = deps.questions && isQuestionId(id) ? await deps.questions.get(id) : undefined;
      if (!question || question.erasedAt) return notFound(res);
      const open = question.status === 'open' || question.status === 'assigned';
      const choices = open ? answerChoices(question.text, deps.catalog).map((entry) => ({ id: entry.id, title: entry.title })) : [];
      res.send(200, { ...summary(question, deps.catalog), choices, audit: await deps.audit.of(`question.${id}`) });
    }),
  );

  for (const type of ACTIONS) {
    const route = `console.questions.${type}`;
    const handlers = [guard(route, 'questions'), ...(type === 'answer' ? [jsonBody({ maxBytes: 64 * 1024 })] : [])];
    server.post(
      `/console/api/questions/:id/${type}`,
      ...handlers,
      handled(route, logger, async (req, res) => {
        const id = String(req.params.id ?? '');
        if (!deps.questions || !isQuestionId(id)) return notFound(res);
        let action: TicketAction = { type } as TicketAction;
        if (type === 'answer') {
          const body = (req.body ?? {}) as { answer?: unknown; entryId?: unknown; teach?: unknown };
          const answer = answerFrom(body, deps.catalog);
          if ('problem' in answer) return sendError(res, new AppError('BAD_REQUEST', answer.problem, {}, { problems: [answer.problem] }));
          action = answer;
        }
        const { person } = callerOf(req);
        // From the console there is no Teams user id: the ticket names the person by their Entra identity.
        const actor: Person = { aadObjectId: person.aadObjectId, tenantId: person.tenantId, name: person.name, teamsUserId: '' };
        const result = await deps.questions.act(id, action, actor);
        if (!result) return notFound(res);
        if (!result.ok) {
          const refusal = result.refusal;
          const message = refusal.reason === 'answered' ? format(s.questionRefused.answered, { name: refusal.by.name }) : s.questionRefused[refusal.reason];
          return sendError(res, new AppError('CONFLICT', message, { questionId: id, reason: refusal.reason }));
        }
        if (result.changed)
          await deps.audit.record({ item: `question.${id}`, action: type, by: { aadObjectId: person.aadObjectId, name: person.name }, ...auditParams(action) });
        logger.info({ route, questionId: id, changed: result.changed, taught: result.taught }, 'console ticket action');
        res.send(200, {
          ...summary(result.question, deps.catalog),
          ...(result.taught ? { taught: result.taught } : {}),
          audit: await deps.audit.of(`question.${id}`),
        });
      }),
    );
  }
}

/** What the audit trail keeps of an answer: the entry chosen and whether it was taught, never the words. */
function auditParams(action: TicketAction): { params?: Record<string, string> } {
  if (action.type !== 'answer') return {};
  return { params: { ...(action.entryId ? { entry: action.entryId } : {}), teach: action.teach ? 'yes' : 'no' } };
}

/** What the team sees of a question: the words, the state, who has it; not the asker's ids. */
function summary(question: Question, catalog: Pick<EntryCatalog, 'getEntry'>) {
  const chosen = question.answer?.entryId;
  return {
    id: question.id,
    question: question.text,
    status: question.status,
    askedAt: question.askedAt,
    askedBy: question.asker.name,
    ...(question.assignee ? { assignee: question.assignee.name } : {}),
    ...(question.answer
      ? {
          answer: {
            text: question.answer.text,
            by: question.answer.by.name,
            at: question.answer.at,
            ...(chosen ? { entryId: chosen, entryTitle: catalog.getEntry(chosen)?.title } : {}),
          },
        }
      : {}),
    ...(question.closed ? { closedAt: question.closed.at } : {}),
    ...(question.entryId ? { entryId: question.entryId } : {}),
  };
}
