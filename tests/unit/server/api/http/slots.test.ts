import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../server/contract/errors.ts';
import { boundedSlots } from '../../../../../server/api/http/slots.ts';

/** A promise and the function that settles it, to hold a call in its slot. */
function deferred(): { promise: Promise<string>; resolve: (v: string) => void; reject: (e: Error) => void } {
  let resolve!: (v: string) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const options = { concurrency: 2, queue: 1, code: 'graph_busy', message: 'Too many graphs are being built; try again shortly.', retryAfterS: 2 };

describe('boundedSlots', () => {
  it('runs up to `concurrency` calls at once, queues `queue` more and refuses the next with a 503 and Retry-After, running nothing of it', async () => {
    const slots = boundedSlots(options);
    const held = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const calls = held.map((d, i) => slots.run(() => (started.push(i), d.promise)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([slots.active, slots.waiting]).toEqual([2, 1]);

    let ranRefused = false;
    const refused = await slots.run(async () => ((ranRefused = true), 'x')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 503, code: 'graph_busy', headers: { 'Retry-After': '2' }, details: { running: 2, waiting: 1 } });
    expect(ranRefused).toBe(false);

    held[0]!.resolve('a');
    await expect(calls[0]).resolves.toBe('a');
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]); // the freed slot went to the one waiting
    expect([slots.active, slots.waiting]).toEqual([2, 0]);
    held[1]!.reject(new Error('database gone'));
    await expect(calls[1]).rejects.toThrow('database gone'); // a failed call frees its slot too
    held[2]!.resolve('c');
    await expect(calls[2]).resolves.toBe('c');
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
    await expect(slots.run(async () => 'again')).resolves.toBe('again');
  });

  it('with no queue, refuses as soon as every slot is taken', async () => {
    const slots = boundedSlots({ ...options, concurrency: 1, queue: 0 });
    const d = deferred();
    const first = slots.run(() => d.promise);
    await expect(slots.run(async () => 'second')).rejects.toMatchObject({ status: 503 });
    d.resolve('first');
    await expect(first).resolves.toBe('first');
  });

  it('rejects settings that cannot work', () => {
    expect(() => boundedSlots({ ...options, concurrency: 0 })).toThrow(RangeError);
    expect(() => boundedSlots({ ...options, queue: -1 })).toThrow(RangeError);
    expect(() => boundedSlots({ ...options, queue: 1.5 })).toThrow(RangeError);
  });
});
