/**
 * Mistakes in a request that express and its body parsers report as plain errors (a malformed
 * percent-encoding in the path, a body that is not JSON or is too large), read as the 400s they
 * are. Everything else is left to `toAppError`.
 */
import { AppError, toAppError } from '../shared/errors.js';

export function toRequestError(error: unknown): AppError {
  return readRequestError(error) ?? toAppError(error);
}

function readRequestError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof URIError) return new AppError('bad_request:url', 'The address is not valid.', { cause: error });
  if (typeof error !== 'object' || error === null) return undefined;
  const type = 'type' in error ? error.type : undefined;
  if (type === 'entity.parse.failed')
    return new AppError('bad_request:body', 'The request body is not valid JSON.', { cause: error });
  if (type === 'entity.too.large')
    return new AppError('bad_request:body', 'The request body is too large.', { cause: error });
  const status = 'status' in error ? error.status : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppError('bad_request:request', 'The request was not valid.', { cause: error });
  return undefined;
}
