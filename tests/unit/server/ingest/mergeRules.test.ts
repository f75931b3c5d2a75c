import { describe, expect, it } from 'vitest';
import type { GraphRelationship } from '../../../../server/contract/model.ts';
import { createGraphBuilder } from '../../../../server/ingest/extract/graphBuilder.ts';
import { isShared, mergeProperties, relationshipKey } from '../../../../server/ingest/mergeRules.ts';

const R = 'report:a';
const mention = (paragraph: number, more: GraphRelationship['properties'] = {}): GraphRelationship => ({
  type: 'MENTIONS',
  start: `para:a:${paragraph}`,
  end: 'state:ARG',
  properties: { report: R, paragraph, spans: [0, 3], count: 1, ...more },
});

describe("a relationship's identity", () => {
  it('of one drawn from a report: type, ends, report, paragraph, unit, role and kind', () => {
    expect(relationshipKey(mention(1))).toBe(relationshipKey(mention(1, { spans: [4, 7], evidence: 'x' })));
    expect(relationshipKey(mention(1))).not.toBe(relationshipKey(mention(1, { report: 'report:b' })));
    expect(relationshipKey(mention(1))).not.toBe(relationshipKey(mention(1, { role: 'observer' })));
    expect(relationshipKey(mention(1))).not.toBe(relationshipKey(mention(1, { kind: 'nexus' })));
    expect(relationshipKey(mention(1))).not.toBe(relationshipKey(mention(1, { unit: 'rec:a:1(a)' })));
    expect(relationshipKey(mention(1))).not.toBe(relationshipKey({ ...mention(1), end: 'state:BRA' }));
    expect(relationshipKey(mention(1))).not.toBe(relationshipKey({ ...mention(1), type: 'CITES' }));
  });

  it('of one without a report (shared by reports): type and ends alone', () => {
    const a: GraphRelationship = { type: 'CO_OCCURS', start: 'crime:a', end: 'crime:b', properties: { count: 2, paragraphs: ['p1'], reports: [R] } };
    const b: GraphRelationship = { ...a, properties: { count: 5, paragraphs: ['q1'], reports: ['report:b'], paragraph: 3 } };
    expect(isShared(a)).toBe(true);
    expect(isShared(mention(1))).toBe(false);
    expect(relationshipKey(a)).toBe(relationshipKey(b));
    expect(relationshipKey(a)).not.toBe(relationshipKey({ ...a, end: 'crime:c' }));
  });
});

describe('merging what two reports (or two passes) bring', () => {
  it('lets the first name it and fills what it lacks or holds as null', () => {
    const first = { name: '阿根廷', title_en: null, aliases: ['阿根廷'] };
    const next = { name: 'Argentina', title_en: 'x', iso3: 'ARG', aliases: ['Argentina'] };
    expect(mergeProperties('node', first, next)).toEqual({ name: '阿根廷', title_en: 'x', aliases: ['阿根廷', 'Argentina'], iso3: 'ARG' });
    expect(first).toEqual({ name: '阿根廷', title_en: null, aliases: ['阿根廷'] });
  });

  it('unites the lists and adds the counts its kind names, and only those', () => {
    const a = { count: 2, paragraphs: ['p1', 'p2'], reports: [R] };
    const b = { count: 1, paragraphs: ['p2', 'q1'], reports: ['report:b'] };
    expect(mergeProperties('CO_OCCURS', a, b)).toEqual({ count: 3, paragraphs: ['p1', 'p2', 'q1'], reports: [R, 'report:b'] });
    // A MENTIONS found again keeps its first count and spans.
    expect(mergeProperties('MENTIONS', mention(1).properties, mention(1, { count: 4, spans: [9, 12] }).properties)).toEqual(mention(1).properties);
  });

  it('within one report too: the graph builder keeps each node and relationship once, merged by the same rules', () => {
    const builder = createGraphBuilder();
    builder.addNode({ id: 'state:ARG', labels: ['State'], properties: { name: '阿根廷', aliases: ['阿根廷'], name_en: null } });
    builder.addNode({ id: 'state:ARG', labels: ['State'], properties: { name: 'Argentina', aliases: ['Argentina'], name_en: 'Argentina' } });
    builder.addRelationship(mention(1));
    builder.addRelationship(mention(1, { evidence: '阿根廷' }));
    builder.addRelationship(mention(2));
    const graph = builder.build([R]);
    expect(graph.nodes).toEqual([
      { id: 'state:ARG', labels: ['State'], properties: { name: '阿根廷', aliases: ['阿根廷', 'Argentina'], name_en: 'Argentina' } },
    ]);
    expect(graph.relationships.map((r) => [r.properties.paragraph, r.properties.evidence ?? null])).toEqual([
      [1, '阿根廷'],
      [2, null],
    ]);
  });
});
