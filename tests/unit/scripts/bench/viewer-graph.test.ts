import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../../../scripts/bench/viewer-graph.ts';
import { planLoad } from '../../../../server/db/load/plan.ts';
import { validateGraph } from '../../../../server/ingest/validateGraph.ts';

describe('the viewer benchmark’s synthetic graph', () => {
  const graph = syntheticGraph({ nodes: 1500, edges: 7000 });

  it('has exactly the nodes and relationships asked for, none of them paragraphs', () => {
    expect(graph.nodes).toHaveLength(1500);
    expect(graph.relationships).toHaveLength(7000);
    expect(graph.nodes.some((n) => n.labels.includes('Paragraph'))).toBe(false);
  });

  it('validates against MODEL.md and is one report the loader accepts', () => {
    expect(validateGraph(graph)).toEqual([]);
    expect(planLoad(graph).relationshipCount).toBe(7000);
  });

  it('is the same graph for the same seed', () => {
    expect(syntheticGraph({ nodes: 1500, edges: 7000 })).toEqual(graph);
  });
});
