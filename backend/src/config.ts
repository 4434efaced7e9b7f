/**
 * Settings, parsed once from the environment. This is the only module that reads `process.env`.
 * A wrong value stops start-up with the variable's name and what is expected, never its value.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim().replace(/\/+$/, '')))
  .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'an http(s) URL');

/** Where the assistant sends problems that are not IT: one line an employee can follow (URL, e-mail, phone or place). */
const CONTACT_EXPECTED = 'one line of at most 200 characters (a URL, an e-mail address, a phone number or a place)';
const isContact = (v: string) => v.length <= 200 && !/[\r\n]/.test(v);

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'a port number' }).int().min(0).max(65535).default(3000),
  HOST: optionalString,
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  AUTH_MODE: z.enum(['open', 'token']).default('open'),
  WIDGET_JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, 'at least 32 characters'),
  WIDGET_JWKS_URL: optionalUrl,
  WIDGET_JWT_ISSUER: optionalString,
  WIDGET_JWT_AUDIENCE: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number({ error: 'a number of milliseconds' }).int().min(1000).max(300000).default(20000),
  MCP_ATLASSIAN_URL: optionalUrl,
  MCP_ATLASSIAN_TOKEN: optionalString,
  MCP_TIMEOUT_MS: z.coerce.number({ error: 'a number of milliseconds' }).int().min(1000).max(600000).default(90000),
  MAX_CONCURRENT_TURNS: z.coerce.number({ error: 'a whole number from 1 to 1000' }).int().min(1).max(1000).default(32),
  JIRA_URL: optionalUrl,
  JIRA_PROJECT_KEY: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'an upper-case Jira project key such as IT')
    .default('IT'),
  JIRA_ISSUE_TYPE: z.string().trim().min(1).default('Task'),
  JIRA_WEBHOOK_SECRET: optionalString,
  JIRA_BOT_USER: optionalString,
  DESK_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, 'at least 16 characters'),
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v),
    'a postgres:// or postgresql:// URL',
  ),
  REDIS_URL: optionalString.refine(
    (v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v),
    'a redis:// or rediss:// URL such as redis://:password@redis:6379',
  ),
  FACILITIES_CONTACT: optionalString.refine((v) => v === undefined || isContact(v), CONTACT_EXPECTED),
  HR_CONTACT: optionalString.refine((v) => v === undefined || isContact(v), CONTACT_EXPECTED),
});

export interface Config {
  port: number;
  host: string | undefined;
  /** Where employees reach the server; undefined means "http://localhost:<bound port>". */
  publicUrl: string | undefined;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  auth: {
    mode: 'open' | 'token';
    widgetJwtSecret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  llm: { apiKey: string; baseUrl: string | undefined; model: string; timeoutMs: number } | undefined;
  mcp: { url: string | undefined; token: string | undefined; timeoutMs: number };
  jira: {
    /** Base for browse links; undefined means the local desk at `<public url>/desk`. */
    url: string | undefined;
    projectKey: string;
    issueType: string;
    webhookSecret: string | undefined;
    /** Who the bot comments as in Jira (account ids, user names, emails): its comments never echo back. */
    botUsers: string[];
  };
  desk: { token: string | undefined };
  /** Postgres for everything the service stores; undefined means SQLite files in `dataDir`. */
  database: { url: string | undefined };
  /** Where non-IT problems go; undefined means "your facilities team" / "HR" in general words. */
  contacts: { facilities: string | undefined; hr: string | undefined };
  /** Agent turns running at once across conversations; the rest wait in order (MAX_CONCURRENT_TURNS). */
  maxConcurrentTurns: number;
  /** Shared by the replicas: socket.io broadcasts and rate-limit counters. Undefined: in this process only. */
  redis: { url: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Only the variable name and the expectation: a value may be a secret.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: expected ${describe(issue)}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.AUTH_MODE === 'token' && !e.WIDGET_JWT_SECRET && !e.WIDGET_JWKS_URL) {
    throw new ConfigError([
      'WIDGET_JWT_SECRET: expected a secret of at least 32 characters (or WIDGET_JWKS_URL) when AUTH_MODE=token',
    ]);
  }
  if (e.MCP_ATLASSIAN_URL && !e.JIRA_URL) {
    throw new ConfigError(['JIRA_URL: expected the Jira base URL when MCP_ATLASSIAN_URL is set (for browse links)']);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    auth: {
      mode: e.AUTH_MODE,
      widgetJwtSecret: e.WIDGET_JWT_SECRET,
      jwksUrl: e.WIDGET_JWKS_URL,
      issuer: e.WIDGET_JWT_ISSUER,
      audience: e.WIDGET_JWT_AUDIENCE,
    },
    llm: e.OPENAI_API_KEY
      ? { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS }
      : undefined,
    mcp: { url: e.MCP_ATLASSIAN_URL, token: e.MCP_ATLASSIAN_TOKEN, timeoutMs: e.MCP_TIMEOUT_MS },
    jira: {
      url: e.JIRA_URL,
      projectKey: e.JIRA_PROJECT_KEY,
      issueType: e.JIRA_ISSUE_TYPE,
      webhookSecret: e.JIRA_WEBHOOK_SECRET,
      botUsers: (e.JIRA_BOT_USER ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    },
    desk: { token: e.DESK_TOKEN },
    database: { url: e.DATABASE_URL },
    contacts: { facilities: e.FACILITIES_CONTACT, hr: e.HR_CONTACT },
    maxConcurrentTurns: e.MAX_CONCURRENT_TURNS,
    redis: e.REDIS_URL ? { url: e.REDIS_URL } : undefined,
  };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) return `one of ${issue.values.join(', ')}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `a number ≥ ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `a number ≤ ${String(issue.maximum)}`;
  return issue.message.replace(/^Invalid input: /, '');
}
