/**
 * The corpus filter (CorpusFilter in server/contract/api.ts) as queries apply it: one place
 * resolves `report`, `region` and `congress` to the ids of the reports in scope, and gives
 * the Cypher predicates every query uses, so every view and endpoint reads the same scope.
 *
 * What counts as "in scope": a node or relationship some report in scope brought (the
 * loader's `_reports` bookkeeping); a paragraph or recommendation of such a report; and for
 * what several reports share (a co-occurrence count, a Document's `listedIn`), the fold of
 * the in-scope reports' own contributions only (the loader's `_contrib`), so a count under a
 * filter is the count those reports give.
 */
import type { Driver } from 'neo4j-driver';
import type { CorpusFilter } from '../../contract/api.ts';
import type { Json } from '../../contract/graph.ts';
import { CONTRIB_KEY, REPORTS_KEY, contributionsOf, foldContributions, type Contributions } from '../load/contributions.ts';
import type { MergeKind } from '../../ingest/mergeRules.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { propertiesToJson } from './values.ts';

/** The reports in scope: their ids, or null for the whole corpus (no filter given). */
export interface Scope {
  reports: string[] | null;
}

export const WHOLE_CORPUS: Scope = { reports: null };

/** True when the filter restricts nothing. */
export function isUnfiltered(filter: Partial<CorpusFilter> | undefined): boolean {
  return !filter || (!filter.report?.length && !filter.region?.length && !filter.congress?.length);
}

/**
 * The reports a filter keeps, in id order (an unknown report id or region keeps nothing of
 * itself: the scope is what matches, possibly empty). No filter: the whole corpus (null).
 */
export async function resolveScope(driver: Driver, filter: Partial<CorpusFilter> | undefined, options: ReadOptions = {}): Promise<Scope> {
  if (isUnfiltered(filter)) return WHOLE_CORPUS;
  const { records } = await readQuery(
    driver,
    `MATCH (r:Report) WHERE r.${REPORTS_KEY} IS NOT NULL
       AND ($ids IS NULL OR r.id IN $ids)
       AND ($regions IS NULL OR r.region_code IN $regions)
       AND ($congresses IS NULL OR r.congress IN $congresses)
     RETURN r.id AS id ORDER BY id`,
    {
      ids: filter?.report?.length ? filter.report : null,
      regions: filter?.region?.length ? filter.region : null,
      congresses: filter?.congress?.length ? filter.congress : null,
    },
    options,
  );
  return { reports: records.map((r) => String(r.get('id'))) };
}

/** Cypher: `variable` (a node or relationship) was brought by a report in scope (`$reports`, null for all). */
export function inScope(variable: string): string {
  return `($reports IS NULL OR any(x IN ${variable}.${REPORTS_KEY} WHERE x IN $reports))`;
}

/** Cypher: a paragraph's or recommendation's report (its `report` property) is in scope. */
export function unitInScope(variable: string): string {
  return `($reports IS NULL OR ${variable}.report IN $reports)`;
}

/**
 * A node's or relationship's properties as the scope sees them (bookkeeping left out): what
 * several reports share is folded again from the in-scope reports' contributions only.
 * `kind` is 'node' or the relationship type (the fold's rules differ: CO_OCCURS adds counts).
 */
export function scopedProperties(kind: string, raw: Record<string, unknown>, scope: Scope): Record<string, Json> {
  if (scope.reports === null || typeof raw[CONTRIB_KEY] !== 'string') return propertiesToJson(raw);
  const all: Contributions = contributionsOf(raw);
  const keep = all.reports.filter((r) => scope.reports!.includes(r));
  if (keep.length === all.reports.length || keep.length === 0) return propertiesToJson(raw);
  return propertiesToJson(foldContributions(kind as MergeKind, { reports: keep, byReport: all.byReport }) as Record<string, unknown>);
}
