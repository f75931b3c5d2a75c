import { inFilter, type Corpus } from '../corpus/corpus.ts';
import { pictureBlob, type LegendLine } from '../export/png.ts';
import { nodesCsv, relationshipsCsv, viewGexf, viewJson, viewSubgraph } from '../export/viewExport.ts';
import { countByLabelAndType } from '../graph/build.ts';
import { saveBlob } from '../graph/exportPng.ts';
import { labelColor, typeColor } from '../graph/palette.ts';
import { labelName, typeName } from '../i18n/i18n.ts';
import { MenuButton, type MenuGroup } from '../panels/menuButton.ts';
import { errorMessage } from '../util/errors.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../server/contract/model.ts';
import type { AppContext } from './context.ts';

/**
 * The header's export menu: a picture of the view (PNG at 2× or 4×, with its title, the
 * reports in scope and the legend), the view itself (what the legend shows, or only what
 * is in the frame) as GEXF, CSV or JSON made in the browser, and the whole graph's
 * exports the server makes (links to /api/export). Put {@link element} in the page and
 * call {@link render} after a language switch.
 */
export class ExportMenu {
  private readonly menu = new MenuButton('export-menu');
  private frameOnly = false;

  /** `corpus` gives the loaded corpus, read first when it has not arrived yet. */
  constructor(
    private readonly ctx: AppContext,
    private readonly corpus: () => Promise<Corpus>,
  ) {}

  get element(): HTMLElement {
    return this.menu.element;
  }

  render(): void {
    const t = this.ctx.t.bind(this.ctx);
    const groups: MenuGroup[] = [
      {
        label: t('exportPngHint'),
        entries: [
          { label: t('exportPng2'), testId: 'export-png', onSelect: () => void this.exportPicture(2) },
          { label: t('exportPng4'), testId: 'export-png-4', onSelect: () => void this.exportPicture(4) },
        ],
      },
      {
        label: t('exportViewHint'),
        entries: [
          {
            label: t('exportFrameOnly'),
            testId: 'export-frame-only',
            checked: this.frameOnly,
            onSelect: () => {
              this.frameOnly = !this.frameOnly;
              this.render();
              this.menu.open(2);
            },
          },
          { label: t('exportViewGexf'), testId: 'export-view-gexf', onSelect: () => this.exportView('gexf') },
          { label: t('exportViewCsvNodes'), testId: 'export-view-nodes', onSelect: () => this.exportView('nodes') },
          { label: t('exportViewCsvRels'), testId: 'export-view-relationships', onSelect: () => this.exportView('relationships') },
          { label: t('exportViewJson'), testId: 'export-view-json', onSelect: () => this.exportView('json') },
        ],
      },
      {
        label: t('exportHint'),
        entries: EXPORTS.map(({ format, table, label }) => ({
          label: label(t),
          href: this.ctx.api.exportUrl(format, table),
          download: `congress-graph${table ? `-${table}` : ''}.${format}`,
          testId: `export-${format}${table ? `-${table}` : ''}`,
        })),
      },
    ];
    this.menu.render(t('exportTitle'), groups);
  }

  /** The picture of the view (PNG at `scale`×) with its title, the reports shown and the legend. */
  private async exportPicture(scale: 2 | 4): Promise<void> {
    const ctx = this.ctx;
    try {
      const file = `congress-graph-${ctx.store.get().view}@${scale}x.png`;
      const blob = await pictureBlob(ctx.canvas.sigma, scale, {
        title: this.pictureTitle(),
        reports: ctx.t('pictureReports', { list: await this.reportList() }),
        legend: this.legendLines(),
        footer: ctx.t('pictureFooter', { date: new Date().toISOString().slice(0, 10), url: location.href }),
      });
      saveBlob(blob, file);
      ctx.setStatus(() => ctx.t('exportDone', { file }));
    } catch (error) {
      ctx.setStatus(() => ctx.t('statusError', { message: errorMessage(error, ctx.lang()) }), 'error');
    }
  }

  /** The view's name and what it is about (the node selected, the trace's subject, a path's ends). */
  private pictureTitle(): string {
    const ctx = this.ctx;
    const state = ctx.store.get();
    const graph = ctx.canvas.getGraph();
    const name = (id: string | null) => (id && graph.hasNode(id) ? graph.getNodeAttribute(id, ctx.lang() === 'en' ? 'name_en' : 'name_zh') : id);
    const subject =
      state.view === 'citations'
        ? name(state.trace)
        : state.view === 'path' && state.from && state.to
          ? `${name(state.from)} → ${name(state.to)}`
          : name(state.node);
    return [ctx.t('appTitle'), ctx.t(`view.${state.view}`), subject].filter(Boolean).join(' · ');
  }

  /** The reports an exported picture shows: those in the corpus filter's scope (all when unfiltered), tag and title each. */
  private async reportList(): Promise<string> {
    const corpus = await this.corpus();
    const lang = this.ctx.lang();
    return corpus.reports
      .filter((r) => inFilter(r, this.ctx.api.filter))
      .map((r) => {
        const title = lang === 'en' ? (r.title_en ?? r.title_zh) : (r.title_zh ?? r.title_en);
        return [r.tag ?? r.id, title ?? ''].filter(Boolean).join(' ');
      })
      .join('; ');
  }

  /** The legend of what the canvas draws: labels and relationship types shown, with counts. */
  private legendLines(): LegendLine[] {
    const lang = this.ctx.lang();
    const { hiddenLabels, hiddenTypes } = this.ctx.store.get();
    const counts = countByLabelAndType(this.ctx.canvas.getGraph());
    const order = (keys: Iterable<string>, model: readonly string[]) =>
      [...keys].sort((a, b) => (model.indexOf(a) + 1 || 99) - (model.indexOf(b) + 1 || 99) || a.localeCompare(b));
    return [
      ...order(counts.labels.keys(), NODE_LABELS)
        .filter((l) => !hiddenLabels.includes(l))
        .map((l): LegendLine => ({ kind: 'label', color: labelColor(l), text: labelName(lang, l), count: counts.labels.get(l) ?? 0 })),
      ...order(counts.types.keys(), RELATIONSHIP_TYPES)
        .filter((t) => !hiddenTypes.includes(t))
        .map((t): LegendLine => ({ kind: 'type', color: typeColor(t), text: typeName(lang, t), count: counts.types.get(t) ?? 0 })),
    ];
  }

  /** Saves the current view (what the legend shows; the frame only, when asked) in a format made here, in the browser. */
  private exportView(format: 'gexf' | 'nodes' | 'relationships' | 'json'): void {
    const ctx = this.ctx;
    const state = ctx.store.get();
    const graph = viewSubgraph(ctx.canvas.getGraph(), {
      hiddenLabels: state.hiddenLabels,
      hiddenTypes: state.hiddenTypes,
      inFrame: this.frameOnly ? new Set(ctx.canvas.nodesInFrame()) : null,
    });
    const base = `congress-graph-${state.view}${this.frameOnly ? '-frame' : ''}`;
    const lang = ctx.lang();
    const [file, blob] =
      format === 'gexf'
        ? [`${base}.gexf`, new Blob([viewGexf(graph, lang)], { type: 'application/gexf+xml' })]
        : format === 'json'
          ? [`${base}.json`, new Blob([viewJson(graph, state.view)], { type: 'application/json' })]
          : format === 'nodes'
            ? [`${base}-nodes.csv`, new Blob(['\ufeff', nodesCsv(graph, lang)], { type: 'text/csv;charset=utf-8' })]
            : [`${base}-relationships.csv`, new Blob(['\ufeff', relationshipsCsv(graph, lang)], { type: 'text/csv;charset=utf-8' })];
    saveBlob(blob, file);
    ctx.setStatus(() => ctx.t('exportDone', { file }));
  }
}

/** The whole-graph exports the server makes. */
const EXPORTS: { format: 'gexf' | 'graphml' | 'json' | 'csv'; table?: 'nodes' | 'relationships'; label: (t: AppContext['t']) => string }[] = [
  { format: 'gexf', label: (t) => t('exportViewGexf') },
  { format: 'graphml', label: () => 'GraphML' },
  { format: 'json', label: () => 'JSON (graph.json)' },
  { format: 'csv', table: 'nodes', label: (t) => t('exportWholeCsvNodes') },
  { format: 'csv', table: 'relationships', label: (t) => t('exportWholeCsvRels') },
];
