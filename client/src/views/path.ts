import { RELATIONSHIP_TYPES } from '../../../server/contract/model.ts';
import type { PathResponse } from '../../../server/contract/api.ts';
import { ApiError } from '../../../server/contract/errors.ts';
import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { mergeGraph, primaryLabel, type ViewerGraph } from '../graph/build.ts';
import { labelColor } from '../graph/palette.ts';
import { typeName } from '../i18n/i18n.ts';
import { relationName } from '../i18n/relations.ts';
import { SearchBox } from '../panels/search.ts';
import { h, replace, swatch } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';
import { pathSteps, typesWithout, type PathAlternative } from './pathModel.ts';

/**
 * Shortest paths between two picked entities, drawn over the explore graph:
 * each step names its relationship and the way it truly runs, relationship
 * types can be left out of the search, and every shortest path is offered, not
 * only the first. The ends, the types left out and the path shown are in the URL.
 */
export class PathView implements ViewController {
  readonly id = 'path' as const;
  private top: HTMLElement | null = null;
  private fromBox: SearchBox;
  private toBox: SearchBox;
  private maxLength = 6;
  private result: { answer: PathResponse | null; error: unknown } | null = null;
  private graph: ViewerGraph | null = null;
  private names = new Map<string, { label: string; name: string }>();
  private seq = 0;
  private skipOpen = false;

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
        onPick: (r) => ctx.store.set(which === 'from' ? { from: r.id, pathIndex: 0 } : { to: r.id, pathIndex: 0 }),
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
    if (state.from !== previous.from || state.to !== previous.to || state.pathSkip !== previous.pathSkip) {
      this.result = null;
      this.ctx.canvas.setPath(null);
      this.syncNames();
      this.render();
      if (state.from && state.to) void this.find();
    } else if (state.pathIndex !== previous.pathIndex) {
      this.drawChosen();
      this.render();
    }
  }

  private nameOf(id: string): string {
    const g = this.graph;
    if (g?.hasNode(id)) return this.ctx.lang() === 'en' ? g.getNodeAttribute(id, 'name_en') : g.getNodeAttribute(id, 'name_zh');
    return this.names.get(id)?.name ?? id;
  }

  private labelOf(id: string): string {
    const g = this.graph;
    if (g?.hasNode(id)) return g.getNodeAttribute(id, 'nodeLabel');
    return this.names.get(id)?.label ?? 'Unknown';
  }

  private syncNames(): void {
    const { from, to } = this.ctx.store.get();
    if (from && document.activeElement !== this.fromBox.input) this.fromBox.setValue(this.nameOf(from));
    if (to && document.activeElement !== this.toBox.input) this.toBox.setValue(this.nameOf(to));
  }

  private chosen(): PathAlternative | null {
    const alternatives = this.result?.answer?.alternatives ?? [];
    if (alternatives.length === 0) return null;
    return alternatives[Math.min(this.ctx.store.get().pathIndex, alternatives.length - 1)]!;
  }

  async find(): Promise<void> {
    const { from, to, pathSkip } = this.ctx.store.get();
    if (!from || !to) {
      this.result = null;
      this.render();
      return;
    }
    const seq = ++this.seq;
    this.ctx.setStatus(() => this.ctx.t('loading'));
    try {
      const answer = await this.ctx.api.path(from, to, this.maxLength, typesWithout(RELATIONSHIP_TYPES, pathSkip));
      if (seq !== this.seq) return;
      const graph = this.graph ?? (await this.ctx.exploreGraph());
      const added = mergeGraph(graph, answer.graph, from);
      if (added.addedNodes.length > 0) this.ctx.showGraph(graph, { layout: false });
      this.ctx.canvas.graphChanged();
      for (const alt of answer.alternatives) for (const n of alt.path) this.names.set(n.id, { label: primaryLabel(n.id, n.labels), name: n.name });
      this.result = { answer, error: null };
      this.drawChosen();
      this.ctx.setStatus('');
    } catch (error) {
      if (seq !== this.seq) return;
      this.result = { answer: null, error };
      this.ctx.canvas.setPath(null);
      this.ctx.setStatus('');
    }
    this.render();
  }

  private drawChosen(): void {
    const chosen = this.chosen();
    if (!chosen) {
      this.ctx.canvas.setPath(null);
      return;
    }
    this.ctx.canvas.setPath(
      chosen.path.map((n) => n.id),
      chosen.relationships.map((r) => r.id),
    );
  }

  render(): void {
    this.fromBox.render();
    this.toBox.render();
    if (!this.top) return;
    const ctx = this.ctx;
    const lang = ctx.lang();
    const { pathSkip, pathIndex } = ctx.store.get();
    const max = h(
      'select',
      { id: 'path-max', onchange: (e: Event) => (this.maxLength = Number((e.target as HTMLSelectElement).value)) },
      [2, 3, 4, 5, 6, 8, 10].map((n) => h('option', { value: n, selected: n === this.maxLength }, n)),
    );
    const skip = h(
      'details',
      { class: 'path-skip', 'data-testid': 'path-skip', open: this.skipOpen, ontoggle: (e: Event) => (this.skipOpen = (e.target as HTMLDetailsElement).open) },
      h('summary', {}, ctx.t('pathSkip'), pathSkip.length > 0 ? h('span', { class: 'count' }, ctx.t('pathSkipCount', { n: pathSkip.length })) : null),
      h(
        'div',
        { class: 'skip-list' },
        RELATIONSHIP_TYPES.map((type) =>
          h(
            'label',
            { class: 'skip-item' },
            h('input', {
              type: 'checkbox',
              value: type,
              checked: pathSkip.includes(type),
              onchange: (e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = on ? [...new Set([...pathSkip, type])].sort() : pathSkip.filter((t) => t !== type);
                ctx.store.set({ pathSkip: next, pathIndex: 0 });
              },
            }),
            h('span', {}, typeName(lang, type)),
            h('code', {}, type),
          ),
        ),
      ),
    );
    const answer = this.result?.answer ?? null;
    const error = this.result?.error ?? null;
    let message: string | null = null;
    if (!this.result) message = ctx.t('pathPickBoth');
    else if (error) message = error instanceof ApiError && error.status === 404 ? ctx.t('pathNone', { max: this.maxLength }) : errorMessage(error, lang);
    else if (answer && !answer.found) message = ctx.t('pathNone', { max: this.maxLength });
    const alternatives = answer?.alternatives ?? [];
    const chosen = this.chosen();
    const current = Math.min(pathIndex, Math.max(0, alternatives.length - 1));
    replace(
      this.top,
      h(
        'div',
        { class: 'view-bar path-bar' },
        h('h2', { class: 'view-title' }, ctx.t('pathTitle')),
        h(
          'div',
          { class: 'path-fields' },
          h('div', { class: 'field' }, h('span', { class: 'field-label' }, ctx.t('pathFrom')), this.fromBox.element),
          h('div', { class: 'field' }, h('span', { class: 'field-label' }, ctx.t('pathTo')), this.toBox.element),
          h('div', { class: 'field narrow' }, h('label', { class: 'field-label', for: 'path-max' }, ctx.t('pathMaxLength')), max),
          h('button', { type: 'button', class: 'button primary', 'data-testid': 'path-find', onclick: () => void this.find() }, ctx.t('pathFind')),
          h(
            'button',
            {
              type: 'button',
              class: 'button',
              onclick: () => {
                this.result = null;
                ctx.store.set({ from: null, to: null, pathIndex: 0 });
                this.fromBox.setValue('');
                this.toBox.setValue('');
                ctx.canvas.setPath(null);
                this.render();
              },
            },
            ctx.t('pathClear'),
          ),
          skip,
        ),
        message ? h('p', { class: 'hint', role: 'status' }, message) : null,
        alternatives.length > 0
          ? h(
              'div',
              { class: 'path-alternatives', role: 'group', 'aria-label': ctx.t('pathAlternativesLabel'), 'data-testid': 'path-alternatives' },
              h(
                'span',
                { class: 'hint' },
                alternatives.length === 1
                  ? ctx.t('pathAlternativesOne', { steps: answer!.length ?? 0 })
                  : ctx.t('pathAlternatives', { n: alternatives.length, steps: answer!.length ?? 0 }),
              ),
              alternatives.length > 1
                ? alternatives.map((_alt, i) =>
                    h(
                      'button',
                      {
                        type: 'button',
                        class: `button small${i === current ? ' active' : ''}`,
                        'aria-pressed': String(i === current),
                        onclick: () => ctx.store.set({ pathIndex: i }),
                      },
                      ctx.t('pathAlternative', { n: i + 1 }),
                    ),
                  )
                : null,
            )
          : null,
        chosen ? this.renderSteps(chosen) : null,
      ),
    );
  }

  /** Node, relationship (its name, its arrow the way it runs), node, … */
  private renderSteps(alternative: PathAlternative): HTMLElement {
    const ctx = this.ctx;
    const lang = ctx.lang();
    const steps = pathSteps(alternative);
    const chip = (id: string) =>
      h(
        'button',
        { type: 'button', class: 'chip', title: `${this.nameOf(id)} · ${id}`, 'data-id': id, onclick: () => ctx.openNode(id, { focus: true }) },
        swatch(labelColor(this.labelOf(id))),
        h('span', { class: 'chip-text' }, this.nameOf(id)),
      );
    const items: HTMLElement[] = [h('li', { class: 'path-node' }, chip(alternative.path[0]!.id))];
    for (const step of steps) {
      const name = typeName(lang, step.type);
      // The sentence the relationship says, from its stored start to its end.
      const [start, end] = step.forward ? [step.from, step.to] : [step.to, step.from];
      const sentence = ctx.t('pathStep', { from: this.nameOf(start), relation: relationName(lang, step.type, 'out'), to: this.nameOf(end) });
      items.push(
        h(
          'li',
          {
            class: `path-rel ${step.forward ? 'forward' : 'backward'}`,
            'data-type': step.type,
            'data-direction': step.forward ? 'forward' : 'backward',
            title: `${sentence} (${step.type})`,
          },
          h('span', { 'aria-hidden': 'true' }, step.forward ? `—${name}→` : `←${name}—`),
          h('span', { class: 'sr-only' }, sentence),
        ),
        h('li', { class: 'path-node' }, chip(step.to)),
      );
    }
    return h('ol', { class: 'path-steps', 'data-testid': 'path-steps', 'aria-label': ctx.t('pathSteps', { n: steps.length }) }, items);
  }
}
