/**
 * What the viewer's drawing costs, as pure rules: how finely its edge program draws
 * curves and loops, and which sigma settings follow a graph's size. No sigma import
 * (its rendering module needs WebGL): canvas.ts builds the program from these.
 */
/**
 * How many straight pieces draw a curved edge and a self-loop. Sigma v4 draws every
 * edge with one program whose geometry is the largest any of its paths needs: with
 * sigma's defaults (a curve in 16 pieces, a loop in 32) each edge, straight ones too,
 * was 74 vertices (a tail and a head quad, 33 pairs along the body) where a program of
 * straight lines without heads uses 4; with software WebGL one frame of a 2,000-node /
 * 10,000-edge graph cost about 4× the bare sigma page's (issue 18).
 * A stated crime link bends by a quarter of its length, so 8 pieces keep it smooth at
 * the sizes it is drawn; a loop is a node's own small circle, 12 pieces.
 */
export const CURVE_SEGMENTS = 8;
export const LOOP_SEGMENTS = 12;

/**
 * Vertices per edge of sigma v4's edge program for these paths (its zoned geometry,
 * sigma/src/rendering/edges/generator: a quad for the tail and one for the head when
 * any extremity is declared, and two vertices per piece boundary along the body of the
 * path with the most pieces). Every edge, whatever its path, is drawn with that many.
 */
export function edgeVerticesPerEdge(paths: readonly { segments: number }[], withExtremities: boolean): number {
  const body = Math.max(1, ...paths.map((p) => p.segments));
  return 2 * (body + 1) + (withExtremities ? 8 : 0);
}

/** Above these sizes a graph is drawn for speed: see renderSettingsFor and edgeDrawingFor. */
export const LARGE_GRAPH_ORDER = 5000;
export const LARGE_GRAPH_SIZE = 20000;

/** A graph above LARGE_GRAPH_ORDER nodes or LARGE_GRAPH_SIZE edges (graphology's `order` and `size`). */
export function isLargeGraph(graph: { order: number; size: number }): boolean {
  return graph.order > LARGE_GRAPH_ORDER || graph.size > LARGE_GRAPH_SIZE;
}

/**
 * How edges are drawn. 'detailed': stated crime links curved with an arrow head (dashed
 * when contested), citations and supplements with an arrow head, self-loops as small
 * circles. 'lean', for large graphs: every edge a straight line (self-loops still
 * circles, coarser), no arrow heads, no dashes; a contested link is told by its colour
 * instead (contestedColor). At tens of thousands of edges the whole graph on screen is
 * lines a pixel wide crossing each other, where a quarter-length bend, a head three pixels
 * wide or a 6-pixel dash cannot be told apart, while sigma v4 draws every edge with the
 * geometry and the fragment shader of the most detailed one (edgeVerticesPerEdge), and
 * software WebGL pays that per edge and per pixel on every frame.
 */
export type EdgeDrawing = 'detailed' | 'lean';

/** The drawing a graph of this size gets: 'lean' for a large graph (isLargeGraph), else 'detailed'. */
export function edgeDrawingFor(graph: { order: number; size: number }): EdgeDrawing {
  return isLargeGraph(graph) ? 'lean' : 'detailed';
}

/** Pieces of a self-loop in the lean drawing: a loop is a node's own small circle, drawn a few pixels wide on a large graph. */
export const LEAN_LOOP_SEGMENTS = 6;

/** What sigma's edge program is built with for a drawing (canvas.ts turns it into sigma primitives). */
export interface EdgePrimitives {
  /** Pieces of a curved edge; null: no curved path (every edge straight). */
  curveSegments: number | null;
  loopSegments: number;
  /** An arrow head is declared (sigma's extremityArrow). */
  arrowHeads: boolean;
  /** A dashed layer is declared (sigma's layerDashed). */
  dashes: boolean;
}

/** The primitives of a drawing (see EdgeDrawing); sigma fixes them when a renderer is created. */
export function edgePrimitivesFor(drawing: EdgeDrawing): EdgePrimitives {
  return drawing === 'lean'
    ? { curveSegments: null, loopSegments: LEAN_LOOP_SEGMENTS, arrowHeads: false, dashes: false }
    : { curveSegments: CURVE_SEGMENTS, loopSegments: LOOP_SEGMENTS, arrowHeads: true, dashes: true };
}

/**
 * Up to this many items (nodes and edges), a hovered or selected node's neighbourhood
 * stands out by fading everything else. Fading restyles every item of the graph (sigma
 * re-evaluates every style that reads the graph's state) and then draws a full frame;
 * above this size the neighbourhood is drawn darker and on top of the rest and nothing
 * else changes, so a hover restyles only the items it concerns.
 */
export const FADE_MAX_ITEMS = 100_000;

/** Whether a focus (hover, selection) fades the rest of this graph: see FADE_MAX_ITEMS. */
export function focusFadesRest(graph: { order: number; size: number }): boolean {
  return graph.order + graph.size <= FADE_MAX_ITEMS;
}
/**
 * Up to this many edges, edges answer hover and click. Sigma finds what the pointer is
 * over by drawing every pickable item a second time, into its picking buffer, on every
 * frame: with edge events on, each frame draws every edge twice (sigma's default
 * leaves them off). Above this size an edge's details stay one click away, in either
 * end's details panel.
 */
export const EDGE_EVENTS_MAX_SIZE = 5000;

/** The sigma settings that follow the graph's size (sigma v4 setting names). */
export interface SizeSettings {
  hideEdgesOnMove: boolean;
  hideLabelsOnMove: boolean;
  enableEdgeEvents: boolean;
  labelRenderedSizeThreshold: number;
  labelDensity: number;
}

/**
 * Sigma settings by graph size (`order` nodes, `size` edges, graphology's terms). Up to
 * EDGE_EVENTS_MAX_SIZE edges, edges answer hover and click. A large graph (above
 * LARGE_GRAPH_ORDER nodes or LARGE_GRAPH_SIZE edges) also keeps its edges and labels
 * off while the camera moves (a pan or zoom redraws only the nodes) and labels only its
 * bigger nodes (drawn at 11 px and more, sparser grid).
 */
export function renderSettingsFor(graph: { order: number; size: number }): SizeSettings {
  const large = isLargeGraph(graph);
  return {
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_SIZE,
    labelRenderedSizeThreshold: large ? 11 : 7,
    labelDensity: large ? 0.4 : 0.9,
  };
}
