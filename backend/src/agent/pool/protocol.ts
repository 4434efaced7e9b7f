/**
 * What the agent pool (main thread) and an agent worker say to each other. Both sides are ours and
 * run the same build, so messages are typed, not parsed. Errors cross as plain data and are rebuilt
 * as the classes callers test for (`AppError`, `TicketGatewayError`), codes intact.
 */
import type { TicketRef } from '../../contract/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { TicketGatewayError, type TicketFailureCode } from '../../tickets/ports.js';
import type { AgentReply, AgentTurn } from '../../chat/ports.js';

/** The objects on the main thread a worker's agent calls through the pool. */
export type PortName = 'tickets' | 'transcripts';

export type ToWorker =
  | { kind: 'reply'; id: number; turn: AgentTurn }
  | { kind: 'ticketCreated'; id: number; conversationId: string; ticket: TicketRef; escalationId?: string }
  | { kind: 'abort'; id: number }
  | { kind: 'portResult'; id: number; ok: true; value: unknown }
  | { kind: 'portResult'; id: number; ok: false; error: WireError }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; value: AgentReply | { text: string } }
  | { kind: 'failed'; id: number; error: WireError }
  | { kind: 'token'; id: number; delta: string }
  /** `signalAt`: the argument whose `signal` was left behind; the pool gives it one of its own. */
  | { kind: 'port'; id: number; port: PortName; method: string; args: unknown[]; signalAt?: number }
  | { kind: 'portAbort'; id: number }
  /** A worker's log record, written by the main thread's logger (`fields` already redacted). */
  | { kind: 'log'; level: LoggedLevel; msg: string; fields: Record<string, unknown> }
  | { kind: 'closed' };

export type LoggedLevel = 'debug' | 'info' | 'warn' | 'error';

export interface WireError {
  name: string;
  message: string;
  code?: string;
  /** AppError: the message was written for the employee. */
  userFacing?: boolean;
  stack?: string;
}

export function toWire(error: unknown): WireError {
  if (error instanceof AppError) {
    const cause = error.cause instanceof Error ? error.cause : error;
    return {
      name: 'AppError',
      code: error.code,
      message: error.message,
      userFacing: error.isUserFacing,
      ...(cause.stack ? { stack: cause.stack } : {}),
    };
  }
  if (error instanceof TicketGatewayError) return { name: error.name, code: error.code, message: error.message };
  const plain = error instanceof Error ? error : new Error(String(error));
  return { name: plain.name, message: plain.message, ...(plain.stack ? { stack: plain.stack } : {}) };
}

export function fromWire(wire: WireError): Error {
  if (wire.name === 'AppError' && wire.code) {
    const cause = Object.assign(new Error(wire.message), { stack: wire.stack });
    return new AppError(wire.code as ErrorCode, wire.userFacing ? wire.message : undefined, { cause });
  }
  if (wire.name === 'TicketGatewayError' && wire.code) {
    return new TicketGatewayError(wire.code as TicketFailureCode, wire.message);
  }
  return Object.assign(new Error(wire.message), { name: wire.name, stack: wire.stack });
}
