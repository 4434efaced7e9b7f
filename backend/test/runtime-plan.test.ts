import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { deriveLocalWebhookSecret, planRuntime } from '../src/runtime-plan.js';

const facts = { port: 4321, deskToken: 'desk-token-0123456789abcdef', deskBotName: 'it-support-bot' };
const remote = {
  MCP_ATLASSIAN_URL: 'http://mcp-atlassian:9000/mcp',
  JIRA_URL: 'https://acme.atlassian.net',
};

describe('planRuntime', () => {
  it('points everything at the local desk on this server when no MCP server is set', () => {
    const plan = planRuntime(loadConfig({}), facts);
    expect(plan.isLocalDesk).toBe(true);
    expect(plan.publicUrl).toBe('http://localhost:4321');
    expect(plan.mcp).toEqual({
      url: 'http://127.0.0.1:4321/desk/mcp',
      headers: { Authorization: `Bearer ${facts.deskToken}` },
    });
    expect(plan.browseBase).toBe('http://localhost:4321/desk');
    expect(plan.deskWebhookUrl).toBe('http://127.0.0.1:4321/webhooks/jira');
    expect(plan.botIdentities).toEqual(['it-support-bot']);
    expect(plan.mode).toEqual({ llm: 'offline', jira: 'local-desk' });
  });

  it('derives the local webhook secret from the desk token, so the loop works with no settings', () => {
    const plan = planRuntime(loadConfig({}), facts);
    expect(plan.webhookSecret).toBe(deriveLocalWebhookSecret(facts.deskToken));
    expect(plan.webhookSecret).not.toContain(facts.deskToken);
    expect(deriveLocalWebhookSecret('another-token-0123456789')).not.toBe(plan.webhookSecret);
    expect(plan.warnings.join('\n')).not.toMatch(/JIRA_WEBHOOK_SECRET/);
  });

  it('uses the public URL for desk links and browse links when one is set', () => {
    const plan = planRuntime(loadConfig({ PUBLIC_URL: 'https://help.example.com/' }), facts);
    expect(plan.deskBaseUrl).toBe('https://help.example.com/desk');
    expect(plan.browseBase).toBe('https://help.example.com/desk');
    // The server still calls its own desk over loopback.
    expect(plan.mcp.url).toBe('http://127.0.0.1:4321/desk/mcp');
  });

  it('sends the MCP token as "Token" to mcp-atlassian and links to Jira', () => {
    const plan = planRuntime(loadConfig({ ...remote, MCP_ATLASSIAN_TOKEN: 'pat-secret' }), facts);
    expect(plan.isLocalDesk).toBe(false);
    expect(plan.mcp).toEqual({ url: 'http://mcp-atlassian:9000/mcp', headers: { Authorization: 'Token pat-secret' } });
    expect(plan.browseBase).toBe('https://acme.atlassian.net');
    expect(plan.mode.jira).toBe('mcp-atlassian');
  });

  it('sends no auth header to mcp-atlassian when it holds the credentials itself', () => {
    expect(planRuntime(loadConfig(remote), facts).mcp.headers).toEqual({});
  });

  it('refuses Jira webhooks (and says so) when Jira is remote and no secret is set', () => {
    const plan = planRuntime(loadConfig(remote), facts);
    expect(plan.webhookSecret).toBeUndefined();
    expect(plan.deskWebhookUrl).toBeUndefined();
    expect(plan.warnings).toContain('JIRA_WEBHOOK_SECRET is not set: Jira webhooks will be refused');
  });

  it('warns that open mode does not verify identities, and is quiet in token mode', () => {
    expect(planRuntime(loadConfig({}), facts).warnings.join('\n')).toMatch(/AUTH_MODE=open.*not verified/);
    const secret = 'widget-secret-widget-secret-widget-secret';
    const token = planRuntime(loadConfig({ AUTH_MODE: 'token', WIDGET_JWT_SECRET: secret }), facts);
    expect(token.warnings).toEqual([]);
  });

  it('uses the configured webhook secret and bot users, and never the desk bot for remote Jira', () => {
    const plan = planRuntime(
      loadConfig({ ...remote, JIRA_WEBHOOK_SECRET: 'configured-secret', JIRA_BOT_USER: 'bot@acme.com, 5b10ac8d' }),
      facts,
    );
    expect(plan.webhookSecret).toBe('configured-secret');
    expect(plan.botIdentities).toEqual(['bot@acme.com', '5b10ac8d']);
  });

  it('reports LLM mode when an API key is set', () => {
    expect(planRuntime(loadConfig({ OPENAI_API_KEY: 'sk-test' }), facts).mode.llm).toBe('openai');
  });
});
