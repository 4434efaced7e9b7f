/**
 * What every implementation of the chat's stores promises (chat/ports.ts, jira-events/ports.ts):
 * one test body, run against SQLite (sqlite-stores.test.ts) and Postgres (postgres-stores.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/stores.js';

export type OpenStores = () => Stores;

const aiko = { name: 'Aiko Tanaka', email: 'aiko@example.com' };
const ticket = { key: 'IT-7', url: 'https://desk.example/browse/IT-7', summary: 'VPN drops', status: 'To Do' };

export function chatStoreContract(stores: OpenStores): void {
  describe('conversations and sessions', () => {
    it('resumes a session by its token, with the user, the conversation and the browser', async () => {
      const { conversations } = stores();
      const conversationId = await conversations.createConversation(aiko);
      const token = await conversations.createSession(aiko, conversationId, 'browser-1');
      expect(await conversations.findSession(token)).toEqual({ user: aiko, conversationId, browserId: 'browser-1' });
      expect(await conversations.findSession(`${token}x`)).toBeUndefined();
    });

    it('keeps messages in the order they were stored, with their quick replies and ticket', async () => {
      const { conversations } = stores();
      const conversationId = await conversations.createConversation(aiko);
      const first = await conversations.addMessage({ conversationId, role: 'user', text: 'VPN drops' });
      const second = await conversations.addMessage({
        conversationId,
        role: 'assistant',
        text: 'Shall I open a ticket?',
        quickReplies: ['Yes', 'No'],
      });
      const third = await conversations.addMessage({ conversationId, role: 'assistant', text: 'Done', ticket });
      expect(first.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(await conversations.listMessages(conversationId)).toEqual([first, second, third]);
      expect(second.quickReplies).toEqual(['Yes', 'No']);
      expect(third.ticket).toEqual(ticket);
      expect(first).not.toHaveProperty('quickReplies');
      expect(await conversations.countMessages(conversationId)).toBe(3);
      expect(await conversations.transcript(conversationId)).toEqual([
        { role: 'user', text: 'VPN drops', at: first.createdAt },
        { role: 'assistant', text: 'Shall I open a ticket?', at: second.createdAt },
        { role: 'assistant', text: 'Done', at: third.createdAt },
      ]);
    });

    it('stores a message with a known id only once', async () => {
      const { conversations } = stores();
      const conversationId = await conversations.createConversation(aiko);
      await conversations.addMessage({ id: 'm-1:reply', conversationId, role: 'assistant', text: 'first' });
      await conversations.addMessage({ id: 'm-1:reply', conversationId, role: 'assistant', text: 'again' });
      expect((await conversations.listMessages(conversationId)).map((m) => m.text)).toEqual(['first']);
    });

    it('finds a message by its clientId within its conversation only, and refuses the clientId twice', async () => {
      const { conversations } = stores();
      const one = await conversations.createConversation(aiko);
      const other = await conversations.createConversation(aiko);
      const sent = await conversations.addMessage({ conversationId: one, role: 'user', text: 'hi', clientId: 'c-1' });
      expect(await conversations.findByClientId(one, 'c-1')).toEqual(sent);
      expect(await conversations.findByClientId(other, 'c-1')).toBeUndefined();
      await expect(
        conversations.addMessage({ conversationId: one, role: 'user', text: 'hi', clientId: 'c-1' }),
      ).rejects.toThrow();
      expect(await conversations.countMessages(one)).toBe(1);
    });

    it("maps a ticket key to its conversation, with the conversation's language", async () => {
      const { conversations } = stores();
      const conversationId = await conversations.createConversation(aiko);
      expect(await conversations.getLanguage(conversationId)).toBeUndefined();
      await conversations.addTicket(conversationId, ticket);
      expect(await conversations.findTicket('IT-7')).toEqual({ conversationId, ticket });
      await conversations.setLanguage(conversationId, 'ja');
      await conversations.updateTicketStatus('IT-7', 'In Progress');
      expect(await conversations.getLanguage(conversationId)).toBe('ja');
      expect(await conversations.findTicket('IT-7')).toEqual({
        conversationId,
        ticket: { ...ticket, status: 'In Progress' },
        language: 'ja',
      });
      expect(await conversations.findTicket('IT-8')).toBeUndefined();
    });

    it('lists a conversation’s tickets oldest first; adding one again only updates its status', async () => {
      const { conversations } = stores();
      const conversationId = await conversations.createConversation(aiko);
      await conversations.addTicket(conversationId, ticket);
      await conversations.addTicket(conversationId, { ...ticket, key: 'IT-9' });
      await conversations.addTicket(conversationId, { ...ticket, status: 'Done' });
      expect((await conversations.listTickets(conversationId)).map((t) => `${t.key} ${t.status}`)).toEqual([
        'IT-7 Done',
        'IT-9 To Do',
      ]);
      await expect(conversations.ping()).resolves.toBeUndefined();
    });
  });

  describe('the turn journal', () => {
    it('stores the message with its pending turn, lists turns oldest first, and forgets a finished one', async () => {
      const { conversations, turns } = stores();
      const conversationId = await conversations.createConversation(aiko);
      const owner = 'aiko@example.com#browser-1';
      const first = await turns.accept({ conversationId, role: 'user', text: 'one' }, { user: aiko, owner });
      const second = await turns.accept({ conversationId, role: 'user', text: 'two' }, { user: aiko, owner });
      expect(await conversations.listMessages(conversationId)).toEqual([first, second]);
      expect(await turns.pending()).toEqual([
        { conversationId, messageId: first.id, text: 'one', user: aiko, owner },
        { conversationId, messageId: second.id, text: 'two', user: aiko, owner },
      ]);
      await turns.finish(first.id);
      expect((await turns.pending()).map((t) => t.text)).toEqual(['two']);
      expect(await conversations.countMessages(conversationId)).toBe(2);
    });

    it('stores neither the message nor the turn when the message is refused', async () => {
      const { conversations, turns } = stores();
      const conversationId = await conversations.createConversation(aiko);
      const turn = { user: aiko, owner: aiko.email };
      await turns.accept({ conversationId, role: 'user', text: 'one', clientId: 'c-1' }, turn);
      await expect(
        turns.accept({ conversationId, role: 'user', text: 'one', clientId: 'c-1' }, turn),
      ).rejects.toThrow();
      expect(await turns.pending()).toHaveLength(1);
      expect(await conversations.countMessages(conversationId)).toBe(1);
    });
  });

  describe('webhook deliveries', () => {
    const claim = { deliveryId: 'd-1', eventKey: 'IT-7:comment:1', issueKey: 'IT-7', scope: 'comment:1', at: 1000 };

    it('remembers a delivery once', async () => {
      const { webhookDeliveries } = stores();
      expect(await webhookDeliveries.remember('d-0')).toBe(true);
      expect(await webhookDeliveries.remember('d-0')).toBe(false);
    });

    it('applies an event once, whether it comes again under its delivery id or a new one', async () => {
      const { webhookDeliveries } = stores();
      expect(await webhookDeliveries.claim(claim)).toBe('apply');
      expect(await webhookDeliveries.claim(claim)).toBe('duplicate');
      expect(await webhookDeliveries.claim({ ...claim, deliveryId: 'd-2' })).toBe('duplicate');
      expect(await webhookDeliveries.remember('d-1')).toBe(false);
    });

    it('skips an event older than what was applied for its issue and scope, and applies equal times', async () => {
      const { webhookDeliveries } = stores();
      const status = { issueKey: 'IT-7', scope: 'status' };
      expect(await webhookDeliveries.claim({ ...status, deliveryId: 'a', eventKey: 'e-a', at: 2000 })).toBe('apply');
      expect(await webhookDeliveries.claim({ ...status, deliveryId: 'b', eventKey: 'e-b', at: 1000 })).toBe('stale');
      expect(await webhookDeliveries.claim({ ...status, deliveryId: 'c', eventKey: 'e-c', at: 2000 })).toBe('apply');
      expect(await webhookDeliveries.claim({ ...status, deliveryId: 'd', eventKey: 'e-d', at: 3000 })).toBe('apply');
      // Another scope (a comment) and another issue have times of their own.
      expect(await webhookDeliveries.claim({ ...claim, deliveryId: 'e', at: 1 })).toBe('apply');
      expect(
        await webhookDeliveries.claim({ ...status, issueKey: 'IT-8', deliveryId: 'f', eventKey: 'e-f', at: 1 }),
      ).toBe('apply');
      // A stale delivery was still recorded: its replay is a duplicate.
      expect(await webhookDeliveries.claim({ ...status, deliveryId: 'b', eventKey: 'e-b', at: 5000 })).toBe(
        'duplicate',
      );
    });
  });
}
