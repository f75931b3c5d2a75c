import type { JsonProperties } from '../../../server/contract/graph.ts';
import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { buildGraph } from '../graph/build.ts';
import { heatColor, labelColor } from '../graph/palette.ts';
import { saveBlob } from '../graph/exportPng.ts';
import type { Lang } from '../i18n/i18n.ts';
import { fullName, shortName } from '../i18n/names.ts';
import { truncateGraphemes } from '../../../server/contract/truncate.ts';
import { highlightedText } from '../panels/details.ts';
import { h, replace, swatch } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';
import {
  allCitations,
  citationCounts,
  citationMatrix,
  distinctCitations,
  matrixCsv,
  supplementing,
  traceCitations,
  traceGraph,
  type CitationRow,
  type Supplements,
  type Trace,
} from './citationModel.ts';
import { countWords } from './countWords.ts';
import { tagChip } from '../corpus/tagChip.ts';

function instrumentName(row: CitationRow | undefined, id: string, lang: Lang, short = true, props?: Record<string, unknown>): string {
  if (props) return short ? shortName({ id, label: 'Instrument', props }, lang, 40) : fullName({ id, label: 'Instrument', props }, lang);
  if (!row) return id;
  // `instrument_name` is the name the report uses: for a Chinese report, the short Chinese title.
  const names = short
    ? [lang === 'en' ? row.instrument_short_en : row.instrument_name, lang === 'en' ? row.instrument_name_en : row.instrument_name_zh]
    : [lang === 'en' ? row.instrument_name_en : row.instrument_name_zh];
  return names.find(Boolean) ?? row.instrument_name_zh ?? row.instrument_name_en ?? id;
}

/**
 * Citation trace: which recommendations cite which instruments, both ways, as
 * a sub-graph on the canvas and as a table, with the recommendation ×
 * instrument matrix as a heat-map (CSV download).
 */
export class CitationsView implements ViewController {
  readonly id = 'citations' as const;
  private rows: CitationRow[] = [];
  private supplements: Supplements = [];
  private instrumentProps = new Map<string, JsonProperties>();
  private loaded = false;
  private top: HTMLElement | null = null;
  private bottom: HTMLElement | null = null;
  private select: HTMLSelectElement | null = null;
  private tab: 'table' | 'matrix' = 'table';

  constructor(private readonly ctx: AppContext) {}

  reset(): void {
    this.loaded = false;
    this.rows = [];
  }

  async activate(top: HTMLElement, bottom: HTMLElement): Promise<void> {
    this.top = top;
    this.bottom = bottom;
    if (!this.loaded) {
      this.ctx.setStatus(() => this.ctx.t('loading'));
      try {
        const data = await this.ctx.citationData();
        this.rows = data.rows;
        this.supplements = data.supplements;
        this.instrumentProps = data.instrumentProps;
        this.loaded = true;
        this.ctx.setStatus('');
      } catch (error) {
        this.ctx.setStatus(() => this.ctx.t('statusError', { message: errorMessage(error, this.ctx.lang()) }), 'error');
      }
    }
    if (this.ctx.store.get().view !== 'citations') return;
    this.render();
    this.draw();
  }

  deactivate(): void {
    this.top = null;
    this.bottom = null;
    this.ctx.canvas.stopLayout();
  }

  onStateChange(state: AppState, previous: AppState): void {
    if (state.trace !== previous.trace) {
      this.render();
      this.draw();
    }
  }

  onNodeClick(node: string): boolean {
    // A click on an instrument or recommendation re-centres the trace on it, and opens its details.
    if (this.rows.some((r) => r.recommendation === node || r.instrument === node) || this.instrumentProps.has(node)) {
      this.ctx.store.set({ trace: node });
      this.ctx.openNode(node);
      return true;
    }
    return false;
  }

  private nameOf(id: string, lang: Lang, short = true): string {
    return instrumentName(
      this.rows.find((r) => r.instrument === id),
      id,
      lang,
      short,
      this.instrumentProps.get(id),
    );
  }

  private trace(): Trace | null {
    const subject = this.ctx.store.get().trace;
    return subject ? traceCitations(this.rows, subject, this.supplements) : null;
  }

  private draw(): void {
    const trace = this.trace();
    const data = traceGraph(trace ?? allCitations(this.rows, this.supplements), this.supplements, this.instrumentProps);
    const graph = buildGraph(data);
    this.ctx.showGraph(graph);
    // The subject is marked, not focused: the whole trace is what is being read.
    if (trace && graph.hasNode(trace.subject)) this.ctx.canvas.select(trace.subject, false, false);
    if (trace) this.ctx.details.showNode(trace.subject);
  }

  render(): void {
    if (!this.top || !this.bottom) return;
    const ctx = this.ctx;
    const lang = ctx.lang();
    const subject = ctx.store.get().trace;
    const instruments = new Map<string, CitationRow[]>([...this.instrumentProps.keys()].map((id) => [id, []]));
    const recs = new Map<string, CitationRow[]>();
    for (const row of distinctCitations(this.rows, lang)) {
      instruments.set(row.instrument, [...(instruments.get(row.instrument) ?? []), row]);
      recs.set(row.recommendation, [...(recs.get(row.recommendation) ?? []), row]);
    }
    const corpus = ctx.corpus();
    this.select = h(
      'select',
      { id: 'trace-pick', 'data-testid': 'trace-pick', onchange: (e: Event) => ctx.store.set({ trace: (e.target as HTMLSelectElement).value || null }) },
      h('option', { value: '' }, ctx.t('citationsPickPlaceholder')),
      h(
        'optgroup',
        { label: ctx.t('citationsInstrument') },
        [...instruments.keys()]
          .map((id) => ({ id, counts: citationCounts(this.rows, this.supplements, id) }))
          .sort((a, b) => b.counts.total - a.counts.total || this.nameOf(a.id, lang).localeCompare(this.nameOf(b.id, lang)))
          .map(({ id, counts }) =>
            h(
              'option',
              { value: id, selected: id === subject },
              `${this.nameOf(id, lang)} (${countWords(
                counts,
                (other) => this.nameOf(other, lang),
                (k, v) => ctx.t(k, v),
              )})`,
            ),
          ),
      ),
      h(
        'optgroup',
        { label: ctx.t('citationsRecommendation') },
        [...recs.entries()]
          .sort(
            (a, b) =>
              (a[1][0]!.tag ?? '').localeCompare(b[1][0]!.tag ?? '') ||
              (a[1][0]!.paragraph ?? 0) - (b[1][0]!.paragraph ?? 0) ||
              a[0].localeCompare(b[0], 'en', { numeric: true }),
          )
          .map(([id, rows]) =>
            h(
              'option',
              { value: id, selected: id === subject },
              `${corpus.unitLabel(rows[0]!.report, fullName({ id, label: 'Recommendation', props: {} }, lang), true)} (${rows.length})`,
            ),
          ),
      ),
    );
    replace(
      this.top,
      h(
        'div',
        { class: 'view-bar' },
        h('h2', { class: 'view-title' }, ctx.t('citationsTitle')),
        h('label', { for: 'trace-pick', class: 'field-label' }, ctx.t('citationsPick')),
        this.select,
        h('p', { class: 'hint view-intro' }, ctx.t('citationsIntro')),
      ),
    );
    const table = this.renderTable(lang);
    const matrix = this.renderMatrix(lang);
    table.hidden = this.tab !== 'table';
    matrix.hidden = this.tab !== 'matrix';
    const tabButton = (tab: 'table' | 'matrix', label: string, count?: number | string) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: `subtab${this.tab === tab ? ' active' : ''}`,
          'aria-selected': String(this.tab === tab),
          'data-testid': `citations-tab-${tab}`,
          onclick: () => {
            this.tab = tab;
            this.render();
          },
        },
        label,
        count !== undefined ? h('span', { class: 'count' }, count) : null,
      );
    const rows = this.trace();
    replace(
      this.bottom,
      h(
        'div',
        { class: 'tabbed' },
        h(
          'div',
          { class: 'subtabs' },
          // A tablist holds its tabs only (WAI-ARIA): the download link stands beside it.
          h(
            'div',
            { class: 'subtab-list', role: 'tablist' },
            tabButton(
              'table',
              ctx.t('citationsTable'),
              rows && rows.kind === 'instrument'
                ? countWords(
                    citationCounts(this.rows, this.supplements, rows.subject),
                    (id) => this.nameOf(id, lang),
                    (k, v) => ctx.t(k, v),
                  )
                : rows
                  ? rows.direct.length + rows.indirect.length
                  : this.rows.length,
            ),
            tabButton('matrix', ctx.t('citationsMatrix')),
          ),
          h('span', { class: 'spacer' }),
          h(
            'a',
            { class: 'button small', href: ctx.api.citationsCsvUrl(), download: 'citations.csv', 'data-testid': 'citations-csv' },
            `⤓ ${ctx.t('citationsCsv')} (${ctx.t('citationsTable')})`,
          ),
        ),
        table,
        matrix,
      ),
    );
  }

  private renderTable(lang: Lang): HTMLElement {
    const ctx = this.ctx;
    const trace = this.trace();
    const corpus = ctx.corpus();
    const rows: { row: CitationRow; ring: 'direct' | 'indirect' }[] = trace
      ? [
          ...distinctCitations(trace.direct, lang).map((row) => ({ row, ring: 'direct' as const })),
          ...distinctCitations(trace.indirect, lang).map((row) => ({ row, ring: 'indirect' as const })),
        ]
      : distinctCitations(this.rows, lang).map((row) => ({ row, ring: 'direct' as const }));
    const body =
      rows.length === 0
        ? h('p', { class: 'empty-hint' }, ctx.t('citationsNone'))
        : h(
            'div',
            { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': ctx.t('citationsTable') },
            h(
              'table',
              { class: 'data-table', 'data-testid': 'citation-table' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, `${ctx.t('citationsRecommendation')} → ${ctx.t('citationsInstrument')}`),
                  trace ? h('th', { scope: 'col' }, ctx.t('citationsHow')) : null,
                  h('th', { scope: 'col' }, ctx.t('citationsText')),
                ),
              ),
              h(
                'tbody',
                {},
                rows.map(({ row, ring }) => {
                  const start = row.text && row.evidence ? row.text.indexOf(row.evidence) : -1;
                  const spans: [number, number][] = start >= 0 ? [[start, start + row.evidence!.length]] : [];
                  return h(
                    'tr',
                    {
                      class: ring === 'indirect' ? 'ring-2' : '',
                      'data-recommendation': row.recommendation,
                      'data-how': trace ? this.how(trace, row, ring).kind : null,
                    },
                    h(
                      'td',
                      { class: 'cite-cell' },
                      h(
                        'button',
                        { type: 'button', class: 'chip', 'data-report': row.report ?? '', onclick: () => this.pick(row.recommendation) },
                        tagChip(corpus, row.report, lang),
                        h('span', { class: 'chip-text' }, row.label),
                      ),
                      h('span', { class: 'cite-arrow', 'aria-label': ctx.t('citationsDirectionCites') }, '→'),
                      h(
                        'button',
                        { type: 'button', class: 'chip', title: this.nameOf(row.instrument, lang, false), onclick: () => this.pick(row.instrument) },
                        swatch(labelColor('Instrument')),
                        h('span', { class: 'chip-text' }, this.nameOf(row.instrument, lang)),
                      ),
                    ),
                    trace ? h('td', { class: 'how-cell' }, this.how(trace, row, ring).text) : null,
                    h('td', { class: 'text-cell' }, row.text ? highlightedText(row.text, spans) : (row.evidence ?? '')),
                  );
                }),
              ),
            ),
          );
    return h('section', { class: 'pane', role: 'tabpanel', 'aria-label': ctx.t('citationsTable') }, body);
  }

  private renderMatrix(lang: Lang): HTMLElement {
    const ctx = this.ctx;
    const matrix = citationMatrix(this.rows);
    const subject = ctx.store.get().trace;
    const download = () => {
      const csv = matrixCsv(
        matrix,
        (id) => this.nameOf(id, lang, false),
        (p) => String(p),
      );
      saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), 'citation-matrix.csv');
    };
    const table = h(
      'table',
      { class: 'heatmap', 'data-testid': 'citation-matrix' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, ctx.t('detailsParagraph')),
          matrix.columns.map((id) =>
            h(
              'th',
              { scope: 'col', class: `col-head${id === subject ? ' current' : ''}`, title: this.nameOf(id, lang, false) },
              h(
                'button',
                { type: 'button', class: 'link-button', onclick: () => this.pick(id) },
                truncateGraphemes(this.nameOf(id, lang), lang === 'zh' ? 12 : 28),
              ),
            ),
          ),
          h('th', { scope: 'col' }, ctx.t('citationsTotal')),
        ),
      ),
      h(
        'tbody',
        {},
        matrix.rows.map((row, i) =>
          h(
            'tr',
            { 'data-row': `${row.tag ?? row.report ?? ''} ¶${row.paragraph}` },
            h('th', { scope: 'row' }, tagChip(ctx.corpus(), row.report, lang), ` ¶ ${row.paragraph}`),
            matrix.counts[i]!.map((count) => {
              const cell = h('td', { class: `heat${count > 0 ? ' hot' : ''}`, title: String(count) }, count > 0 ? count : '');
              cell.style.background = heatColor(count, matrix.max);
              if (count / Math.max(1, matrix.max) > 0.6) cell.style.color = '#fff';
              return cell;
            }),
            h('td', { class: 'total' }, matrix.rowTotals[i]!),
          ),
        ),
      ),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, ctx.t('citationsTotal')),
          matrix.columnTotals.map((n) => h('td', { class: 'total' }, n)),
          h(
            'td',
            { class: 'total' },
            matrix.columnTotals.reduce((a, b) => a + b, 0),
          ),
        ),
      ),
    );
    return h(
      'section',
      { class: 'pane', role: 'tabpanel', 'aria-label': ctx.t('citationsMatrix') },
      h(
        'div',
        { class: 'pane-head' },
        h('p', { class: 'hint pane-title' }, ctx.t('citationsMatrixHint')),
        h(
          'button',
          { type: 'button', class: 'button small', 'data-testid': 'matrix-csv', onclick: download },
          `⤓ ${ctx.t('citationsCsv')} (${ctx.t('citationsMatrix')})`,
        ),
      ),
      matrix.columns.length > 0
        ? h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': ctx.t('citationsMatrix') }, table)
        : h('p', { class: 'empty-hint' }, ctx.t('citationsNone')),
    );
  }

  /** Why a row is in the trace: a direct citation, one through a supplementing instrument, or the next ring out. */
  private how(trace: Trace, row: CitationRow, ring: 'direct' | 'indirect'): { kind: string; text: string } {
    const ctx = this.ctx;
    const lang = ctx.lang();
    if (ring === 'indirect') return { kind: 'also', text: ctx.t(trace.kind === 'instrument' ? 'citationsAlso' : 'citationsAlsoRec') };
    if (trace.kind === 'recommendation' || row.instrument === trace.subject) return { kind: 'direct', text: ctx.t('citationsDirect') };
    if (supplementing(trace.subject, this.supplements).has(row.instrument))
      return { kind: 'via', text: ctx.t('citationsVia', { name: this.nameOf(row.instrument, lang) }) };
    return { kind: 'parent', text: ctx.t('citationsParent', { name: this.nameOf(row.instrument, lang) }) };
  }

  private pick(id: string): void {
    this.ctx.store.set({ trace: id });
    this.ctx.openDetails(id);
  }
}
