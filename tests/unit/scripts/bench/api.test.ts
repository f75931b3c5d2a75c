import { describe, expect, it } from 'vitest';
import { blockRates } from '../../../../scripts/bench/api.ts';

describe('blockRates', () => {
  it('gives the requests per second of each block of consecutive one-at-a-time requests', () => {
    // 100 ms, 100 ms | 50 ms, 50 ms | 250 ms: 10, 20 and 4 requests a second
    expect(blockRates([100, 100, 50, 50, 250], 3)).toEqual([10, 20, 4]);
  });

  it('keeps the order the requests were sent in (a slow stretch stays in its own block)', () => {
    expect(blockRates([10, 10, 1000, 1000], 2)).toEqual([100, 1]);
  });

  it('gives no block for no requests', () => {
    expect(blockRates([], 3)).toEqual([]);
  });
});
