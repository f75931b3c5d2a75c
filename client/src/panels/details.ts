import type { NodeDetailsResponse, RelatedNode, RelationshipGroup } from '../../../server/contract/api.ts';
import type { AppContext, DetailsHost } from '../app/context.ts';
import { primaryLabel } from '../graph/build.ts';
import { labelColor } from '../graph/palette.ts';
import { labelName, propertyName, type Lang } from '../i18n/i18n.ts';
import { fullName, recommendationRef, shortName } from '../i18n/names.ts';
import type { CitationData } from '../views/citationData.ts';
import { citationCounts, supplementing } from '../views/citationModel.ts';
import { countWords } from '../views/countWords.ts';
import { relationName } from '../i18n/relations.ts';
import { isEnumerated, valueName } from '../i18n/values.ts';
import { errorMessage } from '../util/errors.ts';
import { relationSections } from './relationGroups.ts';
import { h, replace, swatch } from '../util/dom.ts';
import { tagChip } from '../corpus/tagChip.ts';
import { reportOfUnit } from '../corpus/corpus.ts';
import { footnotedSegments, nodeFootnotes, type NodeFootnote } from './footnotes.ts';
import { highlightSegments } from './highlight.ts';
import { versionToggle } from './versionToggle.ts';

/** Properties shown elsewhere in the panel (title, text block) or of no use to a reader. */
const HIDDEN_PROPERTIES = new Set(['text', 'line', 'name', 'id', 'footnotes', 'footnoteAt']);
const PROVENANCE_LIMIT = 12;
const GROUP_ITEM_LIMIT = 40;

/** A paragraph's text with the given spans in <mark>. */
export function highlightedText(text: string, spans: [number, number][]): HTMLElement {
  return h(
    'p',
    { class: 'para-text' },
    highlightSegments(text, spans).map((s) => (s.mark ? h('mark', {}, s.text) : s.text)),
  );
}

/** How a related entity is named in a chip: paragraph and recommendation numbers, agenda item numbers, else its name. */
export function entityName(entity: RelatedNode, lang: Lang): string {
  const last = entity.id.split(':').pop() ?? entity.id;
  const label = primaryLabel(entity.id, entity.labels);
  switch (label) {
    case 'Recommendation':
      return recommendationRef(entity.id);
    case 'Paragraph':
      return lang === 'zh' ? `第 ${last} 段` : `¶ ${last}`;
    case 'AgendaItem':
    case 'Workshop': {
      const prefix = label === 'AgendaItem' ? (lang === 'zh' ? `议程项目 ${last}` : `Item ${last}`) : lang === 'zh' ? `讲习班 ${last}` : `Workshop ${last}`;
      const title = lang === 'en' ? entity.name_en : (entity.name_zh ?? entity.name);
      return title ? `${prefix}${lang === 'zh' ? '：' : ': '}${title}` : prefix;
    }
    default: {
      const preferred = lang === 'en' ? entity.name_en : entity.name_zh;
      return preferred || entity.name || (lang === 'en' ? entity.name_zh : entity.name_en) || entity.id;
    }
  }
}

const ALIAS_LIMIT = 6;

/** A property value as a reader reads it: lists joined, booleans as marks, codes (kind, role, language) in words. */
export function formatValue(value: unknown, key = '', lang: Lang = 'zh'): string {
  if (Array.isArray(value)) {
    const shown = key === 'aliases' ? value.slice(0, ALIAS_LIMIT) : value;
    const rest = value.length - shown.length;
    return shown.map((v) => formatValue(v, key, lang)).join(' · ') + (rest > 0 ? ` · +${rest}` : '');
  }
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' && isEnumerated(key)) return valueName(lang, key, value);
  return String(value);
}

const PROPERTY_ORDER = [
  'kind',
  'year',
  'iso3',
  'unMember',
  'symbol',
  'number',
  'paragraph',
  'letter',
  'section',
  'venue',
  'startDate',
  'endDate',
  'region',
  'language',
  'short_zh',
  'short_en',
  'name_zh',
  'name_en',
  'title_zh',
  'title_en',
  'iccs',
  'parent',
  'report',
  'aliases',
];
function propertyOrder(key: string): number {
  const i = PROPERTY_ORDER.indexOf(key);
  return i < 0 ? PROPERTY_ORDER.length - 1 : i;
}

/** One paragraph (or recommendation) a node's facts come from, in one language version. */
export interface ProvenanceVersion {
  report: string | null;
  paragraphId: string | null;
  language: string | null;
  text: string;
  spans: [number, number][];
}

/** A paragraph the facts come from, once per meeting: its versions (one per language the corpus holds it in), and the facts it gives (each read from this node: `direction`). */
export interface ProvenanceEntry {
  key: string;
  paragraph: number | null;
  label: string | null;
  report: string | null;
  versions: ProvenanceVersion[];
  facts: { type: string; direction: 'out' | 'in'; other: RelatedNode }[];
}

/**
 * Facts grouped by the paragraph they come from, spans merged, so each paragraph is shown
 * once: the same paragraph of one meeting's reports in two languages is one entry with two
 * versions (`meetingOf` tells a report's meeting; `languageOf` its language).
 */
export function provenanceByParagraph(
  groups: readonly RelationshipGroup[],
  meetingOf: (report: string | null) => string | null = (r) => r,
  languageOf: (report: string | null) => string | null = () => null,
): ProvenanceEntry[] {
  const byKey = new Map<string, ProvenanceEntry>();
  for (const group of groups) {
    for (const item of group.items) {
      for (const p of item.provenance) {
        if (!p.text && !p.evidence) continue;
        const place = p.label ?? (p.paragraph !== null ? `¶${p.paragraph}` : p.text.slice(0, 40));
        const key = `${meetingOf(p.report) ?? ''}|${place}`;
        let entry = byKey.get(key);
        if (!entry) {
          entry = { key, paragraph: p.paragraph, label: p.label, report: p.report, versions: [], facts: [] };
          byKey.set(key, entry);
        }
        let version = entry.versions.find((v) => v.report === p.report && v.paragraphId === p.paragraphId);
        if (!version) {
          version = { report: p.report, paragraphId: p.paragraphId, language: languageOf(p.report), text: p.text || p.evidence || '', spans: [] };
          entry.versions.push(version);
        }
        version.spans.push(...p.spans);
        if (!entry.facts.some((f) => f.type === group.type && f.other.id === item.other.id))
          entry.facts.push({ type: group.type, direction: group.direction, other: item.other });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => (a.report ?? '').localeCompare(b.report ?? '') || (a.paragraph ?? 1e9) - (b.paragraph ?? 1e9));
}

/**
 * A relationship group's items with the language versions of one fact made one (the same
 * other node, from the same place of the same meeting), keeping the one in `lang` when the
 * corpus has it: no list shows two rows that look the same.
 */
export function distinctItems<T extends { other: { id: string }; provenance: { report: string | null; label: string | null; paragraph: number | null }[] }>(
  items: readonly T[],
  meetingOf: (report: string | null) => string | null,
  languageOf: (report: string | null) => string | null,
  lang: string,
): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const p = item.provenance[0];
    // A paragraph or recommendation at the other end is the same one in every language version of its meeting.
    const unit = /^(para|rec):([^:]+):(.+)$/.exec(item.other.id);
    const other = unit ? `${unit[1]}|${meetingOf(`report:${unit[2]}`) ?? unit[2]}|${unit[3]}` : item.other.id;
    const key = `${other}|${meetingOf(p?.report ?? null) ?? ''}|${p?.label ?? p?.paragraph ?? ''}`;
    const have = kept.get(key);
    if (!have || (languageOf(have.provenance[0]?.report ?? null) !== lang && languageOf(p?.report ?? null) === lang)) kept.set(key, item);
  }
  return items.filter((i) => [...kept.values()].includes(i));
}

/**
 * The details panel (data-testid="details"): what is known of the selected
 * node, who it is related to (clickable, grouped by relationship type) and the
 * paragraphs that say so, with the words highlighted.
 */
export class DetailsPanel implements DetailsHost {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private current:
    | { kind: 'node'; id: string; details: NodeDetailsResponse | null; error: unknown; citations?: CitationData | null }
    | { kind: 'content'; title: string; content: Node }
    | null = null;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {
    this.body = h('div', { class: 'details-body' });
    this.element = h('aside', { class: 'details', 'data-testid': 'details', 'aria-live': 'polite', 'aria-labelledby': 'details-title' }, this.body);
    this.render();
  }

  async showNode(id: string): Promise<void> {
    const seq = ++this.seq;
    this.current = { kind: 'node', id, details: null, error: null };
    this.render();
    try {
      // An instrument's citations are counted directly and through the instruments supplementing it, from the shared table.
      const [details, citations] = await Promise.all([
        this.ctx.api.node(id),
        primaryLabel(id, []) === 'Instrument' ? this.ctx.citationData().catch(() => null) : null,
      ]);
      if (seq !== this.seq) return;
      this.current = { kind: 'node', id, details, error: null, citations };
    } catch (error) {
      if (seq !== this.seq) return;
      this.current = { kind: 'node', id, details: null, error };
    }
    this.render();
  }

  showContent(title: string, content: Node): void {
    this.seq++;
    this.current = { kind: 'content', title, content };
    this.render();
  }

  clear(): void {
    this.seq++;
    this.current = null;
    this.render();
  }

  currentNode(): string | null {
    return this.current?.kind === 'node' ? this.current.id : null;
  }

  render(): void {
    const ctx = this.ctx;
    const current = this.current;
    if (!current) {
      replace(
        this.body,
        h('h2', { id: 'details-title', class: 'details-heading' }, ctx.t('detailsTitle')),
        h('p', { class: 'empty-hint' }, ctx.t('detailsEmpty')),
      );
      this.element.dataset.state = 'empty';
      return;
    }
    if (current.kind === 'content') {
      replace(this.body, this.closeButton(), h('h2', { id: 'details-title', class: 'details-heading' }, current.title), current.content);
      this.element.dataset.state = 'content';
      return;
    }
    if (current.error) {
      replace(
        this.body,
        this.closeButton(),
        h('h2', { id: 'details-title', class: 'details-heading' }, current.id),
        h('p', { class: 'error', role: 'alert' }, errorMessage(current.error, ctx.lang())),
      );
      this.element.dataset.state = 'error';
      return;
    }
    if (!current.details) {
      replace(this.body, h('h2', { id: 'details-title', class: 'details-heading' }, current.id), h('p', { class: 'loading' }, ctx.t('detailsLoading')));
      this.element.dataset.state = 'loading';
      return;
    }
    replace(this.body, ...this.renderDetails(current.details, current.citations ?? null));
    this.element.dataset.state = 'node';
    this.element.dataset.node = current.id;
  }

  private closeButton(): HTMLElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'icon-button details-close',
        'aria-label': this.ctx.t('detailsClose'),
        title: this.ctx.t('detailsClose'),
        onclick: () => {
          this.clear();
          this.ctx.store.set({ node: null });
          this.ctx.canvas.select(null);
        },
      },
      '×',
    );
  }

  private renderDetails(d: NodeDetailsResponse, citations: CitationData | null): Node[] {
    const ctx = this.ctx;
    const lang = ctx.lang();
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const label = primaryLabel(d.id, d.labels);
    const nameable = { id: d.id, label, props: d.properties };
    const title = fullName(nameable, lang);
    const subtitle = fullName(nameable, other);
    const out: Node[] = [];
    out.push(this.closeButton());
    const ownReport = typeof d.properties.report === 'string' ? d.properties.report : label === 'Report' ? d.id : null;
    out.push(
      h('div', { class: 'details-label' }, swatch(labelColor(label)), labelName(lang, label), ownReport ? tagChip(ctx.corpus(), ownReport, lang) : null),
    );
    out.push(h('h2', { id: 'details-title', class: 'details-heading' }, title));
    if (subtitle && subtitle !== title) out.push(h('p', { class: 'details-subtitle', lang: other === 'zh' ? 'zh-CN' : 'en' }, subtitle));
    out.push(h('p', { class: 'details-id' }, h('code', {}, d.id)));

    const actions = h(
      'div',
      { class: 'details-actions' },
      h('button', { type: 'button', class: 'button small', onclick: () => void ctx.expand(d.id) }, ctx.t('detailsExpand')),
      label === 'Instrument' || label === 'Recommendation'
        ? h('button', { type: 'button', class: 'button small', onclick: () => ctx.switchView('citations', { trace: d.id }) }, ctx.t('detailsTracePick'))
        : null,
      ['State', 'Organization', 'Instrument', 'CrimeType', 'Person'].includes(label)
        ? h(
            'button',
            {
              type: 'button',
              class: 'button small',
              'data-testid': 'details-profile',
              onclick: () => ctx.switchView('compare', { compare: 'profile', profile: d.id }),
            },
            ctx.t('detailsProfile'),
          )
        : null,
      h('button', { type: 'button', class: 'button small', onclick: () => ctx.switchView('path', { from: d.id }) }, ctx.t('detailsPathFrom')),
      h('button', { type: 'button', class: 'button small', onclick: () => ctx.switchView('path', { to: d.id }) }, ctx.t('detailsPathTo')),
    );
    out.push(actions);

    // The text in the interface's language when the corpus has it (the other on request), its
    // footnotes' marks raised where they stood and the notes under it; a Report's notes alone.
    const notes = nodeFootnotes(d.properties);
    if (typeof d.properties.text === 'string' && d.properties.text) out.push(this.renderOwnText(d, lang, notes));
    else if (notes.length > 0) out.push(footnoteList(notes, lang));

    // An instrument: the recommendations citing it, with their text and the cited words marked; then
    // those citing an instrument that supplements it (a protocol, a COP resolution), each saying which.
    if (label === 'Instrument') {
      const corpus = ctx.corpus();
      const citing = distinctItems(
        d.relationships.filter((g) => g.type === 'CITES' && g.direction === 'in').flatMap((g) => g.items),
        (r) => corpus.meetingOf(r),
        (r) => corpus.language(r),
        lang,
      );
      const counts = citations ? citationCounts(citations.rows, citations.supplements, d.id) : null;
      const nameOf = (id: string) => {
        const props = citations?.instrumentProps.get(id);
        return props ? shortName({ id, label: 'Instrument', props }, lang, 40) : id;
      };
      const others = citations ? supplementing(d.id, citations.supplements) : new Set<string>();
      const direct = new Set(citing.map((i) => i.other.id));
      const via = citations ? citations.rows.filter((r) => others.has(r.instrument) && !direct.has(r.recommendation)) : [];
      if (citing.length > 0 || via.length > 0) {
        const countText = counts ? countWords(counts, nameOf, (k, v) => ctx.t(k, v)) : String(citing.length);
        out.push(
          h(
            'section',
            { class: 'details-section cited-by', 'data-testid': 'cited-by' },
            h('h3', {}, ctx.t('detailsCitedBy'), h('span', { class: 'count', 'data-testid': 'cited-by-count' }, countText)),
            h(
              'ul',
              { class: 'cited-list' },
              citing.map((item) => {
                const p = item.provenance[0];
                const text = item.other.text ?? p?.text ?? '';
                const spans = p && (p.text === text || !p.text) ? p.spans : [];
                return h(
                  'li',
                  { 'data-how': 'direct' },
                  h(
                    'button',
                    { type: 'button', class: 'chip chip-rec', 'data-id': item.other.id, onclick: () => ctx.openNode(item.other.id, { focus: true }) },
                    tagChip(corpus, p?.report ?? null, lang),
                    recommendationRef(item.other.id),
                  ),
                  h('span', { class: 'how-tag' }, ctx.t('citationsDirect')),
                  text ? highlightedText(text, spans) : null,
                );
              }),
            ),
            via.length > 0 ? h('h4', { class: 'sub-head' }, ctx.t('detailsCitedVia')) : null,
            via.length > 0
              ? h(
                  'ul',
                  { class: 'cited-list via' },
                  via.map((row) => {
                    const start = row.text && row.evidence ? row.text.indexOf(row.evidence) : -1;
                    return h(
                      'li',
                      { 'data-how': 'via' },
                      h(
                        'button',
                        { type: 'button', class: 'chip chip-rec', onclick: () => ctx.openNode(row.recommendation, { focus: true }) },
                        tagChip(corpus, row.report, lang),
                        row.label,
                      ),
                      h('span', { class: 'how-tag' }, ctx.t('citationsVia', { name: nameOf(row.instrument) })),
                      row.text ? highlightedText(row.text, start >= 0 ? [[start, start + row.evidence!.length]] : []) : null,
                    );
                  }),
                )
              : null,
          ),
        );
      }
    }

    out.push(this.renderProperties(d, lang));
    out.push(this.renderRelated(d, lang));
    const provenance = this.renderProvenance(d, lang);
    if (provenance) out.push(provenance);
    return out;
  }

  private renderProperties(d: NodeDetailsResponse, lang: Lang): HTMLElement {
    const rows = Object.entries(d.properties)
      .filter(([key, value]) => !HIDDEN_PROPERTIES.has(key) && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
      .sort(([a], [b]) => propertyOrder(a) - propertyOrder(b) || a.localeCompare(b));
    return h(
      'section',
      { class: 'details-section' },
      h('h3', {}, this.ctx.t('detailsProperties')),
      h(
        'dl',
        { class: 'props' },
        rows.flatMap(([key, value]) => [
          h('dt', { title: key }, propertyName(lang, key)),
          h('dd', { title: Array.isArray(value) ? value.join('\n') : '' }, formatValue(value, key, lang)),
        ]),
      ),
    );
  }

  private renderRelated(d: NodeDetailsResponse, lang: Lang): HTMLElement {
    const ctx = this.ctx;
    if (d.relationships.length === 0) {
      return h('section', { class: 'details-section' }, h('h3', {}, ctx.t('detailsRelated')), h('p', { class: 'empty-hint' }, ctx.t('detailsNoRelations')));
    }
    const sections = relationSections(d.relationships);
    return h(
      'section',
      { class: 'details-section related', 'data-testid': 'related' },
      h('h3', {}, ctx.t('detailsRelated')),
      sections.map((section) => {
        const corpus = ctx.corpus();
        const distinct = distinctItems(
          section.items,
          (r) => corpus.meetingOf(r),
          (r) => corpus.language(r),
          lang,
        );
        const items = distinct.slice(0, GROUP_ITEM_LIMIT);
        // What the list does not show: the items the API left out, and those beyond the limit (language versions of one fact count once).
        const count = distinct.length + section.count - section.items.length;
        const hidden = count - items.length;
        return h(
          'details',
          { class: `rel-group${section.stated ? ' stated' : ''}`, open: section.open, 'data-type': section.type, 'data-direction': section.direction },
          h('summary', {}, h('span', { class: 'rel-type' }, relationName(lang, section.type, section.direction)), h('span', { class: 'count' }, count)),
          h(
            'div',
            { class: 'chips' },
            items.map((item) => {
              const para = item.provenance[0]?.paragraph ?? (typeof item.properties.paragraph === 'number' ? item.properties.paragraph : null);
              const otherLabel = primaryLabel(item.other.id, item.other.labels);
              const name = entityName(item.other, lang);
              const kind = typeof item.properties.kind === 'string' ? valueName(lang, 'kind', item.properties.kind) : null;
              const isUnit = otherLabel === 'Paragraph' || otherLabel === 'Recommendation';
              const report = isUnit ? reportOfUnit(item.other.id) : (item.provenance[0]?.report ?? null);
              return h(
                'button',
                {
                  type: 'button',
                  class: 'chip',
                  title: `${name} · ${labelName(lang, otherLabel)} · ${item.other.id}`,
                  'data-id': item.other.id,
                  onclick: () => ctx.openNode(item.other.id, { focus: true }),
                },
                swatch(labelColor(otherLabel)),
                isUnit && report ? tagChip(corpus, report, lang) : null,
                h('span', { class: 'chip-text' }, name),
                kind ? h('span', { class: `kind-tag kind-${String(item.properties.kind)}` }, kind) : null,
                !isUnit && para !== null ? h('span', { class: 'chip-para' }, report ? tagChip(corpus, report, lang) : null, `¶${para}`) : null,
              );
            }),
            hidden > 0 ? h('span', { class: 'more' }, `+${hidden}`) : null,
          ),
        );
      }),
    );
  }

  private renderProvenance(d: NodeDetailsResponse, lang: Lang): HTMLElement | null {
    const ctx = this.ctx;
    const corpus = ctx.corpus();
    const isInstrument = primaryLabel(d.id, d.labels) === 'Instrument';
    const entries = provenanceByParagraph(
      d.relationships.filter((g) => !(isInstrument && g.type === 'CITES')),
      (r) => corpus.meetingOf(r) ?? r,
      (r) => corpus.language(r),
    );
    if (entries.length === 0) return null;
    const shown = entries.slice(0, PROVENANCE_LIMIT);
    return h(
      'section',
      { class: 'details-section provenance', 'data-testid': 'provenance' },
      h('h3', {}, ctx.t('detailsProvenance'), h('span', { class: 'count' }, entries.length)),
      h(
        'ol',
        { class: 'prov-list' },
        shown.map((entry) => this.renderEntry(entry, lang)),
      ),
      entries.length > shown.length ? h('p', { class: 'hint' }, `+${entries.length - shown.length}`) : null,
    );
  }

  /** One paragraph the facts come from: its meeting's tag, the text in the interface's language when the corpus has it, the other language on request. */
  private renderEntry(entry: ProvenanceEntry, lang: Lang): HTMLElement {
    const ctx = this.ctx;
    const corpus = ctx.corpus();
    const li = h('li', { 'data-key': entry.key });
    let version = entry.versions.find((v) => v.language === lang) ?? entry.versions[0]!;
    const draw = (): void => {
      const other = entry.versions.find((v) => v !== version);
      const place = entry.label ?? (entry.paragraph !== null ? `¶ ${entry.paragraph}` : null);
      replace(
        li,
        h(
          'div',
          { class: 'prov-head' },
          tagChip(corpus, version.report, lang),
          place ? h('span', { class: 'para-no' }, place) : null,
          h(
            'span',
            { class: 'prov-facts' },
            entry.facts
              .slice(0, 4)
              .map((f) => `${relationName(lang, f.type, f.direction)} ${entityName(f.other, lang)}`)
              .join(' · '),
          ),
          other
            ? versionToggle(ctx, other, () => {
                version = other;
                draw();
              })
            : null,
        ),
        highlightedText(version.text, version.spans),
      );
    };
    draw();
    return li;
  }

  /** A paragraph's or recommendation's own text: in the interface's language when the corpus holds that version (`versions`), the other on request. */
  private renderOwnText(d: NodeDetailsResponse, lang: Lang, notes: readonly NodeFootnote[]): HTMLElement {
    const ctx = this.ctx;
    const corpus = ctx.corpus();
    const own = {
      id: d.id,
      report: typeof d.properties.report === 'string' ? d.properties.report : null,
      language: null as string | null,
      text: String(d.properties.text),
    };
    own.language = corpus.language(own.report) ?? null;
    const all = [own, ...d.versions];
    let shown = all.find((v) => v.language === lang) ?? own;
    const section = h('section', { class: 'details-section', 'data-testid': 'own-text' });
    const draw = (): void => {
      const other = all.find((v) => v !== shown);
      replace(
        section,
        h(
          'h3',
          {},
          propertyName(lang, 'text'),
          shown.language ? h('span', { class: 'lang-badge', 'data-testid': 'text-language' }, shown.language) : null,
          other
            ? versionToggle(ctx, other, () => {
                shown = other;
                draw();
              })
            : null,
        ),
        // The footnotes are the node's own: its marks and notes go with its own text.
        h(
          'p',
          { class: 'para-text', lang: shown.language === 'zh' ? 'zh-CN' : (shown.language ?? '') },
          shown === own
            ? footnotedSegments(own.text, notes).map((seg) => ('marker' in seg ? h('sup', { class: 'footnote-mark', title: seg.note }, seg.marker) : seg.text))
            : shown.text,
        ),
        shown === own && notes.length > 0 ? footnoteList(notes, lang) : null,
      );
    };
    draw();
    return section;
  }
}

/** A node's footnotes as a list under a heading. */
function footnoteList(notes: readonly NodeFootnote[], lang: Lang): HTMLElement {
  return h(
    'section',
    { class: 'details-section details-footnotes' },
    h('h3', {}, propertyName(lang, 'footnotes')),
    h(
      'ul',
      { class: 'footnote-list' },
      notes.map((n) => h('li', {}, n.text)),
    ),
  );
}
