import { describe, expect, it } from 'vitest';
import {
  CURVE_SEGMENTS,
  EDGE_EVENTS_MAX_SIZE,
  edgeVerticesPerEdge,
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
