import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketRef } from '../../src/contract/index.js';
import {
  connect,
  deskSearch,
  nextAssistantMessage,
  startTestServer,
  troubleshootUntilOffer,
  type ClientSocket,
} from '../support/test-server.js';

describe('exactly one ticket per confirmed escalation', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  const sockets: ClientSocket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server?.close();
  });

  it('creates no second ticket when the confirmation is sent twice at once', async () => {
    server = await startTestServer();
    const { socket } = await connect(server.url);
    sockets.push(socket);
    const created: TicketRef[] = [];
    socket.on('ticket:created', (t) => created.push(t));

    await troubleshootUntilOffer(socket, 'Teams is not working');
    const replies: string[] = [];
    let ticketKey: string | undefined;
    socket.on('message', (m) => {
      if (m.role !== 'assistant') return;
      replies.push(m.text);
      ticketKey ??= m.ticket?.key;
    });
    // A double click: two sends before any answer.
    const [a, b] = await Promise.all([
      socket.emitWithAck('message:send', { text: 'Yes, create a ticket' }),
      socket.emitWithAck('message:send', { text: 'Yes, create a ticket' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    await vi.waitFor(() => expect(replies).toHaveLength(2), { timeout: 15_000 });
    expect(ticketKey).toMatch(/^IT-\d+$/);
    expect(replies[1]).toContain(ticketKey);

    expect(created).toHaveLength(1);
    const found = await deskSearch(server.url, 'project = IT');
    expect(found.total).toBe(1);
  });

  it('creates no second ticket when the client reconnects and resends the same message', async () => {
    server = await startTestServer();
    const { socket, session } = await connect(server.url);
    sockets.push(socket);
    await troubleshootUntilOffer(socket, 'My VPN keeps disconnecting');

    const replyToYes = nextAssistantMessage(socket);
    const ack = await socket.emitWithAck('message:send', { text: 'Yes, create a ticket', clientId: 'click-1' });
    expect(ack.ok).toBe(true);
    const reply = await replyToYes;
    expect(reply.ticket).toBeDefined();
    socket.close();

    // The widget lost the ack, reconnects with its session token and resends with the same clientId.
    const again = await connect(server.url, { sessionToken: session.sessionToken });
    sockets.push(again.socket);
    expect(again.session.conversationId).toBe(session.conversationId);
    expect(again.session.tickets.map((t) => t.key)).toEqual([reply.ticket!.key]);
    const resend = await again.socket.emitWithAck('message:send', {
      text: 'Yes, create a ticket',
      clientId: 'click-1',
    });
    expect(resend.ok).toBe(true);
    if (resend.ok && ack.ok) expect(resend.message.id).toBe(ack.message.id);

    // And a fresh "yes" on the finished escalation points at the existing ticket.
    const answer = nextAssistantMessage(again.socket);
    await again.socket.emitWithAck('message:send', { text: 'yes' });
    expect((await answer).text).toContain(reply.ticket!.key);

    const found = await deskSearch(server.url, 'project = IT');
    expect(found.total).toBe(1);
  });
});
