import { SEARCH_QUERY_MAX, type SearchResult } from '../../../server/contract/api.ts';
import type { NodeLabel } from '../../../server/contract/model.ts';
import type { Api } from '../api/client.ts';
import { highlightSegments } from './highlight.ts';
import { primaryLabel } from '../graph/build.ts';
import { labelColor } from '../graph/palette.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import { LABEL_GROUP_NAMES } from '../i18n/strings.ts';
import { debounce, h, replace, swatch } from '../util/dom.ts';
import { displayOrder, groupByKind, resultLines, resultName } from './searchModel.ts';

export { resultName } from './searchModel.ts';

let instances = 0;

/** Results asked for per lookup. */
const RESULT_LIMIT = 12;

export interface SearchBoxOptions {
  api: Api;
  lang: () => Lang;
  placeholder: () => string;
  label: () => string;
  noResults: () => string;
  onPick: (result: SearchResult) => void;
  testId?: string;
  labels?: string[];
  className?: string;
}

/** Text with the given spans in <mark> (built as DOM nodes, never as HTML). */
function marked(text: string, spans: readonly [number, number][]): (HTMLElement | string)[] {
  return highlightSegments(text, spans).map((seg) => (seg.mark ? h('mark', {}, seg.text) : seg.text));
}

/**
 * A search box with autocomplete from /api/search (Chinese and English):
 * an ARIA combobox whose options are grouped by kind (State, Paragraph, …, the
 * group of the best result first), each with the words matched highlighted and
 * the report's tag on paragraphs and recommendations. Arrow keys move through
 * the options in the order shown, Enter picks the highlighted (or first) one,
 * Escape closes.
 */
export class SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private results: SearchResult[] = [];
  private active = -1;
  private controller: AbortController | null = null;
  private seq = 0;
  private readonly id = `search-${++instances}`;
  private pendingEnter = false;
  /** The query the list shows the answer to (null: none yet). */
  private answered: string | null = null;
  /** The last lookup failed (network, server): the list says so instead of "no match". */
  private failed = false;

  constructor(private readonly options: SearchBoxOptions) {
    this.input = h('input', {
      type: 'search',
      class: 'search-input',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${this.id}-list`,
      autocomplete: 'off',
      spellcheck: 'false',
      // The API's limit: a longer paste is cut here rather than refused there.
      maxlength: String(SEARCH_QUERY_MAX),
      'data-testid': options.testId ?? null,
    });
    this.list = h('ul', { class: 'search-results', role: 'listbox', id: `${this.id}-list`, hidden: true });
    this.element = h('div', { class: `search ${options.className ?? ''}`.trim() }, this.input, this.list);
    const lookup = debounce((q: string) => void this.lookup(q), 160);
    this.input.addEventListener('input', () => lookup(this.input.value));
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    // Close a moment after the box loses focus (so a click on an option lands first), unless it comes back.
    let closing: ReturnType<typeof setTimeout> | undefined;
    this.input.addEventListener('blur', () => (closing = setTimeout(() => this.close(), 150)));
    this.input.addEventListener('focus', () => {
      clearTimeout(closing);
      // Reopen on what was answered, "no match" included (reworded if the language changed meanwhile).
      if (this.answered !== null && this.answered === this.input.value.trim()) this.open();
    });
    this.render();
  }

  render(): void {
    this.input.placeholder = this.options.placeholder();
    this.input.setAttribute('aria-label', this.options.label());
    if (!this.list.hidden) this.renderList();
  }

  setValue(text: string): void {
    this.input.value = text;
  }

  private async lookup(q: string): Promise<void> {
    const query = q.trim();
    this.controller?.abort();
    if (!query) {
      this.results = [];
      this.answered = null;
      this.close();
      return;
    }
    const seq = ++this.seq;
    this.controller = new AbortController();
    try {
      const results = await this.options.api.search(query, RESULT_LIMIT, this.options.labels, this.controller.signal);
      if (seq !== this.seq) return;
      this.results = displayOrder(results);
      this.failed = false;
      this.answered = query;
      this.active = this.results.length > 0 ? 0 : -1;
      this.open();
      if (this.pendingEnter) {
        this.pendingEnter = false;
        if (this.results[0]) this.pick(this.results[0]);
      }
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      if (seq !== this.seq) return;
      this.results = [];
      this.failed = true;
      this.answered = query;
      this.open();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.results.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.results.length) % this.results.length;
      this.open();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = this.results[this.active] ?? this.results[0];
      if (chosen && !this.list.hidden) this.pick(chosen);
      else if (this.input.value.trim()) {
        // Enter before the suggestions arrived: pick the first one when they do.
        this.pendingEnter = true;
        void this.lookup(this.input.value);
      }
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private pick(result: SearchResult): void {
    this.input.value = resultName(result, this.options.lang());
    this.close();
    this.options.onPick(result);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.renderList();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private renderList(): void {
    const lang = this.options.lang();
    this.list.dataset.query = this.answered ?? '';
    if (this.results.length === 0) {
      const [cls, text] = this.failed ? ['search-empty search-failed', t(lang, 'searchFailed')] : ['search-empty', this.options.noResults()];
      replace(this.list, h('li', { class: cls, role: 'option', 'aria-disabled': 'true' }, text));
      return;
    }
    let index = 0;
    replace(
      this.list,
      groupByKind(this.results).map((group, g) => {
        const titleId = `${this.id}-group-${g}`;
        return h(
          'li',
          { role: 'group', class: 'search-group', 'aria-labelledby': titleId, 'data-label': group.label },
          h('div', { class: 'search-group-title', id: titleId, role: 'presentation' }, LABEL_GROUP_NAMES[group.label as NodeLabel]?.[lang] ?? group.label),
          h(
            'ul',
            { role: 'none', class: 'search-group-items' },
            group.results.map((result) => this.renderOption(result, index++, lang)),
          ),
        );
      }),
    );
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.id}-opt-${this.active}`);
  }

  private renderOption(result: SearchResult, i: number, lang: Lang): HTMLLIElement {
    const label = primaryLabel(result.id, result.labels);
    const lines = resultLines(result, lang);
    const via = result.via ? t(lang, 'searchVia', { form: result.via.form }) : null;
    return h(
      'li',
      {
        id: `${this.id}-opt-${i}`,
        role: 'option',
        class: `search-result${i === this.active ? ' active' : ''}`,
        'aria-selected': String(i === this.active),
        'data-id': result.id,
        'data-match': result.match ?? null,
        onmousedown: (e: Event) => {
          e.preventDefault();
          this.pick(result);
        },
      },
      h(
        'div',
        { class: 'result-line' },
        swatch(labelColor(label)),
        h('span', { class: 'result-name' }, marked(lines.name, lines.nameHighlights)),
        lines.other ? h('span', { class: 'result-other' }, marked(lines.other, lines.otherHighlights)) : null,
        result.tag ? h('span', { class: 'result-tag', title: t(lang, 'searchTagTitle', { tag: result.tag }) }, result.tag) : null,
      ),
      lines.detail ? h('div', { class: 'result-snippet' }, marked(lines.detail, lines.detailHighlights)) : null,
      via ? h('div', { class: 'result-via' }, via) : null,
    );
  }
}
