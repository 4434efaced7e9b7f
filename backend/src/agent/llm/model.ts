/**
 * The one place that talks to an OpenAI-compatible chat model. Two calls: `extract` (structured
 * output by function calling, never streamed) and `write` (a reply streamed token by token into
 * the graph's `messages` stream). Both throw on any failure — timeout, HTTP error, rate limit,
 * refused connection, output that does not match the schema — so each node can fall back to
 * the offline engine for that turn.
 */
import type { BaseMessageLike } from '@langchain/core/messages';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
import type { z } from 'zod';

export interface LlmSettings {
  apiKey: string;
  baseUrl: string | undefined;
  model: string;
  /** Budget for one structured call, and the longest silence inside a streamed reply. */
  timeoutMs: number;
  maxRetries?: number;
}

/** A streamed reply failed; `partial` is the text that had already been streamed. */
export class ModelReplyError extends Error {
  constructor(
    readonly partial: string,
    cause: unknown,
  ) {
    super('the model reply failed', { cause });
    this.name = 'ModelReplyError';
  }
}

export interface LlmClient {
  extract<T extends Record<string, unknown>>(
    schema: z.ZodType<T>,
    name: string,
    messages: BaseMessageLike[],
    config?: LangGraphRunnableConfig,
  ): Promise<T>;
  /** Streams a reply (the graph's `messages` stream sees each token) and returns its full text. */
  write(messages: BaseMessageLike[], config?: LangGraphRunnableConfig): Promise<string>;
}

interface StructuredRunnable {
  invoke(messages: BaseMessageLike[], options: LangGraphRunnableConfig): Promise<unknown>;
}

export function createLlmClient(settings: LlmSettings): LlmClient {
  const timeoutMs = settings.timeoutMs;
  const fields = {
    apiKey: settings.apiKey,
    model: settings.model,
    timeout: timeoutMs,
    // The default is 6 retries with backoff: far too long for a chat turn with a fallback.
    maxRetries: settings.maxRetries ?? 1,
    // Some compatible servers reject `stream_options`.
    streamUsage: false,
    // Not `streaming: true`: with no network it fetches tiktoken data for minutes. The graph's
    // `messages` stream mode makes `.stream()` stream anyway.
    ...(settings.baseUrl ? { configuration: { baseURL: settings.baseUrl } } : {}),
  };
  const writer = new ChatOpenAI(fields);
  // Structured calls never stream, so no half-made JSON reaches the token stream or the parser.
  const extractor = new ChatOpenAI({ ...fields, disableStreaming: true });

  // One structured runnable per schema (three, each always called under one name), not one per turn.
  const structured = new WeakMap<z.ZodType, StructuredRunnable>();
  const structuredFor = (schema: z.ZodType<Record<string, unknown>>, name: string): StructuredRunnable => {
    let runnable = structured.get(schema);
    if (!runnable) {
      runnable = extractor.withStructuredOutput(schema, { name, method: 'functionCalling' });
      structured.set(schema, runnable);
    }
    return runnable;
  };

  return {
    async extract(schema, name, messages, config) {
      const runnable = structuredFor(schema, name);
      const signal = anySignal(config?.signal, AbortSignal.timeout(timeoutMs));
      // `nostream` keeps this call out of the graph's token stream.
      const output: unknown = await runnable.invoke(messages, {
        ...config,
        tags: [...(config?.tags ?? []), 'nostream'],
        signal,
      });
      return schema.parse(output);
    },

    async write(messages, config) {
      // The SDK's timeout ends at the response headers; a stream that stalls later is ended by
      // this idle timer instead.
      const idle = new AbortController();
      let timer = setTimeout(() => idle.abort(new Error('the model stopped streaming')), timeoutMs);
      let text = '';
      try {
        const stream = await writer.stream(messages, { ...config, signal: anySignal(config?.signal, idle.signal) });
        for await (const chunk of stream) {
          if (typeof chunk.content === 'string') text += chunk.content;
          clearTimeout(timer);
          timer = setTimeout(() => idle.abort(new Error('the model stopped streaming')), timeoutMs);
        }
      } catch (error) {
        throw new ModelReplyError(text, error);
      } finally {
        clearTimeout(timer);
      }
      if (text.trim() === '') throw new ModelReplyError(text, new Error('the model returned an empty reply'));
      return text;
    },
  };
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal {
  return AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
}
