/**
 * Every saved query runs on the seed with its default parameters, read-only, and
 * returns what a careful reader of the report (or of graph.json) expects.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scalarToJson } from '../../../../server/db/queries/values.ts';
import { coerceSavedQueryParams, listSavedQueries, type SavedQuery } from '../../../../server/db/saved-queries.ts';
import type { GraphJson, GraphRelationship } from '../../../../server/contract/model.ts';
import { testDriver } from '../../../setup/neo4j.ts';
import { loadSeed, seedGraph } from '../../../setup/seed.ts';

let driver: Driver;
let seed: GraphJson;
let queries: Map<string, SavedQuery>;

beforeAll(async () => {
  driver = testDriver();
  seed = await seedGraph();
  await loadSeed(driver);
  queries = new Map((await listSavedQueries()).map((q) => [q.name, q]));
});
afterAll(() => driver.close());

type Row = Record<string, unknown>;

const COMPARISONS = ['crime-types-of-one-region', 'instruments-cited-by-several-meetings', 'states-at-every-meeting'];

async function run(name: string, given: Record<string, unknown> = {}): Promise<Row[]> {
  const query = queries.get(name);
  if (!query) throw new Error(`no saved query ${name}`);
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(query.cypher, coerceSavedQueryParams(query, given));
    return result.records.map((r) => Object.fromEntries(r.keys.map((k) => [k, plain(r.get(k))])));
  } finally {
    await session.close();
  }
}

function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return scalarToJson(v);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

const rels = (type: GraphRelationship['type']) => seed.relationships.filter((r) => r.type === type);
const name = (id: string) => seed.nodes.find((n) => n.id === id)?.properties.name;
const rec = (ref: string) => `rec:lac-rpm-2025:${ref}`;

describe('the saved queries', () => {
  it('are the ones the issue asks for, each with titles in both languages', () => {
    expect([...queries.keys()].sort()).toEqual([
      'attendance-by-role',
      'citation-matrix',
      'crime-cooccurrence',
      'crime-types-of-one-region',
      'instruments-cited-by-several-meetings',
      'recommendations-addressing-crime',
      'recommendations-citing-instrument',
      'shortest-path',
      'speakers-by-agenda-item',
      'states-at-every-meeting',
      'states-crime-types-by-agenda',
    ]);
    for (const q of queries.values()) {
      expect(q.title_en, q.name).toMatch(/^[A-Z]/);
      expect(q.title_zh, q.name).toMatch(/[\u4e00-\u9fff]/);
      expect(q.description.length, q.name).toBeGreaterThan(20);
    }
  });

  it('are each read-only (the planner says so), honour the corpus filter, and return rows with their defaults', async () => {
    for (const q of queries.values()) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${q.cypher}`, coerceSavedQueryParams(q, {}), { routing: neo4j.routing.READ });
      expect(summary.queryType, q.name).toBe('r'); // read-only
      expect(q.cypher, q.name).toMatch(/\$reports\b/);
      // The comparisons need several meetings: tests/integration/server/api/corpus.test.ts runs them on three.
      if (!COMPARISONS.includes(q.name)) expect((await run(q.name)).length, q.name).toBeGreaterThan(0);
      // A filter that keeps no report leaves nothing.
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const none = await session.run(q.cypher, coerceSavedQueryParams(q, {}, ['report:none']));
        expect(none.records.length, q.name).toBe(0);
      } finally {
        await session.close();
      }
    }
  }, 240_000); // three runs of each of eleven queries, on a machine other tests share

  it('citation matrix: every cited instrument with the recommendations citing it; the Organized Crime Convention is cited by 24(c)', async () => {
    const rows = await run('citation-matrix');
    const expected = new Map<string, string[]>();
    for (const r of rels('CITES')) expected.set(r.end, [...(expected.get(r.end) ?? []), r.start]);
    expect(new Map(rows.map((r) => [r.instrument as string, r.recommendations as string[]]))).toEqual(expected);
    expect(rows.find((r) => r.instrument === 'instrument:untoc')).toMatchObject({
      name_en: 'United Nations Convention against Transnational Organized Crime',
      citations: 1,
      recommendations: [rec('24(c)')],
    });
    expect(await run('citation-matrix', { report: 'report:none' })).toEqual([]);
  });

  it('recommendations citing the Organized Crime Convention: 24(c) directly, 66(c) through a resolution of its Conference of the Parties', async () => {
    const rows = await run('recommendations-citing-instrument');
    expect(rows.map((r) => [r.recommendation, r.via, r.cited])).toEqual([
      [rec('24(c)'), 'direct', 'instrument:untoc'],
      [rec('66(c)'), 'supplement', 'instrument:untoc-cop-resolution-12-4'],
    ]);
    expect(rows[0]).toMatchObject({ paragraph: 24, letter: 'c', evidence: '打击有组织犯罪公约' });
    expect(rows[0]!.text).toContain('打击有组织犯罪公约');
    expect((await run('recommendations-citing-instrument', { includeSupplements: false })).map((r) => r.recommendation)).toEqual([rec('24(c)')]);
    expect(
      (await run('recommendations-citing-instrument', { instrument: 'instrument:convention-on-the-rights-of-the-child' })).map((r) => r.recommendation),
    ).toEqual([rec('37(j)')]);
  });

  it('crime co-occurrence: every pair with its weight and paragraphs, heaviest first', async () => {
    const rows = await run('crime-cooccurrence');
    const co = rels('CO_OCCURS');
    expect(rows).toHaveLength(co.length);
    expect(rows.map((r) => r.weight)).toEqual([...co.map((r) => r.properties.count)].sort((a, b) => Number(b) - Number(a)));
    for (const r of rows) {
      const e = co.find((x) => x.start === r.source && x.end === r.target)!;
      expect(r.paragraphs).toEqual(e.properties.paragraphs);
      expect(r.weight).toBe(e.properties.count);
    }
    expect(rows.slice(0, 4).map((r) => [r.source, r.target, r.weight])).toContainEqual(['crime:corruption', 'crime:firearms-trafficking', 3]);
    const heavy = await run('crime-cooccurrence', { minCount: 3, limit: 2 });
    expect(heavy).toHaveLength(2);
    expect(heavy.every((r) => r.weight === 3)).toBe(true);
  });

  it('recommendations addressing trafficking in persons: 24(h), 37(h) and 66(k)', async () => {
    const rows = await run('recommendations-addressing-crime');
    expect(rows.map((r) => r.recommendation)).toEqual([rec('24(h)'), rec('37(h)'), rec('66(k)')]);
    expect(
      rows.every((r) => r.crime === 'crime:trafficking-in-persons' && typeof r.evidence === 'string' && (r.text as string).includes(r.evidence as string)),
    ).toBe(true);
  });

  it('recommendations addressing interpersonal violence take in its narrower types, down the levels', async () => {
    const rows = await run('recommendations-addressing-crime', { crime: 'crime:interpersonal-violence' });
    // gender-based violence (37(m), 49(g)), domestic violence (37(m)), violence against children (37(j)),
    // child sexual abuse (37(f), 37(g)) — the last one two levels down.
    expect([...new Set(rows.map((r) => r.recommendation))]).toEqual([rec('37(f)'), rec('37(g)'), rec('37(j)'), rec('37(m)'), rec('49(g)')]);
    expect(await run('recommendations-addressing-crime', { crime: 'crime:interpersonal-violence', includeNarrower: false })).toEqual([]);
  });

  it('who spoke on which agenda item: every SPOKE_ON of graph.json, by item', async () => {
    const rows = await run('speakers-by-agenda-item');
    const spoke = rels('SPOKE_ON');
    expect(rows.map((r) => `${r.item} ${r.speaker} ${r.role}`).sort()).toEqual(spoke.map((r) => `${r.end} ${r.start} ${r.properties.role}`).sort());
    const item3 = await run('speakers-by-agenda-item', { item: 'agenda:15:3' });
    expect(item3).toHaveLength(spoke.filter((r) => r.end === 'agenda:15:3').length);
    expect(item3.map((r) => r.speaker)).toContain('state:KNA');
    expect(item3.find((r) => r.speaker === 'org:alliance-of-ngos-ccpcj')).toMatchObject({ kind: 'Organization', role: 'president', number: 3 });
  });

  it('attendance by role: 27 members, 12 NGOs, 4 observers, 2 UN entities, 2 institutes', async () => {
    const rows = await run('attendance-by-role');
    expect(rows.map((r) => [r.role, r.attendees])).toEqual([
      ['member', 27],
      ['ngo', 12],
      ['observer', 4],
      ['institute', 2],
      ['un-entity', 2],
    ]);
    const members = rows.find((r) => r.role === 'member')!;
    expect(members.ids).toEqual(expect.arrayContaining(['state:ARG', 'state:CRI', 'state:MEX']));
    expect((members.names as string[]).length).toBe(27);
    expect(rows.find((r) => r.role === 'institute')!.ids).toContain('org:ilanud');
  });

  it('shortest path: as short as a breadth-first walk of graph.json finds, and a real chain of relationships', async () => {
    for (const [from, to] of [
      ['state:CRI', 'instrument:untoc'],
      ['person:douglas-duran', 'crime:femicide'],
      ['state:KNA', 'org:unodc'],
    ] as const) {
      const [row] = await run('shortest-path', { from, to });
      expect(row, `${from} → ${to}`).toBeDefined();
      expect(row!.length).toBe(bfsDistance(seed, from, to));
      const nodes = row!.nodes as string[];
      expect(nodes[0]).toBe(from);
      expect(nodes.at(-1)).toBe(to);
      (row!.relationships as string[]).forEach((type, i) => {
        const [a, b] = [nodes[i]!, nodes[i + 1]!];
        expect(seed.relationships.some((r) => r.type === type && ((r.start === a && r.end === b) || (r.start === b && r.end === a)))).toBe(true);
      });
    }
    expect(await run('shortest-path', { from: 'state:CRI', to: 'state:none' })).toEqual([]);
  });

  it('states and the crime types of the agenda items they spoke on: as a walk of graph.json finds them', async () => {
    const rows = await run('states-crime-types-by-agenda');
    const expected = statesCrimes(seed);
    expect(new Map(rows.map((r) => [`${r.state} ${r.crime}`, r.weight]))).toEqual(expected);
    const mexico = await run('states-crime-types-by-agenda', { state: 'state:MEX' });
    expect(mexico.every((r) => r.state === 'state:MEX' && r.stateName === name('state:MEX'))).toBe(true);
    expect(mexico.map((r) => r.crime)).toContain('crime:organized-crime');
    // Heaviest first within a State.
    expect(mexico.map((r) => r.weight)).toEqual([...mexico.map((r) => r.weight as number)].sort((a, b) => b - a));
  });
});

function bfsDistance(graph: GraphJson, from: string, to: string): number {
  const adjacent = new Map<string, string[]>();
  for (const r of graph.relationships) {
    adjacent.set(r.start, [...(adjacent.get(r.start) ?? []), r.end]);
    adjacent.set(r.end, [...(adjacent.get(r.end) ?? []), r.start]);
  }
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) return seen.get(id)!;
    for (const next of adjacent.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.set(next, seen.get(id)! + 1);
        queue.push(next);
      }
    }
  }
  return -1;
}

function statesCrimes(graph: GraphJson): Map<string, number> {
  const items = new Map<string, Set<string>>(); // state → items it spoke on
  for (const r of graph.relationships) {
    if (r.type === 'SPOKE_ON' && r.start.startsWith('state:')) items.set(r.start, (items.get(r.start) ?? new Set()).add(r.end));
  }
  const unitsOf = new Map<string, Set<string>>(); // item → units in it
  for (const r of graph.relationships) {
    if (r.type === 'PART_OF' || r.type === 'UNDER') unitsOf.set(r.end, (unitsOf.get(r.end) ?? new Set()).add(r.start));
  }
  const crimesOf = new Map<string, Set<string>>(); // unit → crime types it addresses or names
  for (const r of graph.relationships) {
    if ((r.type === 'ADDRESSES' || r.type === 'MENTIONS') && r.end.startsWith('crime:')) crimesOf.set(r.start, (crimesOf.get(r.start) ?? new Set()).add(r.end));
  }
  const out = new Map<string, number>();
  for (const [state, its] of items) {
    const units = new Map<string, Set<string>>(); // crime → units
    for (const item of its) {
      for (const u of unitsOf.get(item) ?? []) for (const c of crimesOf.get(u) ?? []) units.set(c, (units.get(c) ?? new Set()).add(u));
    }
    for (const [c, us] of units) out.set(`${state} ${c}`, us.size);
  }
  return out;
}
