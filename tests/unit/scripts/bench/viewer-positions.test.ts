import { describe, expect, it } from 'vitest';
import { PLACE_NODES, positionOf } from '../../../../scripts/bench/viewer-positions.ts';

describe('the positions both viewer benchmark pages draw a frame on', () => {
  it('depend on the node key alone: the same key lands on the same point whatever the order of arrival', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `n${i}`);
    const forward = new Map(keys.map((k) => [k, positionOf(k, 300)]));
    const backward = new Map([...keys].reverse().map((k) => [k, positionOf(k, 300)]));
    for (const k of keys) expect(backward.get(k)).toEqual(forward.get(k));
  });

  it('fall inside the disc, spread over its whole area (not gathered at the centre or on a ring)', () => {
    const radius = 360;
    const points = Array.from({ length: 4000 }, (_, i) => positionOf(`4:abc:${i}`, radius));
    for (const p of points) expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(radius + 1e-9);
    // Uniform over the area: a quarter of the points within half the radius, in each quadrant a quarter.
    const inner = points.filter((p) => Math.hypot(p.x, p.y) < radius / 2).length / points.length;
    expect(inner).toBeGreaterThan(0.2);
    expect(inner).toBeLessThan(0.3);
    const quadrant = points.filter((p) => p.x > 0 && p.y > 0).length / points.length;
    expect(quadrant).toBeGreaterThan(0.2);
    expect(quadrant).toBeLessThan(0.3);
    // Distinct keys, distinct points.
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(points.length);
  });

  it('scale with the disc: the same key at twice the radius lies twice as far out, in the same direction', () => {
    const a = positionOf('Recommendation/12', 100);
    const b = positionOf('Recommendation/12', 200);
    expect(b.x).toBeCloseTo(2 * a.x, 9);
    expect(b.y).toBeCloseTo(2 * a.y, 9);
  });

  it('are what the in-page script puts on the page graph, with the camera home', () => {
    const nodes = new Map<string, { x: number; y: number; size: number }>([
      ['a', { x: 1, y: 2, size: 5 }],
      ['b', { x: 3, y: 4, size: 6 }],
    ]);
    let camera: unknown = null;
    let told = 0;
    const view = {
      sigma: { getContainer: () => ({ clientWidth: 800, clientHeight: 600 }), getCamera: () => ({ setState: (s: unknown) => (camera = s) }) },
      graph: {
        updateEachNodeAttributes: (f: (node: string, a: { x: number; y: number; size: number }) => { x: number; y: number; size: number }) => {
          for (const [k, v] of nodes) nodes.set(k, f(k, { ...v }));
        },
      },
      positionsChanged: () => told++,
    };
    new Function('window', PLACE_NODES)({ __benchView: () => view });
    expect(nodes.get('a')).toEqual({ ...positionOf('a', 300), size: 5 });
    expect(nodes.get('b')).toEqual({ ...positionOf('b', 300), size: 6 });
    expect(camera).toEqual({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    expect(told).toBe(1);
  });
});
