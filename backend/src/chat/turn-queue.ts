/**
 * Runs one task at a time per key. LangGraph does not lock a thread, and two resumes at once run
 * the node after an interrupt twice, so every turn of a conversation goes through here.
 */
export interface TurnQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running for `key`. */
  pending(key: string): number;
  /** Resolves when every queued task has settled. */
  drain(): Promise<void>;
}

export function createTurnQueue(): TurnQueue {
  const tails = new Map<string, Promise<unknown>>();
  const counts = new Map<string, number>();
  const settle = (key: string) => {
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  };
  return {
    pending: (key) => counts.get(key) ?? 0,
    run(key, task) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(task, task).finally(() => settle(key));
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
    async drain() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
