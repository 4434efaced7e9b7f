/** One log line per model failure that the offline engine covered; never the request or a key. */
import type { Logger } from '../../shared/logger.js';

export function warnFallback(logger: Logger, node: string, error: unknown): void {
  logger.warn('model call failed; the offline engine answers this turn', { node, reason: describeFailure(error) });
}

/** Runs one model call; when it fails, logs that once and answers with the offline `fallback`. */
export async function orFallback<T>(logger: Logger, node: string, fallback: T, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    warnFallback(logger, node, error);
    return fallback;
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown failure';
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const inner = cause ?? error;
  const status = 'status' in inner && typeof inner.status === 'number' ? ` (HTTP ${String(inner.status)})` : '';
  return `${inner.name}: ${inner.message.slice(0, 200)}${status}`;
}
