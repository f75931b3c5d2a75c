import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../../../client/src/graph/build.ts';
import { CANVAS_BACKGROUND, contestedColor, DIM_EDGE_COLOR, DIM_NODE_COLOR, PATH_COLOR, darken } from '../../../../../client/src/graph/palette.ts';
import {
  CUSTOM_GRAPH_STATE,
  edgeColor,
  edgeSizeFor,
  hiddenItems,
  isNodeDimmed,
  neighbourhood,
  nodeColor,
  nodeLabelText,
  pathEdges,
  viewerStyles,
  type FullEdgeState,
  type FullNodeState,
  type GraphState,
} from '../../../../../client/src/graph/styles.ts';

const node = (s: Partial<FullNodeState> = {}): FullNodeState => ({
  isActive: false,
  isSelected: false,
  isOnPath: false,
  labelSide: '',
  isHovered: false,
  isHidden: false,
  isHighlighted: false,
  ...s,
});
const edge = (s: Partial<FullEdgeState> = {}): FullEdgeState => ({
  isActive: false,
  isOnPath: false,
  isHovered: false,
  isHidden: false,
  isHighlighted: false,
  ...s,
});
const graphState = (s: Partial<GraphState> = {}): GraphState => ({ ...CUSTOM_GRAPH_STATE, ...s });

const graph = buildGraph({
  nodes: ['a', 'b', 'c', 'd'].map((k) => ({
    key: `state:${k}`,
    attributes: { labels: [k === 'd' ? 'CrimeType' : 'State'], properties: { name_zh: `${k}国`, name_en: `Land ${k}` } },
  })),
  edges: [
    { key: 'ab', source: 'state:a', target: 'state:b', attributes: { type: 'SPOKE_ON', properties: {} } },
    { key: 'bc', source: 'state:b', target: 'state:c', attributes: { type: 'ATTENDED', properties: {} } },
    { key: 'cd', source: 'state:c', target: 'state:d', attributes: { type: 'ADDRESSES', properties: {} } },
  ],
});

describe('labels follow the language (graph state, not attributes)', () => {
  it('picks the label for the language', () => {
    const attrs = { label_zh: '阿根廷', label_en: 'Argentina' };
    expect(nodeLabelText(attrs, { lang: 'zh' })).toBe('阿根廷');
    expect(nodeLabelText(attrs, { lang: 'en' })).toBe('Argentina');
  });
});

describe('hover and path highlighting', () => {
  it('dims what is outside the hovered neighbourhood, never the hovered or selected node', () => {
    const gs = graphState({ hasActiveSubgraph: true });
    expect(isNodeDimmed(node({ isActive: true }), gs)).toBe(false);
    expect(isNodeDimmed(node(), gs)).toBe(true);
    expect(isNodeDimmed(node({ isHovered: true }), gs)).toBe(false);
    expect(isNodeDimmed(node({ isSelected: true }), gs)).toBe(false);
    expect(isNodeDimmed(node(), graphState())).toBe(false);
    expect(nodeColor({ color: '#123456' }, node(), gs)).toBe(DIM_NODE_COLOR);
    expect(nodeColor({ color: '#123456' }, node({ isActive: true }), gs)).toBe('#123456');
  });

  it('dims what is off the path while one is drawn, paints the path red and thicker', () => {
    const gs = graphState({ hasPath: true });
    expect(isNodeDimmed(node({ isOnPath: true }), gs)).toBe(false);
    expect(isNodeDimmed(node(), gs)).toBe(true);
    expect(edgeColor({ color: '#cccccc' }, edge({ isOnPath: true }), gs)).toBe(PATH_COLOR);
    expect(edgeColor({ color: '#cccccc' }, edge(), gs)).toBe(DIM_EDGE_COLOR);
    expect(edgeSizeFor({ size: 1 }, edge({ isOnPath: true }), gs)).toBeGreaterThanOrEqual(3);
  });

  it('darkens the edges of the hovered neighbourhood', () => {
    expect(edgeColor({ color: '#cccccc' }, edge({ isActive: true }), graphState({ hasActiveSubgraph: true }))).toBe(darken('#cccccc'));
    expect(darken('#ffffff', 0.5)).toBe('#808080');
  });

  it('finds a node, its neighbours and the edges between them', () => {
    const sub = neighbourhood(graph, 'state:b');
    expect([...sub.nodes].sort()).toEqual(['state:a', 'state:b', 'state:c']);
    expect([...sub.edges].sort()).toEqual(['ab', 'bc']);
    expect(neighbourhood(graph, 'nope').edges.size).toBe(0);
  });

  it('finds the edges of a path in either direction', () => {
    expect([...pathEdges(graph, ['state:c', 'state:b', 'state:a'])].sort()).toEqual(['ab', 'bc']);
  });
});

describe('legend filters', () => {
  it('hides nodes of a label and every edge touching them', () => {
    const hidden = hiddenItems(graph, new Set(['CrimeType']), new Set());
    expect([...hidden.nodes]).toEqual(['state:d']);
    expect([...hidden.edges]).toEqual(['cd']);
  });

  it('hides edges of a type and keeps their nodes', () => {
    const hidden = hiddenItems(graph, new Set(), new Set(['SPOKE_ON']));
    expect(hidden.nodes.size).toBe(0);
    expect([...hidden.edges]).toEqual(['ab']);
  });
});

describe('the style declaration', () => {
  it('reads position and size from the graph and visibility from the hidden state', () => {
    const styles = viewerStyles();
    const base = styles.nodes[0] as Record<string, unknown>;
    expect(base.x).toEqual({ attribute: 'x' });
    expect(base.visibility).toEqual({ whenState: 'isHidden', then: 'hidden', else: 'visible' });
    const label = base.label as (a: unknown, s: FullNodeState, g: GraphState) => string;
    expect(label({ label_zh: '甲', label_en: 'A' }, node(), graphState({ lang: 'en' }))).toBe('A');
    expect(label({ label_zh: '甲', label_en: 'A' }, node(), graphState({ hasActiveSubgraph: true }))).toBe('');
  });
});

describe('the lean drawing (large graphs)', () => {
  type EdgeRule = Record<string, unknown>;
  const stated = { color: '#c0392b', curved: true, arrow: true, dashed: false };
  const contested = { ...stated, dashed: true };

  it('asks only for what the lean primitives declare: straight paths, no heads, no dash variable', () => {
    const base = viewerStyles('lean').edges[0] as EdgeRule;
    expect(base.path).toBe('straight');
    expect(base.head).toBe('none');
    expect(base).not.toHaveProperty('dashSize');
    const detailed = viewerStyles('detailed').edges[0] as EdgeRule;
    expect((detailed.path as (a: typeof stated) => string)(stated)).toBe('curved');
    expect((detailed.head as (a: typeof stated) => string)(stated)).toBe('arrow');
    expect((detailed.dashSize as (a: typeof contested) => number)(contested)).toBeGreaterThan(0);
  });

  it('tells a contested link by a paler colour where it is not dashed, and only there', () => {
    const gs = graphState();
    expect(edgeColor(contested, edge(), gs, 'lean')).toBe(contestedColor('#c0392b'));
    expect(edgeColor(contested, edge(), gs, 'lean')).not.toBe(edgeColor(stated, edge(), gs, 'lean'));
    expect(edgeColor(stated, edge(), gs, 'lean')).toBe('#c0392b');
    expect(edgeColor(contested, edge(), gs, 'detailed')).toBe('#c0392b');
    // Highlighted, it darkens like any edge; dimmed and on a path it is what every edge is.
    expect(edgeColor(contested, edge({ isActive: true }), gs, 'lean')).toBe(darken(contestedColor('#c0392b')));
    expect(edgeColor(contested, edge(), graphState({ hasActiveSubgraph: true }), 'lean')).toBe(DIM_EDGE_COLOR);
  });

  it('mixes the colour halfway with the canvas background', () => {
    expect(CANVAS_BACKGROUND).toBe('#fbfbfa');
    expect(contestedColor('#000000')).toBe('#7e7e7d');
    expect(contestedColor('#fbfbfa')).toBe('#fbfbfa');
    expect(contestedColor('red')).toBe('red');
  });
});
