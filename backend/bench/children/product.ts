/**
 * The product as the bench runs it: the embedded defaults (offline engine, local desk, MCP over
 * HTTP to it) in the DATA_DIR the parent made, with a silent logger. `--raise-limits` lifts the
 * per-conversation and per-employee message budgets, for the one long conversation only: the product
 * has no setting for them, so the bench raises the exported defaults before the server reads them.
 */
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { silentLogger } from '../../src/shared/logger.js';
import { DEFAULT_SOCKET_LIMITS } from '../../src/socket/socket-limits.js';
import { serveBenchChannel } from './ipc.js';

if (process.argv.includes('--raise-limits')) {
  DEFAULT_SOCKET_LIMITS.perConversation = { points: 1_000_000, windowSeconds: 30 };
  DEFAULT_SOCKET_LIMITS.perUser = { points: 1_000_000, windowSeconds: 30 };
}

const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: process.env.DATA_DIR,
  DESK_TOKEN: process.env.DESK_TOKEN,
  LOG_LEVEL: 'silent',
});
const server = await startServer(config, { logger: silentLogger, printDeskToken: () => undefined });
serveBenchChannel({ url: server.url, deskToken: server.deskToken }, () => server.close());
