import Sigma from 'sigma';
import { extremityArrow, layerDashed, layerPlain, pathCurved, pathLine, pathLoop } from 'sigma/rendering';
import type { Lang } from '../i18n/strings.ts';
import type { EdgeAttrs, NodeAttrs, ViewerGraph } from './build.ts';
import { edgeDrawingFor, edgePrimitivesFor, focusFadesRest, renderSettingsFor, type EdgeDrawing } from './drawing.ts';
import { ItemFlag } from './itemFlag.ts';
import { labelBox, placeLabels, type Box, type LabelCandidate, type LabelSide } from './labelPlacement.ts';
import { Layout } from './layout.ts';
import { CANVAS_BACKGROUND } from './palette.ts';
import {
  ALL_LABELS_MAX_ORDER,
  CUSTOM_EDGE_STATE,
  CUSTOM_GRAPH_STATE,
  CUSTOM_NODE_STATE,
  DEPTH_LAYERS,
  hiddenItems,
  isNodeDimmed,
  LABEL_FONT,
  neighbourhood,
  nodeLabelText,
  pathEdges,
  viewerStyles,
  type EdgeState,
  type GraphState,
  type NodeState,
} from './styles.ts';

type LabelState = '' | 'none' | LabelSide;
type FullState = NodeState & { isHidden: boolean; isHovered: boolean; isHighlighted: boolean };

export type ViewerSigma = Sigma<NodeAttrs, EdgeAttrs, Record<string, unknown>, NodeState, EdgeState, GraphState>;

export interface CanvasHandlers {
  onNodeClick?: (node: string) => void;
  onNodeDoubleClick?: (node: string) => void;
  onEdgeClick?: (edge: string) => void;
  onStageClick?: () => void;
  onLayoutChange?: (running: boolean) => void;
  /** The reader moved the camera (pan, zoom, the buttons); called once it rests. */
  onCameraChange?: (camera: { x: number; y: number; ratio: number }) => void;
}

/** The camera that shows the whole graph (sigma's default state). */
export const HOME_CAMERA = { x: 0.5, y: 0.5, ratio: 1 } as const;

/**
 * The one sigma v4 renderer of the page and the graph it shows. Views hand it
 * a graph; everything interactive (hover, selection, legend filters, paths,
 * language) is sigma state, so the graph and its positions stay as they are.
 */
export class GraphCanvas {
  /**
   * The renderer. Sigma fixes its edge programs when it is created, so a graph that
   * crosses into or out of the lean drawing (drawing.ts edgeDrawingFor) gets a new one:
   * read this field at the time of use, do not keep it.
   */
  sigma: ViewerSigma;
  /** The edge drawing `sigma` was created with. */
  private drawing: EdgeDrawing;
  /** Callbacks waiting for the next frame drawn (afterNextRender): kept here, so that a new renderer still calls them. */
  private renderWaiters: (() => void)[] = [];
  private graph: ViewerGraph;
  private layout: Layout;
  private hiddenLabels = new Set<string>();
  private hiddenTypes = new Set<string>();
  private selected: string | null = null;
  private hovered: string | null = null;
  private path: string[] | null = null;
  private pathEdgeKeys: readonly string[] | null = null;
  /** Whether the selected node's neighbourhood stays highlighted (off where the whole drawing is the point, e.g. a citation trace). */
  private selectionFocus = true;
  /**
   * The items carrying each state flag: a change restyles only the items whose flag changes,
   * not every item (a hover costs its neighbourhood; a new 60,000-item graph with no filter
   * costs nothing before its first frame).
   */
  private readonly flags = {
    activeNodes: new ItemFlag((keys, on) => this.sigma.setNodesState(keys, { isActive: on })),
    activeEdges: new ItemFlag((keys, on) => this.sigma.setEdgesState(keys, { isActive: on })),
    hiddenNodes: new ItemFlag((keys, on) => this.sigma.setNodesState(keys, { isHidden: on })),
    hiddenEdges: new ItemFlag((keys, on) => this.sigma.setEdgesState(keys, { isHidden: on })),
    pathNodes: new ItemFlag((keys, on) => this.sigma.setNodesState(keys, { isOnPath: on })),
    pathEdges: new ItemFlag((keys, on) => this.sigma.setEdgesState(keys, { isOnPath: on })),
  };
  /** Milliseconds from construction to the first frame drawn. */
  firstRenderMs: number | null = null;

  constructor(
    private readonly container: HTMLElement,
    graph: ViewerGraph,
    private readonly handlers: CanvasHandlers = {},
  ) {
    const started = performance.now();
    this.graph = graph;
    this.layout = this.newLayout(graph);
    this.drawing = edgeDrawingFor(graph);
    this.sigma = this.createSigma(graph, this.drawing);
    this.afterNextRender(() => {
      this.firstRenderMs = Math.round(performance.now() - started);
      container.dataset.rendered = 'true';
      container.dispatchEvent(new CustomEvent('graph-rendered', { bubbles: true }));
    });
  }

  /**
   * A sigma renderer for `graph` with the primitives and styles of `drawing`, its events
   * bound to this canvas, in `lang`. Sigma's constructor draws the graph once, at once
   * (before any listener can hear it): see countConstructorFrame.
   */
  private createSigma(graph: ViewerGraph, drawing: EdgeDrawing, lang: Lang = CUSTOM_GRAPH_STATE.lang): ViewerSigma {
    const edges = edgePrimitivesFor(drawing);
    const paths = [
      pathLine(),
      ...(edges.curveSegments === null ? [] : [pathCurved({ curvature: 0.25, segments: edges.curveSegments })]),
      pathLoop({ segments: edges.loopSegments }),
    ];
    // The style functions are typed against our own attribute and state
    // shapes; sigma's option types are generic over them, which TypeScript
    // cannot follow through the conditional style rules, hence the cast.
    const options = {
      customNodeState: { ...CUSTOM_NODE_STATE },
      customEdgeState: { ...CUSTOM_EDGE_STATE },
      // The graph state its first frame is drawn with (the constructor draws one): the reader's language, all labels on a small graph.
      customGraphState: { ...CUSTOM_GRAPH_STATE, lang, showAllLabels: graph.order <= ALL_LABELS_MAX_ORDER },
      primitives: {
        depthLayers: [...DEPTH_LAYERS],
        edges: {
          // As few pieces per curve and loop as look smooth: every edge is drawn with the most any path needs (drawing.ts).
          paths,
          extremities: edges.arrowHeads ? [extremityArrow({ lengthRatio: 4, widthRatio: 3.5 })] : [],
          ...(edges.dashes
            ? {
                variables: { dashSize: { type: 'number', default: 0 } },
                layers: [
                  layerPlain(),
                  // Contested stated links: background-coloured dashes over the line.
                  layerDashed({ dashColor: CANVAS_BACKGROUND, dashSize: { attribute: 'dashSize' }, gapSize: { value: 5 } }),
                ],
              }
            : { layers: [layerPlain()] }),
        },
      },
      styles: viewerStyles(drawing),
      settings: {
        itemSizesReference: 'screen',
        zoomToSizeRatioFunction: (ratio: number) => Math.sqrt(ratio),
        nodeLabelEvents: 'extend',
        labelGridCellSize: 90,
        stagePadding: 40,
        minEdgeThickness: 1,
        enableCameraRotation: false,
        enableCameraMouseRotation: false,
        doubleClickZoomingRatio: 1.8,
        // The canvas may be hidden (the console's table-only mode): sigma then waits instead of throwing.
        allowInvalidContainer: true,
        minCameraRatio: 0.05,
        maxCameraRatio: 8,
        ...renderSettingsFor(graph),
      },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sigma = new Sigma(graph, this.container, options as any) as unknown as ViewerSigma;
    this.bindEvents(sigma);
    this.countConstructorFrame(sigma);
    return sigma;
  }

  /**
   * Sigma v4's constructor indexes the graph and renders it synchronously, before this
   * canvas can listen to `afterRender`: that frame is the graph drawn, as a bare sigma page's
   * first frame is. Once the code that created the renderer has run to its end (a microtask
   * later), if nothing changed since (no render pending: the camera, filters, selection and
   * language as that frame drew them; sigma schedules a render on every real change), the
   * callbacks waiting for a frame (afterNextRender) are called now instead of after a second,
   * identical frame, which in software WebGL waits seconds for the first to go through the GPU.
   * Not on an empty graph or a lost context (then nothing was drawn).
   */
  private countConstructorFrame(sigma: ViewerSigma): void {
    if (sigma.getGraph().order === 0) return;
    queueMicrotask(() => {
      if (sigma !== this.sigma || this.renderWaiters.length === 0) return;
      const internals = sigma as unknown as { renderFrame?: unknown; contextLost?: unknown };
      // Sigma's own fields (4.0.x): when either is not there, wait for the next frame as before.
      if (!('renderFrame' in internals) || internals.renderFrame !== null || internals.contextLost !== false) return;
      this.flushRenderWaiters();
    });
  }

  private flushRenderWaiters(): void {
    if (this.renderWaiters.length === 0) return;
    const waiters = this.renderWaiters;
    this.renderWaiters = [];
    for (const callback of waiters) callback();
  }

  /**
   * When the graph's size calls for another edge drawing than the renderer's, replaces
   * the renderer with one for `graph`, keeping what the reader had: the camera, the
   * language, filters, selection, path, highlighted neighbourhood and label places (all
   * sigma state, carried over from this canvas's own record of them) and every callback
   * waiting for a frame. The layout works on the graph, not the renderer: it runs on.
   * Returns whether the renderer was replaced (then it already shows `graph`).
   */
  private ensureDrawing(graph: ViewerGraph): boolean {
    const drawing = edgeDrawingFor(graph);
    if (drawing === this.drawing) return false;
    const camera = this.sigma.getCamera().getState();
    const { lang } = this.sigma.getGraphState();
    this.sigma.kill();
    this.drawing = drawing;
    this.sigma = this.createSigma(graph, drawing, lang);
    // For the viewer benchmark's phases (docs/PERFORMANCE.md): a new renderer has indexed and drawn its graph.
    performance.mark('sigma-built');
    this.applyingCamera = true;
    this.sigma.getCamera().setState(camera);
    this.applyingCamera = false;
    return true;
  }

  /** After a new renderer on the same graph: its items get back the states this canvas records. */
  private restoreStates(): void {
    for (const flag of Object.values(this.flags)) flag.reapply();
    if (this.selected && this.graph.hasNode(this.selected)) this.sigma.setNodeState(this.selected, { isSelected: true });
    const sides = this.labelSides;
    this.labelSides = new Map();
    this.applyLabelStates(sides);
    this.sigma.setGraphState({ hasPath: this.path !== null });
    this.applyActive();
  }

  /** Which edge drawing the renderer has now (drawing.ts). */
  getDrawing(): EdgeDrawing {
    return this.drawing;
  }

  getGraph(): ViewerGraph {
    return this.graph;
  }

  /** Show another graph (a view switch); the previous graph keeps its positions for when it comes back. */
  setGraph(graph: ViewerGraph): void {
    if (graph === this.graph) return;
    // Stop first (so the page hears the layout ended), then drop the worker.
    this.layout.stop(false);
    this.layout.kill();
    this.graph = graph;
    this.layout = this.newLayout(graph);
    this.selected = null;
    this.hovered = null;
    this.path = null;
    // sigma keeps the state of items the next graph shares (same ids): no highlight, filter, path or label place carries over.
    for (const flag of Object.values(this.flags)) flag.clear();
    this.applyLabelStates(new Map());
    // A graph on the other side of the lean-drawing threshold gets a new renderer, built on it.
    if (!this.ensureDrawing(graph)) {
      // sigma 4.0.4: setGraph() leaves its parallel-edge index on the graph the
      // renderer was built with, so the next refresh groups the old graph's edges
      // and the first edge added later throws NotFoundGraphError. Point the index
      // at the new graph before switching (setGraph's refresh then rebuilds it).
      const internals = this.sigma as unknown as { edgeGroups?: { graph: unknown } };
      if (internals.edgeGroups && 'graph' in internals.edgeGroups) internals.edgeGroups.graph = graph;
      this.sigma.setSettings(renderSettingsFor(graph));
      this.sigma.setGraph(graph);
    }
    this.sigma.setGraphState({ hasActiveSubgraph: false, hasPath: false, showAllLabels: graph.order <= ALL_LABELS_MAX_ORDER });
    this.applyFilters();
  }

  // ── layout ──────────────────────────────────────────────────────────────
  /** A reproducible layout run (a fixed number of iterations, then overlaps spread); see Layout.start. */
  startLayout(options?: { iterations?: number; duration?: number }): void {
    this.layout.start(options);
  }
  stopLayout(): void {
    this.layout.stop(true);
  }
  toggleLayout(): void {
    this.layout.toggle();
  }
  /** True while positions move: the force layout, or the overlap spreading after it. */
  isLayoutRunning(): boolean {
    return this.layout.isMoving();
  }
  spread(): void {
    this.layout.spread();
  }

  // ── language, filters, selection, paths ───────────────────────────────
  setLang(lang: Lang): void {
    this.sigma.setGraphState({ lang });
    this.scheduleLabels();
  }

  setFilters(hiddenLabels: Iterable<string>, hiddenTypes: Iterable<string>): void {
    this.hiddenLabels = new Set(hiddenLabels);
    this.hiddenTypes = new Set(hiddenTypes);
    this.applyFilters();
  }

  /** After nodes were merged in: new items get their filter state. */
  graphChanged(): void {
    // Grown (or shrunk) across the lean-drawing threshold: a new renderer, given back every state.
    if (this.ensureDrawing(this.graph)) this.restoreStates();
    else this.sigma.setSettings(renderSettingsFor(this.graph));
    this.sigma.setGraphState({ showAllLabels: this.graph.order <= ALL_LABELS_MAX_ORDER });
    this.applyFilters();
    if (this.path) this.setPath(this.path, this.pathEdgeKeys ?? undefined);
  }

  private applyFilters(): void {
    const hidden = hiddenItems(this.graph, this.hiddenLabels, this.hiddenTypes);
    this.flags.hiddenNodes.set(hidden.nodes);
    this.flags.hiddenEdges.set(hidden.edges);
    this.scheduleLabels();
  }

  /** Selects a node; `neighbourhood` false marks it without fading the rest. */
  select(node: string | null, focus = false, neighbourhood = true): void {
    this.selectionFocus = neighbourhood;
    if (this.selected && this.graph.hasNode(this.selected)) this.sigma.setNodeState(this.selected, { isSelected: false });
    this.selected = node && this.graph.hasNode(node) ? node : null;
    if (this.selected) {
      this.sigma.setNodeState(this.selected, { isSelected: true });
      if (focus) this.focus(this.selected);
    }
    this.applyActive();
  }

  getSelected(): string | null {
    return this.selected;
  }

  /**
   * Draws a path (ordered node ids) over the graph: its nodes and edges stay bright, the rest fades.
   * `edges` names the relationship of each step when known; else the first edge between each pair.
   */
  setPath(nodes: string[] | null, edges?: readonly string[]): void {
    this.path = nodes && nodes.length > 0 ? nodes : null;
    this.pathEdgeKeys = edges ?? null;
    const onPath = new Set(this.path ?? []);
    const known = this.pathEdgeKeys?.filter((e) => this.graph.hasEdge(e)) ?? [];
    const edgeSet = this.path ? (known.length === this.path.length - 1 ? new Set(known) : pathEdges(this.graph, this.path)) : new Set<string>();
    this.flags.pathNodes.set(onPath);
    this.flags.pathEdges.set(edgeSet);
    this.sigma.setGraphState({ hasPath: this.path !== null });
    this.applyActive();
  }

  /** Highlights a node's neighbourhood as a hover does; `null` ends the hover. */
  highlight(node: string | null): void {
    this.hovered = node && this.graph.hasNode(node) ? node : null;
    this.applyActive();
  }

  /**
   * The neighbourhood in focus: the hovered node's, else the selected node's
   * (unless a path is drawn, which then keeps the focus).
   */
  private applyActive(): void {
    const focus = this.hovered ?? (this.path || !this.selectionFocus ? null : this.selected);
    const sub = focus ? neighbourhood(this.graph, focus) : { nodes: new Set<string>(), edges: new Set<string>() };
    this.flags.activeNodes.set(sub.nodes);
    this.flags.activeEdges.set(sub.edges);
    // On a very large graph the neighbourhood stands out without the rest fading (drawing.ts FADE_MAX_ITEMS).
    const fades = focus !== null && focusFadesRest(this.graph);
    if (this.sigma.getGraphState().hasActiveSubgraph !== fades) this.sigma.setGraphState({ hasActiveSubgraph: fades });
    this.scheduleLabels();
  }

  getHovered(): string | null {
    return this.hovered;
  }

  // ── camera ────────────────────────────────────────────────────────────
  focus(node: string): void {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return;
    void this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(0.75, this.sigma.getCamera().getState().ratio) }, { duration: 400 });
  }

  fit(): void {
    void this.sigma.getCamera().animate({ ...HOME_CAMERA, angle: 0 }, { duration: 300 });
  }

  /** Where the camera looks (sigma's state: x, y in the framed graph's 0–1 space, ratio 1 = the whole graph). */
  getCamera(): { x: number; y: number; ratio: number } {
    const { x, y, ratio } = this.sigma.getCamera().getState();
    return { x, y, ratio };
  }

  /** Puts the camera there at once (a link's camera, a new view); null: the whole graph. */
  setCamera(camera: { x: number; y: number; ratio: number } | null): void {
    this.applyingCamera = true;
    this.sigma.getCamera().setState({ ...(camera ?? HOME_CAMERA), angle: 0 });
    this.applyingCamera = false;
  }

  zoom(direction: 1 | -1): void {
    const camera = this.sigma.getCamera();
    if (direction > 0) void camera.zoomIn({ duration: 200 });
    else void camera.zoomOut({ duration: 200 });
  }

  /**
   * The nodes drawn inside the frame (not hidden by the legend), largest first: the
   * canvas's text alternative lists them, and exports may keep only them.
   */
  nodesInFrame(): string[] {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    const out: { node: string; size: number }[] = [];
    this.graph.forEachNode((node, attrs) => {
      if (this.sigma.getNodeState(node).isHidden) return;
      const p = this.nodeViewportPosition(node);
      if (p && p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height) out.push({ node, size: attrs.size });
    });
    return out.sort((a, b) => b.size - a.size || (a.node < b.node ? -1 : 1)).map((e) => e.node);
  }

  /** Moves the camera by a share of the frame (keyboard panning: arrow keys). */
  pan(dx: number, dy: number): void {
    const camera = this.sigma.getCamera();
    const state = camera.getState();
    void camera.animate({ x: state.x + dx * state.ratio, y: state.y + dy * state.ratio }, { duration: 150 });
  }

  /** Where a node is drawn, in CSS pixels relative to the container (tests hover and click there). */
  nodeViewportPosition(node: string): { x: number; y: number } | null {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return null;
    return this.sigma.framedGraphToViewport({ x: display.x, y: display.y });
  }

  /** Runs `callback` once, after the next frame sigma draws. */
  afterNextRender(callback: () => void): void {
    this.renderWaiters.push(callback);
  }

  /** After the container changed size: sigma resizes its (thereby cleared) WebGL canvas but does not redraw it. */
  resize(): void {
    this.sigma.resize();
    this.sigma.scheduleRender();
    this.scheduleLabels();
  }

  kill(): void {
    this.layout.kill();
    this.sigma.kill();
  }

  private newLayout(graph: ViewerGraph): Layout {
    return new Layout(graph, {
      onChange: (running) => {
        this.handlers.onLayoutChange?.(running);
        this.scheduleLabels();
      },
    });
  }

  // ── labels ────────────────────────────────────────────────────────────
  private labelFrame: number | null = null;
  private labelSides = new Map<string, LabelState>();
  private measure: CanvasRenderingContext2D | null = null;
  private widths = new Map<string, number>();

  /** Places the labels again on the next frame (after the camera, the graph, a highlight or the language changed). */
  scheduleLabels(): void {
    if (this.labelFrame !== null) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = null;
      this.placeLabels();
    });
  }

  private textWidth(text: string, size: number): number {
    const key = `${size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.measure ??= document.createElement('canvas').getContext('2d');
      if (!this.measure) return text.length * size;
      this.measure.font = `${size}px ${LABEL_FONT}`;
      width = this.measure.measureText(text).width;
      if (this.widths.size > 20_000) this.widths.clear();
      this.widths.set(key, width);
    }
    return width;
  }

  /**
   * Decides where each label goes (labelPlacement.ts) for the graph as it stands on
   * screen and hands the decisions to sigma as node state. While the layout moves
   * nodes, and for graphs above PLACED_LABELS_MAX_ORDER, sigma's own label grid decides.
   */
  private placeLabels(): void {
    const graph = this.graph;
    const active = graph.order > 0 && graph.order <= PLACED_LABELS_MAX_ORDER && !this.layout.isMoving();
    this.sigma.setGraphState({ placedLabels: active });
    if (!active) {
      this.labelBoxes = new Map();
      this.applyLabelStates(new Map());
      return;
    }
    const graphState = this.sigma.getGraphState();
    const threshold = graphState.showAllLabels ? 0 : 7;
    const candidates: LabelCandidate[] = [];
    graph.forEachNode((node, attrs) => {
      const state = this.sigma.getNodeState(node) as unknown as FullState;
      if (state.isHidden) return;
      const display = this.sigma.getNodeDisplayData(node);
      if (!display) return;
      const p = this.sigma.framedGraphToViewport({ x: display.x, y: display.y });
      const radius = this.sigma.scaleSize(display.size);
      const forced = state.isSelected || state.isHovered || state.isOnPath;
      const text = isNodeDimmed(state, graphState) ? '' : nodeLabelText(attrs, graphState);
      const shown = text !== '' && (forced || radius >= threshold);
      const size = state.isSelected || state.isHovered ? LABEL_SIZE_FOCUS : LABEL_SIZE;
      candidates.push({
        node,
        x: p.x,
        y: p.y,
        radius,
        width: shown ? this.textWidth(text, size) + (forced ? 10 : 0) : 0,
        height: Math.round(size * 1.3) + (forced ? 10 : 0),
        forced,
        priority: attrs.size,
      });
    });
    const placed = placeLabels(candidates, { width: this.container.clientWidth, height: this.container.clientHeight });
    const states = new Map<string, LabelState>();
    const boxes = new Map<string, Box>();
    for (const c of candidates) {
      const side = placed.get(c.node);
      states.set(c.node, side ?? 'none');
      if (side) boxes.set(c.node, labelBox(c, side));
    }
    this.labelBoxes = boxes;
    this.applyLabelStates(states);
  }

  private labelBoxes = new Map<string, Box>();

  /** The boxes (viewport CSS pixels) of the labels drawn, by node: what the end-to-end tests hold to "no overlap, none cut". */
  placedLabelBoxes(): Record<string, Box> {
    return this.sigma.getGraphState().placedLabels ? Object.fromEntries(this.labelBoxes) : {};
  }

  private applyLabelStates(states: Map<string, LabelState>): void {
    const changes = new Map<LabelState, string[]>();
    const note = (node: string, value: LabelState) => {
      const list = changes.get(value);
      if (list) list.push(node);
      else changes.set(value, [node]);
    };
    for (const [node, value] of states) if (this.labelSides.get(node) !== value && this.graph.hasNode(node)) note(node, value);
    for (const node of this.labelSides.keys()) if (!states.has(node) && this.graph.hasNode(node)) note(node, '');
    this.labelSides = states;
    for (const [value, nodes] of changes) this.sigma.setNodesState(nodes, { labelSide: value });
  }

  /** Where each node's label is drawn now ('none': not drawn), for tests and the picture export. */
  labelPlacement(): ReadonlyMap<string, LabelState> {
    return this.labelSides;
  }

  private applyingCamera = false;
  private labelTimer: ReturnType<typeof setTimeout> | null = null;

  /** After the camera rests: placing labels on every frame of a pan would cost more than it shows. */
  private scheduleLabelsSoon(): void {
    if (this.labelTimer) clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => {
      this.labelTimer = null;
      this.scheduleLabels();
    }, 120);
  }
  private cameraTimer: ReturnType<typeof setTimeout> | null = null;
  /** A leaveNode waiting for the end of its pointer event (see bindEvents). */
  private leaving = false;

  private bindEvents(s: ViewerSigma): void {
    s.on('afterRender', () => this.flushRenderWaiters());
    s.getCamera().on('updated', () => {
      this.scheduleLabelsSoon();
      if (this.applyingCamera) return;
      if (this.cameraTimer) clearTimeout(this.cameraTimer);
      this.cameraTimer = setTimeout(() => {
        this.cameraTimer = null;
        this.handlers.onCameraChange?.(this.getCamera());
      }, 250);
    });
    s.on('enterNode', ({ node }) => {
      this.leaving = false;
      this.highlight(node);
      this.container.style.cursor = 'pointer';
    });
    // From one node straight onto another, sigma says leave, then enter, in one pointer event:
    // the leave waits for the end of that event, so the enter finds the neighbourhood still lit and
    // restyles only the items whose flags change, not the whole graph fading back and out again.
    s.on('leaveNode', () => {
      this.leaving = true;
      queueMicrotask(() => {
        if (!this.leaving) return;
        this.leaving = false;
        this.highlight(null);
        this.container.style.cursor = '';
      });
    });
    s.on('clickNode', ({ node }) => this.handlers.onNodeClick?.(node));
    s.on('doubleClickNode', (payload) => {
      payload.preventSigmaDefault();
      this.handlers.onNodeDoubleClick?.(payload.node);
    });
    s.on('clickEdge', ({ edge }) => this.handlers.onEdgeClick?.(edge));
    s.on('enterEdge', () => (this.container.style.cursor = 'pointer'));
    s.on('leaveEdge', () => (this.container.style.cursor = ''));
    s.on('clickStage', () => this.handlers.onStageClick?.());
  }
}

/** Up to this many nodes, labels are placed by labelPlacement.ts (no overlap, none off the canvas); above, sigma's label grid decides. */
export const PLACED_LABELS_MAX_ORDER = 3000;
const LABEL_SIZE = 12;
const LABEL_SIZE_FOCUS = 13;
