import type { CompareResponse, ProfileResponse } from '../../../server/contract/api.ts';
import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { tagChip } from '../corpus/tagChip.ts';
import { buildGraph, type GraphData } from '../graph/build.ts';
import { saveBlob } from '../graph/exportPng.ts';
import { heatColor } from '../graph/palette.ts';
import { labelName, type Lang } from '../i18n/i18n.ts';
import { truncateGraphemes as truncate } from '../../../server/contract/truncate.ts';
import { SearchBox } from '../panels/search.ts';
import type { CompareTab } from '../state/url.ts';
import { h, replace } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';
import { toCsv } from './citationModel.ts';
import { UnitList, type UnitItem } from './unitList.ts';

type Row = CompareResponse['rows'][number];

/** The measures of a profile, named for a reader. */
const MEASURE_KEYS = {
  attended: 'compareAttended',
  spokeOn: 'compareSpokeOn',
  recommendations: 'compareRecommendations',
  paragraphs: 'compareParagraphs',
  citations: 'compareCitations',
  mentions: 'compareMentions',
  links: 'compareLinks',
  roles: 'compareRoles',
} as const;

/**
 * Comparison across the corpus (data-testid="compare"): meetings (regions) × instruments,
 * meetings × crime types as heat-maps (a click on a cell lists its recommendations or
 * paragraphs in the details panel, with their text), and an entity's profile meeting by
 * meeting. The canvas shows the meetings joined to what they cite or name.
 */
export class CompareView implements ViewController {
  readonly id = 'compare' as const;
  private top: HTMLElement | null = null;
  private bottom: HTMLElement | null = null;
  private matrices = new Map<'instrument' | 'crime', CompareResponse>();
  private profiles = new Map<string, ProfileResponse>();
  private error: string | null = null;
  private readonly picker: SearchBox;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {
    this.picker = new SearchBox({
      api: ctx.api,
      lang: () => ctx.lang(),
      placeholder: () => ctx.t('compareProfilePick'),
      label: () => ctx.t('compareProfilePick'),
      noResults: () => ctx.t('searchNoResults'),
      testId: 'profile-pick',
      className: 'path-search',
      labels: ['State', 'Organization', 'Instrument', 'CrimeType', 'Person'],
      onPick: (r) => ctx.store.set({ profile: r.id, compare: 'profile' }),
    });
  }

  reset(): void {
    this.matrices.clear();
    this.profiles.clear();
  }

  async activate(top: HTMLElement, bottom: HTMLElement): Promise<void> {
    this.top = top;
    this.bottom = bottom;
    await this.load();
  }

  deactivate(): void {
    this.top = null;
    this.bottom = null;
    this.ctx.canvas.stopLayout();
  }

  onStateChange(state: AppState, previous: AppState): void {
    if (state.compare !== previous.compare || state.profile !== previous.profile) void this.load();
  }

  private tab(): CompareTab {
    return this.ctx.store.get().compare;
  }

  /** Loads what the tab shows (once per scope), then draws it. */
  private async load(): Promise<void> {
    const seq = ++this.seq;
    const tab = this.tab();
    const profile = this.ctx.store.get().profile;
    this.error = null;
    this.render();
    try {
      if (tab !== 'profile' && !this.matrices.has(tab)) this.matrices.set(tab, await this.ctx.api.compare(tab));
      if (tab === 'profile' && profile && !this.profiles.has(profile)) this.profiles.set(profile, await this.ctx.api.profile(profile));
    } catch (error) {
      if (seq === this.seq) this.error = errorMessage(error, this.ctx.lang());
    }
    if (seq !== this.seq || !this.top) return;
    this.render();
    this.draw();
  }

  private name(
    c: { id: string; name_zh: string | null; name_en: string | null; short_zh?: string | null; short_en?: string | null },
    lang: Lang,
    short = true,
  ): string {
    const names = lang === 'en' ? [short ? c.short_en : null, c.name_en, c.name_zh] : [short ? c.short_zh : null, c.name_zh, c.name_en];
    return names.find((n): n is string => typeof n === 'string' && n !== '') ?? c.id;
  }

  private rowHead(row: Row, lang: Lang): HTMLElement {
    const report = row.reports[0] ?? null;
    return h(
      'th',
      { scope: 'row', title: (lang === 'en' ? row.name_en : row.name_zh) ?? row.meeting },
      tagChip(this.ctx.corpus(), report, lang, { language: false }),
    );
  }

  private draw(): void {
    const tab = this.tab();
    const data: GraphData = { nodes: [], edges: [] };
    const meetingNode = (row: Row) => ({
      key: row.meeting,
      attributes: { labels: ['Meeting'], properties: { name_zh: row.tag, name_en: row.tag, tag: row.tag } },
    });
    if (tab === 'profile') {
      const p = this.currentProfile();
      if (p) {
        data.nodes.push({ key: p.id, attributes: { labels: p.labels, properties: { name_zh: p.name_zh, name_en: p.name_en } } });
        for (const m of p.meetings) {
          const total = Object.values(m.measures).reduce((n, x) => n + x.count, 0);
          if (total === 0) continue;
          data.nodes.push(meetingNode(m));
          data.edges.push({ key: `${m.meeting}->${p.id}`, source: m.meeting, target: p.id, attributes: { type: 'MENTIONS', properties: { count: total } } });
        }
      }
    } else {
      const matrix = this.matrices.get(tab);
      if (matrix) {
        const rows = new Map(matrix.rows.map((r) => [r.meeting, r]));
        for (const r of matrix.rows) data.nodes.push(meetingNode(r));
        for (const c of matrix.columns)
          data.nodes.push({
            key: c.id,
            attributes: {
              labels: [tab === 'instrument' ? 'Instrument' : 'CrimeType'],
              properties: { name_zh: c.name_zh, name_en: c.name_en, short_zh: c.short_zh, short_en: c.short_en },
            },
          });
        for (const cell of matrix.cells) {
          if (!rows.has(cell.meeting)) continue;
          data.edges.push({
            key: `${cell.meeting}->${cell.column}`,
            source: cell.meeting,
            target: cell.column,
            attributes: { type: tab === 'instrument' ? 'CITES' : 'MENTIONS', properties: { count: cell.count } },
          });
        }
      }
    }
    this.ctx.showGraph(buildGraph(data));
  }

  private currentProfile(): ProfileResponse | undefined {
    const id = this.ctx.store.get().profile;
    return id ? this.profiles.get(id) : undefined;
  }

  render(): void {
    if (!this.top || !this.bottom) return;
    const ctx = this.ctx;
    const tab = this.tab();
    const subtab = (key: CompareTab, label: string) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: `subtab${tab === key ? ' active' : ''}`,
          'aria-selected': String(tab === key),
          'data-testid': `compare-tab-${key}`,
          onclick: () => ctx.store.set({ compare: key }),
        },
        label,
      );
    this.picker.render();
    replace(
      this.top,
      h(
        'div',
        { class: 'view-bar' },
        h('h2', { class: 'view-title' }, ctx.t('compareTitle')),
        h(
          'div',
          { class: 'subtabs', role: 'tablist' },
          subtab('instrument', ctx.t('compareInstruments')),
          subtab('crime', ctx.t('compareCrimes')),
          subtab('profile', ctx.t('compareProfile')),
        ),
        tab === 'profile' ? h('div', { class: 'field' }, this.picker.element) : null,
        h(
          'p',
          { class: 'hint view-intro' },
          ctx.t(tab === 'instrument' ? 'compareIntroInstruments' : tab === 'crime' ? 'compareIntroCrimes' : 'compareIntroProfile'),
        ),
      ),
    );
    const body = this.error ? h('p', { class: 'error', role: 'alert' }, this.error) : tab === 'profile' ? this.renderProfile() : this.renderMatrix(tab);
    replace(this.bottom, h('section', { class: 'pane compare-pane', 'data-testid': 'compare' }, body));
  }

  private renderMatrix(tab: 'instrument' | 'crime'): HTMLElement {
    const ctx = this.ctx;
    const lang = ctx.lang();
    const matrix = this.matrices.get(tab);
    if (!matrix) return h('p', { class: 'loading' }, ctx.t('loading'));
    if (matrix.columns.length === 0) return h('p', { class: 'empty-hint' }, ctx.t('compareNone'));
    const cells = new Map(matrix.cells.map((c) => [`${c.meeting}\u0000${c.column}`, c]));
    const max = Math.max(1, ...matrix.cells.map((c) => c.count));
    const columnName = (id: string) =>
      this.name(
        matrix.columns.find((c) => c.id === id)!,
        lang,
      );
    const download = () => {
      const table = [
        [ctx.t('compareMeeting'), ...matrix.columns.map((c) => this.name(c, lang, false)), ctx.t('citationsTotal')],
        ...matrix.rows.map((r) => {
          const counts = matrix.columns.map((c) => cells.get(`${r.meeting}\u0000${c.id}`)?.count ?? 0);
          return [r.tag ?? r.meeting, ...counts, counts.reduce((a, b) => a + b, 0)];
        }),
      ];
      saveBlob(new Blob(['\ufeff', toCsv(table)], { type: 'text/csv;charset=utf-8' }), `compare-${tab}.csv`);
    };
    const table = h(
      'table',
      { class: 'heatmap', 'data-testid': `compare-matrix-${tab}` },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, ctx.t('compareMeeting')),
          matrix.columns.map((c) =>
            h(
              'th',
              { scope: 'col', class: 'col-head', title: this.name(c, lang, false), 'data-column': c.id },
              h('button', { type: 'button', class: 'link-button', onclick: () => ctx.openDetails(c.id) }, truncate(columnName(c.id), lang === 'zh' ? 12 : 28)),
            ),
          ),
          h('th', { scope: 'col' }, ctx.t('citationsTotal')),
        ),
      ),
      h(
        'tbody',
        {},
        matrix.rows.map((r) => {
          let total = 0;
          return h(
            'tr',
            { 'data-meeting': r.meeting },
            this.rowHead(r, lang),
            matrix.columns.map((c) => {
              const cell = cells.get(`${r.meeting}\u0000${c.id}`);
              const count = cell?.count ?? 0;
              total += count;
              const td = h(
                'td',
                {
                  class: `heat${count > 0 ? ' hot' : ''}`,
                  'data-column': c.id,
                  'data-count': String(count),
                  title: `${r.tag ?? ''} × ${this.name(c, lang, false)}: ${count}`,
                },
                count > 0 ? h('button', { type: 'button', class: 'cell-button', onclick: () => this.showCell(r, c.id, cell!.items, tab) }, String(count)) : '',
              );
              td.style.background = heatColor(count, max);
              if (count / max > 0.6) td.style.color = '#fff';
              return td;
            }),
            h('td', { class: 'total' }, String(total)),
          );
        }),
      ),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, ctx.t('citationsTotal')),
          matrix.columns.map((c) => h('td', { class: 'total' }, String(c.total))),
          h('td', { class: 'total' }, String(matrix.columns.reduce((n, c) => n + c.total, 0))),
        ),
      ),
    );
    return h(
      'div',
      {},
      h(
        'div',
        { class: 'pane-head' },
        h('p', { class: 'hint pane-title' }, ctx.t(tab === 'instrument' ? 'compareHintInstruments' : 'compareHintCrimes')),
        h('button', { type: 'button', class: 'button small', 'data-testid': 'compare-csv', onclick: download }, `⤓ ${ctx.t('citationsCsv')}`),
      ),
      h('div', { class: 'table-scroll' }, table),
    );
  }

  /** A cell's recommendations (or paragraphs) in the details panel, each with its meeting's tag and its text. */
  private showCell(row: Row, column: string, items: UnitItem[], tab: 'instrument' | 'crime'): void {
    const matrix = this.matrices.get(tab)!;
    const c = matrix.columns.find((x) => x.id === column)!;
    const title = `${row.tag ?? row.meeting} × ${this.name(c, this.ctx.lang())}`;
    this.ctx.details.showContent(title, new UnitList(this.ctx, items, 'compare-items').element);
  }

  private renderProfile(): HTMLElement {
    const ctx = this.ctx;
    const lang = ctx.lang();
    const id = ctx.store.get().profile;
    if (!id) return h('p', { class: 'empty-hint' }, ctx.t('compareProfileNone'));
    const p = this.profiles.get(id);
    if (!p) return h('p', { class: 'loading' }, ctx.t('loading'));
    const name = (lang === 'en' ? p.name_en : p.name_zh) ?? p.name;
    if (document.activeElement !== this.picker.input) this.picker.setValue(name);
    const measureName = (m: string) => ctx.t(MEASURE_KEYS[m as keyof typeof MEASURE_KEYS] ?? 'compareMentions');
    const itemLabel = (item: ProfileResponse['meetings'][number]['measures'][string]['items'][number]) => {
      if (item.kind === 'role') return item.label;
      if (item.other) return this.otherName(item.other, lang) + (item.detail ? ` (${item.detail})` : '');
      return item.label;
    };
    return h(
      'div',
      { 'data-testid': 'profile', 'data-node': p.id },
      h('h3', { class: 'profile-title' }, `${name} · ${labelName(lang, p.labels[0] ?? '')}`),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data-table profile-table', 'data-testid': 'profile-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, ctx.t('compareMeeting')),
              p.measures.map((m) => h('th', { scope: 'col', 'data-measure': m }, measureName(m))),
            ),
          ),
          h(
            'tbody',
            {},
            p.meetings.map((m) =>
              h(
                'tr',
                { 'data-meeting': m.meeting },
                this.rowHead(m, lang),
                p.measures.map((key) => {
                  const measure = m.measures[key]!;
                  return h(
                    'td',
                    { 'data-measure': key, 'data-count': String(measure.count) },
                    measure.count === 0
                      ? h('span', { class: 'zero' }, '0')
                      : h(
                          'button',
                          { type: 'button', class: 'cell-button', title: measure.items.map(itemLabel).join(' · '), onclick: () => this.showMeasure(p, m, key) },
                          String(measure.count),
                        ),
                    measure.count > 0 && (key === 'attended' || key === 'spokeOn' || key === 'roles' || key === 'links')
                      ? h('span', { class: 'profile-items' }, ` ${truncate(measure.items.map(itemLabel).join(' · '), 60)}`)
                      : null,
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    );
  }

  private otherName(id: string, lang: Lang): string {
    // Agenda items and crime types are in the explore graph's names when loaded; else the id says enough.
    const graph = this.ctx.canvas.getGraph();
    if (graph.hasNode(id)) return (lang === 'en' ? graph.getNodeAttribute(id, 'name_en') : graph.getNodeAttribute(id, 'name_zh')) || id;
    const item = /^agenda:\d+:(\d+)$/.exec(id);
    if (item) return lang === 'zh' ? `议程项目 ${item[1]}` : `Item ${item[1]}`;
    if (/^theme:/.test(id)) return lang === 'zh' ? '主题' : 'Theme';
    return id.replace(/^[a-z]+:/, '');
  }

  private showMeasure(p: ProfileResponse, m: ProfileResponse['meetings'][number], key: string): void {
    const measure = m.measures[key]!;
    const lang = this.ctx.lang();
    const items: UnitItem[] = measure.items.map((i) => ({
      ref: i.key,
      label: i.kind === 'role' ? i.label : i.other ? this.otherName(i.other, lang) + (i.detail ? ` (${i.detail})` : '') : i.label,
      kind: i.kind,
      versions: i.versions,
      ...(i.other ? { other: i.other } : {}),
    }));
    const title = `${(lang === 'en' ? p.name_en : p.name_zh) ?? p.name} · ${m.tag ?? m.meeting} · ${this.ctx.t(MEASURE_KEYS[key as keyof typeof MEASURE_KEYS] ?? 'compareMentions')}`;
    this.ctx.details.showContent(title, new UnitList(this.ctx, items, 'profile-items').element);
  }
}
