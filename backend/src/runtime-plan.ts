/**
 * The composition root's decisions, made in one pure function: where the MCP server is and how
 * to authenticate to it, where browse links point, which secret signs Jira webhooks, and whose
 * comments are the bot's own. Everything here follows from the settings and the bound port, so it
 * is unit-tested without starting anything.
 */
import { createHmac } from 'node:crypto';
import type { Config } from './config.js';

export interface RuntimeFacts {
  /** The port the server is listening on (PORT=0 binds a free one). */
  port: number;
  /** The local desk's staff token (configured, or generated at first start). */
  deskToken: string;
  /** Who the local desk comments as, so those comments never echo back into the chat. */
  deskBotName: string;
}

export interface RuntimePlan {
  /** Where employees and staff reach the server. */
  publicUrl: string;
  /** The server itself, for calls it makes to its own routes. */
  loopbackUrl: string;
  isLocalDesk: boolean;
  deskBaseUrl: string;
  /** Base of `<base>/browse/<KEY>` links: Jira, or the local desk. */
  browseBase: string;
  mcp: { url: string; headers: Record<string, string> };
  /** Undefined means every Jira webhook is refused. */
  webhookSecret: string | undefined;
  /** Where the local desk posts its webhooks; undefined when it sends none. */
  deskWebhookUrl: string | undefined;
  botIdentities: string[];
  mode: { llm: 'openai' | 'offline'; jira: 'local-desk' | 'mcp-atlassian' };
  warnings: string[];
}

/**
 * With the local desk and no JIRA_WEBHOOK_SECRET, the desk and the backend share a secret derived
 * from the desk token, so the loop works with zero settings and never with an empty secret.
 */
export function deriveLocalWebhookSecret(deskToken: string): string {
  return createHmac('sha256', deskToken).update('jira-webhook-secret-v1').digest('base64url');
}

export function planRuntime(config: Config, facts: RuntimeFacts): RuntimePlan {
  const loopbackUrl = `http://127.0.0.1:${facts.port}`;
  const publicUrl = config.publicUrl ?? `http://localhost:${facts.port}`;
  const deskBaseUrl = `${publicUrl}/desk`;
  const isLocalDesk = config.mcp.url === undefined;
  const webhookSecret =
    config.jira.webhookSecret ?? (isLocalDesk ? deriveLocalWebhookSecret(facts.deskToken) : undefined);
  return {
    publicUrl,
    loopbackUrl,
    isLocalDesk,
    deskBaseUrl,
    browseBase: config.jira.url ?? deskBaseUrl,
    mcp: {
      url: config.mcp.url ?? `${loopbackUrl}/desk/mcp`,
      headers: mcpHeaders(config, facts.deskToken),
    },
    webhookSecret,
    deskWebhookUrl: isLocalDesk && webhookSecret ? `${loopbackUrl}/webhooks/jira` : undefined,
    botIdentities: [...config.jira.botUsers, ...(isLocalDesk ? [facts.deskBotName] : [])],
    mode: { llm: config.llm ? 'openai' : 'offline', jira: isLocalDesk ? 'local-desk' : 'mcp-atlassian' },
    warnings: [
      ...(webhookSecret ? [] : ['JIRA_WEBHOOK_SECRET is not set: Jira webhooks will be refused']),
      ...(config.auth.mode === 'open'
        ? ['AUTH_MODE=open: employee identities are not verified (for trials); use AUTH_MODE=token in production']
        : []),
    ],
  };
}

/** The local desk takes its staff token as a bearer; mcp-atlassian's per-request PAT header is `Token`. */
function mcpHeaders(config: Config, deskToken: string): Record<string, string> {
  if (config.mcp.url === undefined) return { Authorization: `Bearer ${deskToken}` };
  return config.mcp.token ? { Authorization: `Token ${config.mcp.token}` } : {};
}
