import type { Lang } from '../i18n/strings.ts';
import type { EdgeAttrs, NodeAttrs, ViewerGraph } from './build.ts';
import type { EdgeDrawing } from './drawing.ts';
import { CANVAS_BACKGROUND, contestedColor, darken, DIM_EDGE_COLOR, DIM_NODE_COLOR, PATH_COLOR } from './palette.ts';

/**
 * Everything that changes how the graph looks without changing the graph:
 * sigma v4 state flags (per node, per edge, for the whole graph) read by the
 * declarative style rules below. Hover, selection, filters, paths and the
 * language only ever set state; the graph's attributes stay as built.
 */
export interface NodeState {
  /** In the hovered node's neighbourhood. */
  isActive: boolean;
  isSelected: boolean;
  isOnPath: boolean;
  /** Where the label placement put the label ('none': not drawn; '': not placed, sigma decides). See labelPlacement.ts. */
  labelSide: '' | 'none' | 'right' | 'left' | 'below' | 'above';
}
export interface EdgeState {
  isActive: boolean;
  isOnPath: boolean;
}
export interface GraphState {
  lang: Lang;
  hasActiveSubgraph: boolean;
  hasPath: boolean;
  /** Small graphs (a citation trace, a query result) show every label. */
  showAllLabels: boolean;
  /** Labels are placed by labelPlacement.ts (no overlaps, none off the canvas), not by sigma's label grid. */
  placedLabels: boolean;
}

export const CUSTOM_NODE_STATE: NodeState = { isActive: false, isSelected: false, isOnPath: false, labelSide: '' };
export const CUSTOM_EDGE_STATE: EdgeState = { isActive: false, isOnPath: false };
export const CUSTOM_GRAPH_STATE: GraphState = { lang: 'zh', hasActiveSubgraph: false, hasPath: false, showAllLabels: false, placedLabels: false };

/** Up to this many nodes, every label is drawn. */
export const ALL_LABELS_MAX_ORDER = 60;

/** The base flags sigma keeps for every item, plus ours. */
export type FullNodeState = NodeState & { isHovered: boolean; isHidden: boolean; isHighlighted: boolean };
export type FullEdgeState = EdgeState & { isHovered: boolean; isHidden: boolean; isHighlighted: boolean };

export const DEPTH_LAYERS = ['edges', 'nodes', 'activeEdges', 'activeNodes', 'topEdges', 'topNodes'] as const;

export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

/** The label drawn for a node in the current language. */
export function nodeLabelText(attrs: Pick<NodeAttrs, 'label_zh' | 'label_en'>, graphState: Pick<GraphState, 'lang'>): string {
  return graphState.lang === 'en' ? attrs.label_en : attrs.label_zh;
}

/** A node fades while something else is highlighted: a hovered neighbourhood or a path it is not on. */
export function isNodeDimmed(state: FullNodeState, graphState: GraphState): boolean {
  if (state.isHovered || state.isSelected) return false;
  if (graphState.hasActiveSubgraph) return !state.isActive;
  if (graphState.hasPath) return !state.isOnPath;
  return false;
}

export function isEdgeDimmed(state: FullEdgeState, graphState: GraphState): boolean {
  if (graphState.hasActiveSubgraph) return !state.isActive;
  if (graphState.hasPath) return !state.isOnPath;
  return false;
}

/** Node colour: its label's colour, grey when dimmed. */
export function nodeColor(attrs: Pick<NodeAttrs, 'color'>, state: FullNodeState, graphState: GraphState): string {
  return isNodeDimmed(state, graphState) ? DIM_NODE_COLOR : attrs.color;
}

/**
 * Edge colour: the path's red on a drawn path, grey when dimmed, darker in a highlighted
 * neighbourhood. In the lean drawing (no dashes) a contested stated link is paler
 * (contestedColor).
 */
export function edgeColor(
  attrs: Pick<EdgeAttrs, 'color'> & Partial<Pick<EdgeAttrs, 'dashed'>>,
  state: FullEdgeState,
  graphState: GraphState,
  drawing: EdgeDrawing = 'detailed',
): string {
  if (state.isOnPath && graphState.hasPath && !graphState.hasActiveSubgraph) return PATH_COLOR;
  if (isEdgeDimmed(state, graphState)) return DIM_EDGE_COLOR;
  const color = drawing === 'lean' && attrs.dashed ? contestedColor(attrs.color) : attrs.color;
  return state.isActive ? darken(color) : color;
}

export function edgeSizeFor(attrs: Pick<EdgeAttrs, 'size'>, state: FullEdgeState, graphState: GraphState): number {
  if (state.isOnPath && graphState.hasPath) return Math.max(3, attrs.size + 2);
  if (state.isActive) return attrs.size + 0.5;
  return attrs.size;
}

/**
 * The sigma v4 style declaration for a drawing (drawing.ts: 'lean' declares no curved
 * path, arrow head or dashed layer, so its edges ask for none). Rules apply in order,
 * later ones win; value functions get (attributes, state, graphState).
 */
export function viewerStyles(drawing: EdgeDrawing = 'detailed') {
  const lean = drawing === 'lean';
  return {
    nodes: [
      {
        x: { attribute: 'x' },
        y: { attribute: 'y' },
        size: { attribute: 'size', defaultValue: 6 },
        color: (a: NodeAttrs, s: FullNodeState, g: GraphState) => nodeColor(a, s, g),
        label: (a: NodeAttrs, s: FullNodeState, g: GraphState) => (isNodeDimmed(s, g) ? '' : nodeLabelText(a, g)),
        labelColor: '#1f2933',
        labelSize: 12,
        labelFont: LABEL_FONT,
        visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
        labelVisibility: 'auto',
        labelPosition: (_a: NodeAttrs, s: FullNodeState) => (s.labelSide && s.labelSide !== 'none' ? s.labelSide : 'right'),
        depth: 'nodes',
        backdropVisibility: 'hidden',
        backdropColor: '#ffffff',
        backdropShadowColor: 'rgba(15, 23, 42, 0.35)',
        backdropShadowBlur: 10,
        backdropPadding: 5,
        cursor: 'pointer',
      },
      {
        when: (_a: NodeAttrs, s: FullNodeState, g: GraphState) => !g.placedLabels && g.showAllLabels && !isNodeDimmed(s, g),
        then: { labelVisibility: 'visible' },
      },
      // Neighbours keep sigma's collision-aware labels ('auto'): the others are dimmed and unlabelled, so theirs win the space.
      { whenState: 'isActive', then: { depth: 'activeNodes' } },
      { when: (_a: NodeAttrs, s: FullNodeState, g: GraphState) => !g.placedLabels && s.isActive, then: { labelVisibility: 'auto' } },
      // Placed labels: drawn where the placement put them, hidden where it found no room.
      { when: (_a: NodeAttrs, s: FullNodeState, g: GraphState) => g.placedLabels && s.labelSide === 'none', then: { labelVisibility: 'hidden' } },
      {
        when: (_a: NodeAttrs, s: FullNodeState, g: GraphState) => g.placedLabels && s.labelSide !== '' && s.labelSide !== 'none',
        then: { labelVisibility: 'visible' },
      },
      { whenState: 'isOnPath', then: { depth: 'activeNodes', labelVisibility: 'visible' } },
      {
        whenState: 'isSelected',
        then: { depth: 'topNodes', labelVisibility: 'visible', backdropVisibility: 'visible', labelSize: 13 },
      },
      {
        whenState: 'isHovered',
        then: { depth: 'topNodes', labelVisibility: 'visible', backdropVisibility: 'visible', labelSize: 13 },
      },
    ],
    edges: [
      {
        size: (a: EdgeAttrs, s: FullEdgeState, g: GraphState) => edgeSizeFor(a, s, g),
        color: (a: EdgeAttrs, s: FullEdgeState, g: GraphState) => edgeColor(a, s, g, drawing),
        ...(lean
          ? { path: 'straight', head: 'none' }
          : {
              path: (a: EdgeAttrs) => (a.curved ? 'curved' : 'straight'),
              head: (a: EdgeAttrs) => (a.arrow ? 'arrow' : 'none'),
              dashSize: (a: EdgeAttrs) => (a.dashed ? 6 : 0),
            }),
        visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
        depth: 'edges',
      },
      { whenState: 'isActive', then: { depth: 'activeEdges' } },
      { whenState: 'isOnPath', then: { depth: 'activeEdges' } },
      { whenState: 'isHovered', then: { depth: 'topEdges' } },
    ],
    stage: { background: CANVAS_BACKGROUND },
  };
}

/** The hovered node, its neighbours and the edges between it and them. */
export function neighbourhood(graph: ViewerGraph, node: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  if (!graph.hasNode(node)) return { nodes, edges };
  graph.forEachEdge(node, (edge, _attrs, source, target) => {
    edges.add(edge);
    nodes.add(source);
    nodes.add(target);
  });
  return { nodes, edges };
}

/**
 * Which nodes and edges the legend hides: a node when its label is off, an
 * edge when its type is off or either end is hidden.
 */
export function hiddenItems(
  graph: ViewerGraph,
  hiddenLabels: ReadonlySet<string>,
  hiddenTypes: ReadonlySet<string>,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  // Nothing hidden (the usual case, and every new graph's first frame): no pass over every item.
  if (hiddenLabels.size === 0 && hiddenTypes.size === 0) return { nodes, edges };
  graph.forEachNode((node, attrs) => {
    if (hiddenLabels.has(attrs.nodeLabel)) nodes.add(node);
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    if (hiddenTypes.has(attrs.type) || nodes.has(source) || nodes.has(target)) edges.add(edge);
  });
  return { nodes, edges };
}

/** The edges joining consecutive nodes of a path (either direction; the first match). */
export function pathEdges(graph: ViewerGraph, pathNodes: readonly string[]): Set<string> {
  const edges = new Set<string>();
  for (let i = 0; i + 1 < pathNodes.length; i++) {
    const a = pathNodes[i]!;
    const b = pathNodes[i + 1]!;
    if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
    // edges(a, b) holds the edges between a and b either way round.
    const found = graph.edges(a, b)[0];
    if (found) edges.add(found);
  }
  return edges;
}
