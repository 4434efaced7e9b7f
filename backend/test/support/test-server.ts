/**
 * Starts the real server (real HTTP, socket.io, SQLite, MCP over HTTP to the local desk) on port 0
 * in a temp data folder, and connects real socket.io clients to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
  SessionPayload,
} from '../../src/contract/index.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { silentLogger } from '../../src/shared/logger.js';

export const TEST_DESK_TOKEN = 'test-desk-token-0123456789abcdef';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-test-'));
}

export async function startTestServer(
  dataDir = makeDataDir(),
  env: Record<string, string> = {},
  options: Pick<ServerOptions, 'outboxTiming' | 'logger'> = { logger: silentLogger },
): Promise<RunningServer & { dataDir: string }> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DESK_TOKEN: TEST_DESK_TOKEN, ...env });
  const server = await startServer(config, { printDeskToken: () => undefined, ...options });
  return Object.assign(server, { dataDir });
}

export const employee = { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' };

/** `localAddress` (127.0.0.x): many employees spread over addresses, as offices behind several NATs. */
export async function connect(
  url: string,
  auth: Record<string, unknown> = { user: employee },
  options: { localAddress?: string } = {},
): Promise<{ socket: ClientSocket; session: SessionPayload }> {
  const socket: ClientSocket = io(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  } as Parameters<typeof io>[1]);
  const session = await new Promise<SessionPayload>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, session };
}

/** Sends a message and resolves with its ack, refused or not. */
export const sendMessage = (socket: ClientSocket, text: string) =>
  socket.emitWithAck('message:send', { text }) as Promise<Ack<{ message: ChatMessage }>>;

/** Sends a message and resolves with the next complete assistant message. */
export async function say(socket: ClientSocket, text: string, clientId?: string) {
  const reply = nextAssistantMessage(socket);
  const ack = await socket.emitWithAck('message:send', { text, ...(clientId ? { clientId } : {}) });
  if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
  return reply;
}

export function nextAssistantMessage(socket: ClientSocket, timeoutMs = 15_000) {
  return new Promise<Parameters<ServerToClientEvents['message']>[0]>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error('no assistant message within the timeout'));
    }, timeoutMs);
    const onMessage = (m: Parameters<ServerToClientEvents['message']>[0]) => {
      if (m.role !== 'assistant') return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(m);
    };
    socket.on('message', onMessage);
  });
}

/** True when the message is the ticket offer (its quick replies start with a "Yes"). */
export const isOffer = (m: { quickReplies?: string[] }): boolean =>
  m.quickReplies?.some((q) => /^(yes\b|はい)/i.test(q)) ?? false;

/** Answers "still not working" until the assistant offers a ticket; returns the offer. */
export async function troubleshootUntilOffer(socket: ClientSocket, opener: string) {
  let reply = await say(socket, opener);
  for (let i = 0; i < 8 && !isOffer(reply); i++) {
    reply = await say(socket, 'still not working');
  }
  if (!isOffer(reply)) throw new Error(`no ticket offer; last reply: ${reply.text.slice(0, 200)}`);
  return reply;
}

/** Confirms a ticket offer after troubleshooting; resolves with the new ticket's key. */
export async function createTicketThroughChat(socket: ClientSocket, opener: string): Promise<string> {
  await troubleshootUntilOffer(socket, opener);
  const reply = await say(socket, 'Yes, create a ticket');
  const key = reply.ticket?.key ?? '';
  if (!/^IT-\d+$/.test(key)) throw new Error(`no ticket after "yes"; reply: ${reply.text.slice(0, 200)}`);
  return key;
}

/** GET on the local desk's Jira REST API (`/desk/rest/api/2/<route>`) as staff; throws unless 2xx. */
export async function deskGet<T>(url: string, route: string): Promise<T> {
  const res = await fetch(`${url}/desk/rest/api/2/${route}`, {
    headers: { Authorization: `Bearer ${TEST_DESK_TOKEN}` },
  });
  if (!res.ok) throw new Error(`desk GET ${route} failed: ${res.status}`);
  return (await res.json()) as T;
}

export const deskSearch = (url: string, jql: string) =>
  deskGet<{ total: number; issues: { key: string }[] }>(url, `search?jql=${encodeURIComponent(jql)}`);
