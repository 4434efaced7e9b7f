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

  it('times turns and MCP calls in histograms, reports the outbox and the process', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const count = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(text).toContain('# TYPE helpdesk_turn_seconds histogram');
    expect(count('helpdesk_turn_seconds_count{outcome="replied"}')).toBeGreaterThanOrEqual(2);
    expect(count('helpdesk_mcp_call_seconds_count{tool="jira_create_issue",outcome="ok"}')).toBe(1);
    expect(count('helpdesk_outbox_pending')).toBe(0);
    expect(count('helpdesk_outbox_oldest_seconds')).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });
});
