import type { CypherResponse, SavedQueryJson } from '../../../server/contract/api.ts';
import type { Json } from '../../../server/contract/graph.ts';
import type { AppContext, AppState, ViewController } from '../app/context.ts';
import { buildGraph } from '../graph/build.ts';
import { saveBlob } from '../graph/exportPng.ts';
import { labelColor } from '../graph/palette.ts';
import { describeError } from '../i18n/errors.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { SearchBox } from '../panels/search.ts';
import { clearHistory, pushHistory, readHistory, writeHistory } from '../state/history.ts';
import { h, replace, swatch } from '../util/dom.ts';
import type { CypherEditorHandle } from './cypherEditor.ts';
import { evaluationQuery, parseConsoleInput } from './cypherCommands.ts';
import { cappedNotes, describeValue, rowValues, type CellValue } from './cypherModel.ts';
import { coerceParam, entityParam, paramsFromUrl, paramsToUrl, paramText, savedDefaults, type ConsoleParams } from './cypherParams.ts';
import { pageOf, resultCsv, resultJson } from './cypherResults.ts';
import { truncateGraphemes } from '../../../server/contract/truncate.ts';

const DEFAULT_QUERY = `MATCH (r:Recommendation)-[c:CITES]->(i:Instrument)
RETURN r, c, i`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** A message the console shows: a key worded at each render (so it follows the language), or an error. */
type Notice = { key: MessageKey; vars?: Record<string, string | number> } | { error: unknown };

/**
 * The Cypher console, with Neo4j Browser's habits: CodeMirror 6 with Cypher
 * highlighting, Ctrl+Enter runs, Ctrl+↑/↓ walk the history; `:param name =>
 * value` and `:params` set parameters (cypherCommands.ts), which the saved
 * queries' declared parameters fill too, an entity parameter picked by name;
 * results drawn on the canvas and in a paged table (or the table alone), the
 * whole result downloadable as CSV or JSON; errors, a refused write included,
 * worded in the interface's language and clearing the previous result. The
 * query, its parameters and the saved query loaded are part of the URL.
 */
export class CypherView implements ViewController {
  readonly id = 'cypher' as const;
  private editor: CypherEditorHandle | null = null;
  private readonly editorHost: HTMLElement;
  private readonly error: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly savedSelect: HTMLSelectElement;
  private readonly historySelect: HTMLSelectElement;
  private readonly runButton: HTMLButtonElement;
  private readonly paramsHost: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly results: HTMLElement;
  private saved: SavedQueryJson[] = [];
  private savedLoading: Promise<void> | null = null;
  private history: string[] = readHistory(storage());
  /** Where Ctrl+↑/↓ stand in the history (-1: the text being written, kept in `draft`). */
  private historyIndex = -1;
  private draft = '';
  private params: ConsoleParams = {};
  /** The saved query loaded (its declared parameters get typed fields), by name. */
  private loaded: string | null = null;
  private readonly pickers = new Map<string, SearchBox>();
  private readonly entityNames = new Map<string, string>();
  private result: CypherResponse | null = null;
  private resultQuery = '';
  private page = 0;
  private mode: 'graph' | 'table' = 'graph';
  private notice: Notice | null = null;
  private info: Notice | null = null;
  private running = false;
  private seq = 0;
  private pending: string | null = null;

  constructor(private readonly ctx: AppContext) {
    this.editorHost = h('div', { class: 'cypher-editor', 'data-testid': 'cypher-editor' });
    this.error = h('div', { class: 'cypher-error', 'data-testid': 'cypher-error', role: 'alert', hidden: true });
    this.summary = h('p', { class: 'hint cypher-summary', role: 'status', 'data-testid': 'cypher-summary' });
    this.savedSelect = h('select', { id: 'cypher-saved', 'data-testid': 'cypher-saved', onchange: () => void this.pickSaved(this.savedSelect.value) });
    this.historySelect = h('select', { id: 'cypher-history', 'data-testid': 'cypher-history', onchange: () => this.pickHistory() });
    this.runButton = h('button', { type: 'button', class: 'button primary', 'data-testid': 'cypher-run', onclick: () => void this.run() });
    this.paramsHost = h('div', { class: 'cypher-params', 'data-testid': 'cypher-params' });
    this.bar = h('div', { class: 'view-bar cypher-bar' });
    this.results = h('section', { class: 'pane results', 'data-testid': 'cypher-results' });
  }

  async activate(top: HTMLElement, bottom: HTMLElement): Promise<void> {
    top.append(this.bar);
    bottom.append(this.results);
    this.applyMode();
    const state = this.ctx.store.get();
    this.params = paramsFromUrl(state.params);
    this.loaded = state.saved;
    this.render();
    if (state.saved) await this.loadSaved();
    const fromSaved = state.saved && !state.query ? this.saved.find((q) => q.name === state.saved)?.cypher : undefined;
    const initial = state.query ?? fromSaved ?? this.editor?.getValue() ?? DEFAULT_QUERY;
    if (!this.editor) {
      const { mountCypherEditor } = await import('./cypherEditor.ts');
      if (this.editor) return;
      this.editor = mountCypherEditor(this.editorHost, {
        value: initial,
        label: this.ctx.t('cypherEditorLabel'),
        onRun: () => void this.run(),
        onHistory: (step) => this.walkHistory(step),
        onChange: () => this.renderSelects(),
      });
    } else if (initial !== this.editor.getValue()) {
      this.editor.setValue(initial);
    }
    void this.loadSaved();
    this.renderParams();
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
    this.mode = 'graph';
    this.applyMode();
    this.ctx.canvas.stopLayout();
  }

  onStateChange(state: AppState, previous: AppState): void {
    if (state.params !== previous.params && state.params !== paramsToUrl(this.params)) {
      this.params = paramsFromUrl(state.params);
      this.renderParams();
    }
    if (state.query !== previous.query && state.query && this.editor && state.query !== this.editor.getValue() && state.query !== this.pending) {
      this.editor.setValue(state.query);
      void this.run();
    }
  }

  private loadSaved(): Promise<void> {
    this.savedLoading ??= this.ctx.api.queries().then(
      (queries) => {
        this.saved = queries;
        this.renderSelects();
        this.renderParams();
      },
      () => {
        // The console works without saved queries.
        this.savedLoading = null;
      },
    );
    return this.savedLoading;
  }

  private savedQuery(): SavedQueryJson | undefined {
    return this.loaded ? this.saved.find((q) => q.name === this.loaded) : undefined;
  }

  /** Runs what the editor holds: a console command (:param, :params) here, anything else on the server. */
  async run(): Promise<void> {
    if (!this.editor || this.running) return;
    const text = this.editor.getValue().trim();
    if (!text) return;
    const input = parseConsoleInput(text);
    this.historyIndex = -1;
    if (input.kind !== 'query') {
      this.remember(text);
      await this.command(input);
      return;
    }
    const query = input.query;
    const seq = ++this.seq;
    this.running = true;
    this.runButton.disabled = true;
    this.summary.textContent = this.ctx.t('cypherRunning');
    this.setNotice(null);
    this.remember(query);
    this.pending = query;
    const saved = this.savedQuery();
    this.ctx.store.set({ query, params: paramsToUrl(this.params), saved: saved && saved.cypher.trim() === query ? saved.name : null });
    this.pending = null;
    try {
      const result = await this.ctx.api.cypher(query, this.params);
      if (seq !== this.seq) return;
      this.result = result;
      this.resultQuery = query;
      this.page = 0;
      this.draw();
    } catch (error) {
      if (seq !== this.seq) return;
      // The failed query's answer is no answer: the previous result's graph, legend and table go.
      this.result = null;
      this.summary.textContent = '';
      this.setNotice({ error });
      this.ctx.showGraph(buildGraph({ nodes: [], edges: [] }), { layout: false });
      this.renderTable();
    } finally {
      this.running = false;
      this.runButton.disabled = false;
    }
  }

  private remember(text: string): void {
    this.history = pushHistory(this.history, text);
    writeHistory(storage(), this.history);
    this.renderSelects();
  }

  /** `:param`, `:params`: values are Cypher, evaluated read-only on the server; the result on screen stays. */
  private async command(input: Exclude<ReturnType<typeof parseConsoleInput>, { kind: 'query' }>): Promise<void> {
    this.setNotice(null);
    switch (input.kind) {
      case 'unknown':
        this.setNotice({ key: 'cypherCommandUnknown', vars: { command: input.command } });
        return;
      case 'malformed':
        this.setNotice({ key: 'cypherCommandMalformed' });
        return;
      case 'params-show':
        this.setInfo(this.paramsInfo());
        return;
      case 'params-clear':
        this.setParams({});
        this.setInfo({ key: 'cypherParamsCleared' });
        return;
      default:
    }
    let value: Json;
    try {
      const answer = await this.ctx.api.cypher(evaluationQuery(input.expression));
      value = answer.rows[0]?.value ?? null;
    } catch (error) {
      this.setNotice({ error });
      return;
    }
    if (input.kind === 'param') {
      this.setParams({ ...this.params, [input.name]: value });
      this.setInfo({ key: 'cypherParamSet', vars: { name: input.name, value: JSON.stringify(value) } });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.setNotice({ key: 'cypherParamNotMap' });
      return;
    }
    this.setParams(input.kind === 'params-merge' ? { ...this.params, ...value } : { ...value });
    this.setInfo(this.paramsInfo());
  }

  private paramsInfo(): Notice {
    const entries = Object.entries(this.params);
    if (entries.length === 0) return { key: 'cypherParamsNone' };
    return { key: 'cypherParamsList', vars: { list: entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ') } };
  }

  private setParams(params: ConsoleParams): void {
    this.params = params;
    this.ctx.store.set({ params: paramsToUrl(params) });
    this.renderParams();
  }

  private setNotice(notice: Notice | null): void {
    this.notice = notice;
    if (notice) this.info = null;
    this.renderNotice();
  }

  private setInfo(info: Notice): void {
    this.info = info;
    this.renderNotice();
  }

  private word(notice: Notice): { message: string; original?: string | undefined } {
    const lang = this.ctx.lang();
    if ('key' in notice) return { message: this.ctx.t(notice.key, notice.vars) };
    const text = describeError(notice.error, lang);
    const where = text.where ? (lang === 'zh' ? `（${text.where}）` : ` (${text.where})`) : '';
    return { message: `${text.message}${where}`, original: text.original };
  }

  private renderNotice(): void {
    const notice = this.notice;
    this.error.hidden = notice === null;
    if (notice) {
      const { message, original } = this.word(notice);
      replace(this.error, h('span', { class: 'error-message' }, message), original ? h('span', { class: 'error-original', lang: 'en' }, original) : null);
    } else {
      replace(this.error);
    }
    if (this.info) this.summary.textContent = this.word(this.info).message;
  }

  private draw(): void {
    const result = this.result;
    if (!result) return;
    const graph = buildGraph(result.graph);
    this.ctx.showGraph(graph);
    this.renderSummary();
    this.renderTable();
  }

  private renderSummary(): void {
    const result = this.result;
    if (!result) return;
    this.info = null;
    const notes = cappedNotes(result.summary);
    const notifications = result.summary.notifications.map((n) => n.title).filter(Boolean);
    const graph = this.ctx.canvas.getGraph();
    this.summary.textContent = [
      this.ctx.t('cypherRows', { rows: result.rows.length, ms: result.summary.elapsedMs }),
      graph.order === 0 ? this.ctx.t('cypherGraphEmpty') : this.ctx.t('statusNodes', { nodes: graph.order, edges: graph.size }),
      notes.length > 0
        ? this.ctx.t('cypherTruncated', {
            what: notes
              .map((n) =>
                n === 'rowsTruncated'
                  ? this.ctx.t('cypherCappedRows', { limit: result.summary.rowLimit })
                  : this.ctx.t('cypherCappedGraph', { limit: result.summary.graphNodeLimit }),
              )
              .join(this.ctx.lang() === 'zh' ? '；' : '; '),
          })
        : '',
      ...notifications.slice(0, 2),
    ]
      .filter(Boolean)
      .join(' · ');
  }

  private async pickSaved(name: string): Promise<void> {
    const chosen = this.saved.find((q) => q.name === name);
    if (!chosen || !this.editor) {
      this.renderSelects();
      return;
    }
    // The query's text goes into the editor and its parameters' defaults into the fields, to read and change before the next run.
    this.loaded = chosen.name;
    this.editor.setValue(chosen.cypher);
    this.params = savedDefaults(chosen);
    this.renderParams();
    this.renderSelects();
    await this.run();
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

  /** Ctrl+↑ (step 1) goes back in the history, Ctrl+↓ forward, past the newest to the text being written. */
  private walkHistory(step: 1 | -1): void {
    if (!this.editor || this.history.length === 0) return;
    const next = Math.max(-1, Math.min(this.history.length - 1, this.historyIndex + step));
    if (next === this.historyIndex) return;
    if (this.historyIndex === -1) this.draft = this.editor.getValue();
    this.historyIndex = next;
    this.editor.setValue(next === -1 ? this.draft : this.history[next]!);
  }

  render(): void {
    const ctx = this.ctx;
    this.runButton.textContent = `▶ ${ctx.t('cypherRun')}`;
    this.runButton.setAttribute('aria-label', ctx.t('cypherRunLabel'));
    this.runButton.title = ctx.t('cypherRunLabel');
    this.renderSelects();
    replace(
      this.bar,
      h(
        'div',
        { class: 'cypher-toolbar' },
        h('h2', { class: 'sr-only' }, ctx.t('cypherTitle')),
        h('label', { for: 'cypher-saved', class: 'sr-only' }, ctx.t('cypherSaved')),
        this.savedSelect,
        h('label', { for: 'cypher-history', class: 'sr-only' }, ctx.t('cypherHistory')),
        this.historySelect,
        h('span', { class: 'spacer' }),
        h('span', { class: 'hint' }, `${ctx.t('cypherReadOnly')} ${ctx.t('cypherHistoryKeys')}`),
        this.runButton,
      ),
      h(
        'div',
        { class: 'cypher-input' },
        h('span', { class: 'sr-only', id: 'cypher-editor-label' }, ctx.t('cypherEditorLabel')),
        this.editorHost,
        this.paramsHost,
      ),
      this.error,
      this.summary,
    );
    this.renderParams();
    this.renderNotice();
    if (this.result) {
      this.renderSummary();
      this.renderTable();
    } else this.renderTable();
  }

  private renderSelects(): void {
    const ctx = this.ctx;
    const current = this.savedQuery();
    const edited = current && this.editor ? this.editor.getValue().trim() !== current.cypher.trim() : false;
    replace(
      this.savedSelect,
      h('option', { value: '' }, `${ctx.t('cypherSavedPick')}${this.saved.length ? ` (${this.saved.length})` : ''}`),
      this.saved.map((q) => {
        const title = ctx.lang() === 'en' ? q.title_en : q.title_zh;
        return h(
          'option',
          { value: q.name, title: q.description, selected: q.name === current?.name },
          q.name === current?.name && edited ? `${title} (${ctx.t('cypherSavedEdited')})` : title,
        );
      }),
    );
    this.savedSelect.value = current?.name ?? '';
    this.savedSelect.disabled = this.saved.length === 0;
    this.savedSelect.dataset.loaded = current?.name ?? '';
    replace(
      this.historySelect,
      h('option', { value: '' }, `${ctx.t('cypherHistoryPick')}${this.history.length ? ` (${this.history.length})` : ''}`),
      this.history.map((q) => h('option', { value: q }, truncateGraphemes(q.replace(/\s+/g, ' '), 90))),
      this.history.length > 0 ? h('option', { value: '__clear__' }, `✕ ${ctx.t('cypherHistoryClear')}`) : null,
    );
  }

  /**
   * A field per parameter: those the loaded saved query declares (typed; an
   * entity picked by name), then any set with :param (their JSON, editable).
   */
  private renderParams(): void {
    const ctx = this.ctx;
    const declared = this.savedQuery()?.params ?? [];
    const names = [...declared.map((p) => p.name), ...Object.keys(this.params).filter((k) => !declared.some((p) => p.name === k))];
    const rows = names.map((name) => {
      const spec = declared.find((p) => p.name === name);
      const id = `cypher-param-${name.replace(/[^\w-]/g, '_')}`;
      const value = this.params[name];
      const entity = spec ? entityParam(spec) : null;
      let field: HTMLElement;
      if (entity) {
        const picker = this.picker(name, entity.labels);
        const current = typeof value === 'string' ? value : '';
        if (document.activeElement !== picker.input) picker.setValue(current ? (this.entityNames.get(current) ?? current) : '');
        if (current && !this.entityNames.has(current)) void this.lookUpName(current);
        field = h('span', { class: 'param-entity' }, picker.element, current ? h('code', { class: 'param-id' }, current) : null);
      } else if (spec?.type === 'boolean') {
        field = h('input', {
          type: 'checkbox',
          id,
          checked: value === true,
          onchange: (e: Event) => this.setParam(name, (e.target as HTMLInputElement).checked),
        });
      } else {
        const input = h('input', {
          type: 'text',
          id,
          class: 'param-input',
          spellcheck: 'false',
          value: paramText(value),
          placeholder: spec?.description ?? '',
        });
        input.addEventListener('change', () => {
          try {
            this.setParam(name, coerceParam(spec?.type ?? null, input.value));
            input.removeAttribute('aria-invalid');
          } catch (error) {
            input.setAttribute('aria-invalid', 'true');
            const type = error instanceof RangeError ? error.message : 'integer';
            this.setNotice({ key: 'cypherParamInvalid', vars: { name, type: ctx.t(`paramType.${type}` as MessageKey) } });
          }
        });
        field = input;
      }
      return h(
        'div',
        { class: 'param-row', 'data-param': name, title: spec?.description ?? '' },
        h('label', { class: 'param-name', for: id }, `$${name}`),
        field,
        spec
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'icon-button small',
                'aria-label': ctx.t('cypherParamRemove', { name }),
                title: ctx.t('cypherParamRemove', { name }),
                onclick: () => {
                  const next = { ...this.params };
                  delete next[name];
                  this.setParams(next);
                },
              },
              '×',
            ),
      );
    });
    replace(
      this.paramsHost,
      h('div', { class: 'params-head' }, h('span', { class: 'field-label' }, ctx.t('cypherParams')), h('span', { class: 'hint' }, ctx.t('cypherParamsHint'))),
      rows.length > 0 ? h('div', { class: 'param-rows' }, rows) : null,
    );
  }

  private setParam(name: string, value: Json): void {
    this.params = { ...this.params, [name]: value };
    this.ctx.store.set({ params: paramsToUrl(this.params) });
  }

  private picker(name: string, labels: string[] | null): SearchBox {
    let picker = this.pickers.get(name);
    if (!picker) {
      picker = new SearchBox({
        api: this.ctx.api,
        lang: () => this.ctx.lang(),
        placeholder: () => this.ctx.t('cypherParamPick'),
        label: () => `$${name}`,
        noResults: () => this.ctx.t('searchNoResults'),
        testId: `cypher-param-${name}`,
        className: 'param-picker',
        ...(labels ? { labels } : {}),
        onPick: (result) => {
          this.entityNames.set(result.id, this.ctx.lang() === 'en' ? (result.name_en ?? result.name) : (result.name_zh ?? result.name));
          this.setParam(name, result.id);
          this.renderParams();
        },
      });
      picker.input.id = `cypher-param-${name.replace(/[^\w-]/g, '_')}`;
      this.pickers.set(name, picker);
    }
    picker.render();
    return picker;
  }

  private async lookUpName(id: string): Promise<void> {
    this.entityNames.set(id, id);
    try {
      const details = await this.ctx.api.node(id);
      const props = details.properties;
      const name = (this.ctx.lang() === 'en' ? props.name_en : props.name_zh) ?? details.name;
      this.entityNames.set(id, typeof name === 'string' ? name : details.name);
      this.renderParams();
    } catch {
      // An id that names nothing stays shown as typed.
    }
  }

  private applyMode(): void {
    const app = this.results.closest('.app') ?? document.querySelector('.app');
    if (app instanceof HTMLElement) {
      if (this.mode === 'table') app.dataset.results = 'table';
      else delete app.dataset.results;
    }
    if (this.mode === 'graph') this.ctx.canvas.resize();
  }

  private renderTable(): void {
    const ctx = this.ctx;
    const result = this.result;
    if (!result) {
      replace(this.results);
      return;
    }
    const lang = ctx.lang();
    const { page, pages, from, to } = pageOf(result.rows.length, this.page);
    this.page = page;
    const rows = result.rows.slice(from, to);
    const cell = (value: CellValue): Node => {
      switch (value.kind) {
        case 'node':
          return h(
            'button',
            { type: 'button', class: 'chip', title: `${value.text} · ${value.id}`, onclick: () => ctx.openNode(value.id, { focus: true }) },
            swatch(labelColor(value.label)),
            h('span', { class: 'chip-text' }, value.text),
          );
        case 'relationship':
          return h('span', { class: 'rel-cell' }, value.text);
        case 'list':
          return h('span', { class: 'list-cell' }, value.items.map((item, i) => [i > 0 ? (value.separator ?? ', ') : '', cell(item)]).flat());
        default:
          return document.createTextNode(value.text);
      }
    };
    const go = (p: number) => {
      this.page = p;
      this.renderTable();
    };
    const pager =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': ctx.t('cypherPage', { from: from + 1, to, total: result.rows.length }), 'data-testid': 'cypher-pager' },
            h(
              'button',
              {
                type: 'button',
                class: 'icon-button small',
                'aria-label': ctx.t('cypherPageFirst'),
                title: ctx.t('cypherPageFirst'),
                disabled: page === 0,
                onclick: () => go(0),
              },
              '«',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'icon-button small',
                'aria-label': ctx.t('cypherPagePrev'),
                title: ctx.t('cypherPagePrev'),
                disabled: page === 0,
                onclick: () => go(page - 1),
              },
              '‹',
            ),
            h('span', { class: 'pager-text', 'data-testid': 'cypher-page' }, ctx.t('cypherPage', { from: from + 1, to, total: result.rows.length })),
            h(
              'button',
              {
                type: 'button',
                class: 'icon-button small',
                'aria-label': ctx.t('cypherPageNext'),
                title: ctx.t('cypherPageNext'),
                disabled: page >= pages - 1,
                onclick: () => go(page + 1),
                'data-testid': 'cypher-page-next',
              },
              '›',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'icon-button small',
                'aria-label': ctx.t('cypherPageLast'),
                title: ctx.t('cypherPageLast'),
                disabled: page >= pages - 1,
                onclick: () => go(pages - 1),
              },
              '»',
            ),
          )
        : null;
    const download = (format: 'csv' | 'json') =>
      h(
        'button',
        {
          type: 'button',
          class: 'button small',
          'data-testid': `cypher-download-${format}`,
          'aria-label': ctx.t('cypherDownload', { rows: result.rows.length, format: format.toUpperCase() }),
          title: ctx.t('cypherDownload', { rows: result.rows.length, format: format.toUpperCase() }),
          onclick: () => {
            const blob =
              format === 'csv'
                ? new Blob(['\ufeff', resultCsv(result, lang)], { type: 'text/csv;charset=utf-8' })
                : new Blob([resultJson(this.resultQuery, this.params, result)], { type: 'application/json' });
            saveBlob(blob, `cypher-result.${format}`);
          },
        },
        `⤓ ${format.toUpperCase()}`,
      );
    const modeButton = (mode: 'graph' | 'table', label: string) =>
      h(
        'button',
        {
          type: 'button',
          class: `button small${this.mode === mode ? ' active' : ''}`,
          'aria-pressed': String(this.mode === mode),
          'data-testid': `cypher-show-${mode}`,
          onclick: () => {
            this.mode = mode;
            this.applyMode();
            this.renderTable();
          },
        },
        label,
      );
    replace(
      this.results,
      h(
        'div',
        { class: 'pane-head' },
        h('h3', { class: 'pane-title' }, ctx.t('cypherRows', { rows: result.rows.length, ms: result.summary.elapsedMs })),
        pager,
        h(
          'div',
          { class: 'segmented', role: 'group', 'aria-label': ctx.t('cypherShowAs') },
          modeButton('graph', ctx.t('cypherShowGraph')),
          modeButton('table', ctx.t('cypherShowTable')),
        ),
        download('csv'),
        download('json'),
      ),
      result.rows.length === 0
        ? h('p', { class: 'empty-hint' }, ctx.t('cypherNoRows'))
        : h(
            'div',
            { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': ctx.t('cypherShowTable') },
            h(
              'table',
              { class: 'data-table', 'data-testid': 'results-table' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col', class: 'row-no' }, '#'),
                  result.columns.map((c) => h('th', { scope: 'col' }, c)),
                ),
              ),
              h(
                'tbody',
                {},
                rows.map((row, i) =>
                  h(
                    'tr',
                    {},
                    h('td', { class: 'row-no' }, from + i + 1),
                    rowValues(row, result.columns).map((v) => h('td', {}, cell(describeValue(v, lang)))),
                  ),
                ),
              ),
            ),
          ),
    );
  }
}
