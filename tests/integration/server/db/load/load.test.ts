import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../../server/config.ts';
import { ingestFiles } from '../../../../../server/db/corpus.ts';
import { LoadInputError, loadReport, loadReports, loadedReports, unloadReport, type BatchInfo, type LoadProgress } from '../../../../../server/db/load.ts';
import { buildCorpus } from '../../../../../scripts/bench/ingest.ts';
import { mergeGraphs } from '../../../../../server/ingest/index.ts';
import type { GraphJson } from '../../../../../server/contract/model.ts';
import { testDriver } from '../../../../setup/neo4j.ts';
import { clearDatabase, loadSeed, SEED_REPORT_FILE, SEED_REPORT_ID, seedGraph } from '../../../../setup/seed.ts';
import { databaseCounts, graphCounts, graphSnapshot, snapshot } from '../helpers.ts';

const FIXTURE_FILE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'asia-pacific-rpm-fixture.en.txt');

let driver: Driver;
let seed: GraphJson;
let other: GraphJson;

beforeAll(async () => {
  driver = testDriver();
  const [a, b] = await ingestFiles([SEED_REPORT_FILE, FIXTURE_FILE]);
  seed = a!.graph;
  other = b!.graph;
});
afterAll(() => driver.close());

describe('loading the seed', () => {
  let progress: LoadProgress[];
  beforeAll(async () => {
    await clearDatabase(driver);
    progress = [];
    await loadReport(driver, seed, { onProgress: (p) => progress.push(p) });
  });

  it('puts as many nodes per label and relationships per type in Neo4j as graph.json holds', async () => {
    const counts = await databaseCounts(driver);
    expect(counts).toEqual(graphCounts(seed));
    expect(Object.values(counts.labels).reduce((a, b) => a + b)).toBe(seed.nodes.length);
    expect(Object.values(counts.types).reduce((a, b) => a + b)).toBe(seed.relationships.length);
  });

  it('stores every property as graph.json gives it (nulls aside, which Neo4j does not store)', async () => {
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(seed));
  });

  it('stores whole numbers as integers and lists as lists', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (p:Paragraph {id: 'para:lac-rpm-2025:24'}), (:Recommendation {id: 'rec:lac-rpm-2025:24(c)'})-[c:CITES]->(:Instrument {id: 'instrument:untoc'})
       RETURN valueType(p.number) AS number, valueType(c.spans) AS spans, valueType(c.paragraph) AS paragraph`,
    );
    expect(records[0]!.toObject()).toEqual({ number: 'INTEGER NOT NULL', spans: 'LIST<INTEGER NOT NULL> NOT NULL', paragraph: 'INTEGER NOT NULL' });
  });

  it('tags every node and relationship with the report it came from', async () => {
    const { records } = await driver.executeQuery(
      'CALL () { MATCH (n) RETURN n._reports AS tag UNION ALL MATCH ()-[r]->() RETURN r._reports AS tag } RETURN tag, count(*) AS n',
    );
    expect(records.map((r) => [r.get('tag'), r.get('n').toNumber()])).toEqual([[[SEED_REPORT_ID], seed.nodes.length + seed.relationships.length]]);
    expect(await loadedReports(driver)).toEqual([SEED_REPORT_ID]);
  });

  it('reports its progress up to every node and relationship', () => {
    expect(progress.filter((p) => p.phase === 'nodes').at(-1)).toEqual({
      report: SEED_REPORT_ID,
      phase: 'nodes',
      done: seed.nodes.length,
      total: seed.nodes.length,
    });
    expect(progress.filter((p) => p.phase === 'relationships').at(-1)?.done).toBe(seed.relationships.length);
  });

  it('loads it again without changing a count or a property', async () => {
    const before = await snapshot(driver);
    const summary = await loadReport(driver, seed);
    expect(summary).toMatchObject({ replaced: true, nodes: seed.nodes.length, relationships: seed.relationships.length });
    expect(summary.nodesCreated).toBe(summary.nodesDeleted);
    expect(summary.relationshipsCreated).toBe(summary.relationshipsDeleted);
    expect(await snapshot(driver)).toEqual(before);
  });
});

describe('a load is all or nothing', () => {
  beforeAll(() => loadSeed(driver));

  const failAt =
    (predicate: (b: BatchInfo) => boolean) =>
    (b: BatchInfo): void => {
      if (predicate(b)) throw new Error(`injected failure at batch ${b.index} (${b.phase} ${b.what})`);
    };

  it.each<[string, (b: BatchInfo) => boolean]>([
    ['once the old version is deleted', (b) => b.phase === 'remove' && b.what === 'shared nodes'],
    ['halfway through the nodes', (b) => b.phase === 'nodes' && b.what.includes('Paragraph')],
    ['halfway through the MENTIONS relationships', (b) => b.phase === 'relationships' && b.what.includes('MENTIONS')],
    ['at the very last batch', (b) => b.phase === 'relationships' && b.what.includes('CO_OCCURS')],
  ])('a reload failing %s leaves the database exactly as it was', async (_when, predicate) => {
    const before = await snapshot(driver);
    let batches = 0;
    await expect(
      loadReport(driver, seed, {
        batchSize: 50,
        afterBatch: (b) => {
          batches = b.index;
          failAt(predicate)(b);
        },
      }),
    ).rejects.toThrow(/injected failure/);
    expect(batches).toBeGreaterThan(1);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('a reload the database itself fails partway (a query error inside the transaction) changes nothing', async () => {
    const before = await snapshot(driver);
    await expect(
      loadReport(driver, seed, {
        batchSize: 50,
        afterBatch: async (b, tx) => {
          if (b.phase === 'relationships' && b.what.includes('MENTIONS')) await tx.run('UNWIND [1, 0] AS x RETURN 1 / x AS y');
        },
      }),
    ).rejects.toThrow(/by zero/i);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('a first load that fails leaves an empty database empty', async () => {
    await clearDatabase(driver);
    await expect(loadReport(driver, seed, { batchSize: 100, afterBatch: failAt((b) => b.phase === 'relationships') })).rejects.toThrow(/injected/);
    expect(await snapshot(driver)).toEqual({ nodes: [], relationships: [] });
    await loadSeed(driver);
  });

  it.each<[string, (g: GraphJson) => void, RegExp]>([
    ['two reports in one graph', (g) => g.reports.push('report:other'), /exactly one report/],
    [
      'a label MODEL.md does not know',
      (g) => (g.nodes[5]!.labels = ['State) DETACH DELETE (x' as never]),
      /label "State\) DETACH DELETE \(x", which MODEL.md does not know/,
    ],
    ['a relationship type MODEL.md does not know', (g) => (g.relationships[3]!.type = 'KNOWS' as never), /type "KNOWS" is not one MODEL.md knows/],
    ['a list of mixed values', (g) => (g.nodes[7]!.properties.aliases = ['a', 1]), /a list must hold values of one type/],
    ['a list with a null', (g) => (g.nodes[7]!.properties.aliases = ['a', null]), /no nulls/],
    ['a nested value', (g) => (g.nodes[7]!.properties.extra = { a: 1 } as never), /not a scalar or a list of scalars/],
    ['a property named like the loader’s bookkeeping', (g) => (g.nodes[7]!.properties._reports = ['x']), /property name "_reports" is not allowed/],
    ['a relationship to a node not in the graph', (g) => (g.relationships[0]!.end = 'state:XXX'), /no node state:XXX in the graph/],
    [
      'a relationship from another report',
      (g) => (g.relationships.find((r) => r.type === 'CITES')!.properties.report = 'report:other'),
      /comes from report:other/,
    ],
  ])('refuses %s before writing anything', async (_what, spoil, message) => {
    const before = await snapshot(driver);
    const graph = await seedGraph();
    spoil(graph);
    const attempt = loadReport(driver, graph);
    await expect(attempt).rejects.toThrow(LoadInputError);
    await expect(loadReport(driver, graph)).rejects.toThrow(message);
    expect(await snapshot(driver)).toEqual(before);
  });
});

describe('several reports', () => {
  beforeAll(() => loadSeed(driver));

  it('a second report shares the entities both name: the database is the merge of the two graphs', async () => {
    await loadReport(driver, other);
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(mergeGraphs([seed, other])));
    expect(await loadedReports(driver)).toEqual(['report:asia-pacific-rpm-fixture', SEED_REPORT_ID]);
    // The Organized Crime Convention is named by both; its node says so.
    const { records } = await driver.executeQuery("MATCH (i:Instrument {id: 'instrument:untoc'}) RETURN i._reports AS reports, i.name AS name");
    expect(records[0]!.toObject()).toEqual({ reports: [SEED_REPORT_ID, 'report:asia-pacific-rpm-fixture'], name: '打击有组织犯罪公约' });
  });

  it('co-occurrence counts add up across reports', async () => {
    const { records } = await driver.executeQuery(
      "MATCH (:CrimeType {id: 'crime:drug-trafficking'})-[c:CO_OCCURS]->(:CrimeType {id: 'crime:money-laundering'}) RETURN c.count AS count, c.paragraphs AS paragraphs, c.reports AS reports",
    );
    const expected = mergeGraphs([seed, other]).relationships.find(
      (r) => r.type === 'CO_OCCURS' && r.start === 'crime:drug-trafficking' && r.end === 'crime:money-laundering',
    )!;
    expect(expected.properties.reports).toHaveLength(2);
    expect({ ...records[0]!.toObject(), count: records[0]!.get('count').toNumber() }).toEqual(expected.properties);
  });

  it('reloading either report changes nothing', async () => {
    const before = await snapshot(driver);
    await loadReport(driver, seed);
    expect(await snapshot(driver)).toEqual(before);
    await loadReport(driver, other);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('a new version of one report replaces its old one: what only the old one said goes, shared entities stay', async () => {
    const changed = structuredClone(other);
    // The new version drops paragraph 7's co-occurrences and gives a document another title.
    changed.relationships = changed.relationships.filter(
      (r) => !(r.type === 'CO_OCCURS' && (r.properties.paragraphs as string[]).includes('para:asia-pacific-rpm-fixture:7')),
    );
    const doc = changed.nodes.find((n) => n.id === 'doc:A/CONF.241/PM.1')!;
    doc.properties.title_en = 'Discussion guide, revised';
    await loadReport(driver, changed);
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(mergeGraphs([seed, changed])));
    await loadReport(driver, other);
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(mergeGraphs([seed, other])));
  });

  it('taking a report out leaves exactly the other one', async () => {
    const summary = await unloadReport(driver, 'report:asia-pacific-rpm-fixture');
    const seedIds = new Set(seed.nodes.map((n) => n.id));
    expect(summary.nodesDeleted).toBe(other.nodes.filter((n) => !seedIds.has(n.id)).length);
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(seed));
    expect(await databaseCounts(driver)).toEqual(graphCounts(seed));
  });

  it('loaded the other way round, the first report still names the shared entities', async () => {
    await clearDatabase(driver);
    await loadReport(driver, other);
    await loadReport(driver, seed);
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(mergeGraphs([other, seed])));
    const { records } = await driver.executeQuery("MATCH (i:Instrument {id: 'instrument:untoc'}) RETURN i.name AS name");
    expect(records[0]!.get('name')).not.toBe('打击有组织犯罪公约');
    await unloadReport(driver, 'report:asia-pacific-rpm-fixture');
    expect(await snapshot(driver, { bookkeeping: false })).toEqual(graphSnapshot(seed));
  });

  it('keeps the nodes it did not load', async () => {
    await driver.executeQuery("CREATE (:Note {id: 'note:1', text: 'a user note'})");
    await loadReport(driver, seed);
    await unloadReport(driver, SEED_REPORT_ID);
    const { records } = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, count(*) AS n');
    expect(records.map((r) => [r.get('labels'), r.get('n').toNumber()])).toEqual([[['Note'], 1]]);
    await clearDatabase(driver);
  });
});

// A load cut into several transactions (whole reports each) must leave exactly what one
// transaction writes, bookkeeping included, whatever mix of new and reloaded reports.
describe('a load of several transactions', () => {
  let corpus: GraphJson[];
  let oneTransaction: Awaited<ReturnType<typeof snapshot>>;
  const each = { relationshipsPerTransaction: 1 }; // every report its own transaction
  beforeAll(async () => {
    corpus = (await buildCorpus(4)).graphs;
    await clearDatabase(driver);
    await loadReports(driver, corpus, { relationshipsPerTransaction: 1_000_000 });
    oneTransaction = await snapshot(driver);
  });
  afterAll(() => clearDatabase(driver));

  it('writes into an empty database exactly what one transaction writes', async () => {
    await clearDatabase(driver);
    await loadReports(driver, corpus, each);
    expect(await snapshot(driver)).toEqual(oneTransaction);
  });

  it('reloading them all, one transaction each, changes nothing', async () => {
    await loadReports(driver, corpus, each);
    expect(await snapshot(driver)).toEqual(oneTransaction);
  });

  it('adds new reports to a database that held another one', async () => {
    await clearDatabase(driver);
    await loadReports(driver, corpus.slice(0, 1));
    await loadReports(driver, corpus.slice(1), each);
    expect(await snapshot(driver)).toEqual(oneTransaction);
  });

  it('mixes reloaded and new reports (the first ones replaced, the rest new)', async () => {
    await clearDatabase(driver);
    await loadReports(driver, corpus.slice(0, 2));
    await loadReports(driver, corpus, each);
    expect(await snapshot(driver)).toEqual(oneTransaction);
  });
});
