import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the embedded defaults with no settings', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.llm).toBeUndefined();
    expect(config.mcp.url).toBeUndefined();
    expect(config.auth.mode).toBe('open');
    expect(config.jira.projectKey).toBe('IT');
    expect(config.jira.issueType).toBe('Task');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.logLevel).toBe('info');
    expect(config.mcp.timeoutMs).toBe(90_000);
  });

  it('defaults the model and its timeout once a key is set', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'k' }).llm).toEqual({
      apiKey: 'k',
      baseUrl: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 20_000,
    });
  });

  it('names the variable and what is expected, never the value', () => {
    const problems = problemsOf({ PORT: 'seventy', AUTH_MODE: 'sso', MCP_ATLASSIAN_URL: 'ftp://secret-host' });
    const text = problems.join('\n');
    expect(text).toMatch(/^PORT: expected/m);
    expect(text).toMatch(/^AUTH_MODE: expected one of open, token/m);
    expect(text).toMatch(/^MCP_ATLASSIAN_URL: expected an http\(s\) URL/m);
    expect(text).not.toContain('seventy');
    expect(text).not.toContain('secret-host');
  });

  it('requires a widget secret in token mode and a Jira URL with mcp-atlassian', () => {
    expect(problemsOf({ AUTH_MODE: 'token' })[0]).toMatch(/^WIDGET_JWT_SECRET/);
    expect(problemsOf({ MCP_ATLASSIAN_URL: 'http://mcp:9000/mcp' })[0]).toMatch(/^JIRA_URL/);
  });

  it('reads the facilities and HR contacts, unset by default', () => {
    expect(loadConfig({}).contacts).toEqual({ facilities: undefined, hr: undefined });
    const config = loadConfig({ FACILITIES_CONTACT: ' https://facilities.example.com ', HR_CONTACT: 'hr@example.com' });
    expect(config.contacts).toEqual({ facilities: 'https://facilities.example.com', hr: 'hr@example.com' });
  });

  it('refuses a contact longer than one line without echoing it', () => {
    const [problem] = problemsOf({ HR_CONTACT: `call ${'9'.repeat(200)}` });
    expect(problem).toMatch(/^HR_CONTACT: expected one line of at most 200 characters/);
    expect(problem).not.toContain('999');
  });

  it('refuses a short desk token without echoing it', () => {
    const [problem] = problemsOf({ DESK_TOKEN: 'hunter2' });
    expect(problem).toBe('DESK_TOKEN: expected at least 16 characters');
  });

  it('reads DATABASE_URL as a Postgres URL, unset by default, and refuses another without echoing it', () => {
    expect(loadConfig({}).database.url).toBeUndefined();
    const url = 'postgres://helpdesk:pw@db.internal:5432/helpdesk';
    expect(loadConfig({ DATABASE_URL: url }).database.url).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/helpdesk' }).database.url).toBe('postgresql://db/helpdesk');
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:s3cret@db/helpdesk' });
    expect(problem).toBe('DATABASE_URL: expected a postgres:// or postgresql:// URL');
  });

  it('reads REDIS_URL, unset (in this process only) by default, and refuses a wrong one without echoing it', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: '' }).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: ' redis://:s3cret@redis:6379 ' }).redis).toEqual({
      url: 'redis://:s3cret@redis:6379',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com:6380/2' }).redis?.url).toBe(
      'rediss://cache.example.com:6380/2',
    );
    const [problem] = problemsOf({ REDIS_URL: 'http://:s3cret@redis:6379' });
    expect(problem).toMatch(/^REDIS_URL: expected a redis:\/\/ or rediss:\/\/ URL/);
    expect(problem).not.toContain('s3cret');
  });
});
