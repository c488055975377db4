/**
 * The gate in front of every /console/api route, run before a byte of the body is read: who is
 * calling (Teams SSO, or CONSOLE_DEV_USER in local mode), whether their role allows the route, and,
 * for changes, that the call comes from the console page itself and not from another site.
 */
import type { Next, Request, RequestHandler, Response } from 'restify';
import { AppError, errorCode, isAppError } from '../errors';
import { sendError } from '../http/send-error';
import type { Logger } from '../logger';
import { inLanguage, languageOfAcceptLanguage, strings } from '../strings';
import { allows, type ConsoleRole, type ConsoleRoles, type Permission } from './roles';
import type { SignedInPerson, SsoTokenValidator } from './sso-token';

const s = strings.console.api;

/** The header the page adds to every change: another site's form or image cannot send it. */
export const CHANGE_HEADER = 'x-console-request';

export interface ConsoleCaller {
  readonly person: SignedInPerson;
  readonly role: ConsoleRole;
  /** Signed in as CONSOLE_DEV_USER, without a token. */
  readonly local: boolean;
}

export type CallerRequest = Request & { consoleCaller?: ConsoleCaller };

export interface GuardOptions {
  /** Local mode: everyone is this person (CONSOLE_DEV_USER). Undefined: a Teams SSO token is required. */
  readonly devUser?: string;
  readonly tokens?: Pick<SsoTokenValidator, 'validate'>;
  readonly roles: Pick<ConsoleRoles, 'roleOf'>;
  readonly logger: Logger;
}

export function consoleGuard(options: GuardOptions) {
  const signIn = async (req: Request): Promise<{ person: SignedInPerson; local: boolean }> => {
    if (options.devUser !== undefined) return { person: { aadObjectId: options.devUser, tenantId: '', name: 'CONSOLE_DEV_USER' }, local: true };
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match || !options.tokens) throw new AppError('UNAUTHORIZED', s.tokenRequired, { reason: 'missing' });
    return { person: await options.tokens.validate(match[1]), local: false };
  };

  /** A handler that lets through callers whose role has `permission`; the caller is left on the request. */
  return (route: string, permission: Permission): RequestHandler =>
    (req: CallerRequest, res: Response, next: Next) =>
      inLanguage(languageOfAcceptLanguage(req.headers['accept-language']), () => {
        const refuse = (err: unknown) => {
          // A refused caller's body is never read: closing stops Node reading it to reuse the connection.
          res.setHeader('connection', 'close');
          const code = errorCode(err);
          const reason = isAppError(err) ? err.details.reason : undefined;
          if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') options.logger.warn({ route, code, reason }, 'console call refused');
          else options.logger.error({ route, code }, 'console sign-in failed');
          sendError(res, isAppError(err, 'TIMEOUT') || isAppError(err, 'CONNECTOR_FAILED') ? new AppError('TIMEOUT', s.signInUnavailable) : err);
          next(false);
        };
        const changing = req.method !== 'GET' && req.method !== 'HEAD';
        if (changing && !sameSite(req)) return refuse(new AppError('FORBIDDEN', s.crossSite, { reason: 'cross-site' }));
        signIn(req)
          .then(async ({ person, local }) => {
            const role = await options.roles.roleOf(person);
            if (!role) throw new AppError('FORBIDDEN', s.noRole, { reason: 'no-role' });
            if (!allows(role, permission)) throw new AppError('FORBIDDEN', s.adminsOnly, { reason: 'permission' });
            req.consoleCaller = { person, role, local };
            next();
          })
          .catch(refuse);
      });
}

/**
 * A change must carry the console's own header (which a cross-site form, link or image cannot
 * send, and a cross-site script only after a CORS preflight this server never grants) and, when the
 * browser says where it comes from, come from this origin.
 */
function sameSite(req: Request): boolean {
  if (req.headers[CHANGE_HEADER] !== '1') return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    try {
      if (new URL(origin).host !== req.headers.host) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function callerOf(req: Request): ConsoleCaller {
  const caller = (req as CallerRequest).consoleCaller;
  if (!caller) throw new AppError('INTERNAL', 'console route without its guard');
  return caller;
}
