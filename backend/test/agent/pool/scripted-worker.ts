/**
 * A worker for the pool's own tests: the real worker side (remotePorts, serveAgent) around a
 * scripted agent whose turns exercise the ports. What the employee "says" picks the behaviour:
 * `transcript` reads the transcript through the pool, `ticket` creates a ticket, `lookup` looks up
 * open tickets with a signal that aborts after 50 ms, `crash` ends the worker mid-turn, `refuse`
 * throws an AppError; anything else is echoed with the worker's thread id.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { remotePorts, serveAgent } from '../../../src/agent/pool/worker-host.js';
import { AppError } from '../../../src/shared/errors.js';
import type { AgentReply, AgentTurn, SupportAgent } from '../../../src/chat/ports.js';

const port = parentPort;
if (!port) throw new Error('scripted-worker runs as a worker thread');
const remote = remotePorts(port);

async function reply(turn: AgentTurn): Promise<AgentReply> {
  switch (turn.text) {
    case 'transcript': {
      const entries = await remote.transcripts.transcript(turn.conversationId);
      return { text: entries.map((e) => e.text).join(' | ') };
    }
    case 'ticket': {
      const draft = { summary: 'VPN drops', description: 'It drops.', category: 'network' as const };
      const ticket = await remote.tickets.create(draft, { escalationId: 'e1', conversationId: turn.conversationId });
      return { text: `created ${ticket.key}`, ticket };
    }
    case 'lookup': {
      const signal = AbortSignal.timeout(50);
      const found = await remote.tickets.findOpen('aiko', 'network', { signal }).catch((e: Error) => e.name);
      return { text: `lookup: ${String(found)}` };
    }
    case 'crash':
      process.exit(3);
      break;
    case 'refuse':
      throw new AppError('bad_request:scripted', 'You said refuse.');
  }
  return { text: `echo ${turn.text} from ${threadId}` };
}

const agent: SupportAgent = {
  reply,
  ticketCreated: async (_conversationId, ticket) => ({ text: `learned ${ticket.key}` }),
  close: async () => undefined,
};
serveAgent(port, agent, remote, async () => {
  setImmediate(() => process.exit(0));
});
port.postMessage({ kind: 'ready' });
