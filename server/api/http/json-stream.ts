/**
 * Writing a large JSON answer as a stream (GET /api/graph): pieces are batched and
 * handed to the response as the socket takes them (backpressure: when `res.write`
 * returns false, the next batch waits for 'drain': backpressure.ts), through the compression
 * middleware when the client asked for it. The answer is never one string, and at
 * most about one batch plus the socket's buffer is held per client.
 */
import type { Response } from 'express';
import { backpressuredWriter } from './backpressure.ts';

/** What became of a streamed answer: sent in full, or its client went away first. */
export type StreamOutcome = 'sent' | 'gone';

export interface JsonStreamOptions {
  /** Characters per write (default 64 Ki): fewer, larger writes; at most about this much is held beyond the socket's buffer. */
  batchChars?: number;
}

/**
 * Send `pieces` (jsonChunks) as a 200 `application/json; charset=utf-8` answer, chunked,
 * with no ETag or Content-Length (neither is known before the last byte). Resolves
 * 'sent' once the last batch is handed to the response, 'gone' as soon as the client
 * has disconnected (the rest of `pieces` is never computed).
 *
 * Errors: one thrown by `pieces` before the first batch is complete is rethrown with
 * nothing written, so the caller's usual JSON error answers it; one thrown later is
 * rethrown after the connection is destroyed, so that a client sees a broken answer,
 * never a truncated one that parses.
 */
export async function writeJsonStream(res: Response, pieces: Iterable<string>, options: JsonStreamOptions = {}): Promise<StreamOutcome> {
  const batchChars = options.batchChars ?? 64 * 1024;
  const iterator = pieces[Symbol.iterator]();
  let next = iterator.next();
  const batch = (): string => {
    let out = '';
    while (!next.done && out.length < batchChars) {
      out += next.value;
      next = iterator.next();
    }
    return out;
  };
  let chunk = batch(); // before any header: an error here is still an ordinary error answer
  if (res.destroyed) return 'gone';
  res.status(200);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const writer = backpressuredWriter(res);
  try {
    for (;;) {
      if (writer.gone) return 'gone';
      if (next.done) {
        res.end(chunk);
        return 'sent';
      }
      if (!(await writer.write(chunk))) return 'gone';
      chunk = batch();
    }
  } catch (error) {
    res.destroy();
    throw error;
  }
}
