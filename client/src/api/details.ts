import { primaryLabel } from '../graph/build.ts';

/** Where a fact comes from: a paragraph, its text and the character spans to highlight in it. */
export interface Provenance {
  paragraph: number | null;
  paragraphId: string | null;
  report: string | null;
  text: string;
  spans: [number, number][];
  evidence: string | null;
}

export interface RelatedEntity {
  id: string;
  label: string;
  labels: string[];
  name: string;
  name_zh: string | null;
  name_en: string | null;
  /** The other end's text, for recommendations and paragraphs. */
  text: string | null;
}

export interface RelationshipItem {
  other: RelatedEntity;
  props: Record<string, unknown>;
  provenance: Provenance[];
}

export interface RelationshipGroup {
  type: string;
  direction: 'out' | 'in';
  /** How many relationships the group has in all (the API may list fewer). */
  count: number;
  items: RelationshipItem[];
}

export interface NodeDetails {
  id: string;
  label: string;
  labels: string[];
  props: Record<string, unknown>;
  groups: RelationshipGroup[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/** Spans as pairs, from the model's flat `[s1, e1, s2, e2…]` or from `[[s, e], …]` / `[{start, end}]`. */
export function spanPairs(raw: unknown): [number, number][] {
  if (!Array.isArray(raw)) return [];
  const pairs: [number, number][] = [];
  if (raw.every((v) => typeof v === 'number')) {
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as number, raw[i + 1] as number]);
  } else {
    for (const item of raw) {
      if (Array.isArray(item) && typeof item[0] === 'number' && typeof item[1] === 'number') pairs.push([item[0], item[1]]);
      else if (isObj(item) && typeof item.start === 'number' && typeof item.end === 'number') pairs.push([item.start, item.end]);
    }
  }
  return pairs.filter(([s, e]) => e > s && s >= 0);
}

function normalizeProvenance(raw: unknown, fallbackProps: Obj = {}): Provenance | null {
  if (!isObj(raw)) return null;
  const text = str(raw.text) ?? str(raw.paragraphText) ?? str((raw.paragraph as Obj | undefined)?.text) ?? '';
  const paragraphValue = isObj(raw.paragraph) ? (raw.paragraph as Obj).number : raw.paragraph;
  const evidence = str(raw.evidence) ?? str(fallbackProps.evidence);
  let spans = spanPairs(raw.spans ?? raw.highlights ?? fallbackProps.spans);
  if (spans.length === 0 && evidence && text.includes(evidence)) {
    const start = text.indexOf(evidence);
    spans = [[start, start + evidence.length]];
  }
  return {
    paragraph: num(paragraphValue) ?? num(raw.number) ?? num(fallbackProps.paragraph),
    paragraphId: str(raw.paragraphId) ?? str(raw.unit) ?? str(raw.id) ?? (isObj(raw.paragraph) ? str((raw.paragraph as Obj).id) : null),
    report: str(raw.report) ?? str(fallbackProps.report),
    text,
    spans,
    evidence,
  };
}

function normalizeEntity(raw: unknown): RelatedEntity | null {
  if (typeof raw === 'string') return { id: raw, label: primaryLabel(raw, []), labels: [], name: raw, name_zh: null, name_en: null, text: null };
  if (!isObj(raw)) return null;
  const id = str(raw.id) ?? str(raw.key);
  if (!id) return null;
  const props = isObj(raw.properties) ? raw.properties : raw;
  const labels = Array.isArray(raw.labels) ? raw.labels.filter((l): l is string => typeof l === 'string') : typeof raw.label === 'string' ? [raw.label] : [];
  return {
    id,
    label: primaryLabel(id, labels),
    labels,
    name: str(raw.name) ?? str(props.name) ?? str(props.symbol) ?? id,
    name_zh: str(raw.name_zh) ?? str(props.name_zh) ?? str(props.title_zh),
    name_en: str(raw.name_en) ?? str(props.name_en) ?? str(props.title_en),
    text: str(raw.text) ?? str(props.text),
  };
}

function normalizeItem(raw: unknown, fallbackDirection: 'out' | 'in' | null): { item: RelationshipItem; direction: 'out' | 'in' } | null {
  if (!isObj(raw)) return null;
  const other = normalizeEntity(raw.other ?? raw.node ?? raw.target ?? raw.neighbor ?? raw.end ?? { id: raw.id, labels: raw.labels, name: raw.name, name_zh: raw.name_zh, name_en: raw.name_en });
  if (!other) return null;
  const props = isObj(raw.properties) ? raw.properties : isObj(raw.props) ? raw.props : {};
  const rawProv = raw.provenance ?? raw.evidence_paragraphs ?? raw.sources;
  const list = Array.isArray(rawProv) ? rawProv : rawProv !== undefined ? [rawProv] : [];
  const provenance = list.map((p) => normalizeProvenance(p, props)).filter((p): p is Provenance => p !== null);
  const dir = raw.direction === 'in' || raw.direction === 'incoming' ? 'in' : raw.direction === 'out' || raw.direction === 'outgoing' ? 'out' : (fallbackDirection ?? 'out');
  return { item: { other, props, provenance }, direction: dir };
}

/**
 * The details of a node from `GET /api/nodes/:id`: properties, relationships
 * grouped by type and direction, each with its provenance. Accepts the
 * relationship groups as an object keyed by type (optionally split into
 * `out`/`in`) or as a list of `{type, direction, items}`.
 */
export function normalizeDetails(body: unknown): NodeDetails {
  const b = isObj(body) ? (isObj(body.node) ? { ...body, ...body.node } : body) : {};
  const id = str(b.id) ?? '';
  const labels = Array.isArray(b.labels) ? b.labels.filter((l): l is string => typeof l === 'string') : [];
  const props = isObj(b.properties) ? b.properties : {};
  const groups = new Map<string, RelationshipGroup>();
  const add = (type: string, raw: unknown, direction: 'out' | 'in' | null, count?: unknown) => {
    const normalized = normalizeItem(raw, direction);
    if (!normalized) return;
    const key = `${type}|${normalized.direction}`;
    let group = groups.get(key);
    if (!group) {
      group = { type, direction: normalized.direction, count: 0, items: [] };
      groups.set(key, group);
    }
    group.items.push(normalized.item);
    group.count = Math.max(group.items.length, typeof count === 'number' ? count : 0);
  };
  const rels = b.relationships ?? b.relations ?? b.related;
  if (Array.isArray(rels)) {
    for (const entry of rels) {
      if (!isObj(entry)) continue;
      const type = str(entry.type) ?? 'RELATED';
      const direction = entry.direction === 'in' || entry.direction === 'incoming' ? 'in' : entry.direction === 'out' || entry.direction === 'outgoing' ? 'out' : null;
      const items = Array.isArray(entry.items) ? entry.items : Array.isArray(entry.nodes) ? entry.nodes : Array.isArray(entry.relationships) ? entry.relationships : [entry];
      for (const item of items) add(type, item, direction, entry.count);
    }
  } else if (isObj(rels)) {
    for (const [type, value] of Object.entries(rels)) {
      if (Array.isArray(value)) for (const item of value) add(type, item, null);
      else if (isObj(value)) {
        for (const [dir, items] of Object.entries(value)) {
          const direction = dir === 'in' || dir === 'incoming' ? 'in' : 'out';
          if (Array.isArray(items)) for (const item of items) add(type, item, direction);
        }
      }
    }
  }
  return { id, label: primaryLabel(id, labels), labels, props, groups: [...groups.values()] };
}

export interface TextSegment {
  text: string;
  mark: boolean;
}

/** Splits `text` into plain and highlighted runs; overlapping or out-of-range spans are merged and clipped. */
export function highlightSegments(text: string, spans: readonly [number, number][]): TextSegment[] {
  const clipped = spans
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [s, e] of merged) {
    if (s > cursor) segments.push({ text: text.slice(cursor, s), mark: false });
    segments.push({ text: text.slice(s, e), mark: true });
    cursor = e;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: false });
  return segments;
}

/** Spans of every occurrence of any of `terms` in `text` (longest first, no overlaps): highlights crime names in a paragraph. */
export function findTermSpans(text: string, terms: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const sorted = [...new Set(terms.filter((t) => t && t.trim().length > 1))].sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (free) {
        for (let i = at; i < end; i++) taken[i] = true;
        spans.push([at, end]);
      }
      from = end;
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
