import { describe, expect, it } from 'vitest';
import {
  CURVE_SEGMENTS,
  EDGE_EVENTS_MAX_SIZE,
  edgeDrawingFor,
  edgePrimitivesFor,
  edgeVerticesPerEdge,
  FADE_MAX_ITEMS,
  focusFadesRest,
  LARGE_GRAPH_ORDER,
  LARGE_GRAPH_SIZE,
  LOOP_SEGMENTS,
  renderSettingsFor,
} from '../../../../../client/src/graph/drawing.ts';

describe("the viewer's edge program", () => {
  it('follows the path with the most pieces, and the heads', () => {
    // sigma's defaults: a line (1 piece), a curve (16), a loop (32), with arrow heads: 74 vertices per edge.
    expect(edgeVerticesPerEdge([{ segments: 1 }, { segments: 16 }, { segments: 32 }], true)).toBe(74);
    expect(edgeVerticesPerEdge([{ segments: 1 }], false)).toBe(4);
    expect(edgeVerticesPerEdge([], false)).toBe(4);
  });

  it('draws every edge with less than half the vertices of sigma’s default curve and loop', () => {
    const viewer = edgeVerticesPerEdge([{ segments: 1 }, { segments: CURVE_SEGMENTS }, { segments: LOOP_SEGMENTS }], true);
    expect(viewer).toBeLessThanOrEqual(34);
    // A curve stays a curve.
    expect(CURVE_SEGMENTS).toBeGreaterThanOrEqual(6);
    expect(LOOP_SEGMENTS).toBeGreaterThanOrEqual(8);
  });
});

describe('renderSettingsFor', () => {
  it('keeps edge hover and click up to EDGE_EVENTS_MAX_SIZE edges, and gives them up above', () => {
    expect(renderSettingsFor({ order: 400, size: EDGE_EVENTS_MAX_SIZE }).enableEdgeEvents).toBe(true);
    expect(renderSettingsFor({ order: 400, size: EDGE_EVENTS_MAX_SIZE + 1 }).enableEdgeEvents).toBe(false);
  });

  it('draws a graph of a report’s size as before: edges and labels while the camera moves, the dense label grid', () => {
    expect(renderSettingsFor({ order: 2000, size: EDGE_EVENTS_MAX_SIZE })).toEqual({
      hideEdgesOnMove: false,
      hideLabelsOnMove: false,
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.9,
    });
  });

  it('draws a large graph (by nodes or by edges) for speed', () => {
    const small = renderSettingsFor({ order: 10, size: 10 });
    for (const graph of [
      { order: LARGE_GRAPH_ORDER + 1, size: 10 },
      { order: 10, size: LARGE_GRAPH_SIZE + 1 },
    ]) {
      const s = renderSettingsFor(graph);
      expect(s.hideEdgesOnMove).toBe(true);
      expect(s.hideLabelsOnMove).toBe(true);
      expect(s.labelRenderedSizeThreshold).toBeGreaterThan(small.labelRenderedSizeThreshold);
      expect(s.labelDensity).toBeLessThan(small.labelDensity);
    }
  });
});

describe('edgeDrawingFor', () => {
  it('keeps curves, arrow heads and dashes for graphs of a report’s size', () => {
    for (const graph of [
      { order: 0, size: 0 },
      { order: 3000, size: 12000 },
      { order: LARGE_GRAPH_ORDER, size: LARGE_GRAPH_SIZE },
    ]) {
      expect(edgeDrawingFor(graph)).toBe('detailed');
    }
    const detailed = edgePrimitivesFor('detailed');
    expect(detailed).toEqual({ curveSegments: CURVE_SEGMENTS, loopSegments: LOOP_SEGMENTS, arrowHeads: true, dashes: true });
  });

  it('draws a large graph, by nodes or by edges, with straight lines and no heads or dashes', () => {
    for (const graph of [
      { order: LARGE_GRAPH_ORDER + 1, size: 10 },
      { order: 10, size: LARGE_GRAPH_SIZE + 1 },
      { order: 50_000, size: 200_000 },
    ]) {
      expect(edgeDrawingFor(graph)).toBe('lean');
    }
    const lean = edgePrimitivesFor('lean');
    expect(lean.curveSegments).toBeNull();
    expect(lean.arrowHeads).toBe(false);
    expect(lean.dashes).toBe(false);
    // Self-loops stay loops (sigma draws a self-loop with the loop path whatever the style says).
    expect(lean.loopSegments).toBeGreaterThanOrEqual(4);
  });

  it('changes the drawing exactly where a graph crosses the large-graph threshold (a merge or a view switch)', () => {
    const sizes = [LARGE_GRAPH_SIZE - 1, LARGE_GRAPH_SIZE, LARGE_GRAPH_SIZE + 1, LARGE_GRAPH_SIZE];
    const drawings = sizes.map((size) => edgeDrawingFor({ order: 100, size }));
    expect(drawings).toEqual(['detailed', 'detailed', 'lean', 'detailed']);
    // The large-graph settings and the lean drawing start at the same size.
    for (const size of sizes) {
      expect(edgeDrawingFor({ order: 100, size }) === 'lean').toBe(renderSettingsFor({ order: 100, size }).hideEdgesOnMove);
    }
  });

  it('gives the lean drawing far fewer vertices per edge than the detailed one', () => {
    const vertices = (drawing: 'detailed' | 'lean') => {
      const p = edgePrimitivesFor(drawing);
      const paths = [{ segments: 1 }, ...(p.curveSegments === null ? [] : [{ segments: p.curveSegments }]), { segments: p.loopSegments }];
      return edgeVerticesPerEdge(paths, p.arrowHeads);
    };
    expect(vertices('lean')).toBeLessThan(vertices('detailed') / 2);
  });
});

describe('focusFadesRest', () => {
  it('fades the rest of a graph around a focus up to FADE_MAX_ITEMS items, not above', () => {
    expect(focusFadesRest({ order: 10_000, size: 50_000 })).toBe(true);
    expect(focusFadesRest({ order: 1000, size: FADE_MAX_ITEMS - 1000 })).toBe(true);
    expect(focusFadesRest({ order: 1000, size: FADE_MAX_ITEMS - 999 })).toBe(false);
    expect(focusFadesRest({ order: 50_000, size: 200_000 })).toBe(false);
  });
});
