/**
 * Writing a long answer to an HTTP response at the pace its client reads it: when
 * `res.write` returns false (the socket's buffer, or the compression middleware's
 * zlib stream, is full), the next write waits for 'drain'. Used by every streamed
 * answer (json-stream.ts for /api/graph, routes/export.ts for json and csv).
 */
import type { ServerResponse } from 'node:http';

export interface BackpressuredWriter {
  /**
   * Hand `chunk` to the response; resolves once it may take more: true, or false when
   * the client has gone (nothing more should be computed). Never rejects.
   */
  write: (chunk: string) => Promise<boolean>;
  /** The connection closed before the answer was finished (or the response was destroyed). */
  readonly gone: boolean;
}

/**
 * A writer for `res`, made once per answer before its first write. It adds one 'drain'
 * and one 'close' listener for the whole answer, never one per wait: the compression
 * middleware hands 'drain' listeners to its zlib stream, and a once-wrapper (events.once,
 * emitter.once) then removes itself from the response, not from the stream, so a wrapper
 * per wait left a listener behind every time (MaxListenersExceededWarning on a large
 * gzipped answer); a `Promise.race` with `once(res, 'close')` per wait left a 'close'
 * listener per wait too, compressed or not.
 */
export function backpressuredWriter(res: ServerResponse): BackpressuredWriter {
  let closed = false;
  let unfinished = false;
  let wake: (() => void) | null = null;
  const resume = (): void => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  res.on('drain', resume);
  res.once('close', () => {
    closed = true;
    unfinished = !res.writableFinished;
    resume();
  });
  const isGone = (): boolean => unfinished || res.destroyed;
  return {
    get gone() {
      return isGone();
    },
    write: async (chunk: string): Promise<boolean> => {
      if (isGone()) return false;
      if (!res.write(chunk) && !closed) await new Promise<void>((resolve) => (wake = resolve));
      return !isGone();
    },
  };
}
