/**
 * Long work done in slices: anything that grows with what people send (listings, grouping) runs a
 * slice, then lets waiting requests and turns run before the next one, so no slice holds the event
 * loop for longer than SLICE_MS.
 */

/** Well under the 50 ms a piece of work may hold the event loop. */
export const SLICE_MS = 5;

/** Resolves after the I/O and timers already waiting have run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Calls `work` on each item, yielding whenever a slice has run SLICE_MS. */
export async function inSlices<T>(items: Iterable<T>, work: (item: T) => void): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

/**
 * Work written as steps (a generator whose every `yield` is a point where it may pause), run to its
 * end at once: for start-up, where nothing is waiting to be answered yet.
 */
export function runToEnd<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same work, yielding to the event loop whenever a slice has run SLICE_MS: for work while the bot answers. */
export async function runInSlices<R>(steps: Generator<void, R>): Promise<R> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
