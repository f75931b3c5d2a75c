import type { CypherResponse, SavedQueryJson } from '../../../server/contract/api.ts';
import type { Json } from '../../../server/contract/graph.ts';
import { ApiError } from '../api/client.ts';
import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { buildGraph } from '../graph/build.ts';
import { labelColor } from '../graph/palette.ts';
import { clearHistory, pushHistory, readHistory, writeHistory } from '../state/history.ts';
import { h, replace, swatch } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';
import type { CypherEditorHandle } from './cypherEditor.ts';
import { cappedNotes, describeValue, rowValues, type CellValue } from './cypherModel.ts';
import { truncateGraphemes } from '../../../server/contract/truncate.ts';

const DEFAULT_QUERY = `MATCH (r:Recommendation)-[c:CITES]->(i:Instrument)
RETURN r, c, i`;
const TABLE_LIMIT = 500;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The Cypher console: CodeMirror 6 with Cypher highlighting, Ctrl+Enter or Run,
 * results drawn on the canvas and listed in a table, errors (a refused write
 * included) shown inline, saved queries to pick from, a history kept in
 * localStorage. The query is part of the URL.
 */
export class CypherView implements ViewController {
  readonly id = 'cypher' as const;
  private editor: CypherEditorHandle | null = null;
  private editorHost: HTMLElement;
  private error: HTMLElement;
  private summary: HTMLElement;
  private savedSelect: HTMLSelectElement;
  private historySelect: HTMLSelectElement;
  private runButton: HTMLButtonElement;
  private paramsInput: HTMLTextAreaElement;
  private bar: HTMLElement;
  private results: HTMLElement;
  private saved: SavedQueryJson[] = [];
  private history: string[] = readHistory(storage());
  private result: CypherResponse | null = null;
  private elapsed = 0;
  private running = false;
  private seq = 0;
  private pending: string | null = null;

  constructor(private readonly ctx: AppContext) {
    this.editorHost = h('div', { class: 'cypher-editor', 'data-testid': 'cypher-editor' });
    this.error = h('div', { class: 'cypher-error', 'data-testid': 'cypher-error', role: 'alert', hidden: true });
    this.summary = h('p', { class: 'hint cypher-summary', role: 'status' });
    this.savedSelect = h('select', { id: 'cypher-saved', 'data-testid': 'cypher-saved', onchange: () => this.pickSaved() });
    this.historySelect = h('select', { id: 'cypher-history', 'data-testid': 'cypher-history', onchange: () => this.pickHistory() });
    this.runButton = h('button', { type: 'button', class: 'button primary', 'data-testid': 'cypher-run', onclick: () => void this.run() });
    this.paramsInput = h('textarea', { id: 'cypher-params', class: 'params-input', rows: 2, spellcheck: 'false', placeholder: '{"name": "UNODC"}' });
    this.bar = h('div', { class: 'view-bar cypher-bar' });
    this.results = h('section', { class: 'pane results' });
  }

  async activate(top: HTMLElement, bottom: HTMLElement): Promise<void> {
    top.append(this.bar);
    bottom.append(this.results);
    this.render();
    const state = this.ctx.store.get();
    const initial = state.query ?? this.editor?.getValue() ?? DEFAULT_QUERY;
    if (!this.editor) {
      const { mountCypherEditor } = await import('./cypherEditor.ts');
      if (this.editor) return;
      this.editor = mountCypherEditor(this.editorHost, {
        value: initial,
        label: this.ctx.t('cypherEditorLabel'),
        onRun: () => void this.run(),
      });
    } else if (state.query && state.query !== this.editor.getValue()) {
      this.editor.setValue(state.query);
    }
    void this.loadSaved();
    if (this.result) {
      this.draw();
    } else {
      // A first visit runs what the editor holds (the link's query, or an example), so the console never opens empty.
      this.ctx.showGraph(buildGraph({ nodes: [], edges: [] }), { layout: false });
      await this.run();
    }
  }

  deactivate(): void {
    this.bar.remove();
    this.results.remove();
    this.ctx.canvas.stopLayout();
  }

  onStateChange(state: AppState, previous: AppState): void {
    if (state.query !== previous.query && state.query && this.editor && state.query !== this.editor.getValue() && state.query !== this.pending) {
      this.editor.setValue(state.query);
      void this.run();
    }
  }

  private async loadSaved(): Promise<void> {
    if (this.saved.length > 0) return;
    try {
      this.saved = await this.ctx.api.queries();
      this.renderSelects();
    } catch {
      // The console works without saved queries.
    }
  }

  async run(): Promise<void> {
    if (!this.editor || this.running) return;
    const query = this.editor.getValue().trim();
    if (!query) return;
    let params: Record<string, Json> = {};
    const rawParams = this.paramsInput.value.trim();
    if (rawParams) {
      try {
        const parsed: unknown = JSON.parse(rawParams);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        params = parsed as Record<string, Json>;
      } catch {
        this.showError(this.ctx.t('cypherParamsInvalid'));
        return;
      }
    }
    const seq = ++this.seq;
    this.running = true;
    this.runButton.disabled = true;
    this.summary.textContent = this.ctx.t('cypherRunning');
    this.showError(null);
    this.history = pushHistory(this.history, query);
    writeHistory(storage(), this.history);
    this.renderSelects();
    this.pending = query;
    this.ctx.store.set({ query });
    this.pending = null;
    try {
      const result = await this.ctx.api.cypher(query, params);
      if (seq !== this.seq) return;
      this.elapsed = result.summary.elapsedMs;
      this.result = result;
      this.draw();
    } catch (error) {
      if (seq !== this.seq) return;
      this.result = null;
      this.summary.textContent = '';
      this.showError(this.describeError(error));
      this.renderTable();
    } finally {
      this.running = false;
      this.runButton.disabled = false;
    }
  }

  private describeError(error: unknown): string {
    if (error instanceof ApiError) {
      const position = (error.details as { position?: { line?: number; column?: number } } | undefined)?.position;
      const where = position?.line ? ` (${this.ctx.lang() === 'zh' ? `第 ${position.line} 行，第 ${position.column} 列` : `line ${position.line}, column ${position.column}`})` : '';
      return `${error.status ? `${error.status} · ` : ''}${error.message}${where}`;
    }
    return errorMessage(error);
  }

  private showError(message: string | null): void {
    this.error.hidden = message === null;
    this.error.textContent = message ?? '';
  }

  private draw(): void {
    const result = this.result;
    if (!result) return;
    const graph = buildGraph(result.graph);
    this.ctx.showGraph(graph);
    const notes = cappedNotes(result.summary);
    const notifications = result.summary.notifications.map((n) => n.title).filter(Boolean);
    this.summary.textContent = [
      this.ctx.t('cypherRows', { rows: result.rows.length, ms: this.elapsed }),
      graph.order === 0 ? this.ctx.t('cypherGraphEmpty') : this.ctx.t('statusNodes', { nodes: graph.order, edges: graph.size }),
      notes.length > 0 ? this.ctx.t('cypherTruncated', { what: notes.join(', ') }) : '',
      ...notifications.slice(0, 2),
    ].filter(Boolean).join(' · ');
    this.renderTable();
  }

  private pickSaved(): void {
    const chosen = this.saved.find((q) => q.name === this.savedSelect.value);
    this.savedSelect.value = '';
    if (!chosen || !this.editor) return;
    // The query's text goes into the editor and its parameters' defaults into the parameters box, to read and change before the next run.
    this.editor.setValue(chosen.cypher);
    const defaults = Object.fromEntries(chosen.params.map((p) => [p.name, p.default]));
    this.paramsInput.value = Object.keys(defaults).length > 0 ? JSON.stringify(defaults) : '';
    void this.run();
  }

  private pickHistory(): void {
    const value = this.historySelect.value;
    this.historySelect.value = '';
    if (value === '__clear__') {
      this.history = [];
      clearHistory(storage());
      this.renderSelects();
      return;
    }
    if (value && this.editor) {
      this.editor.setValue(value);
      this.editor.focus();
    }
  }

  render(): void {
    const ctx = this.ctx;
    this.runButton.textContent = `▶ ${ctx.t('cypherRun')}`;
    this.runButton.setAttribute('aria-label', ctx.t('cypherRunLabel'));
    this.runButton.title = ctx.t('cypherRunLabel');
    this.paramsInput.setAttribute('aria-label', ctx.t('cypherParams'));
    this.renderSelects();
    replace(
      this.bar,
      h('div', { class: 'cypher-toolbar' },
        h('h2', { class: 'sr-only' }, ctx.t('cypherTitle')),
        h('label', { for: 'cypher-saved', class: 'sr-only' }, ctx.t('cypherSaved')),
        this.savedSelect,
        h('label', { for: 'cypher-history', class: 'sr-only' }, ctx.t('cypherHistory')),
        this.historySelect,
        h('span', { class: 'spacer' }),
        h('span', { class: 'hint' }, ctx.t('cypherReadOnly')),
        this.runButton,
      ),
      h('div', { class: 'cypher-input' },
        h('span', { class: 'sr-only', id: 'cypher-editor-label' }, ctx.t('cypherEditorLabel')),
        this.editorHost,
        h('details', { class: 'params' }, h('summary', {}, ctx.t('cypherParams')), this.paramsInput),
      ),
      this.error,
      this.summary,
    );
    if (this.result) this.draw();
    else this.renderTable();
  }

  private renderSelects(): void {
    const ctx = this.ctx;
    replace(
      this.savedSelect,
      h('option', { value: '' }, `${ctx.t('cypherSavedPick')}${this.saved.length ? ` (${this.saved.length})` : ''}`),
      this.saved.map((q) => h('option', { value: q.name, title: q.description }, ctx.lang() === 'en' ? q.title_en : q.title_zh)),
    );
    this.savedSelect.disabled = this.saved.length === 0;
    replace(
      this.historySelect,
      h('option', { value: '' }, `${ctx.t('cypherHistoryPick')}${this.history.length ? ` (${this.history.length})` : ''}`),
      this.history.map((q) => h('option', { value: q }, truncateGraphemes(q.replace(/\s+/g, ' '), 90))),
      this.history.length > 0 ? h('option', { value: '__clear__' }, `✕ ${ctx.t('cypherHistoryClear')}`) : null,
    );
  }

  private renderTable(): void {
    const ctx = this.ctx;
    const result = this.result;
    if (!result) {
      replace(this.results);
      return;
    }
    const lang = ctx.lang();
    const rows = result.rows.slice(0, TABLE_LIMIT);
    const cell = (value: CellValue): Node => {
      switch (value.kind) {
        case 'node':
          return h('button', { type: 'button', class: 'chip', title: value.id, onclick: () => ctx.openNode(value.id, { focus: true }) }, swatch(labelColor(value.label)), value.text);
        case 'relationship':
          return h('span', { class: 'rel-cell' }, value.text);
        case 'list':
          return h('span', { class: 'list-cell' }, value.items.map((item, i) => [i > 0 ? (value.separator ?? ', ') : '', cell(item)]).flat());
        default:
          return document.createTextNode(value.text);
      }
    };
    replace(
      this.results,
      h('div', { class: 'pane-head' }, h('h3', { class: 'pane-title' }, ctx.t('cypherRows', { rows: result.rows.length, ms: this.elapsed })), result.rows.length > rows.length ? h('span', { class: 'hint' }, ctx.t('tableShowing', { shown: rows.length, total: result.rows.length })) : null),
      result.rows.length === 0
        ? h('p', { class: 'empty-hint' }, ctx.t('cypherNoRows'))
        : h('div', { class: 'table-scroll' },
            h('table', { class: 'data-table', 'data-testid': 'results-table' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'row-no' }, '#'), result.columns.map((c) => h('th', { scope: 'col' }, c)))),
              h('tbody', {}, rows.map((row, i) => h('tr', {}, h('td', { class: 'row-no' }, i + 1), rowValues(row, result.columns).map((v) => h('td', {}, cell(describeValue(v, lang))))))),
            ),
          ),
    );
  }
}
