/**
 * One error class for the whole bot. Code branches on `code`, never on message text.
 * `userSafe` says whether `message` may be shown to a person; when false, users see a generic
 * apology and operators see the code plus whatever ids the thrower put in `details`.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: { status: 500, userSafe: false },
  CONTENT_INVALID: { status: 500, userSafe: false },
  BAD_ACTIVITY: { status: 400, userSafe: false },
  BAD_REQUEST: { status: 400, userSafe: true },
  UNAUTHORIZED: { status: 401, userSafe: true },
  FORBIDDEN: { status: 403, userSafe: true },
  NOT_FOUND: { status: 404, userSafe: true },
  PAYLOAD_TOO_LARGE: { status: 413, userSafe: true },
  UNKNOWN_VERB: { status: 400, userSafe: false },
  INVALID_CARD_DATA: { status: 400, userSafe: false },
  STORAGE_CONFLICT: { status: 409, userSafe: false },
  STORAGE_UNAVAILABLE: { status: 503, userSafe: false },
  STORAGE_CORRUPT: { status: 500, userSafe: false },
  WEBHOOK_FAILED: { status: 502, userSafe: false },
  CONNECTOR_FAILED: { status: 502, userSafe: false },
  INTERNAL: { status: 500, userSafe: false },
} as const satisfies Record<string, { status: number; userSafe: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userSafe: boolean;
  /** Ids and codes only: this lands in logs, so never personal data or message text. */
  readonly details: Readonly<Record<string, string | number | boolean | undefined>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, string | number | boolean | undefined> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.userSafe = ERROR_CODES[code].userSafe;
    this.details = Object.freeze({ ...details });
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
