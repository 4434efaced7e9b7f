/**
 * Composition root: reads the environment once, starts the server, and shuts down cleanly on
 * SIGTERM/SIGINT (compose stop, Ctrl-C).
 */
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';
import { createLogger } from './shared/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // Last resort: every handler answers its own errors; anything that still escapes is logged and
  // the service keeps serving everyone else.
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  const server = await startServer(config, { logger });
  if (!config.publicUrl)
    process.stdout.write(
      `\n  IT Help chat: ${server.url.replace('127.0.0.1', 'localhost')}/\n  Local desk:   ${server.url.replace('127.0.0.1', 'localhost')}/desk\n\n`,
    );

  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
