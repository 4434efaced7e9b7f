/**
 * A scripted OpenAI-compatible server for tests: POST /v1/chat/completions on port 0, so the
 * real `@langchain/openai` client runs end to end. Each request is recorded and answered by the
 * test's `respond` function: JSON or SSE text, a tool call (how `withStructuredOutput` with
 * function calling asks), JSON content (json_schema / json_object), an HTTP error, a hang, a
 * stream that stalls, malformed output, or a JSON answer held back until the test lets it go.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: unknown }[];
  tools?: { type: string; function: { name: string } }[];
  tool_choice?: unknown;
  response_format?: { type: string };
  stream_options?: unknown;
}

export interface RecordedRequest {
  body: ChatRequestBody;
  /** `structured` when the request asks for a tool call or JSON output. */
  kind: 'structured' | 'reply';
  /** The forced function's name for a structured request. */
  name: string | undefined;
  system: string;
  lastUser: string;
  authorization: string | undefined;
}

export type Scripted =
  /** `until`: the answer waits for it, e.g. to keep two turns inside the model at once. */
  | { json: Record<string, unknown>; until?: Promise<void> }
  /** `holdAfter`: streams that many chunks, then waits for `until` before the rest. */
  | { text: string; chunks?: string[]; holdAfter?: number; until?: Promise<void> }
  | { status: number; message?: string }
  | { hang: true }
  | { stallAfter: string[] }
  | { malformed: true };

export interface ScriptedOpenAi {
  /** Base URL including `/v1`, as OPENAI_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  respond: (request: RecordedRequest) => Scripted;
  close(): Promise<void>;
}

/** Word-sized pieces, like a model's tokens. */
export function tokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [text];
}

export async function startScriptedOpenAi(respond: (r: RecordedRequest) => Scripted): Promise<ScriptedOpenAi> {
  const state: ScriptedOpenAi = { url: '', requests: [], respond, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as ChatRequestBody;
      const recorded = record(body, req.headers.authorization);
      state.requests.push(recorded);
      void answer(res, recorded, state.respond(recorded));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

function text(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p: { text?: unknown }) => (typeof p.text === 'string' ? p.text : '')).join('');
  return '';
}

function record(body: ChatRequestBody, authorization: string | undefined): RecordedRequest {
  const messages = body.messages ?? [];
  const structured = (body.tools?.length ?? 0) > 0 || body.response_format !== undefined;
  return {
    body,
    kind: structured ? 'structured' : 'reply',
    name: body.tools?.[0]?.function.name,
    system: messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => text(m.content))
      .join('\n'),
    lastUser: text(messages.filter((m) => m.role === 'user').at(-1)?.content),
    authorization,
  };
}

let sequence = 0;
const base = (body: ChatRequestBody) => ({
  id: `chatcmpl-${++sequence}`,
  created: 1_700_000_000,
  model: body.model ?? 'scripted',
});

function message(request: RecordedRequest, script: { json: Record<string, unknown> } | { text: string }) {
  if ('text' in script) return { message: { role: 'assistant', content: script.text }, finish_reason: 'stop' };
  const args = JSON.stringify(script.json);
  if (request.body.tools?.length) {
    const call = { id: 'call_1', type: 'function', function: { name: request.name ?? 'extract', arguments: args } };
    return { message: { role: 'assistant', content: null, tool_calls: [call] }, finish_reason: 'tool_calls' };
  }
  return { message: { role: 'assistant', content: args }, finish_reason: 'stop' };
}

async function answer(res: http.ServerResponse, request: RecordedRequest, script: Scripted): Promise<void> {
  const { body } = request;
  if ('hang' in script) return;
  if ('json' in script && script.until) await script.until;
  if ('status' in script) {
    const error = { message: script.message ?? `scripted ${script.status}`, type: 'server_error', code: null };
    res.writeHead(script.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
    return;
  }
  if ('malformed' in script) {
    if (request.kind === 'structured' && !body.stream) {
      const reply = message(request, { json: {} });
      const broken = JSON.parse(JSON.stringify(reply)) as {
        message: { content: unknown; tool_calls?: { function: { arguments: string } }[] };
      };
      if (broken.message.tool_calls?.[0]) broken.message.tool_calls[0].function.arguments = '{"intent": "conf';
      else broken.message.content = '{"intent": "conf';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...base(body), object: 'chat.completion', choices: [{ index: 0, ...broken }] }));
      return;
    }
    res.writeHead(200, { 'content-type': body.stream ? 'text/event-stream' : 'application/json' });
    res.end(body.stream ? 'data: {"choices": [{"delta": {"content": "Hel\n\n' : '{"choices": [');
    return;
  }
  if (!body.stream) {
    const done = 'stallAfter' in script ? { text: script.stallAfter.join('') } : script;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ ...base(body), object: 'chat.completion', choices: [{ index: 0, ...message(request, done) }] }),
    );
    return;
  }

  const id = base(body);
  const send = (delta: Record<string, unknown>, finish: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ ...id, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  // The OpenAI client needs the role in the first chunk.
  send({ role: 'assistant', content: '' });
  if ('stallAfter' in script) {
    for (const piece of script.stallAfter) send({ content: piece });
    return;
  }
  if ('json' in script) {
    const done = message(request, script).message;
    if ('tool_calls' in done && done.tool_calls) {
      send({ tool_calls: done.tool_calls.map((c, index) => ({ index, ...c })) });
      send({}, 'tool_calls');
    } else {
      send({ content: done.content }, null);
      send({}, 'stop');
    }
  } else {
    const pieces = script.chunks ?? tokens(script.text);
    for (const [i, piece] of pieces.entries()) {
      if (i === script.holdAfter) await script.until;
      send({ content: piece });
    }
    send({}, 'stop');
  }
  res.end('data: [DONE]\n\n');
}
