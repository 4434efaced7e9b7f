import type { ChatMessage } from '@helpdesk/backend/contract';
import { describe, expect, it } from 'vitest';
import { createEntry, reconcileOutbox, type OutboxEntry } from '../src/outbox.js';

const user = (id: string, text: string): ChatMessage => ({ id, role: 'user', text, createdAt: '2026-01-01T00:00:00Z' });
const assistant = (id: string, text: string): ChatMessage => ({ ...user(id, text), role: 'assistant' });

describe('reconcileOutbox', () => {
  it('drops an in-flight message that the resumed history shows as arrived', () => {
    const history = [user('1', 'still not working'), assistant('2', 'Try this')];
    const entry: OutboxEntry = { ...createEntry('c1', 'still not working', history), state: 'unknown' };
    const resumed = [...history, user('3', 'still not working'), assistant('4', 'Shall I open a ticket?')];
    expect(reconcileOutbox([entry], resumed)).toEqual([]);
  });

  it('queues an in-flight message again when the history does not have it, even if the same words were sent before', () => {
    const history = [user('1', 'still not working'), assistant('2', 'Try this')];
    const entry: OutboxEntry = { ...createEntry('c1', 'still not working', history), state: 'unknown' };
    expect(reconcileOutbox([entry], history)).toEqual([{ ...entry, state: 'queued' }]);
  });

  it('matches one arrived copy to one in-flight entry only', () => {
    const a: OutboxEntry = { ...createEntry('a', 'ok', []), state: 'unknown' };
    const b: OutboxEntry = { ...createEntry('b', 'ok', []), state: 'unknown' };
    expect(reconcileOutbox([a, b], [user('1', 'ok')]).map((e) => e.clientId)).toEqual(['b']);
  });

  it('keeps messages that were never sent, in order', () => {
    const a = createEntry('a', 'first', []);
    const b = createEntry('b', 'second', []);
    expect(reconcileOutbox([a, b], [user('1', 'first')]).map((e) => e.clientId)).toEqual(['a', 'b']);
  });
});
