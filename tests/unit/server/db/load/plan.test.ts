import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  CONTRIB_KEY,
  NO_CONTRIBUTIONS,
  REPORTS_KEY,
  contributionsOf,
  dbPropertiesOf,
  foldContributions,
  withContribution,
  withoutContribution,
} from '../../../../../server/db/load/contributions.ts';
import { LoadInputError, batches, checkStorable, planLoad } from '../../../../../server/db/load/plan.ts';
import { toDbProperties } from '../../../../../server/db/load/properties.ts';
import { mergeGraphs } from '../../../../../server/ingest/index.ts';
import type { GraphJson, Properties } from '../../../../../server/contract/model.ts';

const A = 'report:a';
const B = 'report:b';

function graph(report: string, extra: Partial<GraphJson> = {}): GraphJson {
  return {
    reports: [report],
    nodes: [
      {
        id: report,
        labels: ['Report'],
        properties: { title_zh: '报告', title_en: 'Report', language: 'zh', region: 'r', venue: 'v', startDate: '2025-01-01', endDate: '2025-01-02' },
      },
      {
        id: 'state:ARG',
        labels: ['State'],
        properties: { iso3: 'ARG', name: '阿根廷', name_zh: '阿根廷', name_en: 'Argentina', aliases: ['阿根廷'], unMember: true },
      },
      { id: `para:${report}:1`, labels: ['Paragraph'], properties: { report, number: 1, text: '阿根廷', section: 'I', subheading: null } },
      ...(extra.nodes ?? []),
    ],
    relationships: [
      { type: 'IN_REPORT', start: `para:${report}:1`, end: report, properties: {} },
      { type: 'MENTIONS', start: `para:${report}:1`, end: 'state:ARG', properties: { report, paragraph: 1, spans: [0, 3], count: 1 } },
      ...(extra.relationships ?? []),
    ],
  };
}

describe('planLoad', () => {
  it('groups nodes by label and relationships by type and end labels, telling own from shared', () => {
    const plan = planLoad(graph(A));
    expect(plan.report).toBe(A);
    expect(plan.nodeGroups.map((g) => [g.labels, g.rows.length])).toEqual([
      [['Report'], 1],
      [['State'], 1],
      [['Paragraph'], 1],
    ]);
    expect(plan.relGroups.map((g) => [g.type, g.startLabel, g.endLabel, g.shared])).toEqual([
      ['IN_REPORT', 'Paragraph', 'Report', true],
      ['MENTIONS', 'Paragraph', 'State', false],
    ]);
    expect(plan.nodeIds).toEqual(new Set([A, 'state:ARG', `para:${A}:1`]));
    expect(plan.sharedRelKeys).toEqual(new Set([JSON.stringify(['IN_REPORT', `para:${A}:1`, A])]));
  });

  it('refuses a graph holding one relationship twice, by the identity ingest keeps each once by', () => {
    const g = graph(A);
    g.relationships.push(structuredClone(g.relationships[1]!));
    expect(() => planLoad(g)).toThrow(/relationship 2 \(MENTIONS para:report:a:1 → state:ARG\): the same relationship as relationship 1/);
    // Another paragraph's mention is another fact.
    g.relationships[2]!.properties.paragraph = 2;
    expect(planLoad(g).relationshipCount).toBe(3);
    expect(planLoad(g).relationshipCount).toBe(mergeGraphs([g]).relationships.length);
  });

  it('refuses a second shared relationship between the same nodes, whatever its other properties', () => {
    const g = graph(A);
    g.relationships.push({ type: 'IN_REPORT', start: `para:${A}:1`, end: A, properties: { role: 'y' } });
    expect(() => planLoad(g)).toThrow(/the same relationship as relationship 0 \(one without a report is one per type and ends\)/);
  });

  it('refuses a graph holding one node twice', () => {
    const g = graph(A);
    g.nodes.push(structuredClone(g.nodes[1]!));
    expect(() => planLoad(g)).toThrow(/node state:ARG is in the graph twice/);
  });

  it('refuses a graph without its Report node', () => {
    const g = graph(A);
    g.nodes.shift();
    g.relationships = [];
    expect(() => planLoad(g)).toThrow(LoadInputError);
    expect(() => planLoad(g)).toThrow(/no Report node report:a/);
  });

  it('refuses a node whose id property differs from its id', () => {
    const g = graph(A);
    g.nodes[1]!.properties.id = 'state:BRA';
    expect(() => planLoad(g)).toThrow(/property id "state:BRA" that differs/);
  });
});

describe('toDbProperties and checkStorable', () => {
  it('sends whole numbers as integers, other numbers as floats, and leaves nulls out', () => {
    const p = toDbProperties({ n: 3, f: 1.5, s: 'x', b: false, z: null, ints: [1, 2], floats: [1, 2.5], empty: [] });
    expect(neo4j.isInt(p.n)).toBe(true);
    expect(p.f).toBe(1.5);
    expect('z' in p).toBe(false);
    expect((p.ints as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(p.floats).toEqual([1, 2.5]);
    expect(p.empty).toEqual([]);
  });

  it.each([
    [{ a: ['x', 1] }, /one type/],
    [{ a: [null] }, /no nulls/],
    [{ a: [[1]] }, /one type/],
    [{ a: Number.NaN }, /not a number Neo4j can store/],
    [{ _a: 1 }, /bookkeeping/],
  ])('refuses %j', (props, message) => {
    expect(() => checkStorable(props as Properties, 'here')).toThrow(message);
    expect(() => checkStorable(props as Properties, 'here')).toThrow(LoadInputError);
  });

  it('checks every node and relationship before a load writes anything', () => {
    const g = graph(A);
    g.relationships[1]!.properties.spans = [0, Number.NaN];
    expect(() => planLoad(g)).toThrow(/relationship 1 \(MENTIONS para:report:a:1 → state:ARG\), property spans: a list holds a number Neo4j cannot store/);
  });
});

describe('contributions', () => {
  const fromA: Properties = { name: '阿根廷', aliases: ['阿根廷', 'Argentina'], title_en: null, listedIn: [A] };
  const fromB: Properties = { name: 'Argentina', aliases: ['Argentina', 'Argentine Republic'], title_en: 'x', listedIn: [B] };

  it('fold as mergeGraphs merges: first names, missing filled, lists united', () => {
    const c = withContribution(withContribution(NO_CONTRIBUTIONS, A, fromA), B, fromB);
    expect(foldContributions('node', c)).toEqual({ name: '阿根廷', aliases: ['阿根廷', 'Argentina', 'Argentine Republic'], title_en: 'x', listedIn: [A, B] });
    const merged = mergeGraphs([
      { reports: [A], nodes: [{ id: 'n', labels: ['State'], properties: fromA }], relationships: [] },
      { reports: [B], nodes: [{ id: 'n', labels: ['State'], properties: fromB }], relationships: [] },
    ]);
    expect(foldContributions('node', c)).toEqual(merged.nodes[0]!.properties);
  });

  it('a replaced contribution keeps its place; a removed one leaves the others exactly', () => {
    let c = withContribution(withContribution(NO_CONTRIBUTIONS, A, fromA), B, fromB);
    c = withContribution(c, A, { ...fromA, name: '阿根廷共和国' });
    expect(c.reports).toEqual([A, B]);
    expect(foldContributions('node', c).name).toBe('阿根廷共和国');
    expect(foldContributions('node', withoutContribution(c, A))).toEqual({
      name: 'Argentina',
      aliases: ['Argentina', 'Argentine Republic'],
      title_en: 'x',
      listedIn: [B],
    });
  });

  it('CO_OCCURS adds counts up and unites paragraphs and reports', () => {
    const c = withContribution(withContribution(NO_CONTRIBUTIONS, A, { count: 2, paragraphs: ['p1', 'p2'], reports: [A] }), B, {
      count: 1,
      paragraphs: ['q1'],
      reports: [B],
    });
    expect(foldContributions('CO_OCCURS', c)).toEqual({ count: 3, paragraphs: ['p1', 'p2', 'q1'], reports: [A, B] });
    expect(foldContributions('CO_OCCURS', withoutContribution(c, A))).toEqual({ count: 1, paragraphs: ['q1'], reports: [B] });
  });

  it('round-trip through the database: one contributor needs no _contrib, two carry each one', () => {
    const one = dbPropertiesOf('node', withContribution(NO_CONTRIBUTIONS, A, fromA));
    expect(one[REPORTS_KEY]).toEqual([A]);
    expect(CONTRIB_KEY in one).toBe(false);
    const readBack = contributionsOf({ ...one, id: 'n' });
    expect(readBack.byReport[A]).toEqual({ aliases: ['阿根廷', 'Argentina'], listedIn: [A], name: '阿根廷' });
    const two = dbPropertiesOf('node', withContribution(readBack, B, fromB));
    expect(two[REPORTS_KEY]).toEqual([A, B]);
    const fromBStored = { aliases: ['Argentina', 'Argentine Republic'], listedIn: [B], name: 'Argentina', title_en: 'x' };
    expect(JSON.parse(two[CONTRIB_KEY] as string)).toEqual({ sets: [readBack.byReport[A], fromBStored], of: [0, 1] });
    expect(contributionsOf(two as Record<string, unknown>)).toEqual({ reports: [A, B], byReport: { [A]: readBack.byReport[A], [B]: fromBStored } });
  });

  it('stores what several reports say alike once (a State in every report carries one or two sets, not one per report)', () => {
    const reports = Array.from({ length: 50 }, (_, i) => `report:r${i}`);
    const c = reports.reduce((acc, r, i) => withContribution(acc, r, i % 2 === 0 ? fromA : fromB), NO_CONTRIBUTIONS);
    const stored = dbPropertiesOf('node', c);
    const contrib = JSON.parse(stored[CONTRIB_KEY] as string) as { sets: unknown[]; of: number[] };
    expect(contrib.sets).toHaveLength(2);
    expect(contrib.of).toEqual(reports.map((_, i) => i % 2));
    const readBack = contributionsOf(stored as Record<string, unknown>);
    expect(readBack.reports).toEqual(reports);
    expect(foldContributions('node', withoutContribution(readBack, reports[0]!))).toEqual(foldContributions('node', withoutContribution(c, reports[0]!)));
  });

  it('still reads the first form of _contrib (an object keyed by report)', () => {
    const first = { [REPORTS_KEY]: [A, B], [CONTRIB_KEY]: JSON.stringify({ [A]: { name: '阿根廷' }, [B]: { name: 'Argentina' } }), name: '阿根廷' };
    expect(contributionsOf(first)).toEqual({ reports: [A, B], byReport: { [A]: { name: '阿根廷' }, [B]: { name: 'Argentina' } } });
  });
});

describe('batches', () => {
  it('splits rows into batches of at most n', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 2)).toEqual([]);
  });
});
