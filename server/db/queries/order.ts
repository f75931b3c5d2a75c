/**
 * Natural order for labels and ids ("24(c)" before "100", "para:2" before
 * "para:10"): ICU collation in English with numeric ordering, through one
 * Intl.Collator made once. `a.localeCompare(b, 'en', { numeric: true })` gives the
 * same order but builds a collator on every call, which made sorting a hub's
 * relationships in node details cost more than its query.
 */
const NATURAL = new Intl.Collator('en', { numeric: true });

/** Negative, zero or positive as `a` sorts before, with or after `b` in natural order. */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
