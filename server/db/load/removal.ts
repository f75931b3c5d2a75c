/**
 * Taking a report's contribution out of the database, inside a write
 * transaction: relationships and nodes only it brought are deleted; shared ones
 * are recomputed from the other reports' contributions (contributions.ts).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { sharedRelationshipKey } from '../../ingest/mergeRules.ts';
import { REPORTS_KEY, contributionsOf, dbPropertiesOf, withoutContribution } from './contributions.ts';
import type { LoadPlan } from './plan.ts';
import type { RelationshipType } from '../../contract/model.ts';
import type { DbProperties } from './properties.ts';
import { SET_NODES_BY_ELEMENT_ID, count, relType, run, setRelationshipsByElementId, type Counters } from './statements.ts';

const R = REPORTS_KEY;

/**
 * Take `report`'s contribution out. Shared items the report's new version has
 * again (`keep`) are left for the write, which replaces the report's contribution
 * in place: its place in the order, and so which report names a shared entity,
 * stays. `step` is called after each of its four steps (what, rows changed).
 * Whole-graph scans in a handful of queries: round trips, not rows, cost here.
 */
export async function removeReport(
  tx: ManagedTransaction,
  report: string,
  keep: Pick<LoadPlan, 'nodeIds' | 'sharedRelKeys'>,
  c: Counters,
  step: (what: string, rows: number) => Promise<void>,
): Promise<void> {
  count(c, await run(tx, `MATCH ()-[r]->() WHERE r.${R} = [$report] DELETE r`, { report }));
  await step('relationships', 0);

  const rels = await run(
    tx,
    `MATCH (a)-[r]->(b) WHERE $report IN r.${R} RETURN elementId(r) AS eid, type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props`,
    { report },
  );
  const relRows = new Map<RelationshipType, Array<{ eid: string; props: DbProperties }>>();
  for (const r of rels.records) {
    const type = relType(r.get('type') as string);
    if (keep.sharedRelKeys.has(sharedRelationshipKey(type, r.get('start'), r.get('end')))) continue;
    const row = { eid: r.get('eid') as string, props: dbPropertiesOf(type, withoutContribution(contributionsOf(r.get('props')), report)) };
    const list = relRows.get(type);
    if (list) list.push(row);
    else relRows.set(type, [row]);
  }
  // By type: only a typed pattern finds a relationship by element id without scanning them all (statements.ts).
  for (const [type, rows] of relRows) count(c, await run(tx, setRelationshipsByElementId(type), { rows }));
  await step(
    'shared relationships',
    [...relRows.values()].reduce((n, rows) => n + rows.length, 0),
  );

  count(c, await run(tx, `MATCH (n) WHERE n.${R} = [$report] DETACH DELETE n`, { report }));
  await step('nodes', 0);

  const nodes = await run(tx, `MATCH (n) WHERE $report IN n.${R} RETURN elementId(n) AS eid, n.id AS id, properties(n) AS props`, { report });
  const nodeRows = nodes.records
    .filter((r) => !keep.nodeIds.has(r.get('id')))
    .map((r) => ({
      eid: r.get('eid') as string,
      props: { ...dbPropertiesOf('node', withoutContribution(contributionsOf(r.get('props')), report)), id: r.get('id') as string },
    }));
  if (nodeRows.length > 0) count(c, await run(tx, SET_NODES_BY_ELEMENT_ID, { rows: nodeRows }));
  await step('shared nodes', nodeRows.length);
}
