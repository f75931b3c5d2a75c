import { Api } from '../api/client.ts';
import { errorMessage } from '../util/errors.ts';
import { buildGraph, createViewerGraph, mergeGraph, type ViewerGraph } from '../graph/build.ts';
import { GraphCanvas } from '../graph/canvas.ts';
import { exportPngBlob, saveBlob } from '../graph/exportPng.ts';
import { otherLang, t as translate, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { DetailsPanel } from '../panels/details.ts';
import { Legend } from '../panels/legend.ts';
import { SearchBox } from '../panels/search.ts';
import { Store } from '../state/store.ts';
import { parseUrlState, serializeUrlState, type View } from '../state/url.ts';
import { replace } from '../util/dom.ts';
import { CitationsView } from '../views/citations.ts';
import { CrimesView } from '../views/crimes.ts';
import { CypherView } from '../views/cypher.ts';
import { ExploreView } from '../views/explore.ts';
import { PathView } from '../views/path.ts';
import type { AppContext, AppState, ViewController } from './context.ts';
import { Shell } from './shell.ts';

/**
 * The viewer's controller: the state (mirrored in the URL, so a link reopens the
 * same view), the views and which one is active, the canvas and what its clicks
 * do, the explore graph and its expansions, the details and the legend. The
 * page's frame is the Shell's (shell.ts).
 */
export class App implements AppContext {
  readonly api = new Api();
  readonly store: Store<AppState>;
  readonly canvas: GraphCanvas;
  readonly details: DetailsPanel;
  private readonly legend: Legend;
  private readonly search: SearchBox;
  private readonly views: Record<View, ViewController>;
  private active: ViewController | null = null;
  private explore: ViewerGraph | null = null;
  private exploreLoading: Promise<ViewerGraph> | null = null;
  private readonly shell: Shell;
  /** Timings since navigation start (ms): the explore graph's data arrived, then was first drawn. */
  readonly metrics: { graphDataMs: number | null; firstGraphRenderMs: number | null; layoutRuns: number } = { graphDataMs: null, firstGraphRenderMs: null, layoutRuns: 0 };
  private viewSeq = 0;

  constructor(private readonly root: HTMLElement) {
    const initial = parseUrlState(location.search);
    this.store = new Store<AppState>({ ...initial, layoutRunning: false });
    // The views that draw the entity graph start its (largest) request before the renderer is set up.
    if (initial.view === 'explore' || initial.view === 'path' || initial.view === 'citations') void this.exploreGraph().catch(() => undefined);
    document.documentElement.lang = initial.lang === 'zh' ? 'zh-CN' : 'en';

    this.shell = new Shell(root, {
      t: (key, vars) => this.t(key, vars),
      lang: () => this.lang(),
      view: () => this.store.get().view,
      layoutRunning: () => this.store.get().layoutRunning,
      exportUrl: (format, table) => this.api.exportUrl(format, table),
      toggleLang: () => this.store.set({ lang: otherLang(this.lang()) }),
      exportPng: () => void this.exportPng(),
      switchView: (view) => this.switchView(view),
      zoom: (step) => this.canvas.zoom(step),
      fit: () => this.canvas.fit(),
      toggleLayout: () => this.canvas.toggleLayout(),
      spread: () => this.canvas.spread(),
    });
    this.canvas = new GraphCanvas(this.shell.canvas, createViewerGraph(), {
      onNodeClick: (node) => {
        if (this.active?.onNodeClick?.(node) === true) return;
        this.openNode(node);
      },
      onNodeDoubleClick: (node) => void this.expand(node),
      onEdgeClick: (edge) => this.active?.onEdgeClick?.(edge),
      onStageClick: () => {
        this.canvas.select(null);
        if (this.store.get().node) this.store.set({ node: null });
      },
      onLayoutChange: (running) => {
        if (running && !this.store.get().layoutRunning) this.metrics.layoutRuns++;
        this.store.set({ layoutRunning: running });
      },
    });
    this.canvas.setLang(initial.lang);
    this.details = new DetailsPanel(this);
    this.legend = new Legend(this);
    this.search = new SearchBox({
      api: this.api,
      lang: () => this.lang(),
      placeholder: () => this.t('searchPlaceholder'),
      label: () => this.t('searchLabel'),
      noResults: () => this.t('searchNoResults'),
      testId: 'search',
      className: 'header-search',
      onPick: (result) => void this.pickSearchResult(result.id),
    });
    this.shell.searchHost.append(this.search.element);
    this.shell.legendHost.append(this.legend.element);
    this.shell.detailsHost.append(this.details.element);

    this.views = {
      explore: new ExploreView(this),
      citations: new CitationsView(this),
      crimes: new CrimesView(this),
      path: new PathView(this),
      cypher: new CypherView(this),
    };

    this.store.subscribe((state, previous) => this.onStateChange(state, previous));
    window.addEventListener('popstate', () => {
      const next = parseUrlState(location.search);
      this.store.set({ ...next });
    });
    new ResizeObserver(() => this.canvas.resize()).observe(this.shell.canvas);
    this.shell.render();
    void this.activateView(initial.view);
    if (initial.node) this.details.showNode(initial.node);
  }

  // ── AppContext ──────────────────────────────────────────────────────────
  lang(): Lang {
    return this.store.get().lang;
  }

  t(key: MessageKey, vars?: Record<string, string | number>): string {
    return translate(this.lang(), key, vars);
  }

  showGraph(graph: ViewerGraph, options: { layout?: boolean } = {}): void {
    if (this.metrics.firstGraphRenderMs === null && graph.order > 0) {
      this.canvas.afterNextRender(() => {
        this.metrics.firstGraphRenderMs ??= Math.round(performance.now());
        // For the viewer benchmark (scripts/bench/viewer.ts): navigation start → first frame with the graph.
        performance.mark('graph-rendered');
        document.body.dataset.graphRendered = 'true';
      });
    }
    this.canvas.setGraph(graph);
    const { hiddenLabels, hiddenTypes } = this.store.get();
    this.canvas.setFilters(hiddenLabels, hiddenTypes);
    this.legend.setGraph(graph);
    this.updateCounts();
    if (options.layout !== false) this.canvas.startLayout();
    const node = this.store.get().node;
    if (node && graph.hasNode(node)) this.canvas.select(node);
  }

  openNode(id: string, options: { focus?: boolean } = {}): void {
    this.canvas.select(id, options.focus ?? false);
    this.store.set({ node: id });
    this.details.showNode(id);
  }

  openDetails(id: string): void {
    this.store.set({ node: id });
    this.details.showNode(id);
  }

  exploreGraph(): Promise<ViewerGraph> {
    if (this.explore) return Promise.resolve(this.explore);
    if (!this.exploreLoading) {
      this.exploreLoading = this.api.graph().then(
        (data) => {
          this.metrics.graphDataMs ??= Math.round(performance.now());
          this.explore = buildGraph(data);
          return this.explore;
        },
        (error: unknown) => {
          this.exploreLoading = null;
          throw error;
        },
      );
    }
    return this.exploreLoading;
  }

  async expand(id: string): Promise<void> {
    const graph = this.canvas.getGraph();
    try {
      const data = await this.api.neighbors(id, 1, 150);
      const { addedNodes, addedEdges } = mergeGraph(graph, data, id);
      this.canvas.graphChanged();
      this.legend.setGraph(graph);
      this.updateCounts();
      const name = (this.lang() === 'en' ? graph.getNodeAttribute(id, 'name_en') : graph.getNodeAttribute(id, 'name_zh')) ?? id;
      this.setStatus(addedNodes.length + addedEdges.length > 0 ? this.t('statusExpanded', { nodes: addedNodes.length, edges: addedEdges.length, name }) : this.t('statusExpandedNone', { name }));
      if (addedNodes.length > 0) this.canvas.startLayout(1500);
    } catch (error) {
      this.setStatus(this.t('statusError', { message: errorMessage(error) }), 'error');
    }
  }

  switchView(view: View, patch: Partial<AppState> = {}): void {
    this.store.set({ ...patch, view });
  }

  setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    this.shell.setStatus(text, kind);
  }

  // ── internals ───────────────────────────────────────────────────────────
  private async pickSearchResult(id: string): Promise<void> {
    const graph = this.canvas.getGraph();
    if (!graph.hasNode(id) && this.store.get().view === 'explore') {
      // Not drawn yet (e.g. a paragraph): bring it in with its neighbours.
      try {
        const data = await this.api.neighbors(id, 1, 100);
        mergeGraph(graph, data);
        this.canvas.graphChanged();
        this.legend.setGraph(graph);
        this.updateCounts();
      } catch {
        // The details still open below.
      }
    }
    if (this.canvas.getGraph().hasNode(id)) this.openNode(id, { focus: true });
    else this.openDetails(id);
  }

  private async activateView(view: View): Promise<void> {
    const seq = ++this.viewSeq;
    this.active?.deactivate();
    const controller = this.views[view];
    this.active = controller;
    const { viewTop, viewBottom } = this.shell;
    replace(viewTop);
    replace(viewBottom);
    this.root.dataset.view = view;
    this.shell.renderTabs();
    try {
      await controller.activate(viewTop, viewBottom);
    } catch (error) {
      if (seq === this.viewSeq) this.setStatus(this.t('statusError', { message: errorMessage(error) }), 'error');
    }
    viewTop.hidden = viewTop.childElementCount === 0;
    viewBottom.hidden = viewBottom.childElementCount === 0;
  }

  private onStateChange(state: AppState, previous: AppState): void {
    const url = serializeUrlState(state);
    if (url !== location.search) {
      const significant = state.view !== previous.view || state.node !== previous.node;
      const target = `${location.pathname}${url}`;
      if (significant) history.pushState(null, '', target);
      else history.replaceState(null, '', target);
    }
    if (state.lang !== previous.lang) {
      document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
      this.canvas.setLang(state.lang);
      this.shell.render();
      this.search.render();
      this.legend.render();
      this.details.render();
      for (const view of Object.values(this.views)) view.render();
      this.updateCounts();
    }
    if (state.hiddenLabels !== previous.hiddenLabels || state.hiddenTypes !== previous.hiddenTypes) {
      this.canvas.setFilters(state.hiddenLabels, state.hiddenTypes);
      this.legend.render();
    }
    if (state.layoutRunning !== previous.layoutRunning) this.shell.renderLayoutControls();
    if (state.node !== previous.node && state.node && this.details.currentNode() !== state.node) {
      this.canvas.select(state.node);
      this.details.showNode(state.node);
    }
    if (state.view !== previous.view) void this.activateView(state.view);
    else this.active?.onStateChange?.(state, previous);
  }

  private updateCounts(): void {
    const graph = this.canvas.getGraph();
    this.shell.setCounts(this.t('statusNodes', { nodes: graph.order, edges: graph.size }));
  }

  private async exportPng(): Promise<void> {
    this.shell.setExportBusy(true);
    try {
      const blob = await exportPngBlob(this.canvas.sigma);
      saveBlob(blob, `congress-graph-${this.store.get().view}.png`);
    } catch (error) {
      this.setStatus(this.t('statusError', { message: errorMessage(error) }), 'error');
    } finally {
      this.shell.setExportBusy(false);
    }
  }
}
