/**
 * The framework phase: runs `children/framework.ts` in a process of its own (nothing else loads
 * it while it measures) and returns its figures.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface FrameworkResult {
  /** CPU per invoke of an empty one-node LangGraph graph, no checkpointer. */
  emptyGraphMs: number;
  /** The same with LangGraph's SQLite checkpointer. */
  emptyGraphSqliteMs: number;
  /** CPU per turn of the product's agent alone over whole escalations (no sockets, stores or MCP). */
  agentTurnMs: number;
}

export async function measureFramework(): Promise<FrameworkResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'children', 'framework.ts')],
    { timeout: 300_000, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as FrameworkResult;
}
