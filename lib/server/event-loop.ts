/**
 * Long work on the request thread (reading and checking a 20 MB import, building a large answer) gives the event
 * loop a turn between bounded steps, so other requests wait for one step, not for the whole job.
 * A resolved promise is not enough: its continuation runs before any I/O, hence `setImmediate`.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The items in batches of `size`, with a turn of the event loop before every batch after the first. */
export async function* inTurns<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await yieldToEventLoop();
    yield items.slice(i, i + size);
  }
}
