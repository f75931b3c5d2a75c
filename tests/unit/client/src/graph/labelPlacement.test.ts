import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type Box, type LabelCandidate } from '../../../../../client/src/graph/labelPlacement.ts';

const node = (id: string, x: number, y: number, width: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
  node: id,
  x,
  y,
  radius: 8,
  width,
  height: 16,
  forced: false,
  priority: 1,
  ...extra,
});
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('label placement', () => {
  it('moves a label to the other side rather than over a neighbour’s label (24(c) beside the UNTOC label)', () => {
    const placed = placeLabels([node('instrument:untoc', 100, 100, 120, { priority: 10 }), node('rec:24(c)', 104, 104, 40)], { width: 400, height: 300 });
    expect(placed.get('instrument:untoc')).toBe('right');
    expect(placed.get('rec:24(c)')).not.toBe('right');
    expect(placed.get('rec:24(c)')).not.toBeNull();
  });

  it('puts a label on the left of a node at the canvas’s right edge instead of cutting it', () => {
    expect(placeLabels([node('a', 380, 150, 80)], { width: 400, height: 300 }).get('a')).toBe('left');
  });

  it('leaves out a label that has nowhere to go, but never a forced one (selected, hovered, on a path)', () => {
    const crowd = [
      node('big', 100, 100, 60, { priority: 9 }),
      node('b1', 100, 76, 60, { priority: 5 }),
      node('b2', 100, 124, 60, { priority: 5 }),
      node('b3', 60, 100, 60, { priority: 5 }),
      node('small', 100, 100, 60),
    ];
    const placed = placeLabels(crowd, { width: 400, height: 300 });
    expect(placed.get('small')).toBeNull();
    const forced = placeLabels(
      crowd.map((c) => (c.node === 'small' ? { ...c, forced: true } : c)),
      { width: 400, height: 300 },
    );
    expect(forced.get('small')).not.toBeNull();
  });

  it('never draws two labels over each other, over another node, or outside the canvas (property)', () => {
    const candidate = fc.record({
      x: fc.integer({ min: 0, max: 500 }),
      y: fc.integer({ min: 0, max: 400 }),
      radius: fc.integer({ min: 2, max: 20 }),
      width: fc.integer({ min: 0, max: 150 }),
      priority: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), (list) => {
        const candidates = list.map((c, i) => ({ ...c, node: `n${i}`, height: 16, forced: false }));
        const placed = placeLabels(candidates, { width: 500, height: 400 });
        const boxes: Box[] = [];
        for (const c of candidates) {
          const side = placed.get(c.node);
          if (!side) continue;
          const box = labelBox(c, side);
          expect(box.x1).toBeGreaterThanOrEqual(0);
          expect(box.x2).toBeLessThanOrEqual(500);
          for (const other of boxes) expect(overlap(box, other)).toBe(false);
          for (const d of candidates)
            if (d !== c) expect(overlap(box, { x1: d.x - d.radius, y1: d.y - d.radius, x2: d.x + d.radius, y2: d.y + d.radius })).toBe(false);
          boxes.push(box);
        }
      }),
    );
  });
});
