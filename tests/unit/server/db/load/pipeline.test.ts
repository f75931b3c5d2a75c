import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../../../../server/db/load/pipeline.ts';

/** A batch whose answer the test gives by hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settled = async <T>(p: Promise<T>): Promise<boolean> => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('Pipeline', () => {
  it('lets the next batch be sent while one is in flight, and waits for the oldest once `depth` are', async () => {
    const pipeline = new Pipeline(2);
    const [a, b, c] = [deferred(), deferred(), deferred()];
    // One batch in flight: add answers at once, so the caller can build and send the next.
    const first = pipeline.add(a.promise);
    expect(await settled(first)).toBe(true);
    // A second: add waits for the first.
    const second = pipeline.add(b.promise);
    expect(await settled(second)).toBe(false);
    a.resolve();
    expect(await settled(second)).toBe(true);
    const third = pipeline.add(c.promise);
    expect(await settled(third)).toBe(false);
    b.resolve();
    await third;
    const drained = pipeline.drain();
    expect(await settled(drained)).toBe(false);
    c.resolve();
    await drained;
  });

  it('depth 1 waits for each batch before the next is sent', async () => {
    const pipeline = new Pipeline(1);
    const a = deferred();
    const added = pipeline.add(a.promise);
    expect(await settled(added)).toBe(false);
    a.resolve();
    await added;
  });

  it("fails with the oldest failure, and a later batch's failure (the same transaction's) is not left unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pipeline = new Pipeline(3);
      const [a, b] = [deferred(), deferred()];
      await pipeline.add(a.promise);
      await pipeline.add(b.promise); // two in flight, below depth 3
      b.reject(new Error('second failed too'));
      a.reject(new Error('first failed'));
      await expect(pipeline.drain()).rejects.toThrow('first failed');
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('add rejects when the batch it waits for failed', async () => {
    const pipeline = new Pipeline(2);
    const a = deferred();
    await pipeline.add(a.promise);
    const next = pipeline.add(Promise.resolve());
    a.reject(new Error('nodes: created 4 of 5'));
    await expect(next).rejects.toThrow('created 4 of 5');
  });

  it('refuses a depth that is not a whole number ≥ 1', () => {
    expect(() => new Pipeline(0)).toThrow(RangeError);
    expect(() => new Pipeline(1.5)).toThrow(RangeError);
  });
});
