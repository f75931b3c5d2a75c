import type { PathResponse } from '../../../server/contract/api.ts';

/** One step of a path: from one node to the next, over a relationship that may point either way. */
export interface PathStep {
  from: string;
  to: string;
  /** The relationship's id (the edge's key in the viewer's graph) and type. */
  relationship: string;
  type: string;
  /** True when the relationship is stored from `from` to `to`; false when the step goes against it. */
  forward: boolean;
}

export type PathAlternative = PathResponse['alternatives'][number];

/**
 * The steps of a path as the API gives it (nodes in order, and each step's
 * relationship with its stored start and end): shortest paths follow
 * relationships either way, so each step says which way its relationship runs
 * (¶13 —PART_OF→ theme is read "theme ← part of ¶13" on a path from the theme).
 */
export function pathSteps(alternative: PathAlternative): PathStep[] {
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < alternative.path.length; i++) {
    const from = alternative.path[i]!.id;
    const to = alternative.path[i + 1]!.id;
    const rel = alternative.relationships[i];
    if (!rel) break;
    steps.push({ from, to, relationship: rel.id, type: rel.type, forward: rel.start === from });
  }
  return steps;
}

/** The relationship types a search may use when the reader leaves some out: every known type but those (none left out: no restriction). */
export function typesWithout(all: readonly string[], skipped: readonly string[]): string[] {
  if (skipped.length === 0) return [];
  return all.filter((t) => !skipped.includes(t));
}
