import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTicketThroughChat, startTestServer, type ClientSocket } from '../support/test-server.js';

describe('GET /metrics', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let socket: ClientSocket;
  beforeAll(async () => {
    server = await startTestServer();
    ({ socket } = await connect(server.url));
    await createTicketThroughChat(socket, 'Teams is not working');
  });
  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  it('counts messages, tickets and open connections in the Prometheus text format', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(value('helpdesk_messages_total{role="user"}')).toBeGreaterThanOrEqual(2);
    expect(value('helpdesk_messages_total{role="assistant"}')).toBe(value('helpdesk_messages_total{role="user"}'));
    expect(value('helpdesk_tickets_created_total')).toBe(1);
    expect(value('helpdesk_agent_failures_total')).toBe(0);
    expect(value('helpdesk_socket_connections')).toBe(1);
    expect(text).toContain('# TYPE helpdesk_jira_webhooks_total counter');
  });
});
