/**
 * `npm run bench`: prints figures for the hot paths. Not a test — nothing here fails on a number;
 * compare the output before and after a change.
 *   1. knowledge routing of an employee's first message (offline engine, every turn 1)
 *   2. a full offline turn through the real server: socket.io → chat → agent → SQLite checkpoint
 *   3. a confirmed escalation: the turn that creates the ticket over MCP/HTTP on the local desk
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage, ClientToServerEvents, ServerToClientEvents } from '../src/contract/index.js';
import { loadConfig } from '../src/config.js';
import { createKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { DEFAULT_KNOWLEDGE_DIR, startServer } from '../src/server.js';
import { silentLogger } from '../src/shared/logger.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const openers = [
  'Teams is not working',
  'My VPN keeps disconnecting from home',
  'Outlook cannot send email',
  'the printer on floor 3 prints blank pages',
  'Teamsの通知が来ません',
  'メールが送信できません',
];

function summarise(label: string, samples: number[], unit = 'ms'): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const f = (n: number) => n.toFixed(unit === 'µs' ? 1 : 2);
  console.log(
    `${label.padEnd(44)} n=${String(sorted.length).padStart(5)}  mean=${f(mean)}${unit}  p50=${f(at(0.5))}${unit}  p95=${f(at(0.95))}${unit}  max=${f(at(1))}${unit}`,
  );
}

async function benchRouting(): Promise<void> {
  const kb = await createKnowledgeBase({ dir: DEFAULT_KNOWLEDGE_DIR });
  for (let i = 0; i < 200; i++) kb.route(openers[i % openers.length]!);
  const samples: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const t = performance.now();
    kb.route(openers[i % openers.length]!);
    samples.push((performance.now() - t) * 1000);
  }
  summarise(`knowledge.route (${kb.list().length} playbooks)`, samples, 'µs');
}

function nextAssistant(socket: ClientSocket): Promise<ChatMessage> {
  return new Promise((resolve) => {
    const on = (m: ChatMessage) => {
      if (m.role !== 'assistant') return;
      socket.off('message', on);
      resolve(m);
    };
    socket.on('message', on);
  });
}

async function timedSay(socket: ClientSocket, text: string): Promise<{ ms: number; reply: ChatMessage }> {
  const t = performance.now();
  const reply = nextAssistant(socket);
  await socket.emitWithAck('message:send', { text });
  const message = await reply;
  return { ms: performance.now() - t, reply: message };
}

const offerYes = (m: ChatMessage) => m.quickReplies?.find((q) => /^(yes\b|はい)/i.test(q));

async function benchTurns(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DESK_TOKEN: 'bench-desk-token-0123456789',
  });
  const server = await startServer(config, { logger: silentLogger, printDeskToken: () => undefined });
  const firstTurns: number[] = [];
  const followUps: number[] = [];
  const creates: number[] = [];
  try {
    for (let c = 0; c < 30; c++) {
      const socket: ClientSocket = io(server.url, {
        auth: { user: { name: `Bench ${c}`, email: `bench${c}@example.com` } },
        transports: ['websocket'],
        forceNew: true,
      });
      await new Promise((resolve) => socket.once('session', resolve));
      let { ms, reply } = await timedSay(socket, openers[c % openers.length]!);
      firstTurns.push(ms);
      for (let i = 0; i < 8 && !offerYes(reply); i++) {
        ({ ms, reply } = await timedSay(socket, 'still not working'));
        followUps.push(ms);
      }
      const yes = offerYes(reply);
      if (yes) creates.push((await timedSay(socket, yes)).ms);
      socket.close();
    }
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  summarise('turn 1: route + first steps (socket round trip)', firstTurns);
  summarise('follow-up turn (resume/next steps)', followUps);
  summarise('confirm turn: ticket over MCP to the desk', creates);
}

await benchRouting();
await benchTurns();
