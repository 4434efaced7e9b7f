/** A ToolClient that answers each tool from a script and records every call, for adapter tests. */
import type { ToolClient } from '../../src/mcp/ports.js';

export interface ScriptedToolClient extends ToolClient {
  calls: { name: string; args: Record<string, unknown> }[];
}

export function createScriptedToolClient(
  answer: (name: string, args: Record<string, unknown>) => unknown,
): ScriptedToolClient {
  const calls: ScriptedToolClient['calls'] = [];
  return {
    calls,
    async callTool(name, args) {
      calls.push({ name, args });
      return answer(name, args);
    },
    listTools: async () => [],
    close: async () => undefined,
  };
}
