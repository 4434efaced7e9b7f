/**
 * What a clean shutdown (SIGTERM → `close()`) does with a turn that is still running: the widgets
 * are dropped so that they reconnect by themselves, new connections are refused, and the turn
 * finishes — its ticket made through this server's own local desk — before the server stops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OPENER, script } from '../agent/llm/llm-harness.js';
import { startScriptedOpenAi, type ScriptedOpenAi } from '../support/scripted-openai.js';
import { connect, isOffer, say, startTestServer, type ClientSocket } from '../support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let model: ScriptedOpenAi | undefined;
const sockets: ClientSocket[] = [];

afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await server?.close();
  await model?.close();
});

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a clean shutdown', () => {
  it('finishes a running confirmation, ticket included, while the widget is sent to reconnect', async () => {
    let letModelAnswer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (letModelAnswer = resolve));
    model = await startScriptedOpenAi(script({ confirmation: { json: { intent: 'confirm' }, until: held } }));
    const llm = { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.url };
    const running = await startTestServer(undefined, llm);
    server = running;
    const { socket, session } = await connect(running.url);
    sockets.push(socket);
    await say(socket, OPENER);
    expect(isOffer(await say(socket, 'create a ticket'))).toBe(true);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const ack = await socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
    expect(ack.ok).toBe(true);
    await until('the model being asked to read the answer', () =>
      model!.requests.some((r) => r.name === 'record_confirmation'),
    );
    const closing = running.close();
    // Dropped, not told to disconnect: socket.io clients reconnect after a transport close.
    expect(await dropped).toBe('transport close');
    const refused = await connect(running.url).then(
      (opened) => void opened.socket.close(),
      (error: Error & { data?: unknown }) => error,
    );
    // Refused before the handshake: no coded rejection, which the widget would wait out.
    expect(refused).toBeInstanceOf(Error);
    expect(refused?.data).toBeUndefined();
    letModelAnswer();
    await closing;

    server = await startTestServer(running.dataDir);
    const again = await connect(server.url, { sessionToken: session.sessionToken });
    sockets.push(again.socket);
    const reply = again.session.messages.at(-1);
    expect(reply?.role).toBe('assistant');
    expect(reply?.ticket?.key ?? '', `no ticket in the last reply: ${reply?.text}`).toMatch(/^IT-\d+$/);
    expect(again.session.tickets.map((t) => t.key)).toEqual([reply?.ticket?.key]);
  });
});
