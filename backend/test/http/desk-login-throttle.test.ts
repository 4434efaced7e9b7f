/** Guessing the desk token (issue 10): wrong tokens per address are throttled; a right one is not counted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskHarness, type DeskHarness } from '../desk/desk-harness.js';

let harness: DeskHarness;

beforeAll(async () => {
  harness = await startDeskHarness();
});

afterAll(async () => {
  await harness.close();
});

const login = (token: string) =>
  fetch(`${harness.origin}/desk/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next: '/desk/' }),
  });

describe('desk sign-in throttling', () => {
  it('lets staff sign in repeatedly, then stops a guesser after a few wrong tokens', async () => {
    for (let i = 0; i < 15; i++) expect((await login(harness.token)).status).toBe(303);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login(`guess-${i}-0123456789abcdef`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const throttled = await login(harness.token);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled.text()).toContain('Too many attempts');
  });
});
