/**
 * Back-pressure (issue 11): at most `limit` agent turns run at once across all conversations; the
 * rest wait in arrival order. Under a flood of turns the ones running keep the CPU, the MCP server
 * and the model to themselves, so their look-ups and ticket attempts finish inside their
 * time limits, and every waiting turn gets slower evenly instead of some of them failing. The
 * employee whose turn waits is told (`typing` with `queued: true`).
 */
export interface TurnLimiter {
  /**
   * Resolves with the function that frees the slot once a slot is free; `onQueued` runs first
   * when the turn has to wait for one.
   */
  enter(onQueued: () => void): Promise<() => void>;
  readonly running: number;
  readonly waiting: number;
}

export function createTurnLimiter(limit: number): TurnLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`turn limit must be a positive integer, got ${limit}`);
  let running = 0;
  const queue: (() => void)[] = [];
  const slot = (): (() => void) => {
    let isFreed = false;
    return () => {
      if (isFreed) return;
      isFreed = true;
      // The slot passes straight to the oldest waiting turn; `running` stays the same.
      const next = queue.shift();
      if (next) next();
      else running -= 1;
    };
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
    enter(onQueued) {
      if (running < limit) {
        running += 1;
        return Promise.resolve(slot());
      }
      onQueued();
      return new Promise((resolve) => queue.push(() => resolve(slot())));
    },
  };
}
