import { afterEach, describe, expect, it } from 'vitest';
import type { TicketRef } from '../../src/contract/index.js';
import { AppError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createEscalationRepository } from '../../src/store/escalation-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite.js';
import { classifyFailure, createEscalationOutbox } from '../../src/tickets/escalation-outbox.js';
import {
  TICKET_QUEUED,
  TicketGatewayError,
  type TicketDraft,
  type TicketFailureCode,
} from '../../src/tickets/ports.js';

const draft: TicketDraft = { summary: 'VPN drops', description: 'It drops.', category: 'vpn' };
const ticket: TicketRef = {
  key: 'IT-1',
  url: 'https://jira.example/browse/IT-1',
  summary: 'VPN drops',
  status: 'Open',
};

describe('escalation outbox', () => {
  let db: SqliteDatabase;
  afterEach(() => db?.close());

  function setup(attempt: () => Promise<TicketRef>) {
    db = openDatabase(':memory:');
    const escalations = createEscalationRepository(db);
    let clock = 1_000_000;
    const delivered: string[] = [];
    const lookUps: boolean[] = [];
    const outbox = createEscalationOutbox({
      escalations,
      gateway: {
        attempt: async (_draft, options) => {
          lookUps.push(options.lookUpFirst);
          return attempt();
        },
      },
      logger: silentLogger,
      timing: { baseDelayMs: 1000, maxDelayMs: 8000, pollMs: 50, firstAttemptMs: 500 },
      now: () => clock,
      random: () => 1,
    });
    const deliver = async (conversationId: string, t: TicketRef) => void delivered.push(`${conversationId}:${t.key}`);
    const run = () => outbox.runOnce(deliver);
    return { escalations, outbox, run, delivered, lookUps, advance: (ms: number) => (clock += ms) };
  }

  it('queues on a failed first attempt, backs off exponentially up to the cap, then delivers once', async () => {
    let failures = 5;
    const { escalations, outbox, run, delivered, lookUps, advance } = setup(async () => {
      if (failures-- > 0) throw new AppError('unavailable:mcp');
      return ticket;
    });
    const error = await outbox.submit(draft, { escalationId: 'c1:1', conversationId: 'c1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: TICKET_QUEUED });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = await escalations.get('c1:1');
      delays.push((before?.nextAttemptAt ?? 0) - 1_000_000 - delays.reduce((a, b) => a + b, 0));
      advance(delays.at(-1) ?? 0);
      await run();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(delivered).toEqual([]);
    advance(8000);
    await run();
    await run();
    expect(delivered).toEqual(['c1:IT-1']);
    expect(await escalations.get('c1:1')).toMatchObject({ status: 'created', attempts: 6, delivered: true });
    // Only the first attempt may skip the label search: a later one may follow a lost answer.
    expect(lookUps).toEqual([false, true, true, true, true, true]);
  });

  it('reports configuration failures in its status, not transient ones', async () => {
    const { outbox } = setup(async () => {
      throw new TicketGatewayError(
        'rejected',
        "MCP tool jira_create_issue failed: valid project is required (no project 'NOPE')",
      );
    });
    await outbox.submit(draft, { escalationId: 'c2:1', conversationId: 'c2' }).catch(() => undefined);
    expect(await outbox.status()).toMatchObject({ pending: 1, configError: { escalationId: 'c2:1' } });
    expect((await outbox.status()).configError?.cause).toContain('valid project is required');
  });

  it('tells the caller the ticket directly when the first attempt works, and never delivers it again', async () => {
    const { outbox, run, delivered } = setup(async () => ticket);
    await expect(outbox.submit(draft, { escalationId: 'c3:1', conversationId: 'c3' })).resolves.toEqual(ticket);
    await run();
    expect(delivered).toEqual([]);
  });

  it('counts refused credentials and rejected requests as configuration, outages and lost answers as transient', () => {
    const failure = (code: TicketFailureCode) => classifyFailure(new TicketGatewayError(code, `${code} happened`));
    expect(failure('auth')).toEqual({ kind: 'config', cause: 'auth happened' });
    expect(failure('rejected')).toEqual({ kind: 'config', cause: 'rejected happened' });
    expect(failure('transient')).toEqual({ kind: 'transient', cause: 'transient happened' });
    expect(failure('unknown-outcome')).toEqual({ kind: 'transient', cause: 'unknown-outcome happened' });
    // Anything that is not a ticket-system failure is retried quietly, as an outage would be.
    expect(classifyFailure(new AppError('unavailable:mcp'))).toEqual({ kind: 'transient', cause: 'unavailable:mcp' });
    expect(classifyFailure(new Error('socket hang up')).kind).toBe('transient');
  });
});
