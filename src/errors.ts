/**
 * One error class for the whole bot. Code branches on `code`, never on message text.
 *
 * The catalog says, per code, how the error is answered: the HTTP status and the name in the
 * body's `error` field, whether `message` may be shown to the caller (`userSafe`), and otherwise
 * which of the common strings a person in Teams sees instead. `errorAnswer` is the one place that
 * turns any thrown value into that answer, for HTTP routes and Teams invoke responses alike.
 * Operators see the code plus whatever ids the thrower put in `details`.
 */
import { strings } from './strings';

type CommonString = keyof typeof strings.common;

interface CatalogEntry {
  readonly status: number;
  readonly name: string;
  readonly userSafe: boolean;
  /** What a person in Teams is told when `message` is not for them. */
  readonly say: CommonString;
}

export const ERROR_CODES = {
  CONFIG_INVALID: { status: 500, name: 'InternalError', userSafe: false, say: 'actionFailed' },
  CONTENT_INVALID: { status: 500, name: 'InternalError', userSafe: false, say: 'actionFailed' },
  BAD_ACTIVITY: { status: 400, name: 'BadRequest', userSafe: true, say: 'actionFailed' },
  BAD_REQUEST: { status: 400, name: 'BadRequest', userSafe: true, say: 'actionFailed' },
  UNAUTHORIZED: { status: 401, name: 'Unauthorized', userSafe: true, say: 'actionFailed' },
  FORBIDDEN: { status: 403, name: 'Forbidden', userSafe: true, say: 'actionFailed' },
  NOT_FOUND: { status: 404, name: 'NotFound', userSafe: true, say: 'actionFailed' },
  METHOD_NOT_ALLOWED: { status: 405, name: 'MethodNotAllowed', userSafe: true, say: 'actionFailed' },
  CONFLICT: { status: 409, name: 'Conflict', userSafe: true, say: 'actionFailed' },
  PAYLOAD_TOO_LARGE: { status: 413, name: 'PayloadTooLarge', userSafe: true, say: 'actionFailed' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, name: 'UnsupportedMediaType', userSafe: true, say: 'actionFailed' },
  REQUEST_TIMEOUT: { status: 408, name: 'RequestTimeout', userSafe: true, say: 'actionFailed' },
  UNKNOWN_VERB: { status: 400, name: 'BadRequest', userSafe: false, say: 'unknownAction' },
  INVALID_CARD_DATA: { status: 400, name: 'BadRequest', userSafe: false, say: 'unknownAction' },
  STORAGE_CONFLICT: { status: 409, name: 'Conflict', userSafe: false, say: 'actionFailed' },
  STORAGE_UNAVAILABLE: { status: 503, name: 'ServiceUnavailable', userSafe: false, say: 'actionFailed' },
  STORAGE_CORRUPT: { status: 500, name: 'InternalError', userSafe: false, say: 'actionFailed' },
  WEBHOOK_FAILED: { status: 502, name: 'BadGateway', userSafe: false, say: 'actionFailed' },
  CONNECTOR_FAILED: { status: 502, name: 'BadGateway', userSafe: false, say: 'actionFailed' },
  /** Teams' roster could not be read: an action that needs to know who asks is refused, never done on the activity's word alone. */
  ROSTER_UNAVAILABLE: { status: 503, name: 'ServiceUnavailable', userSafe: false, say: 'rosterUnavailable' },
  TIMEOUT: { status: 504, name: 'Timeout', userSafe: false, say: 'actionFailed' },
  INTERNAL: { status: 500, name: 'InternalError', userSafe: false, say: 'actionFailed' },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userSafe: boolean;
  /** Ids and codes only: this lands in logs, so never personal data or message text. */
  readonly details: Readonly<Record<string, string | number | boolean | undefined>>;
  /** For BAD_REQUEST: every problem found, each a sentence naming its field, for the caller. */
  readonly problems?: readonly string[];

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, string | number | boolean | undefined> = {},
    options?: { cause?: unknown; problems?: readonly string[] },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.userSafe = ERROR_CODES[code].userSafe;
    this.details = Object.freeze({ ...details });
    if (options?.problems) this.problems = Object.freeze([...options.problems]);
  }
}

export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

/** The code to log for any thrown value, without its message (which may carry user text). */
export function errorCode(err: unknown): string {
  if (err instanceof AppError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.name : 'UNKNOWN';
}

/** How any error is answered: the same for an HTTP route and a Teams invoke response. */
export interface ErrorAnswer {
  readonly status: number;
  /** Short machine-readable name: `BadRequest`, `Unauthorized`, `InternalError`... */
  readonly name: string;
  /** Safe to show: the error's own message when the catalog allows it, else a fixed sentence. */
  readonly message: string;
  readonly problems?: readonly string[];
}

export function errorAnswer(err: unknown): ErrorAnswer {
  const code: ErrorCode = isAppError(err) ? err.code : 'INTERNAL';
  const entry: CatalogEntry = ERROR_CODES[code];
  const message = isAppError(err) && entry.userSafe ? err.message : strings.common[entry.say];
  return { status: entry.status, name: entry.name, message, ...(isAppError(err) && err.problems ? { problems: err.problems } : {}) };
}
