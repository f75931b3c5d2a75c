import type { Lang, MessageKey } from '../i18n/i18n.ts';
import { VIEWS, type View } from '../state/url.ts';
import { h, replace } from '../util/dom.ts';

/** What the shell shows and what its controls ask for; the controller (app.ts) answers. */
export interface ShellHost {
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  lang(): Lang;
  view(): View;
  layoutRunning(): boolean;
  exportUrl(format: ExportFormat, table?: 'nodes' | 'relationships'): string;
  toggleLang(): void;
  exportPng(): void;
  switchView(view: View): void;
  zoom(step: 1 | -1): void;
  fit(): void;
  toggleLayout(): void;
  spread(): void;
}

type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv';

/** The whole-graph exports the server makes. */
const EXPORTS: { format: ExportFormat; table?: 'nodes' | 'relationships'; label: (lang: Lang) => string }[] = [
  { format: 'gexf', label: () => 'GEXF (Gephi)' },
  { format: 'graphml', label: () => 'GraphML' },
  { format: 'json', label: () => 'JSON (graph.json)' },
  { format: 'csv', table: 'nodes', label: (lang) => (lang === 'zh' ? 'CSV：节点' : 'CSV: nodes') },
  { format: 'csv', table: 'relationships', label: (lang) => (lang === 'zh' ? 'CSV：关系' : 'CSV: relationships') },
];

/**
 * The page's frame: header (brand, view tabs, the search box's place, PNG and
 * whole-graph exports, language), the sidebar (the legend's place, layout
 * controls), the canvas with the view's bars above and below it and the status
 * bar, and the details' place on the right. It draws the frame and its words in
 * the current language; what a control does is the host's.
 */
export class Shell {
  readonly searchHost = h('div', { class: 'search-host' });
  readonly legendHost = h('div', {});
  readonly detailsHost = h('div', { class: 'details-host' });
  /** The sigma container. */
  readonly canvas = h('div', { class: 'canvas', 'data-testid': 'graph-canvas' });
  /** The current view's bars above and below the canvas. */
  readonly viewTop = h('div', { class: 'view-top', hidden: true });
  readonly viewBottom = h('div', { class: 'view-bottom', hidden: true });
  private readonly title = h('h1', { class: 'brand-title' });
  private readonly subtitle = h('p', { class: 'brand-subtitle' });
  private readonly tabs = h('nav', { class: 'tabs', role: 'tablist' });
  private readonly langToggle: HTMLButtonElement;
  private readonly exportPngButton: HTMLButtonElement;
  private readonly exportMenu = h('details', { class: 'export-menu' });
  private readonly layoutControls = h('div', { class: 'layout-controls', role: 'group' });
  private readonly counts = h('span', { class: 'counts' });
  private readonly status = h('span', { class: 'status', role: 'status' });
  private readonly zoom = h('div', { class: 'zoom-controls' });
  private statusText = '';
  private statusKind: 'info' | 'error' = 'info';

  constructor(
    root: HTMLElement,
    private readonly host: ShellHost,
  ) {
    this.langToggle = h('button', { type: 'button', class: 'button lang-toggle', 'data-testid': 'lang-toggle', onclick: () => host.toggleLang() });
    this.exportPngButton = h('button', { type: 'button', class: 'button', 'data-testid': 'export-png', onclick: () => host.exportPng() });
    const header = h('header', { class: 'app-header' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('div', {}, this.title, this.subtitle)),
      this.tabs,
      this.searchHost,
      h('div', { class: 'header-actions' }, this.exportPngButton, this.exportMenu, this.langToggle),
    );
    const sidebar = h('aside', { class: 'sidebar' }, this.legendHost);
    const stage = h('main', { class: 'stage' },
      this.viewTop,
      h('div', { class: 'canvas-wrap' }, this.canvas, this.layoutControls, this.zoom, h('div', { class: 'statusbar' }, this.counts, this.status)),
      this.viewBottom,
    );
    replace(root, header, h('div', { class: 'app-body' }, sidebar, stage, this.detailsHost));
  }

  /** Every word of the frame again (after a language switch), tabs and layout controls included. */
  render(): void {
    const { host } = this;
    this.title.textContent = host.t('appTitle');
    this.subtitle.textContent = host.t('appSubtitle');
    document.title = `${host.t('appTitle')} · ${host.t(`view.${host.view()}`)}`;
    this.langToggle.textContent = host.t('langToggle');
    this.langToggle.setAttribute('aria-label', host.t('langToggleLabel'));
    this.langToggle.title = host.t('langToggleLabel');
    this.exportPngButton.textContent = host.t('exportPng');
    this.exportPngButton.setAttribute('aria-label', host.t('exportPngLabel'));
    this.exportPngButton.title = host.t('exportPngLabel');
    replace(
      this.exportMenu,
      h('summary', { class: 'button', 'aria-label': `${host.t('exportTitle')}: ${host.t('exportHint')}` }, `${host.t('exportTitle')} ▾`),
      h('div', { class: 'menu', role: 'menu' },
        h('p', { class: 'menu-hint' }, host.t('exportHint')),
        EXPORTS.map(({ format, table, label }) =>
          h('a', { role: 'menuitem', href: host.exportUrl(format, table), download: `congress-graph${table ? `-${table}` : ''}.${format}`, 'data-format': format, 'data-testid': `export-${format}${table ? `-${table}` : ''}` }, label(host.lang())),
        ),
      ),
    );
    this.zoom.setAttribute('role', 'group');
    this.zoom.setAttribute('aria-label', host.t('zoomGroup'));
    replace(
      this.zoom,
      h('button', { type: 'button', class: 'icon-button', 'aria-label': host.t('zoomIn'), title: host.t('zoomIn'), onclick: () => host.zoom(1) }, '+'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': host.t('zoomOut'), title: host.t('zoomOut'), onclick: () => host.zoom(-1) }, '−'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': host.t('layoutFit'), title: host.t('layoutFit'), onclick: () => host.fit() }, '⤢'),
    );
    this.renderTabs();
    this.renderLayoutControls();
    this.renderStatus();
  }

  /** The view tabs, the current one marked. */
  renderTabs(): void {
    const current = this.host.view();
    const tab = (view: View) =>
      h('button', {
        type: 'button',
        role: 'tab',
        class: `tab${view === current ? ' active' : ''}`,
        'aria-selected': String(view === current),
        'data-view': view,
        'data-testid': `tab-${view}`,
        onclick: () => this.host.switchView(view),
      }, this.host.t(`view.${view}`));
    this.tabs.setAttribute('aria-label', this.host.t('viewsLabel'));
    replace(this.tabs, VIEWS.map(tab));
  }

  /** The layout's start/stop and spread buttons, and its state for screen readers. */
  renderLayoutControls(): void {
    const { host } = this;
    const running = host.layoutRunning();
    this.layoutControls.setAttribute('aria-label', host.t('layoutTitle'));
    replace(
      this.layoutControls,
      h('button', { type: 'button', class: `button small${running ? ' active' : ''}`, 'data-testid': 'layout-toggle', 'aria-pressed': String(running), title: running ? host.t('layoutRunning') : host.t('layoutIdle'), onclick: () => host.toggleLayout() },
        h('span', { class: `layout-dot${running ? ' running' : ''}`, 'aria-hidden': 'true' }), running ? host.t('layoutStop') : host.t('layoutStart')),
      h('button', { type: 'button', class: 'button small', 'data-testid': 'layout-noverlap', onclick: () => host.spread() }, host.t('layoutNoverlap')),
      h('span', { class: 'sr-only', 'data-testid': 'layout-state', role: 'status' }, running ? host.t('layoutRunning') : host.t('layoutIdle')),
    );
  }

  /** The status bar's message (an error in red). */
  setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    this.statusText = text;
    this.statusKind = kind;
    this.renderStatus();
  }

  /** The status bar's count of what the canvas shows. */
  setCounts(text: string): void {
    this.counts.textContent = text;
  }

  /** The PNG export button, disabled while an image is made. */
  setExportBusy(busy: boolean): void {
    this.exportPngButton.disabled = busy;
  }

  private renderStatus(): void {
    this.status.textContent = this.statusText;
    this.status.className = `status ${this.statusKind}`;
  }
}
