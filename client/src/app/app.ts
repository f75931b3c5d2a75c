import { Api } from '../api/client.ts';
import { Corpus, inFilter } from '../corpus/corpus.ts';
import { setUnitTags, shortName } from '../i18n/names.ts';
import { CorpusPanel } from '../panels/corpus.ts';
import { CompareView } from '../views/compare.ts';
import { errorMessage } from '../util/errors.ts';
import { buildGraph, createViewerGraph, mergeGraph, type ViewerGraph } from '../graph/build.ts';
import { GraphCanvas, HOME_CAMERA } from '../graph/canvas.ts';
import { saveBlob } from '../graph/exportPng.ts';
import { countByLabelAndType } from '../graph/build.ts';
import { labelColor, typeColor } from '../graph/palette.ts';
import { pictureBlob, type LegendLine } from '../export/png.ts';
import { nodesCsv, relationshipsCsv, viewGexf, viewJson, viewSubgraph } from '../export/viewExport.ts';
import { MenuButton, type MenuGroup } from '../panels/menuButton.ts';
import { OnScreenList } from '../panels/onScreen.ts';
import { labelName, typeName } from '../i18n/i18n.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../server/contract/model.ts';
import { otherLang, t as translate, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { DetailsPanel } from '../panels/details.ts';
import { Legend } from '../panels/legend.ts';
import { SearchBox } from '../panels/search.ts';
import { Store } from '../state/store.ts';
import { normalizeCamera, parseUrlState, serializeUrlState, VIEWS, type UrlState, type View } from '../state/url.ts';
import { h, replace } from '../util/dom.ts';
import { loadCitationData, type CitationData } from '../views/citationData.ts';
import { CitationsView } from '../views/citations.ts';
import { CrimesView } from '../views/crimes.ts';
import { CypherView } from '../views/cypher.ts';
import { ExploreView } from '../views/explore.ts';
import { PathView } from '../views/path.ts';
import type { AppContext, AppState, ViewController } from './context.ts';

/**
 * The page: header (views, search, language, export), legend and layout on the
 * left, the sigma canvas in the middle with each view's bars above and below
 * it, details on the right. The URL mirrors the state, so a link reopens the
 * same view.
 */
export class App implements AppContext {
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
  private readonly el: Record<string, HTMLElement> = {};
  /** Timings since navigation start (ms): the explore graph's data arrived, then was first drawn. */
  readonly metrics: { graphDataMs: number | null; firstGraphRenderMs: number | null; layoutRuns: number } = { graphDataMs: null, firstGraphRenderMs: null, layoutRuns: 0 };
  private statusText: string | (() => string) = '';
  private statusKind: 'info' | 'error' = 'info';
  private readonly exportMenu = new MenuButton('export-menu');
  private frameOnly = false;
  private onScreen!: OnScreenList;
  private panels = { sidebar: true, details: true };
  private viewSeq = 0;

  constructor(private readonly root: HTMLElement) {
    const initial = parseUrlState(location.search);
    this.store = new Store<AppState>({ ...initial, layoutRunning: false });
    // Every request carries the corpus filter from the first one on.
    this.api.filter = { reports: initial.reports, regions: initial.regions, congresses: initial.congresses };
    // The views that draw the entity graph start its (largest) request before the renderer is set up.
    if (initial.view === 'explore' || initial.view === 'path' || initial.view === 'citations') void this.exploreGraph().catch(() => undefined);
    document.documentElement.lang = initial.lang === 'zh' ? 'zh-CN' : 'en';

    this.buildShell();
    this.canvas = new GraphCanvas(this.el.canvas!, createViewerGraph(), {
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
        const atHome = Math.abs(camera.x - HOME_CAMERA.x) < 1e-4 && Math.abs(camera.y - HOME_CAMERA.y) < 1e-4 && Math.abs(camera.ratio - HOME_CAMERA.ratio) < 1e-4;
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
    this.el.onScreenHost!.append(this.onScreen.element);
    this.el.canvas!.addEventListener('keydown', (e) => this.onCanvasKey(e));
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
    this.el.searchHost!.append(this.search.element);
    this.el.legendHost!.append(this.corpusPanel.element, this.legend.element);
    this.el.detailsHost!.append(this.details.element);

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
    new ResizeObserver(() => this.canvas.resize()).observe(this.el.canvas!);
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
        setUnitTags((report) => (corpus.meetings(this.lang()).length > 1 ? corpus.report(report)?.tag ?? undefined : undefined));
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
      this.setStatus(addedNodes.length + addedEdges.length > 0 ? this.t('statusExpanded', { nodes: addedNodes.length, edges: addedEdges.length, name }) : this.t('statusExpandedNone', { name }));
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
    this.statusText = text;
    this.statusKind = kind;
    this.renderStatus();
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
    replace(this.el.viewTop!);
    replace(this.el.viewBottom!);
    this.root.dataset.view = view;
    this.renderTabs();
    try {
      await controller.activate(this.el.viewTop!, this.el.viewBottom!);
    } catch (error) {
      if (seq === this.viewSeq) this.setStatus(() => this.t('statusError', { message: errorMessage(error, this.lang()) }), 'error');
    }
    this.el.viewTop!.hidden = this.el.viewTop!.childElementCount === 0;
    this.el.viewBottom!.hidden = this.el.viewBottom!.childElementCount === 0;
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
      this.renderLayoutControls();
      if (!state.layoutRunning) this.onScreen.refresh();
    }
    if (state.lang !== previous.lang || state.hiddenLabels !== previous.hiddenLabels || state.hiddenTypes !== previous.hiddenTypes) this.onScreen.refresh();
    if (state.camera !== previous.camera) {
      // Back and forward: the URL's camera; a change the canvas itself reported is already there.
      const now = this.canvas.getCamera();
      const wanted = state.camera ?? HOME_CAMERA;
      if (Math.abs(now.x - wanted.x) > 1e-3 || Math.abs(now.y - wanted.y) > 1e-3 || Math.abs(now.ratio - wanted.ratio) > 1e-3) this.canvas.setCamera(state.camera);
    }
    // The reports in scope changed: read the database again (the view switch below, if any, shows the new view on the new scope).
    if (state.reports !== previous.reports || state.regions !== previous.regions || state.congresses !== previous.congresses) this.scopeChanged(state.view === previous.view);
    if (state.node !== previous.node && state.node && this.details.currentNode() !== state.node) {
      this.canvas.select(state.node);
      void this.details.showNode(state.node);
    }
    if (state.view !== previous.view) void this.activateView(state.view);
    else this.active?.onStateChange?.(state, previous);
  }

  private updateCounts(): void {
    const graph = this.canvas.getGraph();
    this.el.counts!.textContent = this.t('statusNodes', { nodes: graph.order, edges: graph.size });
    this.el.canvas!.setAttribute('aria-label', this.t('canvasLabel', { nodes: graph.order, edges: graph.size }));
    this.onScreen?.refresh();
  }

  /** The picture of the view (PNG at `scale`×) with its title, the reports shown and the legend. */
  private async exportPicture(scale: 2 | 4): Promise<void> {
    try {
      const file = `congress-graph-${this.store.get().view}@${scale}x.png`;
      const blob = await pictureBlob(this.canvas.sigma, scale, {
        title: this.pictureTitle(),
        reports: this.t('pictureReports', { list: await this.reportList() }),
        legend: this.legendLines(),
        footer: this.t('pictureFooter', { date: new Date().toISOString().slice(0, 10), url: location.href }),
      });
      saveBlob(blob, file);
      this.setStatus(() => this.t('exportDone', { file }));
    } catch (error) {
      this.setStatus(() => this.t('statusError', { message: errorMessage(error, this.lang()) }), 'error');
    }
  }

  /** The view's name and what it is about (the node selected, the trace's subject, a path's ends). */
  private pictureTitle(): string {
    const state = this.store.get();
    const graph = this.canvas.getGraph();
    const name = (id: string | null) => (id && graph.hasNode(id) ? graph.getNodeAttribute(id, this.lang() === 'en' ? 'name_en' : 'name_zh') : id);
    const subject = state.view === 'citations' ? name(state.trace) : state.view === 'path' && state.from && state.to ? `${name(state.from)} → ${name(state.to)}` : name(state.node);
    return [this.t('appTitle'), this.t(`view.${state.view}`), subject].filter(Boolean).join(' · ');
  }

  /** The reports an exported picture shows: those in the corpus filter's scope (all when unfiltered), tag and title each. */
  private async reportList(): Promise<string> {
    if (this.corpusData.reports.length === 0) await this.reloadCorpus();
    const lang = this.lang();
    return this.corpusData.reports
      .filter((r) => inFilter(r, this.api.filter))
      .map((r) => {
        const title = lang === 'en' ? (r.title_en ?? r.title_zh) : (r.title_zh ?? r.title_en);
        return [r.tag ?? r.id, title ?? ''].filter(Boolean).join(' ');
      })
      .join('; ');
  }

  /** The legend of what the canvas draws: labels and relationship types shown, with counts. */
  private legendLines(): LegendLine[] {
    const { hiddenLabels, hiddenTypes } = this.store.get();
    const counts = countByLabelAndType(this.canvas.getGraph());
    const order = (keys: Iterable<string>, model: readonly string[]) => [...keys].sort((a, b) => (model.indexOf(a) + 1 || 99) - (model.indexOf(b) + 1 || 99) || a.localeCompare(b));
    return [
      ...order(counts.labels.keys(), NODE_LABELS).filter((l) => !hiddenLabels.includes(l)).map((l): LegendLine => ({ kind: 'label', color: labelColor(l), text: labelName(this.lang(), l), count: counts.labels.get(l) ?? 0 })),
      ...order(counts.types.keys(), RELATIONSHIP_TYPES).filter((t) => !hiddenTypes.includes(t)).map((t): LegendLine => ({ kind: 'type', color: typeColor(t), text: typeName(this.lang(), t), count: counts.types.get(t) ?? 0 })),
    ];
  }

  /** Saves the current view (what the legend shows; the frame only, when asked) in a format made here, in the browser. */
  private exportView(format: 'gexf' | 'nodes' | 'relationships' | 'json'): void {
    const state = this.store.get();
    const graph = viewSubgraph(this.canvas.getGraph(), { hiddenLabels: state.hiddenLabels, hiddenTypes: state.hiddenTypes, inFrame: this.frameOnly ? new Set(this.canvas.nodesInFrame()) : null });
    const base = `congress-graph-${state.view}${this.frameOnly ? '-frame' : ''}`;
    const lang = this.lang();
    const [file, blob] =
      format === 'gexf' ? [`${base}.gexf`, new Blob([viewGexf(graph, lang)], { type: 'application/gexf+xml' })]
      : format === 'json' ? [`${base}.json`, new Blob([viewJson(graph, state.view)], { type: 'application/json' })]
      : format === 'nodes' ? [`${base}-nodes.csv`, new Blob(['\ufeff', nodesCsv(graph, lang)], { type: 'text/csv;charset=utf-8' })]
      : [`${base}-relationships.csv`, new Blob(['\ufeff', relationshipsCsv(graph, lang)], { type: 'text/csv;charset=utf-8' })];
    saveBlob(blob, file);
    this.setStatus(() => this.t('exportDone', { file }));
  }

  private renderExportMenu(): void {
    const groups: MenuGroup[] = [
      { label: this.t('exportPngHint'), entries: [
        { label: this.t('exportPng2'), testId: 'export-png', onSelect: () => void this.exportPicture(2) },
        { label: this.t('exportPng4'), testId: 'export-png-4', onSelect: () => void this.exportPicture(4) },
      ] },
      { label: this.t('exportViewHint'), entries: [
        { label: this.t('exportFrameOnly'), testId: 'export-frame-only', checked: this.frameOnly, onSelect: () => { this.frameOnly = !this.frameOnly; this.renderExportMenu(); this.exportMenu.open(2); } },
        { label: this.t('exportViewGexf'), testId: 'export-view-gexf', onSelect: () => this.exportView('gexf') },
        { label: this.t('exportViewCsvNodes'), testId: 'export-view-nodes', onSelect: () => this.exportView('nodes') },
        { label: this.t('exportViewCsvRels'), testId: 'export-view-relationships', onSelect: () => this.exportView('relationships') },
        { label: this.t('exportViewJson'), testId: 'export-view-json', onSelect: () => this.exportView('json') },
      ] },
      { label: this.t('exportHint'), entries: EXPORTS.map(({ format, table, label }) => ({
        label: label(this),
        href: this.api.exportUrl(format, table),
        download: `congress-graph${table ? `-${table}` : ''}.${format}`,
        testId: `export-${format}${table ? `-${table}` : ''}`,
      })) },
    ];
    this.exportMenu.render(this.t('exportTitle'), groups);
  }

  private onCanvasKey(e: KeyboardEvent): void {
    if (e.target !== this.el.canvas) return;
    const step = 0.1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[e.key];
    if (move) this.canvas.pan(move[0], move[1]);
    else if (e.key === '+' || e.key === '=') this.canvas.zoom(1);
    else if (e.key === '-' || e.key === '−') this.canvas.zoom(-1);
    else if (e.key === '0') this.canvas.fit();
    else return;
    e.preventDefault();
  }

  private togglePanel(which: 'sidebar' | 'details'): void {
    this.panels[which] = !this.panels[which];
    this.renderPanels();
  }

  private renderPanels(): void {
    this.root.dataset.sidebar = this.panels.sidebar ? 'open' : 'collapsed';
    this.root.dataset.details = this.panels.details ? 'open' : 'collapsed';
    const button = (el: HTMLElement, open: boolean, hide: MessageKey, show: MessageKey, controls: string, glyphs: [string, string]) => {
      el.setAttribute('aria-expanded', String(open));
      el.setAttribute('aria-controls', controls);
      el.setAttribute('aria-label', this.t(open ? hide : show));
      el.title = this.t(open ? hide : show);
      el.textContent = open ? glyphs[0] : glyphs[1];
    };
    button(this.el.sidebarToggle!, this.panels.sidebar, 'panelHideLegend', 'panelShowLegend', 'sidebar', ['‹', '›']);
    button(this.el.detailsToggle!, this.panels.details, 'panelHideDetails', 'panelShowDetails', 'details-host', ['›', '‹']);
    this.canvas?.resize();
  }

  private buildShell(): void {
    const el = this.el;
    el.title = h('h1', { class: 'brand-title' });
    el.subtitle = h('p', { class: 'brand-subtitle' });
    el.tabs = h('nav', { class: 'tabs', role: 'tablist' });
    el.searchHost = h('div', { class: 'search-host' });
    el.langToggle = h('button', { type: 'button', class: 'button lang-toggle', 'data-testid': 'lang-toggle', onclick: () => this.store.set({ lang: otherLang(this.lang()) }) });
    el.skip = h('a', { class: 'skip-link', href: '#graph-canvas', 'data-testid': 'skip-link' });
    el.header = h('header', { class: 'app-header' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('div', {}, el.title, el.subtitle)),
      el.tabs,
      el.searchHost,
      h('div', { class: 'header-actions' }, this.exportMenu.element, el.langToggle),
    );

    el.legendHost = h('div', {});
    el.layoutControls = h('div', { class: 'layout-controls', role: 'group' });
    el.sidebar = h('aside', { class: 'sidebar', id: 'sidebar' }, el.legendHost);
    el.sidebarToggle = h('button', { type: 'button', class: 'panel-toggle left', 'data-testid': 'toggle-sidebar', onclick: () => this.togglePanel('sidebar') });
    el.detailsToggle = h('button', { type: 'button', class: 'panel-toggle right', 'data-testid': 'toggle-details', onclick: () => this.togglePanel('details') });
    el.onScreenHost = h('div', { class: 'onscreen-host' });

    el.viewTop = h('div', { class: 'view-top', hidden: true });
    el.canvas = h('div', { class: 'canvas', id: 'graph-canvas', 'data-testid': 'graph-canvas', tabindex: '0', role: 'region' });
    el.counts = h('span', { class: 'counts' });
    el.status = h('span', { class: 'status', role: 'status' });
    el.zoom = h('div', { class: 'zoom-controls' });
    el.viewBottom = h('div', { class: 'view-bottom', hidden: true });
    el.stage = h('main', { class: 'stage' },
      el.viewTop,
      h('div', { class: 'canvas-wrap' }, el.canvas, el.layoutControls, el.zoom, el.sidebarToggle, el.detailsToggle, h('div', { class: 'statusbar' }, el.counts, el.status), el.onScreenHost),
      el.viewBottom,
    );
    el.detailsHost = h('div', { class: 'details-host', id: 'details-host' });
    el.body = h('div', { class: 'app-body' }, el.sidebar, el.stage, el.detailsHost);
    replace(this.root, el.skip, el.header, el.body);
  }

  private renderChrome(): void {
    const el = this.el;
    el.title!.textContent = this.t('appTitle');
    el.subtitle!.textContent = this.t('appSubtitle');
    document.title = `${this.t('appTitle')} · ${this.t(`view.${this.store.get().view}`)}`;
    el.langToggle!.textContent = this.t('langToggle');
    // The accessible name starts with the visible text (WCAG 2.5.3, "label in name").
    el.langToggle!.setAttribute('aria-label', `${this.t('langToggle')}: ${this.t('langToggleLabel')}`);
    el.langToggle!.setAttribute('lang', this.lang() === 'zh' ? 'en' : 'zh-CN');
    el.langToggle!.title = this.t('langToggleLabel');
    el.skip!.textContent = this.t('skipToGraph');
    this.renderExportMenu();
    this.renderPanels();
    el.zoom!.setAttribute('role', 'group');
    el.zoom!.setAttribute('aria-label', this.t('zoomGroup'));
    replace(
      el.zoom!,
      h('button', { type: 'button', class: 'icon-button', 'aria-label': this.t('zoomIn'), title: this.t('zoomIn'), onclick: () => this.canvas.zoom(1) }, '+'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': this.t('zoomOut'), title: this.t('zoomOut'), onclick: () => this.canvas.zoom(-1) }, '−'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': this.t('layoutFit'), title: this.t('layoutFit'), onclick: () => this.canvas.fit() }, '⤢'),
    );
    this.renderTabs();
    this.renderLayoutControls();
    this.renderStatus();
  }

  private renderTabs(): void {
    const current = this.store.get().view;
    this.el.tabs!.setAttribute('aria-label', this.t('viewsLabel'));
    replace(
      this.el.tabs!,
      VIEWS.map((view) =>
        h('button', {
          type: 'button',
          role: 'tab',
          class: `tab${view === current ? ' active' : ''}`,
          'aria-selected': String(view === current),
          'data-view': view,
          'data-testid': `tab-${view}`,
          onclick: () => this.switchView(view),
        }, this.t(`view.${view}`)),
      ),
    );
  }

  private renderLayoutControls(): void {
    const running = this.store.get().layoutRunning;
    this.el.layoutControls!.setAttribute('aria-label', this.t('layoutTitle'));
    replace(
      this.el.layoutControls!,
      h('button', { type: 'button', class: `button small${running ? ' active' : ''}`, 'data-testid': 'layout-toggle', 'aria-pressed': String(running), title: running ? this.t('layoutRunning') : this.t('layoutIdle'), onclick: () => this.canvas.toggleLayout() },
        h('span', { class: `layout-dot${running ? ' running' : ''}`, 'aria-hidden': 'true' }), running ? this.t('layoutStop') : this.t('layoutStart')),
      h('button', { type: 'button', class: 'button small', 'data-testid': 'layout-noverlap', onclick: () => this.canvas.spread() }, this.t('layoutNoverlap')),
      h('span', { class: 'sr-only', 'data-testid': 'layout-state', role: 'status' }, running ? this.t('layoutRunning') : this.t('layoutIdle')),
    );
  }

  private renderStatus(): void {
    this.el.status!.textContent = typeof this.statusText === 'function' ? this.statusText() : this.statusText;
    this.el.status!.className = `status ${this.statusKind}`;
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

/** The whole-graph exports the server makes. */
const EXPORTS: { format: 'gexf' | 'graphml' | 'json' | 'csv'; table?: 'nodes' | 'relationships'; label: (app: App) => string }[] = [
  { format: 'gexf', label: (app) => app.t('exportViewGexf') },
  { format: 'graphml', label: () => 'GraphML' },
  { format: 'json', label: () => 'JSON (graph.json)' },
  { format: 'csv', table: 'nodes', label: (app) => app.t('exportWholeCsvNodes') },
  { format: 'csv', table: 'relationships', label: (app) => app.t('exportWholeCsvRels') },
];

export type { UrlState };
