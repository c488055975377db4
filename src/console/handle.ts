/** Runs a console route's work and answers its failures from the error catalog, logging only the code. */
import type { Request, Response } from 'restify';
import { errorCode } from '../errors';
import { sendError } from '../http/send-error';
import type { Logger } from '../logger';
import { inLanguage, languageOfAcceptLanguage } from '../strings';

export function handled(route: string, logger: Logger, work: (req: Request, res: Response) => Promise<void>) {
  // The page asks in its person's language (see console/src/api.ts): its errors are read by them.
  return async (req: Request, res: Response): Promise<void> =>
    inLanguage(languageOfAcceptLanguage(req.headers['accept-language']), async () => {
      try {
        await work(req, res);
      } catch (err) {
        logger.error({ route, code: errorCode(err) }, 'console call failed');
        sendError(res, err);
      }
    });
}

/** A path parameter that must look like an id of ours; anything else is treated as not found. */
export function idParam(req: Request, format: RegExp): string | undefined {
  const id = String(req.params.id ?? '');
  return format.test(id) ? id : undefined;
}
