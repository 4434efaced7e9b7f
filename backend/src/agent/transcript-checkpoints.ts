/**
 * A checkpoint saver that keeps the transcript out of checkpoints (issue 10, bounded storage).
 * The graph's `transcript` channel is dropped from every checkpoint written and filled from the
 * conversation's stored messages whenever one is read, so a checkpoint's size no longer grows
 * with the conversation and each turn writes about the same number of bytes. Everything else is
 * the wrapped saver's (SQLite embedded, Postgres in production).
 */
import type { RunnableConfig } from '@langchain/core/runnables';
import { BaseCheckpointSaver, type Checkpoint, type CheckpointTuple } from '@langchain/langgraph';
import type { TranscriptSource } from './ports.js';

const CHANNEL = 'transcript';

type Saver = BaseCheckpointSaver;

export class TranscriptOutsideCheckpoints extends BaseCheckpointSaver {
  constructor(
    private readonly inner: BaseCheckpointSaver,
    private readonly source: TranscriptSource,
  ) {
    super(inner.serde);
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const tuple = await this.inner.getTuple(config);
    const threadId = tuple?.config.configurable?.thread_id as unknown;
    if (!tuple || typeof threadId !== 'string') return tuple;
    const transcript = await this.source.transcript(threadId);
    return { ...tuple, checkpoint: withTranscript(tuple.checkpoint, transcript) };
  }

  list(...args: Parameters<Saver['list']>): ReturnType<Saver['list']> {
    return this.inner.list(...args);
  }

  put(...[config, checkpoint, metadata, newVersions]: Parameters<Saver['put']>): ReturnType<Saver['put']> {
    const { [CHANNEL]: _dropped, ...values } = checkpoint.channel_values;
    return this.inner.put(config, { ...checkpoint, channel_values: values }, metadata, newVersions);
  }

  putWrites(...args: Parameters<Saver['putWrites']>): ReturnType<Saver['putWrites']> {
    return this.inner.putWrites(...args);
  }

  deleteThread(threadId: string): Promise<void> {
    return this.inner.deleteThread(threadId);
  }

  override getNextVersion(current: number | undefined): number {
    return this.inner.getNextVersion(current);
  }
}

function withTranscript(checkpoint: Checkpoint, transcript: unknown[]): Checkpoint {
  return { ...checkpoint, channel_values: { ...checkpoint.channel_values, [CHANNEL]: transcript } };
}
