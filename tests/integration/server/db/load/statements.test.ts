import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../../../server/contract/model.ts';
import { ALL_NODES } from '../../../../../server/db/load/memory.ts';
import {
  SET_NODES_BY_ELEMENT_ID,
  countStatement,
  RELATIONSHIP_ENDS,
  createOwnRelationships,
  setNodesById,
  setRelationshipsByElementId,
} from '../../../../../server/db/load/statements.ts';
import { readMemorySettings, relationshipsPerTransaction, transactionBudget } from '../../../../../server/db/load/transaction-size.ts';
import { testDriver } from '../../../../setup/neo4j.ts';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver.close());

/** Every operator of Neo4j's plan for `cypher`, as `OperatorType` (without the `@neo4j` suffix). */
async function operators(cypher: string): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, { rows: [], prefix: '' });
  const walk = (p: { operatorType: string; children: unknown[] }): string[] => [
    p.operatorType.replace(/@.*$/, ''),
    ...p.children.flatMap((c) => walk(c as typeof p)),
  ];
  return walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
}

// A later transaction of a load (shared relationships), and a removal, update by element id what is already there:
// one batch must seek each row, never scan the whole graph per row (quadratic in the database).
describe('the loader finds what it updates by element id with a seek', () => {
  it('nodes', async () => {
    const ops = await operators(SET_NODES_BY_ELEMENT_ID);
    expect(ops).toContain('NodeByElementIdSeek');
    expect(ops.filter((o) => /Scan/.test(o))).toEqual([]);
  });

  it.each(RELATIONSHIP_TYPES)('relationships of type %s', async (type) => {
    const ops = await operators(setRelationshipsByElementId(type));
    expect(ops).toContain('DirectedRelationshipByElementIdSeek');
    expect(ops.filter((o) => /Scan/.test(o))).toEqual([]);
  });
});

// A later transaction of a load updates by id the nodes an earlier one wrote: each row must be one seek
// of the label's id constraint (cypher/schema.cypher), never a scan of the label per row.
describe('the loader finds the nodes an earlier transaction wrote through the id constraints with a seek', () => {
  it.each(NODE_LABELS)('label %s', async (l) => {
    const ops = await operators(setNodesById(l));
    expect(ops.filter((o) => /^NodeUniqueIndexSeek/.test(o))).toHaveLength(1);
    expect(ops.filter((o) => /Scan/.test(o))).toEqual([]);
  });
});

// A relationship's ends are sent as the rest of their element ids after the batch's common prefix:
// the concatenation must still plan as a seek of each end, never a scan of every node per row.
describe("the loader finds a relationship's ends by element id with a seek", () => {
  const seeks = (ops: string[]): number => ops.filter((o) => o === 'NodeByElementIdSeek').length;

  it('the ends', async () => {
    const ops = await operators(`${RELATIONSHIP_ENDS} RETURN a, b`);
    expect(seeks(ops)).toBe(2);
    expect(ops.filter((o) => /Scan/.test(o))).toEqual([]);
  });

  it.each(RELATIONSHIP_TYPES)("one report's relationships of type %s", async (type) => {
    const ops = await operators(createOwnRelationships(type));
    expect(seeks(ops)).toBe(2);
    expect(ops).toContain('Create');
    expect(ops.filter((o) => /Scan/.test(o))).toEqual([]);
  });
});

// The first transaction of a load notes which labels and types the database holds (memory.ts
// startState): each must be a count-store look-up, as cheap on a full database as on an empty one.
describe("the loader's start-state counts are count-store look-ups", () => {
  it('every node (an empty database needs no other count)', async () => {
    const ops = await operators(countStatement(ALL_NODES));
    expect(ops).toContain('NodeCountFromCountStore');
    expect(ops.filter((o) => /Scan|Expand/.test(o))).toEqual([]);
  });

  it.each(NODE_LABELS)('label %s', async (l) => {
    const ops = await operators(countStatement(`(:${l})`));
    expect(ops).toContain('NodeCountFromCountStore');
    expect(ops.filter((o) => /Scan|Expand/.test(o))).toEqual([]);
  });

  it.each(RELATIONSHIP_TYPES)('type %s', async (t) => {
    const ops = await operators(countStatement(`()-[:${t}]->()`));
    expect(ops).toContain('RelationshipCountFromCountStore');
    expect(ops.filter((o) => /Scan|Expand/.test(o))).toEqual([]);
  });
});

// The loader sizes its transactions by the server's transaction memory (transaction-size.ts).
describe("the loader reads the server's transaction memory", () => {
  it('reads the limit the test server was started with (256 MiB) and sizes transactions from it', async () => {
    const settings = await readMemorySettings(driver);
    expect(transactionBudget(settings)).toBe(256 * 1024 * 1024);
    expect(relationshipsPerTransaction(settings)).toBe(30_000);
  });
});
