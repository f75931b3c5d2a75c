import type { AppContext } from '../app/context.ts';
import { tagChip } from '../corpus/tagChip.ts';
import { highlightedText } from '../panels/details.ts';
import { versionToggle } from '../panels/versionToggle.ts';
import { h, replace } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';

/** One item of a meeting (a recommendation, a paragraph, an agenda item spoken on…) and the units that say so, in each language. */
export interface UnitItem {
  ref: string;
  label: string;
  kind: string;
  versions: { id: string; report: string; language: string | null }[];
  /** The node the item names (an agenda item, a crime type), opened on a click. */
  other?: string;
}

/**
 * The version to show first: the one in the interface's language when the corpus has it,
 * else the first. Pure (tested).
 */
export function preferredVersion<V extends { language: string | null }>(versions: readonly V[], lang: string): V | undefined {
  return versions.find((v) => v.language === lang) ?? versions[0];
}

/**
 * A list of a meeting's items, each once (data-testid as given): the meeting's tag and the
 * item's label, then the text of the unit that says so, in the interface's language when the
 * corpus holds that version, with a button for the other language's text.
 */
export class UnitList {
  readonly element: HTMLElement;
  private readonly texts = new Map<string, Promise<string>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly items: readonly UnitItem[],
    testId: string,
    /** The words to mark in a text (default: none). */
    private readonly highlight: (text: string) => [number, number][] = () => [],
  ) {
    this.element = h(
      'ol',
      { class: 'prov-list unit-list', 'data-testid': testId },
      items.map((item) => this.renderItem(item)),
    );
  }

  private text(id: string): Promise<string> {
    let p = this.texts.get(id);
    if (!p) {
      p = this.ctx.api.node(id).then((d) => (typeof d.properties.text === 'string' ? d.properties.text : ''));
      this.texts.set(id, p);
    }
    return p;
  }

  private renderItem(item: UnitItem): HTMLElement {
    const ctx = this.ctx;
    const lang = ctx.lang();
    const corpus = ctx.corpus();
    let shown = preferredVersion(item.versions, lang);
    const body = h('div', { class: 'unit-body' });
    const li = h('li', { 'data-ref': item.ref, 'data-kind': item.kind, 'data-paragraph': item.versions.map((v) => v.id).join(' ') });
    const show = async (): Promise<void> => {
      if (!shown) {
        replace(body);
        return;
      }
      const others = item.versions.filter((v) => v.language !== shown!.language);
      const other = others[0];
      replace(body, h('p', { class: 'loading' }, ctx.t('loading')));
      try {
        const text = await this.text(shown.id);
        replace(
          body,
          h(
            'div',
            { class: 'prov-head' },
            shown.language ? h('span', { class: 'lang-badge', 'data-testid': 'text-language' }, shown.language) : null,
            h('button', { type: 'button', class: 'link-button', onclick: () => ctx.openDetails(shown!.id) }, ctx.t('clickToOpen')),
            other
              ? versionToggle(ctx, other, () => {
                  shown = other;
                  void show();
                })
              : null,
          ),
          highlightedText(text, this.highlight(text)),
        );
      } catch (error) {
        replace(body, h('p', { class: 'error' }, errorMessage(error, ctx.lang())));
      }
    };
    const report = shown?.report ?? null;
    replace(
      li,
      h(
        'div',
        { class: 'prov-head' },
        tagChip(corpus, report, lang),
        item.other
          ? h('button', { type: 'button', class: 'link-button unit-label', onclick: () => ctx.openDetails(item.other!) }, item.label)
          : h('span', { class: 'unit-label para-no' }, item.label),
      ),
      body,
    );
    void show();
    return li;
  }
}

/**
 * Paragraph or recommendation ids as items of their meetings: the language versions of one
 * (same meeting, same number) together, in reading order. `meetingOf` and `languageOf` read a
 * report's meeting and language from the corpus.
 */
export function unitItems(ids: readonly string[], meetingOf: (report: string) => string | null, languageOf: (report: string) => string | null): UnitItem[] {
  const items = new Map<string, UnitItem>();
  for (const id of ids) {
    const m = /^(para|rec):([^:]+):(.+)$/.exec(id);
    if (!m) continue;
    const report = `report:${m[2]}`;
    const label = m[1] === 'para' ? `¶ ${m[3]}` : m[3]!;
    const ref = `${meetingOf(report) ?? report} ${label}`;
    const item = items.get(ref) ?? { ref, label, kind: m[1] === 'para' ? 'Paragraph' : 'Recommendation', versions: [] };
    if (!item.versions.some((v) => v.id === id)) item.versions.push({ id, report, language: languageOf(report) });
    items.set(ref, item);
  }
  const number = (label: string) => Number(/\d+/.exec(label)?.[0] ?? 0);
  return [...items.values()].sort(
    (a, b) => (a.ref.split(' ')[0] ?? '').localeCompare(b.ref.split(' ')[0] ?? '') || number(a.label) - number(b.label) || a.label.localeCompare(b.label),
  );
}
