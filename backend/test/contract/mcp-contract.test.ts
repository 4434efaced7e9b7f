/**
 * One contract, run against the local desk's /desk/mcp and against the real mcp-atlassian 0.23.1
 * (both of its auth styles): tool names and argument schemas, create → get → comment → search,
 * the errors we depend on, and the whole chat flow through the backend pointed at the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpToolError, type ToolClient } from '../../src/mcp/ports.js';
import { AppError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMcpJiraTickets } from '../../src/mcp/mcp-jira-tickets.js';
import { toTicketGatewayError } from '../../src/mcp/ticket-failures.js';
import { classifyFailure } from '../../src/tickets/escalation-outbox.js';
import { buildTicketDraft } from '../../src/tickets/ticket-draft.js';
import {
  connect,
  deskSearch,
  employee,
  nextAssistantMessage,
  TEST_DESK_TOKEN,
  troubleshootUntilOffer,
  type ClientSocket,
} from '../support/test-server.js';
import { CONTRACT_TARGETS, type ContractStack } from './contract-targets.js';
import { CONTRACT_TOOLS } from './mcp-atlassian-process.js';

/** As mcp-atlassian 0.23.1 reports them; the desk must offer exactly the same. */
const EXPECTED_SCHEMAS: Record<string, { args: string[]; required: string[] }> = {
  jira_create_issue: {
    args: ['additional_fields', 'assignee', 'components', 'description', 'issue_type', 'project_key', 'summary'],
    required: ['issue_type', 'project_key', 'summary'],
  },
  jira_get_issue: {
    args: [
      'comment_limit',
      'expand',
      'fields',
      'include',
      'issue_key',
      'properties',
      'update_history',
      'use_display_names',
    ],
    required: ['issue_key'],
  },
  jira_add_comment: { args: ['body', 'issue_key', 'public', 'visibility'], required: ['body', 'issue_key'] },
  jira_search: {
    args: ['expand', 'fields', 'jql', 'limit', 'page_token', 'projects_filter', 'start_at', 'use_display_names'],
    required: ['jql'],
  },
};

const facts = (email: string) => ({
  reporter: { name: 'Ken Sato', email, key: email },
  conversationId: 'contract-conv',
  category: 'vpn' as const,
  priority: 'High' as const,
  firstMessage: 'VPN drops every ten minutes',
  symptom: 'VPN drops every ten minutes',
  environment: { os: 'Windows 11' },
  stepsTried: [],
  playbooks: [],
  transcript: [],
});

/** What the outbox would store for a failure of this client call: its code and kind. */
const failureOf = (error: unknown) => {
  const mapped = toTicketGatewayError(error);
  return { code: (mapped as { code?: unknown }).code, kind: classifyFailure(mapped).kind };
};

describe.each(CONTRACT_TARGETS)('MCP contract against $name', (target) => {
  let stack: ContractStack;
  let client: ToolClient;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    stack = await target.setup();
    client = stack.client();
  }, 120_000);

  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await stack?.close();
  });

  it('lists the four tools with the argument names and required arguments we call them with', async () => {
    const tools = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...CONTRACT_TOOLS].sort());
    for (const tool of tools) {
      const schema = tool.inputSchema as { properties?: object; required?: string[] };
      expect({
        args: Object.keys(schema.properties ?? {}).sort(),
        required: [...(schema.required ?? [])].sort(),
      }).toEqual(EXPECTED_SCHEMAS[tool.name]);
    }
  });

  it('creates, reads, comments on and finds a ticket', async () => {
    const created = (await client.callTool('jira_create_issue', {
      project_key: 'IT',
      summary: 'Printer on 3F jams',
      issue_type: 'Task',
      description: 'Jams on every page.',
      additional_fields: JSON.stringify({ labels: ['it-support-bot', 'printer', 'hd-contract'] }),
    })) as { issue: { key: string } };
    const key = created.issue.key;
    expect(key).toMatch(/^IT-\d+$/);

    const comment = (await client.callTool('jira_add_comment', { issue_key: key, body: 'Toner replaced.' })) as {
      body?: string;
    };
    expect(comment.body).toContain('Toner replaced.');

    const got = (await client.callTool('jira_get_issue', { issue_key: key })) as {
      key: string;
      summary: string;
      labels: string[];
    };
    expect(got).toMatchObject({ key, summary: 'Printer on 3F jams' });
    expect(got.labels).toEqual(expect.arrayContaining(['it-support-bot', 'printer', 'hd-contract']));

    const found = (await client.callTool('jira_search', {
      jql: 'project = IT AND labels = "hd-contract" AND statusCategory != Done',
      fields: 'summary,status',
      limit: 5,
    })) as { issues: { key: string }[] };
    expect(found.issues.map((i) => i.key)).toContain(key);
  });

  it("through the ticket port: one ticket per escalation, found again as the employee's open VPN ticket", async () => {
    const tickets = createMcpJiraTickets({
      client,
      projectKey: 'IT',
      issueType: 'Task',
      browseBase: () => `${stack.backend.url}/desk`,
      logger: silentLogger,
    });
    const email = `ken.${target.auth}@example.com`;
    const draft = buildTicketDraft(facts(email));
    const first = await tickets.create(draft, { escalationId: 'contract:1', conversationId: 'contract-conv' });
    const again = await tickets.create(draft, { escalationId: 'contract:1', conversationId: 'contract-conv' });
    expect(again.key).toBe(first.key);
    expect(first.url).toBe(`${stack.backend.url}/desk/browse/${first.key}`);

    const open = await tickets.findOpen(email, 'vpn');
    expect(open.map((t) => t.key)).toEqual([first.key]);
    expect(await tickets.findOpen(email, 'printer')).toEqual([]);
    await tickets.addComment(first.key, 'It also drops on the office Wi-Fi.');
    const got = (await client.callTool('jira_get_issue', { issue_key: first.key })) as {
      comments?: { body: string }[];
    };
    expect(JSON.stringify(got)).toContain('office Wi-Fi');
  });

  it('answers an unknown project and a bad issue type with tool errors that the ticket port reports as rejected (configuration)', async () => {
    const attempts = [
      { project_key: 'NOPE', summary: 'x', issue_type: 'Task' },
      { project_key: 'IT', summary: 'x', issue_type: 'Spaceship' },
    ];
    for (const args of attempts) {
      const error = await client.callTool('jira_create_issue', args).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(McpToolError);
      expect(failureOf(error)).toEqual({ code: 'rejected', kind: 'config' });
    }
    const tickets = createMcpJiraTickets({
      client,
      projectKey: 'NOPE',
      issueType: 'Task',
      browseBase: () => `${stack.backend.url}/desk`,
      logger: silentLogger,
    });
    const draft = buildTicketDraft(facts('nope@example.com'));
    await expect(tickets.create(draft, { escalationId: 'contract:nope', conversationId: 'c' })).rejects.toMatchObject({
      name: 'TicketGatewayError',
      code: 'rejected',
    });
    const search = await client.callTool('jira_search', { jql: 'project = NOPE' }).catch((e: unknown) => e);
    expect(search).toBeInstanceOf(McpToolError);
  });

  it('runs the whole chat flow: conversation → confirmed ticket → browse link that opens the ticket', async () => {
    const { socket } = await connect(stack.backend.url, {
      user: { ...employee, email: `chat.${target.auth}@example.com` },
    });
    sockets.push(socket);
    await troubleshootUntilOffer(socket, 'Outlook keeps asking for my password');
    const reply = nextAssistantMessage(socket, 30_000);
    await socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
    const message = await reply;
    expect(message.ticket?.key).toMatch(/^IT-\d+$/);
    const key = message.ticket?.key ?? '';
    // The browse link is JIRA_URL's for mcp-atlassian, the public URL's (localhost) for the desk.
    const link = new URL(message.ticket?.url ?? '');
    expect(link.pathname).toBe(`/desk/browse/${key}`);
    if (target.auth !== 'desk') expect(link.origin).toBe(stack.backend.url);
    expect(message.text).toContain(key);
    const page = await fetch(`${stack.backend.url}${link.pathname}`, {
      headers: { Authorization: `Bearer ${TEST_DESK_TOKEN}` },
    });
    expect(page.status).toBe(200);
    expect((await deskSearch(stack.backend.url, `key = ${key}`)).total).toBe(1);

    const ready = await fetch(`${stack.backend.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { mcp: 'ok', jira: 'ok' } });
  });

  it('refuses a client without credentials, which the ticket port reports as auth (configuration)', async () => {
    if (target.auth === 'global-fallback') return; // serving such clients is what this style opts into
    const anonymous = stack.client({});
    const error = await anonymous.callTool('jira_search', { jql: 'project = IT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(failureOf(error)).toEqual({ code: 'auth', kind: 'config' });
  });

  it('reports a stopped server as unavailable (transient), and works again once it is back', async () => {
    if (!stack.canStop) {
      const nowhere = stack.client();
      // The desk lives in the backend; a server that is down looks like a port nobody listens on.
      const gone = (await import('../../src/mcp/mcp-tool-client.js')).createMcpToolClient({
        url: 'http://127.0.0.1:9/mcp',
        timeoutMs: 3000,
        logger: silentLogger,
      });
      const error = await gone.callTool('jira_search', { jql: 'project = IT' }).catch((e: unknown) => e);
      await gone.close();
      expect(error).toBeInstanceOf(AppError);
      expect(failureOf(error)).toEqual({ code: 'transient', kind: 'transient' });
      await expect(nowhere.callTool('jira_search', { jql: 'project = IT', limit: 1 })).resolves.toBeDefined();
      return;
    }
    await stack.stopMcp();
    const error = await client.callTool('jira_search', { jql: 'project = IT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable:mcp');
    expect(failureOf(error)).toEqual({ code: 'transient', kind: 'transient' });
    const ready = await fetch(`${stack.backend.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { failing: string[] }).failing).toContain('mcp');
    await stack.startMcp();
    await expect(client.callTool('jira_search', { jql: 'project = IT', limit: 1 })).resolves.toMatchObject({
      issues: expect.any(Array),
    });
  });
});
