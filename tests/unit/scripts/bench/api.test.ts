import { describe, expect, it } from 'vitest';
import { blockRates, comparisonOf, type SideRuns } from '../../../../scripts/bench/api.ts';

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

describe('comparisonOf', () => {
  const side = (slices: number[], latencies: number[] = [1, 2, 3]): SideRuns => ({ slices, latencies, errors: 0 });

  it('divides the medians of the slices: product ÷ reference, and with a floor, floor ÷ reference and product ÷ floor', () => {
    // medians: product 80, reference 100, floor 90
    const c = comparisonOf(50, side([70, 80, 95]), side([100, 120, 90]), side([90, 85, 99]));
    expect(c.ratio).toBe(0.8);
    expect(c.floor?.ratio).toBe(0.9);
    expect(c.floor?.product_ratio).toBe(0.89);
    expect(c.floor?.rps).toBe(90);
  });

  it('gives the floor’s latencies and errors beside its throughput, and no floor when none was measured', () => {
    const c = comparisonOf(1, side([10]), side([20]), { slices: [15], latencies: [4, 1, 3, 2], errors: 2 });
    expect(c.floor).toMatchObject({ p50_ms: 2, p95_ms: 4, errors: 2 });
    expect(comparisonOf(1, side([10]), side([20])).floor).toBeUndefined();
  });

  it('gives the floor’s mean hop and the ceiling it leaves: the direct calls’ mean time over that plus the hop', () => {
    // direct calls 3, 4 and 5 ms (mean 4); 1 ms outside the floor's handler on average: at best 4 / 5
    const floor: SideRuns = { slices: [150], latencies: [5, 6, 7], errors: 0, hops: [0.5, 1, 1.5] };
    const c = comparisonOf(1, side([100]), side([250], [3, 4, 5]), floor);
    expect(c.floor?.hop_ms).toBe(1);
    expect(c.floor?.ceiling).toBe(0.8);
  });

  it('gives no hop or ceiling when the floor did not say its time (as at 50 connections)', () => {
    const c = comparisonOf(50, side([100]), side([250]), side([150]));
    expect(c.floor).toBeDefined();
    expect(c.floor).not.toHaveProperty('hop_ms');
    expect(c.floor).not.toHaveProperty('ceiling');
    expect(comparisonOf(1, side([100]), side([250]), { ...side([150]), hops: [] }).floor).not.toHaveProperty('ceiling');
  });
});
