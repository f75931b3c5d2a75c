import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { buildGraph, type ViewerGraph } from '../graph/build.ts';
import { typeColor } from '../graph/palette.ts';
import { findTermSpans } from '../panels/highlight.ts';
import { h, replace, swatch } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';
import { tagChip } from '../corpus/tagChip.ts';
import { UnitList, unitItems } from './unitList.ts';
import { linkEnds, linkKey } from '../state/url.ts';
import { valueName } from '../i18n/values.ts';

/** The words that name a crime type in any language: its names and aliases. */
export function crimeTerms(props: Record<string, unknown>): string[] {
  const terms = [props.name, props.name_zh, props.name_en, ...(Array.isArray(props.aliases) ? props.aliases : [])];
  return terms.filter((t): t is string => typeof t === 'string' && t.length > 1);
}

/** Paragraph ids a CO_OCCURS edge lists, in reading order. */
export function cooccurrenceParagraphs(props: Record<string, unknown>): string[] {
  const list = Array.isArray(props.paragraphs) ? props.paragraphs.filter((p): p is string => typeof p === 'string') : [];
  const number = (id: string) => Number(/:(\d+)(?:\(|$)/.exec(id)?.[1] ?? 0);
  return [...new Set(list)].sort((a, b) => number(a) - number(b));
}

/**
 * Crime links: the crime-type network alone. Co-occurrence as line thickness,
 * links the text states as red curved arrows (dashed when contested); a click
 * on a line shows the paragraphs where both appear.
 */
export class CrimesView implements ViewController {
  readonly id = 'crimes' as const;
  private graph: ViewerGraph | null = null;
  private top: HTMLElement | null = null;
  private selectedEdge: string | null = null;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {}

  reset(): void {
    this.graph = null;
    this.selectedEdge = null;
  }

  async activate(top: HTMLElement): Promise<void> {
    this.top = top;
    this.render();
    let first = false;
    if (!this.graph) {
      this.ctx.setStatus(this.ctx.t('loading'));
      try {
        this.graph = buildGraph(await this.ctx.api.graph({ labels: ['CrimeType'], types: ['CO_OCCURS', 'LINKED_TO'] }));
        first = true;
        this.ctx.setStatus('');
      } catch (error) {
        this.ctx.setStatus(() => this.ctx.t('statusError', { message: errorMessage(error, this.ctx.lang()) }), 'error');
        return;
      }
    }
    if (this.ctx.store.get().view !== 'crimes') return;
    this.ctx.showGraph(this.graph, { layout: first });
    // A link's selected line (link=a~b) opens with the page.
    const edge = this.edgeOfLink(this.ctx.store.get().link);
    if (edge) void this.onEdgeClick(edge);
    else if (!this.selectedEdge) this.ctx.details.showContent(this.ctx.t('crimesTitle'), h('p', { class: 'empty-hint' }, this.ctx.t('crimesEdgePick')));
  }

  onStateChange(state: AppState, previous: AppState): void {
    if (state.link !== previous.link && state.link) {
      const edge = this.edgeOfLink(state.link);
      if (edge && edge !== this.selectedEdge) void this.onEdgeClick(edge);
    }
  }

  /** The line between a link's two crime types: the co-occurrence line when there is one, else a stated link. */
  private edgeOfLink(link: string | null): string | null {
    const ends = link ? linkEnds(link) : null;
    const graph = this.graph;
    if (!ends || !graph || !graph.hasNode(ends[0]) || !graph.hasNode(ends[1])) return null;
    const between = graph.edges(ends[0], ends[1]);
    return between.find((e) => graph.getEdgeAttribute(e, 'type') === 'CO_OCCURS') ?? between[0] ?? null;
  }

  deactivate(): void {
    this.top = null;
    this.selectedEdge = null;
    if (this.ctx.store.get().link) this.ctx.store.set({ link: null });
    this.ctx.canvas.stopLayout();
  }

  render(): void {
    if (!this.top) return;
    const ctx = this.ctx;
    const key = (color: string, text: string, cls = '') => h('span', { class: `key ${cls}` }, swatch(color, 'line', cls), text);
    replace(
      this.top,
      h(
        'div',
        { class: 'view-bar' },
        h('h2', { class: 'view-title' }, ctx.t('crimesTitle')),
        h(
          'div',
          { class: 'keys' },
          key(typeColor('CO_OCCURS'), ctx.t('crimesCooccur'), 'thick'),
          key(typeColor('LINKED_TO'), ctx.t('crimesStated')),
          key(typeColor('LINKED_TO'), ctx.t('crimesContested'), 'dashed'),
        ),
        h('p', { class: 'hint view-intro' }, ctx.t('crimesIntro')),
      ),
    );
    if (this.selectedEdge) void this.onEdgeClick(this.selectedEdge);
  }

  /** The paragraphs behind a line between two crime types: stated links first, then every co-occurrence. */
  async onEdgeClick(edge: string): Promise<void> {
    const graph = this.graph;
    if (!graph || !graph.hasEdge(edge)) return;
    this.selectedEdge = edge;
    const seq = ++this.seq;
    const ctx = this.ctx;
    const lang = ctx.lang();
    const [a, b] = graph.extremities(edge);
    if (ctx.store.get().link !== linkKey(a, b)) ctx.store.set({ link: linkKey(a, b) });
    const nameOf = (n: string) => (lang === 'en' ? graph.getNodeAttribute(n, 'name_en') : graph.getNodeAttribute(n, 'name_zh'));
    const title = `${nameOf(a)} — ${nameOf(b)}`;
    // graphology's edges(a, b) lists the edges between a and b in both directions.
    const between = graph.edges(a, b);
    const stated = between.filter((e) => graph.getEdgeAttribute(e, 'type') === 'LINKED_TO');
    const cooccur = between.find((e) => graph.getEdgeAttribute(e, 'type') === 'CO_OCCURS');
    const paragraphIds = cooccur ? cooccurrenceParagraphs(graph.getEdgeAttribute(cooccur, 'props')) : [];
    const terms = [...crimeTerms(graph.getNodeAttribute(a, 'props')), ...crimeTerms(graph.getNodeAttribute(b, 'props'))];

    const statedList =
      stated.length > 0
        ? h(
            'section',
            { class: 'details-section' },
            h('h3', {}, ctx.t('crimesStatedLinks')),
            h(
              'ul',
              { class: 'prov-list' },
              stated.map((e) => {
                const p = graph.getEdgeAttribute(e, 'props');
                const [s, t] = graph.extremities(e);
                return h(
                  'li',
                  { 'data-kind': String(p.kind ?? '') },
                  h(
                    'div',
                    { class: 'prov-head' },
                    typeof p.report === 'string' ? tagChip(ctx.corpus(), p.report, lang) : null,
                    typeof p.paragraph === 'number' ? h('span', { class: 'para-no' }, `¶ ${p.paragraph}`) : null,
                    h('span', { class: `kind-tag kind-${String(p.kind)}` }, typeof p.kind === 'string' ? valueName(lang, 'kind', p.kind) : ''),
                    h('span', { class: 'prov-facts' }, `${nameOf(s)} → ${nameOf(t)}`),
                  ),
                  typeof p.evidence === 'string' ? h('p', { class: 'para-text' }, h('mark', {}, p.evidence)) : null,
                );
              }),
            ),
          )
        : null;
    const corpus = ctx.corpus();
    const items = unitItems(
      paragraphIds,
      (r) => corpus.meetingOf(r),
      (r) => corpus.language(r),
    );
    const list = new UnitList(ctx, items, 'crime-paragraphs', (text) => findTermSpans(text, terms)).element;
    const content = h(
      'div',
      { class: 'crime-edge', 'data-testid': 'crime-edge' },
      statedList,
      h(
        'section',
        { class: 'details-section' },
        h('h3', {}, ctx.t('crimesParagraphs'), h('span', { class: 'count' }, ctx.t('crimesCount', { count: items.length }))),
        list,
      ),
    );
    if (seq === this.seq) ctx.details.showContent(title, content);
  }
}
