/**
 * The loader's bookkeeping, which merges what one report brings into what other
 * reports already put in the database, by the rules ingest's mergeGraphs follows
 * (mergeRules.ts).
 *
 * Every node and relationship the loader writes carries `_reports`, the ids of the
 * reports that contributed it, in the order they were first loaded. A node two or
 * more reports share also carries `_contrib`: JSON giving each report's own
 * properties, so that replacing or removing one report recomputes the node
 * exactly from the others. Reports mostly say the same of an entity (a State
 * reads alike in every Chinese report), so `_contrib` holds each distinct set
 * once, `{sets: [...], of: [i, …]}` with `of` in `_reports` order: a State in 200
 * reports carries two sets, not 200 (every read of the node ships it). Properties
 * starting with `_` are the loader's, not the model's: exports leave them out.
 */
import type { Properties } from '../../contract/model.ts';
import { mergeProperties, type MergeKind } from '../../ingest/mergeRules.ts';
import { fromDbProperties, toDbProperties, type DbProperties } from './properties.ts';

export const REPORTS_KEY = '_reports';
export const CONTRIB_KEY = '_contrib';

/** Who contributed a node or shared relationship, in load order, and what each one said. */
export interface Contributions {
  reports: string[];
  byReport: Record<string, Properties>;
}

export const NO_CONTRIBUTIONS: Contributions = { reports: [], byReport: {} };

/** The contributions behind a node's or relationship's properties as Neo4j holds them. */
export function contributionsOf(db: Record<string, unknown>): Contributions {
  const reports = Array.isArray(db[REPORTS_KEY]) ? (db[REPORTS_KEY] as string[]) : [];
  if (typeof db[CONTRIB_KEY] === 'string') return { reports, byReport: parseContrib(db[CONTRIB_KEY], reports) };
  // One contributor: the properties are exactly what it brought.
  const own = fromDbProperties(Object.fromEntries(Object.entries(db).filter(([k]) => !k.startsWith('_') && k !== 'id')));
  return { reports, byReport: Object.fromEntries(reports.map((r) => [r, canonical(own)])) };
}

interface StoredContrib {
  sets: Properties[];
  of: number[];
}

/** `_contrib` as stored; also the first form (an object keyed by report) of databases loaded before. */
function parseContrib(text: string, reports: readonly string[]): Record<string, Properties> {
  const parsed = JSON.parse(text) as StoredContrib | Record<string, Properties>;
  if (!Array.isArray(parsed.sets) || !Array.isArray(parsed.of)) return parsed as Record<string, Properties>;
  const { sets, of } = parsed as StoredContrib;
  return Object.fromEntries(reports.map((r, i) => [r, sets[of[i]!] ?? {}]));
}

/** `_contrib` to store: each distinct set once, and which one each report (in `reports` order) said. */
function storedContrib(c: Contributions): string {
  const sets: Properties[] = [];
  const index = new Map<string, number>();
  const of = c.reports.map((r) => {
    const p = c.byReport[r] ?? {};
    const key = JSON.stringify(p); // canonical: keys sorted
    let i = index.get(key);
    if (i === undefined) {
      i = sets.push(p) - 1;
      index.set(key, i);
    }
    return i;
  });
  return JSON.stringify({ sets, of } satisfies StoredContrib);
}

/** A contribution as stored: keys sorted, nulls left out (a missing property counts as null), so equal means equal. */
function canonical(p: Properties): Properties {
  const out: Properties = {};
  for (const key of Object.keys(p).sort()) if (p[key] !== null && p[key] !== undefined) out[key] = p[key]!;
  return out;
}

/** `report`'s properties set: replaced where it was (its place in the order kept), else added last. */
export function withContribution(c: Contributions, report: string, properties: Properties): Contributions {
  return withContributions(c, [[report, properties]]);
}

/**
 * withContribution for each `[report, properties]` in turn, in one pass (linear: a
 * State that 200 reports name is not copied 200 times). `c` is not changed.
 */
export function withContributions(c: Contributions, says: ReadonlyArray<readonly [report: string, properties: Properties]>): Contributions {
  const reports = [...c.reports];
  const seen = new Set(reports);
  const byReport = { ...c.byReport };
  for (const [report, properties] of says) {
    if (!seen.has(report)) {
      seen.add(report);
      reports.push(report);
    }
    byReport[report] = canonical(properties);
  }
  return { reports, byReport };
}

export function withoutContribution(c: Contributions, report: string): Contributions {
  const { [report]: _dropped, ...byReport } = c.byReport;
  return { reports: c.reports.filter((r) => r !== report), byReport };
}

/**
 * The properties: the contributions folded in load order by the merge rules for
 * `kind` ('node' or a relationship type; mergeRules.ts), a missing property
 * counted as null (Neo4j stores none).
 */
export function foldContributions(kind: MergeKind, c: Contributions): Properties {
  let merged: Properties | undefined;
  for (const report of c.reports) {
    const p = c.byReport[report];
    if (p) merged = merged ? mergeProperties(kind, merged, p) : { ...p };
  }
  return merged ?? {};
}

/** What the loader writes (`SET x = …`): the fold and the bookkeeping (`_contrib` once two reports share it). */
export function dbPropertiesOf(kind: MergeKind, c: Contributions): DbProperties {
  const props: DbProperties = { ...toDbProperties(foldContributions(kind, c)), [REPORTS_KEY]: c.reports };
  if (c.reports.length > 1) props[CONTRIB_KEY] = storedContrib(c);
  return props;
}
