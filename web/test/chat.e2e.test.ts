/**
 * The browser test: the real backend (offline engine + local desk, fresh data folder) and Debian's
 * Chromium driven by playwright-core. An employee asks for help with Teams, escalates to a ticket,
 * reloads and finds the conversation again; IT staff open the ticket link in the desk.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const DESK_TOKEN = 'e2e-desk-token-0123456789abcdefg';
const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(webDir, '..');
const backendEntry = path.join(repoDir, 'backend/src/main.ts');
const TURN_TIMEOUT = 60_000;

interface Backend {
  url: string;
  process: ChildProcess;
  output: string[];
}

let backend: Backend | undefined;
let dataDir: string | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let hasFailed = false;
/** Shared by the steps below, which build on each other in order. */
const ticket = { key: '', href: '', summary: '' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the browser test needs it: apt-get install chromium`);
  }
  execFileSync(process.execPath, [path.join(webDir, 'build.mjs')], { stdio: 'pipe' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'helpdesk-e2e-'));
  backend = await startBackend(dataDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  page = await context.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || !page || !dataDir) return;
  hasFailed = true;
  const shot = path.join(dataDir, `failure-${Date.now()}.png`);
  await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
  console.error(`screenshot: ${shot}\nbackend output (last lines):\n${backend?.output.slice(-40).join('\n')}`);
});

afterAll(async () => {
  await browser?.close();
  if (backend) await stopProcess(backend.process);
  // Keep the data (and any failure screenshot) when something failed.
  if (dataDir && !hasFailed) rmSync(dataDir, { recursive: true, force: true });
});

describe('chat widget against the real backend', () => {
  it('asks for a name and work email first, then answers a Teams problem with steps', async () => {
    await page.goto(backendUrl());
    expect(await page.title()).toBe('IT Help');
    await page.getByLabel('Your name').fill('Erika Mustermann');
    await page.getByLabel('Work email').fill('erika@example.com');
    await page.getByRole('button', { name: 'Start chat' }).click();

    await sendAndWaitForReply('Teams is not working');
    const reply = await lastAssistantText();
    expect(reply.length).toBeGreaterThan(40);
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
  });

  it('offers a ticket when the steps do not help and shows the ticket card once confirmed', async () => {
    const yes = page.locator('helpdesk-chat .quick-reply').filter({ hasText: /^\s*Yes/ });
    for (let attempt = 0; attempt < 6 && (await yes.count()) === 0; attempt++) {
      await sendAndWaitForReply('still not working');
    }
    expect(await yes.count(), 'a quick reply starting with "Yes" to confirm the ticket').toBeGreaterThan(0);
    await yes.first().click();
    await yes.first().waitFor({ state: 'detached', timeout: TURN_TIMEOUT });

    const card = page.locator('helpdesk-chat .ticket-card').first();
    await card.waitFor({ timeout: TURN_TIMEOUT });
    ticket.key = ((await card.locator('.ticket-key').textContent()) ?? '').trim();
    expect(ticket.key).toMatch(/^[A-Z]+-\d+$/);
    ticket.summary = ((await card.locator('.ticket-summary').textContent()) ?? '').trim();
    expect(ticket.summary.length).toBeGreaterThan(0);

    const link = card.getByRole('link', { name: `Open ${ticket.key}` });
    ticket.href = (await link.getAttribute('href')) ?? '';
    expect(new URL(ticket.href).pathname).toBe(`/desk/browse/${ticket.key}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
  });

  it('restores the conversation and the ticket card after a reload', async () => {
    expect(ticket.key, 'needs the ticket from the previous step').not.toBe('');
    await page.reload();
    await page
      .locator('helpdesk-chat .msg--user')
      .filter({ hasText: 'Teams is not working' })
      .first()
      .waitFor({ timeout: TURN_TIMEOUT });
    await page.locator(`helpdesk-chat .ticket-card[data-key="${ticket.key}"]`).waitFor();
    expect(await page.locator('helpdesk-chat .msg--assistant').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByLabel('Your name').count(), 'no identity form after a reload').toBe(0);
  });

  it('keeps an over-long message in the input and explains the limit inline', async () => {
    const input = page.getByRole('textbox', { name: 'Message' });
    const userMessages = page.locator('helpdesk-chat .msg--user');
    const before = await userMessages.count();
    const tooLong = 'a'.repeat(4001);
    await input.fill(tooLong);
    await page.locator('helpdesk-chat .counter').filter({ hasText: '4001 / 4000' }).waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const error = page.locator('helpdesk-chat .composer-error').filter({ hasText: '4000' });
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await input.inputValue()).toBe(tooLong);
    expect(await userMessages.count()).toBe(before);
  });

  it('opens the ticket link in the desk, which asks for the desk token and then shows the ticket', async () => {
    expect(ticket.href, 'needs the ticket from an earlier step').not.toBe('');
    await page.goto(ticket.href);
    await page.waitForURL(/\/desk\/login/, { timeout: 15_000 });
    const password = page.locator('input[type="password"]');
    await password.fill(DESK_TOKEN);
    const form = page.locator('form', { has: password });
    await form.locator('button, input[type="submit"]').first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/desk/login'), { timeout: 15_000 });
    // The login sends staff back to the ticket that asked for it.
    expect(new URL(page.url()).pathname).toBe(`/desk/browse/${ticket.key}`);

    await page.getByText(ticket.key).first().waitFor({ timeout: 15_000 });
    await page.getByText(ticket.summary).first().waitFor({ timeout: 15_000 });
  });

  it("shows a staff comment and a status change from the desk live in the employee's chat", async () => {
    expect(ticket.href, 'needs the ticket from an earlier step').not.toBe('');
    // The employee's chat stays open on one page; IT staff work the ticket on another.
    await page.goto(backendUrl());
    await page.locator(`helpdesk-chat .ticket-card[data-key="${ticket.key}"]`).waitFor({ timeout: TURN_TIMEOUT });
    const staff = await context.newPage();
    try {
      await staff.goto(ticket.href);
      if (new URL(staff.url()).pathname.startsWith('/desk/login')) {
        await staff.locator('input[type="password"]').fill(DESK_TOKEN);
        await staff.getByRole('button', { name: 'Sign in' }).click();
        await staff.waitForURL((url) => !url.pathname.startsWith('/desk/login'));
        expect(new URL(staff.url()).pathname).toBe(`/desk/browse/${ticket.key}`);
      }
      await staff.getByLabel('Your name').fill('Kim');
      await staff.getByLabel('Comment').fill('Please restart Teams once more and tell me the error code.');
      await staff.getByRole('button', { name: 'Add comment' }).click();

      await page
        .locator('helpdesk-chat .msg--assistant')
        .filter({ hasText: `IT (Kim) commented on ${ticket.key}: Please restart Teams once more` })
        .first()
        .waitFor({ timeout: TURN_TIMEOUT });

      await staff.getByLabel('New status').selectOption({ label: 'Done' });
      await staff.getByRole('button', { name: 'Change status' }).click();
      await page
        .locator('helpdesk-chat .msg--assistant')
        .filter({ hasText: `IT marked ${ticket.key} as Done` })
        .first()
        .waitFor({ timeout: TURN_TIMEOUT });
      await page
        .locator(`helpdesk-chat .ticket-card[data-key="${ticket.key}"]`)
        .filter({ hasText: 'Done' })
        .waitFor({ timeout: TURN_TIMEOUT });
    } finally {
      await staff.close();
    }
  });
});

function backendUrl(): string {
  if (!backend) throw new Error('the backend did not start');
  return `${backend.url}/`;
}

/** Sends a message and waits until the assistant's answer is complete and nothing is pending. */
async function sendAndWaitForReply(text: string): Promise<void> {
  const before = await page.locator('helpdesk-chat .msg--assistant').count();
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill(text);
  await input.press('Enter');
  await page.waitForFunction(
    (count) => {
      const root = document.querySelector('helpdesk-chat')?.shadowRoot;
      const answers = root?.querySelectorAll('.msg--assistant') ?? [];
      const last = answers[answers.length - 1];
      const typing = root?.querySelector<HTMLElement>('.typing');
      return (
        answers.length > count &&
        last?.getAttribute('data-complete') === 'true' &&
        typing?.hidden === true &&
        root?.querySelector('.msg[data-pending]') === null
      );
    },
    before,
    { timeout: TURN_TIMEOUT },
  );
}

async function lastAssistantText(): Promise<string> {
  return ((await page.locator('helpdesk-chat .msg--assistant').last().textContent()) ?? '').trim();
}

async function startBackend(dir: string): Promise<Backend> {
  const child = spawn(process.execPath, ['--import', 'tsx', backendEntry], {
    cwd: path.join(repoDir, 'backend'),
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dir,
      DESK_TOKEN,
      LOG_LEVEL: 'info',
      // The embedded defaults, whatever the developer's shell has set.
      AUTH_MODE: 'open',
      OPENAI_API_KEY: '',
      MCP_ATLASSIAN_URL: '',
      JIRA_URL: '',
      PUBLIC_URL: '',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const remember = (line: string): void => {
    output.push(line);
    if (output.length > 200) output.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not log "listening" within 60 s'), 60_000);
    function fail(why: string): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`backend ${why}:\n${output.slice(-40).join('\n')}`));
    }
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      const entry = parseJson(line);
      if (entry?.['msg'] === 'listening' && typeof entry['url'] === 'string') {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(entry['url'].replace(/\/+$/, ''));
      }
    });
  });
  return { url, process: child, output };
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
