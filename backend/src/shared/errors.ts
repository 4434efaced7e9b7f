/**
 * One error type for the whole backend. A code is `kind:surface`; the kind decides the HTTP status
 * and whether the user may see the message. Upstream error text never reaches a user: it goes to
 * `cause` and from there to the logs.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'unavailable'
  | 'timeout'
  | 'internal';

export type ErrorCode = `${ErrorKind}:${string}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limit: 429,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

const safeMessageByKind: Record<ErrorKind, string> = {
  bad_request: 'The request was not valid.',
  unauthorized: 'Please sign in again.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'That was not found.',
  conflict: 'That is already in progress.',
  rate_limit: 'That was a lot at once; please wait a moment and try again.',
  unavailable: 'A service is unavailable right now; please try again shortly.',
  timeout: 'That took too long; please try again.',
  internal: 'Something went wrong on our side. Please try again.',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** True when `message` was written for the user; otherwise the kind's safe text is shown. */
  readonly isUserFacing: boolean;
  /** For `rate_limit:*`: when trying again may succeed. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message ?? safeMessageByKind[kindOf(code)], options);
    this.name = 'AppError';
    this.code = code;
    this.kind = kindOf(code);
    this.isUserFacing = message !== undefined;
    this.retryAfterMs = options?.retryAfterMs;
  }

  get status(): number {
    return statusByKind[this.kind];
  }

  /** What a user or API client may see. */
  toPayload(): { code: string; message: string; retryAfterMs?: number } {
    return {
      code: this.code,
      message: this.isUserFacing ? this.message : safeMessageByKind[this.kind],
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
    };
  }
}

function kindOf(code: ErrorCode): ErrorKind {
  const kind = code.slice(0, code.indexOf(':')) as ErrorKind;
  return kind in statusByKind ? kind : 'internal';
}

export function toAppError(error: unknown, fallback: ErrorCode = 'internal:server'): AppError {
  if (error instanceof AppError) return error;
  return new AppError(fallback, undefined, { cause: error });
}
