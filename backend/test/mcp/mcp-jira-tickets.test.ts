import { describe, expect, it } from 'vitest';
import { createMcpJiraTickets } from '../../src/mcp/mcp-jira-tickets.js';
import { McpToolError } from '../../src/mcp/ports.js';
import { AppError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { escalationLabel, reporterLabel } from '../../src/tickets/labels.js';
import type { TicketDraft } from '../../src/tickets/ports.js';
import { createScriptedToolClient } from './scripted-tool-client.js';

const draft: TicketDraft = { summary: 'VPN drops', description: 'It drops.', category: 'vpn', priority: 'High' };
const options = { escalationId: 'c1:1', conversationId: 'c1' };

function ticketsOver(answer: (name: string, args: Record<string, unknown>) => unknown) {
  const client = createScriptedToolClient(answer);
  const tickets = createMcpJiraTickets({
    client,
    projectKey: 'IT',
    issueType: 'Task',
    browseBase: () => 'https://jira.example',
    logger: silentLogger,
  });
  return { client, tickets };
}

const created = { issue: { key: 'IT-9', summary: 'VPN drops', status: { name: 'To Do' } } };

describe('Jira tickets over MCP', () => {
  it('looks the escalation label up before creating, unless it is the first attempt', async () => {
    const { client, tickets } = ticketsOver((name) => (name === 'jira_search' ? { issues: [] } : created));
    await tickets.create(draft, options);
    expect(client.calls.map((c) => c.name)).toEqual(['jira_search', 'jira_create_issue']);
    expect(client.calls[0]?.args['jql']).toBe(
      `project = "IT" AND labels = "${escalationLabel('c1:1')}" ORDER BY created ASC`,
    );
    client.calls.length = 0;
    const ticket = await tickets.attempt(draft, { ...options, lookUpFirst: false });
    expect(client.calls.map((c) => c.name)).toEqual(['jira_create_issue']);
    expect(ticket).toEqual({
      key: 'IT-9',
      url: 'https://jira.example/browse/IT-9',
      summary: 'VPN drops',
      status: 'To Do',
    });
  });

  it('returns the ticket an earlier attempt made instead of creating a second one', async () => {
    const { client, tickets } = ticketsOver(() => ({ issues: [{ key: 'IT-3', summary: 'VPN drops' }] }));
    await expect(tickets.attempt(draft, { ...options, lookUpFirst: true })).resolves.toMatchObject({ key: 'IT-3' });
    expect(client.calls.map((c) => c.name)).toEqual(['jira_search']);
  });

  it("searches the employee's open tickets with every value quoted", async () => {
    const { client, tickets } = ticketsOver(() => ({ issues: [{ key: 'IT-4', status: 'In Progress' }] }));
    await expect(tickets.findOpen('Ken@Example.com', 'vpn')).resolves.toMatchObject([{ key: 'IT-4' }]);
    await tickets.listOpen('ken@example.com');
    const user = reporterLabel('ken@example.com');
    expect(client.calls.map((c) => c.args['jql'])).toEqual([
      `project = "IT" AND labels = "it-support-bot" AND labels = "vpn" AND labels = "${user}" AND statusCategory != "Done" ORDER BY created DESC`,
      `project = "IT" AND labels = "it-support-bot" AND labels = "${user}" AND statusCategory != "Done" ORDER BY created DESC`,
    ]);
  });

  it('fails with ticket codes: rejected for a refused create, unknown-outcome for an unreadable answer', async () => {
    const refused = ticketsOver(() => {
      throw new McpToolError('jira_create_issue', 'valid issue type is required');
    });
    await expect(refused.tickets.attempt(draft, { ...options, lookUpFirst: false })).rejects.toMatchObject({
      name: 'TicketGatewayError',
      code: 'rejected',
    });
    const garbled = ticketsOver(() => 'Issue created, probably');
    await expect(garbled.tickets.attempt(draft, { ...options, lookUpFirst: false })).rejects.toMatchObject({
      code: 'unknown-outcome',
    });
    const slow = ticketsOver(() => {
      throw new AppError('timeout:mcp');
    });
    await expect(slow.tickets.addComment('IT-1', 'more')).rejects.toMatchObject({ code: 'unknown-outcome' });
  });
});
