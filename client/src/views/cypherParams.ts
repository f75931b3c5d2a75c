import type { SavedQueryJson } from '../../../server/contract/api.ts';
import type { Json } from '../../../server/contract/graph.ts';
import { ID_PREFIX_LABELS, NODE_LABELS, type NodeLabel } from '../../../server/contract/model.ts';
import { LABEL_NAMES } from '../i18n/strings.ts';

export type SavedQueryParam = SavedQueryJson['params'][number];
export type ConsoleParams = Record<string, Json>;

/** An id as ingest builds them: a known prefix, a colon, the rest (`crime:money-laundering`). */
const ID_PATTERN = new RegExp(`^(${Object.keys(ID_PREFIX_LABELS).join('|')}):\\S+$`);
const QUOTED_ID = new RegExp(`["“](?:${Object.keys(ID_PREFIX_LABELS).join('|')}):[^"”\\s]+["”]`, 'g');

/**
 * Whether a saved query's parameter names a node, and of which labels: the
 * picker then searches entities by name (Chinese or English) and puts the id in.
 * Read from the query's own header (cypher/queries/*.cypher): a default that is
 * an id (`"crime:trafficking-in-persons"`), or a description that says "id" and
 * quotes one (`its id, e.g. "meeting:lac-rpm-2025"`). The labels are those of
 * the ids' prefixes and of any label the description names ("agenda item or
 * theme"); a description that speaks of a "node" allows every label (`labels`
 * null).
 */
export function entityParam(param: SavedQueryParam): { labels: NodeLabel[] | null } | null {
  if (param.type !== 'string') return null;
  const description = param.description ?? '';
  const ids: string[] = [];
  if (typeof param.default === 'string' && ID_PATTERN.test(param.default)) ids.push(param.default);
  if (/\bids?\b/i.test(description)) ids.push(...(description.match(QUOTED_ID) ?? []).map((q) => q.slice(1, -1)));
  if (ids.length === 0) return null;
  if (/\bnodes?\b/i.test(description)) return { labels: null };
  const labels = new Set<NodeLabel>();
  for (const id of ids) {
    const label = ID_PREFIX_LABELS[id.split(':')[0]!];
    if (label) labels.add(label);
  }
  const text = description.toLowerCase();
  for (const label of NODE_LABELS) {
    if (text.includes(LABEL_NAMES[label].en.toLowerCase())) labels.add(label);
  }
  return { labels: labels.size > 0 ? [...labels] : null };
}

/**
 * A value typed into a parameter's field, as its declared type (the saved
 * queries' types: string, integer, float, boolean, list<string>); a parameter
 * set with :param (no declared type) is read as JSON, else kept as text.
 * Throws a RangeError naming the expected type when the text is not one.
 */
export function coerceParam(type: string | null, text: string): Json {
  const value = text.trim();
  switch (type) {
    case 'string':
      return text;
    case 'integer':
      if (!/^[-+]?\d+$/.test(value)) throw new RangeError('integer');
      return Number.parseInt(value, 10);
    case 'float':
      if (value === '' || !Number.isFinite(Number(value))) throw new RangeError('float');
      return Number(value);
    case 'boolean':
      if (!/^(true|false)$/i.test(value)) throw new RangeError('boolean');
      return value.toLowerCase() === 'true';
    case 'list<string>':
      if (value.startsWith('[')) {
        const parsed: unknown = JSON.parse(value);
        if (!Array.isArray(parsed)) throw new RangeError('list<string>');
        return parsed.map(String);
      }
      return value === ''
        ? []
        : value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    default:
      try {
        return JSON.parse(value) as Json;
      } catch {
        return text;
      }
  }
}

/** A parameter's value as its field shows it (the inverse of coerceParam). */
export function paramText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** A saved query's defaults, for the parameters it declares. */
export function savedDefaults(query: SavedQueryJson): ConsoleParams {
  return Object.fromEntries(query.params.map((p) => [p.name, p.default]));
}

/** The parameters as the URL holds them (`params=` JSON); null for none. */
export function paramsToUrl(params: ConsoleParams): string | null {
  return Object.keys(params).length > 0 ? JSON.stringify(params) : null;
}

/** The parameters a URL holds; anything but a JSON object is none. */
export function paramsFromUrl(text: string | null): ConsoleParams {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ConsoleParams) : {};
  } catch {
    return {};
  }
}
