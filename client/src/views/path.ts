import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { mergeGraph, type ViewerGraph } from '../graph/build.ts';
import { labelColor } from '../graph/palette.ts';
import { SearchBox } from '../panels/search.ts';
import { h, replace, swatch } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';

/** Shortest path between two picked entities, drawn over the explore graph. */
export class PathView implements ViewController {
  readonly id = 'path' as const;
  private top: HTMLElement | null = null;
  private fromBox: SearchBox;
  private toBox: SearchBox;
  private maxLength = 6;
  private result: { nodes: string[]; error: string | null } | null = null;
  private graph: ViewerGraph | null = null;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {
    const box = (which: 'from' | 'to') =>
      new SearchBox({
        api: ctx.api,
        lang: () => ctx.lang(),
        placeholder: () => ctx.t('searchPlaceholder'),
        label: () => ctx.t(which === 'from' ? 'pathFrom' : 'pathTo'),
        noResults: () => ctx.t('searchNoResults'),
        testId: `path-${which}`,
        className: 'path-search',
        onPick: (r) => ctx.store.set(which === 'from' ? { from: r.id } : { to: r.id }),
      });
    this.fromBox = box('from');
    this.toBox = box('to');
  }

  async activate(top: HTMLElement): Promise<void> {
    this.top = top;
    try {
      this.graph = await this.ctx.exploreGraph();
    } catch (error) {
      this.ctx.setStatus(() => this.ctx.t('statusError', { message: errorMessage(error, this.ctx.lang()) }), 'error');
      return;
    }
    if (this.ctx.store.get().view !== 'path') return;
    this.ctx.showGraph(this.graph, { layout: false });
    this.syncNames();
    this.render();
    const { from, to } = this.ctx.store.get();
    if (from && to) await this.find();
  }

  deactivate(): void {
    this.top = null;
    this.ctx.canvas.setPath(null);
  }

  onStateChange(state: AppState, previous: AppState): void {
    if (state.from !== previous.from || state.to !== previous.to) {
      this.result = null;
      this.ctx.canvas.setPath(null);
      this.syncNames();
      this.render();
      if (state.from && state.to) void this.find();
    }
  }

  private nameOf(id: string): string {
    const g = this.graph;
    if (g?.hasNode(id)) return this.ctx.lang() === 'en' ? g.getNodeAttribute(id, 'name_en') : g.getNodeAttribute(id, 'name_zh');
    return id;
  }

  private syncNames(): void {
    const { from, to } = this.ctx.store.get();
    if (from && document.activeElement !== this.fromBox.input) this.fromBox.setValue(this.nameOf(from));
    if (to && document.activeElement !== this.toBox.input) this.toBox.setValue(this.nameOf(to));
  }

  async find(): Promise<void> {
    const { from, to } = this.ctx.store.get();
    if (!from || !to) {
      this.result = { nodes: [], error: this.ctx.t('pathPickBoth') };
      this.render();
      return;
    }
    const seq = ++this.seq;
    this.ctx.setStatus(this.ctx.t('loading'));
    try {
      const result = await this.ctx.api.path(from, to, this.maxLength);
      if (seq !== this.seq) return;
      const graph = this.graph ?? (await this.ctx.exploreGraph());
      const added = mergeGraph(graph, result.graph, from);
      if (added.addedNodes.length > 0) this.ctx.showGraph(graph, { layout: false });
      this.ctx.canvas.graphChanged();
      const nodes = result.path.map((step) => step.id);
      this.result = { nodes, error: nodes.length === 0 ? this.ctx.t('pathNone', { max: this.maxLength }) : null };
      this.ctx.canvas.setPath(nodes.length > 0 ? nodes : null);
      this.ctx.setStatus('');
    } catch (error) {
      if (seq !== this.seq) return;
      this.result = { nodes: [], error: error instanceof Error && 'status' in error && (error as { status: number }).status === 404 ? this.ctx.t('pathNone', { max: this.maxLength }) : errorMessage(error, this.ctx.lang()) };
      this.ctx.canvas.setPath(null);
      this.ctx.setStatus('');
    }
    this.render();
  }

  render(): void {
    this.fromBox.render();
    this.toBox.render();
    if (!this.top) return;
    const ctx = this.ctx;
    const steps = this.result?.nodes ?? [];
    const max = h('select', { id: 'path-max', 'aria-label': ctx.t('pathMaxLength'), onchange: (e: Event) => (this.maxLength = Number((e.target as HTMLSelectElement).value)) },
      [2, 3, 4, 5, 6, 8, 10].map((n) => h('option', { value: n, selected: n === this.maxLength }, n)));
    replace(
      this.top,
      h('div', { class: 'view-bar path-bar' },
        h('h2', { class: 'view-title' }, ctx.t('pathTitle')),
        h('div', { class: 'path-fields' },
          h('div', { class: 'field' }, h('span', { class: 'field-label' }, ctx.t('pathFrom')), this.fromBox.element),
          h('div', { class: 'field' }, h('span', { class: 'field-label' }, ctx.t('pathTo')), this.toBox.element),
          h('div', { class: 'field narrow' }, h('label', { class: 'field-label', for: 'path-max' }, ctx.t('pathMaxLength')), max),
          h('button', { type: 'button', class: 'button primary', 'data-testid': 'path-find', onclick: () => void this.find() }, ctx.t('pathFind')),
          h('button', { type: 'button', class: 'button', onclick: () => { this.result = null; ctx.store.set({ from: null, to: null }); this.fromBox.setValue(''); this.toBox.setValue(''); ctx.canvas.setPath(null); this.render(); } }, ctx.t('pathClear')),
        ),
        this.result?.error ? h('p', { class: 'hint', role: 'status' }, this.result.error) : null,
        !this.result ? h('p', { class: 'hint' }, ctx.t('pathPickBoth')) : null,
        steps.length > 0
          ? h('ol', { class: 'path-steps', 'data-testid': 'path-steps', 'aria-label': ctx.t('pathSteps', { n: steps.length - 1 }) },
              steps.map((id) => {
                const label = this.graph?.hasNode(id) ? this.graph.getNodeAttribute(id, 'nodeLabel') : 'Unknown';
                return h('li', {}, h('button', { type: 'button', class: 'chip', onclick: () => ctx.openNode(id, { focus: true }) }, swatch(labelColor(label)), this.nameOf(id)));
              }))
          : null,
      ),
    );
  }
}
