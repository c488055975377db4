/**
 * Answers with a list too long to build in one piece (one record per person, say): the status and
 * headers first, then each page as it is read, waiting for the connection to take it, so neither
 * the event loop nor the heap holds the whole list, and a slow reader holds one page, not all.
 */
import type { Response } from 'restify';
import { once } from 'node:events';

export interface StreamedList<T> {
  readonly headers: Record<string, string>;
  /** Written before the first page (a JSON array's `[`, a CSV header row). */
  readonly start: string;
  readonly pages: AsyncIterable<readonly T[]>;
  /** One page as text; `first` says nothing has been written of the list yet. */
  readonly page: (items: readonly T[], first: boolean) => string;
  readonly end: string;
}

/**
 * An error once the headers are out can only cut the answer short: the connection is destroyed, so
 * the caller sees a broken answer rather than a complete-looking part of one; the error is thrown on.
 */
export async function sendStreamed<T>(res: Response, list: StreamedList<T>): Promise<void> {
  res.writeHead(200, list.headers);
  try {
    await write(res, list.start);
    let first = true;
    for await (const items of list.pages) {
      if (items.length === 0) continue;
      // The caller went away: nothing more to read for it.
      if (!(await write(res, list.page(items, first)))) return;
      first = false;
    }
    res.end(list.end);
  } catch (err) {
    res.destroy();
    throw err;
  }
}

/** False when the connection has closed; otherwise resolves once the connection can take more. */
async function write(res: Response, text: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(text)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}
