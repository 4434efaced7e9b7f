/**
 * One simulated employee holding one full escalation, as the widget would: connect with a fresh
 * identity (so no open ticket of an earlier escalation is offered, and the per-employee budget is
 * one person's), opener → steps ("still not working") until the ticket offer → "yes" → the ticket.
 * Each turn is timed from `message:send` to the complete assistant `message`; the confirm also to
 * `ticket:created`. Connections come from one of many loopback addresses: the product budgets
 * messages and handshakes per client address, and a thousand employees behind one address would
 * measure that budget instead of the server.
 */
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage, ClientToServerEvents, ServerToClientEvents } from '../src/contract/index.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TurnKind = 'opener' | 'follow-up' | 'offer' | 'confirm';
export const TURN_KINDS: readonly TurnKind[] = ['opener', 'follow-up', 'offer', 'confirm'];

export interface TurnSample {
  kind: TurnKind;
  ms: number;
  /** performance.now() when the reply arrived. */
  at: number;
}

export interface Tally {
  turns: TurnSample[];
  ticketMs: number[];
  escalations: number;
  connects: number;
  /** 'timeout:<kind>', 'ack:<code>', 'connect:<message>', 'no-offer', 'no-ticket' → count. */
  failures: Map<string, number>;
}

export const newTally = (): Tally => ({ turns: [], ticketMs: [], escalations: 0, connects: 0, failures: new Map() });
export const ADDRESS_COUNT = 250;
const TURN_TIMEOUT_MS = 30_000;
const OPENERS = [
  'Teams is not working',
  'My VPN keeps disconnecting from home',
  'Outlook cannot send email',
  'the printer on floor 3 prints blank pages',
  'Teamsの通知が来ません',
  'メールが送信できません',
];

export const isOffer = (m: ChatMessage): boolean => m.quickReplies?.some((q) => /^(yes\b|はい)/i.test(q)) ?? false;
const localAddress = (slot: number) => `127.0.0.${2 + (slot % ADDRESS_COUNT)}`;

export class TurnFailure extends Error {}

function fail(tally: Tally, reason: string): void {
  tally.failures.set(reason, (tally.failures.get(reason) ?? 0) + 1);
}

let identities = 0;

export async function connect(url: string, slot: number): Promise<ClientSocket> {
  const id = ++identities;
  const socket: ClientSocket = io(url, {
    auth: { user: { name: `Bench Employee ${id}`, email: `bench.${process.pid}.${id}@example.com` } },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress: localAddress(slot),
    timeout: TURN_TIMEOUT_MS,
  } as Parameters<typeof io>[1]);
  await new Promise<void>((resolve, reject) => {
    socket.once('session', () => resolve());
    socket.once('connect_error', (e) => reject(new TurnFailure(`connect:${e.message.slice(0, 60)}`)));
  });
  return socket;
}

function nextAssistant(socket: ClientSocket, kind: string): Promise<ChatMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new TurnFailure(`timeout:${kind}`)), TURN_TIMEOUT_MS);
    const onMessage = (m: ChatMessage) => m.role === 'assistant' && done(undefined, m);
    const onDisconnect = () => done(new TurnFailure(`disconnect:${kind}`));
    function done(error: Error | undefined, m?: ChatMessage) {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('disconnect', onDisconnect);
      if (error) reject(error);
      else resolve(m!);
    }
    socket.on('message', onMessage);
    socket.on('disconnect', onDisconnect);
  });
}

/** Sends one message; resolves with the reply and its latency, or throws a TurnFailure. */
export async function turn(socket: ClientSocket, text: string, kind: string) {
  const start = performance.now();
  const reply = nextAssistant(socket, kind);
  reply.catch(() => undefined);
  const ack = await socket
    .timeout(TURN_TIMEOUT_MS)
    .emitWithAck('message:send', { text })
    .catch(() => undefined);
  if (!ack) throw new TurnFailure(`timeout:${kind}`);
  if (!ack.ok) throw new TurnFailure(`ack:${ack.error.code}`);
  const message = await reply;
  return { message, ms: performance.now() - start, start };
}

function ticketCreated(socket: ClientSocket): { arrived: Promise<number | undefined> } {
  const arrived = new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), TURN_TIMEOUT_MS);
    socket.once('ticket:created', () => {
      clearTimeout(timer);
      resolve(performance.now());
    });
  });
  return { arrived };
}

export interface EscalationPlan {
  url: string;
  slot: number;
  /** Waits the think time before a message ('start': before connecting); false when the employee should stop. */
  think: (stage: 'start' | 'next') => Promise<boolean>;
  tally: Tally;
}

/** Steps and the offer: "still not working" until the offer (at most 8), each turn classified by its reply. */
async function untilOffer(socket: ClientSocket, plan: EscalationPlan, first: ChatMessage): Promise<boolean> {
  let reply = first;
  for (let i = 0; i < 8 && !isOffer(reply); i++) {
    if (!(await plan.think('next'))) return false;
    const { message, ms } = await turn(socket, 'still not working', 'follow-up');
    reply = message;
    plan.tally.turns.push({ kind: isOffer(reply) ? 'offer' : 'follow-up', ms, at: performance.now() });
  }
  if (!isOffer(reply)) fail(plan.tally, 'no-offer');
  return isOffer(reply);
}

export async function escalate(plan: EscalationPlan, opener = plan.slot): Promise<void> {
  const { tally } = plan;
  let socket: ClientSocket | undefined;
  try {
    if (!(await plan.think('start'))) return;
    socket = await connect(plan.url, plan.slot);
    tally.connects += 1;
    const open = await turn(socket, OPENERS[opener % OPENERS.length]!, 'opener');
    tally.turns.push({ kind: 'opener', ms: open.ms, at: performance.now() });
    if (!(await untilOffer(socket, plan, open.message)) || !(await plan.think('next'))) return;
    const ticket = ticketCreated(socket);
    const confirm = await turn(socket, 'Yes, create a ticket', 'confirm');
    tally.turns.push({ kind: 'confirm', ms: confirm.ms, at: performance.now() });
    const arrived = await ticket.arrived;
    if (arrived === undefined) fail(tally, 'no-ticket');
    else tally.ticketMs.push(arrived - confirm.start);
    tally.escalations += 1;
  } catch (error) {
    fail(tally, error instanceof TurnFailure ? error.message : `error:${String(error).slice(0, 60)}`);
  } finally {
    socket?.close();
  }
}
