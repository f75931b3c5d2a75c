import type { GraphCanvas } from '../graph/canvas.ts';
import type { Lang, MessageKey } from '../i18n/i18n.ts';
import { VIEWS, type View } from '../state/url.ts';
import { h, replace } from '../util/dom.ts';

/** What the canvas's own controls (zoom, layout, keys, panel toggles) ask of it. */
export type ShellCanvas = Pick<GraphCanvas, 'zoom' | 'fit' | 'pan' | 'toggleLayout' | 'spread' | 'resize'>;

/** What the shell reads of the app's state and asks the app to do; it keeps no state of the app itself. */
export interface ShellHost {
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  lang(): Lang;
  /** The view shown (the tab marked selected, the document's title). */
  view(): View;
  /** Whether the force layout runs (the layout button's state). */
  layoutRunning(): boolean;
  /** The language button: the other language. */
  toggleLang(): void;
  /** A tab: another view. */
  switchView(view: View): void;
  /** The canvas, once it exists (it is built inside the shell's frame). */
  canvas(): ShellCanvas | undefined;
}

/**
 * The page's frame and its controls: header (brand, view tabs, a search slot, the
 * export menu's slot, the language button), the sidebar and details panels with
 * their toggles, the stage (the canvas, the bars each view fills above and below it,
 * layout and zoom buttons, counts and status line) and the canvas's keys. It builds
 * the DOM once, words every control again on {@link render}, and leaves the state,
 * the URL and what is drawn to the controller (controller.ts).
 */
export class Shell {
  readonly title = h('h1', { class: 'brand-title' });
  readonly subtitle = h('p', { class: 'brand-subtitle' });
  readonly tabs = h('nav', { class: 'tabs', role: 'tablist' });
  /** Where the search box goes. */
  readonly searchHost = h('div', { class: 'search-host' });
  readonly langToggle: HTMLButtonElement;
  readonly skip = h('a', { class: 'skip-link', href: '#graph-canvas', 'data-testid': 'skip-link' });
  /** Where the corpus panel and the legend go. */
  readonly legendHost = h('div', {});
  readonly layoutControls = h('div', { class: 'layout-controls', role: 'group' });
  readonly sidebarToggle: HTMLButtonElement;
  readonly detailsToggle: HTMLButtonElement;
  /** Where the list of what is on screen goes. */
  readonly onScreenHost = h('div', { class: 'onscreen-host' });
  /** The bar a view fills above the canvas (hidden when empty). */
  readonly viewTop = h('div', { class: 'view-top', hidden: true });
  /** The element sigma draws in. */
  readonly canvas = h('div', { class: 'canvas', id: 'graph-canvas', 'data-testid': 'graph-canvas', tabindex: '0', role: 'region' });
  readonly counts = h('span', { class: 'counts' });
  readonly status = h('span', { class: 'status', role: 'status' });
  readonly zoom = h('div', { class: 'zoom-controls' });
  /** The bar a view fills below the canvas (hidden when empty). */
  readonly viewBottom = h('div', { class: 'view-bottom', hidden: true });
  /** Where the details panel goes. */
  readonly detailsHost = h('div', { class: 'details-host', id: 'details-host' });
  private panels = { sidebar: true, details: true };
  private statusText: string | (() => string) = '';
  private statusKind: 'info' | 'error' = 'info';

  /** Replaces `root`'s content with the frame; `headerActions` (e.g. the export menu) go before the language button. */
  constructor(
    private readonly root: HTMLElement,
    private readonly host: ShellHost,
    headerActions: HTMLElement[] = [],
  ) {
    this.langToggle = h('button', { type: 'button', class: 'button lang-toggle', 'data-testid': 'lang-toggle', onclick: () => host.toggleLang() });
    this.sidebarToggle = h('button', {
      type: 'button',
      class: 'panel-toggle left',
      'data-testid': 'toggle-sidebar',
      onclick: () => this.togglePanel('sidebar'),
    });
    this.detailsToggle = h('button', {
      type: 'button',
      class: 'panel-toggle right',
      'data-testid': 'toggle-details',
      onclick: () => this.togglePanel('details'),
    });
    const header = h(
      'header',
      { class: 'app-header' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('div', {}, this.title, this.subtitle)),
      this.tabs,
      this.searchHost,
      h('div', { class: 'header-actions' }, ...headerActions, this.langToggle),
    );
    const sidebar = h('aside', { class: 'sidebar', id: 'sidebar' }, this.legendHost);
    const stage = h(
      'main',
      { class: 'stage' },
      this.viewTop,
      h(
        'div',
        { class: 'canvas-wrap' },
        this.canvas,
        this.layoutControls,
        this.zoom,
        this.sidebarToggle,
        this.detailsToggle,
        h('div', { class: 'statusbar' }, this.counts, this.status),
        this.onScreenHost,
      ),
      this.viewBottom,
    );
    const body = h('div', { class: 'app-body' }, sidebar, stage, this.detailsHost);
    replace(this.root, this.skip, header, body);
    this.canvas.addEventListener('keydown', (e) => this.onCanvasKey(e));
  }

  /** Words every control in the current language (and the document's title for the current view). */
  render(): void {
    const t = (key: MessageKey) => this.host.t(key);
    this.title.textContent = t('appTitle');
    this.subtitle.textContent = t('appSubtitle');
    document.title = `${t('appTitle')} · ${t(`view.${this.host.view()}`)}`;
    this.langToggle.textContent = t('langToggle');
    // The accessible name starts with the visible text (WCAG 2.5.3, "label in name").
    this.langToggle.setAttribute('aria-label', `${t('langToggle')}: ${t('langToggleLabel')}`);
    this.langToggle.setAttribute('lang', this.host.lang() === 'zh' ? 'en' : 'zh-CN');
    this.langToggle.title = t('langToggleLabel');
    this.skip.textContent = t('skipToGraph');
    this.renderPanels();
    this.zoom.setAttribute('role', 'group');
    this.zoom.setAttribute('aria-label', t('zoomGroup'));
    replace(
      this.zoom,
      h('button', { type: 'button', class: 'icon-button', 'aria-label': t('zoomIn'), title: t('zoomIn'), onclick: () => this.host.canvas()?.zoom(1) }, '+'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': t('zoomOut'), title: t('zoomOut'), onclick: () => this.host.canvas()?.zoom(-1) }, '−'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': t('layoutFit'), title: t('layoutFit'), onclick: () => this.host.canvas()?.fit() }, '⤢'),
    );
    this.renderTabs();
    this.renderLayoutControls();
    this.renderStatus();
  }

  /** Marks `view` as shown (the root's data-view, the selected tab) and empties the view bars for it. */
  showView(view: View): { top: HTMLElement; bottom: HTMLElement } {
    replace(this.viewTop);
    replace(this.viewBottom);
    this.root.dataset.view = view;
    this.renderTabs();
    return { top: this.viewTop, bottom: this.viewBottom };
  }

  /** Hides the view bars the view left empty (after it was activated). */
  fitViewBars(): void {
    this.viewTop.hidden = this.viewTop.childElementCount === 0;
    this.viewBottom.hidden = this.viewBottom.childElementCount === 0;
  }

  /** The status bar's counts and the canvas's accessible name: `nodes` and `edges` drawn. */
  setCounts(nodes: number, edges: number): void {
    this.counts.textContent = this.host.t('statusNodes', { nodes, edges });
    this.canvas.setAttribute('aria-label', this.host.t('canvasLabel', { nodes, edges }));
  }

  /** The status line; a function is worded again after a language switch. */
  setStatus(text: string | (() => string), kind: 'info' | 'error' = 'info'): void {
    this.statusText = text;
    this.statusKind = kind;
    this.renderStatus();
  }

  renderTabs(): void {
    const current = this.host.view();
    this.tabs.setAttribute('aria-label', this.host.t('viewsLabel'));
    replace(
      this.tabs,
      VIEWS.map((view) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            class: `tab${view === current ? ' active' : ''}`,
            'aria-selected': String(view === current),
            'data-view': view,
            'data-testid': `tab-${view}`,
            onclick: () => this.host.switchView(view),
          },
          this.host.t(`view.${view}`),
        ),
      ),
    );
  }

  renderLayoutControls(): void {
    const running = this.host.layoutRunning();
    const t = (key: MessageKey) => this.host.t(key);
    this.layoutControls.setAttribute('aria-label', t('layoutTitle'));
    replace(
      this.layoutControls,
      h(
        'button',
        {
          type: 'button',
          class: `button small${running ? ' active' : ''}`,
          'data-testid': 'layout-toggle',
          'aria-pressed': String(running),
          title: running ? t('layoutRunning') : t('layoutIdle'),
          onclick: () => this.host.canvas()?.toggleLayout(),
        },
        h('span', { class: `layout-dot${running ? ' running' : ''}`, 'aria-hidden': 'true' }),
        running ? t('layoutStop') : t('layoutStart'),
      ),
      h(
        'button',
        { type: 'button', class: 'button small', 'data-testid': 'layout-noverlap', onclick: () => this.host.canvas()?.spread() },
        t('layoutNoverlap'),
      ),
      h('span', { class: 'sr-only', 'data-testid': 'layout-state', role: 'status' }, running ? t('layoutRunning') : t('layoutIdle')),
    );
  }

  private renderStatus(): void {
    this.status.textContent = typeof this.statusText === 'function' ? this.statusText() : this.statusText;
    this.status.className = `status ${this.statusKind}`;
  }

  /** Arrow keys pan, + and − zoom, 0 fits the graph, while the canvas has the focus. */
  private onCanvasKey(e: KeyboardEvent): void {
    const canvas = this.host.canvas();
    if (e.target !== this.canvas || !canvas) return;
    const step = 0.1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[e.key];
    if (move) canvas.pan(move[0], move[1]);
    else if (e.key === '+' || e.key === '=') canvas.zoom(1);
    else if (e.key === '-' || e.key === '−') canvas.zoom(-1);
    else if (e.key === '0') canvas.fit();
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
      el.setAttribute('aria-label', this.host.t(open ? hide : show));
      el.title = this.host.t(open ? hide : show);
      el.textContent = open ? glyphs[0] : glyphs[1];
    };
    button(this.sidebarToggle, this.panels.sidebar, 'panelHideLegend', 'panelShowLegend', 'sidebar', ['‹', '›']);
    button(this.detailsToggle, this.panels.details, 'panelHideDetails', 'panelShowDetails', 'details-host', ['›', '‹']);
    this.host.canvas()?.resize();
  }
}
