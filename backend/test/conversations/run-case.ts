/**
 * Drives one scripted conversation through the real server: a real socket.io client with its own
 * employee identity, one turn at a time (each waits for the assistant's complete `message`), then
 * reads every ticket the conversation created back from the local desk.
 */
import type { ChatMessage } from '../../src/contract/index.js';
import { connect, makeDataDir, say, startTestServer, type ClientSocket } from '../support/test-server.js';
import type { ConversationCase } from './case-schema.js';
import { checkTurn } from './reply-checks.js';
import { readTicket, resultChecks, type DeskTicket } from './ticket-checks.js';

export interface CaseOutcome {
  ok: boolean;
  failures: string[];
}

/** The contact settings not-IT cases look for in replies. */
export const CONTACTS = {
  FACILITIES_CONTACT: 'https://facilities.example.com',
  HR_CONTACT: 'hr-help@example.com',
} as const;

export function startConversationServer() {
  return startTestServer(makeDataDir(), { ...CONTACTS });
}

// A fresh employee per case: the assistant must not offer "add to your open ticket" from another case.
let employees = 0;
const newEmployee = (id: string) => ({
  user: { name: 'Case Employee', email: `${id}.${process.pid}.${++employees}@example.com` },
});

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Plays the turns; returns per-turn failures and the keys of every ticket created, in order. */
async function playTurns(socket: ClientSocket, c: ConversationCase) {
  const events: string[] = [];
  socket.on('ticket:created', (t) => events.push(t.key));
  const keys: string[] = [];
  const failures: string[] = [];
  let previous: string | undefined;
  for (const [i, turn] of c.turns.entries()) {
    const before = events.length;
    let reply: ChatMessage;
    try {
      reply = await say(socket, turn.user);
    } catch (e) {
      failures.push(`turn ${i + 1} ("${turn.user}"): ${errorText(e)}`);
      break;
    }
    const fresh = [...events.slice(before), ...(reply.ticket ? [reply.ticket.key] : [])];
    const newTickets = [...new Set(fresh)].filter((k) => !keys.includes(k));
    keys.push(...newTickets);
    if (turn.expect)
      failures.push(...checkTurn(i, turn.user, turn.expect, { reply, newTickets, previousReply: previous }));
    previous = reply.text;
  }
  return { keys, failures };
}

export async function runCase(url: string, c: ConversationCase): Promise<CaseOutcome> {
  const { socket } = await connect(url, newEmployee(c.id));
  try {
    const { keys, failures } = await playTurns(socket, c);
    const tickets: DeskTicket[] = [];
    for (const key of keys) {
      try {
        tickets.push(await readTicket(url, key));
      } catch (e) {
        failures.push(`ticket ${key} could not be read from the desk: ${errorText(e)}`);
      }
    }
    failures.push(...resultChecks(c, tickets));
    return { ok: failures.length === 0, failures };
  } finally {
    socket.close();
  }
}
