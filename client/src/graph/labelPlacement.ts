/**
 * Where each node's label goes so that no two labels overlap, no label covers
 * another node's disc, and none runs off the canvas: the four positions sigma v4
 * draws a label in (right, left, below, above the node), tried in that order,
 * nodes taken by priority (the selected, hovered and path nodes first, then the
 * largest). A label with no free position is not drawn: the reader zooms in to
 * see it, as with sigma's own label grid, but nothing is ever drawn over
 * something else. Pure: positions and sizes in CSS pixels of the viewport.
 */
export type LabelSide = 'right' | 'left' | 'below' | 'above';
export const LABEL_SIDES: readonly LabelSide[] = ['right', 'left', 'below', 'above'];

export interface LabelCandidate {
  node: string;
  /** The node's centre and radius on screen. */
  x: number;
  y: number;
  radius: number;
  /** The label's text box (0 width: no label, the disc is still an obstacle). */
  width: number;
  height: number;
  /** Placed first, and placed even where it would leave the frame (never hidden). */
  forced: boolean;
  /** Among the rest, higher first (the node's size). */
  priority: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Gap between a disc and its label, as sigma's DEFAULT_LABEL_MARGIN. */
export const LABEL_MARGIN = 5;

/** The box a label takes on one side of its node (sigma v4's nodeLabelBox, without rotation). */
export function labelBox(c: Pick<LabelCandidate, 'x' | 'y' | 'radius' | 'width' | 'height'>, side: LabelSide, margin = LABEL_MARGIN): Box {
  const start = c.radius + margin;
  const hw = c.width / 2;
  const hh = c.height / 2;
  let cx = c.x + start + hw;
  let cy = c.y;
  if (side === 'left') cx = c.x - start - hw;
  else if (side === 'below' || side === 'above') {
    cx = c.x;
    cy = side === 'below' ? c.y + start + hh : c.y - start - hh;
  }
  return { x1: cx - hw, y1: cy - hh, x2: cx + hw, y2: cy + hh };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A uniform grid over the viewport, so each test looks at the few boxes near it. */
class Grid {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly cell: number) {}
  private keys(b: Box): number[] {
    const out: number[] = [];
    for (let i = Math.floor(b.x1 / this.cell); i <= Math.floor(b.x2 / this.cell); i++)
      for (let j = Math.floor(b.y1 / this.cell); j <= Math.floor(b.y2 / this.cell); j++) out.push(i * 100003 + j);
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box, ignore?: Box): boolean {
    for (const k of this.keys(b)) for (const other of this.cells.get(k) ?? []) if (other !== ignore && overlaps(b, other)) return true;
    return false;
  }
}

/**
 * The side each label is drawn on, or null where it is not drawn. `viewport` is
 * the canvas size; `pad` keeps labels that far inside it.
 */
export function placeLabels(candidates: readonly LabelCandidate[], viewport: { width: number; height: number }, pad = 2): Map<string, LabelSide | null> {
  const placed = new Grid(64);
  const discs = new Grid(64);
  const discOf = new Map<string, Box>();
  for (const c of candidates) {
    const disc = { x1: c.x - c.radius, y1: c.y - c.radius, x2: c.x + c.radius, y2: c.y + c.radius };
    discOf.set(c.node, disc);
    discs.add(disc);
  }
  const inside = (b: Box) => b.x1 >= pad && b.y1 >= pad && b.x2 <= viewport.width - pad && b.y2 <= viewport.height - pad;
  const order = [...candidates].sort(
    (a, b) => Number(b.forced) - Number(a.forced) || b.priority - a.priority || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
  );
  const out = new Map<string, LabelSide | null>();
  for (const c of order) {
    if (c.width <= 0) {
      out.set(c.node, null);
      continue;
    }
    const own = discOf.get(c.node);
    let chosen: LabelSide | null = null;
    for (const side of LABEL_SIDES) {
      const box = labelBox(c, side);
      if (inside(box) && !placed.hits(box) && !discs.hits(box, own)) {
        chosen = side;
        placed.add(box);
        break;
      }
    }
    if (!chosen && c.forced) {
      // Always shown: the side that stays in the frame, else the right.
      chosen = LABEL_SIDES.find((side) => inside(labelBox(c, side))) ?? 'right';
      placed.add(labelBox(c, chosen));
    }
    out.set(c.node, chosen);
  }
  return out;
}
