/**
 * The benchmark's verdicts as ratios of the product to its reference measured in the
 * same run (issue 18): time ratios are product ÷ reference, lower is better;
 * throughput ratios product ÷ reference, higher is better. Absolute figures on a
 * shared machine swing by ±50 % from run to run; a ratio of alternating runs holds.
 */

export type RatioKey =
  | 'viewer_first_frame'
  | 'viewer_frame'
  | 'viewer_hover'
  | 'load'
  | 'api_search_1'
  | 'api_search_50'
  | 'api_node_1'
  | 'api_node_50'
  | 'api_neighbors_1'
  | 'api_neighbors_50';

/** The API's keys: search, node details and neighbours at 1 and 50 connections. */
export type ApiRatioKey = Extract<RatioKey, `api_${string}`>;

export interface RatioTarget {
  /** 'lower': a time ratio (met when ≤ target); 'higher': a throughput ratio (met when ≥ target). */
  better: 'lower' | 'higher';
  target: number;
  /** What is divided by what. */
  what: string;
}

/** The targets of issue 18. */
export const RATIO_TARGETS: Record<RatioKey, RatioTarget> = {
  viewer_first_frame: { better: 'lower', target: 1.3, what: 'page opened → first frame with the graph drawn, product ÷ a bare graphology + sigma page' },
  viewer_frame: { better: 'lower', target: 1.3, what: 'one full frame (render → the frame presented), product ÷ bare sigma' },
  viewer_hover: { better: 'lower', target: 1.5, what: 'pointer onto a node → the frame that shows the hover, product ÷ bare sigma' },
  load: { better: 'higher', target: 0.95, what: 'relationships per second, the loader ÷ a minimal UNWIND … CREATE loader in one transaction' },
  api_search_1: { better: 'higher', target: 0.85, what: 'search requests per second at 1 connection, API ÷ the same function called directly' },
  api_search_50: { better: 'higher', target: 0.85, what: 'search at 50 connections' },
  api_node_1: { better: 'higher', target: 0.85, what: 'node details at 1 connection' },
  api_node_50: { better: 'higher', target: 0.85, what: 'node details at 50 connections' },
  api_neighbors_1: { better: 'higher', target: 0.85, what: 'neighbours at 1 connection' },
  api_neighbors_50: { better: 'higher', target: 0.85, what: 'neighbours at 50 connections' },
};

export const RATIO_KEYS = Object.keys(RATIO_TARGETS) as RatioKey[];

/** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** product ÷ reference to two decimals; null when either is missing or the reference is not positive. */
export function ratio(product: number | null | undefined, reference: number | null | undefined): number | null {
  if (product === null || product === undefined || reference === null || reference === undefined) return null;
  if (!Number.isFinite(product) || !Number.isFinite(reference) || reference <= 0) return null;
  return Math.round((product / reference) * 100) / 100;
}

/** Whether a ratio meets its target; undefined when it was not measured. */
export function ratioMet(key: RatioKey, value: number | null | undefined): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  const t = RATIO_TARGETS[key];
  return t.better === 'lower' ? value <= t.target : value >= t.target;
}

/** Every key of the issue, null where the run did not measure it. */
export function ratiosObject(values: Partial<Record<RatioKey, number | null>>): Record<RatioKey, number | null> {
  return Object.fromEntries(RATIO_KEYS.map((k) => [k, values[k] ?? null])) as Record<RatioKey, number | null>;
}

/**
 * One round of an alternating comparison: the sides in turn, each round starting one side
 * further on (two sides: `a b` in even rounds, `b a` in odd ones; three: `a b c`, `b c a`,
 * `c a b`), so that whatever else the machine does falls on every side alike and each side
 * takes each place equally often.
 */
export async function inTurn(round: number, ...sides: Array<() => Promise<void>>): Promise<void> {
  for (let k = 0; k < sides.length; k++) await sides[(round + k) % sides.length]!();
}

/**
 * The order of `runs` runs of each of two sides in mirrored pairs ending with the product
 * (`… product reference, reference product`). With an even number of runs each side's two
 * middle runs sit at the same mean place, so the medians (ratios.ts `median`) are unmoved by
 * a steady drift over the runs (a store filling its files, caches and a JIT warming); with an
 * odd number the reference's middle run comes one place later than the product's. Throws a
 * RangeError unless `runs` is a positive whole number.
 */
export function mirroredOrder(runs: number): Array<'product' | 'reference'> {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive whole number, not ${runs}`);
  const order: Array<'product' | 'reference'> = [];
  // Built from the end: the last pair is (reference, product), the one before it (product, reference), …
  for (let pair = 0; pair < runs; pair++) order.unshift(...(pair % 2 === 0 ? (['reference', 'product'] as const) : (['product', 'reference'] as const)));
  return order;
}
