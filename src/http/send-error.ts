/** Every error answer of the HTTP routes: the error catalog decides status, name and message. */
import type { Response } from 'restify';
import { errorAnswer } from '../errors';

export function sendError(res: Response, err: unknown): void {
  // An answer already begun (a list written page by page) cannot be replaced: it was cut short instead.
  if (res.headersSent) return;
  const answer = errorAnswer(err);
  res.send(answer.status, { error: answer.name, message: answer.message, ...(answer.problems ? { problems: answer.problems } : {}) });
}
