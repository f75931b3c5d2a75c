import { Api } from '../api/client.ts';
import { Corpus } from '../corpus/corpus.ts';
import { setUnitTags, shortName } from '../i18n/names.ts';
import { CorpusPanel } from '../panels/corpus.ts';
import { CompareView } from '../views/compare.ts';
import { errorMessage } from '../util/errors.ts';
import { buildGraph, createViewerGraph, mergeGraph, type ViewerGraph } from '../graph/build.ts';
import { GraphCanvas, HOME_CAMERA } from '../graph/canvas.ts';
import { OnScreenList } from '../panels/onScreen.ts';
import { otherLang, t as translate, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { DetailsPanel } from '../panels/details.ts';
import { Legend } from '../panels/legend.ts';
import { SearchBox } from '../panels/search.ts';
import { Store } from '../state/store.ts';
import { ENTITY_GRAPH_VIEWS, normalizeCamera, parseUrlState, serializeUrlState, type UrlState, type View } from '../state/url.ts';
import { loadCitationData, type CitationData } from '../views/citationData.ts';
import { CitationsView } from '../views/citations.ts';
import { CrimesView } from '../views/crimes.ts';
import { CypherView } from '../views/cypher.ts';
import { ExploreView } from '../views/explore.ts';
import { PathView } from '../views/path.ts';
import type { AppContext, AppState, ViewController } from './context.ts';
import { ExportMenu } from './exportMenu.ts';
import { Shell } from './shell.ts';

/**
 * The viewer's controller: it keeps the state (a {@link Store} the URL mirrors, so a
 * link reopens the same view), loads the corpus, the explore graph and the citation
 * data once per scope, activates the views, and wires the canvas, the panels and the
 * frame's controls (shell.ts) to the state. The frame itself is the {@link Shell}; the
 * export menu is {@link ExportMenu}.
 */
export class AppController implements AppContext {
  readonly api = new Api();
  readonly store: Store<AppState>;
  readonly canvas: GraphCanvas;
  readonly details: DetailsPanel;
  private readonly legend: Legend;
  private readonly corpusPanel: CorpusPanel;
  private corpusData = new Corpus();
  private corpusLoading: Promise<void> | null = null;
  private readonly search: SearchBox;
  private readonly views: Record<View, ViewController>;
  private active: ViewController | null = null;
  private explore: ViewerGraph | null = null;
  private exploreLoading: Promise<ViewerGraph> | null = null;
  private readonly shell: Shell;
  private readonly exportMenu: ExportMenu;
  /** Timings since navigation start (ms): the explore graph's data arrived, then was first drawn. */
  readonly metrics: { graphDataMs: number | null; firstGraphRenderMs: number | null; layoutRuns: number } = {
    graphDataMs: null,
    firstGraphRenderMs: null,
    layoutRuns: 0,
  };
  private onScreen!: OnScreenList;
  private viewSeq = 0;

  constructor(root: HTMLElement) {
    const initial = parseUrlState(location.search);
    this.store = new Store<AppState>({ ...initial, layoutRunning: false });
    // Every request carries the corpus filter from the first one on.
    this.api.filter = { reports: initial.reports, regions: initial.regions, congresses: initial.congresses };
    // The views that draw the entity graph start its (largest) request before the renderer is set up.
    if (ENTITY_GRAPH_VIEWS.includes(initial.view)) void this.exploreGraph().catch(() => undefined);
    document.documentElement.lang = initial.lang === 'zh' ? 'zh-CN' : 'en';

    this.exportMenu = new ExportMenu(this, async () => {
      if (this.corpusData.reports.length === 0) await this.reloadCorpus();
      return this.corpusData;
    });
    this.shell = new Shell(
      root,
      {
        t: (key, vars) => this.t(key, vars),
        lang: () => this.lang(),
        view: () => this.store.get().view,
        layoutRunning: () => this.store.get().layoutRunning,
        toggleLang: () => this.store.set({ lang: otherLang(this.lang()) }),
        switchView: (view) => this.switchView(view),
        // Undefined while the constructor runs, until the canvas below is built.
        canvas: () => this.canvas as GraphCanvas | undefined,
      },
      [this.exportMenu.element],
    );
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
      onCameraChange: (camera) => {
        const atHome =
          Math.abs(camera.x - HOME_CAMERA.x) < 1e-4 && Math.abs(camera.y - HOME_CAMERA.y) < 1e-4 && Math.abs(camera.ratio - HOME_CAMERA.ratio) < 1e-4;
        this.store.set({ camera: atHome ? null : normalizeCamera(camera) });
        this.onScreen.refresh();
      },
      onLayoutChange: (running) => {
        if (running && !this.store.get().layoutRunning) this.metrics.layoutRuns++;
        this.store.set({ layoutRunning: running });
      },
    });
    this.canvas.setLang(initial.lang);
    this.onScreen = new OnScreenList(this);
    this.shell.onScreenHost.append(this.onScreen.element);
    this.details = new DetailsPanel(this);
    this.legend = new Legend(this);
    this.corpusPanel = new CorpusPanel(this);
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
    this.shell.legendHost.append(this.corpusPanel.element, this.legend.element);
    this.shell.detailsHost.append(this.details.element);

    this.views = {
      explore: new ExploreView(this),
      citations: new CitationsView(this),
      crimes: new CrimesView(this),
      compare: new CompareView(this),
      path: new PathView(this),
      cypher: new CypherView(this),
    };

    this.store.subscribe((state, previous) => this.onStateChange(state, previous));
    window.addEventListener('popstate', () => {
      const next = parseUrlState(location.search);
      this.store.set({ ...next });
    });
    new ResizeObserver(() => this.canvas.resize()).observe(this.shell.canvas);
    this.renderChrome();
    void this.reloadCorpus();
    void this.activateView(initial.view);
    if (initial.node) void this.details.showNode(initial.node);
  }

  // ── The corpus ──────────────────────────────────────────────────────────
  corpus(): Corpus {
    return this.corpusData;
  }

  /** Reads the corpus (GET /api/reports) and redraws what names reports. */
  private reloadCorpus(): Promise<void> {
    this.corpusLoading ??= this.api
      .reports()
      .then((data) => {
        this.corpusData = new Corpus(data);
        // With more than one meeting, a paragraph or recommendation is named with its meeting's tag (LAC-15 24(c)).
        const corpus = this.corpusData;
        setUnitTags((report) => (corpus.meetings(this.lang()).length > 1 ? (corpus.report(report)?.tag ?? undefined) : undefined));
        relabelUnits(this.canvas.getGraph());
        if (this.explore && this.explore !== this.canvas.getGraph()) relabelUnits(this.explore);
        this.canvas.graphChanged();
        this.corpusPanel.render();
        this.legend.render();
        this.details.render();
        for (const view of Object.values(this.views)) view.render();
        document.body.dataset.corpusLoaded = String(data.reports.length);
      })
      .catch((error: unknown) => this.setStatus(() => this.t('statusError', { message: errorMessage(error, this.lang()) }), 'error'))
      .finally(() => {
        this.corpusLoading = null;
      });
    return this.corpusLoading;
  }

  async corpusChanged(): Promise<void> {
    await this.reloadCorpus();
    this.scopeChanged(true);
  }

  /** The reports in scope changed (the filter, or the corpus itself): every view reads the database again (`activate`: the current view now). */
  private scopeChanged(activate: boolean): void {
    const { reports, regions, congresses } = this.store.get();
    this.api.filter = { reports, regions, congresses };
    this.explore = null;
    this.exploreLoading = null;
    this.citationLoading = null;
    for (const view of Object.values(this.views)) view.reset?.();
    this.corpusPanel.render();
    this.legend.render();
    this.renderChrome();
    const node = this.details.currentNode();
    if (node) void this.details.showNode(node);
    if (activate) void this.activateView(this.store.get().view);
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
    const changed = this.canvas.getGraph() !== graph;
    this.canvas.setGraph(graph);
    // A new picture starts where the link says, else showing the whole graph.
    if (changed) this.canvas.setCamera(this.store.get().camera);
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
    void this.details.showNode(id);
  }

  openDetails(id: string): void {
    this.store.set({ node: id });
    void this.details.showNode(id);
  }

  exploreGraph(): Promise<ViewerGraph> {
    if (this.explore) return Promise.resolve(this.explore);
    if (!this.exploreLoading) {
      this.exploreLoading = this.api.graph().then(
        (data) => {
          this.metrics.graphDataMs ??= Math.round(performance.now());
          this.explore = buildGraph(data);
          performance.mark('graph-built');
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

  private citationLoading: Promise<CitationData> | null = null;

  citationData(): Promise<CitationData> {
    this.citationLoading ??= loadCitationData(this.api, () => this.exploreGraph()).catch((error: unknown) => {
      this.citationLoading = null;
      throw error;
    });
    return this.citationLoading;
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
      this.setStatus(
        addedNodes.length + addedEdges.length > 0
          ? this.t('statusExpanded', { nodes: addedNodes.length, edges: addedEdges.length, name })
          : this.t('statusExpandedNone', { name }),
      );
      if (addedNodes.length > 0) this.canvas.startLayout({ iterations: 150 });
    } catch (error) {
      this.setStatus(() => this.t('statusError', { message: errorMessage(error, this.lang()) }), 'error');
    }
  }

  switchView(view: View, patch: Partial<AppState> = {}): void {
    // Another view is another picture: its camera starts at the whole graph.
    this.store.set({ camera: null, ...patch, view });
  }

  setStatus(text: string | (() => string), kind: 'info' | 'error' = 'info'): void {
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
    const { top, bottom } = this.shell.showView(view);
    try {
      await controller.activate(top, bottom);
    } catch (error) {
      if (seq === this.viewSeq) this.setStatus(() => this.t('statusError', { message: errorMessage(error, this.lang()) }), 'error');
    }
    this.shell.fitViewBars();
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
      this.renderChrome();
      this.search.render();
      this.legend.render();
      this.corpusPanel.render();
      this.details.render();
      for (const view of Object.values(this.views)) view.render();
      this.updateCounts();
    }
    if (state.hiddenLabels !== previous.hiddenLabels || state.hiddenTypes !== previous.hiddenTypes) {
      this.canvas.setFilters(state.hiddenLabels, state.hiddenTypes);
      this.legend.render();
    }
    if (state.layoutRunning !== previous.layoutRunning) {
      this.shell.renderLayoutControls();
      if (!state.layoutRunning) this.onScreen.refresh();
    }
    if (state.lang !== previous.lang || state.hiddenLabels !== previous.hiddenLabels || state.hiddenTypes !== previous.hiddenTypes) this.onScreen.refresh();
    if (state.camera !== previous.camera) {
      // Back and forward: the URL's camera; a change the canvas itself reported is already there.
      const now = this.canvas.getCamera();
      const wanted = state.camera ?? HOME_CAMERA;
      if (Math.abs(now.x - wanted.x) > 1e-3 || Math.abs(now.y - wanted.y) > 1e-3 || Math.abs(now.ratio - wanted.ratio) > 1e-3)
        this.canvas.setCamera(state.camera);
    }
    // The reports in scope changed: read the database again (the view switch below, if any, shows the new view on the new scope).
    if (state.reports !== previous.reports || state.regions !== previous.regions || state.congresses !== previous.congresses)
      this.scopeChanged(state.view === previous.view);
    if (state.node !== previous.node && state.node && this.details.currentNode() !== state.node) {
      this.canvas.select(state.node);
      void this.details.showNode(state.node);
    }
    if (state.view !== previous.view) void this.activateView(state.view);
    else this.active?.onStateChange?.(state, previous);
  }

  private updateCounts(): void {
    const graph = this.canvas.getGraph();
    this.shell.setCounts(graph.order, graph.size);
    this.onScreen?.refresh();
  }

  /** Words the frame and the export menu in the current language. */
  private renderChrome(): void {
    this.shell.render();
    this.exportMenu.render();
  }
}

/** Names the paragraphs and recommendations of a drawn graph again (the corpus, and so their tags, arrived after it). */
function relabelUnits(graph: ViewerGraph): void {
  graph.forEachNode((id, a) => {
    if (a.nodeLabel !== 'Recommendation' && a.nodeLabel !== 'Paragraph') return;
    const node = { id, label: a.nodeLabel, props: a.props };
    graph.mergeNodeAttributes(id, { label_zh: shortName(node, 'zh'), label_en: shortName(node, 'en') });
  });
}

export type { UrlState };
