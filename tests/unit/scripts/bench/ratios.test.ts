import { describe, expect, it } from 'vitest';
import { inTurn, median, mirroredOrder, ratio, ratioMet, ratiosObject, RATIO_KEYS } from '../../../../scripts/bench/ratios.ts';

describe('the benchmark’s ratios', () => {
  it('take the median of alternating runs (odd and even counts, any order)', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('divide product by reference, and give null when either is missing or the reference is not positive', () => {
    expect(ratio(130, 100)).toBe(1.3);
    expect(ratio(2, 3)).toBe(0.67);
    expect(ratio(null, 100)).toBeNull();
    expect(ratio(100, 0)).toBeNull();
    expect(ratio(100, Number.NaN)).toBeNull();
  });

  it('judge time ratios lower-is-better and throughput ratios higher-is-better', () => {
    expect(ratioMet('viewer_first_frame', 1.3)).toBe(true);
    expect(ratioMet('viewer_first_frame', 1.31)).toBe(false);
    expect(ratioMet('viewer_hover', 1.5)).toBe(true);
    expect(ratioMet('load', 0.95)).toBe(true);
    expect(ratioMet('load', 0.94)).toBe(false);
    expect(ratioMet('api_node_50', 0.9)).toBe(true);
    expect(ratioMet('api_node_50', 0.8)).toBe(false);
    expect(ratioMet('api_search_1', null)).toBeUndefined();
  });

  it('hold every key the issue names, null where not measured', () => {
    const r = ratiosObject({ load: 0.97 });
    expect(Object.keys(r).sort()).toEqual(
      [
        'viewer_first_frame',
        'viewer_frame',
        'viewer_hover',
        'load',
        'api_search_1',
        'api_search_50',
        'api_node_1',
        'api_node_50',
        'api_neighbors_1',
        'api_neighbors_50',
      ].sort(),
    );
    expect(RATIO_KEYS).toHaveLength(10);
    expect(r.load).toBe(0.97);
    expect(r.viewer_frame).toBeNull();
  });
});

describe('inTurn', () => {
  it('runs the two sides in alternating order, one round after the other: A B, B A, A B, B A', async () => {
    const order: string[] = [];
    for (let round = 0; round < 4; round++)
      await inTurn(
        round,
        async () => void order.push('A'),
        async () => void order.push('B'),
      );
    expect(order.join('')).toBe('ABBAABBA');
  });

  it('rotates three sides, each round starting one further on, so each takes each place once in three rounds', async () => {
    const order: string[] = [];
    const side = (name: string) => async (): Promise<void> => void order.push(name);
    for (let round = 0; round < 3; round++) await inTurn(round, side('A'), side('B'), side('C'));
    expect(order.join('')).toBe('ABCBCACAB');
  });
});

describe('mirroredOrder', () => {
  it('puts the runs in mirrored pairs, ending with the product', () => {
    expect(mirroredOrder(4)).toEqual(['product', 'reference', 'reference', 'product', 'product', 'reference', 'reference', 'product']);
    expect(mirroredOrder(3)).toEqual(['reference', 'product', 'product', 'reference', 'reference', 'product']);
    expect(mirroredOrder(1)).toEqual(['reference', 'product']);
  });

  it.each([2, 4, 6])('leaves the medians of %i runs each unmoved by a steady drift over the runs', (runs) => {
    // Every load 2 s faster than the one before (the same job on both sides): the medians must agree.
    const times = { product: [] as number[], reference: [] as number[] };
    mirroredOrder(runs).forEach((side, place) => times[side].push(60 - 2 * place));
    expect(times.product).toHaveLength(runs);
    expect(median(times.product)).toBe(median(times.reference));
  });

  it('refuses a number of runs that is not a positive whole number', () => {
    for (const runs of [0, -2, 1.5, Number.NaN]) expect(() => mirroredOrder(runs)).toThrow(RangeError);
  });
});
