import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedOpenAi, tokens, type ScriptedOpenAi } from '../../support/scripted-openai.js';
import { connect, say, startTestServer, type ClientSocket } from '../../support/test-server.js';
import { MODEL_REPLY, OPENER, script } from './llm-harness.js';

describe('LLM mode through the real server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let model: ScriptedOpenAi | undefined;
  const sockets: ClientSocket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server?.close();
    await model?.close();
  });

  it('sends message:delta events while the model streams, joining to the complete message', async () => {
    let firstDeltaSeen: () => void = () => undefined;
    const until = new Promise<void>((resolve) => (firstDeltaSeen = resolve));
    // The model holds the rest of its reply until the widget has seen a delta: the deltas must
    // be live model tokens, not pieces of a finished reply.
    model = await startScriptedOpenAi(script({ reply: { text: MODEL_REPLY, holdAfter: 3, until } }));
    server = await startTestServer(undefined, { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.url });
    const { socket } = await connect(server.url);
    sockets.push(socket);

    const events: { kind: 'delta' | 'message'; id: string; text: string }[] = [];
    socket.on('message:delta', (d) => {
      events.push({ kind: 'delta', id: d.id, text: d.delta });
      firstDeltaSeen();
    });
    socket.on('message', (m) => {
      if (m.role === 'assistant') events.push({ kind: 'message', id: m.id, text: m.text });
    });

    const reply = await say(socket, OPENER);
    expect(reply.text).toBe(MODEL_REPLY);
    const deltas = events.filter((e) => e.kind === 'delta');
    expect(deltas.map((d) => d.text)).toEqual(tokens(MODEL_REPLY));
    expect(deltas.every((d) => d.id === reply.id)).toBe(true);
    expect(events.at(-1)).toEqual({ kind: 'message', id: reply.id, text: MODEL_REPLY });
    expect(deltas.map((d) => d.text).join('')).toBe(reply.text);
    expect(model.requests.find((r) => r.kind === 'reply')?.authorization).toBe('Bearer test-key');
  });
});
