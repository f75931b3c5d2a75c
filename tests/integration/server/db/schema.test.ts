import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, FULLTEXT_INDEXES, parseSchema, readSchema } from '../../../../server/db/schema.ts';
import { NODE_LABELS, type GraphJson, type GraphNode } from '../../../../server/contract/model.ts';
import { testDriver } from '../../../setup/neo4j.ts';
import { loadSeed, seedGraph } from '../../../setup/seed.ts';

let driver: Driver;
let seed: GraphJson;

beforeAll(async () => {
  driver = testDriver();
  seed = await seedGraph();
  await loadSeed(driver);
});
afterAll(() => driver.close());

async function schemaItems(): Promise<string[]> {
  const c = await driver.executeQuery('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties');
  const i = await driver.executeQuery('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state');
  return [...c.records, ...i.records].map((r) => JSON.stringify(r.toObject())).sort();
}

describe('the schema', () => {
  it('applies again without change (every statement is idempotent)', async () => {
    const before = await schemaItems();
    await applySchema(driver);
    await applySchema(driver);
    expect(await schemaItems()).toEqual(before);
  });

  it('has a uniqueness constraint on id for every label of MODEL.md', async () => {
    const { records } = await driver.executeQuery(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties",
    );
    const unique = new Map(records.map((r) => [r.get('label') as string, r.get('properties') as string[]]));
    for (const label of NODE_LABELS) expect(unique.get(label), label).toEqual(['id']);
  });

  it('refuses a second node with an id that is taken', async () => {
    await expect(driver.executeQuery("CREATE (:State {id: 'state:ARG'})")).rejects.toThrow(/already exists with label `State` and property `id` = 'state:ARG'/);
  });

  it('has every index online', async () => {
    const { records } = await driver.executeQuery("SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name, state");
    expect(records.map((r) => r.toObject())).toEqual([]);
    const statements = await readSchema();
    expect(statements.filter((s) => s.kind === 'index').map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(FULLTEXT_INDEXES)));
  });

  it('looks up a paragraph by report and number with the index, not a scan', async () => {
    const { summary } = await driver.executeQuery("PROFILE MATCH (p:Paragraph {report: 'report:lac-rpm-2025', number: 24}) RETURN p.id");
    expect(JSON.stringify(summary.profile)).toContain('NodeIndexSeek');
  });

  it('fails loudly when a look-alike index under another name hides one of its indexes', async () => {
    await driver.executeQuery('DROP INDEX state_iso3');
    await driver.executeQuery('CREATE INDEX look_alike FOR (n:State) ON (n.iso3)');
    try {
      await expect(applySchema(driver)).rejects.toThrow(/lacks index state_iso3.*another name/);
    } finally {
      await driver.executeQuery('DROP INDEX look_alike');
      await applySchema(driver);
    }
  });

  it('parses statements across lines and ignores comments', () => {
    expect(
      parseSchema('// c\nCREATE INDEX a IF NOT EXISTS\nFOR (n:X) ON (n.y);\n\n// d;\nCREATE CONSTRAINT b IF NOT EXISTS FOR (n:X) REQUIRE n.id IS UNIQUE;\n'),
    ).toEqual([
      { kind: 'index', name: 'a', cypher: 'CREATE INDEX a IF NOT EXISTS\nFOR (n:X) ON (n.y)' },
      { kind: 'constraint', name: 'b', cypher: 'CREATE CONSTRAINT b IF NOT EXISTS FOR (n:X) REQUIRE n.id IS UNIQUE' },
    ]);
    expect(() => parseSchema('CREATE INDEX a FOR (n:X) ON (n.y);')).toThrow(/IF NOT EXISTS/);
  });
});

/** What a reader expects a full-text query to find: every node whose indexed text holds the word. */
function holding(nodes: GraphNode[], keys: string[], test: (s: string) => boolean): string[] {
  return nodes
    .filter((n) => keys.some((k) => [n.properties[k]].flat().some((v) => typeof v === 'string' && test(v))))
    .map((n) => n.id)
    .sort();
}

async function fulltext(index: string, q: string): Promise<string[]> {
  const { records } = await driver.executeQuery('CALL db.index.fulltext.queryNodes($index, $q, {limit: 1000}) YIELD node RETURN node.id AS id', { index, q });
  return records.map((r) => String(r.get('id'))).sort();
}

describe('full-text search', () => {
  it('finds a two-character Chinese word (贩运) in names, aliases and text: exactly the nodes that hold it', async () => {
    const found = await fulltext(FULLTEXT_INDEXES.cjk, '贩运');
    const expected = holding(seed.nodes, ['name', 'name_zh', 'short_zh', 'aliases', 'title_zh', 'text'], (s) => s.includes('贩运'));
    expect(found).toEqual(expected);
    expect(found).toEqual(expect.arrayContaining(['crime:trafficking-in-persons', 'crime:drug-trafficking']));
    expect(found.filter((id) => id.startsWith('para:') || id.startsWith('rec:')).length).toBeGreaterThan(5);
  });

  it('finds an English word (trafficking) in English names and aliases: exactly the nodes that hold it', async () => {
    const found = await fulltext(FULLTEXT_INDEXES.en, 'trafficking');
    const expected = holding(seed.nodes, ['name', 'name_en', 'short_en', 'aliases', 'title_en', 'text', 'symbol', 'iso3'], (s) => /\btrafficking\b/i.test(s));
    expect(found).toEqual(expected);
    expect(found).toEqual(expect.arrayContaining(['crime:trafficking-in-persons', 'crime:drug-trafficking']));
  });

  it('ranks the crime type named 贩运人口 first for the query 贩运人口', async () => {
    const { records } = await driver.executeQuery("CALL db.index.fulltext.queryNodes('entity_text_cjk', '贩运人口') YIELD node RETURN node.id AS id LIMIT 1");
    expect(records[0]?.get('id')).toBe('crime:trafficking-in-persons');
  });
});
