import type { AppContext } from '../app/context.ts';
import { labelColor } from '../graph/palette.ts';
import { labelName } from '../i18n/i18n.ts';
import { h, replace, swatch } from '../util/dom.ts';

/** At most this many nodes are listed; the rest are counted (zooming in lists them). */
export const ON_SCREEN_LIMIT = 150;

/**
 * The canvas's text alternative and its keyboard way in (WCAG 1.1.1, 2.1.1): a
 * disclosure listing the nodes drawn in the frame, largest first, each a button
 * that selects the node and opens its details. It follows the camera, the
 * legend's filters and the layout.
 */
export class OnScreenList {
  readonly element: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ctx: AppContext) {
    this.summary = h('summary', { 'data-testid': 'onscreen-summary' });
    this.list = h('ul', { class: 'onscreen-list', 'data-testid': 'onscreen-list' });
    this.element = h('details', { class: 'onscreen', 'data-testid': 'onscreen' }, this.summary, this.list);
    this.element.addEventListener('toggle', () => this.render());
  }

  /** Soon (once the camera or the layout rests): counting every node is cheap, but not on every frame. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.render();
    }, 150);
  }

  render(): void {
    const ctx = this.ctx;
    const nodes = ctx.canvas.nodesInFrame();
    replace(this.summary, ctx.t('onScreenTitle'), h('span', { class: 'count' }, nodes.length));
    if (!this.element.open) {
      replace(this.list);
      return;
    }
    const graph = ctx.canvas.getGraph();
    const lang = ctx.lang();
    const shown = nodes.slice(0, ON_SCREEN_LIMIT);
    replace(
      this.list,
      nodes.length === 0 ? h('li', { class: 'empty-hint' }, ctx.t('onScreenNone')) : null,
      shown.map((id) => {
        const a = graph.getNodeAttributes(id);
        const name = lang === 'en' ? a.name_en : a.name_zh;
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'onscreen-item', 'data-id': id, onclick: () => ctx.openNode(id) },
            swatch(labelColor(a.nodeLabel)),
            h('span', { class: 'chip-text' }, name),
            h('span', { class: 'onscreen-label' }, labelName(lang, a.nodeLabel)),
          ),
        );
      }),
      nodes.length > shown.length ? h('li', { class: 'hint' }, ctx.t('onScreenMore', { n: nodes.length - shown.length })) : null,
    );
  }
}
