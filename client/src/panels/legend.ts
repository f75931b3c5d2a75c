import { countByLabelAndType, type ViewerGraph } from '../graph/build.ts';
import { edgeDrawingFor } from '../graph/drawing.ts';
import { labelColor, typeColor } from '../graph/palette.ts';
import { labelName, typeName } from '../i18n/i18n.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../server/contract/model.ts';
import type { AppContext } from '../app/context.ts';
import { h, replace, swatch } from '../util/dom.ts';

/** Order of legend entries: the model's order, unknown ones after. */
function ordered(keys: Iterable<string>, order: readonly string[]): string[] {
  return [...keys].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

/**
 * The legend (data-testid="legend"): one toggle per node label and per
 * relationship type present in the graph shown, with its colour and count.
 * Toggling sets the hidden lists in the app state; the canvas hides through
 * sigma state, so positions never move.
 */
export class Legend {
  readonly element: HTMLElement;
  private graph: ViewerGraph | null = null;

  constructor(private readonly ctx: AppContext) {
    this.element = h('section', { class: 'legend panel-section', 'data-testid': 'legend', 'aria-labelledby': 'legend-title' });
  }

  setGraph(graph: ViewerGraph): void {
    this.graph = graph;
    this.render();
  }

  render(): void {
    const lang = this.ctx.lang();
    const { hiddenLabels, hiddenTypes } = this.ctx.store.get();
    const counts = this.graph ? countByLabelAndType(this.graph) : { labels: new Map<string, number>(), types: new Map<string, number>() };
    const items = (kind: 'label' | 'type', present: Map<string, number>, order: readonly string[], hidden: readonly string[]) =>
      ordered(present.keys(), order).map((key) =>
        this.toggle({
          kind,
          key,
          text: kind === 'label' ? labelName(lang, key) : typeName(lang, key),
          count: present.get(key) ?? 0,
          color: kind === 'label' ? labelColor(key) : typeColor(key),
          off: hidden.includes(key),
        }),
      );
    const labelItems = items('label', counts.labels, NODE_LABELS, hiddenLabels);
    const typeItems = items('type', counts.types, RELATIONSHIP_TYPES, hiddenTypes);
    const anyHidden = hiddenLabels.length > 0 || hiddenTypes.length > 0;
    // Each meeting's tag and colour, explained once (every item of a report carries them).
    const meetings = this.ctx.corpus().meetings(lang);
    const meetingItems = meetings.map((m) => {
      const chip = h('span', { class: 'tag-chip' }, m.tag);
      chip.style.setProperty('--tag', m.colour);
      const languages = [...new Set(m.reports.map((r) => r.language).filter(Boolean))].join(' · ');
      return h(
        'li',
        { class: 'legend-meeting', 'data-meeting': m.id, title: m.name },
        chip,
        h('span', { class: 'legend-text' }, m.name),
        languages ? h('span', { class: 'legend-count' }, languages) : null,
      );
    });
    replace(
      this.element,
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'legend-title' }, this.ctx.t('legendTitle')),
        anyHidden
          ? h(
              'button',
              { class: 'link-button', type: 'button', onclick: () => this.ctx.store.set({ hiddenLabels: [], hiddenTypes: [] }) },
              this.ctx.t('legendShowAll'),
            )
          : null,
      ),
      h('h3', { class: 'legend-sub' }, this.ctx.t('legendNodes')),
      h('ul', { class: 'legend-list', 'aria-label': this.ctx.t('legendNodes') }, labelItems),
      typeItems.length > 0 ? h('h3', { class: 'legend-sub' }, this.ctx.t('legendEdges')) : null,
      typeItems.length > 0 ? h('ul', { class: 'legend-list', 'aria-label': this.ctx.t('legendEdges') }, typeItems) : null,
      h('p', { class: 'hint' }, this.ctx.t('legendHint')),
      // The canvas draws a large graph lean (client/src/graph/drawing.ts): what that leaves out, and how contested links show.
      this.graph && edgeDrawingFor(this.graph) === 'lean' ? h('p', { class: 'hint', 'data-testid': 'legend-lean' }, this.ctx.t('legendLeanDrawing')) : null,
      meetingItems.length > 0 ? h('h3', { class: 'legend-sub' }, this.ctx.t('legendMeetings')) : null,
      meetingItems.length > 0
        ? h('ul', { class: 'legend-list', 'data-testid': 'legend-meetings', 'aria-label': this.ctx.t('legendMeetings') }, meetingItems)
        : null,
      meetingItems.length > 0 ? h('p', { class: 'hint' }, this.ctx.t('legendMeetingsHint')) : null,
    );
  }

  private toggle(item: { kind: 'label' | 'type'; key: string; text: string; count: number; color: string; off: boolean }): HTMLLIElement {
    const button = h(
      'button',
      {
        type: 'button',
        class: `legend-item${item.off ? ' off' : ''}`,
        'aria-pressed': String(!item.off),
        'data-legend-kind': item.kind,
        'data-legend-key': item.key,
        title: item.key,
        onclick: () => this.flip(item.kind, item.key),
      },
      swatch(item.color, item.kind === 'label' ? 'dot' : 'line'),
      h('span', { class: 'legend-text' }, item.text),
      h('span', { class: 'legend-count' }, item.count),
    );
    return h('li', {}, button);
  }

  private flip(kind: 'label' | 'type', key: string): void {
    const state = this.ctx.store.get();
    const list = kind === 'label' ? state.hiddenLabels : state.hiddenTypes;
    const next = list.includes(key) ? list.filter((k) => k !== key) : [...list, key].sort();
    this.ctx.store.set(kind === 'label' ? { hiddenLabels: next } : { hiddenTypes: next });
  }
}
