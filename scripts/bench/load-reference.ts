/**
 * The loader's reference: the least a loader can do with the same reports. The graphs
 * are merged in memory (mergeGraphs: shared entities once, as the database holds them),
 * then written in one transaction, label by label and type by type, with
 * `UNWIND $rows AS row CREATE … SET x = row.props` in batches of 5,000 rows, the
 * relationships' ends found through the id constraints. No bookkeeping for replacing
 * a report later, no read of what the database holds: it only works on an empty
 * database, which is what it is given. Its time includes the merge.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphJson } from '../../server/contract/model.ts';
import { batches } from '../../server/db/load/plan.ts';
import { toDbProperties } from '../../server/db/load/properties.ts';
import { mergeGraphs } from '../../server/ingest/mergeGraphs.ts';

export const REFERENCE_BATCH = 5000;

/** Load `graphs` the minimal way into an empty database; gives the relationships written. */
export async function referenceLoad(driver: Driver, graphs: readonly GraphJson[]): Promise<{ nodes: number; relationships: number }> {
  const merged = mergeGraphs(graphs);
  const labelOf = new Map<string, string>();
  const nodeRows = new Map<string, { props: Record<string, unknown> }[]>();
  for (const node of merged.nodes) {
    const label = node.labels[0]!;
    labelOf.set(node.id, label);
    const { id: _id, ...properties } = node.properties;
    const rows = nodeRows.get(label) ?? [];
    rows.push({ props: { ...toDbProperties(properties), id: node.id } });
    nodeRows.set(label, rows);
  }
  const relRows = new Map<string, { type: string; a: string; b: string; rows: { start: string; end: string; props: Record<string, unknown> }[] }>();
  for (const rel of merged.relationships) {
    const a = labelOf.get(rel.start)!;
    const b = labelOf.get(rel.end)!;
    const key = `${rel.type}|${a}|${b}`;
    let group = relRows.get(key);
    if (!group) relRows.set(key, (group = { type: rel.type, a, b, rows: [] }));
    group.rows.push({ start: rel.start, end: rel.end, props: toDbProperties(rel.properties) });
  }
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(async (tx) => {
      // Labels and types come from the graphs, which validateGraph checked against MODEL.
      for (const [label, rows] of nodeRows) {
        for (const batch of batches(rows, REFERENCE_BATCH)) await tx.run(`UNWIND $rows AS row CREATE (n:\`${label}\`) SET n = row.props`, { rows: batch });
      }
      for (const { type, a, b, rows } of relRows.values()) {
        for (const batch of batches(rows, REFERENCE_BATCH)) {
          await tx.run(
            `UNWIND $rows AS row MATCH (a:\`${a}\` {id: row.start}) MATCH (b:\`${b}\` {id: row.end}) CREATE (a)-[r:\`${type}\`]->(b) SET r = row.props`,
            { rows: batch },
          );
        }
      }
    });
  } finally {
    await session.close();
  }
  return { nodes: merged.nodes.length, relationships: merged.relationships.length };
}
