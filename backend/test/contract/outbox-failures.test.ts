/**
 * Escalations survive failure: the real mcp-atlassian is stopped while employees confirm, the
 * backend restarts with escalations still queued, and a create whose answer is lost is retried.
 * Every confirmed escalation must end as exactly one ticket, delivered to its chat.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, TicketRef } from '../../src/contract/index.js';
import { silentLogger } from '../../src/shared/logger.js';
import {
  connect,
  deskSearch,
  makeDataDir,
  nextAssistantMessage,
  startTestServer,
  TEST_DESK_TOKEN,
  troubleshootUntilOffer,
  type ClientSocket,
} from '../support/test-server.js';
import { createMcpAtlassianProcess, freePort } from './mcp-atlassian-process.js';

const timing = { baseDelayMs: 200, maxDelayMs: 1500, pollMs: 100, firstAttemptMs: 5000 };
const options = { logger: silentLogger, outboxTiming: timing };
const QUEUED = /queued/i;

interface Chat {
  socket: ClientSocket;
  sessionToken: string;
  tickets: TicketRef[];
  messages: ChatMessage[];
}

describe('escalation outbox against the real mcp-atlassian', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function stack(dataDir = makeDataDir()) {
    const [port, mcpPort] = [await freePort(), await freePort()];
    const backendUrl = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      MCP_ATLASSIAN_URL: `http://127.0.0.1:${mcpPort}/mcp`,
      JIRA_URL: `${backendUrl}/desk`,
    };
    const real = await createMcpAtlassianProcess({
      jiraUrl: `${backendUrl}/desk`,
      token: TEST_DESK_TOKEN,
      auth: 'global-fallback',
      port: mcpPort,
    });
    cleanups.push(() => real.stop());
    let backend = await startTestServer(dataDir, env, options);
    cleanups.push(() => backend.close());
    await real.start();
    return {
      real,
      url: backendUrl,
      restartBackend: async () => {
        await backend.close();
        backend = await startTestServer(dataDir, env, options);
      },
    };
  }

  async function openChat(url: string, email: string, opener: string): Promise<Chat> {
    const { socket, session } = await connect(url, { user: { name: 'Test Employee', email } });
    cleanups.push(() => void socket.close());
    const chat: Chat = { socket, sessionToken: session.sessionToken, tickets: [], messages: [] };
    socket.on('ticket:created', (t) => chat.tickets.push(t));
    socket.on('message', (m) => chat.messages.push(m));
    await troubleshootUntilOffer(socket, opener);
    return chat;
  }

  async function confirm(chat: Chat) {
    const reply = nextAssistantMessage(chat.socket, 20_000);
    await chat.socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
    return reply;
  }

  it('turns every escalation confirmed while the MCP server is down into exactly one ticket once it is back', async () => {
    const { real, url } = await stack();
    const openers = ['My VPN keeps disconnecting', 'Teams shows a white screen', 'The printer on 3F jams'];
    const chats = await Promise.all(openers.map((text, i) => openChat(url, `down${i}@example.com`, text)));

    await real.stop();
    const replies = await Promise.all(chats.map(confirm));
    for (const reply of replies) {
      expect(reply.text).toMatch(QUEUED);
      expect(reply.ticket).toBeUndefined();
      expect(reply.text).not.toMatch(/Error calling|ECONNREFUSED|fetch failed/);
    }
    expect((await deskSearch(url, 'labels = "it-support-bot"')).total).toBe(0);

    await real.start();
    await vi.waitFor(() => chats.forEach((c) => expect(c.tickets).toHaveLength(1)), { timeout: 20_000, interval: 100 });
    const found = await deskSearch(url, 'labels = "it-support-bot"');
    expect(found.total).toBe(3);
    expect(new Set(chats.map((c) => c.tickets[0]?.key))).toEqual(new Set(found.issues.map((i) => i.key)));
    for (const chat of chats) {
      const delivered = chat.messages.find((m) => m.ticket);
      expect(delivered?.text).toContain(chat.tickets[0]?.key);
    }

    // The conversation learned its ticket: asking again points to it rather than making another.
    const again = await confirm(chats[0] as Chat);
    expect(again.text).toContain(chats[0]?.tickets[0]?.key);
    expect((await deskSearch(url, 'labels = "it-support-bot"')).total).toBe(3);
  }, 90_000);

  it('keeps a queued escalation across a backend restart and delivers it to the next visit', async () => {
    const s = await stack();
    const chat = await openChat(s.url, 'restart@example.com', 'My VPN keeps disconnecting');
    await s.real.stop();
    expect((await confirm(chat)).text).toMatch(QUEUED);
    chat.socket.close();

    await s.restartBackend();
    await s.real.start();
    let history: ChatMessage[] = [];
    await vi.waitFor(
      async () => {
        const { socket, session } = await connect(s.url, { sessionToken: chat.sessionToken });
        socket.close();
        history = session.messages;
        expect(session.tickets).toHaveLength(1);
      },
      { timeout: 20_000, interval: 300 },
    );
    const found = await deskSearch(s.url, 'labels = "it-support-bot"');
    expect(found.total).toBe(1);
    expect(history.at(-1)?.ticket?.key).toBe(found.issues[0]?.key);
  }, 90_000);
});

describe('a create whose answer is lost', () => {
  let proxy: http.Server | undefined;
  let backend: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await backend?.close();
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it('is looked up by its escalation label on retry, so the ticket is not doubled', async () => {
    const port = await freePort();
    let creates = 0;
    // In front of the desk's MCP endpoint: the first jira_create_issue runs, its answer never arrives.
    proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const isCreate = body.includes('"jira_create_issue"');
        if (isCreate) creates++;
        const upstream = http.request(
          `http://127.0.0.1:${port}${req.url ?? '/'}`,
          { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${port}` } },
          (up) => {
            if (isCreate && creates === 1) {
              up.resume();
              up.on('end', () => res.socket?.destroy());
              return;
            }
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        // Streams cut by the backend closing at the end of the test.
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      });
    });
    await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
    const proxyPort = (proxy.address() as AddressInfo).port;
    backend = await startTestServer(
      undefined,
      {
        PORT: String(port),
        MCP_ATLASSIAN_URL: `http://127.0.0.1:${proxyPort}/desk/mcp`,
        MCP_ATLASSIAN_TOKEN: TEST_DESK_TOKEN,
        JIRA_URL: `http://127.0.0.1:${port}/desk`,
      },
      options,
    );
    const { socket } = await connect(backend.url, { user: { name: 'Lost Answer', email: 'lost@example.com' } });
    const tickets: TicketRef[] = [];
    socket.on('ticket:created', (t) => tickets.push(t));
    try {
      await troubleshootUntilOffer(socket, 'Outlook keeps asking for my password');
      const reply = nextAssistantMessage(socket, 20_000);
      await socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
      expect((await reply).text).toMatch(QUEUED);
      await vi.waitFor(() => expect(tickets).toHaveLength(1), { timeout: 15_000, interval: 100 });
    } finally {
      socket.close();
    }
    const found = await deskSearch(backend.url, 'labels = "it-support-bot"');
    expect(found.total).toBe(1);
    expect(found.issues[0]?.key).toBe(tickets[0]?.key);
    expect(creates).toBe(1);
  });
});
